/* cd-window-session.c: which article was open, and where its cursor was.
 *
 * A small key file beside the database, so that after a crash (or any
 * restart) the window reopens where the person was. It is written off the
 * main thread after each autosave and whenever the open article changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include "cd-window-private.h"

#define SESSION_GROUP "session"
#define CURSOR_GROUP "cursors"

static char *
session_path (CdWindow *self)
{
  g_autofree char *dir = NULL;

  g_assert (CD_IS_WINDOW (self));

  dir = g_path_get_dirname (cd_store_get_path (self->store));
  return g_build_filename (dir, "session.ini", NULL);
}

/* Writes the session file off the main thread; each write replaces the
 * whole small file atomically. */
void
_cd_window_save_session (CdWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  char *data;

  g_assert (CD_IS_WINDOW (self));

  if (self->document != NULL)
    {
      CdArticle *article = cd_document_get_article (self->document);

      g_key_file_set_string (self->session, SESSION_GROUP, "article",
                             cd_article_get_uuid (article));
      g_key_file_set_integer (self->session, CURSOR_GROUP, cd_article_get_uuid (article),
                              cd_editor_get_cursor_offset (self->editor));
    }
  else
    g_key_file_remove_key (self->session, SESSION_GROUP, "article", NULL);

  path = session_path (self);
  file = g_file_new_for_path (path);
  data = g_key_file_to_data (self->session, &length, NULL);
  bytes = g_bytes_new_take (data, length);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                       NULL);
}

void
_cd_window_load_session (CdWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_WINDOW (self));

  path = session_path (self);
  if (!g_key_file_load_from_file (self->session, path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Could not read the session file %s: %s", path, error->message);
}

/* Where the cursor was left in @uuid, or -1 (the end of the body) for an
 * article not opened before. */
int
_cd_window_get_saved_cursor (CdWindow   *self,
                             const char *uuid)
{
  g_assert (CD_IS_WINDOW (self));
  g_assert (uuid != NULL);

  if (!g_key_file_has_key (self->session, CURSOR_GROUP, uuid, NULL))
    return -1;
  return g_key_file_get_integer (self->session, CURSOR_GROUP, uuid, NULL);
}

/**
 * cd_window_restore_session:
 *
 * Opens the article that was open when the app last stopped, however it
 * stopped.
 *
 * Returns: %TRUE when an article was reopened
 */
gboolean
cd_window_restore_session (CdWindow *self)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (CD_IS_WINDOW (self), FALSE);

  uuid = g_key_file_get_string (self->session, SESSION_GROUP, "article", NULL);
  if (uuid == NULL || !cd_store_has_article (self->store, uuid) ||
      cd_store_is_trashed (self->store, uuid))
    return FALSE;
  return cd_window_open_article (self, uuid, NULL);
}
