/* test-import-feed.c: files of several stories: RSS and Atom feeds,
 * WordPress's export, a NewsML-G2 news message, a NewsML 1 file and an
 * agency API's ninjs list, each story an article; into the store, and
 * what is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-import.h"
#include "cd-store.h"
#include "cd-test-util.h"
#include "cd-wp-content.h"

/* A site's RSS 2.0 feed as WordPress writes it: the first entry's
 * description a teaser of its text, the second's a standfirst of its own;
 * a picture as an enclosure. */
static const char wordpress_rss[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"\n"
    "\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
    "\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
    "\txmlns:atom=\"http://www.w3.org/2005/Atom\"\n"
    "\t>\n"
    "<channel>\n"
    "\t<title>The Daily Courier</title>\n"
    "\t<atom:link href=\"https://courier.example/feed/\" rel=\"self\" type=\"application/rss+xml\" />\n"
    "\t<link>https://courier.example</link>\n"
    "\t<language>en-US</language>\n"
    "\t<item>\n"
    "\t\t<title>Council approves &#8216;green&#8217; budget</title>\n"
    "\t\t<link>https://courier.example/2026/12/06/council-budget/</link>\n"
    "\t\t<dc:creator><![CDATA[Anna Berg]]></dc:creator>\n"
    "\t\t<pubDate>Sun, 06 Dec 2026 09:30:00 +0000</pubDate>\n"
    "\t\t<category><![CDATA[Politics]]></category>\n"
    "\t\t<category><![CDATA[budget]]></category>\n"
    "\t\t<guid isPermaLink=\"false\">https://courier.example/?p=123</guid>\n"
    "\t\t<description><![CDATA[The city council approved a budget on Sunday that puts climate "
    "spending first [&#8230;]]]></description>\n"
    "\t\t<content:encoded><![CDATA[\n<p>The city council approved a budget on Sunday that puts "
    "climate spending first.</p>\n\n\n\n<p>&#8220;This is the budget the valley needs,&#8221; the "
    "mayor said.</p>\n\n\n\n<h2 class=\"wp-block-heading\">What changes</h2>\n\n\n\n<ul>\n<li>Bus "
    "fares fall by a fifth</li>\n<li>Two new cycle lanes</li>\n</ul>\n]]></content:encoded>\n"
    "\t</item>\n"
    "\t<item>\n"
    "\t\t<title>Storm closes mountain pass</title>\n"
    "\t\t<link>https://courier.example/2026/12/05/storm/</link>\n"
    "\t\t<dc:creator><![CDATA[Jan Olsen]]></dc:creator>\n"
    "\t\t<dc:creator><![CDATA[Eva Lind]]></dc:creator>\n"
    "\t\t<pubDate>Sat, 05 Dec 2026 18:00:00 +0000</pubDate>\n"
    "\t\t<description><![CDATA[Drivers are told to wait for Monday.]]></description>\n"
    "\t\t<content:encoded><![CDATA[<p>VALLEYTOWN (Courier) &#8212; Snow drifts of two metres "
    "closed the pass on Saturday.</p>\n<p>Police said it would stay shut until Monday.</p>]]>"
    "</content:encoded>\n"
    "\t\t<enclosure url=\"https://courier.example/uploads/pass.jpg\" length=\"123\" "
    "type=\"image/jpeg\" />\n"
    "\t</item>\n"
    "</channel>\n"
    "</rss>\n";

static GPtrArray *
import_all (const char *text,
            const char *origin)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *articles = cd_import_data_all (text, strlen (text), CD_IMPORT_FORMAT_AUTO, origin, &error);

  g_assert_no_error (error);
  g_assert_nonnull (articles);
  return articles;
}

static CdArticle *
nth (GPtrArray *articles,
     guint      i)
{
  g_assert_cmpuint (i, <, articles->len);
  return g_ptr_array_index (articles, i);
}

static void
assert_tags (CdArticle         *article,
             const char *const *expected)
{
  const char *const *tags = cd_article_get_tags (article);

  g_assert_nonnull (tags);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (tags[i], ==, expected[i]);
}

/* A site's RSS feed: an article an entry, in the feed's order. */
static void
test_rss (void)
{
  g_autoptr (GPtrArray) articles = import_all (wordpress_rss, "feed.rss");
  const char *const first_tags[] = { "Politics", "budget", NULL };
  CdArticle        *a, *b;

  g_assert_cmpuint (articles->len, ==, 2);
  a = nth (articles, 0);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Council approves ‘green’ budget");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Anna Berg");
  assert_tags (a, first_tags);
  /* The description only opens the text: no standfirst. */
  g_assert_null (cd_article_get_dek (a));
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "The city council approved a budget on Sunday that puts climate spending first.\n\n"
                   "“This is the budget the valley needs,” the mayor said.\n\n"
                   "## What changes\n\n"
                   "- Bus fares fall by a fifth\n"
                   "- Two new cycle lanes\n");
  g_assert_cmpstr (cd_article_get_ednote (a), ==,
                   "From the feed “The Daily Courier”, Sun, 06 Dec 2026 09:30:00 +0000: "
                   "https://courier.example/2026/12/06/council-budget/.");

  b = nth (articles, 1);
  g_assert_cmpstr (cd_article_get_headline (b), ==, "Storm closes mountain pass");
  g_assert_cmpstr (cd_article_get_byline (b), ==, "Jan Olsen and Eva Lind");
  g_assert_cmpstr (cd_article_get_dek (b), ==, "Drivers are told to wait for Monday.");
  /* The agency's dateline, as wire copy's. */
  g_assert_cmpstr (cd_article_get_dateline (b), ==, "VALLEYTOWN");
  g_assert_cmpstr (cd_article_get_source (b), ==, "Courier");
  g_assert_cmpstr (cd_article_get_body (b), ==,
                   "Snow drifts of two metres closed the pass on Saturday.\n\n"
                   "Police said it would stay shut until Monday.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (b),
                            "A picture of the entry is on the web, not imported: "
                            "https://courier.example/uploads/pass.jpg"));
  g_assert_null (cd_article_get_tags (b));
}

/* One story a file where one is asked for: the first, whose note names
 * the others. */
static void
test_first_only (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (wordpress_rss, strlen (wordpress_rss), CD_IMPORT_FORMAT_AUTO,
                                            "feed.xml", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Council approves ‘green’ budget");
  g_assert_true (g_str_has_suffix (cd_article_get_ednote (a),
                                   " — The file holds 1 more news item with text, not imported."));
}

/* Atom: text constructs of each type, the feed's author for an entry that
 * names none, categories' labels, Media RSS, a link to text elsewhere, and
 * the feed's language where it is not the newsroom's. */
/* Agencies' feeds name the agency: the channel's copyright in the
 * agency's language ("Notimex. Todos los derechos reservados."), the
 * entry's author that is the agency, or the feed's title; the copyright
 * run on after the last sentence leaves the story; a dateline with "de"
 * before the month. */
static void
test_agency_feeds (void)
{
  static const char rss[] =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
      "<title>Notimex - Economía</title><copyright>Notimex. Todos los derechos reservados.</copyright>"
      "<item><title>Banxico recorta tasa de interés</title><content:encoded><![CDATA[<p>Ciudad de México, 24 de junio (Notimex).- "
      "La Junta de Gobierno del Banco de México decidió reducir en 25 puntos base la tasa de interés.</p>]]></content:encoded></item>"
      "</channel></rss>\n";
  static const char ansa[] =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<rss version=\"2.0\"><channel><title>ANSA English</title>"
      "<item><title>Jobless rate falls</title><description><![CDATA[<p>(ANSA) - ROME, JULY 30 - Italy's unemployment rate fell to 5.6% in June.</p>"
      "<p>The minister hailed the figures as \"proof that our policies are working\". ALL RIGHTS RESERVED &copy; Copyright ANSA</p>]]>"
      "</description></item></channel></rss>\n";
  static const char atom[] =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Keystone-SDA Basisdienst Deutsch</title>"
      "<entry><title>Bundesrat will Armeebudget erhöhen</title><author><name>Keystone-SDA</name></author>"
      "<content type=\"html\">&lt;p&gt;Der Bundesrat will das Armeebudget bis 2032 erhöhen.&lt;/p&gt;</content></entry>"
      "<entry><title>Nationalrat berät</title><author><name>Lea Meier</name></author>"
      "<content type=\"html\">&lt;p&gt;Der Nationalrat berät am Dienstag.&lt;/p&gt;</content></entry></feed>\n";
  static const char anadolu[] =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<rss version=\"2.0\"><channel><title>Anadolu Agency - Economy</title>"
      "<item><title>Inflation eases</title><description><![CDATA[<p><strong>ANKARA</strong></p>"
      "<p>Türkiye's annual inflation eased to 28.4% in May from 31.2% in April, the statistical authority said on Thursday.</p>]]></description></item>"
      "<item><title>Exports hit record</title><description><![CDATA[<p><strong>BREAKING</strong></p>"
      "<p>Turkish exports hit an all-time high for May, the trade minister said on Friday.</p>]]></description></item>"
      "</channel></rss>\n";
  g_autoptr (GPtrArray) aa = import_all (anadolu, "aa.rss");
  g_autoptr (GPtrArray) notimex = import_all (rss, "notimex.rss");
  g_autoptr (GPtrArray) italy = import_all (ansa, "ansa.rss");
  g_autoptr (GPtrArray) sda = import_all (atom, "sda.atom");

  /* A place alone in bold capitals over the story is its dateline; a
   * label so set is none. */
  g_assert_cmpstr (cd_article_get_dateline (nth (aa, 0)), ==, "ANKARA");
  g_assert_cmpstr (cd_article_get_body (nth (aa, 0)), ==,
                   "Türkiye's annual inflation eased to 28.4% in May from 31.2% in April, the statistical authority said on Thursday.\n");
  g_assert_cmpstr (cd_article_get_source (nth (aa, 0)), ==, "Anadolu");
  g_assert_null (cd_article_get_dateline (nth (aa, 1)));
  g_assert_true (g_str_has_prefix (cd_article_get_body (nth (aa, 1)), "**BREAKING**"));
  g_assert_cmpstr (cd_article_get_source (nth (notimex, 0)), ==, "Notimex");
  g_assert_cmpstr (cd_article_get_dateline (nth (notimex, 0)), ==, "Ciudad de México");
  g_assert_cmpstr (cd_article_get_body (nth (italy, 0)), ==,
                   "Italy's unemployment rate fell to 5.6% in June.\n\n"
                   "The minister hailed the figures as \"proof that our policies are working\".\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (nth (italy, 0)), "ALL RIGHTS RESERVED © Copyright ANSA"));
  g_assert_cmpstr (cd_article_get_source (nth (sda, 0)), ==, "Keystone-SDA");
  g_assert_null (cd_article_get_byline (nth (sda, 0)));
  /* A writer is the byline; the feed's title names the source. */
  g_assert_cmpstr (cd_article_get_byline (nth (sda, 1)), ==, "Lea Meier");
  g_assert_cmpstr (cd_article_get_source (nth (sda, 1)), ==, "Keystone-SDA");
}

static void
test_atom (void)
{
  static const char atom[] =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:media=\"http://search.yahoo.com/mrss/\" "
      "xml:lang=\"fr\">\n"
      "  <title>Monde</title>\n"
      "  <author><name>Agence Exemple</name></author>\n"
      "  <entry>\n"
      "    <title type=\"html\">Reprise des pourparlers &lt;em&gt;à Genève&lt;/em&gt;</title>\n"
      "    <link rel=\"self\" href=\"https://ex.example/api/1\"/>\n"
      "    <link rel=\"alternate\" href=\"https://ex.example/monde/1\"/>\n"
      "    <published>2026-12-06T08:00:00Z</published>\n"
      "    <author><name>Par Marie Dubois</name></author>\n"
      "    <category term=\"diplo\" label=\"Diplomatie\"/>\n"
      "    <category term=\"europe\"/>\n"
      "    <summary>Les négociateurs se sont revus pour la première fois depuis un an.</summary>\n"
      "    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>GENÈVE (AFP) - "
      "Les pourparlers ont repris dimanche.</p><p>Prochaine séance en <strong>janvier</strong>."
      "</p></div></content>\n"
      "    <media:group><media:content url=\"https://ex.example/g.jpg\" medium=\"image\">"
      "<media:description>Les délégués.</media:description><media:credit>AFP/Léa Roth"
      "</media:credit></media:content></media:group>\n"
      "  </entry>\n"
      "  <entry xml:lang=\"en\">\n"
      "    <title>Markets steady</title>\n"
      "    <updated>2026-12-06T09:30:00Z</updated>\n"
      "    <content type=\"text\">Shares held steady &lt;on&gt; Sunday.\n\nBond yields eased.</content>\n"
      "  </entry>\n"
      "  <entry>\n"
      "    <title>Elsewhere</title>\n"
      "    <content type=\"text/html\" src=\"https://ex.example/3.html\"/>\n"
      "    <summary type=\"html\">&lt;p&gt;Only a summary.&lt;/p&gt;</summary>\n"
      "  </entry>\n"
      "</feed>\n";
  g_autoptr (GPtrArray) articles = import_all (atom, "monde.atom");
  const char *const tags[] = { "Diplomatie", "europe", NULL };
  CdArticle        *a, *b, *c;

  g_assert_cmpuint (articles->len, ==, 3);
  a = nth (articles, 0);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Reprise des pourparlers à Genève");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Marie Dubois");
  g_assert_cmpstr (cd_article_get_language (a), ==, "fr");
  g_assert_cmpstr (cd_article_get_dek (a), ==,
                   "Les négociateurs se sont revus pour la première fois depuis un an.");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "GENÈVE");
  g_assert_cmpstr (cd_article_get_source (a), ==, "AFP");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "Les pourparlers ont repris dimanche.\n\nProchaine séance en **janvier**.\n");
  assert_tags (a, tags);
  g_assert_cmpstr (cd_article_get_ednote (a), ==,
                   "From the feed “Monde”, 2026-12-06T08:00:00Z: https://ex.example/monde/1. — "
                   "A picture of the entry is on the web, not imported: https://ex.example/g.jpg "
                   "(“Les délégués.”), credit: AFP/Léa Roth");

  b = nth (articles, 1);
  g_assert_cmpstr (cd_article_get_byline (b), ==, "Agence Exemple");
  g_assert_cmpstr (cd_article_get_language (b), ==, "en");
  /* Plain text: its characters are text, its blank lines paragraphs. */
  g_assert_cmpstr (cd_article_get_body (b), ==, "Shares held steady \\<on\\> Sunday.\n\nBond yields eased.\n");

  c = nth (articles, 2);
  g_assert_cmpstr (cd_article_get_body (c), ==, "Only a summary.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (c),
                            "The entry's text is not in the feed, only a link to it: https://ex.example/3.html"));
}

/* RSS 1.0 lists its items beside the channel. */
static void
test_rss1 (void)
{
  static const char rdf[] =
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<channel rdf:about=\"https://x.example/\"><title>Wire</title><dc:language>de</dc:language></channel>"
      "<item rdf:about=\"https://x.example/1\"><title>Bahn streikt</title><link>https://x.example/1</link>"
      "<description>Der Fernverkehr steht still.</description><dc:creator>Jan Berg</dc:creator>"
      "<dc:subject>Verkehr</dc:subject></item>"
      "<item rdf:about=\"https://x.example/2\"><title>Ende des Streiks</title></item>"
      "</rdf:RDF>";
  g_autoptr (GPtrArray) articles = import_all (rdf, "wire.rdf");
  const char *const tags[] = { "Verkehr", NULL };
  CdArticle        *a;

  g_assert_cmpuint (articles->len, ==, 2);
  a = nth (articles, 0);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Bahn streikt");
  /* An editor's credit as the creator names no writer. */
  {
    static const char edited[] = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>X</title>"
                                 "<item><title>Rail network grows</title><description>The network grew.</description>"
                                 "<dc:creator>Editor: Liu Yang</dc:creator></item></channel></rss>";
    g_autoptr (GPtrArray) items = import_all (edited, "wire.rss");

    g_assert_cmpuint (items->len, ==, 1);
    g_assert_null (cd_article_get_byline (nth (items, 0)));
  }
  g_assert_cmpstr (cd_article_get_language (a), ==, "de");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Jan Berg");
  /* A description alone is the text, and the whole of it is elsewhere. */
  g_assert_null (cd_article_get_dek (a));
  g_assert_cmpstr (cd_article_get_body (a), ==, "Der Fernverkehr steht still.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (a),
                            "The feed gives only the opening of the story; the whole of it is at "
                            "https://x.example/1"));
  assert_tags (a, tags);
  /* A headline alone is still a story to write. */
  g_assert_cmpstr (cd_article_get_headline (nth (articles, 1)), ==, "Ende des Streiks");
  g_assert_cmpstr (cd_article_get_body (nth (articles, 1)), ==, "");
}

/* A feed that sends its stories' whole text as their description: no
 * note that the rest is elsewhere; a thumbnail named. */
static void
test_full_description (void)
{
  g_autoptr (GString) rss = g_string_new ("<rss xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>"
                                          "<title>Agency</title><item><title>Long story</title>"
                                          "<link>https://a.example/1</link><description>&lt;p&gt;");
  g_autoptr (GPtrArray) articles = NULL;
  const char *note;

  for (guint i = 0; i < 80; i++)
    g_string_append (rss, "word ");
  g_string_append (rss, "end.&lt;/p&gt;</description><media:thumbnail url=\"https://a.example/t.jpg\"/>"
                        "</item></channel></rss>");
  articles = import_all (rss->str, "agency.rss");
  g_assert_cmpuint (articles->len, ==, 1);
  note = cd_article_get_ednote (nth (articles, 0));
  g_assert_null (strstr (note, "only the opening"));
  g_assert_nonnull (strstr (note, "not imported: https://a.example/t.jpg"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (nth (articles, 0)), "word end.\n"));
}

/* WordPress's export as WordPress 6.1 writes it: posts only, each one's
 * block content as a pull keeps it (markup WordPress core's text blocks
 * are not made of stays byte for byte, "]]>" split across its CDATA
 * sections as export_wp() splits it), its author's display name, excerpt,
 * category, tags and address, a scheduled post's time as the embargo. */
static void
test_wxr (void)
{
  static const char content[] =
      "<!-- wp:paragraph -->\n<p>Der Rat hat am Sonntag den Haushalt beschlossen.</p>\n<!-- /wp:paragraph -->\n\n"
      "<!-- wp:image {\"id\":41,\"sizeSlug\":\"large\"} -->\n<figure class=\"wp-block-image size-large\">"
      "<img src=\"https://courier.example/rathaus.jpg\" alt=\"Das Rathaus\" class=\"wp-image-41\"/>"
      "</figure>\n<!-- /wp:image -->\n\n"
      "<!-- wp:html -->\n<div class=\"poll\" data-x=\"]]>\"></div>\n<!-- /wp:html -->";
  g_autofree char *escaped = NULL;
  g_autofree char *wxr = NULL;
  g_autofree char *expected = cd_wp_content_to_body (content, -1);
  g_autoptr (GPtrArray) articles = NULL;
  const char *const tags[] = { "Haushalt", "Klima", NULL };
  g_autoptr (GDateTime) embargo = NULL;
  CdArticle *a, *b;

  {
    g_auto (GStrv) parts = g_strsplit (content, "]]>", -1);

    escaped = g_strjoinv ("]]]]><![CDATA[>", parts);
  }
  wxr = g_strdup_printf (
      "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
      "<!-- generator=\"WordPress/6.1.1\" created=\"2026-12-06 10:00\" -->\n"
      "<rss version=\"2.0\"\n"
      "\txmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\"\n"
      "\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
      "\txmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"\n"
      "\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "\txmlns:wp=\"http://wordpress.org/export/1.2/\"\n>\n"
      "<channel>\n\t<title>Kurier</title>\n\t<link>https://courier.example</link>\n"
      "\t<language>de-DE</language>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n"
      "\t<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[aberg]]></wp:author_login>"
      "<wp:author_display_name><![CDATA[Anna Berg]]></wp:author_display_name></wp:author>\n"
      "\t<item>\n\t\t<title><![CDATA[Rathaus]]></title>\n\t\t<dc:creator><![CDATA[aberg]]></dc:creator>\n"
      "\t\t<content:encoded><![CDATA[]]></content:encoded>\n\t\t<wp:post_id>41</wp:post_id>\n"
      "\t\t<wp:status><![CDATA[inherit]]></wp:status>\n\t\t<wp:post_type><![CDATA[attachment]]></wp:post_type>\n"
      "\t\t<wp:attachment_url><![CDATA[https://courier.example/rathaus.jpg]]></wp:attachment_url>\n\t</item>\n"
      "\t<item>\n\t\t<title><![CDATA[Rat beschließt Haushalt]]></title>\n"
      "\t\t<link>https://courier.example/2026/12/06/haushalt/</link>\n"
      "\t\t<dc:creator><![CDATA[aberg]]></dc:creator>\n"
      "\t\t<guid isPermaLink=\"false\">https://courier.example/?p=42</guid>\n"
      "\t\t<description></description>\n"
      "\t\t<content:encoded><![CDATA[%s]]></content:encoded>\n"
      "\t\t<excerpt:encoded><![CDATA[Sieben zu vier: Der Klimahaushalt steht.]]></excerpt:encoded>\n"
      "\t\t<wp:post_id>42</wp:post_id>\n"
      "\t\t<wp:post_date_gmt><![CDATA[2026-12-06 09:30:00]]></wp:post_date_gmt>\n"
      "\t\t<wp:post_name><![CDATA[rat-beschliesst-haushalt]]></wp:post_name>\n"
      "\t\t<wp:status><![CDATA[publish]]></wp:status>\n"
      "\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n"
      "\t\t<category domain=\"category\" nicename=\"uncategorized\"><![CDATA[Uncategorized]]></category>\n"
      "\t\t<category domain=\"category\" nicename=\"politik\"><![CDATA[Politik]]></category>\n"
      "\t\t<category domain=\"post_tag\" nicename=\"haushalt\"><![CDATA[Haushalt]]></category>\n"
      "\t\t<category domain=\"post_tag\" nicename=\"klima\"><![CDATA[Klima]]></category>\n"
      "\t\t<category domain=\"post_format\" nicename=\"post-format-aside\"><![CDATA[Aside]]></category>\n"
      "\t\t<wp:postmeta>\n\t\t<wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>\n"
      "\t\t<wp:meta_value><![CDATA[41]]></wp:meta_value>\n\t\t</wp:postmeta>\n"
      "\t</item>\n"
      "\t<item>\n\t\t<title><![CDATA[Weihnachtsmarkt öffnet]]></title>\n"
      "\t\t<dc:creator><![CDATA[someone]]></dc:creator>\n"
      "\t\t<content:encoded><![CDATA[<p>Classic content, no blocks.</p>]]></content:encoded>\n"
      "\t\t<wp:post_id>43</wp:post_id>\n"
      "\t\t<wp:post_date_gmt><![CDATA[2099-12-24 06:00:00]]></wp:post_date_gmt>\n"
      "\t\t<wp:post_name><![CDATA[weihnachtsmarkt-%%c3%%b6ffnet]]></wp:post_name>\n"
      "\t\t<wp:status><![CDATA[future]]></wp:status>\n"
      "\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n\t</item>\n"
      "\t<item>\n\t\t<title><![CDATA[Impressum]]></title>\n"
      "\t\t<content:encoded><![CDATA[<p>A page.</p>]]></content:encoded>\n"
      "\t\t<wp:status><![CDATA[publish]]></wp:status>\n\t\t<wp:post_type><![CDATA[page]]></wp:post_type>\n"
      "\t</item>\n"
      "\t<item>\n\t\t<title><![CDATA[Binned]]></title>\n"
      "\t\t<content:encoded><![CDATA[<p>Gone.</p>]]></content:encoded>\n"
      "\t\t<wp:status><![CDATA[trash]]></wp:status>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n"
      "\t</item>\n"
      "</channel>\n</rss>\n",
      escaped);
  articles = import_all (wxr, "kurier.wordpress.2026-12-06.000.xml");

  g_assert_cmpuint (articles->len, ==, 2);
  a = nth (articles, 0);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Rat beschließt Haushalt");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Anna Berg");
  g_assert_cmpstr (cd_article_get_dek (a), ==, "Sieben zu vier: Der Klimahaushalt steht.");
  g_assert_cmpstr (cd_article_get_section (a), ==, "Politik");
  assert_tags (a, tags);
  g_assert_cmpstr (cd_article_get_slug (a), ==, "rat-beschliesst-haushalt");
  g_assert_cmpstr (cd_article_get_language (a), ==, "de-DE");
  g_assert_null (cd_article_get_embargo (a));
  /* The body a pull of the post gives, and back to the very markup. */
  g_assert_cmpstr (cd_article_get_body (a), ==, expected);
  g_assert_nonnull (strstr (cd_article_get_body (a), "data-x=\"]]>\""));
  {
    g_autofree char *back = cd_wp_body_to_content (cd_article_get_body (a), -1, content, -1);

    g_assert_cmpstr (back, ==, content);
  }
  g_assert_cmpstr (cd_article_get_ednote (a), ==,
                   "From the WordPress export of “Kurier”: post 42 (publish), "
                   "https://courier.example/2026/12/06/haushalt/; here a new article, not linked to "
                   "that post. — The featured image on the site: https://courier.example/rathaus.jpg");

  b = nth (articles, 1);
  g_assert_cmpstr (cd_article_get_byline (b), ==, "someone");
  g_assert_cmpstr (cd_article_get_slug (b), ==, "weihnachtsmarkt-%c3%b6ffnet");
  g_assert_cmpstr (cd_article_get_body (b), ==, "Classic content, no blocks.\n");
  embargo = g_date_time_new_utc (2099, 12, 24, 6, 0, 0);
  g_assert_nonnull (cd_article_get_embargo (b));
  g_assert_true (g_date_time_equal (cd_article_get_embargo (b), embargo));
}

/* A NewsML-G2 news message of two stories and a picture, and a NewsML 1
 * file of two: an article a story. */
static void
test_news_message (void)
{
  static const char g2[] =
      "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet>"
      "<newsItem guid=\"a\"><itemMeta><itemClass qcode=\"ninat:text\"/></itemMeta>"
      "<contentMeta><headline>Port reopens</headline></contentMeta><contentSet><inlineXML>"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Ships sail again.</p></body></html>"
      "</inlineXML></contentSet></newsItem>"
      "<newsItem guid=\"p\"><itemMeta><itemClass qcode=\"ninat:picture\"/></itemMeta>"
      "<contentMeta><headline>Photo</headline></contentMeta><contentSet><remoteContent href=\"x.jpg\"/>"
      "</contentSet></newsItem>"
      "<newsItem guid=\"b\"><itemMeta><itemClass qcode=\"ninat:text\"/></itemMeta>"
      "<contentMeta><headline>Strike ends</headline></contentMeta><contentSet><inlineXML>"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Trains run.</p></body></html>"
      "</inlineXML></contentSet></newsItem>"
      "</itemSet></newsMessage>";
  static const char newsml1[] =
      "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Eins</HeadLine></NewsLines>"
      "<ContentItem><MediaType FormalName=\"Text\"/><DataContent><p>Erster Text.</p></DataContent>"
      "</ContentItem></NewsComponent></NewsItem>"
      "<NewsItem><NewsComponent><NewsLines><HeadLine>Zwei</HeadLine></NewsLines>"
      "<ContentItem><MediaType FormalName=\"Text\"/><DataContent><p>Zweiter Text.</p></DataContent>"
      "</ContentItem></NewsComponent></NewsItem></NewsML>";
  g_autoptr (GPtrArray) g2_articles = import_all (g2, "message.xml");
  g_autoptr (GPtrArray) newsml_articles = import_all (newsml1, "afp.xml");

  g_assert_cmpuint (g2_articles->len, ==, 2);
  g_assert_cmpstr (cd_article_get_headline (nth (g2_articles, 0)), ==, "Port reopens");
  g_assert_cmpstr (cd_article_get_body (nth (g2_articles, 0)), ==, "Ships sail again.\n");
  g_assert_cmpstr (cd_article_get_headline (nth (g2_articles, 1)), ==, "Strike ends");
  g_assert_cmpstr (cd_article_get_body (nth (g2_articles, 1)), ==, "Trains run.\n");
  g_assert_cmpuint (newsml_articles->len, ==, 2);
  g_assert_cmpstr (cd_article_get_headline (nth (newsml_articles, 1)), ==, "Zwei");
  g_assert_cmpstr (cd_article_get_body (nth (newsml_articles, 1)), ==, "Zweiter Text.\n");
}

/* An agency API's list: its stories, not its pictures; an empty item is
 * left out and counted in the first story's note. */
static void
test_ninjs_list (void)
{
  static const char json[] =
      "{\"total\": 4, \"data\": {\"items\": ["
      "{\"item\": {\"uri\": \"1\", \"type\": \"text\", \"headline\": \"Rain\", \"body_text\": \"Wet.\"}},"
      "{\"item\": {\"uri\": \"2\", \"type\": \"picture\", \"headline\": \"Umbrellas\"}},"
      "{\"item\": {\"uri\": \"3\", \"type\": \"text\"}},"
      "{\"item\": {\"uri\": \"4\", \"type\": \"text\", \"headline\": \"Sun\", \"body_text\": \"Dry.\"}}]}}";
  g_autoptr (GPtrArray) articles = import_all (json, "api.json");

  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (cd_article_get_headline (nth (articles, 0)), ==, "Rain");
  g_assert_cmpstr (cd_article_get_headline (nth (articles, 1)), ==, "Sun");
  g_assert_cmpstr (cd_article_get_body (nth (articles, 1)), ==, "Dry.\n");
  g_assert_cmpstr (cd_article_get_ednote (nth (articles, 0)), ==,
                   "1 more item of the file has no headline and no text; it was not imported.");
}

/* Who an agency's item comes from: an Atom entry's rights ("© PA Media
 * 2027"), an RSS item's <source>, the RSS channel's copyright where the
 * item names none, a ninjs item's copyright holder. */
static void
test_sources (void)
{
  static const char atom[] =
      "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>PA Media - UK News</title>"
      "<entry><title>Rail fares to rise</title><content type=\"text\">Fares will rise.</content>"
      "<rights>© PA Media 2027</rights></entry></feed>";
  static const char rss[] =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>World</title>"
      "<copyright>Copyright 2027 Agence France-Presse. All rights reserved.</copyright>"
      "<item><title>Storm hits coast</title><description>Winds reached 150 km/h.</description>"
      "<source url=\"https://wire.example/rss\">Reuters</source></item>"
      "<item><title>Floods recede</title><description>Waters fell overnight.</description></item>"
      "</channel></rss>";
  static const char ninjs[] = "{\"uri\": \"urn:ntb.example:1\", \"type\": \"text\", \"copyrightholder\": \"NTB\", "
                              "\"headlines\": [{\"role\": \"main\", \"value\": \"Rekordmange syklet\"}], "
                              "\"body_text\": \"Andelen økte.\"}";
  g_autoptr (GPtrArray) entries = import_all (atom, "pa.atom");
  g_autoptr (GPtrArray) items = import_all (rss, "world.rss");
  g_autoptr (GPtrArray) ninjs_items = import_all (ninjs, "ntb.json");

  g_assert_cmpstr (cd_article_get_source (nth (entries, 0)), ==, "PA Media");
  g_assert_cmpstr (cd_article_get_source (nth (items, 0)), ==, "Reuters");
  g_assert_cmpstr (cd_article_get_source (nth (items, 1)), ==, "Agence France-Presse");
  g_assert_cmpstr (cd_article_get_source (nth (ninjs_items, 0)), ==, "NTB");
}

/* The store's articles, newest first. */
static GPtrArray *
list_articles (CdStore *store)
{
  g_autoptr (GError) error = NULL;
  CdStoreQuery query = { .status = -1, .sort = CD_STORE_SORT_MODIFIED };
  GPtrArray   *listed = cd_store_list_articles (store, &query, &error);

  g_assert_no_error (error);
  return listed;
}

static guint
count_articles (CdStore *store)
{
  g_autoptr (GPtrArray) listed = list_articles (store);

  return listed->len;
}

/* Into the store: every story saved, in the file's order; a file of more
 * stories than one import takes is refused whole, nothing saved. */
static void
test_into_store (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-feed-XXXXXX", &error);
  g_autofree char *feed = g_build_filename (dir, "courier.rss", NULL);
  g_autofree char *big = g_build_filename (dir, "archive.xml", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr (GString) many = g_string_new ("<rss><channel><title>Archive</title>");
  g_autoptr (CdStore) store = NULL;
  g_autoptr (GPtrArray) saved = NULL;
  g_autoptr (GPtrArray) refused = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i <= CD_IMPORT_MAX_STORIES; i++)
    g_string_append_printf (many, "<item><title>Story %u</title></item>", i);
  g_string_append (many, "</channel></rss>");
  g_assert_true (g_file_set_contents (feed, wordpress_rss, -1, NULL));
  g_assert_true (g_file_set_contents (big, many->str, many->len, NULL));
  store = cd_store_open (data_dir, &error);
  g_assert_no_error (error);

  saved = cd_import_into_store (store, feed, "en-GB", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 2);
  for (guint i = 0; i < saved->len; i++)
    {
      CdArticle *article = g_ptr_array_index (saved, i);
      g_autoptr (CdArticle) loaded = cd_store_get_article (store, cd_article_get_uuid (article), &error);

      g_assert_no_error (error);
      g_assert_true (cd_article_equal (article, loaded));
      /* en-US in an en-GB newsroom stays en-GB. */
      g_assert_cmpstr (cd_article_get_language (loaded), ==, "en-GB");
    }
  g_assert_cmpstr (cd_article_get_headline (nth (saved, 1)), ==, "Storm closes mountain pass");
  /* Newest first, the library lists them in the feed's order. */
  {
    g_autoptr (GPtrArray) listed = list_articles (store);

    g_assert_cmpuint (listed->len, ==, 2);
    g_assert_cmpstr (cd_article_get_headline (g_ptr_array_index (listed, 0)), ==, "Council approves ‘green’ budget");
  }

  refused = cd_import_into_store (store, big, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, big));
  g_assert_true (g_str_has_suffix (error->message, ": the file holds 501 stories, more than the 500 one "
                                                   "import takes; import it in parts."));
  g_assert_cmpuint (count_articles (store), ==, 2);
  cd_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-feed/rss", test_rss);
  g_test_add_func ("/import-feed/first-only", test_first_only);
  g_test_add_func ("/import-feed/atom", test_atom);
  g_test_add_func ("/import-feed/agency-feeds", test_agency_feeds);
  g_test_add_func ("/import-feed/rss1", test_rss1);
  g_test_add_func ("/import-feed/full-description", test_full_description);
  g_test_add_func ("/import-feed/wxr", test_wxr);
  g_test_add_func ("/import-feed/news-message", test_news_message);
  g_test_add_func ("/import-feed/ninjs-list", test_ninjs_list);
  g_test_add_func ("/import-feed/sources", test_sources);
  g_test_add_func ("/import-feed/into-store", test_into_store);
  return g_test_run ();
}
