/* cd-sync-state.h: every article's sync state, computed once in core.
 *
 * The library's badges, the window's banner, the conflict window and
 * `copydesk show --json` all read the state from here, so the rules live
 * in one place:
 *
 * - Per account: an article in conflict or in error is so as recorded;
 *   it is synced when its row says so and nothing waits to be pushed
 *   (neither the row's dirty flag nor the store's outbox); otherwise it is
 *   queued (which includes an account that has never had the article).
 * - Per article: the state that needs the most attention across accounts,
 *   in the order of #CdSyncStatusState; the account and message are those
 *   of the account with that state.
 * - With no account at all, every article is %CD_SYNC_STATUS_NONE.
 *
 * Every call here reads the database: run it in a worker thread when the
 * store is large.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-store.h"

G_BEGIN_DECLS

/* From the best to the worst: a larger value needs more attention. */
typedef enum
{
  CD_SYNC_STATUS_NONE,     /* no account to sync with */
  CD_SYNC_STATUS_SYNCED,   /* the server has what is here */
  CD_SYNC_STATUS_QUEUED,   /* local changes wait for the next sync */
  CD_SYNC_STATUS_ERROR,    /* the last push failed; the message says why */
  CD_SYNC_STATUS_CONFLICT, /* changed here and on the server; a person must choose */
} CdSyncStatusState;

typedef struct _CdSyncStatus CdSyncStatus;

#define CD_TYPE_SYNC_STATUS (cd_sync_status_get_type ())
GType             cd_sync_status_get_type (void) G_GNUC_CONST;
CdSyncStatus     *cd_sync_status_ref (CdSyncStatus *self);
void              cd_sync_status_unref (CdSyncStatus *self);
const char       *cd_sync_status_get_uuid (CdSyncStatus *self);
CdSyncStatusState cd_sync_status_get_state (CdSyncStatus *self);
const char       *cd_sync_status_get_account (CdSyncStatus *self);
const char       *cd_sync_status_get_message (CdSyncStatus *self);
const char       *cd_sync_status_get_remote_id (CdSyncStatus *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdSyncStatus, cd_sync_status_unref)

const char *cd_sync_status_state_to_string (CdSyncStatusState state);

/* A conflict's account and its three sides, for a side-by-side view. */
typedef struct _CdSyncConflict CdSyncConflict;

#define CD_TYPE_SYNC_CONFLICT (cd_sync_conflict_get_type ())
GType           cd_sync_conflict_get_type (void) G_GNUC_CONST;
CdSyncConflict *cd_sync_conflict_ref (CdSyncConflict *self);
void            cd_sync_conflict_unref (CdSyncConflict *self);
const char     *cd_sync_conflict_get_account (CdSyncConflict *self);
CdArticle      *cd_sync_conflict_get_base (CdSyncConflict *self);
CdArticle      *cd_sync_conflict_get_mine (CdSyncConflict *self);
CdArticle      *cd_sync_conflict_get_theirs (CdSyncConflict *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdSyncConflict, cd_sync_conflict_unref)

GPtrArray      *cd_sync_list_statuses (CdStore *store,
                                       guint   *n_accounts,
                                       GError **error);
CdSyncStatus   *cd_sync_get_status (CdStore    *store,
                                    const char *uuid,
                                    GError    **error);
GPtrArray      *cd_sync_list_account_statuses (CdStore    *store,
                                               const char *uuid,
                                               GError    **error);
CdSyncConflict *cd_sync_get_conflict (CdStore    *store,
                                      const char *uuid,
                                      const char *account,
                                      GError    **error);

G_END_DECLS
