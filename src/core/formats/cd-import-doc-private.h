/* cd-import-doc-private.h: what the reader of Word's binary documents
 * (cd-import-doc.c) and of their structures (cd-import-doc-tables.c)
 * share: the reader's state and the structures' parts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cd-import-document-private.h"

G_BEGIN_DECLS

/* Where the FIB's pairs (FibRgFcLcb97) find the table stream's parts. */
enum
{
  FC_STYLES = 1,       /* the style sheet (STSH) */
  FC_FOOTNOTES = 2,    /* footnotes' references (PlcffndRef) */
  FC_COMMENTS = 4,     /* comments' references (PlcfandRef) */
  FC_COMMENT_TEXT = 5, /* where each comment's text ends (PlcfandTxt) */
  FC_CHARACTERS = 12,  /* character properties' pages (PlcBteChpx) */
  FC_PARAGRAPHS = 13,  /* paragraph properties' pages (PlcBtePapx) */
  FC_PIECES = 33,      /* the piece table (Clx) */
  FC_AUTHORS = 36,     /* comments' authors (GrpXstAtnOwners) */
  FC_SHAPES = 40,      /* floating shapes' places in the text (PlcfSpa) */
  FC_ENDNOTES = 46,    /* endnotes' references (PlcfendRef) */
  FC_DRAWINGS = 50,    /* the drawings and their pictures (OfficeArtContent) */
  FC_TEXT_BOXES = 56,  /* where each text box's text ends (PlcftxbxTxt) */
  FC_LISTS = 73,       /* list definitions (PlfLst) */
  FC_LIST_USES = 74,   /* the lists paragraphs name (PlfLfo) */
};

/* The FIB's counts (FibRgLw97) of characters in each part of the text. */
enum
{
  LW_MAIN = 3,
  LW_FOOTNOTES = 4,
  LW_HEADERS = 5,
  LW_MACROS = 6,
  LW_COMMENTS = 7,
  LW_ENDNOTES = 8,
};

/* Property modifiers (sprms) read. */
enum
{
  SPRM_C_DELETED = 0x0800,
  SPRM_C_INSERTED = 0x0801,
  SPRM_C_PICTURE = 0x6A03, /* where the picture is in the Data stream */
  SPRM_C_FORM_DATA = 0x0806,
  SPRM_C_OLE = 0x080A,
  SPRM_C_STYLE = 0x4A30,
  SPRM_C_BOLD = 0x0835,
  SPRM_C_ITALIC = 0x0836,
  SPRM_C_STRIKE = 0x0837,
  SPRM_C_HIDDEN = 0x083C,
  SPRM_C_SPECIAL = 0x0855,
  SPRM_C_SYMBOL = 0x6A09, /* a character Insert > Symbol put in: its font, its code */
  SPRM_C_DOUBLE_STRIKE = 0x2A53,
  SPRM_C_LANGUAGE_80 = 0x486D,
  SPRM_C_LANGUAGE = 0x4873,
  SPRM_P_LIST_LEVEL = 0x260A,
  SPRM_P_LIST = 0x460B,
  SPRM_P_IN_TABLE = 0x2416,
  SPRM_P_ROW_END = 0x2417,
  SPRM_P_TABLE_DEPTH = 0x6649,
  SPRM_P_INNER_ROW_END = 0x244C,
  SPRM_P_TABS = 0xC615,
  SPRM_T_DEF_TABLE_10 = 0xD606,
  SPRM_T_DEF_TABLE = 0xD608,
};

/* Built-in styles by number (sti), in any language Word is set up in. */
enum
{
  STI_HEADING_1 = 1,
  STI_HEADING_9 = 9,
  STI_CAPTION = 34,
  STI_TITLE = 62,
  STI_SUBTITLE = 74,
};

typedef struct
{
  guint32  cp, cp_end; /* the characters it holds */
  guint32  fc;         /* where they are in the WordDocument stream */
  gboolean compressed; /* a byte each (Windows-1252), else UTF-16 */
} CdDocPiece;

/* The properties of the bytes from @start to @end of the WordDocument
 * stream: a paragraph's style and modifiers, or a run's modifiers. */
typedef struct
{
  guint32       start, end;
  guint16       style;
  const guint8 *sprms;
  gsize         length;
} CdDocRun;

/* A style's formatting (style_format): a bit for each CdFormat it turns
 * on, and one (STYLE_OFF << format) for each it turns off. */
#define STYLE_OFF 0x10

typedef struct
{
  gboolean format[CD_N_FORMATS];
  gboolean off[CD_N_FORMATS]; /* turned off, against the paragraph style's */
  gboolean hidden, deleted, inserted, special, object;
  gboolean has_picture;
  guint32  picture; /* its place in the Data stream */
  gunichar symbol;  /* the character a symbol stands for */
} CdDocChars;

typedef struct
{
  guint16  style;
  gboolean in_table, row_end;
  guint    list, level; /* the list's use (from 1), 0 for none */
} CdDocPara;

typedef struct
{
  gboolean inst; /* reading the instruction, not yet the result */
  gboolean link;
  GString *text;
} CdDocField;

typedef struct
{
  CdDocument   *document;
  GPtrArray    *paras;
  GString      *notes;
  GBytes       *word_bytes, *table_bytes, *data_bytes;
  const guint8 *word, *table, *data;
  gsize         word_length, table_length, data_length;
  const guint8 *lw;   /* FibRgLw97 */
  guint         n_lw; /* its counts */
  const guint8 *fc;   /* FibRgFcLcb */
  guint         n_fc; /* its pairs */
  GArray       *pieces;
  GArray       *para_runs, *char_runs;
  /* Styles: number (istd) → its name (lower case), sti, base, and a
   * character style's bold, italic and struck (bits 1 << CD_FORMAT_*). */
  GPtrArray *style_names;
  GArray    *style_sti, *style_base, *style_format;
  /* Lists: each use's list's id, and each list's levels' number format. */
  GArray     *list_uses;
  GHashTable *bullets; /* "lsid:level" of the levels that are bullets */
  /* Where the reading is. */
  guint32         cp; /* the character being read */
  const CdDocRun *char_run;
  CdDocChars      chars;
  GArray         *fields; /* CdDocField */
  CdInline        in;
  GString        *text; /* read, not yet set out in its formatting */
  gboolean        text_format[CD_N_FORMATS];
  GString        *aside;    /* text read aside from the story (a comment's), or NULL */
  guint           too_deep; /* fields past MAX_FIELDS open */
  GString        *pictures; /* the pictures' HTML, after their paragraph */
  CdTable         grid;     /* the table being read */
  guint           changed_runs;
} CdDocReader;

/* Where a picture's records hold what is read of it. */
typedef struct
{
  const guint8 *bytes;
  gsize         length;
  const char   *type; /* "png", "jpeg" */
  char         *alt;
  guint         store_index; /* a shape's picture in the store, from 1 */
} CdDocBlip;

/* What _cd_doc_each_sprm() calls with each modifier and its operand. */
typedef void (*CdDocSprmFunc) (guint16       sprm,
                               const guint8 *operand,
                               gsize         size,
                               gpointer      data);

static inline guint16
u16 (const guint8 *p)
{
  return p[0] | p[1] << 8;
}

static inline guint32
u32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

const guint8   *_cd_doc_table_part (CdDocReader *r, guint index, gsize *length);
guint32         _cd_doc_count (CdDocReader *r, guint index);
void            _cd_doc_each_sprm (const guint8 *sprms, gsize length, CdDocSprmFunc each, gpointer data);
void            _cd_doc_chars_sprm (guint16 sprm, const guint8 *operand, gsize size, gpointer data);
gboolean        _cd_doc_read_pieces (CdDocReader *r);
void            _cd_doc_read_property_pages (CdDocReader *r, guint index, gboolean paragraphs, GArray *runs);
const CdDocRun *_cd_doc_find_run (GArray *runs, guint32 fc);
char           *_cd_doc_read_xst (const guint8 *p, gsize left, gsize *size);
void            _cd_doc_read_styles (CdDocReader *r);
void            _cd_doc_read_lists (CdDocReader *r);
const char     *_cd_doc_style_name (CdDocReader *r, guint istd);
void            _cd_doc_find_picture (const guint8 *p, gsize length, guint depth, CdDocBlip *blip);
guint           _cd_doc_count_notes (CdDocReader *r, guint index);
gboolean        _cd_doc_find_floating_picture (CdDocReader *r, guint32 cp, CdDocBlip *blip);
gboolean        _cd_doc_read_fib (CdDocReader *r, GsfInfile *file, const char *origin, GError **error);

G_END_DECLS
