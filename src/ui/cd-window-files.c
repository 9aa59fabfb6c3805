/* cd-window-files.c: files in and out of the window: Import… (several
 * files), files dropped on the library, files opened from the desktop or
 * the command line, and Export… as Markdown, HTML or NINJS.
 *
 * Every way in takes cd_import_into_store(), as the command line's import
 * does; the store announces each new article and the library lists it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cd-check.h"
#include "cd-export.h"
#include "cd-file-chooser.h"
#include "cd-import.h"
#include "cd-window-private.h"

/**
 * _cd_window_dup_language:
 *
 * Returns: (transfer full) (nullable): the newsroom language set in
 * Preferences, which new and imported articles that name none are given
 */
char *
_cd_window_dup_language (CdWindow *self)
{
  g_autofree char *dir = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (self->store == NULL)
    return NULL;
  dir = g_path_get_dirname (cd_store_get_path (self->store));
  return cd_check_read_language (dir);
}

/**
 * cd_window_import_files:
 * @files: (array length=n_files): the files to import
 * @n_files: how many
 *
 * Imports each file as new articles (one, or a feed's stories) and opens
 * the last file's first. A file that cannot be imported is named in a
 * toast; the others still are.
 *
 * Returns: how many articles were imported
 */
guint
cd_window_import_files (CdWindow     *self,
                        GFile *const *files,
                        guint         n_files)
{
  g_autoptr (CdArticle) last = NULL;
  g_autoptr (GError) open_error = NULL;
  g_autofree char *language = NULL;
  guint            imported = 0;

  g_return_val_if_fail (CD_IS_WINDOW (self), 0);
  g_return_val_if_fail (files != NULL || n_files == 0, 0);

  language = _cd_window_dup_language (self);

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_file_get_path (files[i]);
      g_autoptr (GPtrArray) articles = NULL;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _ ("Cannot import “%s”: only local files can be imported."), uri);
          _cd_window_toast_error (self, error);
          continue;
        }
      if ((articles = cd_import_into_store (self->store, path, language, &error)) == NULL)
        {
          _cd_window_toast_error (self, error);
          continue;
        }
      /* A feed's first story, as the file lists them. */
      g_set_object (&last, g_ptr_array_index (articles, 0));
      imported += articles->len;
    }
  if (last != NULL && !cd_window_open_article (self, cd_article_get_uuid (last), &open_error))
    _cd_window_toast_error (self, open_error);
  if (imported > 1)
    {
      /* Translators: a toast after files were imported; %u is how many (2 or more) */
      g_autofree char *title =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article imported",
                                        "%u articles imported", imported),
                           imported);

      cd_window_add_toast (self, _cd_toast_new (title));
    }
  return imported;
}

static void
import_chosen_cb (gpointer        owner,
                  GtkFileChooser *chooser,
                  GFile          *file)
{
  g_autoptr (GListModel) chosen = gtk_file_chooser_get_files (chooser);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));
  cd_window_import_files (CD_WINDOW (owner), (GFile *const *) files->pdata, files->len);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  CdWindow             *self = CD_WINDOW (widget);
  GtkFileChooserNative *chooser;
  const char           *all[] = { "text/markdown", "text/plain", "text/html", "application/xml", "text/xml", "application/json", "message/rfc822", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.oasis.opendocument.text", "application/rss+xml", "application/atom+xml", "application/rtf", "text/rtf", "application/vnd.ms-outlook", "application/pdf", NULL };
  const char           *all_patterns[] = { "*.md", "*.markdown", "*.txt", "*.html", "*.htm", "*.xml", "*.nitf", "*.json", "*.eml", "*.mbox", "*.docx", "*.odt", "*.rss", "*.atom", "*.rtf", "*.doc", "*.msg", "*.pdf", NULL };
  const char           *any_pattern[] = { "*", NULL };

  g_assert (CD_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_ ("Import Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  cd_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                              _ ("Articles (Markdown, wire copy, HTML, NITF, NewsML, ninjs, feeds, email, documents)"), all, all_patterns);
  /* A wire capture's files often have no extension; Copydesk tells a
   * feed's message by its envelope. */
  cd_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _ ("All Files"), NULL, any_pattern);
  cd_file_chooser_run (chooser, self, import_chosen_cb);
}

/* The export formats, in the order the chooser offers them. */
static const struct
{
  CdExportFormat format;
  const char    *extension;
  const char    *mime_type;
  const char    *name; /* translated at use */
} export_formats[] = {
  {CD_EXPORT_FORMAT_MARKDOWN, "md",   "text/markdown",    N_ ("Markdown")           },
  { CD_EXPORT_FORMAT_HTML,    "html", "text/html",        N_ ("Web page (HTML)")    },
  { CD_EXPORT_FORMAT_NINJS,   "json", "application/json", N_ ("News agency (NINJS)")},
};

/* The format the chosen filter names, else the one the file's extension
 * names, else Markdown. */
static guint
export_format_index (GtkFileChooser *chooser,
                     GFile          *file)
{
  GtkFileFilter   *filter = gtk_file_chooser_get_filter (chooser);
  g_autofree char *base = g_file_get_basename (file);
  const char      *dot = base != NULL ? strrchr (base, '.') : NULL;

  g_assert (GTK_IS_FILE_CHOOSER (chooser));
  g_assert (G_IS_FILE (file));

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (export_formats); i++)
    if (g_ascii_strcasecmp (dot + 1, export_formats[i].extension) == 0)
      return i;
  for (guint i = 0; filter != NULL && i < G_N_ELEMENTS (export_formats); i++)
    if (g_strcmp0 (gtk_file_filter_get_name (filter), _ (export_formats[i].name)) == 0)
      return i;
  return 0;
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr (CdWindow) self = data;
  g_autoptr (GError) error = NULL;

  g_assert (G_IS_FILE (object));
  g_assert (G_IS_ASYNC_RESULT (result));

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (object));
      g_autoptr (GError) named = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_set_error (&named, error->domain, error->code, _ ("Could not export to “%s”: %s"), name,
                   error->message);
      _cd_window_toast_error (self, named);
      return;
    }
  cd_window_add_toast (self, _cd_toast_new (_ ("Article exported")));
}

static void
export_chosen_cb (gpointer        owner,
                  GtkFileChooser *chooser,
                  GFile          *file)
{
  CdWindow *self = CD_WINDOW (owner);
  g_autoptr (GBytes) bytes = NULL;
  char         *text;
  guint         index;
  CdImageSource images;

  if (self->document == NULL)
    return;
  index = export_format_index (chooser, file);
  cd_store_get_image_source (self->store, &images);
  text = cd_export_article_with_images (cd_document_get_article (self->document),
                                        export_formats[index].format, &images);
  bytes = g_bytes_new_take (text, strlen (text));
  /* Written to a temporary file and renamed, so a failure leaves any
   * earlier file whole. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       self->cancellable, export_written_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  CdWindow             *self = CD_WINDOW (widget);
  GtkFileChooserNative *chooser;

  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_ ("Export Article"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      const char      *mime_types[] = { export_formats[i].mime_type, NULL };
      g_autofree char *pattern = g_strdup_printf ("*.%s", export_formats[i].extension);
      const char      *patterns[] = { pattern, NULL };

      cd_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _ (export_formats[i].name),
                                  mime_types, patterns);
    }
  cd_file_chooser_suggest_name (GTK_FILE_CHOOSER (chooser),
                                cd_document_get_article (self->document), "md");
  cd_file_chooser_run (chooser, self, export_chosen_cb);
}

/* Files dropped on the library are imported like Import… imports them. */
static gboolean
library_drop_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 CdWindow      *self)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new ();
  GdkFileList *list;
  g_autoptr (GSList) items = NULL;

  g_assert (GTK_IS_DROP_TARGET (target));
  g_assert (CD_IS_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  items = gdk_file_list_get_files (list);
  for (GSList *l = items; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  return cd_window_import_files (self, (GFile *const *) files->pdata, files->len) > 0;
}

void
_cd_window_setup_files (CdWindow *self)
{
  GtkDropTarget *target;

  g_assert (CD_IS_WINDOW (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (library_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->library), GTK_EVENT_CONTROLLER (target));
}

void
_cd_window_class_init_files (CdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_assert (klass != NULL);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
}
