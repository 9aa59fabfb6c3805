/* test-sync-kill.c: `copydesk sync` killed with SIGKILL at random moments
 * while it creates drafts on a real WordPress, then a sync to the end: one
 * post per article and one article per post, whatever moment the kills hit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "cd-secrets.h"
#include "cd-store.h"
#include "cd-test-keyring.h"
#include "cd-test-sync.h"
#include "cd-test-wordpress.h"

#define ACCOUNT "newsroom"
#define N_ARTICLES 16
#define N_KILLS 8

static gboolean keyring;

/* Every post on the site, as the other user sees them. */
static JsonArray *
server_posts (CdTestWordpress *wp)
{
  g_autoptr (JsonNode) node = cd_test_wordpress_rest (wp, "GET",
                                                      "/wp/v2/posts?status=any&context=edit"
                                                      "&per_page=100",
                                                      wp->other_user, wp->other_password, NULL,
                                                      NULL);

  return json_array_ref (json_node_get_array (node));
}

static void
remove_all_posts (CdTestWordpress *wp)
{
  g_autoptr (JsonArray) posts = server_posts (wp);

  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      gint64           id = json_object_get_int_member (json_array_get_object_element (posts, i), "id");
      g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT "?force=true", id);
      g_autoptr (JsonNode) gone =
          cd_test_wordpress_rest (wp, "DELETE", path, wp->other_user, wp->other_password, NULL,
                                  NULL);
    }
}

static void
test_kill_during_push (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) posts_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr (JsonArray) posts = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autofree char *dir = NULL;
  CdTestWordpress *wp;
  CdStoreQuery     query = { NULL, -1, FALSE, 0 };

  if (cd_test_wordpress_disabled ())
    {
      g_test_skip ("COPYDESK_TEST_NO_WORDPRESS=1: WordPress tests skipped on request");
      return;
    }
  if (!keyring)
    {
      g_test_fail_printf ("The command line reads the password from a keyring, and the test "
                          "keyring did not start.");
      return;
    }
  wp = cd_test_wordpress_start (&error);
  g_assert_no_error (error);
  remove_all_posts (wp);

  dir = g_dir_make_tmp ("copydesk-sync-kill-XXXXXX", &error);
  g_assert_no_error (error);
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  cd_test_add_account (store, ACCOUNT, wp->url, wp->user);
  g_assert_true (cd_secrets_store (ACCOUNT, wp->url, wp->user, wp->password, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Draft number %u", i + 1);
      g_autoptr (CdArticle) article =
          cd_test_save_new_article (store, headline, "Council met.\n\nMore follows.");

      g_ptr_array_add (uuids, g_strdup (cd_article_get_uuid (article)));
    }
  g_clear_object (&store);

  /* Killed at random moments (from the test's seed, so --seed repeats a run), so that over the runs the kills land before,
   * during and after creates. The moment decides nothing the test asserts:
   * any moment must leave a state the next sync finishes correctly. */
  for (guint k = 0; k < N_KILLS; k++)
    {
      g_autoptr (GSubprocess) process = cd_test_start_cli_sync (dir);

      g_usleep (g_rand_int_range (rand, 50, 900) * 1000);
      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, NULL);
    }

  /* Then one sync to the end. */
  {
    g_autoptr (GSubprocess) process = cd_test_start_cli_sync (dir);

    g_assert_true (g_subprocess_wait (process, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  }

  /* One post per article: each post carries the uuid of its article. */
  posts = server_posts (wp);
  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      JsonObject *post = json_array_get_object_element (posts, i);
      const char *content =
          json_object_get_string_member (json_object_get_object_member (post, "content"), "raw");
      guint found = 0;

      for (guint u = 0; u < uuids->len; u++)
        if (strstr (content, g_ptr_array_index (uuids, u)) != NULL)
          {
            g_assert_false (g_hash_table_contains (posts_of, g_ptr_array_index (uuids, u)));
            g_hash_table_add (posts_of, g_ptr_array_index (uuids, u));
            found++;
          }
      g_assert_cmpuint (found, ==, 1);
    }
  g_assert_cmpuint (json_array_get_length (posts), ==, N_ARTICLES);
  g_assert_cmpuint (g_hash_table_size (posts_of), ==, N_ARTICLES);

  /* And one article per post: the pull brought back no second copies. */
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  articles = cd_store_list_articles (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, N_ARTICLES);
  g_clear_object (&store);

  g_assert_true (cd_secrets_clear (ACCOUNT, wp->url, wp->user, NULL, &error));
  cd_test_remove_dir (dir);
  cd_test_wordpress_stop (wp);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  keyring = cd_test_keyring_start (&error);
  if (!keyring)
    g_printerr ("No test keyring: %s\n", error->message);

  g_test_add_func ("/sync-kill/push", test_kill_during_push);

  status = g_test_run ();
  if (keyring)
    cd_test_keyring_stop ();
  return status;
}
