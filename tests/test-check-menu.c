/* test-check-menu.c: the checks' fixes in the body's context menu, under
 * Xvfb: a right-click on an underlined word, the Menu key and Shift+F10;
 * the fix is chosen from the keyboard.
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
lacks_finding_in_menu (gpointer data)
{
  return cd_check_menu_get_finding (data) == NULL;
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

typedef struct
{
  GtkRoot   *root;
  GtkWidget *before;
} FocusWait;

static gboolean
focus_moved (gpointer data)
{
  FocusWait *wait = data;

  return gtk_root_get_focus (wait->root) != wait->before;
}

static gboolean
view_has_focus (gpointer data)
{
  Desk *desk = data;

  return gtk_widget_has_focus (GTK_WIDGET (desk->view));
}

/* Whether @model, or a section in it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; model != NULL && i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *name = NULL;

      if ((g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
           g_str_equal (name, action)) ||
          menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Where @widget stands down the open menu, in the menu's coordinates. */
static double
menu_y (GtkWidget *menu,
        GtkWidget *widget)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, menu, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

/* Chooses the open menu's item @text from the keyboard, as a keyboard user
 * does: Up or Down until the item has the focus, then Return; the keyboard
 * is then back in the text, where the next key typed goes. The pointer
 * is not used: on a busy machine GTK may place the popup again after its
 * first frames while its size settles, and a click aimed at where an item
 * was lands outside the menu and dismisses it. */
static void
choose (Desk       *desk,
        const char *text)
{
  GtkWidget *menu = find_open_menu (GTK_WIDGET (desk->view));
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (desk->view));
  GtkWidget *item;

  g_assert_nonnull (menu);
  item = find_item (menu, text);
  g_assert_nonnull (item);
  /* The pointer waits in the window's far corner, away from the menu, so
   * that no item takes the focus by being under it. */
  cd_ui_move_pointer (GTK_WIDGET (desk->window), gtk_widget_get_width (GTK_WIDGET (desk->window)) - 1,
                      gtk_widget_get_height (GTK_WIDGET (desk->window)) - 1);
  for (guint step = 0; !gtk_widget_has_focus (item); step++)
    {
      GtkWidget *focus = gtk_root_get_focus (root);
      FocusWait  wait = { root, focus };
      gboolean   in_menu = focus != NULL && gtk_widget_is_ancestor (focus, menu);

      g_assert_cmpuint (step, <, 20);
      cd_ui_press_keys (desk->window,
                        in_menu && menu_y (menu, focus) > menu_y (menu, item) ? "Up" : "Down");
      g_assert_true (cd_ui_wait_for (focus_moved, &wait, 10000));
    }
  cd_ui_press_keys (desk->window, "Return");
  g_assert_true (cd_ui_wait_for (menu_closed, desk, 10000));
  g_assert_true (cd_ui_wait_for (view_has_focus, desk, 10000));
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

/* Opens @body in a window and waits until the checks flag "goverment". */
static CdCheckMenu *
open_desk (Desk        *desk,
           CdUiFixture *fixture,
           const char  *body)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Council", body);
  CdEditor    *editor;
  CdCheckMenu *menu;

  desk->window = cd_ui_start (fixture, cd_article_get_uuid (article));
  editor = cd_window_get_editor (desk->window);
  desk->panel = CD_CHECKS_PANEL (adw_bin_get_child (cd_window_get_checks_bin (desk->window)));
  desk->view = GTK_TEXT_VIEW (cd_editor_get_view (editor));
  desk->buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  menu = g_object_get_data (G_OBJECT (desk->view), "cd-check-menu");
  g_assert_true (CD_IS_CHECK_MENU (menu));
  desk->word = "goverment";
  g_assert_true (cd_ui_wait_for (has_spelling_finding, desk, 30000));
  return menu;
}

static void
test_context_menu (CdUiFixture  *fixture,
                   gconstpointer data)
{
  static const char body[] = "The goverment met on Monday. The blorptastic plan won the quuxington vote.";
  Desk              desk = { NULL };
  CdCheckMenu      *menu = open_desk (&desk, fixture, body);
  CdWindow         *window = desk.window;
  CdEditor         *editor = cd_window_get_editor (window);
  GtkTextIter       iter;
  GdkRectangle      rect;
  int               x, y;
  g_autofree char  *fixed = NULL;
  g_autofree char  *undone = NULL;
  g_auto (GStrv) words = NULL;

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
  /* The image blocks' own item stays beside the finding's. */
  g_assert_true (menu_has_action (gtk_text_view_get_extra_menu (desk.view), "check.add-word"));
  g_assert_true (menu_has_action (gtk_text_view_get_extra_menu (desk.view), "blocks.edit-image"));
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

  /* Away from any finding the menu is the text view's own, the image
   * blocks' item included. */
  cd_editor_place_cursor (editor, 0);
  g_assert_null (cd_check_menu_get_finding (menu));
  g_assert_false (menu_has_action (gtk_text_view_get_extra_menu (desk.view), "check.ignore"));
  g_assert_true (menu_has_action (gtk_text_view_get_extra_menu (desk.view), "blocks.edit-image"));
}

/* Checks that finish while the menu is open leave it as it was opened: the
 * menu stays on screen, its fix still applies, and it catches up once it
 * is closed. */
static void
test_stays_open (CdUiFixture  *fixture,
                 gconstpointer data)
{
  Desk         desk = { NULL };
  CdCheckMenu *menu = open_desk (&desk, fixture, "The goverment met.");
  g_autoptr (CdFinding) shown = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fixed = NULL;

  cd_editor_place_cursor (cd_window_get_editor (desk.window), offset_of (desk.buffer, "goverment") + 2);
  cd_ui_press_keys (desk.window, "Menu");
  g_assert_true (cd_ui_wait_for (menu_open, &desk, 10000));
  shown = cd_finding_copy (cd_check_menu_get_finding (menu));
  g_assert_cmpstr (shown->text, ==, "goverment");

  /* The checks drop the finding under the cursor, as a run that ends
   * while the menu is open can. */
  g_assert_true (cd_check_runner_add_word (cd_checks_panel_get_runner (desk.panel), shown, &error));
  g_assert_no_error (error);
  g_assert_true (lacks_spelling_finding (&desk));
  g_assert_true (menu_open (&desk));
  g_assert_cmpstr (cd_check_menu_get_finding (menu)->text, ==, "goverment");

  choose (&desk, "government");
  fixed = body_text (desk.buffer);
  g_assert_cmpstr (fixed, ==, "The government met.");
  g_assert_true (cd_ui_wait_for (lacks_finding_in_menu, menu, 10000));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/check-menu/context-menu", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_context_menu, cd_ui_fixture_teardown);
  g_test_add ("/check-menu/stays-open", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_stays_open, cd_ui_fixture_teardown);

  return g_test_run ();
}
