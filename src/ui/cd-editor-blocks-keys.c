/* cd-editor-blocks-keys.c: the keys and the clipboard around the chips of
 * blocks kept as WordPress wrote them (see cd-editor-blocks.c).
 *
 * GTK moves the cursor through a fence's invisible lines and copies only
 * visible text; here Left, Right, Home and End step around a chip as around
 * one character, Up and Down stop on its line, GtkSourceView's line moves
 * stop at a block, and copy and cut carry whole fences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-editor-blocks"

#include "config.h"

#include <gtksourceview/gtksource.h>

#include "cd-editor-blocks-private.h"

/* Left and Right step over a chip as over one character: GTK's own steps
 * through the fence's invisible lines land inside them. */
static void
move_cursor_cb (GtkTextView    *view,
                GtkMovementStep step,
                int             count,
                gboolean        extend,
                CdEditorBlocks *self)
{
  GtkTextIter iter;
  int         cursor, length, target = -1;

  g_assert (GTK_IS_TEXT_VIEW (view));
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  /* Up and Down that land in a block's hidden lines stop on its chip's
   * line, whichever way they go. */
  self->vertical = step == GTK_MOVEMENT_DISPLAY_LINES || step == GTK_MOVEMENT_PARAGRAPHS ||
                   step == GTK_MOVEMENT_PAGES;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  cursor = gtk_text_iter_get_offset (&iter);
  length = gtk_text_buffer_get_char_count (self->buffer);
  /* A selection collapses as GTK collapses it. */
  if (!extend && gtk_text_buffer_get_has_selection (self->buffer))
    return;
  for (guint i = 0; target < 0 && i < self->blocks->len; i++)
    {
      int s, e;

      _cd_editor_blocks_range (self, i, &s, &e);
      /* Home and End on a chip's line go to either side of the chip. */
      if ((step == GTK_MOVEMENT_DISPLAY_LINE_ENDS || step == GTK_MOVEMENT_PARAGRAPH_ENDS) &&
          (cursor == e - 1 || cursor == e))
        target = count < 0 ? e - 1 : e;
      if ((step != GTK_MOVEMENT_LOGICAL_POSITIONS && step != GTK_MOVEMENT_VISUAL_POSITIONS) ||
          (count != 1 && count != -1) || target >= 0)
        continue;
      if (count > 0 && cursor == e - 1)
        target = e;
      else if (count > 0 && cursor == s - 1)
        target = e - 1;
      else if (count > 0 && cursor == e && e < length)
        target = e + 1;
      else if (count < 0 && cursor == e)
        target = e - 1;
      else if (count < 0 && cursor == e - 1)
        target = MAX (s - 1, 0);
      else if (count < 0 && cursor == e + 1 && _cd_editor_blocks_char_at (self, e) == '\n')
        target = e;
    }
  if (target < 0)
    return;
  /* Blocks may follow each other. */
  target = _cd_editor_blocks_snap (self, target, count > 0);
  g_signal_stop_emission_by_name (view, "move-cursor");
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, target);
  self->busy = TRUE;
  if (extend)
    gtk_text_buffer_move_mark (self->buffer, gtk_text_buffer_get_insert (self->buffer), &iter);
  else
    gtk_text_buffer_place_cursor (self->buffer, &iter);
  self->busy = FALSE;
  self->last_cursor = target;
  _cd_editor_blocks_update_chip_states (self);
  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (self->buffer));
}

static void
move_cursor_after_cb (CdEditorBlocks *self)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  self->vertical = FALSE;
}

/* GtkSourceView moves the lines of the selection past the line above or
 * below (Alt+Up, Alt+Down) by deleting and inserting text, which would
 * tear a fence: lines next to a block stay where they are (cut and paste
 * moves a block). */
static void
move_lines_cb (GtkTextView    *view,
               gboolean        down,
               CdEditorBlocks *self)
{
  GtkTextIter first, last;

  g_assert (GTK_IS_TEXT_VIEW (view));
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  gtk_text_buffer_get_selection_bounds (self->buffer, &first, &last);
  gtk_text_iter_set_line_offset (&first, 0);
  if (!down)
    gtk_text_iter_backward_line (&first);
  if (!gtk_text_iter_ends_line (&last))
    gtk_text_iter_forward_to_line_end (&last);
  if (down && gtk_text_iter_forward_line (&last) && !gtk_text_iter_ends_line (&last))
    gtk_text_iter_forward_to_line_end (&last);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      int s, e;

      _cd_editor_blocks_range (self, i, &s, &e);
      if (s < gtk_text_iter_get_offset (&last) && e > gtk_text_iter_get_offset (&first))
        {
          g_signal_stop_emission_by_name (view, "move-lines");
          return;
        }
    }
}

/* Copy and cut of a selection that reaches a block take the whole fence,
 * as text: GTK's own copy leaves hidden text out. */
static gboolean
selection_with_blocks (CdEditorBlocks *self,
                       GtkTextIter    *start,
                       GtkTextIter    *end)
{
  gboolean touched = FALSE;
  int      a, b;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, start, end))
    return FALSE;
  a = gtk_text_iter_get_offset (start);
  b = gtk_text_iter_get_offset (end);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      int s, e;

      _cd_editor_blocks_range (self, i, &s, &e);
      if (a < e && b > s)
        {
          a = MIN (a, s);
          b = MAX (b, e);
          touched = TRUE;
        }
    }
  gtk_text_buffer_get_iter_at_offset (self->buffer, start, a);
  gtk_text_buffer_get_iter_at_offset (self->buffer, end, b);
  return touched;
}

/* Puts a selection that reaches a block on the clipboard, with its whole
 * fences, in place of GTK's copy or cut (@signal). Returns FALSE, leaving
 * GTK to it, when the selection reaches no block. */
static gboolean
copy_with_blocks (CdEditorBlocks *self,
                  GtkTextView    *view,
                  const char     *signal,
                  GtkTextIter    *start,
                  GtkTextIter    *end)
{
  g_autofree char *text = NULL;

  g_assert (CD_IS_EDITOR_BLOCKS (self));
  g_assert (GTK_IS_TEXT_VIEW (view));
  g_assert (signal != NULL && start != NULL && end != NULL);

  if (!selection_with_blocks (self, start, end))
    return FALSE;
  g_signal_stop_emission_by_name (view, signal);
  text = gtk_text_buffer_get_text (self->buffer, start, end, TRUE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), text);
  return TRUE;
}

static void
copy_clipboard_cb (GtkTextView    *view,
                   CdEditorBlocks *self)
{
  GtkTextIter start, end;

  g_assert (GTK_IS_TEXT_VIEW (view));
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  copy_with_blocks (self, view, "copy-clipboard", &start, &end);
}

static void
cut_clipboard_cb (GtkTextView    *view,
                  CdEditorBlocks *self)
{
  GtkTextIter start, end;

  g_assert (GTK_IS_TEXT_VIEW (view));
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (!copy_with_blocks (self, view, "cut-clipboard", &start, &end))
    return;
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete_interactive (self->buffer, &start, &end,
                                      gtk_text_view_get_editable (view));
  gtk_text_buffer_end_user_action (self->buffer);
  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (self->buffer));
}

/* Follows the view's keys and clipboard signals until @self is disposed. */
void
_cd_editor_blocks_connect_view (CdEditorBlocks *self)
{
  GtkTextView *view = self->view;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  g_signal_connect (view, "move-cursor", G_CALLBACK (move_cursor_cb), self);
  g_signal_connect_data (view, "move-cursor", G_CALLBACK (move_cursor_after_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if (GTK_SOURCE_IS_VIEW (view))
    g_signal_connect (view, "move-lines", G_CALLBACK (move_lines_cb), self);
  g_signal_connect (view, "copy-clipboard", G_CALLBACK (copy_clipboard_cb), self);
  g_signal_connect (view, "cut-clipboard", G_CALLBACK (cut_clipboard_cb), self);
}
