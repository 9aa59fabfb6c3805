/* cd-image-ref.c: finding and writing the body's `image` fences. Every
 * fence is found whole (model/cd-fence.c), so an `image` fence quoted
 * inside another fence is not taken for a reference, and one left open to
 * the end of the body is not one either: it is still being typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-image-ref"

#include "config.h"

#include <string.h>

#include "cd-fence.h"
#include "cd-image-ref-private.h"
#include "cd-store.h"

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

static CdImageRef *
read_fence (const char    *body,
            const CdFence *fence)
{
  CdImageRef *ref = g_new0 (CdImageRef, 1);
  const char *line = body + fence->inner_start;
  const char *inner_end = body + fence->inner_end;

  g_assert (body != NULL);
  g_assert (fence != NULL);

  ref->start = fence->start;
  ref->end = fence->end;
  while (line < inner_end)
    {
      const char *newline = memchr (line, '\n', inner_end - line);
      const char *line_end = newline != NULL ? newline : inner_end;

      read_key_line (ref, line, line_end);
      line = line_end + 1;
    }
  return ref;
}

/**
 * cd_image_refs_in_body:
 * @body: (nullable): an article's body
 *
 * Finds every `image` fence of @body, in order (see cd_fence_next() for
 * which fences count). A fence without an `id` line is still returned
 * (with @id %NULL), so that checks can report it.
 *
 * Returns: (transfer full) (element-type CdImageRef): the references
 */
GPtrArray *
cd_image_refs_in_body (const char *body)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_image_ref_free);
  gsize      pos = 0;
  CdFence    fence;

  if (body == NULL)
    return refs;
  while (cd_fence_next (body, &pos, &fence))
    {
      if (cd_fence_has_info (body, &fence, "image"))
        g_ptr_array_add (refs, read_fence (body, &fence));
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

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_assert (out != NULL);

  g_string_append (out, escaped);
}

static gboolean
nonempty (const char *text)
{
  return text != NULL && *text != '\0';
}

/* The figure without its closing tag's newline; @attributes go into the
 * figure's start tag as they are. */
static void
append_figure (GString    *out,
               const char *attributes,
               const char *id,
               const char *alt,
               const char *caption,
               const char *credit)
{
  gboolean known = cd_image_id_is_valid (id);

  g_assert (out != NULL);

  g_string_append_printf (out, "<figure class=\"image%s\"%s>",
                          known ? "" : " cd-image-missing", attributes != NULL ? attributes : "");
  if (known)
    {
      /* The id is 64 hex digits: nothing in it needs escaping. */
      g_string_append_printf (out, "<img src=\"%s%s\" alt=\"", CD_IMAGE_URI_SCHEME ":", id);
      append_escaped (out, alt != NULL ? alt : "");
      g_string_append (out, "\">");
    }
  if (nonempty (caption) || nonempty (credit))
    {
      g_string_append (out, "<figcaption>");
      if (nonempty (caption))
        append_escaped (out, caption);
      if (nonempty (caption) && nonempty (credit))
        g_string_append_c (out, ' ');
      if (nonempty (credit))
        {
          g_string_append (out, "<span class=\"credit\">");
          append_escaped (out, credit);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</figcaption>");
    }
  g_string_append (out, "</figure>");
}

/**
 * cd_image_figure_html:
 * @id: (nullable): the image's id
 * @alt: (nullable): its alt text
 * @caption: (nullable): its caption
 * @credit: (nullable): its credit
 *
 * The figure an `image` fence is drawn as, every text escaped:
 * `<figure class="image"><img src="copydesk-image:ID" alt="…">`
 * `<figcaption>caption <span class="credit">credit</span></figcaption>`
 * `</figure>`. An @id that is no image id gives the figure without an
 * image (class "image cd-image-missing").
 *
 * Returns: (transfer full): the HTML, without a newline at the end
 */
char *
cd_image_figure_html (const char *id,
                      const char *alt,
                      const char *caption,
                      const char *credit)
{
  GString *out = g_string_new (NULL);

  append_figure (out, NULL, id, alt, caption, credit);
  return g_string_free (out, FALSE);
}

gboolean
_cd_image_ref_is_fence (cmark_node *node)
{
  g_autofree char *info = NULL;
  int              length, offset;
  char             fence_char;

  g_assert (node != NULL);

  if (cmark_node_get_type (node) != CMARK_NODE_CODE_BLOCK ||
      !cmark_node_get_fenced (node, &length, &offset, &fence_char) ||
      cmark_node_get_fence_info (node) == NULL)
    return FALSE;
  info = g_strdup (cmark_node_get_fence_info (node));
  return g_str_equal (g_strstrip (info), "image");
}

/* The figure for a parsed fence: its literal is the fence's key lines. */
char *
_cd_image_ref_figure (cmark_node *node,
                      gboolean    sourcepos)
{
  g_autofree char *fence = g_strdup_printf ("```image\n%s```", cmark_node_get_literal (node) != NULL ? cmark_node_get_literal (node) : "");
  g_autoptr (GPtrArray) refs = cd_image_refs_in_body (fence);
  g_autofree char *attributes = NULL;
  GString         *out = g_string_new (NULL);
  CdImageRef      *ref;

  g_assert (node != NULL);

  if (sourcepos)
    attributes = g_strdup_printf (" data-sourcepos=\"%d:%d-%d:%d\"", cmark_node_get_start_line (node),
                                  cmark_node_get_start_column (node), cmark_node_get_end_line (node),
                                  cmark_node_get_end_column (node));
  /* The literal never holds a closing fence, so there is one reference. */
  ref = refs->len > 0 ? g_ptr_array_index (refs, 0) : NULL;
  append_figure (out, attributes, ref != NULL ? ref->id : NULL, ref != NULL ? ref->alt : NULL,
                 ref != NULL ? ref->caption : NULL, ref != NULL ? ref->credit : NULL);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
