/* cd-window-panes.c: the panes beside the editor and how they are laid
 * out: the preview (made after the first frame, scrolled with the editor),
 * the Checks panel, the editor's font, and what a folded (narrow) window
 * hides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-window"

#include "config.h"

#include <stdio.h>

#include "cd-check-menu.h"
#include "cd-checks-panel.h"
#include "cd-pane-bin.h"
#include "cd-window-private.h"

static void
editor_scrolled_cb (CdWindow *self)
{
  GtkScrollable *view;

  g_assert (CD_IS_WINDOW (self));

  if (self->preview == NULL || self->document == NULL)
    return;
  view = GTK_SCROLLABLE (cd_editor_get_view (self->editor));
  /* At the top of the body the preview shows the top of the page, with the
   * headline, rather than the body's first paragraph. Both go the one way
   * the preview scrolls, so a scroll still waiting for its frame (or for
   * an update to render) cannot come after this one and undo it. */
  cd_preview_scroll_to_source_line (
      self->preview, gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (view)) <= 0
                         ? 0
                         : cd_editor_get_first_visible_line (self->editor));
}

/* The Checks panel (cd-checks-panel.c) lives in checks_bin, follows the open
 * article, underlines in the editor and the metadata entries, and has the
 * window select a finding's text when the person picks it. */
static const char *checked_fields[] = {
  "headline",
  "dek",
  "byline",
  "dateline",
  "slug",
  "image_caption",
};

static void
checks_document_cb (CdWindow   *self,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  CdChecksPanel *panel;

  g_assert (CD_IS_WINDOW (self));

  panel = CD_CHECKS_PANEL (adw_bin_get_child (self->checks_bin));
  cd_checks_panel_set_article (panel, self->store,
                               self->document != NULL ? cd_document_get_article (self->document)
                                                      : NULL);
}

static void
checks_activate_finding_cb (CdWindow   *self,
                            const char *field,
                            guint       start,
                            guint       end)
{
  GtkEditable *editable;

  g_assert (CD_IS_WINDOW (self));
  g_assert (field != NULL);

  if (g_str_equal (field, "body"))
    {
      cd_editor_select_range (self->editor, start, end);
      gtk_widget_grab_focus (GTK_WIDGET (cd_editor_get_view (self->editor)));
      return;
    }
  if (g_str_equal (field, "language"))
    {
      cd_metadata_focus_language (self->metadata);
      return;
    }
  editable = cd_metadata_get_editable (self->metadata, field);
  if (editable == NULL)
    return;
  cd_metadata_set_expanded (self->metadata, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_select_region (editable, start, end);
}

/* The panel does not look for the window to report a failure in. */
static void
checks_error_cb (CdWindow   *self,
                 const char *message)
{
  g_assert (CD_IS_WINDOW (self));
  g_assert (message != NULL);

  cd_window_add_toast (self, _cd_toast_new (message));
}

static void
setup_checks_pane (CdWindow *self)
{
  CdChecksPanel *panel = CD_CHECKS_PANEL (cd_checks_panel_new ());

  g_assert (CD_IS_WINDOW (self));

  adw_bin_set_child (self->checks_bin, GTK_WIDGET (panel));
  g_settings_bind (self->settings, "headline-length-limit", cd_checks_panel_get_checker (panel),
                   "headline-limit", G_SETTINGS_BIND_GET);
  cd_checks_panel_attach (panel, "body", G_OBJECT (cd_editor_get_buffer (self->editor)));
  cd_check_menu_attach (cd_checks_panel_get_runner (panel),
                        GTK_TEXT_VIEW (cd_editor_get_view (self->editor)), "body");
  for (guint i = 0; i < G_N_ELEMENTS (checked_fields); i++)
    {
      GtkEditable *editable = cd_metadata_get_editable (self->metadata, checked_fields[i]);

      if (editable != NULL)
        cd_checks_panel_attach (panel, checked_fields[i], G_OBJECT (editable));
    }
  g_signal_connect_object (panel, "activate-finding", G_CALLBACK (checks_activate_finding_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (panel, "error", G_CALLBACK (checks_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::document", G_CALLBACK (checks_document_cb), NULL);
}

/* The preview shown narrower than it needs (its divider dragged, or the
 * window narrowed) while the window has room for it: the divider moves back,
 * so a preview that is on is never a sliver. */
static gboolean
preview_squeezed (CdWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));
  int need = cd_pane_bin_get_width (CD_PANE_BIN (self->preview_bin));
  int editor = 0, unused;

  g_assert (CD_IS_WINDOW (self));

  gtk_widget_get_size_request (self->editor_column, &editor, &unused);
  return gtk_widget_get_visible (GTK_WIDGET (self->preview_bin)) && width >= editor + need &&
         gtk_widget_get_width (GTK_WIDGET (self->preview_bin)) < need;
}

static void
preview_squeezed_cb (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  if (preview_squeezed (self))
    gtk_paned_set_position (self->paned,
                            gtk_paned_get_position (self->paned) -
                                (cd_pane_bin_get_width (CD_PANE_BIN (self->preview_bin)) -
                                 gtk_widget_get_width (GTK_WIDGET (self->preview_bin))));
}

/* A folded (narrow) window has room for the editor alone: the preview and
 * the checks stay hidden (their buttons make way for the title, see
 * _cd_window_setup_panes()); the article menu still reaches everything. Unfolded, a pane shows when its
 * setting is on and the window has room for it (see
 * _cd_window_panes_allocated()). */
static void
update_panes (CdWindow *self)
{
  gboolean folded, preview, checks;

  g_assert (CD_IS_WINDOW (self));

  folded = adw_leaflet_get_folded (self->leaflet);
  preview = g_settings_get_boolean (self->settings, "show-preview") && !folded &&
            self->room_for_preview;
  checks = g_settings_get_boolean (self->settings, "show-checks") && !folded &&
           self->room_for_checks;
  gtk_widget_set_visible (GTK_WIDGET (self->preview_bin), preview);
  if (self->pending_position > 0)
    {
      gtk_paned_set_position (self->paned, self->pending_position);
      self->pending_position = 0;
    }
  /* The pane slides when the person turns it on or off (F7); when the
   * window's width decides, it goes at once: a slide would keep the layout
   * moving, and the leaflet deciding again, for a quarter second. */
  gtk_revealer_set_transition_duration (
      self->checks_revealer,
      g_settings_get_boolean (self->settings, "show-checks") != self->checks_setting_shown ? 200
                                                                                           : 0);
  self->checks_setting_shown = g_settings_get_boolean (self->settings, "show-checks");
  gtk_revealer_set_reveal_child (self->checks_revealer, checks);
}

static gboolean
update_panes_cb (gpointer data)
{
  CdWindow *self = data;

  g_assert (CD_IS_WINDOW (self));

  self->panes_idle_id = 0;
  update_panes (self);
  return G_SOURCE_REMOVE;
}

static int
width_request (GtkWidget *widget)
{
  int width, height;

  g_assert (GTK_IS_WIDGET (widget));

  gtk_widget_get_size_request (widget, &width, &height);
  return MAX (width, 0);
}

/* Once a pane is shown it stays until the window is narrower than it
 * needs; hidden, it comes back only this much wider than that. Without
 * the margin a width at the edge would show the pane, which makes the
 * leaflet fold, which hides it, which unfolds the leaflet, and so on. */
#define PANE_HYSTERESIS 48

/* Whether the window, @width wide, has room for the preview and for the
 * checks, from the panes' minimum widths: the sidebar and the editor
 * first, then the preview, then the checks. A change is applied after the
 * allocation, which it would otherwise change in the middle. */
void
_cd_window_panes_allocated (CdWindow *self,
                            int       width)
{
  int      base, with_preview, with_checks;
  gboolean preview, checks, placed = FALSE;

  g_assert (CD_IS_WINDOW (self));

  if (self->editor_column == NULL || self->settings == NULL)
    return;
  base = width_request (GTK_WIDGET (self->sidebar)) + width_request (self->editor_column);
  with_preview = base + cd_pane_bin_get_width (CD_PANE_BIN (self->preview_bin));
  preview = width >= with_preview + (self->room_for_preview ? 0 : PANE_HYSTERESIS);
  with_checks = (preview && g_settings_get_boolean (self->settings, "show-preview")
                     ? with_preview
                     : base) +
                cd_pane_bin_get_width (CD_PANE_BIN (self->checks_bin));
  checks = width >= with_checks + (self->room_for_checks ? 0 : PANE_HYSTERESIS);
  /* A divider the person never placed (and no width remembered from last
   * time) gives the preview two fifths of the room beside the editor. */
  g_object_get (self->paned, "position-set", &placed, NULL);
  if (!placed && gtk_widget_get_visible (GTK_WIDGET (self->preview_bin)))
    {
      int room = gtk_widget_get_width (GTK_WIDGET (self->paned));
      int editor = width_request (self->editor_column);

      if (room > 0 && room >= editor + cd_pane_bin_get_width (CD_PANE_BIN (self->preview_bin)))
        self->pending_position = MAX (editor, room * 3 / 5);
    }
  if (self->pending_position > 0 && self->panes_idle_id == 0)
    self->panes_idle_id = g_idle_add (update_panes_cb, self);
  if (preview == self->room_for_preview && checks == self->room_for_checks)
    return;
  self->room_for_preview = preview;
  self->room_for_checks = checks;
  if (self->panes_idle_id == 0)
    self->panes_idle_id = g_idle_add (update_panes_cb, self);
}

/* The leaflet folds while it is being allocated; the panes change after
 * that, not in the middle of it. */
static void
folded_changed_cb (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  if (self->panes_idle_id == 0)
    self->panes_idle_id = g_idle_add (update_panes_cb, self);
}

static void
editor_font_changed_cb (CdWindow *self)
{
  g_autofree char *font = NULL;

  g_assert (CD_IS_WINDOW (self));

  font = g_settings_get_string (self->settings, "editor-font");
  cd_editor_set_font (self->editor, font);
}

/* Every later frame (COPYDESK_REPORT_FRAMES=all), so that a benchmark sees
 * when the window stops redrawing after it opens. */
static void
frame_painted_cb (GdkFrameClock *clock,
                  CdWindow      *self)
{
  g_assert (GDK_IS_FRAME_CLOCK (clock));
  g_assert (CD_IS_WINDOW (self));

  printf ("frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
}

static void
first_paint_cb (GdkFrameClock *clock,
                CdWindow      *self)
{
  g_assert (GDK_IS_FRAME_CLOCK (clock));
  g_assert (CD_IS_WINDOW (self));

  /* Benchmarks read these lines; see tests/bench/. */
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  if (g_getenv ("COPYDESK_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  else if (g_strcmp0 (g_getenv ("COPYDESK_REPORT_FRAMES"), "all") == 0)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (frame_painted_cb), self,
                             G_CONNECT_AFTER);
}

static void
preview_loaded_cb (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  if (self->preview != NULL && cd_preview_get_loaded (self->preview) &&
      g_getenv ("COPYDESK_REPORT_FRAMES") != NULL)
    {
      printf ("preview-loaded %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      fflush (stdout);
    }
}

/* A link clicked in the preview opens over this window. */
static gboolean
preview_activate_link_cb (CdWindow   *self,
                          const char *uri)
{
  g_assert (CD_IS_WINDOW (self));
  g_assert (uri != NULL);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
  return TRUE;
}

/* The web view is made after the window's first frame: WebKit takes a
 * while to set up, and the article should be on screen first. */
static gboolean
create_preview_cb (gpointer data)
{
  CdWindow *self = data;

  g_assert (CD_IS_WINDOW (self));

  self->preview_idle_id = 0;
  if (self->preview != NULL)
    return G_SOURCE_REMOVE;

  self->preview = cd_preview_new ();
  cd_preview_set_store (self->preview, self->store);
  adw_bin_set_child (self->preview_bin, GTK_WIDGET (self->preview));
  g_settings_bind (self->settings, "allow-remote-images", self->preview, "allow-remote-images",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->preview, "notify::loaded", G_CALLBACK (preview_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "activate-link", G_CALLBACK (preview_activate_link_cb),
                           self, G_CONNECT_SWAPPED);
  if (self->document != NULL)
    cd_preview_set_article (self->preview, cd_document_get_article (self->document));
  g_object_notify (G_OBJECT (self), "preview");
  return G_SOURCE_REMOVE;
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      CdWindow      *self)
{
  g_assert (GDK_IS_FRAME_CLOCK (clock));
  g_assert (CD_IS_WINDOW (self));

  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, self);
  /* Ahead of the text view's layout idles: they lay out the whole article
   * (seconds for 10,000 words on a slow machine) and an ordinary idle
   * waited for all of them. Made at once, the web view's processes start
   * and load the page on the other core meanwhile. */
  if (self->preview == NULL && self->preview_idle_id == 0)
    self->preview_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, create_preview_cb, self, NULL);
}

/* Called when the window is mapped: the preview's width as it was left,
 * and the preview made once the first frame is painted. */
void
_cd_window_map_panes (CdWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int        position;

  g_assert (CD_IS_WINDOW (self));

  position = g_settings_get_int (self->settings, "preview-position");
  if (position > 0)
    gtk_paned_set_position (self->paned, position);

  if (self->preview == NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (after_first_paint_cb), self, G_CONNECT_AFTER);

  if (g_getenv ("COPYDESK_REPORT_FRAMES") != NULL && !self->reported_frame)
    {
      self->reported_frame = TRUE;
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (first_paint_cb), self, G_CONNECT_AFTER);
    }
}

/* Called when the window closes: the preview's width, for next time. */
void
_cd_window_save_panes (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->preview_bin)) &&
      gtk_widget_get_mapped (GTK_WIDGET (self->paned)))
    g_settings_set_int (self->settings, "preview-position", gtk_paned_get_position (self->paned));
}

void
_cd_window_setup_panes (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  g_signal_connect_object (self->editor, "scrolled", G_CALLBACK (editor_scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview_bin, "squeezed", G_CALLBACK (preview_squeezed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-preview", G_CALLBACK (update_panes),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-checks", G_CALLBACK (update_panes),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* The header's pane buttons make way for the back button in the same
   * layout pass that shows it: one frame with both would ask for a wider
   * window than the folded one needs, and the window would keep that
   * width. */
  g_object_bind_property (self->leaflet, "folded", self->preview_toggle, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->leaflet, "folded", self->checks_toggle, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->leaflet, "folded", self->history_button, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (self->settings, "changed::editor-font",
                           G_CALLBACK (editor_font_changed_cb), self, G_CONNECT_SWAPPED);
  update_panes (self);
  editor_font_changed_cb (self);
  setup_checks_pane (self);
}

void
_cd_window_dispose_panes (CdWindow *self)
{
  g_assert (CD_IS_WINDOW (self));

  g_clear_handle_id (&self->preview_idle_id, g_source_remove);
  g_clear_handle_id (&self->panes_idle_id, g_source_remove);
}
