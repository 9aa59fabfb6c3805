/* cd-store-changes.c: the store announces what each commit changed.
 *
 * Writes say what they changed with _cd_store_announce_one() while their
 * transaction is open; the announcements wait in a change set until the
 * commit, and a rollback drops them. A commit hands each reason's uuids to
 * an idle source on the main context that was thread-default when the
 * store was opened, so that listeners always run there, never inside the
 * call that wrote and never under the store's lock, whichever thread
 * committed.
 *
 * Other connections' commits (another process, or the sync engine's own
 * connection) are seen through the write-ahead log: a file monitor wakes
 * the store, PRAGMA data_version tells whether another connection
 * committed, and the change log (article_changes, filled by triggers) says
 * which articles it touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-store"

#include "config.h"

#include "cd-store.h"
#include "cd-store-private.h"

#define N_REASONS (CD_STORE_CHANGE_EXTERNAL + 1)

/* Other processes' writes come in bursts (an import of many files); one
 * look at the log every so often is enough. */
#define WAL_RATE_LIMIT_MS 200

G_DEFINE_ENUM_TYPE (CdStoreChangeReason, cd_store_change_reason, G_DEFINE_ENUM_VALUE (CD_STORE_CHANGE_EDIT, "edit"), G_DEFINE_ENUM_VALUE (CD_STORE_CHANGE_IMPORT, "import"), G_DEFINE_ENUM_VALUE (CD_STORE_CHANGE_SYNC_PULL, "sync-pull"), G_DEFINE_ENUM_VALUE (CD_STORE_CHANGE_SYNC_STATE, "sync-state"), G_DEFINE_ENUM_VALUE (CD_STORE_CHANGE_TRASH, "trash"), G_DEFINE_ENUM_VALUE (CD_STORE_CHANGE_RESTORE, "restore"), G_DEFINE_ENUM_VALUE (CD_STORE_CHANGE_EXTERNAL, "external"))

enum
{
  ARTICLES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each reason's uuids, in the order first announced, each once. */
struct _CdStoreChangeSet
{
  GPtrArray  *uuids[N_REASONS];
  GHashTable *seen[N_REASONS];
};

typedef struct
{
  CdStore            *store;
  CdStoreChangeReason reason;
  char              **uuids;
} Delivery;

static void
change_set_free (CdStoreChangeSet *set)
{
  for (guint r = 0; r < N_REASONS; r++)
    {
      g_clear_pointer (&set->seen[r], g_hash_table_unref);
      g_clear_pointer (&set->uuids[r], g_ptr_array_unref);
    }
  g_free (set);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdStoreChangeSet, change_set_free)

static void
change_set_add (CdStoreChangeSet  **set,
                CdStoreChangeReason reason,
                const char         *uuid)
{
  char *copy;

  g_assert (set != NULL);
  g_assert (reason < N_REASONS);
  g_assert (uuid != NULL);

  if (*set == NULL)
    *set = g_new0 (CdStoreChangeSet, 1);
  if ((*set)->uuids[reason] == NULL)
    {
      (*set)->uuids[reason] = g_ptr_array_new_with_free_func (g_free);
      (*set)->seen[reason] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  if (g_hash_table_contains ((*set)->seen[reason], uuid))
    return;
  copy = g_strdup (uuid);
  g_ptr_array_add ((*set)->uuids[reason], copy);
  g_hash_table_add ((*set)->seen[reason], copy);
}

static void
delivery_free (Delivery *delivery)
{
  g_assert (delivery != NULL);

  g_object_unref (delivery->store);
  g_strfreev (delivery->uuids);
  g_free (delivery);
}

static gboolean
deliver_cb (gpointer data)
{
  Delivery *delivery = data;

  g_assert (delivery != NULL);
  g_assert (CD_IS_STORE (delivery->store));

  g_signal_emit (delivery->store, signals[ARTICLES_CHANGED], 0, delivery->reason,
                 delivery->uuids);
  return G_SOURCE_REMOVE;
}

/* Hands @uuids (a string vector, taken over) to the store's main context.
 * Nobody listening means nothing to deliver: a command-line process, which
 * never runs the main loop, then keeps no sources, and no references to
 * the store, waiting for it. */
static void
schedule (CdStore            *self,
          CdStoreChangeReason reason,
          char              **uuids)
{
  g_autoptr (GSource) source = NULL;
  Delivery *delivery;

  g_assert (CD_IS_STORE (self));
  g_assert (uuids != NULL);

  if (!g_signal_has_handler_pending (self, signals[ARTICLES_CHANGED], 0, FALSE))
    {
      g_strfreev (uuids);
      return;
    }

  delivery = g_new0 (Delivery, 1);
  delivery->store = g_object_ref (self);
  delivery->reason = reason;
  delivery->uuids = uuids;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[copydesk] store changes");
  g_source_set_callback (source, deliver_cb, delivery, (GDestroyNotify) delivery_free);
  g_source_attach (source, self->context);
}

static gboolean
in_own_transaction (CdStore *self)
{
  g_assert (CD_IS_STORE (self));

  /* Only the writer stores itself here, so a thread that finds itself
   * holds the lock, whatever another thread is doing. */
  return g_atomic_pointer_get (&self->writer) == (gpointer) g_thread_self ();
}

void
_cd_store_announce (CdStore            *self,
                    CdStoreChangeReason reason,
                    const char *const  *uuids)
{
  g_return_if_fail (CD_IS_STORE (self));
  g_return_if_fail (reason < N_REASONS);
  g_return_if_fail (uuids != NULL);

  if (in_own_transaction (self))
    {
      for (guint i = 0; uuids[i] != NULL; i++)
        change_set_add (&self->pending, reason, uuids[i]);
      return;
    }
  /* An empty list means "reload everything", which only EXTERNAL may ask. */
  if (uuids[0] == NULL && reason != CD_STORE_CHANGE_EXTERNAL)
    return;
  schedule (self, reason, g_strdupv ((char **) uuids));
}

void
_cd_store_announce_one (CdStore            *self,
                        CdStoreChangeReason reason,
                        const char         *uuid)
{
  const char *uuids[] = { uuid, NULL };

  g_assert (CD_IS_STORE (self));
  g_assert (uuid != NULL);

  _cd_store_announce (self, reason, uuids);
}

CdStoreChangeReason
_cd_store_change_reason_for_save (CdRevisionReason reason,
                                  gboolean         is_new)
{
  switch (reason)
    {
    case CD_REVISION_PULLED:
      return CD_STORE_CHANGE_SYNC_PULL;
    case CD_REVISION_RESTORED:
      return CD_STORE_CHANGE_RESTORE;
    case CD_REVISION_IMPORTED:
      return CD_STORE_CHANGE_IMPORT;
    case CD_REVISION_NONE:
    case CD_REVISION_CHECKPOINT:
    case CD_REVISION_NAMED:
    case CD_REVISION_BEFORE_SYNC:
    case CD_REVISION_MERGED:
    case CD_REVISION_EDITED:
    default:
      return is_new ? CD_STORE_CHANGE_IMPORT : CD_STORE_CHANGE_EDIT;
    }
}

/* The newest number in the change log, 0 when it is empty. */
static gint64
last_change (CdStore *self)
{
  static const char sql[] = "SELECT coalesce (max (seq), 0) FROM article_changes";
  g_autoptr (CdStoreCachedStmt) stmt = NULL;

  g_assert (CD_IS_STORE (self));

  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_CHANGES_LAST, sql, NULL)) == NULL ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return self->seen_change;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
read_data_version (CdStore *self,
                   gint64  *version)
{
  static const char sql[] = "PRAGMA data_version";
  g_autoptr (CdStoreCachedStmt) stmt = NULL;

  g_assert (CD_IS_STORE (self));
  g_assert (version != NULL);

  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_DATA_VERSION, sql, NULL)) == NULL ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Under the lock: when another connection committed since the last look,
 * returns the uuids of the articles the change log has for it (empty when
 * it has none, as for a change of accounts), else NULL. */
static char **
read_external_changes (CdStore *self)
{
  static const char sql[] =
      "SELECT article_uuid, seq FROM article_changes WHERE seq > ? ORDER BY seq";
  g_autoptr (CdStoreCachedStmt) stmt = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  gint64 version;
  int    rc;

  g_assert (CD_IS_STORE (self));

  if (!read_data_version (self, &version) || version == self->data_version)
    return NULL;
  self->data_version = version;

  builder = g_strv_builder_new ();
  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_CHANGES_SINCE, sql, NULL)) == NULL)
    return g_strv_builder_end (builder);
  sqlite3_bind_int64 (stmt, 1, self->seen_change);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strv_builder_add (builder, _cd_store_column_text (stmt, 0));
      self->seen_change = MAX (self->seen_change, sqlite3_column_int64 (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      /* Which articles cannot be told: the listeners reload everything. */
      g_strv_builder_unref (g_steal_pointer (&builder));
      builder = g_strv_builder_new ();
    }
  return g_strv_builder_end (builder);
}

void
_cd_store_changes_begun (CdStore *self)
{
  char **external;

  g_assert (CD_IS_STORE (self));

  g_atomic_pointer_set (&self->writer, g_thread_self ());
  /* The write lock is held: whatever other connections committed is in,
   * and nothing of this transaction yet, so what the log has beyond the
   * last look is theirs. */
  if (self->wal_monitor != NULL && (external = read_external_changes (self)) != NULL)
    schedule (self, CD_STORE_CHANGE_EXTERNAL, external);
}

void
_cd_store_changes_committing (CdStore *self)
{
  g_assert (CD_IS_STORE (self));

  /* Still inside the transaction, which holds the write lock: the log's
   * newest entry is this transaction's (or older), never another's. */
  if (self->wal_monitor != NULL)
    self->commit_change = last_change (self);
}

void
_cd_store_changes_committed (CdStore *self)
{
  g_autoptr (CdStoreChangeSet) set = g_steal_pointer (&self->pending);

  g_assert (CD_IS_STORE (self));

  g_atomic_pointer_set (&self->writer, NULL);
  if (self->wal_monitor != NULL)
    self->seen_change = MAX (self->seen_change, self->commit_change);
  if (set == NULL)
    return;
  for (guint r = 0; r < N_REASONS; r++)
    {
      if (set->uuids[r] == NULL || set->uuids[r]->len == 0)
        continue;
      g_clear_pointer (&set->seen[r], g_hash_table_unref);
      g_ptr_array_add (set->uuids[r], NULL);
      schedule (self, r, (char **) g_ptr_array_free (g_steal_pointer (&set->uuids[r]), FALSE));
    }
}

void
_cd_store_changes_rolled_back (CdStore *self)
{
  g_assert (CD_IS_STORE (self));

  g_atomic_pointer_set (&self->writer, NULL);
  g_clear_pointer (&self->pending, change_set_free);
}

static void
wal_changed_cb (GFileMonitor     *monitor,
                GFile            *file,
                GFile            *other_file,
                GFileMonitorEvent event,
                gpointer          user_data)
{
  CdStore *self = user_data;
  char   **external;

  g_assert (G_IS_FILE_MONITOR (monitor));
  g_assert (CD_IS_STORE (self));

  g_mutex_lock (&self->mutex);
  external = read_external_changes (self);
  g_mutex_unlock (&self->mutex);
  if (external != NULL)
    schedule (self, CD_STORE_CHANGE_EXTERNAL, external);
}

/**
 * cd_store_watch_external:
 *
 * Makes the store announce commits by other connections to its file (a
 * `copydesk` command run from a terminal, the sync engine's connection) as
 * %CD_STORE_CHANGE_EXTERNAL, with the uuids of the articles they changed,
 * or none when those cannot be told. The store's own commits are never
 * announced again this way. Call it on the thread whose main context the
 * store announces on (the one that opened it), which must run that
 * context for the watch to work.
 */
void
cd_store_watch_external (CdStore *self)
{
  g_autoptr (GMainContext) context = NULL;
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (GFileMonitor) monitor = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) wal = NULL;
  g_autofree char *wal_path = NULL;
  gint64           version = 0;

  g_return_if_fail (CD_IS_STORE (self));
  context = g_main_context_ref_thread_default ();
  g_return_if_fail (context == self->context);

  if (self->wal_monitor != NULL)
    return;

  /* In WAL mode every commit appends to the log file, whoever makes it. */
  wal_path = g_strconcat (self->path, "-wal", NULL);
  wal = g_file_new_for_path (wal_path);
  monitor = g_file_monitor_file (wal, G_FILE_MONITOR_NONE, NULL, &error);
  if (monitor == NULL)
    {
      g_warning ("Other programs' changes to “%s” will not show until it is opened again: %s",
                 self->path, error->message);
      return;
    }
  g_file_monitor_set_rate_limit (monitor, WAL_RATE_LIMIT_MS);
  g_signal_connect (monitor, "changed", G_CALLBACK (wal_changed_cb), self);

  locker = g_mutex_locker_new (&self->mutex);
  if (read_data_version (self, &version))
    self->data_version = version;
  self->seen_change = last_change (self);
  self->wal_monitor = g_steal_pointer (&monitor);
}

void
_cd_store_changes_class_init (CdStoreClass *klass)
{
  /**
   * CdStore::articles-changed:
   * @store: the store
   * @reason: a #CdStoreChangeReason: why they changed
   * @uuids: (array zero-terminated=1): the articles that changed; empty only
   *   for %CD_STORE_CHANGE_EXTERNAL when they cannot be told, and then a
   *   listener reloads what it shows
   *
   * Announces a commit, after it happened (a rollback announces nothing):
   * the articles one transaction changed for one reason come in one
   * emission. It is emitted on the main context that was thread-default
   * when the store was opened, whichever thread wrote, and never during
   * the call that wrote.
   */
  signals[ARTICLES_CHANGED] =
      g_signal_new ("articles-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 2, CD_TYPE_STORE_CHANGE_REASON,
                    G_TYPE_STRV | G_SIGNAL_TYPE_STATIC_SCOPE);
}

void
_cd_store_changes_dispose (CdStore *self)
{
  g_assert (CD_IS_STORE (self));

  if (self->wal_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->wal_monitor, self);
      g_file_monitor_cancel (self->wal_monitor);
      g_clear_object (&self->wal_monitor);
    }
  g_clear_pointer (&self->pending, change_set_free);
  g_clear_pointer (&self->context, g_main_context_unref);
}
