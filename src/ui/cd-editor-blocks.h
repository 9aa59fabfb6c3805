/* cd-editor-blocks.h: blocks kept as WordPress wrote them, shown in the
 * body's text view as one labelled, protected chip each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The style class of a block's chip. */
#define CD_EDITOR_BLOCK_CHIP_CLASS "cd-block-chip"
/* And the class an image's chip has besides. */
#define CD_EDITOR_IMAGE_CHIP_CLASS "cd-image-chip"

#define CD_TYPE_EDITOR_BLOCKS (cd_editor_blocks_get_type ())
G_DECLARE_FINAL_TYPE (CdEditorBlocks, cd_editor_blocks, CD, EDITOR_BLOCKS, GObject)

CdEditorBlocks *cd_editor_blocks_new (GtkTextView *view);
guint           cd_editor_blocks_get_n_blocks (CdEditorBlocks *self);
GtkWidget      *cd_editor_blocks_get_chip (CdEditorBlocks *self,
                                           guint           index);
void            cd_editor_blocks_get_range (CdEditorBlocks *self,
                                            guint           index,
                                            GtkTextIter    *start,
                                            GtkTextIter    *end);

gboolean   cd_editor_blocks_is_image (CdEditorBlocks *self,
                                      guint           index);
void       cd_editor_blocks_edit_image (CdEditorBlocks *self,
                                        guint           index);
GtkWidget *cd_editor_blocks_get_image_popover (CdEditorBlocks *self);
void       cd_editor_blocks_insert_image (CdEditorBlocks *self,
                                          const char     *fence);

void cd_editor_blocks_begin_change (CdEditorBlocks *self);
void cd_editor_blocks_end_change (CdEditorBlocks *self);

G_END_DECLS
