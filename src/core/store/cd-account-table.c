/* cd-account-table.c: the accounts table's SQL and row mapping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-account-table"

#include "config.h"

#include <sqlite3.h>

#include "cd-account-table.h"
#include "cd-sync-db-private.h"

#define ACCOUNT_COLUMNS "name, kind, url, user, created"

/**
 * cd_account_row_new:
 * @name: the account's name
 * @kind: the CMS kind, e.g. "wordpress"
 * @url: the site's address
 * @user: the user name on the site
 * @created: when the account was added, in Unix time
 *
 * Returns: (transfer full): a row holding copies of the fields
 */
CdAccountRow *
cd_account_row_new (const char *name,
                    const char *kind,
                    const char *url,
                    const char *user,
                    gint64      created)
{
  CdAccountRow *row;

  g_return_val_if_fail (name != NULL && kind != NULL && url != NULL && user != NULL, NULL);

  row = g_new0 (CdAccountRow, 1);
  row->name = g_strdup (name);
  row->kind = g_strdup (kind);
  row->url = g_strdup (url);
  row->user = g_strdup (user);
  row->created = created;
  return row;
}

/**
 * cd_account_row_free:
 * @row: (nullable): a row
 */
void
cd_account_row_free (CdAccountRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->kind);
  g_free (row->url);
  g_free (row->user);
  g_free (row);
}

/* The same words whatever failed: what was being done, in which file, and
 * SQLite's own message. */
static void
set_error (CdSyncDb   *db,
           GError    **error,
           const char *what)
{
  g_assert (CD_IS_SYNC_DB (db));
  g_assert (what != NULL);

  g_set_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED, "Could not %s in %s: %s", what,
               cd_sync_db_get_path (db), sqlite3_errmsg (cd_sync_db_get_handle (db)));
}

static CdAccountRow *
row_from_statement (sqlite3_stmt *stmt)
{
  g_assert (stmt != NULL);

  return cd_account_row_new ((const char *) sqlite3_column_text (stmt, 0),
                             (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3),
                             sqlite3_column_int64 (stmt, 4));
}

/**
 * cd_account_table_list:
 * @db: the sync tables
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type CdAccountRow) (nullable): every
 *   row, by name, or %NULL with %CD_SYNC_DB_ERROR_FAILED
 */
GPtrArray *
cd_account_table_list (CdSyncDb *db,
                       GError  **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CD_IS_SYNC_DB (db), NULL);

  stmt = cd_sync_db_prepare (db, "SELECT " ACCOUNT_COLUMNS " FROM accounts ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_account_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_statement (stmt));
  if (rc != SQLITE_DONE)
    set_error (db, error, "list the accounts");
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

/**
 * cd_account_table_get:
 * @db: the sync tables
 * @name: the account's name
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the row; %NULL without an error
 *   when there is none, or with %CD_SYNC_DB_ERROR_FAILED
 */
CdAccountRow *
cd_account_table_get (CdSyncDb   *db,
                      const char *name,
                      GError    **error)
{
  CdAccountRow *row = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CD_IS_SYNC_DB (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = cd_sync_db_prepare (db, "SELECT " ACCOUNT_COLUMNS " FROM accounts WHERE name = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = row_from_statement (stmt);
  else if (rc != SQLITE_DONE)
    set_error (db, error, "read the account");
  sqlite3_reset (stmt);
  return row;
}

/**
 * cd_account_table_put:
 * @db: the sync tables
 * @row: the row to write
 * @error: return location for a #GError
 *
 * Adds the row, or updates the kind, address and user of the row of the
 * same name (which keeps its created time).
 *
 * Returns: %TRUE when written
 */
gboolean
cd_account_table_put (CdSyncDb           *db,
                      const CdAccountRow *row,
                      GError            **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CD_IS_SYNC_DB (db), FALSE);
  g_return_val_if_fail (row != NULL && row->name != NULL, FALSE);

  stmt = cd_sync_db_prepare (db,
                             "INSERT INTO accounts (" ACCOUNT_COLUMNS ") "
                             "VALUES (?1, ?2, ?3, ?4, ?5) "
                             "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, "
                             "url = excluded.url, user = excluded.user",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row->url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, row->user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, row->created);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    set_error (db, error, "save the account");
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/**
 * cd_account_table_delete:
 * @db: the sync tables
 * @name: the account's name
 * @found: (out) (optional): whether there was such a row
 * @error: return location for a #GError
 *
 * Removes the account's row.
 *
 * Returns: %TRUE unless SQLite failed, with %CD_SYNC_DB_ERROR_FAILED
 */
gboolean
cd_account_table_delete (CdSyncDb   *db,
                         const char *name,
                         gboolean   *found,
                         GError    **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CD_IS_SYNC_DB (db), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = cd_sync_db_prepare (db, "DELETE FROM accounts WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    set_error (db, error, "remove the account");
  else if (found != NULL)
    *found = sqlite3_changes (cd_sync_db_get_handle (db)) > 0;
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}
