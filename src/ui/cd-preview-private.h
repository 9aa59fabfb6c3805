/* cd-preview-private.h: what the preview's files share: the instance, the
 * page's address and the calls between them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-preview.h"

G_BEGIN_DECLS

#define CD_PREVIEW_SCHEME "copydesk-preview"
#define CD_PREVIEW_ORIGIN CD_PREVIEW_SCHEME "://preview"
#define CD_PREVIEW_RESOURCE_DIR RESOURCE_PREFIX "/preview/"
#define CD_PREVIEW_FEATURED_IMAGE_PATH "/featured-image"
/* The scheme of stored images, as cd_render_markdown() writes their src. */
#define CD_PREVIEW_IMAGE_SCHEME "copydesk-image"

struct _CdPreview
{
  GtkWidget parent_instance;

  WebKitWebView *web_view;
  CdArticle     *article;
  gulong         article_notify_id;
  CdStore       *store; /* where the article's images are */
  GCancellable  *cancellable;

  /* The URI of the template page as this preview loads it. */
  char *template_uri;
  /* The last JSON sent to the page, to skip updates that change nothing. */
  char *last_sent;

  guint tick_id;
  guint pending_line;
  /* Counts page loads, so that an answer from a page since replaced is
   * told apart from one from the current page. */
  guint page_serial;

  /* Rendering off the main thread (cd-preview-render.c). */
  struct _CdPreviewRender *render;

  guint loaded : 1;
  guint allow_remote_images : 1;
  guint update_pending : 1;
  guint update_in_flight : 1;
  guint scroll_pending : 1;
};

/* cd-preview-scheme.c: the page's resources and the shared web context. */
WebKitWebContext     *_cd_preview_get_web_context (void);
WebKitNetworkSession *_cd_preview_get_network_session (void);
char                 *_cd_preview_template_uri (gboolean allow_remote_images);
void                  _cd_preview_finish_with_bytes (WebKitURISchemeRequest *request,
                                                     GBytes                 *bytes,
                                                     const char             *content_type);

/* cd-preview-images.c: the copydesk-image: scheme. */
void _cd_preview_images_register (WebKitWebContext *context);

/* cd-preview-update.c: updates of the page, one a frame. */
void  _cd_preview_schedule (CdPreview *self);
char *_cd_preview_build_update (CdArticle         *article,
                                const char *const *blocks,
                                gboolean           allow_remote_images);
void  _cd_preview_send_json (CdPreview *self,
                             char      *json);

/* cd-preview-render.c: the body rendered on a worker thread, the latest
 * text only, within a time budget. */
void _cd_preview_render_start (CdPreview *self);
void _cd_preview_render_dispose (CdPreview *self);

/* cd-preview.c */
void _cd_preview_emit_updated (CdPreview *self);

G_END_DECLS
