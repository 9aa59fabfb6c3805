/* cd-language.c: the language a text reads as, from the letter sequences
 * it is made of, with libexttextcat (the language guesser LibreOffice
 * uses) and the language models Debian installs with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-language"

#include "config.h"

#include <string.h>
#include <textcat.h>

#include "cd-language.h"
#include "cd-words.h"

/* Fewer words are no evidence: a headline alone reads as Scots as well
 * as English. */
#define MIN_WORDS 20
/* …or this many characters of a script written without spaces. */
#define MIN_UNSPACED 40
/* A few hundred bytes tell the language; more only cost time. */
#define MAX_BYTES 4096

static GMutex guesser_lock;

/* The guesser, loaded once (about 30 ms); NULL when its models are not
 * installed, and then no text has a guess. Call with guesser_lock held:
 * libexttextcat keeps its working tables in the handle. */
static void *
guesser (void)
{
  static gboolean tried;
  static void    *handle;

  if (!tried)
    {
      tried = TRUE;
      handle = special_textcat_Init (TEXTCAT_DATADIR "/fpdb.conf", TEXTCAT_DATADIR "/");
      if (handle == NULL)
        g_debug ("No language models in %s; texts are not guessed.", TEXTCAT_DATADIR);
    }
  return handle;
}

/* The language of a model's name, "de--utf8", "zh-CN-utf8": its two
 * letters of ISO 639-1, or NULL for the languages that have none (Scots,
 * Low German, …), which a newsroom does not write in. */
static char *
language_of_model (const char *name)
{
  gsize n = strcspn (name, "-");

  if (n != 2 || !g_ascii_islower (name[0]) || !g_ascii_islower (name[1]))
    return NULL;
  return g_strndup (name, n);
}

/* Whether @text is written in a script with no spaces between its words
 * (Chinese, Japanese, Thai), long enough to guess from: its words are
 * not counted by the spaces. */
static gboolean
is_unspaced (const char *text)
{
  guint count = 0;

  for (const char *p = text; *p != '\0' && count < MIN_UNSPACED; p = g_utf8_next_char (p))
    switch (g_unichar_get_script (g_utf8_get_char (p)))
      {
      case G_UNICODE_SCRIPT_HAN:
      case G_UNICODE_SCRIPT_HIRAGANA:
      case G_UNICODE_SCRIPT_KATAKANA:
      case G_UNICODE_SCRIPT_THAI:
      case G_UNICODE_SCRIPT_LAO:
      case G_UNICODE_SCRIPT_KHMER:
      case G_UNICODE_SCRIPT_MYANMAR:
        count++;
        break;
      default:
        break;
      }
  return count >= MIN_UNSPACED;
}

/* Languages whose letters read alike (Danish and Norwegian are a few
 * points apart on any text), told apart by the small words each writes
 * its own way: Danish "af", "efter", "blev", Norwegian "av", "etter",
 * "ble"; Bokmål "ikke", "jeg", Nynorsk "ikkje", "eg"; Czech "který",
 * "podle" and its "ř", Slovak "ktorý", "podľa" and its "ľ", "ô";
 * Spanish "los", "pero", Catalan "els", "però"; Slovene "in", "ki", "so",
 * Croatian and Serbian ("sh", named after) "i", "koji", "su". */
/* clang-format off */
static const struct
{
  const char        *language[2];
  const char *const *words[2];
  const char        *letters[2]; /* each its own, or NULL */
} neighbours[] = {
  { { "da", "nb" },
    { (const char *const[]){ "af", "efter", "end", "havde", "blev", "nogen", "meget", "hvad", "fik", "gennem", "mellem",
                             "siger", "sagde", "nu", "mere", "ud", NULL },
      (const char *const[]){ "av", "etter", "enn", "hadde", "ble", "noen", "mye", "hva", "fikk", "gjennom", "mellom",
                             "sier", "sa", "nå", "mer", "ut", "å", NULL } } },
  { { "nb", "nn" },
    { (const char *const[]){ "ikke", "jeg", "hun", "hva", "hvordan", "fra", "ble", "bare", "noen", "hvis", "mye", NULL },
      (const char *const[]){ "ikkje", "eg", "ho", "kva", "korleis", "frå", "vart", "berre", "nokon", "viss", "mykje", NULL } } },
  { { "da", "nn" },
    { (const char *const[]){ "af", "efter", "ikke", "jeg", "hvad", "nogen", "meget", "blev", "siger", "sagde", "mig", "hun",
                             "fra", "mere", NULL },
      (const char *const[]){ "av", "etter", "ikkje", "eg", "kva", "nokon", "mykje", "vart", "seier", "sa", "meg", "ho",
                             "frå", "meir", NULL } } },
  { { "cs", "sk" },
    { (const char *const[]){ "jsou", "který", "která", "které", "také", "podle", "jako", "nebo", "jen", "ještě", "byl", "byla",
                             "bylo", "jsme", "jsem", "pro", "řekl", "přes", "při", NULL },
      (const char *const[]){ "sú", "ktorý", "ktorá", "ktoré", "tiež", "podľa", "ako", "alebo", "len", "ešte", "bol", "bola",
                             "bolo", "sme", "som", "pre", "povedal", "cez", "pri", "aj", NULL } },
    { "řůě", "ľĺŕôä" } },
  { { "sl", "sh" },
    { (const char *const[]){ "in", "ki", "tudi", "so", "bo", "leta", "še", "lahko", "zaradi", "kot", "oziroma", "bil", "smo",
                             "jih", NULL },
      (const char *const[]){ "i", "su", "u", "koji", "koja", "koje", "kao", "zbog", "godine", "će", "što", "ali", "iz", "bio",
                             NULL } } },
  { { "es", "ca" },
    { (const char *const[]){ "los", "las", "con", "pero", "porque", "este", "esta", "muy", "también", "y", NULL },
      (const char *const[]){ "els", "les", "amb", "però", "perquè", "aquest", "aquesta", "molt", "també", "i", NULL } } },
};
/* clang-format on */

/* How many of @text's words are among @words. */
static guint
count_words_in (const char        *text,
                const char *const *words)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto (GStrv) tokens = g_regex_split_simple ("[^\\p{L}]+", lower, 0, 0);
  guint count = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    count += *tokens[i] != '\0' && g_strv_contains (words, tokens[i]);
  return count;
}

/* How many of @text's characters are among @letters (%NULL: none). */
static guint
count_letters_in (const char *text,
                  const char *letters)
{
  guint count = 0;

  for (const char *p = text; letters != NULL && *p != '\0'; p = g_utf8_next_char (p))
    count += g_utf8_strchr (letters, -1, g_unichar_tolower (g_utf8_get_char (p))) != NULL;
  return count;
}

/* Puts the one of two neighbouring languages in @languages that @text's
 * small words say first, where the guesser had the other first; where it
 * named only one, the other goes before it when its words are plainly
 * more (three at the least, twice as many: Slovak read as Czech). */
static void
order_neighbours (GPtrArray  *languages,
                  const char *text)
{
  for (guint n = 0; n < G_N_ELEMENTS (neighbours); n++)
    {
      gboolean found[2];
      guint    index[2];
      guint    count[2];

      for (guint k = 0; k < 2; k++)
        {
          found[k] = g_ptr_array_find_with_equal_func (languages, neighbours[n].language[k], g_str_equal, &index[k]);
          count[k] = count_words_in (text, neighbours[n].words[k]) + count_letters_in (text, neighbours[n].letters[k]);
        }
      if (found[0] && found[1])
        {
          if (count[0] != count[1] && (index[0] < index[1]) != (count[0] > count[1]))
            {
              gpointer first = languages->pdata[index[0]];

              languages->pdata[index[0]] = languages->pdata[index[1]];
              languages->pdata[index[1]] = first;
            }
        }
      else if (found[0] != found[1])
        {
          guint named = found[0] ? 0 : 1, other = 1 - named;

          if (count[other] >= 3 && count[other] > 2 * count[named])
            g_ptr_array_insert (languages, index[named], g_strdup (neighbours[n].language[other]));
        }
    }
}

/* Serbo-Croatian, as the guesser names the language Croatian and
 * Serbian in Latin letters share ("sh", no longer a code of its own):
 * Croatian where its own words outnumber Serbian's (the months "srpnja",
 * "rujna", "tisuća", "također", "vrijeme"), Serbian where Serbian's do
 * ("jul", "hiljada", "takođe", "vreme"). */
static const char *const croatian[] = { "siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja",
                                        "kolovoza", "rujna", "listopada", "studenoga", "prosinca", "tisuća", "također",
                                        "tko", "vrijeme", "rijeka", "sveučilište", "izvijestio", "priopćio", "kazao", NULL };
static const char *const serbian[] = { "januar", "februar", "mart", "april", "maj", "jun", "jul", "avgust", "septembar",
                                       "oktobar", "novembar", "decembar", "hiljada", "takođe", "ko", "vreme", "reka",
                                       "univerzitet", "saopštio", "rekao", NULL };

static void
name_serbo_croatian (GPtrArray  *languages,
                     const char *text)
{
  const char *named;
  guint       index, again, hr, sr;

  if (!g_ptr_array_find_with_equal_func (languages, "sh", g_str_equal, &index))
    return;
  hr = count_words_in (text, croatian);
  sr = count_words_in (text, serbian);
  if (hr == sr)
    return;
  named = hr > sr ? "hr" : "sr";
  /* Where the guesser named that language too, once is enough, in the
   * first place of the two. */
  if (g_ptr_array_find_with_equal_func (languages, named, g_str_equal, &again))
    {
      g_ptr_array_remove_index (languages, again);
      index -= again < index;
    }
  g_free (languages->pdata[index]);
  languages->pdata[index] = g_strdup (named);
}

/**
 * cd_language_guess:
 * @text: plain text (UTF-8)
 *
 * The languages @text reads as, most likely first (ISO 639-1 codes:
 * "de", "en"), those within a few percent of the best: two or three
 * where the text would pass for a neighbour's (Spanish and Catalan). A
 * text of fewer than twenty words (forty characters of Chinese, Japanese
 * or Thai, which put no spaces between words) has no guess.
 *
 * Returns: (transfer full) (nullable): the languages, or %NULL when the
 *   text is too short or reads as none
 */
GStrv
cd_language_guess (const char *text)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL; /* what is read of @text */
  candidate_t     *candidates;
  gsize            length;
  int              count;

  g_return_val_if_fail (text != NULL, NULL);

  if (cd_count_words (text) < MIN_WORDS && !is_unspaced (text))
    return NULL;
  length = strlen (text);
  if (length > MAX_BYTES)
    {
      const char *end = g_utf8_find_prev_char (text, text + MAX_BYTES + 1);

      length = end != NULL ? (gsize) (end - text) : MAX_BYTES;
    }

  g_mutex_lock (&guesser_lock);
  if (guesser () == NULL)
    {
      g_mutex_unlock (&guesser_lock);
      return NULL;
    }
  candidates = textcat_GetClassifyFullOutput (guesser ());
  count = textcat_ClassifyFull (guesser (), text, length, candidates);
  for (int i = 0; i < count; i++)
    {
      char *language = language_of_model (candidates[i].name);

      /* A language no newsroom writes in (Scots beside English) is
       * passed over for those beside it. */
      if (language == NULL || g_ptr_array_find_with_equal_func (seen, language, g_str_equal, NULL))
        {
          g_free (language);
          continue;
        }
      g_ptr_array_add (seen, language);
    }
  textcat_ReleaseClassifyFullOutput (guesser (), candidates);
  g_mutex_unlock (&guesser_lock);
  if (seen->len == 0)
    return NULL;
  head = g_strndup (text, length);
  order_neighbours (seen, head);
  name_serbo_croatian (seen, head);
  g_ptr_array_add (seen, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&seen), FALSE);
}

/**
 * cd_language_reads_as:
 * @guess: (nullable): what cd_language_guess() gave
 * @tag: (nullable): a language tag: "de", "en-GB", "pt_BR"
 *
 * Returns: whether @tag's language is one of @guess's: "en-GB" for
 *   { "en", "de" }
 */
gboolean
cd_language_reads_as (const char *const *guess,
                      const char        *tag)
{
  gsize n;

  if (guess == NULL || tag == NULL)
    return FALSE;
  n = strcspn (tag, "-_");
  for (guint i = 0; guess[i] != NULL; i++)
    if (strlen (guess[i]) == n && g_ascii_strncasecmp (guess[i], tag, n) == 0)
      return TRUE;
  return FALSE;
}
