/* cd-html-fields.c: finding a page's elements and its <meta> fields, and
 * reading back the fields of a page Copydesk exported (dek, byline,
 * dateline and source, embargo, featured image), which
 * cd_render_article() marks with classes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-html2md"

#include "config.h"

#include <string.h>

#include "cd-html-private.h"
#include "cd-import-private.h"

static gboolean
is_element (xmlNode      *node,
            gconstpointer name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

xmlNode *
_cd_xml_find (xmlNode      *node,
              CdXmlMatch    match,
              gconstpointer data,
              guint         max_depth)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (match (node, data))
        return node;
      if (max_depth > 0 && (found = _cd_xml_find (node->children, match, data, max_depth - 1)) != NULL)
        return found;
    }
  return NULL;
}

xmlNode *
_cd_html_find_element (xmlNode    *node,
                       const char *name,
                       guint       depth)
{
  if (depth > _CD_HTML_MAX_DEPTH)
    return NULL;
  return _cd_xml_find (node, is_element, name, _CD_HTML_MAX_DEPTH - depth);
}

char *
_cd_html_meta_content (xmlNode    *head,
                       const char *name)
{
  for (xmlNode *node = head ? head->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *meta_name = NULL;

      if (!is_element (node, "meta"))
        continue;
      meta_name = _cd_html_get_attr (node, "name");
      /* Open Graph's names are properties: "og:site_name". */
      if (meta_name == NULL)
        meta_name = _cd_html_get_attr (node, "property");
      if (meta_name != NULL && g_ascii_strcasecmp (meta_name, name) == 0)
        {
          g_autofree char *content = _cd_html_get_attr (node, "content");
          char            *text = content ? _cd_html_collapse_space (content) : NULL;

          if (text != NULL && *text == '\0')
            g_clear_pointer (&text, g_free);
          return text;
        }
    }
  return NULL;
}

/* Whether @node is of the class @name (a CdXmlMatch). */
static gboolean
has_class (xmlNode      *node,
           gconstpointer name)
{
  g_autofree char *klass = _cd_html_get_attr (node, "class");
  g_auto (GStrv) classes = NULL;

  if (klass == NULL)
    return FALSE;
  classes = g_strsplit_set (klass, " \t\n", -1);
  return g_strv_contains ((const char *const *) classes, name);
}

/* The first element of the class @name from @node on, eight levels down
 * at most. */
static xmlNode *
find_class (xmlNode    *node,
            const char *name)
{
  return _cd_xml_find (node, has_class, name, 8);
}

static void
set_text_of_class (CdArticle  *article,
                   xmlNode    *parent,
                   const char *klass,
                   const char *field)
{
  xmlNode         *node = find_class (parent->children, klass);
  g_autofree char *text = node ? _cd_html_node_text (node) : NULL;

  if (text != NULL && *text != '\0')
    cd_article_set_field (article, field, text, NULL);
}

static char *
strip_parentheses (const char *text)
{
  gsize length = strlen (text);

  if (length >= 2 && text[0] == '(' && text[length - 1] == ')')
    return g_strndup (text + 1, length - 2);
  return g_strdup (text);
}

/* The corrections aside cd_corrections_to_html() writes: each note's date
 * and text. */
static void
read_corrections (CdArticle *article,
                  xmlNode   *aside)
{
  g_assert (CD_IS_ARTICLE (article));
  g_assert (aside != NULL);

  cd_article_clear_corrections (article);
  for (xmlNode *child = aside->children; child != NULL; child = child->next)
    {
      g_autofree char *stamp = NULL;
      g_autoptr (GDateTime) date = NULL;
      xmlNode         *note = NULL;
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE || !has_class (child, "cd-correction"))
        continue;
      stamp = _cd_html_get_attr (child, "data-date");
      note = find_class (child->children, "cd-correction-note");
      if (stamp == NULL || note == NULL || (date = cd_parse_iso8601 (stamp)) == NULL)
        continue;
      text = _cd_html_node_text (note);
      cd_article_add_correction (article, date, text);
    }
}

gboolean
_cd_html_read_own_field (CdArticle *article,
                         xmlNode   *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (has_class (node, "cd-dek") || has_class (node, "cd-byline"))
    {
      g_autofree char *text = _cd_html_node_text (node);
      const char      *field = has_class (node, "cd-dek") ? "dek" : "byline";

      cd_article_set_field (article, field, text, NULL);
      return TRUE;
    }
  if (has_class (node, "cd-dateline"))
    {
      g_autoptr (GString) place = g_string_new (NULL);
      xmlNode *source = find_class (node->children, "cd-source");

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (child->type == XML_TEXT_NODE && child->content != NULL)
          g_string_append (place, (const char *) child->content);
      g_strstrip (place->str);
      if (*place->str != '\0')
        cd_article_set_dateline (article, place->str);
      if (source != NULL)
        {
          g_autofree char *text = _cd_html_node_text (source);
          g_autofree char *bare = strip_parentheses (text);

          if (*bare != '\0')
            cd_article_set_source (article, bare);
        }
      return TRUE;
    }
  if (has_class (node, "cd-embargo"))
    {
      xmlNode         *time = _cd_html_find_element (node->children, "time", 0);
      g_autofree char *when = time ? _cd_html_get_attr (time, "datetime") : NULL;
      g_autoptr (GDateTime) embargo = when ? cd_parse_iso8601 (when) : NULL;

      if (embargo != NULL)
        cd_article_set_embargo (article, embargo);
      return TRUE;
    }
  if (has_class (node, "cd-corrections"))
    {
      read_corrections (article, node);
      return TRUE;
    }
  if (has_class (node, "cd-featured-image"))
    {
      xmlNode         *img = _cd_html_find_element (node->children, "img", 0);
      g_autofree char *src = img ? _cd_html_get_attr (img, "src") : NULL;
      g_autofree char *path = NULL;

      if (src != NULL && g_str_has_prefix (src, "file:"))
        path = g_filename_from_uri (src, NULL, NULL);
      else if (src != NULL && *src != '\0')
        path = g_strdup (src);
      if (path != NULL)
        cd_article_set_image (article, path);
      if (img != NULL && has_class (node, "cd-own-alt"))
        {
          g_autofree char *alt = _cd_html_get_attr (img, "alt");

          cd_article_set_field (article, "image_alt", alt, NULL);
        }
      set_text_of_class (article, node, "cd-caption", "image_caption");
      set_text_of_class (article, node, "cd-credit", "image_credit");
      return TRUE;
    }
  return FALSE;
}
