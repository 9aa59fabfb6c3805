/* cd-sync.c: the sync engine: push the outbox, pull changes, merge.
 *
 * Per article and account the sync tables keep the remote id, the remote
 * modified time, the base (the article as the CMS had it when the two sides
 * last agreed), a state (synced, pending, conflict, error) with an error in
 * words, whether local changes wait to be pushed (dirty), whether a create's
 * reply was lost (create_unknown), and for a conflict the server's side.
 *
 * A sync runs one account after the other: it verifies the credentials,
 * moves the store's outbox into the per-account dirty flags, pushes every
 * dirty article, then pulls what changed on the server since the last pull
 * (with an overlap window). A sync runs in a thread of its own with its own
 * main context and SQLite connection: the network steps are asynchronous
 * there, and the saves between them never hold up the caller's main loop.
 * Progress and the result come back to the caller's main context.
 *
 * Nothing is overwritten silently: a remote change meets a local change in
 * a three-way merge (cd-merge.c); a clean merge is saved as a revision and
 * pushed, a conflict keeps both sides untouched and waits for
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
#include "cd-merge.h"
#include "cd-secrets.h"
#include "cd-store-private.h"
#include "cd-sync-db.h"
#include "cd-sync.h"
#include "cd-wordpress.h"

/* Posts changed a little before the last one seen are listed again: the
 * server's clock, its one-second resolution and posts saved while a list
 * was paged through could otherwise hide a change. */
#define PULL_OVERLAP_SECONDS (5 * 60)

#define MESSAGE_DELETED "The post was deleted on the server; the local article is kept."

G_DEFINE_QUARK (CdSyncError, cd_sync_error)

/* ------------------------------------------------------------------------
 * The result of a sync
 * ------------------------------------------------------------------------ */

struct _CdSyncResult
{
  gatomicrefcount ref_count;
  GPtrArray      *pushed;
  GPtrArray      *pulled;
  GPtrArray      *conflicts;
  GPtrArray      *errors;
  GPtrArray      *queued;
};

G_DEFINE_BOXED_TYPE (CdSyncResult, cd_sync_result, cd_sync_result_ref, cd_sync_result_unref)

static void
sync_item_free (CdSyncItem *item)
{
  g_free (item->uuid);
  g_free (item->account);
  g_free (item->message);
  g_free (item);
}

static CdSyncResult *
cd_sync_result_new (void)
{
  CdSyncResult *self = g_new0 (CdSyncResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->pushed = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  self->pulled = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  self->queued = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  return self;
}

/**
 * cd_sync_result_ref:
 *
 * Returns: (transfer full): @self
 */
CdSyncResult *
cd_sync_result_ref (CdSyncResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cd_sync_result_unref (CdSyncResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->pushed);
  g_ptr_array_unref (self->pulled);
  g_ptr_array_unref (self->conflicts);
  g_ptr_array_unref (self->errors);
  g_ptr_array_unref (self->queued);
  g_free (self);
}

/**
 * cd_sync_result_get_pushed:
 *
 * Returns: (transfer none) (element-type CdSyncItem): the articles created
 *   or updated on the server
 */
GPtrArray *
cd_sync_result_get_pushed (CdSyncResult *self)
{
  return self->pushed;
}

/**
 * cd_sync_result_get_pulled:
 *
 * Returns: (transfer none) (element-type CdSyncItem): the articles created
 *   or changed here from the server
 */
GPtrArray *
cd_sync_result_get_pulled (CdSyncResult *self)
{
  return self->pulled;
}

/**
 * cd_sync_result_get_conflicts:
 *
 * Returns: (transfer none) (element-type CdSyncItem): the articles changed
 *   on both sides in ways that do not merge, waiting for a person
 */
GPtrArray *
cd_sync_result_get_conflicts (CdSyncResult *self)
{
  return self->conflicts;
}

/**
 * cd_sync_result_get_errors:
 *
 * Returns: (transfer none) (element-type CdSyncItem): what failed, in words
 */
GPtrArray *
cd_sync_result_get_errors (CdSyncResult *self)
{
  return self->errors;
}

/**
 * cd_sync_result_get_queued:
 *
 * Returns: (transfer none) (element-type CdSyncItem): the changes that wait
 *   for the network or for the next sync
 */
GPtrArray *
cd_sync_result_get_queued (CdSyncResult *self)
{
  return self->queued;
}

/**
 * cd_sync_result_is_clean:
 *
 * Returns: whether everything synced: no conflict, no error, nothing queued
 */
gboolean
cd_sync_result_is_clean (CdSyncResult *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->conflicts->len == 0 && self->errors->len == 0 && self->queued->len == 0;
}

static void
add_items_to_json (JsonBuilder *builder,
                   const char  *name,
                   GPtrArray   *items)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      CdSyncItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      if (item->uuid != NULL)
        json_builder_add_string_value (builder, item->uuid);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "account");
      json_builder_add_string_value (builder, item->account);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, item->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * cd_sync_result_to_json:
 *
 * Returns: (transfer full): an object with the arrays pushed, pulled,
 *   conflicts, errors and queued of {uuid, account, message} objects
 */
JsonNode *
cd_sync_result_to_json (CdSyncResult *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_items_to_json (builder, "pushed", self->pushed);
  add_items_to_json (builder, "pulled", self->pulled);
  add_items_to_json (builder, "conflicts", self->conflicts);
  add_items_to_json (builder, "errors", self->errors);
  add_items_to_json (builder, "queued", self->queued);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_item (GPtrArray  *items,
          const char *uuid,
          const char *account,
          const char *format,
          ...) G_GNUC_PRINTF (4, 5);

static void
add_item (GPtrArray  *items,
          const char *uuid,
          const char *account,
          const char *format,
          ...)
{
  CdSyncItem *item = g_new0 (CdSyncItem, 1);
  va_list     args;

  item->uuid = g_strdup (uuid);
  item->account = g_strdup (account);
  va_start (args, format);
  item->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (items, item);
}

/* Sets *index_out to the first item about @uuid on @account. */
static gboolean
find_item (GPtrArray  *items,
           const char *uuid,
           const char *account,
           guint      *index_out)
{
  for (guint i = 0; i < items->len; i++)
    {
      CdSyncItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->uuid, uuid) == 0 && g_strcmp0 (item->account, account) == 0)
        {
          *index_out = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
has_item (GPtrArray  *items,
          const char *uuid,
          const char *account)
{
  guint index;

  return find_item (items, uuid, account, &index);
}

static gboolean
remove_item (GPtrArray  *items,
             const char *uuid,
             const char *account)
{
  guint index;

  if (!find_item (items, uuid, account, &index))
    return FALSE;
  g_ptr_array_remove_index (items, index);
  return TRUE;
}

/* ------------------------------------------------------------------------
 * The sync tables
 * ------------------------------------------------------------------------ */

typedef struct
{
  char    *remote_id;
  char    *remote_modified;
  char    *base_json;
  char    *state;
  char    *error;
  char    *theirs_json;
  char    *theirs_modified;
  gboolean dirty;
  gboolean create_unknown;
} SyncRow;

static void
sync_row_free (SyncRow *row)
{
  g_free (row->remote_id);
  g_free (row->remote_modified);
  g_free (row->base_json);
  g_free (row->state);
  g_free (row->error);
  g_free (row->theirs_json);
  g_free (row->theirs_modified);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncRow, sync_row_free)

static void
set_db_error (sqlite3    *db,
              GError    **error,
              const char *what)
{
  g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_FAILED,
               "Could not %s in the sync tables: %s", what, sqlite3_errmsg (db));
}

/* The connection's cached statement for @sql: reset it, never finalize. */
static sqlite3_stmt *
prepare (CdSyncDb   *db,
         const char *sql,
         GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  sqlite3_stmt *stmt = cd_sync_db_prepare (db, sql, &local_error);

  if (stmt == NULL)
    g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_FAILED, "%s", local_error->message);
  return stmt;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
step_done (CdSyncDb     *db,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    set_db_error (cd_sync_db_get_handle (db), error, what);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static SyncRow *
row_load (CdSyncDb   *db,
          const char *uuid,
          const char *account)
{
  sqlite3_stmt *stmt;
  SyncRow      *row = NULL;

  stmt = prepare (db,
                  "SELECT remote_id, remote_modified, base_json, state, error, theirs_json,"
                  " theirs_modified, dirty, create_unknown FROM sync_state"
                  " WHERE article_uuid = ? AND account = ?",
                  NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, uuid);
  bind_text (stmt, 2, account);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row = g_new0 (SyncRow, 1);
      row->remote_id = column_dup (stmt, 0);
      row->remote_modified = column_dup (stmt, 1);
      row->base_json = column_dup (stmt, 2);
      row->state = column_dup (stmt, 3);
      row->error = column_dup (stmt, 4);
      row->theirs_json = column_dup (stmt, 5);
      row->theirs_modified = column_dup (stmt, 6);
      row->dirty = sqlite3_column_int (stmt, 7) != 0;
      row->create_unknown = sqlite3_column_int (stmt, 8) != 0;
    }
  sqlite3_reset (stmt);
  return row;
}

static SyncRow *
row_load_or_new (CdSyncDb   *db,
                 const char *uuid,
                 const char *account)
{
  SyncRow *row = row_load (db, uuid, account);

  if (row == NULL)
    {
      row = g_new0 (SyncRow, 1);
      row->state = g_strdup ("pending");
    }
  return row;
}

static gboolean
row_save (CdSyncDb   *db,
          const char *uuid,
          const char *account,
          SyncRow    *row,
          GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (db,
                  "INSERT OR REPLACE INTO sync_state (article_uuid, account, remote_id,"
                  " remote_modified, base_json, state, error, theirs_json, theirs_modified,"
                  " dirty, create_unknown) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, uuid);
  bind_text (stmt, 2, account);
  bind_text (stmt, 3, row->remote_id);
  bind_text (stmt, 4, row->remote_modified);
  bind_text (stmt, 5, row->base_json);
  bind_text (stmt, 6, row->state);
  bind_text (stmt, 7, row->error);
  bind_text (stmt, 8, row->theirs_json);
  bind_text (stmt, 9, row->theirs_modified);
  sqlite3_bind_int (stmt, 10, row->dirty);
  sqlite3_bind_int (stmt, 11, row->create_unknown);
  return step_done (db, stmt, "record an article's sync state", error);
}

static void
row_set (char      **field,
         const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* Records that the server has @post and that it is what both sides agree on. */
static void
row_set_synced (SyncRow      *row,
                CdRemotePost *post)
{
  g_autofree char *modified = cd_format_iso8601_utc (post->modified);
  g_autofree char *base = cd_article_to_json (post->article, CD_ARTICLE_JSON_DEFAULT, FALSE);

  row_set (&row->remote_id, post->remote_id);
  row_set (&row->remote_modified, modified);
  row_set (&row->base_json, base);
  row_set (&row->state, "synced");
  row_set (&row->error, NULL);
  row_set (&row->theirs_json, NULL);
  row_set (&row->theirs_modified, NULL);
  row->dirty = FALSE;
  row->create_unknown = FALSE;
}

static char *
uuid_for_remote_id (CdSyncDb   *db,
                    const char *account,
                    const char *remote_id)
{
  sqlite3_stmt *stmt;
  char         *uuid = NULL;

  stmt = prepare (db, "SELECT article_uuid FROM sync_state WHERE account = ? AND remote_id = ?",
                  NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, account);
  bind_text (stmt, 2, remote_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return uuid;
}

/* The first column of every row of a query with up to two text parameters. */
static GPtrArray *
query_strings (CdSyncDb   *db,
               const char *sql,
               const char *param1,
               const char *param2,
               GError    **error)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int           rc;

  if ((stmt = prepare (db, sql, error)) == NULL)
    return NULL;
  if (param1 != NULL)
    bind_text (stmt, 1, param1);
  if (param2 != NULL)
    bind_text (stmt, 2, param2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      set_db_error (cd_sync_db_get_handle (db), error, "read");
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&values);
}

static gboolean
run_sql (CdSyncDb   *db,
         const char *sql,
         const char *param1,
         const char *param2,
         const char *param3,
         GError    **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = prepare (db, sql, error)) == NULL)
    return FALSE;
  if (param1 != NULL)
    bind_text (stmt, 1, param1);
  if (param2 != NULL)
    bind_text (stmt, 2, param2);
  if (param3 != NULL)
    bind_text (stmt, 3, param3);
  return step_done (db, stmt, "write", error);
}

static GPtrArray *
list_accounts (CdSyncDb *db,
               GError  **error)
{
  return query_strings (db, "SELECT name FROM accounts ORDER BY name", NULL, NULL, error);
}

/* Moves the store's outbox into a dirty flag for every account, so that
 * each account is pushed to on its own and a change survives a sync that
 * reaches only some of them. The flags are committed before the outbox
 * rows go, so a crash in between only queues an article twice; an article
 * queued again meanwhile stays in the outbox. */
static gboolean
absorb_outbox (CdStore  *store,
               CdSyncDb *db,
               GError  **error)
{
  g_autoptr (GPtrArray) uuids = cd_store_list_outbox (store, error);
  g_autoptr (GArray) queued_at = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (uuids == NULL)
    return FALSE;
  if (uuids->len == 0)
    return TRUE;

  if (!cd_sync_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);
      gint64      when = cd_store_outbox_get_queued_at (store, uuid);

      g_array_append_val (queued_at, when);
      if (!run_sql (db,
                    "INSERT INTO sync_state (article_uuid, account, state, dirty)"
                    " SELECT ?1, name, 'pending', 1 FROM accounts WHERE true"
                    " ON CONFLICT (article_uuid, account) DO UPDATE SET dirty = 1,"
                    "  state = CASE WHEN state = 'conflict' THEN state ELSE 'pending' END,"
                    "  error = CASE WHEN state = 'conflict' THEN error ELSE NULL END",
                    uuid, NULL, NULL, error))
        {
          cd_sync_db_rollback (db);
          return FALSE;
        }
    }
  if (!cd_sync_db_commit (db, error))
    return FALSE;

  for (guint i = 0; i < uuids->len; i++)
    if (!cd_store_outbox_remove (store, g_ptr_array_index (uuids, i),
                                 g_array_index (queued_at, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Saves @article with a revision for @reason without queueing it for a
 * push when it was not queued already: the checkpoint before a sync is
 * not a change of its own. */
static gboolean
save_checkpoint (CdStore   *store,
                 CdArticle *article,
                 GError   **error)
{
  const char *uuid = cd_article_get_uuid (article);
  gint64      queued_before = cd_store_outbox_get_queued_at (store, uuid);

  if (!cd_store_save_article (store, article, CD_REVISION_BEFORE_SYNC, NULL, error))
    return FALSE;
  if (queued_before == 0)
    return cd_store_outbox_remove (store, uuid, cd_store_outbox_get_queued_at (store, uuid),
                                   error);
  return TRUE;
}

static CdArticle *
article_from_json_or_null (const char *json)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article;

  if (json == NULL)
    return NULL;
  article = cd_article_from_json (json, &error);
  if (article == NULL)
    g_warning ("A stored sync base could not be read: %s", error->message);
  return article;
}

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
  guint            network_available : 1;
  guint            rerun : 1;
  double           fraction;
};

G_DEFINE_FINAL_TYPE (CdSyncEngine, cd_sync_engine, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SYNCING,
  PROP_FRACTION,
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
  g_autoptr (GError) local_error = NULL;
  char  *password;
  CdCms *cms;

  if ((row = cd_account_load (db, account, error)) == NULL)
    return NULL;
  password = cd_account_lookup_password (row, NULL, &local_error);
  if (password == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH,
                     "The keyring holds no password for account “%s”; add the account again "
                     "with “copydesk account add”.",
                     account);
      return NULL;
    }
  cms = cd_account_create_cms (row, password);
  cd_secrets_free (password);
  return cms;
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

/* ------------------------------------------------------------------------
 * One sync
 * ------------------------------------------------------------------------ */

typedef struct
{
  CdSyncEngine *engine;
  CdSyncResult *result;
  GPtrArray    *accounts;
  GPtrArray    *clients;      /* a CdCms per account, NULL until made */
  GPtrArray    *made_clients; /* indexes of those made by this run */
  guint         account_index;

  /* The run works in a thread of its own, with its own main context and
   * its own connection to the sync tables, so that neither the network's
   * callbacks nor the SQLite writes between them ever wait on the caller's
   * main loop or hold it up. */
  GMainContext *context;
  GMainLoop    *loop;
  GMainContext *caller_context;
  CdSyncDb     *db;
  int           lock_fd; /* held while the run may write */

  /* The account under way. */
  const char *account;
  CdCms      *cms;
  gboolean    stopped;
  GPtrArray  *push_queue;
  guint       push_index;
  char       *uuid;  /* the article being pushed */
  GPtrArray  *posts; /* pulled posts, de-duplicated */
  guint       post_index;
  GDateTime  *pull_high; /* the newest modified time pulled */

  guint done;
  guint total;
} SyncRun;

static void
sync_run_clear_account (SyncRun *run)
{
  run->account = NULL;
  run->stopped = FALSE;
  g_clear_object (&run->cms);
  g_clear_pointer (&run->push_queue, g_ptr_array_unref);
  run->push_index = 0;
  g_clear_pointer (&run->uuid, g_free);
  g_clear_pointer (&run->posts, g_ptr_array_unref);
  run->post_index = 0;
  g_clear_pointer (&run->pull_high, g_date_time_unref);
}

static void
sync_run_free (SyncRun *run)
{
  sync_run_clear_account (run);
  g_clear_pointer (&run->result, cd_sync_result_unref);
  g_clear_pointer (&run->accounts, g_ptr_array_unref);
  g_clear_pointer (&run->clients, g_ptr_array_unref);
  g_clear_pointer (&run->made_clients, g_ptr_array_unref);
  g_clear_object (&run->db);
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_pointer (&run->context, g_main_context_unref);
  g_clear_pointer (&run->caller_context, g_main_context_unref);
  g_clear_object (&run->engine);
  g_free (run);
}

static void next_account (GTask *task);

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}
static void push_next (GTask *task);
static void start_pull (GTask *task);

static void
set_fraction (CdSyncEngine *self,
              double        fraction)
{
  if (self->fraction == fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

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

/* Counts one article or post as done, and tells the caller's thread. */
static void
step_done_progress (SyncRun *run)
{
  Progress *progress = g_new0 (Progress, 1);

  run->done++;
  if (run->done > run->total)
    run->total = run->done;
  progress->engine = g_object_ref (run->engine);
  progress->done = run->done;
  progress->total = run->total;
  g_main_context_invoke (run->caller_context, emit_progress, progress);
}

static void sync_finished (CdSyncEngine *self);

typedef struct
{
  GTask  *task;
  GError *error;
} Completion;

/* In the caller's thread: the engine is free for the next sync before the
 * caller's callback runs. */
static gboolean
complete_in_caller (gpointer user_data)
{
  Completion *completion = user_data;
  GTask      *task = completion->task;
  SyncRun    *run = g_task_get_task_data (task);

  for (guint i = 0; i < run->made_clients->len; i++)
    {
      guint       index = GPOINTER_TO_UINT (g_ptr_array_index (run->made_clients, i));
      const char *account = g_ptr_array_index (run->accounts, index);

      if (!g_hash_table_contains (run->engine->cms, account))
        g_hash_table_insert (run->engine->cms, g_strdup (account),
                             g_object_ref (g_ptr_array_index (run->clients, index)));
    }
  sync_finished (run->engine);
  if (completion->error != NULL)
    g_task_return_error (task, completion->error);
  else
    g_task_return_pointer (task, cd_sync_result_ref (run->result),
                           (GDestroyNotify) cd_sync_result_unref);
  g_object_unref (task);
  g_free (completion);
  return G_SOURCE_REMOVE;
}

/* Ends the sync: with @error, or with the run's result. Called in the
 * sync's thread, whose loop stops here. */
static void
sync_complete (GTask  *task,
               GError *error)
{
  SyncRun    *run = g_task_get_task_data (task);
  Completion *completion = g_new0 (Completion, 1);

  completion->task = task;
  completion->error = error;
  if (run->lock_fd >= 0)
    {
      close (run->lock_fd);
      run->lock_fd = -1;
    }
  g_main_loop_quit (run->loop);
  g_main_context_invoke (run->caller_context, complete_in_caller, completion);
}

static gboolean
is_cancelled (GTask        *task,
              const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      sync_complete (task, g_error_copy (error));
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_offline (const GError *error)
{
  return g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_OFFLINE) ||
         g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT);
}

/* Every dirty article of the account goes into the queued list, and the
 * account stops here: with no network, trying each article would only
 * wait for each timeout in turn. */
static void
stop_account_queued (SyncRun      *run,
                     const GError *error)
{
  g_autoptr (GPtrArray) dirty = NULL;

  run->stopped = TRUE;
  dirty = query_strings (run->db,
                         "SELECT article_uuid FROM sync_state WHERE account = ? AND dirty = 1"
                         " AND state != 'conflict' ORDER BY article_uuid",
                         run->account, NULL, NULL);
  for (guint i = 0; dirty != NULL && i < dirty->len; i++)
    {
      const char *uuid = g_ptr_array_index (dirty, i);

      if (!has_item (run->result->queued, uuid, run->account) &&
          !has_item (run->result->errors, uuid, run->account))
        add_item (run->result->queued, uuid, run->account,
                  "Waiting to be pushed to %s: %s", run->account, error->message);
    }
  add_item (run->result->queued, NULL, run->account,
            "%s could not be reached, so the sync will be tried again: %s",
            run->account, error->message);
}

/* A failure that concerns the whole account (credentials): reported once,
 * and every article waiting for the account shows it. */
static void
stop_account_error (SyncRun      *run,
                    const GError *error)
{
  g_autoptr (GError) local_error = NULL;

  run->stopped = TRUE;
  add_item (run->result->errors, NULL, run->account, "%s: %s", run->account, error->message);
  if (!run_sql (run->db,
                "UPDATE sync_state SET state = 'error', error = ?2"
                " WHERE account = ?1 AND dirty = 1 AND state != 'conflict'",
                run->account, error->message, NULL, &local_error))
    g_warning ("%s", local_error->message);
}

static void
record_row (SyncRun    *run,
            const char *uuid,
            SyncRow    *row)
{
  g_autoptr (GError) error = NULL;

  if (!row_save (run->db, uuid, run->account, row, &error))
    add_item (run->result->errors, uuid, run->account, "%s", error->message);
}

static void
record_article_error (SyncRun    *run,
                      const char *uuid,
                      const char *message)
{
  g_autoptr (SyncRow) row = row_load_or_new (run->db, uuid, run->account);

  row_set (&row->state, "error");
  row_set (&row->error, message);
  record_row (run, uuid, row);
  add_item (run->result->errors, uuid, run->account, "%s", message);
}

/* Decides what a failed request on one article means. Returns FALSE when
 * the task has ended (cancelled). */
static gboolean
handle_article_error (GTask        *task,
                      const char   *uuid,
                      const GError *error)
{
  SyncRun *run = g_task_get_task_data (task);

  if (is_cancelled (task, error))
    return FALSE;

  if (is_offline (error))
    stop_account_queued (run, error);
  else if (g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME))
    add_item (run->result->queued, uuid, run->account,
              "The server's reply was lost; the push will be checked and tried again: %s",
              error->message);
  else if (g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH))
    stop_account_error (run, error);
  else if (g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE) ||
           g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_NOT_FOUND))
    record_article_error (run, uuid, MESSAGE_DELETED);
  else
    record_article_error (run, uuid, error->message);
  return TRUE;
}

/* A request on the current article failed: notes what it means and moves
 * on to the next article, unless the task has ended. */
static void
push_failed (GTask        *task,
             const GError *error)
{
  SyncRun *run = g_task_get_task_data (task);

  if (handle_article_error (task, run->uuid, error))
    push_next (task);
}

/* The current article cannot be pushed: notes why and moves on. */
static void
push_skip (GTask      *task,
           const char *message)
{
  SyncRun *run = g_task_get_task_data (task);

  record_article_error (run, run->uuid, message);
  push_next (task);
}

/* The current article as it is in the store now; %NULL when it cannot be
 * read, which is noted, and the push moves on. */
static CdArticle *
read_local_or_skip (GTask *task)
{
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  CdArticle *local = cd_store_get_article (run->engine->store, run->uuid, &error);

  if (local == NULL)
    push_skip (task, error->message);
  return local;
}

/* @post is the current article on the server now: records that in @row,
 * reports what was @done and moves on. */
static void
push_succeeded (GTask        *task,
                SyncRow      *row,
                CdRemotePost *post,
                const char   *done)
{
  SyncRun *run = g_task_get_task_data (task);

  row_set_synced (row, post);
  record_row (run, run->uuid, row);
  add_item (run->result->pushed, run->uuid, run->account, "%s on %s.", done, run->account);
  push_next (task);
}

static void
on_updated (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask   *task = user_data;
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SyncRow) row = NULL;

  post = cd_cms_update_finish (CD_CMS (source), result, &error);
  if (post == NULL)
    {
      push_failed (task, error);
      return;
    }

  row = row_load_or_new (run->db, run->uuid, run->account);
  push_succeeded (task, row, post, "Updated");
}

static void
push_update (GTask      *task,
             const char *remote_id,
             CdArticle  *article)
{
  SyncRun *run = g_task_get_task_data (task);

  cd_cms_update_async (run->cms, remote_id, article, g_task_get_cancellable (task),
                       on_updated, task);
}

static char *
join_fields (char **fields)
{
  return g_strjoinv (", ", fields);
}

/* The remote post of an article with local changes is known: update it
 * when nobody else changed it since the base, merge otherwise. */
static void
push_against_remote (GTask        *task,
                     CdRemotePost *post)
{
  SyncRun  *run = g_task_get_task_data (task);
  CdSyncDb *db = run->db;
  g_autoptr (SyncRow) row = row_load_or_new (db, run->uuid, run->account);
  g_autoptr (CdArticle) base = article_from_json_or_null (row->base_json);
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (CdArticle) merged = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) conflicts = NULL;
  g_autofree char *modified = cd_format_iso8601_utc (post->modified);
  g_autofree char *fields = NULL;

  if (g_strcmp0 (post->status, "trash") == 0)
    {
      push_skip (task, MESSAGE_DELETED);
      return;
    }

  /* Read now, not before the request: the person may have typed since. */
  local = read_local_or_skip (task);
  if (local == NULL)
    return;

  /* modified_gmt has a one-second resolution and moves on saves that change
   * nothing, so the content decides: unchanged since the base → update.
   * Without a base (lost sync tables) both sides count as new text, so
   * nothing is overwritten unless they agree. */
  if (base == NULL)
    base = cd_article_new_with_uuid (run->uuid);
  else if (cd_merge_content_equal (post->article, base))
    {
      push_update (task, post->remote_id, local);
      return;
    }

  merged = cd_merge_articles (base, local, post->article, &conflicts, &error);
  if (merged == NULL && conflicts == NULL)
    {
      push_skip (task, error->message);
      return;
    }
  if (merged == NULL)
    {
      g_autofree char *theirs = cd_article_to_json (post->article, CD_ARTICLE_JSON_DEFAULT,
                                                    FALSE);

      fields = join_fields (conflicts);
      row_set (&row->state, "conflict");
      row_set (&row->error, NULL);
      row_set (&row->theirs_json, theirs);
      row_set (&row->theirs_modified, modified);
      record_row (run, run->uuid, row);
      add_item (run->result->conflicts, run->uuid, run->account,
                "Changed here and on %s in ways that do not merge (%s); both sides are kept.",
                run->account, fields);
      push_next (task);
      return;
    }

  if (!cd_merge_content_equal (merged, local))
    {
      if (!save_checkpoint (run->engine->store, local, &error) ||
          !cd_store_save_article (run->engine->store, merged, CD_REVISION_MERGED, NULL, &error))
        {
          push_skip (task, error->message);
          return;
        }
      add_item (run->result->pulled, run->uuid, run->account,
                "Merged with changes made on %s.", run->account);
    }

  /* When the merge is what the server has already (an update whose reply
   * was lost), there is nothing to send. */
  if (cd_merge_content_equal (merged, post->article))
    {
      row_set_synced (row, post);
      record_row (run, run->uuid, row);
      push_next (task);
      return;
    }
  push_update (task, post->remote_id, merged);
}

static void
on_got (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;

  post = cd_cms_get_finish (CD_CMS (source), result, &error);
  if (post == NULL)
    {
      push_failed (task, error);
      return;
    }
  push_against_remote (task, post);
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask   *task = user_data;
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SyncRow) row = row_load_or_new (run->db, run->uuid, run->account);

  post = cd_cms_create_finish (CD_CMS (source), result, &error);
  if (post == NULL)
    {
      /* The post may exist now: look for its marker before creating again.
       * A cancelled create may have reached the server too. */
      if (g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME) ||
          g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          row->create_unknown = TRUE;
          record_row (run, run->uuid, row);
        }
      if (is_cancelled (task, error))
        return;
      push_failed (task, error);
      return;
    }

  push_succeeded (task, row, post, "Created as a draft");
}

static void
push_create (GTask *task)
{
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr (CdArticle) local = read_local_or_skip (task);

  if (local == NULL)
    return;
  cd_cms_create_async (run->cms, local, g_task_get_cancellable (task), on_created, task);
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask   *task = user_data;
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SyncRow) row = NULL;

  post = cd_cms_find_by_uuid_finish (CD_CMS (source), result, &error);
  if (error != NULL)
    {
      push_failed (task, error);
      return;
    }
  if (post == NULL)
    {
      push_create (task);
      return;
    }

  /* The earlier create did reach the server: that post is this article's,
   * as it was sent then. */
  row = row_load_or_new (run->db, run->uuid, run->account);
  row_set_synced (row, post);
  row->dirty = TRUE;
  row_set (&row->state, "pending");
  record_row (run, run->uuid, row);
  push_against_remote (task, post);
}

static void
push_next (GTask *task)
{
  SyncRun      *run = g_task_get_task_data (task);
  CdSyncEngine *self = run->engine;

  if (run->uuid != NULL)
    step_done_progress (run);
  g_clear_pointer (&run->uuid, g_free);

  while (!run->stopped && run->push_index < run->push_queue->len)
    {
      g_autoptr (CdArticle) local = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (SyncRow) row = NULL;

      run->uuid = g_strdup (g_ptr_array_index (run->push_queue, run->push_index++));
      local = cd_store_get_article (self->store, run->uuid, &error);
      if (local == NULL)
        {
          /* Deleted here for good: there is nothing left to push. */
          if (g_error_matches (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND))
            run_sql (run->db, "DELETE FROM sync_state WHERE article_uuid = ? AND account = ?",
                     run->uuid, run->account, NULL, NULL);
          else
            record_article_error (run, run->uuid, error->message);
          step_done_progress (run);
          g_clear_pointer (&run->uuid, g_free);
          continue;
        }

      if (!save_checkpoint (self->store, local, &error))
        g_warning ("No checkpoint before the sync of %s: %s", run->uuid, error->message);

      row = row_load_or_new (run->db, run->uuid, run->account);
      if (row->remote_id != NULL)
        cd_cms_get_async (run->cms, row->remote_id, g_task_get_cancellable (task), on_got, task);
      else if (row->create_unknown)
        cd_cms_find_by_uuid_async (run->cms, run->uuid, g_task_get_cancellable (task), on_found,
                                   task);
      else
        cd_cms_create_async (run->cms, local, g_task_get_cancellable (task), on_created, task);
      return;
    }

  g_clear_pointer (&run->uuid, g_free);
  start_pull (task);
}

/* Applies one pulled post. Everything here is local and short. */
static void
pull_post (SyncRun      *run,
           CdRemotePost *post)
{
  CdSyncEngine    *self = run->engine;
  const char      *marker = post->article != NULL ? cd_article_get_uuid (post->article) : NULL;
  g_autofree char *uuid = uuid_for_remote_id (run->db, run->account, post->remote_id);
  g_autofree char *modified = cd_format_iso8601_utc (post->modified);
  g_autoptr (SyncRow) row = NULL;
  g_autoptr (CdArticle) base = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (GError) error = NULL;

  if (post->article == NULL)
    return;

  if (uuid == NULL && marker != NULL && cd_store_has_article (self->store, marker))
    {
      g_autoptr (SyncRow) existing = row_load (run->db, marker, run->account);

      /* The marker of an article this account knows under another post
       * (a copy made on the server) does not make the two the same. */
      if (existing == NULL || existing->remote_id == NULL)
        {
          g_autoptr (CdArticle) linked = cd_store_get_article (self->store, marker, NULL);

          if (g_strcmp0 (post->status, "trash") == 0 || linked == NULL)
            return;
          /* A create whose reply was lost: link the post and push any local
           * change made since. */
          row = row_load_or_new (run->db, marker, run->account);
          row_set_synced (row, post);
          remove_item (run->result->queued, marker, run->account);
          if (!cd_merge_content_equal (linked, post->article))
            {
              row->dirty = TRUE;
              row_set (&row->state, "pending");
              add_item (run->result->queued, marker, run->account,
                        "Found on %s by its marker; local changes are pushed at the next sync.",
                        run->account);
            }
          else
            add_item (run->result->pushed, marker, run->account,
                      "Found on %s by its marker after the reply to its creation was lost.",
                      run->account);
          record_row (run, marker, row);
          return;
        }
    }

  if (uuid == NULL)
    {
      g_autoptr (CdArticle) article = NULL;

      if (g_strcmp0 (post->status, "trash") == 0)
        return;
      article = cd_article_copy (post->article);
      if (cd_article_get_uuid (article) == NULL || cd_store_has_article (self->store,
                                                                         cd_article_get_uuid (article)))
        {
          g_autofree char *fresh = g_uuid_string_random ();

          cd_article_set_uuid (article, fresh);
        }
      if (!cd_store_save_article (self->store, article, CD_REVISION_PULLED, NULL, &error))
        {
          add_item (run->result->errors, NULL, run->account, "Post %s from %s: %s",
                    post->remote_id, run->account, error->message);
          return;
        }
      row = row_load_or_new (run->db, cd_article_get_uuid (article), run->account);
      row_set_synced (row, post);
      record_row (run, cd_article_get_uuid (article), row);
      add_item (run->result->pulled, cd_article_get_uuid (article), run->account,
                "New from %s.", run->account);
      return;
    }

  row = row_load_or_new (run->db, uuid, run->account);
  if (g_strcmp0 (post->status, "trash") == 0)
    {
      record_article_error (run, uuid, MESSAGE_DELETED);
      return;
    }

  if (g_strcmp0 (row->state, "conflict") == 0)
    {
      g_autoptr (CdArticle) theirs = article_from_json_or_null (row->theirs_json);

      /* Keep the newest server side for the person resolving it. */
      if (theirs == NULL || !cd_merge_content_equal (theirs, post->article))
        {
          g_autofree char *json = cd_article_to_json (post->article, CD_ARTICLE_JSON_DEFAULT,
                                                      FALSE);

          row_set (&row->theirs_json, json);
          row_set (&row->theirs_modified, modified);
          record_row (run, uuid, row);
        }
      return;
    }

  base = article_from_json_or_null (row->base_json);
  if (base != NULL && cd_merge_content_equal (base, post->article))
    {
      /* Nothing new: only a no-op save, or this sync's own push. */
      if (g_strcmp0 (row->remote_modified, modified) != 0)
        {
          row_set (&row->remote_modified, modified);
          record_row (run, uuid, row);
        }
      return;
    }

  /* Changed on both sides: the next push merges it with the latest local
   * text, through the same path as any other push. */
  if (row->dirty || cd_store_outbox_get_queued_at (self->store, uuid) != 0)
    {
      if (!has_item (run->result->queued, uuid, run->account) &&
          !has_item (run->result->errors, uuid, run->account))
        add_item (run->result->queued, uuid, run->account,
                  "Changed here and on %s; merged at the next sync.", run->account);
      return;
    }

  local = cd_store_get_article (self->store, uuid, &error);
  if (local == NULL)
    {
      if (!g_error_matches (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND))
        {
          add_item (run->result->errors, uuid, run->account, "%s", error->message);
          return;
        }
      /* Deleted here for good but changed there: bring it back rather
       * than lose the server's words. */
      local = cd_article_copy (post->article);
      cd_article_set_uuid (local, uuid);
    }
  else if (!save_checkpoint (self->store, local, &error))
    {
      add_item (run->result->errors, uuid, run->account, "%s", error->message);
      return;
    }

  cd_merge_take_content (local, post->article);
  if (!cd_store_save_article (self->store, local, CD_REVISION_PULLED, NULL, &error))
    {
      add_item (run->result->errors, uuid, run->account, "%s", error->message);
      return;
    }
  row_set_synced (row, post);
  record_row (run, uuid, row);
  add_item (run->result->pulled, uuid, run->account, "Updated from %s.", run->account);
}

/* The most posts written in one transaction: the store stays locked for
 * the whole batch, and an edit saved meanwhile waits for it. */
#define PULL_BATCH 25

/* Whether @post is simply new here: no article of this account has it,
 * and its marker names no article of the store, so that it becomes a new
 * article with nothing to link, merge or keep. */
static gboolean
is_new_post (SyncRun      *run,
             CdRemotePost *post)
{
  const char      *marker;
  g_autofree char *uuid = NULL;

  if (post->article == NULL || g_strcmp0 (post->status, "trash") == 0)
    return FALSE;
  uuid = uuid_for_remote_id (run->db, run->account, post->remote_id);
  if (uuid != NULL)
    return FALSE;
  marker = cd_article_get_uuid (post->article);
  return marker == NULL || !cd_store_has_article (run->engine->store, marker);
}

/* Saves new posts [@first, @end) of the run, each a new article with a
 * revision and its sync state, in one transaction of the store's
 * connection (the sync tables live in the same file): a crash keeps all
 * of them whole or none. Returns FALSE, with nothing written, when the
 * batch could not be written; the caller then applies the posts one by
 * one. */
static gboolean
pull_new_posts (SyncRun *run,
                guint    first,
                guint    end)
{
  CdStore *store = run->engine->store;
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3      *handle;
  gboolean      ok;

  handle = _cd_store_lock (store);
  ok = _cd_store_begin (store, &error) &&
       sqlite3_prepare_v2 (handle,
                           "INSERT OR REPLACE INTO sync_state (article_uuid, account, remote_id,"
                           " remote_modified, base_json, state, error, theirs_json,"
                           " theirs_modified, dirty, create_unknown)"
                           " VALUES (?, ?, ?, ?, ?, 'synced', NULL, NULL, NULL, 0, 0)",
                           -1, &stmt, NULL) == SQLITE_OK;
  for (guint i = first; ok && i < end; i++)
    {
      CdRemotePost *post = g_ptr_array_index (run->posts, i);
      g_autoptr (CdArticle) article = cd_article_copy (post->article);
      g_autofree char *modified = cd_format_iso8601_utc (post->modified);
      g_autofree char *base = cd_article_to_json (post->article, CD_ARTICLE_JSON_DEFAULT, FALSE);
      const char      *uuid = cd_article_get_uuid (article);
      const char      *snapshot = base; /* the revision's text, while the uuid is the post's */

      /* Two posts with one marker (a copy made on the server): the second
       * becomes an article of its own. */
      if (uuid == NULL || g_hash_table_contains (used, uuid))
        {
          g_autofree char *fresh = g_uuid_string_random ();

          cd_article_set_uuid (article, fresh);
          uuid = cd_article_get_uuid (article);
          snapshot = NULL;
        }
      g_ptr_array_add (uuids, g_strdup (uuid));
      g_hash_table_add (used, g_ptr_array_index (uuids, uuids->len - 1));

      ok = _cd_store_save_article_with_snapshot (store, article, CD_REVISION_PULLED, NULL,
                                                 snapshot, &error);
      if (!ok)
        break;
      sqlite3_reset (stmt);
      bind_text (stmt, 1, uuid);
      bind_text (stmt, 2, run->account);
      bind_text (stmt, 3, post->remote_id);
      bind_text (stmt, 4, modified);
      bind_text (stmt, 5, base);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  if (ok)
    ok = _cd_store_commit (store, &error);
  else
    _cd_store_rollback (store);
  _cd_store_unlock (store);

  if (!ok)
    {
      g_debug ("A batch of %u pulled posts is applied one by one: %s", end - first,
               error != NULL ? error->message : sqlite3_errmsg (handle));
      return FALSE;
    }
  for (guint i = 0; i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);

      add_item (run->result->pulled, uuid, run->account, "New from %s.", run->account);
      step_done_progress (run);
    }
  return TRUE;
}

/* Applies the pulled posts, then records where the pull got to. */
static void
pull_all (GTask *task)
{
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *high = NULL;

  while (run->post_index < run->posts->len)
    {
      if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
        {
          sync_complete (task, g_steal_pointer (&error));
          return;
        }
      if (is_new_post (run, g_ptr_array_index (run->posts, run->post_index)))
        {
          guint end = run->post_index + 1;

          while (end < run->posts->len && end - run->post_index < PULL_BATCH &&
                 is_new_post (run, g_ptr_array_index (run->posts, end)))
            end++;
          if (pull_new_posts (run, run->post_index, end))
            {
              run->post_index = end;
              continue;
            }
        }
      pull_post (run, g_ptr_array_index (run->posts, run->post_index++));
      step_done_progress (run);
    }

  high = cd_format_iso8601_utc (run->pull_high);
  if (high != NULL &&
      !run_sql (run->db,
                "INSERT INTO sync_pulls (account, last_modified) VALUES (?1, ?2)"
                " ON CONFLICT (account) DO UPDATE SET last_modified ="
                "  max(coalesce(last_modified, ''), excluded.last_modified)",
                run->account, high, NULL, &error))
    add_item (run->result->errors, NULL, run->account, "%s", error->message);

  next_account (task);
}

static int
compare_posts_by_id (gconstpointer a,
                     gconstpointer b)
{
  const CdRemotePost *pa = *(CdRemotePost **) a;
  const CdRemotePost *pb = *(CdRemotePost **) b;

  return g_strcmp0 (pa->remote_id, pb->remote_id);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask   *task = user_data;
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GError) error = NULL;
  GHashTable *seen;

  posts = cd_cms_list_changed_finish (CD_CMS (source), result, &error);
  if (posts == NULL)
    {
      if (is_cancelled (task, error))
        return;
      if (is_offline (error))
        stop_account_queued (run, error);
      else if (g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH))
        stop_account_error (run, error);
      else
        add_item (run->result->errors, NULL, run->account,
                  "Changes could not be pulled from %s: %s", run->account, error->message);
      next_account (task);
      return;
    }

  /* A post listed twice (pages shift while they are read) counts once, in
   * its newest form. The posts move from the list into the run. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  run->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_remote_post_free);
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
          g_ptr_array_remove (run->posts, known);
        }
      g_ptr_array_add (run->posts, post);
      g_hash_table_insert (seen, post->remote_id, post);
      if (post->modified != NULL &&
          (run->pull_high == NULL || g_date_time_compare (post->modified, run->pull_high) > 0))
        {
          g_clear_pointer (&run->pull_high, g_date_time_unref);
          run->pull_high = g_date_time_ref (post->modified);
        }
    }
  g_hash_table_unref (seen);
  g_ptr_array_sort (run->posts, compare_posts_by_id);

  run->total += run->posts->len;
  pull_all (task);
}

static void
start_pull (GTask *task)
{
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr (GPtrArray) last = NULL;
  g_autoptr (GDateTime) since = NULL;

  if (run->stopped)
    {
      next_account (task);
      return;
    }

  last = query_strings (run->db,
                        "SELECT last_modified FROM sync_pulls WHERE account = ?",
                        run->account, NULL, NULL);
  if (last != NULL && last->len > 0 && g_ptr_array_index (last, 0) != NULL)
    {
      g_autoptr (GDateTime) high = cd_parse_iso8601 (g_ptr_array_index (last, 0));

      if (high != NULL)
        since = g_date_time_add_seconds (high, -PULL_OVERLAP_SECONDS);
    }
  cd_cms_list_changed_async (run->cms, since, g_task_get_cancellable (task), on_listed, task);
}

/* Conflicts still waiting for a person are part of every sync's result,
 * so that a sync is clean only when there are none. */
static void
report_open_conflicts (SyncRun *run)
{
  g_autoptr (GPtrArray) uuids = NULL;

  uuids = query_strings (run->db,
                         "SELECT article_uuid FROM sync_state WHERE account = ?"
                         " AND state = 'conflict' ORDER BY article_uuid",
                         run->account, NULL, NULL);
  for (guint i = 0; uuids != NULL && i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);

      if (!has_item (run->result->conflicts, uuid, run->account))
        add_item (run->result->conflicts, uuid, run->account,
                  "Changed here and on %s in ways that do not merge; waiting to be resolved.",
                  run->account);
    }
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask   *task = user_data;
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  name = cd_cms_verify_finish (CD_CMS (source), result, &error);
  if (name == NULL)
    {
      if (is_cancelled (task, error))
        return;
      if (is_offline (error))
        stop_account_queued (run, error);
      else
        stop_account_error (run, error);
      next_account (task);
      return;
    }

  run->push_queue = query_strings (run->db,
                                   "SELECT article_uuid FROM sync_state WHERE account = ?"
                                   " AND dirty = 1 AND state != 'conflict' ORDER BY article_uuid",
                                   run->account, NULL, &error);
  if (run->push_queue == NULL)
    {
      add_item (run->result->errors, NULL, run->account, "%s", error->message);
      next_account (task);
      return;
    }
  run->total += run->push_queue->len;
  push_next (task);
}

static void
next_account (GTask *task)
{
  SyncRun *run = g_task_get_task_data (task);
  CdCms   *cms;

  if (run->account != NULL)
    report_open_conflicts (run);
  sync_run_clear_account (run);

  if (run->account_index >= run->accounts->len)
    {
      sync_complete (task, NULL);
      return;
    }

  cms = g_ptr_array_index (run->clients, run->account_index);
  run->account = g_ptr_array_index (run->accounts, run->account_index);
  if (cms == NULL)
    {
      g_autoptr (GError) error = NULL;

      cms = create_cms (run->db, run->account, &error);
      if (cms == NULL)
        {
          add_item (run->result->errors, NULL, run->account, "%s: %s", run->account,
                    error->message);
          run->account_index++;
          next_account (task);
          return;
        }
      g_ptr_array_index (run->clients, run->account_index) = cms;
      g_ptr_array_add (run->made_clients, GUINT_TO_POINTER (run->account_index));
    }
  run->account_index++;
  run->cms = g_object_ref (cms);
  cd_cms_verify_async (run->cms, g_task_get_cancellable (task), on_verified, task);
}

static void
sync_finished (CdSyncEngine *self)
{
  self->task = NULL;
  set_fraction (self, 0.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

/* Two syncs of one store at once (the window's and `copydesk sync`) would
 * both create the same new posts: a lock file next to the store lets one
 * run at a time, across processes. Returns the locked descriptor, or -1. */
static int
take_sync_lock (CdStore *store,
                GError **error)
{
  g_autofree char *path = g_strconcat (cd_store_get_path (store), ".sync-lock", NULL);
  int              fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

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

/* The sync's thread: it opens its own connection, moves the outbox into
 * the dirty flags, and runs the sync's callbacks until it completes. */
static gpointer
sync_thread (gpointer user_data)
{
  GTask   *task = user_data;
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr (GMainContext) context = g_main_context_ref (run->context);
  g_autoptr (GMainLoop) loop = g_main_loop_ref (run->loop);
  GError *error = NULL;

  g_main_context_push_thread_default (context);
  run->lock_fd = take_sync_lock (run->engine->store, &error);
  if (run->lock_fd < 0)
    sync_complete (task, error);
  else if ((run->db = cd_sync_db_open (run->engine->store, &error)) == NULL ||
           !absorb_outbox (run->engine->store, run->db, &error))
    sync_complete (task, error);
  else
    next_account (task);
  g_main_loop_run (loop);
  g_main_context_pop_thread_default (context);
  return NULL;
}

/**
 * cd_sync_engine_sync_async:
 * @account: (nullable): the account to sync with, or %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Pushes local changes and pulls the server's. Fails with
 * %CD_SYNC_ERROR_BUSY while another sync of the store runs (in this process
 * or another), %CD_SYNC_ERROR_UNKNOWN_ACCOUNT
 * for an account that does not exist and %CD_SYNC_ERROR_NO_ACCOUNTS when
 * there is none; what goes wrong on the way is in the result.
 */
void
cd_sync_engine_sync_async (CdSyncEngine       *self,
                           const char         *account,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  SyncRun *run;

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
  if (ensure_db (self, &error) == NULL || (accounts = list_accounts (self->db, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (account != NULL)
    {
      gboolean found = g_ptr_array_find_with_equal_func (accounts, account, g_str_equal, NULL);

      if (!found)
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

  run = g_new0 (SyncRun, 1);
  run->engine = g_object_ref (self);
  run->result = cd_sync_result_new ();
  run->accounts = g_steal_pointer (&accounts);
  /* Clients known already (or given with cd_sync_engine_set_cms()) are
   * taken here; the others are made in the sync's thread, and kept for
   * the next sync when it completes. */
  run->clients = g_ptr_array_new_with_free_func (unref_nullable);
  run->made_clients = g_ptr_array_new ();
  for (guint i = 0; i < run->accounts->len; i++)
    {
      CdCms *cms = g_hash_table_lookup (self->cms, g_ptr_array_index (run->accounts, i));

      g_ptr_array_add (run->clients, cms != NULL ? g_object_ref (cms) : NULL);
    }
  run->caller_context = g_main_context_ref_thread_default ();
  run->lock_fd = -1;
  run->context = g_main_context_new ();
  run->loop = g_main_loop_new (run->context, FALSE);
  g_task_set_task_data (task, run, (GDestroyNotify) sync_run_free);

  self->task = task;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);

  g_thread_unref (g_thread_new ("cd-sync", sync_thread, g_steal_pointer (&task)));
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

/* ------------------------------------------------------------------------
 * Conflicts
 * ------------------------------------------------------------------------ */

static SyncRow *
load_conflict (CdSyncEngine *self,
               const char   *uuid,
               const char   *account,
               GError      **error)
{
  g_autoptr (SyncRow) row = NULL;

  if (ensure_db (self, error) == NULL)
    return NULL;
  row = row_load (self->db, uuid, account);
  if (row == NULL || g_strcmp0 (row->state, "conflict") != 0 || row->theirs_json == NULL)
    {
      g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_IN_CONFLICT,
                   "Article %s has no conflict with %s to resolve.", uuid, account);
      return NULL;
    }
  return g_steal_pointer (&row);
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
 * Gives the three sides of a conflict, for a side-by-side view.
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
  g_autoptr (SyncRow) row = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (CdArticle) their_side = NULL;
  g_autoptr (CdArticle) base_side = NULL;

  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (uuid != NULL && account != NULL, FALSE);

  if ((row = load_conflict (self, uuid, account, error)) == NULL)
    return FALSE;
  if ((local = cd_store_get_article (self->store, uuid, error)) == NULL ||
      (their_side = cd_article_from_json (row->theirs_json, error)) == NULL)
    return FALSE;
  base_side = row->base_json != NULL ? cd_article_from_json (row->base_json, NULL) : NULL;
  if (base_side == NULL)
    base_side = cd_article_new_with_uuid (uuid);

  if (base != NULL)
    *base = g_steal_pointer (&base_side);
  if (mine != NULL)
    *mine = g_steal_pointer (&local);
  if (theirs != NULL)
    *theirs = g_steal_pointer (&their_side);
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
  g_autoptr (SyncRow) row = NULL;
  g_autoptr (CdArticle) article = NULL;

  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (uuid != NULL && account != NULL, FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (resolved), FALSE);

  if ((row = load_conflict (self, uuid, account, error)) == NULL)
    return FALSE;

  article = cd_article_copy (resolved);
  cd_article_set_uuid (article, uuid);
  cd_article_touch (article);
  if (!cd_store_save_article (self->store, article, CD_REVISION_MERGED, NULL, error))
    return FALSE;

  g_free (row->base_json);
  row->base_json = g_steal_pointer (&row->theirs_json);
  g_free (row->remote_modified);
  row->remote_modified = g_steal_pointer (&row->theirs_modified);
  row_set (&row->state, "pending");
  row_set (&row->error, NULL);
  row->dirty = TRUE;
  if (!row_save (self->db, uuid, account, row, error))
    return FALSE;

  /* Every other account gets the settled text too. */
  return run_sql (self->db,
                  "UPDATE sync_state SET dirty = 1,"
                  " state = CASE WHEN state = 'conflict' THEN state ELSE 'pending' END"
                  " WHERE article_uuid = ?1 AND account != ?2",
                  uuid, account, NULL, error);
}

static int
state_rank (const char *state)
{
  static const char *const order[] = { "synced", "pending", "error", "conflict" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (state, order[i]) == 0)
      return (int) i;
  return 1;
}

static void
raise_state (GHashTable *states,
             const char *uuid,
             const char *state)
{
  const char *known = g_hash_table_lookup (states, uuid);

  if (known == NULL || state_rank (state) > state_rank (known))
    g_hash_table_insert (states, g_strdup (uuid), (gpointer) g_intern_string (state));
}

/**
 * cd_sync_engine_list_states:
 * @error: return location for an error
 *
 * The library's view of sync: for every article the sync tables or the
 * outbox know, the state that needs the most attention across accounts
 * ("conflict", then "error", "pending", "synced"). Articles missing from
 * the table have never been queued for a sync.
 *
 * Returns: (transfer full) (element-type utf8 utf8) (nullable): uuid → state
 */
GHashTable *
cd_sync_engine_list_states (CdSyncEngine *self,
                            GError      **error)
{
  g_autoptr (GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) queued = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), NULL);

  if (ensure_db (self, error) == NULL ||
      (stmt = prepare (self->db, "SELECT article_uuid, state, dirty FROM sync_state", error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      const char *state = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (state, "synced") == 0 && sqlite3_column_int (stmt, 2) != 0)
        state = "pending";
      raise_state (states, uuid, state);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (cd_sync_db_get_handle (self->db), error, "read the sync states");
      return NULL;
    }

  if ((queued = cd_store_list_outbox (self->store, error)) == NULL)
    return NULL;
  for (guint i = 0; i < queued->len; i++)
    raise_state (states, g_ptr_array_index (queued, i), "pending");
  return g_steal_pointer (&states);
}

/* ------------------------------------------------------------------------
 * An article's sync state, for `show --json` and the library
 * ------------------------------------------------------------------------ */

/**
 * cd_sync_describe_article:
 * @store: the store
 * @uuid: an article
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): one object per account: account,
 *   remote_id, state ("synced", "pending", "conflict", "error") and error
 *   (text or null)
 */
JsonArray *
cd_sync_describe_article (CdStore    *store,
                          const char *uuid,
                          GError    **error)
{
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (JsonArray) array = json_array_new ();
  gboolean queued;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if ((db = cd_sync_db_open (store, error)) == NULL ||
      (accounts = list_accounts (db, error)) == NULL)
    return NULL;
  queued = cd_store_outbox_get_queued_at (store, uuid) != 0;

  for (guint i = 0; i < accounts->len; i++)
    {
      const char *account = g_ptr_array_index (accounts, i);
      g_autoptr (SyncRow) row = row_load (db, uuid, account);
      g_autoptr (JsonObject) object = json_object_new ();
      const char *state = "pending";

      if (row != NULL && (g_strcmp0 (row->state, "conflict") == 0 ||
                          g_strcmp0 (row->state, "error") == 0))
        state = row->state;
      else if (row != NULL && g_strcmp0 (row->state, "synced") == 0 && !row->dirty && !queued)
        state = "synced";

      json_object_set_string_member (object, "account", account);
      if (row != NULL && row->remote_id != NULL)
        json_object_set_string_member (object, "remote_id", row->remote_id);
      else
        json_object_set_null_member (object, "remote_id");
      json_object_set_string_member (object, "state", state);
      if (row != NULL && row->error != NULL && g_str_equal (state, "error"))
        json_object_set_string_member (object, "error", row->error);
      else
        json_object_set_null_member (object, "error");
      json_array_add_object_element (array, g_steal_pointer (&object));
    }
  return g_steal_pointer (&array);
}
