/* cd-sync-db-private.h: the sync tables' connection, for the store's own
 * files that keep tables in it (the accounts table).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cd-sync-db.h"

G_BEGIN_DECLS

sqlite3      *cd_sync_db_get_handle (CdSyncDb *self);
sqlite3_stmt *cd_sync_db_prepare (CdSyncDb   *self,
                                  const char *sql,
                                  GError    **error);

gboolean cd_sync_db_exec (CdSyncDb   *self,
                          const char *sql,
                          GError    **error);
gboolean cd_sync_db_begin (CdSyncDb *self,
                           GError  **error);
gboolean cd_sync_db_commit (CdSyncDb *self,
                            GError  **error);
void     cd_sync_db_rollback (CdSyncDb *self);

/* Sets a CD_SYNC_DB_ERROR naming the file and SQLite's message; @what says
 * what failed ("read the sync state"). */
void _cd_sync_db_set_error (CdSyncDb   *self,
                            GError    **error,
                            const char *what);

/* Binds @text to the parameter @index of @stmt; %NULL binds SQL NULL. */
void _cd_sync_db_bind_text (sqlite3_stmt *stmt,
                            int           index,
                            const char   *text);

/* Runs @stmt, a statement that returns no rows, then resets it; on an
 * error @what says what failed, as for _cd_sync_db_set_error(). */
gboolean _cd_sync_db_step_done (CdSyncDb     *self,
                                sqlite3_stmt *stmt,
                                const char   *what,
                                GError      **error);

/* Runs @sql, a statement that returns no rows, with up to two text
 * parameters (a %NULL one is left unbound); on an error @what says what
 * failed, as for _cd_sync_db_set_error(). */
gboolean _cd_sync_db_run (CdSyncDb   *self,
                          const char *sql,
                          const char *param1,
                          const char *param2,
                          const char *what,
                          GError    **error);

/* How a table's rows are read: @read makes a new value of the current row
 * of a statement and @free frees it; @what says what failed on an error,
 * as for _cd_sync_db_set_error(). */
typedef struct
{
  gpointer (*read) (sqlite3_stmt *stmt);
  GDestroyNotify free;
  const char    *what;
} CdSyncDbRows;

/* Every row @sql selects, with up to two text parameters (a %NULL one is
 * left unbound), each read as @rows says, in an array that frees them;
 * %NULL on an error. */
GPtrArray *_cd_sync_db_query (CdSyncDb           *self,
                              const CdSyncDbRows *rows,
                              const char         *sql,
                              const char         *param1,
                              const char         *param2,
                              GError            **error);

/* cd-sync-db-repair.c: whether the last error on @db means the sync
 * tables are damaged (bad pages, a table or column missing), and the one
 * sentence that says so and what to do. */
gboolean _cd_sync_db_is_damage (sqlite3 *db,
                                int      rc);
void     _cd_sync_db_set_damaged_error (const char *path,
                                        const char *detail,
                                        GError    **error);

/* Records that @uuid's sync-state rows were written: the store announces
 * it (CD_STORE_CHANGE_SYNC_STATE) when the transaction commits, or at once
 * outside one. */
void _cd_sync_db_touched (CdSyncDb   *self,
                          const char *uuid);

G_END_DECLS
