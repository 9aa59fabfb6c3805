/* cd-wp-merge.h: the three-way merge of an article body, block by block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cd_wp_body_merge (const char *base,
                        const char *ours,
                        const char *theirs,
                        char     ***conflicts,
                        GError    **error);

G_END_DECLS
