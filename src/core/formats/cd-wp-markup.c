/* cd-wp-markup.c: Markdown to WordPress block markup, written the way the
 * block editor of WordPress 6.1 saves each text block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-markup"

#include "config.h"

#include <string.h>
#include <cmark-gfm-core-extensions.h>

#include "cd-render-private.h"
#include "cd-wp-content-private.h"

/* Autolinks stay off: the block editor does not turn a URL typed in text
 * into a link, so the text a post brings must come back as text. */
static const char *extension_names[] = {
  "table",
  "strikethrough",
};

/**
 * _cd_wp_markdown_parse:
 * @markdown: Markdown
 * @length: its length
 * @parser_out: (out): the parser, to free after the document
 *
 * Returns: the document node, with source positions
 */
cmark_node *
_cd_wp_markdown_parse (const char    *markdown,
                       gsize          length,
                       cmark_parser **parser_out)
{
  cmark_parser *parser;
  cmark_node   *document;

  g_assert (markdown != NULL && parser_out != NULL);

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8);
  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    cmark_parser_attach_syntax_extension (parser, cmark_find_syntax_extension (extension_names[i]));
  cmark_parser_feed (parser, markdown, length);
  *parser_out = parser;
  document = cmark_parser_finish (parser);
  _cd_render_drop_empty_heads (document);
  _cd_render_mark_captions (document, markdown, length);
  return document;
}

/* The character reference the markup writes for @c, if it has one. */
static const char *
character_reference (char c)
{
  switch (c)
    {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '"':
      return "&quot;";
    case '[':
      return "&#91;";
    default:
      return NULL;
    }
}

/* Appends @c, as its character reference when it is one of @special. */
static void
append_char (GString    *out,
             char        c,
             const char *special)
{
  const char *reference = strchr (special, c) != NULL ? character_reference (c) : NULL;

  g_assert (c != '\0');

  if (reference != NULL)
    g_string_append (out, reference);
  else
    g_string_append_c (out, c);
}

/* Appends @text (nothing for %NULL) with each of @special as its
 * character reference. */
static void
append_escaped (GString    *out,
                const char *text,
                const char *special)
{
  g_assert (out != NULL);

  for (const char *p = text; p != NULL && *p; p++)
    append_char (out, *p, special);
}

/* Text as the block editor's rich text writes it: only & and < escaped. */
static void
append_text (GString    *out,
             const char *text)
{
  append_escaped (out, text, "&<");
}

static void
append_attribute (GString    *out,
                  const char *value)
{
  append_escaped (out, value, "&\"<");
}

void
_cd_wp_markup_append_text (GString    *out,
                           const char *text)
{
  append_text (out, text);
}

void
_cd_wp_markup_append_attribute (GString    *out,
                                const char *value)
{
  append_attribute (out, value);
}

static gboolean
type_is (cmark_node *node,
         const char *name)
{
  g_assert (node != NULL);

  return strcmp (cmark_node_get_type_string (node), name) == 0;
}

static void append_inlines (GString *out, cmark_node *first);

/* Appends @node's inline children as rich text inside a @tag element. */
static void
append_element (GString    *out,
                const char *tag,
                cmark_node *node)
{
  g_assert (out != NULL && tag != NULL && node != NULL);

  g_string_append_printf (out, "<%s>", tag);
  append_inlines (out, cmark_node_first_child (node));
  g_string_append_printf (out, "</%s>", tag);
}

static void
append_inline (GString    *out,
               cmark_node *node)
{
  g_assert (out != NULL && node != NULL);

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
      /* Raw HTML typed in Markdown is shown as text, as in the preview. */
      append_text (out, cmark_node_get_literal (node));
      break;
    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (out, '\n');
      break;
    case CMARK_NODE_LINEBREAK:
      g_string_append (out, "<br>");
      break;
    case CMARK_NODE_CODE:
      g_string_append (out, "<code>");
      append_text (out, cmark_node_get_literal (node));
      g_string_append (out, "</code>");
      break;
    case CMARK_NODE_EMPH:
      append_element (out, "em", node);
      break;
    case CMARK_NODE_STRONG:
      append_element (out, "strong", node);
      break;
    case CMARK_NODE_LINK:
      g_string_append (out, "<a href=\"");
      append_attribute (out, cmark_node_get_url (node));
      g_string_append (out, "\">");
      append_inlines (out, cmark_node_first_child (node));
      g_string_append (out, "</a>");
      break;
    case CMARK_NODE_IMAGE:
      {
        g_autoptr (GString) alt = g_string_new (NULL);

        /* The alt text is the image description's plain text. */
        for (cmark_node *child = cmark_node_first_child (node); child != NULL;
             child = cmark_node_next (child))
          if (cmark_node_get_literal (child) != NULL)
            g_string_append (alt, cmark_node_get_literal (child));
        g_string_append (out, "<img src=\"");
        append_attribute (out, cmark_node_get_url (node));
        g_string_append (out, "\" alt=\"");
        append_attribute (out, alt->str);
        g_string_append (out, "\"/>");
      }
      break;
    default:
      if (type_is (node, "strikethrough"))
        append_element (out, "s", node);
      else
        append_inlines (out, cmark_node_first_child (node));
    }
}

static void
append_inlines (GString    *out,
                cmark_node *first)
{
  g_assert (out != NULL);

  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    append_inline (out, node);
}

/**
 * _cd_wp_markup_append_inlines:
 * @out: where the rich text goes
 * @node: a block node of Markdown
 *
 * Appends @node's inline children as the block editor's rich text.
 */
void
_cd_wp_markup_append_inlines (GString    *out,
                              cmark_node *node)
{
  g_assert (node != NULL);

  append_inlines (out, cmark_node_first_child (node));
}

/* The comment delimiters around a block's HTML, as the block editor writes
 * them: the HTML on lines of its own. */
static void
open_block (GString    *out,
            const char *name,
            const char *attrs)
{
  g_assert (out != NULL && name != NULL);

  g_string_append_printf (out, "<!-- wp:%s %s%s-->\n", name, attrs != NULL ? attrs : "",
                          attrs != NULL ? " " : "");
}

static void
close_block (GString    *out,
             const char *name)
{
  g_assert (out != NULL && name != NULL);

  g_string_append_printf (out, "\n<!-- /wp:%s -->", name);
}

/* The block editor's code block escapes "[" (shortcodes) and the "//" of a
 * URL alone on its line (embeds) besides & and <. */
static void
append_code (GString    *out,
             const char *code)
{
  g_auto (GStrv) lines = g_strsplit (code, "\n", -1);

  g_assert (out != NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *p = line;
      const char *slashes = NULL;

      if (i > 0)
        g_string_append_c (out, '\n');
      while (*p == ' ' || *p == '\t')
        p++;
      if (g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://"))
        {
          const char *rest = strstr (p, "//") + 2;
          const char *q = rest;

          while (*q != '\0' && !strchr (" \t<>\"", *q))
            q++;
          while (*q == ' ' || *q == '\t')
            q++;
          if (q > rest && *q == '\0')
            slashes = rest - 2;
        }
      for (p = line; *p; p++)
        {
          if (p == slashes)
            {
              g_string_append (out, "&#47;&#47;");
              p++;
            }
          else
            append_char (out, *p, "&<[");
        }
    }
}

static char *
code_literal (cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  gsize       n = literal != NULL ? strlen (literal) : 0;

  g_assert (node != NULL);

  if (n > 0 && literal[n - 1] == '\n')
    n--;
  return g_strndup (literal != NULL ? literal : "", n);
}

static void append_list (GString *out, cmark_node *list);
/* The text of a table, a line a row, its cells apart by " | ". */
static char *
table_text (cmark_node *table)
{
  GString *out = g_string_new (NULL);

  g_assert (table != NULL);

  for (cmark_node *row = cmark_node_first_child (table); row != NULL; row = cmark_node_next (row))
    {
      for (cmark_node *cell = cmark_node_first_child (row); cell != NULL; cell = cmark_node_next (cell))
        {
          cmark_iter      *iter = cmark_iter_new (cell);
          cmark_event_type event;

          if (cell != cmark_node_first_child (row))
            g_string_append (out, " | ");
          while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
            {
              cmark_node *node = cmark_iter_get_node (iter);
              const char *literal = cmark_node_get_literal (node);

              if (event == CMARK_EVENT_ENTER && literal != NULL &&
                  (cmark_node_get_type (node) == CMARK_NODE_TEXT ||
                   cmark_node_get_type (node) == CMARK_NODE_CODE))
                g_string_append (out, literal);
            }
          cmark_iter_free (iter);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
append_list_item (GString    *out,
                  cmark_node *item)
{
  gboolean text = FALSE;

  g_assert (out != NULL && item != NULL);

  g_string_append (out, "<!-- wp:list-item -->\n<li>");
  for (cmark_node *child = cmark_node_first_child (item); child != NULL;
       child = cmark_node_next (child))
    {
      if (cmark_node_get_type (child) == CMARK_NODE_LIST)
        append_list (out, child);
      else if (cmark_node_get_type (child) == CMARK_NODE_PARAGRAPH ||
               cmark_node_get_type (child) == CMARK_NODE_HEADING)
        {
          /* A list item holds one line of rich text; paragraphs of a
           * loose item are kept apart by a line break. */
          if (text)
            g_string_append (out, "<br>");
          append_inlines (out, cmark_node_first_child (child));
          text = TRUE;
        }
      else
        {
          /* A block a list item cannot hold (a table, code, a quote): its
           * words, line by line (a table's row by row), as rich text of
           * the item. */
          g_autofree char *plain = type_is (child, "table") ? table_text (child)
                                                            : cmark_render_plaintext (child, CMARK_OPT_DEFAULT, 0);
          g_auto (GStrv) lines = g_strsplit (g_strchomp (plain), "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            {
              if (text)
                g_string_append (out, "<br>");
              append_text (out, lines[i]);
              text = TRUE;
            }
        }
    }
  g_string_append (out, "</li>\n<!-- /wp:list-item -->");
}

static void
append_list (GString    *out,
             cmark_node *list)
{
  gboolean         ordered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;
  int              start = cmark_node_get_list_start (list);
  g_autofree char *attrs = NULL;

  g_assert (out != NULL && list != NULL);

  if (ordered && start != 1)
    attrs = g_strdup_printf ("{\"ordered\":true,\"start\":%d}", start);
  else if (ordered)
    attrs = g_strdup ("{\"ordered\":true}");
  open_block (out, "list", attrs);
  if (ordered && start != 1)
    g_string_append_printf (out, "<ol start=\"%d\">", start);
  else
    g_string_append (out, ordered ? "<ol>" : "<ul>");
  for (cmark_node *item = cmark_node_first_child (list); item != NULL;
       item = cmark_node_next (item))
    {
      if (item != cmark_node_first_child (list))
        g_string_append (out, "\n\n");
      append_list_item (out, item);
    }
  g_string_append (out, ordered ? "</ol>" : "</ul>");
  close_block (out, "list");
}

static const char *
alignment_name (uint8_t alignment)
{
  switch (alignment)
    {
    case 'l':
      return "left";
    case 'c':
      return "center";
    case 'r':
      return "right";
    default:
      return NULL;
    }
}

/**
 * _cd_wp_table_caption:
 * @node: a block node
 *
 * Returns: (nullable): the caption of @node when it is a table at the top
 *   of its document: the paragraph right after it whose text starts with
 *   CD_WP_TABLE_CAPTION ("Table: Results by ward"); else %NULL
 */
cmark_node *
_cd_wp_table_caption (cmark_node *node)
{
  cmark_node *next = cmark_node_next (node);
  cmark_node *first = next != NULL ? cmark_node_first_child (next) : NULL;
  const char *literal;

  g_assert (node != NULL);

  /* Only a table of the body's own: a table in a quote or a list item
   * is no block of its own to have a caption. */
  if (!type_is (node, "table") || cmark_node_parent (node) == NULL ||
      cmark_node_get_type (cmark_node_parent (node)) != CMARK_NODE_DOCUMENT || next == NULL ||
      cmark_node_get_type (next) != CMARK_NODE_PARAGRAPH || !_cd_render_is_caption (next) ||
      first == NULL || cmark_node_get_type (first) != CMARK_NODE_TEXT)
    return NULL;
  literal = cmark_node_get_literal (first);
  if (literal == NULL || !g_str_has_prefix (literal, CD_WP_TABLE_CAPTION) ||
      (literal[strlen (CD_WP_TABLE_CAPTION)] == '\0' && cmark_node_next (first) == NULL))
    return NULL;
  return next;
}

/* The caption's text as the figcaption holds it, without "Table: ". */
static void
append_caption (GString    *out,
                cmark_node *caption)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_assert (out != NULL && caption != NULL);

  append_inlines (text, cmark_node_first_child (caption));
  g_string_append (out, CD_WP_TABLE_CAPTION_OPEN);
  g_string_append (out, text->str + strlen (CD_WP_TABLE_CAPTION));
  g_string_append (out, "</figcaption>");
}

static void
append_table (GString    *out,
              cmark_node *table)
{
  uint8_t *alignments = cmark_gfm_extensions_get_table_alignments (table);
  gboolean in_body = FALSE;

  g_assert (out != NULL && table != NULL);

  open_block (out, "table", NULL);
  g_string_append (out, "<figure class=\"wp-block-table\"><table>");
  for (cmark_node *row = cmark_node_first_child (table); row != NULL; row = cmark_node_next (row))
    {
      gboolean    header = cmark_gfm_extensions_get_table_row_is_header (row);
      const char *tag = header ? "th" : "td";
      guint       column = 0;

      if (header)
        g_string_append (out, "<thead>");
      else if (!in_body)
        {
          g_string_append (out, "<tbody>");
          in_body = TRUE;
        }
      g_string_append (out, "<tr>");
      for (cmark_node *cell = cmark_node_first_child (row); cell != NULL;
           cell = cmark_node_next (cell), column++)
        {
          const char *align = alignments != NULL ? alignment_name (alignments[column]) : NULL;

          if (align != NULL)
            g_string_append_printf (out, "<%s class=\"has-text-align-%s\" data-align=\"%s\">", tag,
                                    align, align);
          else
            g_string_append_printf (out, "<%s>", tag);
          append_inlines (out, cmark_node_first_child (cell));
          g_string_append_printf (out, "</%s>", tag);
        }
      g_string_append (out, "</tr>");
      if (header)
        g_string_append (out, "</thead>");
    }
  if (in_body)
    g_string_append (out, "</tbody>");
  g_string_append (out, "</table>");
  if (_cd_wp_table_caption (table) != NULL)
    append_caption (out, _cd_wp_table_caption (table));
  g_string_append (out, "</figure>");
  close_block (out, "table");
}

static gboolean
paragraph_is_image (cmark_node *paragraph)
{
  cmark_node *child = cmark_node_first_child (paragraph);

  g_assert (paragraph != NULL);

  return child != NULL && cmark_node_next (child) == NULL &&
         cmark_node_get_type (child) == CMARK_NODE_IMAGE;
}

/**
 * _cd_wp_markup_append_node:
 * @out: where to write
 * @node: a block node of a Markdown document
 *
 * Writes the node as the block editor would save it: a paragraph, heading,
 * list with list items, quote, code, preformatted text (a fence with the
 * info string "preformatted"), separator, table, or an image block for a
 * paragraph that is one image and nothing else.
 */
void
_cd_wp_markup_append_node (GString    *out,
                           cmark_node *node)
{
  g_assert (out != NULL && node != NULL);

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      if (paragraph_is_image (node))
        {
          open_block (out, "image", NULL);
          g_string_append (out, "<figure class=\"wp-block-image\">");
          append_inline (out, cmark_node_first_child (node));
          g_string_append (out, "</figure>");
          close_block (out, "image");
          break;
        }
      open_block (out, "paragraph", NULL);
      append_element (out, "p", node);
      close_block (out, "paragraph");
      break;

    case CMARK_NODE_HEADING:
      {
        int              level = cmark_node_get_heading_level (node);
        g_autofree char *attrs = level != 2 ? g_strdup_printf ("{\"level\":%d}", level) : NULL;
        g_autofree char *tag = g_strdup_printf ("h%d", level);

        open_block (out, "heading", attrs);
        append_element (out, tag, node);
        close_block (out, "heading");
      }
      break;

    case CMARK_NODE_LIST:
      append_list (out, node);
      break;

    case CMARK_NODE_BLOCK_QUOTE:
      open_block (out, "quote", NULL);
      g_string_append (out, "<blockquote class=\"wp-block-quote\">");
      for (cmark_node *child = cmark_node_first_child (node); child != NULL;
           child = cmark_node_next (child))
        {
          if (child != cmark_node_first_child (node))
            g_string_append (out, "\n\n");
          _cd_wp_markup_append_node (out, child);
        }
      g_string_append (out, "</blockquote>");
      close_block (out, "quote");
      break;

    case CMARK_NODE_CODE_BLOCK:
      {
        g_autofree char *code = code_literal (node);
        const char      *info = cmark_node_get_fence_info (node);

        if (info != NULL && strcmp (info, "preformatted") == 0)
          {
            open_block (out, "preformatted", NULL);
            g_string_append (out, "<pre class=\"wp-block-preformatted\">");
            append_text (out, code);
            g_string_append (out, "</pre>");
            close_block (out, "preformatted");
          }
        else
          {
            open_block (out, "code", NULL);
            g_string_append (out, "<pre class=\"wp-block-code\"><code>");
            append_code (out, code);
            g_string_append (out, "</code></pre>");
            close_block (out, "code");
          }
      }
      break;

    case CMARK_NODE_THEMATIC_BREAK:
      open_block (out, "separator", NULL);
      g_string_append (out, "<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>");
      close_block (out, "separator");
      break;

    case CMARK_NODE_HTML_BLOCK:
      {
        g_autofree char *html = code_literal (node);

        open_block (out, "paragraph", NULL);
        g_string_append (out, "<p>");
        append_text (out, html);
        g_string_append (out, "</p>");
        close_block (out, "paragraph");
      }
      break;

    default:
      if (type_is (node, "table"))
        append_table (out, node);
    }
}

/**
 * _cd_wp_markdown_to_markup:
 * @markdown: Markdown
 * @length: its length
 *
 * Returns: (transfer full): block markup for every block of @markdown,
 *   separated by blank lines as the block editor separates them
 */
char *
_cd_wp_markdown_to_markup (const char *markdown,
                           gsize       length)
{
  cmark_parser *parser = NULL;
  cmark_node   *doc = _cd_wp_markdown_parse (markdown, length, &parser);
  GString      *out = g_string_sized_new (length * 2 + 64);

  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    {
      if (out->len > 0)
        g_string_append (out, "\n\n");
      _cd_wp_markup_append_node (out, node);
      /* A table's caption is the table's. */
      if (_cd_wp_table_caption (node) != NULL)
        node = cmark_node_next (node);
    }
  cmark_node_free (doc);
  cmark_parser_free (parser);
  return g_string_free (out, FALSE);
}

/**
 * _cd_wp_node_to_html:
 * @node: a block node
 * @parser: the parser that made it
 *
 * Returns: (transfer full): the node as HTML, raw HTML not passed through,
 *   for a classic post
 */
char *
_cd_wp_node_to_html (cmark_node   *node,
                     cmark_parser *parser)
{
  cmark_mem *mem = cmark_get_default_mem_allocator ();
  char      *html;
  char      *copy;

  g_assert (node != NULL && parser != NULL);

  html = cmark_render_html_with_mem (node, CMARK_OPT_DEFAULT,
                                     cmark_parser_get_syntax_extensions (parser), mem);
  copy = g_strdup (html);
  mem->free (html);
  return copy;
}
