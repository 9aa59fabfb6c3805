/* cd-account.c: a CMS account: its fields, checked and tidied, its row in
 * the accounts table (through cd-account-table.h: no SQL here), its
 * password in the keyring and a client for its site. Adding and removing
 * one, with the keyring and the row together, is in cd-account-add-remove.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-account"

#include "config.h"

#include <string.h>

#include "cd-account-table.h"
#include "cd-account.h"
#include "cd-secrets.h"
#include "cd-sync-db-private.h"
#include "cd-wordpress.h"

struct _CdAccount
{
  GObject parent_instance;

  char      *name;
  char      *kind;
  char      *url;
  char      *user;
  GDateTime *created;
};

G_DEFINE_FINAL_TYPE (CdAccount, cd_account, G_TYPE_OBJECT)

G_DEFINE_QUARK (CdAccountError, cd_account_error)

static void
cd_account_finalize (GObject *object)
{
  CdAccount *self = CD_ACCOUNT (object);

  g_free (self->name);
  g_free (self->kind);
  g_free (self->url);
  g_free (self->user);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (cd_account_parent_class)->finalize (object);
}

static void
cd_account_class_init (CdAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_account_finalize;
}

static void
cd_account_init (CdAccount *self)
{
}

/**
 * cd_account_normalize_url:
 * @url: a site's address as a person typed it
 * @error: return location for a #GError
 *
 * Accepts http and https addresses of a site (a path is kept, for sites in
 * a subdirectory); refuses credentials, queries and fragments in the
 * address. Lowers the case of the scheme and host, and drops the trailing
 * slash and a trailing /wp-json (the REST API's address, which people copy
 * from the site's settings).
 *
 * Returns: (transfer full) (nullable): the address, or %NULL
 */
char *
cd_account_normalize_url (const char *url,
                          GError    **error)
{
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GUri) bare = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  char            *text;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &parse_error);
  if (uri == NULL)
    {
      g_set_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID,
                   "“%s” is not a web address; give one like https://news.example.org.", url);
      return NULL;
    }
  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  if ((!g_str_equal (scheme, "http") && !g_str_equal (scheme, "https")) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID,
                   "“%s” is not an http or https address of a site.", url);
      return NULL;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      /* Never echo the address back: it may hold a password. */
      g_set_error_literal (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID,
                           "The site's address must not contain a user name or password; "
                           "give the user with --user and the password on standard input.");
      return NULL;
    }
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID,
                   "“%s” has a query or fragment; give the site's own address.", url);
      return NULL;
    }

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  bare = g_uri_build (G_URI_FLAGS_NONE, scheme, NULL, host, g_uri_get_port (uri),
                      g_uri_get_path (uri), NULL, NULL);
  text = g_uri_to_string (bare);
  cd_wordpress_trim_site_url (text);
  return text;
}

static gboolean
is_valid_name (const char *name)
{
  g_assert (name != NULL);

  if (*name == '\0' || strlen (name) > 64 || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == '/')
        return FALSE;
    }
  return TRUE;
}

/**
 * cd_account_new:
 * @name: a short name for the account, without spaces
 * @kind: %CD_ACCOUNT_KIND_WORDPRESS
 * @url: the site's address
 * @user: the user name on the site
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the account, or %NULL when a field
 *   is not valid
 */
CdAccount *
cd_account_new (const char *name,
                const char *kind,
                const char *url,
                const char *user,
                GError    **error)
{
  g_autoptr (CdAccount) self = NULL;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (name != NULL && kind != NULL && url != NULL && user != NULL, NULL);

  if (!is_valid_name (name))
    {
      g_set_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID,
                   "“%s” cannot name an account: use up to 64 characters without spaces "
                   "or slashes.",
                   name);
      return NULL;
    }
  if (!g_str_equal (kind, CD_ACCOUNT_KIND_WORDPRESS))
    {
      g_set_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID,
                   "Accounts of kind “%s” are not supported; use “wordpress”.", kind);
      return NULL;
    }
  if (*user == '\0' || !g_utf8_validate (user, -1, NULL) || strchr (user, ':') != NULL)
    {
      g_set_error_literal (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INVALID,
                           "The user name must be a WordPress login name, without a colon.");
      return NULL;
    }
  normalized = cd_account_normalize_url (url, error);
  if (normalized == NULL)
    return NULL;

  self = g_object_new (CD_TYPE_ACCOUNT, NULL);
  self->name = g_strdup (name);
  self->kind = g_strdup (kind);
  self->url = g_steal_pointer (&normalized);
  self->user = g_strdup (user);
  self->created = g_date_time_new_now_utc ();
  return g_steal_pointer (&self);
}

/**
 * cd_account_get_name:
 * @self: a #CdAccount
 *
 * Returns: (transfer none): the account's name
 */
const char *
cd_account_get_name (CdAccount *self)
{
  g_return_val_if_fail (CD_IS_ACCOUNT (self), NULL);

  return self->name;
}

/**
 * cd_account_get_kind:
 * @self: a #CdAccount
 *
 * Returns: (transfer none): the CMS kind, e.g. "wordpress"
 */
const char *
cd_account_get_kind (CdAccount *self)
{
  g_return_val_if_fail (CD_IS_ACCOUNT (self), NULL);

  return self->kind;
}

/**
 * cd_account_get_url:
 * @self: a #CdAccount
 *
 * Returns: (transfer none): the site's address, without a trailing slash
 */
const char *
cd_account_get_url (CdAccount *self)
{
  g_return_val_if_fail (CD_IS_ACCOUNT (self), NULL);

  return self->url;
}

/**
 * cd_account_get_user:
 * @self: a #CdAccount
 *
 * Returns: (transfer none): the user name on the site
 */
const char *
cd_account_get_user (CdAccount *self)
{
  g_return_val_if_fail (CD_IS_ACCOUNT (self), NULL);

  return self->user;
}

/**
 * cd_account_get_created:
 * @self: a #CdAccount
 *
 * Returns: (transfer none): when the account was added
 */
GDateTime *
cd_account_get_created (CdAccount *self)
{
  g_return_val_if_fail (CD_IS_ACCOUNT (self), NULL);

  return self->created;
}

static gboolean
same_login (CdAccount *a,
            CdAccount *b)
{
  g_autofree char *url_a = NULL;
  g_autofree char *url_b = NULL;
  g_autofree char *user_a = NULL;
  g_autofree char *user_b = NULL;

  g_assert (CD_IS_ACCOUNT (a));
  g_assert (CD_IS_ACCOUNT (b));

  url_a = cd_account_normalize_url (a->url, NULL);
  url_b = cd_account_normalize_url (b->url, NULL);
  user_a = g_utf8_casefold (a->user, -1);
  user_b = g_utf8_casefold (b->user, -1);
  return g_strcmp0 (url_a != NULL ? url_a : a->url, url_b != NULL ? url_b : b->url) == 0 &&
         g_str_equal (user_a, user_b);
}

/**
 * cd_account_check_secure:
 * @self: a #CdAccount
 * @error: return location for a #GError
 *
 * An account's password goes to its site on every request, so a site
 * reached over plain http must be on this machine (a local test site);
 * anywhere else the password would cross the network in clear text.
 *
 * Returns: %TRUE when the password would travel safely to @self's site;
 *   otherwise %FALSE with %CD_ACCOUNT_ERROR_INSECURE
 */
gboolean
cd_account_check_secure (CdAccount *self,
                         GError   **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (CD_IS_ACCOUNT (self), FALSE);

  if (cd_http_check_secure_url (self->url, &local_error))
    return TRUE;
  g_set_error_literal (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_INSECURE, local_error->message);
  return FALSE;
}

/**
 * cd_account_check_unique:
 * @self: a #CdAccount
 * @db: the sync tables
 * @error: return location for a #GError
 *
 * Two accounts for the same user on the same site would pull every post
 * twice, so an account of another name with the same site address and the
 * same user (in any case, as WordPress compares logins) is refused.
 *
 * Returns: %TRUE when no other account has @self's site and user;
 *   otherwise %FALSE with %CD_ACCOUNT_ERROR_DUPLICATE
 */
gboolean
cd_account_check_unique (CdAccount *self,
                         CdSyncDb  *db,
                         GError   **error)
{
  g_autoptr (GPtrArray) accounts = NULL;

  g_return_val_if_fail (CD_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (CD_IS_SYNC_DB (db), FALSE);

  if ((accounts = cd_account_list (db, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      CdAccount *other = accounts->pdata[i];

      if (!g_str_equal (other->name, self->name) && same_login (self, other))
        {
          g_set_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_DUPLICATE,
                       "Account “%s” already signs in as %s on %s; use that account "
                       "rather than adding a second one.",
                       other->name, other->user, other->url);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * cd_account_save:
 * @self: a #CdAccount
 * @db: the sync tables
 * @error: return location for a #GError
 *
 * Adds the account's row, or replaces the one of the same name. Refuses
 * one that another account already covers (see cd_account_check_unique()).
 * The password is not touched: cd_account_add_async() keeps both.
 *
 * Returns: %TRUE when saved
 */
gboolean
cd_account_save (CdAccount *self,
                 CdSyncDb  *db,
                 GError   **error)
{
  g_autoptr (CdAccountRow) row = NULL;

  g_return_val_if_fail (CD_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (CD_IS_SYNC_DB (db), FALSE);

  if (!cd_account_check_unique (self, db, error))
    return FALSE;
  row = cd_account_row_new (self->name, self->kind, self->url, self->user,
                            g_date_time_to_unix (self->created));
  return cd_account_table_put (db, row, error);
}

static CdAccount *
account_from_row (const CdAccountRow *row)
{
  CdAccount *self;

  g_assert (row != NULL);

  self = g_object_new (CD_TYPE_ACCOUNT, NULL);
  self->name = g_strdup (row->name);
  self->kind = g_strdup (row->kind);
  self->url = g_strdup (row->url);
  self->user = g_strdup (row->user);
  self->created = g_date_time_new_from_unix_utc (row->created);
  return self;
}

/**
 * cd_account_load:
 * @db: the sync tables
 * @name: the account's name
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the account, or %NULL with
 *   %CD_ACCOUNT_ERROR_NOT_FOUND
 */
CdAccount *
cd_account_load (CdSyncDb   *db,
                 const char *name,
                 GError    **error)
{
  g_autoptr (CdAccountRow) row = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (CD_IS_SYNC_DB (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  row = cd_account_table_get (db, name, &local_error);
  if (row != NULL)
    return account_from_row (row);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_NOT_FOUND,
                 "There is no account named “%s”; add it with “copydesk account add”.", name);
  return NULL;
}

/**
 * cd_account_list:
 * @db: the sync tables
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type CdAccount) (nullable): every
 *   account, by name
 */
GPtrArray *
cd_account_list (CdSyncDb *db,
                 GError  **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *accounts;

  g_return_val_if_fail (CD_IS_SYNC_DB (db), NULL);

  if ((rows = cd_account_table_list (db, error)) == NULL)
    return NULL;
  accounts = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (accounts, account_from_row (g_ptr_array_index (rows, i)));
  return accounts;
}

/**
 * cd_account_delete:
 * @db: the sync tables
 * @name: the account's name
 * @error: return location for a #GError
 *
 * Removes the account's row (not its password: cd_account_remove_async()
 * removes both).
 *
 * Returns: %TRUE when removed; %CD_ACCOUNT_ERROR_NOT_FOUND when there was none
 */
gboolean
cd_account_delete (CdSyncDb   *db,
                   const char *name,
                   GError    **error)
{
  gboolean found = FALSE;

  g_return_val_if_fail (CD_IS_SYNC_DB (db), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!cd_account_table_delete (db, name, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, CD_ACCOUNT_ERROR, CD_ACCOUNT_ERROR_NOT_FOUND,
                   "There is no account named “%s”.", name);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_account_lookup_password:
 * @self: a #CdAccount
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the account's password from the Secret Service. Blocks on the
 * session bus: call it from a worker thread in the window.
 *
 * Returns: (transfer full) (nullable): the password, to be freed with
 *   cd_secrets_free(); %NULL without an error when the keyring has none
 */
char *
cd_account_lookup_password (CdAccount    *self,
                            GCancellable *cancellable,
                            GError      **error)
{
  g_return_val_if_fail (CD_IS_ACCOUNT (self), NULL);

  return cd_secrets_lookup (self->name, self->url, self->user, cancellable, error);
}

/**
 * cd_account_create_cms:
 * @self: a #CdAccount
 * @password: the account's password
 *
 * Returns: (transfer full): a client for the account's site
 */
CdCms *
cd_account_create_cms (CdAccount  *self,
                       const char *password)
{
  g_return_val_if_fail (CD_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (password != NULL, NULL);

  /* Only WordPress exists so far; cd_account_new() refuses other kinds. */
  return CD_CMS (cd_wordpress_new (self->url, self->user, password));
}

/**
 * cd_account_connect:
 * @self: a #CdAccount
 * @remedy: what the person is to do when the keyring holds no password,
 *   as in "add the account again with its application password"
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the account's password from the Secret Service and makes a client
 * for the account's site with it. Blocks on the session bus: call it from
 * a worker thread in the window.
 *
 * Returns: (transfer full) (nullable): the client, or %NULL with @error
 *   set (%CD_CMS_ERROR_AUTH, ending in @remedy, when the keyring holds no
 *   password)
 */
CdCms *
cd_account_connect (CdAccount    *self,
                    const char   *remedy,
                    GCancellable *cancellable,
                    GError      **error)
{
  GError *local_error = NULL;
  char   *password;
  CdCms  *cms;

  g_return_val_if_fail (CD_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (remedy != NULL, NULL);

  password = cd_account_lookup_password (self, cancellable, &local_error);
  if (password == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH,
                     "The keyring holds no password for account “%s”; %s.", self->name, remedy);
      return NULL;
    }
  cms = cd_account_create_cms (self, password);
  cd_secrets_free (password);
  return cms;
}

/* "Test connection", top to bottom: the password from the keyring, then
 * the site's answer. */
static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CdAccount *self = source_object;
  g_autoptr (CdCms) cms = NULL;
  GError *error = NULL;
  char   *name;

  g_assert (G_IS_TASK (task));
  g_assert (CD_IS_ACCOUNT (self));

  cms = cd_account_connect (self, "add the account again with its application password",
                            cancellable, &error);
  if (cms == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  name = cd_cms_verify (cms, cancellable, &error);
  if (name == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, name, g_free);
}

/**
 * cd_account_verify_async:
 * @self: a #CdAccount
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the site has answered
 * @user_data: data for @callback
 *
 * "Test connection": reads the password from the keyring and checks it
 * against the site, in a worker thread, without blocking the caller.
 */
void
cd_account_verify_async (CdAccount          *self,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CD_IS_ACCOUNT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_account_verify_async);
  g_task_run_in_thread (task, verify_thread);
}

/**
 * cd_account_verify_finish:
 * @self: a #CdAccount
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the user's display name on the
 *   site, or %NULL with %CD_CMS_ERROR_AUTH, %CD_CMS_ERROR_NO_SECRET_SERVICE,
 *   %CD_CMS_ERROR_OFFLINE and the like
 */
char *
cd_account_verify_finish (CdAccount    *self,
                          GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
