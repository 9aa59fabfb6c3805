/* cd-html-private.h: what HTML import's files share: a few DOM helpers
 * and reading back the fields of a page Copydesk exported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* cd-html2md.c */
char    *_cd_html_get_attr (xmlNode    *node,
                            const char *name);
char    *_cd_html_node_text (xmlNode *node);
xmlNode *_cd_html_find_element (xmlNode    *node,
                                const char *name,
                                guint       depth);

/* cd-html-fields.c: a page exported by Copydesk (cd_render_article())
 * marks its fields with classes; reading them back into @article makes an
 * exported page import whole. Returns whether @node was one of them. */
gboolean _cd_html_read_own_field (CdArticle *article,
                                  xmlNode   *node);

G_END_DECLS
