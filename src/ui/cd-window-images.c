/* cd-window-images.c: pictures into the body: Insert Image… (the button
 * at the foot of the body, the primary and article menus, Ctrl+Alt+I)
 * through the file chooser portal, image files dropped on the body, and
 * an image pasted from the clipboard.
 *
 * Each way stores the bytes with the store on a worker thread
 * (cd-image-import.c), then places an ```image fence on lines of its own
 * where the cursor was, or where the files were dropped, and opens the
 * image's popover so the alt text is typed at once. A file the store
 * refuses (not a picture, too big) is a toast with the store's sentence,
 * and the body stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-file-chooser.h"
#include "cd-image-import.h"
#include "cd-image-ref.h"
#include "cd-window-private.h"

/* One insertion of one or more pictures, in order, at one place. */
typedef struct
{
  GWeakRef     window;
  CdArticle   *article; /* the article they go into */
  GtkTextMark *mark;    /* where they go */
  GQueue       files;   /* GFile, still to store */
  GdkTexture  *texture; /* or a pasted picture */
} Insertion;

static void
insertion_free (Insertion *insertion)
{
  g_weak_ref_clear (&insertion->window);
  g_clear_object (&insertion->article);
  if (insertion->mark != NULL && gtk_text_mark_get_buffer (insertion->mark) != NULL)
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (insertion->mark), insertion->mark);
  g_clear_object (&insertion->mark);
  g_queue_clear_full (&insertion->files, g_object_unref);
  g_clear_object (&insertion->texture);
  g_free (insertion);
}

static GtkTextView *
body_view (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  return GTK_TEXT_VIEW (cd_editor_get_view (self->editor));
}

/* Starts an insertion into the open article at @where, or at the cursor
 * when @where is NULL. */
static Insertion *
insertion_new (CdWindow          *self,
               const GtkTextIter *where)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (body_view (self));
  Insertion     *insertion = g_new0 (Insertion, 1);
  GtkTextIter    iter;

  g_assert (CD_IS_WINDOW (self));

  g_weak_ref_init (&insertion->window, self);
  insertion->article = g_object_ref (cd_document_get_article (self->document));
  if (where != NULL)
    iter = *where;
  else
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  /* Text typed at that place meanwhile goes after the picture. */
  insertion->mark = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE));
  return insertion;
}

static void insertion_next (Insertion *insertion);

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Insertion *insertion = user_data;
  g_autoptr (CdImageInfo) info = NULL;
  g_autoptr (CdWindow) self = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fence = NULL;
  GtkTextBuffer   *buffer;
  GtkTextIter      iter;

  g_assert (G_IS_TASK (result));
  g_assert (insertion != NULL);

  info = cd_image_import_finish (result, &error);
  self = g_weak_ref_get (&insertion->window);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      insertion_free (insertion);
      return;
    }
  if (info == NULL)
    {
      _cd_window_toast_error (self, error);
      insertion_next (insertion);
      return;
    }
  /* Another article opened meanwhile: the picture is stored, and placed
   * nowhere rather than in the wrong story. */
  if (self->document == NULL || cd_document_get_article (self->document) != insertion->article ||
      gtk_text_mark_get_deleted (insertion->mark))
    {
      insertion_free (insertion);
      return;
    }

  buffer = gtk_text_mark_get_buffer (insertion->mark);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, insertion->mark);
  gtk_text_buffer_place_cursor (buffer, &iter);
  fence = cd_image_ref_to_fence (cd_image_info_get_id (info), "", NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (body_view (self)));
  cd_editor_blocks_insert_image (cd_editor_get_blocks (self->editor), fence);
  /* The next picture goes after this one. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_move_mark (buffer, insertion->mark, &iter);
  insertion_next (insertion);
}

static void
insertion_next (Insertion *insertion)
{
  g_autoptr (CdWindow) self = g_weak_ref_get (&insertion->window);
  g_autoptr (GFile) file = NULL;

  g_assert (insertion != NULL);

  if (self == NULL)
    {
      insertion_free (insertion);
      return;
    }
  if (insertion->texture != NULL)
    {
      g_autoptr (GdkTexture) texture = g_steal_pointer (&insertion->texture);

      cd_image_import_texture_async (self->store, texture, self->cancellable, import_cb,
                                     insertion);
      return;
    }
  if ((file = g_queue_pop_head (&insertion->files)) == NULL)
    {
      insertion_free (insertion);
      return;
    }
  cd_image_import_file_async (self->store, file, self->cancellable, import_cb, insertion);
}

/**
 * cd_window_insert_image_file:
 * @file: a picture
 *
 * Stores @file and places it in the open article's body at the cursor, as
 * Insert Image… does with the chosen file; a file the store refuses is
 * named in a toast.
 */
void
cd_window_insert_image_file (CdWindow *self,
                             GFile    *file)
{
  Insertion *insertion;

  g_return_if_fail (CD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;
  insertion = insertion_new (self, NULL);
  g_queue_push_tail (&insertion->files, g_object_ref (file));
  insertion_next (insertion);
}

static void
image_chosen_cb (gpointer        owner,
                 GtkFileChooser *chooser,
                 GFile          *file)
{
  cd_window_insert_image_file (CD_WINDOW (owner), file);
}

static void
insert_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CdWindow             *self = CD_WINDOW (widget);
  GtkFileChooserNative *chooser;

  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return;
  chooser = cd_image_chooser_new (GTK_WINDOW (self), _ ("Insert Image"));
  cd_file_chooser_run (chooser, self, image_chosen_cb);
}

/* Files dropped on the body go where they were dropped, in order. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CdWindow      *self)
{
  GtkTextView *view = body_view (self);
  Insertion   *insertion;
  GtkTextIter  iter;
  GSList      *files = NULL;
  int          bx, by;

  g_assert (GTK_IS_DROP_TARGET (target));
  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL)
    return FALSE;
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = g_value_get_boxed (value);
  else if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || g_value_get_object (value) == NULL)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_location (view, &iter, bx, by);
  insertion = insertion_new (self, &iter);
  if (files == NULL)
    g_queue_push_tail (&insertion->files, g_value_dup_object (value));
  for (GSList *l = files; l != NULL; l = l->next)
    g_queue_push_tail (&insertion->files, g_object_ref (l->data));
  insertion_next (insertion);
  return TRUE;
}

static void
read_texture_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Insertion *insertion = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWindow) self = NULL;

  g_assert (GDK_IS_CLIPBOARD (object));
  g_assert (insertion != NULL);

  insertion->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  self = g_weak_ref_get (&insertion->window);
  if (insertion->texture == NULL && self != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autoptr (GError) sentence =
          g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                       _ ("The picture on the clipboard could not be read: %s"), error->message);

      _cd_window_toast_error (self, sentence);
    }
  insertion_next (insertion);
}

/* A picture on the clipboard, with no text beside it, is pasted as an
 * image; anything else is GTK's paste. */
static void
paste_clipboard_cb (GtkTextView *view,
                    CdWindow    *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autoptr (GdkContentFormats) formats = NULL;

  g_assert (GTK_IS_TEXT_VIEW (view));
  g_assert (CD_IS_WINDOW (self));

  if (self->document == NULL || !gtk_text_view_get_editable (view))
    return;
  formats = gdk_content_formats_union_deserialize_gtypes (
      gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  if (!gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) ||
      gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    return;
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_texture_async (clipboard, self->cancellable, read_texture_cb,
                                    insertion_new (self, NULL));
}

static void
featured_error_cb (CdWindow   *self,
                   const char *message)
{
  g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);

  g_assert (CD_IS_WINDOW (self));

  _cd_window_toast_error (self, error);
}

void
_cd_window_setup_images (CdWindow *self)
{
  CdFeaturedImage *featured = cd_metadata_get_featured_image (self->metadata);
  GtkDropTarget   *target;
  GType            types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  g_assert (CD_IS_WINDOW (self));

  cd_featured_image_set_store (featured, self->store);
  g_signal_connect_object (featured, "error", G_CALLBACK (featured_error_cb), self,
                           G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  /* Before the text view's own target, which would take a file list's
   * text form as text to paste. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (target), "cd-image-drop");
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (body_view (self)), GTK_EVENT_CONTROLLER (target));
  g_signal_connect_object (body_view (self), "paste-clipboard", G_CALLBACK (paste_clipboard_cb),
                           self, 0);
}

void
_cd_window_class_init_images (CdWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.insert-image", NULL,
                                   insert_image_action);
}
