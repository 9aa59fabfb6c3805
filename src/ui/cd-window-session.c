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

#include <glib/gstdio.h>
#include <sys/stat.h>

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

static char *
session_data (CdWindow *self,
              gsize    *length)
{
  g_assert (CD_IS_WINDOW (self));
  g_assert (length != NULL);

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
  return g_key_file_to_data (self->session, length, NULL);
}

/* Writes land in the order they were asked for. Each state gets a number
 * when it is taken; a write that finds a newer state already written (the
 * one written at closing, while an older write still waited for its
 * thread) writes nothing, so it can neither put an older state back nor
 * touch the folder after the window is gone. */
static GMutex  session_lock;
static guint64 session_taken;   /* the last state's number, main thread */
static guint64 session_written; /* the newest state written, under the lock */

static gboolean
write_state (const char *path,
             GBytes     *bytes,
             guint64     number,
             GError    **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&session_lock);
  gsize       length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert (path != NULL);

  if (number < session_written)
    return TRUE;
  session_written = number;
  return g_file_set_contents (path, data, length, error);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  guint64     number = *(guint64 *) g_object_get_data (G_OBJECT (task), "number");
  GError     *error = NULL;

  g_assert (G_IS_TASK (task));

  if (!write_state (path, task_data, number, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void write_session_async (CdWindow *self,
                                 GBytes   *bytes);

static void
weak_ref_free (GWeakRef *ref)
{
  g_assert (ref != NULL);

  g_weak_ref_clear (ref);
  g_free (ref);
}

/* A full disk is already said in the window, where the article's save
 * failed; the session (where the cursor was) is not worth a second alarm. */
static void
report_write_error (const GError *error)
{
  g_assert (error != NULL);

  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
    g_debug ("Could not write the session file: %s", error->message);
  else
    g_warning ("Could not write the session file: %s", error->message);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr (CdWindow) self = g_weak_ref_get (data);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pending = NULL;

  g_assert (G_IS_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    report_write_error (error);
  if (self == NULL)
    return;
  self->session_writing = FALSE;
  if ((pending = g_steal_pointer (&self->session_pending)) != NULL)
    write_session_async (self, pending);
}

/* One write at a time, the newest state last: a state asked to be saved
 * while a write runs is written after it, so an older state never lands
 * over a newer one. The state is taken when asked for, not when written.
 * The task holds the window weakly: its last reference may drop on the
 * worker thread, where a window must never be finalized. */
static void
write_session_async (CdWindow *self,
                     GBytes   *bytes)
{
  g_autoptr (GTask) task = NULL;
  GWeakRef *ref;

  g_assert (CD_IS_WINDOW (self));
  g_assert (bytes != NULL);

  /* The session file lives beside the store, which cannot be written; a
   * closing window has written its last state and leaves no thread behind
   * to touch the folder once it is gone. */
  if (cd_store_is_read_only (self->store) || self->session_final)
    return;
  if (self->session_writing)
    {
      g_clear_pointer (&self->session_pending, g_bytes_unref);
      self->session_pending = g_bytes_ref (bytes);
      return;
    }
  self->session_writing = TRUE;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, NULL, write_done_cb, ref);
  g_task_set_source_tag (task, write_session_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "path", session_path (self), g_free);
  g_object_set_data_full (G_OBJECT (task), "number", g_memdup2 (&(guint64){ ++session_taken }, sizeof (guint64)), g_free);
  g_object_set_data_full (G_OBJECT (task), "window", ref, (GDestroyNotify) weak_ref_free);
  g_task_run_in_thread (task, write_thread);
}

/* Writes the session file off the main thread; each write replaces the
 * whole small file atomically. */
void
_cd_window_save_session (CdWindow *self)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  char *data;

  g_assert (CD_IS_WINDOW (self));

  data = session_data (self, &length);
  bytes = g_bytes_new_take (data, length);
  write_session_async (self, bytes);
}

/* At closing and quitting the file is written before returning, so the
 * next start finds exactly where the person was. */
void
_cd_window_save_session_now (CdWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  char *data;

  g_assert (CD_IS_WINDOW (self));

  if (cd_store_is_read_only (self->store))
    return;
  path = session_path (self);
  data = session_data (self, &length);
  bytes = g_bytes_new_take (data, length);
  /* A write still running holds an older state: it will find this one
   * written and leave it, and nothing waits to be written after it. */
  g_clear_pointer (&self->session_pending, g_bytes_unref);
  if (!write_state (path, bytes, ++session_taken, &error))
    report_write_error (error);
}

/* Earlier versions wrote the session through GFile's replace, which leaves
 * an empty `.goutputstream-XXXXXX` beside the database when the process
 * ends in the middle of it; they are removed when a window opens. */
static void
remove_stale_temporaries (const char *dir)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert (dir != NULL);

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf         st;

      if (!g_str_has_prefix (name, ".goutputstream-"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
        g_unlink (path);
    }
}

void
_cd_window_load_session (CdWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_WINDOW (self));

  path = session_path (self);
  {
    g_autofree char *dir = g_path_get_dirname (path);

    remove_stale_temporaries (dir);
  }
  if (!g_key_file_load_from_file (self->session, path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Could not read the session file %s: %s", path, error->message);
}

/* Where the cursor was left in @uuid. An article not opened here before
 * opens at the end of its body, where its writer goes on, unless it came
 * from elsewhere (an import, a pulled post) and nobody has edited it yet:
 * that one is read first, from the top. */
int
_cd_window_get_saved_cursor (CdWindow   *self,
                             const char *uuid)
{
  g_assert (CD_IS_WINDOW (self));
  g_assert (uuid != NULL);

  if (!g_key_file_has_key (self->session, CURSOR_GROUP, uuid, NULL))
    {
      g_autoptr (GPtrArray) revisions = cd_store_list_revisions (self->store, uuid, NULL);
      CdRevisionReason reason = CD_REVISION_NONE;

      if (revisions != NULL && revisions->len > 0)
        reason = cd_revision_get_reason (g_ptr_array_index (revisions, 0));
      return reason == CD_REVISION_IMPORTED || reason == CD_REVISION_PULLED ? 0 : -1;
    }
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
