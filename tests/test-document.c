/* test-document.c: autosave timing, flushing and named versions of an open
 * article, without a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "cd-document.h"
#include "cd-ui-test.h"

typedef struct
{
  GArray *saved_at; /* monotonic times of "saved" */
} Saves;

static void
saved_cb (CdDocument *document,
          int         reason,
          Saves      *saves)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (saves->saved_at, now);
}

static gboolean
not_dirty (gpointer data)
{
  return !cd_document_get_dirty (data);
}

static void
test_idle_save (CdUiFixture  *fixture,
                gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "One.");
  g_autoptr (CdDocument) document = cd_document_new (fixture->store, article);
  g_autoptr (CdArticle) stored = NULL;

  g_assert_false (cd_document_get_dirty (document));
  cd_article_set_body (article, "One. Two.");
  g_assert_true (cd_document_get_dirty (document));

  /* Written after the pause, without anyone asking. */
  g_assert_true (cd_ui_wait_for (not_dirty, document, 5000));
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_body (stored), ==, "One. Two.");
}

typedef struct
{
  CdArticle *article;
  guint      n;
  gboolean   done;
} Typist;

static gboolean
type_cb (gpointer data)
{
  Typist          *typist = data;
  g_autofree char *body = g_strdup_printf ("%s x", cd_article_get_body (typist->article));

  cd_article_set_body (typist->article, body);
  if (++typist->n == 40)
    {
      typist->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
typist_done (gpointer data)
{
  return ((Typist *) data)->done;
}

static void
test_save_while_typing (CdUiFixture  *fixture,
                        gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "Start.");
  g_autoptr (CdDocument) document = cd_document_new (fixture->store, article);
  Saves  saves = { g_array_new (FALSE, FALSE, sizeof (gint64)) };
  Typist typist = { article, 0, FALSE };
  gint64 started = g_get_monotonic_time ();
  gint64 previous = started;

  g_signal_connect (document, "saved", G_CALLBACK (saved_cb), &saves);

  /* A keystroke every 100 ms for four seconds never pauses long enough
   * for the idle save; the article is still written while typing goes on
   * (every second on a quiet machine, so that a SIGKILL loses at most the
   * last second: the intervals are reported, not asserted, so that a busy
   * machine cannot fail the test). */
  g_timeout_add (100, type_cb, &typist);
  g_assert_true (cd_ui_wait_for (typist_done, &typist, 60000));
  g_assert_cmpuint (saves.saved_at->len, >=, 1);
  for (guint i = 0; i < saves.saved_at->len; i++)
    {
      gint64 at = g_array_index (saves.saved_at, gint64, i);

      g_test_message ("saved %.0f ms after the first edit, %.0f ms after the save before",
                      (at - started) / 1000.0, (at - previous) / 1000.0);
      previous = at;
    }
  g_assert_true (cd_ui_wait_for (not_dirty, document, 5000));
  g_array_unref (saves.saved_at);
}

static void
test_flush_and_dispose (CdUiFixture  *fixture,
                        gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "One.");
  CdDocument *document = cd_document_new (fixture->store, article);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) stored = NULL;

  cd_article_set_headline (article, "Budget passes");
  g_assert_true (cd_document_flush (document, &error));
  g_assert_no_error (error);
  g_assert_false (cd_document_get_dirty (document));
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_headline (stored), ==, "Budget passes");
  g_clear_object (&stored);

  /* The last reference going writes what is left, and the document dies. */
  cd_article_set_headline (article, "Budget passes, barely");
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  g_object_unref (document);
  g_assert_null (document);
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_headline (stored), ==, "Budget passes, barely");
}

static void
test_named_version (CdUiFixture  *fixture,
                    gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "One.");
  g_autoptr (CdDocument) document = cd_document_new (fixture->store, article);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  CdRevision *newest;

  cd_article_set_body (article, "One. Two.");
  cd_document_save_version (document, CD_REVISION_NAMED, "Before legal");
  g_assert_true (cd_document_flush (document, &error));

  revisions = cd_store_list_revisions (fixture->store, cd_article_get_uuid (article), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, >=, 1);
  newest = g_ptr_array_index (revisions, 0);
  g_assert_cmpint (cd_revision_get_reason (newest), ==, CD_REVISION_NAMED);
  g_assert_cmpstr (cd_revision_get_name (newest), ==, "Before legal");
  g_assert_cmpstr (cd_article_get_body (cd_revision_get_snapshot (newest)), ==, "One. Two.");
}

static void
test_checkpoint (CdUiFixture  *fixture,
                 gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "Start.");
  g_autoptr (CdDocument) document = cd_document_new (fixture->store, article);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  Typist typist = { article, 30, FALSE };
  guint  checkpoints = 0;

  /* Ten minutes of editing, shortened to 300 ms: a second of typing makes
   * the next write a checkpoint revision. */
  cd_document_set_checkpoint_interval (document, 300 * 1000);
  g_timeout_add (100, type_cb, &typist);
  g_assert_true (cd_ui_wait_for (typist_done, &typist, 20000));
  g_assert_true (cd_document_flush (document, &error));

  revisions = cd_store_list_revisions (fixture->store, cd_article_get_uuid (article), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    if (cd_revision_get_reason (g_ptr_array_index (revisions, i)) == CD_REVISION_CHECKPOINT)
      checkpoints++;
  g_assert_cmpuint (checkpoints, >=, 1);
}

/* Another writer on the same store file, as `copydesk set` is. */
static gboolean
set_field_cb (CdArticle *article,
              gpointer   user_data,
              GError   **error)
{
  const char *const *pair = user_data;

  return cd_article_set_field (article, pair[0], pair[1], error);
}

static void
set_from_outside (CdUiFixture *fixture,
                  CdArticle   *article,
                  const char  *field,
                  const char  *value)
{
  const char *pair[] = { field, value };
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) other = cd_store_open (fixture->dir, &error);

  g_assert_no_error (error);
  g_assert_true (cd_store_edit_article (other, cd_article_get_uuid (article), set_field_cb,
                                        (gpointer) pair, &error));
  g_assert_no_error (error);
}

/* Another window's autosave, which records no revision of its own. */
static void
save_from_other_window (CdUiFixture *fixture,
                        CdArticle   *article,
                        const char  *field,
                        const char  *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) other = cd_store_open (fixture->dir, &error);
  g_autoptr (CdArticle) theirs = NULL;

  g_assert_no_error (error);
  theirs = cd_store_get_article (other, cd_article_get_uuid (article), &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_set_field (theirs, field, value, &error));
  cd_article_touch (theirs);
  g_assert_true (cd_store_save_article (other, theirs, CD_REVISION_NONE, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  guint    n;
  gboolean kept_both;
} Merges;

static void
merged_cb (CdDocument *document,
           gboolean    kept_both,
           Merges     *merges)
{
  merges->n++;
  merges->kept_both |= kept_both;
}

static void
test_merge_field (CdUiFixture  *fixture,
                  gconstpointer data)
{
  const char *field = data;
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "One.");
  g_autoptr (CdDocument) document = cd_document_new (fixture->store, article);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *kept = NULL;
  Merges           merges = { 0 };

  g_signal_connect (document, "merged", G_CALLBACK (merged_cb), &merges);

  /* The reporter types in the body; meanwhile the command line changes
   * another field. The autosave keeps both. */
  cd_article_set_body (article, "One. Two.");
  set_from_outside (fixture, article, field, "Changed outside");
  g_assert_true (cd_document_flush (document, &error));
  g_assert_no_error (error);

  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  kept = cd_article_get_field (stored, field);
  g_assert_cmpstr (kept, ==, "Changed outside");
  g_assert_cmpstr (cd_article_get_body (stored), ==, "One. Two.");

  /* The open article shows their change, and it is not an unsaved edit. */
  shown = cd_article_get_field (article, field);
  g_assert_cmpstr (shown, ==, "Changed outside");
  g_assert_cmpstr (cd_article_get_body (article), ==, "One. Two.");
  g_assert_false (cd_document_get_dirty (document));
  g_assert_cmpuint (merges.n, ==, 1);
  g_assert_false (merges.kept_both);
}

static void
test_merge_body_lines (CdUiFixture  *fixture,
                       gconstpointer data)
{
  g_autoptr (CdArticle) article =
      cd_ui_add_article (fixture->store, "Budget", "First paragraph.\n\nSecond paragraph.\n");
  g_autoptr (CdDocument) document = cd_document_new (fixture->store, article);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GError) error = NULL;

  /* Different paragraphs of the body: both edits stay. */
  cd_article_set_body (article, "First paragraph, edited here.\n\nSecond paragraph.\n");
  set_from_outside (fixture, article, "body", "First paragraph.\n\nSecond, edited outside.\n");
  g_assert_true (cd_document_flush (document, &error));
  g_assert_no_error (error);

  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_body (stored), ==,
                   "First paragraph, edited here.\n\nSecond, edited outside.\n");
  g_assert_cmpstr (cd_article_get_body (article), ==, cd_article_get_body (stored));
}

static void
test_merge_conflict (CdUiFixture  *fixture,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article =
      cd_ui_add_article (fixture->store, "Budget", "The council voted.\n\nMore later.\n");
  g_autoptr (CdDocument) document = cd_document_new (fixture->store, article);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  gboolean theirs_kept = FALSE;
  Merges   merges = { 0 };

  g_signal_connect (document, "merged", G_CALLBACK (merged_cb), &merges);

  /* Both change the same line, and they also change the headline. */
  cd_article_set_body (article, "The council voted 7 to 2.\n\nMore later.\n");
  save_from_other_window (fixture, article, "body",
                          "The council voted on Tuesday.\n\nMore later.\n");
  save_from_other_window (fixture, article, "headline", "Budget passes");
  g_assert_true (cd_document_flush (document, &error));
  g_assert_no_error (error);

  /* Ours in the article, their other change too, theirs whole in the
   * history, and the person is told. */
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_body (stored), ==, "The council voted 7 to 2.\n\nMore later.\n");
  g_assert_cmpstr (cd_article_get_headline (stored), ==, "Budget passes");
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Budget passes");
  g_assert_cmpstr (cd_article_get_body (article), ==, cd_article_get_body (stored));
  revisions = cd_store_list_revisions (fixture->store, cd_article_get_uuid (article), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    {
      CdArticle *snapshot = cd_revision_get_snapshot (g_ptr_array_index (revisions, i));

      theirs_kept |= g_strcmp0 (cd_article_get_body (snapshot),
                                "The council voted on Tuesday.\n\nMore later.\n") == 0 &&
                     g_strcmp0 (cd_article_get_headline (snapshot), "Budget passes") == 0;
    }
  g_assert_true (theirs_kept);
  g_assert_cmpuint (merges.n, ==, 1);
  g_assert_true (merges.kept_both);
}

static void
test_merge_while_typing_on (CdUiFixture  *fixture,
                            gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "One.");
  g_autoptr (CdDocument) document = cd_document_new (fixture->store, article);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GError) error = NULL;

  /* A write that merges is queued, and typing goes on before its result
   * reaches the document: the next write, made from a copy without their
   * change, must not take it out again. */
  cd_article_set_body (article, "One. Two.");
  set_from_outside (fixture, article, "dek", "Their dek");
  cd_document_save_now (document);
  cd_article_set_body (article, "One. Two. Three.");
  g_assert_true (cd_document_flush (document, &error));
  g_assert_no_error (error);
  g_assert_true (cd_ui_wait_for (not_dirty, document, 5000));

  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_dek (stored), ==, "Their dek");
  g_assert_cmpstr (cd_article_get_body (stored), ==, "One. Two. Three.");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Their dek");
  g_assert_cmpstr (cd_article_get_body (article), ==, "One. Two. Three.");
}

static void
test_unedited_writes_nothing (CdUiFixture  *fixture,
                              gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "One.");
  g_autoptr (CdDocument) document = cd_document_new (fixture->store, article);
  g_autoptr (CdArticle) before = NULL;
  g_autoptr (CdArticle) after = NULL;
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  guint n_revisions;

  set_from_outside (fixture, article, "dek", "Their dek");
  before = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  revisions = cd_store_list_revisions (fixture->store, cd_article_get_uuid (article), &error);
  n_revisions = revisions->len;
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Nothing typed: saving and flushing write nothing. */
  cd_document_save_now (document);
  g_assert_true (cd_document_flush (document, &error));
  g_assert_no_error (error);
  after = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_true (cd_article_equal (before, after));
  revisions = cd_store_list_revisions (fixture->store, cd_article_get_uuid (article), &error);
  g_assert_cmpuint (revisions->len, ==, n_revisions);

  /* Even a named version of the stale copy does not put the old dek back. */
  cd_document_save_version (document, CD_REVISION_NAMED, "Before legal");
  g_assert_true (cd_document_flush (document, &error));
  g_assert_no_error (error);
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_dek (stored), ==, "Their dek");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Their dek");
}

/* A full disk, made real without privileges: RLIMIT_FSIZE caps how large
 * this process may make any file, so SQLite's next write past the cap
 * fails as it does on a full disk (short write, SQLITE_FULL) or with EFBIG.
 * Returns a body larger than the cap, so that writing it must fail. */
static char *
limit_file_size (CdUiFixture *fixture)
{
  static const char *names[] = { "copydesk.db", "copydesk.db-wal" };
  struct rlimit      limit;
  goffset            largest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                      G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL)
        largest = MAX (largest, g_file_info_get_size (info));
    }

  /* Past the cap a write fails with EFBIG instead of killing the process. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = largest + 64 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  /* Text in lines, as typing makes it: one line of megabytes would only
   * measure how long the text view takes to lay it out. */
  {
    gsize length = limit.rlim_cur + 1024 * 1024;
    char *text = g_strnfill (length, 'x');

    for (gsize i = 71; i < length; i += 72)
      text[i] = '\n';
    return text;
  }
}

static void
unlimit_file_size (void)
{
  struct rlimit limit;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  limit.rlim_cur = limit.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static gboolean
has_error (gpointer data)
{
  return cd_document_get_error (data) != NULL;
}

static gboolean
saved_cleanly (gpointer data)
{
  return cd_document_get_error (data) == NULL && !cd_document_get_dirty (data);
}

static void
test_write_fails (CdUiFixture  *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "One.");
  g_autoptr (CdDocument) document = cd_document_new (fixture->store, article);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = limit_file_size (fixture);

  /* The write fails: the document says why, stays dirty and keeps the
   * text. */
  cd_article_set_body (article, body);
  g_assert_false (cd_document_flush (document, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (cd_document_get_error (document));
  g_assert_true (cd_document_get_dirty (document));
  g_assert_true (g_str_equal (cd_article_get_body (article), body));

  /* Once there is room again, the document tries again by itself. */
  unlimit_file_size ();
  g_assert_true (cd_ui_wait_for (saved_cleanly, document, 4 * CD_DOCUMENT_RETRY_SAVE_MS));
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_true (g_str_equal (cd_article_get_body (stored), body));
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label that shows @text, if any, and whether it is on screen. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text))
    return gtk_widget_get_mapped (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static AdwMessageDialog *
find_dialog_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog_for (data) != NULL;
}

typedef struct
{
  GtkWidget  *window;
  const char *text;
} Shown;

static gboolean
banner_shown (gpointer data)
{
  Shown *shown = data;

  return shows_text (shown->window, shown->text);
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_write_fails_in_window (CdUiFixture  *fixture,
                            gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "One.");
  g_autoptr (CdArticle) other = cd_ui_add_article (fixture->store, "Roads", "Two.");
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char  *body = NULL;
  g_autofree char  *typed = NULL;
  CdWindow         *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  CdDocument       *document = cd_window_get_document (window);
  GtkTextBuffer    *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (cd_window_get_editor (window)));
  AdwWindowTitle   *title;
  AdwMessageDialog *dialog;
  const char       *message;
  Shown             shown;

  body = limit_file_size (fixture);
  gtk_text_buffer_insert_at_cursor (buffer, body, -1);
  g_assert_true (cd_ui_wait_for (has_error, document, 20000));
  message = cd_document_get_error (document)->message;

  /* The subtitle says it is not saved, and why; a banner offers what to
   * do. */
  title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_test_message ("subtitle: %s", adw_window_title_get_subtitle (title));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), message));
  shown.window = GTK_WIDGET (window);
  shown.text = message;
  g_assert_true (cd_ui_wait_for (banner_shown, &shown, 5000));

  /* Opening another article would drop the text: it is refused. */
  g_assert_false (cd_window_open_article (window, cd_article_get_uuid (other), &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (cd_window_get_document (window) == document);

  /* Quitting asks instead of losing the text, and the window stays. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->window);
  typed = g_strdup (cd_article_get_body (cd_document_get_article (document)));
  g_assert_nonnull (strstr (typed, body));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  g_assert_true (cd_ui_wait_for (dialog_shown, window, 5000));
  g_assert_nonnull (fixture->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (cd_document_get_dirty (document));

  /* With room again, Retry saves and the window closes. */
  unlimit_file_size ();
  dialog = find_dialog_for (GTK_WINDOW (window));
  adw_message_dialog_response (dialog, "retry");
  g_assert_true (cd_ui_wait_for (window_gone, &fixture->window, 10000));
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_true (g_str_equal (cd_article_get_body (stored), typed));
}

static gboolean
merged_once (gpointer data)
{
  return ((Merges *) data)->n > 0;
}

static gboolean
shows_text_containing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text_containing (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
toast_shown (gpointer data)
{
  return shows_text_containing (data, "was also changed elsewhere");
}

/* The window: the editor takes in the other side's change without moving
 * the cursor or dropping the undo history, and a clash is reported. */
static void
test_merge_in_window (CdUiFixture  *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) article =
      cd_ui_add_article (fixture->store, "Budget", "Para one.\n\nPara two.\n\nPara three.\n");
  g_autoptr (CdArticle) stored = NULL;
  CdWindow        *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  CdDocument      *document = cd_window_get_document (window);
  GtkTextBuffer   *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (cd_window_get_editor (window)));
  GtkTextIter      iter;
  GtkTextIter      start, end;
  g_autofree char *text = NULL;
  Merges           merges = { 0 };

  g_signal_connect (document, "merged", G_CALLBACK (merged_cb), &merges);

  /* Typed into the first paragraph; meanwhile another window rewrote the
   * first paragraph too and the third. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 8);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_insert_at_cursor (buffer, " edited", -1);
  save_from_other_window (fixture, article, "body",
                          "Para one, theirs.\n\nPara two.\n\nPara three, theirs.\n");
  g_assert_true (cd_ui_wait_for (merged_once, &merges, 10000));
  g_assert_true (merges.kept_both);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, "Para one edited.\n\nPara two.\n\nPara three, theirs.\n");
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 15);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  g_assert_true (cd_ui_wait_for (toast_shown, window, 5000));

  /* The body the editor shows is what is stored, and nothing is left to
   * save. */
  g_assert_true (cd_ui_wait_for (not_dirty, document, 5000));
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_body (stored), ==, text);
}

typedef struct
{
  CdUiFixture *fixture;
  const char  *uuid;
} StoredBoth;

static gboolean
stored_has_both (gpointer data)
{
  StoredBoth *both = data;
  g_autoptr (CdArticle) stored = cd_ui_read_article (both->fixture->dir, both->uuid);

  return g_strcmp0 (cd_article_get_dek (stored), "From the desk") == 0 &&
         g_strcmp0 (cd_article_get_body (stored), "One. Typed in the window. And more.") == 0;
}

/* As the probe did it: the real command line sets the dek while the
 * window has typing in the body; the window's autosave keeps both. */
static void
test_cli_set_while_typing (CdUiFixture  *fixture,
                           gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Budget", "One.");
  CdWindow      *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  CdDocument    *document = cd_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (cd_window_get_editor (window)));
  StoredBoth     both = { fixture, cd_article_get_uuid (article) };
  const char    *argv[] = { g_getenv ("COPYDESK_BIN"),
                            "--data-dir",
                            fixture->dir,
                            "set",
                            cd_article_get_uuid (article),
                            "dek",
                            "From the desk",
                            NULL };

  gtk_text_buffer_insert_at_cursor (buffer, " Typed in the window.", -1);
  cd_ui_run (argv);
  /* Whether or not an autosave came between, the typing after the command
   * is written over a store that has the new dek. */
  gtk_text_buffer_insert_at_cursor (buffer, " And more.", -1);
  g_assert_true (cd_ui_wait_for (stored_has_both, &both, 10000));
  g_assert_true (cd_ui_wait_for (not_dirty, document, 5000));
  g_assert_cmpstr (cd_article_get_dek (cd_document_get_article (document)), ==, "From the desk");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CdUiFixture, NULL, cd_ui_fixture_setup, func, cd_ui_fixture_teardown)
  ADD ("/document/autosave/after-pause", test_idle_save);
  ADD ("/document/autosave/while-typing", test_save_while_typing);
  ADD ("/document/flush-and-dispose", test_flush_and_dispose);
  ADD ("/document/named-version", test_named_version);
  ADD ("/document/checkpoint", test_checkpoint);
#undef ADD
  g_test_add ("/document/merge/dek", CdUiFixture, "dek", cd_ui_fixture_setup, test_merge_field,
              cd_ui_fixture_teardown);
  g_test_add ("/document/merge/headline", CdUiFixture, "headline", cd_ui_fixture_setup,
              test_merge_field, cd_ui_fixture_teardown);
  g_test_add ("/document/merge/byline", CdUiFixture, "byline", cd_ui_fixture_setup,
              test_merge_field, cd_ui_fixture_teardown);
  g_test_add ("/document/merge/body-lines", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_merge_body_lines, cd_ui_fixture_teardown);
  g_test_add ("/document/merge/same-line", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_merge_conflict, cd_ui_fixture_teardown);
  g_test_add ("/document/merge/typing-goes-on", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_merge_while_typing_on, cd_ui_fixture_teardown);
  g_test_add ("/document/write-fails", CdUiFixture, NULL, cd_ui_fixture_setup, test_write_fails,
              cd_ui_fixture_teardown);
  g_test_add ("/document/write-fails/window", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_write_fails_in_window, cd_ui_fixture_teardown);
  g_test_add ("/document/merge/window", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_merge_in_window, cd_ui_fixture_teardown);
  g_test_add ("/document/merge/command-line", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_cli_set_while_typing, cd_ui_fixture_teardown);
  g_test_add ("/document/merge/unedited-writes-nothing", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_unedited_writes_nothing, cd_ui_fixture_teardown);

  return g_test_run ();
}
