/* cd-import-pdf-private.h: what the PDF reader (cd-import-pdf.c) and
 * its layout (cd-import-pdf-layout.c) share: a glyph where the page
 * shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

G_END_DECLS
