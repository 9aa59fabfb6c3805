/* cd-search-bar.h: find and replace in the article body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define CD_TYPE_SEARCH_BAR (cd_search_bar_get_type ())
G_DECLARE_FINAL_TYPE (CdSearchBar, cd_search_bar, CD, SEARCH_BAR, GtkWidget)

GtkWidget     *cd_search_bar_new (GtkSourceView *view);
GtkSourceView *cd_search_bar_get_view (CdSearchBar *self);
void           cd_search_bar_set_view (CdSearchBar   *self,
                                       GtkSourceView *view);
void           cd_search_bar_show (CdSearchBar *self,
                                   gboolean     replace);
void           cd_search_bar_hide (CdSearchBar *self);
gboolean       cd_search_bar_get_open (CdSearchBar *self);

G_END_DECLS
