/* test-images.c: the image store (type sniffing, dimensions, the size
 * limit, one copy per content, atomic files, collecting what nothing
 * uses), the body's `image` fence and the featured image's alt text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <webp/encode.h>

#include "cd-article-json.h"
#include "cd-image-ref.h"
#include "cd-render.h"
#include "cd-store.h"
#include "cd-test-util.h"
#include "cd-test-wp-oracle.h"
#include "cd-wp-content.h"
#include "cd-wp-image.h"
#include "cd-wp-label.h"

typedef struct
{
  char    *dir;
  CdStore *store;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("copydesk-images-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = cd_store_open (f->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->store);
  cd_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* A picture with a gradient, so that encoders have something to keep. */
static GdkPixbuf *
make_pixbuf (int      width,
             int      height,
             gboolean alpha)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  guchar    *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int        stride = gdk_pixbuf_get_rowstride (pixbuf);
  int        channels = alpha ? 4 : 3;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * channels;

        p[0] = x * 255 / width;
        p[1] = y * 255 / height;
        p[2] = 128;
        if (alpha)
          p[3] = 255;
      }
  return pixbuf;
}

static GBytes *
encode_pixbuf (const char *type,
               int         width,
               int         height)
{
  /* JPEG and BMP have no alpha channel. */
  g_autoptr (GdkPixbuf) pixbuf = make_pixbuf (width, height, g_str_equal (type, "png"));
  g_autoptr (GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, &error, NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static GBytes *
make_png (int width,
          int height)
{
  return encode_pixbuf ("png", width, height);
}

static GBytes *
make_jpeg (int width,
           int height)
{
  return encode_pixbuf ("jpeg", width, height);
}

static GBytes *
make_webp (int width,
           int height)
{
  g_autoptr (GdkPixbuf) pixbuf = make_pixbuf (width, height, TRUE);
  uint8_t *out = NULL;
  size_t   size;
  GBytes  *bytes;

  size = WebPEncodeLosslessRGBA (gdk_pixbuf_get_pixels (pixbuf), width, height,
                                 gdk_pixbuf_get_rowstride (pixbuf), &out);
  g_assert_cmpuint (size, >, 0);
  bytes = g_bytes_new (out, size);
  WebPFree (out);
  return bytes;
}

/* gdk-pixbuf writes no GIF, so this is one written out: a 3×2 picture,
 * two colours, LZW minimum code size 2. */
static GBytes *
make_gif (void)
{
  static const guint8 gif[] = {
    'G', 'I', 'F', '8', '9', 'a', 0x03, 0x00, 0x02, 0x00, 0x80, 0x00, 0x00,
    0xff, 0x00, 0x00, 0x00, 0x00, 0xff, /* colour table: red, blue */
    0x2c, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x02, 0x00, 0x00,
    0x02, 0x03, 0x84, 0x1d, 0x05, 0x00, 0x3b
  };

  return g_bytes_new_static (gif, sizeof gif);
}

static GBytes *
truncated (GBytes *bytes)
{
  return g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) / 2);
}

static CdImageInfo *
add_ok (Fixture    *f,
        GBytes     *bytes,
        const char *name)
{
  g_autoptr (GError) error = NULL;
  CdImageInfo *info = cd_store_add_image (f->store, bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

static guint
count_files (const char *dir)
{
  GDir       *d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint       n = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      n += g_file_test (child, G_FILE_TEST_IS_DIR) ? count_files (child) : 1;
    }
  g_dir_close (d);
  return n;
}

static void
assert_sniffed (Fixture    *f,
                GBytes     *bytes,
                const char *mime_type,
                guint       width,
                guint       height)
{
  g_autoptr (CdImageInfo) info = add_ok (f, bytes, "picture");
  g_autoptr (CdImageInfo) found = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *path = NULL;
  g_autofree char *prefix = g_strndup (sha, 2);
  g_autofree char *expected_path = g_build_filename (f->dir, "images", prefix, sha, NULL);
  g_autofree char *contents = NULL;
  gsize            length = 0;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (cd_image_info_get_id (info), ==, sha);
  g_assert_true (cd_image_id_is_valid (cd_image_info_get_id (info)));
  g_assert_cmpstr (cd_image_info_get_mime_type (info), ==, mime_type);
  g_assert_cmpuint (cd_image_info_get_width (info), ==, width);
  g_assert_cmpuint (cd_image_info_get_height (info), ==, height);
  g_assert_cmpuint (cd_image_info_get_size (info), ==, g_bytes_get_size (bytes));

  found = cd_store_lookup_image (f->store, sha, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (cd_image_info_get_mime_type (found), ==, mime_type);
  g_assert_cmpuint (cd_image_info_get_width (found), ==, width);
  g_assert_cmpuint (cd_image_info_get_height (found), ==, height);

  path = cd_store_get_image_path (f->store, sha);
  g_assert_true (g_path_is_absolute (path));
  g_assert_cmpstr (path, ==, expected_path);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_sniff_types (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (GBytes) png = make_png (7, 5);
  g_autoptr (GBytes) jpeg = make_jpeg (9, 4);
  g_autoptr (GBytes) webp = make_webp (6, 3);
  g_autoptr (GBytes) gif = make_gif ();
  g_autoptr (GBytes) big_jpeg = make_jpeg (300, 200);

  assert_sniffed (f, png, "image/png", 7, 5);
  assert_sniffed (f, jpeg, "image/jpeg", 9, 4);
  assert_sniffed (f, webp, "image/webp", 6, 3);
  assert_sniffed (f, gif, "image/gif", 3, 2);
  /* Larger than the size decoding scales down to: the real size. */
  assert_sniffed (f, big_jpeg, "image/jpeg", 300, 200);
}

static void
assert_refused (Fixture    *f,
                GBytes     *bytes,
                const char *name,
                const char *says)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdImageInfo) info = cd_store_add_image (f->store, bytes, name, &error);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *images = g_build_filename (f->dir, "images", NULL);

  g_test_message ("Adding %s", name);
  g_assert_null (info);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, says));
  g_assert_null (cd_store_lookup_image (f->store, sha, NULL));
  g_assert_null (cd_store_get_image_path (f->store, sha));
  g_assert_cmpuint (count_files (images), ==, 0);
}

static void
test_refused (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (GBytes) text = g_bytes_new_static ("Just words, no picture.\n", 24);
  g_autoptr (GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", 25);
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr (GBytes) png = make_png (40, 30);
  g_autoptr (GBytes) jpeg = make_jpeg (40, 30);
  g_autoptr (GBytes) webp = make_webp (40, 30);
  g_autoptr (GBytes) half_png = truncated (png);
  g_autoptr (GBytes) half_jpeg = truncated (jpeg);
  g_autoptr (GBytes) half_webp = truncated (webp);
  g_autoptr (GBytes) gif = make_gif ();
  g_autoptr (GBytes) half_gif = g_bytes_new_from_bytes (gif, 0, g_bytes_get_size (gif) - 8);
  g_autoptr (GBytes) bmp = encode_pixbuf ("bmp", 4, 4);

  assert_refused (f, text, "notes.txt", "not a JPEG, PNG, WebP or GIF image");
  assert_refused (f, pdf, "report.pdf", "not a JPEG, PNG, WebP or GIF image");
  assert_refused (f, empty, "empty.jpg", "not a JPEG, PNG, WebP or GIF image");
  assert_refused (f, bmp, "scan.bmp", "not a JPEG, PNG, WebP or GIF image");
  assert_refused (f, half_png, "cut.png", "damaged or incomplete PNG");
  assert_refused (f, half_jpeg, "cut.jpg", "damaged or incomplete JPEG");
  assert_refused (f, half_webp, "cut.webp", "damaged or incomplete WebP");
  assert_refused (f, half_gif, "cut.gif", "damaged or incomplete GIF");
}

static void
test_size_limit (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (GBytes) png = make_png (4, 4);
  gsize   size = CD_IMAGE_MAX_SIZE + 1;
  guint8 *big = g_malloc0 (size);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (f->dir, "huge.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdImageInfo) info = NULL;

  /* A PNG's bytes followed by padding: only the size is wrong. */
  memcpy (big, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  bytes = g_bytes_new_take (big, size);
  assert_refused (f, bytes, "huge.png", "more than the 40 MB an image may have");

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), size, &error);
  g_assert_no_error (error);
  info = cd_store_add_image_file (f->store, file, &error);
  g_assert_null (info);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "40 MB"));
  g_clear_error (&error);

  /* Exactly at the limit is allowed. */
  g_clear_pointer (&bytes, g_bytes_unref);
  big = g_malloc0 (CD_IMAGE_MAX_SIZE);
  memcpy (big, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  bytes = g_bytes_new_take (big, CD_IMAGE_MAX_SIZE);
  g_clear_pointer (&info, cd_image_info_unref);
  info = cd_store_add_image (f->store, bytes, "padded.png", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cd_image_info_get_size (info), ==, CD_IMAGE_MAX_SIZE);
}

static void
test_add_file (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GBytes) jpeg = make_jpeg (12, 8);
  g_autofree char *path = g_build_filename (f->dir, "photo.jpg", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.jpg", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdImageInfo) info = NULL;

  g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), &error);
  g_assert_no_error (error);
  info = cd_store_add_image_file (f->store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_image_info_get_mime_type (info), ==, "image/jpeg");
  g_assert_cmpuint (cd_image_info_get_width (info), ==, 12);

  g_assert_null (cd_store_add_image_file (f->store, missing_file, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_true (g_str_has_prefix (error->message, "There is no image file"));
}

static void
test_dedupe (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (GBytes) png = make_png (5, 5);
  g_autoptr (GBytes) copy = g_bytes_new (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_autoptr (CdImageInfo) first = add_ok (f, png, "a.png");
  g_autoptr (CdImageInfo) second = add_ok (f, copy, "b.png");
  g_autofree char *images = g_build_filename (f->dir, "images", NULL);
  g_autoptr (CdStore) again = NULL;
  g_autoptr (CdImageInfo) reopened = NULL;

  g_assert_cmpstr (cd_image_info_get_id (first), ==, cd_image_info_get_id (second));
  g_assert_cmpuint (count_files (images), ==, 1);

  /* The row outlives the connection. */
  g_clear_object (&f->store);
  f->store = cd_store_open (f->dir, NULL);
  reopened = cd_store_lookup_image (f->store, cd_image_info_get_id (first), NULL);
  g_assert_nonnull (reopened);
  g_assert_cmpuint (cd_image_info_get_height (reopened), ==, 5);

  /* Something that is no id is unknown, not an error or a path. */
  g_assert_null (cd_store_lookup_image (f->store, "../../etc/passwd", NULL));
  g_assert_null (cd_store_get_image_path (f->store, "../../etc/passwd"));
  g_assert_false (cd_image_id_is_valid ("ABCDEF"));
}

/* A file cut short (as a crash while writing without the atomic rename
 * would leave it) is replaced whole, and no temporary file stays behind. */
static void
test_atomic_write (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (GBytes) png = make_png (16, 16);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_autofree char *prefix = g_strndup (sha, 2);
  g_autofree char *dir = g_build_filename (f->dir, "images", prefix, NULL);
  g_autofree char *path = g_build_filename (dir, sha, NULL);
  g_autofree char *contents = NULL;
  gsize            length;
  g_autoptr (CdImageInfo) info = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), 10, NULL));
  info = add_ok (f, png, "tile.png");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static CdArticle *
save_article (Fixture    *f,
              const char *headline,
              const char *body,
              const char *image)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_article_new ();

  cd_article_set_headline (article, headline);
  cd_article_set_body (article, body);
  cd_article_set_image (article, image);
  cd_store_save_article (f->store, article, CD_REVISION_CHECKPOINT, NULL, &error);
  g_assert_no_error (error);
  return article;
}

static gboolean
image_exists (Fixture     *f,
              CdImageInfo *info)
{
  g_autofree char *sha = g_strdup (cd_image_info_get_id (info));
  g_autofree char *prefix = g_strndup (sha, 2);
  g_autofree char *path = g_build_filename (f->dir, "images", prefix, sha, NULL);
  g_autoptr (CdImageInfo) found = cd_store_lookup_image (f->store, sha, NULL);
  gboolean has_file = g_file_test (path, G_FILE_TEST_EXISTS);

  /* Row and file go together. */
  g_assert_cmpint (found != NULL, ==, has_file);
  return has_file;
}

static void
test_collect (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (GBytes) b1 = make_png (2, 2);
  g_autoptr (GBytes) b2 = make_png (3, 3);
  g_autoptr (GBytes) b3 = make_png (4, 4);
  g_autoptr (GBytes) b4 = make_png (5, 5);
  g_autoptr (GBytes) b5 = make_png (6, 6);
  g_autoptr (CdImageInfo) in_body = add_ok (f, b1, "1");
  g_autoptr (CdImageInfo) featured_trashed = add_ok (f, b2, "2");
  g_autoptr (CdImageInfo) in_history = add_ok (f, b3, "3");
  g_autoptr (CdImageInfo) unused = add_ok (f, b4, "4");
  g_autoptr (CdImageInfo) trashed_body = add_ok (f, b5, "5");
  g_autofree char *fence1 = cd_image_ref_to_fence (cd_image_info_get_id (in_body), "One", NULL, NULL);
  g_autofree char *fence3 = cd_image_ref_to_fence (cd_image_info_get_id (in_history), "Three", NULL, NULL);
  g_autofree char *fence5 = cd_image_ref_to_fence (cd_image_info_get_id (trashed_body), "Five", NULL, NULL);
  g_autofree char *body1 = g_strdup_printf ("Intro.\n\n%s\n\nMore.\n", fence1);
  g_autofree char *body3 = g_strdup_printf ("Old.\n\n%s\n", fence3);
  g_autofree char *body5 = g_strdup_printf ("%s\n", fence5);
  g_autoptr (CdArticle) live = save_article (f, "Live", body1, NULL);
  g_autoptr (CdArticle) gone = save_article (f, "Trashed", body5, cd_image_info_get_id (featured_trashed));
  g_autoptr (CdArticle) edited = save_article (f, "Edited", body3, NULL);
  g_autoptr (GError) error = NULL;
  guint n;

  /* The current body drops image 3; the checkpoint revision keeps it. */
  cd_article_set_body (edited, "New text, no picture.\n");
  cd_store_save_article (f->store, edited, CD_REVISION_NONE, NULL, &error);
  g_assert_no_error (error);
  cd_store_trash_article (f->store, cd_article_get_uuid (gone), &error);
  g_assert_no_error (error);

  /* An image added within the day is kept, referred to or not: it may
   * wait in an editor's unsaved text, undo history or clipboard. */
  g_assert_cmpuint (cd_store_collect_images (f->store, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (image_exists (f, unused));

  n = cd_store_collect_images_older_than (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (image_exists (f, in_body));
  g_assert_true (image_exists (f, featured_trashed));
  g_assert_true (image_exists (f, trashed_body));
  g_assert_true (image_exists (f, in_history));
  g_assert_false (image_exists (f, unused));

  /* Emptying the trash collects what only the trashed article used, once
   * it is older than a day. */
  g_assert_cmpuint (cd_store_empty_trash (f->store, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (image_exists (f, trashed_body));
  g_assert_cmpuint (cd_store_collect_images_older_than (f->store, 0, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_false (image_exists (f, featured_trashed));
  g_assert_false (image_exists (f, trashed_body));
  g_assert_true (image_exists (f, in_body));
  g_assert_true (image_exists (f, in_history));

  /* Nothing left to collect. */
  g_assert_cmpuint (cd_store_collect_images_older_than (f->store, 0, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_image_alt (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autoptr (CdArticle) read = NULL;
  g_autoptr (CdArticle) parsed = NULL;
  g_autofree char *json = NULL;
  g_autofree char *alt = NULL;
  g_autoptr (GError) error = NULL;

  cd_article_set_image_alt (article, "A red door");
  g_object_get (article, "image-alt", &alt, NULL);
  g_assert_cmpstr (alt, ==, "A red door");
  g_assert_true (cd_article_set_field (article, "image_alt", "A blue door", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_image_alt (article), ==, "A blue door");

  json = cd_article_to_json (article, CD_ARTICLE_JSON_DEFAULT, FALSE);
  g_assert_nonnull (strstr (json, "\"image_alt\""));
  parsed = cd_article_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_image_alt (parsed), ==, "A blue door");

  cd_store_save_article (f->store, article, CD_REVISION_CHECKPOINT, NULL, &error);
  g_assert_no_error (error);
  read = cd_store_get_article (f->store, cd_article_get_uuid (article), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_image_alt (read), ==, "A blue door");
}

static void
test_refs_parse (void)
{
  const char      *id_a = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  g_autofree char *fence = cd_image_ref_to_fence (id_a, "Firefighters at the scene",
                                                  "Crews worked\nthrough the night.",
                                                  "Jane Doe / Agency");
  g_autofree char *body = g_strdup_printf (
      "Intro.\n\n%s\n\n"
      "````markdown\n```image\nid: quoted\nalt: not a reference\n```\n````\n\n"
      "  ```image\r\nid: second\r\nalt:\r\nwidth: 400\r\n```\r\n"
      "Tail.\n\n```image\nid: open\n",
      fence);
  g_autoptr (GPtrArray) refs = cd_image_refs_in_body (body);
  CdImageRef *a, *b;

  g_assert_cmpstr (fence, ==,
                   "```image\n"
                   "id: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n"
                   "alt: Firefighters at the scene\n"
                   "caption: Crews worked through the night.\n"
                   "credit: Jane Doe / Agency\n"
                   "```");
  g_assert_cmpuint (refs->len, ==, 2);
  a = g_ptr_array_index (refs, 0);
  g_assert_cmpstr (a->id, ==, id_a);
  g_assert_cmpstr (a->alt, ==, "Firefighters at the scene");
  g_assert_cmpstr (a->caption, ==, "Crews worked through the night.");
  g_assert_cmpstr (a->credit, ==, "Jane Doe / Agency");
  g_assert_cmpuint (a->start, ==, strlen ("Intro.\n\n"));
  g_assert_cmpmem (body + a->start, a->end - a->start, fence, strlen (fence));

  b = g_ptr_array_index (refs, 1);
  g_assert_cmpstr (b->id, ==, "second");
  g_assert_cmpstr (b->alt, ==, "");
  g_assert_null (b->caption);
  g_assert_null (b->credit);
  g_assert_true (g_str_has_prefix (body + b->start, "  ```image\r\n"));
  g_assert_cmpmem (body + b->end - 3, 3, "```", 3);
  g_assert_cmpint (body[b->end], ==, '\r');

  g_clear_pointer (&refs, g_ptr_array_unref);
  refs = cd_image_refs_in_body (NULL);
  g_assert_cmpuint (refs->len, ==, 0);
}

static void
test_refs_invalid_utf8 (void)
{
  g_autofree char *fence = cd_image_ref_to_fence (
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "Bad \xff byte\n",
      "", NULL);
  g_autoptr (GPtrArray) refs = NULL;
  CdImageRef *ref;

  g_assert_true (g_utf8_validate (fence, -1, NULL));
  g_assert_null (strstr (fence, "caption"));
  refs = cd_image_refs_in_body (fence);
  g_assert_cmpuint (refs->len, ==, 1);
  ref = g_ptr_array_index (refs, 0);
  g_assert_true (g_utf8_validate (ref->alt, -1, NULL));
  g_assert_true (g_str_has_prefix (ref->alt, "Bad "));
  g_assert_true (g_str_has_suffix (ref->alt, " byte"));
  g_assert_cmpuint (ref->end, ==, strlen (fence));

  /* Invalid UTF-8 inside a body's fence comes out valid too. */
  g_clear_pointer (&refs, g_ptr_array_unref);
  refs = cd_image_refs_in_body ("```image\nid: x\nalt: caf\xe9\n```\n");
  g_assert_cmpuint (refs->len, ==, 1);
  ref = g_ptr_array_index (refs, 0);
  g_assert_true (g_utf8_validate (ref->alt, -1, NULL));
}

static const CdWpMedia classic_media = {
  .image_id = "0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0",
  .media_id = "12",
  .url = "https://news.example/wp-content/uploads/flood.jpg",
  .width = 800,
  .height = 600,
};

static const CdWpMedia *
classic_lookup (const char *key,
                gpointer    user_data)
{
  return g_str_equal (key, classic_media.image_id) || g_str_equal (key, classic_media.media_id)
             ? &classic_media
             : NULL;
}

/* A picture in a classic post is written as WordPress's Add Media writes
 * it (get_image_tag(), image_add_caption()), never as a block, and that
 * exact form reads back as the same image fence. */
static void
test_classic_form (void)
{
  g_autofree char *plain = cd_wp_image_classic (&classic_media, "The \"old\" town", NULL, NULL);
  g_autofree char *captioned =
      cd_wp_image_classic (&classic_media, "Sandbags", "Volunteers [left] & <police>", "Jane Doe");
  g_autofree char *first = cd_image_ref_to_fence (classic_media.image_id, "Sandbags",
                                                  "Volunteers [left] & <police>", "Jane Doe");
  g_autofree char *second = cd_image_ref_to_fence (classic_media.image_id, "The river", NULL, NULL);
  g_autofree char *body = g_strdup_printf ("The river rose.\n\n%s\n\n%s\n\nEnd.\n", first, second);
  g_autofree char *placed = cd_wp_body_place_images (body, TRUE, NULL, classic_lookup, NULL);
  g_autofree char *content = cd_wp_body_to_content (placed, -1, "The river rose.\n\nEnd.", -1);
  g_autofree char *read = cd_wp_content_to_body (content, -1);
  g_autofree char *adopted = cd_wp_body_adopt_images (read, classic_lookup, NULL);

  g_assert_cmpstr (plain, ==,
                   "<img src=\"https://news.example/wp-content/uploads/flood.jpg\" alt=\"The "
                   "&quot;old&quot; town\" width=\"800\" height=\"600\" class=\"alignnone "
                   "size-full wp-image-12\" />");
  g_assert_cmpstr (captioned, ==,
                   "[caption id=\"attachment_12\" align=\"alignnone\" width=\"800\"]<img "
                   "src=\"https://news.example/wp-content/uploads/flood.jpg\" alt=\"Sandbags\" "
                   "width=\"800\" height=\"600\" class=\"size-full wp-image-12\" /> Volunteers "
                   "&#91;left&#93; &amp; &lt;police> <span class=\"credit\">Jane "
                   "Doe</span>[/caption]");
  g_assert_true (cd_wp_content_is_classic (content, -1));
  g_assert_null (strstr (content, "<!-- wp:"));
  g_assert_cmpstr (adopted, ==, body);
}

/* A picture the site's editors placed, aligned, at another size, linked,
 * or as older block editors wrote it, or as the classic editor inserts
 * one into a classic post, is an image fence in the body once the store
 * has it: its alt text, caption and credit edited in the body
 * go back into the same block, which keeps everything else it has. A
 * caption with formatting in it keeps the block whole. */
static void
test_block_forms (void)
{
  static const struct
  {
    const char *block;
    const char *alt, *caption; /* what the fence says */
    const char *recaptioned;   /* the block with the caption "Sandbags, 6 a.m." */
    const char *uncaptioned;   /* with no caption */
  } cases[] = {
    {"<!-- wp:image {\"align\":\"center\",\"id\":12,\"sizeSlug\":\"full\",\"linkDestination\":\"none\"} -->\n"
      "<figure class=\"wp-block-image aligncenter size-full\"><img src=\"https://news.example/a.jpg\" "
      "alt=\"Sandbags &amp; pumps\" class=\"wp-image-12\"/><figcaption class=\"wp-element-caption\">Sandbags "
      "at dawn.</figcaption></figure>\n<!-- /wp:image -->",
     "Sandbags & pumps", "Sandbags at dawn.",
     "<!-- wp:image {\"align\":\"center\",\"id\":12,\"sizeSlug\":\"full\",\"linkDestination\":\"none\"} -->\n"
      "<figure class=\"wp-block-image aligncenter size-full\"><img src=\"https://news.example/a.jpg\" "
      "alt=\"Sandbags &amp; pumps\" class=\"wp-image-12\"/><figcaption class=\"wp-element-caption\">Sandbags, "
      "6 a.m.</figcaption></figure>\n<!-- /wp:image -->",
     "<!-- wp:image {\"align\":\"center\",\"id\":12,\"sizeSlug\":\"full\",\"linkDestination\":\"none\"} -->\n"
      "<figure class=\"wp-block-image aligncenter size-full\"><img src=\"https://news.example/a.jpg\" "
      "alt=\"Sandbags &amp; pumps\" class=\"wp-image-12\"/></figure>\n<!-- /wp:image -->"      },
 /* As block editors before 6.1 wrote it: the alignment in a div, no
  * class on the caption. */
    { "<!-- wp:image {\"align\":\"right\",\"id\":12,\"sizeSlug\":\"medium\"} -->\n<div class=\"wp-block-image\">"
      "<figure class=\"alignright size-medium\"><img src=\"https://news.example/a-300x200.jpg\" alt=\"\" "
      "class=\"wp-image-12\"/><figcaption>The river</figcaption></figure></div>\n<!-- /wp:image -->",
     "",                 "The river",
     "<!-- wp:image {\"align\":\"right\",\"id\":12,\"sizeSlug\":\"medium\"} -->\n<div class=\"wp-block-image\">"
      "<figure class=\"alignright size-medium\"><img src=\"https://news.example/a-300x200.jpg\" alt=\"\" "
      "class=\"wp-image-12\"/><figcaption>Sandbags, 6 a.m.</figcaption></figure></div>\n<!-- /wp:image -->",
     "<!-- wp:image {\"align\":\"right\",\"id\":12,\"sizeSlug\":\"medium\"} -->\n<div class=\"wp-block-image\">"
      "<figure class=\"alignright size-medium\"><img src=\"https://news.example/a-300x200.jpg\" alt=\"\" "
      "class=\"wp-image-12\"/></figure></div>\n<!-- /wp:image -->"                             },
 /* Linked to the full picture, no caption, no alt attribute. */
    { "<!-- wp:image {\"id\":12,\"linkDestination\":\"media\"} -->\n<figure class=\"wp-block-image\"><a "
      "href=\"https://news.example/a.jpg\"><img src=\"https://news.example/a-1024x768.jpg\" "
      "class=\"wp-image-12\"/></a></figure>\n<!-- /wp:image -->",
     "",                 "",
     "<!-- wp:image {\"id\":12,\"linkDestination\":\"media\"} -->\n<figure class=\"wp-block-image\"><a "
      "href=\"https://news.example/a.jpg\"><img src=\"https://news.example/a-1024x768.jpg\" "
      "class=\"wp-image-12\"/></a><figcaption class=\"wp-element-caption\">Sandbags, 6 a.m.</figcaption>"
      "</figure>\n<!-- /wp:image -->",
     "<!-- wp:image {\"id\":12,\"linkDestination\":\"media\"} -->\n<figure class=\"wp-block-image\"><a "
      "href=\"https://news.example/a.jpg\"><img src=\"https://news.example/a-1024x768.jpg\" "
      "class=\"wp-image-12\"/></a></figure>\n<!-- /wp:image -->"                               },
 /* Classic posts: a picture in a [caption], as the classic editor
  * inserts one, its alignment in the shortcode; a linked one without a
  * caption, which gets one as the editor adds it. */
    { "[caption id=\"attachment_12\" align=\"alignright\" width=\"300\"]<img class=\"size-medium wp-image-12\" "
      "src=\"https://news.example/a-300x200.jpg\" alt=\"Sandbags\" width=\"300\" height=\"200\" /> The levee "
      "&#91;file&#93;[/caption]",
     "Sandbags",         "The levee [file]",
     "[caption id=\"attachment_12\" align=\"alignright\" width=\"300\"]<img class=\"size-medium wp-image-12\" "
      "src=\"https://news.example/a-300x200.jpg\" alt=\"Sandbags\" width=\"300\" height=\"200\" /> Sandbags, "
      "6 a.m.[/caption]",
     "<img class=\"alignright size-medium wp-image-12\" src=\"https://news.example/a-300x200.jpg\" "
      "alt=\"Sandbags\" width=\"300\" height=\"200\" />"                                       },
    { "<a href=\"https://news.example/a.jpg\"><img class=\"alignleft size-medium wp-image-12\" "
      "src=\"https://news.example/a-300x200.jpg\" alt=\"\" width=\"300\" height=\"200\" /></a>",
     "",                 "",
     "[caption id=\"attachment_12\" align=\"alignleft\" width=\"300\"]<a href=\"https://news.example/a.jpg\">"
      "<img class=\"size-medium wp-image-12\" src=\"https://news.example/a-300x200.jpg\" alt=\"\" width=\"300\" "
      "height=\"200\" /></a> Sandbags, 6 a.m.[/caption]",
     "<a href=\"https://news.example/a.jpg\"><img class=\"alignleft size-medium wp-image-12\" "
      "src=\"https://news.example/a-300x200.jpg\" alt=\"\" width=\"300\" height=\"200\" /></a>"},
  };
  /* Kept whole: a caption with formatting, alt text on two lines (a
   * fence's line could not hold it), alt text or a caption written in a
   * form the reading does not take (an edit would write a second one),
   * a caption given as the shortcode's attribute, as WordPress before
   * 3.4 wrote it. */
  static const char *const kept[] = {
    "<!-- wp:image {\"id\":12} -->\n<figure class=\"wp-block-image\"><img src=\"https://news.example/a.jpg\" "
    "alt=\"\" class=\"wp-image-12\"/><figcaption class=\"wp-element-caption\">The <em>old</em> "
    "town</figcaption></figure>\n<!-- /wp:image -->",
    "<!-- wp:image {\"id\":12} -->\n<figure class=\"wp-block-image\"><img src=\"https://news.example/a.jpg\" "
    "alt=\"Water\nin the square\" class=\"wp-image-12\"/></figure>\n<!-- /wp:image -->",
    "<!-- wp:image {\"id\":12} -->\n<figure class=\"wp-block-image\"><img src=\"https://news.example/a.jpg\" "
    "alt='Sandbags' class=\"wp-image-12\"/></figure>\n<!-- /wp:image -->",
    "<!-- wp:image {\"id\":12} -->\n<figure class=\"wp-block-image\"><img src=\"https://news.example/a.jpg\" "
    "alt=\"\" class=\"wp-image-12\"/><FIGCAPTION>Old</FIGCAPTION></figure>\n<!-- /wp:image -->",
    "[caption id=\"attachment_12\" align=\"alignnone\" width=\"300\" caption=\"The levee\"]<img "
    "class=\"size-medium wp-image-12\" src=\"https://news.example/a-300x200.jpg\" alt=\"\" width=\"300\" "
    "height=\"200\" />[/caption]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean         classic = cases[i].block[0] != '<' || cases[i].block[1] != '!';
      const char      *before = classic ? "The river rose.\n\n"
                                        : "<!-- wp:paragraph -->\n<p>The river rose.</p>\n<!-- /wp:paragraph -->\n\n";
      g_autofree char *post = g_strconcat (before, cases[i].block, NULL);
      g_autofree char *read = cd_wp_content_to_body (post, -1);
      g_autofree char *body = cd_wp_body_adopt_images (read, classic_lookup, NULL);
      g_autofree char *fence = cd_image_ref_to_fence (classic_media.image_id, cases[i].alt, cases[i].caption,
                                                      NULL);
      g_autofree char *placed = cd_wp_body_place_images (body, classic, post, classic_lookup, NULL);
      g_autofree char *same = cd_wp_body_to_content (placed, -1, post, -1);
      struct
      {
        const char *alt, *caption, *credit, *block;
      } edits[] = {
        {cases[i].alt,  "Sandbags, 6 a.m.", NULL, cases[i].recaptioned},
        { cases[i].alt, NULL,               NULL, cases[i].uncaptioned},
      };

      g_test_message ("%s", cases[i].block);
      g_assert_nonnull (strstr (body, fence));
      g_assert_null (strstr (body, "wp:image"));
      g_assert_null (strstr (body, "wp-image-"));
      g_assert_cmpstr (same, ==, post);
      for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
        {
          g_autofree char *edited_fence = cd_image_ref_to_fence (classic_media.image_id, edits[e].alt,
                                                                 edits[e].caption, edits[e].credit);
          g_autoptr (GString) edited_body = g_string_new (body);
          g_autofree char *edited_placed = NULL;
          g_autofree char *edited = NULL;
          g_autofree char *expected = g_strconcat (before, edits[e].block, NULL);

          g_assert_cmpuint (g_string_replace (edited_body, fence, edited_fence, 1), ==, 1);
          edited_placed = cd_wp_body_place_images (edited_body->str, classic, post, classic_lookup, NULL);
          edited = cd_wp_body_to_content (edited_placed, -1, post, -1);
          g_assert_cmpstr (edited, ==, expected);
        }
    }
  /* One picture twice, placed two ways: each fence goes back into its own
   * block, whichever is edited, and a copy of one goes in as that one. */
  {
#define LEFT_BLOCK                                                                                     \
  "<!-- wp:image {\"align\":\"left\",\"id\":12} -->\n<figure class=\"wp-block-image alignleft\"><img " \
  "src=\"https://news.example/a.jpg\" alt=\"\" class=\"wp-image-12\"/>%s</figure>\n<!-- /wp:image -->"
#define RIGHT_BLOCK                                                                                      \
  "<!-- wp:image {\"align\":\"right\",\"id\":12} -->\n<figure class=\"wp-block-image alignright\"><img " \
  "src=\"https://news.example/a.jpg\" alt=\"\" class=\"wp-image-12\"/>%s</figure>\n<!-- /wp:image -->"
#define CAPTIONED(text) "<figcaption class=\"wp-element-caption\">" text "</figcaption>"
    g_autofree char *twice = g_strdup_printf (LEFT_BLOCK "\n\n" RIGHT_BLOCK, "", "");
    g_autofree char *read = cd_wp_content_to_body (twice, -1);
    g_autofree char *body = cd_wp_body_adopt_images (read, classic_lookup, NULL);
    g_autofree char *placed = cd_wp_body_place_images (body, FALSE, twice, classic_lookup, NULL);
    g_autofree char *same = cd_wp_body_to_content (placed, -1, twice, -1);
    g_autofree char *plain = cd_image_ref_to_fence (classic_media.image_id, "", NULL, NULL);
    g_autofree char *first = cd_image_ref_to_fence (classic_media.image_id, "", "First", NULL);
    g_autofree char *second = cd_image_ref_to_fence (classic_media.image_id, "", "Second", NULL);
    g_autofree char *copy = cd_image_ref_to_fence (classic_media.image_id, "", "Copy", NULL);
    g_autofree char *unedited = g_strconcat (plain, "\n\n", plain, "\n", NULL);
    /* Each edit: the body, then the post it gives. */
    g_autoptr (GPtrArray) edits = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (edits, g_strconcat (first, "\n\n", plain, "\n", NULL));
    g_ptr_array_add (edits, g_strdup_printf (LEFT_BLOCK "\n\n" RIGHT_BLOCK, CAPTIONED ("First"), ""));
    g_ptr_array_add (edits, g_strconcat (plain, "\n\n", second, "\n", NULL));
    g_ptr_array_add (edits, g_strdup_printf (LEFT_BLOCK "\n\n" RIGHT_BLOCK, "", CAPTIONED ("Second")));
    g_ptr_array_add (edits, g_strconcat (plain, "\n\n", copy, "\n\n", plain, "\n", NULL));
    g_ptr_array_add (edits, g_strdup_printf (LEFT_BLOCK "\n\n" LEFT_BLOCK "\n\n" RIGHT_BLOCK, "", CAPTIONED ("Copy"),
                                             ""));
    g_assert_cmpstr (same, ==, twice);
    g_assert_cmpstr (body, ==, unedited);
    for (guint e = 0; e < edits->len; e += 2)
      {
        g_autofree char *edited_placed = cd_wp_body_place_images (g_ptr_array_index (edits, e), FALSE, twice,
                                                                  classic_lookup, NULL);
        g_autofree char *edited = cd_wp_body_to_content (edited_placed, -1, twice, -1);

        g_test_message ("%s", (char *) g_ptr_array_index (edits, e));
        g_assert_cmpstr (edited, ==, g_ptr_array_index (edits, e + 1));
      }
#undef LEFT_BLOCK
#undef RIGHT_BLOCK
#undef CAPTIONED
  }
  /* A caption given to a picture as editors before 6.1 wrote it (the
   * figure in a div) has no class, as those editors write it. */
  {
    const char      *old_form = "<!-- wp:image {\"align\":\"center\",\"id\":12} -->\n<div class=\"wp-block-image\">"
                                "<figure class=\"aligncenter\"><img src=\"https://news.example/a.jpg\" alt=\"\" "
                                "class=\"wp-image-12\"/></figure></div>\n<!-- /wp:image -->";
    g_autofree char *read = cd_wp_content_to_body (old_form, -1);
    g_autofree char *body = cd_wp_body_adopt_images (read, classic_lookup, NULL);
    g_autofree char *fence = cd_image_ref_to_fence (classic_media.image_id, "", NULL, NULL);
    g_autofree char *captioned = cd_image_ref_to_fence (classic_media.image_id, "", "The river", NULL);
    g_autoptr (GString) edited_body = g_string_new (body);
    g_autofree char *placed = NULL;

    g_assert_cmpuint (g_string_replace (edited_body, fence, captioned, 1), ==, 1);
    placed = cd_wp_body_place_images (edited_body->str, FALSE, old_form, classic_lookup, NULL);
    g_assert_nonnull (strstr (placed, "class=\"wp-image-12\"/><figcaption>The river</figcaption></figure></div>"));
  }
  /* The alt text given to a picture that had none goes after its address. */
  {
    g_autofree char *read = cd_wp_content_to_body (cases[2].block, -1);
    g_autofree char *body = cd_wp_body_adopt_images (read, classic_lookup, NULL);
    g_autofree char *fence = cd_image_ref_to_fence (classic_media.image_id, "", "", NULL);
    g_autofree char *alt_fence = cd_image_ref_to_fence (classic_media.image_id, "Sandbags", "", NULL);
    g_autoptr (GString) edited_body = g_string_new (body);
    g_autofree char *placed = NULL;

    g_assert_cmpuint (g_string_replace (edited_body, fence, alt_fence, 1), ==, 1);
    placed = cd_wp_body_place_images (edited_body->str, FALSE, cases[2].block, classic_lookup, NULL);
    g_assert_nonnull (strstr (placed, "<img src=\"https://news.example/a-1024x768.jpg\" alt=\"Sandbags\" "
                                      "class=\"wp-image-12\"/>"));
  }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *read = cd_wp_content_to_body (kept[i], -1);
      g_autofree char *body = cd_wp_body_adopt_images (read, classic_lookup, NULL);

      g_assert_cmpstr (body, ==, read);
      g_assert_nonnull (strstr (body, "```wordpress"));
    }
}

static const CdWpMedia gallery_media[] = {
  {"1111111111111111111111111111111111111111111111111111111111111111",  "12", "https://news.example/a.jpg", 800, 600},
  { "2222222222222222222222222222222222222222222222222222222222222222", "13", "https://news.example/b.jpg", 800, 600},
  { "3333333333333333333333333333333333333333333333333333333333333333", "14", "https://news.example/c.jpg", 800, 600},
};

/* The three pictures of the gallery, all but one named by @user_data. */
static const CdWpMedia *
gallery_lookup (const char *key,
                gpointer    user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (gallery_media); i++)
    if ((g_str_equal (key, gallery_media[i].image_id) || g_str_equal (key, gallery_media[i].media_id)) &&
        g_strcmp0 (user_data, gallery_media[i].media_id) != 0)
      return &gallery_media[i];
  return NULL;
}

#define GALLERY_A(caption)                                                                              \
  "<!-- wp:image {\"id\":12,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n<figure "         \
  "class=\"wp-block-image size-large\"><img src=\"https://news.example/a.jpg\" alt=\"Sandbags\" "       \
  "class=\"wp-image-12\"/><figcaption class=\"wp-element-caption\">" caption "</figcaption></figure>\n" \
  "<!-- /wp:image -->"
/* Linked to the file, as "Link to: Media file" makes it. */
#define GALLERY_B                                                                                    \
  "<!-- wp:image {\"id\":13,\"sizeSlug\":\"large\",\"linkDestination\":\"media\"} -->\n<figure "     \
  "class=\"wp-block-image size-large\"><a href=\"https://news.example/b.jpg\"><img "                 \
  "src=\"https://news.example/b-1024x768.jpg\" alt=\"\" class=\"wp-image-13\"/></a></figure>\n<!-- " \
  "/wp:image -->"
#define GALLERY_C(alt)                                                                                   \
  "<!-- wp:image {\"id\":14,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n<figure "          \
  "class=\"wp-block-image size-large\"><img src=\"https://news.example/c.jpg\" alt=\"" alt "\" class=\"" \
  "wp-image-14\"/></figure>\n<!-- /wp:image -->"
#define GALLERY(pictures)                                                                                     \
  "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery has-nested-images "            \
  "columns-default is-cropped\">" pictures "<figcaption class=\"blocks-gallery-caption wp-element-caption\">" \
  "The flood, day two.</figcaption></figure>\n<!-- /wp:gallery -->"
#define PARAGRAPH(text) "<!-- wp:paragraph -->\n<p>" text "</p>\n<!-- /wp:paragraph -->"
#define GALLERY_POST(pictures) PARAGRAPH ("The river rose.") "\n\n" GALLERY (pictures) "\n\n" PARAGRAPH ("End.") "\n"
#define GALLERY_ABC      \
  GALLERY_A ("At dawn.") \
  "\n\n" GALLERY_B "\n\n" GALLERY_C ("The levee")

/* @post's body as a pull of it gives it, pictures adopted. */
static char *
adopted_body (const char *post,
              gpointer    unknown)
{
  g_autofree char *read = cd_wp_content_to_body (post, -1);

  return cd_wp_body_adopt_images (read, gallery_lookup, unknown);
}

/* What @body, @post's body edited, sends. */
static char *
sent_content (const char *body,
              const char *post)
{
  g_autofree char *placed = cd_wp_body_place_images (body, FALSE, post, gallery_lookup, NULL);

  return cd_wp_body_to_content (placed, -1, post, -1);
}

/* A gallery as the block editor writes it since 5.9, an image block for
 * each picture, opens up in the body once the store has its pictures: its
 * two ends as blocks, an image fence for each picture between them, so
 * that the desk corrects a caption or adds alt text in a colleague's
 * gallery. Each edit goes back into its own picture's block, the
 * gallery's markup and white space as they were. */
static void
test_gallery (void)
{
  const char      *post = GALLERY_POST (GALLERY_ABC);
  g_autofree char *body = adopted_body (post, NULL);
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);
  g_autoptr (GPtrArray) refs = cd_image_refs_in_body (body);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *same = sent_content (body, post);
  g_autofree char *first = cd_image_ref_to_fence (gallery_media[0].image_id, "Sandbags", "At dawn.", NULL);
  g_autofree char *second = cd_image_ref_to_fence (gallery_media[1].image_id, "", NULL, NULL);
  g_autofree char *third = cd_image_ref_to_fence (gallery_media[2].image_id, "The levee", NULL, NULL);
  g_autofree char *typed = g_strconcat ("A line typed among the pictures.\n\n", second, NULL);
  /* Each edit: what the body's text becomes, the post it sends, and the
   * blocks WordPress reads in it. */
  const struct
  {
    const char *from, *to, *post, *names;
  } edits[] = {
    {first,   "```image\nid: 1111111111111111111111111111111111111111111111111111111111111111\nalt: Sandbags\ncaption: "
             "Sandbags, 6 a.m.\n```",
     GALLERY_POST (GALLERY_A ("Sandbags, 6 a.m.") "\n\n" GALLERY_B "\n\n" GALLERY_C ("The levee")),                    NULL},
    { third,  "```image\nid: 3333333333333333333333333333333333333333333333333333333333333333\nalt: The levee, "
             "breached\n```",
     GALLERY_POST (GALLERY_A ("At dawn.") "\n\n" GALLERY_B "\n\n" GALLERY_C ("The levee, breached")),                  NULL},
 /* Pictures taken out of the gallery: no white space comes into it. */
    { second, "",                                GALLERY_POST (GALLERY_A ("At dawn.") "\n\n" GALLERY_C ("The levee")), NULL},
    { first,  "",                                GALLERY_POST (GALLERY_B "\n\n" GALLERY_C ("The levee")),              NULL},
    { third,  "",                                GALLERY_POST (GALLERY_A ("At dawn.") "\n\n" GALLERY_B),               NULL},
 /* Text typed among the pictures goes after the gallery, which holds
  * pictures only. */
    { second, typed,
     PARAGRAPH ("The river rose.") "\n\n" GALLERY (GALLERY_ABC) "\n\n" PARAGRAPH (
          "A line typed among the pictures.") "\n\n" PARAGRAPH ("End.") "\n",
     "core/paragraph core/gallery core/paragraph core/paragraph"                                                           },
  };

  g_assert_cmpuint (refs->len, ==, 3);
  g_assert_null (strstr (body, "wp:image"));
  g_assert_nonnull (strstr (body, first));
  g_assert_nonnull (strstr (body, second));
  g_assert_nonnull (strstr (body, third));
  for (guint i = 0; i < units->len; i++)
    {
      CdWpUnit *unit = &g_array_index (units, CdWpUnit, i);

      if (unit->kind == CD_WP_UNIT_BLOCK)
        g_ptr_array_add (labels, cd_wp_block_label (body + unit->markup_start, unit->markup_end - unit->markup_start));
    }
  g_ptr_array_add (labels, NULL);
  g_assert_cmpstrv ((char **) labels->pdata, ((const char *const[]){ "Gallery", "End of Gallery", NULL }));
  g_assert_cmpstr (same, ==, post);
  /* The preview frames the pictures as a gallery, side by side. */
  {
    g_autofree char *html = cd_render_markdown (body, -1, CD_RENDER_NONE);
    const char      *frame = strstr (html, "<div class=\"cd-wp-layout cd-wp-gallery\">");

    g_assert_nonnull (frame);
    g_assert_nonnull (strstr (frame, "alt=\"The levee\""));
  }

  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      g_autoptr (GString) edited_body = g_string_new (body);
      g_autofree char *sent = NULL;

      g_assert_cmpuint (g_string_replace (edited_body, edits[e].from, edits[e].to, 1), ==, 1);
      sent = sent_content (edited_body->str, post);
      g_assert_cmpstr (sent, ==, edits[e].post);
      if (cd_test_oracle_missing () == NULL)
        {
          g_autofree char *names = cd_test_oracle_block_names (sent);

          g_assert_cmpstr (names, ==, edits[e].names ?: "core/paragraph core/gallery core/paragraph");
        }
    }

  /* The gallery's opening taken away: its end goes too, and its pictures
   * stay, image blocks of their own as the site has them. */
  {
    g_autoptr (GString) edited_body = g_string_new (body);
    CdWpUnit        *opening = NULL;
    g_autofree char *sent = NULL;

    for (guint i = 0; i < units->len && opening == NULL; i++)
      if (g_array_index (units, CdWpUnit, i).kind == CD_WP_UNIT_BLOCK)
        opening = &g_array_index (units, CdWpUnit, i);
    g_string_erase (edited_body, opening->start, opening->end - opening->start);
    sent = sent_content (edited_body->str, post);
    g_assert_null (strstr (sent, "wp:gallery"));
    g_assert_null (strstr (sent, "blocks-gallery-caption"));
    g_assert_nonnull (strstr (sent, GALLERY_B));
    g_assert_nonnull (strstr (sent, GALLERY_C ("The levee")));
    if (cd_test_oracle_missing () == NULL)
      {
        g_autofree char *names = cd_test_oracle_block_names (sent);

        g_assert_cmpstr (names, ==, "core/paragraph core/image core/image core/image core/paragraph");
      }
  }

  /* The gallery copied, chips and pictures: the copy is the gallery's
   * bytes again, its white space too. */
  {
    g_autoptr (GString) edited_body = g_string_new (body);
    const CdWpUnit  *opening = NULL, *closing = NULL;
    g_autofree char *copy = NULL;
    g_autofree char *sent = NULL;

    for (guint i = 0; i < units->len; i++)
      if (g_array_index (units, CdWpUnit, i).kind == CD_WP_UNIT_BLOCK)
        {
          opening = opening != NULL ? opening : &g_array_index (units, CdWpUnit, i);
          closing = &g_array_index (units, CdWpUnit, i);
        }
    copy = g_strndup (body + opening->start, closing->end - opening->start);
    g_string_insert (edited_body, closing->end, copy);
    g_string_insert (edited_body, closing->end, "\n\n");
    sent = sent_content (edited_body->str, post);
    g_assert_cmpstr (sent, ==,
                     PARAGRAPH ("The river rose.") "\n\n" GALLERY (GALLERY_ABC) "\n\n" GALLERY (
                         GALLERY_ABC) "\n\n" PARAGRAPH ("End.") "\n");
  }

  /* One picture the store does not have: the gallery stays one block. */
  {
    g_autofree char *read = cd_wp_content_to_body (post, -1);
    g_autofree char *partly = adopted_body (post, (gpointer) "13");
    g_autofree char *partly_sent = sent_content (partly, post);

    g_assert_cmpstr (partly, ==, read);
    g_assert_cmpstr (partly_sent, ==, post);
  }

  /* Two galleries alike but for their pictures, as galleries made with
   * the same settings are, one picture in both: the one kept whole (a
   * picture of it unknown) and the one opened up each keep their bytes,
   * and a caption given to the picture in the second goes into the second,
   * in its own form. */
  {
#define FULL_A(inside)                                                                           \
  "<!-- wp:image {\"id\":12,\"sizeSlug\":\"full\",\"linkDestination\":\"none\"} -->\n<figure "   \
  "class=\"wp-block-image size-full\"><img src=\"https://news.example/a.jpg\" alt=\"Sandbags\" " \
  "class=\"wp-image-12\"/>" inside "</figure>\n<!-- /wp:image -->"
    const char *twins = PARAGRAPH ("The river rose.") "\n\n" GALLERY (GALLERY_A ("At dawn.") "\n\n" GALLERY_B) "\n\n" GALLERY (FULL_A ("") "\n\n" GALLERY_C ("The levee")) "\n";
    const char *recaptioned = PARAGRAPH ("The river rose.") "\n\n" GALLERY (
        GALLERY_A ("At dawn.") "\n\n" GALLERY_B) "\n\n" GALLERY (FULL_A ("<figcaption "
                                                                         "class=\"wp-element-caption\">Dry again."
                                                                         "</figcaption>") "\n\n" GALLERY_C ("The levee")) "\n";
    g_autofree char *twins_body = adopted_body (twins, (gpointer) "13");
    g_autofree char *twins_same = sent_content (twins_body, twins);
    g_autofree char *plain = cd_image_ref_to_fence (gallery_media[0].image_id, "Sandbags", NULL, NULL);
    g_autofree char *captioned = cd_image_ref_to_fence (gallery_media[0].image_id, "Sandbags", "Dry again.", NULL);
    g_autoptr (GString) edited_body = g_string_new (twins_body);
    g_autofree char *sent = NULL;

    g_assert_nonnull (strstr (twins_body, GALLERY_B));
    g_assert_nonnull (strstr (twins_body, third));
    g_assert_cmpstr (twins_same, ==, twins);
    g_assert_cmpuint (g_string_replace (edited_body, plain, captioned, 1), ==, 1);
    sent = sent_content (edited_body->str, twins);
    g_assert_cmpstr (sent, ==, recaptioned);
#undef FULL_A
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/images/store/sniff-types", test_sniff_types);
  ADD ("/images/store/refused", test_refused);
  ADD ("/images/store/size-limit", test_size_limit);
  ADD ("/images/store/add-file", test_add_file);
  ADD ("/images/store/dedupe", test_dedupe);
  ADD ("/images/store/atomic-write", test_atomic_write);
  ADD ("/images/store/collect", test_collect);
  ADD ("/images/article/image-alt", test_image_alt);
  g_test_add_func ("/images/ref/parse", test_refs_parse);
  g_test_add_func ("/images/ref/invalid-utf8", test_refs_invalid_utf8);
  g_test_add_func ("/images/wp/classic-form", test_classic_form);
  g_test_add_func ("/images/wp/block-forms", test_block_forms);
  g_test_add_func ("/images/wp/gallery", test_gallery);

  return g_test_run ();
}
