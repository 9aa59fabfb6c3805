/* cd-text.h: small judgements and clean-ups on plain UTF-8 text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cd_text_is_blank (const char *text);
gboolean cd_text_has_char (const char *text,
                           gboolean (*test) (gunichar c));
char    *cd_text_strip_controls (const char *text,
                                 gboolean    one_line);

gboolean cd_strv_equal (const char *const *a,
                        const char *const *b);

G_END_DECLS
