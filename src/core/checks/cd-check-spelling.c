/* cd-check-spelling.c: the spelling rule, through Enchant.
 *
 * Proper names are mostly the name-variant rule's business: a capitalised
 * word in the middle of a sentence is taken for a name, and an unknown name
 * is no misspelling. It is one when it stands alone, one edit from a name
 * the dictionary knows (Gazza, Irak, Yemmen), and is not part of a longer
 * name (Mohamed Salah). Code, URLs, Markdown syntax, numbers and acronyms in
 * capitals are never looked up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

/* Words written capitalised in the middle of a sentence somewhere in the
 * article: names, even where they open a sentence. */
static GHashTable *
collect_names (CdCheckContext *ctx)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert (ctx != NULL);

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      if (!field->prose || field->title_case)
        continue;
      for (guint i = 0; i < field->words->len; i++)
        {
          const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);

          if ((word->flags & CD_CHECK_WORD_CAPITALISED) &&
              !(word->flags & CD_CHECK_WORD_SENTENCE_START))
            g_hash_table_add (names, _cd_check_word_text (field, word));
          /* "al-Sisi" makes "Sisi" a name too. */
          if (word->flags & CD_CHECK_WORD_MIXED_CASE)
            {
              g_autofree char *text = _cd_check_word_text (field, word);
              g_auto (GStrv) parts = g_strsplit (text, "-", -1);

              for (guint k = 1; parts[k] != NULL; k++)
                if (g_unichar_isupper (g_utf8_get_char (parts[k])))
                  g_hash_table_add (names, g_strdup (parts[k]));
            }
        }
    }
  return names;
}

/* "don’t" → "don't"; "Smith’s" → "Smith". */
static char *
normalise_word (const char *text,
                gsize       length)
{
  GString    *out;
  const char *end = text + length;

  g_assert (text != NULL);

  if (memchr (text, 0xE2, length) == NULL)
    {
      char *plain = g_strndup (text, length);
      gsize n = _cd_check_possessive_length (plain, length);

      plain[length - n] = '\0';
      return plain;
    }
  out = g_string_sized_new (length);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c == 0x2019 ? '\'' : c);
    }
  if (g_str_has_suffix (out->str, "'s") || g_str_has_suffix (out->str, "'S"))
    g_string_truncate (out, out->len - 2);
  return g_string_free (out, FALSE);
}

/* "Kurds" where the dictionary knows "Kurd". */
static gboolean
plural_is_known (CdCheckContext *ctx,
                 const char     *word)
{
  gsize n = strlen (word);

  g_assert (ctx != NULL);
  g_assert (word != NULL);

  if (n > 3 && word[n - 1] == 's' && _cd_check_word_is_correct (ctx, word, n - 1))
    return TRUE;
  return n > 4 && word[n - 2] == 'e' && word[n - 1] == 's' &&
         _cd_check_word_is_correct (ctx, word, n - 2);
}

/* Whether the dictionary knows a capitalised word as it is, with its first
 * letter in lower case or as a plural. Unless it knows the word as it is,
 * *@lower is set to the word with its first letter in lower case. */
static gboolean
capitalised_is_known (CdCheckContext *ctx,
                      const char     *text,
                      char          **lower)
{
  g_assert (lower != NULL && *lower == NULL);

  if (_cd_check_word_is_correct (ctx, text, -1))
    return TRUE;
  *lower = _cd_check_lower_first (text);
  return _cd_check_word_is_correct (ctx, *lower, -1) || plural_is_known (ctx, text);
}

static void
report (CdCheckContext *ctx,
        guint           field,
        gsize           start,
        gsize           end,
        const char     *word,
        gboolean        capitalised)
{
  const char      *suggestion = _cd_check_word_suggestion (ctx, word, -1);
  g_autofree char *cased = NULL;

  g_assert (ctx != NULL);
  g_assert (word != NULL);

  if (suggestion != NULL && capitalised)
    suggestion = cased = _cd_check_upper_first (suggestion);
  _cd_check_add (ctx, field, CD_CHECK_RULE_SPELLING, CD_CHECK_SEVERITY_WARNING,
                 start, end, suggestion,
                 "“%s” is not in the dictionary or the word list", word);
}

/* The English dictionary, for English names in copy that is not English,
 * loaded at the first question: NULL for English copy, copy with no
 * dictionary of its own, or where none is installed. */
static EnchantDict *
english_dict (CdCheckContext *ctx)
{
  g_assert (ctx != NULL);

  if (!ctx->english_looked_up)
    {
      ctx->english_looked_up = TRUE;
      if (ctx->dict != NULL && g_ascii_strncasecmp (ctx->language, "en", 2) != 0)
        ctx->english = _cd_checker_get_dict_locked (ctx->checker, "en");
    }
  return ctx->english;
}

/* Whether English's dictionary knows word @i of @field. */
static gboolean
english_knows (CdCheckContext     *ctx,
               const CdCheckField *field,
               guint               i)
{
  const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
  g_autofree char   *text = normalise_word (field->text + word->start, word->end - word->start);

  g_assert (ctx != NULL && ctx->english != NULL);

  return enchant_dict_check (ctx->english, text, -1) == 0;
}

/* In copy that is not English, a lower-case word the article's dictionary
 * lacks and English's knows, between two capitalised words English knows
 * too ("Bank of America", "Fridays for Future", "Doctors without
 * Borders" in German copy): the small word of an English name. "Angst
 * for Zukunft" is a German typo: English does not know Zukunft. */
static gboolean
is_english_name_particle (CdCheckContext     *ctx,
                          const CdCheckField *field,
                          guint               i)
{
  const CdCheckWord *word, *prev, *next;
  g_autofree char   *text = NULL;

  g_assert (ctx != NULL);
  g_assert (field != NULL);

  if (i == 0 || i + 1 >= field->words->len)
    return FALSE;
  word = &g_array_index (field->words, CdCheckWord, i);
  prev = &g_array_index (field->words, CdCheckWord, i - 1);
  next = &g_array_index (field->words, CdCheckWord, i + 1);
  if ((word->flags & (CD_CHECK_WORD_CAPITALISED | CD_CHECK_WORD_ALL_CAPS | CD_CHECK_WORD_MIXED_CASE |
                      CD_CHECK_WORD_HAS_DIGIT)) ||
      !(word->flags & CD_CHECK_WORD_SPACE_BEFORE) || !(next->flags & CD_CHECK_WORD_SPACE_BEFORE) ||
      !(prev->flags & CD_CHECK_WORD_CAPITALISED) || !(next->flags & CD_CHECK_WORD_CAPITALISED))
    return FALSE;
  text = normalise_word (field->text + word->start, word->end - word->start);
  return !_cd_check_word_is_correct (ctx, text, -1) && english_dict (ctx) != NULL &&
         english_knows (ctx, field, i) && english_knows (ctx, field, i - 1) &&
         english_knows (ctx, field, i + 1);
}

/* Whether capitalised word @i of @field stands beside the small word of an
 * English name ("America" in "Bank of America"). */
static gboolean
in_english_name (CdCheckContext     *ctx,
                 const CdCheckField *field,
                 guint               i)
{
  g_assert (ctx != NULL);
  g_assert (field != NULL);

  return (i > 0 && is_english_name_particle (ctx, field, i - 1)) ||
         is_english_name_particle (ctx, field, i + 1);
}

/* Whether @text ends the way a German infinitive does (denken, ändern,
 * sammeln) and the dictionary knows it. */
static gboolean
is_known_infinitive (CdCheckContext *ctx,
                     const char     *text)
{
  gsize n = strlen (text);

  g_assert (ctx != NULL);

  return n >= 4 && text[n - 1] == 'n' && strchr ("elr", text[n - 2]) != NULL &&
         _cd_check_word_is_correct (ctx, text, -1);
}

/* A German separable verb the dictionary lacks in one piece: a particle
 * before an infinitive it knows, with "zu" between or not (mitdenken,
 * zusammenzudenken, hochzufahren). Only infinitives: "vorallem" and
 * "zuviel" stay typos. */
static gboolean
is_german_separable_verb (CdCheckContext *ctx,
                          const char     *text)
{
  static const char *const particles[] = {
    "ab",
    "an",
    "auf",
    "aus",
    "bei",
    "bereit",
    "dar",
    "durch",
    "ein",
    "empor",
    "entgegen",
    "fest",
    "fort",
    "frei",
    "gegenüber",
    "heim",
    "her",
    "heran",
    "heraus",
    "herein",
    "herum",
    "hervor",
    "hin",
    "hinaus",
    "hinein",
    "hinzu",
    "hoch",
    "kennen",
    "los",
    "mit",
    "nach",
    "nieder",
    "statt",
    "teil",
    "um",
    "vor",
    "voran",
    "voraus",
    "vorbei",
    "weg",
    "weiter",
    "wieder",
    "zu",
    "zurück",
    "zusammen",
    "über",
    "unter",
  };

  g_assert (ctx != NULL);
  g_assert (text != NULL);

  if (!g_str_has_prefix (ctx->language, "de"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    {
      const char *rest = text + strlen (particles[i]);

      if (!g_str_has_prefix (text, particles[i]))
        continue;
      if (is_known_infinitive (ctx, rest) ||
          (g_str_has_prefix (rest, "zu") && is_known_infinitive (ctx, rest + 2)))
        return TRUE;
    }
  return FALSE;
}

/* A lower-case word: looked up whole, then part by part when hyphenated. */
static void
check_lower (CdCheckContext     *ctx,
             guint               f,
             const CdCheckField *field,
             const CdCheckWord  *word,
             const char         *text)
{
  const char *p = text;
  gsize       offset = word->start;

  g_assert (ctx != NULL);
  g_assert (field != NULL);
  g_assert (word != NULL);
  g_assert (text != NULL);

  if (_cd_check_word_is_correct (ctx, text, -1))
    return;
  /* façade, naïve, rôle: the dictionary may know them only without the
   * accent. */
  if (!g_str_is_ascii (text))
    {
      g_autofree char *plain = _cd_check_fold (text, -1);

      if (g_str_is_ascii (plain) && _cd_check_word_is_correct (ctx, plain, -1))
        return;
    }
  if (is_german_separable_verb (ctx, text))
    return;
  if (strchr (text, '-') == NULL)
    {
      gsize end = word->end - _cd_check_possessive_length (field->text + word->start,
                                                           word->end - word->start);

      report (ctx, f, word->start, end, text, FALSE);
      return;
    }

  while (*p)
    {
      const char      *dash = strchr (p, '-');
      gsize            n = dash != NULL ? (gsize) (dash - p) : strlen (p);
      g_autofree char *part = g_strndup (p, n);

      if (g_utf8_strlen (part, -1) >= 2 && !cd_text_has_char (part, g_unichar_isdigit) &&
          !_cd_check_word_is_correct (ctx, part, -1))
        {
          /* The part's bytes sit at the same place in the field's text unless
           * normalising changed them (a curly apostrophe is three bytes). */
          gsize start = offset + (p - text);

          if (strncmp (field->text + start, part, n) == 0)
            report (ctx, f, start, start + n, part, FALSE);
        }
      if (dash == NULL)
        break;
      p = dash + 1;
    }
}

static gboolean
is_name_word (const CdCheckWord *word)
{
  return (word->flags & (CD_CHECK_WORD_CAPITALISED | CD_CHECK_WORD_MIXED_CASE |
                         CD_CHECK_WORD_ALL_CAPS)) != 0;
}

/* A capitalised word in the middle of a sentence: a misspelt name when it
 * stands alone and is one edit from a name the dictionary knows. */
static void
check_name (CdCheckContext     *ctx,
            guint               f,
            const CdCheckField *field,
            guint               i,
            const char         *text)
{
  const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
  const char        *raw = field->text + word->start;
  gsize              length = word->end - word->start;
  g_autofree char   *lower = NULL;
  const char        *name;

  g_assert (ctx != NULL);
  g_assert (field != NULL);
  g_assert (text != NULL);

  if (g_utf8_strlen (text, -1) < 4 || strchr (text, '-') != NULL)
    return;
  /* Part of a longer name, or after a title (Mr, Dr): a person, whose
   * spelling is theirs. */
  if (i > 0 && (word->flags & CD_CHECK_WORD_SPACE_BEFORE))
    {
      const CdCheckWord *prev = &g_array_index (field->words, CdCheckWord, i - 1);

      /* "The" opening the sentence is no name. */
      if (is_name_word (prev) && !(prev->flags & CD_CHECK_WORD_SENTENCE_START))
        return;
    }
  if (i + 1 < field->words->len)
    {
      const CdCheckWord *next = &g_array_index (field->words, CdCheckWord, i + 1);

      if ((next->flags & CD_CHECK_WORD_SPACE_BEFORE) && is_name_word (next))
        return;
    }
  if (capitalised_is_known (ctx, text, &lower))
    return;
  if ((name = _cd_check_name_near (ctx, text)) == NULL)
    return;
  _cd_check_add (ctx, f, CD_CHECK_RULE_SPELLING, CD_CHECK_SEVERITY_WARNING, word->start,
                 word->end - _cd_check_possessive_length (raw, length), name,
                 "“%s” is not in the dictionary; the name it knows is “%s”", text, name);
}

/* English names of the languages a newsroom is likeliest to write in, for
 * the rules' messages; NULL for others, which are named by the tag alone. */
const char *
_cd_check_language_name (const char *language)
{
  static const struct
  {
    const char *code, *name;
  } names[] = {
    {"ar",  "Arabic"    },
    { "ca", "Catalan"   },
    { "cs", "Czech"     },
    { "da", "Danish"    },
    { "de", "German"    },
    { "el", "Greek"     },
    { "en", "English"   },
    { "es", "Spanish"   },
    { "fi", "Finnish"   },
    { "fr", "French"    },
    { "hu", "Hungarian" },
    { "it", "Italian"   },
    { "ja", "Japanese"  },
    { "nb", "Norwegian" },
    { "nl", "Dutch"     },
    { "pl", "Polish"    },
    { "pt", "Portuguese"},
    { "ro", "Romanian"  },
    { "ru", "Russian"   },
    { "sv", "Swedish"   },
    { "tr", "Turkish"   },
    { "uk", "Ukrainian" },
    { "zh", "Chinese"   },
  };
  gsize n;

  g_assert (language != NULL);

  n = strcspn (language, "-_");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strlen (names[i].code) == n && g_ascii_strncasecmp (language, names[i].code, n) == 0)
      return names[i].name;
  return NULL;
}

/* Without a dictionary nothing is looked up; say so once, on the body,
 * rather than let a clean result read as "no misspellings". */
static void
report_no_dictionary (CdCheckContext *ctx)
{
  const char *name = _cd_check_language_name (ctx->language);
  guint       body = G_MAXUINT;
  gboolean    has_text = FALSE;

  g_assert (ctx != NULL);

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      if (g_str_equal (field->name, "body"))
        body = f;
      if (field->prose && field->words->len > 0)
        has_text = TRUE;
    }
  if (!has_text || body == G_MAXUINT)
    return;
  if (name != NULL)
    _cd_check_add (ctx, body, CD_CHECK_RULE_SPELLING, CD_CHECK_SEVERITY_INFO, 0, 0, NULL,
                   "No %s (%s) spelling dictionary is installed; spelling was not checked",
                   name, ctx->language);
  else
    _cd_check_add (ctx, body, CD_CHECK_RULE_SPELLING, CD_CHECK_SEVERITY_INFO, 0, 0, NULL,
                   "No spelling dictionary for the language “%s” is installed; spelling "
                   "was not checked",
                   ctx->language);
}

/* The script most of the article's prose words are written in (Latin for
 * English copy). A word in another (a Greek copyright line under English
 * copy, a name in Cyrillic) is not the dictionary's to judge. */
static GUnicodeScript
main_script (CdCheckContext *ctx)
{
  guint counts[256] = { 0 };
  guint best = G_UNICODE_SCRIPT_LATIN;

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      for (guint i = 0; field->prose && i < field->words->len; i++)
        {
          const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
          int                script = g_unichar_get_script (g_utf8_get_char (field->text + word->start));

          if (script >= 0 && (guint) script < G_N_ELEMENTS (counts))
            counts[script]++;
        }
    }
  for (guint s = 0; s < G_N_ELEMENTS (counts); s++)
    if (s != G_UNICODE_SCRIPT_COMMON && s != G_UNICODE_SCRIPT_INHERITED && counts[s] > counts[best])
      best = s;
  return best;
}

/* A word written after a hyphen that follows a space or a line's start
 * ("Klimavorsorge und -anpassung"): the end of a compound, not a word of
 * its own. */
static gboolean
is_compound_tail (const CdCheckField *field,
                  const CdCheckWord  *word)
{
  gsize start = word->start;

  g_assert (field != NULL);

  return start >= 1 && field->text[start - 1] == '-' &&
         (start == 1 || field->text[start - 2] == ' ' || field->text[start - 2] == '\n');
}

void
_cd_check_spelling (CdCheckContext *ctx)
{
  g_autoptr (GHashTable) names = NULL;
  GUnicodeScript script;

  if (ctx->dict == NULL)
    {
      report_no_dictionary (ctx);
      return;
    }
  names = collect_names (ctx);
  script = main_script (ctx);

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      if (!field->prose)
        continue;
      for (guint i = 0; i < field->words->len; i++)
        {
          const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
          const char        *raw = field->text + word->start;
          gsize              length = word->end - word->start;
          g_autofree char   *text = NULL;
          g_autofree char   *surface = NULL;
          g_autofree char   *lower = NULL;

          if (word->flags & (CD_CHECK_WORD_HAS_DIGIT | CD_CHECK_WORD_ALL_CAPS |
                             CD_CHECK_WORD_MIXED_CASE | CD_CHECK_WORD_DATELINE_SOURCE))
            continue;
          if (g_utf8_next_char (raw) >= raw + length)
            continue;
          if (is_compound_tail (field, word))
            continue;
          if (g_unichar_get_script (g_utf8_get_char (raw)) != script)
            continue;
          if (_cd_check_is_covered (ctx, f, word->start))
            continue;

          text = normalise_word (raw, length);
          if (!(word->flags & CD_CHECK_WORD_CAPITALISED))
            {
              if (!is_english_name_particle (ctx, field, i))
                check_lower (ctx, f, field, word, text);
              continue;
            }
          if (in_english_name (ctx, field, i))
            continue;

          /* Capitalised. In the middle of a sentence it is a name. */
          if (!(word->flags & CD_CHECK_WORD_SENTENCE_START) && !field->title_case)
            {
              check_name (ctx, f, field, i, text);
              continue;
            }
          surface = g_strndup (raw, length);
          if (g_hash_table_contains (names, surface))
            continue;
          /* "Bashar al-Assad", "Volodymyr Zelensky": a first name. */
          if (i + 1 < field->words->len)
            {
              const CdCheckWord *next = &g_array_index (field->words, CdCheckWord, i + 1);

              if ((next->flags & CD_CHECK_WORD_SPACE_BEFORE) &&
                  (next->flags & (CD_CHECK_WORD_CAPITALISED | CD_CHECK_WORD_MIXED_CASE)))
                continue;
            }
          if (capitalised_is_known (ctx, text, &lower))
            continue;
          /* An unknown capitalised word opening a sentence is a misspelling
           * only when the dictionary knows a word one edit away; otherwise
           * it is most likely a name. */
          if (_cd_check_word_near (ctx, lower) == NULL)
            continue;
          report (ctx, f, word->start, word->end - _cd_check_possessive_length (raw, length),
                  lower, TRUE);
        }
    }
}

/* American endings where British spelling parts: color, organize, analyze,
 * defense, traveled, center, catalog. */
static gboolean
has_american_ending (const char *word,
                     gsize       length)
{
  static const char *endings[] = { "or", "ors", "ored", "oring", "ize", "ized", "izes",
                                   "izing", "ization", "izations", "yze", "yzed", "ense",
                                   "enses", "led", "ling", "ler", "ter", "ters", "og" };

  g_assert (word != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      gsize n = strlen (endings[i]);

      if (length > n + 2 && strncmp (word + length - n, endings[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether an article tagged only "en" reads as British English: more of its
 * words are spelled the British way (the British dictionary knows them and
 * the American one, ctx->dict, does not) than the American way, and at
 * least two are. The American verdicts are the ones spelling needs anyway
 * (cached); the British dictionary is asked only about the few words the
 * American one rejects or that have an American ending. */
/* The British dictionary's verdict, through its cache (word → 1 + correct,
 * as spelling keeps it), so a story checked again costs no lookups. */
static gboolean
british_knows (EnchantDict *british,
               GHashTable  *cache,
               const char  *word,
               gsize        length)
{
  g_autofree char *key = g_strndup (word, length);
  gpointer         verdict = g_hash_table_lookup (cache, key);
  gboolean         correct;

  g_assert (british != NULL);
  g_assert (cache != NULL);

  if (verdict != NULL)
    return GPOINTER_TO_INT (verdict) == 2;
  correct = enchant_dict_check (british, key, -1) == 0;
  g_hash_table_insert (cache, g_steal_pointer (&key), GINT_TO_POINTER (correct ? 2 : 1));
  return correct;
}

gboolean
_cd_check_reads_british (CdCheckContext *ctx,
                         EnchantDict    *british,
                         GHashTable     *british_cache)
{
  guint british_words = 0, american_words = 0, looked_up = 0;

  g_assert (ctx != NULL);

  if (ctx->dict == NULL || british == NULL || british == ctx->dict)
    return FALSE;
  for (guint f = 0; f < ctx->n_fields && looked_up < 200; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      if (!field->prose)
        continue;
      for (guint i = 0; i < field->words->len && looked_up < 200; i++)
        {
          const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
          const char        *text = field->text + word->start;
          gsize              n = word->end - word->start;

          if (word->flags & (CD_CHECK_WORD_CAPITALISED | CD_CHECK_WORD_MIXED_CASE |
                             CD_CHECK_WORD_HAS_DIGIT))
            continue;
          if (!_cd_check_word_is_correct (ctx, text, n))
            {
              looked_up++;
              if (british_knows (british, british_cache, text, n))
                british_words++;
            }
          else if (has_american_ending (text, n))
            {
              looked_up++;
              if (!british_knows (british, british_cache, text, n))
                american_words++;
            }
        }
    }
  /* One British spelling is a slip in copy with American ones, and the
   * way the copy is spelled when it has none. */
  return british_words > american_words && (british_words >= 2 || american_words == 0);
}
