/* cd-window-save.c: what the window says about saving the open article.
 *
 * The document autosaves on its own; the window shows what comes of it.
 * When another writer's change was merged in and both had changed the same
 * text, a toast names the article and says where their version went. When
 * a write fails (a full disk, a broken file), the subtitle says so in one
 * sentence, a banner offers to retry or to save the text elsewhere as a
 * file, and closing the window (or quitting) asks first instead of losing
 * the text: retry, save as a file, quit anyway, or keep editing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cd-article-row.h"
#include "cd-export.h"
#include "cd-file-chooser.h"
#include "cd-window-private.h"

static const char *
headline_or_untitled (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));
  g_assert (self->document != NULL);

  return cd_article_row_headline_label (cd_document_get_article (self->document));
}

static void
document_merged_cb (CdWindow *self,
                    gboolean  kept_both)
{
  g_autofree char *message = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (!kept_both || self->document == NULL)
    return;
  message = g_strdup_printf (_ ("“%s” was also changed elsewhere in the same place; your text "
                                "was kept and the other version is in History."),
                             headline_or_untitled (self));
  cd_window_add_toast (self, _cd_toast_new (message));
}

/* The banner follows the open document's last write. */
static void
update_save_banner (CdWindow *self)
{
  const GError *error = self->document != NULL ? cd_document_get_error (self->document) : NULL;

  g_assert (CD_IS_WINDOW (self));

  if (error != NULL)
    gtk_label_set_label (self->save_banner_label, error->message);
  gtk_revealer_set_reveal_child (self->save_banner, error != NULL);
}

static void
document_error_cb (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  _cd_window_update_title (self);
  update_save_banner (self);
}

static void
retry_save_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  CdWindow *self = CD_WINDOW (widget);

  g_assert (CD_IS_WINDOW (self));

  if (self->document != NULL)
    cd_document_save_now (self->document);
}

typedef struct
{
  CdWindow *window;
  gboolean  close;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_assert (data != NULL);

  g_object_unref (data->window);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (ExportData) data = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  g_assert (G_IS_FILE (object));

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *path = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      path = g_file_get_parse_name (G_FILE (object));

      message = g_strdup_printf (_ ("Could not save a copy as “%s”: %s"), path, error->message);
      cd_window_add_toast (data->window, _cd_toast_new (message));
      return;
    }
  name = g_file_get_basename (G_FILE (object));
  message = g_strdup_printf (_ ("Saved a copy as “%s”"), name);
  cd_window_add_toast (data->window, _cd_toast_new (message));
  if (data->close)
    {
      data->window->close_anyway = TRUE;
      gtk_window_close (GTK_WINDOW (data->window));
    }
}

/* Writes the open article to @file as Markdown; with @close the window
 * closes once it is written. */
static void
save_copy (CdWindow *self,
           GFile    *file,
           gboolean  close)
{
  g_autoptr (GBytes) bytes = NULL;
  ExportData *data;
  char       *text;

  g_assert (CD_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  if (self->document == NULL)
    return;
  text = cd_export_markdown (cd_document_get_article (self->document));
  bytes = g_bytes_new_take (text, strlen (text));
  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  data->close = close;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       self->cancellable, export_written_cb, data);
}

static void
copy_chosen_cb (gpointer        owner,
                GtkFileChooser *chooser,
                GFile          *file)
{
  save_copy (CD_WINDOW (owner), file, FALSE);
}

static void
copy_chosen_then_close_cb (gpointer        owner,
                           GtkFileChooser *chooser,
                           GFile          *file)
{
  save_copy (CD_WINDOW (owner), file, TRUE);
}

/* Asks where to save the open article as a Markdown file; with @close the
 * window closes once it is written. */
static void
save_as_file (CdWindow *self,
              gboolean  close)
{
  GtkFileChooserNative *chooser;

  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_ ("Save a Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), NULL);
  cd_file_chooser_suggest_name (GTK_FILE_CHOOSER (chooser),
                                cd_document_get_article (self->document), "md");
  cd_file_chooser_run (chooser, self, close ? copy_chosen_then_close_cb : copy_chosen_cb);
}

static void
save_as_file_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  g_assert (CD_IS_WINDOW (widget));

  save_as_file (CD_WINDOW (widget), FALSE);
}

/* Closing waits until the dialog, which belongs to the window, has
 * finished its response. */
static gboolean
close_window_cb (gpointer data)
{
  g_assert (CD_IS_WINDOW (data));

  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CdWindow         *self)
{
  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (CD_IS_WINDOW (self));

  if (g_str_equal (response, "save-as"))
    {
      save_as_file (self, TRUE);
      return;
    }
  if (g_str_equal (response, "quit"))
    self->close_anyway = TRUE;
  else if (!g_str_equal (response, "retry"))
    return;
  /* Closing again saves again, and asks again if that fails too. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_window_cb, g_object_ref (self), g_object_unref);
}

/**
 * _cd_window_may_close:
 *
 * Writes the open article before the window closes. When the write
 * fails, asks what to do instead of losing the text.
 *
 * Returns: %TRUE when the window may close now
 */
gboolean
_cd_window_may_close (CdWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char  *body = NULL;
  AdwMessageDialog *dialog;

  g_assert (CD_IS_WINDOW (self));

  if (self->close_anyway || cd_window_flush (self, &error))
    return TRUE;

  /* Translators: the first %s is a headline, the second why it could not be saved */
  body = g_strdup_printf (_ ("“%s” is not saved. %s"), headline_or_untitled (self),
                          error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _ ("Save the Article First?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Keep Editing"), "quit",
                                    _ ("_Quit Without Saving"), "save-as", _ ("Save _As File…"),
                                    "retry", _ ("_Retry"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "quit", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/**
 * _cd_window_may_leave_article:
 *
 * Before another article replaces the open one: writes what is unsaved
 * (closing the document would wait for that write anyway) and refuses
 * while the write fails, since closing it would drop the text.
 *
 * Returns: %TRUE when the open article is saved or has nothing unsaved
 */
gboolean
_cd_window_may_leave_article (CdWindow *self,
                              GError  **error)
{
  g_autoptr (GError) local_error = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL || !cd_document_get_dirty (self->document) ||
      cd_document_flush (self->document, &local_error))
    return TRUE;
  g_set_error (error, local_error->domain, local_error->code,
               _ ("“%s” stays open because it could not be saved; retry, or save it as a file."),
               headline_or_untitled (self));
  return FALSE;
}

void
_cd_window_class_init_save (CdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, CdWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, CdWindow, save_banner_label);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as-file", NULL, save_as_file_action);
}

void
_cd_window_setup_save (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  g_signal_group_connect_object (self->document_signals, "merged",
                                 G_CALLBACK (document_merged_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::error",
                                 G_CALLBACK (document_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::document", G_CALLBACK (update_save_banner), NULL);
}
