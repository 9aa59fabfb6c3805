/* cd-preferences.c: the preferences window.
 *
 * One "General" page, built from the template and bound to GSettings.
 * Other pages (the CMS accounts) are added beside it with
 * adw_preferences_window_add() by whoever opens the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-preferences"

#include "config.h"

#include "cd-a11y.h"
#include "cd-preferences.h"

struct _CdPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  GtkWidget *font;
  GtkWidget *show_details;
  GtkWidget *show_preview;
  GtkWidget *allow_remote_images;
  GtkWidget *headline_limit;
  GtkWidget *style;
  GtkWidget *sync_interval;
};

/* The rows' choices, in the order the template lists them. */
static const char *const styles[] = { "default", "light", "dark" };
static const guint       intervals[] = { 0, 5 * 60, 15 * 60, 30 * 60, 60 * 60 };

static gboolean
style_to_row (GValue   *value,
              GVariant *variant,
              gpointer  data)
{
  const char *style = g_variant_get_string (variant, NULL);

  g_assert (value != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (style, styles[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
row_to_style (const GValue       *value,
              const GVariantType *type,
              gpointer            data)
{
  guint i = g_value_get_uint (value);

  g_assert (value != NULL);

  return g_variant_new_string (styles[i < G_N_ELEMENTS (styles) ? i : 0]);
}

/* An interval set to something the row does not offer shows the nearest
 * offered one at or above it. */
static gboolean
interval_to_row (GValue   *value,
                 GVariant *variant,
                 gpointer  data)
{
  guint seconds = g_variant_get_uint32 (variant);
  guint row = G_N_ELEMENTS (intervals) - 1;

  g_assert (value != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    if (seconds <= intervals[i])
      {
        row = i;
        break;
      }
  g_value_set_uint (value, row);
  return TRUE;
}

static GVariant *
row_to_interval (const GValue       *value,
                 const GVariantType *type,
                 gpointer            data)
{
  guint i = g_value_get_uint (value);

  g_assert (value != NULL);

  return g_variant_new_uint32 (intervals[i < G_N_ELEMENTS (intervals) ? i : 1]);
}

G_DEFINE_FINAL_TYPE (CdPreferences, cd_preferences, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_preferences_constructed (GObject *object)
{
  CdPreferences *self = CD_PREFERENCES (object);

  G_OBJECT_CLASS (cd_preferences_parent_class)->constructed (object);

  g_settings_bind (self->settings, "editor-font", self->font, "font", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-details", self->show_details, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-preview", self->show_preview, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "allow-remote-images", self->allow_remote_images, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "headline-length-limit", self->headline_limit, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "style", self->style, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_to_row, row_to_style, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "sync-interval", self->sync_interval, "selected",
                                G_SETTINGS_BIND_DEFAULT, interval_to_row, row_to_interval, NULL,
                                NULL);
}

static void
cd_preferences_dispose (GObject *object)
{
  CdPreferences *self = CD_PREFERENCES (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_PREFERENCES);

  G_OBJECT_CLASS (cd_preferences_parent_class)->dispose (object);
}

static void
cd_preferences_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CdPreferences *self = CD_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preferences_class_init (CdPreferencesClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cd_preferences_constructed;
  object_class->dispose = cd_preferences_dispose;
  object_class->set_property = cd_preferences_set_property;

  /**
   * CdPreferences:settings:
   *
   * The application's settings, which the page's rows change.
   */
  properties[PROP_SETTINGS] =
      g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cd-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, CdPreferences, font);
  gtk_widget_class_bind_template_child (widget_class, CdPreferences, show_details);
  gtk_widget_class_bind_template_child (widget_class, CdPreferences, show_preview);
  gtk_widget_class_bind_template_child (widget_class, CdPreferences, allow_remote_images);
  gtk_widget_class_bind_template_child (widget_class, CdPreferences, headline_limit);
  gtk_widget_class_bind_template_child (widget_class, CdPreferences, style);
  gtk_widget_class_bind_template_child (widget_class, CdPreferences, sync_interval);
}

static void
cd_preferences_init (CdPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cd_a11y_fix_names (GTK_WIDGET (self));
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
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CD_TYPE_PREFERENCES, "transient-for", parent, "settings", settings, NULL);
}
