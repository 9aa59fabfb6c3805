/* cd-a11y.c: names for the accessibility tree that GTK 4.8 gets wrong.
 *
 * GTK 4.8 names a button with a mnemonic label after both its label
 * property and its label's text ("_Retry Retry"), names a control with no
 * name by its class ("GtkExpander", "GtkToggleButton"), and gives a drop
 * down's button, the part that takes the focus, no name at all. A screen
 * reader reads those out. Each such control gets the name a person sees:
 * for a mnemonic button its inner label alone, for a drop down's button the
 * label that names the drop down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-a11y"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-a11y.h"

static void
set_name (GtkWidget  *widget,
          const char *mnemonic)
{
  g_autofree char *name = NULL;
  guint            key;

  g_assert (GTK_IS_WIDGET (widget));

  if (mnemonic == NULL || *mnemonic == '\0')
    return;
  /* The text a label shows for @mnemonic: "__" is an underscore. */
  if (!pango_parse_markup (mnemonic, -1, '_', NULL, &name, (gunichar *) &key, NULL))
    {
      g_autoptr (GString) plain = g_string_new (mnemonic);

      g_string_replace (plain, "_", "", 0);
      name = g_string_free (g_steal_pointer (&plain), FALSE);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  g_assert (GTK_IS_WIDGET (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button inside a drop down or a font button, which takes the focus,
 * is named as the control it belongs to: by the label that names it, its
 * tooltip, or the preferences row it sits in. */
static void
name_inner_button (GtkWidget *control,
                   GType      type)
{
  g_autoptr (GList) labels = gtk_widget_list_mnemonic_labels (control);
  GtkWidget *button = find_child (control, type);
  GtkWidget *row = gtk_widget_get_ancestor (control, ADW_TYPE_PREFERENCES_ROW);

  g_assert (GTK_IS_WIDGET (control));

  if (button == NULL)
    return;
  if (labels != NULL && GTK_IS_LABEL (labels->data))
    set_name (button, gtk_label_get_label (labels->data));
  else if (gtk_widget_get_tooltip_text (control) != NULL)
    set_name (button, gtk_widget_get_tooltip_text (control));
  else if (row != NULL)
    set_name (button, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

/* A combo row's choices, each named by its text: GTK 4.8 gives list
 * items no name of their own. */
/* GTK 4.8 names a button with a mnemonic label twice over: by its label
 * property as written ("_Retry") and by the label inside it, which it is
 * labelled by ("Retry"). The inner label alone is the name a person sees;
 * the property is taken away again whenever the label changes. */
static void
drop_label_property (GtkWidget *button)
{
  g_assert (GTK_IS_BUTTON (button));

  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
name_by_label (GtkWidget *button)
{
  g_assert (GTK_IS_BUTTON (button));

  drop_label_property (button);
  if (g_object_get_data (G_OBJECT (button), "cd-a11y-named") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "cd-a11y-named", GINT_TO_POINTER (TRUE));
      g_signal_connect (button, "notify::label", G_CALLBACK (drop_label_property), NULL);
    }
}

/**
 * cd_a11y_fix_names:
 * @root: a window, or any widget
 *
 * Names the buttons with mnemonic labels, the expanders and the drop
 * downs' buttons under @root, for the accessibility tree.
 */
void
cd_a11y_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    name_by_label (root);
  else if (GTK_IS_EXPANDER (root) && gtk_expander_get_use_underline (GTK_EXPANDER (root)))
    set_name (root, gtk_expander_get_label (GTK_EXPANDER (root)));
  else if (GTK_IS_DROP_DOWN (root))
    name_inner_button (root, GTK_TYPE_TOGGLE_BUTTON);
  else if (GTK_IS_FONT_BUTTON (root))
    name_inner_button (root, GTK_TYPE_BUTTON);
  else if (GTK_IS_IMAGE (root) &&
           gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root)) ==
               GTK_ACCESSIBLE_ROLE_BUTTON &&
           gtk_widget_get_ancestor (root, GTK_TYPE_PASSWORD_ENTRY) != NULL)
    /* The password entry's eye, which shows what was typed. */
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _ ("Show Password"), -1);
  else if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL &&
           gtk_widget_get_tooltip_text (root) != NULL &&
           gtk_widget_get_ancestor (root, ADW_TYPE_PASSWORD_ENTRY_ROW) != NULL)
    /* The password row's own buttons (its eye, "Show Text") are named by
     * their child image, which has no name, rather than their tooltip. */
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_widget_get_tooltip_text (root), -1);
  else if (GTK_IS_SEARCH_ENTRY (root) &&
           gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_WINDOW) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _ ("Search Preferences"), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cd_a11y_fix_names (child);
  /* A folded expander keeps its child out of the widget tree. */
  if (GTK_IS_EXPANDER (root) && gtk_expander_get_child (GTK_EXPANDER (root)) != NULL &&
      gtk_widget_get_parent (gtk_expander_get_child (GTK_EXPANDER (root))) == NULL)
    cd_a11y_fix_names (gtk_expander_get_child (GTK_EXPANDER (root)));
}
