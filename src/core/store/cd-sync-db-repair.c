/* cd-sync-db-repair.c: damaged sync records, said plainly and rebuilt.
 *
 * The sync tables (accounts, sync_state, sync_pulls, sync_meta) live in the
 * store's file beside the articles. When their pages are damaged or a table
 * is missing, SQLite's own words ("database disk image is malformed") tell
 * a person nothing; every path that reads or writes them says instead that
 * the sync records are damaged, that the articles are safe, and to run
 * `copydesk repair`.
 *
 * The repair never touches an article. It refuses when the article tables
 * themselves fail their check (then only a backup helps), keeps a copy of
 * the file as it was, saves every sync row that can still be read, takes
 * the damaged tables out of the schema, lets VACUUM rewrite the file
 * without their pages, creates the tables anew and puts the saved rows
 * back. An article that lost its row and was written here (it has no
 * pulled revision) gets a row that makes the next sync look for its post
 * by its marker before creating one, so a post made before the damage is
 * found again rather than made twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync-db"

#include "config.h"

#include <string.h>

#include "cd-store-private.h"
#include "cd-sync-db-private.h"

/* The sync layer's tables, each with the columns that are put back. */
static const struct
{
  const char *table;
  const char *columns;
} sync_tables[] = {
  {"accounts",    "name, kind, url, user, created"                   },
  { "sync_state",
   "article_uuid, account, remote_id, remote_modified, base_json, state, error, dirty, "
    "create_unknown, theirs_json, theirs_modified"                   },
  { "sync_pulls", "account, last_modified"                           },
  { "sync_media", "account, image_id, media_id, source_url, uploaded"},
  { "sync_meta",  NULL                                               },
};

/* The article store's own tables: the repair goes ahead only when these
 * pass their check. */
static const char *const article_tables[] = {
  "articles",
  "article_bodies",
  "revisions",
  "outbox",
  "article_changes",
  "images",
};

gboolean
_cd_sync_db_is_damage (sqlite3 *db,
                       int      rc)
{
  const char *message;

  g_assert (db != NULL);

  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    return TRUE;
  if ((rc & 0xff) != SQLITE_ERROR)
    return FALSE;
  /* A sync table or column that is missing from a store at the current
   * schema version was lost, not never made: migrations make them all. */
  message = sqlite3_errmsg (db);
  return g_str_has_prefix (message, "no such table: ") ||
         g_str_has_prefix (message, "no such column: ");
}

void
_cd_sync_db_set_damaged_error (const char *path,
                               const char *detail,
                               GError    **error)
{
  g_assert (path != NULL);

  g_set_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_DAMAGED,
               "The sync records in “%s” are damaged (%s); your articles are safe: run "
               "“copydesk repair” to rebuild the sync records, then sync again.",
               path, detail != NULL ? detail : "unreadable");
}

/* The rows of one table that could still be read, each an array of
 * sqlite3_value copies. */
typedef struct
{
  GPtrArray *rows;
  guint      n_columns;
  gboolean   complete; /* every row was read */
} Rescued;

static void
rescued_clear (Rescued *rescued)
{
  g_clear_pointer (&rescued->rows, g_ptr_array_unref);
}

static void
free_row (gpointer data)
{
  GPtrArray *row = data;

  g_ptr_array_unref (row);
}

static gboolean
table_exists (sqlite3    *db,
              const char *table)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      exists;

  g_assert (db != NULL);

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return exists;
}

/* Whether PRAGMA integrity_check passes for @table (and its indexes). */
static gboolean
table_is_whole (sqlite3    *db,
                const char *table)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA integrity_check(%s)", table);
  sqlite3_stmt    *stmt = NULL;
  gboolean         whole;

  g_assert (db != NULL);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  whole = sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 &&
          sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return whole;
}

/* Reads what it can of @table in rowid order, stopping at the first
 * damaged page. */
static void
rescue_rows (sqlite3    *db,
             const char *table,
             const char *columns,
             Rescued    *out)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s", columns, table);
  sqlite3_stmt    *stmt = NULL;
  int              rc;

  g_assert (db != NULL);

  out->rows = g_ptr_array_new_with_free_func (free_row);
  out->complete = FALSE;
  if (!table_exists (db, table) || sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return;
  out->n_columns = sqlite3_column_count (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);

      for (guint i = 0; i < out->n_columns; i++)
        g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
      g_ptr_array_add (out->rows, row);
    }
  out->complete = rc == SQLITE_DONE;
  sqlite3_finalize (stmt);
}

static gboolean
put_back (sqlite3    *db,
          const char *table,
          const char *columns,
          Rescued    *rescued)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean      ok = TRUE;

  g_assert (db != NULL);

  if (rescued->rows->len == 0)
    return TRUE;
  g_string_printf (sql, "INSERT OR IGNORE INTO %s (%s) VALUES (?", table, columns);
  for (guint i = 1; i < rescued->n_columns; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  for (guint r = 0; ok && r < rescued->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rescued->rows, r);

      sqlite3_reset (stmt);
      for (guint i = 0; i < row->len; i++)
        sqlite3_bind_value (stmt, i + 1, g_ptr_array_index (row, i));
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
exec (sqlite3    *db,
      const char *sql,
      const char *path,
      const char *doing,
      GError    **error)
{
  g_assert (db != NULL);

  if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  g_set_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED,
               "Could not %s in “%s” (%s); the store is as it was before the repair.", doing,
               path, sqlite3_errmsg (db));
  return FALSE;
}

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64        n = 0;

  g_assert (db != NULL);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Articles written here that lost their row get one per account that asks
 * the next sync to look for their post by its marker first; those that
 * came from a site (a pulled revision) cannot be found that way. */
static gboolean
relink_articles (sqlite3          *db,
                 CdSyncDbRepaired *report,
                 const char       *path,
                 GError          **error)
{
  static const char orphans[] =
      " FROM articles a, accounts c WHERE a.trashed_at IS NULL"
      " AND NOT EXISTS (SELECT 1 FROM sync_state s WHERE s.article_uuid = a.uuid)";
  static const char pulled[] =
      " AND EXISTS (SELECT 1 FROM revisions r WHERE r.article_uuid = a.uuid AND r.reason = 'pulled')";
  g_autofree char *count_pulled = NULL;
  g_autofree char *insert = NULL;

  g_assert (db != NULL);

  count_pulled = g_strconcat ("SELECT count(DISTINCT a.uuid)", orphans, pulled, NULL);
  report->unlinked = count (db, count_pulled);
  insert = g_strconcat ("INSERT INTO sync_state (article_uuid, account, state, dirty, "
                        "create_unknown) SELECT a.uuid, c.name, 'pending', 1, 1",
                        orphans, " AND NOT", pulled + strlen (" AND"), NULL);
  if (!exec (db, insert, path, "link the articles to their posts again", error))
    return FALSE;
  report->relinked = sqlite3_changes (db);
  return TRUE;
}

static gboolean
take_out_tables (sqlite3    *db,
                 const char *path,
                 GError    **error)
{
  g_autoptr (GString) drop = g_string_new ("DELETE FROM sqlite_schema WHERE tbl_name IN (");

  g_assert (db != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sync_tables); i++)
    g_string_append_printf (drop, "%s'%s'", i > 0 ? ", " : "", sync_tables[i].table);
  g_string_append (drop, ")");

  /* Dropping a table walks its pages, which are damaged; taking it out of
   * the schema does not, and VACUUM then writes the file again without
   * the pages nobody owns. */
  if (!exec (db, "BEGIN IMMEDIATE", path, "start the repair", error))
    return FALSE;
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  if (!exec (db, "PRAGMA writable_schema = ON", path, "take out the damaged tables", error) ||
      !exec (db, drop->str, path, "take out the damaged tables", error) ||
      !exec (db, "PRAGMA writable_schema = OFF", path, "take out the damaged tables", error) ||
      !exec (db, "COMMIT", path, "take out the damaged tables", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_sync_db_repair:
 * @store: the article store
 * @report: (out caller-allocates): what the repair did
 * @error: return location for a #GError
 *
 * Rebuilds damaged sync records (see the file's comment); does nothing
 * when they are whole (@report->repaired is %FALSE). Every other
 * connection to the store must be idle.
 *
 * Returns: %TRUE when the sync records are whole now
 */
gboolean
cd_sync_db_repair (CdStore          *store,
                   CdSyncDbRepaired *report,
                   GError          **error)
{
  const char *path;
  sqlite3    *db = NULL;
  Rescued     rescued[G_N_ELEMENTS (sync_tables)] = { { 0 } };
  gboolean    damaged = FALSE;
  gboolean    ok = FALSE;
  g_autoptr (GFile) from = NULL;
  g_autoptr (GFile) to = NULL;
  g_autoptr (CdSyncDb) fresh = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  if (!cd_store_check_writable (store, error))
    return FALSE;
  path = cd_store_get_path (store);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED,
                   "Could not open “%s” to repair it: %s.", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);

  for (guint i = 0; i < G_N_ELEMENTS (article_tables); i++)
    if (!table_is_whole (db, article_tables[i]))
      {
        g_set_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED,
                     "The articles in “%s” are damaged too (the table %s fails its check), "
                     "which a repair cannot mend; nothing was changed: restore the store from "
                     "a backup.",
                     path, article_tables[i]);
        goto out;
      }
  for (guint i = 0; i < G_N_ELEMENTS (sync_tables); i++)
    damaged = damaged || !table_exists (db, sync_tables[i].table) ||
              !table_is_whole (db, sync_tables[i].table);
  if (!damaged)
    {
      ok = TRUE;
      goto out;
    }

  /* A copy of the file as it was, beside it: the repair removes pages. */
  if (!exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", path, "fold in the write-ahead log", error))
    goto out;
  report->backup = g_strdup_printf ("%s.before-repair-%" G_GINT64_FORMAT, path,
                                    g_get_real_time () / G_USEC_PER_SEC);
  from = g_file_new_for_path (path);
  to = g_file_new_for_path (report->backup);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    goto out;

  for (guint i = 0; i < G_N_ELEMENTS (sync_tables); i++)
    if (sync_tables[i].columns != NULL)
      rescue_rows (db, sync_tables[i].table, sync_tables[i].columns, &rescued[i]);

  if (!take_out_tables (db, path, error) ||
      !exec (db, "VACUUM", path, "rewrite the store without the damaged pages", error))
    goto out;
  sqlite3_close (db);
  db = NULL;

  /* The tables, new and empty, at this version. */
  if ((fresh = cd_sync_db_open_path (path, error)) == NULL)
    goto out;
  db = cd_sync_db_get_handle (fresh);
  if (!exec (db, "BEGIN IMMEDIATE", path, "put back the sync records", error))
    {
      db = NULL;
      goto out;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sync_tables); i++)
    if (sync_tables[i].columns != NULL &&
        !put_back (db, sync_tables[i].table, sync_tables[i].columns, &rescued[i]))
      {
        g_set_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED,
                     "Could not put back the sync records of “%s”: %s.", path,
                     sqlite3_errmsg (db));
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
        db = NULL;
        goto out;
      }
  if (!relink_articles (db, report, path, error) ||
      !exec (db, "COMMIT", path, "put back the sync records", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      db = NULL;
      goto out;
    }
  db = NULL;
  report->repaired = TRUE;
  report->rows_kept = rescued[1].rows->len;
  report->accounts_kept = rescued[0].rows->len;
  ok = TRUE;

out:
  for (guint i = 0; i < G_N_ELEMENTS (rescued); i++)
    rescued_clear (&rescued[i]);
  if (db != NULL)
    sqlite3_close (db);
  return ok;
}

/**
 * cd_sync_db_repaired_clear:
 *
 * Frees what a #CdSyncDbRepaired holds.
 */
void
cd_sync_db_repaired_clear (CdSyncDbRepaired *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->backup, g_free);
}
