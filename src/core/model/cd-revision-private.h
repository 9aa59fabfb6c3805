/* cd-revision-private.h: revisions as the store reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-revision.h"

G_BEGIN_DECLS

/* A revision whose snapshot stays JSON (cd_article_to_json()) until
 * cd_revision_get_snapshot() first asks for it, so that listing a long
 * history reads names and dates without parsing every version's body. */
CdRevision *_cd_revision_new_lazy (gint64           id,
                                   const char      *uuid,
                                   char            *snapshot_json,
                                   GDateTime       *created,
                                   CdRevisionReason reason,
                                   const char      *name);

G_END_DECLS
