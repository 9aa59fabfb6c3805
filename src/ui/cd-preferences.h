/* cd-preferences.h: the preferences window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CD_TYPE_PREFERENCES (cd_preferences_get_type ())
G_DECLARE_FINAL_TYPE (CdPreferences, cd_preferences, CD, PREFERENCES, AdwPreferencesWindow)

CdPreferences *cd_preferences_new (GtkWindow *parent,
                                   GSettings *settings);

G_END_DECLS
