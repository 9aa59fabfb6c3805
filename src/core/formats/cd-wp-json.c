/* cd-wp-json.c: block attributes decoded as PHP's json_decode() decodes
 * them.
 *
 * WordPress reads a block's attributes with json_decode($json, true), which
 * is strict RFC 8259 JSON: no single quotes, comments, trailing commas,
 * leading zeros or raw control characters, valid UTF-8 and paired
 * surrogates only, at most 512 levels of nesting; an integer too large for
 * 64 bits becomes a float. json-glib accepts more than that, so block
 * attributes get this small parser of their own: what WordPress reads as
 * null must be null here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-json"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cd-wp-blocks-private.h"

/* PHP_JSON_PARSER_DEFAULT_DEPTH */
#define MAX_DEPTH 512

typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
} Reader;

static JsonNode *read_value (Reader *r);

static void
skip_space (Reader *r)
{
  g_assert (r != NULL);

  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

/* Steps over @c when it comes next. */
static gboolean
skip_char (Reader *r,
           char    c)
{
  g_assert (r != NULL);

  if (r->p >= r->end || *r->p != c)
    return FALSE;
  r->p++;
  return TRUE;
}

/* Steps over one or more digits; FALSE when none comes next. */
static gboolean
skip_digits (Reader *r)
{
  g_assert (r != NULL);

  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return FALSE;
  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++;
  return TRUE;
}

static gboolean
read_hex4 (Reader  *r,
           guint32 *value)
{
  g_assert (r != NULL && value != NULL);

  *value = 0;
  if (r->end - r->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (r->p[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
    }
  r->p += 4;
  return TRUE;
}

/* A string after its opening quote; %NULL when PHP refuses it. */
static char *
read_string (Reader *r)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_assert (r != NULL);

  while (r->p < r->end)
    {
      guchar c = *r->p;

      if (c == '"')
        {
          r->p++;
          if (!g_utf8_validate (out->str, out->len, NULL))
            return NULL;
          return g_strndup (out->str, out->len);
        }
      if (c < 0x20)
        return NULL;
      if (c != '\\')
        {
          g_string_append_c (out, c);
          r->p++;
          continue;
        }
      if (++r->p >= r->end)
        return NULL;
      c = *r->p++;
      switch (c)
        {
        case '"':
        case '\\':
        case '/':
          g_string_append_c (out, c);
          break;
        case 'b':
          g_string_append_c (out, '\b');
          break;
        case 'f':
          g_string_append_c (out, '\f');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'u':
          {
            guint32 unit, low;

            if (!read_hex4 (r, &unit))
              return NULL;
            if (unit >= 0xdc00 && unit <= 0xdfff)
              return NULL;
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                  return NULL;
                r->p += 2;
                if (!read_hex4 (r, &low) || low < 0xdc00 || low > 0xdfff)
                  return NULL;
                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              }
            /* A NUL cannot live in a C string; the text stops there, the
             * one place this reading differs from PHP's. */
            if (unit != 0)
              g_string_append_unichar (out, unit);
          }
          break;
        default:
          return NULL;
        }
    }
  return NULL;
}

static JsonNode *
read_number (Reader *r)
{
  const char      *start = r->p;
  gboolean         integer = TRUE;
  g_autofree char *text = NULL;
  JsonNode        *node;

  g_assert (r != NULL);

  skip_char (r, '-');
  /* No leading zeros: a 0 stands alone. */
  if (!skip_char (r, '0') && !skip_digits (r))
    return NULL;
  if (skip_char (r, '.'))
    {
      integer = FALSE;
      if (!skip_digits (r))
        return NULL;
    }
  if (skip_char (r, 'e') || skip_char (r, 'E'))
    {
      integer = FALSE;
      if (!skip_char (r, '+'))
        skip_char (r, '-');
      if (!skip_digits (r))
        return NULL;
    }
  text = g_strndup (start, r->p - start);
  node = json_node_alloc ();
  if (integer)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (text, NULL, 10);
      /* Too large for 64 bits: PHP makes it a float. */
      if (errno != ERANGE)
        return json_node_init_int (node, value);
    }
  return json_node_init_double (node, g_ascii_strtod (text, NULL));
}

static gboolean
read_literal (Reader     *r,
              const char *word)
{
  gsize n = strlen (word);

  g_assert (r != NULL && word != NULL);

  if ((gsize) (r->end - r->p) < n || memcmp (r->p, word, n) != 0)
    return FALSE;
  r->p += n;
  return TRUE;
}

static JsonNode *
read_object (Reader *r)
{
  g_autoptr (JsonObject) object = json_object_new ();

  g_assert (r != NULL);

  skip_space (r);
  if (skip_char (r, '}'))
    return json_node_init_object (json_node_alloc (), object);
  for (;;)
    {
      g_autofree char *key = NULL;
      JsonNode        *value;

      skip_space (r);
      if (!skip_char (r, '"') || (key = read_string (r)) == NULL)
        return NULL;
      skip_space (r);
      if (!skip_char (r, ':') || (value = read_value (r)) == NULL)
        return NULL;
      json_object_set_member (object, key, value);
      skip_space (r);
      if (skip_char (r, ','))
        continue;
      return skip_char (r, '}') ? json_node_init_object (json_node_alloc (), object) : NULL;
    }
}

static JsonNode *
read_array (Reader *r)
{
  g_autoptr (JsonArray) array = json_array_new ();

  g_assert (r != NULL);

  skip_space (r);
  if (skip_char (r, ']'))
    return json_node_init_array (json_node_alloc (), array);
  for (;;)
    {
      JsonNode *value = read_value (r);

      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
      skip_space (r);
      if (skip_char (r, ','))
        continue;
      return skip_char (r, ']') ? json_node_init_array (json_node_alloc (), array) : NULL;
    }
}

static JsonNode *
read_value (Reader *r)
{
  JsonNode *node = NULL;

  g_assert (r != NULL);

  skip_space (r);
  if (r->p >= r->end)
    return NULL;
  switch (*r->p)
    {
    case '{':
    case '[':
      if (++r->depth > MAX_DEPTH)
        return NULL;
      r->p++;
      node = r->p[-1] == '{' ? read_object (r) : read_array (r);
      r->depth--;
      return node;
    case '"':
      {
        char *text;

        r->p++;
        if ((text = read_string (r)) == NULL)
          return NULL;
        node = json_node_init_string (json_node_alloc (), text);
        g_free (text);
        return node;
      }
    case 't':
      return read_literal (r, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return read_literal (r, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return read_literal (r, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      return read_number (r);
    }
}

/**
 * _cd_wp_json_decode:
 * @data: JSON text
 * @length: its length
 *
 * Returns: (transfer full) (nullable): the value, or %NULL where
 *   json_decode() gives null for an error
 */
JsonNode *
_cd_wp_json_decode (const char *data,
                    gsize       length)
{
  Reader    r = { data, data + length, 0 };
  JsonNode *node;

  g_assert (data != NULL);

  node = read_value (&r);
  if (node == NULL)
    return NULL;
  skip_space (&r);
  if (r.p != r.end)
    g_clear_pointer (&node, json_node_unref);
  return node;
}
