/* cd-language-names.h: a language tag's name, as a person reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cd_language_get_name (const char *tag);

G_END_DECLS
