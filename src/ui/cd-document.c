/* cd-document.c: an article open for editing, with autosave.
 *
 * Every change to the article marks the document dirty. The article is
 * written CD_DOCUMENT_IDLE_SAVE_MS after typing stops, and at the latest
 * CD_DOCUMENT_MAX_SAVE_DELAY_MS after the first unsaved edit while typing goes
 * on, so a process killed with SIGKILL loses at most the last second.
 *
 * Writes run on one worker thread, in order, on a connection of their own,
 * so the main loop never waits on SQLite. Each write takes a copy of the
 * article made on the main thread; flushing (on switching article, closing
 * or quitting) queues the latest copy and waits for it.
 *
 * Others write the same article (`copydesk set`, a sync, a restore), so a
 * copy is never written blindly: each write is a compare-and-merge against
 * the base, the article as this document last wrote it
 * (cd_store_save_article_checked()). When someone else changed it in
 * between, both sides are merged, the merge is stored and handed back to
 * the main thread, which takes the other side's changes into the article
 * the person is typing in; where both changed the same text ours is kept
 * and theirs goes into the history, and "merged" tells the window.
 *
 * A failed write keeps the text in memory, sets the error (the window
 * says "Not saved" and why) and is tried again every
 * CD_DOCUMENT_RETRY_SAVE_MS until one succeeds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-document"

#include "config.h"

#include "cd-document.h"
#include "cd-merge.h"

/* The write connection, used only on the save thread. It and each SaveJob
 * are shared with that thread as atomic reference-counted boxes
 * (g_atomic_rc_box_new0 ()). */
typedef struct
{
  char    *data_dir;
  CdStore *store;
  /* What the store held after this document's last write, and the copy
   * that write was made from; see save_job_base(). */
  CdArticle *written;
  CdArticle *lineage;
  guint      merges;
} Writer;

typedef struct
{
  Writer            *writer;
  CdArticle         *snapshot;
  CdArticle         *written;
  CdStoreSaveOutcome outcome;
  guint              merges_seen;
  CdRevisionReason   reason;
  char              *name;
  guint64            generation;
  GWeakRef           document;
  GMainContext      *context;
  GError            *error;
  GMutex             mutex;
  GCond              cond;
  guint              done : 1;
  guint              applied : 1;
} SaveJob;

struct _CdDocument
{
  GObject parent_instance;

  CdStore   *store;
  CdArticle *article;
  Writer    *writer;
  SaveJob   *last_job;
  GError    *error;

  guint64 generation;
  guint64 saved_generation;
  gint64  last_edit_usec;
  gint64  editing_usec;
  gint64  checkpoint_usec;

  guint  idle_save_id;
  guint  max_save_id;
  guint  retry_id;
  gulong notify_id;
  guint  merges_seen;
};

G_DEFINE_FINAL_TYPE (CdDocument, cd_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ARTICLE,
  PROP_DIRTY,
  PROP_ERROR,
  N_PROPS
};

enum
{
  SAVED,
  MERGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* Edits within this long of the previous one count as continuous editing
 * towards the next checkpoint. */
#define EDITING_GAP_USEC (30 * G_USEC_PER_SEC)

static void
writer_clear (Writer *writer)
{
  g_clear_object (&writer->store);
  g_clear_object (&writer->written);
  g_clear_object (&writer->lineage);
  g_free (writer->data_dir);
}

static void
writer_unref (Writer *writer)
{
  g_atomic_rc_box_release_full (writer, (GDestroyNotify) writer_clear);
}

static void
save_job_clear (SaveJob *job)
{
  writer_unref (job->writer);
  g_clear_object (&job->snapshot);
  g_clear_object (&job->written);
  g_free (job->name);
  g_weak_ref_clear (&job->document);
  g_main_context_unref (job->context);
  g_clear_error (&job->error);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
}

static void
save_job_unref (SaveJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) save_job_clear);
}

static char *
data_dir_for_store (CdStore *store)
{
  const char *path = cd_store_get_path (store);

  g_assert (CD_IS_STORE (store));

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_strdup (path);
  return g_path_get_dirname (path);
}

static void
update_dirty (CdDocument *self,
              gboolean    was_dirty)
{
  g_assert (CD_IS_DOCUMENT (self));

  if (was_dirty != cd_document_get_dirty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
set_error (CdDocument   *self,
           const GError *error)
{
  g_assert (CD_IS_DOCUMENT (self));

  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static gboolean
retry_save_cb (gpointer data)
{
  CdDocument *self = data;

  self->retry_id = 0;
  cd_document_save_now (self);
  return G_SOURCE_REMOVE;
}

/* A write stored @written where the document had sent @snapshot: another
 * writer's changes came in. They are taken into the article the person
 * edits now, which may have moved on since @snapshot: merged against
 * @snapshot, what was typed since stays. The article's notifications do
 * not count as edits here, so the fields and the editor follow without the
 * document becoming dirty for it. */
static void
take_merge (CdDocument *self,
            CdArticle  *snapshot,
            CdArticle  *written)
{
  g_autoptr (CdArticle) merged = NULL;
  g_autoptr (GError) error = NULL;

  g_assert (CD_IS_DOCUMENT (self));
  g_assert (CD_IS_ARTICLE (snapshot));
  g_assert (CD_IS_ARTICLE (written));

  merged = cd_merge_articles_keeping_ours (snapshot, self->article, written, NULL, &error);
  if (merged == NULL)
    {
      /* The store has the merge; the next write merges again. */
      g_warning ("Could not show the changes made elsewhere to “%s”: %s",
                 cd_article_get_headline (self->article), error->message);
      return;
    }
  g_signal_handler_block (self->article, self->notify_id);
  cd_merge_take_all (self->article, merged);
  g_signal_handler_unblock (self->article, self->notify_id);
}

/* Takes a finished job's outcome into the document, once, on the main
 * thread: either from the idle the save thread queues or from a flush that
 * waited for it. */
static void
save_job_apply (SaveJob *job)
{
  g_autoptr (CdDocument) self = NULL;
  gboolean was_dirty;
  gboolean changed_elsewhere;

  g_assert (job != NULL);

  if (job->applied)
    return;
  job->applied = TRUE;

  self = g_weak_ref_get (&job->document);
  if (self == NULL)
    return;

  was_dirty = cd_document_get_dirty (self);
  if (job->error != NULL)
    {
      /* The window shows it (CdDocument:error); the log keeps a line. */
      g_message ("Could not save “%s”: %s", cd_article_get_headline (self->article),
                 job->error->message);
      set_error (self, job->error);
      if (self->retry_id == 0)
        self->retry_id = g_timeout_add (CD_DOCUMENT_RETRY_SAVE_MS, retry_save_cb, self);
    }
  else
    {
      set_error (self, NULL);
      g_clear_handle_id (&self->retry_id, g_source_remove);
      self->saved_generation = MAX (self->saved_generation, job->generation);
    }
  if (self->last_job == job)
    g_clear_pointer (&self->last_job, save_job_unref);

  changed_elsewhere = job->error == NULL && job->outcome != CD_STORE_SAVE_WRITTEN;
  if (changed_elsewhere)
    {
      self->merges_seen++;
      changed_elsewhere = job->outcome == CD_STORE_SAVE_KEPT_BOTH ||
                          !cd_article_equal (job->written, job->snapshot);
      if (changed_elsewhere)
        take_merge (self, job->snapshot, job->written);
    }
  update_dirty (self, was_dirty);
  if (job->error == NULL)
    g_signal_emit (self, signals[SAVED], 0, job->reason);
  if (changed_elsewhere)
    g_signal_emit (self, signals[MERGED], 0, job->outcome == CD_STORE_SAVE_KEPT_BOTH);
}

static gboolean
save_job_complete_cb (gpointer data)
{
  save_job_apply (data);
  return G_SOURCE_REMOVE;
}

/* The article a write is checked against: what the store held after this
 * document's last write, when the main thread has taken in every merge
 * that write made; otherwise the copy that write was made from, which the
 * job's copy descends from, so that the merge brings the other side's
 * changes in again instead of taking them out. */
static CdArticle *
save_job_base (SaveJob *job)
{
  Writer *writer;

  g_assert (job != NULL);

  writer = job->writer;
  if (job->merges_seen == writer->merges)
    return writer->written;
  return writer->lineage;
}

static void
save_job_run (gpointer data,
              gpointer user_data)
{
  SaveJob *job = data;
  Writer  *writer = job->writer;
  g_autoptr (GSource) source = NULL;

  if (writer->store == NULL)
    writer->store = cd_store_open (writer->data_dir, &job->error);
  if (writer->store != NULL &&
      cd_store_save_article_checked (writer->store, save_job_base (job), job->snapshot,
                                     job->reason, job->name, &job->written, &job->outcome,
                                     &job->error))
    {
      g_set_object (&writer->written, job->written);
      g_set_object (&writer->lineage, job->snapshot);
      if (job->outcome != CD_STORE_SAVE_WRITTEN)
        writer->merges++;
    }

  g_mutex_lock (&job->mutex);
  job->done = TRUE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->mutex);

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, save_job_complete_cb, job, (GDestroyNotify) save_job_unref);
  g_source_attach (source, job->context);
}

static GThreadPool *
get_save_pool (void)
{
  static GThreadPool *pool;

  /* One thread, so writes reach the database in the order they were made. */
  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (save_job_run, NULL, 1, FALSE, NULL));
  return pool;
}

static void
enqueue_save (CdDocument      *self,
              CdRevisionReason reason,
              const char      *name)
{
  SaveJob *job = g_atomic_rc_box_new0 (SaveJob);

  g_assert (CD_IS_DOCUMENT (self));

  job->writer = g_atomic_rc_box_acquire (self->writer);
  job->snapshot = cd_article_copy (self->article);
  job->reason = reason;
  job->name = g_strdup (name);
  job->generation = self->generation;
  job->merges_seen = self->merges_seen;
  g_weak_ref_init (&job->document, self);
  job->context = g_main_context_ref_thread_default ();
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);

  g_clear_handle_id (&self->idle_save_id, g_source_remove);
  g_clear_handle_id (&self->max_save_id, g_source_remove);
  g_clear_pointer (&self->last_job, save_job_unref);
  self->last_job = g_atomic_rc_box_acquire (job);

  /* The pool owns the job's first reference until save_job_run hands it to
   * the completion idle. */
  g_thread_pool_push (get_save_pool (), job, NULL);
}

/**
 * cd_document_save_now:
 *
 * Queues the article for writing at once if it has unsaved changes, without
 * waiting for the write.
 */
void
cd_document_save_now (CdDocument *self)
{
  CdRevisionReason reason = CD_REVISION_NONE;

  g_return_if_fail (CD_IS_DOCUMENT (self));

  g_clear_handle_id (&self->idle_save_id, g_source_remove);
  g_clear_handle_id (&self->max_save_id, g_source_remove);
  /* Nothing unsaved, or the latest state is already queued. */
  if (self->generation == self->saved_generation)
    return;
  if (self->last_job != NULL && self->last_job->generation == self->generation)
    return;

  if (self->editing_usec >= self->checkpoint_usec)
    {
      reason = CD_REVISION_CHECKPOINT;
      self->editing_usec = 0;
    }
  enqueue_save (self, reason, NULL);
}

static gboolean
idle_save_cb (gpointer data)
{
  CdDocument *self = data;

  self->idle_save_id = 0;
  cd_document_save_now (self);
  return G_SOURCE_REMOVE;
}

static gboolean
max_save_cb (gpointer data)
{
  CdDocument *self = data;

  self->max_save_id = 0;
  cd_document_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
article_notify_cb (CdDocument *self,
                   GParamSpec *pspec,
                   CdArticle  *article)
{
  const char *name = g_param_spec_get_name (pspec);
  gboolean    was_dirty;
  gint64      now;

  g_assert (CD_IS_DOCUMENT (self));
  g_assert (CD_IS_ARTICLE (article));

  /* The modification time is ours to set; uuid and creation never change
   * by editing. */
  if (g_str_equal (name, "modified") || g_str_equal (name, "uuid") ||
      g_str_equal (name, "created"))
    return;

  was_dirty = cd_document_get_dirty (self);
  now = g_get_monotonic_time ();
  if (self->last_edit_usec != 0)
    self->editing_usec += MIN (now - self->last_edit_usec, EDITING_GAP_USEC);
  self->last_edit_usec = now;
  self->generation++;
  cd_article_touch (article);

  g_clear_handle_id (&self->idle_save_id, g_source_remove);
  self->idle_save_id = g_timeout_add (CD_DOCUMENT_IDLE_SAVE_MS, idle_save_cb, self);
  if (self->max_save_id == 0)
    self->max_save_id = g_timeout_add (CD_DOCUMENT_MAX_SAVE_DELAY_MS, max_save_cb, self);

  update_dirty (self, was_dirty);
}

/**
 * cd_document_save_version:
 * @reason: why, usually %CD_REVISION_NAMED or %CD_REVISION_CHECKPOINT
 * @name: (nullable): the version's name
 *
 * Queues a write of the article that also records a revision.
 */
void
cd_document_save_version (CdDocument      *self,
                          CdRevisionReason reason,
                          const char      *name)
{
  g_return_if_fail (CD_IS_DOCUMENT (self));

  if (name != NULL && *name == '\0')
    name = NULL;
  if (reason == CD_REVISION_CHECKPOINT)
    self->editing_usec = 0;
  enqueue_save (self, reason, name);
}

/**
 * cd_document_flush:
 *
 * Writes unsaved changes at once and waits until every queued write of
 * this document has reached the database. For closing and quitting.
 *
 * Returns: %TRUE when the article is saved
 */
gboolean
cd_document_flush (CdDocument *self,
                   GError    **error)
{
  SaveJob *job;

  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);

  cd_document_save_now (self);
  if (self->last_job == NULL)
    return TRUE;

  job = g_atomic_rc_box_acquire (self->last_job);
  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);
  save_job_apply (job);

  if (job->error != NULL)
    {
      g_propagate_error (error, g_error_copy (job->error));
      save_job_unref (job);
      return FALSE;
    }
  save_job_unref (job);
  return TRUE;
}

static void
cd_document_constructed (GObject *object)
{
  CdDocument *self = CD_DOCUMENT (object);

  G_OBJECT_CLASS (cd_document_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->article != NULL);

  self->writer = g_atomic_rc_box_new0 (Writer);
  self->writer->data_dir = data_dir_for_store (self->store);
  /* The article as it was read: the base of the first write. */
  self->writer->written = cd_article_copy (self->article);
  self->writer->lineage = g_object_ref (self->writer->written);
  self->notify_id = g_signal_connect_object (self->article, "notify",
                                             G_CALLBACK (article_notify_cb), self,
                                             G_CONNECT_SWAPPED);
}

static void
cd_document_dispose (GObject *object)
{
  CdDocument *self = CD_DOCUMENT (object);
  g_autoptr (GError) error = NULL;

  if (self->article != NULL && self->writer != NULL && !cd_document_flush (self, &error))
    g_warning ("Unsaved changes to “%s” were lost: %s",
               cd_article_get_headline (self->article), error->message);

  g_clear_handle_id (&self->idle_save_id, g_source_remove);
  g_clear_handle_id (&self->max_save_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_signal_handler (&self->notify_id, self->article);
  g_clear_pointer (&self->last_job, save_job_unref);
  g_clear_object (&self->article);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cd_document_parent_class)->dispose (object);
}

static void
cd_document_finalize (GObject *object)
{
  CdDocument *self = CD_DOCUMENT (object);

  g_clear_pointer (&self->writer, writer_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cd_document_parent_class)->finalize (object);
}

static void
cd_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CdDocument *self = CD_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, cd_document_get_dirty (self));
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CdDocument *self = CD_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ARTICLE:
      self->article = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_document_class_init (CdDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cd_document_constructed;
  object_class->dispose = cd_document_dispose;
  object_class->finalize = cd_document_finalize;
  object_class->get_property = cd_document_get_property;
  object_class->set_property = cd_document_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, CD_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE] =
      g_param_spec_object ("article", NULL, NULL, CD_TYPE_ARTICLE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
      g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CdDocument:error:
   *
   * Why the last write failed, or %NULL once a write succeeds.
   */
  properties[PROP_ERROR] =
      g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdDocument::saved:
   * @reason: the CdRevisionReason of the write
   *
   * A write of the article reached the database.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * CdDocument::merged:
   * @kept_both: whether both sides changed the same text; the article
   *   keeps ours and the history has theirs
   *
   * Someone else changed the article since this document last wrote it (a
   * command-line `set`, a sync, another window), and a write merged their
   * changes into it; the article now shows them.
   */
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
cd_document_init (CdDocument *self)
{
  self->checkpoint_usec = CD_DOCUMENT_CHECKPOINT_USEC;
}

/**
 * cd_document_set_checkpoint_interval:
 * @usec: microseconds of editing between checkpoint revisions
 *
 * Ten minutes unless changed; tests make it short.
 */
void
cd_document_set_checkpoint_interval (CdDocument *self,
                                     gint64      usec)
{
  g_return_if_fail (CD_IS_DOCUMENT (self));
  g_return_if_fail (usec > 0);

  self->checkpoint_usec = usec;
}

/**
 * cd_document_new:
 * @store: the store the article lives in
 * @article: the article, which the document edits in place
 *
 * Returns: (transfer full): a new document
 */
CdDocument *
cd_document_new (CdStore   *store,
                 CdArticle *article)
{
  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  return g_object_new (CD_TYPE_DOCUMENT, "store", store, "article", article, NULL);
}

/**
 * cd_document_get_store:
 *
 * Returns: (transfer none): the store
 */
CdStore *
cd_document_get_store (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), NULL);
  return self->store;
}

/**
 * cd_document_get_article:
 *
 * Returns: (transfer none): the article being edited
 */
CdArticle *
cd_document_get_article (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), NULL);
  return self->article;
}

gboolean
cd_document_get_dirty (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), FALSE);
  return self->generation != self->saved_generation;
}

/**
 * cd_document_get_error:
 *
 * Returns: (nullable) (transfer none): why the last write failed, if it did
 */
const GError *
cd_document_get_error (CdDocument *self)
{
  g_return_val_if_fail (CD_IS_DOCUMENT (self), NULL);
  return self->error;
}
