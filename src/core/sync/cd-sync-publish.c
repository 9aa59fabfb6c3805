/* cd-sync-publish.c: publishing an article, or scheduling it, on one
 * account: the only way Copydesk makes a post live.
 *
 * A sync never publishes (cd_article_status_to_site()). Publishing is an
 * act of its own: it refuses an article under embargo, a held or killed
 * one and one in conflict, pushes the article's pending changes first (a
 * never pushed article is created then), and only then sends the status
 * and date, nothing else, so that a reply lost on the way and a publish
 * sent again change nothing more on the site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include <unistd.h>

#include "cd-sync-private.h"

/* Refuses what may not go live at @when (UTC), before anything is sent. */
static gboolean
check_publishable (CdArticle *article,
                   GDateTime *when,
                   gboolean   scheduled,
                   GError   **error)
{
  GDateTime       *embargo = cd_article_get_embargo (article);
  const char      *headline = cd_article_get_headline (article);
  CdArticleStatus  status = cd_article_get_status (article);
  g_autofree char *name = NULL;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (when != NULL);

  name = g_strdup_printf ("“%s”", headline != NULL && *headline != '\0'
                                      ? headline
                                      : cd_article_get_uuid (article));
  if (status == CD_ARTICLE_STATUS_HELD || status == CD_ARTICLE_STATUS_KILLED)
    {
      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_READY,
                   "%s is %s and cannot be published; change its status first.", name,
                   cd_article_status_to_string (status));
      return FALSE;
    }
  if (embargo != NULL && g_date_time_compare (when, embargo) < 0)
    {
      g_autofree char *local = cd_format_iso8601 (embargo);
      g_autofree char *utc = cd_format_iso8601_utc (embargo);

      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_EMBARGO,
                   "%s is under embargo until %s (%s) and cannot be %s before then.", name, local,
                   utc, scheduled ? "scheduled" : "published");
      return FALSE;
    }
  return TRUE;
}

/* The account to publish on: @account when given, else the one account
 * the article is linked to, else the only account there is. */
static char *
choose_account (CdSyncDb   *db,
                const char *uuid,
                const char *account,
                GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  const char *linked = NULL;
  guint       n_linked = 0;

  g_assert (CD_IS_SYNC_DB (db));
  g_assert (uuid != NULL);

  if (account != NULL)
    return g_strdup (account);
  if ((rows = cd_sync_db_list_rows (db, uuid, error)) == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      CdSyncRow *row = g_ptr_array_index (rows, i);

      if (row->remote_id != NULL)
        {
          linked = row->account;
          n_linked++;
        }
    }
  if (n_linked == 1)
    return g_strdup (linked);
  if ((accounts = cd_sync_db_list_accounts (db, error)) == NULL)
    return NULL;
  if (n_linked == 0 && accounts->len == 1)
    return g_strdup (g_ptr_array_index (accounts, 0));
  if (accounts->len == 0)
    g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NO_ACCOUNTS,
                 "There is no account to publish on; add one with “copydesk account add”.");
  else
    g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_UNKNOWN_ACCOUNT,
                 "Article %s could be published on more than one account; name the account.",
                 uuid);
  return NULL;
}

/* The first message of @items about @uuid or about the whole account. */
static const char *
find_message (GPtrArray  *items,
              const char *uuid)
{
  g_assert (items != NULL);

  for (guint i = 0; i < items->len; i++)
    {
      CdSyncItem *item = g_ptr_array_index (items, i);

      if (item->uuid == NULL || g_strcmp0 (item->uuid, uuid) == 0)
        return item->message;
    }
  return NULL;
}

/* Pushes @uuid's pending changes, if it has any, and gives its post's id
 * once the article is in sync with the site. */
static char *
push_first (CdSyncRun  *run,
            const char *uuid,
            GError    **error)
{
  g_autoptr (CdSyncRow) row = _cd_sync_run_load_row (run, uuid);
  const char *message = NULL;

  g_assert (run != NULL);
  g_assert (uuid != NULL);

  if (row->state != CD_SYNC_ROW_CONFLICT && (row->remote_id == NULL || row->dirty))
    {
      g_clear_pointer (&row, cd_sync_row_free);
      if (!_cd_sync_push_one (run, uuid, error))
        return NULL;
      row = _cd_sync_run_load_row (run, uuid);
      if ((message = find_message (cd_sync_result_get_errors (run->result), uuid)) == NULL)
        message = find_message (cd_sync_result_get_queued (run->result), uuid);
    }
  if (row->state == CD_SYNC_ROW_CONFLICT)
    {
      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_READY,
                   "Article %s is in conflict with %s; resolve the conflict before publishing.",
                   uuid, run->account);
      return NULL;
    }
  if (message != NULL || row->remote_id == NULL || row->dirty)
    {
      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_READY,
                   "Article %s was not published because its changes could not be pushed to "
                   "%s first: %s",
                   uuid, run->account, message != NULL ? message : "they wait for the next sync.");
      return NULL;
    }
  return g_strdup (row->remote_id);
}

static CdRemotePost *
publish_locked (CdSyncEngine *self,
                CdSyncRun    *run,
                const char   *uuid,
                const char   *account,
                GDateTime    *at,
                GError      **error)
{
  g_autofree char *chosen = NULL;
  g_autofree char *remote_id = NULL;
  g_autoptr (GError) failure = NULL;
  g_autoptr (CdSyncRow) row = NULL;
  g_autoptr (CdCms) with_media = NULL;
  CdRemotePost *post;

  g_assert (CD_IS_SYNC_ENGINE (self));
  g_assert (run != NULL);
  g_assert (uuid != NULL);

  if ((run->db = cd_sync_db_open (run->store, error)) == NULL ||
      !_cd_sync_absorb_outbox (run->store, run->db, error) ||
      (chosen = choose_account (run->db, uuid, account, error)) == NULL ||
      (run->cms = cd_sync_engine_get_cms (self, chosen, error)) == NULL)
    return NULL;
  run->account = chosen;
  with_media = _cd_sync_media_wrap (run);
  run->cms = with_media;
  remote_id = push_first (run, uuid, error);
  if (remote_id == NULL)
    return NULL;
  post = cd_cms_publish (run->cms, remote_id, at, run->cancellable, &failure);
  if (post == NULL)
    {
      g_set_error (error, failure->domain, failure->code, "Article %s was not published on %s: %s",
                   uuid, chosen, failure->message);
      return NULL;
    }
  row = _cd_sync_run_load_row (run, uuid);
  _cd_sync_row_set_synced (row, post);
  _cd_sync_run_record_row (run, row);
  _cd_sync_run_take_site_status (run, uuid, post);
  run->account = NULL;
  run->cms = NULL;
  return post;
}

/**
 * cd_sync_engine_publish:
 * @uuid: the article
 * @account: (nullable): the account to publish on, or %NULL for the one
 *   the article is linked to (or the only one there is)
 * @at: (nullable): when the site is to publish it (any zone; sent in UTC),
 *   or %NULL for now
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Publishes the article now, or schedules it for @at. Refused, with
 * nothing sent, before the article's embargo (%CD_SYNC_ERROR_EMBARGO), at
 * a time already past, for a held or killed article, and when its changes
 * cannot be pushed first (%CD_SYNC_ERROR_NOT_READY). Takes the sync lock
 * (%CD_SYNC_ERROR_BUSY while a sync runs) and blocks on the network: call
 * it from a worker thread in the window.
 *
 * Returns: (transfer full) (nullable): the post as the site has it now
 *   (its status, date and link)
 */
CdRemotePost *
cd_sync_engine_publish (CdSyncEngine *self,
                        const char   *uuid,
                        const char   *account,
                        GDateTime    *at,
                        GCancellable *cancellable,
                        GError      **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (CdArticle) article = NULL;
  CdSyncRun     run = { 0 };
  CdRemotePost *post;
  int           lock_fd;

  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  run.store = cd_sync_engine_get_store (self);
  if ((article = cd_store_get_article (run.store, uuid, error)) == NULL)
    return NULL;
  if (at != NULL && g_date_time_compare (at, now) <= 0)
    {
      g_autofree char *when = cd_format_iso8601 (at);

      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_READY,
                   "%s is already past; a story cannot be scheduled for a time gone by.", when);
      return NULL;
    }
  if (!check_publishable (article, at != NULL ? at : now, at != NULL, error))
    return NULL;

  if ((lock_fd = _cd_sync_take_lock (run.store, error)) < 0)
    return NULL;
  run.engine = self;
  run.caller_context = g_main_context_ref_thread_default ();
  run.result = _cd_sync_result_new ();
  run.cancellable = cancellable;
  run.deadline_s = CD_SYNC_DEADLINE_SECONDS;
  run.deadline = g_get_monotonic_time () + (gint64) run.deadline_s * G_USEC_PER_SEC;
  post = publish_locked (self, &run, uuid, account, at, error);
  g_clear_object (&run.db);
  g_clear_pointer (&run.result, cd_sync_result_unref);
  g_clear_pointer (&run.caller_context, g_main_context_unref);
  close (lock_fd);
  return post;
}
