/* cd-check-name-case.c: the name-variant rule for a two-word name written
 * with one word's case changed: "Islamic State" and "Islamic state", "Gaza
 * City" and "Gaza city", "Health Ministry" and "health ministry".
 *
 * A pair of words is a name when it is written with both capitals in the
 * middle of a sentence, outside the headline, and not as a title before a
 * name ("Prime Minister Keir Starmer" says nothing about "the prime
 * minister"). Every other place the same two words appear is then compared
 * with the majority form, looking only at the capitals that say something:
 * not the first word of a sentence, and not a capital in the headline, which
 * may capitalise every word. A lower-case phrase that is never written
 * capitalised is never a name, so it is never reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

typedef struct
{
  guint   field;
  guint   word; /* index of the first of the two words */
  guint32 start;
  guint32 end;
  guint8  known; /* bit k: word k's capital says something */
  guint8  upper; /* bit k: word k is capitalised */
} Pair;

static gboolean
is_plain_word (const CdCheckWord *word)
{
  g_assert (word != NULL);

  return !(word->flags & (CD_CHECK_WORD_ALL_CAPS | CD_CHECK_WORD_HAS_DIGIT |
                          CD_CHECK_WORD_MIXED_CASE)) &&
         word->end - word->start >= 2;
}

/* The two words starting at index i, case-folded and without a possessive,
 * or NULL when they are not two plain words with one space between. */
static char *
pair_key (const CdCheckField *field,
          guint               i,
          guint32            *end)
{
  const CdCheckWord *a = &g_array_index (field->words, CdCheckWord, i);
  const CdCheckWord *b = &g_array_index (field->words, CdCheckWord, i + 1);
  const char        *text = field->text;
  gsize              b_length;
  g_autofree char   *first = NULL;
  g_autofree char   *second = NULL;

  g_assert (field != NULL);
  g_assert (end != NULL);

  if (!is_plain_word (a) || !is_plain_word (b) || !(b->flags & CD_CHECK_WORD_SPACE_BEFORE) ||
      b->start != a->end + 1)
    return NULL;
  b_length = b->end - b->start - _cd_check_possessive_length (text + b->start, b->end - b->start);
  first = _cd_check_fold (text + a->start, a->end - a->start);
  second = _cd_check_fold (text + b->start, b_length);
  *end = b->start + b_length;
  return g_strconcat (first, " ", second, NULL);
}

static gboolean
is_capitalised_word (const CdCheckField *field,
                     guint               i)
{
  const CdCheckWord *word;

  g_assert (field != NULL);

  if (i >= field->words->len)
    return FALSE;
  word = &g_array_index (field->words, CdCheckWord, i);
  return (word->flags & CD_CHECK_WORD_CAPITALISED) && (word->flags & CD_CHECK_WORD_SPACE_BEFORE);
}

/* The words the article writes in lower case, as written: made on the
 * first question, which few articles ask. */
typedef struct
{
  CdCheckContext *ctx;
  GHashTable     *words;
} LowerWords;

static gboolean
writes_in_lower_case (LowerWords *lower,
                      const char *word)
{
  g_assert (lower != NULL);
  g_assert (word != NULL);

  if (lower->words == NULL)
    {
      lower->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint f = 0; f < lower->ctx->n_fields; f++)
        {
          const CdCheckField *field = &lower->ctx->fields[f];

          for (guint i = 0; field->prose && i < field->words->len; i++)
            {
              const CdCheckWord *w = &g_array_index (field->words, CdCheckWord, i);

              if (!(w->flags & (CD_CHECK_WORD_CAPITALISED | CD_CHECK_WORD_ALL_CAPS | CD_CHECK_WORD_MIXED_CASE)))
                g_hash_table_add (lower->words, g_strndup (field->text + w->start, w->end - w->start));
            }
        }
    }
  return g_hash_table_contains (lower->words, word);
}

/* Whether the pair at i is inside a longer name ("European Central Bank",
 * "Islamic State Province"), or a title before one ("Prime Minister Keir
 * Starmer"): its capitals then belong to the longer name. A sentence's
 * first word is part of it when the article never writes that word in
 * lower case ("Ministerstwo Aktywów Państwowych" opening a paragraph,
 * beside "minister aktywów państwowych"), not when it does ("The Health
 * Ministry"). */
static gboolean
is_part_of_longer_name (const CdCheckField *field,
                        guint               i,
                        LowerWords         *lower_words)
{
  const CdCheckWord *a = &g_array_index (field->words, CdCheckWord, i);
  const CdCheckWord *before = i > 0 ? &g_array_index (field->words, CdCheckWord, i - 1) : NULL;

  g_assert (field != NULL);
  g_assert (lower_words != NULL);

  if (before != NULL && (a->flags & CD_CHECK_WORD_SPACE_BEFORE) &&
      (before->flags & CD_CHECK_WORD_CAPITALISED) && !(before->flags & CD_CHECK_WORD_MIXED_CASE))
    {
      g_autofree char *word = NULL;
      g_autofree char *lowered = NULL;

      if (!(before->flags & CD_CHECK_WORD_INITIAL))
        return TRUE;
      word = g_strndup (field->text + before->start, before->end - before->start);
      lowered = _cd_check_lower_first (word);
      if (!writes_in_lower_case (lower_words, lowered))
        return TRUE;
    }
  return is_capitalised_word (field, i + 2);
}

/* Pass one: the pairs written as a name, by key. */
static GHashTable *
collect_names (CdCheckContext *ctx,
               LowerWords     *lower_words)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_array_unref);

  g_assert (ctx != NULL);

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      if (!field->prose || field->title_case)
        continue;
      for (guint i = 0; i + 1 < field->words->len; i++)
        {
          const CdCheckWord *a = &g_array_index (field->words, CdCheckWord, i);
          const CdCheckWord *b = &g_array_index (field->words, CdCheckWord, i + 1);
          g_autofree char   *key = NULL;
          guint32            end;

          if (!(a->flags & CD_CHECK_WORD_CAPITALISED) || !(b->flags & CD_CHECK_WORD_CAPITALISED) ||
              (a->flags & CD_CHECK_WORD_INITIAL) || is_part_of_longer_name (field, i, lower_words))
            continue;
          key = pair_key (field, i, &end);
          if (key != NULL && !g_hash_table_contains (names, key))
            g_hash_table_insert (names, g_steal_pointer (&key), g_array_new (FALSE, FALSE, sizeof (Pair)));
        }
    }
  return names;
}

/* "a white house", "an Islamic state": after an indefinite article the
 * words describe something rather than name it. */
static gboolean
follows_indefinite (const CdCheckField *field,
                    guint               i)
{
  static const char *determiners[] = { "a", "an", "another", "any", "each", "every" };
  const CdCheckWord *before;
  gsize              n;

  g_assert (field != NULL);

  if (i == 0)
    return FALSE;
  before = &g_array_index (field->words, CdCheckWord, i - 1);
  n = before->end - before->start;
  for (guint k = 0; k < G_N_ELEMENTS (determiners); k++)
    if (n == strlen (determiners[k]) &&
        g_ascii_strncasecmp (field->text + before->start, determiners[k], n) == 0)
      return TRUE;
  return FALSE;
}

/* Pass two: every place each name's two words appear, in any case. */
static void
collect_pairs (CdCheckContext *ctx,
               GHashTable     *names,
               LowerWords     *lower_words)
{
  g_autoptr (GHashTable) first_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer       key;

  g_assert (ctx != NULL);
  g_assert (names != NULL);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (first_words, g_strndup (key, strchr (key, ' ') - (char *) key));

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      if (!field->prose)
        continue;
      for (guint i = 0; i + 1 < field->words->len; i++)
        {
          const CdCheckWord *a = &g_array_index (field->words, CdCheckWord, i);
          const CdCheckWord *b = &g_array_index (field->words, CdCheckWord, i + 1);
          g_autofree char   *first = _cd_check_fold (field->text + a->start, a->end - a->start);
          g_autofree char   *pair = NULL;
          GArray            *pairs;
          Pair               p = { f, i, a->start, 0, 0, 0 };

          if (!g_hash_table_contains (first_words, first))
            continue;
          pair = pair_key (field, i, &p.end);
          if (pair == NULL || (pairs = g_hash_table_lookup (names, pair)) == NULL)
            continue;
          for (guint k = 0; k < 2; k++)
            {
              const CdCheckWord *w = k == 0 ? a : b;
              gboolean           capital = (w->flags & CD_CHECK_WORD_CAPITALISED) != 0;

              if (capital)
                p.upper |= 1 << k;
              if (!(k == 0 && (a->flags & CD_CHECK_WORD_INITIAL)) &&
                  !(field->title_case && capital))
                p.known |= 1 << k;
            }
          if (p.upper == 3 ? is_part_of_longer_name (field, i, lower_words) : follows_indefinite (field, i))
            continue;
          g_array_append_val (pairs, p);
          i++;
        }
    }
}

static char *
pair_with_case (const CdCheckContext *ctx,
                const Pair           *p,
                guint8                upper)
{
  const CdCheckField *field = &ctx->fields[p->field];
  GString            *out = g_string_new (NULL);

  g_assert (ctx != NULL);
  g_assert (p != NULL);

  for (guint k = 0; k < 2; k++)
    {
      const CdCheckWord *w = &g_array_index (field->words, CdCheckWord, p->word + k);
      gsize              end = k == 1 ? p->end : w->end;
      g_autofree char   *text = g_strndup (field->text + w->start, end - w->start);
      g_autofree char   *changed = NULL;

      if (p->known & (1 << k))
        changed = (upper & (1 << k)) ? _cd_check_upper_first (text) : _cd_check_lower_first (text);
      if (k == 1)
        g_string_append_c (out, ' ');
      g_string_append (out, changed != NULL ? changed : text);
    }
  return g_string_free (out, FALSE);
}

static void
report_name (CdCheckContext *ctx,
             GArray         *pairs)
{
  guint    counts[4] = { 0 };
  guint    best = 0, best_count = 0;
  gboolean tie = FALSE, conflict = FALSE;
  g_autoptr (GString) list = g_string_new (NULL);
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert (ctx != NULL);
  g_assert (pairs != NULL);

  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *p = &g_array_index (pairs, Pair, i);

      if (p->known == 3)
        counts[p->upper]++;
    }
  for (guint u = 0; u < 4; u++)
    {
      if (counts[u] > best_count)
        best = u, best_count = counts[u], tie = FALSE;
      else if (counts[u] > 0 && counts[u] == best_count)
        tie = TRUE;
    }
  if (best_count == 0)
    return;
  /* On a tie the findings go to the forms that differ from the first one
   * written, which is what a reader met first. */
  for (guint i = 0; tie && i < pairs->len; i++)
    {
      const Pair *p = &g_array_index (pairs, Pair, i);

      if (p->known == 3 && counts[p->upper] == best_count)
        {
          best = p->upper;
          break;
        }
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *p = &g_array_index (pairs, Pair, i);

      if ((p->upper ^ best) & p->known)
        conflict = TRUE;
    }
  if (!conflict)
    return;

  /* The forms as written, each with how often it is written. */
  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair      *p = &g_array_index (pairs, Pair, i);
      const char      *text = ctx->fields[p->field].text;
      g_autofree char *form = g_strndup (text + p->start, p->end - p->start);
      guint            n = 0;

      if (g_hash_table_contains (listed, form))
        continue;
      for (guint j = 0; j < pairs->len; j++)
        {
          const Pair *q = &g_array_index (pairs, Pair, j);

          if (q->end - q->start == p->end - p->start &&
              strncmp (ctx->fields[q->field].text + q->start, form, p->end - p->start) == 0)
            n++;
        }
      g_string_append_printf (list, "%s“%s” (%u×)", list->len > 0 ? ", " : "", form, n);
      g_hash_table_add (listed, g_steal_pointer (&form));
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair      *p = &g_array_index (pairs, Pair, i);
      g_autofree char *suggestion = NULL;

      if (!((p->upper ^ best) & p->known))
        continue;
      /* With as many of one form as of another there is no telling which
       * is right: the finding says so and suggests nothing. */
      if (!tie)
        suggestion = pair_with_case (ctx, p, best);
      _cd_check_cover (ctx, p->field, p->start);
      _cd_check_add (ctx, p->field, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_SEVERITY_WARNING,
                     p->start, p->end, suggestion,
                     "This name is capitalised differently elsewhere in the article: %s",
                     list->str);
    }
}

void
_cd_check_name_case (CdCheckContext *ctx)
{
  LowerWords lower_words = { ctx, NULL };
  g_autoptr (GHashTable) names = collect_names (ctx, &lower_words);
  GHashTableIter iter;
  gpointer       value;

  if (g_hash_table_size (names) > 0)
    {
      collect_pairs (ctx, names, &lower_words);
      g_hash_table_iter_init (&iter, names);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        report_name (ctx, value);
    }
  g_clear_pointer (&lower_words.words, g_hash_table_unref);
}
