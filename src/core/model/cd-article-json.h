/* cd-article-json.h: an article as JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* How much of an article cd_article_to_json_node() writes.
 *
 * The default (0) is the snapshot form the store keeps revisions in: every
 * field, times with their own UTC offset and any fraction of a second, so
 * that cd_article_from_json_node() gives back an article that
 * cd_article_equal() finds equal.
 *
 * CD_ARTICLE_JSON_PUBLIC is the command line's form (`show --json`):
 * exactly the keys uuid, headline, dek, byline, dateline, source, slug,
 * section, tags, status, embargo, language, body, ednote, created, modified,
 * in that order; tags an array; times ISO 8601 in UTC ("…Z"); absent values
 * null.  CD_ARTICLE_JSON_NO_BODY leaves the body out (`list --json`). */
typedef enum
{
  CD_ARTICLE_JSON_DEFAULT = 0,
  CD_ARTICLE_JSON_PUBLIC = 1 << 0,
  CD_ARTICLE_JSON_NO_BODY = 1 << 1,
} CdArticleJsonFlags;

JsonNode  *cd_article_to_json_node (CdArticle         *article,
                                    CdArticleJsonFlags flags);
char      *cd_article_to_json (CdArticle         *article,
                               CdArticleJsonFlags flags,
                               gboolean           pretty);
CdArticle *cd_article_from_json_node (JsonNode *node,
                                      GError  **error);
CdArticle *cd_article_from_json (const char *json,
                                 GError    **error);

char    *cd_datetime_to_json_string (GDateTime *datetime);
gboolean cd_article_status_from_name (const char      *name,
                                      CdArticleStatus *status);

G_END_DECLS
