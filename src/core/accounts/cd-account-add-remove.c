/* cd-account-add-remove.c: adding and removing an account, for the command
 * line and the Accounts page alike.
 *
 * An account is two things kept in two places: its row in the accounts
 * table and its password in the keyring. Adding one checks the password
 * with the site first (a wrong one must leave no trace), then stores the
 * password, then writes the row; removing one takes the password out,
 * then the row. When a later step fails, the earlier ones are undone, so
 * that a row never points at a password that is not there and no password
 * is left behind for an account that is not there.
 *
 * The site, the keyring and the table are reached with blocking calls, run
 * one after the other in one worker thread (g_task_run_in_thread), on a
 * connection to the sync tables of the worker's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-account"

#include "config.h"

#include "cd-account.h"
#include "cd-http-client.h"
#include "cd-secrets.h"

typedef struct
{
  CdAccount *account;
  char      *db_path;
  char      *password; /* wiped when freed */
  char      *display_name;
  gboolean   replaced;
} AddData;

static void
add_data_free (AddData *data)
{
  g_assert (data != NULL);

  g_clear_object (&data->account);
  g_free (data->db_path);
  cd_http_clear_secret (&data->password);
  g_free (data->display_name);
  g_free (data);
}

typedef struct
{
  char *db_path;
  char *name;
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_assert (data != NULL);

  g_free (data->db_path);
  g_free (data->name);
  g_free (data);
}

/* Undo of a step that succeeded, after a later one failed: the caller
 * reports the later failure, so one of these can only be logged. */
static void
warn_undo_failed (const char *what,
                  CdAccount  *account,
                  GError     *error)
{
  g_assert (what != NULL);
  g_assert (CD_IS_ACCOUNT (account));

  if (error != NULL)
    g_warning ("Could not %s for account “%s” after a failed step: %s", what,
               cd_account_get_name (account), error->message);
}

/* The keyring holds the password under the account's name, address and
 * user, so a new address or user is a new item. */
static gboolean
same_keyring_item (CdAccount *a,
                   CdAccount *b)
{
  g_assert (CD_IS_ACCOUNT (a));
  g_assert (CD_IS_ACCOUNT (b));

  return g_str_equal (cd_account_get_name (a), cd_account_get_name (b)) &&
         g_str_equal (cd_account_get_url (a), cd_account_get_url (b)) &&
         g_str_equal (cd_account_get_user (a), cd_account_get_user (b));
}

/* Keeps @password in the keyring as @account's, under its name, address
 * and user. */
static gboolean
store_password (CdAccount  *account,
                const char *password,
                GError    **error)
{
  g_assert (CD_IS_ACCOUNT (account));
  g_assert (password != NULL);

  return cd_secrets_store (cd_account_get_name (account), cd_account_get_url (account),
                           cd_account_get_user (account), password, NULL, error);
}

/* Takes @account's password out of the keyring, if it holds one. */
static gboolean
clear_password (CdAccount *account,
                GError   **error)
{
  g_assert (CD_IS_ACCOUNT (account));

  return cd_secrets_clear (cd_account_get_name (account), cd_account_get_url (account),
                           cd_account_get_user (account), NULL, error);
}

/* Asks the site whether it takes the password. A reporter on a train adds
 * the account all the same: a site that cannot be reached (no network, no
 * answer) does not stop it. The account is kept unchecked, with an empty
 * display name, and the first sync that reaches the site checks the
 * password. A site that answers and refuses does stop it. */
static gboolean
check_with_site (AddData      *data,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr (CdCms) cms = NULL;
  GError *local_error = NULL;

  g_assert (data != NULL);

  cms = cd_account_create_cms (data->account, data->password);
  data->display_name = cd_cms_verify (cms, cancellable, &local_error);
  if (data->display_name == NULL && cd_cms_error_is_offline (local_error))
    {
      g_clear_error (&local_error);
      data->display_name = g_strdup ("");
    }
  if (data->display_name == NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* The steps once the site has been asked, top to bottom. */
static gboolean
add_steps (AddData      *data,
           GCancellable *cancellable,
           GError      **error)
{
  CdAccount  *account;
  const char *name;
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdAccount) previous = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GError) undo_error = NULL;
  char    *old_password = NULL;
  gboolean same_item;

  g_assert (data != NULL);
  g_assert (CD_IS_ACCOUNT (data->account));

  account = data->account;
  name = cd_account_get_name (account);
  if ((db = cd_sync_db_open_path (data->db_path, error)) == NULL)
    return FALSE;

  /* Re-adding an account under a new address or user replaces its old
   * password too; under the same ones, the old password is kept aside to
   * be put back should the row not be written. */
  previous = cd_account_load (db, name, &local_error);
  if (previous == NULL &&
      !g_error_matches (local_error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  same_item = previous != NULL && same_keyring_item (previous, account);
  if (same_item)
    {
      old_password = cd_account_lookup_password (previous, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  /* Past this point the steps run to the end, or are undone: a cancel
   * between them would leave half an account. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !store_password (account, data->password, error))
    {
      cd_secrets_free (old_password);
      return FALSE;
    }

  if (!cd_account_save (account, db, error))
    {
      if (old_password != NULL)
        store_password (account, old_password, &undo_error);
      else
        clear_password (account, &undo_error);
      warn_undo_failed ("restore the keyring", account, undo_error);
      cd_secrets_free (old_password);
      return FALSE;
    }
  cd_secrets_free (old_password);

  if (previous != NULL && !same_item && !clear_password (previous, &undo_error))
    warn_undo_failed ("remove the password of the old address", account, undo_error);

  data->replaced = previous != NULL;
  return TRUE;
}

static gboolean
remove_steps (RemoveData   *data,
              GCancellable *cancellable,
              GError      **error)
{
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (GError) undo_error = NULL;
  char *old_password;

  g_assert (data != NULL);
  g_assert (data->name != NULL);

  if ((db = cd_sync_db_open_path (data->db_path, error)) == NULL ||
      (account = cd_account_load (db, data->name, error)) == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The password first: a row without one is harmless, the reverse is
   * not. It is read first so that it can go back should the row stay; a
   * keyring that cannot be read fails the removal just below, in the
   * words of the removal. */
  old_password = cd_account_lookup_password (account, NULL, NULL);
  if (!clear_password (account, error))
    {
      cd_secrets_free (old_password);
      return FALSE;
    }
  if (!cd_account_delete (db, data->name, error))
    {
      if (old_password != NULL && !store_password (account, old_password, &undo_error))
        warn_undo_failed ("put the password back", account, undo_error);
      cd_secrets_free (old_password);
      return FALSE;
    }
  cd_secrets_free (old_password);
  return TRUE;
}

/* The worker of both operations: its steps, top to bottom. */
static void
steps_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError  *error = NULL;
  gboolean done;

  g_assert (G_IS_TASK (task));
  g_assert (task_data != NULL);

  if (g_task_get_source_tag (task) == cd_account_add_async)
    done = check_with_site (task_data, cancellable, &error) &&
           add_steps (task_data, cancellable, &error);
  else
    done = remove_steps (task_data, cancellable, &error);
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cd_account_add_async:
 * @self: a #CdAccount, from cd_account_new()
 * @db: the sync tables
 * @password: the account's application password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the account is added, or could not be
 * @user_data: data for @callback
 *
 * Adds @self, or replaces the account of the same name: refuses a site
 * over plain http that is not on this machine (cd_account_check_secure())
 * and an account whose login another one already has (see
 * cd_account_check_unique(), run on @db before anything else); then, in a
 * worker thread, checks @password with the site (a site that cannot be
 * reached leaves it to the first sync that reaches it), keeps @password in
 * the keyring and writes the row. Nothing is kept when the site refuses
 * the password; when the row cannot be written, the keyring is put back
 * as it was. Once the row is written, the password kept for the account's
 * earlier address or user, if any, goes.
 *
 * @password is copied (and wiped when done with); @db is used only before
 * this returns.
 */
void
cd_account_add_async (CdAccount          *self,
                      CdSyncDb           *db,
                      const char         *password,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  GError  *error = NULL;
  AddData *data;

  g_return_if_fail (CD_IS_ACCOUNT (self));
  g_return_if_fail (CD_IS_SYNC_DB (db));
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_account_add_async);
  data = g_new0 (AddData, 1);
  data->account = g_object_ref (self);
  data->db_path = g_strdup (cd_sync_db_get_path (db));
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  if (*password == '\0')
    {
      g_task_return_new_error (task, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID,
                               "Account “%s” needs an application password.",
                               cd_account_get_name (self));
      return;
    }
  /* Before asking the site anything: the check itself sends the password,
   * and a second account for the same login would pull every post twice. */
  if (!cd_account_check_secure (self, &error) || !cd_account_check_unique (self, db, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, steps_thread);
}

/**
 * cd_account_add_finish:
 * @self: a #CdAccount
 * @result: the #GAsyncResult
 * @replaced: (out) (optional): whether an account of the same name was
 *   there before and has been replaced
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the user's display name on the
 *   site, empty when the site could not be reached to check the password;
 *   %NULL with %CD_ACCOUNT_ERROR_DUPLICATE, %CD_CMS_ERROR_AUTH,
 *   %CD_CMS_ERROR_NO_SECRET_SERVICE, a %CD_SYNC_DB_ERROR and the like
 */
char *
cd_account_add_finish (CdAccount    *self,
                       GAsyncResult *result,
                       gboolean     *replaced,
                       GError      **error)
{
  AddData *data;

  g_return_val_if_fail (CD_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_account_add_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  if (replaced != NULL)
    *replaced = data->replaced;
  return g_strdup (data->display_name);
}

/**
 * cd_account_remove_async:
 * @db: the sync tables
 * @name: the account's name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the account is gone, or could not go
 * @user_data: data for @callback
 *
 * Removes the account's password from the keyring, then its row, in a
 * worker thread. When the row cannot be removed, the password is put back.
 * @db is used only before this returns.
 */
void
cd_account_remove_async (CdSyncDb           *db,
                         const char         *name,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  RemoveData *data;

  g_return_if_fail (CD_IS_SYNC_DB (db));
  g_return_if_fail (name != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_account_remove_async);
  data = g_new0 (RemoveData, 1);
  data->db_path = g_strdup (cd_sync_db_get_path (db));
  data->name = g_strdup (name);
  g_task_set_task_data (task, data, (GDestroyNotify) remove_data_free);
  g_task_run_in_thread (task, steps_thread);
}

/**
 * cd_account_remove_finish:
 * @db: the sync tables given to cd_account_remove_async()
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the account and its password are gone; otherwise
 *   %FALSE with %CD_ACCOUNT_ERROR_NOT_FOUND, %CD_CMS_ERROR_NO_SECRET_SERVICE,
 *   a %CD_SYNC_DB_ERROR and the like
 */
gboolean
cd_account_remove_finish (CdSyncDb     *db,
                          GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (db), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_account_remove_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
