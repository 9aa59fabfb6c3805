/* cd-check-a-an.c: "a" and "an" in English copy, as the next word's first
 * sound wants them: "a inside chance" and "an request", the leftovers of an
 * edit that changed the word after, or "a 18-year-old".
 *
 * Only where the spelling tells the sound: a word in lower case that starts
 * with a, e, i or o, or with a consonant other than h (an hour, an
 * historic), and the few whose vowel letter is said as a consonant (a
 * one-off, a euro, a university: see has_consonant_sound()); a u before
 * two consonants (an umbrella); words in capitals as
 * article_for_capitals() tells. Other words starting with u (an uncle, a
 * unilateral), words in mixed case (an mRNA vaccine), abbreviations said
 * letter by letter in lower case (an mbox, an lcd) are left alone, and
 * numbers but those starting with 8 and 11 and 18 (an 8-0 win, an
 * 18-year-old).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

/* Words that never follow the article: after them "a" is a name or a label
 * ("branch a or branch b", "$a is"). Words whose vowel letter is not a
 * vowel sound, and Latin and French the trade writes (a priori). */
static const char *const not_after_a[] = {
  "and",
  "or",
  "is",
  "as",
  "at",
  "of",
  "on",
  "in",
  "if",
  "it",
  "are",
  "also",
  "priori",
  "posteriori",
  "fortiori",
  "cappella",
  "capella",
};

/* Words whose first letter is a vowel's and whose first sound is not: one
 * and once (not onerous), eu… (euro, eulogy), ewe, ouija, and the u that is
 * said "you" (a union, a university, a useful, a utility, a unanimous):
 * "a" before them. Other words starting with u are said either way
 * (an uncle, a unilateral) and left alone. */
static const char *const consonant_sound_prefixes[] = {
  "eu",
  "ewe",
  "oui",
  "use",
  "usu",
  "uti",
  "uto",
  "ura",
  "uri",
  "ubiq",
  "uku",
  "unani",
  "unic",
  "unif",
  "unio",
  "unip",
  "uniq",
  "unis",
  "unit",
  "univ",
};

static gboolean
has_consonant_sound (const char *w,
                     gsize       length)
{
  static const char *const ones[] = { "one", "ones", "once" };

  for (guint i = 0; i < G_N_ELEMENTS (ones); i++)
    if (g_str_has_prefix (w, ones[i]) && (length == strlen (ones[i]) || w[strlen (ones[i])] == '-'))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (consonant_sound_prefixes); i++)
    if (strncmp (w, consonant_sound_prefixes[i], strlen (consonant_sound_prefixes[i])) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
word_is (const char *text,
         gsize       length,
         const char *word)
{
  return strlen (word) == length && strncmp (text, word, length) == 0;
}

/* Whether a lower-case word that starts with a consonant is said letter by
 * letter: one whose letter's name starts with a vowel sound (ef, el, em,
 * en, ar, es, ex), then a consonant no English word starts with after it
 * (mbox, lcd, sms, but not "smoke" or "rhythm"). */
static gboolean
is_spelled_out (const char *w,
                gsize       length)
{
  static const char *const onsets[] = { "fl", "fr", "rh", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "sq", "st", "sw" };

  if (length < 2 || strchr ("flmnrsx", w[0]) == NULL || strchr ("aeiouy", w[1]) != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (onsets); i++)
    if (w[0] == onsets[i][0] && w[1] == onsets[i][1])
      return FALSE;
  return TRUE;
}

/* The article a number wants ("an" for 8…, 11 and 18 said alone), or NULL
 * when it cannot be told (1,800 and 1800s are said both ways). */
static const char *
article_for_number (const char *w,
                    gsize       length)
{
  gsize digits = 0;

  while (digits < length && g_ascii_isdigit (w[digits]))
    digits++;
  if (digits == 0)
    return NULL;
  if (w[0] == '8')
    return "an";
  if (w[0] != '1')
    return "a";
  if (digits == 2 && (w[1] == '1' || w[1] == '8') &&
      !(digits + 1 < length && (w[digits] == ',' || w[digits] == '.') && g_ascii_isdigit (w[digits + 1])))
    return "an";
  return NULL;
}

/* The article a word in capitals wants (FBI, NATO, EU, the FBI's, MPs),
 * or NULL when its spelling does not tell. A vowel's letter is said as a
 * vowel (an EU, an IMF), but u (a UN report, a UEFA match) and the vowels
 * of "one" and "euro" as in lower case (a ONE-OFF, a EURO); b, c, d, g, j,
 * k, p, q, t, v, w, y and z are consonants however the word is said (a BBC
 * film, a TV, a WHO report). The letters whose name starts with a vowel
 * sound (ef, aitch, el, em, en, ar, es, ex) want "an" only when the word
 * is said letter by letter, which the spelling shows when no vowel follows
 * (an MP, an SMS, an HR) or the first two letters start no English word
 * (an FBI agent, an NHS trust, an MRI); a word said as a word or that could
 * be (a NATO summit, a SWAT team, a HIV test or an HIV test) is left
 * alone, as are doubled letters said by their number (a AAA rating, a
 * double-L or an L-L) and
 * the London index said "footsie". */
static const char *
article_for_capitals (const char *w,
                      gsize       length)
{
  static const char *const onsets[] = { "FL", "FR", "SC", "SH", "SK", "SL", "SM", "SN", "SP", "SQ", "ST", "SW" };
  gsize                    run = 0;
  char                     lower[8];
  gboolean                 vowel_after_first = FALSE;

  while (run < length && g_ascii_isupper (w[run]))
    run++;
  /* The capitals are the word, or the word before a joiner or a plural s. */
  if (run < 2 || run >= sizeof lower ||
      !(run == length || strchr ("-'", w[run]) != NULL || g_str_has_prefix (w + run, "’") ||
        (run + 1 == length && w[run] == 's')))
    return NULL;
  /* Doubled letters said by their number, and the index said as a word. */
  if ((w[0] == w[1] && strchr ("AEIOFHLMNRSX", w[0]) != NULL) || (run == 4 && strncmp (w, "FTSE", 4) == 0))
    return NULL;
  for (gsize i = 0; i < run; i++)
    {
      lower[i] = g_ascii_tolower (w[i]);
      if (i > 0 && strchr ("AEIOUY", w[i]) != NULL)
        vowel_after_first = TRUE;
    }
  lower[run] = '\0';
  if (strchr ("AEIO", w[0]) != NULL)
    return run >= 3 && has_consonant_sound (lower, run) ? "a" : "an";
  if (w[0] == 'U')
    return run <= 3 || !vowel_after_first || strchr ("AEIOU", w[1]) != NULL ? "a" : NULL;
  if (strchr ("FHLMNRSX", w[0]) == NULL)
    return "a";
  if (!vowel_after_first)
    return "an";
  if (strchr ("AEIOUY", w[1]) != NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (onsets); i++)
    if (w[0] == onsets[i][0] && w[1] == onsets[i][1])
      return NULL;
  return "an";
}

/* The article the word at @w wants, or NULL when its spelling does not
 * tell. */
static const char *
article_for (const CdCheckWord *word,
             const char        *w)
{
  gsize length = word->end - word->start;

  if (word->flags & CD_CHECK_WORD_HAS_DIGIT)
    return article_for_number (w, length);
  if (word->flags & CD_CHECK_WORD_CAPITALISED)
    return article_for_capitals (w, length);
  if (length < 2 || (word->flags & CD_CHECK_WORD_MIXED_CASE) ||
      !g_ascii_islower (w[0]) || w[1] == '-' || w[1] == '\'')
    return NULL;
  if (has_consonant_sound (w, length))
    return "a";
  if (strchr ("aeio", w[0]) != NULL)
    return g_str_has_prefix (w, "one") ? NULL : "an";
  /* A u before two consonants is said as in "up" (an umbrella, an
   * unlikely, an ugly, an urban, an usher); before a vowel it is said
   * either way (a unit, an unusual). */
  if (w[0] == 'u')
    return length >= 3 && strchr ("aeiouy", w[1]) == NULL && strchr ("aeiouy", w[2]) == NULL ? "an" : NULL;
  if (w[0] == 'h' || is_spelled_out (w, length))
    return NULL;
  return "a";
}

void
_cd_check_a_an (CdCheckContext *ctx)
{
  g_return_if_fail (ctx != NULL);

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];
      const char         *text = field->text;

      for (guint i = 0; field->prose && i + 1 < field->words->len; i++)
        {
          const CdCheckWord *article = &g_array_index (field->words, CdCheckWord, i);
          const CdCheckWord *next = &g_array_index (field->words, CdCheckWord, i + 1);
          const char        *a = text + article->start;
          gsize              length = article->end - article->start;
          gboolean           an;
          const char        *wanted;
          char               fix[3] = { 0 };
          gboolean           skip = FALSE;

          if (!(next->flags & CD_CHECK_WORD_SPACE_BEFORE) ||
              !(word_is (a, length, "a") || word_is (a, length, "an") ||
                ((article->flags & CD_CHECK_WORD_SENTENCE_START) &&
                 (word_is (a, length, "A") || word_is (a, length, "An")))))
            continue;
          /* Not a name's letter ($a, x.a) nor the end of a longer word. */
          if (article->start > 0 && strchr (" \n\t(\"'", text[article->start - 1]) == NULL &&
              (guchar) text[article->start - 1] < 0x80)
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (not_after_a); k++)
            if (word_is (text + next->start, next->end - next->start, not_after_a[k]))
              skip = TRUE;
          /* A placeholder (an TK) is leftover-markup's to report. */
          if (_cd_check_is_placeholder (text + next->start, next->end - next->start))
            skip = TRUE;
          wanted = skip ? NULL : article_for (next, text + next->start);
          an = length == 2;
          if (wanted == NULL || an == g_str_equal (wanted, "an"))
            continue;
          fix[0] = a[0];
          if (!an)
            fix[1] = 'n';
          _cd_check_add (ctx, f, CD_CHECK_RULE_A_AN, CD_CHECK_SEVERITY_WARNING, article->start,
                         article->end, fix, "“%.*s” starts with a %s sound",
                         (int) (next->end - next->start), text + next->start, an ? "consonant" : "vowel");
        }
    }
}
