/* test-images-ui.c: images in the window under Xvfb: an ```image fence in
 * the body is one labelled chip, moved and deleted whole, whose popover
 * rewrites the fence's alt text, caption and credit as one undoable edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-images-ui"

#include "config.h"

#include "cd-editor-blocks.h"
#include "cd-image-fence.h"
#include "cd-image-popover.h"
#include "cd-ui-test.h"

#define IMAGE_ID "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

#define FENCE                        \
  "```image\n"                       \
  "id: " IMAGE_ID "\n"               \
  "alt: Firefighters at the scene\n" \
  "focus: 0.4 0.3\n"                 \
  "credit: Jane Doe / Agency\n"      \
  "```"

#define BEFORE "Fire crews fought a blaze on Main Street overnight.\n\n"
#define AFTER "\n\nNo one was hurt.\n"

static const char body[] = BEFORE FENCE AFTER;

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
has_one_block (gpointer data)
{
  Desk *desk = data;

  return cd_editor_blocks_get_n_blocks (desk->blocks) == 1;
}

static void
open_body (CdUiFixture *fixture,
           Desk        *desk,
           const char  *text)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Fire", text);

  g_strlcpy (desk->uuid, cd_article_get_uuid (article), sizeof desk->uuid);
  desk->window = cd_ui_start (fixture, desk->uuid);
  desk->editor = cd_window_get_editor (desk->window);
  desk->view = GTK_TEXT_VIEW (cd_editor_get_view (desk->editor));
  desk->buffer = gtk_text_view_get_buffer (desk->view);
  desk->blocks = cd_editor_get_blocks (desk->editor);
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

static GtkLabel *
chip_label (Desk *desk,
            guint index)
{
  return GTK_LABEL (
      gtk_widget_get_next_sibling (gtk_widget_get_first_child (cd_editor_blocks_get_chip (desk->blocks, index))));
}

typedef struct
{
  Desk       *desk;
  const char *text;
} Expect;

static gboolean
body_is (gpointer data)
{
  Expect          *expect = data;
  g_autofree char *text = buffer_text (expect->desk);

  return g_str_equal (text, expect->text);
}

static void
wait_body (Desk       *desk,
           const char *expected)
{
  Expect expect = { desk, expected };

  if (!cd_ui_wait_for (body_is, &expect, 5000))
    {
      g_autofree char *text = buffer_text (desk);

      g_assert_cmpstr (text, ==, expected);
    }
  g_assert_cmpstr (article_body (desk), ==, expected);
}

/* The fence helpers read and rewrite only the edited lines. */
static void
test_fence_lines (void)
{
  g_autofree char *alt = cd_image_fence_get_value (FENCE, -1, "alt");
  g_autofree char *caption = cd_image_fence_get_value (FENCE, -1, "caption");
  g_autofree char *rewritten = NULL;
  g_autofree char *cleared = NULL;

  g_assert_true (cd_image_fence_is_image (FENCE, -1));
  g_assert_true (cd_image_fence_is_image ("~~~~ image \nid: x\n~~~~", -1));
  g_assert_false (cd_image_fence_is_image ("```images\n```", -1));
  g_assert_false (cd_image_fence_is_image ("```wordpress\n```", -1));
  g_assert_cmpstr (alt, ==, "Firefighters at the scene");
  g_assert_null (caption);

  rewritten = cd_image_fence_set_values (FENCE, -1, "Two firefighters\non a ladder",
                                         "Crews worked through the night.", "");
  g_assert_cmpstr (rewritten, ==,
                   "```image\n"
                   "id: " IMAGE_ID "\n"
                   "alt: Two firefighters on a ladder\n"
                   "focus: 0.4 0.3\n"
                   "caption: Crews worked through the night.\n"
                   "```");
  cleared = cd_image_fence_set_values (rewritten, -1, "", NULL, NULL);
  g_assert_cmpstr (cleared, ==,
                   "```image\n"
                   "id: " IMAGE_ID "\n"
                   "alt:\n"
                   "focus: 0.4 0.3\n"
                   "```");
}

/* The fence is one chip with a picture and its alt text; a deletion that
 * reaches it takes it whole, undo brings it back byte for byte; a fence
 * without alt text says so. */
static void
test_chip (CdUiFixture  *fixture,
           gconstpointer data)
{
  Desk        desk;
  GtkWidget  *chip;
  GtkTextIter start, end, from, to;
  int         s, e;

  open_body (fixture, &desk, body);
  g_assert_true (cd_ui_wait_for (has_one_block, &desk, 5000));
  g_assert_true (cd_editor_blocks_is_image (desk.blocks, 0));
  chip = cd_editor_blocks_get_chip (desk.blocks, 0);
  g_assert_true (gtk_widget_has_css_class (chip, CD_EDITOR_IMAGE_CHIP_CLASS));
  g_assert_true (gtk_widget_has_css_class (chip, CD_EDITOR_BLOCK_CHIP_CLASS));
  g_assert_true (GTK_IS_IMAGE (gtk_widget_get_first_child (chip)));
  g_assert_cmpstr (gtk_label_get_text (chip_label (&desk, 0)), ==, "Firefighters at the scene");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Image: Firefighters at the scene");
  cd_editor_blocks_get_range (desk.blocks, 0, &start, &end);
  s = gtk_text_iter_get_offset (&start);
  e = gtk_text_iter_get_offset (&end);
  g_assert_cmpint (s, ==, g_utf8_strlen (BEFORE, -1));
  g_assert_cmpint (e - s, ==, g_utf8_strlen (FENCE, -1));

  /* A selection from the middle of the first paragraph into the hidden
   * text deletes the whole image and no more than that. */
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &from, 10);
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &to, s + 5);
  gtk_text_buffer_begin_user_action (desk.buffer);
  gtk_text_buffer_delete_interactive (desk.buffer, &from, &to, TRUE);
  gtk_text_buffer_end_user_action (desk.buffer);
  wait_body (&desk, "Fire crews" AFTER);
  g_assert_cmpuint (cd_editor_blocks_get_n_blocks (desk.blocks), ==, 0);
  gtk_text_buffer_undo (desk.buffer);
  wait_body (&desk, body);
  g_assert_true (cd_ui_wait_for (has_one_block, &desk, 5000));

  /* The hidden text alone is never edited. */
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &from, s + 12);
  gtk_text_buffer_insert_interactive (desk.buffer, &from, "x", 1, TRUE);
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &from, s + 12);
  gtk_text_buffer_get_iter_at_offset (desk.buffer, &to, s + 20);
  gtk_text_buffer_delete_interactive (desk.buffer, &from, &to, TRUE);
  wait_body (&desk, body);

  /* An image without alt text says so. */
  {
    GtkTextIter line;
    int         alt_line;

    gtk_text_buffer_get_iter_at_offset (desk.buffer, &line, s);
    alt_line = gtk_text_iter_get_line (&line) + 2;
    cd_editor_blocks_begin_change (desk.blocks);
    gtk_text_buffer_get_iter_at_line (desk.buffer, &from, alt_line);
    to = from;
    gtk_text_iter_forward_to_line_end (&to);
    gtk_text_buffer_delete (desk.buffer, &from, &to);
    gtk_text_buffer_insert (desk.buffer, &from, "alt:", -1);
    cd_editor_blocks_end_change (desk.blocks);
  }
  g_assert_true (cd_ui_wait_for (has_one_block, &desk, 5000));
  g_assert_cmpstr (gtk_label_get_text (chip_label (&desk, 0)), ==, "Image without alt text");
  g_assert_true (gtk_widget_has_css_class (cd_editor_blocks_get_chip (desk.blocks, 0), "no-alt"));
  cd_ui_close_window (fixture);
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
popover_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* The popover opens on the chip with the fence's values; what is typed
 * replaces the alt text, caption and credit lines, keeping the others,
 * as one undoable edit; the chip follows. */
static void
test_popover_edit (CdUiFixture  *fixture,
                   gconstpointer data)
{
  Desk            desk;
  CdImagePopover *popover;
  const char     *edited = BEFORE "```image\n"
                                  "id: " IMAGE_ID "\n"
                                  "alt: Two firefighters on a ladder\n"
                                  "focus: 0.4 0.3\n"
                                  "caption: Crews worked through the night.\n"
                                  "```" AFTER;

  open_body (fixture, &desk, body);
  g_assert_true (cd_ui_wait_for (has_one_block, &desk, 5000));

  /* The context menu's Edit Image… is there beside the chip only. */
  {
    GtkTextIter iter;

    gtk_text_buffer_get_start_iter (desk.buffer, &iter);
    gtk_text_buffer_place_cursor (desk.buffer, &iter);
  }
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (desk.view), "blocks.edit-image", NULL) &&
                  gtk_widget_get_visible (cd_editor_blocks_get_image_popover (desk.blocks)));
  {
    GtkTextIter start, end;

    cd_editor_blocks_get_range (desk.blocks, 0, &start, &end);
    gtk_text_buffer_place_cursor (desk.buffer, &end);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk.view), "blocks.edit-image", NULL));
  popover = CD_IMAGE_POPOVER (cd_editor_blocks_get_image_popover (desk.blocks));
  g_assert_true (cd_ui_wait_for (popover_shown, popover, 5000));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (popover),
                                         cd_editor_blocks_get_chip (desk.blocks, 0)));
  g_assert_cmpstr (cd_image_popover_get_alt (popover), ==, "Firefighters at the scene");
  g_assert_cmpstr (cd_image_popover_get_caption (popover), ==, "");
  g_assert_cmpstr (cd_image_popover_get_credit (popover), ==, "Jane Doe / Agency");

  gtk_editable_set_text (cd_image_popover_get_alt_entry (popover), "Two firefighters on a ladder");
  gtk_editable_set_text (cd_image_popover_get_caption_entry (popover),
                         "Crews worked through the night.");
  gtk_editable_set_text (cd_image_popover_get_credit_entry (popover), "");
  /* Nothing changes while the popover is open. */
  g_assert_cmpstr (article_body (&desk), ==, body);
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (cd_ui_wait_for (popover_hidden, popover, 5000));
  wait_body (&desk, edited);
  g_assert_true (cd_ui_wait_for (has_one_block, &desk, 5000));
  g_assert_cmpstr (gtk_label_get_text (chip_label (&desk, 0)), ==, "Two firefighters on a ladder");

  /* One undo takes the whole edit back, one redo brings it again. */
  gtk_text_buffer_undo (desk.buffer);
  wait_body (&desk, body);
  g_assert_cmpstr (gtk_label_get_text (chip_label (&desk, 0)), ==, "Firefighters at the scene");
  gtk_text_buffer_redo (desk.buffer);
  wait_body (&desk, edited);

  /* Opening and closing without a change writes nothing. */
  cd_editor_blocks_edit_image (desk.blocks, 0);
  g_assert_true (cd_ui_wait_for (popover_shown, popover, 5000));
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (cd_ui_wait_for (popover_hidden, popover, 5000));
  gtk_text_buffer_undo (desk.buffer);
  wait_body (&desk, body);
  cd_ui_close_window (fixture);
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

static void
xdotool (const char *command,
         const char *keys)
{
  const char *argv[] = { "xdotool", command, "--delay", "30", keys, NULL };

  cd_ui_run (argv);
}

static gboolean
alt_entry_focused (gpointer data)
{
  CdImagePopover *popover = data;
  GtkWidget      *entry = GTK_WIDGET (cd_image_popover_get_alt_entry (popover));
  GtkRoot        *root = gtk_widget_get_root (entry);
  GtkWidget      *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return gtk_widget_get_mapped (entry) && focus != NULL &&
         (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* With the keyboard alone: Shift+Left selects the chip from after it,
 * Return opens the popover with the alt text focused, typing replaces it
 * and Return writes it into the fence. */
static void
test_keys (CdUiFixture  *fixture,
           gconstpointer data)
{
  Desk            desk;
  CdImagePopover *popover;
  GtkTextIter     start, end;
  const char     *edited = BEFORE "```image\n"
                                  "id: " IMAGE_ID "\n"
                                  "alt: Smoke over the roofs\n"
                                  "focus: 0.4 0.3\n"
                                  "credit: Jane Doe / Agency\n"
                                  "```" AFTER;

  open_body (fixture, &desk, body);
  g_assert_true (cd_ui_wait_for (has_one_block, &desk, 5000));
  focus_body (&desk);
  cd_editor_blocks_get_range (desk.blocks, 0, &start, &end);
  gtk_text_buffer_place_cursor (desk.buffer, &end);
  xdotool ("key", "shift+Left");
  xdotool ("key", "Return");
  popover = CD_IMAGE_POPOVER (cd_editor_blocks_get_image_popover (desk.blocks));
  g_assert_true (cd_ui_wait_for (popover_shown, popover, 5000));
  g_assert_true (cd_ui_wait_for (alt_entry_focused, popover, 5000));
  /* Return opened the popover and typed nothing into the body. */
  g_assert_cmpstr (article_body (&desk), ==, body);
  xdotool ("key", "ctrl+a");
  xdotool ("type", "Smoke over the roofs");
  xdotool ("key", "Return");
  g_assert_true (cd_ui_wait_for (popover_hidden, popover, 5000));
  wait_body (&desk, edited);
  cd_ui_close_window (fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/images-ui/fence-lines", test_fence_lines);
#define ADD(path, func) \
  g_test_add (path, CdUiFixture, NULL, cd_ui_fixture_setup, func, cd_ui_fixture_teardown)
  ADD ("/images-ui/chip", test_chip);
  ADD ("/images-ui/popover-edit", test_popover_edit);
  ADD ("/images-ui/keys", test_keys);
#undef ADD

  return g_test_run ();
}
