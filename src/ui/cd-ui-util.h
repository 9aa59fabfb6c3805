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

/* Adds @css_class to @widget when @on is set, and takes it off when not. */
static inline void
_cd_widget_set_css_class (GtkWidget  *widget,
                          const char *css_class,
                          gboolean    on)
{
  g_assert (GTK_IS_WIDGET (widget));
  g_assert (css_class != NULL);

  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

G_END_DECLS
