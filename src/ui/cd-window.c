/* cd-window.c: the workstation window: library, metadata, editor, preview.
 *
 * The window holds at most one open article, a CdDocument that autosaves
 * it. Switching article, closing the window and quitting save it at once.
 * As GNOME Text Editor's window follows its visible page, this one follows
 * the open document: one signal group aimed at the document and one at its
 * article, re-targeted in set_document(), which also hands the article to
 * the views and has _cd_window_update_actions() decide what is enabled.
 * What the window needs (store, settings, sync engine) is handed to it at
 * construction, and it hands down to its widgets what they need.
 *
 * The session file is in cd-window-session.c, the panes beside the editor
 * in cd-window-panes.c, the actions in cd-window-actions.c and syncing in
 * cd-window-sync.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-a11y.h"
#include "cd-article-row.h"
#include "cd-pane-bin.h"
#include "cd-sync-button.h"
#include "cd-window-private.h"

G_DEFINE_FINAL_TYPE (CdWindow, cd_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_SYNC_ENGINE,
  PROP_DOCUMENT,
  PROP_PREVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (CdWindow *self)
{
  const char      *headline = NULL;
  g_autofree char *subtitle = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (self->document != NULL)
    {
      CdArticle  *article = cd_document_get_article (self->document);
      const char *state;

      headline = cd_article_row_headline_label (article);
      /* The store's message says that the article is not saved and why. */
      if (cd_document_get_error (self->document) != NULL)
        state = cd_document_get_error (self->document)->message;
      else if (cd_store_is_read_only (self->store))
        state = _ ("Read-only");
      else if (cd_document_get_dirty (self->document))
        state = _ ("Edited");
      else
        state = _ ("Saved");
      /* Translators: the article's status and whether it is saved, under the title */
      subtitle = g_strdup_printf (_ ("%s · %s"),
                                  cd_article_row_status_label (cd_article_get_status (article)),
                                  state);
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

void
_cd_window_update_title (CdWindow *self)
{
  update_title (self);
}

static void
document_saved_cb (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  /* The cursor position rides along with each autosave. */
  _cd_window_save_session (self);
}

/* The one place where the window changes the article it follows: the
 * signal groups are aimed at the new document and its article, the views
 * are handed the article, and the title and actions are recomputed. */
static void
set_document (CdWindow   *self,
              CdDocument *document)
{
  CdArticle *article = document != NULL ? cd_document_get_article (document) : NULL;

  g_assert (CD_IS_WINDOW (self));
  g_assert (document == NULL || CD_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->article_signals, article);

  cd_metadata_set_article (self->metadata, article);
  cd_editor_set_article (self->editor, article);
  if (self->preview != NULL)
    cd_preview_set_article (self->preview, article);
  cd_library_set_current (self->library, article);
  gtk_stack_set_visible_child_name (self->content_stack, article != NULL ? "article" : "empty");

  update_title (self);
  _cd_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
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
  g_return_if_fail (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  _cd_window_save_session (self);
  /* Focus leaves the fields before they are emptied and hidden. */
  cd_library_focus_list (self->library);
  cd_document_save_now (self->document);
  set_document (self, NULL);
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

  if (!_cd_window_may_leave_article (self, error))
    return FALSE;
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
  g_autoptr (CdDocument) document = NULL;
  const char *uuid;

  g_assert (CD_IS_WINDOW (self));
  g_assert (CD_IS_ARTICLE (article));

  cd_window_close_article (self);

  document = cd_document_new (self->store, article);
  set_document (self, document);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  uuid = cd_article_get_uuid (article);
  cd_editor_place_cursor (self->editor, _cd_window_get_saved_cursor (self, uuid));
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
  _cd_window_save_session (self);
}

/* The open article changed in the store (pulled by a sync, settled in the
 * conflict window, restored, written by another process) and @stored is
 * what the store now has: an unedited document that differs from it is
 * opened again from it; typing is never thrown away here. */
static void
reload_article (CdWindow  *self,
                CdArticle *stored)
{
  g_assert (CD_IS_WINDOW (self));
  g_assert (CD_IS_ARTICLE (stored));

  if (self->document == NULL || cd_document_get_dirty (self->document) ||
      g_strcmp0 (cd_article_get_uuid (cd_document_get_article (self->document)),
                 cd_article_get_uuid (stored)) != 0)
    return;
  /* Not only the text: a status the site moved, a correction or a
   * publish recorded elsewhere must reach the open article too, or its
   * next save would write the old ones back. */
  if (!cd_article_equal (stored, cd_document_get_article (self->document)))
    _cd_window_show_article (self, stored);
}

/* The store announced a commit: the open document follows it. The library
 * and the sync states (which the badges and the banner follow) listen to
 * the store themselves. */
static void
store_articles_changed_cb (CdWindow           *self,
                           CdStoreChangeReason reason,
                           const char *const  *uuids,
                           CdStore            *store)
{
  g_autoptr (CdArticle) stored = NULL;
  const char *open;

  g_assert (CD_IS_WINDOW (self));
  g_assert (CD_IS_STORE (store));

  if (self->document == NULL || reason == CD_STORE_CHANGE_SYNC_STATE)
    return;
  open = cd_article_get_uuid (cd_document_get_article (self->document));
  /* No list means anything may have changed (another process wrote). */
  if (uuids[0] != NULL && !g_strv_contains (uuids, open))
    return;
  /* Moved to the trash elsewhere (another window, the command line): the
   * editor closes it, unless it holds typing not yet saved. */
  if (reason == CD_STORE_CHANGE_TRASH || reason == CD_STORE_CHANGE_EXTERNAL)
    {
      if (cd_store_is_trashed (store, open) && !cd_document_get_dirty (self->document))
        {
          cd_window_close_article (self);
          return;
        }
    }
  if ((stored = cd_store_get_article (store, open, NULL)) != NULL)
    reload_article (self, stored);
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
  _cd_window_save_session_now (self);
  return cd_document_flush (self->document, error);
}

/* The sidebar says which list it shows. */
static void
trash_toggled_cb (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  adw_window_title_set_title (self->sidebar_title, gtk_toggle_button_get_active (self->trash_toggle)
                                                       ? _ ("Trash")
                                                       : _ ("Articles"));
}

static void
library_activated_cb (CdWindow   *self,
                      const char *uuid)
{
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (!cd_window_open_article (self, uuid, &error))
    cd_window_add_toast (self, _cd_toast_new (error->message));
}

static void
cd_window_map (GtkWidget *widget)
{
  g_assert (GTK_IS_WIDGET (widget));

  GTK_WIDGET_CLASS (cd_window_parent_class)->map (widget);

  _cd_window_map_panes (CD_WINDOW (widget));
}

static void
cd_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  g_assert (GTK_IS_WIDGET (widget));

  GTK_WIDGET_CLASS (cd_window_parent_class)->size_allocate (widget, width, height, baseline);
  _cd_window_panes_allocated (CD_WINDOW (widget), width);
}

static gboolean
cd_window_close_request (GtkWindow *window)
{
  CdWindow *self = CD_WINDOW (window);
  int       width, height;

  g_assert (GTK_IS_WINDOW (window));

  /* A failed write asks first: the text is never lost silently. */
  if (!_cd_window_may_close (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  _cd_window_save_panes (self);

  /* The last state, with the article still open, is written before the
   * window goes; no write is left to a thread that would outlive it. */
  _cd_window_save_session_now (self);
  self->session_final = TRUE;
  cd_window_close_article (self);
  return GTK_WINDOW_CLASS (cd_window_parent_class)->close_request (window);
}

static void
cd_window_dispose (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  if (self->document != NULL)
    {
      if (!self->session_final)
        _cd_window_save_session_now (self);
      self->session_final = TRUE;
      cd_window_close_article (self);
    }
  _cd_window_dispose_panes (self);
  if (self->settings != NULL)
    _cd_window_remove_settings_actions (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _cd_window_dispose_sync (self);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->article_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_WINDOW);

  G_OBJECT_CLASS (cd_window_parent_class)->dispose (object);
}

static void
cd_window_finalize (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  g_clear_pointer (&self->session, g_key_file_unref);
  g_clear_pointer (&self->session_pending, g_bytes_unref);
  g_clear_object (&self->sync_engine);
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
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SYNC_ENGINE:
      g_value_set_object (value, self->sync_engine);
      break;
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
cd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CdWindow *self = CD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SYNC_ENGINE:
      self->sync_engine = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_window_constructed (GObject *object)
{
  CdWindow *self = CD_WINDOW (object);

  G_OBJECT_CLASS (cd_window_parent_class)->constructed (object);

  g_assert (CD_IS_STORE (self->store));
  g_assert (G_IS_SETTINGS (self->settings));

  /* Without an engine of its owner's, the window syncs with one of its
   * own. */
  if (self->sync_engine == NULL)
    self->sync_engine = cd_sync_engine_new (self->store);

  _cd_window_load_session (self);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_widget_set_size_request (GTK_WIDGET (self->sidebar),
                               g_settings_get_int (self->settings, "sidebar-width"), -1);
  g_settings_bind (self->settings, "show-details", self->metadata, "expanded",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "library-sort", self->library, "sort", G_SETTINGS_BIND_DEFAULT);

  _cd_window_add_settings_actions (self);
  _cd_window_setup_panes (self);
  _cd_window_setup_sync (self);
  _cd_window_setup_save (self);
  _cd_window_setup_publish (self);

  cd_library_set_store (self->library, self->store);
  _cd_window_setup_files (self);
  _cd_window_setup_images (self);
  g_signal_connect_object (self->store, "articles-changed",
                           G_CALLBACK (store_articles_changed_cb), self, G_CONNECT_SWAPPED);
  update_title (self);
  _cd_window_update_actions (self);
}

static void
cd_window_class_init (CdWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cd_window_constructed;
  object_class->dispose = cd_window_dispose;
  object_class->finalize = cd_window_finalize;
  object_class->get_property = cd_window_get_property;
  object_class->set_property = cd_window_set_property;
  widget_class->map = cd_window_map;
  widget_class->size_allocate = cd_window_size_allocate;
  window_class->close_request = cd_window_close_request;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, CD_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
      g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * CdWindow:sync-engine:
   *
   * The engine the window syncs with and whose syncs it shows; when none
   * is given, the window makes one for its store.
   */
  properties[PROP_SYNC_ENGINE] =
      g_param_spec_object ("sync-engine", NULL, NULL, CD_TYPE_SYNC_ENGINE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
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
  g_type_ensure (CD_TYPE_PANE_BIN);
  g_type_ensure (CD_TYPE_SYNC_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, library);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, trash_toggle);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, editor_column);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, history_button);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, checks_toggle);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, sync_banner);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, sync_banner_label);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, read_only_banner_label);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, metadata);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, preview_bin);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, checks_revealer);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, checks_bin);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, sync_button);

  _cd_window_class_init_actions (klass);
  _cd_window_class_init_files (klass);
  _cd_window_class_init_images (klass);
  _cd_window_class_init_save (klass);
}

static void
cd_window_init (CdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cd_a11y_fix_names (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->session = g_key_file_new ();
  /* The first frame shows the panes the settings ask for; the first
   * allocation corrects that if the window is too narrow. */
  self->room_for_preview = TRUE;
  self->room_for_checks = TRUE;
  if (g_str_has_suffix (APPLICATION_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_object (self->library, "article-activated",
                           G_CALLBACK (library_activated_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->trash_toggle, "active", self->library, "trash-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->trash_toggle, "notify::active", G_CALLBACK (trash_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  /* Escape in any field of the details goes back to the body. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (shortcuts),
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                          gtk_named_action_new ("win.focus-body")));
    gtk_widget_add_controller (GTK_WIDGET (self->metadata), shortcuts);
  }
  /* F6 goes round the panes before any pane sees it: GtkPaned would take
   * it to move between its own two children only. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (shortcuts),
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0),
                          gtk_named_action_new ("win.cycle-panes")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  self->document_signals = g_signal_group_new (CD_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "saved", G_CALLBACK (document_saved_cb),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::dirty",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  self->article_signals = g_signal_group_new (CD_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::headline",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->article_signals, "notify::status",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
}

/**
 * cd_window_new:
 * @application: the application
 * @store: the article store
 * @settings: the application's settings
 * @sync_engine: (nullable): the engine to sync @store with, or %NULL for
 *   one of the window's own
 *
 * Returns: (transfer full): a new window with no article open
 */
CdWindow *
cd_window_new (GtkApplication *application,
               CdStore        *store,
               GSettings      *settings,
               CdSyncEngine   *sync_engine)
{
  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (sync_engine == NULL || CD_IS_SYNC_ENGINE (sync_engine), NULL);

  return g_object_new (CD_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "settings", settings,
                       "sync-engine", sync_engine,
                       NULL);
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
