/* cd-language.h: the language a text reads as.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GStrv    cd_language_guess (const char *text);
gboolean cd_language_reads_as (const char *const *guess,
                               const char        *tag);

G_END_DECLS
