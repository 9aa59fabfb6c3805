/* cd-html2md.c: HTML to Markdown, for HTML files and CMS post content: the
 * blocks (paragraphs, headings, lists, quotes, tables, code); their inline
 * elements are written by cd-html-inline.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-html2md"

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "cd-import.h"
#include "cd-html-private.h"
#include "cd-html2md-private.h"
#include "cd-import-private.h"
#include "cd-render.h"

#define MAX_DEPTH _CD_HTML_MAX_DEPTH

gboolean
_cd_html_name_is (xmlNode    *node,
                  const char *name)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  return g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNode           *node,
         const char *const *names)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
_cd_html_is_dropped (xmlNode *node)
{
  static const char *const dropped[] = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "head",
    "video",
    "audio",
    "source",
    "track",
    "map",
    "link",
    "meta",
    "title",
    "nav",
    NULL,
  };

  if (node->type == XML_ELEMENT_NODE)
    return name_in (node, dropped);
  /* Comments (Gutenberg's block markers among them), processing
   * instructions and the like carry no text. */
  return node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE;
}

gboolean
_cd_html_is_block (xmlNode *node)
{
  static const char *const blocks[] = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "address",
    "dl",
    "dt",
    "dd",
    "details",
    "summary",
    "body",
    "html",
    "center",
    "fieldset",
    "legend",
    "hgroup",
    NULL,
  };

  return name_in (node, blocks);
}

char *
_cd_html_get_attr (xmlNode    *node,
                   const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char    *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

char *
_cd_html_collapse_space (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (s, FALSE);
}

char *
_cd_html_node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char    *text = _cd_html_collapse_space (content ? (const char *) content : "");

  xmlFree (content);
  return text;
}

static void render_blocks (CdHtmlConverter *c, xmlNode *first, GPtrArray *blocks, guint depth);

static char *
prefix_lines (const char *text,
              const char *first_prefix,
              const char *prefix)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = i == 0 ? first_prefix : prefix;

      if (i > 0)
        g_string_append_c (out, '\n');
      if (*lines[i] == '\0')
        {
          /* No trailing spaces on blank lines; a quote keeps its marker. */
          g_autofree char *bare = g_strchomp (g_strdup (p));
          g_string_append (out, bare);
        }
      else
        {
          g_string_append (out, p);
          g_string_append (out, lines[i]);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
join_blocks (GPtrArray  *blocks,
             const char *separator)
{
  g_ptr_array_add (blocks, NULL);
  char *joined = g_strjoinv (separator, (char **) blocks->pdata);
  g_ptr_array_remove_index (blocks, blocks->len - 1);
  return joined;
}

static gboolean
has_child_element (xmlNode    *node,
                   const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (_cd_html_name_is (child, name))
      return TRUE;
  return FALSE;
}

gboolean
_cd_html_has_block_child (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !_cd_html_is_dropped (child) && _cd_html_is_block (child))
      return TRUE;
  return FALSE;
}

static void
render_list (CdHtmlConverter *c,
             xmlNode         *list,
             GPtrArray       *blocks,
             guint            depth)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  gboolean ordered = _cd_html_name_is (list, "ol");
  gboolean loose = FALSE;
  int      number = 1;

  if (ordered)
    {
      g_autofree char *start = _cd_html_get_attr (list, "start");
      if (start != NULL)
        number = CLAMP (atoi (start), 0, 999999999);
    }

  for (xmlNode *li = list->children; li != NULL; li = li->next)
    {
      g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *marker = NULL;
      g_autofree char *indent = NULL;
      g_autofree char *content = NULL;

      if (_cd_html_is_dropped (li))
        continue;
      if (li->type != XML_ELEMENT_NODE)
        {
          /* Stray text between items. */
          g_autofree char *text = _cd_html_collapse_space ((const char *) (li->content ? li->content
                                                                                       : (xmlChar *) ""));
          if (*text == '\0')
            continue;
        }

      if (_cd_html_name_is (li, "li"))
        render_blocks (c, li->children, parts, depth + 1);
      else
        {
          xmlNode *next = li->next;

          /* Render the stray node alone, as an item of its own. */
          li->next = NULL;
          render_blocks (c, li, parts, depth + 1);
          li->next = next;
        }
      if (_cd_html_name_is (li, "li") && has_child_element (li, "p"))
        loose = TRUE;

      marker = ordered ? g_strdup_printf ("%d. ", number++) : g_strdup ("- ");
      indent = g_strnfill (strlen (marker), ' ');
      content = join_blocks (parts, loose ? "\n\n" : "\n");
      /* In a page, an item whose parts were taken (the byline, the time)
       * or that holds nothing to read (a share button's icon) goes. */
      if (*content == '\0' && c->article != NULL)
        {
          number -= ordered;
          continue;
        }
      if (*content == '\0')
        g_ptr_array_add (items, g_strchomp (g_strdup (marker)));
      else
        g_ptr_array_add (items, prefix_lines (content, marker, indent));
    }

  if (items->len > 0)
    g_ptr_array_add (blocks, join_blocks (items, loose ? "\n\n" : "\n"));
}

static void
collect_rows (xmlNode   *node,
              GPtrArray *rows,
              guint      depth)
{
  if (depth > 8)
    return;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_cd_html_name_is (child, "tr"))
        g_ptr_array_add (rows, child);
      else if (_cd_html_name_is (child, "thead") || _cd_html_name_is (child, "tbody") || _cd_html_name_is (child, "tfoot"))
        collect_rows (child, rows, depth + 1);
    }
}

/* Whether the table of @rows lays out a page: a cell of it holds a
 * paragraph, a heading, a list or a table, as no cell of data does. */
static gboolean
is_layout_table (GPtrArray *rows)
{
  for (guint r = 0; r < rows->len; r++)
    for (xmlNode *cell = ((xmlNode *) g_ptr_array_index (rows, r))->children; cell != NULL; cell = cell->next)
      if ((_cd_html_name_is (cell, "td") || _cd_html_name_is (cell, "th")) && _cd_html_has_block_child (cell))
        for (xmlNode *child = cell->children; child != NULL; child = child->next)
          if (_cd_html_name_is (child, "p") || _cd_html_name_is (child, "table") || _cd_html_name_is (child, "ul") ||
              _cd_html_name_is (child, "ol") || g_regex_match_simple ("^h[1-6]$", (const char *) child->name, 0, 0))
            return TRUE;
  return FALSE;
}

static void
render_table (CdHtmlConverter *c,
              xmlNode         *table,
              GPtrArray       *blocks,
              guint            depth)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GString) out = g_string_new (NULL);

  collect_rows (table, rows, 0);
  /* A table that lays out a page (a mail's one column of paragraphs and
   * headings) is its cells' blocks, in order; not a table of data. */
  if (!c->exact && is_layout_table (rows))
    {
      for (guint r = 0; r < rows->len; r++)
        for (xmlNode *cell = ((xmlNode *) g_ptr_array_index (rows, r))->children; cell != NULL; cell = cell->next)
          if (_cd_html_name_is (cell, "td") || _cd_html_name_is (cell, "th"))
            render_blocks (c, cell->children, blocks, depth + 1);
      return;
    }
  for (guint r = 0; r < rows->len; r++)
    {
      xmlNode   *tr = g_ptr_array_index (rows, r);
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (xmlNode *cell = tr->children; cell != NULL; cell = cell->next)
        {
          g_autoptr (GString) inline_text = NULL;

          if (!_cd_html_name_is (cell, "td") && !_cd_html_name_is (cell, "th"))
            continue;
          inline_text = g_string_new (NULL);
          _cd_html_render_inline_children (c, cell, inline_text, depth);
          g_ptr_array_add (row, _cd_html_finish_inline (inline_text, TRUE));
        }
      g_ptr_array_add (cells, row);
    }
  _cd_markdown_append_table (out, cells, !c->exact);
  if (out->len == 0)
    return;
  g_string_truncate (out, out->len - 1);
  g_ptr_array_add (blocks, g_strdup (out->str));
}

static void
render_pre (xmlNode   *pre,
            GPtrArray *blocks)
{
  xmlChar         *content = xmlNodeGetContent (pre);
  const char      *text = content ? (const char *) content : "";
  g_autofree char *lang = NULL;
  GString         *out = g_string_new (NULL);
  guint            longest = 2, run = 0;
  gboolean         line_start = TRUE;

  for (xmlNode *child = pre->children; child != NULL && lang == NULL; child = child->next)
    if (_cd_html_name_is (child, "code"))
      {
        g_autofree char *klass = _cd_html_get_attr (child, "class");
        if (klass != NULL && g_str_has_prefix (klass, "language-"))
          lang = g_strdup (klass + strlen ("language-"));
      }
  if (lang != NULL)
    g_strdelimit (lang, " \t\n\r`", '\0');

  for (const char *p = text; *p; p++)
    {
      if (*p == '`' && (line_start || run > 0))
        run++;
      else
        run = 0;
      line_start = *p == '\n' || (line_start && *p == ' ');
      longest = MAX (longest, run);
    }
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
  if (lang != NULL)
    g_string_append (out, lang);
  g_string_append_c (out, '\n');
  /* The HTML parser drops the newline that follows <pre>. */
  g_string_append (out, text);
  if (out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
  xmlFree (content);
  g_ptr_array_add (blocks, g_string_free (out, FALSE));
}

static void
render_heading (CdHtmlConverter *c,
                xmlNode         *node,
                GPtrArray       *blocks,
                guint            depth)
{
  int level = node->name[1] - '0';
  g_autoptr (GString) run = g_string_new (NULL);
  g_autofree char *text = NULL;
  GString         *out;

  if (level == 1 && c->take_headline && c->headline == NULL)
    {
      c->headline = _cd_html_node_text (node);
      if (*c->headline != '\0')
        return;
      g_clear_pointer (&c->headline, g_free);
    }

  _cd_html_render_inline_children (c, node, run, depth);
  text = _cd_html_finish_inline (run, TRUE);
  if (*text == '\0')
    return;
  out = g_string_new (NULL);
  for (int i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  g_string_append (out, text);
  /* A trailing "#" would read as the heading's closing sequence. */
  if (out->str[out->len - 1] == '#')
    {
      gsize h = out->len;
      while (out->str[h - 1] == '#')
        h--;
      g_string_insert_c (out, h, '\\');
    }
  g_ptr_array_add (blocks, g_string_free (out, FALSE));
}

static void
render_block (CdHtmlConverter *c,
              xmlNode         *node,
              GPtrArray       *blocks,
              guint            depth)
{
  if (c->article != NULL && _cd_html_read_own_field (c->article, node))
    return;

  if (depth > MAX_DEPTH)
    {
      g_autofree char *text = _cd_html_node_text (node);
      g_autoptr (GString) run = g_string_new (NULL);

      _cd_html_append_text (c, run, text);
      _cd_html_flush_run (c, run, blocks);
      return;
    }

  if (node->name[0] != '\0' && (node->name[0] == 'h' || node->name[0] == 'H') &&
      node->name[1] >= '1' && node->name[1] <= '6' && node->name[2] == '\0')
    render_heading (c, node, blocks, depth);
  else if (_cd_html_name_is (node, "ul") || _cd_html_name_is (node, "ol"))
    render_list (c, node, blocks, depth);
  else if (_cd_html_name_is (node, "blockquote"))
    {
      g_autoptr (GPtrArray) inner = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      render_blocks (c, node->children, inner, depth + 1);
      if (inner->len == 0)
        return;
      joined = join_blocks (inner, "\n\n");
      g_ptr_array_add (blocks, prefix_lines (joined, "> ", "> "));
    }
  else if (_cd_html_name_is (node, "pre"))
    render_pre (node, blocks);
  else if (_cd_html_name_is (node, "hr"))
    g_ptr_array_add (blocks, g_strdup ("---"));
  else if (_cd_html_name_is (node, "table"))
    render_table (c, node, blocks, depth);
  else
    render_blocks (c, node->children, blocks, depth + 1);
}

/* WordPress's classic editor stores posts without <p>, paragraphs set
 * apart by blank lines, and the HTML parser wraps such text in one implied
 * <p>. So, as WordPress itself does when it shows a post, a blank line in
 * the text of a block starts a new paragraph. */
static void
render_loose_text (const CdHtmlConverter *c,
                   xmlNode               *node,
                   GString               *run,
                   GPtrArray             *blocks)
{
  const char *text = (const char *) node->content;
  const char *p = text, *start = text;

  while (*p)
    {
      const char *q;

      if (*p != '\n')
        {
          p++;
          continue;
        }
      q = p + 1;
      while (*q == ' ' || *q == '\t' || *q == '\r')
        q++;
      if (*q != '\n')
        {
          p = q;
          continue;
        }
      {
        g_autofree char *part = g_strndup (start, p - start);
        _cd_html_append_text (c, run, part);
      }
      _cd_html_flush_run (c, run, blocks);
      while (*q == '\n' || *q == ' ' || *q == '\t' || *q == '\r')
        q++;
      start = p = q;
    }
  _cd_html_append_text (c, run, start);
}

static void
render_blocks (CdHtmlConverter *c,
               xmlNode         *first,
               GPtrArray       *blocks,
               guint            depth)
{
  g_autoptr (GString) run = g_string_new (NULL);

  for (xmlNode *node = first; node != NULL; node = node->next)
    {
      if (_cd_html_is_dropped (node) || (c->notes != NULL && _cd_html_take_page_part (c, node)))
        continue;
      if (_cd_html_is_block (node))
        {
          _cd_html_flush_run (c, run, blocks);
          render_block (c, node, blocks, depth);
        }
      else if (node->type == XML_TEXT_NODE && node->content != NULL)
        render_loose_text (c, node, run, blocks);
      else if (_cd_html_has_block_child (node) && depth <= MAX_DEPTH)
        {
          /* An inline element around whole blocks (the <b> around all that
           * is copied from Google Docs) holds blocks, not a run of text. */
          _cd_html_flush_run (c, run, blocks);
          render_blocks (c, node->children, blocks, depth + 1);
        }
      else
        _cd_html_render_inline (c, node, run, depth);
    }
  _cd_html_flush_run (c, run, blocks);
}

/* Whether @node is hidden from its readers: the "hidden" attribute, or a
 * style of "display: none" or "visibility: hidden" (a newsletter's
 * preview text, a page's text for screen readers' menus). */
static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *style = NULL;
  g_autofree char *hidden = _cd_html_get_attr (node, "hidden");

  if (hidden != NULL)
    return TRUE;
  style = _cd_html_get_attr (node, "style");
  return style != NULL &&
         g_regex_match_simple ("(?:^|;)\\s*(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden)\\s*(?:!important\\s*)?(?:;|$)",
                               style, G_REGEX_CASELESS, 0);
}

/* Whether @node holds a few words at most: a hidden part of the story
 * ("<div hidden>" around its second half, shown by a button) stays. */
static gboolean
hides_little (xmlNode *node)
{
  g_autofree char *text = _cd_html_node_text (node);

  return cd_count_words (text) <= 60;
}

/* Frees the hidden elements (is_hidden()) of a few words from @node on. */
static void
remove_hidden (xmlNode *node,
               guint    depth)
{
  for (xmlNode *next; node != NULL; node = next)
    {
      next = node->next;
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_hidden (node) && hides_little (node))
        {
          xmlUnlinkNode (node);
          xmlFreeNode (node);
        }
      else if (depth < _CD_HTML_MAX_DEPTH)
        remove_hidden (node->children, depth + 1);
    }
}

/* libxml2 stops reading at 256 levels of nesting (more needs
 * XML_PARSE_HUGE, which lifts every other limit too); @too_deep tells that
 * apart from a page that simply has no text. */
/* @word: read the HTML Word writes as the HTML it stands for
 * (cd-html-word.c); not for a post's content, which must convert back to
 * its very bytes. */
static htmlDocPtr
parse_html (const char *html,
            gsize       length,
            gboolean    word,
            gboolean   *too_deep)
{
  htmlParserCtxtPtr ctxt;
  htmlDocPtr        doc;
  xmlErrorPtr       last;
  g_autofree char  *unwrapped = NULL;
  gsize             unwrapped_length = 0;

  *too_deep = FALSE;
  if (length == 0 || length > G_MAXINT)
    return NULL;
  if (word && (unwrapped = _cd_html_word_unwrap (html, length, &unwrapped_length)) != NULL)
    {
      html = unwrapped;
      length = unwrapped_length;
    }
  if ((ctxt = htmlNewParserCtxt ()) == NULL)
    return NULL;
  doc = htmlCtxtReadMemory (ctxt, html, (int) length, NULL, "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS);
  /* The depth check halts the parser, so its error is the last one. */
  last = xmlCtxtGetLastError (ctxt);
  *too_deep = last != NULL && last->code == XML_ERR_INTERNAL_ERROR && last->message != NULL &&
              strstr (last->message, "depth") != NULL;
  htmlFreeParserCtxt (ctxt);
  if (word && doc != NULL && xmlDocGetRootElement (doc) != NULL)
    {
      _cd_html_word_normalize (xmlDocGetRootElement (doc));
      remove_hidden (xmlDocGetRootElement (doc)->children, 0);
    }
  return doc;
}

static char *
convert (CdHtmlConverter *c,
         htmlDocPtr       doc)
{
  g_autoptr (GPtrArray) blocks = g_ptr_array_new_with_free_func (g_free);
  xmlNode         *root = doc ? xmlDocGetRootElement (doc) : NULL;
  g_autofree char *joined = NULL;
  xmlNode         *article;

  if (root == NULL)
    return g_strdup ("");
  /* When importing a page, its <article> is the story; menus, headers and
   * footers around it are not. */
  if (c->story != NULL)
    render_block (c, c->story, blocks, 0);
  else if (c->article != NULL && (article = _cd_html_find_element (root, "article", 0)) != NULL)
    render_block (c, article, blocks, 0);
  else
    render_blocks (c, root, blocks, 0);
  if (blocks->len == 0)
    return g_strdup ("");
  joined = join_blocks (blocks, "\n\n");
  return g_strconcat (joined, "\n", NULL);
}

static char *
html_to_markdown (const char *html,
                  gsize       length,
                  gboolean    exact)
{
  CdHtmlConverter c = { .exact = exact };
  htmlDocPtr      doc;
  char           *markdown;
  gboolean        too_deep;

  /* Content from a CMS converts what could be read even when it nests too
   * deep; the post itself stays on the site untouched. */
  doc = parse_html (html, length, !exact, &too_deep);
  markdown = convert (&c, doc);
  if (doc != NULL)
    xmlFreeDoc (doc);
  return markdown;
}

/**
 * cd_html_to_markdown:
 * @html: HTML, a whole page or a fragment such as a WordPress post's
 *   content
 * @length: its length in bytes
 *
 * Converts headings, paragraphs, emphasis, links, lists, block quotes,
 * code, tables and images to Markdown. A blank line in running text
 * starts a paragraph, as in posts from WordPress's classic editor, which
 * have no <p> elements. Scripts, styles and comments
 * (Gutenberg's block comments among them) are dropped. Text is escaped
 * so that the Markdown renders back to the same text.
 *
 * Returns: (transfer full): the Markdown, "" for no content
 */
char *
cd_html_to_markdown (const char *html,
                     gsize       length)
{
  g_return_val_if_fail (html != NULL || length == 0, NULL);

  return html_to_markdown (html, length, FALSE);
}

/* @text's letters and figures alone, in small letters. */
static char *
bare_words (const char *text)
{
  GString *bare = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (bare, g_unichar_tolower (g_utf8_get_char (p)));
  return g_string_free (bare, FALSE);
}

/* Whether @dek, a page's description, only says again the details
 * already in @notes ("From Department of Rural Connectivity. Published on
 * 5 March 2025."): its letters and figures, in order, are theirs. */
static gboolean
repeats_notes (const char *dek,
               const char *notes)
{
  g_autofree char *bare_dek = bare_words (dek);
  g_autofree char *bare_notes = bare_words (notes);

  return strlen (bare_dek) >= 20 && strstr (bare_notes, bare_dek) != NULL;
}

/**
 * _cd_html_to_markdown_exact:
 * @html: a piece of a post from WordPress's classic editor
 * @length: its length in bytes
 *
 * As cd_html_to_markdown(), for Markdown that is to write the very HTML
 * back: a run of spaces between words stays, and strong emphasis that is
 * all emphasis is written "**_…_**" (which reads back as <strong><em>),
 * not "***…***" (<em><strong>).
 *
 * Returns: (transfer full): the Markdown
 */
char *
_cd_html_to_markdown_exact (const char *html,
                            gsize       length)
{
  g_assert (html != NULL);

  return html_to_markdown (html, length, TRUE);
}

/* The importer of HTML pages (see %CD_IMPORT_FORMAT_HTML): fills @article, which
 * holds the language the page does not name, from the checked @text. */
gboolean
_cd_import_html (CdArticle  *article,
                 const char *text,
                 gsize       length,
                 const char *origin,
                 GError    **error)
{
  g_autofree char *body = NULL;
  gboolean         site_page = FALSE;
  g_autofree char *page_title = NULL;
  g_autofree char *site_name = NULL;
  g_autofree char *logo = NULL;
  g_autoptr (GString) notes = g_string_new (NULL);
  CdHtmlConverter c = { .take_headline = TRUE };
  gboolean        under_headline = FALSE;
  htmlDocPtr      doc;
  gboolean        too_deep;
  xmlNode        *root, *head;

  g_assert (CD_IS_ARTICLE (article));

  doc = parse_html (text, length, TRUE, &too_deep);
  if (too_deep)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the HTML is nested more than 256 elements deep, deeper than "
                   "Copydesk reads; save the page without the extra nesting and import it again.",
                   origin);
      return FALSE;
    }
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the file holds no HTML that could be read.", origin);
      return FALSE;
    }

  c.article = article;
  c.notes = notes;
  head = _cd_html_find_element (root, "head", 0);
  {
    g_autofree char *lang = _cd_html_get_attr (root, "lang");
    g_autofree char *description = _cd_html_meta_content (head, "description");
    g_autofree char *author = _cd_html_meta_content (head, "author");

    site_name = _cd_html_meta_content (head, "og:site_name");

    if (lang != NULL && *g_strstrip (lang) != '\0')
      cd_article_set_language (article, lang);
    if (description != NULL)
      cd_article_set_dek (article, description);
    if (author != NULL)
      cd_article_set_byline (article, author);
  }
  /* A site's page, not a document an office suite or Copydesk wrote:
   * what its template sets around the story goes. */
  {
    g_autofree char *generator = _cd_html_meta_content (head, "generator");
    g_autofree char *prog_id = _cd_html_meta_content (head, "ProgId");
    if (prog_id == NULL &&
        (generator == NULL || !g_regex_match_simple ("^(?:Copydesk|Microsoft|LibreOffice|OpenOffice)\\b", generator, 0, 0)))
      {
        xmlNode *within = NULL;

        site_page = TRUE;
        logo = _cd_html_logo_name (root);
        c.story = _cd_html_page_scope (root, &within);
        _cd_html_cut_page_frame (&c, c.story, within);
      }
  }
  body = convert (&c, doc);

  {
    xmlNode *title = _cd_html_find_element (head ? head->children : NULL, "title", 0);

    if (title != NULL)
      page_title = _cd_html_node_text (title);
  }
  /* A site's page with no name of its site but its title's. */
  if (site_page && site_name == NULL && page_title != NULL && c.headline != NULL)
    site_name = _cd_html_site_of_title (page_title, c.headline);
  if (c.headline != NULL && *c.headline != '\0')
    cd_article_set_headline (article, c.headline);
  g_free (c.headline);
  xmlFreeDoc (doc);

  /* A page with no heading (Word's, saved with the headline in bold and
   * no Title style) opens as a message does: a release's head, or its
   * own headline over the text (in bold, or telling the page's title's
   * story); else the page's title is the headline. */
  if (cd_text_is_blank (cd_article_get_headline (article)))
    {
      const char *title = page_title != NULL ? g_strstrip (page_title) : "";
      gboolean    bold = g_str_has_prefix (body + strspn (body, " \n"), "**");

      body = _cd_import_take_release_head (article, body, NULL, notes);
      if (cd_text_is_blank (cd_article_get_headline (article)))
        body = _cd_import_take_own_headline (article, body, title, bold, notes);
      under_headline = !cd_text_is_blank (cd_article_get_headline (article));
      if (!under_headline)
        {
          /* Without the site's name after it (its logo's, where the page
           * names none otherwise: then the source too). */
          g_autofree char *bare = _cd_html_title_without_site (title, site_name != NULL ? site_name : logo);

          if (bare != NULL && site_name == NULL)
            site_name = g_strdup (logo);
          cd_article_set_headline (article, bare != NULL ? bare : title);
        }
      else if (strstr (notes->str, title) == NULL && g_strcmp0 (title, cd_article_get_headline (article)) != 0)
        _cd_import_add_note (notes, title);
    }

  /* Markup with nothing to read in it is refused like a blank file. */
  if (cd_text_is_blank (body) && cd_text_is_blank (cd_article_get_headline (article)) &&
      cd_text_is_blank (cd_article_get_dek (article)) && cd_text_is_blank (cd_article_get_byline (article)))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the file has no text in it, only HTML markup.", origin);
      return FALSE;
    }

  /* The page's description that is the story's first words, not its
   * standfirst. */
  _cd_import_drop_repeated_dek (article, body);
  if (!cd_text_is_blank (cd_article_get_dek (article)))
    {
      g_autofree char *plain = cd_render_plain_text (body, -1);
      g_autofree char *dek = _cd_html_collapse_space (cd_article_get_dek (article));
      g_autofree char *flat = _cd_html_collapse_space (plain);

      /* Cut short, as a description may be: "… over Mill Creek." */
      while (g_str_has_suffix (dek, "…"))
        dek[strlen (dek) - strlen ("…")] = '\0';
      for (gsize n = strlen (dek); n > 0 && strchr (".,; ", dek[n - 1]) != NULL; n--)
        dek[n - 1] = '\0';
      if ((strlen (dek) >= 40 && strstr (flat, dek) != NULL) || repeats_notes (dek, notes->str))
        cd_article_set_dek (article, NULL);
    }
  /* A rule over a site's story, where the page's head was, sets nothing
   * apart. */
  for (const char *end; site_page && (end = strstr (body, "\n\n")) != NULL;)
    {
      g_autofree char *first = g_strndup (body, end - body);
      char            *rest;

      if (!_cd_import_is_rule_paragraph (first))
        break;
      rest = g_strdup (end + 2 + strspn (end + 2, "\n"));
      g_free (body);
      body = rest;
    }
  /* The story's opening, as in every other format: a standfirst over
   * its "By" line or dateline, which are the article's. */
  body = _cd_import_take_standfirst (article, body, under_headline);
  body = _cd_import_take_body_opening (article, body, notes);
  body = _cd_import_take_body_sign_off (body, notes);
  /* The site a page was saved from is its source, where it names none. */
  if (cd_text_is_blank (cd_article_get_source (article)) && site_name != NULL)
    cd_article_set_source (article, site_name);
  if (notes->len > 0)
    cd_article_set_ednote (article, notes->str);
  cd_article_set_body (article, body);
  return TRUE;
}
