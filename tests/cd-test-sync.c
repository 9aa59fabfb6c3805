/* cd-test-sync.c: what the sync tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-test-sync"

#include "config.h"

#include <glib/gstdio.h>

#include "cd-sync-db-private.h"
#include "cd-test-sync.h"

typedef struct
{
  CdSyncResult *result;
  GError       *error;
  gboolean      done;
} Wait;

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = cd_sync_engine_sync_finish (CD_SYNC_ENGINE (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
on_too_long (gpointer user_data)
{
  g_error ("The sync did not finish within two minutes.");
  return G_SOURCE_REMOVE;
}

/**
 * cd_test_sync_wait:
 * @account: (nullable): the account, or %NULL for all
 * @cancellable: (nullable): a #GCancellable
 *
 * Syncs and spins the main loop until the sync ends.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error
 */
CdSyncResult *
cd_test_sync_wait (CdSyncEngine *engine,
                   const char   *account,
                   GCancellable *cancellable,
                   GError      **error)
{
  Wait  wait = { 0 };
  guint timeout_id = g_timeout_add_seconds (120, on_too_long, NULL);

  cd_sync_engine_sync_async (engine, account, cancellable, on_synced, &wait);
  g_assert_true (cd_sync_engine_get_syncing (engine));
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
  g_assert_false (cd_sync_engine_get_syncing (engine));
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.result;
}

/**
 * cd_test_sync_now:
 * @account: (nullable): the account, or %NULL for all
 *
 * Syncs, which must end with a result; the result goes to the test log as
 * JSON.
 *
 * Returns: (transfer full): the result
 */
CdSyncResult *
cd_test_sync_now (CdSyncEngine *engine,
                  const char   *account)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;
  CdSyncResult    *result = cd_test_sync_wait (engine, account, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  node = cd_sync_result_to_json (result);
  text = json_to_string (node, TRUE);
  g_test_message ("%s", text);
  return result;
}

/* An account row as `copydesk account add` would write it; the tests give
 * the engine its client, so no keyring is involved. */
void
cd_test_add_account (CdStore    *store,
                     const char *name,
                     const char *url,
                     const char *user)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSyncDb) db = cd_sync_db_open (store, &error);
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO accounts (name, kind, url, user, created)"
                         " VALUES ('%s', 'wordpress', '%s', '%s', 0)",
                         name, url, user);
  g_assert_true (cd_sync_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* A new article as a person would write it, with fields only this machine
 * keeps (byline, editor's note) to check they survive every sync. */
CdArticle *
cd_test_save_new_article (CdStore    *store,
                          const char *headline,
                          const char *body)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_article_new ();

  cd_article_set_headline (article, headline);
  cd_article_set_byline (article, "Anna Berger");
  cd_article_set_ednote (article, "Check the figures with the fire service.");
  cd_article_set_body (article, body);
  g_assert_true (cd_store_save_article (store, article, CD_REVISION_EDITED, NULL, &error));
  g_assert_no_error (error);
  return article;
}

void
cd_test_save_edit (CdStore   *store,
                   CdArticle *article)
{
  g_autoptr (GError) error = NULL;

  cd_article_touch (article);
  g_assert_true (cd_store_save_article (store, article, CD_REVISION_EDITED, NULL, &error));
  g_assert_no_error (error);
}

void
cd_test_assert_article_unchanged (CdStore   *store,
                                  CdArticle *before)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) now = cd_store_get_article (store, cd_article_get_uuid (before), &error);

  g_assert_no_error (error);
  g_assert_true (cd_article_equal (before, now));
}

/**
 * cd_test_sync_state:
 * @uuid: an article synced with one account only
 * @account: that account
 * @remote_id: (out) (optional): its post id there
 *
 * Returns: (transfer full): the article's sync state ("synced", "conflict"…)
 */
char *
cd_test_sync_state (CdStore    *store,
                    const char *uuid,
                    const char *account,
                    char      **remote_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) states = cd_sync_describe_article (store, uuid, &error);
  JsonObject *state;

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (states), ==, 1);
  state = json_array_get_object_element (states, 0);
  g_assert_cmpstr (json_object_get_string_member (state, "account"), ==, account);
  if (remote_id != NULL)
    *remote_id = g_strdup (json_object_get_string_member (state, "remote_id"));
  return g_strdup (json_object_get_string_member (state, "state"));
}

/**
 * cd_test_find_item:
 *
 * Returns: (transfer none) (nullable): the item about @uuid, if any
 */
CdSyncItem *
cd_test_find_item (GPtrArray  *items,
                   const char *uuid)
{
  for (guint i = 0; i < items->len; i++)
    {
      CdSyncItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->uuid, uuid) == 0)
        return item;
    }
  return NULL;
}

/* A test's data dir: the store's files, no subfolders. */
void
cd_test_remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

/* `copydesk --data-dir DIR sync` (COPYDESK_BIN), quiet, for a test that
 * kills it or waits for it. */
GSubprocess *
cd_test_start_cli_sync (const char *dir)
{
  const char *argv[] = { g_getenv ("COPYDESK_BIN"), "--data-dir", dir, "sync", NULL };
  g_autoptr (GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_newv (argv,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                   G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error);
  g_assert_no_error (error);
  return process;
}
