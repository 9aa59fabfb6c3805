/* cd-sync-state-table.c: the rows the sync engine keeps per article and
 * account (sync_state), where each account's pull left off (sync_pulls),
 * and the one write that saves pulled posts as new articles together with
 * their rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync-db"

#include "config.h"

#include "cd-store-private.h"
#include "cd-sync-db-private.h"

#define ROW_COLUMNS                                                              \
  "article_uuid, account, remote_id, remote_modified, base_json, state, error, " \
  "theirs_json, theirs_modified, dirty, create_unknown"

static const char *const state_names[] = {
  [CD_SYNC_ROW_PENDING] = "pending",
  [CD_SYNC_ROW_SYNCED] = "synced",
  [CD_SYNC_ROW_ERROR] = "error",
  [CD_SYNC_ROW_CONFLICT] = "conflict",
};

/* Text the table does not know reads as pending, as the column's default. */
static CdSyncRowState
state_from_text (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      return (CdSyncRowState) i;
  return CD_SYNC_ROW_PENDING;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  g_assert (stmt != NULL);

  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Reads the first column of a row, as text. */
static gpointer
first_column (sqlite3_stmt *stmt)
{
  return column_dup (stmt, 0);
}

static const CdSyncDbRows text_rows = { first_column, g_free, "read the sync state" };

/* The first column of every row of @sql, with up to two text parameters. */
static GPtrArray *
query_strings (CdSyncDb   *self,
               const char *sql,
               const char *param1,
               const char *param2,
               GError    **error)
{
  return _cd_sync_db_query (self, &text_rows, sql, param1, param2, error);
}

/* Runs @sql, which writes the sync-state rows of @uuid, with @uuid and
 * @account as its parameters, and records that the article's rows were
 * written. */
static gboolean
write_article_rows (CdSyncDb   *self,
                    const char *sql,
                    const char *uuid,
                    const char *account,
                    GError    **error)
{
  g_assert (uuid != NULL);

  if (!_cd_sync_db_run (self, sql, uuid, account, "record the sync state", error))
    return FALSE;
  _cd_sync_db_touched (self, uuid);
  return TRUE;
}

static CdSyncRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  CdSyncRow *row = g_new0 (CdSyncRow, 1);

  g_assert (stmt != NULL);

  row->uuid = column_dup (stmt, 0);
  row->account = column_dup (stmt, 1);
  row->remote_id = column_dup (stmt, 2);
  row->remote_modified = column_dup (stmt, 3);
  row->base_json = column_dup (stmt, 4);
  row->state = state_from_text ((const char *) sqlite3_column_text (stmt, 5));
  row->error = column_dup (stmt, 6);
  row->theirs_json = column_dup (stmt, 7);
  row->theirs_modified = column_dup (stmt, 8);
  row->dirty = sqlite3_column_int (stmt, 9) != 0;
  row->create_unknown = sqlite3_column_int (stmt, 10) != 0;
  return row;
}

static const CdSyncDbRows sync_rows = {
  (gpointer (*) (sqlite3_stmt *)) row_from_stmt,
  (GDestroyNotify) cd_sync_row_free,
  "read the sync state",
};

/**
 * cd_sync_row_new:
 * @uuid: the article
 * @account: the account
 *
 * Returns: (transfer full): a pending row with nothing else known
 */
CdSyncRow *
cd_sync_row_new (const char *uuid,
                 const char *account)
{
  CdSyncRow *row = g_new0 (CdSyncRow, 1);

  row->uuid = g_strdup (uuid);
  row->account = g_strdup (account);
  row->state = CD_SYNC_ROW_PENDING;
  return row;
}

/**
 * cd_sync_row_free:
 * @row: (nullable): a #CdSyncRow
 */
void
cd_sync_row_free (CdSyncRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->account);
  g_free (row->remote_id);
  g_free (row->remote_modified);
  g_free (row->base_json);
  g_free (row->error);
  g_free (row->theirs_json);
  g_free (row->theirs_modified);
  g_free (row);
}

/**
 * cd_sync_row_set_text:
 * @field: a text field of a #CdSyncRow
 * @value: (nullable): its new value, copied
 */
void
cd_sync_row_set_text (char      **field,
                      const char *value)
{
  char *copy;

  g_return_if_fail (field != NULL);

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

/**
 * cd_sync_db_list_accounts:
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the accounts'
 *   names, sorted
 */
GPtrArray *
cd_sync_db_list_accounts (CdSyncDb *self,
                          GError  **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);

  return query_strings (self, "SELECT name FROM accounts ORDER BY name", NULL, NULL, error);
}

/**
 * cd_sync_db_load_row:
 * @uuid: the article
 * @account: the account
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the row, or %NULL: with @error set
 *   when it could not be read, unset when there is none
 */
CdSyncRow *
cd_sync_db_load_row (CdSyncDb   *self,
                     const char *uuid,
                     const char *account,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  CdSyncRow    *row = NULL;
  int           rc;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);
  g_return_val_if_fail (uuid != NULL && account != NULL, NULL);

  stmt = cd_sync_db_prepare (self,
                             "SELECT " ROW_COLUMNS " FROM sync_state"
                             " WHERE article_uuid = ? AND account = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  _cd_sync_db_bind_text (stmt, 1, uuid);
  _cd_sync_db_bind_text (stmt, 2, account);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = row_from_stmt (stmt);
  else if (rc != SQLITE_DONE)
    _cd_sync_db_set_error (self, error, "read an article's sync state");
  sqlite3_reset (stmt);
  return row;
}

/**
 * cd_sync_db_save_row:
 * @row: the row, with its uuid and account
 * @error: return location for a #GError
 *
 * Writes @row in place of the one with its uuid and account.
 *
 * Returns: %TRUE when written
 */
gboolean
cd_sync_db_save_row (CdSyncDb  *self,
                     CdSyncRow *row,
                     GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);
  g_return_val_if_fail (row != NULL && row->uuid != NULL && row->account != NULL, FALSE);

  stmt = cd_sync_db_prepare (self,
                             "INSERT OR REPLACE INTO sync_state (" ROW_COLUMNS ")"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  _cd_sync_db_bind_text (stmt, 1, row->uuid);
  _cd_sync_db_bind_text (stmt, 2, row->account);
  _cd_sync_db_bind_text (stmt, 3, row->remote_id);
  _cd_sync_db_bind_text (stmt, 4, row->remote_modified);
  _cd_sync_db_bind_text (stmt, 5, row->base_json);
  _cd_sync_db_bind_text (stmt, 6, state_names[row->state]);
  _cd_sync_db_bind_text (stmt, 7, row->error);
  _cd_sync_db_bind_text (stmt, 8, row->theirs_json);
  _cd_sync_db_bind_text (stmt, 9, row->theirs_modified);
  sqlite3_bind_int (stmt, 10, row->dirty);
  sqlite3_bind_int (stmt, 11, row->create_unknown);
  if (!_cd_sync_db_step_done (self, stmt, "record an article's sync state", error))
    return FALSE;
  _cd_sync_db_touched (self, row->uuid);
  return TRUE;
}

/**
 * cd_sync_db_delete_row:
 * @uuid: the article
 * @account: the account
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the row is gone (or was never there)
 */
gboolean
cd_sync_db_delete_row (CdSyncDb   *self,
                       const char *uuid,
                       const char *account,
                       GError    **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);
  g_return_val_if_fail (uuid != NULL && account != NULL, FALSE);

  return write_article_rows (self, "DELETE FROM sync_state WHERE article_uuid = ? AND account = ?",
                             uuid, account, error);
}

/**
 * cd_sync_db_list_rows:
 * @uuid: (nullable): one article, or %NULL for every article
 * @error: return location for a #GError
 *
 * The rows of accounts that exist, sorted by article and account. Listing
 * every article leaves out the JSON columns (base and theirs), which only
 * a sync and a conflict need.
 *
 * Returns: (transfer full) (element-type CdSyncRow) (nullable): the rows
 */
GPtrArray *
cd_sync_db_list_rows (CdSyncDb   *self,
                      const char *uuid,
                      GError    **error)
{
  const char *sql;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);

  if (uuid != NULL)
    sql = "SELECT " ROW_COLUMNS " FROM sync_state WHERE article_uuid = ?"
          " AND account IN (SELECT name FROM accounts) ORDER BY account";
  else
    sql = "SELECT article_uuid, account, remote_id, remote_modified, NULL,"
          " state, error, NULL, theirs_modified, dirty, create_unknown"
          " FROM sync_state WHERE account IN (SELECT name FROM accounts)"
          " ORDER BY article_uuid, account";
  return _cd_sync_db_query (self, &sync_rows, sql, uuid, NULL, error);
}

/**
 * cd_sync_db_find_uuid:
 * @account: the account
 * @remote_id: a post's id there
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the article linked to the post, or
 *   %NULL (with @error unset when there is none)
 */
char *
cd_sync_db_find_uuid (CdSyncDb   *self,
                      const char *account,
                      const char *remote_id,
                      GError    **error)
{
  g_autoptr (GPtrArray) uuids = NULL;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);
  g_return_val_if_fail (account != NULL && remote_id != NULL, NULL);

  uuids = query_strings (self,
                         "SELECT article_uuid FROM sync_state WHERE account = ? AND remote_id = ?",
                         account, remote_id, error);
  if (uuids == NULL || uuids->len == 0)
    return NULL;
  return g_strdup (g_ptr_array_index (uuids, 0));
}

/**
 * cd_sync_db_list_dirty:
 * @account: the account
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the articles
 *   with changes to push to @account, leaving out those in conflict, sorted
 */
GPtrArray *
cd_sync_db_list_dirty (CdSyncDb   *self,
                       const char *account,
                       GError    **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);
  g_return_val_if_fail (account != NULL, NULL);

  return query_strings (self,
                        "SELECT article_uuid FROM sync_state WHERE account = ? AND dirty = 1"
                        " AND state != 'conflict' ORDER BY article_uuid",
                        account, NULL, error);
}

/**
 * cd_sync_db_list_conflicts:
 * @account: the account
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the articles in
 *   conflict with @account, sorted
 */
GPtrArray *
cd_sync_db_list_conflicts (CdSyncDb   *self,
                           const char *account,
                           GError    **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);
  g_return_val_if_fail (account != NULL, NULL);

  return query_strings (self,
                        "SELECT article_uuid FROM sync_state WHERE account = ?"
                        " AND state = 'conflict' ORDER BY article_uuid",
                        account, NULL, error);
}

/**
 * cd_sync_db_mark_dirty:
 * @uuids: (array zero-terminated=1): articles with local changes
 * @error: return location for a #GError
 *
 * Marks each article dirty for every account, in one transaction: pending
 * again, unless it waits in a conflict.
 *
 * Returns: %TRUE when committed
 */
gboolean
cd_sync_db_mark_dirty (CdSyncDb          *self,
                       const char *const *uuids,
                       GError           **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);
  g_return_val_if_fail (uuids != NULL, FALSE);

  if (!cd_sync_db_begin (self, error))
    return FALSE;
  for (guint i = 0; uuids[i] != NULL; i++)
    if (!write_article_rows (self,
                             "INSERT INTO sync_state (article_uuid, account, state, dirty)"
                             " SELECT ?1, name, 'pending', 1 FROM accounts WHERE true"
                             " ON CONFLICT (article_uuid, account) DO UPDATE SET dirty = 1,"
                             "  state = CASE WHEN state = 'conflict' THEN state ELSE 'pending' END,"
                             "  error = CASE WHEN state = 'conflict' THEN error ELSE NULL END",
                             uuids[i], NULL, error))
      {
        cd_sync_db_rollback (self);
        return FALSE;
      }
  return cd_sync_db_commit (self, error);
}

/**
 * cd_sync_db_fail_dirty:
 * @account: the account
 * @message: why nothing reaches it, in words
 * @error: return location for a #GError
 *
 * Puts every article waiting for @account, except those in conflict, in
 * error with @message.
 *
 * Returns: %TRUE when written
 */
gboolean
cd_sync_db_fail_dirty (CdSyncDb   *self,
                       const char *account,
                       const char *message,
                       GError    **error)
{
  g_autoptr (GPtrArray) failed = NULL;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);
  g_return_val_if_fail (account != NULL && message != NULL, FALSE);

  failed = query_strings (self,
                          "UPDATE sync_state SET state = 'error', error = ?2"
                          " WHERE account = ?1 AND dirty = 1 AND state != 'conflict'"
                          " RETURNING article_uuid",
                          account, message, error);
  if (failed == NULL)
    return FALSE;
  for (guint i = 0; i < failed->len; i++)
    _cd_sync_db_touched (self, g_ptr_array_index (failed, i));
  return TRUE;
}

/**
 * cd_sync_db_requeue_others:
 * @uuid: the article
 * @account: the account to leave alone
 * @error: return location for a #GError
 *
 * Marks @uuid dirty for every account but @account, pending unless in
 * conflict there.
 *
 * Returns: %TRUE when written
 */
gboolean
cd_sync_db_requeue_others (CdSyncDb   *self,
                           const char *uuid,
                           const char *account,
                           GError    **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);
  g_return_val_if_fail (uuid != NULL && account != NULL, FALSE);

  return write_article_rows (self,
                             "UPDATE sync_state SET dirty = 1,"
                             " state = CASE WHEN state = 'conflict' THEN state ELSE 'pending' END"
                             " WHERE article_uuid = ?1 AND account != ?2",
                             uuid, account, error);
}

/**
 * cd_sync_db_get_pull_mark:
 * @account: the account
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the newest modified time pulled from
 *   @account (ISO 8601, UTC), or %NULL before the first pull
 */
char *
cd_sync_db_get_pull_mark (CdSyncDb   *self,
                          const char *account,
                          GError    **error)
{
  g_autoptr (GPtrArray) marks = NULL;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);
  g_return_val_if_fail (account != NULL, NULL);

  marks = query_strings (self, "SELECT last_modified FROM sync_pulls WHERE account = ?", account,
                         NULL, error);
  if (marks == NULL || marks->len == 0)
    return NULL;
  return g_strdup (g_ptr_array_index (marks, 0));
}

/**
 * cd_sync_db_raise_pull_mark:
 * @account: the account
 * @modified: the newest modified time of a pull (ISO 8601, UTC)
 * @error: return location for a #GError
 *
 * Records @modified as where @account's pulls got to, unless an earlier
 * pull got further.
 *
 * Returns: %TRUE when written
 */
gboolean
cd_sync_db_raise_pull_mark (CdSyncDb   *self,
                            const char *account,
                            const char *modified,
                            GError    **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);
  g_return_val_if_fail (account != NULL && modified != NULL, FALSE);

  return _cd_sync_db_run (self,
                          "INSERT INTO sync_pulls (account, last_modified) VALUES (?1, ?2)"
                          " ON CONFLICT (account) DO UPDATE SET last_modified ="
                          "  max(coalesce(last_modified, ''), excluded.last_modified)",
                          account, modified, "record the sync state", error);
}

/* A pull's sync rows go through the store's connection; damage there is
 * the sync records', which `copydesk repair` rebuilds. */
static void
set_pull_error (CdStore *store,
                sqlite3 *handle,
                int      rc,
                GError **error)
{
  g_assert (CD_IS_STORE (store));
  g_assert (handle != NULL);

  if (_cd_sync_db_is_damage (handle, rc))
    _cd_sync_db_set_damaged_error (cd_store_get_path (store), sqlite3_errmsg (handle), error);
  else
    _cd_store_set_error (store, error, rc, "record the sync state");
}

/**
 * cd_sync_db_save_pulled:
 * @store: the store
 * @account: the account the posts come from
 * @pulled: (array length=n_pulled): the new articles and their rows
 * @n_pulled: how many
 * @error: return location for a #GError
 *
 * Saves each article with a pulled revision and its synced row, in one
 * transaction of the store's own connection (the sync tables live in the
 * same file): a crash keeps all of them whole or none.
 *
 * Returns: %TRUE when committed; on %FALSE nothing was written
 */
gboolean
cd_sync_db_save_pulled (CdStore            *store,
                        const char         *account,
                        const CdSyncPulled *pulled,
                        guint               n_pulled,
                        GError            **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3      *handle;
  gboolean      ok;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (pulled != NULL || n_pulled == 0, FALSE);

  handle = _cd_store_lock (store);
  ok = _cd_store_begin (store, error);
  if (ok && sqlite3_prepare_v2 (handle,
                                "INSERT OR REPLACE INTO sync_state (" ROW_COLUMNS ")"
                                " VALUES (?, ?, ?, ?, ?, 'synced', NULL, NULL, NULL, 0, 0)",
                                -1, &stmt, NULL) != SQLITE_OK)
    {
      set_pull_error (store, handle, sqlite3_errcode (handle), error);
      ok = FALSE;
    }
  for (guint i = 0; ok && i < n_pulled; i++)
    {
      const CdSyncPulled *item = &pulled[i];
      int                 rc;

      ok = _cd_store_save_article_with_snapshot (store, item->article, CD_REVISION_PULLED, NULL,
                                                 item->snapshot, error);
      if (!ok)
        break;
      sqlite3_reset (stmt);
      _cd_sync_db_bind_text (stmt, 1, cd_article_get_uuid (item->article));
      _cd_sync_db_bind_text (stmt, 2, account);
      _cd_sync_db_bind_text (stmt, 3, item->remote_id);
      _cd_sync_db_bind_text (stmt, 4, item->remote_modified);
      _cd_sync_db_bind_text (stmt, 5, item->base_json);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          set_pull_error (store, handle, rc, error);
          ok = FALSE;
        }
      else
        _cd_store_announce_one (store, CD_STORE_CHANGE_SYNC_STATE,
                                cd_article_get_uuid (item->article));
    }
  sqlite3_finalize (stmt);
  if (ok)
    ok = _cd_store_commit (store, error);
  else
    _cd_store_rollback (store);
  _cd_store_unlock (store);
  return ok;
}

/**
 * cd_sync_db_read_states:
 * @accounts: (out) (transfer full) (element-type utf8): the accounts' names
 * @rows: (out) (transfer full) (element-type CdSyncRow): every row of an
 *   existing account, as cd_sync_db_list_rows() with no uuid gives them
 * @outbox: (out) (transfer full) (element-type utf8): the articles in the
 *   store's outbox
 * @error: return location for a #GError
 *
 * Reads what the sync-state model needs in one read transaction, so that
 * the three agree with each other.
 *
 * Returns: %TRUE when read
 */
gboolean
cd_sync_db_read_states (CdSyncDb   *self,
                        GPtrArray **accounts,
                        GPtrArray **rows,
                        GPtrArray **outbox,
                        GError    **error)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) all_rows = NULL;
  g_autoptr (GPtrArray) queued = NULL;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);
  g_return_val_if_fail (accounts != NULL && rows != NULL && outbox != NULL, FALSE);

  if (!cd_sync_db_exec (self, "BEGIN", error))
    return FALSE;
  names = cd_sync_db_list_accounts (self, error);
  if (names != NULL)
    all_rows = cd_sync_db_list_rows (self, NULL, error);
  if (all_rows != NULL)
    queued = query_strings (self, "SELECT article_uuid FROM outbox", NULL, NULL, error);
  cd_sync_db_rollback (self);
  if (queued == NULL)
    return FALSE;
  *accounts = g_steal_pointer (&names);
  *rows = g_steal_pointer (&all_rows);
  *outbox = g_steal_pointer (&queued);
  return TRUE;
}
