/* cd-sync-result.c: what one sync did, article by article: pushed,
 * pulled, in conflict, failed, queued.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include "cd-sync-private.h"

struct _CdSyncResult
{
  gatomicrefcount ref_count;
  GPtrArray      *pushed;
  GPtrArray      *pulled;
  GPtrArray      *conflicts;
  GPtrArray      *errors;
  GPtrArray      *queued;
  GPtrArray      *staged;
};

G_DEFINE_BOXED_TYPE (CdSyncResult, cd_sync_result, cd_sync_result_ref, cd_sync_result_unref)

static void
sync_item_free (CdSyncItem *item)
{
  g_assert (item != NULL);

  g_free (item->uuid);
  g_free (item->account);
  g_free (item->message);
  g_free (item);
}

CdSyncResult *
_cd_sync_result_new (void)
{
  CdSyncResult *self = g_new0 (CdSyncResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->pushed = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  self->pulled = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  self->queued = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  self->staged = g_ptr_array_new_with_free_func ((GDestroyNotify) sync_item_free);
  return self;
}

/**
 * cd_sync_result_ref:
 *
 * Returns: (transfer full): @self
 */
CdSyncResult *
cd_sync_result_ref (CdSyncResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cd_sync_result_unref (CdSyncResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->pushed);
  g_ptr_array_unref (self->pulled);
  g_ptr_array_unref (self->conflicts);
  g_ptr_array_unref (self->errors);
  g_ptr_array_unref (self->queued);
  g_ptr_array_unref (self->staged);
  g_free (self);
}

/**
 * cd_sync_result_get_pushed:
 *
 * Returns: (transfer none) (element-type CdSyncItem): the articles created
 *   or updated on the server
 */
GPtrArray *
cd_sync_result_get_pushed (CdSyncResult *self)
{
  return self->pushed;
}

/**
 * cd_sync_result_get_pulled:
 *
 * Returns: (transfer none) (element-type CdSyncItem): the articles created
 *   or changed here from the server
 */
GPtrArray *
cd_sync_result_get_pulled (CdSyncResult *self)
{
  return self->pulled;
}

/**
 * cd_sync_result_get_conflicts:
 *
 * Returns: (transfer none) (element-type CdSyncItem): the articles changed
 *   on both sides in ways that do not merge, waiting for a person
 */
GPtrArray *
cd_sync_result_get_conflicts (CdSyncResult *self)
{
  return self->conflicts;
}

/**
 * cd_sync_result_get_errors:
 *
 * Returns: (transfer none) (element-type CdSyncItem): what failed, in words
 */
GPtrArray *
cd_sync_result_get_errors (CdSyncResult *self)
{
  return self->errors;
}

/**
 * cd_sync_result_get_staged:
 *
 * Returns: (transfer none) (element-type CdSyncItem): the live posts whose
 *   local edits wait, on purpose, for an explicit Update (they do not
 *   make a sync unclean)
 */
GPtrArray *
cd_sync_result_get_staged (CdSyncResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->staged;
}

/**
 * cd_sync_result_get_queued:
 *
 * Returns: (transfer none) (element-type CdSyncItem): the changes that wait
 *   for the network or for the next sync
 */
GPtrArray *
cd_sync_result_get_queued (CdSyncResult *self)
{
  return self->queued;
}

/**
 * cd_sync_result_is_clean:
 *
 * Returns: whether everything synced: no conflict, no error, nothing queued
 */
gboolean
cd_sync_result_is_clean (CdSyncResult *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->conflicts->len == 0 && self->errors->len == 0 && self->queued->len == 0;
}

static void
add_items_to_json (JsonBuilder *builder,
                   const char  *name,
                   GPtrArray   *items)
{
  g_assert (JSON_IS_BUILDER (builder));
  g_assert (name != NULL && items != NULL);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      CdSyncItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      if (item->uuid != NULL)
        json_builder_add_string_value (builder, item->uuid);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "account");
      json_builder_add_string_value (builder, item->account);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, item->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * cd_sync_result_to_json:
 *
 * Returns: (transfer full): an object with the arrays pushed, pulled,
 *   conflicts, errors and queued of {uuid, account, message} objects
 */
JsonNode *
cd_sync_result_to_json (CdSyncResult *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_items_to_json (builder, "pushed", self->pushed);
  add_items_to_json (builder, "pulled", self->pulled);
  add_items_to_json (builder, "conflicts", self->conflicts);
  add_items_to_json (builder, "errors", self->errors);
  add_items_to_json (builder, "queued", self->queued);
  add_items_to_json (builder, "staged", self->staged);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
_cd_sync_items_add (GPtrArray  *items,
                    const char *uuid,
                    const char *account,
                    const char *format,
                    ...)
{
  CdSyncItem *item = g_new0 (CdSyncItem, 1);
  va_list     args;

  g_assert (items != NULL);
  g_assert (account != NULL);

  item->uuid = g_strdup (uuid);
  item->account = g_strdup (account);
  va_start (args, format);
  item->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (items, item);
}

/* Sets *index_out to the first item about @uuid on @account. */
static gboolean
find_item (GPtrArray  *items,
           const char *uuid,
           const char *account,
           guint      *index_out)
{
  g_assert (items != NULL);
  g_assert (index_out != NULL);

  for (guint i = 0; i < items->len; i++)
    {
      CdSyncItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->uuid, uuid) == 0 && g_strcmp0 (item->account, account) == 0)
        {
          *index_out = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_cd_sync_items_has (GPtrArray  *items,
                    const char *uuid,
                    const char *account)
{
  guint index;

  return find_item (items, uuid, account, &index);
}

gboolean
_cd_sync_items_remove (GPtrArray  *items,
                       const char *uuid,
                       const char *account)
{
  guint index;

  if (!find_item (items, uuid, account, &index))
    return FALSE;
  g_ptr_array_remove_index (items, index);
  return TRUE;
}
