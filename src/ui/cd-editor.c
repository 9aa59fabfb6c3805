/* cd-editor.c: the article body in a GtkSourceView, with find and replace
 * and a status strip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-editor.h"

struct _CdEditor
{
  GtkWidget parent_instance;

  CdArticle *article;
  gulong     target_id;

  GtkWidget              *search_revealer;
  GtkWidget              *search_entry;
  GtkWidget              *replace_entry;
  GtkWidget              *replace_box;
  GtkWidget              *match_label;
  GtkWidget              *scroller;
  GtkSourceView          *view;
  GtkSourceBuffer        *buffer;
  GtkSourceSearchContext *search;
  GtkCssProvider         *font_css;

  GtkWidget *words_label;
  GtkWidget *target_label;
  GtkWidget *target_bar;

  guint status_id;
  guint language_id;
  guint reveal_id;
  guint loading : 1;
  guint reveal_pending : 1;
};

G_DEFINE_FINAL_TYPE (CdEditor, cd_editor, GTK_TYPE_WIDGET)

enum
{
  SCROLLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The status strip is recounted at most this often while typing. */
#define STATUS_DELAY_MS 250

/* A cursor brought into view keeps this fraction of the view's height
 * between itself and the top or bottom edge. */
#define REVEAL_MARGIN 0.1

static void
update_status (CdEditor *self)
{
  g_autofree char *words_text = NULL;
  g_autofree char *chars_text = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *text = NULL;
  guint            words = 0;
  guint            target = 0;
  int              chars;
  guint            minutes;

  if (self->article != NULL)
    {
      words = cd_count_words (cd_article_get_body (self->article));
      target = cd_article_get_length_target (self->article);
    }
  chars = gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->buffer));
  minutes = (words + CD_EDITOR_WORDS_PER_MINUTE - 1) / CD_EDITOR_WORDS_PER_MINUTE;

  words_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words),
                                words);
  chars_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d character", "%d characters",
                                             chars),
                                chars);
  if (words == 0)
    time_text = g_strdup (_ ("no reading time"));
  else
    time_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min read", "%u min read",
                                              minutes),
                                 minutes);
  /* Translators: words · characters · reading time in the editor's status strip */
  text = g_strdup_printf (_ ("%s · %s · %s"), words_text, chars_text, time_text);
  gtk_label_set_text (GTK_LABEL (self->words_label), text);

  gtk_widget_set_visible (self->target_bar, target > 0);
  if (target > 0)
    {
      g_autofree char *target_text = NULL;
      double           fraction = (double) words / target;

      /* Translators: progress against the article's length target, e.g. "640 of 800" */
      target_text = g_strdup_printf (_ ("%u of %u"), words, target);
      gtk_label_set_text (GTK_LABEL (self->target_label), target_text);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (self->target_bar), MIN (fraction, 1.2));
      gtk_widget_remove_css_class (self->target_label, "error");
      if (fraction > 1.1)
        gtk_widget_add_css_class (self->target_label, "error");
    }
  else
    gtk_label_set_text (GTK_LABEL (self->target_label), _ ("No length target"));
}

static gboolean
status_timeout_cb (gpointer data)
{
  CdEditor *self = data;

  self->status_id = 0;
  update_status (self);
  return G_SOURCE_REMOVE;
}

static void
queue_status (CdEditor *self)
{
  if (self->status_id == 0)
    self->status_id = g_timeout_add (STATUS_DELAY_MS, status_timeout_cb, self);
}

static void
buffer_changed_cb (CdEditor      *self,
                   GtkTextBuffer *buffer)
{
  GtkTextIter      start, end;
  g_autofree char *text = NULL;

  if (self->loading || self->article == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  cd_article_set_body (self->article, text);
  queue_status (self);
}

static void
update_style_scheme (CdEditor *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean                     dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme        *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (self->buffer, scheme);
}

static void
update_match_label (CdEditor *self)
{
  int              count = gtk_source_search_context_get_occurrences_count (self->search);
  GtkTextIter      start, end;
  g_autofree char *text = NULL;
  int              position = -1;

  if (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end))
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
search_move (CdEditor *self,
             gboolean  backward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter    start, end, match_start, match_end;
  gboolean       found;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (backward)
    found = gtk_source_search_context_backward (self->search, &start, &match_start, &match_end,
                                                NULL);
  else
    found = gtk_source_search_context_forward (self->search, &end, &match_start, &match_end,
                                               NULL);
  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &match_start, 0.2, FALSE, 0, 0);
    }
  update_match_label (self);
}

static void
search_next_cb (CdEditor *self)
{
  search_move (self, FALSE);
}

static void
search_previous_cb (CdEditor *self)
{
  search_move (self, TRUE);
}

static void
search_changed_cb (CdEditor       *self,
                   GtkSearchEntry *entry)
{
  GtkSourceSearchSettings *settings = gtk_source_search_context_get_settings (self->search);
  GtkTextBuffer           *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char              *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkTextIter              start, match_start, match_end;

  gtk_source_search_settings_set_search_text (settings, *text ? text : NULL);
  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_selection_bounds (buffer, &start, NULL);
  if (*text && gtk_source_search_context_forward (self->search, &start, &match_start, &match_end,
                                                  NULL))
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &match_start, 0.2, FALSE, 0, 0);
    }
  update_match_label (self);
}

static void
replace_cb (CdEditor *self)
{
  GtkTextIter start, end;
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  if (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end) &&
      gtk_source_search_context_get_occurrence_position (self->search, &start, &end) > 0)
    gtk_source_search_context_replace (self->search, &start, &end, replacement, -1, NULL);
  search_move (self, FALSE);
}

static void
replace_all_cb (CdEditor *self)
{
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  gtk_source_search_context_replace_all (self->search, replacement, -1, NULL);
  update_match_label (self);
}

static void
scrolled_cb (CdEditor *self)
{
  g_signal_emit (self, signals[SCROLLED], 0);
}

/* GtkTextView scrolls to a mark with an animation whose steps GTK 4.8 does
 * not clamp: a scroll worked out while the view was being laid out (just
 * shown, restyled, not yet wrapped to its width) kept going past the end
 * once the wrapped layout was known, leaving the body scrolled sideways
 * and down. The body wraps, so it never scrolls sideways; vertically it
 * stays in range. gtk_adjustment_set_value() clamps and ends an animation. */
static void
hadjustment_value_cb (CdEditor      *self,
                      GtkAdjustment *adjustment)
{
  if (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (self->view)) != GTK_WRAP_NONE &&
      gtk_adjustment_get_value (adjustment) != gtk_adjustment_get_lower (adjustment))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
vadjustment_range_cb (CdEditor      *self,
                      GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double last = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (value > MAX (last, gtk_adjustment_get_lower (adjustment)) ||
      value < gtk_adjustment_get_lower (adjustment))
    gtk_adjustment_set_value (adjustment, value);
}

/* Scrolls, without animation, so that the cursor's line is in view with a
 * margin above and below it, and the body's left edge shows. Called once
 * the view has its size and its wrapped layout. */
static void
reveal_cursor (CdEditor *self)
{
  GtkTextView   *view = GTK_TEXT_VIEW (self->view);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GdkRectangle   visible, cursor;
  GtkTextIter    iter;
  int            margin, top;

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
  CdEditor *self = data;

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
                       CdEditor      *self)
{
  g_signal_handlers_disconnect_by_func (clock, reveal_after_paint_cb, self);
  if (self->reveal_id == 0)
    self->reveal_id = g_idle_add_full (G_PRIORITY_LOW, reveal_cursor_cb, self, NULL);
}

/* The cursor is brought into view after the next frame that lays out and
 * paints the view, not before: until then the view has no size, or the size
 * it had before it was last hidden, and its lines are not wrapped to it. */
static void
queue_reveal_cursor (CdEditor *self)
{
  GdkFrameClock *clock;

  if (!self->reveal_pending || !gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->view));
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  g_signal_handlers_disconnect_by_func (clock, reveal_after_paint_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (reveal_after_paint_cb), self,
                           G_CONNECT_AFTER);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
target_changed_cb (CdEditor *self)
{
  queue_status (self);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

static GtkWidget *
build_search_bar (CdEditor *self)
{
  GtkWidget *bar, *find_row, *button, *close;

  bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (bar, "cd-search-bar");

  find_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->search_entry, TRUE);
  g_object_set (self->search_entry, "placeholder-text", _ ("Find in body"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Find"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "next-match", G_CALLBACK (search_next_cb), self);
  g_signal_connect_swapped (self->search_entry, "previous-match",
                            G_CALLBACK (search_previous_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_next_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search",
                            G_CALLBACK (cd_editor_hide_search), self);
  gtk_box_append (GTK_BOX (find_row), self->search_entry);

  self->match_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->match_label, "dim-label");
  gtk_widget_add_css_class (self->match_label, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (self->match_label), 10);
  gtk_box_append (GTK_BOX (find_row), self->match_label);

  button = icon_button ("go-up-symbolic", _ ("Previous Match"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (search_previous_cb), self);
  gtk_box_append (GTK_BOX (find_row), button);
  button = icon_button ("go-down-symbolic", _ ("Next Match"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (search_next_cb), self);
  gtk_box_append (GTK_BOX (find_row), button);
  close = icon_button ("window-close-symbolic", _ ("Close Find"));
  gtk_widget_add_css_class (close, "flat");
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (cd_editor_hide_search), self);
  gtk_box_append (GTK_BOX (find_row), close);
  gtk_box_append (GTK_BOX (bar), find_row);

  self->replace_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->replace_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->replace_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->replace_entry), _ ("Replace with"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->replace_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Replace with"), -1);
  g_signal_connect_swapped (self->replace_entry, "activate", G_CALLBACK (replace_cb), self);
  gtk_box_append (GTK_BOX (self->replace_box), self->replace_entry);
  button = gtk_button_new_with_mnemonic (_ ("_Replace"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (replace_cb), self);
  gtk_box_append (GTK_BOX (self->replace_box), button);
  button = gtk_button_new_with_mnemonic (_ ("Replace _All"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (replace_all_cb), self);
  gtk_box_append (GTK_BOX (self->replace_box), button);
  gtk_box_append (GTK_BOX (bar), self->replace_box);

  self->search_revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->search_revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (GTK_REVEALER (self->search_revealer), bar);
  return self->search_revealer;
}

static GtkWidget *
build_status_strip (CdEditor *self)
{
  GtkWidget *strip;

  strip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (strip, "cd-status-strip");

  self->words_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->words_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->words_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->words_label, TRUE);
  gtk_widget_add_css_class (self->words_label, "numeric");
  gtk_box_append (GTK_BOX (strip), self->words_label);

  self->target_bar = gtk_level_bar_new_for_interval (0, 1.2);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (self->target_bar), GTK_LEVEL_BAR_OFFSET_LOW, 0.9);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (self->target_bar), GTK_LEVEL_BAR_OFFSET_HIGH,
                                  1.1);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (self->target_bar), GTK_LEVEL_BAR_OFFSET_FULL,
                                  1.2);
  gtk_widget_set_size_request (self->target_bar, 96, -1);
  gtk_widget_set_valign (self->target_bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Length target"), -1);
  gtk_box_append (GTK_BOX (strip), self->target_bar);

  self->target_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->target_label, "numeric");
  gtk_box_append (GTK_BOX (strip), self->target_label);
  return strip;
}

/* Escape closes the find bar when it is open, and is left alone otherwise. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  CdEditor *self = CD_EDITOR (widget);

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (self->search_revealer)))
    return FALSE;
  cd_editor_hide_search (self);
  return TRUE;
}

static void
cd_editor_dispose (GObject *object)
{
  CdEditor  *self = CD_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->status_id, g_source_remove);
  g_clear_handle_id (&self->language_id, g_source_remove);
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  cd_editor_set_article (self, NULL);
  if (self->font_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->font_css));
  g_clear_object (&self->font_css);
  g_clear_object (&self->search);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cd_editor_parent_class)->dispose (object);
}

/* Loading the Markdown language parses and validates its definition files,
 * a good part of start-up; it waits until the body is on screen, and the
 * colours follow a moment later. */
static gboolean
set_language_cb (gpointer data)
{
  CdEditor                 *self = data;
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  self->language_id = 0;
  gtk_source_buffer_set_language (self->buffer,
                                  gtk_source_language_manager_get_language (languages,
                                                                            "markdown"));
  return G_SOURCE_REMOVE;
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      CdEditor      *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, self);
  if (self->language_id == 0 && gtk_source_buffer_get_language (self->buffer) == NULL)
    self->language_id = g_idle_add (set_language_cb, self);
}

static void
cd_editor_map (GtkWidget *widget)
{
  CdEditor *self = CD_EDITOR (widget);

  GTK_WIDGET_CLASS (cd_editor_parent_class)->map (widget);

  if (gtk_source_buffer_get_language (self->buffer) == NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (after_first_paint_cb), self, G_CONNECT_AFTER);
  queue_reveal_cursor (self);
}

/* Nothing waits for a frame of a clock the editor no longer paints on; a
 * reveal still to come waits for the next map. */
static void
cd_editor_unmap (GtkWidget *widget)
{
  CdEditor      *self = CD_EDITOR (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, self);
  g_signal_handlers_disconnect_by_func (clock, reveal_after_paint_cb, self);
  g_clear_handle_id (&self->reveal_id, g_source_remove);

  GTK_WIDGET_CLASS (cd_editor_parent_class)->unmap (widget);
}

static gboolean
cd_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CD_EDITOR (widget)->view));
}

static void
cd_editor_class_init (CdEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_editor_dispose;
  widget_class->grab_focus = cd_editor_grab_focus;
  widget_class->map = cd_editor_map;
  widget_class->unmap = cd_editor_unmap;

  /**
   * CdEditor::scrolled:
   *
   * The body scrolled; the first visible line may have changed.
   */
  signals[SCROLLED] = g_signal_new ("scrolled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cdeditor");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
cd_editor_init (CdEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  self->view = GTK_SOURCE_VIEW (gtk_source_view_new_with_buffer (self->buffer));
  g_object_unref (self->buffer);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->view), 24);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->view), 24);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->view), 48);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self->view), 2);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self->view), 2);
  gtk_source_view_set_tab_width (self->view, 4);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "cd-body");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Body"), -1);

  self->search = gtk_source_search_context_new (self->buffer, NULL);
  gtk_source_search_settings_set_wrap_around (gtk_source_search_context_get_settings (self->search),
                                              TRUE);
  g_signal_connect_object (self->search, "notify::occurrences-count",
                           G_CALLBACK (update_match_label), self, G_CONNECT_SWAPPED);

  gtk_widget_set_parent (build_search_bar (self), GTK_WIDGET (self));

  self->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (hadjustment_value_cb), self,
                           G_CONNECT_SWAPPED);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (vadjustment_range_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (vadjustment_range_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (scrolled_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_parent (build_status_strip (self), GTK_WIDGET (self));

  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);
  update_status (self);
}

GtkWidget *
cd_editor_new (void)
{
  return g_object_new (CD_TYPE_EDITOR, NULL);
}

/**
 * cd_editor_set_article:
 * @article: (nullable): the article whose body to edit
 *
 * Loads the body into the buffer, with an empty undo history, and writes
 * every later change of the buffer back into the article.
 */
void
cd_editor_set_article (CdEditor  *self,
                       CdArticle *article)
{
  g_return_if_fail (CD_IS_EDITOR (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (self->article == article)
    return;

  g_clear_signal_handler (&self->target_id, self->article);
  g_set_object (&self->article, article);

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer),
                            article != NULL && cd_article_get_body (article) != NULL
                                ? cd_article_get_body (article)
                                : "",
                            -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self->buffer), FALSE);
  self->loading = FALSE;

  if (article != NULL)
    self->target_id = g_signal_connect_object (article, "notify::length-target",
                                               G_CALLBACK (target_changed_cb), self,
                                               G_CONNECT_SWAPPED);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), article != NULL);
  update_status (self);
}

/**
 * cd_editor_get_article:
 *
 * Returns: (nullable) (transfer none): the article being edited
 */
CdArticle *
cd_editor_get_article (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);
  return self->article;
}

/**
 * cd_editor_get_view:
 *
 * Returns: (transfer none): the source view
 */
GtkSourceView *
cd_editor_get_view (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);
  return self->view;
}

/**
 * cd_editor_get_buffer:
 *
 * Returns: (transfer none): the body's buffer
 */
GtkSourceBuffer *
cd_editor_get_buffer (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);
  return self->buffer;
}

/**
 * cd_editor_set_font:
 * @font: a Pango font description such as "Monospace 11"
 */
void
cd_editor_set_font (CdEditor   *self,
                    const char *font)
{
  g_autoptr (PangoFontDescription) desc = NULL;
  g_autoptr (GString) css = g_string_new ("textview.cd-body {");
  PangoFontMask mask;

  g_return_if_fail (CD_IS_EDITOR (self));

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

/**
 * cd_editor_show_search:
 * @replace: whether to show the replace row too
 *
 * Reveals the find bar, seeded with the selection, and focuses it.
 */
void
cd_editor_show_search (CdEditor *self,
                       gboolean  replace)
{
  GtkTextBuffer *buffer;
  GtkTextIter    start, end;

  g_return_if_fail (CD_IS_EDITOR (self));

  buffer = GTK_TEXT_BUFFER (self->buffer);
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }
  gtk_widget_set_visible (self->replace_box, replace);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->search_revealer), TRUE);
  gtk_source_search_context_set_highlight (self->search, TRUE);
  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
cd_editor_hide_search (CdEditor *self)
{
  g_return_if_fail (CD_IS_EDITOR (self));

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (self->search_revealer)))
    return;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->search_revealer), FALSE);
  gtk_source_search_context_set_highlight (self->search, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

int
cd_editor_get_cursor_offset (CdEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter    iter;

  g_return_val_if_fail (CD_IS_EDITOR (self), 0);

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/**
 * cd_editor_place_cursor:
 * @offset: a character offset, or -1 for the end of the body
 *
 * Moves the cursor and scrolls it into view, with a margin above and below
 * and never sideways, once the view is on screen with its size and its
 * wrapped lines: right after an article is opened it has neither.
 */
void
cd_editor_place_cursor (CdEditor *self,
                        int       offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter    iter;

  g_return_if_fail (CD_IS_EDITOR (self));

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  self->reveal_pending = TRUE;
  queue_reveal_cursor (self);
}

void
cd_editor_select_range (CdEditor *self,
                        int       start,
                        int       end)
{
  GtkTextBuffer *buffer;
  GtkTextIter    start_iter, end_iter;

  g_return_if_fail (CD_IS_EDITOR (self));

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &start_iter, 0.2, FALSE, 0, 0);
}

/**
 * cd_editor_get_first_visible_line:
 *
 * Returns: the first line of the body in view, counting from 1 as
 *   cmark's source positions do
 */
guint
cd_editor_get_first_visible_line (CdEditor *self)
{
  GdkRectangle visible;
  GtkTextIter  iter;

  g_return_val_if_fail (CD_IS_EDITOR (self), 1);

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->view), &visible);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->view), &iter, visible.y, NULL);
  return gtk_text_iter_get_line (&iter) + 1;
}

/**
 * cd_editor_get_status_text:
 *
 * Returns: (transfer full): what the status strip shows, for tests and
 *   the accessibility tree
 */
char *
cd_editor_get_status_text (CdEditor *self)
{
  g_return_val_if_fail (CD_IS_EDITOR (self), NULL);

  if (self->status_id != 0)
    {
      g_clear_handle_id (&self->status_id, g_source_remove);
      update_status (self);
    }
  return g_strdup_printf ("%s — %s", gtk_label_get_text (GTK_LABEL (self->words_label)),
                          gtk_label_get_text (GTK_LABEL (self->target_label)));
}
