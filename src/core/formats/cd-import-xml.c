/* cd-import-xml.c: articles from the XML news agencies send: NITF,
 * NewsML-G2 items that carry their text as NITF or XHTML, and the items of
 * NewsML 1 (AFP's and other feeds).
 *
 * The fields come from the markup that names them (headline, byline,
 * dateline, abstract, keywords, release time, notes to editors); the story
 * is written out as HTML and converted as an HTML import is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cd-html-private.h"
#include "cd-import-private.h"
#include "cd-import.h"
#include "cd-text.h"

/* Elements nested deeper than this in a story are not read. */
#define MAX_DEPTH 64

/* Elements kept as they are when the story is written out as HTML, with the
 * NITF ones that have an HTML twin; any other element gives its text. */
static const struct
{
  const char *name;
  const char *html;
} html_names[] = {
  {"p",           "p"         },
  { "hl1",        "h2"        },
  { "hl2",        "h2"        },
  { "h1",         "h2"        },
  { "h2",         "h2"        },
  { "h3",         "h3"        },
  { "h4",         "h4"        },
  { "h5",         "h5"        },
  { "h6",         "h6"        },
  { "bq",         "blockquote"},
  { "blockquote", "blockquote"},
  { "block",      "div"       },
  { "div",        "div"       },
  { "ul",         "ul"        },
  { "ol",         "ol"        },
  { "li",         "li"        },
  { "em",         "em"        },
  { "i",          "i"         },
  { "strong",     "strong"    },
  { "b",          "b"         },
  { "a",          "a"         },
  { "pre",        "pre"       },
  { "code",       "code"      },
  { "br",         "br"        },
  { "img",        "img"       },
  { "table",      "table"     },
  { "thead",      "thead"     },
  { "tbody",      "tbody"     },
  { "tr",         "tr"        },
  { "td",         "td"        },
  { "th",         "th"        },
  { "sub",        "sub"       },
  { "sup",        "sup"       },
};

/* Elements of a story that are not its text: its pictures (read apart),
 * footnotes and notes to editors, and what a page has around its body. */
static const char *const skipped_names[] = {
  "media",
  "fn",
  "note",
  "script",
  "style",
  "head",
  "title",
  "object",
};

static gboolean
is_element (xmlNode      *node,
            gconstpointer name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, name) == 0;
}

/* The first child element of @parent called @name, or NULL. */
static xmlNode *
child_element (xmlNode    *parent,
               const char *name)
{
  for (xmlNode *node = parent ? parent->children : NULL; node != NULL; node = node->next)
    if (is_element (node, name))
      return node;
  return NULL;
}

/* Follows child elements by name: "docdata/ed-msg". */
static xmlNode *
find_path (xmlNode    *node,
           const char *path)
{
  g_auto (GStrv) steps = g_strsplit (path, "/", -1);

  for (guint i = 0; steps[i] != NULL && node != NULL; i++)
    node = child_element (node, steps[i]);
  return node;
}

/* Appends @text with its runs of white space folded to one space. */
static void
append_folded (GString    *out,
               const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

/* What an entity reference stands for: an entity the file declares with
 * its text, an HTML entity ("&mdash;", from a DTD not read) its character;
 * an external one nothing, as nothing outside the file is read. */
static char *
entity_text (xmlNode *node)
{
  xmlEntity            *entity = xmlGetDocEntity (node->doc, node->name);
  const htmlEntityDesc *html;
  char                  utf8[8];

  if (entity != NULL)
    return entity->etype == XML_INTERNAL_GENERAL_ENTITY && entity->content != NULL
               ? g_strdup ((const char *) entity->content)
               : NULL;
  if ((html = htmlEntityLookup (node->name)) == NULL)
    return NULL;
  return g_strndup (utf8, g_unichar_to_utf8 (html->value, utf8));
}

/* Appends the text of @node and what it holds, folded, leaving out the
 * child elements called @except. */
static void
append_text (GString    *text,
             xmlNode    *node,
             const char *except,
             guint       depth)
{
  for (; node != NULL && depth <= MAX_DEPTH; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        append_folded (text, (const char *) node->content);
      else if (node->type == XML_ENTITY_REF_NODE)
        {
          g_autofree char *value = entity_text (node);

          if (value != NULL)
            append_folded (text, value);
        }
      else if (node->type == XML_ELEMENT_NODE &&
               (except == NULL || strcmp ((const char *) node->name, except) != 0))
        append_text (text, node->children, NULL, depth + 1);
    }
}

/* The text of @node and what it holds, folded and trimmed, leaving out the
 * child elements called @except; NULL when there is none. */
static char *
text_except (xmlNode    *node,
             const char *except)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (node == NULL)
    return NULL;
  append_text (text, node->children, except, 0);
  g_strstrip (text->str);
  return *text->str != '\0' ? g_strdup (text->str) : NULL;
}

static char *
text_of (xmlNode *node)
{
  return text_except (node, NULL);
}

static void
set_if_blank (CdArticle  *article,
              const char *field,
              const char *value)
{
  g_autofree char *current = cd_article_get_field (article, field);

  if (value != NULL && *value != '\0' && cd_text_is_blank (current))
    cd_article_set_field (article, field, value, NULL);
}

/* The byline, without its "By", and the title under it ("Anna Berg,
 * Associated Press"); the desk's initials where a byline goes (EFE's
 * "gr/bp") are its sign-off, a note. */
static void
set_byline (CdArticle  *article,
            char       *byline,
            const char *title,
            GString    *notes)
{
  g_autofree char *full = NULL;

  _cd_import_without_by (byline);
  if (byline != NULL && title == NULL &&
      g_regex_match (_cd_import_wire_regex (RE_SIGN_OFF), byline, 0, NULL))
    {
      _cd_import_add_note (notes, byline);
      return;
    }
  /* The comma before the title is in the byline's text already: "By
   * <person>DANA WHITFIELD</person>, <byttl>…". */
  if (byline != NULL && title != NULL)
    {
      gsize n = strlen (g_strchomp (byline));

      while (n > 0 && byline[n - 1] == ',')
        byline[--n] = '\0';
      full = g_strdup_printf ("%s, %s", g_strchomp (byline), title);
    }
  set_if_blank (article, "byline", full != NULL ? full : byline);
}

/* A release time ahead of now holds the story: the article's embargo.
 * NITF writes it in the basic form ("20261204T120000Z"), NewsML-G2 in the
 * extended one; a time without a zone is UTC. */
static void
set_release (CdArticle  *article,
             const char *when)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) release = when ? g_date_time_new_from_iso8601 (when, utc) : NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  if (release != NULL && g_date_time_compare (release, now) > 0)
    cd_article_set_embargo (article, release);
}

static const char *
html_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (html_names); i++)
    if (strcmp (html_names[i].name, name) == 0)
      return html_names[i].html;
  return NULL;
}

static gboolean
is_skipped (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (skipped_names); i++)
    if (strcmp (skipped_names[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
append_html_attr (GString    *html,
                  xmlNode    *node,
                  const char *name)
{
  g_autofree char *value = _cd_html_get_attr (node, name);
  g_autofree char *escaped = value ? g_markup_escape_text (value, -1) : NULL;

  if (escaped != NULL)
    g_string_append_printf (html, " %s=\"%s\"", name, escaped);
}

/* Whether the line breaks among @first and its siblings only wrap the
 * feed's fixed-width lines, as AAP sends agencies' copy ("stakes in <br
 * />four petrochemical …"): each follows a space and ends a line of
 * running text, not an address's or a table's short line. Such a break
 * is a space in the story. */
static gboolean
breaks_wrap_lines (xmlNode *first)
{
  guint    breaks = 0;
  glong    line = 0;
  xmlNode *last_break = NULL;

  for (xmlNode *node = first; node != NULL; node = node->next)
    if (is_element (node, "br"))
      last_break = node;
  for (xmlNode *node = first; node != NULL && last_break != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE && node->content != NULL)
        line += g_utf8_strlen ((const char *) node->content, -1);
      else if (is_element (node, "br"))
        {
          xmlNode    *before = node->prev;
          const char *text = before != NULL && before->type == XML_TEXT_NODE
                                 ? (const char *) before->content
                                 : NULL;

          gsize length = text != NULL ? strlen (text) : 0;
          gsize word_end = length;

          /* A space on the break's line, not the new line and indent
           * of XML laid out by hand. */
          while (word_end > 0 && (text[word_end - 1] == ' ' || text[word_end - 1] == '\t'))
            word_end--;
          if (word_end == length || word_end == 0 || text[word_end - 1] == '\n' ||
              text[word_end - 1] == '\r' || line < 40)
            return FALSE;
          breaks++;
          line = 0;
          if (node == last_break)
            break;
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          g_autofree char *text = text_of (node);

          line += text != NULL ? g_utf8_strlen (text, -1) : 0;
        }
    }
  return breaks > 0;
}

/* Writes the story under @node as HTML: the elements of html_names by
 * their HTML names, with a link's target and a picture's source and
 * description; the text of any other element; none of the skipped ones. */
static void
write_html (GString *html,
            xmlNode *node,
            guint    depth)
{
  gboolean wrapped = breaks_wrap_lines (node);

  for (; node != NULL; node = node->next)
    {
      const char *name;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE ||
          node->type == XML_ENTITY_REF_NODE)
        {
          g_autofree char *value = node->type == XML_ENTITY_REF_NODE
                                       ? entity_text (node)
                                       : g_strdup ((const char *) node->content);
          g_autofree char *escaped = value ? g_markup_escape_text (value, -1) : NULL;

          if (escaped != NULL)
            g_string_append (html, escaped);
          continue;
        }
      /* An XHTML story's header right under its body holds its headline,
       * slugs and time (as dpa sends it): metadata. A section's header is
       * the story's. */
      if (node->type != XML_ELEMENT_NODE || depth > MAX_DEPTH ||
          is_skipped ((const char *) node->name) ||
          (is_element (node, "header") && is_element (node->parent, "body")))
        continue;
      if ((name = html_name ((const char *) node->name)) == NULL)
        {
          write_html (html, node->children, depth + 1);
          continue;
        }
      if (wrapped && strcmp (name, "br") == 0)
        {
          g_string_append_c (html, ' ');
          continue;
        }
      if (strcmp (name, "p") == 0 && _cd_import_xml_write_text (html, node))
        continue;
      g_string_append_printf (html, "<%s", name);
      if (strcmp (name, "a") == 0)
        append_html_attr (html, node, "href");
      else if (strcmp (name, "img") == 0)
        {
          append_html_attr (html, node, "src");
          append_html_attr (html, node, "alt");
        }
      g_string_append_c (html, '>');
      if (strcmp (name, "br") == 0 || strcmp (name, "img") == 0)
        continue;
      write_html (html, node->children, depth + 1);
      g_string_append_printf (html, "</%s>", name);
    }
}

/* The story's first picture gives the featured picture's caption and
 * credit, as in wire copy. */
static void
read_media (CdArticle *article,
            xmlNode   *content)
{
  for (xmlNode *node = content ? content->children : NULL; node != NULL; node = node->next)
    if (is_element (node, "media"))
      {
        g_autofree char *caption = text_of (child_element (node, "media-caption"));
        g_autofree char *credit = text_of (child_element (node, "media-producer"));

        set_if_blank (article, "image_caption", caption);
        set_if_blank (article, "image_credit", credit);
        return;
      }
}

/* NITF's dateline: its location's city where it marks one
 * ("<city>Bellinzona</city><country>CH</country>"), else the location
 * ("PASSAU, Germany"), else its text without the story's date, the
 * dashes after it and the source, which is the source when the story
 * names none. */
static void
read_nitf_dateline (CdArticle *article,
                    xmlNode   *dateline)
{
  xmlNode         *location = child_element (dateline, "location");
  g_autofree char *city = text_of (child_element (location, "city"));
  g_autofree char *place = city != NULL && !cd_text_is_blank (city) ? g_steal_pointer (&city) : text_of (location);
  g_autofree char *text = NULL;

  if (dateline == NULL)
    return;
  set_if_blank (article, "dateline", place);
  text = text_except (dateline, "story.date");
  _cd_import_set_given_dateline (article, text);
}

/* NITF's head: the notes to editors, the release time and the keywords. */
static void
read_nitf_head (CdArticle *article,
                xmlNode   *head,
                GString   *notes)
{
  xmlNode *docdata = child_element (head, "docdata");
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  xmlNode *keys = child_element (docdata, "key-list");

  for (xmlNode *node = docdata ? docdata->children : NULL; node != NULL; node = node->next)
    if (is_element (node, "ed-msg"))
      {
        g_autofree char *info = _cd_html_get_attr (node, "info");

        if (info != NULL && *g_strstrip (info) != '\0')
          _cd_import_add_note (notes, info);
      }
  {
    g_autofree char *release = _cd_html_get_attr (child_element (docdata, "date.release"), "norm");

    set_release (article, release);
  }
  for (xmlNode *node = keys ? keys->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *key = is_element (node, "keyword") ? _cd_html_get_attr (node, "key") : NULL;

      if (key != NULL && *g_strstrip (key) != '\0')
        g_ptr_array_add (tags, g_steal_pointer (&key));
    }
  if (tags->len > 0)
    {
      g_ptr_array_add (tags, NULL);
      cd_article_set_tags (article, (const char *const *) tags->pdata);
    }
}

/* NITF's body: the head's fields, the story, a tagline under it. Notes the
 * reader may see open the story; the others go to @notes. */
static void
read_nitf_body (CdArticle *article,
                xmlNode   *body,
                GString   *html,
                GString   *notes)
{
  xmlNode         *head = child_element (body, "body.head");
  xmlNode         *content = child_element (body, "body.content");
  xmlNode         *end = child_element (body, "body.end");
  xmlNode         *hedline = child_element (head, "hedline");
  g_autofree char *headline = text_of (child_element (hedline, "hl1"));
  g_autofree char *dek = text_of (child_element (hedline, "hl2"));
  g_autofree char *abstract = text_of (child_element (head, "abstract"));
  g_autofree char *byline = text_except (child_element (head, "byline"), "byttl");
  g_autofree char *byline_title = text_of (find_path (head, "byline/byttl"));
  g_autofree char *distributor = text_of (child_element (head, "distributor"));

  set_if_blank (article, "headline", headline);
  set_if_blank (article, "dek", dek != NULL ? dek : abstract);
  set_byline (article, byline, byline_title, notes);
  set_if_blank (article, "source", distributor);
  /* The agency the byline names ("Anna Nowak (PAP)"). */
  if (cd_text_is_blank (cd_article_get_source (article)) && !cd_text_is_blank (cd_article_get_byline (article)))
    {
      g_autofree char *agency = _cd_import_agency_of_byline (cd_article_get_byline (article));

      set_if_blank (article, "source", agency);
    }
  read_nitf_dateline (article, child_element (head, "dateline"));

  for (xmlNode *node = head ? head->children : NULL; node != NULL; node = node->next)
    if (is_element (node, "note"))
      {
        g_autofree char *type = _cd_html_get_attr (node, "type");
        g_autofree char *text = text_of (node);

        if (text == NULL)
          continue;
        if (g_strcmp0 (type, "pa") == 0)
          {
            g_string_append (html, "<p>");
            write_html (html, node->children, 0);
            g_string_append (html, "</p>");
          }
        else
          _cd_import_add_note (notes, text);
      }

  read_media (article, content);
  if (content != NULL)
    write_html (html, content->children, 0);
  for (xmlNode *node = end ? end->children : NULL; node != NULL; node = node->next)
    if (is_element (node, "tagline"))
      {
        g_string_append (html, "<p>");
        write_html (html, node->children, 0);
        g_string_append (html, "</p>");
      }
}

static void
read_nitf (CdArticle *article,
           xmlNode   *nitf,
           GString   *html,
           GString   *notes)
{
  g_autofree char *title = text_of (find_path (nitf, "head/title"));
  g_autofree char *baselang = _cd_html_get_attr (nitf, "baselang");
  xmlChar         *lang = xmlNodeGetLang (nitf);

  /* xml:lang, or NITF's own attribute for the document's language. */
  if (lang != NULL && *lang != '\0')
    cd_article_set_language (article, (const char *) lang);
  else if (baselang != NULL && *baselang != '\0')
    cd_article_set_language (article, baselang);
  xmlFree (lang);

  read_nitf_head (article, child_element (nitf, "head"), notes);
  read_nitf_body (article, child_element (nitf, "body"), html, notes);
  /* A story without a headline of its own has its title. */
  set_if_blank (article, "headline", title);
}

/* Writes the story that @container holds as XML (NITF, XHTML, or
 * elements of text) as HTML; FALSE when it holds no element. */
static gboolean
read_inline_story (CdArticle *article,
                   xmlNode   *container,
                   GString   *html,
                   GString   *notes)
{
  xmlNode *first = NULL;

  for (xmlNode *node = container ? container->children : NULL; node != NULL && first == NULL;
       node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      first = node;
  if (is_element (first, "nitf"))
    read_nitf (article, first, html, notes);
  else if (is_element (first, "html"))
    {
      xmlNode         *body = child_element (first, "body");
      g_autofree char *title = text_of (find_path (body, "header/h1"));

      set_if_blank (article, "headline", title);
      write_html (html, body, 0);
    }
  else if (first != NULL)
    write_html (html, container->children, 0);
  return first != NULL;
}

/* Writes the text of a content item's data as HTML: NITF, XHTML, elements
 * of text, or plain text, a paragraph between blank lines. */
static void
read_newsml_data (CdArticle *article,
                  xmlNode   *data,
                  GString   *html,
                  GString   *notes)
{
  g_autofree char *text = NULL;
  const char      *p;

  if (read_inline_story (article, data, html, notes))
    return;
  text = (char *) xmlNodeGetContent (data);
  p = text != NULL ? text : "";
  /* HTML in a CDATA section, as some agencies send it. */
  if (*(p + strspn (p, " \t\r\n")) == '<')
    {
      g_string_append (html, p);
      return;
    }
  /* Plain text: a paragraph between blank lines. */
  while (*p != '\0')
    {
      const char      *gap = p, *next;
      g_autofree char *paragraph = NULL;
      g_autofree char *escaped = NULL;

      for (next = NULL; next == NULL && (gap = strchr (gap, '\n')) != NULL; gap++)
        {
          const char *q = gap + 1 + strspn (gap + 1, " \t\r");

          if (*q == '\n' || *q == '\0')
            next = q;
        }
      if (next == NULL)
        next = p + strlen (p);
      paragraph = g_strndup (p, (gap != NULL ? gap : next) - p);
      escaped = g_markup_escape_text (g_strstrip (paragraph), -1);
      if (*escaped != '\0')
        g_string_append_printf (html, "<p>%s</p>", escaped);
      p = next + strspn (next, " \t\r\n");
    }
}

/* A NewsML-G2 item: its metadata, then its text, NITF or XHTML, from the
 * first inline XML of its content set, else plain text from its inline
 * data. */
static void
read_g2_item (CdArticle *article,
              xmlNode   *item,
              GString   *html,
              GString   *notes)
{
  xmlNode         *meta = child_element (item, "contentMeta");
  xmlNode         *inline_xml = find_path (item, "contentSet/inlineXML");
  g_autofree char *located = NULL;
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  gboolean had_headline = FALSE;

  g_autofree char *note = text_of (find_path (item, "itemMeta/edNote"));
  g_autofree char *embargo = text_of (find_path (item, "itemMeta/embargoed"));
  xmlChar         *lang = xmlNodeGetLang (item);

  /* The item's language, unless its content names its own. */
  if (lang != NULL && *lang != '\0')
    cd_article_set_language (article, (const char *) lang);
  xmlFree (lang);
  if (note != NULL)
    _cd_import_add_note (notes, note);
  set_release (article, embargo);

  for (xmlNode *node = meta ? meta->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *value = NULL;
      g_autofree char *role = NULL;

      if (node->type != XML_ELEMENT_NODE || (value = text_of (node)) == NULL)
        {
          if (is_element (node, "language"))
            {
              g_autofree char *tag = _cd_html_get_attr (node, "tag");

              if (tag != NULL && *tag != '\0')
                cd_article_set_language (article, tag);
            }
          continue;
        }
      role = _cd_html_get_attr (node, "role");
      if (is_element (node, "headline") && !had_headline)
        {
          cd_article_set_headline (article, value);
          had_headline = TRUE;
        }
      else if (is_element (node, "headline") || is_element (node, "description"))
        set_if_blank (article, "dek", value);
      else if (is_element (node, "by"))
        set_byline (article, value, NULL, notes);
      /* A person as the item's creator ("<creator><name>Carolina
       * SILVA</name></creator>"), not the agency. */
      else if (is_element (node, "creator") && cd_text_is_blank (cd_article_get_byline (article)))
        {
          g_autofree char *name = text_of (child_element (node, "name"));

          if (name != NULL && cd_count_words (g_strstrip (name)) >= 2 && !_cd_import_is_agency_name (name))
            set_byline (article, name, NULL, notes);
        }
      else if (is_element (node, "dateline"))
        _cd_import_set_given_dateline (article, value);
      /* Where the item gives its dateline too, that says the place. */
      else if (is_element (node, "located") && located == NULL)
        {
          g_autofree char *name = text_of (child_element (node, "name"));

          located = g_strdup (name != NULL ? name : value);
        }
      else if (is_element (node, "creditline"))
        {
          /* Without the dash STT writes after it, "STT–", as before the
           * agency it passes on: "STT–AFP". */
          while (g_str_has_suffix (value, "–") || g_str_has_suffix (value, "—") ||
                 g_str_has_suffix (value, "-"))
            *g_utf8_prev_char (value + strlen (value)) = '\0';
          set_if_blank (article, "source", g_strchomp (value));
        }
      else if (is_element (node, "keyword"))
        g_ptr_array_add (tags, g_steal_pointer (&value));
    }
  if (located != NULL)
    _cd_import_set_given_dateline (article, located);
  if (tags->len > 0)
    {
      g_ptr_array_add (tags, NULL);
      cd_article_set_tags (article, (const char *const *) tags->pdata);
    }

  if (inline_xml != NULL)
    read_inline_story (article, inline_xml, html, notes);
  else
    read_newsml_data (article, find_path (item, "contentSet/inlineData"), html, notes); /* The agency that provides the item, or holds its copyright: the
                                                                                         * source where neither the item nor its story names one. */
  if (cd_text_is_blank (cd_article_get_source (article)))
    {
      const char *const paths[] = { "itemMeta/provider", "rightsInfo/copyrightHolder" };

      for (guint i = 0; i < G_N_ELEMENTS (paths) && cd_text_is_blank (cd_article_get_source (article)); i++)
        {
          xmlNode         *party = find_path (item, paths[i]);
          g_autofree char *literal = _cd_html_get_attr (party, "literal");
          g_autofree char *name = text_of (child_element (party, "name"));

          set_if_blank (article, "source", !cd_text_is_blank (name) ? name : literal);
        }
    }
}

/* NewsML 1 */

/* The first element that @match accepts (is_element(): by its name,
 * has_role(): a component in a role): @node itself or one under it,
 * depth first. */
static xmlNode *
find_under (xmlNode      *node,
            CdXmlMatch    match,
            gconstpointer data)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  return match (node, data) ? node : _cd_xml_find (node->children, match, data, MAX_DEPTH);
}

/* The FormalName of @node's child @name ("Text" of <MediaType
 * FormalName="Text"/>), or NULL. */
static char *
formal_name (xmlNode    *node,
             const char *name)
{
  return _cd_html_get_attr (child_element (node, name), "FormalName");
}

/* Whether @node is a component in the role @role ("Main", "Caption"). */
static gboolean
has_role (xmlNode      *node,
          gconstpointer role)
{
  g_autofree char *name = is_element (node, "NewsComponent") ? formal_name (node, "Role") : NULL;

  return name != NULL && g_ascii_strcasecmp (name, role) == 0;
}

/* The first content item of text under @node, depth first, past the
 * captions of pictures; under the main component when @node has one. */
static xmlNode *
find_text_item (xmlNode *node,
                guint    depth)
{
  if (node == NULL || depth > MAX_DEPTH || has_role (node, "Caption"))
    return NULL;
  if (depth == 0)
    {
      xmlNode *main = find_under (node, has_role, "Main");
      xmlNode *found = main != NULL ? find_text_item (main, 1) : NULL;

      if (found != NULL)
        return found;
    }
  if (is_element (node, "ContentItem"))
    {
      g_autofree char *type = formal_name (node, "MediaType");

      return type != NULL && g_ascii_strcasecmp (type, "Text") == 0 &&
                     child_element (node, "DataContent") != NULL
                 ? node
                 : NULL;
    }
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *found = child->type == XML_ELEMENT_NODE ? find_text_item (child, depth + 1) : NULL;

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The element called @name of the component nearest above @text in
 * @item, else the first under @item. */
static xmlNode *
nearest (xmlNode    *item,
         xmlNode    *text,
         const char *name)
{
  for (xmlNode *node = text != NULL ? text->parent : NULL; node != NULL && node != item->parent;
       node = node->parent)
    {
      xmlNode *found = child_element (node, name);

      if (found != NULL)
        return found;
    }
  return find_under (item, is_element, name);
}

/* A NewsML 1 news item (AFP's feeds and others): the lines of its first
 * component (headline, subheadline, byline, dateline, slug), its language
 * and embargo, then its first content item of text. */
static void
read_newsml_item (CdArticle *article,
                  xmlNode   *item,
                  GString   *html,
                  GString   *notes)
{
  xmlNode         *text = find_text_item (item, 0);
  xmlNode         *lines = nearest (item, text, "NewsLines");
  xmlNode         *management = child_element (item, "NewsManagement");
  g_autofree char *byline = text_of (child_element (lines, "ByLine"));
  g_autofree char *byline_title = text_of (child_element (lines, "ByLineTitle"));
  g_autofree char *dateline = text_of (child_element (lines, "DateLine"));
  g_autofree char *slug = text_of (child_element (lines, "SlugLine"));
  g_autofree char *language = formal_name (nearest (item, text, "DescriptiveMetadata"), "Language");
  g_autofree char *status = formal_name (management, "Status");
  xmlChar         *lang = xmlNodeGetLang (item);

  if (language != NULL && *language != '\0')
    cd_article_set_language (article, language);
  else if (lang != NULL && *lang != '\0')
    cd_article_set_language (article, (const char *) lang);
  xmlFree (lang);
  {
    g_autofree char *headline = text_of (child_element (lines, "HeadLine"));
    g_autofree char *dek = text_of (child_element (lines, "SubHeadLine"));

    set_if_blank (article, "headline", headline);
    set_if_blank (article, "dek", dek);
  }
  set_byline (article, byline, byline_title, notes);
  _cd_import_set_given_dateline (article, dateline);
  if (slug != NULL)
    _cd_import_add_note (notes, slug);
  /* An embargoed item says when it becomes usable. */
  if (g_strcmp0 (status, "Embargoed") == 0)
    {
      g_autofree char *when = text_of (find_path (management, "StatusWillChange/DateAndTime"));

      set_release (article, when);
    }
  if (text != NULL)
    read_newsml_data (article, child_element (text, "DataContent"), html, notes);
  /* A picture's caption and credit, as NITF's first picture gives them. */
  {
    xmlNode         *photo = find_under (item, has_role, "Photo");
    g_autofree char *caption = text_of (find_under (find_under (item, has_role, "Caption"), is_element, "DataContent"));
    g_autofree char *credit = text_of (find_under (photo, is_element, "CreditLine"));

    set_if_blank (article, "image_caption", caption);
    set_if_blank (article, "image_credit", credit);
  }
}

/* The item of a NewsML 1 document that holds the story: the first with a
 * content item of text, else the first. How many more hold text into
 * @others. */
/* Whether a NewsML-G2 item carries text: inline XML, or inline data of
 * a text item. */
static gboolean
is_g2_text_item (xmlNode *item)
{
  g_autofree char *item_class = _cd_html_get_attr (find_path (item, "itemMeta/itemClass"), "qcode");

  return find_path (item, "contentSet/inlineXML") != NULL ||
         (find_path (item, "contentSet/inlineData") != NULL &&
          (item_class == NULL || g_str_has_suffix (item_class, ":text")));
}

/* The items of a NewsML file (NewsML 1's NewsItem under its root, or a
 * NewsML-G2 news message's newsItem under its item set, @name) that hold
 * a story, added to @items: those with text, else the first. */
static void
story_items (xmlNode    *parent,
             const char *name,
             GPtrArray  *items)
{
  xmlNode *first = NULL;

  for (xmlNode *node = parent ? parent->children : NULL; node != NULL; node = node->next)
    if (is_element (node, name))
      {
        if (strcmp (name, "NewsItem") == 0 ? find_text_item (node, 0) != NULL
                                           : is_g2_text_item (node))
          g_ptr_array_add (items, node);
        if (first == NULL)
          first = node;
      }
  if (items->len == 0 && first != NULL)
    g_ptr_array_add (items, first);
}

static xmlDoc *
parse_xml (const char *text,
           gsize       length,
           const char *origin,
           GError    **error)
{
  xmlParserCtxt *ctxt;
  xmlDoc        *doc = NULL;

  if (length > G_MAXINT || (ctxt = xmlNewParserCtxt ()) == NULL)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the XML could not be read.", origin);
      return NULL;
    }
  /* No network and no external DTD: what a file holds is all it says. */
  doc = xmlCtxtReadMemory (ctxt, text, (int) length, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      xmlError        *last = xmlCtxtGetLastError (ctxt);
      g_autofree char *why = g_strdup (last && last->message ? last->message : "unreadable");

      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: line %d: the XML is not well-formed (%s).", origin,
                   last ? last->line : 1, g_strstrip (why));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* Reads the story @item_node of the file whose root is @root_node: a
 * NewsML item, or the root itself. */
static gboolean
read_story (CdArticle  *article,
            gpointer    item_node,
            gpointer    root_node,
            const char *origin,
            GError    **error)
{
  g_autoptr (GString) html = g_string_new (NULL);
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autofree char *markdown = NULL;
  g_autofree char *slug = NULL;
  xmlNode         *root = root_node, *item = item_node;

  g_assert (CD_IS_ARTICLE (article));

  slug = text_of (find_under (item, is_element, is_element (item, "NewsItem") ? "SlugLine" : "slugline"));
  if (is_element (root, "nitf"))
    read_nitf (article, root, html, notes);
  else if (is_element (item, "newsItem") || is_element (item, "NewsItem"))
    {
      if (is_element (item, "newsItem"))
        read_g2_item (article, item, html, notes);
      else
        read_newsml_item (article, item, html, notes);
    }
  else
    {
      if (is_element (root, "packageItem") || find_path (root, "itemSet/packageItem") != NULL)
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                     "%s: the file holds a NewsML package, which lists other items but has no "
                     "text of its own; import the file of its text item.",
                     origin);
      else
        g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                     "%s: the XML is neither NITF nor a NewsML news item (its root element "
                     "is <%s>).",
                     origin, root ? (const char *) root->name : "none");
      return FALSE;
    }

  markdown = _cd_import_take_body_opening (
      article, _cd_import_html_to_markdown (html->str, html->len, notes), notes);
  markdown = _cd_import_take_body_sign_off (markdown, notes);
  /* NITF's holder of the copyright, where nothing else names the source. */
  if (is_element (root, "nitf"))
    {
      g_autofree char *holder = _cd_html_get_attr (find_path (root, "head/docdata/doc.copyright"), "holder");

      set_if_blank (article, "source", holder);
    }
  _cd_import_drop_repeated_dek (article, markdown);
  _cd_import_take_headline_label (article, slug, notes);
  if (cd_text_is_blank (markdown) && cd_text_is_blank (cd_article_get_headline (article)))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the news item has no headline and no text.", origin);
      return FALSE;
    }
  cd_article_set_body (article, markdown);
  if (notes->len > 0)
    cd_article_set_ednote (article, notes->str);
  return TRUE;
}

/* The importer of agency XML and feeds (see %CD_IMPORT_FORMAT_XML): the
 * stories of the checked @text as new articles that start with @language. */
gboolean
_cd_import_xml (const char *language,
                const char *text,
                gsize       length,
                const char *origin,
                gboolean    all,
                GPtrArray  *articles,
                GError    **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  xmlDoc  *doc;
  xmlNode *root;
  gboolean ok;

  if ((doc = parse_xml (text, length, origin, error)) == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (_cd_import_is_feed (root))
    ok = _cd_import_feed (root, language, origin, all, articles, error);
  else
    {
      if (is_element (root, "newsMessage"))
        story_items (child_element (root, "itemSet"), "newsItem", items);
      else if (is_element (root, "NewsML"))
        story_items (root, "NewsItem", items);
      if (items->len == 0)
        g_ptr_array_add (items, root);
      ok = _cd_import_stories (items, read_story, root, language, origin, all, articles, error);
    }
  xmlFreeDoc (doc);
  return ok;
}
