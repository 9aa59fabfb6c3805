/* cd-editor-blocks-private.h: what the files of the editor's blocks
 * (cd-editor-blocks.c, cd-editor-blocks-keys.c) share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-editor-blocks.h"

G_BEGIN_DECLS

typedef struct
{
  GtkTextMark *start; /* at the fence's first character */
  GtkTextMark *end;   /* after its last backtick */
  GtkWidget   *chip;
  int          x; /* where the chip was last placed, in buffer coordinates */
  int          y;
  guint        image : 1; /* an ```image fence, not a WordPress block */
} Block;

struct _CdEditorBlocks
{
  GObject parent_instance;

  GtkTextView        *view;
  GtkTextBuffer      *buffer;
  GtkTextTag         *hidden_tag;
  GtkTextTag         *stand_in_tag;
  GPtrArray          *blocks;      /* Block, in order */
  GPtrArray          *chips;       /* GtkWidget, every chip ever made, the view's overlays */
  GPtrArray          *image_chips; /* the same for images */
  GtkWidget          *popover;     /* CdImagePopover, on the chip of the image it edits */
  GtkTextMark        *editing;     /* at the start of the image the popover edits */
  GtkEventController *keys;
  GSimpleActionGroup *actions;

  guint layout_id;
  guint scroll_tick_id; /* places the overlays after a scroll */
  int   last_cursor;
  guint busy : 1;     /* our own change of the buffer or the cursor */
  guint applying : 1; /* undo or redo at work */
  guint rescan : 1;   /* a change may have made or unmade a block */
  guint vertical : 1; /* the cursor moves by lines or pages */
};

void     _cd_editor_blocks_bounds (CdEditorBlocks *self,
                                   Block          *block,
                                   GtkTextIter    *start,
                                   GtkTextIter    *end);
void     _cd_editor_blocks_range (CdEditorBlocks *self,
                                  guint           index,
                                  int            *start,
                                  int            *end);
gunichar _cd_editor_blocks_char_at (CdEditorBlocks *self,
                                    int             offset);
int      _cd_editor_blocks_snap (CdEditorBlocks *self,
                                 int             offset,
                                 gboolean        forward);
void     _cd_editor_blocks_update_chip_states (CdEditorBlocks *self);
void     _cd_editor_blocks_connect_view (CdEditorBlocks *self);
Block   *_cd_editor_blocks_get (CdEditorBlocks *self,
                                guint           index);

/* cd-editor-blocks-images.c */
GtkWidget *_cd_editor_blocks_image_chip (CdEditorBlocks *self,
                                         guint           index);
void       _cd_editor_blocks_label_image (CdEditorBlocks *self,
                                          Block          *block,
                                          const char     *fence,
                                          gsize           length);
void       _cd_editor_blocks_connect_images (CdEditorBlocks *self);
void       _cd_editor_blocks_update_image_action (CdEditorBlocks *self);
void       _cd_editor_blocks_dispose_images (CdEditorBlocks *self);

G_END_DECLS
