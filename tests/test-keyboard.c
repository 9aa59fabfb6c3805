/* test-keyboard.c: the keyboard under Xvfb: formatting keys in the body,
 * a date-time typed into the embargo one key at a time, and the shortcuts
 * window against the accelerators the window really has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-keyboard"

#include "config.h"

#include "cd-conflict-window.h"
#include "cd-editor-format.h"
#include "cd-ui-test.h"

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *text;
} BufferText;

static gboolean
buffer_is (gpointer data)
{
  BufferText      *check = data;
  GtkTextIter      start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (check->buffer, &start, &end);
  text = gtk_text_buffer_get_text (check->buffer, &start, &end, TRUE);
  return g_str_equal (text, check->text);
}

static char *
selected_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static int
cursor_offset (GtkTextBuffer *buffer)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* Presses @keys in the body and waits for the body to read @expected. */
static void
press_and_expect (CdWindow      *window,
                  GtkTextBuffer *buffer,
                  const char    *keys,
                  const char    *expected)
{
  BufferText check = { buffer, expected };

  cd_ui_press_keys (window, keys);
  if (!cd_ui_wait_for (buffer_is, &check, 10000))
    {
      GtkTextIter      start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      g_assert_cmpstr (text, ==, expected);
    }
}

static void
undo_and_expect (GtkTextBuffer *buffer,
                 const char    *expected)
{
  BufferText check = { buffer, expected };

  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  g_assert_true (buffer_is (&check));
}

static void
test_format_keys (CdUiFixture  *fixture,
                  gconstpointer data)
{
  static const char body[] = "The council met.\nVote today.";
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Council", body);
  CdWindow        *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  CdEditor        *editor = cd_window_get_editor (window);
  GtkTextBuffer   *buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (editor));
  g_autofree char *selected = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (cd_editor_get_view (editor)));

  /* Bold wraps the selection, keeps it selected, and comes off again. A
   * double-clicked word's trailing space stays outside the markers. */
  cd_editor_select_range (editor, 4, 12);
  press_and_expect (window, buffer, "ctrl+b", "The **council** met.\nVote today.");
  selected = selected_text (buffer);
  g_assert_cmpstr (selected, ==, "council");
  press_and_expect (window, buffer, "ctrl+b", body);
  g_clear_pointer (&selected, g_free);
  selected = selected_text (buffer);
  g_assert_cmpstr (selected, ==, "council");
  /* Selected with its markers, it comes off too. */
  press_and_expect (window, buffer, "ctrl+b", "The **council** met.\nVote today.");
  cd_editor_select_range (editor, 4, 15);
  press_and_expect (window, buffer, "ctrl+b", body);
  /* One press is one undoable step. */
  press_and_expect (window, buffer, "ctrl+i", "The _council_ met.\nVote today.");
  undo_and_expect (buffer, body);

  /* With nothing selected the markers go in with the cursor between. */
  cd_editor_place_cursor (editor, 17);
  press_and_expect (window, buffer, "ctrl+b", "The council met.\n****Vote today.");
  g_assert_cmpint (cursor_offset (buffer), ==, 19);
  press_and_expect (window, buffer, "ctrl+b", body);
  g_assert_cmpint (cursor_offset (buffer), ==, 17);

  /* A link: the selection becomes its text, the cursor goes where the
   * address is typed; pressed on the text again, the link comes off. */
  cd_editor_select_range (editor, 4, 11);
  press_and_expect (window, buffer, "ctrl+k", "The [council]() met.\nVote today.");
  g_assert_cmpint (cursor_offset (buffer), ==, 14);
  cd_ui_type (window, "https://example.org");
  {
    BufferText check = { buffer, "The [council](https://example.org) met.\nVote today." };

    g_assert_true (cd_ui_wait_for (buffer_is, &check, 10000));
  }
  cd_editor_select_range (editor, 5, 12);
  press_and_expect (window, buffer, "ctrl+k", body);
  cd_editor_place_cursor (editor, 0);
  press_and_expect (window, buffer, "ctrl+k", "[]()The council met.\nVote today.");
  g_assert_cmpint (cursor_offset (buffer), ==, 1);
  undo_and_expect (buffer, body);

  /* Headings on the cursor's line, one level replacing another, and back
   * to a paragraph; the cursor stays on its word. */
  cd_editor_place_cursor (editor, 22);
  press_and_expect (window, buffer, "ctrl+2", "The council met.\n## Vote today.");
  g_assert_cmpint (cursor_offset (buffer), ==, 25);
  press_and_expect (window, buffer, "ctrl+1", "The council met.\n# Vote today.");
  press_and_expect (window, buffer, "ctrl+3", "The council met.\n### Vote today.");
  undo_and_expect (buffer, "The council met.\n# Vote today.");
  press_and_expect (window, buffer, "ctrl+0", body);

  /* What the keys did reached the article. */
  g_assert_cmpstr (cd_article_get_body (cd_document_get_article (cd_window_get_document (window))),
                   ==, body);
}

/* The buffer functions alone, on what a person meets at the edges: the
 * start and end of the body, a selection that is a whole link. */
static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
test_format_edges (void)
{
  g_autoptr (GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autofree char *linked = NULL;
  g_autofree char *heading = NULL;
  GtkTextIter      start, end;

  gtk_text_buffer_set_text (buffer, "[council](https://example.org)", -1);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_false (cd_editor_format_toggle_link (buffer));
  linked = buffer_text (buffer);
  g_assert_cmpstr (linked, ==, "council");

  gtk_text_buffer_set_text (buffer, "word", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_assert_true (cd_editor_format_toggle_wrap (buffer, "_"));
  g_assert_false (cd_editor_format_toggle_wrap (buffer, "_"));
  g_assert_false (cd_editor_format_set_heading (buffer, 0));
  g_assert_true (cd_editor_format_set_heading (buffer, 3));
  g_assert_false (cd_editor_format_set_heading (buffer, 3));
  heading = buffer_text (buffer);
  g_assert_cmpstr (heading, ==, "### word");
}

typedef struct
{
  const char *dir;
  const char *uuid;
  const char *utc; /* the embargo expected in the store, in UTC */
  int         offset_minutes;
} StoredEmbargo;

static gboolean
store_has_embargo (gpointer data)
{
  StoredEmbargo *check = data;
  g_autoptr (CdArticle) article = cd_ui_read_article (check->dir, check->uuid);
  GDateTime       *embargo = cd_article_get_embargo (article);
  g_autofree char *utc = NULL;

  if (embargo == NULL)
    return check->utc == NULL;
  utc = cd_format_iso8601_utc (embargo);
  return g_strcmp0 (utc, check->utc) == 0 &&
         g_date_time_get_utc_offset (embargo) / G_TIME_SPAN_MINUTE == check->offset_minutes;
}

typedef struct
{
  GtkEditable *editable;
  const char  *text;
} EditableText;

static gboolean
editable_is (gpointer data)
{
  EditableText *check = data;

  return g_str_equal (gtk_editable_get_text (check->editable), check->text);
}

/* Types @text into @field's entry one key at a time, as a person does,
 * and waits until every key has arrived. */
static void
type_into (CdWindow   *window,
           const char *field,
           gboolean    replace,
           const char *text,
           const char *expected)
{
  CdMetadata  *metadata = cd_window_get_metadata (window);
  GtkEditable *editable = cd_metadata_get_editable (metadata, field);
  EditableText check = { editable, expected };

  gtk_widget_grab_focus (GTK_WIDGET (editable));
  if (replace)
    gtk_editable_select_region (editable, 0, -1);
  else
    gtk_editable_set_position (editable, -1);
  cd_ui_type (window, text);
  g_assert_true (cd_ui_wait_for (editable_is, &check, 10000));
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, expected);
}

static const char *
embargo_message (CdWindow *window)
{
  GtkWidget *message = cd_ui_find_named (GTK_WIDGET (cd_window_get_metadata (window)),
                                         "embargo-message");

  g_assert_true (GTK_IS_LABEL (message));
  return gtk_widget_get_visible (message) ? gtk_label_get_text (GTK_LABEL (message)) : NULL;
}

static void
test_embargo_typing (CdUiFixture  *fixture,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Results", "Figures.");
  CdWindow        *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  CdMetadata      *metadata = cd_window_get_metadata (window);
  CdArticle       *open = cd_document_get_article (cd_window_get_document (window));
  GtkEditable     *time = cd_metadata_get_editable (metadata, "embargo-time");
  GtkEditable     *zone = cd_metadata_get_editable (metadata, "embargo-zone");
  StoredEmbargo    stored = { fixture->dir, cd_article_get_uuid (article), NULL, 0 };
  const char      *message;
  g_autofree char *unchanged = NULL;

  cd_metadata_set_expanded (metadata, TRUE);
  cd_ui_wait_preview_loaded (window);

  /* The zone first, then the date and the time, each a key at a time:
   * nothing typed is rewritten on the way, and nothing unfinished saved
   * ("2026-07-1" is not the first of July, "09:4" not 09:04). */
  type_into (window, "embargo-zone", FALSE, "Europe/London", "Europe/London");
  message = embargo_message (window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "needs a date"));
  type_into (window, "embargo-date", FALSE, "2026-07-16", "2026-07-16");
  type_into (window, "embargo-time", FALSE, "09:45", "09:45");
  g_assert_null (embargo_message (window));
  stored.utc = "2026-07-16T08:45:00Z";
  stored.offset_minutes = 60;
  g_assert_true (cd_ui_wait_for (store_has_embargo, &stored, 30000));

  /* Saved and read back, the fields still say what was typed: the zone's
   * name, not "+01:00" or "BST". */
  g_assert_cmpstr (gtk_editable_get_text (zone), ==, "Europe/London");
  g_assert_cmpstr (gtk_editable_get_text (time), ==, "09:45");

  /* Deleting back to "09:" keeps both the text and the saved embargo, and
   * says the time is unfinished; typing on saves the new time. */
  cd_ui_press_keys (window, "BackSpace BackSpace");
  {
    EditableText check = { time, "09:" };

    g_assert_true (cd_ui_wait_for (editable_is, &check, 10000));
  }
  message = embargo_message (window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "not finished"));
  unchanged = cd_format_iso8601_utc (cd_article_get_embargo (open));
  g_assert_cmpstr (unchanged, ==, "2026-07-16T08:45:00Z");
  type_into (window, "embargo-time", FALSE, "30", "09:30");
  stored.utc = "2026-07-16T08:30:00Z";
  g_assert_true (cd_ui_wait_for (store_has_embargo, &stored, 30000));

  /* Text that is no time zone stays as typed, is named in one sentence,
   * and changes nothing saved. */
  type_into (window, "embargo-zone", TRUE, "Mars/Olympus", "Mars/Olympus");
  message = embargo_message (window);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, ==,
                   "The time zone “Mars/Olympus” is not known; use a name such as "
                   "Europe/London or an offset such as +01:00.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (zone), "error"));
  g_assert_true (store_has_embargo (&stored));
  g_assert_cmpstr (gtk_editable_get_text (zone), ==, "Mars/Olympus");

  /* An invalid day is named too, and a date retyped from scratch is saved
   * only once it is whole: never as 2026-12-01 on the way to 2026-12-16. */
  type_into (window, "embargo-zone", TRUE, "UTC", "UTC");
  stored.utc = "2026-07-16T09:30:00Z";
  stored.offset_minutes = 0;
  g_assert_true (cd_ui_wait_for (store_has_embargo, &stored, 30000));
  type_into (window, "embargo-date", TRUE, "2026-02-30", "2026-02-30");
  g_assert_cmpstr (embargo_message (window), ==,
                   "The embargo date “2026-02-30” is not a day of the calendar.");
  type_into (window, "embargo-date", TRUE, "2026-12-1", "2026-12-1");
  g_assert_true (store_has_embargo (&stored));
  type_into (window, "embargo-date", FALSE, "6", "2026-12-16");
  stored.utc = "2026-12-16T09:30:00Z";
  g_assert_true (cd_ui_wait_for (store_has_embargo, &stored, 30000));
  g_assert_cmpstr (gtk_editable_get_text (time), ==, "09:30");
}

/* Adds @trigger's keys, as gtk_accelerator_name() writes them, to @set;
 * a mnemonic is not an accelerator and is left out. */
static void
add_trigger (GHashTable         *set,
             GtkShortcutTrigger *trigger)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      guint keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));

      /* The keypad's Enter is listed as Enter. */
      if (keyval == GDK_KEY_KP_Enter)
        keyval = GDK_KEY_Return;
      g_hash_table_add (set, gtk_accelerator_name (
                                 keyval, gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
    }
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger (set, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)));
      add_trigger (set, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)));
    }
}

static void
add_widget_shortcuts (GHashTable *set,
                      GtkWidget  *widget)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          add_trigger (set, gtk_shortcut_get_trigger (shortcut));
        }
    }
}

static GHashTable *
new_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* What GTK or libadwaita gives every widget of the first class above
 * @type that is not the app's own (a window's Ctrl+Shift+I for the
 * inspector): read from a fresh widget of that class. */
static GHashTable *
toolkit_shortcuts (GType type)
{
  GHashTable *set = new_set ();
  GtkWidget  *plain;

  while (g_str_has_prefix (g_type_name (type), "Cd"))
    type = g_type_parent (type);
  if (G_TYPE_IS_ABSTRACT (type))
    return set;
  plain = g_object_ref_sink (g_object_new (type, NULL));
  add_widget_shortcuts (set, plain);
  if (GTK_IS_WINDOW (plain))
    gtk_window_destroy (GTK_WINDOW (plain));
  g_object_unref (plain);
  return set;
}

/* The keys the app's own widgets bind, over what their toolkit classes
 * bind already. */
static void
add_app_widget_shortcuts (GHashTable *set,
                          GtkWidget  *widget)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Cd"))
    {
      g_autoptr (GHashTable) own = new_set ();
      g_autoptr (GHashTable) toolkit = toolkit_shortcuts (G_OBJECT_TYPE (widget));
      GHashTableIter iter;
      char          *accel;

      add_widget_shortcuts (own, widget);
      g_hash_table_iter_init (&iter, own);
      while (g_hash_table_iter_next (&iter, (gpointer *) &accel, NULL))
        if (!g_hash_table_contains (toolkit, accel))
          g_hash_table_add (set, g_strdup (accel));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_app_widget_shortcuts (set, child);
}

static void
add_accelerators (GHashTable *set,
                  const char *accelerators)
{
  g_auto (GStrv) each = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; each[i] != NULL; i++)
    {
      guint           key = 0;
      GdkModifierType mods = 0;

      if (*each[i] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (each[i], &key, &mods));
      g_hash_table_add (set, gtk_accelerator_name (key, mods));
    }
}

static void
add_listed (GHashTable *set,
            GtkWidget  *widget)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      GtkShortcutType  type;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "shortcut-type", &type, "accelerator", &accelerator, NULL);
      if (type == GTK_SHORTCUT_ACCELERATOR && accelerator != NULL)
        add_accelerators (set, accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_listed (set, child);
}

static void
add_widgets_of_type (GHashTable *set,
                     GtkWidget  *widget,
                     GType       type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    add_widget_shortcuts (set, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_widgets_of_type (set, child, type);
}

/* The shortcuts window lists every accelerator the app installs (the
 * application's and its widgets' own) and nothing that does not work.
 * What GTK's text view and search entry give (undo, the next match) may
 * be listed too: they work in the body and the find bar. */
static void
test_shortcuts_window (CdUiFixture  *fixture,
                       gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Council", "Text.");
  CdWindow           *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  GtkApplication     *app = GTK_APPLICATION (fixture->app);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_autoptr (GHashTable) installed = new_set ();
  g_autoptr (GHashTable) toolkit = new_set ();
  g_autoptr (GHashTable) listed = new_set ();
  g_auto (GStrv) actions = gtk_application_list_action_descriptions (app);
  GHashTableIter iter;
  char          *accel;

  g_assert_nonnull (overlay);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        add_accelerators (installed, accels[j]);
    }
  add_app_widget_shortcuts (installed, GTK_WIDGET (window));
  /* The windows the main window opens have keys of their own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.history", NULL));
  g_assert_nonnull (cd_window_get_history (window));
  add_app_widget_shortcuts (installed, GTK_WIDGET (cd_window_get_history (window)));
  gtk_window_destroy (cd_window_get_history (window));
  {
    GtkWidget *conflict = g_object_ref_sink (g_object_new (CD_TYPE_CONFLICT_WINDOW, NULL));

    add_app_widget_shortcuts (installed, conflict);
    gtk_window_destroy (GTK_WINDOW (conflict));
    g_object_unref (conflict);
  }
  /* Formatting lives on the body, Delete on the library: both must be
   * found, or the walk above missed the widgets' own keys. */
  g_assert_true (g_hash_table_contains (installed, "<Control>b"));
  g_assert_true (g_hash_table_contains (installed, "Delete"));
  g_assert_true (g_hash_table_contains (installed, "F6"));
  g_assert_true (g_hash_table_contains (installed, "<Control>Return"));

  add_widgets_of_type (toolkit, GTK_WIDGET (cd_editor_get_view (cd_window_get_editor (window))),
                       GTK_TYPE_TEXT_VIEW);
  add_widgets_of_type (toolkit, GTK_WIDGET (cd_window_get_editor (window)), GTK_TYPE_SEARCH_ENTRY);
  add_listed (listed, GTK_WIDGET (overlay));
  g_assert_cmpuint (g_hash_table_size (listed), >, 20);

  g_hash_table_iter_init (&iter, installed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accel, NULL))
    g_test_message ("installed: %s", accel);
  g_hash_table_iter_init (&iter, installed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accel, NULL))
    if (!g_hash_table_contains (listed, accel))
      g_error ("%s works but the shortcuts window does not list it", accel);
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accel, NULL))
    if (!g_hash_table_contains (installed, accel) && !g_hash_table_contains (toolkit, accel))
      g_error ("The shortcuts window lists %s, which nothing installs", accel);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, CdUiFixture, NULL, cd_ui_fixture_setup, func, cd_ui_fixture_teardown)
  ADD ("/keyboard/format/keys", test_format_keys);
  g_test_add_func ("/keyboard/format/edges", test_format_edges);
  ADD ("/keyboard/embargo/typing", test_embargo_typing);
  ADD ("/keyboard/shortcuts-window", test_shortcuts_window);
#undef ADD

  return g_test_run ();
}
