/* cd-export-private.h: what cd-export.c and the images of an export
 * (cd-export-images.c) share.
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

/* cd-export.c: adds the member @name with @value to the object @builder
 * is in, unless @value is %NULL or empty (ninjs leaves absent fields out). */
void _cd_export_add_string (JsonBuilder *builder,
                            const char  *name,
                            const char  *value);

G_END_DECLS
