/* test-image-formats.c: the body's `image` fences in the preview's HTML,
 * plain text and word counts, and the exports' images (HTML data: URIs,
 * ninjs associations, Markdown's fences kept).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cd-export.h"
#include "cd-image-ref.h"
#include "cd-import.h"
#include "cd-render.h"

#define ID_A "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define ID_B "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
#define ID_UNKNOWN "0000000000000000000000000000000000000000000000000000000000000000"

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("Expected “%s” in:\n%s", needle, haystack);
}

static void
test_render_fence (void)
{
  g_autofree char *fence = cd_image_ref_to_fence (ID_A, "Fire <crews> & \"trucks\"",
                                                  "Crews 'worked' late.", "Jane <Doe>");
  g_autofree char *body = g_strdup_printf ("Before.\n\n%s\n\nAfter.\n", fence);
  g_autofree char *html = cd_render_markdown (body, -1, CD_RENDER_NONE);
  g_autofree char *with_pos = cd_render_markdown (body, -1, CD_RENDER_SOURCEPOS);
  g_autofree char *no_caption = cd_render_markdown ("```image\nid: " ID_A "\nalt: Just alt\n```\n",
                                                    -1, CD_RENDER_NONE);
  g_autofree char *broken = cd_render_markdown ("```image\nid: ../x\nalt: <b>\ncaption: Cap\n```\n", -1,
                                                CD_RENDER_NONE);

  assert_contains (html, "<p>Before.</p>\n"
                         "<figure class=\"image\"><img src=\"copydesk-image:" ID_A "\" "
                         "alt=\"Fire &lt;crews&gt; &amp; &quot;trucks&quot;\">"
                         "<figcaption>Crews &apos;worked&apos; late. "
                         "<span class=\"credit\">Jane &lt;Doe&gt;</span></figcaption></figure>\n"
                         "<p>After.</p>");
  g_assert_null (strstr (html, "<code"));
  g_assert_null (strstr (html, "id:"));
  assert_contains (with_pos, "<figure class=\"image\" data-sourcepos=\"3:1-8:3\">");
  g_assert_cmpstr (no_caption, ==,
                   "<figure class=\"image\"><img src=\"copydesk-image:" ID_A "\" alt=\"Just alt\">"
                   "</figure>\n");
  /* No image id: no image, and nothing of the fence runs. */
  g_assert_cmpstr (broken, ==,
                   "<figure class=\"image cd-image-missing\"><figcaption>Cap</figcaption></figure>\n");
}

static void
test_render_featured (void)
{
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autofree char *html = NULL;

  cd_article_set_headline (article, "Fire");
  cd_article_set_image (article, ID_B);
  cd_article_set_image_alt (article, "A house <burning>");
  cd_article_set_image_caption (article, "The house on Main Street.");
  cd_article_set_image_credit (article, "Jo & Co");
  cd_article_set_body (article, "```image\nid: " ID_A "\nalt: Body picture\n```\n");
  html = cd_render_article (article, CD_RENDER_NONE);
  assert_contains (html, "<img src=\"copydesk-image:" ID_B "\" alt=\"A house &lt;burning&gt;\">");
  assert_contains (html, "<span class=\"cd-credit\">Jo &amp; Co</span>");
  /* Above the body, whose own picture follows. */
  g_assert_true (strstr (html, ID_B) < strstr (html, "cd-body"));
  g_assert_true (strstr (html, "cd-body") < strstr (html, ID_A));
}

static void
test_plain_text_and_words (void)
{
  g_autofree char *fence = cd_image_ref_to_fence (ID_A, "Seven words of alt text right here",
                                                  "A caption of six words", "Credit Name");
  g_autofree char *body = g_strdup_printf ("One two three.\n\n%s\n\nFour five.\n", fence);
  g_autofree char *plain = cd_render_plain_text (body, -1);
  g_autoptr (CdArticle) article = cd_article_new ();

  g_assert_null (strstr (plain, "alt"));
  g_assert_null (strstr (plain, ID_A));
  g_assert_null (strstr (plain, "caption"));
  assert_contains (plain, "One two three.");
  assert_contains (plain, "Four five.");
  g_assert_cmpuint (cd_count_body_words (body), ==, 5);
  cd_article_set_body (article, body);
  g_assert_cmpuint (cd_article_get_word_count (article), ==, 5);
  /* A fence of another kind still counts, as before. */
  g_assert_cmpuint (cd_count_body_words ("```\ncode words\n```\n"), ==, 2);
}

/* A source that stands in for the store: two known images. */
static CdImageInfo *
fake_lookup (gpointer    user_data,
             const char *id)
{
  if (g_str_equal (id, ID_A))
    return cd_image_info_new (ID_A, "image/png", 640, 480, 4);
  if (g_str_equal (id, ID_B))
    return cd_image_info_new (ID_B, "image/jpeg", 1200, 800, 3);
  return NULL;
}

static GBytes *
fake_load (gpointer    user_data,
           const char *id)
{
  if (g_str_equal (id, ID_A))
    return g_bytes_new_static ("PNG!", 4);
  if (g_str_equal (id, ID_B))
    return g_bytes_new_static ("JPG", 3);
  return NULL;
}

static CdArticle *
article_with_images (void)
{
  CdArticle       *article = cd_article_new_with_uuid ("5f0c7a4e-2b1d-4c3a-9e8f-1a2b3c4d5e6f");
  g_autofree char *fence_a = cd_image_ref_to_fence (ID_A, "Alt A", "Caption A", "Credit A");
  g_autofree char *fence_u = cd_image_ref_to_fence (ID_UNKNOWN, "Unknown", NULL, NULL);
  g_autofree char *body = g_strdup_printf ("Text.\n\n%s\n\n%s\n", fence_a, fence_u);

  cd_article_set_headline (article, "Pictures");
  cd_article_set_image (article, ID_B);
  cd_article_set_image_alt (article, "Alt B");
  cd_article_set_image_caption (article, "Caption B");
  cd_article_set_image_credit (article, "Credit B");
  cd_article_set_body (article, body);
  return article;
}

static void
test_export_html (void)
{
  CdImageSource images = { fake_lookup, fake_load, NULL };
  g_autoptr (CdArticle) article = article_with_images ();
  g_autofree char *page = cd_export_article_with_images (article, CD_EXPORT_FORMAT_HTML, &images);
  g_autofree char *b64_a = g_base64_encode ((const guchar *) "PNG!", 4);
  g_autofree char *b64_b = g_base64_encode ((const guchar *) "JPG", 3);
  g_autofree char *src_a = g_strdup_printf ("<img src=\"data:image/png;base64,%s\" alt=\"Alt A\">", b64_a);
  g_autofree char *src_b = g_strdup_printf ("<img src=\"data:image/jpeg;base64,%s\" alt=\"Alt B\">", b64_b);

  assert_contains (page, src_a);
  assert_contains (page, src_b);
  /* An image the source lacks keeps its reference rather than breaking. */
  assert_contains (page, "copydesk-image:" ID_UNKNOWN);
  g_assert_null (strstr (page, "copydesk-image:" ID_A));
  g_assert_null (strstr (page, "copydesk-image:" ID_B));
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_object_member (object, name);
}

static void
test_export_ninjs (void)
{
  CdImageSource images = { fake_lookup, fake_load, NULL };
  g_autoptr (CdArticle) article = article_with_images ();
  g_autofree char *json = cd_export_ninjs_with_images (article, &images);
  g_autofree char *plain_json = cd_export_article (article, CD_EXPORT_FORMAT_NINJS);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *assoc, *featured, *first, *unknown, *original;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  assoc = member_object (root, "associations");
  g_assert_cmpuint (json_object_get_size (assoc), ==, 3);

  featured = member_object (assoc, "featuremedia");
  g_assert_cmpstr (json_object_get_string_member (featured, "type"), ==, "picture");
  g_assert_cmpstr (json_object_get_string_member (featured, "uri"), ==, "urn:copydesk:image:" ID_B);
  g_assert_cmpstr (json_object_get_string_member (featured, "body_text"), ==, "Alt B");
  g_assert_cmpstr (json_object_get_string_member (featured, "description_text"), ==, "Caption B");
  g_assert_cmpstr (json_object_get_string_member (featured, "byline"), ==, "Credit B");
  original = member_object (member_object (featured, "renditions"), "original");
  g_assert_cmpstr (json_object_get_string_member (original, "mimetype"), ==, "image/jpeg");
  g_assert_cmpint (json_object_get_int_member (original, "width"), ==, 1200);
  g_assert_cmpint (json_object_get_int_member (original, "height"), ==, 800);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (original, "href"),
                                   "data:image/jpeg;base64,"));

  first = member_object (assoc, "editor_0");
  g_assert_cmpstr (json_object_get_string_member (first, "description_text"), ==, "Caption A");
  original = member_object (member_object (first, "renditions"), "original");
  g_assert_cmpint (json_object_get_int_member (original, "width"), ==, 640);
  g_assert_cmpstr (json_object_get_string_member (original, "mimetype"), ==, "image/png");

  /* Not in the source: the association, without renditions. */
  unknown = member_object (assoc, "editor_1");
  g_assert_false (json_object_has_member (unknown, "renditions"));

  /* The body's figures name their association. */
  assert_contains (json_object_get_string_member (root, "body_html"),
                   "src=\"urn:copydesk:image:" ID_A "\"");
  /* The word count is of the text, not the fences' keys. */
  g_assert_cmpint (json_object_get_int_member (root, "wordcount"), ==, 1);

  /* Without a source the associations are still there, unrendered. */
  assert_contains (plain_json, "\"featuremedia\"");
  g_assert_null (strstr (plain_json, "renditions"));
}

static void
test_export_markdown (void)
{
  g_autoptr (CdArticle) article = article_with_images ();
  g_autofree char *text = cd_export_markdown (article);
  g_autoptr (CdArticle) back = NULL;
  g_autoptr (GError) error = NULL;

  /* The fences stay as they are, so that importing gives them back. */
  assert_contains (text, cd_article_get_body (article));
  assert_contains (text, "image_alt: Alt B");
  back = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_MARKDOWN, "story.md", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (back), ==, cd_article_get_body (article));
  g_assert_cmpstr (cd_article_get_image_alt (back), ==, "Alt B");
  g_assert_cmpstr (cd_article_get_image (back), ==, ID_B);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/image-formats/render/fence", test_render_fence);
  g_test_add_func ("/image-formats/render/featured", test_render_featured);
  g_test_add_func ("/image-formats/plain-text-and-words", test_plain_text_and_words);
  g_test_add_func ("/image-formats/export/html", test_export_html);
  g_test_add_func ("/image-formats/export/ninjs", test_export_ninjs);
  g_test_add_func ("/image-formats/export/markdown", test_export_markdown);

  return g_test_run ();
}
