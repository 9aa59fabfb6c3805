/* cd-account.h: an account on a CMS (name, kind, address, user), kept in
 * the sync tables, with its password in the keyring (cd-secrets.h), never
 * in the tables. cd_account_add_async() and cd_account_remove_async() keep
 * the two together; the command line and the Accounts page both use them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-cms.h"
#include "cd-sync-db.h"

G_BEGIN_DECLS

#define CD_ACCOUNT_ERROR (cd_account_error_quark ())

typedef enum
{
  CD_ACCOUNT_ERROR_FAILED,
  CD_ACCOUNT_ERROR_INVALID, /* a bad name, address, user or kind */
  CD_ACCOUNT_ERROR_NOT_FOUND,
  CD_ACCOUNT_ERROR_DUPLICATE, /* another account has the same site and user */
  CD_ACCOUNT_ERROR_INSECURE,  /* plain http to a site not on this machine */
} CdAccountError;

#define CD_ACCOUNT_KIND_WORDPRESS "wordpress"

#define CD_TYPE_ACCOUNT (cd_account_get_type ())
G_DECLARE_FINAL_TYPE (CdAccount, cd_account, CD, ACCOUNT, GObject)

GQuark cd_account_error_quark (void);

CdAccount  *cd_account_new (const char *name,
                            const char *kind,
                            const char *url,
                            const char *user,
                            GError    **error);
const char *cd_account_get_name (CdAccount *self);
const char *cd_account_get_kind (CdAccount *self);
const char *cd_account_get_url (CdAccount *self);
const char *cd_account_get_user (CdAccount *self);
GDateTime  *cd_account_get_created (CdAccount *self);

char *cd_account_normalize_url (const char *url,
                                GError    **error);

gboolean   cd_account_check_secure (CdAccount *self,
                                    GError   **error);
gboolean   cd_account_check_unique (CdAccount *self,
                                    CdSyncDb  *db,
                                    GError   **error);
gboolean   cd_account_save (CdAccount *self,
                            CdSyncDb  *db,
                            GError   **error);
CdAccount *cd_account_load (CdSyncDb   *db,
                            const char *name,
                            GError    **error);
GPtrArray *cd_account_list (CdSyncDb *db,
                            GError  **error);
gboolean   cd_account_delete (CdSyncDb   *db,
                              const char *name,
                              GError    **error);

void     cd_account_add_async (CdAccount          *self,
                               CdSyncDb           *db,
                               const char         *password,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data);
char    *cd_account_add_finish (CdAccount    *self,
                                GAsyncResult *result,
                                gboolean     *replaced,
                                GError      **error);
void     cd_account_remove_async (CdSyncDb           *db,
                                  const char         *name,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data);
gboolean cd_account_remove_finish (CdSyncDb     *db,
                                   GAsyncResult *result,
                                   GError      **error);

char  *cd_account_lookup_password (CdAccount    *self,
                                   GCancellable *cancellable,
                                   GError      **error);
CdCms *cd_account_create_cms (CdAccount  *self,
                              const char *password);
CdCms *cd_account_connect (CdAccount    *self,
                           const char   *remedy,
                           GCancellable *cancellable,
                           GError      **error);

void  cd_account_verify_async (CdAccount          *self,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data);
char *cd_account_verify_finish (CdAccount    *self,
                                GAsyncResult *result,
                                GError      **error);

G_END_DECLS
