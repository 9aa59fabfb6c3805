/* cd-html-inline.c: HTML's inline elements (text, emphasis, links, code)
 * as inline Markdown, for cd-html2md.c, which writes the blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-html2md"

#include "config.h"

#include <string.h>
#include <libxml/tree.h>

#include "cd-html-private.h"
#include "cd-html2md-private.h"
#include "cd-import-private.h"

#define MAX_DEPTH _CD_HTML_MAX_DEPTH

static gboolean
ends_with_space (GString *out)
{
  return out->len == 0 || out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\n';
}

static void
append_space (GString *out)
{
  if (!ends_with_space (out))
    g_string_append_c (out, ' ');
}

/* Appends @text, its white space collapsed; but for exact Markdown, a run
 * of spaces between words stays as it is ("End.  Next", as typists
 * write). A line break that opens @text before a comma or full stop is
 * the layout of markup indented by a program ("<a …>Verdensbanken</a>⏎
 * , som"), not a space in the sentence. */
void
_cd_html_append_text (const CdHtmlConverter *c,
                      GString               *out,
                      const char            *text)
{
  const char *p = text;

  while (*p)
    {
      const char *start;

      if (g_ascii_isspace (*p))
        {
          start = p;
          while (*p && g_ascii_isspace (*p))
            p++;
          if (!c->exact && start == text && *p != '\0' && strchr (",.;:!?)", *p) != NULL &&
              memchr (start, '\n', p - start) != NULL)
            continue;
          if (c->exact && *p != '\0' && p - start > 1 && !ends_with_space (out) &&
              strspn (start, " ") == (gsize) (p - start))
            g_string_append_len (out, start, p - start);
          else
            append_space (out);
          continue;
        }
      start = p;
      while (*p && !g_ascii_isspace (*p))
        p++;
      _cd_markdown_escape_inline (out, start, p - start);
    }
}

static void
trim_trailing_space (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

static gboolean
unsafe_url (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  if (scheme == NULL)
    return FALSE;
  return g_ascii_strcasecmp (scheme, "javascript") == 0 ||
         g_ascii_strcasecmp (scheme, "vbscript") == 0 ||
         g_ascii_strcasecmp (scheme, "data") == 0;
}

static void
append_destination (GString    *out,
                    const char *url)
{
  for (const char *p = url; *p; p++)
    {
      guchar c = *p;

      if (c <= ' ' || c == '<' || c == '>' || c == 0x7f)
        g_string_append_printf (out, "%%%02X", c);
      else if (c == '(' || c == ')' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else
        g_string_append_c (out, c);
    }
}

void
_cd_html_render_inline_children (CdHtmlConverter *c,
                                 xmlNode         *node,
                                 GString         *out,
                                 guint            depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    _cd_html_render_inline (c, child, out, depth + 1);
}

/* Emphasis markers go around the text, the spaces at its ends outside;
 * the closing markers are the opening ones in reverse ("~~**" … "**~~"). */
static void
wrap_inline (CdHtmlConverter *c,
             xmlNode         *node,
             GString         *out,
             guint            depth,
             const char      *marker)
{
  g_autoptr (GString) inner = g_string_new (NULL);
  gsize start = 0, end;

  /* Start the inner text as if it followed what is already there, so
   * spaces collapse across the boundary. */
  if (!ends_with_space (out))
    g_string_append_c (inner, 'x');
  start = inner->len;
  _cd_html_render_inline_children (c, node, inner, depth);
  end = inner->len;

  if (start < end && inner->str[start] == ' ')
    {
      append_space (out);
      start++;
    }
  while (end > start && (inner->str[end - 1] == ' '))
    end--;
  if (end > start)
    {
      g_autofree char *closing = g_strreverse (g_strdup (marker));

      g_string_append (out, marker);
      g_string_append_len (out, inner->str + start, end - start);
      g_string_append (out, closing);
    }
  if (end < inner->len && inner->str[inner->len - 1] == ' ')
    append_space (out);
}

/* The emphasis an inline element's CSS gives or takes away, as word
 * processors and Google Docs write it when text is copied from them
 * (<span style="font-weight:700">, the whole copy inside <b
 * style="font-weight:normal">): each of @strong, @em and @strike is set to
 * 1 or 0 where the style says, and left alone where it is silent. */
static void
read_style_emphasis (xmlNode *node,
                     int     *strong,
                     int     *em,
                     int     *strike)
{
  g_autofree char *style = _cd_html_get_attr (node, "style");
  g_auto (GStrv) declarations = NULL;

  if (style == NULL)
    return;
  declarations = g_strsplit (style, ";", -1);
  for (guint i = 0; declarations[i] != NULL; i++)
    {
      char            *colon = strchr (declarations[i], ':');
      g_autofree char *property = NULL;
      g_autofree char *value = NULL;

      if (colon == NULL)
        continue;
      property = g_strstrip (g_ascii_strdown (declarations[i], colon - declarations[i]));
      value = g_strstrip (g_ascii_strdown (colon + 1, -1));
      if (strcmp (property, "font-weight") == 0)
        *strong = strcmp (value, "bold") == 0 || strcmp (value, "bolder") == 0 ||
                  g_ascii_strtoll (value, NULL, 10) >= 600;
      else if (strcmp (property, "font-style") == 0)
        *em = g_str_has_prefix (value, "italic") || g_str_has_prefix (value, "oblique");
      else if (strcmp (property, "text-decoration") == 0 ||
               strcmp (property, "text-decoration-line") == 0)
        *strike = strstr (value, "line-through") != NULL;
    }
}

static gboolean
is_em_element (xmlNode *node)
{
  return _cd_html_name_is (node, "em") || _cd_html_name_is (node, "i") || _cd_html_name_is (node, "cite") ||
         _cd_html_name_is (node, "dfn");
}

/* Whether the byte @c could be a word's: "**" next to one could not open
 * or close the strong emphasis around an emphasis with "_". */
static gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

/* Whether strong @node (about to be written after @out) is all emphasis,
 * one emphasis element and nothing else, with no word against it on either
 * side: then "**_text_**" says it, where "***text***" reads as emphasis
 * around strong. */
static gboolean
is_strong_emphasis (xmlNode       *node,
                    const GString *out)
{
  xmlNode *child = node->children;
  xmlNode *next = node->next;

  if (child == NULL || child->next != NULL || !is_em_element (child))
    return FALSE;
  if (out->len > 0 && is_word_byte (out->str[out->len - 1]))
    return FALSE;
  if (next == NULL)
    return TRUE;
  return next->type == XML_TEXT_NODE && next->content != NULL && !is_word_byte ((char) next->content[0]);
}

/* An element that may mark its text strong, emphasised or struck, by its
 * name or its style. Emphasis inside emphasis of the same kind adds no
 * markers. */
static void
render_emphasis (CdHtmlConverter *c,
                 xmlNode         *node,
                 GString         *out,
                 guint            depth)
{
  int      strong = _cd_html_name_is (node, "strong") || _cd_html_name_is (node, "b");
  int      em = is_em_element (node);
  int      strike = _cd_html_name_is (node, "s") || _cd_html_name_is (node, "del") || _cd_html_name_is (node, "strike");
  gboolean underscore = c->em_underscore;
  g_autoptr (GString) marker = g_string_new (NULL);

  c->em_underscore = FALSE;
  read_style_emphasis (node, &strong, &em, &strike);
  if (strike && c->strike_depth == 0)
    g_string_append (marker, "~~");
  if (strong && c->strong_depth == 0)
    {
      g_string_append (marker, "**");
      c->em_underscore = c->exact && !em && c->em_depth == 0 && is_strong_emphasis (node, out);
    }
  if (em && c->em_depth == 0)
    g_string_append (marker, underscore ? "_" : "*");
  c->strike_depth += strike;
  c->strong_depth += strong;
  c->em_depth += em;
  if (marker->len > 0)
    wrap_inline (c, node, out, depth, marker->str);
  else
    _cd_html_render_inline_children (c, node, out, depth);
  c->strike_depth -= strike;
  c->strong_depth -= strong;
  c->em_depth -= em;
  c->em_underscore = FALSE;
}

static void
render_code (xmlNode *node,
             GString *out)
{
  xmlChar         *content = xmlNodeGetContent (node);
  g_autofree char *text = g_strdup (content ? (const char *) content : "");
  guint            longest = 0, run = 0;
  GString         *fence;

  xmlFree (content);
  g_strdelimit (text, "\n\r\t", ' ');
  if (*text == '\0')
    return;
  for (const char *p = text; *p; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  fence = g_string_new (NULL);
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (fence, '`');
  g_string_append (out, fence->str);
  if (text[0] == '`' || text[0] == ' ' || text[strlen (text) - 1] == '`')
    g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (text[0] == '`' || text[0] == ' ' || text[strlen (text) - 1] == '`')
    g_string_append_c (out, ' ');
  g_string_append (out, fence->str);
  g_string_free (fence, TRUE);
}

/* Whether @node, a link to @href, is a picture's link to its own file at
 * full size (a site's "link to media file"): the picture alone is kept,
 * except where the page comes back as it went. */
static gboolean
links_own_picture (const CdHtmlConverter *c,
                   xmlNode               *node,
                   const char            *href)
{
  g_autofree char *text = NULL;

  if (c->exact || _cd_html_find_element (node->children, "img", 2) == NULL)
    return FALSE;
  text = _cd_html_node_text (node);
  return *g_strstrip (text) == '\0' &&
         g_regex_match_simple ("\\.(?:jpe?g|png|gif|webp|avif|tiff?)(?:[?#].*)?$", href, G_REGEX_CASELESS, 0);
}

void
_cd_html_render_inline (CdHtmlConverter *c,
                        xmlNode         *node,
                        GString         *out,
                        guint            depth)
{
  if (_cd_html_is_dropped (node))
    return;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        _cd_html_append_text (c, out, (const char *) node->content);
      return;
    }

  if (depth > MAX_DEPTH)
    {
      g_autofree char *text = _cd_html_node_text (node);
      _cd_html_append_text (c, out, text);
      return;
    }

  if (_cd_html_name_is (node, "br"))
    {
      trim_trailing_space (out);
      /* A second break in a row parts paragraphs, as a reader sees it
       * ("<br><br>"), except where the markup comes back as it went. */
      if (!c->exact && g_str_has_suffix (out->str, "\\\n"))
        {
          g_string_truncate (out, out->len - 2);
          g_string_append (out, "\n\n");
        }
      else if (out->len > 0 && out->str[out->len - 1] != '\n')
        g_string_append (out, "\\\n");
    }
  else if (_cd_html_name_is (node, "code") || _cd_html_name_is (node, "kbd") || _cd_html_name_is (node, "samp") ||
           _cd_html_name_is (node, "tt"))
    render_code (node, out);
  else if (_cd_html_name_is (node, "a"))
    {
      g_autofree char *href = _cd_html_get_attr (node, "href");

      if (href != NULL)
        g_strstrip (href);
      if (c->link_depth > 0 || href == NULL || *href == '\0' || unsafe_url (href) || links_own_picture (c, node, href))
        {
          _cd_html_render_inline_children (c, node, out, depth);
          return;
        }
      c->link_depth++;
      {
        g_autoptr (GString) inner = g_string_new (NULL);

        _cd_html_render_inline_children (c, node, inner, depth);
        g_strstrip (inner->str);
        g_string_set_size (inner, strlen (inner->str));
        if (inner->len == 0)
          _cd_markdown_escape_inline (inner, href, -1);
        g_string_append_c (out, '[');
        g_string_append (out, inner->str);
        g_string_append (out, "](");
        append_destination (out, href);
        g_string_append_c (out, ')');
      }
      c->link_depth--;
    }
  else if (_cd_html_name_is (node, "img"))
    {
      g_autofree char *src = _cd_html_get_attr (node, "src");
      g_autofree char *alt = _cd_html_get_attr (node, "alt");

      if (src == NULL || *g_strstrip (src) == '\0' || unsafe_url (src))
        return;
      g_string_append (out, "![");
      if (alt != NULL)
        {
          g_autofree char *collapsed = _cd_html_collapse_space (alt);
          _cd_markdown_escape_inline (out, collapsed, -1);
        }
      g_string_append (out, "](");
      append_destination (out, src);
      g_string_append_c (out, ')');
    }
  else if (_cd_html_is_block (node))
    {
      /* A block inside inline content: keep its words apart. */
      append_space (out);
      _cd_html_render_inline_children (c, node, out, depth);
      append_space (out);
    }
  else
    render_emphasis (c, node, out, depth);
}

/* Inline Markdown as lines of a block: trimmed, and escaped where a line
 * start would read as block markup. */
char *
_cd_html_finish_inline (GString *run,
                        gboolean one_line)
{
  g_auto (GStrv) lines = NULL;
  GString *out;

  lines = g_strsplit (run->str, "\n", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (one_line && g_str_has_suffix (line, "\\"))
        line[strlen (line) - 1] = '\0';
      /* A paragraph's break within a line of a table or a heading. */
      if (one_line && *line == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, one_line ? " " : "\n");
      g_string_append (out, line);
    }
  /* A hard break at the very end means nothing. */
  g_strchomp (out->str);
  g_string_set_size (out, strlen (out->str));
  while (g_str_has_suffix (out->str, "\\"))
    g_string_truncate (out, out->len - 1);
  g_strchomp (out->str);
  g_string_set_size (out, strlen (out->str));
  if (!one_line)
    _cd_markdown_escape_line_starts (out);
  return g_string_free (out, FALSE);
}

/* Adds the inline Markdown of @run to @blocks as a block of its own; none
 * for nothing, nor (but for exact Markdown) for white space alone: a
 * paragraph of a no-break space is an editor's spacer. */
void
_cd_html_flush_run (const CdHtmlConverter *c,
                    GString               *run,
                    GPtrArray             *blocks)
{
  char *text;

  if (run->len == 0)
    return;
  text = _cd_html_finish_inline (run, FALSE);
  g_string_truncate (run, 0);
  if (*text == '\0' || (!c->exact && cd_text_is_blank (text)))
    {
      g_free (text);
      return;
    }
  g_ptr_array_add (blocks, text);
}
