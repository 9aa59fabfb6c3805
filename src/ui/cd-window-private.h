/* cd-window-private.h: what cd-window.c and cd-window-actions.c share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-window.h"

G_BEGIN_DECLS

struct _CdWindow
{
  AdwApplicationWindow parent_instance;

  CdStore      *store;
  GSettings    *settings;
  GKeyFile     *session;
  GCancellable *cancellable;
  CdDocument   *document;
  CdPreview    *preview;
  GtkWindow    *history;

  guint  preview_idle_id;
  guint  panes_idle_id;
  gulong saved_id;
  gulong dirty_id;
  gulong headline_id;
  gulong status_id;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar;
  CdLibrary       *library;
  GtkToggleButton *trash_toggle;
  AdwWindowTitle  *window_title;
  GtkWidget       *history_button;
  GtkWidget       *checks_toggle;
  GtkWidget       *preview_toggle;
  GtkStack        *content_stack;
  GtkPaned        *paned;
  CdMetadata      *metadata;
  CdEditor        *editor;
  AdwBin          *preview_bin;
  GtkRevealer     *checks_revealer;
  AdwBin          *checks_bin;
  GtkWidget       *sync_button;

  /* Syncing: see cd-window-sync.c. */
  struct _CdWindowSync *sync;

  guint reported_frame : 1;
};

void _cd_window_class_init_actions (CdWindowClass *klass);
void _cd_window_add_settings_actions (CdWindow *self);
void _cd_window_remove_settings_actions (CdWindow *self);
void _cd_window_update_actions (CdWindow *self);
void _cd_window_update_title (CdWindow *self);
void _cd_window_save_session (CdWindow *self);
void _cd_window_show_article (CdWindow  *self,
                              CdArticle *article);
void _cd_window_setup_sync (CdWindow *self);
void _cd_window_dispose_sync (CdWindow *self);

G_END_DECLS
