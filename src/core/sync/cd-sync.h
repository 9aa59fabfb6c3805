/* cd-sync.h: the sync engine: push the outbox, pull changes, merge.
 *
 * Each sync runs as one worker (g_task_run_in_thread) that takes its steps
 * one after the other with the CMS's blocking calls; progress, "finished"
 * and the result come back on the main context of the caller of
 * cd_sync_engine_sync_async(). The state each article is left in is read
 * with cd-sync-state.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cd-cms.h"
#include "cd-store.h"
#include "cd-sync-error.h"

G_BEGIN_DECLS

/* One article's outcome in a sync: @uuid is %NULL for what concerns a
 * whole account (a wrong password, no network). */
typedef struct
{
  char *uuid;
  char *account;
  char *message;
} CdSyncItem;

typedef struct _CdSyncResult CdSyncResult;

#define CD_TYPE_SYNC_RESULT (cd_sync_result_get_type ())
GType         cd_sync_result_get_type (void) G_GNUC_CONST;
CdSyncResult *cd_sync_result_ref (CdSyncResult *self);
void          cd_sync_result_unref (CdSyncResult *self);
GPtrArray    *cd_sync_result_get_pushed (CdSyncResult *self);
GPtrArray    *cd_sync_result_get_pulled (CdSyncResult *self);
GPtrArray    *cd_sync_result_get_conflicts (CdSyncResult *self);
GPtrArray    *cd_sync_result_get_errors (CdSyncResult *self);
GPtrArray    *cd_sync_result_get_queued (CdSyncResult *self);
GPtrArray    *cd_sync_result_get_staged (CdSyncResult *self);
gboolean      cd_sync_result_is_clean (CdSyncResult *self);
JsonNode     *cd_sync_result_to_json (CdSyncResult *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdSyncResult, cd_sync_result_unref)

#define CD_TYPE_SYNC_ENGINE (cd_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (CdSyncEngine, cd_sync_engine, CD, SYNC_ENGINE, GObject)

CdSyncEngine *cd_sync_engine_new (CdStore *store);
CdStore      *cd_sync_engine_get_store (CdSyncEngine *self);
gboolean      cd_sync_engine_get_syncing (CdSyncEngine *self);
double        cd_sync_engine_get_fraction (CdSyncEngine *self);

CdCms *cd_sync_engine_get_cms (CdSyncEngine *self,
                               const char   *account,
                               GError      **error);
void   cd_sync_engine_set_cms (CdSyncEngine *self,
                               const char   *account,
                               CdCms        *cms);

void          cd_sync_engine_sync_async (CdSyncEngine       *self,
                                         const char         *account,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
CdSyncResult *cd_sync_engine_sync_finish (CdSyncEngine *self,
                                          GAsyncResult *result,
                                          GError      **error);

/* How long a whole sync may take before it stops and leaves the rest for
 * the next one. */
#define CD_SYNC_DEADLINE_SECONDS (15 * 60)

void cd_sync_engine_set_deadline (CdSyncEngine *self,
                                  guint         seconds);
void cd_sync_engine_set_auto_sync (CdSyncEngine *self,
                                   guint         interval_seconds);
void cd_sync_engine_set_network_monitor (CdSyncEngine    *self,
                                         GNetworkMonitor *monitor);
/* Whether a pull reads the pictures of pulled posts into the store, so
 * that they show offline; only when the person allows remote loads. */
void     cd_sync_engine_set_fetch_images (CdSyncEngine *self,
                                          gboolean      fetch);
gboolean cd_sync_engine_get_fetch_images (CdSyncEngine *self);

gboolean cd_sync_engine_get_conflict (CdSyncEngine *self,
                                      const char   *uuid,
                                      const char   *account,
                                      CdArticle   **base,
                                      CdArticle   **mine,
                                      CdArticle   **theirs,
                                      GError      **error);
gboolean cd_sync_engine_resolve (CdSyncEngine *self,
                                 const char   *uuid,
                                 const char   *account,
                                 CdArticle    *resolved,
                                 GError      **error);

GHashTable *cd_sync_engine_list_states (CdSyncEngine *self,
                                        GError      **error);

JsonArray  *cd_sync_describe_article (CdStore    *store,
                                      const char *uuid,
                                      GError    **error);
JsonObject *cd_sync_describe_image (CdStore    *store,
                                    const char *image_id,
                                    GError    **error);

G_END_DECLS
