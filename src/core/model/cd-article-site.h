/* cd-article-site.h: what a CMS says about an article's publication: the
 * site's own status name and the time a post is scheduled for, kept with
 * the article and mapped onto the local workflow status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-article.h"

G_BEGIN_DECLS

/* The keys of the article's extra object that hold them, so that the
 * article's JSON snapshot carries them unchanged. */
#define CD_ARTICLE_EXTRA_SITE_STATUS "site_status"
#define CD_ARTICLE_EXTRA_SCHEDULED "scheduled"
#define CD_ARTICLE_EXTRA_PUBLISHED "published"

void cd_article_set_extra_member (CdArticle  *self,
                                  const char *member,
                                  JsonNode   *value);

const char *cd_article_get_site_status (CdArticle *self);
void        cd_article_set_site_status (CdArticle  *self,
                                        const char *status);
GDateTime  *cd_article_dup_scheduled (CdArticle *self);
void        cd_article_set_scheduled (CdArticle *self,
                                      GDateTime *scheduled);

GDateTime *cd_article_dup_published (CdArticle *self);
void       cd_article_set_published (CdArticle *self,
                                     GDateTime *published);

const char *cd_article_status_to_site (CdArticleStatus status);
gboolean    cd_article_take_site_status (CdArticle  *self,
                                         const char *site_status,
                                         GDateTime  *date);

G_END_DECLS
