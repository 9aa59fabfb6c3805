/* cd-window.h: the workstation window: library, metadata, editor, preview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cd-document.h"
#include "cd-editor.h"
#include "cd-library.h"
#include "cd-metadata.h"
#include "cd-preview.h"
#include "cd-store.h"
#include "cd-sync.h"
#include "cd-sync-states.h"

G_BEGIN_DECLS

#define CD_TYPE_WINDOW (cd_window_get_type ())
G_DECLARE_FINAL_TYPE (CdWindow, cd_window, CD, WINDOW, AdwApplicationWindow)

CdWindow   *cd_window_new (GtkApplication *application,
                           CdStore        *store,
                           GSettings      *settings,
                           CdSyncEngine   *sync_engine);
gboolean    cd_window_open_article (CdWindow   *self,
                                    const char *uuid,
                                    GError    **error);
void        cd_window_close_article (CdWindow *self);
gboolean    cd_window_restore_session (CdWindow *self);
gboolean    cd_window_flush (CdWindow *self,
                             GError  **error);
guint       cd_window_import_files (CdWindow     *self,
                                    GFile *const *files,
                                    guint         n_files);
void        cd_window_add_toast (CdWindow *self,
                                 AdwToast *toast);
CdStore    *cd_window_get_store (CdWindow *self);
CdDocument *cd_window_get_document (CdWindow *self);
CdEditor   *cd_window_get_editor (CdWindow *self);
void        cd_window_insert_image_file (CdWindow *self,
                                         GFile    *file);
CdMetadata *cd_window_get_metadata (CdWindow *self);
CdLibrary  *cd_window_get_library (CdWindow *self);
CdPreview  *cd_window_get_preview (CdWindow *self);
AdwBin     *cd_window_get_checks_bin (CdWindow *self);
GtkWindow  *cd_window_get_history (CdWindow *self);

/* Syncing: see cd-window-sync.c. */
CdSyncEngine *cd_window_get_sync_engine (CdWindow *self);
CdSyncStates *cd_window_get_sync_states (CdWindow *self);
GtkWindow    *cd_window_show_conflict (CdWindow   *self,
                                       const char *uuid);

G_END_DECLS
