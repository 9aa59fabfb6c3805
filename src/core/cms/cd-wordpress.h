/* cd-wordpress.h: CdCms for the WordPress REST API (wp/v2), with
 * Application Passwords.
 *
 * What the error codes mean here:
 * - Reads (verify, list, get, find) are tried again on 429, 500, 502, 503,
 *   504, timeouts and failed connections, with exponential backoff and full
 *   jitter (Retry-After wins on 429 and 503). After the last attempt:
 *   CD_CMS_ERROR_SERVER, _TIMEOUT, _OFFLINE (no connection at all) or
 *   _INVALID_REPLY (cut off, not JSON, malformed).
 * - Writes (create, update) are sent again only when the site cannot have
 *   acted: the connection failed before the body went out, or 429/503.
 *   Anything else after the body went out (timeout, reset, a reply that
 *   cannot be read, a 500/502/504 that is not WordPress's own error,
 *   cancellation) is CD_CMS_ERROR_UNKNOWN_OUTCOME: look for the uuid
 *   marker (find_by_uuid) or get the post before writing again.
 * - 400/401/403/404/409 are never retried: _BAD_REQUEST, _AUTH,
 *   _NOT_FOUND, _CONFLICT; get and update give _GONE for a deleted or
 *   trashed post. A category or tag the user may not create is
 *   _BAD_REQUEST.
 * - No network (GNetworkMonitor, for sites off this machine): _OFFLINE
 *   before anything is sent.
 * Messages name the method, address and status and quote WordPress's own
 * message; they never contain the password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-cms.h"

G_BEGIN_DECLS

/* The marker that carries an article's uuid at the end of a post's content. */
#define CD_WORDPRESS_MARKER_PREFIX "<!-- copydesk:uuid="

#define CD_TYPE_WORDPRESS (cd_wordpress_get_type ())
G_DECLARE_FINAL_TYPE (CdWordpress, cd_wordpress, CD, WORDPRESS, GObject)

CdWordpress *cd_wordpress_new (const char *url,
                               const char *user,
                               const char *password);
const char  *cd_wordpress_get_url (CdWordpress *self);
const char  *cd_wordpress_get_user (CdWordpress *self);

/* Tuning, mostly for tests; call before the first request. */
void cd_wordpress_set_timeouts (CdWordpress *self,
                                guint        timeout_seconds,
                                guint        idle_timeout_seconds);
void cd_wordpress_set_retry_policy (CdWordpress *self,
                                    guint        max_attempts,
                                    guint        base_delay_ms,
                                    guint        max_delay_ms,
                                    guint        max_retry_after_seconds);
void cd_wordpress_set_per_page (CdWordpress *self,
                                guint        per_page);
void cd_wordpress_set_find_pages (CdWordpress *self,
                                  guint        pages);
void cd_wordpress_set_max_reply_size (CdWordpress *self,
                                      gsize        bytes);
void cd_wordpress_set_network_monitor (CdWordpress     *self,
                                       GNetworkMonitor *monitor);

guint cd_wordpress_get_request_count (CdWordpress *self);

char *cd_wordpress_content_for_article (CdArticle *article);
char *cd_wordpress_take_marker (char *html);
void  cd_wordpress_trim_site_url (char *url);

G_END_DECLS
