/* cd-newsroom-page.h: the Newsroom page of the preferences window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cd-store.h"

G_BEGIN_DECLS

#define CD_TYPE_NEWSROOM_PAGE (cd_newsroom_page_get_type ())
G_DECLARE_FINAL_TYPE (CdNewsroomPage, cd_newsroom_page, CD, NEWSROOM_PAGE, AdwPreferencesPage)

CdNewsroomPage *cd_newsroom_page_new (CdStore              *store,
                                      AdwPreferencesWindow *window);

G_END_DECLS
