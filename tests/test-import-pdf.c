/* test-import-pdf.c: articles from PDF documents. Two exported by
 * LibreOffice from the documents beside them (tests/data/import/
 * pdf-press-release.fodt, pdf-two-columns.fodt, pdf-word-style.fodt,
 * pdf-ragged-columns.fodt, pdf-letterhead*.fodt, pdf-italic-standfirst.fodt,
 * pdf-table*.fodt, libreoffice-tram.fodt:
 * `soffice --headless --convert-to pdf FILE`), and pages drawn here with
 * cairo, a PDF's lines placed exactly: running heads and feet, a word
 * broken at a line's end, a paragraph that goes on over a page, lists
 * and what only looks like one, a footnote, a link; and the files that
 * cannot be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "cd-image-ref.h"
#include "cd-import.h"
#include "cd-store.h"
#include "cd-test-import.h"
#include "cd-test-util.h"

/* The body's size, leading and measure on the pages drawn here. */
#define SIZE 11
#define LEADING 15
#define WIDTH 440

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

/* @path imported into a new store in a new directory, with the number
 * of pictures its story shows. */
static CdArticle *
import_into_store (const char *path,
                   guint      *pictures)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-pdf-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) refs = NULL;

  g_assert_no_error (error);
  store = cd_store_open (data_dir, &error);
  g_assert_no_error (error);
  article = cd_test_import_one (store, path, &error);
  g_assert_no_error (error);
  refs = cd_image_refs_in_body (cd_article_get_body (article));
  for (guint i = 0; i < refs->len; i++)
    {
      g_autoptr (CdImageInfo) info =
          cd_store_lookup_image (store, ((CdImageRef *) g_ptr_array_index (refs, i))->id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (cd_image_info_get_width (info), >=, 100);
    }
  *pictures = refs->len;
  g_clear_object (&store);
  cd_test_rm_rf (dir);
  return g_steal_pointer (&article);
}

/* A press release as LibreOffice exports it: a title and subtitle in
 * their styles, a dateline, a footnote, bold and italic, a heading, a
 * bulleted list, a picture, a link, a second page, "ENDS" with notes to
 * editors under it, and on every page a running head and "Page 1 of 2". */
static void
test_press_release (void)
{
  g_autofree char *path = data_path ("pdf-press-release.pdf");
  g_autoptr (CdArticle) article = NULL;
  const char *body;
  guint       pictures = 0;

  article = import_into_store (path, &pictures);
  body = cd_article_get_body (article);
  g_test_message ("%s", body);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves £40m flood barrier for the harbour");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Work on the gates starts in March and ends in 2028");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "NORTHSHORE");
  g_assert_cmpstr (cd_article_get_language (article), ==, "en");
  g_assert_true (g_str_has_prefix (
      body, "The borough council has approved a £40m tidal barrier to protect the harbour and 900 homes in the old "
            "town from flooding, after a vote of **31 to 4** on Tuesday night.\n\n"
            "“We have waited ten years for this,” said Councillor *Maria Okafor*, who chairs the harbour "
            "committee. “The people of the old town can sleep through a spring tide again.”\n\n"
            "## What the barrier protects\n\nThe gates will protect:\n\n"
            "- 900 homes and 140 businesses in the old town\n- the fish market and the lifeboat station\n"
            "- the coast road between the harbour and the ferry terminal\n\n"
            "The harbour has flooded four times in the last ten years, most recently in February, when water "
            "reached the doors of the fish market and closed the coast road for two days."));
  g_assert_nonnull (strstr (body, "throughout the work.\n\n```image\n"));
  g_assert_nonnull (strstr (body, "```\n\n## How the work will be done\n\nThe design was chosen"));
  g_assert_true (g_str_has_suffix (body, "The plans, the consultation report and a map of the works are at "
                                         "[northshore.example/barrier](https://www.northshore.example/barrier).\n"));
  g_assert_cmpuint (pictures, ==, 1);
  /* The pages' own lines are nowhere. */
  g_assert_null (strstr (body, "News release"));
  g_assert_null (strstr (body, "Page "));
  g_assert_null (strstr (body, "flood risk study"));
  g_assert_cmpstr (cd_article_get_ednote (article), ==,
                   "The page head: “Northshore Borough Council · News release” — "
                   "NORTHSHORE, 3 December 2026 — ENDS — Notes to editors — Photographs of the harbour and drawings of the gates are free to "
                   "use with the credit “Northshore Council”. — Media contact: Sam Reid, press office, 01632 960 "
                   "123, press@northshore.example — The document's footnote was left out.");
}

/* The same release set in two columns (justified, a list in the left
 * one, the picture in the right, "ENDS" under both): the left column is
 * read before the right, and the story ends with the right one's last
 * line. */
static void
test_two_columns (void)
{
  g_autofree char *path = data_path ("pdf-two-columns.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_file (path, &error);
  const char *body;
  const char *left, *right;

  g_assert_no_error (error);
  body = cd_article_get_body (article);
  g_test_message ("%s", body);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves £40m flood barrier for the harbour");
  g_assert_true (g_str_has_prefix (
      body, "The borough council has approved a £40m tidal barrier to protect the harbour and 900 homes in the old "
            "town from flooding, after a vote of **31 to 4** on Tuesday night.\n\n"));
  g_assert_nonnull (strstr (body, "## What the barrier protects\n\nThe gates will protect:\n\n"
                                  "- 900 homes and 140 businesses in the old town\n"
                                  "- the fish market and the lifeboat station\n"
                                  "- the coast road between the harbour and the ferry terminal\n\n"));
  left = strstr (body, "The harbour has flooded four times in the last ten years, most recently in February, when "
                       "water reached the doors of the fish market and closed the coast road for two days. Engineers "
                       "say a storm of that size is now likely once in every eight years, and once in every four by "
                       "2050.\n\n");
  right = strstr (body, "The barrier will close across the harbour mouth when the forecast tide is more than 5.2 "
                        "metres above chart datum.");
  g_assert_nonnull (left);
  g_assert_nonnull (right);
  g_assert_true (left < right);
  g_assert_nonnull (strstr (body, "## How the work will be done\n\nThe design was chosen from three options put to "
                                  "residents in the spring. A higher wall along the promenade would have blocked "
                                  "the view of the bay from the old town"));
  g_assert_null (strstr (body, "flood risk study"));
  /* "ENDS" stands under both columns: the right one is the story's too. */
  g_assert_true (g_str_has_suffix (body, "The plans, the consultation report and a map of the works are at "
                                         "[northshore.example/barrier](https://www.northshore.example/barrier).\n"));
  g_assert_cmpstr (cd_article_get_ednote (article), ==,
                   "The page head: “Northshore Borough Council · News release” — "
                   "NORTHSHORE, 3 December 2026 — ENDS — Notes to editors — Photographs of the harbour and drawings of the gates are free to "
                   "use with the credit “Northshore Council”. — Media contact: Sam Reid, press office, 01632 960 "
                   "123, press@northshore.example — The document's footnote was left out. — The document holds a "
                   "picture, not imported with it.");
  /* Its picture, in the right column, stands where the document has it:
   * under that column's paragraph above it, not among the left
   * column's. */
  {
    g_autoptr (CdArticle) stored = NULL;
    const char *picture, *above;
    guint       pictures = 0;

    stored = import_into_store (path, &pictures);
    g_assert_cmpuint (pictures, ==, 1);
    body = cd_article_get_body (stored);
    above = strstr (body, "throughout the work.\n\n");
    picture = strstr (body, "```image");
    g_assert_nonnull (above);
    g_assert_nonnull (picture);
    g_assert_true (above < picture && picture < strstr (body, "## How the work will be done"));
  }
}

/* A release set as Word sets one (Carlito-like body in 11 points, a
 * letterhead in the page's head on both pages, FOR IMMEDIATE RELEASE, a
 * table of figures, "###" with the contacts under it, a footnote in 10
 * points): the letterhead and the footnote are left out, the table is
 * one, the contacts go to the note. */
static void
test_word_style (void)
{
  g_autofree char *path = data_path ("pdf-word-style.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_file (path, &error);
  const char *body;

  g_assert_no_error (error);
  body = cd_article_get_body (article);
  g_test_message ("%s", body);
  g_assert_cmpstr (cd_article_get_headline (article), ==,
                   "Brightwater Energy opens Europe’s largest tidal battery in Aberdeen");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "ABERDEEN, Scotland");
  g_assert_true (g_str_has_prefix (body, "Brightwater Energy today opened a 200-megawatt battery storage plant"));
  g_assert_nonnull (strstr (body, "The plant cost £180 million and took two years to build.\n\n“This is"));
  g_assert_nonnull (strstr (body, "\n\n## Powering 120,000 homes\n\n"));
  g_assert_nonnull (strstr (body, "expected to be:\n\n| Measure | 2025 | 2026 |\n| --- | ---: | ---: |\n"
                                  "| Energy stored (GWh) | 210 | 290 |\n| Homes supplied | 95,000 | 120,000 |\n"
                                  "| Carbon saved (tonnes) | 41,000 | 56,000 |\n| Jobs | 30 | 35 |\n\n"
                                  "The Scottish Government"));
  g_assert_nonnull (strstr (body, "\n\n## Next steps\n\n"));
  g_assert_null (strstr (body, "Marischal Street"));
  g_assert_null (strstr (body, "Measured"));
  g_assert_true (g_str_has_prefix (cd_article_get_ednote (article),
                                   "The page head: “BRIGHTWATER ENERGY | 12 Marischal Street · Aberdeen AB11 5AJ · "
                                   "brightwater.example” — FOR IMMEDIATE RELEASE — ABERDEEN, Scotland, 14 May 2025 — "
                                   "### — Media contact — "
                                   "Jane Doe — Head of "
                                   "Communications, Brightwater Energy — +44 1224 555 0199 — "
                                   "press@brightwater.example — About Brightwater Energy — "));
  g_assert_true (g_str_has_suffix (cd_article_get_ednote (article), " — The document's footnote was left out."));
}

/* LibreOffice's PDF of a release with tables: key figures (a head in
 * bold over figures set right, a label whose text runs on to a second
 * line, a source line straight under it) and a signature block side by
 * side (no head: its first row is like the others) are tables; lines of
 * labels and what they say ("Date:  Thursday 24 April"), set at a tab
 * stop, stay lines. */
static void
test_tables (void)
{
  g_autofree char *path = data_path ("pdf-table.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_file (path, &error);
  const char *body;

  g_assert_no_error (error);
  body = cd_article_get_body (article);
  g_test_message ("%s", body);
  g_assert_cmpstr (cd_article_get_headline (article), ==,
                   "Nordwind Logistics raises profit by 14 per cent in first quarter");
  g_assert_nonnull (strstr (body, "Key figures:\n\n"
                                  "|  | Q1 2025 | Q1 2024 | Change |\n"
                                  "| --- | ---: | ---: | ---: |\n"
                                  "| Revenue (€ million) | 412.6 | 388.1 | +6.3% |\n"
                                  "| Operating profit (€ million) | 51.2 | 44.9 | +14.0% |\n"
                                  "| Net profit (€ million) | 33.0 | 29.7 | +11.1% |\n"
                                  "| Employees | 3,812 | 3,655 | +4.3% |\n\n"
                                  "Source: Nordwind Logistics\n\n“Our cold-chain"));
  g_assert_nonnull (strstr (body, "the press:\n\nDate: Thursday 24 April, 10am\n\n"
                                  "Place: Nordwind House, Am Sandtorkai 5, Hamburg\n\n"
                                  "Webcast: nordwind.example/live\n\nSigned for the board:\n\n"
                                  "|  |  |\n| --- | --- |\n| Lars Petersen | Dr. Ines Vogt |\n"
                                  "| Chief Executive Officer | Chief Financial Officer |\n"
                                  "| Nordwind Logistics SE | Nordwind Logistics SE |\n\n"
                                  "The full quarterly statement"));
}

/* The body of the PDF @name, imported. */
static char *
import_body (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_file (path, &error);

  g_assert_no_error (error);
  g_test_message ("%s: %s", name, cd_article_get_body (article));
  return g_strdup (cd_article_get_body (article));
}

/* Tables as LibreOffice sets them, each cell in its column: long names
 * that wrap in the first column (one with a hyphen at the wrap), empty
 * cells, a head of years, rows whose cells stand close together with
 * wrapped text in two columns (with lines of text across the page above
 * and under them, and without), and a table over a page break whose head
 * is set again on the next page (left out) and whose head cells stand
 * closer than the table's columns. */
static void
test_table_rows (void)
{
  g_autofree char *election = import_body ("pdf-table-election.pdf");
  g_autofree char *spending = import_body ("pdf-table-empty-cells.pdf");
  g_autofree char *festival = import_body ("pdf-table-timetable-long.pdf");
  g_autofree char *programme = import_body ("pdf-table-timetable.pdf");
  g_autofree char *waiting = import_body ("pdf-table-page-break.pdf");

  g_assert_nonnull (strstr (election, "results:\n\n| Party | Candidates | Votes | Share | Seats | Change |\n"
                                      "| --- | ---: | ---: | ---: | ---: | ---: |\n"
                                      "| Conservative and Unionist Party | 42 | 18,204 | 31.2% | 17 | −3 |\n"
                                      "| Labour and Co-operative Party | 42 | 15,977 | 27.4% | 14 | 0 |\n"
                                      "| Green Party of England and Wales | 38 | 11,046 | 18.9% | 8 | +3 |\n"));
  g_assert_nonnull (strstr (election, "| Independent | 5 | 751 | 1.3% | 0 | 0 |\n\nCouncil leader"));
  g_assert_nonnull (strstr (spending, "| Scheme | 2026/27 | 2027/28 | 2028/29 | 2029/30 |\n"
                                      "| --- | ---: | ---: | ---: | ---: |\n"
                                      "| Ring road junctions | 12.4 | 18.0 | 9.5 |  |\n"
                                      "| Primary school places | 8.0 |  | 14.2 | 6.1 |\n"
                                      "| Council housing |  | 22.5 | 25.0 | 30.0 |\n"
                                      "| Flood defences | 3.2 |  |  | 4.8 |\n"
                                      "| Market Hall |  |  | 7.5 |  |\n\n"));
  /* The same table where no line of text crosses its columns: not two
   * columns of text, one read after the other. */
  g_assert_nonnull (strstr (programme, "programme:\n\n| Time | Event | Place |\n| ---: | --- | --- |\n"
                                       "| 10.00 | Opening parade with Kendal Brass Band | From Town Hall to Abbot Hall "
                                       "Park |\n"));
  g_assert_nonnull (strstr (programme, "| 21.30 | Fireworks over the River Kent | Best viewed from Miller Bridge |\n\n"
                                       "Festival director"));
  g_assert_nonnull (strstr (festival, "| Time | Event | Place |\n| ---: | --- | --- |\n"
                                      "| 10.00 | Opening parade with Kendal Brass Band | From Town Hall to Abbot Hall Park |\n"
                                      "| 11.30 | Cookery demonstration: Cumbrian lamb | Food marquee beside the riverbank |\n"
                                      "| 13.00 | Children’s storytelling and face painting | Family tent near the main "
                                      "entrance |\n"
                                      "| 14.15 | Sheepdog trials and falconry display | Lower meadow, behind the bandstand |\n"
                                      "| 16.00 | Local bands: The Fellwalkers, Moss Lane | Main stage at the top of the park |\n"
                                      "| 21.30 | Fireworks over the River Kent | Best viewed from Miller Bridge |\n\n"));
  g_assert_nonnull (strstr (waiting, "March 2026:\n\n| Specialty | Patients waiting | Median weeks | Over 52 weeks |\n"
                                     "| --- | ---: | ---: | ---: |\n| Cardiology | 1,200 | 9.0 | 0 |\n"));
  g_assert_nonnull (strstr (waiting, "| General surgery | 2,468 | 11.4 | 58 |\n| Gynaecology | 2,785 | 18.5 | 5 |\n"));
  g_assert_nonnull (strstr (waiting, "| Vascular surgery | 5,638 | 16.4 | 68 |\n\nMedical director"));
  g_assert_null (strstr (strstr (waiting, "Cardiology"), "Specialty"));
}

/* What is no table: justified text in narrow columns, whose spaces are
 * wide; two columns under a line across both (each paragraph whole);
 * a numbered list with a tab after each number, and "(a)" lines. */
static void
test_not_tables (void)
{
  g_autofree char *three = import_body ("pdf-table-newsletter-3col.pdf");
  g_autofree char *two = import_body ("pdf-table-newsletter.pdf");
  g_autofree char *numbered = import_body ("pdf-table-numbered.pdf");
  const char      *paragraph = "The parish council met on Tuesday to discuss the future of the village hall, which "
                               "needs a new roof and heating system before next winter. Members agreed to apply for a "
                               "grant from the district council and to hold a fundraising auction in May.\n\n";

  g_assert_null (strchr (three, '|'));
  g_assert_nonnull (strstr (three, paragraph));
  g_assert_null (strchr (two, '|'));
  g_assert_true (g_str_has_prefix (two, "News from the parish council, the school and the village clubs.\n\n"));
  g_assert_nonnull (strstr (two, paragraph));
  g_assert_null (strchr (numbered, '|'));
  g_assert_nonnull (strstr (numbered, "The regulator found that:\n\n1. The company did not install monitors on 61 "
                                      "of its storm overflows, despite being required to do so by 2021, and did not "
                                      "tell the regulator that the monitors were missing.\n2. Where monitors were "
                                      "installed"));
  g_assert_nonnull (strstr (numbered, "\n3. Senior managers were told"));
  g_assert_nonnull (strstr (numbered, "\n\n(a) The fine will not be paid for by customers.\n\n(b) The company"));
}

/* Two ragged columns whose lines do not line up, under a headline wider
 * than one column, a paragraph going on from the left column into the
 * right, and "ENDS" under them: each column is read whole, left first. */
static void
test_ragged_columns (void)
{
  g_autofree char *path = data_path ("pdf-ragged-columns.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_file (path, &error);
  const char *body;
  const char *left, *across, *right;

  g_assert_no_error (error);
  body = cd_article_get_body (article);
  g_test_message ("%s", body);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Tram extension to Eastfield approved");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "MIDFORD");
  g_assert_true (g_str_has_prefix (body, "Local traders rejected the revised timetable for the tram extension, saying "
                                         "the figures were incomplete. Engineers approved"));
  left = strstr (body, "\n\nThe contractor welcomed the revised timetable for the tram extension despite objections "
                       "from the opposition. Engineers questioned the budget for the new depot at Eastfield on Monday.");
  across = strstr (body, "Planning officers extended the revised timetable for the tram extension, saying the figures "
                         "were incomplete.\n\nResidents postponed");
  right = strstr (body, "\n\nLocal traders rejected compensation for shops affected by the works in a statement on "
                        "Thursday evening.");
  g_assert_nonnull (left);
  g_assert_nonnull (across);
  g_assert_nonnull (right);
  g_assert_true (left < across && across < right);
  g_assert_cmpstr (cd_article_get_ednote (article), ==, "MIDFORD, 9 October 2025 — ENDS");
}

/* A one-page release under a letterhead larger than its headline, with
 * its logo and "FOR IMMEDIATE RELEASE" between them: the headline is the
 * one over the story, the letterhead and the line go to the note, and the
 * dateline is read under the logo. */
static void
test_letterhead (void)
{
  g_autofree char *path = data_path ("pdf-letterhead.pdf");
  g_autoptr (CdArticle) article = NULL;
  guint pictures = 0;

  article = import_into_store (path, &pictures);
  /* The logo (235 × 147 pixels) left out leaves no blank line above. */
  g_assert_cmpuint (pictures, ==, 0);
  g_assert_true (g_str_has_prefix (cd_article_get_body (article), "A new emergency department for children"));
  g_test_message ("%s", cd_article_get_body (article));
  g_assert_cmpstr (cd_article_get_headline (article), ==,
                   "Harbourside hospital opens new children’s emergency department");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "PORTSMOUTH");
  g_assert_null (strstr (cd_article_get_body (article), "Harbourside Hospital Trust"));
  g_assert_null (strstr (cd_article_get_body (article), "RELEASE"));
  g_assert_true (g_str_has_prefix (cd_article_get_ednote (article),
                                   "Harbourside Hospital Trust — FOR IMMEDIATE RELEASE — "));
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "was left out as a logo or an icon."));
}

/* A one-page release whose headline is in bold in the body's size, under
 * "NEWS RELEASE" and a letterhead larger than it (the council's name, in
 * the page's head, with its address): the letterhead was the headline and
 * its address the story's first paragraph. The line to the desk marks
 * what stands above it as the letterhead. */
static void
test_letterhead_bold_headline (void)
{
  g_autofree char *path = data_path ("pdf-letterhead-bold-headline.pdf");
  g_autoptr (CdArticle) article = NULL;
  guint pictures = 0;

  article = import_into_store (path, &pictures);
  g_test_message ("%s\n%s", cd_article_get_body (article), cd_article_get_ednote (article));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves new cycle lanes on three city-centre roads");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "LEEDS");
  g_assert_true (g_str_has_prefix (cd_article_get_body (article), "Leeds City Council has approved plans"));
  g_assert_nonnull (strstr (cd_article_get_body (article), "\n\n**Consultation**\n\n"));
  g_assert_cmpstr (cd_article_get_ednote (article), ==,
                   "LEEDS CITY COUNCIL — Civic Hall · Calverley Street · Leeds LS1 1UR · leeds.example — "
                   "NEWS RELEASE — LEEDS, 3 March 2026 — ENDS");
}

/* A story's short headline in bold over an embargo and a standfirst in
 * italic as wide as the column: the standfirst ran on into the paragraph
 * of the dateline under it, so neither was read. A line in italic ends
 * its paragraph where the next does not start in italic; a short
 * headline above an embargo is no letterhead. */
static void
test_italic_standfirst (void)
{
  g_autofree char *path = data_path ("pdf-italic-standfirst.pdf");
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *embargo = NULL;
  guint            pictures = 0;

  article = import_into_store (path, &pictures);
  embargo = g_date_time_format_iso8601 (cd_article_get_embargo (article));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ospreys return");
  g_assert_cmpstr (cd_article_get_dek (article), ==,
                   "Pair spotted at the Loch Garten nest for the first time since the storms of last winter");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "INVERNESS");
  g_assert_cmpstr (embargo, ==, "2100-02-04T00:01:00Z");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "A pair of ospreys has returned to Loch Garten, RSPB Scotland said.\n\n"
                   "The birds were seen on Wednesday.\n");
}

/* LibreOffice's PDF of a German story: its title and subtitle, the "Von"
 * line and dateline, bold, italic, an emoji, a link, a picture, a
 * footnote and its mark, ENDE. */
static void
test_libreoffice_german (void)
{
  g_autofree char *path = data_path ("libreoffice-tram.pdf");
  g_autoptr (CdArticle) article = NULL;
  guint pictures = 0;

  article = import_into_store (path, &pictures);
  g_test_message ("%s", cd_article_get_body (article));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Straßenbahn fährt wieder über die Brücke");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Nach drei Wochen Sperrung: Linie 4 rollt");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Anna Berg");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "KÖLN");
  g_assert_cmpstr (cd_article_get_source (article), ==, "dpa");
  g_assert_cmpstr (cd_article_get_language (article), ==, "de");
  g_assert_true (g_str_has_prefix (cd_article_get_body (article),
                                   "Die Linie 4 fährt nicht seit Montag **wieder** über die *Mülheimer* Brücke. "
                                   "Die Sanierung kostete 12 14 Millionen Euro 🚋.\n\n"
                                   "Mehr auf [der Seite der KVB](https://www.kvb.koeln/).\n\n```image\n"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (article),
                                   "```\n\nWas sich ändert\n\nFahrgäste zahlen 3,20 €.\n"));
  g_assert_cmpuint (pictures, ==, 1);
  g_assert_cmpstr (cd_article_get_ednote (article), ==, "ENDE — The document's footnote was left out.");
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws @text with its baseline at @y, from @x. */
static void
draw (cairo_t    *cr,
      double      x,
      double      y,
      double      size,
      const char *text)
{
  cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

/* Draws @text at @y from @x to @x + WIDTH, its words spread out as a
 * justified line's are. */
static void
draw_justified (cairo_t    *cr,
                double      x,
                double      y,
                const char *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  guint                n = g_strv_length (words);
  double               total = 0, space;
  cairo_text_extents_t extents;

  cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, SIZE);
  for (guint i = 0; i < n; i++)
    {
      cairo_text_extents (cr, words[i], &extents);
      total += extents.x_advance;
    }
  space = (WIDTH - total) / (n - 1);
  g_assert_cmpfloat (space, >, 2);
  g_assert_cmpfloat (space, <, SIZE);
  for (guint i = 0; i < n; i++)
    {
      cairo_move_to (cr, x, y);
      cairo_show_text (cr, words[i]);
      cairo_text_extents (cr, words[i], &extents);
      x += extents.x_advance + space;
    }
}

/* Draws @lines from @*y on, a line a leading further down, justified
 * but for the last where it @ends its paragraph. */
static void
draw_lines (cairo_t           *cr,
            double             x,
            double            *y,
            const char *const *lines,
            gboolean           ends)
{
  for (guint i = 0; lines[i] != NULL; i++, *y += LEADING)
    if (lines[i + 1] == NULL && ends)
      draw (cr, x, *y, SIZE, lines[i]);
    else
      draw_justified (cr, x, *y, lines[i]);
}

/* The running head and foot of page @page of @pages. */
static void
draw_page_furniture (cairo_t *cr,
                     guint    page,
                     guint    pages)
{
  g_autofree char *foot = g_strdup_printf ("Page %u of %u", page, pages);

  draw (cr, 72, 40, 9, "Harbour Ferries · Press office");
  draw (cr, 470, 810, 9, foot);
}

/* A watermark in grey across the page, set at @degrees. */
static void
draw_watermark (cairo_t    *cr,
                double      degrees,
                const char *text)
{
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.6, 0.6, 0.6, 0.5);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 60);
  cairo_translate (cr, 100, 640);
  cairo_rotate (cr, -degrees * G_PI / 180);
  cairo_move_to (cr, 0, 0);
  cairo_show_text (cr, text);
  cairo_restore (cr);
}

/* A press release drawn on two A4 pages, as a word processor would set
 * it, with a watermark across each. */
static GBytes *
draw_release (void)
{
  static const char *const lede[] = {
    "SOUTHPORT, 5 December – The ferry between Southport and the island",
    "resumed on Friday after a strike that had lasted eleven days, the opera-",
    NULL,
  };
  static const char *const refunds[] = {
    "Passengers with tickets for sailings that were cancelled last week can claim",
    "their money back in three ways:",
    NULL,
  };
  static const char *const items[] = { "1. online, on the timetable page", "2. at the harbour office",
                                       "3. by post to the ferry company", NULL };
  static const char *const union_page1[] = {
    "The union said the dispute over rosters was settled on Thursday night",
    "– after talks that lasted until two in the morning – and that its crews",
    "would be back at work for the first sailing of the day on Friday, at six. The",
    NULL,
  };
  static const char *const union_page2[] = {
    "company said every sailing would run as timetabled from Saturday.",
    NULL,
  };
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, 595, 842);
  cairo_t         *cr = cairo_create (surface);
  double           y = 160;

  draw_page_furniture (cr, 1, 2);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 24);
  cairo_move_to (cr, 72, 110);
  cairo_show_text (cr, "Island ferry sails again");
  draw_lines (cr, 72, &y, lede, FALSE);
  /* "operator said." and a raised footnote mark. */
  draw (cr, 72, y, SIZE, "tor said.");
  draw (cr, 118, y - 4, 7, "1");
  y += LEADING + 8;
  draw_lines (cr, 72, &y, refunds, TRUE);
  y += 8;
  for (guint i = 0; items[i] != NULL; i++, y += LEADING)
    draw (cr, 90, y, SIZE, items[i]);
  y += 8;
  draw (cr, 72, y, SIZE, "3. Liga: the island club plays at home on Saturday.");
  y += LEADING + 8;
  cairo_tag_begin (cr, CAIRO_TAG_LINK, "uri='https://ferries.example/times'");
  draw (cr, 72, y, SIZE, "Timetables are online.");
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  y += LEADING + 8;
  /* The paragraph that goes on over the page, under its footnote. */
  y = 700;
  draw_lines (cr, 72, &y, union_page1, FALSE);
  draw (cr, 72, 770, 8, "1 The company’s figures.");
  draw_watermark (cr, 45, "DRAFT – EMBARGOED");
  cairo_show_page (cr);

  draw_page_furniture (cr, 2, 2);
  y = 80;
  draw_lines (cr, 72, &y, union_page2, TRUE);
  y += 8;
  draw (cr, 72, y, SIZE, "ENDS");
  draw_watermark (cr, 30, "CONFIDENTIAL");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Two columns under a headline across both, a paragraph a line, with a
 * picture in the right column between its paragraphs. */
static GBytes *
draw_columns_with_picture (void)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, 595, 842);
  cairo_surface_t *picture = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t         *cr = cairo_create (surface);
  cairo_t         *paint = cairo_create (picture);

  cairo_set_source_rgb (paint, 0.2, 0.4, 0.6);
  cairo_paint (paint);
  cairo_destroy (paint);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 24);
  cairo_move_to (cr, 72, 100);
  cairo_show_text (cr, "Harbour wall repaired");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *left = g_strdup_printf ("Left column, paragraph %u, its first line.", i + 1);
      g_autofree char *last = g_strdup_printf ("Left column, paragraph %u, its last line.", i + 1);

      draw (cr, 72, 150 + 250 * i, SIZE, left);
      draw (cr, 72, 165 + 250 * i, SIZE, last);
    }
  draw (cr, 320, 150, SIZE, "Right column, first paragraph,");
  draw (cr, 320, 165, SIZE, "its second line, as wide as");
  draw (cr, 320, 180, SIZE, "the others, and its last line.");
  cairo_save (cr);
  cairo_translate (cr, 320, 200);
  cairo_scale (cr, 0.5, 0.5);
  cairo_set_source_surface (cr, picture, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  draw (cr, 320, 400, SIZE, "Right column, second paragraph,");
  draw (cr, 320, 415, SIZE, "its second line, as wide as");
  draw (cr, 320, 430, SIZE, "the others, and its last line.");
  cairo_destroy (cr);
  cairo_surface_destroy (picture);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* A picture in the right column stands there, between the paragraphs of
 * that column above and under it, not among the left column's beside
 * it. */
static void
test_picture_in_column (void)
{
  g_autoptr (GBytes) pdf = draw_columns_with_picture ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "columns.pdf", NULL);
  g_autoptr (CdArticle) article = NULL;
  const char *body, *left, *above, *picture, *under;
  guint       pictures = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  article = import_into_store (path, &pictures);
  body = cd_article_get_body (article);
  g_test_message ("%s", body);
  g_assert_cmpuint (pictures, ==, 1);
  left = strstr (body, "Left column, paragraph 3, its last line.");
  above = strstr (body, "Right column, first paragraph,");
  picture = strstr (body, "```image");
  under = strstr (body, "Right column, second paragraph,");
  g_assert_nonnull (left);
  g_assert_nonnull (above);
  g_assert_nonnull (picture);
  g_assert_nonnull (under);
  g_assert_true (left < above && above < picture && picture < under);
  cd_test_rm_rf (dir);
}

/* Lines placed exactly: the running head and foot of each page are left
 * out, so are the footnote with its mark and the watermarks across the
 * pages; a word broken with a hyphen is
 * whole; a numbered list is one, while a dash that starts a line and a
 * number before a full stop in a line alone are text; a link keeps its
 * address; a paragraph goes on over the page. */
static void
test_drawn (void)
{
  g_autoptr (GBytes) pdf = draw_release ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article =
      cd_import_data (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), CD_IMPORT_FORMAT_AUTO, "release",
                      &error);

  g_assert_no_error (error);
  g_test_message ("%s", cd_article_get_body (article));
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Island ferry sails again");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "SOUTHPORT");
  g_assert_cmpstr (
      cd_article_get_body (article), ==,
      "The ferry between Southport and the island resumed on Friday after a strike that had lasted eleven days, the "
      "operator said.\n\n"
      "Passengers with tickets for sailings that were cancelled last week can claim their money back in three "
      "ways:\n\n"
      "1. online, on the timetable page\n2. at the harbour office\n3. by post to the ferry company\n\n"
      "3\\. Liga: the island club plays at home on Saturday.\n\n"
      "[Timetables are online.](https://ferries.example/times)\n\n"
      "The union said the dispute over rosters was settled on Thursday night – after talks that lasted until two "
      "in the morning – and that its crews would be back at work for the first sailing of the day on Friday, at "
      "six. The "
      "company said every sailing would run as timetabled from Saturday.\n");
  g_assert_cmpstr (cd_article_get_ednote (article), ==,
                   "The page head: “Harbour Ferries · Press office” — SOUTHPORT, 5 December — ENDS — The document's "
                   "footnote was left out.");
}

/* A release whose running head, on each of its pages, sets its embargo:
 * the embargo is read from there (it was left out with the head). */
static void
test_embargo_in_head (void)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, 595, 842);
  cairo_t         *cr = cairo_create (surface);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GDateTime) expected = g_date_time_new_utc (2027, 3, 10, 0, 1, 0);

  for (guint page = 1; page <= 2; page++)
    {
      draw (cr, 72, 40, 9, "Harbour Ferries · Press office");
      draw (cr, 72, 52, 9, "EMBARGOED UNTIL 00:01 GMT 10 MARCH 2027");
      if (page == 1)
        {
          draw (cr, 72, 110, 24, "Island ferry sails again");
          draw (cr, 72, 160, SIZE, "SOUTHPORT, 5 December – The ferry to the island resumed on Friday.");
        }
      else
        draw (cr, 72, 110, SIZE, "The company said every sailing would run as timetabled from Saturday.");
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  pdf = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  article = cd_import_data (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), CD_IMPORT_FORMAT_AUTO, "release",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Island ferry sails again");
  g_assert_nonnull (cd_article_get_embargo (article));
  g_assert_true (g_date_time_equal (cd_article_get_embargo (article), expected));
  g_assert_null (strstr (cd_article_get_body (article), "EMBARGOED"));
}

static void
assert_refused (GBytes     *bytes,
                const char *origin,
                const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article =
      cd_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), CD_IMPORT_FORMAT_AUTO, origin,
                      &error);

  g_assert_null (article);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
}

/* A PDF that holds only a picture of its page (a scan). */
static GBytes *
draw_scan (void)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, 595, 842);
  cairo_surface_t *scan = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 560);
  cairo_t         *cr = cairo_create (scan);

  cairo_set_source_rgb (cr, 0.9, 0.9, 0.85);
  cairo_paint (cr);
  cairo_destroy (cr);
  cr = cairo_create (surface);
  cairo_scale (cr, 1.4, 1.4);
  cairo_set_source_surface (cr, scan, 10, 10);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (scan);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* What cannot be read is refused with one sentence that says why. */
static void
test_refused (void)
{
  g_autofree char *locked_path = data_path ("pdf-locked.pdf");
  g_autofree char *whole_path = data_path ("pdf-press-release.pdf");
  g_autofree char *locked = NULL;
  g_autofree char *whole = NULL;
  gsize            locked_length, whole_length;
  g_autoptr (GBytes) locked_bytes = NULL;
  g_autoptr (GBytes) cut = NULL;
  g_autoptr (GBytes) scan = draw_scan ();
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);

  g_assert_true (g_file_get_contents (locked_path, &locked, &locked_length, NULL));
  g_assert_true (g_file_get_contents (whole_path, &whole, &whole_length, NULL));
  locked_bytes = g_bytes_new (locked, locked_length);
  /* Its first kilobytes: no page, no table of its objects. */
  cut = g_bytes_new (whole, 2000);

  assert_refused (locked_bytes, "statement.pdf",
                  "statement.pdf: the PDF is protected by a password; open it, remove the password and import it "
                  "again.");
  assert_refused (cut, "cut.pdf", "cut.pdf: the PDF is damaged; it cannot be read.");
  assert_refused (scan, "scan.pdf",
                  "scan.pdf: the PDF has no text in it, only pictures of its pages (a scan, perhaps); it cannot be "
                  "imported.");
  assert_refused (empty, "empty.pdf", "empty.pdf: the file is empty.");
}

/* A press office's email with the release attached as a PDF and a line
 * about it: the PDF is the story, the line goes to the note. */
static void
test_emailed (void)
{
  g_autofree char *path = data_path ("pdf-press-release.pdf");
  g_autofree char *pdf = NULL;
  gsize            length;
  g_autofree char *encoded = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = NULL;

  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  encoded = g_base64_encode ((const guchar *) pdf, length);
  message = g_strdup_printf ("From: Sam Reid <press@northshore.example>\nSubject: Flood barrier approved\n"
                             "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                             "--b\nContent-Type: text/plain; charset=utf-8\n\nPlease find our release attached.\n"
                             "--b\nContent-Type: application/pdf; name=release.pdf\n"
                             "Content-Disposition: attachment; filename=release.pdf\n"
                             "Content-Transfer-Encoding: base64\n\n%s\n--b--\n",
                             encoded);
  article = cd_import_data (message, strlen (message), CD_IMPORT_FORMAT_AUTO, "barrier.eml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves £40m flood barrier for the harbour");
  g_assert_true (g_str_has_prefix (cd_article_get_body (article), "The borough council has approved"));
  g_assert_nonnull (
      strstr (cd_article_get_ednote (article), "The message with release.pdf: “Please find our release attached.”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-pdf/press-release", test_press_release);
  g_test_add_func ("/import-pdf/two-columns", test_two_columns);
  g_test_add_func ("/import-pdf/word-style", test_word_style);
  g_test_add_func ("/import-pdf/tables", test_tables);
  g_test_add_func ("/import-pdf/table-rows", test_table_rows);
  g_test_add_func ("/import-pdf/not-tables", test_not_tables);
  g_test_add_func ("/import-pdf/ragged-columns", test_ragged_columns);
  g_test_add_func ("/import-pdf/letterhead", test_letterhead);
  g_test_add_func ("/import-pdf/letterhead-bold-headline", test_letterhead_bold_headline);
  g_test_add_func ("/import-pdf/italic-standfirst", test_italic_standfirst);
  g_test_add_func ("/import-pdf/libreoffice-german", test_libreoffice_german);
  g_test_add_func ("/import-pdf/drawn", test_drawn);
  g_test_add_func ("/import-pdf/embargo-in-head", test_embargo_in_head);
  g_test_add_func ("/import-pdf/picture-in-column", test_picture_in_column);
  g_test_add_func ("/import-pdf/refused", test_refused);
  g_test_add_func ("/import-pdf/emailed", test_emailed);
  return g_test_run ();
}
