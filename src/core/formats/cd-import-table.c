/* cd-import-table.c: a table as the word processors' importers meet it
 * (cd-import-doc.c, cd-import-docx.c, cd-import-odt.c, cd-import-rtf.c,
 * and a PDF's cells): cell by cell and row by row, into the HTML of a
 * table set as it is, and the paragraphs of its cells with text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include "cd-import-document-private.h"

/* Appends a table's cell of @paras (a head's when @head) to @html: their
 * text in one line, and an empty cell for each further column it spans.
 * Its paragraphs with text move to @cells, where given. */
void
_cd_document_append_cell (GString   *html,
                          GPtrArray *paras,
                          gboolean   head,
                          guint      columns,
                          GPtrArray *cells)
{
  gboolean started = FALSE;

  g_string_append (html, head ? "<th>" : "<td>");
  for (guint i = 0; i < paras->len; i++)
    {
      const CdPara *para = g_ptr_array_index (paras, i);

      if (*para->text == '\0')
        continue;
      g_string_append_printf (html, "%s%s", started ? " " : "", para->html);
      started = TRUE;
    }
  g_string_append (html, head ? "</th>" : "</td>");
  for (guint k = 1; k < columns; k++)
    g_string_append (html, head ? "<th></th>" : "<td></td>");
  for (guint i = 0; cells != NULL && i < paras->len;)
    if (*((const CdPara *) g_ptr_array_index (paras, i))->text != '\0' &&
        !((const CdPara *) g_ptr_array_index (paras, i))->block)
      g_ptr_array_add (cells, g_ptr_array_steal_index (paras, i));
    else
      i++;
}

void
_cd_table_init (CdTable *table)
{
  table->cell = g_ptr_array_new_with_free_func (_cd_para_free);
  table->row = g_string_new (NULL);
  table->rows = g_string_new (NULL);
  table->cells = g_ptr_array_new_with_free_func (_cd_para_free);
  table->head_row = TRUE;
}

/* Frees what @table holds, set out or not. */
void
_cd_table_clear (CdTable *table)
{
  g_clear_pointer (&table->cell, g_ptr_array_unref);
  g_clear_pointer (&table->cells, g_ptr_array_unref);
  if (table->row != NULL)
    g_string_free (g_steal_pointer (&table->row), TRUE);
  if (table->rows != NULL)
    g_string_free (g_steal_pointer (&table->rows), TRUE);
}

/* Ends the cell of table->cell's paragraphs, spanning @columns. */
void
_cd_table_end_cell (CdTable *table,
                    guint    columns)
{
  _cd_document_append_cell (table->row, table->cell, table->head_row, columns, table->cells);
  g_ptr_array_set_size (table->cell, 0);
}

/* Ends the row of the cells ended since the last; the next row's cells
 * are not heads. */
void
_cd_table_end_row (CdTable *table)
{
  if (table->row->len > 0)
    g_string_append_printf (table->rows, "<tr>%s</tr>", table->row->str);
  g_string_truncate (table->row, 0);
  table->head_row = FALSE;
}

/* Adds the table of the rows ended so far to @paras, set as it is, when
 * a row has a cell; @table is empty again, for the next table. */
void
_cd_table_flush (CdTable   *table,
                 GPtrArray *paras)
{
  if (table->rows->len == 0)
    return;
  g_ptr_array_add (paras, _cd_para_new_table (g_strdup_printf ("<table>%s</table>", table->rows->str),
                                              g_steal_pointer (&table->cells)));
  table->cells = g_ptr_array_new_with_free_func (_cd_para_free);
  g_string_truncate (table->rows, 0);
  table->head_row = TRUE;
}
