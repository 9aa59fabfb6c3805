/* cd-sync-live.c: what the sync engine knows of an article's life on the
 * site: whether its post is live, the edits a live post keeps waiting
 * (staged) until an explicit Update, a publish waiting for the site, and
 * the check findings that stop a publish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include "cd-account-table.h"
#include "cd-article-site.h"
#include "cd-check.h"
#include "cd-sync-private.h"
#include "cd-sync-publish.h"

/**
 * cd_sync_article_is_live:
 * @article: an article
 *
 * Returns: whether the site last said the article's post is live, which
 *   makes every later change to it an explicit Update
 */
gboolean
cd_sync_article_is_live (CdArticle *article)
{
  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);

  return g_strcmp0 (cd_article_get_site_status (article), "publish") == 0;
}

static JsonObject *
queued_object (CdArticle *article)
{
  JsonObject *extra = cd_article_get_extra (article);
  JsonNode   *node;

  g_assert (CD_IS_ARTICLE (article));

  if (extra == NULL ||
      (node = json_object_get_member (extra, CD_ARTICLE_EXTRA_PUBLISH_QUEUED)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

/**
 * cd_sync_article_get_queued_publish:
 * @article: an article
 * @account: (out) (optional) (transfer full): the account it waits for
 * @at: (out) (optional) (transfer full) (nullable): when it was to be
 *   published, in UTC, or %NULL for as soon as possible
 *
 * Returns: whether a publish of the article waits for its site, which
 *   could not be reached when the person asked for it
 */
gboolean
cd_sync_article_get_queued_publish (CdArticle  *article,
                                    char      **account,
                                    GDateTime **at)
{
  JsonObject *queued;

  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);

  if ((queued = queued_object (article)) == NULL)
    return FALSE;
  if (account != NULL)
    *account = g_strdup (json_object_get_string_member_with_default (queued, "account", NULL));
  if (at != NULL)
    *at = cd_parse_iso8601 (json_object_get_string_member_with_default (queued, "at", NULL));
  return TRUE;
}

/**
 * cd_sync_article_publish_is_late:
 * @article: an article
 * @now: the time now
 *
 * Returns: whether a publish of the article waits for its site and the
 *   time it was to be published at has passed: it goes out only when a
 *   person says so (%CD_PUBLISH_LATE)
 */
gboolean
cd_sync_article_publish_is_late (CdArticle *article,
                                 GDateTime *now)
{
  g_autoptr (GDateTime) at = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return cd_sync_article_get_queued_publish (article, NULL, &at) && at != NULL &&
         g_date_time_compare (at, now) <= 0;
}

/**
 * _cd_sync_set_queued_publish:
 * @account: (nullable): the account the publish waits for, or %NULL to
 *   drop a waiting publish
 * @at: (nullable): when it is to be published, or %NULL for now
 *
 * Records (or drops) the publish waiting for the site in the article's
 * extra object.
 */
void
_cd_sync_set_queued_publish (CdArticle  *article,
                             const char *account,
                             GDateTime  *at)
{
  g_autoptr (JsonObject) queued = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *requested = cd_format_iso8601_utc (now);
  JsonNode        *node;

  g_return_if_fail (CD_IS_ARTICLE (article));

  if (account == NULL)
    {
      cd_article_set_extra_member (article, CD_ARTICLE_EXTRA_PUBLISH_QUEUED, NULL);
      return;
    }
  queued = json_object_new ();
  json_object_set_string_member (queued, "account", account);
  if (at != NULL)
    {
      g_autofree char *text = cd_format_iso8601_utc (at);

      json_object_set_string_member (queued, "at", text);
    }
  json_object_set_string_member (queued, "requested", requested);
  node = json_node_init_object (json_node_alloc (), queued);
  cd_article_set_extra_member (article, CD_ARTICLE_EXTRA_PUBLISH_QUEUED, node);
}

/**
 * cd_sync_has_staged_update:
 * @store: the store
 * @uuid: an article
 * @error: return location for an error
 *
 * Whether the article's post is live and local edits wait for an explicit
 * Update (a plain sync never sends them). Reads the database.
 *
 * Returns: %TRUE when an update is staged; %FALSE with @error unset when
 *   none is
 */
gboolean
cd_sync_has_staged_update (CdStore    *store,
                           const char *uuid,
                           GError    **error)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if ((article = cd_store_get_article (store, uuid, error)) == NULL ||
      !cd_sync_article_is_live (article))
    return FALSE;
  if (cd_store_outbox_get_queued_at (store, uuid) != 0)
    return TRUE;
  if ((db = cd_sync_db_open (store, error)) == NULL ||
      (rows = cd_sync_db_list_rows (db, uuid, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      CdSyncRow *row = g_ptr_array_index (rows, i);

      if (row->remote_id != NULL && row->dirty)
        return TRUE;
    }
  return FALSE;
}

/**
 * cd_sync_publish_blockers:
 * @store: the store (its data dir holds the word lists and house style)
 * @article: the article to publish
 *
 * Runs every check on the article. Blocks on Enchant: call it from a
 * worker thread in the window.
 *
 * Returns: (transfer full) (element-type CdFinding): the findings of
 *   severity error nobody ignored, which stop a publish until they are
 *   fixed or overridden with a reason
 */
GPtrArray *
cd_sync_publish_blockers (CdStore   *store,
                          CdArticle *article)
{
  g_autoptr (CdChecker) checker = cd_checker_new ();
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *blockers = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_finding_free);

  g_return_val_if_fail (CD_IS_STORE (store), blockers);
  g_return_val_if_fail (CD_IS_ARTICLE (article), blockers);

  data_dir = g_path_get_dirname (cd_store_get_path (store));
  if (!cd_checker_load_data_dir (checker, data_dir, &error))
    g_warning ("The checks before publishing run without the newsroom's lists: %s",
               error->message);
  findings = cd_checker_run (checker, article);
  for (guint i = 0; i < findings->len; i++)
    {
      const CdFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == CD_CHECK_SEVERITY_ERROR &&
          !cd_checker_is_ignored (checker, cd_article_get_uuid (article), finding))
        g_ptr_array_add (blockers, cd_finding_copy (finding));
    }
  return blockers;
}

/**
 * _cd_sync_stage_update:
 * @uuid: an article whose post is live
 * @post: (nullable): the post as the site has it now, when it was read
 *
 * Leaves the article's edits waiting for an explicit Update: nothing is
 * sent, the row stays dirty, and the result names it as staged.
 *
 * Returns: %TRUE (the sync goes on)
 */
gboolean
_cd_sync_stage_update (CdSyncRun    *run,
                       const char   *uuid,
                       CdRemotePost *post)
{
  g_return_val_if_fail (run != NULL && uuid != NULL, FALSE);

  /* A post that went live on the site (a schedule that came due) is live
   * here from now on too. */
  if (post != NULL)
    _cd_sync_run_take_site_status (run, uuid, post);
  _cd_sync_items_add (cd_sync_result_get_staged (run->result), uuid, run->account,
                      "The post is live on %s: the edits made here are staged and reach it "
                      "only through Update (copydesk publish).",
                      run->account);
  return TRUE;
}

/**
 * _cd_sync_choose_account:
 * @account: (nullable): the account the person named
 *
 * Returns: (transfer full) (nullable): the account to publish on:
 *   @account when given, else the one account the article is linked to,
 *   else the only account there is
 */
char *
_cd_sync_choose_account (CdSyncDb   *db,
                         const char *uuid,
                         const char *account,
                         GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  const char *linked = NULL;
  guint       n_linked = 0;

  g_return_val_if_fail (CD_IS_SYNC_DB (db), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

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

/**
 * cd_sync_publish_target:
 * @store: the store
 * @uuid: an article
 * @url: (out) (optional) (transfer full): the site's address
 * @error: return location for an error
 *
 * The account a publish of the article without a named account goes to,
 * for a confirmation that names the site. Reads the database.
 *
 * Returns: (transfer full) (nullable): the account's name
 */
char *
cd_sync_publish_target (CdStore    *store,
                        const char *uuid,
                        char      **url,
                        GError    **error)
{
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdAccountRow) row = NULL;
  g_autofree char *account = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if ((db = cd_sync_db_open (store, error)) == NULL ||
      (account = _cd_sync_choose_account (db, uuid, NULL, error)) == NULL)
    return NULL;
  if (url != NULL)
    {
      row = cd_account_table_get (db, account, NULL);
      *url = row != NULL ? g_strdup (row->url) : NULL;
    }
  return g_steal_pointer (&account);
}
