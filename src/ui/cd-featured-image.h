/* cd-featured-image.h: the article's featured image in the details: a
 * thumbnail, Choose… and Remove, alt text, caption and credit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-article.h"
#include "cd-store.h"

G_BEGIN_DECLS

/* The largest side of the thumbnail, in pixels, as decoded. */
#define CD_FEATURED_IMAGE_THUMBNAIL_SIZE 192

#define CD_TYPE_FEATURED_IMAGE (cd_featured_image_get_type ())
G_DECLARE_FINAL_TYPE (CdFeaturedImage, cd_featured_image, CD, FEATURED_IMAGE, GtkWidget)

GtkWidget    *cd_featured_image_new (void);
void          cd_featured_image_set_store (CdFeaturedImage *self,
                                           CdStore         *store);
void          cd_featured_image_set_article (CdFeaturedImage *self,
                                             CdArticle       *article);
void          cd_featured_image_set_file (CdFeaturedImage *self,
                                          GFile           *file);
void          cd_featured_image_remove (CdFeaturedImage *self);
GtkEditable  *cd_featured_image_get_editable (CdFeaturedImage *self,
                                              const char      *field);
GdkPaintable *cd_featured_image_get_thumbnail (CdFeaturedImage *self);

G_END_DECLS
