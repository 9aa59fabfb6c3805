/* cd-check-runner.c: when the checks run on the open article, off the main
 * thread, and what they found.
 *
 * The runner checks a copy of the article in a worker thread a short pause
 * after the last edit, so typing never waits for them, and throws away a
 * result when the text changed while it was made. While a run is going a
 * new edit only marks that another run is due: runs never pile up. The
 * text comes from the attached widgets (a text buffer for the body, entries
 * for the other fields), which may be ahead of the article. What the person
 * does about a finding (apply its fix, ignore it, add a word to the list)
 * goes through here too, since it changes what the next run finds. The
 * lists themselves are files in the data dir; when one changes (in
 * Preferences, in another window, by hand) the runner reads them again and
 * checks once more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check-runner"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cd-check-runner.h"
#include "cd-ui-util.h"

typedef struct
{
  char    *field;
  GObject *object; /* a GtkTextBuffer or a GtkEditable, weak */
  gulong   changed_id;
} Attachment;

struct _CdCheckRunner
{
  GObject parent_instance;

  CdChecker    *checker;
  CdStore      *store;
  CdArticle    *article;
  gulong        notify_id;
  GHashTable   *attachments; /* field → Attachment */
  GPtrArray    *findings;    /* CdFinding, of the last run that counts */
  GCancellable *cancellable;
  guint         timeout_id;
  GFileMonitor *lists_monitor; /* the data dir's checks/ folder */
  guint         reload_id;
  guint         generation; /* bumped by every edit */
  guint         running : 1;
  guint         rerun : 1;
};

G_DEFINE_FINAL_TYPE (CdCheckRunner, cd_check_runner, G_TYPE_OBJECT)

enum
{
  FINDINGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_check (CdCheckRunner *self);

static void
attachment_free (gpointer data)
{
  Attachment *attachment = data;

  g_assert (attachment != NULL);

  if (attachment->object != NULL)
    {
      g_clear_signal_handler (&attachment->changed_id, attachment->object);
      g_object_remove_weak_pointer (attachment->object, (gpointer *) &attachment->object);
    }
  g_free (attachment->field);
  g_free (attachment);
}

static char *
attachment_get_text (Attachment *attachment)
{
  g_assert (attachment != NULL);
  g_assert (attachment->object != NULL);

  if (GTK_IS_TEXT_BUFFER (attachment->object))
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (attachment->object), &start, &end);
      return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (attachment->object), &start, &end,
                                       TRUE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (attachment->object)));
}

static void
set_findings (CdCheckRunner *self,
              GPtrArray     *findings)
{
  g_assert (CD_IS_CHECK_RUNNER (self));
  g_assert (findings != NULL);

  g_ptr_array_unref (self->findings);
  self->findings = g_ptr_array_ref (findings);
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
}

/* A copy of the article with the attached widgets' text, which may be ahead
 * of the article when a widget writes to it only from time to time. */
static CdArticle *
snapshot (CdCheckRunner *self)
{
  CdArticle     *copy = cd_article_copy (self->article);
  GHashTableIter iter;
  gpointer       value;

  g_assert (CD_IS_CHECK_RUNNER (self));

  g_hash_table_iter_init (&iter, self->attachments);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Attachment      *attachment = value;
      g_autofree char *text = NULL;

      if (attachment->object == NULL)
        continue;
      text = attachment_get_text (attachment);
      cd_article_set_field (copy, attachment->field, text, NULL);
    }
  return copy;
}

typedef struct
{
  CdCheckRunner *self;
  guint          generation;
} RunData;

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  RunData       *data = user_data;
  CdCheckRunner *self = data->self;
  guint          generation = data->generation;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_CHECKER (source));
  g_assert (G_IS_ASYNC_RESULT (result));

  g_free (data);
  findings = cd_checker_run_finish (CD_CHECKER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->running = FALSE;
  if (findings == NULL)
    {
      g_warning ("The checks failed: %s", error->message);
      return;
    }
  g_debug ("The checks found %u findings (edit %u, now %u)", findings->len, generation,
           self->generation);
  /* Offsets are only good for the text they were made from. */
  if (generation == self->generation && self->article != NULL)
    set_findings (self, findings);
  if (self->rerun)
    {
      self->rerun = FALSE;
      start_check (self);
    }
}

static void
start_check (CdCheckRunner *self)
{
  g_autoptr (CdArticle) copy = NULL;
  RunData *data;

  g_assert (CD_IS_CHECK_RUNNER (self));

  if (self->article == NULL)
    return;
  if (self->running)
    {
      self->rerun = TRUE;
      return;
    }
  copy = snapshot (self);
  g_debug ("Checking the article (edit %u)", self->generation);
  data = g_new0 (RunData, 1);
  data->self = self;
  data->generation = self->generation;
  self->running = TRUE;
  cd_checker_run_async (self->checker, copy, self->cancellable, run_cb, data);
}

static gboolean
timeout_cb (gpointer user_data)
{
  CdCheckRunner *self = user_data;

  g_assert (CD_IS_CHECK_RUNNER (self));

  self->timeout_id = 0;
  start_check (self);
  return G_SOURCE_REMOVE;
}

static void
cd_check_runner_dispose (GObject *object)
{
  CdCheckRunner *self = CD_CHECK_RUNNER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->lists_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->lists_monitor, self);
      g_file_monitor_cancel (self->lists_monitor);
      g_clear_object (&self->lists_monitor);
    }
  g_clear_signal_handler (&self->notify_id, self->article);
  g_clear_object (&self->article);
  g_clear_object (&self->store);
  g_hash_table_remove_all (self->attachments);

  G_OBJECT_CLASS (cd_check_runner_parent_class)->dispose (object);
}

static void
cd_check_runner_finalize (GObject *object)
{
  CdCheckRunner *self = CD_CHECK_RUNNER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->checker);
  g_clear_pointer (&self->attachments, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (cd_check_runner_parent_class)->finalize (object);
}

static void
cd_check_runner_class_init (CdCheckRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_check_runner_dispose;
  object_class->finalize = cd_check_runner_finalize;

  /**
   * CdCheckRunner::findings-changed:
   *
   * A run finished on the current text, or findings were dropped; the
   * findings are cd_check_runner_get_findings().
   */
  signals[FINDINGS_CHANGED] =
      g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cd_check_runner_init (CdCheckRunner *self)
{
  self->cancellable = g_cancellable_new ();
  self->checker = cd_checker_new ();
  /* Enchant's own suggestions cost tens of milliseconds a word; while the
   * person types, the ones a single edit away are enough. */
  cd_checker_set_thorough_suggestions (self->checker, FALSE);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_finding_free);
  self->attachments = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, attachment_free);
}

/**
 * cd_check_runner_new:
 *
 * Returns: (transfer full): a new runner with no article, and a checker
 *   of its own made for checking while the person types
 */
CdCheckRunner *
cd_check_runner_new (void)
{
  return g_object_new (CD_TYPE_CHECK_RUNNER, NULL);
}

/**
 * cd_check_runner_get_checker:
 *
 * Returns: (transfer none): the checker, for binding its settings
 */
CdChecker *
cd_check_runner_get_checker (CdCheckRunner *self)
{
  g_return_val_if_fail (CD_IS_CHECK_RUNNER (self), NULL);
  return self->checker;
}

/**
 * cd_check_runner_set_store:
 * @store: (nullable): the store the article lives in; the word list and
 *   the ignored findings are kept in its folder
 *
 * Returns: %FALSE if the word list or the ignored findings could not be
 *   read; the store is taken all the same
 */
static gboolean
reload_lists_cb (gpointer data)
{
  CdCheckRunner *self = CD_CHECK_RUNNER (data);
  g_autoptr (GError) error = NULL;
  const char *dir;

  g_assert (CD_IS_CHECK_RUNNER (self));

  self->reload_id = 0;
  g_debug ("Reading the lists again");
  if ((dir = cd_checker_get_data_dir (self->checker)) == NULL)
    return G_SOURCE_REMOVE;
  /* A list that does not read keeps the rest; Preferences says why. */
  if (!cd_checker_load_data_dir (self->checker, dir, &error))
    g_warning ("%s", error->message);
  cd_check_runner_queue (self);
  return G_SOURCE_REMOVE;
}

static void
lists_changed_cb (GFileMonitor     *monitor,
                  GFile            *file,
                  GFile            *other,
                  GFileMonitorEvent event,
                  gpointer          data)
{
  CdCheckRunner *self = CD_CHECK_RUNNER (data);

  g_assert (CD_IS_CHECK_RUNNER (self));

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || self->reload_id != 0)
    return;
  self->reload_id = g_idle_add (reload_lists_cb, self);
}

static void
watch_lists (CdCheckRunner *self,
             const char    *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "checks", NULL);
  g_autoptr (GFile) folder = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_CHECK_RUNNER (self));

  if (self->lists_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->lists_monitor, self);
      g_file_monitor_cancel (self->lists_monitor);
      g_clear_object (&self->lists_monitor);
    }
  /* Watching a folder is surer than waiting for it to appear; a read-only
   * data dir has no lists to change anyway. */
  g_mkdir_with_parents (path, 0700);
  self->lists_monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->lists_monitor == NULL)
    {
      g_debug ("Lists changed elsewhere are not seen: %s", error->message);
      return;
    }
  g_signal_connect (self->lists_monitor, "changed", G_CALLBACK (lists_changed_cb), self);
}

gboolean
cd_check_runner_set_store (CdCheckRunner *self,
                           CdStore       *store,
                           GError       **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (CD_IS_CHECK_RUNNER (self), FALSE);
  g_return_val_if_fail (store == NULL || CD_IS_STORE (store), FALSE);

  if (!g_set_object (&self->store, store))
    return TRUE;
  cd_checker_set_store_images (self->checker, store);
  if (store == NULL)
    return TRUE;
  dir = g_path_get_dirname (cd_store_get_path (store));
  watch_lists (self, dir);
  return cd_checker_load_data_dir (self->checker, dir, error);
}

/**
 * cd_check_runner_set_article:
 * @article: (nullable): the article to check, or %NULL for none
 *
 * Drops the findings at once, so nothing of the last article stays on
 * screen, and checks @article after the usual pause.
 */
void
cd_check_runner_set_article (CdCheckRunner *self,
                             CdArticle     *article)
{
  g_autoptr (GPtrArray) none = NULL;

  g_return_if_fail (CD_IS_CHECK_RUNNER (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (!_cd_follow_object ((gpointer *) &self->article, &self->notify_id, article, "notify",
                          G_CALLBACK (cd_check_runner_queue), self))
    return;

  none = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_finding_free);
  set_findings (self, none);
  cd_check_runner_queue (self);
}

/**
 * cd_check_runner_get_article:
 *
 * Returns: (transfer none) (nullable): the article being checked
 */
CdArticle *
cd_check_runner_get_article (CdCheckRunner *self)
{
  g_return_val_if_fail (CD_IS_CHECK_RUNNER (self), NULL);
  return self->article;
}

/**
 * cd_check_runner_attach:
 * @field: the field @object edits, as a rule's findings name it ("body",
 *   "headline", …)
 * @object: a #GtkTextBuffer or a #GtkEditable, held weakly
 *
 * Checks @object's text, ahead of the article's, and checks again when it
 * changes.
 */
void
cd_check_runner_attach (CdCheckRunner *self,
                        const char    *field,
                        GObject       *object)
{
  Attachment *attachment;

  g_return_if_fail (CD_IS_CHECK_RUNNER (self));
  g_return_if_fail (field != NULL);
  g_return_if_fail (GTK_IS_TEXT_BUFFER (object) || GTK_IS_EDITABLE (object));

  attachment = g_new0 (Attachment, 1);
  attachment->field = g_strdup (field);
  attachment->object = object;
  g_object_add_weak_pointer (object, (gpointer *) &attachment->object);
  attachment->changed_id = g_signal_connect_swapped (object, "changed",
                                                     G_CALLBACK (cd_check_runner_queue), self);
  g_hash_table_replace (self->attachments, attachment->field, attachment);
  cd_check_runner_queue (self);
}

/**
 * cd_check_runner_lookup:
 *
 * Returns: (transfer none) (nullable): the buffer or editable attached
 *   for @field, if it is still alive
 */
GObject *
cd_check_runner_lookup (CdCheckRunner *self,
                        const char    *field)
{
  Attachment *attachment;

  g_return_val_if_fail (CD_IS_CHECK_RUNNER (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  attachment = g_hash_table_lookup (self->attachments, field);
  return attachment != NULL ? attachment->object : NULL;
}

/**
 * cd_check_runner_foreach_attachment:
 * @func: (scope call): called with each live attachment
 */
void
cd_check_runner_foreach_attachment (CdCheckRunner    *self,
                                    CdCheckRunnerFunc func,
                                    gpointer          user_data)
{
  GHashTableIter iter;
  gpointer       value;

  g_return_if_fail (CD_IS_CHECK_RUNNER (self));
  g_return_if_fail (func != NULL);

  g_hash_table_iter_init (&iter, self->attachments);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Attachment *attachment = value;

      if (attachment->object != NULL)
        func (attachment->field, attachment->object, user_data);
    }
}

/**
 * cd_check_runner_queue:
 *
 * Runs the checks again after the usual pause, as after an edit; the
 * result of a run already going is dropped.
 */
void
cd_check_runner_queue (CdCheckRunner *self)
{
  g_return_if_fail (CD_IS_CHECK_RUNNER (self));

  self->generation++;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->article != NULL)
    self->timeout_id = g_timeout_add (CD_CHECK_RUNNER_DELAY_MS, timeout_cb, self);
}

/**
 * cd_check_runner_get_findings:
 *
 * Returns: (transfer none) (element-type CdFinding): the findings of the
 *   last run on the current text
 */
GPtrArray *
cd_check_runner_get_findings (CdCheckRunner *self)
{
  g_return_val_if_fail (CD_IS_CHECK_RUNNER (self), NULL);
  return self->findings;
}

/* Replaces [start, end) of a buffer when it still holds @expected, as one
 * user action so that undo takes it back. */
static gboolean
replace_in_buffer (GtkTextBuffer   *buffer,
                   const CdFinding *f)
{
  GtkTextIter      start, end;
  g_autofree char *current = NULL;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (f != NULL);

  gtk_text_buffer_get_iter_at_offset (buffer, &start, f->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, f->end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (!g_str_equal (current, f->text))
    return FALSE;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, f->suggestion, -1);
  gtk_text_buffer_end_user_action (buffer);
  return TRUE;
}

static gboolean
replace_in_editable (GtkEditable     *editable,
                     const CdFinding *f)
{
  g_autofree char *current = NULL;
  int              position = f->start;

  g_assert (GTK_IS_EDITABLE (editable));
  g_assert (f != NULL);

  current = gtk_editable_get_chars (editable, f->start, f->end);
  if (!g_str_equal (current, f->text))
    return FALSE;
  gtk_editable_delete_text (editable, f->start, f->end);
  gtk_editable_insert_text (editable, f->suggestion, -1, &position);
  return TRUE;
}

static gboolean
replace_in_article (CdArticle       *article,
                    const CdFinding *f)
{
  g_autofree char *value = cd_article_get_field (article, f->field);
  g_autoptr (GString) changed = NULL;
  const char *start, *end;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (f != NULL);

  if (value == NULL || (glong) f->end > g_utf8_strlen (value, -1))
    return FALSE;
  start = g_utf8_offset_to_pointer (value, f->start);
  end = g_utf8_offset_to_pointer (value, f->end);
  if (strncmp (start, f->text, end - start) != 0)
    return FALSE;
  changed = g_string_new_len (value, start - value);
  g_string_append (changed, f->suggestion);
  g_string_append (changed, end);
  cd_article_set_field (article, f->field, changed->str, NULL);
  return TRUE;
}

/**
 * cd_check_runner_apply:
 *
 * Replaces the finding's text with its suggestion, in the attached widget
 * when there is one (so that undo works), else in the article.
 *
 * Returns: %FALSE when the text has changed since the finding was made
 */
gboolean
cd_check_runner_apply (CdCheckRunner   *self,
                       const CdFinding *finding)
{
  g_autoptr (CdFinding) f = NULL;
  GObject *object;
  gboolean applied;

  g_return_val_if_fail (CD_IS_CHECK_RUNNER (self), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  if (finding->suggestion == NULL || self->article == NULL)
    return FALSE;
  /* The finding may be one of ours, which the edit below replaces. */
  f = cd_finding_copy (finding);
  object = cd_check_runner_lookup (self, f->field);
  if (GTK_IS_TEXT_BUFFER (object))
    applied = replace_in_buffer (GTK_TEXT_BUFFER (object), f);
  else if (object != NULL)
    applied = replace_in_editable (GTK_EDITABLE (object), f);
  else
    applied = replace_in_article (self->article, f);
  if (applied)
    cd_check_runner_queue (self);
  return applied;
}

/* Every finding with @finding's rule, field and text goes at once. */
static void
drop_finding (CdCheckRunner   *self,
              const CdFinding *finding)
{
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_finding_free);
  g_autofree char *key = cd_finding_get_ignore_key (finding);

  g_assert (CD_IS_CHECK_RUNNER (self));
  g_assert (finding != NULL);

  for (guint i = 0; i < self->findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (self->findings, i);
      g_autofree char *other = cd_finding_get_ignore_key (f);

      if (!g_str_equal (key, other))
        g_ptr_array_add (kept, cd_finding_copy (f));
    }
  set_findings (self, kept);
}

/**
 * cd_check_runner_ignore:
 *
 * Leaves the finding (its rule, field and text) out of this article's
 * checks from now on, and remembers that in the store's folder.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_check_runner_ignore (CdCheckRunner   *self,
                        const CdFinding *finding,
                        GError         **error)
{
  g_autoptr (CdFinding) f = NULL;

  g_return_val_if_fail (CD_IS_CHECK_RUNNER (self), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  if (self->article == NULL)
    return FALSE;
  f = cd_finding_copy (finding);
  if (!cd_checker_ignore (self->checker, cd_article_get_uuid (self->article), f, error))
    return FALSE;
  drop_finding (self, f);
  return TRUE;
}

/**
 * cd_check_runner_add_word:
 *
 * Adds a spelling finding's word to the newsroom word list.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_check_runner_add_word (CdCheckRunner   *self,
                          const CdFinding *finding,
                          GError         **error)
{
  g_autoptr (CdFinding) f = NULL;

  g_return_val_if_fail (CD_IS_CHECK_RUNNER (self), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  f = cd_finding_copy (finding);
  if (!cd_checker_add_word (self->checker, f->text, error))
    return FALSE;
  drop_finding (self, f);
  cd_check_runner_queue (self);
  return TRUE;
}
