/* test-http-client.c: the HTTP policy every CMS client shares
 * (CdHttpClient), against an in-process SoupServer that answers what each
 * test queues: retries and Retry-After, what is never retried, the
 * unknown-outcome rule for writes, JSON replies, backoff with jitter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "cd-cms.h"
#include "cd-http-client.h"

typedef struct
{
  guint    status;
  char    *content_type;
  char    *body;
  char    *retry_after;
  gboolean pause; /* no reply until the test ends */
} Reply;

typedef struct
{
  SoupServer *server;
  char       *url;
  GQueue      replies; /* Reply*, the last one repeats */
  GPtrArray  *paused;  /* SoupServerMessage* */
  guint       requests;
} Fixture;

static void
reply_free (Reply *reply)
{
  g_free (reply->content_type);
  g_free (reply->body);
  g_free (reply->retry_after);
  g_free (reply);
}

static void
queue_reply (Fixture    *fixture,
             guint       status,
             const char *content_type,
             const char *body,
             const char *retry_after)
{
  Reply *reply = g_new0 (Reply, 1);

  reply->status = status;
  reply->content_type = g_strdup (content_type);
  reply->body = g_strdup (body);
  reply->retry_after = g_strdup (retry_after);
  g_queue_push_tail (&fixture->replies, reply);
}

static void
queue_json (Fixture    *fixture,
            guint       status,
            const char *body)
{
  queue_reply (fixture, status, "application/json; charset=UTF-8", body, NULL);
}

static void
queue_pause (Fixture *fixture)
{
  queue_json (fixture, 200, "{}");
  ((Reply *) g_queue_peek_tail (&fixture->replies))->pause = TRUE;
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture *fixture = user_data;
  Reply   *reply;

  fixture->requests++;
  g_assert_false (g_queue_is_empty (&fixture->replies));
  reply = g_queue_get_length (&fixture->replies) > 1 ? g_queue_pop_head (&fixture->replies)
                                                     : g_queue_peek_head (&fixture->replies);
  if (reply->pause)
    {
      soup_server_message_pause (message);
      g_ptr_array_add (fixture->paused, g_object_ref (message));
    }
  else
    {
      soup_server_message_set_status (message, reply->status, NULL);
      if (reply->retry_after != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                      "Retry-After", reply->retry_after);
      if (reply->body != NULL)
        soup_server_message_set_response (message, reply->content_type, SOUP_MEMORY_COPY,
                                          reply->body, strlen (reply->body));
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
  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handle, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
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
  g_queue_clear_full (&fixture->replies, (GDestroyNotify) reply_free);
  g_free (fixture->url);
}

/* A client with test-sized timeouts and delays, so that a retry is at
 * once unless the server asks for a wait. */
static CdHttpClient *
new_client (Fixture *fixture)
{
  CdHttpClient *client = cd_http_client_new (fixture->url, "a test site");

  cd_http_client_set_authorization (client, "Bearer test");
  cd_http_client_set_timeouts (client, 1, 5);
  cd_http_client_set_retry_policy (client, 3, 1, 5, 10);
  return client;
}

typedef struct
{
  CdHttpClient     *client;
  const char       *method;
  char             *url;
  JsonNode         *body;
  CdHttpRequestKind kind;
  CdHttpReply       reply;
  JsonNode         *result;
  GError           *error;
  int               done;
} Call;

static gpointer
call_thread (gpointer data)
{
  Call *call = data;

  call->result = cd_http_client_request (call->client, call->method, call->url, call->body,
                                         call->kind, &call->reply, NULL, &call->error);
  g_atomic_int_set (&call->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* Runs one blocking request in a thread while the server answers on this
 * thread's main context. */
static JsonNode *
request (Fixture          *fixture,
         CdHttpClient     *client,
         const char       *method,
         const char       *body,
         CdHttpRequestKind kind,
         CdHttpReply      *reply,
         GError          **error)
{
  Call     call = { client, method, NULL, NULL, kind, { 0 }, NULL, NULL, 0 };
  GThread *thread;

  call.url = g_strconcat (fixture->url, "wp-json/test", NULL);
  call.body = body != NULL ? json_from_string (body, NULL) : NULL;
  thread = g_thread_new ("request", call_thread, &call);
  while (!g_atomic_int_get (&call.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_free (call.url);
  g_clear_pointer (&call.body, json_node_unref);
  if (reply != NULL)
    *reply = call.reply;
  else
    cd_http_reply_clear (&call.reply);
  if (call.error != NULL)
    g_propagate_error (error, call.error);
  return call.result;
}

/* 503 and 429 mean the server did not act: a read and a write alike come
 * again, after the wait Retry-After asks for. */
static void
test_retry_after (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdHttpClient) client = new_client (fixture);
  g_autoptr (JsonNode) read = NULL;
  g_autoptr (JsonNode) written = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  queue_reply (fixture, 503, "text/plain", "busy", "1");
  queue_json (fixture, 200, "{\"id\":1}");
  start = g_get_monotonic_time ();
  read = request (fixture, client, "GET", NULL, CD_HTTP_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpuint (fixture->requests, ==, 2);
  /* The client's own backoff is a few milliseconds here. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);

  g_queue_clear_full (&fixture->replies, (GDestroyNotify) reply_free);
  queue_reply (fixture, 429, "text/plain", "slow down", "0");
  queue_json (fixture, 201, "{\"id\":2}");
  written = request (fixture, client, "POST", "{\"title\":\"x\"}", CD_HTTP_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (written);
  g_assert_cmpuint (fixture->requests, ==, 4);
  g_assert_cmpuint (cd_http_client_get_request_count (client), ==, 4);
}

/* 400, 401, 403, 404 and 409 are answers, not accidents: one request
 * each, the code that says which, and the server's JSON for the caller. */
static void
test_not_retried (Fixture      *fixture,
                  gconstpointer data)
{
  static const struct
  {
    guint status;
    int   code;
  } cases[] = {
    {400,  CD_CMS_ERROR_BAD_REQUEST},
    { 401, CD_CMS_ERROR_AUTH       },
    { 403, CD_CMS_ERROR_AUTH       },
    { 404, CD_CMS_ERROR_NOT_FOUND  },
    { 409, CD_CMS_ERROR_CONFLICT   },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CdHttpClient) client = new_client (fixture);
      g_auto (CdHttpReply) reply = { 0 };
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) node = NULL;
      g_autofree char *message = NULL;

      g_queue_clear_full (&fixture->replies, (GDestroyNotify) reply_free);
      queue_json (fixture, cases[i].status,
                  "{\"code\":\"test_refused\",\"message\":\"Refused for the test.\"}");
      node = request (fixture, client, "GET", NULL, CD_HTTP_READ, &reply, &error);
      g_assert_null (node);
      g_assert_error (error, CD_CMS_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "Refused for the test."));
      g_assert_cmpuint (cd_http_client_get_request_count (client), ==, 1);
      g_assert_cmpuint (reply.status, ==, cases[i].status);
      message = cd_http_error_message (reply.error_body);
      g_assert_cmpstr (message, ==, "Refused for the test.");
    }
}

/* A write whose reply never comes may have been saved: it is reported as
 * an unknown outcome after one request, never sent blindly again. A read
 * is tried again and ends as a timeout. */
static void
test_unknown_outcome (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CdHttpClient) writer = new_client (fixture);
  g_autoptr (CdHttpClient) reader = new_client (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  queue_pause (fixture);
  node = request (fixture, writer, "POST", "{\"title\":\"x\"}", CD_HTTP_WRITE, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (cd_http_client_get_request_count (writer), ==, 1);
  g_clear_error (&error);

  node = request (fixture, reader, "GET", NULL, CD_HTTP_READ, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT);
  g_assert_cmpuint (cd_http_client_get_request_count (reader), ==, 3);
}

/* A 5xx on a write: the server's own JSON error means it did not save
 * (reported, not retried); anything else may have come after it did. A
 * read is tried again until it succeeds. */
static void
test_server_errors (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (CdHttpClient) client = new_client (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  queue_json (fixture, 500, "{\"code\":\"db_insert_error\",\"message\":\"Could not insert.\"}");
  node = request (fixture, client, "POST", "{}", CD_HTTP_WRITE, NULL, &error);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_SERVER);
  g_assert_cmpuint (fixture->requests, ==, 1);
  g_clear_error (&error);

  g_queue_clear_full (&fixture->replies, (GDestroyNotify) reply_free);
  queue_reply (fixture, 502, "text/html", "<h1>Bad gateway</h1>", NULL);
  node = request (fixture, client, "POST", "{}", CD_HTTP_WRITE, NULL, &error);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (fixture->requests, ==, 2);
  g_clear_error (&error);

  g_queue_clear_full (&fixture->replies, (GDestroyNotify) reply_free);
  queue_reply (fixture, 500, "text/html", "<h1>Oops</h1>", NULL);
  queue_reply (fixture, 504, "text/html", "<h1>Late</h1>", NULL);
  queue_json (fixture, 200, "[]");
  node = request (fixture, client, "GET", NULL, CD_HTTP_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (fixture->requests, ==, 5);
}

/* A 200 that is not JSON: a read's reply is invalid, a write's outcome
 * unknown (the server answered, so it may have saved); the message names
 * what the site should have been. */
static void
test_not_json (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (CdHttpClient) client = new_client (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  queue_reply (fixture, 200, "text/html", "<html>Welcome</html>", NULL);
  node = request (fixture, client, "GET", NULL, CD_HTTP_READ, NULL, &error);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY);
  g_assert_true (g_str_has_suffix (error->message, "is this the address of a test site?"));
  g_clear_error (&error);

  node = request (fixture, client, "POST", "{}", CD_HTTP_WRITE, NULL, &error);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (fixture->requests, ==, 2);
}

/* Full jitter: every wait lies between 0 and the attempt's ceiling, which
 * doubles up to the largest. Retry-After reads seconds and HTTP dates. */
static void
test_backoff (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_seconds (now, 120);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  guint            highest[5] = { 0 };

  for (guint round = 0; round < 2000; round++)
    for (guint attempt = 1; attempt <= 4; attempt++)
      {
        guint wait = cd_http_backoff_ms (attempt, 100, 500);

        g_assert_cmpuint (wait, <=, MIN (500, 100u << (attempt - 1)));
        highest[attempt] = MAX (highest[attempt], wait);
      }
  /* The ceiling grows: later attempts wait longer at their longest. */
  g_assert_cmpuint (highest[1], <, highest[3]);
  g_assert_cmpuint (cd_http_backoff_ms (3, 0, 0), ==, 0);

  g_assert_cmpint (cd_http_parse_retry_after ("120"), ==, 120);
  g_assert_cmpint (cd_http_parse_retry_after (" 7"), ==, 7);
  g_assert_cmpint (cd_http_parse_retry_after ("soon"), ==, -1);
  g_assert_cmpint (cd_http_parse_retry_after ("12abc"), ==, -1);
  g_assert_cmpint (cd_http_parse_retry_after (NULL), ==, -1);
  g_assert_cmpint (cd_http_parse_retry_after (date), >, 100);
  g_assert_cmpint (cd_http_parse_retry_after (date), <=, 120);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/http-client/retry-after", test_retry_after);
  ADD ("/http-client/not-retried", test_not_retried);
  ADD ("/http-client/unknown-outcome", test_unknown_outcome);
  ADD ("/http-client/server-errors", test_server_errors);
  ADD ("/http-client/not-json", test_not_json);
  g_test_add_func ("/http-client/backoff", test_backoff);

  return g_test_run ();
}
