/* test-layout.c: the window's layout at every width, under Xvfb: it
 * reaches a fixed point within two frames of a resize, and the panes come
 * back when there is room again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cd-checks-panel.h"
#include "cd-ui-test.h"

/* What a person sees of the layout: folded or not, the preview shown, the
 * checks pane revealed. */
typedef struct
{
  gboolean folded;
  gboolean preview;
  gboolean checks;
} Layout;

typedef struct
{
  CdWindow *window;
  GArray   *seen; /* of Layout, one a frame */
} Frames;

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static Layout
layout_of (CdWindow *window)
{
  GtkWidget *leaflet = find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
  GtkWidget *panel = find_type (GTK_WIDGET (window), CD_TYPE_CHECKS_PANEL);
  GtkWidget *revealer = gtk_widget_get_ancestor (panel, GTK_TYPE_REVEALER);
  GtkWidget *preview = GTK_WIDGET (cd_window_get_preview (window));
  Layout     layout;

  layout.folded = adw_leaflet_get_folded (ADW_LEAFLET (leaflet));
  layout.preview = preview != NULL && gtk_widget_is_visible (preview);
  layout.checks = gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
  return layout;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Frames *frames = data;
  Layout  layout = layout_of (frames->window);

  g_array_append_val (frames->seen, layout);
  return G_SOURCE_CONTINUE;
}

static gboolean
enough_frames (gpointer data)
{
  return ((Frames *) data)->seen->len >= 16;
}

typedef struct
{
  CdWindow *window;
  int       width;
} Width;

static gboolean
has_width (gpointer data)
{
  Width *want = data;

  return gtk_widget_get_width (GTK_WIDGET (want->window)) == want->width;
}

/* The X window's width: with client-side decorations it is wider than
 * the GTK window by the shadow's margins. */
static int
x_width (const char *xid)
{
  const char      *argv[] = { "xdotool", "getwindowgeometry", "--shell", xid, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *at;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL,
                &error);
  g_assert_no_error (error);
  at = strstr (out, "WIDTH=");
  g_assert_nonnull (at);
  return atoi (at + strlen ("WIDTH="));
}

static gboolean
preview_ready (gpointer data)
{
  return cd_window_get_preview (CD_WINDOW (data)) != NULL;
}

static void
test_width_sweep (CdUiFixture  *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_ui_add_article (fixture->store, "Harbour budget",
                                                     "The council voted.\n\nMore follows.");
  static const int widths[] = { 1280, 360, 480, 640, 680, 720, 760, 800, 840, 880,
                                900, 940, 1000, 1100, 1200, 1240, 700, 1280 };
  CdWindow        *window = cd_ui_start (fixture, cd_article_get_uuid (article));
  GSettings       *settings = cd_application_get_settings (fixture->app);
  g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (window)));
  Layout           last = { 0 };
  int              margin;
  guint            settled, most_frames = 0;

  g_settings_set_boolean (settings, "show-preview", TRUE);
  g_settings_set_boolean (settings, "show-checks", TRUE);
  g_assert_true (cd_ui_wait_for (preview_ready, window, 10000));
  margin = x_width (xid) - gtk_widget_get_width (GTK_WIDGET (window));
  g_assert_cmpint (margin, >=, 0);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *w = g_strdup_printf ("%d", widths[i]);
      const char      *argv[] = { "xdotool", "windowsize", "--sync", xid, w, "700", NULL };
      Width            want = { window, widths[i] - margin };
      Frames           frames = { window, g_array_new (FALSE, FALSE, sizeof (Layout)) };
      guint            id;

      cd_ui_run (argv);
      if (!cd_ui_wait_for (has_width, &want, 10000))
        g_error ("Asked for %d px, the window is %d px wide", widths[i] - margin,
                 gtk_widget_get_width (GTK_WIDGET (window)));
      id = gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &frames, NULL);
      g_assert_true (cd_ui_wait_for (enough_frames, &frames, 20000));
      gtk_widget_remove_tick_callback (GTK_WIDGET (window), id);

      /* The layout reaches a fixed point within a few frames and stays
       * there: the last half of the frames watched are all alike (before
       * the panes were made steady, some widths flipped between layouts
       * every frame). The frame it settled at is reported. */
      last = g_array_index (frames.seen, Layout, frames.seen->len - 1);
      settled = 0;
      for (guint f = 0; f < frames.seen->len; f++)
        {
          Layout *at = &g_array_index (frames.seen, Layout, f);

          if (at->folded != last.folded || at->preview != last.preview ||
              at->checks != last.checks)
            {
              if (f >= frames.seen->len / 2)
                g_error ("At %d px the layout still changed at frame %u of %u", widths[i], f,
                         frames.seen->len);
              settled = f + 1;
            }
        }
      most_frames = MAX (most_frames, settled);
      g_test_message ("%4d px: settled at frame %u: %s, preview %s, checks %s", widths[i],
                      settled,
                      last.folded ? "folded" : "unfolded", last.preview ? "shown" : "hidden",
                      last.checks ? "shown" : "hidden");
      g_array_unref (frames.seen);
      /* And the window kept the width it was given: a frame that asked
       * for more (the pane buttons beside the back button) grew it. */
      if (gtk_widget_get_width (GTK_WIDGET (window)) != widths[i] - margin)
        g_error ("At %d px the window grew itself to %d px", widths[i],
                 gtk_widget_get_width (GTK_WIDGET (window)) + margin);

      /* Narrow, the editor alone; wide, everything the settings ask for. */
      if (widths[i] <= 480)
        g_assert_true (last.folded);
      if (widths[i] >= 1200)
        g_assert_true (!last.folded && last.preview && last.checks);
    }

  g_test_message ("the layout settled within %u frames of each resize", most_frames);

  /* The preview came back with room to show the article, not squeezed. */
  g_assert_cmpint (
      gtk_widget_get_width (gtk_widget_get_parent (GTK_WIDGET (cd_window_get_preview (window)))),
      >=, 200);
  g_settings_reset (settings, "show-checks");
  g_settings_reset (settings, "show-preview");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/layout/width-sweep", CdUiFixture, NULL, cd_ui_fixture_setup, test_width_sweep,
              cd_ui_fixture_teardown);
  return g_test_run ();
}
