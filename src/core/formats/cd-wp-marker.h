/* cd-wp-marker.h: the uuid marker in the content of a post Copydesk
 * writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The marker that carries an article's uuid: an attribute of the post's
 * first block, or (in posts without blocks, and as older Copydesk wrote it)
 * an HTML comment at the end of the content. */
#define CD_WORDPRESS_MARKER_ATTRIBUTE "copydeskUuid"
#define CD_WORDPRESS_MARKER_PREFIX "<!-- copydesk:uuid="

char *cd_wordpress_add_marker (const char *content,
                               const char *uuid);
char *cd_wordpress_take_marker (char *html);

G_END_DECLS
