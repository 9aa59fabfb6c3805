/* cd-import.c: articles from Markdown and HTML files, and the reading of
 * files for every importer (wire copy is cd-import-wire.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

/* What an OpenDocument text package holds first, its type. */
#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>

#include "cd-frontmatter.h"
#include "cd-import.h"
#include "cd-import-private.h"
#include "cd-render.h"

/**
 * cd_import_format_for_path:
 * @path: a file name
 *
 * Returns: the format its extension names (.md and .markdown are Markdown,
 *   .txt wire copy, .html, .htm and .xhtml HTML, .xml, .nitf, .rss and .atom
 *   agency XML and feeds, .json
 *   ninjs, .eml, .msg and .mbox email, .docx and .doc Word documents, .odt OpenDocument text, .rtf
 *   Rich Text Format, .pdf PDF), or
 *   %CD_IMPORT_FORMAT_AUTO when
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
  if (g_ascii_strcasecmp (dot, ".html") == 0 || g_ascii_strcasecmp (dot, ".htm") == 0 ||
      g_ascii_strcasecmp (dot, ".xhtml") == 0)
    return CD_IMPORT_FORMAT_HTML;
  if (g_ascii_strcasecmp (dot, ".xml") == 0 || g_ascii_strcasecmp (dot, ".nitf") == 0 ||
      g_ascii_strcasecmp (dot, ".rss") == 0 || g_ascii_strcasecmp (dot, ".atom") == 0)
    return CD_IMPORT_FORMAT_XML;
  if (g_ascii_strcasecmp (dot, ".json") == 0)
    return CD_IMPORT_FORMAT_NINJS;
  if (g_ascii_strcasecmp (dot, ".eml") == 0 || g_ascii_strcasecmp (dot, ".msg") == 0 ||
      g_ascii_strcasecmp (dot, ".mbox") == 0)
    return CD_IMPORT_FORMAT_EMAIL;
  if (g_ascii_strcasecmp (dot, ".docx") == 0)
    return CD_IMPORT_FORMAT_DOCX;
  if (g_ascii_strcasecmp (dot, ".odt") == 0)
    return CD_IMPORT_FORMAT_ODT;
  if (g_ascii_strcasecmp (dot, ".rtf") == 0)
    return CD_IMPORT_FORMAT_RTF;
  if (g_ascii_strcasecmp (dot, ".doc") == 0)
    return CD_IMPORT_FORMAT_DOC;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return CD_IMPORT_FORMAT_PDF;
  return CD_IMPORT_FORMAT_AUTO;
}

gsize
_cd_import_skip_bom (const char *text,
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

  for (gsize i = _cd_import_skip_bom (text, length); i < length && blank; i++)
    blank = g_ascii_isspace (text[i]);
  if (blank)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the file has no text in it, only blank space.", origin);
      return FALSE;
    }
  return TRUE;
}

/**
 * _cd_markdown_is_entity_like:
 * @p: an "&" in text
 * @end: the end of the text
 *
 * Returns: whether Markdown could read the "&" at @p as the start of a
 *   character reference: only "&name;" and "&#123;" could turn into other
 *   text, so "AT&T" needs no backslash
 */
gboolean
_cd_markdown_is_entity_like (const char *p,
                             const char *end)
{
  const char *q = p + 1;

  if (q < end && *q == '#')
    q++;
  if (q >= end || !g_ascii_isalnum (*q))
    return FALSE;
  while (q < end && g_ascii_isalnum (*q))
    q++;
  return q < end && *q == ';';
}

typedef struct
{
  guint count;
  char *first; /* as the feed sent it: "&amp;#39;" */
} Undone;

static gboolean
undo_escape (const GMatchInfo *info,
             GString          *out,
             gpointer          user_data)
{
  g_autofree char *name = g_match_info_fetch (info, 1);
  Undone          *undone = user_data;

  if (*name == '#' || htmlEntityLookup ((const xmlChar *) name) != NULL)
    {
      g_string_append_printf (out, "&%s;", name);
      if (undone->count++ == 0)
        undone->first = g_match_info_fetch (info, 0);
    }
  else
    g_string_append_printf (out, "&amp;%s;", name);
  return FALSE;
}

/**
 * _cd_import_html_to_markdown:
 * @html: a story's HTML, as a feed sends it
 * @length: its length in bytes
 * @notes: the notes to editors, which say what was changed
 *
 * Converts @html to Markdown as cd_html_to_markdown() does. Feeds that
 * escape their text twice send "o&amp;#39;clock", which reads as
 * "o&#39;clock": a character reference escaped once more is read as the
 * character it names, and the notes say so.
 *
 * Returns: (transfer full): the Markdown
 */
char *
_cd_import_html_to_markdown (const char *html,
                             gsize       length,
                             GString    *notes)
{
  static GRegex   *twice;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  Undone           undone = { 0, NULL };

  g_assert (html != NULL);
  g_assert (notes != NULL);

  if (g_once_init_enter (&twice))
    g_once_init_leave (&twice, g_regex_new ("&amp;(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|"
                                            "[A-Za-z][A-Za-z0-9]{1,31});",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  text = g_regex_replace_eval (twice, html, length, 0, 0, undo_escape, &undone, NULL);
  if (text == NULL || undone.count == 0)
    {
      g_free (undone.first);
      return cd_html_to_markdown (html, length);
    }
  if (undone.count == 1)
    note = g_strdup_printf ("A character the feed escaped twice (“%s”) was read as the "
                            "character it names.",
                            undone.first);
  else
    note = g_strdup_printf ("%u characters the feed escaped twice (“%s”, …) were read as the "
                            "characters they name.",
                            undone.count, undone.first);
  g_free (undone.first);
  _cd_import_add_note (notes, note);
  return cd_html_to_markdown (text, strlen (text));
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
          if (_cd_markdown_is_entity_like (p, end))
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

/* Whether @cell, in Markdown, is a figure ("412.6", "+6.3%", "(131.6)",
 * "£12m", "−3", "3,812", ".774", "3½") or says none ("–", "n/a"); *@figure whether it
 * is a figure. */
static gboolean
is_figure_cell (const char *cell,
                gboolean   *figure)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  static GRegex *figures;

  for (const char *p = cell; *p != '\0'; p++)
    if (*p != '\\' && *p != '*' && *p != '_')
      g_string_append_c (plain, *p);
  g_strstrip (plain->str);
  if (g_once_init_enter (&figures))
    g_once_init_leave (&figures,
                       g_regex_new ("^(?:[-+(]|\\x{2212}|\\x{2013})?\\s?[£€$¥]?(?:\\d|[.,]\\d)[\\d,.\\x{2009}\\x{202F}½¼¾]*"
                                    "(?:\\s?(?:%|m|bn|k|pp?|pts?))?\\)?$",
                                    G_REGEX_OPTIMIZE, 0, NULL));
  *figure = g_regex_match (figures, plain->str, 0, NULL);
  return *figure || g_regex_match_simple ("^(?:|-|\\x{2013}|\\x{2014}|n/a)$", plain->str, G_REGEX_CASELESS, 0);
}

/* Whether @column of @rows holds figures under its head: set right. */
static gboolean
is_figure_column (GPtrArray *rows,
                  guint      column)
{
  gboolean any = FALSE;

  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      gboolean   figure = FALSE;

      if (column < row->len && !is_figure_cell (row->pdata[column], &figure))
        return FALSE;
      any |= figure;
    }
  return any;
}

/* Appends a GFM table of @rows (each a #GPtrArray of its cells, in
 * Markdown), its first row the column heads, every row padded to the
 * widest one's cells; where @figures_right, a column of figures is set
 * right, as a newspaper sets them (not where the table is to be written
 * back as it came). */
void
_cd_markdown_append_table (GString   *out,
                           GPtrArray *rows,
                           gboolean   figures_right)
{
  guint columns = 0;

  g_assert (out != NULL && rows != NULL);

  for (guint r = 0; r < rows->len; r++)
    columns = MAX (columns, ((GPtrArray *) g_ptr_array_index (rows, r))->len);
  for (guint r = 0; r < rows->len && columns > 0; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      g_string_append (out, "|");
      for (guint i = 0; i < columns; i++)
        g_string_append_printf (out, " %s |", i < row->len ? (char *) row->pdata[i] : "");
      g_string_append_c (out, '\n');
      if (r == 0)
        {
          g_string_append (out, "|");
          for (guint i = 0; i < columns; i++)
            g_string_append (out, figures_right && is_figure_column (rows, i) ? " ---: |" : " --- |");
          g_string_append_c (out, '\n');
        }
    }
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

/* The importer of Markdown (see %CD_IMPORT_FORMAT_MARKDOWN): fills @article,
 * which holds the language the front matter does not name, from the
 * checked @text. */
gboolean
_cd_import_markdown (CdArticle  *article,
                     const char *text,
                     gsize       length,
                     const char *origin,
                     GError    **error)
{
  g_autofree char *body = NULL;
  gsize            body_offset = 0, bom;

  g_assert (CD_IS_ARTICLE (article));

  bom = _cd_import_skip_bom (text, length);
  text += bom;
  length -= bom;

  if (!cd_front_matter_parse (text, length, origin, article, &body_offset, error))
    return FALSE;

  body = g_strndup (text + body_offset, length - body_offset);
  /* Without front matter only the text tells the language. */
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
  if (body_offset == 0)
    _cd_import_guess_language (article);
  return TRUE;
}

/* Files */

/* The importers by format; each fills an article from checked text. */
typedef gboolean (*Importer) (CdArticle  *article,
                              const char *text,
                              gsize       length,
                              const char *origin,
                              GError    **error);

static const Importer importers[] = {
  [CD_IMPORT_FORMAT_MARKDOWN] = _cd_import_markdown,
  [CD_IMPORT_FORMAT_WIRE] = _cd_import_wire,
  [CD_IMPORT_FORMAT_HTML] = _cd_import_html,
};

/* The importers of files that may hold several stories. */
static CdStoriesImporter *const stories_importers[] = {
  [CD_IMPORT_FORMAT_XML] = _cd_import_xml,
  [CD_IMPORT_FORMAT_NINJS] = _cd_import_ninjs,
};

/* Whether @format's importer is one of @table's. */
#define HAS_IMPORTER(table, format) ((guint) (format) < G_N_ELEMENTS (table) && (table)[format] != NULL)

static void
set_unknown_type (const char *origin,
                  GError    **error)
{
  g_autofree char *base = g_path_get_basename (origin);
  const char      *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                 "%s: “%s” files cannot be imported; use .md, .markdown, .txt, "
                 ".html, .htm, .xml, .nitf, .rss, .atom, .json, .eml, .msg, .mbox, .docx, .doc, .odt or .rtf.",
                 origin, dot);
  else
    g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                 "%s: the name has no extension to tell its format; use .md, "
                 ".markdown, .txt, .html, .htm, .xml, .nitf, .rss, .atom, .json, .eml, .msg, .mbox, .docx, .doc, .odt or .rtf.",
                 origin);
}

/* Skips white space, an XML declaration and comments from @i on. */
static gsize
skip_prolog (const char *data,
             gsize       length,
             gsize       i)
{
  for (;;)
    {
      const char *close = NULL;

      while (i < length && g_ascii_isspace (data[i]))
        i++;
      if (length - i >= 5 && strncmp (data + i, "<?xml", 5) == 0)
        close = g_strstr_len (data + i, length - i, "?>");
      else if (length - i >= 4 && strncmp (data + i, "<!--", 4) == 0)
        close = g_strstr_len (data + i, length - i, "-->");
      else
        return i;
      if (close == NULL)
        return length;
      i = close - data + (close[1] == '>' ? 2 : 3);
    }
}

/* Whether the ZIP file @data is an OpenDocument text's package: its first
 * entry, stored as it is, is "mimetype", which names the type. */
static gboolean
is_odt_package (const guint8 *data,
                gsize         length)
{
  gsize name_length, extra_length, start;

  if (length < 30)
    return FALSE;
  name_length = data[26] | data[27] << 8;
  extra_length = data[28] | data[29] << 8;
  start = 30 + name_length + extra_length;
  return (data[8] | data[9] << 8) == 0 && name_length == strlen ("mimetype") &&
         length >= start + strlen (ODT_MIMETYPE) && memcmp (data + 30, "mimetype", name_length) == 0 &&
         memcmp (data + start, ODT_MIMETYPE, strlen (ODT_MIMETYPE)) == 0;
}

/* The format @data's first characters tell, for a file whose name tells
 * none (a feed's file is often called by its story number, or "tst"): a
 * feed's message in its envelope is wire copy; an email message's headers
 * are email; markup is HTML when it
 * opens with an HTML document's or a page's elements, else agency XML; an
 * object (a brace, then a name or its end) ninjs. */
static CdImportFormat
sniff_format (const char *data,
              gsize       length)
{
  static const char *const html[] = { "!doctype html", "html", "head", "body", "meta", "title",
                                      "div", "p", "article", "section", "h1", "h2", "table",
                                      "span", "header", "main" };
  gsize                    i = _cd_import_skip_bom (data, length);

  if (_cd_import_is_transmission (data, length))
    return CD_IMPORT_FORMAT_WIRE;
  if (_cd_import_is_word_document (data, length))
    return CD_IMPORT_FORMAT_DOC;
  if (_cd_import_message_start (data, length) >= 0 || _cd_import_is_compound_file (data, length))
    return CD_IMPORT_FORMAT_EMAIL;
  /* A ZIP file: an OpenDocument text or a Word document. */
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return is_odt_package ((const guint8 *) data, length) ? CD_IMPORT_FORMAT_ODT : CD_IMPORT_FORMAT_DOCX;
  if (length >= 5 && memcmp (data, "{\\rtf", 5) == 0)
    return CD_IMPORT_FORMAT_RTF;
  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return CD_IMPORT_FORMAT_PDF;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i < length && data[i] == '{')
    {
      for (i++; i < length && g_ascii_isspace (data[i]); i++)
        ;
      return i < length && (data[i] == '"' || data[i] == '}') ? CD_IMPORT_FORMAT_NINJS
                                                              : CD_IMPORT_FORMAT_AUTO;
    }
  if ((i = skip_prolog (data, length, i)) >= length || data[i] != '<')
    return CD_IMPORT_FORMAT_AUTO;
  for (guint k = 0; k < G_N_ELEMENTS (html); k++)
    {
      gsize n = strlen (html[k]);

      if (length - i - 1 > n && g_ascii_strncasecmp (data + i + 1, html[k], n) == 0 &&
          !g_ascii_isalnum (data[i + 1 + n]))
        return CD_IMPORT_FORMAT_HTML;
    }
  return CD_IMPORT_FORMAT_XML;
}

/* Where the email message in @data starts, or -1 with @error set: it
 * is read as bytes, as the message names the character set of each part,
 * but an empty or binary file is refused as any other is. */
static gssize
message_start (const char *data,
               gsize       length,
               const char *origin,
               GError    **error)
{
  gssize start = data != NULL ? _cd_import_message_start (data, length) : -1;

  if (start >= 0 && memchr (data, '\0', length) == NULL)
    return start;
  /* Empty, binary or not UTF-8 says so; else it is not a message. */
  if (_cd_import_check_text (data, length, origin, error))
    g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                 "%s: the file is not an email message (it does not start with headers "
                 "such as “From:” and “Subject:”).",
                 origin);
  return -1;
}

/* Each of @articles whose language is still @language, the newsroom's
 * (its file named none, or named the newsroom's own), takes the one its
 * text reads as where that is plainly another
 * (_cd_import_guess_language()); a language of another the file names
 * stays. */
static void
guess_languages (GPtrArray  *articles,
                 const char *language)
{
  g_autoptr (CdArticle) fresh = _cd_import_new_article (language);

  for (guint i = 0; i < articles->len; i++)
    {
      CdArticle *article = g_ptr_array_index (articles, i);

      if (g_strcmp0 (cd_article_get_language (article), cd_article_get_language (fresh)) == 0)
        _cd_import_guess_language (article);
    }
}

/* Reads @data as @format (by @origin's extension, else by its first
 * characters, when %CD_IMPORT_FORMAT_AUTO) into new articles that start
 * with @language: the language they keep when the file names none (%NULL:
 * a new article's own default) and their text does not plainly read as
 * another. A file of several stories (a feed, a news message) gives an
 * article each when @all, else its first, which names the others in its
 * note. */
/* Reads one message, @item, of a wire capture into @article (a
 * CdStoryReader). */
static gboolean
read_wire_message (CdArticle  *article,
                   gpointer    item,
                   gpointer    data,
                   const char *origin,
                   GError    **error)
{
  return _cd_import_wire (article, item, strlen (item), origin, error);
}

static GPtrArray *
import_data (const char    *data,
             gsize          length,
             CdImportFormat format,
             const char    *origin,
             const char    *language,
             gboolean       all,
             GPtrArray     *pictures,
             GError       **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *unicode = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *charset = NULL;
  g_autoptr (GBytes) message = NULL;
  g_autoptr (GBytes) package = NULL;
  g_autoptr (GPtrArray) wire_messages = NULL;
  gboolean read;
  gssize   start;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  if ((unicode = _cd_import_from_utf16 (data, length, origin, &length, &local)) != NULL)
    data = unicode;
  else if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (format == CD_IMPORT_FORMAT_AUTO)
    format = cd_import_format_for_path (origin);
  if (format == CD_IMPORT_FORMAT_AUTO && data != NULL)
    format = sniff_format (data, length);
  /* A message saved from a mail program as text. */
  if (format == CD_IMPORT_FORMAT_WIRE && data != NULL && _cd_import_message_start (data, length) >= 0)
    format = CD_IMPORT_FORMAT_EMAIL;
  /* An old Word document saved as a message, and a ".doc" that is
   * another document (Word saved RTF, HTML and text so; a .docx
   * renamed). */
  if (format == CD_IMPORT_FORMAT_EMAIL && _cd_import_is_word_document (data, length))
    format = CD_IMPORT_FORMAT_DOC;
  if (format == CD_IMPORT_FORMAT_DOC && data != NULL && !_cd_import_is_compound_file (data, length))
    {
      CdImportFormat sniffed = sniff_format (data, length);

      if (sniffed != CD_IMPORT_FORMAT_AUTO)
        format = sniffed;
      else if (memchr (data, '\0', length) == NULL)
        format = CD_IMPORT_FORMAT_WIRE;
    }
  if (format == CD_IMPORT_FORMAT_EMAIL && _cd_import_is_compound_file (data, length))
    {
      if ((message = _cd_import_outlook_message (data, length, origin, error)) == NULL)
        return NULL;
    }
  else if (format == CD_IMPORT_FORMAT_EMAIL)
    {
      if ((start = message_start (data, length, origin, error)) < 0)
        return NULL;
      message = g_bytes_new_static (data + start, length - start);
    }
  else if (_cd_import_is_document_format (format))
    {
      if (length == 0)
        {
          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY, "%s: the file is empty.", origin);
          return NULL;
        }
      package = g_bytes_new_static (data, length);
    }
  else if (!HAS_IMPORTER (importers, format) && !HAS_IMPORTER (stories_importers, format))
    {
      set_unknown_type (origin, error);
      return NULL;
    }
  else
    {
      if (data != NULL &&
          (decoded = _cd_import_decode_charset (data, length, format, origin, &length, &charset, &local)) != NULL)
        data = decoded;
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (!_cd_import_check_text (data, length, origin, error))
        return NULL;
    }

  if (HAS_IMPORTER (stories_importers, format))
    read = stories_importers[format](language, data, length, origin, all, articles, error);
  /* A mailbox holds several messages; each is a story. */
  else if (message != NULL)
    read = _cd_import_mailbox (message, language, pictures, origin, all, articles, error);
  /* So does a wire capture of several messages in their envelopes. */
  else if (format == CD_IMPORT_FORMAT_WIRE && data != NULL &&
           (wire_messages = _cd_import_split_transmissions (data, length)) != NULL)
    read = _cd_import_stories (wire_messages, read_wire_message, NULL, language, origin, all, articles, error);
  else
    {
      article = _cd_import_new_article (language);
      read = package != NULL ? _cd_import_document (format, article, package, pictures, origin, error)
                             : importers[format](article, data, length, origin, error);
      if (read && charset != NULL && format == CD_IMPORT_FORMAT_WIRE)
        {
          g_autoptr (GString) notes = g_string_new (cd_article_get_ednote (article));

          _cd_import_add_note (notes, "The message is not in UTF-8; it was read as Windows-1252 "
                                      "(Western European).");
          cd_article_set_ednote (article, notes->str);
        }
      if (read)
        g_ptr_array_add (articles, g_steal_pointer (&article));
      /* A site's page of short stories: each is one. */
      if (read && all && format == CD_IMPORT_FORMAT_HTML)
        _cd_import_split_roundup (articles, articles->len - 1);
    }
  if (!read)
    return NULL;
  /* A Markdown article's front matter may name the newsroom's language:
   * _cd_import_markdown() guesses only without one. */
  if (format != CD_IMPORT_FORMAT_MARKDOWN)
    guess_languages (articles, language);
  return g_steal_pointer (&articles);
}

/* The one article of @articles (consumed), or its first. */
static CdArticle *
first_article (GPtrArray *articles)
{
  g_autoptr (GPtrArray) owned = articles;

  return owned != NULL ? g_object_ref (g_ptr_array_index (owned, 0)) : NULL;
}

/**
 * cd_import_data:
 * @data: the text
 * @length: its length in bytes
 * @format: how to read it (Markdown, wire copy or HTML, see #CdImportFormat);
 *   %CD_IMPORT_FORMAT_AUTO reads it by @origin's extension
 * @origin: the file name that messages start with
 * @error: return location for an error
 *
 * Reads one article; of a file that holds several stories (a feed, a news
 * message), the first, whose note names how many more the file holds.
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
  return first_article (import_data (data, length, format, origin, NULL, FALSE, NULL, error));
}

/**
 * cd_import_data_all:
 * @data: the text
 * @length: its length in bytes
 * @format: how to read it, as cd_import_data() does
 * @origin: the file name that messages start with
 * @error: return location for an error
 *
 * Reads every story of @data: an article for each entry of a feed (RSS,
 * Atom, WordPress's export) or item of a news message, one for any other
 * file. Entries with no headline and no text are left out and counted in
 * the first article's note.
 *
 * Returns: (transfer container) (element-type CdArticle) (nullable): the
 *   new articles, at least one
 */
GPtrArray *
cd_import_data_all (const char    *data,
                    gsize          length,
                    CdImportFormat format,
                    const char    *origin,
                    GError       **error)
{
  return import_data (data, length, format, origin, NULL, TRUE, NULL, error);
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

/* The largest @path may be: %CD_IMPORT_MAX_PACKAGE_SIZE for a file that
 * carries its pictures, else %CD_IMPORT_MAX_SIZE. */
static goffset
max_size (const char *path)
{
  CdImportFormat format = cd_import_format_for_path (path);

  return format == CD_IMPORT_FORMAT_EMAIL || _cd_import_is_document_format (format)
             ? CD_IMPORT_MAX_PACKAGE_SIZE
             : CD_IMPORT_MAX_SIZE;
}

static void
set_too_large (GError    **error,
               const char *path,
               goffset     size)
{
  /* With the bytes, as a file just over the limit rounds to the limit. */
  GFormatSizeFlags flags = G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT;
  g_autofree char *have = g_format_size_full (size, flags);
  g_autofree char *limit = g_format_size_full (max_size (path), flags);

  g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_TOO_LARGE, "%s: the file is %s, more than the %s %s.", path,
               have, limit,
               max_size (path) == CD_IMPORT_MAX_SIZE ? "an article may be" : "a file with its pictures may be");
}

/**
 * cd_import_file:
 * @path: a .md, .markdown, .txt, .html, .htm, .xml, .nitf, .rss, .atom, .json, .eml, .msg, .mbox, .docx, .doc, .odt or .rtf file
 * @error: return location for an error
 *
 * Reads one article from a file, by its extension or, where that names no
 * format, by its first characters (see %CD_IMPORT_FORMAT_AUTO); of a file
 * of several stories (a feed, a news message), the first, whose note names
 * the others (cd_import_into_store() imports them all). Agency XML
 * is read in the character set its declaration names, a feed's message
 * that is not UTF-8 in Windows-1252. A missing file, a directory, an empty
 * or binary file, other text that is not UTF-8, a file over
 * %CD_IMPORT_MAX_SIZE (%CD_IMPORT_MAX_PACKAGE_SIZE for email, Word and
 * OpenDocument files, which carry their pictures; checked before reading)
 * and a file of no format
 * it can tell are refused with one sentence that starts with @path.
 *
 * Returns: (transfer full) (nullable): a new article, not yet stored
 */
CdArticle *
cd_import_file (const char *path,
                GError    **error)
{
  return first_article (_cd_import_file (path, NULL, FALSE, NULL, error));
}

/**
 * cd_import_file_all:
 * @path: a file that cd_import_file() reads
 * @language: (nullable): the newsroom language, as cd_import_into_store()
 *   takes it
 * @error: return location for an error
 *
 * Reads every story of @path, as cd_import_into_store() does, without
 * storing them: the pictures that came with them are named in their notes.
 *
 * Returns: (transfer container) (element-type CdArticle) (nullable): the
 *   new articles, at least one
 */
GPtrArray *
cd_import_file_all (const char *path,
                    const char *language,
                    GError    **error)
{
  return _cd_import_file (path, language, TRUE, NULL, error);
}

/* cd_import_file(), with @language for an article whose file names none,
 * every story of a file of several when @all, and the pictures that came
 * with it added to @pictures (%NULL: named in the article's note).
 * Returns the new articles. */
GPtrArray *
_cd_import_file (const char *path,
                 const char *language,
                 gboolean    all,
                 GPtrArray  *pictures,
                 GError    **error)
{
  g_autofree char *data = NULL;
  GStatBuf         st;
  gsize            n_read = 0;
  int              saved_errno = 0;
  int              fd;
  gboolean         ok;
  goffset          limit;

  g_return_val_if_fail (path != NULL, NULL);

  limit = max_size (path);

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
  /* A file whose name tells no format is read to tell it by its first
   * characters; one that cannot be is refused by its name. */
  if (cd_import_format_for_path (path) == CD_IMPORT_FORMAT_AUTO &&
      (st.st_size == 0 || st.st_size > CD_IMPORT_MAX_SIZE))
    return import_data ("", 0, CD_IMPORT_FORMAT_AUTO, path, language, all, pictures, error);
  if (st.st_size == 0)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the file is empty.", path);
      return NULL;
    }
  if (st.st_size > limit)
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
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > limit)
    {
      close (fd);
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ,
                   "%s: the file changed while it was being imported; try again.", path);
      return NULL;
    }
  /* One byte more than allowed tells a file that grew after the check. */
  data = g_malloc (limit + 1 < st.st_size + 1 ? limit + 1 : st.st_size + 1);
  ok = read_all (fd, data, MIN (limit + 1, st.st_size + 1), &n_read, &saved_errno);
  close (fd);
  if (!ok)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ,
                   "%s: the file cannot be read (%s).", path, g_strerror (saved_errno));
      return NULL;
    }
  if ((goffset) n_read > limit)
    {
      set_too_large (error, path, n_read);
      return NULL;
    }

  return import_data (data, n_read, CD_IMPORT_FORMAT_AUTO, path, language, all, pictures, error);
}
