/* cd-import.c: articles from Markdown and HTML files, and the reading of
 * files for every importer (wire copy is cd-import-wire.c).
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

/**
 * cd_import_format_for_path:
 * @path: a file name
 *
 * Returns: the format its extension names (.md and .markdown are Markdown,
 *   .txt wire copy, .html and .htm HTML, .xml and .nitf agency XML, .json
 *   ninjs), or %CD_IMPORT_FORMAT_AUTO when
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
  if (g_ascii_strcasecmp (dot, ".xml") == 0 || g_ascii_strcasecmp (dot, ".nitf") == 0)
    return CD_IMPORT_FORMAT_XML;
  if (g_ascii_strcasecmp (dot, ".json") == 0)
    return CD_IMPORT_FORMAT_NINJS;
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
  [CD_IMPORT_FORMAT_XML] = _cd_import_xml,
  [CD_IMPORT_FORMAT_NINJS] = _cd_import_ninjs,
};

static void
set_unknown_type (const char *origin,
                  GError    **error)
{
  g_autofree char *base = g_path_get_basename (origin);
  const char      *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                 "%s: “%s” files cannot be imported; use .md, .markdown, .txt, "
                 ".html, .htm, .xml, .nitf or .json.",
                 origin, dot);
  else
    g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                 "%s: the name has no extension to tell its format; use .md, "
                 ".markdown, .txt, .html, .htm, .xml, .nitf or .json.",
                 origin);
}

/* Reads @data as @format (by @origin's extension when
 * %CD_IMPORT_FORMAT_AUTO) into a new article that starts with @language:
 * the language it keeps when the file names none (%NULL: a new article's
 * own default). */
static CdArticle *
import_data (const char    *data,
             gsize          length,
             CdImportFormat format,
             const char    *origin,
             const char    *language,
             GError       **error)
{
  g_autoptr (CdArticle) article = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  if (format == CD_IMPORT_FORMAT_AUTO)
    format = cd_import_format_for_path (origin);
  /* A feed's message is wire copy whatever its file is called. */
  if (format == CD_IMPORT_FORMAT_AUTO && data != NULL && _cd_import_is_transmission (data, length))
    format = CD_IMPORT_FORMAT_WIRE;
  if ((guint) format >= G_N_ELEMENTS (importers) || importers[format] == NULL)
    {
      set_unknown_type (origin, error);
      return NULL;
    }
  if (!_cd_import_check_text (data, length, origin, error))
    return NULL;

  article = cd_article_new ();
  if (language != NULL && *language != '\0')
    cd_article_set_language (article, language);
  if (!importers[format](article, data, length, origin, error))
    return NULL;
  return g_steal_pointer (&article);
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
 * Returns: (transfer full) (nullable): a new article
 */
CdArticle *
cd_import_data (const char    *data,
                gsize          length,
                CdImportFormat format,
                const char    *origin,
                GError       **error)
{
  return import_data (data, length, format, origin, NULL, error);
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
 * @path: a .md, .markdown, .txt, .html, .htm, .xml, .nitf or .json file
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
  return _cd_import_file (path, NULL, error);
}

/* cd_import_file(), with @language for an article whose file names none. */
CdArticle *
_cd_import_file (const char *path,
                 const char *language,
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
  /* A file whose name tells no format is read only to see whether it is
   * a feed's wire message; one that cannot be is refused by its name. */
  if (cd_import_format_for_path (path) == CD_IMPORT_FORMAT_AUTO &&
      (st.st_size == 0 || st.st_size > CD_IMPORT_MAX_SIZE))
    return import_data ("", 0, CD_IMPORT_FORMAT_AUTO, path, language, error);
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

  return import_data (data, n_read, CD_IMPORT_FORMAT_AUTO, path, language, error);
}
