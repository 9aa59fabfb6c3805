/* cd-application.c: the Copydesk application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-application.h"

struct _CdApplication
{
  AdwApplication  parent_instance;

  char           *data_dir;
  char           *open_uuid;
  CdStore        *store;
};

G_DEFINE_FINAL_TYPE (CdApplication, cd_application, ADW_TYPE_APPLICATION)

static void
cd_application_activate (GApplication *app)
{
  CdApplication *self = CD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, _("Copydesk"));
      gtk_window_set_default_size (window, 1100, 720);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                          adw_status_page_new ());
    }
  (void) self;
  gtk_window_present (window);
}

static void
cd_application_startup (GApplication *app)
{
  CdApplication *self = CD_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (cd_application_parent_class)->startup (app);

  self->store = cd_store_open (self->data_dir, &error);
  if (self->store == NULL)
    g_critical ("%s", error->message);
}

static void
cd_application_finalize (GObject *object)
{
  CdApplication *self = CD_APPLICATION (object);

  g_clear_object (&self->store);
  g_free (self->data_dir);
  g_free (self->open_uuid);

  G_OBJECT_CLASS (cd_application_parent_class)->finalize (object);
}

static void
cd_application_class_init (CdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cd_application_finalize;
  app_class->activate = cd_application_activate;
  app_class->startup = cd_application_startup;
}

static void
cd_application_init (CdApplication *self)
{
}

CdApplication *
cd_application_new (const char *data_dir,
                    const char *open_uuid)
{
  CdApplication *self = g_object_new (CD_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE,
                                      "resource-base-path", RESOURCE_PREFIX,
                                      NULL);
  self->data_dir = g_strdup (data_dir);
  self->open_uuid = g_strdup (open_uuid);
  return self;
}

CdStore *
cd_application_get_store (CdApplication *self)
{
  g_return_val_if_fail (CD_IS_APPLICATION (self), NULL);
  return self->store;
}
