/* cd-import-pdf-private.h: what the PDF reader (cd-import-pdf.c) and
 * its layout (cd-import-pdf-layout.c) share: a glyph where the page
 * shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <poppler.h>

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
} CdPdfGlyph;

GPtrArray *_cd_pdf_page_lines (GArray *glyphs,
                               double  gap);

/* What the reader calls of poppler-glib and cairo, loaded the first time
 * a PDF is read (cd-import-pdf-poppler.c): a window that never imports
 * a PDF does not map poppler and what it needs. */
typedef struct
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
} CdPoppler;

const CdPoppler *_cd_pdf_poppler (void);

G_END_DECLS
