/* cd-http-client.h: the HTTP policy every CMS client uses.
 *
 * One long-lived SoupSession with explicit timeouts; a fresh SoupMessage
 * per attempt; JSON in and out. What the error codes (CD_CMS_ERROR) mean:
 * - Reads are tried again on 429, 500, 502, 503, 504, timeouts and failed
 *   connections, with exponential backoff and full jitter (Retry-After
 *   wins on 429 and 503). After the last attempt: _SERVER, _TIMEOUT,
 *   _OFFLINE (no connection at all) or _INVALID_REPLY (cut off, not JSON,
 *   malformed, too large).
 * - Writes are sent again only when the server cannot have acted: the
 *   connection failed before the body went out, or 429/503. Anything else
 *   after the body went out (timeout, reset, a reply that cannot be read,
 *   a 500/502/504 that is not the server's own JSON error, cancellation)
 *   is _UNKNOWN_OUTCOME: never sent blindly again; the caller must look
 *   before it writes again.
 * - 400/401/403/404/409/410 are never retried: _BAD_REQUEST, _AUTH,
 *   _NOT_FOUND, _CONFLICT, _GONE; the reply's JSON comes back in the
 *   #CdHttpReply for the caller to read more into it.
 * - A redirect is reported, never followed: it would carry the credentials
 *   elsewhere.
 * - With a network monitor that says there is no network: _OFFLINE before
 *   anything is sent.
 * - Each attempt has a deadline on its whole transfer, besides the timeout
 *   on each wait: past it, _TIMEOUT (a write that went out: _UNKNOWN_OUTCOME),
 *   not retried.
 * - Credentials are never sent over plain http to a host that is not this
 *   machine: _AUTH before anything is sent.
 * - A reply nested deeper than CD_JSON_MAX_DEPTH is refused unread:
 *   _INVALID_REPLY (a write: _UNKNOWN_OUTCOME).
 * Messages name the method, address and status and quote the server's own
 * "message"; they never contain the credentials.
 *
 * Calls block and may run in several threads at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Whether the server may have acted on a request (see above). */
typedef enum
{
  CD_HTTP_READ,
  CD_HTTP_WRITE,
  CD_HTTP_DOWNLOAD, /* a read whose reply is a file, not JSON (cd_http_client_download()) */
} CdHttpRequestKind;

/* What came back besides the JSON: the status, the reply's headers on
 * success, the reply's JSON on an HTTP error that is not retried. Clear
 * with cd_http_reply_clear(). */
typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  JsonNode           *error_body;
  GBytes             *body; /* a download's bytes */
} CdHttpReply;

void cd_http_reply_clear (CdHttpReply *reply);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CdHttpReply, cd_http_reply_clear)

#define CD_TYPE_HTTP_CLIENT (cd_http_client_get_type ())
G_DECLARE_FINAL_TYPE (CdHttpClient, cd_http_client, CD, HTTP_CLIENT, GObject)

CdHttpClient *cd_http_client_new (const char *site_url,
                                  const char *site_kind);
void          cd_http_client_set_authorization (CdHttpClient *self,
                                                const char   *authorization);
void          cd_http_client_set_timeouts (CdHttpClient *self,
                                           guint         timeout_seconds,
                                           guint         idle_timeout_seconds);
void          cd_http_client_set_retry_policy (CdHttpClient *self,
                                               guint         max_attempts,
                                               guint         base_delay_ms,
                                               guint         max_delay_ms,
                                               guint         max_retry_after_seconds);
void          cd_http_client_set_deadline (CdHttpClient *self,
                                           guint         seconds);
void          cd_http_client_set_max_reply_size (CdHttpClient *self,
                                                 gsize         bytes);
void          cd_http_client_set_network_monitor (CdHttpClient    *self,
                                                  GNetworkMonitor *monitor);
guint         cd_http_client_get_request_count (CdHttpClient *self);

JsonNode *cd_http_client_request (CdHttpClient     *self,
                                  const char       *method,
                                  const char       *url,
                                  JsonNode         *body,
                                  CdHttpRequestKind kind,
                                  CdHttpReply      *reply,
                                  GCancellable     *cancellable,
                                  GError          **error);

JsonNode *cd_http_client_request_bytes (CdHttpClient      *self,
                                        const char        *method,
                                        const char        *url,
                                        GBytes            *request_body,
                                        const char        *content_type,
                                        const char *const *extra_headers,
                                        CdHttpRequestKind  kind,
                                        CdHttpReply       *reply,
                                        GCancellable      *cancellable,
                                        GError           **error);

GBytes *cd_http_client_download (CdHttpClient *self,
                                 const char   *url,
                                 char        **content_type,
                                 GCancellable *cancellable,
                                 GError      **error);

char    *cd_http_error_message (JsonNode *body);
guint    cd_http_backoff_ms (guint attempt,
                             guint base_delay_ms,
                             guint max_delay_ms);
gint64   cd_http_parse_retry_after (const char *value);
gboolean cd_http_is_loopback_url (const char *url);
gboolean cd_http_check_secure_url (const char *url,
                                   GError    **error);
void     cd_http_clear_secret (char **secret);

G_END_DECLS
