/* cd-words.h: counting the words of an article as a reader reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint cd_count_words (const char *text);
guint cd_count_body_words (const char *body);

G_END_DECLS
