/* cd-list-editor.h: a page for editing a list kept as text, one item a line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CD_TYPE_LIST_EDITOR (cd_list_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdListEditor, cd_list_editor, CD, LIST_EDITOR, GtkBox)

CdListEditor *cd_list_editor_new (const char *title,
                                  const char *description,
                                  gboolean    can_restore);
char         *cd_list_editor_dup_text (CdListEditor *self);
void          cd_list_editor_set_text (CdListEditor *self,
                                       const char   *text);
void          cd_list_editor_set_error (CdListEditor *self,
                                        const char   *message);
void          cd_list_editor_set_subtitle (CdListEditor *self,
                                           const char   *subtitle);
gboolean      cd_list_editor_flush (CdListEditor *self);
GtkWidget    *cd_list_editor_get_text_view (CdListEditor *self);

G_END_DECLS
