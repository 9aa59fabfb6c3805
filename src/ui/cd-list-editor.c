/* cd-list-editor.c: a page for editing a list kept as text, one item a line
 * (the newsroom word list, the house-style list), shown as a subpage of the
 * preferences window.
 *
 * The page knows nothing of what the list means. It emits "apply" with the
 * text a moment after typing pauses, and at once when the person goes back
 * or the page goes away, so every change is kept as preferences are in
 * GNOME: without a Save button. Whoever made the page answers with
 * cd_list_editor_set_error() when the text cannot be taken, and the text
 * stays on screen to be fixed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-list-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-a11y.h"
#include "cd-list-editor.h"

/* How long typing pauses before the list is applied. */
#define APPLY_DELAY_MS 400

struct _CdListEditor
{
  GtkBox parent_instance;

  guint apply_id;
  guint setting_text : 1;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkWidget      *description;
  GtkWidget      *error_label;
  GtkWidget      *restore_button;
  GtkTextView    *text_view;
};

G_DEFINE_FINAL_TYPE (CdListEditor, cd_list_editor, GTK_TYPE_BOX)

enum
{
  APPLY,
  RESTORE,
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * cd_list_editor_flush:
 *
 * Applies the text now when an edit is waiting for typing to pause.
 *
 * Returns: %TRUE when the text was applied, %FALSE when nothing waited
 */
gboolean
cd_list_editor_flush (CdListEditor *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CD_IS_LIST_EDITOR (self), FALSE);

  if (self->apply_id == 0)
    return FALSE;
  g_clear_handle_id (&self->apply_id, g_source_remove);
  text = cd_list_editor_dup_text (self);
  g_signal_emit (self, signals[APPLY], 0, text);
  return TRUE;
}

static gboolean
apply_timeout_cb (gpointer data)
{
  CdListEditor *self = CD_LIST_EDITOR (data);

  g_assert (CD_IS_LIST_EDITOR (self));

  self->apply_id = 0;
  {
    g_autofree char *text = cd_list_editor_dup_text (self);

    g_signal_emit (self, signals[APPLY], 0, text);
  }
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (CdListEditor  *self,
                   GtkTextBuffer *buffer)
{
  g_assert (CD_IS_LIST_EDITOR (self));

  if (self->setting_text)
    return;
  g_clear_handle_id (&self->apply_id, g_source_remove);
  self->apply_id = g_timeout_add (APPLY_DELAY_MS, apply_timeout_cb, self);
}

static void
back_clicked_cb (CdListEditor *self)
{
  g_assert (CD_IS_LIST_EDITOR (self));

  cd_list_editor_flush (self);
  g_signal_emit (self, signals[BACK], 0);
}

static void
restore_clicked_cb (CdListEditor *self)
{
  g_assert (CD_IS_LIST_EDITOR (self));

  g_clear_handle_id (&self->apply_id, g_source_remove);
  g_signal_emit (self, signals[RESTORE], 0);
}

static void
cd_list_editor_dispose (GObject *object)
{
  CdListEditor *self = CD_LIST_EDITOR (object);

  /* Closing the window with the page open keeps the last words typed. */
  cd_list_editor_flush (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_LIST_EDITOR);

  G_OBJECT_CLASS (cd_list_editor_parent_class)->dispose (object);
}

static void
cd_list_editor_class_init (CdListEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_list_editor_dispose;

  /**
   * CdListEditor::apply:
   * @text: the list as written
   *
   * The text changed and typing paused, or the person is leaving the page.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CdListEditor::restore:
   *
   * The person asked for the list Copydesk ships.
   */
  signals[RESTORE] = g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CdListEditor::back:
   *
   * The person is done with the page; the text was applied.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cd-list-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CdListEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdListEditor, description);
  gtk_widget_class_bind_template_child (widget_class, CdListEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CdListEditor, restore_button);
  gtk_widget_class_bind_template_child (widget_class, CdListEditor, text_view);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "list-editor.back", NULL);
  gtk_widget_class_install_action (widget_class, "list-editor.back", NULL,
                                   (GtkWidgetActionActivateFunc) back_clicked_cb);
}

static void
cd_list_editor_init (CdListEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  cd_a11y_fix_names (GTK_WIDGET (self));
}

/**
 * cd_list_editor_new:
 * @title: the page's title, which also names the text
 * @description: one or two sentences on how the list is written
 * @can_restore: whether to offer "Restore Copydesk's List"
 *
 * Returns: (transfer full): a new, empty page
 */
CdListEditor *
cd_list_editor_new (const char *title,
                    const char *description,
                    gboolean    can_restore)
{
  CdListEditor *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (description != NULL, NULL);

  self = g_object_new (CD_TYPE_LIST_EDITOR, NULL);
  adw_window_title_set_title (self->window_title, title);
  gtk_label_set_text (GTK_LABEL (self->description), description);
  gtk_widget_set_visible (self->restore_button, can_restore);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  return self;
}

/**
 * cd_list_editor_dup_text:
 *
 * Returns: (transfer full): the list as it is on screen
 */
char *
cd_list_editor_dup_text (CdListEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter    start, end;

  g_return_val_if_fail (CD_IS_LIST_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * cd_list_editor_set_text:
 *
 * Shows @text, without applying it, and takes away any error shown.
 */
void
cd_list_editor_set_text (CdListEditor *self,
                         const char   *text)
{
  g_return_if_fail (CD_IS_LIST_EDITOR (self));

  g_clear_handle_id (&self->apply_id, g_source_remove);
  self->setting_text = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
  self->setting_text = FALSE;
  cd_list_editor_set_error (self, NULL);
}

/**
 * cd_list_editor_set_error:
 * @message: (nullable): why the text was not taken, or %NULL when it was
 */
void
cd_list_editor_set_error (CdListEditor *self,
                          const char   *message)
{
  g_return_if_fail (CD_IS_LIST_EDITOR (self));

  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

/**
 * cd_list_editor_set_subtitle:
 * @subtitle: (nullable): a line under the title, such as how long the list is
 */
void
cd_list_editor_set_subtitle (CdListEditor *self,
                             const char   *subtitle)
{
  g_return_if_fail (CD_IS_LIST_EDITOR (self));

  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
}

GtkWidget *
cd_list_editor_get_text_view (CdListEditor *self)
{
  g_return_val_if_fail (CD_IS_LIST_EDITOR (self), NULL);

  return GTK_WIDGET (self->text_view);
}
