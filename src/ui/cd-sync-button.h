/* cd-sync-button.h: the header bar's sync button, with progress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-sync.h"

G_BEGIN_DECLS

#define CD_TYPE_SYNC_BUTTON (cd_sync_button_get_type ())
G_DECLARE_FINAL_TYPE (CdSyncButton, cd_sync_button, CD, SYNC_BUTTON, GtkButton)

GtkWidget    *cd_sync_button_new (void);
void          cd_sync_button_set_engine (CdSyncButton *self,
                                         CdSyncEngine *engine);
CdSyncEngine *cd_sync_button_get_engine (CdSyncButton *self);

G_END_DECLS
