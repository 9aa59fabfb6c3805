/* cd-sync-push.c: pushing one account's dirty articles, one after the
 * other, with the CMS's blocking calls.
 *
 * An article without a remote id is created as a draft or pending
 * (cd_article_status_to_site()); one whose create's
 * reply was lost is first looked for by its uuid marker; any other is
 * fetched and pushed against what the server has now (cd-sync-merge.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include "cd-sync-private.h"
#include "cd-sync-publish.h"

/* @post is the article on the server now: records that in @row and
 * reports what was @done. */
static void
push_succeeded (CdSyncRun    *run,
                CdSyncRow    *row,
                CdRemotePost *post,
                const char   *done)
{
  g_assert (run != NULL);
  g_assert (row != NULL);
  g_assert (post != NULL);
  g_assert (done != NULL);

  _cd_sync_run_record_synced (run, row, post);
  /* The push is where a status the listing of a pull does not ask for (one
   * the site added) is seen. */
  _cd_sync_run_take_site_status (run, row->uuid, post);
  _cd_sync_items_add (cd_sync_result_get_pushed (run->result), row->uuid, run->account,
                      "%s on %s.", done, run->account);
}

/**
 * _cd_sync_push_update:
 * @uuid: the article
 * @remote_id: its post
 * @article: what to send
 * @current: the post as the server has it now: only what differs from it
 *   is sent
 *
 * Updates the post and records the article as synced.
 *
 * Returns: %FALSE when the sync was cancelled
 */
gboolean
_cd_sync_push_update (CdSyncRun          *run,
                      const char         *uuid,
                      const char         *remote_id,
                      CdArticle          *article,
                      const CdRemotePost *current,
                      GError            **error)
{
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) failure = NULL;
  g_autoptr (CdSyncRow) row = NULL;

  g_return_val_if_fail (run != NULL && uuid != NULL && remote_id != NULL, FALSE);

  post = cd_cms_update_from (run->cms, remote_id, article, current, NULL, run->cancellable,
                             &failure);
  if (post == NULL)
    return _cd_sync_run_handle_error (run, uuid, failure, error);
  row = _cd_sync_run_load_row (run, uuid);
  push_succeeded (run, row, post, "Updated");
  return TRUE;
}

static gboolean
push_create (CdSyncRun  *run,
             const char *uuid,
             CdArticle  *local,
             GError    **error)
{
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) failure = NULL;
  g_autoptr (CdSyncRow) row = NULL;

  g_assert (run != NULL);
  g_assert (uuid != NULL);
  g_assert (CD_IS_ARTICLE (local));

  /* Written before the request goes out: if the process dies while the
   * server creates the post (SIGKILL, power), the next push finds the post
   * by its marker instead of creating a second one. */
  row = _cd_sync_run_load_row (run, uuid);
  if (!row->create_unknown)
    {
      row->create_unknown = TRUE;
      if (!cd_sync_db_save_row (run->db, row, &failure))
        {
          _cd_sync_run_add_error (run, uuid, "%s", failure->message);
          return TRUE;
        }
    }
  g_clear_pointer (&row, cd_sync_row_free);

  post = cd_cms_create (run->cms, local, NULL, run->cancellable, &failure);
  row = _cd_sync_run_load_row (run, uuid);
  if (post == NULL)
    {
      /* The post may exist now: the next push looks for its marker before
       * it creates again. A cancelled create may have reached the server
       * too. Only a refusal the server gave for certain clears that. */
      if (!g_error_matches (failure, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME) &&
          !g_error_matches (failure, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT) &&
          !g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          row->create_unknown = FALSE;
          _cd_sync_run_record_row (run, row);
        }
      return _cd_sync_run_handle_error (run, uuid, failure, error);
    }
  push_succeeded (run, row, post,
                  g_strcmp0 (post->status, "pending") == 0 ? "Created as pending" : "Created as a draft");
  return TRUE;
}

/* A create whose reply was lost: the post is looked for by its marker
 * before the article is created again. */
static gboolean
push_found_or_create (CdSyncRun  *run,
                      const char *uuid,
                      GError    **error)
{
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) failure = NULL;
  g_autoptr (CdSyncRow) row = NULL;

  g_assert (run != NULL);
  g_assert (uuid != NULL);

  post = cd_cms_find_by_uuid (run->cms, uuid, run->cancellable, &failure);
  if (failure != NULL)
    return _cd_sync_run_handle_error (run, uuid, failure, error);
  if (post == NULL)
    {
      /* Read now, not before the search: the person may have typed since. */
      g_autoptr (CdArticle) local = cd_store_get_article (run->store, uuid, &failure);

      if (local == NULL)
        {
          _cd_sync_run_record_error (run, uuid, failure->message);
          return TRUE;
        }
      return push_create (run, uuid, local, error);
    }

  /* The earlier create did reach the server: that post is this article's,
   * as it was sent then. */
  row = _cd_sync_run_load_row (run, uuid);
  _cd_sync_row_set_synced (row, post);
  row->dirty = TRUE;
  row->state = CD_SYNC_ROW_PENDING;
  _cd_sync_run_record_row (run, row);
  return _cd_sync_push_against_remote (run, uuid, post, error);
}

/**
 * _cd_sync_push_one:
 * @uuid: an article
 *
 * Pushes the article to the run's account: creates its post, or updates it
 * against what the server has now.
 *
 * Returns: %FALSE when the sync was cancelled
 */
gboolean
_cd_sync_push_one (CdSyncRun  *run,
                   const char *uuid,
                   GError    **error)
{
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (GError) failure = NULL;
  g_autoptr (CdSyncRow) row = NULL;
  g_autoptr (CdRemotePost) post = NULL;

  g_return_val_if_fail (run != NULL && uuid != NULL, FALSE);

  local = cd_store_get_article (run->store, uuid, &failure);
  if (local == NULL)
    {
      /* Deleted here for good: there is nothing left to push. */
      if (g_error_matches (failure, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND))
        cd_sync_db_delete_row (run->db, uuid, run->account, NULL);
      else
        _cd_sync_run_record_error (run, uuid, failure->message);
      return TRUE;
    }

  if (!_cd_sync_save_checkpoint (run->store, local, &failure))
    g_warning ("No checkpoint before the sync of %s: %s", uuid, failure->message);

  row = _cd_sync_run_load_row (run, uuid);
  if (row->remote_id != NULL && !run->update_live && cd_sync_article_is_live (local))
    return _cd_sync_stage_update (run, uuid, NULL);
  if (row->remote_id == NULL && row->create_unknown)
    return push_found_or_create (run, uuid, error);
  if (row->remote_id == NULL)
    return push_create (run, uuid, local, error);

  post = cd_cms_get (run->cms, row->remote_id, run->cancellable, &failure);
  if (post == NULL)
    return _cd_sync_run_handle_error (run, uuid, failure, error);
  if (!run->update_live && g_strcmp0 (post->status, "publish") == 0)
    return _cd_sync_stage_update (run, uuid, post);
  return _cd_sync_push_against_remote (run, uuid, post, error);
}

/**
 * _cd_sync_push_account:
 *
 * Pushes every dirty article of the run's account, each counted in the
 * progress, until the account is stopped (no network, credentials).
 *
 * Returns: %FALSE when the sync was cancelled
 */
gboolean
_cd_sync_push_account (CdSyncRun *run,
                       GError   **error)
{
  g_autoptr (GPtrArray) queue = NULL;
  g_autoptr (GError) failure = NULL;

  g_return_val_if_fail (run != NULL, FALSE);

  queue = cd_sync_db_list_dirty (run->db, run->account, &failure);
  if (queue == NULL)
    {
      _cd_sync_run_add_error (run, NULL, "%s", failure->message);
      run->stopped = TRUE;
      return TRUE;
    }
  run->total += queue->len;
  for (guint i = 0; !run->stopped && i < queue->len; i++)
    {
      if (!_cd_sync_push_one (run, g_ptr_array_index (queue, i), error))
        return FALSE;
      _cd_sync_run_step_done (run);
    }
  return TRUE;
}
