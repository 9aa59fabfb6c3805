/* cd-import-email.c: articles from email, the way stringers and
 * colleagues file copy: a message saved from a mail program (.eml, or
 * text that starts with a message's headers). GMime reads the message;
 * the subject is the headline, the sender the byline, the text the story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include <gmime/gmime.h>

#include "cd-import-private.h"
#include "cd-import.h"
#include "cd-text.h"

/* GMime's objects, which it declares no cleanup for. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

/* How far into a file the headers of a message are looked for. */
#define HEADERS_MAX (64 * 1024)

/* Whether the header line at @line names @name ("From" for "From: …"). */
static gboolean
header_is (const char *line,
           gsize       name_length,
           const char *name)
{
  return strlen (name) == name_length && g_ascii_strncasecmp (line, name, name_length) == 0;
}

/* Where the message's headers start in @text (past a byte order mark,
 * blank lines and an mbox "From " line), or -1 when @text does not start
 * with a message's headers: lines "Name: value" (or folded under one) up
 * to a blank line, among them From and at least one other a mail program
 * writes. Wire copy and a story's own "Date:" lines are not that. */
gssize
_cd_import_message_start (const char *text,
                          gsize       length)
{
  static const char *const known[] = { "Subject", "Date", "To", "Message-ID", "MIME-Version",
                                       "Received", "Return-Path", "Delivered-To", "Content-Type" };
  gsize                    start = _cd_import_skip_bom (text, length);
  gsize                    i;
  gboolean                 from = FALSE;
  guint                    others = 0;

  length = MIN (length, HEADERS_MAX);
  while (start < length && g_ascii_isspace (text[start]))
    start++;
  /* Back to the start of the line the first header is on. */
  while (start > 0 && text[start - 1] != '\n')
    start--;
  if (length - start > 5 && strncmp (text + start, "From ", 5) == 0)
    {
      const char *eol = memchr (text + start, '\n', length - start);

      if (eol == NULL)
        return -1;
      start = eol + 1 - text;
    }

  for (i = start; i < length;)
    {
      const char *line = text + i;
      const char *eol = memchr (line, '\n', length - i);
      gsize       line_length = (eol != NULL ? (gsize) (eol - line) : length - i);
      gsize       name_length = 0;

      if (line_length > 0 && line[line_length - 1] == '\r')
        line_length--;
      if (line_length == 0)
        break;
      if (line[0] == ' ' || line[0] == '\t')
        {
          if (i == start)
            return -1;
        }
      else
        {
          while (name_length < line_length && line[name_length] > ' ' && line[name_length] < 0x7f &&
                 line[name_length] != ':')
            name_length++;
          if (name_length == 0 || name_length == line_length || line[name_length] != ':')
            return -1;
          if (header_is (line, name_length, "From"))
            from = TRUE;
          for (guint k = 0; k < G_N_ELEMENTS (known); k++)
            if (header_is (line, name_length, known[k]))
              others++;
        }
      if (eol == NULL)
        break;
      i = eol + 1 - text;
    }
  return from && others > 0 ? (gssize) start : -1;
}

static gpointer
init_gmime (gpointer data)
{
  g_mime_init ();
  return NULL;
}

/* The text of a part, in UTF-8: as its character set says, else (none
 * said, or one it is not in) as Windows-1252, noted in @notes. */
static char *
part_text (GMimeTextPart *part,
           GString       *notes)
{
  g_autofree char *text = g_mime_text_part_get_text (part);
  char            *western;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return g_steal_pointer (&text);
  western = g_convert (text, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (western != NULL)
    _cd_import_add_note (notes, "The message's text is not in the character set it names; "
                                "it was read as Windows-1252 (Western European).");
  return western;
}

typedef struct
{
  GMimeMessage  *message; /* the message whose text the story is */
  GMimeTextPart *plain;   /* its first text/plain that is not attached */
  GMimeTextPart *html;    /* its first text/html that is not attached */
  GString       *attachments;
} Parts;

/* Finds the message's text in @object and names its attachments. */
static void
find_parts (GMimeObject *object,
            Parts       *parts)
{
  GMimeContentType *type = g_mime_object_get_content_type (object);

  if (GMIME_IS_MULTIPART (object))
    {
      int count = g_mime_multipart_get_count (GMIME_MULTIPART (object));

      for (int i = 0; i < count; i++)
        find_parts (g_mime_multipart_get_part (GMIME_MULTIPART (object), i), parts);
    }
  else if (GMIME_IS_MESSAGE_PART (object))
    {
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));

      /* A message forwarded as an attachment is the story, with its
       * subject and sender, when the message has no text of its own. */
      if (inner != NULL && parts->plain == NULL && parts->html == NULL)
        {
          parts->message = inner;
          find_parts (g_mime_message_get_mime_part (inner), parts);
        }
    }
  else if (GMIME_IS_TEXT_PART (object) && !g_mime_part_is_attachment (GMIME_PART (object)) &&
           g_mime_content_type_is_type (type, "text", "plain"))
    {
      if (parts->plain == NULL)
        parts->plain = GMIME_TEXT_PART (object);
    }
  else if (GMIME_IS_TEXT_PART (object) && !g_mime_part_is_attachment (GMIME_PART (object)) &&
           g_mime_content_type_is_type (type, "text", "html"))
    {
      if (parts->html == NULL)
        parts->html = GMIME_TEXT_PART (object);
    }
  else if (GMIME_IS_PART (object))
    {
      const char      *name = g_mime_part_get_filename (GMIME_PART (object));
      g_autofree char *mime_type = g_mime_content_type_get_mime_type (type);

      if (parts->attachments->len > 0)
        g_string_append (parts->attachments, ", ");
      g_string_append_printf (parts->attachments, "%s (%s)", name != NULL ? name : "unnamed", mime_type);
    }
}

/* @subject without the marks of a reply or a forward ("Fwd: ", "RE: ",
 * "AW: ", "TR: "…), and white space. */
static char *
strip_subject (const char *subject)
{
  static const char *const marks[] = { "re", "fw", "fwd", "aw", "wg", "tr", "sv", "vs", "rv", "enc" };
  const char              *p = subject != NULL ? subject : "";
  gboolean                 again = TRUE;

  while (again)
    {
      again = FALSE;
      while (g_ascii_isspace (*p))
        p++;
      for (guint k = 0; k < G_N_ELEMENTS (marks); k++)
        {
          gsize n = strlen (marks[k]);

          if (g_ascii_strncasecmp (p, marks[k], n) == 0 && p[n] == ':')
            {
              p += n + 1;
              again = TRUE;
              break;
            }
        }
    }
  return g_strstrip (g_strdup (p));
}

/* The sender's name, else the address, of the first of @list. */
static const char *
sender_name (InternetAddressList *list,
             const char         **address)
{
  InternetAddress *sender;
  const char      *name;

  *address = NULL;
  if (list == NULL || internet_address_list_length (list) == 0)
    return NULL;
  sender = internet_address_list_get_address (list, 0);
  if (INTERNET_ADDRESS_IS_MAILBOX (sender))
    *address = internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (sender));
  name = internet_address_get_name (sender);
  return name != NULL && *name != '\0' ? name : *address;
}

/* Cuts the signature off @text: from a line that is "-- " (or "--"),
 * the mark mail programs set above it. */
static void
cut_signature (char *text)
{
  for (char *line = text; line != NULL && *line != '\0';)
    {
      char *eol = strchr (line, '\n');
      gsize n = eol != NULL ? (gsize) (eol - line) : strlen (line);

      if (n > 0 && line[n - 1] == '\r')
        n--;
      if ((n == 3 && strncmp (line, "-- ", 3) == 0) || (n == 2 && strncmp (line, "--", 2) == 0) ||
          (n == 3 && strncmp (line, "\\--", 3) == 0) || (n == 4 && strncmp (line, "\\--\\", 4) == 0))
        {
          *line = '\0';
          return;
        }
      line = eol != NULL ? eol + 1 : NULL;
    }
}

/* The importer of email (see %CD_IMPORT_FORMAT_EMAIL): fills @article
 * from @message_bytes, from its headers on: the bytes as they were, not checked
 * as UTF-8, since the message names the character set of each part. */
gboolean
_cd_import_email (CdArticle  *article,
                  GBytes     *message_bytes,
                  const char *origin,
                  GError    **error)
{
  static GOnce init = G_ONCE_INIT;
  g_autoptr (GMimeStream) stream = NULL;
  g_autoptr (GMimeParser) parser = NULL;
  g_autoptr (GMimeMessage) message = NULL;
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autoptr (GString) attachments = g_string_new (NULL);
  g_autofree char *subject = NULL;
  g_autofree char *story = NULL;
  GDateTime       *date;
  const char      *address;
  const char      *sender;
  Parts            parts = { NULL, NULL, NULL, attachments };

  g_assert (CD_IS_ARTICLE (article));

  g_once (&init, init_gmime, NULL);
  stream = g_mime_stream_mem_new_with_buffer (g_bytes_get_data (message_bytes, NULL),
                                              g_bytes_get_size (message_bytes));
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  if (message == NULL || g_mime_message_get_mime_part (message) == NULL)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the email message cannot be read (its headers have no end, or it has no "
                   "body).",
                   origin);
      return FALSE;
    }

  parts.message = message;
  find_parts (g_mime_message_get_mime_part (message), &parts);
  if (parts.plain == NULL && parts.html == NULL)
    parts.message = message;
  subject = strip_subject (g_mime_message_get_subject (parts.message));
  if (*subject == '\0')
    {
      g_free (subject);
      subject = strip_subject (g_mime_message_get_subject (message));
    }
  sender = sender_name (g_mime_message_get_from (parts.message), &address);
  date = g_mime_message_get_date (parts.message);

  if (parts.plain != NULL)
    {
      g_autofree char *plain = part_text (parts.plain, notes);

      if (plain != NULL)
        cut_signature (plain);
      if (plain != NULL && !(cd_text_is_blank (plain) && *subject == '\0'))
        {
          /* The subject on the first line, the headline as wire copy
           * has it, then the story with its dateline and byline. */
          story = g_strconcat (subject, "\n\n", plain, NULL);
          if (!_cd_import_check_text (story, strlen (story), origin, error) ||
              !_cd_import_wire (article, story, strlen (story), origin, error))
            return FALSE;
        }
    }
  else if (parts.html != NULL)
    {
      g_autofree char *html = part_text (parts.html, notes);

      if (html != NULL)
        {
          story = _cd_import_html_to_markdown (html, strlen (html), notes);
          cut_signature (story);
          story = _cd_import_take_body_dateline (article, story);
          story = _cd_import_take_body_sign_off (story, notes);
          cd_article_set_headline (article, subject);
          cd_article_set_body (article, story);
        }
    }
  if (story == NULL || (cd_text_is_blank (cd_article_get_body (article)) &&
                        cd_text_is_blank (cd_article_get_headline (article))))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the email message has no subject and no text.", origin);
      return FALSE;
    }

  if (cd_text_is_blank (cd_article_get_byline (article)) && sender != NULL)
    cd_article_set_byline (article, sender);
  {
    const char *ednote = cd_article_get_ednote (article);
    g_autoptr (GString) all = g_string_new (ednote != NULL ? ednote : "");
    g_autofree char *when = date != NULL ? g_date_time_format (date, "%Y-%m-%d %H:%M %z") : NULL;
    g_autofree char *from = NULL;

    if (address != NULL || when != NULL)
      from = g_strdup_printf ("Emailed%s%s%s%s.", address != NULL ? " by " : "",
                              address != NULL ? address : "", when != NULL ? " on " : "",
                              when != NULL ? when : "");
    if (from != NULL)
      _cd_import_add_note (all, from);
    if (notes->len > 0)
      _cd_import_add_note (all, notes->str);
    if (attachments->len > 0)
      {
        g_autofree char *note = g_strdup_printf ("Attachments not imported: %s.", attachments->str);

        _cd_import_add_note (all, note);
      }
    if (all->len > 0)
      cd_article_set_ednote (article, all->str);
  }
  return TRUE;
}
