/* bench-window.c: the whole window with a 10,000-word article open.
 *
 *   - start to first painted frame: the real binary, started again and
 *     again; it prints the monotonic time of its first frame clock
 *     "after-paint" (COPYDESK_REPORT_FRAMES) and quits
 *     (COPYDESK_EXIT_AFTER_FIRST_FRAME). Budget: under 400 ms.
 *   - start to settled: the real binary again, printing every frame it
 *     paints (COPYDESK_REPORT_FRAMES=all) with the caret not blinking;
 *     settled is the last frame before three seconds without one, and the
 *     CPU time and PSS of the app and its WebKit processes are read then.
 *     With GTK's default renderer (llvmpipe under Xvfb) and with cairo.
 *   - keystroke to preview updated: a character inserted at the cursor as
 *     typing does, until the preview's "updated" (the page applied it).
 *     Budget: under 50 ms at the 95th percentile.
 *   - longest main-loop stall while typing with autosave and preview
 *     running: a 1 ms high-priority timeout records the gaps between its
 *     runs while characters go in every 50 ms for ten seconds. Budget: no
 *     stall over 16 ms.
 *   - resident memory of the app plus its WebKit processes (VmRSS of the
 *     process and all its descendants). Budget: under 250 MB.
 *
 * Prints median and 95th percentile beside the budgets; never fails on a
 * time. Run under Xvfb like the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cd-bench-util.h"
#include "cd-ui-test.h"

#define ARTICLE_WORDS 10000
#define STARTUP_RUNS 7
#define KEY_SAMPLES 60
#define TYPING_SECONDS 10
#define TYPING_EVERY_MS 50
#define SETTLE_RUNS 3

static void
print_figures (const char *what,
               GArray     *samples,
               const char *unit,
               const char *budget)
{
  double median, p95;

  g_array_sort (samples, cd_bench_compare_doubles);
  median = g_array_index (samples, double, samples->len / 2);
  p95 = g_array_index (samples, double, MIN (samples->len - 1, (samples->len * 95 + 99) / 100 - 1));
  printf ("%-40s median %8.1f %s   p95 %8.1f %s   max %8.1f %s   (n=%u)   budget: %s\n", what,
          median, unit, p95, unit, g_array_index (samples, double, samples->len - 1), unit,
          samples->len, budget);
  fflush (stdout);
}

/* Reads lines from the app until one starts with @prefix; returns its
 * number. */
static gint64
read_report (GDataInputStream *output,
             const char       *prefix)
{
  g_autoptr (GError) error = NULL;
  char *line;

  while ((line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error)) != NULL)
    {
      gint64 value = 0;

      if (g_str_has_prefix (line, prefix))
        value = g_ascii_strtoll (line + strlen (prefix), NULL, 10);
      g_free (line);
      if (value != 0)
        return value;
    }
  g_error ("The app stopped before it printed “%s”: %s", prefix,
           error ? error->message : "end of output");
}

static GSubprocess *
spawn_app (const char        *dir,
           const char        *uuid,
           gboolean           exit_after_frame,
           const char *const *env,
           GDataInputStream **output)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GError) error = NULL;
  const char  *argv[] = { g_getenv ("COPYDESK_BIN"), "open", uuid, "--data-dir", dir, NULL };
  GSubprocess *process;

  g_assert_nonnull (argv[0]);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "COPYDESK_REPORT_FRAMES", "1", TRUE);
  if (exit_after_frame)
    g_subprocess_launcher_setenv (launcher, "COPYDESK_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  /* NAME=VALUE sets, a bare NAME unsets. */
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (env[i], "=", 2);

      if (pair[1] != NULL)
        g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, pair[0]);
    }
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  *output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  return process;
}

/* CPU time (user + system) a process has used so far, from /proc; ticks
 * of 10 ms. */
static double
process_cpu_ms (const char *pid)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "stat", NULL);
  g_autofree char *stat = NULL;
  g_auto (GStrv) fields = NULL;
  const char *close_paren;

  if (!g_file_get_contents (path, &stat, NULL, NULL) ||
      (close_paren = strrchr (stat, ')')) == NULL)
    return -1;
  /* After ") ": state ppid pgrp session tty tpgid flags minflt cminflt
   * majflt cmajflt utime stime … */
  fields = g_strsplit (close_paren + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return -1;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0 /
         sysconf (_SC_CLK_TCK);
}

static void
bench_startup (const char *dir,
               const char *uuid)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < STARTUP_RUNS; run++)
    {
      g_autoptr (GDataInputStream) output = NULL;
      g_autoptr (GSubprocess) process = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms, cpu_ms;

      process = spawn_app (dir, uuid, TRUE, NULL, &output);
      ms = (read_report (output, "first-frame ") - start) / 1000.0;
      /* Read at once, while the app is only starting to quit. */
      cpu_ms = process_cpu_ms (g_subprocess_get_identifier (process));
      g_array_append_val (samples, ms);
      if (cpu_ms >= 0)
        g_array_append_val (cpu_samples, cpu_ms);
      g_subprocess_wait (process, NULL, NULL);
    }
  print_figures ("start to first painted frame", samples, "ms", "under 400 ms");
  if (cpu_samples->len > 0)
    print_figures ("  CPU time of the app by then", cpu_samples, "ms",
                   "(the share of the above that was our own work)");
}

static char *
load_average (void)
{
  char *contents = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return g_strdup ("unknown\n");
  return contents;
}

static guint64
read_kib (const char *pid,
          const char *file,
          const char *key)
{
  g_autofree char *path = g_build_filename ("/proc", pid, file, NULL);
  g_autofree char *contents = NULL;
  const char      *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  line = strstr (contents, key);
  return line != NULL ? g_ascii_strtoull (line + strlen (key), NULL, 10) : 0;
}

/* Sums VmRSS over @root and every process descended from it. */
static guint64
tree_rss_kib (GPid     root,
              GString *who,
              guint64 *pss_total,
              double  *cpu_total)
{
  g_autoptr (GHashTable) parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) queue = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint64     total = 0;

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      const char      *close_paren;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &stat, NULL, NULL))
        continue;
      close_paren = strrchr (stat, ')');
      if (close_paren == NULL)
        continue;
      /* ") S PPID …" */
      g_hash_table_insert (parents, g_strdup (name),
                           g_strdup_printf ("%" G_GINT64_FORMAT,
                                            g_ascii_strtoll (close_paren + 4, NULL, 10)));
    }

  g_ptr_array_add (queue, g_strdup_printf ("%d", root));
  for (guint i = 0; i < queue->len; i++)
    {
      const char      *pid = g_ptr_array_index (queue, i);
      g_autofree char *comm_path = g_build_filename ("/proc", pid, "comm", NULL);
      g_autofree char *comm = NULL;
      GHashTableIter   iter;
      const char      *child, *parent;
      guint64          rss = read_kib (pid, "status", "VmRSS:");

      total += rss;
      /* Shared libraries count once in PSS, split between their users. */
      *pss_total += read_kib (pid, "smaps_rollup", "Pss:");
      if (cpu_total != NULL)
        *cpu_total += MAX (process_cpu_ms (pid), 0);
      if (g_file_get_contents (comm_path, &comm, NULL, NULL))
        g_string_append_printf (who, "%s%s %.1f MB", who->len ? ", " : "", g_strstrip (comm),
                                rss / 1024.0);
      g_hash_table_iter_init (&iter, parents);
      while (g_hash_table_iter_next (&iter, (gpointer *) &child, (gpointer *) &parent))
        if (g_str_equal (parent, pid))
          g_ptr_array_add (queue, g_strdup (child));
    }
  return total;
}

static void
bench_memory (const char *dir,
              const char *uuid)
{
  g_autoptr (GDataInputStream) output = NULL;
  g_autoptr (GSubprocess) process = spawn_app (dir, uuid, FALSE, NULL, &output);
  g_autoptr (GString) who = g_string_new (NULL);
  guint64 kib, pss = 0;

  read_report (output, "preview-loaded ");
  /* Let the first render and autosave settle. */
  g_usleep (2 * G_USEC_PER_SEC);
  kib = tree_rss_kib (atoi (g_subprocess_get_identifier (process)), who, &pss, NULL);
  printf ("%-40s %8.1f MB VmRSS summed, %.1f MB PSS   (%s)   budget: under 250 MB\n",
          "resident memory, app + web processes", kib / 1024.0, pss / 1024.0, who->str);
  fflush (stdout);
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
}

/* Hands the app's output lines to the benchmark, which waits for them with
 * a timeout; an empty line marks the end. */
static gpointer
read_lines_thread (gpointer data)
{
  GDataInputStream *output = data;
  GAsyncQueue      *lines = g_object_get_data (G_OBJECT (output), "lines");
  char             *line;

  g_assert (G_IS_DATA_INPUT_STREAM (output));

  while ((line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, NULL)) != NULL)
    if (*line != '\0')
      g_async_queue_push (lines, line);
    else
      g_free (line);
  g_async_queue_push (lines, g_strdup (""));
  return NULL;
}

#define QUIET_USEC (3 * G_USEC_PER_SEC)

static void
bench_settle (const char        *dir,
              const char        *uuid,
              const char        *renderer,
              const char *const *env)
{
  g_autoptr (GArray) settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) pss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *config = g_build_filename (dir, "bench-config", NULL);
  g_autofree char *gtk_dir = g_build_filename (config, "gtk-4.0", NULL);
  g_autofree char *ini = g_build_filename (gtk_dir, "settings.ini", NULL);
  g_autofree char *config_env = g_strdup_printf ("XDG_CONFIG_HOME=%s", config);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) all_env = NULL;
  g_autofree char *what = NULL;

  /* A blinking caret would redraw for ever. */
  g_assert_cmpint (g_mkdir_with_parents (gtk_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (ini, "[Settings]\ngtk-cursor-blink=false\n", -1, NULL));
  g_strv_builder_add (builder, "COPYDESK_REPORT_FRAMES=all");
  g_strv_builder_add (builder, config_env);
  g_strv_builder_addv (builder, (const char **) env);
  all_env = g_strv_builder_end (builder);

  for (guint run = 0; run < SETTLE_RUNS; run++)
    {
      g_autoptr (GDataInputStream) output = NULL;
      g_autoptr (GSubprocess) process = NULL;
      g_autoptr (GAsyncQueue) lines = g_async_queue_new_full (g_free);
      g_autoptr (GString) who = g_string_new (NULL);
      gint64   start = g_get_monotonic_time ();
      gint64   last = 0;
      guint    n_frames = 0;
      guint64  pss_kib = 0;
      double   cpu_ms = 0, value;
      GThread *reader;

      process = spawn_app (dir, uuid, FALSE, (const char *const *) all_env, &output);
      g_object_set_data (G_OBJECT (output), "lines", lines);
      reader = g_thread_new ("bench-lines", read_lines_thread, output);
      for (;;)
        {
          g_autofree char *line = g_async_queue_timeout_pop (lines, QUIET_USEC);

          if (line == NULL && last != 0)
            break;
          if (line == NULL)
            continue;
          if (*line == '\0')
            g_error ("The app stopped before its window settled.");
          if (g_str_has_prefix (line, "frame ") || g_str_has_prefix (line, "first-frame "))
            {
              last = g_ascii_strtoll (strchr (line, ' ') + 1, NULL, 10);
              n_frames++;
            }
          if (g_get_monotonic_time () - start > 120 * G_USEC_PER_SEC)
            g_error ("The window was still redrawing two minutes after start.");
        }
      tree_rss_kib (atoi (g_subprocess_get_identifier (process)), who, &pss_kib, &cpu_ms);
      value = (last - start) / 1000.0;
      g_array_append_val (settled, value);
      value = n_frames;
      g_array_append_val (frames, value);
      g_array_append_val (cpu, cpu_ms);
      value = pss_kib / 1024.0;
      g_array_append_val (pss, value);

      g_subprocess_send_signal (process, SIGTERM);
      g_subprocess_wait (process, NULL, NULL);
      g_thread_join (reader);
    }
  what = g_strdup_printf ("start to settled (%s)", renderer);
  print_figures (what, settled, "ms", "within 1.2x GNOME Text Editor's (compare.sh)");
  print_figures ("  frames painted by then", frames, "", "");
  print_figures ("  CPU, app + web processes, by then", cpu, "ms",
                 "within 1.5x GNOME Text Editor's (compare.sh)");
  print_figures ("  PSS, app + web processes, then", pss, "MB", "below ghostwriter's (compare.sh)");
}

typedef struct
{
  guint n_updates;
} Updates;

static void
updated_cb (CdPreview *preview,
            Updates   *updates)
{
  updates->n_updates++;
}

typedef struct
{
  Updates *updates;
  guint    wanted;
} UpdateWait;

static gboolean
updated_enough (gpointer data)
{
  UpdateWait *wait = data;

  return wait->updates->n_updates >= wait->wanted;
}

static void
type_char (GtkTextBuffer *buffer,
           char           c)
{
  char text[2] = { c, '\0' };

  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, 1, TRUE);
}

static void
bench_keystroke (CdWindow *window)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (cd_window_get_editor (window)));
  CdPreview     *preview = cd_window_get_preview (window);
  Updates        updates = { 0 };
  gulong         id = g_signal_connect (preview, "updated", G_CALLBACK (updated_cb), &updates);

  cd_editor_place_cursor (cd_window_get_editor (window),
                          gtk_text_buffer_get_char_count (buffer) / 2);
  for (guint i = 0; i < KEY_SAMPLES; i++)
    {
      UpdateWait wait = { &updates, 0 };
      gint64     start;
      double     ms;

      cd_ui_spin (30);
      wait.wanted = updates.n_updates + 1;
      start = g_get_monotonic_time ();
      type_char (buffer, "newsroom "[i % 9]);
      if (!cd_ui_wait_for (updated_enough, &wait, 10000))
        g_error ("The preview did not update within 10 s of a keystroke.");
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }
  g_signal_handler_disconnect (preview, id);
  print_figures ("keystroke to preview updated", samples, "ms", "p95 under 50 ms");
}

typedef struct
{
  GtkTextBuffer *buffer;
  GArray        *gaps;
  GArray        *cpu_gaps;
  gint64         last;
  gint64         last_cpu;
  guint          typed;
  gboolean       done;
} Stall;

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
monitor_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_usec ();

  if (stall->last != 0)
    {
      double ms = (now - stall->last) / 1000.0;
      double cpu_ms = (cpu - stall->last_cpu) / 1000.0;

      g_array_append_val (stall->gaps, ms);
      g_array_append_val (stall->cpu_gaps, cpu_ms);
    }
  stall->last = now;
  stall->last_cpu = cpu;
  return stall->done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static gboolean
typing_cb (gpointer data)
{
  Stall *stall = data;

  type_char (stall->buffer, "The council met again today. "[stall->typed % 29]);
  stall->typed++;
  if (stall->typed >= TYPING_SECONDS * 1000 / TYPING_EVERY_MS)
    {
      stall->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
typing_done (gpointer data)
{
  return ((Stall *) data)->done;
}

static void
bench_stalls (CdWindow *window)
{
  Stall  stall = { 0 };
  guint  over = 0, cpu_over = 0;
  double longest, cpu_longest;

  stall.buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (cd_window_get_editor (window)));
  stall.gaps = g_array_new (FALSE, FALSE, sizeof (double));
  stall.cpu_gaps = g_array_new (FALSE, FALSE, sizeof (double));
  g_timeout_add_full (G_PRIORITY_HIGH, 1, monitor_cb, &stall, NULL);
  g_timeout_add (TYPING_EVERY_MS, typing_cb, &stall);
  g_assert_true (cd_ui_wait_for (typing_done, &stall, (TYPING_SECONDS + 30) * 1000));
  cd_ui_spin (5);

  for (guint i = 0; i < stall.gaps->len; i++)
    {
      if (g_array_index (stall.gaps, double, i) > 16.0)
        over++;
      if (g_array_index (stall.cpu_gaps, double, i) > 16.0)
        cpu_over++;
    }
  g_array_sort (stall.gaps, cd_bench_compare_doubles);
  g_array_sort (stall.cpu_gaps, cd_bench_compare_doubles);
  longest = g_array_index (stall.gaps, double, stall.gaps->len - 1);
  cpu_longest = g_array_index (stall.cpu_gaps, double, stall.cpu_gaps->len - 1);
  /* A wall-clock gap also counts time the scheduler gave to other
   * processes; the main thread's own CPU time between two runs of the
   * monitor is the work that held the loop. */
  printf ("%-40s longest %7.1f ms   p99 %6.1f ms   gaps over 16 ms: %u of %u   "
          "budget: none over 16 ms\n",
          "main-loop stall while typing (wall)",
          longest, g_array_index (stall.gaps, double, stall.gaps->len * 99 / 100),
          over, stall.gaps->len);
  printf ("%-40s longest %7.1f ms   p99 %6.1f ms   gaps over 16 ms: %u of %u\n",
          "main-loop stall while typing (thread CPU)", cpu_longest,
          g_array_index (stall.cpu_gaps, double, stall.cpu_gaps->len * 99 / 100),
          cpu_over, stall.cpu_gaps->len);
  {
    g_autofree char *load = load_average ();

    printf ("load average after typing: %s", load);
  }
  fflush (stdout);
  g_array_unref (stall.gaps);
  g_array_unref (stall.cpu_gaps);
}

int
main (int    argc,
      char **argv)
{
  CdUiFixture fixture = { 0 };
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *body = NULL;
  CdWindow        *window;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  cd_ui_fixture_setup (&fixture, NULL);
  body = cd_ui_make_long_body (ARTICLE_WORDS);
  article = cd_ui_add_article (fixture.store, "Council passes budget after month of debate", body);
  printf ("article: %u words, %zu bytes\n", cd_count_words (body), strlen (body));

  {
    g_autofree char *load = load_average ();

    printf ("load average before: %s", load);
  }
  bench_startup (fixture.dir, cd_article_get_uuid (article));
  bench_memory (fixture.dir, cd_article_get_uuid (article));
  {
    const char *gl[] = { "GSK_RENDERER", "WEBKIT_DISABLE_COMPOSITING_MODE", NULL };
    const char *cairo[] = { "GSK_RENDERER=cairo", "WEBKIT_DISABLE_COMPOSITING_MODE=1", NULL };

    bench_settle (fixture.dir, cd_article_get_uuid (article), "GTK's default renderer", gl);
    bench_settle (fixture.dir, cd_article_get_uuid (article), "cairo", cairo);
  }

  window = cd_ui_start (&fixture, cd_article_get_uuid (article));
  cd_ui_wait_preview_loaded (window);
  cd_ui_spin (1000);
  bench_keystroke (window);
  bench_stalls (window);

  cd_ui_fixture_teardown (&fixture, NULL);
  return 0;
}
