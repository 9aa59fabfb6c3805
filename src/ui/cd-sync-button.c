/* cd-sync-button.c: the header bar's sync button, with progress.
 *
 * The button runs its action (win.sync). While the engine syncs, a spinner
 * takes the icon's place and a thin bar under it shows how far the sync
 * is; the tooltip says so in words, for those who do not see the bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync-button"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-sync-button.h"

struct _CdSyncButton
{
  GtkButton parent_instance;

  CdSyncEngine *engine;
  gulong        syncing_id;
  gulong        fraction_id;

  GtkWidget *stack;
  GtkWidget *spinner;
  GtkWidget *progress;
};

G_DEFINE_FINAL_TYPE (CdSyncButton, cd_sync_button, GTK_TYPE_BUTTON)

enum
{
  PROP_0,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CdSyncButton *self)
{
  gboolean syncing = self->engine != NULL && cd_sync_engine_get_syncing (self->engine);
  double   fraction = self->engine != NULL ? cd_sync_engine_get_fraction (self->engine) : 0.0;

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), syncing ? "busy" : "idle");
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), syncing);
  /* Shown and hidden by its opacity, so it always keeps an allocation. */
  gtk_widget_set_opacity (self->progress, syncing ? 1.0 : 0.0);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), fraction);

  if (syncing)
    {
      /* Translators: the sync button's tooltip while a sync runs */
      g_autofree char *text = g_strdup_printf (_ ("Syncing… %d %%"), (int) (fraction * 100 + 0.5));

      gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), _ ("Sync Now (Ctrl+Shift+S)"));
}

/**
 * cd_sync_button_set_engine:
 * @engine: (nullable): the engine whose syncs to show
 */
void
cd_sync_button_set_engine (CdSyncButton *self,
                           CdSyncEngine *engine)
{
  g_return_if_fail (CD_IS_SYNC_BUTTON (self));
  g_return_if_fail (engine == NULL || CD_IS_SYNC_ENGINE (engine));

  if (self->engine == engine)
    return;
  if (self->engine != NULL)
    {
      g_clear_signal_handler (&self->syncing_id, self->engine);
      g_clear_signal_handler (&self->fraction_id, self->engine);
    }
  g_set_object (&self->engine, engine);
  if (engine != NULL)
    {
      self->syncing_id = g_signal_connect_object (engine, "notify::syncing", G_CALLBACK (update),
                                                  self, G_CONNECT_SWAPPED);
      self->fraction_id = g_signal_connect_object (engine, "notify::fraction",
                                                   G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

/**
 * cd_sync_button_get_engine:
 *
 * Returns: (nullable) (transfer none): the engine shown
 */
CdSyncEngine *
cd_sync_button_get_engine (CdSyncButton *self)
{
  g_return_val_if_fail (CD_IS_SYNC_BUTTON (self), NULL);
  return self->engine;
}

static void
cd_sync_button_dispose (GObject *object)
{
  CdSyncButton *self = CD_SYNC_BUTTON (object);

  cd_sync_button_set_engine (self, NULL);

  G_OBJECT_CLASS (cd_sync_button_parent_class)->dispose (object);
}

static void
cd_sync_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CdSyncButton *self = CD_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_sync_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CdSyncButton *self = CD_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      cd_sync_button_set_engine (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_sync_button_class_init (CdSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_sync_button_dispose;
  object_class->get_property = cd_sync_button_get_property;
  object_class->set_property = cd_sync_button_set_property;

  properties[PROP_ENGINE] =
      g_param_spec_object ("engine", NULL, NULL, CD_TYPE_SYNC_ENGINE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_sync_button_init (CdSyncButton *self)
{
  GtkWidget *overlay = gtk_overlay_new ();

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_add_named (GTK_STACK (self->stack),
                       gtk_image_new_from_icon_name ("mail-send-receive-symbolic"), "idle");
  self->spinner = gtk_spinner_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), self->spinner, "busy");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->stack);

  self->progress = gtk_progress_bar_new ();
  gtk_widget_add_css_class (self->progress, "osd");
  gtk_widget_add_css_class (self->progress, "cd-sync-progress");
  gtk_widget_set_valign (self->progress, GTK_ALIGN_END);
  gtk_widget_set_can_target (self->progress, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->progress);

  gtk_button_set_child (GTK_BUTTON (self), overlay);
  /* As an icon button in a header bar, though its child is not an image. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "image-button");
  gtk_widget_add_css_class (GTK_WIDGET (self), "cd-sync-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Sync Now"), -1);
  update (self);
}

GtkWidget *
cd_sync_button_new (void)
{
  return g_object_new (CD_TYPE_SYNC_BUTTON, NULL);
}
