/* test-render.c: Markdown rendering with cmark-gfm and the article element.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-render.h"
#include "cd-wp-content.h"

static char *
render (const char   *markdown,
        CdRenderFlags flags)
{
  return cd_render_markdown (markdown, -1, flags);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
test_gfm_extensions (void)
{
  g_autofree char *table = render ("| City | Rain |\n| --- | ---: |\n| Passau | 80 mm |\n",
                                   CD_RENDER_NONE);
  g_autofree char *strike = render ("The ~~old~~ new plan.\n", CD_RENDER_NONE);
  g_autofree char *autolink = render ("See www.example.org and https://example.org/x.\n",
                                      CD_RENDER_NONE);
  g_autofree char *plain = render ("*em* **strong** \"quotes\" -- dashes...\n", CD_RENDER_NONE);

  assert_contains (table, "<table>");
  assert_contains (table, "<th>City</th>");
  assert_contains (table, "<td align=\"right\">80 mm</td>");
  assert_contains (strike, "<del>old</del>");
  assert_contains (autolink, "<a href=\"http://www.example.org\">www.example.org</a>");
  assert_contains (autolink, "<a href=\"https://example.org/x\">https://example.org/x</a>");
  /* Smart punctuation is off: text shows as typed. */
  g_assert_cmpstr (plain, ==,
                   "<p><em>em</em> <strong>strong</strong> &quot;quotes&quot; -- dashes...</p>\n");
}

static void
test_raw_html_disabled (void)
{
  g_autofree char *block = render ("<script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n",
                                   CD_RENDER_NONE);
  g_autofree char *inline_html = render ("Text <img src=x onerror=alert(1)> and <b>bold</b>.\n",
                                         CD_RENDER_NONE);
  g_autofree char *link = render ("[click](javascript:alert(1)) ![i](data:text/html,x)\n",
                                  CD_RENDER_NONE);
  g_autofree char *tag = render ("```\n<script>\n```\n", CD_RENDER_NONE);

  g_assert_null (strstr (block, "<script"));
  g_assert_null (strstr (block, "onclick"));
  assert_contains (block, "<!-- raw HTML omitted -->");
  g_assert_null (strstr (inline_html, "<img"));
  g_assert_null (strstr (inline_html, "<b>"));
  assert_contains (inline_html, "<!-- raw HTML omitted -->");
  g_assert_null (strstr (link, "javascript:"));
  g_assert_null (strstr (link, "data:text/html"));
  /* Code shows markup as text. */
  assert_contains (tag, "&lt;script&gt;");
}

static void
test_sourcepos (void)
{
  const char      *markdown = "# Title\n\nFirst paragraph.\n\n- one\n- two\n";
  g_autofree char *with = render (markdown, CD_RENDER_SOURCEPOS);
  g_autofree char *without = render (markdown, CD_RENDER_NONE);

  assert_contains (with, "<h1 data-sourcepos=\"1:1-1:7\">");
  assert_contains (with, "<p data-sourcepos=\"3:1-3:16\">");
  assert_contains (with, "<li data-sourcepos=\"5:1-5:5\">");
  g_assert_null (strstr (without, "data-sourcepos"));
}

static void
test_length_and_nul (void)
{
  const char       text[] = "kept *em*\0 after the nul";
  g_autofree char *cut = cd_render_markdown (text, 8, CD_RENDER_NONE);
  g_autofree char *empty = cd_render_markdown (NULL, -1, CD_RENDER_NONE);
  g_autofree char *invalid = cd_render_markdown ("bad \xff byte", -1, CD_RENDER_NONE);

  g_assert_cmpstr (cut, ==, "<p>kept *em</p>\n");
  g_assert_cmpstr (empty, ==, "");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
}

static void
test_html_escape (void)
{
  g_autofree char *escaped = cd_html_escape ("<a href=\"x\">Tom & Jerry's</a>");
  g_autofree char *null = cd_html_escape (NULL);

  g_assert_cmpstr (escaped, ==,
                   "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  g_assert_cmpstr (null, ==, "");
}

static void
test_article_element (void)
{
  g_autoptr (CdArticle) a = cd_article_new ();
  g_autoptr (GDateTime) embargo = cd_parse_iso8601 ("2026-03-01T09:00:00+01:00");
  g_autofree char *html = NULL;

  cd_article_set_headline (a, "<script>alert('x')</script> & more");
  cd_article_set_dek (a, "A \"quoted\" dek");
  cd_article_set_byline (a, "Anna <b>Berger</b>");
  cd_article_set_dateline (a, "PASSAU");
  cd_article_set_source (a, "AP");
  cd_article_set_ednote (a, "secret note for the desk");
  cd_article_set_embargo (a, embargo);
  cd_article_set_image (a, "/srv/photos/flood 1.jpg");
  cd_article_set_image_caption (a, "Water <rises>");
  cd_article_set_image_credit (a, "A. Weigel/dpa");
  cd_article_set_language (a, "en-GB");
  cd_article_set_body (a, "Body *text*.\n");

  html = cd_render_article (a, CD_RENDER_SOURCEPOS);
  g_assert_true (g_str_has_prefix (html, "<article class=\"cd-article\" lang=\"en-GB\">"));
  assert_contains (html, "<h1 class=\"cd-headline\" data-field=\"headline\">"
                         "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</h1>");
  g_assert_null (strstr (html, "<script"));
  assert_contains (html, "<p class=\"cd-dek\" data-field=\"dek\">A &quot;quoted&quot; dek</p>");
  assert_contains (html, "Anna &lt;b&gt;Berger&lt;/b&gt;");
  assert_contains (html, "PASSAU <span class=\"cd-source\">(AP)</span>");
  assert_contains (html, "class=\"cd-embargo\"");
  assert_contains (html, "<time datetime=\"2026-03-01T09:00:00+01:00\">");
  assert_contains (html, "<img src=\"file:///srv/photos/flood%201.jpg\" "
                         "alt=\"Water &lt;rises&gt;\">");
  assert_contains (html, "<span class=\"cd-credit\">A. Weigel/dpa</span>");
  assert_contains (html, "<p data-sourcepos=\"1:1-1:12\">Body <em>text</em>.</p>");
  g_assert_null (strstr (html, "secret note"));
  g_assert_true (g_str_has_suffix (html, "</article>\n"));
}

/* The datetime attribute is a valid HTML global date and time: "+09:00"
 * or "Z", never "+09". */
static void
test_embargo_datetime (void)
{
  /* clang-format off */
  static const struct { const char *embargo; const char *attribute; const char *shown; } cases[] = {
    { "2026-12-01T09:00:00+09:00", "2026-12-01T09:00:00+09:00", "1 December 2026, 09:00 UTC+09:00" },
    { "2026-12-01T09:00:00-05:30", "2026-12-01T09:00:00-05:30", "1 December 2026, 09:00 UTC-05:30" },
    { "2026-12-01T09:00:00.5Z", "2026-12-01T09:00:00Z", "1 December 2026, 09:00 UTC" },
    { "0999-12-01T09:00:00+01:00", "0999-12-01T09:00:00+01:00", NULL },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CdArticle) a = cd_article_new ();
      g_autoptr (GDateTime) embargo = cd_parse_iso8601 (cases[i].embargo);
      g_autofree char *html = NULL;
      g_autofree char *time = g_strdup_printf ("<time datetime=\"%s\">", cases[i].attribute);

      g_assert_nonnull (embargo);
      cd_article_set_embargo (a, embargo);
      html = cd_render_article (a, CD_RENDER_NONE);
      assert_contains (html, time);
      if (cases[i].shown != NULL)
        assert_contains (html, cases[i].shown);
    }
}

static void
test_article_minimal (void)
{
  g_autoptr (CdArticle) a = cd_article_new ();
  g_autofree char *html = NULL;

  cd_article_set_image (a, "javascript:alert(1)");
  html = cd_render_article (a, CD_RENDER_NONE);
  g_assert_null (strstr (html, "cd-headline"));
  g_assert_null (strstr (html, "cd-embargo"));
  g_assert_null (strstr (html, "cd-dateline"));
  g_assert_null (strstr (html, "javascript"));
  g_assert_null (strstr (html, "<img"));
  assert_contains (html, "<div class=\"cd-body\" data-field=\"body\">\n</div>");
}

static void
test_article_caption_without_image (void)
{
  g_autoptr (CdArticle) a = cd_article_new ();
  g_autofree char *html = NULL;
  g_autofree char *none = NULL;

  none = cd_render_article (a, CD_RENDER_NONE);
  g_assert_null (strstr (none, "<figure"));

  cd_article_set_image_caption (a, "Residents wade through a flooded street.");
  cd_article_set_image_credit (a, "AP Photo/Matthias Schrader");
  html = cd_render_article (a, CD_RENDER_NONE);
  assert_contains (html, "<figure class=\"cd-featured-image cd-no-image\" "
                         "data-field=\"image\">");
  assert_contains (html, "<span class=\"cd-caption\">"
                         "Residents wade through a flooded street.</span>");
  g_assert_null (strstr (html, "<img"));
}

static void
test_plain_text (void)
{
  const char      *markdown = "# Head\n\nSome *em* and [a link](http://x).\n";
  g_autofree char *text = cd_render_plain_text (markdown, -1);

  g_assert_cmpstr (text, ==, "Head\n\nSome em and a link.");
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

/* "![[]()" 100,000 times (600 KB, one paragraph) took cmark-gfm 84 s,
 * quadratic in the paragraph's brackets; such a paragraph is now shown as
 * typed, at once. A paragraph of a real article keeps its links. */
static void
test_pathological_brackets (void)
{
  g_autofree char *body = repeat ("![[]()", 100000);
  g_autofree char *markdown = g_strconcat ("A [link](https://example.org) stays.\n\n", body,
                                           "\n", NULL);
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  gint64           start = g_get_monotonic_time ();

  html = cd_render_markdown (markdown, -1, CD_RENDER_SOURCEPOS);
  text = cd_render_plain_text (markdown, -1);
  /* 0.3 s here; the bound leaves room for a loaded machine. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_TIME_SPAN_SECOND);
  assert_contains (html, "<a href=\"https://example.org\">link</a> stays.");
  assert_contains (html, "<p data-sourcepos=\"3:1-3:");
  assert_contains (html, "![[]()![[]()![[]()");
  g_assert_null (strstr (html, "<img"));
  g_assert_true (g_str_has_suffix (text, "![[]()![[]()"));
}

/* Fenced code is not parsed for links, so its brackets stay as they are
 * however many there are. */
static void
test_brackets_in_code (void)
{
  g_autofree char *brackets = repeat ("[", 3000);
  g_autofree char *markdown = g_strconcat ("```\n", brackets, "\n```\n", NULL);
  g_autofree char *html = cd_render_markdown (markdown, -1, CD_RENDER_NONE);
  g_autofree char *want = g_strconcat ("<pre><code>", brackets, "\n</code></pre>", NULL);

  assert_contains (html, want);
}

static void
assert_blocks_join (const char *markdown)
{
  for (guint i = 0; i < 2; i++)
    {
      CdRenderFlags    flags = i == 0 ? CD_RENDER_NONE : CD_RENDER_SOURCEPOS;
      g_autofree char *whole = cd_render_markdown (markdown, -1, flags);
      g_auto (GStrv) blocks = cd_render_markdown_blocks (markdown, -1, flags);
      g_autofree char *joined = g_strjoinv ("", blocks);

      g_assert_cmpstr (joined, ==, whole);
    }
}

/* Each top-level block rendered on its own (as the preview sends them),
 * joined, is the body rendered in one go: for Copydesk's own forms and for
 * every body made from WordPress's block content in tests/data/blocks. */
static void
test_blocks (void)
{
  static const char *const bodies[] = {
    "",
    "\n\n\n",
    "One paragraph.",
    "# Head\n\nText with *stress*, a [link](https://example.org) and a\nsecond line.\n",
    "- one\n- two\n\n  still two\n\n1. first\n2. second\n",
    "| A | B |\n|---|---|\n| 1 | 2 |\n\nAfter the table.\n",
    "> quoted\n>\n> - and listed\n\n---\n\n```\ncode <b>\n```\n",
    "<div>raw</div>\n\nText.\n",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "blocks", NULL);
  g_auto (GStrv) blocks = cd_render_markdown_blocks ("# Head\n\nOne.\n\n- a\n- b\n", -1,
                                                     CD_RENDER_NONE);
  const char *name;
  guint       n_files = 0;

  g_assert_cmpuint (g_strv_length (blocks), ==, 3);
  g_assert_cmpstr (blocks[1], ==, "<p>One.</p>\n");
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    assert_blocks_join (bodies[i]);

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *content = NULL;
      g_autofree char *body = NULL;

      if (!g_str_has_suffix (name, ".html"))
        continue;
      g_file_get_contents (file, &content, NULL, &error);
      g_assert_no_error (error);
      body = cd_wp_content_to_body (content, -1);
      assert_blocks_join (body);
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/gfm-extensions", test_gfm_extensions);
  g_test_add_func ("/render/raw-html-disabled", test_raw_html_disabled);
  g_test_add_func ("/render/sourcepos", test_sourcepos);
  g_test_add_func ("/render/blocks", test_blocks);
  g_test_add_func ("/render/length-and-nul", test_length_and_nul);
  g_test_add_func ("/render/html-escape", test_html_escape);
  g_test_add_func ("/render/article/element", test_article_element);
  g_test_add_func ("/render/article/embargo-datetime", test_embargo_datetime);
  g_test_add_func ("/render/article/minimal", test_article_minimal);
  g_test_add_func ("/render/article/caption-without-image", test_article_caption_without_image);
  g_test_add_func ("/render/plain-text", test_plain_text);
  g_test_add_func ("/render/pathological-brackets", test_pathological_brackets);
  g_test_add_func ("/render/brackets-in-code", test_brackets_in_code);

  return g_test_run ();
}
