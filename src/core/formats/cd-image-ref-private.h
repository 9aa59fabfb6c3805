/* cd-image-ref-private.h: how the renderer draws the body's `image`
 * fences (cd-render.c asks it about each fence of the parsed document).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark-gfm.h>

#include "cd-image-ref.h"

G_BEGIN_DECLS

/* Whether @node is an `image` fence. */
gboolean _cd_image_ref_is_fence (cmark_node *node);

/* The figure an `image` fence is drawn as (cd_image_figure_html()), with
 * data-sourcepos when @sourcepos, and a newline. */
char *_cd_image_ref_figure (cmark_node *node,
                            gboolean    sourcepos);

G_END_DECLS
