/* cd-sync-state.c: every article's sync state, computed once in core
 * from the sync tables and the store's outbox (see cd-sync-state.h for
 * the rules).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include <string.h>

#include "cd-article-json.h"
#include "cd-sync-db.h"
#include "cd-sync-state.h"
#include "cd-sync.h"

struct _CdSyncStatus
{
  gatomicrefcount   ref_count;
  char             *uuid;
  CdSyncStatusState state;
  char             *account;
  char             *message;
  char             *remote_id;
};

G_DEFINE_BOXED_TYPE (CdSyncStatus, cd_sync_status, cd_sync_status_ref, cd_sync_status_unref)

struct _CdSyncConflict
{
  gatomicrefcount ref_count;
  char           *uuid;
  char           *account;
  CdArticle      *base;
  CdArticle      *mine;
  CdArticle      *theirs;
};

G_DEFINE_BOXED_TYPE (CdSyncConflict, cd_sync_conflict, cd_sync_conflict_ref, cd_sync_conflict_unref)

static CdSyncStatus *
status_new (const char       *uuid,
            CdSyncStatusState state)
{
  CdSyncStatus *self = g_new0 (CdSyncStatus, 1);

  g_assert (uuid != NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->uuid = g_strdup (uuid);
  self->state = state;
  return self;
}

/**
 * cd_sync_status_ref:
 *
 * Returns: (transfer full): @self
 */
CdSyncStatus *
cd_sync_status_ref (CdSyncStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cd_sync_status_unref (CdSyncStatus *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->uuid);
  g_free (self->account);
  g_free (self->message);
  g_free (self->remote_id);
  g_free (self);
}

/**
 * cd_sync_status_get_uuid:
 *
 * Returns: (transfer none): the article's uuid
 */
const char *
cd_sync_status_get_uuid (CdSyncStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uuid;
}

/**
 * cd_sync_status_get_state:
 *
 * Returns: the state that needs the most attention
 */
CdSyncStatusState
cd_sync_status_get_state (CdSyncStatus *self)
{
  g_return_val_if_fail (self != NULL, CD_SYNC_STATUS_NONE);
  return self->state;
}

/**
 * cd_sync_status_get_account:
 *
 * Returns: (transfer none) (nullable): the account with that state: the
 *   one in conflict or in error; for one account's status, that account
 */
const char *
cd_sync_status_get_account (CdSyncStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->account;
}

/**
 * cd_sync_status_get_message:
 *
 * Returns: (transfer none) (nullable): the error in words, for
 *   %CD_SYNC_STATUS_ERROR only
 */
const char *
cd_sync_status_get_message (CdSyncStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->message;
}

/**
 * cd_sync_status_get_remote_id:
 *
 * Returns: (transfer none) (nullable): the post's id on the account of
 *   the status, when it has one
 */
const char *
cd_sync_status_get_remote_id (CdSyncStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->remote_id;
}

/**
 * cd_sync_status_state_to_string:
 *
 * Returns: (nullable): @state as the command line's JSON names it
 *   ("synced", "pending", "error", "conflict"), or %NULL for
 *   %CD_SYNC_STATUS_NONE
 */
const char *
cd_sync_status_state_to_string (CdSyncStatusState state)
{
  switch (state)
    {
    case CD_SYNC_STATUS_SYNCED:
      return "synced";
    case CD_SYNC_STATUS_QUEUED:
      return "pending";
    case CD_SYNC_STATUS_ERROR:
      return "error";
    case CD_SYNC_STATUS_CONFLICT:
      return "conflict";
    case CD_SYNC_STATUS_NONE:
    default:
      return NULL;
    }
}

/**
 * cd_sync_conflict_ref:
 *
 * Returns: (transfer full): @self
 */
CdSyncConflict *
cd_sync_conflict_ref (CdSyncConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cd_sync_conflict_unref (CdSyncConflict *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->uuid);
  g_free (self->account);
  g_clear_object (&self->base);
  g_clear_object (&self->mine);
  g_clear_object (&self->theirs);
  g_free (self);
}

/**
 * cd_sync_conflict_get_account:
 *
 * Returns: (transfer none): the account it conflicts with
 */
const char *
cd_sync_conflict_get_account (CdSyncConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->account;
}

/**
 * cd_sync_conflict_get_base:
 *
 * Returns: (transfer none): the article as both sides last agreed (an
 *   empty article when that was lost)
 */
CdArticle *
cd_sync_conflict_get_base (CdSyncConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->base;
}

/**
 * cd_sync_conflict_get_mine:
 *
 * Returns: (transfer none): the local article
 */
CdArticle *
cd_sync_conflict_get_mine (CdSyncConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->mine;
}

/**
 * cd_sync_conflict_get_theirs:
 *
 * Returns: (transfer none): the article as the server has it
 */
CdArticle *
cd_sync_conflict_get_theirs (CdSyncConflict *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->theirs;
}

/* The state of one account's row (or of no row at all). */
static CdSyncStatusState
state_of_row (CdSyncRow *row,
              gboolean   queued)
{
  if (row == NULL)
    return CD_SYNC_STATUS_QUEUED;
  switch (row->state)
    {
    case CD_SYNC_ROW_CONFLICT:
      return CD_SYNC_STATUS_CONFLICT;
    case CD_SYNC_ROW_ERROR:
      return CD_SYNC_STATUS_ERROR;
    case CD_SYNC_ROW_SYNCED:
      return row->dirty || queued ? CD_SYNC_STATUS_QUEUED : CD_SYNC_STATUS_SYNCED;
    case CD_SYNC_ROW_PENDING:
    default:
      return CD_SYNC_STATUS_QUEUED;
    }
}

static CdSyncStatus *
account_status (const char *uuid,
                const char *account,
                CdSyncRow  *row,
                gboolean    queued)
{
  CdSyncStatus *status = status_new (uuid, state_of_row (row, queued));

  g_assert (uuid != NULL);
  g_assert (account != NULL);

  status->account = g_strdup (account);
  status->remote_id = row != NULL ? g_strdup (row->remote_id) : NULL;
  if (status->state == CD_SYNC_STATUS_ERROR)
    status->message = g_strdup (row->error);
  return status;
}

/* Folds one account's status into the article's: the worse one wins, with
 * its account and message. */
static void
raise_status (CdSyncStatus *status,
              CdSyncStatus *account)
{
  g_assert (status != NULL);
  g_assert (account != NULL);

  if (account->state <= status->state)
    return;
  status->state = account->state;
  g_free (status->account);
  g_free (status->message);
  g_free (status->remote_id);
  status->account = g_strdup (account->account);
  status->message = g_strdup (account->message);
  status->remote_id = g_strdup (account->remote_id);
}

static int
compare_statuses (gconstpointer a,
                  gconstpointer b)
{
  const CdSyncStatus *sa = *(CdSyncStatus **) a;
  const CdSyncStatus *sb = *(CdSyncStatus **) b;

  return strcmp (sa->uuid, sb->uuid);
}

/**
 * cd_sync_list_statuses:
 * @store: the store
 * @n_accounts: (out) (optional): how many accounts there are
 * @error: return location for a #GError
 *
 * Reads the state of every article the sync tables or the outbox know, in
 * one read. An article missing from the list has never been queued: it is
 * %CD_SYNC_STATUS_QUEUED when there is an account, %CD_SYNC_STATUS_NONE
 * when there is none (then the list is empty).
 *
 * Returns: (transfer full) (element-type CdSyncStatus) (nullable): one
 *   status per article, sorted by uuid
 */
GPtrArray *
cd_sync_list_statuses (CdStore *store,
                       guint   *n_accounts,
                       GError **error)
{
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) outbox = NULL;
  g_autoptr (GHashTable) queued = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) statuses = NULL;
  guint i = 0;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);

  if ((db = cd_sync_db_open (store, error)) == NULL ||
      !cd_sync_db_read_states (db, &accounts, &rows, &outbox, error))
    return NULL;
  if (n_accounts != NULL)
    *n_accounts = accounts->len;
  statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_sync_status_unref);
  if (accounts->len == 0)
    return g_steal_pointer (&statuses);

  for (guint j = 0; j < outbox->len; j++)
    g_hash_table_add (queued, g_ptr_array_index (outbox, j));

  /* The rows come sorted by article, then account: walk each article's
   * rows against the sorted accounts, so an account without a row counts
   * as queued. */
  while (i < rows->len)
    {
      const char   *uuid = ((CdSyncRow *) g_ptr_array_index (rows, i))->uuid;
      gboolean      in_outbox = g_hash_table_contains (queued, uuid);
      CdSyncStatus *status = status_new (uuid, CD_SYNC_STATUS_NONE);

      for (guint a = 0; a < accounts->len; a++)
        {
          const char *account = g_ptr_array_index (accounts, a);
          CdSyncRow  *next = i < rows->len ? g_ptr_array_index (rows, i) : NULL;
          CdSyncRow  *row = NULL;
          g_autoptr (CdSyncStatus) one = NULL;

          if (next != NULL && g_str_equal (next->uuid, uuid) &&
              g_str_equal (next->account, account))
            row = g_ptr_array_index (rows, i++);
          one = account_status (uuid, account, row, in_outbox);
          raise_status (status, one);
        }
      g_ptr_array_add (statuses, status);
      g_hash_table_add (by_uuid, status->uuid);
    }

  for (guint j = 0; j < outbox->len; j++)
    {
      const char   *uuid = g_ptr_array_index (outbox, j);
      CdSyncStatus *status;

      if (g_hash_table_contains (by_uuid, uuid))
        continue;
      status = status_new (uuid, CD_SYNC_STATUS_QUEUED);
      g_ptr_array_add (statuses, status);
      g_hash_table_add (by_uuid, status->uuid);
    }
  g_ptr_array_sort (statuses, compare_statuses);
  return g_steal_pointer (&statuses);
}

/* Each account's status for @uuid, from an open @db. */
static GPtrArray *
list_account_statuses (CdStore    *store,
                       CdSyncDb   *db,
                       const char *uuid,
                       GError    **error)
{
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) statuses = NULL;
  gboolean queued;
  guint    r = 0;

  g_assert (CD_IS_STORE (store));
  g_assert (CD_IS_SYNC_DB (db));
  g_assert (uuid != NULL);

  if ((accounts = cd_sync_db_list_accounts (db, error)) == NULL ||
      (rows = cd_sync_db_list_rows (db, uuid, error)) == NULL)
    return NULL;
  queued = cd_store_outbox_get_queued_at (store, uuid) != 0;
  statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_sync_status_unref);
  for (guint a = 0; a < accounts->len; a++)
    {
      const char *account = g_ptr_array_index (accounts, a);
      CdSyncRow  *row = NULL;

      if (r < rows->len && g_str_equal (((CdSyncRow *) g_ptr_array_index (rows, r))->account,
                                        account))
        row = g_ptr_array_index (rows, r++);
      g_ptr_array_add (statuses, account_status (uuid, account, row, queued));
    }
  return g_steal_pointer (&statuses);
}

/**
 * cd_sync_list_account_statuses:
 * @store: the store
 * @uuid: an article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type CdSyncStatus) (nullable): the
 *   article's status with each account, sorted by account name
 */
GPtrArray *
cd_sync_list_account_statuses (CdStore    *store,
                               const char *uuid,
                               GError    **error)
{
  g_autoptr (CdSyncDb) db = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if ((db = cd_sync_db_open (store, error)) == NULL)
    return NULL;
  return list_account_statuses (store, db, uuid, error);
}

/**
 * cd_sync_get_status:
 * @store: the store
 * @uuid: an article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the article's state across accounts
 */
CdSyncStatus *
cd_sync_get_status (CdStore    *store,
                    const char *uuid,
                    GError    **error)
{
  g_autoptr (GPtrArray) accounts = NULL;
  CdSyncStatus *status;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if ((accounts = cd_sync_list_account_statuses (store, uuid, error)) == NULL)
    return NULL;
  status = status_new (uuid, CD_SYNC_STATUS_NONE);
  for (guint i = 0; i < accounts->len; i++)
    raise_status (status, g_ptr_array_index (accounts, i));
  return status;
}

/**
 * cd_sync_get_conflict:
 * @store: the store
 * @uuid: an article
 * @account: (nullable): the account it conflicts with, or %NULL for the
 *   first account (by name) it is in conflict with
 * @error: return location for a #GError
 *
 * Gives the conflict's account and three sides, for a side-by-side view.
 * Fails with %CD_SYNC_ERROR_NOT_IN_CONFLICT when there is no conflict.
 *
 * Returns: (transfer full) (nullable): the conflict
 */
CdSyncConflict *
cd_sync_get_conflict (CdStore    *store,
                      const char *uuid,
                      const char *account,
                      GError    **error)
{
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (CdSyncConflict) conflict = NULL;
  CdSyncRow *row = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if ((db = cd_sync_db_open (store, error)) == NULL ||
      (rows = cd_sync_db_list_rows (db, uuid, error)) == NULL)
    return NULL;
  for (guint i = 0; row == NULL && i < rows->len; i++)
    {
      CdSyncRow *candidate = g_ptr_array_index (rows, i);

      if (candidate->state == CD_SYNC_ROW_CONFLICT && candidate->theirs_json != NULL &&
          (account == NULL || g_strcmp0 (candidate->account, account) == 0))
        row = candidate;
    }
  if (row == NULL)
    {
      if (account != NULL)
        g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_IN_CONFLICT,
                     "Article %s has no conflict with %s to resolve.", uuid, account);
      else
        g_set_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_IN_CONFLICT,
                     "Article %s has no conflict to resolve.", uuid);
      return NULL;
    }

  conflict = g_new0 (CdSyncConflict, 1);
  g_atomic_ref_count_init (&conflict->ref_count);
  conflict->uuid = g_strdup (uuid);
  conflict->account = g_strdup (row->account);
  if ((conflict->mine = cd_store_get_article (store, uuid, error)) == NULL ||
      (conflict->theirs = cd_article_from_json (row->theirs_json, error)) == NULL)
    return NULL;
  conflict->base = row->base_json != NULL ? cd_article_from_json (row->base_json, NULL) : NULL;
  if (conflict->base == NULL)
    conflict->base = cd_article_new_with_uuid (uuid);
  return g_steal_pointer (&conflict);
}

/* The engine's and the command line's views ------------------------------ */

/**
 * cd_sync_engine_list_states:
 * @error: return location for an error
 *
 * The library's view of sync as text: for every article the sync tables or
 * the outbox know, the state that needs the most attention across accounts
 * ("conflict", then "error", "pending", "synced"), as
 * cd_sync_list_statuses() gives it.
 *
 * Returns: (transfer full) (element-type utf8 utf8) (nullable): uuid → state
 */
GHashTable *
cd_sync_engine_list_states (CdSyncEngine *self,
                            GError      **error)
{
  g_autoptr (GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) statuses = NULL;

  g_return_val_if_fail (CD_IS_SYNC_ENGINE (self), NULL);

  statuses = cd_sync_list_statuses (cd_sync_engine_get_store (self), NULL, error);
  if (statuses == NULL)
    return NULL;
  for (guint i = 0; i < statuses->len; i++)
    {
      CdSyncStatus *status = g_ptr_array_index (statuses, i);

      g_hash_table_insert (states, g_strdup (status->uuid),
                           (gpointer) cd_sync_status_state_to_string (status->state));
    }
  return g_steal_pointer (&states);
}

/**
 * cd_sync_describe_article:
 * @store: the store
 * @uuid: an article
 * @error: return location for an error
 *
 * The article's status with each account, for `show --json`.
 *
 * Returns: (transfer full) (nullable): one object per account: account,
 *   remote_id, state ("synced", "pending", "conflict", "error") and error
 *   (text or null)
 */
JsonArray *
cd_sync_describe_article (CdStore    *store,
                          const char *uuid,
                          GError    **error)
{
  g_autoptr (GPtrArray) statuses = NULL;
  g_autoptr (JsonArray) array = json_array_new ();

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if ((statuses = cd_sync_list_account_statuses (store, uuid, error)) == NULL)
    return NULL;
  for (guint i = 0; i < statuses->len; i++)
    {
      CdSyncStatus *status = g_ptr_array_index (statuses, i);
      g_autoptr (JsonObject) object = json_object_new ();

      json_object_set_string_member (object, "account", status->account);
      if (status->remote_id != NULL)
        json_object_set_string_member (object, "remote_id", status->remote_id);
      else
        json_object_set_null_member (object, "remote_id");
      json_object_set_string_member (object, "state",
                                     cd_sync_status_state_to_string (status->state));
      if (status->message != NULL)
        json_object_set_string_member (object, "error", status->message);
      else
        json_object_set_null_member (object, "error");
      json_array_add_object_element (array, g_steal_pointer (&object));
    }
  return g_steal_pointer (&array);
}
