/* cd-merge.h: three-way merge of an article's shared fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"

G_BEGIN_DECLS

#define CD_MERGE_ERROR (cd_merge_error_quark ())

typedef enum
{
  CD_MERGE_ERROR_FAILED,
} CdMergeError;

GQuark cd_merge_error_quark (void);

/**
 * CdMergeBodyFunc:
 * @base: (nullable): the body as last synced
 * @ours: (nullable): our body
 * @theirs: (nullable): their body
 * @conflicts: (out) (transfer full): on a conflict, names for what did not
 *   merge
 * @error: return location for an error
 *
 * Merges three bodies. Returns: (transfer full) (nullable): the merged
 * body, or %NULL on a conflict (with @conflicts set) or an error.
 */
typedef char *(*CdMergeBodyFunc) (const char *base,
                                  const char *ours,
                                  const char *theirs,
                                  char     ***conflicts,
                                  GError    **error);

const char *const *cd_merge_list_fields (void);
gboolean           cd_merge_content_equal (CdArticle *a,
                                           CdArticle *b);
void               cd_merge_take_content (CdArticle *dest,
                                          CdArticle *src);
char              *cd_merge_text (const char *base,
                                  const char *ours,
                                  const char *theirs,
                                  gboolean   *clean,
                                  GError    **error);
char             **cd_merge_tags (const char *const *base,
                                  const char *const *ours,
                                  const char *const *theirs);
CdArticle         *cd_merge_articles (CdArticle *base,
                                      CdArticle *ours,
                                      CdArticle *theirs,
                                      char    ***conflicts,
                                      GError   **error);
CdArticle         *cd_merge_articles_with (CdArticle      *base,
                                           CdArticle      *ours,
                                           CdArticle      *theirs,
                                           CdMergeBodyFunc merge_body,
                                           char         ***conflicts,
                                           GError        **error);
CdArticle         *cd_merge_articles_keeping_ours (CdArticle *base,
                                                   CdArticle *ours,
                                                   CdArticle *theirs,
                                                   char    ***conflicts,
                                                   GError   **error);
void               cd_merge_take_all (CdArticle *dest,
                                      CdArticle *src);

G_END_DECLS
