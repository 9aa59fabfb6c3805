/* cd-window-read-only.c: the window on a store that cannot be written.
 *
 * When the store opened read-only (a read-only folder or mount, a full
 * disk; see cd_store_is_read_only()), the window says so once, in a banner
 * above the article, and becomes a reader: articles open, their text can
 * be selected, copied, printed and exported, and nothing offers to change
 * them. The editor and the fields do not take typing, so the window never
 * shows "Saved" for text it could not save, and the actions that write
 * (new, duplicate, trash, restore, import, named versions, sync, replace)
 * are off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include "cd-window-private.h"

static const char *const writing_actions[] = {
  "win.new-article",
  "win.duplicate-article",
  "win.trash-article",
  "win.untrash-article",
  "win.restore-article",
  "win.empty-trash",
  "win.save-version",
  "win.replace",
  "win.import",
  "win.retry-save",
};

/* The sync pushes, pulls and records what it did. */
static const char *const writing_map_actions[] = { "sync", "resolve-conflict",
                                                   "resolve-open-conflict" };

/* Every field under @widget shows its text without taking typing; the
 * ones that are not text (switches, drop-downs, buttons) are off. */
static void
stop_editing (GtkWidget *widget)
{
  g_assert (GTK_IS_WIDGET (widget));

  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_editable (GTK_EDITABLE (widget), FALSE);
  else if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), FALSE);
  else if (GTK_IS_SWITCH (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_BUTTON (widget) ||
           GTK_IS_CHECK_BUTTON (widget))
    gtk_widget_set_sensitive (widget, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    stop_editing (child);
}

/**
 * _cd_window_update_read_only:
 *
 * Called with the actions' update, after the open article was handed to
 * the views (which make their fields editable for it).
 */
void
_cd_window_update_read_only (CdWindow *self)
{
  g_autofree char *notice = NULL;

  g_assert (CD_IS_WINDOW (self));

  if (!cd_store_is_read_only (self->store))
    return;

  notice = cd_store_describe_read_only (self->store);
  gtk_label_set_label (self->read_only_banner_label, notice);
  gtk_revealer_set_reveal_child (self->read_only_banner, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (writing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writing_actions[i], FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (writing_map_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), writing_map_actions[i]);

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
    }
  stop_editing (GTK_WIDGET (self->metadata));
  gtk_text_view_set_editable (GTK_TEXT_VIEW (cd_editor_get_view (self->editor)), FALSE);
}
