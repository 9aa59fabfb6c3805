/* cd-wp-merge.c: the three-way merge of a body, block by block.
 *
 * Each side's body is split into its top-level units (text blocks as
 * Markdown, every other block as its fence, cd_wp_body_split()). The unit
 * sequences are merged as diff3 merges lines: units that base, ours and
 * theirs all keep anchor the merge; between two anchors a stretch only one
 * side changed takes that side; a stretch both sides changed takes both
 * sides' changes when they touch different units (so a colleague's change
 * to one block and ours to the next merge cleanly, opaque blocks included),
 * or else is merged unit by unit when neither side added or removed units
 * there; a text unit both sides changed falls back to the line merge of its
 * Markdown. What still does not merge is a conflict that
 * names the block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-merge"

#include "config.h"

#include <string.h>

#include "cd-merge.h"
#include "cd-wp-content-private.h"
#include "cd-wp-content.h"
#include "cd-wp-merge.h"

typedef struct
{
  guint       id;    /* equal ids, equal units */
  gboolean    block; /* an opaque block */
  const char *text;  /* the unit as written in its body */
  gsize       length;
  const char *markup; /* for a block, its markup; for text, the text */
  gsize       markup_length;
} Unit;

typedef struct
{
  GArray  *units; /* Unit */
  gboolean ok;    /* nothing but white space between units */
} Side;

static void
side_clear (Side *side)
{
  g_assert (side != NULL);

  g_clear_pointer (&side->units, g_array_unref);
}

static void
split_side (const char *body,
            GHashTable *ids,
            Side       *side)
{
  g_autoptr (GArray) split = cd_wp_body_split (body, -1);
  gsize last = 0;

  g_assert (body != NULL && ids != NULL && side != NULL);

  side->units = g_array_sized_new (FALSE, TRUE, sizeof (Unit), split->len);
  side->ok = TRUE;
  for (guint i = 0; i < split->len; i++)
    {
      CdWpUnit *unit = &g_array_index (split, CdWpUnit, i);
      Unit      u = { 0 };

      for (gsize p = last; p < unit->start; p++)
        if (!g_ascii_isspace (body[p]))
          side->ok = FALSE;
      last = unit->end;
      u.block = unit->kind == CD_WP_UNIT_BLOCK;
      u.text = body + unit->start;
      u.length = unit->end - unit->start;
      u.markup = body + unit->markup_start;
      u.markup_length = unit->markup_end - unit->markup_start;
      /* A block is the same block whatever the length of its fence. */
      u.id = _cd_wp_unit_id (ids, u.block, u.markup, u.markup_length);
      g_array_append_val (side->units, u);
    }
  for (const char *p = body + last; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      side->ok = FALSE;
}

#define UNIT(side, i) (&g_array_index ((side)->units, Unit, (i)))

/* For each unit of @base, the unit of @other it is aligned with in a
 * longest common subsequence, or -1. */
static gint *
align (const Side *base,
       const Side *other)
{
  guint             n = base->units->len, m = other->units->len;
  g_autofree guint *a = g_new (guint, n + 1);
  g_autofree guint *b = g_new (guint, m + 1);

  g_assert (base != NULL && other != NULL);

  for (guint i = 0; i < n; i++)
    a[i] = UNIT (base, i)->id;
  for (guint j = 0; j < m; j++)
    b[j] = UNIT (other, j)->id;
  return _cd_wp_align (a, n, b, m);
}

static gboolean
same_units (const Side *a,
            guint       a_start,
            guint       a_end,
            const Side *b,
            guint       b_start,
            guint       b_end)
{
  g_assert (a != NULL && b != NULL);

  if (a_end - a_start != b_end - b_start)
    return FALSE;
  for (guint k = 0; k < a_end - a_start; k++)
    if (UNIT (a, a_start + k)->id != UNIT (b, b_start + k)->id)
      return FALSE;
  return TRUE;
}

static void
emit_text (GString    *out,
           const char *text,
           gsize       length)
{
  g_assert (out != NULL && text != NULL);

  if (out->len > 0)
    g_string_append (out, "\n\n");
  g_string_append_len (out, text, length);
}

static void
emit (GString    *out,
      const Side *side,
      guint       start,
      guint       end)
{
  g_assert (out != NULL && side != NULL);

  for (guint k = start; k < end; k++)
    emit_text (out, UNIT (side, k)->text, UNIT (side, k)->length);
}

/* How a conflict names unit @index (counted from 1) of the base. */
static char *
unit_name (const Unit *unit,
           guint       index)
{
  g_autofree char *label = NULL;

  g_assert (unit != NULL);

  if (unit->block)
    label = cd_wp_block_label (unit->markup, unit->markup_length);
  else
    {
      g_autofree char *line = g_strndup (unit->text, unit->length);

      g_strdelimit (g_strstrip (line), "\r\n", ' ');
      if (g_utf8_strlen (line, -1) > 40)
        {
          char *cut = g_utf8_offset_to_pointer (line, 40);

          *cut = '\0';
          label = g_strconcat ("“", line, "…”", NULL);
        }
      else
        label = g_strconcat ("“", line, "”", NULL);
    }
  return g_strdup_printf ("body block %u %s", index + 1, label);
}

typedef struct
{
  const Side   *base, *ours, *theirs;
  const gint   *match_ours, *match_theirs;
  GString      *out;
  GStrvBuilder *conflicts;
  gboolean      conflicted;
  GError      **error;
} Merge;

/* One side's change inside a stretch: base units [base_start, base_end)
 * became its units [start, end). */
typedef struct
{
  guint base_start, base_end, start, end;
} Edit;

/* The changes one side made to base [b0, b1), which it wrote as its
 * units [s0, s1), given which base units it kept (@match). */
static GArray *
side_edits (const gint *match,
            guint       b0,
            guint       b1,
            guint       s0,
            guint       s1)
{
  GArray *edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  guint   prev_b = b0, prev_s = s0;

  g_assert (match != NULL);

  for (guint p = b0; p < b1; p++)
    {
      if (match[p] < 0)
        continue;
      if (p > prev_b || (guint) match[p] > prev_s)
        {
          Edit edit = { prev_b, p, prev_s, match[p] };

          g_array_append_val (edits, edit);
        }
      prev_b = p + 1;
      prev_s = match[p] + 1;
    }
  if (b1 > prev_b || s1 > prev_s)
    {
      Edit edit = { prev_b, b1, prev_s, s1 };

      g_array_append_val (edits, edit);
    }
  return edits;
}

static gboolean
edits_overlap (const Edit *a,
               const Edit *b)
{
  g_assert (a != NULL && b != NULL);

  return (a->base_start < b->base_end && b->base_start < a->base_end) ||
         a->base_start == b->base_start;
}

/* A stretch where each side changed other units (a block removed here and
 * the one beside it edited there): both sides' changes, in base order.
 * Returns FALSE, writing nothing, when two changes touch the same units or
 * the same gap. */
static gboolean
merge_edits (Merge *merge,
             guint  b0,
             guint  b1,
             guint  o0,
             guint  o1,
             guint  t0,
             guint  t1)
{
  g_autoptr (GArray) ours = side_edits (merge->match_ours, b0, b1, o0, o1);
  g_autoptr (GArray) theirs = side_edits (merge->match_theirs, b0, b1, t0, t1);
  guint i = 0, j = 0, p = b0;

  g_assert (merge != NULL);

  for (guint a = 0; a < ours->len; a++)
    for (guint b = 0; b < theirs->len; b++)
      if (edits_overlap (&g_array_index (ours, Edit, a), &g_array_index (theirs, Edit, b)))
        return FALSE;

  while (p < b1 || i < ours->len || j < theirs->len)
    {
      const Edit *eo = i < ours->len ? &g_array_index (ours, Edit, i) : NULL;
      const Edit *et = j < theirs->len ? &g_array_index (theirs, Edit, j) : NULL;

      if (eo != NULL && eo->base_start == p)
        {
          emit (merge->out, merge->ours, eo->start, eo->end);
          p = eo->base_end;
          i++;
        }
      else if (et != NULL && et->base_start == p)
        {
          emit (merge->out, merge->theirs, et->start, et->end);
          p = et->base_end;
          j++;
        }
      else if (p < b1)
        {
          emit (merge->out, merge->base, p, p + 1);
          p++;
        }
      else
        break;
    }
  return TRUE;
}

/* One unit both sides changed. Returns FALSE on an error. */
static gboolean
merge_unit (Merge *merge,
            guint  b,
            guint  o,
            guint  t)
{
  const Unit *ub = UNIT (merge->base, b);
  const Unit *uo = UNIT (merge->ours, o);
  const Unit *ut = UNIT (merge->theirs, t);

  g_assert (merge != NULL);

  if (uo->id == ub->id || uo->id == ut->id)
    emit_text (merge->out, ut->text, ut->length);
  else if (ut->id == ub->id)
    emit_text (merge->out, uo->text, uo->length);
  else
    {
      g_autofree char *sb = g_strndup (ub->text, ub->length);
      g_autofree char *so = g_strndup (uo->text, uo->length);
      g_autofree char *st = g_strndup (ut->text, ut->length);
      g_autofree char *text = NULL;
      gboolean         clean = FALSE;

      if (!ub->block && !uo->block && !ut->block)
        {
          text = cd_merge_text (sb, so, st, &clean, merge->error);
          if (text == NULL)
            return FALSE;
        }
      if (clean)
        emit_text (merge->out, text, strlen (g_strchomp (text)));
      else
        {
          g_autofree char *name = unit_name (ub, b);

          g_strv_builder_add (merge->conflicts, name);
          merge->conflicted = TRUE;
        }
    }
  return TRUE;
}

/* The stretch between two anchors: base [b0, b1), ours [o0, o1), theirs
 * [t0, t1). Returns FALSE on an error. */
static gboolean
merge_chunk (Merge *merge,
             guint  b0,
             guint  b1,
             guint  o0,
             guint  o1,
             guint  t0,
             guint  t1)
{
  g_assert (merge != NULL);

  if (same_units (merge->ours, o0, o1, merge->base, b0, b1))
    emit (merge->out, merge->theirs, t0, t1);
  else if (same_units (merge->theirs, t0, t1, merge->base, b0, b1) ||
           same_units (merge->ours, o0, o1, merge->theirs, t0, t1))
    emit (merge->out, merge->ours, o0, o1);
  else if (merge_edits (merge, b0, b1, o0, o1, t0, t1))
    ;
  else if (b1 - b0 == o1 - o0 && b1 - b0 == t1 - t0)
    {
      for (guint k = 0; k < b1 - b0; k++)
        if (!merge_unit (merge, b0 + k, o0 + k, t0 + k))
          return FALSE;
    }
  else
    {
      g_autofree char *name = NULL;

      if (b1 > b0)
        name = unit_name (UNIT (merge->base, b0), b0);
      else
        name = g_strdup_printf ("body block %u (new on both sides)", b0 + 1);
      g_strv_builder_add (merge->conflicts, name);
      merge->conflicted = TRUE;
    }
  return TRUE;
}

/**
 * cd_wp_body_merge:
 * @base: (nullable): the body as last synced
 * @ours: (nullable): our body
 * @theirs: (nullable): their body
 * @conflicts: (out) (transfer full): on a conflict, the blocks that did not
 *   merge ("body block 3 “Gallery · 4 images”"); else %NULL
 * @error: return location for an error
 *
 * Merges three bodies block by block (see the top of this file). A body
 * with anything between its units that is no unit (a link reference
 * definition) is merged as plain text, as cd_merge_text() does.
 *
 * Returns: (transfer full) (nullable): the merged body; %NULL on a conflict
 *   (with @conflicts set) or an error
 */
char *
cd_wp_body_merge (const char *base,
                  const char *ours,
                  const char *theirs,
                  char     ***conflicts,
                  GError    **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree gint *match_ours = NULL;
  g_autofree gint *match_theirs = NULL;
  Side             sides[3] = { 0 };
  Merge            merge = { &sides[0], &sides[1], &sides[2], NULL, NULL, out, names, FALSE, error };
  guint            b = 0, o = 0, t = 0, n;
  gboolean         ok = TRUE;

  g_return_val_if_fail (conflicts != NULL, NULL);

  *conflicts = NULL;
  base = base != NULL ? base : "";
  ours = ours != NULL ? ours : "";
  theirs = theirs != NULL ? theirs : "";
  split_side (base, ids, &sides[0]);
  split_side (ours, ids, &sides[1]);
  split_side (theirs, ids, &sides[2]);
  n = sides[0].units->len;

  if (!sides[0].ok || !sides[1].ok || !sides[2].ok ||
      !_cd_wp_can_align (n, sides[1].units->len) || !_cd_wp_can_align (n, sides[2].units->len))
    {
      gboolean clean = FALSE;
      char    *text;

      for (guint i = 0; i < 3; i++)
        side_clear (&sides[i]);
      text = cd_merge_text (base, ours, theirs, &clean, error);
      if (text != NULL && !clean)
        {
          g_free (text);
          g_strv_builder_add (names, "body");
          *conflicts = g_strv_builder_end (names);
          return NULL;
        }
      return text;
    }

  match_ours = align (&sides[0], &sides[1]);
  match_theirs = align (&sides[0], &sides[2]);
  merge.match_ours = match_ours;
  merge.match_theirs = match_theirs;
  while (ok)
    {
      guint k = b;

      while (k < n && (match_ours[k] < 0 || match_theirs[k] < 0))
        k++;
      if (k == n)
        {
          ok = merge_chunk (&merge, b, n, o, sides[1].units->len, t, sides[2].units->len);
          break;
        }
      ok = merge_chunk (&merge, b, k, o, match_ours[k], t, match_theirs[k]);
      emit (out, &sides[1], match_ours[k], match_ours[k] + 1);
      b = k + 1;
      o = match_ours[k] + 1;
      t = match_theirs[k] + 1;
    }
  for (guint i = 0; i < 3; i++)
    side_clear (&sides[i]);
  if (!ok)
    return NULL;
  if (merge.conflicted)
    {
      *conflicts = g_strv_builder_end (names);
      return NULL;
    }
  /* The final line break follows our side, or theirs when ours is empty,
   * as in cd_merge_text(). */
  if (out->len > 0 && g_str_has_suffix (*ours != '\0' ? ours : theirs, "\n"))
    g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
