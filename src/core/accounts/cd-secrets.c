/* cd-secrets.c: account passwords in the Secret Service.
 *
 * libsecret talks to the Secret Service (GNOME Keyring, KWallet) over the
 * session bus. When there is none, nothing is written anywhere else: the
 * caller gets CD_CMS_ERROR_NO_SECRET_SERVICE and must say so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-secrets"

#include "config.h"

#include "cd-cms.h"
#include "cd-secrets.h"

/**
 * cd_secrets_get_schema:
 *
 * Items carry the account's name, the site's address and the user name.
 *
 * Returns: (transfer none): the schema of Copydesk's account passwords
 */
const SecretSchema *
cd_secrets_get_schema (void)
{
  static const SecretSchema schema = {
    CD_SECRETS_SCHEMA_NAME,
    SECRET_SCHEMA_NONE,
    {
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
      },
  };

  return &schema;
}

static void
set_keyring_error (GError    **error,
                   const char *what,
                   const char *account,
                   GError     *cause)
{
  g_assert (what != NULL);
  g_assert (account != NULL);
  g_assert (cause != NULL);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }
  g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_NO_SECRET_SERVICE,
               "No keyring could %s the password of account “%s” (%s); start a Secret "
               "Service such as GNOME Keyring and try again.",
               what, account, cause->message);
  g_error_free (cause);
}

/**
 * cd_secrets_store:
 * @account: the account's name
 * @url: the site's address
 * @user: the user name on the site
 * @password: the application password
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Stores @password in the default keyring, replacing the account's earlier
 * one. Blocks on the session bus.
 *
 * Returns: %TRUE when stored
 */
gboolean
cd_secrets_store (const char   *account,
                  const char   *url,
                  const char   *user,
                  const char   *password,
                  GCancellable *cancellable,
                  GError      **error)
{
  g_autofree char *label = NULL;
  GError          *local_error = NULL;

  g_return_val_if_fail (account != NULL && url != NULL && user != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  label = g_strdup_printf ("Copydesk: %s (%s on %s)", account, user, url);
  if (!secret_password_store_sync (cd_secrets_get_schema (), SECRET_COLLECTION_DEFAULT, label,
                                   password, cancellable, &local_error,
                                   "account", account, "url", url, "user", user, NULL))
    {
      set_keyring_error (error, "keep", account, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_secrets_lookup:
 * @account: the account's name
 * @url: the site's address
 * @user: the user name on the site
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the password, to be freed with
 *   cd_secrets_free(); %NULL without an error when the keyring has none
 */
char *
cd_secrets_lookup (const char   *account,
                   const char   *url,
                   const char   *user,
                   GCancellable *cancellable,
                   GError      **error)
{
  GError *local_error = NULL;
  char   *password;

  g_return_val_if_fail (account != NULL && url != NULL && user != NULL, NULL);

  password = secret_password_lookup_nonpageable_sync (cd_secrets_get_schema (), cancellable,
                                                      &local_error, "account", account,
                                                      "url", url, "user", user, NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, "read", account, local_error);
      return NULL;
    }
  return password;
}

/**
 * cd_secrets_clear:
 * @account: the account's name
 * @url: the site's address
 * @user: the user name on the site
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Removes the account's password, if the keyring has one.
 *
 * Returns: %TRUE unless the keyring could not be reached
 */
gboolean
cd_secrets_clear (const char   *account,
                  const char   *url,
                  const char   *user,
                  GCancellable *cancellable,
                  GError      **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (account != NULL && url != NULL && user != NULL, FALSE);

  secret_password_clear_sync (cd_secrets_get_schema (), cancellable, &local_error,
                              "account", account, "url", url, "user", user, NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, "remove", account, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_secrets_free:
 * @password: (nullable): a password from cd_secrets_lookup()
 *
 * Frees the password from non-pageable memory, wiping it first.
 */
void
cd_secrets_free (char *password)
{
  secret_password_free (password);
}
