/* cd-metadata.h: the article's fields other than the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-article.h"
#include "cd-featured-image.h"
#include "cd-publish-bar.h"

G_BEGIN_DECLS

#define CD_TYPE_METADATA (cd_metadata_get_type ())
G_DECLARE_FINAL_TYPE (CdMetadata, cd_metadata, CD, METADATA, GtkWidget)

GtkWidget    *cd_metadata_new (void);
void          cd_metadata_set_article (CdMetadata *self,
                                       CdArticle  *article);
CdArticle    *cd_metadata_get_article (CdMetadata *self);
GtkEditable  *cd_metadata_get_editable (CdMetadata *self,
                                        const char *field);
gboolean      cd_metadata_get_expanded (CdMetadata *self);
void          cd_metadata_set_expanded (CdMetadata *self,
                                        gboolean    expanded);
void          cd_metadata_focus_headline (CdMetadata *self);
void          cd_metadata_focus_language (CdMetadata *self);
CdPublishBar *cd_metadata_get_publish_bar (CdMetadata *self);

CdFeaturedImage *cd_metadata_get_featured_image (CdMetadata *self);

G_END_DECLS
