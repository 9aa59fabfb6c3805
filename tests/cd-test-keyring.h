/* cd-test-keyring.h: a private session bus with an unlocked throwaway
 * GNOME Keyring, for tests of passwords in the Secret Service.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cd_test_keyring_start (GError **error);
void     cd_test_keyring_stop (void);

G_END_DECLS
