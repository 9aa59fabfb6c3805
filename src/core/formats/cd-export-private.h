/* cd-export-private.h: the images of an export (cd-export-images.c),
 * shared with cd-export.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cd-export.h"

G_BEGIN_DECLS

/* Rewrites every src="copydesk-image:ID" of @html (as cd_render_*() draw
 * stored images) to the image's data: URI from @images, or with @urn to
 * the image's association uri in ninjs ("urn:copydesk:image:ID"). Images
 * @images does not know keep their src. Returns a new string. */
char *_cd_export_resolve_image_uris (const char          *html,
                                     const CdImageSource *images,
                                     gboolean             urn);

/* Adds ninjs "associations": the featured image as "featuremedia" and
 * each body image as "editor_N", with their renditions; nothing when the
 * article has no image. */
void _cd_export_add_associations (JsonBuilder         *builder,
                                  CdArticle           *article,
                                  const CdImageSource *images);

G_END_DECLS
