/* cd-editor-blocks-images.c: images in the body's text view (see
 * cd-editor-blocks.c).
 *
 * An ```image fence is a block like a WordPress one: the buffer keeps its
 * exact text behind a chip, and the same guards move, cut and delete it
 * whole. Its chip shows a picture icon and the alt text, or says that
 * there is none. Clicking the chip, Enter or Space while it is selected,
 * or Edit Image in the context menu opens a popover with the alt text,
 * caption and credit; closing it rewrites those lines of the fence as one
 * step of the undo history and leaves every other line as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-editor-blocks"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-editor-blocks-private.h"
#include "cd-image-fence.h"
#include "cd-image-popover.h"
#include "cd-ui-util.h"

/* A chip's alt text longer than this is ellipsized: the chip then still
 * fits the body of a 360 pixels wide window. */
#define MAX_ALT_CHARS 28

static char *
block_text (CdEditorBlocks *self,
            Block          *block)
{
  GtkTextIter start, end;

  _cd_editor_blocks_bounds (self, block, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
}

static int
block_index_of_chip (CdEditorBlocks *self,
                     GtkWidget      *chip)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));
  g_assert (GTK_IS_WIDGET (chip));

  for (guint i = 0; i < self->blocks->len; i++)
    if (_cd_editor_blocks_get (self, i)->chip == chip)
      return i;
  return -1;
}

/* The image the cursor is beside or the selection reaches, or -1. */
static int
image_at_cursor (CdEditorBlocks *self,
                 gboolean        selected_only)
{
  GtkTextIter a_iter, b_iter;
  int         a, b;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  gtk_text_buffer_get_selection_bounds (self->buffer, &a_iter, &b_iter);
  a = gtk_text_iter_get_offset (&a_iter);
  b = gtk_text_iter_get_offset (&b_iter);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      int s, e;

      if (!_cd_editor_blocks_get (self, i)->image)
        continue;
      _cd_editor_blocks_range (self, i, &s, &e);
      if (selected_only ? a >= s && a <= e - 1 && b == e
                        : (a == b && (a == e - 1 || a == e)) || (a < e && b > e - 1))
        return i;
    }
  return -1;
}

static void
select_chip (CdEditorBlocks *self,
             guint           index)
{
  GtkTextIter start, end;
  int         s, e;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  _cd_editor_blocks_range (self, index, &s, &e);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, e - 1);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, e);
  self->busy = TRUE;
  gtk_text_buffer_select_range (self->buffer, &end, &start);
  self->busy = FALSE;
  self->last_cursor = e;
  _cd_editor_blocks_update_chip_states (self);
}

static void
chip_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 CdEditorBlocks  *self)
{
  int index;

  g_assert (GTK_IS_GESTURE_CLICK (gesture));
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  index = block_index_of_chip (self,
                               gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  if (index < 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  select_chip (self, index);
  cd_editor_blocks_edit_image (self, index);
}

/* The chip of the image at @index among the body's images: a picture
 * icon and the alt text. Like a block's chip it is never removed (see
 * get_chip() in cd-editor-blocks.c); unlike it, it takes clicks. */
GtkWidget *
_cd_editor_blocks_image_chip (CdEditorBlocks *self,
                              guint           index)
{
  GtkWidget  *chip, *icon, *label;
  GtkGesture *click;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (index < self->image_chips->len)
    return g_ptr_array_index (self->image_chips, index);
  chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (chip, CD_EDITOR_BLOCK_CHIP_CLASS);
  gtk_widget_add_css_class (chip, CD_EDITOR_IMAGE_CHIP_CLASS);
  icon = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  label = gtk_label_new (NULL);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_ALT_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (chip), icon);
  gtk_box_append (GTK_BOX (chip), label);
  gtk_widget_set_focusable (chip, FALSE);
  gtk_widget_set_cursor_from_name (chip, "pointer");
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _ ("Image; click to edit its alt text, caption and credit"),
                                  -1);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (chip_pressed_cb), self);
  gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (click));
  gtk_text_view_add_overlay (self->view, chip, 0, 0);
  g_ptr_array_add (self->image_chips, chip);
  return chip;
}

/* Shows the alt text of the image @fence on @block's chip. */
void
_cd_editor_blocks_label_image (CdEditorBlocks *self,
                               Block          *block,
                               const char     *fence,
                               gsize           length)
{
  g_autofree char *alt = cd_image_fence_get_value (fence, length, "alt");
  g_autofree char *name = NULL;
  GtkLabel        *label;
  const char      *text;
  gboolean         long_label;

  g_assert (CD_IS_EDITOR_BLOCKS (self));
  g_assert (block != NULL && block->image);

  label = GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (block->chip)));
  text = alt != NULL && *alt != '\0' ? alt : _ ("Image without alt text");
  if (g_strcmp0 (gtk_label_get_text (label), text) == 0)
    return;
  gtk_label_set_text (label, text);
  /* As a block's label: the overlay gets its minimum size. */
  long_label = g_utf8_strlen (text, -1) > MAX_ALT_CHARS;
  gtk_label_set_ellipsize (label, long_label ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_width_chars (label, long_label ? MAX_ALT_CHARS : -1);
  _cd_widget_set_css_class (block->chip, "no-alt", alt == NULL || *alt == '\0');
  gtk_widget_set_tooltip_text (block->chip, text);
  name = g_strdup_printf (_ ("Image: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (block->chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  block->x = block->y = -1;
}

/* The image whose popover closed gets the popover's values, as one step
 * of the undo history, if they differ from its lines. */
static void
popover_closed_cb (CdEditorBlocks *self)
{
  CdImagePopover  *popover = CD_IMAGE_POPOVER (self->popover);
  g_autofree char *fence = NULL;
  g_autofree char *rewritten = NULL;
  GtkTextIter      iter, end;
  int              at, index = -1;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (self->editing == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->editing);
  at = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_delete_mark (self->buffer, self->editing);
  self->editing = NULL;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      int s, e;

      _cd_editor_blocks_range (self, i, &s, &e);
      if (s == at && _cd_editor_blocks_get (self, i)->image)
        index = i;
    }
  if (index < 0)
    return; /* the image went while the popover was open */

  fence = block_text (self, _cd_editor_blocks_get (self, index));
  rewritten = cd_image_fence_set_values (fence, -1, cd_image_popover_get_alt (popover),
                                         cd_image_popover_get_caption (popover),
                                         cd_image_popover_get_credit (popover));
  if (!g_str_equal (fence, rewritten))
    {
      cd_editor_blocks_begin_change (self);
      gtk_text_buffer_begin_user_action (self->buffer);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter,
                                        _cd_editor_blocks_get (self, index)->start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &end,
                                        _cd_editor_blocks_get (self, index)->end);
      gtk_text_buffer_delete (self->buffer, &iter, &end);
      gtk_text_buffer_insert (self->buffer, &iter, rewritten, -1);
      gtk_text_buffer_end_user_action (self->buffer);
      cd_editor_blocks_end_change (self);
    }
  /* Typing goes on after the image. */
  if ((guint) index < self->blocks->len)
    {
      int s, e;

      _cd_editor_blocks_range (self, index, &s, &e);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, e);
      gtk_text_buffer_place_cursor (self->buffer, &iter);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static CdImagePopover *
get_popover (CdEditorBlocks *self)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (self->popover == NULL)
    {
      self->popover = cd_image_popover_new ();
      g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);
    }
  return CD_IMAGE_POPOVER (self->popover);
}

/* Enter or Space on a selected image opens its popover: typing over the
 * selection would delete the image. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CdEditorBlocks        *self)
{
  int index;

  g_assert (GTK_IS_EVENT_CONTROLLER_KEY (controller));
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_space))
    return FALSE;
  if ((index = image_at_cursor (self, TRUE)) < 0)
    return FALSE;
  cd_editor_blocks_edit_image (self, index);
  return TRUE;
}

static void
edit_image_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  CdEditorBlocks *self = data;
  int             index;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if ((index = image_at_cursor (self, FALSE)) >= 0)
    {
      select_chip (self, index);
      cd_editor_blocks_edit_image (self, index);
    }
}

/* Edit Image in the context menu is there when the cursor is beside an
 * image. */
void
_cd_editor_blocks_update_image_action (CdEditorBlocks *self)
{
  GAction *action;

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (self->actions == NULL)
    return;
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "edit-image");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), image_at_cursor (self, FALSE) >= 0);
}

void
_cd_editor_blocks_connect_images (CdEditorBlocks *self)
{
  static const GActionEntry entries[] = {
    {"edit-image", edit_image_action},
  };
  GtkEventController *keys;
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) section = g_menu_new ();

  g_assert (CD_IS_EDITOR_BLOCKS (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), keys);
  self->keys = keys;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries),
                                   self);
  gtk_widget_insert_action_group (GTK_WIDGET (self->view), "blocks",
                                  G_ACTION_GROUP (self->actions));
  g_menu_append (section, _ ("Edit _Image…"), "blocks.edit-image");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_text_view_set_extra_menu (self->view, G_MENU_MODEL (menu));
  _cd_editor_blocks_update_image_action (self);
}

void
_cd_editor_blocks_dispose_images (CdEditorBlocks *self)
{
  g_assert (CD_IS_EDITOR_BLOCKS (self));

  if (self->popover != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->popover, self);
      if (gtk_widget_get_parent (self->popover) != NULL)
        gtk_widget_unparent (self->popover);
      else
        g_object_unref (g_object_ref_sink (self->popover));
      self->popover = NULL;
    }
  if (self->editing != NULL)
    gtk_text_buffer_delete_mark (self->buffer, self->editing);
  self->editing = NULL;
  if (self->keys != NULL)
    gtk_widget_remove_controller (GTK_WIDGET (self->view), self->keys);
  self->keys = NULL;
  if (self->actions != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self->view), "blocks", NULL);
  g_clear_object (&self->actions);
}

/**
 * cd_editor_blocks_is_image:
 * @index: a block, counting from 0 in the order of the body
 *
 * Returns: whether the block is an ```image fence
 */
gboolean
cd_editor_blocks_is_image (CdEditorBlocks *self,
                           guint           index)
{
  g_return_val_if_fail (CD_IS_EDITOR_BLOCKS (self), FALSE);
  g_return_val_if_fail (index < self->blocks->len, FALSE);

  return _cd_editor_blocks_get (self, index)->image;
}

/**
 * cd_editor_blocks_get_image_popover:
 *
 * Returns: (transfer none): the popover that edits an image's alt text,
 *   caption and credit
 */
GtkWidget *
cd_editor_blocks_get_image_popover (CdEditorBlocks *self)
{
  g_return_val_if_fail (CD_IS_EDITOR_BLOCKS (self), NULL);

  return GTK_WIDGET (get_popover (self));
}

/**
 * cd_editor_blocks_edit_image:
 * @index: an image block, counting from 0 in the order of the body
 *
 * Opens the popover with the image's alt text, caption and credit beside
 * its chip; closing it writes them back into the fence.
 */
void
cd_editor_blocks_edit_image (CdEditorBlocks *self,
                             guint           index)
{
  CdImagePopover  *popover;
  Block           *block;
  GtkTextIter      iter;
  g_autofree char *fence = NULL;
  g_autofree char *alt = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *credit = NULL;

  g_return_if_fail (CD_IS_EDITOR_BLOCKS (self));
  g_return_if_fail (index < self->blocks->len);
  g_return_if_fail (_cd_editor_blocks_get (self, index)->image);

  popover = get_popover (self);
  /* Another image's edit ends first; it keeps the number of blocks. */
  if (gtk_widget_get_visible (GTK_WIDGET (popover)))
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_return_if_fail (index < self->blocks->len);

  block = _cd_editor_blocks_get (self, index);
  fence = block_text (self, block);
  alt = cd_image_fence_get_value (fence, -1, "alt");
  caption = cd_image_fence_get_value (fence, -1, "caption");
  credit = cd_image_fence_get_value (fence, -1, "credit");
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, block->start);
  self->editing = gtk_text_buffer_create_mark (self->buffer, NULL, &iter, TRUE);
  cd_image_popover_set_values (popover, alt, caption, credit);
  if (gtk_widget_get_parent (GTK_WIDGET (popover)) != block->chip)
    {
      if (gtk_widget_get_parent (GTK_WIDGET (popover)) != NULL)
        gtk_widget_unparent (GTK_WIDGET (popover));
      gtk_widget_set_parent (GTK_WIDGET (popover), block->chip);
    }
  gtk_popover_popup (GTK_POPOVER (popover));
}

/**
 * cd_editor_blocks_insert_image:
 * @fence: an ```image fence, as cd_image_ref_to_fence() writes it
 *
 * Inserts @fence at the cursor on lines of its own (above the block the
 * cursor is beside, if any), as one step of the undo history, and opens
 * its popover so that the alt text can be typed at once.
 */
void
cd_editor_blocks_insert_image (CdEditorBlocks *self,
                               const char     *fence)
{
  g_autoptr (GString) text = NULL;
  GtkTextIter iter;
  int         at, length, fence_start;

  g_return_if_fail (CD_IS_EDITOR_BLOCKS (self));
  g_return_if_fail (fence != NULL);

  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  at = gtk_text_iter_get_offset (&iter);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      int s, e;

      _cd_editor_blocks_range (self, i, &s, &e);
      if (at >= s && at < e)
        at = s;
    }
  length = gtk_text_buffer_get_char_count (self->buffer);

  /* A blank line on either side keeps the Markdown readable as text. */
  text = g_string_new (NULL);
  if (at > 0 && _cd_editor_blocks_char_at (self, at - 1) != '\n')
    g_string_append (text, "\n\n");
  else if (at > 1 && _cd_editor_blocks_char_at (self, at - 2) != '\n')
    g_string_append (text, "\n");
  fence_start = at + g_utf8_strlen (text->str, -1);
  g_string_append (text, fence);
  if (at >= length)
    g_string_append (text, "\n");
  else if (_cd_editor_blocks_char_at (self, at) != '\n')
    g_string_append (text, "\n\n");
  else if (at + 1 < length && _cd_editor_blocks_char_at (self, at + 1) != '\n')
    g_string_append (text, "\n");

  cd_editor_blocks_begin_change (self);
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, at);
  gtk_text_buffer_insert (self->buffer, &iter, text->str, text->len);
  gtk_text_buffer_end_user_action (self->buffer);
  cd_editor_blocks_end_change (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      int s, e;

      _cd_editor_blocks_range (self, i, &s, &e);
      if (s == fence_start && _cd_editor_blocks_get (self, i)->image)
        {
          select_chip (self, i);
          gtk_text_view_scroll_mark_onscreen (self->view, gtk_text_buffer_get_insert (self->buffer));
          cd_editor_blocks_edit_image (self, i);
          return;
        }
    }
}
