/* cd-import-document-private.h: what the importers of word processors'
 * documents (Word's .docx, OpenDocument's .odt) share: the package, the
 * paragraphs they read, inline formatting, and the article made of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <gsf/gsf-infile.h>
#include <libxml/tree.h>

#include "cd-article.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
/* libgsf 1.14 defines no automatic cleanup. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* What a paragraph is to the story. */
typedef enum
{
  CD_PARA_TEXT,
  CD_PARA_TITLE,
  CD_PARA_SUBTITLE,
  CD_PARA_HEADING,    /* a first-level heading */
  CD_PARA_SUBHEADING, /* a lower one */
  CD_PARA_QUOTE,
  CD_PARA_LIST,
  CD_PARA_CAPTION, /* a picture's caption, in the style for captions */
} CdParaKind;

typedef struct
{
  CdParaKind kind;
  char      *html;    /* its inline HTML; a table's or a picture's whole HTML */
  char      *text;    /* the text a reader sees; "" for none */
  guint      level;   /* a list item's level, from 0 */
  gboolean   ordered; /* a numbered list item */
  gboolean   block;   /* a table or a picture, set as it is */
  GPtrArray *cells;   /* a table's paragraphs with text, row by row and cell
                       * by cell (CdPara), or NULL */
} CdPara;

void    _cd_para_free (gpointer para);
CdPara *_cd_para_new_block (char *html);
CdPara *_cd_para_new_table (char      *html,
                            GPtrArray *cells);

/* A paragraph's text as it is read, with its formatting: strong, em and
 * del, outermost first (CD_FORMAT_*). */
enum
{
  CD_FORMAT_BOLD,
  CD_FORMAT_ITALIC,
  CD_FORMAT_STRUCK,
  CD_N_FORMATS,
};

typedef struct
{
  GString *html;
  GString *plain; /* the text a reader sees */
  gboolean open[CD_N_FORMATS];
} CdInline;

void    _cd_inline_init (CdInline *in);
void    _cd_inline_clear (CdInline *in);
void    _cd_inline_append (CdInline       *in,
                           const char     *text,
                           const gboolean *format);
void    _cd_inline_line_break (CdInline *in);
void    _cd_inline_open_link (CdInline   *in,
                              const char *href);
void    _cd_inline_close_link (CdInline *in);
CdPara *_cd_inline_finish (CdInline  *in,
                           CdParaKind kind);

/* Elements and attributes by namespace and name. */
gboolean _cd_xml_is (xmlNode    *node,
                     const char *ns,
                     const char *name);
xmlNode *_cd_xml_child (xmlNode    *node,
                        const char *ns,
                        const char *name);
char    *_cd_xml_attr (xmlNode    *node,
                       const char *ns,
                       const char *name);

CdParaKind  _cd_document_kind_of_style (const char *name,
                                        gboolean   *ordered);
const char *_cd_document_language_of_lcid (int lcid);
char       *_cd_document_field_link (const char *instruction);
void        _cd_document_take_description (char      **alt,
                                           gboolean    description,
                                           const char *value);
void        _cd_document_add_comment (GString    *notes,
                                      const char *author,
                                      const char *text);
void        _cd_document_add_text_box (GString    *notes,
                                       const char *text);
void        _cd_document_read_text_box (GString *notes,
                                        xmlNode *node);

void _cd_document_add_pictures (GPtrArray *paras,
                                GString   *pictures);
void _cd_document_append_cell (GString   *html,
                               GPtrArray *paras,
                               gboolean   head,
                               guint      columns,
                               GPtrArray *cells);

/* A table as a reader meets it, cell by cell and row by row. */
typedef struct
{
  GPtrArray *cell;     /* the cell's paragraphs so far (CdPara) */
  GString   *row;      /* the row's cells so far */
  GString   *rows;     /* the rows so far, "<tr>…</tr>" each */
  GPtrArray *cells;    /* the table's paragraphs with text so far (CdPara) */
  gboolean   head_row; /* the row is the first: its cells are heads */
} CdTable;

void _cd_table_init (CdTable *table);
void _cd_table_clear (CdTable *table);
void _cd_table_end_cell (CdTable *table,
                         guint    columns);
void _cd_table_end_row (CdTable *table);
void _cd_table_flush (CdTable   *table,
                      GPtrArray *paras);

/* Besides the text: what the note says, the pictures, the language. */
typedef struct
{
  const char *what;       /* "Word document", "OpenDocument text" */
  const char *kind;       /* "a Word document (.docx)" */
  GHashTable *parts;      /* part name → GBytes */
  GPtrArray  *pictures;   /* where pictures go (CdImportPicture), or NULL */
  GPtrArray  *linked;     /* the names of the pictures it only links to */
  char       *language;   /* the document's language tag, or NULL */
  guint       changes;    /* tracked changes */
  guint       footnotes;  /* footnotes and endnotes, left out */
  guint       dropped;    /* pictures not imported (no @pictures) */
  guint       n_pictures; /* pictures added */
  GPtrArray  *page_heads; /* the paragraphs of its running heads, their text */
} CdDocument;

void _cd_document_shown_text (xmlNode *node,
                              GString *text);

/* A document's running heads (cd-import-page-head.c). */
void _cd_document_add_page_head (CdDocument *document,
                                 const char *text);
void _cd_import_take_page_heads (CdArticle *article,
                                 GPtrArray *lines,
                                 GString   *notes);

xmlDoc *_cd_document_parse (CdDocument *document,
                            const char *name);
void    _cd_document_set_parse_error (CdDocument *document,
                                      const char *name,
                                      const char *origin,
                                      GError    **error);
char   *_cd_document_add_picture (CdDocument *document,
                                  const char *name,
                                  const char *alt);

/* A format of documents: its names, and what reads its unpacked package
 * (or the file, as its one part CD_DOCUMENT_FILE_PART, when it is no
 * package) into paragraphs (@notes gets its comments). */
typedef struct
{
  const char *what;       /* "Word document" */
  const char *kind;       /* "a Word document (.docx)" */
  gboolean    whole_file; /* no package: the file is the document */
  gboolean (*read) (CdDocument *document,
                    GPtrArray  *paras,
                    GString    *notes,
                    const char *origin,
                    GError    **error);
} CdDocumentFormat;

extern const CdDocumentFormat _cd_docx_format; /* cd-import-docx.c */
extern const CdDocumentFormat _cd_odt_format;  /* cd-import-odt.c */
extern const CdDocumentFormat _cd_rtf_format;  /* cd-import-rtf.c */
extern const CdDocumentFormat _cd_doc_format;  /* cd-import-doc.c */
extern const CdDocumentFormat _cd_pdf_format;  /* cd-import-pdf.c */

/* The one part of a document that is no package (RTF, .doc). */
#define CD_DOCUMENT_FILE_PART "document"

/* Compound files (cd-import-outlook.c): Outlook's messages and Word's
 * old documents. */
GsfInfile *_cd_import_open_compound_file (const char *data,
                                          gsize       length,
                                          GError    **error);
GBytes    *_cd_import_compound_stream (GsfInfile  *storage,
                                       const char *name);

/* What a compound file of another kind (Excel's, PowerPoint's) gets. */
#define CD_IMPORT_OTHER_OFFICE_FILE                                                                       \
  "%s: the file is an Office document of the old binary kind but neither a Word document nor an Outlook " \
  "message (a spreadsheet or a presentation, perhaps); it cannot be imported."

G_END_DECLS
