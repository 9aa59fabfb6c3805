/* test-sync.c: the sync engine against a real WordPress 6.1 on loopback.
 *
 * Every test starts its own WordPress (build-aux/wordpress-test-server) and
 * store, so that what one test leaves on the server never shows up in the
 * next one's pull. Edits "on the server" are made through the REST API as
 * another user, the way a colleague in WordPress would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cd-store.h"
#include "cd-sync-db.h"
#include "cd-sync.h"
#include "cd-test-sync.h"
#include "cd-test-wordpress.h"
#include "cd-wordpress.h"

#define ACCOUNT "newsroom"

#define THREE_PARAGRAPHS "The river rose overnight.\n\n"           \
                         "Schools in the old town are closed.\n\n" \
                         "The mayor will speak at noon."

typedef struct
{
  CdTestWordpress *wp;
  char            *dir;
  CdStore         *store;
  CdSyncEngine    *engine;
} Fixture;

static JsonNode *rest (Fixture    *fixture,
                       const char *method,
                       const char *path,
                       const char *json);

/* A new site has a sample post; each test starts from an empty one. */
static void
remove_sample_posts (Fixture *fixture)
{
  g_autoptr (JsonNode) posts = rest (fixture, "GET", "/wp/v2/posts?status=any&context=edit"
                                                     "&per_page=100",
                                     NULL);
  JsonArray *array = json_node_get_array (posts);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64           id = json_object_get_int_member (json_array_get_object_element (array, i), "id");
      g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT "?force=true", id);
      g_autoptr (JsonNode) deleted = rest (fixture, "DELETE", path, NULL);
    }
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWordpress) client = NULL;

  if (cd_test_wordpress_disabled ())
    return;
  fixture->wp = cd_test_wordpress_start (&error);
  g_assert_no_error (error);
  remove_sample_posts (fixture);

  fixture->dir = g_dir_make_tmp ("copydesk-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = cd_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->engine = cd_sync_engine_new (fixture->store);
  g_object_add_weak_pointer (G_OBJECT (fixture->engine), (gpointer *) &fixture->engine);

  cd_test_add_account (fixture->store, ACCOUNT, fixture->wp->url, fixture->wp->user);

  /* The password comes from the test server, not from a keyring. */
  client = cd_test_wordpress_client (fixture->wp, fixture->wp->password);
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (client));
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  if (fixture->wp == NULL)
    return;
  g_object_unref (fixture->engine);
  g_assert_null (fixture->engine);
  g_clear_object (&fixture->store);
  cd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  cd_test_wordpress_stop (fixture->wp);
}

static gboolean
need_wordpress (Fixture *fixture)
{
  if (fixture->wp != NULL)
    return TRUE;
  g_test_skip ("COPYDESK_TEST_NO_WORDPRESS=1: WordPress tests skipped on request");
  return FALSE;
}

/* Plain REST as the other user, the way a colleague in WordPress edits. */
static JsonNode *
rest (Fixture    *fixture,
      const char *method,
      const char *path,
      const char *json)
{
  return cd_test_wordpress_rest (fixture->wp, method, path, fixture->wp->other_user,
                                 fixture->wp->other_password, json, NULL);
}

static JsonArray *
server_posts (Fixture *fixture)
{
  g_autoptr (JsonNode) node = rest (fixture, "GET", "/wp/v2/posts?status=any&context=edit"
                                                    "&per_page=100",
                                    NULL);

  return json_array_ref (json_node_get_array (node));
}

static char *
server_content (Fixture    *fixture,
                const char *remote_id)
{
  g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", remote_id);
  g_autoptr (JsonNode) node = rest (fixture, "GET", path, NULL);
  JsonObject *content = json_object_get_object_member (json_node_get_object (node), "content");

  return g_strdup (json_object_get_string_member (content, "raw"));
}

/* Replaces @from with @to in the post's content on the server. */
static void
server_edit (Fixture    *fixture,
             const char *remote_id,
             const char *from,
             const char *to)
{
  g_autofree char *content = server_content (fixture, remote_id);
  g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%s", remote_id);
  g_autoptr (GString) edited = g_string_new (content);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpuint (g_string_replace (edited, from, to, 1), ==, 1);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, edited->str);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  json = json_to_string (body, FALSE);
  reply = rest (fixture, "POST", path, json);
}

static CdSyncResult *
sync_now (Fixture *fixture)
{
  return cd_test_sync_now (fixture->engine, NULL);
}

static CdArticle *
save_new_article (Fixture    *fixture,
                  const char *headline,
                  const char *body)
{
  return cd_test_save_new_article (fixture->store, headline, body);
}

static void
save_edit (Fixture   *fixture,
           CdArticle *article)
{
  cd_test_save_edit (fixture->store, article);
}

static CdArticle *
load (Fixture    *fixture,
      const char *uuid)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_store_get_article (fixture->store, uuid, &error);

  g_assert_no_error (error);
  return article;
}

static void
assert_local_unchanged (Fixture   *fixture,
                        CdArticle *before)
{
  cd_test_assert_article_unchanged (fixture->store, before);
}

static char *
sync_state (Fixture    *fixture,
            const char *uuid,
            char      **remote_id)
{
  return cd_test_sync_state (fixture->store, uuid, ACCOUNT, remote_id);
}

static char *
synced_remote_id (Fixture    *fixture,
                  const char *uuid)
{
  char            *remote_id = NULL;
  g_autofree char *state = sync_state (fixture, uuid, &remote_id);

  g_assert_cmpstr (state, ==, "synced");
  g_assert_nonnull (remote_id);
  return remote_id;
}

static CdSyncItem *
find_item (GPtrArray  *items,
           const char *uuid)
{
  return cd_test_find_item (items, uuid);
}

static gboolean
has_revision (Fixture         *fixture,
              const char      *uuid,
              CdRevisionReason reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) revisions = cd_store_list_revisions (fixture->store, uuid, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    if (cd_revision_get_reason (g_ptr_array_index (revisions, i)) == reason)
      return TRUE;
  return FALSE;
}

static void
test_create_update (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdSyncResult) third = NULL;
  g_autoptr (JsonArray) posts = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *content = NULL;
  g_autofree char *updated = NULL;
  JsonObject      *post;

  if (!need_wordpress (fixture))
    return;

  article = save_new_article (fixture, "Flood waters rise in Passau", THREE_PARAGRAPHS);
  first = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (first));
  g_assert_nonnull (find_item (cd_sync_result_get_pushed (first), cd_article_get_uuid (article)));
  remote_id = synced_remote_id (fixture, cd_article_get_uuid (article));
  g_assert_true (has_revision (fixture, cd_article_get_uuid (article), CD_REVISION_BEFORE_SYNC));

  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 1);
  post = json_array_get_object_element (posts, 0);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (post, "title"),
                                                  "raw"),
                   ==, "Flood waters rise in Passau");
  content = server_content (fixture, remote_id);
  g_assert_nonnull (strstr (content, "Schools in the old town are closed."));
  g_assert_nonnull (strstr (content, cd_article_get_uuid (article)));
  /* The internal note never leaves the machine. */
  g_assert_null (strstr (content, "fire service"));
  assert_local_unchanged (fixture, article);

  cd_article_set_body (article, THREE_PARAGRAPHS "\n\nRoads to the east are open again.");
  save_edit (fixture, article);
  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_nonnull (find_item (cd_sync_result_get_pushed (second),
                               cd_article_get_uuid (article)));
  updated = server_content (fixture, remote_id);
  g_assert_nonnull (strstr (updated, "Roads to the east are open again."));
  g_clear_pointer (&posts, json_array_unref);
  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 1);
  assert_local_unchanged (fixture, article);

  /* Nothing changed on either side: nothing to do. */
  third = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (third));
  g_assert_cmpuint (cd_sync_result_get_pushed (third)->len, ==, 0);
  g_assert_cmpuint (cd_sync_result_get_pulled (third)->len, ==, 0);
  assert_local_unchanged (fixture, article);
}

static void
test_pull_new (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *want_id = NULL;
  CdSyncItem      *item;

  if (!need_wordpress (fixture))
    return;

  created = rest (fixture, "POST", "/wp/v2/posts",
                  "{\"title\": \"Written on the web desk\", \"status\": \"draft\","
                  " \"excerpt\": \"A short dek\","
                  " \"content\": \"<p>First paragraph from WordPress.</p>\\n"
                  "<p>Second paragraph.</p>\"}");
  want_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                             json_object_get_int_member (json_node_get_object (created), "id"));

  first = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (first));
  g_assert_cmpuint (cd_sync_result_get_pulled (first)->len, ==, 1);
  item = g_ptr_array_index (cd_sync_result_get_pulled (first), 0);
  article = load (fixture, item->uuid);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Written on the web desk");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "A short dek");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "First paragraph from WordPress.\n\nSecond paragraph.\n");
  g_assert_true (has_revision (fixture, item->uuid, CD_REVISION_PULLED));
  remote_id = synced_remote_id (fixture, item->uuid);
  g_assert_cmpstr (remote_id, ==, want_id);

  /* Pulled once: the next sync neither pulls it again nor pushes it back. */
  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (cd_sync_result_get_pulled (second)->len, ==, 0);
  g_assert_cmpuint (cd_sync_result_get_pushed (second)->len, ==, 0);
  assert_local_unchanged (fixture, article);
}

static void
test_clean_merge (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdArticle) merged = NULL;
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *content = NULL;
  g_autofree char *state = NULL;
  const char      *uuid;

  if (!need_wordpress (fixture))
    return;

  article = save_new_article (fixture, "Flood waters rise in Passau", THREE_PARAGRAPHS);
  uuid = cd_article_get_uuid (article);
  first = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (first));
  remote_id = synced_remote_id (fixture, uuid);

  /* Here the first paragraph changes, there the last. */
  cd_article_set_body (article, "The river rose by two metres overnight.\n\n"
                                "Schools in the old town are closed.\n\n"
                                "The mayor will speak at noon.");
  save_edit (fixture, article);
  server_edit (fixture, remote_id, "The mayor will speak at noon.",
               "The mayor will speak at one o'clock.");

  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  merged = load (fixture, uuid);
  g_assert_cmpstr (cd_article_get_body (merged), ==,
                   "The river rose by two metres overnight.\n\n"
                   "Schools in the old town are closed.\n\n"
                   "The mayor will speak at one o'clock.");
  g_assert_cmpstr (cd_article_get_byline (merged), ==, "Anna Berger");
  g_assert_cmpstr (cd_article_get_ednote (merged), ==,
                   "Check the figures with the fire service.");
  g_assert_true (has_revision (fixture, uuid, CD_REVISION_MERGED));

  content = server_content (fixture, remote_id);
  g_assert_nonnull (strstr (content, "by two metres"));
  g_assert_nonnull (strstr (content, "one o'clock"));
  state = sync_state (fixture, uuid, NULL);
  g_assert_cmpstr (state, ==, "synced");
}

static void
test_conflict (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdArticle) base = NULL;
  g_autoptr (CdArticle) mine = NULL;
  g_autoptr (CdArticle) theirs = NULL;
  g_autoptr (CdArticle) resolved = NULL;
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdSyncResult) third = NULL;
  g_autoptr (CdSyncResult) fourth = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *server_before = NULL;
  g_autofree char *server_after = NULL;
  g_autofree char *server_resolved = NULL;
  g_autofree char *state = NULL;
  const char      *uuid;

  if (!need_wordpress (fixture))
    return;

  article = save_new_article (fixture, "Flood waters rise in Passau", THREE_PARAGRAPHS);
  uuid = cd_article_get_uuid (article);
  first = sync_now (fixture);
  remote_id = synced_remote_id (fixture, uuid);

  /* Both sides rewrite the same paragraph. */
  cd_article_set_body (article, "The river rose overnight.\n\n"
                                "Schools in the old town stay closed until Friday.\n\n"
                                "The mayor will speak at noon.");
  save_edit (fixture, article);
  server_edit (fixture, remote_id, "Schools in the old town are closed.",
               "All schools in the district are closed.");
  server_before = server_content (fixture, remote_id);

  second = sync_now (fixture);
  g_assert_false (cd_sync_result_is_clean (second));
  g_assert_nonnull (find_item (cd_sync_result_get_conflicts (second), uuid));
  g_assert_cmpuint (cd_sync_result_get_errors (second)->len, ==, 0);
  state = sync_state (fixture, uuid, NULL);
  g_assert_cmpstr (state, ==, "conflict");
  /* Neither side was touched. */
  assert_local_unchanged (fixture, article);
  server_after = server_content (fixture, remote_id);
  g_assert_cmpstr (server_after, ==, server_before);

  /* A sync while the conflict waits changes nothing either. */
  third = sync_now (fixture);
  g_assert_nonnull (find_item (cd_sync_result_get_conflicts (third), uuid));
  assert_local_unchanged (fixture, article);

  g_assert_true (cd_sync_engine_get_conflict (fixture->engine, uuid, ACCOUNT, &base, &mine,
                                              &theirs, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (cd_article_get_body (base), "Schools in the old town are closed."));
  g_assert_nonnull (strstr (cd_article_get_body (mine), "until Friday"));
  g_assert_nonnull (strstr (cd_article_get_body (theirs), "All schools in the district"));

  resolved = cd_article_copy (mine);
  cd_article_set_body (resolved, "The river rose overnight.\n\n"
                                 "All schools in the district stay closed until Friday.\n\n"
                                 "The mayor will speak at noon.");
  g_assert_true (cd_sync_engine_resolve (fixture->engine, uuid, ACCOUNT, resolved, &error));
  g_assert_no_error (error);
  g_clear_pointer (&state, g_free);
  state = sync_state (fixture, uuid, NULL);
  g_assert_cmpstr (state, ==, "pending");

  fourth = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (fourth));
  g_assert_nonnull (find_item (cd_sync_result_get_pushed (fourth), uuid));
  server_resolved = server_content (fixture, remote_id);
  g_assert_nonnull (strstr (server_resolved, "All schools in the district stay closed until"));
  g_clear_pointer (&state, g_free);
  state = sync_state (fixture, uuid, NULL);
  g_assert_cmpstr (state, ==, "synced");
  g_clear_object (&mine);
  mine = load (fixture, uuid);
  g_assert_cmpstr (cd_article_get_body (mine), ==, cd_article_get_body (resolved));
}

static void
test_remote_deletion (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (JsonNode) trashed = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *state = NULL;
  CdSyncItem      *item;
  const char      *uuid;

  if (!need_wordpress (fixture))
    return;

  article = save_new_article (fixture, "Ferry service suspended", "High winds on the lake.");
  uuid = cd_article_get_uuid (article);
  first = sync_now (fixture);
  remote_id = synced_remote_id (fixture, uuid);

  path = g_strdup_printf ("/wp/v2/posts/%s", remote_id);
  trashed = rest (fixture, "DELETE", path, NULL);
  cd_article_set_body (article, "High winds on the lake; the ferry resumes tomorrow.");
  save_edit (fixture, article);

  second = sync_now (fixture);
  g_assert_false (cd_sync_result_is_clean (second));
  item = find_item (cd_sync_result_get_errors (second), uuid);
  g_assert_nonnull (item);
  g_assert_nonnull (strstr (item->message, "deleted on the server"));
  state = sync_state (fixture, uuid, NULL);
  g_assert_cmpstr (state, ==, "error");
  /* The local article, with its latest words, is kept. */
  g_assert_true (cd_store_has_article (fixture->store, uuid));
  assert_local_unchanged (fixture, article);
}

static void
test_wrong_password (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdSyncResult) result = NULL;
  g_autoptr (JsonArray) posts = NULL;
  g_autofree char *state = NULL;
  CdSyncItem      *item;

  if (!need_wordpress (fixture))
    return;

  client = cd_test_wordpress_client (fixture->wp, "aaaa bbbb cccc dddd eeee ffff");
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (client));
  article = save_new_article (fixture, "Budget talks stall", "No agreement yet.");

  result = sync_now (fixture);
  g_assert_false (cd_sync_result_is_clean (result));
  g_assert_cmpuint (cd_sync_result_get_pushed (result)->len, ==, 0);
  g_assert_cmpuint (cd_sync_result_get_pulled (result)->len, ==, 0);
  g_assert_cmpuint (cd_sync_result_get_errors (result)->len, >=, 1);
  item = g_ptr_array_index (cd_sync_result_get_errors (result), 0);
  g_assert_nonnull (strstr (item->message, "application password"));
  g_assert_null (strstr (item->message, "aaaa bbbb"));
  state = sync_state (fixture, cd_article_get_uuid (article), NULL);
  g_assert_cmpstr (state, ==, "error");
  assert_local_unchanged (fixture, article);

  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/sync/wordpress/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-update", test_create_update);
  ADD ("pull-new", test_pull_new);
  ADD ("clean-merge", test_clean_merge);
  ADD ("conflict", test_conflict);
  ADD ("remote-deletion", test_remote_deletion);
  ADD ("wrong-password", test_wrong_password);
#undef ADD

  return g_test_run ();
}
