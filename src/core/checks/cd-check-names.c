/* cd-check-names.c: the name-variant rule, one person, place or organisation
 * written more than one way in one article.
 *
 * Each name (a capitalised word, a pair of them, or "al"/"el" and a name) gets
 * a key: case-folded, without diacritics, hyphens, apostrophes or spaces, so
 * that "Al-Assad", "al-Assad" and "al Assad" meet. Names whose keys differ by
 * one edit (two for long ones) meet too, but only when the dictionary does
 * not know both of them (it knows Iran and Iraq, Austria and Australia, so
 * those stay apart), when neither is the other plus an inflection (Kurd,
 * Kurds, Kurdish; Niger, Nigeria) and when they are not on a list of pairs
 * that are known to be different names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

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

typedef struct
{
  guint   field;
  guint32 start;
  guint32 end;
  guint   first_word;
  guint   n_words;
  char   *surface;
  guint   group;
  guint   initial : 1; /* opens a sentence or sits in a headline */
  guint   single : 1;  /* one written word: may meet others by edit distance */
} Occurrence;

typedef struct
{
  char   *key;
  glong   key_length;  /* characters */
  GArray *occurrences; /* guint indices */
  guint   parent;
  guint   single : 1;
  guint   named : 1; /* capitalised in the middle of a sentence at least once */
} Group;

typedef struct
{
  CdCheckContext *ctx;
  GArray         *occurrences; /* Occurrence */
  GArray         *groups;      /* Group */
  GHashTable     *by_key;      /* key → group index + 1 */
} Names;

static void
occurrence_clear (gpointer data)
{
  Occurrence *occurrence = data;

  g_free (occurrence->surface);
}

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_free (group->key);
  g_array_unref (group->occurrences);
}

static char *
make_key (const char *text,
          gsize       length)
{
  g_autofree char *folded = _cd_check_fold (text, length);
  char            *out = folded;
  char            *key = g_steal_pointer (&folded);

  g_assert (text != NULL);

  for (const char *p = key; *p; p++)
    if (*p != '-' && *p != '\'' && *p != ' ' && *p != '.')
      *out++ = *p;
  *out = '\0';
  return key;
}

static gboolean
is_name_word (const CdCheckField *field,
              const CdCheckWord  *word)
{
  g_assert (field != NULL);
  g_assert (word != NULL);

  if (word->flags & (CD_CHECK_WORD_ALL_CAPS | CD_CHECK_WORD_HAS_DIGIT))
    return FALSE;
  if (!(word->flags & (CD_CHECK_WORD_CAPITALISED | CD_CHECK_WORD_MIXED_CASE)))
    return FALSE;
  return g_utf8_next_char (field->text + word->start) < field->text + word->end;
}

static gboolean
is_article_word (const CdCheckField *field,
                 const CdCheckWord  *word)
{
  gsize       n = word->end - word->start;
  const char *text = field->text + word->start;

  g_assert (field != NULL);
  g_assert (word != NULL);

  return n == 2 && (g_ascii_strncasecmp (text, "al", 2) == 0 ||
                    g_ascii_strncasecmp (text, "el", 2) == 0);
}

static guint
add_group (Names      *names,
           const char *key,
           gboolean    single)
{
  gpointer found = g_hash_table_lookup (names->by_key, key);
  Group    group = { 0 };

  g_assert (names != NULL);
  g_assert (key != NULL);

  if (found != NULL)
    {
      Group *existing = &g_array_index (names->groups, Group, GPOINTER_TO_UINT (found) - 1);

      existing->single |= single;
      return GPOINTER_TO_UINT (found) - 1;
    }
  group.key = g_strdup (key);
  group.key_length = g_utf8_strlen (key, -1);
  group.occurrences = g_array_new (FALSE, FALSE, sizeof (guint));
  group.parent = names->groups->len;
  group.single = single;
  g_array_append_val (names->groups, group);
  g_hash_table_insert (names->by_key, group.key, GUINT_TO_POINTER (names->groups->len));
  return names->groups->len - 1;
}

static void
add_occurrence (Names              *names,
                guint               f,
                const CdCheckField *field,
                guint               first_word,
                guint               n_words,
                gboolean            single,
                const char         *known_key)
{
  const CdCheckWord *first = &g_array_index (field->words, CdCheckWord, first_word);
  const CdCheckWord *last = &g_array_index (field->words, CdCheckWord, first_word + n_words - 1);
  Occurrence         occurrence = { 0 };
  g_autofree char   *key = NULL;
  gsize              end = last->end - _cd_check_possessive_length (field->text + last->start,
                                                                    last->end - last->start);
  Group             *group;

  g_assert (names != NULL);
  g_assert (field != NULL);

  occurrence.field = f;
  occurrence.start = first->start;
  occurrence.end = end;
  occurrence.first_word = first_word;
  occurrence.n_words = n_words;
  occurrence.surface = g_strndup (field->text + first->start, end - first->start);
  occurrence.initial = (first->flags & CD_CHECK_WORD_SENTENCE_START) || field->title_case;
  occurrence.single = single;
  key = known_key != NULL ? g_strdup (known_key) : make_key (occurrence.surface, -1);
  occurrence.group = add_group (names, key, single);

  group = &g_array_index (names->groups, Group, occurrence.group);
  if (!occurrence.initial && (first->flags & (CD_CHECK_WORD_CAPITALISED |
                                              CD_CHECK_WORD_MIXED_CASE)))
    group->named = TRUE;
  g_array_append_val (group->occurrences, names->occurrences->len);
  g_array_append_val (names->occurrences, occurrence);
}

static void
collect_lower_case (Names              *names,
                    guint               f,
                    const CdCheckField *field,
                    guint               i)
{
  const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
  g_autofree char   *key = NULL;
  gpointer           found;
  Group             *group;

  g_assert (names != NULL);
  g_assert (field != NULL);

  if (word->flags & (CD_CHECK_WORD_CAPITALISED | CD_CHECK_WORD_MIXED_CASE |
                     CD_CHECK_WORD_HAS_DIGIT))
    return;
  key = make_key (field->text + word->start, word->end - word->start);
  found = g_hash_table_lookup (names->by_key, key);
  if (found == NULL)
    return;
  group = &g_array_index (names->groups, Group, GPOINTER_TO_UINT (found) - 1);
  if (!group->single ||
      _cd_check_word_is_correct (names->ctx, field->text + word->start,
                                 word->end - word->start))
    return;
  add_occurrence (names, f, field, i, 1, TRUE, key);
}

/* The first pass finds capitalised names; the second, lower-case words the
 * dictionary does not know whose key is a name's ("kyiv" beside "Kyiv"). */
static void
collect (Names   *names,
         gboolean lower_case)
{
  CdCheckContext *ctx = names->ctx;

  g_assert (names != NULL);

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];
      guint               n = field->prose ? field->words->len : 0;

      for (guint i = 0; i < n; i++)
        {
          const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
          const CdCheckWord *next = i + 1 < n ? &g_array_index (field->words, CdCheckWord, i + 1) : NULL;
          gboolean           next_name = next != NULL && (next->flags & CD_CHECK_WORD_SPACE_BEFORE) &&
                               is_name_word (field, next);

          if (lower_case)
            collect_lower_case (names, f, field, i);
          else if (next_name && is_article_word (field, word))
            {
              /* "al Assad" is one name, like "al-Assad". */
              add_occurrence (names, f, field, i, 2, TRUE, NULL);
              i++;
            }
          else if (is_name_word (field, word))
            {
              add_occurrence (names, f, field, i, 1, TRUE, NULL);
              if (next_name)
                add_occurrence (names, f, field, i, 2, FALSE, NULL);
            }
        }
    }
}

static guint
find_root (Names *names,
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
  if (MIN (lx, ly) < 3 || _cd_name_shape_count_consonants (x) < 2)
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
   * write the vowel alike. */
  if (MIN (lx, ly) <= 4 &&
      MIN (_cd_name_shape_count_vowels (x), _cd_name_shape_count_vowels (y)) <= 1 &&
      (same_slots ? !g_str_equal (x->vowels, y->vowels)
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

static void
join_near_keys (Names *names)
{
  Join join = { 0 };
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  guint n = names->groups->len;

  g_assert (names != NULL);

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
      guint       ra = find_root (names, edge->a);
      guint       rb = find_root (names, edge->b);
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

static gboolean
has_upper (const char *text)
{
  g_assert (text != NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

typedef struct
{
  const char *form;
  guint       count;
} Form;

/* Adds one more of form to forms, which keeps the order first written. */
static void
count_form (GArray     *forms,
            const char *form)
{
  guint k;

  g_assert (forms != NULL);
  g_assert (form != NULL);

  for (k = 0; k < forms->len; k++)
    if (g_str_equal (g_array_index (forms, Form, k).form, form))
      break;
  if (k == forms->len)
    {
      Form new_form = { form, 0 };

      g_array_append_val (forms, new_form);
    }
  g_array_index (forms, Form, k).count++;
}

/* The form to suggest: the most written. As many of one as of another (a
 * name written twice, two ways): the first written when the dictionary
 * knows it and none of the others, otherwise NULL, since a suggestion would
 * as often spread the mistake as mend it; *first is then the first written.
 * The dictionary decides nothing more: it knows Kiev and not Kyiv, Mohammad
 * and not Mohammed, and a newsroom's spelling of a name is its own. */
static const char *
choose_form (Names       *names,
             GArray      *forms,
             const char **first)
{
  const Form *best = NULL;
  gboolean    tie = FALSE;

  g_assert (names != NULL);
  g_assert (forms != NULL);

  for (guint k = 0; k < forms->len; k++)
    {
      const Form *form = &g_array_index (forms, Form, k);

      if (best == NULL || form->count > best->count)
        best = form, tie = FALSE;
      else if (form->count == best->count)
        tie = TRUE;
    }
  *first = best->form;
  if (!tie)
    return best->form;
  if (!_cd_check_word_is_correct (names->ctx, best->form, -1))
    return NULL;
  for (guint k = 0; k < forms->len; k++)
    {
      const Form *form = &g_array_index (forms, Form, k);

      if (form != best && form->count == best->count &&
          _cd_check_word_is_correct (names->ctx, form->form, -1))
        return NULL;
    }
  return best->form;
}

static void
append_forms (GString *list,
              GArray  *forms)
{
  g_assert (list != NULL);
  g_assert (forms != NULL);

  for (guint k = 0; k < forms->len; k++)
    {
      const Form *form = &g_array_index (forms, Form, k);

      g_string_append_printf (list, "%s“%s” (%u×)", k > 0 ? ", " : "", form->form, form->count);
    }
}

static void
add_variant (Names            *names,
             const Occurrence *o,
             const char       *suggestion,
             const char       *list)
{
  g_autofree char *cased = NULL;

  g_assert (names != NULL);
  g_assert (o != NULL);

  if (suggestion == NULL)
    {
      _cd_check_add (names->ctx, o->field, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_SEVERITY_WARNING,
                     o->start, o->end, NULL,
                     "This name is written more than one way in the article, as often "
                     "one way as the other: %s; check which is right",
                     list);
      return;
    }
  cased = o->initial ? _cd_check_upper_first (suggestion) : g_strdup (suggestion);
  _cd_check_add (names->ctx, o->field, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_SEVERITY_WARNING,
                 o->start, o->end, cased, "This name is written more than one way in the article: %s",
                 list);
}

/* How a name is written, as the reader meets it mid-sentence. A capital
 * that only opens a sentence or sits in a headline is not a variant of the
 * lower-case form, except in names like "al-Assad" that keep a capital. */
static GPtrArray *
occurrence_forms (Names  *names,
                  GArray *members)
{
  g_autoptr (GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);

  g_assert (names != NULL);
  g_assert (members != NULL);

  for (guint i = 0; i < members->len; i++)
    {
      Occurrence *o = &g_array_index (names->occurrences, Occurrence,
                                      g_array_index (members, guint, i));

      if (!o->initial)
        g_hash_table_add (written, o->surface);
    }
  for (guint i = 0; i < members->len; i++)
    {
      Occurrence *o = &g_array_index (names->occurrences, Occurrence,
                                      g_array_index (members, guint, i));
      char       *form = NULL;

      if (o->initial)
        {
          g_autofree char *lowered = _cd_check_lower_first (o->surface);

          if (has_upper (lowered) && g_hash_table_contains (written, lowered))
            form = g_steal_pointer (&lowered);
        }
      g_ptr_array_add (forms, form != NULL ? form : g_strdup (o->surface));
    }
  return forms;
}

/* A name written with and without its article (al-Assad, Assad) is one
 * name; the article itself is written one way (al-Assad, not al Assad or
 * Al-Assad mid-sentence). Among the members whose stem is stem (or all),
 * the article forms that differ from the usual one are reported. */
static void
report_articles (Names      *names,
                 GArray     *members,
                 GPtrArray  *forms,
                 const char *stem)
{
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (Form));
  g_autoptr (GString) list = g_string_new (NULL);
  const char *first = NULL;
  const char *best;

  g_assert (names != NULL);
  g_assert (members != NULL);
  g_assert (forms != NULL);

  for (guint i = 0; i < members->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);
      gsize       article = _cd_check_article_length (form);

      if (article > 0 && (stem == NULL || g_str_equal (form + article, stem)))
        count_form (counts, form);
    }
  if (counts->len < 2)
    return;
  best = choose_form (names, counts, &first);
  append_forms (list, counts);
  for (guint i = 0; i < members->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);
      gsize       article = _cd_check_article_length (form);

      if (article == 0 || (stem != NULL && !g_str_equal (form + article, stem)) ||
          g_str_equal (form, best != NULL ? best : first))
        continue;
      add_variant (names, &g_array_index (names->occurrences, Occurrence, g_array_index (members, guint, i)),
                   best, list->str);
    }
}

static void
report_cluster (Names  *names,
                GArray *members) /* occurrence indices */
{
  CdCheckContext *ctx = names->ctx;
  g_autoptr (GPtrArray) forms = occurrence_forms (names, members);
  g_autoptr (GArray) stems = g_array_new (FALSE, FALSE, sizeof (Form));
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (Form));
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *fallback = NULL;
  const char      *first = NULL;
  const char      *best;
  gboolean         bare = FALSE;

  g_assert (names != NULL);
  g_assert (members != NULL);

  for (guint i = 0; i < members->len; i++)
    {
      Occurrence *o = &g_array_index (names->occurrences, Occurrence,
                                      g_array_index (members, guint, i));
      const char *form = g_ptr_array_index (forms, i);

      for (guint w = 0; w < o->n_words; w++)
        _cd_check_cover (ctx, o->field,
                         g_array_index (ctx->fields[o->field].words, CdCheckWord,
                                        o->first_word + w)
                             .start);
      count_form (stems, form + _cd_check_article_length (form));
      count_form (all, form);
    }
  if (stems->len < 2)
    {
      report_articles (names, members, forms, NULL);
      return;
    }

  /* The stem to write; with none, the findings go to the stems other than
   * the first written and suggest nothing. */
  best = choose_form (names, stems, &first);
  append_forms (list, all);
  for (guint i = 0; i < members->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);

      if (best != NULL && g_str_equal (form, best))
        bare = TRUE;
    }
  /* A stem written only after an article is suggested with the article
   * most used with it (Ezzor → al-Zor). */
  if (best != NULL && !bare)
    {
      g_autoptr (GArray) with_best = g_array_new (FALSE, FALSE, sizeof (Form));
      const Form *most = NULL;

      for (guint i = 0; i < members->len; i++)
        {
          const char *form = g_ptr_array_index (forms, i);

          if (g_str_equal (form + _cd_check_article_length (form), best))
            count_form (with_best, form);
        }
      for (guint k = 0; k < with_best->len; k++)
        if (most == NULL || g_array_index (with_best, Form, k).count > most->count)
          most = &g_array_index (with_best, Form, k);
      fallback = g_strdup (most->form);
    }

  for (guint i = 0; i < members->len; i++)
    {
      Occurrence      *o = &g_array_index (names->occurrences, Occurrence,
                                           g_array_index (members, guint, i));
      const char      *form = g_ptr_array_index (forms, i);
      gsize            article = _cd_check_article_length (form);
      g_autofree char *suggestion = NULL;

      if (g_str_equal (form + article, best != NULL ? best : first))
        continue;
      if (best != NULL)
        suggestion = article > 0 ? g_strdup_printf ("%.*s%s", (int) article, form, best)
                                 : g_strdup (bare ? best : fallback);
      add_variant (names, o, suggestion, list->str);
    }
  report_articles (names, members, forms, best != NULL ? best : first);
}

/* "Deir Al-Zour" beside "Deir al-Zour" is one inconsistency, though both
 * the two-word name and "Al-Zour" in it differ: a finding inside another
 * one of this rule goes. */
static void
drop_nested_hits (CdCheckContext *ctx,
                  guint           first)
{
  g_assert (ctx != NULL);

  for (guint i = first; i < ctx->hits->len;)
    {
      const CdCheckHit *hit = &g_array_index (ctx->hits, CdCheckHit, i);
      gboolean          nested = FALSE;

      for (guint k = first; k < ctx->hits->len && !nested; k++)
        {
          const CdCheckHit *other = &g_array_index (ctx->hits, CdCheckHit, k);

          nested = k != i && other->field == hit->field && other->start <= hit->start &&
                   hit->end <= other->end &&
                   (other->end - other->start > hit->end - hit->start || k < i);
        }
      if (nested)
        g_array_remove_index (ctx->hits, i);
      else
        i++;
    }
}

void
_cd_check_names (CdCheckContext *ctx)
{
  Names names = { ctx };
  g_autoptr (GHashTable) clusters = NULL;
  GHashTableIter iter;
  gpointer       value;
  guint          first_hit;

  names.occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  g_array_set_clear_func (names.occurrences, occurrence_clear);
  names.groups = g_array_new (FALSE, FALSE, sizeof (Group));
  g_array_set_clear_func (names.groups, group_clear);
  names.by_key = g_hash_table_new (g_str_hash, g_str_equal);

  collect (&names, FALSE);
  collect (&names, TRUE);
  join_near_keys (&names);

  /* Gather each cluster's occurrences, in article order. */
  clusters = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < names.occurrences->len; i++)
    {
      Occurrence *o = &g_array_index (names.occurrences, Occurrence, i);
      guint       root = find_root (&names, o->group);
      GArray     *members = g_hash_table_lookup (clusters, GUINT_TO_POINTER (root));

      if (members == NULL)
        {
          members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (clusters, GUINT_TO_POINTER (root), members);
        }
      g_array_append_val (members, i);
    }

  first_hit = ctx->hits->len;
  g_hash_table_iter_init (&iter, clusters);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *members = value;

      if (members->len >= 2)
        report_cluster (&names, members);
    }
  /* A changed capital in a two-word name ("Abu dhabi") is one inconsistency
   * with the word it changed ("dhabi" beside "Dhabi"). */
  _cd_check_name_case (ctx);
  drop_nested_hits (ctx, first_hit);

  g_hash_table_unref (names.by_key);
  g_array_unref (names.groups);
  g_array_unref (names.occurrences);
}
