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
  PART_SOURCE,
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
  {PART_STANDFIRST, 60, (const char *const[]){ "standfirst", "dek", "deck", "strapline", "subtitle", "subheadline", "summary", "intro", "ingress", "lede", "chapeau", "chapo", "excerpt", "leadtext", "preamble", NULL }                                                                                                                                                                                                                                                                                                                                                                                                                                                                                       },
  { PART_BYLINE,    16, (const char *const[]){ "byline", "author", "authors", "autor", NULL }                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                  },
  { PART_TIME,      12, (const char *const[]){ "date", "time", "timestamp", "published", "pubdate", "updated", "meta", "dates", NULL }                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                         },
  { PART_LABEL,     6,  (const char *const[]){ "kicker", "eyebrow", "category", "vignette", "labels", "ressort", NULL }                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                        },
  { PART_SOURCE,    8,  (const char *const[]){ "source", NULL }                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                },
  { PART_FURNITURE, 80, (const char *const[]){ "newsletter", "signup", "subscribe", "subscription", "comments", "comment", "share", "sharing", "social", "related", "recommended", "promo", "advert", "advertisement", "advertising", "ad", "ads", "breadcrumb", "breadcrumbs", "cookie", "cookies", "skip", "paywall", "sponsored", "outbrain", "taboola", "readalso", "seealso", "alsoread", "mostread", "trending", "consent", "gdpr", "onetrust", "didomi", "usercentrics", "cta", "yorum", "yorumlar", "reklam", "paylas", "comentarios", "commentaires", "kommentare", "commenti", "reacties", "komentarze", "publicidad", "publicidade", "werbung", "reklama", "counter", "telegram", "whatsapp", NULL }},
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
      /* The paragraph set larger over the story: "lead" alone (not
       * "lead-image"). */
      if (g_str_equal (token, "lead"))
        return PART_STANDFIRST;
      for (guint k = 0; k < G_N_ELEMENTS (part_words); k++)
        for (guint w = 0; words[w] != NULL; w++)
          {
            /* A word split in two: "td-post-sub-title", "stand-first". */
            g_autofree char *joined = words[w + 1] != NULL ? g_strconcat (words[w], words[w + 1], NULL) : NULL;

            if (g_strv_contains (part_words[k].words, words[w]) ||
                (joined != NULL && g_strv_contains (part_words[k].words, joined)))
              return part_words[k].part;
          }
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

/* Whether @node is a link to write to an address (a CdXmlMatch). */
static gboolean
is_mail_link (xmlNode      *node,
              gconstpointer data)
{
  g_autofree char *href = _cd_html_name_is (node, "a") ? _cd_html_get_attr (node, "href") : NULL;

  return href != NULL && g_ascii_strncasecmp (href, "mailto:", 7) == 0;
}

/* An e-mail address, with the spaces around it. */
static GRegex *
addresses (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?:^|\\s+)[^\\s@]+@[^\\s@]+\\.[a-z]{2,}\\s*", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* Cuts the separators off the end of @text ("Seda Kılınç |", "Dana
 * McAllister -"). */
static void
strip_separators (char *text)
{
  for (char *last; *text != '\0' && (last = g_utf8_find_prev_char (text, text + strlen (text))) != NULL &&
                   (g_unichar_isspace (g_utf8_get_char (last)) || strchr ("|/-", *last) != NULL ||
                    g_str_has_prefix (last, "•") || g_str_has_prefix (last, "·") || g_str_has_prefix (last, "–"));)
    *last = '\0';
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
byline_of (xmlNode *node,
           char    *text)
{
  g_autoptr (GString) names = g_string_new (NULL);
  guint count = 0;
  char *byline;

  for (xmlNode *name = _cd_xml_find (node->children, is_author_name, NULL, 6); name != NULL;
       name = _cd_xml_find (name->next, is_author_name, NULL, 6))
    {
      g_autofree char *each = _cd_html_node_text (name);

      if (*each != '\0')
        g_string_append_printf (names, "%s%s", count++ > 0 ? " and " : "", each);
    }
  if (names->len > 0)
    return g_string_free (g_steal_pointer (&names), FALSE);
  /* "By Jessica Tran", "Von Katrin Vogel", "Oleh …", or a name alone;
   * not the writer's address beside it. */
  {
    g_autofree char *bare = g_regex_replace_literal (addresses (), text, -1, 0, "", 0, NULL);

    if (bare != NULL)
      strcpy (text, g_strstrip (bare));
  }
  strip_separators (text);
  if ((byline = _cd_import_byline_of_line (text)) != NULL)
    return byline;
  if (cd_count_words (text) >= 2 && cd_count_words (text) <= 4 && strpbrk (text, ".:;!?") == NULL)
    return g_strdup (text);
  return NULL;
}

/* The byline in @text, a byline's box, with the time after it past a
 * separator ("Autor: Anna Huber | 05.03.2025 um 06:00"), the time to
 * @c's notes; %NULL where @text is no such line. */
static char *
byline_with_time (CdHtmlConverter *c,
                  const char      *text)
{
  g_auto (GStrv) parts = g_regex_split_simple ("\\s+[|·•]\\s+", text, 0, 0);
  char *byline;

  if (g_strv_length (parts) < 2)
    return NULL;
  for (guint i = 1; parts[i] != NULL; i++)
    if (!_cd_import_is_time_line (parts[i]) && !_cd_import_is_date (parts[i]))
      return NULL;
  byline = _cd_import_byline_of_line (parts[0]);
  if (byline == NULL && _cd_import_is_name_line (parts[0]))
    byline = g_strdup (parts[0]);
  for (guint i = 1; byline != NULL && parts[i] != NULL; i++)
    _cd_import_add_note (c->notes, parts[i]);
  return byline;
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
                               "condividi|paylaş|bagikan|поделиться|(?:share|post|partager|compartir|teilen)\\s+(?:on|via|sur|en|auf)\\s+\\S+|"
                               "e-?mail\\s+(?:this|a\\s+friend)(?:\\s+(?:link|article|story))?)$",
                               text, G_REGEX_CASELESS, 0);
}

/* Whether @node holds only the label of an advertisement's place: "-
 * Advertisement -", "Anzeige", "Publicité". */
static gboolean
is_ad_label (xmlNode *node)
{
  g_autofree char *text = _cd_html_node_text (node);

  return g_regex_match_simple ("^\\W*(?:advertisement|advertising|ad|sponsored|anzeige|werbung|publicité|publicidade|publicidad|"
                               "pubblicità|advertentie|annons|reklame|mainos|reklama|реклама|reklam|iklan|广告|廣告|広告)\\W*$",
                               text, G_REGEX_CASELESS, 0);
}

/* Whether @text labels a page's share buttons: "Share:", "Compartilhe:",
 * "Partager :". */
static gboolean
is_share_label (const char *text)
{
  return g_regex_match_simple ("^(?:share(?:\\s+this(?:\\s+(?:article|story|page))?)?|compartilhe|compartir|comparte|partager|"
                               "partagez|teilen|artikel\\s+teilen|condividi|delen|dela(?:\\s+artikeln)?|del|jaa|udostępnij|"
                               "поделиться|paylaş|bagikan|分享到?)\\s*[:：]?$",
                               text, G_REGEX_CASELESS, 0);
}

/* Whether @link leads to a network's page to share the story, by its
 * address ("facebook.com/sharer", "twitter.com/intent", "wa.me"). */
static gboolean
shares (xmlNode *link)
{
  g_autofree char *href = _cd_html_get_attr (link, "href");

  return href != NULL &&
         g_regex_match_simple ("(?:facebook\\.com/shar|twitter\\.com/(?:intent|share)|x\\.com/intent|api\\.whatsapp\\.com/send|"
                               "\\bwa\\.me/|linkedin\\.com/(?:share|cws/share)|t\\.me/share|telegram\\.me/share|"
                               "pinterest\\.com/pin/create|reddit\\.com/submit|vk\\.com/share|connect\\.ok\\.ru|"
                               "service\\.weibo\\.com/share|^mailto:\\?)",
                               href, G_REGEX_CASELESS, 0);
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
      xmlNode         *link;

      if (child->type == XML_TEXT_NODE)
        {
          text = _cd_html_collapse_space ((const char *) child->content);
          if (text[strspn (text, " |•·/,")] != '\0' && !is_share_label (text))
            return FALSE;
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      text = _cd_html_node_text (child);
      link = _cd_html_name_is (child, "a") ? child : _cd_html_find_element (child->children, "a", _CD_HTML_MAX_DEPTH - 3);
      if (_cd_html_name_is (child, "a") || _cd_html_name_is (child, "li") || _cd_html_name_is (child, "span") ||
          _cd_html_name_is (child, "button"))
        {
          if (*text == '\0' || (links == 0 && is_share_label (text)))
            continue;
          if (!is_share_name (text) && (link == NULL || !shares (link)))
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

/* Counts in @counts (two: all, and those to a place on the page itself,
 * "#block-67c701e1") the links under @node. */
static void
count_links (xmlNode *node,
             guint   *counts,
             guint    depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *href = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!_cd_html_name_is (child, "a"))
        {
          if (depth < 8)
            count_links (child, counts, depth + 1);
          continue;
        }
      href = _cd_html_get_attr (child, "href");
      counts[0]++;
      /* A place by its name: "#" alone is a script's link. */
      if (href != NULL && g_str_has_prefix (g_strstrip (href), "#") && href[1] != '\0')
        counts[1]++;
    }
}

/* Whether @node is a box of links to places on the page itself, with few
 * words besides: a live blog's key events, a list of contents over the
 * story, whose headings say the same. */
static gboolean
is_page_contents (xmlNode *node)
{
  guint            counts[2] = { 0, 0 };
  guint            items = 0;
  xmlNode         *list = node;
  g_autofree char *text = NULL;
  g_autofree char *listed = NULL;
  g_autoptr (GString) rest = NULL;
  g_autoptr (GString) list_rest = NULL;

  /* A list, or a box of one (no table's notes). */
  if (!_cd_html_name_is (node, "ul") && !_cd_html_name_is (node, "ol"))
    {
      if (!_cd_html_name_is (node, "nav") && !_cd_html_name_is (node, "aside") && !_cd_html_name_is (node, "div"))
        return FALSE;
      if ((list = _cd_html_find_element (node->children, "ul", 0)) == NULL &&
          (list = _cd_html_find_element (node->children, "ol", 0)) == NULL)
        return FALSE;
    }
  if (_cd_html_find_element (node->children, "table", 0) != NULL)
    return FALSE;
  count_links (node, counts, 0);
  if (counts[0] < 2 || counts[1] < counts[0])
    return FALSE;
  /* Each item a link and little more (its number), and few words
   * around the list (its heading). */
  for (xmlNode *item = list->children; item != NULL; item = item->next)
    if (_cd_html_name_is (item, "li"))
      items++;
  listed = _cd_html_node_text (list);
  list_rest = g_string_new (listed);
  remove_link_texts (list, list_rest);
  text = _cd_html_node_text (node);
  rest = g_string_new (text);
  remove_link_texts (node, rest);
  return cd_count_words (list_rest->str) <= items && cd_count_words (rest->str) <= 20;
}

/* Whether @node is a link to join, subscribe or give (a CdXmlMatch). */
static gboolean
is_join_link (xmlNode      *node,
              gconstpointer data)
{
  return _cd_html_link_to (node, "sign-?up|subscri|membership|/join\\b|/donate|/support\\b|abonn|/abo\\b|newsletter|"
                                 "suscrip|assinatura|/mitglied");
}

/* Whether @node is a short box among the story's paragraphs that asks
 * the reader to join, subscribe or give ("The Estuary Record is free and
 * reader-funded. Become a member …"), with its link to do so. */
static gboolean
is_call_to_join (xmlNode *node)
{
  g_autofree char *text = NULL;

  if ((!_cd_html_name_is (node, "p") && !_cd_html_name_is (node, "div") && !_cd_html_name_is (node, "aside")) ||
      _cd_xml_find (node->children, is_join_link, NULL, 6) == NULL)
    return FALSE;
  text = _cd_html_node_text (node);
  return cd_count_words (text) <= 40 &&
         g_regex_match_simple ("\\bmember|subscri|sign\\s+up|donat|support\\s+(?:us|our|local)|newsletter|abonn|mitglied|"
                               "suscr|assine|iscriviti|word\\s+lid|zostań",
                               text, G_REGEX_CASELESS, 0);
}

/* Whether @node is a page's notice to readers without JavaScript
 * ("Please turn on JavaScript to use this feature"). */
static gboolean
is_script_notice (xmlNode *node)
{
  g_autofree char *text = NULL;

  if (!_cd_html_name_is (node, "p") && !_cd_html_name_is (node, "div") && !_cd_html_name_is (node, "span"))
    return FALSE;
  text = _cd_html_node_text (node);
  return cd_count_words (text) <= 25 &&
         g_regex_match_simple ("(?:turn\\s+on|enable|activate|allow)\\s+javascript|javascript\\s+(?:is\\s+)?(?:disabled|"
                               "required|turned\\s+off|must\\s+be)|javascript\\s+(?:aktivieren|einschalten)|"
                               "activez\\s+(?:le\\s+)?javascript|(?:activa|habilita)\\s+(?:el\\s+)?javascript",
                               text, G_REGEX_CASELESS, 0);
}

/* Whether an element under @node (a few levels down) is a part of the
 * page other than @part, by its class (the byline in a box of the page's
 * dates). */
static gboolean
holds_other_part (xmlNode *node,
                  PagePart part,
                  guint    depth)
{
  for (xmlNode *child = node->children; child != NULL && depth < 3; child = child->next)
    {
      g_autofree char *klass = child->type == XML_ELEMENT_NODE ? _cd_html_get_attr (child, "class") : NULL;
      PagePart         other = klass != NULL ? part_of_class (klass) : PART_NONE;

      if ((other != PART_NONE && other != part && other != PART_FURNITURE) ||
          (child->type == XML_ELEMENT_NODE && holds_other_part (child, part, depth + 1)))
        return TRUE;
    }
  return FALSE;
}

/* Takes the parts in @node's elements (_cd_html_take_page_part()), the
 * text of those that are none to @c->notes. */
static void
take_parts_of (CdHtmlConverter *c,
               xmlNode         *node,
               PagePart         part)
{
  g_autoptr (GString) loose = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *byline = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *each = NULL;

      if (child->type == XML_TEXT_NODE && child->content != NULL)
        g_string_append_printf (loose, " %s", (const char *) child->content);
      if (child->type != XML_ELEMENT_NODE || _cd_html_is_dropped (child) || _cd_html_take_page_part (c, child))
        continue;
      if (holds_other_part (child, PART_NONE, 0))
        {
          take_parts_of (c, child, PART_NONE);
          continue;
        }
      each = _cd_html_node_text (child);
      if (*each != '\0')
        _cd_import_add_note (c->notes, each);
    }
  /* The words between the parts: in a byline's box, the byline ("By Dana
   * McAllister" before its <time>). */
  text = _cd_html_collapse_space (loose->str);
  strip_separators (text);
  if (*text == '\0')
    return;
  if (part == PART_BYLINE && (byline = byline_of (node, text)) != NULL)
    cd_article_set_byline (c->article, byline);
  else
    _cd_import_add_note (c->notes, text);
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
  if (is_share_links (node) || is_related_link (node) || is_ad_label (node) || is_page_contents (node) ||
      is_script_notice (node) || is_call_to_join (node))
    return TRUE;
  klass = _cd_html_get_attr (node, "class");
  if (klass != NULL && is_own_class (klass))
    return FALSE;
  part = _cd_html_name_is (node, "time") ? PART_TIME : klass != NULL ? part_of_class (klass)
                                                                     : PART_NONE;
  if (part == PART_NONE)
    return FALSE;
  /* A box of the page's details ("node__meta", a list "asset-byline")
   * that holds a part of another kind (the byline, the time) is read a
   * part at a time. */
  if ((part == PART_TIME || part == PART_LABEL || part == PART_BYLINE) && holds_other_part (node, part, 0))
    {
      take_parts_of (c, node, part);
      return TRUE;
    }
  text = _cd_html_node_text (node);
  if (cd_count_words (text) > max_words (part))
    return FALSE;
  switch (part)
    {
    case PART_STANDFIRST:
      /* Not the lead picture, nor a box with it in it. */
      if (_cd_html_name_is (node, "figure") || _cd_html_find_element (node->children, "img", 0) != NULL ||
          _cd_html_find_element (node->children, "amp-img", 0) != NULL ||
          _cd_html_find_element (node->children, "figcaption", 0) != NULL)
        return FALSE;
      if (*text != '\0')
        cd_article_set_dek (c->article, text);
      return TRUE;
    case PART_BYLINE:
      {
        g_autofree char *byline = NULL;

        /* The writer's address beside the name, a link of its own. */
        for (xmlNode *mail; (mail = _cd_xml_find (node->children, is_mail_link, NULL, 6)) != NULL;)
          {
            xmlUnlinkNode (mail);
            xmlFreeNode (mail);
            g_free (text);
            text = _cd_html_node_text (node);
          }
        byline = byline_of (node, text);
        if (byline == NULL)
          byline = byline_with_time (c, text);
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
    case PART_SOURCE:
      {
        /* After its label: "来源：钱塘晚报", "Source: …", "Fuente: …"; with
         * no label, a class of that name says too little. */
        const char *colon = g_utf8_strchr (text, -1, 0xFF1A) != NULL ? g_utf8_strchr (text, -1, 0xFF1A) + 3 : strchr (text, ':');
        const char *name = colon != NULL ? colon + (*colon == ':') : text;

        while (g_unichar_isspace (g_utf8_get_char (name)))
          name = g_utf8_next_char (name);
        /* A label the source's, not a picture's ("Foto: Reuters"). */
        if (*name == '\0' || colon == NULL ||
            g_regex_match_simple ("^\\W*(?:photo|foto|picture|pic|bild|image|imagen|immagine|图片|摄影|圖片)",
                                  text, G_REGEX_CASELESS, 0))
          return FALSE;
        if (cd_text_is_blank (cd_article_get_source (c->article)))
          cd_article_set_source (c->article, name);
        _cd_import_add_note (c->notes, text);
        return TRUE;
      }
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

/* Whether @text, a paragraph's, is long enough to tell the story: half
 * as long in the scripts that write a word in a character or two. */
static gboolean
tells_story (const char *text)
{
  glong length = g_utf8_strlen (text, -1);

  return length >= STORY_PARAGRAPH_CHARS ||
         (length >= STORY_PARAGRAPH_CHARS / 2 && g_regex_match_simple ("[\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Hangul}]{10}", text, 0, 0));
}

/* Whether @node is a way to answer a banner: a button, or a link of a
 * word or two ("Tamam", "Accept all") (a CdXmlMatch). */
static gboolean
is_answer (xmlNode      *node,
           gconstpointer data)
{
  g_autofree char *text = NULL;

  if (_cd_html_name_is (node, "button"))
    return TRUE;
  if (!_cd_html_name_is (node, "a"))
    return FALSE;
  text = _cd_html_node_text (node);
  return *g_strstrip (text) != '\0' && cd_count_words (text) <= 3;
}

/* Whether @node is a consent banner by what it says: a box of a few
 * words about the site's cookies, with buttons or short links to answer
 * it ("Vi använder kakor … <button>Godkänn alla</button>"). */
static gboolean
is_consent_box (xmlNode *node)
{
  g_autofree char *text = NULL;

  if (_cd_html_name_is (node, "p") || _cd_xml_find (node->children, is_answer, NULL, 6) == NULL ||
      _cd_html_find_element (node->children, "h1", 0) != NULL)
    return FALSE;
  text = _cd_html_node_text (node);
  return cd_count_words (text) <= 80 &&
         g_regex_match_simple ("cookie|consent|evästeet|informasjonskapsler|ciasteczk|çerez|쿠키|クッキー|ملفات تعريف الارتباط",
                               text, G_REGEX_CASELESS, 0);
}

/* Whether @node, of the class @klass, is the box of the writer's life
 * under an opinion piece ("author-box", "author-bio", "about-the-author"),
 * more words than a byline. */
static gboolean
is_author_box (xmlNode    *node,
               const char *klass)
{
  g_autofree char *text = NULL;

  if (!g_regex_match_simple ("(?:^|[\\s_-])(?:bio|biography)(?:$|[\\s_-])|author[_-]?box|about[_-](?:the[_-])?author", klass,
                             G_REGEX_CASELESS, 0))
    return FALSE;
  text = _cd_html_node_text (node);
  return cd_count_words (text) > max_words (PART_BYLINE);
}

/* A class or an id of what stands outside the story, in any of its words. */
#define OUTSIDE "cookie|consent|footer(?:$|[\\s_-])"

/* Whether @node stands outside a page's story, where no paragraph of it
 * is looked for: a dropped element (a menu, a form), the site's header or
 * footer, the site's furniture by its class (comments, related links), a
 * consent banner. */
static gboolean
is_outside_story (xmlNode *node)
{
  g_autofree char *klass = NULL;
  g_autofree char *id = NULL;
  g_autofree char *style = NULL;
  g_autofree char *role = NULL;

  if (_cd_html_is_dropped (node) || _cd_html_name_is (node, "header") || _cd_html_name_is (node, "footer"))
    return TRUE;
  klass = _cd_html_get_attr (node, "class");
  id = _cd_html_get_attr (node, "id");
  style = _cd_html_get_attr (node, "style");
  role = _cd_html_get_attr (node, "role");
  /* By its class or its id ("cookie-notice", "cmplz-cookiebanner", a
   * footer's: "printfooter", "entry-footer"), or a box fixed or set over
   * the page (a consent banner, a dialog). */
  return (klass != NULL && (part_of_class (klass) == PART_FURNITURE || g_regex_match_simple (OUTSIDE, klass, G_REGEX_CASELESS, 0) ||
                            is_author_box (node, klass))) ||
         (id != NULL && (part_of_class (id) == PART_FURNITURE || g_regex_match_simple (OUTSIDE, id, G_REGEX_CASELESS, 0))) ||
         (style != NULL && g_regex_match_simple ("position\\s*:\\s*fixed", style, G_REGEX_CASELESS, 0)) ||
         (role != NULL && (g_ascii_strcasecmp (role, "dialog") == 0 || g_ascii_strcasecmp (role, "alertdialog") == 0)) ||
         is_consent_box (node);
}

/* Whether @node is a standfirst by its class and its length, no
 * paragraph of the story however long ("text-with-summary" holds more
 * words: a story's). */
static gboolean
is_standfirst (xmlNode *node)
{
  g_autofree char *klass = _cd_html_get_attr (node, "class");
  g_autofree char *text = NULL;

  if (klass == NULL || part_of_class (klass) != PART_STANDFIRST)
    return FALSE;
  text = _cd_html_node_text (node);
  return cd_count_words (text) <= max_words (PART_STANDFIRST);
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

/* Whether @node, no paragraph, holds the story's text itself, its
 * paragraphs parted by line breaks, as some sites' templates set it (a
 * <div> of text and "<br><br>"), and no paragraph of its own. */
static gboolean
holds_loose_story (xmlNode *node)
{
  g_autoptr (GString) loose = g_string_new (NULL);

  if (_cd_html_find_element (node->children, "p", 0) != NULL || _cd_html_find_element (node->children, "br", 0) == NULL)
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_TEXT_NODE && child->content != NULL)
      g_string_append (loose, (const char *) child->content);
  return tells_story (g_strstrip (loose->str));
}

/* Counts a paragraph of the story, of @characters, in @node. */
static void
add_story_paragraph (xmlNode  *node,
                     glong     characters,
                     xmlNode **block,
                     guint    *count,
                     guint    *length)
{
  *length += characters;
  if (*block == NULL)
    *block = node;
  while (!holds (*block, node))
    *block = (*block)->parent;
  (*count)++;
}

/* Finds the story's paragraphs under @node: counts them in *@count, adds
 * their characters to *@length and narrows *@block to the least element
 * that holds them all. */
static void
find_story_block (xmlNode  *node,
                  xmlNode **block,
                  guint    *count,
                  guint    *length,
                  guint     depth)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE || is_outside_story (node) || is_standfirst (node))
        continue;
      if (_cd_html_name_is (node, "p"))
        {
          g_autofree char *text = _cd_html_node_text (node);

          if (tells_story (text))
            add_story_paragraph (node, g_utf8_strlen (text, -1), block, count, length);
        }
      /* Its paragraphs parted by line breaks, each a run of text. */
      else if (holds_loose_story (node))
        for (xmlNode *child = node->children; child != NULL; child = child->next)
          {
            if (child->type == XML_TEXT_NODE && child->content != NULL && tells_story ((const char *) child->content))
              add_story_paragraph (node, g_utf8_strlen ((const char *) child->content, -1), block, count, length);
          }
      else if (depth < _CD_HTML_MAX_DEPTH)
        find_story_block (node->children, block, count, length, depth + 1);
    }
}

/* The length of the story's paragraphs under @node (find_story_block()). */
static guint
story_length (xmlNode *node)
{
  xmlNode *block = NULL;
  guint    count = 0, length = 0;

  find_story_block (node, &block, &count, &length, 0);
  return length;
}

/* Whether @node is a paragraph of the story or holds one. */
static gboolean
holds_story (xmlNode *node)
{
  g_autofree char *text = NULL;

  if (!_cd_html_name_is (node, "p"))
    return !is_outside_story (node) && story_length (node->children) > 0;
  text = _cd_html_node_text (node);
  return tells_story (text);
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

/* Whether @node's class makes it a part of the page's template (or one
 * of Copydesk's own fields), which the conversion takes. */
static gboolean
has_part_class (xmlNode *node)
{
  g_autofree char *klass = _cd_html_get_attr (node, "class");

  return klass != NULL && (is_own_class (klass) || part_of_class (klass) != PART_NONE);
}

/* Reads one element between a page's headline and its story (@node):
 * whether it was taken. */
static gboolean
take_story_head_part (CdHtmlConverter *c,
                      xmlNode         *node)
{
  g_autofree char *text = NULL;
  g_autofree char *byline = NULL;
  const char      *dek = cd_article_get_dek (c->article);

  if (_cd_html_name_is (node, "figure") || _cd_html_name_is (node, "img") || _cd_html_name_is (node, "picture") ||
      _cd_html_name_is (node, "table") || has_part_class (node))
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
  strip_separators (text);
  if ((byline = _cd_import_byline_of_line (text)) != NULL || _cd_import_is_name_line (text))
    {
      cd_article_set_byline (c->article, byline != NULL ? byline : text);
      return TRUE;
    }
  if (_cd_import_is_time_line (text))
    {
      _cd_import_add_note (c->notes, text);
      return TRUE;
    }
  /* The page's counters and tools: "Просмотров: 1843", "字号：大 中 小". */
  return g_regex_match_simple ("^(?:(?:views|reads|просмотров|просмотры|vistas|visualizações|aufrufe|lectures|letture|"
                               "dibaca|görüntülenme|visite|visualizzazioni|weergaven|visningar|阅读|閱讀|浏览)\\s*[:：]?\\s*[\\d\\s.,]+(?:\\s*(?:kali|times|mal))?|"
                               "(?:[\\d.,]+\\s*(?:views|reads|kali\\s+dibaca))|(?:字号|字體|font\\s+size|text\\s+size|"
                               "schriftgröße|taille\\s+du\\s+texte)\\s*[:：]?.{0,12}|(?:\\d+\\s*)?(?:min(?:ute)?s?\\.?\\s+read|"
                               "min\\.?\\s+lesezeit|minutes?\\s+de\\s+lecture|min\\s+de\\s+leitura|min\\s+de\\s+lectura))$",
                               text, G_REGEX_CASELESS, 0);
}

/* Reads @node when it is a definition list of the page's details, a
 * label of a few words to each ("From:", "Published on:"): each to the
 * notes, with its value, and the one that names where the page comes
 * from the source. Whether it was. */
static gboolean
take_details_list (CdHtmlConverter *c,
                   xmlNode         *node)
{
  g_autofree char *label = NULL;

  if (!_cd_html_name_is (node, "dl"))
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE || _cd_html_name_is (child, "dd"))
        continue;
      if (!_cd_html_name_is (child, "dt"))
        return FALSE;
      text = _cd_html_node_text (child);
      if (cd_count_words (text) > 4)
        return FALSE;
    }
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;
      g_autofree char *line = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      text = g_strstrip (_cd_html_node_text (child));
      if (_cd_html_name_is (child, "dt"))
        {
          g_free (label);
          label = g_strdup (text);
          g_strchomp (g_strdelimit (label, ":", ' '));
          continue;
        }
      if (*text == '\0')
        continue;
      if (label != NULL && g_regex_match_simple ("^(?:from|source|quelle|fuente|fonte|von)$", label, G_REGEX_CASELESS, 0) &&
          cd_text_is_blank (cd_article_get_source (c->article)))
        cd_article_set_source (c->article, text);
      /* A value with its own label under a heading ("Dettagli", "Categoria: Serie A"). */
      line = label != NULL && !g_regex_match_simple ("^[^:]{1,30}:\\s", text, 0, 0) ? g_strdup_printf ("%s: %s", label, text)
                                                                                    : g_strdup (text);
      _cd_import_add_note (c->notes, line);
    }
  return TRUE;
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
      if (take_details_list (c, node) || is_page_contents (node) || is_script_notice (node))
        {
          xmlUnlinkNode (node);
          xmlFreeNode (node);
          continue;
        }
      if (has_part_class (node))
        {
          if (_cd_html_take_page_part (c, node))
            {
              xmlUnlinkNode (node);
              xmlFreeNode (node);
            }
          continue;
        }
      /* A box of parts ("<div><div>Seda Kılınç |</div> <span>03.05.2027</span></div>",
       * "<div><span class="time">…</span> <span class="author">作者：张伟</span></div>")
       * is read a part at a time. */
      if ((_cd_html_has_block_child (node) || holds_other_part (node, PART_NONE, 0)) && !is_share_links (node))
        {
          g_autofree char *left = NULL;

          read_story_head (c, node->children, headline, block);
          /* Only the separators between the parts left ("&nbsp;|&nbsp;"). */
          left = _cd_html_node_text (node);
          strip_separators (left);
          if (*left == '\0' && _cd_html_find_element (node->children, "img", 0) == NULL)
            {
              xmlUnlinkNode (node);
              xmlFreeNode (node);
            }
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
 * @scope: the element that holds a news site's page's story
 *   (_cd_html_page_scope())
 * @story: (nullable): the <article> in @scope that holds the story's
 *   text, where the headline stands outside it
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
                         xmlNode         *scope,
                         xmlNode         *story)
{
  xmlNode *block = NULL;
  xmlNode *headline;
  guint    count = 0, length = 0;

  g_assert (c != NULL && c->article != NULL && c->notes != NULL);
  g_assert (scope != NULL);

  find_story_block (story != NULL ? story->children : scope->children, &block, &count, &length, 0);
  /* The <article> that holds the story, with the headline over it. */
  if (story != NULL && (count < 2 || !holds (story, block)))
    {
      block = story;
      count = 2;
    }
  if (count < 2 || block == scope || !holds (scope, block))
    return;
  /* A headline under the story is not a page's. */
  headline = _cd_html_find_element (scope->children, "h1", 0);
  if (headline != NULL && !holds (block, headline) && xmlXPathCmpNodes (headline, block) != 1)
    return;
  cut_beside (block, scope, FALSE);
  if (headline != NULL && !holds (block, headline))
    {
      /* Beside the headline, a kicker over it is the page's part. */
      xmlNode *first = headline;

      while (first->prev != NULL)
        first = first->prev;
      for (xmlNode *node = first; node != headline; node = node->next)
        _cd_html_take_page_part (c, node);
      cut_beside (headline, scope, TRUE);
      read_story_head (c, scope->children, headline, block);
    }
  /* A headline in the story's block, over a standfirst as long as the
   * story's paragraphs: what stands before the block goes, and what
   * stands under the headline up to the story's first part is read. */
  else if (headline != NULL)
    {
      xmlNode *first = block->children;

      cut_beside (block, scope, TRUE);
      while (first != NULL && (first->type != XML_ELEMENT_NODE || holds (first, headline) ||
                               xmlXPathCmpNodes (headline, first) != 1 || !holds_story (first)))
        first = first->next;
      if (first != NULL)
        read_story_head (c, block->children, headline, first);
    }
  /* With no headline on the page (its title has it), what stands before
   * the page's main part: the site's header, its menus. */
  else if (headline == NULL)
    for (xmlNode *main = block->parent; main != NULL && main != scope; main = main->parent)
      if (_cd_html_name_is (main, "main"))
        {
          cut_beside (main, scope, TRUE);
          break;
        }
}

/* Adds the <article> elements from @node on, not those within one, to
 * @articles. */
static void
find_articles (xmlNode   *node,
               GPtrArray *articles,
               guint      depth)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE || _cd_html_is_dropped (node))
        continue;
      if (_cd_html_name_is (node, "article"))
        g_ptr_array_add (articles, node);
      else if (depth < _CD_HTML_MAX_DEPTH)
        find_articles (node->children, articles, depth + 1);
    }
}

/**
 * _cd_html_page_scope:
 * @root: a page's root element
 * @story: (out) (transfer none): the <article> of the story's text, when
 *   the element returned holds more for the headline over it; or %NULL
 *
 * The element that holds a page's story: its <article>; of several, the
 * one with the most of the story's paragraphs, or, where three or more
 * stand side by side with nothing else so marked (a live blog's posts),
 * the element that holds them; with the page's headline (its first <h1>)
 * when that stands before it, outside it, and it has none of its own.
 * Without an <article>, the body.
 *
 * Returns: (transfer none): the element
 */
xmlNode *
_cd_html_page_scope (xmlNode  *root,
                     xmlNode **story)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new ();
  xmlNode *scope = NULL;
  xmlNode *headline;
  guint    best = 0;
  gboolean siblings;

  g_assert (root != NULL && story != NULL);

  *story = NULL;
  find_articles (root, articles, 0);
  siblings = articles->len >= 3;
  for (guint i = 0; i < articles->len; i++)
    {
      xmlNode *article = g_ptr_array_index (articles, i);
      guint    length = story_length (article->children);

      siblings = siblings && article->parent == ((xmlNode *) g_ptr_array_index (articles, 0))->parent && length > 0;
      if (scope == NULL || length > best)
        {
          scope = article;
          best = length;
        }
    }
  if (siblings)
    scope = ((xmlNode *) g_ptr_array_index (articles, 0))->parent;
  /* Cards of other stories, no story's text, where the page has it
   * elsewhere. */
  else if (best == 0 && story_length (root->children) > 0)
    scope = NULL;
  if (scope == NULL)
    return (scope = _cd_html_find_element (root, "body", 0)) != NULL ? scope : root;
  *story = NULL;
  if (_cd_html_find_element (scope->children, "h1", 0) != NULL)
    return scope;
  headline = _cd_html_find_element (root, "h1", 0);
  if (headline != NULL && !holds (scope, headline) && xmlXPathCmpNodes (headline, scope) == 1)
    {
      *story = siblings ? NULL : scope;
      while (!holds (scope, headline))
        scope = scope->parent;
    }
  return scope;
}
