/* cd-sync-states.h: every article's sync state, read in one go for the
 * library's rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-store.h"

G_BEGIN_DECLS

/* From the best to the worst; an article synced with several accounts
 * shows the worst of its states. */
typedef enum
{
  CD_SYNC_STATE_NONE, /* no account to sync with */
  CD_SYNC_STATE_SYNCED,
  CD_SYNC_STATE_PENDING,
  CD_SYNC_STATE_ERROR,
  CD_SYNC_STATE_CONFLICT,
} CdSyncState;

#define CD_TYPE_SYNC_STATES (cd_sync_states_get_type ())
G_DECLARE_FINAL_TYPE (CdSyncStates, cd_sync_states, CD, SYNC_STATES, GObject)

CdSyncStates *cd_sync_states_new (CdStore *store);
void          cd_sync_states_refresh (CdSyncStates *self);
const GError *cd_sync_states_get_error (CdSyncStates *self);
gboolean      cd_sync_states_get_loading (CdSyncStates *self);
gboolean      cd_sync_states_has_accounts (CdSyncStates *self);
CdSyncState   cd_sync_states_lookup (CdSyncStates *self,
                                     const char   *uuid,
                                     const char  **account,
                                     const char  **message);
void          cd_sync_states_mark_pending (CdSyncStates *self,
                                           const char   *uuid);

const char *cd_sync_state_icon_name (CdSyncState state);
char       *cd_sync_state_describe (CdSyncState state,
                                    const char *account,
                                    const char *message);

G_END_DECLS
