/* fuzz-pdf.c: libFuzzer target for the PDF importer. A PDF's streams are
 * compressed, so that changes to a file's bytes would mostly break it
 * before any page is read; instead the input says what to set on the
 * pages, and cairo writes the PDF that is imported: the fuzzer's changes
 * reach the layout of lines, columns, lists, heads and feet. The input
 * is records of six bytes and a text: what (text, a new page, a picture,
 * a link), x, y, size, the face (and angle), and the text's length.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include "fuzz-common.h"

#define MAX_PAGES 4
#define MAX_RECORDS 400

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Sets the records of @data on A4 pages of @surface. */
static void
draw (cairo_surface_t *surface,
      const uint8_t   *data,
      size_t           size)
{
  static const char *const families[] = { "DejaVu Serif", "DejaVu Sans", "Noto Serif", "Noto Sans" };
  cairo_t                 *cr = cairo_create (surface);
  guint                    pages = 1;

  for (guint n = 0; size >= 6 && n < MAX_RECORDS; n++)
    {
      guint            what = data[0] % 5;
      double           x = data[1] * 2.4, y = data[2] * 3.4, text_size = 4 + data[3] % 36;
      guint            face = data[4];
      gsize            length = MIN ((gsize) data[5] % 96, size - 6);
      g_autofree char *text = g_utf8_make_valid ((const char *) data + 6, length);

      data += 6 + length;
      size -= 6 + length;
      /* Text cairo shows: no control characters. */
      for (char *p = text; *p != '\0'; p++)
        if ((guchar) *p < 0x20)
          *p = ' ';
      if (what == 1)
        {
          if (pages++ == MAX_PAGES)
            break;
          cairo_show_page (cr);
          continue;
        }
      if (what == 2)
        {
          cairo_surface_t *picture = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8 + face, 8 + data[-1]);

          cairo_save (cr);
          cairo_translate (cr, x, y);
          cairo_scale (cr, 0.5 + (face % 8), 0.5 + (face % 8));
          cairo_set_source_surface (cr, picture, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          cairo_surface_destroy (picture);
          continue;
        }
      cairo_select_font_face (cr, families[face % G_N_ELEMENTS (families)],
                              face & 4 ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                              face & 8 ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, text_size);
      cairo_save (cr);
      cairo_translate (cr, x, y);
      /* Text at an angle: a watermark, a name up the page's edge. */
      if (face & 32)
        cairo_rotate (cr, -(double) (face % 19) * G_PI / 18);
      cairo_move_to (cr, 0, 0);
      if (what == 3)
        cairo_tag_begin (cr, CAIRO_TAG_LINK, face & 16 ? "uri='https://example.com/a b'" : "uri='mailto:desk@x'");
      cairo_show_text (cr, text);
      if (what == 3)
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      cairo_restore (cr);
    }
  cairo_destroy (cr);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GByteArray) pdf = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = NULL;
  cairo_surface_t *surface;

  if (size > 64 * 1024)
    return 0;
  surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 595, 842);
  draw (surface, data, size);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  article = cd_import_data ((const char *) pdf->data, pdf->len, CD_IMPORT_FORMAT_PDF, "fuzz.pdf", &error);
  fuzz_check_import (article, error, "fuzz.pdf");
  return 0;
}
