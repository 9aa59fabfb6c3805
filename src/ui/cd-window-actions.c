/* cd-window-actions.c: the window's actions.
 *
 * Articles: new, duplicate, trash with undo, restore from the trash, empty
 * the trash. The open article: save a version, history, find and replace,
 * print and PDF. View: preview, checks and details follow GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-article-row.h"
#include "cd-file-chooser.h"
#include "cd-history.h"
#include "cd-window-private.h"

static CdArticle *
current_article (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  return self->document ? cd_document_get_article (self->document) : NULL;
}

/* A failure stays on screen until the person dismisses it. */
void
_cd_window_toast_error (CdWindow     *self,
                        const GError *error)
{
  AdwToast *toast = _cd_toast_new (error->message);

  g_assert (CD_IS_WINDOW (self));

  adw_toast_set_timeout (toast, 0);
  cd_window_add_toast (self, toast);
}

/**
 * _cd_window_update_actions:
 *
 * The one place that decides which actions can run: those on the open
 * article need one, and resolving the open article's conflict needs it to
 * be in conflict. Called when the open article changes and when the sync
 * states do.
 */
void
_cd_window_update_actions (CdWindow *self)
{
  gboolean                 open = self->document != NULL;
  GAction                 *resolve_open;
  static const char *const article_actions[] = {
    "win.duplicate-article",
    "win.trash-article",
    "win.save-version",
    "win.history",
    "win.find",
    "win.replace",
    "win.print",
    "win.export-pdf",
    "win.export",
    "win.insert-image",
  };

  g_assert (CD_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (article_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), article_actions[i], open);

  _cd_window_update_publish (self);

  resolve_open = g_action_map_lookup_action (G_ACTION_MAP (self), "resolve-open-conflict");
  if (resolve_open != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (resolve_open),
                                 open && _cd_window_open_article_in_conflict (self));
  _cd_window_update_read_only (self);
}

/* A new article, created now, goes into the store and opens. */
static gboolean
save_and_open (CdWindow  *self,
               CdArticle *article,
               gboolean   focus_headline)
{
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_WINDOW (self));
  g_assert (CD_IS_ARTICLE (article));

  cd_article_touch (article);
  cd_article_set_created (article, cd_article_get_modified (article));
  if (!cd_store_save_article (self->store, article, CD_REVISION_NONE, NULL, &error) ||
      !cd_window_open_article (self, cd_article_get_uuid (article), &error))
    {
      _cd_window_toast_error (self, error);
      return FALSE;
    }
  if (focus_headline)
    cd_metadata_focus_headline (self->metadata);
  return TRUE;
}

static void
new_article_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  CdWindow *self = CD_WINDOW (widget);
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autofree char *language = NULL;

  g_assert (CD_IS_WINDOW (self));

  if ((language = _cd_window_dup_language (self)) != NULL)
    cd_article_set_language (article, language);
  gtk_toggle_button_set_active (self->trash_toggle, FALSE);
  save_and_open (self, article, TRUE);
}

static void
duplicate_article_action (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  CdWindow  *self = CD_WINDOW (widget);
  CdArticle *current = current_article (self);
  g_autoptr (CdArticle) copy = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *headline = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (current == NULL)
    return;

  copy = cd_article_copy (current);
  cd_article_set_uuid (copy, uuid);
  /* Translators: the headline of a duplicated article */
  headline = g_strdup_printf (_ ("%s (Copy)"), cd_article_get_headline (current) ?: "");
  cd_article_set_headline (copy, headline);
  cd_article_set_slug (copy, NULL);
  cd_article_set_status (copy, CD_ARTICLE_STATUS_DRAFT);
  save_and_open (self, copy, FALSE);
}

static void
trash_article_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  CdWindow  *self = CD_WINDOW (widget);
  CdArticle *current = current_article (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *title = NULL;
  AdwToast        *toast;

  g_assert (CD_IS_WINDOW (self));

  if (current == NULL)
    return;

  uuid = g_strdup (cd_article_get_uuid (current));
  headline = g_strdup (cd_article_row_headline_label (current));
  if (!cd_window_flush (self, &error) || !cd_store_trash_article (self->store, uuid, &error))
    {
      _cd_window_toast_error (self, error);
      return;
    }
  cd_window_close_article (self);

  /* Translators: a toast after an article went to the trash */
  title = g_strdup_printf (_ ("“%s” moved to the trash"), headline);
  toast = _cd_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_action_name (toast, "win.untrash-article");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uuid));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  cd_window_add_toast (self, toast);
}

static void
untrash_article_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  CdWindow   *self = CD_WINDOW (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (!cd_store_untrash_article (self->store, uuid, &error) ||
      !cd_window_open_article (self, uuid, &error))
    {
      _cd_window_toast_error (self, error);
      return;
    }
}

static void
restore_article_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  CdWindow   *self = CD_WINDOW (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *title = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (!cd_store_untrash_article (self->store, uuid, &error) ||
      (article = cd_store_get_article (self->store, uuid, &error)) == NULL)
    {
      _cd_window_toast_error (self, error);
      return;
    }
  headline = g_strdup (cd_article_row_headline_label (article));
  /* Translators: a toast after an article came back from the trash */
  title = g_strdup_printf (_ ("“%s” restored"), headline);
  cd_window_add_toast (self, _cd_toast_new (title));
}

static void
empty_trash_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         CdWindow         *self)
{
  g_autoptr (GError) error = NULL;

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (CD_IS_WINDOW (self));

  if (!g_str_equal (response, "empty"))
    return;
  if (cd_store_empty_trash (self->store, &error) == 0 && error != NULL)
    _cd_window_toast_error (self, error);
}

static void
empty_trash_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  CdWindow  *self = CD_WINDOW (widget);
  GtkWidget *dialog;

  g_assert (CD_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Empty the Trash?"),
                                   _ ("The articles in the trash and their history will be "
                                      "deleted for good."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _ ("_Cancel"),
                                    "empty", _ ("_Empty Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "empty",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (empty_trash_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_version_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CdWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "cd-name-entry");

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (CD_IS_WINDOW (self));

  if (!g_str_equal (response, "save") || self->document == NULL)
    return;
  cd_document_save_version (self->document, CD_REVISION_NAMED, gtk_editable_get_text (entry));
  cd_window_add_toast (self, _cd_toast_new (_ ("Version saved")));
}

static void
save_version_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  CdWindow  *self = CD_WINDOW (widget);
  GtkWidget *dialog, *entry;

  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Save Version"),
                                   _ ("A named version is easy to find in History."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Name (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Version name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "cd-name-entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _ ("_Cancel"),
                                    "save", _ ("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_version_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
history_restore_cb (CdWindow *self,
                    gint64    revision_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) restored = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  /* The text being replaced becomes a checkpoint first, so nothing is lost. */
  cd_document_save_version (self->document, CD_REVISION_CHECKPOINT, NULL);
  if (!cd_window_flush (self, &error))
    {
      _cd_window_toast_error (self, error);
      return;
    }
  cd_window_close_article (self);
  restored = cd_store_restore_revision (self->store, revision_id, &error);
  if (restored == NULL)
    {
      _cd_window_toast_error (self, error);
      return;
    }
  _cd_window_show_article (self, restored);
  cd_window_add_toast (self, _cd_toast_new (_ ("Revision restored")));
}

static void
history_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  CdWindow *self = CD_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  CdHistory *history;

  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  /* History reads revisions from the database; pending edits go first. */
  if (!cd_window_flush (self, &error))
    g_warning ("Could not save before showing history: %s", error->message);

  history = cd_history_new (GTK_WINDOW (self), self->store, current_article (self));
  g_signal_connect_object (history, "restore", G_CALLBACK (history_restore_cb), self,
                           G_CONNECT_SWAPPED);
  self->history = GTK_WINDOW (history);
  g_object_add_weak_pointer (G_OBJECT (history), (gpointer *) &self->history);
  gtk_window_present (GTK_WINDOW (history));
}

static void
find_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CdWindow *self = CD_WINDOW (widget);

  g_assert (CD_IS_WINDOW (self));

  cd_editor_show_search (self->editor, g_str_equal (name, "win.replace"));
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  CdWindow *self = CD_WINDOW (widget);

  g_assert (CD_IS_WINDOW (self));

  if (self->document != NULL && self->preview != NULL)
    cd_preview_print (self->preview, GTK_WINDOW (self));
}

static void
export_pdf_ready_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr (CdWindow) self = data;
  g_autoptr (GError) error = NULL;

  g_assert (G_IS_OBJECT (object));
  g_assert (G_IS_ASYNC_RESULT (result));

  if (!cd_preview_export_pdf_finish (CD_PREVIEW (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _cd_window_toast_error (self, error);
      return;
    }
  cd_window_add_toast (self, _cd_toast_new (_ ("PDF exported")));
}

static void
export_pdf_chosen_cb (gpointer        owner,
                      GtkFileChooser *chooser,
                      GFile          *file)
{
  CdWindow *self = CD_WINDOW (owner);

  if (self->preview != NULL)
    cd_preview_export_pdf_async (self->preview, file, self->cancellable, export_pdf_ready_cb,
                                 g_object_ref (self));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  CdWindow             *self = CD_WINDOW (widget);
  CdArticle            *article = current_article (self);
  GtkFileChooserNative *chooser;
  const char           *types[] = { "application/pdf", NULL };

  g_assert (CD_IS_WINDOW (self));

  if (article == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_ ("Export PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), NULL);
  cd_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _ ("PDF documents"), types, NULL);
  cd_file_chooser_suggest_name (GTK_FILE_CHOOSER (chooser), article, "pdf");
  cd_file_chooser_run (chooser, self, export_pdf_chosen_cb);
}

static void
show_library (CdWindow *self,
              gboolean  search)
{
  g_assert (CD_IS_WINDOW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  if (search)
    cd_library_focus_search (self->library);
  else
    cd_library_focus_list (self->library);
}

/* win.show-library, and win.focus-search for the library's search. */
static void
show_library_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  CdWindow *self = CD_WINDOW (widget);

  g_assert (CD_IS_WINDOW (self));

  show_library (self, g_str_equal (name, "win.focus-search"));
}

static void
focus_body (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (cd_editor_get_view (self->editor)));
}

/* Escape in a field of the details goes back to the body, where the
 * writing is. */
static void
focus_body_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  CdWindow *self = CD_WINDOW (widget);

  g_assert (CD_IS_WINDOW (self));

  if (self->document != NULL)
    focus_body (self);
}

/* F6 moves between the panes as GNOME apps do: the library, the details,
 * the body, and round again. Without an open article only the library
 * takes focus. */
static void
cycle_panes_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  CdWindow  *self = CD_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL)
    {
      show_library (self, FALSE);
      return;
    }
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->library)))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      cd_metadata_focus_headline (self->metadata);
    }
  else if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->metadata)))
    focus_body (self);
  else
    show_library (self, FALSE);
}

static void
open_article_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  CdWindow *self = CD_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (!cd_window_open_article (self, g_variant_get_string (param, NULL), &error))
    _cd_window_toast_error (self, error);
}

void
_cd_window_class_init_actions (CdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-article", NULL, new_article_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-article", NULL,
                                   duplicate_article_action);
  gtk_widget_class_install_action (widget_class, "win.trash-article", NULL, trash_article_action);
  gtk_widget_class_install_action (widget_class, "win.untrash-article", "s",
                                   untrash_article_action);
  gtk_widget_class_install_action (widget_class, "win.restore-article", "s",
                                   restore_article_action);
  gtk_widget_class_install_action (widget_class, "win.empty-trash", NULL, empty_trash_action);
  gtk_widget_class_install_action (widget_class, "win.open-article", "s", open_article_action);
  gtk_widget_class_install_action (widget_class, "win.save-version", NULL, save_version_action);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.replace", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.focus-body", NULL, focus_body_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-panes", NULL, cycle_panes_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, _cd_window_publish_action);
  gtk_widget_class_install_action (widget_class, "win.add-correction", NULL,
                                   _cd_window_add_correction_action);
}

/* Toggles that are settings: the preview (F9), the checks pane (F7) and the
 * details above the body. */
static const char *const settings_keys[] = { "show-preview", "show-checks", "show-details" };

void
_cd_window_add_settings_actions (CdWindow *self)
{
  const char *const *keys = settings_keys;

  for (guint i = 0; i < G_N_ELEMENTS (settings_keys); i++)
    {
      g_autoptr (GAction) action = g_settings_create_action (self->settings, keys[i]);

      g_action_map_add_action (G_ACTION_MAP (self), action);
    }
}

/* A settings action lives as long as its GSettings and keeps a handler on
 * the window's action group; removing it drops that handler before the
 * window goes. */
void
_cd_window_remove_settings_actions (CdWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (settings_keys); i++)
    g_action_map_remove_action (G_ACTION_MAP (self), settings_keys[i]);
}
