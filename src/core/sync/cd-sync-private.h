/* cd-sync-private.h: what the sync engine's files share: one sync's run
 * and the steps it is made of. Everything here runs in the sync's worker
 * thread, with the run's own connection to the sync tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-sync-db.h"
#include "cd-sync.h"

G_BEGIN_DECLS

#define CD_SYNC_MESSAGE_DELETED "The post was deleted on the server; the local article is kept."

/* One sync, from its worker thread's point of view. */
typedef struct
{
  CdSyncEngine *engine;         /* for progress, told on caller_context */
  GMainContext *caller_context; /* where the engine's signals go */
  CdStore      *store;
  CdSyncDb     *db; /* the run's own connection */
  CdSyncResult *result;
  GCancellable *cancellable;

  /* The account under way. */
  const char *account;
  CdCms      *cms;
  gboolean    stopped; /* nothing more is tried with this account */

  guint done;
  guint total;

  /* An explicit Update (cd-sync-publish.c): the one push that may change
   * a live post. A plain sync leaves a live post's edits staged. */
  gboolean update_live;
  gboolean fetch_images; /* pulled posts' pictures are read into the store */

  gint64   deadline;    /* monotonic time the whole sync must end by */
  guint    deadline_s;  /* the same, as the seconds it was given */
  gboolean out_of_time; /* the deadline passed: nothing more is tried */
} CdSyncRun;

/* The result (cd-sync-result.c). */
CdSyncResult *_cd_sync_result_new (void);
void          _cd_sync_items_add (GPtrArray  *items,
                                  const char *uuid,
                                  const char *account,
                                  const char *format,
                                  ...) G_GNUC_PRINTF (4, 5);
gboolean      _cd_sync_items_has (GPtrArray  *items,
                                  const char *uuid,
                                  const char *account);
gboolean      _cd_sync_items_remove (GPtrArray  *items,
                                     const char *uuid,
                                     const char *account);

/* Progress (cd-sync.c): one article or post done. Past the run's deadline
 * it stops the run (once, with one sentence in the result). */
void _cd_sync_run_step_done (CdSyncRun *run);

/* Shared steps (cd-sync-run.c). */
CdSyncRow *_cd_sync_run_load_row (CdSyncRun  *run,
                                  const char *uuid);
void       _cd_sync_run_record_row (CdSyncRun *run,
                                    CdSyncRow *row);
void       _cd_sync_run_add_error (CdSyncRun  *run,
                                   const char *uuid,
                                   const char *format,
                                   ...) G_GNUC_PRINTF (3, 4);
void       _cd_sync_run_record_error (CdSyncRun  *run,
                                      const char *uuid,
                                      const char *message);
gboolean   _cd_sync_run_handle_error (CdSyncRun    *run,
                                      const char   *uuid,
                                      const GError *failure,
                                      GError      **error);
void       _cd_sync_run_stop_queued (CdSyncRun    *run,
                                     const GError *failure);
void       _cd_sync_run_stop_error (CdSyncRun    *run,
                                    const GError *failure);
void       _cd_sync_row_set_synced (CdSyncRow    *row,
                                    CdRemotePost *post);
void       _cd_sync_run_record_synced (CdSyncRun    *run,
                                       CdSyncRow    *row,
                                       CdRemotePost *post);
gboolean   _cd_sync_save_checkpoint (CdStore   *store,
                                     CdArticle *article,
                                     GError   **error);
CdArticle *_cd_sync_article_from_json (const char *json);
void       _cd_sync_run_take_site_status (CdSyncRun    *run,
                                          const char   *uuid,
                                          CdRemotePost *post);

/* Live posts and queued publishes (cd-sync-publish.c, cd-sync-live.c). */
gboolean _cd_sync_stage_update (CdSyncRun    *run,
                                const char   *uuid,
                                CdRemotePost *post);
gboolean _cd_sync_publish_queued (CdSyncRun *run,
                                  GError   **error);
char    *_cd_sync_choose_account (CdSyncDb   *db,
                                  const char *uuid,
                                  const char *account,
                                  GError    **error);
void     _cd_sync_set_queued_publish (CdArticle  *article,
                                      const char *account,
                                      GDateTime  *at);
gboolean _cd_sync_save_revision (CdStore         *store,
                                 CdArticle       *base,
                                 CdArticle       *article,
                                 CdRevisionReason reason,
                                 const char      *name,
                                 GError         **error);

/* The lock that lets one sync of a store run at a time, and the outbox
 * moved into the dirty flags (cd-sync.c). */
int      _cd_sync_take_lock (CdStore *store,
                             GError **error);
gboolean _cd_sync_absorb_outbox (CdStore  *store,
                                 CdSyncDb *db,
                                 GError  **error);

/* Push (cd-sync-push.c), pull (cd-sync-pull.c) and merge
 * (cd-sync-merge.c). Each returns FALSE only when the sync was cancelled;
 * everything else goes into the run's result. */
gboolean _cd_sync_push_account (CdSyncRun *run,
                                GError   **error);
gboolean _cd_sync_pull_account (CdSyncRun *run,
                                GError   **error);
gboolean _cd_sync_push_one (CdSyncRun  *run,
                            const char *uuid,
                            GError    **error);
gboolean _cd_sync_push_against_remote (CdSyncRun    *run,
                                       const char   *uuid,
                                       CdRemotePost *post,
                                       GError      **error);
gboolean _cd_sync_push_update (CdSyncRun          *run,
                               const char         *uuid,
                               const char         *remote_id,
                               CdArticle          *article,
                               const CdRemotePost *current,
                               GError            **error);

/* Images (cd-sync-media.c): the run's CMS wrapped so that every post
 * sent has its images uploaded and placed, and every post read has them
 * back as `image` fences. */
CdCms *_cd_sync_media_wrap (CdSyncRun *run);

G_END_DECLS
