/* cd-html-word.c: the HTML Word writes (Outlook's messages, Word's "Save
 * as Web Page"), read as the HTML it stands for: its downlevel-revealed
 * conditionals ("<![if !supportLists]>", shown by every browser but
 * Internet Explorer), its lists set as paragraphs with a typed bullet or
 * number and a "mso-list" style, and its Title and Quote styles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-html-private.h"

/* Lists nest at most this deep (Word's own limit). */
#define MAX_LEVELS 9

/**
 * _cd_html_word_unwrap:
 * @html: HTML
 * @length: its length in bytes
 * @out_length: (out): the length of what is returned
 *
 * Word's downlevel-revealed conditionals ("<![if !vml]>", "<![endif]>")
 * are no markup to an HTML parser, which reads them as text; what they
 * wrap is what every browser shows. Its "<o:p>" (Office's paragraph
 * mark, empty or a no-break space) would be read as a paragraph of its
 * own, inside a list item too.
 *
 * Returns: (transfer full) (nullable): @html without them, or %NULL when
 *   it has none
 */
char *
_cd_html_word_unwrap (const char *html,
                      gsize       length,
                      gsize      *out_length)
{
  static GRegex *regex;
  g_autoptr (GError) error = NULL;
  char *out;

  g_assert (html != NULL && out_length != NULL);

  if (g_strstr_len (html, length, "<![if") == NULL && g_strstr_len (html, length, "<![endif]>") == NULL &&
      g_strstr_len (html, length, "<o:p>") == NULL)
    return NULL;
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("<!\\[(?:if\\s[^\\]>]*|endif)\\]>|</?o:p>", G_REGEX_CASELESS | G_REGEX_RAW,
                                            0, NULL));
  out = g_regex_replace_literal (regex, html, length, 0, "", 0, &error);
  if (out == NULL)
    return NULL;
  *out_length = strlen (out);
  return out;
}

/* Whether @node's attribute @name holds @needle, caseless. */
static gboolean
attr_holds (xmlNode    *node,
            const char *name,
            const char *needle)
{
  g_autofree char *value = _cd_html_get_attr (node, name);
  g_autofree char *down = value != NULL ? g_ascii_strdown (value, -1) : NULL;

  return down != NULL && strstr (down, needle) != NULL;
}

/* Whether @node is a paragraph in the Word style @style ("msoquote"),
 * lower case; "MsoQuoteCxSpFirst" too. */
static gboolean
has_style (xmlNode    *node,
           const char *style)
{
  g_autofree char *value = NULL;
  g_autofree char *down = NULL;

  if (node->type != XML_ELEMENT_NODE || xmlStrcasecmp (node->name, (const xmlChar *) "p") != 0 ||
      (value = _cd_html_get_attr (node, "class")) == NULL)
    return FALSE;
  down = g_ascii_strdown (value, -1);
  return g_str_has_prefix (down, style) &&
         (down[strlen (style)] == '\0' || g_str_has_prefix (down + strlen (style), "cxsp"));
}

/* The level (1 to MAX_LEVELS) of @node, a paragraph Word set as an item
 * of a list ("mso-list:l0 level2 lfo1"), or 0. */
static guint
list_level (xmlNode *node)
{
  g_autofree char *style = NULL;
  g_autofree char *down = NULL;
  const char      *list, *level;

  if (node->type != XML_ELEMENT_NODE || xmlStrcasecmp (node->name, (const xmlChar *) "p") != 0 ||
      (style = _cd_html_get_attr (node, "style")) == NULL)
    return 0;
  down = g_ascii_strdown (style, -1);
  if ((list = strstr (down, "mso-list:")) == NULL || g_str_has_prefix (list + 9, "ignore") ||
      g_str_has_prefix (list + 9, "none") || g_str_has_prefix (list + 9, "skip"))
    return 0;
  if ((level = strstr (list, "level")) == NULL || !g_ascii_isdigit (level[5]))
    return 1;
  return CLAMP ((guint) (level[5] - '0'), 1, MAX_LEVELS);
}

/* Whether @node is the span that holds the bullet or number Word typed
 * ("mso-list:Ignore"). */
static gboolean
is_marker (xmlNode      *node,
           gconstpointer data)
{
  return attr_holds (node, "style", "mso-list:ignore");
}

/* Takes the typed bullet or number out of @item, a list paragraph;
 * returns whether it numbered the item ("1.", "a)", "iv."). */
static gboolean
take_marker (xmlNode *item)
{
  xmlNode         *marker = _cd_xml_find (item->children, is_marker, NULL, 8);
  g_autofree char *text = NULL;

  if (marker == NULL)
    return FALSE;
  text = _cd_html_node_text (marker);
  xmlUnlinkNode (marker);
  xmlFreeNode (marker);
  return g_regex_match_simple ("^\\s*[\\p{L}\\p{N}]{1,5}[.)]\\s*$", text, 0, 0);
}

/* Whether @node is white space between elements. */
static gboolean
is_blank_text (xmlNode *node)
{
  if (node->type == XML_COMMENT_NODE)
    return TRUE;
  if (node->type != XML_TEXT_NODE)
    return FALSE;
  for (const xmlChar *p = node->content; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The children of @parent: each run of Word's list paragraphs becomes a
 * list (<ul>, or <ol> where numbers were typed) of items, nested by
 * their levels; each run of paragraphs in the Quote or Intense Quote
 * style a <blockquote>; a paragraph in the Title style an <h1>. */
static void
normalize_children (xmlNode *parent,
                    guint    depth)
{
  xmlNode *lists[MAX_LEVELS] = { NULL };
  xmlNode *items[MAX_LEVELS] = { NULL };
  xmlNode *quote = NULL;
  guint    open = 0, base = 0;
  xmlNode *next;

  for (xmlNode *child = parent->children; child != NULL; child = next)
    {
      guint level = list_level (child);

      next = child->next;
      if (is_blank_text (child))
        continue;
      if (level == 0)
        open = 0;
      if (!has_style (child, "msoquote") && !has_style (child, "msointensequote"))
        quote = NULL;

      if (level > 0)
        {
          gboolean numbered = take_marker (child);
          guint    at;

          if (open == 0)
            base = level;
          at = level > base ? MIN (level - base + 1, open + 1) : 1;
          if (at > open)
            {
              xmlNode *list = xmlNewNode (NULL, (const xmlChar *) (numbered ? "ol" : "ul"));

              if (open == 0)
                xmlAddPrevSibling (child, list);
              else
                xmlAddChild (items[open - 1], list);
              lists[at - 1] = list;
            }
          open = at;
          xmlUnlinkNode (child);
          xmlNodeSetName (child, (const xmlChar *) "li");
          xmlAddChild (lists[at - 1], child);
          items[at - 1] = child;
        }
      else if (has_style (child, "msoquote") || has_style (child, "msointensequote"))
        {
          if (quote == NULL)
            {
              quote = xmlNewNode (NULL, (const xmlChar *) "blockquote");
              xmlAddPrevSibling (child, quote);
            }
          xmlUnlinkNode (child);
          xmlAddChild (quote, child);
        }
      else if (has_style (child, "msotitle"))
        xmlNodeSetName (child, (const xmlChar *) "h1");
      else if (child->type == XML_ELEMENT_NODE && depth < _CD_HTML_MAX_DEPTH)
        normalize_children (child, depth + 1);
    }
}

/**
 * _cd_html_word_normalize:
 * @root: a parsed page
 *
 * Reads Word's lists, quotations and title under @root as HTML's own
 * (normalize_children()).
 */
void
_cd_html_word_normalize (xmlNode *root)
{
  g_assert (root != NULL);

  normalize_children (root, 0);
}
