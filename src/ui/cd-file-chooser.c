/* cd-file-chooser.c: one way to ask for a file and act on it.
 *
 * Every chooser in the window (import, export, PDF, a copy of unsaved
 * text, a picture) is modal, is dropped once answered, and hands the file
 * chosen to a function of the widget that asked, unless that widget is
 * gone by then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-file-chooser.h"

typedef struct
{
  GWeakRef         owner;
  CdFileChosenFunc func;
} Run;

/**
 * cd_file_chooser_add_filter:
 * @name: the filter's name, as the chooser shows it
 * @mime_types: (nullable) (array zero-terminated=1): the types it shows
 * @patterns: (nullable) (array zero-terminated=1): the file names it shows
 *
 * Returns: (transfer none): the filter added to @chooser
 */
GtkFileFilter *
cd_file_chooser_add_filter (GtkFileChooser    *chooser,
                            const char        *name,
                            const char *const *mime_types,
                            const char *const *patterns)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  /* The chooser keeps its own reference. */
  gtk_file_chooser_add_filter (chooser, filter);
  return filter;
}

/**
 * cd_file_chooser_suggest_name:
 * @article: the article to be saved
 * @extension: the file name's extension, without the dot
 *
 * Offers @article's slug as the file's name, or "article" when it has none.
 */
void
cd_file_chooser_suggest_name (GtkFileChooser *chooser,
                              CdArticle      *article,
                              const char     *extension)
{
  const char      *slug;
  g_autofree char *file_name = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  g_return_if_fail (CD_IS_ARTICLE (article));
  g_return_if_fail (extension != NULL);

  slug = cd_article_get_slug (article);
  file_name = g_strdup_printf ("%s.%s", slug != NULL && *slug ? slug : _ ("article"), extension);
  gtk_file_chooser_set_current_name (chooser, file_name);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Run             *run)
{
  g_autoptr (GObject) owner = g_weak_ref_get (&run->owner);
  g_autoptr (GFile) file = NULL;

  g_assert (GTK_IS_NATIVE_DIALOG (chooser));
  g_assert (run != NULL);

  if (owner != NULL && response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    run->func (owner, GTK_FILE_CHOOSER (chooser), file);
  g_weak_ref_clear (&run->owner);
  g_free (run);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * cd_file_chooser_run:
 * @chooser: (transfer full): a new chooser
 * @owner: the object that asks; nothing is called once it is gone
 * @func: called with @owner and the file when one is chosen
 *
 * Shows @chooser, modal, and drops it once it is answered.
 */
void
cd_file_chooser_run (GtkFileChooserNative *chooser,
                     gpointer              owner,
                     CdFileChosenFunc      func)
{
  Run *run;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (func != NULL);

  run = g_new0 (Run, 1);
  g_weak_ref_init (&run->owner, owner);
  run->func = func;
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), run);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
