/* cd-preview-images.c: the pictures of the article in the preview.
 *
 * The body and the featured image refer to stored images as
 * copydesk-image:ID (see cd_render_markdown()); this scheme serves each
 * one's bytes from the store of the preview that asks, with its type, so a
 * picture shows offline and nothing is fetched from the network for it.
 * The page's Content-Security-Policy allows this scheme and, unless the
 * person allows remote images, no other image source but the page's own.
 * The file is read on a worker thread: a 40 MB photo must not stall the
 * window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-preview"

#include "config.h"

#include <string.h>

#include "cd-preview-private.h"

typedef struct
{
  CdStore *store;
  char    *id;
  char    *mime_type;
} ImageRead;

static void
image_read_free (ImageRead *read)
{
  g_clear_object (&read->store);
  g_free (read->id);
  g_free (read->mime_type);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImageRead, image_read_free)

static void
read_image_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ImageRead *read = task_data;
  g_autoptr (CdImageInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize            length;

  g_assert (G_IS_TASK (task));
  g_assert (read != NULL);

  info = cd_store_lookup_image (read->store, read->id, &error);
  if (info == NULL || (path = cd_store_get_image_path (read->store, read->id)) == NULL)
    {
      if (error == NULL)
        error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             "The store has no image %s", read->id);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  read->mime_type = g_strdup (cd_image_info_get_mime_type (info));
  g_task_return_pointer (task, g_bytes_new_take (g_steal_pointer (&contents), length),
                         (GDestroyNotify) g_bytes_unref);
}

static void
read_image_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (WebKitURISchemeRequest) request = user_data;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  ImageRead *read = g_task_get_task_data (G_TASK (result));

  g_assert (G_IS_TASK (result));
  g_assert (WEBKIT_IS_URI_SCHEME_REQUEST (request));

  if ((bytes = g_task_propagate_pointer (G_TASK (result), &error)) == NULL)
    {
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }
  _cd_preview_finish_with_bytes (request, bytes, read->mime_type);
}

static void
handle_image_request (WebKitURISchemeRequest *request,
                      gpointer                user_data)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  CdPreview     *preview = g_object_get_data (G_OBJECT (web_view), "cd-preview");
  const char    *id = webkit_uri_scheme_request_get_uri (request) + strlen (CD_PREVIEW_IMAGE_SCHEME ":");
  g_autoptr (ImageRead) read = NULL;
  g_autoptr (GTask) task = NULL;

  g_assert (WEBKIT_IS_URI_SCHEME_REQUEST (request));

  /* copydesk-image:ID, or copydesk-image://ID as a browser may write it. */
  while (*id == '/')
    id++;
  if (preview == NULL || preview->store == NULL || !cd_image_id_is_valid (id))
    {
      g_autoptr (GError) error =
          g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The preview has no image %s",
                       webkit_uri_scheme_request_get_uri (request));

      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  read = g_new0 (ImageRead, 1);
  read->store = g_object_ref (preview->store);
  read->id = g_strdup (id);
  task = g_task_new (NULL, NULL, read_image_cb, g_object_ref (request));
  g_task_set_source_tag (task, handle_image_request);
  g_task_set_task_data (task, g_steal_pointer (&read), (GDestroyNotify) image_read_free);
  g_task_run_in_thread (task, read_image_thread);
}

/* Registers the copydesk-image: scheme on the web context every preview
 * shares; each request finds its store through the web view that asks. */
void
_cd_preview_images_register (WebKitWebContext *context)
{
  g_assert (WEBKIT_IS_WEB_CONTEXT (context));

  webkit_web_context_register_uri_scheme (context, CD_PREVIEW_IMAGE_SCHEME, handle_image_request,
                                          NULL, NULL);
}

/**
 * cd_preview_set_store:
 * @store: (nullable): the store whose images the preview shows
 *
 * Images the article refers to by id (copydesk-image:ID) come from
 * @store; without one they do not show.
 */
void
cd_preview_set_store (CdPreview *self,
                      CdStore   *store)
{
  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (store == NULL || CD_IS_STORE (store));

  g_set_object (&self->store, store);
}
