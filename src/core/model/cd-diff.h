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

/* A run of characters, [start, end), in one line. */
typedef struct
{
  guint start;
  guint end;
} CdDiffRange;

GArray *cd_diff_lines (const char *old_text,
                       const char *new_text);
void    cd_diff_words (const char *old_line,
                       const char *new_line,
                       GArray    **old_changed,
                       GArray    **new_changed);
char   *cd_diff_unified (const char *old_text,
                         const char *new_text,
                         const char *old_label,
                         const char *new_label);
char   *cd_diff_articles (CdArticle *old_article,
                          CdArticle *new_article);

G_END_DECLS
