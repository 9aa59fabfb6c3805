/* cd-application.c: the Copydesk application.
 *
 * Opens the store, keeps the settings, owns the app-wide actions (About,
 * Preferences, Quit) and every keyboard accelerator, and makes sure each
 * window's article is saved before the process ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cd-accounts-page.h"
#include "cd-newsroom-page.h"
#include "cd-application.h"
#include "cd-preferences.h"
#include "cd-ui-util.h"
#include "cd-window.h"

#define SCHEMA_ID "io.github.copydesk.Copydesk"

struct _CdApplication
{
  AdwApplication parent_instance;

  char         *data_dir;
  char         *open_uuid;
  CdStore      *store;
  GSettings    *settings;
  GError       *store_error;
  CdSyncEngine *sync_engine;
};

G_DEFINE_FINAL_TYPE (CdApplication, cd_application, ADW_TYPE_APPLICATION)

static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  {"app.quit",               { "<Primary>q", NULL }       },
  { "app.preferences",       { "<Primary>comma", NULL }   },
  { "window.close",          { "<Primary>w", NULL }       },
  { "win.new-article",       { "<Primary>n", NULL }       },
  { "win.import",            { "<Primary>o", NULL }       },
  { "win.export",            { "<Primary>e", NULL }       },
  { "win.duplicate-article", { "<Primary><Shift>d", NULL }},
  { "win.trash-article",     { "<Primary>Delete", NULL }  },
  { "win.save-version",      { "<Primary>s", NULL }       },
  { "win.history",           { "<Primary><Shift>h", NULL }},
  { "win.find",              { "<Primary>f", NULL }       },
  { "win.replace",           { "<Primary>h", NULL }       },
  { "win.focus-search",      { "<Primary><Shift>f", NULL }},
  { "win.show-preview",      { "F9", NULL }               },
  { "win.show-checks",       { "F7", NULL }               },
  { "win.show-details",      { "<Primary><Shift>i", NULL }},
  { "win.print",             { "<Primary>p", NULL }       },
  { "win.export-pdf",        { "<Primary><Shift>e", NULL }},
  { "win.sync",              { "<Primary><Shift>s", NULL }},
  { "win.insert-image",      { "<Primary><Alt>i", NULL }  },
};

static void
save_all_windows (CdApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr (GError) error = NULL;

      g_assert (CD_IS_APPLICATION (self));

      if (CD_IS_WINDOW (l->data) && !cd_window_flush (CD_WINDOW (l->data), &error))
        g_warning ("Could not save before quitting: %s", error->message);
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  CdApplication *self = CD_APPLICATION (data);
  g_autoptr (GList) windows = NULL;

  g_assert (G_IS_SIMPLE_ACTION (action));

  /* Closing runs each window's close-request, which saves its article and
   * its size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  /* A window whose article could not be saved stays open and asks; the
   * application quits once the person has chosen. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CD_IS_WINDOW (l->data))
      return;
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  CdApplication *self = CD_APPLICATION (data);
  GtkWindow     *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_assert (G_IS_SIMPLE_ACTION (action));

  CdPreferences *preferences = cd_preferences_new (parent, self->settings);

  if (self->store != NULL)
    {
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences),
                                  ADW_PREFERENCES_PAGE (cd_newsroom_page_new (
                                      self->store, ADW_PREFERENCES_WINDOW (preferences))));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences),
                                  ADW_PREFERENCES_PAGE (cd_accounts_page_new (
                                      self->store, ADW_PREFERENCES_WINDOW (preferences))));
    }
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  CdApplication     *self = CD_APPLICATION (data);
  GtkWindow         *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Copydesk developers", NULL };

  g_assert (G_IS_SIMPLE_ACTION (action));

  adw_show_about_window (parent,
                         "application-name", _ ("Copydesk"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _ ("Write, check and preview news articles offline, and "
                                        "sync them to the newsroom’s CMS."),
                         "developer-name", _ ("The Copydesk developers"),
                         "developers", developers,
                         "website", "https://github.com/copydesk/copydesk",
                         "issue-url", "https://github.com/copydesk/copydesk/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Copydesk developers",
                         "translator-credits", _ ("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  {"quit",         quit_action,        NULL, NULL, NULL, { 0 }},
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 }},
  { "about",       about_action,       NULL, NULL, NULL, { 0 }},
};

static void
store_error_response_cb (CdApplication *self)
{
  g_assert (CD_IS_APPLICATION (self));

  g_application_release (G_APPLICATION (self));
}

static void
show_store_error (CdApplication *self)
{
  GtkWidget *dialog;

  g_assert (CD_IS_APPLICATION (self));

  /* Without its store the window has nothing to show; say why and stop. */
  dialog = adw_message_dialog_new (NULL, _ ("The Articles Could Not Be Opened"),
                                   self->store_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (store_error_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cd_application_activate (GApplication *app)
{
  CdApplication *self = CD_APPLICATION (app);
  GtkWindow     *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr (GError) error = NULL;

  g_assert (G_IS_APPLICATION (app));

  if (self->store == NULL)
    {
      show_store_error (self);
      return;
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (
          cd_window_new (GTK_APPLICATION (app), self->store, self->settings, self->sync_engine));
      if (self->open_uuid == NULL)
        cd_window_restore_session (CD_WINDOW (window));
    }
  /* `copydesk open UUID`, here or from a second launch (see before_emit). */
  if (self->open_uuid != NULL &&
      !cd_window_open_article (CD_WINDOW (window), self->open_uuid, &error))
    cd_window_add_toast (CD_WINDOW (window), _cd_toast_new (error->message));
  g_clear_pointer (&self->open_uuid, g_free);
  gtk_window_present (window);
}

/* Files from `copydesk FILE…` or the file manager, in this process or sent
 * by a second launch: imported and opened in the window. */
static void
cd_application_open (GApplication *app,
                     GFile       **files,
                     int           n_files,
                     const char   *hint)
{
  CdApplication *self = CD_APPLICATION (app);
  GtkWindow     *window;

  g_assert (G_IS_APPLICATION (app));
  g_assert (files != NULL || n_files == 0);

  if (self->store == NULL)
    {
      show_store_error (self);
      return;
    }
  if ((window = gtk_application_get_active_window (GTK_APPLICATION (app))) == NULL)
    window = GTK_WINDOW (
        cd_window_new (GTK_APPLICATION (app), self->store, self->settings, self->sync_engine));
  cd_window_import_files (CD_WINDOW (window), (GFile *const *) files, (guint) n_files);
  gtk_window_present (window);
}

/* A second launch hands its `open UUID` to the running instance with the
 * activation, as GApplication's platform data. */
static void
cd_application_add_platform_data (GApplication    *app,
                                  GVariantBuilder *builder)
{
  CdApplication *self = CD_APPLICATION (app);

  g_assert (G_IS_APPLICATION (app));
  g_assert (builder != NULL);

  G_APPLICATION_CLASS (cd_application_parent_class)->add_platform_data (app, builder);
  if (self->open_uuid != NULL)
    g_variant_builder_add (builder, "{sv}", "copydesk-open-uuid",
                           g_variant_new_string (self->open_uuid));
}

static void
cd_application_before_emit (GApplication *app,
                            GVariant     *platform_data)
{
  CdApplication *self = CD_APPLICATION (app);
  const char    *uuid = NULL;

  g_assert (G_IS_APPLICATION (app));
  g_assert (platform_data != NULL);

  G_APPLICATION_CLASS (cd_application_parent_class)->before_emit (app, platform_data);
  if (g_variant_lookup (platform_data, "copydesk-open-uuid", "&s", &uuid))
    {
      g_free (self->open_uuid);
      self->open_uuid = g_strdup (uuid);
    }
}

/* Light, dark, or whatever the desktop prefers. */
static void
style_changed_cb (CdApplication *self)
{
  g_autofree char *style = NULL;
  AdwColorScheme   scheme = ADW_COLOR_SCHEME_DEFAULT;

  g_assert (CD_IS_APPLICATION (self));

  style = g_settings_get_string (self->settings, "style");
  if (g_str_equal (style, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (style, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
sync_interval_changed_cb (CdApplication *self)
{
  g_assert (CD_IS_APPLICATION (self));

  /* A read-only store could not record what a sync sent. */
  cd_sync_engine_set_auto_sync (self->sync_engine,
                                cd_store_is_read_only (self->store)
                                    ? 0
                                    : g_settings_get_uint (self->settings, "sync-interval"));
}

static void
cd_application_startup (GApplication *app)
{
  CdApplication         *self = CD_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  g_assert (G_IS_APPLICATION (app));

  G_APPLICATION_CLASS (cd_application_parent_class)->startup (app);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr ("The settings schema %s is not installed; install Copydesk, or run it from "
                  "the build folder with GSETTINGS_SCHEMA_DIR set to its data folder.\n",
                  SCHEMA_ID);
      exit (2);
    }
  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  style_changed_cb (self);

  self->store = cd_store_open (self->data_dir, &self->store_error);
  /* What the command line, another window or the autosave thread commit
   * reaches the windows like the window's own changes. */
  if (self->store != NULL)
    cd_store_watch_external (self->store);

  /* One sync engine for the store: it syncs by itself when the network
   * comes back and every sync-interval seconds; windows show its syncs. */
  if (self->store != NULL)
    {
      self->sync_engine = cd_sync_engine_new (self->store);
      /* Reading pulled posts' pictures is a remote load, as the preview's. */
      g_settings_bind (self->settings, "allow-remote-images", self->sync_engine, "fetch-images",
                       G_SETTINGS_BIND_GET);
      g_signal_connect_object (self->settings, "changed::sync-interval",
                               G_CALLBACK (sync_interval_changed_cb), self, G_CONNECT_SWAPPED);
      sync_interval_changed_cb (self);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
cd_application_shutdown (GApplication *app)
{
  CdApplication *self = CD_APPLICATION (app);

  g_assert (G_IS_APPLICATION (app));

  save_all_windows (self);
  if (self->sync_engine != NULL)
    cd_sync_engine_set_auto_sync (self->sync_engine, 0);

  G_APPLICATION_CLASS (cd_application_parent_class)->shutdown (app);
}

static void
cd_application_finalize (GObject *object)
{
  CdApplication *self = CD_APPLICATION (object);

  g_clear_object (&self->sync_engine);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);
  g_free (self->data_dir);
  g_free (self->open_uuid);

  G_OBJECT_CLASS (cd_application_parent_class)->finalize (object);
}

static void
cd_application_class_init (CdApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cd_application_finalize;
  app_class->activate = cd_application_activate;
  app_class->startup = cd_application_startup;
  app_class->shutdown = cd_application_shutdown;
  app_class->open = cd_application_open;
  app_class->add_platform_data = cd_application_add_platform_data;
  app_class->before_emit = cd_application_before_emit;
}

static void
cd_application_init (CdApplication *self)
{
}

/**
 * cd_application_new:
 * @data_dir: (nullable): where the store lives; %NULL for the default
 * @open_uuid: (nullable): an article to open instead of the last one
 *
 * Returns: (transfer full): the application
 */
CdApplication *
cd_application_new (const char *data_dir,
                    const char *open_uuid)
{
  /* One instance for the person's own articles: a second launch raises
   * the window and hands it what it was asked to open. A store elsewhere
   * (--data-dir, tests) is another instance of its own. */
  GApplicationFlags flags =
      G_APPLICATION_HANDLES_OPEN | (data_dir != NULL ? G_APPLICATION_NON_UNIQUE : 0);
  CdApplication *self = g_object_new (CD_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID,
                                      "flags", flags,
                                      "resource-base-path", RESOURCE_PREFIX,
                                      NULL);
  self->data_dir = g_strdup (data_dir);
  self->open_uuid = g_strdup (open_uuid);
  return self;
}

/**
 * cd_application_get_store:
 *
 * Returns: (nullable) (transfer none): the store, once started up
 */
CdStore *
cd_application_get_store (CdApplication *self)
{
  g_return_val_if_fail (CD_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * cd_application_get_settings:
 *
 * Returns: (nullable) (transfer none): the settings, once started up
 */
GSettings *
cd_application_get_settings (CdApplication *self)
{
  g_return_val_if_fail (CD_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * cd_application_get_sync_engine:
 *
 * Returns: (nullable) (transfer none): the sync engine of the store, once
 *   started up
 */
CdSyncEngine *
cd_application_get_sync_engine (CdApplication *self)
{
  g_return_val_if_fail (CD_IS_APPLICATION (self), NULL);
  return self->sync_engine;
}
