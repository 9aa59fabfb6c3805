/* cd-wp-blocks-private.h: what the block parser and serializer share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* PHP's empty() on a string: "" and "0" are both empty. WordPress's parser
 * and serializer test HTML with it. */
static inline gboolean
_cd_wp_php_nonempty (const char *s,
                     gsize       n)
{
  g_assert (s != NULL);

  return n > 0 && !(n == 1 && s[0] == '0');
}

JsonNode *_cd_wp_json_decode (const char *data,
                              gsize       length);

G_END_DECLS
