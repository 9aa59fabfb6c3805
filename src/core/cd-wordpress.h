/* cd-wordpress.h: CdCms for the WordPress REST API (wp/v2), with
 * Application Passwords.
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
void cd_wordpress_set_network_monitor (CdWordpress     *self,
                                       GNetworkMonitor *monitor);

guint cd_wordpress_get_request_count (CdWordpress *self);

char *cd_wordpress_content_for_article (CdArticle *article);
char *cd_wordpress_take_marker (char *html);

G_END_DECLS
