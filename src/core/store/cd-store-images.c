/* cd-store-images.c: images stored once by content hash. Each image's bytes
 * live in a file of their own under <data dir>/images/<2 hex>/<id>, and a
 * row of the images table records its type, dimensions and size. An
 * article refers to an image by its id, in an `image` fence of the body or
 * in the featured `image` field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-store"

#include "config.h"

#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <webp/decode.h>
#include <webp/demux.h>

#include "cd-store.h"
#include "cd-store-private.h"

/* The longer side a decoded image is scaled to while its bytes are
 * checked: decoding proves the file whole without holding every pixel of
 * a large photo in memory. */
#define CHECK_DECODE_SIZE 64

struct _CdImageInfo
{
  gatomicrefcount ref_count;
  char           *id;
  char           *mime_type;
  guint           width;
  guint           height;
  guint64         size;
};

G_DEFINE_BOXED_TYPE (CdImageInfo, cd_image_info, cd_image_info_ref, cd_image_info_unref)

/**
 * cd_image_info_new:
 *
 * Makes an image's info; the store makes its own, and this is for code
 * that stands in for a store (a test's #CdImageSource).
 *
 * Returns: (transfer full): the info
 */
CdImageInfo *
cd_image_info_new (const char *id,
                   const char *mime_type,
                   guint       width,
                   guint       height,
                   guint64     size)
{
  CdImageInfo *info;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (mime_type != NULL, NULL);

  info = g_new0 (CdImageInfo, 1);

  g_atomic_ref_count_init (&info->ref_count);
  info->id = g_strdup (id);
  info->mime_type = g_strdup (mime_type);
  info->width = width;
  info->height = height;
  info->size = size;
  return info;
}

CdImageInfo *
cd_image_info_ref (CdImageInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  g_atomic_ref_count_inc (&info->ref_count);
  return info;
}

void
cd_image_info_unref (CdImageInfo *info)
{
  g_return_if_fail (info != NULL);

  if (g_atomic_ref_count_dec (&info->ref_count))
    {
      g_free (info->id);
      g_free (info->mime_type);
      g_free (info);
    }
}

/**
 * cd_image_info_get_id:
 *
 * Returns: (transfer none): the SHA-256 of the image's bytes, 64 lowercase
 *   hex digits
 */
const char *
cd_image_info_get_id (const CdImageInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return info->id;
}

/**
 * cd_image_info_get_mime_type:
 *
 * Returns: (transfer none): "image/jpeg", "image/png", "image/webp" or
 *   "image/gif"
 */
const char *
cd_image_info_get_mime_type (const CdImageInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return info->mime_type;
}

guint
cd_image_info_get_width (const CdImageInfo *info)
{
  g_return_val_if_fail (info != NULL, 0);
  return info->width;
}

guint
cd_image_info_get_height (const CdImageInfo *info)
{
  g_return_val_if_fail (info != NULL, 0);
  return info->height;
}

guint64
cd_image_info_get_size (const CdImageInfo *info)
{
  g_return_val_if_fail (info != NULL, 0);
  return info->size;
}

/**
 * cd_image_id_is_valid:
 * @id: (nullable): text that may be an image id
 *
 * Returns: %TRUE when @id has the form of an image id: 64 lowercase hex
 *   digits, the SHA-256 of the image's bytes
 */
gboolean
cd_image_id_is_valid (const char *id)
{
  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    {
      if (!g_ascii_isdigit (id[i]) && !(id[i] >= 'a' && id[i] <= 'f'))
        return FALSE;
    }
  return id[64] == '\0';
}

/* The types a newsroom site shows, told apart by their first bytes. */
typedef enum
{
  KIND_NONE,
  KIND_JPEG,
  KIND_PNG,
  KIND_GIF,
  KIND_WEBP,
} ImageKind;

static ImageKind
sniff_kind (const guint8 *data,
            gsize         size)
{
  static const guint8 png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  g_assert (data != NULL || size == 0);

  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return KIND_JPEG;
  if (size >= sizeof png_magic && memcmp (data, png_magic, sizeof png_magic) == 0)
    return KIND_PNG;
  if (size >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return KIND_GIF;
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return KIND_WEBP;
  return KIND_NONE;
}

static const char *
kind_label (ImageKind kind)
{
  switch (kind)
    {
    case KIND_JPEG:
      return "JPEG";
    case KIND_PNG:
      return "PNG";
    case KIND_GIF:
      return "GIF";
    case KIND_WEBP:
      return "WebP";
    case KIND_NONE:
    default:
      return NULL;
    }
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  guint *size = user_data;

  g_assert (GDK_IS_PIXBUF_LOADER (loader));
  g_assert (size != NULL);

  size[0] = MAX (width, 0);
  size[1] = MAX (height, 0);
  if (width > CHECK_DECODE_SIZE || height > CHECK_DECODE_SIZE)
    {
      double scale = (double) CHECK_DECODE_SIZE / MAX (width, height);

      gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)),
                                  MAX (1, (int) (height * scale)));
    }
}

/* gdk-pixbuf's JPEG loader fills a file cut short with grey and reports
 * no error, so the end is checked here: the segments are walked up to the
 * first scan (so that an EXIF thumbnail's own end marker does not count),
 * and the end-of-image marker must follow. Entropy-coded data never holds
 * FF D9, so the first one after the scan starts is the end. */
static gboolean
jpeg_has_end (const guint8 *data,
              gsize         size)
{
  gsize pos = 2; /* past SOI */

  g_assert (data != NULL);

  while (pos + 4 <= size)
    {
      guint8 marker;

      if (data[pos] != 0xff)
        return FALSE;
      marker = data[pos + 1];
      if (marker == 0xff)
        {
          pos++; /* fill byte */
          continue;
        }
      if (marker == 0xda)
        break;
      pos += 2 + ((gsize) data[pos + 2] << 8 | data[pos + 3]);
    }
  for (pos += 2; pos + 1 < size; pos++)
    {
      if (data[pos] == 0xff && data[pos + 1] == 0xd9)
        return TRUE;
    }
  return FALSE;
}

/* gdk-pixbuf's PNG loader, too, takes a file cut short without an error;
 * a whole PNG is a chain of chunks that ends with IEND. */
static gboolean
png_has_end (const guint8 *data,
             gsize         size)
{
  gsize pos = 8; /* past the signature */

  g_assert (data != NULL);

  while (pos + 12 <= size)
    {
      gsize length = (gsize) data[pos] << 24 | data[pos + 1] << 16 | data[pos + 2] << 8 | data[pos + 3];

      if (memcmp (data + pos + 4, "IEND", 4) == 0)
        return TRUE;
      if (length > size - pos - 12)
        return FALSE;
      pos += 12 + length;
    }
  return FALSE;
}

/* Decodes JPEG, PNG and GIF with gdk-pixbuf's own loader for the type, so
 * that a damaged or cut-off file is refused rather than stored. */
static gboolean
read_with_pixbuf (ImageKind     kind,
                  const guint8 *data,
                  gsize         size,
                  guint        *width,
                  guint        *height)
{
  static const char *const types[] = {
    [KIND_JPEG] = "jpeg",
    [KIND_PNG] = "png",
    [KIND_GIF] = "gif",
  };
  g_autoptr (GdkPixbufLoader) loader = NULL;
  guint    dimensions[2] = { 0, 0 };
  gboolean ok;

  g_assert (kind == KIND_JPEG || kind == KIND_PNG || kind == KIND_GIF);
  g_assert (width != NULL && height != NULL);

  if ((kind == KIND_JPEG && !jpeg_has_end (data, size)) ||
      (kind == KIND_PNG && !png_has_end (data, size)))
    return FALSE;
  loader = gdk_pixbuf_loader_new_with_type (types[kind], NULL);
  if (loader == NULL)
    return FALSE;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), dimensions);
  ok = gdk_pixbuf_loader_write (loader, data, size, NULL);
  /* Closing is needed either way, and reports a file that ended early. */
  ok = gdk_pixbuf_loader_close (loader, NULL) && ok;
  if (!ok || gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    return FALSE;
  *width = dimensions[0];
  *height = dimensions[1];
  return TRUE;
}

/* Reads WebP with libwebp: the container must be whole (WebPDemux refuses
 * one cut short), and a still image must decode. */
static gboolean
read_webp (const guint8 *data,
           gsize         size,
           guint        *width,
           guint        *height)
{
  WebPData               webp = { data, size };
  WebPDemuxer           *demux;
  WebPDecoderConfig      config;
  WebPBitstreamFeatures *features = &config.input;
  gboolean               ok;

  g_assert (data != NULL);
  g_assert (width != NULL && height != NULL);

  if ((demux = WebPDemux (&webp)) == NULL)
    return FALSE;
  *width = WebPDemuxGetI (demux, WEBP_FF_CANVAS_WIDTH);
  *height = WebPDemuxGetI (demux, WEBP_FF_CANVAS_HEIGHT);
  WebPDemuxDelete (demux);

  if (!WebPInitDecoderConfig (&config) || WebPGetFeatures (data, size, features) != VP8_STATUS_OK)
    return FALSE;
  /* An animation's frames were checked whole by the demuxer; decoding
   * them needs libwebp's animation decoder, which adds nothing here. */
  if (features->has_animation)
    return *width > 0 && *height > 0;
  if (features->width > CHECK_DECODE_SIZE || features->height > CHECK_DECODE_SIZE)
    {
      double scale = (double) CHECK_DECODE_SIZE / MAX (features->width, features->height);

      config.options.use_scaling = 1;
      config.options.scaled_width = MAX (1, (int) (features->width * scale));
      config.options.scaled_height = MAX (1, (int) (features->height * scale));
    }
  config.output.colorspace = MODE_RGBA;
  ok = WebPDecode (data, size, &config) == VP8_STATUS_OK;
  WebPFreeDecBuffer (&config.output);
  return ok && *width > 0 && *height > 0;
}

/* Finds the type from the bytes and reads the dimensions; anything that
 * is not a whole JPEG, PNG, WebP or GIF is refused, naming @display_name. */
static gboolean
sniff_image (GBytes      *bytes,
             const char  *display_name,
             const char **mime_type,
             guint       *width,
             guint       *height,
             GError     **error)
{
  static const char *const mime_types[] = {
    [KIND_JPEG] = "image/jpeg",
    [KIND_PNG] = "image/png",
    [KIND_GIF] = "image/gif",
    [KIND_WEBP] = "image/webp",
  };
  gsize         size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  ImageKind     kind = sniff_kind (data, size);
  gboolean      ok;

  g_assert (bytes != NULL);
  g_assert (display_name != NULL);

  if (kind == KIND_NONE)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                   "“%s” is not a JPEG, PNG, WebP or GIF image, so it cannot be added.",
                   display_name);
      return FALSE;
    }
  if (kind == KIND_WEBP)
    ok = read_webp (data, size, width, height);
  else
    ok = read_with_pixbuf (kind, data, size, width, height);
  if (!ok || *width == 0 || *height == 0)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                   "“%s” is a damaged or incomplete %s image and could not be read.",
                   display_name, kind_label (kind));
      return FALSE;
    }
  *mime_type = mime_types[kind];
  return TRUE;
}

static gboolean
check_size (guint64     size,
            const char *display_name,
            GError    **error)
{
  g_autofree char *size_text = NULL;

  g_assert (display_name != NULL);

  if (size <= CD_IMAGE_MAX_SIZE)
    return TRUE;
  size_text = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
               "“%s” is %s, more than the %d MB an image may have; "
               "save it smaller and add it again.",
               display_name, size_text, CD_IMAGE_MAX_SIZE / (1024 * 1024));
  return FALSE;
}

/* The folder the store's database lives in, which holds images/ too. */
static char *
images_dir (CdStore *self)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *dir = NULL;

  g_assert (CD_IS_STORE (self));

  data_dir = g_path_get_dirname (cd_store_get_path (self));
  dir = g_build_filename (data_dir, "images", NULL);
  return g_canonicalize_filename (dir, NULL);
}

static char *
image_path (CdStore    *self,
            const char *id)
{
  g_autofree char *dir = images_dir (self);
  char             prefix[3] = { id[0], id[1], '\0' };

  g_assert (cd_image_id_is_valid (id));

  return g_build_filename (dir, prefix, id, NULL);
}

/* Reads the row of @id under the lock: the info, or %NULL with no error
 * when there is none. */
static CdImageInfo *
lookup_locked (CdStore    *self,
               const char *id,
               GError    **error)
{
  static const char sql[] =
      "SELECT id, mime_type, width, height, size FROM images WHERE id = ?1";
  g_autoptr (CdStoreOwnedStmt) stmt = NULL;
  int rc;

  g_assert (CD_IS_STORE (self));
  g_assert (id != NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cd_store_set_error (self, error, rc, "look up the image");
      return NULL;
    }
  _cd_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return cd_image_info_new (_cd_store_column_text (stmt, 0), _cd_store_column_text (stmt, 1),
                              sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3),
                              sqlite3_column_int64 (stmt, 4));
  if (rc != SQLITE_DONE)
    _cd_store_set_error (self, error, rc, "look up the image");
  return NULL;
}

/* Writes the bytes to their file unless a whole copy is there already.
 * g_file_set_contents_full() writes a temporary file, syncs it and renames
 * it into place, so a crash leaves the old state or the whole new file. */
static gboolean
write_image_file (CdStore    *self,
                  const char *id,
                  GBytes     *bytes,
                  const char *display_name,
                  GError    **error)
{
  g_autofree char *path = image_path (self, id);
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf         st;
  gsize            size;
  const char      *data = g_bytes_get_data (bytes, &size);
  g_autoptr (GError) local_error = NULL;

  g_assert (display_name != NULL);

  if (g_stat (path, &st) == 0 && (guint64) st.st_size == size)
    return TRUE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                   "Could not store “%s”: the folder “%s” could not be created (%s).",
                   display_name, dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, data != NULL ? data : "", size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                   "Could not store “%s”: %s.", display_name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_store_add_image:
 * @bytes: the image file's bytes
 * @display_name: what to call the image in an error, such as its file name
 *
 * Sniffs the type from the bytes (JPEG, PNG, WebP or GIF; anything else
 * is refused in one sentence naming @display_name), reads the dimensions,
 * refuses more than %CD_IMAGE_MAX_SIZE bytes, stores the bytes once under
 * the data folder by their SHA-256 (atomically: a crash leaves no half
 * file) and records the image. Adding the same bytes again returns the
 * same info. Thread-safe.
 *
 * Returns: (transfer full): the image's info, or %NULL with @error set
 */
CdImageInfo *
cd_store_add_image (CdStore    *self,
                    GBytes     *bytes,
                    const char *display_name,
                    GError    **error)
{
  static const char insert_sql[] =
      "INSERT INTO images (id, mime_type, width, height, size, added)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET added = excluded.added";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdStoreOwnedStmt) stmt = NULL;
  g_autoptr (CdImageInfo) info = NULL;
  g_autofree char *id = NULL;
  const char      *mime_type = NULL;
  guint            width = 0, height = 0;
  int              rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Checking and hashing take the longest, so they run before the lock. */
  if (!check_size (g_bytes_get_size (bytes), display_name, error) ||
      !sniff_image (bytes, display_name, &mime_type, &width, &height, error))
    return NULL;
  id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return NULL;
  /* The file is written inside the write transaction, so that collecting
   * images in another process cannot delete it between the write and
   * the row. */
  if (!write_image_file (self, id, bytes, display_name, error))
    goto fail;
  rc = sqlite3_prepare_v2 (self->db, insert_sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cd_store_set_error (self, error, rc, "record the image");
      goto fail;
    }
  _cd_store_bind_text (stmt, 1, id);
  _cd_store_bind_text (stmt, 2, mime_type);
  sqlite3_bind_int (stmt, 3, width);
  sqlite3_bind_int (stmt, 4, height);
  sqlite3_bind_int64 (stmt, 5, g_bytes_get_size (bytes));
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
  if (!_cd_store_step_done (self, stmt, "record the image", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if ((info = lookup_locked (self, id, error)) == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                     "Could not record “%s” in the store.", display_name);
      goto fail;
    }
  if (!_cd_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&info);

fail:
  _cd_store_rollback (self);
  return NULL;
}

/**
 * cd_store_add_image_file:
 *
 * cd_store_add_image() with the bytes of @file; a file larger than
 * %CD_IMAGE_MAX_SIZE is refused before it is read.
 *
 * Returns: (transfer full): the image's info, or %NULL with @error set
 */
CdImageInfo *
cd_store_add_image_file (CdStore *self,
                         GFile   *file,
                         GError **error)
{
  g_autoptr (GFileInfo) file_info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                 G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (file_info == NULL ||
      (g_file_info_get_file_type (file_info) == G_FILE_TYPE_REGULAR &&
       !check_size (g_file_info_get_size (file_info), name, error)))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                     "There is no image file “%s”.", name);
      else if (local_error != NULL)
        g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                     "Could not read the image “%s”: %s.", name, local_error->message);
      return NULL;
    }
  if ((bytes = g_file_load_bytes (file, NULL, NULL, &local_error)) == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                   "Could not read the image “%s”: %s.", name, local_error->message);
      return NULL;
    }
  return cd_store_add_image (self, bytes, name, error);
}

/**
 * cd_store_lookup_image:
 * @id: an image id
 *
 * Returns: (transfer full) (nullable): the image's info; %NULL without an
 *   error when the store has no such image (or @id is no image id), %NULL
 *   with @error set when the store could not be read
 */
CdImageInfo *
cd_store_lookup_image (CdStore    *self,
                       const char *id,
                       GError    **error)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cd_image_id_is_valid (id))
    return NULL;
  locker = g_mutex_locker_new (&self->mutex);
  return lookup_locked (self, id, error);
}

/**
 * cd_store_get_image_path:
 * @id: an image id
 *
 * Returns: (transfer full) (nullable): the absolute path of the file that
 *   holds the image's bytes, or %NULL when the store has no such image
 */
char *
cd_store_get_image_path (CdStore    *self,
                         const char *id)
{
  g_autoptr (CdImageInfo) info = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((info = cd_store_lookup_image (self, id, NULL)) == NULL)
    return NULL;
  return image_path (self, id);
}

/**
 * cd_store_collect_images:
 *
 * Deletes the images, rows and files, that no article refers to: neither
 * a live article, nor one in the trash, nor any revision, by a body's
 * `image` fence or the featured `image` field. An id is taken as referred
 * to wherever its 64 hex digits appear in a body or snapshot, which keeps
 * an image that only a malformed fence names rather than deleting it.
 *
 * An image added (or added again) within the last day is kept even when
 * nothing refers to it yet: it may be waiting in an editor's unsaved text,
 * its undo history or the clipboard, from where it comes back into a body.
 *
 * Returns: how many images were deleted; 0 with @error set on failure
 */
guint
cd_store_collect_images (CdStore *self,
                         GError **error)
{
  return cd_store_collect_images_older_than (self, CD_IMAGE_KEEP_UNUSED, error);
}

/**
 * cd_store_collect_images_older_than:
 * @age: how long ago an image must have been added to be collected
 *
 * cd_store_collect_images() with another wait than a day.
 *
 * Returns: how many images were deleted; 0 with @error set on failure
 */
guint
cd_store_collect_images_older_than (CdStore  *self,
                                    GTimeSpan age,
                                    GError  **error)
{
  static const char unused_sql[] =
      "SELECT i.id FROM images i"
      " WHERE i.added <= ?1"
      "   AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.image = i.id)"
      "   AND NOT EXISTS (SELECT 1 FROM article_bodies b WHERE instr (b.body, i.id) > 0)"
      "   AND NOT EXISTS (SELECT 1 FROM revisions r WHERE instr (r.snapshot, i.id) > 0)";
  static const char delete_sql[] = "DELETE FROM images WHERE id = ?1";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdStoreOwnedStmt) stmt = NULL;
  g_autoptr (CdStoreOwnedStmt) delete_stmt = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return 0;
  if ((rc = sqlite3_prepare_v2 (self->db, unused_sql, -1, &stmt, NULL)) != SQLITE_OK ||
      (rc = sqlite3_prepare_v2 (self->db, delete_sql, -1, &delete_stmt, NULL)) != SQLITE_OK)
    {
      _cd_store_set_error (self, error, rc, "collect unused images");
      goto fail;
    }
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () - age);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = _cd_store_column_text (stmt, 0);

      if (cd_image_id_is_valid (id))
        g_ptr_array_add (ids, g_strdup (id));
    }
  if (rc != SQLITE_DONE)
    {
      _cd_store_set_error (self, error, rc, "collect unused images");
      goto fail;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      _cd_store_bind_text (delete_stmt, 1, g_ptr_array_index (ids, i));
      if (!_cd_store_step_done (self, delete_stmt, "collect unused images", error))
        goto fail;
      sqlite3_reset (delete_stmt);
    }
  /* The files go while the write lock is held, so that no process adds
   * the same bytes back between the row's deletion and the file's. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *path = image_path (self, g_ptr_array_index (ids, i));

      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("Could not delete the unused image “%s”: %s", path, g_strerror (errno));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&delete_stmt, sqlite3_finalize);
  if (!_cd_store_commit (self, error))
    return 0;
  return ids->len;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&delete_stmt, sqlite3_finalize);
  _cd_store_rollback (self);
  return 0;
}

/**
 * cd_store_load_image:
 * @id: an image id
 *
 * Returns: (transfer full) (nullable): the image's bytes; %NULL without an
 *   error when the store has no such image, %NULL with @error set when
 *   its file could not be read
 */
GBytes *
cd_store_load_image (CdStore    *self,
                     const char *id,
                     GError    **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFile) file = NULL;
  GBytes *bytes;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((path = cd_store_get_image_path (self, id)) == NULL)
    return NULL;
  file = g_file_new_for_path (path);
  if ((bytes = g_file_load_bytes (file, NULL, NULL, &local_error)) == NULL)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                 "Could not read the stored image “%s”: %s.", path, local_error->message);
  return bytes;
}

static CdImageInfo *
source_lookup (gpointer    user_data,
               const char *id)
{
  g_assert (CD_IS_STORE (user_data));

  return cd_store_lookup_image (user_data, id, NULL);
}

static GBytes *
source_load (gpointer    user_data,
             const char *id)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  g_assert (CD_IS_STORE (user_data));

  bytes = cd_store_load_image (user_data, id, &error);
  if (error != NULL)
    g_warning ("%s", error->message);
  return bytes;
}

/**
 * cd_store_get_image_source:
 * @source: (out caller-allocates): where to put the source
 *
 * Fills @source with functions that read this store's images. The store
 * is not referenced: keep it alive while @source is used.
 */
void
cd_store_get_image_source (CdStore       *self,
                           CdImageSource *source)
{
  g_return_if_fail (CD_IS_STORE (self));
  g_return_if_fail (source != NULL);

  source->lookup = source_lookup;
  source->load = source_load;
  source->user_data = self;
}

/**
 * cd_image_source_lookup:
 * @images: (nullable): where stored images come from
 * @id: (nullable): an image id
 *
 * Returns: (transfer full) (nullable): the image's info, or %NULL when
 *   there is no @images, @id is no image id or @images does not know it
 */
CdImageInfo *
cd_image_source_lookup (const CdImageSource *images,
                        const char          *id)
{
  if (images == NULL || images->lookup == NULL || !cd_image_id_is_valid (id))
    return NULL;
  return images->lookup (images->user_data, id);
}

/**
 * cd_image_source_load:
 * @images: (nullable): where stored images come from
 * @id: (nullable): an image id
 *
 * Returns: (transfer full) (nullable): the image's bytes, or %NULL as for
 *   cd_image_source_lookup() or when @images has no @load
 */
GBytes *
cd_image_source_load (const CdImageSource *images,
                      const char          *id)
{
  if (images == NULL || images->load == NULL || !cd_image_id_is_valid (id))
    return NULL;
  return images->load (images->user_data, id);
}
