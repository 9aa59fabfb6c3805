/* cd-check-words.c: the words side of the checks: the Enchant dictionary
 * for an article's language, and the word helpers the rules share
 * (spelling with a cache, a known word one edit away, suggestions, case
 * folding, edit distance).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

/* Dictionaries */

typedef struct
{
  const char *language;
  char       *found;
} FindDict;

static void
find_dict_cb (const char *const lang_tag,
              const char *const provider_name,
              const char *const provider_desc,
              const char *const provider_file,
              void             *user_data)
{
  FindDict *find = user_data;
  gsize     n = strlen (find->language);

  g_assert (lang_tag != NULL);
  g_assert (user_data != NULL);

  if (find->found == NULL && g_str_has_prefix (lang_tag, find->language) &&
      (lang_tag[n] == '_' || lang_tag[n] == '\0'))
    find->found = g_strdup (lang_tag);
}

/* What newsroom copy in any language writes and the stock dictionaries
 * miss: agency names written in lower case and the Latin phrases of the
 * trade. Added to every dictionary, beside the person's list. */
static const char *newsroom_words[] = {
  "dpa",
  "facto",
  "jure",
};

/* Newsroom English the stock dictionaries miss: words of conflict and
 * politics reporting. Added to every English dictionary. */
static const char *newsroom_english[] = {
  "governorate",
  "governorates",
  "flashpoint",
  "flashpoints",
  "frontline",
  "frontlines",
  "hardline",
  "livestream",
  "livestreams",
  "livestreamed",
  "frontrunner",
  "frontrunners",
  "subeditor",
  "subeditors",
  "newswire",
  "newswires",
  "ceasefire",
  "ceasefires",
  "airstrike",
  "airstrikes",
  "lawmaker",
  "lawmakers",
  "policymaker",
  "policymakers",
  "spokespeople",
  "jihadist",
  "jihadists",
  "diehard",
  "diehards",
};

/* Where a region has no dictionary of its own installed, the variant its
 * spelling follows: Australian, Irish, Indian … English is spelled the
 * British way, Liechtenstein's German the Swiss way. */
static char *
sibling_dictionary (const char *lang,
                    const char *region)
{
  static const struct
  {
    const char *lang, *regions, *sibling;
  } siblings[] = {
    {"en",  "AU NZ IE ZA IN PK SG HK MT NG KE GH UG TZ JM", "en_GB"},
    { "de", "LI",                                           "de_CH"},
    { "de", "BE LU IT",                                     "de_DE"},
  };

  for (guint i = 0; i < G_N_ELEMENTS (siblings); i++)
    if (g_str_equal (lang, siblings[i].lang) && strstr (siblings[i].regions, region) != NULL &&
        strlen (region) == 2)
      return g_strdup (siblings[i].sibling);
  return NULL;
}

/* Finds a dictionary for a BCP 47 tag: "en-AU" tries en_AU, then the
 * variant its spelling follows (en_GB), then en, then the language's own
 * country (en_US, de_DE), then any en_XX. */
EnchantDict *
_cd_checker_get_dict_locked (CdChecker  *self,
                             const char *language)
{
  g_autofree char *tag = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *own = NULL;
  g_autofree char *up = NULL;
  g_autofree char *region = NULL;
  g_autofree char *sibling = NULL;
  EnchantDict     *dict = NULL;
  const char      *candidates[5];
  char            *dash;

  if (g_hash_table_contains (self->dicts, language))
    return g_hash_table_lookup (self->dicts, language);

  if (self->broker == NULL)
    self->broker = enchant_broker_init ();

  lang = g_ascii_strdown (language, -1);
  g_strdelimit (lang, "-", '_');
  dash = strchr (lang, '_');
  if (dash != NULL)
    *dash = '\0';
  /* "en-au" is en_AU; a script or variant after the region is dropped. */
  if (dash != NULL && strlen (dash + 1) >= 2 && (dash[3] == '\0' || dash[3] == '_'))
    {
      region = g_ascii_strup (dash + 1, 2);
      tag = g_strdup_printf ("%s_%s", lang, region);
    }
  else
    tag = g_strdup (lang);
  up = g_ascii_strup (lang, -1);
  own = g_strdup_printf ("%s_%s", lang, g_str_equal (lang, "en") ? "US" : up);
  sibling = region != NULL ? sibling_dictionary (lang, region) : NULL;
  candidates[0] = tag;
  candidates[1] = sibling != NULL ? sibling : lang;
  candidates[2] = lang;
  candidates[3] = own;
  candidates[4] = NULL;

  for (guint i = 0; candidates[i] != NULL && dict == NULL; i++)
    if (enchant_broker_dict_exists (self->broker, candidates[i]))
      dict = enchant_broker_request_dict (self->broker, candidates[i]);

  if (dict == NULL)
    {
      FindDict find = { lang, NULL };

      enchant_broker_list_dicts (self->broker, find_dict_cb, &find);
      if (find.found != NULL)
        dict = enchant_broker_request_dict (self->broker, find.found);
      g_free (find.found);
    }

  if (dict != NULL)
    {
      for (guint i = 0; i < self->words->len; i++)
        enchant_dict_add_to_session (dict, g_ptr_array_index (self->words, i), -1);
      for (guint i = 0; i < G_N_ELEMENTS (newsroom_words); i++)
        enchant_dict_add_to_session (dict, newsroom_words[i], -1);
      if (g_str_equal (lang, "en"))
        for (guint i = 0; i < G_N_ELEMENTS (newsroom_english); i++)
          enchant_dict_add_to_session (dict, newsroom_english[i], -1);
    }
  else
    g_debug ("No dictionary for the language “%s”; spelling is not checked", language);

  g_hash_table_insert (self->dicts, g_strdup (language), dict);
  return dict;
}

/* Word helpers shared by the rules */

gboolean
_cd_check_word_is_correct (CdCheckContext *ctx,
                           const char     *word,
                           gssize          length)
{
  g_autofree char *key = NULL;
  char             buf[128];
  gpointer         verdict;
  gboolean         correct;

  if (ctx->dict == NULL)
    return TRUE;
  if (length < 0)
    length = strlen (word);
  if ((gsize) length < sizeof buf)
    {
      memcpy (buf, word, length);
      buf[length] = '\0';
      verdict = g_hash_table_lookup (ctx->spell_cache, buf);
      if (verdict != NULL)
        return GPOINTER_TO_INT (verdict) == 2;
    }
  key = g_strndup (word, length);
  verdict = g_hash_table_lookup (ctx->spell_cache, key);
  if (verdict != NULL)
    return GPOINTER_TO_INT (verdict) == 2;
  correct = enchant_dict_check (ctx->dict, key, -1) == 0;
  g_hash_table_insert (ctx->spell_cache, g_steal_pointer (&key), GINT_TO_POINTER (correct ? 2 : 1));
  return correct;
}

/* Which words one edit away count: any the dictionary knows, or only the
 * names it knows (see _cd_check_name_near()). */
typedef gboolean (*NearFilter) (CdCheckContext *ctx,
                                const char     *candidate);

static gboolean
try_candidate (CdCheckContext *ctx,
               const gunichar *chars,
               glong           n,
               NearFilter      filter,
               char          **found)
{
  g_autofree char *candidate = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);

  g_assert (ctx != NULL);
  g_assert (chars != NULL);
  g_assert (found != NULL);

  if (candidate != NULL && enchant_dict_check (ctx->dict, candidate, -1) == 0 &&
      (filter == NULL || filter (ctx, candidate)))
    {
      *found = g_steal_pointer (&candidate);
      return TRUE;
    }
  return FALSE;
}

/* The letters an edit may bring into @chars: a–z, the word's own letters
 * beyond ASCII, and for German the umlauts and ß. */
static GArray *
make_alphabet (CdCheckContext *ctx,
               const gunichar *chars,
               glong           n)
{
  GArray *alphabet = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (gunichar c = 'a'; c <= 'z'; c++)
    g_array_append_val (alphabet, c);
  for (glong i = 0; i < n; i++)
    if (chars[i] > 0x7f && g_unichar_isalpha (chars[i]))
      g_array_append_val (alphabet, chars[i]);
  if (g_str_has_prefix (ctx->language, "de"))
    {
      static const gunichar umlauts[] = { 0xE4, 0xF6, 0xFC, 0xDF };

      g_array_append_vals (alphabet, umlauts, G_N_ELEMENTS (umlauts));
    }
  return alphabet;
}

/* @chars with the letter at @i taken out, into @buf. */
static void
delete_at (gunichar       *buf,
           const gunichar *chars,
           glong           n,
           glong           i)
{
  memcpy (buf, chars, i * sizeof (gunichar));
  memcpy (buf + i, chars + i + 1, (n - i - 1) * sizeof (gunichar));
}

/* @chars with @c put in before the letter at @i, into @buf. */
static void
insert_at (gunichar       *buf,
           const gunichar *chars,
           glong           n,
           glong           i,
           gunichar        c)
{
  memcpy (buf, chars, i * sizeof (gunichar));
  buf[i] = c;
  memcpy (buf + i + 1, chars + i, (n - i) * sizeof (gunichar));
}

/* Letters a name is misspelled with by ear: c, k and q. (A vowel for
 * another, i for y, v for w are how real names differ from each other and
 * from the dictionary's: Pisco and Pasco, Tyrol and Tirol.) */
static gboolean
sound_alike (gunichar a,
             gunichar b)
{
  static const char *const groups[] = { "ckq" };

  a = g_unichar_tolower (a);
  b = g_unichar_tolower (b);
  if (a > 0x7f || b > 0x7f)
    return FALSE;
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    if (strchr (groups[g], (int) a) != NULL && strchr (groups[g], (int) b) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_vowel (gunichar c)
{
  return c < 0x80 && strchr ("aeiouAEIOU", (int) c) != NULL;
}

typedef enum
{
  SWAP,
  DELETE,
  SUBSTITUTE,
  INSERT,
} Edit;

/* Whether an edit of kind @edit at @i (bringing in @c, for a substitution
 * or an insertion) is one a name is mistyped by: a doubled letter made
 * single or a single one doubled (Gazza, Yemmen, Marseile), c, k or q for
 * another (Irak), two vowels swapped (Isreal); the first letter stays.
 * Other single edits join too many real names to the dictionary's (Sirte
 * and Siret, Hazm and Hamm, Pisco and Pasco, Tyrol and Tirol). */
static gboolean
is_name_slip (Edit            edit,
              const gunichar *chars,
              glong           i,
              gunichar        c)
{
  if (i == 0)
    return FALSE;
  switch (edit)
    {
    case SWAP:
      return is_vowel (chars[i]) && is_vowel (chars[i + 1]);
    case DELETE:
      return chars[i] == chars[i - 1];
    case SUBSTITUTE:
      return sound_alike (c, chars[i]);
    case INSERT:
      return c == chars[i];
    default:
      g_assert_not_reached ();
    }
}

/* A word the dictionary knows one edit away: a swap, a letter too many, a
 * wrong letter, a letter missing, tried in that order. A few hundred
 * look-ups: far cheaper than Enchant's own suggestions. With @filter, only
 * candidates it accepts, only the slips names are mistyped by
 * (is_name_slip()), a letter too many first: Gazza is Gaza. */
static char *
find_near_word (CdCheckContext *ctx,
                const char     *word,
                NearFilter      filter)
{
  static const Edit    word_edits[] = { SWAP, DELETE, SUBSTITUTE, INSERT };
  static const Edit    name_edits[] = { DELETE, SUBSTITUTE, INSERT, SWAP };
  const Edit          *edits = filter != NULL ? name_edits : word_edits;
  g_autofree gunichar *chars = NULL;
  g_autofree gunichar *buf = NULL;
  g_autoptr (GArray) alphabet = NULL;
  char *found = NULL;
  glong n = 0;

  g_assert (ctx != NULL);
  g_assert (word != NULL);

  chars = g_utf8_to_ucs4_fast (word, -1, &n);
  if (n < 2 || n > 40)
    return NULL;
  alphabet = make_alphabet (ctx, chars, n);
  buf = g_new (gunichar, n + 2);

  for (guint e = 0; e < G_N_ELEMENTS (word_edits) && found == NULL; e++)
    {
      Edit  edit = edits[e];
      glong last = edit == SWAP ? n - 1 : edit == INSERT ? n + 1
                                                         : n;
      guint letters = edit == SUBSTITUTE || edit == INSERT ? alphabet->len : 1;

      for (glong i = 0; i < last && found == NULL; i++)
        for (guint a = 0; a < letters && found == NULL; a++)
          {
            gunichar c = g_array_index (alphabet, gunichar, a);
            glong    length = n;

            if ((edit == SUBSTITUTE && c == chars[i]) ||
                (filter != NULL && !is_name_slip (edit, chars, i, c)))
              continue;
            switch (edit)
              {
              case SWAP:
                memcpy (buf, chars, n * sizeof (gunichar));
                buf[i] = chars[i + 1];
                buf[i + 1] = chars[i];
                break;
              case DELETE:
                delete_at (buf, chars, n, i);
                length = n - 1;
                break;
              case SUBSTITUTE:
                memcpy (buf, chars, n * sizeof (gunichar));
                buf[i] = c;
                break;
              case INSERT:
                insert_at (buf, chars, n, i, c);
                length = n + 1;
                break;
              default:
                g_assert_not_reached ();
              }
            try_candidate (ctx, buf, length, filter, &found);
          }
    }
  return found;
}

/* Cached in the suggestion cache under @tag and the word: a key no word
 * has. */
static const char *
near_cached (CdCheckContext *ctx,
             const char     *tag,
             const char     *word,
             NearFilter      filter)
{
  g_autofree char *key = NULL;
  const char      *cached;
  char            *near;

  if (ctx->dict == NULL)
    return NULL;
  key = g_strconcat (tag, word, NULL);
  cached = g_hash_table_lookup (ctx->suggest_cache, key);
  if (cached != NULL)
    return *cached != '\0' ? cached : NULL;
  near = find_near_word (ctx, word, filter);
  if (near == NULL)
    near = g_strdup ("");
  g_hash_table_insert (ctx->suggest_cache, g_steal_pointer (&key), near);
  return *near != '\0' ? near : NULL;
}

const char *
_cd_check_word_near (CdCheckContext *ctx,
                     const char     *word)
{
  return near_cached (ctx, "\x01", word, NULL);
}

/* A name the dictionary knows as a name: capitalised, and not merely a
 * common word at the start of a sentence ("Gaza", not "Baker"). */
static gboolean
is_known_name (CdCheckContext *ctx,
               const char     *candidate)
{
  g_autofree char *lower = _cd_check_lower_first (candidate);

  return g_unichar_isupper (g_utf8_get_char (candidate)) &&
         !_cd_check_word_is_correct (ctx, lower, -1);
}

/**
 * _cd_check_name_near:
 * @word: a capitalised word the dictionary does not know
 *
 * Returns: (nullable): a name the dictionary knows one edit from @word
 * (Gaza for Gazza, Iraq for Irak), or %NULL
 */
const char *
_cd_check_name_near (CdCheckContext *ctx,
                     const char     *word)
{
  return near_cached (ctx, "\x02", word, is_known_name);
}

/* A word one edit away if there is one; otherwise, when thorough, Enchant's
 * first suggestion (slow: tens of milliseconds a word). Cached. */
const char *
_cd_check_word_suggestion (CdCheckContext *ctx,
                           const char     *word,
                           gssize          length)
{
  g_autofree char *key = NULL;
  const char      *cached;
  const char      *near;
  char           **suggestions;
  size_t           n = 0;
  char            *first;

  if (ctx->dict == NULL)
    return NULL;
  key = length < 0 ? g_strdup (word) : g_strndup (word, length);
  near = _cd_check_word_near (ctx, key);
  if (near != NULL || !ctx->thorough)
    return near;
  cached = g_hash_table_lookup (ctx->suggest_cache, key);
  if (cached != NULL)
    return *cached != '\0' ? cached : NULL;

  suggestions = enchant_dict_suggest (ctx->dict, key, -1, &n);
  first = g_strdup (n > 0 && suggestions != NULL ? suggestions[0] : "");
  if (suggestions != NULL)
    enchant_dict_free_string_list (ctx->dict, suggestions);
  g_hash_table_insert (ctx->suggest_cache, g_steal_pointer (&key), first);
  return *first != '\0' ? first : NULL;
}

/* Fields are few and far below 2^28 bytes long. */
#define COVER_KEY(field, start) GSIZE_TO_POINTER (((gsize) (field) << 28) | (start))

void
_cd_check_cover (CdCheckContext *ctx,
                 guint           field,
                 gsize           start)
{
  g_hash_table_add (ctx->covered, COVER_KEY (field, start));
}

gboolean
_cd_check_is_covered (CdCheckContext *ctx,
                      guint           field,
                      gsize           start)
{
  return g_hash_table_contains (ctx->covered, COVER_KEY (field, start));
}

/* The form names and house-style entries are compared in: case-folded,
 * without diacritics, with curly apostrophes made straight. */
char *
_cd_check_fold (const char *text,
                gssize      length)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString         *out;
  gsize            n = length < 0 ? strlen (text) : (gsize) length;
  gsize            i;

  for (i = 0; i < n && (guchar) text[i] < 0x80; i++)
    ;
  if (i == n)
    return g_ascii_strdown (text, n);

  folded = g_utf8_casefold (text, n);
  for (const char *p = folded; *p; p++)
    if ((guchar) *p >= 0x80)
      {
        decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
        break;
      }
  if (decomposed == NULL)
    return g_steal_pointer (&folded);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x2019)
        c = '\'';
      else if (c == 0x2010 || c == 0x2011)
        c = '-';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
change_first_case (const char *word,
                   gboolean    upper)
{
  gunichar c = g_utf8_get_char (word);
  char     buf[8];
  int      n = g_unichar_to_utf8 (upper ? g_unichar_totitle (c) : g_unichar_tolower (c), buf);

  g_assert (word != NULL);

  buf[n] = '\0';
  return g_strconcat (buf, g_utf8_next_char (word), NULL);
}

char *
_cd_check_lower_first (const char *word)
{
  return change_first_case (word, FALSE);
}

char *
_cd_check_upper_first (const char *word)
{
  return change_first_case (word, TRUE);
}

/* The bytes of a possessive "'s" or "’s" at the end of word, or 0. */
gsize
_cd_check_possessive_length (const char *word,
                             gsize       length)
{
  if (length > 2 && word[length - 1] == 's' && word[length - 2] == '\'')
    return 2;
  if (length > 4 && word[length - 1] == 's' && strncmp (word + length - 4, "’", 3) == 0)
    return 4;
  return 0;
}

char *
_cd_check_word_text (const CdCheckField *field,
                     const CdCheckWord  *word)
{
  return g_strndup (field->text + word->start, word->end - word->start);
}

/* Damerau (optimal string alignment) distance over characters, giving up
 * with limit + 1 once it is clearly larger. */
guint
_cd_check_edit_distance (const char *a,
                         const char *b,
                         guint       limit)
{
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong                n = 0, m = 0;
  g_autofree guint    *d = NULL;
  guint                result;

  while (x[n])
    n++;
  while (y[m])
    m++;
  if ((guint) ABS (n - m) > limit)
    return limit + 1;

  d = g_new (guint, (n + 1) * (m + 1));
#define D(i, j) d[(i) * (m + 1) + (j)]
  for (glong i = 0; i <= n; i++)
    D (i, 0) = i;
  for (glong j = 0; j <= m; j++)
    D (0, j) = j;
  for (glong i = 1; i <= n; i++)
    for (glong j = 1; j <= m; j++)
      {
        guint cost = x[i - 1] == y[j - 1] ? 0 : 1;
        guint v = MIN (MIN (D (i - 1, j) + 1, D (i, j - 1) + 1), D (i - 1, j - 1) + cost);

        if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
          v = MIN (v, D (i - 2, j - 2) + 1);
        D (i, j) = v;
      }
  result = D (n, m);
#undef D
  return MIN (result, limit + 1);
}
