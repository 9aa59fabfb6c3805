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

#include "cd-import-mime-private.h"
#include "cd-import-private.h"
#include "cd-render.h"
#include "cd-import.h"
#include "cd-text.h"
#include "cd-words.h"

/* How far into a file the headers of a message are looked for. */
#define HEADERS_MAX (64 * 1024)

/* Whether the header line at @line names @name ("From" for "From: …"). */
static gboolean
header_is (const char *line,
           gsize       name_length,
           const char *name)
{
  g_assert (line != NULL);
  g_assert (name != NULL);

  return strlen (name) == name_length && g_ascii_strncasecmp (line, name, name_length) == 0;
}

/* Where the message's headers start in @text (past a byte order mark,
 * blank lines and an mbox "From " line), or -1 when @text does not start
 * with a message's headers: lines "Name: value" (or folded under one) up
 * to a blank line, among them From and at least one other a mail program
 * writes (Subject, To, Received…; not Date, which a story's own lines
 * have). Wire copy is not that. */
gssize
_cd_import_message_start (const char *text,
                          gsize       length)
{
  static const char *const known[] = { "Subject", "To", "Message-ID", "MIME-Version",
                                       "Received", "Return-Path", "Delivered-To", "Content-Type" };
  gsize                    bom = _cd_import_skip_bom (text, length);
  gsize                    start = bom;
  gsize                    i;
  gboolean                 from = FALSE;
  guint                    others = 0;

  length = MIN (length, HEADERS_MAX);
  while (start < length && g_ascii_isspace (text[start]))
    start++;
  /* Back to the start of the line the first header is on. */
  while (start > bom && text[start - 1] != '\n')
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

/* Initializes GMime, once. */
void
_cd_import_email_init (void)
{
  static GOnce init = G_ONCE_INIT;

  g_once (&init, init_gmime, NULL);
}

static GBytes *part_bytes (GMimePart *part);

/* @text as UTF-8: as it is where it is, else read as Windows-1252 (and
 * Latin-1 for the five bytes 1252 leaves undefined), as 8-bit text from
 * Western European mail programs is. */
static char *
as_utf8 (const char *text)
{
  char *western;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  western = g_convert (text, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (western == NULL)
    western = g_convert (text, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  return western;
}

/* The text of a part, in UTF-8: as its character set says, else (none
 * said, or one it is not in) as Windows-1252, noted in @notes. Text said
 * to be UTF-8 is read from its bytes, as GMime would drop the bytes that
 * are not (a Latin-1 "é" in a message that claims UTF-8). */
/* @text's lines ended as mail ends them ("\r\n", RFC 5322) ended with
 * "\n" alone, in place: paragraphs are blank lines between. */
static void
without_carriage_returns (char *text)
{
  char *out = text;

  for (const char *p = text; *p != '\0'; p++)
    if (!(*p == '\r' && p[1] == '\n'))
      *out++ = *p;
  *out = '\0';
}

/* @text (consumed) with the stars taken off a line set in them whole
 * ("*Scarborough Spa to reopen*"): a mail program's text for a bold
 * line (Gmail's, Outlook's). */
static char *
without_stars (char *text)
{
  static GRegex *regex;
  char          *out;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^([ \\t]*)\\*([^*\\s][^*\\n]*[^*\\s])\\*[ \\t]*$", G_REGEX_MULTILINE, 0, NULL));
  out = g_regex_replace (regex, text, -1, 0, "\\1\\2", 0, NULL);
  if (out == NULL)
    return text;
  g_free (text);
  return out;
}

/* @text (consumed) as a mailing list's program writes its text
 * (Mailchimp's and its peers'): without the line that sends the reader to
 * the web ("View this email in your browser (https://…)"), and with its
 * headings ("** Headline" over a rule of dashes) as the lines they are. */
static char *
without_mailer_marks (char *text)
{
  static GRegex *online, *heading;
  char          *out, *next;

  if (g_once_init_enter (&online))
    g_once_init_leave (&online, g_regex_new ("^[ \\t]*(?:(?:view|read|open|see)\\s+(?:this\\s+(?:e-?mail|message|newsletter|"
                                             "release)\\s+)?(?:in|on)\\s+(?:your|a|the)\\s+(?:web\\s+)?browser|having\\s+"
                                             "trouble\\s+viewing\\s+this\\s+e-?mail|e-?mail\\s+(?:nicht\\s+lesbar|im\\s+browser)|"
                                             "(?:voir|afficher)\\s+(?:cet?\\s+(?:e-?mail|message)\\s+)?dans\\s+(?:votre|le)\\s+"
                                             "navigateur|ver\\s+(?:este\\s+(?:correo|mensaje)\\s+)?en\\s+(?:tu|su|el)\\s+"
                                             "navegador)\\b[^\\n]{0,200}\\n",
                                             G_REGEX_CASELESS | G_REGEX_MULTILINE, 0, NULL));
  if (g_once_init_enter (&heading))
    g_once_init_leave (&heading, g_regex_new ("^\\*\\* ([^\\n]*\\S)[ \\t]*\\n-{5,}[ \\t]*$", G_REGEX_MULTILINE, 0, NULL));
  out = g_regex_replace_literal (online, text, -1, 0, "", 0, NULL);
  if (out == NULL)
    return text;
  next = g_regex_replace (heading, out, -1, 0, "\\1", 0, NULL);
  g_free (text);
  if (next == NULL)
    return out;
  g_free (out);
  return next;
}

static char *
part_text (GMimeTextPart *part,
           GString       *notes)
{
  const char      *charset;
  g_autofree char *text = NULL;
  gsize            length;
  char            *western;

  g_assert (GMIME_IS_TEXT_PART (part));
  g_assert (notes != NULL);

  charset = g_mime_text_part_get_charset (part);
  if (charset == NULL || g_ascii_strcasecmp (charset, "utf-8") == 0 || g_ascii_strcasecmp (charset, "utf8") == 0 ||
      g_ascii_strcasecmp (charset, "us-ascii") == 0)
    {
      g_autoptr (GBytes) bytes = part_bytes (GMIME_PART (part));
      const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

      text = data != NULL ? g_strndup (data, length) : NULL;
    }
  else
    text = g_mime_text_part_get_text (part);
  if (text != NULL)
    without_carriage_returns (text);
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return g_steal_pointer (&text);
  western = as_utf8 (text);
  _cd_import_add_note (notes, "The message's text is not in the character set it names; "
                              "it was read as Windows-1252 (Western European).");
  return western;
}

typedef struct
{
  GMimeMessage  *message; /* the message whose text the story is */
  GMimeTextPart *plain;   /* its first text/plain that is not attached */
  GMimeTextPart *html;    /* its first text/html that is not attached */
  GPtrArray     *pictures;
  GString       *attachments;
  GBytes        *document;      /* the first word processor's document attached, or NULL */
  CdImportFormat format;        /* its format: %CD_IMPORT_FORMAT_DOCX or _ODT */
  char          *document_name; /* its file name */
} Parts;

static void
parts_clear (Parts *parts)
{
  g_clear_pointer (&parts->document, g_bytes_unref);
  g_clear_pointer (&parts->document_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parts, parts_clear)

void
_cd_import_picture_free (gpointer data)
{
  CdImportPicture *picture = data;

  g_bytes_unref (picture->bytes);
  g_free (picture->name);
  g_free (picture->content_id);
  g_free (picture->alt);
  g_free (picture->caption);
  g_free (picture->credit);
  g_free (picture);
}

/* Finds the first Markdown image at or after @from in @markdown that shows
 * the message's part @content_id ("![…](cid:…)", as an email's HTML places
 * a picture), or any part when @content_id is %NULL: *start at its "!",
 * *end after its ")". */
static gboolean
find_cid_image (const char *markdown,
                gsize       from,
                const char *content_id,
                gsize      *start,
                gsize      *end)
{
  const char *p = markdown + from;

  g_assert (markdown != NULL);
  g_assert (start != NULL && end != NULL);

  while ((p = strstr (p, "](cid:")) != NULL)
    {
      const char *id = p + strlen ("](cid:");
      const char *close = strchr (id, ')');
      gsize       s;

      if (close == NULL)
        return FALSE;
      if (content_id == NULL ||
          (strlen (content_id) == (gsize) (close - id) && strncmp (id, content_id, close - id) == 0))
        {
          for (s = p - markdown; s > 0 && markdown[s - 1] != '\n'; s--)
            if (markdown[s - 1] == '!' && markdown[s] == '[')
              break;
          if (s > 0 && markdown[s - 1] == '!')
            {
              *start = s - 1;
              *end = close + 1 - markdown;
              return TRUE;
            }
        }
      p = close;
    }
  return FALSE;
}

/* The line of @markdown around [@start, @end), and whether the image there
 * stands alone on it, bare or as a link's ("[![…](cid:…)](…)"). */
static gboolean
image_stands_alone (const GString *markdown,
                    gsize          start,
                    gsize          end,
                    gsize         *line_start,
                    gsize         *line_end)
{
  const char *str = markdown->str;
  gsize       before, after;

  g_assert (line_start != NULL && line_end != NULL);

  for (*line_start = start; *line_start > 0 && str[*line_start - 1] != '\n'; (*line_start)--)
    ;
  for (*line_end = end; *line_end < markdown->len && str[*line_end] != '\n'; (*line_end)++)
    ;
  for (before = start; before > *line_start && g_ascii_isspace (str[before - 1]); before--)
    ;
  for (after = end; after < *line_end && g_ascii_isspace (str[after]); after++)
    ;
  if (before == *line_start && after == *line_end)
    return TRUE;
  /* A link around it, and nothing else on the line. */
  return before == *line_start + 1 && str[*line_start] == '[' && after + 1 < *line_end &&
         str[after] == ']' && str[after + 1] == '(' && str[*line_end - 1] == ')' &&
         memchr (str + after, ' ', *line_end - after) == NULL;
}

/* Takes the image at [@start, @end) out of @markdown: its line too when
 * nothing else stands on it, else one space between the words beside it.
 * Returns where the text after it now starts, or before. */
static gsize
erase_image (GString *markdown,
             gsize    start,
             gsize    end)
{
  gsize line_start, line_end;

  g_assert (markdown != NULL);

  if (image_stands_alone (markdown, start, end, &line_start, &line_end))
    {
      /* The line and its line break. */
      if (line_end < markdown->len)
        line_end++;
      else if (line_start > 0)
        line_start--;
      g_string_erase (markdown, line_start, line_end - line_start);
      /* No more than one blank line where it was. */
      while (line_start >= 2 && line_start < markdown->len && markdown->str[line_start] == '\n' &&
             markdown->str[line_start - 1] == '\n' && markdown->str[line_start - 2] == '\n')
        g_string_erase (markdown, line_start, 1);
      return MIN (line_start, markdown->len);
    }
  while (start > 0 && (markdown->str[start - 1] == ' ' || markdown->str[start - 1] == '\t'))
    start--;
  while (end < markdown->len && (markdown->str[end] == ' ' || markdown->str[end] == '\t'))
    end++;
  g_string_erase (markdown, start, end - start);
  if (start > 0 && markdown->str[start - 1] != '\n' && start < markdown->len && markdown->str[start] != '\n')
    g_string_insert_c (markdown, start, ' ');
  return start;
}

/* Puts @fence where @markdown shows the message's part @content_id, when
 * the image stands alone on its line (a picture in a sentence or a table's
 * cell cannot become a block there); else, or with an empty @fence, takes
 * the image out. Returns whether @fence was placed. */
gboolean
_cd_import_place_cid_image (GString    *markdown,
                            const char *content_id,
                            const char *fence)
{
  gsize start, end, line_start, line_end;

  g_return_val_if_fail (markdown != NULL, FALSE);
  g_return_val_if_fail (content_id != NULL, FALSE);
  g_return_val_if_fail (fence != NULL, FALSE);

  if (!find_cid_image (markdown->str, 0, content_id, &start, &end))
    return FALSE;
  if (*fence == '\0' || !image_stands_alone (markdown, start, end, &line_start, &line_end))
    {
      erase_image (markdown, start, end);
      return FALSE;
    }
  /* A block of its own in place of the line. */
  while (line_start > 0 && g_ascii_isspace (markdown->str[line_start - 1]))
    line_start--;
  while (line_end < markdown->len && g_ascii_isspace (markdown->str[line_end]))
    line_end++;
  g_string_erase (markdown, line_start, line_end - line_start);
  {
    g_autofree char *block = g_strdup_printf ("%s%s%s", line_start > 0 ? "\n\n" : "", fence,
                                              line_start < markdown->len ? "\n\n" : "\n");

    g_string_insert (markdown, line_start, block);
  }
  return TRUE;
}

/* Takes out of @markdown the images of parts that are not among @pictures
 * (all when it is %NULL): a part that is no picture, or none at all. */
static void
drop_unknown_cid_images (GString   *markdown,
                         GPtrArray *pictures)
{
  gsize from = 0, start, end;

  g_assert (markdown != NULL);

  while (find_cid_image (markdown->str, from, NULL, &start, &end))
    {
      const char *id = strstr (markdown->str + start, "](cid:") + strlen ("](cid:");
      gboolean    known = FALSE;

      for (guint i = 0; pictures != NULL && i < pictures->len && !known; i++)
        {
          const CdImportPicture *picture = g_ptr_array_index (pictures, i);

          known = picture->content_id != NULL && strlen (picture->content_id) == end - 1 - (id - markdown->str) &&
                  strncmp (id, picture->content_id, strlen (picture->content_id)) == 0;
        }
      if (known)
        from = end;
      else
        /* Not past the end when the image's line was the last. */
        from = erase_image (markdown, start, end);
    }
}

/* Whether @type is a picture the store keeps (JPEG, PNG, WebP, GIF). */
static gboolean
is_picture (GMimeContentType *type)
{
  static const char *const subtypes[] = { "jpeg", "jpg", "pjpeg", "png", "webp", "gif" };

  g_assert (type != NULL);

  for (guint k = 0; k < G_N_ELEMENTS (subtypes); k++)
    if (g_mime_content_type_is_type (type, "image", subtypes[k]))
      return TRUE;
  return FALSE;
}

/* The format of the attachment @name of @type when it is a word
 * processor's document: %CD_IMPORT_FORMAT_DOCX (Word), _ODT
 * (OpenDocument text), _RTF, _DOC (Word's old binary document) or _PDF;
 * else %CD_IMPORT_FORMAT_AUTO. */
static CdImportFormat
document_format (GMimeContentType *type,
                 const char       *name)
{
  g_assert (type != NULL);

  if (g_mime_content_type_is_type (type, "application",
                                   "vnd.openxmlformats-officedocument.wordprocessingml.document") ||
      (name != NULL && g_str_has_suffix (name, ".docx")))
    return CD_IMPORT_FORMAT_DOCX;
  if (g_mime_content_type_is_type (type, "application", "vnd.oasis.opendocument.text") ||
      (name != NULL && g_str_has_suffix (name, ".odt")))
    return CD_IMPORT_FORMAT_ODT;
  if (g_mime_content_type_is_type (type, "application", "rtf") || g_mime_content_type_is_type (type, "text", "rtf") ||
      (name != NULL && g_str_has_suffix (name, ".rtf")))
    return CD_IMPORT_FORMAT_RTF;
  if (g_mime_content_type_is_type (type, "application", "msword") || (name != NULL && g_str_has_suffix (name, ".doc")))
    return CD_IMPORT_FORMAT_DOC;
  if (g_mime_content_type_is_type (type, "application", "pdf") || (name != NULL && g_str_has_suffix (name, ".pdf")))
    return CD_IMPORT_FORMAT_PDF;
  return CD_IMPORT_FORMAT_AUTO;
}

/* The decoded bytes of @part. */
static GBytes *
part_bytes (GMimePart *part)
{
  GMimeDataWrapper *content;
  g_autoptr (GMimeStream) stream = NULL;
  GByteArray *array;

  g_assert (GMIME_IS_PART (part));

  if ((content = g_mime_part_get_content (part)) == NULL)
    return NULL;
  stream = g_mime_stream_mem_new ();
  g_mime_data_wrapper_write_to_stream (content, stream);
  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  return g_bytes_new (array->data, array->len);
}

/* The type of a file named @name that has none given: a picture's by
 * its extension, else any. */
static const char *
type_of_name (const char *name)
{
  /* clang-format off */
  static const char *const types[][2] = {
    { ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" }, { ".png", "image/png" }, { ".gif", "image/gif" },
    { ".webp", "image/webp" },
  };
  /* clang-format on */
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strcasecmp (dot, types[i][0]) == 0)
      return types[i][1];
  return "application/octet-stream";
}

/* Takes the attachment @name of @type (@bytes, consumed; NULL where
 * they cannot be read): the first word processor's document, a picture,
 * else its name and type for the note. */
static void
take_attachment (Parts            *parts,
                 GMimeContentType *type,
                 const char       *given_name,
                 const char       *content_id,
                 GBytes           *bytes)
{
  g_autofree char *mime_type = g_mime_content_type_get_mime_type (type);
  /* A name's encoded words may decode to bytes that are no UTF-8. */
  g_autofree char *name = given_name != NULL ? g_utf8_make_valid (given_name, -1) : NULL;

  if (bytes != NULL && parts->document == NULL && document_format (type, name) != CD_IMPORT_FORMAT_AUTO)
    {
      parts->document = bytes;
      parts->format = document_format (type, name);
      parts->document_name = g_strdup (name != NULL ? name : "document.docx");
      return;
    }
  if (bytes != NULL && parts->pictures != NULL && is_picture (type))
    {
      CdImportPicture *picture = g_new0 (CdImportPicture, 1);

      picture->bytes = bytes;
      picture->name = g_strdup (name != NULL ? name : mime_type);
      picture->content_id = g_strdup (content_id);
      g_ptr_array_add (parts->pictures, picture);
      return;
    }
  g_clear_pointer (&bytes, g_bytes_unref);
  if (parts->attachments->len > 0)
    g_string_append (parts->attachments, ", ");
  g_string_append_printf (parts->attachments, "%s (%s)", name != NULL ? name : "unnamed", mime_type);
}

/* Finds the message's text in @object and names its attachments. */
static void
find_parts (GMimeObject *object,
            Parts       *parts)
{
  GMimeContentType *type;

  g_assert (GMIME_IS_OBJECT (object));
  g_assert (parts != NULL);

  type = g_mime_object_get_content_type (object);
  if (GMIME_IS_MULTIPART (object))
    {
      int count = g_mime_multipart_get_count (GMIME_MULTIPART (object));

      for (int i = 0; i < count; i++)
        find_parts (g_mime_multipart_get_part (GMIME_MULTIPART (object), i), parts);
    }
  else if (GMIME_IS_MESSAGE_PART (object))
    {
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));
      GMimeMessage *outer = parts->message;

      /* A message forwarded as an attachment is the story, with its
       * subject and sender, when the message has no text of its own. */
      if (inner != NULL && parts->plain == NULL && parts->html == NULL &&
          g_mime_message_get_mime_part (inner) != NULL)
        {
          parts->message = inner;
          find_parts (g_mime_message_get_mime_part (inner), parts);
          if (parts->plain != NULL || parts->html != NULL)
            return;
          parts->message = outer;
        }
      {
        /* A header's raw 8-bit bytes too. */
        g_autofree char *subject = as_utf8 (inner != NULL ? g_mime_message_get_subject (inner) : NULL);

        if (parts->attachments->len > 0)
          g_string_append (parts->attachments, ", ");
        g_string_append_printf (parts->attachments, "the forwarded message “%s”", subject != NULL ? subject : "");
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
      const char *name = g_mime_part_get_filename (GMIME_PART (object));
      GBytes     *bytes = part_bytes (GMIME_PART (object));

      /* Outlook's rich text sent to another program: the attachments are
       * in a winmail.dat. */
      if (bytes != NULL && (g_mime_content_type_is_type (type, "application", "ms-tnef") ||
                            g_mime_content_type_is_type (type, "application", "vnd.ms-tnef") ||
                            g_strcmp0 (name, "winmail.dat") == 0))
        {
          g_autoptr (GPtrArray) inner = _cd_import_tnef_attachments (bytes);

          for (guint i = 0; inner != NULL && i < inner->len; i++)
            {
              CdImportTnefAttachment *attachment = g_ptr_array_index (inner, i);
              g_autoptr (GMimeContentType) inner_type =
                  g_mime_content_type_parse (NULL, attachment->mime_type != NULL
                                                       ? attachment->mime_type
                                                       : type_of_name (attachment->name));

              take_attachment (parts, inner_type, attachment->name, attachment->content_id,
                               g_bytes_ref (attachment->bytes));
            }
          if (inner != NULL)
            {
              g_bytes_unref (bytes);
              return;
            }
        }
      take_attachment (parts, type, name, g_mime_object_get_content_id (object), bytes);
    }
}

/* @subject without the marks of a reply or a forward ("Fwd: ", "RE: ",
 * "AW: ", "TR: "…), and white space. */
static char *
strip_subject (const char *subject)
{
  static const char *const marks[] = { "re", "fw", "fwd", "aw", "wg", "tr", "sv", "vs", "rv", "enc" };
  g_autofree char         *valid = as_utf8 (subject); /* a header's raw 8-bit bytes too */
  const char              *p = valid != NULL ? valid : "";
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

/* The name (else the address) and the address of the first of @list; a
 * sender written with no address ("From: the desk") is @raw as a name. */
static void
read_sender (InternetAddressList *list,
             const char          *raw,
             char               **name,
             char               **address)
{
  InternetAddress *sender;
  const char      *named;

  g_assert (name != NULL);
  g_assert (address != NULL);

  if (list == NULL || internet_address_list_length (list) == 0)
    {
      g_autofree char *plain = raw != NULL ? g_strstrip (as_utf8 (raw)) : NULL;

      if (plain != NULL && *plain != '\0')
        {
          g_clear_pointer (address, g_free);
          g_free (*name);
          *name = g_steal_pointer (&plain);
        }
      return;
    }
  sender = internet_address_list_get_address (list, 0);
  g_clear_pointer (address, g_free);
  if (INTERNET_ADDRESS_IS_MAILBOX (sender))
    *address = as_utf8 (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (sender)));
  named = internet_address_get_name (sender);
  g_clear_pointer (name, g_free);
  *name = named != NULL && *named != '\0' ? as_utf8 (named) : g_strdup (*address);
}

/* Takes the message forwarded inside @plain, if there is one: its text is
 * the story, its subject and sender those of the article; what the one
 * who forwarded it wrote above goes to @notes. Returns the text. */
static char *
take_forward (char     *plain,
              gboolean  markdown,
              char    **subject,
              char    **name,
              char    **address,
              char    **when,
              gboolean *release,
              GString  *notes)
{
  g_autofree char *from = NULL;
  g_autofree char *forwarded = NULL;
  g_autofree char *date = NULL;
  char            *text;

  g_assert (plain != NULL);
  g_assert (subject != NULL);
  g_assert (name != NULL);
  g_assert (address != NULL);
  g_assert (when != NULL);

  text = _cd_import_take_forward (plain, markdown, &from, &forwarded, &date, notes);
  if (from == NULL)
    return text;
  if (*forwarded != '\0')
    {
      g_free (*subject);
      *subject = _cd_import_take_subject_label (strip_subject (forwarded), notes, release);
    }
  {
    /* Outlook writes "Name [mailto:address]". */
    g_auto (GStrv) mailto = g_strsplit_set (from, "[]", -1);
    g_autofree char *parsed = g_strv_length (mailto) >= 2 && g_str_has_prefix (mailto[1], "mailto:")
                                  ? g_strdup_printf ("%s <%s>", mailto[0], mailto[1] + strlen ("mailto:"))
                                  : g_strdup (from);
    g_autoptr (InternetAddressList) list = internet_address_list_parse (NULL, parsed);

    read_sender (list, from, name, address);
  }
  if (date != NULL)
    {
      g_free (*when);
      *when = g_steal_pointer (&date);
    }
  return text;
}

/* @length bytes of a mailbox at @data, with each ">From " that starts a
 * line read back as "From ". */
static GBytes *
unescape_from (const char *data,
               gsize       length)
{
  GString    *message = g_string_new_len (data, length);
  const char *quoted;
  gsize       i = 0;

  while ((quoted = g_strstr_len (message->str + i, message->len - i, "\n>From ")) != NULL)
    {
      i = quoted - message->str + 1;
      g_string_erase (message, i, 1);
    }
  return g_string_free_to_bytes (message);
}

/* The messages of @data, a mailbox ("mbox") or one message: a message
 * starts at each line "From sender date" after a blank line and over a
 * header line. A "From " in a message's text is written ">From " there;
 * it is read back. */
static GPtrArray *
split_mailbox (const char *data,
               gsize       length)
{
  const char *end = data + length;
  const char *start = data;
  GPtrArray  *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_assert (data != NULL);

  for (const char *p = data; (p = g_strstr_len (p, end - p, "\n\nFrom ")) != NULL; p += 2)
    {
      const char *next = memchr (p + 2, '\n', end - (p + 2));
      const char *colon;
      const char *year;

      if (next == NULL)
        break;
      /* "From sender Sun Dec  6 09:00:00 2026": a time, then the year. */
      for (year = next; year > p + 2 && g_ascii_isspace (year[-1]); year--)
        ;
      if (year - (p + 2) < 12 || !g_ascii_isdigit (year[-1]) || !g_ascii_isdigit (year[-4]) ||
          memchr (p + 2, ':', year - (p + 2)) == NULL)
        continue;
      next++;
      colon = memchr (next, ':', MIN ((gsize) (end - next), 80));
      if (colon != NULL && colon > next && memchr (next, ' ', colon - next) == NULL &&
          memchr (next, '\n', colon - next) == NULL)
        {
          g_ptr_array_add (messages, unescape_from (start, p + 2 - start));
          start = p + 2;
        }
    }
  g_ptr_array_add (messages, messages->len > 0 ? unescape_from (start, end - start)
                                               : g_bytes_new_static (start, end - start));
  return messages;
}

/* A reader of one message of a mailbox, for _cd_import_stories (): its
 * pictures are marked as the story's that comes next in @articles. */
typedef struct
{
  GPtrArray *pictures;
  GPtrArray *articles;
} Mailbox;

static gboolean
read_message (CdArticle  *article,
              gpointer    item,
              gpointer    data,
              const char *origin,
              GError    **error)
{
  Mailbox *mailbox = data;
  guint    before = mailbox->pictures != NULL ? mailbox->pictures->len : 0;

  if (!_cd_import_email (article, item, mailbox->pictures, origin, error))
    {
      if (mailbox->pictures != NULL)
        g_ptr_array_set_size (mailbox->pictures, before);
      return FALSE;
    }
  for (guint i = before; mailbox->pictures != NULL && i < mailbox->pictures->len; i++)
    ((CdImportPicture *) g_ptr_array_index (mailbox->pictures, i))->story = mailbox->articles->len;
  return TRUE;
}

/**
 * _cd_import_mailbox:
 * @data: an email message, or a mailbox ("mbox") of several
 * @language: the newsroom's language, for new articles
 * @pictures: (nullable): where the messages' pictures go, each marked
 *   with its article's place in @articles
 * @origin: the file name, for messages
 * @all: every message, else the first
 * @articles: where the articles go
 * @error: return location for an error
 *
 * Returns: whether an article was added
 */
gboolean
_cd_import_mailbox (GBytes     *data,
                    const char *language,
                    GPtrArray  *pictures,
                    const char *origin,
                    gboolean    all,
                    GPtrArray  *articles,
                    GError    **error)
{
  g_autoptr (GPtrArray) messages = split_mailbox (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  Mailbox mailbox = { pictures, articles };

  return _cd_import_stories (messages, read_message, &mailbox, language, origin, all, articles, error);
}

/* The message's own text, without its signature, or %NULL. */
static char *
message_text (Parts *parts)
{
  g_autoptr (GString) scratch = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;

  g_assert (parts != NULL);

  if (parts->plain != NULL)
    text = part_text (parts->plain, scratch);
  else if (parts->html != NULL && (html = part_text (parts->html, scratch)) != NULL)
    text = cd_html_to_markdown (html, strlen (html));
  if (text != NULL)
    {
      _cd_import_cut_signature (text);
      g_strstrip (text);
    }
  return g_steal_pointer (&text);
}

#define ATTACHED                                                                                                           \
  "\\battach(?:ed|ment)|\\benclosed\\b|\\banbei\\b|im\\s+anhang|ci-joint|en\\s+pièce\\s+jointe|adjunt[oa]|en\\s+adjunto|" \
  "in\\s+allegato|allegat[oa]|in\\s+de\\s+bijlage|bijgevoegd|w\\s+załączniku|em\\s+anexo|segue\\s+anexo|bifogad|vedhæftet|vedlagt"

/* A story filed as a Word document (or OpenDocument text) attached to
 * the message, with a
 * covering note for text ("Story attached, 600 words"): the document is
 * the article when the message's own text has fewer words than it or
 * says it is attached, and that text goes to @notes; else the document
 * is named in @attachments. */
static gboolean
take_document (CdArticle  *article,
               Parts      *parts,
               GPtrArray  *pictures,
               const char *origin,
               GString    *notes,
               GString    *attachments)
{
  g_autoptr (CdArticle) scratch = cd_article_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *where = g_strdup_printf ("%s (%s)", origin, parts->document_name);
  g_autofree char *text = message_text (parts);
  guint            own = text != NULL ? cd_count_words (text) : 0;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (parts->document != NULL);

  /* A note that says the story is attached covers it, however long. */
  if (!_cd_import_document (parts->format, scratch, parts->document, NULL, where, &error) ||
      (cd_count_words (cd_article_get_body (scratch)) <= own &&
       !(cd_count_words (cd_article_get_body (scratch)) >= 40 && g_regex_match_simple (ATTACHED, text, G_REGEX_CASELESS, 0))))
    {
      if (attachments->len > 0)
        g_string_append (attachments, ", ");
      g_string_append (attachments, parts->document_name);
      if (error != NULL)
        {
          /* The reason, without the file it names again. */
          const char *reason = error->message;
          gsize       length;

          if (g_str_has_prefix (reason, where) && g_str_has_prefix (reason + strlen (where), ": "))
            reason += strlen (where) + 2;
          length = strlen (reason);
          if (length > 0 && reason[length - 1] == '.')
            length--;
          g_string_append_printf (attachments, " (%.*s)", (int) length, reason);
        }
      return FALSE;
    }
  if (!_cd_import_document (parts->format, article, parts->document, pictures, where, NULL))
    return FALSE;
  if (own > 0)
    {
      g_autofree char *note = g_strdup_printf ("The message with %s: “%s”", parts->document_name, text);

      _cd_import_add_note (notes, note);
    }
  return TRUE;
}

/* The importer of email (see %CD_IMPORT_FORMAT_EMAIL): fills @article
 * from @message_bytes, from its headers on: the bytes as they were, not checked
 * as UTF-8, since the message names the character set of each part. Its
 * pictures go to @pictures, or with other attachments to the note when
 * that is %NULL. */
gboolean
_cd_import_email (CdArticle  *article,
                  GBytes     *message_bytes,
                  GPtrArray  *pictures,
                  const char *origin,
                  GError    **error)
{
  g_autoptr (GMimeStream) stream = NULL;
  g_autoptr (GMimeParser) parser = NULL;
  g_autoptr (GMimeMessage) message = NULL;
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autoptr (GString) attachments = g_string_new (NULL);
  g_autofree char *subject = NULL;
  g_autofree char *story = NULL;
  g_autofree char *sender = NULL;
  gboolean         repeated = FALSE;
  gboolean         labelled = FALSE;
  gboolean         reply, release = FALSE;
  gboolean         list;
  g_autofree char *address = NULL;
  g_autofree char *when = NULL;
  GDateTime       *date;
  g_auto (Parts) parts = { NULL, NULL, NULL, pictures, attachments, NULL, CD_IMPORT_FORMAT_AUTO, NULL };

  g_assert (CD_IS_ARTICLE (article));
  g_assert (message_bytes != NULL);
  g_assert (origin != NULL);

  _cd_import_email_init ();
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
  /* A reply's subject is the message it answers, the desk's commission. */
  list = g_mime_object_get_header (GMIME_OBJECT (parts.message), "List-Unsubscribe") != NULL ||
         g_mime_object_get_header (GMIME_OBJECT (parts.message), "List-Id") != NULL;
  reply = g_regex_match_simple ("^\\s*(?:re|aw|sv|vs|rv|r)\\s*:", g_mime_message_get_subject (parts.message) != NULL ? g_mime_message_get_subject (parts.message) : "",
                                G_REGEX_CASELESS, 0);
  subject = _cd_import_take_subject_label (subject, notes, &release);
  read_sender (g_mime_message_get_from (parts.message),
               g_mime_object_get_header (GMIME_OBJECT (parts.message), "From"), &sender, &address);
  if ((date = g_mime_message_get_date (parts.message)) != NULL)
    when = g_date_time_format (date, "%Y-%m-%d %H:%M %z");

  if (parts.document != NULL && take_document (article, &parts, pictures, origin, notes, attachments))
    {
      story = g_strdup (cd_article_get_body (article));
      if (cd_text_is_blank (cd_article_get_headline (article)))
        cd_article_set_headline (article, subject);
    }
  else if (parts.plain != NULL)
    {
      g_autofree char *plain = part_text (parts.plain, notes);

      if (plain != NULL)
        {
          plain = without_mailer_marks (without_stars (plain));
          plain = take_forward (plain, FALSE, &subject, &sender, &address, &when, &release, notes);
          plain = _cd_import_take_shared_article (plain, &subject, &sender, &list, notes);
          plain = _cd_import_take_list_frame (plain, list, notes);
          _cd_import_cut_signature (plain);
          _cd_import_cut_closing (plain, sender, notes);
          plain = _cd_import_split_head_paragraph (plain);
          plain = _cd_import_take_greeting (plain, notes);
          plain = _cd_import_take_desk_notes (plain, notes);
          plain = _cd_import_drop_repeated_subject (plain, subject, &repeated);
        }
      if (plain != NULL && !(cd_text_is_blank (plain) && *subject == '\0'))
        {
          /* The subject on the first line, the headline as wire copy
           * has it, then the story with its dateline and byline; a
           * release's own headline under its line to the desk, or a
           * headline of the text's own that tells the subject's story,
           * before the subject. */
          if (!repeated)
            plain = _cd_import_take_subject_codes (plain, subject, reply || list, notes);
          if (!repeated && (_cd_import_opens_release (plain) || _cd_import_opens_own_headline (plain, subject, reply || list || release)))
            {
              _cd_import_add_note (notes, subject);
              story = g_strdup (plain);
            }
          else
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
          /* Its pictures are placed by cd_import_into_store(); the
           * places of what is no picture here go. */
          {
            g_autoptr (GString) text = g_string_new (story);

            drop_unknown_cid_images (text, pictures);
            g_free (story);
            story = g_strdup (text->str);
          }
          story = take_forward (story, TRUE, &subject, &sender, &address, &when, &release, notes);
          story = _cd_import_take_shared_article (story, &subject, &sender, &list, notes);
          story = _cd_import_take_list_frame (story, list, notes);
          _cd_import_cut_signature (story);
          _cd_import_cut_closing (story, sender, notes);
          story = _cd_import_take_greeting (story, notes);
          story = _cd_import_take_desk_notes (story, notes);
          story = _cd_import_split_head_lines (story);
          story = _cd_import_take_labels (article, story, notes);
          /* A template's labelled headline says what the story is. */
          labelled = !cd_text_is_blank (cd_article_get_headline (article));
          if (labelled)
            _cd_import_add_note (notes, subject);
          story = _cd_import_drop_repeated_head (article, story, subject, notes, &repeated);
          if (!repeated && !labelled)
            story = _cd_import_take_release_head (article, story, subject, notes);
          if (!repeated && cd_text_is_blank (cd_article_get_headline (article)))
            story = _cd_import_take_own_headline (article, story, subject, reply || list || release, notes);
          story = _cd_import_take_standfirst (article, story, FALSE);
          story = _cd_import_take_body_opening (article, story, notes);
          story = _cd_import_take_body_sign_off (story, notes);
          /* The rule a mail sets over its footer, which went. */
          for (char *last; (last = g_strrstr (story, "\n\n")) != NULL && _cd_import_is_rule_paragraph (last + 2);)
            strcpy (last, "\n");
          if (cd_text_is_blank (cd_article_get_headline (article)))
            cd_article_set_headline (article, subject);
          cd_article_set_body (article, story);
        }
    }
  /* A picture's message: the subject and what came with it. */
  if (story == NULL && *subject != '\0')
    {
      story = g_strdup ("");
      cd_article_set_headline (article, subject);
    }
  if (story == NULL || (cd_text_is_blank (cd_article_get_body (article)) &&
                        cd_text_is_blank (cd_article_get_headline (article))))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the email message has no subject and no text.", origin);
      return FALSE;
    }

  /* An agency's service sends its copy: the agency is the source, and
   * no writer. */
  if (sender != NULL)
    {
      g_autofree char *agency = _cd_import_agency_of_sender (sender);

      if (agency != NULL && cd_text_is_blank (cd_article_get_source (article)))
        cd_article_set_source (article, agency);
      if (list && agency == NULL && cd_text_is_blank (cd_article_get_source (article)))
        _cd_import_set_list_source (article, sender);
      if (agency == NULL && !list && cd_text_is_blank (cd_article_get_byline (article)) &&
          !_cd_import_is_press_office (sender, article, notes->str))
        cd_article_set_byline (article, sender);
    }
  {
    const char *ednote = cd_article_get_ednote (article);
    g_autoptr (GString) all = g_string_new (ednote != NULL ? ednote : "");
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
