/* cd-sync-states.c: every article's sync state, read in one go for the
 * library's rows.
 *
 * The library may list thousands of articles, so their states are not
 * asked for one by one: one read in a worker thread
 * (cd_sync_list_statuses(), the core's one sync-state model) gives every
 * article's state. Rows follow the "changed" signal. A save only marks its
 * article pending, without a read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync-states"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-sync-state.h"
#include "cd-sync-states.h"

typedef struct
{
  CdSyncState state;
  char       *account; /* the account in conflict or in error */
  char       *message;
} Entry;

struct _CdSyncStates
{
  GObject parent_instance;

  CdStore      *store;
  GHashTable   *entries; /* uuid → Entry */
  GCancellable *cancellable;
  guint         n_accounts;
  GError       *error; /* why the last read failed, if it did */
  guint         loading : 1;
  guint         again : 1;
};

G_DEFINE_FINAL_TYPE (CdSyncStates, cd_sync_states, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_free (Entry *entry)
{
  g_free (entry->account);
  g_free (entry->message);
  g_free (entry);
}

/* What the worker thread gives back. */
typedef struct
{
  GHashTable *entries;
  guint       n_accounts;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->entries, g_hash_table_unref);
  g_free (snapshot);
}

/* The core's model computes every state; this keeps them by uuid. */
static Snapshot *
read_snapshot (CdStore *store,
               GError **error)
{
  g_autoptr (GPtrArray) statuses = NULL;
  Snapshot *snapshot;
  guint     n_accounts = 0;

  if ((statuses = cd_sync_list_statuses (store, &n_accounts, error)) == NULL)
    return NULL;
  snapshot = g_new0 (Snapshot, 1);
  snapshot->n_accounts = n_accounts;
  snapshot->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) entry_free);
  for (guint i = 0; i < statuses->len; i++)
    {
      CdSyncStatus *status = g_ptr_array_index (statuses, i);
      Entry        *entry = g_new0 (Entry, 1);

      entry->state = (CdSyncState) cd_sync_status_get_state (status);
      if (entry->state == CD_SYNC_STATE_CONFLICT || entry->state == CD_SYNC_STATE_ERROR)
        {
          entry->account = g_strdup (cd_sync_status_get_account (status));
          entry->message = g_strdup (cd_sync_status_get_message (status));
        }
      g_hash_table_insert (snapshot->entries, g_strdup (cd_sync_status_get_uuid (status)), entry);
    }
  return snapshot;
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  Snapshot *snapshot = read_snapshot (task_data, &error);

  if (snapshot == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_free);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  CdSyncStates *self;
  GWeakRef     *weak = data;
  g_autoptr (GError) error = NULL;
  Snapshot *snapshot;

  snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  self = g_weak_ref_get (weak);
  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (snapshot != NULL)
        snapshot_free (snapshot);
      g_clear_object (&self);
      return;
    }
  self->loading = FALSE;

  /* The window shows why (damaged sync records, say) and the rows keep
   * what they showed. */
  g_clear_error (&self->error);
  if (snapshot == NULL)
    self->error = g_steal_pointer (&error);
  else
    {
      g_clear_pointer (&self->entries, g_hash_table_unref);
      self->entries = g_steal_pointer (&snapshot->entries);
      self->n_accounts = snapshot->n_accounts;
      snapshot_free (snapshot);
    }

  if (self->again)
    {
      self->again = FALSE;
      cd_sync_states_refresh (self);
    }
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_unref (self);
}

/**
 * cd_sync_states_refresh:
 *
 * Reads every article's sync state again in a worker thread and emits
 * "changed" when done. A refresh asked for while one runs follows it.
 */
void
cd_sync_states_refresh (CdSyncStates *self)
{
  g_autoptr (GTask) task = NULL;
  GWeakRef *weak;

  g_return_if_fail (CD_IS_SYNC_STATES (self));

  if (self->loading)
    {
      self->again = TRUE;
      return;
    }
  self->loading = TRUE;
  /* The read holds the states only weakly: when their owner lets go, they
   * are disposed at once, which cancels the read, rather than kept alive
   * by it (the store's folder may be gone by the time it ends). */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->cancellable, read_done_cb, weak);
  g_task_set_source_tag (task, cd_sync_states_refresh);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

/**
 * cd_sync_states_has_accounts:
 *
 * Returns: whether there was an account to sync with at the last read
 */
gboolean
cd_sync_states_has_accounts (CdSyncStates *self)
{
  g_return_val_if_fail (CD_IS_SYNC_STATES (self), FALSE);
  return self->n_accounts > 0;
}

/**
 * cd_sync_states_get_error:
 *
 * Returns: (nullable) (transfer none): why the last read failed, one
 *   sentence a person can act on; %NULL when it worked
 */
const GError *
cd_sync_states_get_error (CdSyncStates *self)
{
  g_return_val_if_fail (CD_IS_SYNC_STATES (self), NULL);
  return self->error;
}

/**
 * cd_sync_states_get_loading:
 *
 * Returns: whether a read is under way
 */
gboolean
cd_sync_states_get_loading (CdSyncStates *self)
{
  g_return_val_if_fail (CD_IS_SYNC_STATES (self), FALSE);
  return self->loading;
}

/**
 * cd_sync_states_lookup:
 * @uuid: an article
 * @account: (out) (optional) (transfer none): the account in conflict or
 *   in error, if any
 * @message: (out) (optional) (transfer none): the error, if any
 *
 * Returns: the article's state as last read
 */
CdSyncState
cd_sync_states_lookup (CdSyncStates *self,
                       const char   *uuid,
                       const char  **account,
                       const char  **message)
{
  Entry *entry;

  g_return_val_if_fail (CD_IS_SYNC_STATES (self), CD_SYNC_STATE_NONE);
  g_return_val_if_fail (uuid != NULL, CD_SYNC_STATE_NONE);

  entry = self->entries != NULL ? g_hash_table_lookup (self->entries, uuid) : NULL;
  if (account != NULL)
    *account = entry != NULL ? entry->account : NULL;
  if (message != NULL)
    *message = entry != NULL ? entry->message : NULL;
  if (entry == NULL)
    return self->n_accounts > 0 ? CD_SYNC_STATE_PENDING : CD_SYNC_STATE_NONE;
  return entry->state;
}

/**
 * cd_sync_states_mark_pending:
 * @uuid: an article just saved
 *
 * A save puts the article in the outbox: it shows as pending until the
 * next sync, unless it waits for a person to settle a conflict or an
 * error. Emits "changed" when that changes what the article shows.
 */
void
cd_sync_states_mark_pending (CdSyncStates *self,
                             const char   *uuid)
{
  Entry *entry;

  g_return_if_fail (CD_IS_SYNC_STATES (self));
  g_return_if_fail (uuid != NULL);

  if (self->n_accounts == 0 || self->entries == NULL)
    return;
  entry = g_hash_table_lookup (self->entries, uuid);
  if (entry != NULL && entry->state != CD_SYNC_STATE_SYNCED)
    return;
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (self->entries, g_strdup (uuid), entry);
    }
  entry->state = CD_SYNC_STATE_PENDING;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cd_sync_state_icon_name:
 *
 * Returns: (nullable): the symbolic icon that shows @state
 */
const char *
cd_sync_state_icon_name (CdSyncState state)
{
  switch (state)
    {
    case CD_SYNC_STATE_SYNCED:
      return "emblem-ok-symbolic";
    case CD_SYNC_STATE_PENDING:
      return "document-send-symbolic";
    case CD_SYNC_STATE_ERROR:
      return "dialog-error-symbolic";
    case CD_SYNC_STATE_CONFLICT:
      return "dialog-warning-symbolic";
    case CD_SYNC_STATE_NONE:
    default:
      return NULL;
    }
}

/**
 * cd_sync_state_describe:
 * @account: (nullable): the account in conflict or in error
 * @message: (nullable): the error in words
 *
 * Returns: (transfer full) (nullable): @state in words, for a tooltip
 */
char *
cd_sync_state_describe (CdSyncState state,
                        const char *account,
                        const char *message)
{
  switch (state)
    {
    case CD_SYNC_STATE_SYNCED:
      return g_strdup (_ ("Synced"));
    case CD_SYNC_STATE_PENDING:
      return g_strdup (_ ("Waiting to sync"));
    case CD_SYNC_STATE_ERROR:
      if (message != NULL && account != NULL)
        /* Translators: the account's name, then the error in words */
        return g_strdup_printf (_ ("Not synced with %s: %s"), account, message);
      return g_strdup (message != NULL ? message : _ ("Not synced"));
    case CD_SYNC_STATE_CONFLICT:
      if (account != NULL)
        return g_strdup_printf (_ ("Changed here and on %s: choose what to keep"), account);
      return g_strdup (_ ("Changed here and on the server: choose what to keep"));
    case CD_SYNC_STATE_NONE:
    default:
      return NULL;
    }
}

static void
cd_sync_states_dispose (GObject *object)
{
  CdSyncStates *self = CD_SYNC_STATES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cd_sync_states_parent_class)->dispose (object);
}

static void
cd_sync_states_finalize (GObject *object)
{
  CdSyncStates *self = CD_SYNC_STATES (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cd_sync_states_parent_class)->finalize (object);
}

static void
cd_sync_states_class_init (CdSyncStatesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_sync_states_dispose;
  object_class->finalize = cd_sync_states_finalize;

  /**
   * CdSyncStates::changed:
   *
   * The states were read again, or a save changed one.
   */
  signals[CHANGED] =
      g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 0);
}

static void
cd_sync_states_init (CdSyncStates *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * cd_sync_states_new:
 * @store: the store whose articles to follow
 *
 * The states are read again whenever the store announces a change.
 *
 * Returns: (transfer full): the states, empty until the first
 *   cd_sync_states_refresh() completes
 */
CdSyncStates *
cd_sync_states_new (CdStore *store)
{
  CdSyncStates *self;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  self = g_object_new (CD_TYPE_SYNC_STATES, NULL);
  self->store = g_object_ref (store);
  /* Any change can change a state: an edit queues the article, a pull or
   * a push settles it, the trash takes it out of the list. */
  g_signal_connect_object (store, "articles-changed", G_CALLBACK (cd_sync_states_refresh), self,
                           G_CONNECT_SWAPPED);
  return self;
}
