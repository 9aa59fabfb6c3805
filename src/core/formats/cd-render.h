/* cd-render.h: Markdown to HTML with cmark-gfm, and the article HTML that
 * both the preview and the HTML export show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cd-article.h"

G_BEGIN_DECLS

typedef enum
{
  CD_RENDER_NONE = 0,
  CD_RENDER_SOURCEPOS = 1 << 0, /* data-sourcepos attributes for scroll sync */
} CdRenderFlags;

char *cd_render_markdown (const char   *markdown,
                          gssize        length,
                          CdRenderFlags flags);
GStrv cd_render_markdown_blocks (const char   *markdown,
                                 gssize        length,
                                 CdRenderFlags flags);
char *cd_render_article (CdArticle    *article,
                         CdRenderFlags flags);
char *cd_html_escape (const char *text);
char *cd_render_plain_text (const char *markdown,
                            gssize      length);

G_END_DECLS
