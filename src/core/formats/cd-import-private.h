/* cd-import-private.h: helpers shared by the importers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cd-article.h"
#include "cd-import.h"

G_BEGIN_DECLS

#define UTF8_BOM "\xEF\xBB\xBF"

gsize _cd_import_skip_bom (const char *text,
                           gsize       length);

gboolean _cd_import_check_text (const char *text,
                                gsize       length,
                                const char *origin,
                                GError    **error);
void     _cd_markdown_escape_inline (GString    *out,
                                     const char *text,
                                     gssize      length);
void     _cd_markdown_escape_line_starts (GString *text);

/* The importers proper. @language is what the article starts with, before
 * the file's own fields are read: the language it keeps when the file names
 * none (%NULL: a new article's own default). */
CdArticle *_cd_import_new_article (const char *language);
CdArticle *_cd_import_markdown (const char *text,
                                gsize       length,
                                const char *origin,
                                const char *language,
                                GError    **error);
CdArticle *_cd_import_wire (const char *text,
                            gsize       length,
                            const char *origin,
                            const char *language,
                            GError    **error);
CdArticle *_cd_import_html (const char *text,
                            gsize       length,
                            const char *origin,
                            const char *language,
                            GError    **error);
CdArticle *_cd_import_file (const char *path,
                            const char *language,
                            GError    **error);

G_END_DECLS
