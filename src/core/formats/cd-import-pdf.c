/* cd-import-pdf.c: PDF documents (a press release as a word processor or
 * a layout program exports it), through poppler. A PDF holds no
 * paragraphs, only lines of glyphs where the page shows them; poppler
 * gives the lines in reading order (its columns found), with each glyph's
 * box and font. Here the lines become paragraphs again: a line ends its
 * paragraph where the next starts lower than the text's leading, or
 * further in, or in another size or weight, or where the line ends short
 * of its column with a sentence's end. Text larger than the body is the
 * title, the subtitle and headings; a short paragraph all in bold a
 * subheading; bullets and numbers lists. Running heads and feet, page
 * numbers and footnotes are the page's, not the story's; links keep their
 * address and pictures go where they stand. The paragraphs then become
 * the article as any document's do (cd-import-document.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <poppler.h>

#include "cd-import-document-private.h"
#include "cd-import-pdf-private.h"
#include "cd-import-private.h"

/* Past this many pages a PDF is a report or a book, not a story: the rest
 * is named in the note. */
#define MAX_PAGES 200

/* A picture that covers more of its page than this is its background or
 * a scan of it, not a picture in the story. */
#define BACKGROUND_SHARE 0.8

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Frees a CdPdfLine or a Para: each starts with the glyphs it owns. */
static void
glyphs_owner_free (gpointer data)
{
  GArray **glyphs = data;

  g_array_unref (*glyphs);
  g_free (data);
}

static void
figure_clear (gpointer data)
{
  g_free (((CdPdfFigure *) data)->html);
}

static gboolean
font_is_bold (const char *name)
{
  g_autofree char *folded = g_ascii_strdown (name != NULL ? name : "", -1);

  return strstr (folded, "bold") != NULL || strstr (folded, "black") != NULL || strstr (folded, "heavy") != NULL ||
         strstr (folded, "demi") != NULL;
}

static gboolean
font_is_italic (const char *name)
{
  g_autofree char *folded = g_ascii_strdown (name != NULL ? name : "", -1);

  return strstr (folded, "italic") != NULL || strstr (folded, "oblique") != NULL ||
         g_str_has_suffix (folded, "-it") || g_str_has_suffix (folded, "boldit");
}

/* The size most of @glyphs (from @from on) are set in, of those that show. */
static double
common_size (GArray *glyphs)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint best = 0;
  int   size = 0;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (glyphs, CdPdfGlyph, i);
      int               key = (int) lround (glyph->size * 2);
      guint             n;

      if (g_unichar_isspace (glyph->c) || key <= 0)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (key))) + 1;
      g_hash_table_insert (counts, GINT_TO_POINTER (key), GUINT_TO_POINTER (n));
      if (n > best)
        best = n, size = key;
    }
  return size / 2.0;
}

/* The index in @reader's links of the link whose area holds @box's
 * middle, or -1. @mapping's areas count from the page's bottom. */
static int
link_at (CdPdfReader            *reader,
         GList                  *mapping,
         double                  height,
         const PopplerRectangle *box)
{
  double x = (box->x1 + box->x2) / 2, y = height - (box->y1 + box->y2) / 2;

  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerLinkMapping *link = l->data;
      const char         *uri;

      if (link->action == NULL || link->action->type != POPPLER_ACTION_URI ||
          (uri = link->action->uri.uri) == NULL)
        continue;
      if (x < MIN (link->area.x1, link->area.x2) || x > MAX (link->area.x1, link->area.x2) ||
          y < MIN (link->area.y1, link->area.y2) || y > MAX (link->area.y1, link->area.y2))
        continue;
      if (!g_str_has_prefix (uri, "http://") && !g_str_has_prefix (uri, "https://") &&
          !g_str_has_prefix (uri, "mailto:"))
        return -1;
      for (guint i = 0; i < reader->links->len; i++)
        if (strcmp (g_ptr_array_index (reader->links, i), uri) == 0)
          return (int) i;
      g_ptr_array_add (reader->links, g_strdup (uri));
      return (int) reader->links->len - 1;
    }
  return -1;
}

static gboolean
is_bullet (gunichar c)
{
  return c == 0x2022 || c == 0x25E6 || c == 0x25AA || c == 0x25CF || c == 0x25A0 || c == 0x2219 || c == 0x2023 ||
         c == 0x2043 || c == 0x27A2 || c == 0x2713 || c == 0xB7 || (c >= 0xF000 && c <= 0xF0FF);
}

/* Whether @glyphs up to @end (excluded) are a list's marker, which a tab
 * may set apart from its text: "•", "1.", "2.1", "(a)", "iv)". */
static gboolean
is_marker (GArray *glyphs,
           guint   end)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < end && text->len < 8; i++)
    if (!g_unichar_isspace (g_array_index (glyphs, CdPdfGlyph, i).c))
      g_string_append_unichar (text, g_array_index (glyphs, CdPdfGlyph, i).c);
  return (g_utf8_strlen (text->str, -1) == 1 && (is_bullet (g_utf8_get_char (text->str)) ||
                                                 strchr ("-*", text->str[0]) != NULL)) ||
         g_regex_match_simple ("^(?:\\(?(?:\\d{1,3}(?:\\.\\d{1,3})*|[a-z]|[ivx]{1,4}|[A-Z])[.)]|\\((?:\\d{1,3}|[a-z]|[ivx]{1,4})\\)|"
                               "\\d{1,3}(?:\\.\\d{1,3})+|[\\x{2013}\\x{2014}])$",
                               text->str, 0, 0);
}

/* Ends @line: its box and size from the glyphs that show, and a raised
 * small figure (a footnote's mark in the text) left out. */
static void
end_line (CdPdfReader *reader,
          CdPdfLine   *line)
{
  double baseline = 0;
  guint  gaps = 0;

  line->size = common_size (line->glyphs);
  for (guint i = 0; i < line->glyphs->len; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (line->glyphs, CdPdfGlyph, i);

      if (!g_unichar_isspace (glyph->c) && fabs (glyph->size - line->size) < 0.5)
        baseline = MAX (baseline, glyph->box.y2);
    }
  for (guint i = 0; i < line->glyphs->len;)
    {
      const CdPdfGlyph *glyph = &g_array_index (line->glyphs, CdPdfGlyph, i);

      gunichar next = i + 1 < line->glyphs->len ? g_array_index (line->glyphs, CdPdfGlyph, i + 1).c : ' ';

      if (!((g_unichar_isdigit (glyph->c) || glyph->c == '*') && glyph->size < line->size * 0.8 && i > 0 &&
            glyph->box.y2 < baseline - line->size * 0.2))
        {
          i++;
          continue;
        }
      g_array_remove_index (line->glyphs, i);
      /* "flooding 1, after": the space before the mark goes with it. */
      if (g_unichar_isspace (g_array_index (line->glyphs, CdPdfGlyph, i - 1).c) &&
          (g_unichar_isspace (next) || g_unichar_ispunct (next)))
        g_array_remove_index (line->glyphs, --i);
    }
  line->x1 = line->y1 = G_MAXDOUBLE;
  line->bold = line->italic = TRUE;
  for (guint i = 0; i < line->glyphs->len; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (line->glyphs, CdPdfGlyph, i);

      if (g_unichar_isspace (glyph->c))
        continue;
      line->x1 = MIN (line->x1, glyph->box.x1);
      line->y1 = MIN (line->y1, glyph->box.y1);
      line->x2 = MAX (line->x2, glyph->box.x2);
      line->y2 = MAX (line->y2, glyph->box.y2);
      line->bold = line->bold && glyph->bold;
      line->italic = line->italic && glyph->italic;
      if (i > 0 && glyph->box.x1 - g_array_index (line->glyphs, CdPdfGlyph, i - 1).box.x2 > CD_PDF_CELL_GAP * line->size)
        {
          line->tabular |= gaps > 0 || !is_marker (line->glyphs, i);
          gaps++;
        }
    }
  if (line->x1 == G_MAXDOUBLE)
    glyphs_owner_free (line);
  else
    g_ptr_array_add (reader->lines, line);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The pictures on @page, as blocks where they stand. */
static void
read_pictures (CdPdfReader *reader,
               PopplerPage *page,
               guint        number)
{
  const CdPoppler *poppler = reader->poppler;
  GList           *mapping = poppler->page_get_image_mapping (page);
  double           width, height;

  poppler->page_get_size (page, &width, &height);
  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerImageMapping *image = l->data;
      PopplerRectangle    *area = &image->area;
      cairo_surface_t     *surface;
      g_autoptr (GByteArray) png = NULL;
      g_autofree char *name = NULL;
      CdPdfFigure      figure = { number, MIN (area->y1, area->y2), NULL, MIN (area->x1, area->x2),
                                  MAX (area->x1, area->x2), FALSE };

      if (fabs ((area->x2 - area->x1) * (area->y2 - area->y1)) > BACKGROUND_SHARE * width * height)
        continue;
      if ((surface = poppler->page_get_image (page, image->image_id)) == NULL)
        continue;
      png = g_byte_array_new ();
      if (poppler->surface_write_to_png_stream (surface, append_png, png) == CAIRO_STATUS_SUCCESS)
        {
          name = g_strdup_printf ("picture-%u.png", g_hash_table_size (reader->document->parts));
          g_hash_table_insert (reader->document->parts, g_strdup (name),
                               g_byte_array_free_to_bytes (g_steal_pointer (&png)));
          figure.html = _cd_document_add_picture (reader->document, name, NULL);
        }
      poppler->surface_destroy (surface);
      if (figure.html != NULL)
        g_array_append_val (reader->figures, figure);
    }
  poppler->page_free_image_mapping (mapping);
}

/* Reads @page's glyphs, with their fonts and links, into lines in
 * reading order, and its pictures. */
static void
read_page (CdPdfReader *reader,
           PopplerPage *page,
           guint        number)
{
  const CdPoppler  *poppler = reader->poppler;
  g_autofree char  *text = poppler->page_get_text (page);
  PopplerRectangle *boxes = NULL;
  guint             n_boxes = 0;
  GList            *attributes = poppler->page_get_text_attributes (page);
  GList            *links = poppler->page_get_link_mapping (page);
  GList            *attribute = attributes;
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));
  g_autoptr (GPtrArray) lines = NULL;
  double width, height;
  guint  index = 0, poppler_line = 0;

  poppler->page_get_size (page, &width, &height);
  g_array_append_val (reader->heights, height);
  if (text != NULL && !poppler->page_get_text_layout (page, &boxes, &n_boxes))
    n_boxes = 0;
  for (const char *p = text != NULL ? text : ""; *p != '\0' && index < n_boxes; p = g_utf8_next_char (p), index++)
    {
      gunichar   c = g_utf8_get_char (p);
      CdPdfGlyph glyph = { c, boxes[index], 0, FALSE, FALSE, -1, index, poppler_line };

      poppler_line += c == '\n';
      /* Spaces come again from where the glyphs stand. */
      if (g_unichar_isspace (c) || c == 0xA0 || boxes[index].x2 <= boxes[index].x1)
        continue;
      while (attribute != NULL && ((PopplerTextAttributes *) attribute->data)->end_index < (int) index)
        attribute = attribute->next;
      if (attribute != NULL && ((PopplerTextAttributes *) attribute->data)->start_index <= (int) index)
        {
          const PopplerTextAttributes *font = attribute->data;

          glyph.size = font->font_size;
          glyph.bold = font_is_bold (font->font_name);
          glyph.italic = font_is_italic (font->font_name);
        }
      /* A font with no size: its glyphs' height tells it. */
      if (glyph.size <= 0)
        glyph.size = (glyph.box.y2 - glyph.box.y1) / 1.3;
      glyph.link = link_at (reader, links, height, &glyph.box);
      g_array_append_val (glyphs, glyph);
    }
  _cd_pdf_drop_angled (glyphs);
  lines = _cd_pdf_page_lines (glyphs, MAX (common_size (glyphs), 4.0));
  for (guint i = 0; i < lines->len; i++)
    {
      CdPdfLine *line = g_new0 (CdPdfLine, 1);

      line->glyphs = g_array_ref (g_ptr_array_index (lines, i));
      line->page = number;
      end_line (reader, line);
    }
  g_free (boxes);
  poppler->page_free_text_attributes (attributes);
  poppler->page_free_link_mapping (links);
  read_pictures (reader, page, number);
}

/* The body's leading, in sizes: the distance from one line of a
 * paragraph to the next most lines keep. */
static double
find_leading (const CdPdfReader *reader)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint best = 0;
  int   leading = 24; /* 1.2, in twentieths */

  for (guint i = 1; i < reader->lines->len; i++)
    {
      const CdPdfLine *a = g_ptr_array_index (reader->lines, i - 1);
      const CdPdfLine *b = g_ptr_array_index (reader->lines, i);
      double           pitch = b->y1 - a->y1;
      int              key;
      guint            n;

      if (a->page != b->page || fabs (a->size - b->size) >= 0.5 || a->size <= 0 || fabs (a->x1 - b->x1) > a->size ||
          pitch <= 0 || pitch > 3 * a->size)
        continue;
      key = (int) lround (pitch / a->size * 20);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (key))) + 1;
      g_hash_table_insert (counts, GINT_TO_POINTER (key), GUINT_TO_POINTER (n));
      if (n > best)
        best = n, leading = key;
    }
  return leading / 20.0;
}

/* The size most of the text is set in. */
static double
find_body_size (const CdPdfReader *reader)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));

  for (guint i = 0; i < reader->lines->len; i++)
    {
      const CdPdfLine *line = g_ptr_array_index (reader->lines, i);

      g_array_append_vals (all, line->glyphs->data, line->glyphs->len);
    }
  return common_size (all);
}

/* Where each line's column ends: the furthest a line reaches of those
 * that start where it does (within half its size) in its run: the lines
 * that follow one another in the same size, on the same page, starting
 * near the first of them (a column between its headings). A quotation
 * set in from both sides ends where its own lines do. */
/* Where the column beside the run of lines from @start to @end
 * (excluded) starts: three lines or more on its page, starting at the
 * same place well to the right of the run's start, beside most of the
 * run's lines; or G_MAXDOUBLE. A line of the run above or under it that
 * reaches into it (text across both columns) is not the run's column's. */
static double
column_beside (const CdPdfReader *reader,
               guint              start,
               guint              end)
{
  const CdPdfLine *first = g_ptr_array_index (reader->lines, start);
  double           limit = G_MAXDOUBLE, top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  guint            from = start, to = end, beside = 0;

  while (from > 0 && ((CdPdfLine *) g_ptr_array_index (reader->lines, from - 1))->page == first->page)
    from--;
  while (to < reader->lines->len && ((CdPdfLine *) g_ptr_array_index (reader->lines, to))->page == first->page)
    to++;
  for (guint k = from; k < to; k++)
    {
      const CdPdfLine *line = g_ptr_array_index (reader->lines, k);
      guint            same = 0;

      if ((k >= start && k < end) || line->dropped || line->x1 < first->x1 + 8 * first->size || line->x1 >= limit)
        continue;
      for (guint n = from; n < to; n++)
        same += !((CdPdfLine *) g_ptr_array_index (reader->lines, n))->dropped &&
                fabs (((CdPdfLine *) g_ptr_array_index (reader->lines, n))->x1 - line->x1) < 0.5 * line->size;
      if (same >= 3)
        limit = line->x1;
    }
  if (limit == G_MAXDOUBLE)
    return limit;
  for (guint k = from; k < to; k++)
    {
      const CdPdfLine *line = g_ptr_array_index (reader->lines, k);

      if (!line->dropped && fabs (line->x1 - limit) < 0.5 * line->size)
        top = MIN (top, line->y1), bottom = MAX (bottom, line->y2);
    }
  for (guint k = start; k < end; k++)
    beside += ((CdPdfLine *) g_ptr_array_index (reader->lines, k))->y1 >= top &&
              ((CdPdfLine *) g_ptr_array_index (reader->lines, k))->y2 <= bottom;
  return beside >= 0.8 * (end - start) ? limit : G_MAXDOUBLE;
}

static void
find_columns (CdPdfReader *reader)
{
  for (guint i = 0; i < reader->lines->len;)
    {
      const CdPdfLine *first = g_ptr_array_index (reader->lines, i);
      guint            end = i + 1;

      for (; end < reader->lines->len; end++)
        {
          const CdPdfLine *line = g_ptr_array_index (reader->lines, end);

          if (line->dropped)
            continue;
          if (line->page != first->page || fabs (line->size - first->size) >= 0.5 ||
              fabs (line->x1 - first->x1) > 4 * first->size)
            break;
        }
      double limit = column_beside (reader, i, end);

      for (guint k = i; k < end; k++)
        {
          CdPdfLine *line = g_ptr_array_index (reader->lines, k);

          line->right = line->x2;
          for (guint n = i; n < end; n++)
            {
              const CdPdfLine *other = g_ptr_array_index (reader->lines, n);

              if (!other->dropped && fabs (other->x1 - line->x1) < 0.5 * line->size && other->x2 < limit)
                line->right = MAX (line->right, other->x2);
            }
        }
      i = end;
    }
}

/* How many glyphs @line's list marker takes with the spaces after it,
 * or 0: a bullet, a dash, or (@ordered) a number or letter with a full
 * stop or a bracket ("1.", "b)"). */
static guint
raw_marker_length (const CdPdfLine *line,
                   gboolean        *ordered)
{
  GArray  *glyphs = line->glyphs;
  gunichar c = g_array_index (glyphs, CdPdfGlyph, 0).c;
  guint    n = 0;

  *ordered = FALSE;
  /* A bullet may stand with a tab after it, which is no glyph. */
  if (is_bullet (c) && glyphs->len > 1 && !g_unichar_isspace (g_array_index (glyphs, CdPdfGlyph, 1).c))
    return 1;
  if (is_bullet (c) || c == '-' || c == 0x2013)
    n = 1;
  else
    {
      while (n < glyphs->len && n < 3 && g_unichar_isdigit (g_array_index (glyphs, CdPdfGlyph, n).c))
        n++;
      if (n == 0 && g_unichar_islower (c))
        n = 1;
      if (n == 0 || n >= glyphs->len || strchr (".)", (int) g_array_index (glyphs, CdPdfGlyph, n).c) == NULL)
        return 0;
      n++;
      *ordered = TRUE;
    }
  if (n >= glyphs->len || !g_unichar_isspace (g_array_index (glyphs, CdPdfGlyph, n).c))
    return 0;
  while (n < glyphs->len && g_unichar_isspace (g_array_index (glyphs, CdPdfGlyph, n).c))
    n++;
  return n;
}

/* How many glyphs the line @index's list marker takes (raw_marker_length())
 * or 0. A dash, a number or a letter is a marker only where another line
 * near it on its page starts so in line with it ("– und ging." and
 * "3. Liga" alone are text). */
static guint
marker_length (const CdPdfReader *reader,
               guint              index,
               gboolean          *ordered)
{
  const CdPdfLine *line = g_ptr_array_index (reader->lines, index);
  guint            n = raw_marker_length (line, ordered);

  if (n == 0 || is_bullet (g_array_index (line->glyphs, CdPdfGlyph, 0).c))
    return n;
  for (guint k = index > 4 ? index - 4 : 0; k < MIN (index + 5, reader->lines->len); k++)
    {
      const CdPdfLine *other = g_ptr_array_index (reader->lines, k);
      gboolean         other_ordered;

      if (k != index && other->page == line->page && fabs (other->x1 - line->x1) < 1 &&
          raw_marker_length (other, &other_ordered) > 0 && other_ordered == *ordered &&
          (*ordered || g_array_index (other->glyphs, CdPdfGlyph, 0).c == g_array_index (line->glyphs, CdPdfGlyph, 0).c))
        return n;
    }
  return 0;
}

typedef struct
{
  GArray          *glyphs; /* the paragraph's, its lines joined (first: glyphs_owner_free()) */
  const CdPdfLine *first, *last;
  guint            skip;    /* glyphs of the list marker that starts it */
  gboolean         item;    /* a list's item */
  gboolean         ordered; /* a numbered one */
  double           text_x;  /* where an item's text starts */
  CdParaKind       kind;
  const char      *figure;     /* a picture's block (CdPdfFigure.html), with no glyphs */
  gboolean         letterhead; /* large text above the headline's own */
} Para;

/* Whether @a ends with a word broken at a hyphen that @b goes on with
 * ("opera-" "tor"). */
static gboolean
is_broken (const CdPdfLine *a,
           const CdPdfLine *b)
{
  GArray  *glyphs = a->glyphs;
  gunichar last = g_array_index (glyphs, CdPdfGlyph, glyphs->len - 1).c;

  return glyphs->len > 1 && (last == '-' || last == 0xAD) &&
         g_unichar_isalpha (g_array_index (glyphs, CdPdfGlyph, glyphs->len - 2).c) &&
         g_unichar_isalpha (g_array_index (b->glyphs, CdPdfGlyph, 0).c);
}

/* Whether @a is full: the first word of @b would not have fitted in the
 * room left at its end, so it went on to the next line; a line that
 * stops where the next word would have fitted ends its paragraph. */
static gboolean
is_full (const CdPdfLine *a,
         const CdPdfLine *b)
{
  const CdPdfGlyph *first = &g_array_index (b->glyphs, CdPdfGlyph, 0);
  double            word = 0;

  for (guint i = 0; i < b->glyphs->len; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (b->glyphs, CdPdfGlyph, i);

      if (g_unichar_isspace (glyph->c))
        break;
      word = glyph->box.x2 - first->box.x1;
    }
  return is_broken (a, b) || a->x2 + 0.2 * a->size + word > a->right;
}

/* Whether @line's first letter is in italic. */
static gboolean
first_italic (const CdPdfLine *line)
{
  for (guint i = 0; i < line->glyphs->len; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (line->glyphs, CdPdfGlyph, i);

      if (!g_unichar_isspace (glyph->c))
        return glyph->italic;
    }
  return FALSE;
}

/* Whether @b, a line that starts with no list marker, goes on with @para:
 * it follows at the text's leading (or at the top of the next column or
 * page), in the same size, where the line before it was full. */
static gboolean
continues (const CdPdfReader *reader,
           const Para        *para,
           const CdPdfLine   *b)
{
  const CdPdfLine *a = para->last;
  double           h = a->size;
  gboolean         larger = a->size >= reader->body * 1.1;
  gboolean         next_column = FALSE;

  /* A table's rows stand alone. */
  if (fabs (b->size - a->size) >= 0.5 || a->tabular || b->tabular)
    return FALSE;
  /* A heading in bold over text that is not; not a lead-in in bold. A
   * standfirst in italic over text that does not go on in italic. */
  if ((b->bold != a->bold && !is_full (a, b)) || (a->italic && !first_italic (b)))
    return FALSE;
  if (b->page == a->page)
    {
      double pitch = b->y1 - a->y1;

      /* Text either side of a box in the column: one line. */
      if (fabs (pitch) < 0.3 * h && b->x1 > a->x2)
        return TRUE;
      if (pitch <= 0 && b->x1 > a->x2)
        next_column = TRUE;
      else if (pitch <= 0 || pitch > (reader->leading + 0.25) * h)
        return FALSE;
    }
  else if (b->page != a->page + 1)
    return FALSE;
  if (next_column)
    return !larger && is_full (a, b);
  /* An item's lines stand under its text, or under its number where the
   * line before was full. */
  if (para->item)
    return fabs (b->x1 - para->text_x) < 0.6 * h || (fabs (b->x1 - para->first->x1) < 0.6 * h && is_full (a, b));
  /* A heading's lines may be centred, and short. */
  if (larger)
    return TRUE;
  /* A line further in starts a paragraph; one further out follows the
   * first line's indent only. */
  if (b->x1 > a->x1 + 0.8 * h || (b->x1 < a->x1 - 0.8 * h && a != para->first))
    return FALSE;
  return is_full (a, b);
}

/* The letters and figures of @glyphs from @start to @end, folded. */
static char *
fold_glyphs (GArray *glyphs,
             guint   start,
             guint   end)
{
  GString *word = g_string_new (NULL);

  for (guint i = start; i < end; i++)
    g_string_append_unichar (word, g_unichar_tolower (g_array_index (glyphs, CdPdfGlyph, i).c));
  return g_string_free (word, FALSE);
}

/* The word of @glyphs that ends at @end (excluded). */
static char *
word_before (GArray *glyphs,
             guint   end)
{
  guint start = end;

  while (start > 0 && g_unichar_isalnum (g_array_index (glyphs, CdPdfGlyph, start - 1).c))
    start--;
  return fold_glyphs (glyphs, start, end);
}

/* The word of @glyphs that starts at the first. */
static char *
first_word (GArray *glyphs)
{
  guint end = 0;

  while (end < glyphs->len && g_unichar_isalnum (g_array_index (glyphs, CdPdfGlyph, end).c))
    end++;
  return fold_glyphs (glyphs, 0, end);
}

/* Adds @line's glyphs to @para. A word broken at the end of the line
 * before is made whole again: a soft hyphen goes; a hyphen goes before a
 * small letter, unless the document writes the word with it elsewhere
 * ("night-time"), and stays before a capital or a figure
 * ("Nord-Süd-Verbindung", "COVID-19"). */
static void
add_line (const CdPdfReader *reader,
          Para              *para,
          const CdPdfLine   *line)
{
  GArray  *glyphs = para->glyphs;
  gunichar first = g_array_index (line->glyphs, CdPdfGlyph, 0).c;

  if (glyphs->len > 0)
    {
      CdPdfGlyph *last = &g_array_index (glyphs, CdPdfGlyph, glyphs->len - 1);
      gboolean    broken = glyphs->len > 1 && (last->c == '-' || last->c == 0x2010) &&
                        g_unichar_isalpha (g_array_index (glyphs, CdPdfGlyph, glyphs->len - 2).c) &&
                        g_unichar_isalnum (first);

      if (last->c == 0xAD)
        g_array_set_size (glyphs, glyphs->len - 1);
      else if (broken)
        {
          g_autofree char *before = word_before (glyphs, glyphs->len - 1);
          g_autofree char *after = first_word (line->glyphs);
          g_autofree char *whole = g_strconcat (before, "-", after, NULL);

          if (g_unichar_islower (first) && !g_hash_table_contains (reader->words, whole))
            g_array_set_size (glyphs, glyphs->len - 1);
        }
      else if (!g_unichar_isspace (last->c))
        {
          CdPdfGlyph space = *last;

          space.c = ' ';
          g_array_append_val (glyphs, space);
        }
    }
  g_array_append_vals (glyphs, line->glyphs->data, line->glyphs->len);
  para->last = line;
}

static Para *
para_new (const CdPdfReader *reader,
          guint              index)
{
  const CdPdfLine *line = g_ptr_array_index (reader->lines, index);
  Para            *para = g_new0 (Para, 1);

  para->glyphs = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));
  para->first = line;
  para->skip = marker_length (reader, index, &para->ordered);
  para->item = para->skip > 0;
  if (para->item)
    para->text_x = g_array_index (line->glyphs, CdPdfGlyph, para->skip).box.x1;
  add_line (reader, para, line);
  return para;
}

/* Adds the pictures not yet placed that stand above @line in its column
 * (those beside it do not: a picture in the right column stays there),
 * or on a page before its, to @paras; all of them for %NULL. */
static void
add_figures (const CdPdfReader *reader,
             GPtrArray         *paras,
             const CdPdfLine   *line)
{
  for (guint i = 0; i < reader->figures->len; i++)
    {
      CdPdfFigure *f = &g_array_index (reader->figures, CdPdfFigure, i);
      Para        *block;

      if (f->placed || (line != NULL && f->page >= line->page &&
                        (f->page > line->page || f->top > line->y1 || f->x2 <= line->x1 || f->x1 >= line->x2)))
        continue;
      block = g_new0 (Para, 1);
      block->glyphs = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));
      block->figure = f->html;
      f->placed = TRUE;
      g_ptr_array_add (paras, block);
    }
}

/* Gathers @reader's lines into paragraphs, with the pictures before the
 * first paragraph under them. */
static GPtrArray *
gather (CdPdfReader *reader)
{
  GPtrArray *paras = g_ptr_array_new_with_free_func (glyphs_owner_free);
  Para      *para = NULL;

  for (guint i = 0; i < reader->lines->len; i++)
    {
      const CdPdfLine *line = g_ptr_array_index (reader->lines, i);
      const char      *table;
      gboolean         ordered;
      guint            end;

      if (line->dropped)
        continue;
      if (para != NULL && marker_length (reader, i, &ordered) == 0 && continues (reader, para, line))
        {
          add_line (reader, para, line);
          continue;
        }
      add_figures (reader, paras, line);
      if (line->tabular && marker_length (reader, i, &ordered) == 0 && (table = _cd_pdf_read_table (reader, i, &end)))
        {
          para = g_new0 (Para, 1);
          para->glyphs = g_array_new (FALSE, FALSE, sizeof (CdPdfGlyph));
          para->figure = table;
          g_ptr_array_add (paras, para);
          para = NULL;
          i = end - 1;
          continue;
        }
      para = para_new (reader, i);
      g_ptr_array_add (paras, para);
    }
  add_figures (reader, paras, NULL);
  return paras;
}

/* The text of @para's glyphs. */
static char *
para_text (const Para *para)
{
  GString *text = g_string_new (NULL);

  for (guint i = para->skip; i < para->glyphs->len; i++)
    g_string_append_unichar (text, g_array_index (para->glyphs, CdPdfGlyph, i).c);
  return g_string_free (text, FALSE);
}

/* Whether @paras at @at begins, or goes on with, the sender's block under
 * a line to the desk (a date, an address). */
static gboolean
sender_block_at (GPtrArray *paras,
                 guint      at)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = at; i < paras->len && texts->len < 10; i++)
    if (((Para *) g_ptr_array_index (paras, i))->figure == NULL)
      g_ptr_array_add (texts, g_strstrip (para_text (g_ptr_array_index (paras, i))));
  return _cd_import_sender_length ((const char *const *) texts->pdata, texts->len, TRUE) > 0;
}

/* Where the press release's line to the desk ("NEWS RELEASE",
 * "EMBARGOED UNTIL …") stands among the short paragraphs after @title,
 * when a headline follows it: short, in bold or larger than the body, not
 * ending as a sentence does. Then @title above it is the sender's
 * letterhead, set large, and the headline is the one under the line.
 * Returns the headline's index, or G_MAXUINT. */
static guint
headline_under_release_line (const CdPdfReader *reader,
                             GPtrArray         *paras,
                             guint              title)
{
  gboolean seen = FALSE;

  for (guint i = title + 1; i < paras->len && i < title + 14; i++)
    {
      const Para      *para = g_ptr_array_index (paras, i);
      g_autofree char *text = NULL;
      gsize            n;

      if (para->figure != NULL)
        continue;
      if (para->first->page > 0 || para->glyphs->len > 150)
        return G_MAXUINT;
      text = g_strstrip (para_text (para));
      if (_cd_import_is_release_line (text))
        {
          seen = TRUE;
          continue;
        }
      if (!seen)
        {
          if (para->first->size >= reader->body * 1.15)
            return G_MAXUINT; /* the next run of large text: the headline's */
          continue;
        }
      if (sender_block_at (paras, i))
        continue;
      n = strlen (text);
      if (n > 0 && (para->first->bold || para->first->size >= reader->body * 1.05) && strchr (".,;:", text[n - 1]) == NULL)
        return i;
      return G_MAXUINT;
    }
  return G_MAXUINT;
}

/* Marks the large text of @paras before @end as the letterhead. */
static void
mark_letterhead (const CdPdfReader *reader,
                 GPtrArray         *paras,
                 guint              end)
{
  for (guint k = 0; k < end; k++)
    {
      Para *para = g_ptr_array_index (paras, k);

      para->letterhead = para->figure == NULL && para->first->size >= reader->body * 1.15;
    }
}

/* What each paragraph is: text larger than the body at the top of the
 * first page is the title (the largest) and the subtitle (the next,
 * smaller); larger text further on a heading, or a subheading a little
 * larger than the body. A paragraph in bold stays one: the document's
 * style, not its look, would tell it is a heading. */
static void
classify (const CdPdfReader *reader,
          GPtrArray         *paras)
{
  double title_size = 0;
  guint  title = G_MAXUINT;
  guint  run = G_MAXUINT; /* where the run of large paragraphs starts */

  for (guint i = 0; i < paras->len; i++)
    {
      const Para *para = g_ptr_array_index (paras, i);
      double      size;

      if (para->figure != NULL)
        continue;
      if (para->first->page > 0)
        break;
      size = para->first->size;
      if (size < reader->body * 1.1 && para->glyphs->len > 150)
        break;
      if (size < reader->body * 1.15)
        {
          run = G_MAXUINT;
          continue;
        }
      /* The headline is the largest of the last run above the story: a
       * letterhead stands apart from it ("FOR IMMEDIATE RELEASE" or a
       * date between them), and goes to the note. */
      if (run == G_MAXUINT)
        {
          run = i;
          if (title != G_MAXUINT)
            mark_letterhead (reader, paras, i);
          title_size = 0;
        }
      if (size > title_size)
        title = i, title_size = size;
    }
  if (title != G_MAXUINT)
    {
      guint headline = headline_under_release_line (reader, paras, title);

      if (headline != G_MAXUINT)
        {
          mark_letterhead (reader, paras, headline);
          title = headline;
          title_size = ((Para *) g_ptr_array_index (paras, title))->first->size;
        }
    }
  for (guint i = 0; i < paras->len; i++)
    {
      Para  *para = g_ptr_array_index (paras, i);
      double ratio;

      if (para->figure != NULL)
        continue;
      ratio = para->first->size / reader->body;
      if (i == title)
        para->kind = CD_PARA_TITLE;
      else if (title != G_MAXUINT && i == title + 1 && ratio >= 1.05 && para->first->size < title_size)
        para->kind = CD_PARA_SUBTITLE;
      else if (para->item)
        para->kind = CD_PARA_LIST;
      else if (ratio >= 1.2)
        para->kind = CD_PARA_HEADING;
      else if (ratio >= 1.1)
        para->kind = CD_PARA_SUBHEADING;
    }
}

/* Appends @run with @format to @in, and empties it. */
static void
flush_run (CdInline       *in,
           GString        *run,
           const gboolean *format)
{
  _cd_inline_append (in, run->str, format);
  g_string_truncate (run, 0);
}

/* Appends @glyphs from @from to @to (excluded) to @in: their text in runs
 * of the same bold (but for @whole_bold: a heading's bold is its own),
 * italic and link. */
void
_cd_pdf_append_glyphs (const CdPdfReader *reader,
                       CdInline          *in,
                       GArray            *glyphs,
                       guint              from,
                       guint              to,
                       gboolean           whole_bold)
{
  g_autoptr (GString) run = g_string_new (NULL);
  gboolean format[CD_N_FORMATS] = { FALSE };
  int      link = -1;

  for (guint i = from; i < to; i++)
    {
      const CdPdfGlyph *glyph = &g_array_index (glyphs, CdPdfGlyph, i);
      gboolean          want[CD_N_FORMATS] = { glyph->bold && !whole_bold, glyph->italic, FALSE };

      /* A space takes the formatting around it. */
      if (g_unichar_isspace (glyph->c))
        memcpy (want, format, sizeof want);
      if (glyph->link != link || memcmp (want, format, sizeof want) != 0)
        flush_run (in, run, format);
      if (glyph->link != link && !g_unichar_isspace (glyph->c))
        {
          if (link >= 0)
            _cd_inline_close_link (in);
          if (glyph->link >= 0)
            _cd_inline_open_link (in, g_ptr_array_index (reader->links, glyph->link));
          link = glyph->link;
        }
      memcpy (format, want, sizeof format);
      g_string_append_unichar (run, glyph->c);
    }
  flush_run (in, run, format);
  if (link >= 0)
    _cd_inline_close_link (in);
}

/* @para as the document's paragraph. */
static CdPara *
to_document_para (const CdPdfReader *reader,
                  const Para        *para,
                  guint              level)
{
  CdInline in;
  CdPara  *result;

  if (para->figure != NULL)
    return _cd_para_new_block (g_strdup (para->figure));
  _cd_inline_init (&in);
  _cd_pdf_append_glyphs (reader, &in, para->glyphs, para->skip, para->glyphs->len,
                         para->first->bold && para->kind != CD_PARA_TEXT && para->kind != CD_PARA_LIST);
  result = _cd_inline_finish (&in, para->kind);
  result->ordered = para->ordered;
  result->level = level;
  return result;
}

/* Adds the words of @glyphs, folded, with their hyphens, to @words. */
static void
collect_words (GHashTable *words,
               GArray     *glyphs)
{
  g_autoptr (GString) word = g_string_new (NULL);

  for (guint i = 0; i <= glyphs->len; i++)
    {
      gunichar c = i < glyphs->len ? g_array_index (glyphs, CdPdfGlyph, i).c : ' ';

      if (g_unichar_isalnum (c) || ((c == '-' || c == 0x2010) && word->len > 0))
        g_string_append_unichar (word, c == 0x2010 ? '-' : g_unichar_tolower (c));
      else if (word->len > 0)
        {
          g_hash_table_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
    }
}

/* Pictures by page, then from the top. */
static int
compare_figures (gconstpointer a,
                 gconstpointer b)
{
  const CdPdfFigure *fa = a, *fb = b;

  if (fa->page != fb->page)
    return fa->page < fb->page ? -1 : 1;
  return fa->top < fb->top ? -1 : fa->top > fb->top;
}

static void
reader_clear (CdPdfReader *reader)
{
  g_clear_pointer (&reader->lines, g_ptr_array_unref);
  g_clear_pointer (&reader->links, g_ptr_array_unref);
  g_clear_pointer (&reader->figures, g_array_unref);
  g_clear_pointer (&reader->tables, g_ptr_array_unref);
  g_clear_pointer (&reader->heights, g_array_unref);
  g_clear_pointer (&reader->words, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CdPdfReader, reader_clear)

static gboolean
read_pdf (CdDocument *document,
          GPtrArray  *paras,
          GString    *notes,
          const char *origin,
          GError    **error)
{
  GBytes          *bytes = g_hash_table_lookup (document->parts, CD_DOCUMENT_FILE_PART);
  const CdPoppler *poppler = _cd_pdf_poppler ();
  g_auto (CdPdfReader) reader = { document, poppler };
  g_autoptr (GError) local = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (GPtrArray) gathered = NULL;
  double list_x = 0;
  int    pages;

  if (poppler == NULL)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                   "%s: reading a PDF needs poppler-glib (Debian's libpoppler-glib8), which is not installed.",
                   origin);
      return FALSE;
    }
  if ((pdf = poppler->document_new_from_bytes (bytes, NULL, &local)) == NULL)
    {
      if (g_error_matches (local, poppler->error_quark (), POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                     "%s: the PDF is protected by a password; open it, remove the password and import it again.",
                     origin);
      else
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID, "%s: the PDF is damaged; it cannot be read.",
                     origin);
      return FALSE;
    }
  reader.lines = g_ptr_array_new_with_free_func (glyphs_owner_free);
  reader.links = g_ptr_array_new_with_free_func (g_free);
  reader.figures = g_array_new (FALSE, FALSE, sizeof (CdPdfFigure));
  g_array_set_clear_func (reader.figures, figure_clear);
  reader.tables = g_ptr_array_new_with_free_func (g_free);
  reader.heights = g_array_new (FALSE, FALSE, sizeof (double));
  pages = poppler->document_get_n_pages (pdf);
  for (int i = 0; i < MIN (pages, MAX_PAGES); i++)
    {
      g_autoptr (PopplerPage) page = poppler->document_get_page (pdf, i);

      if (page != NULL)
        read_page (&reader, page, (guint) i);
    }
  if (reader.lines->len == 0)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the PDF has no text in it, only pictures of its pages (a scan, perhaps); it cannot be "
                   "imported.",
                   origin);
      return FALSE;
    }
  if (pages > MAX_PAGES)
    {
      g_autofree char *note = g_strdup_printf ("The PDF has %d pages; the first %d were read.", pages, MAX_PAGES);

      _cd_import_add_note (notes, note);
    }
  reader.words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < reader.lines->len; i++)
    collect_words (reader.words, ((CdPdfLine *) g_ptr_array_index (reader.lines, i))->glyphs);
  g_array_sort (reader.figures, compare_figures);
  reader.body = find_body_size (&reader);
  reader.leading = find_leading (&reader);
  _cd_pdf_drop_furniture (&reader);
  find_columns (&reader);
  gathered = gather (&reader);
  classify (&reader, gathered);
  for (guint i = 0; i < gathered->len; i++)
    {
      const Para *para = g_ptr_array_index (gathered, i);
      guint       level = 0;

      if (para->item)
        {
          const Para *before = i > 0 ? g_ptr_array_index (gathered, i - 1) : NULL;

          if (before == NULL || !before->item)
            list_x = para->first->x1;
          level = para->first->x1 > list_x + 0.8 * para->first->size ? 1 : 0;
        }
      if (para->letterhead)
        {
          CdPara *head = to_document_para (&reader, para, 0);

          _cd_import_add_note (notes, head->text);
          _cd_para_free (head);
          continue;
        }
      g_ptr_array_add (paras, to_document_para (&reader, para, level));
    }
  document->footnotes += reader.footnotes;
  return TRUE;
}

const CdDocumentFormat _cd_pdf_format = { "PDF document", "a PDF document (.pdf)", TRUE, read_pdf };
