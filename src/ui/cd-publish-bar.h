/* cd-publish-bar.h: the desk's status and the site's, side by side, with
 * the buttons that publish and correct.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* What the Publish button does for an article now. */
typedef enum
{
  CD_PUBLISH_MODE_PUBLISH,  /* goes live now */
  CD_PUBLISH_MODE_SCHEDULE, /* scheduled at its embargo */
  CD_PUBLISH_MODE_UPDATE,   /* the live post gets the staged edits */
} CdPublishMode;

CdPublishMode cd_publish_mode_for (CdArticle *article,
                                   GDateTime *now);
char         *cd_publish_format_time (GDateTime *time);

#define CD_TYPE_PUBLISH_BAR (cd_publish_bar_get_type ())
G_DECLARE_FINAL_TYPE (CdPublishBar, cd_publish_bar, CD, PUBLISH_BAR, GtkWidget)

void        cd_publish_bar_update (CdPublishBar *self,
                                   CdArticle    *article,
                                   const char   *account,
                                   gboolean      staged);
const char *cd_publish_bar_get_site_text (CdPublishBar *self);
const char *cd_publish_bar_get_note_text (CdPublishBar *self);
const char *cd_publish_bar_get_button_label (CdPublishBar *self);

G_END_DECLS
