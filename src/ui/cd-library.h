/* cd-library.h: the sidebar list of articles, with search, a status
 * filter and the trash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-store.h"
#include "cd-sync-states.h"

G_BEGIN_DECLS

#define CD_TYPE_LIBRARY (cd_library_get_type ())
G_DECLARE_FINAL_TYPE (CdLibrary, cd_library, CD, LIBRARY, GtkWidget)

GtkWidget  *cd_library_new (CdStore      *store,
                            CdSyncStates *sync_states);
void        cd_library_set_store (CdLibrary *self,
                                  CdStore   *store);
void        cd_library_set_sync_states (CdLibrary    *self,
                                        CdSyncStates *sync_states);
gboolean    cd_library_get_trash_mode (CdLibrary *self);
void        cd_library_set_trash_mode (CdLibrary *self,
                                       gboolean   trash_mode);
void        cd_library_set_search (CdLibrary  *self,
                                   const char *text);
void        cd_library_set_status_filter (CdLibrary *self,
                                          int        status);
void        cd_library_set_current (CdLibrary *self,
                                    CdArticle *article);
void        cd_library_focus_search (CdLibrary *self);
void        cd_library_focus_list (CdLibrary *self);
GListModel *cd_library_get_model (CdLibrary *self);
gboolean    cd_library_get_loading (CdLibrary *self);

G_END_DECLS
