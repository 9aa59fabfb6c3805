/* cd-article-row.c: one article in the library list.
 *
 * Headline on the first line; status, modification time and length on the
 * second, with the article's sync state at the end (from the CdSyncStates
 * the row is made with). Rows of the trash carry a Restore button. The
 * widget tree is in cd-article-row.ui.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-article-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-article-row.h"
#include "cd-store.h"
#include "cd-sync-badge.h"
#include "cd-ui-util.h"

struct _CdArticleRow
{
  GtkWidget parent_instance;

  CdSyncStates *states;
  CdArticle    *article;
  gulong        notify_id;
  guint         words_id;
  guint         words;

  GtkWidget *headline;
  GtkWidget *status;
  GtkWidget *details;
  GtkWidget *meta;
  GtkWidget *restore;
  GtkWidget *sync_badge; /* see cd-sync-badge.c */
};

G_DEFINE_FINAL_TYPE (CdArticleRow, cd_article_row, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SYNC_STATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A live article's length is recounted at most this often while it is
 * being typed. */
#define WORDS_DELAY_MS 1000

/**
 * cd_article_row_status_label:
 *
 * Returns: the translated name of @status for display
 */
const char *
cd_article_row_status_label (CdArticleStatus status)
{
  switch (status)
    {
    case CD_ARTICLE_STATUS_DRAFT:
      return _ ("Draft");
    case CD_ARTICLE_STATUS_READY_FOR_EDIT:
      return _ ("Ready for Edit");
    case CD_ARTICLE_STATUS_READY_TO_PUBLISH:
      return _ ("Ready to Publish");
    case CD_ARTICLE_STATUS_PUBLISHED:
      return _ ("Published");
    case CD_ARTICLE_STATUS_HELD:
      return _ ("Held");
    case CD_ARTICLE_STATUS_KILLED:
      return _ ("Killed");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * cd_article_row_headline_label:
 * @article: (nullable): an article
 *
 * Returns: @article's headline, or the translated "Untitled" when it has
 *   none (or there is no article)
 */
const char *
cd_article_row_headline_label (CdArticle *article)
{
  const char *headline;

  g_return_val_if_fail (article == NULL || CD_IS_ARTICLE (article), NULL);

  headline = article != NULL ? cd_article_get_headline (article) : NULL;
  return headline != NULL && *headline != '\0' ? headline : _ ("Untitled");
}

/**
 * cd_article_row_format_time:
 * @time: (nullable): a time
 *
 * Returns: (transfer full): @time as a list shows it: the time of day for
 *   today, "Yesterday", the weekday within a week, else the date
 */
char *
cd_article_row_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int days;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);
  {
    GDate then_day, today;

    /* Calendar days between the two local dates, not 24-hour periods. */
    g_date_set_dmy (&then_day, g_date_time_get_day_of_month (local),
                    g_date_time_get_month (local), g_date_time_get_year (local));
    g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
    days = g_date_days_between (&then_day, &today);
  }
  if (days == 0)
    return g_date_time_format (local, "%H:%M");
  if (days == 1)
    return g_strdup (_ ("Yesterday"));
  if (days > 1 && days < 7)
    return g_date_time_format (local, "%A");
  if (g_date_time_get_year (now) == g_date_time_get_year (local))
    /* Translators: a date in the library list this year; see strftime(3) */
    return g_date_time_format (local, _ ("%e %b"));
  /* Translators: a date in the library list in another year; see strftime(3) */
  return g_date_time_format (local, _ ("%e %b %Y"));
}

/* One name a screen reader says for the row: headline, status, when and
 * how long. GTK 4.8 names a list's row widget after nothing, so the name
 * goes on the row the list made around this one too. */
static void
update_accessible_name (CdArticleRow *self)
{
  g_autofree char *name = NULL;
  GtkWidget       *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  g_assert (CD_IS_ARTICLE_ROW (self));

  /* Translators: a library row as a screen reader says it: headline, status, details */
  name = g_strdup_printf (_ ("%s, %s, %s"), gtk_label_get_text (GTK_LABEL (self->headline)),
                          gtk_label_get_text (GTK_LABEL (self->status)),
                          gtk_label_get_text (GTK_LABEL (self->details)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

static void
update_details (CdArticleRow *self)
{
  g_autofree char *time = cd_article_row_format_time (cd_article_get_modified (self->article));
  g_autofree char *words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words",
                                                         self->words),
                                            self->words);
  /* Translators: modification time and length of an article in the library */
  g_autofree char *text = g_strdup_printf (_ ("%s · %s"), time, words);

  g_assert (CD_IS_ARTICLE_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->details), text);
  update_accessible_name (self);
}

static void
count_words (CdArticleRow *self)
{
  const char *body = cd_article_get_body (self->article);

  g_assert (CD_IS_ARTICLE_ROW (self));

  /* Listings carry no body; the store keeps their count. */
  if (body == NULL || *body == '\0')
    self->words = cd_store_summary_get_word_count (self->article);
  else
    self->words = cd_count_body_words (body);
}

static gboolean
words_timeout_cb (gpointer data)
{
  CdArticleRow *self = data;

  self->words_id = 0;
  count_words (self);
  update_details (self);
  return G_SOURCE_REMOVE;
}

static void
update_headline (CdArticleRow *self)
{
  const char *headline = cd_article_get_headline (self->article);

  g_assert (CD_IS_ARTICLE_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->headline), cd_article_row_headline_label (self->article));
  _cd_widget_set_css_class (self->headline, "dim-label", headline == NULL || *headline == '\0');
  update_accessible_name (self);
}

static void
update_status (CdArticleRow *self)
{
  CdArticleStatus status = cd_article_get_status (self->article);

  g_assert (CD_IS_ARTICLE_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->status), cd_article_row_status_label (status));
  for (guint s = 0; s < CD_ARTICLE_N_STATUSES; s++)
    {
      g_autofree char *css = g_strdup_printf ("cd-status-%s", cd_article_status_to_string (s));

      _cd_widget_set_css_class (self->status, css, s == status);
    }
  update_accessible_name (self);
}

static void
article_notify_cb (CdArticleRow *self,
                   GParamSpec   *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  g_assert (CD_IS_ARTICLE_ROW (self));

  if (g_str_equal (name, "headline"))
    update_headline (self);
  else if (g_str_equal (name, "status"))
    update_status (self);
  else if (g_str_equal (name, "modified"))
    update_details (self);
  else if (g_str_equal (name, "body") && self->words_id == 0)
    self->words_id = g_timeout_add (WORDS_DELAY_MS, words_timeout_cb, self);
}

static void
cd_article_row_constructed (GObject *object)
{
  CdArticleRow *self = CD_ARTICLE_ROW (object);

  G_OBJECT_CLASS (cd_article_row_parent_class)->constructed (object);

  self->sync_badge = cd_sync_badge_new (self->states);
  gtk_widget_set_hexpand (self->sync_badge, TRUE);
  gtk_widget_set_halign (self->sync_badge, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (self->meta), self->sync_badge);
}

static void
cd_article_row_dispose (GObject *object)
{
  CdArticleRow *self = CD_ARTICLE_ROW (object);

  cd_article_row_set_article (self, NULL);
  self->sync_badge = NULL;
  _cd_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_ARTICLE_ROW);
  g_clear_object (&self->states);

  G_OBJECT_CLASS (cd_article_row_parent_class)->dispose (object);
}

static void
cd_article_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CdArticleRow *self = CD_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_SYNC_STATES:
      self->states = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_article_row_class_init (CdArticleRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cd_article_row_constructed;
  object_class->dispose = cd_article_row_dispose;
  object_class->set_property = cd_article_row_set_property;

  /**
   * CdArticleRow:sync-states:
   *
   * Every article's sync state, for the row's badge; %NULL shows none.
   */
  properties[PROP_SYNC_STATES] =
      g_param_spec_object ("sync-states", NULL, NULL, CD_TYPE_SYNC_STATES,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cdarticlerow");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CdArticleRow, headline);
  gtk_widget_class_bind_template_child (widget_class, CdArticleRow, status);
  gtk_widget_class_bind_template_child (widget_class, CdArticleRow, details);
  gtk_widget_class_bind_template_child (widget_class, CdArticleRow, meta);
  gtk_widget_class_bind_template_child (widget_class, CdArticleRow, restore);
}

static void
cd_article_row_init (CdArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cd_article_row_new:
 * @states: (nullable): every article's sync state, for the row's badge
 *
 * Returns: (transfer floating): a row for no article yet
 */
GtkWidget *
cd_article_row_new (CdSyncStates *states)
{
  g_return_val_if_fail (states == NULL || CD_IS_SYNC_STATES (states), NULL);

  return g_object_new (CD_TYPE_ARTICLE_ROW, "sync-states", states, NULL);
}

/**
 * cd_article_row_set_article:
 * @article: (nullable): the article to show; the row follows its changes
 */
void
cd_article_row_set_article (CdArticleRow *self,
                            CdArticle    *article)
{
  g_return_if_fail (CD_IS_ARTICLE_ROW (self));

  if (!_cd_follow_object ((gpointer *) &self->article, &self->notify_id, article, "notify",
                          G_CALLBACK (article_notify_cb), self))
    return;

  g_clear_handle_id (&self->words_id, g_source_remove);
  if (self->sync_badge != NULL)
    cd_sync_badge_set_uuid (CD_SYNC_BADGE (self->sync_badge),
                            article != NULL ? cd_article_get_uuid (article) : NULL);
  if (article == NULL)
    return;

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->restore), "s",
                                    cd_article_get_uuid (article));
  count_words (self);
  update_headline (self);
  update_status (self);
  update_details (self);
}

/**
 * cd_article_row_get_article:
 *
 * Returns: (nullable) (transfer none): the article shown
 */
CdArticle *
cd_article_row_get_article (CdArticleRow *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE_ROW (self), NULL);
  return self->article;
}

void
cd_article_row_set_trashed (CdArticleRow *self,
                            gboolean      trashed)
{
  g_return_if_fail (CD_IS_ARTICLE_ROW (self));

  gtk_widget_set_visible (self->restore, trashed);
  gtk_widget_set_visible (self->sync_badge, !trashed);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->restore),
                                  trashed ? "win.restore-article" : NULL);
}
