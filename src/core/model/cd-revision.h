/* cd-revision.h: an immutable snapshot of an article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cd-article.h"

G_BEGIN_DECLS

typedef enum
{
  CD_REVISION_NONE, /* a save that takes no revision (autosave) */
  CD_REVISION_CHECKPOINT,
  CD_REVISION_NAMED,
  CD_REVISION_BEFORE_SYNC,
  CD_REVISION_PULLED,
  CD_REVISION_MERGED,
  CD_REVISION_RESTORED,
  CD_REVISION_IMPORTED,
  CD_REVISION_EDITED, /* a change from the command line */
} CdRevisionReason;

#define CD_TYPE_REVISION (cd_revision_get_type ())
G_DECLARE_FINAL_TYPE (CdRevision, cd_revision, CD, REVISION, GObject)

const char *cd_revision_reason_to_string (CdRevisionReason reason);
gboolean    cd_revision_reason_from_string (const char       *text,
                                            CdRevisionReason *reason);

CdRevision      *cd_revision_new (gint64           id,
                                  CdArticle       *snapshot,
                                  GDateTime       *created,
                                  CdRevisionReason reason,
                                  const char      *name);
gint64           cd_revision_get_id (CdRevision *self);
CdArticle       *cd_revision_get_snapshot (CdRevision *self);
GDateTime       *cd_revision_get_created (CdRevision *self);
CdRevisionReason cd_revision_get_reason (CdRevision *self);
const char      *cd_revision_get_name (CdRevision *self);

G_END_DECLS
