/* cd-sync-error.c: the error domain of the sync engine and its state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-sync"

#include "config.h"

#include "cd-sync-error.h"

G_DEFINE_QUARK (CdSyncError, cd_sync_error)
