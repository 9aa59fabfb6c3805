/* cd-metadata.c: the article's fields other than the body.
 *
 * The headline and dek sit above the body like a page's title; the other
 * fields are a compact grid that reflows on narrow windows and can be
 * folded away. Every change goes straight into the article, which the
 * document saves like the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-metadata"

#include "config.h"

#include "cd-article-row.h"
#include "cd-featured-image.h"
#include "cd-metadata-private.h"
#include "cd-metadata.h"
#include "cd-publish-bar.h"
#include "cd-sync-publish.h"
#include "cd-ui-util.h"

struct _CdMetadata
{
  GtkWidget parent_instance;

  CdArticle *article;
  gulong     notify_id;

  GHashTable *entries; /* field name → GtkEntry */

  GtkWidget *headline;
  GtkWidget *dek;
  GtkWidget *expander;
  GtkWidget *byline;
  GtkWidget *dateline;
  GtkWidget *source;
  GtkWidget *slug;
  GtkWidget *section;
  GtkWidget *tags;
  GtkWidget *status;
  GtkWidget *length;
  GtkWidget *language;
  GtkWidget *embargo_date;
  GtkWidget *embargo_time;
  GtkWidget *embargo_zone;
  GtkWidget *embargo_message;
  GtkWidget *ednote;
  GtkWidget *featured_image;
  GtkWidget *publish_bar;

  CdEmbargoEntries embargo;
  CdLanguageChoice language_choice;

  guint loading : 1;
  guint slug_follows_headline : 1;
};

G_DEFINE_FINAL_TYPE (CdMetadata, cd_metadata, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
load_field (CdMetadata *self,
            const char *field)
{
  GtkWidget       *entry;
  g_autofree char *value = NULL;

  g_assert (CD_IS_METADATA (self));
  g_assert (field != NULL);

  if (g_str_equal (field, "status"))
    {
      self->loading = TRUE;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status),
                                  self->article ? cd_article_get_status (self->article) : 0);
      self->loading = FALSE;
      return;
    }
  if (g_str_equal (field, "length-target"))
    {
      self->loading = TRUE;
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->length),
                                 self->article ? cd_article_get_length_target (self->article) : 0);
      self->loading = FALSE;
      return;
    }
  if (g_str_equal (field, "embargo"))
    {
      _cd_embargo_entries_load (&self->embargo, self->article);
      return;
    }
  if (g_str_equal (field, "language"))
    {
      _cd_language_choice_load (&self->language_choice, self->article);
      return;
    }

  /* The embargo's three entries are loaded together above. */
  entry = g_hash_table_lookup (self->entries, field);
  if (entry == NULL || g_str_has_prefix (field, "embargo-"))
    return;
  if (self->article != NULL)
    value = cd_article_get_field (self->article, field);
  /* The tag list is only rewritten from the article when it means something
   * else, so that typing "a, " keeps its trailing comma. */
  if (g_str_equal (field, "tags"))
    {
      g_autoptr (CdArticle) scratch = cd_article_new ();
      g_autofree char *typed = NULL;

      cd_article_set_field (scratch, "tags", gtk_editable_get_text (GTK_EDITABLE (entry)), NULL);
      typed = cd_article_get_field (scratch, "tags");
      if (g_strcmp0 (typed, value) == 0)
        return;
    }
  self->loading = TRUE;
  _cd_editable_load_text (entry, value);
  self->loading = FALSE;
}

static void
article_notify_cb (CdMetadata *self,
                   GParamSpec *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  g_assert (CD_IS_METADATA (self));
  g_assert (pspec != NULL);

  if (g_str_equal (name, "length-target") || g_str_equal (name, "status") ||
      g_str_equal (name, "embargo") || g_str_equal (name, "language"))
    load_field (self, name);
  else if (g_hash_table_contains (self->entries, name))
    load_field (self, name);
}

static void
entry_changed_cb (GtkEditable *entry,
                  CdMetadata  *self)
{
  const char *field = g_object_get_data (G_OBJECT (entry), "cd-field");
  const char *text = gtk_editable_get_text (entry);
  g_autoptr (GError) error = NULL;

  g_assert (GTK_IS_EDITABLE (entry));
  g_assert (CD_IS_METADATA (self));

  if (self->loading || self->article == NULL)
    return;

  if (g_str_equal (field, "slug"))
    self->slug_follows_headline = (*text == '\0');

  if (!cd_article_set_field (self->article, field, text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);

  if (g_str_equal (field, "headline") && self->slug_follows_headline)
    {
      g_autofree char *slug = cd_make_slug (text);

      cd_article_set_slug (self->article, *slug ? slug : NULL);
    }
}

static void
status_changed_cb (CdMetadata *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status));

  g_assert (CD_IS_METADATA (self));

  if (self->loading || self->article == NULL || selected >= CD_ARTICLE_N_STATUSES)
    return;
  cd_article_set_status (self->article, selected);
}

static void
language_changed_cb (CdMetadata *self)
{
  const char *tag = _cd_language_choice_get_selected (&self->language_choice);

  g_assert (CD_IS_METADATA (self));

  if (self->article == NULL || tag == NULL || g_strcmp0 (tag, cd_article_get_language (self->article)) == 0)
    return;
  cd_article_set_language (self->article, tag);
}

static void
length_changed_cb (CdMetadata *self)
{
  g_assert (CD_IS_METADATA (self));

  if (self->loading || self->article == NULL)
    return;
  cd_article_set_length_target (self->article,
                                gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->length)));
}

/* The embargo is three entries: date, time and time zone, read together
 * (cd-metadata-embargo.c). Until they say a moment the article keeps its
 * embargo; all three empty clears it. */
static void
embargo_changed_cb (CdMetadata *self)
{
  g_autoptr (GDateTime) embargo = NULL;

  g_assert (CD_IS_METADATA (self));

  if (self->loading || self->article == NULL)
    return;
  if (_cd_embargo_entries_read (&self->embargo, &embargo))
    cd_article_set_embargo (self->article, embargo);
}

static void
expander_notify_cb (CdMetadata *self)
{
  g_assert (CD_IS_METADATA (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

static void
cd_metadata_dispose (GObject *object)
{
  CdMetadata *self = CD_METADATA (object);

  cd_metadata_set_article (self, NULL);
  _cd_language_choice_clear (&self->language_choice);
  _cd_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_METADATA);

  G_OBJECT_CLASS (cd_metadata_parent_class)->dispose (object);
}

static void
cd_metadata_finalize (GObject *object)
{
  CdMetadata *self = CD_METADATA (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  _cd_embargo_entries_clear (&self->embargo);

  G_OBJECT_CLASS (cd_metadata_parent_class)->finalize (object);
}

static void
cd_metadata_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CdMetadata *self = CD_METADATA (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, cd_metadata_get_expanded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_metadata_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CdMetadata *self = CD_METADATA (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      cd_metadata_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_metadata_class_init (CdMetadataClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_metadata_dispose;
  object_class->finalize = cd_metadata_finalize;
  object_class->get_property = cd_metadata_get_property;
  object_class->set_property = cd_metadata_set_property;

  properties[PROP_EXPANDED] =
      g_param_spec_boolean ("expanded", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CD_TYPE_FEATURED_IMAGE);
  g_type_ensure (CD_TYPE_PUBLISH_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-metadata.ui");
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, headline);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, dek);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, expander);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, byline);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, dateline);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, source);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, slug);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, section);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, tags);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, status);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, language);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, length);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, embargo_date);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, embargo_time);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, embargo_zone);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, embargo_message);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, ednote);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, featured_image);
  gtk_widget_class_bind_template_child (widget_class, CdMetadata, publish_bar);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, length_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, embargo_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, expander_notify_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cdmetadata");
}

/* The wheel scrolls the details; it never changes the length target the
 * pointer happens to pass over on the way. The spin button's own scroll
 * handler is turned off; its buttons and the keyboard still change it. */
static void
ignore_wheel (GtkWidget *widget)
{
  g_autoptr (GListModel) controllers = NULL;

  g_assert (GTK_IS_WIDGET (widget));

  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }
}

static void
cd_metadata_init (CdMetadata *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  for (guint s = 0; s < CD_ARTICLE_N_STATUSES; s++)
    gtk_string_list_append (statuses, cd_article_row_status_label (s));
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The entries by the field they edit, which entry_changed_cb() and the
   * checks look them up by. The embargo's three are read together. */
  {
    const struct
    {
      const char *field;
      GtkWidget  *entry;
    } fields[] = {
      {"headline",      self->headline    },
      { "dek",          self->dek         },
      { "byline",       self->byline      },
      { "dateline",     self->dateline    },
      { "source",       self->source      },
      { "slug",         self->slug        },
      { "section",      self->section     },
      { "tags",         self->tags        },
      { "ednote",       self->ednote      },
      { "embargo-date", self->embargo_date},
      { "embargo-time", self->embargo_time},
      { "embargo-zone", self->embargo_zone},
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_object_set_data (G_OBJECT (fields[i].entry), "cd-field", (gpointer) fields[i].field);
        g_hash_table_insert (self->entries, (gpointer) fields[i].field, fields[i].entry);
      }
  }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->status), G_LIST_MODEL (statuses));
  self->embargo.date = self->embargo_date;
  self->embargo.time = self->embargo_time;
  self->embargo.zone = self->embargo_zone;
  self->embargo.message = self->embargo_message;
  self->language_choice.drop_down = GTK_DROP_DOWN (self->language);
  ignore_wheel (self->length);
  cd_metadata_set_article (self, NULL);
}

GtkWidget *
cd_metadata_new (void)
{
  return g_object_new (CD_TYPE_METADATA, NULL);
}

/**
 * cd_metadata_set_article:
 * @article: (nullable): the article to show and edit
 */
void
cd_metadata_set_article (CdMetadata *self,
                         CdArticle  *article)
{
  g_autofree char *derived = NULL;
  GHashTableIter   iter;
  const char      *field;

  g_return_if_fail (CD_IS_METADATA (self));

  _cd_follow_object ((gpointer *) &self->article, &self->notify_id, article, "notify",
                     G_CALLBACK (article_notify_cb), self);
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &field, NULL))
    load_field (self, field);
  load_field (self, "status");
  load_field (self, "length-target");
  load_field (self, "embargo");
  load_field (self, "language");
  cd_featured_image_set_article (CD_FEATURED_IMAGE (self->featured_image), article);

  /* The slug follows the headline until someone types a slug of their own,
   * and never on a live story, whose slug is its address. */
  if (article != NULL)
    derived = cd_make_slug (cd_article_get_headline (article));
  self->slug_follows_headline =
      article == NULL || cd_article_get_slug (article) == NULL ||
      *cd_article_get_slug (article) == '\0' ||
      (g_strcmp0 (derived, cd_article_get_slug (article)) == 0 &&
       !cd_sync_article_is_live (article));
}

/**
 * cd_metadata_get_article:
 *
 * Returns: (nullable) (transfer none): the article shown
 */
CdArticle *
cd_metadata_get_article (CdMetadata *self)
{
  g_return_val_if_fail (CD_IS_METADATA (self), NULL);
  return self->article;
}

/**
 * cd_metadata_get_editable:
 * @field: a text field's name ("headline", "dek", "byline", …), or
 *   "embargo-date", "embargo-time", "embargo-zone"
 *
 * For the checks, which underline findings in these fields.
 *
 * Returns: (nullable) (transfer none): the entry editing @field
 */
GtkEditable *
cd_metadata_get_editable (CdMetadata *self,
                          const char *field)
{
  g_return_val_if_fail (CD_IS_METADATA (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return g_hash_table_lookup (self->entries, field);
}

gboolean
cd_metadata_get_expanded (CdMetadata *self)
{
  g_return_val_if_fail (CD_IS_METADATA (self), FALSE);
  return gtk_expander_get_expanded (GTK_EXPANDER (self->expander));
}

void
cd_metadata_set_expanded (CdMetadata *self,
                          gboolean    expanded)
{
  g_return_if_fail (CD_IS_METADATA (self));
  gtk_expander_set_expanded (GTK_EXPANDER (self->expander), expanded);
}

/**
 * cd_metadata_get_featured_image:
 *
 * Returns: (transfer none): the featured image's slot
 */
CdFeaturedImage *
cd_metadata_get_featured_image (CdMetadata *self)
{
  g_return_val_if_fail (CD_IS_METADATA (self), NULL);
  return CD_FEATURED_IMAGE (self->featured_image);
}

void
cd_metadata_focus_headline (CdMetadata *self)
{
  g_return_if_fail (CD_IS_METADATA (self));
  gtk_widget_grab_focus (self->headline);
}

/**
 * cd_metadata_focus_language:
 *
 * Opens the details and moves the focus to the article's language, as a
 * language check's finding asks.
 */
void
cd_metadata_focus_language (CdMetadata *self)
{
  g_return_if_fail (CD_IS_METADATA (self));

  cd_metadata_set_expanded (self, TRUE);
  gtk_widget_grab_focus (self->language);
}

/**
 * cd_metadata_get_publish_bar:
 *
 * Returns: (transfer none): the bar with the desk's and the site's status
 *   and the Publish button, which the window keeps up to date
 */
CdPublishBar *
cd_metadata_get_publish_bar (CdMetadata *self)
{
  g_return_val_if_fail (CD_IS_METADATA (self), NULL);
  return CD_PUBLISH_BAR (self->publish_bar);
}
