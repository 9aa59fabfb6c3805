/* cd-wp-label.h: what a person is shown for a block kept as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The info string of a Markdown fence that holds block markup. */
#define CD_WP_FENCE_INFO "wordpress"

/**
 * CdWpFenceEnd:
 * @CD_WP_FENCE_WHOLE: the fence holds whole blocks (or HTML)
 * @CD_WP_FENCE_OPENING: the opening end of a layout block whose inner
 *   blocks follow in the body
 * @CD_WP_FENCE_CLOSING: the closing end of one
 *
 * What a `wordpress` fence holds (see cd_wp_content_to_body()).
 */
typedef enum
{
  CD_WP_FENCE_WHOLE,
  CD_WP_FENCE_OPENING,
  CD_WP_FENCE_CLOSING,
} CdWpFenceEnd;

gboolean     cd_wp_is_fence_info (const char *info);
CdWpFenceEnd cd_wp_fence_end (const char *markup,
                              gssize      length,
                              char      **name);
char        *cd_wp_block_label (const char *markup,
                                gssize      length);
GPtrArray   *cd_wp_block_image_alts (const char *markup,
                                     gssize      length);

G_END_DECLS
