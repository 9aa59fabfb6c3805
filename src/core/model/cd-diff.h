/* cd-diff.h: differences between two versions of an article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cd-article.h"

G_BEGIN_DECLS

typedef enum
{
  CD_DIFF_SAME,
  CD_DIFF_REMOVED,
  CD_DIFF_ADDED,
} CdDiffKind;

typedef struct
{
  CdDiffKind kind;
  char      *text; /* one line, without its newline */
} CdDiffLine;

GArray *cd_diff_lines (const char *old_text,
                       const char *new_text);
char   *cd_diff_unified (const char *old_text,
                         const char *new_text,
                         const char *old_label,
                         const char *new_label);
char   *cd_diff_articles (CdArticle *old_article,
                          CdArticle *new_article);

G_END_DECLS
