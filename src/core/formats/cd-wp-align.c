/* cd-wp-align.c: which units of two versions of a body are the same unit.
 *
 * Each distinct unit (a text block's Markdown, or a kept block's markup)
 * gets a number, the same on every side; two lists of numbers are then
 * aligned on their longest common subsequence. The conversion back to post
 * content pairs the body's units with the post's this way, and the
 * three-way merge aligns each side with the base.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-align"

#include "config.h"

#include "cd-wp-content-private.h"

/* The largest alignment table (units of one side × units of the other)
 * built; past it, callers pair units another way. */
#define MAX_CELLS (4u * 1024u * 1024u)

/**
 * _cd_wp_unit_id:
 * @ids: the numbers given so far, by key (a table of strings, which this
 *   function fills)
 * @block: whether the unit is a block kept whole
 * @key: its markup, or its Markdown for text
 * @length: the key's length
 *
 * Returns: the unit's number: equal for equal units, on any side
 */
guint
_cd_wp_unit_id (GHashTable *ids,
                gboolean    block,
                const char *key,
                gsize       length)
{
  g_autofree char *tagged = g_strdup_printf ("%c%.*s", block ? 'b' : 't', (int) length, key);
  gpointer         id;

  g_assert (ids != NULL && key != NULL);

  if (!g_hash_table_lookup_extended (ids, tagged, NULL, &id))
    {
      id = GUINT_TO_POINTER (g_hash_table_size (ids));
      g_hash_table_insert (ids, g_steal_pointer (&tagged), id);
    }
  return GPOINTER_TO_UINT (id);
}

/**
 * _cd_wp_can_align:
 * @n: units on one side
 * @m: units on the other
 *
 * Returns: whether _cd_wp_align() takes lists this long
 */
gboolean
_cd_wp_can_align (guint n,
                  guint m)
{
  return (gsize) (n + 1) * (m + 1) <= MAX_CELLS;
}

/**
 * _cd_wp_align:
 * @a: the units of one side, as numbers
 * @n: how many
 * @b: the units of the other side
 * @m: how many
 *
 * Aligns the two lists on a longest common subsequence (lists
 * _cd_wp_can_align() takes).
 *
 * Returns: (transfer full): for each unit of @a, the unit of @b it is
 *   aligned with, or -1
 */
gint *
_cd_wp_align (const guint *a,
              guint        n,
              const guint *b,
              guint        m)
{
  guint *table;
  gint  *match = g_new (gint, n + 1);
  guint  i = 0, j = 0;

#define CELL(x, y) table[(gsize) (x) * (m + 1) + (y)]
  g_assert ((a != NULL || n == 0) && (b != NULL || m == 0));
  g_assert (_cd_wp_can_align (n, m));

  table = g_new0 (guint, (gsize) (n + 1) * (m + 1));
  for (gint x = n - 1; x >= 0; x--)
    for (gint y = m - 1; y >= 0; y--)
      CELL (x, y) = a[x] == b[y] ? CELL (x + 1, y + 1) + 1 : MAX (CELL (x + 1, y), CELL (x, y + 1));
  for (guint x = 0; x <= n; x++)
    match[x] = -1;
  while (i < n && j < m)
    {
      /* Of two ways as long, the unit of @b is passed over first: a unit
       * edited in place then leaves its old self unaligned beside it,
       * however many units of the old text there are. */
      if (a[i] == b[j])
        match[i++] = j++;
      else if (CELL (i, j + 1) >= CELL (i + 1, j))
        j++;
      else
        i++;
    }
#undef CELL
  g_free (table);
  return match;
}
