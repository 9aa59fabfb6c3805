/* test-store-changes.c: the store announces what each commit changed, on
 * the main context it was opened on, and what other processes changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "cd-store.h"
#include "cd-store-private.h"
#include "cd-sync-db-private.h"
#include "cd-test-util.h"

/* Long enough for a loaded machine; the tests wait for a signal, never for
 * a time, and fail if it has not come by then. */
#define TIMEOUT_SECONDS 20

typedef struct
{
  CdStoreChangeReason reason;
  char              **uuids;
  GThread            *thread;
  gboolean            context_owned;
} Change;

typedef struct
{
  char         *dir;
  CdStore      *store;
  GMainContext *context; /* the one the store was opened on */
  GPtrArray    *changes; /* of Change */
} Fixture;

static void
change_free (Change *change)
{
  g_assert (change != NULL);

  g_strfreev (change->uuids);
  g_free (change);
}

static void
articles_changed_cb (CdStore            *store,
                     CdStoreChangeReason reason,
                     const char *const  *uuids,
                     Fixture            *f)
{
  Change *change = g_new0 (Change, 1);

  g_assert_true (CD_IS_STORE (store));
  g_assert_nonnull (uuids);

  change->reason = reason;
  change->uuids = g_strdupv ((char **) uuids);
  change->thread = g_thread_self ();
  change->context_owned = g_main_context_is_owner (f->context);
  g_ptr_array_add (f->changes, change);
}

static CdStore *
open_store (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  CdStore *store = cd_store_open (f->dir, &error);

  g_assert (f != NULL);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert (f != NULL);

  f->dir = g_dir_make_tmp ("copydesk-store-changes-XXXXXX", &error);
  g_assert_no_error (error);
  f->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  f->context = g_main_context_ref_thread_default ();
  f->store = open_store (f);
  g_signal_connect (f->store, "articles-changed", G_CALLBACK (articles_changed_cb), f);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_assert (f != NULL);

  if (f->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (f->store, f);
      g_clear_object (&f->store);
    }
  /* Deliveries still queued hold the store; let them go. */
  while (g_main_context_iteration (f->context, FALSE))
    ;
  g_ptr_array_unref (f->changes);
  g_main_context_unref (f->context);
  cd_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  g_assert (data != NULL);

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the store's context until @n announcements have come. */
static void
wait_for_changes (Fixture *f,
                  guint    n)
{
  g_autoptr (GSource) timeout = g_timeout_source_new_seconds (TIMEOUT_SECONDS);
  gboolean timed_out = FALSE;

  g_assert (f != NULL);

  g_source_set_callback (timeout, timeout_cb, &timed_out, NULL);
  g_source_attach (timeout, f->context);
  while (f->changes->len < n && !timed_out)
    g_main_context_iteration (f->context, TRUE);
  g_source_destroy (timeout);
  if (timed_out)
    g_error ("Waited %d s for %u store announcements; %u came", TIMEOUT_SECONDS, n,
             f->changes->len);
}

/* Runs everything the context has ready, without waiting. */
static void
drain (Fixture *f)
{
  g_assert (f != NULL);

  while (g_main_context_iteration (f->context, FALSE))
    ;
}

static Change *
change_at (Fixture *f,
           guint    i)
{
  g_assert (f != NULL);

  g_assert_cmpuint (i, <, f->changes->len);
  return g_ptr_array_index (f->changes, i);
}

static void
assert_change (Fixture            *f,
               guint               i,
               CdStoreChangeReason reason,
               const char *const  *uuids)
{
  Change *change = change_at (f, i);

  g_assert (f != NULL);
  g_assert (uuids != NULL);

  g_assert_cmpint (change->reason, ==, reason);
  g_assert_cmpstrv (change->uuids, uuids);
  g_assert_true (change->context_owned);
}

/* Waits for one announcement and checks it. */
static void
expect (Fixture            *f,
        CdStoreChangeReason reason,
        const char         *uuid)
{
  const char *uuids[] = { uuid, NULL };

  g_assert (f != NULL);
  g_assert (uuid != NULL);

  wait_for_changes (f, f->changes->len + 1);
  assert_change (f, f->changes->len - 1, reason, uuids);
}

static CdArticle *
make_article (const char *headline)
{
  CdArticle *article = cd_article_new ();

  g_assert (headline != NULL);

  cd_article_set_headline (article, headline);
  cd_article_set_body (article, "Some words.");
  return article;
}

static void
save (Fixture         *f,
      CdArticle       *article,
      CdRevisionReason reason)
{
  g_autoptr (GError) error = NULL;

  g_assert (f != NULL);
  g_assert (CD_IS_ARTICLE (article));

  g_assert_true (cd_store_save_article (f->store, article, reason, NULL, &error));
  g_assert_no_error (error);
}

/* A change that certainly commits, to show that nothing came before it:
 * deliveries keep their order. */
static void
expect_only_sentinel (Fixture *f)
{
  g_autoptr (CdArticle) sentinel = make_article ("Sentinel");
  guint before = f->changes->len;

  g_assert (f != NULL);

  save (f, sentinel, CD_REVISION_NONE);
  expect (f, CD_STORE_CHANGE_IMPORT, cd_article_get_uuid (sentinel));
  g_assert_cmpuint (f->changes->len, ==, before + 1);
}

static gboolean
set_headline (CdArticle *article,
              gpointer   user_data,
              GError   **error)
{
  g_assert (CD_IS_ARTICLE (article));
  g_assert (user_data != NULL);

  cd_article_set_headline (article, user_data);
  return TRUE;
}

static gboolean
fail_edit (CdArticle *article,
           gpointer   user_data,
           GError   **error)
{
  g_assert (CD_IS_ARTICLE (article));

  cd_article_set_headline (article, "Never saved");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The edit failed.");
  return FALSE;
}

static void
test_import (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (CdArticle) made_new = make_article ("New");
  g_autoptr (CdArticle) imported = make_article ("Imported");

  /* New and Duplicate save a new uuid without a revision. */
  save (f, made_new, CD_REVISION_NONE);
  expect (f, CD_STORE_CHANGE_IMPORT, cd_article_get_uuid (made_new));
  save (f, imported, CD_REVISION_IMPORTED);
  expect (f, CD_STORE_CHANGE_IMPORT, cd_article_get_uuid (imported));
  g_assert_cmpuint (f->changes->len, ==, 2);
}

static void
test_edit (Fixture      *f,
           gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Draft");
  g_autoptr (GError) error = NULL;
  const char                   *uuid = cd_article_get_uuid (article);
  static const CdRevisionReason edits[] = {
    CD_REVISION_NONE,
    CD_REVISION_CHECKPOINT,
    CD_REVISION_NAMED,
    CD_REVISION_MERGED,
    CD_REVISION_BEFORE_SYNC,
  };

  save (f, article, CD_REVISION_NONE);
  expect (f, CD_STORE_CHANGE_IMPORT, uuid);

  /* Autosave, a checkpoint, a named version, a merge result. */
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      cd_article_set_dek (article, cd_revision_reason_to_string (edits[i]));
      save (f, article, edits[i]);
      expect (f, CD_STORE_CHANGE_EDIT, uuid);
    }

  /* `copydesk set` */
  g_assert_true (cd_store_edit_article (f->store, uuid, set_headline, "Edited", &error));
  g_assert_no_error (error);
  expect (f, CD_STORE_CHANGE_EDIT, uuid);
  g_assert_cmpuint (f->changes->len, ==, 2 + G_N_ELEMENTS (edits));
}

static void
test_sync_pull (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (CdArticle) pulled = make_article ("From the CMS");
  g_autoptr (CdArticle) local = make_article ("Local");

  /* A new article from the CMS is the sync engine's, not an import. */
  save (f, pulled, CD_REVISION_PULLED);
  expect (f, CD_STORE_CHANGE_SYNC_PULL, cd_article_get_uuid (pulled));

  save (f, local, CD_REVISION_NONE);
  expect (f, CD_STORE_CHANGE_IMPORT, cd_article_get_uuid (local));
  cd_article_set_body (local, "Changed on the site.");
  save (f, local, CD_REVISION_PULLED);
  expect (f, CD_STORE_CHANGE_SYNC_PULL, cd_article_get_uuid (local));
}

static void
test_sync_state (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Queued");
  g_autoptr (GError) error = NULL;
  const char *uuid = cd_article_get_uuid (article);
  const char *uuids[] = { uuid, "not-in-the-store", NULL };
  gint64      queued_at;

  save (f, article, CD_REVISION_NONE);
  expect (f, CD_STORE_CHANGE_IMPORT, uuid);

  /* The sync engine announces its own tables' changes after its commit. */
  _cd_store_announce (f->store, CD_STORE_CHANGE_SYNC_STATE, uuids);
  wait_for_changes (f, 2);
  assert_change (f, 1, CD_STORE_CHANGE_SYNC_STATE, uuids);

  /* Leaving the outbox after a push is a change of sync state; removing
   * nothing announces nothing. */
  queued_at = cd_store_outbox_get_queued_at (f->store, uuid);
  g_assert_cmpint (queued_at, >, 0);
  g_assert_true (cd_store_outbox_remove (f->store, uuid, queued_at, &error));
  g_assert_no_error (error);
  expect (f, CD_STORE_CHANGE_SYNC_STATE, uuid);
  g_assert_true (cd_store_outbox_remove (f->store, uuid, queued_at, &error));
  g_assert_no_error (error);
  expect_only_sentinel (f);
}

/* The sync tables' writes are announced as sync-state changes once their
 * transaction commits; a rolled-back one announces nothing. */
static void
test_sync_db_writes (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Pushed");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdSyncRow) row = NULL;
  const char *uuid = cd_article_get_uuid (article);
  const char *uuids[] = { uuid, NULL };

  save (f, article, CD_REVISION_NONE);
  expect (f, CD_STORE_CHANGE_IMPORT, uuid);
  db = cd_sync_db_open (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (cd_sync_db_exec (db,
                                  "INSERT INTO accounts VALUES"
                                  " ('desk', 'wordpress', 'https://news.example', 'ed', 1)",
                                  &error));
  g_assert_no_error (error);

  g_assert_true (cd_sync_db_mark_dirty (db, uuids, &error));
  g_assert_no_error (error);
  expect (f, CD_STORE_CHANGE_SYNC_STATE, uuid);

  row = cd_sync_row_new (uuid, "desk");
  row->state = CD_SYNC_ROW_SYNCED;
  g_assert_true (cd_sync_db_begin (db, &error));
  g_assert_true (cd_sync_db_save_row (db, row, &error));
  g_assert_no_error (error);
  /* Not before the commit: a listener reading now would find the old row. */
  drain (f);
  g_assert_cmpuint (f->changes->len, ==, 2);
  cd_sync_db_rollback (db);
  expect_only_sentinel (f);

  g_assert_true (cd_sync_db_save_row (db, row, &error));
  g_assert_no_error (error);
  expect (f, CD_STORE_CHANGE_SYNC_STATE, uuid);
  g_assert_true (cd_sync_db_fail_dirty (db, "desk", "The site is down", &error));
  g_assert_no_error (error);
  expect_only_sentinel (f); /* the saved row is no longer dirty: nothing failed */
  g_assert_true (cd_sync_db_mark_dirty (db, uuids, &error));
  expect (f, CD_STORE_CHANGE_SYNC_STATE, uuid);
  g_assert_true (cd_sync_db_fail_dirty (db, "desk", "The site is down", &error));
  g_assert_no_error (error);
  expect (f, CD_STORE_CHANGE_SYNC_STATE, uuid);
}

static void
test_trash (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (CdArticle) a = make_article ("A");
  g_autoptr (CdArticle) b = make_article ("B");
  g_autoptr (GError) error = NULL;
  const char *both[] = { cd_article_get_uuid (a), cd_article_get_uuid (b), NULL };
  guint       n;

  save (f, a, CD_REVISION_NONE);
  save (f, b, CD_REVISION_NONE);
  wait_for_changes (f, 2);

  g_assert_true (cd_store_trash_article (f->store, both[0], &error));
  g_assert_no_error (error);
  expect (f, CD_STORE_CHANGE_TRASH, both[0]);
  g_assert_true (cd_store_untrash_article (f->store, both[0], &error));
  g_assert_no_error (error);
  expect (f, CD_STORE_CHANGE_RESTORE, both[0]);

  /* What changes nothing announces nothing. */
  g_assert_true (cd_store_untrash_article (f->store, both[0], &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_trash_article (f->store, both[0], &error));
  g_assert_true (cd_store_trash_article (f->store, both[0], &error));
  g_assert_true (cd_store_trash_article (f->store, both[1], &error));
  g_assert_no_error (error);
  wait_for_changes (f, 6);
  assert_change (f, 4, CD_STORE_CHANGE_TRASH, (const char *const[]){ both[0], NULL });
  assert_change (f, 5, CD_STORE_CHANGE_TRASH, (const char *const[]){ both[1], NULL });

  /* Emptying the trash announces every article it deleted, together. */
  n = cd_store_empty_trash (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  wait_for_changes (f, 7);
  g_assert_cmpint (change_at (f, 6)->reason, ==, CD_STORE_CHANGE_TRASH);
  g_assert_cmpuint (g_strv_length (change_at (f, 6)->uuids), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) change_at (f, 6)->uuids, both[0]));
  g_assert_true (g_strv_contains ((const char *const *) change_at (f, 6)->uuids, both[1]));
  g_assert_cmpuint (cd_store_empty_trash (f->store, &error), ==, 0);
  g_assert_no_error (error);
  expect_only_sentinel (f);
}

static void
test_restore_revision (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("First");
  g_autoptr (CdArticle) restored = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  const char *uuid = cd_article_get_uuid (article);

  save (f, article, CD_REVISION_NAMED);
  cd_article_set_headline (article, "Second");
  save (f, article, CD_REVISION_CHECKPOINT);
  wait_for_changes (f, 2);

  revisions = cd_store_list_revisions (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  restored = cd_store_restore_revision (
      f->store, cd_revision_get_id (g_ptr_array_index (revisions, 1)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (restored), ==, "First");
  expect (f, CD_STORE_CHANGE_RESTORE, uuid);
}

/* What one transaction changes is announced together: one emission a
 * reason, after the commit and not before. */
static void
test_together (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (CdArticle) existing = make_article ("Existing");
  g_autoptr (GPtrArray) pulled = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  const char *pulled_uuids[4] = { NULL };
  const char *state_uuids[3] = { NULL };
  gboolean    ok;

  save (f, existing, CD_REVISION_NONE);
  wait_for_changes (f, 1);

  _cd_store_lock (f->store);
  ok = _cd_store_begin (f->store, &error);
  for (guint i = 0; ok && i < 3; i++)
    {
      CdArticle *article = make_article ("Pulled");

      g_ptr_array_add (pulled, article);
      pulled_uuids[i] = cd_article_get_uuid (article);
      ok = _cd_store_save_article_with_snapshot (f->store, article, CD_REVISION_PULLED, NULL,
                                                 NULL, &error);
    }
  cd_article_set_headline (existing, "Checkpointed");
  ok = ok && _cd_store_save_article_locked (f->store, existing, CD_REVISION_CHECKPOINT, NULL,
                                            &error);
  /* Saving one article twice names it once. */
  ok = ok && _cd_store_save_article_locked (f->store, existing, CD_REVISION_NONE, NULL, &error);
  state_uuids[0] = pulled_uuids[0];
  state_uuids[1] = cd_article_get_uuid (existing);
  _cd_store_announce (f->store, CD_STORE_CHANGE_SYNC_STATE, state_uuids);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* Nothing is announced while the transaction is open. */
  drain (f);
  g_assert_cmpuint (f->changes->len, ==, 1);

  g_assert_true (_cd_store_commit (f->store, &error));
  g_assert_no_error (error);
  _cd_store_unlock (f->store);

  wait_for_changes (f, 4);
  assert_change (f, 1, CD_STORE_CHANGE_EDIT,
                 (const char *const[]){ cd_article_get_uuid (existing), NULL });
  assert_change (f, 2, CD_STORE_CHANGE_SYNC_PULL, pulled_uuids);
  assert_change (f, 3, CD_STORE_CHANGE_SYNC_STATE, state_uuids);
  expect_only_sentinel (f);
}

/* A rollback announces nothing, nor does an edit that failed or changed
 * nothing. */
static void
test_rollback (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Kept");
  g_autoptr (CdArticle) dropped = make_article ("Dropped");
  g_autoptr (GError) error = NULL;
  const char *uuid = cd_article_get_uuid (article);
  const char *uuids[] = { uuid, NULL };

  save (f, article, CD_REVISION_NONE);
  wait_for_changes (f, 1);

  _cd_store_lock (f->store);
  g_assert_true (_cd_store_begin (f->store, &error));
  g_assert_true (_cd_store_save_article_locked (f->store, dropped, CD_REVISION_NONE, NULL, &error));
  _cd_store_announce (f->store, CD_STORE_CHANGE_SYNC_STATE, uuids);
  g_assert_no_error (error);
  _cd_store_rollback (f->store);
  _cd_store_unlock (f->store);
  g_assert_false (cd_store_has_article (f->store, cd_article_get_uuid (dropped)));

  g_assert_false (cd_store_edit_article (f->store, uuid, fail_edit, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (cd_store_edit_article (f->store, uuid, set_headline, "Kept", &error));
  g_assert_no_error (error);

  expect_only_sentinel (f);
  g_assert_cmpuint (f->changes->len, ==, 2);
}

typedef struct
{
  CdArticle *article;
  GThread   *thread;
  gboolean   done;
} WriteData;

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  WriteData *data = user_data;
  g_autoptr (GError) error = NULL;

  g_assert (G_IS_TASK (result));
  g_assert (user_data != NULL);

  g_assert_true (g_task_propagate_boolean (G_TASK (result), &error));
  g_assert_no_error (error);
  data->done = TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr (GError) error = NULL;

  g_assert (G_IS_TASK (task));
  g_assert (CD_IS_STORE (source_object));
  g_assert (task_data != NULL);

  data->thread = g_thread_self ();
  if (cd_store_save_article (source_object, data->article, CD_REVISION_NONE, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Writes in a GTask thread; the announcement still comes on the context
 * the store was opened on, here one of the test's own. */
static void
test_thread (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  g_autoptr (CdArticle) article = make_article ("Written in a thread");
  Fixture   f = { NULL };
  WriteData data = { article, NULL, FALSE };
  g_autoptr (GSource) timeout = g_timeout_source_new_seconds (TIMEOUT_SECONDS);
  gboolean timed_out = FALSE;
  Change  *change;

  f.context = g_main_context_new ();
  g_main_context_push_thread_default (f.context);
  f.dir = g_dir_make_tmp ("copydesk-store-changes-XXXXXX", &error);
  g_assert_no_error (error);
  f.changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  f.store = open_store (&f);
  g_signal_connect (f.store, "articles-changed", G_CALLBACK (articles_changed_cb), &f);

  task = g_task_new (f.store, NULL, write_done_cb, &data);
  g_task_set_task_data (task, &data, NULL);
  g_task_run_in_thread (task, write_thread);

  wait_for_changes (&f, 1);
  g_source_set_callback (timeout, timeout_cb, &timed_out, NULL);
  g_source_attach (timeout, f.context);
  while (!data.done && !timed_out)
    g_main_context_iteration (f.context, TRUE);
  g_source_destroy (timeout);
  g_assert_true (data.done);
  g_assert_nonnull (data.thread);
  change = change_at (&f, 0);
  g_assert_true (data.thread != g_thread_self ());
  g_assert_true (change->thread == g_thread_self ());
  assert_change (&f, 0, CD_STORE_CHANGE_IMPORT,
                 (const char *const[]){ cd_article_get_uuid (article), NULL });

  /* The global default context, which nobody runs here, has nothing. */
  g_assert_false (g_main_context_pending (g_main_context_default ()));

  g_clear_object (&task);
  fixture_teardown (&f, NULL);
  g_main_context_pop_thread_default (g_main_context_get_thread_default ());
}

/* A delivery keeps the store alive until it has run; then the store goes. */
static void
test_keeps_store_alive (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Last words");
  CdStore *store = f->store;

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  save (f, article, CD_REVISION_NONE);
  g_clear_object (&f->store);
  g_assert_nonnull (store);
  wait_for_changes (f, 1);
  assert_change (f, 0, CD_STORE_CHANGE_IMPORT,
                 (const char *const[]){ cd_article_get_uuid (article), NULL });
  drain (f);
  g_assert_null (store);
}

/* Without a listener a write leaves nothing behind: a command never runs
 * the main loop, and its store must still go when it is done. */
static void
test_no_listener (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Unheard");
  CdStore *store = f->store;

  g_signal_handlers_disconnect_by_data (f->store, f);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  save (f, article, CD_REVISION_NONE);
  g_assert_false (g_main_context_pending (f->context));
  g_clear_object (&f->store);
  g_assert_null (store);
}

static void
run_copydesk (Fixture    *f,
              const char *uuid,
              const char *headline)
{
  const char *bin = g_getenv ("COPYDESK_BIN");
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  g_assert (f != NULL);
  g_assert (uuid != NULL);
  g_assert (headline != NULL);

  g_assert_nonnull (bin);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_unsetenv (launcher, "COPYDESK_DATA_DIR");
  process = g_subprocess_launcher_spawn (launcher, &error, bin, "--data-dir", f->dir, "set", uuid,
                                         "headline", headline, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

/* Another process's commit is announced as EXTERNAL with its articles; the
 * store's own commits are not announced again. */
static void
test_external (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (CdArticle) ours = make_article ("Ours");
  g_autoptr (CdArticle) theirs = make_article ("Theirs");
  g_autoptr (CdArticle) reread = NULL;
  g_autoptr (GError) error = NULL;
  const char *uuid = cd_article_get_uuid (theirs);

  cd_store_watch_external (f->store);
  save (f, ours, CD_REVISION_NONE);
  save (f, theirs, CD_REVISION_NONE);
  wait_for_changes (f, 2);

  run_copydesk (f, uuid, "Set from a terminal");
  expect (f, CD_STORE_CHANGE_EXTERNAL, uuid);
  reread = cd_store_get_article (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (reread), ==, "Set from a terminal");

  /* Our own write after theirs is ours alone. */
  cd_article_set_headline (ours, "Ours again");
  save (f, ours, CD_REVISION_NONE);
  expect (f, CD_STORE_CHANGE_EDIT, cd_article_get_uuid (ours));

  run_copydesk (f, cd_article_get_uuid (ours), "Theirs now");
  expect (f, CD_STORE_CHANGE_EXTERNAL, cd_article_get_uuid (ours));
  expect_only_sentinel (f);
}

/* A second connection in this process (as the sync engine keeps) counts
 * as another writer; a commit that touched no article, as a change of
 * accounts does, is announced with no uuids; another module's table with
 * the change log's triggers names its articles. */
static void
test_external_connection (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Via the second connection");
  g_autoptr (CdStore) second = open_store (f);
  g_autofree char *path = g_build_filename (f->dir, "copydesk.db", NULL);
  sqlite3         *db = NULL;

  cd_store_watch_external (f->store);
  g_assert_true (cd_store_save_article (second, article, CD_REVISION_NONE, NULL, NULL));
  expect (f, CD_STORE_CHANGE_EXTERNAL, cd_article_get_uuid (article));

  /* A table of another module's, with the change log's triggers. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "BEGIN; CREATE TABLE per_article (article_uuid TEXT);" CD_STORE_LOG_CHANGES_SQL ("per_article", "article_uuid") "COMMIT;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  wait_for_changes (f, 2);
  assert_change (f, 1, CD_STORE_CHANGE_EXTERNAL, (const char *const[]){ NULL });

  /* Its rows name their articles. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO per_article VALUES ('its-article')", NULL, NULL,
                                 NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  expect (f, CD_STORE_CHANGE_EXTERNAL, "its-article");
}

/* Another connection's commit that comes just before one of ours is
 * announced as EXTERNAL when ours begins, even before the file monitor
 * has woken, and ours is not part of it. */
static void
test_external_before_own_write (Fixture      *f,
                                gconstpointer data)
{
  g_autoptr (CdArticle) theirs = make_article ("Theirs");
  g_autoptr (CdArticle) ours = make_article ("Ours");
  g_autoptr (CdStore) second = open_store (f);
  gboolean seen_external = FALSE;
  gboolean seen_ours = FALSE;

  cd_store_watch_external (f->store);
  g_assert_true (cd_store_save_article (second, theirs, CD_REVISION_NONE, NULL, NULL));
  save (f, ours, CD_REVISION_NONE);
  wait_for_changes (f, 2);
  expect_only_sentinel (f);
  for (guint i = 0; i < 2; i++)
    {
      Change *change = change_at (f, i);

      if (change->reason == CD_STORE_CHANGE_EXTERNAL)
        {
          assert_change (f, i, CD_STORE_CHANGE_EXTERNAL,
                         (const char *const[]){ cd_article_get_uuid (theirs), NULL });
          seen_external = TRUE;
        }
      else
        {
          assert_change (f, i, CD_STORE_CHANGE_IMPORT,
                         (const char *const[]){ cd_article_get_uuid (ours), NULL });
          seen_ours = TRUE;
        }
    }
  g_assert_true (seen_external && seen_ours);
}

static void
test_reason_type (void)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (CD_TYPE_STORE_CHANGE_REASON);

  g_assert_true (G_TYPE_IS_ENUM (CD_TYPE_STORE_CHANGE_REASON));
  g_assert_cmpuint (klass->n_values, ==, CD_STORE_CHANGE_EXTERNAL + 1);
  g_assert_cmpstr (g_enum_get_value (klass, CD_STORE_CHANGE_SYNC_PULL)->value_nick, ==,
                   "sync-pull");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/store/changes/reason-type", test_reason_type);
  ADD ("/store/changes/import", test_import);
  ADD ("/store/changes/edit", test_edit);
  ADD ("/store/changes/sync-pull", test_sync_pull);
  ADD ("/store/changes/sync-state", test_sync_state);
  ADD ("/store/changes/sync-db-writes", test_sync_db_writes);
  ADD ("/store/changes/trash", test_trash);
  ADD ("/store/changes/restore-revision", test_restore_revision);
  ADD ("/store/changes/together", test_together);
  ADD ("/store/changes/rollback", test_rollback);
  g_test_add_func ("/store/changes/thread", test_thread);
  ADD ("/store/changes/keeps-store-alive", test_keeps_store_alive);
  ADD ("/store/changes/no-listener", test_no_listener);
  ADD ("/store/changes/external", test_external);
  ADD ("/store/changes/external-connection", test_external_connection);
  ADD ("/store/changes/external-before-own-write", test_external_before_own_write);

#undef ADD

  return g_test_run ();
}
