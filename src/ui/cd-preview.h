/* cd-preview.h: the live article preview, a WebKit view of the newsroom
 * template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "cd-article.h"
#include "cd-store.h"

G_BEGIN_DECLS

#define CD_PREVIEW_ERROR (cd_preview_error_quark ())

typedef enum
{
  CD_PREVIEW_ERROR_NOT_LOADED,
  CD_PREVIEW_ERROR_PRINT_FAILED,
} CdPreviewError;

#define CD_TYPE_PREVIEW (cd_preview_get_type ())
G_DECLARE_FINAL_TYPE (CdPreview, cd_preview, CD, PREVIEW, GtkWidget)

GQuark cd_preview_error_quark (void);

CdPreview     *cd_preview_new (void);
CdArticle     *cd_preview_get_article (CdPreview *self);
void           cd_preview_set_article (CdPreview *self,
                                       CdArticle *article);
void           cd_preview_update (CdPreview *self);
void           cd_preview_set_render_budget (CdPreview *self,
                                             guint      budget_ms);
void           cd_preview_scroll_to_source_line (CdPreview *self,
                                                 guint      line);
gboolean       cd_preview_get_allow_remote_images (CdPreview *self);
void           cd_preview_set_allow_remote_images (CdPreview *self,
                                                   gboolean   allow);
gboolean       cd_preview_get_loaded (CdPreview *self);
void           cd_preview_print (CdPreview *self,
                                 GtkWindow *parent);
void           cd_preview_export_pdf_async (CdPreview          *self,
                                            GFile              *file,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean       cd_preview_export_pdf_finish (CdPreview    *self,
                                             GAsyncResult *result,
                                             GError      **error);
WebKitWebView *cd_preview_get_web_view (CdPreview *self);
void           cd_preview_set_store (CdPreview *self,
                                     CdStore   *store);

G_END_DECLS
