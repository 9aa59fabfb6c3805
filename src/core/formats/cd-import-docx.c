/* cd-import-docx.c: Word documents (.docx, Office Open XML), as reporters
 * and stringers file their copy: the WordprocessingML of the package read
 * with libxml2 into paragraphs (cd-import-document.c makes the article of
 * them): the styles' title, subtitle, headings and quotes (by their names,
 * so that a German Word's style ids read the same), lists bulleted or
 * numbered as numbering.xml numbers them, tables, bold, italic, struck
 * text and links. Tracked changes are read as accepted, comments go to
 * the note, and pictures to the store with the description Word holds for
 * them.
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

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_RELS "http://schemas.openxmlformats.org/package/2006/relationships"

typedef struct
{
  CdDocument *document;
  GHashTable *links;      /* the document's relationship id → target */
  GHashTable *styles;     /* style id → its name, lower case ("heading 1") */
  GHashTable *based_on;   /* style id → the id of the style it is based on */
  GHashTable *run_rpr;    /* style id → its run properties (w:rPr), in @styles_doc */
  const char *para_style; /* the style of the body's paragraph being read */
  guint       tables;     /* how deep in tables the paragraph being read is */
  xmlDoc     *styles_doc;
  GHashTable *numbered; /* "numId:ilvl" → itself, for numbered (not bulleted) levels */
  char       *dir;      /* the folder of the document part, with its "/" */
  GString    *notes;    /* the note's text: comments, text boxes */
} Reader;

static gboolean
is_w (xmlNode    *node,
      const char *name)
{
  return _cd_xml_is (node, NS_W, name);
}

static xmlNode *
w_child (xmlNode    *node,
         const char *name)
{
  return _cd_xml_child (node, NS_W, name);
}

static char *
w_attr (xmlNode    *node,
        const char *name)
{
  return _cd_xml_attr (node, NS_W, name);
}

/* Whether the switch @node (w:b, w:i, …) is on: present, and not set to
 * "0", "false" or "off". */
static gboolean
switch_on (xmlNode *node)
{
  g_autofree char *value = w_attr (node, "val");

  return node != NULL && (value == NULL || !(g_str_equal (value, "0") || g_str_equal (value, "false") ||
                                             g_str_equal (value, "off") || g_str_equal (value, "none")));
}

/* @target (a relationship's, relative to @dir unless it starts with "/")
 * as a part name. */
static char *
part_name (const char *dir,
           const char *target)
{
  g_autofree char *joined = *target == '/' ? g_strdup (target + 1) : g_strconcat (dir, target, NULL);
  g_auto (GStrv) segments = g_strsplit (joined, "/", -1);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (g_str_equal (segments[i], "..") && kept->len > 0)
        g_ptr_array_remove_index (kept, kept->len - 1);
      else if (*segments[i] != '\0' && !g_str_equal (segments[i], ".") && !g_str_equal (segments[i], ".."))
        g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* Reads the relationships part @name into @links (id → part name, or the
 * address of an external link); returns the target of the first of type
 * @type_suffix ("/officeDocument"), if asked. */
static char *
read_relationships (Reader     *reader,
                    const char *name,
                    const char *dir,
                    GHashTable *links,
                    const char *type_suffix,
                    GPtrArray  *all_of_type)
{
  g_autoptr (xmlDoc) doc = _cd_document_parse (reader->document, name);
  char *found = NULL;

  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    return NULL;
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL, *type = NULL, *target = NULL, *mode = NULL;

      if (node->type != XML_ELEMENT_NODE || !g_str_equal ((const char *) node->name, "Relationship"))
        continue;
      id = (char *) xmlGetProp (node, (const xmlChar *) "Id");
      type = (char *) xmlGetProp (node, (const xmlChar *) "Type");
      target = (char *) xmlGetProp (node, (const xmlChar *) "Target");
      mode = (char *) xmlGetProp (node, (const xmlChar *) "TargetMode");
      if (id == NULL || target == NULL)
        continue;
      if (all_of_type != NULL && type != NULL && g_str_has_suffix (type, type_suffix))
        g_ptr_array_add (all_of_type, part_name (dir, target));
      if (found == NULL && type_suffix != NULL && type != NULL && g_str_has_suffix (type, type_suffix))
        found = part_name (dir, target);
      if (links != NULL)
        g_hash_table_insert (links, g_steal_pointer (&id),
                             g_strcmp0 (mode, "External") == 0 ? g_steal_pointer (&target)
                                                               : part_name (dir, target));
    }
  return found;
}

/* Reads the styles' names (and what each is based on) and the document's
 * language from the styles part. */
static void
read_styles (Reader     *reader,
             const char *name)
{
  xmlDoc  *doc = reader->styles_doc = _cd_document_parse (reader->document, name);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  if (root == NULL)
    return;
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (is_w (node, "docDefaults"))
        {
          xmlNode         *lang = w_child (w_child (w_child (node, "rPrDefault"), "rPr"), "lang");
          g_autofree char *value = w_attr (lang, "val");

          if (value != NULL && *value != '\0' && reader->document->language == NULL)
            reader->document->language = g_steal_pointer (&value);
        }
      else if (is_w (node, "style"))
        {
          g_autofree char *id = w_attr (node, "styleId");
          g_autofree char *style_name = w_attr (w_child (node, "name"), "val");
          g_autofree char *based_on = w_attr (w_child (node, "basedOn"), "val");

          if (id == NULL)
            continue;
          if (style_name != NULL)
            g_hash_table_insert (reader->styles, g_strdup (id), g_ascii_strdown (style_name, -1));
          if (based_on != NULL)
            g_hash_table_insert (reader->based_on, g_strdup (id), g_steal_pointer (&based_on));
          if (w_child (node, "rPr") != NULL)
            g_hash_table_insert (reader->run_rpr, g_strdup (id), w_child (node, "rPr"));
        }
    }
}

/* Reads which list levels are numbered (1., a., i.) rather than bulleted. */
static void
read_numbering (Reader     *reader,
                const char *name)
{
  g_autoptr (xmlDoc) doc = _cd_document_parse (reader->document, name);
  g_autoptr (GHashTable) abstract = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  if (root == NULL)
    return;
  /* abstractNumId → the numbered levels' ilvl */
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = w_attr (node, "abstractNumId");
      GPtrArray       *levels;

      if (!is_w (node, "abstractNum") || id == NULL)
        continue;
      levels = g_ptr_array_new_with_free_func (g_free);
      for (xmlNode *lvl = node->children; lvl != NULL; lvl = lvl->next)
        {
          g_autofree char *format = w_attr (w_child (lvl, "numFmt"), "val");
          g_autofree char *ilvl = w_attr (lvl, "ilvl");

          if (is_w (lvl, "lvl") && ilvl != NULL && format != NULL && !g_str_equal (format, "bullet") &&
              !g_str_equal (format, "none"))
            g_ptr_array_add (levels, g_steal_pointer (&ilvl));
        }
      g_hash_table_insert (abstract, g_steal_pointer (&id), levels);
    }
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = w_attr (node, "numId");
      g_autofree char *abstract_id = w_attr (w_child (node, "abstractNumId"), "val");
      GPtrArray       *levels = abstract_id != NULL ? g_hash_table_lookup (abstract, abstract_id) : NULL;

      if (!is_w (node, "num") || id == NULL || levels == NULL)
        continue;
      for (guint i = 0; i < levels->len; i++)
        {
          char *key = g_strdup_printf ("%s:%s", id, (const char *) g_ptr_array_index (levels, i));

          g_hash_table_insert (reader->numbered, key, key);
        }
    }
}

/* The name of the style @id, or of the first built-in one it is based on
 * that this reader knows ("heading 2", "title", "quote", "list bullet"). */
static const char *
style_name (Reader     *reader,
            const char *id)
{
  static const char *const known[] = { "title", "subtitle", "heading", "quot", "intense quote",
                                       "block text", "list", "caption", "strong", "emphasis", NULL };

  for (guint depth = 0; id != NULL && depth < 8; depth++)
    {
      const char *name = g_hash_table_lookup (reader->styles, id);

      for (guint i = 0; name != NULL && known[i] != NULL; i++)
        if (g_str_has_prefix (name, known[i]))
          return name;
      id = g_hash_table_lookup (reader->based_on, id);
    }
  return NULL;
}

/* The switch @name in the run properties of the style @style or of the
 * styles it is based on: %NULL where none sets it. */
static xmlNode *
style_switch (Reader     *reader,
              const char *style,
              const char *name)
{
  for (guint depth = 0; style != NULL && depth < 8; depth++)
    {
      xmlNode *style_rpr = g_hash_table_lookup (reader->run_rpr, style);

      if (w_child (style_rpr, name) != NULL)
        return w_child (style_rpr, name);
      style = g_hash_table_lookup (reader->based_on, style);
    }
  return NULL;
}

/* Whether the switch @name (w:b, w:i, …) is on in the run properties
 * @rpr, else in those of its character style @style or the styles that
 * one is based on ("Strong", or any style of the user's in bold), else in
 * those of the body paragraph's style (a standfirst's style in italic). */
static gboolean
run_switch (Reader     *reader,
            xmlNode    *rpr,
            const char *style,
            const char *name)
{
  xmlNode *set = w_child (rpr, name);

  if (set == NULL)
    set = style_switch (reader, style, name);
  if (set == NULL)
    set = style_switch (reader, reader->para_style, name);
  return set != NULL && switch_on (set);
}

/* The formatting the run properties @rpr set, over the paragraph's. */
static void
run_format (Reader   *reader,
            xmlNode  *rpr,
            gboolean *format)
{
  g_autofree char *style = w_attr (w_child (rpr, "rStyle"), "val");
  const char      *name = style_name (reader, style);

  format[CD_FORMAT_BOLD] = run_switch (reader, rpr, style, "b") || g_strcmp0 (name, "strong") == 0;
  format[CD_FORMAT_ITALIC] = run_switch (reader, rpr, style, "i") || g_strcmp0 (name, "emphasis") == 0;
  format[CD_FORMAT_STRUCK] = run_switch (reader, rpr, style, "strike") || run_switch (reader, rpr, style, "dstrike");
}

/* The first picture (a:blip r:embed or r:link) under @node, with the
 * description Word keeps for it (wp:docPr descr). */
static void
find_picture (xmlNode *node,
              char   **embed,
              char   **descr)
{
  for (xmlNode *child = node->children; child != NULL && *embed == NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (child->ns != NULL && g_str_equal ((const char *) child->ns->href, NS_WP) &&
          g_str_equal ((const char *) child->name, "docPr") && *descr == NULL)
        *descr = (char *) xmlGetProp (child, (const xmlChar *) "descr");
      if (child->ns != NULL && g_str_equal ((const char *) child->ns->href, NS_A) &&
          g_str_equal ((const char *) child->name, "blip"))
        {
          /* Held in the package (embed), or only linked to (link). */
          *embed = (char *) xmlGetNsProp (child, (const xmlChar *) "embed", (const xmlChar *) NS_R);
          if (*embed == NULL)
            *embed = (char *) xmlGetNsProp (child, (const xmlChar *) "link", (const xmlChar *) NS_R);
        }
      else
        find_picture (child, embed, descr);
    }
}

/* Adds the picture of the drawing @node to the document's pictures;
 * returns its HTML, or %NULL. */
static char *
take_picture (Reader  *reader,
              xmlNode *node)
{
  g_autofree char *embed = NULL;
  g_autofree char *descr = NULL;
  const char      *part;

  find_picture (node, &embed, &descr);
  part = embed != NULL ? g_hash_table_lookup (reader->links, embed) : NULL;
  return part != NULL ? _cd_document_add_picture (reader->document, part, descr) : NULL;
}

/* Reads the runs under @node (a paragraph, a link, an insertion, …) into
 * @in; the pictures among them to @pictures as HTML. */
static void
read_runs (Reader   *reader,
           xmlNode  *node,
           CdInline *in,
           GString  *pictures)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || child->ns == NULL)
        continue;
      if (is_w (child, "r"))
        {
          gboolean format[CD_N_FORMATS];

          run_format (reader, w_child (child, "rPr"), format);
          for (xmlNode *part = child->children; part != NULL; part = part->next)
            {
              if (is_w (part, "t"))
                {
                  g_autofree char *text = (char *) xmlNodeGetContent (part);

                  _cd_inline_append (in, text != NULL ? text : "", format);
                }
              else if (is_w (part, "tab"))
                _cd_inline_append (in, " ", format);
              else if (is_w (part, "noBreakHyphen"))
                _cd_inline_append (in, "-", format);
              else if (is_w (part, "br") || is_w (part, "cr"))
                _cd_inline_line_break (in);
              else if (is_w (part, "drawing") || is_w (part, "pict") ||
                       g_strcmp0 ((const char *) part->name, "AlternateContent") == 0)
                {
                  g_autofree char *img = take_picture (reader, part);

                  if (img != NULL)
                    g_string_append (pictures, img);
                  else
                    _cd_document_read_text_box (reader->notes, part);
                }
              else if (is_w (part, "footnoteReference") || is_w (part, "endnoteReference"))
                reader->document->footnotes++;
            }
        }
      else if (is_w (child, "hyperlink"))
        {
          g_autofree char *id = (char *) xmlGetNsProp (child, (const xmlChar *) "id", (const xmlChar *) NS_R);
          const char      *href = id != NULL ? g_hash_table_lookup (reader->links, id) : NULL;

          /* Only a link out of the document, to the web or mail. */
          if (href != NULL && !(g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://") ||
                                g_str_has_prefix (href, "mailto:")))
            href = NULL;
          if (href != NULL)
            _cd_inline_open_link (in, href);
          read_runs (reader, child, in, pictures);
          if (href != NULL)
            _cd_inline_close_link (in);
        }
      else if (is_w (child, "del") || is_w (child, "moveFrom"))
        reader->document->changes++;
      else if (is_w (child, "ins") || is_w (child, "moveTo"))
        {
          reader->document->changes++;
          read_runs (reader, child, in, pictures);
        }
      else if (is_w (child, "sdt") || is_w (child, "sdtContent") || is_w (child, "smartTag") ||
               is_w (child, "customXml") || is_w (child, "fldSimple") || is_w (child, "dir") ||
               is_w (child, "bdo"))
        read_runs (reader, child, in, pictures);
    }
}

/* The paragraph @node; its pictures' HTML to @pictures. */
static CdPara *
read_paragraph (Reader  *reader,
                xmlNode *node,
                GString *pictures)
{
  xmlNode         *ppr = w_child (node, "pPr");
  xmlNode         *numpr = w_child (ppr, "numPr");
  g_autofree char *style = w_attr (w_child (ppr, "pStyle"), "val");
  g_autofree char *num_id = w_attr (w_child (numpr, "numId"), "val");
  g_autofree char *ilvl = w_attr (w_child (numpr, "ilvl"), "val");
  gboolean         ordered = FALSE;
  CdParaKind       kind = _cd_document_kind_of_style (style_name (reader, style), &ordered);
  CdInline         in;
  CdPara          *para;

  _cd_inline_init (&in);
  /* A body paragraph's style lends its runs its bold and italic; a
   * heading's or a quotation's is what the paragraph is, and a table
   * cell's (a head's bold) is the table's. */
  reader->para_style = kind == CD_PARA_TEXT && reader->tables == 0 ? style : NULL;
  read_runs (reader, node, &in, pictures);
  reader->para_style = NULL;
  para = _cd_inline_finish (&in, kind);
  para->ordered = ordered;
  if (num_id != NULL && !g_str_equal (num_id, "0") && para->kind == CD_PARA_TEXT)
    {
      g_autofree char *key = g_strdup_printf ("%s:%s", num_id, ilvl != NULL ? ilvl : "0");

      para->kind = CD_PARA_LIST;
      para->ordered = g_hash_table_contains (reader->numbered, key);
      para->level = ilvl != NULL ? MIN ((guint) g_ascii_strtoull (ilvl, NULL, 10), 8) : 0;
    }
  return para;
}

/* The table @node: its HTML, each cell's paragraphs in one line of text,
 * the first row its head; and its paragraphs. */
static void
read_table (Reader    *reader,
            xmlNode   *node,
            GPtrArray *paras,
            GString   *pictures)
{
  CdTable table;

  _cd_table_init (&table);
  for (xmlNode *row = node->children; row != NULL; row = row->next)
    {
      if (!is_w (row, "tr"))
        continue;
      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        {
          g_autofree char *span = w_attr (w_child (w_child (cell, "tcPr"), "gridSpan"), "val");

          if (!is_w (cell, "tc"))
            continue;
          reader->tables++;
          for (xmlNode *p = cell->children; p != NULL; p = p->next)
            if (is_w (p, "p"))
              g_ptr_array_add (table.cell, read_paragraph (reader, p, pictures));
          reader->tables--;
          _cd_table_end_cell (&table, span != NULL ? CLAMP (g_ascii_strtoull (span, NULL, 10), 1, 64) : 1);
        }
      _cd_table_end_row (&table);
    }
  _cd_table_flush (&table, paras);
  _cd_table_clear (&table);
}

/* Reads the block-level content of @node (the body, a content control)
 * into @paras. */
static void
read_blocks (Reader    *reader,
             xmlNode   *node,
             GPtrArray *paras,
             guint      depth)
{
  if (depth > 32)
    return;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autoptr (GString) pictures = g_string_new (NULL);

      if (is_w (child, "p"))
        g_ptr_array_add (paras, read_paragraph (reader, child, pictures));
      else if (is_w (child, "tbl"))
        read_table (reader, child, paras, pictures);
      else if (is_w (child, "sdt") || is_w (child, "sdtContent") || is_w (child, "customXml") ||
               is_w (child, "ins") || is_w (child, "moveTo"))
        read_blocks (reader, child, paras, depth + 1);
      _cd_document_add_pictures (paras, pictures);
    }
}

/* The comments of the comments part @name, for the note. */
static void
read_comments (Reader     *reader,
               const char *name,
               GString    *notes)
{
  g_autoptr (xmlDoc) doc = _cd_document_parse (reader->document, name);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *author = w_attr (node, "author");
      g_autofree char *text = NULL;
      g_autofree char *note = NULL;

      if (!is_w (node, "comment"))
        continue;
      text = (char *) xmlNodeGetContent (node);
      if (text == NULL || *g_strstrip (text) == '\0')
        continue;
      note = author != NULL && *author != '\0' ? g_strdup_printf ("Comment by %s: “%s”", author, text)
                                               : g_strdup_printf ("Comment: “%s”", text);
      _cd_import_add_note (notes, note);
    }
}

/* Adds the text of each paragraph under @node to the document's page
 * heads. */
static void
add_page_head_lines (Reader  *reader,
                     xmlNode *node,
                     guint    depth)
{
  for (xmlNode *child = node->children; child != NULL && depth < 16; child = child->next)
    {
      g_autoptr (GString) text = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!is_w (child, "p"))
        {
          add_page_head_lines (reader, child, depth + 1);
          continue;
        }
      text = g_string_new (NULL);
      _cd_document_shown_text (child, text);
      _cd_document_add_page_head (reader->document, text->str);
    }
}

/* The paragraphs of the page head part @name (a first page's, the other
 * pages'). */
static void
read_page_head (Reader     *reader,
                const char *name)
{
  g_autoptr (xmlDoc) doc = _cd_document_parse (reader->document, name);

  if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
    add_page_head_lines (reader, xmlDocGetRootElement (doc), 0);
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->links, g_hash_table_unref);
  g_clear_pointer (&reader->styles, g_hash_table_unref);
  g_clear_pointer (&reader->based_on, g_hash_table_unref);
  g_clear_pointer (&reader->run_rpr, g_hash_table_unref);
  g_clear_pointer (&reader->styles_doc, xmlFreeDoc);
  g_clear_pointer (&reader->numbered, g_hash_table_unref);
  g_clear_pointer (&reader->dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

/* Reads the Word document unpacked in @document into @paras. */
static gboolean
read_docx (CdDocument *document,
           GPtrArray  *paras,
           GString    *notes,
           const char *origin,
           GError    **error)
{
  g_auto (Reader) reader = { .document = document, .notes = notes };
  g_autoptr (xmlDoc) doc = NULL;
  g_autofree char *main_part = NULL;
  g_autofree char *rels = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *numbering = NULL;
  g_autofree char *comments = NULL;
  g_autoptr (GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  xmlNode *root;

  reader.links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.based_on = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.run_rpr = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.numbered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  main_part = read_relationships (&reader, "_rels/.rels", "", NULL, "/officeDocument", NULL);
  if (main_part == NULL)
    main_part = g_strdup ("word/document.xml");
  {
    g_autofree char *base = g_path_get_basename (main_part);
    g_autofree char *dir = g_path_get_dirname (main_part);

    reader.dir = g_str_equal (dir, ".") ? g_strdup ("") : g_strconcat (dir, "/", NULL);
    rels = g_strconcat (reader.dir, "_rels/", base, ".rels", NULL);
  }
  styles = read_relationships (&reader, rels, reader.dir, reader.links, "/styles", NULL);
  numbering = read_relationships (&reader, rels, reader.dir, NULL, "/numbering", NULL);
  comments = read_relationships (&reader, rels, reader.dir, NULL, "/comments", NULL);
  g_free (read_relationships (&reader, rels, reader.dir, NULL, "/header", heads));
  if (styles != NULL)
    read_styles (&reader, styles);
  if (numbering != NULL)
    read_numbering (&reader, numbering);

  doc = _cd_document_parse (document, main_part);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL || w_child (root, "body") == NULL)
    {
      _cd_document_set_parse_error (document, main_part, origin, error);
      return FALSE;
    }
  read_blocks (&reader, w_child (root, "body"), paras, 0);
  if (comments != NULL)
    read_comments (&reader, comments, notes);
  for (guint i = 0; i < heads->len; i++)
    read_page_head (&reader, g_ptr_array_index (heads, i));
  return TRUE;
}

/* Word documents (see %CD_IMPORT_FORMAT_DOCX). */
const CdDocumentFormat _cd_docx_format = { "Word document", "a Word document (.docx)", FALSE, read_docx };
