/* cd-check-text.c: rules over the running text: repeated words, spacing,
 * leftover markup and placeholders. Quotes and brackets are in
 * cd-check-quotes.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

/* Repeated words */

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
          if (_cd_check_is_placeholder (field->text + a->start, la))
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

/* French's spaces at its high punctuation and inside its guillemets,
 * where the article sets them in some places and leaves them out in
 * others ("précisant: «Je" beside "dit : « Les"). Much French copy leaves
 * them out everywhere (Canada's sets none before ? ! ;, Switzerland's none
 * inside guillemets), so a missing one is reported only where the article
 * sets it more often than not: the colon, ? ! and ;, and the guillemets
 * each counted apart, the fix the space the article uses most there (a
 * space, a no-break space or a narrow one). A colon only before a space,
 * not in 14:30 or a web address. */
typedef struct
{
  guint spaced;
  guint bare;
  guint kinds[3];
} FrenchSpaces;

enum
{
  FRENCH_COLON,
  FRENCH_HIGH,
  FRENCH_GUILLEMETS,
  N_FRENCH_GROUPS
};

static const gunichar french_spaces[] = { ' ', 0x00A0, 0x202F };

/* 1 + the index of @c in french_spaces when @c is one and @word, on its
 * other side, is no space; 0 when @c is @word's own mark (a letter, a
 * digit, a quote's or bracket's mark, or for the closing guillemet a
 * sentence's); -1 otherwise. */
static int
french_space_form (gunichar c,
                   gunichar word)
{
  for (guint i = 0; i < G_N_ELEMENTS (french_spaces); i++)
    if (c == french_spaces[i])
      return g_unichar_isspace (word) ? -1 : (int) i + 1;
  return g_unichar_isalnum (c) || (c < 0x80 && strchr ("()!?.", (int) c) != NULL) || c == 0x00BB ||
                 c == 0x201C || c == 0x201D || c == 0x2026
             ? 0
             : -1;
}

/* How the mark at @pos stands (see french_space_form()), its group in
 * @group and its length in @length; -1 for anything else. */
static int
french_mark_form (const CdCheckField *field,
                  gsize               pos,
                  guint              *group,
                  gsize              *length)
{
  const char *text = field->text;
  const char *p = text + pos;
  gunichar    c = g_utf8_get_char (p);
  gunichar    after, before, word;

  if (field->mask[pos] != CD_CHECK_MASK_PROSE || pos == 0 ||
      (strchr (";:!?", *p) == NULL && c != 0x00AB && c != 0x00BB))
    return -1;
  *length = g_utf8_next_char (p) - p;
  after = pos + *length < field->length ? g_utf8_get_char (p + *length) : ' ';
  before = g_utf8_get_char (g_utf8_prev_char (p));
  word = g_utf8_prev_char (p) > text ? g_utf8_get_char (g_utf8_prev_char (g_utf8_prev_char (p))) : ' ';
  if (c == 0x00AB)
    {
      *group = FRENCH_GUILLEMETS;
      word = pos + *length + 1 < field->length ? g_utf8_get_char (g_utf8_next_char (p + *length)) : ' ';
      return french_space_form (after, word);
    }
  if (c == 0x00BB)
    *group = FRENCH_GUILLEMETS;
  else if (!(g_unichar_isspace (after) || after == 0x00BB || after == 0x201D || after == ')' ||
             (*p != ':' && *p != ';' && (after == '!' || after == '?'))) ||
           ((before == '!' || before == '?') && *p != ':' && *p != ';'))
    return -1; /* not a sentence's mark, or the second of ?! */
  else
    *group = *p == ':' ? FRENCH_COLON : FRENCH_HIGH;
  if (*group != FRENCH_GUILLEMETS && (before == '.' || before == '(' || before == 0x2026))
    return -1;
  return french_space_form (before, word);
}

static void
check_french_spaces (CdCheckContext *ctx)
{
  FrenchSpaces counts[N_FRENCH_GROUPS] = { 0 };

  g_assert (ctx != NULL);

  for (int report = 0; report < 2; report++)
    for (guint f = 0; f < ctx->n_fields; f++)
      {
        const CdCheckField *field = &ctx->fields[f];

        for (gsize pos = 0; field->prose && pos < field->length; pos++)
          {
            guint            g = 0, kind = 0;
            gsize            length = 1;
            int              form = french_mark_form (field, pos, &g, &length);
            FrenchSpaces    *group = &counts[g];
            g_autofree char *mark = NULL;
            g_autofree char *fix = NULL;
            char             space[8] = { 0 };
            gboolean         after;

            if (form < 0)
              continue;
            if (!report)
              {
                if (form == 0)
                  group->bare++;
                else
                  {
                    group->kinds[form - 1]++;
                    group->spaced++;
                  }
                continue;
              }
            if (form > 0 || group->spaced < 2 || group->spaced <= group->bare)
              continue;
            for (guint i = 1; i < G_N_ELEMENTS (french_spaces); i++)
              if (group->kinds[i] > group->kinds[kind])
                kind = i;
            g_unichar_to_utf8 (french_spaces[kind], space);
            mark = g_strndup (field->text + pos, length);
            after = g_str_equal (mark, "«");
            fix = after ? g_strconcat (mark, space, NULL) : g_strconcat (space, mark, NULL);
            _cd_check_add (ctx, f, CD_CHECK_RULE_SPACING, CD_CHECK_SEVERITY_WARNING, pos, pos + length, fix,
                           after ? "No space after “%s”; the article sets one elsewhere"
                                 : "No space before “%s”; the article sets one elsewhere",
                           mark);
          }
      }
}

/* A dash typed as a spaced hyphen ("two units - Samsung Heavy", "-- but"),
 * in an article that sets a spaced dash elsewhere ("lucky, too — but"):
 * reported with the dash the article sets most as its fix. Not between
 * numbers or beside one (3 - 1, 10 am - 5 pm), not after the first two
 * words of a line (a dateline's "BERLIN (dpa) -", a legend's "clr -
 * clear"), not in a table. */
static gsize
spaced_dash_length (const CdCheckField *field,
                    gsize               pos)
{
  const char *text = field->text;
  gsize       end = pos;

  if (pos == 0 || text[pos - 1] != ' ' || field->mask[pos] != CD_CHECK_MASK_PROSE)
    return 0;
  if (text[pos] == '-')
    end = pos + (pos + 1 < field->length && text[pos + 1] == '-' ? 2 : 1);
  else if (g_str_has_prefix (text + pos, "–") || g_str_has_prefix (text + pos, "—"))
    end = pos + 3;
  return end > pos && end < field->length && text[end] == ' ' ? end - pos : 0;
}

static void
check_dashes (CdCheckContext *ctx)
{
  guint       en = 0, em = 0;
  const char *dash;

  g_assert (ctx != NULL);

  for (guint f = 0; f < ctx->n_fields; f++)
    for (gsize pos = 0; ctx->fields[f].prose && pos < ctx->fields[f].length; pos++)
      if (ctx->fields[f].text[pos] != '-' && spaced_dash_length (&ctx->fields[f], pos) == 3)
        {
          if (g_str_has_prefix (ctx->fields[f].text + pos, "—"))
            em++;
          else
            en++;
        }
  if (en + em == 0)
    return;
  dash = em > en ? "—" : "–";

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const CdCheckField *field = &ctx->fields[f];
      const char         *text = field->text;
      gsize               line_start = 0;
      guint               words = 0;

      for (gsize pos = 0; field->prose && pos < field->length; pos++)
        {
          gsize    length;
          gunichar before, after;

          if (text[pos] == '\n')
            {
              line_start = pos + 1;
              words = 0;
              continue;
            }
          if (pos > line_start && text[pos] != ' ' && text[pos - 1] == ' ')
            words++;
          else if (pos == line_start && text[pos] != ' ')
            words++;
          if (text[pos] != '-' || (length = spaced_dash_length (field, pos)) == 0)
            continue;
          before = pos >= 2 ? g_utf8_get_char (g_utf8_prev_char (text + pos - 1)) : ' ';
          after = pos + length + 1 < field->length ? g_utf8_get_char (text + pos + length + 1) : ' ';
          if (words <= 3 || g_unichar_isdigit (before) || g_unichar_isdigit (after) ||
              is_table_row (field, line_start))
            {
              pos += length - 1;
              continue;
            }
          _cd_check_add (ctx, f, CD_CHECK_RULE_SPACING, CD_CHECK_SEVERITY_WARNING, pos, pos + length, dash,
                         "A hyphen set as a dash; the article sets “%s” elsewhere", dash);
          pos += length - 1;
        }
    }
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
  if (g_str_has_prefix (ctx->language, "fr"))
    check_french_spaces (ctx);
  check_dashes (ctx);
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

/* Whether the question marks at @pos close a question Spanish opened in
 * their paragraph (¿¿En qué mundo??): emphasis, not a placeholder. */
static gboolean
closes_spanish_question (const CdCheckContext *ctx,
                         const CdCheckField   *field,
                         gsize                 pos)
{
  const char *text = field->text;

  g_assert (ctx != NULL);

  if (g_ascii_strncasecmp (ctx->language, "es", 2) != 0 || g_ascii_isalpha (ctx->language[2]) || pos == 0 ||
      text[pos - 1] == ' ')
    return FALSE;
  for (gsize p = pos; p > 0; p--)
    {
      if (text[p - 1] == '\n' && p >= 2 && text[p - 2] == '\n')
        return FALSE;
      if ((guchar) text[p - 1] == 0xBF && p >= 2 && (guchar) text[p - 2] == 0xC2)
        return TRUE;
    }
  return FALSE;
}

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
gboolean
_cd_check_is_placeholder (const char *text,
                          gsize       length)
{
  const char *dash = memchr (text, '-', length);

  g_assert (text != NULL);

  if (dash == NULL)
    return is_placeholder_part (text, length);
  return is_placeholder_part (text, dash - text) &&
         _cd_check_is_placeholder (dash + 1, length - (dash + 1 - text));
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
      if (end > pos && _cd_check_is_placeholder (text + pos, end - pos))
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

          if (_cd_check_is_placeholder (text + word->start, n))
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
              if (end - pos >= 2 && !closes_spanish_question (ctx, field, pos))
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
