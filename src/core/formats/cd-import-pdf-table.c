/* cd-import-pdf-table.c: a PDF's tables (a release's key figures, a
 * results table, a contact block set at tab stops). A PDF keeps no
 * table, only rows of text whose glyphs stand far apart where one cell
 * ends and the next begins. Such rows, one under another, are cut into
 * cells there; the row with the most cells gives the columns, and each
 * other row's cells go to the column they stand in (figures set right,
 * a head set left). A line under a row that only goes on with a cell of
 * it, because the cell's text did not fit its column ("Operating profit
 * (€" over "million)"), is that cell's; the table ends at the first line
 * that is neither. The rows become the table's HTML, the first its head,
 * as a word processor's table does (cd-import-document.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <math.h>

#include "cd-import-pdf-private.h"

/* Lines that are no table's rows, one under another, that may stand in
 * a table (a cell's wrapped text) before a row that is one. */
#define MAX_WRAPPED_LINES 3

typedef struct
{
  const CdPdfLine *line;
  guint            start, end; /* its glyphs */
  double           x1, x2;
  guint            column;
} Cell;

typedef struct
{
  double x1, x2;
} Column;

/* @line's cells: its glyphs cut where they stand CD_PDF_CELL_GAP sizes
 * apart. */
static GArray *
line_cells (const CdPdfLine *line)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  Cell    cell = { line, 0, 0, 0, 0, 0 };
  double  right = -1;

  for (guint i = 0; i < line->glyphs->len; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (line->glyphs, CdPdfGlyph, i);

      if (g_unichar_isspace (glyph->c))
        continue;
      if (right >= 0 && glyph->box.x1 - right > CD_PDF_CELL_GAP * line->size)
        {
          g_array_append_val (cells, cell);
          right = -1;
        }
      if (right < 0)
        {
          cell.start = i;
          cell.x1 = glyph->box.x1;
        }
      cell.end = i + 1;
      cell.x2 = right = glyph->box.x2;
    }
  if (right >= 0)
    g_array_append_val (cells, cell);
  return cells;
}

/* The column @cell stands in: the one it overlaps most, or the nearest. */
static guint
column_of (const Cell *cell,
           GArray     *columns)
{
  double best = -G_MAXDOUBLE;
  guint  column = 0;

  for (guint k = 0; k < columns->len; k++)
    {
      const Column *c = &g_array_index (columns, Column, k);
      double        overlap = MIN (cell->x2, c->x2) - MAX (cell->x1, c->x1);

      if (overlap <= 0)
        overlap = -fabs ((cell->x1 + cell->x2) / 2 - (c->x1 + c->x2) / 2) - 1;
      if (overlap > best)
        best = overlap, column = k;
    }
  return column;
}

/* The columns of @rows (arrays of Cell): those of the rows with the most
 * cells, each as wide as its cells in all of them; %NULL where fewer
 * than two, or where those rows do not agree on them. */
static GArray *
find_table_columns (GPtrArray *rows)
{
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  guint most = 0;

  for (guint r = 0; r < rows->len; r++)
    most = MAX (most, ((GArray *) g_ptr_array_index (rows, r))->len);
  if (most < 2)
    return NULL;
  g_array_set_size (columns, most);
  for (guint k = 0; k < most; k++)
    g_array_index (columns, Column, k) = (Column){ G_MAXDOUBLE, -G_MAXDOUBLE };
  for (guint r = 0; r < rows->len; r++)
    {
      GArray *cells = g_ptr_array_index (rows, r);

      if (cells->len != most)
        continue;
      for (guint k = 0; k < most; k++)
        {
          Column     *column = &g_array_index (columns, Column, k);
          const Cell *cell = &g_array_index (cells, Cell, k);

          column->x1 = MIN (column->x1, cell->x1);
          column->x2 = MAX (column->x2, cell->x2);
        }
    }
  for (guint k = 1; k < most; k++)
    if (g_array_index (columns, Column, k).x1 <= g_array_index (columns, Column, k - 1).x2)
      return NULL;
  return g_steal_pointer (&columns);
}

/* The width of the first word of @cell. */
static double
first_word_width (const Cell *cell)
{
  GArray *glyphs = cell->line->glyphs;
  double  x1 = g_array_index (glyphs, CdPdfGlyph, cell->start).box.x1, x2 = x1;

  for (guint i = cell->start; i < cell->end; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (glyphs, CdPdfGlyph, i);

      if (g_unichar_isspace (glyph->c))
        break;
      x2 = glyph->box.x2;
    }
  return x2 - x1;
}

/* Whether @cells, a line's, only go on with cells of @row (its cells so
 * far): each stands in a column where the row's text ends so far right
 * that its first word would not have fitted after it, in the room its
 * column shows in @right. */
static gboolean
goes_on (GArray       *cells,
         GArray       *row,
         const double *right)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const Cell *cell = &g_array_index (cells, Cell, i);
      const Cell *above = NULL;

      for (guint k = 0; k < row->len; k++)
        if (g_array_index (row, Cell, k).column == cell->column)
          above = &g_array_index (row, Cell, k);
      if (above == NULL || (i > 0 && cell->column == g_array_index (cells, Cell, i - 1).column) ||
          above->x2 + 0.2 * above->line->size + first_word_width (cell) <= right[cell->column])
        return FALSE;
    }
  return cells->len > 0;
}

/* Whether @rows of two columns are a list of labels and what they say
 * ("Date:  Tuesday 15 April", "Place:  Civic Hall"): each row's first
 * cell ends with a colon. Such lines stay text. */
static gboolean
is_label_list (GPtrArray *rows,
               guint      n_columns)
{
  if (n_columns != 2)
    return FALSE;
  for (guint r = 0; r < rows->len; r++)
    {
      GArray     *row = g_ptr_array_index (rows, r);
      const Cell *cell = &g_array_index (row, Cell, 0);

      if (cell->column != 0 || g_array_index (cell->line->glyphs, CdPdfGlyph, cell->end - 1).c != ':')
        return FALSE;
    }
  return TRUE;
}

/* Appends the cells of @row in @column to @html, as one cell. */
static void
append_cell (const CdPdfReader *reader,
             GString           *html,
             GArray            *row,
             guint              column,
             gboolean           head)
{
  g_autoptr (GPtrArray) paras = g_ptr_array_new_with_free_func (_cd_para_free);
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));
  CdInline in;

  for (guint k = 0; k < row->len; k++)
    {
      const Cell *cell = &g_array_index (row, Cell, k);

      if (cell->column != column)
        continue;
      if (glyphs->len > 0)
        {
          CdPdfGlyph space = g_array_index (glyphs, CdPdfGlyph, glyphs->len - 1);

          space.c = ' ';
          g_array_append_val (glyphs, space);
        }
      g_array_append_vals (glyphs, &g_array_index (cell->line->glyphs, CdPdfGlyph, cell->start),
                           cell->end - cell->start);
    }
  if (glyphs->len > 0)
    {
      _cd_inline_init (&in);
      /* A head's own bold is left out. */
      _cd_pdf_append_glyphs (reader, &in, glyphs, 0, glyphs->len, head);
      g_ptr_array_add (paras, _cd_inline_finish (&in, CD_PARA_TEXT));
    }
  _cd_document_append_cell (html, paras, head, 1);
}

/* Whether the line @line may stand in a table whose rows are in the
 * lines @first to @last: on its page, in its size, close under it. */
static gboolean
may_follow (const CdPdfReader *reader,
            const CdPdfLine   *first,
            const CdPdfLine   *last,
            const CdPdfLine   *line,
            double             pitch)
{
  double step = line->y1 - last->y1;

  if (line->page != first->page || fabs (line->size - first->size) >= 0.5 || step < 0.5 * line->size)
    return FALSE;
  /* The first step shows the rows' own (a cell's padding); the rest keep
   * to it. */
  return pitch == 0 ? step <= (reader->leading + 1.5) * line->size
                    : step <= MAX (pitch, reader->leading * line->size) * 1.3;
}

/**
 * _cd_pdf_read_table:
 * @reader: the reader, whose lines from @index on may be a table's
 * @index: a line whose glyphs stand apart (CdPdfLine.tabular)
 * @end: (out): the line after the table's last
 *
 * Returns: (nullable): the table's HTML (@reader's), or %NULL where the
 *   lines from @index on are no table of two rows and two columns at
 *   the least
 */
const char *
_cd_pdf_read_table (CdPdfReader *reader,
                    guint        index,
                    guint       *end)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GPtrArray) tabular = g_ptr_array_new ();
  g_autoptr (GArray) columns = NULL;
  g_autoptr (GArray) stops = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *right = NULL;
  g_autoptr (GString) html = NULL;
  const CdPdfLine *first = g_ptr_array_index (reader->lines, index);
  const CdPdfLine *last = first;
  double           pitch = 0, left = first->x1, reach = first->x2;
  guint            wrapped = 0;

  g_assert (first->tabular);

  /* The lines that may be the table's: its rows, and lines as narrow as
   * a cell's under them. */
  for (guint i = index; i < reader->lines->len && wrapped <= MAX_WRAPPED_LINES; i++)
    {
      const CdPdfLine *line = g_ptr_array_index (reader->lines, i);

      if (line->dropped)
        continue;
      if (line != first && !may_follow (reader, first, last, line, pitch))
        break;
      if (!line->tabular && (line->x1 < left - line->size || line->x2 > reach + line->size ||
                             line->x2 - line->x1 > 0.6 * (reach - left)))
        break;
      if (line != first && pitch == 0)
        pitch = line->y1 - last->y1;
      wrapped = line->tabular ? 0 : wrapped + 1;
      g_ptr_array_add (lines, line_cells (line));
      if (line->tabular)
        {
          left = MIN (left, line->x1);
          reach = MAX (reach, line->x2);
          g_ptr_array_add (tabular, g_ptr_array_index (lines, lines->len - 1));
        }
      g_array_append_val (stops, i);
      last = line;
    }
  if ((columns = find_table_columns (tabular)) == NULL)
    return NULL;
  right = g_new (double, columns->len);
  for (guint k = 0; k < columns->len; k++)
    right[k] = g_array_index (columns, Column, k).x2;
  for (guint i = 0; i < lines->len; i++)
    {
      GArray *cells = g_ptr_array_index (lines, i);

      for (guint k = 0; k < cells->len; k++)
        {
          Cell *cell = &g_array_index (cells, Cell, k);

          cell->column = column_of (cell, columns);
          if (cell->line->tabular)
            right[cell->column] = MAX (right[cell->column], cell->x2);
        }
    }
  /* Rows, and the lines that go on with their cells. */
  for (guint i = 0; i < lines->len; i++)
    {
      GArray          *cells = g_ptr_array_index (lines, i);
      const CdPdfLine *line = g_array_index (cells, Cell, 0).line;
      GArray          *row = rows->len > 0 ? g_ptr_array_index (rows, rows->len - 1) : NULL;

      if (row != NULL && (!line->tabular || cells->len < columns->len) && goes_on (cells, row, right))
        g_array_append_vals (row, cells->data, cells->len);
      else if (line->tabular)
        g_ptr_array_add (rows, g_array_ref (cells));
      else
        break;
      *end = g_array_index (stops, guint, i) + 1;
    }
  if (rows->len < 2 || is_label_list (rows, columns->len))
    return NULL;
  html = g_string_new ("<table>");
  for (guint r = 0; r < rows->len; r++)
    {
      g_string_append (html, "<tr>");
      for (guint k = 0; k < columns->len; k++)
        append_cell (reader, html, g_ptr_array_index (rows, r), k, r == 0);
      g_string_append (html, "</tr>");
    }
  g_string_append (html, "</table>");
  g_ptr_array_add (reader->tables, g_string_free (g_steal_pointer (&html), FALSE));
  return g_ptr_array_index (reader->tables, reader->tables->len - 1);
}
