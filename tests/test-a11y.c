/* test-a11y.c: the accessibility tree as a screen reader reads it.
 *
 * The test starts copydesk as its own process under Xvfb and walks what
 * GTK publishes on the accessibility bus (AT-SPI over D-Bus, read here
 * with GDBus, as Orca's libatspi would): the main window (library, details,
 * editor, checks and the panes not in view), then History, Preferences
 * (every page) and the conflict window, each opened as a screen reader user
 * would, through the AT-SPI action of the button or menu item that opens
 * it. Every control a person can reach with the keyboard must have a role
 * and a human name: no empty name, no name with a mnemonic's underscore,
 * no name said twice, no name that is a class name; no button without a
 * name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-a11y"

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <sys/prctl.h>

#include "cd-account-table.h"
#include "cd-article-json.h"
#include "cd-store.h"
#include "cd-sync-db.h"
#include "cd-test-util.h"

/* AT-SPI's state bits (atspi-constants.h). */
#define STATE_FOCUSABLE 11

#define ACCESSIBLE "org.a11y.atspi.Accessible"
#define ROOT_PATH "/org/a11y/atspi/accessible/root"

typedef struct
{
  GDBusConnection *bus;
  GString         *problems;
  GHashTable      *seen;
  guint            nodes;
  guint            focusable;
  GHashTable      *roles;   /* role name → count, of focusable nodes */
  GHashTable      *buttons; /* a button's or menu item's name → "bus-name path" */
} Walk;

static GVariant *
call (GDBusConnection *bus,
      const char      *name,
      const char      *path,
      const char      *iface,
      const char      *method,
      GVariant        *args,
      const char      *reply_type)
{
  g_autoptr (GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (bus, name, path, iface, method, args,
                                       G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE, 5000,
                                       NULL, &error);
  /* An object can go away while the tree is read (a row recycled). */
  if (reply == NULL)
    g_test_message ("%s %s %s: %s", name, path, method, error->message);
  return reply;
}

static char *
get_name (GDBusConnection *bus,
          const char      *name,
          const char      *path)
{
  g_autoptr (GVariant) reply = call (bus, name, path, "org.freedesktop.DBus.Properties", "Get",
                                     g_variant_new ("(ss)", ACCESSIBLE, "Name"), "(v)");
  g_autoptr (GVariant) value = NULL;

  if (reply == NULL)
    return NULL;
  g_variant_get (reply, "(v)", &value);
  return g_variant_dup_string (value, NULL);
}

static gboolean
has_state (GVariant *states,
           guint     bit)
{
  guint32 word = 0;

  g_variant_get_child (states, bit / 32, "u", &word);
  return (word & (1u << (bit % 32))) != 0;
}

/* A class name such as "GtkToggleButton" or "AdwSplitButton". */
static gboolean
looks_like_class (const char *text)
{
  return (g_str_has_prefix (text, "Gtk") || g_str_has_prefix (text, "Adw") ||
          g_str_has_prefix (text, "Cd")) &&
         strchr (text, ' ') == NULL && g_ascii_isupper (text[g_str_has_prefix (text, "Cd") ? 2 : 3]);
}

/* "Retry Retry": a name made of one text twice. */
static gboolean
says_twice (const char *text)
{
  gsize n = strlen (text);

  return n >= 3 && n % 2 == 1 && text[n / 2] == ' ' && strncmp (text, text + n / 2 + 1, n / 2) == 0;
}

/* The roles of controls a person acts on, as GTK names them. */
static gboolean
is_actionable (const char *role)
{
  static const char *const roles[] = {
    "button",
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "menu item",
    "check menu item",
    "radio menu item",
    "link",
    "spin button",
    "slider",
    "switch",
    "text",
    "entry",
    "search box",
    "text box",
    "list item",
    "page tab",
    "password text",
    NULL,
  };

  return g_strv_contains (roles, role);
}

static void
walk_node (Walk       *walk,
           const char *name,
           const char *path,
           const char *where)
{
  g_autoptr (GVariant) role_reply = NULL;
  g_autoptr (GVariant) state_reply = NULL;
  g_autoptr (GVariant) states = NULL;
  g_autoptr (GVariant) children = NULL;
  g_autofree char *label = NULL;
  g_autofree char *here = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr (GVariant) list = NULL;
  const char      *role = NULL;
  GVariantIter     iter;
  const char      *child_name, *child_path;
  g_autofree char *key = g_strconcat (name, path, NULL);

  if (!g_hash_table_add (walk->seen, g_steal_pointer (&key)))
    return;
  walk->nodes++;
  role_reply = call (walk->bus, name, path, ACCESSIBLE, "GetRoleName", NULL, "(s)");
  state_reply = call (walk->bus, name, path, ACCESSIBLE, "GetState", NULL, "(au)");
  label = get_name (walk->bus, name, path);
  if (role_reply == NULL || state_reply == NULL || label == NULL)
    return;
  g_variant_get (role_reply, "(&s)", &role);
  states = g_variant_get_child_value (state_reply, 0);
  here = g_strdup_printf ("%s > %s “%s”", where, role, label);

  stripped = g_strdup (label);

  /* GTK 4.8 says SHOWING of windows only, so every widget the tree holds
   * (GTK leaves hidden ones out) is read, a stack's pages not in view too. */
  if (has_state (states, STATE_FOCUSABLE) || is_actionable (role))
    {
      walk->focusable++;
      g_hash_table_replace (
          walk->roles, g_strdup (role),
          GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (walk->roles, role)) + 1));
    }
  children = call (walk->bus, name, path, ACCESSIBLE, "GetChildren", NULL, "(a(so))");
  if (children == NULL)
    return;
  list = g_variant_get_child_value (children, 0);
  /* A list's row GTK made ahead and has not filled (a closed drop down's
   * spare row) holds nothing to read and cannot be reached. */
  if (g_str_equal (role, "list item") && *label == '\0' && g_variant_n_children (list) == 0)
    return;
  if (g_str_equal (role, "push button") || g_str_equal (role, "button") ||
      g_str_equal (role, "toggle button") || g_str_equal (role, "menu item"))
    g_hash_table_insert (walk->buttons, g_strdup (label), g_strdup_printf ("%s %s", name, path));
  if (is_actionable (role))
    {
      if (*g_strstrip (stripped) == '\0')
        g_string_append_printf (walk->problems, "no name: %s\n", here);
      if (strchr (label, '_') != NULL)
        g_string_append_printf (walk->problems, "a mnemonic in the name: %s\n", here);
      if (says_twice (label))
        g_string_append_printf (walk->problems, "a name said twice: %s\n", here);
      if (looks_like_class (label))
        g_string_append_printf (walk->problems, "a class name for a name: %s\n", here);
    }
  else if (has_state (states, STATE_FOCUSABLE) &&
           (*role == '\0' || g_str_equal (role, "invalid") || g_str_equal (role, "unknown")))
    g_string_append_printf (walk->problems, "no role: %s\n", here);

  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&s&o)", &child_name, &child_path))
    walk_node (walk, child_name, child_path, here);
}

static GDBusConnection *
open_a11y_bus (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr (GVariant) reply = NULL;
  const char      *address;
  GDBusConnection *bus;

  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                       "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(&s)", &address);
  bus = g_dbus_connection_new_for_address_sync (
      address,
      G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
      NULL, NULL, &error);
  g_assert_no_error (error);
  return bus;
}

/* The application's root on the bus: the registry's child whose name is
 * the program's. */
static gboolean
find_app (GDBusConnection *bus,
          char           **app_name,
          char           **app_path)
{
  g_autoptr (GVariant) children = call (bus, "org.a11y.atspi.Registry", ROOT_PATH, ACCESSIBLE,
                                        "GetChildren", NULL, "(a(so))");
  g_autoptr (GVariant) list = NULL;
  GVariantIter iter;
  const char  *name, *path;

  if (children == NULL)
    return FALSE;
  list = g_variant_get_child_value (children, 0);
  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&s&o)", &name, &path))
    {
      g_autofree char *label = get_name (bus, name, path);

      if (label != NULL && g_strrstr (label, "opydesk") != NULL)
        {
          *app_name = g_strdup (name);
          *app_path = g_strdup (path);
          return TRUE;
        }
    }
  return FALSE;
}

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->seen, g_hash_table_unref);
  g_clear_pointer (&walk->roles, g_hash_table_unref);
  g_clear_pointer (&walk->buttons, g_hash_table_unref);
  if (walk->problems != NULL)
    g_string_free (g_steal_pointer (&walk->problems), TRUE);
  walk->nodes = walk->focusable = 0;
}

/* The application's window whose name has @title in it. */
static gboolean
find_window (GDBusConnection *bus,
             const char      *title,
             char           **window_name,
             char           **window_path)
{
  g_autofree char *app_name = NULL;
  g_autofree char *app_path = NULL;
  g_autoptr (GVariant) children = NULL;
  g_autoptr (GVariant) list = NULL;
  GVariantIter iter;
  const char  *name, *path;

  if (!find_app (bus, &app_name, &app_path))
    return FALSE;
  children = call (bus, app_name, app_path, ACCESSIBLE, "GetChildren", NULL, "(a(so))");
  if (children == NULL)
    return FALSE;
  list = g_variant_get_child_value (children, 0);
  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&s&o)", &name, &path))
    {
      g_autofree char *label = get_name (bus, name, path);

      if (label != NULL && strstr (label, title) != NULL)
        {
          *window_name = g_strdup (name);
          *window_path = g_strdup (path);
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  GDBusConnection *bus;
  const char      *title;
  GMainLoop       *loop;
  gboolean         found;
} Wait;

static gboolean
poll_cb (gpointer data)
{
  Wait            *wait = data;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (!find_window (wait->bus, wait->title, &name, &path))
    return G_SOURCE_CONTINUE;
  wait->found = TRUE;
  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
give_up_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Asks the registry again until the application shows a window named
 * @title, then reads that window's whole tree. */
static void
walk_window (Walk       *walk,
             const char *title)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  Wait             wait = { walk->bus, title, loop, FALSE };
  guint            poll = g_timeout_add (100, poll_cb, &wait);
  guint            give_up = g_timeout_add_seconds (60, give_up_cb, loop);

  g_main_loop_run (loop);
  g_source_remove (wait.found ? give_up : poll);
  g_assert_true (wait.found);

  walk_clear (walk);
  walk->problems = g_string_new (NULL);
  walk->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_assert_true (find_window (walk->bus, title, &name, &path));
  walk_node (walk, name, path, title);
}

/* Reads the window named @title again until a button or menu item named
 * @label is in it: a menu that a press opens is published on the bus a
 * moment after the press returns. */
static void
walk_until_button (Walk       *walk,
                   const char *title,
                   const char *label)
{
  gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  walk_window (walk, title);
  while (!g_hash_table_contains (walk->buttons, label) && g_get_monotonic_time () < give_up)
    {
      g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);

      /* Lets the bus deliver what the application published. */
      g_timeout_add (100, give_up_cb, loop);
      g_main_loop_run (loop);
      walk_window (walk, title);
    }
  if (!g_hash_table_contains (walk->buttons, label))
    g_error ("“%s” showed no button named “%s” within 60 s", title, label);
}

static void
report (Walk       *walk,
        const char *view)
{
  GHashTableIter iter;
  gpointer       role, count;

  g_test_message ("%s: %u nodes, %u focusable", view, walk->nodes, walk->focusable);
  g_hash_table_iter_init (&iter, walk->roles);
  while (g_hash_table_iter_next (&iter, &role, &count))
    g_test_message ("  %s: %u", (char *) role, GPOINTER_TO_UINT (count));
  if (walk->problems->len > 0)
    g_error ("%s:\n%s", view, walk->problems->str);
}

/* Presses the button named @label in the window walked last, as a screen
 * reader does: through its AT-SPI Action. */
static void
press (Walk       *walk,
       const char *label)
{
  const char *where = g_hash_table_lookup (walk->buttons, label);
  g_auto (GStrv) parts = NULL;
  g_autoptr (GVariant) reply = NULL;

  if (where == NULL)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      GHashTableIter iter;
      gpointer       key;

      g_hash_table_iter_init (&iter, walk->buttons);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_string_append_printf (names, " “%s”", (char *) key);
      g_error ("No button named “%s” was read; there are%s", label, names->str);
    }
  parts = g_strsplit (where, " ", 2);
  reply = call (walk->bus, parts[0], parts[1], "org.a11y.atspi.Action", "DoAction",
                g_variant_new ("(i)", 0), "(b)");
  g_assert_nonnull (reply);
}

/* Leaves @article in conflict with a site: the sync records say both sides
 * changed it, the site's side a different headline and paragraph. */
static void
put_in_conflict (CdStore   *store,
                 CdArticle *article)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSyncDb) db = cd_sync_db_open (store, &error);
  g_autoptr (CdAccountRow) account = NULL;
  g_autoptr (CdSyncRow) row = NULL;
  g_autoptr (CdArticle) theirs = cd_article_copy (article);

  g_assert_no_error (error);
  account = cd_account_row_new ("newsroom", "wordpress", "https://news.example.org", "ana", 0);
  g_assert_true (cd_account_table_put (db, account, &error));
  g_assert_no_error (error);
  cd_article_set_headline (theirs, "Council approves harbour budget after a long night");
  cd_article_set_body (theirs, "The government voted at midnight.\n\n## Reaction\n\nMore follows.");
  row = cd_sync_row_new (cd_article_get_uuid (article), "newsroom");
  row->remote_id = g_strdup ("42");
  row->remote_modified = g_strdup ("2026-12-01T09:00:00Z");
  row->base_json = cd_article_to_json (article, CD_ARTICLE_JSON_DEFAULT, FALSE);
  row->theirs_json = cd_article_to_json (theirs, CD_ARTICLE_JSON_DEFAULT, FALSE);
  row->theirs_modified = g_strdup ("2026-12-01T10:00:00Z");
  row->state = CD_SYNC_ROW_CONFLICT;
  g_assert_true (cd_sync_db_save_row (db, row, &error));
  g_assert_no_error (error);
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
test_walk (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-a11y-XXXXXX", &error);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr (GSubprocess) app = NULL;
  Walk walk = { 0 };

  g_assert_no_error (error);
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  cd_article_set_headline (article, "Council approves harbour budget");
  cd_article_set_byline (article, "Ana Ruiz");
  cd_article_set_body (article, "The goverment voted.\n\n## Reaction\n\nMore follows.");
  cd_article_touch (article);
  g_assert_true (cd_store_save_article (store, article, CD_REVISION_NONE, NULL, &error));
  g_assert_no_error (error);
  put_in_conflict (store, article);

  /* GTK publishes the tree unless GTK_A11Y says otherwise. */
  g_subprocess_launcher_unsetenv (launcher, "GTK_A11Y");
  /* A walk that fails aborts this process; the app must not outlive it
   * and keep the test runner waiting. */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  app = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("COPYDESK_BIN"), "--data-dir",
                                     dir, "open", cd_article_get_uuid (article), NULL);
  g_assert_no_error (error);

  walk.bus = open_a11y_bus ();
  walk_until_button (&walk, "Council approves harbour budget", "Resolve…");
  report (&walk, "main window");

  /* History, opened from its button. */
  press (&walk, "History");
  walk_window (&walk, "History");
  report (&walk, "history");

  /* Preferences, every page (General, Newsroom, Accounts), from the main
   * menu. */
  walk_until_button (&walk, "Council approves harbour budget", "Main Menu");
  press (&walk, "Main Menu");
  walk_until_button (&walk, "Council approves harbour budget", "Preferences");
  press (&walk, "Preferences");
  walk_window (&walk, "Preferences");
  report (&walk, "preferences");

  /* The conflict window, from the banner over the article. */
  walk_until_button (&walk, "Council approves harbour budget", "Resolve…");
  press (&walk, "Resolve…");
  walk_window (&walk, "Resolve Conflict");
  report (&walk, "conflict window");

  g_subprocess_send_signal (app, SIGTERM);
  g_subprocess_wait (app, NULL, &error);
  g_assert_no_error (error);

  walk_clear (&walk);
  g_clear_object (&walk.bus);
  g_clear_object (&store);
  cd_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/a11y/walk", test_walk);

  return g_test_run ();
}
