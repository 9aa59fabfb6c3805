/* test-store.c: the offline article store, its revisions, diffs and trash
 * (revision reasons and the line diff: test-revision.c; change
 * announcements: test-store-changes.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "cd-article-json.h"
#include "cd-diff.h"
#include "cd-store.h"
#include "cd-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("copydesk-store-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  cd_test_rm_rf (f->dir);
  g_free (f->dir);
}

static CdStore *
open_store (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  CdStore *store = cd_store_open (f->dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static GDateTime *
parse_time (const char *text)
{
  GDateTime *dt = cd_parse_iso8601 (text);

  g_assert_nonnull (dt);
  return dt;
}

/* An article with every field set, times in odd zones and with fractions
 * of a second, so that a round trip that loses anything shows. */
static CdArticle *
make_full_article (void)
{
  CdArticle *a = cd_article_new ();
  g_autoptr (GDateTime) embargo = parse_time ("2026-03-01T09:00:00+05:30");
  g_autoptr (GDateTime) created = parse_time ("2026-02-27T23:59:58.123456-08:00");
  g_autoptr (GDateTime) modified = parse_time ("2026-02-28T10:11:12.5Z");
  g_autoptr (GDateTime) fix1 = parse_time ("2026-03-02T08:00:00+01:00");
  g_autoptr (GDateTime) fix2 = parse_time ("2026-03-03T08:00:00Z");
  g_autoptr (JsonObject) extra = json_object_new ();
  g_autoptr (JsonArray) list = json_array_new ();
  const char *tags[] = { "floods", "Bavaria", "wëather, \"quoted\"", NULL };

  cd_article_set_headline (a, "Flood waters rise in Passau");
  cd_article_set_dek (a, "The Danube, Inn and Ilz meet — and overflow");
  cd_article_set_byline (a, "Anna Müller");
  cd_article_set_dateline (a, "PASSAU");
  cd_article_set_source (a, "dpa");
  cd_article_set_slug (a, "flood-passau");
  cd_article_set_section (a, "News");
  cd_article_set_tags (a, tags);
  cd_article_set_body (a, "Water rose **fast** overnight.\n\n## Evacuations\n\nThe old town "
                          "was cleared by 6 a.m.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  cd_article_set_ednote (a, "Check the gauge figure\nwith the city.");
  cd_article_set_status (a, CD_ARTICLE_STATUS_READY_FOR_EDIT);
  cd_article_set_embargo (a, embargo);
  cd_article_set_length_target (a, 650);
  cd_article_set_language (a, "de-DE");
  cd_article_set_image (a, "/home/anna/Pictures/passau.jpg");
  cd_article_set_image_caption (a, "The old town under water.");
  cd_article_set_image_credit (a, "Photo: J. Doe");
  cd_article_add_correction (a, fix1, "An earlier version misspelled Ilz.");
  cd_article_add_correction (a, fix2, "Gauge level corrected to 9.8 m.");
  json_array_add_int_element (list, 1);
  json_array_add_string_element (list, "two");
  json_object_set_array_member (extra, "custom_list", json_array_ref (list));
  json_object_set_string_member (extra, "wire_id", "dpa-123");
  cd_article_set_extra (a, extra);
  cd_article_set_created (a, created);
  cd_article_set_modified (a, modified);
  return a;
}

static GPtrArray *list_with (CdStore    *store,
                             const char *search,
                             int         status,
                             gboolean    trashed,
                             guint       limit);

static void
test_open_create (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *dir = g_build_filename (f->dir, "deep", "er", NULL);
  g_autofree char *file = g_build_filename (dir, "copydesk.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (dir, &error);
  GStatBuf      st;
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_store_get_path (store), ==, file);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (cd_store_get_schema_version (store), >=, 3);

  /* The journal mode is a property of the file: a second connection sees it. */
  g_assert_cmpint (sqlite3_open (file, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, cd_store_get_schema_version (store));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_open_default_dir (Fixture      *f,
                       gconstpointer data)
{
  g_autofree char *saved = g_strdup (g_getenv ("COPYDESK_DATA_DIR"));
  g_autofree char *env_dir = g_build_filename (f->dir, "from-env", NULL);
  g_autofree char *expected = g_build_filename (env_dir, "copydesk.db", NULL);
  g_autofree char *xdg = NULL;
  g_autofree char *fallback = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (GError) error = NULL;

  g_unsetenv ("COPYDESK_DATA_DIR");
  xdg = cd_store_default_data_dir ();
  fallback = g_build_filename (g_get_user_data_dir (), "copydesk", NULL);
  g_assert_cmpstr (xdg, ==, fallback);

  g_setenv ("COPYDESK_DATA_DIR", env_dir, TRUE);
  store = cd_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));

  if (saved != NULL)
    g_setenv ("COPYDESK_DATA_DIR", saved, TRUE);
  else
    g_unsetenv ("COPYDESK_DATA_DIR");
}

static void
test_article_roundtrip (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  g_autoptr (CdArticle) a = make_full_article ();
  g_autoptr (CdArticle) got = NULL;
  g_autoptr (CdArticle) again = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  CdArticle *summary;

  g_assert_false (cd_store_has_article (store, cd_article_get_uuid (a)));
  g_assert_true (cd_store_save_article (store, a, CD_REVISION_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_has_article (store, cd_article_get_uuid (a)));

  got = cd_store_get_article (store, cd_article_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (a, got));
  g_assert_cmpint (g_date_time_get_utc_offset (cd_article_get_embargo (got)) / G_TIME_SPAN_MINUTE,
                   ==, 330);

  /* An update of every field, some cleared, goes through the same way. */
  cd_article_set_dek (a, NULL);
  cd_article_set_tags (a, NULL);
  cd_article_set_embargo (a, NULL);
  cd_article_clear_corrections (a);
  cd_article_set_extra (a, NULL);
  cd_article_set_status (a, CD_ARTICLE_STATUS_KILLED);
  cd_article_set_body (a, "Short now.");
  cd_article_touch (a);
  g_assert_true (cd_store_save_article (store, a, CD_REVISION_NONE, NULL, &error));
  g_assert_no_error (error);
  again = cd_store_get_article (store, cd_article_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (a, again));

  /* A summary is the article without its body, with the word count. */
  list = cd_store_list_articles (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  summary = g_ptr_array_index (list, 0);
  g_assert_null (cd_article_get_body (summary));
  g_assert_cmpuint (cd_store_summary_get_word_count (summary), ==, 2);
  cd_article_set_body (summary, cd_article_get_body (a));
  g_assert_true (cd_article_equal (a, summary));
}

static void
test_article_tags (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  const char *cases[][4] = {
    {"plain",     "[breaking]",  "a,b",       NULL},
    { "quote\"d", "back\\slash", "new\nline", NULL},
    { "",         "]",           "\"",        NULL},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CdArticle) a = cd_article_new ();
      g_autoptr (CdArticle) got = NULL;
      g_autoptr (GPtrArray) list = NULL;
      g_autoptr (GError) error = NULL;

      cd_article_set_tags (a, cases[i]);
      g_assert_true (cd_store_save_article (store, a, CD_REVISION_NONE, NULL, &error));
      g_assert_no_error (error);
      got = cd_store_get_article (store, cd_article_get_uuid (a), &error);
      g_assert_no_error (error);
      g_assert_true (g_strv_equal (cd_article_get_tags (got), cases[i]));
      list = list_with (store, NULL, -1, FALSE, 1);
      g_assert_true (g_strv_equal (cd_article_get_tags (g_ptr_array_index (list, 0)), cases[i]));
      g_assert_true (cd_store_trash_article (store, cd_article_get_uuid (a), &error));
    }
}

static void
test_article_not_found (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_store_get_article (store, "no-such-uuid", &error);

  g_assert_null (a);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-uuid"));
  g_assert_false (cd_store_has_article (store, "no-such-uuid"));
}

static CdArticle *
save_simple (CdStore        *store,
             const char     *headline,
             const char     *body,
             CdArticleStatus status,
             const char     *modified)
{
  CdArticle *a = cd_article_new ();
  g_autoptr (GError) error = NULL;

  cd_article_set_headline (a, headline);
  cd_article_set_body (a, body);
  cd_article_set_status (a, status);
  if (modified != NULL)
    {
      g_autoptr (GDateTime) dt = parse_time (modified);
      cd_article_set_modified (a, dt);
    }
  g_assert_true (cd_store_save_article (store, a, CD_REVISION_NONE, NULL, &error));
  g_assert_no_error (error);
  return a;
}

static gboolean
edit_dek (CdArticle *article,
          gpointer   user_data,
          GError   **error)
{
  cd_article_set_dek (article, user_data);
  return TRUE;
}

static gboolean
edit_bad_status (CdArticle *article,
                 gpointer   user_data,
                 GError   **error)
{
  cd_article_set_dek (article, "half of a change");
  return cd_article_set_field (article, "status", "printed", error);
}

static guint
n_revisions (CdStore    *store,
             const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) revisions = cd_store_list_revisions (store, uuid, &error);

  g_assert_no_error (error);
  return revisions->len;
}

/* cd_store_edit_article: a change is saved as an edit (revision, modified
 * time, outbox); no change writes nothing; a failed edit leaves the
 * article as it was. */
static void
test_edit_article (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  g_autoptr (CdArticle) a = save_simple (store, "Old story", "Body.", CD_ARTICLE_STATUS_DRAFT,
                                         "2020-01-01T00:00:00Z");
  const char *uuid = cd_article_get_uuid (a);
  g_autoptr (CdArticle) after = NULL;
  g_autoptr (CdArticle) same = NULL;
  g_autoptr (CdArticle) failed = NULL;
  g_autoptr (GPtrArray) outbox = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cd_store_outbox_remove (store, uuid, cd_store_outbox_get_queued_at (store, uuid),
                                         &error));
  g_assert_no_error (error);

  g_assert_true (cd_store_edit_article (store, uuid, edit_dek, "A new dek", &error));
  g_assert_no_error (error);
  after = cd_store_get_article (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_dek (after), ==, "A new dek");
  g_assert_cmpint (g_date_time_get_year (cd_article_get_modified (after)), >, 2020);
  g_assert_cmpuint (n_revisions (store, uuid), ==, 1);
  outbox = cd_store_list_outbox (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outbox->len, ==, 1);

  g_assert_true (cd_store_edit_article (store, uuid, edit_dek, "A new dek", &error));
  g_assert_no_error (error);
  same = cd_store_get_article (store, uuid, &error);
  g_assert_true (cd_article_equal (same, after));
  g_assert_cmpuint (n_revisions (store, uuid), ==, 1);

  g_assert_false (cd_store_edit_article (store, uuid, edit_bad_status, NULL, &error));
  g_assert_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  failed = cd_store_get_article (store, uuid, &error);
  g_assert_true (cd_article_equal (failed, after));
  g_assert_cmpuint (n_revisions (store, uuid), ==, 1);

  g_assert_false (cd_store_edit_article (store, "00000000-0000-4000-8000-000000000000",
                                         edit_dek, "x", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
}

static void
assert_headlines (GPtrArray  *articles,
                  const char *expected)
{
  g_autoptr (GString) got = g_string_new (NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      if (i > 0)
        g_string_append_c (got, ',');
      const char *headline = cd_article_get_headline (g_ptr_array_index (articles, i));

      g_string_append (got, headline != NULL ? headline : "");
    }
  g_assert_cmpstr (got->str, ==, expected);
}

static GPtrArray *
list_with (CdStore    *store,
           const char *search,
           int         status,
           gboolean    trashed,
           guint       limit)
{
  CdStoreQuery query = { search, status, trashed, limit };
  g_autoptr (GError) error = NULL;
  GPtrArray *list = cd_store_list_articles (store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
test_list_order_filter (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  g_autoptr (CdArticle) a = save_simple (store, "A", "one", CD_ARTICLE_STATUS_DRAFT,
                                         "2026-01-01T10:00:00Z");
  g_autoptr (CdArticle) b = save_simple (store, "B", "two words", CD_ARTICLE_STATUS_PUBLISHED,
                                         "2026-01-03T10:00:00Z");
  g_autoptr (CdArticle) c = save_simple (store, "C", "three more words", CD_ARTICLE_STATUS_DRAFT,
                                         "2026-01-02T10:00:00.5+02:00");
  g_autoptr (CdArticle) d = save_simple (store, "D", "", CD_ARTICLE_STATUS_DRAFT,
                                         "2026-01-02T09:00:00.25Z");
  g_autoptr (GPtrArray) all = list_with (store, NULL, -1, FALSE, 0);
  g_autoptr (GPtrArray) drafts = list_with (store, NULL, CD_ARTICLE_STATUS_DRAFT, FALSE, 0);
  g_autoptr (GPtrArray) two = list_with (store, NULL, -1, FALSE, 2);
  g_autoptr (GPtrArray) killed = list_with (store, NULL, CD_ARTICLE_STATUS_KILLED, FALSE, 0);

  /* C is 08:00 UTC, D 09:00 UTC: the order follows the instant, not the text. */
  assert_headlines (all, "B,D,C,A");
  assert_headlines (drafts, "D,C,A");
  assert_headlines (two, "B,D");
  g_assert_cmpuint (killed->len, ==, 0);
  g_assert_cmpuint (cd_store_summary_get_word_count (g_ptr_array_index (all, 2)), ==, 3);
}

static void
list_ready (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = cd_store_list_articles_finish (CD_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
list_cancelled (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = cd_store_list_articles_finish (CD_STORE (source), result, &error);

  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

/* Every order the library offers, on the real file: times compared as
 * instants whatever their offsets, headlines A to Z with the untitled last,
 * the next embargo first and the articles without one after. */
static void
test_list_sorts (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  static const struct
  {
    const char *headline, *created, *embargo, *modified;
  } rows[] = {
    {"harbour budget",  "2026-01-01T10:00:00Z",      "2026-02-01T09:00:00+01:00", "2026-01-05T10:00:00Z"},
    { "Airport strike", "2026-01-02T10:00:00+05:00", NULL,                        "2026-01-04T10:00:00Z"},
    { "",               "2026-01-02T06:00:00Z",      "2026-02-01T07:30:00Z",      "2026-01-03T10:00:00Z"},
    { "Zoo reopens",    "2026-01-03T10:00:00Z",      "2026-01-20T09:00:00-05:00", "2026-01-02T10:00:00Z"},
  };
  static const char *const expected[] = {
    [CD_STORE_SORT_MODIFIED] = "harbour budget,Airport strike,,Zoo reopens",
    /* Airport's 10:00+05:00 is 05:00 UTC, before the untitled one's 06:00. */
    [CD_STORE_SORT_CREATED] = "Zoo reopens,,Airport strike,harbour budget",
    [CD_STORE_SORT_HEADLINE] = "Airport strike,harbour budget,Zoo reopens,",
    /* 07:30 UTC comes before harbour's 09:00+01:00 (08:00 UTC); no embargo last. */
    [CD_STORE_SORT_EMBARGO] = "Zoo reopens,,harbour budget,Airport strike",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (CdArticle) a = cd_article_new ();
      g_autoptr (GDateTime) created = parse_time (rows[i].created);
      g_autoptr (GDateTime) modified = parse_time (rows[i].modified);
      g_autoptr (GError) error = NULL;

      cd_article_set_headline (a, rows[i].headline);
      cd_article_set_created (a, created);
      cd_article_set_modified (a, modified);
      if (rows[i].embargo != NULL)
        {
          g_autoptr (GDateTime) embargo = parse_time (rows[i].embargo);

          cd_article_set_embargo (a, embargo);
        }
      g_assert_true (cd_store_save_article (store, a, CD_REVISION_NONE, NULL, &error));
      g_assert_no_error (error);
    }

  for (CdStoreSort sort = 0; sort < CD_STORE_N_SORTS; sort++)
    {
      CdStoreQuery query = { NULL, -1, FALSE, 0, sort };
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) list = cd_store_list_articles (store, &query, &error);
      CdStoreSort back;

      g_assert_no_error (error);
      g_test_message ("sort %s", cd_store_sort_to_string (sort));
      assert_headlines (list, expected[sort]);
      g_assert_true (cd_store_sort_from_string (cd_store_sort_to_string (sort), &back));
      g_assert_cmpint (back, ==, sort);
    }
  {
    CdStoreSort back = CD_STORE_SORT_HEADLINE;

    g_assert_false (cd_store_sort_from_string ("alphabetical", &back));
    g_assert_cmpint (back, ==, CD_STORE_SORT_HEADLINE);
  }
}

static void
test_list_async (Fixture      *f,
                 gconstpointer data)
{
  CdStore *store = open_store (f);
  g_autoptr (CdArticle) a = save_simple (store, "Older", "x", CD_ARTICLE_STATUS_DRAFT,
                                         "2026-01-01T10:00:00Z");
  g_autoptr (CdArticle) b = save_simple (store, "Newer", "y", CD_ARTICLE_STATUS_HELD,
                                         "2026-01-02T10:00:00Z");
  g_autoptr (GPtrArray) result = NULL;
  g_autoptr (GPtrArray) held = NULL;
  CdStoreQuery query = { NULL, CD_ARTICLE_STATUS_HELD, FALSE, 0 };

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);

  cd_store_list_articles_async (store, NULL, NULL, list_ready, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_headlines (result, "Newer,Older");

  cd_store_list_articles_async (store, &query, NULL, list_ready, &held);
  while (held == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_headlines (held, "Newer");

  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    gboolean done = FALSE;

    g_cancellable_cancel (cancellable);
    cd_store_list_articles_async (store, NULL, cancellable, list_cancelled, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }

  /* The store dies with its last reference, once the worker threads have
   * dropped their tasks, which may come a moment after the callbacks. */
  g_object_unref (store);
  for (guint waited = 0; g_atomic_pointer_get (&store) != NULL && waited < 5000; waited++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (store);
}

static void
test_search (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  g_autoptr (CdArticle) body_hit =
      save_simple (store, "Council meets", "The council talked about the flood defences "
                                           "and the budget for them.",
                   CD_ARTICLE_STATUS_DRAFT, "2026-01-03T00:00:00Z");
  g_autoptr (CdArticle) headline_hit =
      save_simple (store, "Flood waters rise in Köln", "Water rose overnight.",
                   CD_ARTICLE_STATUS_DRAFT, "2026-01-01T00:00:00Z");
  g_autoptr (CdArticle) other =
      save_simple (store, "Match report", "foo bar (AND) \"quoted\" text",
                   CD_ARTICLE_STATUS_PUBLISHED, "2026-01-02T00:00:00Z");
  g_autoptr (GPtrArray) flood = list_with (store, "flood", -1, FALSE, 0);
  g_autoptr (GPtrArray) prefix = list_with (store, "floo", -1, FALSE, 0);
  g_autoptr (GPtrArray) accents = list_with (store, "koln", -1, FALSE, 0);
  g_autoptr (GPtrArray) two_words = list_with (store, "budget council", -1, FALSE, 0);
  g_autoptr (GPtrArray) odd = list_with (store, "\"foo AND (", -1, FALSE, 0);
  g_autoptr (GPtrArray) no_words = list_with (store, "(( \" * ^", -1, FALSE, 0);
  g_autoptr (GPtrArray) bad_utf8 = list_with (store, "fl\xff\xfeood", -1, FALSE, 0);
  g_autoptr (GPtrArray) status = list_with (store, "flood", CD_ARTICLE_STATUS_PUBLISHED, FALSE, 0);
  g_autoptr (GPtrArray) published = list_with (store, "text", CD_ARTICLE_STATUS_PUBLISHED, FALSE, 0);
  g_autoptr (GPtrArray) best = list_with (store, "flood", -1, FALSE, 1);
  g_autoptr (CdArticle) joined =
      save_simple (store, "S&P 500 closes higher", "U.S. stocks rose in Emilia-Romagna's "
                                                   "honour.",
                   CD_ARTICLE_STATUS_HELD, "2025-12-01T00:00:00Z");
  g_autoptr (CdArticle) scattered =
      save_simple (store, "Stocks and pensions", "Some people save; policy makers "
                                                 "spoke of the U.K. and Romagna.",
                   CD_ARTICLE_STATUS_HELD, "2025-12-02T00:00:00Z");
  /* Words joined by punctuation are found side by side, not anywhere. */
  g_autoptr (GPtrArray) ampersand = list_with (store, "S&P", CD_ARTICLE_STATUS_HELD, FALSE, 0);
  g_autoptr (GPtrArray) dotted = list_with (store, "U.S.", CD_ARTICLE_STATUS_HELD, FALSE, 0);
  g_autoptr (GPtrArray) hyphen = list_with (store, "Emilia-Romagna", CD_ARTICLE_STATUS_HELD, FALSE, 0);
  g_autoptr (GPtrArray) apart = list_with (store, "Romagna stocks", CD_ARTICLE_STATUS_HELD, FALSE, 0);
  g_autoptr (GPtrArray) typing = list_with (store, "Emilia-Rom", CD_ARTICLE_STATUS_HELD, FALSE, 0);
  g_autoptr (GPtrArray) after_edit = NULL;
  g_autoptr (GPtrArray) after_trash = NULL;
  g_autoptr (GError) error = NULL;

  /* A headline match ranks above a body match, though it is older. */
  assert_headlines (flood, "Flood waters rise in Köln,Council meets");
  assert_headlines (prefix, "Flood waters rise in Köln,Council meets");
  assert_headlines (accents, "Flood waters rise in Köln");
  assert_headlines (two_words, "Council meets");
  assert_headlines (odd, "Match report");
  g_assert_cmpuint (no_words->len, ==, 0);
  g_assert_cmpuint (bad_utf8->len, ==, 0);
  g_assert_cmpuint (status->len, ==, 0);
  assert_headlines (published, "Match report");
  assert_headlines (best, "Flood waters rise in Köln");
  assert_headlines (ampersand, "S&P 500 closes higher");
  assert_headlines (dotted, "S&P 500 closes higher");
  assert_headlines (hyphen, "S&P 500 closes higher");
  assert_headlines (typing, "S&P 500 closes higher");
  g_assert_cmpuint (apart->len, ==, 2);
  g_assert_null (cd_article_get_body (g_ptr_array_index (flood, 0)));

  /* The index follows edits and the trash. */
  cd_article_set_body (body_hit, "Nothing about water here.");
  g_assert_true (cd_store_save_article (store, body_hit, CD_REVISION_NONE, NULL, &error));
  g_assert_no_error (error);
  after_edit = list_with (store, "flood", -1, FALSE, 0);
  assert_headlines (after_edit, "Flood waters rise in Köln");
  g_assert_true (cd_store_trash_article (store, cd_article_get_uuid (headline_hit), &error));
  g_assert_no_error (error);
  after_trash = list_with (store, "flood", -1, FALSE, 0);
  g_assert_cmpuint (after_trash->len, ==, 0);
  g_clear_pointer (&after_trash, g_ptr_array_unref);
  after_trash = list_with (store, "flood", -1, TRUE, 0);
  assert_headlines (after_trash, "Flood waters rise in Köln");
}

static int
count_rows (CdStore    *store,
            const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int           n;

  g_assert_cmpint (sqlite3_open (cd_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_trash (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  g_autoptr (CdArticle) a = save_simple (store, "A", "a", CD_ARTICLE_STATUS_DRAFT,
                                         "2026-01-01T00:00:00Z");
  g_autoptr (CdArticle) b = save_simple (store, "B", "b", CD_ARTICLE_STATUS_DRAFT,
                                         "2026-01-02T00:00:00Z");
  g_autoptr (CdArticle) c = save_simple (store, "C", "c", CD_ARTICLE_STATUS_DRAFT,
                                         "2026-01-03T00:00:00Z");
  g_autoptr (GPtrArray) live = NULL;
  g_autoptr (GPtrArray) trash = NULL;
  g_autoptr (CdArticle) still = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cd_store_save_article (store, a, CD_REVISION_CHECKPOINT, NULL, &error));
  g_assert_true (cd_store_trash_article (store, cd_article_get_uuid (a), &error));
  g_assert_no_error (error);
  g_assert_true (cd_store_trash_article (store, cd_article_get_uuid (b), &error));
  g_assert_true (cd_store_is_trashed (store, cd_article_get_uuid (a)));
  g_assert_false (cd_store_is_trashed (store, cd_article_get_uuid (c)));
  /* Trashing twice is harmless. */
  g_assert_true (cd_store_trash_article (store, cd_article_get_uuid (b), &error));
  g_assert_no_error (error);

  live = list_with (store, NULL, -1, FALSE, 0);
  assert_headlines (live, "C");
  trash = list_with (store, NULL, -1, TRUE, 0);
  g_assert_cmpuint (trash->len, ==, 2);

  /* An article in the trash can still be read, and saving keeps it there. */
  still = cd_store_get_article (store, cd_article_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (a, still));
  g_assert_true (cd_store_save_article (store, a, CD_REVISION_NONE, NULL, &error));
  g_assert_true (cd_store_is_trashed (store, cd_article_get_uuid (a)));

  g_assert_true (cd_store_untrash_article (store, cd_article_get_uuid (b), &error));
  g_assert_no_error (error);
  g_clear_pointer (&live, g_ptr_array_unref);
  live = list_with (store, NULL, -1, FALSE, 0);
  assert_headlines (live, "C,B");

  g_assert_false (cd_store_trash_article (store, "missing", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cd_store_untrash_article (store, "missing", &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM revisions"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox"), ==, 3);
  g_assert_cmpuint (cd_store_empty_trash (store, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_false (cd_store_has_article (store, cd_article_get_uuid (a)));
  g_assert_true (cd_store_has_article (store, cd_article_get_uuid (b)));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM revisions"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM articles_fts WHERE articles_fts "
                                      "MATCH 'a'"),
                   ==, 0);
  g_assert_cmpuint (cd_store_empty_trash (store, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_revisions (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  g_autoptr (CdArticle) a = make_full_article ();
  g_autoptr (CdArticle) first = NULL;
  g_autoptr (CdArticle) restored = NULL;
  g_autoptr (CdArticle) current = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (CdRevision) got = NULL;
  g_autoptr (CdRevision) missing = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *same = NULL;
  CdRevision      *older, *newer;

  g_assert_true (cd_store_save_article (store, a, CD_REVISION_CHECKPOINT, NULL, &error));
  g_assert_no_error (error);
  first = cd_article_copy (a);

  cd_article_set_headline (a, "Flood waters fall in Passau");
  cd_article_set_body (a, "Water fell **slowly** overnight.\n\n## Evacuations\n\nThe old town "
                          "was cleared by 6 a.m.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  cd_article_touch (a);
  g_assert_true (cd_store_save_article (store, a, CD_REVISION_NAMED, "Sent to desk", &error));
  g_assert_no_error (error);
  /* An autosave takes no revision. */
  cd_article_set_dek (a, "Autosaved");
  g_assert_true (cd_store_save_article (store, a, CD_REVISION_NONE, NULL, &error));

  revisions = cd_store_list_revisions (store, cd_article_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  newer = g_ptr_array_index (revisions, 0);
  older = g_ptr_array_index (revisions, 1);
  g_assert_cmpint (cd_revision_get_reason (newer), ==, CD_REVISION_NAMED);
  g_assert_cmpstr (cd_revision_get_name (newer), ==, "Sent to desk");
  g_assert_cmpint (cd_revision_get_reason (older), ==, CD_REVISION_CHECKPOINT);
  g_assert_null (cd_revision_get_name (older));
  g_assert_true (cd_article_equal (cd_revision_get_snapshot (older), first));
  g_assert_cmpint (cd_revision_get_id (newer), >, cd_revision_get_id (older));
  g_assert_nonnull (cd_revision_get_created (newer));

  got = cd_store_get_revision (store, cd_revision_get_id (older), &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (cd_revision_get_snapshot (got), first));
  missing = cd_store_get_revision (store, 999999, &error);
  g_assert_null (missing);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  diff = cd_diff_articles (cd_revision_get_snapshot (older), cd_revision_get_snapshot (newer));
  g_assert_nonnull (strstr (diff, "headline: Flood waters rise in Passau → "
                                  "Flood waters fall in Passau\n"));
  g_assert_nonnull (strstr (diff, "body:\n--- before\n+++ after\n@@ "));
  g_assert_nonnull (strstr (diff, "\n-Water rose **fast** overnight.\n"
                                  "+Water fell **slowly** overnight.\n"));
  g_assert_null (strstr (diff, "byline"));
  same = cd_diff_articles (first, cd_revision_get_snapshot (older));
  g_assert_cmpstr (same, ==, "");

  /* Restoring makes a new revision and keeps the later ones. */
  restored = cd_store_restore_revision (store, cd_revision_get_id (older), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (restored), ==, "Flood waters rise in Passau");
  g_assert_cmpstr (cd_article_get_uuid (restored), ==, cd_article_get_uuid (a));
  g_assert_cmpstr (cd_article_get_body (restored), ==, cd_article_get_body (first));
  g_assert_cmpint (g_date_time_compare (cd_article_get_modified (restored),
                                        cd_article_get_modified (first)),
                   >, 0);
  current = cd_store_get_article (store, cd_article_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (current, restored));

  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = cd_store_list_revisions (store, cd_article_get_uuid (a), &error);
  g_assert_cmpuint (revisions->len, ==, 3);
  g_assert_cmpint (cd_revision_get_reason (g_ptr_array_index (revisions, 0)), ==,
                   CD_REVISION_RESTORED);
  g_assert_true (cd_article_equal (cd_revision_get_snapshot (g_ptr_array_index (revisions, 0)),
                                   restored));

  g_assert_null (cd_store_restore_revision (store, 424242, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND);
}

static void
exec_sql (CdStore    *store,
          const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (cd_store_get_path (store), &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static void
test_revisions_damaged (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  g_autoptr (CdArticle) a = save_simple (store, "Kept", "Body", CD_ARTICLE_STATUS_DRAFT, NULL);
  g_autoptr (CdArticle) before = cd_article_copy (a);
  g_autoptr (CdArticle) after = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (CdRevision) revision = NULL;
  g_autoptr (GError) error = NULL;
  CdArticle *snapshot;
  gint64     id;

  g_assert_true (cd_store_save_article (store, a, CD_REVISION_CHECKPOINT, NULL, &error));
  exec_sql (store, "UPDATE revisions SET snapshot = '{\"uuid\": 42'");

  /* A listing still works and shows the damage only when the snapshot is
   * wanted; reading or restoring that revision is an error, and the
   * article is left alone. */
  revisions = cd_store_list_revisions (store, cd_article_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  id = cd_revision_get_id (g_ptr_array_index (revisions, 0));
  g_test_expect_message ("cd-revision", G_LOG_LEVEL_WARNING, "*damaged*");
  snapshot = cd_revision_get_snapshot (g_ptr_array_index (revisions, 0));
  g_test_assert_expected_messages ();
  g_assert_cmpstr (cd_article_get_uuid (snapshot), ==, cd_article_get_uuid (a));

  revision = cd_store_get_revision (store, id, &error);
  g_assert_null (revision);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_null (cd_store_restore_revision (store, id, &error));
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  after = cd_store_get_article (store, cd_article_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (before, after));
  g_clear_object (&after);

  /* A damaged column costs that field, not the article. */
  exec_sql (store, "UPDATE articles SET tags = '{\"not\": \"a list\"}', corrections = '[1]'");
  g_test_expect_message ("cd-store", G_LOG_LEVEL_WARNING, "*damaged tags*");
  g_test_expect_message ("cd-store", G_LOG_LEVEL_WARNING, "*damaged corrections*");
  after = cd_store_get_article (store, cd_article_get_uuid (a), &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (after), ==, "Kept");
  g_assert_null (cd_article_get_tags (after));
}

static void
test_json (void)
{
  g_autoptr (CdArticle) a = make_full_article ();
  g_autoptr (CdArticle) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) public = NULL;
  g_autofree char *json = cd_article_to_json (a, CD_ARTICLE_JSON_DEFAULT, TRUE);
  g_autoptr (GList) members = NULL;
  g_autoptr (GString) keys = g_string_new (NULL);
  JsonObject *object;

  back = cd_article_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (a, back));

  public = cd_article_to_json_node (a, CD_ARTICLE_JSON_PUBLIC | CD_ARTICLE_JSON_NO_BODY);
  object = json_node_get_object (public);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (keys, "%s ", (const char *) l->data);
  g_assert_cmpstr (keys->str, ==, "uuid headline dek byline dateline source slug section tags "
                                  "status embargo language ednote created modified ");
  g_assert_cmpstr (json_object_get_string_member (object, "embargo"), ==, "2026-03-01T03:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "ready-for-edit");

  g_assert_null (cd_article_from_json ("{\"headline\": \"no uuid\"}", &error));
  g_assert_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (cd_article_from_json ("{\"uuid\": \"u\", \"tags\": \"one\"}", &error));
  g_assert_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "tags"));
}

/* The first schema, as a store written by the first release has it. */
static const char v1_schema[] =
    "CREATE TABLE articles ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, headline TEXT, dek TEXT,"
    "  byline TEXT, dateline TEXT, source TEXT, slug TEXT, section TEXT, tags TEXT,"
    "  status TEXT NOT NULL DEFAULT 'draft', embargo TEXT,"
    "  length_target INTEGER NOT NULL DEFAULT 0, language TEXT, image TEXT,"
    "  image_caption TEXT, image_credit TEXT, created TEXT, modified TEXT,"
    "  modified_us INTEGER NOT NULL DEFAULT 0, word_count INTEGER NOT NULL DEFAULT 0,"
    "  trashed_at INTEGER, corrections TEXT, extra TEXT, ednote TEXT);"
    "CREATE INDEX articles_by_trash_modified ON articles (trashed_at, modified_us);"
    "CREATE INDEX articles_by_modified ON articles (modified_us);"
    "CREATE INDEX articles_by_status ON articles (status, modified_us);"
    "CREATE TABLE article_bodies ("
    "  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE, body TEXT);"
    "CREATE TABLE revisions ("
    "  id INTEGER PRIMARY KEY,"
    "  article_uuid TEXT NOT NULL REFERENCES articles (uuid) ON DELETE CASCADE,"
    "  created INTEGER NOT NULL, reason TEXT NOT NULL, name TEXT, snapshot TEXT NOT NULL);"
    "CREATE INDEX revisions_by_article ON revisions (article_uuid, id);"
    "INSERT INTO articles (id, uuid, headline, dek, tags, status, language, created, modified,"
    "  modified_us, word_count)"
    "  VALUES (7, '11111111-2222-3333-4444-555555555555', 'Harbour reopens', 'After the storm',"
    "  '[\"port\",\"storm\"]', 'held', 'en', '2025-05-01T08:00:00Z', '2025-05-02T09:30:00Z',"
    "  1746178200000000, 4);"
    "INSERT INTO article_bodies (article_id, body) VALUES (7, 'Ships sail again today.');"
    "INSERT INTO articles (id, uuid, headline, status, modified_us)"
    "  VALUES (8, '66666666-2222-3333-4444-555555555555', 'Bodiless brief', 'draft', 1);"
    "INSERT INTO revisions (article_uuid, created, reason, name, snapshot)"
    "  VALUES ('11111111-2222-3333-4444-555555555555', 1746178200000000, 'checkpoint', NULL,"
    "  '{\"uuid\":\"11111111-2222-3333-4444-555555555555\",\"headline\":\"Harbour shut\"}');"
    "PRAGMA user_version = 1;";

static void
write_database (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static void
test_migrate_from_v1 (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "copydesk.db", NULL);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) a = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GPtrArray) outbox = NULL;
  g_autoptr (GError) error = NULL;
  const char *uuid = "11111111-2222-3333-4444-555555555555";
  g_autoptr (CdArticle) brief = NULL;
  g_autoptr (GPtrArray) found_brief = NULL;
  CdArticle *old;

  write_database (path, v1_schema);
  store = open_store (f);
  g_assert_cmpint (cd_store_get_schema_version (store), >=, 3);

  a = cd_store_get_article (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Harbour reopens");
  g_assert_cmpstr (cd_article_get_tags (a)[1], ==, "storm");
  g_assert_cmpint (cd_article_get_status (a), ==, CD_ARTICLE_STATUS_HELD);

  /* Migration 2 indexed the articles that were there. */
  found = list_with (store, "ships", -1, FALSE, 0);
  assert_headlines (found, "Harbour reopens");
  revisions = cd_store_list_revisions (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  old = cd_revision_get_snapshot (g_ptr_array_index (revisions, 0));
  g_assert_cmpstr (cd_article_get_headline (old), ==, "Harbour shut");

  /* Migration 3 added the outbox. */
  cd_article_set_body (a, "Ships sail again.");
  g_assert_true (cd_store_save_article (store, a, CD_REVISION_EDITED, NULL, &error));
  g_assert_no_error (error);
  outbox = cd_store_list_outbox (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outbox->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (outbox, 0), ==, uuid);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM articles_fts WHERE articles_fts "
                                      "MATCH 'today'"),
                   ==, 0);

  /* An article that had no body row gets one, and is indexed once. */
  brief = cd_store_get_article (store, "66666666-2222-3333-4444-555555555555", &error);
  g_assert_no_error (error);
  g_assert_null (cd_article_get_body (brief));
  cd_article_set_body (brief, "Lighthouse keepers return.");
  g_assert_true (cd_store_save_article (store, brief, CD_REVISION_NONE, NULL, &error));
  g_assert_no_error (error);
  found_brief = list_with (store, "lighthouse bodiless", -1, FALSE, 0);
  assert_headlines (found_brief, "Bodiless brief");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM articles_fts"), ==, 2);
}

static char *
read_file_contents (const char *path,
                    gsize      *len)
{
  char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_migrate_too_new (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "copydesk.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gsize before_len, after_len;

  write_database (path, "CREATE TABLE future (x); PRAGMA user_version = 99;");
  before = read_file_contents (path, &before_len);

  store = cd_store_open (f->dir, &error);
  g_assert_null (store);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "newer version of Copydesk"));
  g_assert_nonnull (strstr (error->message, "99"));

  after = read_file_contents (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_open_not_a_database (Fixture      *f,
                          gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "copydesk.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *after = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  gsize after_len;

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "These are my notes, not a database.\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  store = cd_store_open (f->dir, &error);
  g_assert_null (store);
  g_assert_error (error, CD_STORE_ERROR, CD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));

  after = read_file_contents (path, &after_len);
  g_assert_cmpmem (text->str, text->len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

typedef struct
{
  char *dir;
  char *prefix;
  guint count;
  gint *writers_running;
} WriterData;

static gpointer
writer_thread (gpointer user_data)
{
  WriterData *w = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (w->dir, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < w->count; i++)
    {
      g_autoptr (CdArticle) a = cd_article_new ();
      g_autofree char *headline = g_strdup_printf ("%s %u", w->prefix, i);

      cd_article_set_headline (a, headline);
      cd_article_set_body (a, "Concurrent writing works when the busy timeout waits.");
      g_assert_true (cd_store_save_article (store, a, CD_REVISION_CHECKPOINT, NULL, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_dec_and_test (w->writers_running);
  return NULL;
}

static void
test_concurrent (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (CdStore) reader = open_store (f);
  gint       running = 2;
  WriterData wa = { f->dir, "alpha", 150, &running };
  WriterData wb = { f->dir, "beta", 150, &running };
  GThread   *ta, *tb;
  guint      lists = 0;
  guint      last = 0;
  g_autoptr (GPtrArray) final = NULL;
  g_autoptr (GPtrArray) alpha = NULL;

  /* Two connections writing and a third reading, as the window and
   * commands do: nothing fails with "database is locked". */
  ta = g_thread_new ("writer-a", writer_thread, &wa);
  tb = g_thread_new ("writer-b", writer_thread, &wb);
  while (g_atomic_int_get (&running) > 0)
    {
      g_autoptr (GPtrArray) list = list_with (reader, NULL, -1, FALSE, 0);

      g_assert_cmpuint (list->len, >=, last);
      last = list->len;
      lists++;
    }
  g_thread_join (ta);
  g_thread_join (tb);

  final = list_with (reader, NULL, -1, FALSE, 0);
  g_assert_cmpuint (final->len, ==, 300);
  alpha = list_with (reader, "alpha", -1, FALSE, 0);
  g_assert_cmpuint (alpha->len, ==, 150);
  g_assert_cmpint (count_rows (reader, "SELECT count(*) FROM revisions"), ==, 300);
  g_assert_cmpuint (lists, >, 0);
}

static void
test_outbox (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (CdStore) store = open_store (f);
  g_autoptr (CdArticle) local = cd_article_new ();
  g_autoptr (CdArticle) pulled = cd_article_new ();
  g_autoptr (CdArticle) merged = cd_article_new ();
  g_autoptr (GPtrArray) outbox = NULL;
  g_autoptr (GError) error = NULL;
  const char *uuid = cd_article_get_uuid (local);
  gint64      first, second;

  g_assert_true (cd_store_save_article (store, local, CD_REVISION_NONE, NULL, &error));
  g_assert_true (cd_store_save_article (store, pulled, CD_REVISION_PULLED, NULL, &error));
  g_assert_true (cd_store_save_article (store, merged, CD_REVISION_MERGED, NULL, &error));
  g_assert_no_error (error);

  outbox = cd_store_list_outbox (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outbox->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (outbox, 0), ==, uuid);
  g_assert_cmpint (cd_store_outbox_get_queued_at (store, cd_article_get_uuid (pulled)), ==, 0);

  /* Saving again collapses into the same row and moves queued_at on. */
  first = cd_store_outbox_get_queued_at (store, uuid);
  g_assert_cmpint (first, >, 0);
  g_assert_true (cd_store_save_article (store, local, CD_REVISION_CHECKPOINT, NULL, &error));
  second = cd_store_outbox_get_queued_at (store, uuid);
  g_assert_cmpint (second, >, first);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM outbox"), ==, 1);

  /* A push of the first state does not drop the second change. */
  g_assert_true (cd_store_outbox_remove (store, uuid, first, &error));
  g_assert_cmpint (cd_store_outbox_get_queued_at (store, uuid), ==, second);
  g_assert_true (cd_store_outbox_remove (store, uuid, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cd_store_outbox_get_queued_at (store, uuid), ==, 0);

  /* A pulled change to a queued article leaves it queued. */
  g_assert_true (cd_store_save_article (store, local, CD_REVISION_NONE, NULL, &error));
  first = cd_store_outbox_get_queued_at (store, uuid);
  g_assert_true (cd_store_save_article (store, local, CD_REVISION_PULLED, NULL, &error));
  g_assert_cmpint (cd_store_outbox_get_queued_at (store, uuid), ==, first);
}

static void
test_lifetime (Fixture      *f,
               gconstpointer data)
{
  CdStore *store = open_store (f);
  CdStore *second = open_store (f);
  g_autoptr (CdArticle) a = save_simple (store, "kept", "body", CD_ARTICLE_STATUS_DRAFT, NULL);
  g_autoptr (CdArticle) b = NULL;
  g_autoptr (GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  g_object_unref (store);
  g_assert_null (store);

  /* Closing one connection leaves the file whole for the other. */
  b = cd_store_get_article (second, cd_article_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_equal (a, b));
  g_object_unref (second);
  g_assert_null (second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/open/create", test_open_create);
  ADD ("/store/open/default-dir", test_open_default_dir);
  ADD ("/store/open/not-a-database", test_open_not_a_database);
  ADD ("/store/article/roundtrip", test_article_roundtrip);
  ADD ("/store/article/not-found", test_article_not_found);
  ADD ("/store/article/tags", test_article_tags);
  ADD ("/store/list/order-and-filter", test_list_order_filter);
  ADD ("/store/list/sorts", test_list_sorts);
  ADD ("/store/list/async", test_list_async);
  ADD ("/store/search", test_search);
  ADD ("/store/edit-article", test_edit_article);
  ADD ("/store/trash", test_trash);
  ADD ("/store/revisions", test_revisions);
  ADD ("/store/revisions/damaged", test_revisions_damaged);
  ADD ("/store/migrations/from-v1", test_migrate_from_v1);
  ADD ("/store/migrations/too-new", test_migrate_too_new);
  ADD ("/store/concurrent", test_concurrent);
  ADD ("/store/outbox", test_outbox);
  ADD ("/store/lifetime", test_lifetime);
  g_test_add_func ("/store/json", test_json);

  return g_test_run ();
}
