/* cd-check-translit.c: the shape of a name once the ways agencies
 * transliterate it are set aside, so the name-variant rule can join
 * Baghouz and Baguz, Mohammed and Muhammad, Gaddafi and Qadhafi, Uighur and
 * Uygur, Kharkiv and Kharkov, Hassakah and Hasakeh, Deir al-Zor and Deir
 * Ezzor, without a list of names.
 *
 * A name's shape is its consonants, each reduced to a class the
 * transliterations share (gh/g, dh/d, kh/ch, q/k/hard c, w/v, j/y, ph/f,
 * th/t, sh/sch, a doubled letter as one), with every run of vowels (y
 * among them) written as one V, a silent final e or h dropped, and a
 * leading article (al-, el-, ash- …) set aside. Two names with one shape
 * are the same name spelled two ways; two names whose consonants agree and
 * that are one edit apart (a dropped or swapped vowel) are too. What keeps
 * really different names apart is the caller's business (the dictionary,
 * inflections, known distinct pairs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cd-check-private.h"

/* Articles written before a name with a hyphen, a space or an apostrophe. */
static const char *articles[] = {
  "al",
  "el",
  "ul",
  "ad",
  "ar",
  "as",
  "ash",
  "at",
  "az",
  "an",
  "ed",
  "er",
  "es",
  "et",
  "ez",
  "en",
};

/**
 * _cd_check_article_length:
 * @surface: a name as written
 *
 * Returns: the length in bytes of a leading article and its separator
 * ("al-", "El ", "ash-"), or 0 when the name has none
 */
gsize
_cd_check_article_length (const char *surface)
{
  g_assert (surface != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      gsize n = strlen (articles[i]);

      if (g_ascii_strncasecmp (surface, articles[i], n) != 0)
        continue;
      if (surface[n] == '-' || surface[n] == ' ' || surface[n] == '\'')
        return surface[n + 1] != '\0' ? n + 1 : 0;
      if (g_str_has_prefix (surface + n, "’") || g_str_has_prefix (surface + n, "‐"))
        return surface[n + 3] != '\0' ? n + 3 : 0;
    }
  return 0;
}

/* The folded letters of a name in ASCII where a letter has a plain
 * counterpart, without separators. */
static char *
plain_letters (const char *text)
{
  g_autofree char *folded = _cd_check_fold (text, -1);
  GString         *out = g_string_new (NULL);

  g_assert (text != NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '-':
        case ' ':
        case '\'':
        case '.':
          break;
        case 0x0131: /* dotless i */
          g_string_append_c (out, 'i');
          break;
        case 0x00F8:
          g_string_append_c (out, 'o');
          break;
        case 0x00E6:
          g_string_append (out, "ae");
          break;
        case 0x0153:
          g_string_append (out, "oe");
          break;
        case 0x0142:
          g_string_append_c (out, 'l');
          break;
        case 0x0111:
        case 0x00F0:
          g_string_append_c (out, 'd');
          break;
        case 0x00FE:
          g_string_append (out, "th");
          break;
        default:
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The shape of plain ASCII letters: consonant classes and V. With vowels,
 * also the vowels of each run as a transliteration writes them alike (y as
 * i, a doubled vowel as one, ou as u), runs apart by "|". */
static char *
shape_of (const char *s,
          GString    *vowels)
{
  GString *out = g_string_new (NULL);
  gsize    n = strlen (s);

  g_assert (s != NULL);

  for (gsize i = 0; i < n;)
    {
      char     c = s[i];
      char     next = i + 1 < n ? s[i + 1] : '\0';
      char     symbol = 0;
      gsize    used = 1;
      gboolean vowel = is_vowel (c);

      /* A silent final e: Baguz, Baguze. */
      if (c == 'e' && i + 1 == n && i > 0 && !is_vowel (s[i - 1]))
        break;
      /* y is a vowel but where it opens a name before one (Yemen); w after
       * a vowel and before none is one too. */
      if (c == 'y')
        vowel = !(i == 0 && is_vowel (next));
      else if (c == 'w' && i > 0 && is_vowel (s[i - 1]) && !is_vowel (next) && next != 'y')
        vowel = TRUE;

      if (vowel)
        {
          char v = c == 'y' || c == 'w' ? (c == 'y' ? 'i' : 'u') : c;

          if (out->len == 0 || out->str[out->len - 1] != 'V')
            {
              g_string_append_c (out, 'V');
              if (vowels != NULL && vowels->len > 0)
                g_string_append_c (vowels, '|');
            }
          else if (vowels != NULL && v == 'u' && vowels->str[vowels->len - 1] == 'o')
            vowels->str[vowels->len - 1] = 'u';
          if (vowels != NULL && (vowels->len == 0 || vowels->str[vowels->len - 1] != v))
            g_string_append_c (vowels, v);
          i++;
          continue;
        }
      if (g_str_has_prefix (s + i, "tch") || g_str_has_prefix (s + i, "sch"))
        symbol = c == 't' ? 'x' : 'S', used = 3;
      else if (next == 'h' && strchr ("sckzptdg", c) != NULL)
        {
          static const char from[] = "sckzptdg";
          static const char to[] = "SxxZftdg";

          symbol = to[strchr (from, c) - from];
          used = 2;
        }
      else if (c == 'c' && next == 'k')
        symbol = 'k', used = 2;
      else if (c == 'd' && next == 'j')
        symbol = 'y', used = 2;
      else if (c == 'h' && i + 1 == n && i > 0 && is_vowel (s[i - 1]))
        symbol = 0; /* Hasakah, Hasakeh, Sarah */
      else if (c == 'q')
        symbol = 'k';
      else if (c == 'c')
        symbol = next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
      else if (c == 'j')
        symbol = 'y';
      else if (c == 'w')
        symbol = 'v';
      else if (c == 'x')
        {
          g_string_append_c (out, 'k');
          symbol = 's';
        }
      else
        symbol = c;

      /* Gaddafi, Qadhafi, Kadhafi. */
      if (out->len == 0 && symbol == 'g')
        symbol = 'k';
      if (symbol != 0 && (out->len == 0 || out->str[out->len - 1] != symbol))
        g_string_append_c (out, symbol);
      i += used;
    }
  return g_string_free (out, FALSE);
}

static char *
without_vowels (const char *shape)
{
  char *out = g_strdup (shape);
  char *q = out;

  g_assert (shape != NULL);

  for (const char *p = shape; *p; p++)
    if (*p != 'V' && (q == out || q[-1] != *p))
      *q++ = *p;
  *q = '\0';
  return out;
}

/**
 * _cd_name_shape_init:
 * @shape: the shape to fill in
 * @surface: a name as written, one word or an article and a word
 */
void
_cd_name_shape_init (CdNameShape *shape,
                     const char  *surface)
{
  gsize article = _cd_check_article_length (surface);

  g_assert (shape != NULL);
  g_assert (surface != NULL);

  shape->has_article = article > 0;
  g_autoptr (GString) vowels = g_string_new (NULL);

  shape->stem = plain_letters (surface + article);
  shape->slots = shape_of (shape->stem, vowels);
  shape->vowels = g_strdup (vowels->str);
  shape->consonants = without_vowels (shape->slots);
  shape->assimilated = NULL;

  /* "Ezzor" is "ez-Zor" written as one word: an opening vowel and a
   * doubled consonant may be an article run into the name. */
  if (!shape->has_article && is_vowel (shape->stem[0]) && shape->stem[1] != '\0' &&
      !is_vowel (shape->stem[1]) && shape->stem[1] == shape->stem[2] && shape->stem[3] != '\0')
    shape->assimilated = shape_of (shape->stem + 2, NULL);
}

void
_cd_name_shape_clear (CdNameShape *shape)
{
  g_assert (shape != NULL);

  g_clear_pointer (&shape->stem, g_free);
  g_clear_pointer (&shape->slots, g_free);
  g_clear_pointer (&shape->consonants, g_free);
  g_clear_pointer (&shape->vowels, g_free);
  g_clear_pointer (&shape->assimilated, g_free);
}

/**
 * _cd_name_shape_count_consonants:
 *
 * Returns: how many consonant classes the shape has
 */
guint
_cd_name_shape_count_consonants (const CdNameShape *shape)
{
  g_assert (shape != NULL);

  return strlen (shape->consonants);
}

/**
 * _cd_name_shape_count_vowels:
 *
 * Returns: how many runs of vowels the shape has
 */
guint
_cd_name_shape_count_vowels (const CdNameShape *shape)
{
  guint n = 0;

  g_assert (shape != NULL);

  for (const char *p = shape->slots; *p; p++)
    n += *p == 'V';
  return n;
}

static int
compare_chars (const void *a,
               const void *b)
{
  return *(const char *) a - *(const char *) b;
}

/**
 * _cd_name_stems_differ_by_gender:
 *
 * Names that differ only in a final "a" against "o", "i" or none (Carla
 * and Carlo, Maria and Mario, Karim and Karima, Hana and Hani) are mostly
 * two people, not one name spelled two ways.
 */
gboolean
_cd_name_stems_differ_by_gender (const char *a,
                                 const char *b)
{
  gsize       common = 0;
  const char *ta, *tb;

  g_assert (a != NULL);
  g_assert (b != NULL);

  while (a[common] != '\0' && a[common] == b[common])
    common++;
  ta = a + common;
  tb = b + common;
  if (strlen (ta) > 1 || strlen (tb) > 1 || (*ta == '\0' && *tb == '\0'))
    return FALSE;
  /* a against o, i or nothing; a against e is as often a slip (Misrata,
   * Misrate), and Anna and Anne, Maria and Marie, are in the dictionary. */
  if (*ta != 'a')
    {
      const char *swap = ta;

      ta = tb;
      tb = swap;
    }
  return *ta == 'a' && (*tb == '\0' || *tb == 'o' || *tb == 'i');
}

/**
 * _cd_name_vowels_agree:
 *
 * Whether two shapes write their vowels alike, or with the same letters
 * in another order (Deir, Dier).
 */
gboolean
_cd_name_vowels_agree (const CdNameShape *a,
                       const CdNameShape *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_assert (a != NULL);
  g_assert (b != NULL);

  if (g_str_equal (a->vowels, b->vowels))
    return TRUE;
  if (strlen (a->vowels) != strlen (b->vowels))
    return FALSE;
  x = g_strdup (a->vowels);
  y = g_strdup (b->vowels);
  qsort (x, strlen (x), 1, compare_chars);
  qsort (y, strlen (y), 1, compare_chars);
  return g_str_equal (x, y);
}

/**
 * _cd_name_stems_differ_by_son:
 *
 * Larsen and Larson, Olsen and Olson, Eriksen and Erikson: the Nordic and
 * the English patronymic are different names.
 */
gboolean
_cd_name_stems_differ_by_son (const char *a,
                              const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  g_assert (a != NULL);
  g_assert (b != NULL);

  return la == lb && la > 3 && strncmp (a, b, la - 2) == 0 &&
         ((g_str_has_suffix (a, "sen") && g_str_has_suffix (b, "son")) ||
          (g_str_has_suffix (a, "son") && g_str_has_suffix (b, "sen")));
}
