/* cd-import-rtf.c: Rich Text Format (.rtf), as Word, WordPad, LibreOffice
 * and macOS's TextEdit save it, read into the paragraphs a word
 * processor's document gives (cd-import-document.c): its styles' title,
 * subtitle, headings and quotes, lists, tables, bold, italic and struck
 * text, links, PNG and JPEG pictures, comments and tracked changes, in
 * the character sets its fonts name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-document-private.h"
#include "cd-import-private.h"

/* Groups nested deeper than this are refused: no document needs them. */
#define MAX_DEPTH 512

/* Where the text of a group goes. */
typedef enum
{
  DEST_TEXT,       /* the story */
  DEST_SKIP,       /* nowhere: a destination not read */
  DEST_FONTTBL,    /* the font table */
  DEST_STYLESHEET, /* the style sheet */
  DEST_FLDINST,    /* a field's instruction ("HYPERLINK …") */
  DEST_LISTTEXT,   /* a list item's number or bullet, as shown */
  DEST_PICT,       /* a picture's data, in hex */
  DEST_ANNOTATION, /* a comment */
  DEST_AUTHOR,     /* a comment's author */
  DEST_TEXT_BOX,   /* a text box's text (\shptxt), for the note */
  DEST_PAGE_HEAD,  /* a running head's text (\header), read for the desk */
  DEST_SHAPE,      /* a floating shape: its picture and text box are read */
  DEST_PROP_NAME,  /* a picture's property's name ("wzDescription") */
  DEST_PROP_VALUE, /* and its value */
} Dest;

/* What a group sets; a group's end restores its parent's. */
typedef struct
{
  Dest     dest;
  gboolean format[CD_N_FORMATS];
  gboolean hidden; /* \v, or deleted by a tracked change */
  guint    uc;     /* the characters that stand in for a \u character */
  int      font;
  gboolean link; /* a field's result that is a link */
  gboolean in_pict;
  gboolean in_shape; /* a floating shape's, whose picture ends with it */
} State;

typedef struct
{
  CdDocument *document;
  GPtrArray  *paras;
  GString    *notes;
  const char *p, *end;
  GArray     *stack; /* State */
  State       st;
  CdInline    in;
  /* The paragraph's properties (\pard resets them). */
  int      style;
  gboolean listed;
  guint    level;
  gboolean in_table;
  GString *listtext;
  /* Fonts' and styles' tables. */
  GHashTable *charsets;  /* font number → the iconv name of its character set */
  const char *codepage;  /* the document's */
  int         def_font;  /* \deff */
  GHashTable *styles;    /* style number → its name, lower case */
  GHashTable *based_on;  /* style number → the one it is based on */
  int         entry;     /* the number of the style or font being read */
  gboolean    entry_par; /* whether it is a paragraph style */
  GString    *entry_name;
  /* Text in bytes of the current font's set (\'hh), not yet converted. */
  GByteArray *bytes;
  guint       skip; /* characters left to skip after \u */
  gunichar    high; /* a UTF-16 high surrogate waiting for its pair */
  /* Fields, comments, pictures and tables. */
  GString    *fldinst;
  GString    *comment;
  GString    *author;
  GString    *text_box;
  GString    *page_head; /* a running head's text, a tab between its paragraphs */
  GString    *pict;
  const char *pict_type; /* "png", "jpeg", or NULL for one not read */
  GBytes     *pict_bin;  /* data sent raw (\bin) */
  char       *pict_alt;  /* its description */
  GString    *prop_name;
  GString    *prop_value;
  GString    *pictures; /* the pictures' HTML, after their paragraph */
  CdTable     table;
} Reader;

/* The iconv name of the Windows character set @charset (\fcharset) or
 * code page @cpg (\ansicpg, \cpg). */
static const char *
codepage_name (int charset,
               int cpg)
{
  /* clang-format off */
  static const struct { int charset; int cpg; const char *name; } sets[] = {
    { 0, 1252, "WINDOWS-1252" }, { 77, 10000, "MACINTOSH" }, { 128, 932, "SHIFT_JIS" },
    { 129, 949, "CP949" }, { 134, 936, "GBK" }, { 136, 950, "BIG5" }, { 161, 1253, "WINDOWS-1253" },
    { 162, 1254, "WINDOWS-1254" }, { 163, 1258, "WINDOWS-1258" }, { 177, 1255, "WINDOWS-1255" },
    { 178, 1256, "WINDOWS-1256" }, { 186, 1257, "WINDOWS-1257" }, { 204, 1251, "WINDOWS-1251" },
    { 222, 874, "CP874" }, { 238, 1250, "WINDOWS-1250" }, { -1, 437, "CP437" }, { -1, 850, "CP850" },
    { -1, 65001, "UTF-8" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    if ((charset >= 0 && sets[i].charset == charset) || (cpg >= 0 && sets[i].cpg == cpg))
      return sets[i].name;
  return NULL;
}

/* Where text of the story goes now: nowhere inside a destination not
 * read, hidden or deleted text. */
static GString *
sink (Reader *r)
{
  switch (r->st.dest)
    {
    case DEST_FONTTBL:
    case DEST_STYLESHEET:
      return r->entry_name;
    case DEST_FLDINST:
      return r->fldinst;
    case DEST_LISTTEXT:
      return r->listtext;
    case DEST_ANNOTATION:
      return r->comment;
    case DEST_AUTHOR:
      return r->author;
    case DEST_TEXT_BOX:
      return r->text_box;
    case DEST_PAGE_HEAD:
      return r->page_head;
    case DEST_PROP_NAME:
      return r->prop_name;
    case DEST_PROP_VALUE:
      return r->prop_value;
    case DEST_TEXT:
    case DEST_SKIP:
    case DEST_PICT:
    default:
      return NULL;
    }
}

static const char *style_name (Reader *r,
                               int     number);

/* Whether bold is the paragraph's own: a heading's, a title's, a table
 * head's. */
static gboolean
bold_is_style (Reader *r)
{
  gboolean ordered = FALSE;

  switch (_cd_document_kind_of_style (style_name (r, r->style), &ordered))
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
      return r->in_table && r->table.head_row;
    }
}

/* Adds @text (UTF-8) where the current group's text goes. */
static void
emit (Reader     *r,
      const char *text)
{
  GString *to;

  if (r->st.hidden)
    return;
  if (r->st.dest == DEST_TEXT)
    {
      gboolean format[CD_N_FORMATS];

      memcpy (format, r->st.format, sizeof format);
      /* Writers set a heading's and a table head's own bold on its runs:
       * no emphasis. */
      format[CD_FORMAT_BOLD] = format[CD_FORMAT_BOLD] && !bold_is_style (r);
      _cd_inline_append (&r->in, text, format);
    }
  else if ((to = sink (r)) != NULL)
    g_string_append (to, text);
}

/* Converts the bytes of \'hh escapes read so far, in the current font's
 * character set (the document's for a font that names none). */
static void
flush_bytes (Reader *r)
{
  const char      *set;
  g_autofree char *text = NULL;

  if (r->bytes->len == 0)
    return;
  set = g_hash_table_lookup (r->charsets, GINT_TO_POINTER (r->st.font >= 0 ? r->st.font : r->def_font));
  if (set == NULL || strcmp (set, "SYMBOL") == 0)
    set = r->codepage;
  text = g_convert ((const char *) r->bytes->data, r->bytes->len, "UTF-8", set, NULL, NULL, NULL);
  if (text == NULL)
    text = g_convert ((const char *) r->bytes->data, r->bytes->len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text == NULL)
    text = g_utf8_make_valid ((const char *) r->bytes->data, r->bytes->len);
  g_byte_array_set_size (r->bytes, 0);
  emit (r, text);
}

static void
emit_unichar (Reader  *r,
              gunichar c)
{
  char utf8[8];

  flush_bytes (r);
  if (c >= 0xD800 && c < 0xDC00)
    {
      r->high = c;
      return;
    }
  if (c >= 0xDC00 && c < 0xE000)
    {
      if (r->high == 0)
        return;
      c = 0x10000 + ((r->high - 0xD800) << 10) + (c - 0xDC00);
    }
  r->high = 0;
  if (!g_unichar_validate (c) || c == 0)
    return;
  utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
  emit (r, utf8);
}

/* The name of the style @number, or of the first it is based on that
 * says what a paragraph is ("heading 2", "title", "quote"). */
static const char *
style_name (Reader *r,
            int     number)
{
  for (guint depth = 0; depth < 8; depth++)
    {
      const char *name = g_hash_table_lookup (r->styles, GINT_TO_POINTER (number));
      gboolean    ordered = FALSE;
      gpointer    parent;

      if (name != NULL && (_cd_document_kind_of_style (name, &ordered) != CD_PARA_TEXT || ordered))
        return name;
      if (!g_hash_table_lookup_extended (r->based_on, GINT_TO_POINTER (number), NULL, &parent))
        return name;
      number = GPOINTER_TO_INT (parent);
    }
  return NULL;
}

/* Ends the paragraph: into the story, or into a table's cell. */
static void
end_paragraph (Reader *r)
{
  gboolean   ordered = FALSE;
  CdParaKind kind;
  CdPara    *para;

  flush_bytes (r);
  kind = _cd_document_kind_of_style (style_name (r, r->style), &ordered);
  para = _cd_inline_finish (&r->in, kind);
  para->ordered = ordered;
  if (r->listed && para->kind == CD_PARA_TEXT)
    {
      const char *shown = g_strstrip (r->listtext->str);
      gsize       n = strlen (shown);

      para->kind = CD_PARA_LIST;
      para->level = MIN (r->level, 8);
      /* "1.", "a)", "iv." are numbers; "•", "–", "o" bullets. */
      para->ordered = n >= 2 && strchr (".)", shown[n - 1]) != NULL && g_ascii_isalnum (shown[0]);
    }
  g_string_truncate (r->listtext, 0);
  _cd_inline_init (&r->in);
  if (r->in_table)
    {
      g_ptr_array_add (r->table.cell, para);
      return;
    }
  _cd_table_flush (&r->table, r->paras);
  g_ptr_array_add (r->paras, para);
  _cd_document_add_pictures (r->paras, r->pictures);
}

static void
end_cell (Reader *r)
{
  if (!r->in_table)
    return;
  end_paragraph (r);
  _cd_table_end_cell (&r->table, 1);
}

static void
end_row (Reader *r)
{
  if (r->table.cell->len > 0)
    end_cell (r);
  _cd_table_end_row (&r->table);
}

/* A field's result is a link when its instruction is HYPERLINK "url". */
static void
start_field_result (Reader *r)
{
  g_autofree char *url = NULL;

  if (r->st.dest != DEST_TEXT || (url = _cd_document_field_link (r->fldinst->str)) == NULL)
    return;
  _cd_inline_open_link (&r->in, url);
  r->st.link = TRUE;
}

/* The picture whose group ends: to the document's pictures, its HTML
 * after the paragraph it stands in. */
static void
end_picture (Reader *r)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *html = NULL;

  if (r->pict_type != NULL)
    {
      if (r->pict_bin != NULL)
        bytes = g_bytes_ref (r->pict_bin);
      else
        {
          gsize   n = r->pict->len / 2;
          guint8 *data = g_malloc (n + 1);

          for (gsize i = 0; i < n; i++)
            data[i] = g_ascii_xdigit_value (r->pict->str[2 * i]) << 4 | g_ascii_xdigit_value (r->pict->str[2 * i + 1]);
          bytes = g_bytes_new_take (data, n);
        }
      name = g_strdup_printf ("picture-%u.%s", g_hash_table_size (r->document->parts), r->pict_type);
      g_hash_table_insert (r->document->parts, g_strdup (name), g_bytes_ref (bytes));
      if ((html = _cd_document_add_picture (r->document, name, r->pict_alt)) != NULL)
        g_string_append (r->pictures, html);
    }
  g_string_truncate (r->pict, 0);
  g_clear_pointer (&r->pict_bin, g_bytes_unref);
  g_clear_pointer (&r->pict_alt, g_free);
  r->pict_type = NULL;
}

/* The end of a font's or a style's entry (at its ";"). */
static void
end_entry (Reader *r)
{
  char *name = g_strstrip (g_ascii_strdown (r->entry_name->str, -1));

  if (r->st.dest == DEST_STYLESHEET && r->entry_par && *name != '\0')
    g_hash_table_replace (r->styles, GINT_TO_POINTER (r->entry), g_strdup (name));
  else if (r->st.dest == DEST_FONTTBL && strstr (name, "symbol") != NULL)
    g_hash_table_replace (r->charsets, GINT_TO_POINTER (r->entry), (gpointer) "SYMBOL");
  g_free (name);
  g_string_truncate (r->entry_name, 0);
}

/* Characters a control word stands for. */
static const char *
symbol_of (const char *word)
{
  /* clang-format off */
  static const char *const symbols[][2] = {
    { "emdash", "—" }, { "endash", "–" }, { "lquote", "‘" }, { "rquote", "’" }, { "ldblquote", "“" },
    { "rdblquote", "”" }, { "bullet", "•" }, { "emspace", " " }, { "enspace", " " }, { "qmspace", " " },
    { "tab", " " }, { "zwnj", "\u200c" }, { "zwj", "\u200d" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (strcmp (word, symbols[i][0]) == 0)
      return symbols[i][1];
  return NULL;
}

/* Destinations whose text is not the story's: skipped whole. */
static gboolean
is_skipped_destination (const char *word)
{
  static const char *const skipped[] = {
    "colortbl",
    "info",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "object",
    "nonshppict",
    "shprslt",
    "xe",
    "tc",
    "txe",
    "template",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "generator",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "pgdsctbl",
    "expandedcolortbl",
    "fonttbl_alt",
    "bkmkstart",
    "bkmkend",
    "atnid",
    "atndate",
    "atnref",
    "atrfstart",
    "atrfend",
    "pn",
    "filetbl",
    "mmathPr",
    "xmlnstbl",
    "wgrffmtfilter",
  };

  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (strcmp (word, skipped[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Destinations marked "\*" (which a reader may skip) that this one reads:
 * a field's instruction, a comment and its author, Word's picture. */
static gboolean
is_read_destination (const char *word)
{
  static const char *const read[] = { "fldinst", "annotation", "atnauthor", "shppict", "shpinst" };

  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    if (strcmp (word, read[i]) == 0)
      return TRUE;
  return FALSE;
}

/* What the control word @word (with its parameter @param, when @has_param)
 * does; @starred is whether it follows "\*", which makes an unknown
 * destination one to skip. */
static void
control_word (Reader     *r,
              const char *word,
              gboolean    has_param,
              int         param,
              gboolean    starred)
{
  const char *symbol;
  gboolean    on = !has_param || param != 0;

  if (strcmp (word, "u") == 0 && has_param)
    {
      emit_unichar (r, param < 0 ? (gunichar) (param + 65536) : (gunichar) param);
      r->skip = r->st.uc;
      return;
    }
  flush_bytes (r);
  /* Binary data, which may hold any byte, is passed over wherever it is. */
  if (strcmp (word, "bin") == 0 && has_param && param > 0)
    {
      gsize n = MIN ((gsize) param, (gsize) (r->end - r->p));

      if (r->st.dest == DEST_PICT)
        {
          g_clear_pointer (&r->pict_bin, g_bytes_unref);
          r->pict_bin = g_bytes_new (r->p, n);
        }
      r->p += n;
      return;
    }
  /* A picture's properties: its description. */
  if ((r->st.in_pict || r->st.dest == DEST_SHAPE) && (strcmp (word, "sn") == 0 || strcmp (word, "sv") == 0))
    {
      r->st.dest = word[1] == 'n' ? DEST_PROP_NAME : DEST_PROP_VALUE;
      g_string_truncate (word[1] == 'n' ? r->prop_name : r->prop_value, 0);
      return;
    }
  /* "\*" before a destination this reader does not know: skipped. */
  if (starred && !is_read_destination (word))
    {
      r->st.dest = DEST_SKIP;
      return;
    }
  if (r->st.dest == DEST_SKIP)
    return;
  if (r->st.dest == DEST_PICT)
    {
      if (strcmp (word, "pngblip") == 0)
        r->pict_type = "png";
      else if (strcmp (word, "jpegblip") == 0)
        r->pict_type = "jpg";
      return;
    }
  if (r->st.dest == DEST_FONTTBL || r->st.dest == DEST_STYLESHEET)
    {
      if ((strcmp (word, "f") == 0 && r->st.dest == DEST_FONTTBL) || strcmp (word, "s") == 0)
        {
          r->entry = param;
          r->entry_par = TRUE;
        }
      else if (strcmp (word, "cs") == 0 || strcmp (word, "ds") == 0 || strcmp (word, "ts") == 0)
        r->entry_par = FALSE;
      else if (strcmp (word, "sbasedon") == 0 && has_param && r->entry_par)
        g_hash_table_replace (r->based_on, GINT_TO_POINTER (r->entry), GINT_TO_POINTER (param));
      else if ((strcmp (word, "fcharset") == 0 || strcmp (word, "cpg") == 0) && has_param &&
               codepage_name (word[0] == 'f' ? param : -1, word[0] == 'c' ? param : -1) != NULL)
        g_hash_table_replace (r->charsets, GINT_TO_POINTER (r->entry),
                              (gpointer) codepage_name (word[0] == 'f' ? param : -1, word[0] == 'c' ? param : -1));
      return;
    }

  /* Destinations */
  if (strcmp (word, "fonttbl") == 0)
    r->st.dest = DEST_FONTTBL;
  else if (strcmp (word, "stylesheet") == 0)
    r->st.dest = DEST_STYLESHEET;
  else if (strcmp (word, "fldinst") == 0)
    {
      r->st.dest = DEST_FLDINST;
      g_string_truncate (r->fldinst, 0);
    }
  else if (strcmp (word, "fldrslt") == 0)
    start_field_result (r);
  else if (strcmp (word, "listtext") == 0 || strcmp (word, "pntext") == 0)
    {
      r->st.dest = DEST_LISTTEXT;
      g_string_truncate (r->listtext, 0);
      r->listed = TRUE;
    }
  /* A picture in a text box is the box's, which the note names by its
   * words. */
  else if (r->st.dest == DEST_TEXT_BOX && (strcmp (word, "pict") == 0 || strcmp (word, "shppict") == 0 ||
                                           strcmp (word, "shpinst") == 0))
    r->st.dest = DEST_SKIP;
  else if (strcmp (word, "shpinst") == 0)
    {
      r->st.dest = DEST_SHAPE;
      r->st.in_shape = TRUE;
    }
  else if (strcmp (word, "pict") == 0)
    {
      r->st.dest = DEST_PICT;
      r->st.in_pict = TRUE;
      r->pict_type = NULL;
    }
  else if (strcmp (word, "annotation") == 0)
    {
      r->st.dest = DEST_ANNOTATION;
      g_string_truncate (r->comment, 0);
    }
  else if (strcmp (word, "atnauthor") == 0)
    {
      r->st.dest = DEST_AUTHOR;
      g_string_truncate (r->author, 0);
    }
  else if (strcmp (word, "shptxt") == 0)
    {
      /* A box in a box adds to the outer one's text. */
      if (r->st.dest != DEST_TEXT_BOX)
        g_string_truncate (r->text_box, 0);
      r->st.dest = DEST_TEXT_BOX;
    }
  else if (strcmp (word, "header") == 0 || strcmp (word, "headerl") == 0 || strcmp (word, "headerr") == 0 ||
           strcmp (word, "headerf") == 0)
    {
      g_string_truncate (r->page_head, 0);
      r->st.dest = DEST_PAGE_HEAD;
    }
  else if (strcmp (word, "footnote") == 0)
    {
      r->document->footnotes++;
      r->st.dest = DEST_SKIP;
    }
  else if (is_skipped_destination (word))
    r->st.dest = DEST_SKIP;
  /* The document */
  else if (strcmp (word, "ansicpg") == 0 && has_param && codepage_name (-1, param) != NULL)
    r->codepage = codepage_name (-1, param);
  else if (strcmp (word, "mac") == 0)
    r->codepage = "MACINTOSH";
  else if (strcmp (word, "pc") == 0)
    r->codepage = "CP437";
  else if (strcmp (word, "pca") == 0)
    r->codepage = "CP850";
  else if (strcmp (word, "deff") == 0 && has_param)
    r->def_font = param;
  else if (strcmp (word, "deflang") == 0 && has_param && _cd_document_language_of_lcid (param) != NULL &&
           r->document->language == NULL)
    r->document->language = g_strdup (_cd_document_language_of_lcid (param));
  /* Characters */
  else if (strcmp (word, "f") == 0 && has_param)
    r->st.font = param;
  else if (strcmp (word, "uc") == 0 && has_param)
    r->st.uc = CLAMP (param, 0, 8);
  else if (strcmp (word, "b") == 0)
    r->st.format[CD_FORMAT_BOLD] = on;
  else if (strcmp (word, "i") == 0)
    r->st.format[CD_FORMAT_ITALIC] = on;
  else if (strcmp (word, "strike") == 0 || strcmp (word, "striked") == 0)
    r->st.format[CD_FORMAT_STRUCK] = on;
  else if (strcmp (word, "v") == 0)
    r->st.hidden = on;
  else if (strcmp (word, "deleted") == 0)
    {
      r->st.hidden = on;
      r->document->changes += on;
    }
  else if (strcmp (word, "revised") == 0)
    r->document->changes += on;
  else if (strcmp (word, "plain") == 0)
    {
      memset (r->st.format, 0, sizeof r->st.format);
      r->st.hidden = FALSE;
    }
  /* A running head's tabs and paragraphs part its lines. */
  else if (r->st.dest == DEST_PAGE_HEAD && (strcmp (word, "tab") == 0 || strcmp (word, "par") == 0 ||
                                            strcmp (word, "line") == 0 || strcmp (word, "cell") == 0))
    g_string_append_c (r->page_head, '\t');
  else if ((symbol = symbol_of (word)) != NULL)
    emit (r, symbol);
  /* A text box's paragraphs run on in its note. */
  else if (r->st.dest == DEST_TEXT_BOX && (strcmp (word, "par") == 0 || strcmp (word, "line") == 0 ||
                                           strcmp (word, "cell") == 0))
    {
      if (r->text_box->len > 0 && r->text_box->str[r->text_box->len - 1] != ' ')
        g_string_append_c (r->text_box, ' ');
    }
  /* Paragraphs, in the story only: a comment's "\par" is not the
   * story's. */
  else if (r->st.dest != DEST_TEXT)
    return;
  else if (strcmp (word, "pard") == 0)
    {
      r->style = 0;
      r->listed = FALSE;
      r->level = 0;
      r->in_table = FALSE;
    }
  else if (strcmp (word, "s") == 0 && has_param)
    r->style = param;
  else if ((strcmp (word, "ls") == 0 && has_param) || strcmp (word, "pnlvlblt") == 0 ||
           strcmp (word, "pnlvlbody") == 0)
    r->listed = TRUE;
  else if (strcmp (word, "ilvl") == 0 && has_param)
    r->level = MAX (param, 0);
  else if (strcmp (word, "intbl") == 0)
    r->in_table = TRUE;
  else if (strcmp (word, "par") == 0 || strcmp (word, "sect") == 0 || strcmp (word, "page") == 0)
    end_paragraph (r);
  else if (strcmp (word, "line") == 0)
    _cd_inline_line_break (&r->in);
  else if (strcmp (word, "cell") == 0 || strcmp (word, "nestcell") == 0)
    end_cell (r);
  else if (strcmp (word, "row") == 0 || strcmp (word, "nestrow") == 0)
    end_row (r);
}

/* A control symbol: "\~", "\-", "\_", "\{" and the like. */
static void
control_symbol (Reader *r,
                char    c)
{
  char text[2] = { c, '\0' };

  switch (c)
    {
    case '~':
      emit (r, " ");
      break;
    case '_':
      emit (r, "‑");
      break;
    case '\\':
    case '{':
    case '}':
      flush_bytes (r);
      if (r->st.dest != DEST_PICT)
        emit (r, text);
      break;
    case '\n':
    case '\r':
      control_word (r, "par", FALSE, 0, FALSE);
      break;
    case ':':
    case '|':
    case '-':
    default:
      break;
    }
}

/* A picture's property that describes it. */
static void
take_description (Reader *r)
{
  if (strcmp (r->prop_name->str, "wzDescription") == 0 || strcmp (r->prop_name->str, "wzName") == 0)
    _cd_document_take_description (&r->pict_alt, strcmp (r->prop_name->str, "wzDescription") == 0,
                                   r->prop_value->str);
}

/* The group that ends: what it held goes where it belongs, and its
 * parent's state comes back. */
static void
end_group (Reader *r)
{
  State parent;

  flush_bytes (r);
  if (r->stack->len == 0)
    return;
  parent = g_array_index (r->stack, State, r->stack->len - 1);
  g_array_set_size (r->stack, r->stack->len - 1);
  /* A shape's description may follow its picture: the picture ends with
   * the shape. */
  if ((r->st.in_pict && !parent.in_pict && !r->st.in_shape) || (r->st.in_shape && !parent.in_shape))
    end_picture (r);
  if (r->st.link && !parent.link)
    _cd_inline_close_link (&r->in);
  if (r->st.dest == DEST_ANNOTATION && parent.dest != DEST_ANNOTATION && !cd_text_is_blank (r->comment->str))
    {
      _cd_document_add_comment (r->notes, r->author->len > 0 ? r->author->str : NULL, r->comment->str);
      g_string_truncate (r->comment, 0);
    }
  if (r->st.dest == DEST_TEXT_BOX && parent.dest != DEST_TEXT_BOX)
    {
      _cd_document_add_text_box (r->notes, r->text_box->str);
      g_string_truncate (r->text_box, 0);
    }
  if (r->st.dest == DEST_PAGE_HEAD && parent.dest != DEST_PAGE_HEAD)
    {
      _cd_document_add_page_head (r->document, r->page_head->str);
      g_string_truncate (r->page_head, 0);
    }
  if (r->st.dest == DEST_PROP_VALUE && parent.dest != DEST_PROP_VALUE)
    take_description (r);
  if ((r->st.dest == DEST_FONTTBL || r->st.dest == DEST_STYLESHEET) && r->entry_name->len > 0 &&
      parent.dest == r->st.dest)
    end_entry (r);
  r->st = parent;
}

/* Reads the document from its first "{". */
static gboolean
read_groups (Reader     *r,
             const char *origin,
             GError    **error)
{
  gboolean starred = FALSE;

  while (r->p < r->end)
    {
      char c = *r->p++;

      if (c == '{')
        {
          flush_bytes (r);
          if (r->stack->len >= MAX_DEPTH)
            {
              g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                           "%s: the Rich Text Format file nests its groups more than %u deep.", origin,
                           MAX_DEPTH);
              return FALSE;
            }
          g_array_append_val (r->stack, r->st);
          r->st.link = r->st.link && r->st.dest == DEST_TEXT;
          /* Each group of the tables is an entry of its own. */
          if (r->st.dest == DEST_FONTTBL || r->st.dest == DEST_STYLESHEET)
            {
              r->entry = 0;
              r->entry_par = TRUE;
              g_string_truncate (r->entry_name, 0);
            }
        }
      else if (c == '}')
        end_group (r);
      else if (c == '\\' && r->p < r->end)
        {
          char next = *r->p;

          if (g_ascii_isalpha (next))
            {
              const char *start = r->p;
              char        word[33];
              gsize       n;
              gboolean    has_param = FALSE, negative = FALSE;
              gint64      param = 0;

              while (r->p < r->end && g_ascii_isalpha (*r->p))
                r->p++;
              n = MIN ((gsize) (r->p - start), sizeof word - 1);
              memcpy (word, start, n);
              word[n] = '\0';
              if (r->p < r->end && *r->p == '-')
                {
                  negative = TRUE;
                  r->p++;
                }
              while (r->p < r->end && g_ascii_isdigit (*r->p))
                {
                  has_param = TRUE;
                  if (param < G_MAXINT)
                    param = param * 10 + (*r->p - '0');
                  r->p++;
                }
              if (r->p < r->end && *r->p == ' ')
                r->p++;
              param = MIN (param, G_MAXINT);
              control_word (r, word, has_param, (int) (negative ? -param : param), starred);
              starred = FALSE;
              continue;
            }
          r->p++;
          if (next == '*')
            {
              starred = TRUE;
              continue;
            }
          if (next == '\'' && r->end - r->p >= 2 && g_ascii_isxdigit (r->p[0]) && g_ascii_isxdigit (r->p[1]))
            {
              guint8 byte = g_ascii_xdigit_value (r->p[0]) << 4 | g_ascii_xdigit_value (r->p[1]);

              r->p += 2;
              if (r->skip > 0)
                r->skip--;
              else if (r->st.dest != DEST_SKIP && r->st.dest != DEST_PICT)
                g_byte_array_append (r->bytes, &byte, 1);
              continue;
            }
          control_symbol (r, next);
        }
      else if (c == '\r' || c == '\n')
        continue;
      else if (r->st.dest == DEST_PICT)
        {
          if (g_ascii_isxdigit (c))
            g_string_append_c (r->pict, c);
        }
      else if (r->skip > 0)
        r->skip--;
      else if (c == ';' && (r->st.dest == DEST_FONTTBL || r->st.dest == DEST_STYLESHEET))
        end_entry (r);
      else if (r->st.dest != DEST_SKIP)
        {
          const char *run = r->p - 1;

          /* A run of plain text at once. */
          while (r->p < r->end && strchr ("\\{}\r\n;", *r->p) == NULL && r->skip == 0)
            r->p++;
          flush_bytes (r);
          {
            g_autofree char *text = g_strndup (run, r->p - run);

            if (!g_utf8_validate (text, -1, NULL))
              {
                /* Bytes past ASCII unescaped: the document's set. */
                g_byte_array_append (r->bytes, (const guint8 *) text, strlen (text));
                flush_bytes (r);
              }
            else
              emit (r, text);
          }
        }
      starred = FALSE;
    }
  return TRUE;
}

/* Makes the reader's strings (@make), or frees them. */
static void
reader_strings (Reader  *r,
                gboolean make)
{
  GString **strings[] = { &r->listtext, &r->entry_name, &r->fldinst, &r->comment, &r->author, &r->text_box, &r->page_head, &r->pict,
                          &r->prop_name, &r->prop_value, &r->pictures };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (make)
      *strings[i] = g_string_new (NULL);
    else
      g_string_free (*strings[i], TRUE);
}

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->stack, g_array_unref);
  g_clear_pointer (&r->charsets, g_hash_table_unref);
  g_clear_pointer (&r->styles, g_hash_table_unref);
  g_clear_pointer (&r->based_on, g_hash_table_unref);
  g_clear_pointer (&r->bytes, g_byte_array_unref);
  g_clear_pointer (&r->pict_bin, g_bytes_unref);
  g_clear_pointer (&r->pict_alt, g_free);
  _cd_table_clear (&r->table);
  reader_strings (r, FALSE);
  _cd_inline_clear (&r->in);
}

/* The reader of Rich Text Format: the file's bytes are the document's one
 * part (CD_DOCUMENT_FILE_PART). */
static gboolean
read_rtf (CdDocument *document,
          GPtrArray  *paras,
          GString    *notes,
          const char *origin,
          GError    **error)
{
  GBytes  *data = g_hash_table_lookup (document->parts, CD_DOCUMENT_FILE_PART);
  gsize    length = 0;
  Reader   r = { 0 };
  gboolean ok;

  r.p = data != NULL ? g_bytes_get_data (data, &length) : NULL;
  if (r.p == NULL || length < 5 || strncmp (r.p, "{\\rtf", 5) != 0)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the file is not in Rich Text Format (it does not start with “{\\rtf”).", origin);
      return FALSE;
    }
  r.end = r.p + length;
  r.document = document;
  r.paras = paras;
  r.notes = notes;
  r.stack = g_array_new (FALSE, FALSE, sizeof (State));
  r.st.uc = 1;
  r.st.font = -1;
  r.codepage = "WINDOWS-1252";
  r.def_font = 0;
  r.charsets = g_hash_table_new (NULL, NULL);
  r.styles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  r.based_on = g_hash_table_new (NULL, NULL);
  r.bytes = g_byte_array_new ();
  _cd_table_init (&r.table);
  reader_strings (&r, TRUE);
  _cd_inline_init (&r.in);

  ok = read_groups (&r, origin, error);
  if (ok)
    {
      /* What the last paragraph holds without its \par. */
      while (r.stack->len > 0)
        end_group (&r);
      if (r.in.plain->len > 0 || r.pictures->len > 0)
        {
          r.in_table = FALSE;
          end_paragraph (&r);
        }
      if (r.table.cell->len > 0 || r.table.row->len > 0)
        end_row (&r);
      _cd_table_flush (&r.table, r.paras);
    }
  reader_clear (&r);
  return ok;
}

const CdDocumentFormat _cd_rtf_format = { "Rich Text Format document", "a Rich Text Format document (.rtf)",
                                          TRUE, read_rtf };
