/* cd-image-fence.c: reading and rewriting the lines of an ```image fence
 * as the editor shows and edits it.
 *
 * The fence holds one `key: value` a line between its opening and closing
 * lines. Rewriting changes only the lines of alt text, caption and credit,
 * so the id, keys this version does not know and the fence's own
 * delimiters stay byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-image-fence"

#include "config.h"

#include <string.h>

#include "cd-image-fence.h"

/* The keys the popover edits, in the order a new line gets them. */
static const char *const edited_keys[] = { "alt", "caption", "credit" };

/* Where the text after the fence characters of an opening line starts, or
 * NULL when @line opens no fence. */
static const char *
after_fence_chars (const char *line,
                   const char *line_end)
{
  const char *p = line;
  char        c;
  guint       n = 0;

  g_assert (line != NULL && line_end != NULL);

  while (p < line_end && *p == ' ' && p - line < 3)
    p++;
  if (p >= line_end || (*p != '`' && *p != '~'))
    return NULL;
  c = *p;
  while (p < line_end && *p == c)
    p++, n++;
  return n >= 3 ? p : NULL;
}

/**
 * cd_image_fence_is_image:
 * @fence: text starting at a fence's first character
 * @length: its length, or -1
 *
 * Returns: whether the first line of @fence opens a fence whose info
 *   string is `image`
 */
gboolean
cd_image_fence_is_image (const char *fence,
                         gssize      length)
{
  const char *end, *info;

  g_return_val_if_fail (fence != NULL, FALSE);

  if (length < 0)
    length = strlen (fence);
  end = memchr (fence, '\n', length);
  if (end == NULL)
    end = fence + length;
  if ((info = after_fence_chars (fence, end)) == NULL)
    return FALSE;
  while (info < end && (*info == ' ' || *info == '\t'))
    info++;
  while (end > info && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
    end--;
  return (gsize) (end - info) == strlen (CD_IMAGE_FENCE_INFO) &&
         memcmp (info, CD_IMAGE_FENCE_INFO, end - info) == 0;
}

/* The key of a `key: value` line, or FALSE when the line has none. */
static gboolean
line_key (const char *line,
          const char *line_end,
          const char *key)
{
  gsize n = strlen (key);

  g_assert (line != NULL && line_end != NULL && key != NULL);

  while (line < line_end && *line == ' ')
    line++;
  return (gsize) (line_end - line) > n && memcmp (line, key, n) == 0 && line[n] == ':';
}

/* Each line of @fence between its opening and closing lines, as [start,
 * end) byte pairs; the closing line is the last line when it closes. */
static GArray *
inner_lines (const char *fence,
             gsize       length,
             gsize      *closing)
{
  GArray     *lines = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);
  const char *p = memchr (fence, '\n', length);
  const char *end = fence + length;

  g_assert (fence != NULL && closing != NULL);

  *closing = length;
  if (p == NULL)
    return lines;
  for (p++; p < end;)
    {
      const char *line_end = memchr (p, '\n', end - p);
      gsize       pair[2];

      if (line_end == NULL)
        line_end = end;
      if (line_end == end && after_fence_chars (p, line_end) != NULL)
        {
          *closing = p - fence;
          break;
        }
      pair[0] = p - fence;
      pair[1] = line_end - fence;
      g_array_append_val (lines, pair);
      p = line_end + 1;
    }
  return lines;
}

/**
 * cd_image_fence_get_value:
 * @fence: a whole ```image fence
 * @length: its length, or -1
 * @key: a key such as `id`, `alt`, `caption` or `credit`
 *
 * Returns: (transfer full) (nullable): the value of @key's first line,
 *   without the spaces around it, or %NULL when no line has @key
 */
char *
cd_image_fence_get_value (const char *fence,
                          gssize      length,
                          const char *key)
{
  g_autoptr (GArray) lines = NULL;
  gsize closing;

  g_return_val_if_fail (fence != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (length < 0)
    length = strlen (fence);
  lines = inner_lines (fence, length, &closing);
  for (guint i = 0; i < lines->len; i++)
    {
      gsize      *pair = &g_array_index (lines, gsize, 2 * i);
      const char *line = fence + pair[0];
      const char *colon;

      if (!line_key (line, fence + pair[1], key))
        continue;
      colon = memchr (line, ':', pair[1] - pair[0]);
      return g_strstrip (g_strndup (colon + 1, fence + pair[1] - colon - 1));
    }
  return NULL;
}

static void
append_line (GString    *out,
             const char *key,
             const char *value)
{
  g_assert (out != NULL && key != NULL && value != NULL);

  g_string_append_printf (out, "%s:", key);
  if (*value != '\0')
    g_string_append_c (out, ' ');
  /* A value is one line: a line break in it is written as a space. */
  for (const char *p = value; *p != '\0'; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
  g_string_append_c (out, '\n');
}

/**
 * cd_image_fence_set_values:
 * @fence: a whole ```image fence
 * @length: its length, or -1
 * @alt: the alt text
 * @caption: (nullable): the caption; %NULL or empty drops its line
 * @credit: (nullable): the credit; %NULL or empty drops its line
 *
 * Rewrites the alt text, caption and credit lines of @fence and keeps
 * every other line as it is. A key without a line gets one before the
 * closing line.
 *
 * Returns: (transfer full): the new fence
 */
char *
cd_image_fence_set_values (const char *fence,
                           gssize      length,
                           const char *alt,
                           const char *caption,
                           const char *credit)
{
  const char *values[G_N_ELEMENTS (edited_keys)];
  gboolean    written[G_N_ELEMENTS (edited_keys)] = { FALSE };
  g_autoptr (GArray) lines = NULL;
  GString *out;
  gsize    closing, first_end;

  g_return_val_if_fail (fence != NULL, NULL);
  g_return_val_if_fail (alt != NULL, NULL);

  if (length < 0)
    length = strlen (fence);
  values[0] = alt;
  values[1] = caption != NULL ? caption : "";
  values[2] = credit != NULL ? credit : "";
  lines = inner_lines (fence, length, &closing);
  first_end = lines->len > 0 ? g_array_index (lines, gsize, 0) : closing;
  out = g_string_new_len (fence, first_end);
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');

  for (guint i = 0; i < lines->len; i++)
    {
      gsize   *pair = &g_array_index (lines, gsize, 2 * i);
      gboolean edited = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (edited_keys); k++)
        if (line_key (fence + pair[0], fence + pair[1], edited_keys[k]))
          {
            /* A second line of the same key goes: the first one counts. */
            if (!written[k] && (k == 0 || *values[k] != '\0'))
              append_line (out, edited_keys[k], values[k]);
            written[k] = TRUE;
            edited = TRUE;
          }
      if (!edited)
        {
          g_string_append_len (out, fence + pair[0], pair[1] - pair[0]);
          g_string_append_c (out, '\n');
        }
    }
  for (guint k = 0; k < G_N_ELEMENTS (edited_keys); k++)
    if (!written[k] && (k == 0 || *values[k] != '\0'))
      append_line (out, edited_keys[k], values[k]);
  g_string_append_len (out, fence + closing, length - closing);
  return g_string_free (out, FALSE);
}
