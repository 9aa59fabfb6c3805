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
