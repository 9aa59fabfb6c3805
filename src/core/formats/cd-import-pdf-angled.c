/* cd-import-pdf-angled.c: text set at an angle across a page ("DRAFT",
 * "CONFIDENTIAL", "EMBARGOED" as a watermark; a name set up a page's
 * edge). poppler gives no glyph's angle, and its boxes for such text lie
 * over the lines of the story: read with them, a watermark's letters
 * stood in the story's words ("resum*E*ed"). Such text is the page's,
 * not the story's, and is left out. It shows in two ways. Set at 45° or
 * more, poppler reads it as upright text: each glyph's box is wider than
 * its font is high, and lower than it is wide. Set at less, poppler
 * gives each glyph a line of its own (or two of them one), and the
 * nearest letter of another such line stands beside it, above or below:
 * along a slope.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <math.h>

#include "cd-import-pdf-private.h"

/* More glyphs than this in lines of one or two on a page is a table of
 * figures, not letters set at an angle: they are not compared. */
#define MAX_LONE_GLYPHS 4000

static double
width_of (const CdPdfGlyph *glyph)
{
  return glyph->box.x2 - glyph->box.x1;
}

static double
height_of (const CdPdfGlyph *glyph)
{
  return glyph->box.y2 - glyph->box.y1;
}

/* Whether poppler read @glyph, set at 45° or more, as upright. */
static gboolean
is_turned (const CdPdfGlyph *glyph)
{
  return width_of (glyph) > 1.05 * glyph->size && width_of (glyph) > 1.2 * height_of (glyph);
}

/* Whether @b, the glyph nearest @a, stands along a slope from it: a
 * letter's width or so away, neither beside it on its line nor under it
 * in its column. */
static gboolean
on_slope (const CdPdfGlyph *a,
          const CdPdfGlyph *b)
{
  double dx = (b->box.x1 + b->box.x2 - a->box.x1 - a->box.x2) / 2;
  double dy = (b->box.y1 + b->box.y2 - a->box.y1 - a->box.y2) / 2;
  double distance = hypot (dx, dy);

  return distance < 1.5 * a->size && fabs (dx) > 0.15 * distance && fabs (dy) > 0.15 * distance;
}

/**
 * _cd_pdf_drop_angled:
 * @glyphs: a page's glyphs (CdPdfGlyph), as poppler gives them
 *
 * Leaves out of @glyphs those set at an angle across the page.
 */
void
_cd_pdf_drop_angled (GArray *glyphs)
{
  g_autofree gboolean *angled = g_new0 (gboolean, glyphs->len + 1);
  g_autoptr (GArray) lone = g_array_new (FALSE, FALSE, sizeof (guint));
  guint kept = 0;

  /* Upright to poppler: two or more, one after another. */
  for (guint i = 0; i + 1 < glyphs->len; i++)
    if (is_turned (&g_array_index (glyphs, CdPdfGlyph, i)) && is_turned (&g_array_index (glyphs, CdPdfGlyph, i + 1)))
      angled[i] = angled[i + 1] = TRUE;
  /* Along a slope: the glyphs of poppler's lines of one or two, each
   * beside the nearest of another such line in its size. */
  for (guint i = 0, start = 0; i <= glyphs->len; i++)
    {
      if (i < glyphs->len &&
          g_array_index (glyphs, CdPdfGlyph, i).line == g_array_index (glyphs, CdPdfGlyph, start).line)
        continue;
      if (i - start <= 2)
        for (guint k = start; k < i; k++)
          g_array_append_val (lone, k);
      start = i;
    }
  if (lone->len <= MAX_LONE_GLYPHS)
    for (guint i = 0; i < lone->len; i++)
      {
        const CdPdfGlyph *glyph = &g_array_index (glyphs, CdPdfGlyph, g_array_index (lone, guint, i));
        const CdPdfGlyph *nearest = NULL;
        double            best = G_MAXDOUBLE;

        for (guint k = 0; k < lone->len; k++)
          {
            const CdPdfGlyph *other = &g_array_index (glyphs, CdPdfGlyph, g_array_index (lone, guint, k));
            double            distance;

            if (other->line == glyph->line || fabs (other->size - glyph->size) >= 0.5)
              continue;
            distance = hypot (other->box.x1 - glyph->box.x1, other->box.y1 - glyph->box.y1);
            if (distance < best)
              best = distance, nearest = other;
          }
        if (nearest != NULL && on_slope (glyph, nearest))
          angled[g_array_index (lone, guint, i)] = TRUE;
      }
  /* A letter of a line of two goes with the other. */
  for (guint i = 0; i + 1 < lone->len; i++)
    {
      guint a = g_array_index (lone, guint, i), b = g_array_index (lone, guint, i + 1);

      if (g_array_index (glyphs, CdPdfGlyph, a).line == g_array_index (glyphs, CdPdfGlyph, b).line &&
          (angled[a] || angled[b]))
        angled[a] = angled[b] = TRUE;
    }
  for (guint i = 0; i < glyphs->len; i++)
    if (!angled[i])
      g_array_index (glyphs, CdPdfGlyph, kept++) = g_array_index (glyphs, CdPdfGlyph, i);
  g_array_set_size (glyphs, kept);
}
