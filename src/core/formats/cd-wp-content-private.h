/* cd-wp-content-private.h: what the files of the post content converter
 * share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark-gfm.h>

#include "cd-wp-blocks.h"

G_BEGIN_DECLS

cmark_node *_cd_wp_markdown_parse (const char    *markdown,
                                   gsize          length,
                                   cmark_parser **parser_out);
void        _cd_wp_markup_append_node (GString    *out,
                                       cmark_node *node);
void        _cd_wp_markup_append_inlines (GString    *out,
                                          cmark_node *node);
char       *_cd_wp_markdown_to_markup (const char *markdown,
                                       gsize       length);
char       *_cd_wp_block_to_markdown (const CdWpBlock *block,
                                      char             bullet);
gboolean    _cd_wp_is_text_block (const CdWpBlock *block);

/* A table's caption in the body: the paragraph right after the table,
 * starting with CD_WP_TABLE_CAPTION, as Pandoc writes a caption; in the
 * block, a figcaption after the table (cd-wp-markup.c, cd-wp-markdown.c). */
#define CD_WP_TABLE_CAPTION "Table: "
#define CD_WP_TABLE_CAPTION_OPEN "<figcaption class=\"wp-element-caption\">"
cmark_node *_cd_wp_table_caption (cmark_node *node);

/* The body cut into its units, each with its cmark node (cd-wp-units.c). */
typedef struct
{
  const char   *body;
  gsize         length;
  cmark_parser *parser;
  cmark_node   *doc;
  GArray       *units; /* CdWpUnit */
  GPtrArray    *nodes; /* cmark_node*, one a unit */
} Split;
void _cd_wp_split_body (const char *body,
                        gsize       length,
                        gboolean    captions,
                        Split      *split);
void _cd_wp_split_clear (Split *split);

/* Layout blocks opened up in the body (cd-wp-layout.c). */
gboolean  _cd_wp_opens_up (const CdWpBlock *block,
                           const char      *content);
gboolean  _cd_wp_is_picture_gallery (const CdWpBlock *block,
                                     const char      *content);
char     *_cd_wp_content_to_body_like (const char *content,
                                       gssize      length,
                                       const char *body);
gboolean *_cd_wp_orphan_ends (const char     *body,
                              GArray         *units,
                              const gboolean *whole);
guint    *_cd_wp_gallery_order (const char     *body,
                                GArray         *units,
                                const gboolean *orphan);
char     *_cd_wp_node_to_html (cmark_node   *node,
                               cmark_parser *parser);

/* A text block's wrapper that Markdown cannot say (cd-wp-shape.c). */
const char *_cd_wp_tag_end (const char *p,
                            const char *end);
gboolean    _cd_wp_find_text (const char *markup,
                              gsize       length,
                              const char *name,
                              const char *tag,
                              gsize      *text_start,
                              gsize      *text_end);
char       *_cd_wp_shaped_markdown (const CdWpBlock *block,
                                    const char      *content,
                                    char             bullet,
                                    GStrv           *shape_out);
char       *_cd_wp_plain_links (const char *text,
                                gsize       length,
                                GPtrArray  *links);
char       *_cd_wp_plain_references (const char *text,
                                     gsize       length,
                                     GPtrArray  *references);
gboolean    _cd_wp_shape_apply (const GStrv shape,
                                const char *markup,
                                GString    *out);

/* The inline forms of pasted text, run by run (cd-wp-inline.c). A run of
 * text between tags, and the inline elements it stands in. */
typedef struct
{
  gsize start, end;
  char *context;
} CdWpRun;

gboolean _cd_wp_is_inline_tag (const char *p,
                               const char *end,
                               char        name[8]);
GArray  *_cd_wp_text_runs (const char *markup,
                           gsize       length);
char    *_cd_wp_plain_spans (const char *piece,
                             GPtrArray  *references);
char    *_cd_wp_plain_scripts (const char *text,
                               GPtrArray  *references);
char    *_cd_wp_plain_spaces (const char *text,
                              GPtrArray  *references);
char    *_cd_wp_plain_synonyms (const char *piece,
                                GPtrArray  *references);
gboolean _cd_wp_same_form (char      **form,
                           const char *p,
                           const char *tag_close);
gboolean _cd_wp_is_white (const char *text,
                          const char *end);
void     _cd_wp_wrap_runs (GString    *markup,
                           const GStrv shape);

/* Inline elements Markdown has no word for (cd-wp-marks.c). */
char *_cd_wp_plain_marks (const char *text,
                          gboolean    every,
                          GPtrArray  *references);
void  _cd_wp_restore_marks (GString    *markup,
                            const GStrv shape);

/* Posts of the classic editor, piece by piece (cd-wp-classic.c). */
GArray  *_cd_wp_classic_pieces (const char *content,
                                gsize       length);
char    *_cd_wp_classic_markdown (const char *piece,
                                  gsize       length,
                                  gboolean   *wrapped,
                                  GStrv      *shape_out);
gboolean _cd_wp_classic_wraps (const char *piece,
                               gsize       length,
                               gboolean    wrapped);
gboolean _cd_wp_classic_same_kind (cmark_node *node,
                                   const char *markdown);
void     _cd_wp_classic_append_node (GString      *out,
                                     cmark_node   *node,
                                     cmark_parser *parser,
                                     gboolean      wrap);

/* Text blocks in the forms block editors before 6.1 saved
 * (cd-wp-migrate.c). */
char *_cd_wp_migrated_markup (const CdWpBlock *block,
                              const char      *content);

/* Which units of two versions of a body are the same (cd-wp-align.c). */
guint    _cd_wp_unit_id (GHashTable *ids,
                         gboolean    block,
                         const char *key,
                         gsize       length);
gboolean _cd_wp_can_align (guint n,
                           guint m);
gint    *_cd_wp_align (const guint *a,
                       guint        n,
                       const guint *b,
                       guint        m);

/* Text and attribute values escaped as the block editor writes them
 * (cd-wp-markup.c). */
void _cd_wp_markup_append_text (GString    *out,
                                const char *text);
void _cd_wp_markup_append_attribute (GString    *out,
                                     const char *value);

G_END_DECLS
