/* cd-export.h: an article as Markdown, a standalone HTML page, or ninjs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cd-article.h"
#include "cd-store.h"

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

/* The same with the article's stored images from @images (nullable): the
 * HTML page carries them as data: URIs, ninjs as associations with
 * renditions; Markdown keeps the body's `image` fences as they are. */
char *cd_export_article_with_images (CdArticle           *article,
                                     CdExportFormat       format,
                                     const CdImageSource *images);
char *cd_export_html_with_images (CdArticle           *article,
                                  const CdImageSource *images);
char *cd_export_ninjs_with_images (CdArticle           *article,
                                   const CdImageSource *images);

G_END_DECLS
