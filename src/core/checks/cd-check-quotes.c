/* cd-check-quotes.c: the quotes rule: quotation marks and brackets that
 * pair, each language's own marks, straight and curly marks mixed, and the
 * spaces inside a quote's marks; Spanish's ¿ and ¡ are in
 * cd-check-inverted.c.
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
  gboolean        loose_guillemets; /* not the language's own marks */
  guint           field;
  GArray         *stack;  /* Opener */
  gsize           resume; /* where a paragraph goes on with a quote's closing guillemet */
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

/* Where the next paragraph's text starts, past block quote markers. */
static gsize
next_paragraph_start (const CdCheckField *field,
                      gsize               pos)
{
  g_assert (field != NULL);

  while (pos < field->length &&
         (g_ascii_isspace (field->text[pos]) || field->text[pos] == '>'))
    pos++;
  return pos;
}

/* The verbs of saying that follow a quote in the article's @language
 * (“…,” she said; „…“, sagte sie; ”…”, säger hon), or %NULL where the rules
 * below do not know its copy's habits. Only languages whose copy closes a
 * quote before its attribution: French sets it inside the guillemets
 * (« Oui, a-t-il dit, mais… »). */
static const char *const *
verbs_of_saying (const char *language)
{
  static const struct
  {
    const char *language;
    const char *verbs[16];
  } table[] = {
    {"en",  { "said", "says", "told", "added", "asked", "wrote", "explained", "insisted", "warned", "tweeted", "posted" }                                                                     },
    { "de", { "sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "fügte", "meinte", "schrieb", "warnte", "ergänzte", "kritisierte", "fragte" }                                  },
    { "nl", { "zei", "zegt", "aldus", "verklaarde", "vertelde", "schreef", "voegde", "benadrukte" }                                                                                           },
    { "sv", { "säger", "sade", "sa", "skriver", "berättar", "uppger", "förklarar", "tillägger" }                                                                                          },
    { "da", { "siger", "sagde", "skriver", "fortæller", "forklarer", "tilføjer", "understreger" }                                                                                           },
    { "nb", { "sier", "sa", "skriver", "forteller", "forklarer", "legger" }                                                                                                                   },
    { "nn", { "seier", "sa", "skriv", "fortel" }                                                                                                                                              },
    { "no", { "sier", "sa", "skriver", "forteller", "forklarer", "legger" }                                                                                                                   },
    { "fi", { "sanoo", "sanoi", "kertoo", "kertoi", "toteaa", "totesi", "sanovat" }                                                                                                           },
    { "pl", { "powiedział", "powiedziała", "mówi", "dodał", "dodała", "podkreślił", "podkreśliła", "stwierdził", "stwierdziła", "zaznaczył", "zaznaczyła", "napisał" }          },
    { "cs", { "řekl", "řekla", "uvedl", "uvedla", "dodal", "dodala", "říká", "napsal", "napsala" }                                                                                       },
    { "pt", { "disse", "diz", "afirmou", "afirma", "explicou", "acrescentou", "declarou", "referiu", "sublinhou", "contou" }                                                                  },
    { "it", { "detto", "dichiarato", "spiegato", "aggiunto", "sottolineato", "affermato", "dice", "afferma", "spiega" }                                                                       },
    { "es", { "dijo", "dice", "afirmó", "señaló", "explicó", "añadió", "aseguró", "indicó", "declaró", "agregó", "subrayó" }                                                       },
    { "ru", { "сказал", "сказала", "заявил", "заявила", "отметил", "отметила", "добавил", "добавила", "говорит", "пишет" }},
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      gsize n = strlen (table[i].language);

      if (g_ascii_strncasecmp (language, table[i].language, n) == 0 &&
          (language[n] == '\0' || language[n] == '-' || language[n] == '_'))
        return table[i].verbs;
    }
  return NULL;
}

/* Whether, between start and end, a comma or a dash is followed within a
 * few words by one of @verbs (“… leave, Bali said at the oil field.): copy
 * in the languages verbs_of_saying() knows closes a quote before its
 * attribution, so a quote still open there lost its closing mark rather
 * than running on. */
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

      /* A comma, or a dash as Polish copy sets it („…” – powiedział). */
      if (field->text[pos] != ',' &&
          !(pos + 2 < end && (guchar) field->text[pos] == 0xE2 && (guchar) field->text[pos + 1] == 0x80 &&
            ((guchar) field->text[pos + 2] == 0x93 || (guchar) field->text[pos + 2] == 0x94)))
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
  gsize              start = next_paragraph_start (field, pos);
  gunichar           next = start < field->length ? g_utf8_get_char (field->text + start) : 0;
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
          /* Spanish and French copy may open each further paragraph of a
           * long quote with its closing guillemet, »…, and close the quote
           * at its end, …». */
          if (!continues && next == opener->close && (next == 0x00AB || next == 0x00BB))
            {
              continues = TRUE;
              q->resume = start;
            }
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

/* Whether the paragraph from @pos on holds a guillemet set against a word
 * ("godt,«"): the closing mark of a quote. */
static gboolean
paragraph_has_attached_guillemet (const CdCheckField *field,
                                  gsize               pos)
{
  gunichar prev = ' ';

  while (pos < field->length)
    {
      gunichar c = g_utf8_get_char (field->text + pos);
      gsize    next = g_utf8_next_char (field->text + pos) - field->text;

      if (c == '\n' && prev == '\n')
        return FALSE;
      if ((c == 0x00AB || c == 0x00BB) && field->mask[pos] == CD_CHECK_MASK_PROSE &&
          (!g_unichar_isspace (prev) ||
           (next < field->length && !g_unichar_isspace (g_utf8_get_char (field->text + next)))))
        return TRUE;
      if (c != ' ' && c != '\t' && c != '\r')
        prev = c;
      pos = next;
    }
  return FALSE;
}

/* A guillemet set apart by spaces ("Read more »", "Home » News"), in copy
 * whose language does not quote with guillemets: an arrow, not a quote.
 * One that opens a paragraph whose quote is closed further on ("» Det er
 * godt,« siger hun") is a quote's opening mark with a space typed after it. */
static gboolean
is_arrow_guillemet (Quotes  *q,
                    gunichar c,
                    gunichar before,
                    gsize    end)
{
  const CdCheckField *field = &q->ctx->fields[q->field];

  g_assert (q != NULL);

  if (!q->loose_guillemets || (c != 0x00AB && c != 0x00BB) || (before != 0 && !g_unichar_isspace (before)) ||
      (end < field->length && !g_unichar_isspace (g_utf8_get_char (field->text + end))))
    return FALSE;
  return !((before == 0 || before == '\n') && paragraph_has_attached_guillemet (field, end));
}

/* A space inside a quote, after its opening mark ("“ The") or before its
 * closing one ("said ”"): French sets one there (« Oui »), other languages
 * none. Only where the mark's part is plain: an opening mark after a space,
 * a bracket or a dash, a closing mark before no letter or digit, so that a
 * mark typed the wrong way round is left to the pairing. */
static void
check_inner_space (Quotes  *q,
                   gboolean opening,
                   gunichar before,
                   gsize    start,
                   gsize    end)
{
  const CdCheckField *field = &q->ctx->fields[q->field];
  const char         *text = field->text;

  g_assert (q != NULL);

  if (g_str_has_prefix (q->ctx->language, "fr"))
    return;
  if (opening)
    {
      if (!ends_word (before) && end + 1 < field->length && text[end] == ' ' &&
          field->mask[end] == CD_CHECK_MASK_PROSE &&
          g_unichar_isalpha (g_utf8_get_char (text + end + 1)))
        _cd_check_add (q->ctx, q->field, CD_CHECK_RULE_SPACING, CD_CHECK_SEVERITY_WARNING, end,
                       end + 1, "", "Space after the opening quotation mark");
    }
  else if (start >= 2 && text[start - 1] == ' ' && field->mask[start - 1] == CD_CHECK_MASK_PROSE &&
           !(end < field->length && g_unichar_isalnum (g_utf8_get_char (text + end))))
    {
      gunichar word = g_utf8_get_char (g_utf8_prev_char (text + start - 1));

      if (g_unichar_isalpha (word) || (word < 0x80 && strchr (".,!?", (int) word) != NULL))
        _cd_check_add (q->ctx, q->field, CD_CHECK_RULE_SPACING, CD_CHECK_SEVERITY_WARNING,
                       start - 1, start, "", "Space before the closing quotation mark");
    }
}

static void
check_quotes_field (Quotes *q)
{
  const CdCheckField *field = &q->ctx->fields[q->field];
  const char         *text = field->text;
  gunichar            prev = 0;

  g_assert (q != NULL);

  q->resume = G_MAXSIZE;
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

      if (pos == q->resume)
        {
          /* The guillemet that goes on with the quote opens it again. */
          push (q, c, TRUE, pos, next);
          q->resume = G_MAXSIZE;
          prev = c;
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
            {
              push (q, '"', TRUE, pos, next);
              check_inner_space (q, TRUE, prev, pos, next);
            }
          else if (g_unichar_isdigit (prev) && !open_straight)
            ; /* 6" is six inches */
          else
            {
              close_with (q, '"', TRUE, pos, next);
              check_inner_space (q, FALSE, prev, pos, next);
            }
        }
      else if (c == 0x2018 && g_unichar_isalpha (prev) && next < field->length &&
               g_unichar_isalpha (g_utf8_get_char (text + next)))
        {
          /* Russia‘s: an apostrophe typed as an opening quotation mark. */
          _cd_check_add (q->ctx, q->field, CD_CHECK_RULE_QUOTES, CD_CHECK_SEVERITY_WARNING, pos,
                         next, "’", "An apostrophe written with an opening quotation mark");
        }
      else if (!is_arrow_guillemet (q, c, prev, next))
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
                      check_inner_space (q, FALSE, prev, pos, next);
                      handled = TRUE;
                    }
                }
              if (!handled && c == q->quotes[k].open)
                {
                  push (q, q->quotes[k].close, TRUE, pos, next);
                  check_inner_space (q, TRUE, prev, pos, next);
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

/* The first guillemet of the article's prose, « or », or 0; @both (if
 * not %NULL) says whether the prose writes the other one too. */
static gunichar
first_guillemet (CdCheckContext *ctx,
                 gboolean       *both)
{
  gunichar first = 0;

  g_assert (ctx != NULL);

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];

      for (const char *p = field->prose ? field->text : NULL; p != NULL && *p != '\0';
           p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if ((c != 0x00AB && c != 0x00BB) || field->mask[p - field->text] != CD_CHECK_MASK_PROSE)
            continue;
          if (first == 0)
            first = c;
          if (both == NULL)
            return first;
          if (c != first)
            {
              *both = TRUE;
              return first;
            }
        }
    }
  if (both != NULL)
    *both = FALSE;
  return first;
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
 * point the way the article's first one does (»…« in Danish copy), in any
 * language.
 * German keeps its own table: its copy writes „…“ and guillemets both ways. */
static void
language_quotes (Quotes     *q,
                 const char *language)
{
  g_autofree char *locale = g_strdelimit (g_strdup (language), "-", '_');
  UErrorCode       status = U_ZERO_ERROR;
  ULocaleData     *data = ulocdata_open (locale, &status);
  gboolean         english_free = TRUE, both, own_guillemets = FALSE;
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

  guillemet = first_guillemet (q->ctx, &both);
  for (guint k = 0; k < q->n_quotes; k++)
    {
      if ((q->quotes[k].open == 0x00AB && q->quotes[k].close == 0x00BB && guillemet == 0x00BB) ||
          (q->quotes[k].open == 0x00BB && q->quotes[k].close == 0x00AB && guillemet == 0x00AB))
        q->quotes[k] = (Pair){ q->quotes[k].close, q->quotes[k].open };
      if (q->quotes[k].open == 0x00AB || q->quotes[k].open == 0x00BB)
        own_guillemets = TRUE;
    }
  /* Copy whose language's marks are not guillemets may still write them:
   * Danish »…«, Swedish and Finnish »…», where the closing mark is the
   * opening one. */
  if (guillemet != 0 && !own_guillemets)
    {
      add_quotes (q, guillemet, both ? (guillemet == 0x00BB ? 0x00AB : 0x00BB) : guillemet);
      q->loose_guillemets = TRUE;
    }
}

void
_cd_check_quotes (CdCheckContext *ctx)
{
  Quotes q = { .ctx = ctx };

  G_STATIC_ASSERT (G_N_ELEMENTS (german_quotes) <= MAX_QUOTES);

  if (g_str_has_prefix (ctx->language, "de"))
    {
      gboolean outward = g_str_has_prefix (ctx->language, "de-CH") ||
                         g_str_has_prefix (ctx->language, "de_CH") || first_guillemet (ctx, NULL) == 0x00AB;

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
  if (g_ascii_strncasecmp (ctx->language, "es", 2) == 0 && (ctx->language[2] == '\0' || ctx->language[2] == '-' || ctx->language[2] == '_'))
    _cd_check_inverted_marks (ctx);
}
