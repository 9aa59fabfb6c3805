/* cd-json.c: JSON from outside, read within bounds.
 *
 * json-glib builds its tree by recursion, so a reply of a few hundred
 * kilobytes of nested arrays ("[[[[…") overflows the thread's stack. A scan
 * that counts nesting without recursion refuses such text before the parser
 * sees it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-json"

#include "config.h"

#include <gio/gio.h>

#include "cd-json.h"

/**
 * cd_json_check_depth:
 * @data: JSON text, not necessarily valid
 * @length: its length in bytes
 * @max_depth: how many arrays and objects may be open at once
 * @error: return location for a G_IO_ERROR_INVALID_DATA error
 *
 * Counts the arrays and objects open at each point, skipping strings, and
 * fails as soon as more than @max_depth are open. Anything else wrong with
 * the text is left for the parser to report.
 *
 * Returns: %TRUE when the text nests no deeper than @max_depth
 */
gboolean
cd_json_check_depth (const char *data,
                     gsize       length,
                     guint       max_depth,
                     GError    **error)
{
  gboolean in_string = FALSE;
  guint    depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "the JSON nests more than %u arrays or objects inside each other",
                           max_depth);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/**
 * cd_json_parse:
 * @data: JSON text
 * @length: its length in bytes
 * @error: return location for an error
 *
 * Parses JSON that came from outside (a server's reply, a file), refusing
 * text nested deeper than %CD_JSON_MAX_DEPTH before it reaches the
 * recursive parser.
 *
 * Returns: (transfer full) (nullable): the root node, read-only; %NULL
 *   with G_IO_ERROR_INVALID_DATA when the text nests too deep, or a
 *   %JSON_PARSER_ERROR
 */
JsonNode *
cd_json_parse (const char *data,
               gsize       length,
               GError    **error)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!cd_json_check_depth (data, length, CD_JSON_MAX_DEPTH, error))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", (gssize) length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      /* G_IO_ERROR_INVALID_DATA stays the depth's alone, for callers to tell
       * a hostile reply from a broken one. */
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "the JSON is empty");
      return NULL;
    }
  return json_node_ref (root);
}

/**
 * cd_json_object_equal:
 * @a: (nullable): an object
 * @b: (nullable): another
 *
 * Returns: whether both hold the same members and values; %NULL and an
 *   empty object are equal
 */
gboolean
cd_json_object_equal (JsonObject *a,
                      JsonObject *b)
{
  g_autoptr (JsonNode) na = NULL;
  g_autoptr (JsonNode) nb = NULL;
  gboolean empty_a = a == NULL || json_object_get_size (a) == 0;
  gboolean empty_b = b == NULL || json_object_get_size (b) == 0;

  if (empty_a || empty_b)
    return empty_a == empty_b;
  na = json_node_init_object (json_node_alloc (), a);
  nb = json_node_init_object (json_node_alloc (), b);
  return json_node_equal (na, nb);
}
