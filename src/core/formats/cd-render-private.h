/* cd-render-private.h: what every writer of the body's Markdown shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark-gfm.h>
#include <glib.h>

G_BEGIN_DECLS

void     _cd_render_drop_empty_heads (cmark_node *document);
void     _cd_render_mark_captions (cmark_node *document,
                                   const char *source,
                                   gsize       length);
gboolean _cd_render_is_caption (cmark_node *paragraph);

G_END_DECLS
