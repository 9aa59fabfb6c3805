/* cd-sync-db.c: the sync layer's tables in the store's SQLite file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync-db"

#include "config.h"

#include "cd-store-private.h"
#include "cd-sync-db-private.h"

struct _CdSyncDb
{
  GObject parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements; /* SQL text → prepared statement, reused */
  int         schema_version;
  CdStore    *store;     /* told which articles' sync state changed; may be NULL */
  gboolean    read_only; /* the store is read-only: every write is refused */
  GPtrArray  *touched;   /* uuids whose rows this transaction wrote */
};

G_DEFINE_FINAL_TYPE (CdSyncDb, cd_sync_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (CdSyncDbError, cd_sync_db_error)

/* Forward migrations: entry N brings the schema from version N to N + 1.
 * To change the schema, append an entry; never edit one that has shipped.
 * Each runs in the same transaction as the version bump. */
static const char *const migrations[] = {
  /* 0 → 1: accounts (no password: that lives in the Secret Service) and the
   * per-article, per-account sync state. */
  "CREATE TABLE accounts ("
  "  name    TEXT PRIMARY KEY,"
  "  kind    TEXT NOT NULL,"
  "  url     TEXT NOT NULL,"
  "  user    TEXT NOT NULL,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE TABLE sync_state ("
  "  article_uuid    TEXT NOT NULL,"
  "  account         TEXT NOT NULL,"
  "  remote_id       TEXT,"
  "  remote_modified TEXT,"
  "  base_json       TEXT,"
  "  state           TEXT NOT NULL DEFAULT 'pending',"
  "  error           TEXT,"
  "  PRIMARY KEY (article_uuid, account)"
  ");",
  /* 1 → 2: what the sync engine keeps beyond that: whether local changes
   * wait to be pushed (dirty), whether a create's reply was lost so the
   * post must be looked for by its marker (create_unknown), the server's
   * side of a conflict (theirs_*), and where each account's pull left off. */
  "ALTER TABLE sync_state ADD COLUMN dirty INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE sync_state ADD COLUMN create_unknown INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE sync_state ADD COLUMN theirs_json TEXT;"
  "ALTER TABLE sync_state ADD COLUMN theirs_modified TEXT;"
  "CREATE TABLE sync_pulls ("
  "  account       TEXT PRIMARY KEY,"
  "  last_modified TEXT"
  ");",
  /* 2 → 3: a pull finds each post's article by its remote id. */
  "CREATE INDEX sync_state_remote ON sync_state (account, remote_id);",
  /* 3 → 4: the images each account's site has (sync_media): an image,
   * by its content hash, is uploaded once per site, and a pulled image
   * block is known by its media id. */
  "CREATE TABLE sync_media ("
  "  account    TEXT NOT NULL,"
  "  image_id   TEXT NOT NULL,"
  "  media_id   TEXT NOT NULL,"
  "  source_url TEXT,"
  "  uploaded   INTEGER NOT NULL,"
  "  PRIMARY KEY (account, image_id)"
  ");"
  "CREATE INDEX sync_media_remote ON sync_media (account, media_id);",
};

#define CD_SYNC_DB_SCHEMA_VERSION ((int) G_N_ELEMENTS (migrations))

static void
cd_sync_db_finalize (GObject *object)
{
  CdSyncDb *self = CD_SYNC_DB (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->touched, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cd_sync_db_parent_class)->finalize (object);
}

static void
cd_sync_db_class_init (CdSyncDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_sync_db_finalize;
}

static void
cd_sync_db_init (CdSyncDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->touched = g_ptr_array_new_with_free_func (g_free);
}

/* Tells the store's listeners that the sync state of what was touched
 * changed, once it is committed. */
static void
announce_touched (CdSyncDb *self)
{
  g_assert (CD_IS_SYNC_DB (self));

  if (self->store != NULL && self->touched->len > 0)
    {
      g_ptr_array_add (self->touched, NULL);
      _cd_store_announce (self->store, CD_STORE_CHANGE_SYNC_STATE,
                          (const char *const *) self->touched->pdata);
    }
  g_ptr_array_set_size (self->touched, 0);
}

void
_cd_sync_db_touched (CdSyncDb   *self,
                     const char *uuid)
{
  g_assert (CD_IS_SYNC_DB (self));
  g_assert (uuid != NULL);

  g_ptr_array_add (self->touched, g_strdup (uuid));
  if (sqlite3_get_autocommit (self->db))
    announce_touched (self);
}

void
_cd_sync_db_set_error (CdSyncDb   *self,
                       GError    **error,
                       const char *what)
{
  if (_cd_sync_db_is_damage (self->db, sqlite3_extended_errcode (self->db)))
    _cd_sync_db_set_damaged_error (self->path, sqlite3_errmsg (self->db), error);
  else
    g_set_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED,
                 "Could not %s in the sync tables of %s: %s", what, self->path,
                 sqlite3_errmsg (self->db));
}

void
_cd_sync_db_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  g_assert (stmt != NULL);

  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
_cd_sync_db_step_done (CdSyncDb     *self,
                       sqlite3_stmt *stmt,
                       const char   *what,
                       GError      **error)
{
  int rc;

  g_assert (CD_IS_SYNC_DB (self));
  g_assert (stmt != NULL);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    _cd_sync_db_set_error (self, error, what);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* @sql prepared as by cd_sync_db_prepare(), with @param1 and @param2
 * bound as text unless %NULL. */
static sqlite3_stmt *
prepare_with (CdSyncDb   *self,
              const char *sql,
              const char *param1,
              const char *param2,
              GError    **error)
{
  sqlite3_stmt *stmt;

  g_assert (CD_IS_SYNC_DB (self));
  g_assert (sql != NULL);

  if ((stmt = cd_sync_db_prepare (self, sql, error)) == NULL)
    return NULL;
  if (param1 != NULL)
    _cd_sync_db_bind_text (stmt, 1, param1);
  if (param2 != NULL)
    _cd_sync_db_bind_text (stmt, 2, param2);
  return stmt;
}

gboolean
_cd_sync_db_run (CdSyncDb   *self,
                 const char *sql,
                 const char *param1,
                 const char *param2,
                 const char *what,
                 GError    **error)
{
  sqlite3_stmt *stmt = prepare_with (self, sql, param1, param2, error);

  return stmt != NULL && _cd_sync_db_step_done (self, stmt, what, error);
}

GPtrArray *
_cd_sync_db_query (CdSyncDb           *self,
                   const CdSyncDbRows *rows,
                   const char         *sql,
                   const char         *param1,
                   const char         *param2,
                   GError            **error)
{
  g_autoptr (GPtrArray) values = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_assert (rows != NULL && rows->read != NULL);

  if ((stmt = prepare_with (self, sql, param1, param2, error)) == NULL)
    return NULL;
  values = g_ptr_array_new_with_free_func (rows->free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, rows->read (stmt));
  if (rc != SQLITE_DONE)
    _cd_sync_db_set_error (self, error, rows->what);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&values) : NULL;
}

/* Runs @sql, statements without parameters; on an error @what says what
 * failed, as for _cd_sync_db_set_error(). */
static gboolean
exec_sql (CdSyncDb   *self,
          const char *sql,
          const char *what,
          GError    **error)
{
  g_assert (CD_IS_SYNC_DB (self));

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  _cd_sync_db_set_error (self, error, what);
  return FALSE;
}

/**
 * cd_sync_db_exec:
 * @self: a #CdSyncDb
 * @sql: one or more statements without parameters
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every statement ran
 */
gboolean
cd_sync_db_exec (CdSyncDb   *self,
                 const char *sql,
                 GError    **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  return exec_sql (self, sql, "run a statement", error);
}

/**
 * cd_sync_db_begin:
 * @self: a #CdSyncDb
 * @error: return location for a #GError
 *
 * Starts a write transaction, taking the write lock at once so that two
 * processes never interleave their read-then-write steps.
 *
 * Returns: %TRUE when the transaction started
 */
gboolean
cd_sync_db_begin (CdSyncDb *self,
                  GError  **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);

  if (self->read_only && self->store != NULL)
    {
      _cd_store_set_read_only_error (self->store, error);
      return FALSE;
    }
  return exec_sql (self, "BEGIN IMMEDIATE", "start a transaction", error);
}

/**
 * cd_sync_db_commit:
 * @self: a #CdSyncDb
 * @error: return location for a #GError
 *
 * Commits the transaction; on failure it is rolled back.
 *
 * Returns: %TRUE when committed
 */
gboolean
cd_sync_db_commit (CdSyncDb *self,
                   GError  **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);

  if (!exec_sql (self, "COMMIT", "commit a transaction", error))
    {
      cd_sync_db_rollback (self);
      return FALSE;
    }
  announce_touched (self);
  return TRUE;
}

/**
 * cd_sync_db_rollback:
 * @self: a #CdSyncDb
 *
 * Rolls back the open transaction, if any.
 */
void
cd_sync_db_rollback (CdSyncDb *self)
{
  g_return_if_fail (CD_IS_SYNC_DB (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_ptr_array_set_size (self->touched, 0);
}

static int
read_schema_version (CdSyncDb *self)
{
  g_assert (CD_IS_SYNC_DB (self));

  sqlite3_stmt *stmt = NULL;
  int           version = 0;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT value FROM sync_meta WHERE key = 'schema_version'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
write_schema_version (CdSyncDb *self,
                      int       version,
                      GError  **error)
{
  g_assert (CD_IS_SYNC_DB (self));

  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO sync_meta (key, value) VALUES ('schema_version', ?1) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _cd_sync_db_set_error (self, error, "record the schema version");
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, version);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cd_sync_db_set_error (self, error, "record the schema version");
      return FALSE;
    }
  return TRUE;
}

/* Brings the tables to CD_SYNC_DB_SCHEMA_VERSION in one transaction. */
static gboolean
migrate (CdSyncDb *self,
         GError  **error)
{
  int version;

  g_assert (CD_IS_SYNC_DB (self));

  /* Tables already at this version need no write lock: every connection
   * opens them, a sync's worker among them, and a write transaction here
   * would wait for a sync's writes to finish. */
  if (read_schema_version (self) == CD_SYNC_DB_SCHEMA_VERSION)
    {
      self->schema_version = CD_SYNC_DB_SCHEMA_VERSION;
      return TRUE;
    }

  if (!cd_sync_db_begin (self, error))
    return FALSE;

  if (!cd_sync_db_exec (self,
                        "CREATE TABLE IF NOT EXISTS sync_meta ("
                        "  key   TEXT PRIMARY KEY,"
                        "  value TEXT"
                        ")",
                        error))
    goto fail;

  version = read_schema_version (self);
  if (version < 0)
    {
      _cd_sync_db_set_error (self, error, "read the schema version");
      goto fail;
    }
  if (version > CD_SYNC_DB_SCHEMA_VERSION)
    {
      g_set_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_TOO_NEW,
                   "The sync tables of %s are at version %d, newer than this "
                   "Copydesk understands (%d); use a newer Copydesk.",
                   self->path, version, CD_SYNC_DB_SCHEMA_VERSION);
      goto fail;
    }

  for (int i = version; i < CD_SYNC_DB_SCHEMA_VERSION; i++)
    {
      if (sqlite3_exec (self->db, migrations[i], NULL, NULL, NULL) != SQLITE_OK)
        {
          g_autofree char *what = g_strdup_printf ("migrate from version %d", i);

          _cd_sync_db_set_error (self, error, what);
          goto fail;
        }
    }
  if (version != CD_SYNC_DB_SCHEMA_VERSION &&
      !write_schema_version (self, CD_SYNC_DB_SCHEMA_VERSION, error))
    goto fail;

  if (!cd_sync_db_commit (self, error))
    return FALSE;

  self->schema_version = CD_SYNC_DB_SCHEMA_VERSION;
  return TRUE;

fail:
  cd_sync_db_rollback (self);
  return FALSE;
}

/* A read-only store that has never synced has no sync tables, and cannot
 * be given them: empty ones in the connection's temporary schema let
 * `account list` and the sync states read nothing rather than fail. */
static CdSyncDb *
read_only_tables (CdSyncDb *db,
                  GError  **error)
{
  g_autoptr (CdSyncDb) self = db;

  g_assert (CD_IS_SYNC_DB (self));

  if (read_schema_version (self) == CD_SYNC_DB_SCHEMA_VERSION)
    {
      self->schema_version = CD_SYNC_DB_SCHEMA_VERSION;
      return g_steal_pointer (&self);
    }
  if (read_schema_version (self) > 0)
    {
      g_set_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED,
                   "The sync tables of %s need an update that a read-only store cannot take; "
                   "open it once where it can be written.",
                   self->path);
      return NULL;
    }
  sqlite3_exec (self->db, "PRAGMA query_only = 0", NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autoptr (GString) sql = g_string_new (migrations[i]);

      g_string_replace (sql, "CREATE TABLE ", "CREATE TEMP TABLE ", 0);
      if (!cd_sync_db_exec (self, sql->str, error))
        return NULL;
    }
  self->schema_version = CD_SYNC_DB_SCHEMA_VERSION;
  return g_steal_pointer (&self);
}

static CdSyncDb *
open_path (const char *path,
           gboolean    read_only,
           GError    **error)
{
  g_autoptr (CdSyncDb) self = NULL;
  int rc;

  g_assert (path != NULL);

  self = g_object_new (CD_TYPE_SYNC_DB, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  if (read_only)
    rc = _cd_store_open_read_only (path, &self->db);
  else
    rc = sqlite3_open_v2 (path, &self->db,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_FAILED,
                   "Could not open %s for the sync tables: %s", path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  if (read_only)
    return read_only_tables (g_steal_pointer (&self), error);
  if (!cd_sync_db_exec (self, "PRAGMA journal_mode = WAL;"
                              "PRAGMA foreign_keys = ON;",
                        error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cd_sync_db_open_path:
 * @path: the SQLite file
 * @error: return location for a #GError
 *
 * Opens its own connection on @path (WAL, a 5 s busy timeout) and makes
 * sure the sync tables exist at the current version.
 *
 * Returns: (transfer full) (nullable): the sync tables, or %NULL
 */
CdSyncDb *
cd_sync_db_open_path (const char *path,
                      GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_path (path, FALSE, error);
}

/**
 * cd_sync_db_open:
 * @store: the article store
 * @error: return location for a #GError
 *
 * Opens the sync tables in the same file as @store, for reading only when
 * the store is read-only (cd_store_is_read_only()).
 *
 * Returns: (transfer full) (nullable): the sync tables, or %NULL
 */
CdSyncDb *
cd_sync_db_open (CdStore *store,
                 GError **error)
{
  CdSyncDb *self;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  /* What it writes reaches the store's listeners as sync-state changes. */
  if ((self = open_path (cd_store_get_path (store), cd_store_is_read_only (store), error)) !=
      NULL)
    self->store = g_object_ref (store);
  return self;
}

/**
 * cd_sync_db_get_path:
 * @self: a #CdSyncDb
 *
 * Returns: (transfer none): the SQLite file's path
 */
const char *
cd_sync_db_get_path (CdSyncDb *self)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);

  return self->path;
}

/**
 * cd_sync_db_get_schema_version:
 * @self: a #CdSyncDb
 *
 * Returns: the sync tables' schema version
 */
int
cd_sync_db_get_schema_version (CdSyncDb *self)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), 0);

  return self->schema_version;
}

/**
 * cd_sync_db_get_handle:
 * @self: a #CdSyncDb
 *
 * The connection is this object's own; use it from one thread at a time.
 *
 * Returns: (transfer none): the SQLite connection
 */
sqlite3 *
cd_sync_db_get_handle (CdSyncDb *self)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);

  return self->db;
}

/**
 * cd_sync_db_prepare:
 * @self: a #CdSyncDb
 * @sql: one statement
 * @error: return location for a #GError
 *
 * Returns the statement for @sql, prepared once per connection and kept:
 * it comes reset and without bindings. Call sqlite3_reset() rather than
 * sqlite3_finalize() when done with it. Like the connection, for one
 * thread at a time.
 *
 * Returns: (transfer none) (nullable): the statement, or %NULL
 */
sqlite3_stmt *
cd_sync_db_prepare (CdSyncDb   *self,
                    const char *sql,
                    GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _cd_sync_db_set_error (self, error, "prepare a statement");
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}
