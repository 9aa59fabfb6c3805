/* cd-sync-publish.h: publishing, scheduling and updating a live post:
 * the only ways Copydesk changes what readers see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-sync.h"

G_BEGIN_DECLS

/* What a person allowed on purpose, beyond a plain publish. */
typedef enum
{
  CD_PUBLISH_DEFAULT = 0,
  CD_PUBLISH_FORCE_SLUG = 1 << 0, /* an update may change a live post's slug (links break) */
  CD_PUBLISH_LATE = 1 << 1,       /* a queued publish whose time passed goes out now */
} CdPublishFlags;

/* WordPress publishes at once a post scheduled less than a minute ahead
 * (wp_insert_post() in WordPress 6.1), so a schedule nearer than this
 * would go live before its time: it is refused. */
#define CD_SYNC_SCHEDULE_MARGIN_SECONDS 60

/* The key of the article's extra object that holds a publish waiting for
 * the site: {"account", "at" (UTC, absent for now), "requested"}. */
#define CD_ARTICLE_EXTRA_PUBLISH_QUEUED "publish_queued"

gboolean   cd_sync_article_is_live (CdArticle *article);
gboolean   cd_sync_article_get_queued_publish (CdArticle  *article,
                                               char      **account,
                                               GDateTime **at);
gboolean   cd_sync_article_publish_is_late (CdArticle *article,
                                            GDateTime *now);
gboolean   cd_sync_has_staged_update (CdStore    *store,
                                      const char *uuid,
                                      GError    **error);
char      *cd_sync_publish_target (CdStore    *store,
                                   const char *uuid,
                                   char      **url,
                                   GError    **error);
GPtrArray *cd_sync_publish_blockers (CdStore   *store,
                                     CdArticle *article);

CdRemotePost *cd_sync_engine_publish_full (CdSyncEngine  *self,
                                           const char    *uuid,
                                           const char    *account,
                                           GDateTime     *at,
                                           CdPublishFlags flags,
                                           const char    *override_reason,
                                           GCancellable  *cancellable,
                                           GError       **error);
void          cd_sync_engine_publish_async (CdSyncEngine       *self,
                                            const char         *uuid,
                                            const char         *account,
                                            GDateTime          *at,
                                            CdPublishFlags      flags,
                                            const char         *override_reason,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
CdRemotePost *cd_sync_engine_publish_finish (CdSyncEngine *self,
                                             GAsyncResult *result,
                                             GError      **error);

G_END_DECLS
