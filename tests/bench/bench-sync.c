/* bench-sync.c: push 200 new drafts to a local WordPress, then pull them
 * into an empty store.
 *
 * Prints, for each phase, the wall time, the client's CPU time (getrusage,
 * every thread of this process), CPU as a share of wall time and the
 * requests made, beside the DESIGN.md budget (client CPU under 10% of wall
 * time), and the longest main-loop stall (budget: none over 16 ms).
 * WordPress runs in other processes, so its CPU is not counted. Several
 * rounds, each on a fresh WordPress; never fails on a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cd-bench-util.h"
#include "cd-bench-sync.h"
#include "cd-store.h"
#include "cd-sync.h"
#include "cd-test-wordpress.h"
#include "cd-wordpress.h"

#define N_ARTICLES 200
#define ACCOUNT "bench"

typedef struct
{
  double wall_s;
  double cpu_s;
  double max_stall_ms;
  guint  requests;
  guint  items;
} Phase;

/* A tick every few milliseconds: the longest gap between two ticks is the
 * longest time the main loop could not run (a stall, as typing would feel
 * it). */
#define TICK_MS 4

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticker;

static gboolean
on_tick (gpointer user_data)
{
  Ticker *ticker = user_data;
  gint64  now = g_get_monotonic_time ();

  if (ticker->last != 0 && now - ticker->last > ticker->longest)
    ticker->longest = now - ticker->last;
  ticker->last = now;
  return G_SOURCE_CONTINUE;
}

static void
remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

/* One sync of a store against the site, measured. */
static Phase
measure_sync (CdTestWordpress *wp,
              const char      *dir,
              guint            new_articles)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdSyncEngine) engine = NULL;
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdSyncResult) result = NULL;
  Phase  phase = { 0 };
  Ticker ticker = { 0 };
  guint  tick_id;
  gint64 start;
  double cpu_start;

  store = cd_bench_open_store (dir, ACCOUNT, wp->url, wp->user);

  for (guint i = 0; i < new_articles; i++)
    {
      g_autoptr (CdArticle) article = cd_article_new ();
      g_autoptr (GString) body = g_string_new (NULL);
      g_autofree char *headline = g_strdup_printf ("Council story number %u", i + 1);

      for (guint p = 0; p < 6; p++)
        g_string_append_printf (body, "%sParagraph %u of story %u: the council met on "
                                      "Tuesday and voted seven to two for the plan, which brings "
                                      "buses every ten minutes and a new bridge at the harbour.",
                                p > 0 ? "\n\n" : "", p + 1, i + 1);
      cd_article_set_headline (article, headline);
      cd_article_set_body (article, body->str);
      g_assert_true (cd_store_save_article (store, article, CD_REVISION_EDITED, NULL, &error));
    }

  engine = cd_sync_engine_new (store);
  client = cd_wordpress_new (wp->url, wp->user, wp->password);
  cd_sync_engine_set_cms (engine, ACCOUNT, CD_CMS (client));

  start = g_get_monotonic_time ();
  cpu_start = cd_bench_cpu_seconds ();
  tick_id = g_timeout_add (TICK_MS, on_tick, &ticker);
  result = cd_bench_sync (engine);
  g_source_remove (tick_id);
  phase.cpu_s = cd_bench_cpu_seconds () - cpu_start;
  phase.max_stall_ms = MAX (0.0, ticker.longest / 1000.0 - TICK_MS);
  phase.wall_s = (g_get_monotonic_time () - start) / 1e6;
  phase.requests = cd_wordpress_get_request_count (client);
  phase.items = new_articles > 0 ? cd_sync_result_get_pushed (result)->len
                                 : cd_sync_result_get_pulled (result)->len;

  if (!cd_sync_result_is_clean (result))
    {
      GPtrArray *errors = cd_sync_result_get_errors (result);

      g_printerr ("bench-sync: the sync did not finish cleanly (%u errors, %u queued)\n",
                  errors->len, cd_sync_result_get_queued (result)->len);
      for (guint i = 0; i < MIN (errors->len, 3); i++)
        g_printerr ("  %s\n", ((CdSyncItem *) g_ptr_array_index (errors, i))->message);
    }
  return phase;
}

static void
print_summary (const char *name,
               GArray     *ratios)
{
  g_array_sort (ratios, cd_bench_compare_doubles);
  printf ("%s: CPU/wall median %.1f%%, p95 %.1f%% (budget: under 10%%)\n", name,
          100 * g_array_index (ratios, double, ratios->len / 2),
          100 * g_array_index (ratios, double, MIN (ratios->len - 1, (guint) (ratios->len * 0.95))));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GArray) push_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) pull_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  guint rounds = 3;

  if (argc > 1)
    rounds = MAX (1, (guint) g_ascii_strtoull (argv[1], NULL, 10));

  printf ("Sync of %d new drafts with a local WordPress, %u rounds\n", N_ARTICLES, rounds);
  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *push_dir = NULL;
      g_autofree char *pull_dir = NULL;
      CdTestWordpress *wp;
      Phase            push, pull;
      double           ratio;

      wp = cd_test_wordpress_start (&error);
      if (wp == NULL)
        {
          g_printerr ("bench-sync: WordPress could not start: %s\n", error->message);
          return 1;
        }
      push_dir = g_dir_make_tmp ("copydesk-bench-push-XXXXXX", NULL);
      pull_dir = g_dir_make_tmp ("copydesk-bench-pull-XXXXXX", NULL);

      push = measure_sync (wp, push_dir, N_ARTICLES);
      pull = measure_sync (wp, pull_dir, 0);

      ratio = push.cpu_s / push.wall_s;
      g_array_append_val (push_ratios, ratio);
      printf ("round %u push: %u drafts, wall %.2f s, client CPU %.3f s, CPU/wall %.1f%%, "
              "%u requests, longest main-loop stall %.1f ms\n",
              round + 1, push.items,
              push.wall_s, push.cpu_s, 100 * ratio, push.requests, push.max_stall_ms);
      ratio = pull.cpu_s / pull.wall_s;
      g_array_append_val (pull_ratios, ratio);
      printf ("round %u pull: %u articles, wall %.2f s, client CPU %.3f s, CPU/wall %.1f%%, "
              "%u requests, longest main-loop stall %.1f ms\n",
              round + 1, pull.items,
              pull.wall_s, pull.cpu_s, 100 * ratio, pull.requests, pull.max_stall_ms);
      fflush (stdout);

      remove_dir (push_dir);
      remove_dir (pull_dir);
      cd_test_wordpress_stop (wp);
    }

  print_summary ("push", push_ratios);
  print_summary ("pull", pull_ratios);
  return 0;
}
