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

#include <math.h>

#include "cd-import-pdf-private.h"

/* Columns side by side are this many rows at least, each as wide as
 * this many times the text's size, with lines of text in them as wide
 * as COLUMN_LINE_WIDTH times it (a table's cells are narrower). */
#define COLUMN_MIN_ROWS 3
#define COLUMN_MIN_WIDTH 4
#define COLUMN_LINE_WIDTH 8

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
} Span;

/* @row's stretches of text: its glyphs that stand less than @gap apart. */
static GArray *
row_spans (GArray *row,
           double  gap)
{
  g_autoptr (GArray) sorted = g_array_copy (row);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));

  g_array_sort (sorted, compare_x);
  for (guint i = 0; i < sorted->len; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (sorted, CdPdfGlyph, i);
      Span             *last = spans->len > 0 ? &g_array_index (spans, Span, spans->len - 1) : NULL;

      if (last != NULL && glyph->box.x1 - last->to < gap)
        last->to = MAX (last->to, glyph->box.x2);
      else
        {
          Span span = { glyph->box.x1, glyph->box.x2 };

          g_array_append_val (spans, span);
        }
    }
  return spans;
}

static gboolean
crosses (GArray     *spans,
         const Span *gutter)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      if (span->from < gutter->to && span->to > gutter->from)
        return TRUE;
    }
  return FALSE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* Whether a side of a gutter is a table's columns: of its @rows, a third
 * or more (and three at least) have a cell of text beside a narrow one
 * ("10.00  Opening parade"), the second starting in the same place in
 * each; @seconds holds where, for each such row. A justified line's
 * wide spaces stand anywhere. */
static gboolean
is_table_side (GArray *seconds,
               guint   rows,
               double  gap)
{
  guint most = 0;

  for (guint i = 0; i < seconds->len; i++)
    {
      guint same = 0;

      for (guint k = 0; k < seconds->len; k++)
        same += fabs (g_array_index (seconds, double, k) - g_array_index (seconds, double, i)) < 0.5 * gap;
      most = MAX (most, same);
    }
  return most >= 3 && most * 3 >= rows;
}

/* The gutter between columns in rows of @spans (each row's Span), or
 * FALSE: a stretch at least @gap wide that fewer than half the rows
 * cross, with lines of text in COLUMN_MIN_ROWS rows and COLUMN_MIN_WIDTH
 * times @gap at least on either side of it (not the margin, nor the space
 * after a list's bullets), and not the gap between a table's columns
 * (is_table_side()). A headline across the columns crosses it. */
static gboolean
find_gutter (GPtrArray *spans,
             double     gap,
             Span      *gutter)
{
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean found = FALSE;
  guint    best = G_MAXUINT;

  for (guint i = 0; i < spans->len; i++)
    {
      GArray *row = g_ptr_array_index (spans, i);

      for (guint k = 0; k < row->len; k++)
        {
          g_array_append_val (edges, g_array_index (row, Span, k).from);
          g_array_append_val (edges, g_array_index (row, Span, k).to);
        }
    }
  g_array_sort (edges, compare_doubles);
  /* Lines start at the same margin: each edge once. */
  for (guint i = 1; i < edges->len;)
    if (g_array_index (edges, double, i) - g_array_index (edges, double, i - 1) < 0.01)
      g_array_remove_index (edges, i);
    else
      i++;
  /* Each stretch from an edge to a later one that no row's span enters
   * but those that cross it. */
  for (guint i = 0; i + 1 < edges->len; i++)
    for (guint k = i + 1; k < edges->len; k++)
      {
        Span  candidate = { g_array_index (edges, double, i), g_array_index (edges, double, k) };
        guint crossing = 0, left = 0, right = 0, left_rows = 0, right_rows = 0;
        g_autoptr (GArray) left_cells = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr (GArray) right_cells = g_array_new (FALSE, FALSE, sizeof (double));
        double left_from = G_MAXDOUBLE, right_to = -G_MAXDOUBLE;

        if (candidate.to - candidate.from < gap)
          continue;
        for (guint r = 0; r < spans->len; r++)
          {
            GArray  *row = g_ptr_array_index (spans, r);
            gboolean has_left = FALSE, has_right = FALSE;
            guint    n_left = 0, n_right = 0, narrow_left = 0, narrow_right = 0;
            double   second_left = 0, second_right = 0;

            if (crosses (row, &candidate))
              {
                crossing++;
                continue;
              }
            for (guint n = 0; n < row->len; n++)
              {
                const Span *span = &g_array_index (row, Span, n);

                /* A table's cells are no column's lines. */
                gboolean line = span->to - span->from >= COLUMN_LINE_WIDTH * gap;

                if (span->to <= candidate.from)
                  {
                    has_left |= line, left_from = MIN (left_from, span->from), narrow_left += !line;
                    second_left = ++n_left == 2 ? span->from : second_left;
                  }
                else
                  {
                    has_right |= line, right_to = MAX (right_to, span->to), narrow_right += !line;
                    second_right = ++n_right == 2 ? span->from : second_right;
                  }
              }
            left += has_left;
            right += has_right;
            left_rows += n_left > 0;
            right_rows += n_right > 0;
            /* A table's row: a cell of text beside a narrow one ("10.00"). */
            if (n_left >= 2 && narrow_left > 0)
              g_array_append_val (left_cells, second_left);
            if (n_right >= 2 && narrow_right > 0)
              g_array_append_val (right_cells, second_right);
          }
        if (crossing * 2 >= spans->len)
          break; /* a wider one is crossed as much */
        if (left >= COLUMN_MIN_ROWS && right >= COLUMN_MIN_ROWS && candidate.from - left_from >= COLUMN_MIN_WIDTH * gap &&
            !is_table_side (left_cells, left_rows, gap) && !is_table_side (right_cells, right_rows, gap) &&
            right_to - candidate.to >= COLUMN_MIN_WIDTH * gap &&
            (crossing < best || (crossing == best && candidate.to - candidate.from > gutter->to - gutter->from)))
          {
            *gutter = candidate;
            best = crossing;
            found = TRUE;
          }
      }
  return found;
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

/* Adds the rows @from to @to of @rows to @lines, cut at @gutter: the
 * glyphs left of it read before those right of it. */
static void add_region (GPtrArray *lines,
                        GArray    *glyphs,
                        double     gap,
                        guint      depth);

static void
add_columns (GPtrArray  *lines,
             GPtrArray  *rows,
             guint       from,
             guint       to,
             const Span *gutter,
             double      gap,
             guint       depth)
{
  g_autoptr (GArray) left = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));
  g_autoptr (GArray) right = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));

  for (guint i = from; i < to; i++)
    {
      GArray *row = g_ptr_array_index (rows, i);

      for (guint k = 0; k < row->len; k++)
        {
          const CdPdfGlyph *glyph = &g_array_index (row, CdPdfGlyph, k);

          g_array_append_vals (glyph->box.x2 <= gutter->from ? left : right, glyph, 1);
        }
    }
  if (left->len > 0)
    add_region (lines, left, gap, depth + 1);
  if (right->len > 0)
    add_region (lines, right, gap, depth + 1);
}

/* The side of @gutter @row stands on: -1 left, 1 right, 0 both. */
static int
side_of (GArray     *row,
         const Span *gutter)
{
  int side = 0;

  for (guint k = 0; k < row->len; k++)
    {
      int here = g_array_index (row, CdPdfGlyph, k).box.x2 <= gutter->from ? -1 : 1;

      if (side != 0 && here != side)
        return 0;
      side = here;
    }
  return side;
}

/* The top of @row's glyphs on @side of @gutter (-1 left, 1 right), or
 * -1 where it has none there. */
static double
side_top (GArray     *row,
          const Span *gutter,
          int         side)
{
  double top = G_MAXDOUBLE;

  for (guint k = 0; k < row->len; k++)
    {
      const CdPdfGlyph *glyph = &g_array_index (row, CdPdfGlyph, k);

      if ((glyph->box.x2 <= gutter->from ? -1 : 1) == side)
        top = MIN (top, glyph->box.y1);
    }
  return top == G_MAXDOUBLE ? -1 : top;
}

/* Where the columns in the rows @from to @to end: before the rows at
 * their foot that stand on one side only, below the other side's last
 * line and further from their own side's lines above than any two lines
 * of that column are ("ENDS" under the columns); else @to. */
static guint
columns_end (GPtrArray  *rows,
             guint       from,
             guint       to,
             const Span *gutter)
{
  guint  start = to;
  int    side;
  double other = -G_MAXDOUBLE, own = -1, previous = -1;
  g_autoptr (GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));

  if (to - from <= COLUMN_MIN_ROWS || (side = side_of (g_ptr_array_index (rows, to - 1), gutter)) == 0)
    return to;
  while (start > from && side_of (g_ptr_array_index (rows, start - 1), gutter) == side)
    start--;
  /* The rows above that block: the other side's last line, and the
   * distance from line to line on this side. */
  for (guint i = from; i < start; i++)
    {
      double here = side_top (g_ptr_array_index (rows, i), gutter, side);

      other = MAX (other, side_top (g_ptr_array_index (rows, i), gutter, -side));
      if (here < 0)
        continue;
      if (previous >= 0)
        {
          double pitch = here - previous;

          g_array_append_val (pitches, pitch);
        }
      previous = own = here;
    }
  g_array_sort (pitches, compare_doubles);
  if (pitches->len == 0 || own < 0 || start - from < COLUMN_MIN_ROWS)
    return to;
  {
    double top = side_top (g_ptr_array_index (rows, start), gutter, side);
    double pitch = g_array_index (pitches, double, pitches->len / 2);

    double widest = g_array_index (pitches, double, pitches->len - 1);

    return top > other + 1.4 * pitch && top - own > widest + 0.2 * pitch ? start : to;
  }
}

/* Adds the glyphs of a region of a page to @lines in reading order: its
 * rows top to bottom, but where a gutter at least @gap wide parts them
 * into columns (find_gutter()), the rows between those that cross it (a
 * headline over the columns) are cut there, each side read in turn, left
 * before right. */
static void
add_region (GPtrArray *lines,
            GArray    *glyphs,
            double     gap,
            guint      depth)
{
  g_autoptr (GPtrArray) rows = split_rows (glyphs);
  g_autoptr (GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  Span  gutter = { 0, 0 };
  guint start = 0;

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (spans, row_spans (g_ptr_array_index (rows, i), gap));
  if (depth >= 8 || rows->len < COLUMN_MIN_ROWS || !find_gutter (spans, gap, &gutter))
    {
      for (guint i = 0; i < rows->len; i++)
        add_row (lines, g_ptr_array_index (rows, i));
      return;
    }
  for (guint i = 0; i <= rows->len; i++)
    {
      guint end = i;

      if (i < rows->len && !crosses (g_ptr_array_index (spans, i), &gutter))
        continue;
      end = columns_end (rows, start, i, &gutter);
      if (end > start)
        add_columns (lines, rows, start, end, &gutter, gap, depth);
      for (; end <= i && end < rows->len; end++)
        add_row (lines, g_ptr_array_index (rows, end));
      start = i + 1;
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
