/* cd-check-menu.h: what the checks found, offered in the body's context
 * menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-check-runner.h"

G_BEGIN_DECLS

#define CD_TYPE_CHECK_MENU (cd_check_menu_get_type ())
G_DECLARE_FINAL_TYPE (CdCheckMenu, cd_check_menu, CD, CHECK_MENU, GObject)

CdCheckMenu     *cd_check_menu_attach (CdCheckRunner *runner,
                                       GtkTextView   *view,
                                       const char    *field);
const CdFinding *cd_check_menu_get_finding (CdCheckMenu *self);

G_END_DECLS
