/* cd-check-inverted.c: Spanish's opening question and exclamation marks
 * (¿…?, ¡…!), for the quotes rule: a question or exclamation that lacks its
 * opening mark, and an opening mark never closed in its paragraph.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

enum
{
  QUESTION,
  EXCLAMATION,
  N_KINDS
};

static const struct
{
  gunichar    open;
  gunichar    close;
  const char *missing;
  const char *unclosed;
} kinds[N_KINDS] = {
  {0x00BF,  '?', "A question in Spanish opens with “¿”",     "This “¿” opens a question that never closes"    },
  { 0x00A1, '!', "An exclamation in Spanish opens with “¡”", "This “¡” opens an exclamation that never closes"},
};

/* Whether the full stop at @stop ends an abbreviation (Sr., Dra., an
 * initial, EE.UU. before a word in lower case) rather than a sentence (la
 * ONU., EE.UU. before a capital); a stop inside a word (EE.UU, 3.5) ends
 * nothing. */
static gboolean
is_abbreviation_stop (const CdCheckField *field,
                      gsize               stop)
{
  const char *text = field->text;
  gsize       start = stop, next = stop + 1;
  gboolean    dotted = FALSE;

  g_assert (field != NULL);

  if (next < field->length && g_ascii_isalnum (text[next]))
    return TRUE;
  while (start > 0 && (g_ascii_isalpha (text[start - 1]) || text[start - 1] == '.'))
    {
      dotted = dotted || text[start - 1] == '.';
      start--;
    }
  if (stop == start)
    return FALSE;
  if (dotted)
    {
      while (next < field->length && text[next] == ' ')
        next++;
      return next < field->length && !g_unichar_isupper (g_utf8_get_char (text + next));
    }
  if (stop - start == 1)
    return TRUE;
  if (stop - start > 3 || !g_ascii_isupper (text[start]))
    return FALSE;
  for (gsize p = start + 1; p < stop; p++)
    if (!g_ascii_islower (text[p]))
      return FALSE;
  return TRUE;
}

/* Where the sentence (or the clause after a colon, a semicolon, an opening
 * quotation mark, bracket or dialogue dash) that ends at @pos starts, no
 * earlier than @paragraph; a quote or bracket that opens and closes inside
 * it is part of it. */
static gsize
sentence_start (const CdCheckField *field,
                gsize               paragraph,
                gsize               pos)
{
  static const gunichar pairs[][2] = {
    {'(',     ')'   },
    { 0x00AB, 0x00BB},
    { 0x201C, 0x201D},
  };
  const char *text = field->text;
  gsize       p = pos;
  guint       depth = 0;

  g_assert (field != NULL);

  while (p > paragraph)
    {
      const char *prev = g_utf8_prev_char (text + p);
      gunichar    c = g_utf8_get_char (prev);
      gboolean    stop = FALSE;

      if (field->mask[prev - text] == CD_CHECK_MASK_PROSE)
        {
          for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
            if (c == pairs[i][1])
              depth++;
            else if (c == pairs[i][0] && depth > 0)
              depth--;
            else if (c == pairs[i][0])
              stop = TRUE;
          /* A straight quotation mark that opens: after a space, before
           * a word. */
          if (c == '"' && depth == 0 && text[p] != ' ' && (prev == text || prev[-1] == ' ' || prev[-1] == '\n'))
            stop = TRUE;
          if ((c < 0x80 && strchr ("\n!?:;", (int) c) != NULL) || c == 0x2014 || c == 0x00BF || c == 0x00A1 ||
              (c == '.' && !is_abbreviation_stop (field, prev - text)))
            stop = TRUE;
        }
      if (stop)
        break;
      p = prev - text;
    }
  while (p < pos && (text[p] == ' ' || field->mask[p] != CD_CHECK_MASK_PROSE))
    p++;
  return p;
}

/* Whether the mark at @pos ends a sentence: an exclamation mark straight
 * after a name (Yahoo! anunció) does not. */
static gboolean
ends_sentence (const CdCheckField *field,
               gsize               pos)
{
  gsize    p = pos + 1;
  gunichar c;

  g_assert (field != NULL);

  while (p < field->length && field->text[p] == ' ')
    p++;
  if (p >= field->length || field->text[p] == '\n')
    return TRUE;
  c = g_utf8_get_char (field->text + p);
  if (p == pos + 1)
    return !g_unichar_isalnum (c);
  return !g_unichar_islower (c) && c != ',';
}

static void
report_unclosed (CdCheckContext *ctx,
                 guint           f,
                 GArray         *open[N_KINDS])
{
  g_assert (ctx != NULL);

  for (guint k = 0; k < N_KINDS; k++)
    {
      for (guint i = 0; i < open[k]->len; i++)
        {
          gsize start = g_array_index (open[k], gsize, i);

          _cd_check_add (ctx, f, CD_CHECK_RULE_QUOTES, CD_CHECK_SEVERITY_ERROR, start, start + 2, NULL,
                         "%s", kinds[k].unclosed);
        }
      g_array_set_size (open[k], 0);
    }
}

static void
check_field (CdCheckContext *ctx,
             guint           f,
             GArray         *open[N_KINDS])
{
  const CdCheckField *field = &ctx->fields[f];
  const char         *text = field->text;
  gsize               paragraph = 0;
  gboolean            run = FALSE; /* the last mark was a ? or ! */

  g_assert (ctx != NULL);

  for (gsize pos = 0; pos < field->length; pos = g_utf8_next_char (text + pos) - text)
    {
      gunichar c = g_utf8_get_char (text + pos);
      gboolean in_run = run;

      run = FALSE;
      if (c == '\n')
        {
          gsize p = pos + 1;

          while (p < field->length && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
            p++;
          if (p < field->length && text[p] == '\n')
            {
              report_unclosed (ctx, f, open);
              paragraph = p;
            }
          continue;
        }
      if (field->mask[pos] != CD_CHECK_MASK_PROSE)
        continue;
      /* "Cuesta ?? euros": a placeholder, which the leftover rule reports. */
      if (c == '?' && pos + 1 < field->length && text[pos + 1] == '?' && (pos == 0 || text[pos - 1] == ' '))
        {
          while (pos + 1 < field->length && text[pos + 1] == '?')
            pos++;
          continue;
        }
      for (guint k = 0; k < N_KINDS; k++)
        {
          if (c == kinds[k].open)
            g_array_append_val (open[k], pos);
          if (c != kinds[k].close)
            continue;
          run = TRUE;
          /* ?id=3 in an address; (?) for a doubt. */
          if ((pos + 1 < field->length && g_ascii_isalnum (text[pos + 1])) ||
              (pos > 0 && text[pos - 1] == '(' && pos + 1 < field->length && text[pos + 1] == ')'))
            break;
          if (open[k]->len > 0)
            g_array_set_size (open[k], open[k]->len - 1);
          else if (!in_run && (c == '?' || ends_sentence (field, pos)))
            {
              gsize            start = sentence_start (field, paragraph, pos);
              g_autofree char *fix = NULL;

              if (start == pos)
                break;
              fix = g_strdup_printf ("%s%.*s", c == '?' ? "¿" : "¡", (int) (pos + 1 - start), text + start);
              _cd_check_add (ctx, f, CD_CHECK_RULE_QUOTES, CD_CHECK_SEVERITY_WARNING, start, pos + 1, fix,
                             "%s", kinds[k].missing);
            }
        }
    }
  report_unclosed (ctx, f, open);
}

void
_cd_check_inverted_marks (CdCheckContext *ctx)
{
  GArray *open[N_KINDS];

  g_return_if_fail (ctx != NULL);

  for (guint k = 0; k < N_KINDS; k++)
    open[k] = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (guint f = 0; f < ctx->n_fields; f++)
    if (ctx->fields[f].prose)
      check_field (ctx, f, open);
  for (guint k = 0; k < N_KINDS; k++)
    g_array_unref (open[k]);
}
