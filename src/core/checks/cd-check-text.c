/* cd-check-text.c: rules over the running text: quotes and brackets,
 * repeated words, spacing, leftover markup and placeholders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>
#include <unicode/ulocdata.h>

#include "cd-check-private.h"

/* Quotes and brackets */

typedef struct
{
  gunichar open;
  gunichar close;
} Pair;

static const Pair english_quotes = { 0x201C, 0x201D };
static const Pair german_quotes[] = {
  {0x201E,  0x201C},
  { 0x00BB, 0x00AB}
};
/* Swiss German, and dpa's wire copy, point guillemets outward. */
static const Pair swiss_german_quotes[] = {
  {0x201E,  0x201C},
  { 0x00AB, 0x00BB}
};
static const Pair brackets[] = {
  {'(',  ')'},
  { '[', ']'},
  { '{', '}'}
};

typedef struct
{
  gunichar close; /* what closes it */
  gsize    start; /* bytes */
  gsize    end;
  gboolean quote;
} Opener;

/* A language's quotation marks: its quotes, its quotes within quotes,
 * English “…” and „…”. */
#define MAX_QUOTES 4

typedef struct
{
  CdCheckContext *ctx;
  Pair            quotes[MAX_QUOTES];
  guint           n_quotes;
  guint           field;
  GArray         *stack; /* Opener */
} Quotes;

static gboolean
is_curly_double (gunichar c)
{
  return c == 0x201C || c == 0x201D || c == 0x201E;
}

static gboolean
ends_word (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) ||
         (c != 0 && strchr (".,!?;:)]}%'", (int) c) != NULL && c < 0x80) ||
         c == 0x2019 || c == 0x201D || c == 0x2026;
}

static void
report_opener (Quotes       *q,
               const Opener *opener)
{
  g_assert (q != NULL);
  g_assert (opener != NULL);

  _cd_check_add (q->ctx, q->field, CD_CHECK_RULE_QUOTES, CD_CHECK_SEVERITY_ERROR,
                 opener->start, opener->end, NULL,
                 opener->quote ? "This quotation mark opens a quote that never closes"
                               : "This bracket is never closed");
}

static void
close_with (Quotes  *q,
            gunichar close,
            gboolean quote,
            gsize    start,
            gsize    end)
{
  GArray *stack = q->stack;
  guint   depth = stack->len;

  g_assert (q != NULL);

  /* A straight mark closes a curly one and the other way round: mixing them
   * is reported once, as mixing, not as two unbalanced quotes. */
  while (depth > 0)
    {
      const Opener *opener = &g_array_index (stack, Opener, depth - 1);

      if (opener->close == close ||
          (quote && opener->quote && (close == '"' || opener->close == '"')))
        break;
      depth--;
    }
  if (depth == 0)
    {
      _cd_check_add (q->ctx, q->field, CD_CHECK_RULE_QUOTES, CD_CHECK_SEVERITY_ERROR,
                     start, end, NULL,
                     quote ? "This quotation mark closes a quote that never opened"
                           : "This bracket closes something that never opened");
      return;
    }
  /* Whatever opened after the match and is still open never closes. */
  for (guint i = depth; i < stack->len; i++)
    report_opener (q, &g_array_index (stack, Opener, i));
  g_array_set_size (stack, depth - 1);
}

static void
push (Quotes  *q,
      gunichar close,
      gboolean quote,
      gsize    start,
      gsize    end)
{
  Opener opener = { close, start, end, quote };

  g_assert (q != NULL);

  g_array_append_val (q->stack, opener);
}

/* The first character of the next paragraph, past block quote markers. */
static gunichar
next_paragraph_start (const CdCheckField *field,
                      gsize               pos)
{
  g_assert (field != NULL);

  while (pos < field->length &&
         (g_ascii_isspace (field->text[pos]) || field->text[pos] == '>'))
    pos++;
  return pos < field->length ? g_utf8_get_char (field->text + pos) : 0;
}

/* The verbs of saying that follow a quote in the article's @language
 * (“…,” she said; „…“, sagte sie), or %NULL where the rules below do not
 * know its copy's habits. */
static const char *const *
verbs_of_saying (const char *language)
{
  static const char *const english[] = { "said", "says", "told", "added", "asked", "wrote",
                                         "explained", "insisted", "warned", "tweeted", "posted",
                                         NULL };
  static const char *const german[] = { "sagte", "sagt", "sagten", "erklärte", "erklärt",
                                        "betonte", "fügte", "meinte", "schrieb", "warnte",
                                        "ergänzte", "kritisierte", "fragte", NULL };

  if (g_str_has_prefix (language, "en"))
    return english;
  if (g_str_has_prefix (language, "de"))
    return german;
  return NULL;
}

/* Whether, between start and end, a comma is followed within a few words
 * by one of @verbs (“… leave, Bali said at the oil field.): English and
 * German copy close a quote before its attribution, so a quote still
 * open there lost its closing mark rather than running on. */
static gboolean
has_attribution (const CdCheckField *field,
                 gsize               start,
                 gsize               end,
                 const char *const  *verbs)
{
  g_assert (field != NULL);

  for (gsize pos = start; verbs != NULL && pos < end; pos++)
    {
      guint words = 0;
      gsize p = pos + 1;

      if (field->text[pos] != ',')
        continue;
      while (p < end && words < 5)
        {
          gsize w;

          while (p < end && !g_unichar_isalpha (g_utf8_get_char (field->text + p)))
            p = g_utf8_next_char (field->text + p) - field->text;
          for (w = p; w < end && g_unichar_isalpha (g_utf8_get_char (field->text + w));)
            w = g_utf8_next_char (field->text + w) - field->text;
          for (guint k = 0; verbs[k] != NULL; k++)
            if (w - p == strlen (verbs[k]) && strncmp (field->text + p, verbs[k], w - p) == 0)
              return TRUE;
          words++;
          p = w;
        }
    }
  return FALSE;
}

/* Whether a quote opens its paragraph or is introduced (said: “…, said,
 * “…, said — “…), or, where @verbs are known, opens the sentence after
 * its attribution (“…,” he told Bild. “When I…): only such a quote may
 * run on into the next paragraph. */
static gboolean
opens_running_quote (const CdCheckField *field,
                     gsize               pos,
                     const char *const  *verbs)
{
  char before;

  g_assert (field != NULL);

  /* Spaces, quote markers and markup (a shortcode pasted before it) are
   * not text before the quote. */
  while (pos > 0 && (field->text[pos - 1] == ' ' || field->text[pos - 1] == '>' ||
                     field->mask[pos - 1] != CD_CHECK_MASK_PROSE))
    pos--;
  before = pos > 0 ? field->text[pos - 1] : '\n';
  if (before == '\n' || before == ':' || before == ',')
    return TRUE;
  if (before == '.' || before == '!' || before == '?')
    {
      gsize start = pos - 1;

      while (start > 0 && strchr ("\n.!?", field->text[start - 1]) == NULL)
        start--;
      return has_attribution (field, start, pos, verbs);
    }
  /* An em or en dash, three bytes of UTF-8. */
  return pos >= 3 && ((guchar) field->text[pos - 3] == 0xE2 && (guchar) field->text[pos - 2] == 0x80 &&
                      ((guchar) field->text[pos - 1] == 0x94 || (guchar) field->text[pos - 1] == 0x93));
}

/* At a paragraph's end: a quote left open is fine when the next paragraph
 * opens with a quotation mark again, the way a long quote runs on, and the
 * quote opened the paragraph or was introduced; a quote opened in the middle
 * of running text (praised its “careful prose) or followed by its
 * attribution is not a long quote. */
static void
end_paragraph (Quotes             *q,
               const CdCheckField *field,
               gsize               pos)
{
  gunichar           next = next_paragraph_start (field, pos);
  const char *const *verbs = verbs_of_saying (q->ctx->language);

  g_assert (q != NULL);
  g_assert (field != NULL);

  for (guint i = 0; i < q->stack->len; i++)
    {
      const Opener *opener = &g_array_index (q->stack, Opener, i);
      gboolean      continues = FALSE;

      if (opener->quote && opens_running_quote (field, opener->start, verbs) &&
          !has_attribution (field, opener->end, pos, verbs))
        {
          if (opener->close == '"')
            continues = next == '"';
          else
            for (guint k = 0; k < q->n_quotes; k++)
              if (q->quotes[k].close == opener->close && q->quotes[k].open == next)
                continues = TRUE;
        }
      if (!continues)
        report_opener (q, opener);
    }
  g_array_set_size (q->stack, 0);
}

static gboolean
is_list_marker_paren (const CdCheckField *field,
                      gsize               pos)
{
  gsize start = pos;

  g_assert (field != NULL);

  /* "1)" or "a)" at the start of a line, or a smiley. */
  if (pos > 0 && (field->text[pos - 1] == ':' || field->text[pos - 1] == ';'))
    return TRUE;
  while (start > 0 && g_ascii_isalnum (field->text[start - 1]) && pos - start < 3)
    start--;
  while (start > 0 && field->text[start - 1] == ' ')
    start--;
  return start < pos && (start == 0 || field->text[start - 1] == '\n');
}

/* "2)" numbering the items of a running list ("1) Hongisto 6,72, 2)
 * Rantala 6,83", as results are written): a number after a space, a
 * comma, a colon or a line's start, and a space after it. */
static gboolean
is_enumeration_paren (const CdCheckField *field,
                      gsize               pos)
{
  gsize start = pos;

  g_assert (field != NULL);

  while (start > 0 && g_ascii_isdigit (field->text[start - 1]) && pos - start < 3)
    start--;
  return start < pos && (start == 0 || strchr (" ,;:\n", field->text[start - 1]) != NULL) &&
         (pos + 1 == field->length || field->text[pos + 1] == ' ' || field->text[pos + 1] == '\n');
}

/* Whether a bracket closed by @close is open. */
static gboolean
is_open (Quotes  *q,
         gunichar close)
{
  for (guint i = 0; i < q->stack->len; i++)
    if (g_array_index (q->stack, Opener, i).close == close)
      return TRUE;
  return FALSE;
}

static gboolean
any_quote_open (Quotes *q)
{
  for (guint i = 0; i < q->stack->len; i++)
    if (g_array_index (q->stack, Opener, i).quote)
      return TRUE;
  return FALSE;
}

static void
check_quotes_field (Quotes *q)
{
  const CdCheckField *field = &q->ctx->fields[q->field];
  const char         *text = field->text;
  gunichar            prev = 0;

  g_assert (q != NULL);

  for (gsize pos = 0; pos < field->length;)
    {
      gunichar c = g_utf8_get_char (text + pos);
      gsize    next = g_utf8_next_char (text + pos) - text;

      if (field->mask[pos] != CD_CHECK_MASK_PROSE)
        {
          prev = 'x';
          pos = next;
          continue;
        }

      if (c == '\n')
        {
          gsize p = next;

          while (p < field->length && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
            p++;
          if (p >= field->length || text[p] == '\n')
            end_paragraph (q, field, p);
        }
      else if (c == '"')
        {
          gboolean opening = !ends_word (prev);
          gboolean open_straight = FALSE;

          /* Straight marks inside a curly quote open a quote of their own
           * (“He said "no" to me,” she said). */
          for (guint i = 0; i < q->stack->len; i++)
            if (g_array_index (q->stack, Opener, i).close == '"')
              open_straight = TRUE;
          /* Gaeta."Ho ricevuto: a quote opened after a stop, its space
           * left out, when none is open to close. */
          if (!opening && !any_quote_open (q) && prev != 0 && prev < 0x80 && strchr (".,;:!?", (int) prev) != NULL &&
              next < field->length && g_unichar_isalpha (g_utf8_get_char (text + next)))
            opening = TRUE;
          if (opening && !open_straight)
            push (q, '"', TRUE, pos, next);
          else if (g_unichar_isdigit (prev) && !open_straight)
            ; /* 6" is six inches */
          else
            close_with (q, '"', TRUE, pos, next);
        }
      else if (c == 0x2018 && g_unichar_isalpha (prev) && next < field->length &&
               g_unichar_isalpha (g_utf8_get_char (text + next)))
        {
          /* Russia‘s: an apostrophe typed as an opening quotation mark. */
          _cd_check_add (q->ctx, q->field, CD_CHECK_RULE_QUOTES, CD_CHECK_SEVERITY_WARNING, pos,
                         next, "’", "An apostrophe written with an opening quotation mark");
        }
      else
        {
          gboolean handled = FALSE;

          for (guint k = 0; k < q->n_quotes && !handled; k++)
            {
              /* German closes with the mark English opens with: look for an
               * open quote first. */
              if (c == q->quotes[k].close)
                {
                  gboolean open = FALSE;

                  for (guint i = 0; i < q->stack->len; i++)
                    if (g_array_index (q->stack, Opener, i).close == c ||
                        g_array_index (q->stack, Opener, i).close == '"')
                      open = TRUE;
                  if (open || c != q->quotes[k].open)
                    {
                      close_with (q, c, TRUE, pos, next);
                      handled = TRUE;
                    }
                }
              if (!handled && c == q->quotes[k].open)
                {
                  push (q, q->quotes[k].close, TRUE, pos, next);
                  handled = TRUE;
                }
            }
          for (guint k = 0; k < G_N_ELEMENTS (brackets) && !handled; k++)
            {
              if (c == brackets[k].open)
                {
                  push (q, brackets[k].close, FALSE, pos, next);
                  handled = TRUE;
                }
              else if (c == brackets[k].close)
                {
                  if (!(c == ')' && (is_list_marker_paren (field, pos) ||
                                     (!is_open (q, ')') && is_enumeration_paren (field, pos)))))
                    close_with (q, c, FALSE, pos, next);
                  handled = TRUE;
                }
            }
        }
      prev = c;
      pos = next;
    }
  end_paragraph (q, field, field->length);
}

/* Straight and curly double quotes in one article: the less used kind is
 * reported, each mark with its counterpart as the suggestion (a straight
 * mark's is the language's curly quote: “ or ” in English, „ or “ in
 * German). The first pass counts (report is -1); the second reports
 * straight (1) or curly (0) marks. */
static void
scan_double_quotes (CdCheckContext *ctx,
                    const Pair     *curly_marks,
                    int             report,
                    guint          *straight,
                    guint          *curly)
{
  char open[8] = { 0 }, close[8] = { 0 };

  g_assert (ctx != NULL);
  g_assert (curly_marks != NULL);

  g_unichar_to_utf8 (curly_marks->open, open);
  g_unichar_to_utf8 (curly_marks->close, close);

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];
      gunichar            prev = 0;

      for (gsize pos = 0; field->prose && pos < field->length;)
        {
          gsize    next = g_utf8_next_char (field->text + pos) - field->text;
          gunichar c = g_utf8_get_char (field->text + pos);
          gboolean is_straight = c == '"' && !g_unichar_isdigit (prev);

          if (field->mask[pos] == CD_CHECK_MASK_PROSE)
            {
              if (report < 0)
                {
                  *straight += is_straight;
                  *curly += is_curly_double (c);
                }
              else if (report == 1 && is_straight)
                _cd_check_add (ctx, f, CD_CHECK_RULE_QUOTES, CD_CHECK_SEVERITY_WARNING,
                               pos, next, ends_word (prev) ? close : open,
                               "Straight and curly quotation marks are mixed in this article");
              else if (report == 0 && is_curly_double (c))
                _cd_check_add (ctx, f, CD_CHECK_RULE_QUOTES, CD_CHECK_SEVERITY_WARNING,
                               pos, next, "\"",
                               "Straight and curly quotation marks are mixed in this article");
            }
          prev = c;
          pos = next;
        }
    }
}

static void
check_mixed_quotes (CdCheckContext *ctx,
                    const Quotes   *q)
{
  const Pair *curly_marks = &english_quotes;
  guint       straight = 0, curly = 0;

  g_assert (ctx != NULL);
  g_assert (q != NULL);

  for (guint k = q->n_quotes; k > 0; k--)
    if (is_curly_double (q->quotes[k - 1].open) && is_curly_double (q->quotes[k - 1].close))
      curly_marks = &q->quotes[k - 1];
  scan_double_quotes (ctx, curly_marks, -1, &straight, &curly);
  if (straight > 0 && curly > 0)
    scan_double_quotes (ctx, curly_marks, straight <= curly ? 1 : 0, NULL, NULL);
}

/* The first guillemet of the article's prose, « or », or 0. */
static gunichar
first_guillemet (CdCheckContext *ctx)
{
  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      for (const char *p = field->prose ? field->text : NULL; p != NULL && *p != '\0';
           p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if ((c == 0x00AB || c == 0x00BB) && field->mask[p - field->text] == CD_CHECK_MASK_PROSE)
            return c;
        }
    }
  return 0;
}

/* Single marks are apostrophes too (don’t, ’90s): no rule pairs them. */
static gboolean
is_single_mark (gunichar c)
{
  return c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B;
}

/* Adds a pair of double marks @q has not got yet. */
static void
add_quotes (Quotes  *q,
            gunichar open,
            gunichar close)
{
  g_assert (q != NULL);

  if (open == 0 || close == 0 || is_single_mark (open) || is_single_mark (close) ||
      q->n_quotes == MAX_QUOTES)
    return;
  for (guint k = 0; k < q->n_quotes; k++)
    if (q->quotes[k].open == open && q->quotes[k].close == close)
      return;
  q->quotes[q->n_quotes++] = (Pair){ open, close };
}

/* One quotation mark of ICU's locale data, or 0. */
static gunichar
locale_mark (ULocaleData             *data,
             ULocaleDataDelimiterType type)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar      mark[4];
  int32_t    length = ulocdata_getDelimiter (data, type, mark, G_N_ELEMENTS (mark), &status);

  return U_SUCCESS (status) && length == 1 ? mark[0] : 0;
}

/* The quotation marks of copy in @language as the Unicode CLDR gives them,
 * through ICU's locale data: the quotes («…» in Italian, ”…” in Swedish, „…”
 * in Polish), the quotes within quotes where they are double marks, and
 * English “…”, which copy in most languages uses too, with „…”, as Dutch
 * copy writes it (no language closes a quote with „), unless the language's
 * own marks give “ or ” another part (Russian closes „ with “). Guillemets
 * point the way the article's first one does (»…« in Danish-style copy).
 * German keeps its own table: its copy writes „…“ and guillemets both ways. */
static void
language_quotes (Quotes     *q,
                 const char *language)
{
  g_autofree char *locale = g_strdelimit (g_strdup (language), "-", '_');
  UErrorCode       status = U_ZERO_ERROR;
  ULocaleData     *data = ulocdata_open (locale, &status);
  gboolean         english_free = TRUE;
  gunichar         guillemet;

  g_assert (q != NULL);

  q->n_quotes = 0;
  if (U_SUCCESS (status))
    {
      add_quotes (q, locale_mark (data, ULOCDATA_QUOTATION_START),
                  locale_mark (data, ULOCDATA_QUOTATION_END));
      add_quotes (q, locale_mark (data, ULOCDATA_ALT_QUOTATION_START),
                  locale_mark (data, ULOCDATA_ALT_QUOTATION_END));
    }
  ulocdata_close (data);

  for (guint k = 0; k < q->n_quotes; k++)
    if (q->quotes[k].close == english_quotes.open ||
        (q->quotes[k].open == english_quotes.close && q->quotes[k].close != english_quotes.close))
      english_free = FALSE;
  if (english_free)
    {
      add_quotes (q, english_quotes.open, english_quotes.close);
      add_quotes (q, 0x201E, english_quotes.close);
    }

  guillemet = first_guillemet (q->ctx);
  for (guint k = 0; k < q->n_quotes; k++)
    if ((q->quotes[k].open == 0x00AB && q->quotes[k].close == 0x00BB && guillemet == 0x00BB) ||
        (q->quotes[k].open == 0x00BB && q->quotes[k].close == 0x00AB && guillemet == 0x00AB))
      q->quotes[k] = (Pair){ q->quotes[k].close, q->quotes[k].open };
}

void
_cd_check_quotes (CdCheckContext *ctx)
{
  Quotes q = { .ctx = ctx };

  G_STATIC_ASSERT (G_N_ELEMENTS (german_quotes) <= MAX_QUOTES);

  if (g_str_has_prefix (ctx->language, "de"))
    {
      gboolean outward = g_str_has_prefix (ctx->language, "de-CH") ||
                         g_str_has_prefix (ctx->language, "de_CH") || first_guillemet (ctx) == 0x00AB;

      memcpy (q.quotes, outward ? swiss_german_quotes : german_quotes, sizeof german_quotes);
      q.n_quotes = G_N_ELEMENTS (german_quotes);
    }
  else
    language_quotes (&q, ctx->language);
  q.stack = g_array_new (FALSE, FALSE, sizeof (Opener));

  for (guint f = 0; f < ctx->n_fields; f++)
    if (ctx->fields[f].prose)
      {
        q.field = f;
        check_quotes_field (&q);
      }
  g_array_unref (q.stack);

  check_mixed_quotes (ctx, &q);
}

/* Repeated words */

static gboolean is_placeholder_word (const char *text,
                                     gsize       length);

/* Words good copy writes twice: in any language, then in copy of one
 * language (a relative pronoun before an article, die Frau, die die
 * Zeitung liest; dat dat; a reflexive pronoun, nous nous sommes vus). */
static const struct
{
  const char *language;
  const char *words[7];
} allowed_repeats[] = {
  {"",    { "had", "that", "bye", "ha", "no", "so", "very" }},
  { "de", { "der", "die", "das", "den", "dem", "sie" }      },
  { "nl", { "dat", "die" }                                  },
  { "fr", { "nous", "vous" }                                },
};

static gboolean
is_allowed_repeat (const char *language,
                   const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_repeats); i++)
    for (guint k = 0; g_str_has_prefix (language, allowed_repeats[i].language) &&
                      k < G_N_ELEMENTS (allowed_repeats[i].words) && allowed_repeats[i].words[k] != NULL;
         k++)
      if (g_ascii_strcasecmp (word, allowed_repeats[i].words[k]) == 0)
        return TRUE;
  return FALSE;
}

/* A full stop typed twice after a word ("dinheiro.."), not an ellipsis
 * nor a range ("1..5"). */
static void
check_doubled_stops (CdCheckContext *ctx,
                     guint           f)
{
  const CdCheckField *field = &ctx->fields[f];
  const char         *text = field->text;

  g_assert (ctx != NULL);

  for (guint i = 0; i < field->words->len; i++)
    {
      gsize end = g_array_index (field->words, CdCheckWord, i).end;

      if (end + 2 > field->length || text[end] != '.' || text[end + 1] != '.' ||
          field->mask[end] != CD_CHECK_MASK_PROSE || field->mask[end + 1] != CD_CHECK_MASK_PROSE)
        continue;
      if (end + 2 < field->length && strchr (" \n\"')", text[end + 2]) == NULL &&
          !g_str_has_prefix (text + end + 2, "”") && !g_str_has_prefix (text + end + 2, "’") &&
          !g_str_has_prefix (text + end + 2, "»"))
        continue;
      _cd_check_add (ctx, f, CD_CHECK_RULE_REPEATED_WORD, CD_CHECK_SEVERITY_WARNING, end, end + 2,
                     ".", "A full stop is written twice");
    }
}

void
_cd_check_repeated_words (CdCheckContext *ctx)
{
  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      if (!field->prose)
        continue;
      for (guint i = 1; i < field->words->len; i++)
        {
          const CdCheckWord *a = &g_array_index (field->words, CdCheckWord, i - 1);
          const CdCheckWord *b = &g_array_index (field->words, CdCheckWord, i);
          gsize              la = a->end - a->start;
          g_autofree char   *first = NULL;

          if (!(b->flags & CD_CHECK_WORD_SPACE_BEFORE) || (b->flags & CD_CHECK_WORD_HAS_DIGIT))
            continue;
          if (la != b->end - b->start ||
              g_ascii_strncasecmp (field->text + a->start, field->text + b->start, la) != 0)
            continue;
          /* "TK TK" is a placeholder, which leftover-markup reports. */
          if (is_placeholder_word (field->text + a->start, la))
            continue;
          /* Non-ASCII letters compare by bytes above; that is enough to find
           * the same word typed twice. */
          first = g_strndup (field->text + a->start, la);
          if (is_allowed_repeat (ctx->language, first))
            continue;
          _cd_check_add (ctx, f, CD_CHECK_RULE_REPEATED_WORD, CD_CHECK_SEVERITY_WARNING,
                         a->start, b->end, first, "“%s” is written twice", first);
        }
      check_doubled_stops (ctx, f);
    }
}

/* Spacing */

static gboolean
is_table_row (const CdCheckField *field,
              gsize               line_start)
{
  gsize p = line_start;

  g_assert (field != NULL);

  while (p < field->length && field->text[p] == ' ')
    p++;
  return p < field->length && field->text[p] == '|';
}

/* Whether a line so far is only indentation and Markdown block markers
 * ("> ", "- ", "1. "), after which any number of spaces is layout. */
static gboolean
is_block_marker (const char *line,
                 gsize       length)
{
  gsize p = 0;

  g_assert (line != NULL);

  for (;;)
    {
      while (p < length && line[p] == ' ')
        p++;
      if (p < length && line[p] == '>')
        {
          p++;
          continue;
        }
      break;
    }
  if (p < length && (line[p] == '-' || line[p] == '*' || line[p] == '+'))
    p++;
  else if (p < length && g_ascii_isdigit (line[p]))
    {
      while (p < length && g_ascii_isdigit (line[p]))
        p++;
      if (p < length && (line[p] == '.' || line[p] == ')'))
        p++;
    }
  return p == length;
}

/* French sets a space before its high punctuation (« Pourquoi ? », il a
 * dit : « … ») where other languages set none. */
static gboolean
french_high (const CdCheckContext *ctx,
             char                  c)
{
  return strchr (";:!?", c) != NULL && g_str_has_prefix (ctx->language, "fr");
}

/* A question or exclamation mark at @pos between a word and the next
 * sentence's capital or dash, no space after it ("What?Then", "då?– Har"). */
static gboolean
is_run_on_sentence (const CdCheckField *field,
                    gsize               pos)
{
  const char *text = field->text;
  gunichar    before, after;

  g_assert (field != NULL);

  if (pos == 0 || pos + 1 >= field->length || field->mask[pos] != CD_CHECK_MASK_PROSE ||
      field->mask[pos + 1] != CD_CHECK_MASK_PROSE)
    return FALSE;
  before = g_utf8_get_char (g_utf8_prev_char (text + pos));
  after = g_utf8_get_char (text + pos + 1);
  return g_unichar_isalpha (before) && g_unichar_islower (before) &&
         (g_unichar_isupper (after) || after == 0x2013 || after == 0x2014);
}

void
_cd_check_spacing (CdCheckContext *ctx)
{
  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];
      const char         *text = field->text;
      gsize               line_start = 0;
      gboolean            table = FALSE;

      if (!field->prose)
        continue;

      if (!field->markdown && field->length > 0)
        {
          gsize lead = 0, trail = field->length;

          while (lead < field->length && g_ascii_isspace (text[lead]))
            lead++;
          while (trail > lead && g_ascii_isspace (text[trail - 1]))
            trail--;
          if (lead > 0 && lead < field->length)
            _cd_check_add (ctx, f, CD_CHECK_RULE_SPACING, CD_CHECK_SEVERITY_WARNING,
                           0, lead, "", "Space at the start of the %s", field->name);
          if (trail < field->length && trail > lead)
            _cd_check_add (ctx, f, CD_CHECK_RULE_SPACING, CD_CHECK_SEVERITY_WARNING,
                           trail, field->length, "", "Space at the end of the %s",
                           field->name);
        }

      table = field->markdown && is_table_row (field, 0);
      for (gsize pos = 0; pos < field->length; pos++)
        {
          char c = text[pos];

          if (c == '\n')
            {
              line_start = pos + 1;
              table = field->markdown && is_table_row (field, line_start);
              continue;
            }
          if ((c == ',' || c == ';') && pos > 0 && pos + 1 < field->length &&
              field->mask[pos] == CD_CHECK_MASK_PROSE && g_ascii_isalpha (text[pos - 1]) &&
              g_ascii_isalpha (text[pos + 1]) && field->mask[pos + 1] == CD_CHECK_MASK_PROSE)
            {
              char replacement[3] = { c, ' ', '\0' };

              _cd_check_add (ctx, f, CD_CHECK_RULE_SPACING, CD_CHECK_SEVERITY_WARNING,
                             pos, pos + 1, replacement, "No space after “%c”", c);
              continue;
            }
          if ((c == '?' || c == '!') && is_run_on_sentence (field, pos))
            {
              char replacement[3] = { c, ' ', '\0' };

              _cd_check_add (ctx, f, CD_CHECK_RULE_SPACING, CD_CHECK_SEVERITY_WARNING,
                             pos, pos + 1, replacement, "No space after “%c”", c);
              continue;
            }
          if (c != ' ' || table || field->mask[pos] != CD_CHECK_MASK_PROSE)
            continue;

          {
            gsize    end = pos;
            gboolean at_line_start = field->markdown ? is_block_marker (text + line_start, pos - line_start) : pos == line_start;

            while (end < field->length && text[end] == ' ')
              end++;

            if (at_line_start || end >= field->length || text[end] == '\n' ||
                text[end] == '\r')
              {
                /* Indentation, and the two spaces that end a Markdown line
                 * with a hard break (the single-line fields had their ends
                 * checked above). */
                pos = end - 1;
                continue;
              }

            if (end - pos >= 2)
              _cd_check_add (ctx, f, CD_CHECK_RULE_SPACING, CD_CHECK_SEVERITY_WARNING,
                             pos, end, " ", "More than one space between words");
            else if (strchr (",.;:!?)", text[end]) != NULL && !french_high (ctx, text[end]) &&
                     field->mask[end] == CD_CHECK_MASK_PROSE && pos > 0 &&
                     text[pos - 1] != '(' &&
                     !(end + 1 < field->length && text[end + 1] == text[end] &&
                       text[end] != ')'))
              {
                /* Not " ..." (an ellipsis) nor " ???" (a placeholder). */
                if (!(end + 1 < field->length && (text[end] == '.' || text[end] == ':') &&
                      g_ascii_isalnum (text[end + 1])))
                  _cd_check_add (ctx, f, CD_CHECK_RULE_SPACING, CD_CHECK_SEVERITY_WARNING,
                                 pos, end, "", "Space before “%c”", text[end]);
              }
            pos = end - 1;
          }
        }
    }
}

/* Leftover markup and placeholders */

static const struct
{
  const char *name;
  const char *text;
} entities[] = {
  {"amp",     "&"  },
  { "nbsp",   " "  },
  { "quot",   "\"" },
  { "apos",   "'"  },
  { "lt",     "<"  },
  { "gt",     ">"  },
  { "mdash",  "—"},
  { "ndash",  "–"},
  { "hellip", "…"},
  { "rsquo",  "’"},
  { "lsquo",  "‘"},
  { "ldquo",  "“"},
  { "rdquo",  "”"},
  { "eacute", "é" },
};

static char *
decode_entity (const char *text,
               gsize       length)
{
  g_autofree char *name = g_strndup (text + 1, length - 2);

  g_assert (text != NULL);

  if (name[0] == '#')
    {
      gunichar c = name[1] == 'x' || name[1] == 'X' ? strtoul (name + 2, NULL, 16)
                                                    : strtoul (name + 1, NULL, 10);
      char     buf[8] = { 0 };

      if (c == 0 || !g_unichar_validate (c))
        return NULL;
      g_unichar_to_utf8 (c, buf);
      return g_strdup (buf);
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (name, entities[i].name))
      return g_strdup (entities[i].text);
  return NULL;
}

static gboolean is_placeholder_part (const char *text,
                                     gsize       length);

/* TK, TKTK, XX, TODO…, and hyphenated runs of them (XXX-XXX-XXXX). */
static gboolean
is_placeholder_word (const char *text,
                     gsize       length)
{
  const char *dash = memchr (text, '-', length);

  g_assert (text != NULL);

  if (dash == NULL)
    return is_placeholder_part (text, length);
  return is_placeholder_part (text, dash - text) &&
         is_placeholder_word (dash + 1, length - (dash + 1 - text));
}

static gboolean
is_placeholder_part (const char *text,
                     gsize       length)
{
  gsize i;

  g_assert (text != NULL);

  if (length >= 2 && length % 2 == 0)
    {
      for (i = 0; i < length; i += 2)
        if (text[i] != 'T' || text[i + 1] != 'K')
          break;
      if (i == length)
        return TRUE;
    }
  if (length >= 2)
    {
      for (i = 0; i < length; i++)
        if (text[i] != 'X')
          break;
      if (i == length)
        return TRUE;
    }
  return (length == 4 && strncmp (text, "TODO", 4) == 0) ||
         (length == 5 && strncmp (text, "FIXME", 5) == 0);
}

/* Placeholders in a field the text rules do not read, word by word. */
static void
check_plain_placeholders (CdCheckContext *ctx,
                          guint           f)
{
  const CdCheckField *field = &ctx->fields[f];
  const char         *text = field->text;
  gsize               pos = 0;

  g_assert (ctx != NULL);

  while (pos < field->length)
    {
      gsize end = pos;

      while (end < field->length && (g_ascii_isalnum (text[end]) || text[end] == '-'))
        end++;
      if (end > pos && is_placeholder_word (text + pos, end - pos))
        _cd_check_add (ctx, f, CD_CHECK_RULE_LEFTOVER_MARKUP, CD_CHECK_SEVERITY_ERROR, pos, end,
                       NULL, "A placeholder (“%.*s”) left in the text", (int) (end - pos),
                       text + pos);
      pos = end > pos ? end : pos + 1;
    }
}

void
_cd_check_leftover_markup (CdCheckContext *ctx)
{
  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];
      const char         *text = field->text;

      if (!field->prose)
        {
          /* A dateline or byline of "TK" or "XXX" is a placeholder too; a
           * slug is written for machines. */
          if (!g_str_equal (field->name, "slug"))
            check_plain_placeholders (ctx, f);
          continue;
        }

      for (guint i = 0; i < field->markup->len; i++)
        {
          const CdCheckMarkup *markup = &g_array_index (field->markup, CdCheckMarkup, i);
          g_autofree char     *decoded = NULL;

          if (g_str_equal (markup->kind, "HTML entity"))
            decoded = decode_entity (text + markup->start, markup->end - markup->start);
          _cd_check_add (ctx, f, CD_CHECK_RULE_LEFTOVER_MARKUP, CD_CHECK_SEVERITY_ERROR,
                         markup->start, markup->end, decoded != NULL ? decoded : "",
                         "Leftover %s in the text", markup->kind);
        }

      for (guint i = 0; i < field->words->len; i++)
        {
          const CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i);
          gsize              n = word->end - word->start;

          if (is_placeholder_word (text + word->start, n))
            _cd_check_add (ctx, f, CD_CHECK_RULE_LEFTOVER_MARKUP, CD_CHECK_SEVERITY_ERROR,
                           word->start, word->end, NULL,
                           "A placeholder (“%.*s”) left in the text", (int) n,
                           text + word->start);
          else if (n == 5 && g_ascii_strncasecmp (text + word->start, "lorem", 5) == 0 &&
                   i + 1 < field->words->len)
            {
              const CdCheckWord *next = &g_array_index (field->words, CdCheckWord, i + 1);

              if (g_ascii_strncasecmp (text + next->start, "ipsum", 5) == 0)
                _cd_check_add (ctx, f, CD_CHECK_RULE_LEFTOVER_MARKUP,
                               CD_CHECK_SEVERITY_ERROR, word->start, next->end, NULL,
                               "Placeholder text (“lorem ipsum”) left in the text");
            }
        }

      /* ??? and {{template}} markers. */
      for (gsize pos = 0; pos < field->length; pos++)
        {
          gsize end = pos;

          if (field->mask[pos] != CD_CHECK_MASK_PROSE)
            continue;
          if (text[pos] == '?')
            {
              while (end < field->length && text[end] == '?')
                end++;
              if (end - pos >= 2)
                _cd_check_add (ctx, f, CD_CHECK_RULE_LEFTOVER_MARKUP, CD_CHECK_SEVERITY_ERROR,
                               pos, end, NULL, "A placeholder (“%.*s”) left in the text",
                               (int) (end - pos), text + pos);
              pos = end - 1;
            }
          else if (text[pos] == '{' && pos + 1 < field->length && text[pos + 1] == '{')
            {
              const char *close = g_strstr_len (text + pos + 2,
                                                MIN (field->length - pos - 2, 200), "}}");

              if (close != NULL && memchr (text + pos, '\n', close - (text + pos)) == NULL)
                {
                  end = close + 2 - text;
                  _cd_check_add (ctx, f, CD_CHECK_RULE_LEFTOVER_MARKUP,
                                 CD_CHECK_SEVERITY_ERROR, pos, end, NULL,
                                 "A template placeholder left in the text");
                  pos = end - 1;
                }
            }
        }
    }
}
