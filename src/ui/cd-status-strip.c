/* cd-status-strip.c: words, characters, reading time and progress to the
 * length target, under the body.
 *
 * The strip follows the article (its body and its length target) and
 * counts the characters of the buffer the body is edited in. While the
 * person types it is recounted at most every STATUS_DELAY_MS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-status-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-status-strip.h"
#include "cd-ui-util.h"

struct _CdStatusStrip
{
  GtkWidget parent_instance;

  CdArticle     *article;
  GtkTextBuffer *buffer;
  gulong         notify_id;
  guint          status_id;

  GtkWidget *words_label;
  GtkWidget *target_bar;
  GtkWidget *target_label;
};

G_DEFINE_FINAL_TYPE (CdStatusStrip, cd_status_strip, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_BUFFER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The status strip is recounted at most this often while typing. */
#define STATUS_DELAY_MS 250

static void
update_status (CdStatusStrip *self)
{
  g_autofree char *words_text = NULL;
  g_autofree char *chars_text = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *text = NULL;
  guint            words = 0;
  guint            target = 0;
  int              chars = 0;
  guint            minutes;

  g_assert (CD_IS_STATUS_STRIP (self));

  if (self->article != NULL)
    {
      words = cd_count_body_words (cd_article_get_body (self->article));
      target = cd_article_get_length_target (self->article);
    }
  if (self->buffer != NULL)
    chars = gtk_text_buffer_get_char_count (self->buffer);
  minutes = (words + CD_STATUS_STRIP_WORDS_PER_MINUTE - 1) / CD_STATUS_STRIP_WORDS_PER_MINUTE;

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
      _cd_widget_set_css_class (self->target_label, "error", fraction > 1.1);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->target_label), _ ("No length target"));
}

static gboolean
status_timeout_cb (gpointer data)
{
  CdStatusStrip *self = data;

  g_assert (CD_IS_STATUS_STRIP (self));

  self->status_id = 0;
  update_status (self);
  return G_SOURCE_REMOVE;
}

static void
article_notify_cb (CdStatusStrip *self,
                   GParamSpec    *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  g_assert (pspec != NULL);

  g_assert (CD_IS_STATUS_STRIP (self));

  if (g_str_equal (name, "body") || g_str_equal (name, "length-target"))
    cd_status_strip_queue (self);
}

static void
cd_status_strip_dispose (GObject *object)
{
  CdStatusStrip *self = CD_STATUS_STRIP (object);

  g_clear_handle_id (&self->status_id, g_source_remove);
  g_clear_signal_handler (&self->notify_id, self->article);
  g_clear_object (&self->article);
  g_clear_object (&self->buffer);
  _cd_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_STATUS_STRIP);

  G_OBJECT_CLASS (cd_status_strip_parent_class)->dispose (object);
}

static void
cd_status_strip_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CdStatusStrip *self = CD_STATUS_STRIP (object);

  switch (prop_id)
    {
    case PROP_BUFFER:
      g_value_set_object (value, self->buffer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_status_strip_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CdStatusStrip *self = CD_STATUS_STRIP (object);

  switch (prop_id)
    {
    case PROP_BUFFER:
      cd_status_strip_set_buffer (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_status_strip_class_init (CdStatusStripClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_status_strip_dispose;
  object_class->get_property = cd_status_strip_get_property;
  object_class->set_property = cd_status_strip_set_property;

  /**
   * CdStatusStrip:buffer:
   *
   * The buffer the body is edited in, whose characters are counted.
   */
  properties[PROP_BUFFER] =
      g_param_spec_object ("buffer", NULL, NULL, GTK_TYPE_TEXT_BUFFER,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cd-status-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, CdStatusStrip, words_label);
  gtk_widget_class_bind_template_child (widget_class, CdStatusStrip, target_bar);
  gtk_widget_class_bind_template_child (widget_class, CdStatusStrip, target_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cdstatusstrip");
}

static void
cd_status_strip_init (CdStatusStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_status (self);
}

/**
 * cd_status_strip_new:
 * @buffer: (nullable): the buffer whose characters to count
 *
 * Returns: (transfer full): a new status strip
 */
GtkWidget *
cd_status_strip_new (GtkTextBuffer *buffer)
{
  g_return_val_if_fail (buffer == NULL || GTK_IS_TEXT_BUFFER (buffer), NULL);

  return g_object_new (CD_TYPE_STATUS_STRIP, "buffer", buffer, NULL);
}

/**
 * cd_status_strip_set_buffer:
 * @buffer: (nullable): the buffer whose characters to count
 */
void
cd_status_strip_set_buffer (CdStatusStrip *self,
                            GtkTextBuffer *buffer)
{
  g_return_if_fail (CD_IS_STATUS_STRIP (self));
  g_return_if_fail (buffer == NULL || GTK_IS_TEXT_BUFFER (buffer));

  if (!g_set_object (&self->buffer, buffer))
    return;
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUFFER]);
}

/**
 * cd_status_strip_set_article:
 * @article: (nullable): the article to count, followed as it changes
 */
void
cd_status_strip_set_article (CdStatusStrip *self,
                             CdArticle     *article)
{
  g_return_if_fail (CD_IS_STATUS_STRIP (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  _cd_follow_object ((gpointer *) &self->article, &self->notify_id, article, "notify",
                     G_CALLBACK (article_notify_cb), self);
  g_clear_handle_id (&self->status_id, g_source_remove);
  update_status (self);
}

/**
 * cd_status_strip_queue:
 *
 * Counts again a moment from now, as after an edit.
 */
void
cd_status_strip_queue (CdStatusStrip *self)
{
  g_return_if_fail (CD_IS_STATUS_STRIP (self));

  if (self->status_id == 0)
    self->status_id = g_timeout_add (STATUS_DELAY_MS, status_timeout_cb, self);
}

/**
 * cd_status_strip_get_text:
 *
 * Returns: (transfer full): what the strip shows, for tests and the
 *   accessibility tree
 */
char *
cd_status_strip_get_text (CdStatusStrip *self)
{
  g_return_val_if_fail (CD_IS_STATUS_STRIP (self), NULL);

  if (self->status_id != 0)
    {
      g_clear_handle_id (&self->status_id, g_source_remove);
      update_status (self);
    }
  return g_strdup_printf ("%s — %s", gtk_label_get_text (GTK_LABEL (self->words_label)),
                          gtk_label_get_text (GTK_LABEL (self->target_label)));
}
