/* cd-history.h: an article's revisions, a diff of each against the
 * current text, and Restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cd-store.h"

G_BEGIN_DECLS

#define CD_TYPE_HISTORY (cd_history_get_type ())
G_DECLARE_FINAL_TYPE (CdHistory, cd_history, CD, HISTORY, AdwWindow)

CdHistory  *cd_history_new (GtkWindow *parent,
                            CdStore   *store,
                            CdArticle *current);
guint       cd_history_get_n_revisions (CdHistory *self);
void        cd_history_select (CdHistory *self,
                               guint      index);
char       *cd_history_get_diff_text (CdHistory *self);
void        cd_history_restore_selected (CdHistory *self);
void        cd_history_show_diff (CdHistory *self);
const char *cd_history_reason_label (CdRevisionReason reason);

G_END_DECLS
