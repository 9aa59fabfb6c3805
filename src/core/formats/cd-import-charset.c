/* cd-import-charset.c: the bytes of a file read as text: UTF-16 and
 * UTF-32 (with a byte order mark, or UTF-16 without), the character set
 * an XML declaration names, Windows-1252 for the 8-bit text of agencies'
 * feeds (and Latin-1 read so, as browsers do).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-import.h"

/* The character set an XML declaration at the start of @data names, or
 * %NULL. */
static char *
declared_charset (const char *data,
                  gsize       length)
{
  g_autofree char *head = g_strndup (data, MIN (length, 256));
  const char      *end = strstr (head, "?>");
  const char      *name;
  char             quote;
  gsize            n;

  if (!g_str_has_prefix (head, "<?xml") || end == NULL ||
      (name = g_strstr_len (head, end - head, "encoding")) == NULL)
    return NULL;
  name += strlen ("encoding");
  name += strspn (name, " \t\r\n");
  if (*name++ != '=')
    return NULL;
  name += strspn (name, " \t\r\n");
  quote = *name++;
  if ((quote != '"' && quote != '\'') || (n = strcspn (name, "\"'?")) == 0 || name[n] != quote)
    return NULL;
  /* XML's EncName: a letter, then letters, digits, ".", "_" and "-". */
  if (!g_ascii_isalpha (name[0]))
    return NULL;
  for (gsize i = 1; i < n; i++)
    if (!g_ascii_isalnum (name[i]) && strchr ("._-", name[i]) == NULL)
      return NULL;
  return g_strndup (name, n);
}

/* The character set a page's <meta> names in its first 4 KiB ("<meta
 * charset=…>", or "charset=…" in a Content-Type, as Word's "Save as Web
 * Page" writes windows-1252), or %NULL. */
static char *
html_declared_charset (const char *data,
                       gsize       length)
{
  static GRegex   *regex;
  g_autofree char *head = g_strndup (data, MIN (length, 4096));
  g_autoptr (GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("<meta\\s[^>]*?charset\\s*=\\s*[\"']?([A-Za-z][A-Za-z0-9._:-]*)",
                                            G_REGEX_CASELESS | G_REGEX_RAW, 0, NULL));
  if (!g_regex_match (regex, head, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

/* Windows-1252's characters for the bytes 0x80 to 0x9F; its five
 * undefined bytes stay the control characters Latin-1 has there. */
static const gunichar windows_1252_high[32] = {
  0x20AC,
  0x0081,
  0x201A,
  0x0192,
  0x201E,
  0x2026,
  0x2020,
  0x2021,
  0x02C6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  0x008D,
  0x017D,
  0x008F,
  0x0090,
  0x2018,
  0x2019,
  0x201C,
  0x201D,
  0x2022,
  0x2013,
  0x2014,
  0x02DC,
  0x2122,
  0x0161,
  0x203A,
  0x0153,
  0x009D,
  0x017E,
  0x0178,
};

/* The character the Windows-1252 byte @c stands for. */
gunichar
_cd_import_windows_1252 (guint8 c)
{
  return c >= 0x80 && c < 0xA0 ? windows_1252_high[c - 0x80] : c;
}

static char *
decode_windows_1252 (const char *data,
                     gsize       length,
                     gsize      *decoded_length)
{
  GString *out = g_string_sized_new (length + length / 4);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, _cd_import_windows_1252 (c));
    }
  *decoded_length = out->len;
  return g_string_free (out, FALSE);
}

/* Whether @data holds a character of more than one byte written as UTF-8
 * writes it: text of an 8-bit set almost never does, UTF-8 with a stray
 * byte does. */
static gboolean
has_utf8_character (const char *data,
                    gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) data[i] >= 0xC2 && (guchar) data[i] <= 0xF4)
      {
        gunichar c = g_utf8_get_char_validated (data + i, length - i);

        if (c != (gunichar) -1 && c != (gunichar) -2)
          return TRUE;
      }
  return FALSE;
}

/* Whether @name is Latin-1 or ASCII, which files that say so so often
 * write in Windows-1252 that browsers read them as that. */
static gboolean
is_western (const char *name)
{
  static const char *const names[] = { "ISO-8859-1", "ISO8859-1", "ISO_8859-1", "LATIN1", "L1",
                                       "US-ASCII", "ASCII", "WINDOWS-1252", "CP1252" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* @data, when it is not UTF-8 but says or shows which character set it is
 * in, as UTF-8: agency XML in the set its declaration names (Latin-1 read
 * as Windows-1252), a feed's message in its envelope in Windows-1252 (the
 * Western European set feeds send in). %NULL where @data is UTF-8, holds
 * UTF-8's characters beside a stray byte, names a set of two bytes a
 * character (a file with no NUL byte is none), or tells nothing; and,
 * with @error set, where it cannot be read in the set it names. @charset
 * is set to the set it was read in. */
char *
_cd_import_decode_charset (const char    *data,
                           gsize          length,
                           CdImportFormat format,
                           const char    *origin,
                           gsize         *decoded_length,
                           char         **charset,
                           GError       **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *name = NULL;
  GIConv           converter;
  char            *decoded;
  gsize            n_read = 0;

  if (g_utf8_validate_len (data, length, NULL) || has_utf8_character (data, length))
    return NULL;
  if (format == CD_IMPORT_FORMAT_XML)
    name = declared_charset (data, length);
  else if (format == CD_IMPORT_FORMAT_HTML)
    name = html_declared_charset (data, length);
  else if (format == CD_IMPORT_FORMAT_WIRE && _cd_import_is_transmission (data, length))
    name = g_strdup ("WINDOWS-1252");
  if (name == NULL || g_ascii_strncasecmp (name, "UTF", 3) == 0 ||
      g_ascii_strncasecmp (name, "UCS", 3) == 0)
    return NULL;

  if (is_western (name))
    {
      *charset = g_strdup ("WINDOWS-1252");
      return decode_windows_1252 (data, length, decoded_length);
    }
  converter = g_iconv_open ("UTF-8", name);
  if (converter == (GIConv) -1)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID_UTF8,
                   "%s: the file says its text is in “%s”, a character set Copydesk cannot "
                   "read; save the file as UTF-8 and import it again.",
                   origin, name);
      return NULL;
    }
  g_iconv_close (converter);
  decoded = g_convert (data, length, "UTF-8", name, &n_read, decoded_length, &local);
  if (decoded == NULL)
    /* clang-format off */
    g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID_UTF8,
                 "%s: the file says its text is in “%s”, but byte offset %" G_GSIZE_FORMAT
                 " is not; save the file as UTF-8 and import it again.",
                 origin, name, n_read);
  /* clang-format on */
  else
    *charset = g_steal_pointer (&name);
  return decoded;
}

/* Whether the byte @c may stand beside a NUL byte in UTF-16 text of
 * the first 256 characters: printable, white space, or past ASCII. */
static gboolean
is_text_byte (guint8 c)
{
  return c >= 0x80 || g_ascii_isprint (c) || g_ascii_isspace (c);
}

/* The byte order of UTF-16 text with no mark that @data is: of its first
 * 64 characters, most are in the first 256 (a NUL byte after each, when
 * little-endian, or before) and none is NUL; NULL for other data. */
static const char *
unmarked_utf16 (const char *data,
                gsize       length)
{
  const guint8 *p = (const guint8 *) data;
  gsize         units = MIN (length, 128) / 2;
  guint         little = 0, big = 0;

  if (length < 8 || length % 2 != 0)
    return NULL;
  for (gsize i = 0; i < units; i++)
    {
      guint8 a = p[2 * i], b = p[2 * i + 1];

      if (a == 0 && b == 0)
        return NULL;
      little += b == 0 && is_text_byte (a);
      big += a == 0 && is_text_byte (b);
    }
  if (little >= units * 3 / 4 && big == 0)
    return "UTF-16LE";
  if (big >= units * 3 / 4 && little == 0)
    return "UTF-16BE";
  return NULL;
}

/* @data as UTF-8 when it is UTF-16 or UTF-32 text with its byte order
 * mark (the "Unicode" text of Windows' Notepad, of Word's "Save as
 * text" and of PowerShell), or UTF-16 text without one; NULL for other
 * data, and with @error set for such text that breaks off. */
char *
_cd_import_from_utf16 (const char *data,
                       gsize       length,
                       const char *origin,
                       gsize      *decoded_length,
                       GError    **error)
{
  /* clang-format off */
  static const struct { const char *mark; gsize size; const char *set; } marks[] = {
    { "\xff\xfe\0\0", 4, "UTF-32LE" }, { "\0\0\xfe\xff", 4, "UTF-32BE" },
    { "\xff\xfe", 2, "UTF-16LE" }, { "\xfe\xff", 2, "UTF-16BE" },
  };
  /* clang-format on */

  for (guint i = 0; data != NULL && i < G_N_ELEMENTS (marks); i++)
    if (length >= marks[i].size && memcmp (data, marks[i].mark, marks[i].size) == 0)
      {
        gsize n_read = 0;
        char *text = g_convert (data + marks[i].size, length - marks[i].size, "UTF-8", marks[i].set, &n_read,
                                decoded_length, NULL);

        /* A character cut off at the end is no error to g_convert (). */
        if (text != NULL && n_read != length - marks[i].size)
          g_clear_pointer (&text, g_free);
        if (text == NULL)
          /* clang-format off */
          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID_UTF8,
                       "%s: the file starts as %s text does, but byte offset %" G_GSIZE_FORMAT
                       " is not; save the file as UTF-8 and import it again.",
                       origin, marks[i].set, marks[i].size + n_read);
        /* clang-format on */
        return text;
      }
  if (data != NULL && unmarked_utf16 (data, length) != NULL)
    return g_convert (data, length, "UTF-8", unmarked_utf16 (data, length), NULL, decoded_length, NULL);
  return NULL;
}
