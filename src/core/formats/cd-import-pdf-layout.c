/* cd-import-pdf-layout.c: a PDF page's glyphs in reading order. A page
 * is rows of glyphs; where a run of rows shares a gap as wide as the text
 * is high (a gutter), it is cut there and each side read in turn, left
 * before right (an XY cut): the columns of a newsletter, a box beside the
 * text. A row is a line, its words apart where its glyphs are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include "cd-import-pdf-private.h"

/* Columns side by side are this many rows at least, each as wide as
 * this many times the text's size. */
#define COLUMN_MIN_ROWS 3
#define COLUMN_MIN_WIDTH 4

/* CdPdfGlyph order: by @x1, else as poppler gives them (a ligature's letters
 * share a box). */
static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const CdPdfGlyph *ga = a, *gb = b;

  if (ga->box.x1 != gb->box.x1)
    return ga->box.x1 < gb->box.x1 ? -1 : 1;
  return ga->order < gb->order ? -1 : ga->order > gb->order;
}

/* The middle of a glyph's box, where its line's other glyphs stand too:
 * lines set close may touch with their whole boxes. */
static double
middle_top (const CdPdfGlyph *glyph)
{
  return glyph->box.y1 + (glyph->box.y2 - glyph->box.y1) * 0.3;
}

static double
middle_bottom (const CdPdfGlyph *glyph)
{
  return glyph->box.y2 - (glyph->box.y2 - glyph->box.y1) * 0.3;
}

static int
compare_top (gconstpointer a,
             gconstpointer b)
{
  double ta = middle_top (a), tb = middle_top (b);

  return ta < tb ? -1 : ta > tb;
}

/* @glyphs in rows, top to bottom: each GArray of CdPdfGlyph. */
static GPtrArray *
split_rows (GArray *glyphs)
{
  g_autoptr (GArray) sorted = g_array_copy (glyphs);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray    *row = NULL;
  double     bottom = 0;

  g_array_sort (sorted, compare_top);
  for (guint i = 0; i < sorted->len; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (sorted, CdPdfGlyph, i);

      if (row == NULL || middle_top (glyph) > bottom)
        {
          row = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));
          g_ptr_array_add (rows, row);
          bottom = middle_bottom (glyph);
        }
      g_array_append_vals (row, glyph, 1);
      bottom = MAX (bottom, middle_bottom (glyph));
    }
  return rows;
}

typedef struct
{
  double from, to;
} Gap;

/* The stretches of at least @width between @from and @to where none of
 * @glyphs stands. */
static GArray *
find_gaps (GArray *glyphs,
           double  from,
           double  to,
           double  width)
{
  g_autoptr (GArray) sorted = g_array_copy (glyphs);
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
  double  reached = from;

  g_array_sort (sorted, compare_x);
  for (guint i = 0; i <= sorted->len; i++)
    {
      const CdPdfGlyph *glyph = i < sorted->len ? &g_array_index (sorted, CdPdfGlyph, i) : NULL;
      double            next = glyph != NULL ? glyph->box.x1 : to;

      if (next - reached >= width)
        {
          Gap gap = { reached, next };

          g_array_append_val (gaps, gap);
        }
      if (glyph != NULL)
        reached = MAX (reached, glyph->box.x2);
    }
  return gaps;
}

static gboolean
gaps_meet (GArray *a,
           GArray *b)
{
  for (guint i = 0; i < a->len; i++)
    for (guint k = 0; k < b->len; k++)
      {
        const Gap *ga = &g_array_index (a, Gap, i), *gb = &g_array_index (b, Gap, k);

        if (MIN (ga->to, gb->to) > MAX (ga->from, gb->from))
          return TRUE;
      }
  return FALSE;
}

static gboolean
is_right_to_left (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW ||
         script == G_UNICODE_SCRIPT_SYRIAC || script == G_UNICODE_SCRIPT_THAANA || script == G_UNICODE_SCRIPT_NKO;
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const CdPdfGlyph *ga = a, *gb = b;

  return ga->order < gb->order ? -1 : ga->order > gb->order;
}

/* Makes @row (sorted here) a line of @lines, left to right, with a space
 * where its glyphs stand apart. Right-to-left text keeps poppler's
 * order. */
static void
add_row (GPtrArray *lines,
         GArray    *row)
{
  GArray  *line = NULL;
  gboolean rtl = FALSE;

  for (guint i = 0; i < row->len && !rtl; i++)
    rtl = is_right_to_left (g_array_index (row, CdPdfGlyph, i).c);
  g_array_sort (row, rtl ? compare_order : compare_x);
  for (guint i = 0; i < row->len; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (row, CdPdfGlyph, i);
      const CdPdfGlyph *before = i > 0 ? &g_array_index (row, CdPdfGlyph, i - 1) : NULL;
      double            apart = before != NULL ? glyph->box.x1 - before->box.x2 : 0;

      if (line == NULL)
        line = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));
      else if (rtl ? glyph->order > before->order + 1 : apart > 0.15 * MAX (glyph->size, before->size))
        {
          CdPdfGlyph space = *before;

          space.c = ' ';
          g_array_append_val (line, space);
        }
      g_array_append_vals (line, glyph, 1);
    }
  if (line != NULL)
    g_ptr_array_add (lines, line);
}

/* Adds the glyphs of a region of a page to @lines in reading order: its rows top to bottom, but where rows in a run share a gap of
 * at least @gap (the gutter between columns), the run is cut there and
 * each side read in turn, left before right. */
static void
add_region (GPtrArray *lines,
            GArray    *glyphs,
            double     gap,
            guint      depth)
{
  g_autoptr (GPtrArray) rows = split_rows (glyphs);
  g_autoptr (GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double from = G_MAXDOUBLE, to = -G_MAXDOUBLE;

  for (guint i = 0; i < glyphs->len; i++)
    {
      from = MIN (from, g_array_index (glyphs, CdPdfGlyph, i).box.x1);
      to = MAX (to, g_array_index (glyphs, CdPdfGlyph, i).box.x2);
    }
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (gaps, find_gaps (g_ptr_array_index (rows, i), from, to, gap));
  for (guint i = 0; i < rows->len;)
    {
      guint end = i + 1;
      g_autoptr (GArray) run = NULL;
      g_autoptr (GArray) cuts = NULL;
      const Gap *widest = NULL;

      while (end < rows->len && gaps_meet (g_ptr_array_index (gaps, end - 1), g_ptr_array_index (gaps, end)))
        end++;
      if (end - i >= COLUMN_MIN_ROWS && depth < 8)
        {
          run = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));
          for (guint k = i; k < end; k++)
            {
              GArray *row = g_ptr_array_index (rows, k);

              g_array_append_vals (run, row->data, row->len);
            }
          cuts = find_gaps (run, from, to, gap);
          for (guint k = 0; k < cuts->len; k++)
            {
              const Gap *cut = &g_array_index (cuts, Gap, k);

              /* A gutter between columns, not the margin beside them,
               * nor the space after a list's bullets or numbers. */
              if (cut->from - from >= COLUMN_MIN_WIDTH * gap && to - cut->to >= COLUMN_MIN_WIDTH * gap &&
                  (widest == NULL || cut->to - cut->from > widest->to - widest->from))
                widest = cut;
            }
        }
      if (widest != NULL)
        {
          g_autoptr (GArray) left = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));
          g_autoptr (GArray) right = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));

          for (guint k = 0; k < run->len; k++)
            {
              const CdPdfGlyph *glyph = &g_array_index (run, CdPdfGlyph, k);

              g_array_append_vals (glyph->box.x2 <= widest->from ? left : right, glyph, 1);
            }
          add_region (lines, left, gap, depth + 1);
          add_region (lines, right, gap, depth + 1);
        }
      else
        for (guint k = i; k < end; k++)
          add_row (lines, g_ptr_array_index (rows, k));
      i = end;
    }
}

/**
 * _cd_pdf_page_lines:
 * @glyphs: a page's glyphs, spaces left out
 * @gap: the least gutter between columns: the text's size
 *
 * Returns: (transfer full): the page's lines in reading order, each a
 *   #GArray of #CdPdfGlyph with a space where its glyphs stand apart
 */
GPtrArray *
_cd_pdf_page_lines (GArray *glyphs,
                    double  gap)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (glyphs->len > 0)
    add_region (lines, glyphs, gap, 0);
  return lines;
}
