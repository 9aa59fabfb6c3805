/* test-export.c: Markdown round trip, the HTML page and ninjs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cd-export.h"
#include "cd-import.h"
#include "cd-render.h"

static GDateTime *
dt (const char *iso)
{
  GDateTime *d = cd_parse_iso8601 (iso);

  g_assert_nonnull (d);
  return d;
}

static CdArticle *
full_article (void)
{
  CdArticle *a = cd_article_new_with_uuid ("5f0c7a4e-2b1d-4c3a-9e8f-1a2b3c4d5e6f");
  g_autoptr (GDateTime) embargo = dt ("2026-03-01T09:00:00+01:00");
  g_autoptr (GDateTime) created = dt ("2026-02-28T17:45:00Z");
  g_autoptr (GDateTime) modified = dt ("2026-02-28T18:02:10Z");
  g_autoptr (GDateTime) fixed = dt ("2026-02-28T19:00:00-05:00");
  const char *tags[] = { "floods", "Bavaria", "weather, extreme", "true", NULL };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  cd_article_set_headline (a, "Flood: \"record\" levels — Passau's old town under water");
  cd_article_set_dek (a, "Residents told: leave by nightfall # not a comment");
  cd_article_set_byline (a, "Anna Berger & Jo Hart");
  cd_article_set_dateline (a, "PASSAU, Germany");
  cd_article_set_source (a, "AP");
  cd_article_set_slug (a, "passau-floods");
  cd_article_set_section (a, "World");
  cd_article_set_tags (a, tags);
  cd_article_set_status (a, CD_ARTICLE_STATUS_PUBLISHED);
  cd_article_set_embargo (a, embargo);
  cd_article_set_length_target (a, 650);
  cd_article_set_language (a, "de-AT");
  cd_article_set_ednote (a, "Line one: check.\n  indented line\n\nlast line, no newline");
  cd_article_set_created (a, created);
  cd_article_set_modified (a, modified);
  cd_article_set_image (a, "/srv/photos/passau flood.jpg");
  cd_article_set_image_caption (a, "Water 'rises' in [Passau]");
  cd_article_set_image_credit (a, "Armin Weigel/dpa");
  cd_article_add_correction (a, fixed, "An earlier version: wrong level.");
  cd_article_add_correction (a, created, "Second\nline note");
  cd_article_set_body (a, "---\nA body that starts with a rule.\n\n"
                          "## Sub\n\n| a | b |\n| - | - |\n");

  json_parser_load_from_data (parser,
                              "{\"wordpress\": {\"category_ids\": [12, 40], \"sticky\": false,"
                              " \"meta\": {\"x\": null, \"ratio\": 0.1, \"big\": 2.0,"
                              " \"huge\": 1e300}},"
                              " \"numeric_string\": \"123\", \"empty\": \"\","
                              " \"list\": [\"a\", [1, 2], {\"k\": \"v: w\"}], \"flag\": true}",
                              -1, &error);
  g_assert_no_error (error);
  cd_article_set_extra (a, json_node_get_object (json_parser_get_root (parser)));
  return a;
}

static void
assert_round_trip (CdArticle *a)
{
  g_autofree char *markdown = cd_export_markdown (a);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) b = cd_import_data (markdown, strlen (markdown), CD_IMPORT_FORMAT_MARKDOWN,
                                            "export.md", &error);

  if (error != NULL)
    g_error ("Re-import failed: %s\n%s", error->message, markdown);
  if (!cd_article_equal (a, b))
    {
      g_autofree char *again = cd_export_markdown (b);
      g_error ("Round trip changed the article:\n%s\n--- became ---\n%s", markdown, again);
    }
}

static void
test_markdown_round_trip (void)
{
  g_autoptr (CdArticle) full = full_article ();
  g_autoptr (CdArticle) empty = cd_article_new ();
  g_autoptr (CdArticle) odd = cd_article_new ();
  g_autoptr (CdArticle) bare = cd_article_new ();
  g_autoptr (GDateTime) fraction = dt ("2026-02-28T17:45:00.25+05:30");
  const char *odd_tags[] = { " padded ", "null", "- dash", "[x]", "ünïcødé 🚀", NULL };

  assert_round_trip (full);
  assert_round_trip (empty);

  /* Text that YAML would read as something else unless quoted. */
  cd_article_set_headline (odd, "null");
  cd_article_set_dek (odd, "123");
  cd_article_set_byline (odd, "true");
  cd_article_set_dateline (odd, "- not a list");
  cd_article_set_source (odd, "key: value");
  cd_article_set_slug (odd, "#hash");
  cd_article_set_section (odd, "  leading and trailing  ");
  cd_article_set_tags (odd, odd_tags);
  cd_article_set_ednote (odd, "tab\there\r\nwindows line\n\n\ntrailing blank lines\n\n");
  cd_article_set_image_caption (odd, "'single' and \"double\" quotes: \\ backslash");
  cd_article_set_image_credit (odd, "\xe2\x80\xa8 line separator and \x01 control");
  cd_article_set_language (odd, NULL);
  cd_article_set_created (odd, fraction);
  cd_article_set_modified (odd, NULL);
  cd_article_set_status (odd, CD_ARTICLE_STATUS_KILLED);
  cd_article_set_body (odd, "");
  assert_round_trip (odd);

  /* Empty strings and absent fields are the same thing. */
  cd_article_set_headline (bare, "");
  cd_article_set_body (bare, "Body without a newline at the end");
  assert_round_trip (bare);

  for (guint s = 0; s < CD_ARTICLE_N_STATUSES; s++)
    {
      cd_article_set_status (bare, s);
      assert_round_trip (bare);
    }
}

static void
test_markdown_file_round_trip (void)
{
  g_autoptr (CdArticle) a = full_article ();
  g_autofree char *markdown = cd_export_article (a, CD_EXPORT_FORMAT_MARKDOWN);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-test-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "story.md", NULL);
  g_autoptr (CdArticle) b = NULL;

  g_assert_no_error (error);
  g_file_set_contents (path, markdown, -1, &error);
  g_assert_no_error (error);
  b = cd_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (a, b));
  /* The body follows the front matter exactly. */
  g_assert_true (g_str_has_suffix (markdown, "\n---\n---\nA body that starts with a rule.\n\n"
                                             "## Sub\n\n| a | b |\n| - | - |\n"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_markdown_keeps_unknown_keys (void)
{
  const char *text = "---\nheadline: H\nwp_id: 42\nseo:\n  title: \"SEO: title\"\n"
                     "  keywords: [a, b]\n---\nBody\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_MARKDOWN,
                                            "in.md", &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = cd_export_markdown (a);
  g_assert_nonnull (strstr (out, "\nwp_id: 42\n"));
  g_assert_nonnull (strstr (out, "\nseo:\n  title: 'SEO: title'\n  keywords:\n  - a\n  - b\n"));
}

static void
test_html_page (void)
{
  g_autoptr (CdArticle) a = full_article ();
  g_autofree char *page = NULL;

  cd_article_set_headline (a, "<script>alert(\"x\")</script> Tom & Jerry's");
  page = cd_export_article (a, CD_EXPORT_FORMAT_HTML);
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<html lang=\"de-AT\">\n"));
  g_assert_nonnull (strstr (page, "<meta charset=\"utf-8\">"));
  g_assert_nonnull (strstr (page, "<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
                                  "Tom &amp; Jerry&#39;s</title>"));
  g_assert_nonnull (strstr (page, "<style>"));
  g_assert_nonnull (strstr (page, "<article class=\"cd-article\" lang=\"de-AT\">"));
  g_assert_nonnull (strstr (page, "<table>"));
  g_assert_null (strstr (page, "<script"));
  g_assert_null (strstr (page, "data-sourcepos"));
  g_assert_null (strstr (page, "Line one: check"));
  g_assert_true (g_str_has_suffix (page, "</body>\n</html>\n"));
}

static CdArticle *
html_round_trip (CdArticle *a)
{
  g_autofree char *page = cd_export_article (a, CD_EXPORT_FORMAT_HTML);
  g_autoptr (GError) error = NULL;
  CdArticle *b = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "page.html",
                                 &error);

  g_assert_no_error (error);
  g_assert_nonnull (b);
  return b;
}

/* A page exported by Copydesk imports back with its fields, and its body
 * renders the same. The picture's alt text comes back as it was; a page
 * whose picture had none (its caption stood in) brings none back. */
static void
test_html_page_imports_back (void)
{
  g_autoptr (CdArticle) a = full_article ();
  g_autoptr (CdArticle) b = NULL;
  g_autoptr (CdArticle) without_alt = NULL;
  g_autofree char *body_a = NULL;
  g_autofree char *body_b = NULL;

  without_alt = html_round_trip (a);
  g_assert_null (cd_article_get_image_alt (without_alt));

  cd_article_set_image_alt (a, "Sandbags \"stacked\" <high> & dry");
  b = html_round_trip (a);
  g_assert_cmpstr (cd_article_get_headline (b), ==, cd_article_get_headline (a));
  g_assert_cmpstr (cd_article_get_dek (b), ==, cd_article_get_dek (a));
  g_assert_cmpstr (cd_article_get_byline (b), ==, cd_article_get_byline (a));
  g_assert_cmpstr (cd_article_get_dateline (b), ==, cd_article_get_dateline (a));
  g_assert_cmpstr (cd_article_get_source (b), ==, cd_article_get_source (a));
  g_assert_cmpstr (cd_article_get_language (b), ==, cd_article_get_language (a));
  g_assert_cmpstr (cd_article_get_image (b), ==, cd_article_get_image (a));
  g_assert_cmpstr (cd_article_get_image_caption (b), ==, cd_article_get_image_caption (a));
  g_assert_cmpstr (cd_article_get_image_credit (b), ==, cd_article_get_image_credit (a));
  g_assert_cmpstr (cd_article_get_image_alt (b), ==, cd_article_get_image_alt (a));
  g_assert_nonnull (cd_article_get_embargo (b));
  g_assert_true (g_date_time_equal (cd_article_get_embargo (b), cd_article_get_embargo (a)));
  body_a = cd_render_markdown (cd_article_get_body (a), -1, CD_RENDER_NONE);
  body_b = cd_render_markdown (cd_article_get_body (b), -1, CD_RENDER_NONE);
  g_assert_cmpstr (body_b, ==, body_a);
}

static JsonObject *
ninjs_of (CdArticle *a,
          JsonNode **root_out)
{
  g_autofree char *json = cd_export_article (a, CD_EXPORT_FORMAT_NINJS);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  *root_out = json_node_copy (json_parser_get_root (parser));
  return json_node_get_object (*root_out);
}

static void
test_ninjs (void)
{
  g_autoptr (CdArticle) a = full_article ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) root2 = NULL;
  g_autoptr (CdArticle) b = cd_article_new_with_uuid ("00000000-0000-4000-8000-000000000000");
  JsonObject *o, *o2;
  JsonArray  *subject;
  /* clang-format off */
  static const char *expected_keys[] = {
    "uri", "type", "version", "versioncreated", "firstcreated", "pubstatus", "headline",
    "description_text", "body_html", "byline", "slugline", "located", "ednote", "subject",
    "embargoed", "language", "wordcount", "charcount", "corrections", NULL,
  };
  /* clang-format on */
  g_autoptr (GList) members = NULL;

  cd_article_set_body (a, "Two *words*.\n\nThird [word](http://x).\n");
  o = ninjs_of (a, &root);
  members = json_object_get_members (o);
  g_assert_cmpuint (g_list_length (members), ==, g_strv_length ((char **) expected_keys));
  for (guint i = 0; expected_keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (o, expected_keys[i]));

  g_assert_cmpstr (json_object_get_string_member (o, "uri"), ==,
                   "urn:copydesk:article:5f0c7a4e-2b1d-4c3a-9e8f-1a2b3c4d5e6f");
  g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "text");
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "version")));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "version")), ==,
                   G_TYPE_STRING);
  g_assert_cmpstr (json_object_get_string_member (o, "version"), ==, "1772301730");
  g_assert_cmpstr (json_object_get_string_member (o, "versioncreated"), ==, "2026-02-28T18:02:10Z");
  g_assert_cmpstr (json_object_get_string_member (o, "firstcreated"), ==, "2026-02-28T17:45:00Z");
  g_assert_cmpstr (json_object_get_string_member (o, "embargoed"), ==, "2026-03-01T08:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (o, "pubstatus"), ==, "usable");
  g_assert_cmpstr (json_object_get_string_member (o, "headline"), ==,
                   "Flood: \"record\" levels — Passau's old town under water");
  g_assert_cmpstr (json_object_get_string_member (o, "description_text"), ==,
                   "Residents told: leave by nightfall # not a comment");
  g_assert_cmpstr (json_object_get_string_member (o, "body_html"), ==,
                   "<p>Two <em>words</em>.</p>\n<p>Third <a href=\"http://x\">word</a>.</p>\n");
  g_assert_cmpstr (json_object_get_string_member (o, "byline"), ==, "Anna Berger & Jo Hart");
  g_assert_cmpstr (json_object_get_string_member (o, "slugline"), ==, "passau-floods");
  g_assert_cmpstr (json_object_get_string_member (o, "located"), ==, "PASSAU, Germany");
  g_assert_cmpstr (json_object_get_string_member (o, "language"), ==, "de-AT");
  g_assert_cmpint (json_object_get_int_member (o, "wordcount"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (o, "charcount"), ==,
                   g_utf8_strlen ("Two words.\n\nThird word.", -1));
  subject = json_object_get_array_member (o, "subject");
  g_assert_cmpuint (json_array_get_length (subject), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subject, 2),
                                                  "name"),
                   ==, "weather, extreme");

  /* Absent optional fields are left out; other statuses map as Superdesk
   * expects. */
  cd_article_set_status (b, CD_ARTICLE_STATUS_KILLED);
  o2 = ninjs_of (b, &root2);
  g_assert_cmpstr (json_object_get_string_member (o2, "pubstatus"), ==, "canceled");
  for (const char *key = "headline"; key != NULL; key = NULL)
    g_assert_false (json_object_has_member (o2, key));
  g_assert_false (json_object_has_member (o2, "description_text"));
  g_assert_false (json_object_has_member (o2, "subject"));
  g_assert_false (json_object_has_member (o2, "embargoed"));
  g_assert_false (json_object_has_member (o2, "ednote"));
  g_assert_false (json_object_has_member (o2, "byline"));
  g_assert_false (json_object_has_member (o2, "body_html"));
  g_assert_cmpint (json_object_get_int_member (o2, "wordcount"), ==, 0);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (o2, "versioncreated"), "Z"));
  g_assert_cmpuint (strlen (json_object_get_string_member (o2, "versioncreated")), ==, 20);

  for (guint s = 0; s < CD_ARTICLE_N_STATUSES; s++)
    {
      g_autoptr (JsonNode) r = NULL;
      const char *expected;
      JsonObject *ob;

      cd_article_set_status (b, s);
      ob = ninjs_of (b, &r);
      if (s == CD_ARTICLE_STATUS_PUBLISHED)
        expected = "usable";
      else if (s == CD_ARTICLE_STATUS_KILLED)
        expected = "canceled";
      else
        expected = "withheld";
      g_assert_cmpstr (json_object_get_string_member (ob, "pubstatus"), ==, expected);
    }
}

static void
test_format_names (void)
{
  CdExportFormat format;

  g_assert_true (cd_export_format_from_string ("md", &format));
  g_assert_cmpint (format, ==, CD_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (cd_export_format_from_string ("html", &format));
  g_assert_cmpint (format, ==, CD_EXPORT_FORMAT_HTML);
  g_assert_true (cd_export_format_from_string ("ninjs", &format));
  g_assert_cmpint (format, ==, CD_EXPORT_FORMAT_NINJS);
  g_assert_false (cd_export_format_from_string ("pdf", &format));
  g_assert_false (cd_export_format_from_string (NULL, &format));
}

/* The corrections close the story in the HTML export (escaped, dated,
 * once), travel in ninjs as {date, text}, and in the Markdown export's
 * front matter, which reads back to the same list. */
static void
test_corrections (void)
{
  g_autoptr (CdArticle) a = full_article ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *html = NULL;
  g_autofree char *markdown = NULL;
  JsonObject      *o;
  JsonArray       *corrections;
  const char      *aside;

  cd_article_add_correction (a, cd_article_get_created (a), "The <b>mayor</b> said it.");
  html = cd_export_article (a, CD_EXPORT_FORMAT_HTML);
  aside = strstr (html, "<aside class=\"cd-corrections copydesk-corrections\"");
  g_assert_nonnull (aside);
  g_assert_null (strstr (aside + 1, "<aside class=\"cd-corrections"));
  g_assert_nonnull (strstr (aside, "An earlier version: wrong level."));
  g_assert_nonnull (strstr (aside, "The &lt;b&gt;mayor&lt;/b&gt; said it."));
  g_assert_nonnull (strstr (aside, "<strong>Correction, "));
  g_assert_true (strstr (html, "</aside>") < strstr (html, "</article>"));

  o = ninjs_of (a, &root);
  corrections = json_object_get_array_member (o, "corrections");
  g_assert_cmpuint (json_array_get_length (corrections), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (corrections, 2),
                                                  "text"),
                   ==, "The <b>mayor</b> said it.");
  g_assert_true (json_object_has_member (json_array_get_object_element (corrections, 0), "date"));

  markdown = cd_export_markdown (a);
  g_assert_nonnull (strstr (markdown, "The <b>mayor</b> said it."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/markdown/round-trip", test_markdown_round_trip);
  g_test_add_func ("/export/corrections", test_corrections);
  g_test_add_func ("/export/markdown/file-round-trip", test_markdown_file_round_trip);
  g_test_add_func ("/export/markdown/unknown-keys", test_markdown_keeps_unknown_keys);
  g_test_add_func ("/export/html/page", test_html_page);
  g_test_add_func ("/export/html/imports-back", test_html_page_imports_back);
  g_test_add_func ("/export/ninjs", test_ninjs);
  g_test_add_func ("/export/format-names", test_format_names);

  return g_test_run ();
}
