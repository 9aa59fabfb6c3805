/* cd-accounts-page.h: the Accounts page of the preferences window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cd-store.h"

G_BEGIN_DECLS

#define CD_TYPE_ACCOUNTS_PAGE (cd_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (CdAccountsPage, cd_accounts_page, CD, ACCOUNTS_PAGE, AdwPreferencesPage)

CdAccountsPage *cd_accounts_page_new (CdStore              *store,
                                      AdwPreferencesWindow *toast_window);

G_END_DECLS
