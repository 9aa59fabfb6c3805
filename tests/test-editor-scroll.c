/* test-editor-scroll.c: where the body editor shows an article that has
 * just been opened, under Xvfb: never scrolled sideways (the body wraps),
 * with the cursor's line in view; and the preview following its scroll.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-editor-scroll"

#include "config.h"

#include "cd-ui-test.h"

#define SHORT_BODY "Stalls open at seven.\n\nParking is free."

/* Lets the window allocate and paint a few frames. */
static void
settle (void)
{
  cd_ui_spin (400);
}

/* The cursor's line lies wholly inside the visible part of the body. */
static gboolean
cursor_line_visible (CdEditor *editor)
{
  GtkTextView   *view = GTK_TEXT_VIEW (cd_editor_get_view (editor));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle   visible, cursor;
  GtkTextIter    iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &cursor);
  g_test_message ("visible y %d..%d, cursor y %d..%d", visible.y, visible.y + visible.height,
                  cursor.y, cursor.y + cursor.height);
  return cursor.y >= visible.y && cursor.y + cursor.height <= visible.y + visible.height;
}

typedef struct
{
  CdEditor *editor;
  gboolean  at_top;
} Shown;

/* What assert_shown_well() asserts, as a condition to wait for. */
static gboolean
shown_well (gpointer data)
{
  Shown         *shown = data;
  GtkScrollable *view = GTK_SCROLLABLE (cd_editor_get_view (shown->editor));
  double         value = gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (view));
  GdkRectangle   visible;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
  return gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (view)) == 0 &&
         visible.x == 0 && (shown->at_top ? value == 0 : value > 0) &&
         cursor_line_visible (shown->editor);
}

/* The body is not scrolled sideways, the cursor's line is in view, and
 * the body is scrolled to its top when @at_top. The cursor is brought
 * into view once the view is laid out, in idle time after a frame, which
 * on a busy machine comes later than settle() allows: the test waits for
 * that state before it asserts it. */
static void
assert_shown_well (CdWindow *window,
                   gboolean  at_top)
{
  CdEditor      *editor = cd_window_get_editor (window);
  GtkScrollable *view = GTK_SCROLLABLE (cd_editor_get_view (editor));
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (view);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (view);
  GdkRectangle   visible;
  Shown          shown = { editor, at_top };

  settle ();
  cd_ui_wait_for (shown_well, &shown, 10000);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
  g_test_message ("h %g of %g (page %g), v %g of %g (page %g), visible x %d",
                  gtk_adjustment_get_value (hadjustment), gtk_adjustment_get_upper (hadjustment),
                  gtk_adjustment_get_page_size (hadjustment),
                  gtk_adjustment_get_value (vadjustment), gtk_adjustment_get_upper (vadjustment),
                  gtk_adjustment_get_page_size (vadjustment), visible.x);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), ==, GTK_WRAP_WORD_CHAR);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 0);
  g_assert_cmpint (visible.x, ==, 0);
  if (at_top)
    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  else
    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  g_assert_true (cursor_line_visible (editor));
}

/* A body that fits in the view and one many screens long. */
static void
add_articles (CdStore    *store,
              CdArticle **small,
              CdArticle **large)
{
  g_autofree char *long_body = cd_ui_make_long_body (800);

  *small = cd_ui_add_article (store, "Market day", SHORT_BODY);
  *large = cd_ui_add_article (store, "Budget", long_body);
}

/* Opened before the window is shown, as `copydesk open UUID` does. */
static void
test_open_before_map (CdUiFixture  *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) small = NULL;
  g_autoptr (CdArticle) large = NULL;
  CdWindow *window;

  add_articles (fixture->store, &small, &large);
  window = cd_ui_start (fixture, cd_article_get_uuid (small));
  assert_shown_well (window, TRUE);
  cd_ui_close_window (fixture);

  window = cd_ui_start (fixture, cd_article_get_uuid (large));
  assert_shown_well (window, FALSE);
  cd_ui_close_window (fixture);
}

/* Opened into a window on screen, from the library or after a conflict is
 * resolved (closed, then opened again where the cursor was left). */
static void
test_open_while_mapped (CdUiFixture  *fixture,
                        gconstpointer data)
{
  g_autoptr (CdArticle) small = NULL;
  g_autoptr (CdArticle) large = NULL;
  CdWindow *window;
  CdEditor *editor;

  add_articles (fixture->store, &small, &large);
  window = cd_ui_start (fixture, NULL);
  editor = cd_window_get_editor (window);

  /* Restyled just before the article opens, as the sync window's
   * screenshot test does: the body once ended up scrolled sideways. */
  settle ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (cd_window_open_article (window, cd_article_get_uuid (small), NULL));
  assert_shown_well (window, TRUE);

  g_assert_true (cd_window_open_article (window, cd_article_get_uuid (large), NULL));
  assert_shown_well (window, FALSE);

  /* The reload after a resolved conflict; the cursor comes back where it was. */
  cd_window_close_article (window);
  settle ();
  g_assert_true (cd_window_open_article (window, cd_article_get_uuid (large), NULL));
  g_assert_cmpint (cd_editor_get_cursor_offset (editor), ==,
                   g_utf8_strlen (cd_article_get_body (large), -1));
  assert_shown_well (window, FALSE);

  /* A cursor left at the top comes back there, scrolled to the top. */
  cd_editor_place_cursor (editor, 0);
  cd_window_close_article (window);
  g_assert_true (cd_window_open_article (window, cd_article_get_uuid (large), NULL));
  g_assert_cmpint (cd_editor_get_cursor_offset (editor), ==, 0);
  assert_shown_well (window, TRUE);

  cd_window_close_article (window);
  g_assert_true (cd_window_open_article (window, cd_article_get_uuid (small), NULL));
  assert_shown_well (window, TRUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  cd_ui_close_window (fixture);
}

typedef struct
{
  CdWindow   *window;
  const char *script; /* true when the page is as awaited */
} PageState;

static gboolean
page_is (gpointer data)
{
  PageState       *state = data;
  WebKitWebView   *view = cd_preview_get_web_view (cd_window_get_preview (state->window));
  g_autofree char *value = cd_ui_eval_js (view, state->script);

  return g_strcmp0 (value, "true") == 0;
}

/* The preview follows the body as it scrolls, and at the body's top shows
 * the top of the page, even when the body was scrolled down and back up
 * before the preview took the first scroll (a jump to the top while the
 * preview still renders the last keystroke): the scroll down once came
 * after the one up and left the preview in the middle of the story. */
static void
test_preview_follows (CdUiFixture  *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) small = NULL;
  g_autoptr (CdArticle) large = NULL;
  CdWindow        *window;
  GtkAdjustment   *vadjustment;
  PageState        synced = { NULL, "copydesk.syncedSourcepos() !== null && window.scrollY > 0" };
  PageState        top = { NULL, "copydesk.syncedSourcepos() === null" };
  g_autofree char *scroll_y = NULL;

  add_articles (fixture->store, &small, &large);
  window = cd_ui_start (fixture, cd_article_get_uuid (large));
  cd_ui_wait_preview_loaded (window);
  synced.window = top.window = window;
  vadjustment = gtk_scrollable_get_vadjustment (
      GTK_SCROLLABLE (cd_editor_get_view (cd_window_get_editor (window))));
  assert_shown_well (window, FALSE);

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  g_assert_true (cd_ui_wait_for (page_is, &synced, 10000));

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 3);
  gtk_adjustment_set_value (vadjustment, 0);
  g_assert_true (cd_ui_wait_for (page_is, &top, 10000));
  scroll_y = cd_ui_eval_js (cd_preview_get_web_view (cd_window_get_preview (window)),
                            "window.scrollY");
  g_assert_cmpstr (scroll_y, ==, "0");
  cd_ui_close_window (fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/editor/scroll/open-before-map", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_open_before_map, cd_ui_fixture_teardown);
  g_test_add ("/editor/scroll/open-while-mapped", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_open_while_mapped, cd_ui_fixture_teardown);
  g_test_add ("/editor/scroll/preview-follows", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_preview_follows, cd_ui_fixture_teardown);
  return g_test_run ();
}
