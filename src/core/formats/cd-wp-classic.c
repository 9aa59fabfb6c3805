/* cd-wp-classic.c: posts of WordPress's classic editor, piece by piece.
 *
 * A classic post is HTML without block delimiters, as the classic editor
 * saves it: paragraphs as bare text set apart by blank lines (WordPress
 * adds the <p> when it shows the post), and whatever else its authors put
 * there: embeds, shortcodes, the "more" tag, styled spans, images with
 * their classes. Its pieces are cut where WordPress ends a paragraph: at
 * blank lines and beside the lines that start or end with a block
 * element's tag, outside the elements that may hold blank lines themselves
 * (a table, a list, a quote). A piece
 * is Markdown when writing that Markdown back as the classic editor would
 * gives its exact bytes; every other piece is kept as it is, a `wordpress`
 * fence in the body, like a block. So an edit to one paragraph of a
 * classic post changes that paragraph and nothing else on the site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-classic"

#include "config.h"

#include <string.h>

#include "cd-html-private.h"
#include "cd-import.h"
#include "cd-wp-content-private.h"

/* Elements a blank line inside does not end: what they hold is one piece. */
static const char *const containers[] = {
  "address",
  "blockquote",
  "div",
  "dl",
  "figure",
  "iframe",
  "object",
  "ol",
  "pre",
  "script",
  "section",
  "style",
  "table",
  "ul",
  "video",
  "audio",
};

/* Elements WordPress does not put inside a paragraph: a line that starts
 * or ends with one is a piece of its own. */
static const char *const block_elements[] = {
  "address",
  "audio",
  "blockquote",
  "div",
  "dl",
  "figure",
  "form",
  "hr",
  "iframe",
  "object",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "ul",
  "video",
};

static gboolean
is_named (const char        *name,
          gsize              length,
          const char *const *names,
          guint              n_names)
{
  g_assert (name != NULL && names != NULL);

  for (guint i = 0; i < n_names; i++)
    if (strlen (names[i]) == length && g_ascii_strncasecmp (name, names[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the tag at @p (a "<") is one of a block element. */
static gboolean
is_block_tag (const char *p,
              const char *end)
{
  const char *name = p + 1;
  gsize       n = 0;

  g_assert (p != NULL && *p == '<');

  if (name < end && *name == '/')
    name++;
  while (name + n < end && g_ascii_isalnum (name[n]))
    n++;
  /* Headings, h1 to h6, and the rest by name. */
  if (n == 2 && g_ascii_tolower (name[0]) == 'h' && name[1] >= '1' && name[1] <= '6')
    return TRUE;
  return n > 0 && is_named (name, n, block_elements, G_N_ELEMENTS (block_elements));
}

/* Whether the line break at @p (a "\n", outside any element) ends a piece
 * without a blank line: the line after it starts with a block element's
 * tag or a comment ("<!--more-->"), or the line before it (from @start)
 * ends with one. */
static gboolean
ends_block_line (const char *start,
                 const char *p,
                 const char *end)
{
  const char *after = p + 1, *before = p;

  g_assert (start != NULL && p != NULL && *p == '\n');

  while (after < end && (*after == ' ' || *after == '\t'))
    after++;
  if (after < end && *after == '<' &&
      (is_block_tag (after, end) || (end - after >= 4 && strncmp (after, "<!--", 4) == 0)))
    return TRUE;
  while (before > start && g_ascii_isspace (before[-1]))
    before--;
  if (before == start || before[-1] != '>')
    return FALSE;
  if (before - start >= 3 && strncmp (before - 3, "-->", 3) == 0)
    return TRUE;
  for (const char *q = before - 1; q >= start && *q != '\n'; q--)
    if (*q == '<')
      return _cd_wp_tag_end (q, before) == before && is_block_tag (q, before);
  return FALSE;
}

/* After the blank line that starts at @p (a "\n"), or NULL when the line
 * after @p is not blank. */
static const char *
after_blank_line (const char *p,
                  const char *end)
{
  const char *q = p + 1;

  g_assert (p != NULL && *p == '\n');

  while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
    q++;
  if (q >= end || *q != '\n')
    return NULL;
  while (q < end && g_ascii_isspace (*q))
    q++;
  return q;
}

/* Whether the tag at @p is named @name. */
static gboolean
tag_is (const char *p,
        const char *end,
        const char *name)
{
  const char *q = p + 1 + (p + 1 < end && p[1] == '/');
  gsize       n = strlen (name);

  g_assert (p != NULL && *p == '<' && name != NULL);

  return (gsize) (end - q) > n && g_ascii_strncasecmp (q, name, n) == 0 && !g_ascii_isalnum (q[n]);
}

/* Where the picture that opens the piece from @start to @end ends, when
 * one does (an <img>, in a link or not, as the classic editor puts a
 * picture the text flows around into the paragraph), else %NULL. */
static const char *
after_leading_picture (const char *start,
                       const char *end)
{
  const char *p = start;
  gboolean    linked = end - p > 2 && *p == '<' && tag_is (p, end, "a") && p[1] != '/';

  g_assert (start != NULL && end != NULL);

  if (linked && (p = _cd_wp_tag_end (p, end)) == NULL)
    return NULL;
  if (!(p < end && *p == '<' && tag_is (p, end, "img")) || (p = _cd_wp_tag_end (p, end)) == NULL)
    return NULL;
  if (!linked)
    return p;
  return end - p >= 4 && g_ascii_strncasecmp (p, "</a>", 4) == 0 ? p + 4 : NULL;
}

/* Where the picture that ends the piece from @start to @end starts, when
 * one does after text (an <img>, in a link or not, or a [caption]
 * shortcode, as the classic editor puts a picture inserted at the end of
 * a paragraph), else %NULL. */
static const char *
before_trailing_picture (const char *start,
                         const char *end)
{
  const char *p, *img_end = end;

  g_assert (start != NULL && end != NULL);

  if (end - start > 10 && memcmp (end - 10, "[/caption]", 10) == 0)
    {
      p = g_strrstr_len (start, end - start, "[caption");
      return p != NULL && p > start ? p : NULL;
    }
  if (end - start > 4 && g_ascii_strncasecmp (end - 4, "</a>", 4) == 0)
    img_end = end - 4;
  p = g_strrstr_len (start, img_end - start, "<img");
  if (p == NULL || p == start || _cd_wp_tag_end (p, img_end) != img_end)
    return NULL;
  if (img_end < end)
    {
      const char *link = g_strrstr_len (start, p - start, "<a ");

      if (link == NULL || _cd_wp_tag_end (link, p) != p)
        return NULL;
      p = link;
    }
  return p > start && after_leading_picture (p, end) == end ? p : NULL;
}

/**
 * _cd_wp_classic_pieces:
 * @content: a classic post's content
 * @length: its length
 *
 * Returns: (transfer full): the pieces of @content, each as two #gsize,
 *   its start and end, without the white space around it
 */
GArray *
_cd_wp_classic_pieces (const char *content,
                       gsize       length)
{
  GArray     *pieces = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *end = content + length;
  const char *start = content;
  guint       depth = 0;

  g_assert (content != NULL);

  for (const char *p = content; p <= end; p++)
    {
      const char *next = NULL;

      if (p < end && *p == '<' && p + 4 <= end && strncmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          p = close != NULL ? close + 2 : end - 1;
          continue;
        }
      if (p < end && *p == '<')
        {
          gboolean    closing = p + 1 < end && p[1] == '/';
          const char *name = p + 1 + closing;
          const char *tag_close = _cd_wp_tag_end (p, end);
          gsize       n = 0;

          while (name + n < end && g_ascii_isalnum (name[n]))
            n++;
          if (n > 0 && tag_close != NULL && tag_close[-2] != '/' && is_named (name, n, containers, G_N_ELEMENTS (containers)))
            depth = closing ? (depth > 0 ? depth - 1 : 0) : depth + 1;
          if (tag_close != NULL)
            p = tag_close - 1;
          continue;
        }
      if (p < end && (*p != '\n' || depth > 0))
        continue;
      if (p < end && (next = after_blank_line (p, end)) == NULL)
        {
          if (!ends_block_line (start, p, end))
            continue;
          for (next = p; next < end && g_ascii_isspace (*next); next++)
            ;
        }
      /* A piece ends here: at a blank line, beside a block element's line,
       * or at the end. */
      {
        const char *a = start, *b = p;

        while (a < b && g_ascii_isspace (*a))
          a++;
        while (b > a && g_ascii_isspace (b[-1]))
          b--;
        const char *picture_end = b > a ? after_leading_picture (a, b) : NULL;
        const char *text = picture_end;
        const char *picture = b > a && picture_end == NULL ? before_trailing_picture (a, b) : NULL;
        const char *text_end = picture;

        while (text != NULL && text < b && g_ascii_isspace (*text))
          text++;
        while (text_end != NULL && text_end > a && g_ascii_isspace (text_end[-1]))
          text_end--;
        /* A picture the paragraph's text flows around, or one at its end,
         * is a piece of its own, the text another, nothing between them
         * but spaces or a line break. */
        if (text != NULL && text < b)
          {
            gsize bounds[4] = { a - content, picture_end - content, text - content, b - content };

            g_array_append_vals (pieces, bounds, 4);
          }
        else if (text_end != NULL && text_end > a)
          {
            gsize bounds[4] = { a - content, text_end - content, picture - content, b - content };

            g_array_append_vals (pieces, bounds, 4);
          }
        else if (b > a)
          {
            gsize bounds[2] = { a - content, b - content };

            g_array_append_vals (pieces, bounds, 2);
          }
      }
      if (next == NULL)
        break;
      start = next;
      p = next - 1;
    }
  return pieces;
}

/* Whether @list is one the classic editor saves as text: each item a
 * paragraph, perhaps with a list under it; an ordered list counts from
 * 1. */
static gboolean
is_simple_list (cmark_node *list)
{
  g_assert (list != NULL);

  if (cmark_node_get_type (list) != CMARK_NODE_LIST ||
      (cmark_node_get_list_type (list) == CMARK_ORDERED_LIST && cmark_node_get_list_start (list) != 1))
    return FALSE;
  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item))
    {
      cmark_node *child = cmark_node_first_child (item);
      cmark_node *sub = child != NULL ? cmark_node_next (child) : NULL;

      if (child == NULL || cmark_node_get_type (child) != CMARK_NODE_PARAGRAPH ||
          (sub != NULL && (cmark_node_next (sub) != NULL || !is_simple_list (sub))))
        return FALSE;
    }
  return TRUE;
}

/* A simple list (see is_simple_list()) as the classic editor saves it:
 * each item on a line of its own, indented by a space and a tab, a list
 * under an item on the lines after its text. */
static void
append_list (GString    *out,
             cmark_node *list)
{
  const char *tag = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST ? "ol" : "ul";

  g_assert (out != NULL && list != NULL);

  g_string_append_printf (out, "<%s>\n", tag);
  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item))
    {
      cmark_node *sub = cmark_node_next (cmark_node_first_child (item));

      g_string_append (out, " \t<li>");
      _cd_wp_markup_append_inlines (out, cmark_node_first_child (item));
      if (sub != NULL)
        {
          g_string_append_c (out, '\n');
          append_list (out, sub);
          g_string_append_c (out, '\n');
        }
      g_string_append (out, "</li>\n");
    }
  g_string_append_printf (out, "</%s>", tag);
}

/* A quote of paragraphs as the classic editor saves it: the paragraphs
 * inside the element, set apart by blank lines. %FALSE, and nothing
 * written, for any other quote. */
static gboolean
append_quote (GString      *out,
              cmark_node   *quote,
              cmark_parser *parser,
              gboolean      wrap)
{
  g_assert (out != NULL && quote != NULL && parser != NULL);

  if (cmark_node_get_type (quote) != CMARK_NODE_BLOCK_QUOTE || cmark_node_first_child (quote) == NULL)
    return FALSE;
  for (cmark_node *child = cmark_node_first_child (quote); child != NULL; child = cmark_node_next (child))
    if (cmark_node_get_type (child) != CMARK_NODE_PARAGRAPH)
      return FALSE;
  g_string_append (out, "<blockquote>");
  for (cmark_node *child = cmark_node_first_child (quote); child != NULL; child = cmark_node_next (child))
    {
      if (child != cmark_node_first_child (quote))
        g_string_append (out, "\n\n");
      _cd_wp_classic_append_node (out, child, parser, wrap);
    }
  g_string_append (out, "</blockquote>");
  return TRUE;
}

/**
 * _cd_wp_classic_append_node:
 * @out: where the HTML goes
 * @node: a block node of Markdown
 * @parser: the parser that made it
 * @wrap: whether a paragraph is written in its <p> element
 *
 * Writes @node as the classic editor saves it: a paragraph as bare text
 * (WordPress adds its <p> when it shows the post) unless @wrap, a heading
 * as its element, a simple list with an item a line, a quote of
 * paragraphs in its element, their text escaped as the editors escape it
 * (only "&" and "<"); anything else as HTML. Raw HTML is not passed
 * through.
 */
void
_cd_wp_classic_append_node (GString      *out,
                            cmark_node   *node,
                            cmark_parser *parser,
                            gboolean      wrap)
{
  g_autofree char *html = NULL;
  gsize            n;

  g_assert (out != NULL && node != NULL && parser != NULL);

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      {
        g_autoptr (GString) text = g_string_new (NULL);

        /* A line break is a line break in the text: WordPress shows it as
         * <br>. Text never holds a "<br>" of its own ("<" is escaped). */
        _cd_wp_markup_append_inlines (text, node);
        g_string_replace (text, "<br>", "\n", 0);
        g_string_append (out, wrap ? "<p>" : "");
        g_string_append_len (out, text->str, text->len);
        g_string_append (out, wrap ? "</p>" : "");
      }
      return;
    case CMARK_NODE_HEADING:
      g_string_append_printf (out, "<h%d>", cmark_node_get_heading_level (node));
      _cd_wp_markup_append_inlines (out, node);
      g_string_append_printf (out, "</h%d>", cmark_node_get_heading_level (node));
      return;
    case CMARK_NODE_LIST:
      if (is_simple_list (node))
        {
          append_list (out, node);
          return;
        }
      G_GNUC_FALLTHROUGH;
    case CMARK_NODE_BLOCK_QUOTE:
      if (append_quote (out, node, parser, wrap))
        return;
      G_GNUC_FALLTHROUGH;
    default:
      html = _cd_wp_node_to_html (node, parser);
      n = strlen (html);
      while (n > 0 && html[n - 1] == '\n')
        n--;
      g_string_append_len (out, html, n);
    }
}

/* WordPress's own shortcodes; any other shortcode is known by its form. */
static const char *const shortcodes[] = {
  "audio",
  "caption",
  "embed",
  "gallery",
  "playlist",
  "video",
  "wp_caption",
};

/* Whether @piece holds a shortcode, which WordPress replaces when it shows
 * the post ("[gallery ids=…]", "[/caption]", "[contact-form id=3 /]"), as
 * opposed to the brackets of an editor ("[sic]", "[the mayor]"). */
static gboolean
has_shortcode (const char *piece,
               gsize       length)
{
  const char *end = piece + length;

  g_assert (piece != NULL);

  for (const char *p = memchr (piece, '[', length); p != NULL;
       p = p + 1 < end ? memchr (p + 1, '[', end - p - 1) : NULL)
    {
      const char *name = p + 1 + (p + 1 < end && p[1] == '/');
      const char *q = name;

      while (q < end && (g_ascii_isalnum (*q) || *q == '_' || *q == '-'))
        q++;
      if (q == name || q >= end)
        continue;
      if (name > p + 1 && *q == ']')
        return TRUE;
      if (is_named (name, q - name, shortcodes, G_N_ELEMENTS (shortcodes)) &&
          *q != '\0' && strchr (" ]/", *q) != NULL)
        return TRUE;
      /* "[name key=" or "[name … /]" */
      if (*q == ' ')
        {
          const char *key = q + 1, *k = key;
          const char *close = memchr (q, ']', MIN (end - q, 1024));

          while (k < end && (g_ascii_isalnum (*k) || *k == '_' || *k == '-'))
            k++;
          if ((k > key && k < end && *k == '=') || (close != NULL && close[-1] == '/'))
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether @markdown written back as the classic editor would, its
 * paragraphs in <p> elements when @wrap, in @shape, is @piece. */
static gboolean
writes_back (const char *markdown,
             const GStrv shape,
             const char *piece,
             gsize       length,
             gboolean    wrap)
{
  g_autoptr (GString) written = g_string_new (NULL);
  g_autoptr (GString) shaped = g_string_new (NULL);
  cmark_parser *parser = NULL;
  cmark_node   *doc;

  g_assert (markdown != NULL && shape != NULL && piece != NULL);

  doc = _cd_wp_markdown_parse (markdown, strlen (markdown), &parser);
  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    {
      if (written->len > 0)
        g_string_append (written, "\n\n");
      _cd_wp_classic_append_node (written, node, parser, wrap);
    }
  cmark_node_free (doc);
  cmark_parser_free (parser);
  return _cd_wp_shape_apply (shape, written->str, shaped) && shaped->len == length &&
         memcmp (shaped->str, piece, length) == 0;
}

/* Whether @piece is text as WordPress makes paragraphs of it: no block
 * element but a paragraph's own <p> and a quote of bare text (in a list
 * or a table a line break is layout). */
static gboolean
is_paragraph_text (const char *piece,
                   const char *end)
{
  gboolean quote = FALSE, p_tag = FALSE;

  g_assert (piece != NULL && end != NULL);

  for (const char *p = memchr (piece, '<', end - piece); p != NULL;
       p = p + 1 < end ? memchr (p + 1, '<', end - p - 1) : NULL)
    {
      if (!is_block_tag (p, end))
        continue;
      if (tag_is (p, end, "p"))
        p_tag = TRUE;
      else if (tag_is (p, end, "blockquote"))
        quote = TRUE;
      else
        return FALSE;
    }
  return !(quote && p_tag);
}

/* @piece as the HTML WordPress shows of it: a line break in its text is a
 * <br> (where the HTML converter would read white space), and a quote of
 * bare text holds paragraphs, one for each stretch between blank lines. */
static char *
paragraphs_as_elements (const char *piece)
{
  GString    *out = g_string_sized_new (strlen (piece) + 16);
  const char *end = piece + strlen (piece);
  guint       quotes = 0;

  g_assert (piece != NULL);

  if (!is_paragraph_text (piece, end))
    {
      /* A quote of <p> paragraphs (their white space made plain): a line
       * break inside one. */
      gboolean quote = g_str_has_prefix (piece, "<blockquote><p>"), inside = FALSE;

      for (const char *p = piece; p < end; p++)
        {
          if (*p == '<' && quote)
            inside = tag_is (p, end, "p") ? p[1] != '/' : inside;
          if (inside && *p == '\n')
            g_string_append (out, "<br>");
          else
            g_string_append_c (out, *p);
        }
      return g_string_free (out, FALSE);
    }
  for (const char *p = piece; p < end;)
    {
      const char *tag_close, *after;

      if (*p == '<' && (tag_close = _cd_wp_tag_end (p, end)) != NULL)
        {
          gboolean quote = tag_is (p, end, "blockquote");

          if (quote && p[1] == '/')
            g_string_append (out, quotes > 0 ? "</p>" : "");
          g_string_append_len (out, p, tag_close - p);
          if (quote && p[1] != '/')
            g_string_append (out, "<p>");
          quotes = quote ? (p[1] == '/' ? (quotes > 0 ? quotes - 1 : 0) : quotes + 1) : quotes;
          p = tag_close;
        }
      else if (*p == '\n' && quotes > 0 && (after = after_blank_line (p, end)) != NULL)
        {
          g_string_append (out, "</p><p>");
          p = after;
        }
      else if (*p == '\n')
        {
          g_string_append (out, "<br>");
          p++;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Where the text of @piece starts when it is text in a <div> alone, as
 * pasting from a web page leaves it, or %NULL. */
static const char *
div_text (const char *piece,
          const char *end)
{
  const char *tag_close, *inner_end, *p;

  g_assert (piece != NULL && end != NULL);

  if ((gsize) (end - piece) < strlen ("<div></div>") || g_ascii_strncasecmp (piece, "<div", 4) != 0 ||
      (piece[4] != '>' && piece[4] != ' ') || (tag_close = _cd_wp_tag_end (piece, end)) == NULL ||
      tag_close > (inner_end = end - strlen ("</div>")) ||
      strncmp (inner_end, "</div>", strlen ("</div>")) != 0)
    return NULL;
  /* No block element inside. */
  p = memchr (tag_close, '<', end - tag_close);
  while (p != NULL && p < inner_end && !is_block_tag (p, end))
    p = memchr (p + 1, '<', end - p - 1);
  return p == NULL || p >= inner_end ? tag_close : NULL;
}

/* Whether @piece opens with a quote that names its source and nothing
 * else ('<blockquote cite="…">'; a quote of another class is an embed's,
 * a tweet's, or hidden). */
static gboolean
cites_alone (const char *piece,
             const char *end)
{
  const char *tag_close = _cd_wp_tag_end (piece, end);
  gsize       n = strlen ("<blockquote cite=\"");

  g_assert (piece != NULL && end != NULL);

  return tag_close != NULL && (gsize) (tag_close - piece) > n + 1 &&
         g_ascii_strncasecmp (piece, "<blockquote cite=\"", n) == 0 && memchr (piece + n, '"', tag_close - piece - n) == tag_close - 2;
}

/* @piece with the opening tag of its paragraph or heading as Markdown
 * writes it ("<p>", "<h2>") where that tag has attributes ('<p
 * style="text-align: justify;">', as the classic editor's alignment
 * buttons write it; a quote naming its source, '<blockquote cite=…>'), or
 * text in a <div> alone as a paragraph;
 * @references gets the pairs that write it back. */
static char *
plain_opening (const char *piece,
               GPtrArray  *references)
{
  const char      *end = piece + strlen (piece);
  const char      *name = piece + 1, *tag_close;
  gsize            n = 0;
  g_autofree char *plain = NULL;

  g_assert (piece != NULL && references != NULL);

  while (name + n < end && g_ascii_isalnum (name[n]))
    n++;
  if ((tag_close = div_text (piece, end)) != NULL)
    {
      g_ptr_array_add (references, g_strdup ("<p>"));
      g_ptr_array_add (references, g_strndup (piece, tag_close - piece));
      g_ptr_array_add (references, g_strdup ("</p>"));
      g_ptr_array_add (references, g_strdup ("</div>"));
      return g_strdup_printf ("<p>%.*s</p>", (int) (end - strlen ("</div>") - tag_close), tag_close);
    }
  if (piece[0] != '<' || name + n >= end || name[n] != ' ' || !is_block_tag (piece, end) ||
      !(n == 1 || (n == 2 && g_ascii_tolower (name[0]) == 'h') || cites_alone (piece, end)) ||
      (tag_close = _cd_wp_tag_end (piece, end)) == NULL)
    return g_strdup (piece);
  plain = g_ascii_strdown (name - 1, n + 1);
  g_ptr_array_add (references, g_strconcat (plain, ">", NULL));
  g_ptr_array_add (references, g_strndup (piece, tag_close - piece));
  return g_strconcat (plain, ">", tag_close, NULL);
}

static void
add_pair (GPtrArray  *references,
          const char *written,
          const char *kept)
{
  g_ptr_array_add (references, g_strdup (written));
  g_ptr_array_add (references, g_strdup (kept));
}

static gboolean plain_gap (GString    *text,
                           const char *before,
                           const char *after,
                           const char *plain,
                           GPtrArray  *references);

/* @piece with its list items indented as the classic editor indents them
 * now, by a space and a tab, where they are indented otherwise: by a tab
 * alone, as WordPress before 4.3 wrote them, or not at all, a line each or
 * the list on one line, as lists typed in the editor's HTML view or posted
 * by other tools are, or each line alike; @references gets the pairs that
 * write them back. */
static char *
plain_indents (const char *piece,
               GPtrArray  *references)
{
  GString *out = g_string_new (piece);

  g_assert (piece != NULL && references != NULL);

  if (strstr (piece, " \t<li>") != NULL || strstr (piece, "<li>") == NULL)
    return g_string_free (out, FALSE);
  if (strstr (piece, "\n\t<li>") != NULL)
    {
      g_string_replace (out, "\n\t<li>", "\n \t<li>", 0);
      add_pair (references, " \t<li>", "\t<li>");
    }
  else if (strstr (piece, "\n<li>") != NULL)
    {
      g_string_replace (out, "\n<li>", "\n \t<li>", 0);
      add_pair (references, "\n \t<li>", "\n<li>");
    }
  else if (strstr (piece, "\n") == NULL)
    {
      g_string_replace (out, "><li>", ">\n \t<li>", 0);
      g_string_replace (out, "</li></ul>", "</li>\n</ul>", 0);
      g_string_replace (out, "</li></ol>", "</li>\n</ol>", 0);
      add_pair (references, "\n \t<li>", "<li>");
      add_pair (references, "</li>\n</ul>", "</li></ul>");
      add_pair (references, "</li>\n</ol>", "</li></ol>");
    }
  else
    {
      /* Each line of the list indented alike, as HTML written by hand
       * or exported by another system is. */
      static const char *const starts[] = { "</li>", "<ul", "<ol", "</ul>", "</ol>" };
      guint                    before = references->len;
      gboolean                 alike = plain_gap (out, "\n", "<li>", " \t", references);

      for (guint i = 0; i < G_N_ELEMENTS (starts) && alike; i++)
        alike = plain_gap (out, "\n", starts[i], "", references);
      if (!alike)
        {
          g_ptr_array_set_size (references, before);
          g_string_assign (out, piece);
        }
    }
  return g_string_free (out, FALSE);
}

/* @piece with its list items' opening tags as "<li>" where each has the
 * same attributes ("<li style=\"font-weight: 400;\">", as pasting from a
 * word processor leaves them); @references gets the pair that writes them
 * back. */
static char *
plain_items (const char *piece,
             GPtrArray  *references)
{
  const char      *end = piece + strlen (piece);
  g_autofree char *form = NULL;
  g_autoptr (GString) out = NULL;

  g_assert (piece != NULL && references != NULL);

  if (strstr (piece, "<li ") == NULL)
    return g_strdup (piece);
  out = g_string_sized_new (end - piece);
  for (const char *p = piece; p < end;)
    {
      const char *tag_close = *p == '<' ? _cd_wp_tag_end (p, end) : NULL;

      if (tag_close == NULL || p[1] == '/' || !tag_is (p, end, "li"))
        {
          g_string_append_len (out, p, tag_close != NULL ? tag_close - p : 1);
          p = tag_close != NULL ? tag_close : p + 1;
          continue;
        }
      if (!_cd_wp_same_form (&form, p, tag_close))
        return g_strdup (piece);
      g_string_append (out, "<li>");
      p = tag_close;
    }
  /* "<li " that opens no item (in an attribute's value) writes nothing. */
  if (form == NULL)
    return g_strdup (piece);
  g_ptr_array_add (references, g_strdup ("<li>"));
  g_ptr_array_add (references, g_steal_pointer (&form));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Makes the white space in @text between each @before and the @after that
 * follows it @plain; @references gets the pair that writes it back. Whether
 * that white space is the same everywhere. */
static gboolean
plain_gap (GString    *text,
           const char *before,
           const char *after,
           const char *plain,
           GPtrArray  *references)
{
  g_autofree char *gap = NULL;
  g_autoptr (GString) out = g_string_sized_new (text->len);
  gsize       before_length = strlen (before), after_length = strlen (after);
  const char *p = text->str, *end = text->str + text->len, *at;

  g_assert (text != NULL && before != NULL && after != NULL && plain != NULL && references != NULL);

  while ((at = g_strstr_len (p, end - p, before)) != NULL)
    {
      const char *q = at + before_length, *space = q;

      while (q < end && g_ascii_isspace (*q))
        q++;
      g_string_append_len (out, p, space - p);
      p = space;
      if ((gsize) (end - q) < after_length || strncmp (q, after, after_length) != 0)
        continue;
      if (!_cd_wp_same_form (&gap, space, q))
        return FALSE;
      g_string_append (out, plain);
      p = q;
    }
  g_string_append_len (out, p, end - p);
  if (gap != NULL && strcmp (gap, plain) != 0)
    {
      g_ptr_array_add (references, g_strconcat (before, plain, after, NULL));
      g_ptr_array_add (references, g_strconcat (before, gap, after, NULL));
      g_string_assign (text, out->str);
    }
  return TRUE;
}

/* @piece, a quote of paragraphs in <p> elements, with the white space
 * between its tags as the body writes it back ("<blockquote><p>",
 * "</p>\n\n<p>", "</p></blockquote>"); @references gets the pairs that
 * write the quote's own back. */
static char *
plain_quote_gaps (const char *piece,
                  GPtrArray  *references)
{
  g_autoptr (GString) text = g_string_new (piece);
  guint before = references->len;

  g_assert (piece != NULL && references != NULL);

  if (!g_str_has_prefix (piece, "<blockquote>") || strstr (piece, "<p>") == NULL)
    return g_strdup (piece);
  if (!plain_gap (text, "<blockquote>", "<p>", "", references) ||
      !plain_gap (text, "</p>", "<p>", "\n\n", references) ||
      !plain_gap (text, "</p>", "</blockquote>", "", references))
    {
      g_ptr_array_set_size (references, before);
      return g_strdup (piece);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @piece, a table, as Markdown's table writes it: its opening tag without
 * attributes (@references gets the pair that writes them back: a border,
 * a width, as the classic editor's table button writes them) and, where
 * it has no header section, one of empty cells, which stands in Markdown
 * for a table without a header (written back without it, as a table is
 * in a block post). @piece as it is when it is no table. */
static char *
plain_table (const char *piece,
             GPtrArray  *references)
{
  const char *end = piece + strlen (piece);
  const char *open_end, *row, *row_end;
  g_autoptr (GString) out = NULL;
  guint cells = 0;

  g_assert (piece != NULL && references != NULL);

  if (piece[0] != '<' || !tag_is (piece, end, "table") || (open_end = _cd_wp_tag_end (piece, end)) == NULL)
    return g_strdup (piece);
  out = g_string_new ("<table>");
  if (open_end - piece > (gssize) strlen ("<table>"))
    {
      g_ptr_array_add (references, g_strdup ("<table>"));
      g_ptr_array_add (references, g_strndup (piece, open_end - piece));
    }
  row = strstr (open_end, "<tr");
  row_end = row != NULL ? strstr (row, "</tr>") : NULL;
  if (strstr (open_end, "<thead") == NULL && row_end != NULL)
    {
      for (const char *p = row; p != NULL && p < row_end; p = strstr (p + 1, "<t"))
        cells += tag_is (p, row_end, "td") || tag_is (p, row_end, "th");
      g_string_append (out, "<thead><tr>");
      for (guint i = 0; i < cells; i++)
        g_string_append (out, "<th></th>");
      g_string_append (out, "</tr></thead>");
    }
  g_string_append (out, open_end);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @piece, when it is preformatted text as the classic editor writes it
 * (`<pre>` around the lines, no code element, no tag in the text), as
 * Markdown's fence writes it back: in a code element, a newline after its
 * last line; @references gets the pairs that write it back. */
static char *
plain_pre (const char *piece,
           GPtrArray  *references)
{
  const char *end = piece + strlen (piece);
  const char *text_end = end - MIN (strlen ("</pre>"), (gsize) (end - piece));
  const char *open_end;

  g_assert (piece != NULL && references != NULL);

  /* Text there, with no tag in it and not ending with a newline. */
  if (piece[0] != '<' || !tag_is (piece, end, "pre") || !g_str_has_suffix (piece, "</pre>") ||
      (open_end = _cd_wp_tag_end (piece, end)) == NULL || open_end >= text_end ||
      memchr (open_end, '<', text_end - open_end) != NULL || text_end[-1] == '\n')
    return g_strdup (piece);
  g_ptr_array_add (references, g_strdup ("<pre><code>"));
  g_ptr_array_add (references, g_strndup (piece, open_end - piece));
  add_pair (references, "\n</code></pre>", "</pre>");
  return g_strdup_printf ("<pre><code>%.*s\n</code></pre>", (int) (text_end - open_end), open_end);
}

/* Whether the tag at @p is a line break's ("<br>", "<br />"). */
static gboolean
is_break (const char *p,
          const char *end)
{
  g_assert (p != NULL && *p == '<');

  return p[1] != '/' && tag_is (p, end, "br");
}

/* @piece with the line breaks of its paragraph written as elements
 * ("Line one<br />\nLine two", as posts imported from other systems have
 * them) as plain line breaks, the way the classic editor writes them; the
 * element, with the line break after it if it has one, goes into
 * @references after "\n". @piece as it is when it is not one paragraph, has
 * no such element, writes its line breaks two ways or has a line break of
 * its own. */
static char *
plain_breaks (const char *piece,
              GPtrArray  *references)
{
  const char      *end = piece + strlen (piece);
  g_autofree char *form = NULL;
  g_autoptr (GString) out = g_string_sized_new (end - piece);

  g_assert (piece != NULL && references != NULL);

  if (strstr (piece, "<br") == NULL && strstr (piece, "<BR") == NULL)
    return g_strdup (piece);
  if (!is_paragraph_text (piece, end) || strstr (piece, "<blockquote") != NULL)
    return g_strdup (piece);
  for (const char *p = piece; p < end;)
    {
      const char *tag_close;

      if (*p == '\n')
        return g_strdup (piece);
      if (*p != '<' || (tag_close = _cd_wp_tag_end (p, end)) == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (!is_break (p, end))
        {
          g_string_append_len (out, p, tag_close - p);
          p = tag_close;
          continue;
        }
      if (tag_close < end && *tag_close == '\n')
        tag_close++;
      if (!_cd_wp_same_form (&form, p, tag_close))
        return g_strdup (piece);
      g_string_append_c (out, '\n');
      p = tag_close;
    }
  /* "<bread>" is no break: then there is nothing to write back. */
  if (form != NULL)
    {
      g_ptr_array_add (references, g_strdup ("\n"));
      g_ptr_array_add (references, g_steal_pointer (&form));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether @piece starts with a block element other than a paragraph or a
 * quote of bare text, whose own paragraphs are not in <p> elements. */
static gboolean
starts_block (const char *piece,
              gsize       length)
{
  const char *end = piece + length;

  g_assert (piece != NULL);

  return length > 0 && piece[0] == '<' && is_block_tag (piece, end) && !tag_is (piece, end, "p") &&
         !tag_is (piece, end, "blockquote");
}

/**
 * _cd_wp_classic_wraps:
 * @piece: a piece of a classic post, or %NULL for none
 * @length: its length
 * @wrapped: whether the post's paragraphs are in <p> elements
 *
 * Returns: whether text written in place of @piece has its paragraphs in
 *   <p> elements: as @piece has them when it is a paragraph or a quote,
 *   else as the post has
 */
gboolean
_cd_wp_classic_wraps (const char *piece,
                      gsize       length,
                      gboolean    wrapped)
{
  const char *end;

  if (piece != NULL && div_text (piece, piece + length) != NULL)
    return TRUE; /* written in its <div> */
  if (piece == NULL || starts_block (piece, length))
    return wrapped;
  end = piece + length;
  if (piece[0] == '<' && piece[1] != '/' && tag_is (piece, end, "blockquote") && _cd_wp_tag_end (piece, end) != NULL)
    piece = _cd_wp_tag_end (piece, end);
  while (piece < end && g_ascii_isspace (*piece))
    piece++;
  return piece < end && piece[0] == '<' && tag_is (piece, end, "p");
}

/* Puts @next in place of *@text; whether @next is not %NULL. */
static gboolean
take_text (char **text,
           char  *next)
{
  g_assert (text != NULL);

  g_free (*text);
  *text = next;
  return next != NULL;
}

/**
 * _cd_wp_classic_same_kind:
 * @node: a block node of edited text
 * @markdown: the Markdown of the piece it replaces
 *
 * Returns: whether @node is the same kind of block as the piece (a
 *   paragraph, a heading of the same level, a list of the same kind, a
 *   quote): the piece's shape fits only text of its own kind (a line
 *   break written "<br />" in a paragraph is layout in a list or code)
 */
gboolean
_cd_wp_classic_same_kind (cmark_node *node,
                          const char *markdown)
{
  cmark_parser *parser = NULL;
  cmark_node   *doc, *first;
  gboolean      same;

  g_assert (node != NULL && markdown != NULL);

  doc = _cd_wp_markdown_parse (markdown, strlen (markdown), &parser);
  first = cmark_node_first_child (doc);
  same = first != NULL && cmark_node_get_type (first) == cmark_node_get_type (node);
  if (same && cmark_node_get_type (node) == CMARK_NODE_HEADING)
    same = cmark_node_get_heading_level (first) == cmark_node_get_heading_level (node);
  if (same && cmark_node_get_type (node) == CMARK_NODE_LIST)
    same = cmark_node_get_list_type (first) == cmark_node_get_list_type (node);
  cmark_node_free (doc);
  cmark_parser_free (parser);
  return same;
}

/**
 * _cd_wp_classic_markdown:
 * @piece: a piece of a classic post (see _cd_wp_classic_pieces())
 * @length: its length
 * @wrapped: (inout): whether the post's paragraphs are written in <p>
 *   elements: set when @piece is a paragraph, as it is when not
 * @shape_out: (out): %NULL, or the shape (see _cd_wp_shaped_markdown())
 *   that writes the links, character references and line breaks of @piece
 *   back as @piece writes them (a classic post's text has no wrapper to
 *   keep)
 *
 * Returns: (transfer full) (nullable): the Markdown of @piece when writing
 *   it back gives @piece's exact bytes and it holds no shortcode, else
 *   %NULL
 */
char *
_cd_wp_classic_markdown (const char *piece,
                         gsize       length,
                         gboolean   *wrapped,
                         GStrv      *shape_out)
{
  g_autoptr (GPtrArray) shape = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  g_auto (GStrv) pairs = NULL;
  gboolean wrap, restyled;
  gsize    n;

  g_assert (piece != NULL && wrapped != NULL && shape_out != NULL);

  *shape_out = NULL;
  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (shape, g_strdup (""));
  if (has_shortcode (piece, length) || (text = _cd_wp_plain_links (piece, length, shape)) == NULL ||
      !take_text (&text, _cd_wp_plain_references (text, strlen (text), shape)))
    return NULL;
  /* Each step writes what it takes out of the text into the shape. */
  n = shape->len;
  take_text (&text, _cd_wp_plain_scripts (text, shape));
  take_text (&text, plain_opening (text, shape));
  restyled = shape->len > n;
  take_text (&text, _cd_wp_plain_synonyms (text, shape));
  take_text (&text, plain_indents (text, shape));
  take_text (&text, plain_items (text, shape));
  take_text (&text, plain_quote_gaps (text, shape));
  take_text (&text, plain_table (text, shape));
  take_text (&text, plain_pre (text, shape));
  wrap = g_str_has_prefix (text, "<p>") || g_str_has_prefix (text, "<blockquote><p>");
  take_text (&text, plain_breaks (text, shape));
  take_text (&text, _cd_wp_plain_spans (text, shape));
  take_text (&text, _cd_wp_plain_spaces (text, shape));
  take_text (&text, _cd_wp_plain_marks (text, FALSE, shape));
  take_text (&text, paragraphs_as_elements (text));
  markdown = _cd_html_to_markdown_exact (text, strlen (text));
  n = strlen (markdown);
  while (n > 0 && markdown[n - 1] == '\n')
    markdown[--n] = '\0';
  g_ptr_array_add (shape, NULL);
  pairs = (GStrv) g_ptr_array_steal (shape, NULL);
  if (n == 0 || !writes_back (markdown, pairs, piece, length, wrap))
    return NULL;
  /* Only a paragraph tells how the post writes paragraphs; an aligned one
   * has its own <p> whatever the post's are. */
  if (!restyled &&
      (piece[0] != '<' || !is_block_tag (piece, piece + length) || tag_is (piece, piece + length, "p")))
    *wrapped = wrap;
  if (g_strv_length (pairs) > 4)
    *shape_out = g_steal_pointer (&pairs);
  return g_steal_pointer (&markdown);
}
