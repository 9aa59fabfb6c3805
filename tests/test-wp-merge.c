/* test-wp-merge.c: the three-way merge of a body block by block
 * (cd_wp_body_merge()) and the article merge that uses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-import.h"
#include "cd-merge.h"
#include "cd-test-wp-oracle.h"
#include "cd-wp-content.h"
#include "cd-wp-merge.h"

#define GALLERY                                                     \
  "```wordpress\n"                                                  \
  "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n"                     \
  "<figure class=\"wp-block-gallery has-nested-images\">"           \
  "<!-- wp:image {\"id\":1} -->\n<figure class=\"wp-block-image\">" \
  "<img src=\"a.jpg\" alt=\"A\" class=\"wp-image-1\"/></figure>\n"  \
  "<!-- /wp:image -->\n\n"                                          \
  "<!-- wp:image {\"id\":2} -->\n<figure class=\"wp-block-image\">" \
  "<img src=\"b.jpg\" alt=\"B\" class=\"wp-image-2\"/></figure>\n"  \
  "<!-- /wp:image --></figure>\n"                                   \
  "<!-- /wp:gallery -->\n"                                          \
  "```"

static char *
merge_clean (const char *base,
             const char *ours,
             const char *theirs)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) conflicts = NULL;
  char *merged = cd_wp_body_merge (base, ours, theirs, &conflicts, &error);

  g_assert_no_error (error);
  if (conflicts != NULL)
    g_test_message ("conflicts: %s", conflicts[0]);
  g_assert_null (conflicts);
  g_assert_nonnull (merged);
  return merged;
}

static char **
merge_conflicts (const char *base,
                 const char *ours,
                 const char *theirs)
{
  g_autoptr (GError) error = NULL;
  char **conflicts = NULL;
  char  *merged = cd_wp_body_merge (base, ours, theirs, &conflicts, &error);

  g_assert_no_error (error);
  g_assert_null (merged);
  g_assert_nonnull (conflicts);
  return conflicts;
}

/* A heading right above a paragraph is two blocks on adjacent lines: a
 * line merge calls edits to both a conflict, the block merge does not. */
static void
test_adjacent_blocks (void)
{
  g_autofree char *merged = merge_clean ("# Storm\nThe river rose.\n",
                                         "# Storm warning\nThe river rose.\n",
                                         "# Storm\nThe river rose overnight.\n");
  gboolean         clean = TRUE;
  g_autofree char *lines = cd_merge_text ("# Storm\nThe river rose.\n",
                                          "# Storm warning\nThe river rose.\n",
                                          "# Storm\nThe river rose overnight.\n", &clean, NULL);

  g_assert_false (clean);
  g_assert_cmpstr (merged, ==, "# Storm warning\n\nThe river rose overnight.\n");
}

/* A colleague's change to an opaque block and ours to a paragraph. */
static void
test_opaque_and_text (void)
{
  g_autoptr (GString) theirs_gallery = g_string_new (GALLERY);
  g_autofree char *base = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *merged = NULL;

  g_string_replace (theirs_gallery, "alt=\"B\"", "alt=\"The bridge\"", 1);
  base = g_strconcat ("Intro.\n\n", GALLERY, "\n\nThe council met.\n", NULL);
  ours = g_strconcat ("Intro.\n\n", GALLERY, "\n\nThe council met at noon.\n", NULL);
  theirs = g_strconcat ("Intro.\n\n", theirs_gallery->str, "\n\nThe council met.\n", NULL);
  expected = g_strconcat ("Intro.\n\n", theirs_gallery->str, "\n\nThe council met at noon.\n",
                          NULL);
  merged = merge_clean (base, ours, theirs);
  g_assert_cmpstr (merged, ==, expected);
}

/* Both sides changed one block differently: the conflict names it. */
static void
test_conflict_names_block (void)
{
  g_auto (GStrv) text = merge_conflicts ("Intro.\n\nThe council met.\n",
                                         "Intro.\n\nThe council met today.\n",
                                         "Intro.\n\nThe council met on Tuesday.\n");
  g_autoptr (GString) theirs_gallery = g_string_new (GALLERY);
  g_autoptr (GString) ours_gallery = g_string_new (GALLERY);
  g_autofree char *base = g_strconcat ("Intro.\n\n", GALLERY, "\n", NULL);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_auto (GStrv) opaque = NULL;

  g_assert_cmpuint (g_strv_length (text), ==, 1);
  g_assert_cmpstr (text[0], ==, "body block 2 “The council met.”");

  /* An opaque block is never merged line by line: its markup could come
   * out broken. */
  g_string_replace (theirs_gallery, "alt=\"B\"", "alt=\"The bridge\"", 1);
  g_string_replace (ours_gallery, "alt=\"A\"", "alt=\"The ferry\"", 1);
  ours = g_strconcat ("Intro.\n\n", ours_gallery->str, "\n", NULL);
  theirs = g_strconcat ("Intro.\n\n", theirs_gallery->str, "\n", NULL);
  opaque = merge_conflicts (base, ours, theirs);
  g_assert_cmpuint (g_strv_length (opaque), ==, 1);
  g_assert_true (g_str_has_prefix (opaque[0], "body block 2 Gallery"));
}

/* Inside a text block both sides changed, the line merge decides. */
static void
test_text_fallback (void)
{
  g_autofree char *merged = merge_clean ("Lead.\n\n- one\n- two\n- three\n",
                                         "Lead.\n\n- one, first\n- two\n- three\n",
                                         "Lead.\n\n- one\n- two\n- three, last\n");

  g_assert_cmpstr (merged, ==, "Lead.\n\n- one, first\n- two\n- three, last\n");
}

/* A block moved on one side, another edited on the other. */
static void
test_move_and_edit (void)
{
  g_autofree char *merged = merge_clean ("A.\n\nB.\n\nC.\n\nD.\n", "B.\n\nA.\n\nC.\n\nD.\n",
                                         "A.\n\nB.\n\nC.\n\nD, changed.\n");
  g_autofree char *deleted = merge_clean ("A.\n\nB.\n\nC.\n", "A.\n\nC.\n",
                                          "A, changed.\n\nB.\n\nC.\n");

  g_assert_cmpstr (merged, ==, "B.\n\nA.\n\nC.\n\nD, changed.\n");
  g_assert_cmpstr (deleted, ==, "A, changed.\n\nC.\n");
}

/* The article merge with the block merge names the block among the
 * fields. */
static void
test_articles (void)
{
  g_autoptr (CdArticle) base = cd_article_new ();
  g_autoptr (CdArticle) ours = NULL;
  g_autoptr (CdArticle) theirs = NULL;
  g_autoptr (CdArticle) merged = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) conflicts = NULL;

  cd_article_set_headline (base, "Storm");
  cd_article_set_body (base, "# Storm\nThe river rose.\n");
  ours = cd_article_copy (base);
  theirs = cd_article_copy (base);
  cd_article_set_body (ours, "# Storm warning\nThe river rose.\n");
  cd_article_set_body (theirs, "# Storm\nThe river rose overnight.\n");
  cd_article_set_headline (theirs, "Storm closes schools");
  merged = cd_merge_articles_with (base, ours, theirs, cd_wp_body_merge, &conflicts, &error);
  g_assert_no_error (error);
  g_assert_null (conflicts);
  g_assert_cmpstr (cd_article_get_headline (merged), ==, "Storm closes schools");
  g_assert_cmpstr (cd_article_get_body (merged), ==, "# Storm warning\n\nThe river rose overnight.\n");
  g_clear_object (&merged);

  cd_article_set_headline (ours, "Storm shuts schools");
  cd_article_set_body (ours, "# Storm\nThe river rose at night.\n");
  merged = cd_merge_articles_with (base, ours, theirs, cd_wp_body_merge, &conflicts, &error);
  g_assert_no_error (error);
  g_assert_null (merged);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 2);
  g_assert_cmpstr (conflicts[0], ==, "headline");
  g_assert_cmpstr (conflicts[1], ==, "body block 2 “The river rose.”");
}

/* The first @to of @texts, with @added after the first, as a body. */
static char *
join_units (GPtrArray  *texts,
            guint       to,
            const char *added)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < to; i++)
    {
      if (i > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, g_ptr_array_index (texts, i));
      if (i == 0 && added != NULL)
        g_string_append_printf (out, "\n\n%s", added);
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* The body of @path's markup with its last unit deleted (@ours), with a
 * paragraph added after its first (@theirs), and with both (@both); FALSE
 * when it has fewer than three units. */
static gboolean
edit_markup (const char *path,
             char      **body_out,
             char      **ours,
             char      **theirs,
             char      **both)
{
  gsize            length;
  g_autofree char *content = cd_test_block_fixture (path, &length);
  g_autofree char *body = cd_wp_content_to_body (content, length);
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  const char *added = "A paragraph the desk added.";
  guint       n = units->len;

  if (n < 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      CdWpUnit *unit = &g_array_index (units, CdWpUnit, i);

      g_ptr_array_add (texts, g_strndup (body + unit->start, unit->end - unit->start));
    }
  *ours = join_units (texts, n - 1, NULL);
  *theirs = join_units (texts, n, added);
  *both = join_units (texts, n - 1, added);
  *body_out = g_steal_pointer (&body);
  return TRUE;
}

/* WordPress's own markup (its themes' templates, and CD_TEST_WP_CORPUS):
 * a block deleted on one side and a paragraph added on the other merge
 * into both. */
static void
test_wordpress_markup (void)
{
  g_autoptr (GPtrArray) paths = cd_test_wordpress_theme_markup ();
  guint merged_count = 0;

  if (paths == NULL)
    return;
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *body = NULL;
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;
      g_autofree char *both = NULL;
      g_autofree char *merged = NULL;

      if (!edit_markup (g_ptr_array_index (paths, i), &body, &ours, &theirs, &both))
        continue;
      merged = merge_clean (body, ours, theirs);
      g_strchomp (merged);
      g_strchomp (both);
      g_assert_cmpstr (merged, ==, both);
      merged_count++;
    }
  g_test_message ("%u of %u files merged", merged_count, paths->len);
  g_assert_cmpuint (merged_count, >, 0);
}

/* A results table the site corrected in one row while the desk corrected
 * another: a table is Markdown, its rows lines, so both corrections stand
 * and the table goes out in its own form. */
static void
test_table_rows (void)
{
  const char *post = "<!-- wp:table {\"hasFixedLayout\":true} -->\n<figure class=\"wp-block-table\">"
                     "<table class=\"has-fixed-layout\"><tbody><tr><td>Ward 1</td><td>1,204</td></tr>"
                     "<tr><td>Ward 2</td><td>987</td></tr><tr><td>Ward 3</td><td>1,530</td></tr>"
                     "<tr><td>Ward 4</td><td>640</td></tr></tbody></table></figure>\n"
                     "<!-- /wp:table -->";
  g_autoptr (GString) site = g_string_new (post);
  g_autofree char *base = cd_wp_content_to_body (post, -1);
  g_autofree char *theirs = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *content = NULL;
  g_autoptr (GString) ours = g_string_new (base);

  g_string_replace (site, "1,204", "1,240", 1);
  theirs = cd_wp_content_to_body (site->str, -1);
  g_string_replace (ours, "| 640 |", "| 604 |", 1);
  merged = merge_clean (base, ours->str, theirs);
  content = cd_wp_body_to_content (merged, -1, site->str, -1);
  g_assert_cmpstr (merged, ==,
                   "|  |  |\n| --- | --- |\n| Ward 1 | 1,240 |\n| Ward 2 | 987 |\n"
                   "| Ward 3 | 1,530 |\n| Ward 4 | 604 |\n");
  g_string_replace (site, "640", "604", 1);
  g_assert_cmpstr (content, ==, site->str);
}

/* A box of key facts is text in the body: the site corrected one fact in
 * it and the desk another, or the story around it; every correction
 * stands, in the box, and the box keeps its form. */
static void
test_layout_box (void)
{
  const char *post = "<!-- wp:paragraph -->\n<p>The river rose.</p>\n<!-- /wp:paragraph -->\n\n"
                     "<!-- wp:group {\"backgroundColor\":\"pale-cyan-blue\"} -->\n<div class=\"wp-block-group "
                     "has-pale-cyan-blue-background-color has-background\"><!-- wp:heading {\"level\":3} -->\n"
                     "<h3>Key facts</h3>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Crest: 8.9 metres"
                     "</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Evacuated: 1,200</p>\n"
                     "<!-- /wp:paragraph --></div>\n<!-- /wp:group -->\n\n<!-- wp:paragraph -->\n"
                     "<p>More follows.</p>\n<!-- /wp:paragraph -->";
  g_autoptr (GString) site = g_string_new (post);
  g_autofree char *base = cd_wp_content_to_body (post, -1);
  g_autofree char *theirs = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *content = NULL;
  g_autoptr (GString) ours = g_string_new (base);

  g_string_replace (site, "8.9 metres", "9.1 metres", 1);
  theirs = cd_wp_content_to_body (site->str, -1);
  g_string_replace (ours, "Evacuated: 1,200", "Evacuated: 2,100", 1);
  g_string_replace (ours, "More follows.", "More to follow.", 1);
  merged = merge_clean (base, ours->str, theirs);
  content = cd_wp_body_to_content (merged, -1, site->str, -1);
  g_string_replace (site, "1,200", "2,100", 1);
  g_string_replace (site, "More follows.", "More to follow.", 1);
  g_assert_cmpstr (content, ==, site->str);
}

/* A classic post pulled before its pieces were kept (its body was the
 * whole post through the HTML converter) and edited here: the sync merges
 * that edit with the post as it reads now, so the edit goes out and the
 * embeds, shortcodes and "more" tag the old body did not hold stay. */
static void
test_classic_upgrade (void)
{
  const char      *post = "The council met on Tuesday.\n\n"
                          "<iframe src=\"https://www.youtube.com/embed/xyz\"></iframe>\n\n"
                          "It voted <strong>7 to 2</strong>.\n<!--more-->\n\n"
                          "[caption id=\"attachment_5\" width=\"300\"]<img class=\"wp-image-5\" "
                          "src=\"https://x.org/a.jpg\" alt=\"Chamber\" /> The chamber[/caption]\n\n"
                          "Shops reopened.";
  g_autofree char *old_body = cd_html_to_markdown (post, strlen (post));
  g_autofree char *now = cd_wp_content_to_body (post, -1);
  g_autoptr (GString) ours = g_string_new (old_body);
  g_autoptr (GString) expected = g_string_new (post);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) conflicts = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *content = NULL;

  g_assert_null (strstr (old_body, "iframe"));
  g_string_replace (ours, "Shops reopened.", "Most shops reopened.", 1);
  merged = cd_wp_body_merge (old_body, ours->str, now, &conflicts, &error);
  g_assert_no_error (error);
  g_assert_null (conflicts);
  content = cd_wp_body_to_content (merged, -1, post, -1);
  g_string_replace (expected, "Shops reopened.", "Most shops reopened.", 1);
  g_assert_cmpstr (content, ==, expected->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wp-merge/adjacent-blocks", test_adjacent_blocks);
  g_test_add_func ("/wp-merge/opaque-and-text", test_opaque_and_text);
  g_test_add_func ("/wp-merge/conflict-names-block", test_conflict_names_block);
  g_test_add_func ("/wp-merge/text-fallback", test_text_fallback);
  g_test_add_func ("/wp-merge/move-and-edit", test_move_and_edit);
  g_test_add_func ("/wp-merge/articles", test_articles);
  g_test_add_func ("/wp-merge/wordpress-markup", test_wordpress_markup);
  g_test_add_func ("/wp-merge/classic-upgrade", test_classic_upgrade);
  g_test_add_func ("/wp-merge/table-rows", test_table_rows);
  g_test_add_func ("/wp-merge/layout-box", test_layout_box);

  return g_test_run ();
}
