/* cd-document.h: an article open for editing, with autosave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-store.h"

G_BEGIN_DECLS

/* How long after the last edit an autosave is written, and the longest an
 * edit waits while typing goes on (DESIGN.md, "Autosave and recovery":
 * within 1 s of a pause, at least every 3 s while typing, and a SIGKILL
 * loses at most the last second, so typing is written every second). */
#define CD_DOCUMENT_IDLE_SAVE_MS 700
#define CD_DOCUMENT_MAX_SAVE_DELAY_MS 1000
#define CD_DOCUMENT_CHECKPOINT_USEC (10 * G_USEC_PER_SEC * 60)
/* A write that failed (a full disk, say) is tried again this often, the
 * text staying in memory meanwhile. */
#define CD_DOCUMENT_RETRY_SAVE_MS 5000

#define CD_TYPE_DOCUMENT (cd_document_get_type ())
G_DECLARE_FINAL_TYPE (CdDocument, cd_document, CD, DOCUMENT, GObject)

CdDocument   *cd_document_new (CdStore   *store,
                               CdArticle *article);
CdStore      *cd_document_get_store (CdDocument *self);
CdArticle    *cd_document_get_article (CdDocument *self);
gboolean      cd_document_get_dirty (CdDocument *self);
const GError *cd_document_get_error (CdDocument *self);
void          cd_document_save_now (CdDocument *self);
void          cd_document_save_version (CdDocument      *self,
                                        CdRevisionReason reason,
                                        const char      *name);
gboolean      cd_document_flush (CdDocument *self,
                                 GError    **error);
void          cd_document_set_checkpoint_interval (CdDocument *self,
                                                   gint64      usec);

G_END_DECLS
