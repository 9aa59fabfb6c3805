/* test-sync-media.c: images reach WordPress exactly once.
 *
 * Against the in-process server (cd-test-fake-wp.c, cd-test-fake-media.c):
 * a body image and a featured image are uploaded once and placed; an
 * untouched image round-trips as the same `image` fence; 413, 415, 500
 * then success, a reply lost after the server stored the file (dropped,
 * cut mid-body, held past the timeout) and a media item deleted on the
 * server each end uploaded once, queued or reported, with nothing lost.
 * Against the real WordPress: the done-when scenario (one sync, one media
 * item each, placed as wp:image with its id, the caption shown, the
 * featured image set, a second sync uploading nothing), judged by
 * WordPress's own block parser and renderer; and `copydesk sync` killed
 * with SIGKILL while it uploads, then a sync to the end: one media item
 * per image.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <libsoup/soup.h>

#include "cd-image-ref.h"
#include "cd-secrets.h"
#include "cd-store.h"
#include "cd-sync-db.h"
#include "cd-sync.h"
#include "cd-test-fake-wp.h"
#include "cd-test-keyring.h"
#include "cd-test-sync.h"
#include "cd-test-wordpress.h"
#include "cd-test-wp-oracle.h"
#include "cd-wordpress.h"
#include "cd-wp-content.h"

#define ACCOUNT "desk"

static gboolean keyring;

/* ------------------------------------------------------------------------
 * Images and articles
 * ------------------------------------------------------------------------ */

/* A one-pixel GIF of colour @r @g @b: a different colour is a different
 * image. @padding bytes of comment make it larger. */
static GBytes *
gif_bytes (guint8 r,
           guint8 g,
           guint8 b,
           gsize  padding)
{
  static const guint8 head[] = { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0 };
  static const guint8 tail[] = { 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b };
  GByteArray         *data = g_byte_array_new ();
  guint8              colours[] = { r, g, b, 0xff, 0xff, 0xff };

  g_byte_array_append (data, head, sizeof head);
  g_byte_array_append (data, colours, sizeof colours);
  /* Comment extension blocks of up to 255 bytes. */
  for (gsize left = padding; left > 0;)
    {
      guint8             n = (guint8) MIN (left, 255);
      guint8             intro[] = { 0x21, 0xfe, n };
      guint8             end = 0;
      g_autofree guint8 *filler = g_malloc (n);

      memset (filler, 'x', n);
      g_byte_array_append (data, intro, sizeof intro);
      g_byte_array_append (data, filler, n);
      g_byte_array_append (data, &end, 1);
      left -= n;
    }
  g_byte_array_append (data, tail, sizeof tail);
  return g_byte_array_free_to_bytes (data);
}

static char *
add_image (CdStore *store,
           guint8   shade,
           gsize    padding)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = gif_bytes (shade, 255 - shade, shade / 2, padding);
  g_autoptr (CdImageInfo) info = cd_store_add_image (store, bytes, "photo.gif", &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return g_strdup (cd_image_info_get_id (info));
}

/* An article with a body image and a featured image, each with alt text,
 * caption and credit. */
static CdArticle *
save_article_with_images (CdStore    *store,
                          const char *body_image,
                          const char *featured_image)
{
  g_autofree char *fence = cd_image_ref_to_fence (body_image,
                                                  "Firefighters at the scene on Main Street",
                                                  "Crews worked through the night & the morning.",
                                                  "Jane Doe / Agency");
  g_autofree char *body = g_strdup_printf ("Fire broke out at the depot.\n\n%s\n\n"
                                           "More follows.\n",
                                           fence);
  CdArticle       *article = cd_test_save_new_article (store, "Fire at the depot", body);

  cd_article_set_image (article, featured_image);
  cd_article_set_image_alt (article, "The depot at dawn");
  cd_article_set_image_caption (article, "The depot after the fire.");
  cd_article_set_image_credit (article, "John Roe");
  cd_test_save_edit (store, article);
  return article;
}

static CdSyncMedia *
media_of (CdStore    *store,
          const char *image_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSyncDb) db = cd_sync_db_open (store, &error);
  CdSyncMedia *media;

  g_assert_no_error (error);
  media = cd_sync_db_load_media (db, ACCOUNT, image_id, &error);
  g_assert_no_error (error);
  return media;
}

/* ------------------------------------------------------------------------
 * Against the in-process server
 * ------------------------------------------------------------------------ */

typedef struct
{
  char         *dir;
  CdStore      *store;
  CdSyncEngine *engine;
  FakeWp       *fake;
  char         *body_image;
  char         *featured_image;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWordpress) wp = NULL;

  fixture->dir = g_dir_make_tmp ("copydesk-sync-media-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = cd_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->engine = cd_sync_engine_new (fixture->store);
  fixture->fake = fake_new (TRUE);
  cd_test_add_account (fixture->store, ACCOUNT, fixture->fake->url, "tester");
  wp = cd_wordpress_new (fixture->fake->url, "tester", "abcd efgh ijkl mnop");
  cd_wordpress_set_timeouts (wp, 1, 1);
  cd_wordpress_set_retry_policy (wp, 4, 10, 50, 2);
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (wp));
  fixture->body_image = add_image (fixture->store, 10, 0);
  fixture->featured_image = add_image (fixture->store, 200, 0);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->store);
  fake_free (fixture->fake);
  cd_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->body_image);
  g_free (fixture->featured_image);
}

static guint
uploads (Fixture *fixture)
{
  return fake_count (fixture->fake, "POST /wp/v2/media");
}

static gint64
media_id (Fixture    *fixture,
          const char *image_id)
{
  g_autoptr (CdSyncMedia) media = media_of (fixture->store, image_id);

  g_assert_nonnull (media);
  return g_ascii_strtoll (media->media_id, NULL, 10);
}

/* The fake post carries both images: the body's as an image block with
 * its media id, the featured one as featured_media. */
static void
assert_placed (Fixture *fixture)
{
  JsonObject      *post = fake_only_post (fixture->fake);
  const char      *content = get_raw (post, "content");
  gint64           body_id = media_id (fixture, fixture->body_image);
  g_autofree char *opener = g_strdup_printf ("<!-- wp:image {\"id\":%" G_GINT64_FORMAT ",", body_id);
  g_autofree char *img_class = g_strdup_printf ("class=\"wp-image-%" G_GINT64_FORMAT "\"", body_id);

  g_assert_nonnull (strstr (content, opener));
  g_assert_nonnull (strstr (content, img_class));
  g_assert_nonnull (strstr (content, "Crews worked through the night &amp; the morning. "
                                     "<span class=\"credit\">Jane Doe / Agency</span>"));
  g_assert_null (strstr (content, "```image"));
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==,
                   media_id (fixture, fixture->featured_image));
}

/* `copydesk show UUID --json` lists the body image with its media id on
 * the account. */
static void
assert_show_remote (Fixture    *fixture,
                    const char *uuid,
                    const char *media_id)
{
  const char *argv[] = { g_getenv ("COPYDESK_BIN"), "--data-dir", fixture->dir, "show", uuid,
                         "--json", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *out = NULL;
  JsonArray       *images;
  int              status = 0;
  guint            found = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  images = json_object_get_array_member (json_node_get_object (root), "images");
  for (guint i = 0; i < json_array_get_length (images); i++)
    {
      JsonObject *image = json_array_get_object_element (images, i);
      JsonObject *remote = json_object_get_object_member (image, "remote");

      g_assert_true (json_object_has_member (remote, ACCOUNT));
      if (g_strcmp0 (json_object_get_string_member (image, "id"), fixture->body_image) == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (
                               json_object_get_object_member (remote, ACCOUNT), "media_id"),
                           ==, media_id);
          found++;
        }
    }
  g_assert_cmpuint (json_array_get_length (images), ==, 2);
  g_assert_cmpuint (found, ==, 1);
}

static void
test_upload_once (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = save_article_with_images (fixture->store, fixture->body_image,
                                                            fixture->featured_image);
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdSyncResult) third = NULL;
  g_autofree char *state = NULL;
  g_autoptr (CdSyncMedia) body_media = NULL;
  JsonObject *item;

  first = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (first));
  g_assert_cmpuint (uploads (fixture), ==, 2);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->media), ==, 2);
  assert_placed (fixture);
  body_media = media_of (fixture->store, fixture->body_image);
  item = g_hash_table_lookup (fixture->fake->media, body_media->media_id);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "alt_text"), ==,
                   "Firefighters at the scene on Main Street");
  /* The fake site has no credit field: the credit follows the caption. */
  g_assert_cmpstr (get_raw (item, "caption"), ==,
                   "Crews worked through the night & the morning. (Jane Doe / Agency)");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "slug"), "cd-"));
  cd_test_assert_article_unchanged (fixture->store, article);
  state = cd_test_sync_state (fixture->store, cd_article_get_uuid (article), ACCOUNT, NULL);
  g_assert_cmpstr (state, ==, "synced");

  /* What `show --json` lists for each image: its id on each site. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonObject) remote = cd_sync_describe_image (fixture->store, fixture->body_image,
                                                            &error);
    g_autoptr (CdSyncMedia) media = media_of (fixture->store, fixture->body_image);
    JsonObject *desk;

    g_assert_no_error (error);
    g_assert_cmpuint (json_object_get_size (remote), ==, 1);
    desk = json_object_get_object_member (remote, ACCOUNT);
    g_assert_cmpstr (json_object_get_string_member (desk, "media_id"), ==, media->media_id);
    g_assert_cmpstr (json_object_get_string_member (desk, "source_url"), ==, media->source_url);
    assert_show_remote (fixture, cd_article_get_uuid (article), media->media_id);
  }

  /* Nothing changed: the pulled post compares equal with its base (the
   * image block came back as the same fence), nothing is uploaded. */
  second = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (cd_sync_result_get_pushed (second)->len, ==, 0);
  g_assert_cmpuint (cd_sync_result_get_pulled (second)->len, ==, 0);
  g_assert_cmpuint (uploads (fixture), ==, 2);
  cd_test_assert_article_unchanged (fixture->store, article);

  /* An edit elsewhere in the article pushes again, and the images it had
   * go back as they were, unuploaded. */
  cd_article_set_headline (article, "Fire at the bus depot");
  cd_test_save_edit (fixture->store, article);
  third = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (third));
  g_assert_cmpuint (cd_sync_result_get_pushed (third)->len, ==, 1);
  g_assert_cmpuint (uploads (fixture), ==, 2);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->media), ==, 2);
  assert_placed (fixture);
  cd_test_assert_article_unchanged (fixture->store, article);
}

/* The store's one article, whole. */
static CdArticle *
only_article (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  CdStoreQuery query = { NULL, -1, FALSE, 0 };
  CdArticle   *article;

  articles = cd_store_list_articles (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = cd_store_get_article (fixture->store,
                                  cd_article_get_uuid (g_ptr_array_index (articles, 0)), &error);
  g_assert_no_error (error);
  return article;
}

/* Quotes, ampersands and angle brackets in the alt text, caption and
 * credit: escaped in the block as the block editor escapes them (parsed
 * and written back unchanged by WordPress's own parser and serializer),
 * and read back to the same fence, so the next sync finds nothing
 * changed. */
static void
test_escaping (Fixture      *fixture,
               gconstpointer data)
{
  g_autofree char *fence = cd_image_ref_to_fence (fixture->body_image,
                                                  "He said \"no\" <now> & then",
                                                  "a < b & c > d &amp; e", "\"Q\" & <A>");
  g_autofree char *body = g_strdup_printf ("Lead.\n\n%s\n", fence);
  g_autoptr (CdArticle) article = cd_test_save_new_article (fixture->store, "Escapes", body);
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  const char *content;

  first = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (first));
  content = get_raw (fake_only_post (fixture->fake), "content");
  g_assert_nonnull (strstr (content, "alt=\"He said &quot;no&quot; &lt;now> &amp; then\""));
  g_assert_nonnull (strstr (content, ">a &lt; b &amp; c > d &amp;amp; e <span class=\"credit\">"
                                     "\"Q\" &amp; &lt;A></span></figcaption>"));
  if (cd_test_oracle_missing () == NULL)
    {
      g_autoptr (JsonNode) oracle = cd_test_oracle_parse (content, strlen (content));

      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (oracle), "serialized"),
                       ==, content);
    }
  second = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (cd_sync_result_get_pulled (second)->len, ==, 0);
  cd_test_assert_article_unchanged (fixture->store, article);
}

/* A site whose media items have a credit field gets the credit there and
 * the caption alone; the post's figcaption shows both all the same. */
static void
test_credit_field (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (CdArticle) article = save_article_with_images (fixture->store, fixture->body_image,
                                                            fixture->featured_image);
  g_autoptr (CdSyncResult) result = NULL;
  g_autoptr (CdSyncMedia) media = NULL;
  JsonObject *item;

  fixture->fake->media_credit = TRUE;
  result = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (result));
  media = media_of (fixture->store, fixture->body_image);
  item = g_hash_table_lookup (fixture->fake->media, media->media_id);
  g_assert_cmpstr (json_object_get_string_member (item, "credit"), ==, "Jane Doe / Agency");
  g_assert_cmpstr (get_raw (item, "caption"), ==, "Crews worked through the night & the morning.");
  assert_placed (fixture);
}

/* A pulled image block for a media item this store did not upload stays
 * an opaque block, byte for byte. */
static void
test_unknown_block_opaque (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (CdSyncResult) result = NULL;
  g_autoptr (CdArticle) pulled = NULL;
  const char *block = "<!-- wp:image {\"id\":77,\"sizeSlug\":\"large\",\"linkDestination\":"
                      "\"none\"} -->\n<figure class=\"wp-block-image size-large\"><img "
                      "src=\"http://elsewhere.example/a.jpg\" alt=\"A\" class=\"wp-image-77\"/>"
                      "</figure>\n<!-- /wp:image -->";
  const char *body_text;

  json_object_set_string_member (body, "title", "From the site");
  json_object_set_string_member (body, "content", block);
  fake_create_post (fixture->fake, body);
  result = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (result));
  pulled = only_article (fixture);
  body_text = cd_article_get_body (pulled);
  g_assert_true (g_str_has_prefix (body_text, "```wordpress\n"));
  g_assert_nonnull (strstr (body_text, block));
}

/* With remote loads allowed, a pulled post's picture is read into the
 * store and its block comes in as an `image` fence, which shows offline;
 * an edit elsewhere sends the block back byte for byte, uploading
 * nothing. */
static void
test_fetch_pictures (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (GBytes) picture = gif_bytes (1, 2, 3, 0);
  g_autofree char *url = g_strdup_printf ("%s/wp-content/uploads/2026/01/harbour.gif",
                                          fixture->fake->url);
  g_autofree char *block = g_strdup_printf ("<!-- wp:image {\"id\":77,\"sizeSlug\":\"large\","
                                            "\"linkDestination\":\"none\"} -->\n"
                                            "<figure class=\"wp-block-image size-large\"><img "
                                            "src=\"%s\" alt=\"The harbour\" "
                                            "class=\"wp-image-77\"/><figcaption "
                                            "class=\"wp-element-caption\">Boats at rest."
                                            "</figcaption></figure>\n<!-- /wp:image -->",
                                            url);
  g_autofree char *content = g_strdup_printf ("<!-- wp:paragraph -->\n<p>Calm day.</p>\n"
                                              "<!-- /wp:paragraph -->\n\n%s",
                                              block);
  g_autofree char *image_id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, picture);
  g_autofree char *fence = cd_image_ref_to_fence (image_id, "The harbour", "Boats at rest.", NULL);
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (JsonObject) item = json_object_new ();
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdArticle) pulled = NULL;
  g_autoptr (CdImageInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *post;

  g_hash_table_insert (fixture->fake->files, g_strdup ("/wp-content/uploads/2026/01/harbour.gif"),
                       g_bytes_ref (picture));
  json_object_set_int_member (item, "id", 77);
  json_object_set_string_member (item, "source_url", url);
  g_hash_table_insert (fixture->fake->media, g_strdup ("77"), json_object_ref (item));
  json_object_set_string_member (body, "title", "Harbour");
  json_object_set_string_member (body, "content", content);
  post = fake_create_post (fixture->fake, body);

  cd_sync_engine_set_fetch_images (fixture->engine, TRUE);
  first = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (first));
  pulled = only_article (fixture);
  g_assert_nonnull (strstr (cd_article_get_body (pulled), fence));
  g_assert_null (strstr (cd_article_get_body (pulled), "wp:image"));
  info = cd_store_lookup_image (fixture->store, image_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);

  cd_article_set_headline (pulled, "Harbour at dawn");
  cd_test_save_edit (fixture->store, pulled);
  second = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (cd_sync_result_get_pushed (second)->len, ==, 1);
  g_assert_cmpuint (uploads (fixture), ==, 0);
  g_assert_nonnull (strstr (get_raw (post, "content"), block));
  g_assert_cmpstr (get_raw (post, "title"), ==, "Harbour at dawn");
}

#define LEVEE_BLOCK "<!-- wp:image {\"align\":\"center\",\"id\":78,\"sizeSlug\":\"full\","                 \
                    "\"linkDestination\":\"media\"} -->\n<figure class=\"wp-block-image aligncenter "      \
                    "size-full\"><a href=\"%s\"><img src=\"%s\" alt=\"The levee\" class=\"wp-image-78\"/>" \
                    "</a><figcaption class=\"wp-element-caption\">%s</figcaption></figure>\n"              \
                    "<!-- /wp:image -->"

/* A pulled picture the site's editors aligned and sized comes in as an
 * `image` fence too; its caption corrected in the body goes back into the
 * same block, which keeps its alignment, size and link. */
static void
test_fetch_pictures_edit (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr (GBytes) picture = gif_bytes (4, 5, 6, 0);
  g_autofree char *url = g_strdup_printf ("%s/wp-content/uploads/2026/01/levee.gif", fixture->fake->url);
  g_autofree char *block = g_strdup_printf (LEVEE_BLOCK, url, url, "The levee at Passau.");
  g_autofree char *corrected = g_strdup_printf (LEVEE_BLOCK, url, url, "The levee at Deggendorf.");
  g_autofree char *image_id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, picture);
  g_autofree char *fence = cd_image_ref_to_fence (image_id, "The levee", "The levee at Passau.", NULL);
  g_autofree char *new_fence = cd_image_ref_to_fence (image_id, "The levee", "The levee at Deggendorf.", NULL);
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (JsonObject) item = json_object_new ();
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdArticle) pulled = NULL;
  g_autoptr (GString) edited = NULL;
  JsonObject *post;

  g_hash_table_insert (fixture->fake->files, g_strdup ("/wp-content/uploads/2026/01/levee.gif"),
                       g_bytes_ref (picture));
  json_object_set_int_member (item, "id", 78);
  json_object_set_string_member (item, "source_url", url);
  g_hash_table_insert (fixture->fake->media, g_strdup ("78"), json_object_ref (item));
  json_object_set_string_member (body, "title", "Levee");
  json_object_set_string_member (body, "content", block);
  post = fake_create_post (fixture->fake, body);

  cd_sync_engine_set_fetch_images (fixture->engine, TRUE);
  first = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (first));
  pulled = only_article (fixture);
  g_assert_nonnull (strstr (cd_article_get_body (pulled), fence));

  edited = g_string_new (cd_article_get_body (pulled));
  g_assert_cmpuint (g_string_replace (edited, fence, new_fence, 1), ==, 1);
  cd_article_set_body (pulled, edited->str);
  cd_test_save_edit (fixture->store, pulled);
  second = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (cd_sync_result_get_pushed (second)->len, ==, 1);
  g_assert_cmpuint (uploads (fixture), ==, 0);
  g_assert_cmpstr (get_raw (post, "content"), ==, corrected);
}

#define FLOOD_GALLERY                                                                                 \
  "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery has-nested-images "    \
  "columns-default is-cropped\"><!-- wp:image {\"id\":78,\"sizeSlug\":\"large\",\"linkDestination\":" \
  "\"none\"} -->\n<figure class=\"wp-block-image size-large\"><img src=\"%s\" alt=\"The levee\" "     \
  "class=\"wp-image-78\"/></figure>\n<!-- /wp:image -->\n\n<!-- wp:image {\"id\":79,\"sizeSlug\":"    \
  "\"large\",\"linkDestination\":\"none\"} -->\n<figure class=\"wp-block-image size-large\"><img "    \
  "src=\"%s\" alt=\"The dyke\" class=\"wp-image-79\"/>%s</figure>\n<!-- /wp:image --></figure>\n"     \
  "<!-- /wp:gallery -->"

/* A colleague's gallery (image blocks inside it, as the block editor
 * writes galleries since 5.9): its pictures are read into the store and
 * open up in the body, and a caption given to one in the body goes into
 * that picture's block inside the gallery, nothing else changed and
 * nothing uploaded. */
static void
test_fetch_pictures_gallery (Fixture      *fixture,
                             gconstpointer data)
{
  const char *names[] = { "levee", "dyke" };
  g_autoptr (GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *gallery = NULL;
  g_autofree char *corrected = NULL;
  g_autofree char *fence = NULL;
  g_autofree char *new_fence = NULL;
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdArticle) pulled = NULL;
  g_autoptr (GString) edited = NULL;
  JsonObject *post;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GBytes) picture = gif_bytes (4, 5, 6 + i, 0);
      g_autofree char *path = g_strdup_printf ("/wp-content/uploads/2026/01/%s.gif", names[i]);
      g_autoptr (JsonObject) item = json_object_new ();

      g_ptr_array_add (urls, g_strconcat (fixture->fake->url, path, NULL));
      g_ptr_array_add (ids, g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, picture));
      g_hash_table_insert (fixture->fake->files, g_steal_pointer (&path), g_bytes_ref (picture));
      json_object_set_int_member (item, "id", 78 + i);
      json_object_set_string_member (item, "source_url", g_ptr_array_index (urls, i));
      g_hash_table_insert (fixture->fake->media, g_strdup_printf ("%u", 78 + i), json_object_ref (item));
    }
  gallery = g_strdup_printf (FLOOD_GALLERY, (char *) urls->pdata[0], (char *) urls->pdata[1], "");
  corrected = g_strdup_printf (FLOOD_GALLERY, (char *) urls->pdata[0], (char *) urls->pdata[1],
                               "<figcaption class=\"wp-element-caption\">Breached at noon.</figcaption>");
  fence = cd_image_ref_to_fence (ids->pdata[1], "The dyke", NULL, NULL);
  new_fence = cd_image_ref_to_fence (ids->pdata[1], "The dyke", "Breached at noon.", NULL);
  json_object_set_string_member (body, "title", "Flood pictures");
  json_object_set_string_member (body, "content", gallery);
  post = fake_create_post (fixture->fake, body);

  cd_sync_engine_set_fetch_images (fixture->engine, TRUE);
  first = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (first));
  pulled = only_article (fixture);
  g_assert_nonnull (strstr (cd_article_get_body (pulled), fence));
  g_assert_null (strstr (cd_article_get_body (pulled), "wp:image"));
  g_assert_nonnull (strstr (cd_article_get_body (pulled), "<!-- wp:gallery"));

  edited = g_string_new (cd_article_get_body (pulled));
  g_assert_cmpuint (g_string_replace (edited, fence, new_fence, 1), ==, 1);
  cd_article_set_body (pulled, edited->str);
  cd_test_save_edit (fixture->store, pulled);
  second = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (cd_sync_result_get_pushed (second)->len, ==, 1);
  g_assert_cmpuint (uploads (fixture), ==, 0);
  g_assert_cmpstr (get_raw (post, "content"), ==, corrected);
}

/* The server refuses the upload for good (too large, a type it does not
 * take): the article's push stops with one sentence naming the image, and
 * the next sync, the server willing, uploads it once. */
static void
test_refused (Fixture      *fixture,
              gconstpointer data)
{
  guint status = GPOINTER_TO_UINT (data);
  g_autoptr (CdArticle) article = save_article_with_images (fixture->store, fixture->body_image,
                                                            fixture->featured_image);
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autofree char *state = NULL;
  CdSyncItem      *item;

  fake_add_fault (fixture->fake, "POST", "/wp/v2/media", FAULT_STATUS, status, 0);
  first = cd_test_sync_now (fixture->engine, NULL);
  g_assert_false (cd_sync_result_is_clean (first));
  item = cd_test_find_item (cd_sync_result_get_errors (first), cd_article_get_uuid (article));
  g_assert_nonnull (item);
  g_test_message ("%s", item->message);
  g_assert_true (g_str_has_prefix (item->message, "Image "));
  g_assert_nonnull (strstr (item->message, "HTTP"));
  g_assert_null (strchr (item->message, '\n'));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 0);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->media), ==, 0);
  g_assert_null (media_of (fixture->store, fixture->body_image));
  cd_test_assert_article_unchanged (fixture->store, article);

  /* Nothing lost: still queued for the next sync, which goes through. */
  second = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->media), ==, 2);
  g_assert_cmpuint (uploads (fixture), ==, 3);
  assert_placed (fixture);
  state = cd_test_sync_state (fixture->store, cd_article_get_uuid (article), ACCOUNT, NULL);
  g_assert_cmpstr (state, ==, "synced");
}

/* One fault on the first upload, and how many uploads reach the server
 * in all. */
typedef struct
{
  FaultKind kind;
  guint     status;
  guint     uploads;
} UploadFault;

/* A 500 (the server's own error: it did not store the file) is looked
 * for, not found, and uploaded again in the same sync; a reply lost after
 * the server stored the file (dropped, cut mid-body, held past the
 * timeout) is found by its name, never uploaded a second time. */
static void
test_upload_fault (Fixture      *fixture,
                   gconstpointer data)
{
  const UploadFault *fault = data;
  g_autoptr (CdArticle) article = save_article_with_images (fixture->store, fixture->body_image,
                                                            fixture->featured_image);
  g_autoptr (CdSyncResult) result = NULL;

  fake_add_fault (fixture->fake, "POST", "/wp/v2/media", fault->kind, fault->status, 0);
  result = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (result));
  g_assert_cmpuint (uploads (fixture), ==, fault->uploads);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->media), ==, 2);
  assert_placed (fixture);
  cd_test_assert_article_unchanged (fixture->store, article);
}

/* The connection closes while the file is on its way (@data bytes of
 * padding: small enough to be sent whole before the close is seen, or
 * large enough to be cut off): one item in the end, whatever the client
 * could tell. */
static void
test_cut_request (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *large = add_image (fixture->store, 77, GPOINTER_TO_SIZE (data));
  g_autoptr (CdArticle) article = save_article_with_images (fixture->store, large,
                                                            fixture->featured_image);
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;

  g_free (fixture->body_image);
  fixture->body_image = g_steal_pointer (&large);
  fake_add_fault (fixture->fake, "POST", "/wp/v2/media", FAULT_CUT_REQUEST, 0, 0);
  first = cd_test_sync_now (fixture->engine, NULL);
  g_assert_cmpuint (fake_count (fixture->fake, "POST /wp/v2/media (cut)"), ==, 1);
  if (!cd_sync_result_is_clean (first))
    {
      /* Reported or queued in one sentence naming the image, and done at
       * the next sync. */
      CdSyncItem *item = cd_test_find_item (cd_sync_result_get_errors (first),
                                            cd_article_get_uuid (article));

      if (item == NULL)
        item = cd_test_find_item (cd_sync_result_get_queued (first),
                                  cd_article_get_uuid (article));
      g_assert_nonnull (item);
      g_assert_nonnull (strstr (item->message, "Image "));
      second = cd_test_sync_now (fixture->engine, NULL);
      g_assert_true (cd_sync_result_is_clean (second));
    }
  g_assert_cmpuint (g_hash_table_size (fixture->fake->media), ==, 2);
  assert_placed (fixture);
  cd_test_assert_article_unchanged (fixture->store, article);
}

/* Someone deleted the media item on the site: the next push uploads it
 * again, once, and places the new item. */
static void
test_deleted_on_server (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (CdArticle) article = save_article_with_images (fixture->store, fixture->body_image,
                                                            fixture->featured_image);
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdSyncResult) third = NULL;
  gint64 old_id;

  first = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (first));
  old_id = media_id (fixture, fixture->body_image);
  {
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, old_id);

    g_assert_true (g_hash_table_remove (fixture->fake->media, key));
  }

  cd_article_set_headline (article, "Fire at the bus depot");
  cd_test_save_edit (fixture->store, article);
  second = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (uploads (fixture), ==, 3);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->media), ==, 2);
  g_assert_cmpint (media_id (fixture, fixture->body_image), !=, old_id);
  assert_placed (fixture);
  cd_test_assert_article_unchanged (fixture->store, article);

  cd_article_set_dek (article, "Nobody was hurt.");
  cd_test_save_edit (fixture->store, article);
  third = cd_test_sync_now (fixture->engine, NULL);
  g_assert_true (cd_sync_result_is_clean (third));
  g_assert_cmpuint (uploads (fixture), ==, 3);
}

/* The look-up before an upload fails (503 on every try): nothing is
 * uploaded blind, the article is reported, nothing is lost. */
static void
test_lookup_fails (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (CdArticle) article = save_article_with_images (fixture->store, fixture->body_image,
                                                            fixture->featured_image);
  g_autoptr (CdSyncResult) result = NULL;
  CdSyncItem *item;

  for (guint i = 0; i < 4; i++)
    fake_add_fault (fixture->fake, "GET", "/wp/v2/media", FAULT_STATUS, 503, 0);
  result = cd_test_sync_now (fixture->engine, NULL);
  g_assert_false (cd_sync_result_is_clean (result));
  g_assert_cmpuint (uploads (fixture), ==, 0);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 0);
  item = cd_test_find_item (cd_sync_result_get_errors (result), cd_article_get_uuid (article));
  g_assert_nonnull (item);
  g_assert_true (g_str_has_prefix (item->message, "Image "));
  cd_test_assert_article_unchanged (fixture->store, article);
}

/* ------------------------------------------------------------------------
 * Against the real WordPress
 * ------------------------------------------------------------------------ */

static gboolean
need_wordpress (void)
{
  if (cd_test_wordpress_disabled ())
    {
      g_test_skip ("COPYDESK_TEST_NO_WORDPRESS=1: WordPress tests skipped on request");
      return FALSE;
    }
  return TRUE;
}

static JsonArray *
site_media (CdTestWordpress *wp)
{
  g_autoptr (JsonNode) node = cd_test_wordpress_rest (wp, "GET",
                                                      "/wp/v2/media?context=edit&per_page=100",
                                                      wp->user, wp->password, NULL, NULL);

  return json_array_ref (json_node_get_array (node));
}

static void
test_wordpress_done_when (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdSyncEngine) engine = NULL;
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (JsonArray) media = NULL;
  g_autoptr (JsonNode) post = NULL;
  g_autoptr (JsonNode) rendered = NULL;
  g_autoptr (JsonNode) oracle = NULL;
  g_autoptr (CdSyncMedia) body_media = NULL;
  g_autoptr (CdSyncMedia) featured_media = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *body_image = NULL;
  g_autofree char *featured_image = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *img_class = NULL;
  CdTestWordpress *wp;
  JsonArray       *blocks;
  JsonObject      *attrs = NULL;
  const char      *content;
  const char      *html;
  guint            uploads_before;

  if (!need_wordpress ())
    return;
  if (cd_test_oracle_missing () != NULL)
    {
      g_test_skip (cd_test_oracle_missing ());
      return;
    }
  wp = cd_test_wordpress_start (&error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("copydesk-sync-media-wp-XXXXXX", &error);
  g_assert_no_error (error);
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  cd_test_add_account (store, ACCOUNT, wp->url, wp->user);
  engine = cd_sync_engine_new (store);
  client = cd_test_wordpress_client (wp, wp->password);
  cd_sync_engine_set_cms (engine, ACCOUNT, CD_CMS (client));
  body_image = add_image (store, 30, 0);
  featured_image = add_image (store, 90, 0);
  article = save_article_with_images (store, body_image, featured_image);

  first = cd_test_sync_now (engine, NULL);
  g_assert_true (cd_sync_result_is_clean (first));

  /* Exactly one media item each, named by its hash, with its text. */
  media = site_media (wp);
  g_assert_cmpuint (json_array_get_length (media), ==, 2);
  body_media = media_of (store, body_image);
  featured_media = media_of (store, featured_image);
  g_assert_nonnull (body_media);
  g_assert_nonnull (featured_media);
  for (guint i = 0; i < json_array_get_length (media); i++)
    {
      JsonObject      *item = json_array_get_object_element (media, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             json_object_get_int_member (item, "id"));

      if (g_str_equal (id, body_media->media_id))
        {
          g_assert_cmpstr (json_object_get_string_member (item, "alt_text"), ==,
                           "Firefighters at the scene on Main Street");
          g_assert_nonnull (strstr (get_raw (item, "caption"), "Jane Doe / Agency"));
          g_assert_nonnull (strstr (get_raw (item, "title"), body_image));
          g_assert_cmpstr (json_object_get_string_member (item, "source_url"), ==,
                           body_media->source_url);
        }
      else
        {
          g_assert_cmpstr (id, ==, featured_media->media_id);
          g_assert_cmpstr (json_object_get_string_member (item, "alt_text"), ==,
                           "The depot at dawn");
        }
    }

  /* The post: the image as a core/image block with that id, as
   * WordPress's own parser reads it, written back by its serializer
   * byte for byte; the featured image set. */
  g_free (cd_test_sync_state (store, cd_article_get_uuid (article), ACCOUNT, &remote_id));
  path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", remote_id);
  post = cd_test_wordpress_rest (wp, "GET", path, wp->user, wp->password, NULL, NULL);
  content = get_raw (json_node_get_object (post), "content");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (post), "featured_media"), ==,
                   g_ascii_strtoll (featured_media->media_id, NULL, 10));
  oracle = cd_test_oracle_parse (content, strlen (content));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (oracle), "serialized"), ==,
                   content);
  blocks = json_object_get_array_member (json_node_get_object (oracle), "blocks");
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);

      if (g_strcmp0 (json_object_get_string_member (block, "blockName"), "core/image") == 0)
        {
          g_assert_null (attrs);
          attrs = json_object_get_object_member (block, "attrs");
        }
    }
  g_assert_nonnull (attrs);
  g_assert_cmpint (json_object_get_int_member (attrs, "id"), ==,
                   g_ascii_strtoll (body_media->media_id, NULL, 10));

  /* As a reader sees it: the image in place with its caption and credit. */
  g_free (path);
  path = g_strdup_printf ("/wp/v2/posts/%s?context=view", remote_id);
  rendered = cd_test_wordpress_rest (wp, "GET", path, wp->user, wp->password, NULL, NULL);
  html = json_object_get_string_member (
      json_object_get_object_member (json_node_get_object (rendered), "content"), "rendered");
  img_class = g_strdup_printf ("wp-image-%s", body_media->media_id);
  g_assert_nonnull (strstr (html, img_class));
  g_assert_nonnull (strstr (html, body_media->source_url));
  g_assert_nonnull (strstr (html, "Crews worked through the night &amp; the morning."));
  g_assert_nonnull (strstr (html, "Jane Doe / Agency"));
  g_assert_nonnull (strstr (html, "alt=\"Firefighters at the scene on Main Street\""));
  cd_test_assert_article_unchanged (store, article);

  /* A second sync uploads nothing and changes nothing. */
  uploads_before = json_array_get_length (media);
  second = cd_test_sync_now (engine, NULL);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (cd_sync_result_get_pushed (second)->len, ==, 0);
  g_assert_cmpuint (cd_sync_result_get_pulled (second)->len, ==, 0);
  g_clear_pointer (&media, json_array_unref);
  media = site_media (wp);
  g_assert_cmpuint (json_array_get_length (media), ==, uploads_before);
  cd_test_assert_article_unchanged (store, article);

  /* A colleague centres the picture on the site; the desk corrects its
   * caption in the body: the post keeps the colleague's alignment and
   * gets the desk's caption, the credit as it was. */
  {
    g_autoptr (JsonBuilder) builder = json_builder_new ();
    g_autoptr (JsonNode) update = NULL;
    g_autoptr (JsonNode) after = NULL;
    g_autoptr (JsonNode) parsed = NULL;
    g_autoptr (GString) aligned = g_string_new (content);
    g_autoptr (CdSyncResult) third = NULL;
    g_autoptr (CdSyncResult) fourth = NULL;
    g_autoptr (CdArticle) desk = NULL;
    g_autoptr (GString) corrected = NULL;
    g_autofree char *json = NULL;
    g_autofree char *edit_path = g_strdup_printf ("/wp/v2/posts/%s", remote_id);
    g_autofree char *raw_path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", remote_id);
    g_autoptr (JsonArray) media_after = NULL;
    const char *final;
    guint       status = 0;

    g_assert_cmpuint (g_string_replace (aligned, "<!-- wp:image {\"id\":", "<!-- wp:image {\"align\":\"center\",\"id\":", 1),
                      ==, 1);
    g_assert_cmpuint (g_string_replace (aligned, "<figure class=\"wp-block-image size-large\">",
                                        "<figure class=\"wp-block-image aligncenter size-large\">", 1),
                      ==, 1);
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "content");
    json_builder_add_string_value (builder, aligned->str);
    json_builder_end_object (builder);
    json = json_to_string (json_builder_get_root (builder), FALSE);
    update = cd_test_wordpress_rest (wp, "POST", edit_path, wp->user, wp->password, json, &status);
    g_assert_cmpuint (status, ==, 200);

    third = cd_test_sync_now (engine, NULL);
    g_assert_true (cd_sync_result_is_clean (third));
    desk = cd_store_get_article (store, cd_article_get_uuid (article), &error);
    g_assert_no_error (error);
    g_assert_null (strstr (cd_article_get_body (desk), "wp:image"));
    corrected = g_string_new (cd_article_get_body (desk));
    g_assert_cmpuint (g_string_replace (corrected, "the night & the morning.", "the night.", 1), ==, 1);
    cd_article_set_body (desk, corrected->str);
    cd_test_save_edit (store, desk);
    fourth = cd_test_sync_now (engine, NULL);
    g_assert_true (cd_sync_result_is_clean (fourth));
    g_assert_cmpuint (cd_sync_result_get_pushed (fourth)->len, ==, 1);

    after = cd_test_wordpress_rest (wp, "GET", raw_path, wp->user, wp->password, NULL, NULL);
    final = get_raw (json_node_get_object (after), "content");
    parsed = cd_test_oracle_parse (final, strlen (final));
    blocks = json_object_get_array_member (json_node_get_object (parsed), "blocks");
    attrs = NULL;
    for (guint i = 0; i < json_array_get_length (blocks); i++)
      {
        JsonObject *block = json_array_get_object_element (blocks, i);

        if (g_strcmp0 (json_object_get_string_member (block, "blockName"), "core/image") == 0)
          attrs = json_object_get_object_member (block, "attrs");
      }
    g_assert_nonnull (attrs);
    g_assert_cmpstr (json_object_get_string_member (attrs, "align"), ==, "center");
    g_assert_nonnull (strstr (final, "<figure class=\"wp-block-image aligncenter size-large\">"));
    g_assert_nonnull (strstr (final, ">Crews worked through the night. <span class=\"credit\">Jane Doe / "
                                     "Agency</span></figcaption>"));
    media_after = site_media (wp);
    g_assert_cmpuint (json_array_get_length (media_after), ==, uploads_before);
  }

  g_clear_object (&engine);
  g_clear_object (&store);
  cd_test_remove_tree (dir);
  cd_test_wordpress_stop (wp);
}

/* A picture added to a classic post (one without blocks) goes in as the
 * classic editor inserts one: the post stays classic, so WordPress still
 * makes paragraphs of its text for readers, and the picture shows with
 * its caption and credit; the picture comes back as the same image, and
 * a second sync changes nothing. */
static void
test_wordpress_classic (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdSyncEngine) engine = NULL;
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdSyncResult) pulled = NULL;
  g_autoptr (CdSyncResult) pushed = NULL;
  g_autoptr (CdSyncResult) again = NULL;
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) post = NULL;
  g_autoptr (JsonNode) rendered = NULL;
  g_autoptr (CdSyncMedia) media = NULL;
  g_autoptr (CdSyncDb) db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *image = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fence = NULL;
  g_autofree char *body = NULL;
  g_autofree char *img_class = NULL;
  const char      *content;
  const char      *html;
  CdTestWordpress *wp;

  if (!need_wordpress ())
    return;
  wp = cd_test_wordpress_start (&error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("copydesk-sync-media-classic-XXXXXX", &error);
  g_assert_no_error (error);
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  cd_test_add_account (store, ACCOUNT, wp->url, wp->user);
  engine = cd_sync_engine_new (store);
  client = cd_test_wordpress_client (wp, wp->password);
  cd_sync_engine_set_cms (engine, ACCOUNT, CD_CMS (client));

  created = cd_test_wordpress_rest (wp, "POST", "/wp/v2/posts?context=edit", wp->user, wp->password,
                                    "{\"title\":\"River\",\"status\":\"draft\",\"content\":"
                                    "\"The river rose.\\n\\nResidents left.\"}",
                                    NULL);
  remote_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                               json_object_get_int_member (json_node_get_object (created), "id"));
  pulled = cd_test_sync_now (engine, NULL);
  g_assert_true (cd_sync_result_is_clean (pulled));
  db = cd_sync_db_open (store, &error);
  g_assert_no_error (error);
  uuid = cd_sync_db_find_uuid (db, ACCOUNT, remote_id, &error);
  g_assert_no_error (error);
  article = cd_store_get_article (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (article), ==, "The river rose.\n\nResidents left.\n");

  image = add_image (store, 60, 0);
  fence = cd_image_ref_to_fence (image, "Sandbags on the quay", "Volunteers [left] & police.",
                                 "Jane Doe / Agency");
  body = g_strdup_printf ("The river rose.\n\n%s\n\nResidents left.\n", fence);
  cd_article_set_body (article, body);
  cd_test_save_edit (store, article);
  pushed = cd_test_sync_now (engine, NULL);
  g_assert_true (cd_sync_result_is_clean (pushed));
  g_assert_cmpuint (cd_sync_result_get_pushed (pushed)->len, ==, 1);
  media = cd_sync_db_load_media (db, ACCOUNT, image, &error);
  g_assert_no_error (error);
  g_assert_nonnull (media);

  /* Stored: classic, the paragraphs as they were, the picture between. */
  path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", remote_id);
  post = cd_test_wordpress_rest (wp, "GET", path, wp->user, wp->password, NULL, NULL);
  content = get_raw (json_node_get_object (post), "content");
  g_assert_true (cd_wp_content_is_classic (content, -1));
  g_assert_true (g_str_has_prefix (content, "The river rose.\n\n[caption id=\"attachment_"));
  g_assert_true (g_str_has_suffix (content, "[/caption]\n\nResidents left."));
  {
    /* The <img> as WordPress's get_image_tag() writes it. */
    g_autofree char *tag = g_strdup_printf ("<img src=\"%s\" alt=\"Sandbags on the quay\" "
                                            "width=\"1\" height=\"1\" class=\"size-full "
                                            "wp-image-%s\" />",
                                            media->source_url, media->media_id);

    g_assert_nonnull (strstr (content, tag));
  }

  /* As a reader sees it: paragraphs, and the picture with its caption. */
  g_free (path);
  path = g_strdup_printf ("/wp/v2/posts/%s?context=view", remote_id);
  rendered = cd_test_wordpress_rest (wp, "GET", path, wp->user, wp->password, NULL, NULL);
  html = json_object_get_string_member (
      json_object_get_object_member (json_node_get_object (rendered), "content"), "rendered");
  img_class = g_strdup_printf ("wp-image-%s", media->media_id);
  g_assert_nonnull (strstr (html, "<p>The river rose.</p>"));
  g_assert_nonnull (strstr (html, "<p>Residents left.</p>"));
  g_assert_nonnull (strstr (html, img_class));
  g_assert_nonnull (strstr (html, "wp-caption-text"));
  {
    /* Brackets as the reader's browser reads WordPress's references. */
    g_autoptr (GString) shown = g_string_new (html);

    g_string_replace (shown, "&#091;", "[", 0);
    g_string_replace (shown, "&#093;", "]", 0);
    g_string_replace (shown, "&#91;", "[", 0);
    g_string_replace (shown, "&#93;", "]", 0);
    g_assert_nonnull (strstr (shown->str, "Volunteers [left] &amp; police."));
  }
  g_assert_nonnull (strstr (html, "Jane Doe / Agency"));
  g_assert_nonnull (strstr (html, "alt=\"Sandbags on the quay\""));
  cd_test_assert_article_unchanged (store, article);

  again = cd_test_sync_now (engine, NULL);
  g_assert_true (cd_sync_result_is_clean (again));
  g_assert_cmpuint (cd_sync_result_get_pushed (again)->len, ==, 0);
  g_assert_cmpuint (cd_sync_result_get_pulled (again)->len, ==, 0);
  cd_test_assert_article_unchanged (store, article);

  /* A colleague sets the picture right on the site; the desk corrects its
   * caption in the body: the post keeps the colleague's alignment, gets
   * the desk's caption, and stays classic. */
  {
    g_autoptr (JsonBuilder) builder = json_builder_new ();
    g_autoptr (JsonNode) update = NULL;
    g_autoptr (JsonNode) after = NULL;
    g_autoptr (JsonNode) shown = NULL;
    g_autoptr (GString) aligned = g_string_new (content);
    g_autoptr (GString) corrected = NULL;
    g_autoptr (CdSyncResult) third = NULL;
    g_autoptr (CdSyncResult) fourth = NULL;
    g_autoptr (CdArticle) desk = NULL;
    g_autofree char *json = NULL;
    g_autofree char *edit_path = g_strdup_printf ("/wp/v2/posts/%s", remote_id);
    g_autofree char *raw_path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", remote_id);
    const char      *final;
    guint            status = 0;

    g_assert_cmpuint (g_string_replace (aligned, "align=\"alignnone\"", "align=\"alignright\"", 1), ==, 1);
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "content");
    json_builder_add_string_value (builder, aligned->str);
    json_builder_end_object (builder);
    json = json_to_string (json_builder_get_root (builder), FALSE);
    update = cd_test_wordpress_rest (wp, "POST", edit_path, wp->user, wp->password, json, &status);
    g_assert_cmpuint (status, ==, 200);

    third = cd_test_sync_now (engine, NULL);
    g_assert_true (cd_sync_result_is_clean (third));
    desk = cd_store_get_article (store, uuid, &error);
    g_assert_no_error (error);
    g_assert_null (strstr (cd_article_get_body (desk), "[caption"));
    corrected = g_string_new (cd_article_get_body (desk));
    g_assert_cmpuint (g_string_replace (corrected, "Volunteers [left] & police.", "Volunteers and police.", 1),
                      ==, 1);
    cd_article_set_body (desk, corrected->str);
    cd_test_save_edit (store, desk);
    fourth = cd_test_sync_now (engine, NULL);
    g_assert_true (cd_sync_result_is_clean (fourth));
    g_assert_cmpuint (cd_sync_result_get_pushed (fourth)->len, ==, 1);

    after = cd_test_wordpress_rest (wp, "GET", raw_path, wp->user, wp->password, NULL, NULL);
    final = get_raw (json_node_get_object (after), "content");
    g_assert_true (cd_wp_content_is_classic (final, -1));
    g_assert_nonnull (strstr (final, "align=\"alignright\""));
    g_assert_nonnull (strstr (final, " /> Volunteers and police. <span class=\"credit\">Jane Doe / "
                                     "Agency</span>[/caption]"));
    g_assert_true (g_str_has_prefix (final, "The river rose.\n\n[caption id=\"attachment_"));
    g_assert_true (g_str_has_suffix (final, "[/caption]\n\nResidents left."));
    shown = cd_test_wordpress_rest (wp, "GET", path, wp->user, wp->password, NULL, NULL);
    html = json_object_get_string_member (
        json_object_get_object_member (json_node_get_object (shown), "content"), "rendered");
    g_assert_nonnull (strstr (html, "alignright"));
    g_assert_nonnull (strstr (html, "Volunteers and police."));
  }

  g_clear_object (&engine);
  g_clear_object (&db);
  g_clear_object (&store);
  cd_test_remove_tree (dir);
  cd_test_wordpress_stop (wp);
}

#define KILL_ARTICLES 4
#define KILL_RUNS 6

/* `copydesk sync` killed at random moments while it uploads (from the
 * test's seed), then a sync to the end: one media item per image. */
static void
test_wordpress_kill (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr (JsonArray) media = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *dir = NULL;
  CdTestWordpress *wp;

  if (!need_wordpress ())
    return;
  if (!keyring)
    {
      g_test_fail_printf ("The command line reads the password from a keyring, and the test "
                          "keyring did not start.");
      return;
    }
  wp = cd_test_wordpress_start (&error);
  g_assert_no_error (error);
  dir = g_dir_make_tmp ("copydesk-sync-media-kill-XXXXXX", &error);
  g_assert_no_error (error);
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  cd_test_add_account (store, ACCOUNT, wp->url, wp->user);
  g_assert_true (cd_secrets_store (ACCOUNT, wp->url, wp->user, wp->password, NULL, &error));
  g_assert_no_error (error);
  /* Two images an article, large enough (2 MB) that an upload takes a
   * moment a kill can land in. */
  for (guint i = 0; i < KILL_ARTICLES; i++)
    {
      g_autofree char *body_image = add_image (store, (guint8) (i * 40 + 1), 2 * 1024 * 1024);
      g_autofree char *featured_image = add_image (store, (guint8) (i * 40 + 20), 2 * 1024 * 1024);
      g_autoptr (CdArticle) article = save_article_with_images (store, body_image, featured_image);

      g_ptr_array_add (images, g_steal_pointer (&body_image));
      g_ptr_array_add (images, g_steal_pointer (&featured_image));
    }
  g_clear_object (&store);

  for (guint k = 0; k < KILL_RUNS; k++)
    {
      g_autoptr (GSubprocess) process = cd_test_start_cli_sync (dir);

      g_usleep (g_rand_int_range (rand, 100, 1500) * 1000);
      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, NULL);
    }
  {
    g_autoptr (GSubprocess) process = cd_test_start_cli_sync (dir);

    g_assert_true (g_subprocess_wait (process, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  }

  /* One item per image: each image's hash names exactly one. */
  media = site_media (wp);
  for (guint i = 0; i < json_array_get_length (media); i++)
    {
      const char *slug = json_object_get_string_member (json_array_get_object_element (media, i),
                                                        "slug");
      guint       found = 0;

      for (guint m = 0; m < images->len; m++)
        if (strstr (slug, g_ptr_array_index (images, m)) != NULL)
          {
            g_assert_false (g_hash_table_contains (seen, g_ptr_array_index (images, m)));
            g_hash_table_add (seen, g_ptr_array_index (images, m));
            found++;
          }
      g_assert_cmpuint (found, ==, 1);
    }
  g_assert_cmpuint (json_array_get_length (media), ==, images->len);
  g_assert_cmpuint (g_hash_table_size (seen), ==, images->len);

  g_assert_true (cd_secrets_clear (ACCOUNT, wp->url, wp->user, NULL, &error));
  cd_test_remove_tree (dir);
  cd_test_wordpress_stop (wp);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  keyring = cd_test_keyring_start (&error);
  if (!keyring)
    g_printerr ("No test keyring: %s\n", error->message);

  static const UploadFault server_error = { FAULT_STATUS, 500, 3 };
  static const UploadFault dropped = { FAULT_DROP, 0, 2 };
  static const UploadFault cut = { FAULT_CUT, 0, 2 };
  static const UploadFault held = { FAULT_HOLD, 0, 2 };

#define ADD(path, func, data)                                                             \
  g_test_add ("/sync/media/" path, Fixture, (gconstpointer) (data), fixture_set_up, func, \
              fixture_tear_down)
  ADD ("upload-once", test_upload_once, NULL);
  ADD ("unknown-block-opaque", test_unknown_block_opaque, NULL);
  ADD ("fetch-pictures", test_fetch_pictures, NULL);
  ADD ("fetch-pictures/edit-caption", test_fetch_pictures_edit, NULL);
  ADD ("fetch-pictures/gallery", test_fetch_pictures_gallery, NULL);
  ADD ("credit-field", test_credit_field, NULL);
  ADD ("escaping", test_escaping, NULL);
  ADD ("refused/413", test_refused, GUINT_TO_POINTER (413));
  ADD ("refused/415", test_refused, GUINT_TO_POINTER (415));
  ADD ("500-then-success", test_upload_fault, &server_error);
  ADD ("lost-reply/dropped", test_upload_fault, &dropped);
  ADD ("lost-reply/cut-mid-body", test_upload_fault, &cut);
  ADD ("lost-reply/held", test_upload_fault, &held);
  ADD ("cut-request/small", test_cut_request, GSIZE_TO_POINTER (0));
  ADD ("cut-request/large", test_cut_request, GSIZE_TO_POINTER (8 * 1024 * 1024));
  ADD ("deleted-on-server", test_deleted_on_server, NULL);
  ADD ("lookup-fails", test_lookup_fails, NULL);
#undef ADD
  g_test_add_func ("/sync/media/wordpress/done-when", test_wordpress_done_when);
  g_test_add_func ("/sync/media/wordpress/classic", test_wordpress_classic);
  g_test_add_func ("/sync/media/wordpress/kill", test_wordpress_kill);

  status = g_test_run ();
  if (keyring)
    cd_test_keyring_stop ();
  return status;
}
