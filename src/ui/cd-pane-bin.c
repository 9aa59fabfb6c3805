/* cd-pane-bin.c: a pane beside the editor (the preview, the checks) that
 * asks for its width without insisting on it.
 *
 * Its natural width is at least its "width"; its minimum is zero, so the
 * window's minimum size, and with it how narrow a person can make the
 * window, never depends on the panes shown. The window shows a pane only
 * when it has room for its width (cd-window-panes.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-pane-bin"

#include "config.h"

#include "cd-pane-bin.h"

struct _CdPaneBin
{
  AdwBin parent_instance;

  int   width;
  guint squeezed_id;
};

G_DEFINE_FINAL_TYPE (CdPaneBin, cd_pane_bin, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SQUEEZED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
squeezed_cb (gpointer data)
{
  CdPaneBin *self = data;

  g_assert (CD_IS_PANE_BIN (self));

  self->squeezed_id = 0;
  /* Visible, not mapped: a paned hides a child it gives no width. */
  if (gtk_widget_get_visible (GTK_WIDGET (self)) &&
      gtk_widget_get_width (GTK_WIDGET (self)) < self->width)
    g_signal_emit (self, signals[SQUEEZED], 0);
  return G_SOURCE_REMOVE;
}

/* Given less than its width, the pane says so after the allocation, so
 * that its owner can make room (a divider moved back) or hide it. */
static void
cd_pane_bin_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  CdPaneBin *self = CD_PANE_BIN (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  if (child != NULL && gtk_widget_should_layout (child))
    {
      int minimum, natural;

      /* Squeezed below what the child needs (for the moment the window
       * takes to hide the pane), the child keeps its minimum and is
       * clipped. */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, height, &minimum, &natural, NULL,
                          NULL);
      gtk_widget_allocate (child, MAX (width, minimum), height, baseline, NULL);
    }
  if (width < self->width && self->squeezed_id == 0)
    self->squeezed_id = g_idle_add (squeezed_cb, self);
}

static void
cd_pane_bin_dispose (GObject *object)
{
  CdPaneBin *self = CD_PANE_BIN (object);

  g_clear_handle_id (&self->squeezed_id, g_source_remove);
  G_OBJECT_CLASS (cd_pane_bin_parent_class)->dispose (object);
}

static void
cd_pane_bin_measure (GtkWidget     *widget,
                     GtkOrientation orientation,
                     int            for_size,
                     int           *minimum,
                     int           *natural,
                     int           *minimum_baseline,
                     int           *natural_baseline)
{
  CdPaneBin *self = CD_PANE_BIN (widget);

  g_assert (minimum != NULL && natural != NULL);

  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  *minimum = *natural = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
  if (orientation != GTK_ORIENTATION_HORIZONTAL)
    return;
  *minimum = 0;
  *natural = MAX (*natural, self->width);
}

static void
cd_pane_bin_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CdPaneBin *self = CD_PANE_BIN (object);

  switch (prop_id)
    {
    case PROP_WIDTH:
      g_value_set_int (value, self->width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_pane_bin_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CdPaneBin *self = CD_PANE_BIN (object);

  switch (prop_id)
    {
    case PROP_WIDTH:
      self->width = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_pane_bin_class_init (CdPaneBinClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_pane_bin_dispose;
  object_class->get_property = cd_pane_bin_get_property;
  object_class->set_property = cd_pane_bin_set_property;
  widget_class->measure = cd_pane_bin_measure;
  widget_class->size_allocate = cd_pane_bin_size_allocate;

  /**
   * CdPaneBin:width:
   *
   * The width the pane needs to be useful, which the window keeps free for
   * it while it is shown.
   */
  properties[PROP_WIDTH] =
      g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdPaneBin::squeezed:
   *
   * The pane, shown, was given less than its width.
   */
  signals[SQUEEZED] = g_signal_new ("squeezed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cd_pane_bin_init (CdPaneBin *self)
{
  /* AdwBin lays its child out with a layout manager, which would bypass
   * this class's measure and allocation. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/**
 * cd_pane_bin_get_width:
 *
 * Returns: the width the pane needs
 */
int
cd_pane_bin_get_width (CdPaneBin *self)
{
  g_return_val_if_fail (CD_IS_PANE_BIN (self), 0);
  return self->width;
}
