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

/* Records that @uuid's sync-state rows were written: the store announces
 * it (CD_STORE_CHANGE_SYNC_STATE) when the transaction commits, or at once
 * outside one. */
void _cd_sync_db_touched (CdSyncDb   *self,
                          const char *uuid);

G_END_DECLS
