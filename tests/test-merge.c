/* test-merge.c: three-way merge of articles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-merge.h"

#define BASE_BODY "First paragraph about the flood.\n\n"  \
                  "Second paragraph about the river.\n\n" \
                  "Third paragraph about the mayor."

static CdArticle *
make_base (void)
{
  CdArticle  *article = cd_article_new ();
  const char *tags[] = { "floods", "bavaria", NULL };

  cd_article_set_headline (article, "Flood waters rise in Passau");
  cd_article_set_dek (article, "The Danube is at its highest in ten years");
  cd_article_set_slug (article, "flood-waters-rise");
  cd_article_set_section (article, "News");
  cd_article_set_tags (article, tags);
  cd_article_set_body (article, BASE_BODY);
  cd_article_set_byline (article, "Anna Berger");
  return article;
}

static void
test_text_different_paragraphs (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *merged = NULL;
  gboolean         clean = FALSE;
  const char      *ours = "First paragraph about the flood, edited here.\n\n"
                          "Second paragraph about the river.\n\n"
                          "Third paragraph about the mayor.";
  const char      *theirs = "First paragraph about the flood.\n\n"
                            "Second paragraph about the river.\n\n"
                            "Third paragraph about the mayor, edited on the server.";

  merged = cd_merge_text (BASE_BODY, ours, theirs, &clean, &error);
  g_assert_no_error (error);
  g_assert_true (clean);
  g_assert_cmpstr (merged, ==,
                   "First paragraph about the flood, edited here.\n\n"
                   "Second paragraph about the river.\n\n"
                   "Third paragraph about the mayor, edited on the server.");
}

static void
test_text_same_paragraph (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *merged = NULL;
  gboolean         clean = TRUE;

  merged = cd_merge_text (BASE_BODY,
                          "First paragraph about the flood.\n\nSecond paragraph, mine.\n\n"
                          "Third paragraph about the mayor.",
                          "First paragraph about the flood.\n\nSecond paragraph, theirs.\n\n"
                          "Third paragraph about the mayor.",
                          &clean, &error);
  g_assert_no_error (error);
  g_assert_false (clean);
  g_assert_nonnull (strstr (merged, "Second paragraph, mine."));
  g_assert_nonnull (strstr (merged, "Second paragraph, theirs."));
}

static void
test_text_same_change_and_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *same = NULL;
  g_autofree char *from_empty = NULL;
  g_autofree char *trailing = NULL;
  gboolean         clean = FALSE;

  same = cd_merge_text ("a\n\nb", "a\n\nB", "a\n\nB", &clean, &error);
  g_assert_no_error (error);
  g_assert_true (clean);
  g_assert_cmpstr (same, ==, "a\n\nB");

  from_empty = cd_merge_text (NULL, "", "Written on the server.", &clean, &error);
  g_assert_no_error (error);
  g_assert_true (clean);
  g_assert_cmpstr (from_empty, ==, "Written on the server.");

  trailing = cd_merge_text ("a\n", "a\nb\n", "a\n", &clean, &error);
  g_assert_no_error (error);
  g_assert_true (clean);
  g_assert_cmpstr (trailing, ==, "a\nb\n");
}

static void
test_articles_clean (void)
{
  g_autoptr (CdArticle) base = make_base ();
  g_autoptr (CdArticle) ours = cd_article_copy (base);
  g_autoptr (CdArticle) theirs = cd_article_copy (base);
  g_autoptr (CdArticle) merged = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) conflicts = NULL;
  const char *our_tags[] = { "floods", "bavaria", "danube", NULL };
  const char *their_tags[] = { "floods", "weather", NULL };
  const char *want_tags[] = { "floods", "danube", "weather", NULL };

  /* Ours: new headline, a new tag, the first paragraph, a local byline. */
  cd_article_set_headline (ours, "Danube floods Passau old town");
  cd_article_set_tags (ours, our_tags);
  cd_article_set_body (ours, "First paragraph, mine.\n\n"
                             "Second paragraph about the river.\n\n"
                             "Third paragraph about the mayor.");
  cd_article_set_byline (ours, "Anna Berger and Jonas Keller");
  /* Theirs: new dek, tags changed, the third paragraph, a byline the CMS
   * does not carry and the merge must not take. */
  cd_article_set_dek (theirs, "Evacuations ordered in the old town");
  cd_article_set_tags (theirs, their_tags);
  cd_article_set_body (theirs, "First paragraph about the flood.\n\n"
                               "Second paragraph about the river.\n\n"
                               "Third paragraph, theirs.");
  cd_article_set_byline (theirs, NULL);

  merged = cd_merge_articles (base, ours, theirs, &conflicts, &error);
  g_assert_no_error (error);
  g_assert_null (conflicts);
  g_assert_nonnull (merged);
  g_assert_cmpstr (cd_article_get_headline (merged), ==, "Danube floods Passau old town");
  g_assert_cmpstr (cd_article_get_dek (merged), ==, "Evacuations ordered in the old town");
  g_assert_cmpstr (cd_article_get_byline (merged), ==, "Anna Berger and Jonas Keller");
  g_assert_cmpstrv (cd_article_get_tags (merged), want_tags);
  g_assert_cmpstr (cd_article_get_body (merged), ==,
                   "First paragraph, mine.\n\n"
                   "Second paragraph about the river.\n\n"
                   "Third paragraph, theirs.");
  g_assert_cmpstr (cd_article_get_uuid (merged), ==, cd_article_get_uuid (ours));

  /* None of the inputs was touched. */
  g_assert_cmpstr (cd_article_get_headline (base), ==, "Flood waters rise in Passau");
  g_assert_cmpstr (cd_article_get_dek (ours), ==, "The Danube is at its highest in ten years");
  g_assert_cmpstr (cd_article_get_headline (theirs), ==, "Flood waters rise in Passau");
}

static void
test_articles_field_conflict (void)
{
  g_autoptr (CdArticle) base = make_base ();
  g_autoptr (CdArticle) ours = cd_article_copy (base);
  g_autoptr (CdArticle) theirs = cd_article_copy (base);
  g_autoptr (CdArticle) merged = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) conflicts = NULL;
  const char *want[] = { "headline", "body", NULL };

  cd_article_set_headline (ours, "Mine");
  cd_article_set_headline (theirs, "Theirs");
  cd_article_set_section (ours, "Local");
  cd_article_set_section (theirs, "Local");
  cd_article_set_body (ours, "First paragraph about the flood.\n\nMine.\n\n"
                             "Third paragraph about the mayor.");
  cd_article_set_body (theirs, "First paragraph about the flood.\n\nTheirs.\n\n"
                               "Third paragraph about the mayor.");

  merged = cd_merge_articles (base, ours, theirs, &conflicts, &error);
  g_assert_no_error (error);
  g_assert_null (merged);
  g_assert_cmpstrv (conflicts, want);
}

static void
test_articles_one_side (void)
{
  g_autoptr (CdArticle) base = make_base ();
  g_autoptr (CdArticle) ours = cd_article_copy (base);
  g_autoptr (CdArticle) theirs = cd_article_copy (base);
  g_autoptr (CdArticle) merged = NULL;
  g_autoptr (GError) error = NULL;

  /* Only the server changed; a missing dek equals an empty one. */
  cd_article_set_dek (ours, NULL);
  cd_article_set_dek (base, "");
  cd_article_set_dek (theirs, "");
  cd_article_set_slug (theirs, "flood-waters-rise-2");
  cd_article_set_body (theirs, "Rewritten on the server.");

  merged = cd_merge_articles (base, ours, theirs, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merged);
  g_assert_true (cd_merge_content_equal (merged, theirs));
  g_assert_cmpstr (cd_article_get_byline (merged), ==, "Anna Berger");

  g_assert_false (cd_merge_content_equal (ours, theirs));
  cd_merge_take_content (ours, theirs);
  g_assert_true (cd_merge_content_equal (ours, theirs));
  g_assert_cmpstr (cd_article_get_byline (ours), ==, "Anna Berger");
}

/* A value a person could give each field, as cd_article_set_field() reads it. */
static const char *
sample_value (const char *field)
{
  static const struct
  {
    const char *field;
    const char *value;
  } samples[] = {
    {"tags",           "floods, weather"          },
    { "status",        "held"                     },
    { "embargo",       "2026-12-24T09:00:00+01:00"},
    { "length_target", "450"                      },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    if (g_str_equal (samples[i].field, field))
      return samples[i].value;
  return "Changed at the desk";
}

/* Every field a person can change, changed by the other local writer only,
 * reaches the merge and the open copy: none is left to be overwritten by
 * ours unseen. */
static void
test_every_field_one_side (void)
{
  const char *const *fields = cd_article_list_fields ();

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autoptr (CdArticle) base = make_base ();
      g_autoptr (CdArticle) ours = cd_article_copy (base);
      g_autoptr (CdArticle) theirs = cd_article_copy (base);
      g_autoptr (CdArticle) merged = NULL;
      g_autoptr (CdArticle) open = cd_article_copy (base);
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) conflicts = NULL;
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;
      g_autofree char *taken = NULL;

      if (!cd_article_set_field (theirs, fields[i], sample_value (fields[i]), NULL))
        continue; /* read-only: uuid, created, modified */
      want = cd_article_get_field (theirs, fields[i]);
      g_test_message ("field %s", fields[i]);

      merged = cd_merge_articles_keeping_ours (base, ours, theirs, &conflicts, &error);
      g_assert_no_error (error);
      g_assert_nonnull (merged);
      g_assert_null (conflicts);
      got = cd_article_get_field (merged, fields[i]);
      g_assert_cmpstr (got, ==, want);

      cd_merge_take_all (open, theirs);
      taken = cd_article_get_field (open, fields[i]);
      g_assert_cmpstr (taken, ==, want);
    }
}

static void
test_tags (void)
{
  const char *base[] = { "a", "b", "c", NULL };
  const char *ours[] = { "a", "c", "d", NULL };
  const char *theirs[] = { "e", "a", "b", NULL };
  const char *want[] = { "a", "d", "e", NULL };
  g_auto (GStrv) merged = cd_merge_tags (base, ours, theirs);

  g_assert_cmpstrv (merged, want);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/text/different-paragraphs", test_text_different_paragraphs);
  g_test_add_func ("/merge/text/same-paragraph", test_text_same_paragraph);
  g_test_add_func ("/merge/text/same-change-and-empty", test_text_same_change_and_empty);
  g_test_add_func ("/merge/articles/clean", test_articles_clean);
  g_test_add_func ("/merge/articles/field-conflict", test_articles_field_conflict);
  g_test_add_func ("/merge/articles/one-side", test_articles_one_side);
  g_test_add_func ("/merge/articles/every-field-one-side", test_every_field_one_side);
  g_test_add_func ("/merge/tags", test_tags);

  return g_test_run ();
}
