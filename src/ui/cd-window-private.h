/* cd-window-private.h: what the window's files share: cd-window.c (the
 * open article), cd-window-panes.c (preview, checks, folding),
 * cd-window-session.c (the session file), cd-window-actions.c and
 * cd-window-sync.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-ui-util.h"
#include "cd-window.h"

G_BEGIN_DECLS

struct _CdWindow
{
  AdwApplicationWindow parent_instance;

  /* Handed down at construction */
  CdStore      *store;
  GSettings    *settings;
  CdSyncEngine *sync_engine;

  GKeyFile     *session;
  GBytes       *session_pending; /* the state to write after the running write */
  GCancellable *cancellable;
  CdDocument   *document;
  CdPreview    *preview;
  GtkWindow    *history;

  /* Aimed at the open document and its article; see set_document(). */
  GSignalGroup *document_signals;
  GSignalGroup *article_signals;

  guint      preview_idle_id;
  guint      panes_idle_id;
  int        pending_position; /* where the divider goes once allocation is over */
  GtkWidget *editor_column;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar;
  CdLibrary       *library;
  GtkToggleButton *trash_toggle;
  AdwWindowTitle  *sidebar_title;
  AdwWindowTitle  *window_title;
  GtkWidget       *history_button;
  GtkWidget       *checks_toggle;
  GtkWidget       *preview_toggle;
  GtkRevealer     *sync_banner;
  GtkLabel        *sync_banner_label;
  GtkRevealer     *save_banner;
  GtkLabel        *save_banner_label;
  GtkRevealer     *read_only_banner;
  GtkLabel        *read_only_banner_label;
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
  guint room_for_preview : 1;     /* the window is wide enough for the preview */
  guint room_for_checks : 1;      /* and for the checks beside what is shown */
  guint checks_setting_shown : 1; /* the show-checks setting the panes last followed */
  guint session_writing : 1;      /* a session write runs on a thread */
  guint session_final : 1;        /* written at closing; no thread writes after */
  guint close_anyway : 1;         /* the person chose to close without saving */
};

/* cd-window.c */
void _cd_window_show_article (CdWindow  *self,
                              CdArticle *article);
void _cd_window_update_title (CdWindow *self);

/* cd-window-panes.c: called after each allocation of the window. */
void _cd_window_panes_allocated (CdWindow *self,
                                 int       width);

/* cd-window-files.c */
void  _cd_window_class_init_files (CdWindowClass *klass);
void  _cd_window_setup_files (CdWindow *self);
char *_cd_window_dup_language (CdWindow *self);

/* cd-window-images.c */
void _cd_window_class_init_images (CdWindowClass *klass);
void _cd_window_setup_images (CdWindow *self);

/* cd-window-actions.c */
void _cd_window_toast_error (CdWindow     *self,
                             const GError *error);
void _cd_window_class_init_actions (CdWindowClass *klass);
void _cd_window_add_settings_actions (CdWindow *self);
void _cd_window_remove_settings_actions (CdWindow *self);
void _cd_window_update_actions (CdWindow *self);

/* cd-window-panes.c */
void _cd_window_setup_panes (CdWindow *self);
void _cd_window_dispose_panes (CdWindow *self);
void _cd_window_map_panes (CdWindow *self);
void _cd_window_save_panes (CdWindow *self);

/* cd-window-session.c */
void _cd_window_load_session (CdWindow *self);
void _cd_window_save_session (CdWindow *self);
void _cd_window_save_session_now (CdWindow *self);
int  _cd_window_get_saved_cursor (CdWindow   *self,
                                  const char *uuid);

/* cd-window-save.c */
void     _cd_window_class_init_save (CdWindowClass *klass);
void     _cd_window_setup_save (CdWindow *self);
gboolean _cd_window_may_close (CdWindow *self);
gboolean _cd_window_may_leave_article (CdWindow *self,
                                       GError  **error);

/* cd-window-read-only.c */
void _cd_window_update_read_only (CdWindow *self);
/* cd-window-publish.c */
void _cd_window_setup_publish (CdWindow *self);
void _cd_window_update_publish (CdWindow *self);
void _cd_window_publish_action (GtkWidget  *widget,
                                const char *name,
                                GVariant   *param);
void _cd_window_add_correction_action (GtkWidget  *widget,
                                       const char *name,
                                       GVariant   *param);

/* cd-window-sync.c */
void     _cd_window_setup_sync (CdWindow *self);
void     _cd_window_dispose_sync (CdWindow *self);
gboolean _cd_window_open_article_in_conflict (CdWindow *self);

G_END_DECLS
