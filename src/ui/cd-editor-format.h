/* cd-editor-format.h: Markdown formatting from the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean cd_editor_format_toggle_wrap (GtkTextBuffer *buffer,
                                       const char    *marker);
gboolean cd_editor_format_toggle_link (GtkTextBuffer *buffer);
gboolean cd_editor_format_set_heading (GtkTextBuffer *buffer,
                                       guint          level);
void     cd_editor_format_activate (GtkTextBuffer *buffer,
                                    const char    *action_name,
                                    GVariant      *param);
void     cd_editor_format_install (GtkWidgetClass             *widget_class,
                                   GtkWidgetActionActivateFunc activate);

G_END_DECLS
