/* cd-import-wire-tables.c: tables in wire copy, as agencies send them in
 * text: rows of cells parted by semicolons (AP's agate, its weather
 * tables), made GFM tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"

/* Whether @cell reads as data: empty, a figure, or a code or head of a
 * few letters ("W", "Pct", "clr"). */
static gboolean
is_data_cell (const char *cell)
{
  return *cell == '\0' || strpbrk (cell, "0123456789") != NULL ||
         (strlen (cell) <= 4 && strchr (cell, ' ') == NULL);
}

/* The cells of @line when it is a row of a table as agencies send tables
 * in text, parted by semicolons (AP's agate: "Boston;24;14;.632;_"): four
 * columns or more, none longer than a name, most of them data, not the
 * clauses of a sentence; else %NULL. */
static GStrv
table_cells (const char *line)
{
  g_auto (GStrv) cells = NULL;
  guint data = 0, count;

  g_assert (line != NULL);

  if (strchr (line, ';') == NULL)
    return NULL;
  cells = g_strsplit (line, ";", -1);
  if ((count = g_strv_length (cells)) < 4)
    return NULL;
  for (guint i = 0; cells[i] != NULL; i++)
    {
      if (g_utf8_strlen (g_strstrip (cells[i]), -1) > 32)
        return NULL;
      data += is_data_cell (cells[i]);
    }
  return data * 2 > count ? g_steal_pointer (&cells) : NULL;
}

/* How many lines of @lines from @first on are rows of one table, with as
 * many cells each; fewer than two rows are none. */
guint
_cd_import_table_rows (GPtrArray *lines,
                       guint      first)
{
  g_auto (GStrv) head = table_cells (g_ptr_array_index (lines, first));
  guint end = first + 1;

  if (head == NULL)
    return 0;
  for (; end < lines->len; end++)
    {
      g_auto (GStrv) cells = table_cells (g_ptr_array_index (lines, end));

      if (cells == NULL || g_strv_length (cells) != g_strv_length (head))
        break;
    }
  return end - first >= 2 ? end - first : 0;
}

/* Appends @count lines of @lines from @first on as a table, its first row
 * the column heads. AP's codes in a cell read as it prints them: "_" (no
 * figure) a dash, "{" a half ("4{" games behind). */
void
_cd_import_append_table (GString   *body,
                         GPtrArray *lines,
                         guint      first,
                         guint      count)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = first; i < first + count; i++)
    {
      g_auto (GStrv) cells = table_cells (g_ptr_array_index (lines, i));
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          GString *cell = g_string_new (NULL);
          gsize    digits = strspn (cells[c], "0123456789");

          if (strcmp (cells[c], "_") == 0)
            g_string_append (cell, "\u2014");
          else if (cells[c][digits] == '{' && cells[c][digits + 1] == '\0')
            g_string_append_printf (cell, "%.*s\u00bd", (int) digits, cells[c]);
          else
            _cd_markdown_escape_inline (cell, cells[c], -1);
          g_ptr_array_add (row, g_string_free (cell, FALSE));
        }
      g_ptr_array_add (rows, row);
    }
  if (body->len > 0)
    g_string_append_c (body, '\n');
  _cd_markdown_append_table (body, rows, TRUE);
}

/* How many cells each line of @b has when every line is a row of one
 * table; else 0. */
static guint
block_columns (CdWireBlock *b)
{
  guint columns = 0;

  for (guint i = 0; i < b->lines->len; i++)
    {
      g_auto (GStrv) cells = table_cells (g_ptr_array_index (b->lines, i));

      if (cells == NULL || (i > 0 && g_strv_length (cells) != columns))
        return 0;
      columns = g_strv_length (cells);
    }
  return columns;
}

/* Joins the blocks from @start on that hold only rows of a table (a row a
 * block where indents mark paragraphs, as AP sends its weather tables),
 * so that their rows make one table: the rows move to the first block,
 * the others are left empty. */
void
_cd_import_join_table_blocks (GPtrArray *blocks,
                              guint      start)
{
  CdWireBlock *table = NULL;
  guint        table_columns = 0;

  for (guint i = start; i < blocks->len; i++)
    {
      CdWireBlock *b = g_ptr_array_index (blocks, i);
      guint        columns;

      if (b->lines->len == 0)
        continue;
      columns = block_columns (b);
      if (table != NULL && columns > 0 && columns == table_columns)
        {
          for (guint j = 0; j < b->lines->len; j++)
            g_ptr_array_add (table->lines, g_strdup (g_ptr_array_index (b->lines, j)));
          g_ptr_array_set_size (b->lines, 0);
          continue;
        }
      table = columns > 0 ? b : NULL;
      table_columns = columns;
    }
}
