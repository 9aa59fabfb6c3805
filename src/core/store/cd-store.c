/* cd-store.c: the offline article store (one SQLite file): its
 * connection, schema, lock and transactions. Each table group keeps its
 * SQL and row mapping in a file of its own (cd-store-articles.c,
 * cd-store-revisions.c, cd-store-trash.c, cd-store-outbox.c), and
 * cd-store-changes.c announces what each commit changed.
 *
 * The store is the source of truth for a person's work, so it is built to
 * survive a killed process: the journal is a write-ahead log, every write is
 * one transaction, and a transaction either commits whole or not at all.
 * With WAL, synchronous=NORMAL makes a commit durable against the process
 * being killed (the log is written before the commit returns); only a power
 * cut can lose the last commits, never corrupt the file.
 *
 * One connection a CdStore, guarded by a mutex, so that the main thread and
 * GTask threads can share it. Other processes (a command run while the
 * window is open) open their own connection; busy_timeout makes a writer
 * wait for the other rather than fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-store"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "cd-store.h"
#include "cd-store-private.h"

#define BUSY_TIMEOUT_MS 5000

G_DEFINE_FINAL_TYPE (CdStore, cd_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (CdStoreError, cd_store_error)

/* The schema, as forward migrations: entry i takes a store from version i
 * to version i + 1, in one transaction. To change the schema, APPEND an
 * entry (the sync engine adds its tables this way); never edit or reorder
 * an entry once it has been committed, because stores out there have
 * already run it. A migration is SQL, a function, or both (SQL first). */
typedef struct
{
  const char *sql;
  gboolean (*func) (sqlite3 *db,
                    GError **error);
} Migration;

/* Migration 4: the change log (see CD_STORE_LOG_CHANGES_SQL in
 * cd-store-private.h): which articles changed, latest last, so that a
 * window can tell which articles another process wrote. */
static const char change_log_sql[] =
    "CREATE TABLE article_changes ("
    "  seq           INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  article_uuid  TEXT NOT NULL UNIQUE"
    ");" CD_STORE_LOG_CHANGES_SQL ("articles", "uuid")
        CD_STORE_LOG_CHANGES_SQL ("outbox", "article_uuid");

static const Migration migrations[] = {
  /* 1: articles, their bodies and their revisions. The body has a table
  * of its own so that the articles table stays small and a listing, which
  * never reads bodies, reads a few megabytes rather than every word.
  * Times are ISO 8601 with their own offset, exactly as the article had
  * them; modified_us orders the listing. */
  {"CREATE TABLE articles ("
    "  id            INTEGER PRIMARY KEY,"
    "  uuid          TEXT NOT NULL UNIQUE,"
    "  headline      TEXT,"
    "  dek           TEXT,"
    "  byline        TEXT,"
    "  dateline      TEXT,"
    "  source        TEXT,"
    "  slug          TEXT,"
    "  section       TEXT,"
    "  tags          TEXT," /* JSON array, NULL for none */
    "  status        TEXT NOT NULL DEFAULT 'draft',"
    "  embargo       TEXT,"
    "  length_target INTEGER NOT NULL DEFAULT 0,"
    "  language      TEXT,"
    "  image         TEXT,"
    "  image_caption TEXT,"
    "  image_credit  TEXT,"
    "  created       TEXT,"
    "  modified      TEXT,"
    "  modified_us   INTEGER NOT NULL DEFAULT 0," /* Unix microseconds */
    "  word_count    INTEGER NOT NULL DEFAULT 0,"
    "  trashed_at    INTEGER," /* Unix seconds; NULL when live */
    "  corrections   TEXT,"    /* JSON array of {date, note} */
    "  extra         TEXT,"    /* JSON object */
    "  ednote        TEXT"
    ");"
    "CREATE INDEX articles_by_trash_modified ON articles (trashed_at, modified_us);"
    "CREATE INDEX articles_by_modified ON articles (modified_us);"
    "CREATE INDEX articles_by_status ON articles (status, modified_us);"
    "CREATE TABLE article_bodies ("
    "  article_id    INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
    "  body          TEXT"
    ");"
    "CREATE TABLE revisions ("
    "  id            INTEGER PRIMARY KEY,"
    "  article_uuid  TEXT NOT NULL REFERENCES articles (uuid) ON DELETE CASCADE,"
    "  created       INTEGER NOT NULL," /* Unix microseconds */
    "  reason        TEXT NOT NULL,"
    "  name          TEXT,"
    "  snapshot      TEXT NOT NULL" /* cd_article_to_json () */
    ");"
    "CREATE INDEX revisions_by_article ON revisions (article_uuid, id);",
   NULL                                                                            },

 /* 2: full-text search over headline, dek and body, kept in step with
  * the articles and their bodies by triggers; existing articles are
  * indexed. The index keeps its own copy of the text (an external-content
  * index would have to be given the exact old text of two tables on every
  * change). An article enters the index with its body row, which every
  * save writes, so that a new article is indexed once, not twice. */
  { "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
    "  headline, dek, body,"
    "  tokenize = 'unicode61 remove_diacritics 2',"
    "  prefix = '2 3'" /* search as you type */
    ");"
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, dek ON articles"
    "  WHEN old.headline IS NOT new.headline OR old.dek IS NOT new.dek BEGIN"
    "  UPDATE articles_fts SET headline = new.headline, dek = new.dek WHERE rowid = new.id;"
    "END;"
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    "  DELETE FROM articles_fts WHERE rowid = old.id;"
    "END;"
    "CREATE TRIGGER articles_fts_body_insert AFTER INSERT ON article_bodies BEGIN"
    "  INSERT OR REPLACE INTO articles_fts (rowid, headline, dek, body)"
    "    SELECT id, headline, dek, new.body FROM articles WHERE id = new.article_id;"
    "END;"
    "CREATE TRIGGER articles_fts_body_update AFTER UPDATE OF body ON article_bodies"
    "  WHEN old.body IS NOT new.body BEGIN"
    "  UPDATE articles_fts SET body = new.body WHERE rowid = new.article_id;"
    "END;"
    "INSERT INTO articles_fts (rowid, headline, dek, body)"
    "  SELECT a.id, a.headline, a.dek, b.body"
    "  FROM articles a LEFT JOIN article_bodies b ON b.article_id = a.id;",
   NULL                                                                            },

 /* 3: the outbox of local changes for the sync engine to push. */
  { "CREATE TABLE outbox ("
    "  article_uuid  TEXT PRIMARY KEY REFERENCES articles (uuid) ON DELETE CASCADE,"
    "  queued_at     INTEGER NOT NULL" /* Unix microseconds, see below */
    ");",
   NULL                                                                            },

 /* 4: the change log; see change_log_sql. */
  { change_log_sql,                                                            NULL},

 /* 5: images (cd-store-images.c): one row per stored file, named by the
  * SHA-256 of its bytes, and the featured image's alt text. */
  { "ALTER TABLE articles ADD COLUMN image_alt TEXT;"
    "CREATE TABLE images ("
    "  id            TEXT PRIMARY KEY," /* SHA-256 of the bytes, 64 lowercase hex */
    "  mime_type     TEXT NOT NULL,"
    "  width         INTEGER NOT NULL,"
    "  height        INTEGER NOT NULL,"
    "  size          INTEGER NOT NULL," /* bytes */
    "  added         INTEGER NOT NULL"  /* Unix microseconds */
    ") WITHOUT ROWID;",
   NULL                                                                            },

 /* Append new migrations here. */
};

#define SCHEMA_VERSION ((int) G_N_ELEMENTS (migrations))

/**
 * cd_store_default_data_dir:
 *
 * Returns: (transfer full): `$COPYDESK_DATA_DIR` when it is set, else
 *   `$XDG_DATA_HOME/copydesk`
 */
char *
cd_store_default_data_dir (void)
{
  const char *env = g_getenv ("COPYDESK_DATA_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "copydesk", NULL);
}

void
_cd_store_set_error (CdStore    *self,
                     GError    **error,
                     int         rc,
                     const char *doing)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_CORRUPT,
                   "The store “%s” is damaged or is not a Copydesk database (%s); "
                   "move it aside to start a new store, or restore it from a backup.",
                   self->path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_BUSY,
                   "Could not %s: the store “%s” stayed locked by another Copydesk "
                   "process for %d seconds.",
                   doing, self->path, BUSY_TIMEOUT_MS / 1000);
      break;
    case SQLITE_FULL:
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                   "Could not %s: the disk holding “%s” is full.", doing, self->path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                   "Could not %s: the store “%s” cannot be written (%s); check the "
                   "permissions of the file and its folder.",
                   doing, self->path, detail);
      break;
    default:
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                   "Could not %s in the store “%s”: %s.", doing, self->path, detail);
    }
}

gboolean
_cd_store_exec (CdStore    *self,
                const char *sql,
                const char *doing,
                GError    **error)
{
  int rc;

  g_assert (CD_IS_STORE (self));
  g_assert (sql != NULL);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _cd_store_set_error (self, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
_cd_store_lock (CdStore *self)
{
  g_assert (CD_IS_STORE (self));

  g_mutex_lock (&self->mutex);
  return self->db;
}

void
_cd_store_unlock (CdStore *self)
{
  g_mutex_unlock (&self->mutex);
}

gboolean
_cd_store_begin (CdStore *self,
                 GError **error)
{
  g_assert (CD_IS_STORE (self));

  if (!_cd_store_exec (self, "BEGIN IMMEDIATE", "start writing", error))
    return FALSE;
  _cd_store_changes_begun (self);
  return TRUE;
}

gboolean
_cd_store_commit (CdStore *self,
                  GError **error)
{
  g_assert (CD_IS_STORE (self));

  _cd_store_changes_committing (self);
  if (!_cd_store_exec (self, "COMMIT", "commit the change", error))
    {
      _cd_store_rollback (self);
      return FALSE;
    }
  _cd_store_changes_committed (self);
  return TRUE;
}

void
_cd_store_rollback (CdStore *self)
{
  g_assert (CD_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  _cd_store_changes_rolled_back (self);
}

/* Returns the cached statement @id, prepared from @sql the first time; a
 * statement's SQL is always the same text, kept by its table's file. */
CdStoreCachedStmt *
_cd_store_statement (CdStore    *self,
                     CdStoreStmt id,
                     const char *sql,
                     GError    **error)
{
  int rc;

  g_assert (CD_IS_STORE (self));
  g_assert (id < CD_STORE_N_STMTS);
  g_assert (sql != NULL);

  if (self->statements[id] != NULL)
    return self->statements[id];
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &self->statements[id], NULL);
  if (rc != SQLITE_OK)
    {
      _cd_store_set_error (self, error, rc, "prepare a query");
      return NULL;
    }
  return self->statements[id];
}

void
_cd_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
_cd_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
_cd_store_step_done (CdStore      *self,
                     sqlite3_stmt *stmt,
                     const char   *doing,
                     GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _cd_store_set_error (self, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

/* Runs statement @id, a query of one number about article @uuid, taking
 * the lock; %FALSE when it finds no row, or fails, or the number is 0. */
gboolean
_cd_store_query_flag (CdStore    *self,
                      CdStoreStmt id,
                      const char *sql,
                      const char *uuid)
{
  g_autoptr (GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);
  g_autoptr (CdStoreCachedStmt) stmt = NULL;

  if ((stmt = _cd_store_statement (self, id, sql, NULL)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

static void
cd_store_dispose (GObject *object)
{
  CdStore *self = CD_STORE (object);

  _cd_store_changes_dispose (self);
  for (guint i = 0; i < CD_STORE_N_STMTS; i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  G_OBJECT_CLASS (cd_store_parent_class)->dispose (object);
}

static void
cd_store_finalize (GObject *object)
{
  CdStore *self = CD_STORE (object);

  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (cd_store_parent_class)->finalize (object);
}

static void
cd_store_class_init (CdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_store_dispose;
  object_class->finalize = cd_store_finalize;

  _cd_store_changes_class_init (klass);
}

static void
cd_store_init (CdStore *self)
{
  g_mutex_init (&self->mutex);
}

static gboolean
read_user_version (CdStore *self,
                   int     *version,
                   GError **error)
{
  g_autoptr (CdStoreOwnedStmt) stmt = NULL;
  int rc;

  g_assert (CD_IS_STORE (self));
  g_assert (version != NULL);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _cd_store_set_error (self, error, rc, "read the schema version");
      return FALSE;
    }
  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
check_not_too_new (CdStore *self,
                   int      version,
                   GError **error)
{
  g_assert (CD_IS_STORE (self));

  if (version <= SCHEMA_VERSION)
    return TRUE;
  g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_TOO_NEW,
               "The store “%s” was written by a newer version of Copydesk "
               "(schema version %d; this version knows up to %d); update Copydesk "
               "to open it.",
               self->path, version, SCHEMA_VERSION);
  return FALSE;
}

/* Runs the migrations the store has not had, each in its own transaction.
 * The version is read again under the write lock, so two processes opening
 * an old store at once do not both migrate it. */
static gboolean
migrate (CdStore *self,
         GError **error)
{
  g_assert (CD_IS_STORE (self));

  for (;;)
    {
      g_autofree char *set_version = NULL;
      const Migration *migration;
      int              version;

      if (!_cd_store_begin (self, error))
        return FALSE;
      if (!read_user_version (self, &version, error) ||
          !check_not_too_new (self, version, error))
        {
          _cd_store_rollback (self);
          return FALSE;
        }
      if (version == SCHEMA_VERSION)
        {
          self->schema_version = version;
          return _cd_store_commit (self, error);
        }

      migration = &migrations[version];
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if ((migration->sql != NULL &&
           !_cd_store_exec (self, migration->sql, "update the store's schema", error)) ||
          (migration->func != NULL && !migration->func (self->db, error)) ||
          !_cd_store_exec (self, set_version, "update the store's schema", error))
        {
          _cd_store_rollback (self);
          g_prefix_error (error, "Migration to schema version %d failed: ", version + 1);
          return FALSE;
        }
      if (!_cd_store_commit (self, error))
        return FALSE;
      g_debug ("Migrated %s to schema version %d", self->path, version + 1);
    }
}

/**
 * cd_store_open:
 * @data_dir: (nullable): the folder for the store, created when missing;
 *   %NULL for cd_store_default_data_dir()
 * @error: return location for an error
 *
 * Opens the store `copydesk.db` in @data_dir, creating it or bringing its
 * schema up to date. A file that is not a database is refused with
 * %CD_STORE_ERROR_CORRUPT and left as it is; a store written by a newer
 * Copydesk is refused with %CD_STORE_ERROR_TOO_NEW.
 *
 * The store announces its changes ("articles-changed") on the main context
 * that is thread-default for the calling thread now.
 *
 * Returns: (transfer full) (nullable): the store
 */
CdStore *
cd_store_open (const char *data_dir,
               GError    **error)
{
  g_autoptr (CdStore) self = NULL;
  g_autofree char *default_dir = NULL;
  int              version;
  int              rc;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data_dir == NULL)
    data_dir = default_dir = cd_store_default_data_dir ();

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_FAILED,
                   "Could not create the data folder “%s”: %s.",
                   data_dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (CD_TYPE_STORE, NULL);
  self->context = g_main_context_ref_thread_default ();
  self->path = g_build_filename (data_dir, "copydesk.db", NULL);

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _cd_store_set_error (self, error, rc, "open the store");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Reading the version is the first access to the file: a file that is
   * not a database fails here, before anything has been written to it. */
  if (!read_user_version (self, &version, error) ||
      !check_not_too_new (self, version, error))
    return NULL;

  if (!_cd_store_exec (self, "PRAGMA journal_mode = WAL", "switch to write-ahead logging",
                       error) ||
      !_cd_store_exec (self, "PRAGMA synchronous = NORMAL", "set up the store", error) ||
      !_cd_store_exec (self, "PRAGMA foreign_keys = ON", "set up the store", error))
    return NULL;
  if (version == SCHEMA_VERSION)
    self->schema_version = version;
  else if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cd_store_get_path:
 *
 * Returns: (transfer none): the database file's path
 */
const char *
cd_store_get_path (CdStore *self)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  return self->path;
}

/**
 * cd_store_get_schema_version:
 *
 * Returns: the schema version the store has, which is the newest this
 *   program knows
 */
int
cd_store_get_schema_version (CdStore *self)
{
  g_return_val_if_fail (CD_IS_STORE (self), 0);
  return self->schema_version;
}
