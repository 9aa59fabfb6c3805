/* cd-store-read-only.c: a store that cannot be written is still read.
 *
 * A data folder on a read-only mount, a file or folder without write
 * permission, or a disk with no space left must not cost a person their
 * articles: cd_store_open() then opens the file for reading only, every
 * write fails at once with one sentence (CD_STORE_ERROR_READ_ONLY) before
 * anything is touched, and the window and the command line say once that
 * the store is read-only while listing, showing and exporting go on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-store"

#include "config.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include "cd-store-private.h"

/* Below this much free space the disk counts as full: SQLite needs room
 * for the log and its index before it can commit anything. */
#define FULL_DISK_BYTES (256 * 1024)

/* Whether an SQLite result code means the file cannot be written (as
 * opposed to being damaged or locked), so that reading it may still work. */
gboolean
_cd_store_is_write_failure (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return TRUE;
    default:
      return FALSE;
    }
}

static int
open_uri (const char *path,
          const char *query,
          sqlite3   **db)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *full = NULL;
  int              rc;

  g_assert (db != NULL && *db == NULL);

  if (uri == NULL)
    return SQLITE_CANTOPEN;
  full = g_strconcat (uri, "?", query, NULL);
  rc = sqlite3_open_v2 (full, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                        NULL);
  /* Opening is lazy: the first read is what finds out whether the file,
   * its write-ahead log and the log's index can be read. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (*db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_clear_pointer (db, sqlite3_close_v2);
  return rc;
}

/* Opens @path for reading only. mode=ro comes first because it still sees
 * the write-ahead log of a window that has the store open. Where the log's
 * index cannot be made (a read-only folder without one) or grown (a full
 * disk), immutable=1 reads the main file alone; with nobody else writing,
 * it holds every commit, since the last connection to close folded the log
 * into it. */
int
_cd_store_open_read_only (const char *path,
                          sqlite3   **db)
{
  int rc;

  g_assert (path != NULL);
  g_assert (db != NULL);

  rc = open_uri (path, "mode=ro", db);
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_NOTADB && (rc & 0xff) != SQLITE_CORRUPT)
    rc = open_uri (path, "immutable=1", db);
  if (rc == SQLITE_OK)
    sqlite3_exec (*db, "PRAGMA query_only = 1", NULL, NULL, NULL);
  return rc;
}

/* Tells a full disk from a store that cannot be written at all, for the
 * one sentence the person reads. */
void
_cd_store_read_only_detect (CdStore *self)
{
  g_autofree char *dir = NULL;
  struct statvfs   fs;

  g_assert (CD_IS_STORE (self));

  dir = g_path_get_dirname (self->path);
  self->read_only = TRUE;
  self->disk_full = FALSE;
  if (statvfs (dir, &fs) != 0 || (fs.f_flag & ST_RDONLY) != 0 || access (dir, W_OK) != 0 ||
      access (self->path, W_OK) != 0)
    return;
  self->disk_full = (guint64) fs.f_bavail * fs.f_frsize < FULL_DISK_BYTES;
}

void
_cd_store_set_read_only_error (CdStore *self,
                               GError **error)
{
  g_assert (CD_IS_STORE (self));

  if (self->disk_full)
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_READ_ONLY,
                 "Nothing was changed: the disk holding the store “%s” is full; free some "
                 "space and try again.",
                 self->path);
  else
    g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_READ_ONLY,
                 "Nothing was changed: the store “%s” is read-only because its file, folder "
                 "or disk cannot be written.",
                 self->path);
}

/**
 * cd_store_is_read_only:
 *
 * Returns: %TRUE when the store was opened for reading only, because its
 *   file, folder or disk cannot be written or the disk is full; every
 *   write then fails with %CD_STORE_ERROR_READ_ONLY
 */
gboolean
cd_store_is_read_only (CdStore *self)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);

  return self->read_only;
}

/**
 * cd_store_describe_read_only:
 *
 * Returns: (transfer full) (nullable): one sentence saying that the store
 *   is open for reading only, why, and what still works; %NULL when it can
 *   be written
 */
char *
cd_store_describe_read_only (CdStore *self)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);

  if (!self->read_only)
    return NULL;
  if (self->disk_full)
    return g_strdup_printf ("The disk holding “%s” is full, so Copydesk opened it read-only: "
                            "you can read, copy and export articles, and nothing is saved "
                            "until there is free space again.",
                            self->path);
  return g_strdup_printf ("The store “%s” cannot be written, so Copydesk opened it read-only: "
                          "you can read, copy and export articles, but not change them.",
                          self->path);
}

/**
 * cd_store_check_writable:
 * @error: return location for a %CD_STORE_ERROR_READ_ONLY error
 *
 * Lets work that writes in several steps (a sync, a publish) refuse at the
 * start rather than fail half-way, when the store is read-only.
 *
 * Returns: %TRUE when the store can be written
 */
gboolean
cd_store_check_writable (CdStore *self,
                         GError **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->read_only)
    return TRUE;
  _cd_store_set_read_only_error (self, error);
  return FALSE;
}
