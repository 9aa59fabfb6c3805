/* cd-import-pdf-furniture.c: what a PDF's pages carry that is the page's
 * and not the story's: page numbers in the head or foot ("Page 2 of 3",
 * "- 3 -", "Seite 2 von 5"), lines that stand again in the same place on
 * another page (a running head, a letterhead) and footnotes, the small
 * lines under all of a page's text, the first with a mark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cd-import-pdf-private.h"
#include "cd-import-private.h"

/* Of a page's height: the bands above and below its text where page
 * numbers stand, and where running heads and feet may (a letterhead
 * reaches further down than a page number), and where its footnotes
 * may start. */
#define HEAD_BAND 0.09
#define RUNNING_BAND 0.2
#define FOOTNOTE_BAND 0.6

/* @line's text as it reads, spaces folded. */
static char *
line_text (const CdPdfLine *line)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < line->glyphs->len; i++)
    g_string_append_unichar (text, g_array_index (line->glyphs, CdPdfGlyph, i).c);
  return g_strstrip (g_string_free (text, FALSE));
}

/* @line's text with its figures as "#", to find the same running head on
 * every page ("Page 2 of 5"). */
static char *
line_shape (const CdPdfLine *line)
{
  g_autofree char *text = line_text (line);
  GString         *shape = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (shape->len == 0 || shape->str[shape->len - 1] != '#')
            g_string_append_c (shape, '#');
        }
      else if (!g_unichar_isspace (c))
        g_string_append_unichar (shape, g_unichar_tolower (c));
    }
  return g_string_free (shape, FALSE);
}

/* Whether @shape is a page's number: "3", "- 3 -", "Page 3", "3 / 5",
 * "Seite 3 von 5". */
static gboolean
is_page_number (const char *shape)
{
  static const char *const words[] = { "", "page", "seite", "pagina", "página", "p.", "s." };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *rest;

      if (!g_str_has_prefix (shape, words[i]))
        continue;
      rest = shape + strlen (words[i]);
      if (g_str_has_prefix (rest, "-"))
        rest++;
      if (*rest++ != '#')
        continue;
      if (g_str_has_prefix (rest, "-"))
        rest++;
      if (*rest == '\0')
        return TRUE;
      if ((g_str_has_prefix (rest, "/") && strcmp (rest + 1, "#") == 0) || strcmp (rest, "of#") == 0 ||
          strcmp (rest, "von#") == 0 || strcmp (rest, "de#") == 0 || strcmp (rest, "sur#") == 0 ||
          strcmp (rest, "di#") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether @line starts as a footnote does: with its number ("1", "12 Source") or a mark. */
static gboolean
starts_with_mark (const CdPdfLine *line)
{
  GArray  *glyphs = line->glyphs;
  gunichar c = g_array_index (glyphs, CdPdfGlyph, 0).c;
  guint    n = 0;

  if (c == '*' || c == 0x2020 || c == 0x2021)
    return TRUE;
  while (n < glyphs->len && n < 3 && g_unichar_isdigit (g_array_index (glyphs, CdPdfGlyph, n).c))
    n++;
  return n > 0 && (n == glyphs->len || !g_unichar_isdigit (g_array_index (glyphs, CdPdfGlyph, n).c));
}

static int
compare_lines_top (gconstpointer a,
                   gconstpointer b)
{
  const CdPdfLine *la = *(CdPdfLine *const *) a, *lb = *(CdPdfLine *const *) b;

  return la->y1 < lb->y1 ? -1 : la->y1 > lb->y1;
}

/* Whether @line stands in the head or foot of its page where a running
 * head or foot may: @share of its height from the top or the bottom. */
static gboolean
in_margin (const CdPdfReader *reader,
           const CdPdfLine   *line,
           double             share)
{
  double height = g_array_index (reader->heights, double, line->page);

  return line->y2 < height * share || line->y1 > height * (1 - share);
}

/* Leaves out what is the page's, not the story's: page numbers in its
 * head or foot, and the lines that stand again in the same place on
 * another page (a letterhead, a running head or foot, "Page 2 of 3");
 * and a page's footnotes, the small lines under all of its text, the
 * first with a mark. */
void
_cd_pdf_drop_furniture (CdPdfReader *reader)
{
  g_autoptr (GPtrArray) margins = g_ptr_array_new ();
  g_autoptr (GPtrArray) shapes = g_ptr_array_new_with_free_func (g_free);
  guint pages = reader->heights->len;

  for (guint i = 0; i < reader->lines->len; i++)
    {
      CdPdfLine *line = g_ptr_array_index (reader->lines, i);

      if (!in_margin (reader, line, RUNNING_BAND))
        continue;
      g_ptr_array_add (margins, line);
      g_ptr_array_add (shapes, line_shape (line));
    }
  for (guint i = 0; i < margins->len; i++)
    {
      CdPdfLine       *line = g_ptr_array_index (margins, i);
      const char      *shape = g_ptr_array_index (shapes, i);
      g_autofree char *text = line_text (line);

      if (in_margin (reader, line, HEAD_BAND) && is_page_number (shape) &&
          !g_regex_match (_cd_import_wire_regex (RE_END), text, 0, NULL))
        line->dropped = TRUE;
      for (guint k = 0; k < margins->len && !line->dropped && pages > 1; k++)
        {
          const CdPdfLine *other = g_ptr_array_index (margins, k);

          line->dropped = other->page != line->page && fabs (other->y1 - line->y1) < 3 &&
                          g_str_equal (shape, g_ptr_array_index (shapes, k));
        }
      /* A running head is read for the desk: the first page's. */
      if (line->dropped && line->page == 0 && !is_page_number (shape) &&
          line->y2 < g_array_index (reader->heights, double, 0) * RUNNING_BAND)
        _cd_document_add_page_head (reader->document, text);
    }
  /* Footnotes: the small lines low on a page under all of its text,
   * the first with a mark. */
  for (guint page = 0; page < pages; page++)
    {
      double height = g_array_index (reader->heights, double, page);
      double bottom = 0;
      g_autoptr (GPtrArray) notes = g_ptr_array_new ();

      for (guint i = 0; i < reader->lines->len; i++)
        {
          CdPdfLine *line = g_ptr_array_index (reader->lines, i);

          if (line->page == page && !line->dropped && line->size >= reader->body * 0.95)
            bottom = MAX (bottom, line->y2);
        }
      for (guint i = 0; i < reader->lines->len; i++)
        {
          CdPdfLine *line = g_ptr_array_index (reader->lines, i);

          if (line->page == page && !line->dropped && line->y1 > MAX (bottom, height * FOOTNOTE_BAND))
            g_ptr_array_add (notes, line);
        }
      g_ptr_array_sort (notes, compare_lines_top);
      if (notes->len == 0 || !starts_with_mark (g_ptr_array_index (notes, 0)))
        continue;
      for (guint i = 0; i < notes->len; i++)
        {
          CdPdfLine *line = g_ptr_array_index (notes, i);

          line->dropped = TRUE;
          reader->footnotes += starts_with_mark (line);
        }
    }
}
