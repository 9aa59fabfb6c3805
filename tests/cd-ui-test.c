/* cd-ui-test.c: helpers for the window tests and benchmarks under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-ui-test"

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cd-test-util.h"
#include "cd-ui-test.h"

/* Removes a test's folder; says whether it is gone. */
gboolean
cd_ui_remove_tree (const char *path)
{
  cd_test_rm_rf (path);
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

void
cd_ui_fixture_setup (CdUiFixture  *fixture,
                     gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("copydesk-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = cd_store_open (fixture->dir, &error);
  g_assert_no_error (error);
}

void
cd_ui_close_window (CdUiFixture *fixture)
{
  CdWindow *window = fixture->window;

  if (window == NULL)
    return;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->window);
  gtk_window_close (GTK_WINDOW (window));
  for (int i = 0; i < 500 && fixture->window != NULL; i++)
    cd_ui_spin (10);
  /* Objects must die: nothing may keep the window alive once closed. */
  g_assert_null (fixture->window);
}

void
cd_ui_fixture_teardown (CdUiFixture  *fixture,
                        gconstpointer data)
{
  cd_ui_close_window (fixture);
  g_clear_object (&fixture->store);
  g_assert_true (cd_ui_remove_tree (fixture->dir));
  g_free (fixture->dir);
}

CdArticle *
cd_ui_add_article (CdStore    *store,
                   const char *headline,
                   const char *body)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_article_new ();

  cd_article_set_headline (article, headline);
  cd_article_set_body (article, body);
  cd_article_touch (article);
  cd_article_set_created (article, cd_article_get_modified (article));
  g_assert_true (cd_store_save_article (store, article, CD_REVISION_NONE, NULL, &error));
  g_assert_no_error (error);
  return article;
}

/* A news-like body of about @words words in paragraphs and subheads. */
char *
cd_ui_make_long_body (guint words)
{
  static const char *sentences[] = {
    "The council voted late on Tuesday to approve the budget after a long debate.",
    "Residents packed the hall, and several speakers asked for more money for schools.",
    "The mayor said the plan would keep taxes flat for a third year in a row.",
    "Opposition members argued that the figures for road repairs were far too optimistic.",
    "A final vote is expected next month, when the budget returns for a second reading.",
  };
  g_autoptr (GString) body = g_string_new (NULL);
  guint count = 0;
  guint n = 0;

  while (count < words)
    {
      if (n % 40 == 0)
        g_string_append_printf (body, "## Part %u\n\n", n / 40 + 1);
      g_string_append (body, sentences[n % G_N_ELEMENTS (sentences)]);
      count += cd_count_words (sentences[n % G_N_ELEMENTS (sentences)]);
      n++;
      g_string_append (body, n % 4 == 0 ? "\n\n" : " ");
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static char *app_dir;

/* GTK 4.8 warns when a frame draws a widget between a request for its new
 * size and that size ("Trying to snapshot GtkSourceView … without a
 * current allocation"): the frame leaves that widget as it was, and the
 * next one draws it. One fresh-clone run of the window tests, on a
 * machine busy with other work, met it while the editor scrolled past its
 * chips. That one warning is written and does not end a test; every other
 * warning still does. */
static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
    else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;
  if ((level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_str_has_prefix (message, "Trying to snapshot ") &&
      g_str_has_suffix (message, " without a current allocation"))
    return g_log_writer_standard_streams (level & ~G_LOG_FLAG_FATAL, fields, n_fields, user_data);
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
remove_app_dir (void)
{
  cd_ui_remove_tree (app_dir);
}

/* One application for the test program: a GApplication stays exported on
 * the session bus for as long as the process runs. Each test gets its own
 * window on its own store, opened the way activation opens one. */
static CdApplication *
get_application (void)
{
  static CdApplication *app;
  g_autoptr (GError) error = NULL;

  if (app != NULL)
    return app;

  g_log_set_writer_func (write_log, NULL, NULL);
  app_dir = g_dir_make_tmp ("copydesk-app-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_app_dir);
  app = cd_application_new (app_dir, NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

CdWindow *
cd_ui_start (CdUiFixture *fixture,
             const char  *open_uuid)
{
  g_autoptr (GError) error = NULL;
  CdWindow *window;

  fixture->app = get_application ();
  window = cd_window_new (GTK_APPLICATION (fixture->app), fixture->store,
                          cd_application_get_settings (fixture->app), NULL);
  fixture->window = window;
  if (open_uuid != NULL)
    g_assert_true (cd_window_open_article (window, open_uuid, &error));
  else
    cd_window_restore_session (window);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cd_ui_wait_for ((CdUiCondition) gtk_widget_get_mapped, window, 10000));
  return window;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * cd_ui_wait_for:
 *
 * Runs the main loop until @condition holds or @timeout_ms pass.
 *
 * Returns: whether the condition held
 */
gboolean
cd_ui_wait_for (CdUiCondition condition,
                gpointer      data,
                guint         timeout_ms)
{
  gboolean timed_out = FALSE;
  guint    id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return condition (data);
}

void
cd_ui_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
preview_loaded (gpointer data)
{
  CdPreview *preview = cd_window_get_preview (data);

  return preview != NULL && cd_preview_get_loaded (preview);
}

void
cd_ui_wait_preview_loaded (CdWindow *window)
{
  g_assert_true (cd_ui_wait_for (preview_loaded, window, 30000));
}

typedef struct
{
  char    *result;
  gboolean done;
} EvalData;

static void
eval_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  EvalData *eval = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  g_assert_no_error (error);
  eval->result = jsc_value_to_string (value);
  eval->done = TRUE;
}

static gboolean
eval_done (gpointer data)
{
  return ((EvalData *) data)->done;
}

/**
 * cd_ui_eval_js:
 *
 * Runs @script in the page's main world and waits for its value.
 *
 * Returns: (transfer full): the value as text
 */
char *
cd_ui_eval_js (WebKitWebView *view,
               const char    *script)
{
  EvalData eval = { NULL, FALSE };

  webkit_web_view_evaluate_javascript (view, script, -1, NULL, NULL, NULL, eval_ready_cb, &eval);
  g_assert_true (cd_ui_wait_for (eval_done, &eval, 10000));
  return eval.result;
}

gulong
cd_ui_get_xid (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  return gdk_x11_surface_get_xid (surface);
}

typedef struct
{
  GSubprocess *process;
  gboolean     done;
} RunData;

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr (GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error);
  g_assert_no_error (error);
  ((RunData *) data)->done = TRUE;
}

static gboolean
run_finished (gpointer data)
{
  return ((RunData *) data)->done;
}

/**
 * cd_ui_run:
 *
 * Runs a helper program (xdotool, import) to the end while the main loop
 * keeps the window responsive.
 */
void
cd_ui_run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process = NULL;
  RunData run = { NULL, FALSE };

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, run_done_cb, &run);
  g_assert_true (cd_ui_wait_for (run_finished, &run, 60000));
}

/* Reads an article through a connection of its own, as another process
 * would see it. */
CdArticle *
cd_ui_read_article (const char *dir,
                    const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (dir, &error);
  CdArticle *article;

  g_assert_no_error (error);
  article = cd_store_get_article (store, uuid, &error);
  g_assert_no_error (error);
  return article;
}

/**
 * cd_ui_find_named:
 *
 * Returns: (nullable) (transfer none): @widget or the first widget under
 *   it whose name (gtk_widget_set_name(), a template's "name") is @name
 */
GtkWidget *
cd_ui_find_named (GtkWidget  *widget,
                  const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cd_ui_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * cd_ui_press_keys:
 * @keys: xdotool key names, separated by spaces ("ctrl+b", "BackSpace")
 *
 * Presses @keys in @window through the X server, as a keyboard would.
 */
void
cd_ui_press_keys (CdWindow   *window,
                  const char *keys)
{
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (window)));
  const char      *focus_argv[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  g_auto (GStrv) each = g_strsplit (keys, " ", -1);
  g_autoptr (GStrvBuilder) argv = g_strv_builder_new ();
  g_auto (GStrv) key_argv = NULL;

  g_strv_builder_add_many (argv, "xdotool", "key", "--delay", "30", NULL);
  g_strv_builder_addv (argv, (const char **) each);
  key_argv = g_strv_builder_end (argv);
  cd_ui_run (focus_argv);
  cd_ui_run ((const char *const *) key_argv);
}

/* Types @text into the focused widget of @window, a key at a time. */
void
cd_ui_type (CdWindow   *window,
            const char *text)
{
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (window)));
  const char      *focus_argv[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  const char      *type_argv[] = { "xdotool", "type", "--delay", "40", text, NULL };

  cd_ui_run (focus_argv);
  cd_ui_run (type_argv);
}

/**
 * cd_ui_move_pointer:
 * @x: where in @widget, across
 * @y: where in @widget, down
 *
 * Moves the pointer over @widget through the X server, as a mouse would.
 */
void
cd_ui_move_pointer (GtkWidget *widget,
                    double     x,
                    double     y)
{
  GtkNative       *native = gtk_widget_get_native (widget);
  double           dx = 0, dy = 0;
  graphene_point_t point;
  g_autofree char *xid = NULL;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT ((float) x, (float) y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (native)));
  sx = g_strdup_printf ("%d", (int) (point.x + dx));
  sy = g_strdup_printf ("%d", (int) (point.y + dy));
  {
    const char *argv[] = { "xdotool", "mousemove", "--sync", "--window", xid, sx, sy, NULL };

    cd_ui_run (argv);
  }
}

/**
 * cd_ui_click:
 * @x: where in @widget, across
 * @y: where in @widget, down
 * @button: 1 for the primary button, 3 for the secondary
 *
 * Clicks in @widget through the X server, as a mouse would.
 */
void
cd_ui_click (GtkWidget *widget,
             double     x,
             double     y,
             guint      button)
{
  g_autofree char *sbutton = g_strdup_printf ("%u", button);
  const char      *argv[] = { "xdotool", "click", sbutton, NULL };

  cd_ui_move_pointer (widget, x, y);
  cd_ui_run (argv);
}
