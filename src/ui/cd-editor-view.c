/* cd-editor-view.c: the article body's GtkSourceView in its scroller.
 *
 * The view keeps the body's look (font, style scheme, Markdown colours,
 * loaded once the body is on screen), keeps the scroll position in range
 * while the wrapped layout settles, and brings the cursor into view once
 * the view has its size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-editor-view"

#include "config.h"

#include <adwaita.h>

#include "cd-editor-format.h"
#include "cd-editor-paste.h"
#include "cd-editor-view.h"
#include "cd-ui-util.h"

struct _CdEditorView
{
  GtkWidget parent_instance;

  GtkWidget       *scroller;
  GtkSourceView   *view;
  GtkSourceBuffer *buffer;
  GtkCssProvider  *font_css;

  guint language_id;
  guint reveal_id;
  guint reallocate_id;
  guint reveal_pending : 1;
  guint relayout : 1;
};

G_DEFINE_FINAL_TYPE (CdEditorView, cd_editor_view, GTK_TYPE_WIDGET)

enum
{
  SCROLLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A cursor brought into view keeps this fraction of the view's height
 * between itself and the top or bottom edge. */
#define REVEAL_MARGIN 0.1

static void
update_style_scheme (CdEditorView *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean                     dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme        *scheme;

  g_assert (CD_IS_EDITOR_VIEW (self));

  scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (self->buffer, scheme);
}

/* A scroll that comes while the scrolled window allocates (the mouse
 * wheel's, on a busy machine) can make the body ask for an allocation
 * that GTK 4.8 loses when the scrolled window's own is done; every later
 * request of the body then stops at itself as already made, and the body
 * is left unallocated and not drawn ("Trying to snapshot … without a
 * current allocation"), typing included. So after a scroll the scrolled
 * window, whose request reaches the window, is allocated again at the
 * start of the next frame, and the body with it. */
static gboolean
reallocate_cb (GtkWidget     *scroller,
               GdkFrameClock *clock,
               gpointer       data)
{
  CdEditorView *self = data;

  g_assert (CD_IS_EDITOR_VIEW (self));

  self->reallocate_id = 0;
  gtk_widget_queue_allocate (scroller);
  return G_SOURCE_REMOVE;
}

static void
scrolled_cb (CdEditorView *self)
{
  g_assert (CD_IS_EDITOR_VIEW (self));

  if (self->reallocate_id == 0)
    self->reallocate_id = gtk_widget_add_tick_callback (self->scroller, reallocate_cb, self, NULL);
  g_signal_emit (self, signals[SCROLLED], 0);
}

/* GtkTextView scrolls to a mark with an animation whose steps GTK 4.8 does
 * not clamp: a scroll worked out while the view was being laid out (just
 * shown, restyled, not yet wrapped to its width) kept going past the end
 * once the wrapped layout was known, leaving the body scrolled sideways
 * and down. The body wraps, so it never scrolls sideways; vertically it
 * stays in range. gtk_adjustment_set_value() clamps and ends an animation. */
static void
hadjustment_value_cb (CdEditorView  *self,
                      GtkAdjustment *adjustment)
{
  g_assert (CD_IS_EDITOR_VIEW (self));
  g_assert (GTK_IS_ADJUSTMENT (adjustment));

  if (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (self->view)) != GTK_WRAP_NONE &&
      gtk_adjustment_get_value (adjustment) != gtk_adjustment_get_lower (adjustment))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
vadjustment_range_cb (CdEditorView  *self,
                      GtkAdjustment *adjustment)
{
  double value, last;

  g_assert (CD_IS_EDITOR_VIEW (self));
  g_assert (GTK_IS_ADJUSTMENT (adjustment));

  value = gtk_adjustment_get_value (adjustment);
  last = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  if (value > MAX (last, gtk_adjustment_get_lower (adjustment)) ||
      value < gtk_adjustment_get_lower (adjustment))
    gtk_adjustment_set_value (adjustment, value);
}

/* Scrolls, without animation, so that the cursor's line is in view with a
 * margin above and below it, and the body's left edge shows. Called once
 * the view has its size and its wrapped layout. */
static void
reveal_cursor (CdEditorView *self)
{
  GtkTextView   *view = GTK_TEXT_VIEW (self->view);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GdkRectangle   visible, cursor;
  GtkTextIter    iter;
  int            margin, top;

  g_assert (CD_IS_EDITOR_VIEW (self));

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &cursor);
  margin = CLAMP ((int) (visible.height * REVEAL_MARGIN), 0, (visible.height - cursor.height) / 2);
  top = visible.y;
  if (cursor.y < visible.y + margin)
    top = cursor.y - margin;
  else if (cursor.y + cursor.height > visible.y + visible.height - margin)
    top = cursor.y + cursor.height + margin - visible.height;

  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_lower (hadjustment));
  if (top != visible.y)
    gtk_adjustment_set_value (vadjustment,
                              gtk_adjustment_get_value (vadjustment) + top - visible.y);
}

/* Runs after GtkTextView's own layout idles, so every line above the
 * cursor has its real wrapped height. */
static gboolean
reveal_cursor_cb (gpointer data)
{
  CdEditorView *self = data;

  g_assert (CD_IS_EDITOR_VIEW (self));

  self->reveal_id = 0;
  if (!self->reveal_pending || !gtk_widget_get_mapped (GTK_WIDGET (self->view)) ||
      gtk_widget_get_width (GTK_WIDGET (self->view)) <= 0)
    return G_SOURCE_REMOVE;
  self->reveal_pending = FALSE;
  reveal_cursor (self);
  return G_SOURCE_REMOVE;
}

static void
reveal_after_paint_cb (GdkFrameClock *clock,
                       CdEditorView  *self)
{
  g_assert (GDK_IS_FRAME_CLOCK (clock));
  g_assert (CD_IS_EDITOR_VIEW (self));

  g_signal_handlers_disconnect_by_func (clock, reveal_after_paint_cb, self);
  if (self->reveal_id == 0)
    self->reveal_id = g_idle_add_full (G_PRIORITY_LOW, reveal_cursor_cb, self, NULL);
}

/* The cursor is brought into view after the next frame that lays out and
 * paints the view, not before: until then the view has no size, or the size
 * it had before it was last hidden, and its lines are not wrapped to it. */
static void
queue_reveal_cursor (CdEditorView *self)
{
  GdkFrameClock *clock;

  g_assert (CD_IS_EDITOR_VIEW (self));

  if (!self->reveal_pending || !gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->view));
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  g_signal_handlers_disconnect_by_func (clock, reveal_after_paint_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (reveal_after_paint_cb), self,
                           G_CONNECT_AFTER);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

/* A key press is handled at the start of a frame. GtkTextView lays out
 * the lines it changed in an idle, so within that frame it does it while
 * painting: when that moves the end of the text, the view's scroll range
 * changes after the scroll bar was placed, and the frame paints the bar
 * where it was (GTK warns of a scroll bar drawn without its allocation).
 * A change asks for the view's size again before the frame's layout
 * step, which lays the changed lines out there, before the scroll bar is
 * placed. */
static void
buffer_changed_cb (CdEditorView *self)
{
  g_assert (CD_IS_EDITOR_VIEW (self));

  self->relayout = TRUE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 CdEditorView  *self)
{
  g_assert (GDK_IS_FRAME_CLOCK (clock));
  g_assert (CD_IS_EDITOR_VIEW (self));

  if (self->relayout)
    {
      self->relayout = FALSE;
      gtk_widget_queue_resize (GTK_WIDGET (self->view));
    }
}

/* Loading the Markdown language parses and validates its definition files,
 * a good part of start-up; it waits until the body is on screen, and the
 * colours follow a moment later. */
static gboolean
set_language_cb (gpointer data)
{
  CdEditorView             *self = data;
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  g_assert (CD_IS_EDITOR_VIEW (self));

  self->language_id = 0;
  gtk_source_buffer_set_language (self->buffer,
                                  gtk_source_language_manager_get_language (languages,
                                                                            "markdown"));
  return G_SOURCE_REMOVE;
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      CdEditorView  *self)
{
  g_assert (GDK_IS_FRAME_CLOCK (clock));
  g_assert (CD_IS_EDITOR_VIEW (self));

  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, self);
  if (self->language_id == 0 && gtk_source_buffer_get_language (self->buffer) == NULL)
    self->language_id = g_idle_add (set_language_cb, self);
}

static void
cd_editor_view_map (GtkWidget *widget)
{
  CdEditorView *self = CD_EDITOR_VIEW (widget);

  GTK_WIDGET_CLASS (cd_editor_view_parent_class)->map (widget);

  if (gtk_source_buffer_get_language (self->buffer) == NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (after_first_paint_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "before-paint",
                           G_CALLBACK (before_paint_cb), self, 0);
  queue_reveal_cursor (self);
}

/* Nothing waits for a frame of a clock the view no longer paints on; a
 * reveal still to come waits for the next map. */
static void
cd_editor_view_unmap (GtkWidget *widget)
{
  CdEditorView  *self = CD_EDITOR_VIEW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, self);
  g_signal_handlers_disconnect_by_func (clock, reveal_after_paint_cb, self);
  g_signal_handlers_disconnect_by_func (clock, before_paint_cb, self);
  g_clear_handle_id (&self->reveal_id, g_source_remove);

  GTK_WIDGET_CLASS (cd_editor_view_parent_class)->unmap (widget);
}

static gboolean
cd_editor_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CD_EDITOR_VIEW (widget)->view));
}

static void
cd_editor_view_dispose (GObject *object)
{
  CdEditorView *self = CD_EDITOR_VIEW (object);

  g_clear_handle_id (&self->language_id, g_source_remove);
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  if (self->reallocate_id != 0)
    gtk_widget_remove_tick_callback (self->scroller, self->reallocate_id);
  self->reallocate_id = 0;
  if (self->font_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->font_css));
  g_clear_object (&self->font_css);
  _cd_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_EDITOR_VIEW);

  G_OBJECT_CLASS (cd_editor_view_parent_class)->dispose (object);
}

/* The formatting keys change the body only when it can be edited. */
static void
format_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CdEditorView *self = CD_EDITOR_VIEW (widget);

  g_assert (CD_IS_EDITOR_VIEW (self));

  if (gtk_text_view_get_editable (GTK_TEXT_VIEW (self->view)))
    cd_editor_format_activate (GTK_TEXT_BUFFER (self->buffer), action_name, param);
}

static void
cd_editor_view_class_init (CdEditorViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_editor_view_dispose;
  widget_class->grab_focus = cd_editor_view_grab_focus;
  widget_class->map = cd_editor_view_map;
  widget_class->unmap = cd_editor_view_unmap;

  /**
   * CdEditorView::scrolled:
   *
   * The body scrolled; the first visible line may have changed.
   */
  signals[SCROLLED] = g_signal_new ("scrolled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-editor-view.ui");
  cd_editor_format_install (widget_class, format_action_cb);
  gtk_widget_class_bind_template_child (widget_class, CdEditorView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CdEditorView, view);
  gtk_widget_class_bind_template_child (widget_class, CdEditorView, buffer);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cdeditorview");
}

static void
cd_editor_view_init (CdEditorView *self)
{
  GtkScrolledWindow *scroller;
  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The scrolled window makes its adjustments when it takes the view, so
   * they are followed here rather than in the template. */
  scroller = GTK_SCROLLED_WINDOW (self->scroller);
  hadjustment = gtk_scrolled_window_get_hadjustment (scroller);
  g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (hadjustment_value_cb), self,
                           G_CONNECT_SWAPPED);
  vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (vadjustment_range_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (vadjustment_range_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (scrolled_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  cd_editor_paste_attach (GTK_TEXT_VIEW (self->view));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);
}

GtkWidget *
cd_editor_view_new (void)
{
  return g_object_new (CD_TYPE_EDITOR_VIEW, NULL);
}

/**
 * cd_editor_view_get_source_view:
 *
 * Returns: (transfer none): the source view
 */
GtkSourceView *
cd_editor_view_get_source_view (CdEditorView *self)
{
  g_return_val_if_fail (CD_IS_EDITOR_VIEW (self), NULL);
  return self->view;
}

/**
 * cd_editor_view_get_buffer:
 *
 * Returns: (transfer none): the body's buffer
 */
GtkSourceBuffer *
cd_editor_view_get_buffer (CdEditorView *self)
{
  g_return_val_if_fail (CD_IS_EDITOR_VIEW (self), NULL);
  return self->buffer;
}

/**
 * cd_editor_view_set_font:
 * @font: a Pango font description such as "Monospace 11"
 */
void
cd_editor_view_set_font (CdEditorView *self,
                         const char   *font)
{
  g_autoptr (PangoFontDescription) desc = NULL;
  g_autoptr (GString) css = g_string_new ("textview.cd-body {");
  PangoFontMask mask;

  g_return_if_fail (CD_IS_EDITOR_VIEW (self));

  desc = pango_font_description_from_string (font != NULL ? font : "Monospace 11");
  mask = pango_font_description_get_set_fields (desc);
  if (mask & PANGO_FONT_MASK_FAMILY)
    g_string_append_printf (css, " font-family: \"%s\";", pango_font_description_get_family (desc));
  if (mask & PANGO_FONT_MASK_SIZE)
    g_string_append_printf (css, " font-size: %dpt;",
                            pango_font_description_get_size (desc) / PANGO_SCALE);
  if (mask & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, " font-weight: %d;", pango_font_description_get_weight (desc));
  if (mask & PANGO_FONT_MASK_STYLE)
    g_string_append_printf (css, " font-style: %s;",
                            pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC
                                ? "italic"
                                : "normal");
  g_string_append (css, " }");

  if (self->font_css == NULL)
    {
      self->font_css = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (self->font_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_css_provider_load_from_data (self->font_css, css->str, -1);
}

int
cd_editor_view_get_cursor_offset (CdEditorView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter    iter;

  g_return_val_if_fail (CD_IS_EDITOR_VIEW (self), 0);

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/**
 * cd_editor_view_place_cursor:
 * @offset: a character offset, or -1 for the end of the body
 *
 * Moves the cursor and scrolls it into view, with a margin above and below
 * and never sideways, once the view is on screen with its size and its
 * wrapped lines: right after an article is opened it has neither.
 */
void
cd_editor_view_place_cursor (CdEditorView *self,
                             int           offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter    iter;

  g_return_if_fail (CD_IS_EDITOR_VIEW (self));

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  self->reveal_pending = TRUE;
  queue_reveal_cursor (self);
}

void
cd_editor_view_select_range (CdEditorView *self,
                             int           start,
                             int           end)
{
  GtkTextBuffer *buffer;
  GtkTextIter    start_iter, end_iter;

  g_return_if_fail (CD_IS_EDITOR_VIEW (self));

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &start_iter, 0.2, FALSE, 0, 0);
}

/**
 * cd_editor_view_get_first_visible_line:
 *
 * Returns: the first line of the body in view, counting from 1 as
 *   cmark's source positions do
 */
guint
cd_editor_view_get_first_visible_line (CdEditorView *self)
{
  GdkRectangle visible;
  GtkTextIter  iter;

  g_return_val_if_fail (CD_IS_EDITOR_VIEW (self), 1);

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->view), &visible);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->view), &iter, visible.y, NULL);
  return gtk_text_iter_get_line (&iter) + 1;
}
