/* cd-html-page.c: the parts a news site's page template marks with its
 * classes around the story: the standfirst, the byline and the time it
 * went up are the article's; the section's label goes to the note; the
 * newsletter box, the share buttons, the comments, related links and
 * advertisements are the site's, not the story's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-html2md"

#include "config.h"

#include <string.h>
#include <libxml/xpath.h>

#include "cd-html-private.h"
#include "cd-html2md-private.h"
#include "cd-import-private.h"
#include "cd-words.h"

typedef enum
{
  PART_NONE,
  PART_STANDFIRST,
  PART_BYLINE,
  PART_TIME,
  PART_LABEL,
  PART_FURNITURE,
} PagePart;

/* What a class says of its element, by the words it is made of
 * ("article-standfirst", "c-byline", "newsletter_signup"), and the most
 * words such an element holds: more, and it wraps the story itself. */
static const struct
{
  PagePart           part;
  guint              max_words;
  const char *const *words;
} part_words[] = {
  {PART_STANDFIRST, 60, (const char *const[]){ "standfirst", "dek", "deck", "strapline", "subtitle", "subheadline", "summary", NULL }                                                                                                                                                                                                                             },
  { PART_BYLINE,    16, (const char *const[]){ "byline", "author", "authors", NULL }                                                                                                                                                                                                                                                                              },
  { PART_TIME,      12, (const char *const[]){ "date", "time", "timestamp", "published", "pubdate", "updated", "meta", NULL }                                                                                                                                                                                                                                     },
  { PART_LABEL,     6,  (const char *const[]){ "kicker", "eyebrow", "category", NULL }                                                                                                                                                                                                                                                                            },
  { PART_FURNITURE, 80, (const char *const[]){ "newsletter", "signup", "subscribe", "subscription", "comments", "comment", "share", "sharing", "social", "related", "recommended", "promo", "advert", "advertisement", "advertising", "ad", "ads", "breadcrumb", "breadcrumbs", "cookie", "cookies", "skip", "paywall", "sponsored", "outbrain", "taboola", NULL }},
};

static PagePart
part_of_class (const char *klass)
{
  g_auto (GStrv) tokens = g_strsplit_set (klass, " \t\r\n", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *token = g_ascii_strdown (tokens[i], -1);
      g_auto (GStrv) words = g_strsplit_set (token, "-_", -1);

      /* A section's label over the headline: "section-label". */
      if (g_str_equal (token, "section-label") || g_str_equal (token, "section-name"))
        return PART_LABEL;
      for (guint k = 0; k < G_N_ELEMENTS (part_words); k++)
        for (guint w = 0; words[w] != NULL; w++)
          if (g_strv_contains (part_words[k].words, words[w]))
            return part_words[k].part;
    }
  return PART_NONE;
}

static guint
max_words (PagePart part)
{
  for (guint k = 0; k < G_N_ELEMENTS (part_words); k++)
    if (part_words[k].part == part)
      return part_words[k].max_words;
  return 0;
}

/* Whether @node names its page's author (rel="author", an element of an
 * author's name's class): a CdXmlMatch. */
static gboolean
is_author_name (xmlNode      *node,
                gconstpointer data)
{
  g_autofree char *rel = _cd_html_get_attr (node, "rel");
  g_autofree char *klass = _cd_html_get_attr (node, "class");

  return (rel != NULL && g_ascii_strcasecmp (rel, "author") == 0) ||
         (klass != NULL && (strstr (klass, "author-name") != NULL || strstr (klass, "author__name") != NULL));
}

/* The byline in @node's text ("By Iain MacLeod Business Editor"): the
 * names it links to the authors' pages, its text as a "By" line reads,
 * or a name alone; %NULL when it reads as none (an author's biography). */
static char *
byline_of (xmlNode    *node,
           const char *text)
{
  g_autoptr (GString) names = g_string_new (NULL);
  guint count = 0;

  for (xmlNode *name = _cd_xml_find (node->children, is_author_name, NULL, 6); name != NULL;
       name = _cd_xml_find (name->next, is_author_name, NULL, 6))
    {
      g_autofree char *each = _cd_html_node_text (name);

      if (*each != '\0')
        g_string_append_printf (names, "%s%s", count++ > 0 ? " and " : "", each);
    }
  if (names->len > 0)
    return g_string_free (g_steal_pointer (&names), FALSE);
  if (cd_count_words (text) <= 4 && strpbrk (text, ".:;!?") == NULL)
    return g_strdup (text);
  return _cd_import_byline_of_line (text);
}

/* Whether @klass names one of Copydesk's own fields ("cd-dek"), which
 * _cd_html_read_own_field() reads. */
static gboolean
is_own_class (const char *klass)
{
  return g_str_has_prefix (klass, "cd-") || strstr (klass, " cd-") != NULL;
}

/* Whether @text is the name of a network a page's story is shared to, or
 * of a way to share it ("Facebook", "X", "WhatsApp", "E-mail", "Print"). */
static gboolean
is_share_name (const char *text)
{
  return g_regex_match_simple ("^(?:facebook|x|twitter|linkedin|whatsapp|telegram|viber|messenger|reddit|pinterest|"
                               "tumblr|flipboard|threads|bluesky|mastodon|weibo|wechat|line|vk|vkontakte|вконтакте|"
                               "одноклассники|ok|e-?mail|mail|print|copy\\s+link|share|teilen|partager|compartir|"
                               "condividi|paylaş|bagikan|поделиться)$",
                               text, G_REGEX_CASELESS, 0);
}

/* Whether @node holds only links to share the story, two or more, with
 * nothing but separators between them: a page's share buttons without
 * a class that says so (<a href="#">Facebook</a> <a href="#">X</a>). */
static gboolean
is_share_links (xmlNode *node)
{
  guint links = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (child->type == XML_TEXT_NODE)
        {
          text = _cd_html_collapse_space ((const char *) child->content);
          if (text[strspn (text, " |•·/,")] != '\0')
            return FALSE;
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      text = _cd_html_node_text (child);
      if (_cd_html_name_is (child, "a") || _cd_html_name_is (child, "li") || _cd_html_name_is (child, "span") ||
          _cd_html_name_is (child, "button"))
        {
          if (*text == '\0')
            continue;
          if (!is_share_name (text))
            return FALSE;
          links++;
        }
      else if (*text != '\0')
        return FALSE;
    }
  return links >= 2;
}

/* Removes from @rest the texts of the links under @node. */
static void
remove_link_texts (xmlNode *node,
                   GString *rest)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;
      const char      *at;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!_cd_html_name_is (child, "a"))
        {
          remove_link_texts (child, rest);
          continue;
        }
      text = _cd_html_node_text (child);
      if (*text != '\0' && (at = strstr (rest->str, text)) != NULL)
        g_string_erase (rest, at - rest->str, strlen (text));
    }
}

/* Whether @node is a paragraph of links to the site's other stories
 * under their label ("<b>Baca juga:</b> <a …>Rupiah menguat …</a>",
 * "Читайте также: …"), set among the story's paragraphs. */
static gboolean
is_related_link (xmlNode *node)
{
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GString) rest = NULL;

  if (!_cd_html_name_is (node, "p") && !_cd_html_name_is (node, "div"))
    return FALSE;
  text = _cd_html_node_text (node);
  after = _cd_import_match_group (_cd_import_wire_regex (RE_RELATED_LABEL), text, "rest");
  if (after == NULL || *after == '\0')
    return FALSE;
  rest = g_string_new (after);
  remove_link_texts (node, rest);
  return rest->len < strlen (after) && rest->str[strspn (rest->str, " ,;|•·/-")] == '\0';
}

/**
 * _cd_html_take_page_part:
 * @c: a page's conversion (@c->article set)
 * @node: an element at the level of the page's blocks
 *
 * When its class (or its being a <time>) makes @node a part of the page's
 * template, takes it: the standfirst and the byline to @c->article, the
 * time it went up and a section's label to @c->notes; the site's
 * furniture goes.
 *
 * Returns: whether @node was such a part
 */
gboolean
_cd_html_take_page_part (CdHtmlConverter *c,
                         xmlNode         *node)
{
  g_autofree char *klass = NULL;
  g_autofree char *text = NULL;
  PagePart         part;

  g_assert (c != NULL && c->article != NULL && c->notes != NULL);
  g_assert (node != NULL);

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (is_share_links (node) || is_related_link (node))
    return TRUE;
  klass = _cd_html_get_attr (node, "class");
  if (klass != NULL && is_own_class (klass))
    return FALSE;
  part = _cd_html_name_is (node, "time") ? PART_TIME : klass != NULL ? part_of_class (klass)
                                                                     : PART_NONE;
  if (part == PART_NONE)
    return FALSE;
  text = _cd_html_node_text (node);
  if (cd_count_words (text) > max_words (part))
    return FALSE;
  switch (part)
    {
    case PART_STANDFIRST:
      if (*text != '\0')
        cd_article_set_dek (c->article, text);
      return TRUE;
    case PART_BYLINE:
      {
        g_autofree char *byline = byline_of (node, text);

        if (byline == NULL)
          return FALSE;
        if (*byline != '\0')
          cd_article_set_byline (c->article, byline);
        return TRUE;
      }
    case PART_TIME:
      /* A class of the page's dates with no date in it is something else. */
      if (strpbrk (text, "0123456789") == NULL)
        return FALSE;
      _cd_import_add_note (c->notes, text);
      return TRUE;
    case PART_LABEL:
      _cd_import_add_note (c->notes, text);
      return TRUE;
    case PART_FURNITURE:
      return TRUE;
    case PART_NONE:
    default:
      return FALSE;
    }
}

/* A paragraph this long or longer tells the story; the site's captions,
 * labels and links are shorter. */
#define STORY_PARAGRAPH_CHARS 80

/* Whether @node stands outside a page's story, where no paragraph of it
 * is looked for: a dropped element (a menu, a form), the site's header or
 * footer, the site's furniture by its class (comments, related links). */
static gboolean
is_outside_story (xmlNode *node)
{
  g_autofree char *klass = NULL;

  if (_cd_html_is_dropped (node) || _cd_html_name_is (node, "header") || _cd_html_name_is (node, "footer"))
    return TRUE;
  klass = _cd_html_get_attr (node, "class");
  return klass != NULL && part_of_class (klass) == PART_FURNITURE;
}

/* Whether @ancestor is @node or holds it. */
static gboolean
holds (xmlNode *ancestor,
       xmlNode *node)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* Finds the story's paragraphs under @node: counts them in *@count and
 * narrows *@block to the least element that holds them all. */
static void
find_story_block (xmlNode  *node,
                  xmlNode **block,
                  guint    *count,
                  guint     depth)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE || is_outside_story (node))
        continue;
      if (_cd_html_name_is (node, "p"))
        {
          g_autofree char *text = _cd_html_node_text (node);

          if (g_utf8_strlen (text, -1) < STORY_PARAGRAPH_CHARS)
            continue;
          if (*block == NULL)
            *block = node;
          while (!holds (*block, node))
            *block = (*block)->parent;
          (*count)++;
        }
      else if (depth < _CD_HTML_MAX_DEPTH)
        find_story_block (node->children, block, count, depth + 1);
    }
}

/* Frees what stands before (@before) or after @node at each level up to
 * @scope. */
static void
cut_beside (xmlNode *node,
            xmlNode *scope,
            gboolean before)
{
  for (; node != NULL && node != scope; node = node->parent)
    for (xmlNode *side = before ? node->prev : node->next; side != NULL;)
      {
        xmlNode *next = before ? side->prev : side->next;

        xmlUnlinkNode (side);
        xmlFreeNode (side);
        side = next;
      }
}

/* Whether @text reads as a page's dates and times alone, as a site sets
 * them under the headline ("03.05.2027 - Update : 03.05.2027", "Rabu, 21
 * April 2027 14:35 WIB", "May 3, 2027 10:24 AM"). */
static gboolean
is_time_line (const char *text)
{
  return cd_count_words (text) <= 12 && strpbrk (text, "!?;") == NULL &&
         g_regex_match_simple ("\\b\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})\\b|\\b\\d{1,2}[:.]\\d{2}\\b|"
                               "\\b\\d{1,2}\\.?\\s+\\p{L}+\\.?,?\\s+(?:19|20)\\d{2}\\b|\\b\\p{L}+\\.?\\s+\\d{1,2},?\\s+(?:19|20)\\d{2}\\b",
                               text, 0, 0);
}

/* Reads one element between a page's headline and its story (@node):
 * whether it was taken. */
static gboolean
take_story_head_part (CdHtmlConverter *c,
                      xmlNode         *node)
{
  g_autofree char *text = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *klass = _cd_html_get_attr (node, "class");
  const char      *dek = cd_article_get_dek (c->article);

  if (_cd_html_name_is (node, "figure") || _cd_html_name_is (node, "img") || _cd_html_name_is (node, "picture") ||
      _cd_html_name_is (node, "table") || (klass != NULL && (is_own_class (klass) || part_of_class (klass) != PART_NONE)))
    return FALSE;
  if (is_share_links (node))
    return TRUE;
  text = _cd_html_node_text (node);
  if (*text == '\0' || _cd_html_find_element (node->children, "img", _CD_HTML_MAX_DEPTH - 6) != NULL)
    return FALSE;
  /* The standfirst written again ("<h4>" under the "<h1>"). */
  if (dek != NULL && g_strcmp0 (g_strstrip (text), dek) == 0)
    return TRUE;
  if (g_regex_match_simple ("^h[1-6]$", (const char *) node->name, G_REGEX_CASELESS, 0))
    return FALSE;
  /* A name alone, or a byline, with a separator after it ("Seda Kılınç |"). */
  for (char *last; *text != '\0' && (last = g_utf8_find_prev_char (text, text + strlen (text))) != NULL &&
                   (g_unichar_isspace (g_utf8_get_char (last)) || strchr ("|/-", *last) != NULL ||
                    g_str_has_prefix (last, "•") || g_str_has_prefix (last, "·") || g_str_has_prefix (last, "–"));)
    *last = '\0';
  if (_cd_import_is_name_line (text) || (byline = _cd_import_byline_of_line (text)) != NULL)
    {
      cd_article_set_byline (c->article, byline != NULL ? byline : text);
      return TRUE;
    }
  if (is_time_line (text))
    {
      _cd_import_add_note (c->notes, text);
      return TRUE;
    }
  return FALSE;
}

/* Reads the elements from @node on that stand between @headline and the
 * story's @block (take_story_head_part()), freeing those taken: whether
 * @block was reached. */
static gboolean
read_story_head (CdHtmlConverter *c,
                 xmlNode         *node,
                 xmlNode         *headline,
                 xmlNode         *block)
{
  for (xmlNode *next; node != NULL; node = next)
    {
      next = node->next;
      if (node->type != XML_ELEMENT_NODE || node == headline)
        continue;
      if (holds (node, headline) || holds (node, block))
        {
          if (node == block || read_story_head (c, node->children, headline, block))
            return TRUE;
          continue;
        }
      if (_cd_html_is_dropped (node))
        continue;
      /* A box of parts ("<div><div>Seda Kılınç |</div> <span>03.05.2027</span></div>")
       * is read a part at a time. */
      if (_cd_html_has_block_child (node) && !is_share_links (node))
        {
          read_story_head (c, node->children, headline, block);
          continue;
        }
      if (take_story_head_part (c, node))
        {
          xmlUnlinkNode (node);
          xmlFreeNode (node);
        }
    }
  return FALSE;
}

/**
 * _cd_html_cut_page_frame:
 * @c: a page's conversion (@c->article and @c->notes set)
 * @scope: the element that holds a news site's page's story (its
 *   <article>, else its <body>)
 *
 * Cuts what a site's template sets around the story out of @scope: after
 * the block of the story's paragraphs, the related links, the tags and
 * the site's footer; before the page's headline (its first <h1>, when it
 * comes before the story), the site's name, menus and breadcrumb. The
 * block is the least element that holds every paragraph of some length
 * outside the site's header, footer and furniture; with fewer than two
 * such paragraphs nothing is cut. Between the headline and the story, a
 * name alone is @c->article's byline, a line of dates and times the
 * time it went up (to @c->notes), and the standfirst written again goes.
 */
void
_cd_html_cut_page_frame (CdHtmlConverter *c,
                         xmlNode         *scope)
{
  xmlNode *block = NULL;
  xmlNode *headline;
  guint    count = 0;

  g_assert (c != NULL && c->article != NULL && c->notes != NULL);
  g_assert (scope != NULL);

  find_story_block (scope->children, &block, &count, 0);
  if (count < 2 || block == scope || !holds (scope, block))
    return;
  /* A headline under the story is not a page's. */
  headline = _cd_html_find_element (scope->children, "h1", 0);
  if (headline != NULL && !holds (block, headline) && xmlXPathCmpNodes (headline, block) != 1)
    return;
  cut_beside (block, scope, FALSE);
  if (headline != NULL && !holds (block, headline))
    {
      cut_beside (headline, scope, TRUE);
      read_story_head (c, scope->children, headline, block);
    }
}
