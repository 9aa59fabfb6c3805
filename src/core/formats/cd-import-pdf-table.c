/* cd-import-pdf-table.c: a PDF's tables (a release's key figures, a
 * league table, a signature block side by side). A PDF keeps no table,
 * only rows of text whose glyphs stand far apart where one cell ends and
 * the next begins. Such rows, one under another, are cut into cells
 * there; the rows with the most cells give the columns, other rows'
 * cells add those they alone fill (an empty cell is no cell), and each
 * cell goes to the column it stands in (figures set right, a head set
 * left, a head over two columns to the first). A line under a row that
 * only goes on with a cell of it, because the cell's text did not fit
 * its column ("Operating profit (€" over "million)"), is that cell's; the
 * table ends at the first line that is neither, and goes on over a page
 * break (a head set again there is left out). Text is no table unless
 * a column's cells line up (justified text's wide gaps do not), nor are
 * labels and what they say ("Date:  Thursday"). The rows become the
 * table's HTML as a word processor's table does
 * (cd-import-document.c); the first is its head where it looks like one
 * (bold, or words over figures), else the head is empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cd-import-pdf-private.h"

/* Lines that are no table's rows, one under another, that may stand in
 * a table (a cell's wrapped text) before a row that is one. */
#define MAX_WRAPPED_LINES 3

/* In a table, glyphs this many sizes apart are in two cells, wider than
 * a space between words (a table is found by CD_PDF_CELL_GAP), and half
 * as far again as the table's spaces between words. */
#define CELL_CUT 0.5

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

/* The space between words in the lines from @index on, those of the
 * same page and size as it: the narrowest gap between glyphs, short of a
 * table's. A typewriter face's are wide. */
static double
word_space (const CdPdfReader *reader,
            guint              index)
{
  const CdPdfLine *first = g_ptr_array_index (reader->lines, index);
  double           space = G_MAXDOUBLE;

  for (guint k = index; k < MIN (index + 40, reader->lines->len); k++)
    {
      const CdPdfLine *line = g_ptr_array_index (reader->lines, k);
      double           right = -1;

      if (line->page != first->page)
        break;
      if (line->dropped || fabs (line->size - first->size) >= 0.5)
        continue;
      for (guint i = 0; i < line->glyphs->len; i++)
        {
          const CdPdfGlyph *glyph = &g_array_index (line->glyphs, CdPdfGlyph, i);
          double            gap = glyph->box.x1 - right;

          if (g_unichar_isspace (glyph->c))
            continue;
          if (right >= 0 && gap > 0.15 * line->size && gap < CD_PDF_CELL_GAP * line->size)
            space = MIN (space, gap);
          right = glyph->box.x2;
        }
    }
  return space;
}

/* @line's cells: its glyphs cut where they stand further apart than
 * @cut. */
static GArray *
line_cells (const CdPdfLine *line,
            double           cut)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  Cell    cell = { line, 0, 0, 0, 0, 0 };
  double  right = -1;

  for (guint i = 0; i < line->glyphs->len; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (line->glyphs, CdPdfGlyph, i);

      if (g_unichar_isspace (glyph->c))
        continue;
      if (right >= 0 && glyph->box.x1 - right > cut)
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

static double
overlap (const Cell   *cell,
         const Column *column)
{
  return MIN (cell->x2, column->x2) - MAX (cell->x1, column->x1);
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
      double        o = overlap (cell, c);

      if (o <= 0)
        o = -fabs ((cell->x1 + cell->x2) / 2 - (c->x1 + c->x2) / 2) - 1;
      if (o > best)
        best = o, column = k;
    }
  return column;
}

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const Column *ca = a, *cb = b;

  return ca->x1 < cb->x1 ? -1 : ca->x1 > cb->x1;
}

/* The columns of @rows (arrays of Cell): those of the rows with the most
 * cells, each as wide as its cells in all of them; then a cell of
 * another row that stands in no column is one (a column the rows with
 * the most cells leave empty), one that stands in one widens it, one
 * over two is a head over both. %NULL where fewer than two, or where
 * those rows do not agree on them. */
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
  for (guint r = 0; r < rows->len; r++)
    {
      GArray *cells = g_ptr_array_index (rows, r);

      for (guint i = 0; i < cells->len && cells->len != most; i++)
        {
          const Cell *cell = &g_array_index (cells, Cell, i);
          Column     *in = NULL;
          guint       n = 0;

          for (guint k = 0; k < columns->len; k++)
            if (overlap (cell, &g_array_index (columns, Column, k)) > 0)
              in = &g_array_index (columns, Column, k), n++;
          if (n == 0)
            {
              Column column = { cell->x1, cell->x2 };

              g_array_append_val (columns, column);
              g_array_sort (columns, compare_columns);
            }
          else if (n == 1)
            in->x1 = MIN (in->x1, cell->x1), in->x2 = MAX (in->x2, cell->x2);
        }
    }
  for (guint k = 1; k < columns->len; k++)
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

static gunichar
cell_char (const Cell *cell,
           guint       i)
{
  return g_array_index (cell->line->glyphs, CdPdfGlyph, i).c;
}

/* Appends @cell's text to @text. */
static GString *
append_text (GString    *text,
             const Cell *cell)
{
  for (guint i = cell->start; i < cell->end; i++)
    g_string_append_unichar (text, cell_char (cell, i));
  return text;
}

/* @row's text, its cells apart by tabs. */
static char *
row_text (GArray *row)
{
  GString *text = g_string_new (NULL);

  for (guint k = 0; k < row->len; k++)
    g_string_append_c (append_text (text, &g_array_index (row, Cell, k)), '\t');
  return g_string_free (text, FALSE);
}

/* Whether @a and @b line up, at the left, the right or the middle. */
static gboolean
lines_up (const Cell *a,
          const Cell *b)
{
  double near = 0.5 * a->line->size;

  return fabs (a->x1 - b->x1) < near || fabs (a->x2 - b->x2) < near ||
         fabs (a->x1 + a->x2 - b->x1 - b->x2) < 2 * near;
}

/* Whether @cells, a line's, only go on with cells of @row (its cells so
 * far): each lines up with the row's text in its column, which ends so
 * far right that the cell's first word would not have fitted after it,
 * in the room its column shows in @right; figures are not wrapped. */
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
          !lines_up (above, cell) ||
          (g_unichar_isdigit (cell_char (above, above->end - 1)) && g_unichar_isdigit (cell_char (cell, cell->start))) ||
          above->x2 + 0.2 * above->line->size + first_word_width (cell) <= right[cell->column])
        return FALSE;
    }
  return cells->len > 0;
}

/* Whether @rows are set in columns: in each column of @n_columns but the
 * first, cells of two rows line up, and somewhere not only at the
 * table's right edge @reach, where a justified text's lines end too. */
static gboolean
is_set_in_columns (GPtrArray *rows,
                   guint      n_columns,
                   double     reach)
{
  gboolean inside = FALSE;

  for (guint k = 1; k < n_columns; k++)
    {
      guint    n = 0;
      gboolean up = FALSE;

      for (guint r = 0; r < rows->len; r++)
        {
          GArray     *row = g_ptr_array_index (rows, r);
          const Cell *a = NULL;

          for (guint i = 0; i < row->len && a == NULL; i++)
            if (g_array_index (row, Cell, i).column == k)
              a = &g_array_index (row, Cell, i);
          if (a == NULL)
            continue;
          n++;
          for (guint q = r + 1; q < rows->len; q++)
            {
              GArray *other = g_ptr_array_index (rows, q);

              for (guint i = 0; i < other->len; i++)
                {
                  const Cell *b = &g_array_index (other, Cell, i);

                  if (b->column != k || !lines_up (a, b))
                    continue;
                  up = TRUE;
                  inside |= a->x2 < reach - a->line->size || fabs (a->x1 - b->x1) < 0.5 * a->line->size;
                }
            }
        }
      if (n >= 2 && !up)
        return FALSE;
    }
  return inside;
}

/* Whether @cells, a line's that is no table's row by itself (its glyphs
 * stand apart less than a row's), stand each in a column of its own. */
static gboolean
fits (GArray *cells,
      GArray *columns)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const Cell *cell = &g_array_index (cells, Cell, i);

      if ((i > 0 && cell->column == g_array_index (cells, Cell, i - 1).column) ||
          overlap (cell, &g_array_index (columns, Column, cell->column)) <= 0)
        return FALSE;
    }
  return TRUE;
}

/* Whether @row is a line of justified text: its cells single words, no
 * figures, its spaces between them alike (one of them, or several of a
 * width). */
static gboolean
is_justified_line (GArray *row)
{
  double gap = -1;

  for (guint k = 0; k < row->len; k++)
    {
      const Cell *cell = &g_array_index (row, Cell, k);

      for (guint i = cell->start; i < cell->end; i++)
        if (g_unichar_isspace (cell_char (cell, i)) || g_unichar_isdigit (cell_char (cell, i)))
          return FALSE;
      if (k > 0)
        {
          double here = cell->x1 - g_array_index (row, Cell, k - 1).x2;

          if (gap >= 0 && fabs (here - gap) > MAX (1.0, 0.05 * gap))
            return FALSE;
          gap = here;
        }
    }
  return TRUE;
}

/* Whether half of @rows or more are lines of justified text, whose
 * spaces are wide in a narrow column. */
static gboolean
is_justified (GPtrArray *rows)
{
  guint n = 0;

  for (guint r = 0; r < rows->len; r++)
    n += is_justified_line (g_ptr_array_index (rows, r));
  return 2 * n >= rows->len;
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

      if (cell->column != 0 || cell_char (cell, cell->end - 1) != ':')
        return FALSE;
    }
  return TRUE;
}

/* Whether every glyph of @row is bold. */
static gboolean
is_bold (GArray *row)
{
  for (guint k = 0; k < row->len; k++)
    {
      const Cell *cell = &g_array_index (row, Cell, k);

      for (guint i = cell->start; i < cell->end; i++)
        if (!g_array_index (cell->line->glyphs, CdPdfGlyph, i).bold && !g_unichar_isspace (cell_char (cell, i)))
          return FALSE;
    }
  return TRUE;
}

/* Whether @row has a value in a column but the first: figures, but for
 * a year ("2025", "Q1 2025", "2026/27"), a head's. */
static gboolean
has_value (GArray *row)
{
  for (guint k = 0; k < row->len; k++)
    {
      const Cell      *cell = &g_array_index (row, Cell, k);
      g_autofree char *text = NULL;

      if (cell->column == 0)
        continue;
      text = g_string_free (append_text (g_string_new (NULL), cell), FALSE);
      if (strpbrk (text, "0123456789") != NULL &&
          !g_regex_match_simple ("^(?:[A-Za-z]\\d\\s+|H\\d\\s+|FY\\s*)?(?:19|20)\\d\\d(?:[/–-]\\d\\d(?:\\d\\d)?)?$", text, 0, 0))
        return TRUE;
    }
  return FALSE;
}

/* Whether the first of @rows is the table's head: in bold, over an empty
 * corner, or no values over rows with some. */
static gboolean
has_head (GPtrArray *rows)
{
  GArray *first = g_ptr_array_index (rows, 0);

  if (is_bold (first) || g_array_index (first, Cell, 0).column > 0)
    return TRUE;
  if (has_value (first))
    return FALSE;
  for (guint r = 1; r < rows->len; r++)
    if (has_value (g_ptr_array_index (rows, r)))
      return TRUE;
  return FALSE;
}

/* Appends the cells of @row in @column to @html, as one cell: a word
 * broken at a hyphen ("Co-" "operative") is made whole. */
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
      if (glyphs->len > 0 && (glyphs->len < 2 || g_array_index (glyphs, CdPdfGlyph, glyphs->len - 1).c != '-' ||
                              !g_unichar_isalpha (g_array_index (glyphs, CdPdfGlyph, glyphs->len - 2).c)))
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
  _cd_document_append_cell (html, paras, head, 1, NULL);
}

/* Whether the line @line, of @cells, may stand in a table whose last
 * line is @last: on its page, in its size, close under it (a row's
 * padding and rule further than the text's leading); or at the top of
 * the next page, a row in the columns of @widest, the table's row of the
 * most cells so far. */
static gboolean
may_follow (const CdPdfReader *reader,
            const CdPdfLine   *last,
            const CdPdfLine   *line,
            GArray            *cells,
            GArray            *widest)
{
  double step = line->y1 - last->y1;

  if (fabs (line->size - last->size) >= 0.5)
    return FALSE;
  if (line->page == last->page + 1 && line->tabular && widest != NULL && cells->len == widest->len)
    {
      for (guint k = 0; k < cells->len; k++)
        {
          const Cell *above = &g_array_index (widest, Cell, k);
          Column      column = { above->x1, above->x2 };

          if (overlap (&g_array_index (cells, Cell, k), &column) <= 0)
            return FALSE;
        }
      return TRUE;
    }
  return line->page == last->page && step >= 0.5 * line->size && step <= (reader->leading + 1.5) * line->size;
}

/* Whether the rows @a and @b say the same: a head set again at the top
 * of a page. */
static gboolean
same_text (GArray *a,
           GArray *b)
{
  g_autofree char *text_a = row_text (a);
  g_autofree char *text_b = row_text (b);

  return g_str_equal (text_a, text_b);
}

/* @rows as a table's HTML, in @columns. */
static char *
table_html (const CdPdfReader *reader,
            GPtrArray         *rows,
            guint              columns)
{
  GString *html = g_string_new ("<table>");
  gboolean head = has_head (rows);

  if (!head)
    {
      g_string_append (html, "<tr>");
      for (guint k = 0; k < columns; k++)
        g_string_append (html, "<th></th>");
      g_string_append (html, "</tr>");
    }
  for (guint r = 0; r < rows->len; r++)
    {
      g_string_append (html, "<tr>");
      for (guint k = 0; k < columns; k++)
        append_cell (reader, html, g_ptr_array_index (rows, r), k, head && r == 0);
      g_string_append (html, "</tr>");
    }
  g_string_append (html, "</table>");
  return g_string_free (html, FALSE);
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
  const CdPdfLine   *first = g_ptr_array_index (reader->lines, index);
  const CdPdfLine   *last = first;
  GArray            *widest = NULL;
  double             left = first->x1, reach = first->x2;
  double             cut = MAX (CELL_CUT * first->size, 1.5 * word_space (reader, index));
  guint              wrapped = 0;

  g_assert (first->tabular);

  /* The lines that may be the table's: its rows, and lines as narrow as
   * a cell's under them. */
  for (guint i = index; i < reader->lines->len && wrapped <= MAX_WRAPPED_LINES; i++)
    {
      const CdPdfLine *line = g_ptr_array_index (reader->lines, i);
      GArray          *cells;

      if (line->dropped)
        continue;
      cells = line_cells (line, cut);
      if (line != first && !may_follow (reader, last, line, cells, widest))
        {
          g_array_unref (cells);
          break;
        }
      if (cells->len < 2 && (line->x1 < left - line->size || line->x2 > reach + line->size ||
                             line->x2 - line->x1 > 0.6 * (reach - left)))
        {
          g_array_unref (cells);
          break;
        }
      wrapped = cells->len >= 2 ? 0 : wrapped + 1;
      g_ptr_array_add (lines, cells);
      if (line->tabular)
        {
          left = MIN (left, line->x1);
          reach = MAX (reach, line->x2);
          g_ptr_array_add (tabular, cells);
          if (widest == NULL || cells->len > widest->len)
            widest = cells;
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
      GArray *cells = g_ptr_array_index (lines, i);
      GArray *row = rows->len > 0 ? g_ptr_array_index (rows, rows->len - 1) : NULL;

      if (row != NULL && cells->len < columns->len && goes_on (cells, row, right))
        g_array_append_vals (row, cells->data, cells->len);
      else if (cells->len >= 2 && (g_array_index (cells, Cell, 0).line->tabular || fits (cells, columns)))
        g_ptr_array_add (rows, g_array_ref (cells));
      else
        break;
      *end = g_array_index (stops, guint, i) + 1;
    }
  /* A head set again over the table's rest on the next page. */
  for (guint r = rows->len; r-- > 1;)
    if (g_array_index ((GArray *) g_ptr_array_index (rows, r), Cell, 0).line->page != first->page &&
        same_text (g_ptr_array_index (rows, r), g_ptr_array_index (rows, 0)))
      g_ptr_array_remove_index (rows, r);
  if (rows->len < 2 || !is_set_in_columns (rows, columns->len, reach) || is_label_list (rows, columns->len) ||
      is_justified (rows))
    return NULL;
  g_ptr_array_add (reader->tables, table_html (reader, rows, columns->len));
  return g_ptr_array_index (reader->tables, reader->tables->len - 1);
}
