/* cd-sync-run.c: the steps every part of a sync shares, in its worker
 * thread: reading and writing the run's rows, what a failure means for an
 * article or for the whole account, and the checkpoint before a sync.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include "cd-article-json.h"
#include "cd-article-site.h"
#include "cd-sync-private.h"

/**
 * _cd_sync_run_load_row:
 *
 * Returns: (transfer full): @uuid's row for the run's account, or a new
 *   pending one
 */
CdSyncRow *
_cd_sync_run_load_row (CdSyncRun  *run,
                       const char *uuid)
{
  g_autoptr (GError) error = NULL;
  CdSyncRow *row;

  g_return_val_if_fail (run != NULL && uuid != NULL, NULL);

  row = cd_sync_db_load_row (run->db, uuid, run->account, &error);
  if (error != NULL)
    g_warning ("%s", error->message);
  return row != NULL ? row : cd_sync_row_new (uuid, run->account);
}

/**
 * _cd_sync_run_add_error:
 * @uuid: (nullable): the article, or %NULL for the account as a whole
 * @format: the message, printf-style
 *
 * Puts the message in the result's errors for the run's account; @uuid's
 * row is left as it is (see _cd_sync_run_record_error()).
 */
void
_cd_sync_run_add_error (CdSyncRun  *run,
                        const char *uuid,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  g_return_if_fail (run != NULL && format != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _cd_sync_items_add (cd_sync_result_get_errors (run->result), uuid, run->account, "%s", message);
}

/**
 * _cd_sync_run_record_row:
 *
 * Writes @row; a failure goes into the result's errors.
 */
void
_cd_sync_run_record_row (CdSyncRun *run,
                         CdSyncRow *row)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (run != NULL && row != NULL);

  if (!cd_sync_db_save_row (run->db, row, &error))
    _cd_sync_run_add_error (run, row->uuid, "%s", error->message);
}

/**
 * _cd_sync_run_record_error:
 *
 * Puts @uuid in error with @message, in its row and in the result.
 */
void
_cd_sync_run_record_error (CdSyncRun  *run,
                           const char *uuid,
                           const char *message)
{
  g_autoptr (CdSyncRow) row = NULL;

  g_return_if_fail (run != NULL && uuid != NULL && message != NULL);

  row = _cd_sync_run_load_row (run, uuid);
  row->state = CD_SYNC_ROW_ERROR;
  cd_sync_row_set_text (&row->error, message);
  _cd_sync_run_record_row (run, row);
  _cd_sync_run_add_error (run, uuid, "%s", message);
}

/**
 * _cd_sync_run_stop_queued:
 *
 * Every dirty article of the account goes into the queued list, and the
 * account stops here: with no network, trying each article would only
 * wait for each timeout in turn.
 */
void
_cd_sync_run_stop_queued (CdSyncRun    *run,
                          const GError *failure)
{
  g_autoptr (GPtrArray) dirty = NULL;
  GPtrArray *queued;

  g_return_if_fail (run != NULL && failure != NULL);

  run->stopped = TRUE;
  queued = cd_sync_result_get_queued (run->result);
  dirty = cd_sync_db_list_dirty (run->db, run->account, NULL);
  for (guint i = 0; dirty != NULL && i < dirty->len; i++)
    {
      const char *uuid = g_ptr_array_index (dirty, i);

      if (!_cd_sync_items_has (queued, uuid, run->account) &&
          !_cd_sync_items_has (cd_sync_result_get_errors (run->result), uuid, run->account))
        _cd_sync_items_add (queued, uuid, run->account, "Waiting to be pushed to %s: %s",
                            run->account, failure->message);
    }
  _cd_sync_items_add (queued, NULL, run->account,
                      "%s could not be reached, so the sync will be tried again: %s",
                      run->account, failure->message);
}

/**
 * _cd_sync_run_stop_error:
 *
 * A failure that concerns the whole account (credentials): reported once,
 * and every article waiting for the account shows it.
 */
void
_cd_sync_run_stop_error (CdSyncRun    *run,
                         const GError *failure)
{
  g_autoptr (GError) local_error = NULL;

  g_return_if_fail (run != NULL && failure != NULL);

  run->stopped = TRUE;
  _cd_sync_run_add_error (run, NULL, "%s: %s", run->account, failure->message);
  if (!cd_sync_db_fail_dirty (run->db, run->account, failure->message, &local_error))
    g_warning ("%s", local_error->message);
}

/**
 * _cd_sync_run_handle_error:
 * @uuid: the article a request failed on
 * @failure: why
 * @error: where a cancellation goes
 *
 * Decides what a failed request on one article means.
 *
 * Returns: %FALSE, with @error set, when the sync was cancelled
 */
gboolean
_cd_sync_run_handle_error (CdSyncRun    *run,
                           const char   *uuid,
                           const GError *failure,
                           GError      **error)
{
  g_return_val_if_fail (run != NULL && uuid != NULL && failure != NULL, FALSE);

  if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (failure));
      return FALSE;
    }
  if (cd_cms_error_is_offline (failure))
    _cd_sync_run_stop_queued (run, failure);
  else if (g_error_matches (failure, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME))
    _cd_sync_items_add (cd_sync_result_get_queued (run->result), uuid, run->account,
                        "The server's reply was lost; the push will be checked and tried again: "
                        "%s",
                        failure->message);
  else if (g_error_matches (failure, CD_CMS_ERROR, CD_CMS_ERROR_AUTH))
    _cd_sync_run_stop_error (run, failure);
  else if (g_error_matches (failure, CD_CMS_ERROR, CD_CMS_ERROR_GONE) ||
           g_error_matches (failure, CD_CMS_ERROR, CD_CMS_ERROR_NOT_FOUND))
    _cd_sync_run_record_error (run, uuid, CD_SYNC_MESSAGE_DELETED);
  else
    _cd_sync_run_record_error (run, uuid, failure->message);
  return TRUE;
}

/**
 * _cd_sync_row_set_synced:
 *
 * Records that the server has @post and that it is what both sides agree
 * on.
 */
void
_cd_sync_row_set_synced (CdSyncRow    *row,
                         CdRemotePost *post)
{
  g_autofree char *modified = NULL;
  g_autofree char *base = NULL;

  g_return_if_fail (row != NULL && post != NULL);

  modified = cd_format_iso8601_utc (post->modified);
  base = cd_article_to_json (post->article, CD_ARTICLE_JSON_DEFAULT, FALSE);
  cd_sync_row_set_text (&row->remote_id, post->remote_id);
  cd_sync_row_set_text (&row->remote_modified, modified);
  cd_sync_row_set_text (&row->base_json, base);
  row->state = CD_SYNC_ROW_SYNCED;
  cd_sync_row_set_text (&row->error, NULL);
  cd_sync_row_set_text (&row->theirs_json, NULL);
  cd_sync_row_set_text (&row->theirs_modified, NULL);
  row->dirty = FALSE;
  row->create_unknown = FALSE;
}

/**
 * _cd_sync_run_record_synced:
 *
 * Sets @row synced with @post (_cd_sync_row_set_synced()) and writes it.
 */
void
_cd_sync_run_record_synced (CdSyncRun    *run,
                            CdSyncRow    *row,
                            CdRemotePost *post)
{
  g_return_if_fail (run != NULL && row != NULL && post != NULL);

  _cd_sync_row_set_synced (row, post);
  _cd_sync_run_record_row (run, row);
}

/**
 * _cd_sync_save_checkpoint:
 * @article: the article as the sync read it from the store
 *
 * Saves @article with a revision from before the sync, without queueing it
 * for a push when it was not queued already: the checkpoint is not a
 * change of its own. A change saved since the sync read @article (the
 * window's autosave) stays: the checkpoint then records that.
 *
 * Returns: %TRUE when saved
 */
gboolean
_cd_sync_save_checkpoint (CdStore   *store,
                          CdArticle *article,
                          GError   **error)
{
  return _cd_sync_save_revision (store, article, article, CD_REVISION_BEFORE_SYNC, NULL, error);
}

/**
 * _cd_sync_save_revision:
 * @base: the article as the sync read it from the store
 * @article: @base with what the sync changed in it
 * @reason: why
 * @name: (nullable): the revision's name, for %CD_REVISION_NAMED
 *
 * Saves @article with a revision of its own, without queueing it for a
 * push when it was not queued already: a revision that records what the
 * sync did (a checkpoint, an update sent to a live post) is not a change
 * to send. What another writer saved since @base was read (the window's
 * autosave, between the sync's read and this write) is merged in, not
 * undone (cd_store_save_article_checked()), and stays queued.
 *
 * Returns: %TRUE when saved
 */
gboolean
_cd_sync_save_revision (CdStore         *store,
                        CdArticle       *base,
                        CdArticle       *article,
                        CdRevisionReason reason,
                        const char      *name,
                        GError         **error)
{
  CdStoreSaveOutcome outcome;
  const char        *uuid;
  gint64             queued_before;

  g_return_val_if_fail (CD_IS_STORE (store) && CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (base), FALSE);

  uuid = cd_article_get_uuid (article);
  queued_before = cd_store_outbox_get_queued_at (store, uuid);
  if (!cd_store_save_article_checked (store, base, article, reason, name, NULL, &outcome, error))
    return FALSE;
  /* A merge holds another writer's change, which is to be sent. */
  if (queued_before == 0 && outcome == CD_STORE_SAVE_WRITTEN)
    return cd_store_outbox_remove (store, uuid, cd_store_outbox_get_queued_at (store, uuid),
                                   error);
  return TRUE;
}

/**
 * _cd_sync_article_from_json:
 * @json: (nullable): a stored article
 *
 * Returns: (transfer full) (nullable): the article, or %NULL when there is
 *   none or it cannot be read (which is logged)
 */
CdArticle *
_cd_sync_article_from_json (const char *json)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article;

  if (json == NULL)
    return NULL;
  article = cd_article_from_json (json, &error);
  if (article == NULL)
    g_warning ("A stored sync base could not be read: %s", error->message);
  return article;
}

/**
 * _cd_sync_run_take_site_status:
 * @uuid: the article of @post
 * @post: its post as the site has it now
 *
 * Records the post's status on the site in the local article and moves
 * the local status with it (cd_article_take_site_status()), saved as a
 * pulled change (no push follows from it) when anything changed.
 */
void
_cd_sync_run_take_site_status (CdSyncRun    *run,
                               const char   *uuid,
                               CdRemotePost *post)
{
  g_autoptr (CdArticle) base = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (run != NULL && uuid != NULL && post != NULL);

  if (post->article == NULL || (base = cd_store_get_article (run->store, uuid, NULL)) == NULL)
    return;
  local = cd_article_copy (base);
  if (cd_article_take_site_status (local, post->status, cd_article_get_created (post->article)) &&
      !cd_store_save_article_checked (run->store, base, local, CD_REVISION_PULLED, NULL, NULL,
                                      NULL, &error))
    _cd_sync_run_add_error (run, uuid, "%s", error->message);
}
