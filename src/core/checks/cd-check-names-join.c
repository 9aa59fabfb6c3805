/* cd-check-names-join.c: joining the names of an article into clusters of
 * spellings of one name, for the name-variant rule.
 *
 * Two names are joined when their transliteration shapes agree
 * (cd-check-translit.c: Baghouz and Baguz, Mohammed and Muhammad, al-Zor and
 * Ezzor), when their consonants agree and one edit sets them apart (Moreau,
 * Mreau), or when longer names are one edit apart (two for long ones), the
 * closest pairs first. What keeps names apart: the dictionary knowing both
 * (Iran and Iraq, Austria and Australia), one being the other plus an
 * inflection (Kurd, Kurds, Kurdish; Niger, Nigeria), a gendered ending
 * (Carla, Carlo), the Nordic and English patronymic (Larsen, Larson), and a
 * list of pairs known to be different names. Two clusters never join when
 * that would put two different names in one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-names-private.h"

/* Endings that make another word from a name rather than another spelling
 * of it: Kurd → Kurds, Kurdish; Niger → Nigeria; Iraq → Iraqi. */
static const char *inflections[] = {
  "s",
  "es",
  "n",
  "an",
  "ans",
  "ian",
  "ians",
  "ish",
  "i",
  "is",
  "ia",
  "ese",
  "ite",
  "ites",
  "ism",
  "ist",
  "ists",
  "ic",
  "e",
  "en",
  "er",
  "ern",
  "ers",
};

/* Distinct names one edit apart that a dictionary may not know. */
static const char *distinct_pairs[][2] = {
  {"mcdonald",   "macdonald"},
  { "mcarthur",  "macarthur"},
  { "mckenzie",  "mackenzie"},
  { "mcmillan",  "macmillan"},
  { "johnson",   "johnston" },
  { "thompson",  "thomson"  },
  { "petersen",  "peterson" },
  { "andersen",  "anderson" },
  { "hansen",    "hanson"   },
  { "jensen",    "jenson"   },
  { "frederick", "fredrick" },
  { "stephen",   "stephens" },
};

guint
_cd_names_find_root (Names *names,
                     guint  index)
{
  Group *group = &g_array_index (names->groups, Group, index);

  g_assert (names != NULL);

  while (group->parent != index)
    {
      Group *parent = &g_array_index (names->groups, Group, group->parent);

      group->parent = parent->parent;
      index = group->parent;
      group = &g_array_index (names->groups, Group, index);
    }
  return index;
}

static gboolean
is_inflection (const char *a,
               const char *b)
{
  gsize       la = strlen (a), lb = strlen (b);
  const char *longer = la > lb ? a : b;
  const char *shorter = la > lb ? b : a;
  gsize       ls = MIN (la, lb);

  g_assert (a != NULL);
  g_assert (b != NULL);

  if (strncmp (longer, shorter, ls) != 0)
    return FALSE;
  /* A doubled last letter (Austriann) is a slip, not an ending. */
  if (la != lb && ls > 0 && MAX (la, lb) == ls + 1 && longer[ls] == shorter[ls - 1])
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (inflections); i++)
    if (g_str_equal (longer + ls, inflections[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_distinct_pair (const char *a,
                  const char *b)
{
  g_assert (a != NULL);
  g_assert (b != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (distinct_pairs); i++)
    if ((g_str_equal (a, distinct_pairs[i][0]) && g_str_equal (b, distinct_pairs[i][1])) ||
        (g_str_equal (a, distinct_pairs[i][1]) && g_str_equal (b, distinct_pairs[i][0])))
      return TRUE;
  return FALSE;
}

static const char *
group_surface (Names *names,
               Group *group)
{
  guint index = g_array_index (group->occurrences, guint, 0);

  g_assert (names != NULL);
  g_assert (group != NULL);

  return g_array_index (names->occurrences, Occurrence, index).surface;
}

/* Whether the dictionary knows the group's name as written. */
static gboolean
group_is_known (Names *names,
                Group *group)
{
  g_assert (names != NULL);
  g_assert (group != NULL);

  for (guint i = 0; i < group->occurrences->len; i++)
    {
      guint             index = g_array_index (group->occurrences, guint, i);
      const Occurrence *occurrence = &g_array_index (names->occurrences, Occurrence, index);

      if (!occurrence->initial)
        return _cd_check_word_is_correct (names->ctx, occurrence->surface, -1);
    }
  return _cd_check_word_is_correct (names->ctx, group_surface (names, group), -1);
}

/* Joining groups: each candidate's shape (cd-check-translit.c), whether
 * the dictionary knows it, and the groups each cluster root holds. */
typedef struct
{
  GArray      *candidates; /* group indices */
  CdNameShape *shapes;     /* by group index; stem NULL for other groups */
  gint8       *known;      /* by group index: -1 not asked yet, 0 or 1 */
  GPtrArray   *members;    /* by group index: GArray of group indices, for roots */
} Join;

typedef struct
{
  guint a;
  guint b;
  guint score; /* lower joins first */
} Edge;

static gboolean
join_is_known (Names *names,
               Join  *join,
               guint  g)
{
  g_assert (names != NULL);
  g_assert (join != NULL);

  if (join->known[g] < 0)
    join->known[g] = group_is_known (names, &g_array_index (names->groups, Group, g));
  return join->known[g] > 0;
}

/* Names that are different names however alike they look. */
static gboolean
are_distinct_names (const char *a,
                    const char *b)
{
  g_assert (a != NULL);
  g_assert (b != NULL);

  return is_inflection (a, b) || is_distinct_pair (a, b) ||
         _cd_name_stems_differ_by_gender (a, b) || _cd_name_stems_differ_by_son (a, b);
}

/* Whether two groups whose shapes agree (same_slots) or whose consonants
 * agree are one name. */
static gboolean
shapes_join (Names   *names,
             Join    *join,
             guint    a,
             guint    b,
             gboolean same_slots)
{
  const CdNameShape *x = &join->shapes[a];
  const CdNameShape *y = &join->shapes[b];
  gsize              lx = strlen (x->stem), ly = strlen (y->stem);
  gboolean           ka, kb;

  g_assert (names != NULL);
  g_assert (join != NULL);

  /* One name, with and without its article (al-Assad, Assad). */
  if (g_str_equal (x->stem, y->stem))
    return TRUE;
  if (MIN (lx, ly) < 3)
    return FALSE;
  /* With one consonant (Oleh, Olleh) only a doubled letter or a silent h
   * may differ. */
  if (_cd_name_shape_count_consonants (x) < 2 && (!same_slots || !g_str_equal (x->vowels, y->vowels)))
    return FALSE;
  if (are_distinct_names (x->stem, y->stem))
    return FALSE;
  ka = join_is_known (names, join, a);
  kb = join_is_known (names, join, b);
  if (ka && kb)
    return FALSE;
  if (!same_slots)
    {
      guint limit = MIN (lx, ly) >= 9 ? 2 : 1;

      if (MIN (lx, ly) < 4 || _cd_check_edit_distance (x->stem, y->stem, limit) > limit)
        return FALSE;
    }
  /* Short names with one vowel that differ in it (Chen and Chan, Wang and
   * Wong, Prag and Preg) meet only on the dictionary's word; Kyiv and Kiiv
   * write the vowel alike, Deir and Dier with its letters swapped. */
  if (MIN (lx, ly) <= 4 &&
      MIN (_cd_name_shape_count_vowels (x), _cd_name_shape_count_vowels (y)) <= 1 &&
      (same_slots ? !_cd_name_vowels_agree (x, y)
                  : MAX (_cd_name_shape_count_vowels (x), _cd_name_shape_count_vowels (y)) < 2) &&
      ka == kb)
    return FALSE;
  return TRUE;
}

static void
add_edge (GArray *edges,
          guint   a,
          guint   b,
          guint   score)
{
  Edge edge = { a, b, score };

  g_assert (edges != NULL);

  g_array_append_val (edges, edge);
}

/* Pairs of candidates whose shapes (score 0) or consonants (score 1)
 * agree, and an article run into a name (Ezzor) beside one written apart
 * (al-Zor). */
static void
shape_edges (Names  *names,
             Join   *join,
             GArray *edges)
{
  g_autoptr (GHashTable) by_slots = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_array_unref);
  g_autoptr (GHashTable) by_consonants = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                                (GDestroyNotify) g_array_unref);
  GHashTable    *tables[] = { by_slots, by_consonants };
  GHashTableIter iter;
  gpointer       value;

  g_assert (names != NULL);
  g_assert (join != NULL);

  for (guint i = 0; i < join->candidates->len; i++)
    {
      guint              g = g_array_index (join->candidates, guint, i);
      const CdNameShape *shape = &join->shapes[g];
      const char        *keys[] = { shape->slots, shape->consonants };

      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        {
          GArray *bucket = g_hash_table_lookup (tables[t], keys[t]);

          if (bucket == NULL)
            {
              bucket = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (tables[t], (gpointer) keys[t], bucket);
            }
          g_array_append_val (bucket, g);
        }
    }

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          GArray *bucket = value;

          for (guint i = 0; i < bucket->len; i++)
            for (guint j = i + 1; j < bucket->len; j++)
              {
                guint    a = g_array_index (bucket, guint, i);
                guint    b = g_array_index (bucket, guint, j);
                gboolean same = g_str_equal (join->shapes[a].slots, join->shapes[b].slots);

                /* Pairs with one shape were seen in the first table. */
                if (t == 1 && same)
                  continue;
                if (shapes_join (names, join, a, b, same))
                  add_edge (edges, a, b, t);
              }
        }
    }

  for (guint i = 0; i < join->candidates->len; i++)
    {
      guint              g = g_array_index (join->candidates, guint, i);
      const CdNameShape *shape = &join->shapes[g];
      GArray            *bucket;

      if (shape->assimilated == NULL ||
          (bucket = g_hash_table_lookup (by_slots, shape->assimilated)) == NULL)
        continue;
      for (guint k = 0; k < bucket->len; k++)
        {
          guint other = g_array_index (bucket, guint, k);

          if (join->shapes[other].has_article &&
              !(join_is_known (names, join, g) && join_is_known (names, join, other)))
            add_edge (edges, g, other, 1);
        }
    }
}

/* Pairs of longer candidates one edit apart (two for long ones), scored
 * after the shapes: the spelling slips a shape does not explain. */
static void
distance_edges (Names  *names,
                Join   *join,
                GArray *edges)
{
  g_assert (names != NULL);
  g_assert (join != NULL);

  for (guint i = 0; i < join->candidates->len; i++)
    for (guint j = i + 1; j < join->candidates->len; j++)
      {
        guint  gi = g_array_index (join->candidates, guint, i);
        guint  gj = g_array_index (join->candidates, guint, j);
        Group *a = &g_array_index (names->groups, Group, gi);
        Group *b = &g_array_index (names->groups, Group, gj);
        glong  la = a->key_length;
        glong  lb = b->key_length;
        guint  limit = MIN (la, lb) >= 9 ? 2 : 1;
        guint  distance;

        if (MIN (la, lb) < 5 || ABS (la - lb) > (glong) limit)
          continue;
        /* Spellings of one name almost always share their first letter. */
        if (g_utf8_get_char (a->key) != g_utf8_get_char (b->key))
          continue;
        if (are_distinct_names (a->key, b->key))
          continue;
        distance = _cd_check_edit_distance (a->key, b->key, limit);
        if (distance == 0 || distance > limit)
          continue;
        /* Short names (Sunak, Sunek) meet only when the dictionary knows
         * neither; longer ones when it does not know both. */
        if (MIN (la, lb) < 6
                ? (join_is_known (names, join, gi) || join_is_known (names, join, gj))
                : (join_is_known (names, join, gi) && join_is_known (names, join, gj)))
          continue;
        add_edge (edges, gi, gj, 1 + distance);
      }
}

/* Two clusters may become one only when no two of their names are
 * different names: Johnstn may join Johnston or Johnson, never both. */
static gboolean
clusters_compatible (Names *names,
                     Join  *join,
                     guint  ra,
                     guint  rb)
{
  GArray *xs = g_ptr_array_index (join->members, ra);
  GArray *ys = g_ptr_array_index (join->members, rb);

  g_assert (names != NULL);
  g_assert (join != NULL);

  for (guint i = 0; i < xs->len; i++)
    for (guint j = 0; j < ys->len; j++)
      {
        guint              x = g_array_index (xs, guint, i);
        guint              y = g_array_index (ys, guint, j);
        const CdNameShape *sx = &join->shapes[x];
        const CdNameShape *sy = &join->shapes[y];

        if (g_str_equal (sx->stem, sy->stem))
          continue;
        if (are_distinct_names (sx->stem, sy->stem) ||
            are_distinct_names (g_array_index (names->groups, Group, x).key,
                                g_array_index (names->groups, Group, y).key) ||
            (join_is_known (names, join, x) && join_is_known (names, join, y)))
          return FALSE;
      }
  return TRUE;
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *x = a;
  const Edge *y = b;

  return (int) x->score - (int) y->score;
}

static void
free_members (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

void
_cd_names_join (Names *names)
{
  Join join = { 0 };
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  guint n = names->groups->len;

  g_assert (names != NULL);

  if (n == 0)
    return;
  join.candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  join.shapes = g_new0 (CdNameShape, n);
  join.known = g_new (gint8, n);
  memset (join.known, -1, n);
  join.members = g_ptr_array_new_full (n, free_members);
  g_ptr_array_set_size (join.members, n);

  for (guint i = 0; i < n; i++)
    {
      Group *group = &g_array_index (names->groups, Group, i);

      if (!group->single || group->key_length < 4)
        continue;
      /* A group only ever seen opening sentences may be a common word
       * ("Though", "Through"); it takes part only when the dictionary does
       * not know it in lower case. */
      if (!group->named && _cd_check_word_is_correct (names->ctx, group->key, -1))
        continue;
      g_array_append_val (join.candidates, i);
      _cd_name_shape_init (&join.shapes[i], group_surface (names, group));
      join.members->pdata[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val ((GArray *) join.members->pdata[i], i);
    }

  shape_edges (names, &join, edges);
  distance_edges (names, &join, edges);
  /* The closest pairs first, so a slip joins the name it is nearest to. */
  g_array_sort (edges, compare_edges);

  for (guint e = 0; e < edges->len; e++)
    {
      const Edge *edge = &g_array_index (edges, Edge, e);
      guint       ra = _cd_names_find_root (names, edge->a);
      guint       rb = _cd_names_find_root (names, edge->b);
      GArray     *xs;
      GArray     *ys;

      if (ra == rb || !clusters_compatible (names, &join, ra, rb))
        continue;
      g_array_index (names->groups, Group, rb).parent = ra;
      xs = g_ptr_array_index (join.members, ra);
      ys = g_ptr_array_index (join.members, rb);
      g_array_append_vals (xs, ys->data, ys->len);
    }

  for (guint i = 0; i < n; i++)
    if (join.shapes[i].stem != NULL)
      _cd_name_shape_clear (&join.shapes[i]);
  g_free (join.shapes);
  g_free (join.known);
  g_ptr_array_unref (join.members);
  g_array_unref (join.candidates);
}
