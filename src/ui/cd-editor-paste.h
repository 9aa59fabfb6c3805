/* cd-editor-paste.h: pasting formatted text into the body as Markdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *cd_editor_paste_html_to_markdown (const char *data,
                                        gsize       length);
void  cd_editor_paste_attach (GtkTextView *view);

G_END_DECLS
