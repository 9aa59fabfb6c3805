/* cd-sync-badge.c: an article's sync state in its library row.
 *
 * A small icon (synced, waiting, error) whose tooltip and accessible
 * description say the state in words, the error included; an article in
 * conflict gets a button instead that opens the conflict window. The
 * states come from the window's CdSyncStates, read for every article at
 * once, and the badge follows its "changed" signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-sync-badge.h"
#include "cd-window.h"

struct _CdSyncBadge
{
  GtkWidget parent_instance;

  CdSyncStates *states;
  gulong        changed_id;
  char         *uuid;
  CdSyncState   state;

  GtkWidget *image;
  GtkWidget *button;
};

G_DEFINE_FINAL_TYPE (CdSyncBadge, cd_sync_badge, GTK_TYPE_WIDGET)

static void
update (CdSyncBadge *self)
{
  const char      *account = NULL, *message = NULL;
  g_autofree char *text = NULL;

  self->state = CD_SYNC_STATE_NONE;
  if (self->states != NULL && self->uuid != NULL)
    self->state = cd_sync_states_lookup (self->states, self->uuid, &account, &message);
  text = cd_sync_state_describe (self->state, account, message);

  gtk_widget_set_visible (self->image, self->state != CD_SYNC_STATE_NONE && self->state != CD_SYNC_STATE_CONFLICT);
  gtk_widget_set_visible (self->button, self->state == CD_SYNC_STATE_CONFLICT);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->image), cd_sync_state_icon_name (self->state));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Resolve Conflict"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                  -1);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "cd-sync-synced");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "cd-sync-pending");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "cd-sync-error");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "cd-sync-conflict");
  switch (self->state)
    {
    case CD_SYNC_STATE_SYNCED:
      gtk_widget_add_css_class (GTK_WIDGET (self), "cd-sync-synced");
      break;
    case CD_SYNC_STATE_PENDING:
      gtk_widget_add_css_class (GTK_WIDGET (self), "cd-sync-pending");
      break;
    case CD_SYNC_STATE_ERROR:
      gtk_widget_add_css_class (GTK_WIDGET (self), "cd-sync-error");
      break;
    case CD_SYNC_STATE_CONFLICT:
      gtk_widget_add_css_class (GTK_WIDGET (self), "cd-sync-conflict");
      break;
    case CD_SYNC_STATE_NONE:
    default:
      break;
    }
}

/* The window makes its states after its template, so a badge may be
 * rooted before they exist: it looks again whenever it updates. */
static void
ensure_states (CdSyncBadge *self)
{
  GtkRoot      *root;
  CdSyncStates *states;

  if (self->states != NULL)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!CD_IS_WINDOW (root) || (states = cd_window_get_sync_states (CD_WINDOW (root))) == NULL)
    return;
  self->states = g_object_ref (states);
  self->changed_id = g_signal_connect_object (states, "changed", G_CALLBACK (update), self,
                                              G_CONNECT_SWAPPED);
}

static void
drop_states (CdSyncBadge *self)
{
  if (self->states != NULL)
    g_clear_signal_handler (&self->changed_id, self->states);
  g_clear_object (&self->states);
}

/**
 * cd_sync_badge_set_uuid:
 * @uuid: (nullable): the article to show the state of
 */
void
cd_sync_badge_set_uuid (CdSyncBadge *self,
                        const char  *uuid)
{
  g_return_if_fail (CD_IS_SYNC_BADGE (self));

  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  if (uuid != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->button), "s", uuid);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "win.resolve-conflict");
    }
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), NULL);
  ensure_states (self);
  update (self);
}

/**
 * cd_sync_badge_get_state:
 *
 * Returns: the state shown
 */
CdSyncState
cd_sync_badge_get_state (CdSyncBadge *self)
{
  g_return_val_if_fail (CD_IS_SYNC_BADGE (self), CD_SYNC_STATE_NONE);
  return self->state;
}

static void
cd_sync_badge_root (GtkWidget *widget)
{
  CdSyncBadge *self = CD_SYNC_BADGE (widget);

  GTK_WIDGET_CLASS (cd_sync_badge_parent_class)->root (widget);
  ensure_states (self);
  update (self);
}

static void
cd_sync_badge_unroot (GtkWidget *widget)
{
  drop_states (CD_SYNC_BADGE (widget));

  GTK_WIDGET_CLASS (cd_sync_badge_parent_class)->unroot (widget);
}

static void
cd_sync_badge_dispose (GObject *object)
{
  CdSyncBadge *self = CD_SYNC_BADGE (object);

  drop_states (self);
  g_clear_pointer (&self->image, gtk_widget_unparent);
  g_clear_pointer (&self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (cd_sync_badge_parent_class)->dispose (object);
}

static void
cd_sync_badge_finalize (GObject *object)
{
  CdSyncBadge *self = CD_SYNC_BADGE (object);

  g_free (self->uuid);

  G_OBJECT_CLASS (cd_sync_badge_parent_class)->finalize (object);
}

static void
cd_sync_badge_class_init (CdSyncBadgeClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_sync_badge_dispose;
  object_class->finalize = cd_sync_badge_finalize;
  widget_class->root = cd_sync_badge_root;
  widget_class->unroot = cd_sync_badge_unroot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cdsyncbadge");
}

static void
cd_sync_badge_init (CdSyncBadge *self)
{
  self->image = gtk_image_new ();
  gtk_widget_set_parent (self->image, GTK_WIDGET (self));

  self->button = gtk_button_new_from_icon_name (cd_sync_state_icon_name (CD_SYNC_STATE_CONFLICT));
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_add_css_class (self->button, "circular");
  gtk_widget_set_visible (self->button, FALSE);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  update (self);
}

GtkWidget *
cd_sync_badge_new (void)
{
  return g_object_new (CD_TYPE_SYNC_BADGE, NULL);
}
