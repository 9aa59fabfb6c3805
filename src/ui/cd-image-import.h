/* cd-image-import.h: pictures into the store from the window: a file, a
 * texture from the clipboard, the image chooser, and scaled-down
 * thumbnails, all read and written on worker threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-store.h"

G_BEGIN_DECLS

void                  cd_image_import_file_async (CdStore            *store,
                                                  GFile              *file,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
void                  cd_image_import_texture_async (CdStore            *store,
                                                     GdkTexture         *texture,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
CdImageInfo          *cd_image_import_finish (GAsyncResult *result,
                                              GError      **error);
void                  cd_image_thumbnail_async (CdStore            *store,
                                                const char         *id,
                                                int                 size,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
GdkTexture           *cd_image_thumbnail_finish (GAsyncResult *result,
                                                 GError      **error);
GtkFileChooserNative *cd_image_chooser_new (GtkWindow  *parent,
                                            const char *title);

G_END_DECLS
