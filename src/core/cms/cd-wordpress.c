/* cd-wordpress.c: CdCms for the WordPress REST API.
 *
 * Every operation runs in a worker thread (g_task_run_in_thread) with
 * libsoup's blocking API, which libsoup 3.2 allows from any thread; the one
 * SoupSession is configured before the first request and never afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wordpress"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cd-import.h"
#include "cd-render.h"
#include "cd-wordpress.h"

#define DEFAULT_TIMEOUT_S 30
#define DEFAULT_IDLE_TIMEOUT_S 60
#define DEFAULT_MAX_ATTEMPTS 4
#define DEFAULT_BASE_DELAY_MS 500
#define DEFAULT_MAX_DELAY_MS 8000
#define DEFAULT_MAX_RETRY_AFTER_S 60
#define DEFAULT_PER_PAGE 100
#define DEFAULT_FIND_PAGES 2
/* A page of 100 long posts is a few megabytes; far more is not WordPress. */
#define DEFAULT_MAX_REPLY (64 * 1024 * 1024)

/* Only what becomes a CdRemotePost: a post in context=edit otherwise
 * carries its rendered content and links too, which doubles the reply and
 * makes WordPress run its content filters for nothing. */
#define POST_FIELDS "id,status,link,date_gmt,modified_gmt,slug,title.raw,excerpt.raw,content.raw," \
                    "categories,tags"
#define POST_QUERY "context=edit&_fields=" POST_FIELDS

/* libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

/* What a listing's reply says about the whole list. */
typedef struct
{
  guint total_pages; /* X-WP-TotalPages */
  guint total;       /* X-WP-Total */
} PageInfo;

/* What a request may do again after a failure. A read can always be sent
 * again. A write (create, update) is sent again only when the server cannot
 * have acted on it: the connection failed before the body was written, or
 * the server declined with 429 or 503. */
typedef enum
{
  REQUEST_READ,
  REQUEST_WRITE,
} RequestKind;

/* Term ids and names of one taxonomy, shared by the worker threads under
 * CdWordpress.lock. */
typedef struct
{
  const char *rest_base;        /* "categories" or "tags" */
  GHashTable *ids_by_key;       /* casefolded name → id (GINT_TO_POINTER of gint64 is not
                                 * portable, so ids are boxed gint64) */
  GHashTable *names_by_id;      /* gint64 id → name */
  gint64      uncategorized_id; /* WordPress's default category; not a section */
} TermCache;

struct _CdWordpress
{
  GObject parent_instance;

  char *url;
  char *user;
  char *authorization; /* "Basic …": the password, encoded; never logged */

  SoupSession     *session;
  GNetworkMonitor *monitor;
  guint            timeout_s;
  guint            idle_timeout_s;
  guint            max_attempts;
  guint            base_delay_ms;
  guint            max_delay_ms;
  guint            max_retry_after_s;
  guint            per_page;
  guint            find_pages;
  gsize            max_reply;

  GMutex    lock;
  TermCache categories;
  TermCache tags;

  int requests; /* atomic */
};

static void     cd_wordpress_cms_init (CdCmsInterface *iface);
static gboolean is_loopback_url (const char *url);

/* clang-format off */
G_DEFINE_FINAL_TYPE_WITH_CODE (CdWordpress, cd_wordpress, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_CMS, cd_wordpress_cms_init))
/* clang-format on */

enum
{
  PROP_0,
  PROP_URL,
  PROP_USER,
  PROP_PASSWORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* JSON access that tolerates any reply: a member of the wrong type reads as
 * missing instead of tripping json-glib's argument checks. */
static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
node_int (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  return object != NULL ? node_int (json_object_get_member (object, name)) : 0;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Helpers for errors ------------------------------------------------------ */

static char *
wp_error_message (GBytes *body)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonNode   *root;
  JsonObject *object;
  const char *message;
  gsize       length = 0;
  const char *data;

  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &length);
  if (length == 0)
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  message = member_string (object, "message");
  return g_strdup (message);
}

static const char *
wp_error_code (JsonNode *body)
{
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  return member_string (json_node_get_object (body), "code");
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
  g_autofree char *message = wp_error_message (body);

  if (message != NULL)
    g_set_error (error, CD_CMS_ERROR, code, "%s %s answered HTTP %u (%s): %s",
                 method, url, status, soup_status_get_phrase (status), message);
  else
    g_set_error (error, CD_CMS_ERROR, code, "%s %s answered HTTP %u (%s).",
                 method, url, status, soup_status_get_phrase (status));
}

/* WordPress takes a wrong application password for a visitor who is not
 * signed in, and answers a listing of drafts with 400 "Invalid
 * parameter(s): status" whose details say 401 "rest_forbidden_status".
 * That is a credentials problem, not a bad request. */
static gboolean
is_anonymous_refusal (JsonNode *body)
{
  JsonObject *object = body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body)
                                                                     : NULL;
  JsonObject *details = member_object (member_object (object, "data"), "details");
  g_autoptr (GList) members = NULL;

  if (g_strcmp0 (member_string (object, "code"), "rest_invalid_param") != 0 || details == NULL)
    return FALSE;
  members = json_object_get_members (details);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *detail = member_object (details, l->data);
      gint64      detail_status = member_int (member_object (detail, "data"), "status");

      if (detail_status == SOUP_STATUS_UNAUTHORIZED || detail_status == SOUP_STATUS_FORBIDDEN)
        return TRUE;
    }
  return FALSE;
}

static void
set_anonymous_error (GError    **error,
                     const char *method,
                     const char *url,
                     guint       status,
                     GBytes     *body)
{
  g_autofree char *message = wp_error_message (body);

  g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH,
               "%s %s answered HTTP %u (%s) as to a visitor who is not signed in, so the "
               "application password is wrong or was revoked.",
               method, url, status, message != NULL ? message : soup_status_get_phrase (status));
}

static gboolean
is_connect_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED) ||
         error->domain == G_RESOLVER_ERROR;
}

/* Timing ----------------------------------------------------------------- */

/* Exponential backoff with full jitter: a uniformly random wait between 0
 * and min(max, base · 2^(attempt − 1)), so clients that failed together do
 * not come back together. */
static guint
backoff_ms (CdWordpress *self,
            guint        attempt)
{
  guint64 cap = self->base_delay_ms;

  for (guint i = 1; i < attempt && cap < self->max_delay_ms; i++)
    cap *= 2;
  cap = MIN (cap, self->max_delay_ms);
  if (cap == 0)
    return 0;
  return (guint) g_random_int_range (0, (gint32) MIN (cap, G_MAXINT32 - 1) + 1);
}

/* Retry-After is either a number of seconds or an HTTP date. Returns -1
 * when absent or unreadable. */
static gint64
parse_retry_after (const char *value)
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

static char *
build_url (CdWordpress *self,
           const char  *path,
           const char  *query)
{
  if (query != NULL && *query != '\0')
    return g_strconcat (self->url, "/wp-json", path, "?", query, NULL);
  return g_strconcat (self->url, "/wp-json", path, NULL);
}

static gboolean
check_online (CdWordpress *self,
              GError     **error)
{
  if (self->monitor == NULL || g_network_monitor_get_network_available (self->monitor))
    return TRUE;
  g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_OFFLINE,
               "No network is available to reach %s.", self->url);
  return FALSE;
}

static void
on_wrote_body (SoupMessage *message,
               gboolean    *body_sent)
{
  *body_sent = TRUE;
}

static gboolean
is_json_content_type (SoupMessage *message)
{
  const char *type;

  type = soup_message_headers_get_content_type (soup_message_get_response_headers (message),
                                                NULL);
  return type != NULL &&
         (g_ascii_strcasecmp (type, "application/json") == 0 ||
          g_str_has_suffix (type, "+json"));
}

/* soup_session_send_and_read(), but a reply larger than max_reply is an
 * error rather than all of the memory. */
static GBytes *
send_and_read (CdWordpress  *self,
               SoupMessage  *message,
               GCancellable *cancellable,
               GError      **error)
{
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GByteArray) data = NULL;
  guint8 buffer[16384];

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
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  goffset             expected;

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

static JsonNode *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize       length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode   *root;

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "empty document");
      return NULL;
    }
  return json_node_copy (root);
}

/* Sends @method @path?@query (with @body as JSON) until it succeeds, fails
 * for good, or the attempts run out. On success returns the reply's JSON and
 * the list headers in @page_info; on an HTTP error the reply's
 * JSON goes to @error_body when it was JSON. */
static JsonNode *
request (CdWordpress  *self,
         const char   *method,
         const char   *path,
         const char   *query,
         JsonNode     *body,
         RequestKind   kind,
         PageInfo     *page_info,
         JsonNode    **error_body,
         GCancellable *cancellable,
         GError      **error)
{
  g_autofree char *url = build_url (self, path, query);
  g_autoptr (GBytes) request_body = NULL;
  g_autoptr (GError) last_error = NULL;

  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize            length = strlen (text);

      request_body = g_bytes_new_take (g_steal_pointer (&text), length);
    }

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr (SoupMessage) message = NULL;
      g_autoptr (GBytes) reply = NULL;
      g_autoptr (GError) local_error = NULL;
      SoupMessageHeaders *headers;
      gboolean            body_sent = FALSE;
      gint64              retry_after = -1;
      guint               status;
      guint               delay;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!check_online (self, error))
        return NULL;

      /* A fresh message each attempt: a sent one carries its old state. */
      message = soup_message_new (method, url);
      if (message == NULL)
        {
          g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED,
                       "%s is not a web address Copydesk can use.", url);
          return NULL;
        }
      headers = soup_message_get_request_headers (message);
      /* WordPress sends no challenge, so the credentials go up front. */
      soup_message_headers_replace (headers, "Authorization", self->authorization);
      soup_message_headers_replace (headers, "Accept", "application/json");
      /* A redirect would carry the credentials elsewhere, and libsoup turns
       * a redirected POST into a GET: report it instead. */
      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
      if (request_body != NULL)
        soup_message_set_request_body_from_bytes (message, "application/json", request_body);
      g_signal_connect (message, "wrote-body", G_CALLBACK (on_wrote_body), &body_sent);

      reply = send_and_read (self, message, cancellable, &local_error);
      g_atomic_int_inc (&self->requests);
      status = soup_message_get_status (message);
      if (reply != NULL && is_cut_off (message, reply, &local_error))
        g_clear_pointer (&reply, g_bytes_unref);
      g_debug ("%s %s (attempt %u): %u%s%s", method, url, attempt, status,
               local_error != NULL ? " " : "",
               local_error != NULL ? local_error->message : "");

      if (reply == NULL)
        {
          /* Quoted in sentences that end in their own period. */
          g_autofree char *why = without_final_period (local_error->message);

          /* A write cancelled after it went out may have been saved: the
           * caller must look before it writes again. */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
              !(kind == REQUEST_WRITE && body_sent))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (kind == REQUEST_WRITE && body_sent)
            {
              g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME,
                           "%s %s was sent but no complete reply came back (%s); the "
                           "site may or may not have saved it.",
                           method, url, why);
              return NULL;
            }
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
            {
              g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                           "The reply to %s %s (HTTP %u) was refused: %s.", method, url, status,
                           why);
              return NULL;
            }
          /* A certificate the system does not trust will not fix itself:
           * say so now rather than queue for ever. */
          if (local_error->domain == G_TLS_ERROR)
            {
              g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED,
                           "The secure connection to %s failed: %s.", self->url, why);
              return NULL;
            }
          g_clear_error (&last_error);
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
            g_set_error (&last_error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT,
                         "%s %s had no reply within %u seconds.", method, url, self->timeout_s);
          else if (status != 0)
            g_set_error (&last_error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                         "The reply to %s %s (HTTP %u) was cut off: %s.",
                         method, url, status, why);
          else if (is_connect_error (local_error))
            g_set_error (&last_error, CD_CMS_ERROR, CD_CMS_ERROR_OFFLINE,
                         "Could not connect to %s: %s.", self->url, why);
          else
            g_set_error (&last_error, CD_CMS_ERROR, CD_CMS_ERROR_OFFLINE,
                         "%s %s failed before a reply came: %s.", method, url, why);
          delay = backoff_ms (self, attempt);
        }
      else if (SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          JsonNode *root;

          if (!is_json_content_type (message))
            {
              const char *type = soup_message_headers_get_content_type (
                  soup_message_get_response_headers (message), NULL);

              g_set_error (error, CD_CMS_ERROR,
                           kind == REQUEST_WRITE ? CD_CMS_ERROR_UNKNOWN_OUTCOME
                                                 : CD_CMS_ERROR_INVALID_REPLY,
                           "The reply to %s %s (HTTP %u) is %s, not JSON; is this the "
                           "address of a WordPress site?",
                           method, url, status, type != NULL ? type : "of no stated type");
              return NULL;
            }
          root = parse_json (reply, &local_error);
          if (root == NULL)
            {
              g_set_error (error, CD_CMS_ERROR,
                           kind == REQUEST_WRITE ? CD_CMS_ERROR_UNKNOWN_OUTCOME
                                                 : CD_CMS_ERROR_INVALID_REPLY,
                           "The reply to %s %s (HTTP %u) is not valid JSON: %s.",
                           method, url, status, local_error->message);
              return NULL;
            }
          if (page_info != NULL)
            {
              SoupMessageHeaders *reply_headers = soup_message_get_response_headers (message);
              const char         *pages;
              const char         *total;

              pages = soup_message_headers_get_one (reply_headers, "X-WP-TotalPages");
              total = soup_message_headers_get_one (reply_headers, "X-WP-Total");
              page_info->total_pages = pages != NULL
                                           ? (guint) g_ascii_strtoull (pages, NULL, 10)
                                           : 1;
              page_info->total = total != NULL ? (guint) g_ascii_strtoull (total, NULL, 10) : 0;
            }
          return root;
        }
      else if (status == STATUS_TOO_MANY_REQUESTS ||
               status == SOUP_STATUS_SERVICE_UNAVAILABLE)
        {
          /* The server declined without acting: any request may come again,
           * after the wait the server asks for. */
          g_clear_error (&last_error);
          set_status_error (&last_error, CD_CMS_ERROR_SERVER, method, url, status, reply);
          retry_after = parse_retry_after (soup_message_headers_get_one (
              soup_message_get_response_headers (message), "Retry-After"));
          if (retry_after > (gint64) self->max_retry_after_s)
            {
              g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_SERVER,
                           "%s %s answered HTTP %u and asks to wait %" G_GINT64_FORMAT
                           " seconds before trying again.",
                           method, url, status, retry_after);
              return NULL;
            }
          delay = retry_after >= 0 ? (guint) retry_after * 1000 : backoff_ms (self, attempt);
        }
      else if (status == SOUP_STATUS_INTERNAL_SERVER_ERROR ||
               status == SOUP_STATUS_BAD_GATEWAY ||
               status == SOUP_STATUS_GATEWAY_TIMEOUT)
        {
          if (kind == REQUEST_WRITE)
            {
              g_autoptr (JsonNode) json = is_json_content_type (message)
                                              ? parse_json (reply, NULL)
                                              : NULL;

              /* WordPress's own error reply means it did not save; anything
               * else (a proxy, a PHP crash) may have come after it did. */
              if (wp_error_code (json) != NULL)
                set_status_error (error, CD_CMS_ERROR_SERVER, method, url, status, reply);
              else
                set_status_error (error, CD_CMS_ERROR_UNKNOWN_OUTCOME, method, url, status, reply);
              return NULL;
            }
          g_clear_error (&last_error);
          set_status_error (&last_error, CD_CMS_ERROR_SERVER, method, url, status, reply);
          delay = backoff_ms (self, attempt);
        }
      else if (SOUP_STATUS_IS_REDIRECTION (status))
        {
          const char *location = soup_message_headers_get_one (
              soup_message_get_response_headers (message), "Location");

          g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED,
                       "%s %s answered HTTP %u (%s) and points to %s; change the account's "
                       "address to where the site is now.",
                       method, url, status, soup_status_get_phrase (status),
                       location != NULL ? location : "no other address");
          return NULL;
        }
      else
        {
          g_autoptr (JsonNode) json = is_json_content_type (message) ? parse_json (reply, NULL)
                                                                     : NULL;

          if (is_anonymous_refusal (json))
            set_anonymous_error (error, method, url, status, reply);
          else
            set_status_error (error, error_code_for_status (status), method, url, status, reply);
          if (error_body != NULL)
            *error_body = g_steal_pointer (&json);
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

/* Query strings ---------------------------------------------------------- */

static void
query_add (GString    *query,
           const char *name,
           const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_printf (query, "%s=%s", name, escaped);
}

static void
query_add_uint (GString    *query,
                const char *name,
                guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  query_add (query, name, text);
}

/* Terms ------------------------------------------------------------------ */

/* WordPress stores term names HTML-escaped ("Arts &amp; Culture"). */
static char *
decode_entities (const char *text)
{
  static const struct
  {
    const char *entity;
    const char *text;
  } entities[] = {
    {"&amp;",   "&"       },
    { "&lt;",   "<"       },
    { "&gt;",   ">"       },
    { "&quot;", "\""      },
    { "&#039;", "'"       },
    { "&#39;",  "'"       },
    { "&nbsp;", "\xc2\xa0"},
  };
  GString *out = g_string_new (NULL);

  while (*text != '\0')
    {
      gboolean replaced = FALSE;

      if (*text == '&')
        for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
          if (g_str_has_prefix (text, entities[i].entity))
            {
              g_string_append (out, entities[i].text);
              text += strlen (entities[i].entity);
              replaced = TRUE;
              break;
            }
      if (!replaced)
        g_string_append_c (out, *text++);
    }
  return g_string_free (out, FALSE);
}

static char *
term_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  return g_utf8_casefold (stripped, -1);
}

static void
term_cache_init (TermCache  *cache,
                 const char *rest_base)
{
  cache->rest_base = rest_base;
  cache->ids_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cache->names_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
term_cache_clear (TermCache *cache)
{
  g_clear_pointer (&cache->ids_by_key, g_hash_table_unref);
  g_clear_pointer (&cache->names_by_id, g_hash_table_unref);
}

/* Remembers one term from a JSON object with id, name and slug. Call with
 * the lock held. */
static gint64
term_cache_add (TermCache  *cache,
                JsonObject *term)
{
  gint64           id = member_int (term, "id");
  const char      *name = member_string (term, "name");
  const char      *slug = member_string (term, "slug");
  g_autofree char *decoded = NULL;

  if (id <= 0 || name == NULL)
    return 0;
  decoded = decode_entities (name);
  g_hash_table_replace (cache->ids_by_key, term_key (decoded), g_memdup2 (&id, sizeof id));
  g_hash_table_replace (cache->names_by_id, g_memdup2 (&id, sizeof id), g_strdup (decoded));
  if (g_strcmp0 (slug, "uncategorized") == 0)
    cache->uncategorized_id = id;
  return id;
}

static gint64
term_cache_lookup_id (CdWordpress *self,
                      TermCache   *cache,
                      const char  *key)
{
  gint64 *found;
  gint64  id;

  g_mutex_lock (&self->lock);
  found = g_hash_table_lookup (cache->ids_by_key, key);
  id = found != NULL ? *found : 0;
  g_mutex_unlock (&self->lock);
  return id;
}

/* The id of the term called @name, created when the site has none. */
static gint64
term_id_for_name (CdWordpress  *self,
                  TermCache    *cache,
                  const char   *name,
                  GCancellable *cancellable,
                  GError      **error)
{
  g_autofree char *key = term_key (name);
  g_autofree char *path = g_strconcat ("/wp/v2/", cache->rest_base, NULL);
  g_autoptr (GString) query = g_string_new (NULL);
  g_autoptr (JsonNode) found = NULL;
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) error_body = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 id;

  id = term_cache_lookup_id (self, cache, key);
  if (id > 0)
    return id;

  query_add (query, "search", name);
  query_add (query, "per_page", "100");
  query_add (query, "_fields", "id,name,slug");
  found = request (self, "GET", path, query->str, NULL, REQUEST_READ, NULL, NULL,
                   cancellable, error);
  if (found == NULL)
    return 0;
  if (JSON_NODE_HOLDS_ARRAY (found))
    {
      JsonArray *terms = json_node_get_array (found);

      g_mutex_lock (&self->lock);
      for (guint i = 0; i < json_array_get_length (terms); i++)
        {
          JsonNode *node = json_array_get_element (terms, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            term_cache_add (cache, json_node_get_object (node));
        }
      g_mutex_unlock (&self->lock);
    }
  id = term_cache_lookup_id (self, cache, key);
  if (id > 0)
    return id;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  created = request (self, "POST", path, "_fields=id,name,slug", body, REQUEST_WRITE, NULL,
                     &error_body, cancellable, &local_error);
  if (created == NULL)
    {
      /* Search misses names with entities; the site then says which term
       * already has the name. */
      if (g_strcmp0 (wp_error_code (error_body), "term_exists") == 0)
        {
          JsonObject *data = member_object (json_node_get_object (error_body), "data");

          id = data != NULL ? member_int (data, "term_id") : 0;
          if (id > 0)
            {
              g_mutex_lock (&self->lock);
              g_hash_table_replace (cache->ids_by_key, g_strdup (key),
                                    g_memdup2 (&id, sizeof id));
              g_hash_table_replace (cache->names_by_id, g_memdup2 (&id, sizeof id),
                                    g_strstrip (g_strdup (name)));
              g_mutex_unlock (&self->lock);
              return id;
            }
        }
      /* The post itself was not sent: say what stopped it, in terms that
       * do not read as a wrong password or a lost post. */
      if (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH))
        g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_BAD_REQUEST,
                     "“%s” is not among the %s of %s, and this user may not add it (%s); "
                     "ask an editor to add it or choose an existing one.",
                     name, cache->rest_base, self->url, local_error->message);
      else if (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME))
        g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT,
                     "Adding “%s” to the %s of %s got no clear answer (%s); the post was "
                     "not sent.",
                     name, cache->rest_base, self->url, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (!JSON_NODE_HOLDS_OBJECT (created))
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "The site answered the creation of %s “%s” without the new term.",
                   cache->rest_base, name);
      return 0;
    }
  g_mutex_lock (&self->lock);
  id = term_cache_add (cache, json_node_get_object (created));
  g_mutex_unlock (&self->lock);
  return id;
}

/* Makes sure every id in @ids has its name in the cache. */
static gboolean
term_cache_fill (CdWordpress  *self,
                 TermCache    *cache,
                 GArray       *ids,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autofree char *path = g_strconcat ("/wp/v2/", cache->rest_base, NULL);
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_missing = 0;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, i);

      if (!g_hash_table_contains (cache->names_by_id, id) && g_hash_table_add (seen, id))
        {
          g_string_append_printf (missing, "%s%" G_GINT64_FORMAT, n_missing > 0 ? "," : "", *id);
          n_missing++;
        }
    }
  g_mutex_unlock (&self->lock);

  /* WordPress caps per_page at 100; in practice a page of posts uses far
   * fewer terms, so one request covers them. */
  for (guint page = 1; n_missing > 0; page++)
    {
      g_autoptr (GString) query = g_string_new (NULL);
      g_autoptr (JsonNode) terms = NULL;
      PageInfo info = { 1, 0 };

      query_add (query, "include", missing->str);
      query_add (query, "per_page", "100");
      query_add_uint (query, "page", page);
      query_add (query, "_fields", "id,name,slug");
      terms = request (self, "GET", path, query->str, NULL, REQUEST_READ, &info, NULL,
                       cancellable, error);
      if (terms == NULL)
        return FALSE;
      if (JSON_NODE_HOLDS_ARRAY (terms))
        {
          JsonArray *array = json_node_get_array (terms);

          g_mutex_lock (&self->lock);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *node = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_OBJECT (node))
                term_cache_add (cache, json_node_get_object (node));
            }
          g_mutex_unlock (&self->lock);
        }
      if (page >= info.total_pages)
        break;
    }
  return TRUE;
}

static void
collect_ids (JsonObject *post,
             const char *member,
             GArray     *ids)
{
  JsonArray *array;

  array = member_array (post, member);
  if (array == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 id = node_int (json_array_get_element (array, i));

      if (id > 0)
        g_array_append_val (ids, id);
    }
}

/* Resolves the names of every category and tag that @posts use. */
static gboolean
resolve_post_terms (CdWordpress  *self,
                    JsonArray    *posts,
                    GCancellable *cancellable,
                    GError      **error)
{
  g_autoptr (GArray) categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      JsonNode *node = json_array_get_element (posts, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      collect_ids (json_node_get_object (node), "categories", categories);
      collect_ids (json_node_get_object (node), "tags", tags);
    }
  return term_cache_fill (self, &self->categories, categories, cancellable, error) &&
         term_cache_fill (self, &self->tags, tags, cancellable, error);
}

/* Posts ------------------------------------------------------------------ */

/**
 * cd_wordpress_content_for_article:
 * @article: a #CdArticle
 *
 * The post content Copydesk sends: the body rendered to HTML, then the
 * marker that carries the article's uuid.
 *
 * Returns: (transfer full): the HTML
 */
char *
cd_wordpress_content_for_article (CdArticle *article)
{
  const char      *body;
  g_autofree char *html = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  body = cd_article_get_body (article);
  html = cd_render_markdown (body != NULL ? body : "", -1, CD_RENDER_NONE);
  return g_strdup_printf ("%s%s" CD_WORDPRESS_MARKER_PREFIX "%s -->",
                          html != NULL ? html : "",
                          html != NULL && *html != '\0' && !g_str_has_suffix (html, "\n")
                              ? "\n"
                              : "",
                          cd_article_get_uuid (article));
}

/**
 * cd_wordpress_trim_site_url:
 * @url: a site's address, changed in place
 *
 * Drops trailing slashes and a trailing /wp-json (the address of the REST
 * API rather than of the site), so that requests do not go to
 * /wp-json/wp-json/….
 */
void
cd_wordpress_trim_site_url (char *url)
{
  gsize length;

  g_return_if_fail (url != NULL);

  length = strlen (url);
  while (length > 0 && url[length - 1] == '/')
    url[--length] = '\0';
  if (g_str_has_suffix (url, "/wp-json"))
    {
      length -= strlen ("/wp-json");
      url[length] = '\0';
      while (length > 0 && url[length - 1] == '/')
        url[--length] = '\0';
    }
}

/**
 * cd_wordpress_take_marker:
 * @html: post content, changed in place
 *
 * Finds the uuid marker in @html and removes it (with the whitespace
 * before it).
 *
 * Returns: (transfer full) (nullable): the uuid, or %NULL when @html has no
 *   valid marker
 */
char *
cd_wordpress_take_marker (char *html)
{
  char *start;

  g_return_val_if_fail (html != NULL, NULL);

  for (start = strstr (html, CD_WORDPRESS_MARKER_PREFIX); start != NULL;
       start = strstr (start + 1, CD_WORDPRESS_MARKER_PREFIX))
    {
      const char      *uuid_start = start + strlen (CD_WORDPRESS_MARKER_PREFIX);
      const char      *close = strstr (uuid_start, "-->");
      g_autofree char *uuid = NULL;
      char            *cut;

      if (close == NULL)
        break;
      uuid = g_strstrip (g_strndup (uuid_start, close - uuid_start));
      if (!g_uuid_string_is_valid (uuid))
        continue;

      cut = start;
      close += strlen ("-->");
      /* WordPress's editors may have wrapped the marker in a paragraph of
       * its own: that goes too. */
      if (cut - html >= 3 && strncmp (cut - 3, "<p>", 3) == 0 &&
          strncmp (close, "</p>", 4) == 0)
        {
          cut -= 3;
          close += 4;
        }
      while (cut > html && g_ascii_isspace (cut[-1]))
        cut--;
      memmove (cut, close, strlen (close) + 1);
      return g_steal_pointer (&uuid);
    }
  return NULL;
}

static const char *
raw_member (JsonObject *post,
            const char *member)
{
  JsonNode   *node = json_object_get_member (post, member);
  JsonObject *object;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_string (node);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  /* context=edit gives what was saved; "rendered" has filters applied. */
  if (member_string (object, "raw") != NULL)
    return member_string (object, "raw");
  return member_string (object, "rendered");
}

/* The excerpt comes back as typed, but WordPress's editor may wrap it in
 * paragraphs. */
static char *
plain_excerpt (const char *excerpt)
{
  g_autoptr (GString) text = g_string_new (excerpt != NULL ? excerpt : "");

  g_string_replace (text, "<p>", "", 0);
  g_string_replace (text, "</p>", "", 0);
  return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
}

static GDateTime *
parse_gmt (const char *text)
{
  g_autofree char *with_zone = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  /* WordPress's *_gmt fields carry no zone; without one GLib would read
   * them as local time. */
  if (g_str_has_suffix (text, "Z") || g_str_has_suffix (text, "z"))
    with_zone = g_strdup (text);
  else
    with_zone = g_strconcat (text, "Z", NULL);
  return g_date_time_new_from_iso8601 (with_zone, NULL);
}

/* Converts a post in context=edit to a CdRemotePost. Its terms must be in
 * the cache already (resolve_post_terms). */
static CdRemotePost *
remote_post_from_json (CdWordpress *self,
                       JsonNode    *node,
                       const char  *url,
                       GError     **error)
{
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *content = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *dek = NULL;
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) created = NULL;
  JsonObject *object;
  const char *slug;
  JsonArray  *array;
  gint64      id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "The reply from %s holds no post.", url);
      return NULL;
    }
  object = json_node_get_object (node);
  id = member_int (object, "id");
  if (id <= 0)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "The reply from %s holds a post without an id.", url);
      return NULL;
    }

  post = cd_remote_post_new ();
  post->remote_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  post->modified = parse_gmt (member_string (object, "modified_gmt"));
  post->status = g_strdup (member_string (object, "status") ?: "");
  post->link = g_strdup (member_string (object, "link"));

  content = g_strdup (raw_member (object, "content"));
  if (content == NULL)
    content = g_strdup ("");
  uuid = cd_wordpress_take_marker (content);
  article = uuid != NULL ? cd_article_new_with_uuid (uuid) : cd_article_new ();

  markdown = cd_html_to_markdown (content, strlen (content));
  cd_article_set_body (article, markdown != NULL ? markdown : "");
  cd_article_set_headline (article, raw_member (object, "title"));
  dek = plain_excerpt (raw_member (object, "excerpt"));
  cd_article_set_dek (article, dek);
  slug = member_string (object, "slug");
  if (slug != NULL && *slug != '\0')
    cd_article_set_slug (article, slug);
  /* Status is a local field the sync never merges or pushes back (an update
   * sends none), so this only sets the status of an article new to the
   * store: a post already live must not arrive as a draft. */
  if (g_strcmp0 (post->status, "publish") == 0)
    cd_article_set_status (article, CD_ARTICLE_STATUS_PUBLISHED);

  g_mutex_lock (&self->lock);
  array = member_array (object, "categories");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64      term = node_int (json_array_get_element (array, i));
      const char *name = g_hash_table_lookup (self->categories.names_by_id, &term);

      if (name != NULL && term != self->categories.uncategorized_id)
        {
          cd_article_set_section (article, name);
          break;
        }
    }
  array = member_array (object, "tags");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64      term = node_int (json_array_get_element (array, i));
      const char *name = g_hash_table_lookup (self->tags.names_by_id, &term);

      if (name != NULL)
        g_ptr_array_add (tags, g_strdup (name));
    }
  g_mutex_unlock (&self->lock);
  g_ptr_array_add (tags, NULL);
  cd_article_set_tags (article, (const char *const *) tags->pdata);

  created = parse_gmt (member_string (object, "date_gmt"));
  if (created != NULL)
    cd_article_set_created (article, created);
  if (post->modified != NULL)
    cd_article_set_modified (article, post->modified);

  post->article = g_steal_pointer (&article);
  return g_steal_pointer (&post);
}

static CdRemotePost *
remote_post_from_reply (CdWordpress  *self,
                        JsonNode     *node,
                        const char   *url,
                        GCancellable *cancellable,
                        GError      **error)
{
  g_autoptr (JsonArray) one = json_array_new ();

  json_array_add_element (one, json_node_copy (node));
  if (!resolve_post_terms (self, one, cancellable, error))
    return NULL;
  return remote_post_from_json (self, node, url, error);
}

static JsonNode *
post_body_for_article (CdWordpress  *self,
                       CdArticle    *article,
                       gboolean      create,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char   *content = cd_wordpress_content_for_article (article);
  const char        *section = cd_article_get_section (article);
  const char *const *tags = cd_article_get_tags (article);
  const char        *slug = cd_article_get_slug (article);
  g_autoptr (GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 category = 0;

  /* Resolve the terms first: creating a missing one is its own request. */
  if (section != NULL && *section != '\0')
    {
      category = term_id_for_name (self, &self->categories, section, cancellable, error);
      if (category == 0)
        return NULL;
    }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      gint64 id;

      if (*tags[i] == '\0')
        continue;
      id = term_id_for_name (self, &self->tags, tags[i], cancellable, error);
      if (id == 0)
        return NULL;
      g_array_append_val (tag_ids, id);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, cd_article_get_headline (article) ?: "");
  json_builder_set_member_name (builder, "excerpt");
  json_builder_add_string_value (builder, cd_article_get_dek (article) ?: "");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  if (slug != NULL && *slug != '\0')
    {
      json_builder_set_member_name (builder, "slug");
      json_builder_add_string_value (builder, slug);
    }
  if (create)
    {
      /* Copydesk never publishes: the newsroom does that in WordPress. */
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "draft");
    }
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  if (category > 0)
    json_builder_add_int_value (builder, category);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tag_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (tag_ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The operations, run in worker threads ----------------------------------- */

static char *
verify_sync (CdWordpress  *self,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr (JsonNode) me = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonObject *object;
  const char *name;

  me = request (self, "GET", "/wp/v2/users/me", "context=edit", NULL, REQUEST_READ, NULL, NULL,
                cancellable, &local_error);
  if (me == NULL)
    {
      /* WordPress takes a wrong application password for an anonymous
       * visitor, so /users/me answers 401 "not logged in". */
      /* WordPress refuses application passwords over plain http, except
       * on sites marked as local. */
      if (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH) &&
          g_str_has_prefix (self->url, "http:") && !is_loopback_url (self->url))
        g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH,
                     "%s did not accept the application password for “%s” (%s); WordPress "
                     "takes application passwords only over https, so use the site's "
                     "https:// address.",
                     self->url, self->user, local_error->message);
      else if (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH))
        g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH,
                     "%s did not accept the application password for “%s” (%s); check "
                     "the user name, or create a new application password in WordPress "
                     "under Users → Profile.",
                     self->url, self->user, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  object = JSON_NODE_HOLDS_OBJECT (me) ? json_node_get_object (me) : NULL;
  if (object == NULL || member_int (object, "id") <= 0)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH,
                   "%s did not recognise “%s” as a signed-in user.", self->url, self->user);
      return NULL;
    }
  name = member_string (object, "name");
  return g_strdup (name != NULL && *name != '\0' ? name : self->user);
}

/* The REST path of post @remote_id. */
static char *
post_path (const char *remote_id)
{
  g_autofree char *escaped = g_uri_escape_string (remote_id, NULL, FALSE);

  return g_strconcat ("/wp/v2/posts/", escaped, NULL);
}

/* Passes on the error of a request about post @remote_id (taking
 * @local_error), as GONE when @deleted says the post no longer exists. */
static void
propagate_post_error (CdWordpress *self,
                      const char  *remote_id,
                      gboolean     deleted,
                      GError      *local_error,
                      GError     **error)
{
  if (deleted)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE,
                   "Post %s was deleted on %s. %s", remote_id, self->url,
                   local_error->message);
      g_error_free (local_error);
    }
  else
    g_propagate_error (error, local_error);
}

static CdRemotePost *
get_sync (CdWordpress  *self,
          const char   *remote_id,
          GCancellable *cancellable,
          GError      **error)
{
  g_autofree char *path = post_path (remote_id);
  g_autofree char *url = build_url (self, path, NULL);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) error_body = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CdRemotePost) post = NULL;

  node = request (self, "GET", path, POST_QUERY, NULL, REQUEST_READ, NULL, &error_body,
                  cancellable, &local_error);
  if (node == NULL)
    {
      /* An unknown post id is a deleted post; a missing route is a
       * misconfigured site and stays NOT_FOUND. */
      gboolean deleted =
          g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_GONE) ||
          (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_NOT_FOUND) &&
           g_strcmp0 (wp_error_code (error_body), "rest_no_route") != 0);

      propagate_post_error (self, remote_id, deleted, g_steal_pointer (&local_error), error);
      return NULL;
    }
  post = remote_post_from_reply (self, node, url, cancellable, error);
  if (post == NULL)
    return NULL;
  if (g_strcmp0 (post->status, "trash") == 0)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE,
                   "Post %s is in the trash on %s.", remote_id, self->url);
      return NULL;
    }
  return g_steal_pointer (&post);
}

/* Reads the posts of @query page after page, handing each converted post
 * to @add. Stops early when @add returns FALSE. */
typedef gboolean (*PageFunc) (CdRemotePost *post,
                              gpointer      user_data);

/* Page numbers are offsets: a post that joins or leaves the list while it
 * is read shifts the rest, and one could slip between two pages unseen. The
 * list's total then differs from page to page; read it again (a few times
 * at most: @add must cope with seeing a post twice). */
#define MAX_LIST_PASSES 3

static gboolean
for_each_post (CdWordpress  *self,
               const char   *query,
               guint         max_pages,
               PageFunc      add,
               gpointer      user_data,
               GCancellable *cancellable,
               GError      **error)
{
  for (guint pass = 1;; pass++)
    {
      gboolean shifted = FALSE;
      guint    first_total = 0;

      for (guint page = 1; max_pages == 0 || page <= max_pages; page++)
        {
          g_autofree char *page_query = g_strdup_printf ("%s&per_page=%u&page=%u",
                                                         query, self->per_page, page);
          g_autofree char *url = build_url (self, "/wp/v2/posts", page_query);
          g_autoptr (JsonNode) node = NULL;
          JsonArray *posts;
          PageInfo   info = { 1, 0 };

          node = request (self, "GET", "/wp/v2/posts", page_query, NULL, REQUEST_READ,
                          &info, NULL, cancellable, error);
          if (node == NULL)
            return FALSE;
          if (!JSON_NODE_HOLDS_ARRAY (node))
            {
              g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                           "The reply from %s is not a list of posts.", url);
              return FALSE;
            }
          if (page == 1)
            first_total = info.total;
          else if (info.total != first_total)
            shifted = TRUE;

          posts = json_node_get_array (node);
          if (!resolve_post_terms (self, posts, cancellable, error))
            return FALSE;
          for (guint i = 0; i < json_array_get_length (posts); i++)
            {
              CdRemotePost *post = remote_post_from_json (self,
                                                          json_array_get_element (posts, i),
                                                          url, error);

              if (post == NULL)
                return FALSE;
              if (!add (post, user_data))
                return TRUE;
            }
          if (page >= info.total_pages || json_array_get_length (posts) == 0)
            break;
        }
      if (!shifted || pass >= MAX_LIST_PASSES)
        return TRUE;
      g_debug ("The list of posts changed while it was read; reading it again");
    }
}

typedef struct
{
  GPtrArray  *posts;
  GHashTable *index; /* remote id → position in posts */
} ChangedList;

static gboolean
add_changed (CdRemotePost *post,
             gpointer      user_data)
{
  ChangedList *list = user_data;
  gpointer     position;

  /* A post may show up twice when the list is read again: keep its latest
   * state. */
  if (g_hash_table_lookup_extended (list->index, post->remote_id, NULL, &position))
    {
      guint i = GPOINTER_TO_UINT (position);

      cd_remote_post_free (g_ptr_array_index (list->posts, i));
      g_ptr_array_index (list->posts, i) = post;
      return TRUE;
    }
  g_hash_table_insert (list->index, g_strdup (post->remote_id),
                       GUINT_TO_POINTER (list->posts->len));
  g_ptr_array_add (list->posts, post);
  return TRUE;
}

static GPtrArray *
list_changed_sync (CdWordpress  *self,
                   GDateTime    *since,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_autoptr (GString) query = g_string_new (NULL);
  g_autoptr (GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                    cd_remote_post_free);
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ChangedList list = { posts, index };

  /* "any" leaves out the trash; listing it too lets a pull see the posts
   * deleted since (status "trash"), so the sync can report them. */
  query_add (query, "status", "publish,future,draft,pending,private,trash");
  query_add (query, "context", "edit");
  query_add (query, "_fields", POST_FIELDS);
  /* Ordered by id, which is unique: MySQL returns rows that tie on the
   * modified time (one-second resolution) in any order, page by page, so
   * ordering by it would repeat some posts and skip others. */
  query_add (query, "orderby", "id");
  query_add (query, "order", "asc");
  if (since != NULL)
    {
      /* WordPress compares modified_after with the site's local time
       * unless the value names its zone. */
      g_autofree char *after = cd_format_iso8601_utc (since);

      query_add (query, "modified_after", after);
    }
  if (!for_each_post (self, query->str, 0, add_changed, &list, cancellable, error))
    return NULL;
  return g_steal_pointer (&posts);
}

typedef struct
{
  const char   *uuid;
  CdRemotePost *found;
} FindData;

static gboolean
match_uuid (CdRemotePost *post,
            gpointer      user_data)
{
  FindData *find = user_data;

  if (find->found == NULL && post->status != NULL && !g_str_equal (post->status, "trash") &&
      g_strcmp0 (cd_article_get_uuid (post->article), find->uuid) == 0)
    {
      find->found = post;
      return FALSE;
    }
  cd_remote_post_free (post);
  return TRUE;
}

static CdRemotePost *
find_by_uuid_sync (CdWordpress  *self,
                   const char   *uuid,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_autoptr (GString) search = g_string_new (NULL);
  g_autoptr (GString) recent = g_string_new (NULL);
  FindData find = { uuid, NULL };

  /* WordPress's search looks inside post_content, comments included, so
   * the uuid finds its marker in one request. */
  query_add (search, "status", "draft,pending,private,publish,future");
  query_add (search, "context", "edit");
  query_add (search, "_fields", POST_FIELDS);
  query_add (search, "search", uuid);
  if (!for_each_post (self, search->str, 1, match_uuid, &find, cancellable, error))
    return NULL;
  if (find.found != NULL)
    return find.found;

  /* A search plugin may not index comments: look through the most recently
   * modified posts as well. */
  query_add (recent, "status", "draft,pending,private,publish,future");
  query_add (recent, "context", "edit");
  query_add (recent, "_fields", POST_FIELDS);
  query_add (recent, "orderby", "modified");
  query_add (recent, "order", "desc");
  if (!for_each_post (self, recent->str, self->find_pages, match_uuid, &find, cancellable,
                      error))
    return NULL;
  return find.found;
}

/* The post a create or update answered with. The site has saved it by
 * now, so this is not cancelled, and a reply that cannot be read is an
 * unknown outcome: the caller must look for the post before writing again. */
static CdRemotePost *
written_post (CdWordpress *self,
              JsonNode    *reply,
              const char  *url,
              GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  CdRemotePost *post;

  post = remote_post_from_reply (self, reply, url, NULL, &local_error);
  if (post == NULL)
    g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME,
                 "The site saved the post but its reply could not be read: %s",
                 local_error->message);
  return post;
}

static CdRemotePost *
create_sync (CdWordpress  *self,
             CdArticle    *article,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autofree char *url = build_url (self, "/wp/v2/posts", NULL);

  body = post_body_for_article (self, article, TRUE, cancellable, error);
  if (body == NULL)
    return NULL;
  reply = request (self, "POST", "/wp/v2/posts", POST_QUERY, body, REQUEST_WRITE, NULL,
                   NULL, cancellable, error);
  if (reply == NULL)
    return NULL;
  return written_post (self, reply, url, error);
}

static CdRemotePost *
update_sync (CdWordpress  *self,
             const char   *remote_id,
             CdArticle    *article,
             GCancellable *cancellable,
             GError      **error)
{
  g_autofree char *path = post_path (remote_id);
  g_autofree char *url = build_url (self, path, NULL);
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (JsonNode) error_body = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CdRemotePost) post = NULL;

  body = post_body_for_article (self, article, FALSE, cancellable, error);
  if (body == NULL)
    return NULL;
  reply = request (self, "POST", path, POST_QUERY, body, REQUEST_WRITE, NULL, &error_body,
                   cancellable, &local_error);
  if (reply == NULL)
    {
      gboolean deleted =
          g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_GONE) ||
          (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_NOT_FOUND) &&
           g_strcmp0 (wp_error_code (error_body), "rest_post_invalid_id") == 0);

      propagate_post_error (self, remote_id, deleted, g_steal_pointer (&local_error), error);
      return NULL;
    }
  post = written_post (self, reply, url, error);
  /* WordPress lets a trashed post be edited; for the sync it is gone. */
  if (post != NULL && g_strcmp0 (post->status, "trash") == 0)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE,
                   "Post %s is in the trash on %s; the change reached only the trashed copy.",
                   remote_id, self->url);
      return NULL;
    }
  return g_steal_pointer (&post);
}

/* GTask plumbing --------------------------------------------------------- */

typedef enum
{
  OP_VERIFY,
  OP_LIST_CHANGED,
  OP_GET,
  OP_FIND_BY_UUID,
  OP_CREATE,
  OP_UPDATE,
} OperationKind;

typedef struct
{
  OperationKind kind;
  char         *remote_id;
  char         *uuid;
  CdArticle    *article; /* a copy owned by the worker thread */
  GDateTime    *since;
} Operation;

static void
operation_free (Operation *op)
{
  g_free (op->remote_id);
  g_free (op->uuid);
  g_clear_object (&op->article);
  g_clear_pointer (&op->since, g_date_time_unref);
  g_free (op);
}

/* Runs one operation with the blocking API. A %NULL result without an
 * error is an answer too: find_by_uuid found nothing. */
static void
operation_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CdWordpress   *self = source_object;
  Operation     *op = task_data;
  GError        *error = NULL;
  gpointer       result = NULL;
  GDestroyNotify destroy = (GDestroyNotify) cd_remote_post_free;

  switch (op->kind)
    {
    case OP_VERIFY:
      result = verify_sync (self, cancellable, &error);
      destroy = g_free;
      break;
    case OP_LIST_CHANGED:
      result = list_changed_sync (self, op->since, cancellable, &error);
      destroy = (GDestroyNotify) g_ptr_array_unref;
      break;
    case OP_GET:
      result = get_sync (self, op->remote_id, cancellable, &error);
      break;
    case OP_FIND_BY_UUID:
      result = find_by_uuid_sync (self, op->uuid, cancellable, &error);
      break;
    case OP_CREATE:
      result = create_sync (self, op->article, cancellable, &error);
      break;
    case OP_UPDATE:
      result = update_sync (self, op->remote_id, op->article, cancellable, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, destroy);
}

/* Takes @op and runs it in a worker thread; @article is copied here, in
 * the caller's thread. */
static void
run_operation (CdCms              *cms,
               Operation          *op,
               CdArticle          *article,
               gpointer            source_tag,
               GCancellable       *cancellable,
               GAsyncReadyCallback callback,
               gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (cms, cancellable, callback, user_data);

  if (article != NULL)
    op->article = cd_article_copy (article);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) operation_free);
  g_task_run_in_thread (task, operation_thread);
}

static Operation *
operation_new (OperationKind kind)
{
  Operation *op = g_new0 (Operation, 1);

  op->kind = kind;
  return op;
}

static gpointer
operation_finish (CdCms        *cms,
                  GAsyncResult *result,
                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, cms), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cd_wordpress_verify_async (CdCms              *cms,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  run_operation (cms, operation_new (OP_VERIFY), NULL, cd_wordpress_verify_async, cancellable,
                 callback, user_data);
}

static char *
cd_wordpress_verify_finish (CdCms        *cms,
                            GAsyncResult *result,
                            GError      **error)
{
  return operation_finish (cms, result, error);
}

static void
cd_wordpress_list_changed_async (CdCms              *cms,
                                 GDateTime          *since,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  Operation *op = operation_new (OP_LIST_CHANGED);

  op->since = since != NULL ? g_date_time_ref (since) : NULL;
  run_operation (cms, op, NULL, cd_wordpress_list_changed_async, cancellable, callback,
                 user_data);
}

static GPtrArray *
cd_wordpress_list_changed_finish (CdCms        *cms,
                                  GAsyncResult *result,
                                  GError      **error)
{
  return operation_finish (cms, result, error);
}

static void
cd_wordpress_get_async (CdCms              *cms,
                        const char         *remote_id,
                        GCancellable       *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  Operation *op = operation_new (OP_GET);

  op->remote_id = g_strdup (remote_id);
  run_operation (cms, op, NULL, cd_wordpress_get_async, cancellable, callback, user_data);
}

static CdRemotePost *
cd_wordpress_post_finish (CdCms        *cms,
                          GAsyncResult *result,
                          GError      **error)
{
  return operation_finish (cms, result, error);
}

static void
cd_wordpress_find_by_uuid_async (CdCms              *cms,
                                 const char         *uuid,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  Operation *op = operation_new (OP_FIND_BY_UUID);

  op->uuid = g_strdup (uuid);
  run_operation (cms, op, NULL, cd_wordpress_find_by_uuid_async, cancellable, callback,
                 user_data);
}

static void
cd_wordpress_create_async (CdCms              *cms,
                           CdArticle          *article,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  run_operation (cms, operation_new (OP_CREATE), article, cd_wordpress_create_async,
                 cancellable, callback, user_data);
}

static void
cd_wordpress_update_async (CdCms              *cms,
                           const char         *remote_id,
                           CdArticle          *article,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  Operation *op = operation_new (OP_UPDATE);

  op->remote_id = g_strdup (remote_id);
  run_operation (cms, op, article, cd_wordpress_update_async, cancellable, callback, user_data);
}

static void
cd_wordpress_cms_init (CdCmsInterface *iface)
{
  iface->verify_async = cd_wordpress_verify_async;
  iface->verify_finish = cd_wordpress_verify_finish;
  iface->list_changed_async = cd_wordpress_list_changed_async;
  iface->list_changed_finish = cd_wordpress_list_changed_finish;
  iface->get_async = cd_wordpress_get_async;
  iface->get_finish = cd_wordpress_post_finish;
  iface->find_by_uuid_async = cd_wordpress_find_by_uuid_async;
  iface->find_by_uuid_finish = cd_wordpress_post_finish;
  iface->create_async = cd_wordpress_create_async;
  iface->create_finish = cd_wordpress_post_finish;
  iface->update_async = cd_wordpress_update_async;
  iface->update_finish = cd_wordpress_post_finish;
}

/* GObject ---------------------------------------------------------------- */

static gboolean
is_loopback_url (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr (GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static void
cd_wordpress_constructed (GObject *object)
{
  CdWordpress *self = CD_WORDPRESS (object);

  G_OBJECT_CLASS (cd_wordpress_parent_class)->constructed (object);

  self->session = soup_session_new_with_options ("timeout", self->timeout_s,
                                                 "idle-timeout", self->idle_timeout_s,
                                                 "user-agent", "Copydesk/" PACKAGE_VERSION,
                                                 NULL);
  /* A site on this machine is reachable whatever the network does; a
   * machine with no route out would otherwise never reach a local test
   * site. */
  if (self->monitor == NULL && !is_loopback_url (self->url))
    self->monitor = g_object_ref (g_network_monitor_get_default ());
}

static void
cd_wordpress_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CdWordpress *self = CD_WORDPRESS (object);

  switch (prop_id)
    {
    case PROP_URL:
      {
        g_autoptr (GUri) uri = g_uri_parse (g_value_get_string (value), G_URI_FLAGS_NONE, NULL);
        g_autofree char *text = NULL;

        /* Credentials in the address would end up in messages: drop them. */
        if (uri != NULL)
          {
            g_autoptr (GUri) bare = g_uri_build (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL,
                                                 g_uri_get_host (uri), g_uri_get_port (uri),
                                                 g_uri_get_path (uri), NULL, NULL);

            text = g_uri_to_string (bare);
          }
        else
          text = g_value_dup_string (value);
        if (text != NULL)
          cd_wordpress_trim_site_url (text);
        g_free (self->url);
        self->url = g_steal_pointer (&text);
      }
      break;

    case PROP_USER:
      g_free (self->user);
      self->user = g_value_dup_string (value);
      break;

    case PROP_PASSWORD:
      {
        const char      *password = g_value_get_string (value);
        g_autofree char *pair = g_strconcat (self->user ? self->user : "", ":",
                                             password ? password : "", NULL);
        g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

        explicit_bzero (pair, strlen (pair));
        self->authorization = g_strconcat ("Basic ", encoded, NULL);
        explicit_bzero (encoded, strlen (encoded));
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_wordpress_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CdWordpress *self = CD_WORDPRESS (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_USER:
      g_value_set_string (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_wordpress_dispose (GObject *object)
{
  CdWordpress *self = CD_WORDPRESS (object);

  /* Every operation holds a reference, so no request is under way here,
   * and this may run in a worker thread: no soup_session_abort(). */
  g_clear_object (&self->session);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (cd_wordpress_parent_class)->dispose (object);
}

static void
cd_wordpress_finalize (GObject *object)
{
  CdWordpress *self = CD_WORDPRESS (object);

  if (self->authorization != NULL)
    explicit_bzero (self->authorization, strlen (self->authorization));
  g_clear_pointer (&self->authorization, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->user, g_free);
  term_cache_clear (&self->categories);
  term_cache_clear (&self->tags);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cd_wordpress_parent_class)->finalize (object);
}

static void
cd_wordpress_class_init (CdWordpressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cd_wordpress_constructed;
  object_class->set_property = cd_wordpress_set_property;
  object_class->get_property = cd_wordpress_get_property;
  object_class->dispose = cd_wordpress_dispose;
  object_class->finalize = cd_wordpress_finalize;

  properties[PROP_URL] =
      g_param_spec_string ("url", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
      g_param_spec_string ("user", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Write-only: nothing can read the password back out of the object. */
  properties[PROP_PASSWORD] =
      g_param_spec_string ("password", NULL, NULL, NULL,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_wordpress_init (CdWordpress *self)
{
  self->timeout_s = DEFAULT_TIMEOUT_S;
  self->idle_timeout_s = DEFAULT_IDLE_TIMEOUT_S;
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->base_delay_ms = DEFAULT_BASE_DELAY_MS;
  self->max_delay_ms = DEFAULT_MAX_DELAY_MS;
  self->max_retry_after_s = DEFAULT_MAX_RETRY_AFTER_S;
  self->per_page = DEFAULT_PER_PAGE;
  self->find_pages = DEFAULT_FIND_PAGES;
  self->max_reply = DEFAULT_MAX_REPLY;
  g_mutex_init (&self->lock);
  term_cache_init (&self->categories, "categories");
  term_cache_init (&self->tags, "tags");
}

/* Public API ------------------------------------------------------------- */

/**
 * cd_wordpress_new:
 * @url: the site's address, e.g. "https://news.example.org"
 * @user: the WordPress user name
 * @password: an application password of that user
 *
 * Returns: (transfer full): a client for the site
 */
CdWordpress *
cd_wordpress_new (const char *url,
                  const char *user,
                  const char *password)
{
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  /* The user comes first: the password property reads it. */
  return g_object_new (CD_TYPE_WORDPRESS, "url", url, "user", user, "password", password,
                       NULL);
}

/**
 * cd_wordpress_get_url:
 * @self: a #CdWordpress
 *
 * Returns: (transfer none): the site's address without a trailing slash
 */
const char *
cd_wordpress_get_url (CdWordpress *self)
{
  g_return_val_if_fail (CD_IS_WORDPRESS (self), NULL);

  return self->url;
}

/**
 * cd_wordpress_get_user:
 * @self: a #CdWordpress
 *
 * Returns: (transfer none): the WordPress user name
 */
const char *
cd_wordpress_get_user (CdWordpress *self)
{
  g_return_val_if_fail (CD_IS_WORDPRESS (self), NULL);

  return self->user;
}

/**
 * cd_wordpress_set_timeouts:
 * @self: a #CdWordpress
 * @timeout_seconds: how long a request may wait for the server
 * @idle_timeout_seconds: how long an unused connection stays open
 *
 * Call before the first request.
 */
void
cd_wordpress_set_timeouts (CdWordpress *self,
                           guint        timeout_seconds,
                           guint        idle_timeout_seconds)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));
  g_return_if_fail (timeout_seconds > 0);

  self->timeout_s = timeout_seconds;
  self->idle_timeout_s = idle_timeout_seconds;
  g_object_set (self->session, "timeout", timeout_seconds,
                "idle-timeout", idle_timeout_seconds, NULL);
}

/**
 * cd_wordpress_set_retry_policy:
 * @self: a #CdWordpress
 * @max_attempts: attempts per request, at least 1
 * @base_delay_ms: the backoff's first ceiling
 * @max_delay_ms: the backoff's largest ceiling
 * @max_retry_after_seconds: the longest Retry-After waited for; a server
 *   asking for more gets a %CD_CMS_ERROR_SERVER at once
 */
void
cd_wordpress_set_retry_policy (CdWordpress *self,
                               guint        max_attempts,
                               guint        base_delay_ms,
                               guint        max_delay_ms,
                               guint        max_retry_after_seconds)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));
  g_return_if_fail (max_attempts > 0);

  self->max_attempts = max_attempts;
  self->base_delay_ms = base_delay_ms;
  self->max_delay_ms = MAX (base_delay_ms, max_delay_ms);
  self->max_retry_after_s = max_retry_after_seconds;
}

/**
 * cd_wordpress_set_per_page:
 * @self: a #CdWordpress
 * @per_page: posts per listed page, 1 to 100
 */
void
cd_wordpress_set_per_page (CdWordpress *self,
                           guint        per_page)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));
  g_return_if_fail (per_page >= 1 && per_page <= 100);

  self->per_page = per_page;
}

/**
 * cd_wordpress_set_find_pages:
 * @self: a #CdWordpress
 * @pages: how many pages of recent posts find_by_uuid reads when the
 *   site's search does not find the marker
 */
void
cd_wordpress_set_find_pages (CdWordpress *self,
                             guint        pages)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));
  g_return_if_fail (pages >= 1);

  self->find_pages = pages;
}

/**
 * cd_wordpress_set_max_reply_size:
 * @self: a #CdWordpress
 * @bytes: the largest reply read; a larger one is %CD_CMS_ERROR_INVALID_REPLY
 */
void
cd_wordpress_set_max_reply_size (CdWordpress *self,
                                 gsize        bytes)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));
  g_return_if_fail (bytes > 0);

  self->max_reply = bytes;
}

/**
 * cd_wordpress_set_network_monitor:
 * @self: a #CdWordpress
 * @monitor: (nullable): the monitor to ask before each request; %NULL to
 *   never ask
 */
void
cd_wordpress_set_network_monitor (CdWordpress     *self,
                                  GNetworkMonitor *monitor)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  g_set_object (&self->monitor, monitor);
}

/**
 * cd_wordpress_get_request_count:
 * @self: a #CdWordpress
 *
 * Returns: the number of HTTP requests sent so far, retries included
 */
guint
cd_wordpress_get_request_count (CdWordpress *self)
{
  g_return_val_if_fail (CD_IS_WORDPRESS (self), 0);

  return (guint) g_atomic_int_get (&self->requests);
}
