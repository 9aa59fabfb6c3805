/* bench-preview.c: the preview alone with a 10,000-word article: time from a
 * change of the body to the page having applied it ("updated"), and the
 * longest the main loop went without running meanwhile. Prints figures beside
 * the DESIGN.md budget; never fails on a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-preview"

#include "config.h"

#include <adwaita.h>

#include "cd-bench-util.h"
#include "cd-preview.h"

#define N_SAMPLES 60
#define TIMEOUT_SECONDS 60

typedef struct
{
  guint    n_updates;
  gint64   last_tick;
  gint64   longest_stall;
  gboolean timed_out;
} Bench;

static void
on_updated (CdPreview *preview,
            Bench     *bench)
{
  bench->n_updates++;
}

/* A 1 ms timer: the gaps between its runs are the main loop's stalls. */
static gboolean
probe_cb (gpointer data)
{
  Bench *bench = data;
  gint64 now = g_get_monotonic_time ();

  if (bench->last_tick != 0)
    bench->longest_stall = MAX (bench->longest_stall, now - bench->last_tick);
  bench->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer data)
{
  ((Bench *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_for_updates (Bench *bench,
                  guint  n)
{
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, bench);

  while (bench->n_updates < n && !bench->timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!bench->timed_out)
    g_source_remove (id);
  return !bench->timed_out;
}

/* Paragraphs of 90 words with a heading every 1,000 words. */
static char *
make_article_body (guint n_words)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261124);
  g_autoptr (GString) body = g_string_new ("");
  guint in_paragraph = 0;

  for (guint i = 0; i < n_words; i++)
    {
      if (in_paragraph == 0 && i % 1000 == 0)
        g_string_append_printf (body, "## Part %u\n\n", i / 1000 + 1);
      g_string_append (body, cd_bench_word (rand));
      in_paragraph++;
      if (in_paragraph == 90)
        {
          g_string_append (body, ".\n\n");
          in_paragraph = 0;
        }
      else
        {
          g_string_append_c (body, ' ');
        }
    }
  g_string_append (body, ".\n");
  return g_string_free (g_steal_pointer (&body), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autofree char *body = NULL;
  g_autoptr (GString) text = NULL;
  g_autoptr (GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  Bench      bench = { 0 };
  GtkWindow *window;
  CdPreview *preview;
  gsize      middle;
  guint      probe;

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run the benchmarks under xvfb-run.\n");
      return 1;
    }
  adw_init ();

  body = make_article_body (10000);
  cd_article_set_headline (article, "Council approves harbour budget");
  cd_article_set_body (article, body);
  g_print ("article: %u words, %zu bytes of Markdown\n", cd_count_words (body), strlen (body));

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 900);
  preview = cd_preview_new ();
  g_signal_connect (preview, "updated", G_CALLBACK (on_updated), &bench);
  gtk_window_set_child (window, GTK_WIDGET (preview));
  gtk_window_present (window);
  cd_preview_set_article (preview, article);
  if (!wait_for_updates (&bench, 1))
    {
      g_printerr ("The preview never showed the article.\n");
      return 1;
    }

  /* One character typed into the middle of the body, N_SAMPLES times. */
  text = g_string_new (body);
  middle = text->len / 2;
  probe = g_timeout_add (1, probe_cb, &bench);
  for (guint i = 0; i < N_SAMPLES; i++)
    {
      guint  n_before = bench.n_updates;
      gint64 start;

      g_string_insert_c (text, middle + i, 'x');
      start = g_get_monotonic_time ();
      cd_article_set_body (article, text->str);
      if (!wait_for_updates (&bench, n_before + 1))
        {
          g_printerr ("The preview stopped updating.\n");
          return 1;
        }
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (latencies, ms);
    }
  g_source_remove (probe);

  g_print ("change of the body to page updated (10,000 words, %u changes): "
           "median %.1f ms, 95th percentile %.1f ms, max %.1f ms (budget: under 50 ms at p95)\n",
           N_SAMPLES, cd_bench_percentile (latencies, 0.5), cd_bench_percentile (latencies, 0.95),
           cd_bench_percentile (latencies, 1));
  g_print ("longest main-loop stall meanwhile: %.1f ms (budget: none over 16 ms)\n",
           bench.longest_stall / 1000.0);

  gtk_window_destroy (window);
  return 0;
}
