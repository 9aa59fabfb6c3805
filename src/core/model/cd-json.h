/* cd-json.h: JSON from outside, read within bounds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper than any reply or snapshot Copydesk reads legitimately. */
#define CD_JSON_MAX_DEPTH 512

gboolean  cd_json_check_depth (const char *data,
                               gsize       length,
                               guint       max_depth,
                               GError    **error);
JsonNode *cd_json_parse (const char *data,
                         gsize       length,
                         GError    **error);

gboolean cd_json_object_equal (JsonObject *a,
                               JsonObject *b);

G_END_DECLS
