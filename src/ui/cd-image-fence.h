/* cd-image-fence.h: reading and rewriting the lines of an ```image fence
 * as the editor shows and edits it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The info string of a fence that places a stored image. */
#define CD_IMAGE_FENCE_INFO "image"

gboolean cd_image_fence_is_image (const char *fence,
                                  gssize      length);
char    *cd_image_fence_get_value (const char *fence,
                                   gssize      length,
                                   const char *key);
char    *cd_image_fence_set_values (const char *fence,
                                    gssize      length,
                                    const char *alt,
                                    const char *caption,
                                    const char *credit);

G_END_DECLS
