/* test-http-client.c: the HTTP policy every CMS client shares
 * (CdHttpClient), against the in-process SoupServer of the sync fault tests
 * (cd-test-fake-wp.c) with the faults each test injects: retries and
 * Retry-After, what is never retried, the unknown-outcome rule for writes,
 * JSON replies, backoff with jitter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-cms.h"
#include "cd-http-client.h"
#include "cd-test-fake-wp.h"

typedef struct
{
  FakeWp *fake;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  fixture->fake = fake_new (TRUE);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_clear_pointer (&fixture->fake, fake_free);
}

/* A client with test-sized timeouts and delays, so that a retry is at
 * once unless the server asks for a wait. */
static CdHttpClient *
new_client (Fixture *fixture)
{
  CdHttpClient *client = cd_http_client_new (fixture->fake->url, "a test site");

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

  call.url = g_strconcat (fixture->fake->url, "/wp-json/wp/v2/posts", NULL);
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

/* How many requests reached the posts' route with @method. */
static guint
count (Fixture    *fixture,
       const char *method)
{
  g_autofree char *key = g_strconcat (method, " /wp/v2/posts", NULL);

  return fake_count (fixture->fake, key);
}

static void
add_fault (Fixture    *fixture,
           const char *method,
           FaultKind   kind,
           guint       status,
           guint       retry_after)
{
  fake_add_fault (fixture->fake, method, "/wp/v2/posts", kind, status, retry_after);
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

  add_fault (fixture, "GET", FAULT_STATUS, 503, 1);
  start = g_get_monotonic_time ();
  read = request (fixture, client, "GET", NULL, CD_HTTP_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (read));
  g_assert_cmpuint (count (fixture, "GET"), ==, 2);
  /* The client's own backoff is a few milliseconds here. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);

  add_fault (fixture, "POST", FAULT_STATUS, 429, 0);
  written = request (fixture, client, "POST", "{\"title\":\"Ferry\",\"content\":\"x\"}",
                     CD_HTTP_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (written));
  g_assert_cmpuint (count (fixture, "POST"), ==, 2);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
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

      add_fault (fixture, "GET", FAULT_STATUS, cases[i].status, 0);
      node = request (fixture, client, "GET", NULL, CD_HTTP_READ, &reply, &error);
      g_assert_null (node);
      g_assert_error (error, CD_CMS_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "Injected failure"));
      g_assert_cmpuint (cd_http_client_get_request_count (client), ==, 1);
      g_assert_cmpuint (reply.status, ==, cases[i].status);
      message = cd_http_error_message (reply.error_body);
      g_assert_cmpstr (message, ==, "Injected failure");
    }
}

/* A write whose reply never comes may have been saved, and here it was:
 * it is reported as an unknown outcome after one request, never sent
 * blindly again. A read is tried again and ends as a timeout. */
static void
test_unknown_outcome (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CdHttpClient) writer = new_client (fixture);
  g_autoptr (CdHttpClient) reader = new_client (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  add_fault (fixture, "POST", FAULT_HOLD, 0, 0);
  node = request (fixture, writer, "POST", "{\"title\":\"Ferry\",\"content\":\"x\"}",
                  CD_HTTP_WRITE, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (cd_http_client_get_request_count (writer), ==, 1);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  g_clear_error (&error);

  for (guint i = 0; i < 3; i++)
    add_fault (fixture, "GET", FAULT_HOLD, 0, 0);
  node = request (fixture, reader, "GET", NULL, CD_HTTP_READ, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT);
  g_assert_cmpuint (cd_http_client_get_request_count (reader), ==, 3);
}

/* A 5xx on a write: the server's own JSON error means it did not save
 * (reported, not retried); a connection dropped after the work may have
 * come after it did. A read is tried again until it succeeds. */
static void
test_server_errors (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (CdHttpClient) client = new_client (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  add_fault (fixture, "POST", FAULT_STATUS, 500, 0);
  node = request (fixture, client, "POST", "{\"title\":\"Ferry\"}", CD_HTTP_WRITE, NULL, &error);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_SERVER);
  g_assert_cmpuint (count (fixture, "POST"), ==, 1);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 0);
  g_clear_error (&error);

  add_fault (fixture, "POST", FAULT_DROP, 0, 0);
  node = request (fixture, client, "POST", "{\"title\":\"Ferry\"}", CD_HTTP_WRITE, NULL, &error);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (count (fixture, "POST"), ==, 2);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  g_clear_error (&error);

  add_fault (fixture, "GET", FAULT_STATUS, 500, 0);
  add_fault (fixture, "GET", FAULT_STATUS, 504, 0);
  node = request (fixture, client, "GET", NULL, CD_HTTP_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (count (fixture, "GET"), ==, 3);
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

  add_fault (fixture, "GET", FAULT_WRONG_TYPE, 0, 0);
  node = request (fixture, client, "GET", NULL, CD_HTTP_READ, NULL, &error);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY);
  g_assert_true (g_str_has_suffix (error->message, "is this the address of a test site?"));
  g_clear_error (&error);

  add_fault (fixture, "POST", FAULT_WRONG_TYPE, 0, 0);
  node = request (fixture, client, "POST", "{}", CD_HTTP_WRITE, NULL, &error);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (cd_http_client_get_request_count (client), ==, 2);
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
