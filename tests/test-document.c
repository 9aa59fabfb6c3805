/* test-document.c: autosave timing, flushing and named versions of an open
 * article, without a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-document"

#include "config.h"

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
   * for the idle save; the article is still written while typing goes on,
   * never more than 3 s apart (every second, so that a SIGKILL loses at
   * most the last second). */
  g_timeout_add (100, type_cb, &typist);
  g_assert_true (cd_ui_wait_for (typist_done, &typist, 20000));
  g_assert_cmpuint (saves.saved_at->len, >=, 1);
  for (guint i = 0; i < saves.saved_at->len; i++)
    {
      gint64 at = g_array_index (saves.saved_at, gint64, i);

      g_test_message ("saved %.0f ms after the first edit", (at - started) / 1000.0);
      g_assert_cmpint (at - previous, <=, 3 * G_USEC_PER_SEC);
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

  return g_test_run ();
}
