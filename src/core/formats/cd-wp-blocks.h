/* cd-wp-blocks.h: WordPress block markup, parsed and serialized exactly as
 * WordPress 6.1 does it (WP_Block_Parser, serialize_block()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _CdWpBlock CdWpBlock;

/**
 * CdWpBlock:
 * @name: the block name with its namespace ("core/paragraph",
 *   "acme/widget"), or %NULL for freeform HTML between blocks
 * @attrs: (nullable): the attributes, a JSON object; an empty object when
 *   the delimiter has none; %NULL when its JSON does not decode (WordPress
 *   then has null)
 * @inner_blocks: (element-type CdWpBlock): nested blocks
 * @inner_html: the block's own HTML without its inner blocks
 * @inner_content: (element-type utf8): HTML chunks, with %NULL where an
 *   inner block sits, as WordPress's innerContent
 * @start: where the block starts in the parsed document (its opening
 *   delimiter, or the first byte of freeform HTML)
 * @end: where it ends (after its closing delimiter; the end of the document
 *   for a block WordPress closed implicitly)
 *
 * One block as parse_blocks() returns it, plus its source span, so that a
 * block nobody changed can be written back byte for byte.
 */
struct _CdWpBlock
{
  char      *name;
  JsonNode  *attrs;
  GPtrArray *inner_blocks;
  char      *inner_html;
  GPtrArray *inner_content;
  gsize      start;
  gsize      end;
};

CdWpBlock  *cd_wp_block_new (const char *name,
                             JsonNode   *attrs);
void        cd_wp_block_free (CdWpBlock *block);
JsonObject *cd_wp_block_get_attrs (const CdWpBlock *block);
void        cd_wp_block_append_html (CdWpBlock  *block,
                                     const char *html,
                                     gssize      length);
void        cd_wp_block_append_inner (CdWpBlock *block,
                                      CdWpBlock *inner);

GPtrArray *cd_wp_blocks_parse (const char *document,
                               gsize       length);
gboolean   cd_wp_blocks_cover (GPtrArray *blocks,
                               gsize      length);
char      *cd_wp_block_serialize (const CdWpBlock *block);
char      *cd_wp_blocks_serialize (GPtrArray *blocks);
void       cd_wp_block_serialize_to (const CdWpBlock *block,
                                     GString         *out);
char      *cd_wp_block_attributes_serialize (JsonNode *attrs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdWpBlock, cd_wp_block_free)

G_END_DECLS
