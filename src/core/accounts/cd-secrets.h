/* cd-secrets.h: account passwords in the Secret Service (libsecret), and
 * nowhere else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

#define CD_SECRETS_SCHEMA_NAME "io.github.copydesk.Copydesk.Account"

const SecretSchema *cd_secrets_get_schema (void);

gboolean cd_secrets_store (const char   *account,
                           const char   *url,
                           const char   *user,
                           const char   *password,
                           GCancellable *cancellable,
                           GError      **error);
char    *cd_secrets_lookup (const char   *account,
                            const char   *url,
                            const char   *user,
                            GCancellable *cancellable,
                            GError      **error);
gboolean cd_secrets_clear (const char   *account,
                           const char   *url,
                           const char   *user,
                           GCancellable *cancellable,
                           GError      **error);
void     cd_secrets_free (char *password);

G_END_DECLS
