/* cd-html-site.c: what a news site's page says of the site itself: its
 * name, from its logo's link to the home page or from the page's title
 * after the headline, and the title without it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-html2md"

#include "config.h"

#include <string.h>

#include "cd-html-private.h"
#include "cd-html2md-private.h"
#include "cd-words.h"

/**
 * _cd_html_link_to:
 * @node: an element
 * @pattern: a regular expression
 *
 * Returns: whether @node is a link whose address @pattern matches
 */
gboolean
_cd_html_link_to (xmlNode    *node,
                  const char *pattern)
{
  g_autofree char *href = NULL;

  if (!_cd_html_name_is (node, "a"))
    return FALSE;
  href = _cd_html_get_attr (node, "href");
  return href != NULL && g_regex_match_simple (pattern, g_strstrip (href), G_REGEX_CASELESS, 0);
}

/* Whether @node is a link to the site's home page: "/", "https://site/". */
static gboolean
is_home_link (xmlNode      *node,
              gconstpointer data)
{
  return _cd_html_link_to (node, "^(?:https?://[^/]+)?/?$") &&
         _cd_html_find_element (node->children, "img", _CD_HTML_MAX_DEPTH - 3) != NULL;
}

/**
 * _cd_html_logo_name:
 * @root: a page's root element
 *
 * The name a site's logo gives: the text of the picture that links to its
 * home page ("ReliefBridge"), not a word for a logo ("Logo", "Home").
 *
 * Returns: (transfer full) (nullable): the name
 */
char *
_cd_html_logo_name (xmlNode *root)
{
  xmlNode         *link = _cd_xml_find (root, is_home_link, NULL, _CD_HTML_MAX_DEPTH);
  xmlNode         *img = link != NULL ? _cd_html_find_element (link->children, "img", _CD_HTML_MAX_DEPTH - 3) : NULL;
  g_autofree char *alt = img != NULL ? _cd_html_get_attr (img, "alt") : NULL;
  g_autofree char *name = alt != NULL ? _cd_html_collapse_space (alt) : NULL;

  if (name == NULL || *name == '\0' || cd_count_words (name) > 4 ||
      g_regex_match_simple ("^(?:logo|home|homepage|start|startseite|accueil|inicio|início|home\\s+page)\\b", name,
                            G_REGEX_CASELESS, 0))
    return NULL;
  return g_steal_pointer (&name);
}

/**
 * _cd_html_title_without_site:
 * @title: a page's title
 * @site: (nullable): the site's name
 *
 * @title without the site's name after it and the section's between
 * them ("Parkhaus gestoppt | Region | Kreisbote", "Floods displace 40,000
 * people – ReliefBridge").
 *
 * Returns: (transfer full) (nullable): the title without them, or %NULL
 *   where it does not end in @site
 */
char *
_cd_html_title_without_site (const char *title,
                             const char *site)
{
  g_auto (GStrv) parts = NULL;
  guint n;
  guint keep;

  g_assert (title != NULL);

  if (site == NULL || *site == '\0')
    return NULL;
  parts = g_regex_split_simple ("\\s+[|–—-]\\s+", title, 0, 0);
  n = g_strv_length (parts);
  if (n < 2 || g_utf8_collate (g_strstrip (parts[n - 1]), site) != 0)
    return NULL;
  /* A section's name of a word or two between them. */
  for (keep = n - 1; keep > 1 && cd_count_words (parts[keep - 1]) <= 2; keep--)
    ;
  for (guint i = keep; i < n; i++)
    g_clear_pointer (&parts[i], g_free);
  return g_strjoinv (" – ", parts);
}

/**
 * _cd_html_site_of_title:
 * @title: a page's title
 * @headline: the page's headline
 *
 * The site's name that a page's title sets after its headline
 * ("Kartenverkauf bricht alle Rekorde - Salzach Kurier - Druckversion"):
 * the last part after the headline that is not the view's or a section's
 * word ("Druckversion", "Print"), of five words at most.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL
 */
char *
_cd_html_site_of_title (const char *title,
                        const char *headline)
{
  g_auto (GStrv) parts = NULL;
  guint n;

  g_assert (title != NULL && headline != NULL);

  parts = g_regex_split_simple ("\\s+[|–—-]\\s+", title, 0, 0);
  n = g_strv_length (parts);
  if (n < 2 || g_utf8_collate (g_strstrip (parts[0]), headline) != 0)
    return NULL;
  for (guint i = n - 1; i > 0; i--)
    {
      const char *part = g_strstrip (parts[i]);

      if (g_regex_match_simple ("^(?:druckversion|druckansicht|print(?:\\s+(?:version|view|edition))?|printversion|"
                                "version\\s+imprimable|versión\\s+(?:para\\s+)?imprimir|versione\\s+stampabile|"
                                "afdrukversie|printvenlig|utskriftsvänlig|home|startseite|accueil|inicio)$",
                                part, G_REGEX_CASELESS, 0))
        continue;
      return *part != '\0' && cd_count_words (part) <= 5 ? g_strdup (part) : NULL;
    }
  return NULL;
}
