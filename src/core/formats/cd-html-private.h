/* cd-html-private.h: what HTML import's files share: a few DOM helpers
 * and reading back the fields of a page Copydesk exported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* Past this depth the rest of a branch becomes plain text, which keeps the
 * recursion bounded whatever the input. */
#define _CD_HTML_MAX_DEPTH 200

/* cd-import-xml-text.c */
gboolean _cd_import_xml_write_text (GString *html,
                                    xmlNode *p);

/* cd-html2md.c */
char *_cd_html_get_attr (xmlNode    *node,
                         const char *name);
char *_cd_html_collapse_space (const char *text);
char *_cd_html_node_text (xmlNode *node);
char *_cd_html_to_markdown_exact (const char *html,
                                  gsize       length);

/* cd-html-fields.c: the first element from @node on (@node, the
 * siblings after it, depth first) that @match accepts, at most
 * @max_depth levels down, %NULL for none; the first element named @name
 * so, @depth levels down already; the content of the <meta> element of
 * @head named @name, its white space collapsed, %NULL when none or
 * blank. */
typedef gboolean (*CdXmlMatch) (xmlNode      *node,
                                gconstpointer data);
xmlNode *_cd_xml_find (xmlNode      *node,
                       CdXmlMatch    match,
                       gconstpointer data,
                       guint         max_depth);
xmlNode *_cd_html_find_element (xmlNode    *node,
                                const char *name,
                                guint       depth);
char    *_cd_html_meta_content (xmlNode    *head,
                                const char *name);

/* cd-html-word.c: the HTML Word writes, read as the HTML it stands for. */
char *_cd_html_word_unwrap (const char *html,
                            gsize       length,
                            gsize      *out_length);
void  _cd_html_word_normalize (xmlNode *root);

/* cd-html-fields.c: a page exported by Copydesk (cd_render_article())
 * marks its fields with classes; reading them back into @article makes an
 * exported page import whole. Returns whether @node was one of them. */
gboolean _cd_html_read_own_field (CdArticle *article,
                                  xmlNode   *node);

G_END_DECLS
