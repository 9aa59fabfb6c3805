/* cd-sync-merge.c: an article changed here meets what the server has: a
 * fast-forward when the server did not change since the base, a three-way
 * merge (cd-merge.c, the body block by block in cd-wp-merge.c) otherwise, and a conflict that keeps both sides when
 * the merge is not clean. A conflict waits for cd_sync_engine_resolve().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include "cd-article-json.h"
#include "cd-corrections.h"
#include "cd-merge.h"
#include "cd-sync-private.h"
#include "cd-sync-state.h"
#include "cd-wp-content.h"
#include "cd-wp-merge.h"

/* Whether @post shows @article's corrections as they are now: only a
 * live post carries them (cd-corrections.c). */
static gboolean
corrections_shown (CdArticle    *article,
                   CdRemotePost *post)
{
  g_autofree char *block = NULL;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (post != NULL);

  if (g_strcmp0 (post->status, "publish") != 0)
    return TRUE;
  block = cd_corrections_to_block (article, post->content != NULL &&
                                                cd_wp_content_is_classic (post->content, -1));
  return g_strcmp0 (block, post->corrections) == 0;
}

/* Records the conflict between @row's article and @post, keeping both. */
static void
record_conflict (CdSyncRun    *run,
                 CdSyncRow    *row,
                 CdRemotePost *post,
                 char        **conflicts)
{
  g_autofree char *theirs = cd_article_to_json (post->article, CD_ARTICLE_JSON_DEFAULT, FALSE);
  g_autofree char *modified = cd_format_iso8601_utc (post->modified);
  g_autofree char *fields = g_strjoinv (", ", conflicts);

  g_assert (run != NULL);
  g_assert (row != NULL);
  g_assert (post != NULL);
  g_assert (conflicts != NULL);

  row->state = CD_SYNC_ROW_CONFLICT;
  cd_sync_row_set_text (&row->error, NULL);
  cd_sync_row_set_text (&row->theirs_json, theirs);
  cd_sync_row_set_text (&row->theirs_modified, modified);
  _cd_sync_run_record_row (run, row);
  _cd_sync_items_add (cd_sync_result_get_conflicts (run->result), row->uuid, run->account,
                      "Changed here and on %s in ways that do not merge (%s); both sides are "
                      "kept.",
                      run->account, fields);
}

/**
 * _cd_sync_push_against_remote:
 * @uuid: an article with local changes
 * @post: its post as the server has it now
 *
 * Updates the post when nobody else changed it since the base, merges
 * otherwise.
 *
 * Returns: %FALSE when the sync was cancelled
 */
gboolean
_cd_sync_push_against_remote (CdSyncRun    *run,
                              const char   *uuid,
                              CdRemotePost *post,
                              GError      **error)
{
  g_autoptr (CdSyncRow) row = NULL;
  g_autoptr (CdArticle) base = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (CdArticle) merged = NULL;
  g_autoptr (GError) failure = NULL;
  g_auto (GStrv) conflicts = NULL;

  g_return_val_if_fail (run != NULL && uuid != NULL && post != NULL, FALSE);

  if (g_strcmp0 (post->status, "trash") == 0)
    {
      _cd_sync_run_record_error (run, uuid, CD_SYNC_MESSAGE_DELETED);
      return TRUE;
    }

  /* Read now, not before the request: the person may have typed since. */
  local = cd_store_get_article (run->store, uuid, &failure);
  if (local == NULL)
    {
      _cd_sync_run_record_error (run, uuid, failure->message);
      return TRUE;
    }

  /* modified_gmt has a one-second resolution and moves on saves that change
   * nothing, so the content decides: unchanged since the base → update.
   * Without a base (lost sync tables) both sides count as new text, so
   * nothing is overwritten unless they agree. */
  row = _cd_sync_run_load_row (run, uuid);
  base = _cd_sync_article_from_json (row->base_json);
  if (base == NULL)
    base = cd_article_new_with_uuid (uuid);
  else if (cd_merge_content_equal (post->article, base))
    return _cd_sync_push_update (run, uuid, post->remote_id, local, post, error);

  /* The body merges block by block (cd-wp-merge.c): a change to one block
   * here and to another there merge cleanly, and a conflict names the
   * block. */
  merged = cd_merge_articles_with (base, local, post->article, cd_wp_body_merge, &conflicts,
                                   &failure);
  if (merged == NULL && conflicts == NULL)
    {
      _cd_sync_run_record_error (run, uuid, failure->message);
      return TRUE;
    }
  if (merged == NULL)
    {
      record_conflict (run, row, post, conflicts);
      return TRUE;
    }

  if (!cd_merge_content_equal (merged, local))
    {
      /* Typing saved since @local was read is merged in, not undone. */
      if (!_cd_sync_save_checkpoint (run->store, local, &failure) ||
          !cd_store_save_article_checked (run->store, local, merged, CD_REVISION_MERGED, NULL,
                                          NULL, NULL, &failure))
        {
          _cd_sync_run_record_error (run, uuid, failure->message);
          return TRUE;
        }
      _cd_sync_items_add (cd_sync_result_get_pulled (run->result), uuid, run->account,
                          "Merged with changes made on %s.", run->account);
    }

  /* When the merge is what the server has already (an update whose reply
   * was lost), there is nothing to send; a live post also shows the
   * corrections, which are not part of the text. The featured image is
   * local (the merge keeps ours) but the site shows it too. */
  if (cd_merge_content_equal (merged, post->article) && corrections_shown (merged, post) &&
      g_strcmp0 (cd_article_get_image (merged) ?: "", cd_article_get_image (post->article) ?: "") ==
          0)
    {
      _cd_sync_run_record_synced (run, row, post);
      return TRUE;
    }
  return _cd_sync_push_update (run, uuid, post->remote_id, merged, post, error);
}

/**
 * cd_sync_engine_get_conflict:
 * @uuid: the article
 * @account: the account it conflicts with
 * @base: (out) (optional) (transfer full): the article as last synced
 * @mine: (out) (optional) (transfer full): the local article
 * @theirs: (out) (optional) (transfer full): the article as the server has it
 * @error: return location for an error
 *
 * Gives the three sides of a conflict, for a side-by-side view; the same
 * as cd_sync_get_conflict().
 *
 * Returns: %TRUE when the article is in conflict with @account
 */
gboolean
cd_sync_engine_get_conflict (CdSyncEngine *self,
                             const char   *uuid,
                             const char   *account,
                             CdArticle   **base,
                             CdArticle   **mine,
                             CdArticle   **theirs,
                             GError      **error)
{
  g_autoptr (CdSyncConflict) conflict = NULL;

  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (uuid != NULL && account != NULL, FALSE);

  conflict = cd_sync_get_conflict (cd_sync_engine_get_store (self), uuid, account, error);
  if (conflict == NULL)
    return FALSE;
  if (base != NULL)
    *base = g_object_ref (cd_sync_conflict_get_base (conflict));
  if (mine != NULL)
    *mine = g_object_ref (cd_sync_conflict_get_mine (conflict));
  if (theirs != NULL)
    *theirs = g_object_ref (cd_sync_conflict_get_theirs (conflict));
  return TRUE;
}

/**
 * cd_sync_engine_resolve:
 * @uuid: the article in conflict
 * @account: the account it conflicts with
 * @resolved: the article as the person settled it (mine, theirs, or an
 *   edited merge)
 * @error: return location for an error
 *
 * Saves @resolved here as a merge revision, takes the server's side as the
 * new base and queues a push, which the next sync makes unless the server
 * changed again.
 *
 * Returns: %TRUE when the resolution is saved
 */
gboolean
cd_sync_engine_resolve (CdSyncEngine *self,
                        const char   *uuid,
                        const char   *account,
                        CdArticle    *resolved,
                        GError      **error)
{
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdSyncRow) row = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GError) local_error = NULL;
  CdStore *store;

  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (uuid != NULL && account != NULL, FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (resolved), FALSE);

  store = cd_sync_engine_get_store (self);
  if ((db = cd_sync_db_open (store, error)) == NULL)
    return FALSE;
  row = cd_sync_db_load_row (db, uuid, account, &local_error);
  if (row == NULL || row->state != CD_SYNC_ROW_CONFLICT || row->theirs_json == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_IN_CONFLICT,
                     "Article %s has no conflict with %s to resolve.", uuid, account);
      return FALSE;
    }

  article = cd_article_copy (resolved);
  cd_article_set_uuid (article, uuid);
  cd_article_touch (article);
  if (!cd_store_save_article (store, article, CD_REVISION_MERGED, NULL, error))
    return FALSE;

  g_free (row->base_json);
  row->base_json = g_steal_pointer (&row->theirs_json);
  g_free (row->remote_modified);
  row->remote_modified = g_steal_pointer (&row->theirs_modified);
  row->state = CD_SYNC_ROW_PENDING;
  cd_sync_row_set_text (&row->error, NULL);
  row->dirty = TRUE;
  if (!cd_sync_db_save_row (db, row, error))
    return FALSE;

  /* Every other account gets the settled text too. */
  return cd_sync_db_requeue_others (db, uuid, account, error);
}
