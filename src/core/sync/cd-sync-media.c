/* cd-sync-media.c: images on the way to and from one account's site.
 *
 * The run's CMS is wrapped in a CdCms of its own (_cd_sync_media_wrap()),
 * so that push, pull and publish stay as they are and every post goes
 * through one place:
 * - Before a post is created or updated, every image its body's `image`
 *   fences and its featured image name is on the site: found in the media
 *   table (and checked there once a sync: a deleted item is uploaded
 *   again), else found on the site by its hash (an upload whose reply was
 *   lost, or a sync killed after the site stored the file), else uploaded
 *   from the store's file and recorded the moment the reply arrives. The
 *   body sent has an image block for each fence (cd_wp_body_place_images():
 *   the block the site has for that image, with the fence's words in it,
 *   or a new one; in a classic post the image as the classic editor
 *   inserts it, so that the post stays classic) and the post's
 *   featured_media the featured image's id.
 * - Every post that comes back, pulled or written, has its image blocks of
 *   known media items turned back into the same `image` fences
 *   (cd_wp_body_adopt_images()), so that an untouched image compares equal
 *   with the base, and a featured image the table knows sets the article's
 *   image.
 *
 * An upload the site refused (too large, a type it does not take) stops
 * that article's push with one sentence naming the image; the images
 * uploaded before stay recorded, and the next push reuses them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include <string.h>

#include "cd-image-ref.h"
#include "cd-sync-private.h"
#include "cd-wp-content.h"
#include "cd-wp-image.h"

/* An upload whose outcome is unknown is looked for and then tried again
 * at most this many times in one push. */
#define MAX_UPLOADS 2

#define CD_TYPE_SYNC_MEDIA_CMS (cd_sync_media_cms_get_type ())
G_DECLARE_FINAL_TYPE (CdSyncMediaCms, cd_sync_media_cms, CD, SYNC_MEDIA_CMS, GObject)

struct _CdSyncMediaCms
{
  GObject parent_instance;

  CdCms      *inner;
  CdStore    *store;
  CdSyncDb   *db;
  char       *account;
  GHashTable *checked; /* image ids known to be on the site in this run */
  gboolean    fetch;   /* pulled posts' pictures are read into the store */
};

static void cd_sync_media_cms_iface_init (CdCmsInterface *iface);

/* clang-format off */
G_DEFINE_FINAL_TYPE_WITH_CODE (CdSyncMediaCms, cd_sync_media_cms, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_CMS, cd_sync_media_cms_iface_init))
/* clang-format on */

/* Lookups ----------------------------------------------------------------- */

/* What a conversion looked up, kept until it is done. */
typedef struct
{
  CdSyncMediaCms *self;
  GPtrArray      *rows;  /* CdSyncMedia */
  GPtrArray      *media; /* CdWpMedia, pointing into rows */
} Lookup;

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->media, g_ptr_array_unref);
  g_clear_pointer (&lookup->rows, g_ptr_array_unref);
}

static const CdWpMedia *
keep (Lookup      *lookup,
      CdSyncMedia *row)
{
  CdWpMedia *media;

  g_assert (lookup != NULL);

  if (row == NULL)
    return NULL;
  media = g_new0 (CdWpMedia, 1);
  media->image_id = row->image_id;
  media->media_id = row->media_id;
  media->url = row->source_url;
  if (row->image_id != NULL)
    {
      g_autoptr (CdImageInfo) info = cd_store_lookup_image (lookup->self->store, row->image_id,
                                                            NULL);

      media->width = info != NULL ? cd_image_info_get_width (info) : 0;
      media->height = info != NULL ? cd_image_info_get_height (info) : 0;
    }
  g_ptr_array_add (lookup->rows, row);
  g_ptr_array_add (lookup->media, media);
  return media;
}

static void
lookup_init (Lookup         *lookup,
             CdSyncMediaCms *self)
{
  lookup->self = self;
  lookup->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_sync_media_free);
  lookup->media = g_ptr_array_new_with_free_func (g_free);
}

static const CdWpMedia *
by_image_id (const char *image_id,
             gpointer    user_data)
{
  Lookup *lookup = user_data;

  g_assert (image_id != NULL && lookup != NULL);

  return keep (lookup, cd_sync_db_load_media (lookup->self->db, lookup->self->account, image_id,
                                              NULL));
}

static const CdWpMedia *
by_media_id (const char *media_id,
             gpointer    user_data)
{
  Lookup *lookup = user_data;

  g_assert (media_id != NULL && lookup != NULL);

  return keep (lookup, cd_sync_db_find_media (lookup->self->db, lookup->self->account, media_id,
                                              NULL));
}

/* Posts coming back ------------------------------------------------------- */

/* Reads the picture of @markup, an image block (or picture of a classic
 * post) whose media item the table does not know, into the store, and
 * records it, so that the block becomes an `image` fence and shows
 * offline. A picture that cannot be read stays a remote one in an opaque
 * block: nothing of the post is lost, and the next pull of the post tries
 * again. */
static void
fetch_picture (CdSyncMediaCms *self,
               const char     *markup,
               gsize           length,
               GCancellable   *cancellable)
{
  g_autofree char *media_id = NULL;
  g_autofree char *url = NULL;
  g_autofree char *name = NULL;
  g_autoptr (CdSyncMedia) known = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CdImageInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  CdSyncMedia row = { 0 };

  g_assert (CD_IS_SYNC_MEDIA_CMS (self));
  g_assert (markup != NULL);

  if (!(cd_wp_image_block_source (markup, length, &media_id, &url) ||
        cd_wp_image_classic_source (markup, length, &media_id, &url)) ||
      url == NULL)
    return;
  known = cd_sync_db_find_media (self->db, self->account, media_id, NULL);
  if (known != NULL)
    return;
  bytes = cd_cms_download (self->inner, url, cancellable, &error);
  name = g_path_get_basename (url);
  if (bytes != NULL)
    info = cd_store_add_image (self->store, bytes, name, &error);
  if (info == NULL)
    {
      g_debug ("The picture %s of %s stays remote: %s", url, self->account, error->message);
      return;
    }
  /* The same picture linked to another item already keeps that link. */
  known = cd_sync_db_load_media (self->db, self->account, cd_image_info_get_id (info), NULL);
  if (known != NULL)
    return;
  row.account = self->account;
  row.image_id = (char *) cd_image_info_get_id (info);
  row.media_id = media_id;
  row.source_url = url;
  if (!cd_sync_db_save_media (self->db, &row, &error))
    g_debug ("The picture %s of %s is not recorded: %s", url, self->account, error->message);
}

/* Reads each picture of @body (fetch_picture()): its image blocks, those
 * of its galleries, a classic post's pictures. */
static void
fetch_pictures (CdSyncMediaCms *self,
                const char     *body,
                GCancellable   *cancellable)
{
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);

  g_assert (CD_IS_SYNC_MEDIA_CMS (self));
  g_assert (body != NULL);

  for (guint i = 0; i < units->len; i++)
    {
      CdWpUnit *unit = &g_array_index (units, CdWpUnit, i);
      g_autoptr (GPtrArray) gallery = NULL;

      if (unit->kind != CD_WP_UNIT_BLOCK)
        continue;
      gallery = cd_wp_gallery_images (body + unit->markup_start, unit->markup_end - unit->markup_start);
      if (gallery == NULL)
        fetch_picture (self, body + unit->markup_start, unit->markup_end - unit->markup_start, cancellable);
      for (guint k = 0; gallery != NULL && k < gallery->len; k++)
        fetch_picture (self, g_ptr_array_index (gallery, k), strlen (g_ptr_array_index (gallery, k)),
                       cancellable);
    }
}

/* Gives @post's article the `image` fences of the images this site has
 * from this store, and its featured image when the table knows it. */
static void
adopt_post (CdSyncMediaCms *self,
            CdRemotePost   *post,
            GCancellable   *cancellable)
{
  Lookup           lookup;
  const char      *body;
  g_autofree char *adopted = NULL;
  gboolean         pictured;

  g_assert (CD_IS_SYNC_MEDIA_CMS (self));

  if (post == NULL || post->article == NULL)
    return;
  lookup_init (&lookup, self);
  body = cd_article_get_body (post->article);
  /* An image block, or a classic post's picture with its media id. */
  pictured = body != NULL && (strstr (body, "wp:image") != NULL || strstr (body, "wp-image-") != NULL);
  if (self->fetch && pictured)
    fetch_pictures (self, body, cancellable);
  if (pictured)
    {
      adopted = cd_wp_body_adopt_images (body, by_media_id, &lookup);
      if (strcmp (adopted, body) != 0)
        cd_article_set_body (post->article, adopted);
    }
  if (post->featured_media != NULL)
    {
      const CdWpMedia *featured = by_media_id (post->featured_media, &lookup);

      if (featured != NULL)
        cd_article_set_image (post->article, featured->image_id);
    }
  lookup_clear (&lookup);
}

static CdRemotePost *
adopted (CdSyncMediaCms *self,
         CdRemotePost   *post,
         GCancellable   *cancellable)
{
  g_assert (CD_IS_SYNC_MEDIA_CMS (self));

  adopt_post (self, post, cancellable);
  return post;
}

/* Uploads ----------------------------------------------------------------- */

static gboolean
record (CdSyncMediaCms *self,
        const char     *image_id,
        CdRemoteMedia  *media,
        GError        **error)
{
  CdSyncMedia row = { self->account, (char *) image_id, media->media_id, media->source_url };

  g_assert (CD_IS_SYNC_MEDIA_CMS (self));
  g_assert (image_id != NULL && media != NULL);

  if (!cd_sync_db_save_media (self->db, &row, error))
    return FALSE;
  g_hash_table_add (self->checked, g_strdup (image_id));
  return TRUE;
}

/* The image's bytes and type from the store. */
static GBytes *
read_image (CdSyncMediaCms *self,
            const char     *image_id,
            char          **mime_type,
            GError        **error)
{
  g_autoptr (CdImageInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GMappedFile) file = NULL;

  g_assert (CD_IS_SYNC_MEDIA_CMS (self));
  g_assert (image_id != NULL && mime_type != NULL);

  info = cd_store_lookup_image (self->store, image_id, &local_error);
  path = info != NULL ? cd_store_get_image_path (self->store, image_id) : NULL;
  if (path != NULL)
    file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_FAILED,
                   "Image %.16s… is not in this computer's store%s%s, so it cannot be uploaded.",
                   image_id, local_error != NULL ? ": " : "",
                   local_error != NULL ? local_error->message : "");
      return NULL;
    }
  *mime_type = g_strdup (cd_image_info_get_mime_type (info));
  return g_mapped_file_get_bytes (file);
}

/* Makes sure the site has @upload's image: found in the table (checked
 * once a run), on the site by its name, or uploaded. */
static CdSyncMedia *
ensure_media (CdSyncMediaCms *self,
              CdMediaUpload  *upload,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr (CdSyncMedia) row = NULL;
  g_autoptr (CdRemoteMedia) media = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *mime_type = NULL;
  const char      *image_id = upload->image_id;

  g_assert (CD_IS_SYNC_MEDIA_CMS (self));
  g_assert (upload != NULL && image_id != NULL);

  row = cd_sync_db_load_media (self->db, self->account, image_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (row != NULL && g_hash_table_contains (self->checked, image_id))
    return g_steal_pointer (&row);
  if (row != NULL)
    {
      /* The site may have deleted it since: then it is uploaded again. */
      media = cd_cms_get_media (self->inner, row->media_id, cancellable, &local_error);
      if (media == NULL && !g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_GONE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_error (&local_error);
      /* Still there: the address on record stays, the one the post's
       * block shows (a pulled picture's may be a smaller size's). */
      if (media != NULL)
        {
          g_hash_table_add (self->checked, g_strdup (image_id));
          return g_steal_pointer (&row);
        }
      if (!cd_sync_db_delete_media (self->db, self->account, image_id, error))
        return NULL;
    }

  for (guint attempt = 1; media == NULL; attempt++)
    {
      media = cd_cms_find_media (self->inner, image_id, cancellable, &local_error);
      if (media != NULL)
        break;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (bytes == NULL && (bytes = read_image (self, image_id, &mime_type, error)) == NULL)
        return NULL;
      upload->mime_type = mime_type;
      media = cd_cms_upload_media (self->inner, bytes, upload, cancellable, &local_error);
      if (media != NULL)
        break;
      /* Stored or not, the next look finds out; a refusal is final. */
      if (attempt >= MAX_UPLOADS ||
          !(g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME) ||
            g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_SERVER) ||
            g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_debug ("Upload of image %.16s to %s: %s; looking for it before trying again", image_id,
               self->account, local_error->message);
      g_clear_error (&local_error);
    }

  /* Recorded before anything else happens, so a kill from here on finds
   * it in the table. */
  if (!record (self, image_id, media, error))
    return NULL;
  cd_sync_media_free (g_steal_pointer (&row));
  return cd_sync_db_load_media (self->db, self->account, image_id, error);
}

/* An upload's text, owned (the article may change while it is sent). */
typedef struct
{
  CdMediaUpload upload;
  char         *owned[4];
} Upload;

static void
upload_free (gpointer data)
{
  Upload *upload = data;

  for (guint i = 0; i < G_N_ELEMENTS (upload->owned); i++)
    g_free (upload->owned[i]);
  g_free (upload);
}

static void
add_upload (GPtrArray  *uploads,
            const char *image_id,
            const char *alt,
            const char *caption,
            const char *credit)
{
  Upload *upload = g_new0 (Upload, 1);

  g_assert (uploads != NULL && image_id != NULL);

  upload->upload.image_id = upload->owned[0] = g_strdup (image_id);
  upload->upload.alt = upload->owned[1] = g_strdup (alt);
  upload->upload.caption = upload->owned[2] = g_strdup (caption);
  upload->upload.credit = upload->owned[3] = g_strdup (credit);
  g_ptr_array_add (uploads, upload);
}

/* Every image @article uses, with its first use's text, featured last. */
static GPtrArray *
uploads_for (CdArticle *article)
{
  g_autoptr (GPtrArray) refs = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray  *uploads = g_ptr_array_new_with_free_func (upload_free);
  const char *body = cd_article_get_body (article);
  const char *featured = cd_article_get_image (article);

  g_assert (CD_IS_ARTICLE (article));

  refs = body != NULL ? cd_image_refs_in_body (body) : NULL;
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      CdImageRef *ref = g_ptr_array_index (refs, i);

      /* A malformed fence (checks report it) goes out as it is. */
      if (!cd_image_id_is_valid (ref->id) || !g_hash_table_add (seen, ref->id))
        continue;
      add_upload (uploads, ref->id, ref->alt, ref->caption, ref->credit);
    }
  if (cd_image_id_is_valid (featured))
    add_upload (uploads, featured, cd_article_get_image_alt (article),
                cd_article_get_image_caption (article), cd_article_get_image_credit (article));
  return uploads;
}

/* The article as it is sent (each `image` fence an image block) and its
 * featured image's media id, after making sure the site has every image. */
static CdArticle *
prepare (CdSyncMediaCms     *self,
         CdArticle          *article,
         const CdRemotePost *current,
         char              **featured_media,
         GCancellable       *cancellable,
         GError            **error)
{
  g_autoptr (GPtrArray) uploads = uploads_for (article);
  g_autoptr (CdArticle) outgoing = NULL;
  const char *featured = cd_article_get_image (article);
  const char *body = cd_article_get_body (article);
  Lookup      lookup;

  g_assert (CD_IS_SYNC_MEDIA_CMS (self));
  g_assert (CD_IS_ARTICLE (article));
  g_assert (featured_media != NULL);

  for (guint i = 0; i < uploads->len; i++)
    {
      CdMediaUpload *upload = &((Upload *) g_ptr_array_index (uploads, i))->upload;
      g_autoptr (GError) local_error = NULL;
      g_autoptr (CdSyncMedia) media = ensure_media (self, upload, cancellable, &local_error);

      if (media == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, local_error->domain, local_error->code,
                         "Image %.16s… did not reach %s, so the post waits for it: %s",
                         upload->image_id, self->account, local_error->message);
          return NULL;
        }
    }

  outgoing = cd_article_copy (article);
  lookup_init (&lookup, self);
  if (body != NULL)
    {
      /* A classic post stays classic: its images as the classic editor
       * inserts them, not blocks. */
      gboolean classic = current != NULL && current->content != NULL &&
                         cd_wp_content_is_classic (current->content, -1);
      g_autofree char *placed = cd_wp_body_place_images (body, classic, current != NULL ? current->content : NULL,
                                                         by_image_id, &lookup);

      cd_article_set_body (outgoing, placed);
    }
  if (featured != NULL && *featured != '\0')
    {
      const CdWpMedia *media = by_image_id (featured, &lookup);

      *featured_media = media != NULL ? g_strdup (media->media_id) : NULL;
    }
  else if (current != NULL && current->featured_media != NULL &&
           by_media_id (current->featured_media, &lookup) != NULL)
    /* A featured image this store set and the article no longer has. */
    *featured_media = g_strdup ("0");
  lookup_clear (&lookup);
  return g_steal_pointer (&outgoing);
}

/* CdCms ------------------------------------------------------------------- */

static char *
media_verify (CdCms        *cms,
              GCancellable *cancellable,
              GError      **error)
{
  return cd_cms_verify (CD_SYNC_MEDIA_CMS (cms)->inner, cancellable, error);
}

static GPtrArray *
media_list_changed (CdCms        *cms,
                    GDateTime    *since,
                    GCancellable *cancellable,
                    GError      **error)
{
  CdSyncMediaCms *self = CD_SYNC_MEDIA_CMS (cms);
  GPtrArray      *posts = cd_cms_list_changed (self->inner, since, cancellable, error);

  for (guint i = 0; posts != NULL && i < posts->len; i++)
    adopt_post (self, g_ptr_array_index (posts, i), cancellable);
  return posts;
}

static CdRemotePost *
media_get (CdCms        *cms,
           const char   *remote_id,
           GCancellable *cancellable,
           GError      **error)
{
  CdSyncMediaCms *self = CD_SYNC_MEDIA_CMS (cms);

  return adopted (self, cd_cms_get (self->inner, remote_id, cancellable, error), cancellable);
}

static CdRemotePost *
media_find_by_uuid (CdCms        *cms,
                    const char   *uuid,
                    GCancellable *cancellable,
                    GError      **error)
{
  CdSyncMediaCms *self = CD_SYNC_MEDIA_CMS (cms);

  return adopted (self, cd_cms_find_by_uuid (self->inner, uuid, cancellable, error), cancellable);
}

static CdRemotePost *
media_create (CdCms        *cms,
              CdArticle    *article,
              const char   *featured_media,
              GCancellable *cancellable,
              GError      **error)
{
  CdSyncMediaCms  *self = CD_SYNC_MEDIA_CMS (cms);
  g_autofree char *featured = NULL;
  g_autoptr (CdArticle) outgoing = prepare (self, article, NULL, &featured, cancellable, error);

  if (outgoing == NULL)
    return NULL;
  return adopted (self, cd_cms_create (self->inner, outgoing, featured != NULL ? featured : featured_media, cancellable, error), cancellable);
}

static CdRemotePost *
media_update (CdCms              *cms,
              const char         *remote_id,
              CdArticle          *article,
              const CdRemotePost *current,
              const char         *featured_media,
              GCancellable       *cancellable,
              GError            **error)
{
  CdSyncMediaCms  *self = CD_SYNC_MEDIA_CMS (cms);
  g_autofree char *featured = NULL;
  g_autoptr (CdArticle) outgoing = prepare (self, article, current, &featured, cancellable,
                                            error);

  if (outgoing == NULL)
    return NULL;
  return adopted (self, cd_cms_update_from (self->inner, remote_id, outgoing, current, featured != NULL ? featured : featured_media, cancellable, error), cancellable);
}

static CdRemotePost *
media_publish (CdCms        *cms,
               const char   *remote_id,
               GDateTime    *at,
               GCancellable *cancellable,
               GError      **error)
{
  CdSyncMediaCms *self = CD_SYNC_MEDIA_CMS (cms);

  return adopted (self, cd_cms_publish (self->inner, remote_id, at, cancellable, error), cancellable);
}

static CdRemoteMedia *
media_find_media (CdCms        *cms,
                  const char   *image_id,
                  GCancellable *cancellable,
                  GError      **error)
{
  return cd_cms_find_media (CD_SYNC_MEDIA_CMS (cms)->inner, image_id, cancellable, error);
}

static CdRemoteMedia *
media_get_media (CdCms        *cms,
                 const char   *media_id,
                 GCancellable *cancellable,
                 GError      **error)
{
  return cd_cms_get_media (CD_SYNC_MEDIA_CMS (cms)->inner, media_id, cancellable, error);
}

static CdRemoteMedia *
media_upload_media (CdCms               *cms,
                    GBytes              *bytes,
                    const CdMediaUpload *upload,
                    GCancellable        *cancellable,
                    GError             **error)
{
  return cd_cms_upload_media (CD_SYNC_MEDIA_CMS (cms)->inner, bytes, upload, cancellable, error);
}

static void
cd_sync_media_cms_iface_init (CdCmsInterface *iface)
{
  iface->verify = media_verify;
  iface->list_changed = media_list_changed;
  iface->get = media_get;
  iface->find_by_uuid = media_find_by_uuid;
  iface->create = media_create;
  iface->update = media_update;
  iface->publish = media_publish;
  iface->find_media = media_find_media;
  iface->get_media = media_get_media;
  iface->upload_media = media_upload_media;
}

static void
cd_sync_media_cms_dispose (GObject *object)
{
  CdSyncMediaCms *self = CD_SYNC_MEDIA_CMS (object);

  g_clear_object (&self->inner);
  g_clear_object (&self->store);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (cd_sync_media_cms_parent_class)->dispose (object);
}

static void
cd_sync_media_cms_finalize (GObject *object)
{
  CdSyncMediaCms *self = CD_SYNC_MEDIA_CMS (object);

  g_clear_pointer (&self->account, g_free);
  g_clear_pointer (&self->checked, g_hash_table_unref);

  G_OBJECT_CLASS (cd_sync_media_cms_parent_class)->finalize (object);
}

static void
cd_sync_media_cms_class_init (CdSyncMediaCmsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_sync_media_cms_dispose;
  object_class->finalize = cd_sync_media_cms_finalize;
}

static void
cd_sync_media_cms_init (CdSyncMediaCms *self)
{
  self->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * _cd_sync_media_wrap:
 * @run: a run with its account, CMS, store and sync tables
 *
 * Returns: (transfer full): the run's CMS with the account's images: set
 *   it as the run's CMS for the account's push, pull or publish
 */
CdCms *
_cd_sync_media_wrap (CdSyncRun *run)
{
  CdSyncMediaCms *self;

  g_return_val_if_fail (run != NULL && CD_IS_CMS (run->cms) && run->account != NULL, NULL);
  g_return_val_if_fail (CD_IS_STORE (run->store) && CD_IS_SYNC_DB (run->db), NULL);

  self = g_object_new (CD_TYPE_SYNC_MEDIA_CMS, NULL);
  self->inner = g_object_ref (run->cms);
  self->store = g_object_ref (run->store);
  self->db = g_object_ref (run->db);
  self->account = g_strdup (run->account);
  self->fetch = run->fetch_images;
  return CD_CMS (self);
}

/**
 * cd_sync_describe_image:
 * @store: the store
 * @image_id: an image's content hash
 * @error: return location for an error
 *
 * Where the image is on each account's site, for `show --json`.
 *
 * Returns: (transfer full) (nullable): one member per account whose site
 *   has the image, named after the account: {media_id, source_url (text or
 *   null)}
 */
JsonObject *
cd_sync_describe_image (CdStore    *store,
                        const char *image_id,
                        GError    **error)
{
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (JsonObject) accounts = json_object_new ();

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (image_id != NULL, NULL);

  if ((db = cd_sync_db_open (store, error)) == NULL ||
      (rows = cd_sync_db_list_media (db, image_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      CdSyncMedia *media = g_ptr_array_index (rows, i);
      JsonObject  *object = json_object_new ();

      json_object_set_string_member (object, "media_id", media->media_id);
      if (media->source_url != NULL)
        json_object_set_string_member (object, "source_url", media->source_url);
      else
        json_object_set_null_member (object, "source_url");
      json_object_set_object_member (accounts, media->account, object);
    }
  return g_steal_pointer (&accounts);
}
