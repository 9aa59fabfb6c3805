/* cd-corrections.h: an article's corrections as readers see them: the
 * block appended to a live WordPress post, and the same notes in the
 * preview and the exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-article.h"
#include "cd-store.h"

G_BEGIN_DECLS

/* The class that marks the corrections block in a post, so that an update
 * finds and replaces it instead of adding a second one. */
#define CD_CORRECTIONS_CLASS "copydesk-corrections"

char    *cd_corrections_format_date (GDateTime *date);
char    *cd_corrections_to_block (CdArticle *article,
                                  gboolean   classic);
char    *cd_corrections_take_block (char *content);
char    *cd_corrections_to_html (CdArticle *article);
char    *cd_corrections_to_markdown (CdArticle *article);
gboolean cd_corrections_add (CdStore    *store,
                             const char *uuid,
                             const char *note,
                             GError    **error);

G_END_DECLS
