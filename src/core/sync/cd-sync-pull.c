/* cd-sync-pull.c: pulling what changed on one account's server since the
 * last pull: new posts become articles (in batches, one transaction each),
 * a post whose article did not change here fast-forwards it, and one
 * changed on both sides waits for the next push, which merges it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include "cd-article-json.h"
#include "cd-import.h"
#include "cd-article-site.h"
#include "cd-merge.h"
#include "cd-sync-private.h"

/* Posts changed a little before the last one seen are listed again: the
 * server's clock, its one-second resolution and posts saved while a list
 * was paged through could otherwise hide a change. */
#define PULL_OVERLAP_SECONDS (5 * 60)

/* The most posts written in one transaction: the store stays locked for
 * the whole batch, and an edit saved meanwhile waits for it. */
#define PULL_BATCH 25

/* A post whose marker names an article of the store that this account
 * does not link to any post yet: a create whose reply was lost. Links it
 * and queues any local change made since. Returns FALSE when the post is
 * not such a case. */
static gboolean
pull_link_by_marker (CdSyncRun    *run,
                     CdRemotePost *post,
                     const char   *marker)
{
  g_autoptr (CdSyncRow) existing = NULL;
  g_autoptr (CdArticle) linked = NULL;
  g_autoptr (CdSyncRow) row = NULL;

  g_assert (run != NULL);
  g_assert (post != NULL);
  g_assert (marker != NULL);

  /* The marker of an article this account knows under another post (a
   * copy made on the server) does not make the two the same. */
  existing = cd_sync_db_load_row (run->db, marker, run->account, NULL);
  if (existing != NULL && existing->remote_id != NULL)
    return FALSE;

  linked = cd_store_get_article (run->store, marker, NULL);
  if (g_strcmp0 (post->status, "trash") == 0 || linked == NULL)
    return TRUE;
  row = _cd_sync_run_load_row (run, marker);
  _cd_sync_row_set_synced (row, post);
  _cd_sync_items_remove (cd_sync_result_get_queued (run->result), marker, run->account);
  if (!cd_merge_content_equal (linked, post->article))
    {
      row->dirty = TRUE;
      row->state = CD_SYNC_ROW_PENDING;
      _cd_sync_items_add (cd_sync_result_get_queued (run->result), marker, run->account,
                          "Found on %s by its marker; local changes are pushed at the next sync.",
                          run->account);
    }
  else
    _cd_sync_items_add (cd_sync_result_get_pushed (run->result), marker, run->account,
                        "Found on %s by its marker after the reply to its creation was lost.",
                        run->account);
  _cd_sync_run_record_row (run, row);
  return TRUE;
}

/* A post no article of this account has: a new article. */
static void
pull_new_post (CdSyncRun    *run,
               CdRemotePost *post)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdSyncRow) row = NULL;
  g_autoptr (GError) error = NULL;
  const char *uuid;

  g_assert (run != NULL);
  g_assert (post != NULL);

  if (g_strcmp0 (post->status, "trash") == 0)
    return;
  article = cd_article_copy (post->article);
  uuid = cd_article_get_uuid (article);
  if (uuid == NULL || cd_store_has_article (run->store, uuid))
    {
      g_autofree char *fresh = g_uuid_string_random ();

      cd_article_set_uuid (article, fresh);
    }
  uuid = cd_article_get_uuid (article);
  if (!cd_store_save_article (run->store, article, CD_REVISION_PULLED, NULL, &error))
    {
      _cd_sync_run_add_error (run, NULL, "Post %s from %s: %s", post->remote_id, run->account,
                              error->message);
      return;
    }
  row = _cd_sync_run_load_row (run, uuid);
  _cd_sync_run_record_synced (run, row, post);
  _cd_sync_items_add (cd_sync_result_get_pulled (run->result), uuid, run->account,
                      "New from %s.", run->account);
}

/* A newer server side of an article in conflict replaces the one kept,
 * for the person resolving it. */
static void
pull_into_conflict (CdSyncRun    *run,
                    CdSyncRow    *row,
                    CdRemotePost *post)
{
  g_autoptr (CdArticle) theirs = _cd_sync_article_from_json (row->theirs_json);
  g_autofree char *json = NULL;
  g_autofree char *modified = NULL;

  g_assert (run != NULL);
  g_assert (row != NULL);
  g_assert (post != NULL);

  if (theirs != NULL && cd_merge_content_equal (theirs, post->article))
    return;
  json = cd_article_to_json (post->article, CD_ARTICLE_JSON_DEFAULT, FALSE);
  modified = cd_format_iso8601_utc (post->modified);
  cd_sync_row_set_text (&row->theirs_json, json);
  cd_sync_row_set_text (&row->theirs_modified, modified);
  _cd_sync_run_record_row (run, row);
}

/* Applies one pulled post. Everything here is local and short. */
static void
pull_post (CdSyncRun    *run,
           CdRemotePost *post)
{
  const char      *marker;
  g_autofree char *uuid = NULL;
  g_autofree char *modified = NULL;
  g_autoptr (CdSyncRow) row = NULL;
  g_autoptr (CdArticle) base = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (CdArticle) as_read = NULL;
  g_autoptr (GError) error = NULL;

  g_assert (run != NULL);
  g_assert (post != NULL);

  if (post->article == NULL)
    return;
  if (post->oversized > 0)
    {
      g_autofree char *limit = g_format_size_full (CD_IMPORT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      _cd_sync_run_add_error (run, NULL,
                              "Post %s (“%s”) on %s was not pulled: its content is %" G_GSIZE_FORMAT
                              " bytes, more than the %s an article may hold.",
                              post->remote_id, cd_article_get_headline (post->article) ?: "",
                              run->account, post->oversized, limit);
      return;
    }
  marker = cd_article_get_uuid (post->article);
  uuid = cd_sync_db_find_uuid (run->db, run->account, post->remote_id, NULL);
  if (uuid == NULL && marker != NULL && cd_store_has_article (run->store, marker) &&
      pull_link_by_marker (run, post, marker))
    return;
  if (uuid == NULL)
    {
      pull_new_post (run, post);
      return;
    }

  row = _cd_sync_run_load_row (run, uuid);
  if (g_strcmp0 (post->status, "trash") == 0)
    {
      _cd_sync_run_record_error (run, uuid, CD_SYNC_MESSAGE_DELETED);
      return;
    }
  if (row->state == CD_SYNC_ROW_CONFLICT)
    {
      pull_into_conflict (run, row, post);
      return;
    }

  modified = cd_format_iso8601_utc (post->modified);
  base = _cd_sync_article_from_json (row->base_json);
  if (base != NULL && cd_merge_content_equal (base, post->article))
    {
      /* Nothing new: only a no-op save, or this sync's own push. */
      if (g_strcmp0 (row->remote_modified, modified) != 0)
        {
          cd_sync_row_set_text (&row->remote_modified, modified);
          _cd_sync_run_record_row (run, row);
        }
      return;
    }

  /* Changed on both sides: the next push merges it with the latest local
   * text, through the same path as any other push. */
  if (row->dirty || cd_store_outbox_get_queued_at (run->store, uuid) != 0)
    {
      if (!_cd_sync_items_has (cd_sync_result_get_queued (run->result), uuid, run->account) &&
          !_cd_sync_items_has (cd_sync_result_get_errors (run->result), uuid, run->account))
        _cd_sync_items_add (cd_sync_result_get_queued (run->result), uuid, run->account,
                            "Changed here and on %s; merged at the next sync.", run->account);
      return;
    }

  local = cd_store_get_article (run->store, uuid, &error);
  if (local == NULL)
    {
      if (!g_error_matches (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND))
        {
          _cd_sync_run_add_error (run, uuid, "%s", error->message);
          return;
        }
      /* Deleted here for good but changed there: bring it back rather
       * than lose the server's words. */
      local = cd_article_copy (post->article);
      cd_article_set_uuid (local, uuid);
    }
  else if (!_cd_sync_save_checkpoint (run->store, local, &error))
    {
      _cd_sync_run_add_error (run, uuid, "%s", error->message);
      return;
    }
  else
    as_read = cd_article_copy (local);

  /* Typing saved since the read is merged in, not undone. */
  cd_merge_take_content (local, post->article);
  if (!cd_store_save_article_checked (run->store, as_read, local, CD_REVISION_PULLED, NULL, NULL, NULL,
                                      &error))
    {
      _cd_sync_run_add_error (run, uuid, "%s", error->message);
      return;
    }
  _cd_sync_run_record_synced (run, row, post);
  _cd_sync_items_add (cd_sync_result_get_pulled (run->result), uuid, run->account,
                      "Updated from %s.", run->account);
}

/* Records the post's status on the site in its article. The content
 * merge leaves status alone, so this runs for every pulled post of an
 * article, changed or not. */
static void
pull_site_status (CdSyncRun    *run,
                  CdRemotePost *post)
{
  g_autofree char *uuid = NULL;

  g_assert (run != NULL);
  g_assert (post != NULL);

  if (post->article == NULL || post->oversized > 0 || g_strcmp0 (post->status, "trash") == 0)
    return;
  uuid = cd_sync_db_find_uuid (run->db, run->account, post->remote_id, NULL);
  if (uuid != NULL)
    _cd_sync_run_take_site_status (run, uuid, post);
}

/* Whether @post is simply new here: no article of this account has it,
 * and its marker names no article of the store, so that it becomes a new
 * article with nothing to link, merge or keep. */
static gboolean
is_new_post (CdSyncRun    *run,
             CdRemotePost *post)
{
  const char      *marker;
  g_autofree char *uuid = NULL;

  g_assert (run != NULL);
  g_assert (post != NULL);

  /* An oversized post goes one by one, to be refused by pull_post(). */
  if (post->article == NULL || post->oversized > 0 || g_strcmp0 (post->status, "trash") == 0)
    return FALSE;
  uuid = cd_sync_db_find_uuid (run->db, run->account, post->remote_id, NULL);
  if (uuid != NULL)
    return FALSE;
  marker = cd_article_get_uuid (post->article);
  return marker == NULL || !cd_store_has_article (run->store, marker);
}

typedef struct
{
  CdArticle *article;
  char      *modified;
  char      *base;
} PulledCopy;

static void
pulled_copy_clear (PulledCopy *copy)
{
  g_assert (copy != NULL);

  g_clear_object (&copy->article);
  g_clear_pointer (&copy->modified, g_free);
  g_clear_pointer (&copy->base, g_free);
}

/* Saves new posts [@first, @end) of @posts, each a new article with a
 * revision and its sync state, in one transaction: a crash keeps all of
 * them whole or none. Returns FALSE, with nothing written, when the batch
 * could not be written; the caller then applies the posts one by one. */
static gboolean
pull_new_posts (CdSyncRun *run,
                GPtrArray *posts,
                guint      first,
                guint      end)
{
  g_autoptr (GArray) copies = g_array_sized_new (FALSE, TRUE, sizeof (PulledCopy), end - first);
  g_autoptr (GArray) pulled = g_array_sized_new (FALSE, TRUE, sizeof (CdSyncPulled), end - first);
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;

  g_assert (run != NULL);
  g_assert (posts != NULL);

  g_array_set_clear_func (copies, (GDestroyNotify) pulled_copy_clear);
  g_array_set_size (copies, end - first);
  for (guint i = first; i < end; i++)
    {
      CdRemotePost *post = g_ptr_array_index (posts, i);
      PulledCopy   *copy = &g_array_index (copies, PulledCopy, i - first);
      CdSyncPulled  item = { 0 };
      const char   *uuid;

      copy->article = cd_article_copy (post->article);
      copy->modified = cd_format_iso8601_utc (post->modified);
      copy->base = cd_article_to_json (post->article, CD_ARTICLE_JSON_DEFAULT, FALSE);
      /* The revision's text is the base while the uuid is the post's and
       * the site's status added nothing. */
      item.snapshot = copy->base;
      if (cd_article_take_site_status (copy->article, post->status,
                                       cd_article_get_created (post->article)))
        item.snapshot = NULL;
      uuid = cd_article_get_uuid (copy->article);
      /* Two posts with one marker (a copy made on the server): the second
       * becomes an article of its own. */
      if (uuid == NULL || g_hash_table_contains (used, uuid))
        {
          g_autofree char *fresh = g_uuid_string_random ();

          cd_article_set_uuid (copy->article, fresh);
          item.snapshot = NULL;
        }
      g_hash_table_add (used, (gpointer) cd_article_get_uuid (copy->article));
      item.article = copy->article;
      item.remote_id = post->remote_id;
      item.remote_modified = copy->modified;
      item.base_json = copy->base;
      g_array_append_val (pulled, item);
    }

  if (!cd_sync_db_save_pulled (run->store, run->account, (CdSyncPulled *) pulled->data,
                               pulled->len, &error))
    {
      g_debug ("A batch of %u pulled posts is applied one by one: %s", end - first,
               error->message);
      return FALSE;
    }
  for (guint i = 0; i < copies->len; i++)
    {
      _cd_sync_items_add (cd_sync_result_get_pulled (run->result),
                          cd_article_get_uuid (g_array_index (copies, PulledCopy, i).article),
                          run->account, "New from %s.", run->account);
      _cd_sync_run_step_done (run);
    }
  return TRUE;
}

static int
compare_posts_by_id (gconstpointer a,
                     gconstpointer b)
{
  const CdRemotePost *pa = *(CdRemotePost **) a;
  const CdRemotePost *pb = *(CdRemotePost **) b;

  return g_strcmp0 (pa->remote_id, pb->remote_id);
}

/* A post listed twice (pages shift while they are read) counts once, in
 * its newest form; the result is sorted by id. Sets @high to the newest
 * modified time. Takes @posts. */
static GPtrArray *
dedupe_posts (GPtrArray  *listed,
              GDateTime **high)
{
  g_autoptr (GPtrArray) posts = listed;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_remote_post_free);

  g_assert (listed != NULL);
  g_assert (high != NULL);

  g_ptr_array_set_free_func (posts, NULL);
  for (guint i = 0; i < posts->len; i++)
    {
      CdRemotePost *post = g_ptr_array_index (posts, i);
      CdRemotePost *known = post->remote_id != NULL ? g_hash_table_lookup (seen, post->remote_id)
                                                    : NULL;

      if (post->remote_id == NULL ||
          (known != NULL && (known->modified == NULL || post->modified == NULL ||
                             g_date_time_compare (post->modified, known->modified) <= 0)))
        {
          cd_remote_post_free (post);
          continue;
        }
      if (known != NULL)
        {
          g_hash_table_remove (seen, known->remote_id);
          g_ptr_array_remove (kept, known);
        }
      g_ptr_array_add (kept, post);
      g_hash_table_insert (seen, post->remote_id, post);
      if (post->modified != NULL &&
          (*high == NULL || g_date_time_compare (post->modified, *high) > 0))
        {
          g_clear_pointer (high, g_date_time_unref);
          *high = g_date_time_ref (post->modified);
        }
    }
  g_ptr_array_sort (kept, compare_posts_by_id);
  return kept;
}

/* What changed on the server since the last pull, with an overlap. */
static GPtrArray *
list_changed (CdSyncRun *run,
              GError   **error)
{
  g_autofree char *mark = cd_sync_db_get_pull_mark (run->db, run->account, NULL);
  g_autoptr (GDateTime) since = NULL;

  g_assert (run != NULL);

  if (mark != NULL)
    {
      g_autoptr (GDateTime) high = cd_parse_iso8601 (mark);

      if (high != NULL)
        since = g_date_time_add_seconds (high, -PULL_OVERLAP_SECONDS);
    }
  return cd_cms_list_changed (run->cms, since, run->cancellable, error);
}

/**
 * _cd_sync_pull_account:
 *
 * Lists what changed on the run's account, applies it post by post (new
 * posts in batches) and records where the pull got to.
 *
 * Returns: %FALSE when the sync was cancelled
 */
gboolean
_cd_sync_pull_account (CdSyncRun *run,
                       GError   **error)
{
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GDateTime) high = NULL;
  g_autoptr (GError) failure = NULL;
  g_autofree char *mark = NULL;
  guint            i = 0;

  g_return_val_if_fail (run != NULL, FALSE);

  posts = list_changed (run, &failure);
  if (posts == NULL)
    {
      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return FALSE;
        }
      if (cd_cms_error_is_offline (failure))
        _cd_sync_run_stop_queued (run, failure);
      else if (g_error_matches (failure, CD_CMS_ERROR, CD_CMS_ERROR_AUTH))
        _cd_sync_run_stop_error (run, failure);
      else
        _cd_sync_run_add_error (run, NULL, "Changes could not be pulled from %s: %s", run->account,
                                failure->message);
      return TRUE;
    }
  posts = dedupe_posts (g_steal_pointer (&posts), &high);
  run->total += posts->len;

  while (i < posts->len && !run->stopped)
    {
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      if (is_new_post (run, g_ptr_array_index (posts, i)))
        {
          guint end = i + 1;

          while (end < posts->len && end - i < PULL_BATCH &&
                 is_new_post (run, g_ptr_array_index (posts, end)))
            end++;
          if (pull_new_posts (run, posts, i, end))
            {
              i = end;
              continue;
            }
        }
      pull_post (run, g_ptr_array_index (posts, i));
      pull_site_status (run, g_ptr_array_index (posts, i++));
      _cd_sync_run_step_done (run);
    }
  /* Stopped part way (out of time): the mark stays where it was, so the
   * next pull lists these posts again; those applied already are equal to
   * their base by then and change nothing. */
  if (i < posts->len)
    return TRUE;

  mark = cd_format_iso8601_utc (high);
  if (mark != NULL && !cd_sync_db_raise_pull_mark (run->db, run->account, mark, &failure))
    _cd_sync_run_add_error (run, NULL, "%s", failure->message);
  return TRUE;
}
