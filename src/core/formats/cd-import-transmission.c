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
#define BS '\x08'
#define DLE '\x10'
#define SYN '\x16'
#define RS '\x1e'
#define US '\x1f'
#define DEL '\x7f'

/* How far into a file its envelope starts: after a few synchronising
 * characters and the message heading. */
#define ENVELOPE_START_MAX 512

/* Whether @c may stand in a message heading: the synchronising and
 * heading characters, the unit and record separators ANPA's selector codes
 * are set off with, the device controls its printers were sent (DC1 to
 * DC4), and line ends and tabs; no other control character. */
static gboolean
is_heading_control (guchar c)
{
  return c == SOH || c == SYN || (c >= 0x11 && c <= 0x14) || c == RS || c == US ||
         c == '\r' || c == '\n' || c == '\t';
}

/* The envelope's STX: near the start, at the start of the file or of a
 * line, with nothing before it but heading characters and printable
 * heading lines; else NULL. */
static const char *
find_stx (const char *text,
          gsize       length)
{
  gsize n = MIN (length, ENVELOPE_START_MAX);

  g_assert (text != NULL);

  for (gsize i = 0; i < n; i++)
    {
      guchar c = text[i];

      if (c == STX)
        return i == 0 || text[i - 1] == '\n' || text[i - 1] == '\r' || text[i - 1] == SOH ||
                       text[i - 1] == SYN
                   ? text + i
                   : NULL;
      if (c < 0x20 && !is_heading_control (c))
        return NULL;
    }
  return NULL;
}

/**
 * _cd_import_is_transmission:
 * @text: a file's text
 * @length: its length
 *
 * Returns: whether @text is a wire message in its envelope: an STX that
 *   opens a line near its start, with only the heading before it
 */
gboolean
_cd_import_is_transmission (const char *text,
                            gsize       length)
{
  return find_stx (text, length) != NULL;
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
      else if ((guchar) *p >= 0x20 && *p != DEL)
        g_string_append_c (line, *p);
      /* A separator or tab between two codes parts them. */
      else if (line->len > 0 && line->str[line->len - 1] != ' ')
        g_string_append_c (line, ' ');
    }
}

/* Appends a line of a table as AP sends its agate (the tab line indicator
 * BS first, "^" before a row of column heads): its cells parted by
 * semicolons, as the rows of AP's other tables are. Cells are parted
 * there by the separators US and RS, with spaces; DLE before a space
 * inside a cell ("Tampa<DLE> Bay") is left out. */
static void
append_table_row (GString    *out,
                  const char *line,
                  const char *end)
{
  gboolean semicolons = memchr (line, ';', end - line) != NULL;
  gboolean parted = FALSE;

  g_assert (out != NULL && line != NULL && end != NULL && *line == BS);

  line++;
  if (line < end && *line == '^')
    line++;
  for (const char *p = line; p < end; p++)
    {
      if (!semicolons && (*p == US || *p == RS))
        parted = TRUE;
      else if (parted && *p == ' ')
        continue;
      else if ((guchar) *p >= 0x20 && *p != DEL)
        {
          if (parted)
            g_string_append_c (out, ';');
          parted = FALSE;
          g_string_append_c (out, *p);
        }
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

/* Appends one line of the text, its codes left out: control characters, a
 * "^" that marks a heading line and the "<" or "=" that ends one, a "<"
 * (quad left) at the end of any line, and in the lines above the first
 * blank one a "=" after a space, as dpa ends its headline. A heading
 * line stands alone, as AP sets the heads of its tables and lists ("All
 * Times EDT=", "Saturday's Games=") and its lists of headlines, so a
 * blank line follows it. Returns whether the line is blank. */
static gboolean
append_text_line (GString    *out,
                  const char *line,
                  const char *end,
                  gboolean    in_head)
{
  gsize    start = out->len;
  gboolean heading;

  g_assert (out != NULL && line != NULL && end != NULL);

  if (line < end && *line == BS)
    {
      append_table_row (out, line, end);
      return FALSE;
    }
  /* Two heads on one line, the first ended by quad left: "^*9006< ^AP-Top
   * …<" */
  for (const char *p = line; *line == '^' && p < end; p++)
    if (*p == '<')
      {
        const char *next = p + 1;

        while (next < end && *next == ' ')
          next++;
        if (next < end && *next == '^')
          {
            /* The first head holds no other: this call parts no more. */
            append_text_line (out, line, p + 1, in_head);
            line = next;
            p = next;
          }
      }
  start = out->len;
  for (const char *p = line; p < end; p++)
    if (((guchar) *p >= 0x20 && *p != DEL) || *p == '\t')
      g_string_append_c (out, *p);
  heading = out->str[start] == '^';
  if (heading)
    g_string_erase (out, start, 1);
  while (out->len > start && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
    g_string_truncate (out, out->len - 1);
  /* AP ends its rules across the page with it too: "___=". */
  if (out->len > start + 3 && out->str[out->len - 1] == '=' &&
      strspn (out->str + start + strspn (out->str + start, " \t"), "_-") + 1 ==
          out->len - start - strspn (out->str + start, " \t"))
    g_string_truncate (out, out->len - 1);
  if (out->len > start &&
      (out->str[out->len - 1] == '<' ||
       (out->str[out->len - 1] == '=' &&
        (heading || (in_head && out->len - start > 1 && out->str[out->len - 2] == ' ')))))
    g_string_truncate (out, out->len - 1);
  while (out->len > start && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
  if (heading && out->len > start + 1)
    g_string_append_c (out, '\n');
  return out->len == start + 1;
}

/* The first control character of a message's frame (SOH, STX, ETX or
 * EOT) from @p on, or the end of @text. */
static const char *
frame_end (const char *p)
{
  g_assert (p != NULL);

  return p + strcspn (p, "\x01\x02\x03\x04");
}

/* Where the message whose STX is @stx ends and the next starts (its own
 * SOH or STX), or the end of the text: the story ends at ETX, the
 * trailer runs from there to EOT (into @trailer, unless %NULL). */
static const char *
message_end (const char *stx,
             GString    *trailer)
{
  const char *after = frame_end (stx + 1);
  const char *next;

  if (*after == ETX)
    {
      const char *trailer_end = frame_end (after + 1);

      if (trailer != NULL)
        note_lines (trailer, after + 1, trailer_end);
      after = *trailer_end == EOT ? trailer_end + 1 : trailer_end;
    }
  else if (*after == EOT)
    after++;
  next = frame_end (after);
  while (*next == ETX || *next == EOT)
    next = frame_end (next + 1);
  return next;
}

/* The lines of @text up to @end with text in them, control characters
 * left out, at most @most from its start (@from_end FALSE) or its end. */
static GPtrArray *
text_lines (const char *text,
            const char *end,
            guint       most,
            gboolean    from_end)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) line = g_string_new (NULL);

  g_assert (text != NULL && end != NULL && end >= text);

  for (const char *p = text; p <= end; p++)
    if (p == end || *p == '\n' || *p == '\r')
      {
        g_strstrip (line->str);
        if (line->str[0] != '\0')
          g_ptr_array_add (lines, g_strdup (line->str));
        g_string_truncate (line, 0);
      }
    else if ((guchar) *p >= 0x20 && *p != DEL)
      g_string_append_c (line, *p);
  if (lines->len > most)
    g_ptr_array_remove_range (lines, from_end ? 0 : most, lines->len - most);
  return g_steal_pointer (&lines);
}

/* Whether the message @next goes on with the story of @message, a take
 * after a take: @message's text ends with the mark that it goes on
 * ("… he said. MORE", then perhaps its sign-off and time stamp), and the
 * text of @next starts with the take's head and number ("DEL47",
 * "IMD-MONSOON 2 LAST"). */
static gboolean
continues_take (const char *message,
                const char *next)
{
  const char *stx = find_stx (message, strlen (message));
  const char *next_stx = find_stx (next, strlen (next));
  g_autoptr (GPtrArray) last = NULL;
  g_autoptr (GPtrArray) first = NULL;
  gboolean goes_on = FALSE;

  g_assert (stx != NULL && next_stx != NULL);

  last = text_lines (stx + 1, frame_end (stx + 1), 4, TRUE);
  for (guint i = 0; i < last->len && !goes_on; i++)
    goes_on = _cd_import_take_goes_on (g_ptr_array_index (last, i), NULL);
  if (!goes_on)
    return FALSE;
  first = text_lines (next_stx + 1, frame_end (next_stx + 1), 3, FALSE);
  for (guint i = 0; i < first->len; i++)
    {
      const char      *line = g_ptr_array_index (first, i);
      g_autofree char *bare = g_regex_replace_literal (_cd_import_wire_regex (RE_TAKE_NUMBER), line, -1, 0, "", 0, NULL);
      gboolean         slug;

      if (!_cd_import_is_take_head (line, &slug))
        return FALSE;
      if (slug && bare != NULL && strcmp (bare, line) != 0)
        return TRUE;
    }
  return FALSE;
}

/* One message of the story in @message and the take after it, @next:
 * the heading of both (for the note), the text of the first, what closes
 * it (its trailer), then the text of the next with its trailer, as a
 * story sent in takes reads in one message. */
static char *
join_take (const char *message,
           const char *next)
{
  const char *stx = find_stx (message, strlen (message));
  const char *next_stx = find_stx (next, strlen (next));
  const char *text_end = frame_end (stx + 1);
  const char *soh = memchr (next, SOH, next_stx - next);
  GString    *joined = g_string_new_len (message, stx - message);

  g_assert (stx != NULL && next_stx != NULL);

  /* The next take's heading, its SOH left out: the note's. */
  g_string_append_c (joined, '\n');
  g_string_append_len (joined, soh != NULL ? soh + 1 : next, next_stx - (soh != NULL ? soh + 1 : next));
  g_string_append_len (joined, stx, text_end - stx);
  g_string_append_c (joined, '\n');
  /* The first take's trailer, to close it as "NNNN" does in one message. */
  for (const char *p = text_end; *p != '\0'; p++)
    if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\r')
      g_string_append_c (joined, *p);
  g_string_append_c (joined, '\n');
  g_string_append (joined, next_stx + 1);
  return g_string_free (joined, FALSE);
}

/**
 * _cd_import_split_transmissions:
 * @text: wire copy
 * @length: its length in bytes
 *
 * A wire capture of several messages, each in its envelope, as the
 * newsroom's capture writes them one after another.
 *
 * Returns: (transfer full) (nullable): each message's text, envelope and
 *   all, a story's takes joined in one; %NULL when @text holds fewer than
 *   two messages
 */
GPtrArray *
_cd_import_split_transmissions (const char *text,
                                gsize       length)
{
  g_autoptr (GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *copy = g_strndup (text, length);
  const char      *start = copy;
  guint            found;

  g_assert (text != NULL);

  while (*start != '\0')
    {
      const char *stx = find_stx (start, strlen (start));
      const char *next;

      if (stx == NULL)
        return NULL;
      next = message_end (stx, NULL);
      g_ptr_array_add (messages, g_strndup (start, next - start));
      start = next;
    }
  found = messages->len;
  /* A story sent in takes, each in its envelope, is one story. */
  for (guint i = messages->len - 1; i > 0; i--)
    if (continues_take (g_ptr_array_index (messages, i - 1), g_ptr_array_index (messages, i)))
      {
        char *joined = join_take (g_ptr_array_index (messages, i - 1), g_ptr_array_index (messages, i));

        g_free (g_ptr_array_index (messages, i - 1));
        messages->pdata[i - 1] = joined;
        g_ptr_array_remove_index (messages, i);
      }
  return found >= 2 ? g_steal_pointer (&messages) : NULL;
}

/**
 * _cd_import_unwrap_transmission:
 * @text: wire copy, NUL-terminated, for which _cd_import_is_transmission()
 * @origin: the file name that messages start with
 * @notes: where the message heading goes
 * @trailer: where the trailer goes (the desk and time the agency sent it)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the text between @text's STX and
 *   ETX (or EOT, or the end of a capture cut short) without the
 *   transmission's codes, its lines ended by CR, LF or both; %NULL with
 *   @error set when @text holds more than one message
 */
char *
_cd_import_unwrap_transmission (const char *text,
                                const char *origin,
                                GString    *notes,
                                GString    *trailer,
                                GError    **error)
{
  const char *stx = find_stx (text, strlen (text));
  const char *story_end, *next, *soh;
  g_autoptr (GString) story = NULL;
  GString *out;
  gboolean in_head = TRUE;

  g_assert (text != NULL && notes != NULL && trailer != NULL && stx != NULL);

  story_end = frame_end (stx + 1);
  next = message_end (stx, trailer);
  if (*next != '\0')
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the file holds more than one wire message (the second starts at "
                   "byte %" G_GSIZE_FORMAT "); import each from a file of its own.",
                   origin, (gsize) (next - text));
      return NULL;
    }
  soh = memchr (text, SOH, stx - text);
  note_lines (notes, soh != NULL ? soh + 1 : text, stx);

  /* Lines end with CR LF, LF, CR CR LF or, in some captures, CR alone. */
  story = g_string_sized_new (story_end - stx);
  for (const char *p = stx + 1; p < story_end; p++)
    if (*p != '\r' || p + 1 == story_end || p[1] != '\n')
      g_string_append_c (story, *p);
  if (strchr (story->str, '\n') == NULL)
    g_strdelimit (story->str, "\r", '\n');
  out = g_string_sized_new (story->len);
  for (const char *line = story->str, *end = story->str + story->len; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl != NULL ? nl : end;

      if (append_text_line (out, line, line_end, in_head) && out->len > 1)
        in_head = FALSE;
      line = nl != NULL ? nl + 1 : end;
    }
  return g_string_free (out, FALSE);
}

/**
 * _cd_import_wire_typography:
 * @text: wire copy
 *
 * Returns: (transfer full): @text without control characters (but tabs
 *   and line ends), with the typewriter forms of the old agency feeds as
 *   the characters they stand for: `` and '' (where the copy opens quotes
 *   with ``) as curly quotation marks, " _ " as a dash
 */
char *
_cd_import_wire_typography (const char *text)
{
  gboolean quotes = strstr (text, "``") != NULL;
  GString *out = g_string_sized_new (strlen (text));

  g_assert (text != NULL);

  for (const char *p = text; *p != '\0';)
    {
      if (quotes && p[0] == '`' && p[1] == '`')
        g_string_append (out, "\u201c"), p += 2;
      else if (quotes && p[0] == '\'' && p[1] == '\'')
        g_string_append (out, "\u201d"), p += 2;
      else if (p[0] == ' ' && p[1] == '_' && p[2] == ' ')
        g_string_append (out, " \u2014 "), p += 3;
      else if (((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == DEL)
        p++;
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
