/* cd-preview-print.c: printing the preview and writing it as a PDF, both
 * through WebKit's print operation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-preview-private.h"

static void
print_finished_cb (WebKitPrintOperation *operation,
                   gpointer              user_data)
{
  g_object_unref (operation);
}

static void
print_failed_cb (WebKitPrintOperation *operation,
                 GError               *error,
                 gpointer              user_data)
{
  g_assert (WEBKIT_IS_PRINT_OPERATION (operation));
  g_assert (error != NULL);

  g_warning ("Printing the preview failed: %s", error->message);
}

/**
 * cd_preview_print:
 * @self: a #CdPreview
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Shows the print dialog and prints the preview as the user chooses.
 */
void
cd_preview_print (CdPreview *self,
                  GtkWindow *parent)
{
  WebKitPrintOperation *operation;

  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  operation = webkit_print_operation_new (self->web_view);
  g_signal_connect (operation, "failed", G_CALLBACK (print_failed_cb), NULL);
  if (webkit_print_operation_run_dialog (operation, parent) == WEBKIT_PRINT_OPERATION_RESPONSE_PRINT)
    g_signal_connect (operation, "finished", G_CALLBACK (print_finished_cb), NULL);
  else
    g_object_unref (operation);
}

typedef struct
{
  WebKitPrintOperation *operation;
  GError               *error;
} ExportPdfData;

static void
export_pdf_data_free (ExportPdfData *data)
{
  g_clear_object (&data->operation);
  g_clear_error (&data->error);
  g_free (data);
}

static void
export_pdf_failed_cb (WebKitPrintOperation *operation,
                      GError               *error,
                      GTask                *task)
{
  ExportPdfData *data = g_task_get_task_data (task);

  g_assert (WEBKIT_IS_PRINT_OPERATION (operation));
  g_assert (error != NULL);
  g_assert (G_IS_TASK (task));

  if (data->error == NULL)
    data->error = g_error_new (CD_PREVIEW_ERROR, CD_PREVIEW_ERROR_PRINT_FAILED,
                               _ ("The PDF could not be written: %s"), error->message);
}

static void
export_pdf_finished_cb (WebKitPrintOperation *operation,
                        GTask                *task)
{
  ExportPdfData *data = g_task_get_task_data (task);

  g_assert (WEBKIT_IS_PRINT_OPERATION (operation));
  g_assert (G_IS_TASK (task));

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* The print backend's file printer, by the name GTK gives it in the current
 * language. */
static const char *
get_file_printer_name (void)
{
  return g_dgettext ("gtk40", "Print to File");
}

/**
 * cd_preview_export_pdf_async:
 * @self: a #CdPreview
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the PDF is written
 * @user_data: data for @callback
 *
 * Prints the preview to a PDF file through WebKit's print operation,
 * without a dialog, on paper of the locale's default size.
 */
void
cd_preview_export_pdf_async (CdPreview          *self,
                             GFile              *file,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GtkPrintSettings) settings = NULL;
  g_autoptr (GtkPageSetup) page_setup = NULL;
  g_autoptr (GtkPaperSize) paper = NULL;
  g_autofree char *uri = NULL;
  ExportPdfData   *data;

  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_preview_export_pdf_async);
  g_task_set_check_cancellable (task, TRUE);

  if (!self->loaded)
    {
      g_task_return_new_error (task, CD_PREVIEW_ERROR, CD_PREVIEW_ERROR_NOT_LOADED,
                               _ ("The preview has not finished loading; try again in a moment."));
      return;
    }

  uri = g_file_get_uri (file);
  settings = gtk_print_settings_new ();
  gtk_print_settings_set_printer (settings, get_file_printer_name ());
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);

  paper = gtk_paper_size_new (NULL);
  page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);

  data = g_new0 (ExportPdfData, 1);
  data->operation = webkit_print_operation_new (self->web_view);
  g_task_set_task_data (task, data, (GDestroyNotify) export_pdf_data_free);

  webkit_print_operation_set_print_settings (data->operation, settings);
  webkit_print_operation_set_page_setup (data->operation, page_setup);
  g_signal_connect (data->operation, "failed", G_CALLBACK (export_pdf_failed_cb), task);
  g_signal_connect (data->operation, "finished", G_CALLBACK (export_pdf_finished_cb),
                    g_object_ref (task));
  webkit_print_operation_print (data->operation);
}

/**
 * cd_preview_export_pdf_finish:
 * @self: a #CdPreview
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
cd_preview_export_pdf_finish (CdPreview    *self,
                              GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_preview_export_pdf_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
