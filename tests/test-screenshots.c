/* test-screenshots.c: PNGs of the main views, light and dark, at 360, 700,
 * 900 and 1280 px (at 360 the library folds away), saved in the build dir
 * under screenshots/ for a person to look at.
 *
 * Each shot is taken from the X server with ImageMagick's import, so the
 * web view is in it exactly as it was on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-screenshots"

#include "config.h"

#include "cd-history.h"
#include "cd-newsroom-page.h"
#include "cd-preferences.h"
#include "cd-ui-test.h"

static const char body[] =
    "The city council voted 7–4 late on Tuesday to approve a **$2.1 billion** budget, "
    "ending a month of debate over road repairs and school funding.\n\n"
    "“We kept taxes flat for a third year,” Mayor Lena Ortiz told reporters after the vote. "
    "Opponents said the plan leans on "
    "[optimistic revenue forecasts](https://example.com/report).\n\n"
    "## What changes\n\n"
    "- Bus fares stay at $2.50\n"
    "- 40 new teachers for the east side\n"
    "- Road repairs are spread over five years\n\n"
    "> “This budget asks the east side to wait again.”\n>\n> — Councillor Tom Reyes\n\n"
    "## What comes next\n\n"
    "The budget returns for a second reading on March 12, when amendments can still be made. "
    "Residents can comment online until the end of the month.\n";

typedef struct
{
  const char     *headline;
  CdArticleStatus status;
} Other;

static const Other others[] = {
  {"Storm closes harbour bridge for a second day",   CD_ARTICLE_STATUS_READY_TO_PUBLISH},
  { "Tram strike called off after late-night talks", CD_ARTICLE_STATUS_PUBLISHED       },
  { "Library opens Sunday hours from next month",    CD_ARTICLE_STATUS_DRAFT           },
  { "Court hears appeal in land-use case",           CD_ARTICLE_STATUS_HELD            },
  { "Zoo welcomes twin red panda cubs",              CD_ARTICLE_STATUS_READY_FOR_EDIT  },
};

static CdArticle *
add_articles (CdStore *store)
{
  g_autoptr (GError) error = NULL;
  const char *tags[] = { "council", "budget", "schools", NULL };
  CdArticle  *article;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr (CdArticle) other = cd_ui_add_article (store, others[i].headline,
                                                       "Copy to come from the desk.");

      cd_article_set_status (other, others[i].status);
      g_assert_true (cd_store_save_article (store, other, CD_REVISION_NONE, NULL, &error));
    }

  article = cd_ui_add_article (store, "Council passes budget after month of debate", body);
  cd_article_set_dek (article, "Taxes stay flat; east-side schools get 40 teachers, roads wait");
  cd_article_set_byline (article, "By Maria Keller");
  cd_article_set_dateline (article, "SPRINGFIELD");
  cd_article_set_source (article, "Staff");
  cd_article_set_slug (article, "council-passes-budget");
  cd_article_set_section (article, "Local");
  cd_article_set_tags (article, tags);
  cd_article_set_status (article, CD_ARTICLE_STATUS_READY_FOR_EDIT);
  cd_article_set_length_target (article, 600);
  cd_article_set_ednote (article, "Check the teacher numbers with the district before 6 pm.");
  g_assert_true (cd_store_save_article (store, article, CD_REVISION_NAMED, "First draft", &error));
  cd_article_set_body (article, body + 3);
  g_assert_true (cd_store_save_article (store, article, CD_REVISION_CHECKPOINT, NULL, &error));
  cd_article_set_body (article, body);
  cd_article_touch (article);
  g_assert_true (cd_store_save_article (store, article, CD_REVISION_NONE, NULL, &error));
  return article;
}

typedef struct
{
  GtkWidget *window;
  int        width;
} SizeCheck;

static gboolean
has_width (gpointer data)
{
  SizeCheck *check = data;

  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (check->window));

  return gdk_surface_get_width (surface) == check->width;
}

static void
resize (GtkWidget *window,
        int        width,
        int        height)
{
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (window));
  g_autofree char *w = g_strdup_printf ("%d", width);
  g_autofree char *h = g_strdup_printf ("%d", height);
  const char      *argv[] = { "xdotool", "windowsize", "--sync", xid, w, h, NULL };
  SizeCheck        check = { window, width };

  cd_ui_run (argv);
  if (!cd_ui_wait_for (has_width, &check, 5000))
    g_error ("The window is %d pixels wide, not %d.",
             gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), width);
  cd_ui_spin (600);
}

static void
shoot (GtkWidget  *window,
       const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "screenshots",
                                           NULL);
  g_autofree char *file_name = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (window));
  const char      *argv[] = { "import", "-window", xid, path, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  cd_ui_spin (300);
  cd_ui_run (argv);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))));
  g_assert_cmpint (gdk_texture_get_height (texture), ==,
                   gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window))));
  g_test_message ("saved %s", path);
}

/* @window at each width a person may give it: a phone-sized 360 px, a
 * small window, half a laptop screen, a full one. */
static void
shoot_widths (GtkWidget  *window,
              const char *view,
              const char *theme,
              int         height)
{
  static const int widths[] = { 360, 700, 900, 1280 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s-%d", view, theme, widths[i]);

      resize (window, widths[i], height);
      shoot (window, name);
    }
}

/* The preferences row titled @title under @widget. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_views (CdUiFixture  *fixture,
            gconstpointer data)
{
  gboolean    dark = GPOINTER_TO_INT (data);
  const char *theme = dark ? "dark" : "light";
  g_autoptr (CdArticle) article = NULL;
  CdWindow        *window;
  GtkWindow       *history;
  CdPreferences   *preferences;
  g_autofree char *name = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  article = add_articles (fixture->store);
  window = cd_ui_start (fixture, cd_article_get_uuid (article));
  cd_ui_wait_preview_loaded (window);
  cd_editor_place_cursor (cd_window_get_editor (window), 0);

  resize (GTK_WIDGET (window), 1280, 800);
  name = g_strdup_printf ("main-%s-1280", theme);
  shoot (GTK_WIDGET (window), name);

  /* The checks pane beside the preview (F7). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checks", NULL);
  cd_ui_spin (1500);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("checks-%s-wide", theme);
  shoot (GTK_WIDGET (window), name);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-checks", NULL);

  /* Find starts from the selected word and highlights every match. */
  cd_editor_select_range (cd_window_get_editor (window), 9, 16);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.replace", NULL);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("find-%s-wide", theme);
  shoot (GTK_WIDGET (window), name);
  cd_editor_hide_search (cd_window_get_editor (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL));
  history = cd_window_get_history (window);
  g_assert_nonnull (history);
  g_assert_true (cd_ui_wait_for ((CdUiCondition) gtk_widget_get_mapped, history, 5000));
  cd_history_select (CD_HISTORY (history), 0);
  shoot_widths (GTK_WIDGET (history), "history", theme, 640);
  resize (GTK_WIDGET (history), 360, 640);
  cd_history_show_diff (CD_HISTORY (history));
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("history-diff-%s-narrow", theme);
  shoot (GTK_WIDGET (history), name);
  gtk_window_destroy (history);

  preferences = cd_preferences_new (GTK_WINDOW (window),
                                    cd_application_get_settings (fixture->app));
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (cd_ui_wait_for ((CdUiCondition) gtk_widget_get_mapped, preferences, 5000));
  shoot_widths (GTK_WIDGET (preferences), "preferences", theme, 640);

  /* The Newsroom page and its word list, with a newsroom's words in it. */
  {
    g_autofree char *checks = g_build_filename (fixture->dir, "checks", NULL);
    g_autofree char *words = g_build_filename (checks, "words.txt", NULL);
    CdNewsroomPage  *page;
    GtkWidget       *row;

    g_assert_cmpint (g_mkdir_with_parents (checks, 0700), ==, 0);
    g_assert_true (g_file_set_contents (words, "Zelenskyy\nKyiv\nBakhmut\nHassakeh\nAFP\n", -1, NULL));
    page = cd_newsroom_page_new (fixture->store, ADW_PREFERENCES_WINDOW (preferences));
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                             ADW_PREFERENCES_PAGE (page));
    shoot_widths (GTK_WIDGET (preferences), "newsroom", theme, 640);
    resize (GTK_WIDGET (preferences), 360, 640);

    row = find_row (GTK_WIDGET (page), "Word List");
    g_assert_nonnull (row);
    gtk_widget_activate (row);
    g_clear_pointer (&name, g_free);
    name = g_strdup_printf ("word-list-%s-narrow", theme);
    shoot (GTK_WIDGET (preferences), name);
    resize (GTK_WIDGET (preferences), 560, 640);
    g_clear_pointer (&name, g_free);
    name = g_strdup_printf ("word-list-%s-wide", theme);
    shoot (GTK_WIDGET (preferences), name);
  }
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* The widths between: a laptop's half screen and a small window. */
  for (guint i = 0; i < 2; i++)
    {
      static const int widths[] = { 900, 700 };

      resize (GTK_WIDGET (window), widths[i], 800);
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("main-%s-%d", theme, widths[i]);
      shoot (GTK_WIDGET (window), name);
    }

  /* Narrow: the leaflet folds; the editor shows, the library is one
   * step back. */
  resize (GTK_WIDGET (window), 360, 800);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("main-%s-360", theme);
  shoot (GTK_WIDGET (window), name);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("library-%s-360", theme);
  shoot (GTK_WIDGET (window), name);
}

/* A first start: nothing in the store, nothing open. */
static void
test_empty (CdUiFixture  *fixture,
            gconstpointer data)
{
  CdWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = cd_ui_start (fixture, NULL);
  g_assert_null (cd_window_get_document (window));
  resize (GTK_WIDGET (window), 1280, 800);
  shoot (GTK_WIDGET (window), "empty-light-wide");
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/screenshots/light", CdUiFixture, GINT_TO_POINTER (FALSE), cd_ui_fixture_setup,
              test_views, cd_ui_fixture_teardown);
  g_test_add ("/screenshots/empty", CdUiFixture, NULL, cd_ui_fixture_setup, test_empty,
              cd_ui_fixture_teardown);
  g_test_add ("/screenshots/dark", CdUiFixture, GINT_TO_POINTER (TRUE), cd_ui_fixture_setup,
              test_views, cd_ui_fixture_teardown);

  return g_test_run ();
}
