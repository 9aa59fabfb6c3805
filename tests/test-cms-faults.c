/* test-cms-faults.c: CdWordpress against an in-process SoupServer that
 * misbehaves the way real servers do on a bad day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "cd-test-wordpress.h"
#include "cd-wordpress.h"

#define PASSWORD "Secret0Application0Pass"

typedef enum
{
  REPLY_NORMAL,
  REPLY_CUT,   /* headers promise more than is sent; then the connection closes */
  REPLY_PAUSE, /* no reply at all until the test ends */
} ReplyAction;

typedef struct
{
  guint       status;
  char       *content_type;
  char       *body;
  char       *retry_after;
  char       *location;
  guint       total; /* X-WP-Total and X-WP-TotalPages when not 0 */
  guint       total_pages;
  ReplyAction action;
} Reply;

typedef struct
{
  char *method;
  char *path;
  char *query;
  char *authorization;
  char *content_type;
  char *body;
} Seen;

typedef struct
{
  SoupServer *server;
  char       *url;
  GQueue      replies; /* Reply*, the last one repeats */
  GPtrArray  *seen;    /* Seen* */
  GPtrArray  *paused;  /* SoupServerMessage* */
} Fixture;

static const char *post_json =
    "{\"id\":7,\"status\":\"draft\",\"modified_gmt\":\"2026-01-02T03:04:05\","
    "\"date_gmt\":\"2026-01-02T03:04:05\",\"link\":\"http://example.invalid/?p=7\","
    "\"title\":{\"raw\":\"Storm closes the ferry\"},\"excerpt\":{\"raw\":\"<p>All day</p>\"},"
    "\"content\":{\"raw\":\"<p>The ferry stopped.</p>\\n"
    "<!-- copydesk:uuid=0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11 -->\"},"
    "\"slug\":\"storm\",\"categories\":[],\"tags\":[]}";

static void
reply_free (Reply *reply)
{
  g_free (reply->content_type);
  g_free (reply->body);
  g_free (reply->retry_after);
  g_free (reply->location);
  g_free (reply);
}

static void
seen_free (Seen *seen)
{
  g_free (seen->method);
  g_free (seen->path);
  g_free (seen->query);
  g_free (seen->authorization);
  g_free (seen->content_type);
  g_free (seen->body);
  g_free (seen);
}

static void
queue_reply (Fixture    *fixture,
             guint       status,
             const char *content_type,
             const char *body,
             const char *retry_after,
             ReplyAction action)
{
  Reply *reply = g_new0 (Reply, 1);

  reply->status = status;
  reply->content_type = g_strdup (content_type);
  reply->body = g_strdup (body);
  reply->retry_after = g_strdup (retry_after);
  reply->action = action;
  g_queue_push_tail (&fixture->replies, reply);
}

static void
queue_json (Fixture    *fixture,
            guint       status,
            const char *body)
{
  queue_reply (fixture, status, "application/json; charset=UTF-8", body, NULL, REPLY_NORMAL);
}

/* A page of posts with the given ids, and the list's size as WordPress
 * states it. */
static void
queue_page (Fixture     *fixture,
            const guint *ids,
            guint        n_ids,
            guint        total,
            guint        total_pages)
{
  g_autoptr (GString) body = g_string_new ("[");
  Reply *reply;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (body, "%s{\"id\":%u,\"status\":\"draft\",\"title\":{\"raw\":\"Post %u\"},"
                                  "\"content\":{\"raw\":\"<p>Body %u</p>\"},\"categories\":[],"
                                  "\"tags\":[]}",
                            i > 0 ? "," : "", ids[i], ids[i], ids[i]);
  g_string_append (body, "]");
  queue_json (fixture, 200, body->str);
  reply = g_queue_peek_tail (&fixture->replies);
  reply->total = total;
  reply->total_pages = total_pages;
}

static void
send_cut_reply (SoupServerMessage *message,
                Reply             *reply)
{
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (message);
  g_autofree char *raw = NULL;
  GOutputStream   *out;

  /* Promise 4000 bytes, send a few, hang up. */
  raw = g_strdup_printf ("HTTP/1.1 %u OK\r\nContent-Type: application/json\r\n"
                         "Content-Length: 4000\r\nConnection: close\r\n\r\n%.20s",
                         reply->status, reply->body != NULL ? reply->body : "{\"id\":7,");
  out = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (out, raw, strlen (raw), NULL, NULL, NULL);
  g_output_stream_flush (out, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture            *fixture = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  SoupMessageBody    *request_body = soup_server_message_get_request_body (message);
  g_autoptr (GBytes) body_bytes = soup_message_body_flatten (request_body);
  Seen  *seen = g_new0 (Seen, 1);
  Reply *reply;

  seen->method = g_strdup (soup_server_message_get_method (message));
  seen->path = g_strdup (path);
  seen->query = g_strdup (g_uri_get_query (soup_server_message_get_uri (message)));
  seen->authorization = g_strdup (soup_message_headers_get_one (request_headers,
                                                                "Authorization"));
  seen->content_type = g_strdup (soup_message_headers_get_content_type (request_headers, NULL));
  seen->body = g_strndup (g_bytes_get_data (body_bytes, NULL), g_bytes_get_size (body_bytes));
  g_ptr_array_add (fixture->seen, seen);

  g_assert_false (g_queue_is_empty (&fixture->replies));
  reply = g_queue_get_length (&fixture->replies) > 1 ? g_queue_pop_head (&fixture->replies)
                                                     : g_queue_peek_head (&fixture->replies);

  switch (reply->action)
    {
    case REPLY_CUT:
      send_cut_reply (message, reply);
      break;

    case REPLY_PAUSE:
      soup_server_message_pause (message);
      g_ptr_array_add (fixture->paused, g_object_ref (message));
      break;

    case REPLY_NORMAL:
      soup_server_message_set_status (message, reply->status, NULL);
      if (reply->location != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                      "Location", reply->location);
      if (reply->total_pages > 0)
        {
          SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
          g_autofree char    *total = g_strdup_printf ("%u", reply->total);
          g_autofree char    *pages = g_strdup_printf ("%u", reply->total_pages);

          soup_message_headers_replace (headers, "X-WP-Total", total);
          soup_message_headers_replace (headers, "X-WP-TotalPages", pages);
        }
      if (reply->retry_after != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                      "Retry-After", reply->retry_after);
      if (reply->body != NULL)
        soup_server_message_set_response (message, reply->content_type, SOUP_MEMORY_COPY,
                                          reply->body, strlen (reply->body));
      break;
    }

  if (g_queue_peek_head (&fixture->replies) != reply)
    reply_free (reply);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GSList *uris;

  g_queue_init (&fixture->replies);
  fixture->seen = g_ptr_array_new_with_free_func ((GDestroyNotify) seen_free);
  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handle, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  fixture->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  for (guint i = 0; i < fixture->paused->len; i++)
    {
      SoupServerMessage *message = g_ptr_array_index (fixture->paused, i);

      soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (message);
    }
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->paused, g_ptr_array_unref);
  g_clear_pointer (&fixture->seen, g_ptr_array_unref);
  g_queue_clear_full (&fixture->replies, (GDestroyNotify) reply_free);
  g_free (fixture->url);
}

/* A client with test-sized timeouts and delays: retries would be instant
 * if Retry-After were not honoured. */
static CdWordpress *
new_client (Fixture *fixture)
{
  CdWordpress *client = cd_wordpress_new (fixture->url, "editor", PASSWORD);

  cd_wordpress_set_timeouts (client, 1, 5);
  cd_wordpress_set_retry_policy (client, 3, 1, 5, 10);
  return client;
}

static CdRemotePost *
get_post (CdWordpress *client,
          GError     **error)
{
  return cd_test_wordpress_get (client, "7", error);
}

static CdRemotePost *
create_post (CdWordpress *client,
             GError     **error)
{
  g_autoptr (CdArticle) article = cd_article_new ();

  cd_article_set_headline (article, "Storm closes the ferry");
  cd_article_set_body (article, "The ferry stopped.\n");
  return cd_test_wordpress_create (client, article, error);
}

static GPtrArray *
list_changed (CdWordpress *client,
              GError     **error)
{
  return cd_test_wordpress_list_changed (client, NULL, error);
}

/* Asserts that getting the post fails with @code. */
static GError *
get_post_fails (CdWordpress *client,
                int          code)
{
  g_autoptr (CdRemotePost) post = NULL;
  GError *error = NULL;

  post = get_post (client, &error);
  g_assert_null (post);
  g_assert_error (error, CD_CMS_ERROR, code);
  return error;
}

/* Asserts that creating a post fails with @code. */
static GError *
create_post_fails (CdWordpress *client,
                   int          code)
{
  g_autoptr (CdRemotePost) created = NULL;
  GError *error = NULL;

  created = create_post (client, &error);
  g_assert_null (created);
  g_assert_error (error, CD_CMS_ERROR, code);
  return error;
}

static Seen *
seen_at (Fixture *fixture,
         guint    i)
{
  g_assert_cmpuint (i, <, fixture->seen->len);
  return g_ptr_array_index (fixture->seen, i);
}

static void
assert_no_password (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, PASSWORD));
}

static void
test_retry_500 (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected_auth = NULL;
  g_autofree char *encoded = g_base64_encode ((const guchar *) "editor:" PASSWORD,
                                              strlen ("editor:" PASSWORD));

  queue_json (fixture, 500, "{\"code\":\"db_error\",\"message\":\"Database went away\"}");
  queue_json (fixture, 200, post_json);

  post = get_post (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->remote_id, ==, "7");
  g_assert_cmpstr (cd_article_get_uuid (post->article), ==,
                   "0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11");
  g_assert_cmpstr (cd_article_get_headline (post->article), ==, "Storm closes the ferry");
  g_assert_cmpstr (cd_article_get_dek (post->article), ==, "All day");
  g_assert_cmpuint (fixture->seen->len, ==, 2);

  /* Credentials up front on every attempt, and the edit context. */
  expected_auth = g_strconcat ("Basic ", encoded, NULL);
  for (guint i = 0; i < fixture->seen->len; i++)
    {
      g_assert_cmpstr (seen_at (fixture, i)->authorization, ==, expected_auth);
      g_assert_cmpstr (seen_at (fixture, i)->path, ==, "/wp-json/wp/v2/posts/7");
      g_assert_nonnull (strstr (seen_at (fixture, i)->query, "context=edit"));
    }
  g_assert_cmpuint (cd_wordpress_get_request_count (client), ==, 2);
}

static void
test_500_exhausted (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GError) error = NULL;

  queue_json (fixture, 502, "{\"code\":\"bad_gateway\",\"message\":\"Upstream is down\"}");

  error = get_post_fails (client, CD_CMS_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "502"));
  g_assert_nonnull (strstr (error->message, fixture->url));
  assert_no_password (error);
  /* Three attempts, as the client was told. */
  g_assert_cmpuint (fixture->seen->len, ==, 3);
}

/* Gets the post after a reply that asked to wait: asserts that the client
 * tried twice and waited about a second or more. The backoff alone is at
 * most 5 ms. */
static void
assert_got_after_waiting (Fixture     *fixture,
                          CdWordpress *client)
{
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 waited;

  post = get_post (client, &error);
  waited = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_nonnull (post);
  g_assert_cmpuint (fixture->seen->len, ==, 2);
  g_assert_cmpint (waited, >=, 950 * 1000);
}

static void
test_retry_after_seconds (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);

  /* The server asks for a second. */
  queue_reply (fixture, 503, "application/json", "{\"code\":\"maintenance\",\"message\":\"Busy\"}",
               "1", REPLY_NORMAL);
  queue_json (fixture, 200, post_json);
  assert_got_after_waiting (fixture, client);
}

static void
test_retry_after_date (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_seconds (now, 2);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

  /* HTTP dates have whole seconds: "in two seconds" is at least one. */
  queue_reply (fixture, 429, "application/json",
               "{\"code\":\"too_many\",\"message\":\"Slow down\"}", date, REPLY_NORMAL);
  queue_json (fixture, 200, post_json);
  assert_got_after_waiting (fixture, client);
}

static void
test_retry_after_too_long (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GError) error = NULL;

  /* An hour is beyond what a sync waits for: report it now. */
  queue_reply (fixture, 503, "text/plain", "Down for maintenance", "3600", REPLY_NORMAL);

  error = get_post_fails (client, CD_CMS_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "3600"));
  g_assert_cmpuint (fixture->seen->len, ==, 1);
}

static void
test_not_retried (Fixture      *fixture,
                  gconstpointer data)
{
  static const struct
  {
    guint       status;
    const char *code;
    int         error;
  } cases[] = {
    {400,  "rest_invalid_param", CD_CMS_ERROR_BAD_REQUEST},
    { 401, "rest_not_logged_in", CD_CMS_ERROR_AUTH       },
    { 403, "rest_forbidden",     CD_CMS_ERROR_AUTH       },
    { 404, "rest_no_route",      CD_CMS_ERROR_NOT_FOUND  },
    { 409, "rest_conflict",      CD_CMS_ERROR_CONFLICT   },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CdWordpress) client = new_client (fixture);
      g_autoptr (GPtrArray) posts = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *body = g_strdup_printf ("{\"code\":\"%s\",\"message\":\"Case %u says no\","
                                               "\"data\":{\"status\":%u}}",
                                               cases[i].code, i, cases[i].status);
      g_autofree char *words = g_strdup_printf ("Case %u says no", i);
      g_autofree char *status = g_strdup_printf ("%u", cases[i].status);

      g_queue_clear_full (&fixture->replies, (GDestroyNotify) reply_free);
      g_ptr_array_set_size (fixture->seen, 0);
      queue_json (fixture, cases[i].status, body);

      posts = list_changed (client, &error);
      g_assert_null (posts);
      g_assert_error (error, CD_CMS_ERROR, cases[i].error);
      /* The person can act on it: which address, which status, what
       * WordPress said. */
      g_assert_nonnull (strstr (error->message, fixture->url));
      g_assert_nonnull (strstr (error->message, status));
      g_assert_nonnull (strstr (error->message, words));
      assert_no_password (error);
      g_assert_cmpuint (fixture->seen->len, ==, 1);
    }
}

static void
test_anonymous_refusal (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GError) error = NULL;

  /* What WordPress 6.1 answers a listing of drafts when the application
   * password was wrong and the request counts as anonymous. */
  queue_json (fixture, 400,
              "{\"code\":\"rest_invalid_param\",\"message\":\"Invalid parameter(s): status\","
              "\"data\":{\"status\":400,\"params\":{\"status\":\"Status is forbidden.\"},"
              "\"details\":{\"status\":{\"code\":\"rest_forbidden_status\","
              "\"message\":\"Status is forbidden.\",\"data\":{\"status\":401}}}}}");
  posts = list_changed (client, &error);
  g_assert_null (posts);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "not signed in"));
  g_assert_cmpuint (fixture->seen->len, ==, 1);
}

static void
test_malformed_json (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GError) error = NULL;

  queue_json (fixture, 200, "{\"id\":7,\"title\":{\"raw\":\"Storm\"");

  error = get_post_fails (client, CD_CMS_ERROR_INVALID_REPLY);
  g_assert_nonnull (strstr (error->message, fixture->url));
  g_assert_nonnull (strstr (error->message, "200"));
  assert_no_password (error);
}

static void
test_wrong_types (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;

  /* Valid JSON of the wrong shape reads as missing fields, never a crash. */
  queue_json (fixture, 200, "{\"id\":7,\"title\":[1,2],\"content\":42,\"excerpt\":{\"raw\":7},"
                            "\"categories\":\"none\",\"tags\":[\"x\",{}],\"status\":{},"
                            "\"modified_gmt\":\"yesterday\"}");
  post = get_post (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->remote_id, ==, "7");
  g_assert_true (g_uuid_string_is_valid (cd_article_get_uuid (post->article)));
  g_clear_pointer (&post, cd_remote_post_free);

  queue_json (fixture, 200, "[\"not\", \"a\", \"post\"]");
  reply_free (g_queue_pop_head (&fixture->replies));
  error = get_post_fails (client, CD_CMS_ERROR_INVALID_REPLY);
}

static void
test_redirect (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GError) error = NULL;

  /* A site that moved: the create is not followed as a GET to somewhere
   * else, and the credentials stay here. */
  queue_reply (fixture, 301, "text/html", "<a href=\"https://elsewhere.invalid/\">moved</a>",
               NULL, REPLY_NORMAL);
  ((Reply *) g_queue_peek_tail (&fixture->replies))->location =
      g_strconcat (fixture->url, "/moved", NULL);
  error = create_post_fails (client, CD_CMS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "301"));
  g_assert_cmpuint (fixture->seen->len, ==, 1);
}

static void
test_too_large (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GError) error = NULL;
  g_autofree char *padding = g_strnfill (4096, 'x');
  g_autofree char *body = g_strdup_printf ("{\"id\":7,\"content\":{\"raw\":\"%s\"}}", padding);

  /* Far more than any WordPress reply: refused, not read into memory. */
  cd_wordpress_set_max_reply_size (client, 1024);
  queue_json (fixture, 200, body);
  error = get_post_fails (client, CD_CMS_ERROR_INVALID_REPLY);
  g_assert_nonnull (strstr (error->message, "larger than 1024 bytes"));
  g_assert_cmpuint (fixture->seen->len, ==, 1);
}

static void
test_html_reply (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GError) error = NULL;

  queue_reply (fixture, 200, "text/html", "<html><body>Hotel Wi-Fi login</body></html>",
               NULL, REPLY_NORMAL);

  error = get_post_fails (client, CD_CMS_ERROR_INVALID_REPLY);
  g_assert_nonnull (strstr (error->message, "text/html"));
  g_assert_nonnull (strstr (error->message, fixture->url));
  g_assert_cmpuint (fixture->seen->len, ==, 1);
}

static void
test_cut_body (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GError) error = NULL;

  queue_reply (fixture, 200, "application/json", post_json, NULL, REPLY_CUT);

  /* A read is tried again, then reported. */
  error = get_post_fails (client, CD_CMS_ERROR_INVALID_REPLY);
  g_assert_nonnull (strstr (error->message, fixture->url));
  g_assert_nonnull (strstr (error->message, "200"));
  g_assert_cmpuint (fixture->seen->len, ==, 3);
  g_clear_error (&error);

  /* A create whose reply was cut may have made the post: never sent again. */
  g_ptr_array_set_size (fixture->seen, 0);
  error = create_post_fails (client, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  assert_no_password (error);
  g_assert_cmpuint (fixture->seen->len, ==, 1);
}

static void
test_timeout (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GError) error = NULL;

  cd_wordpress_set_retry_policy (client, 2, 1, 5, 10);
  queue_reply (fixture, 200, NULL, NULL, NULL, REPLY_PAUSE);

  error = get_post_fails (client, CD_CMS_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, fixture->url));
  g_assert_cmpuint (fixture->seen->len, ==, 2);
  g_clear_error (&error);

  /* The server got the create and acted; the reply never came. */
  g_ptr_array_set_size (fixture->seen, 0);
  error = create_post_fails (client, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (fixture->seen->len, ==, 1);
  g_assert_cmpstr (seen_at (fixture, 0)->method, ==, "POST");
}

static void
test_create_requests (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (CdRemotePost) created = NULL;
  g_autoptr (GError) error = NULL;
  Seen *seen;

  /* 503 means the server did not take it: the create is sent again. */
  queue_reply (fixture, 503, "application/json", "{\"code\":\"busy\",\"message\":\"Busy\"}",
               "0", REPLY_NORMAL);
  queue_json (fixture, 201, post_json);
  created = create_post (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (created->remote_id, ==, "7");
  g_assert_cmpuint (fixture->seen->len, ==, 2);
  seen = seen_at (fixture, 1);
  g_assert_cmpstr (seen->method, ==, "POST");
  g_assert_cmpstr (seen->path, ==, "/wp-json/wp/v2/posts");
  g_assert_cmpstr (seen->content_type, ==, "application/json");
  g_assert_nonnull (strstr (seen->body, "\"status\":\"draft\""));
  g_assert_nonnull (strstr (seen->body, "\"title\":\"Storm closes the ferry\""));
  g_assert_nonnull (strstr (seen->body, "copydeskUuid"));
  g_assert_null (strstr (seen->body, PASSWORD));

  /* WordPress's own 500 error: it did not save, and says so. */
  g_ptr_array_set_size (fixture->seen, 0);
  g_queue_clear_full (&fixture->replies, (GDestroyNotify) reply_free);
  queue_json (fixture, 500, "{\"code\":\"db_insert_error\",\"message\":\"Could not insert post "
                            "into the database.\",\"data\":{\"status\":500}}");
  error = create_post_fails (client, CD_CMS_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "Could not insert post"));
  g_assert_cmpuint (fixture->seen->len, ==, 1);
  g_clear_error (&error);

  /* A 502 from something in between: it may have saved. Not sent again. */
  g_ptr_array_set_size (fixture->seen, 0);
  g_queue_clear_full (&fixture->replies, (GDestroyNotify) reply_free);
  queue_reply (fixture, 502, "text/html", "<h1>Bad Gateway</h1>", NULL, REPLY_NORMAL);
  error = create_post_fails (client, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (fixture->seen->len, ==, 1);
}

static void
test_create_odd_outcomes (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autoptr (CdRemotePost) created = NULL;
  g_autoptr (GError) error = NULL;

  /* A section the site lacks and this user may not add: reported for the
   * article, not as a wrong password, and the post is never sent. */
  cd_article_set_headline (article, "Storm closes the ferry");
  cd_article_set_section (article, "Weather desk");
  queue_json (fixture, 200, "[]");
  queue_json (fixture, 403, "{\"code\":\"rest_cannot_create\",\"message\":\"Sorry, you are "
                            "not allowed to create terms in this taxonomy.\"}");
  created = cd_test_wordpress_create (client, article, &error);
  g_assert_null (created);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "Weather desk"));
  g_assert_cmpuint (fixture->seen->len, ==, 2);
  g_assert_cmpstr (seen_at (fixture, 0)->path, ==, "/wp-json/wp/v2/categories");
  g_assert_cmpstr (seen_at (fixture, 1)->path, ==, "/wp-json/wp/v2/categories");
  g_clear_error (&error);

  /* Created, but the reply holds no post: the caller must look for it. */
  g_ptr_array_set_size (fixture->seen, 0);
  g_queue_clear_full (&fixture->replies, (GDestroyNotify) reply_free);
  queue_json (fixture, 201, "{\"created\":true}");
  error = create_post_fails (client, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (fixture->seen->len, ==, 1);
}

static gboolean
has_remote_id (GPtrArray  *posts,
               const char *id)
{
  for (guint i = 0; i < posts->len; i++)
    if (g_str_equal (((CdRemotePost *) g_ptr_array_index (posts, i))->remote_id, id))
      return TRUE;
  return FALSE;
}

static void
test_list_shifted (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GError) error = NULL;
  const guint first[] = { 11, 12 };
  const guint second[] = { 14 };
  const guint again[] = { 11, 13, 14 };

  /* A post appears while the pages are read: the total moves from 3 to 4,
   * so a post could have slipped between the pages. The list is read again. */
  cd_wordpress_set_per_page (client, 2);
  queue_page (fixture, first, G_N_ELEMENTS (first), 3, 2);
  queue_page (fixture, second, G_N_ELEMENTS (second), 4, 2);
  queue_page (fixture, again, G_N_ELEMENTS (again), 4, 1);

  posts = list_changed (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->seen->len, ==, 3);
  g_assert_nonnull (strstr (seen_at (fixture, 0)->query, "page=1"));
  g_assert_nonnull (strstr (seen_at (fixture, 1)->query, "page=2"));
  g_assert_nonnull (strstr (seen_at (fixture, 2)->query, "page=1"));
  g_assert_nonnull (strstr (seen_at (fixture, 0)->query, "per_page=2"));
  /* Each post once, the one that slipped in included. */
  g_assert_cmpuint (posts->len, ==, 4);
  g_assert_true (has_remote_id (posts, "11"));
  g_assert_true (has_remote_id (posts, "12"));
  g_assert_true (has_remote_id (posts, "13"));
  g_assert_true (has_remote_id (posts, "14"));
}

static void
test_find_fallback (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (CdRemotePost) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *recent = NULL;

  /* A search plugin that does not look inside comments: the marker is
   * still found among the recent posts. */
  recent = g_strdup_printf ("[{\"id\":5,\"status\":\"draft\","
                            "\"content\":{\"raw\":\"<p>Other</p>\"}},%s]",
                            post_json);

  queue_page (fixture, NULL, 0, 0, 0);
  queue_json (fixture, 200, recent);

  found = cd_test_wordpress_find_by_uuid (client, "0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->remote_id, ==, "7");
  g_assert_nonnull (strstr (seen_at (fixture, 0)->query,
                            "search=0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11"));
  g_assert_nonnull (strstr (seen_at (fixture, 1)->query, "orderby=modified"));
  g_assert_nonnull (strstr (seen_at (fixture, 1)->query, "order=desc"));
}

static void
test_refused (void)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;

  /* A port that was free a moment ago and has nobody listening now. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  client = cd_wordpress_new (url, "editor", PASSWORD);
  cd_wordpress_set_timeouts (client, 1, 5);
  cd_wordpress_set_retry_policy (client, 2, 1, 5, 10);
  /* Nothing was sent, so even a create is safe to try again: it ends as
   * offline (queue it), not as an unknown outcome. */
  error = create_post_fails (client, CD_CMS_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, url));
  assert_no_password (error);
  g_assert_cmpuint (cd_wordpress_get_request_count (client), ==, 2);
}

static void
count_request (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               guint             *requests)
{
  (*requests)++;
  soup_server_message_set_status (message, 200, NULL);
}

static void
test_untrusted_certificate (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-tls-XXXXXX", &error);
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *command = NULL;
  g_autofree char *url = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdRemotePost) post = NULL;
  GSList *uris;
  int     status = 0;
  guint   requests = 0;

  /* A self-signed certificate, as a misconfigured site or a captive
   * portal would present. */
  g_assert_no_error (error);
  cert_path = g_build_filename (dir, "cert.pem", NULL);
  key_path = g_build_filename (dir, "key.pem", NULL);
  command = g_strdup_printf ("openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 "
                             "-days 1 -keyout %s -out %s",
                             key_path, cert_path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, (SoupServerCallback) count_request, &requests, NULL);
  g_assert_true (soup_server_listen_local (server, 0,
                                           SOUP_SERVER_LISTEN_IPV4_ONLY |
                                               SOUP_SERVER_LISTEN_HTTPS,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (url, "https://"));

  client = cd_wordpress_new (url, "editor", PASSWORD);
  cd_wordpress_set_timeouts (client, 5, 5);
  cd_wordpress_set_retry_policy (client, 3, 1, 5, 10);
  post = get_post (client, &error);
  g_assert_null (post);
  /* Not "offline" (queued for ever), and not tried again. */
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "secure connection"));
  /* One sentence, ending in one period: GLib's reason has its own. */
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (strstr (error->message, ".."));
  g_assert_cmpuint (cd_wordpress_get_request_count (client), ==, 1);
  g_assert_cmpuint (requests, ==, 0);

  soup_server_disconnect (server);
  g_unlink (cert_path);
  g_unlink (key_path);
  g_rmdir (dir);
}

/* A network monitor that says there is no network. */
typedef struct
{
  GObject parent_instance;
} TestOffline;

typedef struct
{
  GObjectClass parent_class;
} TestOfflineClass;

static void  test_offline_initable_init (GInitableIface *iface);
static void  test_offline_monitor_init (GNetworkMonitorInterface *iface);
static GType test_offline_get_type (void);

/* clang-format off */
G_DEFINE_TYPE_WITH_CODE (TestOffline, test_offline, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_offline_initable_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                test_offline_monitor_init))
/* clang-format on */

enum
{
  OFFLINE_PROP_0,
  OFFLINE_PROP_AVAILABLE,
  OFFLINE_PROP_METERED,
  OFFLINE_PROP_CONNECTIVITY
};

static void
test_offline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case OFFLINE_PROP_AVAILABLE:
    case OFFLINE_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case OFFLINE_PROP_CONNECTIVITY:
      g_value_set_enum (value, G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_offline_class_init (TestOfflineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_offline_get_property;
  g_object_class_override_property (object_class, OFFLINE_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, OFFLINE_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, OFFLINE_PROP_CONNECTIVITY, "connectivity");
}

static void
test_offline_init (TestOffline *self)
{
}

static gboolean
test_offline_initable_init_func (GInitable    *initable,
                                 GCancellable *cancellable,
                                 GError      **error)
{
  return TRUE;
}

static void
test_offline_initable_init (GInitableIface *iface)
{
  iface->init = test_offline_initable_init_func;
}

static void
test_offline_monitor_init (GNetworkMonitorInterface *iface)
{
}

static void
test_no_network (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GNetworkMonitor) offline = g_object_new (test_offline_get_type (), NULL);
  g_autoptr (GError) error = NULL;

  queue_json (fixture, 201, post_json);
  cd_wordpress_set_network_monitor (client, offline);
  error = create_post_fails (client, CD_CMS_ERROR_OFFLINE);
  /* Nothing was sent. */
  g_assert_cmpuint (fixture->seen->len, ==, 0);
  g_assert_cmpuint (cd_wordpress_get_request_count (client), ==, 0);
}

/* Gets post 7 with @data's client, for cd_test_run_in_thread(). */
static gpointer
get_post_thread (gpointer      data,
                 GCancellable *cancellable,
                 GError      **error)
{
  return cd_cms_get (CD_CMS (data), "7", cancellable, error);
}

static void
test_cancel (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr (CdWordpress) client = new_client (fixture);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;

  /* Cancelled during a long Retry-After: it stops at once. */
  queue_reply (fixture, 503, "application/json", "{\"code\":\"busy\",\"message\":\"Busy\"}",
               "8", REPLY_NORMAL);
  cd_test_run_in_thread (get_post_thread, client, cancellable, cd_test_store_result, &result);
  while (fixture->seen->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  post = cd_test_run_in_thread_finish (cd_test_await (&result), &error);
  g_assert_null (post);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->seen->len, ==, 1);
}

static void
test_marker (void)
{
  g_autoptr (CdArticle) article = cd_article_new_with_uuid ("0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11");
  g_autofree char *content = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *none = NULL;
  g_autofree char *uuid_wrapped = NULL;
  g_autofree char *wrapped = g_strdup ("<p>Text</p>\n<p><!-- copydesk:uuid="
                                       "0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11 --></p>\n<p>More</p>");
  g_autofree char *fake = g_strdup ("<p>Say <!-- copydesk:uuid=not-a-uuid --> hi</p>");

  /* A new post is block markup with the marker in its first block's
   * attributes; taking the marker gives the content as it was before. */
  cd_article_set_body (article, "One *two*.\n");
  content = cd_wordpress_content_for_article (article);
  g_assert_cmpstr (content, ==,
                   "<!-- wp:paragraph {\"copydeskUuid\":\"0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11\"} "
                   "-->\n<p>One <em>two</em>.</p>\n<!-- /wp:paragraph -->");
  uuid = cd_wordpress_take_marker (content);
  g_assert_cmpstr (uuid, ==, "0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11");
  g_assert_null (strstr (content, "copydesk"));
  g_assert_cmpstr (content, ==, "<!-- wp:paragraph -->\n<p>One <em>two</em>.</p>\n<!-- /wp:paragraph -->");

  /* Wrapped in a paragraph by WordPress's editor: the paragraph goes too. */
  uuid_wrapped = cd_wordpress_take_marker (wrapped);
  g_assert_cmpstr (uuid_wrapped, ==, "0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11");
  g_assert_cmpstr (wrapped, ==, "<p>Text</p>\n<p>More</p>");

  none = cd_wordpress_take_marker (fake);
  g_assert_null (none);
  g_assert_cmpstr (fake, ==, "<p>Say <!-- copydesk:uuid=not-a-uuid --> hi</p>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cms-faults/retry-500", test_retry_500);
  ADD ("/cms-faults/5xx-exhausted", test_500_exhausted);
  ADD ("/cms-faults/retry-after-seconds", test_retry_after_seconds);
  ADD ("/cms-faults/retry-after-date", test_retry_after_date);
  ADD ("/cms-faults/retry-after-too-long", test_retry_after_too_long);
  ADD ("/cms-faults/not-retried", test_not_retried);
  ADD ("/cms-faults/anonymous-refusal", test_anonymous_refusal);
  ADD ("/cms-faults/malformed-json", test_malformed_json);
  ADD ("/cms-faults/wrong-types", test_wrong_types);
  ADD ("/cms-faults/html-reply", test_html_reply);
  ADD ("/cms-faults/too-large", test_too_large);
  ADD ("/cms-faults/redirect", test_redirect);
  ADD ("/cms-faults/cut-body", test_cut_body);
  ADD ("/cms-faults/timeout", test_timeout);
  ADD ("/cms-faults/create-requests", test_create_requests);
  ADD ("/cms-faults/create-odd-outcomes", test_create_odd_outcomes);
  ADD ("/cms-faults/no-network", test_no_network);
  ADD ("/cms-faults/list-shifted", test_list_shifted);
  ADD ("/cms-faults/find-fallback", test_find_fallback);
  ADD ("/cms-faults/cancel", test_cancel);
  g_test_add_func ("/cms-faults/refused", test_refused);
  g_test_add_func ("/cms-faults/untrusted-certificate", test_untrusted_certificate);
  g_test_add_func ("/cms-faults/marker", test_marker);

#undef ADD

  return g_test_run ();
}
