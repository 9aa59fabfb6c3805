/* cd-cms.c: the CdCms interface's dispatch, its error domain and the
 * CdRemotePost boxed type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cms"

#include "config.h"

#include "cd-cms.h"

G_DEFINE_QUARK (CdCmsError, cd_cms_error)

G_DEFINE_BOXED_TYPE (CdRemotePost, cd_remote_post, cd_remote_post_copy, cd_remote_post_free)

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
  g_clear_object (&post->article);
  g_free (post);
}

/**
 * cd_cms_verify_async:
 * @self: a #CdCms
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check is done
 * @user_data: data for @callback
 *
 * Checks that the site accepts the credentials.
 */
void
cd_cms_verify_async (CdCms              *self,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  g_return_if_fail (CD_IS_CMS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CD_CMS_GET_IFACE (self)->verify_async (self, cancellable, callback, user_data);
}

/**
 * cd_cms_verify_finish:
 * @self: a #CdCms
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the user's display name, or %NULL
 */
char *
cd_cms_verify_finish (CdCms        *self,
                      GAsyncResult *result,
                      GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);

  return CD_CMS_GET_IFACE (self)->verify_finish (self, result, error);
}

/**
 * cd_cms_list_changed_async:
 * @self: a #CdCms
 * @since: (nullable): only posts modified after this time; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 */
void
cd_cms_list_changed_async (CdCms              *self,
                           GDateTime          *since,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_return_if_fail (CD_IS_CMS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CD_CMS_GET_IFACE (self)->list_changed_async (self, since, cancellable, callback, user_data);
}

/**
 * cd_cms_list_changed_finish:
 * @self: a #CdCms
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type CdRemotePost) (nullable): the posts
 */
GPtrArray *
cd_cms_list_changed_finish (CdCms        *self,
                            GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);

  return CD_CMS_GET_IFACE (self)->list_changed_finish (self, result, error);
}

/**
 * cd_cms_get_async:
 * @self: a #CdCms
 * @remote_id: the post's id on the CMS
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the post
 * @user_data: data for @callback
 */
void
cd_cms_get_async (CdCms              *self,
                  const char         *remote_id,
                  GCancellable       *cancellable,
                  GAsyncReadyCallback callback,
                  gpointer            user_data)
{
  g_return_if_fail (CD_IS_CMS (self));
  g_return_if_fail (remote_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CD_CMS_GET_IFACE (self)->get_async (self, remote_id, cancellable, callback, user_data);
}

/**
 * cd_cms_get_finish:
 * @self: a #CdCms
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the post, or %NULL with
 *   %CD_CMS_ERROR_GONE when it was deleted or trashed
 */
CdRemotePost *
cd_cms_get_finish (CdCms        *self,
                   GAsyncResult *result,
                   GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);

  return CD_CMS_GET_IFACE (self)->get_finish (self, result, error);
}

/**
 * cd_cms_find_by_uuid_async:
 * @self: a #CdCms
 * @uuid: the article's uuid
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the search is done
 * @user_data: data for @callback
 */
void
cd_cms_find_by_uuid_async (CdCms              *self,
                           const char         *uuid,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_return_if_fail (CD_IS_CMS (self));
  g_return_if_fail (uuid != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CD_CMS_GET_IFACE (self)->find_by_uuid_async (self, uuid, cancellable, callback, user_data);
}

/**
 * cd_cms_find_by_uuid_finish:
 * @self: a #CdCms
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the post carrying the uuid, or %NULL
 *   (with @error unset) when there is none
 */
CdRemotePost *
cd_cms_find_by_uuid_finish (CdCms        *self,
                            GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);

  return CD_CMS_GET_IFACE (self)->find_by_uuid_finish (self, result, error);
}

/**
 * cd_cms_create_async:
 * @self: a #CdCms
 * @article: the article to send as a new draft
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new post
 * @user_data: data for @callback
 */
void
cd_cms_create_async (CdCms              *self,
                     CdArticle          *article,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  g_return_if_fail (CD_IS_CMS (self));
  g_return_if_fail (CD_IS_ARTICLE (article));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CD_CMS_GET_IFACE (self)->create_async (self, article, cancellable, callback, user_data);
}

/**
 * cd_cms_create_finish:
 * @self: a #CdCms
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the post as the CMS stored it
 */
CdRemotePost *
cd_cms_create_finish (CdCms        *self,
                      GAsyncResult *result,
                      GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);

  return CD_CMS_GET_IFACE (self)->create_finish (self, result, error);
}

/**
 * cd_cms_update_async:
 * @self: a #CdCms
 * @remote_id: the post's id on the CMS
 * @article: the article's new content
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the updated post
 * @user_data: data for @callback
 */
void
cd_cms_update_async (CdCms              *self,
                     const char         *remote_id,
                     CdArticle          *article,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  g_return_if_fail (CD_IS_CMS (self));
  g_return_if_fail (remote_id != NULL);
  g_return_if_fail (CD_IS_ARTICLE (article));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  CD_CMS_GET_IFACE (self)->update_async (self, remote_id, article, cancellable,
                                         callback, user_data);
}

/**
 * cd_cms_update_finish:
 * @self: a #CdCms
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the post as the CMS stored it
 */
CdRemotePost *
cd_cms_update_finish (CdCms        *self,
                      GAsyncResult *result,
                      GError      **error)
{
  g_return_val_if_fail (CD_IS_CMS (self), NULL);

  return CD_CMS_GET_IFACE (self)->update_finish (self, result, error);
}
