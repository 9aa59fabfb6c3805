/* test-import-doc.c: articles from Word's binary documents (.doc): files
 * LibreOffice saved as "Word 97" (tests/data/import/libreoffice-*.doc;
 * the tram, library and release stories are `soffice --headless --convert-to
 * doc:"MS Word 97"` of the .fodt files beside them), documents written here with
 * libgsf as Word writes the plainest (one piece of text, 8-bit or
 * UTF-16, no styles), and the files that are not one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-utils.h>

#include "cd-image-ref.h"
#include "cd-import.h"
#include "cd-store.h"
#include "cd-test-import.h"
#include "cd-test-util.h"

/* Where the text and the page of character properties are in the
 * WordDocument stream written here. */
#define TEXT_AT 2048
#define CHARS_PAGE 1024

static void
put16 (guint8 *p,
       guint16 value)
{
  p[0] = value & 0xFF;
  p[1] = value >> 8;
}

static void
put32 (guint8 *p,
       guint32 value)
{
  put16 (p, value & 0xFFFF);
  put16 (p + 2, value >> 16);
}

static void
add_stream (GsfOutfile   *file,
            const char   *name,
            const guint8 *data,
            gsize         size)
{
  GsfOutput *stream = gsf_outfile_new_child (file, name, FALSE);

  g_assert_true (gsf_output_write (stream, size, data));
  g_assert_true (gsf_output_close (stream));
  g_object_unref (stream);
}

/* A compound file of the streams @names (NULL-ended) with @datas and
 * @sizes. */
static GBytes *
compound_file (const char *const   *names,
               const guint8 *const *datas,
               const gsize         *sizes)
{
  GsfOutput  *sink = gsf_output_memory_new ();
  GsfOutfile *file = gsf_outfile_msole_new (sink);
  GBytes     *bytes;

  for (guint i = 0; names[i] != NULL; i++)
    add_stream (file, names[i], datas[i], sizes[i]);
  g_assert_true (gsf_output_close (GSF_OUTPUT (file)));
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
  g_object_unref (file);
  g_object_unref (sink);
  return bytes;
}

/* A run of characters, from @first to before @end, with the property
 * modifiers (sprms) @sprms of @length bytes. */
typedef struct
{
  guint         first, end;
  const guint8 *sprms;
  guint8        length;
} DocRun;

/* A Word document (version @fib, with @flags) of @text (UTF-8, "\r"
 * ending paragraphs) in one piece, 8-bit (Windows-1252) when
 * @compressed, else UTF-16, its characters' properties the @n_runs
 * @runs on a page of their own; its text count and its piece say @extra
 * characters more than the file holds. */
static GBytes *
make_doc_with (const char   *text,
               gboolean      compressed,
               guint16       fib,
               guint16       flags,
               guint32       extra,
               const DocRun *runs,
               guint         n_runs)
{
  g_autofree char   *encoded = NULL;
  gsize              n_bytes = 0;
  glong              n_chars = g_utf8_strlen (text, -1);
  guint              width = compressed ? 1 : 2;
  g_autofree guint8 *word = NULL;
  guint8            *page;
  guint8             table[33] = { 0 };
  g_autoptr (GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint         at = 480;
  const char   *names[] = { "WordDocument", "1Table", NULL };
  const guint8 *datas[2];
  gsize         sizes[2];

  encoded = g_convert (text, -1, compressed ? "WINDOWS-1252" : "UTF-16LE", "UTF-8", NULL, &n_bytes, NULL);
  g_assert_nonnull (encoded);
  word = g_malloc0 (TEXT_AT + n_bytes);
  /* FibBase: its mark, version, language (en-US), flags (1Table). */
  put16 (word, 0xA5EC);
  put16 (word + 2, fib);
  put16 (word + 6, 0x0409);
  put16 (word + 0x0A, flags | 0x0200);
  /* 14 shorts, 22 longs (the text's count the fourth), 93 pairs (the
   * character properties' pages the 13th, the piece table the 34th). */
  put16 (word + 32, 14);
  put16 (word + 62, 22);
  put32 (word + 64 + 4 * 3, n_chars + extra);
  put16 (word + 152, 93);
  put32 (word + 154 + 8 * 12, 21);
  put32 (word + 154 + 8 * 12 + 4, n_runs > 0 ? 12 : 0);
  put32 (word + 154 + 8 * 33, 0);
  put32 (word + 154 + 8 * 33 + 4, 21);
  memcpy (word + TEXT_AT, encoded, n_bytes);
  /* The piece table: one piece of all the text. */
  table[0] = 2;
  put32 (table + 1, 16);
  put32 (table + 5, 0);
  put32 (table + 9, n_chars + extra);
  put32 (table + 15, compressed ? (TEXT_AT * 2) | 0x40000000 : TEXT_AT);
  /* The page of character properties (page 2 of the stream): the runs,
   * and plain ones between them. */
  put32 (table + 21, TEXT_AT);
  put32 (table + 25, TEXT_AT + width * n_chars);
  put32 (table + 29, CHARS_PAGE / 512);
  page = word + CHARS_PAGE;
  g_array_append_val (cuts, (guint){ 0 });
  for (guint i = 0; i < n_runs; i++)
    {
      if (runs[i].first > g_array_index (cuts, guint, cuts->len - 1))
        g_array_append_val (cuts, runs[i].first);
      g_array_append_val (cuts, runs[i].end);
    }
  if (g_array_index (cuts, guint, cuts->len - 1) < (guint) n_chars)
    g_array_append_val (cuts, (guint){ n_chars });
  page[511] = cuts->len - 1;
  for (guint k = 0; k < cuts->len; k++)
    put32 (page + 4 * k, TEXT_AT + width * g_array_index (cuts, guint, k));
  for (guint k = 0; k + 1 < cuts->len; k++)
    for (guint i = 0; i < n_runs; i++)
      if (runs[i].first == g_array_index (cuts, guint, k))
        {
          at -= 2 + runs[i].length + runs[i].length % 2;
          page[at] = runs[i].length;
          memcpy (page + at + 1, runs[i].sprms, runs[i].length);
          page[4 * cuts->len + k] = at / 2;
        }
  datas[0] = word;
  datas[1] = table;
  sizes[0] = TEXT_AT + n_bytes;
  sizes[1] = sizeof table;
  return compound_file (names, datas, sizes);
}

static GBytes *
make_doc (const char *text,
          gboolean    compressed,
          guint16     fib,
          guint16     flags,
          guint32     extra)
{
  return make_doc_with (text, compressed, fib, flags, extra, NULL, 0);
}

static const char plain_story[] = "Café reopens on the quay\r"
                                  "OSLO (NTB) - The café on the quay reopened on Sunday, its owner’s "
                                  "third start – for €20,000.\r"
                                  "Guests\tqueued at dawn.\r";

static CdArticle *
import_bytes (GBytes     *bytes,
              const char *name,
              GError    **error)
{
  return cd_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), CD_IMPORT_FORMAT_AUTO, name,
                         error);
}

/* LibreOffice's "Word 97" of a German story: the title and subtitle
 * styles, a "Von" line, a dateline, bold, italic, struck text, an
 * emoji, a link (a HYPERLINK field), a picture in line with the text,
 * a second-level heading, a footnote, a comment, a tracked insertion and
 * deletion, hidden text. */
static void
test_libreoffice (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "libreoffice-tram.doc", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-doc-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (CdArticle) alone = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  const char *body;

  g_assert_no_error (error);
  store = cd_store_open (data_dir, &error);
  g_assert_no_error (error);
  stored = cd_test_import_one (store, path, &error);
  g_assert_no_error (error);
  body = cd_article_get_body (stored);
  g_test_message ("%s", body);
  g_assert_cmpstr (cd_article_get_headline (stored), ==, "Straßenbahn fährt wieder über die Brücke");
  g_assert_cmpstr (cd_article_get_dek (stored), ==, "Nach drei Wochen Sperrung: Linie 4 rollt");
  g_assert_cmpstr (cd_article_get_byline (stored), ==, "Anna Berg");
  g_assert_cmpstr (cd_article_get_dateline (stored), ==, "KÖLN");
  g_assert_cmpstr (cd_article_get_source (stored), ==, "dpa");
  g_assert_cmpstr (cd_article_get_language (stored), ==, "de-DE");
  g_assert_true (g_str_has_prefix (
      body, "Die Linie 4 fährt seit Montag **wieder** über die *Mülheimer* Brücke. Die Sanierung kostete "
            "~~12~~ 14 Millionen Euro 🚋.\n\nMehr auf [der Seite der KVB](https://www.kvb.koeln/).\n\n"
            "```image\n"));
  /* "ENDE" closes the copy, as "ENDS" does: the desk's, to the note. */
  g_assert_true (g_str_has_suffix (body, "```\n\n## Was sich ändert\n\nFahrgäste zahlen 3,20 €.\n"));
  refs = cd_image_refs_in_body (body);
  g_assert_cmpuint (refs->len, ==, 1);
  {
    g_autoptr (CdImageInfo) info = cd_store_lookup_image (store, ((CdImageRef *) g_ptr_array_index (refs, 0))->id,
                                                          &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cd_image_info_get_width (info), ==, 640);
  }
  g_assert_null (strstr (body, "nicht"));
  g_assert_null (strstr (body, "Geheime"));
  g_assert_null (strstr (body, "KVB."));
  g_assert_cmpstr (cd_article_get_ednote (stored), ==,
                   "Comment by Peter Klein: “Zahl prüfen” — ENDE — The document had tracked changes; "
                   "they were read as accepted. — The document's footnote was left out.");
  cd_test_rm_rf (dir);

  /* Without the store: the picture is named in the note. */
  alone = cd_import_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (cd_article_get_ednote (alone), "The document holds a picture, not imported with it."));
}

/* LibreOffice's "Word 97" of a council story: a heading style as the
 * headline, the byline and dateline, a nested bulleted list, a numbered
 * one, a quotation, a table with its head. */
static void
test_libreoffice_lists_and_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "libreoffice-council.doc", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Council passes budget after month of debate");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Maria Keller");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "SPRINGFIELD");
  g_assert_cmpstr (cd_article_get_ednote (article), ==, "ENDS");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "The city council voted **7–4** late on *Tuesday* to approve a $2.1 billion budget, ending "
                   "a month of debate. Read the [report](https://example.com/report).\n\n"
                   "## What changes\n\n"
                   "- Bus fares stay at $2.50\n  - for a third year\n- 40 new teachers\n\n"
                   "1. Second reading\n2. Final vote\n\n"
                   "> “This budget asks the east side to wait again.”\n\n"
                   "| Party | Votes |\n| --- | ---: |\n| Greens | 4 |\n| Labour | 3 |\n\n"
                   "The budget returns for a second reading on March 12.\n");
}

/* LibreOffice's "Word 97" of a press release under the council's
 * letterhead (its name and address above "NEWS RELEASE", to the note),
 * its headline, a subhead and a figure in the character styles the
 * document names for bold and italic. */
static void
test_libreoffice_release (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "libreoffice-release.doc", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves new cycle lanes on three city-centre roads");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "LEEDS");
  g_assert_cmpstr (cd_article_get_ednote (article), ==,
                   "Leeds City Council — Civic Hall, Calverley Street, Leeds LS1 1UR — NEWS RELEASE — "
                   "LEEDS, 3 March 2026 — ENDS");
  g_assert_true (g_str_has_prefix (cd_article_get_body (article), "Leeds City Council has approved plans"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (article),
                                   "Travel Fund.\n\n**Consultation**\n\nMore than 4,000 people responded to "
                                   "the consultation, and *61 per cent* supported the plans.\n"));
}

/* LibreOffice's "Word 97" of a story whose standfirst is in a paragraph
 * style in italic (tests/data/import/libreoffice-standfirst.fodt): the
 * style's italic was not seen, and the standfirst, with no dateline under
 * it, was the story's first paragraph; a character style in the
 * paragraph that turns the italic off. */
static void
test_libreoffice_standfirst (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "libreoffice-standfirst.doc", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==,
                   "Ancient DNA shows Bronze Age Britons drank milk before they could digest it");
  g_assert_cmpstr (cd_article_get_dek (article), ==,
                   "Study of 400 skeletons overturns the idea that dairy farming spread with lactase persistence");
  g_assert_true (g_str_has_prefix (cd_article_get_body (article), "People in Bronze Age Britain drank milk"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (article),
                                   "\n\n*The paper,* Milk before lactase persistence*, is published in Nature.*\n"));
}

/* A press release with a header and a footer (left out), a floating
 * picture (imported where it is anchored), a text box (its text to the
 * note) and a page number field (its result). */
static void
test_libreoffice_floating (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "libreoffice-library.doc", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-doc-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  store = cd_store_open (data_dir, &error);
  g_assert_no_error (error);
  article = cd_test_import_one (store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "City opens new library");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "LONDON");
  /* The press office's address under the story is the desk's. */
  g_assert_cmpstr (cd_article_get_ednote (article), ==, "A text box: “TEXT BOX CONTENT” — Contact: press@city.example");
  refs = cd_image_refs_in_body (cd_article_get_body (article));
  g_assert_cmpuint (refs->len, ==, 1);
  expected = g_strdup_printf ("The new library opens on Monday with 40,000 books.\n\n```image\nid: %s\nalt: \n```\n\n"
                              "The mayor said it cost £12m. Section 2, see page 1.\n",
                              ((CdImageRef *) g_ptr_array_index (refs, 0))->id);
  g_assert_cmpstr (cd_article_get_body (article), ==, expected);
  cd_test_rm_rf (dir);
}

/* The plainest documents Word writes: text in one piece, 8-bit or
 * UTF-16, no styles; a file with no extension is told by its streams. */
static void
test_plain (void)
{
  for (guint compressed = 0; compressed < 2; compressed++)
    {
      g_autoptr (GBytes) doc = make_doc (plain_story, compressed, 0x00C1, 0, 0);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) named = import_bytes (doc, "cafe.doc", &error);
      g_autoptr (CdArticle) sniffed = NULL;

      /* The fuzzer's seed (tests/fuzz/corpus-doc) is made of this. */
      if (compressed && g_getenv ("CD_TEST_KEEP_DOC") != NULL)
        g_file_set_contents (g_getenv ("CD_TEST_KEEP_DOC"), g_bytes_get_data (doc, NULL), g_bytes_get_size (doc),
                             NULL);
      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (named), ==, "Café reopens on the quay");
      g_assert_cmpstr (cd_article_get_dateline (named), ==, "OSLO");
      g_assert_cmpstr (cd_article_get_source (named), ==, "NTB");
      g_assert_cmpstr (cd_article_get_body (named), ==,
                       "The café on the quay reopened on Sunday, its owner’s third start – for €20,000.\n\n"
                       "Guests queued at dawn.\n");
      sniffed = import_bytes (doc, "20261206-0042", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_body (sniffed), ==, cd_article_get_body (named));
    }
}

/* Characters' properties as Word sets them: bold on and off, a symbol
 * (Insert > Symbol) by the character it stands for, a symbol font's
 * code left out, hidden and deleted text left out, in 8-bit and UTF-16
 * text. */
static void
test_properties (void)
{
  static const guint8 bold[] = { 0x35, 0x08, 0x01 };
  static const guint8 bullet[] = { 0x55, 0x08, 0x01, 0x09, 0x6A, 0x00, 0x00, 0x22, 0x20 };
  static const guint8 wingding[] = { 0x55, 0x08, 0x01, 0x09, 0x6A, 0x00, 0x00, 0xB7, 0xF0 };
  static const guint8 hidden[] = { 0x3C, 0x08, 0x01 };
  static const guint8 deleted[] = { 0x00, 0x08, 0x01 };
  static const char   text[] = "Ferry timetable\r"
                               "( Boats sail hourly (in winter, secret never not daily.\r";
  /* clang-format off */
  const DocRun runs[] = {
    { 16, 17, bullet, sizeof bullet }, { 29, 35, bold, sizeof bold }, { 36, 37, wingding, sizeof wingding },
    { 48, 55, hidden, sizeof hidden }, { 55, 61, deleted, sizeof deleted },
  };
  /* clang-format on */

  for (guint compressed = 0; compressed < 2; compressed++)
    {
      g_autoptr (GBytes) doc = make_doc_with (text, compressed, 0x00C1, 0, 0, runs, G_N_ELEMENTS (runs));
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) article = import_bytes (doc, "ferry.doc", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry timetable");
      g_assert_cmpstr (cd_article_get_body (article), ==, "• Boats sail **hourly** in winter, not daily.\n");
      g_assert_cmpstr (cd_article_get_ednote (article), ==,
                       "The document had tracked changes; they were read as accepted.");
    }
}

/* A Word document attached to a covering note is the story; so is one
 * saved with .msg (a compound file all the same). */
static void
test_emailed (void)
{
  g_autoptr (GBytes) doc = make_doc (plain_story, TRUE, 0x00C1, 0, 0);
  g_autofree char *encoded = g_base64_encode (g_bytes_get_data (doc, NULL), g_bytes_get_size (doc));
  g_autofree char *message = g_strdup_printf ("From: Kari Nordmann <kari@example.org>\n"
                                              "Subject: Cafe story\n"
                                              "MIME-Version: 1.0\n"
                                              "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
                                              "--b1\nContent-Type: text/plain; charset=utf-8\n\nStory attached.\n"
                                              "--b1\nContent-Type: application/msword\nContent-Disposition: "
                                              "attachment; filename=\"cafe.doc\"\n"
                                              "Content-Transfer-Encoding: base64\n\n%s\n--b1--\n",
                                              encoded);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) emailed = cd_import_data (message, strlen (message), CD_IMPORT_FORMAT_AUTO, "cafe.eml",
                                                  &error);
  g_autoptr (CdArticle) as_msg = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (emailed), ==, "Café reopens on the quay");
  g_assert_cmpstr (cd_article_get_byline (emailed), ==, "Kari Nordmann");
  g_assert_true (g_str_has_prefix (cd_article_get_body (emailed), "The café on the quay reopened on Sunday"));
  as_msg = import_bytes (doc, "cafe.msg", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (as_msg), ==, "Café reopens on the quay");
}

/* Word saved Rich Text, web pages and text under .doc too: each is read
 * as what it is. */
static void
test_named_doc (void)
{
  static const char rtf[] = "{\\rtf1\\ansi \\pard Harbour reopens\\par\\pard ROTTERDAM (Reuters) - "
                            "The harbour reopened on Sunday after three days.\\par}";
  static const char html[] = "<html><body><h1>Harbour reopens</h1><p>ROTTERDAM (Reuters) - The harbour "
                             "reopened on Sunday after three days.</p></body></html>";
  static const char text[] = "Harbour reopens\n\nROTTERDAM (Reuters) - The harbour reopened on Sunday after "
                             "three days.\n";
  const char *const files[] = { rtf, html, text };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) article = cd_import_data (files[i], strlen (files[i]), CD_IMPORT_FORMAT_AUTO,
                                                      "harbour.doc", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (article), ==, "Harbour reopens");
      g_assert_true (g_str_has_suffix (cd_article_get_body (article), "The harbour reopened on Sunday after three days.\n"));
    }
}

static void
assert_refused (GBytes     *bytes,
                const char *name,
                const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = import_bytes (bytes, name, &error);

  g_test_message ("%s", name);
  g_assert_null (article);
  g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* What cannot be read is refused with one sentence that says why. */
static void
test_refused (void)
{
  g_autoptr (GBytes) locked = make_doc (plain_story, TRUE, 0x00C1, 0x0100, 0);
  g_autoptr (GBytes) old = make_doc (plain_story, TRUE, 0x0068, 0, 0);
  g_autoptr (GBytes) overlong = make_doc (plain_story, FALSE, 0x00C1, 0, 4000);
  g_autoptr (GBytes) blank = make_doc ("\r\r", TRUE, 0x00C1, 0, 0);
  g_autoptr (GBytes) cut = NULL;
  g_autoptr (GBytes) workbook = NULL;
  g_autoptr (GBytes) binary = g_bytes_new_static ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n\0\0", 17);
  g_autoptr (GBytes) mark = g_bytes_new_static ("\xec\xa5", 2);
  const char *const names[] = { "Workbook", NULL };
  const guint8     *datas[] = { (const guint8 *) "\x09\x08" };
  const gsize       sizes[] = { 2 };
  g_autoptr (GBytes) short_word = NULL;

  assert_refused (locked, "locked.doc",
                  "locked.doc: the Word document is protected by a password; open it, remove the password and "
                  "import it again.");
  assert_refused (old, "old.doc",
                  "old.doc: the document is from Word 95 or older, which cannot be read; save it as .docx or .odt "
                  "and import that.");
  assert_refused (overlong, "long.doc",
                  "long.doc: the Word document is damaged; it cannot be read (its text runs past the end of the "
                  "file).");
  cut = g_bytes_new_from_bytes (locked, 0, 600);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) empty = import_bytes (blank, "blank.doc", &error);
    g_autoptr (CdArticle) damaged = NULL;

    g_assert_null (empty);
    g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY);
    g_assert_cmpstr (error->message, ==, "blank.doc: the Word document has no text in it.");
    g_clear_error (&error);
    damaged = import_bytes (cut, "cut.doc", &error);
    g_assert_null (damaged);
    g_assert_true (g_str_has_prefix (error->message, "cut.doc: the Word document is damaged; it cannot be read ("));
  }
  workbook = compound_file (names, datas, sizes);
  assert_refused (workbook, "sheet.doc",
                  "sheet.doc: the file is an Office document of the old binary kind but neither a Word document "
                  "nor an Outlook message (a spreadsheet or a presentation, perhaps); it cannot be imported.");
  assert_refused (workbook, "sheet",
                  "sheet: the file is an Office document of the old binary kind but neither a Word document "
                  "nor an Outlook message (a spreadsheet or a presentation, perhaps); it cannot be imported.");
  /* A PDF named .doc is read as the PDF it is (cut short here). */
  assert_refused (binary, "scan.doc", "scan.doc: the PDF is damaged; it cannot be read.");
  {
    const char *const word_names[] = { "WordDocument", NULL };
    const guint8     *word_datas[] = { g_bytes_get_data (mark, NULL) };
    const gsize       word_sizes[] = { 2 };

    short_word = compound_file (word_names, word_datas, word_sizes);
  }
  assert_refused (short_word, "short.doc",
                  "short.doc: the Word document is damaged; it cannot be read (its WordDocument stream does not "
                  "start as a Word document's does).");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gsf_init ();

  g_test_add_func ("/import-doc/libreoffice", test_libreoffice);
  g_test_add_func ("/import-doc/libreoffice-lists-and-table", test_libreoffice_lists_and_table);
  g_test_add_func ("/import-doc/libreoffice-release", test_libreoffice_release);
  g_test_add_func ("/import-doc/libreoffice-standfirst", test_libreoffice_standfirst);
  g_test_add_func ("/import-doc/libreoffice-floating", test_libreoffice_floating);
  g_test_add_func ("/import-doc/plain", test_plain);
  g_test_add_func ("/import-doc/properties", test_properties);
  g_test_add_func ("/import-doc/emailed", test_emailed);
  g_test_add_func ("/import-doc/named-doc", test_named_doc);
  g_test_add_func ("/import-doc/refused", test_refused);

  return g_test_run ();
}
