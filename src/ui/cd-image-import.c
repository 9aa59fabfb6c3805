/* cd-image-import.c: pictures into the store from the window: a file, a
 * texture from the clipboard, the image chooser, and scaled-down
 * thumbnails.
 *
 * Reading a photo, hashing it, encoding a pasted texture as PNG and
 * decoding a thumbnail all take long enough on a 40 MB file to be felt
 * while typing, so each runs in a GTask thread; the store is thread-safe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-image-import"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-file-chooser.h"
#include "cd-image-import.h"

typedef struct
{
  CdStore    *store;
  GFile      *file;
  GdkTexture *texture;
  char       *id;
  int         size;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_clear_object (&job->texture);
  g_free (job->id);
  g_free (job);
}

static GTask *
job_task (CdStore            *store,
          GCancellable       *cancellable,
          GAsyncReadyCallback callback,
          gpointer            user_data,
          gpointer            source_tag,
          Job               **job)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_assert (CD_IS_STORE (store));
  g_assert (job != NULL);

  *job = g_new0 (Job, 1);
  (*job)->store = g_object_ref (store);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, *job, (GDestroyNotify) job_free);
  return task;
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;
  CdImageInfo *info;

  g_assert (G_IS_TASK (task));
  g_assert (job != NULL);

  if (job->file != NULL)
    info = cd_store_add_image_file (job->store, job->file, &error);
  else
    {
      g_autoptr (GBytes) png = gdk_texture_save_to_png_bytes (job->texture);

      info = cd_store_add_image (job->store, png, _ ("the pasted image"), &error);
    }
  if (info == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, info, (GDestroyNotify) cd_image_info_unref);
}

/**
 * cd_image_import_file_async:
 * @file: a picture (JPEG, PNG, WebP or GIF)
 *
 * Stores @file's bytes with cd_store_add_image_file() on a worker thread.
 */
void
cd_image_import_file_async (CdStore            *store,
                            GFile              *file,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = job_task (store, cancellable, callback, user_data, cd_image_import_file_async, &job);
  job->file = g_object_ref (file);
  g_task_run_in_thread (task, import_thread);
}

/**
 * cd_image_import_texture_async:
 * @texture: a picture, such as one pasted from the clipboard
 *
 * Stores @texture as PNG bytes with cd_store_add_image() on a worker
 * thread.
 */
void
cd_image_import_texture_async (CdStore            *store,
                               GdkTexture         *texture,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  task = job_task (store, cancellable, callback, user_data, cd_image_import_texture_async, &job);
  job->texture = g_object_ref (texture);
  g_task_run_in_thread (task, import_thread);
}

/**
 * cd_image_import_finish:
 *
 * Returns: (transfer full): the stored image, or %NULL with @error set to
 *   the store's one sentence (wrong type, too big, unreadable)
 */
CdImageInfo *
cd_image_import_finish (GAsyncResult *result,
                        GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
thumbnail_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert (G_IS_TASK (task));
  g_assert (job != NULL);

  if ((path = cd_store_get_image_path (job->store, job->id)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _ ("The image %s is not in the store."), job->id);
      return;
    }
  /* Decoded straight to the small size: a huge photo is never held whole. */
  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, job->size, job->size, TRUE, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

/**
 * cd_image_thumbnail_async:
 * @id: a stored image's id
 * @size: the largest width and height of the thumbnail, in pixels
 *
 * Decodes the stored image scaled down to fit @size on a worker thread.
 */
void
cd_image_thumbnail_async (CdStore            *store,
                          const char         *id,
                          int                 size,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (id != NULL);
  g_return_if_fail (size > 0);

  task = job_task (store, cancellable, callback, user_data, cd_image_thumbnail_async, &job);
  job->id = g_strdup (id);
  job->size = size;
  g_task_run_in_thread (task, thumbnail_thread);
}

/**
 * cd_image_thumbnail_finish:
 *
 * Returns: (transfer full): the thumbnail, or %NULL with @error set
 */
GdkTexture *
cd_image_thumbnail_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cd_image_chooser_new:
 * @parent: (nullable): the window the chooser belongs to
 * @title: the chooser's title
 *
 * A file chooser for one picture, through the portal when there is one,
 * showing the types the store takes; cd_file_chooser_run() shows it.
 *
 * Returns: (transfer full): the chooser
 */
GtkFileChooserNative *
cd_image_chooser_new (GtkWindow  *parent,
                      const char *title)
{
  static const char *const types[] = { "image/jpeg", "image/png", "image/webp", "image/gif",
                                       NULL };
  GtkFileChooserNative    *chooser;
  GtkFileFilter           *filter;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _ ("_Insert"), _ ("_Cancel"));
  filter = cd_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                                       _ ("Images (JPEG, PNG, WebP, GIF)"), types, NULL);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}
