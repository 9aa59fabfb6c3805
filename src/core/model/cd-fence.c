/* cd-fence.c: finding a body's fenced code blocks.
 *
 * The scan follows CommonMark closely enough to agree with the renderer on
 * where a fence starts and ends: an opening line of three or more
 * backticks or tildes indented at most three spaces, closed by a line of
 * at least as many of the same character and nothing else. A fence left
 * open to the end of the text is not returned: it is still being typed,
 * and nothing inside it is taken for a fence of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-fence"

#include "config.h"

#include <string.h>

#include "cd-fence.h"

/* A fence line: its character and run length, and where the rest of the
 * line (the info string) starts. */
typedef struct
{
  char        fence_char;
  gsize       length;
  const char *rest;
} FenceLine;

static gboolean
parse_fence_line (const char *line,
                  const char *line_end,
                  FenceLine  *fence)
{
  const char *p = line;
  guint       indent = 0;

  g_assert (line != NULL && line_end != NULL);
  g_assert (fence != NULL);

  while (p < line_end && *p == ' ' && indent < 4)
    p++, indent++;
  if (indent > 3 || p >= line_end || (*p != '`' && *p != '~'))
    return FALSE;
  fence->fence_char = *p;
  fence->length = 0;
  while (p < line_end && *p == fence->fence_char)
    p++, fence->length++;
  fence->rest = p;
  if (fence->length < 3)
    return FALSE;
  /* A backtick fence's info string may not hold a backtick. */
  return fence->fence_char != '`' || memchr (p, '`', line_end - p) == NULL;
}

static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\r')
        return FALSE;
    }
  return TRUE;
}

static const char *
line_end_of (const char *line)
{
  const char *newline = strchr (line, '\n');

  return newline != NULL ? newline : line + strlen (line);
}

static const char *
next_line (const char *line_end)
{
  return *line_end != '\0' ? line_end + 1 : line_end;
}

/**
 * cd_fence_next:
 * @text: Markdown
 * @pos: (inout): where to look from, at the start of a line; moved past
 *   the fence found, or to the end of @text
 * @fence: (out caller-allocates): the fence found
 *
 * Returns: %TRUE when a closed fence was found at or after @pos
 */
gboolean
cd_fence_next (const char *text,
               gsize      *pos,
               CdFence    *fence)
{
  const char *line;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (pos != NULL, FALSE);
  g_return_val_if_fail (fence != NULL, FALSE);

  for (line = text + *pos; *line != '\0';)
    {
      const char *end = line_end_of (line);
      const char *inner;
      FenceLine   open;

      if (!parse_fence_line (line, end, &open))
        {
          line = next_line (end);
          continue;
        }
      for (inner = next_line (end); *inner != '\0';)
        {
          const char *inner_end = line_end_of (inner);
          FenceLine   close;

          if (parse_fence_line (inner, inner_end, &close) &&
              close.fence_char == open.fence_char && close.length >= open.length &&
              is_blank (close.rest, inner_end))
            {
              fence->start = line - text;
              fence->info_start = open.rest - text;
              fence->info_end = end - text;
              if (end > open.rest && end[-1] == '\r')
                fence->info_end--;
              fence->inner_start = next_line (end) - text;
              fence->inner_end = inner - text;
              fence->end = inner_end - text;
              if (inner_end > inner && inner_end[-1] == '\r')
                fence->end--;
              *pos = next_line (inner_end) - text;
              return TRUE;
            }
          inner = next_line (inner_end);
        }
      break; /* open to the end of the text */
    }
  *pos = strlen (text);
  return FALSE;
}

/**
 * cd_fence_has_info:
 * @info: an info string such as "image"
 *
 * Returns: %TRUE when @fence's info string, without the blanks around it,
 *   is @info
 */
gboolean
cd_fence_has_info (const char    *text,
                   const CdFence *fence,
                   const char    *info)
{
  const char *p, *end;
  gsize       length;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (fence != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  p = text + fence->info_start;
  end = text + fence->info_end;
  while (p < end && g_ascii_isspace (*p))
    p++;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  length = strlen (info);
  return (gsize) (end - p) == length && memcmp (p, info, length) == 0;
}
