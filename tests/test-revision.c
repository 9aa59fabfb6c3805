/* test-revision.c: what the store's history is made of: revision reasons
 * and the line diff between two revisions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cd-diff.h"
#include "cd-revision.h"

static void
test_revision_reasons (void)
{
  static const char *names[] = {
    "checkpoint",
    "named",
    "before-sync",
    "pulled",
    "merged",
    "restored",
    "imported",
    "edited",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CdRevisionReason reason;

      g_assert_true (cd_revision_reason_from_string (names[i], &reason));
      g_assert_cmpint (reason, ==, CD_REVISION_CHECKPOINT + i);
      g_assert_cmpstr (cd_revision_reason_to_string (reason), ==, names[i]);
    }
  g_assert_false (cd_revision_reason_from_string ("autosaved", NULL));
}

static void
assert_diff_line (GArray     *lines,
                  guint       index,
                  CdDiffKind  kind,
                  const char *text)
{
  const CdDiffLine *line = &g_array_index (lines, CdDiffLine, index);

  g_assert_cmpint (line->kind, ==, kind);
  g_assert_cmpstr (line->text, ==, text);
}

static void
test_diff (void)
{
  g_autoptr (GArray) lines = cd_diff_lines ("a\nb\nc", "a\nB\nc\nd\n");
  g_autoptr (GArray) same = cd_diff_lines ("one\n\ntwo", "one\n\ntwo\n");
  g_autoptr (GArray) from_nothing = cd_diff_lines (NULL, "new");
  g_autofree char *unified = cd_diff_unified ("1\n2\n3\n4\n5\n6\n7\n8\n9\n",
                                              "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
                                              "old.md", "new.md");
  g_autofree char *nothing = cd_diff_unified ("x", "x\n", NULL, NULL);

  g_assert_cmpuint (lines->len, ==, 5);
  assert_diff_line (lines, 0, CD_DIFF_SAME, "a");
  assert_diff_line (lines, 1, CD_DIFF_REMOVED, "b");
  assert_diff_line (lines, 2, CD_DIFF_ADDED, "B");
  assert_diff_line (lines, 3, CD_DIFF_SAME, "c");
  assert_diff_line (lines, 4, CD_DIFF_ADDED, "d");

  g_assert_cmpuint (same->len, ==, 3);
  assert_diff_line (same, 1, CD_DIFF_SAME, "");
  g_assert_cmpuint (from_nothing->len, ==, 1);
  assert_diff_line (from_nothing, 0, CD_DIFF_ADDED, "new");

  g_assert_cmpstr (unified, ==,
                   "--- old.md\n+++ new.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  g_assert_cmpstr (nothing, ==, "");
}

static char *
describe_ranges (const char *line,
                 GArray     *ranges)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      const CdDiffRange *r = &g_array_index (ranges, CdDiffRange, i);
      const char        *start = g_utf8_offset_to_pointer (line, r->start);
      const char        *end = g_utf8_offset_to_pointer (line, r->end);

      g_string_append_printf (out, "%s[%.*s]", i > 0 ? " " : "", (int) (end - start), start);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The words of a changed line that changed, in characters, whole words
 * (don't, al-Assad) and accents counted once. */
static void
test_diff_words (void)
{
  static const struct
  {
    const char *old_line, *new_line, *removed, *added;
  } cases[] = {
    {"The council voted 7–4 on Tuesday.", "The council voted 8–3 on Wednesday.",
     "[7] [4] [Tuesday]",                                                                          "[8] [3] [Wednesday]"},
    { "Café owners don't agree.",          "Café owners don't agree at all.",      "",           "[ at all]"          },
    { "Bashar al-Assad left.",              "Bashar al-Asad left.",                  "[al-Assad]", "[al-Asad]"          },
    { "Same line.",                         "Same line.",                            "",           ""                   },
    { "",                                   "A new paragraph.",                      "",           "[A new paragraph.]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GArray) removed = NULL;
      g_autoptr (GArray) added = NULL;
      g_autofree char *removed_text = NULL;
      g_autofree char *added_text = NULL;

      cd_diff_words (cases[i].old_line, cases[i].new_line, &removed, &added);
      removed_text = describe_ranges (cases[i].old_line, removed);
      added_text = describe_ranges (cases[i].new_line, added);
      g_assert_cmpstr (removed_text, ==, cases[i].removed);
      g_assert_cmpstr (added_text, ==, cases[i].added);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/revisions/reasons", test_revision_reasons);
  g_test_add_func ("/store/diff", test_diff);
  g_test_add_func ("/store/diff/words", test_diff_words);

  return g_test_run ();
}
