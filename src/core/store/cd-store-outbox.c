/* cd-store-outbox.c: the outbox: articles with local changes the CMS has
 * not had yet, one row an article however often it changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-store"

#include "config.h"

#include "cd-store.h"
#include "cd-store-private.h"

/* queued_at is the time of the latest change in microseconds, and always
 * moves forward on a new change, so that the sync engine can tell whether
 * an article changed again while it was being pushed. */
gboolean
_cd_store_queue_article (CdStore    *self,
                         const char *uuid,
                         GError    **error)
{
  static const char sql[] =
      "INSERT INTO outbox (article_uuid, queued_at) VALUES (?1, ?2)"
      " ON CONFLICT (article_uuid) DO UPDATE"
      "  SET queued_at = max(excluded.queued_at, outbox.queued_at + 1)";
  g_autoptr (CdStoreCachedStmt) stmt = NULL;

  g_assert (CD_IS_STORE (self));
  g_assert (uuid != NULL);

  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_OUTBOX_QUEUE, sql, error)) == NULL)
    return FALSE;
  _cd_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  return _cd_store_step_done (self, stmt, "queue the article for sync", error);
}

/**
 * cd_store_list_outbox:
 *
 * Returns: (transfer container) (element-type utf8): the uuids of the
 *   articles waiting to be pushed, longest waiting first
 */
GPtrArray *
cd_store_list_outbox (CdStore *self,
                      GError **error)
{
  static const char sql[] = "SELECT article_uuid FROM outbox ORDER BY queued_at";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdStoreCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) uuids = NULL;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_OUTBOX_LIST, sql, error)) == NULL)
    return NULL;
  uuids = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup (_cd_store_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      _cd_store_set_error (self, error, rc, "read the outbox");
      return NULL;
    }
  return g_steal_pointer (&uuids);
}

/**
 * cd_store_outbox_get_queued_at:
 *
 * Returns: when the article was last queued, in Unix microseconds; it
 *   grows with every queued change. 0 when the article is not queued.
 */
gint64
cd_store_outbox_get_queued_at (CdStore    *self,
                               const char *uuid)
{
  static const char sql[] = "SELECT queued_at FROM outbox WHERE article_uuid = ?";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdStoreCachedStmt) stmt = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  g_return_val_if_fail (uuid != NULL, 0);

  locker = g_mutex_locker_new (&self->mutex);
  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_OUTBOX_QUEUED_AT, sql, NULL)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * cd_store_outbox_remove:
 * @uuid: the article that was pushed
 * @queued_at: the value cd_store_outbox_get_queued_at() gave before the
 *   push
 *
 * Takes an article off the outbox after a push, unless it was queued
 * again in the meantime (its queued_at moved on), in which case the newer
 * change stays queued. Taking it off changes its sync state, so it is
 * announced as %CD_STORE_CHANGE_SYNC_STATE.
 *
 * Returns: %TRUE when nothing went wrong (whether or not a row went)
 */
gboolean
cd_store_outbox_remove (CdStore    *self,
                        const char *uuid,
                        gint64      queued_at,
                        GError    **error)
{
  static const char sql[] = "DELETE FROM outbox WHERE article_uuid = ? AND queued_at <= ?";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdStoreCachedStmt) stmt = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return FALSE;
  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_OUTBOX_REMOVE, sql, error)) == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, queued_at);
  if (!_cd_store_step_done (self, stmt, "update the outbox", error))
    goto fail;
  if (sqlite3_changes (self->db) > 0)
    _cd_store_announce_one (self, CD_STORE_CHANGE_SYNC_STATE, uuid);
  return _cd_store_commit (self, error);

fail:
  _cd_store_rollback (self);
  return FALSE;
}
