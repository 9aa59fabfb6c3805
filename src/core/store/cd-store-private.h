/* cd-store-private.h: the store's insides, shared by its own files (one a
 * table group) and by core modules that keep their own tables in the same
 * database (the sync engine).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cd-store.h"

G_BEGIN_DECLS

/* The statements the store prepares once and keeps, one a fixed SQL text.
 * Each table file owns its entries and their SQL. */
typedef enum
{
  /* cd-store-articles.c */
  CD_STORE_STMT_ARTICLE_GET,
  CD_STORE_STMT_ARTICLE_EXISTS,
  CD_STORE_STMT_ARTICLE_UPSERT,
  CD_STORE_STMT_BODY_UPSERT,
  /* cd-store-revisions.c */
  CD_STORE_STMT_REVISION_INSERT,
  CD_STORE_STMT_REVISION_LIST,
  CD_STORE_STMT_REVISION_GET,
  /* cd-store-trash.c */
  CD_STORE_STMT_TRASH,
  CD_STORE_STMT_UNTRASH,
  CD_STORE_STMT_IS_TRASHED,
  CD_STORE_STMT_TRASHED_UUIDS,
  /* cd-store-outbox.c */
  CD_STORE_STMT_OUTBOX_QUEUE,
  CD_STORE_STMT_OUTBOX_LIST,
  CD_STORE_STMT_OUTBOX_QUEUED_AT,
  CD_STORE_STMT_OUTBOX_REMOVE,
  /* cd-store-changes.c */
  CD_STORE_STMT_DATA_VERSION,
  CD_STORE_STMT_CHANGES_LAST,
  CD_STORE_STMT_CHANGES_SINCE,

  CD_STORE_N_STMTS
} CdStoreStmt;

/* Per-reason uuids announced inside a transaction, waiting for its commit;
 * see cd-store-changes.c. */
typedef struct _CdStoreChangeSet CdStoreChangeSet;

struct _CdStore
{
  GObject parent_instance;

  /* Guards everything below but the fields set once at open. */
  GMutex        mutex;
  sqlite3      *db;
  char         *path;
  int           schema_version;
  sqlite3_stmt *statements[CD_STORE_N_STMTS];
  int           last_rc; /* the SQLite code of the last error, for open */

  /* Set once at open when the file, its folder or its disk cannot be
   * written (cd-store-read-only.c): every write then fails at once with
   * CD_STORE_ERROR_READ_ONLY instead of half-writing. */
  gboolean read_only;
  gboolean disk_full;

  /* Change notifications (cd-store-changes.c). @context is the one that
   * was thread-default at open; @writer is the thread inside a
   * transaction begun with _cd_store_begin(), NULL outside one. */
  GMainContext     *context;
  GThread          *writer;
  CdStoreChangeSet *pending;

  /* Watching other connections' commits (cd_store_watch_external()). */
  GFileMonitor *wal_monitor;
  gint64        data_version;
  gint64        seen_change;
  gint64        commit_change;
};

/* The schema's change log: every change of an article's row, its outbox
 * entry or (through the same triggers) another module's per-article rows
 * moves the article's uuid to the end of article_changes, whose seq
 * (AUTOINCREMENT, so never reused) grows with each change, across
 * processes. cd_store_watch_external() reads it to name the articles
 * another connection changed.
 *
 * A module with per-article rows in the store's file adds
 * CD_STORE_LOG_CHANGES_SQL ("its_table", "its_uuid_column") to one of its
 * migrations, so that another process's window learns which articles
 * those rows belong to. Both arguments are string literals. */
/* clang-format off */
#define CD_STORE_LOG_ONE_CHANGE_SQL(uuid)                                  \
  " DELETE FROM article_changes WHERE article_uuid = " uuid ";"           \
  " INSERT INTO article_changes (article_uuid) VALUES (" uuid ");"
#define CD_STORE_LOG_CHANGES_SQL(table, column)                            \
  "CREATE TRIGGER " table "_log_insert AFTER INSERT ON " table " BEGIN"    \
  CD_STORE_LOG_ONE_CHANGE_SQL ("new." column) " END;"                      \
  "CREATE TRIGGER " table "_log_update AFTER UPDATE ON " table " BEGIN"    \
  CD_STORE_LOG_ONE_CHANGE_SQL ("new." column) " END;"                      \
  "CREATE TRIGGER " table "_log_delete AFTER DELETE ON " table " BEGIN"    \
  CD_STORE_LOG_ONE_CHANGE_SQL ("old." column) " END;"
/* clang-format on */

/* A statement from the cache: on scope exit it is reset, which ends its
 * read transaction, and its bindings are cleared. */
typedef sqlite3_stmt CdStoreCachedStmt;

static inline void
_cd_store_cached_stmt_reset (CdStoreCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdStoreCachedStmt, _cd_store_cached_stmt_reset)

/* A statement prepared for one use. */
typedef sqlite3_stmt CdStoreOwnedStmt;

static inline void
_cd_store_owned_stmt_finalize (CdStoreOwnedStmt *stmt)
{
  sqlite3_finalize (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdStoreOwnedStmt, _cd_store_owned_stmt_finalize)

/* Locks the store for the calling thread and returns its connection. Every
 * statement on the connection runs between _cd_store_lock() and
 * _cd_store_unlock(); the lock is not recursive, so no public cd_store_*()
 * function may be called while it is held. Reset or finalize statements
 * before unlocking, or they keep a read transaction open. */
sqlite3 *_cd_store_lock (CdStore *self);
void     _cd_store_unlock (CdStore *self);

/* Transactions under the lock. _cd_store_begin() takes the write lock at
 * once (BEGIN IMMEDIATE), waiting up to the busy timeout for another
 * process. What is announced inside the transaction is delivered once
 * _cd_store_commit() succeeds, and dropped by _cd_store_rollback(). */
gboolean _cd_store_begin (CdStore *self,
                          GError **error);
gboolean _cd_store_commit (CdStore *self,
                           GError **error);
void     _cd_store_rollback (CdStore *self);

/* Tells the listeners of "articles-changed" that @uuids changed for
 * @reason. Called by the thread inside a transaction (_cd_store_begin()),
 * the announcement waits for the commit; called anywhere else, after a
 * commit of one's own (the sync engine's connection), it is delivered at
 * once, on the store's main context. */
void _cd_store_announce (CdStore            *self,
                         CdStoreChangeReason reason,
                         const char *const  *uuids);

/* cd_store_save_article() without locking or its own transaction, so that a
 * caller can save an article and its own rows in one transaction. */
gboolean _cd_store_save_article_locked (CdStore         *self,
                                        CdArticle       *article,
                                        CdRevisionReason reason,
                                        const char      *name,
                                        GError         **error);

/* _cd_store_save_article_locked() with the revision's snapshot given: it
 * must be cd_article_to_json (@article, CD_ARTICLE_JSON_DEFAULT, FALSE),
 * which a caller that needs that text too makes only once. %NULL makes it. */
gboolean _cd_store_save_article_with_snapshot (CdStore         *self,
                                               CdArticle       *article,
                                               CdRevisionReason reason,
                                               const char      *name,
                                               const char      *snapshot,
                                               GError         **error);

/* cd-store-read-only.c: opens @path for reading only, when it cannot be
 * written; see cd_store_open(). The same connection flags serve the sync
 * tables' own connection on a read-only store. */
int      _cd_store_open_read_only (const char *path,
                                   sqlite3   **db);
gboolean _cd_store_is_write_failure (int rc);
void     _cd_store_read_only_detect (CdStore *self);
void     _cd_store_set_read_only_error (CdStore *self,
                                        GError **error);

/* Turns an SQLite result code into a CD_STORE_ERROR that names the file;
 * @doing says what failed ("save the article"). */
void _cd_store_set_error (CdStore    *self,
                          GError    **error,
                          int         rc,
                          const char *doing);

/* cd-store.c: statements and their columns, under the lock. */
CdStoreCachedStmt *_cd_store_statement (CdStore    *self,
                                        CdStoreStmt id,
                                        const char *sql,
                                        GError    **error);
gboolean           _cd_store_exec (CdStore    *self,
                                   const char *sql,
                                   const char *doing,
                                   GError    **error);
gboolean           _cd_store_step_done (CdStore      *self,
                                        sqlite3_stmt *stmt,
                                        const char   *doing,
                                        GError      **error);
gboolean           _cd_store_query_flag (CdStore    *self,
                                         CdStoreStmt id,
                                         const char *sql,
                                         const char *uuid);
void               _cd_store_bind_text (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);
const char        *_cd_store_column_text (sqlite3_stmt *stmt,
                                          int           column);

/* cd-store-articles.c */
CdArticle *_cd_store_get_article_locked (CdStore    *self,
                                         const char *uuid,
                                         GError    **error);
gboolean   _cd_store_article_exists_locked (CdStore    *self,
                                            const char *uuid);

/* cd-store-revisions.c */
gboolean    _cd_store_insert_revision (CdStore         *self,
                                       CdArticle       *article,
                                       CdRevisionReason reason,
                                       const char      *name,
                                       const char      *snapshot,
                                       GError         **error);
CdRevision *_cd_store_get_revision_locked (CdStore *self,
                                           gint64   revision_id,
                                           GError **error);

/* cd-store-outbox.c */
gboolean _cd_store_queue_article (CdStore    *self,
                                  const char *uuid,
                                  GError    **error);

/* cd-store-changes.c: the transaction's side of change notifications,
 * called by cd-store.c under the lock. */
void                _cd_store_changes_class_init (CdStoreClass *klass);
void                _cd_store_changes_dispose (CdStore *self);
void                _cd_store_changes_begun (CdStore *self);
void                _cd_store_changes_committing (CdStore *self);
void                _cd_store_changes_committed (CdStore *self);
void                _cd_store_changes_rolled_back (CdStore *self);
void                _cd_store_announce_one (CdStore            *self,
                                            CdStoreChangeReason reason,
                                            const char         *uuid);
CdStoreChangeReason _cd_store_change_reason_for_save (CdRevisionReason reason,
                                                      gboolean         is_new);

G_END_DECLS
