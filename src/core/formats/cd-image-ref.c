/* cd-image-ref.c: finding and writing the body's `image` fences.
 *
 * The scan follows CommonMark's fenced code blocks closely enough to agree
 * with the renderer on where a fence starts and ends: an opening line of
 * three or more backticks or tildes indented at most three spaces, closed
 * by a line of at least as many of the same character and nothing else.
 * Every fence is skipped whole, so an `image` fence quoted inside another
 * fence is not taken for a reference. A fence left open to the end of the
 * body is not a reference either: it is still being typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-image-ref"

#include "config.h"

#include <string.h>

#include "cd-image-ref.h"

void
cd_image_ref_free (CdImageRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->id);
  g_free (ref->alt);
  g_free (ref->caption);
  g_free (ref->credit);
  g_free (ref);
}

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
  if (fence->fence_char == '`' && memchr (p, '`', line_end - p) != NULL)
    return FALSE;
  return TRUE;
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

static gboolean
closes_fence (const char      *line,
              const char      *line_end,
              const FenceLine *open)
{
  FenceLine close;

  g_assert (open != NULL);

  return parse_fence_line (line, line_end, &close) && close.fence_char == open->fence_char &&
         close.length >= open->length && is_blank (close.rest, line_end);
}

static char *
strip_to_string (const char *start,
                 const char *end)
{
  g_autofree char *text = g_strndup (start, end - start);

  g_assert (start != NULL && end != NULL);

  return g_utf8_make_valid (g_strstrip (text), -1);
}

/* Reads one `key: value` line of an image fence into @ref; the first line
 * for a key wins, and unknown keys are left for the body to keep. */
static void
read_key_line (CdImageRef *ref,
               const char *line,
               const char *line_end)
{
  const char      *colon = memchr (line, ':', line_end - line);
  g_autofree char *key = NULL;
  char           **slot = NULL;

  g_assert (ref != NULL);

  if (colon == NULL)
    return;
  key = strip_to_string (line, colon);
  if (g_str_equal (key, "id"))
    slot = &ref->id;
  else if (g_str_equal (key, "alt"))
    slot = &ref->alt;
  else if (g_str_equal (key, "caption"))
    slot = &ref->caption;
  else if (g_str_equal (key, "credit"))
    slot = &ref->credit;
  if (slot != NULL && *slot == NULL)
    *slot = strip_to_string (colon + 1, line_end);
}

static const char *
line_end_of (const char *line)
{
  const char *newline = strchr (line, '\n');

  return newline != NULL ? newline : line + strlen (line);
}

/**
 * cd_image_refs_in_body:
 * @body: (nullable): an article's body
 *
 * Finds every `image` fence of @body, in order. A fence without an `id`
 * line is still returned (with @id %NULL), so that checks can report it.
 *
 * Returns: (transfer full) (element-type CdImageRef): the references
 */
GPtrArray *
cd_image_refs_in_body (const char *body)
{
  GPtrArray  *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_image_ref_free);
  const char *line = body;

  if (body == NULL)
    return refs;

  while (*line != '\0')
    {
      const char      *end = line_end_of (line);
      FenceLine        open;
      g_autofree char *info = NULL;
      const char      *inner;
      g_autoptr (CdImageRef) ref = NULL;

      if (!parse_fence_line (line, end, &open))
        {
          line = *end != '\0' ? end + 1 : end;
          continue;
        }
      info = strip_to_string (open.rest, end);
      ref = g_new0 (CdImageRef, 1);
      ref->start = line - body;
      for (inner = *end != '\0' ? end + 1 : end; *inner != '\0';)
        {
          const char *inner_end = line_end_of (inner);

          if (closes_fence (inner, inner_end, &open))
            {
              ref->end = inner_end - body;
              /* A carriage return before the newline belongs to the line
               * break, not to the fence. */
              if (inner_end > inner && inner_end[-1] == '\r')
                ref->end--;
              break;
            }
          if (g_str_equal (info, "image"))
            read_key_line (ref, inner, inner_end);
          inner = *inner_end != '\0' ? inner_end + 1 : inner_end;
        }
      if (*inner == '\0')
        break; /* open to the end of the body */
      if (g_str_equal (info, "image"))
        g_ptr_array_add (refs, g_steal_pointer (&ref));
      end = line_end_of (inner);
      line = *end != '\0' ? end + 1 : end;
    }
  return refs;
}

/* A value on one line: line breaks become spaces, as the fence's form
 * needs, and invalid UTF-8 is replaced. */
static void
append_value (GString    *fence,
              const char *key,
              const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value != NULL ? value : "", -1);

  g_assert (fence != NULL);
  g_assert (key != NULL);

  for (char *p = valid; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        *p = ' ';
    }
  g_string_append_printf (fence, "%s: %s\n", key, g_strstrip (valid));
}

/**
 * cd_image_ref_to_fence:
 * @id: the image's id
 * @alt: (nullable): its alt text
 * @caption: (nullable): its caption; %NULL or empty leaves the line out
 * @credit: (nullable): its credit; %NULL or empty leaves the line out
 *
 * Returns: (transfer full): the `image` fence, ending with the closing
 *   backticks (no newline after them)
 */
char *
cd_image_ref_to_fence (const char *id,
                       const char *alt,
                       const char *caption,
                       const char *credit)
{
  GString *fence;

  g_return_val_if_fail (id != NULL, NULL);

  fence = g_string_new ("```image\n");
  append_value (fence, "id", id);
  append_value (fence, "alt", alt);
  if (caption != NULL && *caption != '\0')
    append_value (fence, "caption", caption);
  if (credit != NULL && *credit != '\0')
    append_value (fence, "credit", credit);
  g_string_append (fence, "```");
  return g_string_free (fence, FALSE);
}
