/* cd-sync-db.h: the sync layer's tables (accounts, per-article sync state)
 * in the store's SQLite file, through a connection of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "cd-store.h"

G_BEGIN_DECLS

#define CD_SYNC_DB_ERROR (cd_sync_db_error_quark ())

typedef enum
{
  CD_SYNC_DB_ERROR_FAILED,
  CD_SYNC_DB_ERROR_TOO_NEW, /* written by a newer Copydesk */
} CdSyncDbError;

#define CD_TYPE_SYNC_DB (cd_sync_db_get_type ())
G_DECLARE_FINAL_TYPE (CdSyncDb, cd_sync_db, CD, SYNC_DB, GObject)

GQuark cd_sync_db_error_quark (void);

CdSyncDb     *cd_sync_db_open (CdStore *store,
                               GError **error);
CdSyncDb     *cd_sync_db_open_path (const char *path,
                                    GError    **error);
const char   *cd_sync_db_get_path (CdSyncDb *self);
int           cd_sync_db_get_schema_version (CdSyncDb *self);
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

G_END_DECLS
