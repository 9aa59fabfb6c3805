/* cd-test-publish.c: what the publishing tests share: a fresh WordPress
 * and store per test, the site read and changed through REST as another
 * user, articles saved with a status, and runs of the built copydesk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cd-test-publish.h"
#include "cd-test-sync.h"

JsonNode *
rest (Fixture    *fixture,
      const char *method,
      const char *path,
      const char *json)
{
  return cd_test_wordpress_rest (fixture->wp, method, path, fixture->wp->other_user,
                                 fixture->wp->other_password, json, NULL);
}

JsonArray *
server_posts (Fixture *fixture)
{
  g_autoptr (JsonNode) node = rest (fixture, "GET", "/wp/v2/posts?status=any&context=edit"
                                                    "&per_page=100",
                                    NULL);

  return json_array_ref (json_node_get_array (node));
}

JsonObject *
server_post (Fixture    *fixture,
             const char *remote_id)
{
  g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", remote_id);
  g_autoptr (JsonNode) node = rest (fixture, "GET", path, NULL);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (JsonArray) posts = NULL;

  if (cd_test_wordpress_disabled ())
    return;
  fixture->wp = cd_test_wordpress_start (&error);
  g_assert_no_error (error);
  /* A new site has a sample post; each test starts from an empty one. */
  posts = server_posts (fixture);
  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      gint64           id = json_object_get_int_member (json_array_get_object_element (posts, i), "id");
      g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT "?force=true", id);
      g_autoptr (JsonNode) deleted = rest (fixture, "DELETE", path, NULL);
    }

  fixture->dir = g_dir_make_tmp ("copydesk-publish-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = cd_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->engine = cd_sync_engine_new (fixture->store);
  cd_test_add_account (fixture->store, ACCOUNT, fixture->wp->url, fixture->wp->user);
  client = cd_test_wordpress_client (fixture->wp, fixture->wp->password);
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (client));
}

void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  if (fixture->wp == NULL)
    return;
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->store);
  cd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  cd_test_wordpress_stop (fixture->wp);
}

gboolean
need_wordpress (Fixture *fixture)
{
  if (fixture->wp != NULL)
    return TRUE;
  g_test_skip ("COPYDESK_TEST_NO_WORDPRESS=1: WordPress tests skipped on request");
  return FALSE;
}

CdArticle *
save_with_status (Fixture        *fixture,
                  const char     *headline,
                  CdArticleStatus status)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *slug = g_ascii_strdown (headline, -1);
  CdArticle       *article = cd_article_new ();

  cd_article_set_headline (article, headline);
  cd_article_set_byline (article, "Anna Berger");
  /* A story ready to publish needs a dateline and a slug: without them
   * its check errors stop Publish. */
  g_strdelimit (slug, " ,.", '-');
  cd_article_set_dateline (article, "PASSAU");
  cd_article_set_slug (article, slug);
  cd_article_set_body (article, "The river rose overnight.");
  cd_article_set_status (article, status);
  g_assert_true (cd_store_save_article (fixture->store, article, CD_REVISION_EDITED, NULL, &error));
  g_assert_no_error (error);
  return article;
}

CdArticle *
load (Fixture    *fixture,
      const char *uuid)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_store_get_article (fixture->store, uuid, &error);

  g_assert_no_error (error);
  return article;
}

char *
remote_id_of (Fixture   *fixture,
              CdArticle *article)
{
  g_autofree char *state = NULL;
  char            *remote_id = NULL;

  state = cd_test_sync_state (fixture->store, cd_article_get_uuid (article), ACCOUNT, &remote_id);
  g_assert_nonnull (remote_id);
  return remote_id;
}

void
sync_clean (Fixture *fixture)
{
  g_autoptr (CdSyncResult) result = cd_test_sync_now (fixture->engine, ACCOUNT);

  g_assert_cmpuint (cd_sync_result_get_errors (result)->len, ==, 0);
  g_assert_cmpuint (cd_sync_result_get_conflicts (result)->len, ==, 0);
}

void
assert_server_status (Fixture    *fixture,
                      const char *remote_id,
                      const char *status)
{
  g_autoptr (JsonObject) post = server_post (fixture, remote_id);

  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, status);
}

GDateTime *
utc_in (gint64 seconds)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_seconds (now, (double) seconds);

  /* WordPress keeps whole seconds. */
  return g_date_time_new_utc (g_date_time_get_year (later), g_date_time_get_month (later),
                              g_date_time_get_day_of_month (later), g_date_time_get_hour (later),
                              g_date_time_get_minute (later), g_date_time_get_second (later));
}

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs the built copydesk on @data_dir with @input on its standard input. */
void
run_copydesk (Run        *run,
              const char *data_dir,
              const char *input,
              ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  const char *bin = g_getenv ("COPYDESK_BIN");
  va_list     args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, (char *) data_dir);
  va_start (args, input);
  for (const char *a = va_arg (args, const char *); a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                   G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("copydesk exited %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}
