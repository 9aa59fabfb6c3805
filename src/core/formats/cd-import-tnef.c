/* cd-import-tnef.c: the attachments of a "winmail.dat" (TNEF, the
 * Transport Neutral Encapsulation Format Outlook wraps a message's
 * attachments in when it sends rich text to another mail program): each
 * one's file name (the long one its MAPI properties give, else the 8.3
 * title), its type and content id, and its bytes. The structures are
 * those of Microsoft's [MS-OXTNEF].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-mapi-private.h"
#include "cd-import-private.h"

#define TNEF_SIGNATURE 0x223E9F78

/* Attributes read (their type in the high word). */
enum
{
  ATT_ATTACH_REND_DATA = 0x00069002, /* starts an attachment */
  ATT_ATTACH_TITLE = 0x00018010,     /* its 8.3 file name */
  ATT_ATTACH_DATA = 0x0006800F,      /* its bytes */
  ATT_ATTACHMENT = 0x00069005,       /* its MAPI properties */
};

/* A multiple value's type. */
#define MV_FLAG 0x1000

/* More attachments than this are not read. */
#define MAX_ATTACHMENTS 256

void
_cd_import_tnef_attachment_free (gpointer data)
{
  CdImportTnefAttachment *attachment = data;

  g_free (attachment->name);
  g_free (attachment->mime_type);
  g_free (attachment->content_id);
  g_clear_pointer (&attachment->bytes, g_bytes_unref);
  g_free (attachment);
}

static guint32
u32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

/* The size of a fixed-size MAPI value of @type, padded to 4 bytes; 0 for
 * a type not known. */
static gsize
fixed_size (guint16 type)
{
  switch (type)
    {
    case 0x0001: /* PT_NULL */
    case 0x0002: /* PT_SHORT */
    case 0x0003: /* PT_LONG */
    case 0x0004: /* PT_FLOAT */
    case 0x000A: /* PT_ERROR */
    case 0x000B: /* PT_BOOLEAN */
      return 4;
    case 0x0005: /* PT_DOUBLE */
    case 0x0006: /* PT_CURRENCY */
    case 0x0007: /* PT_APPTIME */
    case 0x0014: /* PT_I8 */
    case 0x0040: /* PT_SYSTIME */
      return 8;
    case 0x0048: /* PT_CLSID */
      return 16;
    default:
      return 0;
    }
}

/* A string property's value @p (@size bytes) as UTF-8. */
static char *
string_value (guint16       type,
              const guint8 *p,
              gsize         size)
{
  g_autofree char *text = NULL;

  if (type == PT_UNICODE)
    text = g_convert ((const char *) p, size & ~(gsize) 1, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
  else
    text = g_convert ((const char *) p, strnlen ((const char *) p, size), "UTF-8", "WINDOWS-1252", NULL, NULL,
                      NULL);
  if (text == NULL)
    return NULL;
  /* Without the NUL the value ends with. */
  text[strcspn (text, "\r\n")] = '\0';
  return g_strstrip (g_steal_pointer (&text));
}

/* Reads the MAPI properties @p (@length bytes) of @attachment: its long
 * file name, type and content id. */
static void
read_properties (const guint8           *p,
                 gsize                   length,
                 CdImportTnefAttachment *attachment)
{
  gsize   pos = 4;
  guint32 count;

  if (length < 4)
    return;
  count = u32 (p);
  for (guint32 k = 0; k < count && pos + 4 <= length; k++)
    {
      guint16  type = p[pos] | p[pos + 1] << 8, id = p[pos + 2] | p[pos + 3] << 8;
      guint16  base = type & ~MV_FLAG;
      gboolean variable = base == PT_STRING8 || base == PT_UNICODE || base == PT_BINARY || base == PT_OBJECT;
      guint32  values = 1;

      pos += 4;
      /* A named property: its set (a GUID), then its number or name. */
      if (id >= 0x8000)
        {
          if (pos + 20 > length)
            return;
          pos += 20;
          if (u32 (p + pos - 4) == 1)
            {
              if (pos + 4 > length || u32 (p + pos) > length - pos - 4)
                return;
              pos += 4 + ((u32 (p + pos) + 3) & ~3u);
            }
          else
            pos += 4;
        }
      if (variable || (type & MV_FLAG) != 0)
        {
          if (pos + 4 > length)
            return;
          values = u32 (p + pos);
          pos += 4;
        }
      for (guint32 v = 0; v < values && pos <= length; v++)
        {
          gsize size;

          if (variable)
            {
              if (pos + 4 > length || u32 (p + pos) > length - pos - 4)
                return;
              size = u32 (p + pos);
              pos += 4;
              if (v == 0 && (base == PT_STRING8 || base == PT_UNICODE))
                {
                  char **field = id == PR_ATTACH_LONG_FILENAME ? &attachment->name
                                 : id == PR_ATTACH_MIME_TAG    ? &attachment->mime_type
                                 : id == PR_ATTACH_CONTENT_ID  ? &attachment->content_id
                                                               : NULL;
                  char  *value = field != NULL ? string_value (base, p + pos, size) : NULL;

                  if (value != NULL && *value != '\0')
                    {
                      g_free (*field);
                      *field = value;
                    }
                  else
                    g_free (value);
                }
              pos += (size + 3) & ~(gsize) 3;
            }
          else if ((size = fixed_size (base)) == 0)
            return;
          else
            pos += size;
        }
    }
}

/**
 * _cd_import_tnef_attachments:
 * @data: a TNEF stream (winmail.dat)
 *
 * Returns: (transfer full) (nullable): its attachments
 *   (#CdImportTnefAttachment), in order; %NULL where @data is no TNEF
 *   stream
 */
GPtrArray *
_cd_import_tnef_attachments (GBytes *data)
{
  gsize         length = 0;
  const guint8 *p = g_bytes_get_data (data, &length);
  g_autoptr (GPtrArray) attachments = NULL;
  CdImportTnefAttachment *current = NULL;
  gsize                   pos = 6;

  if (p == NULL || length < 6 || u32 (p) != TNEF_SIGNATURE)
    return NULL;
  attachments = g_ptr_array_new_with_free_func (_cd_import_tnef_attachment_free);
  /* Each attribute: its level, id, length, data and checksum. */
  while (pos + 9 <= length)
    {
      guint8        level = p[pos];
      guint32       id = u32 (p + pos + 1);
      gsize         size = u32 (p + pos + 5);
      const guint8 *value = p + pos + 9;

      if (size > length - pos - 9)
        break;
      pos += 9 + size + 2;
      if (id == ATT_ATTACH_REND_DATA)
        {
          if (attachments->len >= MAX_ATTACHMENTS)
            break;
          current = g_new0 (CdImportTnefAttachment, 1);
          g_ptr_array_add (attachments, current);
        }
      /* The message's own attributes (level 1) are not read. */
      else if (current == NULL || level != 2)
        continue;
      else if (id == ATT_ATTACH_TITLE && current->name == NULL)
        current->name = string_value (PT_STRING8, value, size);
      else if (id == ATT_ATTACH_DATA && current->bytes == NULL)
        current->bytes = g_bytes_new (value, size);
      else if (id == ATT_ATTACHMENT)
        read_properties (value, size, current);
    }
  /* An attachment with no data (a message's or an object's) is left out. */
  for (guint i = attachments->len; i-- > 0;)
    if (((CdImportTnefAttachment *) g_ptr_array_index (attachments, i))->bytes == NULL)
      g_ptr_array_remove_index (attachments, i);
  return g_steal_pointer (&attachments);
}
