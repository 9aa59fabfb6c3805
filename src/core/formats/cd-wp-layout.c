/* cd-wp-layout.c: layout blocks opened up in the body.
 *
 * A layout block whose inner blocks hold the post's text (a box of key
 * facts, columns, a cover) stands in the body as two `wordpress` fences,
 * its opening markup and its closing markup, with its inner blocks
 * between them (cd-wp-content.c). This file says which blocks open up,
 * and on the way back which of the ends in a body lost their other end
 * and must go, so that no block is left open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-layout"

#include "config.h"

#include <string.h>

#include "cd-wp-content-private.h"
#include "cd-wp-content.h"
#include "cd-wp-label.h"

/* Layout blocks whose inner blocks are text of the post: a box of key
 * facts (a group with a background), columns and each column, a cover's
 * words over its picture, the text beside a media and text block's
 * picture, a details block's hidden text; and a gallery of image blocks,
 * whose pictures open up where the desk can edit their captions (see
 * _cd_wp_is_picture_gallery()). */
static const char *const layout_blocks[] = {
  "core/column",
  "core/columns",
  "core/cover",
  "core/details",
  "core/gallery",
  "core/group",
  "core/media-text",
  NULL,
};

/* Whether the markup from @start to @end is the @kind end of the block
 * called @name, as cd_wp_fence_end() tells ends apart on the way back. */
static gboolean
is_end_of (const char  *content,
           gsize        start,
           gsize        end,
           CdWpFenceEnd kind,
           const char  *name)
{
  g_autofree char *named = NULL;

  g_assert (content != NULL && name != NULL);

  return cd_wp_fence_end (content + start, end - start, &named) == kind && g_strcmp0 (named, name) == 0;
}

/**
 * _cd_wp_opens_up:
 * @block: a block of @content
 * @content: post content
 *
 * Returns: whether @block is a layout block whose inner blocks can stand
 *   in the body between its two ends: nothing but white space between
 *   them, and ends that tell their block (not one closed by another's
 *   name, as broken markup may close one)
 */
gboolean
_cd_wp_opens_up (const CdWpBlock *block,
                 const char      *content)
{
  const CdWpBlock *first, *last;

  g_assert (block != NULL && content != NULL);

  if (block->name == NULL || block->inner_blocks->len == 0 ||
      !g_strv_contains (layout_blocks, block->name))
    return FALSE;
  first = g_ptr_array_index (block->inner_blocks, 0);
  last = g_ptr_array_index (block->inner_blocks, block->inner_blocks->len - 1);
  if (!is_end_of (content, block->start, first->start, CD_WP_FENCE_OPENING, block->name) ||
      !is_end_of (content, last->end, block->end, CD_WP_FENCE_CLOSING, block->name))
    return FALSE;
  for (guint i = 1; i < block->inner_blocks->len; i++)
    {
      const CdWpBlock *before = g_ptr_array_index (block->inner_blocks, i - 1);
      const CdWpBlock *after = g_ptr_array_index (block->inner_blocks, i);

      if (after->start < before->end || !_cd_wp_is_white (content + before->end, content + after->start))
        return FALSE;
    }
  return TRUE;
}

/**
 * _cd_wp_is_picture_gallery:
 * @block: a block of @content
 * @content: post content
 *
 * Returns: whether @block is a gallery as the block editor writes it since
 *   WordPress 5.9, image blocks inside it, that can open up
 *   (_cd_wp_opens_up()); an older gallery, one figure listing its
 *   pictures, is one block
 */
gboolean
_cd_wp_is_picture_gallery (const CdWpBlock *block,
                           const char      *content)
{
  g_assert (block != NULL && content != NULL);

  if (g_strcmp0 (block->name, "core/gallery") != 0 || !_cd_wp_opens_up (block, content))
    return FALSE;
  for (guint i = 0; i < block->inner_blocks->len; i++)
    {
      const CdWpBlock *inner = g_ptr_array_index (block->inner_blocks, i);

      if (g_strcmp0 (inner->name, "core/image") != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * _cd_wp_orphan_ends:
 * @body: an article body
 * @units: (element-type CdWpUnit): its units
 * @whole: for each unit, whether it stands for a whole unit of the post
 *   the body goes back to (the post's own, even a block it left open)
 *
 * For each unit, whether it is one end of a layout block (a `wordpress`
 * fence whose block it opens, or closes, see cd_wp_fence_end()) without
 * its other end around the text after it: written alone it would leave
 * the block open, and the rest of the post would fall into it, or close
 * one that is not open. The person took the box away, or copied one end
 * of it; its text stays where it is. Ends pair by their block's name,
 * nested as blocks nest, whatever their markup became. Only the ends of
 * the layout blocks a body opens up count: a fence of @whole, or one that
 * holds the broken markup of another block, is kept as it is.
 *
 * Returns: (transfer full): one flag a unit
 */
gboolean *
_cd_wp_orphan_ends (const char     *body,
                    GArray         *units,
                    const gboolean *whole)
{
  gboolean *orphan = g_new0 (gboolean, units->len + 1);
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert (body != NULL && units != NULL && whole != NULL);

  for (guint i = 0; i < units->len; i++)
    {
      const CdWpUnit  *unit = &g_array_index (units, CdWpUnit, i);
      g_autofree char *name = NULL;
      CdWpFenceEnd     end;
      guint            depth;

      if (unit->kind != CD_WP_UNIT_BLOCK || whole[i])
        continue;
      end = cd_wp_fence_end (body + unit->markup_start, unit->markup_end - unit->markup_start, &name);
      if (end == CD_WP_FENCE_WHOLE || !g_strv_contains (layout_blocks, name))
        continue;
      /* An opening end is an orphan until its closing end comes. */
      orphan[i] = TRUE;
      if (end == CD_WP_FENCE_OPENING)
        {
          g_array_append_val (open, i);
          g_ptr_array_add (names, g_steal_pointer (&name));
          continue;
        }
      for (depth = open->len; depth > 0; depth--)
        if (strcmp (g_ptr_array_index (names, depth - 1), name) == 0)
          break;
      if (depth == 0)
        continue;
      /* Ends opened after it and not closed are orphans. */
      orphan[g_array_index (open, guint, depth - 1)] = FALSE;
      orphan[i] = FALSE;
      g_array_set_size (open, depth - 1);
      g_ptr_array_set_size (names, depth - 1);
    }
  return orphan;
}

/* Whether @markup is one image block. */
static gboolean
is_picture (const char *markup,
            gsize       length)
{
  g_autoptr (GPtrArray) blocks = cd_wp_blocks_parse (markup, length);
  const CdWpBlock *block;

  g_assert (markup != NULL);

  if (blocks->len != 1)
    return FALSE;
  block = g_ptr_array_index (blocks, 0);
  return g_strcmp0 (block->name, "core/image") == 0;
}

/**
 * _cd_wp_gallery_order:
 * @body: an article body
 * @units: (element-type CdWpUnit): its units
 * @orphan: for each unit, whether it is an end left out
 *   (_cd_wp_orphan_ends())
 *
 * A gallery holds pictures and nothing else: text typed among its
 * pictures, a block moved in, or what stood between two galleries whose
 * inner ends were taken away, goes after the gallery, in its order, and
 * the pictures stay in it.
 *
 * Returns: (transfer full): the units' indices in the order to write them
 */
guint *
_cd_wp_gallery_order (const char     *body,
                      GArray         *units,
                      const gboolean *orphan)
{
  guint *order = g_new (guint, units->len + 1);
  g_autoptr (GArray) after = g_array_new (FALSE, FALSE, sizeof (guint));
  guint    n = 0, depth = 0;
  gboolean inside = FALSE;

  g_assert (body != NULL && units != NULL && orphan != NULL);

  for (guint i = 0; i < units->len; i++)
    {
      const CdWpUnit  *unit = &g_array_index (units, CdWpUnit, i);
      const char      *markup = body + unit->markup_start;
      gsize            length = unit->markup_end - unit->markup_start;
      g_autofree char *name = NULL;
      CdWpFenceEnd     end = CD_WP_FENCE_WHOLE;

      if (unit->kind == CD_WP_UNIT_BLOCK && !orphan[i])
        end = cd_wp_fence_end (markup, length, &name);
      if (!inside)
        {
          order[n++] = i;
          inside = end == CD_WP_FENCE_OPENING && g_strcmp0 (name, "core/gallery") == 0;
          continue;
        }
      if (end == CD_WP_FENCE_CLOSING && depth == 0)
        {
          /* The gallery's own closing end, as the ends pair. */
          order[n++] = i;
          for (guint k = 0; k < after->len; k++)
            order[n++] = g_array_index (after, guint, k);
          g_array_set_size (after, 0);
          inside = FALSE;
          continue;
        }
      depth += end == CD_WP_FENCE_OPENING;
      depth -= end == CD_WP_FENCE_CLOSING;
      if (orphan[i] || (end == CD_WP_FENCE_WHOLE && unit->kind == CD_WP_UNIT_BLOCK && depth == 0 &&
                        is_picture (markup, length)))
        order[n++] = i;
      else
        g_array_append_val (after, i);
    }
  for (guint k = 0; k < after->len; k++)
    order[n++] = g_array_index (after, guint, k);
  return order;
}
