/* cd-sync.c: the sync engine: its object, its public calls, one sync as a
 * worker, and automatic syncs.
 *
 * Per article and account the sync tables keep the remote id, the remote
 * modified time, the base (the article as the CMS had it when the two sides
 * last agreed), a state (synced, pending, conflict, error) with an error in
 * words, whether local changes wait to be pushed (dirty), whether a create's
 * reply was lost (create_unknown), and for a conflict the server's side.
 *
 * A sync is one worker (g_task_run_in_thread) that takes plain blocking
 * steps top to bottom, one account after the other: it verifies the
 * credentials, moves the store's outbox into the per-account dirty flags,
 * pushes every dirty article (cd-sync-push.c, cd-sync-merge.c), then pulls
 * what changed on the server since the last pull (cd-sync-pull.c). It has
 * its own connection to the sync tables, so neither the network nor the
 * saves between requests ever hold up the caller's main loop. Progress and
 * the result come back to the caller's main context.
 *
 * Nothing is overwritten silently: a remote change meets a local change in
 * a three-way merge; a clean merge is saved as a revision and pushed, a
 * conflict keeps both sides untouched and waits for
 * cd_sync_engine_resolve(). A post deleted on the server is reported and
 * the local article kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "cd-account.h"
#include "cd-article-json.h"
#include "cd-sync-private.h"

/* ------------------------------------------------------------------------
 * The engine
 * ------------------------------------------------------------------------ */

struct _CdSyncEngine
{
  GObject parent_instance;

  CdStore    *store;
  CdSyncDb   *db;
  GHashTable *cms;  /* account name → CdCms */
  GTask      *task; /* the sync under way, if any */

  GNetworkMonitor *monitor;
  gulong           network_changed_id;
  guint            timer_id;
  guint            interval;
  GCancellable    *auto_cancellable;
  guint            deadline; /* seconds a whole sync may take */
  guint            network_available : 1;
  guint            rerun : 1;
  guint            fetch_images : 1;
  double           fraction;
};

G_DEFINE_FINAL_TYPE (CdSyncEngine, cd_sync_engine, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SYNCING,
  PROP_FRACTION,
  PROP_FETCH_IMAGES,
  N_PROPS
};

enum
{
  SIGNAL_PROGRESS,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
set_fraction (CdSyncEngine *self,
              double        fraction)
{
  g_assert (CD_IS_SYNC_ENGINE (self));

  if (self->fraction == fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
cd_sync_engine_dispose (GObject *object)
{
  CdSyncEngine *self = CD_SYNC_ENGINE (object);

  cd_sync_engine_set_auto_sync (self, 0);
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->cms, g_hash_table_unref);

  G_OBJECT_CLASS (cd_sync_engine_parent_class)->dispose (object);
}

static void
cd_sync_engine_finalize (GObject *object)
{
  CdSyncEngine *self = CD_SYNC_ENGINE (object);

  g_clear_object (&self->db);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cd_sync_engine_parent_class)->finalize (object);
}

static void
cd_sync_engine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CdSyncEngine *self = CD_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, self->task != NULL);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_FETCH_IMAGES:
      g_value_set_boolean (value, self->fetch_images);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_sync_engine_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CdSyncEngine *self = CD_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FETCH_IMAGES:
      cd_sync_engine_set_fetch_images (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_sync_engine_class_init (CdSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_sync_engine_dispose;
  object_class->finalize = cd_sync_engine_finalize;
  object_class->get_property = cd_sync_engine_get_property;
  object_class->set_property = cd_sync_engine_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, CD_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNCING] =
      g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
      g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The window binds it to the allow-remote-images setting. */
  properties[PROP_FETCH_IMAGES] =
      g_param_spec_boolean ("fetch-images", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdSyncEngine::progress:
   * @done: articles and posts handled so far
   * @total: articles and posts known to handle so far (grows as a sync
   *   learns what changed on the server)
   */
  signals[SIGNAL_PROGRESS] =
      g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * CdSyncEngine::finished:
   * @result: (nullable): what the sync did, or %NULL when it could not run
   * @message: (nullable): why it could not run
   *
   * Emitted when a sync's outcome is collected with
   * cd_sync_engine_sync_finish(), as it is for the automatic ones.
   */
  signals[SIGNAL_FINISHED] =
      g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 2, CD_TYPE_SYNC_RESULT, G_TYPE_STRING);
}

static void
cd_sync_engine_init (CdSyncEngine *self)
{
  self->cms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->deadline = CD_SYNC_DEADLINE_SECONDS;
}

/**
 * cd_sync_engine_set_deadline:
 * @seconds: how long a whole sync may take
 *
 * A sync that runs past @seconds (a slow or hostile server, thousands of
 * posts) stops after the step under way, says so in its result, and leaves
 * the rest for the next sync. %CD_SYNC_DEADLINE_SECONDS unless set.
 */
void
cd_sync_engine_set_deadline (CdSyncEngine *self,
                             guint         seconds)
{
  g_return_if_fail (CD_IS_SYNC_ENGINE (self));

  self->deadline = seconds;
}

/**
 * cd_sync_engine_new:
 * @store: the article store
 *
 * Returns: (transfer full): a sync engine for @store's articles
 */
CdSyncEngine *
cd_sync_engine_new (CdStore *store)
{
  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  return g_object_new (CD_TYPE_SYNC_ENGINE, "store", store, NULL);
}

/**
 * cd_sync_engine_get_store:
 *
 * Returns: (transfer none): the store
 */
CdStore *
cd_sync_engine_get_store (CdSyncEngine *self)
{
  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), NULL);

  return self->store;
}

/**
 * cd_sync_engine_get_syncing:
 *
 * Returns: whether a sync is under way
 */
gboolean
cd_sync_engine_get_syncing (CdSyncEngine *self)
{
  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), FALSE);

  return self->task != NULL;
}

/**
 * cd_sync_engine_get_fraction:
 *
 * Returns: how far the sync under way is, from 0 to 1
 */
double
cd_sync_engine_get_fraction (CdSyncEngine *self)
{
  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), 0.0);

  return self->fraction;
}

static CdSyncDb *
ensure_db (CdSyncEngine *self,
           GError      **error)
{
  g_assert (CD_IS_SYNC_ENGINE (self));

  if (self->db == NULL)
    self->db = cd_sync_db_open (self->store, error);
  return self->db;
}

/* Makes the client of @account from its row in @db and its password in
 * the keyring. It may wait on the keyring (an unlock prompt), so a sync
 * does it in its own thread. */
static CdCms *
create_cms (CdSyncDb   *db,
            const char *account,
            GError    **error)
{
  g_autoptr (CdAccount) row = NULL;

  g_assert (CD_IS_SYNC_DB (db));
  g_assert (account != NULL);

  if ((row = cd_account_load (db, account, error)) == NULL)
    return NULL;
  return cd_account_connect (row, "add the account again with “copydesk account add”", NULL,
                             error);
}

/**
 * cd_sync_engine_get_cms:
 * @account: an account's name
 * @error: return location for an error
 *
 * Gives the CMS client for @account, made on first use from the account's
 * row and the password in the Secret Service, or the one given to
 * cd_sync_engine_set_cms().
 *
 * Returns: (transfer none) (nullable): the client, or %NULL with @error set
 */
CdCms *
cd_sync_engine_get_cms (CdSyncEngine *self,
                        const char   *account,
                        GError      **error)
{
  CdCms *cms;

  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (account != NULL, NULL);

  cms = g_hash_table_lookup (self->cms, account);
  if (cms == NULL)
    {
      if (ensure_db (self, error) == NULL)
        return NULL;
      cms = create_cms (self->db, account, error);
      if (cms == NULL)
        return NULL;
      g_hash_table_insert (self->cms, g_strdup (account), cms);
    }
  return cms;
}

/**
 * cd_sync_engine_set_fetch_images:
 * @fetch: whether pulls read pulled posts' pictures into the store
 *
 * A picture of a pulled post (an image block of a media item this store
 * does not have) is then read from the site, kept in the store and placed
 * as an `image` fence, so that it shows offline. Only for a person who
 * allows remote loads; the next sync follows the change.
 */
void
cd_sync_engine_set_fetch_images (CdSyncEngine *self,
                                 gboolean      fetch)
{
  g_return_if_fail (CD_IS_SYNC_ENGINE (self));

  if (self->fetch_images == (fetch != FALSE))
    return;
  self->fetch_images = fetch != FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FETCH_IMAGES]);
}

/**
 * cd_sync_engine_get_fetch_images:
 *
 * Returns: whether pulls read pulled posts' pictures into the store
 */
gboolean
cd_sync_engine_get_fetch_images (CdSyncEngine *self)
{
  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), FALSE);

  return self->fetch_images;
}

/**
 * cd_sync_engine_set_cms:
 * @account: an account's name
 * @cms: (nullable): the client to use for it, or %NULL to make one from
 *   the account again on next use
 *
 * Tests and the Accounts page use this to give a client of their own.
 */
void
cd_sync_engine_set_cms (CdSyncEngine *self,
                        const char   *account,
                        CdCms        *cms)
{
  g_return_if_fail (CD_IS_SYNC_ENGINE (self));
  g_return_if_fail (account != NULL);
  g_return_if_fail (cms == NULL || CD_IS_CMS (cms));

  if (cms != NULL)
    g_hash_table_insert (self->cms, g_strdup (account), g_object_ref (cms));
  else
    g_hash_table_remove (self->cms, account);
}

/* Two syncs of one store at once (the window's and `copydesk sync`) would
 * both create the same new posts: a lock file next to the store lets one
 * run at a time, across processes. Returns the locked descriptor, or -1. */
int
_cd_sync_take_lock (CdStore *store,
                    GError **error)
{
  g_autofree char *path = g_strconcat (cd_store_get_path (store), ".sync-lock", NULL);
  int              fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  g_assert (CD_IS_STORE (store));

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not open %s: %s", path, g_strerror (saved_errno));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      close (fd);
      if (saved_errno == EWOULDBLOCK)
        g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_BUSY,
                     "Another Copydesk is syncing these articles; try again when it is done.");
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     "Could not lock %s: %s", path, g_strerror (saved_errno));
      return -1;
    }
  return fd;
}

/* ------------------------------------------------------------------------
 * One sync's shared steps, in its worker thread
 * ------------------------------------------------------------------------ */

typedef struct
{
  CdSyncEngine *engine;
  guint         done;
  guint         total;
} Progress;

static gboolean
emit_progress (gpointer user_data)
{
  Progress *progress = user_data;

  g_assert (progress != NULL);

  if (progress->engine->task != NULL)
    {
      set_fraction (progress->engine, (double) progress->done / (double) progress->total);
      g_signal_emit (progress->engine, signals[SIGNAL_PROGRESS], 0, progress->done,
                     progress->total);
    }
  g_object_unref (progress->engine);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/**
 * _cd_sync_run_step_done:
 *
 * Counts one article or post as done, and tells the caller's main context.
 */
void
_cd_sync_run_step_done (CdSyncRun *run)
{
  Progress *progress = g_new0 (Progress, 1);

  g_return_if_fail (run != NULL);

  run->done++;
  if (run->done > run->total)
    run->total = run->done;
  /* A sync has an end, whatever the server does: past the deadline the
   * rest waits for the next sync, and nothing half-done is left (each step
   * finished before this). */
  if (!run->out_of_time && g_get_monotonic_time () >= run->deadline)
    {
      run->out_of_time = TRUE;
      run->stopped = TRUE;
      _cd_sync_run_add_error (run, NULL,
                              "The sync stopped after %u seconds with %u of %u articles and "
                              "posts done; the rest waits for the next sync.",
                              run->deadline_s, run->done, run->total);
    }
  progress->engine = g_object_ref (run->engine);
  progress->done = run->done;
  progress->total = run->total;
  g_main_context_invoke (run->caller_context, emit_progress, progress);
}

/* Moves the store's outbox into a dirty flag for every account, so that
 * each account is pushed to on its own and a change survives a sync that
 * reaches only some of them. The flags are committed before the outbox
 * rows go, so a crash in between only queues an article twice; an article
 * queued again meanwhile stays in the outbox. */
gboolean
_cd_sync_absorb_outbox (CdStore  *store,
                        CdSyncDb *db,
                        GError  **error)
{
  g_autoptr (GPtrArray) uuids = NULL;
  g_autoptr (GArray) queued_at = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert (CD_IS_STORE (store));
  g_assert (CD_IS_SYNC_DB (db));

  if ((uuids = cd_store_list_outbox (store, error)) == NULL)
    return FALSE;
  if (uuids->len == 0)
    return TRUE;
  for (guint i = 0; i < uuids->len; i++)
    {
      gint64 when = cd_store_outbox_get_queued_at (store, g_ptr_array_index (uuids, i));

      g_array_append_val (queued_at, when);
    }
  g_ptr_array_add (uuids, NULL);
  if (!cd_sync_db_mark_dirty (db, (const char *const *) uuids->pdata, error))
    return FALSE;
  for (guint i = 0; i < queued_at->len; i++)
    if (!cd_store_outbox_remove (store, g_ptr_array_index (uuids, i),
                                 g_array_index (queued_at, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------
 * One sync: a worker that takes the steps one after the other
 * ------------------------------------------------------------------------ */

/* What the worker needs, made in the caller's thread. */
typedef struct
{
  CdSyncRun  run;
  GPtrArray *accounts;
  GPtrArray *clients; /* a CdCms per account, NULL until made */
  GPtrArray *made;    /* indexes of those this sync made */
} SyncData;

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Drops what the data holds. on_worker_done() calls it in the caller's
 * thread once the worker has returned, so that the engine, the store and
 * the connection die there and not in the worker, which drops the task's
 * last reference a moment later. */
static void
sync_data_clear (SyncData *data)
{
  g_assert (data != NULL);

  g_clear_object (&data->run.db);
  g_clear_pointer (&data->run.result, cd_sync_result_unref);
  g_clear_pointer (&data->run.caller_context, g_main_context_unref);
  g_clear_object (&data->run.store);
  g_clear_object (&data->run.engine);
  g_clear_pointer (&data->accounts, g_ptr_array_unref);
  g_clear_pointer (&data->clients, g_ptr_array_unref);
  g_clear_pointer (&data->made, g_ptr_array_unref);
}

static void
sync_data_free (SyncData *data)
{
  g_assert (data != NULL);

  sync_data_clear (data);
  g_free (data);
}

/* Conflicts still waiting for a person are part of every sync's result,
 * so that a sync is clean only when there are none. */
static void
report_open_conflicts (CdSyncRun *run)
{
  g_autoptr (GPtrArray) uuids = NULL;
  GPtrArray *conflicts;

  g_assert (run != NULL);

  conflicts = cd_sync_result_get_conflicts (run->result);
  uuids = cd_sync_db_list_conflicts (run->db, run->account, NULL);
  for (guint i = 0; uuids != NULL && i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);

      if (!_cd_sync_items_has (conflicts, uuid, run->account))
        _cd_sync_items_add (conflicts, uuid, run->account,
                            "Changed here and on %s in ways that do not merge; waiting to be "
                            "resolved.",
                            run->account);
    }
}

/* Verifies the credentials, pushes, then pulls, for the run's account.
 * Returns FALSE only when the sync was cancelled. */
static gboolean
sync_account (CdSyncRun *run,
              GError   **error)
{
  g_autoptr (GError) failure = NULL;
  g_autofree char *name = NULL;

  g_assert (run != NULL);
  g_assert (CD_IS_CMS (run->cms));

  name = cd_cms_verify (run->cms, run->cancellable, &failure);
  if (name == NULL)
    {
      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return FALSE;
        }
      if (cd_cms_error_is_offline (failure))
        _cd_sync_run_stop_queued (run, failure);
      else
        _cd_sync_run_stop_error (run, failure);
      return TRUE;
    }
  if (!_cd_sync_push_account (run, error))
    return FALSE;
  if (!run->stopped && !_cd_sync_publish_queued (run, error))
    return FALSE;
  if (!run->stopped && !_cd_sync_pull_account (run, error))
    return FALSE;
  return TRUE;
}

/* The client of account @index: the one known when the sync began, or one
 * made here from the account's row and the keyring (which may wait on an
 * unlock prompt, so not in the caller's thread). */
static CdCms *
client_for (SyncData *data,
            guint     index,
            GError  **error)
{
  CdCms *cms = g_ptr_array_index (data->clients, index);

  g_assert (data != NULL);

  if (cms != NULL)
    return cms;
  cms = create_cms (data->run.db, g_ptr_array_index (data->accounts, index), error);
  if (cms == NULL)
    return NULL;
  g_ptr_array_index (data->clients, index) = cms;
  g_ptr_array_add (data->made, GUINT_TO_POINTER (index));
  return cms;
}

/* Runs the whole sync: takes the lock, moves the outbox into the dirty
 * flags, then syncs each account in turn. */
static void
sync_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SyncData  *data = task_data;
  CdSyncRun *run = &data->run;
  GError    *error = NULL;
  int        lock_fd;

  g_assert (G_IS_TASK (task));
  g_assert (data != NULL);

  run->cancellable = cancellable;
  run->deadline = g_get_monotonic_time () + (gint64) run->deadline_s * G_USEC_PER_SEC;
  /* A sync that could not record what it sent would send it again. */
  if (!cd_store_check_writable (run->store, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  lock_fd = _cd_sync_take_lock (run->store, &error);
  if (lock_fd < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  if ((run->db = cd_sync_db_open (run->store, &error)) == NULL ||
      !_cd_sync_absorb_outbox (run->store, run->db, &error))
    {
      close (lock_fd);
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < data->accounts->len; i++)
    {
      g_autoptr (GError) failure = NULL;
      gboolean ok = TRUE;

      run->account = g_ptr_array_index (data->accounts, i);
      run->stopped = run->out_of_time;
      if (run->stopped)
        break;
      run->cms = client_for (data, i, &failure);
      if (run->cms == NULL)
        _cd_sync_run_add_error (run, NULL, "%s: %s", run->account, failure->message);
      else
        {
          g_autoptr (CdCms) with_media = _cd_sync_media_wrap (run);

          run->cms = with_media;
          ok = sync_account (run, &error);
          run->cms = NULL;
        }
      if (!ok)
        {
          close (lock_fd);
          g_task_return_error (task, error);
          return;
        }
      report_open_conflicts (run);
    }
  run->account = NULL;
  run->cms = NULL;
  close (lock_fd);
  g_task_return_pointer (task, cd_sync_result_ref (run->result),
                         (GDestroyNotify) cd_sync_result_unref);
}

static void
sync_finished (CdSyncEngine *self)
{
  g_assert (CD_IS_SYNC_ENGINE (self));

  self->task = NULL;
  set_fraction (self, 0.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

/* In the caller's thread: keeps the clients the worker made, frees the
 * engine for the next sync, then hands the outcome to the caller. */
static void
on_worker_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  CdSyncEngine *self = g_task_get_source_object (task);
  SyncData     *data = g_task_get_task_data (G_TASK (result));
  GError       *error = NULL;
  CdSyncResult *sync_result;

  g_assert (G_IS_TASK (task));
  g_assert (data != NULL);

  for (guint i = 0; i < data->made->len; i++)
    {
      guint       index = GPOINTER_TO_UINT (g_ptr_array_index (data->made, i));
      const char *account = g_ptr_array_index (data->accounts, index);

      if (!g_hash_table_contains (self->cms, account))
        g_hash_table_insert (self->cms, g_strdup (account),
                             g_object_ref (g_ptr_array_index (data->clients, index)));
    }
  sync_data_clear (data);
  sync_finished (self);
  sync_result = g_task_propagate_pointer (G_TASK (result), &error);
  if (sync_result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sync_result, (GDestroyNotify) cd_sync_result_unref);
}

/**
 * cd_sync_engine_sync_async:
 * @account: (nullable): the account to sync with, or %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Pushes local changes and pulls the server's, in a worker thread.
 * Fails with %CD_SYNC_ERROR_BUSY while another sync of the store runs (in
 * this process or another), %CD_SYNC_ERROR_UNKNOWN_ACCOUNT for an account
 * that does not exist and %CD_SYNC_ERROR_NO_ACCOUNTS when there is none;
 * what goes wrong on the way is in the result.
 */
void
cd_sync_engine_sync_async (CdSyncEngine       *self,
                           const char         *account,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) worker = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  SyncData *data;

  g_return_if_fail (CD_IS_SYNC_ENGINE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_sync_engine_sync_async);

  if (self->task != NULL)
    {
      g_task_return_new_error (task, CD_SYNC_ERROR, CD_SYNC_ERROR_BUSY,
                               "A sync is already under way.");
      return;
    }
  if (!cd_store_check_writable (self->store, &error) || ensure_db (self, &error) == NULL ||
      (accounts = cd_sync_db_list_accounts (self->db, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (account != NULL)
    {
      if (!g_ptr_array_find_with_equal_func (accounts, account, g_str_equal, NULL))
        {
          g_task_return_new_error (task, CD_SYNC_ERROR, CD_SYNC_ERROR_UNKNOWN_ACCOUNT,
                                   "There is no account named “%s”; add it with "
                                   "“copydesk account add”.",
                                   account);
          return;
        }
      g_ptr_array_set_size (accounts, 0);
      g_ptr_array_add (accounts, g_strdup (account));
    }
  if (accounts->len == 0)
    {
      g_task_return_new_error (task, CD_SYNC_ERROR, CD_SYNC_ERROR_NO_ACCOUNTS,
                               "There is no account to sync with; add one with "
                               "“copydesk account add”.");
      return;
    }

  data = g_new0 (SyncData, 1);
  data->run.engine = g_object_ref (self);
  data->run.store = g_object_ref (self->store);
  data->run.caller_context = g_main_context_ref_thread_default ();
  data->run.deadline_s = self->deadline;
  data->run.fetch_images = self->fetch_images;
  data->run.result = _cd_sync_result_new ();
  data->accounts = g_steal_pointer (&accounts);
  /* Clients known already (or given with cd_sync_engine_set_cms()) are
   * taken here; the others are made in the worker, and kept for the next
   * sync when it completes. */
  data->clients = g_ptr_array_new_with_free_func (unref_nullable);
  data->made = g_ptr_array_new ();
  for (guint i = 0; i < data->accounts->len; i++)
    {
      CdCms *cms = g_hash_table_lookup (self->cms, g_ptr_array_index (data->accounts, i));

      g_ptr_array_add (data->clients, cms != NULL ? g_object_ref (cms) : NULL);
    }

  self->task = task;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);

  /* The worker's own task: its result is the sync's, handed on by
   * on_worker_done() once the engine is free again. It reports what it
   * did even when cancelled after the last step. */
  /* The worker's task has no source object: the thread drops its last
   * reference, and the engine must not die there. */
  worker = g_task_new (NULL, cancellable, on_worker_done, g_steal_pointer (&task));
  g_task_set_source_tag (worker, sync_worker);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, data, (GDestroyNotify) sync_data_free);
  g_task_run_in_thread (worker, sync_worker);
}

/**
 * cd_sync_engine_sync_finish:
 *
 * Returns: (transfer full) (nullable): what the sync did, or %NULL with
 *   @error set when it could not run
 */
CdSyncResult *
cd_sync_engine_sync_finish (CdSyncEngine *self,
                            GAsyncResult *result,
                            GError      **error)
{
  CdSyncResult *sync_result;

  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  sync_result = g_task_propagate_pointer (G_TASK (result), error);
  if (sync_result != NULL || (error != NULL && *error != NULL))
    g_signal_emit (self, signals[SIGNAL_FINISHED], 0, sync_result,
                   sync_result == NULL && error != NULL ? (*error)->message : NULL);
  return sync_result;
}

/* ------------------------------------------------------------------------
 * Automatic sync: when the network comes back and on a timer
 * ------------------------------------------------------------------------ */

static void trigger_auto_sync (CdSyncEngine *self);

static void
on_auto_sync_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CdSyncEngine *self = CD_SYNC_ENGINE (source);
  g_autoptr (CdSyncResult) sync_result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_SYNC_ENGINE (source));

  sync_result = cd_sync_engine_sync_finish (self, result, &error);
  if (sync_result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Automatic sync did not run: %s", error->message);
    }
  if (self->rerun)
    {
      self->rerun = FALSE;
      trigger_auto_sync (self);
    }
}

static void
trigger_auto_sync (CdSyncEngine *self)
{
  g_assert (CD_IS_SYNC_ENGINE (self));

  if (self->task != NULL)
    {
      self->rerun = TRUE;
      return;
    }
  cd_sync_engine_sync_async (self, NULL, self->auto_cancellable, on_auto_sync_done, NULL);
}

static gboolean
on_timer (gpointer user_data)
{
  CdSyncEngine *self = user_data;

  if (self->network_available)
    trigger_auto_sync (self);
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    CdSyncEngine    *self)
{
  gboolean came_back = available && !self->network_available;

  g_assert (G_IS_NETWORK_MONITOR (monitor));
  g_assert (CD_IS_SYNC_ENGINE (self));

  self->network_available = available;
  if (came_back)
    trigger_auto_sync (self);
}

/**
 * cd_sync_engine_set_auto_sync:
 * @interval_seconds: how often to sync, or 0 to stop syncing by itself
 *
 * Syncs every @interval_seconds while the network is there, and at once
 * when it comes back. Each sync ends with #CdSyncEngine::finished.
 */
void
cd_sync_engine_set_auto_sync (CdSyncEngine *self,
                              guint         interval_seconds)
{
  g_return_if_fail (CD_IS_SYNC_ENGINE (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_signal_handler (&self->network_changed_id, self->monitor);
  if (self->auto_cancellable != NULL)
    g_cancellable_cancel (self->auto_cancellable);
  g_clear_object (&self->auto_cancellable);
  self->interval = interval_seconds;

  if (interval_seconds == 0)
    return;

  if (self->monitor == NULL)
    self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->network_available = g_network_monitor_get_network_available (self->monitor);
  self->auto_cancellable = g_cancellable_new ();
  self->network_changed_id = g_signal_connect (self->monitor, "network-changed",
                                               G_CALLBACK (on_network_changed), self);
  self->timer_id = g_timeout_add_seconds (interval_seconds, on_timer, self);
}

/**
 * cd_sync_engine_set_network_monitor:
 * @monitor: (nullable): the monitor to follow, or %NULL for the default
 *
 * Tests give a monitor of their own; call before
 * cd_sync_engine_set_auto_sync().
 */
void
cd_sync_engine_set_network_monitor (CdSyncEngine    *self,
                                    GNetworkMonitor *monitor)
{
  guint interval;

  g_return_if_fail (CD_IS_SYNC_ENGINE (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  interval = self->interval;
  cd_sync_engine_set_auto_sync (self, 0);
  g_set_object (&self->monitor, monitor);
  cd_sync_engine_set_auto_sync (self, interval);
}
