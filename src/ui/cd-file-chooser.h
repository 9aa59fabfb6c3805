/* cd-file-chooser.h: one way to ask for a file and act on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* Called with the object that showed the chooser, the chooser (for its
 * filter or its other files) and the file chosen. */
typedef void (*CdFileChosenFunc) (gpointer        owner,
                                  GtkFileChooser *chooser,
                                  GFile          *file);

GtkFileFilter *cd_file_chooser_add_filter (GtkFileChooser    *chooser,
                                           const char        *name,
                                           const char *const *mime_types,
                                           const char *const *patterns);
void           cd_file_chooser_suggest_name (GtkFileChooser *chooser,
                                             CdArticle      *article,
                                             const char     *extension);
void           cd_file_chooser_run (GtkFileChooserNative *chooser,
                                    gpointer              owner,
                                    CdFileChosenFunc      func);

G_END_DECLS
