/* cd-export.h: an article as Markdown, a standalone HTML page, or ninjs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cd-article.h"

G_BEGIN_DECLS

typedef enum
{
  CD_EXPORT_FORMAT_MARKDOWN,
  CD_EXPORT_FORMAT_HTML,
  CD_EXPORT_FORMAT_NINJS,
} CdExportFormat;

gboolean cd_export_format_from_string (const char     *text,
                                       CdExportFormat *format);
char    *cd_export_article (CdArticle     *article,
                            CdExportFormat format);
char    *cd_export_markdown (CdArticle *article);
char    *cd_export_html (CdArticle *article);
char    *cd_export_ninjs (CdArticle *article);

G_END_DECLS
