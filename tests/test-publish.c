/* test-publish.c: statuses on the way to and from a real WordPress 6.1,
 * and publishing or scheduling an article (cd_sync_engine_publish_full() and
 * `copydesk publish`), embargo included.
 *
 * Each test starts its own WordPress, so that one test's posts never show
 * up in the next one's pull. The server is read and changed through the
 * REST API as another user, the way the web desk would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cd-article-json.h"
#include "cd-article-site.h"
#include "cd-store.h"
#include "cd-sync-db.h"
#include "cd-sync-publish.h"
#include "cd-sync.h"
#include "cd-test-publish.h"
#include "cd-test-sync.h"
#include "cd-test-wordpress.h"
#include "cd-wordpress.h"

/* The local workflow statuses as the site sees them after a sync: nothing
 * goes out live, and a change of status here follows to a draft or pending
 * post. */
static void
test_status_push (Fixture      *fixture,
                  gconstpointer data)
{
  static const struct
  {
    CdArticleStatus status;
    const char     *site;
  } cases[] = {
    {CD_ARTICLE_STATUS_DRAFT,             "draft"  },
    { CD_ARTICLE_STATUS_READY_FOR_EDIT,   "pending"},
    { CD_ARTICLE_STATUS_READY_TO_PUBLISH, "pending"},
    { CD_ARTICLE_STATUS_HELD,             "draft"  },
    { CD_ARTICLE_STATUS_KILLED,           "draft"  },
    { CD_ARTICLE_STATUS_PUBLISHED,        "draft"  },
  };
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *first = NULL;
  g_autoptr (CdArticle) reloaded = NULL;

  if (!need_wordpress (fixture))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *headline = g_strdup_printf ("Status case %u", i);

      g_ptr_array_add (articles, save_with_status (fixture, headline, cases[i].status));
    }
  sync_clean (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *remote_id = remote_id_of (fixture, articles->pdata[i]);
      g_autoptr (CdArticle) local = load (fixture, cd_article_get_uuid (articles->pdata[i]));

      assert_server_status (fixture, remote_id, cases[i].site);
      /* The local status is the desk's and stays as it was. */
      g_assert_cmpint (cd_article_get_status (local), ==, cases[i].status);
    }

  /* Draft → ready for edit goes out as pending, and back again as draft. */
  first = remote_id_of (fixture, articles->pdata[0]);
  reloaded = load (fixture, cd_article_get_uuid (articles->pdata[0]));
  cd_article_set_status (reloaded, CD_ARTICLE_STATUS_READY_FOR_EDIT);
  cd_test_save_edit (fixture->store, reloaded);
  sync_clean (fixture);
  assert_server_status (fixture, first, "pending");
  g_clear_object (&reloaded);
  reloaded = load (fixture, cd_article_get_uuid (articles->pdata[0]));
  cd_article_set_status (reloaded, CD_ARTICLE_STATUS_KILLED);
  cd_test_save_edit (fixture->store, reloaded);
  sync_clean (fixture);
  assert_server_status (fixture, first, "draft");
}

/* Statuses set on the site come back: pending makes a draft ready for edit
 * but leaves a status further along, future is ready to publish with its
 * time, private and publish are kept; a live post is never taken down or
 * changed in status by a sync, even for a held article. */
static void
test_status_pull (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) drafted = NULL;
  g_autoptr (CdArticle) ready = NULL;
  g_autoptr (CdArticle) held = NULL;
  g_autoptr (GDateTime) when = utc_in (3 * 24 * 3600);
  g_autofree char *when_text = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *future_json = NULL;
  g_autofree char *drafted_id = NULL;
  g_autofree char *ready_id = NULL;
  g_autofree char *held_id = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (GDateTime) scheduled = NULL;
  g_autoptr (JsonNode) made = NULL;
  g_autoptr (JsonObject) live = NULL;
  g_autofree char *live_date = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  gboolean found_future = FALSE;
  gboolean found_private = FALSE;

  if (!need_wordpress (fixture))
    return;
  drafted = save_with_status (fixture, "Drafted", CD_ARTICLE_STATUS_DRAFT);
  ready = save_with_status (fixture, "Ready", CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  held = save_with_status (fixture, "Held", CD_ARTICLE_STATUS_DRAFT);
  sync_clean (fixture);
  drafted_id = remote_id_of (fixture, drafted);
  ready_id = remote_id_of (fixture, ready);
  held_id = remote_id_of (fixture, held);

  path = g_strdup_printf ("/wp/v2/posts/%s", drafted_id);
  g_clear_pointer (&made, json_node_unref);
  made = rest (fixture, "POST", path, "{\"status\": \"pending\"}");
  g_free (path);
  path = g_strdup_printf ("/wp/v2/posts/%s", ready_id);
  g_clear_pointer (&made, json_node_unref);
  made = rest (fixture, "POST", path, "{\"status\": \"pending\"}");
  g_free (path);
  path = g_strdup_printf ("/wp/v2/posts/%s", held_id);
  g_clear_pointer (&made, json_node_unref);
  made = rest (fixture, "POST", path, "{\"status\": \"publish\"}");
  future_json = g_strdup_printf ("{\"title\": \"Scheduled on the web desk\", \"status\": "
                                 "\"future\", \"date_gmt\": \"%s\"}",
                                 when_text);
  g_clear_pointer (&made, json_node_unref);
  made = rest (fixture, "POST", "/wp/v2/posts", future_json);
  g_clear_pointer (&made, json_node_unref);
  made = rest (fixture, "POST", "/wp/v2/posts",
               "{\"title\": \"Private on the web desk\", \"status\": \"private\"}");
  sync_clean (fixture);

  local = load (fixture, cd_article_get_uuid (drafted));
  g_assert_cmpint (cd_article_get_status (local), ==, CD_ARTICLE_STATUS_READY_FOR_EDIT);
  g_assert_null (cd_article_get_site_status (local));
  g_clear_object (&local);
  local = load (fixture, cd_article_get_uuid (ready));
  g_assert_cmpint (cd_article_get_status (local), ==, CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  g_clear_object (&local);
  local = load (fixture, cd_article_get_uuid (held));
  g_assert_cmpint (cd_article_get_status (local), ==, CD_ARTICLE_STATUS_PUBLISHED);
  g_assert_cmpstr (cd_article_get_site_status (local), ==, "publish");

  all = cd_store_list_articles (fixture->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      CdArticle  *article = all->pdata[i];
      const char *headline = cd_article_get_headline (article);

      if (g_strcmp0 (headline, "Scheduled on the web desk") == 0)
        {
          found_future = TRUE;
          g_assert_cmpint (cd_article_get_status (article), ==,
                           CD_ARTICLE_STATUS_READY_TO_PUBLISH);
          g_assert_cmpstr (cd_article_get_site_status (article), ==, "future");
          scheduled = cd_article_dup_scheduled (article);
          g_assert_nonnull (scheduled);
          g_assert_true (g_date_time_equal (scheduled, when));
        }
      else if (g_strcmp0 (headline, "Private on the web desk") == 0)
        {
          found_private = TRUE;
          g_assert_cmpstr (cd_article_get_site_status (article), ==, "private");
        }
    }
  g_assert_true (found_future);
  g_assert_true (found_private);

  /* Held here while live there: the edit waits for an explicit Update
   * (staged), and the status and date stay. */
  live = server_post (fixture, held_id);
  live_date = g_strdup (json_object_get_string_member (live, "date_gmt"));
  cd_article_set_status (local, CD_ARTICLE_STATUS_HELD);
  cd_article_set_dek (local, "Held at the desk.");
  cd_test_save_edit (fixture->store, local);
  sync_clean (fixture);
  g_clear_pointer (&live, json_object_unref);
  live = server_post (fixture, held_id);
  g_assert_cmpstr (json_object_get_string_member (live, "status"), ==, "publish");
  g_assert_cmpstr (json_object_get_string_member (live, "date_gmt"), ==, live_date);
}

/* A status a site adds is kept as text, through the article's JSON
 * snapshot, and a status further along than pending stays. */
static void
test_custom_status_kept (void)
{
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autoptr (CdArticle) back = NULL;
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 ("2031-03-30T01:30:00+09:00", NULL);
  g_autoptr (GDateTime) scheduled = NULL;

  cd_article_set_status (article, CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  g_assert_true (cd_article_take_site_status (article, "in-legal-review", NULL));
  g_assert_cmpstr (cd_article_get_site_status (article), ==, "in-legal-review");
  g_assert_false (cd_article_take_site_status (article, "in-legal-review", NULL));
  g_assert_true (cd_article_take_site_status (article, "pending", NULL));
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  g_assert_true (cd_article_take_site_status (article, "future", when));

  json = cd_article_to_json (article, CD_ARTICLE_JSON_DEFAULT, FALSE);
  back = cd_article_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (article, back));
  scheduled = cd_article_dup_scheduled (back);
  g_assert_true (g_date_time_equal (scheduled, when));
  g_assert_cmpstr (cd_article_get_site_status (back), ==, "future");
}

static void
publish_ok (Fixture       *fixture,
            CdArticle     *article,
            GDateTime     *at,
            CdRemotePost **out)
{
  g_autoptr (GError) error = NULL;

  *out = cd_sync_engine_publish_full (fixture->engine, cd_article_get_uuid (article), NULL, at,
                                      CD_PUBLISH_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

/* A held article is refused; publishing a never pushed article creates
 * it and makes it live; a later edit and plain sync leave its status and
 * date alone. */
static void
test_publish_now (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdArticle) held = NULL;
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (CdRemotePost) refused = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) server = NULL;
  g_autoptr (JsonObject) after = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (JsonArray) posts = NULL;

  if (!need_wordpress (fixture))
    return;
  /* A held article does not go live, and nothing is sent for it. */
  held = save_with_status (fixture, "Held at the desk", CD_ARTICLE_STATUS_HELD);
  refused = cd_sync_engine_publish_full (fixture->engine, cd_article_get_uuid (held), NULL, NULL,
                                         CD_PUBLISH_DEFAULT, NULL, NULL, &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_READY);
  g_assert_null (refused);
  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 0);
  g_clear_pointer (&posts, json_array_unref);

  article = save_with_status (fixture, "Published at once", CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  publish_ok (fixture, article, NULL, &post);
  g_assert_cmpstr (post->status, ==, "publish");
  g_assert_nonnull (post->link);
  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 1);
  server = server_post (fixture, post->remote_id);
  g_assert_cmpstr (json_object_get_string_member (server, "status"), ==, "publish");
  g_assert_cmpstr (json_object_get_string_member (server, "link"), ==, post->link);

  local = load (fixture, cd_article_get_uuid (article));
  g_assert_cmpint (cd_article_get_status (local), ==, CD_ARTICLE_STATUS_PUBLISHED);
  g_assert_cmpstr (cd_article_get_site_status (local), ==, "publish");

  cd_article_set_dek (local, "A dek written after publishing.");
  cd_test_save_edit (fixture->store, local);
  sync_clean (fixture);
  after = server_post (fixture, post->remote_id);
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "publish");
  g_assert_cmpstr (json_object_get_string_member (after, "date_gmt"), ==,
                   json_object_get_string_member (server, "date_gmt"));
}

/* An embargo at +09:00: publishing before it is refused with nothing sent;
 * scheduling at it (given at -05:00) makes a future post with the exact
 * date_gmt, which a later edit and sync keep. */
static void
test_schedule_embargo (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GDateTime) embargo_utc = utc_in (2 * 24 * 3600);
  g_autoptr (GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr (GTimeZone) east_coast = g_time_zone_new_offset (-5 * 3600);
  g_autoptr (GDateTime) embargo = g_date_time_to_timezone (embargo_utc, tokyo);
  g_autoptr (GDateTime) at = g_date_time_to_timezone (embargo_utc, east_coast);
  g_autoptr (GDateTime) early = g_date_time_add_minutes (at, -1);
  g_autofree char *expected_gmt = g_date_time_format (embargo_utc, "%Y-%m-%dT%H:%M:%S");
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (CdRemotePost) refused = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) posts = NULL;
  g_autoptr (JsonObject) server = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (GDateTime) scheduled = NULL;
  g_autofree char *embargo_text = cd_format_iso8601 (embargo);

  if (!need_wordpress (fixture))
    return;
  article = save_with_status (fixture, "Under embargo", CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  cd_article_set_embargo (article, embargo);
  cd_test_save_edit (fixture->store, article);

  refused = cd_sync_engine_publish_full (fixture->engine, cd_article_get_uuid (article), NULL,
                                         NULL, CD_PUBLISH_DEFAULT, NULL, NULL, &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_EMBARGO);
  g_assert_nonnull (strstr (error->message, embargo_text));
  g_clear_error (&error);
  refused = cd_sync_engine_publish_full (fixture->engine, cd_article_get_uuid (article), NULL,
                                         early, CD_PUBLISH_DEFAULT, NULL, NULL, &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_EMBARGO);
  g_assert_null (refused);
  g_clear_error (&error);
  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 0);

  publish_ok (fixture, article, at, &post);
  g_assert_cmpstr (post->status, ==, "future");
  server = server_post (fixture, post->remote_id);
  g_assert_cmpstr (json_object_get_string_member (server, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (server, "date_gmt"), ==, expected_gmt);

  local = load (fixture, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_site_status (local), ==, "future");
  scheduled = cd_article_dup_scheduled (local);
  g_assert_true (g_date_time_equal (scheduled, embargo_utc));

  /* A plain sync of a later edit leaves the schedule as it is. */
  cd_article_set_headline (local, "Under embargo, rewritten");
  cd_test_save_edit (fixture->store, local);
  sync_clean (fixture);
  g_clear_pointer (&server, json_object_unref);
  server = server_post (fixture, post->remote_id);
  g_assert_cmpstr (json_object_get_string_member (server, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (server, "date_gmt"), ==, expected_gmt);
  g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (server, "title"), "raw"),
                   ==, "Under embargo, rewritten");
}

/* `copydesk publish --at` with a zone name: refused before the embargo in
 * one sentence (exit 2, nothing on the server), accepted at it, printed
 * back as given and in UTC; `show --json` gives the site's status and the
 * time. A time without a zone is refused. */
static void
test_cli_publish (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (GDateTime) embargo_utc = utc_in (2 * 24 * 3600);
  g_autoptr (GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr (GDateTime) embargo = g_date_time_to_timezone (embargo_utc, tokyo);
  g_autoptr (GDateTime) early = g_date_time_add_hours (embargo, -1);
  g_autofree char *dir = NULL;
  g_autofree char *at = NULL;
  g_autofree char *early_at = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *embargo_text = cd_format_iso8601 (embargo);
  g_autofree char *expected_gmt = g_date_time_format (embargo_utc, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *utc_text = cd_format_iso8601_utc (embargo_utc);
  g_autofree char *password = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (JsonArray) posts = NULL;
  g_autoptr (JsonNode) shown = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *post;
  Run         run = { 0 };

  if (!need_wordpress (fixture))
    return;
  dir = g_dir_make_tmp ("copydesk-publish-cli-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autoptr (CdStore) store = cd_store_open (dir, &error);

    g_assert_no_error (error);
    article = cd_article_new ();
    cd_article_set_headline (article, "Embargoed from the command line");
    cd_article_set_body (article, "The report comes out at nine in Tokyo.");
    cd_article_set_embargo (article, embargo);
    g_assert_true (cd_store_save_article (store, article, CD_REVISION_EDITED, NULL, &error));
    g_assert_no_error (error);
  }
  uuid = g_strdup (cd_article_get_uuid (article));
  password = g_strconcat (fixture->wp->password, "\n", NULL);
  run_copydesk (&run, dir, password, "account", "add", ACCOUNT, "--url", fixture->wp->url,
                "--user", fixture->wp->user, NULL);
  g_assert_cmpint (run.status, ==, 0);

  bare = g_date_time_format (embargo, "%Y-%m-%dT%H:%M:%S");
  run_copydesk (&run, dir, NULL, "publish", uuid, "--at", bare, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no time zone"));

  early_at = g_date_time_format (early, "%Y-%m-%dT%H:%M:%S Asia/Tokyo");
  run_copydesk (&run, dir, NULL, "publish", uuid, "--at", early_at, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, embargo_text));
  g_assert_cmpstr (strchr (run.err, '\n'), ==, run.err + strlen (run.err) - 1);
  run_copydesk (&run, dir, NULL, "publish", uuid, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, embargo_text));
  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 0);

  at = g_date_time_format (embargo, "%Y-%m-%dT%H:%M:%S Asia/Tokyo");
  run_copydesk (&run, dir, NULL, "publish", uuid, "--at", at, "--account", ACCOUNT, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, at));
  g_assert_nonnull (strstr (run.out, utc_text));
  g_clear_pointer (&posts, json_array_unref);
  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 1);
  post = json_array_get_object_element (posts, 0);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, expected_gmt);
  g_assert_nonnull (strstr (run.out, json_object_get_string_member (post, "link")));

  run_copydesk (&run, dir, NULL, "show", uuid, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  shown = json_from_string (run.out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "site_status"), ==,
                   "future");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "scheduled"), ==,
                   utc_text);

  run_copydesk (&run, dir, NULL, "account", "remove", ACCOUNT, NULL);
  run_clear (&run);
  cd_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publish/custom-status-kept", test_custom_status_kept);
  g_test_add ("/publish/status-push", Fixture, NULL, fixture_set_up, test_status_push,
              fixture_tear_down);
  g_test_add ("/publish/status-pull", Fixture, NULL, fixture_set_up, test_status_pull,
              fixture_tear_down);
  g_test_add ("/publish/now", Fixture, NULL, fixture_set_up, test_publish_now,
              fixture_tear_down);
  g_test_add ("/publish/schedule-embargo", Fixture, NULL, fixture_set_up, test_schedule_embargo,
              fixture_tear_down);
  g_test_add ("/publish/cli", Fixture, NULL, fixture_set_up, test_cli_publish, fixture_tear_down);
  return g_test_run ();
}
