/* cd-import-pdf-private.h: what the PDF reader (cd-import-pdf.c), its
 * layout (cd-import-pdf-layout.c) and its tables (cd-import-pdf-table.c)
 * share: a glyph where the page shows it, the lines, the reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <poppler.h>

#include "cd-import-document-private.h"

G_BEGIN_DECLS

typedef struct
{
  gunichar         c;
  PopplerRectangle box;  /* from the page's top left */
  double           size; /* its font's */
  gboolean         bold;
  gboolean         italic;
  int              link;  /* its link's index in Reader.links, or -1 */
  guint            order; /* where poppler gives it */
  guint            line;  /* the line poppler gives it in */
} CdPdfGlyph;

void       _cd_pdf_drop_angled (GArray *glyphs);
GPtrArray *_cd_pdf_page_lines (GArray *glyphs,
                               double  gap);

/* Glyphs further apart than this many sizes stand in a table's cells, or
 * at tab stops. */
#define CD_PDF_CELL_GAP 2.0

typedef struct
{
  GArray  *glyphs; /* CdPdfGlyph, the line's, without its end (first: glyphs_owner_free()) */
  double   x1, y1, x2, y2;
  double   size;     /* the size most of its glyphs are set in */
  double   right;    /* where its column ends: the furthest a line in it reaches */
  guint    page;     /* from 0 */
  gboolean bold;     /* every glyph in bold */
  gboolean italic;   /* every glyph in italic */
  gboolean dropped;  /* a running head or foot, a page number, a footnote */
  gboolean footnote; /* a footnote's first line */
  gboolean tabular;  /* a table's row, or text set at tab stops: its glyphs stand CD_PDF_CELL_GAP apart */
} CdPdfLine;

typedef struct
{
  guint    page;
  double   top;
  char    *html; /* the picture's block */
  double   x1, x2;
  gboolean placed; /* among the paragraphs */
} CdPdfFigure;

typedef struct _CdPoppler CdPoppler;

typedef struct
{
  CdDocument      *document;
  const CdPoppler *poppler;
  GPtrArray       *lines;   /* CdPdfLine */
  GPtrArray       *links;   /* the addresses glyphs link to */
  GArray          *figures; /* CdPdfFigure, in page order */
  GPtrArray       *tables;  /* the tables' HTML */
  GArray          *heights; /* each page's height */
  GHashTable      *words;   /* the words of the document's lines, folded */
  double           body;    /* the size most of the text is set in */
  double           leading; /* the body's distance from line to line, in sizes */
  guint            footnotes;
} CdPdfReader;

void        _cd_pdf_drop_furniture (CdPdfReader *reader);
void        _cd_pdf_append_glyphs (const CdPdfReader *reader,
                                   CdInline          *in,
                                   GArray            *glyphs,
                                   guint              from,
                                   guint              to,
                                   gboolean           whole_bold);
const char *_cd_pdf_read_table (CdPdfReader *reader,
                                guint        index,
                                guint       *end);

/* What the reader calls of poppler-glib and cairo, loaded the first time
 * a PDF is read (cd-import-pdf-poppler.c): a window that never imports
 * a PDF does not map poppler and what it needs. */
struct _CdPoppler
{
  PopplerDocument *(*document_new_from_bytes) (GBytes     *bytes,
                                               const char *password,
                                               GError    **error);
  int (*document_get_n_pages) (PopplerDocument *document);
  PopplerPage *(*document_get_page) (PopplerDocument *document,
                                     int              index);
  char *(*page_get_text) (PopplerPage *page);
  gboolean (*page_get_text_layout) (PopplerPage       *page,
                                    PopplerRectangle **rectangles,
                                    guint             *n_rectangles);
  GList *(*page_get_text_attributes) (PopplerPage *page);
  void (*page_free_text_attributes) (GList *list);
  GList *(*page_get_link_mapping) (PopplerPage *page);
  void (*page_free_link_mapping) (GList *list);
  GList *(*page_get_image_mapping) (PopplerPage *page);
  void (*page_free_image_mapping) (GList *list);
  cairo_surface_t *(*page_get_image) (PopplerPage *page,
                                      gint         image_id);
  void (*page_get_size) (PopplerPage *page,
                         double      *width,
                         double      *height);
  GQuark (*error_quark) (void);
  cairo_status_t (*surface_write_to_png_stream) (cairo_surface_t   *surface,
                                                 cairo_write_func_t write,
                                                 void              *closure);
  void (*surface_destroy) (cairo_surface_t *surface);
};

const CdPoppler *_cd_pdf_poppler (void);

G_END_DECLS
