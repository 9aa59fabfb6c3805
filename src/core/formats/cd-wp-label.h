/* cd-wp-label.h: what a person is shown for a block kept as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The info string of a Markdown fence that holds block markup. */
#define CD_WP_FENCE_INFO "wordpress"

gboolean   cd_wp_is_fence_info (const char *info);
char      *cd_wp_block_label (const char *markup,
                              gssize      length);
GPtrArray *cd_wp_block_image_alts (const char *markup,
                                   gssize      length);

G_END_DECLS
