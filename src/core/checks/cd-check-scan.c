/* cd-check-scan.c: reading a field once for all the rules: which bytes are
 * prose, code, URLs or markup, and where the words are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

/* Shortcodes WordPress and its common plugins register. Brackets with an
 * attribute (name=…) or a closing [/name] are shortcodes whatever the name;
 * a bare [name] only when it is one of these, so "[sic]" and editorial
 * insertions in quotes stay prose. */
static const char *known_shortcodes[] = {
  "audio",
  "button",
  "caption",
  "column",
  "columns",
  "contact-form",
  "contact-form-7",
  "dropcap",
  "embed",
  "et_pb_section",
  "et_pb_text",
  "facebook",
  "fusion_builder_container",
  "gallery",
  "googlemaps",
  "gravityform",
  "instagram",
  "ninja_form",
  "one_half",
  "one_third",
  "playlist",
  "pullquote",
  "related",
  "soundcloud",
  "tab",
  "tabs",
  "toggle",
  "tweet",
  "twitter",
  "vc_column",
  "vc_column_text",
  "vc_row",
  "video",
  "vimeo",
  "wpforms",
  "youtube",
};

static inline void
mask_range (CdCheckField *field,
            gsize         start,
            gsize         end,
            CdCheckMask   mask)
{
  g_assert (field != NULL);

  end = MIN (end, field->length);
  if (start < end)
    memset (field->mask + start, mask, end - start);
}

static void
add_markup (CdCheckField *field,
            gsize         start,
            gsize         end,
            const char   *kind)
{
  CdCheckMarkup markup = { start, end, kind };

  g_assert (field != NULL);
  g_assert (kind != NULL);

  mask_range (field, start, end, CD_CHECK_MASK_MARKUP);
  g_array_append_val (field->markup, markup);
}

static gsize
line_end (const char *text,
          gsize       length,
          gsize       pos)
{
  const char *nl = memchr (text + pos, '\n', length - pos);

  g_assert (text != NULL);

  return nl != NULL ? (gsize) (nl - text) : length;
}

/* The cells of a table's row from @start to @end (its first and last
 * "|") that hold one short word in small letters are codes, as agencies
 * key their tables ("rn", "clr", "pc" for rain, clear, partly cloudy):
 * masked as code. */
static void
mask_table_codes (CdCheckField *field,
                  gsize         start,
                  gsize         end)
{
  const char *text = field->text;

  g_assert (field != NULL && text[start] == '|' && text[end - 1] == '|');

  for (gsize cell = start + 1, p = cell; p < end; p++)
    {
      gsize from = cell, to = p;

      if (text[p] == '\\' && p + 1 < end)
        {
          p++;
          continue;
        }
      if (text[p] != '|')
        continue;
      cell = p + 1;
      while (from < to && text[from] == ' ')
        from++;
      while (to > from && text[to - 1] == ' ')
        to--;
      if (to - from > 4 || to == from)
        continue;
      for (gsize c = from; c <= to; c++)
        if (c == to)
          mask_range (field, from, to, CD_CHECK_MASK_CODE);
        else if (!g_ascii_islower (text[c]))
          break;
    }
}

/* Fenced code blocks, link reference definitions and the codes in
 * tables, line by line. */
static void
mask_markdown_lines (CdCheckField *field)
{
  const char *text = field->text;
  gsize       pos = 0;
  char        fence_char = 0;
  gsize       fence_len = 0;

  g_assert (field != NULL);

  while (pos < field->length)
    {
      gsize end = line_end (text, field->length, pos);
      gsize p = pos;
      gsize indent = 0;

      while (p < end && text[p] == ' ' && indent < 4)
        p++, indent++;

      if (fence_char != 0)
        {
          gsize n = 0;

          while (p + n < end && text[p + n] == fence_char)
            n++;
          mask_range (field, pos, end, CD_CHECK_MASK_CODE);
          if (indent < 4 && n >= fence_len)
            fence_char = 0;
        }
      else if (indent < 4 && p + 3 <= end &&
               (strncmp (text + p, "```", 3) == 0 || strncmp (text + p, "~~~", 3) == 0))
        {
          fence_char = text[p];
          fence_len = 0;
          while (p + fence_len < end && text[p + fence_len] == fence_char)
            fence_len++;
          mask_range (field, pos, end, CD_CHECK_MASK_CODE);
        }
      else if (indent < 4 && p + 1 < end && text[p] == '|' && text[end - 1] == '|')
        mask_table_codes (field, p, end);
      else if (indent < 4 && p < end && text[p] == '[')
        {
          const char *close = memchr (text + p, ']', end - p);

          if (close != NULL && close + 1 < text + end && close[1] == ':')
            mask_range (field, pos, end, CD_CHECK_MASK_CODE);
        }
      pos = end + 1;
    }
}

static gboolean
is_url_start (const char *text,
              gsize       length,
              gsize       pos)
{
  static const char *prefixes[] = { "http://", "https://", "ftp://", "www.", "mailto:" };

  g_assert (text != NULL);

  if (pos > 0 && (g_ascii_isalnum (text[pos - 1]) || text[pos - 1] == '/'))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = strlen (prefixes[i]);

      if (pos + n < length && g_ascii_strncasecmp (text + pos, prefixes[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

static gsize
url_end (const char *text,
         gsize       length,
         gsize       pos)
{
  int   parens = 0;
  gsize end = pos;

  g_assert (text != NULL);

  while (end < length && !g_ascii_isspace (text[end]) && text[end] != '<' &&
         text[end] != '>' && text[end] != '"' && text[end] != '[' && text[end] != ']')
    {
      if (text[end] == '(')
        parens++;
      else if (text[end] == ')')
        {
          if (parens == 0)
            break;
          parens--;
        }
      else if ((guchar) text[end] >= 0x80 &&
               (g_str_has_prefix (text + end, "”") || g_str_has_prefix (text + end, "’")))
        break;
      end++;
    }
  while (end > pos && strchr (".,;:!?'*_", text[end - 1]) != NULL)
    end--;
  return end;
}

static gboolean
is_email_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* <https://…>, <mailto:…> and <someone@example.com>. */
static gsize
autolink_end (const char *text,
              gsize       length,
              gsize       pos)
{
  gsize    p = pos + 1;
  gboolean scheme = FALSE;
  gboolean at = FALSE;

  g_assert (text != NULL);

  while (p < length && p - pos < 2048)
    {
      char c = text[p];

      if (c == '>')
        return (scheme || at) && p > pos + 1 ? p + 1 : 0;
      if (g_ascii_isspace (c) || c == '<')
        return 0;
      if (c == ':' && p > pos + 2)
        scheme = TRUE;
      if (c == '@')
        at = TRUE;
      p++;
    }
  return 0;
}

static gsize
html_tag_end (const char *text,
              gsize       length,
              gsize       pos)
{
  gsize p = pos + 1;

  g_assert (text != NULL);

  if (p < length && text[p] == '/')
    p++;
  if (p >= length || !g_ascii_isalpha (text[p]))
    return 0;
  while (p < length && (g_ascii_isalnum (text[p]) || text[p] == '-'))
    p++;
  if (p >= length || (!g_ascii_isspace (text[p]) && text[p] != '>' && text[p] != '/'))
    return 0;
  while (p < length && p - pos < 2048)
    {
      if (text[p] == '>')
        return p + 1;
      if (text[p] == '<' || (text[p] == '\n' && p + 1 < length && text[p + 1] == '\n'))
        return 0;
      p++;
    }
  return 0;
}

static gsize
html_comment_end (const char *text,
                  gsize       length,
                  gsize       pos)
{
  const char *end;

  g_assert (text != NULL);

  if (pos + 4 > length || strncmp (text + pos, "<!--", 4) != 0)
    return 0;
  end = g_strstr_len (text + pos + 4, length - pos - 4, "-->");
  return end != NULL ? (gsize) (end - text) + 3 : length;
}

static gsize
entity_end (const char *text,
            gsize       length,
            gsize       pos)
{
  gsize p = pos + 1;
  gsize start;

  g_assert (text != NULL);

  if (p < length && text[p] == '#')
    {
      p++;
      if (p < length && (text[p] == 'x' || text[p] == 'X'))
        p++;
      start = p;
      while (p < length && g_ascii_isxdigit (text[p]))
        p++;
    }
  else
    {
      start = p;
      while (p < length && g_ascii_isalpha (text[p]))
        p++;
    }
  if (p - start >= 2 && p - start <= 10 && p < length && text[p] == ';')
    return p + 1;
  return 0;
}

/* The byte at pos as the reader sees it: in Markdown a backslash before
 * ASCII punctuation only escapes it, and wire importers escape every
 * bracket and underscore of a pasted shortcode (\[give\_form …\]). */
static char
rendered_byte (const CdCheckField *field,
               gsize               pos,
               gsize              *next)
{
  const char *text = field->text;

  g_assert (field != NULL);
  g_assert (next != NULL);

  if (field->markdown && text[pos] == '\\' && pos + 1 < field->length &&
      g_ascii_ispunct (text[pos + 1]))
    {
      *next = pos + 2;
      return text[pos + 1];
    }
  *next = pos + 1;
  return text[pos];
}

static gboolean
is_shortcode_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* [caption id="x"], [/caption], [gallery], [give_form id=”1″], also escaped
 * as \[give\_form …\], but not [link](url), [ref][x], [sic] or a task-list
 * [x]. pos is the opening bracket, or the backslash escaping it. */
static gsize
shortcode_end (const CdCheckField *field,
               gsize               pos)
{
  const char *text = field->text;
  gsize       length = field->length;
  gsize       p, next;
  gboolean    closing = FALSE;
  gboolean    attribute = FALSE;
  char        c;
  g_autoptr (GString) name = g_string_new (NULL);

  g_assert (field != NULL);

  if (rendered_byte (field, pos, &p) != '[' || p >= length)
    return 0;
  c = rendered_byte (field, p, &next);
  if (c == '/')
    {
      closing = TRUE;
      p = next;
      if (p >= length)
        return 0;
      c = rendered_byte (field, p, &next);
    }
  if (!(g_ascii_isalpha (c) || c == '_'))
    return 0;
  while (p < length && is_shortcode_name_char (c = rendered_byte (field, p, &next)))
    {
      g_string_append_c (name, g_ascii_tolower (c));
      p = next;
    }
  if (p >= length || (c != ' ' && c != ']' && c != '/'))
    return 0;
  while (p < length && (c = rendered_byte (field, p, &next)) != ']')
    {
      if (c == '[' || c == '\n')
        return 0;
      if (c == '=')
        attribute = TRUE;
      p = next;
    }
  if (p >= length)
    return 0;
  p = next;
  if (field->markdown && p < length && (text[p] == '(' || text[p] == '[' || text[p] == ':'))
    return 0;

  /* An underscore never appears in a bracketed editorial insertion, and
   * plugin shortcodes (give_form, et_pb_text) have one. */
  if (closing || attribute || strchr (name->str, '_') != NULL)
    return p;
  for (guint i = 0; i < G_N_ELEMENTS (known_shortcodes); i++)
    if (g_str_equal (name->str, known_shortcodes[i]))
      return p;
  return 0;
}

static gsize
link_destination_end (const char *text,
                      gsize       length,
                      gsize       pos)
{
  int depth = 0;

  g_assert (text != NULL);

  for (gsize p = pos; p < length && p - pos < 4096; p++)
    {
      if (text[p] == '\n')
        return 0;
      if (text[p] == '\\')
        {
          p++;
          continue;
        }
      if (text[p] == '(')
        depth++;
      else if (text[p] == ')' && --depth == 0)
        return p + 1;
    }
  return 0;
}

static void
mask_inline (CdCheckField *field)
{
  const char *text = field->text;
  gsize       length = field->length;
  gsize       pos = 0;

  g_assert (field != NULL);

  while (pos < length)
    {
      char  c = text[pos];
      gsize end = 0;

      if (field->mask[pos] != CD_CHECK_MASK_PROSE)
        {
          pos++;
          continue;
        }

      if (c == '`' && field->markdown)
        {
          gsize n = 0;
          gsize p;

          while (pos + n < length && text[pos + n] == '`')
            n++;
          for (p = pos + n; p < length; p++)
            {
              if (text[p] == '`')
                {
                  gsize m = 0;

                  while (p + m < length && text[p + m] == '`')
                    m++;
                  if (m == n)
                    {
                      end = p + m;
                      break;
                    }
                  p += m - 1;
                }
              else if (text[p] == '\n' && p + 1 < length && text[p + 1] == '\n')
                break;
            }
          if (end != 0)
            mask_range (field, pos, end, CD_CHECK_MASK_CODE);
          else
            end = pos + n;
          pos = end;
          continue;
        }
      else if (c == '<')
        {
          if ((end = autolink_end (text, length, pos)) != 0)
            mask_range (field, pos, end, CD_CHECK_MASK_CODE);
          else if ((end = html_comment_end (text, length, pos)) != 0)
            add_markup (field, pos, end, "HTML comment");
          else if ((end = html_tag_end (text, length, pos)) != 0)
            add_markup (field, pos, end, "HTML tag");
        }
      else if (c == '[' || (c == '\\' && field->markdown && pos + 1 < length &&
                            text[pos + 1] == '['))
        {
          if ((end = shortcode_end (field, pos)) != 0)
            add_markup (field, pos, end, "shortcode");
        }
      else if (c == '&')
        {
          if ((end = entity_end (text, length, pos)) != 0)
            add_markup (field, pos, end, "HTML entity");
        }
      else if (c == ']' && field->markdown && pos + 1 < length && text[pos + 1] == '(')
        {
          if ((end = link_destination_end (text, length, pos + 1)) != 0)
            mask_range (field, pos + 1, end, CD_CHECK_MASK_CODE);
          else
            end = 0;
        }
      else if (is_url_start (text, length, pos))
        {
          end = url_end (text, length, pos);
          mask_range (field, pos, end, CD_CHECK_MASK_CODE);
        }
      else if (c == '@' && pos > 0 && pos + 1 < length && g_ascii_isalnum (text[pos + 1]))
        {
          gsize start = pos;

          /* An address, or a social-media handle. */
          while (start > 0 && is_email_char (text[start - 1]))
            start--;
          end = pos + 1;
          while (end < length && (is_email_char (text[end])))
            end++;
          while (end > pos + 1 && text[end - 1] == '.')
            end--;
          if (start == pos && start > 0 && !g_ascii_isspace (text[start - 1]) &&
              text[start - 1] != '(')
            end = 0;
          else
            mask_range (field, start, end, CD_CHECK_MASK_CODE);
        }
      else if (c == '@' && pos == 0 && length > 1 && g_ascii_isalnum (text[1]))
        {
          end = 1;
          while (end < length && is_email_char (text[end]))
            end++;
          mask_range (field, 0, end, CD_CHECK_MASK_CODE);
        }
      else if (c == '#' && pos + 1 < length && g_ascii_isalnum (text[pos + 1]) &&
               pos > 0 && g_ascii_isspace (text[pos - 1]))
        {
          /* A hashtag; a Markdown heading has a space after its #. */
          end = pos + 1;
          while (end < length && (g_ascii_isalnum (text[end]) || text[end] == '_'))
            end++;
          mask_range (field, pos, end, CD_CHECK_MASK_CODE);
        }

      pos = end > pos ? end : pos + 1;
    }
}

static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* A paragraph's dateline has at most this many words ("SAN FRANCISCO,
 * Calif. (AP) —"). */
#define DATELINE_WORDS 8

static gboolean
is_dateline_separator (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x00B7 || c == 0x2022;
}

/* The words between @start and @end, the source in a dateline's
 * brackets. */
static void
mark_dateline_source (CdCheckField *field,
                      gsize         start,
                      gsize         end)
{
  g_assert (field != NULL);

  for (guint i = field->words->len; i > 0; i--)
    {
      CdCheckWord *word = &g_array_index (field->words, CdCheckWord, i - 1);

      if (word->start < start)
        break;
      if (word->end <= end)
        word->flags |= CD_CHECK_WORD_DATELINE_SOURCE;
    }
}

static void
find_words (CdCheckField *field)
{
  const char *text = field->text;
  const char *end = text + field->length;
  const char *p = text;
  gboolean    sentence_start = TRUE;
  gboolean    after_dateline = FALSE;
  gboolean    spaces_only = FALSE; /* since the previous word, only spaces */
  gboolean    seen_space = FALSE;
  gboolean    line_start = TRUE;
  guint       line_words = 0; /* words since the line's start */
  gsize       bracket = 0;    /* after the line's last "(", or 0 */
  gsize       marker_end = 0; /* after the word that opens a line, if short */

  g_assert (field != NULL);

  while (p < end)
    {
      gsize    offset = p - text;
      gunichar c = g_utf8_get_char (p);

      if (field->mask[offset] != CD_CHECK_MASK_PROSE)
        {
          spaces_only = FALSE;
          p = g_utf8_next_char (p);
          continue;
        }

      if (is_word_char (c))
        {
          CdCheckWord word = { offset, 0, 0 };
          guint       letters = 0, upper = 0, lower = 0;
          const char *q = p;
          gboolean    first = TRUE;

          while (q < end)
            {
              gunichar d = g_utf8_get_char (q);

              if (field->mask[q - text] != CD_CHECK_MASK_PROSE)
                break;
              if (is_joiner (d))
                {
                  const char *next = g_utf8_next_char (q);

                  if (next < end && field->mask[next - text] == CD_CHECK_MASK_PROSE &&
                      is_word_char (g_utf8_get_char (next)))
                    {
                      q = next;
                      continue;
                    }
                  break;
                }
              if (!is_word_char (d))
                break;
              if (d < 0x80)
                {
                  /* ASCII, most of any English text, without the Unicode tables. */
                  if (g_ascii_isdigit (d))
                    word.flags |= CD_CHECK_WORD_HAS_DIGIT;
                  else if (g_ascii_isupper (d))
                    {
                      letters++, upper++;
                      word.flags |= first ? CD_CHECK_WORD_CAPITALISED : CD_CHECK_WORD_MIXED_CASE;
                    }
                  else if (g_ascii_islower (d))
                    letters++, lower++;
                }
              else if (g_unichar_isdigit (d))
                word.flags |= CD_CHECK_WORD_HAS_DIGIT;
              else if (g_unichar_isalpha (d))
                {
                  letters++;
                  if (g_unichar_isupper (d) || g_unichar_istitle (d))
                    {
                      upper++;
                      if (first)
                        word.flags |= CD_CHECK_WORD_CAPITALISED;
                      else
                        word.flags |= CD_CHECK_WORD_MIXED_CASE;
                    }
                  else if (g_unichar_islower (d))
                    lower++;
                }
              first = FALSE;
              q = g_utf8_next_char (q);
            }
          word.end = q - text;
          if (letters >= 2 && lower == 0 && upper == letters)
            word.flags |= CD_CHECK_WORD_ALL_CAPS;
          if (sentence_start)
            word.flags |= CD_CHECK_WORD_SENTENCE_START;
          else if (after_dateline)
            word.flags |= CD_CHECK_WORD_AFTER_DATELINE;
          if (spaces_only && seen_space)
            word.flags |= CD_CHECK_WORD_SPACE_BEFORE;
          g_array_append_val (field->words, word);

          marker_end = line_start && word.end - word.start <= 3 ? word.end : 0;
          line_start = FALSE;
          line_words++;
          sentence_start = FALSE;
          after_dateline = FALSE;
          spaces_only = TRUE;
          seen_space = FALSE;
          p = q;
          continue;
        }

      if (c == ' ')
        seen_space = TRUE;
      else
        spaces_only = FALSE;

      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == 0x2026)
        sentence_start = TRUE;
      /* A list's mark opening a line, "1)", "b)", "1D)": a sentence follows. */
      else if (c == ')' && offset == marker_end)
        sentence_start = TRUE;
      /* The dash or dot after a dateline, "BERLIN (dpa) – Die Zahl",
       * "Berlin · Die Zahl": the story's first sentence follows. */
      else if (is_dateline_separator (c) && line_words <= DATELINE_WORDS && offset > 0 &&
               text[offset - 1] == ' ' && g_utf8_next_char (p) < end && *g_utf8_next_char (p) == ' ')
        {
          after_dateline = TRUE;
          if (offset >= 2 && text[offset - 2] == ')' && bracket > 0)
            mark_dateline_source (field, bracket, offset);
        }
      if (c == '(')
        bracket = offset + 1;
      if (c == '\n')
        line_start = TRUE, line_words = 0, bracket = 0;
      p = g_utf8_next_char (p);
    }
}

void
_cd_check_field_prepare (CdCheckField *field)
{
  field->mask = g_malloc0 (field->length + 1);
  field->words = g_array_new (FALSE, FALSE, sizeof (CdCheckWord));
  field->markup = g_array_new (FALSE, FALSE, sizeof (CdCheckMarkup));

  if (field->markdown)
    mask_markdown_lines (field);
  mask_inline (field);
  find_words (field);
}

void
_cd_check_field_clear (CdCheckField *field)
{
  g_clear_pointer (&field->mask, g_free);
  g_clear_pointer (&field->words, g_array_unref);
  g_clear_pointer (&field->markup, g_array_unref);
}
