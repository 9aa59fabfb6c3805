/* cd-article-row.h: one article in the library list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-article.h"
#include "cd-sync-states.h"

G_BEGIN_DECLS

#define CD_TYPE_ARTICLE_ROW (cd_article_row_get_type ())
G_DECLARE_FINAL_TYPE (CdArticleRow, cd_article_row, CD, ARTICLE_ROW, GtkWidget)

GtkWidget *cd_article_row_new (CdSyncStates *states);
void       cd_article_row_set_article (CdArticleRow *self,
                                       CdArticle    *article);
CdArticle *cd_article_row_get_article (CdArticleRow *self);
void       cd_article_row_set_trashed (CdArticleRow *self,
                                       gboolean      trashed);

const char *cd_article_row_status_label (CdArticleStatus status);
const char *cd_article_row_headline_label (CdArticle *article);
char       *cd_article_row_format_time (GDateTime *time);

G_END_DECLS
