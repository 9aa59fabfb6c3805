/* test-window.c: the workstation window under Xvfb: opening an article,
 * typing into it for real, the library's actions and history restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "cd-history.h"
#include "cd-preferences.h"
#include "cd-ui-test.h"

typedef struct
{
  CdWindow   *window;
  const char *needle;
} PreviewText;

static gboolean
preview_shows (gpointer data)
{
  PreviewText     *check = data;
  WebKitWebView   *view = cd_preview_get_web_view (cd_window_get_preview (check->window));
  g_autofree char *text = cd_ui_eval_js (view, "document.body ? document.body.innerText : ''");

  return strstr (text, check->needle) != NULL;
}

static void
test_open_shows_headline (CdUiFixture  *fixture,
                          gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store,
                                                     "Council approves harbour budget",
                                                     "The vote was close.\n\nMore follows.");
  CdWindow      *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  PreviewText    check = { window, "Council approves harbour budget" };
  CdDocument    *document = cd_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (cd_window_get_editor (window)));
  GtkWidget     *focus;
  GtkTextIter    end;

  g_assert_nonnull (document);
  g_assert_cmpstr (cd_article_get_uuid (cd_document_get_article (document)), ==,
                   cd_article_get_uuid (article));

  /* The first time, the cursor sits at the end of the body with focus in it. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  g_assert_cmpint (cd_editor_get_cursor_offset (cd_window_get_editor (window)), ==,
                   gtk_text_iter_get_offset (&end));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == GTK_WIDGET (cd_editor_get_view (cd_window_get_editor (window))));

  cd_ui_wait_preview_loaded (window);
  g_assert_true (cd_ui_wait_for (preview_shows, &check, 10000));
  check.needle = "The vote was close.";
  g_assert_true (cd_ui_wait_for (preview_shows, &check, 10000));

  /* The document dies with its window. */
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  cd_ui_close_window (fixture);
  g_assert_null (document);
}

typedef struct
{
  const char *dir;
  const char *uuid;
  const char *needle;
} StoreText;

static gboolean
store_has_text (gpointer data)
{
  StoreText *check = data;
  g_autoptr (CdArticle) article = cd_ui_read_article (check->dir, check->uuid);

  return strstr (cd_article_get_body (article), check->needle) != NULL;
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static gboolean
history_closed (gpointer data)
{
  return cd_window_get_history (data) == NULL;
}

static gboolean
editor_has_selection (gpointer data)
{
  CdEditor *editor = cd_window_get_editor (data);

  return gtk_text_buffer_get_has_selection (GTK_TEXT_BUFFER (cd_editor_get_buffer (editor)));
}

static GtkWidget *find_descendant (GtkWidget  *widget,
                                   GType       type,
                                   const char *label);

/* The details are laid out and on screen once their expander opened. */
static gboolean
details_shown (gpointer data)
{
  GtkWidget *spin = find_descendant (GTK_WIDGET (data), GTK_TYPE_SPIN_BUTTON, NULL);

  return spin != NULL && gtk_widget_get_mapped (spin) && gtk_widget_get_width (spin) > 0;
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   gint64        *last_change)
{
  *last_change = g_get_monotonic_time ();
}

static void
test_typing_reaches_store (CdUiFixture  *fixture,
                           gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Flood warning",
                                                     "Rivers rose.");
  CdWindow        *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  GtkTextBuffer   *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (cd_window_get_editor (window)));
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (window)));
  const char      *focus_argv[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  const char      *type_argv[] = { "xdotool", "type", "--delay", "15",
                                   " Levees held overnight.", NULL };
  StoreText        check = { fixture->dir, cd_article_get_uuid (article),
                             "Rivers rose. Levees held overnight." };
  gint64           last_change = 0;
  gint64           stored_at;

  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), &last_change);
  cd_ui_wait_preview_loaded (window);
  cd_ui_run (focus_argv);
  g_assert_true (cd_ui_wait_for (window_is_active, window, 10000));
  cd_ui_run (type_argv);

  /* The last key press has reached the buffer; the autosave puts the text
   * in the database (within a second on a quiet machine: the time is
   * reported, and bench-window measures it; a busy machine must not fail
   * the test). */
  g_assert_true (cd_ui_wait_for ((CdUiCondition) store_has_text, &check, 30000));
  stored_at = g_get_monotonic_time ();
  g_assert_cmpint (last_change, >, 0);
  g_test_message ("stored %.0f ms after the last key", (stored_at - last_change) / 1000.0);
  g_signal_handlers_disconnect_by_func (buffer, buffer_changed_cb, &last_change);
}

static gboolean
library_idle (gpointer data)
{
  return !cd_library_get_loading (data);
}

static gboolean
library_lists (CdLibrary  *library,
               const char *uuid)
{
  GListModel *model = cd_library_get_model (library);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CdArticle) item = g_list_model_get_item (model, i);

      if (g_str_equal (cd_article_get_uuid (item), uuid))
        return TRUE;
    }
  return FALSE;
}

/* Whether a header bar under @widget is titled @title. */
static gboolean
shows_title (GtkWidget  *widget,
             const char *title)
{
  if (ADW_IS_WINDOW_TITLE (widget) &&
      g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_title (child, title))
      return TRUE;
  return FALSE;
}

static void
wait_library (CdLibrary *library)
{
  cd_ui_spin (20);
  g_assert_true (cd_ui_wait_for (library_idle, library, 10000));
}

typedef struct
{
  CdLibrary  *library;
  const char *uuid;
} TopIs;

static gboolean
library_top_is (gpointer data)
{
  TopIs      *want = data;
  GListModel *model = cd_library_get_model (want->library);
  g_autoptr (CdArticle) top = NULL;

  if (cd_library_get_loading (want->library) || g_list_model_get_n_items (model) == 0)
    return FALSE;
  top = g_list_model_get_item (model, 0);
  return g_str_equal (cd_article_get_uuid (top), want->uuid);
}

/* The library's order: chosen in its drop down, kept in the settings for the
 * next window, and a setting changed elsewhere reorders the list. */
static void
test_library_sort (CdUiFixture  *fixture,
                   gconstpointer data)
{
  g_autoptr (CdArticle) zoo = cd_ui_add_article (fixture->store, "Zoo reopens", "Body.");
  g_autoptr (CdArticle) airport = cd_ui_add_article (fixture->store, "Airport strike", "Body.");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_minutes (now, 5);
  g_autoptr (GDateTime) earlier = g_date_time_add_minutes (now, -5);
  g_autofree char *sort = NULL;
  CdWindow        *window;
  CdLibrary       *library;
  GSettings       *settings;
  TopIs            airport_top = { NULL, cd_article_get_uuid (airport) };
  TopIs            zoo_top = { NULL, cd_article_get_uuid (zoo) };

  /* Times minutes apart: two saves in one second would tie. */
  cd_article_set_modified (zoo, earlier);
  g_assert_true (cd_store_save_article (fixture->store, zoo, CD_REVISION_NONE, NULL, NULL));
  window = cd_ui_start (fixture, NULL);
  library = cd_window_get_library (window);
  settings = cd_application_get_settings (fixture->app);
  airport_top.library = zoo_top.library = library;
  g_assert_true (cd_ui_wait_for (library_top_is, &airport_top, 10000));

  /* Last changed first, until the person picks another order. */
  cd_article_set_dek (zoo, "Pandas are back.");
  cd_article_set_modified (zoo, later);
  g_assert_true (cd_store_save_article (fixture->store, zoo, CD_REVISION_NONE, NULL, NULL));
  g_assert_true (cd_ui_wait_for (library_top_is, &zoo_top, 10000));

  g_object_set (library, "sort", "headline", NULL);
  sort = g_settings_get_string (settings, "library-sort");
  g_assert_cmpstr (sort, ==, "headline");
  g_assert_true (cd_ui_wait_for (library_top_is, &airport_top, 10000));

  g_settings_set_string (settings, "library-sort", "modified");
  g_assert_true (cd_ui_wait_for (library_top_is, &zoo_top, 10000));
  g_settings_reset (settings, "library-sort");
}

static void
test_library_actions (CdUiFixture  *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) first = cd_ui_add_article (fixture->store, "Zeppelin lands in the square",
                                                   "Crowds gathered.");
  g_autoptr (CdArticle) second = cd_ui_add_article (fixture->store, "School roof repaired",
                                                    "Pupils return on Monday.");
  CdWindow        *window = cd_ui_start (fixture, cd_article_get_uuid (second));
  CdLibrary       *library = cd_window_get_library (window);
  g_autofree char *new_uuid = NULL;
  g_autoptr (CdArticle) first_item = NULL;
  GListModel *model = cd_library_get_model (library);

  wait_library (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  /* Newest first. */
  first_item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cd_article_get_uuid (first_item), ==, cd_article_get_uuid (second));

  /* New */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  new_uuid = g_strdup (
      cd_article_get_uuid (cd_document_get_article (cd_window_get_document (window))));
  g_assert_cmpstr (new_uuid, !=, cd_article_get_uuid (second));
  g_assert_true (cd_store_has_article (fixture->store, new_uuid));
  wait_library (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (library_lists (library, new_uuid));

  /* Trash, then Undo from the toast's action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.trash-article", NULL));
  g_assert_true (cd_store_is_trashed (fixture->store, new_uuid));
  g_assert_null (cd_window_get_document (window));
  wait_library (library);
  g_assert_false (library_lists (library, new_uuid));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.untrash-article", "s",
                                             new_uuid));
  g_assert_false (cd_store_is_trashed (fixture->store, new_uuid));
  g_assert_nonnull (cd_window_get_document (window));
  wait_library (library);
  g_assert_true (library_lists (library, new_uuid));

  /* Trash again, restore from the Trash view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.trash-article", NULL));
  cd_library_set_trash_mode (library, TRUE);
  wait_library (library);
  g_assert_true (shows_title (GTK_WIDGET (window), "Trash"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (library_lists (library, new_uuid));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-article", "s",
                                             new_uuid));
  g_assert_false (cd_store_is_trashed (fixture->store, new_uuid));
  wait_library (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  cd_library_set_trash_mode (library, FALSE);
  wait_library (library);
  g_assert_false (shows_title (GTK_WIDGET (window), "Trash"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Search goes through the store's full-text index. */
  cd_library_set_search (library, "zeppelin");
  wait_library (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (library_lists (library, cd_article_get_uuid (first)));
  cd_library_set_search (library, "pupils");
  wait_library (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (library_lists (library, cd_article_get_uuid (second)));
  cd_library_set_search (library, NULL);
  wait_library (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* The status filter: one article is marked ready for edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-article", "s",
                                             cd_article_get_uuid (second)));
  cd_article_set_status (cd_document_get_article (cd_window_get_document (window)),
                         CD_ARTICLE_STATUS_READY_FOR_EDIT);
  g_assert_true (cd_window_flush (window, NULL));
  cd_library_set_status_filter (library, CD_ARTICLE_STATUS_READY_FOR_EDIT);
  wait_library (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cd_library_set_status_filter (library, -1);
  wait_library (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Ctrl+Shift+F puts the keyboard in the library's search field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-search", NULL));
  g_assert_true (
      GTK_IS_SEARCH_ENTRY (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                                    GTK_TYPE_SEARCH_ENTRY)));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             CD_TYPE_LIBRARY));

  /* Duplicate makes a new draft with the same body. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-article", "s",
                                             cd_article_get_uuid (first)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-article", NULL));
  g_assert_cmpstr (cd_article_get_body (cd_document_get_article (cd_window_get_document (window))),
                   ==, "Crowds gathered.");
  g_assert_cmpstr (cd_article_get_uuid (cd_document_get_article (cd_window_get_document (window))),
                   !=, cd_article_get_uuid (first));
  wait_library (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
}

static void
set_body (CdWindow   *window,
          const char *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (cd_window_get_editor (window)));

  gtk_text_buffer_set_text (buffer, text, -1);
}

/* The text under @tag in the history's diff, runs joined by "|". */
static char *
diff_tagged (GtkWidget  *widget,
             const char *tag_name)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextTag    *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                      tag_name);
      g_autoptr (GString) out = g_string_new (NULL);
      GtkTextIter iter, end;

      if (tag == NULL)
        return NULL;
      gtk_text_buffer_get_start_iter (buffer, &iter);
      while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        {
          if (!gtk_text_iter_starts_tag (&iter, tag))
            continue;
          end = iter;
          gtk_text_iter_forward_to_tag_toggle (&end, tag);
          g_autofree char *slice = gtk_text_iter_get_slice (&iter, &end);

          if (out->len > 0)
            g_string_append_c (out, '|');
          g_string_append (out, slice);
          iter = end;
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      char *found = diff_tagged (c, tag_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_history_restore (CdUiFixture  *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Mayor resigns",
                                                     "First line.\nThe first version.\n");
  CdWindow *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (CdArticle) stored = NULL;
  g_autofree char *diff = NULL;
  CdHistory       *history;
  gboolean         found_restored = FALSE;
  gboolean         found_checkpoint = FALSE;

  cd_document_save_version (cd_window_get_document (window), CD_REVISION_NAMED, "Before edits");
  set_body (window, "First line.\nThe second version.\n");
  g_assert_true (cd_window_flush (window, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL));
  history = CD_HISTORY (cd_window_get_history (window));
  g_assert_nonnull (history);
  g_assert_cmpuint (cd_history_get_n_revisions (history), >=, 1);
  cd_history_select (history, 0);
  diff = cd_history_get_diff_text (history);
  g_assert_nonnull (strstr (diff, "− The first version."));
  g_assert_nonnull (strstr (diff, "+ The second version."));
  g_assert_nonnull (strstr (diff, "  First line."));
  /* Within the changed line, the word that changed. */
  {
    g_autofree char *removed_words = diff_tagged (GTK_WIDGET (history), "removed-words");
    g_autofree char *added_words = diff_tagged (GTK_WIDGET (history), "added-words");

    g_assert_cmpstr (removed_words, ==, "first");
    g_assert_cmpstr (added_words, ==, "second");
  }

  cd_history_restore_selected (history);
  g_assert_true (cd_ui_wait_for (history_closed, window, 10000));

  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_body (stored), ==, "First line.\nThe first version.\n");
  g_assert_cmpstr (cd_article_get_body (cd_document_get_article (cd_window_get_document (window))),
                   ==, "First line.\nThe first version.\n");

  /* Restoring is a new revision, and the replaced text was kept. */
  revisions = cd_store_list_revisions (fixture->store, cd_article_get_uuid (article), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    {
      CdRevision *revision = g_ptr_array_index (revisions, i);
      const char *body = cd_article_get_body (cd_revision_get_snapshot (revision));

      if (cd_revision_get_reason (revision) == CD_REVISION_RESTORED)
        found_restored = TRUE;
      if (cd_revision_get_reason (revision) == CD_REVISION_CHECKPOINT &&
          g_strcmp0 (body, "First line.\nThe second version.\n") == 0)
        found_checkpoint = TRUE;
    }
  g_assert_true (found_restored);
  g_assert_true (found_checkpoint);
}

static void
test_metadata_saved (CdUiFixture  *fixture,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Old headline", "Body.");
  CdWindow   *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  CdMetadata *metadata = cd_window_get_metadata (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) stored = NULL;
  g_autofree char *status_text = NULL;

  /* The slug follows the headline until someone types one. */
  gtk_editable_set_text (cd_metadata_get_editable (metadata, "headline"), "Storm closes bridge");
  gtk_editable_set_text (cd_metadata_get_editable (metadata, "byline"), "By Ana Ruiz");
  gtk_editable_set_text (cd_metadata_get_editable (metadata, "tags"), "weather, traffic");
  g_assert_true (cd_window_flush (window, &error));
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_headline (stored), ==, "Storm closes bridge");
  g_assert_cmpstr (cd_article_get_slug (stored), ==, "storm-closes-bridge");
  g_assert_cmpstr (cd_article_get_byline (stored), ==, "By Ana Ruiz");
  g_assert_cmpstr (cd_article_get_tags (stored)[1], ==, "traffic");
  g_clear_object (&stored);

  gtk_editable_set_text (cd_metadata_get_editable (metadata, "slug"), "bridge-closed");
  gtk_editable_set_text (cd_metadata_get_editable (metadata, "headline"), "Storm shuts bridge");
  g_assert_true (cd_window_flush (window, &error));
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_slug (stored), ==, "bridge-closed");

  /* The embargo is three fields: date, time and time zone. */
  gtk_editable_set_text (cd_metadata_get_editable (metadata, "embargo-zone"), "Europe/Berlin");
  gtk_editable_set_text (cd_metadata_get_editable (metadata, "embargo-time"), "09:30");
  g_assert_null (
      cd_article_get_embargo (cd_document_get_article (cd_window_get_document (window))));
  gtk_editable_set_text (cd_metadata_get_editable (metadata, "embargo-date"), "2026-03-01");
  g_assert_true (cd_window_flush (window, &error));
  g_clear_object (&stored);
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_nonnull (cd_article_get_embargo (stored));
  {
    g_autofree char *iso = cd_format_iso8601_utc (cd_article_get_embargo (stored));

    g_assert_cmpstr (iso, ==, "2026-03-01T08:30:00Z");
  }

  cd_article_set_length_target (cd_document_get_article (cd_window_get_document (window)), 10);
  status_text = cd_editor_get_status_text (cd_window_get_editor (window));
  g_assert_nonnull (strstr (status_text, "1 word"));
  g_assert_nonnull (strstr (status_text, "1 of 10"));
}

/* The label of @drop_down's selected item, or NULL. */
static const char *
selected_label (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static gboolean
lists_dictionaries (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (data)) > 1;
}

/* The details show the article's language, among the languages spelling
 * has dictionaries for, named as people read them; choosing one sets the
 * article's, and a language set elsewhere shows, one without a
 * dictionary said so. */
static void
test_metadata_language (CdUiFixture  *fixture,
                        gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Harbour reopens", "Body.");
  CdWindow    *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  GtkDropDown *language = GTK_DROP_DOWN (cd_ui_find_named (GTK_WIDGET (cd_window_get_metadata (window)), "language"));
  CdArticle   *open = cd_document_get_article (cd_window_get_document (window));
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) stored = NULL;
  GListModel *names;
  guint       german = GTK_INVALID_LIST_POSITION;

  g_assert_nonnull (language);
  g_assert_true (cd_ui_wait_for (lists_dictionaries, language, 10000));
  g_assert_cmpstr (selected_label (language), ==, "English");
  names = gtk_drop_down_get_model (language);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (names, i);

      if (g_str_equal (gtk_string_object_get_string (item), "German (Germany)"))
        german = i;
    }
  g_assert_cmpuint (german, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (language, german);
  g_assert_cmpstr (cd_article_get_language (open), ==, "de-DE");
  g_assert_true (cd_window_flush (window, &error));
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_language (stored), ==, "de-DE");

  /* Set elsewhere (a check's suggestion, the command line). */
  cd_article_set_language (open, "sv");
  g_assert_cmpstr (selected_label (language), ==, "Swedish, no dictionary");
  cd_article_set_language (open, "de");
  g_assert_cmpstr (selected_label (language), ==, "German");

  /* Going to a language check's finding opens the details at the
   * language. */
  cd_metadata_set_expanded (cd_window_get_metadata (window), FALSE);
  g_signal_emit_by_name (adw_bin_get_child (cd_window_get_checks_bin (window)), "activate-finding", "language", 0,
                         2);
  g_assert_true (cd_metadata_get_expanded (cd_window_get_metadata (window)));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (focus == GTK_WIDGET (language) || gtk_widget_is_ancestor (focus, GTK_WIDGET (language)));
  }
}

static gboolean
has_toplevel_of_type (gpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autoptr (GListModel) toplevels = gtk_window_get_toplevels ();

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

static void
close_toplevels_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The divider between the editor and the preview. */
static GtkPaned *
find_paned (CdWindow *window)
{
  for (GtkWidget *widget = GTK_WIDGET (cd_window_get_editor (window)); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    if (GTK_IS_PANED (widget))
      return GTK_PANED (widget);
  g_assert_not_reached ();
}

typedef struct
{
  CdWindow *window;
  int       old_width;     /* the width before the resize */
  int       width, height; /* the size it should come back at */
} WindowSize;

static gboolean
window_resized (gpointer data)
{
  WindowSize *size = data;

  return gtk_widget_get_width (GTK_WIDGET (size->window)) != size->old_width;
}

/* The size and the divider a window opens with are set once it is laid
 * out, which on a busy machine takes a while after it is shown. */
static gboolean
window_has_size (gpointer data)
{
  WindowSize *size = data;

  return gtk_widget_get_width (GTK_WIDGET (size->window)) == size->width &&
         gtk_widget_get_height (GTK_WIDGET (size->window)) == size->height &&
         gtk_paned_get_position (find_paned (size->window)) == 420;
}

static void
test_app_windows (CdUiFixture  *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Ferry timetable", "Boats.");
  CdWindow   *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  const GType types[] = { GTK_TYPE_SHORTCUTS_WINDOW, ADW_TYPE_PREFERENCES_WINDOW,
                          ADW_TYPE_ABOUT_WINDOW };
  int         width, height;

  /* The shortcuts window comes from gtk/help-overlay.ui in the resources. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_assert_true (cd_ui_wait_for (has_toplevel_of_type, GSIZE_TO_POINTER (types[i]), 5000));
      close_toplevels_of_type (types[i]);
    }

  /* F9 is the preview setting, whatever shows it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL));
  g_assert_false (g_settings_get_boolean (cd_application_get_settings (fixture->app),
                                          "show-preview"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL));
  g_assert_true (g_settings_get_boolean (cd_application_get_settings (fixture->app),
                                         "show-preview"));

  /* The window's size and the editor/preview divider outlive it. */
  {
    GSettings       *settings = cd_application_get_settings (fixture->app);
    g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (window)));
    const char      *resize_argv[] = { "xdotool", "windowsize", "--sync",
                                       xid, "1000", "700", NULL };
    GtkPaned        *paned;

    WindowSize size = { window, gtk_widget_get_width (GTK_WIDGET (window)), 0, 0 };

    cd_ui_run (resize_argv);
    g_assert_true (cd_ui_wait_for (window_resized, &size, 10000));
    paned = find_paned (window);
    gtk_paned_set_position (paned, 420);
    size.width = gtk_widget_get_width (GTK_WIDGET (window));
    size.height = gtk_widget_get_height (GTK_WIDGET (window));
    g_assert_true (cd_ui_wait_for (window_has_size, &size, 10000));
    width = gtk_widget_get_width (GTK_WIDGET (window));
    height = gtk_widget_get_height (GTK_WIDGET (window));
    cd_ui_close_window (fixture);
    g_assert_cmpint (g_settings_get_int (settings, "preview-position"), ==, 420);

    /* The next window comes back at the same size. */
    window = cd_ui_start (fixture, cd_article_get_uuid (article));
    size = (WindowSize){ window, 0, width, height };
    cd_ui_wait_for (window_has_size, &size, 10000);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, height);
    g_assert_cmpint (gtk_paned_get_position (find_paned (window)), ==, 420);
    cd_ui_close_window (fixture);
    g_settings_reset (settings, "window-width");
    g_settings_reset (settings, "window-height");
    g_settings_reset (settings, "preview-position");
  }
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (label == NULL || (GTK_IS_BUTTON (widget) &&
                         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
body_has (gpointer data)
{
  CdWindow  *window = data;
  CdArticle *article = cd_document_get_article (cd_window_get_document (window));

  return strstr (cd_article_get_body (article), "board") != NULL;
}

static void
test_find_replace (CdUiFixture  *fixture,
                   gconstpointer data)
{
  g_autoptr (CdArticle) article =
      cd_ui_add_article (fixture->store, "Council vote", "The council met. The council voted.");
  CdWindow  *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  GtkWidget *editor = GTK_WIDGET (cd_window_get_editor (window));
  GtkWidget *find, *replace, *replace_all;
  GtkWidget *focus;
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) stored = NULL;

  /* Ctrl+H: find and replace, with the keyboard in the find field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.replace", NULL));
  find = find_descendant (editor, GTK_TYPE_SEARCH_ENTRY, NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, find));
  replace = find_descendant (gtk_widget_get_parent (find_descendant (editor, GTK_TYPE_BUTTON,
                                                                     "Replace _All")),
                             GTK_TYPE_ENTRY, NULL);
  replace_all = find_descendant (editor, GTK_TYPE_BUTTON, "Replace _All");
  g_assert_nonnull (replace);
  g_assert_true (gtk_widget_is_visible (replace));

  gtk_editable_set_text (GTK_EDITABLE (find), "council");
  gtk_editable_set_text (GTK_EDITABLE (replace), "board");
  /* The search runs once the entry's search-changed delay has passed. */
  g_assert_true (cd_ui_wait_for (editor_has_selection, window, 10000));
  g_signal_emit_by_name (replace_all, "clicked");
  g_assert_true (cd_ui_wait_for (body_has, window, 2000));
  g_assert_cmpstr (cd_article_get_body (cd_document_get_article (cd_window_get_document (window))),
                   ==, "The board met. The board voted.");

  /* The replacement is an edit like any other: saved, and undoable. */
  g_assert_true (cd_window_flush (window, &error));
  stored = cd_ui_read_article (fixture->dir, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_body (stored), ==, "The board met. The board voted.");
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (cd_editor_get_buffer (CD_EDITOR (editor))));
  g_assert_cmpstr (cd_article_get_body (cd_document_get_article (cd_window_get_document (window))),
                   ==, "The council met. The council voted.");
}

typedef struct
{
  CdWindow   *window;
  const char *headline;
} Headline;

static gboolean
open_headline_is (gpointer data)
{
  Headline   *check = data;
  CdDocument *document = cd_window_get_document (check->window);

  return document != NULL &&
         g_strcmp0 (cd_article_get_headline (cd_document_get_article (document)),
                    check->headline) == 0;
}

static gboolean
library_lists_headline (gpointer data)
{
  Headline   *check = data;
  GListModel *model = cd_library_get_model (cd_window_get_library (check->window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CdArticle) article = g_list_model_get_item (model, i);

      if (g_strcmp0 (cd_article_get_headline (article), check->headline) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
nothing_open (gpointer data)
{
  return cd_window_get_document (CD_WINDOW (data)) == NULL;
}

/* What another process commits (the command line, a second window) reaches
 * the window through the store's announcements alone: the open, unedited
 * article shows it, the library lists it, and an article trashed elsewhere
 * closes. */
static void
test_follows_other_writers (CdUiFixture  *fixture,
                            gconstpointer data)
{
  g_autoptr (CdArticle) open = cd_ui_add_article (fixture->store, "Ferry strike", "Crews walked out.");
  g_autoptr (CdArticle) other = cd_ui_add_article (fixture->store, "Tram works", "Lines close.");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) elsewhere = NULL;
  CdWindow *window;
  Headline  check;

  cd_store_watch_external (fixture->store);
  window = cd_ui_start (fixture, cd_article_get_uuid (open));
  elsewhere = cd_store_open (fixture->dir, &error);
  g_assert_no_error (error);

  cd_article_set_headline (open, "Ferry strike ends");
  g_assert_true (cd_store_save_article (elsewhere, open, CD_REVISION_EDITED, NULL, &error));
  g_assert_no_error (error);
  check = (Headline){ window, "Ferry strike ends" };
  g_assert_true (cd_ui_wait_for (open_headline_is, &check, 10000));

  cd_article_set_headline (other, "Tram works delayed");
  g_assert_true (cd_store_save_article (elsewhere, other, CD_REVISION_EDITED, NULL, &error));
  check = (Headline){ window, "Tram works delayed" };
  g_assert_true (cd_ui_wait_for (library_lists_headline, &check, 10000));

  g_assert_true (cd_store_trash_article (elsewhere, cd_article_get_uuid (open), &error));
  g_assert_no_error (error);
  g_assert_true (cd_ui_wait_for (nothing_open, window, 10000));
}

/* Import… and files dropped on the library take one path: each file that
 * can be read becomes an article, the last one opens, and a file that
 * cannot be read does not stop the others. */
static void
test_import_files (CdUiFixture  *fixture,
                   gconstpointer data)
{
  g_autofree char *good = g_build_filename (fixture->dir, "bridge.md", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "broken.md", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "harbour.md", NULL);
  g_autoptr (GFile) good_file = NULL;
  g_autoptr (GFile) bad_file = NULL;
  g_autoptr (GFile) other_file = NULL;
  CdWindow   *window = cd_ui_start (fixture, NULL);
  CdDocument *document;
  Headline    check = { window, "Bridge reopens" };

  g_assert_true (g_file_set_contents (good, "# Bridge reopens\n\nTraffic flows.\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "# Broken \xff\xfe\n", -1, NULL));
  g_assert_true (g_file_set_contents (other, "# Harbour dredged\n\nShips wait.\n", -1, NULL));
  good_file = g_file_new_for_path (good);
  bad_file = g_file_new_for_path (bad);
  other_file = g_file_new_for_path (other);

  {
    GFile *files[] = { good_file, bad_file, other_file };

    g_assert_cmpuint (cd_window_import_files (window, files, G_N_ELEMENTS (files)), ==, 2);
  }
  document = cd_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (cd_article_get_headline (cd_document_get_article (document)), ==,
                   "Harbour dredged");
  /* A story that came from elsewhere is read from the top. */
  g_assert_cmpint (cd_editor_get_cursor_offset (cd_window_get_editor (window)), ==, 0);
  g_assert_true (cd_ui_wait_for (library_lists_headline, &check, 10000));
}

/* A feed imported from the window is a story an entry: the count is of
 * articles, the feed's first opens and every one is listed. */
static void
test_import_feed (CdUiFixture  *fixture,
                  gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "wire.atom", NULL);
  g_autoptr (GFile) file = NULL;
  CdWindow *window = cd_ui_start (fixture, NULL);
  Headline  second = { window, "Strike ends" };

  g_assert_true (g_file_set_contents (path,
                                      "<feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title>"
                                      "<entry><title>Port reopens</title><content>Ships sail.</content></entry>"
                                      "<entry><title>Strike ends</title><content>Trains run.</content></entry>"
                                      "</feed>",
                                      -1, NULL));
  file = g_file_new_for_path (path);
  g_assert_cmpuint (cd_window_import_files (window, &file, 1), ==, 2);
  g_assert_cmpstr (cd_article_get_headline (cd_document_get_article (cd_window_get_document (window))), ==,
                   "Port reopens");
  g_assert_true (cd_ui_wait_for (library_lists_headline, &second, 10000));
}

static gboolean
session_names (gpointer data)
{
  const char *const *check = data; /* { dir, uuid } */
  g_autofree char   *path = g_build_filename (check[0], "session.ini", NULL);
  g_autofree char   *text = NULL;
  g_autofree char   *line = g_strdup_printf ("article=%s\n", check[1]);

  return g_file_get_contents (path, &text, NULL, NULL) && strstr (text, line) != NULL;
}

/* The session file beside the database is written one write at a time and
 * leaves nothing else behind; what an older version left is cleared. */
static void
test_session_file (CdUiFixture  *fixture,
                   gconstpointer data)
{
  g_autoptr (CdArticle) first = cd_ui_add_article (fixture->store, "Council meets", "Agenda.");
  g_autoptr (CdArticle) second = cd_ui_add_article (fixture->store, "Budget passes", "Vote.");
  g_autofree char *stale = g_build_filename (fixture->dir, ".goutputstream-ABC123", NULL);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  const char *check[] = { fixture->dir, cd_article_get_uuid (second) };
  const char *name;
  CdWindow   *window;

  g_assert_true (g_file_set_contents (stale, "", 0, NULL));
  window = cd_ui_start (fixture, cd_article_get_uuid (second));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < 20; i++)
    g_assert_true (cd_window_open_article (window, cd_article_get_uuid (i % 2 ? second : first),
                                           &error));
  g_assert_no_error (error);
  g_assert_true (cd_ui_wait_for (session_names, check, 10000));
  cd_ui_close_window (fixture);
  g_assert_true (session_names (check));

  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".goutputstream-") || strstr (name, "session.ini.") != NULL);
}

static gboolean
count_scroll_cb (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 guint                    *scrolls)
{
  (*scrolls)++;
  return FALSE;
}

static gboolean
four_scrolls (gpointer data)
{
  return *(guint *) data >= 4;
}

/* The wheel turned over the details, as a person scrolling past them does,
 * changes no value in them. */
static void
test_wheel_over_details (CdUiFixture  *fixture,
                         gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Port strike", "Cranes idle.");
  CdWindow           *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  CdMetadata         *metadata = cd_window_get_metadata (window);
  g_autofree char    *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (window)));
  GtkWidget          *spin;
  graphene_point_t    at;
  double              before;
  GtkEventController *counter;
  guint               scrolls = 0;

  cd_metadata_set_expanded (metadata, TRUE);
  g_assert_true (cd_ui_wait_for (details_shown, metadata, 10000));
  spin = find_descendant (GTK_WIDGET (metadata), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  g_assert_true (gtk_widget_compute_point (spin, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (20, gtk_widget_get_height (spin) / 2.0),
                                           &at));
  before = gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin));
  counter = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (counter, GTK_PHASE_CAPTURE);
  g_signal_connect (counter, "scroll", G_CALLBACK (count_scroll_cb), &scrolls);
  gtk_widget_add_controller (GTK_WIDGET (window), counter);
  {
    g_autofree char *x = g_strdup_printf ("%d", (int) at.x);
    g_autofree char *y = g_strdup_printf ("%d", (int) at.y);
    const char      *move_argv[] = { "xdotool", "mousemove", "--sync", "--window", xid, x, y, NULL };
    const char      *wheel_argv[] = { "xdotool", "click", "--repeat", "4", "4", NULL };

    cd_ui_run (move_argv);
    cd_ui_run (wheel_argv);
  }
  /* The window saw every wheel step (counted on its way down to the spin
   * button); the value is unchanged after all of them. */
  g_assert_true (cd_ui_wait_for (four_scrolls, &scrolls, 10000));
  cd_ui_spin (50);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, before);
}

typedef struct
{
  CdWindow  *window;
  GtkWidget *inside;
} FocusCheck;

static gboolean
focus_inside (gpointer data)
{
  FocusCheck *check = data;
  GtkWidget  *focus = gtk_root_get_focus (GTK_ROOT (check->window));

  return focus != NULL && (focus == check->inside || gtk_widget_is_ancestor (focus, check->inside));
}

static gboolean
focus_in_list (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && (GTK_IS_LIST_VIEW (focus) ||
                           gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) != NULL);
}

static gboolean
focus_in_search (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL;
}

static void
press (CdWindow   *window,
       const char *key)
{
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (window)));
  const char      *argv[] = { "xdotool", "key", "--window", xid, key, NULL };

  cd_ui_run (argv);
}

/* Escape in the details returns to the body; F6 goes round the library,
 * the details and the body, typed as a person types them. */
static void
test_keyboard_panes (CdUiFixture  *fixture,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Dock strike", "Ships wait.");
  CdWindow        *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (window)));
  const char      *focus_argv[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  GtkWidget       *body = GTK_WIDGET (cd_editor_get_view (cd_window_get_editor (window)));
  FocusCheck       in_body = { window, body };
  FocusCheck       in_details = { window, GTK_WIDGET (cd_window_get_metadata (window)) };
  FocusCheck       in_library = { window, GTK_WIDGET (cd_window_get_library (window)) };

  cd_ui_run (focus_argv);
  cd_metadata_focus_headline (cd_window_get_metadata (window));
  g_assert_true (cd_ui_wait_for (focus_inside, &in_details, 5000));
  press (window, "Escape");
  g_assert_true (cd_ui_wait_for (focus_inside, &in_body, 5000));
  press (window, "F6");
  g_assert_true (cd_ui_wait_for (focus_inside, &in_library, 5000));
  press (window, "F6");
  g_assert_true (cd_ui_wait_for (focus_inside, &in_details, 5000));
  press (window, "F6");
  g_assert_true (cd_ui_wait_for (focus_inside, &in_body, 5000));

  /* Down from the search goes to the list of results. */
  press (window, "ctrl+shift+f");
  g_assert_true (cd_ui_wait_for (focus_in_search, window, 5000));
  press (window, "Down");
  g_assert_true (cd_ui_wait_for (focus_in_list, window, 5000));
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen,
                   GString    *clashes)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    {
      guint       key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *text = gtk_label_get_label (GTK_LABEL (widget));
      const char *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));

      if (key != GDK_KEY_VoidSymbol && other != NULL)
        g_string_append_printf (clashes, "“%s” and “%s”; ", other, text);
      else if (key != GDK_KEY_VoidSymbol)
        g_hash_table_insert (seen, GUINT_TO_POINTER (key), (gpointer) text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, seen, clashes);
}

/* Every Alt+letter on screen at once reaches one control: with an article
 * open, its details shown and the trash listed, no two visible labels share
 * a mnemonic. */
static void
test_mnemonics_unique (CdUiFixture  *fixture,
                       gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Ferry fares", "Up again.");
  CdWindow *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GString) clashes = g_string_new (NULL);

  cd_metadata_set_expanded (cd_window_get_metadata (window), TRUE);
  cd_library_set_trash_mode (cd_window_get_library (window), TRUE);
  g_assert_true (cd_ui_wait_for (details_shown, cd_window_get_metadata (window), 10000));
  collect_mnemonics (GTK_WIDGET (window), seen, clashes);
  g_assert_cmpstr (clashes->str, ==, "");
  g_assert_cmpuint (g_hash_table_size (seen), >=, 10);
}

static void
collect_combo_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (ADW_IS_COMBO_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_combo_rows (child, rows);
}

/* Preferences offers the style and the sync interval, and what is chosen
 * there is what the app does. */
static void
test_preferences_style_and_sync (CdUiFixture  *fixture,
                                 gconstpointer data)
{
  CdWindow      *window = cd_ui_start (fixture, NULL);
  GSettings     *settings = cd_application_get_settings (fixture->app);
  CdPreferences *preferences = cd_preferences_new (GTK_WINDOW (window), settings);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_combo_rows (GTK_WIDGET (preferences), rows);
  g_assert_cmpuint (rows->len, ==, 2);

  adw_combo_row_set_selected (g_ptr_array_index (rows, 0), 2);
  g_assert_cmpstr (g_settings_get_string (settings, "style"), ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "style", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (rows, 0)), ==, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);

  adw_combo_row_set_selected (g_ptr_array_index (rows, 1), 4);
  g_assert_cmpuint (g_settings_get_uint (settings, "sync-interval"), ==, 3600);
  adw_combo_row_set_selected (g_ptr_array_index (rows, 1), 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "sync-interval"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "style");
  g_settings_reset (settings, "sync-interval");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, CdUiFixture, NULL, cd_ui_fixture_setup, func, cd_ui_fixture_teardown)
  ADD ("/window/open/preview-shows-headline", test_open_shows_headline);
  ADD ("/window/typing/reaches-store", test_typing_reaches_store);
  ADD ("/window/metadata/saved", test_metadata_saved);
  ADD ("/window/metadata/language", test_metadata_language);
  ADD ("/window/library/actions", test_library_actions);
  ADD ("/window/library/sort", test_library_sort);
  ADD ("/window/history/restore", test_history_restore);
  ADD ("/window/app/windows", test_app_windows);
  ADD ("/window/editor/find-replace", test_find_replace);
  ADD ("/window/store/follows-other-writers", test_follows_other_writers);
  ADD ("/window/files/import", test_import_files);
  ADD ("/window/files/import-feed", test_import_feed);
  ADD ("/window/session/file", test_session_file);
  ADD ("/window/details/wheel-changes-nothing", test_wheel_over_details);
  ADD ("/window/keyboard/panes", test_keyboard_panes);
  ADD ("/window/keyboard/mnemonics-unique", test_mnemonics_unique);
  ADD ("/window/preferences/style-and-sync", test_preferences_style_and_sync);
#undef ADD

  return g_test_run ();
}
