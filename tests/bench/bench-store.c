/* bench-store.c: how fast the store fills, opens, lists and searches.
 *
 * Builds a store of 10,000 articles of about 400 words of generated text
 * (a Zipf-like mix of common and rarer words, so the full-text index has a
 * realistic shape), then measures against the DESIGN.md budgets:
 *   - opening the store and listing every article: under 100 ms
 *   - a full-text search: under 20 ms
 * It prints the median and 95th percentile of several runs and never fails
 * on a time.
 *
 * Usage: bench-store [N-ARTICLES [DATA-DIR]]
 * With DATA-DIR the store is kept there, and a later run with the same
 * folder skips the filling (to profile the reading alone).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cd-store.h"
#include "../cd-test-util.h"
#include "cd-bench-util.h"

#define N_RUNS 15

static const char *common[] = {
  "the",
  "of",
  "and",
  "a",
  "to",
  "in",
  "is",
  "that",
  "for",
  "it",
  "on",
  "was",
  "with",
  "he",
  "she",
  "as",
  "at",
  "by",
  "said",
  "from",
  "they",
  "have",
  "this",
  "are",
  "be",
  "had",
  "not",
  "council",
  "city",
  "police",
  "year",
  "government",
  "people",
  "minister",
  "school",
  "report",
};

static const char *syllables[] = {
  "ba",
  "ker",
  "lin",
  "do",
  "ra",
  "mo",
  "tis",
  "fen",
  "gal",
  "vo",
  "nu",
  "stre",
  "pa",
  "qui",
  "lo",
  "der",
  "shan",
  "wei",
  "ko",
  "ma",
  "ri",
  "tel",
  "son",
  "ber",
  "grad",
  "hel",
  "ost",
};

/* A vocabulary of made-up words, the first ones used most (Zipf-like). */
static GPtrArray *
make_vocabulary (GRand *rand,
                 guint  size)
{
  GPtrArray *vocab = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert (rand != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    g_ptr_array_add (vocab, g_strdup (common[i]));
  while (vocab->len < size)
    {
      GString *word = g_string_new (NULL);
      guint    n = g_rand_int_range (rand, 2, 5);

      for (guint s = 0; s < n; s++)
        g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
      if (g_hash_table_contains (seen, word->str))
        {
          g_string_free (word, TRUE);
          continue;
        }
      g_hash_table_add (seen, word->str);
      g_ptr_array_add (vocab, g_string_free (word, FALSE));
    }
  return vocab;
}

static const char *
pick_word (GRand     *rand,
           GPtrArray *vocab)
{
  /* Squaring a uniform number favours low indexes: a long tail of rare
   * words, a few very common ones. */
  double u = g_rand_double (rand);
  guint  index = (guint) (u * u * u * vocab->len);

  g_assert (rand != NULL);
  g_assert (vocab != NULL);

  return g_ptr_array_index (vocab, MIN (index, vocab->len - 1));
}

static char *
make_text (GRand     *rand,
           GPtrArray *vocab,
           guint      n_words,
           gboolean   paragraphs)
{
  GString *text = g_string_new (NULL);
  gboolean sentence_start = TRUE;

  g_assert (rand != NULL);
  g_assert (vocab != NULL);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = pick_word (rand, vocab);

      if (sentence_start)
        {
          g_string_append_c (text, g_ascii_toupper (word[0]));
          g_string_append (text, word + 1);
        }
      else
        g_string_append (text, word);
      sentence_start = g_rand_int_range (rand, 0, 14) == 0;
      if (i + 1 == n_words)
        g_string_append_c (text, '.');
      else if (sentence_start && paragraphs && g_rand_int_range (rand, 0, 4) == 0)
        g_string_append (text, ".\n\n");
      else if (sentence_start)
        g_string_append (text, ". ");
      else
        g_string_append_c (text, ' ');
    }
  return g_string_free (text, FALSE);
}

/* Wall time is what the budgets are about; CPU time is printed beside it
 * because on a shared machine wall time also measures the neighbours. */
typedef struct
{
  GArray *wall;
  GArray *cpu;
} Times;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
times_init (Times *t)
{
  g_assert (t != NULL);

  t->wall = g_array_new (FALSE, FALSE, sizeof (double));
  t->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
times_clear (Times *t)
{
  g_assert (t != NULL);

  g_array_unref (t->wall);
  g_array_unref (t->cpu);
}

static void
times_add (Times *t,
           gint64 wall_start,
           double cpu_start)
{
  double wall = (g_get_monotonic_time () - wall_start) / 1e3;
  double cpu = cpu_ms () - cpu_start;

  g_assert (t != NULL);

  g_array_append_val (t->wall, wall);
  g_array_append_val (t->cpu, cpu);
}

static double
percentile (GArray *values,
            double  p)
{
  g_assert (values != NULL);

  g_array_sort (values, cd_bench_compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * p)));
}

static void
print_stats (const char *what,
             Times      *t,
             const char *budget)
{
  g_assert (what != NULL);
  g_assert (t != NULL);

  printf ("%-36s median %7.2f ms  p95 %7.2f ms  (cpu median %7.2f ms; %u runs; budget %s)\n",
          what, percentile (t->wall, 0.5), percentile (t->wall, 0.95),
          percentile (t->cpu, 0.5), t->wall->len, budget);
}

static void
fill_store (const char *dir,
            guint       n_articles,
            GPtrArray  *vocab,
            GRand      *rand)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (dir, &error);
  g_autoptr (GDateTime) start = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);
  gint64  t0, elapsed;
  double  c0, cpu;
  guint64 words = 0;

  g_assert (dir != NULL);
  g_assert (vocab != NULL);
  g_assert (rand != NULL);

  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  c0 = cpu_ms ();
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr (CdArticle) a = cd_article_new ();
      g_autofree char *headline = make_text (rand, vocab, g_rand_int_range (rand, 5, 12), FALSE);
      g_autofree char *dek = make_text (rand, vocab, g_rand_int_range (rand, 12, 30), FALSE);
      g_autofree char *body = make_text (rand, vocab, g_rand_int_range (rand, 300, 500), TRUE);
      g_autoptr (GDateTime) modified = g_date_time_add_minutes (start, i * 7);
      const char *tags[] = { pick_word (rand, vocab), pick_word (rand, vocab), NULL };

      cd_article_set_headline (a, headline);
      cd_article_set_dek (a, dek);
      cd_article_set_body (a, body);
      cd_article_set_byline (a, "Staff reporter");
      cd_article_set_section (a, i % 3 == 0 ? "News" : "Sport");
      cd_article_set_tags (a, tags);
      cd_article_set_status (a, i % CD_ARTICLE_N_STATUSES);
      cd_article_set_created (a, modified);
      cd_article_set_modified (a, modified);
      words += cd_article_get_word_count (a);
      if (!cd_store_save_article (store, a, CD_REVISION_IMPORTED, NULL, &error))
        g_error ("%s", error->message);
    }
  elapsed = g_get_monotonic_time () - t0;
  cpu = cpu_ms () - c0;
  printf ("%-36s %7.2f s   %.2f ms an article (cpu %.2f ms), one transaction each "
          "(%u articles, %.0f words on average)\n",
          "insert", elapsed / 1e6, elapsed / 1e3 / n_articles, cpu / n_articles, n_articles,
          (double) words / n_articles);
}

static void
bench_open_list (const char *dir,
                 guint       n_articles)
{
  Times times;

  g_assert (dir != NULL);

  times_init (&times);
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdStore) store = NULL;
      g_autoptr (GPtrArray) list = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_ms ();

      store = cd_store_open (dir, &error);
      g_assert_no_error (error);
      list = cd_store_list_articles (store, NULL, &error);
      g_assert_no_error (error);
      times_add (&times, t0, c0);
      g_assert_cmpuint (list->len, ==, n_articles);
    }
  print_stats ("open + list all", &times, "< 100 ms");
  times_clear (&times);
}

/* limit 0 asks for every match, as a full list of results; a search box
 * shows the best few first, which is the limit a window would use. */
static void
bench_search (const char *dir,
              GPtrArray  *vocab,
              guint       limit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (dir, &error);
  Times            all;
  g_autofree char *label = NULL;
  /* A common word, a middling one, a rare one, two words, a prefix. */
  g_autofree char *two = g_strdup_printf ("%s %s", (char *) g_ptr_array_index (vocab, 300),
                                          (char *) g_ptr_array_index (vocab, 40));
  g_autofree char *prefix = g_strndup (g_ptr_array_index (vocab, 500), 3);
  const char      *terms[] = {
         "council",
         g_ptr_array_index (vocab, 200),
         g_ptr_array_index (vocab, vocab->len - 10),
         two,
         prefix,
  };

  g_assert (dir != NULL);
  g_assert (vocab != NULL);

  g_assert_no_error (error);
  times_init (&all);
  for (guint t = 0; t < G_N_ELEMENTS (terms); t++)
    {
      Times times;
      guint hits = 0;

      times_init (&times);
      for (guint run = 0; run < N_RUNS; run++)
        {
          CdStoreQuery query = { terms[t], -1, FALSE, limit };
          g_autoptr (GPtrArray) list = NULL;
          gint64 t0 = g_get_monotonic_time ();
          double c0 = cpu_ms ();

          list = cd_store_list_articles (store, &query, &error);
          g_assert_no_error (error);
          times_add (&times, t0, c0);
          times_add (&all, t0, c0);
          hits = list->len;
        }
      g_free (label);
      label = g_strdup_printf ("search \"%s\" (%u hits)", terms[t], hits);
      print_stats (label, &times, "< 20 ms");
      times_clear (&times);
    }
  g_free (label);
  label = limit ? g_strdup_printf ("search, all terms, best %u", limit)
                : g_strdup ("search, all terms, every match");
  print_stats (label, &all, "< 20 ms");
  times_clear (&all);
}

int
main (int   argc,
      char *argv[])
{
  guint n_articles = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = argc > 2 ? g_strdup (argv[2])
                                  : g_dir_make_tmp ("copydesk-bench-store-XXXXXX", &error);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260301);
  g_autoptr (GPtrArray) vocab = make_vocabulary (rand, 20000);
  g_autofree char *db = NULL;
  GStatBuf         st;

  g_assert_no_error (error);
  printf ("Store benchmark: %u articles in %s\n", n_articles, dir);
  db = g_build_filename (dir, "copydesk.db", NULL);
  if (argc > 2 && g_file_test (db, G_FILE_TEST_EXISTS))
    printf ("Reusing the store in %s\n", dir);
  else
    fill_store (dir, n_articles, vocab, rand);
  if (g_stat (db, &st) == 0)
    printf ("%-36s %7.1f MB\n", "database file", st.st_size / 1e6);

  bench_open_list (dir, n_articles);
  bench_search (dir, vocab, 0);
  bench_search (dir, vocab, 50);

  if (argc <= 2)
    cd_test_rm_rf (dir);
  return 0;
}
