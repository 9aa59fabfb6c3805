/* cd-account-table.h: the accounts table in the sync tables, as typed
 * calls. A row names a CMS account (kind, site address, user); the
 * password is never in it (see cd-secrets.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-sync-db.h"

G_BEGIN_DECLS

/* One row of the accounts table. */
typedef struct
{
  char  *name;
  char  *kind;
  char  *url;
  char  *user;
  gint64 created; /* Unix time */
} CdAccountRow;

CdAccountRow *cd_account_row_new (const char *name,
                                  const char *kind,
                                  const char *url,
                                  const char *user,
                                  gint64      created);
void          cd_account_row_free (CdAccountRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdAccountRow, cd_account_row_free)

GPtrArray    *cd_account_table_list (CdSyncDb *db,
                                     GError  **error);
CdAccountRow *cd_account_table_get (CdSyncDb   *db,
                                    const char *name,
                                    GError    **error);
gboolean      cd_account_table_put (CdSyncDb           *db,
                                    const CdAccountRow *row,
                                    GError            **error);
gboolean      cd_account_table_delete (CdSyncDb   *db,
                                       const char *name,
                                       gboolean   *found,
                                       GError    **error);

G_END_DECLS
