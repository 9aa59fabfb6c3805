/* test-checks-panel.c: the Checks panel under Xvfb, in a real window with a
 * GtkSourceView and entries: findings underlined and listed as the person
 * types, Apply, Ignore (kept per article) and Add to Word List.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-checks-panel"

#include "config.h"

#include <gtksourceview/gtksource.h>

#include "cd-checks-panel.h"
#include "cd-list-editor.h"
#include "cd-newsroom-page.h"
#include "cd-preferences.h"
#include "cd-ui-test.h"

typedef struct
{
  GtkWidget     *window;
  CdChecksPanel *panel;
  GtkTextBuffer *buffer;
  GtkEditable   *headline;
  CdArticle     *article;
  guint          runs;
} Desk;

static void
findings_changed_cb (Desk *desk)
{
  desk->runs++;
}

static CdChecksPanel *
add_panel (Desk    *desk,
           CdStore *store)
{
  CdChecksPanel *panel = CD_CHECKS_PANEL (cd_checks_panel_new ());

  cd_checks_panel_set_article (panel, store, desk->article);
  cd_checks_panel_attach (panel, "body", G_OBJECT (desk->buffer));
  cd_checks_panel_attach (panel, "headline", G_OBJECT (desk->headline));
  g_signal_connect_swapped (panel, "findings-changed", G_CALLBACK (findings_changed_cb), desk);
  return panel;
}

/* A window with an entry for the headline, a source view for the body and
 * the panel beside them, on @article or on a new one. */
static void
desk_open (Desk        *desk,
           CdUiFixture *fixture,
           CdArticle   *article)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *view = gtk_source_view_new ();
  GtkWidget *entry = gtk_entry_new ();

  desk->article = article != NULL ? g_object_ref (article)
                                  : cd_ui_add_article (fixture->store, "Council meets", "");
  desk->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  desk->headline = GTK_EDITABLE (entry);
  gtk_editable_set_text (desk->headline, "Council meets");
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), view);

  desk->panel = add_panel (desk, fixture->store);
  gtk_paned_set_start_child (GTK_PANED (paned), box);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (desk->panel));
  gtk_paned_set_position (GTK_PANED (paned), 500);

  desk->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (desk->window), 1000, 600);
  gtk_window_set_child (GTK_WINDOW (desk->window), paned);
  gtk_window_present (GTK_WINDOW (desk->window));
  g_assert_true (cd_ui_wait_for ((CdUiCondition) gtk_widget_get_mapped, desk->window, 10000));
  gtk_widget_grab_focus (view);
}

static void
desk_close (Desk *desk)
{
  GtkWidget *window = desk->window;

  g_object_add_weak_pointer (G_OBJECT (desk->panel), (gpointer *) &desk->panel);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &desk->window);
  gtk_window_destroy (GTK_WINDOW (window));
  for (int i = 0; i < 200 && (desk->window != NULL || desk->panel != NULL); i++)
    cd_ui_spin (10);
  g_assert_null (desk->window);
  g_assert_null (desk->panel);
  g_clear_object (&desk->article);
}

/* Types text at the cursor a character at a time, as a person would. */
static void
type_text (GtkTextBuffer *buffer,
           const char    *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), ch);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, ch, -1, TRUE);
      cd_ui_spin (15);
    }
}

static const CdFinding *
find (CdChecksPanel *panel,
      const char    *rule,
      const char    *text,
      guint         *index)
{
  GPtrArray *findings = cd_checks_panel_get_findings (panel);

  for (guint i = 0; i < findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, rule) && g_str_equal (f->text, text))
        {
          if (index != NULL)
            *index = i;
          return f;
        }
    }
  return NULL;
}

typedef struct
{
  Desk       *desk;
  const char *rule;
  const char *text;
  gboolean    present;
} Expect;

static gboolean
expectation_met (gpointer data)
{
  Expect *expect = data;

  return (find (expect->desk->panel, expect->rule, expect->text, NULL) != NULL) ==
         expect->present;
}

static void
wait_for_finding (Desk       *desk,
                  const char *rule,
                  const char *text,
                  gboolean    present)
{
  Expect expect = { desk, rule, text, present };

  if (!cd_ui_wait_for (expectation_met, &expect, 10000))
    g_error ("The panel never %s the %s finding “%s”", present ? "showed" : "dropped", rule,
             text);
}

/* The visible labels of the panel's list, one a line. */
static char *
listed_titles (CdChecksPanel *panel)
{
  g_autoptr (GString) titles = g_string_new (NULL);
  g_autoptr (GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, panel);
  for (guint i = 0; i < queue->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (queue, i);

      if (GTK_IS_LABEL (w) && gtk_widget_is_drawable (w))
        g_string_append_printf (titles, "%s\n", gtk_label_get_label (GTK_LABEL (w)));
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (queue, c);
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 gboolean (*match) (GtkWidget *, gconstpointer),
                 gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_row_titled (GtkWidget    *widget,
               gconstpointer title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button_for (GtkWidget    *widget,
               gconstpointer action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The row listing a finding, by its title. */
static GtkWidget *
find_row (CdChecksPanel *panel,
          const char    *title)
{
  return find_descendant (GTK_WIDGET (panel), is_row_titled, title);
}

typedef struct
{
  CdChecksPanel *panel;
  const char    *title;
} Listed;

static gboolean
is_listed (gpointer data)
{
  Listed *listed = data;

  return find_row (listed->panel, listed->title) != NULL;
}

/* Rows are made in idle time, a few at a time. */
static GtkWidget *
wait_for_row (CdChecksPanel *panel,
              const char    *title)
{
  Listed listed = { panel, title };

  if (!cd_ui_wait_for (is_listed, &listed, 10000))
    g_error ("The panel never listed “%s”", title);
  return find_row (panel, title);
}

/* Clicks one of a row's buttons. */
static void
press (CdChecksPanel *panel,
       const char    *action,
       const char    *title)
{
  GtkWidget *row = wait_for_row (panel, title);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = find_descendant (row, is_button_for, action);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* Whether the buffer's check tag covers exactly [start, end). */
static gboolean
underlined_exactly (GtkTextBuffer *buffer,
                    guint          start,
                    guint          end)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               "cd-check-warning");
  GtkTextIter iter;

  g_assert_nonnull (tag);
  for (guint i = start; i < end; i++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, i);
      if (!gtk_text_iter_has_tag (&iter, tag))
        return FALSE;
    }
  if (start > 0)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, start - 1);
      if (gtk_text_iter_has_tag (&iter, tag))
        return FALSE;
    }
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end);
  return !gtk_text_iter_has_tag (&iter, tag);
}

static gboolean
entry_underlined (GtkEditable *editable,
                  guint        start_byte,
                  guint        end_byte)
{
  GtkEditable   *text = editable;
  PangoAttrList *attributes;
  g_autoptr (GSList) list = NULL;
  gboolean found = FALSE;

  while (!GTK_IS_TEXT (text))
    text = gtk_editable_get_delegate (text);
  attributes = gtk_text_get_attributes (GTK_TEXT (text));
  if (attributes == NULL)
    return FALSE;
  list = pango_attr_list_get_attributes (attributes);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_UNDERLINE &&
          ((PangoAttrInt *) attribute)->value == PANGO_UNDERLINE_ERROR &&
          attribute->start_index == start_byte && attribute->end_index == end_byte)
        found = TRUE;
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
  return found;
}

typedef struct
{
  Desk *desk;
  guint runs;
} RunsSince;

static gboolean
ran_since (gpointer data)
{
  RunsSince *since = data;

  return since->desk->runs > since->runs;
}

static void
test_typing_apply_ignore (CdUiFixture  *fixture,
                          gconstpointer data)
{
  Desk             desk = { 0 };
  const CdFinding *finding;
  g_autofree char *titles = NULL;
  g_autofree char *ignored = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (CdArticle) article = NULL;
  GtkTextIter start, end;
  guint       runs;

  desk_open (&desk, fixture, NULL);

  /* A planted error, typed. */
  type_text (desk.buffer, "The goverment met on Monday.");
  wait_for_finding (&desk, CD_CHECK_RULE_SPELLING, "goverment", TRUE);
  finding = find (desk.panel, CD_CHECK_RULE_SPELLING, "goverment", NULL);
  g_assert_cmpuint (finding->start, ==, 4);
  g_assert_cmpuint (finding->end, ==, 13);
  g_assert_true (underlined_exactly (desk.buffer, 4, 13));
  wait_for_row (desk.panel, "Body: “goverment”");
  titles = listed_titles (desk.panel);
  g_assert_nonnull (strstr (titles, "Spelling\nBody: “goverment”\n"));

  /* Apply takes the suggestion, through the row's button action. */
  press (desk.panel, "checks.apply", "Body: “goverment”");
  gtk_text_buffer_get_bounds (desk.buffer, &start, &end);
  contents = gtk_text_buffer_get_text (desk.buffer, &start, &end, TRUE);
  g_assert_cmpstr (contents, ==, "The government met on Monday.");
  wait_for_finding (&desk, CD_CHECK_RULE_SPELLING, "goverment", FALSE);
  g_assert_true (underlined_exactly (desk.buffer, 0, 0));

  /* The headline entry is underlined too, in bytes. */
  gtk_editable_set_text (desk.headline, "Café owners see TK losses");
  wait_for_finding (&desk, CD_CHECK_RULE_LEFTOVER_MARKUP, "TK", TRUE);
  g_assert_true (entry_underlined (desk.headline, 17, 19));

  /* Apply works in an entry too. */
  gtk_editable_set_text (desk.headline, "Café owners see  losses");
  wait_for_finding (&desk, CD_CHECK_RULE_SPACING, "  ", TRUE);
  press (desk.panel, "checks.apply", "Headline");
  g_assert_cmpstr (gtk_editable_get_text (desk.headline), ==, "Café owners see losses");
  wait_for_finding (&desk, CD_CHECK_RULE_SPACING, "  ", FALSE);

  /* Ignore hides the finding for this article and keeps it hidden. */
  type_text (desk.buffer, " It was the the best day.");
  wait_for_finding (&desk, CD_CHECK_RULE_REPEATED_WORD, "the the", TRUE);
  press (desk.panel, "checks.ignore", "Body: “the the”");
  g_assert_null (find (desk.panel, CD_CHECK_RULE_REPEATED_WORD, "the the", NULL));
  runs = desk.runs;
  type_text (desk.buffer, " More.");
  g_assert_true (cd_ui_wait_for (ran_since, &(RunsSince){ &desk, runs }, 10000));
  g_assert_null (find (desk.panel, CD_CHECK_RULE_REPEATED_WORD, "the the", NULL));
  ignored = g_strdup_printf ("%s/checks/ignored/%s.txt", fixture->dir,
                             cd_article_get_uuid (desk.article));
  g_assert_true (g_file_test (ignored, G_FILE_TEST_EXISTS));

  /* Add to Word List. */
  type_text (desk.buffer, " A blorft came.");
  wait_for_finding (&desk, CD_CHECK_RULE_SPELLING, "blorft", TRUE);
  press (desk.panel, "checks.add-word", "Body: “blorft”");
  wait_for_finding (&desk, CD_CHECK_RULE_SPELLING, "blorft", FALSE);

  article = g_object_ref (desk.article);
  desk_close (&desk);

  /* A new panel on the same store and article: still ignored, word known. */
  {
    Desk again = { 0 };

    desk_open (&again, fixture, article);
    gtk_text_buffer_set_text (again.buffer, "It was the the day a blorft and a goverment met.", -1);
    wait_for_finding (&again, CD_CHECK_RULE_SPELLING, "goverment", TRUE);
    g_assert_null (find (again.panel, CD_CHECK_RULE_REPEATED_WORD, "the the", NULL));
    g_assert_null (find (again.panel, CD_CHECK_RULE_SPELLING, "blorft", NULL));
    desk_close (&again);
  }
}

/* German copy in an article marked English is one finding, on the
 * article's language, not a misspelling a word; applying it sets the
 * language the text reads as, and the finding goes. */
static void
test_language (CdUiFixture  *fixture,
               gconstpointer data)
{
  Desk desk = { 0 };

  desk_open (&desk, fixture, NULL);
  g_assert_cmpstr (cd_article_get_language (desk.article), ==, "en");
  gtk_text_buffer_set_text (desk.buffer,
                            "Bundeskanzler Olaf Scholz sieht eine Einigung im Haushaltsstreit in "
                            "greifbarer Nähe. Die Koalition verhandelt seit Wochen über die Ausgaben "
                            "des kommenden Jahres, sagte er am Sonntag in Berlin.",
                            -1);
  wait_for_finding (&desk, CD_CHECK_RULE_LANGUAGE, "en", TRUE);
  g_assert_null (find (desk.panel, CD_CHECK_RULE_SPELLING, "sieht", NULL));
  press (desk.panel, "checks.apply", "Language: “en”");
  g_assert_cmpstr (cd_article_get_language (desk.article), ==, "de");
  wait_for_finding (&desk, CD_CHECK_RULE_LANGUAGE, "en", FALSE);
  desk_close (&desk);
}

typedef struct
{
  Desk *desk;
  guint start;
} Moved;

static gboolean
finding_moved_to (gpointer data)
{
  Moved           *moved = data;
  const CdFinding *f = find (moved->desk->panel, CD_CHECK_RULE_SPELLING, "goverment", NULL);

  return f != NULL && f->start == moved->start;
}

static gboolean
lists_goverment (gpointer data)
{
  g_autofree char *titles = listed_titles (data);

  return strstr (titles, "Spelling\nBody: “goverment”\n") != NULL;
}

/* In the workstation window: the panel sits in the checks pane, follows the
 * open article, underlines in the editor, and a click selects the text. */
static void
test_in_window (CdUiFixture  *fixture,
                gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Council meets",
                                                     "The goverment met on Monday.");
  CdWindow   *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  Desk        desk = { 0 };
  GtkTextIter start, end;
  GtkWidget  *row;

  desk.panel = CD_CHECKS_PANEL (adw_bin_get_child (cd_window_get_checks_bin (window)));
  g_assert_nonnull (desk.panel);
  desk.buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (cd_window_get_editor (window)));
  g_assert_true (cd_checks_panel_get_article (desk.panel) ==
                 cd_document_get_article (cd_window_get_document (window)));

  wait_for_finding (&desk, CD_CHECK_RULE_SPELLING, "goverment", TRUE);
  g_assert_true (underlined_exactly (desk.buffer, 4, 13));

  /* Shown (F7), the pane lists it under its rule. */
  if (!gtk_widget_is_drawable (GTK_WIDGET (desk.panel)))
    g_action_group_activate_action (G_ACTION_GROUP (window), "show-checks", NULL);
  g_assert_true (cd_ui_wait_for (lists_goverment, desk.panel, 10000));
  row = wait_for_row (desk.panel, "Body: “goverment”");
  gtk_widget_activate (row);
  g_assert_true (gtk_text_buffer_get_selection_bounds (desk.buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 4);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, 13);

  /* Typing before the finding moves it; the same row selects the new place. */
  gtk_text_buffer_get_start_iter (desk.buffer, &start);
  gtk_text_buffer_place_cursor (desk.buffer, &start);
  type_text (desk.buffer, "Today ");
  g_assert_true (cd_ui_wait_for (finding_moved_to, &(Moved){ &desk, 10 }, 10000));
  g_assert_true (underlined_exactly (desk.buffer, 10, 19));
  g_assert_true (find_row (desk.panel, "Body: “goverment”") == row);
  gtk_widget_activate (row);
  g_assert_true (gtk_text_buffer_get_selection_bounds (desk.buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 10);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, 19);

  /* The metadata entries are checked too. */
  gtk_editable_set_text (cd_metadata_get_editable (cd_window_get_metadata (window), "headline"),
                         "Council meets TK");
  wait_for_finding (&desk, CD_CHECK_RULE_LEFTOVER_MARKUP, "TK", TRUE);
  g_assert_true (entry_underlined (cd_metadata_get_editable (cd_window_get_metadata (window),
                                                             "headline"),
                                   14, 16));

  /* Closing the article empties the panel. */
  cd_window_close_article (window);
  g_assert_null (cd_checks_panel_get_article (desk.panel));
  g_assert_cmpuint (cd_checks_panel_get_findings (desk.panel)->len, ==, 0);
}

static gboolean
is_of_type (GtkWidget    *widget,
            gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
has_list_editor (gpointer data)
{
  return find_descendant (data, is_of_type, GSIZE_TO_POINTER (CD_TYPE_LIST_EDITOR)) != NULL;
}

static gboolean
file_holds (gpointer data)
{
  const char *const *expect = data;
  g_autofree char   *contents = NULL;

  return g_file_get_contents (expect[0], &contents, NULL, NULL) &&
         g_strcmp0 (contents, expect[1]) == 0;
}

/* Opens a list's page from its row on the Newsroom page. */
static CdListEditor *
open_list (GtkWidget  *preferences,
           const char *title)
{
  GtkWidget *row = find_descendant (preferences, is_row_titled, title);

  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_true (cd_ui_wait_for (has_list_editor, preferences, 5000));
  return CD_LIST_EDITOR (find_descendant (preferences, is_of_type,
                                          GSIZE_TO_POINTER (CD_TYPE_LIST_EDITOR)));
}

static void
set_list (CdListEditor *editor,
          const char   *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (cd_list_editor_get_text_view (editor));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* Preferences › Newsroom edits the lists the open window checks with: a
 * word added there stops being flagged in the window, a house-style rule
 * starts being, a list that does not parse says which line and is not
 * written, and the newsroom language is what a new article gets. */
static void
test_preferences_lists (CdUiFixture  *fixture,
                        gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Council meets",
                                                     "The zarquon met on Monday.");
  CdWindow        *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  g_autofree char *words_path = g_build_filename (fixture->dir, "checks", "words.txt", NULL);
  g_autofree char *style_path = g_build_filename (fixture->dir, "checks", "house-style.txt", NULL);
  g_autofree char *language_path = g_build_filename (fixture->dir, "checks", "language.txt", NULL);
  g_autoptr (GtkWidget) preferences = NULL;
  const char     *words_file[] = { words_path, "zarquon\n" };
  const char     *style_file[] = { style_path, "# ours\nmet → gathered\n" };
  const char     *language_file[] = { language_path, "en-GB\n" };
  CdNewsroomPage *page;
  CdListEditor   *editor;
  GtkWidget      *error_label = NULL;
  AdwComboRow    *language_row;
  GListModel     *choices;
  Desk            desk = { 0 };

  desk.panel = CD_CHECKS_PANEL (adw_bin_get_child (cd_window_get_checks_bin (window)));
  wait_for_finding (&desk, CD_CHECK_RULE_SPELLING, "zarquon", TRUE);

  preferences = g_object_ref_sink (GTK_WIDGET (cd_preferences_new (
      GTK_WINDOW (window), cd_application_get_settings (fixture->app))));
  page = cd_newsroom_page_new (fixture->store, ADW_PREFERENCES_WINDOW (preferences));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (preferences));

  /* The word list: one word a line; two on a line is refused, by line. */
  editor = open_list (preferences, "Word List");
  set_list (editor, "zarquon\nSan Marino\n");
  g_assert_true (cd_list_editor_flush (editor));
  g_assert_false (g_file_test (words_path, G_FILE_TEST_EXISTS));
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (editor)); c;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "error"))
      error_label = c;
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Line 2"));
  /* Fixed and left with Back (Escape), it is kept and the window reads it. */
  set_list (editor, "zarquon\n");
  g_assert_true (cd_list_editor_flush (editor));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (file_holds ((gpointer) words_file));
  set_list (editor, "zarquon\nKyiv\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "list-editor.back", NULL));
  words_file[1] = "zarquon\nKyiv\n";
  g_assert_true (file_holds ((gpointer) words_file));
  wait_for_finding (&desk, CD_CHECK_RULE_SPELLING, "zarquon", FALSE);

  /* The house style, typed and left to settle (no Back): kept as typed. */
  editor = open_list (preferences, "House Style");
  set_list (editor, "# ours\nmet → gathered\n");
  g_assert_true (cd_ui_wait_for (file_holds, (gpointer) style_file, 10000));
  wait_for_finding (&desk, CD_CHECK_RULE_HOUSE_STYLE, "met", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (editor), "list-editor.back", NULL);

  /* The newsroom language: offered by name, written for every window and
   * the command line, and given to a new article. */
  language_row = ADW_COMBO_ROW (find_descendant (GTK_WIDGET (page), is_of_type,
                                                 GSIZE_TO_POINTER (ADW_TYPE_COMBO_ROW)));
  choices = adw_combo_row_get_model (language_row);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

      if (g_str_has_suffix (label, "— en-GB"))
        {
          g_assert_true (g_str_has_prefix (label, "English (United Kingdom)"));
          adw_combo_row_set_selected (language_row, i);
        }
    }
  g_assert_true (file_holds ((gpointer) language_file));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  g_assert_cmpstr (cd_article_get_language (cd_document_get_article (cd_window_get_document (window))),
                   ==, "en-GB");
  adw_combo_row_set_selected (language_row, 0);
  g_assert_false (g_file_test (language_path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/checks-panel/typing-apply-ignore", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_typing_apply_ignore, cd_ui_fixture_teardown);
  g_test_add ("/checks-panel/language", CdUiFixture, NULL, cd_ui_fixture_setup, test_language,
              cd_ui_fixture_teardown);
  g_test_add ("/checks-panel/in-window", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_in_window, cd_ui_fixture_teardown);
  g_test_add ("/checks-panel/preferences-lists", CdUiFixture, NULL, cd_ui_fixture_setup,
              test_preferences_lists, cd_ui_fixture_teardown);

  return g_test_run ();
}
