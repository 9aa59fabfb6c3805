/* test-recovery.c: a copydesk process killed with SIGKILL right after
 * typing keeps the text, and starts again on the article that was open
 * with the cursor where it was.
 *
 * Runs the real binary under the test's display and types into it with
 * xdotool, as a person would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-recovery"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cd-ui-test.h"

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *output;
} App;

static char *
run_capture (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return g_strstrip (out);
}

/* Starts copydesk and waits until its window has painted a frame. */
static void
app_start (App               *app,
           const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autofree char *line = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "COPYDESK_REPORT_FRAMES", "1", TRUE);
  app->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  app->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app->process));

  while ((line = g_data_input_stream_read_line_utf8 (app->output, NULL, NULL, &error)) != NULL)
    {
      if (g_str_has_prefix (line, "first-frame "))
        break;
      g_clear_pointer (&line, g_free);
    }
  g_assert_no_error (error);
  g_assert_nonnull (line);
}

static char *
app_window (App *app)
{
  const char      *argv[] = { "xdotool", "search", "--sync", "--onlyvisible", "--pid",
                              g_subprocess_get_identifier (app->process), NULL };
  g_autofree char *found = run_capture (argv);
  g_auto (GStrv) ids = g_strsplit (found, "\n", -1);

  g_assert_nonnull (ids[0]);
  return g_strdup (ids[0]);
}

static void
app_type (const char *xid,
          const char *text)
{
  const char *focus[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  const char *type[] = { "xdotool", "type", "--delay", "15", text, NULL };

  g_free (run_capture (focus));
  g_usleep (100 * 1000);
  g_free (run_capture (type));
}

static void
app_clear (App *app)
{
  g_clear_object (&app->output);
  g_clear_object (&app->process);
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static char *
stored_body (const char *dir,
             const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (dir, &error);
  g_autoptr (CdArticle) article = NULL;

  g_assert_no_error (error);
  article = cd_store_get_article (store, uuid, &error);
  g_assert_no_error (error);
  return g_strdup (cd_article_get_body (article));
}

static gboolean
stored_body_is (const char *dir,
                const char *uuid,
                const char *expected)
{
  g_autofree char *body = stored_body (dir, uuid);

  return g_strcmp0 (body, expected) == 0;
}

/* Whether the session file beside the store says the cursor of @uuid was
 * left at @offset, as the window writes it after each autosave. */
static gboolean
session_cursor_is (const char *dir,
                   const char *uuid,
                   glong       offset)
{
  g_autofree char *path = g_build_filename (dir, "session.ini", NULL);
  g_autoptr (GKeyFile) session = g_key_file_new ();

  if (!g_key_file_load_from_file (session, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  return g_key_file_get_integer (session, "cursors", uuid, NULL) == offset;
}

/* Lets the main context run for a moment between two looks at the store,
 * without a fixed sleep deciding the outcome. */
static void
wait_a_little (void)
{
  g_autoptr (GSource) tick = g_timeout_source_new (20);
  gboolean done = FALSE;

  g_source_set_callback (tick, G_SOURCE_FUNC (set_true_cb), &done, NULL);
  g_source_attach (tick, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
}

static void
test_kill_and_reopen (void)
{
  const char *bin = g_getenv ("COPYDESK_BIN");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-recovery-XXXXXX", &error);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autofree char *body = NULL;
  g_autofree char *xid = NULL;
  g_autofree char *title = NULL;
  App              app = { NULL, NULL };
  gint64           deadline, typed_at;

  g_assert_no_error (error);
  g_assert_nonnull (bin);
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  cd_article_set_headline (article, "Harbour fire under control");
  cd_article_set_body (article, "Smoke rose over the docks.");
  g_assert_true (cd_store_save_article (store, article, CD_REVISION_NONE, NULL, &error));
  g_clear_object (&store);

  /* Type, wait until the autosave has put the words in the database and the
   * cursor in the session file (on a quiet machine within a second; the
   * time is reported, not asserted, so a busy machine cannot fail the
   * test), then kill -9: what was saved must survive the kill whole, and
   * the window must come back to it. */
  {
    const char *argv[] = { bin, "open", cd_article_get_uuid (article), "--data-dir", dir, NULL };

    app_start (&app, argv);
  }
  xid = app_window (&app);
  app_type (xid, " Crews worked through the night.");
  typed_at = g_get_monotonic_time ();
  deadline = typed_at + 60 * G_USEC_PER_SEC;
  while (!(stored_body_is (dir, cd_article_get_uuid (article),
                           "Smoke rose over the docks. Crews worked through the night.") &&
           session_cursor_is (dir, cd_article_get_uuid (article),
                              g_utf8_strlen ("Smoke rose over the docks. Crews worked through "
                                             "the night.",
                                             -1))) &&
         g_get_monotonic_time () < deadline)
    wait_a_little ();
  g_test_message ("saved %.0f ms after the last key", (g_get_monotonic_time () - typed_at) / 1000.0);
  g_subprocess_force_exit (app.process);
  g_subprocess_wait (app.process, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (app.process));
  app_clear (&app);

  body = stored_body (dir, cd_article_get_uuid (article));
  g_assert_cmpstr (body, ==, "Smoke rose over the docks. Crews worked through the night.");
  g_clear_pointer (&body, g_free);

  /* Started plainly, it reopens on that article with the cursor where the
   * typing stopped and focus in the body. */
  {
    const char *argv[] = { bin, "--data-dir", dir, NULL };

    app_start (&app, argv);
  }
  g_clear_pointer (&xid, g_free);
  xid = app_window (&app);
  {
    const char *argv[] = { "xdotool", "getwindowname", xid, NULL };

    title = run_capture (argv);
  }
  g_assert_nonnull (strstr (title, "Harbour fire under control"));
  app_type (xid, " Two were hurt.");

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  do
    {
      g_usleep (50 * 1000);
      g_free (body);
      body = stored_body (dir, cd_article_get_uuid (article));
    }
  while (!g_str_has_suffix (body, "Two were hurt.") && g_get_monotonic_time () < deadline);
  g_assert_cmpstr (body, ==,
                   "Smoke rose over the docks. Crews worked through the night. Two were hurt.");

  {
    const char *focus[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
    const char *quit[] = { "xdotool", "key", "ctrl+q", NULL };

    g_free (run_capture (focus));
    g_free (run_capture (quit));
  }
  g_subprocess_wait (app.process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (app.process));
  g_assert_cmpint (g_subprocess_get_exit_status (app.process), ==, 0);
  app_clear (&app);

  g_assert_true (cd_ui_remove_tree (dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/kill-after-typing/reopens", test_kill_and_reopen);

  return g_test_run ();
}
