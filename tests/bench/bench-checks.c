/* bench-checks.c: every editorial check on a 10,000-word article.
 *
 * The article is built from the quality corpus (tests/data/checks), so it has
 * names, quotes, Markdown, and some errors of every kind. Figures: the first
 * run (Enchant loads the dictionary and makes its suggestions), then, with
 * the window's settings (no thorough suggestions), runs after a one-word edit
 * as typing makes them, and runs with the spelling cache emptied each time.
 * Each prints the median and 95th percentile of wall-clock and CPU time (the
 * machine may be busy with other work) beside the 20 ms budget; it never
 * fails on a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cd-bench-util.h"
#include "cd-check.h"
#include "cd-import.h"

#define TARGET_WORDS 10000
#define RUNS 40

/* Bodies of the corpus articles, concatenated until there are enough words. */
static char *
build_body (guint *n_findings_planted)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "checks", NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) body = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (CdArticle) article = NULL;
      g_autoptr (GError) error = NULL;

      if (!g_str_has_suffix (name, ".md"))
        continue;
      article = cd_import_file (path, &error);
      g_assert_no_error (error);
      /* English only: one article has one language. */
      if (g_str_has_prefix (cd_article_get_language (article), "en"))
        g_ptr_array_add (bodies, g_strdup (cd_article_get_body (article)));
    }
  g_assert_cmpuint (bodies->len, >, 0);
  g_ptr_array_sort (bodies, (GCompareFunc) g_strcmp0);

  for (guint i = 0; cd_count_words (body->str) < TARGET_WORDS; i++)
    {
      g_string_append (body, g_ptr_array_index (bodies, i % bodies->len));
      g_string_append (body, "\n\n");
    }
  *n_findings_planted = bodies->len;
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static double
cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

typedef struct
{
  GArray *wall;
  GArray *cpu;
  gint64  wall_start;
  double  cpu_start;
} Timing;

static void
timing_start (Timing *t)
{
  if (t->wall == NULL)
    {
      t->wall = g_array_new (FALSE, FALSE, sizeof (double));
      t->cpu = g_array_new (FALSE, FALSE, sizeof (double));
    }
  t->cpu_start = cpu_ms ();
  t->wall_start = g_get_monotonic_time ();
}

static void
timing_stop (Timing *t)
{
  double wall = (g_get_monotonic_time () - t->wall_start) / 1000.0;
  double cpu = cpu_ms () - t->cpu_start;

  g_array_append_val (t->wall, wall);
  g_array_append_val (t->cpu, cpu);
}

static void
report (const char *what,
        Timing     *t)
{
  printf ("%-40s median %6.2f ms  p95 %6.2f ms  (cpu median %6.2f ms, p95 %6.2f ms; "
          "%u runs; budget 20 ms)\n",
          what,
          cd_bench_percentile (t->wall, 0.5), cd_bench_percentile (t->wall, 0.95),
          cd_bench_percentile (t->cpu, 0.5), cd_bench_percentile (t->cpu, 0.95), t->wall->len);
  g_array_unref (t->wall);
  g_array_unref (t->cpu);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (CdChecker) checker = cd_checker_new ();
  g_autoptr (CdArticle) article = cd_article_new ();
  Timing           warm = { 0 };
  Timing           cold = { 0 };
  g_autofree char *body = NULL;
  guint            n_sources = 0;
  guint            n_findings = 0;
  gint64           start;
  double           first;

  g_test_init (&argc, &argv, NULL);

  body = build_body (&n_sources);
  cd_article_set_headline (article, "Council approves budget after late-night session");
  cd_article_set_dek (article, "Spending on roads and schools rises for the second year");
  cd_article_set_language (article, "en-US");
  cd_article_set_body (article, body);
  printf ("Checks benchmark: %u words, %zu bytes, from %u corpus articles\n",
          cd_count_words (body), strlen (body), n_sources);

  start = g_get_monotonic_time ();
  {
    g_autoptr (GPtrArray) findings = cd_checker_run (checker, article);

    n_findings = findings->len;
  }
  first = (g_get_monotonic_time () - start) / 1000.0;
  printf ("%-40s %7.2f ms  (%u findings)\n", "first run (loads the dictionary)", first,
          n_findings);

  /* From here on as the window runs the checks while the person types. */
  cd_checker_set_thorough_suggestions (checker, FALSE);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autofree char *edited = g_strdup (body);
      g_autoptr (GPtrArray) findings = NULL;

      /* A keystroke somewhere in the middle: one word changes. */
      edited[strlen (edited) / 2 + i] = 'q';
      cd_article_set_body (article, edited);
      timing_start (&warm);
      findings = cd_checker_run (checker, article);
      timing_stop (&warm);
    }
  report ("after a one-word edit (typing)", &warm);

  for (guint i = 0; i < RUNS / 4; i++)
    {
      g_autofree char *word = g_strdup_printf ("benchword%u", i);
      g_autoptr (GPtrArray) findings = NULL;

      /* Adding a word to the list empties the spelling cache. */
      cd_checker_add_word (checker, word, NULL);
      timing_start (&cold);
      findings = cd_checker_run (checker, article);
      timing_stop (&cold);
    }
  report ("spelling cache emptied before each run", &cold);

  return 0;
}
