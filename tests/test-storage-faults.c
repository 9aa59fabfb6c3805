/* test-storage-faults.c: a store that cannot be written is still read.
 * The faults are real: a read-only bind mount (root bypasses permissions,
 * not EROFS) and a full tmpfs, in the test's own mount namespace
 * (cd-test-mounts.c); the command line runs as a person would run it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "cd-store.h"
#include "cd-sync-db.h"
#include "cd-test-mounts.h"

typedef struct
{
  char *dir;      /* the mount point: the data folder lives inside it */
  char *data_dir; /* the store's folder */
  char *uuid;     /* the article the fixture stored */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs copydesk on the fixture's store; the arguments end with NULL. */
static void
run_copydesk (Fixture    *f,
              Run        *run,
              const char *first,
              ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *bin = g_getenv ("COPYDESK_BIN");
  va_list     args;
  int         wait_status;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, f->data_dir);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f->dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* What a person is told is one line: one sentence. */
static void
assert_one_sentence (const char *err,
                     const char *says)
{
  g_assert_nonnull (strstr (err, says));
  g_assert_true (g_str_has_suffix (err, ".\n"));
  g_assert_cmpuint (strcspn (err, "\n"), ==, strlen (err) - 1);
}

static char *
store_article (const char *data_dir,
               const char *headline,
               const char *body)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (data_dir, &error);
  g_autoptr (CdArticle) article = cd_article_new ();

  g_assert_no_error (error);
  cd_article_set_headline (article, headline);
  cd_article_set_body (article, body);
  g_assert_true (cd_store_save_article (store, article, CD_REVISION_IMPORTED, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (cd_article_get_uuid (article));
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("copydesk-storage-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->dir, "data", NULL);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *argv0 = g_find_program_in_path ("rm");
  const char      *argv[] = { argv0, "-rf", f->dir, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (f->uuid);
  g_free (f->data_dir);
  g_free (f->dir);
}

/* Everything a reader needs works on a read-only store, every write is
 * refused in one sentence with status 2, and the file is not touched. */
static void
test_read_only_folder (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autofree char *db_path = g_build_filename (f->data_dir, "copydesk.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *notice = NULL;
  g_auto (Run) list = { 0 };
  g_auto (Run) show = { 0 };
  g_auto (Run) export = { 0 };
  g_auto (Run) set = { 0 };
  g_auto (Run) sync = { 0 };
  g_auto (Run) accounts = { 0 };

  f->uuid = store_article (f->data_dir, "Council votes", "The council voted.");
  before = cd_test_file_checksum (db_path);
  cd_test_mount_read_only (f->data_dir);

  store = cd_store_open (f->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_is_read_only (store));
  notice = cd_store_describe_read_only (store);
  g_test_message ("%s", notice);
  g_assert_nonnull (strstr (notice, "read-only"));
  g_assert_nonnull (strstr (notice, db_path));
  article = cd_store_get_article (store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (article), ==, "The council voted.");
  listed = cd_store_list_articles (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  cd_article_set_headline (article, "Changed");
  g_assert_false (cd_store_save_article (store, article, CD_REVISION_NONE, NULL, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cd_store_trash_article (store, f->uuid, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  run_copydesk (f, &list, "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Council votes"));
  run_copydesk (f, &show, "show", f->uuid, "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "The council voted."));
  run_copydesk (f, &export, "export", f->uuid, "--format", "html", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "The council voted."));
  run_copydesk (f, &accounts, "account", "list", NULL);
  g_assert_cmpint (accounts.status, ==, 0);

  run_copydesk (f, &set, "set", f->uuid, "headline", "Changed", NULL);
  g_test_message ("%s", set.err);
  g_assert_cmpint (set.status, ==, 2);
  assert_one_sentence (set.err, "is read-only");
  run_copydesk (f, &sync, "sync", NULL);
  g_assert_cmpint (sync.status, ==, 2);
  assert_one_sentence (sync.err, "is read-only");

  g_clear_object (&store);
  cd_test_unmount (f->data_dir);
  after = cd_test_file_checksum (db_path);
  g_assert_cmpstr (before, ==, after);
}

/* On a disk full to the last byte, the store opens for reading, says the
 * disk is full, refuses writes in one sentence, and takes the next write
 * once there is room, with nothing stored damaged. */
static void
test_full_disk (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *filler = g_build_filename (f->dir, "filler", NULL);
  g_autofree char *notice = NULL;
  g_auto (Run) list = { 0 };
  g_auto (Run) show = { 0 };
  g_auto (Run) set = { 0 };
  g_auto (Run) set_again = { 0 };
  g_auto (Run) show_again = { 0 };

  cd_test_mount_tiny (f->dir, 4 * 1024 * 1024);
  f->uuid = store_article (f->data_dir, "Harbour fire", "Crews fought the fire.");
  cd_test_fill_disk (f->dir);

  store = cd_store_open (f->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (cd_store_is_read_only (store));
  notice = cd_store_describe_read_only (store);
  g_test_message ("%s", notice);
  g_assert_nonnull (strstr (notice, "is full"));
  article = cd_store_get_article (store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (article), ==, "Crews fought the fire.");
  g_clear_object (&store);

  run_copydesk (f, &list, "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Harbour fire"));
  run_copydesk (f, &show, "show", f->uuid, NULL);
  g_assert_cmpint (show.status, ==, 0);
  run_copydesk (f, &set, "set", f->uuid, "body", "Half a sentence", NULL);
  g_test_message ("%s", set.err);
  g_assert_cmpint (set.status, ==, 2);
  assert_one_sentence (set.err, "is full");

  /* Room again: the store is whole and takes the write. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  run_copydesk (f, &show_again, "show", f->uuid, NULL);
  g_assert_cmpint (show_again.status, ==, 0);
  g_assert_nonnull (strstr (show_again.out, "Crews fought the fire."));
  run_copydesk (f, &set_again, "set", f->uuid, "body", "Crews put out the fire.", NULL);
  g_assert_cmpint (set_again.status, ==, 0);
  cd_test_unmount (f->dir);
}

/* The first column of the first row @sql gives, as text. */
static char *
query_text (const char *db_path,
            const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *text;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gint64
query_number (const char *db_path,
              const char *sql)
{
  g_autofree char *text = query_text (db_path, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

/* An account and enough sync rows to fill several pages, as a store that
 * has synced a while has them. */
static void
add_sync_records (Fixture *f)
{
  g_autofree char *db_path = g_build_filename (f->data_dir, "copydesk.db", NULL);
  g_autofree char *base = g_strnfill (300, 'b');
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (f->data_dir, &error);
  g_autoptr (CdSyncDb) db = NULL;
  sqlite3 *handle = NULL;

  g_assert_no_error (error);
  db = cd_sync_db_open (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (db_path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO accounts VALUES ('desk', 'wordpress', "
                                 "'https://news.example', 'ed', 0)",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (handle);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("%08u-0000-4000-8000-000000000000", i);
      g_autofree char *remote_id = g_strdup_printf ("%u", i + 100);
      g_autoptr (CdSyncRow) row = cd_sync_row_new (uuid, "desk");

      cd_sync_row_set_text (&row->remote_id, remote_id);
      cd_sync_row_set_text (&row->base_json, base);
      row->state = CD_SYNC_ROW_SYNCED;
      g_assert_true (cd_sync_db_save_row (db, row, &error));
      g_assert_no_error (error);
    }
}

/* Writes garbage over the page where @table's rows start, in the file
 * itself, as a bad sector or a torn copy leaves it. */
static void
damage_table (const char *db_path,
              const char *table)
{
  g_autofree char *sql =
      g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'", table);
  gint64             page = query_number (db_path, sql);
  gint64             page_size = query_number (db_path, "PRAGMA page_size");
  g_autofree guchar *garbage = g_malloc (page_size);
  FILE              *file;

  for (gint64 i = 0; i < page_size; i++)
    garbage[i] = (guchar) (0xa5 ^ (i * 7));
  file = fopen (db_path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (page - 1) * page_size, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, page_size, file), ==, (gsize) page_size);
  fclose (file);
}

/* Damaged sync records: every command names them in one sentence with
 * what to do, the articles stay readable, and `copydesk repair` rebuilds
 * the records from what can still be read, keeps the damaged file, and
 * leaves every article as it was. */
static void
test_sync_records_damaged (Fixture      *f,
                           gconstpointer data)
{
  g_autofree char *db_path = g_build_filename (f->data_dir, "copydesk.db", NULL);
  g_autofree char *check = NULL;
  g_autofree char *before_repair = NULL;
  g_autofree char *backup_sum = NULL;
  g_autofree char *kept = NULL;
  g_auto (Run) list = { 0 };
  g_auto (Run) show = { 0 };
  g_auto (Run) sync = { 0 };
  g_auto (Run) repair = { 0 };
  g_auto (Run) show_after = { 0 };
  g_auto (Run) repair_again = { 0 };
  const char *backup;

  f->uuid = store_article (f->data_dir, "Ferry strike", "The ferries stopped at noon.");
  add_sync_records (f);
  damage_table (db_path, "sync_state");
  check = query_text (db_path, "PRAGMA integrity_check");
  g_test_message ("integrity_check: %s", check);
  g_assert_cmpstr (check, !=, "ok");
  before_repair = cd_test_file_checksum (db_path);

  run_copydesk (f, &list, "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Ferry strike"));
  run_copydesk (f, &show, "show", f->uuid, "--json", NULL);
  g_test_message ("%s", show.err);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "The ferries stopped at noon."));
  if (*show.err != '\0')
    assert_one_sentence (show.err, "copydesk repair");
  run_copydesk (f, &sync, "sync", NULL);
  g_assert_cmpint (sync.status, ==, 2);
  assert_one_sentence (sync.err, "The sync records in");
  g_assert_nonnull (strstr (sync.err, "your articles are safe"));

  run_copydesk (f, &repair, "repair", NULL);
  g_test_message ("%s%s", repair.out, repair.err);
  g_assert_cmpint (repair.status, ==, 0);
  g_assert_nonnull (strstr (repair.out, "Rebuilt the sync records"));
  check = (g_free (check), query_text (db_path, "PRAGMA integrity_check"));
  g_assert_cmpstr (check, ==, "ok");
  /* The damaged file is kept as it was. */
  backup = strstr (repair.out, "kept as “");
  g_assert_nonnull (backup);
  kept = g_strndup (backup + strlen ("kept as “"),
                    strstr (backup, "”.") - backup - strlen ("kept as “"));
  backup_sum = cd_test_file_checksum (kept);
  g_assert_cmpstr (backup_sum, ==, before_repair);
  /* The account is back, the article is as it was and will be looked for
   * by its marker before the next sync creates a post. */
  g_assert_cmpint (query_number (db_path, "SELECT count(*) FROM accounts"), ==, 1);
  g_assert_cmpint (query_number (db_path, "SELECT count(*) FROM sync_state WHERE create_unknown"),
                   ==, 1);
  g_assert_cmpint (query_number (db_path, "SELECT count(*) FROM articles"), ==, 1);
  run_copydesk (f, &show_after, "show", f->uuid, "--json", NULL);
  g_assert_cmpint (show_after.status, ==, 0);
  g_assert_cmpstr (show_after.err, ==, "");
  g_assert_nonnull (strstr (show_after.out, "The ferries stopped at noon."));
  run_copydesk (f, &repair_again, "repair", NULL);
  g_assert_cmpint (repair_again.status, ==, 0);
  g_assert_nonnull (strstr (repair_again.out, "whole; nothing was changed"));
}

int
main (int   argc,
      char *argv[])
{
  cd_test_mounts_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/storage/read-only-folder", Fixture, NULL, fixture_setup, test_read_only_folder,
              fixture_teardown);
  g_test_add ("/storage/sync-records-damaged", Fixture, NULL, fixture_setup,
              test_sync_records_damaged, fixture_teardown);
  g_test_add ("/storage/full-disk", Fixture, NULL, fixture_setup, test_full_disk,
              fixture_teardown);

  return g_test_run ();
}
