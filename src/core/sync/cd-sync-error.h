/* cd-sync-error.h: the error domain of the sync engine and its state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CD_SYNC_ERROR (cd_sync_error_quark ())

typedef enum
{
  CD_SYNC_ERROR_FAILED,
  CD_SYNC_ERROR_UNKNOWN_ACCOUNT, /* no account of that name */
  CD_SYNC_ERROR_NO_ACCOUNTS,     /* nothing to sync with */
  CD_SYNC_ERROR_BUSY,            /* a sync of the store runs already, here or elsewhere */
  CD_SYNC_ERROR_NOT_IN_CONFLICT, /* resolve on an article that has no conflict */
  CD_SYNC_ERROR_EMBARGO,         /* publish before the article's embargo */
  CD_SYNC_ERROR_NOT_READY,       /* publish of an article held, killed, or not in sync */
  CD_SYNC_ERROR_CHECKS,          /* publish of an article with check errors, no reason given */
  CD_SYNC_ERROR_SLUG,            /* an update that would change a live post's slug */
  CD_SYNC_ERROR_LATE,            /* a queued publish whose time passed: ask first */
  CD_SYNC_ERROR_QUEUED,          /* the site could not be reached: the publish waits */
} CdSyncError;

GQuark cd_sync_error_quark (void);

G_END_DECLS
