/* cd-editor-blocks.c: blocks kept as WordPress wrote them, shown in the
 * body's text view as one labelled, protected chip each.
 *
 * A block lives in the body as a ```wordpress fence, and the buffer holds
 * the fence's exact text, so the body read from the buffer is always the
 * article's, offsets of findings and lines of the preview stay right, and
 * the buffer's own undo history covers every change. A child anchor would
 * have been the natural widget holder, but GTK 4.8's text history records
 * an anchor's deletion and not its insertion, so undo would bring a block
 * back as a stray U+FFFC character.
 *
 * Instead every character of a fence but its last backtick is invisible,
 * that backtick is drawn transparent, and a chip (a label overlaid on the
 * text) covers it: the cursor steps over the block as over one character.
 * The buffer's signals keep the fence whole: typing beside the chip starts
 * a line of its own above or below the block, an edit of the hidden text
 * alone is refused, a deletion that reaches the chip takes the whole block
 * with its line break, and one that would join a line onto the fence's
 * first or last line takes the block instead (Backspace after the chip,
 * Delete before it) or stops short of the line break. Copy and cut of a
 * selection that reaches a block put the whole fence on the clipboard, so
 * pasting it anywhere, here or in a plain text editor, keeps it exactly;
 * text pasted or brought back by undo that holds a closed fence becomes a
 * block again (the keys and the clipboard are cd-editor-blocks-keys.c's).
 * Find skips hidden text by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-editor-blocks"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cd-editor-blocks-private.h"
#include "cd-image-fence.h"
#include "cd-ui-util.h"
#include "cd-wp-content.h"

G_DEFINE_FINAL_TYPE (CdEditorBlocks, cd_editor_blocks, G_TYPE_OBJECT)

/* A chip's label longer than this is ellipsized. */
#define MAX_LABEL_CHARS 32

/* Where @block starts, at its first backtick, and ends, after its last. */
void
_cd_editor_blocks_bounds (CdEditorBlocks *self,
                          Block          *block,
                          GtkTextIter    *start,
                          GtkTextIter    *end)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));
  g_assert (block != NULL && start != NULL && end != NULL);

  gtk_text_buffer_get_iter_at_mark (self->buffer, start, block->start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, end, block->end);
}

static void
block_get_range (CdEditorBlocks *self,
                 Block          *block,
                 int            *start,
                 int            *end)
{
  GtkTextIter s, e;

  g_assert (start != NULL && end != NULL);

  _cd_editor_blocks_bounds (self, block, &s, &e);
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
}

void
_cd_editor_blocks_range (CdEditorBlocks *self,
                         guint           index,
                         int            *start,
                         int            *end)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));
  g_assert (index < self->blocks->len);

  block_get_range (self, g_ptr_array_index (self->blocks, index), start, end);
}

gunichar
_cd_editor_blocks_char_at (CdEditorBlocks *self,
                           int             offset)
{
  GtkTextIter iter;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  return gtk_text_iter_get_char (&iter);
}

static void
block_remove (CdEditorBlocks *self,
              Block          *block)
{
  GtkTextIter start, end;

  _cd_editor_blocks_bounds (self, block, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->hidden_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->stand_in_tag, &start, &end);
  gtk_text_buffer_delete_mark (self->buffer, block->start);
  gtk_text_buffer_delete_mark (self->buffer, block->end);
  g_free (block);
}

static void
clear_blocks (CdEditorBlocks *self)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  for (guint i = 0; i < self->blocks->len; i++)
    block_remove (self, g_ptr_array_index (self->blocks, i));
  g_ptr_array_set_size (self->blocks, 0);
  for (guint i = 0; i < self->chips->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->chips, i), FALSE);
  for (guint i = 0; i < self->image_chips->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->image_chips, i), FALSE);
}

/* The chip of the block at @index. GTK 4.8's gtk_text_view_remove() does
 * not know overlays, so chips are never removed: one no block needs is
 * hidden and waits to show the next. The view disposes of them. */
static GtkWidget *
get_chip (CdEditorBlocks *self,
          guint           index)
{
  GtkWidget *chip;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (index < self->chips->len)
    return g_ptr_array_index (self->chips, index);
  chip = gtk_label_new (NULL);
  gtk_widget_add_css_class (chip, CD_EDITOR_BLOCK_CHIP_CLASS);
  gtk_label_set_max_width_chars (GTK_LABEL (chip), MAX_LABEL_CHARS);
  gtk_label_set_single_line_mode (GTK_LABEL (chip), TRUE);
  /* Clicks go to the text beneath, which places the cursor beside the
   * block as for any character. */
  gtk_widget_set_can_target (chip, FALSE);
  gtk_widget_set_focusable (chip, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _ ("WordPress block, kept as it is"), -1);
  gtk_text_view_add_overlay (self->view, chip, 0, 0);
  g_ptr_array_add (self->chips, chip);
  return chip;
}

/* Adds the block of the fence at [@start, @end), whose text (its markup,
 * for a WordPress block) is @markup. */
static void
block_add (CdEditorBlocks *self,
           int             start,
           int             end,
           const char     *markup,
           gsize           length,
           gboolean        image)
{
  Block           *block = g_new0 (Block, 1);
  g_autofree char *label = NULL;
  GtkTextIter      start_iter, end_iter, stand_in;
  guint            n_images = 0;
  gboolean         long_label;

  g_assert (CD_IS_EDITOR_BLOCKS (self));
  g_assert (start + 1 < end);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &stand_in, end - 1);
  /* Text typed at either edge goes outside the block. */
  block->start = gtk_text_buffer_create_mark (self->buffer, NULL, &start_iter, FALSE);
  block->end = gtk_text_buffer_create_mark (self->buffer, NULL, &end_iter, TRUE);
  gtk_text_buffer_apply_tag (self->buffer, self->hidden_tag, &start_iter, &stand_in);
  gtk_text_buffer_apply_tag (self->buffer, self->stand_in_tag, &stand_in, &end_iter);

  block->x = block->y = -1;
  block->image = image;
  for (guint i = 0; i < self->blocks->len; i++)
    n_images += ((Block *) g_ptr_array_index (self->blocks, i))->image;
  if (image)
    {
      block->chip = _cd_editor_blocks_image_chip (self, n_images);
      _cd_editor_blocks_label_image (self, block, markup, length);
      gtk_widget_set_visible (block->chip, TRUE);
      g_ptr_array_add (self->blocks, block);
      return;
    }

  label = cd_wp_block_label (markup, length);
  block->chip = get_chip (self, self->blocks->len - n_images);
  gtk_label_set_text (GTK_LABEL (block->chip), label);
  /* The text view gives an overlay its minimum size: a short label asks
   * for all of its text, a long one is ellipsized and asks for the room of
   * its first characters, which fits a narrow window. */
  long_label = g_utf8_strlen (label, -1) > MAX_LABEL_CHARS;
  gtk_label_set_ellipsize (GTK_LABEL (block->chip),
                           long_label ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_width_chars (GTK_LABEL (block->chip), long_label ? MAX_LABEL_CHARS : -1);
  gtk_widget_set_tooltip_text (block->chip, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (block->chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_set_visible (block->chip, TRUE);
  g_ptr_array_add (self->blocks, block);
}

/* Whether a `wordpress` fence found by cd_wp_body_split() has its closing
 * line: an unclosed one runs to the end of the body and is left as text,
 * or the fence being typed would hide everything after it. */
static gboolean
fence_is_closed (const char     *text,
                 const CdWpUnit *unit)
{
  gsize line = unit->end, p, opening = 0, closing = 0;
  char  c;

  g_assert (text != NULL && unit != NULL);

  while (line > unit->start && text[line - 1] != '\n')
    line--;
  if (line <= unit->start)
    return FALSE;
  for (p = unit->start; text[p] == ' '; p++)
    ;
  c = text[p];
  while (text[p + opening] == c)
    opening++;
  for (p = line; p < unit->end && text[p] == ' '; p++)
    ;
  while (p + closing < unit->end && text[p + closing] == c)
    closing++;
  return closing >= opening && p + closing == unit->end;
}

static void queue_layout (CdEditorBlocks *self);

/* Whether the text unit at @unit is a closed ```image fence. */
static gboolean
is_image_fence (const char     *text,
                const CdWpUnit *unit)
{
  g_assert (text != NULL && unit != NULL);

  return unit->kind == CD_WP_UNIT_TEXT && fence_is_closed (text, unit) &&
         cd_image_fence_is_image (text + unit->start, unit->end - unit->start);
}

typedef struct
{
  int      start, end; /* in characters */
  guint    unit;
  gboolean image;
} Found;

/* Finds the closed `wordpress` and `image` fences of the buffer and makes
 * each one a block, unless the blocks are already those; an image's label
 * follows its alt text either way. */
static void
rescan (CdEditorBlocks *self)
{
  GtkTextIter      start, end;
  g_autofree char *text = NULL;
  g_autoptr (GArray) units = NULL;
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  gsize    byte = 0;
  int      offset = 0;
  gboolean same;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  self->rescan = FALSE;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  units = strstr (text, CD_WP_FENCE_INFO) != NULL || strstr (text, CD_IMAGE_FENCE_INFO) != NULL
              ? cd_wp_body_split (text, -1)
              : NULL;

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const CdWpUnit *unit = &g_array_index (units, CdWpUnit, i);
      Found           f = { 0 };

      f.image = is_image_fence (text, unit);
      if (!f.image && (unit->kind != CD_WP_UNIT_BLOCK || !fence_is_closed (text, unit)))
        continue;
      offset += g_utf8_pointer_to_offset (text + byte, text + unit->start);
      f.start = offset;
      offset += g_utf8_pointer_to_offset (text + unit->start, text + unit->end);
      f.end = offset;
      f.unit = i;
      byte = unit->end;
      g_array_append_val (found, f);
    }

  same = found->len == self->blocks->len;
  for (guint i = 0; same && i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      Block *block = g_ptr_array_index (self->blocks, i);
      int    s, e;

      block_get_range (self, block, &s, &e);
      same = s == f->start && e == f->end && !block->image == !f->image;
    }
  if (same)
    {
      for (guint i = 0; i < found->len; i++)
        {
          Found          *f = &g_array_index (found, Found, i);
          const CdWpUnit *unit = &g_array_index (units, CdWpUnit, f->unit);

          if (f->image)
            _cd_editor_blocks_label_image (self, g_ptr_array_index (self->blocks, i),
                                           text + unit->start, unit->end - unit->start);
        }
      return;
    }

  clear_blocks (self);
  for (guint i = 0; i < found->len; i++)
    {
      Found          *f = &g_array_index (found, Found, i);
      const CdWpUnit *unit = &g_array_index (units, CdWpUnit, f->unit);

      if (f->image)
        block_add (self, f->start, f->end, text + unit->start, unit->end - unit->start, TRUE);
      else
        block_add (self, f->start, f->end, text + unit->markup_start,
                   unit->markup_end - unit->markup_start, FALSE);
    }
  _cd_editor_blocks_update_chip_states (self);
  queue_layout (self);
}

static void
maybe_rescan (CdEditorBlocks *self)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (self->rescan && !self->busy && !self->applying)
    rescan (self);
}

static Block *
block_at (CdEditorBlocks *self,
          int             offset,
          int            *start,
          int            *end)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));
  g_assert (start != NULL && end != NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      block_get_range (self, block, start, end);
      if (offset >= *start && offset <= *end)
        return block;
    }
  return NULL;
}

/* Whether text with a fence character or a line break, or a change on a
 * line that has one, could make or unmake a fence. */
static gboolean
may_touch_fence (const char        *text,
                 gssize             length,
                 const GtkTextIter *where)
{
  GtkTextIter      line_start, line_end;
  g_autofree char *line = NULL;

  g_assert (text != NULL && where != NULL);

  for (gssize i = 0; length < 0 ? text[i] != '\0' : i < length; i++)
    if (text[i] == '`' || text[i] == '~' || text[i] == '\n')
      return TRUE;
  line_start = line_end = *where;
  gtk_text_iter_set_line_offset (&line_start, 0);
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_iter_get_slice (&line_start, &line_end);
  return strchr (line, '`') != NULL || strchr (line, '~') != NULL;
}

static void
place_cursor (CdEditorBlocks *self,
              int             offset)
{
  GtkTextIter iter;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  self->busy = TRUE;
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  self->busy = FALSE;
  self->last_cursor = offset;
}

/* Text typed or pasted beside a chip goes on a line of its own before or
 * after the block: the fence's first and last lines hold nothing else. */
static void
insert_text_cb (GtkTextBuffer  *buffer,
                GtkTextIter    *location,
                const char     *text,
                int             length,
                CdEditorBlocks *self)
{
  g_autoptr (GString) moved = NULL;
  GtkTextIter iter;
  int         offset, start, end, at, cursor;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (location != NULL && text != NULL);
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (self->busy || self->applying || length <= 0)
    return;
  offset = gtk_text_iter_get_offset (location);
  if (block_at (self, offset, &start, &end) == NULL)
    return;

  /* Whole lines may go before the fence. The cursor is hardly ever at its
   * start (undo may leave it there), so other text arriving there while the
   * cursor is elsewhere is an edit of the hidden text, such as indenting
   * the lines of a selection. */
  if (offset == start && text[length - 1] == '\n')
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (offset == end - 1 || (offset == start && gtk_text_iter_get_offset (&iter) == start))
    {
      /* Whole lines go above the block with the cursor still before the
       * chip, as Enter leaves it; other text goes on a line of its own
       * with the cursor after it, to go on typing there. */
      moved = g_string_new_len (text, length);
      cursor = start + g_utf8_strlen (text, length);
      if (text[length - 1] != '\n')
        g_string_append_c (moved, '\n');
      else
        cursor += end - 1 - start;
      at = start;
    }
  else if (offset == end)
    {
      if (text[0] == '\n')
        return;
      moved = g_string_new ("\n");
      g_string_append_len (moved, text, length);
      cursor = end + 1 + g_utf8_strlen (text, length);
      at = end;
    }
  else
    cursor = at = -1;

  /* Nothing is inserted into the hidden text of a fence. */
  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (moved == NULL)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, at);
  self->busy = TRUE;
  gtk_text_buffer_insert (buffer, &iter, moved->str, moved->len);
  self->busy = FALSE;
  place_cursor (self, cursor);
  gtk_text_buffer_get_iter_at_offset (buffer, location, cursor);
  if (may_touch_fence (text, length, location))
    {
      self->rescan = TRUE;
      maybe_rescan (self);
    }
}

static void
insert_text_after_cb (GtkTextBuffer  *buffer,
                      GtkTextIter    *location,
                      const char     *text,
                      int             length,
                      CdEditorBlocks *self)
{
  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (self->busy)
    return;
  if (self->applying || may_touch_fence (text, length, location))
    self->rescan = TRUE;
  maybe_rescan (self);
}

/* Widens or narrows a deletion so that it takes blocks whole and never
 * joins a line onto a fence's first or last line. Returns FALSE when
 * nothing may be deleted. */
static gboolean
adjust_deletion (CdEditorBlocks *self,
                 int            *a,
                 int            *b)
{
  int         length = gtk_text_buffer_get_char_count (self->buffer);
  int         cursor;
  gboolean    changed = TRUE;
  GtkTextIter iter;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  cursor = gtk_text_iter_get_offset (&iter);

  for (guint pass = 0; changed && pass < 2 * self->blocks->len + 2; pass++)
    {
      changed = FALSE;
      for (guint i = 0; i < self->blocks->len; i++)
        {
          int s, e, whole_a, whole_b;

          block_get_range (self, g_ptr_array_index (self->blocks, i), &s, &e);
          /* The block with its own line break. */
          whole_a = s;
          whole_b = e;
          if (e < length && _cd_editor_blocks_char_at (self, e) == '\n')
            whole_b = e + 1;
          else if (s > 0 && _cd_editor_blocks_char_at (self, s - 1) == '\n')
            whole_a = s - 1;

          if (*a >= s && *b <= e - 1 && *a < *b)
            return FALSE; /* the hidden text alone */
          if ((e > *a && *b > s) ||
              /* Backspace at the start of the line after the block. */
              (*a == e && *b == e + 1 && cursor == e + 1 && whole_b == e + 1 &&
               *b < length && _cd_editor_blocks_char_at (self, *b) != '\n') ||
              /* Delete at the end of the line before it. */
              (*b == s && *a == s - 1 && cursor == s - 1 && *a > 0 &&
               _cd_editor_blocks_char_at (self, *a - 1) != '\n'))
            {
              /* The block alone goes with its line break; a deletion that
               * reaches past it takes it whole and no more. */
              if (*a < s || *b > e)
                {
                  whole_a = s;
                  whole_b = e;
                }
              if (*a > whole_a || *b < whole_b)
                {
                  *a = MIN (*a, whole_a);
                  *b = MAX (*b, whole_b);
                  changed = TRUE;
                }
              continue;
            }
          /* A deletion that would join the next line onto the last one. */
          if (*a == e && *b > e && *b < length && _cd_editor_blocks_char_at (self, *b) != '\n')
            {
              *a = e + 1;
              changed = TRUE;
            }
          /* Or the fence's first line onto the line before. */
          if (*b == s && s > *a && *a > 0 && _cd_editor_blocks_char_at (self, *a - 1) != '\n')
            {
              *b = s - 1;
              changed = TRUE;
            }
          if (*a >= *b)
            return FALSE;
        }
    }
  return TRUE;
}

static void
delete_range_cb (GtkTextBuffer  *buffer,
                 GtkTextIter    *start,
                 GtkTextIter    *end,
                 CdEditorBlocks *self)
{
  g_autofree char *text = NULL;
  int              a, b;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (start != NULL && end != NULL);
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (self->busy || self->applying)
    {
      self->rescan = TRUE;
      return;
    }
  gtk_text_iter_order (start, end);
  a = gtk_text_iter_get_offset (start);
  b = gtk_text_iter_get_offset (end);
  if (self->blocks->len > 0 && !adjust_deletion (self, &a, &b))
    {
      g_signal_stop_emission_by_name (buffer, "delete-range");
      return;
    }
  /* The default handler deletes what the iterators it was given say. */
  gtk_text_buffer_get_iter_at_offset (buffer, start, a);
  gtk_text_buffer_get_iter_at_offset (buffer, end, b);
  text = gtk_text_iter_get_slice (start, end);
  if (may_touch_fence (text, -1, start))
    self->rescan = TRUE;
}

static void
delete_range_after_cb (GtkTextBuffer  *buffer,
                       GtkTextIter    *start,
                       GtkTextIter    *end,
                       CdEditorBlocks *self)
{
  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (!self->rescan)
    self->rescan = may_touch_fence ("", 0, start);
  maybe_rescan (self);
}

/* Where the cursor goes instead of @offset when that is in a fence's
 * hidden text: the chip's near side, or the line before the block when
 * it was moving back. */
int
_cd_editor_blocks_snap (CdEditorBlocks *self,
                        int             offset,
                        gboolean        forward)
{
  int start, end;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (block_at (self, offset, &start, &end) == NULL || offset >= end - 1)
    return offset;
  return !forward && start > 0 && !self->vertical ? start - 1 : end - 1;
}

/**
 * cd_editor_blocks_begin_change:
 *
 * The buffer is about to change from outside the person's typing (a merge
 * of someone else's edit, which may rewrite a block's bytes): the blocks
 * let it through whole and are read again at cd_editor_blocks_end_change().
 */
void
cd_editor_blocks_begin_change (CdEditorBlocks *self)
{
  g_return_if_fail (CD_IS_EDITOR_BLOCKS (self));

  self->applying = TRUE;
}

/**
 * cd_editor_blocks_end_change:
 */
void
cd_editor_blocks_end_change (CdEditorBlocks *self)
{
  g_return_if_fail (CD_IS_EDITOR_BLOCKS (self));

  self->applying = FALSE;
  self->rescan = TRUE;
  maybe_rescan (self);
  _cd_editor_blocks_update_chip_states (self);
  queue_layout (self);
}

static void
undo_cb (CdEditorBlocks *self)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  self->applying = TRUE;
}

static void
undo_after_cb (CdEditorBlocks *self)
{
  GtkTextIter iter;
  int         offset;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  self->applying = FALSE;
  self->rescan = TRUE;
  maybe_rescan (self);
  /* Undo puts the cursor where the change was, which may be in a fence's
   * hidden text. */
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  offset = gtk_text_iter_get_offset (&iter);
  if (_cd_editor_blocks_snap (self, offset, TRUE) != offset && !gtk_text_buffer_get_has_selection (self->buffer))
    place_cursor (self, _cd_editor_blocks_snap (self, offset, TRUE));
}

/* The cursor never rests in a fence's hidden text: it goes to the chip's
 * near side, or to the line before the block when it was moving back. */
static void
mark_set_cb (GtkTextBuffer     *buffer,
             const GtkTextIter *location,
             GtkTextMark       *mark,
             CdEditorBlocks    *self)
{
  int offset, target;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (mark != gtk_text_buffer_get_insert (buffer) &&
      mark != gtk_text_buffer_get_selection_bound (buffer))
    return;
  if (mark == gtk_text_buffer_get_insert (buffer) && !self->busy && !self->applying)
    {
      offset = gtk_text_iter_get_offset (location);
      target = _cd_editor_blocks_snap (self, offset, offset >= self->last_cursor);
      if (target != offset)
        {
          GtkTextIter iter, bound;

          gtk_text_buffer_get_iter_at_offset (buffer, &iter, target);
          gtk_text_buffer_get_iter_at_mark (buffer, &bound,
                                            gtk_text_buffer_get_selection_bound (buffer));
          self->busy = TRUE;
          if (gtk_text_iter_equal (location, &bound))
            gtk_text_buffer_place_cursor (buffer, &iter);
          else
            gtk_text_buffer_move_mark (buffer, mark, &iter);
          self->busy = FALSE;
          offset = target;
        }
      self->last_cursor = offset;
    }
  _cd_editor_blocks_update_chip_states (self);
}

/* A chip shows where the cursor is beside it and whether it is selected,
 * since the text's own cursor and selection lie under it. */
void
_cd_editor_blocks_update_chip_states (CdEditorBlocks *self)
{
  GtkTextIter insert, bound;
  int         cursor, a, b;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_buffer_get_iter_at_mark (self->buffer, &bound,
                                    gtk_text_buffer_get_selection_bound (self->buffer));
  cursor = gtk_text_iter_get_offset (&insert);
  a = MIN (cursor, gtk_text_iter_get_offset (&bound));
  b = MAX (cursor, gtk_text_iter_get_offset (&bound));
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block   *block = g_ptr_array_index (self->blocks, i);
      gboolean selected;
      int      s, e;

      block_get_range (self, block, &s, &e);
      selected = a < b && a < e && b > e - 1;
      _cd_widget_set_css_class (block->chip, "selected", selected);
      _cd_widget_set_css_class (block->chip, "cursor-before", !selected && cursor == e - 1);
      _cd_widget_set_css_class (block->chip, "cursor-after", !selected && cursor == e);
    }
  _cd_editor_blocks_update_image_action (self);
}

/* Each chip sits over its block's last backtick, on the one line the block
 * shows. Run after the text view's own layout work, whose idles come
 * first, so the lines above have their real heights. */
static gboolean
layout_cb (gpointer data)
{
  CdEditorBlocks *self = data;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  self->layout_id = 0;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block       *block = g_ptr_array_index (self->blocks, i);
      GtkTextIter  iter;
      GdkRectangle location;
      int          y, height, chip_height;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, block->end);
      gtk_text_iter_backward_char (&iter);
      gtk_text_view_get_line_yrange (self->view, &iter, &y, &height);
      gtk_text_iter_set_line_offset (&iter, 0);
      gtk_text_view_get_iter_location (self->view, &iter, &location);
      gtk_widget_measure (block->chip, GTK_ORIENTATION_VERTICAL, -1, NULL, &chip_height, NULL,
                          NULL);
      y += MAX (0, height - chip_height) / 2;
      if (location.x != block->x || y != block->y)
        {
          block->x = location.x;
          block->y = y;
          gtk_text_view_move_overlay (self->view, block->chip, location.x, y);
        }
    }
  return G_SOURCE_REMOVE;
}

static void
queue_layout (CdEditorBlocks *self)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (self->layout_id == 0 && self->blocks->len > 0)
    self->layout_id = g_idle_add_full (G_PRIORITY_LOW, layout_cb, self, NULL);
}

/* GtkTextView of GTK 4.8 moves its overlays only when it allocates its
 * children again, and scrolling alone does not make it: the chips would
 * stay where they were on the screen while the text scrolls under them.
 * So a scroll asks for that allocation, of the view and of the holder of
 * its overlays (GTK skips a widget whose size is unchanged), at the start
 * of the next frame: a scroll may come in the middle of the view's own
 * allocation, where asking again is too late for the frame. (The editor
 * view asks the same of the scrolled window, for a request of the view's
 * GTK may lose: cd-editor-view.c.) */
static gboolean
place_overlays_cb (GtkWidget     *view,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  CdEditorBlocks *self = data;
  GtkWidget      *holder;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  self->scroll_tick_id = 0;
  if (self->blocks->len == 0)
    return G_SOURCE_REMOVE;
  gtk_widget_queue_allocate (view);
  holder = gtk_widget_get_parent (((Block *) g_ptr_array_index (self->blocks, 0))->chip);
  if (holder != NULL && holder != view)
    gtk_widget_queue_allocate (holder);
  return G_SOURCE_REMOVE;
}

static void
scrolled_cb (CdEditorBlocks *self)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (self->scroll_tick_id == 0 && self->blocks->len > 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), place_overlays_cb, self, NULL);
}

static void
cd_editor_blocks_dispose (GObject *object)
{
  CdEditorBlocks *self = CD_EDITOR_BLOCKS (object);

  g_clear_handle_id (&self->layout_id, g_source_remove);
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_signal_handlers_disconnect_by_data (
          gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view)), self);
      g_signal_handlers_disconnect_by_data (
          gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view)), self);
      _cd_editor_blocks_dispose_images (self);
      clear_blocks (self);
    }
  g_clear_object (&self->buffer);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (cd_editor_blocks_parent_class)->dispose (object);
}

static void
cd_editor_blocks_finalize (GObject *object)
{
  CdEditorBlocks *self = CD_EDITOR_BLOCKS (object);

  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->chips);
  g_ptr_array_unref (self->image_chips);

  G_OBJECT_CLASS (cd_editor_blocks_parent_class)->finalize (object);
}

static void
cd_editor_blocks_class_init (CdEditorBlocksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_editor_blocks_dispose;
  object_class->finalize = cd_editor_blocks_finalize;
}

static void
cd_editor_blocks_init (CdEditorBlocks *self)
{
  self->blocks = g_ptr_array_new ();
  self->chips = g_ptr_array_new ();
  self->image_chips = g_ptr_array_new ();
}

/**
 * cd_editor_blocks_new:
 * @view: the body's text view
 *
 * Shows every closed `wordpress` fence of @view's buffer as a protected
 * chip, now and after every change, until the object is disposed.
 *
 * Returns: (transfer full): the blocks of @view
 */
CdEditorBlocks *
cd_editor_blocks_new (GtkTextView *view)
{
  CdEditorBlocks *self;
  GdkRGBA         transparent = { 0, 0, 0, 0 };

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (CD_TYPE_EDITOR_BLOCKS, NULL);
  self->view = g_object_ref (view);
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  self->hidden_tag = gtk_text_buffer_create_tag (self->buffer, NULL, "invisible", TRUE, NULL);
  self->stand_in_tag =
      gtk_text_buffer_create_tag (self->buffer, NULL, "foreground-rgba", &transparent, NULL);

  g_signal_connect (self->buffer, "insert-text", G_CALLBACK (insert_text_cb), self);
  g_signal_connect_after (self->buffer, "insert-text", G_CALLBACK (insert_text_after_cb), self);
  g_signal_connect (self->buffer, "delete-range", G_CALLBACK (delete_range_cb), self);
  g_signal_connect_after (self->buffer, "delete-range", G_CALLBACK (delete_range_after_cb), self);
  g_signal_connect_after (self->buffer, "mark-set", G_CALLBACK (mark_set_cb), self);
  g_signal_connect_swapped (self->buffer, "undo", G_CALLBACK (undo_cb), self);
  g_signal_connect_swapped (self->buffer, "redo", G_CALLBACK (undo_cb), self);
  g_signal_connect_data (self->buffer, "undo", G_CALLBACK (undo_after_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_data (self->buffer, "redo", G_CALLBACK (undo_after_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (queue_layout), self);
  g_signal_connect_swapped (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), "changed",
                            G_CALLBACK (queue_layout), self);
  g_signal_connect_swapped (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), "value-changed",
                            G_CALLBACK (scrolled_cb), self);
  g_signal_connect_swapped (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view)), "value-changed",
                            G_CALLBACK (scrolled_cb), self);
  _cd_editor_blocks_connect_view (self);
  _cd_editor_blocks_connect_images (self);

  rescan (self);
  return self;
}

Block *
_cd_editor_blocks_get (CdEditorBlocks *self,
                       guint           index)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));
  g_assert (index < self->blocks->len);

  return g_ptr_array_index (self->blocks, index);
}

guint
cd_editor_blocks_get_n_blocks (CdEditorBlocks *self)
{
  g_return_val_if_fail (CD_IS_EDITOR_BLOCKS (self), 0);
  return self->blocks->len;
}

/**
 * cd_editor_blocks_get_chip:
 * @index: a block, counting from 0 in the order of the body
 *
 * Returns: (transfer none): the chip that shows the block
 */
GtkWidget *
cd_editor_blocks_get_chip (CdEditorBlocks *self,
                           guint           index)
{
  g_return_val_if_fail (CD_IS_EDITOR_BLOCKS (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return ((Block *) g_ptr_array_index (self->blocks, index))->chip;
}

/**
 * cd_editor_blocks_get_range:
 * @index: a block, counting from 0 in the order of the body
 * @start: (out): where its fence starts
 * @end: (out): where it ends, after its last backtick
 */
void
cd_editor_blocks_get_range (CdEditorBlocks *self,
                            guint           index,
                            GtkTextIter    *start,
                            GtkTextIter    *end)
{
  g_return_if_fail (CD_IS_EDITOR_BLOCKS (self));
  g_return_if_fail (index < self->blocks->len);
  g_return_if_fail (start != NULL && end != NULL);

  _cd_editor_blocks_bounds (self, g_ptr_array_index (self->blocks, index), start, end);
}
