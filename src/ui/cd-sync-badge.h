/* cd-sync-badge.h: an article's sync state in its library row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-sync-states.h"

G_BEGIN_DECLS

#define CD_TYPE_SYNC_BADGE (cd_sync_badge_get_type ())
G_DECLARE_FINAL_TYPE (CdSyncBadge, cd_sync_badge, CD, SYNC_BADGE, GtkWidget)

GtkWidget  *cd_sync_badge_new (CdSyncStates *states);
void        cd_sync_badge_set_uuid (CdSyncBadge *self,
                                    const char  *uuid);
CdSyncState cd_sync_badge_get_state (CdSyncBadge *self);

G_END_DECLS
