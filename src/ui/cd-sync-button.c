/* cd-sync-button.c: the header bar's sync button, with progress.
 *
 * The button runs its action (win.sync). While the engine syncs, a spinner
 * takes the icon's place and a thin bar under it shows how far the sync
 * is; the tooltip says so in words, for those who do not see the bar.
 * The widget tree is in cd-sync-button.ui.
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

static void
update (CdSyncButton *self)
{
  gboolean syncing;
  double   fraction;

  g_assert (CD_IS_SYNC_BUTTON (self));

  syncing = self->engine != NULL && cd_sync_engine_get_syncing (self->engine);
  fraction = self->engine != NULL ? cd_sync_engine_get_fraction (self->engine) : 0.0;

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
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_SYNC_BUTTON);

  G_OBJECT_CLASS (cd_sync_button_parent_class)->dispose (object);
}

static void
cd_sync_button_class_init (CdSyncButtonClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_sync_button_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CdSyncButton, stack);
  gtk_widget_class_bind_template_child (widget_class, CdSyncButton, spinner);
  gtk_widget_class_bind_template_child (widget_class, CdSyncButton, progress);
}

static void
cd_sync_button_init (CdSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
cd_sync_button_new (void)
{
  return g_object_new (CD_TYPE_SYNC_BUTTON, NULL);
}
