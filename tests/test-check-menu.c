/* test-check-menu.c: the checks' fixes in the body's context menu, under
 * Xvfb: a right-click on an underlined word, the Menu key and Shift+F10.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-check-menu"

#include "config.h"

#include "cd-check-menu.h"
#include "cd-checks-panel.h"
#include "cd-ui-test.h"

typedef struct
{
  CdWindow      *window;
  CdChecksPanel *panel;
  GtkTextView   *view;
  GtkTextBuffer *buffer;
  const char    *word;
} Desk;

static gboolean
has_spelling_finding (gpointer data)
{
  Desk      *desk = data;
  GPtrArray *findings = cd_checks_panel_get_findings (desk->panel);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, CD_CHECK_RULE_SPELLING) && g_str_equal (f->text, desk->word))
        return TRUE;
    }
  return FALSE;
}

static gboolean
lacks_spelling_finding (gpointer data)
{
  return !has_spelling_finding (data);
}

/* The text view's context menu, once it is on screen. */
static GtkWidget *
find_open_menu (GtkWidget *widget)
{
  if (GTK_IS_POPOVER_MENU (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_open_menu (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
menu_open (gpointer data)
{
  Desk *desk = data;

  return find_open_menu (GTK_WIDGET (desk->view)) != NULL;
}

static gboolean
menu_closed (gpointer data)
{
  return !menu_open (data);
}

/* The menu's item whose text is @text (without its mnemonic's line). */
static GtkWidget *
find_item (GtkWidget  *widget,
           const char *text)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    {
      g_autofree char *label = NULL;

      g_object_get (widget, "text", &label, NULL);
      if (g_strcmp0 (label, text) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_item (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
body_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static gboolean
laid_out (gpointer data)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (data));

  return gtk_widget_get_height (data) > 0 && gtk_widget_get_width (data) > 0 &&
         gdk_surface_get_mapped (surface);
}

static gboolean
hovered (gpointer data)
{
  return (gtk_widget_get_state_flags (data) & GTK_STATE_FLAG_PRELIGHT) != 0;
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits until @widget's surface has painted a frame with @widget on it:
 * only then does the X server put clicks on it where it is drawn. */
static void
wait_painted (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean       painted = FALSE;
  gulong         id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  gtk_widget_queue_draw (widget);
  g_assert_true (cd_ui_wait_for (is_true, &painted, 10000));
  g_signal_handler_disconnect (clock, id);
}

static void
choose (Desk       *desk,
        const char *text)
{
  GtkWidget *menu = find_open_menu (GTK_WIDGET (desk->view));
  GtkWidget *item;

  g_assert_nonnull (menu);
  item = find_item (menu, text);
  g_assert_nonnull (item);
  /* A menu just mapped is laid out on its first frame. */
  g_assert_true (cd_ui_wait_for (laid_out, item, 10000));
  wait_painted (item);
  /* The click goes in once the item knows the pointer is over it. */
  cd_ui_move_pointer (item, gtk_widget_get_width (item) / 2.0, gtk_widget_get_height (item) / 2.0);
  g_assert_true (cd_ui_wait_for (hovered, item, 10000));
  cd_ui_click (item, gtk_widget_get_width (item) / 2.0, gtk_widget_get_height (item) / 2.0, 1);
  g_assert_true (cd_ui_wait_for (menu_closed, desk, 10000));
}

static int
offset_of (GtkTextBuffer *buffer,
           const char    *word)
{
  GtkTextIter      start, end;
  g_autofree char *text = NULL;
  const char      *at;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  at = strstr (text, word);
  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

static void
test_context_menu (CdUiFixture  *fixture,
                   gconstpointer data)
{
  static const char body[] = "The goverment met on Monday. The blorptastic plan won the quuxington vote.";
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Council", body);
  CdWindow        *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  CdEditor        *editor = cd_window_get_editor (window);
  Desk             desk = { window };
  CdCheckMenu     *menu;
  GtkTextIter      iter;
  GdkRectangle     rect;
  int              x, y;
  g_autofree char *fixed = NULL;
  g_autofree char *undone = NULL;
  g_auto (GStrv) words = NULL;

  desk.panel = CD_CHECKS_PANEL (adw_bin_get_child (cd_window_get_checks_bin (window)));
  desk.view = GTK_TEXT_VIEW (cd_editor_get_view (editor));
  desk.buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  menu = g_object_get_data (G_OBJECT (desk.view), "cd-check-menu");
  g_assert_true (CD_IS_CHECK_MENU (menu));
  desk.word = "goverment";
  g_assert_true (cd_ui_wait_for (has_spelling_finding, &desk, 30000));

  /* A right-click in the word, with the cursor elsewhere, offers its
   * fix; choosing it replaces the word as one undoable edit. */
  cd_editor_place_cursor (editor, 0);
  gtk_widget_grab_focus (GTK_WIDGET (desk.view));
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &iter, offset_of (desk.buffer, "goverment") + 3);
  gtk_text_view_get_iter_location (desk.view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (desk.view, GTK_TEXT_WINDOW_WIDGET, rect.x + 1,
                                         rect.y + rect.height / 2, &x, &y);
  cd_ui_click (GTK_WIDGET (desk.view), x, y, 3);
  g_assert_true (cd_ui_wait_for (menu_open, &desk, 10000));
  g_assert_nonnull (cd_check_menu_get_finding (menu));
  g_assert_cmpstr (cd_check_menu_get_finding (menu)->text, ==, "goverment");
  g_assert_nonnull (find_item (find_open_menu (GTK_WIDGET (desk.view)), "Add to Word List"));
  g_assert_nonnull (find_item (find_open_menu (GTK_WIDGET (desk.view)), "Ignore"));
  choose (&desk, "government");
  fixed = body_text (desk.buffer);
  g_assert_cmpstr (fixed, ==, "The government met on Monday. The blorptastic plan won the quuxington vote.");
  gtk_text_buffer_undo (desk.buffer);
  undone = body_text (desk.buffer);
  g_assert_cmpstr (undone, ==, body);
  gtk_text_buffer_redo (desk.buffer);
  g_assert_true (cd_ui_wait_for (lacks_spelling_finding, &desk, 30000));

  /* The Menu key with the cursor in a word: Add to Word List, which the
   * checks follow at once. */
  desk.word = "blorptastic";
  g_assert_true (cd_ui_wait_for (has_spelling_finding, &desk, 30000));
  cd_editor_place_cursor (editor, offset_of (desk.buffer, "blorptastic") + 2);
  cd_ui_press_keys (window, "Menu");
  g_assert_true (cd_ui_wait_for (menu_open, &desk, 10000));
  g_assert_cmpstr (cd_check_menu_get_finding (menu)->text, ==, "blorptastic");
  choose (&desk, "Add to Word List");
  g_assert_true (cd_ui_wait_for (lacks_spelling_finding, &desk, 30000));
  words = cd_checker_dup_words (cd_checks_panel_get_checker (desk.panel));
  g_assert_true (g_strv_contains ((const char *const *) words, "blorptastic"));

  /* Shift+F10: Ignore, and the word is left as it is. */
  desk.word = "quuxington";
  g_assert_true (cd_ui_wait_for (has_spelling_finding, &desk, 30000));
  cd_editor_place_cursor (editor, offset_of (desk.buffer, "quuxington") + 4);
  cd_ui_press_keys (window, "shift+F10");
  g_assert_true (cd_ui_wait_for (menu_open, &desk, 10000));
  g_assert_cmpstr (cd_check_menu_get_finding (menu)->text, ==, "quuxington");
  choose (&desk, "Ignore");
  g_assert_true (cd_ui_wait_for (lacks_spelling_finding, &desk, 30000));
  g_clear_pointer (&fixed, g_free);
  fixed = body_text (desk.buffer);
  g_assert_cmpstr (fixed, ==, "The government met on Monday. The blorptastic plan won the quuxington vote.");

  /* Away from any finding the menu is the text view's own. */
  cd_editor_place_cursor (editor, 0);
  g_assert_null (cd_check_menu_get_finding (menu));
  g_assert_null (gtk_text_view_get_extra_menu (desk.view));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/check-menu/context-menu", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_context_menu, cd_ui_fixture_teardown);

  return g_test_run ();
}
