/* cd-sync-badge.c: an article's sync state in its library row.
 *
 * A small icon (synced, waiting, error) whose tooltip and accessible
 * description say the state in words, the error included; an article in
 * conflict gets a button instead that opens the conflict window. The
 * states come from the CdSyncStates handed to the badge when it is made
 * (every article's state, read at once), and the badge follows its
 * "changed" signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-sync-badge.h"
#include "cd-ui-util.h"

struct _CdSyncBadge
{
  GtkWidget parent_instance;

  CdSyncStates *states;
  char         *uuid;
  CdSyncState   state;

  GtkWidget *image;
  GtkWidget *button;
};

G_DEFINE_FINAL_TYPE (CdSyncBadge, cd_sync_badge, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SYNC_STATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CdSyncBadge *self)
{
  g_assert (CD_IS_SYNC_BADGE (self));

  GtkWidget       *widget = GTK_WIDGET (self);
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

  _cd_widget_set_css_class (widget, "cd-sync-synced", self->state == CD_SYNC_STATE_SYNCED);
  _cd_widget_set_css_class (widget, "cd-sync-pending", self->state == CD_SYNC_STATE_PENDING);
  _cd_widget_set_css_class (widget, "cd-sync-error", self->state == CD_SYNC_STATE_ERROR);
  _cd_widget_set_css_class (widget, "cd-sync-conflict", self->state == CD_SYNC_STATE_CONFLICT);
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
cd_sync_badge_constructed (GObject *object)
{
  CdSyncBadge *self = CD_SYNC_BADGE (object);

  G_OBJECT_CLASS (cd_sync_badge_parent_class)->constructed (object);

  if (self->states != NULL)
    g_signal_connect_object (self->states, "changed", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

static void
cd_sync_badge_dispose (GObject *object)
{
  CdSyncBadge *self = CD_SYNC_BADGE (object);

  if (self->states != NULL)
    g_signal_handlers_disconnect_by_data (self->states, self);
  g_clear_object (&self->states);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_SYNC_BADGE);

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
cd_sync_badge_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CdSyncBadge *self = CD_SYNC_BADGE (object);

  switch (prop_id)
    {
    case PROP_SYNC_STATES:
      self->states = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_sync_badge_class_init (CdSyncBadgeClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_sync_badge_dispose;
  object_class->constructed = cd_sync_badge_constructed;
  object_class->finalize = cd_sync_badge_finalize;
  object_class->set_property = cd_sync_badge_set_property;

  /**
   * CdSyncBadge:sync-states:
   *
   * Every article's sync state, which the badge reads its article's from
   * and follows; %NULL shows no state.
   */
  properties[PROP_SYNC_STATES] =
      g_param_spec_object ("sync-states", NULL, NULL, CD_TYPE_SYNC_STATES,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cdsyncbadge");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-sync-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, CdSyncBadge, image);
  gtk_widget_class_bind_template_child (widget_class, CdSyncBadge, button);
}

static void
cd_sync_badge_init (CdSyncBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_button_set_icon_name (GTK_BUTTON (self->button),
                            cd_sync_state_icon_name (CD_SYNC_STATE_CONFLICT));
}

/**
 * cd_sync_badge_new:
 * @states: (nullable): every article's sync state, to show and follow
 *
 * Returns: (transfer floating): a badge for no article yet
 */
GtkWidget *
cd_sync_badge_new (CdSyncStates *states)
{
  g_return_val_if_fail (states == NULL || CD_IS_SYNC_STATES (states), NULL);

  return g_object_new (CD_TYPE_SYNC_BADGE, "sync-states", states, NULL);
}
