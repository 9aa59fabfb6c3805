/* cd-wp-serialize.c: WordPress block markup written as WordPress 6.1's
 * serialize_block() writes it.
 *
 * serialize_block_attributes() encodes attributes as PHP's json_encode()
 * does (no escaped slashes or Unicode, U+2028 and U+2029 escaped, floats in
 * PHP's shortest form, an object json_decode() made a list written as one)
 * and then escapes "--", "<", ">", "&" and \" so that the JSON cannot end
 * the HTML comment it sits in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-serialize"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cd-wp-blocks-private.h"
#include "cd-wp-blocks.h"

/* The serializer: PHP's json_encode() with JSON_UNESCAPED_SLASHES and
 * JSON_UNESCAPED_UNICODE, as wp_json_encode() calls it. */

static void encode_node (GString *out, JsonNode *node);

static void
encode_string (GString    *out,
               const char *s)
{
  g_assert (out != NULL && s != NULL);

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          /* U+2028 and U+2029 stay escaped without
           * JSON_UNESCAPED_LINE_TERMINATORS. */
          else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
            {
              g_string_append_printf (out, "\\u%04x", p[2] == 0xa8 ? 0x2028 : 0x2029);
              p += 2;
            }
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* PHP's float output with serialize_precision -1: the shortest digits that
 * read back the same, exponent form below 1e-4 and from 1e17 on. */
static void
encode_double (GString *out,
               double   value)
{
  char  digits[40];
  int   precision, exponent, decpt;
  char  mantissa[24];
  gsize n = 0;

  g_assert (out != NULL);

  if (value == 0)
    {
      g_string_append (out, signbit (value) ? "-0" : "0");
      return;
    }
  for (precision = 1; precision <= 17; precision++)
    {
      g_snprintf (digits, sizeof digits, "%.*e", precision - 1, value);
      if (g_ascii_strtod (digits, NULL) == value)
        break;
    }
  /* digits is "-d.ddde±XX". */
  {
    const char *p = digits;
    const char *e = strchr (digits, 'e');

    if (*p == '-')
      {
        g_string_append_c (out, '-');
        p++;
      }
    for (; p < e; p++)
      if (*p != '.')
        mantissa[n++] = *p;
    mantissa[n] = '\0';
    exponent = atoi (e + 1);
  }
  decpt = exponent + 1;
  if (decpt < -3 || decpt > 17)
    {
      g_string_append_c (out, mantissa[0]);
      g_string_append_c (out, '.');
      g_string_append (out, n > 1 ? mantissa + 1 : "0");
      g_string_append_printf (out, "e%c%d", exponent < 0 ? '-' : '+', ABS (exponent));
    }
  else if (decpt <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -decpt; i++)
        g_string_append_c (out, '0');
      g_string_append (out, mantissa);
    }
  else
    {
      for (int i = 0; i < decpt; i++)
        g_string_append_c (out, (gsize) i < n ? mantissa[i] : '0');
      if ((gsize) decpt < n)
        {
          g_string_append_c (out, '.');
          g_string_append (out, mantissa + decpt);
        }
    }
}

/* An object json_decode() turns into a PHP list: keys "0", "1", … in
 * order. An empty object is an empty array too. */
static gboolean
object_is_list (JsonObject *object)
{
  g_autoptr (GList) members = json_object_get_members (object);
  guint i = 0;

  g_assert (object != NULL);

  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      char expect[16];

      g_snprintf (expect, sizeof expect, "%u", i);
      if (strcmp (l->data, expect) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
encode_node (GString  *out,
             JsonNode *node)
{
  g_assert (out != NULL);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append (out, "null");
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (object);
      gboolean list = object_is_list (object);

      g_string_append_c (out, list ? '[' : '{');
      for (GList *l = members; l != NULL; l = l->next)
        {
          if (l != members)
            g_string_append_c (out, ',');
          if (!list)
            {
              encode_string (out, l->data);
              g_string_append_c (out, ':');
            }
          encode_node (out, json_object_get_member (object, l->data));
        }
      g_string_append_c (out, list ? ']' : '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint      n = json_array_get_length (array);

      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          encode_node (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        encode_double (out, json_node_get_double (node));
      else if (type == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      else if (type == G_TYPE_STRING)
        encode_string (out, json_node_get_string (node));
      else
        g_string_append (out, "null");
    }
}

/* Whether @node holds an infinite number (json_decode() reads 1e999 so),
 * which json_encode() refuses. */
static gboolean
has_non_finite (JsonNode *node)
{
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        if (has_non_finite (json_object_get_member (object, l->data)))
          return TRUE;
      return FALSE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (has_non_finite (json_array_get_element (array, i)))
          return TRUE;
      return FALSE;
    }
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
         !isfinite (json_node_get_double (node));
}

/**
 * cd_wp_block_attributes_serialize:
 * @attrs: a JSON object
 *
 * Encodes block attributes as serialize_block_attributes() does: PHP's
 * json_encode() without escaped slashes or Unicode, then "--", "<", ">",
 * "&" and \" written as \u escapes so that the JSON cannot end the HTML
 * comment it sits in. Attributes json_encode() refuses (an infinite
 * number) give "", as they do in WordPress.
 *
 * Returns: (transfer full): the attribute JSON
 */
char *
cd_wp_block_attributes_serialize (JsonNode *attrs)
{
  g_autoptr (GString) json = g_string_new (NULL);
  GString *out;

  g_return_val_if_fail (attrs != NULL, NULL);

  if (has_non_finite (attrs))
    return g_strdup ("");
  encode_node (json, attrs);
  out = g_string_sized_new (json->len + 16);
  for (gsize i = 0; i < json->len; i++)
    {
      char c = json->str[i];

      if (c == '-' && json->str[i + 1] == '-')
        {
          g_string_append (out, "\\u002d\\u002d");
          i++;
        }
      else if (c == '<')
        g_string_append (out, "\\u003c");
      else if (c == '>')
        g_string_append (out, "\\u003e");
      else if (c == '&')
        g_string_append (out, "\\u0026");
      else if (c == '\\' && json->str[i + 1] == '"')
        {
          g_string_append (out, "\\u0022");
          i++;
        }
      else
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
attrs_empty (JsonNode *attrs)
{
  return attrs == NULL || !JSON_NODE_HOLDS_OBJECT (attrs) ||
         json_object_get_size (json_node_get_object (attrs)) == 0;
}

/**
 * cd_wp_block_serialize_to:
 * @block: a block
 * @out: where to append it
 *
 * Appends what serialize_block() writes for @block.
 */
void
cd_wp_block_serialize_to (const CdWpBlock *block,
                          GString         *out)
{
  g_autoptr (GString) content = NULL;
  const char *name;
  guint       index = 0;

  g_return_if_fail (block != NULL && out != NULL);

  if (block->name == NULL)
    {
      for (guint i = 0; i < block->inner_content->len; i++)
        {
          const char *chunk = g_ptr_array_index (block->inner_content, i);

          if (chunk != NULL)
            g_string_append (out, chunk);
          else
            cd_wp_block_serialize_to (g_ptr_array_index (block->inner_blocks, index++), out);
        }
      return;
    }

  content = g_string_new (NULL);
  for (guint i = 0; i < block->inner_content->len; i++)
    {
      const char *chunk = g_ptr_array_index (block->inner_content, i);

      if (chunk != NULL)
        g_string_append (content, chunk);
      else if (index < block->inner_blocks->len)
        cd_wp_block_serialize_to (g_ptr_array_index (block->inner_blocks, index++), content);
    }

  name = g_str_has_prefix (block->name, "core/") ? block->name + 5 : block->name;
  g_string_append (out, "<!-- wp:");
  g_string_append (out, name);
  g_string_append_c (out, ' ');
  if (!attrs_empty (block->attrs))
    {
      g_autofree char *json = cd_wp_block_attributes_serialize (block->attrs);

      g_string_append (out, json);
      g_string_append_c (out, ' ');
    }
  if (!_cd_wp_php_nonempty (content->str, content->len))
    {
      g_string_append (out, "/-->");
      return;
    }
  g_string_append (out, "-->");
  g_string_append_len (out, content->str, content->len);
  g_string_append (out, "<!-- /wp:");
  g_string_append (out, name);
  g_string_append (out, " -->");
}

/**
 * cd_wp_block_serialize:
 * @block: a block
 *
 * Returns: (transfer full): what serialize_block() writes for @block
 */
char *
cd_wp_block_serialize (const CdWpBlock *block)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (block != NULL, NULL);

  cd_wp_block_serialize_to (block, out);
  return g_string_free (out, FALSE);
}

/**
 * cd_wp_blocks_serialize:
 * @blocks: (element-type CdWpBlock): blocks
 *
 * Returns: (transfer full): what serialize_blocks() writes: the blocks one
 *   after the other, with nothing between them
 */
char *
cd_wp_blocks_serialize (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (blocks != NULL, NULL);

  for (guint i = 0; i < blocks->len; i++)
    cd_wp_block_serialize_to (g_ptr_array_index (blocks, i), out);
  return g_string_free (out, FALSE);
}
