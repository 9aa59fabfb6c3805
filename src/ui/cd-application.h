/* cd-application.h: the Copydesk application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cd-store.h"
#include "cd-sync.h"

G_BEGIN_DECLS

#define CD_TYPE_APPLICATION (cd_application_get_type ())
G_DECLARE_FINAL_TYPE (CdApplication, cd_application, CD, APPLICATION, AdwApplication)

CdApplication *cd_application_new (const char *data_dir,
                                   const char *open_uuid);
CdStore       *cd_application_get_store (CdApplication *self);
GSettings     *cd_application_get_settings (CdApplication *self);
CdSyncEngine  *cd_application_get_sync_engine (CdApplication *self);

G_END_DECLS
