/* cd-frontmatter.h: the YAML front matter of a Markdown article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cd-article.h"

G_BEGIN_DECLS

gboolean cd_front_matter_parse (const char *text,
                                gsize       length,
                                const char *origin,
                                CdArticle  *article,
                                gsize      *body_offset,
                                GError    **error);
char    *cd_front_matter_format (CdArticle *article);

G_END_DECLS
