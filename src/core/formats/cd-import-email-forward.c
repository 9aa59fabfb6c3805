/* cd-import-email-forward.c: a story forwarded inside an email's text,
 * as mail programs write it (Gmail's "Forwarded message", Outlook's
 * "Original Message", Apple Mail's "Begin forwarded message:" and
 * Thunderbird's table of headers), in plain text or in the Markdown of an
 * HTML message: its headers and where its text starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-render.h"
#include "cd-words.h"

/* A message forwarded inside the text, as mail programs write it: after
 * a line ("---------- Forwarded message ---------", "-----Original
 * Message-----", "Begin forwarded message:"), its headers, among them
 * its sender and subject, in English or a language of the newsroom's. */
typedef struct
{
  char *from;    /* the From line's value */
  char *subject; /* the Subject line's value */
  char *date;    /* the Date (or Sent) line's value */
  gsize text;    /* where its text starts */
  gsize above;   /* where the line above its headers starts */
} Forward;

static void
forward_clear (Forward *forward)
{
  g_assert (forward != NULL);

  g_free (forward->from);
  g_free (forward->subject);
  g_free (forward->date);
}

/* Whether @name (@length bytes) is one of @names, in any case. */
static gboolean
name_in (const char        *name,
         gsize              length,
         const char *const *names)
{
  g_assert (name != NULL);
  g_assert (names != NULL);

  for (guint k = 0; names[k] != NULL; k++)
    if (strlen (names[k]) == length && g_ascii_strncasecmp (name, names[k], length) == 0)
      return TRUE;
  return FALSE;
}

/* What a line of a forwarded message's headers is. */
typedef enum
{
  LINE_OTHER,  /* no header line */
  LINE_HEADER, /* "Name: value" */
  LINE_KNOWN,  /* the sender, subject, date or a recipient */
} LineKind;

/* Reads the header line @line ("From: …", "*Subject:* …") into @forward;
 * LINE_OTHER when it is not one. */
static LineKind
read_forward_header (const char *line,
                     gsize       length,
                     Forward    *forward)
{
  static const char *const from[] = { "From", "Von", "De", "Da", "Van", "Fra", "Från", "Od", "Nadawca", "Kimden", "От",
                                      "Odesílatel", "De la", NULL };
  static const char *const subject[] = { "Subject", "Betreff", "Objet", "Asunto", "Oggetto",
                                         "Onderwerp", "Emne", "Ämne", "Temat", "Assunto", "Konu", "Тема",
                                         "Předmět", "Subiect", NULL };
  static const char *const date[] = { "Date", "Sent", "Datum", "Gesendet", "Envoyé", "Enviado",
                                      "Inviato", "Verzonden", "Sendt", "Skickat", "Data", "Fecha", "Wysłano",
                                      "Tarih", "Дата", "Odesláno", NULL };
  static const char *const to[] = { "To", "Cc", "Reply-To", "An", "Kopie", "À", "A", "Para", "Aan",
                                    "Til", "Till", "Do", "Kopia", "Adresat", "DW", "Kime", "Кому", "Komu", "Către", NULL };
  const char              *end = line + length;
  const char              *name, *colon, *name_end, *value;
  char                   **slot = NULL;

  g_assert (line != NULL);
  g_assert (forward != NULL);

  while (line < end && (*line == ' ' || *line == '*' || *line == '>'))
    line++;
  name = line;
  colon = memchr (line, ':', end - line);
  if (colon == NULL || colon == name || colon - name > 24)
    return LINE_OTHER;
  /* The space French sets before the colon: "De :", "Objet :". */
  name_end = colon;
  while (name_end > name && (name_end[-1] == ' ' || (name_end - name >= 2 && (guchar) name_end[-2] == 0xC2 &&
                                                     (guchar) name_end[-1] == 0xA0)))
    name_end -= name_end[-1] == ' ' ? 1 : 2;
  if (name_end == name)
    return LINE_OTHER;
  for (const char *p = name; p < name_end; p = g_utf8_next_char (p))
    if (!g_unichar_isalpha (g_utf8_get_char (p)) && *p != ' ' && *p != '-')
      return LINE_OTHER;
  value = colon + 1;
  while (value < end && (*value == '*' || *value == ' '))
    value++;
  if (name_in (name, name_end - name, from))
    slot = &forward->from;
  else if (name_in (name, name_end - name, subject))
    slot = &forward->subject;
  else if (name_in (name, name_end - name, date))
    slot = &forward->date;
  else if (!name_in (name, name_end - name, to))
    /* "Begin forwarded message:" is the mark above the headers. */
    return value < end ? LINE_HEADER : LINE_OTHER;
  if (slot != NULL && *slot == NULL)
    *slot = g_strstrip (g_strndup (value, end - value));
  return LINE_KNOWN;
}

/* Whether the line at @line is one a mail program sets above a message it
 * forwards: dashes around words ("-----Original Message-----"), or words
 * and a colon ("Begin forwarded message:"). */
static gboolean
is_forward_mark (const char *line)
{
  const char *eol;
  gsize       n;

  g_assert (line != NULL);

  eol = strchr (line, '\n');
  n = eol != NULL ? (gsize) (eol - line) : strlen (line);
  while (n > 0 && g_ascii_isspace (line[n - 1]))
    n--;
  return n > 0 && (g_strstr_len (line, n, "-----") != NULL || line[n - 1] == ':');
}

/* Reads the line @line (@length bytes) as a header line into
 * @forward. In Markdown (an HTML message's text) the line, or a table's
 * row, is read as the text a reader sees: "**From:** Anna \<[a@b](mailto:a@b)\>" is
 * "From: Anna <a@b>". */
static LineKind
read_forward_line (const char *line,
                   gsize       length,
                   gboolean    markdown,
                   Forward    *forward)
{
  g_autofree char *plain = NULL;

  g_assert (line != NULL);
  g_assert (forward != NULL);

  if (markdown && length > 0 && *line == '|')
    {
      /* A table's row ("| Subject: | Harbour reopens |", as Thunderbird
       * sets the headers), its cells read as one line. */
      g_autoptr (GString) row = g_string_new_len (line, length);

      if (strspn (row->str, "|-: ") == row->len)
        return LINE_HEADER;
      g_strdelimit (row->str, "|", ' ');
      plain = cd_render_plain_text (row->str, row->len);
      return *plain != '\0' ? read_forward_header (plain, strlen (plain), forward) : LINE_OTHER;
    }
  if (!markdown || length == 0 || memchr (line, ':', length) == NULL)
    return read_forward_header (line, length, forward);
  if (line[length - 1] == '\\')
    length--;
  plain = cd_render_plain_text (line, length);
  return *plain != '\0' ? read_forward_header (plain, strlen (plain), forward) : LINE_OTHER;
}

/* Whether the line at @line (@length bytes) is blank, or a quote's blank
 * line (">"). */
static gboolean
line_is_blank (const char *line,
               gsize       length)
{
  g_assert (line != NULL);

  for (gsize k = 0; k < length; k++)
    if (!g_ascii_isspace (line[k]) && line[k] != '>')
      return FALSE;
  return TRUE;
}

/* The line after @line, or %NULL after the last; its length in @length
 * (without a carriage return). */
static const char *
next_line (const char *line,
           gsize      *length)
{
  const char *eol;
  gsize       n;

  g_assert (line != NULL);
  g_assert (length != NULL);

  eol = strchr (line, '\n');
  if (eol == NULL)
    return NULL;
  line = eol + 1;
  eol = strchr (line, '\n');
  n = eol != NULL ? (gsize) (eol - line) : strlen (line);
  if (n > 0 && line[n - 1] == '\r')
    n--;
  *length = n;
  return line;
}

/* In Markdown (an HTML message, which may set each header line in a
 * paragraph of its own), the next known header line after the blank ones
 * at @line; %NULL where there is none. */
static const char *
header_after_blanks (const char *line,
                     gsize      *length)
{
  const char *next = line;
  gsize       n = 0;
  Forward     scratch = { 0 };
  LineKind    kind;

  g_assert (line != NULL);
  g_assert (length != NULL);

  while ((next = next_line (next, &n)) != NULL && line_is_blank (next, n))
    ;
  if (next == NULL)
    return NULL;
  kind = read_forward_line (next, n, TRUE, &scratch);
  forward_clear (&scratch);
  *length = n;
  return kind == LINE_KNOWN ? next : NULL;
}

/* Finds the first message forwarded inside @text (Markdown when
 * @markdown): a run of header lines with a sender and a subject, up to a
 * blank line. */
static gboolean
find_forward (const char *text,
              gboolean    markdown,
              Forward    *forward)
{
  const char *above = NULL;

  g_assert (text != NULL);
  g_assert (forward != NULL);

  for (const char *line = text; *line != '\0';)
    {
      const char *start = line;
      const char *last = NULL;
      guint       headers = 0;
      gboolean    spread = FALSE; /* over paragraphs */

      memset (forward, 0, sizeof *forward);
      while (*line != '\0')
        {
          const char *eol = strchr (line, '\n');
          gsize       n = eol != NULL ? (gsize) (eol - line) : strlen (line);

          if (n > 0 && line[n - 1] == '\r')
            n--;
          if (line_is_blank (line, n))
            {
              const char *header = markdown && headers > 0 ? header_after_blanks (line, &n) : NULL;

              if (header == NULL)
                break;
              line = header;
              eol = strchr (line, '\n');
              spread = TRUE;
            }
          if (read_forward_line (line, n, markdown, forward) == LINE_OTHER)
            break;
          headers++;
          last = line;
          line = eol != NULL ? eol + 1 : line + strlen (line);
        }
      /* Header lines in paragraphs of their own are a forward's only
       * under the line a mail program sets above it. */
      if (headers >= 2 && forward->from != NULL && forward->subject != NULL &&
          (!spread || (above != NULL && is_forward_mark (above))))
        {
          forward->text = line - text;
          forward->above = (above != NULL && is_forward_mark (above) ? above : start) - text;
          return TRUE;
        }
      forward_clear (forward);
      /* On past the run of header lines (a later one within it has fewer),
       * or to the next line; the mark may stand above a blank one. */
      if (headers > 0)
        {
          above = last;
          continue;
        }
      {
        const char *eol = strchr (start, '\n');

        if (!line_is_blank (start, eol != NULL ? (gsize) (eol - start) : strlen (start)))
          above = start;
      }
      line = strchr (start, '\n');
      if (line == NULL)
        break;
      line++;
    }
  memset (forward, 0, sizeof *forward);
  return FALSE;
}

/* @text without its leading blank lines and, where each line of it is
 * quoted ("> ", as a forwarded message can be), without one level of
 * quoting. */
static char *
unquote (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;
  gboolean quoted = TRUE;

  g_assert (text != NULL);

  while (*text != '\0')
    {
      const char *eol = strchr (text, '\n');

      if (eol == NULL || !line_is_blank (text, eol - text))
        break;
      text = eol + 1;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint k = 0; lines[k] != NULL && quoted; k++)
    quoted = *g_strchug (lines[k]) == '>' || *lines[k] == '\0';
  if (!quoted)
    return g_strdup (text);
  for (guint k = 0; lines[k] != NULL; k++)
    {
      const char *line = lines[k];

      if (*line == '>')
        line += line[1] == ' ' ? 2 : 1;
      g_string_append (out, line);
      if (lines[k + 1] != NULL)
        g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Finds the line a mail program writes over the message a reply quotes
 * ("On Tue, 4 May 2027 at 09:12, Newsdesk <desk@paper.example> wrote:",
 * "Am … schrieb …:", "Le … a écrit :"), set over two lines too, with
 * quoted lines ("> ") under it: @forward gets where the line starts,
 * where the quote does, and who wrote it. */
static gboolean
find_attribution (const char *text,
                  Forward    *forward)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:on|am|le|el|il|op)\\s(?<head>.{4,200}?)\\s(?:wrote|schrieb\\s(?<after>.{1,120})|"
                                            "a\\s+écrit|escribió|ha\\s+scritto|schreef\\s(?<after>.{1,120}))\\s*:\\s*$",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE | G_REGEX_DUPNAMES, 0, NULL));
  memset (forward, 0, sizeof *forward);
  for (const char *line = text; *line != '\0';)
    {
      const char      *eol = strchr (line, '\n');
      const char      *next = eol != NULL ? eol + 1 : NULL;
      const char      *next_end = next != NULL ? strchr (next, '\n') : NULL;
      g_autofree char *one = g_strndup (line, eol != NULL ? (gsize) (eol - line) : strlen (line));
      g_autofree char *two = next != NULL ? g_strconcat (one, " ", next, NULL) : NULL;
      g_autoptr (GMatchInfo) info = NULL;
      const char *after = NULL;

      if (two != NULL && next_end != NULL)
        two[strlen (one) + 1 + (next_end - next)] = '\0';
      if (g_regex_match (regex, g_strchomp (one), 0, &info))
        after = next;
      else if (two != NULL)
        {
          g_clear_pointer (&info, g_match_info_free);
          if (g_regex_match (regex, g_strchomp (two), 0, &info))
            after = next_end != NULL ? next_end + 1 : NULL;
        }
      /* A mail program's line gives the time: a story's "On Monday the
       * mayor wrote:" over a quotation does not. */
      if (after != NULL && *(after + strspn (after, " \t\r\n")) == '>' &&
          g_regex_match_simple ("\\d[:.]\\d\\d", two != NULL && after != next ? two : one, 0, 0))
        {
          g_autofree char *head = g_match_info_fetch_named (info, "head");
          g_autofree char *after_verb = g_match_info_fetch_named (info, "after");
          const char      *angle = strchr (head, '<');
          const char      *comma = NULL;

          /* Its sender: after the date, where the address is. */
          for (const char *p = head; *p != '\0' && (angle == NULL || p < angle); p++)
            if (*p == ',')
              comma = p;
          /* Or after the verb: "Am … schrieb Newsdesk <…>:". */
          if (after_verb != NULL && *after_verb != '\0')
            forward->from = g_strstrip (g_steal_pointer (&after_verb));
          else
            forward->from = g_strstrip (g_strdup (comma != NULL ? comma + 1 : head));
          forward->above = line - text;
          forward->text = after - text;
          return TRUE;
        }
      line = next != NULL ? next : line + strlen (line);
    }
  return FALSE;
}

/**
 * _cd_import_take_forward:
 * @text: (transfer full): an email's text, Markdown when @markdown
 * @markdown: whether @text is the Markdown of an HTML message
 * @from: (out): the forwarded message's sender as its header gives it
 * @subject: (out): its subject
 * @date: (out) (nullable): its date, as written
 * @notes: the note, which gets what was written above the forward
 *
 * Returns: (transfer full): the forwarded message's text (one level of
 *   quoting taken off), or @text itself with the out values %NULL when
 *   it holds no forwarded message
 */
char *
_cd_import_take_forward (char    *text,
                         gboolean markdown,
                         char   **from,
                         char   **subject,
                         char   **date,
                         GString *notes)
{
  Forward          forward;
  gboolean         attributed = FALSE;
  g_autofree char *above = NULL;
  char            *story;

  g_assert (text != NULL);
  g_assert (from != NULL && subject != NULL && date != NULL);
  g_assert (notes != NULL);

  *from = *subject = *date = NULL;
  if (!find_forward (text, markdown, &forward) && !(attributed = find_attribution (text, &forward)))
    return text;
  above = g_strstrip (g_strndup (text, forward.above));
  /* A reply with the message it answers under it ("-----Original
   * Message-----", "On … wrote:"): the story is the reply's, written
   * above, many times the words of the message quoted. */
  {
    g_autofree char *quoted = unquote (text + forward.text);
    g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

    if (cd_count_words (above) >= 80 && cd_count_words (above) >= 3 * cd_count_words (quoted))
      {
        g_autofree char *flat = g_strstrip (g_regex_replace_literal (spaces, quoted, -1, 0, " ", 0, NULL));
        glong            length = g_utf8_strlen (flat, -1);
        g_autofree char *start = g_utf8_substring (flat, 0, MIN (length, 200));
        g_autofree char *note = g_strdup_printf ("In reply to %s: “%s%s”", forward.from != NULL ? forward.from : "a message",
                                                 start, length > 200 ? "…" : "");

        _cd_import_add_note (notes, note);
        forward_clear (&forward);
        text[forward.above] = '\0';
        return text;
      }
  }
  /* A short reply over a quote is read as it was. */
  if (attributed)
    {
      forward_clear (&forward);
      return text;
    }
  if (markdown)
    {
      /* Without the hard breaks (a "\" at a line's end), which at a
       * paragraph's end are read as the character. */
      g_autoptr (GRegex) breaks = g_regex_new ("\\\\$", G_REGEX_MULTILINE, 0, NULL);
      g_autofree char *lines = g_regex_replace_literal (breaks, above, -1, 0, "", 0, NULL);
      char            *seen = cd_render_plain_text (lines, -1);

      g_free (above);
      above = seen;
    }
  if (*above != '\0')
    {
      g_autofree char *note = g_strdup_printf ("Written above the forwarded message: “%s”", above);

      _cd_import_add_note (notes, note);
    }
  *from = g_steal_pointer (&forward.from);
  *subject = g_steal_pointer (&forward.subject);
  *date = g_steal_pointer (&forward.date);
  story = unquote (text + forward.text);
  g_free (text);
  return story;
}
