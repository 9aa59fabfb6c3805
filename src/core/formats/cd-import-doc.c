/* cd-import-doc.c: Word's binary document (.doc, as Word 97 to 2003
 * wrote it and Word and LibreOffice still save "Word 97-2003"), read from
 * its compound file (libgsf) into the paragraphs a word processor's
 * document gives (cd-import-document.c): the text through the piece
 * table, the paragraphs' styles (title, subtitle, headings, quotes,
 * captions), lists, tables, bold, italic and struck text, links, inline
 * PNG and JPEG pictures with their descriptions, comments, footnotes and
 * tracked changes. The structures are those of Microsoft's [MS-DOC].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-doc-private.h"
#include "cd-import-private.h"

/* Fields nested deeper than this are read as text. */
#define MAX_FIELDS 32

/* Makes the reader's strings (@make), or frees them. */
static void
reader_strings (CdDocReader *r,
                gboolean     make)
{
  GString **strings[] = { &r->text, &r->pictures };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (make)
      *strings[i] = g_string_new (NULL);
    else if (*strings[i] != NULL)
      g_string_free (*strings[i], TRUE);
}

/* Sets r->chars from one of the characters' properties (a CdDocSprmFunc
 * for the reader @data). */
void
_cd_doc_chars_sprm (guint16       sprm,
                    const guint8 *operand,
                    gsize         size,
                    gpointer      data)
{
  CdDocReader *r = data;
  CdDocChars  *chars = &r->chars;
  /* A toggle: on, or the opposite of the style's (which reads as on,
   * and as off against a paragraph style that sets it). */
  gboolean on = operand[0] == 1 || operand[0] == 0x81;
  gboolean off = operand[0] == 0 || operand[0] == 0x81;

  switch (sprm)
    {
    case SPRM_C_BOLD:
      chars->format[CD_FORMAT_BOLD] = on;
      chars->off[CD_FORMAT_BOLD] = off;
      break;
    case SPRM_C_ITALIC:
      chars->format[CD_FORMAT_ITALIC] = on;
      chars->off[CD_FORMAT_ITALIC] = off;
      break;
    case SPRM_C_STRIKE:
    case SPRM_C_DOUBLE_STRIKE:
      chars->format[CD_FORMAT_STRUCK] = on;
      chars->off[CD_FORMAT_STRUCK] = off;
      break;
    case SPRM_C_HIDDEN:
      chars->hidden = on;
      break;
    case SPRM_C_DELETED:
      chars->deleted = on;
      break;
    case SPRM_C_INSERTED:
      chars->inserted = on;
      break;
    case SPRM_C_SPECIAL:
      chars->special = on;
      break;
    case SPRM_C_OLE:
    case SPRM_C_FORM_DATA:
      chars->object = chars->object || on;
      break;
    case SPRM_C_SYMBOL:
      chars->symbol = u16 (operand + 2);
      break;
    case SPRM_C_PICTURE:
      chars->has_picture = TRUE;
      chars->picture = u32 (operand);
      break;
    case SPRM_C_STYLE:
      {
        /* Word's character styles Strong and Emphasis, and any style in
         * bold, italic or struck (or based on one), such as the user's. */
        guint16     istd = u16 (operand);
        const char *name = istd < r->style_names->len ? g_ptr_array_index (r->style_names, istd) : NULL;

        if (name != NULL && strcmp (name, "strong") == 0)
          chars->format[CD_FORMAT_BOLD] = TRUE;
        else if (name != NULL && strcmp (name, "emphasis") == 0)
          chars->format[CD_FORMAT_ITALIC] = TRUE;
        for (guint depth = 0; depth < 8 && istd < r->style_format->len; depth++)
          {
            guint8 format = g_array_index (r->style_format, guint8, istd);

            for (guint i = 0; i < CD_N_FORMATS; i++)
              {
                chars->format[i] = chars->format[i] || (format & (1 << i)) != 0;
                chars->off[i] = chars->off[i] || (format & (STYLE_OFF << i)) != 0;
              }
            istd = g_array_index (r->style_base, guint16, istd);
          }
      }
      break;
    default:
      break;
    }
}

/* Sets r->chars to the properties of the characters at @fc. */
static void
update_chars (CdDocReader *r,
              guint32      fc)
{
  const CdDocRun *run = _cd_doc_find_run (r->char_runs, fc);

  if (run == r->char_run && run != NULL)
    return;
  r->char_run = run;
  memset (&r->chars, 0, sizeof r->chars);
  if (run != NULL)
    _cd_doc_each_sprm (run->sprms, run->length, _cd_doc_chars_sprm, r);
  if (r->chars.deleted || r->chars.inserted)
    r->changed_runs++;
}

static void
para_sprm (guint16       sprm,
           const guint8 *operand,
           gsize         size,
           gpointer      data)
{
  CdDocPara *para = data;

  switch (sprm)
    {
    case SPRM_P_IN_TABLE:
      para->in_table = operand[0] != 0;
      break;
    case SPRM_P_TABLE_DEPTH:
      para->in_table = para->in_table || u32 (operand) > 0;
      break;
    case SPRM_P_ROW_END:
    case SPRM_P_INNER_ROW_END:
      para->row_end = para->row_end || operand[0] != 0;
      break;
    case SPRM_P_LIST:
      para->list = u16 (operand);
      break;
    case SPRM_P_LIST_LEVEL:
      para->level = operand[0];
      break;
    default:
      break;
    }
}

/* The properties of the paragraph whose mark is at @fc. */
static CdDocPara
para_at (CdDocReader *r,
         guint32      fc)
{
  const CdDocRun *run = _cd_doc_find_run (r->para_runs, fc);
  CdDocPara       para = { 0 };

  if (run != NULL)
    {
      para.style = run->style;
      _cd_doc_each_sprm (run->sprms, run->length, para_sprm, &para);
    }
  return para;
}

/* The formatting a body paragraph's style lends the characters at @fc
 * (a standfirst's style in italic), a bit for each CdFormat; none from a
 * heading's or a quotation's style, which make what the paragraph is,
 * nor from a table cell's (a head's bold is the table's). */
static guint8
style_lends (CdDocReader *r,
             guint32      fc)
{
  CdDocPara para = para_at (r, fc);
  gboolean  ordered = FALSE;
  guint8    lent = 0;
  guint     istd = para.style;

  if (para.in_table || _cd_document_kind_of_style (_cd_doc_style_name (r, para.style), &ordered) != CD_PARA_TEXT)
    return 0;
  for (guint depth = 0; depth < 8 && istd < r->style_format->len; depth++)
    {
      lent |= g_array_index (r->style_format, guint8, istd) & ((1 << CD_N_FORMATS) - 1);
      istd = g_array_index (r->style_base, guint16, istd);
    }
  return lent;
}

/* Whether bold is the paragraph's own: a heading's, a title's, a table
 * head's. */
static gboolean
bold_is_style (CdDocReader *r,
               guint32      fc)
{
  CdDocPara para = para_at (r, fc);
  gboolean  ordered = FALSE;

  switch (_cd_document_kind_of_style (_cd_doc_style_name (r, para.style), &ordered))
    {
    case CD_PARA_TITLE:
    case CD_PARA_SUBTITLE:
    case CD_PARA_HEADING:
    case CD_PARA_SUBHEADING:
      return TRUE;
    case CD_PARA_TEXT:
    case CD_PARA_QUOTE:
    case CD_PARA_LIST:
    case CD_PARA_CAPTION:
    default:
      return para.in_table && r->grid.head_row;
    }
}

/* Ends the paragraph whose mark is at @fc: into the story, or into a
 * table's cell. */
static void
end_paragraph (CdDocReader *r,
               guint32      fc)
{
  CdDocPara  props = para_at (r, fc);
  gboolean   ordered = FALSE;
  CdParaKind kind = _cd_document_kind_of_style (_cd_doc_style_name (r, props.style), &ordered);
  CdPara    *para = _cd_inline_finish (&r->in, kind);

  para->ordered = ordered;
  if (props.list > 0 && props.list <= r->list_uses->len && para->kind == CD_PARA_TEXT)
    {
      g_autofree char *key = g_strdup_printf ("%u:%u", g_array_index (r->list_uses, guint32, props.list - 1),
                                              props.level);

      para->kind = CD_PARA_LIST;
      para->level = MIN (props.level, 8);
      para->ordered = !g_hash_table_contains (r->bullets, key);
    }
  _cd_inline_init (&r->in);
  if (props.in_table)
    {
      g_ptr_array_add (r->grid.cell, para);
      return;
    }
  _cd_table_flush (&r->grid, r->paras);
  g_ptr_array_add (r->paras, para);
  _cd_document_add_pictures (r->paras, r->pictures);
}

/* A cell's or a row's end (character 7) at @fc. */
static void
end_cell (CdDocReader *r,
          guint32      fc)
{
  CdDocPara props = para_at (r, fc);

  if (!props.in_table)
    {
      end_paragraph (r, fc);
      return;
    }
  if (props.row_end)
    {
      _cd_table_end_row (&r->grid);
      _cd_para_free (_cd_inline_finish (&r->in, CD_PARA_TEXT));
      _cd_inline_init (&r->in);
      return;
    }
  end_paragraph (r, fc);
  _cd_table_end_cell (&r->grid, 1);
}

/* Adds the picture @blip holds to the document's pictures, its HTML
 * after the paragraph. */
static void
add_picture (CdDocReader *r,
             CdDocBlip   *blip)
{
  g_autofree char *name = NULL;
  g_autofree char *html = NULL;

  if (blip->bytes != NULL)
    {
      name = g_strdup_printf ("picture-%u.%s", g_hash_table_size (r->document->parts), blip->type);
      g_hash_table_insert (r->document->parts, g_strdup (name), g_bytes_new (blip->bytes, blip->length));
      if ((html = _cd_document_add_picture (r->document, name, blip->alt)) != NULL)
        g_string_append (r->pictures, html);
    }
  g_free (blip->alt);
}

/* The picture in line with the text whose data (PICF and its drawing
 * records) is at r->chars.picture in the Data stream. PNG and JPEG only. */
static void
read_picture (CdDocReader *r)
{
  gsize     at = r->chars.picture, end, start;
  CdDocBlip blip = { NULL };

  if (r->data == NULL || at > r->data_length || r->data_length - at < 0x44)
    return;
  end = at + MIN (u32 (r->data + at), r->data_length - at);
  start = at + u16 (r->data + at + 4);
  /* A picture stored as a shape file has its name first. */
  if (u16 (r->data + at + 6) == 0x66 && start < end)
    start += 1 + r->data[start];
  if (start >= end)
    return;
  _cd_doc_find_picture (r->data + start, end - start, 0, &blip);
  add_picture (r, &blip);
}

/* Whether a field's instruction is being read: its text goes there. */
static CdDocField *
instruction (CdDocReader *r)
{
  for (guint i = 0; i < r->fields->len; i++)
    if (g_array_index (r->fields, CdDocField, i).inst)
      return &g_array_index (r->fields, CdDocField, r->fields->len - 1);
  return NULL;
}

/* Sets out the text read and not yet set, in its formatting. */
static void
flush_text (CdDocReader *r)
{
  if (r->text->len == 0)
    return;
  _cd_inline_append (&r->in, r->text->str, r->text_format);
  g_string_truncate (r->text, 0);
}

/* A field's start (19), separator (20) or end (21): a HYPERLINK field's
 * result is a link. */
static void
field_mark (CdDocReader *r,
            gunichar     c)
{
  CdDocField *field = r->fields->len > 0 ? &g_array_index (r->fields, CdDocField, r->fields->len - 1) : NULL;

  flush_text (r);
  if (c == 0x13)
    {
      CdDocField start = { TRUE, FALSE, g_string_new (NULL) };

      if (r->fields->len < MAX_FIELDS)
        g_array_append_val (r->fields, start);
      else
        r->too_deep++;
    }
  else if (c == 0x14 && field != NULL && field->inst && r->too_deep == 0)
    {
      g_autofree char *url = NULL;

      field->inst = FALSE;
      if (instruction (r) == NULL && r->aside == NULL &&
          (url = _cd_document_field_link (field->text->str)) != NULL)
        {
          _cd_inline_open_link (&r->in, url);
          field->link = TRUE;
        }
    }
  else if (c == 0x15 && r->too_deep > 0)
    r->too_deep--;
  else if (c == 0x15 && field != NULL)
    {
      if (field->link)
        _cd_inline_close_link (&r->in);
      g_string_free (field->text, TRUE);
      g_array_set_size (r->fields, r->fields->len - 1);
    }
}

/* Adds the character @c of the text at @fc. */
static void
add_text (CdDocReader *r,
          gunichar     c,
          guint32      fc)
{
  CdDocField *field = instruction (r);
  gboolean    format[CD_N_FORMATS];
  char        utf8[8];

  utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
  if (field != NULL)
    {
      if (field->inst)
        g_string_append (field->text, utf8);
      return;
    }
  if (r->aside != NULL)
    {
      g_string_append (r->aside, utf8);
      return;
    }
  memcpy (format, r->chars.format, sizeof format);
  {
    guint8 lent = style_lends (r, fc);

    for (guint i = 0; i < CD_N_FORMATS; i++)
      if ((lent & (1 << i)) != 0)
        format[i] = !r->chars.off[i];
  }
  /* Writers set a heading's and a table head's own bold on its runs: no
   * emphasis. */
  format[CD_FORMAT_BOLD] = format[CD_FORMAT_BOLD] && !bold_is_style (r, fc);
  if (memcmp (format, r->text_format, sizeof format) != 0)
    {
      flush_text (r);
      memcpy (r->text_format, format, sizeof format);
    }
  g_string_append (r->text, utf8);
}

/* Reads the character @c at @fc, of the properties r->chars. */
static void
read_char (CdDocReader *r,
           gunichar     c,
           guint32      fc)
{
  if (c == 0x13 || c == 0x14 || c == 0x15)
    {
      field_mark (r, c);
      return;
    }
  if (r->chars.deleted)
    return;
  if (r->aside != NULL && (c == 0x0D || c == 0x07 || c == 0x0B))
    c = ' ';
  if (c == 0x0D || c == 0x07)
    {
      flush_text (r);
      if (c == 0x0D)
        end_paragraph (r, fc);
      else
        end_cell (r, fc);
      return;
    }
  if (r->chars.hidden)
    return;
  /* A symbol: the character it stands for, where that is no symbol
   * font's own (Symbol's and Wingdings' codes lie from U+F000). */
  if (r->chars.special && r->chars.symbol != 0)
    c = r->chars.symbol >= 0xF000 && r->chars.symbol <= 0xF0FF ? 0 : r->chars.symbol;
  switch (c)
    {
    case 0x0B:
      flush_text (r);
      _cd_inline_line_break (&r->in);
      break;
    case 0x01:
      if (r->chars.special && r->chars.has_picture && !r->chars.object && r->aside == NULL)
        read_picture (r);
      break;
    case 0x08:
      /* A floating shape's anchor: its picture, if it is one. */
      if (r->chars.special && r->aside == NULL)
        {
          CdDocBlip blip = { NULL };

          _cd_doc_find_floating_picture (r, r->cp, &blip);
          add_picture (r, &blip);
        }
      break;
    case 0x09:
      add_text (r, ' ', fc);
      break;
    case 0x1E:
      add_text (r, '-', fc);
      break;
    default:
      /* Footnotes' and comments' marks, optional hyphens, control
       * characters: not text. */
      if (c >= 0x20 && (c < 0x7F || c >= 0xA0) && g_unichar_validate (c))
        add_text (r, c, fc);
      break;
    }
}

/* Reads the characters from @from to @to (not counting it) of the text. */
static gboolean
read_text (CdDocReader *r,
           guint32      from,
           guint32      to)
{
  gunichar high = 0;

  for (guint k = 0; k < r->pieces->len; k++)
    {
      const CdDocPiece *piece = &g_array_index (r->pieces, CdDocPiece, k);

      for (guint32 cp = MAX (piece->cp, from); cp < MIN (piece->cp_end, to); cp++)
        {
          guint32  fc;
          gunichar c;

          if (piece->compressed)
            {
              if ((fc = piece->fc + (cp - piece->cp)) >= r->word_length)
                return FALSE;
              c = _cd_import_windows_1252 (r->word[fc]);
            }
          else
            {
              if ((fc = piece->fc + 2 * (cp - piece->cp)) > r->word_length - 2 || fc < piece->fc)
                return FALSE;
              c = u16 (r->word + fc);
              if (c >= 0xD800 && c < 0xDC00)
                {
                  high = c;
                  continue;
                }
              if (c >= 0xDC00 && c < 0xE000)
                c = high != 0 ? 0x10000 + ((high - 0xD800) << 10) + (c - 0xDC00) : 0;
              high = 0;
            }
          update_chars (r, fc);
          r->cp = cp;
          if (c != 0)
            read_char (r, c, fc);
        }
    }
  flush_text (r);
  return TRUE;
}

/* The text from @from to @to, as plain text (a comment's, a text
 * box's). */
static char *
read_aside (CdDocReader *r,
            guint32      from,
            guint32      to)
{
  r->aside = g_string_new (NULL);
  read_text (r, from, to);
  return g_strstrip (g_string_free (g_steal_pointer (&r->aside), FALSE));
}

/* The comments: their text (a part of the text after the footnotes and
 * headers), each with its author, to the note. */
static void
read_comments (CdDocReader *r,
               guint32      start)
{
  gsize         refs_length = 0, text_length = 0, authors_length = 0;
  const guint8 *refs = _cd_doc_table_part (r, FC_COMMENTS, &refs_length);
  const guint8 *ends = _cd_doc_table_part (r, FC_COMMENT_TEXT, &text_length);
  const guint8 *authors = _cd_doc_table_part (r, FC_AUTHORS, &authors_length);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n = refs_length >= 4 ? (refs_length - 4) / 34 : 0;

  for (gsize at = 0, size = 0; authors != NULL && at < authors_length; at += size)
    {
      char *name = _cd_doc_read_xst (authors + at, authors_length - at, &size);

      if (name == NULL)
        break;
      g_ptr_array_add (names, name);
    }
  for (guint i = 0; ends != NULL && i < n && 4 * (i + 2) <= text_length; i++)
    {
      guint16          author = u16 (refs + 4 * (n + 1) + 30 * i + 20);
      g_autofree char *text = read_aside (r, start + u32 (ends + 4 * i), start + u32 (ends + 4 * (i + 1)));

      _cd_document_add_comment (r->notes, author < names->len ? g_ptr_array_index (names, author) : NULL, text);
    }
}

/* The text boxes' text (a part of the text after the endnotes), each to
 * the note. */
static void
read_text_boxes (CdDocReader *r,
                 guint32      start)
{
  gsize         length = 0;
  const guint8 *ends = _cd_doc_table_part (r, FC_TEXT_BOXES, &length);
  guint         n = length >= 4 ? (length - 4) / 26 : 0;

  for (guint i = 0; ends != NULL && i < n; i++)
    {
      g_autofree char *text = read_aside (r, start + u32 (ends + 4 * i), start + u32 (ends + 4 * (i + 1)));

      _cd_document_add_text_box (r->notes, text);
    }
}

static void
reader_clear (CdDocReader *r)
{
  for (guint i = 0; r->fields != NULL && i < r->fields->len; i++)
    g_string_free (g_array_index (r->fields, CdDocField, i).text, TRUE);
  g_clear_pointer (&r->fields, g_array_unref);
  g_clear_pointer (&r->word_bytes, g_bytes_unref);
  g_clear_pointer (&r->table_bytes, g_bytes_unref);
  g_clear_pointer (&r->data_bytes, g_bytes_unref);
  g_clear_pointer (&r->pieces, g_array_unref);
  g_clear_pointer (&r->para_runs, g_array_unref);
  g_clear_pointer (&r->char_runs, g_array_unref);
  g_clear_pointer (&r->style_names, g_ptr_array_unref);
  g_clear_pointer (&r->style_sti, g_array_unref);
  g_clear_pointer (&r->style_base, g_array_unref);
  g_clear_pointer (&r->style_format, g_array_unref);
  g_clear_pointer (&r->list_uses, g_array_unref);
  g_clear_pointer (&r->bullets, g_hash_table_unref);
  _cd_table_clear (&r->grid);
  reader_strings (r, FALSE);
  _cd_inline_clear (&r->in);
}

/* Reads the main text, then the comments; counts footnotes and
 * endnotes. */
static gboolean
read_document (CdDocReader *r,
               GsfInfile   *file,
               const char  *origin,
               GError     **error)
{
  guint32 main_length, start;

  if (!_cd_doc_read_fib (r, file, origin, error))
    return FALSE;
  if (!_cd_doc_read_pieces (r))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the Word document is damaged; it cannot be read (its piece table is).", origin);
      return FALSE;
    }
  if ((r->data_bytes = _cd_import_compound_stream (file, "Data")) != NULL)
    r->data = g_bytes_get_data (r->data_bytes, &r->data_length);
  _cd_doc_read_styles (r);
  /* The language its Normal style is in, else Word's own. */
  if (r->document->language == NULL && _cd_document_language_of_lcid (u16 (r->word + 6)) != NULL)
    r->document->language = g_strdup (_cd_document_language_of_lcid (u16 (r->word + 6)));
  _cd_doc_read_lists (r);
  _cd_doc_read_property_pages (r, FC_PARAGRAPHS, TRUE, r->para_runs);
  _cd_doc_read_property_pages (r, FC_CHARACTERS, FALSE, r->char_runs);
  main_length = _cd_doc_count (r, LW_MAIN);
  if (!read_text (r, 0, main_length))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the Word document is damaged; it cannot be read (its text runs past the end of "
                   "the file).",
                   origin);
      return FALSE;
    }
  /* What the last paragraph holds without its mark, and a table at the
   * end. */
  if (r->in.plain->len > 0 || r->pictures->len > 0)
    {
      CdPara *para = _cd_inline_finish (&r->in, CD_PARA_TEXT);

      _cd_inline_init (&r->in);
      _cd_table_flush (&r->grid, r->paras);
      g_ptr_array_add (r->paras, para);
    }
  _cd_table_end_row (&r->grid);
  _cd_table_flush (&r->grid, r->paras);
  _cd_document_add_pictures (r->paras, r->pictures);
  /* The parts of the text after the main one: footnotes, headers,
   * comments, endnotes, text boxes. */
  start = main_length + _cd_doc_count (r, LW_FOOTNOTES) + _cd_doc_count (r, LW_HEADERS) +
          _cd_doc_count (r, LW_MACROS);
  read_comments (r, start);
  read_text_boxes (r, start + _cd_doc_count (r, LW_COMMENTS) + _cd_doc_count (r, LW_ENDNOTES));
  r->document->footnotes += _cd_doc_count_notes (r, FC_FOOTNOTES) + _cd_doc_count_notes (r, FC_ENDNOTES);
  r->document->changes += r->changed_runs;
  return TRUE;
}

/* The reader of Word's binary documents: the file's bytes are the
 * document's one part. */
static gboolean
read_doc (CdDocument *document,
          GPtrArray  *paras,
          GString    *notes,
          const char *origin,
          GError    **error)
{
  GBytes *data = g_hash_table_lookup (document->parts, CD_DOCUMENT_FILE_PART);
  g_autoptr (GError) local = NULL;
  g_autoptr (GsfInfile) file = NULL;
  gsize       length = 0;
  const char *bytes = g_bytes_get_data (data, &length);
  CdDocReader r = { 0 };
  gboolean    ok;

  if (!_cd_import_is_compound_file (bytes, length))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the file is no Word document (it does not start as one does).", origin);
      return FALSE;
    }
  file = _cd_import_open_compound_file (bytes, length, &local);
  if (file == NULL)
    {
      g_autofree char *why = g_utf8_make_valid (local != NULL ? local->message : "unreadable", -1);

      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the Word document is damaged; it cannot be read (%s).", origin, why);
      return FALSE;
    }
  if ((r.word_bytes = _cd_import_compound_stream (file, "WordDocument")) == NULL)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   CD_IMPORT_OTHER_OFFICE_FILE, origin);
      return FALSE;
    }
  r.word = g_bytes_get_data (r.word_bytes, &r.word_length);
  r.document = document;
  r.paras = paras;
  r.notes = notes;
  r.pieces = g_array_new (FALSE, FALSE, sizeof (CdDocPiece));
  r.para_runs = g_array_new (FALSE, FALSE, sizeof (CdDocRun));
  r.char_runs = g_array_new (FALSE, FALSE, sizeof (CdDocRun));
  r.style_names = g_ptr_array_new_with_free_func (g_free);
  r.style_sti = g_array_new (FALSE, FALSE, sizeof (guint16));
  r.style_base = g_array_new (FALSE, FALSE, sizeof (guint16));
  r.style_format = g_array_new (FALSE, FALSE, sizeof (guint8));
  r.list_uses = g_array_new (FALSE, FALSE, sizeof (guint32));
  r.bullets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.fields = g_array_new (FALSE, FALSE, sizeof (CdDocField));
  _cd_table_init (&r.grid);
  reader_strings (&r, TRUE);
  _cd_inline_init (&r.in);

  ok = read_document (&r, file, origin, error);
  reader_clear (&r);
  return ok;
}

/**
 * _cd_import_is_word_document:
 *
 * Returns: whether @data is a compound file that holds a Word document
 *   (its WordDocument stream): an old .doc, whatever its name says
 */
gboolean
_cd_import_is_word_document (const char *data,
                             gsize       length)
{
  g_autoptr (GsfInfile) file = NULL;
  g_autoptr (GsfInput) word = NULL;

  if (!_cd_import_is_compound_file (data, length) ||
      (file = _cd_import_open_compound_file (data, length, NULL)) == NULL)
    return FALSE;
  word = gsf_infile_child_by_name (file, "WordDocument");
  return word != NULL;
}

const CdDocumentFormat _cd_doc_format = { "Word document", "a Word 97–2003 document (.doc)", TRUE, read_doc };
