/* cd-conflict-window.h: settle a sync conflict: base, mine and theirs side
 * by side, and a merged text to edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cd-sync.h"

G_BEGIN_DECLS

#define CD_CONFLICT_ERROR (cd_conflict_error_quark ())

typedef enum
{
  CD_CONFLICT_ERROR_MARKS, /* conflict marks left in the merged text */
  CD_CONFLICT_ERROR_FIELD, /* a header line that names no field */
} CdConflictError;

typedef enum
{
  CD_CONFLICT_BASE,
  CD_CONFLICT_MINE,
  CD_CONFLICT_THEIRS,
  CD_CONFLICT_MERGED,
} CdConflictSide;

#define CD_TYPE_CONFLICT_WINDOW (cd_conflict_window_get_type ())
G_DECLARE_FINAL_TYPE (CdConflictWindow, cd_conflict_window, CD, CONFLICT_WINDOW, AdwWindow)

GQuark cd_conflict_error_quark (void);

CdConflictWindow *cd_conflict_window_new (GtkWindow    *parent,
                                          CdSyncEngine *engine,
                                          const char   *uuid,
                                          const char   *account,
                                          GError      **error);
const char       *cd_conflict_window_get_uuid (CdConflictWindow *self);
const char       *cd_conflict_window_get_account (CdConflictWindow *self);
char             *cd_conflict_window_get_text (CdConflictWindow *self,
                                               CdConflictSide    side);
void              cd_conflict_window_set_merged (CdConflictWindow *self,
                                                 const char       *text);
const char       *cd_conflict_window_get_error (CdConflictWindow *self);

char    *cd_conflict_format_article (CdArticle *article);
gboolean cd_conflict_parse_text (const char *text,
                                 CdArticle  *article,
                                 GError    **error);

G_END_DECLS
