/* cd-store-revisions.c: the revisions table: every snapshot an article
 * had, listed, read back and restored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-store"

#include "config.h"

#include "cd-article-json.h"
#include "cd-store.h"
#include "cd-store-private.h"
#include "cd-revision-private.h"

gboolean
_cd_store_insert_revision (CdStore         *self,
                           CdArticle       *article,
                           CdRevisionReason reason,
                           const char      *name,
                           const char      *snapshot,
                           GError         **error)
{
  static const char sql[] =
      "INSERT INTO revisions (article_uuid, created, reason, name, snapshot)"
      " VALUES (?, ?, ?, ?, ?)";
  g_autoptr (CdStoreCachedStmt) stmt = NULL;
  g_autofree char *made = snapshot == NULL ? cd_article_to_json (article, CD_ARTICLE_JSON_DEFAULT, FALSE) : NULL;

  g_assert (CD_IS_STORE (self));
  g_assert (CD_IS_ARTICLE (article));

  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_REVISION_INSERT, sql, error)) == NULL)
    return FALSE;
  _cd_store_bind_text (stmt, 1, cd_article_get_uuid (article));
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  _cd_store_bind_text (stmt, 3, cd_revision_reason_to_string (reason));
  _cd_store_bind_text (stmt, 4, name);
  _cd_store_bind_text (stmt, 5, snapshot != NULL ? snapshot : made);
  return _cd_store_step_done (self, stmt, "record a revision", error);
}

static GDateTime *
datetime_from_unix_usec (gint64 usec)
{
  g_autoptr (GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

#define REVISION_COLUMNS "id, article_uuid, created, reason, name, snapshot"

/* With @lazy, the snapshot is parsed when first asked for; without, now,
 * so that damage is reported as an error (restoring must not guess). */
static CdRevision *
row_to_revision (CdStore      *self,
                 sqlite3_stmt *stmt,
                 gboolean      lazy,
                 GError      **error)
{
  g_autoptr (CdArticle) snapshot = NULL;
  g_autoptr (GDateTime) created = datetime_from_unix_usec (sqlite3_column_int64 (stmt, 2));
  CdRevisionReason reason = CD_REVISION_NONE;
  g_autoptr (GError) local_error = NULL;
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_assert (CD_IS_STORE (self));
  g_assert (stmt != NULL);

  cd_revision_reason_from_string (_cd_store_column_text (stmt, 3), &reason);
  if (lazy)
    return _cd_revision_new_lazy (id, _cd_store_column_text (stmt, 1), g_strdup (_cd_store_column_text (stmt, 5)),
                                  created, reason, _cd_store_column_text (stmt, 4));

  snapshot = cd_article_from_json (_cd_store_column_text (stmt, 5), &local_error);
  if (snapshot == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_CORRUPT,
                   "Revision %" G_GINT64_FORMAT " in the store “%s” is damaged: %s",
                   id, self->path, local_error->message);
      return NULL;
    }
  /* The row, not the snapshot, says which article a revision belongs to. */
  cd_article_set_uuid (snapshot, _cd_store_column_text (stmt, 1));
  return cd_revision_new (id, snapshot, created, reason, _cd_store_column_text (stmt, 4));
}

/**
 * cd_store_list_revisions:
 * @uuid: an article's uuid
 *
 * Lists an article's history cheaply: each revision's snapshot is read
 * from its JSON only when cd_revision_get_snapshot() first asks for it.
 *
 * Returns: (transfer container) (element-type CdRevision): the article's
 *   revisions, newest first; empty for an article without any
 */
GPtrArray *
cd_store_list_revisions (CdStore    *self,
                         const char *uuid,
                         GError    **error)
{
  static const char sql[] =
      "SELECT " REVISION_COLUMNS " FROM revisions WHERE article_uuid = ? ORDER BY id DESC";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdStoreCachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_REVISION_LIST, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  revisions = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdRevision *revision = row_to_revision (self, stmt, TRUE, error);

      if (revision == NULL)
        return NULL;
      g_ptr_array_add (revisions, revision);
    }
  if (rc != SQLITE_DONE)
    {
      _cd_store_set_error (self, error, rc, "list the revisions");
      return NULL;
    }
  return g_steal_pointer (&revisions);
}

CdRevision *
_cd_store_get_revision_locked (CdStore *self,
                               gint64   revision_id,
                               GError **error)
{
  static const char sql[] = "SELECT " REVISION_COLUMNS " FROM revisions WHERE id = ?";
  g_autoptr (CdStoreCachedStmt) stmt = NULL;
  int rc;

  g_assert (CD_IS_STORE (self));

  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_REVISION_GET, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   "There is no revision %" G_GINT64_FORMAT ".", revision_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cd_store_set_error (self, error, rc, "read the revision");
      return NULL;
    }
  return row_to_revision (self, stmt, FALSE, error);
}

/**
 * cd_store_get_revision:
 *
 * Returns: (transfer full) (nullable): the revision;
 *   %CD_STORE_ERROR_NOT_FOUND when there is none with @revision_id
 */
CdRevision *
cd_store_get_revision (CdStore *self,
                       gint64   revision_id,
                       GError **error)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  return _cd_store_get_revision_locked (self, revision_id, error);
}

/**
 * cd_store_restore_revision:
 * @revision_id: the revision to go back to
 *
 * Makes a revision's snapshot the article's current state, as a new
 * change: the modified time is now, a %CD_REVISION_RESTORED revision
 * records it and the article is queued for sync. Later revisions stay.
 *
 * Returns: (transfer full) (nullable): the article as restored
 */
CdArticle *
cd_store_restore_revision (CdStore *self,
                           gint64   revision_id,
                           GError **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdRevision) revision = NULL;
  g_autoptr (CdArticle) article = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return NULL;
  revision = _cd_store_get_revision_locked (self, revision_id, error);
  if (revision == NULL)
    {
      _cd_store_rollback (self);
      return NULL;
    }
  article = cd_article_copy (cd_revision_get_snapshot (revision));
  cd_article_touch (article);
  if (!_cd_store_save_article_locked (self, article, CD_REVISION_RESTORED, NULL, error))
    {
      _cd_store_rollback (self);
      return NULL;
    }
  if (!_cd_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&article);
}
