/* cd-search-bar.c: find and replace in the article body.
 *
 * The bar slides in above the body. It searches the view's buffer with a
 * GtkSourceSearchContext, highlights every match while it is open and
 * says which match is selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-search-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-search-bar.h"
#include "cd-ui-util.h"

struct _CdSearchBar
{
  GtkWidget parent_instance;

  GtkSourceView          *view;
  GtkSourceSearchContext *search;

  GtkWidget *revealer;
  GtkWidget *search_entry;
  GtkWidget *match_label;
  GtkWidget *replace_box;
  GtkWidget *replace_entry;
};

G_DEFINE_FINAL_TYPE (CdSearchBar, cd_search_bar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkTextBuffer *
get_buffer (CdSearchBar *self)
{
  g_assert (CD_IS_SEARCH_BAR (self));

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
}

static void
select_match (CdSearchBar *self,
              GtkTextIter *start,
              GtkTextIter *end)
{
  g_assert (CD_IS_SEARCH_BAR (self));
  g_assert (start != NULL && end != NULL);

  gtk_text_buffer_select_range (get_buffer (self), start, end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), start, 0.2, FALSE, 0, 0);
}

static void
update_match_label (CdSearchBar *self)
{
  GtkTextIter      start, end;
  g_autofree char *text = NULL;
  int              position = -1;
  int              count;

  g_assert (CD_IS_SEARCH_BAR (self));

  if (self->search == NULL)
    return;
  count = gtk_source_search_context_get_occurrences_count (self->search);
  if (gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end))
    position = gtk_source_search_context_get_occurrence_position (self->search, &start, &end);

  if (count < 0 || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    text = g_strdup ("");
  else if (count == 0)
    text = g_strdup (_ ("No matches"));
  else if (position > 0)
    /* Translators: the current match and the number of matches in find */
    text = g_strdup_printf (_ ("%d of %d"), position, count);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count),
                            count);
  gtk_label_set_text (GTK_LABEL (self->match_label), text);
}

static void
search_move (CdSearchBar *self,
             gboolean     backward)
{
  GtkTextIter start, end, match_start, match_end;
  gboolean    found;

  g_assert (CD_IS_SEARCH_BAR (self));

  if (self->search == NULL)
    return;
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end);
  if (backward)
    found = gtk_source_search_context_backward (self->search, &start, &match_start, &match_end,
                                                NULL);
  else
    found = gtk_source_search_context_forward (self->search, &end, &match_start, &match_end,
                                               NULL);
  if (found)
    select_match (self, &match_start, &match_end);
  update_match_label (self);
}

static void
search_next_cb (CdSearchBar *self)
{
  g_assert (CD_IS_SEARCH_BAR (self));

  search_move (self, FALSE);
}

static void
search_previous_cb (CdSearchBar *self)
{
  g_assert (CD_IS_SEARCH_BAR (self));

  search_move (self, TRUE);
}

static void
search_changed_cb (CdSearchBar    *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkTextIter start, match_start, match_end;

  g_assert (CD_IS_SEARCH_BAR (self));
  g_assert (GTK_IS_SEARCH_ENTRY (entry));

  if (self->search == NULL)
    return;
  gtk_source_search_settings_set_search_text (gtk_source_search_context_get_settings (self->search),
                                              *text ? text : NULL);
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, NULL);
  if (*text && gtk_source_search_context_forward (self->search, &start, &match_start, &match_end,
                                                  NULL))
    select_match (self, &match_start, &match_end);
  update_match_label (self);
}

static void
replace_cb (CdSearchBar *self)
{
  GtkTextIter start, end;
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  g_assert (CD_IS_SEARCH_BAR (self));

  if (self->search == NULL)
    return;
  if (gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end) &&
      gtk_source_search_context_get_occurrence_position (self->search, &start, &end) > 0)
    gtk_source_search_context_replace (self->search, &start, &end, replacement, -1, NULL);
  search_move (self, FALSE);
}

static void
replace_all_cb (CdSearchBar *self)
{
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  g_assert (CD_IS_SEARCH_BAR (self));

  if (self->search == NULL)
    return;
  gtk_source_search_context_replace_all (self->search, replacement, -1, NULL);
  update_match_label (self);
}

static void
cd_search_bar_dispose (GObject *object)
{
  CdSearchBar *self = CD_SEARCH_BAR (object);

  g_clear_object (&self->search);
  g_clear_object (&self->view);
  _cd_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_SEARCH_BAR);

  G_OBJECT_CLASS (cd_search_bar_parent_class)->dispose (object);
}

static void
cd_search_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CdSearchBar *self = CD_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_search_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CdSearchBar *self = CD_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      cd_search_bar_set_view (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_search_bar_class_init (CdSearchBarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_search_bar_dispose;
  object_class->get_property = cd_search_bar_get_property;
  object_class->set_property = cd_search_bar_set_property;

  /**
   * CdSearchBar:view:
   *
   * The view whose buffer is searched.
   */
  properties[PROP_VIEW] =
      g_param_spec_object ("view", NULL, NULL, GTK_SOURCE_TYPE_VIEW,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, match_label);
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, replace_box);
  gtk_widget_class_bind_template_child (widget_class, CdSearchBar, replace_entry);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, cd_search_bar_hide);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cdsearchbar");
}

static void
cd_search_bar_init (CdSearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cd_search_bar_new:
 * @view: (nullable): the view to search in
 *
 * Returns: (transfer full): a new, closed find bar
 */
GtkWidget *
cd_search_bar_new (GtkSourceView *view)
{
  g_return_val_if_fail (view == NULL || GTK_SOURCE_IS_VIEW (view), NULL);

  return g_object_new (CD_TYPE_SEARCH_BAR, "view", view, NULL);
}

/**
 * cd_search_bar_get_view:
 *
 * Returns: (transfer none) (nullable): the view searched
 */
GtkSourceView *
cd_search_bar_get_view (CdSearchBar *self)
{
  g_return_val_if_fail (CD_IS_SEARCH_BAR (self), NULL);
  return self->view;
}

/**
 * cd_search_bar_set_view:
 * @view: (nullable): the view to search in
 */
void
cd_search_bar_set_view (CdSearchBar   *self,
                        GtkSourceView *view)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (CD_IS_SEARCH_BAR (self));
  g_return_if_fail (view == NULL || GTK_SOURCE_IS_VIEW (view));

  if (!g_set_object (&self->view, view))
    return;
  g_clear_object (&self->search);
  if (view != NULL)
    {
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      self->search = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), NULL);
      gtk_source_search_settings_set_wrap_around (
          gtk_source_search_context_get_settings (self->search), TRUE);
      g_signal_connect_object (self->search, "notify::occurrences-count",
                               G_CALLBACK (update_match_label), self, G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/**
 * cd_search_bar_show:
 * @replace: whether to show the replace row too
 *
 * Reveals the find bar, seeded with the selection, and focuses it.
 */
void
cd_search_bar_show (CdSearchBar *self,
                    gboolean     replace)
{
  GtkTextIter start, end;

  g_return_if_fail (CD_IS_SEARCH_BAR (self));
  g_return_if_fail (self->view != NULL);

  if (gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (get_buffer (self), &start, &end,
                                                            FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }
  gtk_widget_set_visible (self->replace_box, replace);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
  gtk_source_search_context_set_highlight (self->search, TRUE);
  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * cd_search_bar_hide:
 *
 * Closes the find bar and gives the focus back to the view.
 */
void
cd_search_bar_hide (CdSearchBar *self)
{
  g_return_if_fail (CD_IS_SEARCH_BAR (self));

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer)))
    return;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
  if (self->search != NULL)
    gtk_source_search_context_set_highlight (self->search, FALSE);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/**
 * cd_search_bar_get_open:
 *
 * Returns: whether the bar is shown (or sliding in)
 */
gboolean
cd_search_bar_get_open (CdSearchBar *self)
{
  g_return_val_if_fail (CD_IS_SEARCH_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer));
}
