/* cd-import-odt.c: OpenDocument text (.odt), as LibreOffice Writer saves
 * it, the word processor of most Linux desks: content.xml read with
 * libxml2 into paragraphs (cd-import-document.c makes the article of
 * them): the styles' title, subtitle, headings and quotations (by their
 * names and the styles they are based on), lists bulleted or numbered as
 * their list styles number them, tables, bold, italic, struck text and
 * links. Tracked changes are read as accepted, comments go to the note,
 * and pictures to the store with their descriptions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cd-import-document-private.h"
#include "cd-import-private.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* A style, paragraph or text, as far as the story cares. */
typedef struct
{
  char    *name;      /* its display name, lower case ("heading 1") */
  char    *parent;    /* the style it is based on, or NULL */
  char    *list;      /* the list style it gives its paragraphs, or NULL */
  gboolean automatic; /* the document's own, not one of the named styles */
  gboolean hidden;    /* its text is not shown (text:display="none") */
  gboolean set[CD_N_FORMATS];
  gboolean value[CD_N_FORMATS];
} Style;

typedef struct
{
  CdDocument *document;
  GHashTable *styles;   /* style:name → Style (paragraph and text, automatic and named) */
  GHashTable *numbered; /* "list style:level" → itself, for numbered levels */
  guint       tables;   /* how deep in tables the paragraph being read is */
} Reader;

static void
style_free (gpointer data)
{
  Style *style = data;

  g_free (style->name);
  g_free (style->parent);
  g_free (style->list);
  g_free (style);
}

#define is _cd_xml_is
#define child_of _cd_xml_child
#define attr _cd_xml_attr

/* "Heading_20_1" → "heading 1": ODF's names encode spaces as "_20_". */
static char *
display_name (xmlNode *style)
{
  g_autofree char *shown = attr (style, NS_STYLE, "display-name");
  g_autofree char *name = shown != NULL ? g_steal_pointer (&shown) : attr (style, NS_STYLE, "name");
  g_auto (GStrv) parts = NULL;
  g_autofree char *joined = NULL;

  if (name == NULL)
    return NULL;
  parts = g_strsplit (name, "_20_", -1);
  joined = g_strjoinv (" ", parts);
  return g_ascii_strdown (joined, -1);
}

/* Reads the formatting @props (style:text-properties) sets. */
static void
read_text_properties (xmlNode *props,
                      Style   *style)
{
  g_autofree char *weight = attr (props, NS_FO, "font-weight");
  g_autofree char *font_style = attr (props, NS_FO, "font-style");
  g_autofree char *through = attr (props, NS_STYLE, "text-line-through-style");
  g_autofree char *display = attr (props, NS_TEXT, "display");

  if (weight != NULL)
    {
      style->set[CD_FORMAT_BOLD] = TRUE;
      style->value[CD_FORMAT_BOLD] = g_str_equal (weight, "bold") || g_ascii_strtoull (weight, NULL, 10) >= 600;
    }
  if (font_style != NULL)
    {
      style->set[CD_FORMAT_ITALIC] = TRUE;
      style->value[CD_FORMAT_ITALIC] = g_str_equal (font_style, "italic") || g_str_equal (font_style, "oblique");
    }
  if (through != NULL)
    {
      style->set[CD_FORMAT_STRUCK] = TRUE;
      style->value[CD_FORMAT_STRUCK] = !g_str_equal (through, "none");
    }
  style->hidden = g_strcmp0 (display, "none") == 0;
}

/* Reads the styles under @container (office:styles, office:automatic-styles):
 * paragraph and text styles, list styles' numbered levels, and the
 * default paragraph style's language. */
static void
read_styles (Reader  *reader,
             xmlNode *container,
             gboolean automatic)
{
  for (xmlNode *node = container != NULL ? container->children : NULL; node != NULL; node = node->next)
    {
      if (is (node, NS_STYLE, "style"))
        {
          Style *style = g_new0 (Style, 1);
          char  *key = attr (node, NS_STYLE, "name");

          if (key == NULL)
            {
              g_free (style);
              continue;
            }
          style->name = display_name (node);
          style->parent = attr (node, NS_STYLE, "parent-style-name");
          style->list = attr (node, NS_STYLE, "list-style-name");
          style->automatic = automatic;
          read_text_properties (child_of (node, NS_STYLE, "text-properties"), style);
          g_hash_table_insert (reader->styles, key, style);
        }
      else if (is (node, NS_TEXT, "list-style"))
        {
          g_autofree char *name = attr (node, NS_STYLE, "name");

          for (xmlNode *level = node->children; level != NULL && name != NULL; level = level->next)
            {
              g_autofree char *n = attr (level, NS_TEXT, "level");
              g_autofree char *format = attr (level, NS_STYLE, "num-format");

              /* A numbered level with no numbers shown is a plain list. */
              if (is (level, NS_TEXT, "list-level-style-number") && n != NULL && format != NULL &&
                  *format != '\0')
                {
                  char *key = g_strdup_printf ("%s:%s", name, n);

                  g_hash_table_insert (reader->numbered, key, key);
                }
            }
        }
      else if (is (node, NS_STYLE, "default-style") && reader->document->language == NULL)
        {
          g_autofree char *family = attr (node, NS_STYLE, "family");
          xmlNode         *props = child_of (node, NS_STYLE, "text-properties");
          g_autofree char *language = attr (props, NS_FO, "language");
          g_autofree char *country = attr (props, NS_FO, "country");

          if (g_strcmp0 (family, "paragraph") == 0 && language != NULL && g_ascii_isalpha (*language) &&
              !g_str_equal (language, "zxx"))
            reader->document->language = country != NULL && g_ascii_isalpha (*country)
                                             ? g_strdup_printf ("%s-%s", language, country)
                                             : g_steal_pointer (&language);
        }
    }
}

/* The style @name, then those it is based on, up to @depth. */
static const Style *
lookup_style (Reader     *reader,
              const char *name)
{
  return name != NULL ? g_hash_table_lookup (reader->styles, name) : NULL;
}

/* Applies the formatting of the style @name (and of those it is based
 * on, nearer ones first) to @format; with @own_only, only of the
 * document's own styles: a paragraph set in bold by hand is bold, a
 * heading or a table's head in its named style's bold is not. */
static void
apply_style (Reader     *reader,
             const char *name,
             gboolean    own_only,
             gboolean   *format)
{
  gboolean decided[CD_N_FORMATS] = { FALSE };

  for (guint depth = 0; depth < 8; depth++)
    {
      const Style *style = lookup_style (reader, name);

      if (style == NULL || (own_only && !style->automatic))
        return;
      for (guint k = 0; k < CD_N_FORMATS; k++)
        if (style->set[k] && !decided[k])
          {
            format[k] = style->value[k];
            decided[k] = TRUE;
          }
      name = style->parent;
    }
}

/* The list style the paragraph style @name (or one it is based on) gives
 * its paragraphs, or "". */
static const char *
list_style_of (Reader     *reader,
               const char *name)
{
  for (guint depth = 0; depth < 8; depth++)
    {
      const Style *style = lookup_style (reader, name);

      if (style == NULL)
        return "";
      if (style->list != NULL)
        return style->list;
      name = style->parent;
    }
  return "";
}

/* What the paragraph style @name, or the first it is based on that says,
 * makes a paragraph. */
static CdParaKind
kind_of_style (Reader     *reader,
               const char *name)
{
  for (guint depth = 0; depth < 8; depth++)
    {
      const Style *style = lookup_style (reader, name);
      const char  *shown;

      if (style == NULL)
        return CD_PARA_TEXT;
      shown = style->name != NULL ? style->name : "";
      if (g_str_equal (shown, "title"))
        return CD_PARA_TITLE;
      if (g_str_equal (shown, "subtitle"))
        return CD_PARA_SUBTITLE;
      if (g_str_equal (shown, "heading 1") || g_str_equal (shown, "heading 2"))
        return CD_PARA_HEADING;
      if (g_str_has_prefix (shown, "heading ") && g_ascii_isdigit (shown[strlen ("heading ")]))
        return CD_PARA_SUBHEADING;
      if (g_str_has_prefix (shown, "quot") || g_str_has_prefix (shown, "block quot"))
        return CD_PARA_QUOTE;
      /* LibreOffice's Caption, and Figure and Illustration based on it */
      if (g_str_equal (shown, "caption") || g_str_equal (shown, "figure") ||
          g_str_equal (shown, "illustration"))
        return CD_PARA_CAPTION;
      name = style->parent;
    }
  return CD_PARA_TEXT;
}

/* The text of the annotation @node, for the note. */
static void
read_annotation (xmlNode *node,
                 GString *notes)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *author = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *content = (char *) xmlNodeGetContent (child);

      if (is (child, NS_DC, "creator"))
        author = g_steal_pointer (&content);
      else if ((is (child, NS_TEXT, "p") || is (child, NS_TEXT, "list")) && content != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", g_strstrip (content));
    }
  _cd_document_add_comment (notes, author, text->str);
}

/* The first picture under the frame @node, with its description. */
static char *
take_picture (Reader  *reader,
              xmlNode *node)
{
  g_autofree char *desc = NULL;
  g_autofree char *title = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is (child, NS_SVG, "desc"))
        desc = (char *) xmlNodeGetContent (child);
      else if (is (child, NS_SVG, "title"))
        title = (char *) xmlNodeGetContent (child);
    }
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *href = attr (child, NS_XLINK, "href");

      if (is (child, NS_DRAW, "image") && href != NULL)
        return _cd_document_add_picture (reader->document, g_str_has_prefix (href, "./") ? href + 2 : href,
                                         desc != NULL && *desc != '\0' ? desc : title);
    }
  return NULL;
}

/* Reads the text under @node (a paragraph, a span, a link) with @format
 * into @in; pictures' HTML to @pictures, comments to @notes. */
static void
read_text (Reader         *reader,
           xmlNode        *node,
           const gboolean *format,
           CdInline       *in,
           GString        *pictures,
           GString        *notes)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          g_autofree char *text = g_strdup ((const char *) child->content);

          /* White space in ODF text collapses as in HTML; text:s keeps it. */
          g_strdelimit (text, "\n\r\t", ' ');
          _cd_inline_append (in, text, format);
        }
      else if (is (child, NS_TEXT, "s"))
        {
          g_autofree char *count = attr (child, NS_TEXT, "c");
          guint            n = count != NULL ? CLAMP (g_ascii_strtoull (count, NULL, 10), 1, 64) : 1;
          g_autofree char *spaces = g_strnfill (n, ' ');

          _cd_inline_append (in, spaces, format);
        }
      else if (is (child, NS_TEXT, "tab"))
        _cd_inline_append (in, " ", format);
      else if (is (child, NS_TEXT, "line-break"))
        _cd_inline_line_break (in);
      else if (is (child, NS_TEXT, "span"))
        {
          g_autofree char *style = attr (child, NS_TEXT, "style-name");
          gboolean         inner[CD_N_FORMATS];

          memcpy (inner, format, sizeof inner);
          apply_style (reader, style, FALSE, inner);
          /* Hidden text is left out, as the word processor shows it. */
          if (lookup_style (reader, style) == NULL || !lookup_style (reader, style)->hidden)
            read_text (reader, child, inner, in, pictures, notes);
        }
      else if (is (child, NS_TEXT, "a"))
        {
          g_autofree char *href = attr (child, NS_XLINK, "href");
          gboolean         out = href != NULL && (g_str_has_prefix (href, "http://") ||
                                          g_str_has_prefix (href, "https://") ||
                                          g_str_has_prefix (href, "mailto:"));

          if (out)
            _cd_inline_open_link (in, href);
          read_text (reader, child, format, in, pictures, notes);
          if (out)
            _cd_inline_close_link (in);
        }
      else if (is (child, NS_DRAW, "frame") || is (child, NS_DRAW, "a"))
        {
          g_autofree char *img = is (child, NS_DRAW, "frame") ? take_picture (reader, child) : NULL;

          if (img != NULL)
            g_string_append (pictures, img);
          else if (is (child, NS_DRAW, "frame"))
            _cd_document_read_text_box (notes, child);
          else if (is (child, NS_DRAW, "a"))
            read_text (reader, child, format, in, pictures, notes);
        }
      else if (is (child, NS_TEXT, "note"))
        reader->document->footnotes++;
      else if (is (child, NS_OFFICE, "annotation"))
        read_annotation (child, notes);
      else if (is (child, NS_TEXT, "change-start") || is (child, NS_TEXT, "change"))
        reader->document->changes++;
      else if (is (child, NS_TEXT, "meta") || is (child, NS_TEXT, "ruby") || is (child, NS_TEXT, "ruby-base"))
        read_text (reader, child, format, in, pictures, notes);
    }
}

/* The paragraph or heading @node as @kind (or its style's); pictures to
 * @pictures. */
static CdPara *
read_paragraph (Reader  *reader,
                xmlNode *node,
                GString *pictures,
                GString *notes)
{
  g_autofree char *style = attr (node, NS_TEXT, "style-name");
  gboolean         format[CD_N_FORMATS] = { FALSE };
  CdParaKind       kind = kind_of_style (reader, style);
  CdInline         in;

  /* A heading by its outline level where its style says nothing. */
  if (kind == CD_PARA_TEXT && is (node, NS_TEXT, "h"))
    {
      g_autofree char *level = attr (node, NS_TEXT, "outline-level");
      guint64          n = level != NULL ? g_ascii_strtoull (level, NULL, 10) : 1;

      kind = n <= 2 ? CD_PARA_HEADING : CD_PARA_SUBHEADING;
    }
  /* A body paragraph's style lends it its bold and italic (a
   * standfirst's style in italic); a quotation's and a table cell's
   * (a head's bold) their own formatting only. */
  if (kind == CD_PARA_TEXT || kind == CD_PARA_QUOTE)
    apply_style (reader, style, kind == CD_PARA_QUOTE || reader->tables > 0, format);
  _cd_inline_init (&in);
  read_text (reader, node, format, &in, pictures, notes);
  return _cd_inline_finish (&in, kind);
}

static void read_blocks (Reader    *reader,
                         xmlNode   *node,
                         GPtrArray *paras,
                         GString   *notes,
                         guint      depth);

/* The list @node, at @level with the list style @list_style (the
 * outermost list's, unless it names its own), into @paras. */
static void
read_list (Reader     *reader,
           xmlNode    *node,
           const char *list_style,
           guint       level,
           GPtrArray  *paras,
           GString    *notes)
{
  g_autofree char *own = attr (node, NS_TEXT, "style-name");

  if (level > 8)
    return;
  if (own != NULL)
    list_style = own;
  for (xmlNode *item = node->children; item != NULL; item = item->next)
    {
      if (!is (item, NS_TEXT, "list-item") && !is (item, NS_TEXT, "list-header"))
        continue;
      for (xmlNode *child = item->children; child != NULL; child = child->next)
        {
          g_autoptr (GString) pictures = g_string_new (NULL);

          if (is (child, NS_TEXT, "p") || is (child, NS_TEXT, "h"))
            {
              CdPara          *para = read_paragraph (reader, child, pictures, notes);
              g_autofree char *style = attr (child, NS_TEXT, "style-name");
              g_autofree char *key = NULL;

              /* The list's style, else the one its paragraphs' style gives. */
              key = g_strdup_printf ("%s:%u", list_style != NULL ? list_style : list_style_of (reader, style),
                                     level + 1);
              para->kind = CD_PARA_LIST;
              para->level = level;
              para->ordered = g_hash_table_contains (reader->numbered, key);
              g_ptr_array_add (paras, para);
            }
          else if (is (child, NS_TEXT, "list"))
            read_list (reader, child, list_style, level + 1, paras, notes);
          _cd_document_add_pictures (paras, pictures);
        }
    }
}

/* The table @node: its HTML, each cell's paragraphs in one line of text,
 * the first row its head; and its paragraphs. */
static void
read_table (Reader    *reader,
            xmlNode   *node,
            GPtrArray *paras,
            GString   *pictures,
            GString   *notes)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  CdTable table;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is (child, NS_TABLE, "table-row"))
        g_ptr_array_add (rows, child);
      else if (is (child, NS_TABLE, "table-header-rows") || is (child, NS_TABLE, "table-rows") ||
               is (child, NS_TABLE, "table-row-group"))
        for (xmlNode *row = child->children; row != NULL; row = row->next)
          if (is (row, NS_TABLE, "table-row"))
            g_ptr_array_add (rows, row);
    }
  _cd_table_init (&table);
  for (guint r = 0; r < rows->len; r++)
    {
      for (xmlNode *cell = ((xmlNode *) g_ptr_array_index (rows, r))->children; cell != NULL; cell = cell->next)
        {
          if (!is (cell, NS_TABLE, "table-cell") && !is (cell, NS_TABLE, "covered-table-cell"))
            continue;
          reader->tables++;
          for (xmlNode *p = cell->children; p != NULL; p = p->next)
            if (is (p, NS_TEXT, "p") || is (p, NS_TEXT, "h"))
              g_ptr_array_add (table.cell, read_paragraph (reader, p, pictures, notes));
          reader->tables--;
          _cd_table_end_cell (&table, 1);
        }
      _cd_table_end_row (&table);
    }
  _cd_table_flush (&table, paras);
  _cd_table_clear (&table);
}

/* Reads the block-level content of @node (office:text, a section) into
 * @paras. */
static void
read_blocks (Reader    *reader,
             xmlNode   *node,
             GPtrArray *paras,
             GString   *notes,
             guint      depth)
{
  if (depth > 32)
    return;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autoptr (GString) pictures = g_string_new (NULL);

      if (is (child, NS_TEXT, "p") || is (child, NS_TEXT, "h"))
        g_ptr_array_add (paras, read_paragraph (reader, child, pictures, notes));
      else if (is (child, NS_TEXT, "list"))
        read_list (reader, child, NULL, 0, paras, notes);
      else if (is (child, NS_TABLE, "table"))
        read_table (reader, child, paras, pictures, notes);
      else if (is (child, NS_TEXT, "section"))
        read_blocks (reader, child, paras, notes, depth + 1);
      else if (is (child, NS_TEXT, "tracked-changes"))
        /* What was deleted is kept here, out of the text. */
        for (xmlNode *region = child->children; region != NULL; region = region->next)
          reader->document->changes += is (region, NS_TEXT, "changed-region");
      else if (is (child, NS_DRAW, "frame"))
        {
          g_autofree char *img = take_picture (reader, child);

          if (img != NULL)
            g_string_append (pictures, img);
          else
            _cd_document_read_text_box (notes, child);
        }
      _cd_document_add_pictures (paras, pictures);
    }
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->styles, g_hash_table_unref);
  g_clear_pointer (&reader->numbered, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

/* Reads the OpenDocument text unpacked in @document into @paras. */
/* Adds the paragraphs of the page heads under @node (the master pages'
 * style:header, style:header-first, style:header-left) to the document's
 * page heads. */
static void
read_page_heads (CdDocument *document,
                 xmlNode    *node,
                 gboolean    in_head,
                 guint       depth)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL && depth < 16; child = child->next)
    {
      g_autoptr (GString) text = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!in_head || (!is (child, NS_TEXT, "p") && !is (child, NS_TEXT, "h")))
        {
          read_page_heads (document, child, in_head || is (child, NS_STYLE, "header") || is (child, NS_STYLE, "header-first") || is (child, NS_STYLE, "header-left"),
                           depth + 1);
          continue;
        }
      text = g_string_new (NULL);
      _cd_document_shown_text (child, text);
      _cd_document_add_page_head (document, text->str);
    }
}

static gboolean
read_odt (CdDocument *document,
          GPtrArray  *paras,
          GString    *notes,
          const char *origin,
          GError    **error)
{
  g_auto (Reader) reader = { document };
  g_autoptr (xmlDoc) styles = NULL;
  g_autoptr (xmlDoc) content = NULL;
  xmlNode *root, *text;

  reader.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  reader.numbered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The named styles first, then the document's own, which may be based
   * on them. */
  styles = _cd_document_parse (document, "styles.xml");
  if (styles != NULL && (root = xmlDocGetRootElement (styles)) != NULL)
    {
      read_styles (&reader, child_of (root, NS_OFFICE, "styles"), FALSE);
      read_styles (&reader, child_of (root, NS_OFFICE, "automatic-styles"), TRUE);
      read_page_heads (document, child_of (root, NS_OFFICE, "master-styles"), FALSE, 0);
    }
  content = _cd_document_parse (document, "content.xml");
  root = content != NULL ? xmlDocGetRootElement (content) : NULL;
  text = child_of (child_of (root, NS_OFFICE, "body"), NS_OFFICE, "text");
  if (text == NULL)
    {
      _cd_document_set_parse_error (document, "content.xml", origin, error);
      return FALSE;
    }
  read_styles (&reader, child_of (root, NS_OFFICE, "automatic-styles"), TRUE);
  read_blocks (&reader, text, paras, notes, 0);
  return TRUE;
}

/* OpenDocument text (see %CD_IMPORT_FORMAT_ODT). */
const CdDocumentFormat _cd_odt_format = { "OpenDocument text", "an OpenDocument text (.odt)", FALSE,
                                          read_odt };
