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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/revisions/reasons", test_revision_reasons);
  g_test_add_func ("/store/diff", test_diff);

  return g_test_run ();
}
