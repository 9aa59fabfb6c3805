/* cd-import-outlook.c: an email message as Outlook saves it (.msg, a
 * compound file of MAPI properties, read with libgsf), made the MIME
 * message the email importer reads: sender, subject, date, the plain and
 * HTML text, the attachments with their names, types and content ids, and
 * a message attached to it (a forward) as a message of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>

#include "cd-import-document-private.h"
#include "cd-import-mapi-private.h"
#include "cd-import-mime-private.h"
#include "cd-import-private.h"

#define ATTACH_EMBEDDED_MSG 5

/* Attachments and nested messages beyond these are not read. */
#define MAX_ATTACHMENTS 256
#define MAX_DEPTH 4

static gpointer
init_gsf (gpointer data)
{
  gsf_init ();
  return NULL;
}

static const guint8 ole2_magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

/**
 * _cd_import_is_compound_file:
 *
 * Returns: whether @data starts as a compound file does (Outlook's .msg;
 *   also the old Office documents, .doc and .xls)
 */
gboolean
_cd_import_is_compound_file (const char *data,
                             gsize       length)
{
  return data != NULL && length >= sizeof ole2_magic && memcmp (data, ole2_magic, sizeof ole2_magic) == 0;
}

/* Whether @input is a storage (a folder of streams), not a stream: the
 * compound file's children are all GsfInfiles, a stream's with no
 * children to list. */
static gboolean
is_storage (GsfInput *input)
{
  return input != NULL && GSF_IS_INFILE (input) && gsf_infile_num_children (GSF_INFILE (input)) >= 0;
}

/* The bytes of the stream @name of @storage, or NULL. */
GBytes *
_cd_import_compound_stream (GsfInfile  *storage,
                            const char *name)
{
  g_autoptr (GsfInput) input = gsf_infile_child_by_name (storage, name);
  gsf_off_t     size;
  const guint8 *data;

  if (input == NULL || is_storage (input))
    return NULL;
  size = gsf_input_size (input);
  if (size <= 0)
    return g_bytes_new (NULL, 0);
  if ((data = gsf_input_read (input, size, NULL)) == NULL)
    return NULL;
  return g_bytes_new (data, size);
}

/* The property @id of @storage of @type, or NULL. */
static GBytes *
property (GsfInfile *storage,
          guint16    id,
          guint16    type)
{
  g_autofree char *name = g_strdup_printf ("__substg1.0_%04X%04X", id, type);

  return _cd_import_compound_stream (storage, name);
}

/* A string property: Unicode (UTF-16), else 8-bit in @codepage. */
static char *
string_property (GsfInfile  *storage,
                 guint16     id,
                 const char *codepage)
{
  g_autoptr (GBytes) bytes = property (storage, id, PT_UNICODE);
  char *text = NULL;
  gsize length;

  if (bytes != NULL)
    text = g_convert (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes), "UTF-8", "UTF-16LE", NULL, NULL,
                      NULL);
  else if ((bytes = property (storage, id, PT_STRING8)) != NULL)
    {
      const char *data = g_bytes_get_data (bytes, &length);

      text = g_convert (data, length, "UTF-8", codepage, NULL, NULL, NULL);
      if (text == NULL)
        text = g_utf8_make_valid (data, length);
    }
  if (text == NULL)
    return NULL;
  /* Strings end in a NUL character, which is no text. */
  text[strlen (text)] = '\0';
  if (*g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* A fixed-size property from the storage's property stream, whose header
 * is @header bytes (32 for the message, 24 for an attached one, 8 for an
 * attachment); FALSE when it is not there. */
static gboolean
fixed_property (GsfInfile *storage,
                gsize      header,
                guint16    id,
                guint16    type,
                guint64   *value)
{
  g_autoptr (GBytes) bytes = _cd_import_compound_stream (storage, "__properties_version1.0");
  const guint8 *data;
  gsize         length = 0;

  data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;
  for (gsize at = header; data != NULL && at + 16 <= length; at += 16)
    {
      guint32 tag = GSF_LE_GET_GUINT32 (data + at);

      if (tag == ((guint32) id << 16 | type))
        {
          *value = GSF_LE_GET_GUINT64 (data + at + 8);
          return TRUE;
        }
    }
  return FALSE;
}

/* The time of a FILETIME (100 ns since 1601), or NULL. */
static GDateTime *
filetime (guint64 value)
{
  g_autoptr (GDateTime) epoch = g_date_time_new_utc (1601, 1, 1, 0, 0, 0);

  if (value == 0)
    return NULL;
  return g_date_time_add (epoch, (GTimeSpan) (value / 10));
}

/* The iconv name of the Windows code page @cpid. */
static const char *
codepage_of (GsfInfile *storage,
             gsize      header)
{
  guint64 cpid = 0;

  if (!fixed_property (storage, header, PR_INTERNET_CPID, PT_LONG, &cpid))
    return "WINDOWS-1252";
  switch ((guint32) cpid)
    {
    case 65001:
      return "UTF-8";
    case 28591:
      return "ISO-8859-1";
    case 28605:
      return "ISO-8859-15";
    case 1250:
    case 1251:
    case 1253:
    case 1254:
    case 1255:
    case 1256:
    case 1257:
      {
        static char names[8][16];
        guint       i = (guint32) cpid - 1250;

        g_snprintf (names[i], sizeof names[i], "WINDOWS-%u", (guint) cpid);
        return names[i];
      }
    default:
      return "WINDOWS-1252";
    }
}

/* A text part of @subtype holding @text. */
static GMimeObject *
text_part (const char *subtype,
           const char *text)
{
  GMimeTextPart *part = g_mime_text_part_new_with_subtype (subtype);

  g_mime_text_part_set_text (part, text);
  return GMIME_OBJECT (part);
}

static GMimeMessage *read_message (GsfInfile *storage, gsize header, guint depth);

/* The attachment storage @storage as a MIME part, or NULL. */
static GMimeObject *
read_attachment (GsfInfile *storage,
                 guint      depth)
{
  g_autofree char *name = string_property (storage, PR_ATTACH_LONG_FILENAME, "WINDOWS-1252");
  g_autofree char *mime_tag = string_property (storage, PR_ATTACH_MIME_TAG, "WINDOWS-1252");
  g_autofree char *content_id = string_property (storage, PR_ATTACH_CONTENT_ID, "WINDOWS-1252");
  g_autoptr (GBytes) data = NULL;
  g_autoptr (GMimeStream) stream = NULL;
  g_autoptr (GMimeDataWrapper) wrapper = NULL;
  g_autoptr (GMimeContentType) type = NULL;
  guint64    method = 0;
  GMimePart *part;

  if (name == NULL)
    name = string_property (storage, PR_ATTACH_FILENAME, "WINDOWS-1252");
  fixed_property (storage, 8, PR_ATTACH_METHOD, PT_LONG, &method);
  if (method == ATTACH_EMBEDDED_MSG)
    {
      g_autoptr (GsfInput) inner = gsf_infile_child_by_name (storage, "__substg1.0_3701000D");
      g_autoptr (GMimeMessage) message = NULL;

      if (!is_storage (inner) || (message = read_message (GSF_INFILE (inner), 24, depth + 1)) == NULL)
        return NULL;
      return GMIME_OBJECT (g_mime_message_part_new_with_message ("rfc822", message));
    }
  if ((data = property (storage, PR_ATTACH_DATA, PT_BINARY)) == NULL)
    return NULL;
  type = mime_tag != NULL ? g_mime_content_type_parse (NULL, mime_tag) : NULL;
  part = type != NULL ? g_mime_part_new_with_type (g_mime_content_type_get_media_type (type),
                                                   g_mime_content_type_get_media_subtype (type))
                      : g_mime_part_new_with_type ("application", "octet-stream");
  stream = g_mime_stream_mem_new_with_buffer (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  wrapper = g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);
  g_mime_part_set_content (part, wrapper);
  g_mime_part_set_content_encoding (part, GMIME_CONTENT_ENCODING_BASE64);
  if (name != NULL)
    g_mime_part_set_filename (part, name);
  if (content_id != NULL)
    g_mime_object_set_content_id (GMIME_OBJECT (part), content_id);
  return GMIME_OBJECT (part);
}

/* The original headers' field @name ("Date"), or NULL. */
static char *
header_field (const char *headers,
              const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("^%s:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)", name);
  g_autoptr (GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_MULTILINE, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;
  char *value;

  if (headers == NULL || !g_regex_match (regex, headers, 0, &info))
    return NULL;
  value = g_match_info_fetch (info, 1);
  return g_strstrip (value);
}

/* @message (consumed) from a sender known by @name alone ("From: Jan
 * Olsen", as the email importer reads such a sender): GMime writes a
 * sender with no address as none, so the header is put in the message's
 * text, which is read again. */
static GMimeMessage *
with_sender_name (GMimeMessage *message,
                  const char   *name)
{
  g_autoptr (GMimeMessage) owned = message;
  g_autofree char *text = g_mime_object_to_string (GMIME_OBJECT (owned), NULL);
  g_autofree char *encoded = g_mime_utils_header_encode_text (NULL, name, "utf-8");
  g_autofree char *with = g_strdup_printf ("From: %s\n%s", encoded, text);
  g_autoptr (GMimeStream) stream = g_mime_stream_mem_new_with_buffer (with, strlen (with));
  g_autoptr (GMimeParser) parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *read = g_mime_parser_construct_message (parser, NULL);

  return read != NULL ? read : g_steal_pointer (&owned);
}

/* The message whose properties are in @storage (its property stream's
 * header is @header bytes). */
static GMimeMessage *
read_message (GsfInfile *storage,
              gsize      header,
              guint      depth)
{
  const char      *codepage = codepage_of (storage, header);
  g_autofree char *subject = string_property (storage, PR_SUBJECT, codepage);
  g_autofree char *name = string_property (storage, PR_SENT_REPRESENTING_NAME, codepage);
  g_autofree char *address = string_property (storage, PR_SENT_REPRESENTING_SMTP, codepage);
  g_autofree char *headers = string_property (storage, PR_TRANSPORT_HEADERS, codepage);
  g_autofree char *body = string_property (storage, PR_BODY, codepage);
  g_autofree char *html = NULL;
  g_autofree char *from = header_field (headers, "From");
  g_autofree char *date_field = header_field (headers, "Date");
  g_autoptr (GBytes) html_bytes = property (storage, PR_HTML, PT_BINARY);
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  GMimeMessage *message;
  GMimeObject  *text = NULL;
  guint64       when = 0;

  if (depth > MAX_DEPTH)
    return NULL;
  if (name == NULL)
    name = string_property (storage, PR_SENDER_NAME, codepage);
  if (address == NULL)
    address = string_property (storage, PR_SENDER_SMTP, codepage);
  if (address == NULL)
    address = string_property (storage, PR_SENT_REPRESENTING_EMAIL, codepage);
  if (address == NULL)
    address = string_property (storage, PR_SENDER_EMAIL, codepage);
  /* An Exchange address ("/O=EXCHANGELABS/OU=…") is no one's to write to. */
  if (address != NULL && strchr (address, '@') == NULL)
    g_clear_pointer (&address, g_free);
  if (html_bytes != NULL)
    {
      gsize       length;
      const char *data = g_bytes_get_data (html_bytes, &length);

      html = g_utf8_validate (data, length, NULL) ? g_strndup (data, length)
                                                  : g_convert (data, length, "UTF-8", codepage, NULL, NULL, NULL);
    }
  else
    html = string_property (storage, PR_HTML, codepage);

  message = g_mime_message_new (TRUE);
  if (address != NULL)
    g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_FROM, name, address);
  else if (from != NULL)
    g_mime_object_set_header (GMIME_OBJECT (message), "From", from, "utf-8");
  if (subject != NULL)
    g_mime_message_set_subject (message, subject, "utf-8");
  if (fixed_property (storage, header, PR_CLIENT_SUBMIT_TIME, PT_SYSTIME, &when) ||
      fixed_property (storage, header, PR_DELIVERY_TIME, PT_SYSTIME, &when))
    date = filetime (when);
  if (date != NULL)
    g_mime_message_set_date (message, date);
  else if (date_field != NULL)
    g_mime_object_set_header (GMIME_OBJECT (message), "Date", date_field, NULL);

  if (body != NULL && html != NULL)
    {
      GMimeMultipart *alternative = g_mime_multipart_new_with_subtype ("alternative");
      g_autoptr (GMimeObject) plain_part = text_part ("plain", body);
      g_autoptr (GMimeObject) html_part = text_part ("html", html);

      g_mime_multipart_add (alternative, plain_part);
      g_mime_multipart_add (alternative, html_part);
      text = GMIME_OBJECT (alternative);
    }
  else if (body != NULL || html != NULL)
    text = text_part (body != NULL ? "plain" : "html", body != NULL ? body : html);

  for (guint i = 0; i < MAX_ATTACHMENTS; i++)
    {
      g_autofree char *child = g_strdup_printf ("__attach_version1.0_#%08X", i);
      g_autoptr (GsfInput) input = gsf_infile_child_by_name (storage, child);
      GMimeObject *part;

      if (!is_storage (input))
        break;
      if ((part = read_attachment (GSF_INFILE (input), depth)) != NULL)
        g_ptr_array_add (attachments, part);
    }

  /* A message of no text of its own (a forward as an attachment) has no
   * text part, not an empty one. */
  if (attachments->len == 0)
    {
      if (text == NULL)
        text = text_part ("plain", "");
      g_mime_message_set_mime_part (message, text);
    }
  else
    {
      g_autoptr (GMimeMultipart) mixed = g_mime_multipart_new_with_subtype ("mixed");

      if (text != NULL)
        g_mime_multipart_add (mixed, text);
      for (guint i = 0; i < attachments->len; i++)
        g_mime_multipart_add (mixed, g_ptr_array_index (attachments, i));
      g_mime_message_set_mime_part (message, GMIME_OBJECT (mixed));
    }
  g_clear_object (&text);
  if (address == NULL && from == NULL && name != NULL)
    return with_sender_name (message, name);
  return message;
}

/* The compound file @data, or NULL with @error set. */
GsfInfile *
_cd_import_open_compound_file (const char *data,
                               gsize       length,
                               GError    **error)
{
  static GOnce gsf_once = G_ONCE_INIT;
  g_autoptr (GsfInput) input = NULL;

  g_once (&gsf_once, init_gsf, NULL);
  input = gsf_input_memory_new ((const guint8 *) data, length, FALSE);
  return gsf_infile_msole_new (input, error);
}

/**
 * _cd_import_outlook_message:
 * @data: an Outlook message (.msg)
 * @length: its length
 * @origin: the file's name, for messages
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the message as MIME, for the email
 *   importer
 */
GBytes *
_cd_import_outlook_message (const char *data,
                            gsize       length,
                            const char *origin,
                            GError    **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GsfInfile) file = _cd_import_open_compound_file (data, length, &local);
  g_autoptr (GsfInput) properties = NULL;
  g_autoptr (GMimeMessage) message = NULL;
  char *text;

  _cd_import_email_init ();
  if (file == NULL)
    {
      g_autofree char *why = g_utf8_make_valid (local != NULL ? local->message : "unreadable", -1);

      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the Outlook message is damaged; it cannot be read (%s).", origin, why);
      return NULL;
    }
  /* A compound file without a message's properties: an old Excel or
   * PowerPoint document, which Outlook's files look like (a Word
   * document is read as one before). */
  properties = gsf_infile_child_by_name (file, "__properties_version1.0");
  if (properties == NULL)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   CD_IMPORT_OTHER_OFFICE_FILE, origin);
      return NULL;
    }
  message = read_message (file, 32, 0);
  text = g_mime_object_to_string (GMIME_OBJECT (message), NULL);
  return g_bytes_new_take (text, strlen (text));
}
