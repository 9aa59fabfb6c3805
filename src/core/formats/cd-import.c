/* cd-import.c: articles from Markdown, wire copy and HTML files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cd-frontmatter.h"
#include "cd-import.h"
#include "cd-import-private.h"
#include "cd-render.h"

#define UTF8_BOM "\xef\xbb\xbf"

/**
 * cd_import_format_for_path:
 * @path: a file name
 *
 * Returns: the format its extension names (.md and .markdown are Markdown,
 *   .txt wire copy, .html and .htm HTML), or %CD_IMPORT_FORMAT_AUTO when
 *   the extension is none of those
 */
CdImportFormat
cd_import_format_for_path (const char *path)
{
  g_autofree char *base = NULL;
  const char      *dot;

  g_return_val_if_fail (path != NULL, CD_IMPORT_FORMAT_AUTO);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return CD_IMPORT_FORMAT_AUTO;
  if (g_ascii_strcasecmp (dot, ".md") == 0 || g_ascii_strcasecmp (dot, ".markdown") == 0)
    return CD_IMPORT_FORMAT_MARKDOWN;
  if (g_ascii_strcasecmp (dot, ".txt") == 0)
    return CD_IMPORT_FORMAT_WIRE;
  if (g_ascii_strcasecmp (dot, ".html") == 0 || g_ascii_strcasecmp (dot, ".htm") == 0)
    return CD_IMPORT_FORMAT_HTML;
  return CD_IMPORT_FORMAT_AUTO;
}

static gsize
skip_bom (const char *text,
          gsize       length)
{
  return length >= 3 && memcmp (text, UTF8_BOM, 3) == 0 ? 3 : 0;
}

/* Refuses what is not UTF-8 text, naming the place of the first bad byte. */
gboolean
_cd_import_check_text (const char *text,
                       gsize       length,
                       const char *origin,
                       GError    **error)
{
  const char *nul, *end;
  gboolean    blank = TRUE;

  if (length == 0)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the file is empty.", origin);
      return FALSE;
    }

  nul = memchr (text, '\0', length);
  if (nul != NULL)
    {
      /* clang-format off */
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_BINARY,
                   "%s: the file holds binary data, not text (a NUL byte at byte offset %"
                   G_GSIZE_FORMAT ").", origin, (gsize) (nul - text));
      /* clang-format on */
      return FALSE;
    }

  if (!g_utf8_validate_len (text, length, &end))
    {
      gsize line = 1;

      for (const char *p = text; p < end; p++)
        if (*p == '\n')
          line++;
      /* clang-format off */
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID_UTF8,
                   "%s: line %" G_GSIZE_FORMAT " is not valid UTF-8 (byte offset %"
                   G_GSIZE_FORMAT "); save the file as UTF-8 and import it again.",
                   origin, line, (gsize) (end - text));
      /* clang-format on */
      return FALSE;
    }

  for (gsize i = skip_bom (text, length); i < length && blank; i++)
    blank = g_ascii_isspace (text[i]);
  if (blank)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the file has no text in it, only blank space.", origin);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_entity_like (const char *p,
                const char *end)
{
  /* p points at '&'. Only "&name;" and "&#123;" could turn into other text. */
  const char *q = p + 1;

  if (q < end && *q == '#')
    q++;
  if (q >= end || !g_ascii_isalnum (*q))
    return FALSE;
  while (q < end && g_ascii_isalnum (*q))
    q++;
  return q < end && *q == ';';
}

/* Backslash-escapes what Markdown would read as markup inside a line. */
void
_cd_markdown_escape_inline (GString    *out,
                            const char *text,
                            gssize      length)
{
  const char *end;

  if (length < 0)
    length = strlen (text);
  end = text + length;

  for (const char *p = text; p < end; p++)
    {
      switch (*p)
        {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '|':
        case '~':
          g_string_append_c (out, '\\');
          break;
        case '&':
          if (is_entity_like (p, end))
            g_string_append_c (out, '\\');
          break;
        default:
          break;
        }
      g_string_append_c (out, *p);
    }
}

/* Backslash-escapes what would start a block at the start of a line: a
 * heading, list item, setext underline or quote. Expects lines without
 * leading spaces. One pass into a new string, so that text with many
 * lines costs no more than its length. */
void
_cd_markdown_escape_line_starts (GString *text)
{
  g_autoptr (GString) out = g_string_sized_new (text->len + 16);
  gsize pos = 0;

  while (pos < text->len)
    {
      const char *nl = memchr (text->str + pos, '\n', text->len - pos);
      gsize       end = nl ? (gsize) (nl - text->str) + 1 : text->len;
      char        c = text->str[pos];

      if (c == '#' || c == '-' || c == '+' || c == '=' || c == '>')
        g_string_append_c (out, '\\');
      else if (g_ascii_isdigit (c))
        {
          gsize q = pos;

          while (q < end && g_ascii_isdigit (text->str[q]) && q - pos < 10)
            q++;
          if (q < end && (text->str[q] == '.' || text->str[q] == ')'))
            {
              /* "1986. A year" must not start an ordered list. */
              g_string_append_len (out, text->str + pos, q - pos);
              g_string_append_c (out, '\\');
              pos = q;
            }
        }
      g_string_append_len (out, text->str + pos, end - pos);
      pos = end;
    }
  g_string_truncate (text, 0);
  g_string_append_len (text, out->str, out->len);
}

/**
 * cd_markdown_escape:
 * @text: plain text
 *
 * Returns: (transfer full): @text as Markdown that renders back to the
 *   same text
 */
char *
cd_markdown_escape (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 16);
  _cd_markdown_escape_inline (out, text, -1);
  _cd_markdown_escape_line_starts (out);
  return g_string_free (out, FALSE);
}

/* Markdown */

/* An ATX level-one heading on the first line with text: "# Headline". */
static char *
take_leading_heading (const char  *body,
                      const char **rest)
{
  const char *p = body, *eol, *start, *end;

  while (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t')
    {
      /* Only whole blank lines are skipped. */
      const char *q = p;
      while (*q == ' ' || *q == '\t')
        q++;
      if (*q == '\r')
        q++;
      if (*q != '\n')
        break;
      p = q + 1;
    }
  for (int i = 0; i < 3 && *p == ' '; i++)
    p++;
  if (p[0] != '#' || (p[1] != ' ' && p[1] != '\t'))
    return NULL;

  eol = strchr (p, '\n');
  if (eol == NULL)
    eol = p + strlen (p);
  start = p + 1;
  end = eol;
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  /* A closing sequence of #s preceded by a space is not part of it. */
  {
    const char *h = end;
    while (h > start && h[-1] == '#')
      h--;
    if (h < end && (h == start || h[-1] == ' ' || h[-1] == '\t'))
      {
        end = h;
        while (end > start && g_ascii_isspace (end[-1]))
          end--;
      }
  }
  if (start == end)
    return NULL;

  /* The body goes on after the heading and the blank lines below it. */
  p = *eol ? eol + 1 : eol;
  while (TRUE)
    {
      const char *q = p;
      while (*q == ' ' || *q == '\t' || *q == '\r')
        q++;
      if (*q != '\n')
        break;
      p = q + 1;
    }
  *rest = p;
  return g_strndup (start, end - start);
}

/**
 * cd_import_markdown:
 * @text: the file's text
 * @length: its length in bytes
 * @origin: the file name that messages start with
 * @error: return location for an error
 *
 * Reads a Markdown article with optional YAML front matter. The body is
 * the text after the front matter, unchanged. A file without front matter
 * whose first line is a level-one heading ("# …") takes its text as the headline,
 * and the body starts after it.
 *
 * Returns: (transfer full) (nullable): a new article
 */
CdArticle *
cd_import_markdown (const char *text,
                    gsize       length,
                    const char *origin,
                    GError    **error)
{
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *body = NULL;
  gsize            body_offset = 0, bom;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  if (!_cd_import_check_text (text, length, origin, error))
    return NULL;
  bom = skip_bom (text, length);
  text += bom;
  length -= bom;

  article = cd_article_new ();
  if (!cd_front_matter_parse (text, length, origin, article, &body_offset, error))
    return NULL;

  body = g_strndup (text + body_offset, length - body_offset);
  if (body_offset == 0)
    {
      const char      *rest = NULL;
      g_autofree char *headline = take_leading_heading (body, &rest);

      if (headline != NULL)
        {
          /* The headline is plain text: "The *big* day" is "The big day". */
          g_autofree char *plain = cd_render_plain_text (headline, -1);
          char            *tail = g_strdup (rest);

          cd_article_set_headline (article, *plain != '\0' ? plain : headline);
          g_free (body);
          body = tail;
        }
    }
  cd_article_set_body (article, body);
  return g_steal_pointer (&article);
}

/* Wire copy */

typedef struct
{
  GPtrArray *lines; /* trimmed lines of one blank-line-separated block */
} Block;

static void
block_free (gpointer data)
{
  Block *b = data;

  g_ptr_array_unref (b->lines);
  g_free (b);
}

static GPtrArray *
split_blocks (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);
  Block     *current = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        {
          current = NULL;
          continue;
        }
      if (current == NULL)
        {
          current = g_new0 (Block, 1);
          current->lines = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (blocks, current);
        }
      g_ptr_array_add (current->lines, g_strdup (line));
    }
  return blocks;
}

static char *
block_join (Block *b)
{
  g_ptr_array_add (b->lines, NULL);
  char *joined = g_strjoinv (" ", (char **) b->lines->pdata);
  g_ptr_array_remove_index (b->lines, b->lines->len - 1);
  return joined;
}

static GRegex *
wire_regex (guint which)
{
#define MONTHS "(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|" \
               "June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|"        \
               "Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)"
#define WEEKDAYS "(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day|\\.)?)"
  /* "Nov 24", "Nov. 24, 2026", "24 November", "24 Nov 2026", "Tuesday" */
#define DATE "(?<date>" MONTHS "\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}\\.?\\s+" MONTHS \
             "(?:\\s+\\d{4})?|" WEEKDAYS ")"
  static const char *patterns[] = {
    /* PLACE (SOURCE) — text, PLACE, DATE (SOURCE) - text */
    "^(?<place>\\p{Lu}[^()\\n:;\"“”]{0,79}?)(?:,\\s*" DATE ")?"
    "\\s*\\((?<source>[^()\\n]{1,40})\\)\\s*(?:—|–|--?)\\s*(?<rest>.*)$",
    /* PLACE — text, with the place in capitals and no source */
    "^(?<place>\\p{Lu}[\\p{Lu}.'’ -]*\\p{Lu}\\.?(?:,\\s*(?!" WEEKDAYS "\\s)\\p{Lu}[\\p{L}.'’ -]{0,40}?)?)"
    "(?:,\\s*" DATE ")?\\s+(?:—|–|--)\\s*(?<rest>.+)$",
    /* – Subhead – */
    "^[-–—]+\\s*(?<text>[^-–—].*?)\\s*[-–—]+$",
    /* Photo credits: "Photo: Name/Agency", "(AP Photo/Name)", "REUTERS/Name" */
    "^(?:(?:photo(?:graph)?s?|foto|picture|image|credit)\\s*(?:by\\s+|:\\s*)(?<credit>.+)|"
    "\\((?<paren>[^()]*\\b(?:photo|foto)\\b[^()]*)\\)|"
    "(?<agency>\\p{Lu}{2,}(?: \\p{Lu}+)*/\\S.*))$",
    /* A caption with its credit at the end: "… on Tuesday. (AP Photo/Name)" */
    "^(?<caption>.+?)\\s*\\((?<credit>[^()]*\\b(?:photo|foto)\\b[^()]*)\\)$",
    /* Caption prefixes */
    "^(?:photo caption|caption|bildunterschrift)\\s*:\\s*(?<caption>.+)$",
    /* By Jane Doe */
    "^by\\s+(?<name>\\S.*)$",
    /* End of story marks */
    "^(?:#{3,}|-\\s*30\\s*-|\\(?end\\)?|ends)$",
  };
  static GRegex *regexes[G_N_ELEMENTS (patterns)];

  g_assert (which < G_N_ELEMENTS (patterns));
  if (g_once_init_enter (&regexes[which]))
    {
      GRegexCompileFlags flags = G_REGEX_OPTIMIZE;
      g_autoptr (GError) error = NULL;
      GRegex *regex;

      if (which >= 3)
        flags |= G_REGEX_CASELESS;
      regex = g_regex_new (patterns[which], flags, 0, &error);
      g_assert_no_error (error);
      g_once_init_leave (&regexes[which], regex);
    }
  return regexes[which];
#undef DATE
#undef WEEKDAYS
#undef MONTHS
}

enum
{
  RE_DATELINE,
  RE_DATELINE_NO_SOURCE,
  RE_SUBHEAD,
  RE_CREDIT,
  RE_CAPTION_WITH_CREDIT,
  RE_CAPTION_PREFIX,
  RE_BYLINE,
  RE_END,
};

static char *
match_group (GRegex     *regex,
             const char *text,
             const char *group)
{
  g_autoptr (GMatchInfo) info = NULL;
  char *value;

  if (!g_regex_match (regex, text, 0, &info))
    return NULL;
  value = g_match_info_fetch_named (info, group);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static void
append_sentence (GString    *s,
                 const char *text)
{
  if (s->len > 0)
    g_string_append_c (s, ' ');
  g_string_append (s, text);
}

/* The source in brackets is an agency: a name with a capital, or one of
 * the agencies that write theirs in lower case. That keeps "He said
 * (again) - no" from reading as a dateline. */
static gboolean
plausible_source (const char *source)
{
  static const char *lower_case_agencies[] = {
    "dpa",
    "epd",
    "kna",
    "sid",
    "apa",
    "sda",
    "ansa",
    "efe",
    "dpa-afx",
  };

  for (const char *p = source; *p; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (lower_case_agencies); i++)
    if (g_ascii_strcasecmp (source, lower_case_agencies[i]) == 0)
      return TRUE;
  return FALSE;
}

static GMatchInfo *
match_dateline (const char *paragraph)
{
  GMatchInfo *info = NULL;

  if (g_regex_match (wire_regex (RE_DATELINE), paragraph, 0, &info))
    {
      g_autofree char *source = g_match_info_fetch_named (info, "source");
      g_autofree char *place = g_match_info_fetch_named (info, "place");
      g_auto (GStrv) words = g_strsplit (g_strstrip (place), " ", -1);

      if (plausible_source (g_strstrip (source)) && g_strv_length (words) <= 5)
        return info;
    }
  g_clear_pointer (&info, g_match_info_free);
  if (g_regex_match (wire_regex (RE_DATELINE_NO_SOURCE), paragraph, 0, &info))
    return info;
  g_clear_pointer (&info, g_match_info_free);
  return NULL;
}

/* "By Jane Doe" gives "Jane Doe"; "By the river, residents waited." is
 * no byline: a name is a few words without a full stop. */
static char *
byline_of_line (const char *line)
{
  g_autofree char *name = match_group (wire_regex (RE_BYLINE), line, "name");
  g_auto (GStrv) words = NULL;

  if (name == NULL || g_str_has_suffix (name, "."))
    return NULL;
  words = g_strsplit (name, " ", -1);
  if (g_strv_length (words) > 8 || !g_unichar_isupper (g_utf8_get_char (name)))
    return NULL;
  return g_steal_pointer (&name);
}

/* A photo credit line gives the credit; NULL when the line is not one. */
static char *
credit_of_line (const char *line)
{
  g_autoptr (GMatchInfo) info = NULL;
  static const char *groups[] = { "credit", "paren", "agency" };

  if (!g_regex_match (wire_regex (RE_CREDIT), line, 0, &info))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *value = g_match_info_fetch_named (info, groups[i]);
      if (value != NULL && *value != '\0')
        return g_strstrip (g_steal_pointer (&value));
    }
  return NULL;
}

/* Reads the short lines above the dateline: byline, photo caption and
 * credit, and a standfirst. */
static void
read_preamble (CdArticle *article,
               GPtrArray *blocks,
               guint      n_blocks)
{
  g_autoptr (GString) caption = g_string_new (NULL);
  g_autoptr (GString) credit = g_string_new (NULL);
  g_autoptr (GString) byline = g_string_new (NULL);
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_blocks; i++)
    {
      Block *b = g_ptr_array_index (blocks, i);
      g_autoptr (GString) other = g_string_new (NULL);
      gboolean had_credit = FALSE, had_byline = FALSE;

      for (guint j = 0; j < b->lines->len; j++)
        {
          const char      *line = g_ptr_array_index (b->lines, j);
          g_autofree char *by = byline_of_line (line);
          g_autofree char *line_credit = credit_of_line (line);
          g_autofree char *prefixed = match_group (wire_regex (RE_CAPTION_PREFIX), line, "caption");
          g_autofree char *cap = NULL, *cap_credit = NULL;

          if (by != NULL && byline->len == 0)
            {
              g_string_append (byline, by);
              had_byline = TRUE;
            }
          else if (had_byline && line_credit == NULL)
            {
              /* "By JANE DOE" then "AP Science Writer" */
              g_string_append_printf (byline, ", %s", line);
            }
          else if (line_credit != NULL)
            {
              append_sentence (credit, line_credit);
              had_credit = TRUE;
            }
          else if (prefixed != NULL)
            append_sentence (caption, prefixed);
          else if ((cap = match_group (wire_regex (RE_CAPTION_WITH_CREDIT), line, "caption")) &&
                   (cap_credit = match_group (wire_regex (RE_CAPTION_WITH_CREDIT), line, "credit")))
            {
              append_sentence (other, cap);
              append_sentence (credit, g_strstrip (cap_credit));
              had_credit = TRUE;
            }
          else
            append_sentence (other, line);
        }

      if (had_credit)
        {
          /* The caption sits beside its credit, or in the block above. */
          if (other->len == 0 && pending->len > 0 && caption->len == 0)
            {
              append_sentence (caption, g_ptr_array_index (pending, pending->len - 1));
              g_ptr_array_remove_index (pending, pending->len - 1);
            }
          append_sentence (caption, other->str);
        }
      else if (other->len > 0)
        g_ptr_array_add (pending, g_strdup (other->str));
    }

  /* What is left is a standfirst, then more caption. */
  for (guint i = 0; i < pending->len; i++)
    {
      const char *text = g_ptr_array_index (pending, i);

      if (i == 0 && cd_article_get_dek (article) == NULL)
        cd_article_set_dek (article, text);
      else
        append_sentence (caption, text);
    }

  if (byline->len > 0)
    cd_article_set_byline (article, byline->str);
  if (caption->len > 0)
    cd_article_set_image_caption (article, caption->str);
  if (credit->len > 0)
    cd_article_set_image_credit (article, credit->str);
}

static void
append_paragraph (GString    *body,
                  const char *prefix,
                  const char *text)
{
  g_autofree char *escaped = cd_markdown_escape (text);

  if (body->len > 0)
    g_string_append (body, "\n");
  g_string_append (body, prefix);
  g_string_append (body, escaped);
  g_string_append_c (body, '\n');
}

/* Writes a block as paragraphs, with subhead lines made "##" headings. */
static gboolean
append_block (GString *body,
              Block   *b,
              guint    first_line)
{
  g_autoptr (GString) para = g_string_new (NULL);

  for (guint j = first_line; j < b->lines->len; j++)
    {
      const char      *line = g_ptr_array_index (b->lines, j);
      g_autofree char *subhead = NULL;

      if (g_regex_match (wire_regex (RE_END), line, 0, NULL))
        {
          if (para->len > 0)
            append_paragraph (body, "", para->str);
          return FALSE;
        }
      subhead = match_group (wire_regex (RE_SUBHEAD), line, "text");
      if (subhead != NULL)
        {
          if (para->len > 0)
            append_paragraph (body, "", para->str);
          g_string_truncate (para, 0);
          append_paragraph (body, "## ", subhead);
          continue;
        }
      append_sentence (para, line);
    }
  if (para->len > 0)
    append_paragraph (body, "", para->str);
  return TRUE;
}

/**
 * cd_import_wire:
 * @text: the file's text
 * @length: its length in bytes
 * @origin: the file name that messages start with
 * @error: return location for an error
 *
 * Reads agency wire copy: the first non-empty line is the headline; a
 * dateline opening the story ("PLACE (SOURCE) — text", "PLACE, Month Day
 * (SOURCE) - text") gives the dateline and source and leaves the rest of
 * its paragraph; short lines above it give the byline ("By …"), photo
 * caption and credit, and a standfirst; a line set off by dashes
 * ("– Subhead –") becomes a "##" subhead; blank-line-separated blocks are
 * paragraphs with their lines joined; "###" or "-30-" ends the story.
 * The date of a "PLACE, Month Day" dateline ("Nov 24, 2026", "24 November",
 * "Tuesday" too) is dropped: an article's date is its own.
 *
 * Returns: (transfer full) (nullable): a new article
 */
CdArticle *
cd_import_wire (const char *text,
                gsize       length,
                const char *origin,
                GError    **error)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) blocks = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *copy = NULL;
  g_autofree char *dateline_text = NULL;
  g_autoptr (GMatchInfo) info = NULL;
  Block *first;
  guint  dateline_block = G_MAXUINT;
  guint  start_block = 1;
  gsize  bom;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  if (!_cd_import_check_text (text, length, origin, error))
    return NULL;
  bom = skip_bom (text, length);
  copy = g_strndup (text + bom, length - bom);
  blocks = split_blocks (copy);
  g_assert (blocks->len > 0);

  article = cd_article_new ();
  first = g_ptr_array_index (blocks, 0);
  cd_article_set_headline (article, g_ptr_array_index (first->lines, 0));
  /* Lines right under the headline in its block belong to the next block. */
  g_ptr_array_remove_index (first->lines, 0);
  if (first->lines->len > 0)
    start_block = 0;

  /* The dateline opens the story within its first few blocks. */
  for (guint i = start_block; i < blocks->len && i < start_block + 6; i++)
    {
      Block           *b = g_ptr_array_index (blocks, i);
      g_autofree char *joined = block_join (b);

      /* The match refers to the text, which must outlive it. */
      info = match_dateline (joined);
      if (info != NULL)
        {
          dateline_block = i;
          dateline_text = g_steal_pointer (&joined);
          break;
        }
    }

  if (dateline_block != G_MAXUINT)
    {
      Block           *b = g_ptr_array_index (blocks, dateline_block);
      g_autofree char *place = NULL, *source = NULL, *rest = NULL;

      read_preamble (article, blocks, dateline_block);
      place = g_match_info_fetch_named (info, "place");
      source = g_match_info_fetch_named (info, "source");
      rest = g_match_info_fetch_named (info, "rest");
      cd_article_set_dateline (article, g_strstrip (place));
      if (source != NULL && *g_strstrip (source) != '\0')
        cd_article_set_source (article, source);

      /* The rest of the dateline paragraph stays a paragraph; subheads and
       * end marks among its lines are handled as in any block. */
      g_ptr_array_set_size (b->lines, 0);
      if (*rest != '\0')
        g_ptr_array_add (b->lines, g_steal_pointer (&rest));
      start_block = dateline_block;
    }
  else if (start_block < blocks->len)
    {
      /* No dateline: a "By" line under the headline is still a byline. */
      Block           *b = g_ptr_array_index (blocks, start_block);
      g_autofree char *by = byline_of_line (g_ptr_array_index (b->lines, 0));
      if (by != NULL)
        {
          cd_article_set_byline (article, by);
          g_ptr_array_remove_index (b->lines, 0);
        }
    }

  for (guint i = start_block; i < blocks->len; i++)
    if (!append_block (body, g_ptr_array_index (blocks, i), 0))
      break;

  cd_article_set_body (article, body->str);
  return g_steal_pointer (&article);
}

/* Files */

/**
 * cd_import_data:
 * @data: the text
 * @length: its length in bytes
 * @format: how to read it; %CD_IMPORT_FORMAT_AUTO reads it by @origin's
 *   extension
 * @origin: the file name that messages start with
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a new article
 */
CdArticle *
cd_import_data (const char    *data,
                gsize          length,
                CdImportFormat format,
                const char    *origin,
                GError       **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  if (format == CD_IMPORT_FORMAT_AUTO)
    format = cd_import_format_for_path (origin);

  switch (format)
    {
    case CD_IMPORT_FORMAT_MARKDOWN:
      return cd_import_markdown (data, length, origin, error);
    case CD_IMPORT_FORMAT_WIRE:
      return cd_import_wire (data, length, origin, error);
    case CD_IMPORT_FORMAT_HTML:
      return cd_import_html (data, length, origin, error);
    case CD_IMPORT_FORMAT_AUTO:
    default:
      {
        g_autofree char *base = g_path_get_basename (origin);
        const char      *dot = strrchr (base, '.');

        if (dot != NULL && dot != base)
          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                       "%s: “%s” files cannot be imported; use .md, .markdown, .txt, "
                       ".html or .htm.",
                       origin, dot);
        else
          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                       "%s: the name has no extension to tell its format; use .md, "
                       ".markdown, .txt, .html or .htm.",
                       origin);
        return NULL;
      }
    }
}

static gboolean
read_all (int    fd,
          char  *buffer,
          gsize  size,
          gsize *n_read,
          int   *saved_errno)
{
  gsize total = 0;

  while (total < size)
    {
      gssize n = read (fd, buffer + total, size - total);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *saved_errno = errno;
          return FALSE;
        }
      if (n == 0)
        break;
      total += n;
    }
  *n_read = total;
  return TRUE;
}

static void
set_too_large (GError    **error,
               const char *path,
               goffset     size)
{
  /* With the bytes, as a file just over the limit rounds to the limit. */
  GFormatSizeFlags flags = G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT;
  g_autofree char *have = g_format_size_full (size, flags);
  g_autofree char *limit = g_format_size_full (CD_IMPORT_MAX_SIZE, flags);

  g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_TOO_LARGE,
               "%s: the file is %s, more than the %s an article may be.", path, have, limit);
}

/**
 * cd_import_file:
 * @path: a .md, .markdown, .txt, .html or .htm file
 * @error: return location for an error
 *
 * Reads one article from a file. A missing file, a directory, an empty or
 * binary file, text that is not UTF-8, a file over %CD_IMPORT_MAX_SIZE
 * (checked before reading) and an unknown extension are refused with one
 * sentence that starts with @path.
 *
 * Returns: (transfer full) (nullable): a new article, not yet stored
 */
CdArticle *
cd_import_file (const char *path,
                GError    **error)
{
  g_autofree char *data = NULL;
  GStatBuf         st;
  gsize            n_read = 0;
  int              saved_errno = 0;
  int              fd;
  gboolean         ok;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int e = errno;

      if (e == ENOENT || e == ENOTDIR)
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_NOT_FOUND,
                     "%s: there is no such file.", path);
      else
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ,
                     "%s: the file cannot be read (%s).", path, g_strerror (e));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_NOT_REGULAR,
                   "%s: this is a directory, not a file.", path);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_NOT_REGULAR,
                   "%s: this is not a regular file.", path);
      return NULL;
    }
  if (cd_import_format_for_path (path) == CD_IMPORT_FORMAT_AUTO)
    return cd_import_data ("", 0, CD_IMPORT_FORMAT_AUTO, path, error);
  if (st.st_size == 0)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the file is empty.", path);
      return NULL;
    }
  if (st.st_size > CD_IMPORT_MAX_SIZE)
    {
      set_too_large (error, path, st.st_size);
      return NULL;
    }

  /* Non-blocking, so that a pipe swapped in after the check cannot hang
   * the import; the check is then repeated on what was opened. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ,
                   "%s: the file cannot be read (%s).", path, g_strerror (e));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > CD_IMPORT_MAX_SIZE)
    {
      close (fd);
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ,
                   "%s: the file changed while it was being imported; try again.", path);
      return NULL;
    }
  /* One byte more than allowed tells a file that grew after the check. */
  data = g_malloc (CD_IMPORT_MAX_SIZE + 1 < st.st_size + 1 ? CD_IMPORT_MAX_SIZE + 1
                                                           : st.st_size + 1);
  ok = read_all (fd, data, MIN ((goffset) CD_IMPORT_MAX_SIZE + 1, st.st_size + 1),
                 &n_read, &saved_errno);
  close (fd);
  if (!ok)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ,
                   "%s: the file cannot be read (%s).", path, g_strerror (saved_errno));
      return NULL;
    }
  if (n_read > CD_IMPORT_MAX_SIZE)
    {
      set_too_large (error, path, n_read);
      return NULL;
    }

  return cd_import_data (data, n_read, CD_IMPORT_FORMAT_AUTO, path, error);
}
