/* cd-sync-publish.c: publishing an article, scheduling it, or updating
 * its live post, on one account: the only ways Copydesk changes what
 * readers see.
 *
 * A sync never publishes (cd_article_status_to_site()) and never changes
 * a live post (its edits stay staged, cd-sync-live.c). Publishing is an
 * act of its own: it refuses an article under embargo, a held or killed
 * one, one in conflict and one with check errors nobody overrode, pushes
 * the article's pending changes first (a never pushed article is created
 * then), and only then sends the status and date, nothing else, so that a
 * reply lost on the way and a publish sent again change nothing more on
 * the site. On a live post the same act is the Update: the staged edits
 * go out and the post keeps its status, date and (unless the person says
 * otherwise) its slug. A site that cannot be reached queues the publish
 * for the next sync, which asks before publishing late.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include <unistd.h>

#include "cd-check.h"
#include "cd-sync-private.h"
#include "cd-sync-publish.h"

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
 * once the article is in sync with the site; @unreachable says whether a
 * failure was the site being out of reach. */
static char *
push_first (CdSyncRun  *run,
            const char *uuid,
            gboolean   *unreachable,
            GError    **error)
{
  g_autoptr (CdSyncRow) row = _cd_sync_run_load_row (run, uuid);
  const char *message = NULL;

  g_assert (run != NULL);
  g_assert (uuid != NULL);
  g_assert (unreachable != NULL);

  if (row->state != CD_SYNC_ROW_CONFLICT && (row->remote_id == NULL || row->dirty))
    {
      g_clear_pointer (&row, cd_sync_row_free);
      if (!_cd_sync_push_one (run, uuid, error))
        return NULL;
      row = _cd_sync_run_load_row (run, uuid);
      if ((message = find_message (cd_sync_result_get_errors (run->result), uuid)) == NULL &&
          (message = find_message (cd_sync_result_get_queued (run->result), uuid)) != NULL)
        *unreachable = run->stopped;
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

/* Sends the status and date; when the reply is lost, the site is asked
 * whether the publish took before anyone tries again. */
static CdRemotePost *
publish_post (CdSyncRun  *run,
              const char *remote_id,
              GDateTime  *at,
              GError    **error)
{
  g_autoptr (GError) failure = NULL;
  CdRemotePost *post;

  g_assert (run != NULL);
  g_assert (remote_id != NULL);

  post = cd_cms_publish (run->cms, remote_id, at, run->cancellable, &failure);
  if (post == NULL && (g_error_matches (failure, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME) ||
                       g_error_matches (failure, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT)))
    {
      g_autoptr (CdRemotePost) now = cd_cms_get (run->cms, remote_id, run->cancellable, NULL);

      if (now != NULL && g_strcmp0 (now->status, at != NULL ? "future" : "publish") == 0)
        return g_steal_pointer (&now);
    }
  if (post == NULL)
    g_propagate_error (error, g_steal_pointer (&failure));
  return post;
}

/* Whether @at is far enough ahead for WordPress to schedule, not publish. */
static gboolean
far_enough (GDateTime *at)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  g_assert (at != NULL);

  return g_date_time_difference (at, now) >= CD_SYNC_SCHEDULE_MARGIN_SECONDS * G_TIME_SPAN_SECOND;
}

/* What one publish was asked for. */
typedef struct
{
  const char    *account;
  GDateTime     *at;
  CdPublishFlags flags;
  const char    *reason;     /* why check errors are overridden, or %NULL */
  guint          n_blockers; /* the check errors overridden */
} Request;

/* A live post's slug is its address: a change breaks links, so it goes
 * out only when the person said so. */
static gboolean
check_slug (CdSyncRun     *run,
            CdArticle     *article,
            const Request *request,
            GError       **error)
{
  g_autoptr (CdSyncRow) row = NULL;
  g_autoptr (CdArticle) base = NULL;
  const char *old_slug;
  const char *new_slug = cd_article_get_slug (article);

  g_assert (run != NULL);
  g_assert (CD_IS_ARTICLE (article));
  g_assert (request != NULL);

  if ((request->flags & CD_PUBLISH_FORCE_SLUG) != 0)
    return TRUE;
  row = _cd_sync_run_load_row (run, cd_article_get_uuid (article));
  if ((base = _cd_sync_article_from_json (row->base_json)) == NULL)
    return TRUE;
  old_slug = cd_article_get_slug (base);
  if (old_slug == NULL || *old_slug == '\0' || new_slug == NULL || *new_slug == '\0' ||
      g_str_equal (old_slug, new_slug))
    return TRUE;
  g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_SLUG,
               "Changing the slug of the live post on %s from “%s” to “%s” breaks every link to "
               "it; confirm the change (--force-slug) or put the slug back.",
               run->account, old_slug, new_slug);
  return FALSE;
}

/* The name of the revision that records a publish, the override's reason
 * included, so the article's history keeps it. */
static char *
revision_name (const char    *account,
               gboolean       live,
               const Request *request)
{
  g_autofree char *what = NULL;

  g_assert (account != NULL);
  g_assert (request != NULL);

  if (live)
    what = g_strdup_printf ("Update sent to the live post on %s", account);
  else if (request->at != NULL)
    {
      g_autofree char *when = cd_format_iso8601_utc (request->at);

      what = g_strdup_printf ("Scheduled on %s for %s", account, when);
    }
  else
    what = g_strdup_printf ("Published on %s", account);
  if (request->reason == NULL || request->n_blockers == 0)
    return g_steal_pointer (&what);
  return g_strdup_printf ("%s over %u check error%s: %s", what, request->n_blockers,
                          request->n_blockers == 1 ? "" : "s", request->reason);
}

/* Sets the article's queued publish (or, without @account, takes it away)
 * in a revision named @name. */
static gboolean
save_queued_publish (CdSyncRun  *run,
                     const char *uuid,
                     const char *account,
                     GDateTime  *at,
                     const char *name,
                     GError    **error)
{
  g_autoptr (CdArticle) base = NULL;
  g_autoptr (CdArticle) article = NULL;

  g_assert (run != NULL);
  g_assert (uuid != NULL);

  if ((base = cd_store_get_article (run->store, uuid, error)) == NULL)
    return FALSE;
  article = cd_article_copy (base);
  _cd_sync_set_queued_publish (article, account, at);
  return _cd_sync_save_revision (run->store, base, article, CD_REVISION_NAMED, name, error);
}

/* Records the publish in the article: the site's status, no publish left
 * waiting, and a revision that names it. */
static void
record_published (CdSyncRun     *run,
                  const char    *uuid,
                  CdRemotePost  *post,
                  gboolean       live,
                  const Request *request)
{
  g_autoptr (CdSyncRow) row = _cd_sync_run_load_row (run, uuid);
  g_autoptr (GError) failure = NULL;
  g_autofree char *name = NULL;

  g_assert (run != NULL);
  g_assert (uuid != NULL);
  g_assert (post != NULL);

  _cd_sync_run_record_synced (run, row, post);
  _cd_sync_run_take_site_status (run, uuid, post);
  name = revision_name (run->account, live, request);
  if (!save_queued_publish (run, uuid, NULL, NULL, name, &failure))
    g_warning ("The publish of %s is not in its history: %s", uuid, failure->message);
}

/* One publish, or one Update of a live post, on the run's account. */
static CdRemotePost *
publish_on_run (CdSyncRun     *run,
                const char    *uuid,
                const Request *request,
                gboolean      *unreachable,
                GError       **error)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GError) failure = NULL;
  g_autofree char *remote_id = NULL;
  CdRemotePost    *post;
  gboolean         live;

  g_assert (run != NULL);
  g_assert (uuid != NULL);
  g_assert (request != NULL);
  g_assert (unreachable != NULL);

  if ((article = cd_store_get_article (run->store, uuid, error)) == NULL)
    return NULL;
  live = cd_sync_article_is_live (article);
  if (live && request->at != NULL)
    {
      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_READY,
                   "Article %s is live on %s already and cannot be scheduled again.", uuid,
                   run->account);
      return NULL;
    }
  if (live && !check_slug (run, article, request, error))
    return NULL;

  /* This push is the person's own act: it may change a live post. */
  run->update_live = TRUE;
  if ((remote_id = push_first (run, uuid, unreachable, error)) == NULL)
    return NULL;
  /* WordPress publishes at once a post scheduled for a time gone by: a
   * time that passed while the changes were pushed is a late publish,
   * which only the person may allow. */
  if (request->at != NULL && (request->flags & CD_PUBLISH_LATE) == 0)
    {
      if (!far_enough (request->at))
        {
          g_autofree char *when = cd_format_iso8601_utc (request->at);

          g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_LATE,
                       "Article %s was to be scheduled for %s, which passed before %s had its "
                       "changes; publish it late on purpose (--late) or give a new time.",
                       uuid, when, run->account);
          return NULL;
        }
    }
  post = live ? cd_cms_get (run->cms, remote_id, run->cancellable, &failure)
              : publish_post (run, remote_id, request->at, &failure);
  if (post == NULL)
    {
      *unreachable = cd_cms_error_is_offline (failure);
      g_set_error (error, failure->domain, failure->code, "Article %s was not %s on %s: %s", uuid,
                   live ? "updated" : "published", run->account, failure->message);
      return NULL;
    }
  record_published (run, uuid, post, live, request);
  return post;
}

/* Keeps the publish for the next sync when the site was out of reach. */
static void
queue_publish (CdSyncRun     *run,
               const char    *uuid,
               const Request *request,
               GError       **error)
{
  g_autoptr (GError) failure = NULL;
  g_autofree char *name = NULL;
  const char      *why = error != NULL && *error != NULL ? (*error)->message : "";

  g_assert (run != NULL);
  g_assert (uuid != NULL);
  g_assert (request != NULL);

  name = g_strdup_printf ("Publish queued for %s", run->account);
  if (!save_queued_publish (run, uuid, run->account, request->at, name, &failure))
    return;
  if (error != NULL && *error != NULL)
    {
      g_autofree char *message = g_strdup_printf (
          "%s could not be reached, so the publish of article %s waits and goes out with the "
          "next sync (%s)",
          run->account, uuid, why);

      g_clear_error (error);
      g_set_error_literal (error, CD_SYNC_ERROR, CD_SYNC_ERROR_QUEUED, message);
    }
}

static CdRemotePost *
publish_locked (CdSyncEngine  *self,
                CdSyncRun     *run,
                const char    *uuid,
                const Request *request,
                GError       **error)
{
  g_autofree char *chosen = NULL;
  g_autoptr (CdCms) with_media = NULL;
  gboolean      unreachable = FALSE;
  CdRemotePost *post;

  g_assert (CD_IS_SYNC_ENGINE (self));
  g_assert (run != NULL);
  g_assert (uuid != NULL);

  if (!cd_store_check_writable (run->store, error) ||
      (run->db = cd_sync_db_open (run->store, error)) == NULL ||
      !_cd_sync_absorb_outbox (run->store, run->db, error) ||
      (chosen = _cd_sync_choose_account (run->db, uuid, request->account, error)) == NULL ||
      (run->cms = cd_sync_engine_get_cms (self, chosen, error)) == NULL)
    return NULL;
  run->account = chosen;
  /* Images go up first, once per site, and the body places them. */
  with_media = _cd_sync_media_wrap (run);
  run->cms = with_media;
  post = publish_on_run (run, uuid, request, &unreachable, error);
  if (post == NULL && unreachable)
    {
      g_autoptr (CdArticle) article = cd_store_get_article (run->store, uuid, NULL);

      /* A live post's update is not queued: the person tries it again. */
      if (article != NULL && !cd_sync_article_is_live (article))
        queue_publish (run, uuid, request, error);
    }
  run->account = NULL;
  run->cms = NULL;
  return post;
}

/**
 * _cd_sync_publish_queued:
 *
 * Carries out the publishes that wait for the run's account (asked for
 * while it could not be reached): one to go out now, or at a time still
 * to come, goes out; one whose time passed waits for a person to say it
 * may go out late (%CD_PUBLISH_LATE), and the result says so.
 *
 * Returns: %FALSE when the sync was cancelled
 */
gboolean
_cd_sync_publish_queued (CdSyncRun *run,
                         GError   **error)
{
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) failure = NULL;

  g_return_val_if_fail (run != NULL, FALSE);

  if ((articles = cd_store_list_articles (run->store, NULL, &failure)) == NULL)
    {
      _cd_sync_run_add_error (run, NULL, "%s", failure->message);
      return TRUE;
    }
  for (guint i = 0; !run->stopped && i < articles->len; i++)
    {
      CdArticle  *article = g_ptr_array_index (articles, i);
      const char *uuid = cd_article_get_uuid (article);
      g_autoptr (CdRemotePost) post = NULL;
      g_autoptr (GDateTime) at = NULL;
      g_autofree char *account = NULL;
      gboolean         unreachable = FALSE;
      Request          request = { 0 };

      if (!cd_sync_article_get_queued_publish (article, &account, &at) ||
          g_strcmp0 (account, run->account) != 0)
        continue;
      g_clear_error (&failure);
      /* Too near to schedule: the next sync finds it due. */
      if (at != NULL && g_date_time_compare (at, now) > 0 && !far_enough (at))
        continue;
      if (at != NULL && g_date_time_compare (at, now) <= 0)
        {
          g_autofree char *when = cd_format_iso8601_utc (at);

          _cd_sync_run_add_error (run, uuid,
                                  "Article %s was to be published on %s at %s, which passed "
                                  "before the site could be reached; it waits for you to publish "
                                  "it late.",
                                  uuid, run->account, when);
          continue;
        }
      if (!check_publishable (article, at != NULL ? at : now, at != NULL, &failure))
        {
          _cd_sync_run_add_error (run, uuid, "%s", failure->message);
          continue;
        }
      request.account = run->account;
      request.at = at;
      post = publish_on_run (run, uuid, &request, &unreachable, &failure);
      if (post != NULL)
        _cd_sync_items_add (cd_sync_result_get_pushed (run->result), uuid, run->account,
                            "%s on %s, as asked while it could not be reached.",
                            at != NULL ? "Scheduled" : "Published", run->account);
      else if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return FALSE;
        }
      else if (!unreachable)
        _cd_sync_run_add_error (run, uuid, "%s", failure->message);
    }
  run->update_live = FALSE;
  return TRUE;
}

/**
 * cd_sync_engine_publish_full:
 * @uuid: the article
 * @account: (nullable): the account to publish on, or %NULL for the one
 *   the article is linked to (or the only one there is)
 * @at: (nullable): when the site is to publish it (any zone; sent in UTC),
 *   or %NULL for now
 * @flags: what the person allowed beyond a plain publish
 * @override_reason: (nullable): why check errors may be published over;
 *   kept in the revision that records the publish
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Publishes the article now, schedules it for @at, or (for a live post)
 * sends its staged edits as an Update that keeps the post's status, date
 * and slug. Refused, with nothing sent, before the article's embargo
 * (%CD_SYNC_ERROR_EMBARGO), at a time already past, for a held or killed
 * article, when its changes cannot be pushed first
 * (%CD_SYNC_ERROR_NOT_READY), with check errors and no @override_reason
 * (%CD_SYNC_ERROR_CHECKS), for a live post whose slug changed without
 * %CD_PUBLISH_FORCE_SLUG (%CD_SYNC_ERROR_SLUG), and for a queued publish
 * whose time passed without %CD_PUBLISH_LATE (%CD_SYNC_ERROR_LATE). A site
 * out of reach queues the publish for the next sync
 * (%CD_SYNC_ERROR_QUEUED). Takes the sync lock (%CD_SYNC_ERROR_BUSY while
 * a sync runs) and blocks on the network: call it from a worker thread in
 * the window, or use cd_sync_engine_publish_async().
 *
 * Returns: (transfer full) (nullable): the post as the site has it now
 *   (its status, date and link)
 */
CdRemotePost *
cd_sync_engine_publish_full (CdSyncEngine  *self,
                             const char    *uuid,
                             const char    *account,
                             GDateTime     *at,
                             CdPublishFlags flags,
                             const char    *override_reason,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) blockers = NULL;
  g_autoptr (GDateTime) queued_at = NULL;
  g_autofree char *queued_account = NULL;
  CdSyncRun        run = { 0 };
  Request          request = { 0 };
  CdRemotePost    *post;
  int              lock_fd;

  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  run.store = cd_sync_engine_get_store (self);
  if ((article = cd_store_get_article (run.store, uuid, error)) == NULL)
    return NULL;
  if (cd_sync_article_get_queued_publish (article, &queued_account, &queued_at))
    {
      if (account == NULL)
        account = queued_account;
      if (at == NULL && queued_at != NULL && g_date_time_compare (queued_at, now) > 0)
        at = queued_at;
      else if (at == NULL && queued_at != NULL && (flags & CD_PUBLISH_LATE) == 0)
        {
          g_autofree char *when = cd_format_iso8601_utc (queued_at);

          g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_LATE,
                       "Article %s was to be published at %s, which passed while %s could not "
                       "be reached; publish it late on purpose (--late) or give a new time.",
                       uuid, when, queued_account != NULL ? queued_account : "its site");
          return NULL;
        }
    }
  if (at != NULL && g_date_time_compare (at, now) <= 0)
    {
      g_autofree char *when = cd_format_iso8601 (at);

      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_READY,
                   "%s is already past; a story cannot be scheduled for a time gone by.", when);
      return NULL;
    }
  if (at != NULL && !far_enough (at))
    {
      g_autofree char *when = cd_format_iso8601 (at);

      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_READY,
                   "%s is less than a minute away, and WordPress publishes such a post at once; "
                   "schedule it later or publish it when the time has come.",
                   when);
      return NULL;
    }
  if (!check_publishable (article, at != NULL ? at : now, at != NULL, error))
    return NULL;
  blockers = cd_sync_publish_blockers (run.store, article);
  if (blockers->len > 0 && (override_reason == NULL || cd_text_is_blank (override_reason)))
    {
      const CdFinding *first = g_ptr_array_index (blockers, 0);

      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_CHECKS,
                   "Article %s has %u check error%s (%s); fix them, or give a reason for "
                   "publishing over them (--override REASON).",
                   uuid, blockers->len, blockers->len == 1 ? "" : "s", first->message);
      return NULL;
    }

  if ((lock_fd = _cd_sync_take_lock (run.store, error)) < 0)
    return NULL;
  request.account = account;
  request.at = at;
  request.flags = flags;
  request.reason = override_reason;
  request.n_blockers = blockers->len;
  run.engine = self;
  run.caller_context = g_main_context_ref_thread_default ();
  run.result = _cd_sync_result_new ();
  run.cancellable = cancellable;
  run.deadline_s = CD_SYNC_DEADLINE_SECONDS;
  run.deadline = g_get_monotonic_time () + (gint64) run.deadline_s * G_USEC_PER_SEC;
  post = publish_locked (self, &run, uuid, &request, error);
  g_clear_object (&run.db);
  g_clear_pointer (&run.result, cd_sync_result_unref);
  g_clear_pointer (&run.caller_context, g_main_context_unref);
  close (lock_fd);
  return post;
}

typedef struct
{
  char          *uuid;
  char          *account;
  GDateTime     *at;
  CdPublishFlags flags;
  char          *reason;
} PublishData;

static void
publish_data_free (PublishData *data)
{
  g_free (data->uuid);
  g_free (data->account);
  g_clear_pointer (&data->at, g_date_time_unref);
  g_free (data->reason);
  g_free (data);
}

static void
publish_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PublishData  *data = task_data;
  GError       *error = NULL;
  CdRemotePost *post;

  g_assert (G_IS_TASK (task));
  g_assert (data != NULL);

  post = cd_sync_engine_publish_full (CD_SYNC_ENGINE (source_object), data->uuid, data->account,
                                      data->at, data->flags, data->reason, cancellable, &error);
  if (post == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, post, (GDestroyNotify) cd_remote_post_free);
}

/**
 * cd_sync_engine_publish_async:
 *
 * cd_sync_engine_publish_full() in a worker thread; the main loop never
 * waits on the checks or the network.
 */
void
cd_sync_engine_publish_async (CdSyncEngine       *self,
                              const char         *uuid,
                              const char         *account,
                              GDateTime          *at,
                              CdPublishFlags      flags,
                              const char         *override_reason,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  PublishData *data;

  g_return_if_fail (CD_IS_SYNC_ENGINE (self));
  g_return_if_fail (uuid != NULL);

  data = g_new0 (PublishData, 1);
  data->uuid = g_strdup (uuid);
  data->account = g_strdup (account);
  data->at = at != NULL ? g_date_time_ref (at) : NULL;
  data->flags = flags;
  data->reason = g_strdup (override_reason);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_sync_engine_publish_async);
  g_task_set_task_data (task, data, (GDestroyNotify) publish_data_free);
  g_task_run_in_thread (task, publish_worker);
}

/**
 * cd_sync_engine_publish_finish:
 *
 * Returns: (transfer full) (nullable): the post as the site has it now
 */
CdRemotePost *
cd_sync_engine_publish_finish (CdSyncEngine *self,
                               GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
