/* cd-frontmatter-private.h: what reading front matter (cd-frontmatter.c)
 * and writing it (cd-frontmatter-write.c) share: how a plain scalar reads,
 * and other tools' names for the fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean _cd_front_matter_looks_like_float (const char *v);
gboolean _cd_front_matter_plain_reads_as_non_string (const char *v);
gboolean _cd_front_matter_has_alias (JsonObject *extra,
                                     const char *field);

G_END_DECLS
