/* checks-mutate-names.h: planting names written two ways in clean copy,
 * for the mutation harness (checks-mutate.h, test-checks-mutate.c): one
 * occurrence of a name written at least twice is respelled (a vowel, a
 * doubled letter, a swap, k/q/c, y/i), transliterated (gh/g, dh/d, ou/u,
 * q/k, w/v, -ah/-eh, a first letter) or, in a two-word name, loses a
 * capital. checks-mutate.h includes it after the helpers it uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Names */

typedef struct
{
  const char *field;
  gsize       start;
  gsize       end;
} MutateOccurrence;

static const char *mutate_name_fields[] = { "headline", "dek", "body", "image_caption" };

/* Every whole-word occurrence of a name in the prose fields. */
static inline GArray *
mutate_find_name (Mutation   *m,
                  const char *name)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (MutateOccurrence));
  gsize   n = strlen (name);

  for (guint f = 0; f < G_N_ELEMENTS (mutate_name_fields); f++)
    {
      g_autofree char *text = mutate_get (m, mutate_name_fields[f]);
      g_autoptr (GArray) words = mutate_find_words (text);

      for (guint i = 0; i < words->len; i++)
        {
          const MutateWord *w = &g_array_index (words, MutateWord, i);
          gsize             end = w->end;

          /* Two-word names: the second word must follow with one space. */
          if (strchr (name, ' ') != NULL)
            {
              if (i + 1 >= words->len ||
                  g_array_index (words, MutateWord, i + 1).start != w->end + 1)
                continue;
              end = g_array_index (words, MutateWord, i + 1).end;
            }
          if (end - w->start == n && strncmp (text + w->start, name, n) == 0)
            {
              MutateOccurrence o = { mutate_name_fields[f], w->start, end };

              g_array_append_val (found, o);
            }
        }
    }
  return found;
}

/* Days and months are capitalised, but a slip in one is a typo, not a name
 * written two ways. */
static inline gboolean
is_calendar_word (const char *lower)
{
  static const char *words[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
                                 "saturday", "sunday", "january", "february", "march",
                                 "april", "june", "july", "august", "september", "october",
                                 "november", "december", "montag", "dienstag", "mittwoch",
                                 "donnerstag", "freitag", "samstag", "sonntag", "januar",
                                 "februar", "juni", "juli", "oktober", "dezember" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (lower, words[i]))
      return TRUE;
  return FALSE;
}

/* Single-word names: capitalised mid-sentence outside the headline, not a
 * word the dictionary knows in lower case (President, Monday), written at
 * least twice. Two-word names: both words capitalised mid-sentence, not
 * inside a longer run of capitals, written at least twice that way. */
static inline GPtrArray *
mutate_find_names (Mutation *m,
                   gboolean  two_words)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 1; f < G_N_ELEMENTS (mutate_name_fields); f++)
    {
      g_autofree char *text = mutate_get (m, mutate_name_fields[f]);
      g_autoptr (GArray) words = mutate_find_words (text);

      for (guint i = 0; i < words->len; i++)
        {
          const MutateWord *w = &g_array_index (words, MutateWord, i);
          const MutateWord *next = i + 1 < words->len ? &g_array_index (words, MutateWord, i + 1) : NULL;
          const MutateWord *prev = i > 0 ? &g_array_index (words, MutateWord, i - 1) : NULL;
          g_autofree char  *name = NULL;
          g_autofree char  *lower = NULL;

          if (!w->capital || w->sentence_start)
            continue;
          if (two_words)
            {
              const MutateWord *after = i + 2 < words->len ? &g_array_index (words, MutateWord, i + 2) : NULL;

              if (next == NULL || !next->capital || next->start != w->end + 1 ||
                  next->sentence_start ||
                  (prev != NULL && prev->capital && prev->end + 1 == w->start) ||
                  (after != NULL && after->capital && after->start == next->end + 1))
                continue;
              name = g_strndup (text + w->start, next->end - w->start);
            }
          else
            {
              name = g_strndup (text + w->start, w->end - w->start);
              lower = g_ascii_strdown (name, -1);
              if (strlen (name) < 4 || mutate_dict_knows (m, lower) || is_calendar_word (lower))
                continue;
            }
          if (g_hash_table_contains (seen, name))
            continue;
          g_hash_table_add (seen, g_strdup (name));
          {
            g_autoptr (GArray) found = mutate_find_name (m, name);

            if (found->len >= 2)
              g_ptr_array_add (names, g_steal_pointer (&name));
          }
        }
    }
  return names;
}

/* A respelling the way real copy has them: a vowel changed, a letter
 * doubled or undoubled, a vowel dropped, two letters swapped, k/q/c, y/i. */
static inline char *
mutate_respell (Mutation   *m,
                const char *name)
{
  gsize n = strlen (name);
  guint i = 1 + mutate_pick (m, n - 1);
  char *out = g_strdup (name);

  switch (mutate_pick (m, 6))
    {
    case 0:
      for (guint k = 0; k < n - 1; k++)
        {
          guint p = 1 + (i + k) % (n - 1);

          if (is_vowel (name[p]))
            {
              out[p] = "eioua"[strchr ("aeiou", name[p]) - "aeiou"];
              break;
            }
        }
      return out;
    case 1:
      if (i < n && !is_vowel (name[i]) && name[i] != name[i - 1])
        {
          g_free (out);
          return g_strdup_printf ("%.*s%c%s", i, name, name[i], name + i);
        }
      return out;
    case 2:
      for (guint p = 1; p + 1 < n; p++)
        if (name[p] == name[p + 1])
          {
            memmove (out + p, out + p + 1, n - p);
            break;
          }
      return out;
    case 3:
      for (guint k = 0; k < n - 2; k++)
        {
          guint p = 1 + (i + k) % (n - 2);

          if (is_vowel (name[p]) && !is_vowel (name[p - 1]) && !is_vowel (name[p + 1]))
            {
              memmove (out + p, out + p + 1, n - p);
              break;
            }
        }
      return out;
    case 4:
      if (i + 1 < n && (is_vowel (name[i]) || is_vowel (name[i + 1])))
        {
          out[i] = name[i + 1];
          out[i + 1] = name[i];
        }
      return out;
    default:
      for (guint p = 1; p < n; p++)
        {
          const char *from = "kqcyi";
          const char *to = "qkkiy";
          const char *at = strchr (from, name[p]);

          if (at != NULL && (name[p] != 'c' || (p + 1 < n && strchr ("aou", name[p + 1]))))
            {
              out[p] = to[at - from];
              break;
            }
        }
      return out;
    }
}

/* A transliteration the way agencies differ: gh/g, dh/d, kh/k, ou/u, y/i,
 * q/k, w/v, ee/i, oo/u, -ah/-eh, a final e, a doubled consonant, and a
 * vowel changed beside it. */
static inline char *
mutate_transliterate (Mutation   *m,
                      const char *name)
{
  static const char *pairs[][2] = {
    {"gh",  "g" },
    { "dh", "d" },
    { "kh", "k" },
    { "ou", "u" },
    { "u",  "ou"},
    { "y",  "i" },
    { "i",  "y" },
    { "q",  "k" },
    { "k",  "q" },
    { "w",  "v" },
    { "v",  "w" },
    { "ee", "i" },
    { "oo", "u" },
    { "ah", "eh"},
    { "eh", "ah"},
    { "ss", "s" },
    { "dd", "d" },
    { "mm", "m" },
    { "ai", "ay"},
    { "ei", "ey"},
  };
  static const char *initials[][2] = {
    {"K",    "Q"  },
    { "Q",   "K"  },
    { "G",   "Q"  },
    { "Tch", "Ch" },
    { "Ch",  "Tch"},
    { "Dj",  "J"  },
  };
  g_autofree char *out = g_strdup (name);
  guint            changes = 1 + mutate_pick (m, 2);

  /* Now and then the first letter: Gaddafi, Qadhafi; Tchaikovsky. */
  for (guint k = 0, roll = mutate_pick (m, 4); roll == 0 && k < G_N_ELEMENTS (initials); k++)
    if (g_str_has_prefix (out, initials[k][0]) && out[strlen (initials[k][0])] != 'h')
      {
        g_autofree char *next = g_strconcat (initials[k][1], out + strlen (initials[k][0]), NULL);

        g_free (out);
        out = g_steal_pointer (&next);
        changes--;
        break;
      }

  for (guint c = 0; c < changes; c++)
    for (guint attempt = 0; attempt < 20; attempt++)
      {
        guint            k = mutate_pick (m, G_N_ELEMENTS (pairs));
        const char      *at = strstr (out + 1, pairs[k][0]);
        g_autofree char *next = NULL;

        if (at == NULL)
          continue;
        next = g_strdup_printf ("%.*s%s%s", (int) (at - out), out, pairs[k][1],
                                at + strlen (pairs[k][0]));
        g_free (out);
        out = g_steal_pointer (&next);
        break;
      }
  /* A vowel beside the change differs too, in half the cases. */
  if (mutate_pick (m, 2) == 0)
    {
      g_autofree char *vowel = mutate_respell (m, out);

      if (g_ascii_strcasecmp (vowel, out) != 0 && strlen (vowel) == strlen (out))
        {
          g_free (out);
          out = g_steal_pointer (&vowel);
        }
    }
  return g_steal_pointer (&out);
}

static inline gboolean
mutate_name (Mutation *m,
             gboolean  transliterate)
{
  g_autoptr (GPtrArray) names = mutate_find_names (m, FALSE);

  if (names->len == 0)
    return FALSE;
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      const char *name = g_ptr_array_index (names, mutate_pick (m, names->len));
      g_autoptr (GArray) found = mutate_find_name (m, name);
      const MutateOccurrence *o = &g_array_index (found, MutateOccurrence, mutate_pick (m, found->len));
      g_autofree char        *variant = transliterate ? mutate_transliterate (m, name)
                                                      : mutate_respell (m, name);
      g_autofree char        *lower = g_ascii_strdown (variant, -1);

      if (g_ascii_strcasecmp (variant, name) == 0 || mutate_dict_knows (m, variant) ||
          mutate_dict_knows (m, lower) || strlen (variant) < 4)
        continue;
      mutate_replace (m, o->field, o->start, o->end, variant);
      m->plant.original = g_strdup (name);
      m->plant.planted = g_strdup (variant);
      return TRUE;
    }
  return FALSE;
}

static inline gboolean
mutate_name_case (Mutation *m)
{
  g_autoptr (GPtrArray) names = mutate_find_names (m, TRUE);
  const char      *name;
  g_autofree char *variant = NULL;
  char            *space;

  if (names->len == 0)
    return FALSE;
  name = g_ptr_array_index (names, mutate_pick (m, names->len));
  {
    g_autoptr (GArray) found = mutate_find_name (m, name);
    const MutateOccurrence *o = &g_array_index (found, MutateOccurrence, mutate_pick (m, found->len));

    /* The second word loses its capital: "Islamic state", "Gaza city".
     * The fault is that word. */
    variant = g_strdup (name);
    space = strchr (variant, ' ');
    space[1] = g_ascii_tolower (space[1]);
    mutate_replace (m, o->field, o->start, o->end, variant);
    m->plant.start = m->plant.region_start = m->plant.start + (space + 1 - variant);
  }
  m->plant.original = g_strdup (strchr (name, ' ') + 1);
  m->plant.planted = g_strdup (space + 1);
  return TRUE;
}
