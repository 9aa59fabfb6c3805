/* cd-import-doc-tables.c: the structures of Word's binary document
 * (.doc) that say where its text is and what it is: the File Information
 * Block, the piece table, the pages of paragraph and character
 * properties and their modifiers (sprms), the style sheet, the lists'
 * definitions, and a picture's drawing records. cd-import-doc.c reads the
 * text with them. The structures are those of Microsoft's [MS-DOC] and
 * [MS-ODRAW].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-doc-private.h"
#include "cd-import-private.h"

/* The File Information Block's first bytes, and its flags. */
#define FIB_IDENT 0xA5EC
#define FIB_WORD_97 0x00C1
#define FIB_ENCRYPTED 0x0100
#define FIB_TABLE_1 0x0200

/* The part @index of the table stream the FIB names, or NULL where it
 * names none or one past the stream's end. */
const guint8 *
_cd_doc_table_part (CdDocReader *r,
                    guint        index,
                    gsize       *length)
{
  guint32 fc, lcb;

  if (index >= r->n_fc)
    return NULL;
  fc = u32 (r->fc + index * 8);
  lcb = u32 (r->fc + index * 8 + 4);
  if (lcb == 0 || fc > r->table_length || lcb > r->table_length - fc)
    return NULL;
  *length = lcb;
  return r->table + fc;
}

guint32
_cd_doc_count (CdDocReader *r,
               guint        index)
{
  return index < r->n_lw ? u32 (r->lw + index * 4) : 0;
}

/* The bytes a modifier's operand takes at @p (@left bytes there), by the
 * size its number gives; 0 where it runs past them. */
static gsize
operand_size (guint16       sprm,
              const guint8 *p,
              gsize         left)
{
  gsize size;

  switch (sprm >> 13)
    {
    case 0:
    case 1:
      size = 1;
      break;
    case 2:
    case 4:
    case 5:
      size = 2;
      break;
    case 3:
      size = 4;
      break;
    case 7:
      size = 3;
      break;
    default:
      if (left < 1)
        return 0;
      /* A table's definition counts its size in two bytes, one more
       * than it is; old tab stops' deletions may hold more than 255. */
      if (sprm == SPRM_T_DEF_TABLE || sprm == SPRM_T_DEF_TABLE_10)
        size = left >= 2 && u16 (p) >= 1 ? 2 + u16 (p) - 1 : 0;
      else if (sprm == SPRM_P_TABS && p[0] == 255 && left >= 2)
        size = 2 + p[1] * 4 + (left > 2u + p[1] * 4 ? 1 + p[2 + p[1] * 4] * 3 : 0);
      else
        size = 1 + p[0];
      break;
    }
  return size <= left ? size : 0;
}

/* Calls @each with each modifier in @sprms and its operand. */

void
_cd_doc_each_sprm (const guint8 *sprms,
                   gsize         length,
                   CdDocSprmFunc each,
                   gpointer      data)
{
  gsize i = 0;

  while (i + 2 < length)
    {
      guint16 sprm = u16 (sprms + i);
      gsize   size = operand_size (sprm, sprms + i + 2, length - i - 2);

      if (size == 0)
        return;
      each (sprm, sprms + i + 2, size, data);
      i += 2 + size;
    }
}

/* Reads the piece table: which bytes of the WordDocument stream hold
 * which characters. */
gboolean
_cd_doc_read_pieces (CdDocReader *r)
{
  gsize         length = 0;
  const guint8 *clx = _cd_doc_table_part (r, FC_PIECES, &length);
  gsize         i = 0;

  while (clx != NULL && i < length)
    {
      guint32 n, size;

      if (clx[i] == 1 && length - i >= 3)
        {
          i += 3 + u16 (clx + i + 1);
          continue;
        }
      if (clx[i] != 2 || length - i < 5)
        return FALSE;
      size = u32 (clx + i + 1);
      if (size < 4 || size > length - i - 5 || (size - 4) % 12 != 0)
        return FALSE;
      n = (size - 4) / 12;
      for (guint k = 0; k < n; k++)
        {
          const guint8 *pcd = clx + i + 5 + 4 * (n + 1) + 8 * k;
          guint32       fc = u32 (pcd + 2);
          CdDocPiece    piece = { u32 (clx + i + 5 + 4 * k), u32 (clx + i + 5 + 4 * (k + 1)), fc & 0x3FFFFFFF,
                                  (fc & 0x40000000) != 0 };

          if (piece.compressed)
            piece.fc /= 2;
          if (piece.cp_end > piece.cp)
            g_array_append_val (r->pieces, piece);
        }
      return TRUE;
    }
  return FALSE;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const CdDocRun *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* Reads the pages of paragraph (@paragraphs) or character properties
 * that the table part @index lists into @runs. */
void
_cd_doc_read_property_pages (CdDocReader *r,
                             guint        index,
                             gboolean     paragraphs,
                             GArray      *runs)
{
  gsize         length = 0;
  const guint8 *plc = _cd_doc_table_part (r, index, &length);
  guint         n = length >= 4 ? (length - 4) / 8 : 0;

  for (guint k = 0; plc != NULL && k < n; k++)
    {
      guint32       page_number = u32 (plc + 4 * (n + 1) + 4 * k) & 0x3FFFFF;
      const guint8 *page;
      guint         runs_on_page;

      if ((gsize) page_number * 512 + 512 > r->word_length)
        continue;
      page = r->word + (gsize) page_number * 512;
      runs_on_page = page[511];
      if (4 * (runs_on_page + 1) + (paragraphs ? 13 : 1) * runs_on_page > 511)
        continue;
      for (guint i = 0; i < runs_on_page; i++)
        {
          CdDocRun run = { u32 (page + 4 * i), u32 (page + 4 * (i + 1)), 0, NULL, 0 };
          guint    offset = 2 * page[4 * (runs_on_page + 1) + (paragraphs ? 13 : 1) * i];

          if (offset != 0 && paragraphs)
            {
              /* A PapxInFkp: its size in words (or, as 0, in the next
               * byte), then the style and the modifiers. */
              gsize size = page[offset] != 0 ? 2 * page[offset] - 1 : offset < 511 ? 2 * page[offset + 1]
                                                                                   : 0;
              gsize start = offset + (page[offset] != 0 ? 1 : 2);

              if (size >= 2 && start + size <= 511)
                {
                  run.style = u16 (page + start);
                  run.sprms = page + start + 2;
                  run.length = size - 2;
                }
            }
          else if (offset != 0 && offset + 1 + page[offset] <= 511)
            {
              run.sprms = page + offset + 1;
              run.length = page[offset];
            }
          g_array_append_val (runs, run);
        }
    }
  g_array_sort (runs, compare_runs);
}

/* The run of @runs that holds the byte @fc, or NULL. */
const CdDocRun *
_cd_doc_find_run (GArray *runs,
                  guint32 fc)
{
  guint low = 0, high = runs->len;

  while (low < high)
    {
      guint           middle = (low + high) / 2;
      const CdDocRun *run = &g_array_index (runs, CdDocRun, middle);

      if (fc < run->start)
        high = middle;
      else if (fc >= run->end)
        low = middle + 1;
      else
        return run;
    }
  return NULL;
}

/* A Xst (a count, then UTF-16 characters) at @p, with @left bytes
 * there, as UTF-8; sets @size to the bytes it takes. */
char *
_cd_doc_read_xst (const guint8 *p,
                  gsize         left,
                  gsize        *size)
{
  guint16          n;
  g_autofree char *text = NULL;

  if (left < 2 || (n = u16 (p)) > (left - 2) / 2)
    return NULL;
  *size = 2 + 2 * (gsize) n;
  text = g_convert ((const char *) p + 2, 2 * n, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
  return text != NULL ? g_steal_pointer (&text) : g_strdup ("");
}

static void
normal_style_language (guint16       sprm,
                       const guint8 *operand,
                       gsize         size,
                       gpointer      data)
{
  CdDocument *document = data;

  if ((sprm == SPRM_C_LANGUAGE || sprm == SPRM_C_LANGUAGE_80) && document->language == NULL &&
      _cd_document_language_of_lcid (u16 (operand)) != NULL)
    document->language = g_strdup (_cd_document_language_of_lcid (u16 (operand)));
}

/* Reads the style sheet: each style's name, built-in number and base, a
 * character style's formatting; the Normal style's language is the
 * document's. */
void
_cd_doc_read_styles (CdDocReader *r)
{
  gsize         length = 0;
  const guint8 *stsh = _cd_doc_table_part (r, FC_STYLES, &length);
  gsize         pos, header, base_size;
  guint         count;

  if (stsh == NULL || length < 6 || (header = u16 (stsh)) < 4 || header > length - 2)
    return;
  count = u16 (stsh + 2);
  base_size = u16 (stsh + 4);
  pos = 2 + header;
  for (guint istd = 0; istd < count && pos + 2 <= length; istd++)
    {
      gsize            size = u16 (stsh + pos), name_size = 0;
      const guint8    *std = stsh + pos + 2;
      g_autofree char *name = NULL;

      pos += 2;
      if (size > length - pos)
        break;
      pos += size;
      if (size < base_size + 2 || base_size < 4)
        {
          g_ptr_array_add (r->style_names, NULL);
          g_array_append_vals (r->style_sti, &(guint16){ 0x0FFF }, 1);
          g_array_append_vals (r->style_base, &(guint16){ 0x0FFF }, 1);
          g_array_append_vals (r->style_format, &(guint8){ 0 }, 1);
          continue;
        }
      name = _cd_doc_read_xst (std + base_size, size - base_size, &name_size);
      g_ptr_array_add (r->style_names, name != NULL ? g_ascii_strdown (name, -1) : NULL);
      g_array_append_vals (r->style_sti, &(guint16){ u16 (std) & 0x0FFF }, 1);
      g_array_append_vals (r->style_base, &(guint16){ u16 (std + 2) >> 4 }, 1);
      g_array_append_vals (r->style_format, &(guint8){ 0 }, 1);
      /* A character style's one property set (UPX), the characters', at
       * an even place after its name and its end (2 bytes); a paragraph
       * style's two, the paragraph's, then the characters'. The
       * characters' formatting is the style's (a standfirst's style in
       * italic); the Normal style's language the document's. */
      if (name != NULL && ((u16 (std + 2) & 0xF) == 2 || (u16 (std + 2) & 0xF) == 1))
        {
          gsize at = base_size + name_size + 2, upx;

          at += at % 2;
          if ((u16 (std + 2) & 0xF) == 1)
            {
              at = at + 2 <= size && (upx = u16 (std + at)) <= size - at - 2 ? at + 2 + upx : size;
              at += at % 2;
            }
          if (at + 2 <= size && (upx = u16 (std + at)) <= size - at - 2)
            {
              CdDocChars chars = r->chars;

              memset (&r->chars, 0, sizeof r->chars);
              _cd_doc_each_sprm (std + at + 2, upx, _cd_doc_chars_sprm, r);
              for (guint i = 0; i < CD_N_FORMATS; i++)
                g_array_index (r->style_format, guint8, istd) |= (r->chars.format[i] ? 1 << i : 0) |
                                                                 (r->chars.off[i] ? STYLE_OFF << i : 0);
              r->chars = chars;
              if (istd == 0 && (u16 (std + 2) & 0xF) == 1)
                _cd_doc_each_sprm (std + at + 2, upx, normal_style_language, r->document);
            }
        }
    }
}

/* Reads which list levels are bullets: the lists' definitions (PlfLst,
 * then each list's levels) and the uses paragraphs name (PlfLfo). */
void
_cd_doc_read_lists (CdDocReader *r)
{
  gsize         length = 0, uses_length = 0, pos;
  const guint8 *lists = _cd_doc_table_part (r, FC_LISTS, &length);
  const guint8 *uses = _cd_doc_table_part (r, FC_LIST_USES, &uses_length);
  gint16        n_lists;

  if (lists == NULL || uses == NULL || length < 2 || uses_length < 4)
    return;
  n_lists = (gint16) u16 (lists);
  if (n_lists <= 0 || (gsize) n_lists * 28 > length - 2)
    return;
  pos = 2 + (gsize) n_lists * 28;
  /* The levels follow the definitions in the table stream, past the
   * part's length. */
  length = r->table + r->table_length - lists;
  for (gint16 i = 0; i < n_lists; i++)
    {
      const guint8 *lstf = lists + 2 + 28 * i;
      guint         levels = (lstf[26] & 1) ? 1 : 9;

      for (guint level = 0; level < levels; level++)
        {
          gsize extra, text_size = 0;

          /* LVLF (28 bytes), its modifiers, then its number's text. */
          if (pos + 28 > length)
            return;
          extra = (gsize) lists[pos + 24] + lists[pos + 25];
          if (lists[pos + 4] == 23)
            g_hash_table_add (r->bullets, g_strdup_printf ("%u:%u", u32 (lstf), level));
          pos += 28 + extra;
          if (pos > length)
            return;
          g_free (_cd_doc_read_xst (lists + pos, length - pos, &text_size));
          pos += text_size;
        }
    }
  for (guint32 i = 0, n = MIN (u32 (uses), (uses_length - 4) / 16); i < n; i++)
    {
      guint32 lsid = u32 (uses + 4 + 16 * i);

      g_array_append_val (r->list_uses, lsid);
    }
}

/* The name of the style @istd, or of the first it is based on that says
 * what a paragraph is; the built-in ones by their number, so a German
 * Word's "Überschrift 1" is "heading 1". */
const char *
_cd_doc_style_name (CdDocReader *r,
                    guint        istd)
{
  static const char *const headings[] = { "heading 1", "heading 2", "heading 3", "heading 4", "heading 5",
                                          "heading 6", "heading 7", "heading 8", "heading 9" };

  for (guint depth = 0; depth < 8 && istd < r->style_names->len; depth++)
    {
      guint16     sti = g_array_index (r->style_sti, guint16, istd);
      const char *name = g_ptr_array_index (r->style_names, istd);
      gboolean    ordered = FALSE;

      if (sti >= STI_HEADING_1 && sti <= STI_HEADING_9)
        return headings[sti - STI_HEADING_1];
      if (sti == STI_TITLE)
        return "title";
      if (sti == STI_SUBTITLE)
        return "subtitle";
      if (sti == STI_CAPTION)
        return "caption";
      if (name != NULL && (_cd_document_kind_of_style (name, &ordered) != CD_PARA_TEXT || ordered))
        return name;
      istd = g_array_index (r->style_base, guint16, istd);
    }
  return NULL;
}

/* A shape's properties (OfficeArtFOPT, @n of them): its picture's place
 * in the store, its description, else the name a person gave it. */
static void
read_shape_options (const guint8 *p,
                    gsize         length,
                    guint         n,
                    CdDocBlip    *blip)
{
  gsize complex = (gsize) n * 6;

  for (guint k = 0; k < n && complex <= length; k++)
    {
      guint16          id = u16 (p + 6 * k);
      guint32          size = u32 (p + 6 * k + 2);
      g_autofree char *text = NULL;

      /* The picture a shape shows (pib). */
      if ((id & 0x3FFF) == 0x0104 && (id & 0x8000) == 0)
        blip->store_index = size;
      if ((id & 0x8000) == 0)
        continue;
      if (size > length - complex)
        return;
      if ((id & 0x3FFF) == 0x0380 || (id & 0x3FFF) == 0x0381)
        {
          text = g_convert ((const char *) p + complex, size & ~1u, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
          if (text != NULL)
            _cd_document_take_description (&blip->alt, (id & 0x3FFF) == 0x0381, text);
        }
      complex += size;
    }
}

/* Walks the drawing records (OfficeArt) at @p for a picture's data and
 * its description. */
void
_cd_doc_find_picture (const guint8 *p,
                      gsize         length,
                      guint         depth,
                      CdDocBlip    *blip)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  static const guint8 jpeg[] = { 0xFF, 0xD8, 0xFF };

  for (gsize i = 0; i + 8 <= length && depth < 8;)
    {
      guint16       head = u16 (p + i), type = u16 (p + i + 2);
      gsize         size = MIN (u32 (p + i + 4), length - i - 8);
      const guint8 *body = p + i + 8;

      if ((head & 0xF) == 0xF)
        _cd_doc_find_picture (body, size, depth + 1, blip);
      else if (type == 0xF00B || type == 0xF121 || type == 0xF122)
        read_shape_options (body, size, head >> 4, blip);
      /* A picture's entry in the store (FBSE): its name, then the
       * picture's record. */
      else if (type == 0xF007 && size >= 36 && 36u + body[33] < size)
        _cd_doc_find_picture (body + 36 + body[33], size - 36 - body[33], depth + 1, blip);
      else if ((type == 0xF01D || type == 0xF02A || type == 0xF01E) && blip->bytes == NULL)
        /* After the picture's one or two ids and a tag: its file. */
        for (gsize at = 0; at + sizeof png <= size && at < 64; at++)
          if (type == 0xF01E ? memcmp (body + at, png, sizeof png) == 0 : memcmp (body + at, jpeg, sizeof jpeg) == 0)
            {
              blip->bytes = body + at;
              blip->length = size - at;
              blip->type = type == 0xF01E ? "png" : "jpeg";
              break;
            }
      i += 8 + size;
    }
}

/* The count of the notes whose references (a CP and 2 bytes each) the
 * table part @index lists. */
guint
_cd_doc_count_notes (CdDocReader *r,
                     guint        index)
{
  gsize length = 0;

  return _cd_doc_table_part (r, index, &length) != NULL && length >= 4 ? (length - 4) / 6 : 0;
}

/* Reads the File Information Block: where the table stream's parts are
 * and how long the text is. */
gboolean
_cd_doc_read_fib (CdDocReader *r,
                  GsfInfile   *file,
                  const char  *origin,
                  GError     **error)
{
  guint16 flags;
  gsize   pos;

  if (r->word_length < 34 || u16 (r->word) != FIB_IDENT)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the Word document is damaged; it cannot be read (its WordDocument stream does "
                   "not start as a Word document's does).",
                   origin);
      return FALSE;
    }
  flags = u16 (r->word + 0x0A);
  if (u16 (r->word + 2) < FIB_WORD_97 - 1)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the document is from Word 95 or older, which cannot be read; save it as .docx "
                   "or .odt and import that.",
                   origin);
      return FALSE;
    }
  if ((flags & FIB_ENCRYPTED) != 0)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the Word document is protected by a password; open it, remove the password "
                   "and import it again.",
                   origin);
      return FALSE;
    }
  /* FibBase (32 bytes), then counts of 2-, 4- and 8-byte fields. */
  pos = 32;
  pos += 2 + 2 * (gsize) u16 (r->word + pos);
  if (pos + 2 <= r->word_length)
    {
      r->n_lw = u16 (r->word + pos);
      r->lw = r->word + pos + 2;
      pos += 2 + 4 * (gsize) r->n_lw;
    }
  if (pos + 2 <= r->word_length)
    {
      r->n_fc = u16 (r->word + pos);
      r->fc = r->word + pos + 2;
      pos += 2 + 8 * (gsize) r->n_fc;
    }
  r->table_bytes = _cd_import_compound_stream (file, (flags & FIB_TABLE_1) != 0 ? "1Table" : "0Table");
  if (pos > r->word_length || r->n_lw <= LW_ENDNOTES || r->n_fc <= FC_PIECES || r->table_bytes == NULL)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the Word document is damaged; it cannot be read (%s).", origin,
                   r->table_bytes == NULL ? "it has no table stream" : "its information block is cut short");
      return FALSE;
    }
  r->table = g_bytes_get_data (r->table_bytes, &r->table_length);
  return TRUE;
}

/* Whether the drawing records at @p hold the shape @spid; its
 * properties to @blip. */
static gboolean
find_shape (const guint8 *p,
            gsize         length,
            guint32       spid,
            guint         depth,
            CdDocBlip    *blip)
{
  for (gsize i = 0; i + 8 <= length && depth < 8;)
    {
      guint16       head = u16 (p + i), type = u16 (p + i + 2);
      gsize         size = MIN (u32 (p + i + 4), length - i - 8);
      const guint8 *body = p + i + 8;

      /* A shape's container: its FSP record names it. */
      if (type == 0xF004)
        {
          for (gsize k = 0; k + 12 <= size; k += 8 + MIN (u32 (body + k + 4), size - k - 8))
            if (u16 (body + k + 2) == 0xF00A && u32 (body + k + 8) == spid)
              {
                _cd_doc_find_picture (body, size, depth + 1, blip);
                return TRUE;
              }
        }
      else if ((head & 0xF) == 0xF && find_shape (body, size, spid, depth + 1, blip))
        return TRUE;
      i += 8 + size;
    }
  return FALSE;
}

/* The picture of the store's entry @index (from 1) in the drawing
 * group @dgg: in the entry, or at its place in the WordDocument stream. */
static void
stored_picture (CdDocReader  *r,
                const guint8 *dgg,
                gsize         length,
                CdDocBlip    *blip)
{
  guint seen = 0;

  for (gsize i = 0; i + 8 <= length;)
    {
      guint16       type = u16 (dgg + i + 2);
      gsize         size = MIN (u32 (dgg + i + 4), length - i - 8);
      const guint8 *body = dgg + i + 8;

      if (type == 0xF001)
        {
          stored_picture (r, body, size, blip);
          return;
        }
      if (type == 0xF007 && ++seen == blip->store_index && size >= 36)
        {
          guint32 at = u32 (body + 28);

          if (36u + body[33] < size)
            _cd_doc_find_picture (dgg + i, 8 + size, 1, blip);
          else if (at < r->word_length && r->word_length - at >= 8)
            _cd_doc_find_picture (r->word + at, MIN (8 + (gsize) u32 (r->word + at + 4), r->word_length - at), 1,
                                  blip);
          return;
        }
      i += 8 + size;
    }
}

/* The picture of the floating shape anchored at @cp (PlcfSpa names its
 * id; the drawings, OfficeArtContent, its picture in their store), with
 * its description; whether there is one. */
gboolean
_cd_doc_find_floating_picture (CdDocReader *r,
                               guint32      cp,
                               CdDocBlip   *blip)
{
  gsize         places_length = 0, length = 0, dgg_size, pos;
  const guint8 *places = _cd_doc_table_part (r, FC_SHAPES, &places_length);
  const guint8 *content = _cd_doc_table_part (r, FC_DRAWINGS, &length);
  guint         n = places_length >= 4 ? (places_length - 4) / 30 : 0;
  guint32       spid = 0;
  guint         k;

  for (k = 0; places != NULL && k < n && u32 (places + 4 * k) != cp; k++)
    ;
  if (k >= n || content == NULL || length < 8 || u16 (content + 2) != 0xF000)
    return FALSE;
  spid = u32 (places + 4 * (n + 1) + 26 * k);
  /* The drawing group, then each drawing after a byte that says whose
   * (the text's or the headers'). */
  dgg_size = 8 + MIN (u32 (content + 4), length - 8);
  for (pos = dgg_size; pos + 9 <= length;)
    {
      gsize size = MIN (u32 (content + pos + 5), length - pos - 9);

      if (find_shape (content + pos + 9, size, spid, 0, blip))
        break;
      pos += 9 + size;
    }
  if (blip->store_index == 0)
    return FALSE;
  stored_picture (r, content + 8, dgg_size - 8, blip);
  return blip->bytes != NULL;
}
