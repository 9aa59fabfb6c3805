/* cd-ui-util.h: small helpers the widgets share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Drops a widget's template children and takes every child off the widget:
 * GTK 4.8's gtk_widget_dispose_template() leaves the template's children
 * parented, which a widget derived straight from GtkWidget must undo in its
 * dispose. */
static inline void
_cd_widget_dispose_template (GtkWidget *widget,
                             GType      widget_type)
{
  GtkWidget *child;

  g_assert (GTK_IS_WIDGET (widget));

  gtk_widget_dispose_template (widget, widget_type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

G_END_DECLS
