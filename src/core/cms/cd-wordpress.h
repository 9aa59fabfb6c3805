/* cd-wordpress.h: CdCms for the WordPress REST API (wp/v2), with
 * Application Passwords.
 *
 * Requests go through a CdHttpClient, whose policy (retries, backoff,
 * Retry-After, the unknown-outcome rule for writes, what each code means)
 * cd-http-client.h describes. WordPress adds:
 * - Reads are verify, list, get, find; writes are create, update and the
 *   creation of a missing category or tag. After a write's
 *   CD_CMS_ERROR_UNKNOWN_OUTCOME, look for the uuid marker (find_by_uuid)
 *   or get the post before writing again.
 * - get and update give _GONE for a deleted or trashed post. A category or
 *   tag the user may not create is _BAD_REQUEST.
 * - A wrong application password makes WordPress answer as to a visitor:
 *   _AUTH, not _BAD_REQUEST.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-cms.h"
#include "cd-http-client.h"
#include "cd-wp-marker.h"

G_BEGIN_DECLS

#define CD_TYPE_WORDPRESS (cd_wordpress_get_type ())
G_DECLARE_FINAL_TYPE (CdWordpress, cd_wordpress, CD, WORDPRESS, GObject)

CdWordpress *cd_wordpress_new (const char *url,
                               const char *user,
                               const char *password);
const char  *cd_wordpress_get_url (CdWordpress *self);

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
void cd_wordpress_set_max_reply_size (CdWordpress *self,
                                      gsize        bytes);
void cd_wordpress_set_network_monitor (CdWordpress     *self,
                                       GNetworkMonitor *monitor);

guint         cd_wordpress_get_request_count (CdWordpress *self);
CdHttpClient *cd_wordpress_get_http_client (CdWordpress *self);

char *cd_wordpress_content_for_article (CdArticle *article);
void  cd_wordpress_trim_site_url (char *url);

G_END_DECLS
