/* cd-html2md-private.h: what HTML to Markdown's block rendering
 * (cd-html2md.c) and its inline rendering (cd-html-inline.c) share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* One conversion's state: the emphasis open around the text being
 * written, and where the page's own headline and fields go. */
typedef struct
{
  gboolean   take_headline;
  char      *headline;
  CdArticle *article; /* when importing a page: receives Copydesk's own fields */
  xmlNode   *story;   /* when importing a site's page: what holds its story */
  GString   *notes;   /* when importing a page: what is the desk's */
  guint      em_depth;
  guint      strong_depth;
  guint      strike_depth;
  guint      link_depth;
  gboolean   em_underscore; /* the next emphasis is a strong's whole text */
  gboolean   exact;         /* see _cd_html_to_markdown_exact() */
} CdHtmlConverter;

/* cd-html2md.c */
gboolean _cd_html_name_is (xmlNode    *node,
                           const char *name);
gboolean _cd_html_is_dropped (xmlNode *node);
gboolean _cd_html_is_block (xmlNode *node);
gboolean _cd_html_has_block_child (xmlNode *node);

/* cd-html-site.c: the site's name, from its logo or the page's title */
gboolean _cd_html_link_to (xmlNode    *node,
                           const char *pattern);
char    *_cd_html_logo_name (xmlNode *root);
char    *_cd_html_site_of_title (const char *title,
                                 const char *headline);
char    *_cd_html_title_without_site (const char *title,
                                      const char *site);

/* cd-html-page.c: a part of a news site's page template */
gboolean _cd_html_take_page_part (CdHtmlConverter *c,
                                  xmlNode         *node);
xmlNode *_cd_html_page_scope (xmlNode  *root,
                              xmlNode **story);
void     _cd_html_cut_page_frame (CdHtmlConverter *c,
                                  xmlNode         *scope,
                                  xmlNode         *story);

/* cd-html-inline.c: inline elements as inline Markdown */
void  _cd_html_append_text (const CdHtmlConverter *c,
                            GString               *out,
                            const char            *text);
void  _cd_html_render_inline (CdHtmlConverter *c,
                              xmlNode         *node,
                              GString         *out,
                              guint            depth);
void  _cd_html_render_inline_children (CdHtmlConverter *c,
                                       xmlNode         *node,
                                       GString         *out,
                                       guint            depth);
char *_cd_html_finish_inline (GString *run,
                              gboolean one_line);
void  _cd_html_flush_run (const CdHtmlConverter *c,
                          GString               *run,
                          GPtrArray             *blocks);

G_END_DECLS
