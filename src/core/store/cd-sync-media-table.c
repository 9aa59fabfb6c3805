/* cd-sync-media-table.c: the images each account's site has (sync_media):
 * an image's content hash to the site's media id and the address the site
 * serves it from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync-db"

#include "config.h"

#include "cd-sync-db-private.h"

#define MEDIA_COLUMNS "account, image_id, media_id, source_url"

/**
 * cd_sync_media_free:
 * @media: (nullable): a #CdSyncMedia
 */
void
cd_sync_media_free (CdSyncMedia *media)
{
  if (media == NULL)
    return;
  g_free (media->account);
  g_free (media->image_id);
  g_free (media->media_id);
  g_free (media->source_url);
  g_free (media);
}

static CdSyncMedia *
media_from_stmt (sqlite3_stmt *stmt)
{
  CdSyncMedia *media = g_new0 (CdSyncMedia, 1);

  g_assert (stmt != NULL);

  media->account = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  media->image_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  media->media_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  media->source_url = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  return media;
}

/* The rows of a query of MEDIA_COLUMNS. */
static const CdSyncDbRows media_rows = {
  (gpointer (*) (sqlite3_stmt *)) media_from_stmt,
  (GDestroyNotify) cd_sync_media_free,
  "read the uploaded images",
};

static CdSyncMedia *
first_media (GPtrArray *rows)
{
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

/**
 * cd_sync_db_load_media:
 * @account: the account
 * @image_id: an image's content hash
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what @account's site has of the
 *   image, or %NULL (with @error unset when it has nothing on record)
 */
CdSyncMedia *
cd_sync_db_load_media (CdSyncDb   *self,
                       const char *account,
                       const char *image_id,
                       GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);
  g_return_val_if_fail (account != NULL && image_id != NULL, NULL);

  rows = _cd_sync_db_query (self, &media_rows,
                            "SELECT " MEDIA_COLUMNS " FROM sync_media WHERE account = ? AND image_id = ?",
                            account, image_id, error);
  return first_media (rows);
}

/**
 * cd_sync_db_find_media:
 * @account: the account
 * @media_id: the site's id of a media item
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the image uploaded as @media_id, or
 *   %NULL (with @error unset when no image of this store is that item)
 */
CdSyncMedia *
cd_sync_db_find_media (CdSyncDb   *self,
                       const char *account,
                       const char *media_id,
                       GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);
  g_return_val_if_fail (account != NULL && media_id != NULL, NULL);

  rows = _cd_sync_db_query (self, &media_rows,
                            "SELECT " MEDIA_COLUMNS " FROM sync_media WHERE account = ? AND media_id = ?"
                            " ORDER BY image_id",
                            account, media_id, error);
  return first_media (rows);
}

/**
 * cd_sync_db_list_media:
 * @image_id: an image's content hash
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type CdSyncMedia) (nullable): what each
 *   account's site has of the image, sorted by account
 */
GPtrArray *
cd_sync_db_list_media (CdSyncDb   *self,
                       const char *image_id,
                       GError    **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), NULL);
  g_return_val_if_fail (image_id != NULL, NULL);

  return _cd_sync_db_query (self, &media_rows,
                            "SELECT " MEDIA_COLUMNS " FROM sync_media WHERE image_id = ? ORDER BY account",
                            image_id, NULL, error);
}

/**
 * cd_sync_db_save_media:
 * @media: the image on an account's site
 * @error: return location for a #GError
 *
 * Records (or replaces) what @media->account's site has of the image.
 *
 * Returns: %TRUE when recorded
 */
gboolean
cd_sync_db_save_media (CdSyncDb          *self,
                       const CdSyncMedia *media,
                       GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);
  g_return_val_if_fail (media != NULL && media->account != NULL && media->image_id != NULL &&
                            media->media_id != NULL,
                        FALSE);

  stmt = cd_sync_db_prepare (self,
                             "INSERT INTO sync_media (" MEDIA_COLUMNS ", uploaded)"
                             " VALUES (?, ?, ?, ?, ?)"
                             " ON CONFLICT (account, image_id) DO UPDATE SET"
                             " media_id = excluded.media_id, source_url = excluded.source_url,"
                             " uploaded = excluded.uploaded",
                             error);
  if (stmt == NULL)
    return FALSE;
  _cd_sync_db_bind_text (stmt, 1, media->account);
  _cd_sync_db_bind_text (stmt, 2, media->image_id);
  _cd_sync_db_bind_text (stmt, 3, media->media_id);
  _cd_sync_db_bind_text (stmt, 4, media->source_url);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  return _cd_sync_db_step_done (self, stmt, "record an uploaded image", error);
}

/**
 * cd_sync_db_delete_media:
 * @account: the account
 * @image_id: an image's content hash
 * @error: return location for a #GError
 *
 * Forgets what @account's site had of the image (its media item was
 * deleted there).
 *
 * Returns: %TRUE when done
 */
gboolean
cd_sync_db_delete_media (CdSyncDb   *self,
                         const char *account,
                         const char *image_id,
                         GError    **error)
{
  g_return_val_if_fail (CD_IS_SYNC_DB (self), FALSE);
  g_return_val_if_fail (account != NULL && image_id != NULL, FALSE);

  return _cd_sync_db_run (self, "DELETE FROM sync_media WHERE account = ? AND image_id = ?",
                          account, image_id, "forget an uploaded image", error);
}
