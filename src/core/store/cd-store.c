/* cd-store.c: the offline article store (one SQLite file).
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
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cd-article-json.h"
#include "cd-store.h"
#include "cd-store-private.h"
#include "cd-revision-private.h"

#define BUSY_TIMEOUT_MS 5000

struct _CdStore
{
  GObject parent_instance;

  GMutex   mutex;
  sqlite3 *db;
  char    *path;
  int      schema_version;
  /* Prepared statements for fixed SQL, keyed by the SQL string's address. */
  GHashTable *statements;
};

G_DEFINE_FINAL_TYPE (CdStore, cd_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (CdStoreError, cd_store_error)

/* A statement from the cache: on scope exit it is reset, which ends its
 * read transaction, and its bindings are cleared. */
typedef sqlite3_stmt CachedStmt;

static void
cached_stmt_reset (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, cached_stmt_reset)

/* A statement prepared for one use. */
typedef sqlite3_stmt OwnedStmt;

static void
owned_stmt_finalize (OwnedStmt *stmt)
{
  sqlite3_finalize (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OwnedStmt, owned_stmt_finalize)

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
   NULL},

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
   NULL},

 /* 3: the outbox of local changes for the sync engine to push. */
  { "CREATE TABLE outbox ("
    "  article_uuid  TEXT PRIMARY KEY REFERENCES articles (uuid) ON DELETE CASCADE,"
    "  queued_at     INTEGER NOT NULL" /* Unix microseconds, see below */
    ");",
   NULL},

 /* Append new migrations here. */
};

#define SCHEMA_VERSION ((int) G_N_ELEMENTS (migrations))

/* The columns a listing reads, everything but the body, in the order
 * row_to_article() expects them. */
#define SUMMARY_COLUMNS                                                            \
  "a.uuid, a.headline, a.dek, a.byline, a.dateline, a.source, a.slug, a.section, " \
  "a.tags, a.status, a.embargo, a.length_target, a.language, a.image, "            \
  "a.image_caption, a.image_credit, a.created, a.modified, a.word_count, "         \
  "a.corrections, a.extra, a.ednote"
#define ARTICLE_COLUMNS SUMMARY_COLUMNS ", b.body"

enum
{
  COL_UUID,
  COL_HEADLINE,
  COL_DEK,
  COL_BYLINE,
  COL_DATELINE,
  COL_SOURCE,
  COL_SLUG,
  COL_SECTION,
  COL_TAGS,
  COL_STATUS,
  COL_EMBARGO,
  COL_LENGTH_TARGET,
  COL_LANGUAGE,
  COL_IMAGE,
  COL_IMAGE_CAPTION,
  COL_IMAGE_CREDIT,
  COL_CREATED,
  COL_MODIFIED,
  COL_WORD_COUNT,
  COL_CORRECTIONS,
  COL_EXTRA,
  COL_EDNOTE,
  COL_BODY,
};

static GQuark
word_count_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cd-store-word-count");
  return quark;
}

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

static gboolean
exec (CdStore    *self,
      const char *sql,
      const char *doing,
      GError    **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

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
  return exec (self, "BEGIN IMMEDIATE", "start writing", error);
}

gboolean
_cd_store_commit (CdStore *self,
                  GError **error)
{
  if (exec (self, "COMMIT", "commit the change", error))
    return TRUE;
  _cd_store_rollback (self);
  return FALSE;
}

void
_cd_store_rollback (CdStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Returns a cached statement for @sql, which must be a string with static
 * storage: the cache is keyed by its address. */
static CachedStmt *
statement (CdStore    *self,
           const char *sql,
           GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int           rc;

  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cd_store_set_error (self, error, rc, "prepare a query");
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
cd_store_dispose (GObject *object)
{
  CdStore *self = CD_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
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
}

static void
cd_store_init (CdStore *self)
{
  g_mutex_init (&self->mutex);
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
}

static gboolean
read_user_version (CdStore *self,
                   int     *version,
                   GError **error)
{
  g_autoptr (OwnedStmt) stmt = NULL;
  int rc;

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
           !exec (self, migration->sql, "update the store's schema", error)) ||
          (migration->func != NULL && !migration->func (self->db, error)) ||
          !exec (self, set_version, "update the store's schema", error))
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

  if (!exec (self, "PRAGMA journal_mode = WAL", "switch to write-ahead logging", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", "set up the store", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", "set up the store", error))
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

/* JSON columns: NULL when there is nothing to keep. */

static char *
tags_to_json (CdArticle *article)
{
  const char *const *tags = cd_article_get_tags (article);
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) root = NULL;

  if (tags == NULL || tags[0] == NULL)
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
corrections_to_json (CdArticle *article)
{
  g_autoptr (JsonNode) node = NULL;
  JsonNode *corrections;

  if (cd_article_get_n_corrections (article) == 0)
    return NULL;
  /* The snapshot form writes corrections the way from_json reads them. */
  node = cd_article_to_json_node (article, CD_ARTICLE_JSON_DEFAULT);
  corrections = json_object_get_member (json_node_get_object (node), "corrections");
  return json_to_string (corrections, FALSE);
}

static char *
extra_to_json (CdArticle *article)
{
  JsonObject *extra = cd_article_get_extra (article);
  g_autoptr (JsonNode) node = NULL;

  if (extra == NULL || json_object_get_size (extra) == 0)
    return NULL;
  node = json_node_alloc ();
  json_node_init_object (node, extra);
  return json_to_string (node, FALSE);
}

/* Tags are read for every row of a listing, and a JSON parser costs more
 * than the rest of the row. The column always holds an array of strings
 * as json-glib writes it, ["a","b"]; when it has no backslash, no string
 * in it has an escape, so the strings are exactly the text between the
 * quotes. Anything else goes through the parser. */
static gboolean
read_plain_tags (CdArticle  *article,
                 const char *text)
{
  g_autoptr (GPtrArray) tags = NULL;
  const char *p = text;

  if (strchr (text, '\\') != NULL || *p++ != '[')
    return FALSE;
  tags = g_ptr_array_new_with_free_func (g_free);
  while (*p == '"')
    {
      const char *end = strchr (p + 1, '"');

      if (end == NULL)
        return FALSE;
      g_ptr_array_add (tags, g_strndup (p + 1, end - p - 1));
      p = end + 1;
      if (*p == ',')
        p++;
    }
  if (p[0] != ']' || p[1] != '\0')
    return FALSE;
  g_ptr_array_add (tags, NULL);
  cd_article_set_tags (article, (const char *const *) tags->pdata);
  return TRUE;
}

/* Reads the JSON columns back through the article JSON reader, so that a
 * damaged column is caught by the same checks as a damaged snapshot: each
 * column's value goes into an object {"uuid", KEY: value} that the reader
 * turns into an article, whose field is then taken over. One parser is
 * reused for a whole listing. */
static void
read_json_columns (JsonParser   *parser,
                   CdArticle    *article,
                   sqlite3_stmt *stmt)
{
  static const struct
  {
    int         column;
    const char *key;
  } json_columns[] = {
    {COL_TAGS,         "tags"       },
    { COL_CORRECTIONS, "corrections"},
    { COL_EXTRA,       "extra"      },
  };

  for (guint i = 0; i < G_N_ELEMENTS (json_columns); i++)
    {
      const char *text = column_text (stmt, json_columns[i].column);
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonObject) wrapper = NULL;
      g_autoptr (JsonNode) node = NULL;
      g_autoptr (CdArticle) parsed = NULL;

      if (text == NULL)
        continue;
      if (json_columns[i].column == COL_TAGS && read_plain_tags (article, text))
        continue;
      if (json_parser_load_from_data (parser, text, -1, &error))
        {
          wrapper = json_object_new ();
          json_object_set_string_member (wrapper, "uuid", cd_article_get_uuid (article));
          json_object_set_member (wrapper, json_columns[i].key,
                                  json_node_copy (json_parser_get_root (parser)));
          node = json_node_init_object (json_node_alloc (), wrapper);
          parsed = cd_article_from_json_node (node, &error);
        }
      if (parsed == NULL)
        {
          g_warning ("Article %s has a damaged %s column in the store: %s",
                     cd_article_get_uuid (article), json_columns[i].key, error->message);
          continue;
        }

      switch (json_columns[i].column)
        {
        case COL_TAGS:
          cd_article_set_tags (article, cd_article_get_tags (parsed));
          break;
        case COL_EXTRA:
          cd_article_set_extra (article, cd_article_get_extra (parsed));
          break;
        case COL_CORRECTIONS:
          for (guint c = 0; c < cd_article_get_n_corrections (parsed); c++)
            {
              const CdCorrection *correction = cd_article_get_correction (parsed, c);
              cd_article_add_correction (article, correction->date, correction->note);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static GDateTime *
column_datetime (sqlite3_stmt *stmt,
                 int           column)
{
  return cd_parse_iso8601 (column_text (stmt, column));
}

/* Builds an article from a row of SUMMARY_COLUMNS or ARTICLE_COLUMNS. */
static CdArticle *
row_to_article (sqlite3_stmt *stmt,
                JsonParser   *parser,
                gboolean      with_body)
{
  static const struct
  {
    int column;
    void (*set) (CdArticle  *article,
                 const char *value);
  } text_columns[] = {
    {COL_UUID,           cd_article_set_uuid         },
    { COL_HEADLINE,      cd_article_set_headline     },
    { COL_DEK,           cd_article_set_dek          },
    { COL_BYLINE,        cd_article_set_byline       },
    { COL_DATELINE,      cd_article_set_dateline     },
    { COL_SOURCE,        cd_article_set_source       },
    { COL_SLUG,          cd_article_set_slug         },
    { COL_SECTION,       cd_article_set_section      },
    { COL_LANGUAGE,      cd_article_set_language     },
    { COL_IMAGE,         cd_article_set_image        },
    { COL_IMAGE_CAPTION, cd_article_set_image_caption},
    { COL_IMAGE_CREDIT,  cd_article_set_image_credit },
    { COL_EDNOTE,        cd_article_set_ednote       },
  };
  CdArticle *article = g_object_new (CD_TYPE_ARTICLE, NULL);
  g_autoptr (GDateTime) embargo = column_datetime (stmt, COL_EMBARGO);
  g_autoptr (GDateTime) created = column_datetime (stmt, COL_CREATED);
  g_autoptr (GDateTime) modified = column_datetime (stmt, COL_MODIFIED);
  CdArticleStatus status = CD_ARTICLE_STATUS_DRAFT;

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    text_columns[i].set (article, column_text (stmt, text_columns[i].column));
  if (cd_article_status_from_name (column_text (stmt, COL_STATUS), &status))
    cd_article_set_status (article, status);
  cd_article_set_embargo (article, embargo);
  cd_article_set_created (article, created);
  cd_article_set_modified (article, modified);
  cd_article_set_length_target (article, sqlite3_column_int64 (stmt, COL_LENGTH_TARGET));
  read_json_columns (parser, article, stmt);

  if (with_body)
    cd_article_set_body (article, column_text (stmt, COL_BODY));
  else
    g_object_set_qdata (G_OBJECT (article), word_count_quark (),
                        GUINT_TO_POINTER (sqlite3_column_int (stmt, COL_WORD_COUNT)));
  return article;
}

/**
 * cd_store_summary_get_word_count:
 * @article: an article from a listing, or any article
 *
 * Articles from cd_store_list_articles() have no body, to keep listings
 * fast; the store keeps each article's word count in its row and hands it
 * over with the summary. For an article that has a body, this counts it.
 *
 * Returns: the number of words in the article's body
 */
guint
cd_store_summary_get_word_count (CdArticle *article)
{
  g_return_val_if_fail (CD_IS_ARTICLE (article), 0);

  if (cd_article_get_body (article) != NULL)
    return cd_article_get_word_count (article);
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (article), word_count_quark ()));
}

static CdArticle *
get_article_locked (CdStore    *self,
                    const char *uuid,
                    GError    **error)
{
  static const char sql[] =
      "SELECT " ARTICLE_COLUMNS " FROM articles a"
      " LEFT JOIN article_bodies b ON b.article_id = a.id WHERE a.uuid = ?";
  g_autoptr (CachedStmt) stmt = NULL;
  g_autoptr (JsonParser) parser = NULL;
  int rc;

  if ((stmt = statement (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   "There is no article with the uuid “%s”.", uuid);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cd_store_set_error (self, error, rc, "read the article");
      return NULL;
    }
  parser = json_parser_new ();
  return row_to_article (stmt, parser, TRUE);
}

/**
 * cd_store_get_article:
 * @uuid: the article's uuid
 * @error: return location for an error; %CD_STORE_ERROR_NOT_FOUND when no
 *   article has @uuid
 *
 * Gets an article with every field, from the trash too.
 *
 * Returns: (transfer full) (nullable): the article
 */
CdArticle *
cd_store_get_article (CdStore    *self,
                      const char *uuid,
                      GError    **error)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  return get_article_locked (self, uuid, error);
}

/* Runs @sql (static: statements are cached by address), a query of one
 * number about article @uuid; %FALSE when it finds no row, or fails, or
 * the number is 0. */
static gboolean
article_flag (CdStore    *self,
              const char *sql,
              const char *uuid)
{
  g_autoptr (GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);
  g_autoptr (CachedStmt) stmt = NULL;

  if ((stmt = statement (self, sql, NULL)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

/**
 * cd_store_has_article:
 *
 * Returns: %TRUE when an article with @uuid is in the store or its trash
 */
gboolean
cd_store_has_article (CdStore    *self,
                      const char *uuid)
{
  static const char sql[] = "SELECT 1 FROM articles WHERE uuid = ?";

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return article_flag (self, sql, uuid);
}

static gint64
datetime_to_unix_usec (GDateTime *datetime)
{
  if (datetime == NULL)
    return 0;
  return g_date_time_to_unix (datetime) * G_USEC_PER_SEC + g_date_time_get_microsecond (datetime);
}

static gboolean
step_done (CdStore      *self,
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

static gboolean
upsert_article (CdStore   *self,
                CdArticle *article,
                GError   **error)
{
  static const char sql[] =
      "INSERT INTO articles (uuid, headline, dek, byline, dateline, source, slug, section,"
      "  tags, status, embargo, length_target, language, image, image_caption, image_credit,"
      "  created, modified, modified_us, word_count, corrections, extra, ednote)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
      "  ?17, ?18, ?19, ?20, ?21, ?22, ?23)"
      " ON CONFLICT (uuid) DO UPDATE SET headline = ?2, dek = ?3, byline = ?4,"
      "  dateline = ?5, source = ?6, slug = ?7, section = ?8, tags = ?9, status = ?10,"
      "  embargo = ?11, length_target = ?12, language = ?13, image = ?14,"
      "  image_caption = ?15, image_credit = ?16, created = ?17, modified = ?18,"
      "  modified_us = ?19, word_count = ?20, corrections = ?21, extra = ?22,"
      "  ednote = ?23";
  /* An unchanged body is not written again, nor indexed again. */
  static const char body_sql[] =
      "INSERT INTO article_bodies (article_id, body)"
      " VALUES ((SELECT id FROM articles WHERE uuid = ?1), ?2)"
      " ON CONFLICT (article_id) DO UPDATE SET body = excluded.body"
      "  WHERE article_bodies.body IS NOT excluded.body";
  g_autoptr (CachedStmt) stmt = NULL;
  g_autoptr (CachedStmt) body_stmt = NULL;
  g_autofree char *tags = tags_to_json (article);
  g_autofree char *corrections = corrections_to_json (article);
  g_autofree char *extra = extra_to_json (article);
  g_autofree char *embargo = cd_datetime_to_json_string (cd_article_get_embargo (article));
  g_autofree char *created = cd_datetime_to_json_string (cd_article_get_created (article));
  g_autofree char *modified = cd_datetime_to_json_string (cd_article_get_modified (article));

  if ((stmt = statement (self, sql, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, cd_article_get_uuid (article));
  bind_text (stmt, 2, cd_article_get_headline (article));
  bind_text (stmt, 3, cd_article_get_dek (article));
  bind_text (stmt, 4, cd_article_get_byline (article));
  bind_text (stmt, 5, cd_article_get_dateline (article));
  bind_text (stmt, 6, cd_article_get_source (article));
  bind_text (stmt, 7, cd_article_get_slug (article));
  bind_text (stmt, 8, cd_article_get_section (article));
  bind_text (stmt, 9, tags);
  bind_text (stmt, 10, cd_article_status_to_string (cd_article_get_status (article)));
  bind_text (stmt, 11, embargo);
  sqlite3_bind_int64 (stmt, 12, cd_article_get_length_target (article));
  bind_text (stmt, 13, cd_article_get_language (article));
  bind_text (stmt, 14, cd_article_get_image (article));
  bind_text (stmt, 15, cd_article_get_image_caption (article));
  bind_text (stmt, 16, cd_article_get_image_credit (article));
  bind_text (stmt, 17, created);
  bind_text (stmt, 18, modified);
  sqlite3_bind_int64 (stmt, 19, datetime_to_unix_usec (cd_article_get_modified (article)));
  sqlite3_bind_int64 (stmt, 20, cd_article_get_word_count (article));
  bind_text (stmt, 21, corrections);
  bind_text (stmt, 22, extra);
  bind_text (stmt, 23, cd_article_get_ednote (article));
  if (!step_done (self, stmt, "save the article", error))
    return FALSE;

  if ((body_stmt = statement (self, body_sql, error)) == NULL)
    return FALSE;
  bind_text (body_stmt, 1, cd_article_get_uuid (article));
  bind_text (body_stmt, 2, cd_article_get_body (article));
  return step_done (self, body_stmt, "save the article's body", error);
}

static gboolean
insert_revision (CdStore         *self,
                 CdArticle       *article,
                 CdRevisionReason reason,
                 const char      *name,
                 const char      *snapshot,
                 GError         **error)
{
  static const char sql[] =
      "INSERT INTO revisions (article_uuid, created, reason, name, snapshot)"
      " VALUES (?, ?, ?, ?, ?)";
  g_autoptr (CachedStmt) stmt = NULL;
  g_autofree char *made = snapshot == NULL ? cd_article_to_json (article, CD_ARTICLE_JSON_DEFAULT, FALSE) : NULL;

  if ((stmt = statement (self, sql, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, cd_article_get_uuid (article));
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  bind_text (stmt, 3, cd_revision_reason_to_string (reason));
  bind_text (stmt, 4, name);
  bind_text (stmt, 5, snapshot != NULL ? snapshot : made);
  return step_done (self, stmt, "record a revision", error);
}

/* queued_at is the time of the latest change in microseconds, and always
 * moves forward on a new change, so that the sync engine can tell whether
 * an article changed again while it was being pushed. */
static gboolean
queue_article (CdStore    *self,
               const char *uuid,
               GError    **error)
{
  static const char sql[] =
      "INSERT INTO outbox (article_uuid, queued_at) VALUES (?1, ?2)"
      " ON CONFLICT (article_uuid) DO UPDATE"
      "  SET queued_at = max(excluded.queued_at, outbox.queued_at + 1)";
  g_autoptr (CachedStmt) stmt = NULL;

  if ((stmt = statement (self, sql, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
  return step_done (self, stmt, "queue the article for sync", error);
}

gboolean
_cd_store_save_article_locked (CdStore         *self,
                               CdArticle       *article,
                               CdRevisionReason reason,
                               const char      *name,
                               GError         **error)
{
  return _cd_store_save_article_with_snapshot (self, article, reason, name, NULL, error);
}

gboolean
_cd_store_save_article_with_snapshot (CdStore         *self,
                                      CdArticle       *article,
                                      CdRevisionReason reason,
                                      const char      *name,
                                      const char      *snapshot,
                                      GError         **error)
{
  if (!upsert_article (self, article, error))
    return FALSE;
  if (reason != CD_REVISION_NONE &&
      !insert_revision (self, article, reason, name, snapshot, error))
    return FALSE;
  if (reason != CD_REVISION_PULLED && reason != CD_REVISION_MERGED &&
      !queue_article (self, cd_article_get_uuid (article), error))
    return FALSE;
  return TRUE;
}

/**
 * cd_store_save_article:
 * @article: the article, stored exactly as given (its modified time too:
 *   call cd_article_touch() when a person changed it)
 * @reason: why; anything but %CD_REVISION_NONE also records a revision
 * @name: (nullable): the revision's name, for %CD_REVISION_NAMED
 * @error: return location for an error
 *
 * Inserts the article or updates the one with its uuid, in one
 * transaction with its revision and, unless the change came from the CMS
 * (%CD_REVISION_PULLED, %CD_REVISION_MERGED), an outbox entry. An article
 * in the trash stays there.
 *
 * Returns: %TRUE once the change is committed
 */
gboolean
cd_store_save_article (CdStore         *self,
                       CdArticle       *article,
                       CdRevisionReason reason,
                       const char      *name,
                       GError         **error)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (cd_article_get_uuid (article) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return FALSE;
  if (!_cd_store_save_article_locked (self, article, reason, name, error))
    {
      _cd_store_rollback (self);
      return FALSE;
    }
  return _cd_store_commit (self, error);
}

/**
 * cd_store_edit_article:
 * @uuid: the article to change
 * @edit: (scope call): changes the article it is given
 * @user_data: for @edit
 * @error: return location for an error
 *
 * Reads the article, lets @edit change it and saves it as a person's edit
 * (a new modified time, a revision, an outbox entry), all in one write
 * transaction, so that two processes changing different fields of one
 * article at once both keep their change. When @edit changes nothing,
 * nothing is written.
 *
 * Returns: %TRUE when the change is committed or there was none
 */
gboolean
cd_store_edit_article (CdStore        *self,
                       const char     *uuid,
                       CdStoreEditFunc edit,
                       gpointer        user_data,
                       GError        **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdArticle) before = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return FALSE;
  if ((article = get_article_locked (self, uuid, error)) == NULL)
    {
      _cd_store_rollback (self);
      return FALSE;
    }
  before = cd_article_copy (article);
  if (!edit (article, user_data, error))
    {
      _cd_store_rollback (self);
      return FALSE;
    }
  if (cd_article_equal (article, before))
    {
      _cd_store_rollback (self);
      return TRUE;
    }
  cd_article_touch (article);
  if (!_cd_store_save_article_locked (self, article, CD_REVISION_EDITED, NULL, error))
    {
      _cd_store_rollback (self);
      return FALSE;
    }
  return _cd_store_commit (self, error);
}

/* Makes an FTS5 query from whatever a person typed: each run of text
 * between spaces becomes a quoted prefix phrase of its words, all of which
 * must match, so that quotes, brackets and operators in the input are plain
 * text and never a syntax error, and "S&P", "U.S." or "Emilia-Romagna"
 * find those words side by side rather than any two words anywhere.
 * Returns NULL when the text has no word. */
static char *
make_fts_query (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString         *query = g_string_new (NULL);
  const char      *p = valid;

  while (*p != '\0')
    {
      gboolean in_phrase = FALSE;

      /* One run of text between spaces. */
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          const char *start;
          gunichar    c = g_utf8_get_char (p);

          if (!g_unichar_isalnum (c) && !g_unichar_ismark (c))
            {
              p = g_utf8_next_char (p);
              continue;
            }
          start = p;
          while (*p != '\0' &&
                 (g_unichar_isalnum (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p))))
            p = g_utf8_next_char (p);
          if (!in_phrase)
            g_string_append (query, query->len > 0 ? " \"" : "\"");
          else
            g_string_append_c (query, ' ');
          g_string_append_len (query, start, p - start);
          in_phrase = TRUE;
        }
      if (in_phrase)
        g_string_append (query, "\"*");
      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

static GPtrArray *
list_articles (CdStore            *self,
               const CdStoreQuery *query,
               GCancellable       *cancellable,
               GError            **error)
{
  static const CdStoreQuery all = { NULL, -1, FALSE, 0 };
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GString) sql = g_string_new ("SELECT " SUMMARY_COLUMNS);
  g_autoptr (OwnedStmt) stmt = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *fts_query = NULL;
  int              rc;

  if (query == NULL)
    query = &all;
  g_assert (query->status < (int) CD_ARTICLE_N_STATUSES);

  articles = g_ptr_array_new_with_free_func (g_object_unref);
  if (query->search != NULL && *query->search != '\0')
    {
      fts_query = make_fts_query (query->search);
      if (fts_query == NULL)
        return g_steal_pointer (&articles);
      /* Rank and cut in the index first, then read the few rows shown.
       * The trash and status filters are sets of ids from their indexes
       * (the trash is small), so ranking never visits the articles. */
      g_string_append (sql, " FROM (SELECT rowid AS id,"
                            "  bm25 (articles_fts, 10.0, 4.0, 1.0) AS score"
                            "  FROM articles_fts WHERE articles_fts MATCH ?1");
      g_string_append (sql, query->trashed ? " AND rowid IN" : " AND rowid NOT IN");
      g_string_append (sql, " (SELECT id FROM articles WHERE trashed_at IS NOT NULL)");
      if (query->status >= 0)
        g_string_append (sql, " AND rowid IN (SELECT id FROM articles WHERE status = ?2)");
      g_string_append (sql, " ORDER BY score");
      if (query->limit > 0)
        g_string_append_printf (sql, " LIMIT %u", query->limit);
      g_string_append (sql, ") hits JOIN articles a ON a.id = hits.id"
                            " ORDER BY hits.score, a.modified_us DESC");
    }
  else
    {
      g_string_append (sql, " FROM articles a WHERE");
      g_string_append (sql, query->trashed ? " a.trashed_at IS NOT NULL"
                                           : " a.trashed_at IS NULL");
      if (query->status >= 0)
        g_string_append (sql, " AND a.status = ?2");
      if (query->trashed)
        g_string_append (sql, " ORDER BY a.trashed_at DESC, a.modified_us DESC");
      else
        g_string_append (sql, " ORDER BY a.modified_us DESC");
      if (query->limit > 0)
        g_string_append_printf (sql, " LIMIT %u", query->limit);
    }

  locker = g_mutex_locker_new (&self->mutex);
  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cd_store_set_error (self, error, rc, "list the articles");
      return NULL;
    }
  if (fts_query != NULL)
    sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_TRANSIENT);
  if (query->status >= 0)
    sqlite3_bind_text (stmt, 2, cd_article_status_to_string (query->status), -1,
                       SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (articles, row_to_article (stmt, parser, FALSE));
      /* A search typed on is cancelled: let go of the store soon. */
      if (articles->len % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      _cd_store_set_error (self, error, rc, "list the articles");
      return NULL;
    }
  return g_steal_pointer (&articles);
}

/**
 * cd_store_list_articles:
 * @query: (nullable): which articles; %NULL lists every live article
 * @error: return location for an error
 *
 * Lists article summaries: every field but the body (see
 * cd_store_summary_get_word_count()). Without a search they come newest
 * modified first (the trash: most recently trashed first); with one, best
 * match first (bm25, a headline match weighing most). A search with no
 * words in it matches nothing.
 *
 * Returns: (transfer container) (element-type CdArticle): the summaries
 */
GPtrArray *
cd_store_list_articles (CdStore            *self,
                        const CdStoreQuery *query,
                        GError            **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (query == NULL || query->status < (int) CD_ARTICLE_N_STATUSES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_articles (self, query, NULL, error);
}

typedef struct
{
  CdStoreQuery query;
  char        *search;
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->search);
  g_free (data);
}

static void
list_articles_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  ListData  *data = task_data;
  GError    *error = NULL;
  GPtrArray *articles;

  articles = list_articles (source_object, &data->query, cancellable, &error);
  if (articles == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, articles, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * cd_store_list_articles_async:
 * @query: (nullable): which articles; copied, so it need not outlive the call
 * @cancellable: (nullable): cancelling it ends a long listing early with
 *   %G_IO_ERROR_CANCELLED, as when a search is typed on
 *
 * Lists articles in a worker thread; see cd_store_list_articles().
 */
void
cd_store_list_articles_async (CdStore            *self,
                              const CdStoreQuery *query,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  ListData *data;

  g_return_if_fail (CD_IS_STORE (self));
  g_return_if_fail (query == NULL || query->status < (int) CD_ARTICLE_N_STATUSES);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ListData, 1);
  if (query != NULL)
    {
      data->query = *query;
      data->search = g_strdup (query->search);
    }
  else
    data->query.status = -1;
  data->query.search = data->search;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_list_articles_async);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  g_task_run_in_thread (task, list_articles_thread);
}

/**
 * cd_store_list_articles_finish:
 *
 * Returns: (transfer container) (element-type CdArticle): the summaries
 */
GPtrArray *
cd_store_list_articles_finish (CdStore      *self,
                               GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_store_list_articles_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sets or clears trashed_at. Trashing what is already in the trash, or
 * restoring what is not, changes nothing and succeeds. */
static gboolean
set_trashed (CdStore    *self,
             const char *uuid,
             gboolean    trashed,
             GError    **error)
{
  static const char trash_sql[] =
      "UPDATE articles SET trashed_at = ?2 WHERE uuid = ?1 AND trashed_at IS NULL";
  static const char untrash_sql[] =
      "UPDATE articles SET trashed_at = NULL WHERE uuid = ?1";
  g_autoptr (GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->mutex);
  g_autoptr (CachedStmt) stmt = NULL;

  if (!_cd_store_begin (self, error))
    return FALSE;
  if ((stmt = statement (self, trashed ? trash_sql : untrash_sql, error)) == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (trashed)
    sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self, stmt, trashed ? "move the article to the trash" : "restore the article from the trash", error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autoptr (CachedStmt) exists = NULL;

      if ((exists = statement (self, "SELECT 1 FROM articles WHERE uuid = ?", error)) == NULL)
        goto fail;
      sqlite3_bind_text (exists, 1, uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (exists) != SQLITE_ROW)
        {
          g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                       "There is no article with the uuid “%s”.", uuid);
          goto fail;
        }
    }
  return _cd_store_commit (self, error);

fail:
  _cd_store_rollback (self);
  return FALSE;
}

/**
 * cd_store_trash_article:
 *
 * Moves an article to the trash: it leaves listings and search, and stays
 * until cd_store_untrash_article() or cd_store_empty_trash().
 *
 * Returns: %TRUE on success; %CD_STORE_ERROR_NOT_FOUND for an unknown uuid
 */
gboolean
cd_store_trash_article (CdStore    *self,
                        const char *uuid,
                        GError    **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return set_trashed (self, uuid, TRUE, error);
}

/**
 * cd_store_untrash_article:
 *
 * Brings an article back from the trash.
 *
 * Returns: %TRUE on success; %CD_STORE_ERROR_NOT_FOUND for an unknown uuid
 */
gboolean
cd_store_untrash_article (CdStore    *self,
                          const char *uuid,
                          GError    **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return set_trashed (self, uuid, FALSE, error);
}

gboolean
cd_store_is_trashed (CdStore    *self,
                     const char *uuid)
{
  static const char sql[] = "SELECT trashed_at IS NOT NULL FROM articles WHERE uuid = ?";

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return article_flag (self, sql, uuid);
}

/**
 * cd_store_empty_trash:
 *
 * Deletes the articles in the trash for good, with their revisions and
 * outbox entries.
 *
 * Returns: how many articles were deleted; 0 with @error set on failure
 */
guint
cd_store_empty_trash (CdStore *self,
                      GError **error)
{
  /* Foreign keys would cascade, but saying it keeps the store right even
   * on a connection where they are off. */
  static const char sql[] =
      "DELETE FROM revisions WHERE article_uuid IN"
      "  (SELECT uuid FROM articles WHERE trashed_at IS NOT NULL);"
      "DELETE FROM outbox WHERE article_uuid IN"
      "  (SELECT uuid FROM articles WHERE trashed_at IS NOT NULL);"
      "DELETE FROM article_bodies WHERE article_id IN"
      "  (SELECT id FROM articles WHERE trashed_at IS NOT NULL);"
      "DELETE FROM articles WHERE trashed_at IS NOT NULL;";
  g_autoptr (GMutexLocker) locker = NULL;
  guint deleted;

  g_return_val_if_fail (CD_IS_STORE (self), 0);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return 0;
  if (!exec (self, sql, "empty the trash", error))
    {
      _cd_store_rollback (self);
      return 0;
    }
  /* The last statement's count: articles, not the rows cascaded. */
  deleted = sqlite3_changes (self->db);
  if (!_cd_store_commit (self, error))
    return 0;
  return deleted;
}

static GDateTime *
datetime_from_unix_usec (gint64 usec)
{
  g_autoptr (GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

#define REVISION_COLUMNS "id, article_uuid, created, reason, name, snapshot"

/* With @lazy, the snapshot is parsed when first asked for; without, now,
 * so that damage is reported as an error (restoring must not guess). */
static CdRevision *
row_to_revision (CdStore      *self,
                 sqlite3_stmt *stmt,
                 gboolean      lazy,
                 GError      **error)
{
  g_autoptr (CdArticle) snapshot = NULL;
  g_autoptr (GDateTime) created = datetime_from_unix_usec (sqlite3_column_int64 (stmt, 2));
  CdRevisionReason reason = CD_REVISION_NONE;
  g_autoptr (GError) local_error = NULL;
  gint64 id = sqlite3_column_int64 (stmt, 0);

  cd_revision_reason_from_string (column_text (stmt, 3), &reason);
  if (lazy)
    return _cd_revision_new_lazy (id, column_text (stmt, 1), g_strdup (column_text (stmt, 5)),
                                  created, reason, column_text (stmt, 4));

  snapshot = cd_article_from_json (column_text (stmt, 5), &local_error);
  if (snapshot == NULL)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_CORRUPT,
                   "Revision %" G_GINT64_FORMAT " in the store “%s” is damaged: %s",
                   id, self->path, local_error->message);
      return NULL;
    }
  /* The row, not the snapshot, says which article a revision belongs to. */
  cd_article_set_uuid (snapshot, column_text (stmt, 1));
  return cd_revision_new (id, snapshot, created, reason, column_text (stmt, 4));
}

/**
 * cd_store_list_revisions:
 * @uuid: an article's uuid
 *
 * Lists an article's history cheaply: each revision's snapshot is read
 * from its JSON only when cd_revision_get_snapshot() first asks for it.
 *
 * Returns: (transfer container) (element-type CdRevision): the article's
 *   revisions, newest first; empty for an article without any
 */
GPtrArray *
cd_store_list_revisions (CdStore    *self,
                         const char *uuid,
                         GError    **error)
{
  static const char sql[] =
      "SELECT " REVISION_COLUMNS " FROM revisions WHERE article_uuid = ? ORDER BY id DESC";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if ((stmt = statement (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  revisions = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CdRevision *revision = row_to_revision (self, stmt, TRUE, error);

      if (revision == NULL)
        return NULL;
      g_ptr_array_add (revisions, revision);
    }
  if (rc != SQLITE_DONE)
    {
      _cd_store_set_error (self, error, rc, "list the revisions");
      return NULL;
    }
  return g_steal_pointer (&revisions);
}

static CdRevision *
get_revision_locked (CdStore *self,
                     gint64   revision_id,
                     GError **error)
{
  static const char sql[] = "SELECT " REVISION_COLUMNS " FROM revisions WHERE id = ?";
  g_autoptr (CachedStmt) stmt = NULL;
  int rc;

  if ((stmt = statement (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   "There is no revision %" G_GINT64_FORMAT ".", revision_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cd_store_set_error (self, error, rc, "read the revision");
      return NULL;
    }
  return row_to_revision (self, stmt, FALSE, error);
}

/**
 * cd_store_get_revision:
 *
 * Returns: (transfer full) (nullable): the revision;
 *   %CD_STORE_ERROR_NOT_FOUND when there is none with @revision_id
 */
CdRevision *
cd_store_get_revision (CdStore *self,
                       gint64   revision_id,
                       GError **error)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  return get_revision_locked (self, revision_id, error);
}

/**
 * cd_store_restore_revision:
 * @revision_id: the revision to go back to
 *
 * Makes a revision's snapshot the article's current state, as a new
 * change: the modified time is now, a %CD_REVISION_RESTORED revision
 * records it and the article is queued for sync. Later revisions stay.
 *
 * Returns: (transfer full) (nullable): the article as restored
 */
CdArticle *
cd_store_restore_revision (CdStore *self,
                           gint64   revision_id,
                           GError **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdRevision) revision = NULL;
  g_autoptr (CdArticle) article = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return NULL;
  revision = get_revision_locked (self, revision_id, error);
  if (revision == NULL)
    {
      _cd_store_rollback (self);
      return NULL;
    }
  article = cd_article_copy (cd_revision_get_snapshot (revision));
  cd_article_touch (article);
  if (!_cd_store_save_article_locked (self, article, CD_REVISION_RESTORED, NULL, error))
    {
      _cd_store_rollback (self);
      return NULL;
    }
  if (!_cd_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&article);
}

/**
 * cd_store_list_outbox:
 *
 * Returns: (transfer container) (element-type utf8): the uuids of the
 *   articles waiting to be pushed, longest waiting first
 */
GPtrArray *
cd_store_list_outbox (CdStore *self,
                      GError **error)
{
  static const char sql[] = "SELECT article_uuid FROM outbox ORDER BY queued_at";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CachedStmt) stmt = NULL;
  g_autoptr (GPtrArray) uuids = NULL;
  int rc;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if ((stmt = statement (self, sql, error)) == NULL)
    return NULL;
  uuids = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup (column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      _cd_store_set_error (self, error, rc, "read the outbox");
      return NULL;
    }
  return g_steal_pointer (&uuids);
}

/**
 * cd_store_outbox_get_queued_at:
 *
 * Returns: when the article was last queued, in Unix microseconds; it
 *   grows with every queued change. 0 when the article is not queued.
 */
gint64
cd_store_outbox_get_queued_at (CdStore    *self,
                               const char *uuid)
{
  static const char sql[] = "SELECT queued_at FROM outbox WHERE article_uuid = ?";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CachedStmt) stmt = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), 0);
  g_return_val_if_fail (uuid != NULL, 0);

  locker = g_mutex_locker_new (&self->mutex);
  if ((stmt = statement (self, sql, NULL)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * cd_store_outbox_remove:
 * @uuid: the article that was pushed
 * @queued_at: the value cd_store_outbox_get_queued_at() gave before the
 *   push
 *
 * Takes an article off the outbox after a push, unless it was queued
 * again in the meantime (its queued_at moved on), in which case the newer
 * change stays queued.
 *
 * Returns: %TRUE when nothing went wrong (whether or not a row went)
 */
gboolean
cd_store_outbox_remove (CdStore    *self,
                        const char *uuid,
                        gint64      queued_at,
                        GError    **error)
{
  static const char sql[] = "DELETE FROM outbox WHERE article_uuid = ? AND queued_at <= ?";
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CachedStmt) stmt = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if ((stmt = statement (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, queued_at);
  return step_done (self, stmt, "update the outbox", error);
}
