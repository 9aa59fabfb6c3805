/* cd-window.c: the workstation window: library, metadata, editor, preview.
 *
 * The window holds at most one open article, a CdDocument that autosaves
 * it. Switching article, closing the window and quitting save it at once.
 * Which article was open, and where its cursor was, is kept in a small
 * session file beside the database, so that after a crash (or any restart)
 * the window reopens where the person was. Actions live in
 * cd-window-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cd-article-row.h"
#include "cd-checks-panel.h"
#include "cd-sync-button.h"
#include "cd-window-private.h"

G_DEFINE_FINAL_TYPE (CdWindow, cd_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_PREVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SESSION_GROUP "session"
#define CURSOR_GROUP "cursors"

static char *
session_path (CdWindow *self)
{
  g_autofree char *dir = g_path_get_dirname (cd_store_get_path (self->store));

  return g_build_filename (dir, "session.ini", NULL);
}

/* Writes the session file off the main thread; each write replaces the
 * whole small file atomically. */
void
_cd_window_save_session (CdWindow *self)
{
  g_autofree char *path = session_path (self);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  char *data;

  if (self->document != NULL)
    {
      CdArticle *article = cd_document_get_article (self->document);

      g_key_file_set_string (self->session, SESSION_GROUP, "article",
                             cd_article_get_uuid (article));
      g_key_file_set_integer (self->session, CURSOR_GROUP, cd_article_get_uuid (article),
                              cd_editor_get_cursor_offset (self->editor));
    }
  else
    g_key_file_remove_key (self->session, SESSION_GROUP, "article", NULL);

  data = g_key_file_to_data (self->session, &length, NULL);
  bytes = g_bytes_new_take (data, length);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                       NULL);
}

static void
load_session (CdWindow *self)
{
  g_autofree char *path = session_path (self);
  g_autoptr (GError) error = NULL;

  if (!g_key_file_load_from_file (self->session, path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Could not read the session file %s: %s", path, error->message);
}

void
_cd_window_update_title (CdWindow *self)
{
  const char      *headline = NULL;
  g_autofree char *subtitle = NULL;

  if (self->document != NULL)
    {
      CdArticle  *article = cd_document_get_article (self->document);
      const char *state;

      headline = cd_article_get_headline (article);
      if (cd_document_get_error (self->document) != NULL)
        state = _ ("Not saved");
      else if (cd_document_get_dirty (self->document))
        state = _ ("Edited");
      else
        state = _ ("Saved");
      /* Translators: the article's status and whether it is saved, under the title */
      subtitle = g_strdup_printf (_ ("%s · %s"),
                                  cd_article_row_status_label (cd_article_get_status (article)),
                                  state);
      if (headline == NULL || *headline == '\0')
        headline = _ ("Untitled");
    }

  adw_window_title_set_title (self->window_title, headline ? headline : _ ("Copydesk"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (headline != NULL)
    {
      /* Translators: the window's title: the article's headline, then the app */
      g_autofree char *title = g_strdup_printf (_ ("%s — Copydesk"), headline);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _ ("Copydesk"));
}

static void
document_saved_cb (CdWindow   *self,
                   int         reason,
                   CdDocument *document)
{
  /* The cursor position rides along with each autosave. */
  _cd_window_save_session (self);
}

static void
article_title_notify_cb (CdWindow *self)
{
  _cd_window_update_title (self);
}

static void
editor_scrolled_cb (CdWindow *self)
{
  GtkScrollable *view = GTK_SCROLLABLE (cd_editor_get_view (self->editor));

  if (self->preview == NULL || self->document == NULL)
    return;
  /* At the top of the body the preview shows the top of the page, with the
   * headline, rather than the body's first paragraph. */
  if (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (view)) <= 0)
    webkit_web_view_evaluate_javascript (cd_preview_get_web_view (self->preview),
                                         "window.scrollTo(window.scrollX, 0);", -1, NULL, NULL,
                                         NULL, NULL, NULL);
  else
    cd_preview_scroll_to_source_line (self->preview,
                                      cd_editor_get_first_visible_line (self->editor));
}

/* The Checks panel (cd-checks-panel.c) lives in checks_bin, follows the open
 * article, underlines in the editor and the metadata entries, and has the
 * window select a finding's text when the person picks it. */
static const char *checked_fields[] = {
  "headline",
  "dek",
  "byline",
  "dateline",
  "slug",
  "image_caption",
};

static void
checks_document_cb (CdWindow   *self,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  CdChecksPanel *panel = CD_CHECKS_PANEL (adw_bin_get_child (self->checks_bin));

  cd_checks_panel_set_article (panel, self->store,
                               self->document != NULL ? cd_document_get_article (self->document)
                                                      : NULL);
}

static void
checks_activate_finding_cb (CdWindow   *self,
                            const char *field,
                            guint       start,
                            guint       end)
{
  GtkEditable *editable;

  if (g_str_equal (field, "body"))
    {
      cd_editor_select_range (self->editor, start, end);
      gtk_widget_grab_focus (GTK_WIDGET (cd_editor_get_view (self->editor)));
      return;
    }
  editable = cd_metadata_get_editable (self->metadata, field);
  if (editable == NULL)
    return;
  cd_metadata_set_expanded (self->metadata, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_select_region (editable, start, end);
}

/* The panel does not look for the window to report a failure in. */
static void
checks_error_cb (CdWindow   *self,
                 const char *message)
{
  g_assert (CD_IS_WINDOW (self));
  g_assert (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
setup_checks_pane (CdWindow *self)
{
  CdChecksPanel *panel = CD_CHECKS_PANEL (cd_checks_panel_new ());

  adw_bin_set_child (self->checks_bin, GTK_WIDGET (panel));
  g_settings_bind (self->settings, "headline-length-limit", cd_checks_panel_get_checker (panel),
                   "headline-limit", G_SETTINGS_BIND_GET);
  cd_checks_panel_attach_buffer (panel, "body",
                                 GTK_TEXT_BUFFER (cd_editor_get_buffer (self->editor)));
  for (guint i = 0; i < G_N_ELEMENTS (checked_fields); i++)
    {
      GtkEditable *editable = cd_metadata_get_editable (self->metadata, checked_fields[i]);

      if (editable != NULL)
        cd_checks_panel_attach_editable (panel, checked_fields[i], editable);
    }
  g_signal_connect_object (panel, "activate-finding", G_CALLBACK (checks_activate_finding_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (panel, "error", G_CALLBACK (checks_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::document", G_CALLBACK (checks_document_cb), NULL);
}

/**
 * cd_window_close_article:
 *
 * Queues the open article's unsaved changes for writing at once and closes
 * it. The write completes on the save thread.
 */
void
cd_window_close_article (CdWindow *self)
{
  g_autoptr (CdDocument) document = NULL;

  g_return_if_fail (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  _cd_window_save_session (self);
  /* Focus leaves the fields before they are emptied and hidden. */
  cd_library_focus_list (self->library);
  document = g_steal_pointer (&self->document);
  cd_document_save_now (document);
  g_clear_signal_handler (&self->saved_id, document);
  g_clear_signal_handler (&self->dirty_id, document);
  g_clear_signal_handler (&self->headline_id, cd_document_get_article (document));
  g_clear_signal_handler (&self->status_id, cd_document_get_article (document));

  cd_editor_set_article (self->editor, NULL);
  cd_metadata_set_article (self->metadata, NULL);
  if (self->preview != NULL)
    cd_preview_set_article (self->preview, NULL);
  cd_library_set_current (self->library, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  _cd_window_update_title (self);
  _cd_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cd_window_open_article:
 * @uuid: the article to open
 *
 * Saves and closes the open article, opens @uuid with the cursor where it
 * was last left (the end of the body the first time) and puts keyboard
 * focus in the body.
 *
 * Returns: %TRUE when the article was found and opened
 */
gboolean
cd_window_open_article (CdWindow   *self,
                        const char *uuid,
                        GError    **error)
{
  g_autoptr (CdArticle) article = NULL;

  g_return_val_if_fail (CD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (self->document != NULL &&
      g_str_equal (cd_article_get_uuid (cd_document_get_article (self->document)), uuid))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->editor));
      return TRUE;
    }

  article = cd_store_get_article (self->store, uuid, error);
  if (article == NULL)
    return FALSE;

  _cd_window_show_article (self, article);
  return TRUE;
}

/* Closes the open article and opens @article, already read from the
 * store, the way cd_window_open_article() does. */
void
_cd_window_show_article (CdWindow  *self,
                         CdArticle *article)
{
  const char *uuid = cd_article_get_uuid (article);
  CdArticle  *current;
  int         offset = -1;

  cd_window_close_article (self);

  self->document = cd_document_new (self->store, article);
  current = cd_document_get_article (self->document);
  self->saved_id = g_signal_connect_object (self->document, "saved",
                                            G_CALLBACK (document_saved_cb), self,
                                            G_CONNECT_SWAPPED);
  self->dirty_id = g_signal_connect_object (self->document, "notify::dirty",
                                            G_CALLBACK (article_title_notify_cb), self,
                                            G_CONNECT_SWAPPED);
  self->headline_id = g_signal_connect_object (current, "notify::headline",
                                               G_CALLBACK (article_title_notify_cb), self,
                                               G_CONNECT_SWAPPED);
  self->status_id = g_signal_connect_object (current, "notify::status",
                                             G_CALLBACK (article_title_notify_cb), self,
                                             G_CONNECT_SWAPPED);

  cd_metadata_set_article (self->metadata, current);
  cd_editor_set_article (self->editor, current);
  if (self->preview != NULL)
    cd_preview_set_article (self->preview, current);
  cd_library_set_current (self->library, current);
  gtk_stack_set_visible_child_name (self->content_stack, "article");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  if (g_key_file_has_key (self->session, CURSOR_GROUP, uuid, NULL))
    offset = g_key_file_get_integer (self->session, CURSOR_GROUP, uuid, NULL);
  cd_editor_place_cursor (self->editor, offset);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));

  _cd_window_save_session (self);
  _cd_window_update_title (self);
  _cd_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cd_window_restore_session:
 *
 * Opens the article that was open when the app last stopped, however it
 * stopped.
 *
 * Returns: %TRUE when an article was reopened
 */
gboolean
cd_window_restore_session (CdWindow *self)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (CD_IS_WINDOW (self), FALSE);

  uuid = g_key_file_get_string (self->session, SESSION_GROUP, "article", NULL);
  if (uuid == NULL || !cd_store_has_article (self->store, uuid) ||
      cd_store_is_trashed (self->store, uuid))
    return FALSE;
  return cd_window_open_article (self, uuid, NULL);
}

/**
 * cd_window_flush:
 *
 * Writes the open article's unsaved changes and waits for the write.
 *
 * Returns: %TRUE when everything is saved
 */
gboolean
cd_window_flush (CdWindow *self,
                 GError  **error)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    return TRUE;
  _cd_window_save_session (self);
  return cd_document_flush (self->document, error);
}

static void
library_activated_cb (CdWindow   *self,
                      const char *uuid)
{
  g_autoptr (GError) error = NULL;

  if (!cd_window_open_article (self, uuid, &error))
    cd_window_add_toast (self, adw_toast_new (error->message));
}

/* A folded (narrow) window has room for the editor alone: the preview and
 * the checks stay hidden and their buttons make way for the title; the
 * article menu still reaches everything. */
static void update_panes (CdWindow *self);

static gboolean
update_panes_cb (gpointer data)
{
  CdWindow *self = data;

  self->panes_idle_id = 0;
  update_panes (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated; the panes change after
 * that, not in the middle of it. */
static void
folded_changed_cb (CdWindow *self)
{
  if (self->panes_idle_id == 0)
    self->panes_idle_id = g_idle_add (update_panes_cb, self);
}

static void
update_panes (CdWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean show = g_settings_get_boolean (self->settings, "show-preview");

  gtk_widget_set_visible (GTK_WIDGET (self->preview_bin), show && !folded);
  gtk_revealer_set_reveal_child (self->checks_revealer,
                                 g_settings_get_boolean (self->settings, "show-checks") &&
                                     !folded);
  gtk_widget_set_visible (self->preview_toggle, !folded);
  gtk_widget_set_visible (self->checks_toggle, !folded);
  gtk_widget_set_visible (self->history_button, !folded);
}

static void
editor_font_changed_cb (CdWindow *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "editor-font");

  cd_editor_set_font (self->editor, font);
}

static void
first_paint_cb (GdkFrameClock *clock,
                CdWindow      *self)
{
  /* Benchmarks read these lines; see tests/bench/. */
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  if (g_getenv ("COPYDESK_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
preview_loaded_cb (CdWindow *self)
{
  if (self->preview != NULL && cd_preview_get_loaded (self->preview) &&
      g_getenv ("COPYDESK_REPORT_FRAMES") != NULL)
    {
      printf ("preview-loaded %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      fflush (stdout);
    }
}

/* A link clicked in the preview opens over this window. */
static gboolean
preview_activate_link_cb (CdWindow   *self,
                          const char *uri)
{
  g_assert (CD_IS_WINDOW (self));
  g_assert (uri != NULL);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
  return TRUE;
}

/* The web view is made after the window's first frame: WebKit takes a
 * while to set up, and the article should be on screen first. */
static gboolean
create_preview_cb (gpointer data)
{
  CdWindow *self = data;

  self->preview_idle_id = 0;
  if (self->preview != NULL)
    return G_SOURCE_REMOVE;

  self->preview = cd_preview_new ();
  adw_bin_set_child (self->preview_bin, GTK_WIDGET (self->preview));
  g_settings_bind (self->settings, "allow-remote-images", self->preview, "allow-remote-images",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->preview, "notify::loaded", G_CALLBACK (preview_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "activate-link", G_CALLBACK (preview_activate_link_cb),
                           self, G_CONNECT_SWAPPED);
  if (self->document != NULL)
    cd_preview_set_article (self->preview, cd_document_get_article (self->document));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW]);
  return G_SOURCE_REMOVE;
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      CdWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, self);
  if (self->preview == NULL && self->preview_idle_id == 0)
    self->preview_idle_id = g_idle_add (create_preview_cb, self);
}

static void
cd_window_map (GtkWidget *widget)
{
  CdWindow *self = CD_WINDOW (widget);
  int       position;

  GTK_WIDGET_CLASS (cd_window_parent_class)->map (widget);

  position = g_settings_get_int (self->settings, "preview-position");
  if (position > 0)
    gtk_paned_set_position (self->paned, position);

  if (self->preview == NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (after_first_paint_cb), self, G_CONNECT_AFTER);

  if (g_getenv ("COPYDESK_REPORT_FRAMES") != NULL && !self->reported_frame)
    {
      self->reported_frame = TRUE;
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (first_paint_cb), self, G_CONNECT_AFTER);
    }
}

static gboolean
cd_window_close_request (GtkWindow *window)
{
  CdWindow *self = CD_WINDOW (window);
  g_autoptr (GError) error = NULL;
  int width, height;

  if (!cd_window_flush (self, &error))
    g_warning ("Could not save the article before closing: %s", error->message);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (gtk_widget_get_visible (GTK_WIDGET (self->preview_bin)) &&
      gtk_widget_get_mapped (GTK_WIDGET (self->paned)))
    g_settings_set_int (self->settings, "preview-position", gtk_paned_get_position (self->paned));

  cd_window_close_article (self);
  return GTK_WINDOW_CLASS (cd_window_parent_class)->close_request (window);
}

static void
cd_window_dispose (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  if (self->document != NULL)
    cd_window_close_article (self);
  g_clear_handle_id (&self->preview_idle_id, g_source_remove);
  g_clear_handle_id (&self->panes_idle_id, g_source_remove);
  if (self->settings != NULL)
    _cd_window_remove_settings_actions (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _cd_window_dispose_sync (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_WINDOW);

  G_OBJECT_CLASS (cd_window_parent_class)->dispose (object);
}

static void
cd_window_finalize (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  g_clear_pointer (&self->session, g_key_file_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cd_window_parent_class)->finalize (object);
}

static void
cd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CdWindow *self = CD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PREVIEW:
      g_value_set_object (value, self->preview);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_window_class_init (CdWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cd_window_dispose;
  object_class->finalize = cd_window_finalize;
  object_class->get_property = cd_window_get_property;
  widget_class->map = cd_window_map;
  window_class->close_request = cd_window_close_request;

  properties[PROP_DOCUMENT] =
      g_param_spec_object ("document", NULL, NULL, CD_TYPE_DOCUMENT,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREVIEW] =
      g_param_spec_object ("preview", NULL, NULL, CD_TYPE_PREVIEW,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CD_TYPE_EDITOR);
  g_type_ensure (CD_TYPE_LIBRARY);
  g_type_ensure (CD_TYPE_METADATA);
  g_type_ensure (CD_TYPE_SYNC_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, library);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, trash_toggle);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, history_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, checks_toggle);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, metadata);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, preview_bin);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, checks_revealer);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, checks_bin);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, sync_button);

  _cd_window_class_init_actions (klass);
}

static void
cd_window_init (CdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->session = g_key_file_new ();
  if (g_str_has_suffix (APPLICATION_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_object (self->library, "article-activated",
                           G_CALLBACK (library_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "scrolled", G_CALLBACK (editor_scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->trash_toggle, "active", self->library, "trash-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/**
 * cd_window_new:
 * @application: the application
 * @store: the article store
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new window with no article open
 */
CdWindow *
cd_window_new (GtkApplication *application,
               CdStore        *store,
               GSettings      *settings)
{
  CdWindow *self;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CD_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  load_session (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_widget_set_size_request (GTK_WIDGET (self->sidebar),
                               g_settings_get_int (settings, "sidebar-width"), -1);

  g_settings_bind (settings, "show-details", self->metadata, "expanded", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (settings, "changed::show-preview",
                           G_CALLBACK (update_panes), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::show-checks",
                           G_CALLBACK (update_panes), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::editor-font",
                           G_CALLBACK (editor_font_changed_cb), self, G_CONNECT_SWAPPED);
  update_panes (self);
  editor_font_changed_cb (self);

  _cd_window_add_settings_actions (self);
  setup_checks_pane (self);
  _cd_window_setup_sync (self);

  cd_library_set_store (self->library, store);
  _cd_window_update_title (self);
  _cd_window_update_actions (self);
  return self;
}

void
cd_window_add_toast (CdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (CD_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * cd_window_get_store:
 *
 * Returns: (transfer none): the store
 */
CdStore *
cd_window_get_store (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * cd_window_get_document:
 *
 * Returns: (nullable) (transfer none): the open article's document
 */
CdDocument *
cd_window_get_document (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->document;
}

/**
 * cd_window_get_editor:
 *
 * Returns: (transfer none): the body editor
 */
CdEditor *
cd_window_get_editor (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->editor;
}

/**
 * cd_window_get_metadata:
 *
 * Returns: (transfer none): the metadata fields
 */
CdMetadata *
cd_window_get_metadata (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->metadata;
}

/**
 * cd_window_get_library:
 *
 * Returns: (transfer none): the library sidebar
 */
CdLibrary *
cd_window_get_library (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->library;
}

/**
 * cd_window_get_preview:
 *
 * The preview is made once the window has painted its first frame;
 * "notify::preview" says when.
 *
 * Returns: (nullable) (transfer none): the preview
 */
CdPreview *
cd_window_get_preview (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->preview;
}

/**
 * cd_window_get_checks_bin:
 *
 * The pane beside the preview that win.show-checks (F7) reveals, for the
 * checks panel.
 *
 * Returns: (transfer none): the checks pane
 */
AdwBin *
cd_window_get_checks_bin (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->checks_bin;
}

/**
 * cd_window_get_history:
 *
 * Returns: (nullable) (transfer none): the history window while it is open
 */
GtkWindow *
cd_window_get_history (CdWindow *self)
{
  g_return_val_if_fail (CD_IS_WINDOW (self), NULL);
  return self->history;
}
