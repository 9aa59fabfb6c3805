/* bench-import.c: import of 10,000 Markdown articles into the store.
 *
 * Writes 10,000 varied .md files of about 400 words (front matter with
 * tags, status, dek and an unknown key; subheads, lists and links in the
 * body) into a temporary folder, then imports every one through
 * cd_import_file() and cd_store_save_article(), as `copydesk import` does,
 * and prints the wall time in total and per article, with the reading and
 * the storing apart. It never fails on a time.
 *
 * Usage: bench-import [N-FILES]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cd-test-util.h"
#include "cd-bench-util.h"
#include "cd-import.h"
#include "cd-store.h"

static const char *statuses[] = { "draft", "ready-for-edit", "Ready to publish", "held" };
static const char *sections[] = { "World", "Local", "Business", "Sport", "Culture" };

static char *
make_file (GRand *rand,
           guint  index)
{
  GString *md = g_string_new ("---\n");
  guint    n_words = g_rand_int_range (rand, 300, 420);

  g_string_append_printf (md, "headline: \"%s %s: the %s %s again (%u)\"\n",
                          cd_bench_word (rand), cd_bench_word (rand), cd_bench_word (rand), cd_bench_word (rand), index);
  g_string_append_printf (md, "dek: The %s said the %s would %s.\n", cd_bench_word (rand), cd_bench_word (rand),
                          cd_bench_word (rand));
  g_string_append_printf (md, "byline: Reporter %u\n", index % 97);
  g_string_append_printf (md, "section: %s\n", sections[index % G_N_ELEMENTS (sections)]);
  g_string_append_printf (md, "status: %s\n", statuses[index % G_N_ELEMENTS (statuses)]);
  g_string_append_printf (md, "tags: [%s, %s]\n", cd_bench_word (rand), cd_bench_word (rand));
  if (index % 3 == 0)
    g_string_append_printf (md, "embargo: 2026-03-%02uT09:00:00+01:00\n", 1 + index % 28);
  if (index % 5 == 0)
    g_string_append_printf (md, "wordpress:\n  category_ids: [%u, %u]\n", index % 40, index % 7);
  g_string_append (md, "---\n");

  for (guint written = 0, para = 0; written < n_words; para++)
    {
      guint length = g_rand_int_range (rand, 25, 70);

      if (para % 4 == 3)
        g_string_append_printf (md, "## The %s and the %s\n\n", cd_bench_word (rand), cd_bench_word (rand));
      if (para % 6 == 5)
        g_string_append_printf (md, "- %s\n- %s %s\n\n", cd_bench_word (rand), cd_bench_word (rand), cd_bench_word (rand));
      for (guint i = 0; i < length && written < n_words; i++, written++)
        {
          const char *w = cd_bench_word (rand);

          if (i > 0)
            g_string_append_c (md, i % 12 == 0 ? '\n' : ' ');
          if (g_rand_int_range (rand, 0, 50) == 0)
            g_string_append_printf (md, "[%s](https://example.org/%s)", w, w);
          else if (g_rand_int_range (rand, 0, 30) == 0)
            g_string_append_printf (md, "*%s*", w);
          else
            g_string_append (md, w);
        }
      g_string_append (md, ".\n\n");
    }
  return g_string_free (md, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261124);
  g_autoptr (GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("copydesk-bench-import-XXXXXX", &error);
  g_autofree char *files_dir = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (CdStore) store = NULL;
  gint64  t_start, t_end, read_us = 0, save_us = 0;
  guint64 total_bytes = 0, total_words = 0;

  g_assert_no_error (error);
  files_dir = g_build_filename (root, "files", NULL);
  data_dir = g_build_filename (root, "data", NULL);
  g_mkdir (files_dir, 0700);

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *text = make_file (rand, i);
      char            *path = g_strdup_printf ("%s/story-%05u.md", files_dir, i);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      total_bytes += strlen (text);
      g_ptr_array_add (paths, path);
    }
  printf ("Import benchmark: %u Markdown files, %.1f MB, in %s\n",
          n_files, total_bytes / 1e6, files_dir);

  store = cd_store_open (data_dir, &error);
  g_assert_no_error (error);

  t_start = g_get_monotonic_time ();
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (CdArticle) article = NULL;
      gint64 t0 = g_get_monotonic_time (), t1;

      article = cd_import_file (g_ptr_array_index (paths, i), &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      total_words += cd_article_get_word_count (article);
      if (!cd_store_save_article (store, article, CD_REVISION_IMPORTED, NULL, &error))
        g_error ("%s", error->message);
      save_us += g_get_monotonic_time () - t1;
      read_us += t1 - t0;
    }
  t_end = g_get_monotonic_time ();

  printf ("imported %u articles (%.0f words each on average) in %.2f s\n",
          n_files, (double) total_words / MAX (n_files, 1), (t_end - t_start) / 1e6);
  printf ("per article: %.3f ms in all = %.3f ms reading and parsing + %.3f ms storing\n",
          (t_end - t_start) / 1000.0 / MAX (n_files, 1), read_us / 1000.0 / MAX (n_files, 1),
          save_us / 1000.0 / MAX (n_files, 1));
  printf ("(each article is stored in its own transaction, with its import revision)\n");

  g_clear_object (&store);
  cd_test_rm_rf (root);
  return 0;
}
