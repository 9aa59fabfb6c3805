/* cd-wp-units.c: an article body cut into its units, as the body of a
 * post reads (see cd-wp-content.c): text blocks and `wordpress` fences,
 * each with its place in the body, parsed once with cmark-gfm.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-content"

#include "config.h"

#include <string.h>

#include "cd-wp-content-private.h"
#include "cd-wp-content.h"

/* Line starts of @text, counting \n, \r\n and \r as cmark does. */
static GArray *
line_starts (const char *text,
             gsize       length)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize   zero = 0;

  g_assert (text != NULL);

  g_array_append_val (starts, zero);
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
        i++;
      if (text[i] == '\n' || text[i] == '\r')
        {
          gsize next = i + 1;

          g_array_append_val (starts, next);
        }
    }
  return starts;
}

static gsize
line_end (const char *text,
          gsize       length,
          GArray     *starts,
          guint       line)
{
  gsize end;

  g_assert (text != NULL && starts != NULL);

  if (line >= starts->len)
    return length;
  end = line + 1 < starts->len ? g_array_index (starts, gsize, line + 1) : length;
  while (end > g_array_index (starts, gsize, line) && (text[end - 1] == '\n' || text[end - 1] == '\r'))
    end--;
  return end;
}

static gboolean
is_wordpress_fence (cmark_node *node,
                    int        *fence_length,
                    char       *fence_char)
{
  int offset = 0;

  g_assert (node != NULL && fence_length != NULL && fence_char != NULL);

  return cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK &&
         cmark_node_get_fenced (node, fence_length, &offset, fence_char) &&
         cd_wp_is_fence_info (cmark_node_get_fence_info (node));
}

/* Whether line @line of @text closes a fence of @fence_length times
 * @fence_char. */
static gboolean
closes_fence (const char *text,
              gsize       length,
              GArray     *starts,
              guint       line,
              int         fence_length,
              char        fence_char)
{
  gsize p = g_array_index (starts, gsize, line);
  gsize end = line_end (text, length, starts, line);
  int   indent = 0, run = 0;

  g_assert (text != NULL);

  while (p < end && text[p] == ' ' && indent < 3)
    p++, indent++;
  while (p < end && text[p] == fence_char)
    p++, run++;
  if (run < fence_length)
    return FALSE;
  while (p < end && (text[p] == ' ' || text[p] == '\t'))
    p++;
  return p == end;
}

static CdWpUnit
unit_of_node (const char *body,
              gsize       length,
              GArray     *starts,
              cmark_node *node)
{
  CdWpUnit unit = { CD_WP_UNIT_TEXT, 0, 0, 0, 0 };
  guint    first = cmark_node_get_start_line (node) - 1;
  guint    last = cmark_node_get_end_line (node) - 1;
  int      fence_length = 0;
  char     fence_char = '`';

  g_assert (body != NULL && starts != NULL && node != NULL);

  first = MIN (first, starts->len - 1);
  last = CLAMP (last, first, starts->len - 1);
  /* A top-level block starts a line; its unit starts with that line whole,
   * as an indented code block's indent is its meaning. */
  unit.start = g_array_index (starts, gsize, first);
  unit.end = line_end (body, length, starts, last);
  while (unit.end > unit.start && g_ascii_isspace (body[unit.end - 1]))
    unit.end--;
  unit.start = MIN (unit.start, unit.end);
  unit.markup_start = unit.start;
  unit.markup_end = unit.end;

  if (is_wordpress_fence (node, &fence_length, &fence_char))
    {
      unit.kind = CD_WP_UNIT_BLOCK;
      unit.markup_start = first + 1 < starts->len ? g_array_index (starts, gsize, first + 1) : length;
      if (last > first && closes_fence (body, length, starts, last, fence_length, fence_char))
        unit.markup_end = line_end (body, length, starts, last - 1);
      else
        {
          /* An unclosed fence runs to the end of the body. */
          unit.markup_end = length;
          if (unit.markup_end > unit.markup_start && body[unit.markup_end - 1] == '\n')
            unit.markup_end--;
          unit.end = length;
        }
      unit.markup_end = MAX (unit.markup_end, unit.markup_start);
    }
  return unit;
}

/* Splits @body into its units; with @captions, a table and its caption
 * (see _cd_wp_table_caption()) are one, as they are one block (a classic
 * post has no such caption: there it is a paragraph of its own). */
void
_cd_wp_split_body (const char *body,
                   gsize       length,
                   gboolean    captions,
                   Split      *split)
{
  g_autoptr (GArray) starts = line_starts (body, length);

  g_assert (body != NULL && split != NULL);

  split->body = body;
  split->length = length;
  split->doc = _cd_wp_markdown_parse (body, length, &split->parser);
  split->units = g_array_new (FALSE, FALSE, sizeof (CdWpUnit));
  split->nodes = g_ptr_array_new ();
  for (cmark_node *node = cmark_node_first_child (split->doc); node != NULL;
       node = cmark_node_next (node))
    {
      CdWpUnit    unit = unit_of_node (body, length, starts, node);
      cmark_node *caption = captions ? _cd_wp_table_caption (node) : NULL;

      if (caption != NULL)
        {
          CdWpUnit after = unit_of_node (body, length, starts, caption);

          unit.end = unit.markup_end = after.end;
        }
      g_array_append_val (split->units, unit);
      g_ptr_array_add (split->nodes, node);
      if (caption != NULL)
        node = caption;
    }
}

/* Frees what @split holds. */
void
_cd_wp_split_clear (Split *split)
{
  g_assert (split != NULL);

  g_clear_pointer (&split->units, g_array_unref);
  g_clear_pointer (&split->nodes, g_ptr_array_unref);
  g_clear_pointer (&split->doc, cmark_node_free);
  g_clear_pointer (&split->parser, cmark_parser_free);
}

/**
 * cd_wp_body_split:
 * @body: an article body
 * @length: its length, or -1
 *
 * Splits a body into its top-level units: text (a paragraph, heading, list,
 * quote, code block, table or rule, as Markdown) and blocks (each
 * `wordpress` fence), with their byte ranges in @body.
 *
 * Returns: (transfer full) (element-type CdWpUnit): the units in order
 */
GArray *
cd_wp_body_split (const char *body,
                  gssize      length)
{
  Split   split = { 0 };
  GArray *units;

  g_return_val_if_fail (body != NULL, NULL);

  if (length < 0)
    length = strlen (body);
  _cd_wp_split_body (body, length, TRUE, &split);
  units = g_steal_pointer (&split.units);
  _cd_wp_split_clear (&split);
  return units;
}
