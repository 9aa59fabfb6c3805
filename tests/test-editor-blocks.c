/* test-editor-blocks.c: blocks kept as WordPress wrote them, in the body
 * editor under Xvfb: each ```wordpress fence shows as one labelled chip,
 * keys typed by xdotool never change a fence's bytes, Backspace takes a
 * block whole and undo brings it back exactly, cut and paste carry the
 * whole fence, and a body nobody touched goes back to the article as it
 * came. Screenshots, dark and narrow, go to the build dir for a person to
 * look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-editor-blocks"

#include "config.h"

#include "cd-editor-blocks.h"
#include "cd-ui-test.h"

#define GALLERY                                                                           \
  "```wordpress\n"                                                                        \
  "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n"                                           \
  "<figure class=\"wp-block-gallery has-nested-images columns-default is-cropped\">"      \
  "<!-- wp:image {\"id\":42} -->\n"                                                       \
  "<figure class=\"wp-block-image\"><img src=\"https://example.org/a.jpg\" "              \
  "alt=\"Sandbags\"/></figure>\n"                                                         \
  "<!-- /wp:image -->\n"                                                                  \
  "\n"                                                                                    \
  "<!-- wp:image {\"id\":43} -->\n"                                                       \
  "<figure class=\"wp-block-image\"><img src=\"https://example.org/b.jpg\" alt=\"A boat " \
  "– Straße\"/></figure>\n"                                                            \
  "<!-- /wp:image --></figure>\n"                                                         \
  "<!-- /wp:gallery -->\n"                                                                \
  "```"

#define WIDGET                                    \
  "````wordpress\n"                               \
  "<!-- wp:acme/widget {\"code\":\"```\"} /-->\n" \
  "````"

#define BEFORE "Flood waters rose overnight in the old town.\n\n"
#define MIDDLE "\n\nCrews worked through the night.\n\n"
#define AFTER "\n\nSchools stay shut.\n"

static const char body[] = BEFORE GALLERY MIDDLE WIDGET AFTER;

typedef struct
{
  CdWindow       *window;
  CdEditor       *editor;
  GtkTextView    *view;
  GtkTextBuffer  *buffer;
  CdEditorBlocks *blocks;
  char            uuid[40];
} Desk;

static gboolean
has_blocks (gpointer data)
{
  Desk *desk = data;

  return cd_editor_blocks_get_n_blocks (desk->blocks) == 2;
}

/* Opens an article whose body has two blocks and waits for their chips. */
static void
open_body (CdUiFixture *fixture,
           Desk        *desk,
           const char  *text)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Flood", text);

  g_strlcpy (desk->uuid, cd_article_get_uuid (article), sizeof desk->uuid);
  desk->window = cd_ui_start (fixture, desk->uuid);
  desk->editor = cd_window_get_editor (desk->window);
  desk->view = GTK_TEXT_VIEW (cd_editor_get_view (desk->editor));
  desk->buffer = gtk_text_view_get_buffer (desk->view);
  desk->blocks = cd_editor_get_blocks (desk->editor);
  g_assert_true (cd_ui_wait_for (has_blocks, desk, 5000));
}

static void
open_desk (CdUiFixture *fixture,
           Desk        *desk)
{
  open_body (fixture, desk, body);
}

static char *
buffer_text (Desk *desk)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (desk->buffer, &start, &end);
  return gtk_text_buffer_get_text (desk->buffer, &start, &end, TRUE);
}

static const char *
article_body (Desk *desk)
{
  return cd_article_get_body (cd_editor_get_article (desk->editor));
}

static void
block_offsets (Desk *desk,
               guint index,
               int  *start,
               int  *end)
{
  GtkTextIter s, e;

  cd_editor_blocks_get_range (desk->blocks, index, &s, &e);
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
}

static void
place_cursor (Desk *desk,
              int   offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (desk->buffer, &iter, offset);
  gtk_text_buffer_place_cursor (desk->buffer, &iter);
}

static int
cursor (Desk *desk)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (desk->buffer, &iter, gtk_text_buffer_get_insert (desk->buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* Gives the window the X focus and the body the keyboard focus. */
static void
focus_body (Desk *desk)
{
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (desk->window)));
  const char      *argv[] = { "xdotool", "windowfocus", "--sync", xid, NULL };

  cd_ui_run (argv);
  gtk_widget_grab_focus (GTK_WIDGET (desk->view));
  g_assert_true (cd_ui_wait_for ((CdUiCondition) gtk_widget_has_focus, desk->view, 5000));
}

typedef struct
{
  Desk       *desk;
  const char *text;
  int         cursor;
} Expect;

static gboolean
body_is (gpointer data)
{
  Expect          *expect = data;
  g_autofree char *text = buffer_text (expect->desk);

  return g_str_equal (text, expect->text) &&
         (expect->cursor < 0 || cursor (expect->desk) == expect->cursor);
}

/* Sends @keys with xdotool (@command "key" presses keys, "type" types
 * text) and waits until the body is @expected, in the buffer and in the
 * article, with the cursor at @at (or anywhere when -1). */
static void
send (Desk       *desk,
      const char *command,
      const char *keys,
      const char *expected,
      int         at)
{
  const char *argv[] = { "xdotool", command, "--delay", "30", keys, NULL };
  Expect      expect = { desk, expected, at };

  g_test_message ("xdotool %s %s with the cursor at %d", command, keys, cursor (desk));
  cd_ui_run (argv);
  if (!cd_ui_wait_for (body_is, &expect, 5000))
    {
      g_autofree char *text = buffer_text (desk);

      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpint (cursor (desk), ==, at);
    }
  g_assert_cmpstr (article_body (desk), ==, expected);
}

static gboolean
chips_placed (gpointer data)
{
  Desk *desk = data;

  for (guint i = 0; i < cd_editor_blocks_get_n_blocks (desk->blocks); i++)
    {
      GtkWidget  *chip = cd_editor_blocks_get_chip (desk->blocks, i);
      GtkTextIter start, end;
      int         y, height;

      cd_editor_blocks_get_range (desk->blocks, i, &start, &end);
      gtk_text_iter_backward_char (&end);
      gtk_text_view_get_line_yrange (desk->view, &end, &y, &height);
      if (!gtk_widget_get_mapped (chip) || gtk_widget_get_width (chip) <= 0)
        return FALSE;
      {
        graphene_point_t at;
        int              buffer_y;

        if (!gtk_widget_compute_point (chip, GTK_WIDGET (desk->view), &GRAPHENE_POINT_INIT (0, 0),
                                       &at))
          return FALSE;
        gtk_text_view_window_to_buffer_coords (desk->view, GTK_TEXT_WINDOW_WIDGET, (int) at.x,
                                               (int) at.y, NULL, &buffer_y);
        g_test_message ("chip %u at buffer y %d, line y %d, height %d", i, buffer_y, y, height);
        if (buffer_y < y - 2 || buffer_y > y + height)
          return FALSE;
      }
    }
  return TRUE;
}

static gboolean
occurrences_counted (gpointer data)
{
  return gtk_source_search_context_get_occurrences_count (data) >= 0;
}

/* Two fences, two chips with their labels and accessible names, each on
 * its block's one line; the fences' text is hidden, the buffer holds the
 * body exactly, and nothing is written back while nothing is touched. */
static void
test_chips (CdUiFixture  *fixture,
            gconstpointer data)
{
  Desk             desk;
  const char      *labels[] = { "Gallery · 2 images", "acme/widget" };
  g_autofree char *text = NULL;

  open_desk (fixture, &desk);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget       *chip = cd_editor_blocks_get_chip (desk.blocks, i);
      GtkTextIter      start, end;
      g_autofree char *hidden = NULL;

      g_assert_true (GTK_IS_LABEL (chip));
      g_assert_true (gtk_widget_is_ancestor (chip, GTK_WIDGET (desk.view)));
      g_assert_true (gtk_widget_has_css_class (chip, CD_EDITOR_BLOCK_CHIP_CLASS));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (chip)), ==, labels[i]);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==, labels[i]);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           labels[i]);
      cd_editor_blocks_get_range (desk.blocks, i, &start, &end);
      hidden = gtk_text_buffer_get_text (desk.buffer, &start, &end, FALSE);
      /* Only the last backtick shows, drawn under the chip. */
      g_assert_cmpstr (hidden, ==, "`");
    }
  g_assert_true (cd_ui_wait_for (chips_placed, &desk, 5000));
  cd_ui_spin (300);

  /* Find does not look in the hidden text. */
  {
    g_autoptr (GtkSourceSearchSettings) settings = gtk_source_search_settings_new ();
    g_autoptr (GtkSourceSearchContext) search = NULL;

    gtk_source_search_settings_set_search_text (settings, "Sandbags");
    search = gtk_source_search_context_new (GTK_SOURCE_BUFFER (desk.buffer), settings);
    g_assert_true (cd_ui_wait_for (occurrences_counted, search, 5000));
    g_assert_cmpint (gtk_source_search_context_get_occurrences_count (search), ==, 0);
    gtk_source_search_settings_set_search_text (settings, "Crews");
    g_assert_true (cd_ui_wait_for (occurrences_counted, search, 5000));
    g_assert_cmpint (gtk_source_search_context_get_occurrences_count (search), ==, 1);
  }

  text = buffer_text (&desk);
  g_assert_cmpstr (text, ==, body);
  g_assert_cmpstr (article_body (&desk), ==, body);
  g_assert_false (gtk_text_buffer_get_modified (desk.buffer));
  g_assert_false (cd_document_get_dirty (cd_window_get_document (desk.window)));
  cd_ui_close_window (fixture);
}

/* Scrolled, the chips go with the text: each stays on its block's line
 * wherever the body is scrolled to, by the scroll bar or the mouse wheel
 * (GtkTextView of GTK 4.8 leaves its overlays where they were on the
 * screen unless it is made to place them again). */
static void
test_chips_scroll (CdUiFixture  *fixture,
                   gconstpointer data)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GtkAdjustment *adjustment;
  Desk           desk;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "Paragraph %u of the story.\n\n", i + 1);
  g_string_append (text, GALLERY MIDDLE);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "Paragraph %u after the gallery.\n\n", i + 1);
  g_string_append (text, WIDGET AFTER);
  open_body (fixture, &desk, text->str);
  g_assert_true (cd_ui_wait_for (chips_placed, &desk, 5000));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (desk.view));
  for (guint step = 1; step <= 4; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, upper * step / 4);
      g_test_message ("scrolled to %.0f of %.0f", gtk_adjustment_get_value (adjustment), upper);
      g_assert_true (cd_ui_wait_for (chips_placed, &desk, 5000));
    }
  {
    /* The mouse wheel, over the body, back up. */
    graphene_point_t at;
    g_autofree char *x = NULL, *y = NULL;
    double           before = gtk_adjustment_get_value (adjustment);

    focus_body (&desk);
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (desk.view), GTK_WIDGET (desk.window),
                                             &GRAPHENE_POINT_INIT (40, 40), &at));
    x = g_strdup_printf ("%d", (int) at.x);
    y = g_strdup_printf ("%d", (int) at.y);
    {
      const char      *argv[] = { "xdotool", "mousemove", "--window",
                                  NULL, x, y, "click", "--repeat", "6", "4", NULL };
      g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (desk.window)));

      argv[3] = xid;
      cd_ui_run (argv);
    }
    g_assert_true (cd_ui_wait_for (chips_placed, &desk, 5000));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, before);
  }
  cd_ui_close_window (fixture);
}

/* Backspace right after a chip deletes the whole fence with its line
 * break; undo brings back the exact bytes and the chip; Delete right
 * before a chip does the same. */
static void
test_backspace_and_undo (CdUiFixture  *fixture,
                         gconstpointer data)
{
  g_autoptr (CdArticle) stored = NULL;
  Desk desk;
  int  start, end;

  open_desk (fixture, &desk);
  focus_body (&desk);

  block_offsets (&desk, 0, &start, &end);
  place_cursor (&desk, end);
  send (&desk, "key", "BackSpace", BEFORE "\nCrews worked through the night.\n\n" WIDGET AFTER, start);
  g_assert_cmpuint (cd_editor_blocks_get_n_blocks (desk.blocks), ==, 1);

  send (&desk, "key", "ctrl+z", body, -1);
  g_assert_true (cd_ui_wait_for (has_blocks, &desk, 5000));

  block_offsets (&desk, 1, &start, &end);
  place_cursor (&desk, end - 1);
  send (&desk, "key", "Delete", BEFORE GALLERY "\n\nCrews worked through the night.\n\n\nSchools stay shut.\n",
        start);
  send (&desk, "key", "ctrl+z", body, -1);
  g_assert_true (cd_ui_wait_for (has_blocks, &desk, 5000));

  /* Closing saves the edited article: its body is the one it came with. */
  g_assert_true (cd_document_get_dirty (cd_window_get_document (desk.window)));
  cd_ui_close_window (fixture);
  stored = cd_ui_read_article (fixture->dir, desk.uuid);
  g_assert_cmpstr (cd_article_get_body (stored), ==, body);
}

/* Keys typed beside a chip go on a line of their own, before or after the
 * block; the cursor never rests inside a fence; the fence's bytes never
 * change. */
static void
test_typing_beside_chips (CdUiFixture  *fixture,
                          gconstpointer data)
{
  Desk desk;
  int  start, end;

  open_desk (fixture, &desk);
  focus_body (&desk);

  /* Before the chip. */
  block_offsets (&desk, 0, &start, &end);
  place_cursor (&desk, end - 1);
  send (&desk, "type", "Map", BEFORE "Map\n" GALLERY MIDDLE WIDGET AFTER, start + 3);

  /* After it. */
  block_offsets (&desk, 0, &start, &end);
  place_cursor (&desk, end);
  send (&desk, "type", "Yes", BEFORE "Map\n" GALLERY "\nYes" MIDDLE WIDGET AFTER, end + 4);

  /* A cursor put inside the hidden text goes beside the chip. */
  block_offsets (&desk, 1, &start, &end);
  place_cursor (&desk, start + 5);
  g_assert_cmpint (cursor (&desk), ==, end - 1);
  send (&desk, "type", "x", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, start + 1);

  /* The cursor steps over a chip as over one character. */
  block_offsets (&desk, 1, &start, &end);
  place_cursor (&desk, end - 1);
  send (&desk, "key", "Right", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, end);
  send (&desk, "key", "Left", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, end - 1);
  send (&desk, "key", "Left", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, start - 1);
  send (&desk, "key", "Right", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, end - 1);

  /* Up and Down stop on a chip's line, Home and End go to its sides. */
  block_offsets (&desk, 0, &start, &end);
  place_cursor (&desk, start - 1);
  send (&desk, "key", "Down", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, -1);
  g_assert_true (cursor (&desk) == end - 1 || cursor (&desk) == end);
  send (&desk, "key", "Home", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, end - 1);
  send (&desk, "key", "End", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, end);
  place_cursor (&desk, end + 2);
  send (&desk, "key", "Up", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, -1);
  g_assert_true (cursor (&desk) == end - 1 || cursor (&desk) == end);

  /* Alt+Down does not move a line into a block, nor Alt+Up a block's line;
   * a line away from blocks moves. */
  block_offsets (&desk, 0, &start, &end);
  place_cursor (&desk, start - 1);
  send (&desk, "key", "alt+Down", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, start - 1);
  place_cursor (&desk, end);
  send (&desk, "key", "alt+Up", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, end);
  place_cursor (&desk, 0);
  send (&desk, "key", "alt+Down",
        "\nFlood waters rose overnight in the old town.\nMap\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER,
        -1);
  send (&desk, "key", "ctrl+z", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, -1);

  /* Backspace at the start of the line right after a block, and Delete at
   * the end of the line right before it, cannot join those lines to the
   * fence: they take the block. */
  block_offsets (&desk, 0, &start, &end);
  place_cursor (&desk, end + 1);
  send (&desk, "key", "BackSpace", BEFORE "Map\nYes" MIDDLE "x\n" WIDGET AFTER, start);
  send (&desk, "key", "ctrl+z", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, -1);
  place_cursor (&desk, start - 1);
  send (&desk, "key", "Delete", BEFORE "Map\nYes" MIDDLE "x\n" WIDGET AFTER, start - 1);
  send (&desk, "key", "ctrl+z", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n" WIDGET AFTER, -1);

  /* Enter before a chip opens a line above it. */
  block_offsets (&desk, 1, &start, &end);
  place_cursor (&desk, end - 1);
  send (&desk, "key", "Return", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n\n" WIDGET AFTER,
        end);
  send (&desk, "type", "z", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n\nz\n" WIDGET AFTER,
        start + 2);
  /* Undo leaves the cursor before the chip, not in the fence, and typing
   * goes on there. */
  send (&desk, "key", "ctrl+z", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n\n" WIDGET AFTER, end);
  send (&desk, "type", "w", BEFORE "Map\n" GALLERY "\nYes" MIDDLE "x\n\nw\n" WIDGET AFTER,
        start + 2);
  g_assert_cmpuint (cd_editor_blocks_get_n_blocks (desk.blocks), ==, 2);
  cd_ui_close_window (fixture);
}

/* Two blocks, one right after the other, the first at the very start. */
static void
test_adjacent_blocks (CdUiFixture  *fixture,
                      gconstpointer data)
{
  const char *adjacent = WIDGET "\n" GALLERY "\n";
  Desk        desk;
  int         start0, end0, start1, end1;

  open_body (fixture, &desk, adjacent);
  focus_body (&desk);
  block_offsets (&desk, 0, &start0, &end0);
  block_offsets (&desk, 1, &start1, &end1);
  g_assert_cmpint (start0, ==, 0);
  g_assert_cmpint (start1, ==, end0 + 1);

  place_cursor (&desk, end0 - 1);
  send (&desk, "key", "Left", adjacent, end0 - 1);
  send (&desk, "key", "Right", adjacent, end0);
  send (&desk, "key", "Right", adjacent, end1 - 1);
  send (&desk, "key", "Left", adjacent, end0);
  /* Between the two, Delete would join the fences' lines: nothing goes;
   * typing opens a line of its own. */
  send (&desk, "key", "Delete", adjacent, end0);
  send (&desk, "type", "Caption", WIDGET "\nCaption\n" GALLERY "\n", end0 + 8);
  g_assert_cmpuint (cd_editor_blocks_get_n_blocks (desk.blocks), ==, 2);
  cd_ui_close_window (fixture);
}

typedef struct
{
  char    *text;
  gboolean done;
} Clip;

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  Clip *clip = data;

  clip->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  clip->done = TRUE;
}

static gboolean
clip_done (gpointer data)
{
  return ((Clip *) data)->done;
}

static char *
clipboard_text (Desk *desk)
{
  Clip clip = { NULL, FALSE };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (desk->view)), NULL,
                                 read_text_cb, &clip);
  g_assert_true (cd_ui_wait_for (clip_done, &clip, 5000));
  return clip.text;
}

/* A selection across a chip cuts the whole fence, as Markdown on the
 * clipboard; pasted at the end it is a block again, byte for byte; a
 * selection of the chip alone copies its fence. */
static void
test_cut_and_paste (CdUiFixture  *fixture,
                    gconstpointer data)
{
  Desk             desk;
  GtkTextIter      from, to;
  g_autofree char *clip = NULL;
  g_autofree char *copied = NULL;
  int              start, end, length;

  open_desk (fixture, &desk);
  focus_body (&desk);

  /* From "night." through the widget block. */
  block_offsets (&desk, 1, &start, &end);
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &from, start - 8);
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &to, end);
  gtk_text_buffer_select_range (desk.buffer, &to, &from);
  send (&desk, "key", "ctrl+x", BEFORE GALLERY "\n\nCrews worked through the " AFTER, -1);
  clip = clipboard_text (&desk);
  g_assert_cmpstr (clip, ==, "night.\n\n" WIDGET);
  g_assert_cmpuint (cd_editor_blocks_get_n_blocks (desk.blocks), ==, 1);

  length = gtk_text_buffer_get_char_count (desk.buffer);
  place_cursor (&desk, length);
  send (&desk, "key", "ctrl+v",
        BEFORE GALLERY "\n\nCrews worked through the " AFTER "night.\n\n" WIDGET, -1);
  g_assert_true (cd_ui_wait_for (has_blocks, &desk, 5000));

  /* The chip alone, selected from before it to after it. */
  block_offsets (&desk, 0, &start, &end);
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &from, end - 1);
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &to, end);
  gtk_text_buffer_select_range (desk.buffer, &to, &from);
  g_signal_emit_by_name (desk.view, "copy-clipboard");
  copied = clipboard_text (&desk);
  g_assert_cmpstr (copied, ==, GALLERY);
  cd_ui_close_window (fixture);
}

/* Text copied with its formatting (from a browser, a word processor or
 * Google Docs) pastes as Markdown: a phrase inside the paragraph, several
 * paragraphs as paragraphs; Ctrl+Shift+V pastes the plain text; one undo
 * takes a paste back. */
static void
test_paste_formatted (CdUiFixture  *fixture,
                      gconstpointer data)
{
  static const char phrase_html[] =
      "<meta charset=\"utf-8\"><span style=\"font-weight:700\">Water</span> reached "
      "<a href=\"https://example.org/gauge?river=inn&amp;day=2\">the 1954 mark</a>";
  static const char story_html[] =
      "<b style=\"font-weight:normal;\" id=\"docs-internal-guid-5e7f\"><h2 dir=\"ltr\">"
      "<span style=\"font-weight:400\">Reaction</span></h2><p dir=\"ltr\"><span>The mayor "
      "called it </span><span style=\"font-style:italic\">a wake-up call</span><span>.</span>"
      "</p><ul><li><p>Schools shut</p></li><li><p>Roads closed</p></li></ul></b>";
  Desk          desk;
  GdkClipboard *clipboard;
#define START "Flood waters rose overnight in the old town."

  open_desk (fixture, &desk);
  focus_body (&desk);
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (desk.view));

  /* A phrase, pasted before "rose". */
  {
    g_autoptr (GBytes) html = g_bytes_new_static (phrase_html, strlen (phrase_html));
    GdkContentProvider *providers[] = {
      gdk_content_provider_new_for_bytes ("text/html", html),
      gdk_content_provider_new_typed (G_TYPE_STRING, "Water reached the 1954 mark"),
    };
    g_autoptr (GdkContentProvider) both = gdk_content_provider_new_union (providers, 2);

    gdk_clipboard_set_content (clipboard, both);
    place_cursor (&desk, strlen ("Flood waters "));
    send (&desk, "key", "ctrl+v",
          "Flood waters **Water** reached [the 1954 mark](https://example.org/gauge?river=inn&day=2)"
          "rose overnight in the old town.\n\n" GALLERY MIDDLE WIDGET AFTER,
          -1);
    send (&desk, "key", "ctrl+z", body, -1);
    /* The same clipboard without its formatting. */
    place_cursor (&desk, strlen ("Flood waters "));
    send (&desk, "key", "ctrl+shift+v",
          "Flood waters Water reached the 1954 markrose overnight in the old town.\n\n" GALLERY
              MIDDLE WIDGET AFTER,
          -1);
    send (&desk, "key", "ctrl+z", body, -1);
  }

  /* Paragraphs, a subhead and a list, pasted on a line of their own
   * after the first paragraph; Google Docs's outer <b> is not bold. */
  {
    g_autoptr (GBytes) html = g_bytes_new_static (story_html, strlen (story_html));
    GdkContentProvider *providers[] = {
      gdk_content_provider_new_for_bytes ("text/html", html),
      gdk_content_provider_new_typed (G_TYPE_STRING, "Reaction\nThe mayor called it a wake-up call."),
    };
    g_autoptr (GdkContentProvider) both = gdk_content_provider_new_union (providers, 2);

    gdk_clipboard_set_content (clipboard, both);
    place_cursor (&desk, strlen (START) + 1);
    send (&desk, "key", "Return", START "\n\n\n" GALLERY MIDDLE WIDGET AFTER, -1);
    send (&desk, "key", "Return", START "\n\n\n\n" GALLERY MIDDLE WIDGET AFTER, -1);
    place_cursor (&desk, strlen (START) + 2);
    send (&desk, "key", "ctrl+v",
          BEFORE "## Reaction\n\nThe mayor called it *a wake-up call*.\n\n- Schools shut\n\n- Roads "
                 "closed\n\n" GALLERY MIDDLE WIDGET AFTER,
          -1);
  }
#undef START
  cd_ui_close_window (fixture);
}

/* Screenshots of the chips, light and wide, dark and narrow. */
static void
shoot (GtkWidget  *window,
       const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "screenshots",
                                           NULL);
  g_autofree char *file_name = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (window));
  const char      *argv[] = { "import", "-window", xid, path, NULL };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  cd_ui_run (argv);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("saved %s", path);
}

typedef struct
{
  GtkWidget *window;
  int        width;
} Width;

static gboolean
has_width (gpointer data)
{
  Width *check = data;

  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (check->window))) ==
         check->width;
}

static gboolean
body_at_left_edge (gpointer data)
{
  Desk            *desk = data;
  graphene_point_t at;

  return gtk_widget_compute_point (GTK_WIDGET (desk->view), GTK_WIDGET (desk->window),
                                   &GRAPHENE_POINT_INIT (0, 0), &at) &&
         at.x < 1 && chips_placed (desk);
}

static void
test_screenshots (CdUiFixture  *fixture,
                  gconstpointer data)
{
  Desk             desk;
  g_autofree char *xid = NULL;
  int              start, end;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* A third-party block with a long name, whose chip is ellipsized. */
  open_body (fixture, &desk,
             BEFORE GALLERY MIDDLE
             "```wordpress\n"
             "<!-- wp:newsroom-tools/interactive-election-results-map {\"id\":9} /-->\n"
             "```" AFTER);
  xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (desk.window)));
  focus_body (&desk);
  block_offsets (&desk, 0, &start, &end);
  place_cursor (&desk, end);
  g_assert_true (cd_ui_wait_for (chips_placed, &desk, 5000));
  shoot (GTK_WIDGET (desk.window), "blocks-light-wide");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  {
    const char *argv[] = { "xdotool", "windowsize", "--sync", xid, "400", "700", NULL };
    Width       check = { GTK_WIDGET (desk.window), 400 };

    cd_ui_run (argv);
    g_assert_true (cd_ui_wait_for (has_width, &check, 5000));
  }
  /* The second chip selected, with a little text on either side. */
  block_offsets (&desk, 1, &start, &end);
  {
    GtkTextIter from, to;

    gtk_text_buffer_get_iter_at_offset (desk.buffer, &from, start - 8);
    gtk_text_buffer_get_iter_at_offset (desk.buffer, &to, end + 4);
    gtk_text_buffer_select_range (desk.buffer, &to, &from);
  }
  g_assert_true (cd_ui_wait_for (chips_placed, &desk, 5000));
  /* The library folds away with an animation. */
  g_assert_true (cd_ui_wait_for (body_at_left_edge, &desk, 5000));
  g_assert_cmpint (gtk_widget_get_width (cd_editor_blocks_get_chip (desk.blocks, 1)), <,
                   gtk_widget_get_width (GTK_WIDGET (desk.view)));
  shoot (GTK_WIDGET (desk.window), "blocks-dark-narrow");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  cd_ui_close_window (fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, CdUiFixture, NULL, cd_ui_fixture_setup, func, cd_ui_fixture_teardown)
  ADD ("/editor-blocks/chips", test_chips);
  ADD ("/editor-blocks/chips-scroll", test_chips_scroll);
  ADD ("/editor-blocks/backspace-undo", test_backspace_and_undo);
  ADD ("/editor-blocks/typing", test_typing_beside_chips);
  ADD ("/editor-blocks/adjacent", test_adjacent_blocks);
  ADD ("/editor-blocks/cut-paste", test_cut_and_paste);
  ADD ("/editor-blocks/paste-formatted", test_paste_formatted);
  ADD ("/editor-blocks/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
