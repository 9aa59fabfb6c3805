/* cd-editor-view.h: the article body's GtkSourceView in its scroller.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define CD_TYPE_EDITOR_VIEW (cd_editor_view_get_type ())
G_DECLARE_FINAL_TYPE (CdEditorView, cd_editor_view, CD, EDITOR_VIEW, GtkWidget)

GtkWidget       *cd_editor_view_new (void);
GtkSourceView   *cd_editor_view_get_source_view (CdEditorView *self);
GtkSourceBuffer *cd_editor_view_get_buffer (CdEditorView *self);
void             cd_editor_view_set_font (CdEditorView *self,
                                          const char   *font);
int              cd_editor_view_get_cursor_offset (CdEditorView *self);
void             cd_editor_view_place_cursor (CdEditorView *self,
                                              int           offset);
void             cd_editor_view_select_range (CdEditorView *self,
                                              int           start,
                                              int           end);
guint            cd_editor_view_get_first_visible_line (CdEditorView *self);

G_END_DECLS
