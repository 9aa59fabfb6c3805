/* test-publish-live.c: a story's whole way to readers on a real WordPress
 * 6.1: each status transition, schedules in several time zones and across
 * a daylight-saving change, a live post that changes only through Update,
 * corrections that appear once, checks that stop Publish unless
 * overridden with a reason, a publish queued while the site was out of
 * reach, and a publish whose reply is lost (through an in-process proxy
 * that drops it after WordPress acted).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cd-article-site.h"
#include "cd-corrections.h"
#include "cd-store.h"
#include "cd-sync-db.h"
#include "cd-sync-publish.h"
#include "cd-test-publish.h"
#include "cd-test-sync.h"

static const char *
member (JsonObject *object,
        const char *name)
{
  return json_object_get_string_member (object, name);
}

static const char *
raw (JsonObject *object,
     const char *name)
{
  return json_object_get_string_member (json_object_get_object_member (object, name), "raw");
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

static CdRemotePost *
publish_full (Fixture       *fixture,
              CdArticle     *article,
              GDateTime     *at,
              CdPublishFlags flags,
              const char    *reason,
              GError       **error)
{
  return cd_sync_engine_publish_full (fixture->engine, cd_article_get_uuid (article), NULL, at,
                                      flags, reason, NULL, error);
}

static void
add_correction (CdArticle  *article,
                const char *note)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  cd_article_add_correction (article, now, note);
}

/* Waits until the clock passes @when: the condition is time itself. */
static void
wait_until (GDateTime *when)
{
  for (;;)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      GTimeSpan left = g_date_time_difference (when, now);

      if (left < 0)
        return;
      g_usleep (MIN (left + 1000, G_USEC_PER_SEC / 10));
    }
}

static gboolean
history_has (Fixture    *fixture,
             CdArticle  *article,
             const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) revisions =
      cd_store_list_revisions (fixture->store, cd_article_get_uuid (article), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    {
      const char *name = cd_revision_get_name (g_ptr_array_index (revisions, i));

      if (name != NULL && strstr (name, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The story's whole way, with what WordPress shows at each step:
 *
 *   local status / act                    site status   date_gmt
 *   draft, synced                         draft          (none yet)
 *   ready for edit, synced                pending
 *   ready to publish + embargo, synced    pending
 *   publish before the embargo            refused, nothing changes
 *   scheduled at the embargo (+09:00)     future         the embargo in UTC
 *   published once the embargo passed     publish        the publish time
 *   edited, synced (staged)               publish        unchanged, old title
 *   Update                                publish        unchanged, new title
 *   corrected, Update, Update again       publish        unchanged, one block
 */
static void
test_transitions (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GDateTime) embargo_utc = NULL;
  g_autoptr (GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr (GDateTime) embargo = NULL;
  g_autofree char *embargo_gmt = NULL;
  g_autofree char *embargo_text = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *live_date = NULL;
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) server = NULL;
  g_autoptr (CdSyncResult) result = NULL;
  g_autofree char *remote_uuid = NULL;

  if (!need_wordpress (fixture))
    return;
  article = save_with_status (fixture, "River rises in Passau", CD_ARTICLE_STATUS_DRAFT);
  sync_clean (fixture);
  remote_id = remote_id_of (fixture, article);
  remote_uuid = g_strdup (cd_article_get_uuid (article));
  assert_server_status (fixture, remote_id, "draft");

  cd_article_set_status (article, CD_ARTICLE_STATUS_READY_FOR_EDIT);
  cd_test_save_edit (fixture->store, article);
  sync_clean (fixture);
  assert_server_status (fixture, remote_id, "pending");

  /* The embargo is set now, a little more than the minute ahead that
   * WordPress needs to schedule rather than publish, so that the test can
   * wait for it to pass. */
  embargo_utc = utc_in (CD_SYNC_SCHEDULE_MARGIN_SECONDS + 15);
  embargo = g_date_time_to_timezone (embargo_utc, tokyo);
  embargo_gmt = g_date_time_format (embargo_utc, "%Y-%m-%dT%H:%M:%S");
  embargo_text = cd_format_iso8601 (embargo);
  cd_article_set_embargo (article, embargo);
  cd_article_set_status (article, CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  cd_test_save_edit (fixture->store, article);
  sync_clean (fixture);
  assert_server_status (fixture, remote_id, "pending");

  /* Before the embargo: refused in one sentence naming it. */
  post = publish_full (fixture, article, NULL, CD_PUBLISH_DEFAULT, NULL, &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_EMBARGO);
  g_assert_null (post);
  g_assert_nonnull (strstr (error->message, embargo_text));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);
  assert_server_status (fixture, remote_id, "pending");

  post = publish_full (fixture, article, embargo, CD_PUBLISH_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  server = server_post (fixture, remote_id);
  g_assert_cmpstr (member (server, "status"), ==, "future");
  g_assert_cmpstr (member (server, "date_gmt"), ==, embargo_gmt);
  g_clear_pointer (&post, cd_remote_post_free);
  g_clear_pointer (&server, json_object_unref);

  /* Once the embargo has passed, Publish makes it live. */
  wait_until (embargo_utc);
  post = publish_full (fixture, article, NULL, CD_PUBLISH_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  server = server_post (fixture, remote_id);
  g_assert_cmpstr (member (server, "status"), ==, "publish");
  live_date = g_strdup (member (server, "date_gmt"));
  g_assert_cmpstr (member (server, "slug"), ==, "river-rises-in-passau");
  g_clear_object (&article);
  article = load (fixture, remote_uuid);
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_PUBLISHED);
  g_assert_true (cd_sync_article_is_live (article));
  g_assert_true (history_has (fixture, article, "Published on " ACCOUNT));
  g_clear_pointer (&post, cd_remote_post_free);
  g_clear_pointer (&server, json_object_unref);

  /* An edit and a plain sync: staged, the site unchanged. */
  cd_article_set_headline (article, "River rises in Passau, town cut off");
  cd_test_save_edit (fixture->store, article);
  result = cd_test_sync_now (fixture->engine, ACCOUNT);
  g_assert_cmpuint (cd_sync_result_get_errors (result)->len, ==, 0);
  g_assert_nonnull (cd_test_find_item (cd_sync_result_get_staged (result), remote_uuid));
  g_clear_pointer (&result, cd_sync_result_unref);
  server = server_post (fixture, remote_id);
  g_assert_cmpstr (raw (server, "title"), ==, "River rises in Passau");
  g_assert_cmpstr (member (server, "status"), ==, "publish");
  g_assert_true (cd_sync_has_staged_update (fixture->store, remote_uuid, &error));
  g_assert_no_error (error);
  g_clear_pointer (&server, json_object_unref);

  /* Update: the edit goes out; status, date and slug stay. */
  post = publish_full (fixture, article, NULL, CD_PUBLISH_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&post, cd_remote_post_free);
  server = server_post (fixture, remote_id);
  g_assert_cmpstr (raw (server, "title"), ==, "River rises in Passau, town cut off");
  g_assert_cmpstr (member (server, "status"), ==, "publish");
  g_assert_cmpstr (member (server, "date_gmt"), ==, live_date);
  g_assert_cmpstr (member (server, "slug"), ==, "river-rises-in-passau");
  g_assert_false (cd_sync_has_staged_update (fixture->store, remote_uuid, &error));
  g_assert_true (history_has (fixture, article, "Update sent to the live post on " ACCOUNT));
  g_clear_pointer (&server, json_object_unref);

  /* Corrected: one block at the end, still one after a second Update. */
  g_clear_object (&article);
  article = load (fixture, remote_uuid);
  add_correction (article, "An earlier version gave the wrong river level.");
  cd_test_save_edit (fixture->store, article);
  sync_clean (fixture);
  server = server_post (fixture, remote_id);
  g_assert_cmpuint (count (raw (server, "content"), CD_CORRECTIONS_CLASS), ==, 0);
  g_clear_pointer (&server, json_object_unref);
  for (guint i = 0; i < 2; i++)
    {
      post = publish_full (fixture, article, NULL, CD_PUBLISH_DEFAULT, NULL, &error);
      g_assert_no_error (error);
      g_clear_pointer (&post, cd_remote_post_free);
      server = server_post (fixture, remote_id);
      g_assert_cmpuint (count (raw (server, "content"), "wp:group {\"className\":\"" CD_CORRECTIONS_CLASS), ==, 1);
      g_assert_nonnull (strstr (raw (server, "content"), "the wrong river level"));
      g_assert_nonnull (strstr (json_object_get_string_member (
                                    json_object_get_object_member (server, "content"), "rendered"),
                                "the wrong river level"));
      g_assert_cmpstr (member (server, "status"), ==, "publish");
      g_assert_cmpstr (member (server, "date_gmt"), ==, live_date);
      g_clear_pointer (&server, json_object_unref);
    }
  /* The body read back never holds the block: a sync changes nothing. */
  sync_clean (fixture);
  g_clear_object (&article);
  article = load (fixture, remote_uuid);
  g_assert_null (strstr (cd_article_get_body (article), CD_CORRECTIONS_CLASS));
  g_assert_false (cd_sync_has_staged_update (fixture->store, remote_uuid, &error));
  g_assert_no_error (error);
}

/* A correction on a live classic post (one without blocks, as the classic
 * editor writes them) keeps the post classic: the notes go in a plain
 * element at its end, once however often it is updated, and readers still
 * get the post's text as paragraphs. */
static void
test_classic_correction (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *uuid = NULL;

  if (!need_wordpress (fixture))
    return;
  created = rest (fixture, "POST", "/wp/v2/posts?context=edit",
                  "{\"title\":\"River\",\"status\":\"publish\",\"content\":"
                  "\"The river rose.\\n\\nResidents left.\"}");
  remote_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                               json_object_get_int_member (json_node_get_object (created), "id"));
  sync_clean (fixture);
  db = cd_sync_db_open (fixture->store, &error);
  g_assert_no_error (error);
  uuid = cd_sync_db_find_uuid (db, ACCOUNT, remote_id, &error);
  g_assert_no_error (error);
  article = load (fixture, uuid);
  add_correction (article, "An earlier version gave the wrong river.");
  cd_test_save_edit (fixture->store, article);
  sync_clean (fixture);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (CdRemotePost) post = publish_full (fixture, article, NULL, CD_PUBLISH_DEFAULT,
                                                    "The desk checked it", &error);
      g_autoptr (JsonObject) server = NULL;
      const char *content, *html;

      g_assert_no_error (error);
      server = server_post (fixture, remote_id);
      content = raw (server, "content");
      html = json_object_get_string_member (json_object_get_object_member (server, "content"),
                                            "rendered");
      g_assert_null (strstr (content, "<!-- wp:"));
      g_assert_cmpuint (count (content, CD_CORRECTIONS_CLASS), ==, 1);
      g_assert_true (g_str_has_prefix (content, "The river rose.\n\nResidents left."));
      g_assert_nonnull (strstr (html, "<p>The river rose.</p>"));
      g_assert_nonnull (strstr (html, "<p>Residents left.</p>"));
      g_assert_nonnull (strstr (html, "the wrong river."));
      g_assert_cmpstr (member (server, "status"), ==, "publish");
    }
  /* The body read back never holds the notes: a sync changes nothing. */
  sync_clean (fixture);
  g_clear_object (&article);
  article = load (fixture, uuid);
  g_assert_cmpstr (cd_article_get_body (article), ==, "The river rose.\n\nResidents left.\n");
  g_assert_false (cd_sync_has_staged_update (fixture->store, uuid, &error));
  g_assert_no_error (error);
}

/* A schedule is sent in UTC whatever zone it was given in: an embargo at
 * +09:00 and one at -05:00, each scheduled at its embargo, and times on
 * both sides of New York's change to daylight time (2027-03-14, 02:00 EST
 * becomes 03:00 EDT), given by zone name. */
static void
test_schedule_zones (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  struct
  {
    GDateTime  *at;
    const char *gmt;
  } cases[4] = { 0 };
  g_autoptr (GDateTime) tokyo_day = utc_in (3 * 24 * 3600);
  g_autoptr (GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr (GTimeZone) lima = g_time_zone_new_offset (-5 * 3600);
  g_autofree char *tokyo_gmt = g_date_time_format (tokyo_day, "%Y-%m-%dT%H:%M:%S");
  g_autoptr (GDateTime) lima_day = utc_in (4 * 24 * 3600);
  g_autofree char *lima_gmt = g_date_time_format (lima_day, "%Y-%m-%dT%H:%M:%S");

  if (!need_wordpress (fixture))
    return;
  g_assert_nonnull (new_york);
  cases[0].at = g_date_time_to_timezone (tokyo_day, tokyo);
  cases[0].gmt = tokyo_gmt;
  cases[1].at = g_date_time_to_timezone (lima_day, lima);
  cases[1].gmt = lima_gmt;
  cases[2].at = g_date_time_new (new_york, 2027, 3, 14, 1, 30, 0);
  cases[2].gmt = "2027-03-14T06:30:00";
  cases[3].at = g_date_time_new (new_york, 2027, 3, 14, 3, 30, 0);
  cases[3].gmt = "2027-03-14T07:30:00";
  /* Less than a minute ahead WordPress would publish at once: refused,
   * with nothing sent. */
  {
    g_autoptr (CdArticle) soon = save_with_status (fixture, "Too soon",
                                                   CD_ARTICLE_STATUS_READY_TO_PUBLISH);
    g_autoptr (GDateTime) near = utc_in (30);
    g_autoptr (GError) error = NULL;
    g_autoptr (CdRemotePost) post = publish_full (fixture, soon, near, CD_PUBLISH_DEFAULT, NULL,
                                                  &error);
    g_autoptr (JsonArray) posts = server_posts (fixture);

    g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_READY);
    g_assert_nonnull (strstr (error->message, "less than a minute"));
    g_assert_cmpuint (json_array_get_length (posts), ==, 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *headline = g_strdup_printf ("Scheduled in zone %u", i);
      g_autoptr (CdArticle) article = save_with_status (fixture, headline,
                                                        CD_ARTICLE_STATUS_READY_TO_PUBLISH);
      g_autoptr (CdRemotePost) post = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonObject) server = NULL;
      g_autoptr (GDateTime) early = g_date_time_add_minutes (cases[i].at, -1);

      /* The embargo is the time itself, in its own zone: a minute before
       * is refused, the time itself is taken. */
      cd_article_set_embargo (article, cases[i].at);
      cd_test_save_edit (fixture->store, article);
      post = publish_full (fixture, article, early, CD_PUBLISH_DEFAULT, NULL, &error);
      g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_EMBARGO);
      g_clear_error (&error);
      post = publish_full (fixture, article, cases[i].at, CD_PUBLISH_DEFAULT, NULL, &error);
      g_assert_no_error (error);
      server = server_post (fixture, post->remote_id);
      g_assert_cmpstr (member (server, "status"), ==, "future");
      g_assert_cmpstr (member (server, "date_gmt"), ==, cases[i].gmt);
      g_date_time_unref (cases[i].at);
    }
}

/* Check errors stop Publish with nothing sent; a reason overrides them and
 * stays in the article's history. A live post's slug changes only when
 * the person confirms it. */
static void
test_checks_and_slug (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) posts = NULL;
  g_autoptr (JsonObject) server = NULL;
  g_autoptr (GPtrArray) blockers = NULL;
  g_autofree char *uuid = NULL;

  if (!need_wordpress (fixture))
    return;
  article = save_with_status (fixture, "Council meets", CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  uuid = g_strdup (cd_article_get_uuid (article));
  cd_article_set_dateline (article, NULL);
  cd_test_save_edit (fixture->store, article);
  blockers = cd_sync_publish_blockers (fixture->store, article);
  g_assert_cmpuint (blockers->len, ==, 1);

  post = publish_full (fixture, article, NULL, CD_PUBLISH_DEFAULT, NULL, &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_CHECKS);
  g_assert_nonnull (strstr (error->message, "dateline"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);
  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 0);

  post = publish_full (fixture, article, NULL, CD_PUBLISH_DEFAULT,
                       "The dateline is in the first paragraph", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->status, ==, "publish");
  g_assert_true (history_has (fixture, article, "over 1 check error: The dateline is in the "
                                                "first paragraph"));

  /* A new slug on a live post: refused until confirmed. */
  g_clear_object (&article);
  article = load (fixture, uuid);
  cd_article_set_slug (article, "council-meets-again");
  cd_test_save_edit (fixture->store, article);
  g_clear_pointer (&post, cd_remote_post_free);
  post = publish_full (fixture, article, NULL, CD_PUBLISH_DEFAULT, "Dateline in the text",
                       &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_SLUG);
  g_assert_nonnull (strstr (error->message, "council-meets-again"));
  g_assert_nonnull (strstr (error->message, "breaks every link"));
  g_clear_error (&error);
  g_clear_pointer (&posts, json_array_unref);
  posts = server_posts (fixture);
  server = json_object_ref (json_array_get_object_element (posts, 0));
  g_assert_cmpstr (member (server, "slug"), ==, "council-meets");
  g_clear_pointer (&server, json_object_unref);

  post = publish_full (fixture, article, NULL, CD_PUBLISH_FORCE_SLUG, "Dateline in the text",
                       &error);
  g_assert_no_error (error);
  g_clear_pointer (&posts, json_array_unref);
  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 1);
  server = json_object_ref (json_array_get_object_element (posts, 0));
  g_assert_cmpstr (member (server, "slug"), ==, "council-meets-again");
  g_assert_cmpstr (member (server, "status"), ==, "publish");
}

/* An in-process proxy in front of the real WordPress that passes every
 * request on and, for the one chosen, drops the reply after WordPress
 * acted: the client sees the connection close with no answer. */
typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *target;
  char        *url;
  char        *drop_method;
  GRegex      *drop_path;
  guint        drop_left; /* replies still to drop */
  guint        dropped;
  guint        matched; /* requests that matched, dropped or not */
} Proxy;

static void
proxy_handle (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Proxy           *proxy = user_data;
  GUri            *uri = soup_server_message_get_uri (msg);
  const char      *method = soup_server_message_get_method (msg);
  const char      *query_text = g_uri_get_query (uri);
  g_autofree char *target = g_strconcat (proxy->target, path, query_text != NULL ? "?" : "",
                                         query_text != NULL ? query_text : "", NULL);
  g_autoptr (SoupMessage) out = soup_message_new (method, target);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GBytes) reply = NULL;
  g_autoptr (GError) error = NULL;
  SoupMessageHeaders *in_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *reply_headers = soup_server_message_get_response_headers (msg);
  const char         *names[] = { "Authorization", "Content-Type", NULL };
  const char         *back[] = { "Content-Type", "X-WP-Total", "X-WP-TotalPages", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    if (soup_message_headers_get_one (in_headers, names[i]) != NULL)
      soup_message_headers_replace (soup_message_get_request_headers (out), names[i],
                                    soup_message_headers_get_one (in_headers, names[i]));
  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (
        out, soup_message_headers_get_one (in_headers, "Content-Type"), body);
  reply = soup_session_send_and_read (proxy->session, out, NULL, &error);
  g_assert_no_error (error);

  if (g_strcmp0 (method, proxy->drop_method) == 0 &&
      g_regex_match (proxy->drop_path, path, 0, NULL))
    {
      proxy->matched++;
      if (proxy->drop_left > 0)
        {
          GIOStream *stream = soup_server_message_steal_connection (msg);

          proxy->drop_left--;
          proxy->dropped++;
          g_io_stream_close (stream, NULL, NULL);
          g_object_unref (stream);
          return;
        }
    }
  for (guint i = 0; back[i] != NULL; i++)
    if (soup_message_headers_get_one (soup_message_get_response_headers (out), back[i]) != NULL)
      soup_message_headers_replace (
          reply_headers, back[i],
          soup_message_headers_get_one (soup_message_get_response_headers (out), back[i]));
  soup_server_message_set_status (msg, soup_message_get_status (out), NULL);
  soup_server_message_set_response (
      msg, soup_message_headers_get_one (soup_message_get_response_headers (out), "Content-Type"),
      SOUP_MEMORY_COPY, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
}

static Proxy *
proxy_new (const char *target)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSList) uris = NULL;

  proxy->server = soup_server_new (NULL, NULL);
  proxy->session = soup_session_new_with_options ("timeout", 60, NULL);
  proxy->target = g_strdup (target);
  soup_server_add_handler (proxy->server, NULL, proxy_handle, proxy, NULL);
  soup_server_listen_local (proxy->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (proxy->server);
  proxy->url = g_uri_to_string (uris->data);
  if (g_str_has_suffix (proxy->url, "/"))
    proxy->url[strlen (proxy->url) - 1] = '\0';
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  return proxy;
}

static void
proxy_drop (Proxy      *proxy,
            const char *method,
            const char *path_pattern,
            guint       times)
{
  g_free (proxy->drop_method);
  g_clear_pointer (&proxy->drop_path, g_regex_unref);
  proxy->drop_method = g_strdup (method);
  proxy->drop_path = g_regex_new (path_pattern, 0, 0, NULL);
  proxy->drop_left = times;
  proxy->dropped = 0;
  proxy->matched = 0;
}

static void
proxy_free (Proxy *proxy)
{
  soup_server_disconnect (proxy->server);
  g_object_unref (proxy->server);
  g_object_unref (proxy->session);
  g_free (proxy->target);
  g_free (proxy->url);
  g_free (proxy->drop_method);
  g_clear_pointer (&proxy->drop_path, g_regex_unref);
  g_free (proxy);
}

/* The publish runs in the engine's worker while the proxy answers on this
 * thread's main context. */
static CdRemotePost *
publish_through (Fixture    *fixture,
                 const char *uuid,
                 GError    **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cd_sync_engine_publish_async (fixture->engine, uuid, NULL, NULL, CD_PUBLISH_DEFAULT, NULL, NULL,
                                cd_test_store_result, &result);
  return cd_sync_engine_publish_finish (fixture->engine, cd_test_await (&result), error);
}

/* A publish whose reply is lost after WordPress made the post live is
 * found live and not sent again; a create whose reply is lost on the way
 * to a publish is found by its marker, not made twice. */
static void
test_lost_reply (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdArticle) second = NULL;
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) posts = NULL;
  g_autoptr (CdWordpress) client = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *live_date = NULL;
  g_autoptr (JsonObject) server = NULL;
  Proxy *proxy;

  if (!need_wordpress (fixture))
    return;
  proxy = proxy_new (fixture->wp->url);
  client = cd_wordpress_new (proxy->url, fixture->wp->user, fixture->wp->password);
  cd_wordpress_set_timeouts (client, 20, 5);
  cd_wordpress_set_retry_policy (client, 3, 20, 200, 5);
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (client));

  article = save_with_status (fixture, "Lost reply", CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  sync_clean (fixture);
  remote_id = remote_id_of (fixture, article);
  proxy_drop (proxy, "POST", "^/wp-json/wp/v2/posts/[0-9]+$", 1);
  post = publish_through (fixture, cd_article_get_uuid (article), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->status, ==, "publish");
  g_assert_cmpuint (proxy->dropped, ==, 1);
  /* The one status write, never sent again. */
  g_assert_cmpuint (proxy->matched, ==, 1);
  server = server_post (fixture, remote_id);
  g_assert_cmpstr (member (server, "status"), ==, "publish");
  live_date = g_strdup (member (server, "date_gmt"));
  g_clear_pointer (&post, cd_remote_post_free);
  g_clear_pointer (&server, json_object_unref);

  /* Publish again (an Update with nothing staged): the date stays. */
  post = publish_through (fixture, cd_article_get_uuid (article), &error);
  g_assert_no_error (error);
  g_clear_pointer (&post, cd_remote_post_free);
  server = server_post (fixture, remote_id);
  g_assert_cmpstr (member (server, "date_gmt"), ==, live_date);

  /* The create's reply lost on the way to a publish. */
  second = save_with_status (fixture, "Lost create", CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  proxy_drop (proxy, "POST", "^/wp-json/wp/v2/posts$", 1);
  post = publish_through (fixture, cd_article_get_uuid (second), &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_READY);
  g_assert_null (post);
  g_clear_error (&error);
  post = publish_through (fixture, cd_article_get_uuid (second), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->status, ==, "publish");
  g_assert_cmpuint (proxy->matched, ==, 1);
  posts = server_posts (fixture);
  g_assert_cmpuint (json_array_get_length (posts), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (member (json_array_get_object_element (posts, i), "status"), ==, "publish");

  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, NULL);
  proxy_free (proxy);
}

/* Publishes asked for while the site is out of reach wait: one to go out
 * now goes out at the next sync, and so does one whose time is still to
 * come (after the embargo, which has passed); one whose time passed asks
 * first: the sync reports it and Publish refuses it in one sentence until
 * told to publish late. */
static void
test_queued_and_late (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CdWordpress) offline = cd_wordpress_new ("http://127.0.0.1:9", "nobody", "x");
  g_autoptr (CdWordpress) online = cd_test_wordpress_client (fixture->wp, fixture->wp->password);
  g_autoptr (CdArticle) now_article = NULL;
  g_autoptr (CdArticle) timed = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (CdSyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) embargo = utc_in (-60);
  g_autoptr (GDateTime) at = utc_in (CD_SYNC_SCHEDULE_MARGIN_SECONDS + 5);
  g_autoptr (GDateTime) queued_at = NULL;
  g_autofree char *at_text = cd_format_iso8601_utc (at);
  CdSyncItem      *item;

  if (!need_wordpress (fixture))
    return;
  cd_wordpress_set_timeouts (offline, 5, 2);
  cd_wordpress_set_retry_policy (offline, 1, 20, 200, 5);
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (offline));

  now_article = save_with_status (fixture, "Past its embargo", CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  cd_article_set_embargo (now_article, embargo);
  cd_test_save_edit (fixture->store, now_article);
  post = publish_full (fixture, now_article, NULL, CD_PUBLISH_DEFAULT, NULL, &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_QUEUED);
  g_assert_null (post);
  g_clear_error (&error);

  timed = save_with_status (fixture, "Timed while offline", CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  post = publish_full (fixture, timed, at, CD_PUBLISH_DEFAULT, NULL, &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_QUEUED);
  g_clear_error (&error);
  local = load (fixture, cd_article_get_uuid (timed));
  g_assert_true (cd_sync_article_get_queued_publish (local, NULL, &queued_at));
  g_assert_true (g_date_time_equal (queued_at, at));
  g_clear_object (&local);

  /* The time passes while the site is still out of reach. */
  wait_until (at);
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (online));
  result = cd_test_sync_now (fixture->engine, ACCOUNT);
  g_assert_nonnull (cd_test_find_item (cd_sync_result_get_pushed (result),
                                       cd_article_get_uuid (now_article)));
  item = cd_test_find_item (cd_sync_result_get_errors (result), cd_article_get_uuid (timed));
  g_assert_nonnull (item);
  g_assert_nonnull (strstr (item->message, "late"));

  local = load (fixture, cd_article_get_uuid (now_article));
  g_assert_cmpstr (cd_article_get_site_status (local), ==, "publish");
  g_assert_false (cd_sync_article_get_queued_publish (local, NULL, NULL));
  assert_server_status (fixture, remote_id_of (fixture, now_article), "publish");
  g_clear_object (&local);
  {
    g_autofree char *timed_id = remote_id_of (fixture, timed);

    assert_server_status (fixture, timed_id, "pending");
  }

  post = publish_full (fixture, timed, NULL, CD_PUBLISH_DEFAULT, NULL, &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_LATE);
  g_assert_nonnull (strstr (error->message, at_text));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);
  post = publish_full (fixture, timed, NULL, CD_PUBLISH_LATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->status, ==, "publish");
  local = load (fixture, cd_article_get_uuid (timed));
  g_assert_false (cd_sync_article_get_queued_publish (local, NULL, NULL));
}

static JsonObject *
show_json (Run        *run,
           const char *dir,
           const char *uuid)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;

  run_copydesk (run, dir, NULL, "show", uuid, "--json", NULL);
  g_assert_cmpint (run->status, ==, 0);
  node = json_from_string (run->out, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static void
assert_one_sentence (Run        *run,
                     const char *needle)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, needle));
  g_assert_cmpstr (strchr (run->err, '\n'), ==, run->err + strlen (run->err) - 1);
}

/* The command line: publish, an edit synced and left staged (show --json
 * says so), a correction, a new slug refused without --force-slug, the
 * Update; check errors refused without --override, kept with it. */
static void
test_cli (Fixture      *fixture,
          gconstpointer data)
{
  g_autofree char *dir = NULL;
  g_autofree char *password = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *other = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *date_gmt = NULL;
  g_autoptr (JsonObject) shown = NULL;
  g_autoptr (JsonObject) server = NULL;
  g_autoptr (GError) error = NULL;
  Run run = { 0 };

  if (!need_wordpress (fixture))
    return;
  dir = g_dir_make_tmp ("copydesk-publish-cli-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autoptr (CdStore) store = cd_store_open (dir, &error);
    g_autoptr (CdArticle) article = cd_article_new ();
    g_autoptr (CdArticle) unchecked = cd_article_new ();

    g_assert_no_error (error);
    cd_article_set_headline (article, "Bridge reopens");
    cd_article_set_byline (article, "Anna Berger");
    cd_article_set_dateline (article, "PASSAU");
    cd_article_set_slug (article, "bridge-reopens");
    cd_article_set_body (article, "The bridge reopened on Monday.");
    cd_article_set_status (article, CD_ARTICLE_STATUS_READY_TO_PUBLISH);
    g_assert_true (cd_store_save_article (store, article, CD_REVISION_EDITED, NULL, &error));
    uuid = g_strdup (cd_article_get_uuid (article));
    cd_article_set_headline (unchecked, "Mayor resigns");
    cd_article_set_byline (unchecked, "Anna Berger");
    cd_article_set_slug (unchecked, "mayor-resigns");
    cd_article_set_body (unchecked, "The mayor resigned.");
    cd_article_set_status (unchecked, CD_ARTICLE_STATUS_READY_TO_PUBLISH);
    g_assert_true (cd_store_save_article (store, unchecked, CD_REVISION_EDITED, NULL, &error));
    other = g_strdup (cd_article_get_uuid (unchecked));
  }
  password = g_strconcat (fixture->wp->password, "\n", NULL);
  run_copydesk (&run, dir, password, "account", "add", ACCOUNT, "--url", fixture->wp->url,
                "--user", fixture->wp->user, NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_copydesk (&run, dir, NULL, "publish", uuid, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Published “Bridge reopens”"));
  shown = show_json (&run, dir, uuid);
  g_assert_cmpstr (json_object_get_string_member (shown, "site_status"), ==, "publish");
  g_assert_true (json_object_has_member (shown, "published"));
  g_assert_false (json_object_get_boolean_member (shown, "staged_update"));
  remote_id = g_strdup (json_object_get_string_member (
      json_array_get_object_element (json_object_get_array_member (shown, "sync"), 0),
      "remote_id"));
  server = server_post (fixture, remote_id);
  date_gmt = g_strdup (member (server, "date_gmt"));
  g_clear_pointer (&server, json_object_unref);
  g_clear_pointer (&shown, json_object_unref);

  /* Edited and synced: the sync is clean, the site unchanged, the update
   * staged. */
  run_copydesk (&run, dir, NULL, "set", uuid, "headline", "Bridge reopens after repairs", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_copydesk (&run, dir, NULL, "correction", "add", uuid,
                "An earlier version gave the wrong day.", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_copydesk (&run, dir, NULL, "sync", NULL);
  g_assert_cmpint (run.status, ==, 0);
  server = server_post (fixture, remote_id);
  g_assert_cmpstr (raw (server, "title"), ==, "Bridge reopens");
  g_clear_pointer (&server, json_object_unref);
  shown = show_json (&run, dir, uuid);
  g_assert_true (json_object_get_boolean_member (shown, "staged_update"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (shown, "corrections")),
                    ==, 1);
  g_clear_pointer (&shown, json_object_unref);

  /* A new slug: refused in one sentence until --force-slug. */
  run_copydesk (&run, dir, NULL, "set", uuid, "slug", "bridge-open", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_copydesk (&run, dir, NULL, "publish", uuid, NULL);
  assert_one_sentence (&run, "--force-slug");
  g_assert_nonnull (strstr (run.err, "breaks every link"));
  run_copydesk (&run, dir, NULL, "publish", uuid, "--force-slug", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Updated the live post"));
  server = server_post (fixture, remote_id);
  g_assert_cmpstr (raw (server, "title"), ==, "Bridge reopens after repairs");
  g_assert_cmpstr (member (server, "slug"), ==, "bridge-open");
  g_assert_cmpstr (member (server, "status"), ==, "publish");
  g_assert_cmpstr (member (server, "date_gmt"), ==, date_gmt);
  g_assert_cmpuint (count (raw (server, "content"), "wrong day"), ==, 1);
  g_clear_pointer (&server, json_object_unref);

  /* An empty correction is refused. */
  run_copydesk (&run, dir, NULL, "correction", "add", uuid, "  ", NULL);
  assert_one_sentence (&run, "empty");

  /* Check errors: refused, then published with a reason. */
  run_copydesk (&run, dir, NULL, "publish", other, NULL);
  assert_one_sentence (&run, "--override");
  g_assert_nonnull (strstr (run.err, "dateline"));
  run_copydesk (&run, dir, NULL, "publish", other, "--override", "Dateline in the lead", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_copydesk (&run, dir, NULL, "account", "remove", ACCOUNT, NULL);
  run_clear (&run);
  cd_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/publish-live/transitions", Fixture, NULL, fixture_set_up, test_transitions,
              fixture_tear_down);
  g_test_add ("/publish-live/schedule-zones", Fixture, NULL, fixture_set_up, test_schedule_zones,
              fixture_tear_down);
  g_test_add ("/publish-live/checks-and-slug", Fixture, NULL, fixture_set_up,
              test_checks_and_slug, fixture_tear_down);
  g_test_add ("/publish-live/lost-reply", Fixture, NULL, fixture_set_up, test_lost_reply,
              fixture_tear_down);
  g_test_add ("/publish-live/queued-and-late", Fixture, NULL, fixture_set_up,
              test_queued_and_late, fixture_tear_down);
  g_test_add ("/publish-live/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/publish-live/classic-correction", Fixture, NULL, fixture_set_up,
              test_classic_correction, fixture_tear_down);
  return g_test_run ();
}
