/* cd-image-popover.h: the alt text, caption and credit of an image in the
 * body, edited in a popover beside its chip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CD_TYPE_IMAGE_POPOVER (cd_image_popover_get_type ())
G_DECLARE_FINAL_TYPE (CdImagePopover, cd_image_popover, CD, IMAGE_POPOVER, GtkPopover)

GtkWidget   *cd_image_popover_new (void);
void         cd_image_popover_set_values (CdImagePopover *self,
                                          const char     *alt,
                                          const char     *caption,
                                          const char     *credit);
const char  *cd_image_popover_get_alt (CdImagePopover *self);
const char  *cd_image_popover_get_caption (CdImagePopover *self);
const char  *cd_image_popover_get_credit (CdImagePopover *self);
GtkEditable *cd_image_popover_get_alt_entry (CdImagePopover *self);
GtkEditable *cd_image_popover_get_caption_entry (CdImagePopover *self);
GtkEditable *cd_image_popover_get_credit_entry (CdImagePopover *self);

G_END_DECLS
