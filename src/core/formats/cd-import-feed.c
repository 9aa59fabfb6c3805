/* cd-import-feed.c: the stories of a news feed, an article an entry: RSS
 * 2.0 and 1.0, Atom, and WordPress's export (WXR: RSS with WordPress's own
 * elements), whose posts keep their block content as a pull from the site
 * keeps it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "cd-corrections.h"
#include "cd-html-private.h"
#include "cd-import-private.h"
#include "cd-text.h"
#include "cd-wp-content.h"
#include "cd-wp-marker.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_MEDIA "http://search.yahoo.com/mrss/"
/* WordPress's export: "http://wordpress.org/export/1.2/", and its
 * excerpt's "…/1.2/excerpt/". */
#define NS_WXR "http://wordpress.org/export/"

/* Pictures an entry names beyond these are not listed in its note. */
#define MAX_PICTURE_NOTES 8

/* What the entries of one feed share. */
typedef struct
{
  xmlNode    *channel;  /* RSS's channel, Atom's feed */
  gboolean    wxr;      /* WordPress's export */
  char       *title;    /* the feed's or site's */
  char       *language; /* the feed's, or NULL */
  GHashTable *authors;  /* WXR: login → display name */
  GHashTable *media;    /* WXR: attachment id → its address */
} Feed;

/* Whether @node is the element @name in the namespace whose URI starts
 * with @ns; @ns %NULL: in none, or in the feed's own (Atom's, RSS 1.0's). */
static gboolean
is_named (xmlNode    *node,
          const char *ns,
          const char *name)
{
  const char *href;

  if (node == NULL || node->type != XML_ELEMENT_NODE || strcmp ((const char *) node->name, name) != 0)
    return FALSE;
  href = node->ns != NULL ? (const char *) node->ns->href : NULL;
  if (ns == NULL)
    return href == NULL || strcmp (href, NS_ATOM) == 0 || strcmp (href, NS_RSS1) == 0;
  return href != NULL && g_str_has_prefix (href, ns);
}

/* The first child of @parent named so (see is_named()), or NULL. */
static xmlNode *
child_named (xmlNode    *parent,
             const char *ns,
             const char *name)
{
  for (xmlNode *node = parent != NULL ? parent->children : NULL; node != NULL; node = node->next)
    if (is_named (node, ns, name))
      return node;
  return NULL;
}

/* The text @node holds as it is (CDATA and all), or NULL when blank. */
static char *
raw_text (xmlNode *node)
{
  xmlChar *content = node != NULL ? xmlNodeGetContent (node) : NULL;
  char    *text = content != NULL && !cd_text_is_blank ((const char *) content) ? g_strdup ((const char *) content)
                                                                                : NULL;

  xmlFree (content);
  return text;
}

/* The text of @node, its white space folded, or NULL when blank. */
static char *
text_of (xmlNode *node)
{
  char *text = node != NULL ? _cd_html_node_text (node) : NULL;

  if (text != NULL && *g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
child_text (xmlNode    *parent,
            const char *ns,
            const char *name)
{
  return text_of (child_named (parent, ns, name));
}

/* The text of the HTML fragment @html, its white space folded; NULL when
 * it has none. Text that holds no markup or entity is taken as it is. */
static char *
html_text (const char *html)
{
  htmlDocPtr doc;
  char      *text;

  if (html == NULL || (strchr (html, '<') == NULL && strchr (html, '&') == NULL))
    return html != NULL && !cd_text_is_blank (html) ? _cd_html_collapse_space (html) : NULL;
  doc = htmlReadMemory (html, (int) strlen (html), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  text = doc != NULL ? text_of (xmlDocGetRootElement (doc)) : NULL;
  if (doc != NULL)
    xmlFreeDoc (doc);
  return text;
}

/* @text, plain, as HTML: a paragraph for each run of lines between blank
 * ones. */
static char *
plain_to_html (const char *text)
{
  g_autoptr (GRegex) blank = g_regex_new ("\\n[ \\t]*\\n", 0, 0, NULL);
  g_auto (GStrv) paragraphs = g_regex_split (blank, text, 0);
  GString *html = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    if (!cd_text_is_blank (paragraphs[i]))
      {
        g_autofree char *escaped = g_markup_escape_text (g_strstrip (paragraphs[i]), -1);

        g_string_append_printf (html, "<p>%s</p>\n", escaped);
      }
  return g_string_free (html, FALSE);
}

/* The HTML of an Atom text construct (title, summary, content) by its
 * type: "html" escaped markup, "xhtml" markup in a div, "text" or none
 * plain text. NULL when it holds nothing. */
static char *
atom_html (xmlNode *node)
{
  g_autofree char *type = node != NULL ? _cd_html_get_attr (node, "type") : NULL;
  g_autofree char *raw = NULL;

  if (node == NULL)
    return NULL;
  if (g_strcmp0 (type, "xhtml") == 0)
    {
      g_autoptr (GString) html = g_string_new (NULL);
      xmlBuffer *buffer = xmlBufferCreate ();

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        xmlNodeDump (buffer, node->doc, child, 0, 0);
      g_string_append_len (html, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
      xmlBufferFree (buffer);
      return cd_text_is_blank (html->str) ? NULL : g_string_free (g_steal_pointer (&html), FALSE);
    }
  if ((raw = raw_text (node)) == NULL)
    return NULL;
  if (type != NULL && (strcmp (type, "html") == 0 || strstr (type, "html") != NULL))
    return g_steal_pointer (&raw);
  return plain_to_html (raw);
}

/* An Atom text construct's, or an RSS field's, plain text. */
static char *
entry_text (xmlNode *node,
            gboolean atom)
{
  g_autofree char *html = NULL;
  g_autofree char *raw = NULL;

  if (node == NULL)
    return NULL;
  if (atom)
    {
      g_autofree char *type = _cd_html_get_attr (node, "type");

      if (type == NULL || strcmp (type, "text") == 0)
        return text_of (node);
      html = atom_html (node);
      return html_text (html);
    }
  /* RSS's fields are HTML in practice, escaped once more than XML's. */
  raw = raw_text (node);
  return html_text (raw);
}

/* An RSS author, "jdoe@example.com (Jane Doe)": the name, else the
 * text when it is no address. */
static char *
rss_author_name (const char *author)
{
  const char *open = strchr (author, '(');
  const char *close = open != NULL ? strrchr (open, ')') : NULL;

  if (open != NULL && close != NULL && close > open + 1)
    return g_strstrip (g_strndup (open + 1, close - open - 1));
  return strchr (author, '@') != NULL ? NULL : g_strdup (author);
}

/* Adds @name (consumed) to @names once. */
static void
add_name (GPtrArray *names,
          char      *name)
{
  /* An editor's credit names no writer: "Editor: Liu Yang". */
  if (name == NULL || *g_strstrip (name) == '\0' ||
      g_regex_match_simple ("^(?:editor|editing|edited\\s+by|redaktor|redaktion|urednik)\\s*:", name, G_REGEX_CASELESS, 0))
    {
      g_free (name);
      return;
    }
  for (guint i = 0; i < names->len; i++)
    if (g_utf8_collate (g_ptr_array_index (names, i), name) == 0)
      {
        g_free (name);
        return;
      }
  g_ptr_array_add (names, name);
}

/* "Anna Berg", "Anna Berg and Jan Olsen", "A, B and C". */
static char *
join_names (GPtrArray *names)
{
  GString *byline = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (byline, i + 1 == names->len ? " and " : ", ");
      g_string_append (byline, g_ptr_array_index (names, i));
    }
  return g_string_free (byline, byline->len == 0);
}

/* The writers an entry names: Atom's authors (the feed's where the entry
 * names none), RSS's dc:creator or author, WordPress's display names. */
static char *
byline_of (Feed    *feed,
           xmlNode *entry)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *node = entry->children; node != NULL; node = node->next)
    if (is_named (node, NS_DC, "creator"))
      {
        g_autofree char *login = text_of (node);
        const char      *display = login != NULL && feed->authors != NULL
                                       ? g_hash_table_lookup (feed->authors, login)
                                       : NULL;

        add_name (names, g_strdup (display != NULL ? display : login));
      }
    else if (is_named (node, NULL, "author"))
      {
        g_autofree char *text = text_of (node);

        add_name (names, child_named (node, NULL, "name") != NULL ? child_text (node, NULL, "name")
                         : text != NULL                           ? rss_author_name (text)
                                                                  : NULL);
      }
  if (names->len == 0 && is_named (feed->channel, NULL, "feed"))
    for (xmlNode *node = feed->channel->children; node != NULL; node = node->next)
      if (is_named (node, NULL, "author"))
        add_name (names, child_text (node, NULL, "name"));
  for (guint i = 0; i < names->len; i++)
    _cd_import_without_by (g_ptr_array_index (names, i));
  return join_names (names);
}

/* Tags from the entry's categories (RSS's text, Atom's label or term);
 * in WordPress's export its tags, and its first category the section. */
static void
read_categories (Feed      *feed,
                 CdArticle *article,
                 xmlNode   *entry)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *node = entry->children; node != NULL; node = node->next)
    {
      g_autofree char *domain = NULL;
      g_autofree char *name = NULL;

      if (!is_named (node, NULL, "category") && !is_named (node, NS_DC, "subject"))
        continue;
      domain = _cd_html_get_attr (node, "domain");
      name = _cd_html_get_attr (node, "label");
      if (name == NULL)
        name = _cd_html_get_attr (node, "term");
      if (name == NULL)
        name = entry_text (node, FALSE);
      if (name == NULL)
        continue;
      if (feed->wxr && g_strcmp0 (domain, "category") == 0)
        {
          g_autofree char *nicename = _cd_html_get_attr (node, "nicename");

          if (g_strcmp0 (nicename, "uncategorized") != 0 && cd_text_is_blank (cd_article_get_section (article)))
            cd_article_set_section (article, name);
          continue;
        }
      if (feed->wxr && domain != NULL && strcmp (domain, "post_tag") != 0)
        continue;
      add_name (tags, g_steal_pointer (&name));
    }
  if (tags->len > 0)
    {
      g_ptr_array_add (tags, NULL);
      cd_article_set_tags (article, (const char *const *) tags->pdata);
    }
}

/* Whether @summary is the opening of @text cut short (a feed's teaser,
 * "The first words … […]"), not a standfirst of its own. */
static gboolean
is_teaser (const char *summary,
           const char *text)
{
  g_autofree char *start = NULL;
  glong            n;

  if (strstr (summary, "[…]") != NULL || strstr (summary, "[...]") != NULL ||
      strstr (summary, "[&hellip;]") != NULL || g_str_has_suffix (summary, "…") ||
      g_str_has_suffix (summary, "..."))
    return TRUE;
  if (text == NULL)
    return FALSE;
  n = MIN (g_utf8_strlen (summary, -1), 60);
  start = g_utf8_substring (summary, 0, n);
  return g_str_has_prefix (text, start);
}

/* Whether @html, an entry's only text, is a summary of a story told in
 * full elsewhere: short, or cut off with an ellipsis. A feed that gives
 * its stories' text in their description has none of those. */
static gboolean
is_summary (const char *html)
{
  g_autofree char *text = html_text (html);
  guint            words = 0;

  if (text == NULL)
    return FALSE;
  if (is_teaser (text, NULL))
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (*p == ' ')
      words++;
  return words < 60;
}

/* Whether @node names a picture: an RSS enclosure, Atom's link to one,
 * Media RSS content or thumbnail, of an image's type or medium. */
static gboolean
is_picture (xmlNode *node)
{
  g_autofree char *rel = is_named (node, NULL, "link") ? _cd_html_get_attr (node, "rel") : NULL;
  g_autofree char *type = _cd_html_get_attr (node, "type");
  g_autofree char *medium = _cd_html_get_attr (node, "medium");

  if (is_named (node, NS_MEDIA, "thumbnail"))
    return TRUE;
  if (!is_named (node, NULL, "enclosure") && !is_named (node, NS_MEDIA, "content") && g_strcmp0 (rel, "enclosure") != 0)
    return FALSE;
  return g_strcmp0 (medium, "image") == 0 || (type != NULL && g_str_has_prefix (type, "image/"));
}

/* Names the pictures the entry carries (see is_picture()) in @notes, with
 * their descriptions and credits: they are on the web, not in the file. */
static void
note_pictures (xmlNode *entry,
               GString *notes,
               guint   *count,
               guint    depth)
{
  for (xmlNode *node = entry->children; node != NULL && depth < 3; node = node->next)
    {
      g_autofree char *url = NULL;
      g_autofree char *about = NULL;
      g_autoptr (GString) note = NULL;

      if (is_named (node, NS_MEDIA, "group"))
        note_pictures (node, notes, count, depth + 1);
      if (!is_picture (node) || ++(*count) > MAX_PICTURE_NOTES)
        continue;
      if ((url = _cd_html_get_attr (node, "url")) == NULL && (url = _cd_html_get_attr (node, "href")) == NULL)
        continue;
      note = g_string_new ("A picture of the entry is on the web, not imported: ");
      g_string_append (note, url);
      if ((about = child_text (node, NS_MEDIA, "description")) != NULL ||
          (about = child_text (node, NS_MEDIA, "title")) != NULL)
        g_string_append_printf (note, " (“%s”)", about);
      g_clear_pointer (&about, g_free);
      if ((about = child_text (node, NS_MEDIA, "credit")) != NULL)
        g_string_append_printf (note, ", credit: %s", about);
      _cd_import_add_note (notes, note->str);
    }
}

/* The address an entry links to: RSS's link, else a guid that is one;
 * Atom's link to its page. */
static char *
link_of (xmlNode *entry)
{
  for (xmlNode *node = entry->children; node != NULL; node = node->next)
    if (is_named (node, NULL, "link"))
      {
        g_autofree char *rel = _cd_html_get_attr (node, "rel");
        char            *href = _cd_html_get_attr (node, "href");

        if (href == NULL)
          return text_of (node);
        if (rel == NULL || strcmp (rel, "alternate") == 0)
          return href;
        g_free (href);
      }
  {
    g_autofree char *guid = child_text (entry, NULL, "guid");

    if (guid != NULL && (g_str_has_prefix (guid, "http://") || g_str_has_prefix (guid, "https://")))
      return g_steal_pointer (&guid);
  }
  return NULL;
}

/* The time WordPress's export gives in UTC ("2026-12-24 06:00:00"), or
 * NULL. */
static GDateTime *
wxr_time (const char *text)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 19 || g_str_has_prefix (text, "0000"))
    return NULL;
  iso = g_strdup (text);
  iso[10] = 'T';
  return g_date_time_new_from_iso8601 (iso, utc);
}

/* A WordPress post's own: its address, a scheduled time as the embargo,
 * the excerpt, and the site's post it came from in the note. */
static void
read_wxr_post (Feed      *feed,
               CdArticle *article,
               xmlNode   *item,
               GString   *notes)
{
  g_autofree char *title = raw_text (child_named (item, NULL, "title"));
  g_autofree char *name = child_text (item, NS_WXR, "post_name");
  g_autofree char *status = child_text (item, NS_WXR, "status");
  g_autofree char *id = child_text (item, NS_WXR, "post_id");
  g_autofree char *link = link_of (item);
  g_autofree char *excerpt = NULL;
  g_autofree char *note = NULL;
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  const char *featured = NULL;

  for (xmlNode *node = item->children; node != NULL; node = node->next)
    if (is_named (node, NS_WXR, "encoded") && strstr ((const char *) node->ns->href, "excerpt") != NULL)
      {
        /* The first, where a file repeats it. */
        if (excerpt == NULL)
          excerpt = raw_text (node);
      }
    else if (is_named (node, NS_WXR, "postmeta") && feed->media != NULL)
      {
        g_autofree char *key = child_text (node, NS_WXR, "meta_key");
        g_autofree char *value = child_text (node, NS_WXR, "meta_value");
        const char      *url = value != NULL ? g_hash_table_lookup (feed->media, value) : NULL;

        if (g_strcmp0 (key, "_thumbnail_id") == 0 && url != NULL)
          featured = url;
      }
  /* The title, excerpt and address as a pull from the site reads them:
   * the title as typed, one line; the excerpt out of the paragraph the
   * block editor may wrap it in; the post's name as it is. */
  if (title != NULL)
    {
      g_autofree char *headline = cd_text_strip_controls (title, TRUE);

      cd_article_set_headline (article, headline);
    }
  if (excerpt != NULL)
    {
      g_autoptr (GString) dek = g_string_new (excerpt);

      g_string_replace (dek, "<p>", "", 0);
      g_string_replace (dek, "</p>", "", 0);
      cd_article_set_dek (article, g_strstrip (dek->str));
    }
  if (name != NULL)
    cd_article_set_slug (article, name);
  {
    g_autofree char *gmt = child_text (item, NS_WXR, "post_date_gmt");

    date = wxr_time (gmt);
  }
  if (g_strcmp0 (status, "future") == 0 && date != NULL && g_date_time_compare (date, now) > 0)
    cd_article_set_embargo (article, date);
  note = g_strdup_printf ("From the WordPress export of “%s”: post %s (%s)%s%s; here a new article, "
                          "not linked to that post.",
                          feed->title != NULL ? feed->title : "the site", id != NULL ? id : "without a number",
                          status != NULL ? status : "no status", link != NULL ? ", " : "",
                          link != NULL ? link : "");
  _cd_import_add_note (notes, note);
  if (featured != NULL)
    {
      g_autofree char *picture = g_strdup_printf ("The featured image on the site: %s", featured);

      _cd_import_add_note (notes, picture);
    }
}

/* An entry's text as HTML, for a feed that is not WordPress's export: its
 * full text (RSS's content:encoded, Atom's content), else its summary;
 * @full says which. */
static char *
entry_html (xmlNode  *entry,
            gboolean  atom,
            gboolean *full,
            GString  *notes)
{
  xmlNode *content = atom ? child_named (entry, NULL, "content") : child_named (entry, NS_CONTENT, "encoded");
  char    *html = NULL;

  *full = TRUE;
  if (atom && content != NULL)
    {
      g_autofree char *src = _cd_html_get_attr (content, "src");

      if (src != NULL)
        {
          g_autofree char *note = g_strdup_printf ("The entry's text is not in the feed, only a link to it: %s", src);

          _cd_import_add_note (notes, note);
          content = NULL;
        }
    }
  if (content != NULL)
    html = atom ? atom_html (content) : raw_text (content);
  if (html != NULL)
    return html;
  *full = FALSE;
  return atom ? atom_html (child_named (entry, NULL, "summary")) : raw_text (child_named (entry, NULL, "description"));
}

/* Who an entry comes from: RSS's <source> ("Reuters"), or the holder its
 * rights name ("© PA Media 2027", the channel's copyright where the
 * entry has none); %NULL when neither says. */
static char *
source_of (Feed    *feed,
           xmlNode *entry)
{
  g_autofree char *source = child_text (entry, NULL, "source");
  g_autofree char *rights = NULL;

  if (source != NULL && *g_strstrip (source) != '\0')
    return g_steal_pointer (&source);
  rights = child_text (entry, NULL, "rights");
  if (rights == NULL)
    rights = child_text (entry, NS_DC, "rights");
  if (rights == NULL)
    rights = child_text (feed->channel, NULL, feed->channel != NULL && is_named (feed->channel, NULL, "feed") ? "rights" : "copyright");
  if (rights == NULL)
    return NULL;
  g_free (source);
  source = g_regex_replace_literal (_cd_import_wire_regex (RE_COPYRIGHT_MARKS), rights, -1, 0, "", 0, NULL);
  g_strstrip (source);
  /* A holder's name, not a sentence of terms. */
  if (*source == '\0' || g_utf8_strlen (source, -1) > 40)
    return NULL;
  return g_steal_pointer (&source);
}

/* Reads the feed's entry @node into @article. */
static gboolean
read_entry (CdArticle  *article,
            gpointer    node,
            gpointer    data,
            const char *origin,
            GError    **error)
{
  Feed    *feed = data;
  xmlNode *entry = node;
  gboolean atom = is_named (entry, NULL, "entry");
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autofree char *headline = entry_text (child_named (entry, NULL, "title"), atom);
  g_autofree char *byline = byline_of (feed, entry);
  g_autofree char *link = link_of (entry);
  g_autofree char *html = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *language = NULL;
  xmlChar         *lang = xmlNodeGetLang (entry);
  guint            pictures = 0;
  gboolean         full = TRUE;

  g_assert (CD_IS_ARTICLE (article));

  language = lang != NULL ? g_strdup ((const char *) lang) : g_strdup (feed->language);
  xmlFree (lang);
  _cd_import_set_other_language (article, language);
  if (headline != NULL)
    cd_article_set_headline (article, headline);
  if (byline != NULL)
    cd_article_set_byline (article, byline);
  if (!feed->wxr)
    {
      g_autofree char *source = source_of (feed, entry);
      g_autofree char *first = NULL;

      /* An agency's feed names it: the entry's author ("Keystone-SDA",
       * who is no writer), or the feed's title ("Anadolu Agency -
       * Economy", "Keystone-SDA Basisdienst Deutsch"). */
      if (source == NULL && byline != NULL && _cd_import_is_agency_name (byline))
        {
          source = g_strdup (byline);
          g_clear_pointer (&byline, g_free);
          cd_article_set_byline (article, NULL);
        }
      if (source == NULL && feed->title != NULL &&
          _cd_import_is_agency_name (first = g_strndup (feed->title, strcspn (feed->title, " |:"))))
        source = g_steal_pointer (&first);
      if (source != NULL)
        cd_article_set_source (article, source);
    }
  read_categories (feed, article, entry);

  if (feed->wxr)
    {
      g_autofree char *content = raw_text (child_named (entry, NS_CONTENT, "encoded"));
      g_autofree char *uuid = NULL;
      g_autofree char *corrections = NULL;

      read_wxr_post (feed, article, entry, notes);
      /* As a pull takes them out: the marker of a post Copydesk wrote (the
       * article here is a new one, whose uuid is its own) and the
       * corrections block, whose text goes to the note. */
      if (content != NULL)
        {
          uuid = cd_wordpress_take_marker (content);
          corrections = cd_corrections_take_block (content);
          markdown = cd_wp_content_to_body (content, -1);
        }
      if (corrections != NULL)
        {
          g_autofree char *text = html_text (corrections);
          g_autofree char *note = g_strdup_printf ("The post's corrections on the site: %s", text);

          if (text != NULL)
            _cd_import_add_note (notes, note);
        }
    }
  else
    {
      g_autofree char *summary = NULL;
      g_autofree char *date = NULL;
      g_autofree char *note = NULL;

      html = entry_html (entry, atom, &full, notes);
      summary = entry_text (child_named (entry, NULL, atom ? "summary" : "description"), atom);
      if (full && summary != NULL)
        {
          g_autofree char *text = html_text (html);

          if (!is_teaser (summary, text))
            cd_article_set_dek (article, summary);
        }
      markdown = _cd_import_html_to_markdown (html != NULL ? html : "", html != NULL ? strlen (html) : 0, notes);
      markdown = _cd_import_take_body_opening (article, markdown, notes);
      markdown = _cd_import_take_body_sign_off (markdown, notes);
      _cd_import_drop_repeated_dek (article, markdown);
      date = child_text (entry, NULL, atom ? "published" : "pubDate");
      if (date == NULL)
        date = child_text (entry, NULL, "updated");
      if (date == NULL)
        date = child_text (entry, NS_DC, "date");
      note = g_strdup_printf ("From the feed “%s”%s%s%s%s.", feed->title != NULL ? feed->title : "without a title",
                              date != NULL ? ", " : "", date != NULL ? date : "", link != NULL ? ": " : "",
                              link != NULL ? link : "");
      _cd_import_add_note (notes, note);
      note_pictures (entry, notes, &pictures, 0);
      if (!full && link != NULL && html != NULL && is_summary (html))
        {
          g_autofree char *whole = g_strdup_printf ("The feed gives only the opening of the story; the whole of it is at %s",
                                                    link);

          _cd_import_add_note (notes, whole);
        }
    }
  if (cd_text_is_blank (markdown) && cd_text_is_blank (cd_article_get_headline (article)))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the feed's entry has no headline and no text.", origin);
      return FALSE;
    }
  cd_article_set_body (article, markdown != NULL ? markdown : "");
  if (notes->len > 0)
    cd_article_set_ednote (article, notes->str);
  return TRUE;
}

/* WordPress's export: its authors' display names by login, and its
 * pictures' addresses by attachment id. */
static void
read_wxr_site (Feed *feed)
{
  feed->authors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  feed->media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (xmlNode *node = feed->channel->children; node != NULL; node = node->next)
    if (is_named (node, NS_WXR, "author"))
      {
        char *login = child_text (node, NS_WXR, "author_login");
        char *display = child_text (node, NS_WXR, "author_display_name");

        if (login != NULL && display != NULL)
          g_hash_table_replace (feed->authors, login, display);
        else
          {
            g_free (login);
            g_free (display);
          }
      }
    else if (is_named (node, NULL, "item"))
      {
        g_autofree char *type = child_text (node, NS_WXR, "post_type");
        char            *id = child_text (node, NS_WXR, "post_id");
        char            *url = child_text (node, NS_WXR, "attachment_url");

        if (g_strcmp0 (type, "attachment") == 0 && id != NULL && url != NULL)
          g_hash_table_replace (feed->media, id, url);
        else
          {
            g_free (id);
            g_free (url);
          }
      }
}

/* Whether WordPress's export lists @item as a post to import: a post (no
 * page, attachment or menu item) that is not in the bin. */
static gboolean
is_wxr_post (xmlNode *item)
{
  g_autofree char *type = child_text (item, NS_WXR, "post_type");
  g_autofree char *status = child_text (item, NS_WXR, "status");

  return g_strcmp0 (type, "post") == 0 && g_strcmp0 (status, "trash") != 0 &&
         g_strcmp0 (status, "auto-draft") != 0 && g_strcmp0 (status, "inherit") != 0;
}

/**
 * _cd_import_is_feed:
 * @root: a document's root element
 *
 * Returns: whether @root is a feed's: RSS (2.0's rss, 1.0's rdf:RDF) or
 *   Atom (a feed, or one entry)
 */
gboolean
_cd_import_is_feed (xmlNode *root)
{
  return is_named (root, NULL, "rss") || is_named (root, NS_RDF, "RDF") ||
         (root != NULL && root->ns != NULL && strcmp ((const char *) root->ns->href, NS_ATOM) == 0 &&
          (is_named (root, NULL, "feed") || is_named (root, NULL, "entry")));
}

/**
 * _cd_import_feed:
 * @root: the feed's root element (_cd_import_is_feed())
 * @language: (nullable): the language new articles start with
 * @origin: the file's name, for messages
 * @all: whether to read every entry (else the first, which names the others)
 * @articles: where to add the articles
 * @error: return location for an error
 *
 * Reads the entries of a feed, or the posts of WordPress's export, into
 * new articles.
 *
 * Returns: whether at least one article was read
 */
gboolean
_cd_import_feed (xmlNode    *root,
                 const char *language,
                 const char *origin,
                 gboolean    all,
                 GPtrArray  *articles,
                 GError    **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  Feed     feed = { 0 };
  xmlNode *parent;
  gboolean ok;

  feed.channel = is_named (root, NULL, "rss") || is_named (root, NS_RDF, "RDF")
                     ? child_named (root, NULL, "channel")
                     : root;
  if (feed.channel == NULL)
    feed.channel = root;
  feed.title = entry_text (child_named (feed.channel, NULL, "title"), is_named (root, NULL, "feed"));
  feed.language = child_text (feed.channel, NULL, "language");
  if (feed.language == NULL)
    feed.language = child_text (feed.channel, NS_DC, "language");
  feed.wxr = child_named (feed.channel, NS_WXR, "wxr_version") != NULL;
  if (feed.wxr)
    read_wxr_site (&feed);

  /* RSS 1.0 lists its items beside the channel. */
  parent = is_named (root, NS_RDF, "RDF") ? root : feed.channel;
  if (is_named (root, NULL, "entry"))
    g_ptr_array_add (entries, root);
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    if ((is_named (node, NULL, "item") && (!feed.wxr || is_wxr_post (node))) || is_named (node, NULL, "entry"))
      g_ptr_array_add (entries, node);

  if (entries->len == 0)
    {
      if (feed.wxr)
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY, "%s: the WordPress export holds no posts.",
                     origin);
      else
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY, "%s: the feed holds no entries.", origin);
      ok = FALSE;
    }
  else
    ok = _cd_import_stories (entries, read_entry, &feed, language, origin, all, articles, error);
  g_free (feed.title);
  g_free (feed.language);
  g_clear_pointer (&feed.authors, g_hash_table_unref);
  g_clear_pointer (&feed.media, g_hash_table_unref);
  return ok;
}
