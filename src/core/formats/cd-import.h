/* cd-import.h: articles from Markdown, wire copy and HTML files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"
#include "cd-import-error.h"
#include "cd-store.h"

G_BEGIN_DECLS

typedef enum
{
  CD_IMPORT_FORMAT_AUTO,
  CD_IMPORT_FORMAT_MARKDOWN,
  CD_IMPORT_FORMAT_WIRE,
  CD_IMPORT_FORMAT_HTML,
} CdImportFormat;

/* Files over this size are refused. */
#define CD_IMPORT_MAX_SIZE (20 * 1024 * 1024)

CdImportFormat cd_import_format_for_path (const char *path);

CdArticle *cd_import_file (const char *path,
                           GError    **error);
CdArticle *cd_import_data (const char    *data,
                           gsize          length,
                           CdImportFormat format,
                           const char    *origin,
                           GError       **error);
CdArticle *cd_import_markdown (const char *text,
                               gsize       length,
                               const char *origin,
                               GError    **error);
CdArticle *cd_import_wire (const char *text,
                           gsize       length,
                           const char *origin,
                           GError    **error);
CdArticle *cd_import_html (const char *text,
                           gsize       length,
                           const char *origin,
                           GError    **error);

CdArticle *cd_import_into_store (CdStore    *store,
                                 const char *path,
                                 const char *language,
                                 GError    **error);

char *cd_html_to_markdown (const char *html,
                           gsize       length);
char *cd_markdown_escape (const char *text);

G_END_DECLS
