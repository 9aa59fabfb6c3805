/* cd-article-site.c: the site's status and scheduled time of an article,
 * and how the local workflow status and the site's statuses map onto each
 * other.
 *
 * Both live in the article's extra object rather than in fields of their
 * own: the article's JSON snapshot, its copy and its equality carry the
 * extra object already, so they round-trip without a new column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-article"

#include "config.h"

#include "cd-article-site.h"

/**
 * cd_article_set_extra_member:
 * @member: a key of the article's extra object
 * @value: (nullable) (transfer full): its new value, or %NULL to remove it
 *
 * Sets one member of the article's extra object. A new object replaces the
 * old one: the article's own object may be shared with a copy, so it is
 * never changed in place.
 */
void
cd_article_set_extra_member (CdArticle  *self,
                             const char *member,
                             JsonNode   *value)
{
  JsonObject *old;
  g_autoptr (JsonObject) extra = json_object_new ();

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (member != NULL);

  old = cd_article_get_extra (self);
  if (old != NULL)
    {
      JsonObjectIter iter;
      const char    *name;
      JsonNode      *node;

      json_object_iter_init (&iter, old);
      while (json_object_iter_next (&iter, &name, &node))
        if (!g_str_equal (name, member))
          json_object_set_member (extra, name, json_node_copy (node));
    }
  if (value != NULL)
    json_object_set_member (extra, member, value);
  cd_article_set_extra (self, json_object_get_size (extra) > 0 ? extra : NULL);
}

static void
set_extra_string (CdArticle  *self,
                  const char *member,
                  const char *value)
{
  g_assert (CD_IS_ARTICLE (self));
  g_assert (member != NULL);

  cd_article_set_extra_member (self, member,
                               value != NULL ? json_node_init_string (json_node_alloc (), value)
                                             : NULL);
}

static const char *
get_extra_string (CdArticle  *self,
                  const char *member)
{
  JsonObject *extra = cd_article_get_extra (self);
  JsonNode   *node;

  g_assert (CD_IS_ARTICLE (self));
  g_assert (member != NULL);

  if (extra == NULL || (node = json_object_get_member (extra, member)) == NULL ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Sets @member to @value as an ISO 8601 time in UTC; the same instant
 * written in another zone is no change, as it is kept in UTC either way. */
static void
set_extra_instant (CdArticle  *self,
                   const char *member,
                   GDateTime  *value)
{
  g_autoptr (GDateTime) old = cd_parse_iso8601 (get_extra_string (self, member));
  g_autofree char *text = NULL;

  g_assert (CD_IS_ARTICLE (self));

  if (old == NULL || value == NULL ? old == value : g_date_time_equal (old, value))
    return;
  if (value != NULL)
    text = cd_format_iso8601_utc (value);
  set_extra_string (self, member, text);
}

/**
 * cd_article_get_site_status:
 *
 * Returns: (nullable): the status the site last gave the article's post
 *   when it is beyond what a sync sets ("future", "publish", "private", or
 *   a status the site added), or %NULL for a draft or pending post and one
 *   never synced
 */
const char *
cd_article_get_site_status (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  return get_extra_string (self, CD_ARTICLE_EXTRA_SITE_STATUS);
}

void
cd_article_set_site_status (CdArticle  *self,
                            const char *status)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  if (g_strcmp0 (status, cd_article_get_site_status (self)) != 0)
    set_extra_string (self, CD_ARTICLE_EXTRA_SITE_STATUS,
                      status != NULL && *status != '\0' ? status : NULL);
}

/**
 * cd_article_dup_scheduled:
 *
 * Returns: (transfer full) (nullable): when the site is to publish the
 *   article, in UTC, or %NULL when it is not scheduled
 */
GDateTime *
cd_article_dup_scheduled (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  return cd_parse_iso8601 (get_extra_string (self, CD_ARTICLE_EXTRA_SCHEDULED));
}

void
cd_article_set_scheduled (CdArticle *self,
                          GDateTime *scheduled)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  set_extra_instant (self, CD_ARTICLE_EXTRA_SCHEDULED, scheduled);
}

/**
 * cd_article_dup_published:
 *
 * Returns: (transfer full) (nullable): when the site made the article's
 *   post live (its date), in UTC, or %NULL when it is not live
 */
GDateTime *
cd_article_dup_published (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  return cd_parse_iso8601 (get_extra_string (self, CD_ARTICLE_EXTRA_PUBLISHED));
}

void
cd_article_set_published (CdArticle *self,
                          GDateTime *published)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  set_extra_instant (self, CD_ARTICLE_EXTRA_PUBLISHED, published);
}

/**
 * cd_article_status_to_site:
 * @status: a local workflow status
 *
 * The status a sync gives a post: what the desk has not finished is a
 * draft, what waits for an editor is pending, and nothing is live through
 * a sync (held, killed and even published articles go out as drafts when
 * they are new; a live post keeps its status).
 *
 * Returns: "draft" or "pending"
 */
const char *
cd_article_status_to_site (CdArticleStatus status)
{
  switch (status)
    {
    case CD_ARTICLE_STATUS_READY_FOR_EDIT:
    case CD_ARTICLE_STATUS_READY_TO_PUBLISH:
      return "pending";
    case CD_ARTICLE_STATUS_DRAFT:
    case CD_ARTICLE_STATUS_PUBLISHED:
    case CD_ARTICLE_STATUS_HELD:
    case CD_ARTICLE_STATUS_KILLED:
    default:
      return "draft";
    }
}

/**
 * cd_article_take_site_status:
 * @site_status: the status of the article's post on the site
 * @date: (nullable): the post's date, in UTC (for "future", the time it is
 *   scheduled for)
 *
 * Records what the site says (cd_article_get_site_status()) and moves the local status with it where the
 * site is further along: pending makes a draft ready for edit, a scheduled
 * post is ready to publish at its time, a live one is published. A local
 * status further along stays, and statuses the site added are kept as they
 * are, as text.
 *
 * Returns: %TRUE when the article changed
 */
gboolean
cd_article_take_site_status (CdArticle  *self,
                             const char *site_status,
                             GDateTime  *date)
{
  g_autoptr (CdArticle) before = NULL;
  CdArticleStatus status;

  g_return_val_if_fail (CD_IS_ARTICLE (self), FALSE);

  if (site_status == NULL || *site_status == '\0')
    return FALSE;
  before = cd_article_copy (self);
  status = cd_article_get_status (self);
  /* Draft and pending are what a sync itself gives a post
   * (cd_article_status_to_site()): the local status says them already, so
   * only a status beyond them is kept, and a post back at draft or pending
   * drops the one it had. */
  cd_article_set_site_status (self, g_str_equal (site_status, "draft") ||
                                            g_str_equal (site_status, "pending")
                                        ? NULL
                                        : site_status);
  if (g_str_equal (site_status, "pending"))
    {
      if (status == CD_ARTICLE_STATUS_DRAFT)
        cd_article_set_status (self, CD_ARTICLE_STATUS_READY_FOR_EDIT);
    }
  else if (g_str_equal (site_status, "future"))
    {
      if (status == CD_ARTICLE_STATUS_DRAFT || status == CD_ARTICLE_STATUS_READY_FOR_EDIT)
        cd_article_set_status (self, CD_ARTICLE_STATUS_READY_TO_PUBLISH);
    }
  else if (g_str_equal (site_status, "publish"))
    cd_article_set_status (self, CD_ARTICLE_STATUS_PUBLISHED);
  /* Only a scheduled post has a time still to come; a live one has the
   * time it went live. */
  cd_article_set_scheduled (self, g_str_equal (site_status, "future") ? date : NULL);
  cd_article_set_published (self, g_str_equal (site_status, "publish") ? date : NULL);
  return !cd_article_equal (before, self);
}
