/* checks-mutate.h: planting known faults in clean copy, for the mutation
 * harness (test-checks-mutate.c).
 *
 * Each mutator takes an article that the checks find clean, plants one
 * fault of its kind at a position the seeded random source picks, and says
 * where the fault is (field and character range) and, for names, which form
 * it replaced. The faults are the ones real copy has: a typo in a common
 * word, a name respelled or transliterated differently in one place, a name's
 * capital changed, a quote or bracket left unbalanced, a word typed twice,
 * two spaces, markup, shortcodes and placeholders pasted in, site
 * boilerplate under the story, a headline too long, and a field missing from
 * a story marked ready.
 *
 * The mutators read the text the way a person editing it would: only words
 * of running prose, never inside code, links, URLs or markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <enchant.h>
#include <string.h>

#include "cd-article.h"
#include "cd-import.h"

typedef enum
{
  KIND_TYPO,
  KIND_NAME_RESPELLED,
  KIND_NAME_TRANSLITERATED,
  KIND_NAME_CASE,
  KIND_QUOTE,
  KIND_BRACKET,
  KIND_REPEATED,
  KIND_DOUBLE_SPACE,
  KIND_SHORTCODE,
  KIND_HTML,
  KIND_PLACEHOLDER,
  KIND_BOILERPLATE,
  KIND_HEADLINE,
  KIND_MISSING_BYLINE,
  KIND_MISSING_DATELINE,
  N_KINDS
} MutateKind;

static const struct
{
  const char *name;
  const char *rule;
} mutate_kinds[N_KINDS] = {
  {"typo",                 "spelling"            },
  { "name respelled",      "name-variant"        },
  { "name transliterated", "name-variant"        },
  { "name case",           "name-variant"        },
  { "quote unbalanced",    "quotes"              },
  { "bracket unbalanced",  "quotes"              },
  { "repeated word",       "repeated-word"       },
  { "double space",        "spacing"             },
  { "shortcode",           "leftover-markup"     },
  { "HTML fragment",       "leftover-markup"     },
  { "placeholder",         "leftover-markup"     },
  { "site boilerplate",    "leftover-boilerplate"},
  { "headline too long",   "headline-length"     },
  { "missing byline",      "missing-field"       },
  { "missing dateline",    "missing-field"       },
};

typedef struct
{
  const char *field; /* static */
  glong       start; /* characters in the mutated field */
  glong       end;
  glong       region_start; /* quotes and brackets: the span a finding may point into */
  glong       region_end;
  char       *original; /* names: the form replaced */
  char       *planted;  /* names: the form written */
} MutatePlant;

typedef struct
{
  GRand       *rand;
  EnchantDict *dict; /* the article language's dictionary, or NULL */
  CdArticle   *article;
  MutatePlant  plant;
} Mutation;

typedef struct
{
  gsize    start; /* bytes */
  gsize    end;
  gboolean sentence_start;
  gboolean capital;
} MutateWord;

static inline void
mutate_plant_clear (MutatePlant *plant)
{
  g_clear_pointer (&plant->original, g_free);
  g_clear_pointer (&plant->planted, g_free);
}

static inline char *
mutate_get (Mutation   *m,
            const char *field)
{
  char *value = cd_article_get_field (m->article, field);

  return value != NULL ? value : g_strdup ("");
}

static inline void
mutate_set (Mutation   *m,
            const char *field,
            const char *value)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cd_article_set_field (m->article, field, value, &error));
  g_assert_no_error (error);
}

static inline gboolean
mutate_dict_knows (Mutation   *m,
                   const char *word)
{
  return m->dict != NULL && enchant_dict_check (m->dict, word, -1) == 0;
}

/* Marks the bytes of running prose: not code spans or fences, tables,
 * link destinations, autolinks, HTML, URLs, addresses, handles or
 * hashtags. */
static inline guint8 *
mutate_plain_mask (const char *text)
{
  gsize    n = strlen (text);
  guint8  *mask = g_malloc (n + 1);
  gboolean fence = FALSE;

  memset (mask, 1, n + 1);
  for (gsize line = 0; line < n;)
    {
      const char *nl = strchr (text + line, '\n');
      gsize       end = nl != NULL ? (gsize) (nl - text) : n;
      gboolean    fence_line = g_str_has_prefix (text + line, "```") ||
                            g_str_has_prefix (text + line, "~~~");

      if (fence || fence_line || text[line] == '|' || g_str_has_prefix (text + line, "    ") ||
          (text[line] == '[' && g_strstr_len (text + line, end - line, "]:") != NULL))
        memset (mask + line, 0, end - line);
      if (fence_line)
        fence = !fence;
      line = end + 1;
    }
  for (gsize i = 0; i < n; i++)
    {
      const char *close = NULL;

      if (text[i] == '`')
        close = strchr (text + i + 1, '`');
      else if (text[i] == '<')
        close = strchr (text + i + 1, '>');
      else if (text[i] == ']' && text[i + 1] == '(')
        close = strchr (text + i + 1, ')');
      else if (g_str_has_prefix (text + i, "http") || g_str_has_prefix (text + i, "www."))
        {
          gsize e = i;

          while (e < n && !g_ascii_isspace (text[e]))
            e++;
          memset (mask + i, 0, e - i);
          i = e;
          continue;
        }
      else if (text[i] == '@' || text[i] == '#' || text[i] == '\\' || text[i] == '[' ||
               text[i] == ']' || text[i] == '_' || text[i] == '*' || text[i] == '&')
        {
          gsize s = i, e = i + 1;

          while (s > 0 && !g_ascii_isspace (text[s - 1]))
            s--;
          while (e < n && !g_ascii_isspace (text[e]))
            e++;
          memset (mask + s, 0, e - s);
          i = e;
          continue;
        }
      if (close != NULL)
        {
          memset (mask + i, 0, close + 1 - (text + i));
          i = close - text;
        }
    }
  return mask;
}

/* Whole ASCII words of running prose, with a space before them. */
static inline GArray *
mutate_find_words (const char *text)
{
  g_autofree guint8 *mask = mutate_plain_mask (text);
  GArray            *words = g_array_new (FALSE, FALSE, sizeof (MutateWord));
  gsize              n = strlen (text);

  for (gsize i = 0; i < n;)
    {
      MutateWord w = { i, i, FALSE, FALSE };
      gsize      p;

      if (!g_ascii_isalpha (text[i]) || (i > 0 && (g_ascii_isalnum (text[i - 1]) ||
                                                   (guchar) text[i - 1] >= 0x80)))
        {
          i++;
          continue;
        }
      while (w.end < n && g_ascii_isalpha (text[w.end]))
        w.end++;
      i = w.end;
      if (w.end < n && !strchr (" ,.;:\n", text[w.end]))
        continue;
      if (w.start > 0 && text[w.start - 1] != ' ' && text[w.start - 1] != '\n')
        continue;
      for (p = w.start; p < w.end && mask[p]; p++)
        ;
      if (p < w.end || !mask[w.end] || (w.start > 0 && !mask[w.start - 1]))
        continue;
      for (p = w.start; p > 0 && text[p - 1] == ' '; p--)
        ;
      w.sentence_start = p == 0 || strchr (".!?:\n\"", text[p - 1]) != NULL ||
                         (guchar) text[p - 1] >= 0x80;
      w.capital = g_ascii_isupper (text[w.start]);
      for (p = w.start + 1; p < w.end; p++)
        if (g_ascii_isupper (text[p]))
          w.capital = w.sentence_start = TRUE; /* an acronym or CamelCase: never picked */
      g_array_append_val (words, w);
    }
  return words;
}

static inline glong
mutate_chars (const char *text,
              gsize       bytes)
{
  return g_utf8_pointer_to_offset (text, text + bytes);
}

/* Replaces [start, end) of the field with replacement and records the plant
 * over the replacement. */
static inline void
mutate_replace (Mutation   *m,
                const char *field,
                gsize       start,
                gsize       end,
                const char *replacement)
{
  g_autofree char *text = mutate_get (m, field);
  g_autoptr (GString) out = g_string_new_len (text, start);
  glong first = mutate_chars (text, start);

  g_string_append (out, replacement);
  g_string_append (out, text + end);
  mutate_set (m, field, out->str);
  m->plant.field = field;
  m->plant.start = m->plant.region_start = first;
  m->plant.end = m->plant.region_end = first + g_utf8_strlen (replacement, -1);
}

static inline guint
mutate_pick (Mutation *m,
             guint     n)
{
  g_assert (n > 0);
  return g_rand_int_range (m->rand, 0, n);
}

/* The body most of the time, the other prose fields now and then. */
static inline const char *
mutate_pick_field (Mutation *m)
{
  static const char *fields[] = { "dek", "image_caption", "headline" };
  guint              roll = mutate_pick (m, 10);
  g_autofree char   *value = NULL;

  if (roll >= G_N_ELEMENTS (fields))
    return "body";
  value = mutate_get (m, fields[roll]);
  return *value != '\0' ? fields[roll] : "body";
}

static inline gboolean
is_vowel (char c)
{
  return strchr ("aeiou", g_ascii_tolower (c)) != NULL;
}

/* A typo in a word: two letters swapped, one dropped, one doubled, a vowel
 * changed or a key next to the right one. */
static inline char *
mutate_typo_of (Mutation   *m,
                const char *word)
{
  static const char *neighbours[] = { "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc",
                                      "ftyhbv", "gyujnb", "ujko", "huikmn", "jiolm", "kopm",
                                      "njk", "bhjm", "iklp", "ol", "wa", "edft", "awedxz",
                                      "rfgy", "yhji", "cfgb", "qase", "zsdc", "tghu", "asx" };
  gsize              n = strlen (word);
  char              *typo = g_strdup (word);
  guint              i = 1 + mutate_pick (m, n - 2);
  char              *out;

  switch (mutate_pick (m, 5))
    {
    case 0:
      typo[i] = word[i + 1];
      typo[i + 1] = word[i];
      return typo;
    case 1:
      memmove (typo + i, typo + i + 1, n - i);
      return typo;
    case 2:
      out = g_strdup_printf ("%.*s%c%s", i, word, word[i], word + i);
      g_free (typo);
      return out;
    case 3:
      for (guint k = 0; k < n; k++)
        if (is_vowel (word[(i + k) % n]) && (i + k) % n > 0)
          {
            typo[(i + k) % n] = "eiuao"[strchr ("aeiou", word[(i + k) % n]) - "aeiou"];
            break;
          }
      return typo;
    default:
      if (g_ascii_islower (word[i]))
        {
          const char *near = neighbours[word[i] - 'a'];

          typo[i] = near[mutate_pick (m, strlen (near))];
        }
      return typo;
    }
}

static inline gboolean
mutate_typo (Mutation *m)
{
  const char      *field = mutate_pick_field (m);
  g_autofree char *text = mutate_get (m, field);
  g_autoptr (GArray) words = mutate_find_words (text);

  if (words->len == 0 || m->dict == NULL)
    return FALSE;
  for (guint attempt = 0; attempt < 40; attempt++)
    {
      const MutateWord *w = &g_array_index (words, MutateWord, mutate_pick (m, words->len));
      g_autofree char  *word = g_strndup (text + w->start, w->end - w->start);
      g_autofree char  *typo = NULL;
      g_autofree char  *capital = NULL;

      if (w->capital || strlen (word) < 5 || !mutate_dict_knows (m, word))
        continue;
      typo = mutate_typo_of (m, word);
      capital = g_strdup (typo);
      capital[0] = g_ascii_toupper (capital[0]);
      if (g_str_equal (typo, word) || mutate_dict_knows (m, typo) ||
          mutate_dict_knows (m, capital))
        continue;
      mutate_replace (m, field, w->start, w->end, typo);
      return TRUE;
    }
  return FALSE;
}

#include "checks-mutate-names.h"

typedef struct
{
  gsize open; /* bytes */
  gsize close;
} MutatePair;

/* Quotes and brackets: one mark of a pair deleted, or, with no pair in the
 * article, a stray opening mark before a word. */
static inline gboolean
mutate_unbalance (Mutation *m,
                  gboolean  quote)
{
  const char        *field = mutate_pick_field (m);
  g_autofree char   *text = mutate_get (m, field);
  g_autofree guint8 *mask = mutate_plain_mask (text);
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (MutatePair));
  gboolean    german = g_str_has_prefix (cd_article_get_language (m->article), "de");
  gboolean    curly = strstr (text, german ? "„" : "“") != NULL;
  const char *open_mark = !quote ? "(" : curly ? (german ? "„" : "“")
                                               : "\"";
  const char *close_mark = !quote ? ")" : curly ? (german ? "“" : "”")
                                                : "\"";
  gsize       lo = strlen (open_mark), lc = strlen (close_mark);

  /* Pairs within one paragraph, mark by mark. */
  for (const char *p = strstr (text, open_mark); p != NULL; p = strstr (p + lo, open_mark))
    {
      const char *close = strstr (p + lo, close_mark);
      const char *blank = strstr (p, "\n\n");
      const char *nested = strstr (p + lo, open_mark);
      MutatePair  pair;

      if (close == NULL || (blank != NULL && blank < close) || !mask[p - text] ||
          !mask[close - text] || (!quote && nested != NULL && nested < close) ||
          (!quote && p > text && g_ascii_isdigit (p[-1])))
        continue;
      pair.open = p - text;
      pair.close = close - text;
      g_array_append_val (pairs, pair);
      if (quote && close_mark[0] == '"')
        p = close;
    }

  if (pairs->len > 0)
    {
      const MutatePair *pair = &g_array_index (pairs, MutatePair, mutate_pick (m, pairs->len));
      gboolean          drop_open = mutate_pick (m, 2) == 0;
      gsize             at = drop_open ? pair->open : pair->close;
      gsize             len = drop_open ? lo : lc;
      g_autoptr (GString) out = g_string_new_len (text, at);

      g_string_append (out, text + at + len);
      mutate_set (m, field, out->str);
      m->plant.field = field;
      if (drop_open)
        {
          m->plant.start = mutate_chars (text, pair->close) - 1;
          m->plant.end = m->plant.start + 1;
          m->plant.region_start = mutate_chars (text, pair->open);
        }
      else
        {
          m->plant.start = mutate_chars (text, pair->open);
          m->plant.end = m->plant.start + 1;
          m->plant.region_start = m->plant.start;
        }
      m->plant.region_end = mutate_chars (text, pair->close);
      return TRUE;
    }
  else
    {
      g_autoptr (GArray) words = mutate_find_words (text);
      const MutateWord *w;

      if (words->len == 0)
        return FALSE;
      w = &g_array_index (words, MutateWord, mutate_pick (m, words->len));
      mutate_replace (m, field, w->start, w->start, open_mark);
      return TRUE;
    }
}

static inline gboolean
mutate_repeat (Mutation *m)
{
  static const char *allowed[] = { "had", "that", "bye", "ha", "no", "so", "very" };
  const char        *field = mutate_pick_field (m);
  g_autofree char   *text = mutate_get (m, field);
  g_autoptr (GArray) words = mutate_find_words (text);

  for (guint attempt = 0; attempt < 20 && words->len > 0; attempt++)
    {
      const MutateWord *w = &g_array_index (words, MutateWord, mutate_pick (m, words->len));
      g_autofree char  *word = g_strndup (text + w->start, w->end - w->start);
      g_autofree char  *twice = NULL;
      gboolean          skip = w->capital && !w->sentence_start;

      for (guint k = 0; k < G_N_ELEMENTS (allowed); k++)
        skip |= g_ascii_strcasecmp (word, allowed[k]) == 0;
      if (skip || text[w->end] != ' ')
        continue;
      twice = g_strdup_printf ("%s %s", word, word);
      mutate_replace (m, field, w->start, w->end, twice);
      return TRUE;
    }
  return FALSE;
}

static inline gboolean
mutate_double_space (Mutation *m)
{
  const char      *field = mutate_pick_field (m);
  g_autofree char *text = mutate_get (m, field);
  g_autoptr (GArray) words = mutate_find_words (text);

  for (guint attempt = 0; attempt < 20 && words->len > 1; attempt++)
    {
      guint             i = 1 + mutate_pick (m, words->len - 1);
      const MutateWord *a = &g_array_index (words, MutateWord, i - 1);
      const MutateWord *b = &g_array_index (words, MutateWord, i);

      if (b->start != a->end + 1 || text[a->end] != ' ')
        continue;
      mutate_replace (m, field, a->end, b->start, "  ");
      return TRUE;
    }
  return FALSE;
}

/* Inserts text before a word of running prose, or at a paragraph's start. */
static inline gboolean
mutate_insert (Mutation   *m,
               const char *field,
               const char *inserted,
               gboolean    paragraph)
{
  g_autofree char *text = mutate_get (m, field);
  g_autoptr (GArray) words = mutate_find_words (text);
  g_autofree char  *spaced = g_strdup_printf ("%s ", inserted);
  glong             start;
  const MutateWord *w;

  if (words->len == 0)
    return FALSE;
  w = &g_array_index (words, MutateWord, mutate_pick (m, words->len));
  if (paragraph)
    {
      /* Back to the start of the word's line. */
      gsize s = w->start;

      while (s > 0 && text[s - 1] != '\n')
        s--;
      if (text[s] == '#' || text[s] == '-' || text[s] == '>' || g_ascii_isdigit (text[s]))
        return FALSE;
      mutate_replace (m, field, s, s, spaced);
    }
  else
    mutate_replace (m, field, w->start, w->start, spaced);
  start = m->plant.start;
  m->plant.end = m->plant.region_end = start + g_utf8_strlen (inserted, -1);
  return TRUE;
}

static inline gboolean
mutate_shortcode (Mutation *m)
{
  /* Names and quoting styles as sites have them, straight, curly (as
   * WordPress texturizes them) and single. */
  static const char *forms[] = {
    "[caption id=%Qattachment_%d%Q align=%Qalignnone%Q width=%Q300%Q]",
    "[give_form id=%Q%d%Q]",
    "[gallery ids=%Q%d,%d%Q]",
    "[contact-form-7 id=%Q%d%Q title=%QContact form 1%Q]",
    "[newsletter_signup list=%Q%d%Q]",
    "[td_block_ad_box spot_id=%Qcustom_ad_%d%Q]",
    "[vc_row][vc_column]",
    "[/caption]",
    "[embed]",
    "[audio src=%Qinterview-%d.mp3%Q]",
    "[related_posts limit=%Q%d%Q]",
    "[/vc_column_text]",
  };
  static const char *quotes[][2] = {
    {"\"",   "\"" },
    { "'",   "'"  },
    { "”", "″"},
    { "“", "”"},
  };
  const char *form = forms[mutate_pick (m, G_N_ELEMENTS (forms))];
  guint       q = mutate_pick (m, G_N_ELEMENTS (quotes));
  g_autoptr (GString) code = g_string_new (NULL);
  gboolean second = FALSE;

  for (const char *p = form; *p; p++)
    {
      if (p[0] == '%' && p[1] == 'Q')
        {
          g_string_append (code, quotes[q][second]);
          second = !second;
          p++;
        }
      else if (p[0] == '%' && p[1] == 'd')
        {
          g_string_append_printf (code, "%d", g_rand_int_range (m->rand, 10, 99999));
          p++;
        }
      else
        g_string_append_c (code, *p);
    }
  /* The wire importer escapes what Markdown would read: half the time the
   * shortcode arrives as \[give\_form …\]. */
  if (mutate_pick (m, 2) == 0)
    {
      g_autofree char *escaped = cd_markdown_escape (code->str);

      return mutate_insert (m, "body", escaped, mutate_pick (m, 2) == 0);
    }
  return mutate_insert (m, "body", code->str, mutate_pick (m, 2) == 0);
}

static inline gboolean
mutate_html (Mutation *m)
{
  static const char *forms[] = {
    "<strong>",
    "</strong>",
    "<br />",
    "<p>",
    "</p>",
    "<em>",
    "</span>",
    "<span style=\"font-weight: 400;\">",
    "<div class=\"wp-caption\">",
    "<a href=\"https://example.org/story\">",
    "</a>",
    "&nbsp;",
    "&amp;",
    "&#8217;",
    "&rsquo;",
    "<!-- more -->",
    "<i>",
    "<b>",
  };

  return mutate_insert (m, "body", forms[mutate_pick (m, G_N_ELEMENTS (forms))], FALSE);
}

static inline gboolean
mutate_placeholder (Mutation *m)
{
  static const char *forms[] = { "TK", "TKTK", "XX", "XXX", "TK TK", "???", "{{caption}}",
                                 "TODO" };
  static const char *fields[] = { "body", "body", "body", "dek", "headline", "dateline",
                                  "byline", "image_caption" };
  const char        *form = forms[mutate_pick (m, G_N_ELEMENTS (forms))];
  const char        *field = fields[mutate_pick (m, G_N_ELEMENTS (fields))];
  g_autofree char   *text = mutate_get (m, field);

  if (g_str_equal (field, "dateline") || g_str_equal (field, "byline") || *text == '\0')
    {
      /* The field is the placeholder, or starts with one. */
      if (g_str_equal (field, "dateline") && *text != '\0' && mutate_pick (m, 2) == 0)
        {
          g_autofree char *value = g_strdup_printf ("%s, %s", "TK", text);

          mutate_set (m, field, value);
          m->plant.field = field;
          m->plant.start = m->plant.region_start = 0;
          m->plant.end = m->plant.region_end = 2;
          return TRUE;
        }
      if (strchr (form, '?') != NULL || strchr (form, '{') != NULL || strchr (form, ' ') != NULL)
        form = "TK";
      mutate_set (m, field, form);
      m->plant.field = field;
      m->plant.start = m->plant.region_start = 0;
      m->plant.end = m->plant.region_end = strlen (form);
      return TRUE;
    }
  return mutate_insert (m, field, form, FALSE);
}

static inline gboolean
mutate_boilerplate (Mutation *m)
{
  /* What sites put under a story, in words of their own. */
  static const char *forms[] = {
    "Support our journalism today from as little as $1 – it only takes a minute.",
    "Sign up for our daily newsletter and get the headlines in your inbox.",
    "Follow us on Twitter, Facebook and Instagram for the latest updates.",
    "Contact us: newsdesk@example.org",
    "© 2026 Example Media Group. All rights reserved.",
    "Read more: Why the border talks collapsed last year",
    "This article was originally published by The Example Times.",
    "Stay connected with Example News on Telegram and YouTube.",
    "Our Standards: The Trust Principles.",
    "Got a news tip? Email us at tips@example.org",
    "Donate now to keep our independent reporting free for everyone.",
    "Terms of Use | Privacy Policy | Cookie Policy",
    "Subscribe to our YouTube channel for more videos.",
    "Like what you read? Become a member for $5 a month.",
    "Download our app for breaking news alerts on your phone.",
    "Join our WhatsApp channel to get the news first.",
    "This story was written by Example Staff with reporting from agencies.",
    "Related: Inside the camp where thousands wait",
    "Copyright 2026 The Example Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "If you value our reporting, please consider making a contribution.",
  };
  g_autofree char *body = mutate_get (m, "body");
  g_autoptr (GString) out = g_string_new (body);
  glong start;
  guint n = 1 + mutate_pick (m, 2);

  /* The boilerplate is English, as the sites the rule knows write it. */
  if (!g_str_has_prefix (cd_article_get_language (m->article), "en"))
    return FALSE;
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    return FALSE;
  g_string_append (out, "\n\n");
  start = g_utf8_strlen (out->str, -1);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "\n\n" : "",
                            forms[mutate_pick (m, G_N_ELEMENTS (forms))]);
  mutate_set (m, "body", out->str);
  m->plant.field = "body";
  m->plant.start = m->plant.region_start = start;
  m->plant.end = m->plant.region_end = g_utf8_strlen (out->str, -1);
  return TRUE;
}

static inline gboolean
mutate_headline (Mutation *m,
                 guint     limit)
{
  g_autofree char *headline = mutate_get (m, "headline");
  g_autofree char *body = mutate_get (m, "body");
  g_autoptr (GArray) words = mutate_find_words (body);
  g_autoptr (GString) out = g_string_new (headline);
  guint i;

  if (words->len < 12)
    return FALSE;
  i = mutate_pick (m, words->len - 10);
  g_string_append (out, ":");
  for (; (glong) g_utf8_strlen (out->str, -1) <= (glong) limit + mutate_pick (m, 15) && i < words->len; i++)
    {
      const MutateWord *w = &g_array_index (words, MutateWord, i);

      g_string_append_printf (out, " %.*s", (int) (w->end - w->start), body + w->start);
    }
  if ((glong) g_utf8_strlen (out->str, -1) <= (glong) limit)
    return FALSE;
  mutate_set (m, "headline", out->str);
  m->plant.field = "headline";
  m->plant.start = m->plant.region_start = limit;
  m->plant.end = m->plant.region_end = g_utf8_strlen (out->str, -1);
  return TRUE;
}

/* A story marked ready with its byline or dateline empty; the other fields
 * it needs are filled in. */
static inline gboolean
mutate_missing (Mutation   *m,
                const char *field)
{
  static const char *needed[] = { "byline", "dateline", "slug" };

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      g_autofree char *value = mutate_get (m, needed[i]);

      if (*g_strstrip (value) == '\0')
        mutate_set (m, needed[i], g_str_equal (needed[i], "slug") ? "story" : "Staff");
    }
  cd_article_set_status (m->article, mutate_pick (m, 2) == 0 ? CD_ARTICLE_STATUS_READY_FOR_EDIT
                                                             : CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  mutate_set (m, field, mutate_pick (m, 3) == 0 ? " " : "");
  m->plant.field = field;
  m->plant.start = m->plant.end = m->plant.region_start = m->plant.region_end = 0;
  return TRUE;
}

static inline gboolean
mutate (Mutation  *m,
        MutateKind kind,
        guint      headline_limit)
{
  switch (kind)
    {
    case KIND_TYPO:
      return mutate_typo (m);
    case KIND_NAME_RESPELLED:
      return mutate_name (m, FALSE);
    case KIND_NAME_TRANSLITERATED:
      return mutate_name (m, TRUE);
    case KIND_NAME_CASE:
      return mutate_name_case (m);
    case KIND_QUOTE:
      return mutate_unbalance (m, TRUE);
    case KIND_BRACKET:
      return mutate_unbalance (m, FALSE);
    case KIND_REPEATED:
      return mutate_repeat (m);
    case KIND_DOUBLE_SPACE:
      return mutate_double_space (m);
    case KIND_SHORTCODE:
      return mutate_shortcode (m);
    case KIND_HTML:
      return mutate_html (m);
    case KIND_PLACEHOLDER:
      return mutate_placeholder (m);
    case KIND_BOILERPLATE:
      return mutate_boilerplate (m);
    case KIND_HEADLINE:
      return mutate_headline (m, headline_limit);
    case KIND_MISSING_BYLINE:
      return mutate_missing (m, "byline");
    case KIND_MISSING_DATELINE:
      return mutate_missing (m, "dateline");
    default:
      g_assert_not_reached ();
    }
}
