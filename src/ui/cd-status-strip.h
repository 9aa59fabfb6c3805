/* cd-status-strip.h: words, characters, reading time and progress to the
 * length target, under the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* Reading speed for the reading time in the status strip. */
#define CD_STATUS_STRIP_WORDS_PER_MINUTE 230

#define CD_TYPE_STATUS_STRIP (cd_status_strip_get_type ())
G_DECLARE_FINAL_TYPE (CdStatusStrip, cd_status_strip, CD, STATUS_STRIP, GtkWidget)

GtkWidget *cd_status_strip_new (GtkTextBuffer *buffer);
void       cd_status_strip_set_buffer (CdStatusStrip *self,
                                       GtkTextBuffer *buffer);
void       cd_status_strip_set_article (CdStatusStrip *self,
                                        CdArticle     *article);
void       cd_status_strip_queue (CdStatusStrip *self);
char      *cd_status_strip_get_text (CdStatusStrip *self);

G_END_DECLS
