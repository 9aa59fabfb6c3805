/* test-app-open.c: the built copydesk as the desktop runs it, under Xvfb:
 * one instance for the person's own articles, `copydesk FILE…` (the
 * desktop file's %F) importing into the running window, and a second
 * `copydesk open UUID` handing its article to that window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cd-import.h"
#include "cd-store.h"
#include "cd-test-util.h"

/* Long enough for a loaded machine; the test waits for conditions. */
#define TIMEOUT_SECONDS 60

typedef struct
{
  char                *home;     /* XDG_DATA_HOME of the launched copydesk */
  char                *data_dir; /* its default store: home/copydesk */
  GSubprocessLauncher *launcher;
  GDBusConnection     *bus;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert (f != NULL);

  f->home = g_dir_make_tmp ("copydesk-app-open-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->home, "copydesk", NULL);
  f->launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (f->launcher, "XDG_DATA_HOME", f->home, TRUE);
  g_subprocess_launcher_unsetenv (f->launcher, "COPYDESK_DATA_DIR");
  f->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_assert (f != NULL);

  g_clear_object (&f->bus);
  g_clear_object (&f->launcher);
  cd_test_rm_rf (f->home);
  g_free (f->data_dir);
  g_free (f->home);
}

static GSubprocess *
launch (Fixture    *f,
        const char *first,
        ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  GSubprocess *process;
  va_list      args;

  g_assert (f != NULL);

  g_ptr_array_add (argv, (char *) g_getenv ("COPYDESK_BIN"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (f->launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static gboolean
name_has_owner (Fixture *f)
{
  g_autoptr (GVariant) reply = NULL;
  gboolean owned = FALSE;

  g_assert (f != NULL);

  reply = g_dbus_connection_call_sync (f->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APPLICATION_ID),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* The article the running instance imported from @headline's file. */
static char *
find_article (Fixture    *f,
              const char *headline)
{
  g_autoptr (CdStore) store = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  CdStoreQuery query = { 0 };

  g_assert (f != NULL);

  if (!g_file_test (f->data_dir, G_FILE_TEST_IS_DIR) ||
      (store = cd_store_open (f->data_dir, NULL)) == NULL)
    return NULL;
  query.status = -1;
  if ((articles = cd_store_list_articles (store, &query, NULL)) == NULL)
    return NULL;
  for (guint i = 0; i < articles->len; i++)
    {
      CdArticle *article = g_ptr_array_index (articles, i);

      if (g_strcmp0 (cd_article_get_headline (article), headline) == 0)
        return g_strdup (cd_article_get_uuid (article));
    }
  return NULL;
}

typedef gboolean (*Condition) (Fixture    *f,
                               const char *arg);

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
owned_condition (Fixture    *f,
                 const char *arg)
{
  return name_has_owner (f);
}

static gboolean
imported_condition (Fixture    *f,
                    const char *headline)
{
  g_autofree char *uuid = find_article (f, headline);

  return uuid != NULL;
}

/* Runs the main context (which the bus's replies need) until @condition
 * holds; fails after TIMEOUT_SECONDS. Each look is a D-Bus round trip or
 * a store read, so the loop waits on the context between looks. */
static void
wait_until (Fixture    *f,
            Condition   condition,
            const char *arg)
{
  gboolean timed_out = FALSE;
  guint    id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  g_assert (f != NULL);

  while (!condition (f, arg) && !timed_out)
    {
      g_autoptr (GSource) tick = g_timeout_source_new (50);
      gboolean ticked = FALSE;

      g_source_set_callback (tick, timeout_cb, &ticked, NULL);
      g_source_attach (tick, NULL);
      while (!ticked && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      g_source_destroy (tick);
    }
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static void
quit_instance (Fixture     *f,
               GSubprocess *primary)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert (f != NULL);
  g_assert (G_IS_SUBPROCESS (primary));

  /* The application's own Quit action, as the window's menu runs it. */
  path = g_strdelimit (g_strdup_printf ("/%s", APPLICATION_ID), ".", '/');
  g_dbus_connection_call_sync (f->bus, APPLICATION_ID, path, "org.gtk.Actions", "Activate",
                               g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                               G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (primary, NULL, &error));
  g_assert_no_error (error);
}

static void
test_second_launch_opens_files (Fixture      *f,
                                gconstpointer data)
{
  g_autofree char *story = g_build_filename (f->home, "ferry.md", NULL);
  g_autofree char *second = g_build_filename (f->home, "tram.md", NULL);
  g_autoptr (GSubprocess) primary = NULL;
  g_autoptr (GSubprocess) opener = NULL;
  g_autoptr (GSubprocess) open_uuid = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;

  g_assert_true (g_file_set_contents (story, "# Ferry strike ends\n\nCrews return.\n", -1, NULL));
  g_assert_true (g_file_set_contents (second, "# Tram works delayed\n\nLines close.\n", -1, NULL));
  g_assert_false (name_has_owner (f));

  primary = launch (f, NULL);
  wait_until (f, owned_condition, NULL);

  /* The file manager's `copydesk %F`: the launch hands the file to the
   * running window and ends; the window imports it. */
  opener = launch (f, story, NULL);
  g_assert_true (g_subprocess_wait_check (opener, NULL, &error));
  g_assert_no_error (error);
  wait_until (f, imported_condition, "Ferry strike ends");

  /* A file URI works the same way. */
  g_clear_object (&opener);
  {
    g_autofree char *uri = g_filename_to_uri (second, NULL, NULL);

    opener = launch (f, uri, NULL);
  }
  g_assert_true (g_subprocess_wait_check (opener, NULL, &error));
  wait_until (f, imported_condition, "Tram works delayed");

  /* `copydesk open UUID` from a second launch reaches the running window. */
  uuid = find_article (f, "Ferry strike ends");
  open_uuid = launch (f, "open", uuid, NULL);
  g_assert_true (g_subprocess_wait_check (open_uuid, NULL, &error));
  g_assert_no_error (error);

  /* Still one instance: the first process owns the name until it quits. */
  g_assert_true (name_has_owner (f));
  quit_instance (f, primary);
}

/* An argument that is neither a command nor a file is still answered by
 * the command line, not taken for a file to open. */
static void
test_unknown_word_is_not_a_file (Fixture      *f,
                                 gconstpointer data)
{
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_launcher_set_flags (f->launcher, G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = launch (f, "lsit", NULL);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_nonnull (strstr (err, "lsit"));
  g_assert_false (name_has_owner (f));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/app/open/second-launch-opens-files", test_second_launch_opens_files);
  ADD ("/app/open/unknown-word-is-not-a-file", test_unknown_word_is_not_a_file);
#undef ADD

  return g_test_run ();
}
