/* cd-http-client.c: the HTTP policy every CMS client uses (see
 * cd-http-client.h): timeouts, retries with backoff and jitter,
 * Retry-After, the unknown-outcome rule for writes, a cap on the reply's
 * size and JSON replies.
 *
 * Requests use libsoup's blocking API, which libsoup 3.2 allows from any
 * thread; the one SoupSession is configured before the first request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-http-client"

#include "config.h"

#include <string.h>

#include "cd-cms.h"
#include "cd-http-client-private.h"
#include "cd-http-client.h"
#include "cd-json.h"

#define DEFAULT_TIMEOUT_S 30
#define DEFAULT_IDLE_TIMEOUT_S 60
#define DEFAULT_MAX_ATTEMPTS 4
#define DEFAULT_BASE_DELAY_MS 500
#define DEFAULT_MAX_DELAY_MS 8000
#define DEFAULT_MAX_RETRY_AFTER_S 60
/* The timeouts above bound each wait for the server; this bounds one
 * attempt as a whole, so a reply trickled a byte at a time ends too. A
 * full 64 MiB reply at 1 MB/s fits. */
#define DEFAULT_DEADLINE_S 120
/* A page of 100 long posts is a few megabytes; far more is not a CMS. */
#define DEFAULT_MAX_REPLY (64 * 1024 * 1024)

/* libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

struct _CdHttpClient
{
  GObject parent_instance;

  char *site_url;
  char *site_kind;     /* "a WordPress site", for a reply that is not JSON */
  char *authorization; /* the whole header value; never logged */

  SoupSession     *session;
  GNetworkMonitor *monitor;
  guint            timeout_s;
  guint            idle_timeout_s;
  guint            max_attempts;
  guint            base_delay_ms;
  guint            max_delay_ms;
  guint            max_retry_after_s;
  guint            deadline_s;
  gsize            max_reply;

  int requests; /* atomic */
  /* Atomic: a request failed before its reply came whole, and until one
   * comes whole again every request opens a connection of its own. After
   * a timeout libsoup 3.2 may still be closing the old connection on
   * another thread, and handing it out again then trips its assertion in
   * soup_session_ensure_item_connection(). */
  int fresh_connections;
};

G_DEFINE_FINAL_TYPE (CdHttpClient, cd_http_client, G_TYPE_OBJECT)

/**
 * cd_http_reply_clear:
 * @reply: a #CdHttpReply
 *
 * Frees what @reply holds and zeroes it.
 */
void
cd_http_reply_clear (CdHttpReply *reply)
{
  g_return_if_fail (reply != NULL);

  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->error_body, json_node_unref);
  g_clear_pointer (&reply->body, g_bytes_unref);
  reply->status = 0;
}

/* Errors ----------------------------------------------------------------- */

/**
 * cd_http_error_message:
 * @body: (nullable): a reply's JSON
 *
 * Returns: (transfer full) (nullable): the server's own words: the
 *   "message" member of an error reply
 */
char *
cd_http_error_message (JsonNode *body)
{
  JsonNode *message;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  message = json_object_get_member (json_node_get_object (body), "message");
  if (message == NULL || !JSON_NODE_HOLDS_VALUE (message) ||
      json_node_get_value_type (message) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (message));
}

/* Every reply goes through cd_json_parse(): a reply nested deeper than
 * any real one would overflow the recursive parser's stack. */
static JsonNode *
parse_json (GBytes  *bytes,
            GError **error)
{
  gsize       length = 0;
  const char *data;

  g_assert (bytes != NULL);

  data = g_bytes_get_data (bytes, &length);
  return cd_json_parse (data, length, error);
}

/* The server's message in a reply body, whatever its stated type. */
static char *
message_from_bytes (GBytes *body)
{
  g_autoptr (JsonNode) json = NULL;

  if (body == NULL || g_bytes_get_size (body) == 0)
    return NULL;
  json = parse_json (body, NULL);
  return cd_http_error_message (json);
}

/* Whether @body is the server's own JSON error (an object with a "code"),
 * which it sends only when it did not act. */
static gboolean
is_own_error (JsonNode *body)
{
  JsonNode *code;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return FALSE;
  code = json_object_get_member (json_node_get_object (body), "code");
  return code != NULL && JSON_NODE_HOLDS_VALUE (code) &&
         json_node_get_value_type (code) == G_TYPE_STRING;
}

/* A library's message to quote inside a sentence of ours that ends in its
 * own period ("…failed: Unacceptable TLS certificate." rather than "..").
 */
static char *
without_final_period (const char *message)
{
  char *text = g_strdup (message != NULL ? message : "");
  gsize length = strlen (text);

  while (length > 0 && (text[length - 1] == '.' || g_ascii_isspace (text[length - 1])))
    text[--length] = '\0';
  return text;
}

static int
error_code_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      return CD_CMS_ERROR_BAD_REQUEST;
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      return CD_CMS_ERROR_AUTH;
    case SOUP_STATUS_NOT_FOUND:
      return CD_CMS_ERROR_NOT_FOUND;
    case SOUP_STATUS_CONFLICT:
      return CD_CMS_ERROR_CONFLICT;
    case SOUP_STATUS_GONE:
      return CD_CMS_ERROR_GONE;
    default:
      return status >= 500 ? CD_CMS_ERROR_SERVER : CD_CMS_ERROR_FAILED;
    }
}

static void
set_status_error (GError    **error,
                  int         code,
                  const char *method,
                  const char *url,
                  guint       status,
                  GBytes     *body)
{
  g_autofree char *message = message_from_bytes (body);

  g_assert (method != NULL);
  g_assert (url != NULL);

  if (message != NULL)
    g_set_error (error, CD_CMS_ERROR, code, "%s %s answered HTTP %u (%s): %s",
                 method, url, status, soup_status_get_phrase (status), message);
  else
    g_set_error (error, CD_CMS_ERROR, code, "%s %s answered HTTP %u (%s).",
                 method, url, status, soup_status_get_phrase (status));
}

static gboolean
is_connect_error (const GError *error)
{
  g_assert (error != NULL);

  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED) ||
         error->domain == G_RESOLVER_ERROR;
}

/* Timing ----------------------------------------------------------------- */

/**
 * cd_http_backoff_ms:
 * @attempt: the attempt that failed, from 1
 * @base_delay_ms: the first ceiling
 * @max_delay_ms: the largest ceiling
 *
 * Exponential backoff with full jitter: a uniformly random wait between 0
 * and min(max, base · 2^(attempt − 1)), so clients that failed together do
 * not come back together.
 *
 * Returns: the wait in milliseconds
 */
guint
cd_http_backoff_ms (guint attempt,
                    guint base_delay_ms,
                    guint max_delay_ms)
{
  guint64 cap = base_delay_ms;

  for (guint i = 1; i < attempt && cap < max_delay_ms; i++)
    cap *= 2;
  cap = MIN (cap, max_delay_ms);
  if (cap == 0)
    return 0;
  return (guint) g_random_int_range (0, (gint32) MIN (cap, G_MAXINT32 - 1) + 1);
}

/**
 * cd_http_parse_retry_after:
 * @value: (nullable): a Retry-After header: seconds or an HTTP date
 *
 * Returns: the seconds to wait, or -1 when absent or unreadable
 */
gint64
cd_http_parse_retry_after (const char *value)
{
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GDateTime) now = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;
  while (g_ascii_isspace (*value))
    value++;
  if (g_ascii_isdigit (*value))
    {
      char *end = NULL;

      seconds = g_ascii_strtoull (value, &end, 10);
      if (end != NULL && *end != '\0' && !g_ascii_isspace (*end))
        return -1;
      return (gint64) MIN (seconds, G_MAXINT32);
    }
  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;
  now = g_date_time_new_now_utc ();
  return MAX (0, g_date_time_difference (when, now) / G_TIME_SPAN_SECOND);
}

/* Waits @ms, waking early to stop when @cancellable is cancelled. */
static gboolean
wait_ms (guint         ms,
         GCancellable *cancellable,
         GError      **error)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  for (;;)
    {
      gint64 now;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      now = g_get_monotonic_time ();
      if (now >= end)
        return TRUE;
      g_usleep (MIN (end - now, 20000));
    }
}

/* Requests --------------------------------------------------------------- */

static gboolean
check_online (CdHttpClient *self,
              GError      **error)
{
  g_assert (CD_IS_HTTP_CLIENT (self));

  if (self->monitor == NULL || g_network_monitor_get_network_available (self->monitor))
    return TRUE;
  g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_OFFLINE,
               "No network is available to reach %s.", self->site_url);
  return FALSE;
}

static void
on_wrote_body (SoupMessage *message,
               gboolean    *body_sent)
{
  g_assert (SOUP_IS_MESSAGE (message));
  g_assert (body_sent != NULL);

  *body_sent = TRUE;
}

static gboolean
is_json_content_type (SoupMessage *message)
{
  const char *type;

  g_assert (SOUP_IS_MESSAGE (message));

  type = soup_message_headers_get_content_type (soup_message_get_response_headers (message),
                                                NULL);
  return type != NULL &&
         (g_ascii_strcasecmp (type, "application/json") == 0 ||
          g_str_has_suffix (type, "+json"));
}

/* soup_session_send_and_read(), but a reply larger than max_reply is an
 * error rather than all of the memory. */
static GBytes *
send_and_read (CdHttpClient *self,
               SoupMessage  *message,
               GCancellable *cancellable,
               GError      **error)
{
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GByteArray) data = NULL;
  guint8 buffer[16384];

  g_assert (CD_IS_HTTP_CLIENT (self));
  g_assert (SOUP_IS_MESSAGE (message));

  stream = soup_session_send (self->session, message, cancellable, error);
  if (stream == NULL)
    return NULL;
  data = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > self->max_reply)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       "the reply is larger than %" G_GSIZE_FORMAT " bytes", self->max_reply);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  g_input_stream_close (stream, NULL, NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* libsoup hands over what arrived when the connection closes before the
 * promised Content-Length; a shorter body is a reply cut off. (Compressed
 * bodies are decoded on the way, so their length says nothing.) */
static gboolean
is_cut_off (SoupMessage *message,
            GBytes      *reply,
            GError     **error)
{
  SoupMessageHeaders *headers;
  goffset             expected;

  g_assert (SOUP_IS_MESSAGE (message));
  g_assert (reply != NULL);

  headers = soup_message_get_response_headers (message);
  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      soup_message_headers_get_one (headers, "Content-Encoding") != NULL)
    return FALSE;
  expected = soup_message_headers_get_content_length (headers);
  if ((goffset) g_bytes_get_size (reply) >= expected)
    return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
               "the connection closed after %" G_GSIZE_FORMAT " of %" G_GOFFSET_FORMAT " bytes",
               g_bytes_get_size (reply), expected);
  return TRUE;
}

static gboolean
same_host (const char *a,
           const char *b)
{
  g_autoptr (GUri) ua = g_uri_parse (a, G_URI_FLAGS_NONE, NULL);
  g_autoptr (GUri) ub = g_uri_parse (b, G_URI_FLAGS_NONE, NULL);

  g_assert (a != NULL && b != NULL);

  return ua != NULL && ub != NULL && g_uri_get_host (ua) != NULL && g_uri_get_host (ub) != NULL &&
         g_ascii_strcasecmp (g_uri_get_host (ua), g_uri_get_host (ub)) == 0 &&
         g_uri_get_port (ua) == g_uri_get_port (ub) &&
         g_strcmp0 (g_uri_get_scheme (ua), g_uri_get_scheme (ub)) == 0;
}

/* A fresh message for one attempt: a sent one carries its old state. */
static SoupMessage *
new_message (CdHttpClient      *self,
             const char        *method,
             const char        *url,
             GBytes            *body,
             const char        *content_type,
             const char *const *extra_headers,
             CdHttpRequestKind  kind,
             gboolean          *body_sent,
             GError           **error)
{
  SoupMessage        *message;
  SoupMessageHeaders *headers;

  g_assert (CD_IS_HTTP_CLIENT (self));
  g_assert (method != NULL && url != NULL && body_sent != NULL);

  message = soup_message_new (method, url);
  if (message == NULL)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED,
                   "%s is not a web address Copydesk can use.", url);
      return NULL;
    }
  headers = soup_message_get_request_headers (message);
  /* The sites send no challenge, so the credentials go up front. */
  /* A file may be served from another host (a CDN): the credentials are
   * the site's alone. */
  if (self->authorization != NULL && (kind != CD_HTTP_DOWNLOAD || same_host (self->site_url, url)))
    soup_message_headers_replace (headers, "Authorization", self->authorization);
  if (kind != CD_HTTP_DOWNLOAD)
    soup_message_headers_replace (headers, "Accept", "application/json");
  /* A redirect would carry the credentials elsewhere, and libsoup turns
   * a redirected POST into a GET: report it instead. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  for (guint i = 0; extra_headers != NULL && extra_headers[i] != NULL && extra_headers[i + 1] != NULL;
       i += 2)
    soup_message_headers_replace (headers, extra_headers[i], extra_headers[i + 1]);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, content_type, body);
  g_signal_connect (message, "wrote-body", G_CALLBACK (on_wrote_body), body_sent);
  return message;
}

/* What a failure before any complete reply means. Returns TRUE when it may
 * be tried again, with the reason in @last_error; FALSE with @error set
 * when it ends the request. */
static gboolean
classify_transport_error (CdHttpClient     *self,
                          const char       *method,
                          const char       *url,
                          CdHttpRequestKind kind,
                          guint             status,
                          gboolean          body_sent,
                          GError           *local_error,
                          GError          **last_error,
                          GError          **error)
{
  /* Quoted in sentences that end in their own period. */
  g_autofree char *why = without_final_period (local_error->message);

  g_assert (CD_IS_HTTP_CLIENT (self));
  g_assert (local_error != NULL);
  g_assert (last_error != NULL);

  /* A write cancelled after it went out may have been saved: the caller
   * must look before it writes again. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !(kind == CD_HTTP_WRITE && body_sent))
    {
      g_propagate_error (error, g_error_copy (local_error));
      return FALSE;
    }
  if (kind == CD_HTTP_WRITE && body_sent)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME,
                   "%s %s was sent but no complete reply came back (%s); the "
                   "site may or may not have saved it.",
                   method, url, why);
      return FALSE;
    }
  /* A reply that takes this long is not going to come quicker the next
   * time. */
  if (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT))
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT,
                   "%s %s did not finish within %u seconds, so the site is too slow or sends "
                   "its reply a little at a time.",
                   method, url, self->deadline_s);
      return FALSE;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "The reply to %s %s (HTTP %u) was refused: %s.", method, url, status, why);
      return FALSE;
    }
  /* A certificate the system does not trust will not fix itself: say so
   * now rather than queue for ever. */
  if (local_error->domain == G_TLS_ERROR)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED,
                   "The secure connection to %s failed: %s.", self->site_url, why);
      return FALSE;
    }
  g_clear_error (last_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (last_error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT,
                 "%s %s had no reply within %u seconds.", method, url, self->timeout_s);
  else if (status != 0)
    g_set_error (last_error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                 "The reply to %s %s (HTTP %u) was cut off: %s.", method, url, status, why);
  else if (is_connect_error (local_error))
    g_set_error (last_error, CD_CMS_ERROR, CD_CMS_ERROR_OFFLINE,
                 "Could not connect to %s: %s.", self->site_url, why);
  else
    g_set_error (last_error, CD_CMS_ERROR, CD_CMS_ERROR_OFFLINE,
                 "%s %s failed before a reply came: %s.", method, url, why);
  return TRUE;
}

/* The JSON of a successful reply, or %NULL with @error set. */
static JsonNode *
success_json (CdHttpClient     *self,
              SoupMessage      *message,
              GBytes           *bytes,
              const char       *method,
              const char       *url,
              CdHttpRequestKind kind,
              guint             status,
              GError          **error)
{
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;

  g_assert (CD_IS_HTTP_CLIENT (self));
  g_assert (SOUP_IS_MESSAGE (message));

  /* A write the server answered has been saved: a reply that cannot be
   * read leaves its outcome unknown. */
  if (!is_json_content_type (message))
    {
      const char *type = soup_message_headers_get_content_type (
          soup_message_get_response_headers (message), NULL);

      g_set_error (error, CD_CMS_ERROR,
                   kind == CD_HTTP_WRITE ? CD_CMS_ERROR_UNKNOWN_OUTCOME
                                         : CD_CMS_ERROR_INVALID_REPLY,
                   "The reply to %s %s (HTTP %u) is %s, not JSON; is this the address of %s?",
                   method, url, status, type != NULL ? type : "of no stated type",
                   self->site_kind);
      return NULL;
    }
  root = parse_json (bytes, &local_error);
  if (root == NULL)
    g_set_error (error, CD_CMS_ERROR,
                 kind == CD_HTTP_WRITE ? CD_CMS_ERROR_UNKNOWN_OUTCOME
                                       : CD_CMS_ERROR_INVALID_REPLY,
                 g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA)
                     ? "The reply to %s %s (HTTP %u) was refused unread: %s, deeper than "
                       "any real reply."
                     : "The reply to %s %s (HTTP %u) is not valid JSON: %s.",
                 method, url, status, local_error->message);
  return root;
}

/**
 * cd_http_client_request:
 * @method: "GET", "POST"…
 * @url: the whole address, query included
 * @body: (nullable): JSON to send
 * @kind: whether the server may act on the request
 * @reply: (out caller-allocates) (optional): the status and headers, or the
 *   JSON of an error reply; clear it with cd_http_reply_clear()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Sends the request until it succeeds, fails for good, or the attempts run
 * out, as cd-http-client.h describes. Blocks.
 *
 * Returns: (transfer full) (nullable): the reply's JSON
 */
JsonNode *
cd_http_client_request (CdHttpClient     *self,
                        const char       *method,
                        const char       *url,
                        JsonNode         *body,
                        CdHttpRequestKind kind,
                        CdHttpReply      *reply,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr (GBytes) request_body = NULL;

  g_return_val_if_fail (CD_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (method != NULL && url != NULL, NULL);

  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize            length = strlen (text);

      request_body = g_bytes_new_take (g_steal_pointer (&text), length);
    }
  return cd_http_client_request_bytes (self, method, url, request_body, "application/json", NULL,
                                       kind, reply, cancellable, error);
}

/**
 * cd_http_client_request_bytes:
 * @method: "GET", "POST"…
 * @url: the whole address, query included
 * @request_body: (nullable): the bytes to send
 * @content_type: (nullable): their type; needed with @request_body
 * @extra_headers: (nullable) (array zero-terminated=1): more request headers,
 *   name and value after each other ("Content-Disposition", "attachment;
 *   filename=…", %NULL)
 * @kind: whether the server may act on the request
 * @reply: (out caller-allocates) (optional): as for cd_http_client_request()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * cd_http_client_request() with a body that is not JSON (a file upload),
 * under the same policy; the reply is JSON all the same. Blocks.
 *
 * Returns: (transfer full) (nullable): the reply's JSON
 */
JsonNode *
cd_http_client_request_bytes (CdHttpClient      *self,
                              const char        *method,
                              const char        *url,
                              GBytes            *request_body,
                              const char        *content_type,
                              const char *const *extra_headers,
                              CdHttpRequestKind  kind,
                              CdHttpReply       *reply,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr (GError) last_error = NULL;

  g_return_val_if_fail (CD_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (method != NULL && url != NULL, NULL);
  g_return_val_if_fail (request_body == NULL || content_type != NULL, NULL);

  if (reply != NULL)
    *reply = (CdHttpReply){ 0 };
  /* The accounts refuse such an address already; this holds for any other
   * way a client comes to one, before the credentials leave. */
  if (self->authorization != NULL &&
      (kind != CD_HTTP_DOWNLOAD || same_host (self->site_url, url)) &&
      !cd_http_check_secure_url (url, error))
    return NULL;

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr (SoupMessage) message = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) local_error = NULL;
      SoupMessageHeaders *headers;
      CdHttpDeadline      deadline;
      GCancellable       *attempt_cancellable;
      gboolean            body_sent = FALSE;
      gint64              retry_after;
      guint               status;
      guint               delay;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !check_online (self, error))
        return NULL;
      message = new_message (self, method, url, request_body, content_type, extra_headers, kind,
                             &body_sent, error);
      if (message == NULL)
        return NULL;
      if (g_atomic_int_get (&self->fresh_connections))
        soup_message_add_flags (message, SOUP_MESSAGE_NEW_CONNECTION);

      attempt_cancellable = _cd_http_deadline_start (&deadline, self->deadline_s, cancellable);
      bytes = send_and_read (self, message, attempt_cancellable, &local_error);
      if (_cd_http_deadline_stop (&deadline) && bytes == NULL &&
          !g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT,
                       "it took longer than %u seconds in all", self->deadline_s);
        }
      g_atomic_int_inc (&self->requests);
      status = soup_message_get_status (message);
      headers = soup_message_get_response_headers (message);
      if (bytes != NULL && is_cut_off (message, bytes, &local_error))
        g_clear_pointer (&bytes, g_bytes_unref);
      g_atomic_int_set (&self->fresh_connections, bytes == NULL);
      g_debug ("%s %s (attempt %u): %u%s%s", method, url, attempt, status,
               local_error != NULL ? " " : "", local_error != NULL ? local_error->message : "");

      if (bytes == NULL)
        {
          if (!classify_transport_error (self, method, url, kind, status, body_sent, local_error,
                                         &last_error, error))
            return NULL;
          delay = cd_http_backoff_ms (attempt, self->base_delay_ms, self->max_delay_ms);
        }
      else if (SOUP_STATUS_IS_SUCCESSFUL (status) && kind == CD_HTTP_DOWNLOAD)
        {
          /* The caller reads the bytes from the reply; the node only says
           * the download succeeded. */
          if (reply != NULL)
            {
              reply->status = status;
              reply->headers = soup_message_headers_ref (headers);
              reply->body = g_bytes_ref (bytes);
            }
          return json_node_new (JSON_NODE_NULL);
        }
      else if (SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          JsonNode *root = success_json (self, message, bytes, method, url, kind, status, error);

          if (root != NULL && reply != NULL)
            {
              reply->status = status;
              reply->headers = soup_message_headers_ref (headers);
            }
          return root;
        }
      else if (status == STATUS_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
        {
          /* The server declined without acting: any request may come again,
           * after the wait the server asks for. */
          g_clear_error (&last_error);
          set_status_error (&last_error, CD_CMS_ERROR_SERVER, method, url, status, bytes);
          retry_after = cd_http_parse_retry_after (soup_message_headers_get_one (headers,
                                                                                 "Retry-After"));
          if (retry_after > (gint64) self->max_retry_after_s)
            {
              g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_SERVER,
                           "%s %s answered HTTP %u and asks to wait %" G_GINT64_FORMAT
                           " seconds before trying again.",
                           method, url, status, retry_after);
              return NULL;
            }
          delay = retry_after >= 0 ? (guint) retry_after * 1000
                                   : cd_http_backoff_ms (attempt, self->base_delay_ms,
                                                         self->max_delay_ms);
        }
      else if (status == SOUP_STATUS_INTERNAL_SERVER_ERROR || status == SOUP_STATUS_BAD_GATEWAY ||
               status == SOUP_STATUS_GATEWAY_TIMEOUT)
        {
          if (kind == CD_HTTP_WRITE)
            {
              g_autoptr (JsonNode) json = is_json_content_type (message) ? parse_json (bytes, NULL)
                                                                         : NULL;

              /* The server's own error reply means it did not save; anything
               * else (a proxy, a PHP crash) may have come after it did. */
              set_status_error (error,
                                is_own_error (json) ? CD_CMS_ERROR_SERVER
                                                    : CD_CMS_ERROR_UNKNOWN_OUTCOME,
                                method, url, status, bytes);
              return NULL;
            }
          g_clear_error (&last_error);
          set_status_error (&last_error, CD_CMS_ERROR_SERVER, method, url, status, bytes);
          delay = cd_http_backoff_ms (attempt, self->base_delay_ms, self->max_delay_ms);
        }
      else if (SOUP_STATUS_IS_REDIRECTION (status))
        {
          const char *location = soup_message_headers_get_one (headers, "Location");

          g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED,
                       "%s %s answered HTTP %u (%s) and points to %s; change the account's "
                       "address to where the site is now.",
                       method, url, status, soup_status_get_phrase (status),
                       location != NULL ? location : "no other address");
          return NULL;
        }
      else
        {
          set_status_error (error, error_code_for_status (status), method, url, status, bytes);
          if (reply != NULL)
            {
              reply->status = status;
              reply->error_body = is_json_content_type (message) ? parse_json (bytes, NULL)
                                                                 : NULL;
            }
          return NULL;
        }

      if (attempt >= self->max_attempts)
        {
          g_propagate_error (error, g_steal_pointer (&last_error));
          return NULL;
        }
      g_debug ("Trying %s %s again in %u ms", method, url, delay);
      if (!wait_ms (delay, cancellable, error))
        return NULL;
    }
}

/**
 * cd_http_client_download:
 * @url: the file's address
 * @content_type: (out) (optional) (transfer full): its type, as the server
 *   states it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a file (an image the site serves) under the policy of a read:
 * retried, capped in size, a redirect reported. The credentials go only to
 * the site's own host. Blocks.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
cd_http_client_download (CdHttpClient *self,
                         const char   *url,
                         char        **content_type,
                         GCancellable *cancellable,
                         GError      **error)
{
  g_auto (CdHttpReply) reply = { 0 };
  g_autoptr (JsonNode) done = NULL;

  g_return_val_if_fail (CD_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  done = cd_http_client_request_bytes (self, "GET", url, NULL, NULL, NULL, CD_HTTP_DOWNLOAD,
                                       &reply, cancellable, error);
  if (done == NULL)
    return NULL;
  if (content_type != NULL)
    *content_type = g_strdup (soup_message_headers_get_content_type (reply.headers, NULL));
  return g_steal_pointer (&reply.body);
}

/* GObject ---------------------------------------------------------------- */

/**
 * cd_http_is_loopback_url:
 * @url: an address
 *
 * Returns: whether @url names this machine (localhost, 127.0.0.1, ::1)
 */
gboolean
cd_http_is_loopback_url (const char *url)
{
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GInetAddress) address = NULL;
  const char *host;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * cd_http_check_secure_url:
 * @url: an address credentials would be sent to
 * @error: return location for a %CD_CMS_ERROR_AUTH error
 *
 * Plain http carries an application password in clear text to anyone on
 * the way; only a site on this machine, where nothing is on the way, may
 * use it.
 *
 * Returns: %FALSE, with @error set, when @url is plain http to a host that
 *   is not this machine
 */
gboolean
cd_http_check_secure_url (const char *url,
                          GError    **error)
{
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL || g_ascii_strcasecmp (scheme, "http") != 0 || cd_http_is_loopback_url (url))
    return TRUE;
  g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH,
               "Copydesk will not send the password for %s over plain http, where anyone on "
               "the network could read it; use the site's https:// address instead.",
               g_uri_get_host (uri));
  return FALSE;
}

static void
cd_http_client_dispose (GObject *object)
{
  CdHttpClient *self = CD_HTTP_CLIENT (object);

  /* Every request's caller holds a reference, so none is under way here,
   * and this may run in a worker thread: no soup_session_abort(). */
  g_clear_object (&self->session);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (cd_http_client_parent_class)->dispose (object);
}

static void
cd_http_client_finalize (GObject *object)
{
  CdHttpClient *self = CD_HTTP_CLIENT (object);

  cd_http_clear_secret (&self->authorization);
  g_clear_pointer (&self->site_url, g_free);
  g_clear_pointer (&self->site_kind, g_free);

  G_OBJECT_CLASS (cd_http_client_parent_class)->finalize (object);
}

static void
cd_http_client_class_init (CdHttpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_http_client_dispose;
  object_class->finalize = cd_http_client_finalize;
}

static void
cd_http_client_init (CdHttpClient *self)
{
  self->timeout_s = DEFAULT_TIMEOUT_S;
  self->idle_timeout_s = DEFAULT_IDLE_TIMEOUT_S;
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->base_delay_ms = DEFAULT_BASE_DELAY_MS;
  self->max_delay_ms = DEFAULT_MAX_DELAY_MS;
  self->max_retry_after_s = DEFAULT_MAX_RETRY_AFTER_S;
  self->deadline_s = DEFAULT_DEADLINE_S;
  self->max_reply = DEFAULT_MAX_REPLY;
  self->session = soup_session_new_with_options ("timeout", self->timeout_s,
                                                 "idle-timeout", self->idle_timeout_s,
                                                 "user-agent", "Copydesk/" PACKAGE_VERSION,
                                                 NULL);
}

/**
 * cd_http_client_new:
 * @site_url: the site's address, for messages
 * @site_kind: what the site is, for a reply that is not JSON ("a
 *   WordPress site")
 *
 * A site on this machine is reachable whatever the network does, so only
 * a site elsewhere follows the default network monitor.
 *
 * Returns: (transfer full): a client
 */
CdHttpClient *
cd_http_client_new (const char *site_url,
                    const char *site_kind)
{
  CdHttpClient *self;

  g_return_val_if_fail (site_url != NULL, NULL);
  g_return_val_if_fail (site_kind != NULL, NULL);

  self = g_object_new (CD_TYPE_HTTP_CLIENT, NULL);
  self->site_url = g_strdup (site_url);
  self->site_kind = g_strdup (site_kind);
  if (!cd_http_is_loopback_url (site_url))
    self->monitor = g_object_ref (g_network_monitor_get_default ());
  return self;
}

/**
 * cd_http_client_set_authorization:
 * @authorization: (nullable): the Authorization header's value, sent on
 *   every request; the client wipes its copy when it dies
 *
 * Call before the first request.
 */
void
cd_http_client_set_authorization (CdHttpClient *self,
                                  const char   *authorization)
{
  g_return_if_fail (CD_IS_HTTP_CLIENT (self));

  cd_http_clear_secret (&self->authorization);
  self->authorization = g_strdup (authorization);
}

/**
 * cd_http_clear_secret:
 * @secret: a secret string (a password, an Authorization header), or a
 *   pointer to %NULL
 *
 * Overwrites the string's bytes before freeing it, so that the secret does
 * not linger in freed memory, and sets *@secret to %NULL.
 */
void
cd_http_clear_secret (char **secret)
{
  g_return_if_fail (secret != NULL);

  if (*secret != NULL)
    explicit_bzero (*secret, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

/**
 * cd_http_client_set_timeouts:
 * @timeout_seconds: how long a request may wait for the server
 * @idle_timeout_seconds: how long an unused connection stays open
 *
 * Call before the first request.
 */
void
cd_http_client_set_timeouts (CdHttpClient *self,
                             guint         timeout_seconds,
                             guint         idle_timeout_seconds)
{
  g_return_if_fail (CD_IS_HTTP_CLIENT (self));
  g_return_if_fail (timeout_seconds > 0);

  self->timeout_s = timeout_seconds;
  self->idle_timeout_s = idle_timeout_seconds;
  g_object_set (self->session, "timeout", timeout_seconds,
                "idle-timeout", idle_timeout_seconds, NULL);
}

/**
 * cd_http_client_set_retry_policy:
 * @max_attempts: attempts per request, at least 1
 * @base_delay_ms: the backoff's first ceiling
 * @max_delay_ms: the backoff's largest ceiling
 * @max_retry_after_seconds: the longest Retry-After waited for; a server
 *   asking for more gets a %CD_CMS_ERROR_SERVER at once
 */
void
cd_http_client_set_retry_policy (CdHttpClient *self,
                                 guint         max_attempts,
                                 guint         base_delay_ms,
                                 guint         max_delay_ms,
                                 guint         max_retry_after_seconds)
{
  g_return_if_fail (CD_IS_HTTP_CLIENT (self));
  g_return_if_fail (max_attempts > 0);

  self->max_attempts = max_attempts;
  self->base_delay_ms = base_delay_ms;
  self->max_delay_ms = MAX (base_delay_ms, max_delay_ms);
  self->max_retry_after_s = max_retry_after_seconds;
}

/**
 * cd_http_client_set_deadline:
 * @seconds: how long one attempt may take in all, from sending the request
 *   to the reply's last byte; a slower one is %CD_CMS_ERROR_TIMEOUT (or
 *   %CD_CMS_ERROR_UNKNOWN_OUTCOME for a write that went out) and is not
 *   tried again
 */
void
cd_http_client_set_deadline (CdHttpClient *self,
                             guint         seconds)
{
  g_return_if_fail (CD_IS_HTTP_CLIENT (self));
  g_return_if_fail (seconds > 0);

  self->deadline_s = seconds;
}

/**
 * cd_http_client_set_max_reply_size:
 * @bytes: the largest reply read; a larger one is %CD_CMS_ERROR_INVALID_REPLY
 */
void
cd_http_client_set_max_reply_size (CdHttpClient *self,
                                   gsize         bytes)
{
  g_return_if_fail (CD_IS_HTTP_CLIENT (self));
  g_return_if_fail (bytes > 0);

  self->max_reply = bytes;
}

/**
 * cd_http_client_set_network_monitor:
 * @monitor: (nullable): the monitor to ask before each request; %NULL to
 *   never ask
 */
void
cd_http_client_set_network_monitor (CdHttpClient    *self,
                                    GNetworkMonitor *monitor)
{
  g_return_if_fail (CD_IS_HTTP_CLIENT (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  g_set_object (&self->monitor, monitor);
}

/**
 * cd_http_client_get_request_count:
 *
 * Returns: the number of HTTP requests sent so far, retries included
 */
guint
cd_http_client_get_request_count (CdHttpClient *self)
{
  g_return_val_if_fail (CD_IS_HTTP_CLIENT (self), 0);

  return (guint) g_atomic_int_get (&self->requests);
}
