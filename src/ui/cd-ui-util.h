/* cd-ui-util.h: small helpers the widgets share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

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

/* Puts @text (%NULL as empty) in @editable, unless it already holds it:
 * when the text came from what the person typed there, setting it again
 * would move the cursor to the end. A caller that listens for the
 * editable's changes raises its own loading flag around this call. */
static inline void
_cd_editable_load_text (GtkWidget  *editable,
                        const char *text)
{
  g_assert (GTK_IS_EDITABLE (editable));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* Points *@slot at @object, holding a reference, and moves the
 * @detailed_signal handler *@handler_id from the object *@slot held to
 * @object: @callback, called with @instance first, for as long as
 * @instance lives. Returns %FALSE, changing nothing, when *@slot already
 * is @object. */
static inline gboolean
_cd_follow_object (gpointer   *slot,
                   gulong     *handler_id,
                   gpointer    object,
                   const char *detailed_signal,
                   GCallback   callback,
                   gpointer    instance)
{
  g_assert (slot != NULL);
  g_assert (handler_id != NULL);
  g_assert (object == NULL || G_IS_OBJECT (object));
  g_assert (G_IS_OBJECT (instance));

  if (*slot == object)
    return FALSE;
  g_clear_signal_handler (handler_id, *slot);
  g_set_object (slot, object);
  if (object != NULL)
    *handler_id =
        g_signal_connect_object (object, detailed_signal, callback, instance, G_CONNECT_SWAPPED);
  return TRUE;
}

/* A toast whose title reads @text as it is. AdwToast takes its title as
 * Pango markup, and headlines, file names, account names and server
 * messages are not: an "&" or a "<" in them would leave the toast blank. */
static inline AdwToast *
_cd_toast_new (const char *text)
{
  g_autofree char *escaped = NULL;

  g_assert (text != NULL);

  escaped = g_markup_escape_text (text, -1);
  return adw_toast_new (escaped);
}

G_END_DECLS
