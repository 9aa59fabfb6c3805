/* bench-checks-panel.c: does the Checks panel stall typing on a
 * 10,000-word article?
 *
 * A window with a GtkSourceView holding a 10,000-word body (with errors of
 * several kinds, so there are findings to underline and list) and the panel
 * attached to it. Characters go in every 50 ms for ten seconds while a 1 ms
 * high-priority timeout records the gaps between its runs, which is how long
 * the main loop was busy. It also times the main-thread part of each check
 * (taking the text, then underlining and listing the findings). Budget: no
 * stall over 16 ms. Prints figures; never fails on a time. Run under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-checks-panel"

#include "config.h"

#include <gtksourceview/gtksource.h>
#include <stdio.h>

#include "cd-bench-util.h"
#include "cd-checks-panel.h"
#include "cd-ui-test.h"

#define ARTICLE_WORDS 10000
#define TYPING_SECONDS 10
#define TYPING_EVERY_MS 50

typedef struct
{
  gint64  last;
  GArray *gaps;
} Stall;

static gboolean
tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last != 0)
    {
      double ms = (now - stall->last) / 1000.0;

      g_array_append_val (stall->gaps, ms);
    }
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  GtkTextBuffer *buffer;
  guint          typed;
  gboolean       done;
} Typing;

static gboolean
type_cb (gpointer data)
{
  Typing           *typing = data;
  static const char keys[] = "the goverment said ";

  gtk_text_buffer_insert_interactive_at_cursor (typing->buffer,
                                                &keys[typing->typed % (sizeof keys - 1)], 1,
                                                TRUE);
  typing->typed++;
  if (typing->typed * TYPING_EVERY_MS >= TYPING_SECONDS * 1000)
    {
      typing->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
findings_changed_cb (guint *runs)
{
  (*runs)++;
}

static gboolean
ran (gpointer data)
{
  return *(guint *) data > 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *words = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) article = NULL;
  Stall          stall = { 0, NULL };
  Typing         typing = { 0 };
  GtkWidget     *window, *paned, *view, *scrolled;
  CdChecksPanel *panel;
  GtkTextIter    middle;
  guint          runs = 0;
  guint          tick_id;
  double         longest;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  dir = g_dir_make_tmp ("copydesk-bench-panel-XXXXXX", &error);
  g_assert_no_error (error);
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);

  /* A long body with a planted error in every paragraph or so. */
  words = cd_ui_make_long_body (ARTICLE_WORDS);
  g_string_append (body, words);
  for (gsize i = 500; i < body->len; i += 700)
    {
      while (i < body->len && body->str[i] != ' ')
        i++;
      g_string_insert (body, i, " teh  goverment the the");
    }
  article = cd_ui_add_article (store, "Council approves budget", body->str);
  printf ("Checks panel benchmark: %u words\n", cd_count_words (body->str));

  view = gtk_source_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  typing.buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (typing.buffer, body->str, -1);

  panel = CD_CHECKS_PANEL (cd_checks_panel_new ());
  cd_checks_panel_set_article (panel, store, article);
  cd_checks_panel_attach (panel, "body", G_OBJECT (typing.buffer));
  g_signal_connect_swapped (panel, "findings-changed", G_CALLBACK (findings_changed_cb), &runs);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (panel));
  gtk_paned_set_position (GTK_PANED (paned), 800);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), paned);
  gtk_window_present (GTK_WINDOW (window));

  /* The first run loads the dictionary. */
  g_assert_true (cd_ui_wait_for (ran, &runs, 30000));
  printf ("%-40s %u\n", "findings listed and underlined",
          cd_checks_panel_get_findings (panel)->len);

  gtk_text_buffer_get_iter_at_offset (typing.buffer, &middle,
                                      gtk_text_buffer_get_char_count (typing.buffer) / 2);
  gtk_text_buffer_place_cursor (typing.buffer, &middle);
  stall.gaps = g_array_new (FALSE, FALSE, sizeof (double));
  runs = 0;
  tick_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, &stall, NULL);
  g_timeout_add (TYPING_EVERY_MS, type_cb, &typing);
  while (!typing.done)
    g_main_context_iteration (NULL, TRUE);
  cd_ui_spin (CD_CHECKS_PANEL_DELAY_MS * 3);
  g_source_remove (tick_id);

  longest = cd_bench_percentile (stall.gaps, 1.0);
  printf ("%-40s %u keys, %u check runs shown\n", "typing for ten seconds", typing.typed, runs);
  printf ("%-40s median %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  "
          "(budget: no stall over 16 ms)\n",
          "main-loop gaps while typing",
          cd_bench_percentile (stall.gaps, 0.5), cd_bench_percentile (stall.gaps, 0.95),
          cd_bench_percentile (stall.gaps, 0.99), longest);
  g_array_unref (stall.gaps);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  cd_ui_remove_tree (dir);
  return 0;
}
