/* test-import-document.c: articles from Word documents (.docx) and
 * OpenDocument text (.odt), made here as Word and LibreOffice write them
 * (ZIP packages of XML parts, built with libarchive), and the files that
 * are not one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cd-image-ref.h"
#include "cd-import.h"
#include "cd-store.h"
#include "cd-test-import.h"
#include "cd-test-util.h"
#include "cd-text.h"

#define W_NS                                                                             \
  "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "            \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "     \
  "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " \
  "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "                   \
  "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""

#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* Styles as Word names them; the ids are a German Word's, which differ
 * from the names. */
static const char styles_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<w:styles " W_NS ">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Standard\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Untertitel\"><w:name w:val=\"Subtitle\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"berschrift3\"><w:name w:val=\"heading 3\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Zitat\"><w:name w:val=\"Quote\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"HouseQuote\"><w:name w:val=\"House quote\"/>"
    "<w:basedOn w:val=\"Zitat\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Listenabsatz\"><w:name w:val=\"List Paragraph\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Beschriftung\"><w:name w:val=\"caption\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Intro\"><w:name w:val=\"Intro\"/>"
    "<w:basedOn w:val=\"Standard\"/><w:rPr><w:i/></w:rPr></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"Fett\"><w:name w:val=\"Strong\"/></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"Lead\"><w:name w:val=\"Lead bold\"/>"
    "<w:rPr><w:b/></w:rPr></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"LeadRed\"><w:name w:val=\"Lead red\"/>"
    "<w:basedOn w:val=\"Lead\"/><w:rPr><w:color w:val=\"C00000\"/></w:rPr></w:style>"
    "</w:styles>";

/* numId 1 bulleted, numId 2 numbered at level 0 and bulleted below. */
static const char numbering_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<w:numbering " W_NS ">"
    "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "</w:numbering>";

static const char comments_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<w:comments " W_NS ">"
    "<w:comment w:id=\"0\" w:author=\"Maria Keller\"><w:p><w:r><w:t>Check the figure with the "
    "district.</w:t></w:r></w:p></w:comment>"
    "</w:comments>";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"word/document.xml\"/>"
    "</Relationships>";

static const char document_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "numbering\" Target=\"numbering.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL_TYPE "comments\" Target=\"comments.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" REL_TYPE "image\" Target=\"media/image1.jpeg\"/>"
    "<Relationship Id=\"rId5\" Type=\"" REL_TYPE "hyperlink\" "
    "Target=\"https://example.com/budget\" TargetMode=\"External\"/>"
    "<Relationship Id=\"rId6\" Type=\"" REL_TYPE "hyperlink\" "
    "Target=\"javascript:alert(1)\" TargetMode=\"External\"/>"
    "</Relationships>";

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
    "</Types>";

/* A run of @text; @props are its run properties ("<w:b/>"). */
#define RUN(props, text) "<w:r><w:rPr>" props "</w:rPr><w:t xml:space=\"preserve\">" text "</w:t></w:r>"
#define PARA(style, runs) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr>" runs "</w:p>"
#define PLAIN(runs) "<w:p>" runs "</w:p>"
#define ITEM(num, level, text)                                                           \
  "<w:p><w:pPr><w:pStyle w:val=\"Listenabsatz\"/><w:numPr><w:ilvl w:val=\"" level "\"/>" \
  "<w:numId w:val=\"" num "\"/></w:numPr></w:pPr>" RUN ("", text) "</w:p>"

/* A run with a text box as Word writes one: a drawing, and the same box
 * again as the fallback for older Words. */
#define TEXT_BOX_PARAS                                                                                    \
  "<w:txbxContent><w:p><w:r><w:t>Fact box:</w:t></w:r></w:p><w:p><w:r><w:t>40 teachers</w:t></w:r></w:p>" \
  "</w:txbxContent>"
#define TEXT_BOX_RUN                                                                                                                                                                                           \
  "<w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"                                                                                                        \
  "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"                                                                                                                               \
  "<wps:wsp xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:txbx>" TEXT_BOX_PARAS "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" \
  "<mc:Fallback><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox>" TEXT_BOX_PARAS                                                                                                         \
  "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"

static const char *
document (const char *body)
{
  return g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                      "<w:document " W_NS "><w:body>",
                      body, "<w:sectPr/></w:body></w:document>", NULL);
}

/* A ZIP package of the @n parts @names with @contents (@sizes bytes; -1
 * for a string); an OpenDocument's "mimetype" stored as it is, as the
 * format asks. */
static GBytes *
zip (const char *const *names,
     const char *const *contents,
     const gssize      *sizes,
     guint              n)
{
  struct archive *archive = archive_write_new ();
  gsize           capacity = 4 * 1024 * 1024;
  guint8         *buffer = g_malloc (capacity);
  size_t          used = 0;

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_memory (archive, buffer, capacity, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize                 size = sizes[i] >= 0 ? (gsize) sizes[i] : strlen (contents[i]);

      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, size);
      if (g_str_equal (names[i], "mimetype"))
        archive_write_zip_set_compression_store (archive);
      else
        archive_write_zip_set_compression_deflate (archive);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (archive, contents[i], size), ==, (la_ssize_t) size);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return g_bytes_new_take (g_realloc (buffer, used), used);
}

/* A .docx of @body (the w:body's content), with the styles, numbering,
 * comments and links above, and @picture (a JPEG) as media/image1.jpeg
 * when given. */
static GBytes *
make_docx_in (const char *body,
              GBytes     *picture,
              const char *language)
{
  g_autofree char *doc = (char *) document (body);
  g_auto (GStrv) split = g_strsplit (styles_xml, "en-GB", -1);
  g_autofree char *styles = g_strjoinv (language, split);
  const char      *names[] = { "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                               "word/document.xml", "word/styles.xml", "word/numbering.xml",
                               "word/comments.xml", "word/media/image1.jpeg" };
  const char      *contents[] = { content_types, package_rels, document_rels, doc, styles,
                                  numbering_xml, comments_xml,
                             picture != NULL ? g_bytes_get_data (picture, NULL) : NULL };
  gssize           sizes[] = { -1, -1, -1, -1, -1, -1, -1,
                     picture != NULL ? (gssize) g_bytes_get_size (picture) : 0 };

  return zip (names, contents, sizes, picture != NULL ? 8 : 7);
}

/* A .docx written by a British English Word. */
static GBytes *
make_docx (const char *body,
           GBytes     *picture)
{
  return make_docx_in (body, picture, "en-GB");
}

static CdArticle *
import_docx (GBytes *docx)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_import_data (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx),
                                       CD_IMPORT_FORMAT_AUTO, "story.docx", &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

/* A reporter's story with Word's styles: title, subtitle, byline and
 * dateline, a subhead, bold across runs, italic, a link, lists bulleted
 * and numbered (nested), a quote by a style based on Quote, a table, a
 * tracked change and a comment, "ENDS". */
static void
test_styled (void)
{
  g_autofree char *body = g_strconcat (
      PARA ("Titel", RUN ("", "Council passes ") RUN ("", "budget")),
      PARA ("Untertitel", RUN ("", "Taxes stay flat; roads wait")),
      PLAIN (RUN ("", "By Maria Keller")),
      PLAIN (RUN ("", "SPRINGFIELD, Dec 6 (Reuters) - The council voted ") RUN ("<w:b/>", "7-4 ")
                 RUN ("<w:b/>", "late") RUN ("", " on ") RUN ("<w:i/>", "Tuesday") RUN ("", ".")),
      PLAIN (RUN ("", "Read the ") "<w:hyperlink r:id=\"rId5\">" RUN ("<w:rStyle w:val=\"Hyperlink\"/>", "full report") "</w:hyperlink>" RUN ("", " and ") "<w:hyperlink r:id=\"rId6\">" RUN ("", "this") "</w:hyperlink>" RUN ("", ".") "<w:del w:id=\"1\" w:author=\"Desk\"><w:r><w:delText>Struck out.</w:delText></w:r></w:del>"
                                                                                                                                                                                                                                         "<w:ins w:id=\"2\" w:author=\"Desk\">" RUN ("", " Added.") "</w:ins>"
                                                                                                                                                                                                                                                                                                    "<w:commentReference w:id=\"0\"/>"),
      PARA ("berschrift1", RUN ("", "What changes")),
      ITEM ("1", "0", "Bus fares stay"), ITEM ("1", "1", "at $2.50"), ITEM ("1", "0", "40 new teachers"),
      PARA ("berschrift3", RUN ("", "Next steps")),
      ITEM ("2", "0", "Second reading"), ITEM ("2", "0", "Final vote"),
      PARA ("HouseQuote", RUN ("", "This budget asks the east side to wait.")),
      "<w:tbl><w:tr><w:tc><w:p>" RUN ("", "Party") "</w:p></w:tc><w:tc><w:p>" RUN ("", "Votes") "</w:p></w:tc></w:tr><w:tr><w:tc><w:p>" RUN ("", "Greens") "</w:p></w:tc><w:tc><w:p>" RUN ("", "4") "</w:p></w:tc></w:tr></w:tbl>",
      PLAIN (RUN ("<w:rStyle w:val=\"Fett\"/>", "Strong") RUN ("", " words.") TEXT_BOX_RUN),
      PLAIN (""),
      PLAIN (RUN ("", "ENDS")),
      NULL);
  g_autoptr (GBytes) docx = make_docx (body, NULL);
  g_autoptr (CdArticle) article = import_docx (docx);
  const char *box;

  g_test_message ("%s\n%s", cd_article_get_body (article), cd_article_get_ednote (article));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Council passes budget");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Taxes stay flat; roads wait");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Maria Keller");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "SPRINGFIELD");
  /* Word's English is not the article's: the article's stays. */
  g_assert_cmpstr (cd_article_get_language (article), ==, "en");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "The council voted **7-4 late** on *Tuesday*.\n\n"
                   "Read the [full report](https://example.com/budget) and this. Added.\n\n"
                   "## What changes\n\n"
                   "- Bus fares stay\n"
                   "  - at $2.50\n"
                   "- 40 new teachers\n\n"
                   "### Next steps\n\n"
                   "1. Second reading\n"
                   "2. Final vote\n\n"
                   "> This budget asks the east side to wait.\n\n"
                   "| Party | Votes |\n"
                   "| --- | ---: |\n"
                   "| Greens | 4 |\n\n"
                   "**Strong** words.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (article),
                            "The document had tracked changes; they were read as accepted."));
  g_assert_nonnull (strstr (cd_article_get_ednote (article),
                            "Comment by Maria Keller: “Check the figure with the district.”"));
  /* The text box once, though Word writes it twice. */
  g_assert_nonnull ((box = strstr (cd_article_get_ednote (article), "A text box: “Fact box: 40 teachers”")));
  g_assert_null (strstr (box + 1, "A text box"));
}

/* A document typed without styles: the short first paragraph is the
 * headline; a long one, or one that ends as a sentence, is the story's.
 * The document's language is the article's when it is another language
 * than the newsroom's. */
static void
test_plain (void)
{
  {
    g_autoptr (GBytes) docx = make_docx (PLAIN (RUN ("<w:b/>", "Harbour reopens after storm"))
                                             PLAIN (RUN ("", "ROTTERDAM - The harbour reopened on Sunday."))
                                                 PLAIN (RUN ("", "Ships queued.")),
                                         NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour reopens after storm");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "ROTTERDAM");
    g_assert_cmpstr (cd_article_get_body (article), ==, "The harbour reopened on Sunday.\n\nShips queued.\n");
  }
  {
    g_autoptr (GBytes) docx = make_docx (PLAIN (RUN ("", "The harbour reopened on Sunday."))
                                             PLAIN (RUN ("", "Ships queued.")),
                                         NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_true (cd_text_is_blank (cd_article_get_headline (article)));
    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "The harbour reopened on Sunday.\n\nShips queued.\n");
  }
  /* A German Word's document is in German, the article too. */
  {
    g_autoptr (GBytes) docx = make_docx_in (PLAIN (RUN ("", "Hafen wieder offen"))
                                                PLAIN (RUN ("", "Der Hafen ist seit Sonntag wieder offen.")),
                                            NULL, "de-DE");
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Hafen wieder offen");
    g_assert_cmpstr (cd_article_get_language (article), ==, "de-DE");
  }
  /* A "By" line first is the byline, not the headline. */
  {
    g_autoptr (GBytes) docx = make_docx (PLAIN (RUN ("", "By Anna Berg"))
                                             PLAIN (RUN ("", "The harbour reopened on Sunday.")),
                                         NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_true (cd_text_is_blank (cd_article_get_headline (article)));
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Anna Berg");
    g_assert_cmpstr (cd_article_get_body (article), ==, "The harbour reopened on Sunday.\n");
  }
}

/* A press release under its sender's letterhead: the council's name and
 * address above "NEWS RELEASE", the headline under it in a character
 * style of the user's in bold (based on another). The letterhead goes to
 * the note: it was the headline, and the address the story's opening. A
 * headline above the line stays the headline. A contact block under the
 * line goes to the note, and a subhead over the dateline is the
 * standfirst. */
static void
test_docx_release_letterhead (void)
{
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("<w:rStyle w:val=\"Lead\"/>", "Leeds City Council"))
            PLAIN (RUN ("", "Civic Hall, Calverley Street, Leeds LS1 1UR"))
                PLAIN (RUN ("", "NEWS RELEASE"))
                    PLAIN (RUN ("<w:rStyle w:val=\"LeadRed\"/>", "Council approves cycle lanes on three roads"))
                        PLAIN (RUN ("", "LEEDS, 3 March 2026 – The council approved ")
                                   RUN ("<w:rStyle w:val=\"Lead\"/><w:b w:val=\"0\"/>", "the plans")
                                       RUN ("", " on Tuesday."))
                            PLAIN (RUN ("<w:rStyle w:val=\"Lead\"/>", "Consultation"))
                                PLAIN (RUN ("", "Most residents agreed.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves cycle lanes on three roads");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "LEEDS");
    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "The council approved the plans on Tuesday.\n\n**Consultation**\n\nMost residents agreed.\n");
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article),
                                     "— Leeds City Council — Civic Hall, Calverley Street, Leeds LS1 1UR — NEWS RELEASE "
                                     "— LEEDS, 3 March 2026"));
  }
  /* A release in the United States' template: the line, a contact block
   * (a paragraph a line), the headline, a subhead over the dateline. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("<w:b/>", "FOR IMMEDIATE RELEASE")) PLAIN (RUN ("", "Contact: Jane Doe"))
            PLAIN (RUN ("", "Tel: +1 (217) 555-0123")) PLAIN (RUN ("", "www.springfieldzoo.example"))
                PLAIN (RUN ("<w:b/>", "Springfield Zoo Welcomes Rare Snow Leopard Cubs"))
                    PLAIN (RUN ("<w:i/>", "Twins are the first born at the zoo in 20 years."))
                        PLAIN (RUN ("", "SPRINGFIELD, Ill. – The zoo announced the birth of two cubs.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Springfield Zoo Welcomes Rare Snow Leopard Cubs");
    g_assert_cmpstr (cd_article_get_dek (article), ==, "Twins are the first born at the zoo in 20 years.");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "SPRINGFIELD, Ill.");
    g_assert_cmpstr (cd_article_get_body (article), ==, "The zoo announced the birth of two cubs.\n");
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article),
                                     "— FOR IMMEDIATE RELEASE — Contact: Jane Doe — Tel: +1 (217) 555-0123 — "
                                     "www.springfieldzoo.example"));
  }
  /* A standfirst in italic under the headline, with no dateline under
   * it; a lead in bold that opens with the dateline stays the story's. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("<w:b/>", "Northern Powergrid"))
            PLAIN (RUN ("<w:i/>", "The company that keeps the lights on faces its hardest winter yet"))
                PLAIN (RUN ("", "By Sam Hale, Business Editor"))
                    PLAIN (RUN ("", "Few people could name the company that runs their electricity network.")),
        NULL);
    g_autoptr (GBytes) lead = make_docx (
        PLAIN (RUN ("<w:b/>", "Airport has record month"))
            PLAIN (RUN ("<w:b/>", "BRISTOL, 7 July 2025 – Bristol Airport handled more passengers in June."))
                PLAIN (RUN ("", "The busiest day was Friday.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);
    g_autoptr (CdArticle) bold = import_docx (lead);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Northern Powergrid");
    g_assert_cmpstr (cd_article_get_dek (article), ==,
                     "The company that keeps the lights on faces its hardest winter yet");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Sam Hale, Business Editor");
    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "Few people could name the company that runs their electricity network.\n");
    g_assert_null (cd_article_get_dek (bold));
  }
  /* A kicker in capitals over the headline goes to the note. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("", "NEWS RELEASE")) PLAIN (RUN ("", "FIRE SAFETY WEEK"))
            PLAIN (RUN ("<w:b/>", "Firefighters to fit free smoke alarms in 5,000 homes"))
                PLAIN (RUN ("", "NORTHSHORE, 3 March 2026 – Firefighters will fit the alarms free of charge.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Firefighters to fit free smoke alarms in 5,000 homes");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "NORTHSHORE");
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article),
                                     "— NEWS RELEASE — FIRE SAFETY WEEK — NORTHSHORE, 3 March 2026"));
  }
  /* A story's byline above its embargo: the embargo was the story's
   * first paragraph, and the dateline under it unread. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("<w:b/>", "Ministers to scrap two-child benefit cap"))
            PLAIN (RUN ("", "By Tom Hale, Political Correspondent"))
                PLAIN (RUN ("", "EMBARGOED UNTIL 22:30 GMT, 4 FEBRUARY 2099"))
                    PLAIN (RUN ("", "LONDON – The government will scrap the limit.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Ministers to scrap two-child benefit cap");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Tom Hale, Political Correspondent");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "LONDON");
    g_assert_nonnull (cd_article_get_embargo (article));
    g_assert_cmpstr (cd_article_get_body (article), ==, "The government will scrap the limit.\n");
  }
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("<w:b/>", "Council approves cycle lanes on three city-centre roads"))
            PLAIN (RUN ("", "EMBARGOED UNTIL 00:01 GMT 4 MARCH 2099"))
                PLAIN (RUN ("<w:b/>", "Three roads get protected lanes"))
                    PLAIN (RUN ("", "LEEDS - The council approved the plans on Tuesday.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves cycle lanes on three city-centre roads");
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article), "” — EMBARGOED UNTIL 00:01 GMT 4 MARCH 2099"));
  }
  /* Business Wire's time of sending over the headline: the note's. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("", "March 03, 2026 08:00 AM Eastern Standard Time"))
            PLAIN (RUN ("<w:b/>", "Helix Biosciences Announces Positive Phase 2 Results for HBX-220"))
                PLAIN (RUN ("", "SAN FRANCISCO--(BUSINESS WIRE)--Helix Biosciences, Inc. today announced results.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==,
                     "Helix Biosciences Announces Positive Phase 2 Results for HBX-220");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "SAN FRANCISCO");
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article), "March 03, 2026 08:00 AM Eastern Standard Time"));
  }
  /* A letterhead laid out in a table (the sender's name and address
   * beside "PRESS RELEASE" and the date), then the headline in a box (a
   * table of one cell): the table was the story's first paragraph and
   * had no headline; a table of figures under the dateline stays. */
  {
    g_autoptr (GBytes) docx = make_docx (
        "<w:tbl><w:tr><w:tc>" PLAIN (RUN ("<w:b/>", "Peak District National Park Authority"))
            PLAIN (RUN ("", "Aldern House, Baslow Road, Bakewell DE45 1AE")) "</w:tc><w:tc>" PLAIN (RUN ("", "PRESS RELEASE")) PLAIN (RUN ("", "3 March 2026")) "</w:tc></w:tr></w:tbl>"
                                                                                                                                                                "<w:tbl><w:tr><w:tc>" PLAIN (RUN ("<w:b/>", "Stanage Edge car park charges to double from April")) "</w:tc></w:tr></w:tbl>" PLAIN (RUN ("", "BAKEWELL, 3 March 2026 – Parking at Stanage Edge will cost £10 a day.")) "<w:tbl><w:tr><w:tc>" PLAIN (RUN ("", "Car park")) "</w:tc><w:tc>" PLAIN (RUN ("", "Charge")) "</w:tc></w:tr><w:tr><w:tc>" PLAIN (RUN ("", "Stanage Edge")) "</w:tc><w:tc>" PLAIN (RUN ("", "£10")) "</w:tc></w:tr></w:tbl>",
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Stanage Edge car park charges to double from April");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "BAKEWELL");
    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "Parking at Stanage Edge will cost £10 a day.\n\n"
                     "| Car park | Charge |\n| --- | ---: |\n| Stanage Edge | £10 |\n");
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article),
                                     "Peak District National Park Authority — "
                                     "Aldern House, Baslow Road, Bakewell DE45 1AE — PRESS RELEASE — 3 March 2026 — "
                                     "BAKEWELL, 3 March 2026"));
  }
  /* A standfirst in a paragraph style in italic, its runs plain: the
   * standfirst, with no dateline under it (the style's italic was not
   * seen); a run in the style that turns the italic off. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("<w:b/>", "Ancient DNA shows Bronze Age Britons drank milk"))
            PARA ("Intro", RUN ("", "Study of 400 skeletons overturns an idea about farming"))
                PLAIN (RUN ("", "People in Bronze Age Britain drank milk for thousands of years."))
                    PARA ("Intro", RUN ("", "An editor's note in the style, ")
                                       RUN ("<w:i w:val=\"0\"/>", "Nature") RUN ("", " its source.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Ancient DNA shows Bronze Age Britons drank milk");
    g_assert_cmpstr (cd_article_get_dek (article), ==, "Study of 400 skeletons overturns an idea about farming");
    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "People in Bronze Age Britain drank milk for thousands of years.\n\n"
                     "*An editor's note in the style,* Nature *its source.*\n");
  }
  /* A feature's standfirst over its "By" line, with no dateline. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("<w:b/>", "Northern Powergrid"))
            PLAIN (RUN ("", "The company that keeps the lights on faces its hardest winter"))
                PLAIN (RUN ("", "By Sam Hale, Business Editor"))
                    PLAIN (RUN ("", "Few people could name the company that runs their network.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Northern Powergrid");
    g_assert_cmpstr (cd_article_get_dek (article), ==, "The company that keeps the lights on faces its hardest winter");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Sam Hale, Business Editor");
    g_assert_cmpstr (cd_article_get_body (article), ==, "Few people could name the company that runs their network.\n");
  }
}

/* A story template's labels in a document, a paragraph each or lines of
 * one paragraph, give their fields; the headline is the labelled one. */
static void
test_docx_labels (void)
{
  g_autoptr (GBytes) docx = make_docx (
      PLAIN (RUN ("", "Slug: harbour") "<w:r><w:br/></w:r>" RUN ("", "Hed: Harbour reopens after storm"))
          PLAIN (RUN ("<w:b/>", "Dek:") RUN ("", " Ships queue at the mouth of the Maas"))
              PLAIN (RUN ("", "Words: 400"))
                  PLAIN (RUN ("", "ROTTERDAM (Reuters) - The harbour reopened on Sunday.")),
      NULL);
  g_autoptr (CdArticle) article = import_docx (docx);

  g_assert_cmpstr (cd_article_get_slug (article), ==, "harbour");
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour reopens after storm");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Ships queue at the mouth of the Maas");
  g_assert_cmpuint (cd_article_get_length_target (article), ==, 400);
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "ROTTERDAM");
  g_assert_cmpstr (cd_article_get_body (article), ==, "The harbour reopened on Sunday.\n");
}

/* A JPEG of @width × @height. */
static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize length;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "jpeg", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

#define DRAWING                                                                                \
  "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"5486400\" cy=\"3429000\"/>"                 \
  "<wp:docPr id=\"1\" name=\"Picture 1\" descr=\"Ships queue at the harbour mouth\"/>"         \
  "<a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed=\"rId4\"/></pic:blipFill>" \
  "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"

/* Imported into the store, a document's picture goes to the store and
 * into the story where the document has it, with Word's description as
 * its alt text and the caption under it; imported alone, the note says
 * it was not. */
static void
test_pictures (void)
{
  g_autoptr (GBytes) jpeg = make_jpeg (640, 400);
  g_autoptr (GBytes) docx = make_docx (
      PARA ("Titel", RUN ("", "Harbour reopens")) PLAIN (RUN ("", "The harbour reopened on Sunday.")) DRAWING
          PARA ("Beschriftung", RUN ("", "Tugboats at work on Sunday. (AP Photo/Peter Dejong)"))
              PLAIN (RUN ("", "Ships queued.")),
      jpeg);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-docx-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "harbour.docx", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (CdArticle) alone = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  const CdImageRef *ref;

  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), &error);
  g_assert_no_error (error);
  store = cd_store_open (data_dir, &error);
  g_assert_no_error (error);

  stored = cd_test_import_one (store, path, &error);
  g_assert_no_error (error);
  g_test_message ("%s", cd_article_get_body (stored));
  refs = cd_image_refs_in_body (cd_article_get_body (stored));
  g_assert_cmpuint (refs->len, ==, 1);
  ref = g_ptr_array_index (refs, 0);
  g_assert_cmpstr (ref->alt, ==, "Ships queue at the harbour mouth");
  /* The paragraph in Word's caption style under it is its caption. */
  g_assert_cmpstr (ref->caption, ==, "Tugboats at work on Sunday.");
  g_assert_cmpstr (ref->credit, ==, "AP Photo/Peter Dejong");
  {
    g_autoptr (CdImageInfo) info = cd_store_lookup_image (store, ref->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cd_image_info_get_width (info), ==, 640);
  }
  g_assert_true (g_str_has_prefix (cd_article_get_body (stored), "The harbour reopened on Sunday.\n\n```image"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (stored), "```\n\nShips queued.\n"));

  alone = cd_import_file (path, &error);
  g_assert_no_error (error);
  /* Alone, the caption stays as text where the picture was. */
  g_assert_cmpstr (cd_article_get_body (alone), ==,
                   "The harbour reopened on Sunday.\n\nTugboats at work on Sunday. (AP Photo/Peter Dejong)\n\n"
                   "Ships queued.\n");
  g_assert_true (g_str_has_suffix (cd_article_get_ednote (alone),
                                   "The document holds a picture, not imported with it."));
  cd_test_rm_rf (dir);
}

/* A message whose story is in the document @name of @type attached to
 * it: @text is the message's own text. */
static char *
message_with (const char *text,
              GBytes     *docx,
              const char *name,
              const char *type)
{
  g_autofree char *encoded = g_base64_encode (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx));

  return g_strdup_printf ("From: Anna Berg <anna@example.org>\n"
                          "Subject: Harbour story\n"
                          "MIME-Version: 1.0\n"
                          "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
                          "--b1\nContent-Type: text/plain; charset=utf-8\n\n%s\n"
                          "--b1\nContent-Type: %s\nContent-Disposition: attachment; "
                          "filename=\"%s\"\nContent-Transfer-Encoding: base64\n\n%s\n"
                          "--b1--\n",
                          text, type, name, encoded);
}

#define DOCX_TYPE "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/* A stringer files the story as a Word document with a covering note:
 * the document is the article, the note goes to the internal note, the
 * sender is the byline where the document names none. A message whose
 * own text is the longer is the story, and the document is named. */
static void
test_emailed (void)
{
  g_autoptr (GBytes) docx = make_docx (PLAIN (RUN ("", "Harbour reopens after storm"))
                                           PLAIN (RUN ("", "ROTTERDAM (Reuters) - The harbour reopened on Sunday "
                                                           "after three days, port officials said."))
                                               PLAIN (RUN ("", "Ships queued at the mouth of the Maas.")),
                                       NULL);

  {
    g_autofree char *message = message_with ("Story attached, 20 words.\n\n-- \nAnna Berg\nStringer", docx, "harbour.docx", DOCX_TYPE);
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) article = cd_import_data (message, strlen (message), CD_IMPORT_FORMAT_EMAIL,
                                                    "harbour.eml", &error);

    g_assert_no_error (error);
    g_test_message ("%s", cd_article_get_ednote (article));
    g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour reopens after storm");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Anna Berg");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "ROTTERDAM");
    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "The harbour reopened on Sunday after three days, port officials said.\n\n"
                     "Ships queued at the mouth of the Maas.\n");
    g_assert_nonnull (strstr (cd_article_get_ednote (article),
                              "The message with harbour.docx: “Story attached, 20 words.”"));
    g_assert_null (strstr (cd_article_get_ednote (article), "Attachments not imported"));
  }
  {
    g_autofree char *message = message_with (
        "AMSTERDAM (Reuters) - The city council met on Monday to discuss the harbour, the bridges, the "
        "budget for next year and the plans for the east side, which were put off again.\n\n"
        "The mayor said more would follow.",
        docx, "harbour.docx", DOCX_TYPE);
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) article = cd_import_data (message, strlen (message), CD_IMPORT_FORMAT_EMAIL,
                                                    "council.eml", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour story");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "AMSTERDAM");
    g_assert_nonnull (strstr (cd_article_get_ednote (article), "Attachments not imported: harbour.docx."));
  }
}

/* What is no Word document, or a damaged one, is refused with one
 * sentence naming the file. */
static void
test_refused (void)
{
  static const char not_zip[] = "PK\x03\x04 this is not really a ZIP file";
  const char       *names[] = { "notes.txt" };
  const char       *contents[] = { "Just notes" };
  const gssize      sizes[] = { -1 };
  g_autoptr (GBytes) other_zip = zip (names, contents, sizes, 1);
  g_autoptr (GBytes) broken = make_docx ("<w:p><w:r><w:t>Unclosed", NULL);
  g_autoptr (GBytes) empty = make_docx (PLAIN ("") PLAIN (RUN ("", "  ")), NULL);
  const struct
  {
    const char *data;
    gsize       length;
    const char *message;
  } cases[] = {
    {not_zip, sizeof not_zip - 1,           "story.docx: the file is not a Word document (.docx); it cannot be opened as one."},
    { g_bytes_get_data (other_zip,  NULL), g_bytes_get_size (other_zip),
     "story.docx: the file is a ZIP archive but not a Word document (.docx): it holds no document text." },
    {                      g_bytes_get_data (broken,  NULL),    g_bytes_get_size (broken),
     "story.docx: the Word document is damaged: its text (word/document.xml) cannot be read" },
    {                                  g_bytes_get_data (empty,  NULL),     g_bytes_get_size (empty),
     "story.docx: the Word document has no text in it." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) article = cd_import_data (cases[i].data, cases[i].length,
                                                      CD_IMPORT_FORMAT_AUTO, "story.docx", &error);

      g_assert_null (article);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }

  /* A .docx name is read as one even when its first bytes are not a
   * ZIP file's; without a name, a ZIP file's first bytes tell it. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) article = cd_import_data ("Hello", 5, CD_IMPORT_FORMAT_AUTO, "story.docx", &error);

    g_assert_null (article);
    g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID);
  }
  {
    g_autoptr (GBytes) docx = make_docx (PARA ("Titel", RUN ("", "Harbour reopens")), NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) article = cd_import_data (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx),
                                                    CD_IMPORT_FORMAT_AUTO, "4711", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour reopens");
  }
}

#define ODF_NS                                                                \
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "        \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "            \
  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "          \
  "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" " \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "          \
  "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "         \
  "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "   \
  "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""

/* LibreOffice's named styles, its default language German. */
static const char odf_styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-styles " ODF_NS " office:version=\"1.3\"><office:styles>"
    "<style:default-style style:family=\"paragraph\"><style:text-properties fo:language=\"de\" "
    "fo:country=\"DE\"/></style:default-style>"
    "<style:style style:name=\"Standard\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Standard\"/>"
    "<style:style style:name=\"Title\" style:family=\"paragraph\"><style:text-properties "
    "fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"Subtitle\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\">"
    "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"Intro\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\">"
    "<style:text-properties fo:font-style=\"italic\"/></style:style>"
    "<style:style style:name=\"Quotations\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"Caption\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" "
    "style:family=\"paragraph\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"Strong_20_Emphasis\" style:display-name=\"Strong Emphasis\" "
    "style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
    "<text:list-style style:name=\"Numbering_20_123\" style:display-name=\"Numbering 123\">"
    "<text:list-level-style-number text:level=\"1\" style:num-format=\"1\"/></text:list-style>"
    "</office:styles></office:document-styles>";

/* An .odt of @text (office:text's content) with the automatic styles
 * @automatic, and @picture as Pictures/photo.jpg when given. */
static GBytes *
make_odt (const char *automatic,
          const char *text,
          GBytes     *picture)
{
  g_autofree char *content = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                          "<office:document-content " ODF_NS " office:version=\"1.3\">"
                                          "<office:automatic-styles>",
                                          automatic,
                                          "</office:automatic-styles><office:body><office:text>", text,
                                          "</office:text></office:body></office:document-content>", NULL);
  const char      *names[] = { "mimetype", "content.xml", "styles.xml", "Pictures/photo.jpg" };
  const char      *contents[] = { "application/vnd.oasis.opendocument.text", content, odf_styles,
                             picture != NULL ? g_bytes_get_data (picture, NULL) : NULL };
  gssize           sizes[] = { -1, -1, -1, picture != NULL ? (gssize) g_bytes_get_size (picture) : 0 };

  return zip (names, contents, sizes, picture != NULL ? 4 : 3);
}

static CdArticle *
import_odt (GBytes     *odt,
            const char *name)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_import_data (g_bytes_get_data (odt, NULL), g_bytes_get_size (odt),
                                       CD_IMPORT_FORMAT_AUTO, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

/* A release whose template sets the sender and the embargo in the page
 * head, on every page, in Word, OpenDocument and RTF: the embargo is
 * read from there (it was lost with the head), the sender goes to the
 * note, the page's number adds nothing; the story is the body's. */
static void
test_page_heads (void)
{
  static const char body[] = "Council approves flood barrier|NORTHSHORE, 3 March 2027 – The borough council "
                             "has approved a tidal barrier, it said on Tuesday.|Work starts in spring.";
  g_auto (GStrv) paras = g_strsplit (body, "|", -1);
  g_autofree char *docx_body = g_strdup_printf (PLAIN (RUN ("", "%s")) PLAIN (RUN ("", "%s")) PLAIN (RUN ("", "%s")),
                                                paras[0], paras[1], paras[2]);
  g_autofree char *doc = (char *) document (docx_body);
  const char      *rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                          "<Relationship Id=\"rId9\" Type=\"" REL_TYPE "header\" Target=\"header1.xml\"/>"
                          "<Relationship Id=\"rId8\" Type=\"" REL_TYPE "header\" Target=\"header2.xml\"/>"
                          "</Relationships>";
  const char      *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:hdr " W_NS ">"
                          "<w:p>" RUN ("", "Northshore Borough Council") "<w:r><w:tab/></w:r>" RUN ("", "EMBARGOED UNTIL 00:01 GMT 10 MARCH 2027") "</w:p>"
                                                                                                                                                   "<w:p>" RUN ("", "SLUG: FLOOD-BARRIER") "</w:p><w:p>" RUN ("", "Page ") "<w:fldSimple w:instr=\"PAGE\">" RUN ("", "2") "</w:fldSimple></w:p></w:hdr>";
  const char      *names[] = { "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                               "word/document.xml", "word/header1.xml", "word/header2.xml" };
  const char      *contents[] = { content_types, package_rels, rels, doc, head, head };
  gssize           sizes[] = { -1, -1, -1, -1, -1, -1 };
  g_autoptr (GBytes) docx = zip (names, contents, sizes, G_N_ELEMENTS (names));
  g_autofree char *odt_text = g_strdup_printf ("<text:p>%s</text:p><text:p>%s</text:p><text:p>%s</text:p>", paras[0],
                                               paras[1], paras[2]);
  g_autofree char *odt_content = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                              "<office:document-content " ODF_NS " office:version=\"1.3\">"
                                              "<office:body><office:text>",
                                              odt_text, "</office:text></office:body></office:document-content>",
                                              NULL);
  const char      *odt_styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                "<office:document-styles " ODF_NS " office:version=\"1.3\"><office:master-styles>"
                                "<style:master-page style:name=\"Standard\"><style:header><text:p>Northshore Borough "
                                "Council<text:tab/>EMBARGOED UNTIL 00:01<text:s/>GMT 10 MARCH 2027</text:p>"
                                "<text:p>SLUG: FLOOD-BARRIER</text:p></style:header>"
                                "</style:master-page></office:master-styles></office:document-styles>";
  const char      *odt_names[] = { "mimetype", "content.xml", "styles.xml" };
  const char      *odt_contents[] = { "application/vnd.oasis.opendocument.text", odt_content, odt_styles };
  gssize           odt_sizes[] = { -1, -1, -1 };
  g_autoptr (GBytes) odt = zip (odt_names, odt_contents, odt_sizes, 3);
  g_autofree char *rtf = g_strdup_printf (
      "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}{\\header\\pard Northshore Borough Council\\tab "
      "EMBARGOED UNTIL 00:01 GMT 10 MARCH 2027\\par\\pard SLUG: FLOOD-BARRIER\\par\\pard Page {\\field{\\*\\fldinst PAGE}{\\fldrslt 2}}\\par}"
      "\\pard %s\\par\\pard NORTHSHORE, 3 March 2027 \\endash  The borough council has approved a tidal barrier, "
      "it said on Tuesday.\\par\\pard %s\\par}",
      paras[0], paras[2]);
  g_autoptr (GBytes) rtf_bytes = g_bytes_new (rtf, strlen (rtf));
  GBytes     *files[] = { docx, odt, rtf_bytes };
  const char *file_names[] = { "release.docx", "release.odt", "release.rtf" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) article = cd_import_data (g_bytes_get_data (files[i], NULL), g_bytes_get_size (files[i]),
                                                      CD_IMPORT_FORMAT_AUTO, file_names[i], &error);
      g_autoptr (GDateTime) expected = g_date_time_new_utc (2027, 3, 10, 0, 1, 0);
      const char *ednote;

      g_assert_no_error (error);
      ednote = cd_article_get_ednote (article);
      g_test_message ("%s: %s", file_names[i], ednote);
      g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves flood barrier");
      g_assert_nonnull (cd_article_get_embargo (article));
      g_assert_true (g_date_time_equal (cd_article_get_embargo (article), expected));
      g_assert_nonnull (strstr (ednote, "The page head: “Northshore Borough Council”"));
      g_assert_null (strstr (ednote, "Page"));
      /* A reporter's template sets the slug there. */
      g_assert_cmpstr (cd_article_get_slug (article), ==, "flood-barrier");
      g_assert_null (strstr (ednote, "SLUG"));
      g_assert_cmpstr (cd_article_get_body (article), ==,
                       "The borough council has approved a tidal barrier, it said on Tuesday.\n\n"
                       "Work starts in spring.\n");
    }
}

/* A story as LibreOffice Writer saves it: title and subtitle, a "By"
 * line and dateline, bold by hand and by a character style (a heading's
 * and a table head's own bold is not emphasis), spaces kept by text:s,
 * a link, lists bulleted (with a level below) and numbered by the list
 * style the paragraphs' style gives, a quotation, a table, a comment, a
 * tracked change, a footnote, the sign-off; the document's German is the
 * article's. Without its name the file is told by its first bytes. */
static void
test_odt_styled (void)
{
  static const char automatic[] =
      "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/>"
      "</style:style>"
      "<style:style style:name=\"T2\" style:family=\"text\"><style:text-properties fo:font-style=\"italic\"/>"
      "</style:style>"
      "<style:style style:name=\"T3\" style:family=\"text\"><style:text-properties text:display=\"none\"/>"
      "</style:style>"
      "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
      "style:list-style-name=\"Numbering_20_123\"/>"
      "<text:list-style style:name=\"L1\"><text:list-level-style-bullet text:level=\"1\" "
      "text:bullet-char=\"•\"/><text:list-level-style-bullet text:level=\"2\" text:bullet-char=\"◦\"/>"
      "</text:list-style>";
  static const char text[] =
      "<text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion><text:p>Old words."
      "</text:p></text:deletion></text:changed-region></text:tracked-changes>"
      "<text:p text:style-name=\"Title\">Stadtrat beschließt Haushalt</text:p>"
      "<text:p text:style-name=\"Subtitle\">Steuern bleiben gleich</text:p>"
      "<text:p text:style-name=\"Text_20_body\">Von Anna Berg</text:p>"
      "<text:p text:style-name=\"Text_20_body\">BERLIN (dpa) - Der Rat stimmte <text:span "
      "text:style-name=\"T1\">mit 7 zu 4</text:span> am <text:span text:style-name=\"T2\">Dienstag</text:span>"
      "<text:s text:c=\"2\"/>zu.<text:span text:style-name=\"T3\">Versteckt.</text:span><text:change-start text:change-id=\"ct1\"/><text:change-end "
      "text:change-id=\"ct1\"/><office:annotation><dc:creator>Maria Keller</dc:creator><text:p>Zahl "
      "prüfen.</text:p></office:annotation><text:note text:note-class=\"footnote\"><text:note-citation>1"
      "</text:note-citation><text:note-body><text:p>Eine Fußnote.</text:p></text:note-body></text:note></text:p>"
      "<text:p text:style-name=\"Text_20_body\"><draw:frame draw:name=\"Kasten\"><draw:text-box><text:p>Fakten:"
      "</text:p><text:p>40 Lehrer</text:p></draw:text-box></draw:frame>Mehr im <text:a "
      "xlink:href=\"https://example.com/haushalt\">"
      "Bericht</text:a> und <text:span text:style-name=\"Strong_20_Emphasis\">hier</text:span>.</text:p>"
      "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">Was sich ändert</text:h>"
      "<text:list text:style-name=\"L1\"><text:list-item><text:p>Busfahrten</text:p><text:list>"
      "<text:list-item><text:p>2,50 Euro</text:p></text:list-item></text:list></text:list-item>"
      "<text:list-item><text:p>40 Lehrer</text:p></text:list-item></text:list>"
      "<text:list><text:list-item><text:p text:style-name=\"P1\">Zweite Lesung</text:p></text:list-item>"
      "<text:list-item><text:p text:style-name=\"P1\">Abstimmung</text:p></text:list-item></text:list>"
      "<text:p text:style-name=\"Quotations\">„Der Osten muss warten.“</text:p>"
      "<table:table><table:table-column/><table:table-header-rows><table:table-row><table:table-cell>"
      "<text:p text:style-name=\"Table_20_Heading\">Partei</text:p></table:table-cell><table:table-cell>"
      "<text:p text:style-name=\"Table_20_Heading\">Stimmen</text:p></table:table-cell></table:table-row>"
      "</table:table-header-rows><table:table-row><table:table-cell><text:p>Grüne</text:p></table:table-cell>"
      "<table:table-cell><text:p>4</text:p></table:table-cell></table:table-row></table:table>"
      "<text:p text:style-name=\"Text_20_body\"/>"
      "<text:p text:style-name=\"Text_20_body\">ab/cd</text:p>";
  g_autoptr (GBytes) odt = make_odt (automatic, text, NULL);
  g_autoptr (CdArticle) article = import_odt (odt, "haushalt.odt");
  g_autoptr (CdArticle) unnamed = import_odt (odt, "4711");

  g_test_message ("%s\n%s", cd_article_get_body (article), cd_article_get_ednote (article));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Stadtrat beschließt Haushalt");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Steuern bleiben gleich");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Anna Berg");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "BERLIN");
  g_assert_cmpstr (cd_article_get_language (article), ==, "de-DE");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "Der Rat stimmte **mit 7 zu 4** am *Dienstag* zu.\n\n"
                   "Mehr im [Bericht](https://example.com/haushalt) und **hier**.\n\n"
                   "## Was sich ändert\n\n"
                   "- Busfahrten\n"
                   "  - 2,50 Euro\n"
                   "- 40 Lehrer\n\n"
                   "1. Zweite Lesung\n"
                   "2. Abstimmung\n\n"
                   "> „Der Osten muss warten.“\n\n"
                   "| Partei | Stimmen |\n"
                   "| --- | ---: |\n"
                   "| Grüne | 4 |\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "ab/cd"));
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "Comment by Maria Keller: “Zahl prüfen.”"));
  g_assert_nonnull (strstr (cd_article_get_ednote (article),
                            "The document had tracked changes; they were read as accepted."));
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "The document's footnote was left out."));
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "A text box: “Fakten: 40 Lehrer”"));
  g_assert_cmpstr (cd_article_get_body (unnamed), ==, cd_article_get_body (article));
}

/* An .odt's picture goes to the store in its place with its description;
 * a damaged .odt and a ZIP file of something else are refused. */
static void
test_odt_pictures_and_refused (void)
{
  g_autoptr (GBytes) jpeg = make_jpeg (640, 400);
  g_autoptr (GBytes) odt = make_odt (
      "", "<text:p>Ships queued on Sunday.</text:p><text:p><draw:frame draw:name=\"Image1\">"
          "<draw:image xlink:href=\"Pictures/photo.jpg\"/><svg:title>Photo</svg:title>"
          "<svg:desc>Tugboats guide a freighter</svg:desc></draw:frame></text:p>"
          "<text:p text:style-name=\"Caption\">Tugboats guide a freighter in.</text:p><text:p>Traffic is normal.</text:p>",
      jpeg);
  g_autoptr (GBytes) broken = make_odt ("", "<text:p>Unclosed", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-odt-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "harbour.odt", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (CdArticle) refused = NULL;
  g_autoptr (GPtrArray) refs = NULL;

  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (odt, NULL), g_bytes_get_size (odt), &error);
  g_assert_no_error (error);
  store = cd_store_open (data_dir, &error);
  g_assert_no_error (error);
  stored = cd_test_import_one (store, path, &error);
  g_assert_no_error (error);
  refs = cd_image_refs_in_body (cd_article_get_body (stored));
  g_assert_cmpuint (refs->len, ==, 1);
  g_assert_cmpstr (((CdImageRef *) g_ptr_array_index (refs, 0))->alt, ==, "Tugboats guide a freighter");
  g_assert_cmpstr (((CdImageRef *) g_ptr_array_index (refs, 0))->caption, ==, "Tugboats guide a freighter in.");
  g_assert_null (((CdImageRef *) g_ptr_array_index (refs, 0))->credit);
  g_assert_true (g_str_has_prefix (cd_article_get_body (stored), "Ships queued on Sunday.\n\n```image"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (stored), "```\n\nTraffic is normal.\n"));
  cd_test_rm_rf (dir);

  refused = cd_import_data (g_bytes_get_data (broken, NULL), g_bytes_get_size (broken), CD_IMPORT_FORMAT_AUTO,
                            "story.odt", &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message,
                                   "story.odt: the OpenDocument text is damaged: its text (content.xml) "
                                   "cannot be read"));
}

/* A standfirst in a named paragraph style in italic (LibreOffice keeps
 * the paragraph's own automatic style over it): the standfirst, with no
 * dateline under it; the named style's italic was not seen. A span that
 * turns it off stays plain. */
static void
test_odt_standfirst_style (void)
{
  g_autoptr (GBytes) odt = make_odt (
      "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Intro\"/>"
      "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties "
      "fo:font-style=\"normal\"/></style:style>",
      "<text:p text:style-name=\"Title\">Ancient DNA shows Bronze Age Britons drank milk</text:p>"
      "<text:p text:style-name=\"P1\">Study of 400 skeletons overturns an idea about farming</text:p>"
      "<text:p text:style-name=\"Text_20_body\">People in Bronze Age Britain drank milk for years.</text:p>"
      "<text:p text:style-name=\"Intro\">A note in the style, <text:span "
      "text:style-name=\"T1\">Nature</text:span> its source.</text:p>",
      NULL);
  g_autoptr (CdArticle) article = import_odt (odt, "milk.odt");

  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ancient DNA shows Bronze Age Britons drank milk");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Study of 400 skeletons overturns an idea about farming");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "People in Bronze Age Britain drank milk for years.\n\n"
                   "*A note in the style,* Nature *its source.*\n");
}

/* A reporter's notes to the desk at the head of the copy, and what stands
 * above the title's paragraph: a legal warning, "EXCLUSIVE" (they were the
 * standfirst, and could have been published), a stringer's "NOTE TO
 * DESK" over a headline typed in capitals (the document had no headline
 * and the note opened the story); and under the story. */
static void
test_docx_desk_notes (void)
{
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("<w:b/>", "LEGAL WARNING: Trial continuing. Do not report the defendant’s previous convictions."))
            PARA ("Titel", RUN ("", "Driving instructor denies assaulting learner"))
                PLAIN (RUN ("", "By Megan Pryce, Court Reporter"))
                    PLAIN (RUN ("", "A driving instructor put his hand on a learner’s thigh, a jury heard.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Driving instructor denies assaulting learner");
    g_assert_true (cd_text_is_blank (cd_article_get_dek (article)));
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Megan Pryce, Court Reporter");
    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "A driving instructor put his hand on a learner’s thigh, a jury heard.\n");
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article),
                                     "— LEGAL WARNING: Trial continuing. Do not report the defendant’s previous "
                                     "convictions."));
  }
  /* A release's end mark and notes to editors in bold. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("<w:b/>", "Fire service warns on moorland fires"))
            PLAIN (RUN ("", "NORTHSHIRE, 3 May 2027 – The fire service has warned walkers about barbecues."))
                PLAIN (RUN ("", "Crews attended 40 fires last year.")) PLAIN (RUN ("<w:b/>", "ENDS"))
                    PLAIN (RUN ("<w:b/>", "Notes to editors")) PLAIN (RUN ("", "The service has 30 stations.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "The fire service has warned walkers about barbecues.\n\nCrews attended 40 fires last year.\n");
    g_assert_nonnull (strstr (cd_article_get_ednote (article), "Notes to editors"));
  }
  /* A review's stars under its headline, over or under its "By" line:
   * the stars stay on top of the story (they were the standfirst), the
   * byline is read past them. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GBytes) docx = make_docx (
          i == 0 ? PLAIN (RUN ("<w:b/>", "A Doll’s House, Crucible Theatre: a slammed door that still echoes"))
                       PLAIN (RUN ("", "★★★★☆")) PLAIN (RUN ("", "By Jo Hart"))
                           PLAIN (RUN ("", "Ibsen’s play is 147 years old, and it felt new on Tuesday."))
                 : PLAIN (RUN ("<w:b/>", "A Doll’s House, Crucible Theatre: a slammed door that still echoes"))
                       PLAIN (RUN ("", "By Jo Hart")) PLAIN (RUN ("", "★★★★☆"))
                           PLAIN (RUN ("", "Ibsen’s play is 147 years old, and it felt new on Tuesday.")),
          NULL);
      g_autoptr (CdArticle) article = import_docx (docx);

      g_assert_cmpstr (cd_article_get_headline (article), ==,
                       "A Doll’s House, Crucible Theatre: a slammed door that still echoes");
      g_assert_true (cd_text_is_blank (cd_article_get_dek (article)));
      g_assert_cmpstr (cd_article_get_byline (article), ==, "Jo Hart");
      g_assert_cmpstr (cd_article_get_body (article), ==,
                       "★★★★☆\n\nIbsen’s play is 147 years old, and it felt new on Tuesday.\n");
    }
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("<w:b/>", "EXCLUSIVE")) PARA ("Titel", RUN ("", "Police chief under investigation"))
            PLAIN (RUN ("", "A deputy chief constable is being investigated, the Gazette can reveal.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Police chief under investigation");
    g_assert_true (cd_text_is_blank (cd_article_get_dek (article)));
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article), "— EXCLUSIVE"));
  }
  {
    g_autoptr (GBytes) docx = make_docx (
        PLAIN (RUN ("", "NOTE TO DESK: Tom Reyes, freelance. Fee agreed with Helen (£90). Photos by 4pm."))
            PLAIN (RUN ("", "FISHING BOAT CREW PLUCKED FROM SEA OFF WHITBY")) PLAIN (RUN ("", "By Tom Reyes"))
                PLAIN (RUN ("", "Three fishermen were winched to safety on Tuesday morning.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "FISHING BOAT CREW PLUCKED FROM SEA OFF WHITBY");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Tom Reyes");
    g_assert_cmpstr (cd_article_get_body (article), ==, "Three fishermen were winched to safety on Tuesday morning.\n");
    g_assert_nonnull (strstr (cd_article_get_ednote (article), "— NOTE TO DESK: Tom Reyes, freelance."));
  }
  /* Under the story: captions typed for the picture desk, the reporter's
   * number, "MORE TO FOLLOW" (they were its last paragraphs, a mobile
   * number printed); a last paragraph of the story's stays. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PARA ("Titel", RUN ("", "Ripon counts the cost of floods"))
            PLAIN (RUN ("", "Residents in Ripon spent Thursday pumping water from their homes."))
                PLAIN (RUN ("", "The council said help was on its way."))
                    PLAIN (RUN ("", "Caption 1: Volunteers fill sandbags on Bondgate Green. Picture: Tom Reyes"))
                        PLAIN (RUN ("", "Contact: Priya Nair, 07700 900412, priya@paper.example"))
                            PLAIN (RUN ("", "MORE TO FOLLOW")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "Residents in Ripon spent Thursday pumping water from their homes.\n\n"
                     "The council said help was on its way.\n");
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article),
                                     "— Caption 1: Volunteers fill sandbags on Bondgate Green. Picture: Tom Reyes — "
                                     "Contact: Priya Nair, 07700 900412, priya@paper.example — MORE TO FOLLOW"));
  }
  /* A title broken over two paragraphs: its second half was a heading
   * of the story, and the "By" line under it unread. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PARA ("Titel", RUN ("", "Parents fight closure of")) PARA ("Titel", RUN ("", "village school with 41 pupils"))
            PLAIN (RUN ("", "By Nia Roberts")) PLAIN (RUN ("", "Parents have launched a campaign to save the school.")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Parents fight closure of village school with 41 pupils");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Nia Roberts");
    g_assert_cmpstr (cd_article_get_body (article), ==, "Parents have launched a campaign to save the school.\n");
  }
  /* A release's contact block under the story, a paragraph a line; a
   * reporter's signature with an address alone stays whole. */
  {
    g_autoptr (GBytes) docx = make_docx (
        PARA ("Titel", RUN ("", "Bronze Age Britons drank milk"))
            PLAIN (RUN ("", "People in Bronze Age Britain drank milk, a study has found."))
                PLAIN (RUN ("", "Media contact: Helen Price, Press Officer")) PLAIN (RUN ("", "Tel: 0117 428 2000"))
                    PLAIN (RUN ("", "press-office@bristol.example")),
        NULL);
    g_autoptr (GBytes) signed_docx = make_docx (
        PARA ("Titel", RUN ("", "Flood wall delayed"))
            PLAIN (RUN ("", "The flood wall will not be finished until 2028.")) PLAIN (RUN ("", "Tom Bright"))
                PLAIN (RUN ("", "tom.bright@freelance.example")),
        NULL);
    g_autoptr (CdArticle) article = import_docx (docx);
    g_autoptr (CdArticle) signed_article = import_docx (signed_docx);

    g_assert_cmpstr (cd_article_get_body (article), ==, "People in Bronze Age Britain drank milk, a study has found.\n");
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article),
                                     "— Media contact: Helen Price, Press Officer — Tel: 0117 428 2000 — "
                                     "press-office@bristol.example"));
    g_assert_cmpstr (cd_article_get_body (signed_article), ==,
                     "The flood wall will not be finished until 2028.\n\nTom Bright\n\n"
                     "tom.bright@freelance.example\n");
  }
}

/* An OpenDocument text attached to a covering note is the story too. */
static void
test_odt_emailed (void)
{
  g_autoptr (GBytes) odt = make_odt ("", "<text:p text:style-name=\"Title\">Harbour reopens</text:p>"
                                         "<text:p>ROTTERDAM (Reuters) - The harbour reopened on Sunday after "
                                         "three days, port officials said.</text:p>",
                                     NULL);
  g_autofree char *message = message_with ("See attached.", odt, "harbour.odt",
                                           "application/vnd.oasis.opendocument.text");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (message, strlen (message), CD_IMPORT_FORMAT_EMAIL,
                                                  "harbour.eml", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour reopens");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "ROTTERDAM");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "The harbour reopened on Sunday after three days, port officials said.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "The message with harbour.odt: “See attached.”"));
}

/* Rich Text Format */

/* An RTF document as Word writes it: a style sheet (a German Word's names
 * are English here too), fonts with their character sets, lists with the
 * text Word shows for their bullets and numbers, a table, a link field,
 * a comment, a footnote, tracked changes, a picture with the name
 * LibreOffice keeps a web page's alt text in, and a floating one with
 * Word's generic name and a description; @picture's bytes in hex. */
static char *
make_word_rtf (GBytes *picture)
{
  g_autoptr (GString) hex = g_string_new (NULL);
  gsize         length = 0;
  const guint8 *data = picture != NULL ? g_bytes_get_data (picture, &length) : NULL;

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (hex, "%02x%s", data[i], i % 64 == 63 ? "\n" : "");
  return g_strdup_printf (
      "{\\rtf1\\ansi\\ansicpg1252\\deff0\\deflang1031{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}"
      "{\\f1\\fswiss\\fcharset204{\\*\\panose 020b0604020202020204}Arial;}{\\f2\\fnil\\fcharset2 Symbol;}}\n"
      "{\\colortbl;\\red0\\green0\\blue0;}\n"
      "{\\stylesheet{\\ql \\snext0 Normal;}{\\s1\\sbasedon0\\snext0\\b\\fs32 heading 1;}"
      "{\\s15\\sbasedon0 Title;}{\\s16\\sbasedon0 Subtitle;}{\\s20\\sbasedon0\\i Quote;}"
      "{\\s21\\sbasedon20\\snext0 House Quote;}{\\*\\cs10 \\additive Default Paragraph Font;}}\n"
      "{\\*\\listtable{\\list\\listtemplateid1{\\listlevel\\levelnfc23{\\leveltext\\'01\\u-3913 ?;}}\\listid1}}\n"
      "{\\*\\generator Microsoft Word 16.0;}{\\info{\\title Draft}{\\author Maria}}\n"
      "\\pard\\plain\\s15\\b\\fs56 Council passes budget\\par\n"
      "\\pard\\plain\\s16 A month of debate ends\\par\n"
      "\\pard\\plain By Maria Keller\\par\n"
      "\\pard\\plain BERLIN (dpa) - The council voted {\\b 7\\u8211\\'964} on {\\i Tuesday}, {\\strike not} "
      "{\\deleted struck words }{\\revised new }Caf\\'e9 {\\f1 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2} "
      "\\u8220?quoted\\u8221?{\\*\\bkmkstart x}{\\*\\bkmkend x}. Read the "
      "{\\field{\\*\\fldinst{ HYPERLINK \"https://example.com/report\" }}{\\fldrslt{\\ul report}}}.{\\v hidden}"
      "{\\*\\atnid AB}{\\*\\atnauthor Anna Berg}\\chatn{\\*\\annotation{\\*\\atndate 1}\\pard\\plain \\chatn "
      "Check the figure.\\par}{\\super\\chftn}{\\footnote\\pard\\plain {\\super\\chftn} Source: city.}\\par\n"
      "{\\*\\shppict{\\pict{\\*\\picprop{\\sp{\\sn wzDescription}{\\sv }}{\\sp{\\sn wzName}"
      "{\\sv Councillors vote}}}\\picw640\\pich400\\jpegblip\n%s}}{\\nonshppict{\\pict\\wmetafile8 0102}}\\par\n"
      "\\pard\\plain\\s1\\b What changes\\par\n"
      "\\pard\\plain\\ls1\\ilvl0{\\listtext\\pard\\plain\\f2 \\'b7\\tab}Bus fares stay\\par\n"
      "\\pard\\plain\\ls1\\ilvl1{\\listtext\\pard\\plain\\f2 o\\tab}for a third year\\par\n"
      "\\pard\\plain\\ls2\\ilvl0{\\listtext\\pard\\plain 1.\\tab}Second reading\\par\n"
      "\\pard\\plain\\ls2\\ilvl0{\\listtext\\pard\\plain 2.\\tab}Final vote\\par\n"
      "\\pard\\plain\\s21 This budget asks the east side to wait.\\par\n"
      "\\trowd\\cellx2000\\cellx4000\\pard\\plain\\intbl{\\b Party}\\cell{\\b Votes}\\cell\\row\n"
      "\\trowd\\cellx2000\\cellx4000\\pard\\plain\\intbl Greens\\cell {\\b 4}\\cell\\row\n"
      "\\pard\\plain The budget returns in March.{\\shp{\\*\\shpinst\\shpleft0{\\sp{\\sn shapeType}{\\sv 75}}"
      "{\\sp{\\sn wzName}{\\sv Grafik 2}}{\\sp{\\sn pib}{\\sv {\\pict\\picw640\\pich400\\jpegblip\n%s}}}"
      "{\\sp{\\sn wzDescription}"
      "{\\sv The harbour at dawn}}}{\\shprslt{\\*\\do\\dobxcolumn}}}"
      /* A text box, and the frame Word writes for older readers. */
      "{\\shp{\\*\\shpinst{\\sp{\\sn shapeType}{\\sv 202}}{\\shptxt \\pard\\plain {\\b Fact box:}\\par\n"
      "\\pard\\plain 40 teachers{\\v  hidden}\\par\n}}{\\shprslt{\\pard\\plain\\pvpara Fact box: 40 teachers\\par}}}"
      "\\par\n"
      "\\pard\\plain ENDS\\par}",
      hex->str, hex->str);
}

static void
test_rtf_word (void)
{
  g_autoptr (GBytes) jpeg = make_jpeg (640, 400);
  g_autofree char *rtf = make_word_rtf (jpeg);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-rtf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "budget.rtf", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (CdArticle) alone = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  const char *body;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, rtf, -1, NULL));
  store = cd_store_open (data_dir, &error);
  g_assert_no_error (error);
  stored = cd_test_import_one (store, path, &error);
  g_assert_no_error (error);
  body = cd_article_get_body (stored);
  g_test_message ("%s", body);
  g_assert_cmpstr (cd_article_get_headline (stored), ==, "Council passes budget");
  g_assert_cmpstr (cd_article_get_dek (stored), ==, "A month of debate ends");
  g_assert_cmpstr (cd_article_get_byline (stored), ==, "Maria Keller");
  g_assert_cmpstr (cd_article_get_dateline (stored), ==, "BERLIN");
  g_assert_cmpstr (cd_article_get_source (stored), ==, "dpa");
  g_assert_cmpstr (cd_article_get_language (stored), ==, "de-DE");
  g_assert_true (g_str_has_prefix (
      body, "The council voted **7–4** on *Tuesday*, ~~not~~ new Café Привет “quoted”. Read the "
            "[report](https://example.com/report).\n\n```image\n"));
  refs = cd_image_refs_in_body (body);
  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_cmpstr (((CdImageRef *) g_ptr_array_index (refs, 0))->alt, ==, "Councillors vote");
  /* A floating shape's picture, its description after it. */
  g_assert_cmpstr (((CdImageRef *) g_ptr_array_index (refs, 1))->alt, ==, "The harbour at dawn");
  g_assert_nonnull (strstr (body, "```\n\n## What changes\n\n"
                                  "- Bus fares stay\n  - for a third year\n\n"
                                  "1. Second reading\n2. Final vote\n\n"
                                  "> This budget asks the east side to wait.\n\n"
                                  "| Party | Votes |\n| --- | ---: |\n| Greens | **4** |\n\n"
                                  "The budget returns in March.\n\n```image\n"));
  g_assert_true (g_str_has_suffix (body, "alt: The harbour at dawn\n```\n"));
  g_assert_null (strstr (body, "Fact box"));
  g_assert_null (strstr (body, "hidden"));
  g_assert_null (strstr (body, "struck words"));
  g_assert_null (strstr (body, "Source: city"));
  g_assert_cmpstr (cd_article_get_ednote (stored), ==,
                   "Comment by Anna Berg: “Check the figure.” — A text box: “Fact box: 40 teachers” — ENDS — "
                   "The document had tracked changes; they were read as accepted. — The document's footnote "
                   "was left out.");
  cd_test_rm_rf (dir);

  /* Without the store: the picture is named in the note. */
  alone = cd_import_data (rtf, strlen (rtf), CD_IMPORT_FORMAT_AUTO, "budget", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (cd_article_get_ednote (alone), "The document holds 2 pictures, not imported with it."));
}

/* An RTF document as macOS's TextEdit saves it: no styles, its lines
 * ended by a backslash, a list by its markers, a Mac font's escapes. */
static void
test_rtf_textedit (void)
{
  static const char rtf[] =
      "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2709\n"
      "\\cocoatextscaling0\\cocoaplatform0{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;\\f1\\fswiss\\fcharset0 "
      "Helvetica-Bold;}\n"
      "{\\colortbl;\\red255\\green255\\blue255;}\n"
      "{\\*\\expandedcolortbl;;}\n"
      "{\\*\\listtable{\\list\\listtemplateid1\\listhybrid{\\listlevel\\levelnfc23\\levelnfcn23\\leveljc0"
      "\\leveljcn0\\levelfollow0\\levelstartat1\\levelspace360\\levelindent0{\\*\\levelmarker \\{disc\\}}"
      "{\\leveltext\\leveltemplateid1\\'01\\uc0\\u8226 ;}{\\levelnumbers;}\\fi-360\\li720\\lin720 }"
      "{\\listname ;}\\listid1}}\n"
      "{\\*\\listoverridetable{\\listoverride\\listid1\\listoverridecount0\\ls1}}\n"
      "\\paperw11900\\paperh16840\\margl1440\\margr1440\\vieww11520\\viewh8400\\viewkind0\n"
      "\\pard\\tx566\\tx1133\\pardirnatural\\partightenfactor0\n\n"
      "\\f1\\b\\fs36 \\cf0 Harbour reopens after storm\\\n"
      "\\pard\\tx566\\pardirnatural\\partightenfactor0\n\n"
      "\\f0\\b0\\fs24 \\cf0 \\\n"
      "ROTTERDAM (Reuters) - The harbour reopened on Sunday, port officials said. The caf\\'e9 at the "
      "quay\\'92s end opened too.\\\n"
      "\\pard\\tx220\\tx720\\pardirnatural\\partightenfactor0\n"
      "\\ls1\\ilvl0\\cf0 {\\listtext\t\\uc0\\u8226 \t}Ships queue\\\n"
      "{\\listtext\t\\uc0\\u8226 \t}Tugs help\\\n"
      "\\pard\\pardirnatural\\partightenfactor0\n"
      "\\cf0 \\\n"
      "Traffic is {\\field{\\*\\fldinst{HYPERLINK \"https://port.example/\"}}{\\fldrslt normal}}.}";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (rtf, strlen (rtf), CD_IMPORT_FORMAT_AUTO, "harbour.rtf", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour reopens after storm");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "ROTTERDAM");
  g_assert_cmpstr (cd_article_get_source (article), ==, "Reuters");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "The harbour reopened on Sunday, port officials said. The café at the quay’s end opened "
                   "too.\n\n- Ships queue\n- Tugs help\n\nTraffic is [normal](https://port.example/).\n");
}

/* What is no RTF, or too deep, is refused with one sentence; a file with
 * no extension is told by its first bytes; an RTF document attached to a
 * covering note is the story. */
static void
test_rtf_refused_and_emailed (void)
{
  g_autoptr (GString) deep = g_string_new ("{\\rtf1 ");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) none = NULL;
  g_autoptr (CdArticle) nested = NULL;
  g_autoptr (CdArticle) empty = NULL;
  g_autoptr (CdArticle) sniffed = NULL;
  g_autoptr (CdArticle) emailed = NULL;
  static const char story[] = "{\\rtf1\\ansi \\pard Harbour reopens\\par\\pard ROTTERDAM (Reuters) - "
                              "The harbour reopened on Sunday after three days.\\par}";
  g_autoptr (GBytes) rtf = g_bytes_new_static (story, sizeof story - 1);
  g_autofree char *message = NULL;

  none = cd_import_data ("Hello", 5, CD_IMPORT_FORMAT_AUTO, "story.rtf", &error);
  g_assert_null (none);
  g_assert_cmpstr (error->message, ==,
                   "story.rtf: the file is not in Rich Text Format (it does not start with “{\\rtf”).");
  g_clear_error (&error);
  for (guint i = 0; i < 600; i++)
    g_string_append_c (deep, '{');
  nested = cd_import_data (deep->str, deep->len, CD_IMPORT_FORMAT_AUTO, "deep.rtf", &error);
  g_assert_null (nested);
  g_assert_cmpstr (error->message, ==, "deep.rtf: the Rich Text Format file nests its groups more than 512 deep.");
  g_clear_error (&error);
  empty = cd_import_data ("{\\rtf1\\ansi{\\fonttbl\\f0 Helvetica;}}", strlen ("{\\rtf1\\ansi{\\fonttbl\\f0 Helvetica;}}"),
                          CD_IMPORT_FORMAT_AUTO, "empty.rtf", &error);
  g_assert_null (empty);
  g_assert_cmpstr (error->message, ==, "empty.rtf: the Rich Text Format document has no text in it.");
  g_clear_error (&error);

  sniffed = cd_import_data (g_bytes_get_data (rtf, NULL), g_bytes_get_size (rtf), CD_IMPORT_FORMAT_AUTO, "12345",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (sniffed), ==, "Harbour reopens");

  message = message_with ("Story attached.", rtf, "harbour.rtf", "application/rtf");
  emailed = cd_import_data (message, strlen (message), CD_IMPORT_FORMAT_EMAIL, "harbour.eml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (emailed), ==, "Harbour reopens");
  g_assert_cmpstr (cd_article_get_dateline (emailed), ==, "ROTTERDAM");
  g_assert_cmpstr (cd_article_get_body (emailed), ==, "The harbour reopened on Sunday after three days.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-document/docx-styled", test_styled);
  g_test_add_func ("/import-document/docx-plain", test_plain);
  g_test_add_func ("/import-document/docx-labels", test_docx_labels);
  g_test_add_func ("/import-document/docx-release-letterhead", test_docx_release_letterhead);
  g_test_add_func ("/import-document/docx-desk-notes", test_docx_desk_notes);
  g_test_add_func ("/import-document/docx-pictures", test_pictures);
  g_test_add_func ("/import-document/page-heads", test_page_heads);
  g_test_add_func ("/import-document/docx-emailed", test_emailed);
  g_test_add_func ("/import-document/docx-refused", test_refused);
  g_test_add_func ("/import-document/odt-styled", test_odt_styled);
  g_test_add_func ("/import-document/odt-pictures-and-refused", test_odt_pictures_and_refused);
  g_test_add_func ("/import-document/odt-emailed", test_odt_emailed);
  g_test_add_func ("/import-document/odt-standfirst-style", test_odt_standfirst_style);
  g_test_add_func ("/import-document/rtf-word", test_rtf_word);
  g_test_add_func ("/import-document/rtf-textedit", test_rtf_textedit);
  g_test_add_func ("/import-document/rtf-refused-and-emailed", test_rtf_refused_and_emailed);
  return g_test_run ();
}
