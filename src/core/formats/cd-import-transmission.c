/* cd-import-transmission.c: wire copy in the envelope a feed sends it in.
 *
 * Agency feeds on serial lines and satellite (IPTC 7901, ANPA 1312, and the
 * files the newsroom's wire capture writes from them) wrap each story in
 * control characters: SOH, the message heading (the agency's selector,
 * number, priority, category, keyword and word count), STX, the text, ETX,
 * a trailer (the desk and time sent), EOT. AP's text marks its heading
 * lines with "^" and ends them with "<" or "=", starts each paragraph with
 * a tab, and writes quotation marks as `` and '' and a dash as " _ ".
 * What the reader sees is the text; what the agency sends for the desk
 * goes to the note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"

#define SOH '\x01'
#define STX '\x02'
#define ETX '\x03'
#define EOT '\x04'

/* How far into a file its envelope starts: after a few synchronising
 * characters and, in some captures, a line of the capture's own. */
#define ENVELOPE_START_MAX 512

/**
 * _cd_import_is_transmission:
 * @text: a file's text
 * @length: its length
 *
 * Returns: whether @text is a wire message in its envelope: an STX near
 *   its start, and an ETX after it
 */
gboolean
_cd_import_is_transmission (const char *text,
                            gsize       length)
{
  const char *stx = memchr (text, STX, MIN (length, ENVELOPE_START_MAX));

  g_assert (text != NULL);

  return stx != NULL && memchr (stx, ETX, length - (stx - text)) != NULL;
}

/* Each line of @text (up to @end) with text in it, control characters
 * left out, into @notes. */
static void
note_lines (GString    *notes,
            const char *text,
            const char *end)
{
  g_autoptr (GString) line = g_string_new (NULL);

  g_assert (notes != NULL && text != NULL && end != NULL);

  for (const char *p = text; p <= end; p++)
    {
      if (p == end || *p == '\n' || *p == '\r')
        {
          g_strstrip (line->str);
          /* A heading ended with a code, as the text's lines are. */
          if (line->str[0] != '\0' && strchr ("<=", line->str[strlen (line->str) - 1]) != NULL)
            line->str[strlen (line->str) - 1] = '\0';
          g_strstrip (line->str);
          if (line->str[0] != '\0')
            _cd_import_add_note (notes, line->str);
          g_string_truncate (line, 0);
        }
      else if ((guchar) *p >= 0x20 || *p == '\t')
        g_string_append_c (line, *p);
    }
}

/* One line of the text, its codes left out: control characters, a "^"
 * that marks a heading line and the "<" or "=" that ends one, a "<" (quad
 * left) at the end of any line. */
static void
append_text_line (GString    *out,
                  const char *line,
                  const char *end)
{
  gsize    start = out->len;
  gboolean heading;

  g_assert (out != NULL && line != NULL && end != NULL);

  for (const char *p = line; p < end; p++)
    if ((guchar) *p >= 0x20 || *p == '\t')
      g_string_append_c (out, *p);
  heading = out->str[start] == '^';
  if (heading)
    g_string_erase (out, start, 1);
  while (out->len > start && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
    g_string_truncate (out, out->len - 1);
  /* "=" ends a heading line, or after a space (as dpa ends its headline)
   * any line. */
  if (out->len > start &&
      (out->str[out->len - 1] == '<' ||
       (out->str[out->len - 1] == '=' && (heading || (out->len - start > 1 && out->str[out->len - 2] == ' ')))))
    g_string_truncate (out, out->len - 1);
  while (out->len > start && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

/**
 * _cd_import_unwrap_transmission:
 * @text: wire copy, NUL-terminated
 * @origin: the file name that messages start with
 * @notes: where the message heading goes
 * @trailer: where the trailer goes (the desk and time the agency sent it)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the text between @text's STX and
 *   ETX without the transmission's codes, %NULL with @error set when
 *   @text holds more than one message
 */
char *
_cd_import_unwrap_transmission (const char *text,
                                const char *origin,
                                GString    *notes,
                                GString    *trailer,
                                GError    **error)
{
  const char *stx = strchr (text, STX);
  const char *etx = stx != NULL ? strchr (stx, ETX) : NULL;
  const char *soh, *eot, *next;
  GString    *out;

  g_assert (text != NULL && notes != NULL && trailer != NULL && etx != NULL);

  eot = strchr (etx, EOT);
  next = strchr (eot != NULL ? eot : etx, STX);
  if (next != NULL)
    {
      /* The second message starts at its own SOH, where it has one. */
      const char *after = eot != NULL ? eot : etx;
      const char *heading = memchr (after, SOH, next - after);

      if (heading != NULL)
        next = heading;
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the file holds more than one wire message (the second starts at "
                   "byte %" G_GSIZE_FORMAT "); import each from a file of its own.",
                   origin, (gsize) (next - text));
      return NULL;
    }
  soh = memchr (text, SOH, stx - text);
  note_lines (notes, soh != NULL ? soh + 1 : text, stx);

  out = g_string_sized_new (etx - stx);
  for (const char *line = stx + 1; line < etx;)
    {
      const char *nl = memchr (line, '\n', etx - line);
      const char *line_end = nl != NULL ? nl : etx;

      append_text_line (out, line, line_end);
      line = nl != NULL ? nl + 1 : etx;
    }
  note_lines (trailer, etx + 1, eot != NULL ? eot : etx + strlen (etx));
  return g_string_free (out, FALSE);
}

/**
 * _cd_import_wire_typography:
 * @text: wire copy
 *
 * Returns: (transfer full): @text with the typewriter forms of the old
 *   agency feeds as the characters they stand for: `` and '' (where the
 *   copy opens quotes with ``) as curly quotation marks, " _ " as a dash
 */
char *
_cd_import_wire_typography (const char *text)
{
  g_autoptr (GString) out = g_string_new (text);

  g_assert (text != NULL);

  if (strstr (text, "``") != NULL)
    {
      g_string_replace (out, "``", "\u201c", 0);
      g_string_replace (out, "''", "\u201d", 0);
    }
  g_string_replace (out, " _ ", " \u2014 ", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
