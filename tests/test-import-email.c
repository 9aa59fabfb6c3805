/* test-import-email.c: articles from email messages, as a mail program
 * saves them (.eml) or as text, and the messages that are not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-utils.h>

#include "cd-test-import.h"
#include "cd-test-util.h"
#include "cd-image-ref.h"
#include "cd-import.h"
#include "cd-store.h"

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static CdArticle *
import_text (const char    *text,
             CdImportFormat format,
             const char    *origin)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_import_data (text, strlen (text), format, origin, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static char *
write_temp (const char *name,
            const char *data,
            gssize      length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-email-XXXXXX", &error);
  char            *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  cd_test_rm_rf (dir);
}

/* A stringer's copy: the subject without "Fwd:" is the headline, the
 * sender's name the byline, the plain part (quoted-printable, Latin-1)
 * read as wire copy with its dateline, the signature cut; the address,
 * the date and the attachment in the note. */
static void
test_stringer (void)
{
  g_autofree char *path = sample_path ("email-stringer.eml");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_file (path, &error);
  const char *body;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves café budget");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Anna Müller");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "MUNICH");
  body = cd_article_get_body (article);
  g_assert_true (g_str_has_prefix (body, "The city council approved the café budget on Friday, "));
  g_assert_nonnull (strstr (body, "\n\n\"We can start in March,\" the mayor said"));
  g_assert_true (g_str_has_suffix (body, "review the costs.\n"));
  g_assert_null (strstr (body, "Freelance"));
  g_assert_null (strstr (body, "+49"));
  g_assert_cmpstr (cd_article_get_ednote (article), ==,
                   "MUNICH, Dec 5 — Emailed by anna@example.org on 2026-12-05 18:02 +0100. — "
                   "Attachments not imported: council.png (image/png).");
}

/* The same message saved as text (.txt, or a name with no extension),
 * after a blank line, is the same article; wire copy stays wire copy. */
static void
test_saved_as_text (void)
{
  g_autofree char *eml_path = sample_path ("email-stringer.eml");
  g_autofree char *data = NULL;
  g_autoptr (CdArticle) eml = NULL;
  gsize       length;
  const char *names[] = { "story.txt", "4f2a" };

  g_assert_true (g_file_get_contents (eml_path, &data, &length, NULL));
  eml = cd_import_file (eml_path, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = g_strconcat ("   \r\n", data, NULL);
      g_autofree char *path = write_temp (names[i], text, -1);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) article = cd_import_file (path, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (article), ==, cd_article_get_headline (eml));
      g_assert_cmpstr (cd_article_get_byline (article), ==, cd_article_get_byline (eml));
      g_assert_cmpstr (cd_article_get_body (article), ==, cd_article_get_body (eml));
      remove_temp (path);
    }

  /* A story whose first lines read like headers but are not a message's. */
  {
    g_autoptr (CdArticle) wire = import_text ("From: our correspondent\n"
                                              "The council met on Friday.\n\n"
                                              "It voted 41 to 19.\n",
                                              CD_IMPORT_FORMAT_WIRE, "story.txt");

    g_assert_cmpstr (cd_article_get_headline (wire), ==, "From: our correspondent");
    g_assert_null (cd_article_get_ednote (wire));
  }
}

/* The letter around a story emailed in its text: the greeting and the
 * covering lines above its dateline or "By" line, or without one those
 * that say what the message brings, go to the note; the closing in the
 * sender's language ("Viele Grüße"), name and phone's signature ("Sent
 * from my iPhone") are cut; a greeting over a
 * story with neither leaves the story whole. */
static void
test_letter (void)
{
  /* clang-format off */
  static const struct {
    const char *text;
    const char *body;
    const char *opens;
  } cases[] = {
    { "Hallo zusammen,\n\nanbei mein Text für morgen.\n\nKöln (dpa) - Der Stadtrat hat den Haushalt\n"
      "beschlossen.\n\nDie Opposition stimmte dagegen.\n\nViele Grüße\nAnna\n",
      "Der Stadtrat hat den Haushalt beschlossen.\n\nDie Opposition stimmte dagegen.\n",
      "The message opens: “Hallo zusammen, anbei mein Text für morgen.”" },
    { "Hi desk,\n\nHere's the council story for tomorrow, 400 words.\n\nThe council voted 7-4 on "
      "Tuesday to close the pool.\n\nSwimmers protested.\n\nBest regards,\nAnna\n",
      "The council voted 7-4 on Tuesday to close the pool.\n\nSwimmers protested.\n",
      "The message opens: “Hi desk, Here's the council story for tomorrow, 400 words.”" },
    { "Hi Tom,\n\nThe council voted 7-4 on Tuesday to close the pool.\n\nSwimmers protested.\n",
      "The council voted 7-4 on Tuesday to close the pool.\n\nSwimmers protested.\n",
      "The message opens: “Hi Tom,”" },
    { "Bonjour à tous,\n\nVoici mon papier.\n\nPar Claire Martin\n\nMARSEILLE (AFP) - Les "
      "contrôleurs aériens ont entamé une grève.\n\nCordialement,\nAnna\n",
      "Les contrôleurs aériens ont entamé une grève.\n",
      "The message opens: “Bonjour à tous, Voici mon papier.”" },
    { "HAMBURG (dpa) - A fire broke out.\n\nNo one was hurt.\n\nAnna\n\nSent from my iPhone\n",
      "A fire broke out.\n\nNo one was hurt.\n", NULL },
    { "HAMBURG (dpa) - Ein Feuer brach aus.\n\nVon meinem iPhone gesendet\n", "Ein Feuer brach aus.\n", NULL },
    /* Under a subject that only labels the copy ("Story"), a first line
     * that reads as a headline is the story's headline. */
    { "Liebe in Zeiten der Inflation\n\nDie Preise steigen, die Paare bleiben.\n",
      "Die Preise steigen, die Paare bleiben.\n", NULL },
    { "Hi desk,\n\nTemperatures fell below freezing across Scotland overnight, forecasters said.\n\n"
      "Roads were icy.\n",
      "Temperatures fell below freezing across Scotland overnight, forecasters said.\n\nRoads were icy.\n",
      "The message opens: “Hi desk,”" },
    { "Hello world programs are the first thing students write.\n\nThey print one line.\n",
      "Hello world programs are the first thing students write.\n\nThey print one line.\n", NULL },
    /* The headline between the greeting and the "By" line is the
     * story's, not the opening's; so is a greeting with its covering
     * words in one line. */
    { "Hi desk,\n\nHospital drops parking charges for night-shift staff\n\nBy Priya Nair\n\n"
      "NURSES will no longer pay to park, the trust said.\n\nThe change starts in January.\n",
      "NURSES will no longer pay to park, the trust said.\n\nThe change starts in January.\n",
      "The message opens: “Hi desk,”" },
    { "Hi desk, copy below for tomorrow. 420w. Pic to follow.\n\nBy Priya Nair\n\n"
      "NURSES will no longer pay to park, the trust said.\n\nThe change starts in January.\n",
      "NURSES will no longer pay to park, the trust said.\n\nThe change starts in January.\n",
      "The message opens: “Hi desk, copy below for tomorrow. 420w. Pic to follow.”" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = g_strdup_printf ("From: Anna Berg <anna@example.de>\n"
                                                  "Subject: Story\n"
                                                  "Content-Type: text/plain; charset=utf-8\n"
                                                  "Content-Transfer-Encoding: 8bit\n\n%s",
                                                  cases[i].text);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "story.eml");
      const char *ednote = cd_article_get_ednote (article);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (cd_article_get_body (article), ==, cases[i].body);
      if (cases[i].opens != NULL)
        g_assert_nonnull (ednote != NULL ? strstr (ednote, cases[i].opens) : NULL);
      else
        g_assert_null (ednote != NULL ? strstr (ednote, "The message opens") : NULL);
    }

  /* The same in a message of HTML alone. */
  {
    g_autoptr (CdArticle) article =
        import_text ("From: Anna Berg <anna@example.de>\nSubject: Fire\nContent-Type: text/html; charset=utf-8\n\n"
                     "<p>Hi desk,</p><p>here is my piece.</p><p>HAMBURG (dpa) - A fire broke out.</p>"
                     "<p>No one was hurt.</p><p>Best regards,<br>Anna</p><p>Sent from my iPhone</p>\n",
                     CD_IMPORT_FORMAT_EMAIL, "fire.eml");

    g_assert_cmpstr (cd_article_get_dateline (article), ==, "HAMBURG");
    g_assert_cmpstr (cd_article_get_body (article), ==, "A fire broke out.\n\nNo one was hurt.\n");
    g_assert_nonnull (strstr (cd_article_get_ednote (article), "The message opens: “Hi desk, here is my piece.”"));
  }
}

/* Agency copy by mail: the agency's service as the sender is the source,
 * and no writer; a page laid out in a table, the agency's kicker over the
 * headline again, the subheading under it the standfirst, the copyright
 * and the unsubscribing under a rule left for the note. */
static void
test_agency_mail (void)
{
  g_autoptr (CdArticle) afp =
      import_text ("From: AFP Alertes Sport <alertes@afp.example>\nSubject: Tennis: Moreau en quarts\n"
                   "Content-Type: text/plain; charset=utf-8\n\n"
                   "PARIS, 3 juin 2027 (AFP) - Le Français Lucas Moreau s'est qualifié mardi pour les quarts de finale de Roland-Garros.\n",
                   CD_IMPORT_FORMAT_EMAIL, "afp.eml");
  g_autoptr (CdArticle) ansa = import_text (
      "From: ANSA Servizi <servizi@ansa.example>\nSubject: Manovra, via libera del Cdm: 18 miliardi per cuneo fiscale e sanità\n"
      "Content-Type: text/html; charset=utf-8\n\n"
      "<html><body><table width=\"600\" align=\"center\"><tr><td>"
      "<p style=\"color:#c00\">ANSA - Servizio Economia</p>"
      "<h1>Manovra, via libera del Cdm: 18 miliardi per cuneo fiscale e sanità</h1>"
      "<h2>Giorgetti: conti in ordine, deficit sotto il 3% nel 2028</h2>"
      "<p>(ANSA) - ROMA, 15 OTT - Il Consiglio dei ministri ha approvato nella tarda serata il disegno di legge di bilancio per il 2028.</p>"
      "<p>Le opposizioni hanno criticato le coperture. (ANSA).</p><hr>"
      "<p style=\"font-size:10px\">&copy; Copyright ANSA - Riproduzione riservata.</p>"
      "</td></tr></table></body></html>\n",
      CD_IMPORT_FORMAT_EMAIL, "ansa.eml");

  g_assert_null (cd_article_get_byline (afp));
  g_assert_cmpstr (cd_article_get_source (afp), ==, "AFP");
  g_assert_null (cd_article_get_byline (ansa));
  g_assert_cmpstr (cd_article_get_source (ansa), ==, "ANSA");
  g_assert_cmpstr (cd_article_get_headline (ansa), ==, "Manovra, via libera del Cdm: 18 miliardi per cuneo fiscale e sanità");
  g_assert_cmpstr (cd_article_get_dek (ansa), ==, "Giorgetti: conti in ordine, deficit sotto il 3% nel 2028");
  g_assert_cmpstr (cd_article_get_dateline (ansa), ==, "ROMA");
  g_assert_cmpstr (cd_article_get_body (ansa), ==,
                   "Il Consiglio dei ministri ha approvato nella tarda serata il disegno di legge di bilancio per il 2028.\n\n"
                   "Le opposizioni hanno criticato le coperture.\n");
  g_assert_nonnull (cd_article_get_ednote (ansa));
  g_assert_nonnull (strstr (cd_article_get_ednote (ansa), "ANSA - Servizio Economia"));
  g_assert_nonnull (strstr (cd_article_get_ednote (ansa), "Riproduzione riservata"));
}

/* An agency's story by mail with its number and label in the subject
 * and again over the headline ("NNA-112" and "CORRECTED REPEAT" over
 * the headline), sent by its desk ("NNA English Desk"), signed with the
 * desk's initials and the time; a headline in capitals of a figure and
 * words stays the headline. */
static void
test_agency_mail_codes (void)
{
  g_autoptr (CdArticle) nna =
      import_text ("From: NNA English Desk <english@nna.example>\n"
                   "Subject: NNA-112 CORRECTED REPEAT Harbour tunnel to open to lorries in June\n"
                   "Content-Type: text/plain; charset=utf-8\n\n"
                   "NNA-112\n\nCORRECTED REPEAT\n\nHarbour tunnel to open to lorries in June\n\n"
                   "EDS: Correcting the length of the tunnel in para 2 (3.4 km, not 4.3 km).\n\n"
                   "PORT HALDEN, May 4, 2027 (NNA) - The harbour tunnel will open to lorries in June, the "
                   "transport ministry said today, two months after it opened to cars.\n\n"
                   "The 3.4 km tunnel is expected to take some 4,000 lorries a day off the coast road.\n\n"
                   "NNA/RTK/PLM/1530 hrs\n",
                   CD_IMPORT_FORMAT_EMAIL, "nna.eml");
  g_autoptr (CdArticle) caps =
      import_text ("From: Jo Lane <jo@paper.example>\nSubject: 5 DEAD IN FIRE\n"
                   "Content-Type: text/plain; charset=utf-8\n\n"
                   "5 DEAD IN FIRE\n\nFive people died when fire swept through a block of flats in the town centre "
                   "early on Sunday, police said.\n",
                   CD_IMPORT_FORMAT_EMAIL, "fire.eml");

  g_assert_cmpstr (cd_article_get_headline (nna), ==, "Harbour tunnel to open to lorries in June");
  g_assert_null (cd_article_get_byline (nna));
  g_assert_cmpstr (cd_article_get_source (nna), ==, "NNA");
  g_assert_cmpstr (cd_article_get_dateline (nna), ==, "PORT HALDEN");
  g_assert_cmpstr (cd_article_get_body (nna), ==,
                   "The harbour tunnel will open to lorries in June, the transport ministry said today, two months "
                   "after it opened to cars.\n\n"
                   "The 3.4 km tunnel is expected to take some 4,000 lorries a day off the coast road.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (nna), "CORRECTED REPEAT"));
  g_assert_nonnull (strstr (cd_article_get_ednote (nna), "NNA/RTK/PLM/1530 hrs"));
  g_assert_nonnull (strstr (cd_article_get_ednote (nna), "EDS: Correcting the length"));
  g_assert_cmpstr (cd_article_get_headline (caps), ==, "5 DEAD IN FIRE");
  g_assert_true (g_str_has_prefix (cd_article_get_body (caps), "Five people died"));
}

/* A small agency's alert: its short name in small letters, known to no
 * list, after the writer's name ("Von Jonas Petersen, hpa · 04.03.2025,
 * 11:48 Uhr", the time to the note) and in the dateline ("Hamburg (hpa) -
 * Der …"), which is the article's. */
static void
test_agency_alert_small_name (void)
{
  g_autoptr (CdArticle) alert = import_text (
      "From: hpa-Tagesdienst <tagesdienst@hpa.example>\nSubject: Hamburger Hafen verliert Marktanteile\n"
      "Content-Type: text/plain; charset=utf-8\n\n"
      "Hamburger Hafen verliert weiter Marktanteile an Rotterdam\n\n"
      "Von Jonas Petersen, hpa · 04.03.2025, 11:48 Uhr\n\n"
      "Hamburg (hpa) - Der Hamburger Hafen hat im vergangenen Jahr erneut Marktanteile an die Konkurrenz in "
      "Rotterdam verloren.\n\nDer Containerumschlag sank um 2,1 Prozent auf 7,6 Millionen Standardcontainer.\n",
      CD_IMPORT_FORMAT_EMAIL, "alert.eml");

  g_assert_cmpstr (cd_article_get_headline (alert), ==, "Hamburger Hafen verliert weiter Marktanteile an Rotterdam");
  g_assert_cmpstr (cd_article_get_byline (alert), ==, "Jonas Petersen, hpa");
  g_assert_cmpstr (cd_article_get_dateline (alert), ==, "Hamburg");
  g_assert_cmpstr (cd_article_get_source (alert), ==, "hpa");
  g_assert_nonnull (strstr (cd_article_get_ednote (alert), "04.03.2025, 11:48 Uhr"));
  g_assert_true (g_str_has_prefix (cd_article_get_body (alert), "Der Hamburger Hafen hat im vergangenen Jahr"));
}

/* A writer's own newsletter as its platform sends it in plain text: the
 * link to the post on the web over it goes, the sender "Ellen Park from
 * The Water Table" is the writer and the publication, and the call to
 * subscribe among the paragraphs goes to the note. */
static void
test_writer_newsletter (void)
{
  g_autoptr (CdArticle) post = import_text (
      "From: Ellen Park from The Water Table <thewatertable@letters.example>\n"
      "Subject: The quiet fight over who gets the river's next cut\n"
      "List-Unsubscribe: <https://thewatertable.letters.example/action/disable_email?token=x>\n"
      "Content-Type: text/plain; charset=utf-8\n\n"
      "View this post on the web at https://thewatertable.letters.example/p/the-quiet-fight-over-who-gets-the\n\n"
      "When the seven states that share the river missed another deadline last month, most of the coverage focused "
      "on the negotiators.\n\n"
      "Thanks for reading The Water Table! Subscribe for free to receive new posts and support my work.\n\n"
      "Whether those voluntary cuts add up to enough is the central question for the next round of talks.\n\n"
      "Unsubscribe https://thewatertable.letters.example/action/disable_email?token=x\n",
      CD_IMPORT_FORMAT_EMAIL, "post.eml");

  g_assert_cmpstr (cd_article_get_headline (post), ==, "The quiet fight over who gets the river's next cut");
  g_assert_cmpstr (cd_article_get_byline (post), ==, "Ellen Park");
  g_assert_cmpstr (cd_article_get_source (post), ==, "The Water Table");
  g_assert_cmpstr (cd_article_get_body (post), ==,
                   "When the seven states that share the river missed another deadline last month, most of the "
                   "coverage focused on the negotiators.\n\n"
                   "Whether those voluntary cuts add up to enough is the central question for the next round of talks.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (post), "Thanks for reading The Water Table! Subscribe for free"));
}

/* A Japanese paper's newsletter, its list's headers lost: its foot's
 * way out of the list ("配信停止") makes it a list's, so the issue's line
 * over the story and the link to read on go to the note; the section's
 * label in brackets over the headline ("【今日のトップニュース】") is a
 * kicker, and the headline, in a script without capitals, is no
 * sender's name; it tells the subject's story by its characters. */
static void
test_newsletter_japanese (void)
{
  g_autoptr (CdArticle) letter = import_text (
      "From: =?UTF-8?B?44G/44Gq44Go5paw6IGe?= <newsletter@minato.example>\n"
      "Subject: =?UTF-8?B?44CQ44G/44Gq44Go5paw6IGe44CR5Ye96aSo5biC6Zu744Gr5paw5Z6L5L2O5bqK6LuK5Lih44CA44G744GL?=\n"
      "Content-Type: text/plain; charset=utf-8\n\n"
      "みなと新聞 朝のニュースレター　2025年3月4日（火）\n\n"
      "【今日のトップニュース】\n函館市、路面電車に新型低床車両を導入へ　２０２６年度から\n\n"
      "函館市は３日、市電（路面電車）に新型の低床車両を２０２６年度から順次導入すると発表した。\n\n"
      "新型車両は床の高さを停留場のホームとほぼ同じにし、段差をなくす。\n\n"
      "記事の続きはこちら\nhttps://www.minato.example/articles/20250304-0012\n\n"
      "■その他の主なニュース\n・札幌の地下鉄、４月から運賃改定\n\n"
      "このメールは配信専用です。\n配信停止：https://mail.minato.example/unsubscribe?k=Zx81\n",
      CD_IMPORT_FORMAT_EMAIL, "letter.eml");

  g_assert_cmpstr (cd_article_get_headline (letter), ==, "函館市、路面電車に新型低床車両を導入へ　２０２６年度から");
  g_assert_cmpstr (cd_article_get_body (letter), ==,
                   "函館市は３日、市電（路面電車）に新型の低床車両を２０２６年度から順次導入すると発表した。\n\n"
                   "新型車両は床の高さを停留場のホームとほぼ同じにし、段差をなくす。\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (letter), "【今日のトップニュース】"));
  g_assert_nonnull (strstr (cd_article_get_ednote (letter), "朝のニュースレター"));
  g_assert_nonnull (strstr (cd_article_get_ednote (letter), "記事の続きはこちら"));
}

/* Forwards as mail programs of other languages set them: Thunderbird's
 * in Polish ("-------- Przekazana wiadomość --------", "Temat:",
 * "Nadawca:"), Outlook's in French with the space before the colon ("De
 * :", "Objet :"). The forwarded subject's release label goes to the
 * note, so the text's own headline is the story's (under the release's
 * place and date, which go to the note); a press office's department
 * ("Dział Promocji …") is no byline. */
static void
test_forward_languages (void)
{
  g_autoptr (CdArticle) polish = import_text (
      "From: Katarzyna Nowicka <k.nowicka@dziennik.example>\n"
      "Subject: =?UTF-8?B?RndkOiBLb211bmlrYXQgcHJhc293eTogTm9jIHoga3NpxIXFvGvEhSAxNC4wMw==?=\n"
      "Content-Type: text/plain; charset=UTF-8\n\n"
      "Marek, do wtorkowego wydania, strona 4.\n\nPozdrawiam\nKasia\n\n\n"
      "-------- Przekazana wiadomość --------\nTemat: \tKomunikat prasowy: Noc z książką 14.03\n"
      "Data: \tMon, 9 Mar 2026 14:20:03 +0100\n"
      "Nadawca: \tDział Promocji Biblioteki Elbląskiej <promocja@biblioteka.example>\n"
      "Adresat: \tredakcja@dziennik.example\n\n\n\nElbląg, 9 marca 2026 r.\n\n"
      "Nocne czytanie w bibliotece. W sobotę maraton literacki dla dzieci\n\n"
      "Biblioteka Elbląska zaprasza dzieci w wieku od 7 do 12 lat na „Noc z książką”, która odbędzie się w "
      "sobotę 14 marca.\n\nW programie są głośne czytanie, warsztaty ilustracji i wspólne śniadanie.\n",
      CD_IMPORT_FORMAT_EMAIL, "fwd.eml");
  g_autoptr (CdArticle) french = import_text (
      "From: Elodie Marchand <e.marchand@courrier.example>\nSubject: TR : Communiqué de presse – Mauges Express\n"
      "Content-Type: text/html; charset=utf-8\n\n"
      "<html><body><p>Pour info, le communiqué du syndicat ci-dessous.</p><p>Élodie</p><hr>"
      "<p><b>De :</b> Syndicat des transports &lt;communication@smtc.example&gt;<br><b>Envoyé :</b> lundi 9 mars 2026 "
      "17:48<br><b>À :</b> Élodie Marchand<br><b>Objet :</b> Communiqué de presse – Mauges Express</p>"
      "<p>Cholet, le 9 mars 2026 – À partir du lundi 6 avril, une ligne express reliera le centre de Cholet à la gare "
      "de Saumur.</p><p>Les cars desserviront également Vihiers et Doué-en-Anjou.</p></body></html>\n",
      CD_IMPORT_FORMAT_EMAIL, "tr.eml");

  g_assert_cmpstr (cd_article_get_headline (polish), ==, "Nocne czytanie w bibliotece. W sobotę maraton literacki dla dzieci");
  g_assert_null (cd_article_get_byline (polish));
  g_assert_true (g_str_has_prefix (cd_article_get_body (polish), "Biblioteka Elbląska zaprasza dzieci"));
  g_assert_nonnull (strstr (cd_article_get_ednote (polish), "Marek, do wtorkowego wydania"));
  g_assert_nonnull (strstr (cd_article_get_ednote (polish), "Komunikat prasowy"));

  g_assert_cmpstr (cd_article_get_headline (french), ==, "Mauges Express");
  g_assert_cmpstr (cd_article_get_dateline (french), ==, "Cholet");
  g_assert_cmpstr (cd_article_get_body (french), ==,
                   "À partir du lundi 6 avril, une ligne express reliera le centre de Cholet à la gare de Saumur.\n\n"
                   "Les cars desserviront également Vihiers et Doué-en-Anjou.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (french), "Pour info, le communiqué du syndicat"));
}

/* A newsletter that sets its lead picture and the caption over the
 * story's headline (under its logo and greeting), and the byline under
 * them: the headline is the
 * story's, the picture and caption open the body and the byline is the
 * article's. */
static void
test_newsletter_lead_picture (void)
{
  g_autoptr (CdArticle) letter = import_text (
      "From: Friesch Courant <nieuwsbrief@courant.example>\nSubject: Ochtendbericht: Leeuwarden krijgt waterstoftankstation voor bussen\n"
      "List-Id: <ochtend.courant.example>\nContent-Type: text/html; charset=utf-8\n\n"
      "<html><body><p><img src=\"https://courant.example/logo.png\" alt=\"Friesch Courant\"></p><p>Goedemorgen!</p>"
      "<p><img src=\"https://courant.example/bus.jpg\" alt=\"Een waterstofbus\"></p>"
      "<p>Een waterstofbus tijdens een proefrit in Leeuwarden.</p>"
      "<h1>Leeuwarden krijgt eerste waterstoftankstation</h1><p>Door Pieter Hoekstra</p>"
      "<p>Leeuwarden krijgt dit najaar het eerste waterstoftankstation van Friesland voor stadsbussen, maakte de "
      "provincie maandag bekend.</p><p>Vanaf december gaan er twintig waterstofbussen rijden op de stadslijnen.</p>"
      "</body></html>\n",
      CD_IMPORT_FORMAT_EMAIL, "letter.eml");

  g_assert_cmpstr (cd_article_get_headline (letter), ==, "Leeuwarden krijgt eerste waterstoftankstation");
  g_assert_cmpstr (cd_article_get_byline (letter), ==, "Pieter Hoekstra");
  g_assert_cmpstr (cd_article_get_source (letter), ==, "Friesch Courant");
  g_assert_cmpstr (cd_article_get_body (letter), ==,
                   "![Een waterstofbus](https://courant.example/bus.jpg)\n\n"
                   "Een waterstofbus tijdens een proefrit in Leeuwarden.\n\n"
                   "Leeuwarden krijgt dit najaar het eerste waterstoftankstation van Friesland voor stadsbussen, maakte "
                   "de provincie maandag bekend.\n\n"
                   "Vanaf december gaan er twintig waterstofbussen rijden op de stadslijnen.\n");
}

/* A story a reader shared from a site's form: the reader's words over
 * it go to the note, the subject's part after the colon is the headline,
 * the site (the sender "on behalf of" the reader) the source and no
 * byline; the story ends at its link to read on. Plain and in HTML. */
static void
test_shared_article (void)
{
  g_autoptr (CdArticle) plain = import_text (
      "From: \"The Coastal Times (on behalf of Anna Berg)\" <noreply@coastal.example>\n"
      "Subject: Anna Berg shared an article with you: Cornwall to trial four-day school week\n"
      "Content-Type: text/plain; charset=utf-8\n\n"
      "Anna Berg (anna@herald.example) thought you'd be interested in this article from The Coastal Times.\n\n"
      "Message from Anna:\nCould be a good follow-up for our education page?\n\n----\n\nEDUCATION\n\n"
      "Cornwall to trial four-day school week\n\n"
      "Twelve rural primary schools in Cornwall will move to a four-day week from September in a pilot.\n\n"
      "Pupils will attend for longer from Monday to Thursday, so total teaching time will stay the same.\n\n"
      "Continue reading on coastal.example:\nhttps://www.coastal.example/news/education/four-day-week-4412871?utm_source=share&utm_medium=email\n\n"
      "----\nYou received this email because Anna Berg entered your email address on coastal.example.\n",
      CD_IMPORT_FORMAT_EMAIL, "shared.eml");
  g_autoptr (CdArticle) html = import_text (
      "From: Harbour Light <share@harbour.example>\nSubject: Tom thinks you'd like this story: Ferry fares to rise 15%\n"
      "Content-Type: text/html; charset=utf-8\n\n"
      "<html><body><p><b>Tom Reed</b> wanted you to see this story from Harbour Light.</p><p>Worth a look.</p><hr>"
      "<h1>Ferry fares to rise 15%</h1>"
      "<p>Fares on the state ferry routes serving the islands will rise by 15% on June 1, the department said.</p>"
      "<p>The county council will discuss the increase at its meeting on March 11.</p>"
      "<p><a href=\"https://harbour.example/fares\">Read the full story</a></p></body></html>\n",
      CD_IMPORT_FORMAT_EMAIL, "shared.eml");

  g_assert_cmpstr (cd_article_get_headline (plain), ==, "Cornwall to trial four-day school week");
  g_assert_cmpstr (cd_article_get_source (plain), ==, "The Coastal Times");
  g_assert_null (cd_article_get_byline (plain));
  g_assert_cmpstr (cd_article_get_body (plain), ==,
                   "Twelve rural primary schools in Cornwall will move to a four-day week from September in a pilot.\n\n"
                   "Pupils will attend for longer from Monday to Thursday, so total teaching time will stay the same.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (plain), "thought you'd be interested in this article"));
  g_assert_nonnull (strstr (cd_article_get_ednote (plain), "Message from Anna: Could be a good follow-up"));
  g_assert_nonnull (strstr (cd_article_get_ednote (plain), "EDUCATION"));
  g_assert_nonnull (strstr (cd_article_get_ednote (plain), "Continue reading on coastal.example: https://www.coastal.example/"));

  g_assert_cmpstr (cd_article_get_headline (html), ==, "Ferry fares to rise 15%");
  g_assert_cmpstr (cd_article_get_source (html), ==, "Harbour Light");
  g_assert_null (cd_article_get_byline (html));
  g_assert_cmpstr (cd_article_get_body (html), ==,
                   "Fares on the state ferry routes serving the islands will rise by 15% on June 1, the department said.\n\n"
                   "The county council will discuss the increase at its meeting on March 11.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (html), "Tom Reed wanted you to see this story"));
}

/* A newsletter from a mailing list (its List-Unsubscribe header): its
 * hidden preview text and its link to read it in a browser go; the
 * issue's date over the story and the story's own headline under a
 * teasing subject; the sender is the publication, the "By" line the
 * writer; the story ends at its link to read on, and the list's other
 * items and its way out go to the note, links with their addresses. */
static void
test_newsletter (void)
{
  g_autoptr (CdArticle) letter = import_text (
      "From: Harbour Light News <editor@harbour.example>\nSubject: Ferry fares go up 15% - plus: weekend events\n"
      "List-Unsubscribe: <https://harbour.example/unsubscribe?u=1>\nContent-Type: text/html; charset=utf-8\n\n"
      "<html><body><table role=\"presentation\"><tr><td>"
      "<div style=\"display:none;max-height:0\">Islanders face higher fares from June. Here is what it means.</div>"
      "<p><a href=\"https://harbour.example/issue/412\">View this email in your browser</a></p>"
      "<p>Tuesday, March 4, 2025 &middot; Issue No. 412</p>"
      "<h1>State ferry fares to rise 15% this summer</h1><p>By Nora Whitfield</p>"
      "<p>Fares on the state ferry routes serving the islands will rise by 15% on June 1, the transport department "
      "announced on Monday.</p>"
      "<p>The county council will discuss the increase at its meeting on March 11.</p>"
      "<p><a href=\"https://harbour.example/2025/03/04/fares\">Read more on our website</a></p><hr>"
      "<h2>ALSO THIS WEEK</h2><ul><li><a href=\"https://harbour.example/school\">School district names new head</a></li></ul>"
      "<p>You are receiving this email because you signed up on our website. "
      "<a href=\"https://harbour.example/unsubscribe?u=1\">Unsubscribe</a></p>"
      "</td></tr></table></body></html>\n",
      CD_IMPORT_FORMAT_EMAIL, "letter.eml");

  g_assert_cmpstr (cd_article_get_headline (letter), ==, "State ferry fares to rise 15% this summer");
  g_assert_cmpstr (cd_article_get_byline (letter), ==, "Nora Whitfield");
  g_assert_cmpstr (cd_article_get_source (letter), ==, "Harbour Light News");
  g_assert_cmpstr (cd_article_get_body (letter), ==,
                   "Fares on the state ferry routes serving the islands will rise by 15% on June 1, the transport "
                   "department announced on Monday.\n\n"
                   "The county council will discuss the increase at its meeting on March 11.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (letter), "Tuesday, March 4, 2025 · Issue No. 412"));
  g_assert_nonnull (strstr (cd_article_get_ednote (letter), "Read more on our website (https://harbour.example/2025/03/04/fares)"));
  g_assert_nonnull (strstr (cd_article_get_ednote (letter), "School district names new head"));
  g_assert_nonnull (strstr (cd_article_get_ednote (letter), "Ferry fares go up 15%"));
  g_assert_null (strstr (cd_article_get_ednote (letter), "Islanders face higher fares"));

  /* In plain text: the link to view it in Spanish, the issue's day with
   * no year, the list's name after the publication's, the writer's place
   * after a middle dot. */
  {
    g_autoptr (CdArticle) plain = import_text (
        "From: Diario Turia · La Mañana <boletin@turia.example>\n"
        "Subject: La Mañana: Valencia frena los pisos turísticos\nList-Id: <manana.turia.example>\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Ver este correo en tu navegador: https://turia.example/b/412\n\n"
        "La Mañana · miércoles 5 de marzo\n\n"
        "Valencia prohibirá nuevos pisos turísticos en Ciutat Vella durante cinco años\n\n"
        "Autor: Lucía Ferrer · Valencia\n\n"
        "El Ayuntamiento de Valencia dejará de conceder nuevas licencias para pisos turísticos en el distrito de "
        "Ciutat Vella durante los próximos cinco años.\n\n"
        "Leer en la web: https://turia.example/valencia/moratoria\n\n"
        "Darse de baja: https://turia.example/baja\n",
        CD_IMPORT_FORMAT_EMAIL, "manana.eml");

    g_assert_cmpstr (cd_article_get_headline (plain), ==,
                     "Valencia prohibirá nuevos pisos turísticos en Ciutat Vella durante cinco años");
    g_assert_cmpstr (cd_article_get_byline (plain), ==, "Lucía Ferrer");
    g_assert_cmpstr (cd_article_get_source (plain), ==, "Diario Turia");
    g_assert_cmpstr (cd_article_get_body (plain), ==,
                     "El Ayuntamiento de Valencia dejará de conceder nuevas licencias para pisos turísticos en el "
                     "distrito de Ciutat Vella durante los próximos cinco años.\n");
    g_assert_nonnull (strstr (cd_article_get_ednote (plain), "La Mañana · miércoles 5 de marzo"));
    g_assert_nonnull (strstr (cd_article_get_ednote (plain), "Leer en la web: https://turia.example/valencia/moratoria"));
  }
}

/* A story sent from Outlook, in the HTML Word writes: a greeting with
 * its covering words, the headline in the Title style, lists set as
 * paragraphs with typed bullets and numbers behind downlevel-revealed
 * conditionals, a quotation in the Quote style, Office's "<o:p>" marks. */
static void
test_outlook_html (void)
{
#define LIST_ITEM(id, marker, text)                                                              \
  "<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:" id " level1 lfo1'>" \
  "<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>" marker  \
  "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span></span>"        \
  "<![endif]>" text "<o:p></o:p></p>"
  g_autoptr (CdArticle) article = import_text (
      "From: Priya Nair <priya@paper.example>\nSubject: Hospital parking charges - copy\n"
      "Content-Type: text/html; charset=utf-8\n\n"
      "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>"
      "<meta name=Generator content=\"Microsoft Word 15 (filtered medium)\"></head>"
      "<body><div class=WordSection1>"
      "<p class=MsoNormal>Hi desk, copy below for tomorrow. 420w.<o:p></o:p></p>"
      "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
      "<p class=MsoTitle>Hospital drops parking charges for night-shift staff<o:p></o:p></p>"
      "<p class=MsoNormal>By Priya Nair<o:p></o:p></p>"
      "<p class=MsoNormal>NURSES working night shifts will no longer pay to park, the trust said.<o:p></o:p></p>"
      "<p class=MsoQuote>“Nobody should pay to come to work,” said Carol Dean.<o:p></o:p></p>"
      /* clang-format off */
      "<p class=MsoNormal>The scheme will cost:<o:p></o:p></p>"
      LIST_ITEM ("l0", "&middot;", "&pound;180,000 a year in fees")
      LIST_ITEM ("l0", "&middot;", "&pound;20,000 for barriers")
      "<p class=MsoNormal>To apply:<o:p></o:p></p>"
      LIST_ITEM ("l1", "1.", "Ask for a pass")
      LIST_ITEM ("l1", "2.", "Show it at the barrier")
      "</div></body></html>\n",
      /* clang-format on */
      CD_IMPORT_FORMAT_EMAIL, "outlook.eml");
#undef LIST_ITEM

  g_assert_cmpstr (cd_article_get_headline (article), ==, "Hospital drops parking charges for night-shift staff");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Priya Nair");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "NURSES working night shifts will no longer pay to park, the trust said.\n\n"
                   "> “Nobody should pay to come to work,” said Carol Dean.\n\n"
                   "The scheme will cost:\n\n- £180,000 a year in fees\n- £20,000 for barriers\n\n"
                   "To apply:\n\n1. Ask for a pass\n2. Show it at the barrier\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "The message opens: “Hi desk, copy below for tomorrow. 420w.”"));
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "Hospital parking charges - copy"));
}

/* How reporters' mail really ends and starts: lines ended "\r\n" as
 * mail ends them (a legal warning wrapped over two lines over the copy);
 * a closing with the name on its line ("Thanks, Jane", "Cheers – Tom") or
 * alone ("Priya"), and the signature under it (job, paper, phones) cut
 * off, its numbers to the note; "Bien à vous," and "Diolch," closings; a
 * bold headline in Gmail's text ("*…*"); a desk's subject ("Court: …",
 * "… – 650 words") giving way to the copy's own headline, in capitals
 * too. */
static void
test_sign_offs (void)
{
  /* clang-format off */
  static const struct
  {
    const char *subject;
    const char *text;
    const char *headline;
    const char *body;
    const char *noted; /* in the note, or NULL */
  } cases[] = {
    { "Barnsley murder trial - jury out",
      "LEGAL WARNING: Jury is out. Do not refer to the defendant's previous\r\nconvictions under any "
      "circumstances.\r\n\r\nJury retires in Barnsley murder trial\r\n\r\nBy Ben Ashworth\r\n\r\n"
      "The jury in the trial has been sent out.\r\n\r\nThe trial continues.\r\n",
      "Jury retires in Barnsley murder trial",
      "The jury in the trial has been sent out.\n\nThe trial continues.\n",
      "LEGAL WARNING: Jury is out. Do not refer to the defendant's previous convictions under any "
      "circumstances." },
    { "Court: Scarborough assault",
      "LEGAL: Do not name the 15-year-old victim.\n\nMan jailed for attack on boy in Scarborough\n\n"
      "By Ben Ashworth\n\nA man who attacked a boy was jailed for three years.\n",
      "Man jailed for attack on boy in Scarborough",
      "A man who attacked a boy was jailed for three years.\n",
      "LEGAL: Do not name the 15-year-old victim." },
    { "Libraries copy for Tuesday",
      "Libraries to stay open on Sundays\n\nBy Jane Smith\n\nLeeds libraries will open on Sundays, the "
      "council said.\n\nThe decision will be taken in June.\n\nThanks, Jane\n\nJane Smith | Senior Reporter | "
      "Northern Post\nM: 07700 900123 | T: 0113 496 0571\n",
      "Libraries to stay open on Sundays",
      "Leeds libraries will open on Sundays, the council said.\n\nThe decision will be taken in June.\n",
      "Signature: Jane Smith | Senior Reporter | Northern Post M: 07700 900123 | T: 0113 496 0571" },
    { "Robbery on Oak Lane",
      "A shop on Oak Lane was robbed on Tuesday night, police said.\n\nNo one was hurt.\n\nJane\n\n"
      "Jane Smith Crime Reporter, West Riding Echo Tel: 01632 960 213\n",
      "Robbery on Oak Lane",
      "A shop on Oak Lane was robbed on Tuesday night, police said.\n\nNo one was hurt.\n",
      "01632 960 213" },
    { "copy - Whitby",
      "Crew rescued off Whitby\n\nBy Tom Reilly\n\nThree men were rescued.\n\nCheers – Tom\n\n"
      "Tom Reilly, freelance, 07700 900456\n",
      "Crew rescued off Whitby",
      "Three men were rescued.\n",
      "07700 900456" },
    { "Tramways",
      "Les tramways ne fonctionneront pas avant 9 heures.\n\nBien à vous,\n",
      "Tramways",
      "Les tramways ne fonctionneront pas avant 9 heures.\n",
      NULL },
    { "Marina - copy",
      "*Swansea marina homes plan approved*\n\nBy Jane Smith\n\nThe plan was approved on Tuesday.\n\n"
      "Diolch,\n",
      "Swansea marina homes plan approved",
      "The plan was approved on Tuesday.\n",
      NULL },
    /* Headlines in capitals, short or with figures, are no sender's name. */
    { "Whitby rescue",
      "FISHING BOAT CREW RESCUED OFF WHITBY\n\nBy Tom Reilly\n\nThree men were rescued.\n",
      "FISHING BOAT CREW RESCUED OFF WHITBY",
      "Three men were rescued.\n",
      "Whitby rescue" },
    { "graduate copy",
      "PENSIONER, 87, BECOMES OLDEST GRADUATE AT YORK UNIVERSITY\n\nBy Amy Lee\n\nA pensioner graduated.\n",
      "PENSIONER, 87, BECOMES OLDEST GRADUATE AT YORK UNIVERSITY",
      "A pensioner graduated.\n",
      "graduate copy" },
    /* A signature with no closing, led by the sender's name. */
    { "York floods",
      "Residents moved as Ouse floods York\n\nBy Jane Smith\n\nResidents were moved.\n\n"
      "Jane Smith | Reporter | Northern Post M: 07700 900 275\n",
      "Residents moved as Ouse floods York",
      "Residents were moved.\n",
      "Signature: Jane Smith | Reporter" },
    /* A covering line with no greeting, "FAO: News desk", a greeting with
     * a dash, labels under a greeting. */
    { "Farm rules",
      "Copy below, 650 words. Can take a new top.\n\nEU delays farm rules after protests\n\n"
      "By Oliver Grant\n\nBRUSSELS – The EU delayed its rules.\n",
      "EU delays farm rules after protests",
      "The EU delayed its rules.\n",
      "Copy below, 650 words." },
    { "NNA: Three Peaks grandmother",
      "FAO: News desk\n\nGrandmother, 92, conquers Three Peaks\n\nBy Sam Lee\n\n"
      "A grandmother climbed three peaks.\n",
      "Grandmother, 92, conquers Three Peaks",
      "A grandmother climbed three peaks.\n",
      "FAO: News desk" },
    { "Metro piece",
      "Hi desk – Metro piece below.\n\nMetro extension approved by ministers\n\nBy Amira Haddad\n\n"
      "Ministers approved the Metro.\n",
      "Metro extension approved by ministers",
      "Ministers approved the Metro.\n",
      "Hi desk – Metro piece below." },
    { "Tadcaster bridge",
      "Hi desk, filed below.\n\nSlug: tadcaster-bridge\nHed: Tadcaster bridge to close\n"
      "Dek: Drivers face a diversion\n\nThe bridge will close in July.\n",
      "Tadcaster bridge to close",
      "The bridge will close in July.\n",
      "Hi desk, filed below." },
    /* A headline and its standfirst in one paragraph, a line each, under
     * a greeting. */
    { "Metro extension piece",
      "Hi desk – Metro piece below.\r\n\r\nMetro extension to Washington could open by 2030\r\n"
      "A long-promised rail link has moved a step closer after ministers approved the business case\r\n\r\n"
      "By Amira Haddad\r\n\r\nMinisters approved the Metro.\r\n",
      "Metro extension to Washington could open by 2030",
      "Ministers approved the Metro.\n",
      "Hi desk – Metro piece below." },
    /* An Italian paper's byline in lower case; a headline that ends in a
     * word an organisation's name may end in ("club") over its standfirst
     * and "By" line. */
    { "pezzo Venezia ticket",
      "Venezia, il ticket d’accesso raddoppia nei weekend estivi\n\ndi Marco Rossi\n\n"
      "VENEZIA – Dal prossimo giugno il contributo d’accesso raddoppia.\n",
      "Venezia, il ticket d’accesso raddoppia nei weekend estivi",
      "Dal prossimo giugno il contributo d’accesso raddoppia.\n",
      "pezzo Venezia ticket" },
    { "Copy: refugee chefs supper club",
      "Refugee chefs turn Glasgow church hall into sell-out supper club\n\n"
      "Syrian and Afghan cooks are serving 80 diners a week\n\nBy Nadia Karim\n\n"
      "GLASGOW — There is a queue outside the church hall.\n",
      "Refugee chefs turn Glasgow church hall into sell-out supper club",
      "There is a queue outside the church hall.\n",
      "Copy: refugee chefs supper club" },
    /* A legal warning headed in stars, its text under the heading. */
    { "Luton school stabbing - guilty plea",
      "*** LEGAL WARNING ***\nReporting restrictions apply. The defendant is 16 and must not be named.\n*** ***\n\n"
      "Teenager admits stabbing classmate outside Luton school\n\nBy Chris Bannerman\n\nLUTON - A boy has admitted stabbing a pupil.\n",
      "Teenager admits stabbing classmate outside Luton school",
      "A boy has admitted stabbing a pupil.\n",
      "Reporting restrictions apply. The defendant is 16 and must not be named." },
    /* A company's disclaimers under the signature go; a reporter's end
     * mark with more to say goes to the note. */
    { "Freight fine",
      "Freight firm fined after derailment\n\nBy Tom Reilly\n\nA freight firm was fined £1.2m.\n\nThanks,\nTom\n\n"
      "Tom Reilly\nTransport Correspondent | Northern Post\nM: 07700 900461\n\n"
      "Please consider the environment before printing this email.\n\n"
      "This email and any attachments are confidential and may be legally privileged. They are intended solely "
      "for the addressee. If you have received this email in error, please notify the sender.\n",
      "Freight firm fined after derailment",
      "A freight firm was fined £1.2m.\n",
      "Tom Reilly Transport Correspondent | Northern Post M: 07700 900461" },
    { "Village hall copy",
      "Village hall saved after buy-out\n\nBy Pat Hennessy\n\nResidents have saved their village hall.\n\n"
      "The keys will be handed over on Saturday.\n\nCopy ends. 380 words. Pic from Pat on 07700 900 931.\n",
      "Village hall saved after buy-out",
      "Residents have saved their village hall.\n\nThe keys will be handed over on Saturday.\n",
      "Copy ends. 380 words. Pic from Pat on 07700 900 931." },
    /* A press office's signature with no closing over it, and the
     * disclaimer under it, in Spanish too. */
    { "Cyclist injured in Ipswich",
      "Appeal after cyclist injured in Ipswich crash\n\nPolice are appealing for witnesses.\n\n"
      "Anyone with information should call 101.\n\nCorporate Communications\nSuffolk Constabulary\n"
      "Tel: 01632 960 880 (not for publication)\n\nSuffolk Constabulary: This email and any attachments are "
      "confidential and intended solely for the addressee.\n",
      "Appeal after cyclist injured in Ipswich crash",
      "Police are appealing for witnesses.\n\nAnyone with information should call 101.\n",
      "Signature: Corporate Communications Suffolk Constabulary Tel: 01632 960 880 (not for publication)" },
    { "Bibliotecas",
      "Las bibliotecas abren de noche\n\nEl Ayuntamiento ampliará el horario de las bibliotecas.\n\n"
      "Gabinete de Comunicación\nAyuntamiento de Valencia\nTel. 963 000 111 / prensa@valencia.example.es\n\n"
      "Este mensaje y sus archivos adjuntos van dirigidos exclusivamente a su destinatario, pudiendo contener "
      "información confidencial.\n",
      "Las bibliotecas abren de noche",
      "El Ayuntamiento ampliará el horario de las bibliotecas.\n",
      "963 000 111" },
    /* A reply over the commission it answers, as Gmail quotes it ("On …
     * wrote:", over two lines), or a German mail program ("Am …
     * schrieb …:"): the reply is the story, under a covering line. */
    { "Re: 400 words on the steelworks ballot?",
      "Here you go – 410 words. Couldn't get the company to comment.\n\n*Steelworkers vote to strike over pensions*\n\n"
      "By Jane Smith\n\nHARTLEPOOL — Workers at the pipe mill have voted to strike over changes to their pension scheme, the union said on Tuesday. Of the 612 members balloted, 87 per cent backed walkouts on a turnout of 74 per cent, clearing the legal thresholds. The union says the company plans to close its final salary scheme and move staff to a scheme it claims would leave a typical worker £4,000 a year worse off in retirement. The first stoppage is expected later this month unless talks resume.\n\nJane\n\n"
      "On Tue, 4 May 2027 at 09:12, Newsdesk <newsdesk@paper.example>\nwrote:\n\n> Hi Jane,\n>\n"
      "> Can you give us 400 words on the ballot result by 3pm?\n>\n> Thanks,\n> Dan\n",
      "Steelworkers vote to strike over pensions",
      "Workers at the pipe mill have voted to strike over changes to their pension scheme, the union said on Tuesday. Of the 612 members balloted, 87 per cent backed walkouts on a turnout of 74 per cent, clearing the legal thresholds. The union says the company plans to close its final salary scheme and move staff to a scheme it claims would leave a typical worker £4,000 a year worse off in retirement. The first stoppage is expected later this month unless talks resume.\n",
      "In reply to Newsdesk <newsdesk@paper.example>: “Hi Jane, Can you give us 400 words on the ballot result by 3pm? "
      "Thanks, Dan”" },
    { "AW: Streik im Rohrwerk",
      "Steelworkers vote to strike over pensions\n\nBy Jane Smith\n\nHARTLEPOOL — Workers at the pipe mill have voted to strike over changes to their pension scheme, the union said on Tuesday. Of the 612 members balloted, 87 per cent backed walkouts on a turnout of 74 per cent, clearing the legal thresholds. The union says the company plans to close its final salary scheme and move staff to a scheme it claims would leave a typical worker £4,000 a year worse off in retirement. The first stoppage is expected later this month unless talks resume.\n\n"
      "Am 04.05.2027 um 09:12 schrieb Newsdesk <newsdesk@paper.example>:\n> Bitte 400 Zeilen bis 15 Uhr.\n",
      "Steelworkers vote to strike over pensions",
      "Workers at the pipe mill have voted to strike over changes to their pension scheme, the union said on Tuesday. Of the 612 members balloted, 87 per cent backed walkouts on a turnout of 74 per cent, clearing the legal thresholds. The union says the company plans to close its final salary scheme and move staff to a scheme it claims would leave a typical worker £4,000 a year worse off in retirement. The first stoppage is expected later this month unless talks resume.\n",
      "In reply to Newsdesk <newsdesk@paper.example>: “Bitte 400 Zeilen bis 15 Uhr.”" },
    /* A covering line right over the headline, with no "By" line or
     * dateline under it. */
    { "council tax",
      "Here is my piece for tomorrow, 400 words.\n\nCouncil tax to rise by five per cent in April\n\n"
      "Council tax bills will rise by five per cent in April, the council said.\n\nThe rise was agreed.\n\nJane\n",
      "Council tax to rise by five per cent in April",
      "Council tax bills will rise by five per cent in April, the council said.\n\nThe rise was agreed.\n",
      "The message opens: “Here is my piece for tomorrow, 400 words.”" },
    /* A release's contact block, its label on a line of its own. */
    { "Médiathèque",
      "La médiathèque ouvre samedi\n\nBORDEAUX – La médiathèque ouvre ses portes samedi.\n\n"
      "Contact presse :\nSophie Martin – 05 56 10 20 30\n",
      "La médiathèque ouvre samedi",
      "La médiathèque ouvre ses portes samedi.\n",
      "05 56 10 20 30" },
    { "BRUSSELS: EU farm rules – 650 words",
      "EU delays farm rules after protests\n\nBy Oliver Grant\n\nBRUSSELS – The EU delayed its rules on "
      "Tuesday.\n",
      "EU delays farm rules after protests",
      "The EU delayed its rules on Tuesday.\n",
      NULL },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = g_strdup_printf ("From: Jane Smith <jane@paper.example>\r\nSubject: %s\r\n"
                                                  "Content-Type: text/plain; charset=utf-8\r\n\r\n%s",
                                                  cases[i].subject, cases[i].text);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "copy.eml");

      g_test_message ("%u: %s | %s", i, cd_article_get_body (article), cd_article_get_ednote (article));
      g_assert_cmpstr (cd_article_get_headline (article), ==, cases[i].headline);
      g_assert_cmpstr (cd_article_get_body (article), ==, cases[i].body);
      if (cases[i].noted != NULL)
        g_assert_nonnull (strstr (cd_article_get_ednote (article), cases[i].noted));
    }
  /* The lower-case "di" line is the byline, not the standfirst. */
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Marco Rossi <marco@giornale.example>\nSubject: pezzo Venezia\nContent-Type: text/plain; charset=utf-8\n\n"
        "Venezia, il ticket raddoppia nei weekend estivi\n\ndi Marco Rossi\n\nVENEZIA – Il contributo raddoppia.\n",
        CD_IMPORT_FORMAT_EMAIL, "pezzo.eml");

    g_assert_cmpstr (cd_article_get_byline (article), ==, "Marco Rossi");
    g_assert_true (cd_text_is_blank (cd_article_get_dek (article)));
  }
  /* A reply with the commission quoted under it ("-----Original
   * Message-----"), to "Jo,": the story is the reply's, its headline its
   * own (the subject is the commission's); the commission goes to the
   * note. It was read as a forward: the commission was the story, the
   * copy in the note. */
  {
    g_autoptr (GString) message = g_string_new ("From: Gareth Evans <gareth@agency.example>\r\n"
                                                "Subject: RE: Davies sentencing - Swansea Crown Court\r\n"
                                                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                                                "Jo,\r\n\r\nSentencing copy below.\r\n\r\n"
                                                "Builder jailed for defrauding elderly customers\r\n\r\n"
                                                "By Gareth Evans\r\n\r\nSWANSEA - A builder was jailed for six years.\r\n");
    g_autoptr (CdArticle) article = NULL;

    for (guint i = 0; i < 12; i++)
      g_string_append (message, "\r\nHe took money from 23 householders across south Wales, the court heard.\r\n");
    g_string_append (message, "\r\n-----Original Message-----\r\nFrom: Jo Pritchard <jo@daily.example>\r\n"
                              "Sent: 11 January 2027 08:30\r\nTo: Gareth Evans <gareth@agency.example>\r\n"
                              "Subject: Davies sentencing - Swansea Crown Court\r\n\r\n"
                              "Gareth - can you cover the Davies sentencing today? 350 words by 4 please.\r\n\r\nJo\r\n");
    article = import_text (message->str, CD_IMPORT_FORMAT_EMAIL, "reply.eml");
    g_assert_cmpstr (cd_article_get_headline (article), ==, "Builder jailed for defrauding elderly customers");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Gareth Evans");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "SWANSEA");
    g_assert_true (g_str_has_prefix (cd_article_get_body (article), "A builder was jailed for six years.\n"));
    g_assert_null (strstr (cd_article_get_body (article), "can you cover"));
    g_assert_nonnull (strstr (cd_article_get_ednote (article), "In reply to Jo Pritchard"));
    g_assert_nonnull (strstr (cd_article_get_ednote (article), "The message opens: “Jo, Sentencing copy below.”"));
  }
}

/* A press office's message has no byline from its sender: a sender named
 * as an office ("Northshire Police Press Office", "Service presse Ville
 * de Bordeaux"), or a person who sends a release (its line to the desk,
 * its embargo). A reporter's copy keeps the sender's name. */
static void
test_press_office_byline (void)
{
  /* clang-format off */
  static const struct
  {
    const char *from;
    const char *text;
    const char *byline;
  } cases[] = {
    { "Northshire Police Press Office <media@police.example>",
      "Man charged after Otley burglary\n\nA man has been charged after a burglary in Otley.\n",
      NULL },
    { "Service presse Ville de Bordeaux <presse@bordeaux.example>",
      "Ouverture de la médiathèque\n\nLa médiathèque ouvre ses portes samedi.\n",
      NULL },
    { "Emma Clarke <emma@pr-agency.example>",
      "FOR IMMEDIATE RELEASE\n\nBrewery opens visitor centre\n\nLEEDS, 3 March 2027 – A brewery opened a centre.\n\n"
      "Notes to editors\n\nThe brewery was founded in 1901.\n",
      NULL },
    { "Jane Smith <jane@paper.example>",
      "Otley bakery wins award\n\nA baker from Otley has been named the best in Britain.\n",
      "Jane Smith" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = g_strdup_printf ("From: %s\nSubject: Story\nContent-Type: text/plain; "
                                                  "charset=utf-8\n\n%s",
                                                  cases[i].from, cases[i].text);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "story.eml");

      if (cases[i].byline == NULL)
        g_assert_true (cd_text_is_blank (cd_article_get_byline (article)));
      else
        g_assert_cmpstr (cd_article_get_byline (article), ==, cases[i].byline);
    }
}

/* A message with HTML only: links and emphasis as Markdown, "Re:" off
 * the subject, a sender with no name by address. */
static void
test_html_only (void)
{
  g_autoptr (CdArticle) article = import_text (
      "From: desk@example.net\n"
      "Subject: RE: Re: Storm update\n"
      "Date: Sun, 6 Dec 2026 07:15:00 +0000\n"
      "Content-Type: text/html; charset=utf-8\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "PGRpdj48cD5UaGUgc3Rvcm0gaXMgPGI+d2Vha2VuaW5nPC9iPiwgc2F5cyB0aGUgPGEgaHJlZj0i\n"
      "aHR0cHM6Ly9leGFtcGxlLm9yZy9tZXQiPndlYXRoZXIgc2VydmljZTwvYT4uPC9wPjwvZGl2Pg==\n",
      CD_IMPORT_FORMAT_EMAIL, "update.eml");

  g_assert_cmpstr (cd_article_get_headline (article), ==, "Storm update");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "desk@example.net");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "The storm is **weakening**, says the [weather service](https://example.org/met).\n");
  g_assert_cmpstr (cd_article_get_ednote (article), ==,
                   "Emailed by desk@example.net on 2026-12-06 07:15 +0000.");
}

/* A story or a release emailed under a short subject, its text opening
 * with its own headline that tells the same story: the headline is the
 * text's (it was the standfirst, or the story's first paragraph), the
 * subject goes to the note; a feature's standfirst over its "By" line is
 * the standfirst. Not where the first line tells another story (a
 * standfirst under the subject's headline), nor where it is the sender's
 * name. */
static void
test_own_headline (void)
{
  static const char *const bodies[] = {
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Leaked report finds 40% of prisons unsafe\n\nBy Priya Nair\n\n"
    "LONDON, 3 March 2026 – Four in ten prisons are unsafe, a leaked report says.\n\n"
    "The ministry said it would respond.\n",
    "Content-Type: text/html; charset=utf-8\n\n"
    "<p><b>Leaked report finds 40% of prisons unsafe</b></p><p>By Priya Nair</p>"
    "<p>LONDON, 3 March 2026 – Four in ten prisons are unsafe, a leaked report says.</p>"
    "<p>The ministry said it would respond.</p>\n",
    /* The time a wire service sent it over the headline. */
    "Content-Type: text/plain; charset=utf-8\n\n"
    "March 03, 2026 08:00 AM Eastern Standard Time\n\n"
    "Leaked report finds 40% of prisons unsafe\n\n"
    "LONDON, 3 March 2026 – Four in ten prisons are unsafe, a leaked report says.\n\n"
    "The ministry said it would respond.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *message = g_strconcat ("From: Press Office <press@paper.example>\n"
                                              "Subject: Leaked prisons report\nMIME-Version: 1.0\n",
                                              bodies[i], NULL);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "story.eml");

      g_test_message ("%s", cd_article_get_ednote (article));
      g_assert_cmpstr (cd_article_get_headline (article), ==, "Leaked report finds 40% of prisons unsafe");
      g_assert_true (cd_text_is_blank (cd_article_get_dek (article)));
      g_assert_cmpstr (cd_article_get_dateline (article), ==, "LONDON");
      g_assert_cmpstr (cd_article_get_body (article), ==,
                       "Four in ten prisons are unsafe, a leaked report says.\n\nThe ministry said it would respond.\n");
      g_assert_nonnull (strstr (cd_article_get_ednote (article), "Leaked prisons report"));
      if (i < 2)
        g_assert_cmpstr (cd_article_get_byline (article), ==, "Priya Nair");
      else
        g_assert_nonnull (strstr (cd_article_get_ednote (article), "March 03, 2026 08:00 AM Eastern Standard Time"));
    }
  /* A release as text, its sender's name over its line to the desk: its
   * headline was lost. */
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Press Office <press@tfl.example>\nSubject: TfL press release\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Transport for London\n\nPRESS RELEASE\n\nTube fares to be frozen for a second year\n\n"
        "LONDON, 3 March 2026 – Fares on the Underground will be frozen, the Mayor said.\n",
        CD_IMPORT_FORMAT_EMAIL, "release.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Tube fares to be frozen for a second year");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "LONDON");
    g_assert_cmpstr (cd_article_get_body (article), ==, "Fares on the Underground will be frozen, the Mayor said.\n");
    g_assert_nonnull (strstr (cd_article_get_ednote (article), "Transport for London — PRESS RELEASE"));
    g_assert_nonnull (strstr (cd_article_get_ednote (article), "TfL press release"));
  }
  /* A comment: its headline, its standfirst in italic, its "By" line,
   * no dateline. */
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Press Office <press@paper.example>\nSubject: Op-ed: the cost of childcare\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        "<p><b>We need to talk about the cost of childcare</b></p>"
        "<p><i>Parents are paying more for nursery than for rent</i></p><p>By Amira Shah</p>"
        "<p>Every September, thousands of parents do the sum.</p><p>It does not add up.</p>\n",
        CD_IMPORT_FORMAT_EMAIL, "comment.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "We need to talk about the cost of childcare");
    g_assert_cmpstr (cd_article_get_dek (article), ==, "Parents are paying more for nursery than for rent");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Amira Shah");
    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "Every September, thousands of parents do the sum.\n\nIt does not add up.\n");
  }
  /* A subject that only labels the copy ("Column for Sat 14th"), and a
   * legal warning over the copy: the copy's own headline, the warning to
   * the note (it opened the story). */
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Jo Hart <jo@paper.example>\nSubject: Column for Sat 14th\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Nobody ever regretted closing the laptop at six\n\nBy Jo Hart\n\nThe office empties at five.\n",
        CD_IMPORT_FORMAT_EMAIL, "column.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Nobody ever regretted closing the laptop at six");
    g_assert_true (cd_text_is_blank (cd_article_get_dek (article)));
    g_assert_cmpstr (cd_article_get_body (article), ==, "The office empties at five.\n");
    g_assert_nonnull (strstr (cd_article_get_ednote (article), "Column for Sat 14th"));
  }
  /* A headline typed in capitals under such a subject, as text and as
   * HTML: a headline, not a sender's name (a short line in capitals). */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *message = g_strconcat (
          "From: Tom Reyes <tom@paper.example>\nSubject: Whitby boat sinking - 300w\n",
          i == 0 ? "Content-Type: text/plain; charset=utf-8\n\n"
                   "FOUR FISHERMEN RESCUED AS TRAWLER SINKS OFF WHITBY\n\nBy Tom Reyes\n\n"
                   "Four fishermen were plucked from the North Sea on Sunday.\n"
                 : "Content-Type: text/html; charset=utf-8\n\n"
                   "<p>FOUR FISHERMEN RESCUED AS TRAWLER SINKS OFF WHITBY</p><p>By Tom Reyes</p>"
                   "<p>Four fishermen were plucked from the North Sea on Sunday.</p>\n",
          NULL);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "boat.eml");

      g_assert_cmpstr (cd_article_get_headline (article), ==, "FOUR FISHERMEN RESCUED AS TRAWLER SINKS OFF WHITBY");
      g_assert_true (cd_text_is_blank (cd_article_get_dek (article)));
      g_assert_cmpstr (cd_article_get_body (article), ==, "Four fishermen were plucked from the North Sea on Sunday.\n");
      g_assert_nonnull (strstr (cd_article_get_ednote (article), "Whitby boat sinking - 300w"));
    }
  /* A review: its headline in bold set over two lines, its stars, its
   * "By" line. The headline is one; the stars stay on top of the story
   * (they were the standfirst). */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *message = g_strconcat (
          "From: Jo Hart <jo@paper.example>\nSubject: theatre review for Sat\n",
          i == 0 ? "Content-Type: text/plain; charset=utf-8\n\n"
                   "A Doll's House, Crucible Theatre: a slammed door that still echoes\n\n★★★★☆\n\n"
                   "By Jo Hart\n\nIbsen's play is 147 years old, and it felt new on Tuesday.\n"
                 : "Content-Type: text/html; charset=utf-8\n\n"
                   "<p><b>A Doll's House, Crucible Theatre:<br>a slammed door that still echoes</b></p>"
                   "<p>★★★★☆</p><p>By Jo Hart</p>"
                   "<p>Ibsen's play is 147 years old, and it felt new on Tuesday.</p>\n",
          NULL);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "review.eml");

      g_assert_cmpstr (cd_article_get_headline (article), ==,
                       "A Doll's House, Crucible Theatre: a slammed door that still echoes");
      g_assert_true (cd_text_is_blank (cd_article_get_dek (article)));
      g_assert_cmpstr (cd_article_get_body (article), ==,
                       "★★★★☆\n\nIbsen's play is 147 years old, and it felt new on Tuesday.\n");
      g_assert_nonnull (strstr (cd_article_get_ednote (article), "theatre review for Sat"));
    }
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Press Office <press@northshore.example>\nSubject: Flood barrier copy\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "NORTHSHORE FLOOD ACTION GROUP\n\nBy Ann Lee\n\nThe group has welcomed the barrier.\n",
        CD_IMPORT_FORMAT_EMAIL, "group.eml");

    g_assert_cmpstr (cd_article_get_headline (article), !=, "NORTHSHORE FLOOD ACTION GROUP");
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *message = g_strconcat (
          "From: Megan Pryce <megan@paper.example>\nSubject: LEGAL - Lloyd trial day 1 copy\n",
          i == 0 ? "Content-Type: text/plain; charset=utf-8\n\n"
                   "LEGAL WARNING: Trial continuing. Do not report previous convictions.\n\n"
                   "Driving instructor denies assault\n\nBy Megan Pryce\n\n"
                   "CARDIFF – A driving instructor denied assaulting a learner.\n"
                 : "Content-Type: text/html; charset=utf-8\n\n"
                   "<p><b>LEGAL WARNING: Trial continuing. Do not report previous convictions.</b></p>"
                   "<p><b>Driving instructor denies assault</b></p><p>By Megan Pryce</p>"
                   "<p>CARDIFF – A driving instructor denied assaulting a learner.</p>\n",
          NULL);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "court.eml");

      g_assert_cmpstr (cd_article_get_headline (article), ==, "Driving instructor denies assault");
      g_assert_cmpstr (cd_article_get_byline (article), ==, "Megan Pryce");
      g_assert_cmpstr (cd_article_get_body (article), ==, "A driving instructor denied assaulting a learner.\n");
      g_assert_nonnull (strstr (cd_article_get_ednote (article),
                                "LEGAL WARNING: Trial continuing. Do not report previous convictions."));
    }
  /* A standfirst that tells more under the subject's headline, and a
   * sender's name over the story: the subject stays the headline. */
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Press Office <press@northshore.example>\nSubject: Council approves flood barrier\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Work on the £40 million scheme starts in spring\n\n"
        "NORTHSHORE, 3 March 2026 – The borough council has approved a tidal barrier.\n",
        CD_IMPORT_FORMAT_EMAIL, "release.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves flood barrier");
    g_assert_cmpstr (cd_article_get_dek (article), ==, "Work on the £40 million scheme starts in spring");
  }
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Press Office <press@northshore.example>\nSubject: Northshore Borough Council flood barrier\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        "<p><b>Northshore Borough Council</b></p>"
        "<p>NORTHSHORE, 3 March 2026 – The borough council has approved a tidal barrier.</p>\n",
        CD_IMPORT_FORMAT_EMAIL, "release.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Northshore Borough Council flood barrier");
  }
}

/* A press release emailed under a short subject, in HTML and as text: its
 * sender's letterhead and "NEWS RELEASE" above its own headline in bold.
 * The headline is the release's, its dateline read; the subject, the
 * letterhead and the line go to the note. */
/* A template's labelled lines at the top of the copy ("SLUG:", "HED:",
 * "DEK:", "BYLINE:", "WORDS:") give their fields, in a message as text and
 * as HTML: a paragraph a label, labels in bold, lines broken with <br>. */
static void
test_template_labels (void)
{
  static const char *const bodies[] = {
    "Content-Type: text/plain; charset=utf-8\n\n"
    "SLUG: council-budget\nHED: Council passes budget with late cuts\n"
    "DEK: Libraries and buses spared after a night of talks\nBYLINE: Sam Reporter\nWORDS: 450\n\n"
    "The city council passed its budget on Monday night after eight hours of debate.\n\n"
    "\"We listened,\" the mayor said.\n",
    "Content-Type: text/html; charset=utf-8\n\n"
    "<div>SLUG: council-budget</div><div>HED: Council passes budget with late cuts</div>"
    "<div>DEK: Libraries and buses spared after a night of talks</div><div>BYLINE: Sam Reporter</div>"
    "<div>WORDS: 450</div><div><br></div>"
    "<div>The city council passed its budget on Monday night after eight hours of debate.</div>"
    "<div><br></div><div>\"We listened,\" the mayor said.</div>\n",
    "Content-Type: text/html; charset=utf-8\n\n"
    "<p><b>SLUG:</b> council-budget<br><b>HED:</b> Council passes budget with late cuts<br>"
    "<b>DEK:</b> Libraries and buses spared after a night of talks<br><b>BYLINE:</b> Sam Reporter<br>"
    "<b>WORDS:</b> 450</p>"
    "<p>The city council passed its budget on Monday night after eight hours of debate.</p>"
    "<p>\"We listened,\" the mayor said.</p>\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *message = g_strconcat ("From: Sam Reporter <sam@paper.example>\n"
                                              "Subject: copy: council budget\nMIME-Version: 1.0\n",
                                              bodies[i], NULL);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "copy.eml");

      g_test_message ("body %u: %s", i, cd_article_get_body (article));
      g_assert_cmpstr (cd_article_get_headline (article), ==, "Council passes budget with late cuts");
      g_assert_cmpstr (cd_article_get_dek (article), ==, "Libraries and buses spared after a night of talks");
      g_assert_cmpstr (cd_article_get_slug (article), ==, "council-budget");
      g_assert_cmpstr (cd_article_get_byline (article), ==, "Sam Reporter");
      g_assert_cmpuint (cd_article_get_length_target (article), ==, 450);
      /* The subject, which only labelled the copy, is the note's. */
      g_assert_nonnull (strstr (cd_article_get_ednote (article), "copy: council budget"));
      g_assert_cmpstr (cd_article_get_body (article), ==,
                       "The city council passed its budget on Monday night after eight hours of debate.\n\n"
                       "\"We listened,\" the mayor said.\n");
    }
}

/* A house template's head, as a reporter fills it in: the slug in
 * capitals, a kicker, the pictures wanted, and "COPY:" over the story
 * (Outlook's text and its HTML). */
static void
test_house_template (void)
{
  /* clang-format off */
  static const char *const bodies[] = {
    "Content-Type: text/plain; charset=utf-8\n\n"
    "SLUG: ANALYSIS-INTEREST-RATES\nKICKER: Analysis\n"
    "HEADLINE: Why the Bank is in no hurry to cut rates\n"
    "STANDFIRST: Inflation is falling, but policymakers fear a second wave\n"
    "BYLINE: Priya Natarajan, Economics Editor\nWORDS: 950\n"
    "PICTURES: Library shot of Threadneedle Street, please\nCOPY:\n\n"
    "When the committee meets on Thursday, the markets expect it to hold rates.\n\n"
    "Note: the Bank's agents report firms plan bigger price rises.\n",
    "Content-Type: text/html; charset=utf-8\n\n"
    "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><div class=WordSection1>"
    "<p class=MsoNormal>SLUG: ANALYSIS-INTEREST-RATES<o:p></o:p></p>"
    "<p class=MsoNormal>KICKER: Analysis<o:p></o:p></p>"
    "<p class=MsoNormal>HEADLINE: Why the Bank is in no hurry to cut rates<o:p></o:p></p>"
    "<p class=MsoNormal>STANDFIRST: Inflation is falling, but policymakers fear a second wave<o:p></o:p></p>"
    "<p class=MsoNormal>BYLINE: Priya Natarajan, Economics Editor<o:p></o:p></p>"
    "<p class=MsoNormal>WORDS: 950<o:p></o:p></p>"
    "<p class=MsoNormal>PICTURES: Library shot of Threadneedle Street, please<o:p></o:p></p>"
    "<p class=MsoNormal>COPY:<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
    "<p class=MsoNormal>When the committee meets on Thursday, the markets expect it to hold rates.<o:p></o:p></p>"
    "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
    "<p class=MsoNormal>Note: the Bank's agents report firms plan bigger price rises.<o:p></o:p></p>"
    "</div></body></html>\n",
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *message = g_strconcat ("From: \"Natarajan, Priya\" <priya@paper.example>\n"
                                              "Subject: Rates analysis for Weds\nMIME-Version: 1.0\n",
                                              bodies[i], NULL);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "copy.eml");
      const char *note = cd_article_get_ednote (article);

      g_test_message ("body %u: %s", i, cd_article_get_body (article));
      g_assert_cmpstr (cd_article_get_headline (article), ==, "Why the Bank is in no hurry to cut rates");
      g_assert_cmpstr (cd_article_get_dek (article), ==, "Inflation is falling, but policymakers fear a second wave");
      g_assert_cmpstr (cd_article_get_byline (article), ==, "Priya Natarajan, Economics Editor");
      /* The slug as the story's address. */
      g_assert_cmpstr (cd_article_get_slug (article), ==, "analysis-interest-rates");
      g_assert_cmpuint (cd_article_get_length_target (article), ==, 950);
      g_assert_nonnull (strstr (note, "Kicker: Analysis"));
      g_assert_nonnull (strstr (note, "Pictures: Library shot of Threadneedle Street, please"));
      /* The story starts under "COPY:"; a line of its own that reads as
       * a label stays the story's. */
      g_assert_cmpstr (cd_article_get_body (article), ==,
                       "When the committee meets on Thursday, the markets expect it to hold rates.\n\n"
                       "Note: the Bank's agents report firms plan bigger price rises.\n");
    }
}

/* A release sent through a mailing list's program, in the text it
 * writes: the line to read it on the web over it, its embargo, the
 * agency's covering line, the headline as "** …" over a rule, and its
 * footer under "ENDS". */
static void
test_mailing_list_release (void)
{
  const char *message =
      "From: Olivia Marsh at Brightside PR <olivia@pr.example>\nSubject: EMBARGOED: Basketful raises £12m\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
      "View this email in your browser (https://mailer.example/basketful?e=5f2c)\n\n"
      "Embargoed until 10:00 GMT, Tuesday 12 January 2027\n\n"
      "On behalf of our client Basketful, please find below news of its funding round.\n\n"
      "** Grocery app Basketful raises £12m to expand across the north\n"
      "------------------------------------------------------------\n\n"
      "Basketful, the app that delivers groceries from independent shops, has raised £12 million.\n\n"
      "The company says the funding will create 200 jobs.\n\nENDS\n\n"
      "For further information, please contact:\nOlivia Marsh, Brightside PR\nolivia@pr.example | 020 7946 0588\n\n"
      "============================================================\n"
      "Copyright © 2027 Brightside PR, All rights reserved.\n";
  g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "release.eml");
  g_autoptr (GDateTime) embargo = g_date_time_new_utc (2027, 1, 12, 10, 0, 0);
  const char *note = cd_article_get_ednote (article);

  g_test_message ("%s", note);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Grocery app Basketful raises £12m to expand across the north");
  g_assert_nonnull (cd_article_get_embargo (article));
  g_assert_true (g_date_time_equal (cd_article_get_embargo (article), embargo));
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "Basketful, the app that delivers groceries from independent shops, has raised £12 million.\n\n"
                   "The company says the funding will create 200 jobs.\n");
  g_assert_nonnull (strstr (note, "The message opens: “On behalf of our client Basketful"));
  g_assert_nonnull (strstr (note, "020 7946 0588"));
  /* The web's line and the rule say nothing to the desk. */
  g_assert_null (strstr (note, "browser"));
  g_assert_null (strstr (note, "==="));
}

static void
test_release (void)
{
  static const char *const bodies[] = {
    "Content-Type: text/html; charset=utf-8\n\n"
    "<html><body><p><b>Northshore Borough Council</b><br>Town Hall, Harbour Street</p>"
    "<p>NEWS RELEASE</p><p><b>Council approves flood barrier for the harbour</b></p>"
    "<p>NORTHSHORE, 3 December 2026 – The borough council has approved a tidal barrier.</p>"
    "<p>It will cost £40 million.</p><p>ENDS</p></body></html>\n",
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Northshore Borough Council\nTown Hall, Harbour Street\n\nNEWS RELEASE\n\n"
    "Council approves flood barrier for the harbour\n\n"
    "NORTHSHORE, 3 December 2026 – The borough council has approved a tidal barrier.\n\n"
    "It will cost £40 million.\n\nENDS\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *message = g_strconcat ("From: Press Office <press@northshore.example>\n"
                                              "Subject: Flood barrier approved\nMIME-Version: 1.0\n",
                                              bodies[i], NULL);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "release.eml");

      g_test_message ("%s", cd_article_get_ednote (article));
      g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves flood barrier for the harbour");
      g_assert_cmpstr (cd_article_get_dateline (article), ==, "NORTHSHORE");
      g_assert_cmpstr (cd_article_get_body (article), ==,
                       "The borough council has approved a tidal barrier.\n\nIt will cost £40 million.\n");
      g_assert_nonnull (strstr (cd_article_get_ednote (article), "Flood barrier approved"));
      g_assert_nonnull (strstr (cd_article_get_ednote (article), "Northshore Borough Council — Town Hall, Harbour Street — NEWS RELEASE"));
    }
  /* An embargo over the story of an HTML message, and its byline: the
   * embargo was left in the story, and the dateline under it unread. */
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Press Office <press@northshore.example>\nSubject: Council approves flood barrier\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        "<p>EMBARGOED UNTIL 00:01 GMT, 4 February 2099</p><p>By Jane Doe</p>"
        "<p>NORTHSHORE – The borough council has approved a tidal barrier.</p>\n",
        CD_IMPORT_FORMAT_EMAIL, "release.eml");
    g_autofree char *embargo = g_date_time_format_iso8601 (cd_article_get_embargo (article));

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves flood barrier");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Jane Doe");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "NORTHSHORE");
    g_assert_cmpstr (embargo, ==, "2099-02-04T00:01:00Z");
    g_assert_cmpstr (cd_article_get_body (article), ==, "The borough council has approved a tidal barrier.\n");
  }
  /* The letterhead, the line and the embargo in one paragraph's lines
   * ("<br>"); the story's headline written again over it in another
   * message, then its byline and the embargo in one paragraph: the
   * headline is the subject, and the line over the dateline the
   * standfirst. */
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Press Office <press@northshore.example>\nSubject: Barrier\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        "<p><b>Northshore Borough Council</b><br>Town Hall, Harbour Street<br>NS1 4AB</p>"
        "<p>NEWS RELEASE<br>EMBARGOED UNTIL 00:01 GMT, 4 February 2099</p>"
        "<p><b>Council approves flood barrier for the harbour</b></p>"
        "<p>NORTHSHORE – The borough council has approved a tidal barrier.</p>\n",
        CD_IMPORT_FORMAT_EMAIL, "release.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves flood barrier for the harbour");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "NORTHSHORE");
    g_assert_nonnull (cd_article_get_embargo (article));
    g_assert_cmpstr (cd_article_get_body (article), ==, "The borough council has approved a tidal barrier.\n");
  }
  /* A release sent as text under a subject with its label: its own
   * headline under its line to the desk is the headline, the subject
   * and the label go to the note. */
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Press Office <press@lakeshore.example>\nSubject: FOR IMMEDIATE RELEASE: Red Line approved\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "FOR IMMEDIATE RELEASE\n\nLakeshore Transit Authority Approves Red Line Extension\n\n"
        "CHICAGO, March 3, 2026 – The board on Tuesday approved the extension.\n",
        CD_IMPORT_FORMAT_EMAIL, "release.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Lakeshore Transit Authority Approves Red Line Extension");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "CHICAGO");
    g_assert_cmpstr (cd_article_get_body (article), ==, "The board on Tuesday approved the extension.\n");
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (article), "— FOR IMMEDIATE RELEASE — Red Line approved"));
  }
  /* A release whose headline is set in a table: the table's row, its
   * marks with it, was the headline; the subject stays, the table too. */
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Press Office <press@northshore.example>\nSubject: Barrier approved\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        "<p><b>Northshore Borough Council</b><br>Town Hall, Harbour Street, NS1 4AB</p><p>NEWS RELEASE</p>"
        "<table><tr><td><b>Barrier to close in storms</b></td></tr></table>"
        "<p>NORTHSHORE – The borough council has approved a tidal barrier.</p>\n",
        CD_IMPORT_FORMAT_EMAIL, "release.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Barrier approved");
    g_assert_true (g_str_has_prefix (cd_article_get_body (article), "**Northshore Borough Council**"));
    g_assert_nonnull (strstr (cd_article_get_body (article), "| **Barrier to close in storms** |"));
  }
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Tom Hale <tom@example.org>\nSubject: Ospreys return\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        "<p><b>Ospreys return</b></p><p>By Tom Hale<br>EMBARGOED UNTIL 00:01 GMT, 4 February 2099</p>"
        "<p><i>A pair is back at the Loch Garten nest</i></p>"
        "<p>INVERNESS – A pair of ospreys has returned to Loch Garten.</p>\n",
        CD_IMPORT_FORMAT_EMAIL, "story.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Ospreys return");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Tom Hale");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "INVERNESS");
    g_assert_nonnull (cd_article_get_embargo (article));
    g_assert_cmpstr (cd_article_get_dek (article), ==, "A pair is back at the Loch Garten nest");
    g_assert_cmpstr (cd_article_get_body (article), ==, "A pair of ospreys has returned to Loch Garten.\n");
  }
}

/* A story forwarded as an attachment, with no text around it, is its own
 * subject, sender and text; 8-bit text
 * that names no character set is read as Windows-1252, said in the note;
 * a "By" line in the text is the byline, not the sender. */
static void
test_forwarded_and_8bit (void)
{
  g_autoptr (CdArticle) forwarded = import_text (
      "From: Sub Editor <sub@example.net>\n"
      "Subject: Fwd: Harbour reopens\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=b\n"
      "\n"
      "--b\n"
      "Content-Type: message/rfc822\n"
      "\n"
      "From: Piet Jansen <piet@example.org>\n"
      "Subject: Harbour reopens\n"
      "Content-Type: text/plain; charset=utf-8\n"
      "\n"
      "ROTTERDAM, Dec 6 - The harbour reopened on Sunday after the strike ended.\n"
      "--b--\n",
      CD_IMPORT_FORMAT_EMAIL, "fwd.eml");
  const char latin1[] = "From: Jo <jo@example.org>\nSubject: Fiesta\nDate: Sun, 6 Dec 2026 09:00:00 +0100\n\n"
                        "By Jo Smith\n\nThe caf\xe9 opened on Sunday.\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) western = cd_import_data (latin1, sizeof latin1 - 1, CD_IMPORT_FORMAT_EMAIL,
                                                  "fiesta.eml", &error);

  g_assert_cmpstr (cd_article_get_headline (forwarded), ==, "Harbour reopens");
  g_assert_cmpstr (cd_article_get_body (forwarded), ==, "The harbour reopened on Sunday after the strike ended.\n");
  g_assert_cmpstr (cd_article_get_dateline (forwarded), ==, "ROTTERDAM");
  g_assert_cmpstr (cd_article_get_byline (forwarded), ==, "Piet Jansen");

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (western), ==, "The café opened on Sunday.\n");
  g_assert_cmpstr (cd_article_get_byline (western), ==, "Jo Smith");
  g_assert_nonnull (strstr (cd_article_get_ednote (western), "it was read as Windows-1252"));
}

/* A story forwarded inside the text, as Gmail, Outlook (in English or
 * German) and Apple Mail write it: its subject, sender and text; what the
 * one who forwarded it wrote above, in the note. */
static void
test_forwarded_inline (void)
{
  static const struct
  {
    const char *above, *headers;
  } forms[] = {
    {"Can we run this at six?\n\n---------- Forwarded message ---------\n",
     "From: Piet Jansen <piet@example.org>\nDate: Sun, Dec 6, 2026 at 9:12 AM\n"
      "Subject: Harbour reopens\nTo: <desk@example.net>\n"},
    { "Can we run this at six?\n\n-----Original Message-----\n",
     "From: Piet Jansen [mailto:piet@example.org]\nSent: Sunday, December 6, 2026 9:12 AM\n"
      "To: Desk\nSubject: RE: Harbour reopens\n"          },
    { "Can we run this at six?\n\n-----Ursprüngliche Nachricht-----\n",
     "*Von:* Piet Jansen <piet@example.org>\n*Gesendet:* Sonntag, 6. Dezember 2026 09:12\n"
      "*An:* Desk\n*Betreff:* Harbour reopens\n"          },
    { "Can we run this at six?\n\nBegin forwarded message:\n\n",
     "> From: Piet Jansen <piet@example.org>\n> Subject: Harbour reopens\n"
      "> Date: 6 December 2026 at 09:12:00 CET\n"         },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *message = g_strconcat ("From: Sub Editor <sub@example.net>\n"
                                              "Subject: Fwd: Harbour reopens\n"
                                              "Content-Type: text/plain; charset=utf-8\n\n",
                                              forms[i].above, forms[i].headers,
                                              "\nROTTERDAM, Dec 6 - The harbour reopened on Sunday.\n\n"
                                              "Ships queued at the mouth of the Maas.\n",
                                              NULL);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "fwd.eml");

      g_test_message ("%s\n%s", forms[i].headers, cd_article_get_ednote (article));
      g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour reopens");
      g_assert_cmpstr (cd_article_get_byline (article), ==, "Piet Jansen");
      g_assert_cmpstr (cd_article_get_dateline (article), ==, "ROTTERDAM");
      g_assert_cmpstr (cd_article_get_body (article), ==,
                       "The harbour reopened on Sunday.\n\nShips queued at the mouth of the Maas.\n");
      g_assert_nonnull (strstr (cd_article_get_ednote (article), "Emailed by piet@example.org on "));
      g_assert_nonnull (strstr (cd_article_get_ednote (article),
                                "Written above the forwarded message: “Can we run this at six?”"));
    }

  /* Colons in a story's own lines are not a forward. */
  {
    g_autoptr (CdArticle) article = import_text ("From: Jo <jo@example.org>\nSubject: Council meets\n\n"
                                                 "The agenda:\nBudget: approved\nParks: deferred\n",
                                                 CD_IMPORT_FORMAT_EMAIL, "agenda.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Council meets");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Jo");
  }
}

/* A message with only HTML forwards the story as mail programs write it
 * there: Gmail's header block, Outlook's bold names in one paragraph,
 * Apple Mail's quote with each header line in a paragraph of its own,
 * Thunderbird's table. */
static void
test_forwarded_html (void)
{
  static const char *const forms[] = {
    "<div dir=\"ltr\">Can we run this at six?<br><br><div class=\"gmail_quote\">"
    "<div dir=\"ltr\" class=\"gmail_attr\">---------- Forwarded message ---------<br>"
    "From: <strong class=\"gmail_sendername\" dir=\"auto\">Piet Jansen</strong> "
    "<span dir=\"auto\">&lt;<a href=\"mailto:piet@example.org\">piet@example.org</a>&gt;</span><br>"
    "Date: Sun, Dec 6, 2026 at 9:12 AM<br>Subject: Harbour reopens<br>"
    "To: &lt;<a href=\"mailto:desk@example.net\">desk@example.net</a>&gt;<br></div><br><br>"
    "<div dir=\"ltr\"><p>ROTTERDAM, Dec 6 - The harbour reopened on Sunday.</p>"
    "<p>Ships queued at the mouth of the Maas.</p></div></div></div>",

    "<html><body><div class=\"WordSection1\"><p class=\"MsoNormal\">Can we run this at six?"
    "<o:p></o:p></p><p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>"
    "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">"
    "<p class=\"MsoNormal\"><b>Von:</b> Piet Jansen &lt;piet@example.org&gt; <br>"
    "<b>Gesendet:</b> Sonntag, 6. Dezember 2026 09:12<br><b>An:</b> Desk &lt;desk@example.net&gt;<br>"
    "<b>Betreff:</b> AW: Harbour reopens<o:p></o:p></p></div><p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>"
    "<p class=\"MsoNormal\">ROTTERDAM, Dec 6 - The harbour reopened on Sunday.<o:p></o:p></p>"
    "<p class=\"MsoNormal\">Ships queued at the mouth of the Maas.<o:p></o:p></p></div></body></html>",

    "<html><body><div>Can we run this at six?<br><div><br><blockquote type=\"cite\">"
    "<div>Begin forwarded message:</div><br class=\"Apple-interchange-newline\">"
    "<div style=\"margin: 0px;\"><span><b>From: </b></span><span>Piet Jansen &lt;"
    "<a href=\"mailto:piet@example.org\">piet@example.org</a>&gt;<br></span></div>"
    "<div style=\"margin: 0px;\"><span><b>Subject: </b></span><span><b>Harbour reopens</b><br></span></div>"
    "<div style=\"margin: 0px;\"><span><b>Date: </b></span><span>6 December 2026 at 09:12:00 CET<br></span></div>"
    "<div style=\"margin: 0px;\"><span><b>To: </b></span><span>Desk &lt;desk@example.net&gt;<br></span></div>"
    "<br><div><p>ROTTERDAM, Dec 6 - The harbour reopened on Sunday.</p>"
    "<p>Ships queued at the mouth of the Maas.</p></div></blockquote></div><br></div></body></html>",

    "<html><body><p>Can we run this at six?</p><div class=\"moz-forward-container\"><br><br>"
    "-------- Forwarded Message --------\n<table class=\"moz-email-headers-table\"><tbody>"
    "<tr><th>Subject: </th><td>Harbour reopens</td></tr>"
    "<tr><th>Date: </th><td>Sun, 6 Dec 2026 09:12:00 +0100</td></tr>"
    "<tr><th>From: </th><td>Piet Jansen <a href=\"mailto:piet@example.org\">&lt;piet@example.org&gt;</a></td></tr>"
    "<tr><th>To: </th><td>Desk <a href=\"mailto:desk@example.net\">&lt;desk@example.net&gt;</a></td></tr>"
    "</tbody></table><br><br><p>ROTTERDAM, Dec 6 - The harbour reopened on Sunday.</p>"
    "<p>Ships queued at the mouth of the Maas.</p></div></body></html>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *message = g_strconcat ("From: Sub Editor <sub@example.net>\n"
                                              "Subject: Fwd: Harbour reopens\nMIME-Version: 1.0\n"
                                              "Content-Type: text/html; charset=utf-8\n\n",
                                              forms[i], "\n", NULL);
      g_autoptr (CdArticle) article = import_text (message, CD_IMPORT_FORMAT_EMAIL, "fwd.eml");

      g_test_message ("%s", cd_article_get_ednote (article));
      g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour reopens");
      g_assert_cmpstr (cd_article_get_byline (article), ==, "Piet Jansen");
      g_assert_cmpstr (cd_article_get_dateline (article), ==, "ROTTERDAM");
      g_assert_cmpstr (cd_article_get_body (article), ==,
                       "The harbour reopened on Sunday.\n\nShips queued at the mouth of the Maas.\n");
      g_assert_true (g_str_has_prefix (cd_article_get_ednote (article),
                                       "Emailed by piet@example.org on "));
      g_assert_nonnull (strstr (cd_article_get_ednote (article),
                                "Written above the forwarded message: “Can we run this at six?”"));
    }

  /* A story's own lines with colons, each in a paragraph, are no forward. */
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Jo <jo@example.org>\nSubject: Council meets\nContent-Type: text/html\n\n"
        "<p>From: the mayor's office</p><p>Subject: the budget</p><p>The council met on Monday.</p>\n",
        CD_IMPORT_FORMAT_EMAIL, "council.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Council meets");
    g_assert_cmpstr (cd_article_get_byline (article), ==, "Jo");
    g_assert_nonnull (strstr (cd_article_get_body (article), "The council met on Monday."));
  }
}

/* A picture of @width × @height in @type ("jpeg", "png"), base64 for a
 * message. */
static char *
picture_base64 (int         width,
                int         height,
                const char *type)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize            length;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, type, &error, NULL));
  g_assert_no_error (error);
  return g_base64_encode ((const guchar *) data, length);
}

/* Imported into the store, a message's pictures go to the store and the
 * end of the story, for the editor to describe; a signature's logo and
 * other attachments are named in the note. Imported alone, all are named. */
static void
test_pictures (void)
{
  g_autofree char *photo = picture_base64 (640, 400, "jpeg");
  g_autofree char *logo = picture_base64 (64, 32, "png");
  g_autofree char *message = g_strdup_printf (
      "From: Anna Berg <anna@example.org>\nSubject: Fire at the docks\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: multipart/related; boundary=r\n\n"
      "--r\nContent-Type: text/plain; charset=utf-8\n\n"
      "HAMBURG, Dec 6 - A fire broke out at the docks on Sunday.\n\nBest regards,\nAnna\n"
      "--r\nContent-Type: image/png\nContent-Disposition: inline; filename=logo.png\n"
      "Content-Transfer-Encoding: base64\n\n%s\n--r--\n"
      "--b\nContent-Type: image/jpeg; name=docks.jpg\nContent-Disposition: attachment; filename=docks.jpg\n"
      "Content-Transfer-Encoding: base64\n\n%s\n"
      "--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=notes.pdf\n"
      "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b--\n",
      logo, photo);
  g_autofree char *path = write_temp ("fire.eml", message, -1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (dir, &error);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (CdArticle) alone = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  const CdImageRef *ref;

  g_assert_no_error (error);
  stored = cd_test_import_one (store, path, &error);
  g_assert_no_error (error);
  refs = cd_image_refs_in_body (cd_article_get_body (stored));
  g_assert_cmpuint (refs->len, ==, 1);
  ref = g_ptr_array_index (refs, 0);
  g_assert_cmpstr (ref->alt, ==, "");
  {
    g_autoptr (CdImageInfo) info = cd_store_lookup_image (store, ref->id, &error);
    g_autofree char *stored_path = cd_store_get_image_path (store, ref->id);

    g_assert_no_error (error);
    g_assert_cmpuint (cd_image_info_get_width (info), ==, 640);
    g_assert_cmpstr (cd_image_info_get_mime_type (info), ==, "image/jpeg");
    g_assert_true (g_file_test (stored_path, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_true (g_str_has_prefix (cd_article_get_body (stored),
                                   "A fire broke out at the docks on Sunday.\n\n```image\n"));
  g_assert_cmpstr (cd_article_get_byline (stored), ==, "Anna Berg");
  g_assert_cmpstr (cd_article_get_ednote (stored), ==,
                   "HAMBURG, Dec 6 — Emailed by anna@example.org. — Attachments not imported: notes.pdf "
                   "(the PDF is damaged; it cannot be read). — logo.png (64 × 32 pixels) was left out as a "
                   "logo or an icon.");

  alone = cd_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (cd_article_get_body (alone), "```image"));
  g_assert_cmpstr (cd_article_get_ednote (alone), ==,
                   "HAMBURG, Dec 6 — Emailed by anna@example.org. — Attachments not imported: logo.png (image/png), "
                   "docks.jpg (image/jpeg), notes.pdf (the PDF is damaged; it cannot be read).");
  g_clear_object (&store);
  remove_temp (path);
}

/* Pictures an HTML message shows in its text ("cid:") are placed where it
 * shows them; a logo's place and a place for a picture the message does
 * not hold go, and with no store all places go. */
static void
test_pictures_in_place (void)
{
  g_autofree char *photo = picture_base64 (640, 400, "jpeg");
  g_autofree char *logo = picture_base64 (64, 32, "png");
  g_autofree char *message = g_strdup_printf (
      "From: Anna Berg <anna@example.org>\nSubject: Fire at the docks\nMIME-Version: 1.0\n"
      "Content-Type: multipart/related; boundary=r\n\n"
      "--r\nContent-Type: text/html; charset=utf-8\n\n"
      "<div>HAMBURG, Dec 6 - A fire broke out at the docks on Sunday.</div>"
      "<div><img src=\"cid:ii_photo@example.org\" alt=\"docks.jpg\"></div>"
      "<div>Crews fought it for <img src=\"cid:missing\"> six hours.</div>"
      "<div>-- </div><div><img src=\"cid:logo\"> Berg Media</div>\n"
      "--r\nContent-Type: image/jpeg\nContent-ID: <ii_photo@example.org>\n"
      "Content-Disposition: inline; filename=docks.jpg\nContent-Transfer-Encoding: base64\n\n%s\n"
      "--r\nContent-Type: image/png\nContent-ID: <logo>\n"
      "Content-Disposition: inline; filename=logo.png\nContent-Transfer-Encoding: base64\n\n%s\n--r--\n",
      photo, logo);
  g_autofree char *path = write_temp ("fire.eml", message, -1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (dir, &error);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (CdArticle) alone = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  stored = cd_test_import_one (store, path, &error);
  g_assert_no_error (error);
  refs = cd_image_refs_in_body (cd_article_get_body (stored));
  g_assert_cmpuint (refs->len, ==, 1);
  expected = g_strdup_printf ("A fire broke out at the docks on Sunday.\n\n```image\nid: %s\nalt: \n```\n\n"
                              "Crews fought it for six hours.\n",
                              ((CdImageRef *) g_ptr_array_index (refs, 0))->id);
  g_assert_cmpstr (cd_article_get_body (stored), ==, expected);

  alone = cd_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (cd_article_get_body (alone), "cid:"));
  g_clear_object (&store);
  remove_temp (path);
}

/* Messages off the usual path: a byte order mark; bytes Windows-1252 does
 * not define; a picture with a subject and no text; a forwarded message
 * attached beside the text, or with no text of its own; senders with no
 * address; a long run of "Name: value" lines in the text. */
static void
test_unusual (void)
{
  {
    g_autofree char *path = write_temp ("bom.eml", "\xef\xbb\xbf"
                                                   "From: Jo <jo@example.org>\nSubject: Fiesta\n\n"
                                                   "It opened.\n",
                                        -1);
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) article = cd_import_file (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_headline (article), ==, "Fiesta");
    remove_temp (path);
  }
  {
    g_autoptr (CdArticle) one = import_text ("From jo@example.org Sun Dec  6 09:00:00 2026\nFrom: Jo <jo@example.org>\n"
                                             "Subject: Crowd\n\nThe crowd gathered.\n\nFrom there it moved on.\n"
                                             "Police: no arrests.\n",
                                             CD_IMPORT_FORMAT_EMAIL, "one.mbox");

    /* One message in a mailbox's form; a paragraph starting "From there" is no separator. */
    g_assert_cmpstr (cd_article_get_headline (one), ==, "Crowd");
    g_assert_nonnull (strstr (cd_article_get_body (one), "Police: no arrests."));
  }
  {
    g_autoptr (CdArticle) dated = import_text ("Date: Friday\nFrom: the desk\n\nCouncil meets\n\nIt met.\n",
                                               CD_IMPORT_FORMAT_WIRE, "dated.txt");

    /* Date and From only: a story's own lines, kept as wire copy keeps them. */
    g_assert_nonnull (strstr (cd_article_get_body (dated), "It met."));
    g_assert_null (cd_article_get_ednote (dated));
  }
  {
    const char data[] = "From: Jo <jo@example.org>\nSubject: Fiesta\nContent-Type: text/plain; charset=utf-8\n\n"
                        "The caf\xe9 \x81 opened.\n";
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) article = cd_import_data (data, sizeof data - 1, CD_IMPORT_FORMAT_EMAIL, "x.eml", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_body (article), ==, "The café \xc2\x81 opened.\n");
  }
  {
    g_autoptr (CdArticle) article = import_text (
        "From: Lee <lee@example.org>\nSubject: Fwd: Harbour pictures\nContent-Type: multipart/mixed; boundary=b\n\n"
        "--b\nContent-Type: image/gif\nContent-Disposition: attachment; filename=a.gif\n"
        "Content-Transfer-Encoding: base64\n\nR0lGODlhAQABAAAAACw=\n--b--\n",
        CD_IMPORT_FORMAT_EMAIL, "pictures.eml");

    g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour pictures");
    g_assert_null (cd_article_get_body (article));
    g_assert_nonnull (strstr (cd_article_get_ednote (article), "Attachments not imported: a.gif (image/gif)"));
  }
  {
    g_autoptr (CdArticle) beside = import_text (
        "From: Sub <sub@example.net>\nSubject: Council\nContent-Type: multipart/mixed; boundary=b\n\n"
        "--b\nContent-Type: text/plain\n\nThe council met.\n"
        "--b\nContent-Type: message/rfc822\n\nFrom: P <p@example.org>\nSubject: Minutes\n\nThey met.\n--b--\n",
        CD_IMPORT_FORMAT_EMAIL, "beside.eml");
    g_autoptr (CdArticle) empty_inner = import_text (
        "From: Sub <sub@example.net>\nSubject: Council\nContent-Type: multipart/mixed; boundary=b\n\n"
        "--b\nContent-Type: message/rfc822\n\nFrom: P <p@example.org>\nSubject: Minutes\n"
        "Content-Type: application/pdf\n\nJVBERi0K\n"
        "--b\nContent-Type: text/plain\n\nThe council met.\n--b--\n",
        CD_IMPORT_FORMAT_EMAIL, "inner.eml");

    g_assert_cmpstr (cd_article_get_body (beside), ==, "The council met.\n");
    g_assert_nonnull (strstr (cd_article_get_ednote (beside), "the forwarded message “Minutes”"));
    g_assert_cmpstr (cd_article_get_headline (empty_inner), ==, "Council");
    g_assert_cmpstr (cd_article_get_byline (empty_inner), ==, "Sub");
    g_assert_cmpstr (cd_article_get_body (empty_inner), ==, "The council met.\n");
  }
  {
    g_autoptr (CdArticle) desk = import_text ("From: the desk\nSubject: Rota\nTo: all@example.net\n\nShifts change.\n",
                                              CD_IMPORT_FORMAT_EMAIL, "rota.eml");
    g_autoptr (CdArticle) forwarded = import_text (
        "From: Sub <sub@example.net>\nSubject: Fwd: Harbour\n\n-----Original Message-----\n"
        "From: Piet Jansen\nSubject: Harbour\n\nThe harbour reopened.\n",
        CD_IMPORT_FORMAT_EMAIL, "fwd.eml");

    g_assert_cmpstr (cd_article_get_byline (desk), ==, "the desk");
    g_assert_cmpstr (cd_article_get_byline (forwarded), ==, "Piet Jansen");
    g_assert_null (strstr (cd_article_get_ednote (forwarded) ? cd_article_get_ednote (forwarded) : "", "sub@"));
  }
  {
    /* Each line a header, none a forward's: read once, not once a line. */
    g_autoptr (GString) message = g_string_new ("From: Jo <jo@example.org>\nSubject: Results\n\n");
    g_autoptr (CdArticle) article = NULL;

    for (guint i = 0; i < 40000; i++)
      g_string_append_printf (message, "Item %c: value %u\n", 'a' + i % 26, i);
    article = import_text (message->str, CD_IMPORT_FORMAT_EMAIL, "results.eml");
    g_assert_cmpstr (cd_article_get_headline (article), ==, "Results");
  }
}

/* Where an HTML message shows a picture: a content id that another starts
 * with, a picture in a link, and one inside a sentence (a block cannot
 * stand there: it goes to the end, its place taken out). */
static void
test_pictures_placed (void)
{
  g_autofree char *photo = picture_base64 (640, 400, "jpeg");
  g_autofree char *other = picture_base64 (400, 300, "png");
  g_autofree char *message = g_strdup_printf (
      "From: Anna <anna@example.org>\nSubject: Docks\nMIME-Version: 1.0\n"
      "Content-Type: multipart/related; boundary=r\n\n"
      "--r\nContent-Type: text/html; charset=utf-8\n\n"
      "<p>First.</p><p><a href=\"https://example.org/big\"><img src=\"cid:img10\"></a></p>"
      "<p>Second, with <img src=\"cid:img1\"> inside.</p><p>Third.</p>\n"
      "--r\nContent-Type: image/jpeg\nContent-ID: <img1>\nContent-Transfer-Encoding: base64\n\n%s\n"
      "--r\nContent-Type: image/png\nContent-ID: <img10>\nContent-Transfer-Encoding: base64\n\n%s\n--r--\n",
      photo, other);
  g_autofree char *path = write_temp ("docks.eml", message, -1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (dir, &error);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  stored = cd_test_import_one (store, path, &error);
  g_assert_no_error (error);
  refs = cd_image_refs_in_body (cd_article_get_body (stored));
  g_assert_cmpuint (refs->len, ==, 2);
  expected = g_strdup_printf ("First.\n\n```image\nid: %s\nalt: \n```\n\nSecond, with inside.\n\nThird.\n\n"
                              "```image\nid: %s\nalt: \n```\n",
                              ((CdImageRef *) g_ptr_array_index (refs, 0))->id,
                              ((CdImageRef *) g_ptr_array_index (refs, 1))->id);
  g_assert_cmpstr (cd_article_get_body (stored), ==, expected);
  g_clear_object (&store);
  remove_temp (path);
}

/* What is not a message is refused with one sentence naming the file. */
static void
test_refused (void)
{
  static const struct
  {
    const char *data;
    gssize      length;
    int         code;
    const char *message;
  } cases[] = {
    {"",                                                          0,  CD_IMPORT_ERROR_EMPTY,   "the file is empty."},
    { "Dear desk,\n\nhere is my story.\n",                        -1, CD_IMPORT_ERROR_INVALID,
     "the file is not an email message (it does not start with headers such as “From:” and “Subject:”)."   },
    { "From: a@b.c\nSubject: x\n\nbinary\0data\n",                36, CD_IMPORT_ERROR_BINARY,
     "the file holds binary data, not text (a NUL byte at byte offset 30)."                                        },
    { "From: a@b.c\nSubject: \nContent-Type: text/plain\n\n  \n", -1, CD_IMPORT_ERROR_EMPTY,
     "the email message has no subject and no text."                                                               },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_temp ("message.eml", cases[i].data, cases[i].length);
      g_autofree char *expected = g_strdup_printf ("%s: %s", path, cases[i].message);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) article = cd_import_file (path, &error);

      g_test_message ("%s", cases[i].message);
      g_assert_null (article);
      g_assert_error (error, CD_IMPORT_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, expected);
      remove_temp (path);
    }
  g_assert_cmpint (cd_import_format_for_path ("Story.EML"), ==, CD_IMPORT_FORMAT_EMAIL);
}

/* A mailbox (Evolution's "Save as mbox", a mail folder's file): each
 * message is an article, in the mailbox's order, with its own pictures;
 * a "From " its text quoted as ">From " reads as it was written. Read
 * alone, the first, whose note counts the others. */
static void
test_mailbox (void)
{
  g_autofree char *photo = picture_base64 (640, 400, "jpeg");
  g_autofree char *mailbox = g_strdup_printf (
      "From anna@example.org Sun Dec  6 09:00:00 2026\nFrom: Anna Berg <anna@example.org>\n"
      "Subject: Harbour reopens\n\nROTTERDAM (Reuters) - The harbour reopened on Sunday.\n"
      ">From the quay, ships were seen.\n\n"
      "From jo@example.org Sun Dec  6 09:05:00 2026\nFrom: Jo Hart <jo@example.org>\n"
      "Subject: Council votes\n\nBERLIN (dpa) - The council voted on Tuesday.\n\n"
      "From anna@example.org Sun Dec  6 09:10:00 2026\nFrom: Anna Berg <anna@example.org>\n"
      "Subject: Fire at the docks\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: text/plain; charset=utf-8\n\nHAMBURG - A fire broke out at the docks.\n"
      "--b\nContent-Type: image/jpeg; name=docks.jpg\nContent-Disposition: attachment; filename=docks.jpg\n"
      "Content-Transfer-Encoding: base64\n\n%s\n--b--\n",
      photo);
  g_autofree char *path = write_temp ("stringers.mbox", mailbox, -1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (dir, &error);
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  g_autoptr (CdArticle) first = NULL;

  g_assert_no_error (error);
  articles = cd_import_into_store (store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 3);
  g_assert_cmpstr (cd_article_get_headline (g_ptr_array_index (articles, 0)), ==, "Harbour reopens");
  g_assert_cmpstr (cd_article_get_body (g_ptr_array_index (articles, 0)), ==,
                   "The harbour reopened on Sunday. From the quay, ships were seen.\n");
  g_assert_cmpstr (cd_article_get_headline (g_ptr_array_index (articles, 1)), ==, "Council votes");
  g_assert_cmpstr (cd_article_get_byline (g_ptr_array_index (articles, 1)), ==, "Jo Hart");
  g_assert_cmpstr (cd_article_get_dateline (g_ptr_array_index (articles, 1)), ==, "BERLIN");
  g_assert_null (strstr (cd_article_get_body (g_ptr_array_index (articles, 1)), "```image"));
  g_assert_cmpstr (cd_article_get_headline (g_ptr_array_index (articles, 2)), ==, "Fire at the docks");
  refs = cd_image_refs_in_body (cd_article_get_body (g_ptr_array_index (articles, 2)));
  g_assert_cmpuint (refs->len, ==, 1);

  first = cd_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (first), ==, "Harbour reopens");
  g_assert_nonnull (strstr (cd_article_get_ednote (first), "The file holds 2 more news items with text, not imported."));
  g_assert_cmpint (cd_import_format_for_path ("Inbox.mbox"), ==, CD_IMPORT_FORMAT_EMAIL);
  g_clear_object (&store);
  remove_temp (path);
}

/* Outlook's messages */

/* Writes the stream @name of @storage. */
static void
msg_stream (GsfOutfile *storage,
            const char *name,
            const void *data,
            gsize       length)
{
  GsfOutput *child = gsf_outfile_new_child (storage, name, FALSE);

  g_assert_true (gsf_output_write (child, length, data));
  g_assert_true (gsf_output_close (child));
  g_object_unref (child);
}

/* Writes the string property @id as Outlook does: UTF-16 and its NUL. */
static void
msg_unicode (GsfOutfile *storage,
             guint16     id,
             const char *text)
{
  glong                 n = 0;
  g_autofree char      *name = g_strdup_printf ("__substg1.0_%04X001F", id);
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);

  msg_stream (storage, name, utf16, (n + 1) * 2);
}

/* Writes the property stream: a header of @header bytes, then the 16
 * bytes of each of the @n (tag, value) pairs. */
static void
msg_properties (GsfOutfile    *storage,
                gsize          header,
                const guint64 *pairs,
                guint          n)
{
  g_autofree guint8 *data = g_malloc0 (header + 16 * n);

  for (guint i = 0; i < n; i++)
    {
      GSF_LE_SET_GUINT32 (data + header + 16 * i, (guint32) pairs[2 * i]);
      GSF_LE_SET_GUINT32 (data + header + 16 * i + 4, 6);
      GSF_LE_SET_GUINT64 (data + header + 16 * i + 8, pairs[2 * i + 1]);
    }
  msg_stream (storage, "__properties_version1.0", data, header + 16 * n);
}

/* An Outlook message from Anna Berg, with @body (and, when not NULL,
 * @attachment_name holding @attachment); a message of @inner_subject and
 * @inner_body attached as a message when @inner_subject is not NULL. */
static GBytes *
make_msg (const char *subject,
          const char *body,
          const char *attachment_name,
          GBytes     *attachment,
          const char *inner_subject,
          const char *inner_body)
{
  GsfOutput  *sink = gsf_output_memory_new ();
  GsfOutfile *root = gsf_outfile_msole_new (sink);
  guint64     sent = 0;
  guint       n = 0;
  GBytes     *bytes;

  {
    g_autoptr (GDateTime) epoch = g_date_time_new_utc (1601, 1, 1, 0, 0, 0);
    g_autoptr (GDateTime) when = g_date_time_new_utc (2026, 12, 5, 10, 0, 0);

    sent = (guint64) g_date_time_difference (when, epoch) * 10;
  }
  {
    const guint64 pairs[] = { 0x00390040, sent, 0x3FDE0003, 1252 };

    msg_properties (root, 32, pairs, 2);
  }
  msg_unicode (root, 0x0037, subject);
  msg_unicode (root, 0x0042, "Anna Berg");
  msg_unicode (root, 0x5D02, "anna@example.org");
  msg_unicode (root, 0x0C1F, "/O=EXCHANGELABS/OU=EXCHANGE/CN=RECIPIENTS/CN=ANNA");
  if (body != NULL)
    msg_unicode (root, 0x1000, body);
  if (attachment != NULL)
    {
      g_autofree char *name = g_strdup_printf ("__attach_version1.0_#%08X", n++);
      GsfOutfile      *storage = GSF_OUTFILE (gsf_outfile_new_child (root, name, TRUE));
      const guint64    pairs[] = { 0x37050003, 1 };

      msg_properties (storage, 8, pairs, 1);
      msg_unicode (storage, 0x3707, attachment_name);
      msg_unicode (storage, 0x370E, "image/jpeg");
      msg_stream (storage, "__substg1.0_37010102", g_bytes_get_data (attachment, NULL),
                  g_bytes_get_size (attachment));
      gsf_output_close (GSF_OUTPUT (storage));
      g_object_unref (storage);
    }
  if (inner_subject != NULL)
    {
      g_autofree char *name = g_strdup_printf ("__attach_version1.0_#%08X", n++);
      GsfOutfile      *storage = GSF_OUTFILE (gsf_outfile_new_child (root, name, TRUE));
      GsfOutfile      *inner = GSF_OUTFILE (gsf_outfile_new_child (storage, "__substg1.0_3701000D", TRUE));
      const guint64    method[] = { 0x37050003, 5 };
      const guint64    none[] = { 0x3FDE0003, 1252 };
      guint8           subject8[64];
      gsize            length = 0;
      g_autofree char *cp1252 = g_convert (inner_subject, -1, "WINDOWS-1252", "UTF-8", NULL, &length, NULL);

      msg_properties (storage, 8, method, 1);
      msg_properties (inner, 24, none, 1);
      /* An older Outlook's 8-bit subject. */
      g_assert_cmpuint (length, <, sizeof subject8);
      memcpy (subject8, cp1252, length);
      subject8[length] = 0;
      msg_stream (inner, "__substg1.0_0037001E", subject8, length + 1);
      msg_unicode (inner, 0x0042, "Jan Olsen");
      msg_unicode (inner, 0x1000, inner_body);
      gsf_output_close (GSF_OUTPUT (inner));
      gsf_output_close (GSF_OUTPUT (storage));
      g_object_unref (inner);
      g_object_unref (storage);
    }
  gsf_output_close (GSF_OUTPUT (root));
  g_object_unref (root);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
  g_object_unref (sink);
  return bytes;
}

/* A message saved from Outlook (.msg) is read as the same message as MIME
 * would be: subject, sender (not the Exchange address), date, text and its
 * dateline, the picture to the store. */
static void
test_outlook (void)
{
  g_autofree char   *photo = picture_base64 (640, 400, "jpeg");
  gsize              length = 0;
  g_autofree guchar *jpeg = g_base64_decode (photo, &length);
  g_autoptr (GBytes) picture = g_bytes_new (jpeg, length);
  g_autoptr (GBytes) msg = make_msg ("FW: Harbour reopens",
                                     "ROTTERDAM (Reuters) - The harbour reopened on Sunday after three days, "
                                     "port officials said.\r\n\r\nShips queued at the mouth of the Maas.\r\n\r\n"
                                     "Best regards,\r\nAnna Berg\r\n",
                                     "harbour.jpg", picture, NULL, NULL);
  g_autofree char *path = write_temp ("harbour.msg", g_bytes_get_data (msg, NULL), g_bytes_get_size (msg));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = cd_store_open (dir, &error);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  const char *note;

  g_assert_no_error (error);
  stored = cd_test_import_one (store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (stored), ==, "Harbour reopens");
  g_assert_cmpstr (cd_article_get_byline (stored), ==, "Anna Berg");
  g_assert_cmpstr (cd_article_get_dateline (stored), ==, "ROTTERDAM");
  g_assert_cmpstr (cd_article_get_source (stored), ==, "Reuters");
  g_assert_true (g_str_has_prefix (cd_article_get_body (stored),
                                   "The harbour reopened on Sunday after three days, port officials said.\n\n"
                                   "Ships queued at the mouth of the Maas.\n\n```image\n"));
  refs = cd_image_refs_in_body (cd_article_get_body (stored));
  g_assert_cmpuint (refs->len, ==, 1);
  note = cd_article_get_ednote (stored);
  g_test_message ("%s", note);
  g_assert_nonnull (strstr (note, "anna@example.org"));
  g_assert_null (strstr (note, "EXCHANGELABS"));
  g_assert_nonnull (strstr (note, "2026-12-05"));
  cd_test_rm_rf (dir);
}

/* A story forwarded from Outlook as an attachment (an Outlook item in the
 * message, its subject in an older Outlook's 8-bit set); an old Excel
 * workbook and a damaged file refused with a sentence each. */
static void
test_outlook_forwarded_and_refused (void)
{
  g_autoptr (GBytes) msg = make_msg ("FW: for tomorrow", NULL, NULL, NULL, "Café reopens",
                                     "OSLO (NTB) - The café on the quay reopened on Sunday.");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (g_bytes_get_data (msg, NULL), g_bytes_get_size (msg),
                                                  CD_IMPORT_FORMAT_AUTO, "fwd.msg", &error);

  GsfOutput  *sink = gsf_output_memory_new ();
  GsfOutfile *doc = gsf_outfile_msole_new (sink);
  g_autoptr (CdArticle) word = NULL;
  g_autoptr (CdArticle) damaged = NULL;
  g_autofree char *cut = NULL;

  /* The fuzzer's seed (tests/fuzz/corpus-email) is made so. */
  if (g_getenv ("CD_TEST_KEEP_MSG") != NULL)
    g_file_set_contents (g_getenv ("CD_TEST_KEEP_MSG"), g_bytes_get_data (msg, NULL), g_bytes_get_size (msg), NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Café reopens");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Jan Olsen");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "OSLO");
  g_assert_cmpstr (cd_article_get_body (article), ==, "The café on the quay reopened on Sunday.\n");

  /* An old Excel workbook: a compound file of other streams (an old Word
   * document is read: test-import-doc.c). */
  msg_stream (doc, "Workbook", "\x09\x08", 2);
  gsf_output_close (GSF_OUTPUT (doc));
  word = cd_import_data ((const char *) gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                         gsf_output_size (sink), CD_IMPORT_FORMAT_AUTO, "story", &error);
  g_assert_null (word);
  g_assert_cmpstr (error->message, ==,
                   "story: the file is an Office document of the old binary kind but neither a Word document "
                   "nor an Outlook message (a spreadsheet or a presentation, perhaps); it cannot be imported.");
  g_clear_error (&error);
  g_object_unref (doc);
  g_object_unref (sink);

  cut = g_strndup ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", 12);
  damaged = cd_import_data (cut, 12, CD_IMPORT_FORMAT_AUTO, "cut.msg", &error);
  g_assert_null (damaged);
  g_assert_true (g_str_has_prefix (error->message, "cut.msg: the Outlook message is damaged; it cannot be read ("));
}

/* An attribute of a TNEF stream: its level, id, length, data and
 * checksum. */
static void
tnef_attribute (GByteArray *tnef,
                guint8      level,
                guint32     id,
                const void *data,
                gsize       size)
{
  guint8  head[9] = { level, id & 0xFF, (id >> 8) & 0xFF, (id >> 16) & 0xFF, id >> 24,
                      size & 0xFF, (size >> 8) & 0xFF, (size >> 16) & 0xFF, size >> 24 };
  guint16 sum = 0;

  for (gsize i = 0; i < size; i++)
    sum += ((const guint8 *) data)[i];
  g_byte_array_append (tnef, head, sizeof head);
  g_byte_array_append (tnef, data, size);
  g_byte_array_append (tnef, (guint8[]){ sum & 0xFF, sum >> 8 }, 2);
}

/* A winmail.dat as Outlook sends it with rich text: a version, then an
 * attachment with an 8.3 title, its data and MAPI properties (a named
 * one, a number, the long file name in UTF-16), and one with only a
 * title and data. */
static GBytes *
make_winmail (const char *story)
{
  static const guint8 start[] = { 0x78, 0x9F, 0x3E, 0x22, 0x01, 0x00 };
  static const guint8 version[] = { 0x00, 0x00, 0x01, 0x00 };
  static const guint8 rendering[14] = { 0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF };
  GByteArray         *tnef = g_byte_array_new ();
  GByteArray         *props = g_byte_array_new ();
  gsize               name_size = 0;
  g_autofree char    *name = g_convert ("Harbour story.rtf", -1, "UTF-16LE", "UTF-8", NULL, &name_size, NULL);
  guint8              name_length[4] = { name_size + 2 };

  g_byte_array_append (tnef, start, sizeof start);
  tnef_attribute (tnef, 1, 0x00089006, version, sizeof version);
  tnef_attribute (tnef, 2, 0x00069002, rendering, sizeof rendering);
  tnef_attribute (tnef, 2, 0x00018010, "HARBOU~1.RTF", 13);
  tnef_attribute (tnef, 2, 0x0006800F, story, strlen (story));
  /* Three properties: a named string, a number, the long name. */
  g_byte_array_append (props, (guint8[]){ 3, 0, 0, 0 }, 4);
  g_byte_array_append (props, (guint8[]){ 0x1E, 0x00, 0x05, 0x80 }, 4);
  g_byte_array_append (props, (const guint8 *) "0123456789abcdef", 16);
  g_byte_array_append (props, (guint8[]){ 0, 0, 0, 0, 0x05, 0x85, 0, 0 }, 8);
  g_byte_array_append (props, (guint8[]){ 1, 0, 0, 0, 2, 0, 0, 0, 'x', 0, 0, 0 }, 12);
  g_byte_array_append (props, (guint8[]){ 0x03, 0x00, 0x20, 0x0E, 0x10, 0x00, 0x00, 0x00 }, 8);
  g_byte_array_append (props, (guint8[]){ 0x1F, 0x00, 0x07, 0x37, 1, 0, 0, 0 }, 8);
  g_byte_array_append (props, name_length, 4);
  g_byte_array_append (props, (const guint8 *) name, name_size);
  g_byte_array_append (props, (guint8[]){ 0, 0, 0, 0 }, 2 + (4 - (name_size + 2) % 4) % 4);
  tnef_attribute (tnef, 2, 0x00069005, props->data, props->len);
  g_byte_array_unref (props);
  tnef_attribute (tnef, 2, 0x00069002, rendering, sizeof rendering);
  tnef_attribute (tnef, 2, 0x00018010, "notes.pdf", 10);
  tnef_attribute (tnef, 2, 0x0006800F, "%PDF-1.4\n", 9);
  return g_byte_array_free_to_bytes (tnef);
}

/* A forwarded release whose story is in the attached document: the
 * message's own text (a desk's note, the forward's head, a signature and
 * a disclaimer) is longer than the story, but it says the story is
 * attached, so the document is the article; a message of its own story,
 * as long, with a document it does not speak of keeps its text. */
static void
test_covering_note_long (void)
{
  static const char release[] = "{\\rtf1\\ansi \\pard Harbour Trust reports record year\\par\\pard "
                                "Tamsin Harbour Trust has reported its busiest year since it was founded in 1964, "
                                "with 41 cruise ship calls in 2025, more than twice the 19 recorded the year before. "
                                "The trust said turnover rose 22 per cent to 8.7 million pounds and that it would spend "
                                "six million on a new pontoon.\\par}";
  const char       *desk = "Desk, this came in last night, embargo Thursday, so not for tomorrow's paper. Worth a page lead? "
                           "The release is in the attached document.\n\n"
                           "-----Original Message-----\nFrom: Lucy Marr <lucy@harbour.example>\nSent: Monday, March 9, 2026 5:42 PM\n"
                           "Subject: Annual report\n\nGood afternoon,\n\nPlease find attached a press release on the Trust's "
                           "annual results. Images of the quay are available on request.\n\nKind regards,\n\nLucy\n\n"
                           "This email and any attachments are confidential and intended solely for the addressee. If you have "
                           "received it in error, please notify the sender and delete it from your system straight away.\n";
  const char       *own = "The harbour master said on Monday that the new pontoon would open in the spring, two months later "
                          "than planned, because of a shortage of steel piles. Work on the quay wall has also been delayed by "
                          "the winter storms, he said, and the cost has risen by a fifth since the contract was signed. The "
                          "trust will ask the council for a further grant at its meeting next month, and hopes to hear by May.\n";
  g_autofree char  *encoded = g_base64_encode ((const guchar *) release, sizeof release - 1);
  g_autofree char  *forwarded = g_strdup_printf ("From: Dan Whitlock <dan@courier.example>\nSubject: FW: Annual report\n"
                                                  "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                                                  "--b\nContent-Type: text/plain; charset=utf-8\n\n%s"
                                                  "--b\nContent-Type: application/rtf; name=release.rtf\n"
                                                  "Content-Disposition: attachment; filename=release.rtf\n"
                                                  "Content-Transfer-Encoding: base64\n\n%s\n--b--\n",
                                                 desk, encoded);
  g_autofree char  *story = g_strdup_printf ("From: Dan Whitlock <dan@courier.example>\nSubject: Pontoon delayed\n"
                                              "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                                              "--b\nContent-Type: text/plain; charset=utf-8\n\n%s"
                                              "--b\nContent-Type: application/rtf; name=release.rtf\n"
                                              "Content-Disposition: attachment; filename=release.rtf\n"
                                              "Content-Transfer-Encoding: base64\n\n%s\n--b--\n",
                                             own, encoded);
  g_autoptr (CdArticle) article = import_text (forwarded, CD_IMPORT_FORMAT_EMAIL, "fw.eml");
  g_autoptr (CdArticle) written = import_text (story, CD_IMPORT_FORMAT_EMAIL, "story.eml");

  g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour Trust reports record year");
  g_assert_true (g_str_has_prefix (cd_article_get_body (article), "Tamsin Harbour Trust has reported its busiest year"));
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "The message with release.rtf:"));

  g_assert_cmpstr (cd_article_get_headline (written), ==, "Pontoon delayed");
  g_assert_true (g_str_has_prefix (cd_article_get_body (written), "The harbour master said on Monday"));
  g_assert_nonnull (strstr (cd_article_get_ednote (written), "Attachments not imported: release.rtf"));
}

/* A story sent from Outlook in rich text to another mail program: the
 * document in the winmail.dat is the story, by its long name; what else
 * the winmail.dat holds is named in the note. A winmail.dat that is no
 * TNEF stream is named as an attachment. */
static void
test_winmail (void)
{
  static const char story[] = "{\\rtf1\\ansi \\pard Harbour reopens\\par\\pard ROTTERDAM (Reuters) - "
                              "The harbour reopened on Sunday after three days.\\par}";
  g_autoptr (GBytes) winmail = make_winmail (story);
  g_autofree char *encoded = g_base64_encode (g_bytes_get_data (winmail, NULL), g_bytes_get_size (winmail));
  g_autofree char *message = g_strdup_printf ("From: Anna Berg <anna@example.org>\nSubject: Harbour\n"
                                              "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                                              "--b\nContent-Type: text/plain; charset=utf-8\n\n"
                                              "Story attached.\n"
                                              "--b\nContent-Type: application/ms-tnef; name=winmail.dat\n"
                                              "Content-Disposition: attachment; filename=winmail.dat\n"
                                              "Content-Transfer-Encoding: base64\n\n%s\n--b--\n",
                                              encoded);
  g_autofree char *broken = g_strdup_printf ("From: Anna Berg <anna@example.org>\nSubject: Harbour\n"
                                             "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                                             "--b\nContent-Type: text/plain; charset=utf-8\n\n"
                                             "ROTTERDAM (Reuters) - The harbour reopened on Sunday.\n"
                                             "--b\nContent-Type: application/ms-tnef; name=winmail.dat\n"
                                             "Content-Disposition: attachment; filename=winmail.dat\n"
                                             "Content-Transfer-Encoding: base64\n\nAAAA\n--b--\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (message, strlen (message), CD_IMPORT_FORMAT_AUTO, "harbour.eml",
                                                  &error);
  g_autoptr (CdArticle) plain = NULL;

  /* The fuzzer's seed (tests/fuzz/corpus-email) is made so. */
  if (g_getenv ("CD_TEST_KEEP_WINMAIL") != NULL)
    g_file_set_contents (g_getenv ("CD_TEST_KEEP_WINMAIL"), message, -1, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour reopens");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "ROTTERDAM");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Anna Berg");
  g_assert_cmpstr (cd_article_get_body (article), ==, "The harbour reopened on Sunday after three days.\n");
  g_test_message ("%s", cd_article_get_ednote (article));
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "The message with Harbour story.rtf: “Story attached.”"));
  g_assert_nonnull (strstr (cd_article_get_ednote (article),
                            "Attachments not imported: notes.pdf (application/octet-stream)."));

  plain = cd_import_data (broken, strlen (broken), CD_IMPORT_FORMAT_AUTO, "harbour.eml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (plain), ==, "The harbour reopened on Sunday.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (plain), "Attachments not imported: winmail.dat (application/ms-tnef)."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-email/stringer", test_stringer);
  g_test_add_func ("/import-email/saved-as-text", test_saved_as_text);
  g_test_add_func ("/import-email/letter", test_letter);
  g_test_add_func ("/import-email/html-only", test_html_only);
  g_test_add_func ("/import-email/release", test_release);
  g_test_add_func ("/import-email/own-headline", test_own_headline);
  g_test_add_func ("/import-email/template-labels", test_template_labels);
  g_test_add_func ("/import-email/house-template", test_house_template);
  g_test_add_func ("/import-email/mailing-list-release", test_mailing_list_release);
  g_test_add_func ("/import-email/outlook-html", test_outlook_html);
  g_test_add_func ("/import-email/sign-offs", test_sign_offs);
  g_test_add_func ("/import-email/press-office-byline", test_press_office_byline);
  g_test_add_func ("/import-email/forwarded-and-8bit", test_forwarded_and_8bit);
  g_test_add_func ("/import-email/forwarded-inline", test_forwarded_inline);
  g_test_add_func ("/import-email/forwarded-html", test_forwarded_html);
  g_test_add_func ("/import-email/pictures", test_pictures);
  g_test_add_func ("/import-email/pictures-in-place", test_pictures_in_place);
  g_test_add_func ("/import-email/pictures-placed", test_pictures_placed);
  g_test_add_func ("/import-email/unusual", test_unusual);
  g_test_add_func ("/import-email/refused", test_refused);
  g_test_add_func ("/import-email/outlook", test_outlook);
  g_test_add_func ("/import-email/outlook-forwarded-and-refused", test_outlook_forwarded_and_refused);
  g_test_add_func ("/import-email/winmail", test_winmail);
  g_test_add_func ("/import-email/mailbox", test_mailbox);
  g_test_add_func ("/import-email/agency-mail", test_agency_mail);
  g_test_add_func ("/import-email/agency-mail-codes", test_agency_mail_codes);
  g_test_add_func ("/import-email/newsletter", test_newsletter);
  g_test_add_func ("/import-email/shared-article", test_shared_article);
  g_test_add_func ("/import-email/forward-languages", test_forward_languages);
  g_test_add_func ("/import-email/covering-note-long", test_covering_note_long);
  g_test_add_func ("/import-email/newsletter-japanese", test_newsletter_japanese);
  g_test_add_func ("/import-email/writer-newsletter", test_writer_newsletter);
  g_test_add_func ("/import-email/agency-alert-small-name", test_agency_alert_small_name);
  g_test_add_func ("/import-email/newsletter-lead-picture", test_newsletter_lead_picture);
  return g_test_run ();
}
