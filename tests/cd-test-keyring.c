/* cd-test-keyring.c: a private session bus with an unlocked throwaway
 * GNOME Keyring, for tests of passwords in the Secret Service.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-test-keyring"

#include "config.h"

#include <signal.h>

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "cd-test-keyring.h"
#include "cd-test-wordpress.h"

static GTestDBus   *bus;
static GSubprocess *keyring;
static char        *keyring_home;

/**
 * cd_test_keyring_start:
 * @error: return location for a #GError
 *
 * Starts a private session bus (GTestDBus, which points
 * DBUS_SESSION_BUS_ADDRESS at it for this process and its children) and an
 * unlocked GNOME Keyring on it, with its files in a temporary home.
 *
 * Returns: %TRUE when the Secret Service answers on the bus
 */
gboolean
cd_test_keyring_start (GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GDBusConnection) connection = NULL;
  g_autofree char *data = NULL;
  g_autofree char *runtime = NULL;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GOutputStream   *input;

  /* GTestDBus unsets DISPLAY (against X11 autolaunch); window tests need it
   * back. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  keyring_home = g_dir_make_tmp ("copydesk-keyring-XXXXXX", error);
  if (keyring_home == NULL)
    return FALSE;
  data = g_build_filename (keyring_home, "data", NULL);
  runtime = g_build_filename (keyring_home, "runtime", NULL);
  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (runtime, 0700);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", keyring_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  keyring = g_subprocess_launcher_spawn (launcher, error, "gnome-keyring-daemon", "--foreground",
                                         "--unlock", "--components=secrets", NULL);
  if (keyring == NULL)
    return FALSE;
  /* --unlock reads the new login keyring's password from standard input. */
  input = g_subprocess_get_stdin_pipe (keyring);
  if (!g_output_stream_write_all (input, "test", 4, NULL, NULL, error) ||
      !g_output_stream_close (input, NULL, error))
    return FALSE;

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  if (connection == NULL)
    return FALSE;
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr (GVariant) reply = NULL;
      gboolean owned = FALSE;

      reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                           "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                           "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                           NULL, error);
      if (reply == NULL)
        return FALSE;
      g_variant_get (reply, "(b)", &owned);
      if (owned)
        return TRUE;
      g_usleep (50 * 1000);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
               "gnome-keyring-daemon did not take org.freedesktop.secrets on the test bus");
  return FALSE;
}

/**
 * cd_test_keyring_stop:
 *
 * Stops the keyring and the bus, and removes the keyring's files.
 */
void
cd_test_keyring_stop (void)
{
  secret_service_disconnect ();
  if (keyring != NULL)
    {
      g_subprocess_send_signal (keyring, SIGTERM);
      g_subprocess_wait (keyring, NULL, NULL);
      g_clear_object (&keyring);
    }
  if (bus != NULL)
    {
      /* libsecret keeps its bus connection for the life of the process, and
       * both g_test_dbus_down() and the last unref would wait in vain for it
       * to go: stop the daemon and let the object go with the process. */
      g_test_dbus_stop (bus);
    }
  if (keyring_home != NULL)
    cd_test_remove_tree (keyring_home);
  g_clear_pointer (&keyring_home, g_free);
}
