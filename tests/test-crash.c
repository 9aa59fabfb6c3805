/* test-crash.c: a process killed with SIGKILL while it writes leaves a
 * store that opens, passes SQLite's integrity check, and holds every
 * article whose save had committed, whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>

#include "cd-store.h"
#include "cd-test-util.h"

#define N_KILLS 36

/* What the writers said about one article: the body checksum of its last
 * committed save, and those of saves begun after it, any of which may have
 * committed just before the kill. */
typedef struct
{
  char      *committed;
  GPtrArray *begun;
} Expected;

static void
expected_free (gpointer data)
{
  Expected *e = data;

  g_assert (data != NULL);

  g_free (e->committed);
  g_ptr_array_unref (e->begun);
  g_free (e);
}

static void
read_output (GHashTable *expected,
             const char *output,
             guint      *n_commits)
{
  g_auto (GStrv) lines = g_strsplit (output, "\n", -1);

  g_assert (expected != NULL);
  g_assert (output != NULL);
  g_assert (n_commits != NULL);

  /* The last element follows the last newline: a cut-off line or "". */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (lines[i], " ", 3);
      Expected *e;

      g_assert_cmpuint (g_strv_length (parts), ==, 3);
      e = g_hash_table_lookup (expected, parts[1]);
      if (e == NULL)
        {
          e = g_new0 (Expected, 1);
          e->begun = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (expected, g_strdup (parts[1]), e);
        }
      if (g_str_equal (parts[0], "B"))
        g_ptr_array_add (e->begun, g_strdup (parts[2]));
      else
        {
          g_assert_cmpstr (parts[0], ==, "C");
          g_free (e->committed);
          e->committed = g_strdup (parts[2]);
          g_ptr_array_set_size (e->begun, 0);
          (*n_commits)++;
        }
    }
}

static void
run_and_kill (const char *writer,
              const char *dir,
              guint       seed,
              GHashTable *expected,
              guint      *n_commits)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert (writer != NULL);
  g_assert (dir != NULL);
  g_assert (expected != NULL);
  g_assert (n_commits != NULL);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           writer, dir, seed_text, NULL);
  g_assert_no_error (error);

  /* Anywhere from the store's opening to the middle of a run of saves. */
  g_usleep (g_test_rand_int_range (2, 150) * 1000);
  g_subprocess_send_signal (proc, SIGKILL);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_signaled (proc))
    g_error ("crash-writer stopped by itself before the kill: %s", err);
  g_assert_cmpint (g_subprocess_get_term_sig (proc), ==, SIGKILL);
  read_output (expected, out, n_commits);
}

static void
check_sqlite (const char *path)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *message = NULL;

  g_assert (path != NULL);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  /* The full-text index matches the articles it indexes. */
  sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')",
                NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static void
test_sigkill (void)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "crash-writer", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-crash-XXXXXX", &error);
  g_autoptr (GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                           g_free, expected_free);
  g_autoptr (CdStore) store = NULL;
  GHashTableIter iter;
  gpointer       key, value;
  guint          n_commits = 0;
  guint          n_checked = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_test (writer, G_FILE_TEST_IS_EXECUTABLE));

  for (guint i = 0; i < N_KILLS; i++)
    run_and_kill (writer, dir, i, expected, &n_commits);
  g_test_message ("%u kills, %u committed saves of %u articles",
                  N_KILLS, n_commits, g_hash_table_size (expected));
  /* Without commits, the test would prove nothing. */
  g_assert_cmpuint (n_commits, >, N_KILLS);

  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  check_sqlite (cd_store_get_path (store));

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Expected *e = value;
      g_autoptr (CdArticle) article = cd_store_get_article (store, key, NULL);
      g_autofree char *sum = NULL;
      gboolean         known;

      if (article == NULL)
        {
          /* Only a save that never reported its commit may be missing. */
          if (e->committed != NULL)
            g_error ("Article %s committed but is missing after the kill", (char *) key);
          continue;
        }
      sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, cd_article_get_body (article), -1);
      known = g_strcmp0 (sum, e->committed) == 0;
      for (guint i = 0; !known && i < e->begun->len; i++)
        known = g_str_equal (sum, g_ptr_array_index (e->begun, i));
      if (!known)
        g_error ("Article %s has a body from neither its last committed save nor a later "
                 "one (checksum %s)",
                 (char *) key, sum);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 0);

  g_clear_object (&store);
  cd_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/crash/sigkill", test_sigkill);
  return g_test_run ();
}
