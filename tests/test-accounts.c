/* test-accounts.c: accounts, `copydesk account`, and their passwords in a
 * real GNOME Keyring, against a real WordPress.
 *
 * The program brings its own session bus and an unlocked throwaway keyring
 * (cd-test-keyring.c), so it neither needs nor touches the keyring of
 * whoever runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <sqlite3.h>

#include "cd-account.h"
#include "cd-secrets.h"
#include "cd-sync-db-private.h"
#include "cd-test-keyring.h"
#include "cd-test-wordpress.h"

static CdTestWordpress *wp;
static char            *setup_error;
static gboolean         keyring;

typedef struct
{
  char *data_dir;
} Fixture;

static gboolean
need_setup (void)
{
  if (wp != NULL && keyring)
    return TRUE;
  if (cd_test_wordpress_disabled ())
    g_test_skip ("COPYDESK_TEST_NO_WORDPRESS=1: account tests need WordPress; skipped on request");
  else
    g_test_fail_printf ("Setting up failed: %s", setup_error);
  return FALSE;
}

/* memmem, which needs _GNU_SOURCE: files may hold NUL bytes. */
static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; needle_length <= length && i <= length - needle_length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("copydesk-accounts-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  cd_test_remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

/* Runs copydesk with @input on standard input. While it waits for that
 * input, checks that @secret is in no process's arguments. */
static int
run_copydesk (const char *data_dir,
              const char *input,
              const char *secret,
              const char *bus_address,
              char      **out,
              char      **err,
              ...)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list     args;

  g_ptr_array_add (argv, (char *) g_getenv ("COPYDESK_BIN"));
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, (char *) data_dir);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (bus_address != NULL)
    g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);

  if (secret != NULL)
    {
      g_autoptr (GDir) proc = g_dir_open ("/proc", 0, &error);
      const char *pid;
      guint       checked = 0;

      g_assert_no_error (error);
      while ((pid = g_dir_read_name (proc)) != NULL)
        {
          g_autofree char *path = g_build_filename ("/proc", pid, "cmdline", NULL);
          g_autofree char *cmdline = NULL;
          gsize            length = 0;

          if (!g_ascii_isdigit (pid[0]) || !g_file_get_contents (path, &cmdline, &length, NULL))
            continue;
          g_assert_false (contains_bytes (cmdline, length, secret));
          checked++;
        }
      g_assert_cmpuint (checked, >, 1);
    }

  g_subprocess_communicate_utf8 (process, input, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return contains_bytes (contents, length, needle);
}

/* No file under @dir (the store, its WAL and shared memory) holds @secret. */
static void
assert_not_on_disk (const char *dir,
                    const char *secret)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_not_on_disk (path, secret);
      else
        g_assert_false (file_contains (path, secret));
    }
}

static CdAccount *
load_account (const char *data_dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (data_dir, "copydesk.db", NULL);
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (GError) error = NULL;
  CdAccount *account;

  db = cd_sync_db_open_path (path, &error);
  g_assert_no_error (error);
  account = cd_account_load (db, name, &error);
  if (account == NULL)
    g_assert_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_NOT_FOUND);
  return account;
}

static guint
count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      lines++;
  return lines;
}

static void
test_add (Fixture      *fixture,
          gconstpointer data)
{
  g_autofree char *input = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *list = NULL;
  g_autofree char *list_err = NULL;
  g_autofree char *stored = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (CdAccount) moved = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *moved_url = NULL;
  g_autofree char *moved_out = NULL;
  g_autofree char *moved_err = NULL;
  g_autofree char *old_secret = NULL;
  char            *password;
  int              status;

  if (!need_setup ())
    return;

  input = g_strconcat (wp->password, "\n", NULL);
  status = run_copydesk (fixture->data_dir, input, wp->password, NULL, &out, &err,
                         "account", "add", "newsroom", "--url", wp->url, "--user", wp->user,
                         NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "newsroom"));
  g_assert_null (strstr (out, wp->password));

  /* The row, without the password. */
  account = load_account (fixture->data_dir, "newsroom");
  g_assert_nonnull (account);
  g_assert_cmpstr (cd_account_get_kind (account), ==, "wordpress");
  g_assert_cmpstr (cd_account_get_url (account), ==, wp->url);
  g_assert_cmpstr (cd_account_get_user (account), ==, wp->user);
  assert_not_on_disk (fixture->data_dir, wp->password);

  /* The password, in the keyring, under the schema's attributes. */
  stored = secret_password_lookup_sync (cd_secrets_get_schema (), NULL, &error,
                                        "account", "newsroom", "url", wp->url,
                                        "user", wp->user, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, wp->password);
  password = cd_account_lookup_password (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, wp->password);
  cd_secrets_free (password);

  status = run_copydesk (fixture->data_dir, "", NULL, NULL, &list, &list_err,
                         "account", "list", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (list, "newsroom\t"));
  g_assert_nonnull (strstr (list, wp->url));
  g_assert_nonnull (strstr (list, "password in keyring: yes"));
  g_assert_null (strstr (list, wp->password));

  /* Added again under another address of the same site: the row follows,
   * and the password stored for the old address goes. */
  moved_url = g_strdup_printf ("http://localhost:%s", strrchr (wp->url, ':') + 1);
  status = run_copydesk (fixture->data_dir, input, wp->password, NULL, &moved_out, &moved_err,
                         "account", "add", "newsroom", "--url", moved_url, "--user", wp->user,
                         NULL);
  g_assert_cmpstr (moved_err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (moved_out, "updated"));
  moved = load_account (fixture->data_dir, "newsroom");
  g_assert_cmpstr (cd_account_get_url (moved), ==, moved_url);
  old_secret = cd_secrets_lookup ("newsroom", wp->url, wp->user, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (old_secret);
  password = cd_account_lookup_password (moved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, wp->password);
  cd_secrets_free (password);

  /* Tidy the keyring for the other tests. */
  g_assert_true (cd_secrets_clear ("newsroom", moved_url, wp->user, NULL, &error));
  g_assert_no_error (error);
}

/* A second account for the same user on the same site would pull every
 * post twice: refused, naming the first, with nothing stored. */
static void
test_same_login_refused (Fixture      *fixture,
                         gconstpointer data)
{
  g_autofree char *input = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *again_out = NULL;
  g_autofree char *again_err = NULL;
  g_autofree char *rest_url = NULL;
  g_autofree char *loud_user = NULL;
  g_autofree char *stored = NULL;
  g_autoptr (CdAccount) first = NULL;
  g_autoptr (CdAccount) second = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (!need_setup ())
    return;

  input = g_strconcat (wp->password, "\n", NULL);
  rest_url = g_strconcat (wp->url, "/wp-json/", NULL);
  status = run_copydesk (fixture->data_dir, input, NULL, NULL, &out, &err, "account", "add", "a1",
                         "--url", rest_url, "--user", wp->user, NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  /* Stored as the site's address, not the REST API's. */
  first = load_account (fixture->data_dir, "a1");
  g_assert_nonnull (first);
  g_assert_cmpstr (cd_account_get_url (first), ==, wp->url);

  loud_user = g_ascii_strup (wp->user, -1);
  status = run_copydesk (fixture->data_dir, input, NULL, NULL, &again_out, &again_err, "account",
                         "add", "a3", "--url", wp->url, "--user", loud_user, NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpstr (again_out, ==, "");
  g_assert_nonnull (strstr (again_err, "“a1”"));
  g_assert_cmpuint (count_lines (again_err), ==, 1);
  second = load_account (fixture->data_dir, "a3");
  g_assert_null (second);
  stored = cd_secrets_lookup ("a3", wp->url, loud_user, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stored);

  g_assert_true (cd_secrets_clear ("a1", wp->url, wp->user, NULL, &error));
  g_assert_no_error (error);
}

static void
test_wrong_password (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stored = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  const char *wrong = "Wrong0Application0Pass99";
  int         status;

  if (!need_setup ())
    return;

  status = run_copydesk (fixture->data_dir, "Wrong0Application0Pass99\n", wrong, NULL, &out,
                         &err, "account", "add", "mistyped", "--url", wp->url,
                         "--user", wp->user, NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "did not accept the application password"));
  g_assert_null (strstr (err, wrong));

  account = load_account (fixture->data_dir, "mistyped");
  g_assert_null (account);
  stored = cd_secrets_lookup ("mistyped", wp->url, wp->user, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
  assert_not_on_disk (fixture->data_dir, wrong);
}

static void
test_no_secret_service (Fixture      *fixture,
                        gconstpointer data)
{
  g_autofree char *input = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *nowhere = NULL;
  g_autofree char *address = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (!need_setup ())
    return;

  /* A bus address where nothing listens: no Secret Service at all. */
  nowhere = g_build_filename (fixture->data_dir, "no-bus-here", NULL);
  address = g_strconcat ("unix:path=", nowhere, NULL);
  input = g_strconcat (wp->password, "\n", NULL);
  status = run_copydesk (fixture->data_dir, input, wp->password, address, &out, &err,
                         "account", "add", "lonely", "--url", wp->url, "--user", wp->user,
                         NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "keyring"));
  g_assert_null (strstr (err, wp->password));
  g_assert_cmpstr (out, ==, "");

  /* Nothing stored: no row, nothing on disk, nothing in the real keyring. */
  account = load_account (fixture->data_dir, "lonely");
  g_assert_null (account);
  assert_not_on_disk (fixture->data_dir, wp->password);
  stored = cd_secrets_lookup ("lonely", wp->url, wp->user, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
}

static void
test_refuses_argv_password (Fixture      *fixture,
                            gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *empty_out = NULL;
  g_autofree char *empty_err = NULL;
  g_autoptr (CdAccount) account = NULL;
  int status;

  if (!need_setup ())
    return;

  status = run_copydesk (fixture->data_dir, "", NULL, NULL, &out, &err, "account", "add",
                         "typed", "--url", wp->url, "--user", wp->user,
                         "--password", "in-plain-sight", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "standard input"));

  /* No password on standard input at all. */
  status = run_copydesk (fixture->data_dir, "", NULL, NULL, &empty_out, &empty_err,
                         "account", "add", "typed", "--url", wp->url, "--user", wp->user,
                         NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpuint (count_lines (empty_err), ==, 1);
  account = load_account (fixture->data_dir, "typed");
  g_assert_null (account);
}

static void
test_remove (Fixture      *fixture,
             gconstpointer data)
{
  g_autofree char *input = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *removed_out = NULL;
  g_autofree char *removed_err = NULL;
  g_autofree char *stored = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (!need_setup ())
    return;

  input = g_strconcat (wp->password, "\n", NULL);
  status = run_copydesk (fixture->data_dir, input, NULL, NULL, &out, &err,
                         "account", "add", "shortlived", "--url", wp->url, "--user", wp->user,
                         NULL);
  g_assert_cmpint (status, ==, 0);
  status = run_copydesk (fixture->data_dir, "", NULL, NULL, &removed_out, &removed_err,
                         "account", "remove", "shortlived", NULL);
  g_assert_cmpint (status, ==, 0);
  account = load_account (fixture->data_dir, "shortlived");
  g_assert_null (account);
  stored = cd_secrets_lookup ("shortlived", wp->url, wp->user, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
}

static char *
verify_account (CdAccount *account,
                GError   **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cd_account_verify_async (account, NULL, cd_test_store_result, &result);
  return cd_account_verify_finish (account, cd_test_await (&result), error);
}

static void
test_verify (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *wrong = NULL;

  if (!need_setup ())
    return;

  /* "Test connection" as the Accounts page runs it. */
  account = cd_account_new ("checked", "wordpress", wp->url, wp->user, &error);
  g_assert_no_error (error);
  missing = verify_account (account, &error);
  g_assert_null (missing);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "keyring holds no password"));
  g_clear_error (&error);

  g_assert_true (cd_secrets_store ("checked", wp->url, wp->user, wp->password, NULL, &error));
  g_assert_no_error (error);
  name = verify_account (account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "admin");

  /* A password revoked on the site since it was stored. */
  g_assert_true (cd_secrets_store ("checked", wp->url, wp->user, "Revoked0Password0000000", NULL,
                                   &error));
  wrong = verify_account (account, &error);
  g_assert_null (wrong);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH);
  g_assert_null (strstr (error->message, "Revoked0Password"));
  g_clear_error (&error);

  g_assert_true (cd_secrets_clear ("checked", wp->url, wp->user, NULL, &error));
  g_assert_no_error (error);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The first row of @sql's answer, its columns joined by "|", read through a
 * connection of the test's own (as another process would see the file);
 * NULL when there is no row. */
static char *
query_row (const char *path,
           const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString      *row = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row = g_string_new (NULL);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (row, "%s%s", i > 0 ? "|" : "", text != NULL ? text : "");
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return row != NULL ? g_string_free (row, FALSE) : NULL;
}

static void
test_sync_db_versions (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *old_path = g_build_filename (fixture->data_dir, "old.db", NULL);
  g_autofree char *new_path = g_build_filename (fixture->data_dir, "new.db", NULL);
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdSyncDb) refused = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sync_row = NULL;

  /* A file from the first version, with an account and a sync row in it,
   * migrates forward and keeps them. */
  exec_sql (old_path,
            "CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT);"
            "INSERT INTO sync_meta VALUES ('schema_version', '1');"
            "CREATE TABLE accounts (name TEXT PRIMARY KEY, kind TEXT NOT NULL,"
            "  url TEXT NOT NULL, user TEXT NOT NULL, created INTEGER NOT NULL);"
            "CREATE TABLE sync_state (article_uuid TEXT NOT NULL, account TEXT NOT NULL,"
            "  remote_id TEXT, remote_modified TEXT, base_json TEXT,"
            "  state TEXT NOT NULL DEFAULT 'pending', error TEXT,"
            "  PRIMARY KEY (article_uuid, account));"
            "INSERT INTO accounts VALUES ('old', 'wordpress', 'https://old.example.org', 'me', 1);"
            "INSERT INTO sync_state (article_uuid, account, remote_id, state)"
            "  VALUES ('0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11', 'old', '42', 'synced');");
  db = cd_sync_db_open_path (old_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_sync_db_get_schema_version (db), >=, 1);
  account = cd_account_load (db, "old", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_account_get_url (account), ==, "https://old.example.org");
  sync_row = query_row (old_path, "SELECT remote_id, state FROM sync_state");
  g_assert_cmpstr (sync_row, ==, "42|synced");
  g_clear_object (&db);

  /* A file written by a newer Copydesk is refused, not damaged. */
  exec_sql (new_path,
            "CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT);"
            "INSERT INTO sync_meta VALUES ('schema_version', '999');");
  refused = cd_sync_db_open_path (new_path, &error);
  g_assert_null (refused);
  g_assert_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, new_path));
}

static void
test_model (Fixture      *fixture,
            gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "copydesk.db", NULL);
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdSyncDb) again = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (CdAccount) loaded = NULL;
  g_autoptr (CdAccount) bad = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *version = NULL;
  g_autofree char *expected_version = NULL;

  /* Addresses are checked and tidied. */
  url = cd_account_normalize_url ("HTTPS://news.example.org/", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "https://news.example.org");
  g_clear_pointer (&url, g_free);
  /* The REST API's address, as copied from a site's settings, is the site's. */
  url = cd_account_normalize_url ("https://News.Example.org/blog/wp-json/", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "https://news.example.org/blog");
  g_clear_pointer (&url, g_free);
  url = cd_account_normalize_url ("http://news.example.org:8080/wp-json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "http://news.example.org:8080");
  bad = cd_account_new ("news", "wordpress", "https://me:secret@news.example.org", "me", &error);
  g_assert_null (bad);
  g_assert_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID);
  g_assert_null (strstr (error->message, "secret"));
  g_clear_error (&error);
  bad = cd_account_new ("news", "wordpress", "ftp://news.example.org", "me", &error);
  g_assert_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);
  bad = cd_account_new ("two words", "wordpress", "https://news.example.org", "me", &error);
  g_assert_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);
  bad = cd_account_new ("news", "ghost", "https://news.example.org", "me", &error);
  g_assert_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);

  /* The sync tables, versioned. */
  db = cd_sync_db_open_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_sync_db_get_schema_version (db), >=, 1);
  version = query_row (path, "SELECT value FROM sync_meta WHERE key = 'schema_version'");
  expected_version = g_strdup_printf ("%d", cd_sync_db_get_schema_version (db));
  g_assert_cmpstr (version, ==, expected_version);

  account = cd_account_new ("news", "wordpress", "https://news.example.org/", "me", &error);
  g_assert_no_error (error);
  g_assert_true (cd_account_save (account, db, &error));
  g_assert_no_error (error);

  /* A second connection (as another process would open it) sees it, and
   * opening again migrates nothing. */
  again = cd_sync_db_open_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_sync_db_get_schema_version (again), ==,
                   cd_sync_db_get_schema_version (db));
  loaded = cd_account_load (again, "news", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_account_get_url (loaded), ==, "https://news.example.org");
  g_assert_cmpstr (cd_account_get_user (loaded), ==, "me");
  g_assert_cmpint (g_date_time_to_unix (cd_account_get_created (loaded)), ==,
                   g_date_time_to_unix (cd_account_get_created (account)));
  accounts = cd_account_list (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);

  g_assert_true (cd_account_delete (db, "news", &error));
  g_assert_no_error (error);
  g_assert_false (cd_account_delete (db, "news", &error));
  g_assert_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_NOT_FOUND);
}

/* The core calls the command line and the Accounts page share. */

static CdSyncDb *
open_db (const char *path)
{
  g_autoptr (GError) error = NULL;
  CdSyncDb *db = cd_sync_db_open_path (path, &error);

  g_assert_no_error (error);
  return db;
}

static CdAccount *
new_account (const char *name,
             const char *url)
{
  g_autoptr (GError) error = NULL;
  CdAccount *account = cd_account_new (name, "wordpress", url, wp->user, &error);

  g_assert_no_error (error);
  return account;
}

static char *
add_account (CdAccount  *account,
             CdSyncDb   *db,
             const char *password,
             gboolean   *replaced,
             GError    **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cd_account_add_async (account, db, password, NULL, cd_test_store_result, &result);
  return cd_account_add_finish (account, cd_test_await (&result), replaced, error);
}

static gboolean
remove_account (CdSyncDb   *db,
                const char *name,
                GError    **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cd_account_remove_async (db, name, NULL, cd_test_store_result, &result);
  return cd_account_remove_finish (db, cd_test_await (&result), error);
}

/* What the keyring holds for the account (NULL for nothing), as a copy in
 * ordinary memory. */
static char *
stored_password (const char *name,
                 const char *url,
                 const char *user)
{
  g_autoptr (GError) error = NULL;
  char *secret = cd_secrets_lookup (name, url, user, NULL, &error);
  char *copy;

  g_assert_no_error (error);
  copy = g_strdup (secret);
  cd_secrets_free (secret);
  return copy;
}

static SecretCollection *
default_collection (SecretService **service)
{
  g_autoptr (GError) error = NULL;
  SecretCollection *collection;

  *service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (*service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  return collection;
}

/* A locked keyring refuses new items: the keyring step of an add fails,
 * as it does for a person whose keyring is locked. */
static void
lock_keyring (void)
{
  g_autoptr (SecretService) service = NULL;
  g_autoptr (SecretCollection) collection = default_collection (&service);
  g_autoptr (GError) error = NULL;
  GList list = { collection, NULL, NULL };

  g_assert_cmpint (secret_service_lock_sync (service, &list, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
}

/* Unlocking would ask for the password in a prompt, which the test bus
 * does not have; GNOME Keyring takes it over D-Bus instead, in a plain
 * (unencrypted) session, which is fine for a throwaway keyring. */
static void
unlock_keyring (void)
{
  g_autoptr (SecretService) service = NULL;
  g_autoptr (SecretCollection) collection = default_collection (&service);
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (GVariant) session = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  const char *session_path = NULL;
  GVariant   *secret;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  session = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets",
                                         "/org/freedesktop/secrets",
                                         "org.freedesktop.Secret.Service", "OpenSession",
                                         g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                                         G_VARIANT_TYPE ("(vo)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                         &error);
  g_assert_no_error (error);
  g_variant_get_child (session, 1, "&o", &session_path);
  /* The throwaway keyring's password: see cd-test-keyring.c. */
  secret = g_variant_new ("(o@ay@ays)", session_path,
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "test", 4, 1),
                          "text/plain");
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                       "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
                                       "UnlockWithMasterPassword",
                                       g_variant_new ("(o@(oayays))",
                                                      g_dbus_proxy_get_object_path (
                                                          G_DBUS_PROXY (collection)),
                                                      secret),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                               "org.freedesktop.Secret.Session", "Close", NULL, NULL,
                               G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
}

/* A password over plain http to a host off this machine would cross the
 * network in clear text: `account add` refuses before it reads one, and so
 * does the core call the Accounts page uses; nothing is kept. Loopback
 * http (the test WordPress) stays allowed, as every other test here shows. */
static void
test_refuses_plain_http (Fixture      *fixture,
                         gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "copydesk.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *name = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (CdAccount) loaded = NULL;
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = run_copydesk (fixture->data_dir, "abcd efgh ijkl mnop\n", NULL, NULL, &out, &err,
                         "account", "add", "plain", "--url", "http://news.example.org",
                         "--user", "editor", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "plain http"));
  g_assert_nonnull (strstr (err, "news.example.org"));
  g_assert_nonnull (strstr (err, "https://"));
  g_assert_null (load_account (fixture->data_dir, "plain"));

  db = open_db (path);
  account = cd_account_new ("plain", CD_ACCOUNT_KIND_WORDPRESS, "http://news.example.org",
                            "editor", &error);
  g_assert_no_error (error);
  name = add_account (account, db, "abcd efgh ijkl mnop", NULL, &error);
  g_assert_null (name);
  g_assert_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INSECURE);
  g_assert_nonnull (strstr (error->message, "https://"));
  loaded = cd_account_load (db, "plain", NULL);
  g_assert_null (loaded);
}

static void
test_add_remove_api (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "copydesk.db", NULL);
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (CdAccount) again = NULL;
  g_autoptr (CdAccount) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *second = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *gone = NULL;
  gboolean         replaced = TRUE;

  if (!need_setup ())
    return;

  db = open_db (path);
  account = new_account ("core", wp->url);

  name = add_account (account, db, wp->password, &replaced, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "admin");
  g_assert_false (replaced);
  loaded = cd_account_load (db, "core", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_account_get_url (loaded), ==, wp->url);
  secret = stored_password ("core", wp->url, wp->user);
  g_assert_cmpstr (secret, ==, wp->password);
  assert_not_on_disk (fixture->data_dir, wp->password);

  /* The same account again: replaced, one row. */
  again = new_account ("core", wp->url);
  second = add_account (again, db, wp->password, &replaced, &error);
  g_assert_no_error (error);
  g_assert_true (replaced);

  g_assert_true (remove_account (db, "core", &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = cd_account_load (db, "core", &error);
  g_assert_null (loaded);
  g_assert_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  gone = stored_password ("core", wp->url, wp->user);
  g_assert_null (gone);

  g_assert_false (remove_account (db, "core", &error));
  g_assert_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“core”"));
}

/* A port on this machine where nothing listens, as a site that cannot
 * be reached. */
static char *
unreachable_url (void)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GError) error = NULL;
  guint16 port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return g_strdup_printf ("http://127.0.0.1:%u", port);
}

/* Offline, the account is added unchecked (an empty display name), with
 * its row and its password kept: the first sync that reaches the site
 * checks it. */
static void
test_add_offline (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "copydesk.db", NULL);
  g_autofree char *url = unreachable_url ();
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (CdAccount) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *secret = NULL;

  if (!need_setup ())
    return;

  db = open_db (path);
  account = new_account ("train", url);
  name = add_account (account, db, "abcd efgh ijkl mnop", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "");
  loaded = cd_account_load (db, "train", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_account_get_url (loaded), ==, url);
  secret = stored_password ("train", url, wp->user);
  g_assert_cmpstr (secret, ==, "abcd efgh ijkl mnop");
  g_assert_true (remove_account (db, "train", &error));
  g_assert_no_error (error);
}

/* The keyring step fails (a locked keyring): the password was checked,
 * but no row is written for a new account, and an account being re-added
 * under a new address keeps its row and its earlier password. */
static void
test_add_keyring_fails (Fixture      *fixture,
                        gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "copydesk.db", NULL);
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdAccount) fresh = NULL;
  g_autoptr (CdAccount) old = NULL;
  g_autoptr (CdAccount) moved = NULL;
  g_autoptr (CdAccount) loaded = NULL;
  g_autoptr (CdAccount) not_added = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *moved_name = NULL;
  g_autofree char *fresh_secret = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *old_secret = NULL;
  g_autofree char *moved_url = NULL;

  if (!need_setup ())
    return;

  db = open_db (path);
  /* An account kept before, under the site's other name. */
  moved_url = g_strdup_printf ("http://localhost:%s", strrchr (wp->url, ':') + 1);
  old = new_account ("kept", moved_url);
  g_assert_true (cd_account_save (old, db, &error));
  g_assert_true (cd_secrets_store ("kept", moved_url, wp->user, wp->password, NULL, &error));
  g_assert_no_error (error);

  fresh = new_account ("fresh", wp->url);
  moved = new_account ("kept", wp->url);

  lock_keyring ();
  name = add_account (fresh, db, wp->password, NULL, &error);
  g_assert_null (name);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_NO_SECRET_SERVICE);
  g_clear_error (&error);
  moved_name = add_account (moved, db, wp->password, NULL, &error);
  g_assert_null (moved_name);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_NO_SECRET_SERVICE);
  g_assert_nonnull (strstr (error->message, "keyring"));
  g_assert_null (strstr (error->message, wp->password));
  g_clear_error (&error);
  unlock_keyring ();

  not_added = cd_account_load (db, "fresh", &error);
  g_assert_null (not_added);
  g_assert_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  fresh_secret = stored_password ("fresh", wp->url, wp->user);
  g_assert_null (fresh_secret);
  loaded = cd_account_load (db, "kept", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_account_get_url (loaded), ==, moved_url);
  secret = stored_password ("kept", wp->url, wp->user);
  g_assert_null (secret);
  old_secret = stored_password ("kept", moved_url, wp->user);
  g_assert_cmpstr (old_secret, ==, wp->password);
  assert_not_on_disk (fixture->data_dir, wp->password);

  g_assert_true (remove_account (db, "kept", &error));
  g_assert_no_error (error);
}

/* The row step fails (SQLite refuses the write): the keyring goes back to
 * what it held, for a new account (nothing) and for one re-added (its
 * earlier password). */
static void
test_add_row_fails (Fixture      *fixture,
                    gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "copydesk.db", NULL);
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdAccount) fresh = NULL;
  g_autoptr (CdAccount) old = NULL;
  g_autoptr (CdAccount) again = NULL;
  g_autoptr (CdAccount) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *again_name = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *old_secret = NULL;
  g_autofree char *row = NULL;
  const char      *earlier = "Earlier0Password0000000";

  if (!need_setup ())
    return;

  db = open_db (path);
  exec_sql (path, "CREATE TRIGGER refuse_insert BEFORE INSERT ON accounts"
                  " BEGIN SELECT RAISE (ABORT, 'the test refuses the row'); END;"
                  "CREATE TRIGGER refuse_update BEFORE UPDATE ON accounts"
                  " BEGIN SELECT RAISE (ABORT, 'the test refuses the row'); END;");

  fresh = new_account ("fresh", wp->url);
  name = add_account (fresh, db, wp->password, NULL, &error);
  g_assert_null (name);
  g_assert_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "the test refuses the row"));
  g_clear_error (&error);
  secret = stored_password ("fresh", wp->url, wp->user);
  g_assert_null (secret);
  row = query_row (path, "SELECT name FROM accounts");
  g_assert_null (row);

  /* An account already there, with an earlier password in the keyring. */
  exec_sql (path, "DROP TRIGGER refuse_insert;"
                  "INSERT INTO accounts VALUES ('again', 'wordpress', '', '', 1);");
  g_clear_pointer (&row, g_free);
  row = g_strdup_printf ("UPDATE accounts SET url = '%s', user = '%s'", wp->url, wp->user);
  exec_sql (path, "DROP TRIGGER refuse_update;");
  exec_sql (path, row);
  exec_sql (path, "CREATE TRIGGER refuse_update BEFORE UPDATE ON accounts"
                  " BEGIN SELECT RAISE (ABORT, 'the test refuses the row'); END;");
  g_assert_true (cd_secrets_store ("again", wp->url, wp->user, earlier, NULL, &error));
  g_assert_no_error (error);

  again = new_account ("again", wp->url);
  again_name = add_account (again, db, wp->password, NULL, &error);
  g_assert_null (again_name);
  g_assert_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED);
  g_clear_error (&error);
  old_secret = stored_password ("again", wp->url, wp->user);
  g_assert_cmpstr (old_secret, ==, earlier);
  loaded = cd_account_load (db, "again", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_to_unix (cd_account_get_created (loaded)), ==, 1);

  /* Removing fails the same way at the row: the password goes back. */
  exec_sql (path, "CREATE TRIGGER refuse_delete BEFORE DELETE ON accounts"
                  " BEGIN SELECT RAISE (ABORT, 'the test refuses the row'); END;");
  g_assert_false (remove_account (db, "again", &error));
  g_assert_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_pointer (&old_secret, g_free);
  old_secret = stored_password ("again", wp->url, wp->user);
  g_assert_cmpstr (old_secret, ==, earlier);

  exec_sql (path, "DROP TRIGGER refuse_delete;");
  g_assert_true (remove_account (db, "again", &error));
  g_assert_no_error (error);
  g_clear_pointer (&old_secret, g_free);
  old_secret = stored_password ("again", wp->url, wp->user);
  g_assert_null (old_secret);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!cd_test_wordpress_disabled ())
    {
      if (!(keyring = cd_test_keyring_start (&error)))
        setup_error = g_strdup_printf ("no test keyring: %s", error->message);
      else if ((wp = cd_test_wordpress_start (&error)) == NULL)
        setup_error = g_strdup_printf ("WordPress could not start: %s", error->message);
      if (setup_error != NULL)
        keyring = FALSE;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/accounts/model", test_model);
  ADD ("/accounts/sync-db-versions", test_sync_db_versions);
  ADD ("/accounts/add", test_add);
  ADD ("/accounts/same-login-refused", test_same_login_refused);
  ADD ("/accounts/add-offline", test_add_offline);
  ADD ("/accounts/wrong-password", test_wrong_password);
  ADD ("/accounts/no-secret-service", test_no_secret_service);
  ADD ("/accounts/refuses-password-in-arguments", test_refuses_argv_password);
  ADD ("/accounts/refuses-plain-http", test_refuses_plain_http);
  ADD ("/accounts/remove", test_remove);
  ADD ("/accounts/verify", test_verify);
  ADD ("/accounts/add-remove-api", test_add_remove_api);
  ADD ("/accounts/add-keyring-fails", test_add_keyring_fails);
  ADD ("/accounts/add-row-fails", test_add_row_fails);

#undef ADD

  status = g_test_run ();
  cd_test_wordpress_stop (wp);
  cd_test_keyring_stop ();
  g_free (setup_error);
  return status;
}
