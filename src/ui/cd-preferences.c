/* cd-preferences.c: the preferences window.
 *
 * One "General" page bound to GSettings. Other pages (the CMS accounts)
 * are added beside it with adw_preferences_window_add().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-preferences.h"

struct _CdPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (CdPreferences, cd_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static GtkWidget *
row_with (const char *title,
          const char *subtitle,
          GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return row;
}

static GtkWidget *
switch_row (GSettings  *settings,
            const char *key,
            const char *title,
            const char *subtitle)
{
  GtkWidget *toggle = gtk_switch_new ();

  g_settings_bind (settings, key, toggle, "active", G_SETTINGS_BIND_DEFAULT);
  return row_with (title, subtitle, toggle);
}

static void
build (CdPreferences *self)
{
  GtkWidget *page, *group, *font, *limit;

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _ ("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");
  gtk_widget_set_name (page, "general");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Editor"));
  font = gtk_font_button_new ();
  gtk_font_button_set_use_font (GTK_FONT_BUTTON (font), TRUE);
  gtk_font_chooser_set_level (GTK_FONT_CHOOSER (font),
                              GTK_FONT_CHOOSER_LEVEL_FAMILY | GTK_FONT_CHOOSER_LEVEL_SIZE);
  g_settings_bind (self->settings, "editor-font", font, "font", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             row_with (_ ("Body Font"),
                                       _ ("The font the article body is written in"),
                                       font));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (self->settings, "show-details", _ ("Show Details"),
                                         _ ("Byline, dateline, slug and the other fields above "
                                            "the body")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Preview"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (self->settings, "show-preview", _ ("Show Preview"),
                                         _ ("The typeset article beside the editor (F9)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (self->settings, "allow-remote-images",
                                         _ ("Load Remote Images"),
                                         _ ("Images from other servers; off keeps drafts from "
                                            "contacting third parties")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Checks"));
  limit = gtk_spin_button_new_with_range (20, 300, 1);
  g_settings_bind (self->settings, "headline-length-limit", limit, "value",
                   G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             row_with (_ ("Headline Length Limit"),
                                       _ ("Longer headlines are flagged, in characters"), limit));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

static void
cd_preferences_dispose (GObject *object)
{
  CdPreferences *self = CD_PREFERENCES (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cd_preferences_parent_class)->dispose (object);
}

static void
cd_preferences_class_init (CdPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cd_preferences_dispose;
}

static void
cd_preferences_init (CdPreferences *self)
{
}

/**
 * cd_preferences_new:
 * @parent: (nullable): the window to stay above
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new preferences window, not yet shown
 */
CdPreferences *
cd_preferences_new (GtkWindow *parent,
                    GSettings *settings)
{
  CdPreferences *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CD_TYPE_PREFERENCES,
                       "transient-for", parent,
                       "modal", TRUE,
                       "search-enabled", FALSE,
                       "default-width", 560,
                       "default-height", 600,
                       NULL);
  self->settings = g_object_ref (settings);
  build (self);
  return self;
}
