/* cd-publish-bar.c: the desk's status and the site's, side by side.
 *
 * The local workflow status and what the site last said are two labels,
 * each naming whose it is ("Desk: Ready to publish", "On newsroom:
 * scheduled for …"), so that nobody takes one for the other. A third
 * label says when edits to a live post wait for Update, or a publish
 * waits for the site. The buttons have no mnemonic: the letters of the
 * fields beside them are taken, and a publish is not a keystroke away.
 * The Publish button's label follows what it will do
 * (Publish, Schedule, Update); the window's actions do the work
 * (cd-window-publish.c), and the window tells the bar what to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-publish-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-article-row.h"
#include "cd-article-site.h"
#include "cd-publish-bar.h"
#include "cd-sync-publish.h"
#include "cd-ui-util.h"

struct _CdPublishBar
{
  GtkWidget parent_instance;

  GtkWidget *desk_label;
  GtkWidget *site_label;
  GtkWidget *note_label;
  GtkWidget *correction_button;
  GtkWidget *publish_button;
};

G_DEFINE_FINAL_TYPE (CdPublishBar, cd_publish_bar, GTK_TYPE_WIDGET)

/**
 * cd_publish_mode_for:
 * @article: the open article
 * @now: the time now
 *
 * Returns: what Publish does: update a live post, schedule at an embargo
 *   still to come, or publish now
 */
CdPublishMode
cd_publish_mode_for (CdArticle *article,
                     GDateTime *now)
{
  GDateTime *embargo;

  g_return_val_if_fail (CD_IS_ARTICLE (article), CD_PUBLISH_MODE_PUBLISH);
  g_return_val_if_fail (now != NULL, CD_PUBLISH_MODE_PUBLISH);

  if (cd_sync_article_is_live (article))
    return CD_PUBLISH_MODE_UPDATE;
  embargo = cd_article_get_embargo (article);
  if (embargo != NULL && g_date_time_compare (embargo, now) > 0)
    return CD_PUBLISH_MODE_SCHEDULE;
  return CD_PUBLISH_MODE_PUBLISH;
}

/**
 * cd_publish_format_time:
 * @time: a time, in the zone the person gave it in
 *
 * Returns: (transfer full): the time in its own zone and in UTC, as the
 *   confirmations and the bar show it
 */
char *
cd_publish_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *local = NULL;
  g_autofree char *in_utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  /* TRANSLATORS: a publishing time in the zone it was given in */
  local = g_date_time_format (time, C_ ("publish time", "%-d %B %Y, %H:%M %Z"));
  /* TRANSLATORS: the same time in UTC */
  in_utc = g_date_time_format (utc, C_ ("publish time", "%-d %B %Y, %H:%M UTC"));
  if (g_date_time_get_utc_offset (time) == 0)
    return g_steal_pointer (&in_utc);
  /* TRANSLATORS: a time in its own zone, then in UTC */
  return g_strdup_printf (C_ ("publish time", "%s (%s)"), local, in_utc);
}

static char *
site_text (CdArticle  *article,
           const char *account)
{
  const char *status = cd_article_get_site_status (article);
  g_autoptr (GDateTime) scheduled = cd_article_dup_scheduled (article);
  g_autofree char *where = NULL;

  g_assert (CD_IS_ARTICLE (article));

  where = account != NULL ? g_strdup_printf (_ ("On %s"), account) : g_strdup (_ ("On the site"));
  if (g_strcmp0 (status, "publish") == 0)
    {
      g_autoptr (GDateTime) published = cd_article_dup_published (article);
      g_autofree char *when = published != NULL ? cd_publish_format_time (published) : NULL;

      if (when == NULL)
        return g_strdup_printf (_ ("%s: live"), where);
      return g_strdup_printf (_ ("%s: live since %s"), where, when);
    }
  if (g_strcmp0 (status, "future") == 0 && scheduled != NULL)
    {
      g_autofree char *when = cd_publish_format_time (scheduled);

      return g_strdup_printf (_ ("%s: scheduled for %s"), where, when);
    }
  if (status != NULL)
    return g_strdup_printf (_ ("%s: %s"), where, status);
  if (account == NULL)
    return g_strdup (_ ("Not on any site"));
  return g_strdup_printf (_ ("%s: not published"), where);
}

/**
 * cd_publish_bar_update:
 * @article: (nullable): the open article, or %NULL for none
 * @account: (nullable): the account a publish goes to
 * @staged: whether edits to its live post wait for Update
 *
 * Shows the article's two statuses and what Publish will do.
 */
void
cd_publish_bar_update (CdPublishBar *self,
                       CdArticle    *article,
                       const char   *account,
                       gboolean      staged)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *desk = NULL;
  g_autofree char *site = NULL;
  const char      *note = NULL;
  const char      *label = _ ("Publish…");

  g_return_if_fail (CD_IS_PUBLISH_BAR (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  gtk_widget_set_visible (GTK_WIDGET (self), article != NULL);
  if (article == NULL)
    return;

  desk = g_strdup_printf (_ ("Desk: %s"),
                          cd_article_row_status_label (cd_article_get_status (article)));
  site = site_text (article, account);
  switch (cd_publish_mode_for (article, now))
    {
    case CD_PUBLISH_MODE_UPDATE:
      label = _ ("Update…");
      break;
    case CD_PUBLISH_MODE_SCHEDULE:
      label = _ ("Schedule…");
      break;
    case CD_PUBLISH_MODE_PUBLISH:
    default:
      break;
    }
  if (cd_sync_article_publish_is_late (article, now))
    note = _ ("Publish time passed");
  else if (cd_sync_article_get_queued_publish (article, NULL, NULL))
    note = _ ("Publish queued");
  else if (staged)
    note = _ ("Update staged");

  gtk_label_set_text (GTK_LABEL (self->desk_label), desk);
  gtk_label_set_text (GTK_LABEL (self->site_label), site);
  gtk_widget_set_tooltip_text (self->site_label, site);
  gtk_label_set_text (GTK_LABEL (self->note_label), note != NULL ? note : "");
  gtk_widget_set_visible (self->note_label, note != NULL);
  gtk_button_set_label (GTK_BUTTON (self->publish_button), label);
  gtk_widget_set_visible (self->correction_button, cd_sync_article_is_live (article));
}

const char *
cd_publish_bar_get_site_text (CdPublishBar *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_BAR (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->site_label));
}

const char *
cd_publish_bar_get_note_text (CdPublishBar *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_BAR (self), NULL);
  return gtk_widget_get_visible (self->note_label) ? gtk_label_get_text (GTK_LABEL (self->note_label))
                                                   : NULL;
}

const char *
cd_publish_bar_get_button_label (CdPublishBar *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_BAR (self), NULL);
  return gtk_button_get_label (GTK_BUTTON (self->publish_button));
}

static void
cd_publish_bar_dispose (GObject *object)
{
  _cd_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_PUBLISH_BAR);
  G_OBJECT_CLASS (cd_publish_bar_parent_class)->dispose (object);
}

static void
cd_publish_bar_class_init (CdPublishBarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_publish_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cd-publish-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CdPublishBar, desk_label);
  gtk_widget_class_bind_template_child (widget_class, CdPublishBar, site_label);
  gtk_widget_class_bind_template_child (widget_class, CdPublishBar, note_label);
  gtk_widget_class_bind_template_child (widget_class, CdPublishBar, correction_button);
  gtk_widget_class_bind_template_child (widget_class, CdPublishBar, publish_button);
}

static void
cd_publish_bar_init (CdPublishBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
