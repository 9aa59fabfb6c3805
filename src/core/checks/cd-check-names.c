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

static void
join_near_keys (Names *names)
{
  g_autoptr (GPtrArray) candidates = g_ptr_array_new ();

  g_assert (names != NULL);

  for (guint i = 0; i < names->groups->len; i++)
    {
      Group *group = &g_array_index (names->groups, Group, i);

      if (!group->single || group->key_length < 5)
        continue;
      /* A group only ever seen opening sentences may be a common word
       * ("Though", "Through"); it takes part only when the dictionary does
       * not know it in lower case. */
      if (group->named || !_cd_check_word_is_correct (names->ctx, group->key, -1))
        g_ptr_array_add (candidates, GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < candidates->len; i++)
    for (guint j = i + 1; j < candidates->len; j++)
      {
        guint  gi = GPOINTER_TO_UINT (g_ptr_array_index (candidates, i));
        guint  gj = GPOINTER_TO_UINT (g_ptr_array_index (candidates, j));
        Group *a = &g_array_index (names->groups, Group, gi);
        Group *b = &g_array_index (names->groups, Group, gj);
        glong  la = a->key_length;
        glong  lb = b->key_length;
        guint  limit = MIN (la, lb) >= 9 ? 2 : 1;
        guint  distance;

        if (ABS (la - lb) > (glong) limit)
          continue;
        /* Spellings of one name almost always share their first letter. */
        if (g_utf8_get_char (a->key) != g_utf8_get_char (b->key))
          continue;
        if (find_root (names, gi) == find_root (names, gj))
          continue;
        if (is_inflection (a->key, b->key) || is_distinct_pair (a->key, b->key))
          continue;
        distance = _cd_check_edit_distance (a->key, b->key, limit);
        if (distance == 0 || distance > limit)
          continue;
        /* Short names (Sunak, Sunek) meet only when the dictionary knows
         * neither; longer ones when it does not know both. */
        if (MIN (la, lb) < 6 ? (group_is_known (names, a) || group_is_known (names, b))
                             : (group_is_known (names, a) && group_is_known (names, b)))
          continue;
        g_array_index (names->groups, Group, find_root (names, gj)).parent = find_root (names, gi);
      }
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
  char *form;
  guint count;
} Form;

static void
report_cluster (Names  *names,
                GArray *members) /* occurrence indices */
{
  CdCheckContext *ctx = names->ctx;
  g_autoptr (GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) forms = g_array_new (FALSE, TRUE, sizeof (Form));
  g_autoptr (GPtrArray) occurrence_forms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) list = g_string_new (NULL);
  const Form *best = NULL;
  gboolean    tie = FALSE;

  g_assert (names != NULL);
  g_assert (members != NULL);

  /* Mid-sentence spellings as written. A capital that only opens a sentence
   * or sits in a headline is not a variant of the lower-case form. */
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
      guint       k;

      if (o->initial)
        {
          g_autofree char *lowered = _cd_check_lower_first (o->surface);

          /* Only names like "al-Assad" keep a capital after lowering the
           * first letter; "kyiv" beside "Kyiv" is a variant. */
          if (has_upper (lowered) && g_hash_table_contains (written, lowered))
            form = g_steal_pointer (&lowered);
        }
      if (form == NULL)
        form = g_strdup (o->surface);
      g_ptr_array_add (occurrence_forms, form);

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

  if (forms->len < 2)
    return;

  for (guint k = 0; k < forms->len; k++)
    {
      const Form *form = &g_array_index (forms, Form, k);

      if (best == NULL || form->count > best->count)
        best = form;
      g_string_append_printf (list, "%s“%s” (%u×)", k > 0 ? ", " : "", form->form, form->count);
    }

  /* As many of one form as of another (a name written twice, two ways):
   * the findings go to the forms other than the first written. The first
   * form is suggested only when the dictionary knows it and none of the
   * others; without that evidence there is no telling which is right, and a
   * suggestion would as often spread the mistake as mend it. */
  for (guint k = 0; k < forms->len; k++)
    {
      const Form *form = &g_array_index (forms, Form, k);

      if (form != best && form->count == best->count)
        tie = TRUE;
    }
  if (tie && _cd_check_word_is_correct (ctx, best->form, -1))
    {
      tie = FALSE;
      for (guint k = 0; k < forms->len && !tie; k++)
        {
          const Form *form = &g_array_index (forms, Form, k);

          if (form != best && form->count == best->count &&
              _cd_check_word_is_correct (ctx, form->form, -1))
            tie = TRUE;
        }
    }

  for (guint i = 0; i < members->len; i++)
    {
      Occurrence      *o = &g_array_index (names->occurrences, Occurrence,
                                           g_array_index (members, guint, i));
      const char      *form = g_ptr_array_index (occurrence_forms, i);
      g_autofree char *suggestion = NULL;

      for (guint w = 0; w < o->n_words; w++)
        _cd_check_cover (ctx, o->field,
                         g_array_index (ctx->fields[o->field].words, CdCheckWord,
                                        o->first_word + w)
                             .start);
      if (g_str_equal (form, best->form))
        continue;
      if (tie)
        {
          _cd_check_add (ctx, o->field, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_SEVERITY_WARNING,
                         o->start, o->end, NULL,
                         "This name is written more than one way in the article, as often "
                         "one way as the other: %s; check which is right",
                         list->str);
          continue;
        }
      suggestion = o->initial ? _cd_check_upper_first (best->form)
                              : g_strdup (best->form);
      _cd_check_add (ctx, o->field, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_SEVERITY_WARNING,
                     o->start, o->end, suggestion,
                     "This name is written more than one way in the article: %s", list->str);
    }
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
  drop_nested_hits (ctx, first_hit);

  g_hash_table_unref (names.by_key);
  g_array_unref (names.groups);
  g_array_unref (names.occurrences);
}
