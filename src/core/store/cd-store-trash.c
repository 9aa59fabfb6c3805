/* cd-store-trash.c: the trash: articles moved out of listings and search,
 * brought back, or deleted for good.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-store"

#include "config.h"

#include "cd-store.h"
#include "cd-store-private.h"

/* Sets or clears trashed_at. Trashing what is already in the trash, or
 * restoring what is not, changes nothing, announces nothing and
 * succeeds. */
static gboolean
set_trashed (CdStore    *self,
             const char *uuid,
             gboolean    trashed,
             GError    **error)
{
  static const char trash_sql[] =
      "UPDATE articles SET trashed_at = ?2 WHERE uuid = ?1 AND trashed_at IS NULL";
  static const char untrash_sql[] =
      "UPDATE articles SET trashed_at = NULL WHERE uuid = ?1 AND trashed_at IS NOT NULL";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdStoreCachedStmt) stmt = NULL;

  g_assert (CD_IS_STORE (self));
  g_assert (uuid != NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return FALSE;
  stmt = trashed ? _cd_store_statement (self, CD_STORE_STMT_TRASH, trash_sql, error)
                 : _cd_store_statement (self, CD_STORE_STMT_UNTRASH, untrash_sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (trashed)
    sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (!_cd_store_step_done (self, stmt,
                            trashed ? "move the article to the trash"
                                    : "restore the article from the trash",
                            error))
    goto fail;
  if (sqlite3_changes (self->db) > 0)
    _cd_store_announce_one (self, trashed ? CD_STORE_CHANGE_TRASH : CD_STORE_CHANGE_RESTORE, uuid);
  else if (!_cd_store_article_exists_locked (self, uuid))
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   "There is no article with the uuid “%s”.", uuid);
      goto fail;
    }
  return _cd_store_commit (self, error);

fail:
  _cd_store_rollback (self);
  return FALSE;
}

/**
 * cd_store_trash_article:
 *
 * Moves an article to the trash: it leaves listings and search, and stays
 * until cd_store_untrash_article() or cd_store_empty_trash().
 *
 * Returns: %TRUE on success; %CD_STORE_ERROR_NOT_FOUND for an unknown uuid
 */
gboolean
cd_store_trash_article (CdStore    *self,
                        const char *uuid,
                        GError    **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return set_trashed (self, uuid, TRUE, error);
}

/**
 * cd_store_untrash_article:
 *
 * Brings an article back from the trash.
 *
 * Returns: %TRUE on success; %CD_STORE_ERROR_NOT_FOUND for an unknown uuid
 */
gboolean
cd_store_untrash_article (CdStore    *self,
                          const char *uuid,
                          GError    **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return set_trashed (self, uuid, FALSE, error);
}

gboolean
cd_store_is_trashed (CdStore    *self,
                     const char *uuid)
{
  static const char sql[] = "SELECT trashed_at IS NOT NULL FROM articles WHERE uuid = ?";

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return _cd_store_query_flag (self, CD_STORE_STMT_IS_TRASHED, sql, uuid);
}

/* Deleting articles for good may leave images nobody refers to; they go
 * now. The articles are gone either way, so a failure here is only
 * logged: the next purge collects what this one left. */
static void
collect_images_after_purge (CdStore *self)
{
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_STORE (self));

  cd_store_collect_images (self, &error);
  if (error != NULL)
    g_warning ("Could not delete the images no article uses any more: %s", error->message);
}

/**
 * cd_store_empty_trash:
 *
 * Deletes the articles in the trash for good, with their revisions and
 * outbox entries, and announces them as %CD_STORE_CHANGE_TRASH; then
 * deletes the images no article refers to any more
 * (cd_store_collect_images()).
 *
 * Returns: how many articles were deleted; 0 with @error set on failure
 */
guint
cd_store_empty_trash (CdStore *self,
                      GError **error)
{
  /* Foreign keys would cascade, but saying it keeps the store right even
   * on a connection where they are off. */
  static const char sql[] =
      "DELETE FROM revisions WHERE article_uuid IN"
      "  (SELECT uuid FROM articles WHERE trashed_at IS NOT NULL);"
      "DELETE FROM outbox WHERE article_uuid IN"
      "  (SELECT uuid FROM articles WHERE trashed_at IS NOT NULL);"
      "DELETE FROM article_bodies WHERE article_id IN"
      "  (SELECT id FROM articles WHERE trashed_at IS NOT NULL);"
      "DELETE FROM articles WHERE trashed_at IS NOT NULL;";
  static const char uuids_sql[] = "SELECT uuid FROM articles WHERE trashed_at IS NOT NULL";
  g_autoptr (GMutexLocker) locker = NULL;
  CdStoreCachedStmt *stmt;
  guint              deleted;
  int                rc;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return 0;
  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_TRASHED_UUIDS, uuids_sql, error)) == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _cd_store_announce_one (self, CD_STORE_CHANGE_TRASH, _cd_store_column_text (stmt, 0));
  _cd_store_cached_stmt_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cd_store_set_error (self, error, rc, "empty the trash");
      goto fail;
    }
  if (!_cd_store_exec (self, sql, "empty the trash", error))
    goto fail;
  /* The last statement's count: articles, not the rows cascaded. */
  deleted = sqlite3_changes (self->db);
  if (!_cd_store_commit (self, error))
    return 0;
  g_clear_pointer (&locker, g_mutex_locker_free);
  collect_images_after_purge (self);
  return deleted;

fail:
  _cd_store_rollback (self);
  return 0;
}
