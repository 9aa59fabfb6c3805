/* cd-editor.h: the article body: the view, with find and replace above it
 * and a status strip below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "cd-article.h"
#include "cd-editor-blocks.h"
#include "cd-status-strip.h"

G_BEGIN_DECLS

/* Reading speed for the reading time in the status strip. */
#define CD_EDITOR_WORDS_PER_MINUTE CD_STATUS_STRIP_WORDS_PER_MINUTE

#define CD_TYPE_EDITOR (cd_editor_get_type ())
G_DECLARE_FINAL_TYPE (CdEditor, cd_editor, CD, EDITOR, GtkWidget)

GtkWidget       *cd_editor_new (void);
void             cd_editor_set_article (CdEditor  *self,
                                        CdArticle *article);
CdArticle       *cd_editor_get_article (CdEditor *self);
GtkSourceView   *cd_editor_get_view (CdEditor *self);
GtkSourceBuffer *cd_editor_get_buffer (CdEditor *self);
void             cd_editor_set_font (CdEditor   *self,
                                     const char *font);
void             cd_editor_show_search (CdEditor *self,
                                        gboolean  replace);
void             cd_editor_hide_search (CdEditor *self);
int              cd_editor_get_cursor_offset (CdEditor *self);
void             cd_editor_place_cursor (CdEditor *self,
                                         int       offset);
guint            cd_editor_get_first_visible_line (CdEditor *self);
void             cd_editor_select_range (CdEditor *self,
                                         int       start,
                                         int       end);
char            *cd_editor_get_status_text (CdEditor *self);
CdEditorBlocks  *cd_editor_get_blocks (CdEditor *self);

G_END_DECLS
