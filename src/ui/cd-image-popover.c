/* cd-image-popover.c: the alt text, caption and credit of an image in the
 * body, edited in a popover beside its chip.
 *
 * The popover only holds the three values; whoever opened it reads them
 * when it closes and writes them back as one change. Enter in any row
 * closes it, so an editor types the alt text and presses Enter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-image-popover"

#include "config.h"

#include <adwaita.h>

#include "cd-image-popover.h"

struct _CdImagePopover
{
  GtkPopover parent_instance;

  AdwEntryRow *alt_row;
  AdwEntryRow *caption_row;
  AdwEntryRow *credit_row;
};

G_DEFINE_FINAL_TYPE (CdImagePopover, cd_image_popover, GTK_TYPE_POPOVER)

static void
entry_activated_cb (CdImagePopover *self)
{
  g_assert (CD_IS_IMAGE_POPOVER (self));

  gtk_popover_popdown (GTK_POPOVER (self));
}

/* The alt text is what an editor is asked for first. */
static void
cd_image_popover_map (GtkWidget *widget)
{
  CdImagePopover *self = CD_IMAGE_POPOVER (widget);

  GTK_WIDGET_CLASS (cd_image_popover_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->alt_row));
}

static void
cd_image_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_IMAGE_POPOVER);

  G_OBJECT_CLASS (cd_image_popover_parent_class)->dispose (object);
}

static void
cd_image_popover_class_init (CdImagePopoverClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_image_popover_dispose;
  widget_class->map = cd_image_popover_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cd-image-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CdImagePopover, alt_row);
  gtk_widget_class_bind_template_child (widget_class, CdImagePopover, caption_row);
  gtk_widget_class_bind_template_child (widget_class, CdImagePopover, credit_row);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
}

static void
cd_image_popover_init (CdImagePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cd_image_popover_new (void)
{
  return g_object_new (CD_TYPE_IMAGE_POPOVER, NULL);
}

/**
 * cd_image_popover_set_values:
 * @alt: (nullable): the alt text
 * @caption: (nullable): the caption
 * @credit: (nullable): the credit
 */
void
cd_image_popover_set_values (CdImagePopover *self,
                             const char     *alt,
                             const char     *caption,
                             const char     *credit)
{
  g_return_if_fail (CD_IS_IMAGE_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->alt_row), alt != NULL ? alt : "");
  gtk_editable_set_text (GTK_EDITABLE (self->caption_row), caption != NULL ? caption : "");
  gtk_editable_set_text (GTK_EDITABLE (self->credit_row), credit != NULL ? credit : "");
}

const char *
cd_image_popover_get_alt (CdImagePopover *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_POPOVER (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->alt_row));
}

const char *
cd_image_popover_get_caption (CdImagePopover *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_POPOVER (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->caption_row));
}

const char *
cd_image_popover_get_credit (CdImagePopover *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_POPOVER (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->credit_row));
}

/**
 * cd_image_popover_get_alt_entry:
 *
 * Returns: (transfer none): the alt text's row, where typing goes first
 */
GtkEditable *
cd_image_popover_get_alt_entry (CdImagePopover *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_POPOVER (self), NULL);
  return GTK_EDITABLE (self->alt_row);
}

GtkEditable *
cd_image_popover_get_caption_entry (CdImagePopover *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_POPOVER (self), NULL);
  return GTK_EDITABLE (self->caption_row);
}

GtkEditable *
cd_image_popover_get_credit_entry (CdImagePopover *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_POPOVER (self), NULL);
  return GTK_EDITABLE (self->credit_row);
}
