/* cd-cms.c: the CdCms interface's dispatch, its error domain and the
 * CdRemotePost boxed type.
 *
 * Implementations give blocking calls, for a worker thread: the sync
 * engine and the accounts run them on their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cms"

#include "config.h"

#include "cd-cms.h"

G_DEFINE_QUARK (CdCmsError, cd_cms_error)

/**
 * cd_cms_error_is_offline:
 * @error: (nullable): an error from a #CdCms call
 *
 * Returns: whether @error means the site cannot be reached now (no
 *   network, or no reply in time), so that trying again later may work
 */
gboolean
cd_cms_error_is_offline (const GError *error)
{
  return g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_OFFLINE) ||
         g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT);
}

G_DEFINE_BOXED_TYPE (CdRemotePost, cd_remote_post, cd_remote_post_copy, cd_remote_post_free)

G_DEFINE_BOXED_TYPE (CdRemoteMedia, cd_remote_media, cd_remote_media_copy, cd_remote_media_free)

G_DEFINE_INTERFACE (CdCms, cd_cms, G_TYPE_OBJECT)

static void
cd_cms_default_init (CdCmsInterface *iface)
{
}

/**
 * cd_remote_post_new:
 *
 * Returns: (transfer full): an empty post
 */
CdRemotePost *
cd_remote_post_new (void)
{
  return g_new0 (CdRemotePost, 1);
}

/**
 * cd_remote_post_copy:
 * @post: a #CdRemotePost
 *
 * Returns: (transfer full): a deep copy of @post; the article is copied too
 */
CdRemotePost *
cd_remote_post_copy (CdRemotePost *post)
{
  CdRemotePost *copy;

  g_return_val_if_fail (post != NULL, NULL);

  copy = cd_remote_post_new ();
  copy->remote_id = g_strdup (post->remote_id);
  copy->modified = post->modified != NULL ? g_date_time_ref (post->modified) : NULL;
  copy->status = g_strdup (post->status);
  copy->link = g_strdup (post->link);
  copy->content = g_strdup (post->content);
  copy->corrections = g_strdup (post->corrections);
  copy->oversized = post->oversized;
  copy->featured_media = g_strdup (post->featured_media);
  copy->article = post->article != NULL ? cd_article_copy (post->article) : NULL;
  return copy;
}

/**
 * cd_remote_post_free:
 * @post: (nullable): a #CdRemotePost
 */
void
cd_remote_post_free (CdRemotePost *post)
{
  if (post == NULL)
    return;

  g_free (post->remote_id);
  g_clear_pointer (&post->modified, g_date_time_unref);
  g_free (post->status);
  g_free (post->link);
  g_free (post->content);
  g_free (post->corrections);
  g_free (post->featured_media);
  g_clear_object (&post->article);
  g_free (post);
}

/**
 * cd_remote_media_new:
 *
 * Returns: (transfer full): an empty media item
 */
CdRemoteMedia *
cd_remote_media_new (void)
{
  return g_new0 (CdRemoteMedia, 1);
}

/**
 * cd_remote_media_copy:
 * @media: a #CdRemoteMedia
 *
 * Returns: (transfer full): a copy of @media
 */
CdRemoteMedia *
cd_remote_media_copy (CdRemoteMedia *media)
{
  CdRemoteMedia *copy;

  g_return_val_if_fail (media != NULL, NULL);

  copy = cd_remote_media_new ();
  copy->media_id = g_strdup (media->media_id);
  copy->source_url = g_strdup (media->source_url);
  copy->image_id = g_strdup (media->image_id);
  return copy;
}

/**
 * cd_remote_media_free:
 * @media: (nullable): a #CdRemoteMedia
 */
void
cd_remote_media_free (CdRemoteMedia *media)
{
  if (media == NULL)
    return;
  g_free (media->media_id);
  g_free (media->source_url);
  g_free (media->image_id);
  g_free (media);
}

/**
 * cd_cms_verify:
 * @self: a #CdCms
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Checks that the site accepts the credentials. Blocks.
 *
 * Returns: (transfer full) (nullable): the user's display name, or %NULL
 */
char *
cd_cms_verify (CdCms        *self,
               GCancellable *cancellable,
               GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return CD_CMS_GET_IFACE (self)->verify (self, cancellable, error);
}

/**
 * cd_cms_list_changed:
 * @self: a #CdCms
 * @since: (nullable): only posts modified after this time; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Every post (drafts included) modified after @since, every page read.
 * Blocks.
 *
 * Returns: (transfer full) (element-type CdRemotePost) (nullable): the posts
 */
GPtrArray *
cd_cms_list_changed (CdCms        *self,
                     GDateTime    *since,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return CD_CMS_GET_IFACE (self)->list_changed (self, since, cancellable, error);
}

/**
 * cd_cms_get:
 * @self: a #CdCms
 * @remote_id: the post's id on the CMS
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Blocks.
 *
 * Returns: (transfer full) (nullable): the post, or %NULL with
 *   %CD_CMS_ERROR_GONE when it was deleted or trashed
 */
CdRemotePost *
cd_cms_get (CdCms        *self,
            const char   *remote_id,
            GCancellable *cancellable,
            GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (remote_id != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return CD_CMS_GET_IFACE (self)->get (self, remote_id, cancellable, error);
}

/**
 * cd_cms_find_by_uuid:
 * @self: a #CdCms
 * @uuid: the article's uuid
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Looks for the post carrying the article's uuid marker among recent
 * posts. Blocks.
 *
 * Returns: (transfer full) (nullable): the post, or %NULL (with @error
 *   unset) when there is none
 */
CdRemotePost *
cd_cms_find_by_uuid (CdCms        *self,
                     const char   *uuid,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return CD_CMS_GET_IFACE (self)->find_by_uuid (self, uuid, cancellable, error);
}

/**
 * cd_cms_create:
 * @self: a #CdCms
 * @article: the article to send as a new draft, with its uuid marker
 * @featured_media: (nullable): the media id of its featured image, or
 *   %NULL for none
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Blocks.
 *
 * Returns: (transfer full) (nullable): the post as the CMS stored it
 */
CdRemotePost *
cd_cms_create (CdCms        *self,
               CdArticle    *article,
               const char   *featured_media,
               GCancellable *cancellable,
               GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return CD_CMS_GET_IFACE (self)->create (self, article, featured_media, cancellable, error);
}

/**
 * cd_cms_update_from:
 * @self: a #CdCms
 * @remote_id: the post's id on the CMS
 * @article: the article's new content
 * @current: (nullable): the post as the CMS has it now (as get gave it),
 *   or %NULL when unknown, and then every field of @article is sent
 * @featured_media: (nullable): the media id of the featured image, "0" for
 *   none, or %NULL to leave the post's as it is
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Updates the post. With @current, only the fields that differ from it are
 * sent (the featured image too), and the content keeps the bytes of every
 * part of @current's content that the body did not change. Blocks.
 *
 * Returns: (transfer full) (nullable): the post as the CMS stored it
 */
CdRemotePost *
cd_cms_update_from (CdCms              *self,
                    const char         *remote_id,
                    CdArticle          *article,
                    const CdRemotePost *current,
                    const char         *featured_media,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (remote_id != NULL, NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return CD_CMS_GET_IFACE (self)->update (self, remote_id, article, current, featured_media,
                                          cancellable, error);
}

/* Images ----------------------------------------------------------------- */

static gboolean
check_media_support (CdCmsInterface *iface,
                     gpointer        call,
                     GError        **error)
{
  g_assert (iface != NULL);

  if (call != NULL)
    return TRUE;
  g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED,
               "This kind of site cannot take images from Copydesk.");
  return FALSE;
}

/**
 * cd_cms_find_media:
 * @self: a #CdCms
 * @image_id: an image's content hash
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Looks for the item Copydesk uploaded for @image_id (its name carries
 * the hash), so that an upload whose reply was lost is not made twice.
 * Blocks.
 *
 * Returns: (transfer full) (nullable): the item, or %NULL (with @error
 *   unset) when the site has none
 */
CdRemoteMedia *
cd_cms_find_media (CdCms        *self,
                   const char   *image_id,
                   GCancellable *cancellable,
                   GError      **error)
{
  CdCmsInterface *iface;

  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (image_id != NULL, NULL);

  iface = CD_CMS_GET_IFACE (self);
  if (!check_media_support (iface, iface->find_media, error))
    return NULL;
  return iface->find_media (self, image_id, cancellable, error);
}

/**
 * cd_cms_get_media:
 * @self: a #CdCms
 * @media_id: the item's id on the CMS
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Blocks.
 *
 * Returns: (transfer full) (nullable): the item, or %NULL with
 *   %CD_CMS_ERROR_GONE when it was deleted
 */
CdRemoteMedia *
cd_cms_get_media (CdCms        *self,
                  const char   *media_id,
                  GCancellable *cancellable,
                  GError      **error)
{
  CdCmsInterface *iface;

  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (media_id != NULL, NULL);

  iface = CD_CMS_GET_IFACE (self);
  if (!check_media_support (iface, iface->get_media, error))
    return NULL;
  return iface->get_media (self, media_id, cancellable, error);
}

/**
 * cd_cms_upload_media:
 * @self: a #CdCms
 * @bytes: the image file's bytes
 * @upload: its hash, type, alt text, caption and credit
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Uploads an image with its alt text, caption and credit. A write: after
 * %CD_CMS_ERROR_UNKNOWN_OUTCOME (or a timeout, or a cancellation) look
 * with cd_cms_find_media() before uploading again. Blocks.
 *
 * Returns: (transfer full) (nullable): the item as the CMS stored it
 */
CdRemoteMedia *
cd_cms_upload_media (CdCms               *self,
                     GBytes              *bytes,
                     const CdMediaUpload *upload,
                     GCancellable        *cancellable,
                     GError             **error)
{
  CdCmsInterface *iface;

  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (upload != NULL && upload->image_id != NULL && upload->mime_type != NULL,
                        NULL);

  iface = CD_CMS_GET_IFACE (self);
  if (!check_media_support (iface, iface->upload_media, error))
    return NULL;
  return iface->upload_media (self, bytes, upload, cancellable, error);
}

/**
 * cd_cms_publish:
 * @remote_id: the post
 * @at: (nullable): when the site is to publish it, or %NULL for now
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Makes the post live now, or schedules it for @at. Nothing else of the
 * post changes. Blocks; for a worker thread.
 *
 * Returns: (transfer full) (nullable): the post as the CMS stored it
 */
CdRemotePost *
cd_cms_publish (CdCms        *self,
                const char   *remote_id,
                GDateTime    *at,
                GCancellable *cancellable,
                GError      **error)
{
  CdCmsInterface *iface;

  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (remote_id != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  iface = CD_CMS_GET_IFACE (self);
  if (iface->publish == NULL)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED,
                   "This kind of site cannot publish from Copydesk.");
      return NULL;
    }
  return iface->publish (self, remote_id, at, cancellable, error);
}

/**
 * cd_cms_download:
 * @self: a #CdCms
 * @url: the file's address
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a file the site serves, such as a picture in a pulled post.
 * Blocks.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
cd_cms_download (CdCms        *self,
                 const char   *url,
                 GCancellable *cancellable,
                 GError      **error)
{
  CdCmsInterface *iface;

  g_return_val_if_fail (CD_IS_CMS (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  iface = CD_CMS_GET_IFACE (self);
  if (!check_media_support (iface, iface->download, error))
    return NULL;
  return iface->download (self, url, cancellable, error);
}
