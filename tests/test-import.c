/* test-import.c: Markdown, wire copy, HTML, agency XML and ninjs importers, and
 * bad input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "cd-test-util.h"
#include "cd-export.h"
#include "cd-import.h"
#include "cd-language.h"
#include "cd-render.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("copydesk-test-import-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  cd_test_rm_rf (f->dir);
  g_free (f->dir);
}

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static CdArticle *
import_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_import_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static char *
import_sample_error (const char *name,
                     int         code)
{
  g_autofree char *path = sample_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_file (path, &error);

  g_assert_null (article);
  g_assert_error (error, CD_IMPORT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, path));
  return g_strdup (error->message + strlen (path));
}

static void
assert_time (GDateTime  *dt,
             const char *expected)
{
  g_autoptr (GDateTime) want = cd_parse_iso8601 (expected);

  g_assert_nonnull (dt);
  g_assert_nonnull (want);
  g_assert_true (g_date_time_equal (dt, want));
  g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, g_date_time_get_utc_offset (want));
}

/* Markdown */

static void
test_markdown_every_field (void)
{
  g_autoptr (CdArticle) a = import_sample ("full-front-matter.md");
  g_autofree char    *path = sample_path ("full-front-matter.md");
  g_autofree char    *text = NULL;
  const char *const  *tags;
  const CdCorrection *c;
  JsonObject         *extra, *wordpress;
  JsonArray          *ids;

  g_assert_cmpstr (cd_article_get_uuid (a), ==, "5f0c7a4e-2b1d-4c3a-9e8f-1a2b3c4d5e6f");
  g_assert_cmpstr (cd_article_get_headline (a), ==,
                   "Flood waters rise in Passau: Danube crests at 12.8 metres");
  g_assert_cmpstr (cd_article_get_dek (a), ==,
                   "Residents of the old town were told to leave by nightfall.");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Anna Berger");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "PASSAU, Germany");
  g_assert_cmpstr (cd_article_get_source (a), ==, "Copydesk News");
  g_assert_cmpstr (cd_article_get_slug (a), ==, "passau-floods");
  g_assert_cmpstr (cd_article_get_section (a), ==, "World");
  tags = cd_article_get_tags (a);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 3);
  g_assert_cmpstr (tags[0], ==, "floods");
  g_assert_cmpstr (tags[1], ==, "Bavaria");
  g_assert_cmpstr (tags[2], ==, "weather, extreme");
  g_assert_cmpint (cd_article_get_status (a), ==, CD_ARTICLE_STATUS_READY_FOR_EDIT);
  assert_time (cd_article_get_embargo (a), "2026-03-01T09:00:00+01:00");
  g_assert_cmpuint (cd_article_get_length_target (a), ==, 650);
  g_assert_cmpstr (cd_article_get_language (a), ==, "en-GB");
  g_assert_cmpstr (cd_article_get_ednote (a), ==,
                   "Check the river level with the water authority before 8pm.\n"
                   "Photo desk has two more frames.\n");
  assert_time (cd_article_get_created (a), "2026-02-28T17:45:00Z");
  assert_time (cd_article_get_modified (a), "2026-02-28T18:02:10Z");
  g_assert_cmpstr (cd_article_get_image (a), ==, "/srv/photos/passau-flood.jpg");
  g_assert_cmpstr (cd_article_get_image_caption (a), ==,
                   "Residents wade through a flooded street in Passau's old town.");
  g_assert_cmpstr (cd_article_get_image_credit (a), ==, "Armin Weigel/dpa");

  g_assert_cmpuint (cd_article_get_n_corrections (a), ==, 2);
  c = cd_article_get_correction (a, 0);
  assert_time (c->date, "2026-02-28T19:00:00Z");
  g_assert_cmpstr (c->note, ==, "An earlier version gave the crest as 12.2 metres.");
  c = cd_article_get_correction (a, 1);
  assert_time (c->date, "2026-03-01T00:00:00Z");
  g_assert_cmpstr (c->note, ==, "Corrects the mayor's name.");

  /* Unknown keys are kept with their types, nested ones too. */
  extra = cd_article_get_extra (a);
  g_assert_nonnull (extra);
  g_assert_cmpuint (json_object_get_size (extra), ==, 3);
  wordpress = json_object_get_object_member (extra, "wordpress");
  g_assert_nonnull (wordpress);
  ids = json_object_get_array_member (wordpress, "category_ids");
  g_assert_cmpuint (json_array_get_length (ids), ==, 2);
  g_assert_cmpint (json_array_get_int_element (ids, 1), ==, 40);
  g_assert_false (json_object_get_boolean_member (wordpress, "sticky"));
  g_assert_cmpint (json_object_get_int_member (extra, "desk_priority"), ==, 2);
  g_assert_true (json_object_get_null_member (extra, "reviewed_by"));

  /* The body is everything after the closing line, byte for byte. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (cd_article_get_body (a), ==, strstr (text, "\n---\n") + 5);
  g_assert_true (g_str_has_prefix (cd_article_get_body (a), "The Danube crested"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (a), "told to leave.\n"));
}

static void
test_markdown_tags_string (void)
{
  g_autoptr (CdArticle) a = import_sample ("tags-comma.md");
  const char *const *tags = cd_article_get_tags (a);

  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 3);
  g_assert_cmpstr (tags[0], ==, "transport");
  g_assert_cmpstr (tags[1], ==, "council");
  g_assert_cmpstr (tags[2], ==, "harbour");
  g_assert_cmpint (cd_article_get_status (a), ==, CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  g_assert_true (g_uuid_string_is_valid (cd_article_get_uuid (a)));
  g_assert_cmpstr (cd_article_get_body (a), ==, "The council voted 31 to 12 on Monday night.\n");
}

static void
test_markdown_heading_headline (void)
{
  g_autoptr (CdArticle) a = import_sample ("no-front-matter.md");
  g_autoptr (CdArticle) b = NULL;
  g_autoptr (CdArticle) c = NULL;
  g_autoptr (GError) error = NULL;
  const char *with_front = "---\nbyline: Jo\n---\n# Kept in the body\n\nText.\n";
  const char *later = "Intro paragraph.\n\n# Not a headline\n";
  const char *marked = "# The *big* day \\# 2 ##\nText.\n";
  g_autoptr (CdArticle) d = NULL;

  /* Without front matter a leading "# Heading" is the headline; the
   * second one stays a heading in the body. */
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Night trains return to the Alps");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "Two operators will run sleepers from Vienna to Zurich again this winter.\n"
                   "\n# Timetable\n\nDepartures are at 21:40.\n");

  /* With front matter the body is kept exactly. */
  b = cd_import_data (with_front, strlen (with_front), CD_IMPORT_FORMAT_MARKDOWN, "x.md", &error);
  g_assert_no_error (error);
  g_assert_null (cd_article_get_headline (b));
  g_assert_cmpstr (cd_article_get_body (b), ==, "# Kept in the body\n\nText.\n");

  /* A heading that does not open the text is not a headline. */
  c = cd_import_data (later, strlen (later), CD_IMPORT_FORMAT_MARKDOWN, "y.md", &error);
  g_assert_no_error (error);
  g_assert_null (cd_article_get_headline (c));
  g_assert_cmpstr (cd_article_get_body (c), ==, later);

  /* Markup in the heading does not reach the plain-text headline. */
  d = cd_import_data (marked, strlen (marked), CD_IMPORT_FORMAT_MARKDOWN, "z.md", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (d), ==, "The big day # 2");
  g_assert_cmpstr (cd_article_get_body (d), ==, "Text.\n");
}

/* Markdown from other tools (Pandoc, Hugo, Jekyll) names the headline
 * "title", the dek "subtitle" and the byline "author", one or a list; a
 * file that names Copydesk's field keeps the other key as it is, and
 * either comes back from an export unchanged. */
static void
test_markdown_other_tools (void)
{
  const char *pandoc = "---\ntitle: Night trains return\nsubtitle: Sleepers to Zurich\n"
                       "author: [Ann Lee, Bo Chan]\ndate: 2024-01-05\n---\nText.\n";
  const char *both = "---\nheadline: ''\ntitle: Kept aside\nauthor: {name: Ann}\n---\nText.\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (pandoc, strlen (pandoc), CD_IMPORT_FORMAT_MARKDOWN, "p.md", &error);
  g_autoptr (CdArticle) b = NULL;
  JsonObject *extra;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Night trains return");
  g_assert_cmpstr (cd_article_get_dek (a), ==, "Sleepers to Zurich");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Ann Lee, Bo Chan");
  extra = cd_article_get_extra (a);
  g_assert_nonnull (extra);
  g_assert_true (json_object_has_member (extra, "date"));
  g_assert_false (json_object_has_member (extra, "title"));
  g_assert_false (json_object_has_member (extra, "author"));

  b = cd_import_data (both, strlen (both), CD_IMPORT_FORMAT_MARKDOWN, "b.md", &error);
  g_assert_no_error (error);
  g_assert_true (cd_article_get_headline (b) == NULL || *cd_article_get_headline (b) == '\0');
  g_assert_null (cd_article_get_byline (b));
  g_assert_true (json_object_has_member (cd_article_get_extra (b), "title"));
  g_assert_true (json_object_has_member (cd_article_get_extra (b), "author"));

  for (guint i = 0; i < 2; i++)
    {
      CdArticle       *article = i == 0 ? a : b;
      g_autofree char *markdown = cd_export_markdown (article);
      g_autoptr (CdArticle) again = cd_import_data (markdown, strlen (markdown), CD_IMPORT_FORMAT_MARKDOWN,
                                                    "again.md", &error);

      g_assert_no_error (error);
      g_assert_true (cd_article_equal (article, again));
    }
}

static void
test_markdown_crlf_and_bom (void)
{
  const char *text = "\xef\xbb\xbf---\r\nheadline: Windows file\r\ntags: [a, b]\r\n---\r\nBody\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_MARKDOWN,
                                            "win.md", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Windows file");
  g_assert_cmpstr (cd_article_get_body (a), ==, "Body\r\n");
}

static void
assert_markdown_error (const char *text,
                       const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_MARKDOWN,
                                            "story.md", &error);

  g_assert_null (a);
  g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_FRONT_MATTER);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("Expected a message starting “%s”, got “%s”", expected, error->message);
}

static void
test_markdown_bad_front_matter (void)
{
  g_autofree char *colon = import_sample_error ("malformed-front-matter.md",
                                                CD_IMPORT_ERROR_FRONT_MATTER);
  g_autofree char *unclosed = import_sample_error ("unclosed-front-matter.md",
                                                   CD_IMPORT_ERROR_FRONT_MATTER);
  g_autofree char *embargo = import_sample_error ("bad-embargo.md", CD_IMPORT_ERROR_FRONT_MATTER);

  g_assert_true (g_str_has_prefix (colon, ": line 3 of the front matter (line 4 of the file): "));
  g_assert_nonnull (strstr (colon, "':'"));
  g_assert_cmpstr (unclosed, ==,
                   ": the front matter opened by “---” on line 1 has no closing “---” line.");
  g_assert_true (g_str_has_prefix (embargo, ": line 3 of the front matter"));
  g_assert_nonnull (strstr (embargo, "tomorrow morning"));

  assert_markdown_error ("---\nheadline: A\nheadline: B\n---\n",
                         "story.md: line 2 of the front matter (line 3 of the file): "
                         "the key “headline” appears twice.");
  assert_markdown_error ("---\n- just\n- a list\n---\n",
                         "story.md: line 1 of the front matter (line 2 of the file): "
                         "the front matter should be “key: value” lines, not a list.");
  assert_markdown_error ("---\nuuid: not-a-uuid\n---\n",
                         "story.md: line 1 of the front matter (line 2 of the file): "
                         "“not-a-uuid” is not a uuid");
  assert_markdown_error ("---\nheadline: A\nstatus: printed\n---\n",
                         "story.md: line 2 of the front matter (line 3 of the file): "
                         "“printed” is not a status");
  assert_markdown_error ("---\nheadline:\n  - a list\n---\n",
                         "story.md: line 2 of the front matter (line 3 of the file): "
                         "“headline” should be text, not a list.");
  assert_markdown_error ("---\nlength_target: many\n---\n",
                         "story.md: line 1 of the front matter (line 2 of the file): "
                         "the length target “many” is not a number of words.");
  /* An embargo read as UTC could lift hours early: it must name its zone. */
  assert_markdown_error ("---\nheadline: A\nembargo: 2026-12-01 09:00:00\n---\n",
                         "story.md: line 2 of the front matter (line 3 of the file): "
                         "the embargo “2026-12-01 09:00:00” has no time zone; add one such as "
                         "+01:00 or Z so that it lifts when it should.");
  assert_markdown_error ("---\nembargo: 2026-12-01\n---\n",
                         "story.md: line 1 of the front matter (line 2 of the file): "
                         "the embargo “2026-12-01” has no time zone;");
  {
    static const char *zoned[] = { "2026-12-01T09:00:00Z", "2026-12-01 09:00:00-05:00",
                                   "2026-12-01T09:00:00+01", "\"2026-12-01T09:00:00.5Z\"" };

    for (guint i = 0; i < G_N_ELEMENTS (zoned); i++)
      {
        g_autofree char *text = g_strdup_printf ("---\nembargo: %s\ncreated: 2026-11-01 "
                                                 "08:00:00\n---\n",
                                                 zoned[i]);
        g_autoptr (GError) error = NULL;
        g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_MARKDOWN,
                                                  "z.md", &error);

        g_assert_no_error (error);
        g_assert_nonnull (cd_article_get_embargo (a));
        /* Other times without a zone are still read as UTC. */
        assert_time (cd_article_get_created (a), "2026-11-01T08:00:00Z");
      }
  }
  assert_markdown_error ("---\ncorrections:\n  - note: no date\n---\n",
                         "story.md: line 2 of the front matter (line 3 of the file): "
                         "a correction needs both a “date” and a “note”.");
  assert_markdown_error ("---\nheadline: \"unterminated\n---\n",
                         "story.md: line ");
  /* A number too large for a double stays text, so it survives export. */
  {
    const char *huge = "---\nscore: 1e999\nratio: 0.1\n---\n";
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) a = cd_import_data (huge, strlen (huge), CD_IMPORT_FORMAT_MARKDOWN,
                                              "h.md", &error);

    g_assert_no_error (error);
    JsonObject *extra = cd_article_get_extra (a);

    g_assert_cmpstr (json_object_get_string_member (extra, "score"), ==, "1e999");
    g_assert_cmpfloat (json_object_get_double_member (extra, "ratio"), ==, 0.1);
  }
  /* Aliases that would expand without end are refused, not followed. */
  assert_markdown_error ("---\nx: &a [*a, *a]\n---\n", "story.md: line ");
}

/* Flow collections 100,000 deep are refused at the limit, before the
 * parser has read them all (it slows down with every open level). */
static void
test_markdown_deep_nesting (void)
{
  static const char *opens[] = { "[", "{a: ", "- " };
  const guint        levels = 100000;

  for (guint i = 0; i < G_N_ELEMENTS (opens); i++)
    {
      g_autoptr (GString) text = g_string_new ("---\nheadline: x\nextra: ");

      if (g_str_equal (opens[i], "- "))
        g_string_append (text, "\n  ");
      for (guint j = 0; j < levels; j++)
        g_string_append (text, opens[i]);
      for (guint j = 0; opens[i][0] == '[' && j < levels; j++)
        g_string_append_c (text, ']');
      g_string_append (text, "\n---\nbody\n");
      assert_markdown_error (text->str,
                             g_str_equal (opens[i], "- ")
                                 ? "story.md: line 3 of the front matter (line 4 of the file): "
                                   "the value is nested more than 64 levels deep."
                                 : "story.md: line 2 of the front matter (line 3 of the file): "
                                   "the value is nested more than 64 levels deep.");
    }

  /* 63 levels around a value are still read. */
  {
    g_autoptr (GString) text = g_string_new ("---\nextra: ");
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) a = NULL;
    JsonNode *node;

    for (guint j = 0; j < 63; j++)
      g_string_append_c (text, '[');
    g_string_append_c (text, '1');
    for (guint j = 0; j < 63; j++)
      g_string_append_c (text, ']');
    g_string_append (text, "\n---\n");
    a = cd_import_data (text->str, text->len, CD_IMPORT_FORMAT_MARKDOWN, "story.md", &error);
    g_assert_no_error (error);
    node = json_object_get_member (cd_article_get_extra (a), "extra");
    for (guint j = 0; j < 63; j++)
      node = json_array_get_element (json_node_get_array (node), 0);
    g_assert_cmpint (json_node_get_int (node), ==, 1);
  }
}

/* Wire copy */

static void
test_wire_ap (void)
{
  g_autoptr (CdArticle) a = import_sample ("wire-ap.txt");

  g_assert_cmpstr (cd_article_get_headline (a), ==,
                   "Flood waters rise in Passau as Danube crests at record level");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "PASSAU, Germany");
  g_assert_cmpstr (cd_article_get_source (a), ==, "AP");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "ANNA BERGER, Associated Press");
  g_assert_cmpstr (cd_article_get_image_caption (a), ==,
                   "Residents wade through a flooded street in the old town of Passau, Germany, "
                   "on Tuesday, Nov. 24, 2026.");
  g_assert_cmpstr (cd_article_get_image_credit (a), ==, "AP Photo/Matthias Schrader");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "The Danube crested at a record 12.8 meters on Tuesday, flooding the old town "
                   "of Passau for the second time in a decade and forcing more than 2,000 people "
                   "from their homes.\n"
                   "\n"
                   "Mayor Juergen Dupper said the water was \"higher than anyone here has ever "
                   "seen,\" and asked residents to stay away from the riverbanks.\n"
                   "\n"
                   "## Evacuations\n"
                   "\n"
                   "Firefighters used boats to reach people trapped on upper floors. About 300 "
                   "soldiers were helping to fill sandbags, the army said.\n"
                   "\n"
                   "Weather forecasters expect the rain to ease by Thursday.\n");
}

static void
test_wire_reuters (void)
{
  g_autoptr (CdArticle) a = import_sample ("wire-reuters.txt");
  const char *body;

  /* "PLACE, Month Day (SOURCE) - text": the date is the article's own. */
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "BERLIN");
  g_assert_cmpstr (cd_article_get_source (a), ==, "Reuters");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Andreas Rinke");
  g_assert_null (cd_article_get_image_caption (a));
  body = cd_article_get_body (a);
  g_assert_true (g_str_has_prefix (body, "Germany's coalition agreed on a 2027 budget early on "
                                         "Tuesday after talks that ran through the night"));
  g_assert_nonnull (strstr (body, "\n\n## Defence spending\n\n"));
  g_assert_true (g_str_has_suffix (body, "\n\n(Reporting by Andreas Rinke; "
                                         "Editing by Tom Hardy)\n"));
}

static void
test_wire_dpa (void)
{
  g_autoptr (CdArticle) a = import_sample ("wire-dpa.txt");

  g_assert_cmpstr (cd_article_get_headline (a), ==,
                   "Hochwasser in Passau: Donau erreicht Rekordstand");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "Passau");
  g_assert_cmpstr (cd_article_get_source (a), ==, "dpa");
  g_assert_cmpstr (cd_article_get_image_caption (a), ==,
                   "Helfer füllen am Dienstag in der Altstadt Sandsäcke.");
  g_assert_cmpstr (cd_article_get_image_credit (a), ==, "Armin Weigel/dpa");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "Die Donau hat in Passau einen Rekordstand von 12,80 Metern erreicht. "
                   "Mehr als 2000 Menschen mussten ihre Wohnungen verlassen.\n"
                   "\n## Bundeswehr hilft\n"
                   "\nRund 300 Soldaten unterstützen die Einsatzkräfte beim Befüllen von "
                   "Sandsäcken.\n");
}

/* A story template's label lines at the top, or under the first line (an
 * email's subject), give their fields and leave the text; one "Note:"
 * line alone is the story's. */
static void
test_wire_labels (void)
{
  static const char top[] = "Slug: council-budget\n"
                            "Hed: Council passes budget after month of debate\n"
                            "Dek: Taxes stay flat; roads wait\n"
                            "\n"
                            "By: Maria Keller\n"
                            "Section: Local\n"
                            "Tags: council, budget; schools\n"
                            "Words: about 1,200\n"
                            "Caption: The council chamber on Tuesday.\n"
                            "Credit: Jane Roe/Springfield Times\n"
                            "Editor's note: Check the vote count.\n"
                            "\n"
                            "SPRINGFIELD (AP) - The city council voted 7-4 late on Tuesday.\n"
                            "\n"
                            "Residents can comment online.\n";
  static const char under[] = "Budget story\n\nHeadline: Council passes budget\nBy: Maria Keller\n\n"
                              "The city council voted 7-4 late on Tuesday.\n";
  static const char alone[] = "Council passes budget\n\nNote: the figures are preliminary.\n\n"
                              "The city council voted 7-4 late on Tuesday.\n";
  g_autoptr (CdArticle) a = cd_import_data (top, strlen (top), CD_IMPORT_FORMAT_WIRE, "budget.txt", NULL);
  g_autoptr (CdArticle) b = cd_import_data (under, strlen (under), CD_IMPORT_FORMAT_WIRE, "budget.txt", NULL);
  g_autoptr (CdArticle) c = cd_import_data (alone, strlen (alone), CD_IMPORT_FORMAT_WIRE, "budget.txt", NULL);
  const char *const tags[] = { "council", "budget", "schools", NULL };

  g_assert_cmpstr (cd_article_get_slug (a), ==, "council-budget");
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Council passes budget after month of debate");
  g_assert_cmpstr (cd_article_get_dek (a), ==, "Taxes stay flat; roads wait");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Maria Keller");
  g_assert_cmpstr (cd_article_get_section (a), ==, "Local");
  g_assert_cmpstrv (cd_article_get_tags (a), tags);
  g_assert_cmpuint (cd_article_get_length_target (a), ==, 1200);
  g_assert_cmpstr (cd_article_get_image_caption (a), ==, "The council chamber on Tuesday.");
  g_assert_cmpstr (cd_article_get_image_credit (a), ==, "Jane Roe/Springfield Times");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "SPRINGFIELD");
  g_assert_cmpstr (cd_article_get_source (a), ==, "AP");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "The city council voted 7-4 late on Tuesday.\n\nResidents can comment online.\n");
  g_assert_cmpstr (cd_article_get_ednote (a), ==, "Check the vote count.");

  g_assert_cmpstr (cd_article_get_headline (b), ==, "Council passes budget");
  g_assert_cmpstr (cd_article_get_byline (b), ==, "Maria Keller");
  g_assert_cmpstr (cd_article_get_body (b), ==, "The city council voted 7-4 late on Tuesday.\n");

  g_assert_cmpstr (cd_article_get_headline (c), ==, "Council passes budget");
  g_assert_nonnull (strstr (cd_article_get_body (c), "Note: the figures are preliminary."));
}

/* A byline in the newsroom's other languages ("Von Anna Berg, dpa",
 * "Par Jean Dupont", "Door Piet de Vries") is the byline; a line that
 * only starts with the word ("Von Montag an gilt", "Par avion") is not. */
static void
test_wire_foreign_bylines (void)
{
  static const struct
  {
    const char *line, *byline;
  } cases[] = {
    {"Von Anna Berg, dpa",                 "Anna Berg, dpa"},
    { "Par Jean Dupont",                   "Jean Dupont"   },
    { "Door Piet de Vries",                "Piet de Vries" },
    { "Por Ana Gil",                       "Ana Gil"       },
    { "Von Montag an gilt die neue Regel", NULL            },
    { "Par avion",                         NULL            },
    { "Von Berlin nach Paris",             NULL            },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Stadtrat beschließt Haushalt\n\n%s\n\n"
                                               "BERLIN (dpa) - Der Rat stimmte am Dienstag zu.\n",
                                               cases[i].line);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE, "de.txt", &error);

      g_assert_no_error (error);
      g_test_message ("%s → %s", cases[i].line, cd_article_get_byline (a));
      g_assert_cmpstr (cd_article_get_byline (a), ==, cases[i].byline);
    }
}

static void
test_wire_plain (void)
{
  g_autoptr (CdArticle) a = import_sample ("wire-no-dateline.txt");
  g_autoptr (CdArticle) b = import_sample ("wire-crlf.txt");
  g_autofree char *html = NULL;

  g_assert_cmpstr (cd_article_get_headline (a), ==, "Markets close higher on tech rally");
  g_assert_null (cd_article_get_dateline (a));
  /* Text that looks like Markdown is escaped and renders as typed. */
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "Shares rose for a third day on Tuesday, led by chip makers. "
                   "The index gained 1.2 per cent.\n"
                   "\n\\* Analysts said the rally had further to run.\n"
                   "\n\\#markets 1. Note: prices are delayed by 15 minutes.\n");
  html = cd_render_markdown (cd_article_get_body (a), -1, CD_RENDER_NONE);
  g_assert_nonnull (strstr (html, "<p>* Analysts said"));
  g_assert_nonnull (strstr (html, "<p>#markets 1. Note:"));

  g_assert_cmpstr (cd_article_get_headline (b), ==, "Harbour bridge to close for repairs");
  g_assert_cmpstr (cd_article_get_dateline (b), ==, "HAMBURG");
  g_assert_null (cd_article_get_source (b));
  g_assert_cmpstr (cd_article_get_body (b), ==,
                   "The Koehlbrand bridge will close for six weeks from March, the port "
                   "authority said on Monday.\n");
}

/* What an agency sends around the story for the desk (its slug and
 * priority, the version label before the headline, notes to editors, a
 * version note in brackets, the desk's sign-off) goes to the internal
 * note, never into the headline, dek or body; bullets in a row are a list
 * and a rule across the page a thematic break. */
static void
test_wire_transmission (void)
{
  g_autoptr (CdArticle) ap = import_sample ("wire-ap-writethru.txt");
  g_autoptr (CdArticle) reuters = import_sample ("wire-reuters-update.txt");
  g_autoptr (CdArticle) afp = import_sample ("wire-afp-lead.txt");
  g_autofree char *html = NULL;

  g_assert_cmpstr (cd_article_get_headline (ap), ==,
                   "Floods force thousands from homes in southern Germany");
  g_assert_null (cd_article_get_dek (ap));
  g_assert_cmpstr (cd_article_get_byline (ap), ==, "KIRSTEN GRIESHABER, Associated Press");
  g_assert_cmpstr (cd_article_get_dateline (ap), ==, "PASSAU, Germany");
  g_assert_cmpstr (cd_article_get_ednote (ap), ==,
                   "BC-EU--Germany-Floods,3rd Ld-Writethru — Eds: UPDATES with death toll "
                   "rising to 4, quote from mayor. With AP Photos.");
  g_assert_true (g_str_has_prefix (cd_article_get_body (ap), "Rising floodwaters forced"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (ap),
                                   "the city said.\n\n---\n\nAssociated Press writer Geir "
                                   "Moulson in Berlin contributed to this report.\n"));
  html = cd_render_markdown (cd_article_get_body (ap), -1, CD_RENDER_NONE);
  g_assert_nonnull (strstr (html, "<hr />\n<p>Associated Press writer"));

  g_assert_cmpstr (cd_article_get_headline (reuters), ==,
                   "Germany floods: thousands evacuated as Danube rises");
  g_assert_null (cd_article_get_dek (reuters));
  g_assert_cmpstr (cd_article_get_byline (reuters), ==, "Maria Martinez");
  g_assert_cmpstr (cd_article_get_ednote (reuters), ==,
                   "UPDATE 2 — (Adds death toll, quote from mayor in paragraphs 3-4) — BERLIN, Dec 4 (Reuters)");
  g_assert_nonnull (strstr (cd_article_get_body (reuters),
                            "decade.\n\n- Four dead, officials say\n"
                            "- Army deployed to help with sandbags\n\n\"We have"));

  g_assert_cmpstr (cd_article_get_headline (afp), ==,
                   "Thousands flee as floods hit southern Germany");
  g_assert_cmpstr (cd_article_get_source (afp), ==, "AFP");
  g_assert_cmpstr (cd_article_get_ednote (afp), ==,
                   "Germany-weather-floods,LEAD — Passau, Germany, Dec 4, 2026 (AFP) — mm/jbo/ach");
  g_assert_true (g_str_has_suffix (cd_article_get_body (afp), "the mayor said.\n"));
}

/* Paragraphs as wire copy marks them: blank lines between wrapped lines,
 * a paragraph a line, or an indent opening each paragraph. */
static void
test_wire_paragraph_forms (void)
{
  /* clang-format off */
  static const struct {
    const char *text;
    const char *body;
  } cases[] = {
    /* Wrapped by hand, blank lines between: lines joined. */
    { "Rally\n\nNEW YORK (Reuters) - Stocks rose on Tuesday as investors bet\n"
      "that rates would fall.\n\nThe index gained 1.2%.\n",
      "Stocks rose on Tuesday as investors bet that rates would fall.\n\nThe index gained 1.2%.\n" },
    /* A paragraph a line, longer than lines wrapped by hand. */
    { "Rally\n\nNEW YORK (Reuters) - Stocks rose on Tuesday as investors bet that the Federal "
      "Reserve would cut rates sooner than expected.\nThe index gained 1.2%.\n"
      "Chip makers led the gains.\n",
      "Stocks rose on Tuesday as investors bet that the Federal Reserve would cut rates sooner "
      "than expected.\n\nThe index gained 1.2%.\n\nChip makers led the gains.\n" },
    /* An indent opens each paragraph: a tab, or spaces. */
    { "Rally\n\n\tNEW YORK (Reuters) - Stocks rose on Tuesday as investors bet\n"
      "that rates would fall.\n\tThe index gained 1.2%.\n   Chip makers led\nthe gains.\n",
      "Stocks rose on Tuesday as investors bet that rates would fall.\n\n"
      "The index gained 1.2%.\n\nChip makers led the gains.\n" },
    /* A caption on one long line, its credit on the next. */
    { "Rally\n\nTraders work on the floor of the New York Stock Exchange on Tuesday as chip makers "
      "led a broad rally.\n(AP Photo/Jo Hart)\n\nNEW YORK (Reuters) - Stocks rose on Tuesday as "
      "investors bet\nthat rates would fall.\n\nThe index gained 1.2%.\n",
      "Stocks rose on Tuesday as investors bet that rates would fall.\n\nThe index gained 1.2%.\n" },
    /* The whole text indented alike is no paragraph mark. */
    { "Rally\n\n   NEW YORK (Reuters) - Stocks rose on Tuesday as investors bet\n"
      "   that rates would fall.\n\n   The index gained 1.2%.\n",
      "Stocks rose on Tuesday as investors bet that rates would fall.\n\nThe index gained 1.2%.\n" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (cases[i].text, strlen (cases[i].text),
                                                CD_IMPORT_FORMAT_WIRE, "w.txt", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (a), ==, "Rally");
      g_assert_cmpstr (cd_article_get_dateline (a), ==, "NEW YORK");
      g_assert_cmpstr (cd_article_get_body (a), ==, cases[i].body);
      g_assert_null (cd_article_get_dek (a));
    }
  /* The caption has no space left over from the empty text beside its
   * credit. */
  {
    g_autoptr (CdArticle) a = cd_import_data (cases[3].text, strlen (cases[3].text),
                                              CD_IMPORT_FORMAT_WIRE, "w.txt", NULL);

    g_assert_cmpstr (cd_article_get_image_caption (a), ==,
                     "Traders work on the floor of the New York Stock Exchange on Tuesday as "
                     "chip makers led a broad rally.");
    g_assert_cmpstr (cd_article_get_image_credit (a), ==, "AP Photo/Jo Hart");
  }
}

/* Agency XML */

static CdArticle *
import_xml (const char *xml,
            GError    **error)
{
  return cd_import_data (xml, strlen (xml), CD_IMPORT_FORMAT_XML, "item.xml", error);
}

/* NITF: every field from the markup that names it, the story with its
 * subheads, links, lists and blocks, the picture's caption and credit, the
 * tagline; the dateline leaves the first paragraph; notes to editors go to
 * the internal note and a release time still ahead is the embargo. The
 * file names NITF's DTD, which is not read: an HTML entity is its
 * character. */
static void
test_xml_nitf (void)
{
  g_autoptr (CdArticle) a = import_sample ("nitf-ap.xml");
  const char *const *tags = cd_article_get_tags (a);
  g_autofree char   *embargo = g_date_time_format_iso8601 (cd_article_get_embargo (a));

  g_assert_cmpstr (cd_article_get_headline (a), ==,
                   "Floods force thousands from homes in southern Germany");
  g_assert_cmpstr (cd_article_get_dek (a), ==, "The Danube crested at 12.2 meters in Passau");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "KIRSTEN GRIESHABER, Associated Press");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "PASSAU, Germany");
  g_assert_cmpstr (cd_article_get_source (a), ==, "AP");
  g_assert_cmpstr (cd_article_get_language (a), ==, "en-US");
  g_assert_cmpstr (embargo, ==, "2099-12-04T12:00:00Z");
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "Floods");
  g_assert_cmpstr (tags[1], ==, "Germany");
  g_assert_cmpstr (cd_article_get_ednote (a), ==,
                   "Eds: UPDATES with death toll rising to 4, quote from mayor. — With AP Photos.");
  g_assert_cmpstr (cd_article_get_image_caption (a), ==,
                   "Residents wade through a flooded street in Passau on Monday.");
  g_assert_cmpstr (cd_article_get_image_credit (a), ==, "AP Photo/Matthias Schrader");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "Rising floodwaters forced thousands of people from their homes in southern "
                   "Germany on Monday, and officials said at least four people had died.\n\n"
                   "“We have never seen anything like this,” Mayor Jürgen Dupper told reporters. "
                   "The city’s [website](https://www.passau.de/) listed *shelters*.\n\n"
                   "## Evacuations\n\n"
                   "Firefighters used boats to reach people & pets trapped on upper floors.\n\n"
                   "- Schools closed\n- Trains halted\n\n"
                   "The Danube crested at 12.2 meters (40 feet) in the afternoon — a record.\n\n"
                   "Associated Press writer Geir Moulson in Berlin contributed to this report.\n");

  /* NITF's own attribute for the language, as NTB sends it. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) ntb = import_xml (
        "<nitf baselang='nb-NO'><body><body.head><hedline><hl1>Det regner</hl1></hedline>"
        "</body.head><body.content><p>Det regner i Oslo.</p></body.content></body></nitf>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_language (ntb), ==, "nb-NO");
  }
}

/* NITF as AAP sends agencies' copy: the feed's fixed-width lines each
 * broken with <br /> after a space, which wrap and are no breaks; breaks
 * of short lines, or of XML laid out by hand, stay. The agency's sign-off
 * and the end mark under the story go to the note. Lines in columns are
 * preformatted. */
static void
test_xml_wrapped_lines (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) wrapped = import_xml (
      "<nitf><body><body.head><hedline><hl1>Port sold</hl1></hedline></body.head>"
      "<body.content><p>   SEOUL, Nov 26 AFP - The port operator has announced the sale of "
      "<br />four terminals on the southern coast for $US1.7 billion as the <br />group "
      "steps up its restructuring.</p>"
      "<p>Address:<br />1 Harbour Road<br />Busan</p>"
      "<p>The group said in a statement on Wednesday that talks had ended\n"
      "      <br />\n      and that the buyer would take over in the first half.</p>"
      "<p>   AFP sn</p><p>ends</p></body.content></body></nitf>",
      &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_dateline (wrapped), ==, "SEOUL");
  g_assert_cmpstr (cd_article_get_source (wrapped), ==, "AFP");
  g_assert_cmpstr (cd_article_get_body (wrapped), ==,
                   "The port operator has announced the sale of four terminals on the "
                   "southern coast for $US1.7 billion as the group steps up its "
                   "restructuring.\n\n"
                   "Address:\\\n1 Harbour Road\\\nBusan\n\n"
                   "The group said in a statement on Wednesday that talks had ended\\\n"
                   "and that the buyer would take over in the first half.\n");
  g_assert_cmpstr (cd_article_get_ednote (wrapped), ==, "SEOUL, Nov 26 AFP \u2014 AFP sn \u2014 ends");

  /* Results set in columns with spaces in a <p>, as Reuters sends them:
   * preformatted, under their first line of prose. Typewritten copy with
   * two spaces after its full stops is no table. */
  {
    g_autoptr (CdArticle) results = import_xml (
        "<nitf><body><body.content><p>Jan 30 (Reuters) - Results from the championship "
        "matches on Monday\nMonday, January 30\nAdanaspor     2 Kasimpasa    0  \n"
        "Besiktas      5 Konyaspor    1\n   Standings   P  W  Pts\n"
        "1  Besiktas    19 13 44\n</p>"
        "<p>He left.  She stayed.\nThey met.  Then\nwent home.  Late.\nThe end.  Yes.</p>"
        "</body.content></body></nitf>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_body (results), ==,
                     "Results from the championship matches on Monday\n\n"
                     "```\nMonday, January 30\nAdanaspor     2 Kasimpasa    0\n"
                     "Besiktas      5 Konyaspor    1\n   Standings   P  W  Pts\n"
                     "1  Besiktas    19 13 44\n```\n\n"
                     "He left. She stayed. They met. Then went home. Late. The end. Yes.\n");
  }

  /* ANSA closes a story with its name in brackets. */
  {
    g_autoptr (CdArticle) ansa = import_xml (
        "<nitf><body><body.content><p>Il governo ha approvato il piano.</p><p>(ANSA).</p>"
        "</body.content></body></nitf>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_body (ansa), ==, "Il governo ha approvato il piano.\n");
    g_assert_cmpstr (cd_article_get_ednote (ansa), ==, "(ANSA).");
  }
  {
    g_autoptr (CdArticle) signed_off = import_xml (
        "<nitf><body><body.content><p>Il piano.</p><p>Lo ha detto il ministro (ANSA).</p>"
        "</body.content></body></nitf>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_body (signed_off), ==,
                     "Il piano.\n\nLo ha detto il ministro.\n");
    g_assert_cmpstr (cd_article_get_ednote (signed_off), ==, "(ANSA)");
  }

  /* A last paragraph that only looks like one stays. */
  {
    g_autoptr (CdArticle) kept = import_xml (
        "<nitf><body><body.content><p>Talks ended.</p><p>AFP and AP</p>"
        "<p>AP contributed</p><p>(Updated).</p><p>(AFP) said so.</p></body.content></body></nitf>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_body (kept), ==,
                     "Talks ended.\n\nAFP and AP\n\nAP contributed\n\n(Updated).\n\n(AFP) said so.\n");
    g_assert_null (cd_article_get_ednote (kept));
  }
}

/* The byline over the dateline in the story, as Reuters and
 * BusinessDesk send it: the article's byline when its metadata names no
 * one; the dateline the story prints over the place its metadata names;
 * a standfirst that repeats the headline after the slug, none; the
 * transmission label before Reuters' headline, a note. */
static void
test_xml_byline_over_dateline (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) nitf = import_xml (
      "<nitf><body><body.head><hedline><hl1>Receivers install acting chief</hl1>"
      "<hl2>Receivers install acting chief</hl2></hedline>"
      "<byline>By<person>Staff Reporter</person><byttl>BusinessDesk</byttl></byline>"
      "</body.head><body.content><p>By Jonathan Underhill</p>"
      "<p>Jan. 12 (BusinessDesk) - The receivers appointed a retailing veteran.</p>"
      "</body.content></body></nitf>",
      &error);
  g_autoptr (CdArticle) g2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_byline (nitf), ==, "Jonathan Underhill");
  g_assert_null (cd_article_get_dek (nitf));
  /* A person as a NewsML-G2 item's creator. */
  {
    g_autoptr (CdArticle) afp = import_xml ("<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><contentMeta>"
                                            "<headline>Queimadas no Pantanal</headline><creator role='AFPdescRole:correspondent'>"
                                            "<name>Carolina SILVA</name></creator></contentMeta><contentSet><inlineXML>"
                                            "<html xmlns='http://www.w3.org/1999/xhtml'><body><p>O fogo avançou.</p></body></html>"
                                            "</inlineXML></contentSet></newsItem>",
                                            &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_byline (afp), ==, "Carolina SILVA");
  }
  /* The provider as the source; a note to editors over the story. */
  {
    g_autoptr (CdArticle) yna = import_xml ("<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><itemMeta>"
                                            "<provider literal='Yonhap News Agency'/></itemMeta><contentMeta>"
                                            "<headline>Exports jump</headline></contentMeta><contentSet><inlineXML>"
                                            "<html xmlns='http://www.w3.org/1999/xhtml'><body><p>(ATTN: ADDS ministry comments in paras 5-6)</p>"
                                            "<p>Exports jumped 11 percent in April.</p></body></html></inlineXML></contentSet></newsItem>",
                                            &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_source (yna), ==, "Yonhap News Agency");
    g_assert_cmpstr (cd_article_get_body (yna), ==, "Exports jumped 11 percent in April.\n");
    g_assert_cmpstr (cd_article_get_ednote (yna), ==, "(ATTN: ADDS ministry comments in paras 5-6)");
  }
  /* A label before the name, as STA's NITF has it. */
  {
    g_autoptr (CdArticle) sta = import_xml ("<nitf><body><body.head><hedline><hl1>Parliament passes bill</hl1></hedline>"
                                            "<byline>Author: <person>Tina Kovač</person></byline></body.head>"
                                            "<body.content><p>The bill passed.</p></body.content></body></nitf>",
                                            &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_byline (sta), ==, "Tina Kovač");
  }
  /* The item's dateline says the place, not its location's country;
   * Reuters' bullets typed a paragraph each, then its byline, over the
   * dateline. */
  {
    g_autoptr (CdArticle) rtrs = import_xml (
        "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><contentMeta><located qcode='N2:NO'><name>Norway</name></located>"
        "<dateline>OSLO, May 6 (Reuters)</dateline><headline>Nordvik Shipping beats forecast</headline></contentMeta>"
        "<contentSet><inlineXML><html xmlns='http://www.w3.org/1999/xhtml'><body>"
        "<p>* Q1 EBITDA $512 mln vs forecast $468 mln</p><p>* Shares up 6.8%</p><p>By Ingrid Haugen</p>"
        "<p>OSLO, May 6 (Reuters) - Nordvik Shipping reported a bigger-than-expected rise in profit on Thursday.</p>"
        "</body></html></inlineXML></contentSet></newsItem>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_dateline (rtrs), ==, "OSLO");
    g_assert_cmpstr (cd_article_get_byline (rtrs), ==, "Ingrid Haugen");
    g_assert_null (strstr (cd_article_get_body (rtrs), "Ingrid Haugen"));
    g_assert_true (g_str_has_suffix (cd_article_get_body (rtrs), "\n\nNordvik Shipping reported a bigger-than-expected rise in profit on Thursday.\n"));
  }
  /* NITF's source: the agency the byline names, else the holder of the
   * copyright. */
  {
    g_autoptr (CdArticle) pap = import_xml ("<nitf><head><docdata><doc.copyright year='2027' holder='Polska Agencja Prasowa'/></docdata></head>"
                                            "<body><body.head><hedline><hl1>Inflacja spadła</hl1></hedline>"
                                            "<byline><person>Anna Nowak</person> (PAP)</byline></body.head>"
                                            "<body.content><p>Inflacja spadła w marcu.</p></body.content></body></nitf>",
                                            &error);
    g_autoptr (CdArticle) held = import_xml ("<nitf><head><docdata><doc.copyright year='2027' holder='Polska Agencja Prasowa'/></docdata></head>"
                                             "<body><body.head><hedline><hl1>Inflacja spadła</hl1></hedline></body.head>"
                                             "<body.content><p>Inflacja spadła w marcu.</p></body.content></body></nitf>",
                                             &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_source (pap), ==, "PAP");
    g_assert_cmpstr (cd_article_get_source (held), ==, "Polska Agencja Prasowa");
  }
  /* The comma before the writer's title in the byline's own text. */
  {
    g_autoptr (CdArticle) ap = import_xml ("<nitf><body><body.head><hedline><hl1>Storm closes ports</hl1></hedline>"
                                           "<byline>By <person>DANA WHITFIELD</person>, <byttl>Associated Press</byttl></byline>"
                                           "</body.head><body.content><p>The storm closed ports.</p></body.content></body></nitf>",
                                           &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_byline (ap), ==, "DANA WHITFIELD, Associated Press");
  }
  g_assert_cmpstr (cd_article_get_body (nitf), ==, "The receivers appointed a retailing veteran.\n");

  g2 = import_xml ("<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><contentMeta>"
                   "<slugline>US-SYRIA-ASSAD</slugline>"
                   "<headline>UPDATE 1-Confident Assad launches new term</headline>"
                   "<description role='descRole:caption'>US-SYRIA-ASSAD (UPDATE 1):UPDATE "
                   "1-Confident Assad launches"
                   "</description><located><name>Bangalore</name></located></contentMeta>"
                   "<contentSet><inlineXML><html xmlns='http://www.w3.org/1999/xhtml'><body>"
                   "<p>By Marwan Makdisi</p><p>DAMASCUS (Reuters) - Bashar al-Assad was sworn in "
                   "on Wednesday.</p></body></html></inlineXML></contentSet></newsItem>",
                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (g2), ==, "Confident Assad launches new term");
  g_assert_cmpstr (cd_article_get_ednote (g2), ==, "UPDATE 1");
  g_assert_cmpstr (cd_article_get_byline (g2), ==, "Marwan Makdisi");
  g_assert_cmpstr (cd_article_get_dateline (g2), ==, "DAMASCUS");
  g_assert_null (cd_article_get_dek (g2));
  g_assert_cmpstr (cd_article_get_body (g2), ==, "Bashar al-Assad was sworn in on Wednesday.\n");
}

/* The dateline a story's metadata gives, as agencies fill it: place,
 * date and source in one ("SYDNEY March 22 AAP -"), a date or a time
 * alone (no place), a place in two parts (kept whole); a story's first
 * paragraph that opens with a date alone and its source ("Jan 30
 * (Gracenote) - …"), which names no place either, or with its source
 * before its place ("(ANSA) - ROMA, 1 LUG - …"). */
static void
test_xml_given_dateline (void)
{
  static const struct
  {
    const char *dateline;
    const char *place;
    const char *source;
  } given[] = {
    {"SYDNEY March 22 AAP -",               "SYDNEY",                "AAP" },
    { "PASSAU, Germany, Dec 5, 2026 (AFP)", "PASSAU, Germany",       "AFP" },
    { "PARIS, 5 déc. (AFP) -",             "PARIS",                 "AFP" },
    { "GROSSETO, Italy",                    "GROSSETO, Italy",       NULL  },
    { "NEW YORK",                           "NEW YORK",              NULL  },
    { "Washington AP",                      "Washington",            "AP"  },
    { "Ottawa Ontario Canada",              "Ottawa Ontario Canada", NULL  },
    { "Marseille 13",                       "Marseille 13",          NULL  },
    { "LISBOA, 5 fevereiro (Lusa)",         "LISBOA",                "Lusa"},
    { "AMSTERDAM, 5 maart (ANP)",           "AMSTERDAM",             "ANP" },
    { "DEN HAAG, 12 augustus (ANP)",        "DEN HAAG",              "ANP" },
    { "STOCKHOLM, 3 maj (TT)",              "STOCKHOLM",             "TT"  },
    { "OSLO, 5. desember (NTB)",            "OSLO",                  "NTB" },
    { "WIEN, 7. Jänner (APA)",             "WIEN",                  "APA" },
    { "12 augustus",                        NULL,                    NULL  },
    { "4/4/2018",                           NULL,                    NULL  },
    { "Jan. 12",                            NULL,                    NULL  },
    { "2018-01-03 20:13:08 GMT+00:00",      NULL,                    NULL  },
    { "Tuesday, March 3",                   NULL,                    NULL  },
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      g_autofree char *escaped = g_markup_escape_text (given[i].dateline, -1);
      g_autofree char *nitf = g_strdup_printf (
          "<nitf><body><body.head><hedline><hl1>Talks resume</hl1></hedline>"
          "<dateline>%s</dateline></body.head><body.content><p>Talks resumed.</p>"
          "</body.content></body></nitf>",
          escaped);
      g_autofree char *newsml = g_strdup_printf (
          "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Talks resume</HeadLine>"
          "<DateLine>%s</DateLine></NewsLines><ContentItem><MediaType FormalName='Text'/>"
          "<DataContent>Talks resumed.</DataContent></ContentItem></NewsComponent>"
          "</NewsItem></NewsML>",
          escaped);
      g_autoptr (CdArticle) a = import_xml (nitf, &error);
      g_autoptr (CdArticle) b = NULL;

      g_test_message ("%s", given[i].dateline);
      g_assert_no_error (error);
      b = import_xml (newsml, &error);
      g_assert_no_error (error);
      for (CdArticle *article = a; article != NULL; article = article == a ? b : NULL)
        {
          g_assert_cmpstr (cd_article_get_dateline (article), ==, given[i].place);
          g_assert_cmpstr (cd_article_get_source (article), ==, given[i].source);
          g_assert_cmpstr (cd_article_get_body (article), ==, "Talks resumed.\n");
        }
    }

  /* A location marked up in parts: its city. */
  {
    g_autoptr (CdArticle) a = import_xml (
        "<nitf><body><body.head><hedline><hl1>Talks resume</hl1></hedline><dateline><location><city>Bellinzona</city>"
        "<country>CH</country></location><story.date>14.07.2027</story.date></dateline></body.head>"
        "<body.content><p>Talks resumed.</p></body.content></body></nitf>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_dateline (a), ==, "Bellinzona");
  }
  /* A first paragraph opening with a date and its source: the date is no
   * place, the metadata's stands. */
  {
    g_autoptr (CdArticle) a = import_xml (
        "<nitf><body><body.head><hedline><hl1>Turkish results</hl1></hedline>"
        "</body.head><body.content><p>Jan 30 (Gracenote) - Results and standings from the "
        "Turkish championship.</p></body.content></body></nitf>",
        &error);
    g_autoptr (CdArticle) b = NULL;

    g_assert_no_error (error);
    g_assert_null (cd_article_get_dateline (a));
    g_assert_cmpstr (cd_article_get_source (a), ==, "Gracenote");
    g_assert_cmpstr (cd_article_get_body (a), ==,
                     "Results and standings from the Turkish championship.\n");
    b = import_xml ("<nitf><body><body.head><hedline><hl1>Turkish results</hl1></hedline>"
                    "<dateline>ISTANBUL</dateline></body.head><body.content><p>Jan. 30 "
                    "(Reuters) - Results.</p></body.content></body></nitf>",
                    &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_dateline (b), ==, "ISTANBUL");
    g_assert_cmpstr (cd_article_get_body (b), ==, "Results.\n");
  }

  /* The source before the place and its date, as ANSA writes it; the
   * desk's initials where the byline goes, as EFE fills it, a note. */
  {
    g_autoptr (CdArticle) a = import_xml (
        "<nitf><body><body.head><hedline><hl1>Mostra a Roma</hl1></hedline>"
        "<byline>gr/bp</byline></body.head><body.content><p>(ANSA) - ROMA, 1 LUG - Apre la "
        "mostra (PD).</p></body.content></body></nitf>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_dateline (a), ==, "ROMA");
    g_assert_cmpstr (cd_article_get_source (a), ==, "ANSA");
    g_assert_null (cd_article_get_byline (a));
    g_assert_cmpstr (cd_article_get_ednote (a), ==, "gr/bp — ROMA, 1 LUG");
    g_assert_cmpstr (cd_article_get_body (a), ==, "Apre la mostra (PD).\n");
  }

  /* The place the metadata names, in capitals before a hyphen, as The
   * Canadian Press opens a story (any place so before a sentence's
   * capital, and it is the dateline over the metadata's); Ritzau's source between slashes, and
   * its sign-off so; look-alikes stay; old AP's "_" for a dash, which
   * Markdown escapes. */
  {
    static const struct
    {
      const char *given;
      const char *text;
      const char *dateline;
      const char *body;
    } cases[] = {
      {"Ottawa Ontario Canada", "OTTAWA - A man is charged.",                                   "OTTAWA",      "A man is charged.\n"               },
      { "Londonderry",          "LONDON - a man is charged.",                                   "Londonderry", "LONDON - a man is charged.\n"      },
      { NULL,                   "UK - the figures are out.",                                    NULL,          "UK - the figures are out.\n"       },
      { NULL,                   "København /ritzau/: En mand er løsladt.\n\n/ritzau/",        "København",
       "En mand er løsladt.\n"                                                                                                                    },
      { NULL,                   "Prices in EUR /kg/: up again.",                                NULL,          "Prices in EUR /kg/: up again.\n"   },
      { "Pittsburgh",           "FORT WASHINGTON, Pa. (AP) _ Nutrisystem Inc. beat estimates.",
       "FORT WASHINGTON, Pa.",                                                                                 "Nutrisystem Inc. beat estimates.\n"},
      { "Londonderry",          "LONDON - A man is charged.",                                   "LONDON",      "A man is charged.\n"               },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *dateline =
            cases[i].given ? g_strdup_printf ("<dateline>%s</dateline>", cases[i].given) : g_strdup ("");
        g_auto (GStrv) paragraphs = g_strsplit (cases[i].text, "\n\n", -1);
        g_autofree char *joined = g_strjoinv ("</p><p>", paragraphs);
        g_autofree char *nitf = g_strdup_printf (
            "<nitf><body><body.head><hedline><hl1>Charged</hl1></hedline>%s</body.head>"
            "<body.content><p>%s</p></body.content></body></nitf>",
            dateline, joined);
        g_autoptr (CdArticle) a = import_xml (nitf, &error);

        g_test_message ("%s", cases[i].text);
        g_assert_no_error (error);
        g_assert_cmpstr (cd_article_get_dateline (a), ==, cases[i].dateline);
        g_assert_cmpstr (cd_article_get_body (a), ==, cases[i].body);
        if (i == 3)
          {
            g_assert_cmpstr (cd_article_get_source (a), ==, "ritzau");
            g_assert_cmpstr (cd_article_get_ednote (a), ==, "/ritzau/");
          }
      }
  }

  /* A correction's version note over the story (Reuters) to the note,
   * and the dateline under it. */
  {
    g_autoptr (CdArticle) a = import_xml (
        "<nitf><body><body.head><hedline><hl1>Illinois floods</hl1></hedline></body.head>"
        "<body.content><p>(In Jan. 3 story, corrects last paragraph)</p><p>Jan 3 (Reuters) - "
        "Residents waited.</p></body.content></body></nitf>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_ednote (a), ==, "(In Jan. 3 story, corrects last paragraph)");
    g_assert_null (cd_article_get_dateline (a));
    g_assert_cmpstr (cd_article_get_body (a), ==, "Residents waited.\n");
  }

  /* The source in NewsML-G2's credit line, without the dash STT writes
   * after it; one before the agency it passes on stays. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *g2 = g_strdup_printf (
          "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><contentMeta>"
          "<headline>Moilanen siirtyy</headline><creditline>%s</creditline></contentMeta>"
          "<contentSet><inlineXML><html xmlns='http://www.w3.org/1999/xhtml'><body>"
          "<p>Diplomi-insinööri Mikko Moilanen siirtyy.</p></body></html></inlineXML>"
          "</contentSet></newsItem>",
          i == 0 ? "STT&#8211;" : "STT&#8211;AFP");
      g_autoptr (CdArticle) a = import_xml (g2, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_source (a), ==, i == 0 ? "STT" : "STT–AFP");
    }
}

/* A feed that escapes its text twice ("o&amp;#39;clock", which reads
 * "o&#39;clock"): each character reference is read as the character it
 * names and the note says so; an ampersand escaped once, or before a name
 * that is no entity, stays as it is. In NITF and in ninjs's HTML. */
static void
test_xml_escaped_twice (void)
{
  static const char ninjs[] =
      "{\"type\": \"text\", \"headline\": \"Alcohol Act passes\", \"body_html\": "
      "\"<p>Open until 4 o&amp;#8217;clock at AT&amp;T.</p>\"}";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = import_xml (
      "<nitf><body><body.head><hedline><hl1>Alcohol Act passes</hl1></hedline></body.head>"
      "<body.content><p>&amp;quot;Open until 4 o&amp;#39;clock,&amp;quot; she said of "
      "AT&amp;amp;T &amp;amp; Alko&amp;#x2019;s &amp;eacute;lan.</p>"
      "<p>Not AT&amp;T; nor &amp;madeup; nor &amp;#;.</p></body.content></body></nitf>",
      &error);
  g_autoptr (CdArticle) b = NULL;
  g_autoptr (CdArticle) c = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "\"Open until 4 o'clock,\" she said of AT&T & Alko’s élan.\n\n"
                   "Not AT\\&T; nor \\&madeup; nor &#;.\n");
  g_assert_cmpstr (cd_article_get_ednote (a), ==,
                   "7 characters the feed escaped twice (“&amp;quot;”, …) were read as the "
                   "characters they name.");

  b = cd_import_data (ninjs, strlen (ninjs), CD_IMPORT_FORMAT_NINJS, "item.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (b), ==, "Open until 4 o’clock at AT&T.\n");
  g_assert_cmpstr (cd_article_get_ednote (b), ==,
                   "A character the feed escaped twice (“&amp;#8217;”) was read as the "
                   "character it names.");

  /* Escaped once: as it was. */
  c = import_xml ("<nitf><body><body.content><p>AT&amp;T &amp; Alko&#x2019;s</p>"
                  "</body.content></body></nitf>",
                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (c), ==, "AT&T & Alko’s\n");
  g_assert_null (cd_article_get_ednote (c));
}

/* A feed's standfirst that is the story's first paragraph, or its first
 * words cut from it (PA's abstracts), is none: the story keeps them. One
 * cut inside a word, or of other words, stays. */
static void
test_xml_dek_of_lede (void)
{
  static const struct
  {
    const char *dek;
    const char *kept;
  } cases[] = {
    {"The UK risks breaking up unless all nations play a role.", NULL                                                },
    { "The UK risks breaking",                                   NULL                                                },
    { "The UK risks breaking ",                                  NULL                                                },
    { "The UK risks break",                                      "The UK risks break"                                },
    { "Nations must play a role, the First Minister warns",      "Nations must play a role, the First Minister warns"},
  };
  static const char ninjs[] =
      "{\"type\": \"text\", \"headline\": \"Bake Off leads\", \"description_text\": "
      "\"Bake Off made a clean sweep.\", \"body_html\": \"<p>Bake Off made a clean sweep.</p>"
      "<p>Five of five.</p>\"}";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) b = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *nitf = g_strdup_printf (
          "<nitf><body><body.head><hedline><hl1>UK break-up not inconceivable</hl1>"
          "<hl2>%s</hl2></hedline></body.head><body.content><p>The UK risks breaking up unless "
          "all nations play a role.</p><p>Talks start on Friday.</p></body.content></body></nitf>",
          cases[i].dek);
      g_autoptr (CdArticle) a = import_xml (nitf, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_dek (a), ==, cases[i].kept);
      g_assert_cmpstr (cd_article_get_body (a), ==,
                       "The UK risks breaking up unless all nations play a role.\n\n"
                       "Talks start on Friday.\n");
    }

  b = cd_import_data (ninjs, strlen (ninjs), CD_IMPORT_FORMAT_NINJS, "item.json", &error);
  g_assert_no_error (error);
  g_assert_null (cd_article_get_dek (b));
  g_assert_cmpstr (cd_article_get_body (b), ==, "Bake Off made a clean sweep.\n\nFive of five.\n");
}

/* The agency's topic before its headline leaves it for the note: a word
 * of the slug line and a hyphen (Reuters), after a transmission label
 * too, or a code in capitals and a colon (AAP); a name the slug line
 * spells with its hyphen, a hyphen after a word the slug lacks, and a
 * colon before a space stay. */
static void
test_xml_headline_topic (void)
{
  static const struct
  {
    const char *slug;
    const char *headline;
    const char *kept;
    const char *note;
  } cases[] = {
    {"GLOBAL-PRECIOUS/ (UPDATE 1)",     "UPDATE 1-PRECIOUS-Gold rises on safe haven demand",
     "Gold rises on safe haven demand",                                                                                                         "UPDATE 1 — PRECIOUS"},
    { "SOCCER-ENGLAND/CHELSEA-BENITEZ", "Soccer-Smiling Benitez pleads for support",
     "Smiling Benitez pleads for support",                                                                                                      "Soccer"               },
    { NULL,                             "ASIA:Samsung sells defence units",                      "Samsung sells defence units",                 "ASIA"                 },
    { "COCA-COLA-RESULTS/",             "Coca-Cola profits rise",                                "Coca-Cola profits rise",                      NULL                   },
    { "USA-CHINA/TRADE",                "US-China trade talks resume",                           "US-China trade talks resume",                 NULL                   },
    { NULL,                             "Brexit: What happens next",                             "Brexit: What happens next",                   NULL                   },
    { NULL,                             "UK:the vote",                                           "UK:the vote",                                 NULL                   },
    { NULL,                             "FACTBOX-What's in the EU's climate package",            "What's in the EU's climate package",          "FACTBOX"              },
    { NULL,                             "EXCLUSIVE-US weighs new tariffs on chips, sources say", "US weighs new tariffs on chips, sources say",
     "EXCLUSIVE"                                                                                                                                                       },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slugline =
          cases[i].slug ? g_strdup_printf ("<slugline>%s</slugline>", cases[i].slug) : g_strdup ("");
      g_autofree char *g2 = g_strdup_printf (
          "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><contentMeta>%s"
          "<headline>%s</headline></contentMeta><contentSet><inlineXML>"
          "<html xmlns='http://www.w3.org/1999/xhtml'><body><p>Text.</p></body></html>"
          "</inlineXML></contentSet></newsItem>",
          slugline, cases[i].headline);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = import_xml (g2, &error);

      g_test_message ("%s", cases[i].headline);
      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (a), ==, cases[i].kept);
      g_assert_cmpstr (cd_article_get_ednote (a), ==, cases[i].note);
    }
}

/* Reuters' story as wire copy in one paragraph: lines wrapped by the
 * feed, each paragraph's first line indented, the version note, the list
 * that sums it up, the byline and the dateline over it. XML laid out by
 * hand, every line indented alike, stays one paragraph. */
static void
test_xml_indented_story (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = import_xml (
      "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><contentMeta>"
      "<headline>Gold rises</headline></contentMeta><contentSet><inlineXML>"
      "<html xmlns='http://www.w3.org/1999/xhtml'><body><p>(Adds comments, detail)\r\n"
      "    * Spot gold may edge up to $1,205 per ounce\r\n"
      "    * Dollar index down 0.1 percent\r\n\r\n"
      "    By Arpan Varghese\r\n"
      "    Jan 30 (Reuters) - Gold rose on Tuesday on increased safe\r\n"
      "haven demand as markets fell.\r\n"
      "    Traders were also awaiting the U.S. Federal Reserve's\r\n"
      "two-day meeting.\r\n\r\n"
      " (Reporting by Arpan Varghese; Editing by Joseph\r\nRadford)</p></body></html>"
      "</inlineXML></contentSet></newsItem>",
      &error);
  g_autoptr (CdArticle) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Arpan Varghese");
  g_assert_null (cd_article_get_dateline (a));
  g_assert_cmpstr (cd_article_get_source (a), ==, "Reuters");
  g_assert_cmpstr (cd_article_get_ednote (a), ==, "(Adds comments, detail)");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "- Spot gold may edge up to $1,205 per ounce\n"
                   "- Dollar index down 0.1 percent\n\n"
                   "Gold rose on Tuesday on increased safe haven demand as markets fell.\n\n"
                   "Traders were also awaiting the U.S. Federal Reserve's two-day meeting.\n\n"
                   "(Reporting by Arpan Varghese; Editing by Joseph Radford)\n");

  b = import_xml ("<nitf><body><body.content><p>\n"
                  "    The council met on Tuesday and agreed\n"
                  "    to a budget for the year.\n"
                  "  </p></body.content></body></nitf>",
                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (b), ==,
                   "The council met on Tuesday and agreed to a budget for the year.\n");
}

/* NewsML-G2: a news message's item with its text as XHTML, and a lone
 * item with its text as NITF. */
/* NewsML 1, as AFP sends it: the news lines, the language, an embargo
 * by the item's future status, the story from the first content item of
 * text (past a photo's and its caption), the photo's caption and credit,
 * the desk's slug and sign-off in the note; a story of plain text too. */
static void
test_xml_newsml_1 (void)
{
  g_autoptr (CdArticle) a = import_sample ("newsml-1-afp.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) b = import_xml (
      "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Talks resume</HeadLine>"
      "<DateLine>GENEVA, Dec 5 (AFP)</DateLine></NewsLines><ContentItem>"
      "<MediaType FormalName='Text'/><DataContent>Talks resumed on Monday.\n\n"
      "Both sides met &amp; talked.\n</DataContent></ContentItem></NewsComponent></NewsItem>"
      "</NewsML>",
      &error);
  g_autoptr (GDateTime) lifted = g_date_time_new_utc (2099, 12, 5, 12, 0, 0);

  g_assert_cmpstr (cd_article_get_headline (a), ==, "Le Danube inonde la vieille ville de Passau");
  g_assert_cmpstr (cd_article_get_dek (a), ==, "L'eau atteint 9,40 mètres");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Anne BERG");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "PASSAU (Allemagne)");
  g_assert_cmpstr (cd_article_get_source (a), ==, "AFP");
  g_assert_cmpstr (cd_article_get_language (a), ==, "fr");
  g_assert_true (g_date_time_equal (cd_article_get_embargo (a), lifted));
  g_assert_cmpstr (cd_article_get_ednote (a), ==, "Allemagne-intempéries-crue \u2014 abe/ach");
  g_assert_cmpstr (cd_article_get_image_caption (a), ==,
                   "Des pompiers dans la vieille ville de Passau, le 5 décembre 2026.");
  g_assert_cmpstr (cd_article_get_image_credit (a), ==, "AFP/Christof Stache");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "Le Danube a atteint samedi 9,40 mètres à Passau, inondant la vieille ville pour "
                   "la deuxième fois en dix ans.\n\n"
                   "« Nous n'avons jamais vu l'eau monter si vite », a déclaré le maire, Jürgen "
                   "Dupper.\n");

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_dateline (b), ==, "GENEVA");
  g_assert_cmpstr (cd_article_get_source (b), ==, "AFP");
  g_assert_cmpstr (cd_article_get_body (b), ==,
                   "Talks resumed on Monday.\n\nBoth sides met & talked.\n");
  /* The lines of the component the text is in, not a photo's before it;
   * the main text, not a caption before it; text before the first
   * element; HTML in CDATA; a second story named in the note. */
  {
    static const struct
    {
      const char *xml;
      const char *headline;
      const char *body;
      const char *ednote;
    } cases[] = {
      {"<NewsML><NewsItem><NewsComponent><NewsComponent><Role FormalName='Photo'/><NewsLines>"
        "<HeadLine>Photo: a street</HeadLine></NewsLines><ContentItem><MediaType FormalName='Photo'/>"
        "</ContentItem></NewsComponent><NewsComponent><Role FormalName='Main'/><NewsLines><HeadLine>"
        "Floods in Paris</HeadLine></NewsLines><ContentItem><MediaType FormalName='Text'/><DataContent>"
        "<p>Text.</p></DataContent></ContentItem></NewsComponent></NewsComponent></NewsItem></NewsML>",
       "Floods in Paris", "Text.\n",                             NULL                                                      },
      { "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>H</HeadLine></NewsLines><NewsComponent>"
        "<Role FormalName='Caption'/><ContentItem><MediaType FormalName='Text'/><DataContent><p>A caption."
        "</p></DataContent></ContentItem></NewsComponent><NewsComponent><Role FormalName='Main'/>"
        "<ContentItem><MediaType FormalName='Text'/><DataContent><p>The story.</p></DataContent>"
        "</ContentItem></NewsComponent></NewsComponent></NewsItem></NewsML>",
       "H",               "The story.\n",                        NULL                                                      },
      { "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>H</HeadLine></NewsLines><ContentItem>"
        "<MediaType FormalName='Text'/><DataContent>Lead with <b>bold</b> word.\n\nMore.</DataContent>"
        "</ContentItem></NewsComponent></NewsItem></NewsML>",
       "H",               "Lead with **bold** word.\n\nMore.\n", NULL                                                      },
      { "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>H</HeadLine></NewsLines><ContentItem>"
        "<MediaType FormalName='Text'/><DataContent><![CDATA[<p>One &amp; two</p><p>Three</p>]]>"
        "</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>",
       "H",               "One & two\n\nThree\n",                NULL                                                      },
      { "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>First</HeadLine></NewsLines><ContentItem>"
        "<MediaType FormalName='Text'/><DataContent><p>One.</p></DataContent></ContentItem>"
        "</NewsComponent></NewsItem><NewsItem><NewsComponent><NewsLines><HeadLine>Second</HeadLine>"
        "</NewsLines><ContentItem><MediaType FormalName='Text'/><DataContent><p>Two.</p></DataContent>"
        "</ContentItem></NewsComponent></NewsItem></NewsML>",
       "First",           "One.\n",                              "The file holds 1 more news item with text, not imported."},
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr (CdArticle) c = import_xml (cases[i].xml, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (cd_article_get_headline (c), ==, cases[i].headline);
        g_assert_cmpstr (cd_article_get_body (c), ==, cases[i].body);
        g_assert_cmpstr (cd_article_get_ednote (c), ==, cases[i].ednote);
      }
  }
}

static void
test_xml_newsml_g2 (void)
{
  g_autoptr (CdArticle) a = import_sample ("newsml-g2-xhtml.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) b = import_xml (
      "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'>"
      "<itemMeta><embargoed>2001-01-01T00:00:00Z</embargoed></itemMeta>"
      "<contentMeta><headline>Talks resume</headline><by>By Jo Hart</by></contentMeta>"
      "<contentSet><inlineXML><nitf xmlns='http://iptc.org/std/NITF/2006-10-18/'><body>"
      "<body.content><p>GENEVA (Reuters) - Talks resumed on Monday.</p><hl2>Next</hl2>"
      "<p>More &#8212; later.</p></body.content></body></nitf></inlineXML></contentSet>"
      "</newsItem>",
      &error);
  const char *const *tags = cd_article_get_tags (a);

  g_assert_cmpstr (cd_article_get_headline (a), ==, "Tausende fliehen vor dem Hochwasser");
  g_assert_cmpstr (cd_article_get_dek (a), ==, "Die Donau erreicht in Passau 12,20 Meter");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Anna Berger");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "Passau");
  g_assert_cmpstr (cd_article_get_source (a), ==, "AFP");
  g_assert_cmpstr (cd_article_get_language (a), ==, "de");
  g_assert_cmpstr (tags[0], ==, "Hochwasser");
  g_assert_cmpstr (cd_article_get_ednote (a), ==,
                   "Corrects spelling of mayor's name in paragraph 2.");
  g_assert_nonnull (cd_article_get_embargo (a));
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "Tausende Menschen haben am Montag ihre Wohnungen verlassen.\n\n"
                   "## Bundeswehr hilft\n\n"
                   "Rund 300 Soldaten helfen beim **Befüllen** von Sandsäcken.\n");

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (b), ==, "Talks resume");
  g_assert_cmpstr (cd_article_get_byline (b), ==, "Jo Hart");
  g_assert_cmpstr (cd_article_get_dateline (b), ==, "GENEVA");
  g_assert_cmpstr (cd_article_get_source (b), ==, "Reuters");
  /* A release time gone by holds nothing. */
  g_assert_null (cd_article_get_embargo (b));
  g_assert_cmpstr (cd_article_get_body (b), ==,
                   "Talks resumed on Monday.\n\n## Next\n\nMore — later.\n");

  /* An XHTML story whose header holds its slugs, time, genre and
   * headline (as dpa sends it): the header is no text; its headline is
   * the article's where the item names none. The item says its language
   * as an attribute (as STT sends it). */
  {
    g_autoptr (CdArticle) c = import_xml (
        "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' xml:lang='de-DE'><contentSet>"
        "<inlineXML><html xmlns='http://www.w3.org/1999/xhtml'><body><header><ul "
        "class='slugline'>"
        "<li class='subject'>Fußball</li><li class='keyword'>London</li></ul>"
        "<time class='publicationDate'>11.10.2022 11:14</time><p class='genre'>Extra</p>"
        "<h1>Tränen in London</h1></header><section class='main'><p><span "
        "class='dateline'>London <span class='credit'>(dpa)</span> - </span>Es gab "
        "Tränen.</p><header><h2>Abschied</h2></header><p>Dann ging er.</p></section></body>"
        "</html></inlineXML></contentSet></newsItem>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_headline (c), ==, "Tränen in London");
    /* The item's language, where its content names none. */
    g_assert_cmpstr (cd_article_get_language (c), ==, "de-DE");
    g_assert_cmpstr (cd_article_get_dateline (c), ==, "London");
    g_assert_cmpstr (cd_article_get_source (c), ==, "dpa");
    g_assert_cmpstr (cd_article_get_body (c), ==,
                     "Es gab Tränen.\n\n## Abschied\n\nDann ging er.\n");
  }

  /* A news message whose first item is a picture: the story is the first
   * item with text, here plain text in inline data; the other is named in
   * the note. */
  {
    g_autoptr (CdArticle) d = import_xml (
        "<newsMessage xmlns='http://iptc.org/std/nar/2006-10-01/'><itemSet>"
        "<packageItem><groupSet/></packageItem>"
        "<newsItem><itemMeta><itemClass qcode='ninat:picture'/></itemMeta><contentMeta>"
        "<headline>Fans in the rain</headline></contentMeta><contentSet><remoteContent "
        "href='a.jpg'/></contentSet></newsItem>"
        "<newsItem><itemMeta><itemClass qcode='ninat:text'/></itemMeta><contentMeta>"
        "<headline>Rain stops play</headline></contentMeta><contentSet><inlineData "
        "contenttype='text/plain'>LONDON (Reuters) - Rain stopped play.\n\nIt may resume."
        "</inlineData></contentSet></newsItem>"
        "<newsItem><itemMeta><itemClass qcode='ninat:text'/></itemMeta><contentMeta>"
        "<headline>Other</headline></contentMeta><contentSet><inlineXML><p>x</p></inlineXML>"
        "</contentSet></newsItem></itemSet></newsMessage>",
        &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_headline (d), ==, "Rain stops play");
    g_assert_cmpstr (cd_article_get_dateline (d), ==, "LONDON");
    g_assert_cmpstr (cd_article_get_body (d), ==, "Rain stopped play.\n\nIt may resume.\n");
    g_assert_cmpstr (cd_article_get_ednote (d), ==,
                     "The file holds 1 more news item with text, not imported.");
  }
}

/* Bad agency XML: one sentence naming the file and what is wrong, and
 * nothing read from outside the file. */
static void
test_xml_bad (void)
{
  /* clang-format off */
  static const struct {
    const char *xml;
    const char *message;
  } bad[] = {
    { "<nitf>\n<body><body.content><p>Unclosed</body></nitf>",
      "item.xml: line 2: the XML is not well-formed (" },
    /* An HTML entity needs the DTD that declares it. */
    { "<nitf><body><body.content>\n\n<p>A &mdash; B</p></body.content></body></nitf>",
      "item.xml: line 3: the XML is not well-formed (Entity 'mdash' not defined)." },
    { "<kml><Document/></kml>",
      "item.xml: the XML is neither NITF nor a NewsML news item (its root element is <kml>)." },
    /* A feed with nothing to import. */
    { "<rss><channel/></rss>", "item.xml: the feed holds no entries." },
    { "<rss><channel><item><guid>1</guid></item></channel></rss>",
      "item.xml: the feed's entry has no headline and no text." },
    { "<nitf><body><body.content/></body></nitf>",
      "item.xml: the news item has no headline and no text." },
    /* A package points to items sent in files of their own. */
    { "<newsMessage><itemSet><packageItem><groupSet/></packageItem></itemSet></newsMessage>",
      "item.xml: the file holds a NewsML package, which lists other items but has no text of "
      "its own; import the file of its text item." },
  };
  /* clang-format on */
  const char *outside = "<?xml version='1.0'?><!DOCTYPE nitf [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                        "<nitf><body><body.content><p>A &x;B</p></body.content></body></nitf>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = import_xml (outside, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (a), ==, "A B\n");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) e = NULL;
      g_autoptr (CdArticle) none = import_xml (bad[i].xml, &e);

      g_assert_null (none);
      g_assert_nonnull (e);
      g_assert_true (g_str_has_prefix (e->message, bad[i].message));
    }
}

/* ninjs */

/* A located that is the byline's writer (the same name before a comma, as
 * a feed cut the byline into it) is no place; a place that starts as the
 * byline does without its comma is. */
static void
test_ninjs_located_byline (void)
{
  static const struct
  {
    const char *byline;
    const char *located;
    const char *dateline;
  } cases[] = {
    {"Aaron J. Staples, Michigan State University", "Aaron J. Staples, Michigan", NULL         },
    { "By Aaron J. Staples, Michigan State",        "Aaron J. Staples, Michigan", NULL         },
    { "Rome Bureau",                                "Rome, Italy",                "Rome, Italy"},
    { "Kiel, staff",                                "Kiel",                       "Kiel"       },
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
          "{\"type\": \"text\", \"headline\": \"Food prices\", \"byline\": \"%s\", "
          "\"located\": \"%s\", \"body_text\": \"Prices rose.\"}",
          cases[i].byline, cases[i].located);
      g_autoptr (CdArticle) a = cd_import_data (json, strlen (json), CD_IMPORT_FORMAT_NINJS,
                                                "item.json", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_dateline (a), ==, cases[i].dateline);
    }
  /* AP's name in capitals run on to the writer's post. */
  {
    const char *json = "{\"type\": \"text\", \"headline\": \"Stocks slide\", \"byline\": \"By MARCUS HALE AP Business Writer\", "
                       "\"body_text\": \"Stocks slid.\"}";
    g_autoptr (CdArticle) a = cd_import_data (json, strlen (json), CD_IMPORT_FORMAT_NINJS, "item.json", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_byline (a), ==, "MARCUS HALE, AP Business Writer");
  }
}

/* An agency API's item whose text is only linked (AP's "NITF Story
 * Download", an array of renditions in ninjs 2) says so in the note, with
 * the headline kept; an item with its text, or a picture's, says nothing
 * of its links. */
static void
test_ninjs_linked_text (void)
{
  static const struct
  {
    const char *json, *ednote;
  } cases[] = {
    {"{\"data\": {\"item\": {\"uri\": \"https://x.example/1\", \"headline\": \"BC-BBN--Top Ten\", "
      "\"renditions\": {\"main\": {\"type\": \"picture\", \"href\": \"https://x.example/p\"}, "
      "\"nitf\": {\"title\": \"NITF Story Download\", \"type\": \"text\", \"mimetype\": \"text/xml\", "
      "\"words\": 206, \"href\": \"https://x.example/t\"}}}}}",
     "The story's text is not in the file, only a link to it (“NITF Story Download”, 206 words); "
      "download it and import that file."},
    { "{\"uri\": \"u\", \"headline\": \"Storm\", \"renditions\": [{\"name\": \"text\", "
      "\"contenttype\": \"text/html\", \"mimetype\": \"text/html\", \"href\": \"https://x.example/t\", "
      "\"words\": \"many\"}]}",
     "The story's text is not in the file, only a link to it (its text rendition); download it and "
      "import that file."                },
    { "{\"uri\": \"u\", \"headline\": \"Storm\", \"body_text\": \"It rained.\", \"renditions\": "
      "{\"nitf\": {\"type\": \"text\", \"href\": \"https://x.example/t\"}}}",
     NULL                                },
    { "{\"uri\": \"u\", \"type\": \"picture\", \"headline\": \"Storm\", \"renditions\": "
      "{\"caption\": {\"type\": \"text\", \"href\": \"https://x.example/c\"}}}",
     NULL                                },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (cases[i].json, strlen (cases[i].json), CD_IMPORT_FORMAT_NINJS,
                                                "item.json", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_ednote (a), ==, cases[i].ednote);
    }
}

/* ninjs 2.x as an agency's API delivers it: the main headline, the
 * summary, the byline with its title, keywords and subjects once each, the
 * slugline as the web address, the featured picture's texts, the dateline
 * out of the first paragraph. */
static void
test_ninjs_agency (void)
{
  g_autoptr (CdArticle) a = import_sample ("ninjs-2.json");
  const char *const *tags = cd_article_get_tags (a);

  g_assert_cmpstr (cd_article_get_headline (a), ==,
                   "Floods force thousands from homes in southern Germany");
  g_assert_cmpstr (cd_article_get_dek (a), ==, "The Danube crested at 12.2 meters in Passau.");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "KIRSTEN GRIESHABER, Associated Press");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "PASSAU, Germany");
  g_assert_cmpstr (cd_article_get_source (a), ==, "AP");
  g_assert_cmpstr (cd_article_get_slug (a), ==, "eu-germany-floods");
  g_assert_cmpstr (cd_article_get_ednote (a), ==, "Eds: UPDATES with death toll.");
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 3);
  g_assert_cmpstr (tags[2], ==, "Weather");
  g_assert_nonnull (cd_article_get_embargo (a));
  g_assert_cmpstr (cd_article_get_image_caption (a), ==, "Residents wade through a flooded street.");
  g_assert_cmpstr (cd_article_get_image_credit (a), ==, "AP Photo/Matthias Schrader");
  g_assert_cmpstr (cd_article_get_image_alt (a), ==, "A flooded street in Passau");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "Rising floodwaters forced thousands from their homes.\n\n"
                   "## Evacuations\n\nFirefighters used *boats*.\n");
}

/* What Copydesk's ninjs export writes comes back: the fields it names, the
 * corrections, the body; ninjs 1.x with plain text too. */
static void
test_ninjs_own_export (void)
{
  g_autoptr (CdArticle) a = import_sample ("wire-ap.txt");
  g_autoptr (GDateTime) when = g_date_time_new_utc (2026, 12, 4, 9, 30, 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *ninjs = NULL;
  g_autoptr (CdArticle) b = NULL;
  g_autoptr (CdArticle) c = NULL;
  const char       *plain = "{\"uri\": \"x\", \"headline\": \"Talks\", \"byline\": \"Jo Hart\","
                            " \"body_text\": \"GENEVA (Reuters) - Talks resumed\\non Monday.\\n\\n"
                            "*Not* markup.\\n\\nbur-jh/ach\", \"ednote\": \"Eds: new lede.\"}";
  const char *const tags[] = { "floods", "Passau", NULL };

  cd_article_set_slug (a, "passau-floods");
  cd_article_set_ednote (a, "Check the figure with the city.");
  cd_article_set_tags (a, tags);
  cd_article_add_correction (a, when, "An earlier version gave the wrong level.");
  ninjs = cd_export_ninjs_with_images (a, NULL);
  b = cd_import_data (ninjs, strlen (ninjs), CD_IMPORT_FORMAT_NINJS, "a.json", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    {
      static const char *const fields[] = { "headline", "byline", "dateline", "slug", "ednote",
                                            "body" };
      g_autofree char         *want = cd_article_get_field (a, fields[i]);
      g_autofree char         *got = cd_article_get_field (b, fields[i]);

      g_assert_cmpstr (got, ==, want);
    }
  g_assert_cmpstr (cd_article_get_tags (b)[1], ==, "Passau");
  g_assert_cmpuint (cd_article_get_n_corrections (b), ==, 1);
  g_assert_cmpstr (cd_article_get_correction (b, 0)->note, ==,
                   "An earlier version gave the wrong level.");

  c = cd_import_data (plain, strlen (plain), CD_IMPORT_FORMAT_NINJS, "c.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_dateline (c), ==, "GENEVA");
  g_assert_cmpstr (cd_article_get_body (c), ==, "Talks resumed on Monday.\n\n\\*Not\\* markup.\n");
  /* The desk's sign-off under the story joins the agency's note; a last
   * line of two words with a slash is no sign-off. */
  g_assert_cmpstr (cd_article_get_ednote (c), ==, "Eds: new lede. \u2014 bur-jh/ach");
  {
    const char *worded = "{\"headline\": \"Choice\", \"body_text\": \"Pick one.\\n\\nand/or\"}";
    g_autoptr (CdArticle) d = cd_import_data (worded, strlen (worded), CD_IMPORT_FORMAT_NINJS, "d.json",
                                              &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_body (d), ==, "Pick one.\n\nand/or\n");
    g_assert_null (cd_article_get_ednote (d));
  }
}

static void
test_ninjs_bad (void)
{
  /* clang-format off */
  static const struct {
    const char *json;
    const char *message;
  } bad[] = {
    { "{\"headline\": \"x\",\n\"body_text\": }", "item.json: the JSON cannot be read (" },
    { "{\"headline\": \"x\",\n\"body_text\": \"cut", "item.json: line 2: the JSON ends before its news item is closed." },
    { "[1, 2]", "item.json: the JSON is not a ninjs news item (an object with a uri or a headline)." },
    /* An escape JSON does not have must not bring bytes that are not UTF-8. */
    { "{\"headline\": \"a\\202b\"}", "item.json: the JSON has a string that is not UTF-8" },
    /* One item a file: a second is an error, not a loss of the first. */
    { "{\"headline\": \"a\"}\n{\"headline\": \"b\"}",
      "item.json: line 2: the JSON goes on after its news item; a file holds one." },
    { "{\"headline\": \"a}\"}]", "item.json: line 1: the JSON goes on after its news item" },
    { "{\"title\": \"A web page\"}", "item.json: the JSON is not a ninjs news item" },
    { "{\"uri\": \"x\", \"type\": \"text\"}", "item.json: the news item has no headline and no text." },
    /* An API's response whose items are all empty. */
    { "{\"total\": 2, \"item\": [{\"uri\": \"a\"}, {\"uri\": \"b\"}]}",
      "item.json: the news item has no headline and no text." },
  };
  /* clang-format on */
  /* An API's response carrying one item: the item. */
  static const char *const envelopes[] = {
    "{\"total\": 1, \"item\": [{\"uri\": \"u\", \"headline\": \"Rain\", \"body_text\": \"Wet.\"}]}",
    "{\"api_version\": \"1.1\", \"data\": {\"meta\": {}, \"item\": {\"headline\": \"Rain\", "
    "\"body_text\": \"Wet.\"}}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (envelopes); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (envelopes[i], strlen (envelopes[i]),
                                                CD_IMPORT_FORMAT_NINJS, "item.json", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (a), ==, "Rain");
      g_assert_cmpstr (cd_article_get_body (a), ==, "Wet.\n");
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) none = cd_import_data (bad[i].json, strlen (bad[i].json),
                                                   CD_IMPORT_FORMAT_NINJS, "item.json", &error);

      g_assert_null (none);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, bad[i].message));
    }
}

/* What only looks like the desk's lines stays the story's. */
/* Agency copy as it comes off the wire, each agency with its own
 * furniture around the story: codes, routing and service lines, section
 * descriptors, correction notes and dpa's " =" above the headline;
 * takes; sign-offs, copyright lines, terminal stamps, photo codes and
 * contacts under it; embargoes in Spanish and in AP's "11 a.m. EDT". */
static void
test_wire_agency_furniture (void)
{
  /* clang-format off */
  static const struct
  {
    const char *text;
    const char *headline, *body, *noted, *embargo;
  } cases[] = {
    { "BC-US--Budget,0687\nSenate passes stopgap bill\nBy MARTA QUILLAN\nAssociated Press\n"
      "WASHINGTON (AP) — The Senate on Wednesday approved a stopgap spending bill that keeps federal agencies open through June.\n\nThe vote was 71-27.\n\n"
      "(Copyright 2027 The Associated Press. All Rights Reserved.)\nAP-WF-03-03-27 2214GMT\n",
      "Senate passes stopgap bill", "The Senate on Wednesday approved a stopgap spending bill that keeps federal agencies open through June.\n\nThe vote was 71-27.\n",
      "AP-WF-03-03-27 2214GMT", NULL },
    { "BC-EU--Dike Breach,0940\nDike breach floods farmland\n"
      "ZWOLLE, Netherlands (AP) — A dike along the IJssel river gave way on Tuesday, flooding hundreds of hectares of farmland near Zwolle.\n\nFarmers moved cattle.\n\nMORE\n\n"
      "BC-EU--Dike Breach, Take 2,0940\nNo injuries were reported.\n",
      "Dike breach floods farmland",
      "A dike along the IJssel river gave way on Tuesday, flooding hundreds of hectares of farmland near Zwolle.\n\nFarmers moved cattle.\n\nNo injuries were reported.\n", NULL, NULL },
    { "bdt0123 4 vm 312 dpa 0456\nDeutschland/Verkehr/Brücken\nNeue Brücke über den Rhein eröffnet =\n"
      "   Mainz (dpa) - Nach sechs Jahren Bauzeit ist die neue Brücke zwischen Mainz und Wiesbaden am Mittwoch eröffnet worden.\n",
      "Neue Brücke über den Rhein eröffnet", "Nach sechs Jahren Bauzeit ist die neue Brücke zwischen Mainz und Wiesbaden am Mittwoch eröffnet worden.\n",
      "bdt0123 4 vm 312 dpa 0456", NULL },
    { "Berichtigung: Im dritten Absatz wurde der Name korrigiert.\n\nZoo meldet Zwillinge =\n"
      "   Leipzig (dpa) - Im Leipziger Zoo sind zum ersten Mal Gorilla-Zwillinge zur Welt gekommen, wie der Zoo am Dienstag mitteilte.\n",
      "Zoo meldet Zwillinge", "Im Leipziger Zoo sind zum ersten Mal Gorilla-Zwillinge zur Welt gekommen, wie der Zoo am Dienstag mitteilte.\n",
      "Berichtigung: Im dritten Absatz wurde der Name korrigiert.", NULL },
    { "EMBARGADA HASTA LAS 00.01 HORAS (HORA PENINSULAR) DEL JUEVES 4 DE MARZO DE 2027\nSalud-Estudio\n"
      "Dormir poco eleva el riesgo de hipertensión\n"
      "   Madrid, 3 mar (EFE).- Los jóvenes que duermen menos de seis horas tienen un 34 % más de riesgo de desarrollar hipertensión.\n\n   mi/icn\n\n(c) Agencia EFE\n",
      "Dormir poco eleva el riesgo de hipertensión", "Los jóvenes que duermen menos de seis horas tienen un 34 % más de riesgo de desarrollar hipertensión.\n",
      "Salud-Estudio", "2027-03-03T23:01:00Z" },
    { "ZCZC6543/SXA\nXCU38543_SXA_QBXB\nR CRO S0A QBXB\nScoperti i resti di una villa romana\n"
      "(ANSA) - PAVIA, 3 MAR - I resti di una villa romana del II secolo sono stati scoperti durante i lavori in un parcheggio del centro.\n\n     YBD-FH\n"
      "03-MAR-27 14:12 NNNN\nRIPRODUZIONE RISERVATA © Copyright ANSA\n",
      "Scoperti i resti di una villa romana", "I resti di una villa romana del II secolo sono stati scoperti durante i lavori in un parcheggio del centro.\n",
      "ZCZC6543/SXA", NULL },
    { "AAP General News (Australia)\nBushfire crews contain blaze\nBy Jane Citizen\n"
      "SYDNEY, March 3 AAP - Firefighters have contained a bushfire that burned through more than 900 hectares of bushland west of Sydney.\n\nAAP jc/jt/ra\n",
      "Bushfire crews contain blaze", "Firefighters have contained a bushfire that burned through more than 900 hectares of bushland west of Sydney.\n", "AAP jc/jt/ra", NULL },
    { "China's exports rise\n\nBEIJING, March 3 (Xinhua) -- China's exports rose 7 percent year on year in February, beating forecasts, official data showed. Enditem\n",
      "China's exports rise", "China's exports rose 7 percent year on year in February, beating forecasts, official data showed.\n", NULL, NULL },
    { "BRIEF-Halvard Shipping Q4 net profit rises\n\nMarch 3 (Reuters) - Halvard Shipping ASA:\n\n"
      "* Q4 NET PROFIT $42.1 MILLION\n\nSource text for Eikon: [ID:nBw4kQ7Zxa]\n\n"
      "Further company coverage: [HALV.OL]\n\n(Gdansk Newsroom)\n",
      "Halvard Shipping Q4 net profit rises", "Halvard Shipping ASA:\n\n\\* Q4 NET PROFIT $42.1 MILLION\n",
      "(Gdansk Newsroom)", NULL },
    { "Veltrona shares slump\n\nSTOCKHOLM, March 3 (Reuters) - Veltrona shares fell 15% on Tuesday after the company cut its outlook for the year, citing weak demand.\n\n"
      "((karin.osei@news.example; +46 8 555 0100))\nKeywords: VELTRONA RESULTS/SHARES (UPDATE 2)\n",
      "Veltrona shares slump", "Veltrona shares fell 15% on Tuesday after the company cut its outlook for the year, citing weak demand.\n", "Keywords: VELTRONA RESULTS/SHARES (UPDATE 2)", NULL },
    { "Metro de Lisboa alarga horário\n\nLisboa, 03 mar 2027 (Lusa) - O Metro de Lisboa vai alargar o horário de funcionamento às sextas-feiras e aos sábados a partir de abril.\n\n"
      "RCS // JH\n\nLusa/Fim\n",
      "Metro de Lisboa alarga horário", "O Metro de Lisboa vai alargar o horário de funcionamento às sextas-feiras e aos sábados a partir de abril.\n", "RCS // JH", NULL },
    { "BC-SCI--Ocean Warming,0721\nEMBARGOED until 11 a.m. EDT, Wednesday, May 12, 2027\n"
      "Deep ocean warming faster than forecast\nBy ODA MERRIN\nAP Science Writer\n"
      "Water more than a mile below the ocean's surface is warming nearly twice as fast as forecast, a study found.\n\n"
      "___\n\nAP Photos NYRV101-103\nNYRV101: A float is lowered into the sea.\n\nAP-WF-05-10-27 1415GMT\n",
      "Deep ocean warming faster than forecast",
      "Water more than a mile below the ocean's surface is warming nearly twice as fast as forecast, a study found.\n",
      "NYRV101: A float is lowered into the sea.", "2027-05-12T15:00:00Z" },
    /* An alert: its priority and service's name under the slug are the
     * note's, not the standfirst (nor lost). */
    { "BC-US--Fed-Rates,0052\nURGENT\nAP NewsAlert\n"
      "WASHINGTON (AP) — The Federal Reserve raises its benchmark interest rate by a quarter-point to 4.75%.\n",
      "Fed-Rates", "The Federal Reserve raises its benchmark interest rate by a quarter-point to 4.75%.\n",
      "URGENT — AP NewsAlert — BC-US--Fed-Rates,0052", NULL },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (cases[i].text, strlen (cases[i].text), CD_IMPORT_FORMAT_WIRE,
                                                "wire.txt", &error);
      g_autofree char *embargo = NULL;

      g_assert_no_error (error);
      g_test_message ("%u: %s | %s", i, cd_article_get_body (a), cd_article_get_ednote (a));
      g_assert_cmpstr (cd_article_get_headline (a), ==, cases[i].headline);
      g_assert_cmpstr (cd_article_get_body (a), ==, cases[i].body);
      g_assert_true (cd_text_is_blank (cd_article_get_dek (a)));
      if (cases[i].noted != NULL)
        g_assert_nonnull (strstr (cd_article_get_ednote (a) != NULL ? cd_article_get_ednote (a) : "", cases[i].noted));
      if (cd_article_get_embargo (a) != NULL)
        {
          g_autoptr (GDateTime) utc = g_date_time_to_utc (cd_article_get_embargo (a));

          embargo = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
        }
      g_assert_cmpstr (embargo, ==, cases[i].embargo);
    }
}

/* Kyodo's Japanese service: its place and name in lenticular brackets
 * ("【札幌共同】") are the dateline and source, its paragraphs each a
 * line indented with an ideographic space. */
static void
test_wire_japanese (void)
{
  const char *text = "北海道の牧場で大型風車併設型乳牛舎が稼働\n"
                     "\u3000【札幌共同】北海道東部の酪農家が、大型風車の電力で搾乳設備を賄う乳牛舎の運用を３日始めた。\n"
                     "\u3000風車１基の出力は２千キロワットで、余った電力は売電する。\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE, "kyodo.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "北海道の牧場で大型風車併設型乳牛舎が稼働");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "札幌");
  g_assert_cmpstr (cd_article_get_source (a), ==, "共同");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "北海道東部の酪農家が、大型風車の電力で搾乳設備を賄う乳牛舎の運用を３日始めた。\n\n"
                   "風車１基の出力は２千キロワットで、余った電力は売電する。\n");
}

/* Standings and results in columns, by spaces or tabs, under the agency
 * alone as the byline: a row a line (they ran together into one
 * paragraph), and the agency the source. */
static void
test_wire_columns (void)
{
  const char *text = "League Glance\nBy The Associated Press\n\nNORTHERN CONFERENCE\n"
                     "                   W   L   Pct\nRiverside Athletic 11  7   .611\nEastfield Town     6   5   .545\n\n"
                     "National League:\nAldbury Town\t2\tKestrel Park\t1\nBrackwater United\t0\tMillhaven\t0\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE, "glance.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "League Glance");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "The Associated Press");
  g_assert_cmpstr (cd_article_get_source (a), ==, "AP");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "NORTHERN CONFERENCE\n\nW   L   Pct\n\nRiverside Athletic 11  7   .611\n\n"
                   "Eastfield Town     6   5   .545\n\nNational League:\n\nAldbury Town\t2\tKestrel Park\t1\n\n"
                   "Brackwater United\t0\tMillhaven\t0\n");
  /* Results each on a short line ending in its figures; a paragraph
   * wrapped by hand stays one. */
  {
    const char *results = "Sacramento County results\n\nSACRAMENTO, Calif. (AP) — Unofficial results Wednesday from Tuesday's special "
                          "election for the District 3 seat, with 212 of 236 precincts reporting.\n\n"
                          "x-Teresa Villalobos 18,904 39.8%\nx-Marcus Holloway (i) 14,212 29.9%\nDennis Okafor 8,677 18.3%\n\n"
                          "The seat fell vacant in January when the supervisor\nresigned, after 2,500\ncomplaints.\n";
    g_autoptr (CdArticle) r = cd_import_data (results, strlen (results), CD_IMPORT_FORMAT_WIRE, "results.txt", &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (cd_article_get_body (r), "x-Teresa Villalobos 18,904 39.8%\n\nx-Marcus Holloway (i) 14,212 29.9%\n\n"
                                                       "Dennis Okafor 8,677 18.3%\n"));
    g_assert_nonnull (strstr (cd_article_get_body (r), "when the supervisor resigned, after 2,500 complaints.\n"));
  }
}

/* More agencies' furniture, as a second review found it: EFE's name
 * over its initials, Keystone-ATS's initials under the last line and
 * its embargo in HEC with the time again in GMT, Belga's and PAP's
 * initials, NTB's copyright in brackets, dpa-AFX's "--- Von … ---", APA's
 * "Utl.:" standfirst and "(Schluss)", a contact address in brackets, dpa's
 * "Notizblock", PA's "Editors note:", Kyodo's "(CORRECTED)", Yonhap's
 * end mark, AAP's "PHOTO:" caption. */
static void
test_wire_agency_furniture_more (void)
{
  /* clang-format off */
  static const struct
  {
    const char *text;
    const char *headline, *dek, *body, *noted, *embargo;
  } cases[] = {
    { "Ley de vivienda\n\nMadrid, 11 may (EFE).- El Gobierno aprobó este martes la ley de vivienda tras meses de negociaciones con sus socios.\n\n"
      "EFE\nmgr/ra/jgb\n\n(c) Agencia EFE\n",
      "Ley de vivienda", NULL, "El Gobierno aprobó este martes la ley de vivienda tras meses de negociaciones con sus socios.\n",
      "mgr/ra/jgb", NULL },
    { "Embargo: mardi 25 mai 2027, 10h30 HEC (08h30 GMT)\n\nLe Conseil fédéral durcit l'accès au service civil\n\n"
      "Berne (Keystone-ATS) - Le Conseil fédéral veut rendre plus difficile le passage de l'armée au service civil, a-t-il annoncé.\n\n"
      "La consultation dure jusqu'au 15 septembre.\nats/mk/jb\n",
      "Le Conseil fédéral durcit l'accès au service civil", NULL,
      "Le Conseil fédéral veut rendre plus difficile le passage de l'armée au service civil, a-t-il annoncé.\n\n"
      "La consultation dure jusqu'au 15 septembre.\n", "ats/mk/jb", "2027-05-25T08:30:00Z" },
    { "Regering bereikt akkoord\n\nDe federale regering heeft in de nacht van woensdag op donderdag een akkoord bereikt over de begroting.\n\n"
      "(Belga) KVD/RMA\n",
      "Regering bereikt akkoord", NULL,
      "De federale regering heeft in de nacht van woensdag op donderdag een akkoord bereikt over de begroting.\n",
      "(Belga) KVD/RMA", NULL },
    { "Regjeringen øker skatten\n\nRegjeringen foreslår å øke skatten på formue over ti millioner kroner fra neste år, opplyser finansdepartementet.\n\n(©NTB)\n",
      "Regjeringen øker skatten", NULL,
      "Regjeringen foreslår å øke skatten på formue over ti millioner kroner fra neste år, opplyser finansdepartementet.\n",
      "(©NTB)", NULL },
    { "Dax legt zu\n\n"
      "FRANKFURT (dpa-AFX) - Der Dax hat am Mittwoch zugelegt, nachdem Daten aus den USA die Sorgen vor weiteren Zinserhöhungen gedämpft hatten.\n\n"
      "--- Von Jana Beispiel, dpa-AFX ---\njb/he\n",
      "Dax legt zu", NULL,
      "Der Dax hat am Mittwoch zugelegt, nachdem Daten aus den USA die Sorgen vor weiteren Zinserhöhungen gedämpft hatten.\n",
      "--- Von Jana Beispiel, dpa-AFX ---", NULL },
    { "APA0243 5 II 0412 WI/Nationalrat\n\nNationalrat beschließt Reform\nUtl.: Mehrheit der Koalition - Opposition kritisiert \"Stückwerk\" =\n\n"
      "Wien (APA) - Die Regierung hat am Mittwoch nach langen Verhandlungen eine Reform beschlossen, die im kommenden Jahr in Kraft treten soll.\n\n(Schluss) bei/sma\n\nAPA0243 2027-05-12/14:55\n",
      "Nationalrat beschließt Reform", "Mehrheit der Koalition - Opposition kritisiert \"Stückwerk\"", "Die Regierung hat am Mittwoch nach langen Verhandlungen eine Reform beschlossen, die im kommenden Jahr in Kraft treten soll.\n",
      "(Schluss) bei/sma", NULL },
    { "BRIEF-Pinewood Bancorp Q1 profit rises\n\nMay 12 (Reuters) - Pinewood Bancorp Inc:\n\n"
      "Source text for Eikon: [ID:nBw5xKq9a]\n\nFurther company coverage: [PWB.N]\n\n(Reuters.Briefs@news.example)\n",
      "Pinewood Bancorp Q1 profit rises", NULL, "Pinewood Bancorp Inc:\n", "(Reuters.Briefs@news.example)", NULL },
    { "Weniger Lehrstellen\n\nNürnberg (dpa) - Die Regierung hat am Mittwoch nach langen Verhandlungen eine Reform beschlossen, die im kommenden Jahr in Kraft treten soll.\n\nNotizblock\n\n## Kontakte\n- Autor: Max Beispiel, +49 911 555 0123\n\n"
      "dpa mbe yyzz n1 bv\n",
      "Weniger Lehrstellen", NULL, "Die Regierung hat am Mittwoch nach langen Verhandlungen eine Reform beschlossen, die im kommenden Jahr in Kraft treten soll.\n", "+49 911 555 0123", NULL },
    { "Waiting lists fall\n\nNHS waiting lists in England fell for the third month in a row in April, figures published on Thursday showed.\n\n"
      "Editors note: The Joint Care Institute report is available from press@care.example.\n\nENDS\n",
      "Waiting lists fall", NULL,
      "NHS waiting lists in England fell for the third month in a row in April, figures published on Thursday showed.\n",
      "press@care.example", NULL },
    { "(CORRECTED) Japan to tighten rules on foreign drone operators\n\n"
      "TOKYO, May 12 Kyodo - The Japanese government will require foreign companies flying drones in Japan to register a local representative.\n",
      "Japan to tighten rules on foreign drone operators", NULL,
      "The Japanese government will require foreign companies flying drones in Japan to register a local representative.\n",
      "CORRECTED", NULL },
    { "반도체 수출 증가\n\n(서울=연합뉴스) 반도체 수출이 5개월 연속 증가했다고 산업통상자원부가 12일 밝혔다. 반도체 수출은 지난달 120억 달러를 기록했다.\n\n(끝)\n",
      "반도체 수출 증가", NULL, NULL, NULL, NULL },
    { "Light rail costs blow out\n\nSYDNEY, May 11 AAP - The cost of Sydney's new light rail line has blown out by $700 million, the state government says.\n\n"
      "PHOTO: Commuters board a light rail service at Central Station, Sydney, Tuesday, May 11, 2027. (AAP Image/Dan Himbrechts) NO ARCHIVING\n\n"
      "AAP tg/ds/\n",
      "Light rail costs blow out", NULL,
      "The cost of Sydney's new light rail line has blown out by $700 million, the state government says.\n",
      "AAP tg/ds/", NULL },
    { "Rząd przyjął projekt ustawy\n\nWarszawa (PAP) - Rada Ministrów przyjęła we wtorek projekt ustawy o budowie nowych połączeń kolejowych w regionie.\n\n"
      "ako/ mok/\n",
      "Rząd przyjął projekt ustawy", NULL,
      "Rada Ministrów przyjęła we wtorek projekt ustawy o budowie nowych połączeń kolejowych w regionie.\n", "ako/ mok/", NULL },
    /* PTI's story in two takes, each with its code, slug, sign-off after
     * the last sentence, time stamp and end of message. */
    { "DEL23\nBIZ-RBI-POLICY\nRBI keeps repo rate unchanged\n"
      "      Mumbai, Jun 4 (PTI) The Reserve Bank on Friday kept the key policy rate unchanged at 6 per cent for the third consecutive time.\n"
      "      \"Inflation has moderated,\" he said. MORE\nPTI KRB ANU\n06041130\nNNNN\n\n"
      "DEL27\nBIZ-RBI-POLICY 2 LAST\n      The central bank also retained its retail inflation projection at 4.1 per cent.\n"
      "      The next meeting is scheduled for August 4-6. PTI KRB ANU\n06041152\nNNNN\n",
      "RBI keeps repo rate unchanged", NULL,
      "The Reserve Bank on Friday kept the key policy rate unchanged at 6 per cent for the third consecutive time.\n\n"
      "\"Inflation has moderated,\" he said.\n\nThe central bank also retained its retail inflation projection at 4.1 per cent.\n\n"
      "The next meeting is scheduled for August 4-6.\n", "PTI KRB ANU", NULL },
    /* Reuters' contact right under its credits (which papers print),
     * then its keywords and copyright line. */
    { "FACTBOX-What the EU's packaging rules mean\n\nBRUSSELS, July 14 (Reuters) - European Union countries agreed on Tuesday on new rules to cut packaging waste.\n\n"
      "(Compiled by Marta Lindqvist; Editing by Peter Halloran)\n((marta.lindqvist@thomsonreuters.com; +32 2 555 0163;))\n\n"
      "Keywords: EU ENVIRONMENT/PACKAGING FACTBOX\nCopyright Thomson Reuters 2027. Click For Restrictions - https://agency.reuters.com/en/copyright.html\n",
      "What the EU's packaging rules mean", NULL,
      "European Union countries agreed on Tuesday on new rules to cut packaging waste.\n\n"
      "(Compiled by Marta Lindqvist; Editing by Peter Halloran)\n",
      "Copyright Thomson Reuters 2027", NULL },
    /* dpa's Spanish service in two takes: "(sigue)", its sign-off and
     * stamp, the next take's heading and headline with its number. */
    { "dpa-es 0214 pl 3 vvvv\nProducción industrial alemana cae (sigue)\nPor Jonas Brehm (dpa)\n"
      "Berlín, 3 jun (dpa) - La producción industrial de Alemania cayó en abril por tercer mes consecutivo, un 1,2 por ciento respecto a marzo.\n\n"
      "(sigue)\ndpa jb (ed) mg\n031014 GMT jun 27\n\ndpa-es 0215 pl 3 vvvv\nProducción industrial alemana cae (2da y última)\n\n"
      "El Gobierno federal rebajó en abril su previsión de crecimiento para este año al 0,2 por ciento.\n\ndpa jb (ed) mg\n031016 GMT jun 27\n",
      "Producción industrial alemana cae", NULL,
      "La producción industrial de Alemania cayó en abril por tercer mes consecutivo, un 1,2 por ciento respecto a marzo.\n\n"
      "El Gobierno federal rebajó en abril su previsión de crecimiento para este año al 0,2 por ciento.\n",
      "031016 GMT jun 27", NULL },
    /* Bloomberg's contacts, each line a paragraph; EFE's embargo in GMT
     * with the local time beside it. */
    { "Nordhavn cuts forecast\n\n     (Bloomberg) -- Nordhavn A/S, the world's fifth-largest container line, cut its profit forecast for the year as "
      "ships keep avoiding the Red Sea.\n     Shares fell as much as 8.9% in Copenhagen, the most since November, before paring losses in the afternoon.\n"
      "To contact the reporters on this story:\nSofie Lindqvist in Copenhagen at slindqvist4@bloomberg.net\n"
      "To contact the editors responsible for this story:\nEleanor Marsh at emarsh2@bloomberg.net\nTom Lavell\n",
      "Nordhavn cuts forecast", NULL,
      "Nordhavn A/S, the world's fifth-largest container line, cut its profit forecast for the year as ships keep avoiding the Red Sea.\n\n"
      "Shares fell as much as 8.9% in Copenhagen, the most since November, before paring losses in the afternoon.\n",
      "emarsh2@bloomberg.net", NULL },
    { "EMBARGOED UNTIL 0900 GMT (1100 CEST) THURSDAY MAY 13 2027\n\nSpain approves housing law\n\n"
      "MADRID, May 12 (EFE).- The Spanish government approved on Tuesday a housing law after months of talks with its partners in parliament.\n",
      "Spain approves housing law", NULL,
      "The Spanish government approved on Tuesday a housing law after months of talks with its partners in parliament.\n", NULL,
      "2027-05-13T09:00:00Z" },
    /* dpa's embargo in brackets. */
    { "(Sperrfrist: Mittwoch, 3. März 2027, 17.00 Uhr MEZ)\n\nOstsee steigt schneller\n\n"
      "Kiel (dpa) - Der Meeresspiegel der Ostsee steigt einer Studie zufolge schneller als bislang angenommen, berichten Forscher aus Kiel.\n",
      "Ostsee steigt schneller", NULL,
      "Der Meeresspiegel der Ostsee steigt einer Studie zufolge schneller als bislang angenommen, berichten Forscher aus Kiel.\n", NULL,
      "2027-03-03T16:00:00Z" },
    /* AP's embargo "FOR RELEASE", over its note to editors. */
    { "BC-US-MED--Sleep-Dementia,0643\nEMBARGOED FOR RELEASE UNTIL 4 P.M. EDT, WEDNESDAY, JULY 14, 2027\n"
      "Eds: Moved in advance for release at 4 p.m. EDT. With AP Photos.\nStudy links poor midlife sleep to dementia\nBy MARIA CHEN\n"
      "WASHINGTON (AP) — People in their 40s and 50s who routinely sleep six hours or less a night are more likely to develop dementia.\n",
      "Study links poor midlife sleep to dementia", NULL,
      "People in their 40s and 50s who routinely sleep six hours or less a night are more likely to develop dementia.\n",
      "Eds: Moved in advance", "2027-07-14T20:00:00Z" },
    /* PA's catchline over a note to editors, and its story in two takes
     * under "COURTS Garda" and "COURTS Garda 2". */
    { "COURTS Garda\nEditors note: The co-accused cannot be named for legal reasons.\n\n"
      "Man jailed for attacking garda in Dublin\n\nBy Aoife Brennan, PA\n\n"
      "A 29-year-old man who punched a garda in the face during disorder in Dublin city centre last November has been jailed.\n\nMORE\n\n"
      "COURTS Garda 2\n\nJudge Orla Duffy said attacks on gardai would not be tolerated.\n\nENDS\n",
      "Man jailed for attacking garda in Dublin", NULL,
      "A 29-year-old man who punched a garda in the face during disorder in Dublin city centre last November has been jailed.\n\n"
      "Judge Orla Duffy said attacks on gardai would not be tolerated.\n",
      "cannot be named for legal reasons", NULL },
    /* The local time with its offset from GMT in brackets (WAM's "1600
     * hrs UAE time (GMT+4)"), and a dateline with the day's ordinal;
     * South Africa's "SAST". */
    { "WAM\nEMBARGOED: Not for publication or broadcast before 1600 hrs UAE time (GMT+4), Friday, 12th March 2027\n\n"
      "UAE launches programme to train AI engineers\n\n"
      "ABU DHABI, 12th March, 2027 (WAM) -- The UAE launched a national programme on Friday to train 10,000 artificial intelligence engineers by 2030.\n",
      "UAE launches programme to train AI engineers", NULL,
      "The UAE launched a national programme on Friday to train 10,000 artificial intelligence engineers by 2030.\n", NULL,
      "2027-03-12T12:00:00Z" },
    { "EMBARGOED UNTIL 00:01 SAST, SUNDAY 14 MARCH 2027\n\nOne in three Gauteng households skip meals\n\n"
      "JOHANNESBURG, March 12 (ANA) - One in three households in Gauteng skipped meals in the past month as food prices climbed, a study found.\n",
      "One in three Gauteng households skip meals", NULL,
      "One in three households in Gauteng skipped meals in the past month as food prices climbed, a study found.\n", NULL,
      "2027-03-13T22:01:00Z" },
    /* STT's label and Finland's time alone; West Africa Time. */
    { "STT\nJULKAISUVAPAA PERJANTAINA 12.3.2027 KLO 9.00 SUOMEN AIKAA\n\nTyöttömyysaste laski helmikuussa\n\n"
      "Työttömyysaste laski helmikuussa 7,4 prosenttiin, kertoo Tilastokeskus perjantaina julkaisemassaan työvoimatutkimuksessa.\n",
      "Työttömyysaste laski helmikuussa", NULL,
      "Työttömyysaste laski helmikuussa 7,4 prosenttiin, kertoo Tilastokeskus perjantaina julkaisemassaan työvoimatutkimuksessa.\n", NULL,
      "2027-03-12T07:00:00Z" },
    { "EMBARGOED UNTIL 10:00 WAT, TUESDAY 20 APRIL 2027\n\nBank approves corridor loan\n\n"
      "ABIDJAN, April 19 (APO) - The African Development Bank approved a $310 million loan for the Lagos-Abidjan highway corridor on Monday.\n",
      "Bank approves corridor loan", NULL,
      "The African Development Bank approved a $310 million loan for the Lagos-Abidjan highway corridor on Monday.\n", NULL,
      "2027-04-20T09:00:00Z" },
    /* The local time in words not known ("hora de Santiago", "Suomen
     * aikaa"), the same in GMT or UTC beside it. */
    { "AFP\nEMBARGO: 15 jul 2027, 08H00 hora de Santiago (12H00 GMT)\n\nLa pobreza en América Latina cae a su menor nivel\n\n"
      "SANTIAGO DE CHILE, 14 jul 2027 (AFP) - La pobreza en América Latina cayó en 2026 a su menor nivel en una década, según la CEPAL.\n",
      "La pobreza en América Latina cae a su menor nivel", NULL,
      "La pobreza en América Latina cayó en 2026 a su menor nivel en una década, según la CEPAL.\n", NULL, "2027-07-15T12:00:00Z" },
    { "STT\nEMBARGO: torstai 15.7.2027 klo 9.00 Suomen aikaa (klo 6.00 UTC)\n\nJoka neljäs nuori kokee itsensä usein yksinäiseksi\n\n"
      "Joka neljäs 15–24-vuotias suomalainen kokee itsensä yksinäiseksi usein tai jatkuvasti, kertoo THL:n tutkimus.\n",
      "Joka neljäs nuori kokee itsensä usein yksinäiseksi", NULL,
      "Joka neljäs 15–24-vuotias suomalainen kokee itsensä yksinäiseksi usein tai jatkuvasti, kertoo THL:n tutkimus.\n", NULL,
      "2027-07-15T06:00:00Z" },
    /* The local time with no zone, the same in GMT beside it: the day
     * before in GMT, named or not. */
    { "EMBARGADA HASTA LAS 00.01 HORAS DEL 14 DE MAYO DE 2027 (22.01 GMT DEL 13)\n\nEl Gobierno aprobará la ley de vivienda\n\n"
      "Madrid, 13 may (EFE).- El Consejo de Ministros aprobará este viernes el anteproyecto de ley de vivienda asequible.\n",
      "El Gobierno aprobará la ley de vivienda", NULL,
      "El Consejo de Ministros aprobará este viernes el anteproyecto de ley de vivienda asequible.\n", NULL, "2027-05-13T22:01:00Z" },
    { "Embargo: 14 May 2027, 00.01 (21.01 GMT)\n\nHospital waiting times fall\n\n"
      "ATHENS, May 13 - Waiting times at public hospitals fell for the third month in a row in April, the health ministry said on Thursday.\n",
      "Hospital waiting times fall", NULL,
      "Waiting times at public hospitals fell for the third month in a row in April, the health ministry said on Thursday.\n", NULL,
      "2027-05-13T21:01:00Z" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (cases[i].text, strlen (cases[i].text), CD_IMPORT_FORMAT_WIRE,
                                                "wire.txt", &error);
      g_autofree char *embargo = NULL;

      g_assert_no_error (error);
      g_test_message ("%u: %s | %s", i, cd_article_get_body (a), cd_article_get_ednote (a));
      g_assert_cmpstr (cd_article_get_headline (a), ==, cases[i].headline);
      g_assert_cmpstr (cd_article_get_dek (a), ==, cases[i].dek);
      if (cases[i].body != NULL)
        g_assert_cmpstr (cd_article_get_body (a), ==, cases[i].body);
      else
        g_assert_null (strstr (cd_article_get_body (a), "(끝)"));
      if (cases[i].noted != NULL)
        g_assert_nonnull (strstr (cd_article_get_ednote (a) != NULL ? cd_article_get_ednote (a) : "", cases[i].noted));
      if (cd_article_get_embargo (a) != NULL)
        {
          g_autoptr (GDateTime) utc = g_date_time_to_utc (cd_article_get_embargo (a));

          embargo = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
        }
      g_assert_cmpstr (embargo, ==, cases[i].embargo);
    }
  /* Belga's dateline with the day and month after the place, "=" as its
   * dash. */
  {
    const char *text = "REGERING BEREIKT AKKOORD\n\nBRUSSEL 14/10 (BELGA) = De federale regering heeft in de nacht "
                       "van woensdag op donderdag een akkoord bereikt over de begroting.\n";
    g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE, "belga.txt", NULL);

    g_assert_cmpstr (cd_article_get_dateline (a), ==, "BRUSSEL");
    g_assert_cmpstr (cd_article_get_source (a), ==, "BELGA");
    g_assert_cmpstr (cd_article_get_body (a), ==,
                     "De federale regering heeft in de nacht van woensdag op donderdag een akkoord bereikt over de "
                     "begroting.\n");
  }
}

/* The writer's name where agencies set it apart from a "By" line: PAP's
 * and ČTK's credit on the last line ("Autorka: …", "Autor: … (PAP)"),
 * AAP's name alone over "(Australian Associated Press)" above a
 * dateline; a last paragraph that only opens like a credit stays. The
 * agency's copyright under a story with no dateline names the source;
 * a photographer's does not. */
static void
test_wire_agency_bylines (void)
{
  /* clang-format off */
  static const struct
  {
    const char *text;
    const char *byline, *body_ends, *source;
  } cases[] = {
    { "Sejm uchwalił nowelizację ustawy\n\nWarszawa (PAP) - Sejm uchwalił w piątek nowelizację ustawy o publicznym transporcie zbiorowym, która trafi teraz do Senatu.\n\n"
      "Autorka: Anna Kowalczyk\n\nako/ mok/\n",
      "Anna Kowalczyk", "która trafi teraz do Senatu.\n", "PAP" },
    { "Vláda schválila rozpočet\n\nPraha (ČTK) - Vláda dnes schválila návrh státního rozpočtu na příští rok, který počítá se schodkem 230 miliard korun.\n\n"
      "Autor: Jan Novák (ČTK)\n",
      "Jan Novák", "schodkem 230 miliard korun.\n", "ČTK" },
    { "Sydney light rail extension approved\n\nTom Gallagher\n(Australian Associated Press)\n\n"
      "SYDNEY, May 12 AAP - A 12-kilometre extension of Sydney's light rail network to the inner west has been approved at a cost of $3.1 billion.\n",
      "Tom Gallagher (Australian Associated Press)", "at a cost of $3.1 billion.\n", "AAP" },
    { "Schriftsteller kehrt zurück\n\nBerlin (dpa) - Der Schriftsteller kehrt nach zwanzig Jahren im Ausland in seine Heimatstadt zurück, teilte der Verlag mit.\n\n"
      "Autor: Ich habe nie daran gezweifelt, dass ich zurückkomme.\n",
      NULL, "Autor: Ich habe nie daran gezweifelt, dass ich zurückkomme.\n", "dpa" },
    { "Regjeringen øker skatten\n\nRegjeringen foreslår å øke skatten på formue over ti millioner kroner fra neste år, opplyser finansdepartementet.\n\n(©NTB)\n",
      NULL, "opplyser finansdepartementet.\n", "NTB" },
    { "Ley de vivienda\n\nEl Gobierno aprobó este martes la ley de vivienda tras meses de negociaciones con sus socios parlamentarios.\n\n"
      "mgr/ra/jgb\n\n(c) Agencia EFE\n",
      NULL, "socios parlamentarios.\n", "EFE" },
    { "Senate passes stopgap bill\n\nThe Senate on Wednesday approved a stopgap spending bill that keeps federal agencies open through June.\n\n"
      "(Copyright 2027 The Associated Press. All Rights Reserved.)\n",
      NULL, "open through June.\n", "AP" },
    { "Harbour at dawn\n\nThe fishing fleet leaves the harbour before dawn each morning, as it has for two hundred years, whatever the weather.\n\n"
      "© 2027 Jane Doe\n",
      NULL, NULL, NULL },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (cases[i].text, strlen (cases[i].text), CD_IMPORT_FORMAT_WIRE,
                                                "wire.txt", &error);

      g_assert_no_error (error);
      g_test_message ("%u: %s | %s", i, cd_article_get_body (a), cd_article_get_ednote (a));
      g_assert_cmpstr (cd_article_get_byline (a), ==, cases[i].byline);
      g_assert_cmpstr (cd_article_get_source (a), ==, cases[i].source);
      if (cases[i].body_ends != NULL)
        g_assert_true (g_str_has_suffix (cd_article_get_body (a), cases[i].body_ends));
      g_assert_null (strstr (cd_article_get_body (a), "Australian Associated Press"));
    }
}

/* What agencies set above the headline besides slugs and codes: their
 * name, the time they sent the story, its section; all the note's,
 * where a headline stands under them. A one-word headline over the
 * story, and a section's look-alike with nothing above it, stay. */
static void
test_wire_agency_heads (void)
{
  /* clang-format off */
  static const struct
  {
    const char *text;
    const char *headline, *noted;
  } cases[] = {
    { "Ritzau\n14.07.2027 kl. 11:32\nIndland\n\nPoliti: 24-årig anholdt efter knivstikkeri på Nørrebro\n\n"
      "En 24-årig mand er onsdag formiddag blevet anholdt og sigtet for forsøg på manddrab efter et knivstikkeri i København.\n",
      "Politi: 24-årig anholdt efter knivstikkeri på Nørrebro", "Indland" },
    { "Lusa - 14/07/2027 16:48\nSOC - Incêndios\n\nMais de 900 operacionais combatem fogo em Odemira\n\n"
      "   Odemira, Beja, 14 jul 2027 (Lusa) - Mais de 900 operacionais, apoiados por 14 meios aéreos, combatiam hoje à tarde um incêndio.\n",
      "Mais de 900 operacionais combatem fogo em Odemira", "SOC - Incêndios" },
    { "IANS\n14-07-2027 17:46 IST\nHEAVY RAIN-MUMBAI\n\nHeavy rain lashes Mumbai, local trains hit\n\n"
      "Mumbai, July 14 (IANS) Incessant heavy rain lashed Mumbai and its suburbs on Wednesday, flooding low-lying areas across the city.\n",
      "Heavy rain lashes Mumbai, local trains hit", "HEAVY RAIN-MUMBAI" },
    { "EUROPA PRESS - 14/07/2027 13:05 - Nacional / Sociedad\n\nEl Gobierno aprueba ampliar el permiso por nacimiento\n\n"
      "El Consejo de Ministros ha aprobado este miércoles ampliar a 20 semanas el permiso por nacimiento y cuidado de menor.\n",
      "El Gobierno aprueba ampliar el permiso por nacimiento", "EUROPA PRESS - 14/07/2027 13:05 - Nacional / Sociedad" },
    { "MTI 2027. július 14., szerda 14:22\nBelföld - Oktatás - Kormány\n\nSzeptembertől tíz százalékkal emelkedik a pedagógusok bére\n\n"
      "Szeptember 1-jétől átlagosan tíz százalékkal emelkedik a köznevelésben dolgozó pedagógusok bére, jelentette be az államtitkár.\n",
      "Szeptembertől tíz százalékkal emelkedik a pedagógusok bére", "Belföld - Oktatás - Kormány" },
    { "AP-CYC--Tour de France, 1st Ld-Writethru,0712\nVan Doorn wins Alpe d'Huez stage\n"
      "ALPE D'HUEZ, France (AP) — Dutch climber Joost van Doorn won the 12th stage of the Tour de France atop Alpe d'Huez on Wednesday.\n",
      "Van Doorn wins Alpe d'Huez stage", "AP-CYC--Tour de France" },
    { "AFP-DEU0378 4 pl 0412 AFP /XGQ71\nFrankreich/Regierung/Renten\n\nFranzösische Regierung legt Rentenreform erneut vor\n\n"
      "Paris (AFP) - Die französische Regierung hat ihre umstrittene Rentenreform am Donnerstag erneut im Parlament vorgelegt.\n",
      "Französische Regierung legt Rentenreform erneut vor", "AFP-DEU0378 4 pl 0412 AFP /XGQ71" },
    { "EFE-EN 0187 3 pl 0462 EFE\nChile-mining-lithium\nChile to auction rights to three lithium salt flats\nBy Rodrigo Sáez\n"
      "Santiago, Jun 3 (EFE).- Chile's government will auction exploration and production rights to three lithium salt flats.\n",
      "Chile to auction rights to three lithium salt flats", "EFE-EN 0187 3 pl 0462 EFE" },
    { "ČTK  3.6.2027 14:22\nDomácí / politika\nvláda, rozpočet, ČR\nVláda schválila návrh rozpočtu se schodkem 235 miliard Kč\n"
      "Praha 3. června (ČTK) - Vláda dnes schválila návrh státního rozpočtu na příští rok se schodkem 235 miliard korun.\n",
      "Vláda schválila návrh rozpočtu se schodkem 235 miliard Kč", "vláda, rozpočet, ČR" },
    { "AFP\nFRA0412 3 i 0521 AFP /A-XGQ88\nCôte d'Ivoire-politique-élection-présidentielle,PREV\n\n"
      "Côte d'Ivoire: la présidentielle fixée au 25 octobre\n\nAbidjan (AFP) - L'élection présidentielle ivoirienne aura lieu le 25 octobre, a annoncé jeudi la commission électorale.\n",
      "Côte d'Ivoire: la présidentielle fixée au 25 octobre", "Côte d'Ivoire-politique-élection-présidentielle,PREV" },
    { "dpa-es 0214 pl 3 vvvv\nAlemania Economía Industria Estadística\nProducción industrial alemana cae por tercer mes consecutivo (sigue)\n"
      "Por Jonas Brehm (dpa)\nBerlín, 3 jun (dpa) - La producción industrial de Alemania cayó en abril por tercer mes consecutivo.\n",
      "Producción industrial alemana cae por tercer mes consecutivo", "Alemania Economía Industria Estadística" },
    /* Reuters' Spanish service's version label and note, Yonhap's note. */
    { "ACTUALIZA 1-Colombia recorta meta de producción de petróleo\n(Actualiza con declaraciones del ministro de Minas, contexto)\n"
      "Por Andrés Vélez Rojas\nBOGOTÁ, 3 jun (Reuters) - El Gobierno de Colombia recortó el jueves su meta de producción de petróleo para este año.\n",
      "Colombia recorta meta de producción de petróleo", "(Actualiza con declaraciones del ministro de Minas, contexto)" },
    { "(LEAD) S. Korea's current account surplus widens in April\n(ATTN: ADDS details in paras 5-7)\nBy Cho Min-seo\n"
      "SEOUL, June 3 (Yonhap) -- South Korea's current account surplus widened sharply in April from a year earlier on robust chip exports.\n",
      "S. Korea's current account surplus widens in April", "(ATTN: ADDS details in paras 5-7)" },
    /* ANPA's selector line over AP's slug; PA's catchline of three words. */
    { "a0412  r  a  BC-US--Wildfire-California, 3rd Ld-Writethru  05-12 0742\nBC-US--Wildfire-California, 3rd Ld-Writethru,0742\n"
      "Wind-driven wildfire forces 14,000 from homes\nPLACERVILLE, Calif. (AP) — A wind-driven wildfire forced about 14,000 people from their homes "
      "in the Sierra Nevada foothills east of Sacramento on Wednesday.\n",
      "Wind-driven wildfire forces 14,000 from homes", "a0412  r  a  BC-US--Wildfire-California" },
    { "SPORT Cricket England\nEditors note: Embargoed until the end of play.\n\nBrennan century puts England in control at Lord's\n\n"
      "By Mark Hollis, PA Cricket Correspondent, at Lord's\n\nOllie Brennan struck a brilliant century as England took control of the first Test "
      "against New Zealand at Lord's on Thursday.\n",
      "Brennan century puts England in control at Lord's", "SPORT Cricket England" },
    { "dpa 0456 4 wi 421 dpa 0312\nWissenschaft/Klima/Meere/\nStudie: Ostsee steigt schneller als angenommen\n"
      "Kiel (dpa) - Der Meeresspiegel der Ostsee steigt einer Studie zufolge schneller als bislang angenommen, berichten Forscher aus Kiel.\n",
      "Studie: Ostsee steigt schneller als angenommen", "dpa 0456 4 wi 421 dpa 0312" },
    { "EFE-AMÉRICA\nCOLOMBIA PAZ\nGobierno y guerrilla reanudan diálogos en La Habana\n"
      "Bogotá, 9 mar (EFE).- El Gobierno de Colombia y la guerrilla reanudaron este martes en La Habana los diálogos de paz suspendidos en enero.\n",
      "Gobierno y guerrilla reanudan diálogos en La Habana", "COLOMBIA PAZ" },
    { "TT Nyhetsbyrån\nInrikes\nRegeringen sänker skatten på el\nAnna Lindqvist/TT\n"
      "Regeringen föreslår att energiskatten på el sänks med tio öre per kilowattimme från den första januari nästa år, meddelade finansministern.\n",
      "Regeringen sänker skatten på el", "Inrikes" },
    { "ANP-20270318-0231 BIN POL\nHerhaling met correctie: in de derde alinea 1,2 miljard euro (niet 1,2 miljoen euro)\n\n"
      "Kabinet trekt extra 2 miljard uit voor huurwoningen\n\nDEN HAAG (ANP) - Het kabinet trekt de komende vier jaar 2 miljard euro extra uit "
      "voor de bouw van betaalbare huurwoningen, maakte de minister woensdag bekend.\n",
      "Kabinet trekt extra 2 miljard uit voor huurwoningen", "(niet 1,2 miljoen euro)" },
    { "Germany-Politics-Budget,\nGerman cabinet approves 2028 budget with record defence spending\n"
      "Berlin (dpa) - The German cabinet on Wednesday approved a draft budget for next year that includes record spending on defence.\n",
      "German cabinet approves 2028 budget with record defence spending", "Germany-Politics-Budget," },
    /* Reuters' version note between its headline and bullets. */
    { "CORRECTED-UPDATE 1-Velmar cuts outlook as China curbs bite\n(Corrects spelling of CFO's name in paragraph 5)\n"
      "* Sees 2027 revenue of 3.1-3.4 bln euros\n* Shares fall 9% in early trade\n\nBy Anna Verhoef\n\n"
      "AMSTERDAM, March 9 (Reuters) - Dutch semiconductor equipment maker Velmar cut its full-year revenue forecast on Tuesday.\n",
      "Velmar cuts outlook as China curbs bite", "(Corrects spelling of CFO's name in paragraph 5)" },
    /* A headline in capitals over a byline stays. */
    { "BC-SOC--Coastal League Glance,0233\nCoastal League Glance\nBy The Associated Press\nAll Times EDT\n"
      "Harbor City FC               14   5   3   41  19   47\nNorthgate United             13   4   5   37  22   43\n",
      "Coastal League Glance", NULL },
    { "Headline\n\nARSENAL - Chelsea 2-1\n", "Headline", NULL },
    /* A version's number is no date. */
    { "Git 1.7.12.2 Release Notes\n\nFixes since v1.7.12.1\n\n"
      "When git am is fed an input that has multiple content types in its header, it did not read the charset attribute.\n",
      "Git 1.7.12.2 Release Notes", NULL },
    { "Politics | Economy\n\nThe government raised the minimum wage by four per cent on Tuesday, the labour ministry said in a statement.\n",
      "Politics | Economy", NULL },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (cases[i].text, strlen (cases[i].text), CD_IMPORT_FORMAT_WIRE,
                                                "wire.txt", &error);

      g_assert_no_error (error);
      g_test_message ("%u: %s | %s", i, cd_article_get_body (a), cd_article_get_ednote (a));
      g_assert_cmpstr (cd_article_get_headline (a), ==, cases[i].headline);
      if (cases[i].noted != NULL)
        g_assert_nonnull (strstr (cd_article_get_ednote (a) != NULL ? cd_article_get_ednote (a) : "", cases[i].noted));
      g_assert_null (strstr (cd_article_get_body (a), cases[i].headline));
    }
}

/* More agencies' forms: the place of a dateline with its date after it
 * (ČTK, MTI, Hina); sign-offs ("jkr mal", "(Hina) xmi ysp", "/DS/",
 * "MVS/", dpa's time stamp under its initials); credits under the story
 * (Antara's "Pewarta:", Agerpres's, CNA's "(By …)" over "Enditem/AW");
 * bylines "Av Kari Nordbø" and "Anni Virtanen / STT"; the agency's name
 * alone over the story as its source. */
static void
test_wire_agency_forms (void)
{
  /* clang-format off */
  static const struct
  {
    const char *text;
    const char *dateline, *byline, *source, *noted, *last;
  } cases[] = {
    { "Sněmovna schválila zvýšení příspěvku\n\nPraha 14. července (ČTK) - Poslanecká sněmovna dnes schválila novelu zákona o státní sociální podpoře.\n\njkr mal\n",
      "Praha", NULL, "ČTK", "jkr mal", "novelu zákona o státní sociální podpoře.\n" },
    { "Emelkedik a pedagógusok bére\n\nBudapest, 2027. július 14., szerda (MTI) - Szeptember 1-jétől átlagosan tíz százalékkal emelkedik a pedagógusok bére.\n",
      "Budapest", NULL, "MTI", NULL, "emelkedik a pedagógusok bére.\n" },
    { "Vlada: besplatni udžbenici\n\nZAGREB, 14. srpnja 2027. (Hina) - Vlada je na sjednici u srijedu donijela odluku o besplatnim udžbenicima.\n\n(Hina) xmi ysp\n",
      "ZAGREB", NULL, "Hina", "(Hina) xmi ysp", "odluku o besplatnim udžbenicima.\n" },
    { "Rose oil output to fall\n\nKazanlak, July 14 (BTA) - Bulgaria's rose oil production this year is expected to fall by around 30 per cent.\n\n/DS/\n",
      "Kazanlak", NULL, "BTA", "/DS/", "fall by around 30 per cent.\n" },
    { "Accord budgétaire\n\nBRUXELLES 14/07 (BELGA) = Le gouvernement fédéral est parvenu mercredi matin à un accord sur le contrôle budgétaire.\n\nMVS/\n",
      "BRUXELLES", NULL, "BELGA", "MVS/", "sur le contrôle budgétaire.\n" },
    { "Rail report delayed\n\nBerlin (dpa) - The report on the state of Germany's rail bridges has been delayed until the autumn, the ministry said.\n\n"
      "dpa lh yyzz n1 ms\n141722 Jul 27\n",
      "Berlin", NULL, "dpa", "141722 Jul 27", "the ministry said.\n" },
    { "Puncak musim kemarau pada Agustus\n\nJakarta (ANTARA) - Badan Meteorologi memperkirakan puncak musim kemarau terjadi pada Agustus mendatang.\n\n"
      "Pewarta: Rizky Ananda\nEditor: Budi Santoso\nCopyright © ANTARA 2027\n",
      "Jakarta", "Rizky Ananda", "ANTARA", "Editor: Budi Santoso", "pada Agustus mendatang.\n" },
    { "Guvernul a aprobat majorarea alocaţiilor\n\nBucureşti, 14 iul /Agerpres/ - Guvernul a aprobat, miercuri, o ordonanţă de urgenţă privind alocaţiile.\n\n"
      "AGERPRES (AS - autor: Andreea Stan, editor: Mihai Popa, editor online: Irina Dobre)\n",
      "Bucureşti", "Andreea Stan", "Agerpres", NULL, "de urgenţă privind alocaţiile.\n" },
    { "Taiwan to raise minimum wage\n\nTaipei, July 14 (CNA) Taiwan's monthly minimum wage will rise 3.2 percent from January 1, the Ministry of Labor announced.\n\n"
      "(By Chen Yi-hsuan and Sean Lin)\nEnditem/AW\n",
      "Taipei", "Chen Yi-hsuan and Sean Lin", "CNA", NULL, "the Ministry of Labor announced.\n" },
    { "Regjeringa vil gje meir til ferjene\n\nAv Kari Nordbø\n\nRegjeringa føreslår å auke løyvingane til ferjedrifta i fylka med 400 millionar kroner neste år.\n\n(©NTB)\n",
      NULL, "Kari Nordbø", "NTB", "(©NTB)", "400 millionar kroner neste år.\n" },
    { "Joka neljäs nuori kokee itsensä yksinäiseksi\n\nAnni Virtanen / STT\n\nJoka neljäs 15–24-vuotias suomalainen kokee itsensä yksinäiseksi usein tai jatkuvasti.\n",
      NULL, "Anni Virtanen", NULL, NULL, "usein tai jatkuvasti.\n" },
    { "Bundesbank senkt Wachstumsprognose\n    - von Christian Albrecht und Maria Hegel\n"
      "Frankfurt (Reuters) - Die Bundesbank hat ihre Konjunkturprognose für Deutschland wegen der höheren US-Zölle deutlich gesenkt.\n",
      "Frankfurt", "Christian Albrecht und Maria Hegel", "Reuters", NULL, "deutlich gesenkt.\n" },
    { "Regeringen vil hæve kørselsfradraget\nAf Mette Skovgaard/Ritzau\nPendlere, der bor i landets yderområder og har mere end 24 kilometer "
      "til og fra arbejde, skal have et større fradrag for deres transport.\n",
      NULL, "Mette Skovgaard", NULL, NULL, "for deres transport.\n" },
    { "Parliament approves defence levy\n\nVILNIUS, Jun 3, BNS – Lithuania's Seimas on Thursday approved a temporary levy on commercial banks.\n\n"
      "Author: Rūta Kazlauskaitė\nBNS\n",
      "VILNIUS", "Rūta Kazlauskaitė", "BNS", NULL, "a temporary levy on commercial banks.\n" },
    { "Crecen las exportaciones de carne\n\nBuenos Aires, 3 de junio (Télam).- Las exportaciones de carne vacuna alcanzaron en abril las 86.400 toneladas.\n",
      "Buenos Aires", NULL, "Télam", NULL, "86.400 toneladas.\n" },
    { "国家统计局：5月份制造业采购经理指数升至51.2%\n\n新华社北京6月3日电（记者王晓明、李静）国家统计局3日发布数据显示，5月份制造业采购经理指数为51.2%，"
      "比上月上升0.4个百分点，连续三个月位于扩张区间。\n\n（完）\n",
      "北京", "王晓明、李静", "新华社", NULL, "连续三个月位于扩张区间。\n" },
    { "Mayısta ihracat yüzde 9,2 arttı\nHaber: Zeynep Aydemir\nANKARA (AA) - Türkiye'nin ihracatı mayısta geçen yılın aynı ayına göre yüzde 9,2 artarak 24,1 milyar dolara yükseldi ve "
      "tüm zamanların en yüksek seviyesine ulaştı.\n",
      "ANKARA", "Zeynep Aydemir", "AA", NULL, "en yüksek seviyesine ulaştı.\n" },
    { "LA PRESSE CANADIENNE\nEMBARGO: 10 h 30 HAE, le jeudi 3 juin 2027\nQuébec-Santé-Urgences\nQuébec injecte 1,2 milliard dans les urgences\n"
      "Par Mathieu Bélanger\nLa Presse Canadienne\nQUÉBEC — Le gouvernement du Québec injectera 1,2 milliard $ sur trois ans pour désengorger les urgences.\n",
      "QUÉBEC", "Mathieu Bélanger, La Presse Canadienne", "LA PRESSE CANADIENNE", "Québec-Santé-Urgences", "désengorger les urgences.\n" },
    { "Rose oil output expected to fall by a third\n\nAuthor: Daniela Stoyanova\nEditor: Boryana Marinova\n\n"
      "Kazanlak, July 14 (BTA) - Bulgaria's rose oil production this year is expected to fall by around 30 per cent compared with 2026.\n",
      "Kazanlak", "Daniela Stoyanova", "BTA", "Editor: Boryana Marinova", "compared with 2026.\n" },
    { "Tasman Dairy lifts milk price forecast\nBy Hamish Reeve, NZ Newswire\nWELLINGTON, May 12 NZN - Dairy co-operative Tasman Dairy has lifted its "
      "forecast farmgate milk price to a record $10.40 a kilogram of milk solids.\nFederated Farmers said the cash would go to paying down debt.\nNZN hr/rj\n",
      "WELLINGTON", "Hamish Reeve, NZ Newswire", "NZN", "NZN hr/rj", "go to paying down debt.\n" },
    { "Russia and Belarus sign energy deal\n\nMOSCOW, May 12. /TASS/. Russia and Belarus signed an agreement on Wednesday on a common gas market that "
      "will take effect from January next year.\n",
      "MOSCOW", NULL, "TASS", NULL, "from January next year.\n" },
    { "Federale regering bereikt akkoord\n\nBRUSSEL 12/05 (BELGA) = De federale regering heeft in de nacht van woensdag op donderdag een akkoord "
      "bereikt over de begroting voor volgend jaar.\n\n(Belga)\nLPE/KVH\n",
      "BRUSSEL", NULL, "BELGA", "LPE/KVH", "over de begroting voor volgend jaar.\n" },
    { "Reserve Bank holds rates\n\nEmily Jackson and Callum Godfrey\n(Australian Associated Press)\n\n"
      "SYDNEY, March 9 AAP - The Reserve Bank has kept the cash rate on hold for a third straight meeting, citing sticky services inflation.\n",
      "SYDNEY", "Emily Jackson and Callum Godfrey (Australian Associated Press)", "AAP", NULL, "sticky services inflation.\n" },
    { "Ontario teachers set strike deadline\nLiam Cassidy, The Canadian Press\n"
      "TORONTO — Ontario's public high school teachers have set a strike deadline for Monday after talks with the province stalled this week.\n",
      "TORONTO", "Liam Cassidy, The Canadian Press", "CP", NULL, "stalled this week.\n" },
    { "Inflazione all'1,4% a marzo\n\n(ANSA) - ROMA, 31 MAR - L'inflazione in Italia è scesa all'1,4% a marzo, il livello più basso da un anno, secondo l'Istat.\n\n"
      "     Y1G-BR\n31-MAR-27 11:18\nNNNN\n",
      "ROMA", NULL, "ANSA", "31-MAR-27 11:18", "secondo l'Istat.\n" },
    /* A photo's caption among the paragraphs, and under them. */
    { "Mayısta ihracat arttı\n\nANKARA (AA) - Türkiye'nin ihracatı mayısta geçen yılın aynı ayına göre yüzde 9,2 artarak 24,1 milyar dolara yükseldi.\n\n"
      "[FOTO] Ticaret Bakanı Kemal Sarıgül, mayıs ayı dış ticaret verilerini açıkladı. (Emre Durmaz - Anadolu Ajansı)\n\n"
      "Sarıgül, ithalatın yüzde 3,1 azaldığını söyledi.\n\n"
      "PIX: Transport Minister Ahmad Faizal Rahim at the launch of the programme today. --fotoBERNAMA\n",
      "ANKARA", NULL, "AA", "[FOTO] Ticaret Bakanı", "Sarıgül, ithalatın yüzde 3,1 azaldığını söyledi.\n" },
    /* The dateline alone over the story, the standfirst above it. */
    { "El Gobierno amplía el permiso por nacimiento\n\n   El permiso será retribuido al 100% y podrá disfrutarse de forma flexible\n\n"
      "   MADRID, 14 (EUROPA PRESS)\n\n   El Consejo de Ministros ha aprobado este miércoles ampliar de 16 a 20 semanas el permiso por nacimiento.\n",
      "MADRID", NULL, "EUROPA PRESS", "MADRID, 14 (EUROPA PRESS)", "Consejo de Ministros ha aprobado este miércoles ampliar de 16 a 20 semanas el permiso por nacimiento.\n" },
    { "Ritzau\n14.07.2027 kl. 11:32\nIndland\n\nPoliti: 24-årig anholdt efter knivstikkeri\n\n"
      "En 24-årig mand er onsdag formiddag blevet anholdt og sigtet for forsøg på manddrab efter et knivstikkeri i København.\n",
      NULL, NULL, "Ritzau", "14.07.2027 kl. 11:32", "efter et knivstikkeri i København.\n" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (cases[i].text, strlen (cases[i].text), CD_IMPORT_FORMAT_WIRE,
                                                "wire.txt", &error);

      g_assert_no_error (error);
      g_test_message ("%u: %s | %s", i, cd_article_get_body (a), cd_article_get_ednote (a));
      g_assert_cmpstr (cd_article_get_dateline (a), ==, cases[i].dateline);
      g_assert_cmpstr (cd_article_get_byline (a), ==, cases[i].byline);
      g_assert_cmpstr (cd_article_get_source (a), ==, cases[i].source);
      if (cases[i].noted != NULL)
        {
          g_assert_nonnull (cd_article_get_ednote (a));
          g_assert_nonnull (strstr (cd_article_get_ednote (a), cases[i].noted));
        }
      g_assert_true (g_str_has_suffix (cd_article_get_body (a), cases[i].last));
      g_assert_true (g_str_has_prefix (cd_article_get_body (a), cases[i].last) ||
                     strstr (cd_article_get_body (a), "(EUROPA PRESS)") == NULL);
    }
}

/* What agencies the desk knows less set over and under their stories:
 * a masthead of the agency's name, its time stamp and section over the
 * headline (the name gives the source); a dateline with no dash after
 * the agency's name in capitals; Korean agencies' "(서울=연합뉴스) 김지현
 * 기자 ="; initials between slashes under the story, after the agency's
 * name or its stamp; Jiji's stamp in brackets. The look-alikes stay: a
 * title of two words over a subtitle, a body's name in brackets in the
 * first sentence, a last line with a slash in it. */
static void
test_wire_agency_mastheads (void)
{
  /* clang-format off */
  static const struct
  {
    const char *text;
    const char *headline, *dateline, *byline, *source, *noted, *last, *absent;
  } cases[] = {
    { "KNA-Basisdienst\n12.03.2027 11:21\nKirche/Vatikan/Papst/Jugend\n\nPapst ruft junge Menschen zum Einsatz gegen Einsamkeit auf\n\n"
      "Vatikanstadt (KNA) Der Papst hat junge Menschen weltweit aufgerufen, sich gegen Einsamkeit und Ausgrenzung in ihrem Umfeld einzusetzen.\n\n"
      "KNA abe ksc\n",
      "Papst ruft junge Menschen zum Einsatz gegen Einsamkeit auf", "Vatikanstadt", NULL, "KNA", "KNA abe ksc",
      "in ihrem Umfeld einzusetzen.\n" },
    { "ИНТЕРФАКС\n12.03.2027 13:47\nФИНАНСЫ\n\nКурс юаня на Мосбирже опустился ниже 12 рублей впервые с января\n\n"
      "Москва. 12 марта. ИНТЕРФАКС - Курс юаня на Московской бирже в ходе торгов в пятницу опустился ниже 12 рублей впервые с 14 января, "
      "следует из данных торгов.\n",
      "Курс юаня на Мосбирже опустился ниже 12 рублей впервые с января", "Москва", NULL, "ИНТЕРФАКС", "12.03.2027 13:47",
      "следует из данных торгов.\n" },
    { "APP\nAPP43-12\nBusiness\n\nSBP keeps policy rate unchanged at 9 percent\n\n"
      "KARACHI, Mar 12 (APP): The State Bank of Pakistan on Friday decided to keep the policy rate unchanged at 9 percent, citing price stability.\n\n"
      "APP/raz/mah\n",
      "SBP keeps policy rate unchanged at 9 percent", "KARACHI", NULL, "APP", "APP/raz/mah", "citing price stability.\n" },
    { "Philippine News Agency\nNation\nMarch 12, 2027, 4:18 pm\n\nDOH: Measles cases down 40% after catch-up drive\n\n"
      "MANILA – The Department of Health on Friday reported a 40-percent drop in measles cases in the first 10 weeks of 2027.\n",
      "DOH: Measles cases down 40% after catch-up drive", "MANILA", NULL, "Philippine News Agency", "Nation",
      "in the first 10 weeks of 2027.\n" },
    { "時事通信\n2027年03月12日10時45分\n経済\n\n米ＦＲＢ議長、利下げ「急がず」\n\n"
      "　【ワシントン時事】米連邦準備制度理事会（ＦＲＢ）の議長は１１日、上院銀行委員会で証言し、利下げを急がない考えを示した。\n（2027/03/12-10:45）\n",
      "米ＦＲＢ議長、利下げ「急がず」", "ワシントン", NULL, "時事通信", "（2027/03/12-10:45）", "利下げを急がない考えを示した。\n" },
    { "中央社\n2027/03/12 14:35\n產經\n\n台積電高雄廠二期量產\n\n"
      "（中央社記者林怡君台北12日電）晶圓代工龍頭台積電今天宣布，高雄廠第二期工程正式進入量產，採用2奈米製程，預計今年底月產能可達3萬片。\n\n"
      "高雄市政府也表示，台積電在高雄投資將帶動周邊供應鏈進駐。（編輯：張均懋）1160312\n",
      "台積電高雄廠二期量產", "台北", "林怡君", "中央社", "（編輯：張均懋）1160312", "帶動周邊供應鏈進駐。\n" },
    { "성인 10명 중 4명 하루 1시간 넘게 숏폼 본다\n\n(서울=연합뉴스) 김지현 기자 = 국내 성인 10명 중 4명은 하루 1시간 이상 짧은 동영상(숏폼)을 시청하는 것으로 나타났다.\n",
      "성인 10명 중 4명 하루 1시간 넘게 숏폼 본다", "서울", "김지현", "연합뉴스", NULL, "시청하는 것으로 나타났다.\n" },
    { "Perú exportó arándanos por US$ 2,300 millones\n\nLima, mar. 12 (ANDINA). Las exportaciones peruanas de arándanos sumaron 2,300 millones de "
      "dólares en el 2026, un nuevo récord.\n\nMás en Andina:\n- Mincetur: exportaciones crecieron 9 % en enero\n"
      "- BCR mantiene tasa de referencia en 4 %\n\n(FIN) DOP/JJN\n",
      "Perú exportó arándanos por US$ 2,300 millones", "Lima", NULL, "ANDINA", "DOP/JJN", "un nuevo récord.\n", "BCR mantiene" },
    { "Senate confirms electoral commissioners\n\nAbuja, March 11, 2027 (NAN) The Senate on Thursday confirmed the nomination of 12 Resident "
      "Electoral Commissioners.\n\nNOB/IBI\n==========\nEdited by Chinyere Eze\n",
      "Senate confirms electoral commissioners", "Abuja", NULL, "NAN", "Edited by Chinyere Eze", "Electoral Commissioners.\n" },
    { "Patēriņa cenas Latvijā februārī pieauga par 0,4%\n\nRĪGA, 12. martā, LETA. Patēriņa cenu līmenis Latvijā šā gada februārī pieauga par 0,4%.\n",
      "Patēriņa cenas Latvijā februārī pieauga par 0,4%", "RĪGA", NULL, "LETA", NULL, "februārī pieauga par 0,4%.\n" },
    { "SBB investieren 14 Milliarden in Zürich\n\nZürich (awp/sda) - Die SBB wollen bis 2035 rund 14 Milliarden Franken in den Bahnknoten Zürich investieren.\n\n"
      "Keystone-SDA mk/rs\n",
      "SBB investieren 14 Milliarden in Zürich", "Zürich", NULL, "awp/sda", "Keystone-SDA mk/rs", "Bahnknoten Zürich investieren.\n" },
    /* dpa's version note over the headline; its notebook, with the part
     * not for publication, and its sign-off with a slash. */
    { "dpa-Basisdienst\n12.03.2027 15:47\nVerkehr/Streiks/Bahn\n(Zusammenfassung 1545 - neu: Reaktion Bahn)\n\n"
      "Lokführer streiken am Montag bundesweit =\n\nBerlin (dpa) - Bahnreisende in ganz Deutschland müssen sich am Montag auf massive Einschränkungen einstellen.\n\n"
      "dpa-Notizblock\n\n## Redaktionelle Hinweise\n- Zusammenfassung wird bis 18.00 Uhr aktualisiert.\n\n* * * *\n\n"
      "Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt\n\n## Kontakte\n- Autor: Martin Fischer, +49 30 285231 412\n\n"
      "dpa mfi/lkr yybb z2 sk\n121547 Mär 27\n",
      "Lokführer streiken am Montag bundesweit", "Berlin", NULL, "dpa", "neu: Reaktion Bahn", "auf massive Einschränkungen einstellen.\n",
      "Notizblock" },
    /* UNI's story in two takes: its desk's sign-off with the time, the
     * next take's desk and number, its slug with the take's. */
    { "UNI NPR 24\nParl-Finance Bill-LS\nLok Sabha passes Finance Bill\n"
      "New Delhi, Mar 12 (UNI) The Lok Sabha on Friday passed the Finance Bill, 2027 by a voice vote after a six-hour debate.\n"
      "The Bill will now be sent to the Rajya Sabha.\nMORE\nUNI AK SB 1418\n\nUNI NPR 27\nParl-Finance Bill-LS 2 last\n"
      "The House was later adjourned till Monday.\nUNI AK SB 1436\n",
      "Lok Sabha passes Finance Bill", "New Delhi", NULL, "UNI", "UNI AK SB 1436", "The House was later adjourned till Monday.\n",
      "MORE" },
    { "UAE launches programme to train AI engineers\n\n"
      "ABU DHABI, 12th March, 2027 (WAM) -- The UAE launched a national programme on Friday to train 10,000 artificial intelligence engineers by 2030.\n",
      "UAE launches programme to train AI engineers", "ABU DHABI", NULL, "WAM", NULL, "engineers by 2030.\n" },
    /* A writer's credit with the agency's service in brackets, and the
     * writer's name alone with the agency's. */
    { "Indeks WIG20 zyskał 1,2 proc.\n\nWarszawa (PAP Biznes) - Indeks największych spółek warszawskiej giełdy zyskał w piątek 1,2 proc., "
      "najwięcej od trzech tygodni.\n\nAutor: Marek Wiśniewski (PAP Biznes)\nmw/ asa/\n",
      "Indeks WIG20 zyskał 1,2 proc.", "Warszawa", "Marek Wiśniewski", "PAP Biznes", NULL, "najwięcej od trzech tygodni.\n", "Autor:" },
    { "Xuất khẩu gạo tăng mạnh\n\nHà Nội (TTXVN) - Xuất khẩu gạo của Việt Nam trong quý I năm 2027 đạt 2,1 triệu tấn, tăng 12% so với cùng kỳ năm trước.\n\n"
      "Nguyễn Thu Hà (TTXVN)\n",
      "Xuất khẩu gạo tăng mạnh", "Hà Nội", "Nguyễn Thu Hà", "TTXVN", NULL, "tăng 12% so với cùng kỳ năm trước.\n", "(TTXVN)\n" },
    /* BTA's writer between the slashes of its dateline, its initials. */
    { "Правителството одобри бюджета\n\nСофия, 16 март /Мария Иванова, БТА/ Правителството одобри днес проектобюджета за 2027 година, "
      "съобщи финансовият министър на пресконференция.\n\n/ИЛ/\n",
      "Правителството одобри бюджета", "София", "Мария Иванова", "БТА", "/ИЛ/", "на пресконференция.\n" },
    /* A Greek byline; ANA-MPA's initials. */
    { "Νέα ρεκόρ για τη ναυτιλία\n\nΤου Γιώργου Παπαδόπουλου\n\nΗ ελληνική ναυτιλία κατέγραψε νέο ρεκόρ χωρητικότητας το 2026, σύμφωνα με "
      "τα στοιχεία της Ένωσης Ελλήνων Εφοπλιστών.\n\nΓ.Π./ΣΚ\n",
      "Νέα ρεκόρ για τη ναυτιλία", NULL, "Γιώργου Παπαδόπουλου", NULL, "Γ.Π./ΣΚ", "Ένωσης Ελλήνων Εφοπλιστών.\n" },
    /* WAM's sign-off of its writers; APP's label after the headline. */
    { "UAE and Kenya sign trade pact (UPDATE 2)\n\nABU DHABI, 22nd March, 2027 (WAM) -- The UAE and Kenya signed a comprehensive economic "
      "partnership agreement on Monday, the ministry of foreign trade said.\n\nWAM/Ahmed Nabil/Sara Haddad\n",
      "UAE and Kenya sign trade pact", "ABU DHABI", NULL, "WAM", "UPDATE 2", "the ministry of foreign trade said.\n", "Ahmed Nabil" },
    /* The agency's name and section over the headline; Thai News
     * Agency's masthead with its stamp in the Buddhist era. */
    { "Agência Brasil - Economia\n\nInflação oficial desacelera para 0,31% em março\n\n"
      "RIO DE JANEIRO - O Índice Nacional de Preços ao Consumidor Amplo desacelerou para 0,31% em março, informou hoje o IBGE.\n",
      "Inflação oficial desacelera para 0,31% em março", "RIO DE JANEIRO", NULL, "Agência Brasil", "Agência Brasil - Economia",
      "informou hoje o IBGE.\n" },
    { "สำนักข่าวไทย อสมท\n19 มี.ค. 2570 15:20 น.\nเศรษฐกิจ\n\nครม.เห็นชอบลดค่าไฟงวด พ.ค.-ส.ค. เหลือ 3.98 บาทต่อหน่วย\n\n"
      "ที่ประชุมคณะรัฐมนตรีวันนี้ มีมติเห็นชอบมาตรการลดค่าไฟฟ้าสำหรับรอบบิลเดือนพฤษภาคมถึงสิงหาคม 2570 โดยปรับลดค่าไฟฟ้าเฉลี่ยลงเหลือ 3.98 บาทต่อหน่วย\n",
      "ครม.เห็นชอบลดค่าไฟงวด พ.ค.-ส.ค. เหลือ 3.98 บาทต่อหน่วย", NULL, NULL, "สำนักข่าวไทย อสมท", "15:20 น.", "3.98 บาทต่อหน่วย\n" },
    /* KUNA's day and month between dashes after its place, its end mark;
     * Yonhap's reporter's address, copyright and stamp; NAN's name and
     * address in brackets. */
    { "صادرات النفط الكويتية ترتفع\n\nالكويت - 21 - 3 (كونا) -- أعلنت مؤسسة البترول الكويتية اليوم الأحد ارتفاع صادرات البلاد من النفط الخام "
      "خلال شهر فبراير الماضي بنسبة 4.2 في المئة.\n\n(النهاية)\n",
      "صادرات النفط الكويتية ترتفع", "الكويت", NULL, "كونا", NULL, "بنسبة 4.2 في المئة.\n", "النهاية" },
    { "한은 기준금리 연 2.25%로 인하\n\n(서울=연합뉴스) 김민수 기자 = 한국은행 금융통화위원회가 12일 기준금리를 연 2.25%로 0.25%포인트 내렸다.\n\n"
      "kms@yna.co.kr\n\n<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>\n2027/04/12 10:32 송고\n",
      "한은 기준금리 연 2.25%로 인하", "서울", "김민수", "연합뉴스", "송고", "0.25%포인트 내렸다.\n", "저작권자" },
    { "Former governor dies at 84\n\nAbuja, March 20, 2027 (NAN) A former governor of Kaduna State died on Friday in Abuja after a brief illness, "
      "his family said.\n\n(NAN)(www.nannews.ng)\n\nCO/BHB\n=======\nEdited by Buhari Bolaji\n",
      "Former governor dies at 84", "Abuja", NULL, "NAN", "Edited by Buhari Bolaji", "his family said.\n", "nannews" },
    /* The agency's name over its section and its embargo, which read as a
     * release's letterhead, still names the source. */
    { "STT\nTalous\nJULKAISUVAPAA PERJANTAINA 12.3.2027 KLO 9.00 SUOMEN AIKAA\n\nTyöttömyysaste laski helmikuussa 7,9 prosenttiin\n\n"
      "Työttömyysaste laski helmikuussa 7,9 prosenttiin, kertoo Tilastokeskus. Vuotta aiemmin työttömyysaste oli 8,4 prosenttia.\n",
      "Työttömyysaste laski helmikuussa 7,9 prosenttiin", NULL, NULL, "STT", "JULKAISUVAPAA", "oli 8,4 prosenttia.\n" },
    /* Look-alikes. */
    { "Spring Festival\nA week of music in the park\n\nBy Jane Hollis\n\nThe city's spring festival opens on Friday with twenty concerts in Victoria Park.\n",
      "Spring Festival", NULL, "Jane Hollis", NULL, NULL, "twenty concerts in Victoria Park.\n" },
    { "Health body warns on heat\n\nThe World Health Organization (WHO) Regional Office said on Monday that heatwaves would grow longer.\n",
      "Health body warns on heat", NULL, NULL, NULL, NULL,
      "The World Health Organization (WHO) Regional Office said on Monday that heatwaves would grow longer.\n" },
    { "Police name driver\n\nLondon (UK) Police named the driver on Monday after the crash on the A40 at the weekend.\n",
      "Police name driver", NULL, NULL, NULL, NULL,
      "London (UK) Police named the driver on Monday after the crash on the A40 at the weekend.\n" },
    { "TRIGGERS\n========\n\nIntroduction\n------------\n\nA trigger is a facility that allows events caused by one package to be recorded.\n",
      "TRIGGERS", NULL, NULL, NULL, NULL, "to be recorded.\n" },
    { "Festival line-up\n\nThe festival runs for three nights in the old quarry above the town.\n\nTickets and/or passes\n",
      "Festival line-up", NULL, NULL, NULL, NULL, "Tickets and/or passes\n" },
    /* The writer's name over the agency's in brackets; the month first in
     * the dateline's date; the editor's credit with no colon and a
     * copyright under the story. */
    { "ELTA | Sportas\n2027-05-02 10:40\n\nKauno arena priims Europos čempionato finalą\n\nRūta Vaitkutė (ELTA)\n\n"
      "Kaunas, gegužės 2 d. (ELTA). Kauno arena kitų metų birželį priims Europos krepšinio čempionato finalo varžybas, pranešė federacija.\n\n"
      "Arenoje telpa 15 tūkstančių žiūrovų.\n\nRedaktorius Jonas Petraitis\n© ELTA. Visos teisės saugomos.\n",
      "Kauno arena priims Europos čempionato finalą", "Kaunas", "Rūta Vaitkutė", "ELTA", "Redaktorius Jonas Petraitis",
      "Arenoje telpa 15 tūkstančių žiūrovų.\n", "Redaktorius" },
    /* The agency's credits in brackets after a slash. */
    { "Guvernul aprobă bugetul rectificativ\n\nBucurești, 2 mai /AGERPRES/ - Guvernul a aprobat joi bugetul rectificativ pentru "
      "anul în curs, a anunțat purtătorul de cuvânt al executivului.\n\n"
      "AGERPRES/(A - autor: Ioana Marin, editor: Dan Pop, editor online: Ana Ilie)\n",
      "Guvernul aprobă bugetul rectificativ", "București", "Ioana Marin", "AGERPRES", "editor online: Ana Ilie",
      "purtătorul de cuvânt al executivului.\n", "AGERPRES/(" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (cases[i].text, strlen (cases[i].text), CD_IMPORT_FORMAT_WIRE,
                                                "wire.txt", &error);

      g_assert_no_error (error);
      g_test_message ("%u: %s | %s", i, cd_article_get_body (a), cd_article_get_ednote (a));
      g_assert_cmpstr (cd_article_get_headline (a), ==, cases[i].headline);
      g_assert_cmpstr (cd_article_get_dateline (a), ==, cases[i].dateline);
      g_assert_cmpstr (cd_article_get_byline (a), ==, cases[i].byline);
      g_assert_cmpstr (cd_article_get_source (a), ==, cases[i].source);
      if (cases[i].noted != NULL)
        {
          g_assert_nonnull (cd_article_get_ednote (a));
          g_assert_nonnull (strstr (cd_article_get_ednote (a), cases[i].noted));
        }
      g_assert_true (g_str_has_suffix (cd_article_get_body (a), cases[i].last));
      if (cases[i].absent != NULL)
        g_assert_null (strstr (cd_article_get_body (a), cases[i].absent));
    }
  /* Servimedia's standfirst after a dash, its dateline alone, its
   * closing lines; Adnkronos's credit and serial number. */
  {
    static const char servimedia[] =
        "SERVIMEDIA\n12/03/2027 12:14\nSOCIEDAD-DISCAPACIDAD\n\nEl Gobierno aprueba la ley de accesibilidad universal\n\n"
        "   - Prevé multas de hasta 600.000 euros por las infracciones muy graves\n\n   MADRID, 12 (SERVIMEDIA)\n"
        "   El Consejo de Ministros aprobó este viernes el proyecto de ley de accesibilidad universal, que obligará a que todos los "
        "edificios públicos sean accesibles antes de 2032.\n\n"
        "   (SERVIMEDIA)\n   12-MAR-27\n   LLM/clc/man\n";
    static const char adnkronos[] =
        "Lavoro, Istat: disoccupazione al 5,9%\n\nRoma, 12 mar. (Adnkronos) - Il tasso di disoccupazione a gennaio scende al 5,9%, minimo storico.\n\n"
        "(Sec/Adnkronos)\n\nISSN 2465 - 1222\n12-MAR-27 10:32\n\nNNNN\n";
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) a = cd_import_data (servimedia, strlen (servimedia), CD_IMPORT_FORMAT_WIRE, "wire.txt", &error);
    g_autoptr (CdArticle) b = cd_import_data (adnkronos, strlen (adnkronos), CD_IMPORT_FORMAT_WIRE, "wire.txt", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_dek (a), ==, "Prevé multas de hasta 600.000 euros por las infracciones muy graves");
    g_assert_cmpstr (cd_article_get_body (a), ==,
                     "El Consejo de Ministros aprobó este viernes el proyecto de ley de accesibilidad universal, que obligará a que "
                     "todos los edificios públicos sean accesibles antes de 2032.\n");
    g_assert_cmpstr (cd_article_get_body (b), ==, "Il tasso di disoccupazione a gennaio scende al 5,9%, minimo storico.\n");
  }
  /* AP's kill notice: its terminal stamp names the source. */
  {
    static const char kill[] =
        "BC-US--Ohio-Plant Explosion-KILL\nURGENT\nEds: KILL the story slugged BC-US--Ohio-Plant Explosion, transmitted at 2:47 p.m. EST. "
        "The story incorrectly reported that four workers were killed.\nThe AP\n\nAP-WF-03-12-27 2003GMT\n";
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) a = cd_import_data (kill, strlen (kill), CD_IMPORT_FORMAT_WIRE, "wire.txt", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_source (a), ==, "AP");
    g_assert_nonnull (cd_article_get_ednote (a));
    g_assert_nonnull (strstr (cd_article_get_ednote (a), "incorrectly reported"));
  }
  /* AP's daybook: an entry's lines of labels a paragraph each; a
   * paragraph that wraps on to a line with a colon stays whole. */
  {
    static const char daybook[] =
        "AP Washington Daybook for Friday, March 12, 2027\n\n"
        "Friday, Mar. 12 8:30 AM Commerce Department releases February retail sales\nLocation: Washington, DC\n"
        "Weblink: https://www.commerce.gov\nContacts: Office of Public Affairs, 1 202 482 4883\n\n"
        "The department said the figures\nwould be revised: the survey closed late.\n";
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) a = cd_import_data (daybook, strlen (daybook), CD_IMPORT_FORMAT_WIRE, "wire.txt", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_body (a), ==,
                     "Friday, Mar. 12 8:30 AM Commerce Department releases February retail sales\n\nLocation: Washington, DC\n\n"
                     "Weblink: https://www.commerce.gov\n\nContacts: Office of Public Affairs, 1 202 482 4883\n\n"
                     "The department said the figures would be revised: the survey closed late.\n");
  }
}

static void
test_wire_transmission_lookalikes (void)
{
  /* clang-format off */
  static const struct {
    const char *text;
    const char *headline;
    const char *body;
  } cases[] = {
    /* A headline with a hyphen or two is no slug. */
    { "Covid-19 cases rise\n\nCases rose.\n", "Covid-19 cases rise", "Cases rose.\n" },
    { "Hong Kong-China talks resume\n\nTalks resumed.\n", "Hong Kong-China talks resume",
      "Talks resumed.\n" },
    /* A slug above the dateline is all the headline there is. */
    { "BC-US-Storm\n\nWASHINGTON (AP) — Rain fell.\n", "BC-US-Storm", "Rain fell.\n" },
    /* The headline line is never a note. */
    { "Editors: the unsung heroes\n\nThey work late.\n", "Editors: the unsung heroes",
      "They work late.\n" },
    /* Words in brackets that are not a version note, and initials in the story. */
    { "Talks\n\n(Reporting by Jo Hart)\n\nThe deal holds.\n\nsee and/or\n", "Talks",
      "(Reporting by Jo Hart)\n\nThe deal holds.\n\nsee and/or\n" },
    /* A lower-case label is a headline's words. */
    { "Update 2-0 win for Leeds\n\nLeeds won.\n", "Update 2-0 win for Leeds", "Leeds won.\n" },
    /* A label alone is a label only with the headline right under it. */
    { "CORRECTION\n\nAn article on Monday misstated the levy.\n", "CORRECTION",
      "An article on Monday misstated the levy.\n" },
    /* "BC-" opening a headline is no AP keyword line. */
    { "BC-based Teck posts record profit\n\nTeck said its profit rose.\n\nCoal helped.\n",
      "BC-based Teck posts record profit", "Teck said its profit rose.\n\nCoal helped.\n" },
    /* A notebook of the story's own, without dpa's heading mark. */
    { "Budget talks stall\n\nTalks stalled.\n\nNotebook\n\nShe kept a notebook.\n",
      "Budget talks stall", "Talks stalled.\n\nNotebook\n\nShe kept a notebook.\n" },
    /* A note to the readers under the story stays there; one above it,
     * wrapped on two lines, opens it whole. */
    { "Talks stall\n\nTalks stalled.\n\nEditor's note: This story was updated.\n",
      "Talks stall", "Talks stalled.\n\nEditor's note: This story was updated.\n" },
    { "Ten years on\n\nEDITOR'S NOTE — This is part of a series on the towns\nthat rebuilt.\n\n"
      "HIGH RIVER, Alberta (AP) — The water came.\n", "Ten years on",
      "EDITOR'S NOTE — This is part of a series on the towns that rebuilt.\n\nThe water came.\n" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (cases[i].text, strlen (cases[i].text),
                                                CD_IMPORT_FORMAT_WIRE, "w.txt", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (a), ==, cases[i].headline);
      g_assert_cmpstr (cd_article_get_body (a), ==, cases[i].body);
      g_assert_null (cd_article_get_ednote (a));
    }
}

static void
test_wire_dateline_forms (void)
{
  /* clang-format off */
  static const struct {
    const char *first_paragraph;
    const char *dateline;
    const char *source;
    const char *rest;
  } cases[] = {
    { "LONDON (AP) — Prices rose.", "LONDON", "AP", "Prices rose." },
    { "LONDON (AP) – Prices rose.", "LONDON", "AP", "Prices rose." },
    { "LONDON (AP) - Prices rose.", "LONDON", "AP", "Prices rose." },
    { "NEW YORK, March 3 (Reuters) - Stocks fell.", "NEW YORK", "Reuters", "Stocks fell." },
    { "ST. LOUIS, Sept. 14 (AP) — Rain.", "ST. LOUIS", "AP", "Rain." },
    { "LONDON, 24 November (AFP) - Fog.", "LONDON", "AFP", "Fog." },
    { "NEW YORK, Nov 24, 2026 (AP) — Snow.", "NEW YORK", "AP", "Snow." },
    { "PARIS, 24 Nov (AFP) - Strike.", "PARIS", "AFP", "Strike." },
    { "PARIS, 24 Nov. 2026 (AFP) - Strike.", "PARIS", "AFP", "Strike." },
    { "GENEVA, Tuesday (Reuters) - Talks.", "GENEVA", "Reuters", "Talks." },
    { "GENEVA, Tues. (Reuters) - Talks.", "GENEVA", "Reuters", "Talks." },
    { "WASHINGTON, Tuesday — The Senate voted.", "WASHINGTON", NULL, "The Senate voted." },
    { "WASHINGTON, 24 November — The Senate voted.", "WASHINGTON", NULL, "The Senate voted." },
    { "PASSAU, Germany — Rain.", "PASSAU, Germany", NULL, "Rain." },
    { "Köln (dpa) — Karneval beginnt.", "Köln", "dpa", "Karneval beginnt." },
    { "WASHINGTON — The Senate voted.", "WASHINGTON", NULL, "The Senate voted." },
    { "The mayor said - again - no.", NULL, NULL, "The mayor said - again - no." },
    { "The mayor said (again) - no.", NULL, NULL, "The mayor said (again) - no." },
    { "Passau (Germany) (AFP) - Floods.", "Passau (Germany)", "AFP", "Floods." },
    { "Gaza City (Palestinian Territories) (AFP) - Strikes.", "Gaza City (Palestinian Territories)", "AFP", "Strikes." },
    { "(Bloomberg) -- Shares rose.", NULL, "Bloomberg", "Shares rose." },
    { "(dpa) - Regen.", NULL, "dpa", "Regen." },
    { "(Updated) - The vote was delayed.", NULL, NULL, "(Updated) - The vote was delayed." },
    { "(Exclusive) - The plan covers schools.", NULL, NULL, "(Exclusive) - The plan covers schools." },
    { "(Part 2) - The series goes on.", NULL, NULL, "(Part 2) - The series goes on." },
    { "(Editor's note) - Graphic details.", NULL, NULL, "(Editor's note) - Graphic details." },
    { "(See also page 3) - The vote.", NULL, NULL, "(See also page 3) - The vote." },
    /* Dates in the agency's own language, regional services, and the
     * dashes of EFE, old AP, ANI and PTI (none: then a date and a known
     * agency make it a dateline). */
    { "PARIS, 5 décembre (Reuters) - Le vote.", "PARIS", "Reuters", "Le vote." },
    { "BERLIN, 5. Dezember (dpa) - Die Wahl.", "BERLIN", "dpa", "Die Wahl." },
    { "MADRID, 5 dic (EFE).- El plan.", "MADRID", "EFE", "El plan." },
    { "Frankfurt am Main (dpa/lhe) - Der Dax stieg.", "Frankfurt am Main", "dpa/lhe", "Der Dax stieg." },
    { "Zürich (awp/sda) - Die SNB.", "Zürich", "awp/sda", "Die SNB." },
    { "LAGOS, Nigeria (AP) _ Gunmen attacked.", "LAGOS, Nigeria", "AP", "Gunmen attacked." },
    { "New Delhi [India], Dec 5 (ANI): The plan.", "New Delhi [India]", "ANI", "The plan." },
    { "Mumbai, Dec 5 (PTI) The Sensex rose.", "Mumbai", "PTI", "The Sensex rose." },
    { "The Associated Press (AP) said it would.", NULL, NULL, "The Associated Press (AP) said it would." },
    { "Shares in Berlin (Reuters) rose.", NULL, NULL, "Shares in Berlin (Reuters) rose." },
    { "The plan (Reuters): a summary.", NULL, NULL, "The plan (Reuters): a summary." },
    /* A date alone is no place; the source before the place (ANSA), or
     * between slashes (Ritzau), or the agency passing another's on. */
    { "Jan 30 (Gracenote) - Results.", NULL, "Gracenote", "Results." },
    { "(ANSA) - ROMA, 1 LUG - Il testo.", "ROMA", "ANSA", "Il testo." },
    { "ROMA, 1 LUG - Il testo.", "ROMA", NULL, "Il testo." },
    { "København /ritzau/: En mand.", "København", "ritzau", "En mand." },
    { "San Diego (tca/dpa) - History says.", "San Diego", "tca/dpa", "History says." },
    { "The mayor said (and/or) - no.", NULL, NULL, "The mayor said (and/or) - no." },
    { "Prices in EUR /kg/: up.", NULL, NULL, "Prices in EUR /kg/: up." },
    /* A place in capitals and a hyphen, as Kyodo writes it, when a
     * sentence of three words or more follows; not a label, a score, a
     * hyphen before a lower-case word. */
    { "ROMA - Il governo ha approvato la legge.", "ROMA", NULL, "Il governo ha approvato la legge." },
    { "ROMA - Il testo.", NULL, NULL, "ROMA - Il testo." },
    { "TOKYO - Reuters.", NULL, NULL, "TOKYO - Reuters." },
    { "TOKYO - Japan's government said.", "TOKYO", NULL, "Japan's government said." },
    { "NEW YORK - US stocks fell.", "NEW YORK", NULL, "US stocks fell." },
    { "SINGAPORE - “We will,” he said.", "SINGAPORE", NULL, "“We will,” he said." },
    { "EXCLUSIVE - The plan covers schools.", NULL, NULL, "EXCLUSIVE - The plan covers schools." },
    { "UPDATE - Talks resume.", NULL, NULL, "UPDATE - Talks resume." },
    { "NATO - the alliance said.", NULL, NULL, "NATO - the alliance said." },
    { "NB - Figures are provisional and may change.", NULL, NULL, "NB - Figures are provisional and may change." },
    { "PRESS RELEASE - Acme Corp said on Tuesday it would cut jobs.", NULL, NULL,
      "PRESS RELEASE - Acme Corp said on Tuesday it would cut jobs." },
    { "ARSENAL - Chelsea 2-1", NULL, NULL, "ARSENAL - Chelsea 2-1" },
    { "EU - 27 states agreed.", NULL, NULL, "EU - 27 states agreed." },
    { "Rome, October 11 - The minister said.", "Rome", NULL, "The minister said." },
    { "Rome, Italy - The minister said.", NULL, NULL, "Rome, Italy - The minister said." },
    { "Paris, Route 66 - A road.", NULL, NULL, "Paris, Route 66 - A road." },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Headline\n\n%s\n", cases[i].first_paragraph);
      g_autofree char *body = g_strdup_printf ("%s\n", cases[i].rest);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE,
                                                "w.txt", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_dateline (a), ==, cases[i].dateline);
      g_assert_cmpstr (cd_article_get_source (a), ==, cases[i].source);
      g_assert_cmpstr (cd_article_get_body (a), ==, body);
    }
}

static void
test_wire_preamble (void)
{
  const char *standfirst = "Budget deal\n\nThe coalition agreed after 14 hours.\n\n"
                           "BERLIN (dpa) - Text.\n";
  const char *inline_credit = "Storm\n\nWaves hit the pier on Monday. (AP Photo/Jo Hart)\n\n"
                              "BRIGHTON, England (AP) — Text.\n";
  const char *not_a_byline = "Storm\n\nBy the river, residents waited.\n(AP Photo/Jo Hart)\n\n"
                             "DOVER (AP) — Text.\n";
  const char *agency_credit = "Storm\n\nWaves hit the pier.\nREUTERS/Jo Hart\n\n"
                              "LONDON, Jan. 5 (Reuters) -- Text.\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (standfirst, strlen (standfirst), CD_IMPORT_FORMAT_WIRE,
                                            "a.txt", &error);
  g_autoptr (CdArticle) b = cd_import_data (inline_credit, strlen (inline_credit),
                                            CD_IMPORT_FORMAT_WIRE, "b.txt", &error);
  g_autoptr (CdArticle) c = cd_import_data (agency_credit, strlen (agency_credit),
                                            CD_IMPORT_FORMAT_WIRE, "c.txt", &error);

  g_autoptr (CdArticle) d = cd_import_data (not_a_byline, strlen (not_a_byline),
                                            CD_IMPORT_FORMAT_WIRE, "d.txt", &error);

  g_assert_no_error (error);
  g_assert_null (cd_article_get_byline (d));
  g_assert_cmpstr (cd_article_get_image_caption (d), ==, "By the river, residents waited.");
  g_assert_cmpstr (cd_article_get_dek (a), ==, "The coalition agreed after 14 hours.");
  g_assert_null (cd_article_get_image_caption (a));
  g_assert_cmpstr (cd_article_get_body (a), ==, "Text.\n");

  g_assert_null (cd_article_get_dek (b));
  g_assert_cmpstr (cd_article_get_image_caption (b), ==, "Waves hit the pier on Monday.");
  g_assert_cmpstr (cd_article_get_image_credit (b), ==, "AP Photo/Jo Hart");
  g_assert_cmpstr (cd_article_get_dateline (b), ==, "BRIGHTON, England");

  g_assert_cmpstr (cd_article_get_image_caption (c), ==, "Waves hit the pier.");
  g_assert_cmpstr (cd_article_get_image_credit (c), ==, "REUTERS/Jo Hart");
  g_assert_cmpstr (cd_article_get_dateline (c), ==, "LONDON");
  g_assert_cmpstr (cd_article_get_source (c), ==, "Reuters");
}

/* Whom the desk calls about the story, written under it as Bloomberg
 * writes it, and a sign-off under that, go to the note in their order,
 * not into the body. */
static void
test_wire_contacts (void)
{
  const char *text = "Flood Damage Seen Topping EUR2 Billion\n\nBy Karin Matussek\n\n"
                     "(Bloomberg) -- Flood damage may top 2 billion euros, insurers said.\n\n"
                     "The Danube rose to its highest level in a decade.\n\n"
                     "To contact the reporter on this story:\nKarin Matussek in Berlin at "
                     "km@example.net\n\nTo contact the editors responsible for this story:\n"
                     "Anthony Aarons at aa@example.net\n\nkm/aa\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE, "b.txt",
                                            &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_source (a), ==, "Bloomberg");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "Flood damage may top 2 billion euros, insurers said.\n\n"
                   "The Danube rose to its highest level in a decade.\n");
  /* A story's own last paragraph that asks readers to write in stays. */
  {
    const char *letters = "Newsletter\n\nBERLIN (dpa) - Text.\n\nTo contact the editors of "
                          "this newsletter, write to us at the address below: 1 Main St.\n";
    g_autoptr (CdArticle) b = cd_import_data (letters, strlen (letters), CD_IMPORT_FORMAT_WIRE,
                                              "c.txt", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_body (b), ==,
                     "Text.\n\nTo contact the editors of this newsletter, write to us at the "
                     "address below: 1 Main St.\n");
    g_assert_null (cd_article_get_ednote (b));
  }
  g_assert_cmpstr (cd_article_get_ednote (a), ==,
                   "To contact the reporter on this story: Karin Matussek in Berlin at "
                   "km@example.net — To contact the editors responsible for this story: Anthony "
                   "Aarons at aa@example.net — km/aa");
}

#define GERMAN_STORY                                                                               \
  "Bundeskanzler Olaf Scholz sieht eine Einigung im Haushaltsstreit in greifbarer Nähe. Die "     \
  "Koalition verhandelt seit Wochen über die Ausgaben des kommenden Jahres.\n\n«Wir sind sehr "  \
  "nah dran», sagte Scholz am Sonntag in Berlin. Das Finanzministerium äußerte sich zunächst " \
  "nicht.\n"
#define ENGLISH_STORY                                                                        \
  "German Chancellor Olaf Scholz said on Sunday a deal on next year's budget was within "    \
  "reach, after weeks of wrangling in his coalition.\n\n\"We are very close,\" Scholz told " \
  "reporters in Berlin. The finance ministry declined to comment.\n"

/* The languages a text reads as: the best first, a neighbour's that it
 * could pass for after it, none for a text too short to tell. */
static void
test_language_guess (void)
{
  g_auto (GStrv) german = cd_language_guess (GERMAN_STORY);
  g_auto (GStrv) english = cd_language_guess (ENGLISH_STORY);
  g_auto (GStrv) french = cd_language_guess (
      "Le gouvernement a annoncé dimanche un nouveau plan pour les écoles, après des semaines de "
      "grève des enseignants dans tout le pays. Les syndicats ont salué une première étape.");
  g_auto (GStrv) spanish = cd_language_guess (
      "El gobierno anunció el domingo un nuevo plan para las escuelas, tras semanas de huelga de "
      "los profesores en todo el país. Los sindicatos lo consideran un primer paso.");

  g_assert_nonnull (german);
  g_assert_cmpstr (german[0], ==, "de");
  g_assert_nonnull (english);
  g_assert_cmpstr (english[0], ==, "en");
  g_assert_nonnull (french);
  g_assert_cmpstr (french[0], ==, "fr");
  g_assert_nonnull (spanish);
  g_assert_cmpstr (spanish[0], ==, "es");
  g_assert_null (cd_language_guess ("Scholz sieht Einigung in Reichweite"));
  g_assert_null (cd_language_guess (""));
  /* Japanese puts no spaces between words: its characters count. */
  {
    g_auto (GStrv) japanese = cd_language_guess ("北海道東部の酪農家が、敷地内に設置した大型風車の電力で搾乳設備や照明を賄う"
                                                 "乳牛舎の運用を３日始めた。牧場側によると、風力発電を併設した大型乳牛舎の稼働は"
                                                 "国内で初めて。");

    g_assert_nonnull (japanese);
    g_assert_cmpstr (japanese[0], ==, "ja");
    g_assert_null (cd_language_guess ("北海道で風車が稼働"));
  }
  /* Danish and the two Norwegians read alike letter by letter: their
   * small words tell them apart. */
  {
    /* clang-format off */
    static const struct
    {
      const char *text, *language;
    } neighbours[] = {
      { "Kommunestyret vedtok torsdag å legge ned to av skolene i bygda etter en lang debatt. Ordføreren sa at det ikke var "
        "noen annen utvei, og at elevene skal få bedre tilbud ved den nye skolen i sentrum. Foreldrene mener vedtaket ble tatt for raskt.", "nb" },
      { "Kommunalbestyrelsen vedtog torsdag at lukke to af skolerne i området efter en lang debat. Borgmesteren sagde, at der ikke "
        "var nogen anden udvej, og at eleverne skal have et bedre tilbud på den nye skole i centrum. Forældrene mener, at "
        "beslutningen blev taget for hurtigt.", "da" },
      { "Kommunestyret vedtok torsdag å leggje ned to av skulane i bygda etter ein lang debatt. Ordføraren sa at det ikkje var "
        "nokon annan utveg, og at elevane skal få eit betre tilbod ved den nye skulen i sentrum. Foreldra meiner vedtaket vart teke "
        "for raskt.", "nn" },
      { "Regjeringen legger opp til å bruke 12 milliarder kroner mer av oljepengene neste år enn i år, ifølge forslaget til "
        "revidert nasjonalbudsjett som ble lagt fram tirsdag. Opposisjonen mener økningen vil presse renten opp.", "nb" },
      { "Regjeringa føreslår å auke løyvingane til ferjedrifta i fylka med 400 millionar kroner neste år, slik at fleire samband "
        "kan få hyppigare avgangar. – Vi har kutta i rutetilbodet tre år på rad. Dette hjelper, men det løyser ikkje problemet, seier ho.", "nn" },
      /* Slovak, which the guesser reads as Czech, by its letters. */
      { "Ministerstvo zdravotníctva SR predstavilo vo štvrtok plán, ktorým chce do dvoch rokov skrátiť čakacie lehoty na plánované "
        "operácie bedrových a kolenných kĺbov o polovicu, a to najmä zapojením súkromných zariadení a presunom časti výkonov do menej "
        "vyťažených regionálnych nemocníc. Informoval o tom minister zdravotníctva Martin Kolár na tlačovej konferencii.\n\n"
        "Na operáciu bedrového kĺbu aktuálne pacienti na Slovensku čakajú v priemere 14 mesiacov, na operáciu kolena až 17 mesiacov.", "sk" },
      /* Serbian, which the guesser reads as Slovene, by its small words;
       * Slovene stays. */
      { "Izvoz Srbije u januaru ove godine iznosio je 2,64 milijarde evra, što je za 11 odsto više nego u istom mesecu prošle godine, "
        "saopštio je danas Republički zavod za statistiku. Uvoz je u istom periodu iznosio 3,35 milijardi evra i veći je za šest odsto. "
        "Najveći spoljnotrgovinski partneri Srbije i dalje su Nemačka, Italija, Kina, Mađarska i Bosna i Hercegovina.", "sr" },
      { "Vlada je na današnji seji sprejela predlog zakona, ki bo podaljšal rok za oddajo dohodninske napovedi, so sporočili z "
        "ministrstva za finance. Spremembe bodo veljale že letos, zakon pa mora potrditi še državni zbor, kjer ima koalicija večino "
        "in bo predlog obravnaval prihodnji teden.", "sl" },
      /* Serbo-Croatian, as the guesser has it, by its Croatian words. */
      { "Vlada je na sjednici u srijedu donijela odluku kojom će od nove školske godine država financirati obvezne udžbenike "
        "i za učenike srednjih škola. Odluka stupa na snagu 1. rujna, a Vlada je za nju osigurala 120 milijuna eura, izvijestio je ministar.", "hr" },
    };
    /* clang-format on */

    for (guint i = 0; i < G_N_ELEMENTS (neighbours); i++)
      {
        g_auto (GStrv) guess = cd_language_guess (neighbours[i].text);

        g_assert_nonnull (guess);
        g_assert_cmpstr (guess[0], ==, neighbours[i].language);
      }
  }
  g_assert_true (cd_language_reads_as ((const char *const *) english, "en-GB"));
  g_assert_true (cd_language_reads_as ((const char *const *) german, "de_AT"));
  g_assert_false (cd_language_reads_as ((const char *const *) german, "en"));
  g_assert_false (cd_language_reads_as ((const char *const *) german, "d"));
  g_assert_false (cd_language_reads_as (NULL, "en"));
}

/* An imported story whose file names no language takes the one its text
 * reads as, where that is plainly another than the newsroom's; a file's
 * own language, a Markdown article's front matter, a text that could be
 * the newsroom's and one too short to tell keep theirs. */
static void
test_language_of_import (void)
{
  /* clang-format off */
  static const struct {
    const char *name;
    const char *text;
    const char *language;
  } cases[] = {
    { "dpa.txt", "Haushalt\n\nBerlin (dpa) - " GERMAN_STORY, "de" },
    { "reuters.txt", "Budget\n\nBERLIN (Reuters) - " ENGLISH_STORY, "en-GB" },
    { "short.txt", "Haushalt\n\nBerlin (dpa) - Scholz sieht eine Einigung.\n", "en-GB" },
    { "page.html", "<html><body><h1>Haushalt</h1><p>" GERMAN_STORY "</p></body></html>", "de" },
    { "page-fr.html", "<html lang=\"fr\"><body><h1>Budget</h1><p>" GERMAN_STORY "</p></body></html>", "fr" },
    { "plain.md", "# Haushalt\n\n" GERMAN_STORY, "de" },
    { "front.md", "---\nheadline: Haushalt\nlanguage: en-GB\n---\n" GERMAN_STORY, "en-GB" },
  };
  /* clang-format on */
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-language-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr (CdStore) store = NULL;

  g_assert_no_error (error);
  store = cd_store_open (data_dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr (GPtrArray) saved = NULL;

      g_test_message ("%s", cases[i].name);
      g_assert_true (g_file_set_contents (path, cases[i].text, -1, NULL));
      saved = cd_import_into_store (store, path, "en-GB", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (saved->len, ==, 1);
      g_assert_cmpstr (cd_article_get_language (g_ptr_array_index (saved, 0)), ==, cases[i].language);
    }
  g_clear_object (&store);
  cd_test_rm_rf (dir);
}

/* @pattern with YYYY, WEEKDAY and OTHERDAY replaced. */
static char *
fill_in (const char *pattern,
         const char *year,
         const char *weekday,
         const char *otherday)
{
  g_autoptr (GString) text = g_string_new (pattern);

  g_string_replace (text, "YYYY", year, 0);
  if (weekday != NULL)
    g_string_replace (text, "WEEKDAY", weekday, 0);
  if (otherday != NULL)
    g_string_replace (text, "OTHERDAY", otherday, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A press release under its sender's letterhead (name, address, phone
 * above "FOR IMMEDIATE RELEASE"), as text: the letterhead goes to the
 * note with the line, and the headline is the one under the line; so
 * does a contact block under the line (the headline was "Media
 * Contact:"). A
 * story's own headline and byline above an embargo stay, and so does a
 * headline above a shorter line under the embargo; the embargo under a
 * headline is read. */
static void
test_release_letterhead (void)
{
  static const char letterhead[] = "Northshore Borough Council\n"
                                   "Town Hall, Harbour Street, Northshore NS1 4AB\n"
                                   "Tel 01632 960 123\n\n"
                                   "FOR IMMEDIATE RELEASE\n\n"
                                   "Council approves flood barrier for the harbour\n\n"
                                   "NORTHSHORE, 3 December 2026 – The borough council has approved a tidal barrier.\n";
  static const char byline[] = "Council approves flood barrier for the harbour\n\n"
                               "By Jane Doe\n\n"
                               "EMBARGOED UNTIL 00:01 GMT, 4 February 2099\n\n"
                               "A barrier for the harbour\n\n"
                               "NORTHSHORE – The borough council has approved a tidal barrier.\n";
  static const char above[] = "Council approves flood barrier for the harbour\n\n"
                              "EMBARGOED UNTIL 00:01 GMT, 4 February 2099\n\n"
                              "A barrier for the harbour\n\n"
                              "NORTHSHORE – The borough council has approved a tidal barrier.\n";
  /* The template of a release in the United States: its contact block
   * under the line, its subhead over the dateline. */
  static const char contact[] = "FOR IMMEDIATE RELEASE\n\n"
                                "Media Contact:\nJane Doe\nDirector of Communications\n555-123-4567\n"
                                "jane.doe@springfieldzoo.example\n\n"
                                "Springfield Zoo Welcomes Rare Snow Leopard Cubs\n"
                                "Twins are the first born at the zoo in 20 years\n\n"
                                "SPRINGFIELD, Ill. (March 3, 2026) – The zoo announced the birth of two cubs.\n";
  static const char mars[] = "Contact lost with Mars probe\n\n"
                             "PASADENA, Calif. – NASA lost contact with its Mars probe on Tuesday.\n";
  /* Business Wire's time of sending over the headline. */
  static const char sent[] = "March 03, 2026 08:00 AM Eastern Standard Time\n\n"
                             "Helix Biosciences Announces Positive Phase 2 Results for HBX-220\n\n"
                             "SAN FRANCISCO--(BUSINESS WIRE)--Helix Biosciences, Inc. today announced results.\n";
  g_autoptr (CdArticle) f = cd_import_data (sent, strlen (sent), CD_IMPORT_FORMAT_WIRE, "r.txt", NULL);
  /* A sender's name in one line over a line that only says what the text
   * is: the letterhead, under a longer headline. */
  static const char named[] = "Services industriels de Genève (SIG)\n\nCommuniqué de presse\n\n"
                              "SIG va raccorder 20 000 logements au chauffage à distance\n\n"
                              "Genève, 3 mars 2026 – Les Services industriels de Genève raccorderont 20 000 "
                              "logements.\n";
  g_autoptr (CdArticle) g = cd_import_data (named, strlen (named), CD_IMPORT_FORMAT_WIRE, "r.txt", NULL);
  g_autoptr (CdArticle) d = cd_import_data (contact, strlen (contact), CD_IMPORT_FORMAT_WIRE, "r.txt", NULL);
  g_autoptr (CdArticle) e = cd_import_data (mars, strlen (mars), CD_IMPORT_FORMAT_WIRE, "r.txt", NULL);
  g_autoptr (CdArticle) a = cd_import_data (letterhead, strlen (letterhead), CD_IMPORT_FORMAT_WIRE, "r.txt", NULL);
  g_autoptr (CdArticle) b = cd_import_data (byline, strlen (byline), CD_IMPORT_FORMAT_WIRE, "r.txt", NULL);
  g_autoptr (CdArticle) c = cd_import_data (above, strlen (above), CD_IMPORT_FORMAT_WIRE, "r.txt", NULL);

  g_assert_cmpstr (cd_article_get_headline (f), ==, "Helix Biosciences Announces Positive Phase 2 Results for HBX-220");
  g_assert_cmpstr (cd_article_get_dateline (f), ==, "SAN FRANCISCO");
  g_assert_cmpstr (cd_article_get_ednote (f), ==, "March 03, 2026 08:00 AM Eastern Standard Time");
  g_assert_cmpstr (cd_article_get_headline (g), ==, "SIG va raccorder 20 000 logements au chauffage à distance");
  g_assert_cmpstr (cd_article_get_dateline (g), ==, "Genève");
  g_assert_cmpstr (cd_article_get_ednote (g), ==, "Services industriels de Genève (SIG) — Communiqué de presse — Genève, 3 mars 2026");
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Council approves flood barrier for the harbour");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "NORTHSHORE");
  g_assert_cmpstr (cd_article_get_body (a), ==, "The borough council has approved a tidal barrier.\n");
  g_assert_cmpstr (cd_article_get_ednote (a), ==,
                   "Northshore Borough Council — Town Hall, Harbour Street, Northshore NS1 4AB — "
                   "Tel 01632 960 123 — FOR IMMEDIATE RELEASE — NORTHSHORE, 3 December 2026");
  g_assert_cmpstr (cd_article_get_headline (b), ==, "Council approves flood barrier for the harbour");
  g_assert_cmpstr (cd_article_get_byline (b), ==, "Jane Doe");
  g_assert_cmpstr (cd_article_get_headline (c), ==, "Council approves flood barrier for the harbour");
  g_assert_cmpstr (cd_article_get_dek (c), ==, "A barrier for the harbour");
  g_assert_cmpstr (cd_article_get_ednote (c), ==, "EMBARGOED UNTIL 00:01 GMT, 4 February 2099");
  g_assert_cmpstr (cd_article_get_headline (d), ==, "Springfield Zoo Welcomes Rare Snow Leopard Cubs");
  g_assert_cmpstr (cd_article_get_dek (d), ==, "Twins are the first born at the zoo in 20 years");
  g_assert_cmpstr (cd_article_get_dateline (d), ==, "SPRINGFIELD, Ill.");
  g_assert_cmpstr (cd_article_get_body (d), ==, "The zoo announced the birth of two cubs.\n");
  g_assert_cmpstr (cd_article_get_ednote (d), ==,
                   "FOR IMMEDIATE RELEASE — Media Contact: — Jane Doe — Director of Communications — "
                   "555-123-4567 — jane.doe@springfieldzoo.example");
  g_assert_cmpstr (cd_article_get_headline (e), ==, "Contact lost with Mars probe");
  g_assert_cmpstr (cd_article_get_dateline (e), ==, "PASADENA, Calif.");
  /* The sender's block under the line, a date on its own line; a story's
   * short headline above an embargo, with a longer standfirst under it,
   * stays; releases dated in French, German and Spanish, and as Business
   * Wire dates them; a kicker over the headline; a sender's name alone
   * above the line (it was the headline). */
  {
    static const char *const texts[] = {
      "FOR IMMEDIATE RELEASE\n\nCascade Water Utility District\n1200 Harbor Avenue SW, Seattle, WA 98126\n"
      "Tuesday 3 March 2026\n\nWater Rates to Stay Flat Through 2027\n\n"
      "SEATTLE, March 3, 2026 — The district will hold its rates, its board said.\n",
      "Ospreys return\n\nEmbargoed until 00:01 GMT, Thursday 4 February 2099\n\n"
      "Pair spotted at the Loch Garten nest for the first time since the storms of last winter\n\n"
      "INVERNESS, 3 February 2099 – A pair of ospreys has returned to Loch Garten.\n",
      "COMMUNIQUÉ DE PRESSE\n\nLa Ville ouvre trois piscines\n\n"
      "Lyon, le 3 mars 2026 – La Ville de Lyon ouvrira cet été trois piscines.\n",
      "Bahn stellt den 120. ICE in Dienst\n\n"
      "Berlin (ots) - Die Deutsche Bahn hat am Dienstag den 120. ICE in Dienst gestellt.\n",
      "NEWS RELEASE\n\nFIRE SAFETY WEEK\nFirefighters to fit free smoke alarms in 5,000 homes\n\n"
      "NORTHSHORE, 3 March 2026 – Firefighters will fit the alarms free of charge.\n",
      "Transport for London\n\nPRESS RELEASE\n\nNight Tube to run on the Elizabeth line from May\n\n"
      "LONDON, 3 March 2026 – Trains will run all night on Fridays and Saturdays.\n",
      "La Generalitat abre tres playas\n\n"
      "Valencia, 3 de marzo de 2026 – La Generalitat abrirá tres playas este verano.\n",
      "Helix Biosciences Announces Phase 2 Results\n\n"
      "SAN FRANCISCO--(BUSINESS WIRE)--Helix Biosciences today announced the results.\n",
      /* A place whose last letter ends in a byte of a dash's: its byte
       * was cut, and the dateline was no text. */
      "Новый мост открыт\n\nВОЛГОГРАД – Новый мост через Волгу открыт для движения.\n",
      "Nuovo ponte aperto\n\nCITTÀ – Il nuovo ponte sarà aperto domani.\n",
      /* A German paper's place with an en dash, a Spanish one's with a
       * point and a dash; an abbreviation's point stays. */
      "Innenstadt wird autofrei\n\nFreiburg – Die Freiburger Innenstadt wird ab Mai autofrei.\n",
      "Carril bici en Triana\n\nSEVILLA.– El pleno aprobó el carril bici de Triana.\n",
      "Fire at the mill\n\nSACRAMENTO, Calif. — A fire broke out at the mill.\n",
      /* A Spanish release's place and date with a point and a dash. */
      "Las bibliotecas abren de noche\n\nLas 12 bibliotecas abrirán hasta las 2.00 horas\n\n"
      "Valencia, 28 de abril de 2027.– El Ayuntamiento ampliará el horario.\n",
      /* The date with a point before the sentence, in German and in Polish
       * ("r.", the year's); the place in capitals with its province. */
      "Intendantin bleibt bis 2031\n\nLindenau, 9. März 2026. Der Aufsichtsrat hat den Vertrag verlängert.\n",
      "Utrudnienia na Warszawskiej\n\nOlsztyn, 10 marca 2026 r. Od poniedziałku kierowcy muszą uważać.\n",
      "Nueva unidad de ictus\n\nMOTRIL (Granada), 10 de marzo de 2026.– El hospital estrena una unidad.\n",
      /* A letter's greeting is no place. */
      "Letter from a reader\n\nDear Sir, 9 March 2026. We write about the bridge.\n",
    };
    /* clang-format off */
    static const char *const expected[][4] = {
      { "Water Rates to Stay Flat Through 2027", "SEATTLE", NULL,
        "The district will hold its rates, its board said.\n" },
      { "Ospreys return", "INVERNESS",
        "Pair spotted at the Loch Garten nest for the first time since the storms of last winter",
        "A pair of ospreys has returned to Loch Garten.\n" },
      { "La Ville ouvre trois piscines", "Lyon", NULL, "La Ville de Lyon ouvrira cet été trois piscines.\n" },
      { "Bahn stellt den 120. ICE in Dienst", "Berlin", NULL,
        "Die Deutsche Bahn hat am Dienstag den 120. ICE in Dienst gestellt.\n" },
      { "Firefighters to fit free smoke alarms in 5,000 homes", "NORTHSHORE", NULL,
        "Firefighters will fit the alarms free of charge.\n" },
      { "Night Tube to run on the Elizabeth line from May", "LONDON", NULL,
        "Trains will run all night on Fridays and Saturdays.\n" },
      { "La Generalitat abre tres playas", "Valencia", NULL, "La Generalitat abrirá tres playas este verano.\n" },
      { "Helix Biosciences Announces Phase 2 Results", "SAN FRANCISCO", NULL,
        "Helix Biosciences today announced the results.\n" },
      { "Новый мост открыт", "ВОЛГОГРАД", NULL, "Новый мост через Волгу открыт для движения.\n" },
      { "Nuovo ponte aperto", "CITTÀ", NULL, "Il nuovo ponte sarà aperto domani.\n" },
      { "Innenstadt wird autofrei", "Freiburg", NULL, "Die Freiburger Innenstadt wird ab Mai autofrei.\n" },
      { "Carril bici en Triana", "SEVILLA", NULL, "El pleno aprobó el carril bici de Triana.\n" },
      { "Fire at the mill", "SACRAMENTO, Calif.", NULL, "A fire broke out at the mill.\n" },
      { "Las bibliotecas abren de noche", "Valencia", "Las 12 bibliotecas abrirán hasta las 2.00 horas",
        "El Ayuntamiento ampliará el horario.\n" },
      { "Intendantin bleibt bis 2031", "Lindenau", NULL, "Der Aufsichtsrat hat den Vertrag verlängert.\n" },
      { "Utrudnienia na Warszawskiej", "Olsztyn", NULL, "Od poniedziałku kierowcy muszą uważać.\n" },
      { "Nueva unidad de ictus", "MOTRIL (Granada)", NULL, "El hospital estrena una unidad.\n" },
      { "Letter from a reader", NULL, NULL, "Dear Sir, 9 March 2026. We write about the bridge.\n" },
    };
    /* clang-format on */

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr (CdArticle) article = cd_import_data (texts[i], strlen (texts[i]), CD_IMPORT_FORMAT_WIRE, "r.txt",
                                                        NULL);

        g_test_message ("%s", texts[i]);
        g_assert_cmpstr (cd_article_get_headline (article), ==, expected[i][0]);
        g_assert_cmpstr (cd_article_get_dateline (article), ==, expected[i][1]);
        g_assert_cmpstr (cd_article_get_dek (article), ==, expected[i][2]);
        g_assert_cmpstr (cd_article_get_body (article), ==, expected[i][3]);
      }
  }
  /* Under the headline, the embargo was the standfirst, and not set. */
  g_assert_nonnull (cd_article_get_embargo (b));
  g_assert_nonnull (cd_article_get_embargo (c));
}

/* A press release's lines to the desk above its headline go to the note,
 * not to the headline or the story; an embargo they name, read plainly
 * in the forms and languages releases write it, becomes the article's;
 * a time that is not plain (no zone, a summer time in winter, two zones,
 * a weekday that is not the date's, "12:01 am") sets none and the note
 * says so; a kill date goes to the note and sets none; a headline that
 * only starts with such a word stays. */
static void
test_release_lines (void)
{
  /* clang-format off */
  static const struct {
    const char *line;
    const char *embargo; /* in UTC, or NULL */
    gboolean    unread;  /* an embargo whose time is not set: the note says so */
  } cases[] = {
    { "FOR IMMEDIATE RELEASE", NULL, FALSE },
    { "PRESS RELEASE – 3 December 2026", NULL, FALSE },
    { "Pressemitteilung", NULL, FALSE },
    { "Pressemitteilung Nr. 45/2026", NULL, FALSE },
    { "EMBARGOED UNTIL 00:01 GMT, WEEKDAY 4 February YYYY", "YYYY-02-04T00:01:00Z", FALSE },
    { "Embargoed until 10.00 CET on 4 February YYYY", "YYYY-02-04T09:00:00Z", FALSE },
    { "EMBARGO: February 4, YYYY at 12:01 a.m. ET", "YYYY-02-04T05:01:00Z", FALSE },
    { "Embargoed until 23:59 BST 30 June YYYY", "YYYY-06-30T22:59:00Z", FALSE },
    { "For release at 0001 GMT 4 Feb YYYY", "YYYY-02-04T00:01:00Z", FALSE },
    { "For release after 10:00 GMT 4 February YYYY", "YYYY-02-04T10:00:00Z", FALSE },
    /* PA's: no zone, so the note asks for it; it was the headline. */
    { "EMBARGOED TO 2230 THURSDAY FEBRUARY 4", NULL, TRUE },
    { "Embargoed until 4 January YYYY GMT", "YYYY-01-04T00:00:00Z", FALSE },
    { "Not for publication before YYYY-02-04 00:01 +01:00", "YYYY-02-03T23:01:00Z", FALSE },
    { "Sperrfrist: 4. Februar YYYY, 10:00 Uhr MEZ", "YYYY-02-04T09:00:00Z", FALSE },
    { "Sperrfrist: 4. Februar YYYY, 10 Uhr MEZ", "YYYY-02-04T09:00:00Z", FALSE },
    { "Embargo jusqu'au 4 février YYYY à 10h00 CET", "YYYY-02-04T09:00:00Z", FALSE },
    /* A city's clock, as French releases name it. */
    { "SOUS EMBARGO JUSQU’AU 4 FÉVRIER YYYY À 00H01 (HEURE DE PARIS)", "YYYY-02-03T23:01:00Z", FALSE },
    { "Embargo : 4 juillet YYYY, 10h00 heure de Bruxelles", "YYYY-07-04T08:00:00Z", FALSE },
    { "**EMBARGOED UNTIL 1 March YYYY 09:30 GMT**", "YYYY-03-01T09:30:00Z", FALSE },
    { "EMBARGOED UNTIL: 00:01 GMT – 4 February YYYY", "YYYY-02-04T00:01:00Z", FALSE },
    { "Embargoed until 12 noon GMT, 4 February YYYY", "YYYY-02-04T12:00:00Z", FALSE },
    { "Embargoed until noon ET Feb. 4, YYYY", "YYYY-02-04T17:00:00Z", FALSE },
    /* Midnight on a day is read as its end, the later of its readings. */
    { "EMBARGOED UNTIL MIDNIGHT CET, 4 FEBRUARY YYYY", "YYYY-02-04T23:00:00Z", FALSE },
    { "Sperrfrist: 4. Februar YYYY, Mitternacht MEZ", "YYYY-02-04T23:00:00Z", FALSE },
    /* A kill date: the note's, and no embargo. */
    { "Not for publication after 12:00 GMT, 4 February YYYY", NULL, FALSE },
    { "KILL DATE: 4 FEBRUARY YYYY", NULL, FALSE },
    { "Embargoed until 00:00 midnight GMT, 4 February YYYY", NULL, TRUE },
    /* A summer time in winter, two zones, none, a weekday not the
     * date's, twelve o'clock "am", a time in words, a date gone: no
     * embargo; where one could not be read the note says so. */
    { "Embargoed until 10:00 CEST, 4 February YYYY", NULL, TRUE },
    { "Embargoed until 10:00 BST, 4 February YYYY", NULL, TRUE },
    { "Embargoed until 10:00 CET/CEST, 4 February YYYY", NULL, TRUE },
    { "Embargoed until 00:01, 4 February YYYY", NULL, TRUE },
    { "Sperrfrist: 4. Februar YYYY, 10:00 Uhr", NULL, TRUE },
    { "Embargoed until OTHERDAY 4 February YYYY, 00:01 GMT", NULL, TRUE },
    { "EMBARGO: 12:01 am ET, 4 February YYYY", NULL, TRUE },
    { "EMBARGOED UNTIL THE END OF THE MEETING", NULL, TRUE },
    { "Embargoed until 04/02/YYYY 10:00 GMT", NULL, TRUE },
    { "Embargoed until YYYY-02-04T10:00:00+01:00", "YYYY-02-04T09:00:00Z", FALSE },
    { "Embargoed until 1 January 2020, 00:01 GMT", NULL, FALSE },
  };
  static const char *const headlines[] = {
    "Embargo on Russian oil extended",
    "Press release: council approves barrier",
    "Sperrfrist für Kita-Gebühren verlängert",
    "Embargo to stay in place, EU says",
    "Embargoed until Tuesday, the report was leaked",
    "Not for publication: the memo that sank the minister",
    "Under embargo: life in Gaza",
    "Sperrfrist bis 2030 für Atommüll-Endlager",
    "Embargo bis 2030: EU verschärft Sanktionen",
    "Embargo until 2030 on arms sales agreed",
    "Not for use after the funeral, family asks",
  };
  /* clang-format on */
  static const char *const days[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
  /* Times two years ahead, whenever the test runs. */
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now) + 2);
  g_autoptr (GDateTime) day = g_date_time_new_utc (g_date_time_get_year (now) + 2, 2, 4, 0, 0, 0);
  const char       *weekday = days[g_date_time_get_day_of_week (day) - 1];
  const char       *otherday = days[g_date_time_get_day_of_week (day) % 7];
  static const char story[] = "Council approves flood barrier\n\nNORTHSHORE – The borough council "
                              "has approved a tidal barrier to protect the harbour.\n";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = fill_in (cases[i].line, year, weekday, otherday);
      g_autofree char *expected = cases[i].embargo != NULL ? fill_in (cases[i].embargo, year, NULL, NULL) : NULL;
      g_autofree char *text = g_strdup_printf ("%s\n\n%s", line, story);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) article = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE, "release.txt",
                                                      &error);
      GDateTime       *embargo;
      g_autofree char *utc = NULL;

      g_assert_no_error (error);
      g_test_message ("%s", line);
      g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves flood barrier");
      g_assert_cmpstr (cd_article_get_dateline (article), ==, "NORTHSHORE");
      if (cases[i].unread)
        {
          g_autofree char *note = g_strconcat (line, " — The embargo's time above was not set: it was not plain "
                                                     "(a day, a month, a time and a zone such as GMT or CET); "
                                                     "set it in the details.",
                                               NULL);

          g_assert_cmpstr (cd_article_get_ednote (article), ==, note);
        }
      else
        g_assert_cmpstr (cd_article_get_ednote (article), ==, line);
      embargo = cd_article_get_embargo (article);
      if (embargo != NULL)
        {
          g_autoptr (GDateTime) in_utc = g_date_time_to_utc (embargo);

          utc = g_date_time_format (in_utc, "%FT%TZ");
        }
      g_assert_cmpstr (utc, ==, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n\nNORTHSHORE, 3 December 2026 – The council met.\n",
                                               headlines[i]);
      g_autoptr (CdArticle) article = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE, "story.txt", NULL);

      g_assert_cmpstr (cd_article_get_headline (article), ==, headlines[i]);
      g_assert_null (cd_article_get_embargo (article));
    }
  /* A document's paragraphs above its headline, and under it above the
   * story. */
  {
    g_autofree char *rtf = fill_in ("{\\rtf1\\ansi \\pard FOR IMMEDIATE RELEASE\\par \\pard Council approves "
                                    "flood barrier\\par \\pard EMBARGOED UNTIL 00:01 GMT, 4 February YYYY\\par "
                                    "\\pard NORTHSHORE \\endash  The borough council has approved a tidal barrier "
                                    "to protect the harbour.\\par}",
                                    year, NULL, NULL);
    g_autofree char *note = fill_in ("FOR IMMEDIATE RELEASE — EMBARGOED UNTIL 00:01 GMT, 4 February YYYY", year,
                                     NULL, NULL);
    g_autofree char *prefix = fill_in ("YYYY-02-04T00:01:00", year, NULL, NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) article = cd_import_data (rtf, strlen (rtf), CD_IMPORT_FORMAT_AUTO, "release.rtf",
                                                    &error);
    g_autofree char *utc = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_headline (article), ==, "Council approves flood barrier");
    g_assert_cmpstr (cd_article_get_dateline (article), ==, "NORTHSHORE");
    g_assert_cmpstr (cd_article_get_body (article), ==,
                     "The borough council has approved a tidal barrier to protect the harbour.\n");
    g_assert_cmpstr (cd_article_get_ednote (article), ==, note);
    g_assert_nonnull (cd_article_get_embargo (article));
    utc = g_date_time_format_iso8601 (cd_article_get_embargo (article));
    g_assert_true (g_str_has_prefix (utc, prefix));
  }
}

/* The marks that end the copy, in the agencies' languages, end the story;
 * what the agency sends after one (a trailer, an advisory) goes to the
 * note, not lost; a sign-off with the end mark under it, as dpa sends it,
 * goes to the note without the mark, as Kyodo's "==Kyodo", IANS's
 * "--IANS" and PTI's initials do; "-0-" is an end, not a subhead. */
static void
test_wire_end_marks (void)
{
  /* clang-format off */
  static const struct {
    const char *end;
    const char *ednote;
  } cases[] = {
    { "-30-\n\nAP-WF-12-06-26 1530GMT\n\nAdvisory: photos move at 1700.",
      "AP-WF-12-06-26 1530GMT — Advisory: photos move at 1700." },
    { "dpa abc yyzz n1 xy\nENDE", "dpa abc yyzz n1 xy" },
    { "ENDE", NULL },
    { "-0-", NULL },
    { "(fin)", NULL },
    { "==Kyodo", "==Kyodo" },
    { "Enditem", NULL },
    { "PTI ABC DEF GHI", "PTI ABC DEF GHI" },
    { "--IANS\n\nabc/xyz", "--IANS — abc/xyz" },
    { "dpa abc yyzz n1 xy\n\nENDE", "dpa abc yyzz n1 xy" },
    { "###\nTrailer on the mark's own block", "Trailer on the mark's own block" },
    { "Ships queued on Monday.\n###", NULL },
    /* The agencies' trailers under the sign-off kept it, and themselves,
     * in the story: dpa's, EFE's, Yonhap's reporter's address, AP's
     * copyright. */
    { "dpa sbs xx a3 jh\n©dpa-infocom, dpa:260701-930-512734/2",
      "dpa sbs xx a3 jh ©dpa-infocom, dpa:260701-930-512734/2" },
    { "dpa-infocom GmbH\n©dpa-infocom, dpa:270513-930-99012/1", "dpa-infocom GmbH ©dpa-infocom, dpa:270513-930-99012/1" },
    { "jgh/lcm/rcf\n\n(c) Agencia EFE", "jgh/lcm/rcf — (c) Agencia EFE" },
    { "jwp@yna.co.kr\n(END)", "jwp@yna.co.kr" },
    { "Copyright 2026 The Associated Press. All rights reserved. This material may not be published, "
      "broadcast, rewritten or redistributed without permission.",
      "Copyright 2026 The Associated Press. All rights reserved. This material may not be published, "
      "broadcast, rewritten or redistributed without permission." },
    /* A take that the next goes on from; a picture's caption and AP's
     * pointer to its coverage between rules. */
    { "MORE", "MORE" },
    { "___\n\nPHOTO CAPTION: A trap is hauled aboard. (AP Photo/Rachel Kemper)\n\n___\n\n"
      "Follow AP's climate coverage at https://apnews.com/hub/climate",
      "PHOTO CAPTION: A trap is hauled aboard. (AP Photo/Rachel Kemper) — "
      "Follow AP's climate coverage at https://apnews.com/hub/climate" },
  };
  /* clang-format on */

  /* "Ende" alone on a wrapped line is a word, and a dash before a name
   * under a quote is the quote's. */
  {
    const char *wrapped = "Hafen\n\nROTTERDAM (dpa) - Die Arbeiten dauern bis zum\nEnde\ndes Jahres.\n\n"
                          "\"Ask not what your country can do for you.\"\n\n--Kennedy\n";
    g_autoptr (GError) error = NULL;
    g_autoptr (CdArticle) a = cd_import_data (wrapped, strlen (wrapped), CD_IMPORT_FORMAT_WIRE, "w.txt", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cd_article_get_body (a), ==,
                     "Die Arbeiten dauern bis zum Ende des Jahres.\n\n\"Ask not what your country can do for "
                     "you.\"\n\n\\--Kennedy\n");
    g_assert_null (cd_article_get_ednote (a));
  }
  /* dpa-AFX's sign-off after the last sentence's end; a path in a
   * sentence stays. */
  {
    const char *glued = "Siemens hebt Prognose an\n\nMÜNCHEN (dpa-AFX) - Die Nachfrage bleibe hoch./mbr/stw/he\n";
    const char *path = "Server\n\nBERLIN (dpa) - Die Datei liegt unter /srv/data/he\n";
    g_autoptr (CdArticle) a = cd_import_data (glued, strlen (glued), CD_IMPORT_FORMAT_WIRE, "w.txt", NULL);
    g_autoptr (CdArticle) b = cd_import_data (path, strlen (path), CD_IMPORT_FORMAT_WIRE, "w.txt", NULL);

    g_assert_cmpstr (cd_article_get_body (a), ==, "Die Nachfrage bleibe hoch.\n");
    g_assert_cmpstr (cd_article_get_ednote (a), ==, "mbr/stw/he");
    g_assert_cmpstr (cd_article_get_body (b), ==, "Die Datei liegt unter /srv/data/he\n");
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Harbour reopens\n\nROTTERDAM (AP) — The harbour "
                                               "reopened.\n\n%s\n",
                                               cases[i].end);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE,
                                                "w.txt", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_body (a), ==,
                       g_str_has_prefix (cases[i].end, "Ships")
                           ? "The harbour reopened.\n\nShips queued on Monday.\n"
                           : "The harbour reopened.\n");
      g_assert_cmpstr (cd_article_get_ednote (a), ==, cases[i].ednote);
    }
}

/* The agencies' lines above the headline and under it: AP's "Eds:" and
 * AFP's "ATTENTION - … ///" above it, an IPTC 7901 heading whose control
 * characters were lost ("ZCZC", "FRA0412 3 EI 0398 AFP-WX61"), were the
 * headline; Bloomberg's time of sending under it was the standfirst. The
 * bylines AAP and dpa-AFX write (a name over the agency in brackets; "---
 * Von …, dpa-AFX ---") were the story's first paragraph or the
 * standfirst, and a post under a "By" line with no dateline the story's
 * first paragraph. A reporter's notes to the desk go to the note; "Interview
 * by" is a byline. */
static void
test_wire_service_heads (void)
{
  static const char *const texts[] = {
    "BC-US--Oregon-Wildfire, 2nd Ld-Writethru\n\nEds: CORRECTS paragraph 3 to show 12,400 acres.\n\n"
    "Wildfire forces thousands to flee\n\nBy KELSEY MARTINDALE\nAssociated Press\n\n"
    "MEDFORD, Ore. (AP) — A wildfire forced thousands from their homes.\n",
    "ATTENTION - UPDATES with export figures ///\n\nDrought in Brazil sends coffee prices to two-year high\n\n"
    "by Camila ROTH\n\nSÃO PAULO, Sept 8, 2026 (AFP) - The worst drought in decades has sent prices up.\n",
    "ZCZC\nFRA0412 3 EI 0398 AFP-WX61\nEU-climate-energy\nEU leaders agree to fast-track power links\n\n"
    "BRUSSELS, March 20, 2026 (AFP) - European Union leaders agreed on Friday.\n\njca/ec/rl\nNNNN\n",
    "TSMC Profit Beats Estimates\n2026-04-16 06:12:04.123 GMT\n\nBy Yvonne Tsai\n\n"
    "(Bloomberg) -- Taiwan Semiconductor reported a jump in profit.\n",
    "RBA holds cash rate\n\nMarion Keogh\n(Australian Associated Press)\n\n"
    "The Reserve Bank has left the cash rate on hold.\n",
    "Siemens hebt Prognose an\n\n--- Von Matthias Brenner, dpa-AFX ---\n\n"
    "MÜNCHEN (dpa-AFX) - Siemens hebt die Prognose an.\n",
    "Car park charges to rise\n\nBy Sam Okafor\nLocal Democracy Reporter\n\n"
    "Drivers in Westbury will pay more to park.\n",
    /* A reporter's notes to the desk, above and under the story: the
     * headline, and the last paragraph, which could have been published. */
    "URGENT - LEGAL TO READ BEFORE PUBLICATION\n\nCare home owner charged over death\n\n"
    "By Priya Natarajan, Crime Reporter\n\nA care home owner has been charged.\n\n"
    "NOTE TO DESK: Use the archive picture only.\n",
    /* A Q&A's byline. */
    "Mari Evans at 80\n\nInterview by Owen Price\n\nMari Evans has been singing for sixty years.\n",
  };
  /* headline, byline, source, body, note */
  /* clang-format off */
  static const char *const expected[][5] = {
    { "Wildfire forces thousands to flee", "KELSEY MARTINDALE, Associated Press", "AP",
      "A wildfire forced thousands from their homes.\n",
      "BC-US--Oregon-Wildfire, 2nd Ld-Writethru — Eds: CORRECTS paragraph 3 to show 12,400 acres." },
    { "Drought in Brazil sends coffee prices to two-year high", "Camila ROTH", "AFP",
      "The worst drought in decades has sent prices up.\n",
      "ATTENTION - UPDATES with export figures /// — SÃO PAULO, Sept 8, 2026 (AFP)" },
    { "EU leaders agree to fast-track power links", NULL, "AFP", "European Union leaders agreed on Friday.\n",
      "ZCZC — FRA0412 3 EI 0398 AFP-WX61 — EU-climate-energy — BRUSSELS, March 20, 2026 (AFP) — jca/ec/rl NNNN" },
    { "TSMC Profit Beats Estimates", "Yvonne Tsai", "Bloomberg", "Taiwan Semiconductor reported a jump in profit.\n",
      "2026-04-16 06:12:04.123 GMT" },
    { "RBA holds cash rate", "Marion Keogh (Australian Associated Press)", "AAP",
      "The Reserve Bank has left the cash rate on hold.\n", NULL },
    { "Siemens hebt Prognose an", "Matthias Brenner, dpa-AFX", "dpa-AFX", "Siemens hebt die Prognose an.\n", NULL },
    { "Car park charges to rise", "Sam Okafor, Local Democracy Reporter", NULL,
      "Drivers in Westbury will pay more to park.\n", NULL },
    { "Care home owner charged over death", "Priya Natarajan, Crime Reporter", NULL,
      "A care home owner has been charged.\n",
      "URGENT - LEGAL TO READ BEFORE PUBLICATION — NOTE TO DESK: Use the archive picture only." },
    { "Mari Evans at 80", "Owen Price", NULL, "Mari Evans has been singing for sixty years.\n", NULL },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (texts[i], strlen (texts[i]), CD_IMPORT_FORMAT_WIRE, "w.txt", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (a), ==, expected[i][0]);
      g_assert_true (cd_text_is_blank (cd_article_get_dek (a)));
      g_assert_cmpstr (cd_article_get_byline (a), ==, expected[i][1]);
      g_assert_cmpstr (cd_article_get_source (a), ==, expected[i][2]);
      g_assert_cmpstr (cd_article_get_body (a), ==, expected[i][3]);
      g_assert_cmpstr (cd_article_get_ednote (a), ==, expected[i][4]);
    }
}

/* Where the dateline names no agency, the byline's does ("Jane Halloway,
 * PA Health Correspondent", "THE CANADIAN PRESS" under the name): the
 * source, which was empty; a staff reporter's post names none. PA's
 * embargo with no zone and its catchline over the headline go to the
 * note: they were the headline and the standfirst. */
static void
test_wire_agency_byline (void)
{
  static const char *const texts[] = {
    "EMBARGOED TO 2230 THURSDAY FEBRUARY 4\n\nPOLITICS Housing\n\n"
    "Ministers to unveil planning shake-up to speed up new towns\n\n"
    "By Oliver Brandreth, PA Political Correspondent\n\n"
    "Ministers will unveil a shake-up of the planning system on Friday.\n\nThe plans cover 12 towns.\n",
    "Ottawa unveils plan to speed up rental homes\n\nBy Mia Calder\nTHE CANADIAN PRESS\n\n"
    "OTTAWA — The federal government is putting $4 billion into a new program.\n\nIt starts in May.\n",
    "Council tax to rise\n\nBy Owen Lewis, Political Editor\n\n"
    "HUDDERSFIELD — Kirklees Council will raise council tax by 4.99%.\n\nIt faces a gap.\n",
  };
  static const char *const expected[][3] = {
    {"Ministers to unveil planning shake-up to speed up new towns", "PA", "Ministers will unveil" },
    { "Ottawa unveils plan to speed up rental homes",               "CP", "The federal government"},
    { "Council tax to rise",                                        NULL, "Kirklees Council"      },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (texts[i], strlen (texts[i]), CD_IMPORT_FORMAT_WIRE, "w.txt", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (a), ==, expected[i][0]);
      g_assert_cmpstr (cd_article_get_source (a), ==, expected[i][1]);
      g_assert_true (g_str_has_prefix (cd_article_get_body (a), expected[i][2]));
      g_assert_true (cd_text_is_blank (cd_article_get_dek (a)));
    }
  {
    g_autoptr (CdArticle) a = cd_import_data (texts[0], strlen (texts[0]), CD_IMPORT_FORMAT_WIRE, "w.txt", NULL);

    g_assert_cmpstr (cd_article_get_byline (a), ==, "Oliver Brandreth, PA Political Correspondent");
    g_assert_null (cd_article_get_embargo (a));
    g_assert_true (g_str_has_prefix (cd_article_get_ednote (a), "EMBARGOED TO 2230 THURSDAY FEBRUARY 4 — "
                                                                "The embargo's time above was not set"));
    g_assert_true (g_str_has_suffix (cd_article_get_ednote (a), "— POLITICS Housing"));
  }
  /* The catchline over a headline of three words, over results. */
  {
    const char *text = "SOCCER Results\nNational League results\nNational League:\nAldbury Town\t2\tKestrel Park\t1\n"
                       "Brackwater United\t0\tMillhaven\t0\n\nENDS\n";
    g_autoptr (CdArticle) a = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE, "w.txt", NULL);

    g_assert_cmpstr (cd_article_get_headline (a), ==, "National League results");
    g_assert_cmpstr (cd_article_get_ednote (a), ==, "SOCCER Results");
  }
}

/* The agency or the writer's post on the line under a byline belongs to
 * the byline, also where every line is a paragraph of its own; a dek under
 * the byline stays the dek, and an agency's name above any byline is no
 * part of one. */
static void
test_wire_byline_title (void)
{
  static const struct
  {
    const char *text;
    const char *byline, *dek;
  } cases[] = {
    {"Thousands flee as Danube floods Passau\nBy KIRSTEN GRIESHABER\nAssociated Press\n"
      "PASSAU, Germany (AP) \u2014 Floodwaters on the Danube rose to their highest level in a decade "
      "on Wednesday, forcing thousands of residents from their homes.\n\"We have never seen anything "
      "like this,\" Mayor J\u00fcrgen Dupper said as the old town went under water.\nThe river peaked "
      "at 12.2 meters (40 feet) in the afternoon, the city said in a statement.\n",
     "KIRSTEN GRIESHABER, Associated Press", NULL                               },
    { "Storm hits coast\n\nBy Jane Doe\n\nAP Science Writer\n\nWASHINGTON (AP) \u2014 Text.\n",
     "Jane Doe, AP Science Writer",          NULL                               },
    { "Storm hits coast\n\nBy Jane Doe\n\nThousands flee as the river rises\n\n"
      "WASHINGTON (AP) \u2014 Text.\n",
     "Jane Doe",                             "Thousands flee as the river rises"},
    { "Storm hits coast\n\nAssociated Press\n\nBy Jane Doe\n\nWASHINGTON (AP) \u2014 Text.\n",
     "Jane Doe",                             "Associated Press"                 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = cd_import_data (cases[i].text, strlen (cases[i].text),
                                                CD_IMPORT_FORMAT_WIRE, "a.txt", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_byline (a), ==, cases[i].byline);
      g_assert_cmpstr (cd_article_get_dek (a), ==, cases[i].dek);
      g_assert_true (g_str_has_prefix (cd_article_get_body (a), "Floodwaters") ||
                     g_str_has_prefix (cd_article_get_body (a), "Text."));
    }
}

/* A photo caption and its credit above the story, in the ways sites and
 * agencies sign a photo ("File AFP", "AFP/File", "AFP via Getty Images",
 * "EPA-EFE/NAME"), become the featured image's caption and credit, never
 * the dek, with a dateline or without one; a summary in bullets stays text
 * of the story, as a list. */
static void
test_wire_caption (void)
{
  /* clang-format off */
  static const struct {
    const char *credit_line;
    const char *credit;
  } credits[] = {
    { "File AFP", "File AFP" },
    { "AFP/File", "AFP/File" },
    { "(AFP/File)", "AFP/File" },
    { "AFP via Getty Images", "AFP via Getty Images" },
    { "EPA-EFE/ANDY RAIN", "EPA-EFE/ANDY RAIN" },
    { "Handout via Reuters", "Handout via Reuters" },
    { "Getty Images", "Getty Images" },
  };
  /* clang-format on */
  const char *no_dateline = "Flood waters rise in Passau\n\n"
                            "Residents wade through a flooded street on Tuesday.\n"
                            "Photo: Armin Weigel/dpa\n\n"
                            "The Danube crested at a record level on Tuesday.\n\n"
                            "Firefighters used boats to reach people.\n";
  const char *bullets = "Turkey presses Syria offensive\n\n"
                        "* Turkey says operation will continue\n"
                        "* Kurdish forces say civilians killed\n\n"
                        "The advance began at dawn.\n\n"
                        "ISTANBUL, Oct 10 (Reuters) - Turkey pressed its offensive.\n";
  const char *not_credit = "Talks resume\n\nAssociated Press reporters were there.\n\n"
                           "The talks resumed on Monday after a week.\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (no_dateline, strlen (no_dateline),
                                            CD_IMPORT_FORMAT_WIRE, "a.txt", &error);
  g_autoptr (CdArticle) b = cd_import_data (bullets, strlen (bullets), CD_IMPORT_FORMAT_WIRE,
                                            "b.txt", &error);
  g_autoptr (CdArticle) c = cd_import_data (not_credit, strlen (not_credit), CD_IMPORT_FORMAT_WIRE,
                                            "c.txt", &error);

  for (guint i = 0; i < G_N_ELEMENTS (credits); i++)
    {
      g_autofree char *text = g_strdup_printf ("Islamic State fighters regroup\n\n"
                                               "Islamic State flag\n%s\n\n"
                                               "BEIRUT (AFP) - Fighters regrouped.\n",
                                               credits[i].credit_line);
      g_autoptr (CdArticle) article = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE,
                                                      "w.txt", &error);

      g_assert_no_error (error);
      g_assert_null (cd_article_get_dek (article));
      g_assert_cmpstr (cd_article_get_image_caption (article), ==, "Islamic State flag");
      g_assert_cmpstr (cd_article_get_image_credit (article), ==, credits[i].credit);
      g_assert_cmpstr (cd_article_get_body (article), ==, "Fighters regrouped.\n");
    }

  g_assert_no_error (error);
  g_assert_null (cd_article_get_dateline (a));
  g_assert_null (cd_article_get_dek (a));
  g_assert_cmpstr (cd_article_get_image_caption (a), ==,
                   "Residents wade through a flooded street on Tuesday.");
  g_assert_cmpstr (cd_article_get_image_credit (a), ==, "Armin Weigel/dpa");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "The Danube crested at a record level on Tuesday.\n\n"
                   "Firefighters used boats to reach people.\n");

  g_assert_cmpstr (cd_article_get_dek (b), ==, "The advance began at dawn.");
  g_assert_null (cd_article_get_image_caption (b));
  g_assert_cmpstr (cd_article_get_body (b), ==,
                   "- Turkey says operation will continue\n"
                   "- Kurdish forces say civilians killed\n\n"
                   "Turkey pressed its offensive.\n");

  g_assert_null (cd_article_get_image_credit (c));
  g_assert_true (g_str_has_prefix (cd_article_get_body (c), "Associated Press reporters"));
}

/* HTML */

static void
test_html_article (void)
{
  g_autoptr (CdArticle) a = import_sample ("article.html");
  const char      *body = cd_article_get_body (a);
  g_autofree char *html = NULL;

  g_assert_cmpstr (cd_article_get_headline (a), ==, "Night trains return to the Alps");
  g_assert_cmpstr (cd_article_get_language (a), ==, "de");
  g_assert_cmpstr (cd_article_get_byline (a), ==, "Lena Vogt");
  g_assert_cmpstr (cd_article_get_dek (a), ==,
                   "Two operators bring back sleepers between Vienna and Zurich.");
  g_assert_cmpstr (body, ==,
                   "Two operators will run **sleepers** from Vienna to Zurich again, the "
                   "[rail authority](https://example.org/rail) said on *Monday*.\n"
                   "\n"
                   "## Timetable\n"
                   "\n"
                   "Trains leave at 21:40 and arrive at 08:15.\\\n"
                   "Tickets cost from €39.\n"
                   "\n"
                   "### Stops\n"
                   "\n"
                   "- Salzburg\n"
                   "- Innsbruck\n"
                   "  1. Platform 3\n"
                   "  2. Platform 4\n"
                   "\n"
                   "3. Buy early\n"
                   "4. Book a couchette\n"
                   "\n"
                   "> We have waited ten years for this.\n"
                   ">\n"
                   "> — A commuter\n"
                   "\n"
                   "Markdown-looking text stays text: \\*stars\\*, \\_underscores\\_, "
                   "\\[brackets\\], "
                   "a # sign, 1 \\< 2 & 3 \\> 2.\n"
                   "\n"
                   "5\\. Not a list item\n"
                   "\n"
                   "![A night train at Vienna](https://example.org/train.jpg)\n"
                   "\n"
                   "Unsafe link\n");
  g_assert_null (strstr (body, "alert"));
  g_assert_null (strstr (body, "gone"));
  g_assert_null (strstr (body, "color"));
  g_assert_null (strstr (body, "navigation"));

  /* Escaped text renders back to the text of the page. */
  html = cd_render_markdown (body, -1, CD_RENDER_NONE);
  g_assert_nonnull (strstr (html, "<p>Markdown-looking text stays text: *stars*, _underscores_, "
                                  "[brackets], a # sign, 1 &lt; 2 &amp; 3 &gt; 2.</p>"));
  g_assert_nonnull (strstr (html, "<p>5. Not a list item</p>"));
  g_assert_nonnull (strstr (html, "<ol start=\"3\">"));
  g_assert_nonnull (strstr (html, "<img src=\"https://example.org/train.jpg\" "
                                  "alt=\"A night train at Vienna\""));
}

static void
test_html_article_element (void)
{
  const char *page = "<html><body><nav><ul><li>Home</li><li>World</li></ul></nav>"
                     "<header><h1>Site name</h1></header>"
                     "<article><h1>The story</h1><p>Its text.</p></article>"
                     "<footer><p>Copyright</p></footer></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML,
                                            "page.html", &error);
  g_autofree char *fragment = cd_html_to_markdown (page, strlen (page));

  /* A page's <article> is the story; the site around it is left out. */
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "The story");
  g_assert_cmpstr (cd_article_get_body (a), ==, "Its text.\n");
  /* Converting HTML (as sync does) keeps everything but the menu. */
  g_assert_cmpstr (fragment, ==, "# Site name\n\n# The story\n\nIts text.\n\nCopyright\n");
}

/* A story Word saved as a web page: its Title the headline, its
 * standfirst, "By" line and dateline read as in a document, its lists
 * set as paragraphs with typed bullets (a level under a level) lists,
 * its Quote style a quotation; nothing of Word's conditionals or
 * "<o:p>" marks stays. */
static void
test_html_word_page (void)
{
#define ITEM(level, marker, text)                                                                    \
  "<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level" level " lfo1'>" \
  "<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>" marker      \
  "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span></span><![endif]>" text   \
  "<o:p></o:p></p>\n"
  /* clang-format off */
  const char *page = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>"
                     "<meta name=Generator content=\"Microsoft Word 15\"></head><body lang=EN-GB>"
                     "<div class=WordSection1>\n"
                     "<p class=MsoTitle>Council sets out winter gritting plan<o:p></o:p></p>\n"
                     "<p class=MsoSubtitle>Forty routes will be treated before 6am<o:p></o:p></p>\n"
                     "<p class=MsoNormal>By Ann Lee<o:p></o:p></p>\n"
                     "<p class=MsoNormal>LEEDS, 3 December 2026 – The council will grit forty routes before "
                     "6am, it said.<o:p></o:p></p>\n"
                     ITEM ("1", "·", "Main roads")
                     ITEM ("2", "o", "A61 and A64")
                     ITEM ("1", "·", "Bus routes")
                     "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
                     "<p class=MsoQuote>“We are ready,” said Cllr Jo Bell.<o:p></o:p></p>\n"
                     "<p class=MsoNormal>Salt stocks stand at 20,000 tonnes.<o:p></o:p></p>\n"
                     "</div></body></html>\n";
  /* clang-format on */
#undef ITEM
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "gritting.htm", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Council sets out winter gritting plan");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Forty routes will be treated before 6am");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Ann Lee");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "LEEDS");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "The council will grit forty routes before 6am, it said.\n\n"
                   "- Main roads\n  - A61 and A64\n- Bus routes\n\n"
                   "> “We are ready,” said Cllr Jo Bell.\n\n"
                   "Salt stocks stand at 20,000 tonnes.\n");
}

/* Word pages with no Title style, as reporters and press offices save
 * them: a kicker and a headline in bold, a standfirst in italic, with no
 * <title> or with the words "COMUNICATO STAMPA" as one; a press office's
 * line with its number under the story. */
static void
test_html_word_page_bold_head (void)
{
  /* clang-format off */
  static const struct
  {
    const char *page;
    const char *headline, *dek, *byline, *note, *body;
  } cases[] = {
    { "<html><head><meta name=Generator content=\"Microsoft Word 15\"></head><body><div class=WordSection1>"
      "<p class=MsoNormal><b><span style='font-size:9.0pt;color:#C00000'>EXCLUSIVE</span></b></p>"
      "<p class=MsoNormal><b><span style='font-size:20.0pt'>Hospital trust paid £1.2m to firm run by boss’s wife</span></b></p>"
      "<p class=MsoNormal><i>Documents show contracts were awarded without tender</i></p>"
      "<p class=MsoNormal>By Amira Haddad</p>"
      "<p class=MsoNormal>A hospital trust paid more than £1.2m to a company owned by the wife of the boss "
      "of its main staffing agency, documents show.</p>"
      "<p class=MsoNormal>The trust said it had begun an internal review.</p></div></body></html>",
      "Hospital trust paid £1.2m to firm run by boss’s wife", "Documents show contracts were awarded without tender",
      "Amira Haddad", "EXCLUSIVE",
      "A hospital trust paid more than £1.2m to a company owned by the wife of the boss of its main staffing "
      "agency, documents show.\n\nThe trust said it had begun an internal review.\n" },
    { "<html><head><title>COMUNICATO STAMPA</title></head><body lang=IT><div class=WordSection1>"
      "<p class=MsoNormal><b><span style='font-size:10.0pt'>COMUNICATO\nSTAMPA</span></b></p>"
      "<p class=MsoNormal>Firenze, 10 febbraio 2027</p>"
      "<p class=MsoNormal><b><span style='font-size:16.0pt'>Il Museo Civico prolunga l’apertura serale per "
      "tutta l’estate</span></b></p>"
      "<p class=MsoNormal><i>Dal 1° giugno al 30 settembre le sale resteranno aperte fino alle 22</i></p>"
      "<p class=MsoNormal>Il Museo Civico di Firenze prolunga l’orario di apertura serale per tutta la "
      "stagione estiva.</p>"
      "<p class=MsoNormal>«Vogliamo che il museo sia un luogo da vivere anche la sera», ha dichiarato la "
      "direttrice.</p>"
      "<p class=MsoNormal>Ufficio stampa Museo Civico di Firenze – tel. 055 000 1234 – "
      "stampa@museocivico.example.it</p></div></body></html>",
      "Il Museo Civico prolunga l’apertura serale per tutta l’estate",
      "Dal 1° giugno al 30 settembre le sale resteranno aperte fino alle 22", NULL,
      "COMUNICATO STAMPA — Firenze, 10 febbraio 2027 — Ufficio stampa Museo Civico di Firenze – tel. 055 000 "
      "1234 – stampa@museocivico.example.it",
      "Il Museo Civico di Firenze prolunga l’orario di apertura serale per tutta la stagione estiva.\n\n"
      "«Vogliamo che il museo sia un luogo da vivere anche la sera», ha dichiarato la direttrice.\n" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) article = cd_import_data (cases[i].page, strlen (cases[i].page), CD_IMPORT_FORMAT_HTML,
                                                      "page.htm", &error);

      g_assert_no_error (error);
      g_test_message ("case %u: %s | %s", i, cd_article_get_ednote (article), cd_article_get_body (article));
      g_assert_cmpstr (cd_article_get_headline (article), ==, cases[i].headline);
      g_assert_cmpstr (cd_article_get_dek (article), ==, cases[i].dek);
      g_assert_cmpstr (cd_article_get_byline (article), ==, cases[i].byline);
      g_assert_cmpstr (cd_article_get_ednote (article), ==, cases[i].note);
      g_assert_cmpstr (cd_article_get_body (article), ==, cases[i].body);
    }
}

/* A news site's article page, saved from the browser: its template marks
 * the section's label, the standfirst, the byline (the author's name
 * linked), the time it went up, a newsletter box inside the story and
 * the comments under it with classes. The standfirst and byline are the
 * article's, the label and time the note's; the site's boxes go. The
 * dateline is read under the lead picture and its caption. */
static void
test_html_news_page (void)
{
  const char *page = "<html><head><title>Flights return | The Highland Herald</title></head><body>"
                     "<header class=\"masthead\"><a href=\"/\">The Highland Herald</a></header><main><article>"
                     "<div class=\"section-label\"><a href=\"/business\">Business</a></div>"
                     "<h1 class=\"headline\">Inverness flights to Amsterdam to return</h1>"
                     "<p class=\"standfirst\">Daily service will link the Highlands to the world from April</p>"
                     "<div class=\"byline\">By <a href=\"/authors/iain-macleod\" rel=\"author\">Iain MacLeod</a> "
                     "<span class=\"role\">Business Editor</span></div>"
                     "<time datetime=\"2027-02-03T06:00:00Z\">Wednesday, 3 February 2027, 6:00 am</time>"
                     "<figure><img src=\"/img/airport.jpg\" alt=\"Inverness Airport\"><figcaption>Inverness "
                     "Airport. Picture: Highland Herald</figcaption></figure>"
                     "<div class=\"article-body\">"
                     "<p>INVERNESS — Direct flights between Inverness and Amsterdam will resume in April.</p>"
                     "<div class=\"newsletter-signup\"><p>Sign up to our daily newsletter</p><form><input "
                     "type=\"email\"><button>Sign up</button></form></div>"
                     "<p>Tickets go on sale next week.</p>"
                     "<p class=\"meta\">Posted in Business</p></div>"
                     "<div class=\"comments\"><h2>Comments</h2><p>Comments are closed on this article.</p></div>"
                     "<div class=\"author-bio\">Iain MacLeod writes on business and the economy for the Herald.</div>"
                     "</article></main></body></html>";
  const char *council = "<html><head><title>News | Cheshire Vale Council</title></head><body><main><article>"
                        "<h1>Council to plant 20,000 trees along new greenway</h1>"
                        "<p class=\"meta\">Published: 12 February 2027</p>"
                        "<p>Work will begin next month on planting 20,000 trees along the greenway.</p>"
                        "</article><aside class=\"share\"><h2>Share this page</h2></aside></main></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "flights.html", &error);
  g_autoptr (CdArticle) news = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Inverness flights to Amsterdam to return");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Daily service will link the Highlands to the world from April");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Iain MacLeod");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "INVERNESS");
  g_assert_cmpstr (cd_article_get_ednote (article), ==, "Business — Wednesday, 3 February 2027, 6:00 am");
  /* A class of the page's dates with no date in it, and an author's
   * biography, stay the page's text. */
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "![Inverness Airport](/img/airport.jpg)\n\nInverness Airport. Picture: Highland Herald\n\n"
                   "Direct flights between Inverness and Amsterdam will resume in April.\n\n"
                   "Tickets go on sale next week.\n\nPosted in Business\n\n"
                   "Iain MacLeod writes on business and the economy for the Herald.\n");

  news = cd_import_data (council, strlen (council), CD_IMPORT_FORMAT_HTML, "greenway.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_ednote (news), ==, "Published: 12 February 2027");
  g_assert_cmpstr (cd_article_get_body (news), ==,
                   "Work will begin next month on planting 20,000 trees along the greenway.\n");
}

/* A page saved from a news site with no <article>: the site's header,
 * menus and breadcrumb before the headline and its footer, tags and
 * related links after the story go; under the headline a name alone is
 * the byline, a line of dates the time it went up, the share buttons go
 * (by their names, or by where they lead, under their label); an
 * advertisement's label goes; links to other stories among the
 * paragraphs go, with or without a colon after their label; the credits
 * under the story are the desk's; the site's name is the source; a
 * consent banner fixed over the page is no part of the story. */
static void
test_html_site_page (void)
{
  const char *page =
      "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Port strike ends - Coastline News</title>"
      "<meta property=\"og:site_name\" content=\"Coastline News\">"
      "<meta name=\"description\" content=\"Dockers accept a 6% pay offer after nine days\"></head><body>"
      "<div class=\"top\"><a class=\"logo\" href=\"/\">Coastline News</a>"
      "<ul class=\"menu\"><li><a href=\"/home\">Home</a></li><li><a href=\"/business\">Business</a></li>"
      "<li><a href=\"/sport\">Sport</a></li></ul></div>"
      "<div class=\"page\"><div class=\"crumbs\"><a href=\"/\">Home</a> &gt; <a href=\"/business\">Business</a></div>"
      "<h1>Port strike ends as dockers accept pay deal</h1>"
      "<h3>Dockers accept a 6% pay offer after nine days</h3>"
      "<div class=\"info\"><div class=\"who\">Maria Okafor&nbsp;|</div> <span>14.05.2027 - 09:40</span></div>"
      "<div class=\"tools\"><a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">WhatsApp</a></div>"
      "<div class=\"spread\"><span>Share:</span><a href=\"https://www.facebook.com/sharer/sharer.php?u=s\">Our page</a> "
      "<a href=\"https://wa.me/?text=s\">Send it</a> <a href=\"#\">Share on LinkedIn</a></div>"
      "<div class=\"text\">"
      "<p>FELIXSTOWE - Dockers at the port of Felixstowe voted on Thursday to accept a 6% pay offer, ending a "
      "nine-day strike that left hundreds of ships waiting offshore.</p>"
      "<p>The union said 84% of members who voted backed the deal, which also includes a one-off payment of "
      "£1,000 for every worker.</p>"
      "<div class=\"slot\"><span>- Advertisement -</span></div>"
      "<p><strong>Read also:</strong> <a href=\"/business/ports-backlog\">Ports face weeks of backlog</a></p>"
      "<p><span>See also</span> <a href=\"/business/fuel\">Fuel prices fall again</a></p>"
      "<p>Work will resume with the night shift, the port's operator said.</p>"
      "<p>Reporter: Maria Okafor<br>Editor: Tom Hale<br>Copyright © Coastline News 2027</p>"
      "</div>"
      "<div class=\"keywords\">Topics: <a href=\"/t/ports\">Ports</a> <a href=\"/t/unions\">Unions</a></div>"
      "<ul class=\"more\"><li><a href=\"/b/1\">Fuel prices fall for third week running as supply improves</a></li></ul>"
      "</div><footer><p>Coastline News is not responsible for the content of external sites. No part of this "
      "page may be copied without the written permission of the publisher.</p></footer>"
      "<div id=\"cookie-notice\" style=\"position:fixed;bottom:0\"><p>We and our partners use cookies to personalise "
      "content and ads and to analyse our traffic; you can change your choices at any time.</p></div></body></html>";
  /* A page of one long paragraph keeps all it has; a paragraph that
   * only names a report to read, with no link, is the story's. */
  const char *brief =
      "<html><head><title>Bridge closed</title></head><body><nav><a href=\"/\">Home</a></nav>"
      "<h1>Bridge closed for repairs</h1><p>Staff reporter</p>"
      "<p>The Cart Bridge will close for six weeks from Monday while engineers replace its deck, the council said "
      "on Tuesday.</p><p>Read also: the council's report, which lists the other bridges that need work.</p>"
      "<div class=\"more\"><a href=\"/a\">Other news</a></div></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "strike.html", &error);
  g_autoptr (CdArticle) other = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Port strike ends as dockers accept pay deal");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Dockers accept a 6% pay offer after nine days");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Maria Okafor");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "FELIXSTOWE");
  g_assert_cmpstr (cd_article_get_source (article), ==, "Coastline News");
  g_assert_cmpstr (cd_article_get_ednote (article), ==,
                   "14.05.2027 - 09:40 — Reporter: Maria Okafor\nEditor: Tom Hale\nCopyright © Coastline News 2027");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "Dockers at the port of Felixstowe voted on Thursday to accept a 6% pay offer, ending a nine-day "
                   "strike that left hundreds of ships waiting offshore.\n\n"
                   "The union said 84% of members who voted backed the deal, which also includes a one-off payment "
                   "of £1,000 for every worker.\n\n"
                   "Work will resume with the night shift, the port's operator said.\n");

  other = cd_import_data (brief, strlen (brief), CD_IMPORT_FORMAT_HTML, "bridge.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (other), ==, "Bridge closed for repairs");
  g_assert_null (cd_article_get_source (other));
  g_assert_cmpstr (cd_article_get_body (other), ==,
                   "Staff reporter\n\nThe Cart Bridge will close for six weeks from Monday while engineers replace "
                   "its deck, the council said on Tuesday.\n\n"
                   "Read also: the council's report, which lists the other bridges that need work.\n\n"
                   "[Other news](/a)\n");
}

/* A page's story in its <article>: the writer's name after a label in
 * the author's class ("Автор: …"); the site's name in Latin capitals
 * after the place in the dateline ("КИЇВ. UKRINFORM –"), and not the
 * second word of a place ("ST. LOUIS –"). */
static void
test_html_article_labels (void)
{
  const char *page =
      "<html lang=\"uk\"><head><meta charset=\"utf-8\"><title>Уряд ухвалив програму</title></head><body>"
      "<article><h1>Уряд ухвалив програму ремонту шкіл</h1>"
      "<div class=\"article__author\">Автор: Олена Коваль</div>"
      "<div class=\"article__body\">"
      "<p>КИЇВ. UKRINFORM – Уряд ухвалив програму ремонту шкіл на 2027 рік, повідомили в міністерстві освіти "
      "у середу.</p>"
      "<p>На програму виділять 4 мільярди гривень, роботи почнуться влітку, коли в школах не буде уроків.</p>"
      "</div><div class=\"article__tags\">Теги: <a href=\"/t/1\">Освіта</a></div></article></body></html>";
  const char *american =
      "<html><head><title>Arch reopens</title></head><body><article><h1>Arch reopens to visitors</h1>"
      "<div class=\"story\"><p>ST. LOUIS – The Gateway Arch reopened to visitors on Friday after a month of "
      "repairs to the tram that carries them to the top.</p>"
      "<p>Park officials said tickets for the first weekend sold out within hours of going on sale.</p>"
      "</div></article></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "shkoly.html", &error);
  g_autoptr (CdArticle) arch = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Олена Коваль");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "КИЇВ");
  g_assert_cmpstr (cd_article_get_source (article), ==, "UKRINFORM");
  g_assert_true (g_str_has_prefix (cd_article_get_body (article), "Уряд ухвалив програму ремонту шкіл на 2027 рік"));
  g_assert_true (g_str_has_suffix (cd_article_get_body (article), "коли в школах не буде уроків.\n"));

  arch = cd_import_data (american, strlen (american), CD_IMPORT_FORMAT_HTML, "arch.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_dateline (arch), ==, "ST. LOUIS");
  g_assert_null (cd_article_get_source (arch));
}

/* More of a site's template: the headline over the <article> that holds
 * only the story's text; a box of the page's details with the byline
 * inside ("Von <a>…</a>", the time, the reading time); a class of two
 * words for the standfirst ("post-sub-title"); the page's description
 * that is the story's first words, cut short; a label and a name in a
 * script without capitals ("作者：张伟"), the source after its label
 * ("来源：…") and a counter of readers that goes; "Oleh"; a live blog's
 * posts, each an <article>, all kept; the byline and the date in a list
 * (its items then empty go; the writer's address beside the name is no
 * part of it), a standfirst of the class "intro"; a picture linked to
 * its own file at full size keeps its link. */
static void
test_html_site_page_parts (void)
{
  const char *page =
      "<html lang=\"de\"><head><title>Parkhaus gestoppt | Region | Kreisbote</title>"
      "<meta name=\"description\" content=\"Der Stadtrat hat den Bau eines Parkhauses am Bahnhof mit 28 zu 19 "
      "Stimmen gestoppt. Die Verwaltung soll …\"></head><body>"
      "<div class=\"nav\"><a href=\"/\">Start</a> <a href=\"/region\">Region</a></div>"
      "<div class=\"head\"><div class=\"field-kicker\">Verkehr</div><h1>Stadtrat stoppt Parkhaus am Bahnhof</h1>"
      "<p class=\"post-sub-title\">Die Mehrheit will stattdessen ein Fahrradparkhaus</p>"
      "<div class=\"node__meta\"><span class=\"node__author\">Von <a href=\"/autoren/kv\">Katrin Vogel</a></span> "
      "<span class=\"when\">04.03.2025, 14:37 Uhr</span> <span>3 Min. Lesezeit</span></div></div>"
      "<article class=\"body\"><p>Der Stadtrat hat den Bau eines Parkhauses am Bahnhof mit 28 zu 19 Stimmen "
      "gestoppt. Die Verwaltung soll nun ein Fahrradparkhaus planen.</p>"
      "<p>Die Kosten für das Parkhaus waren zuletzt auf 31 Millionen Euro gestiegen, fast doppelt so viel wie "
      "geplant.</p></article>"
      "<div class=\"more\"><p>Mehr aus der Region: der Wochenmarkt zieht für ein Jahr auf den Albaniplatz um, "
      "sagt die Stadt.</p></div></body></html>";
  const char *chinese =
      "<html lang=\"zh\"><head><title>地铁三期完工</title></head><body><div class=\"topnav\"><a href=\"/\">首页</a></div>"
      "<h1>杭州地铁三期工程全面完工</h1><div class=\"art-info\"><span class=\"time\">2025-03-04 10:23</span> "
      "<span class=\"source\">来源：<a href=\"https://paper.example/\">钱塘晚报</a></span> "
      "<span class=\"author\">作者：张伟</span> | <span class=\"views\">阅读：1843</span></div><div class=\"content\">"
      "<p>记者从杭州市地铁集团获悉，杭州地铁三期建设规划中的最后两条线路已于日前完成全部土建和机电安装工程，预计年底前开通运营。</p>"
      "<p>据介绍，这两条线路全长约58公里，共设车站36座，建成后杭州地铁运营总里程将超过600公里。</p></div></body></html>";
  const char *live =
      "<html><head><title>Storm live</title></head><body><main><h1>Storm Helga – live</h1>"
      "<div class=\"posts\">"
      "<article><h2>Ferries cancelled</h2><p>CalMac has cancelled all sailings on its west coast network for the rest of "
      "today and tomorrow, the operator said.</p></article>"
      "<article><h2>Power cuts rise</h2><p>Some 120,000 customers are now without power, most of them in Argyll and the "
      "Highlands, the network said.</p></article>"
      "<article><h2>Trains suspended</h2><p>ScotRail has suspended all trains across Scotland until at least 7pm after "
      "trees fell onto the line.</p></article>"
      "</div></main></body></html>";
  const char *listed =
      "<html><body><h1>Library to close for renovation</h1>"
      "<ul class=\"list-inline asset-byline\"><li><span class=\"tnt-byline\">Kevin Marsh<a "
      "href=\"mailto:kmarsh@record.example\">kmarsh@record.example</a></span></li>"
      "<li><span class=\"asset-date\">Mar 5, 2025</span></li></ul>"
      "<div class=\"article__intro\">The building will reopen next spring with a teen room and a new roof</div>"
      "<div class=\"asset-content\"><p><a href=\"/img/library-full.jpg\"><img src=\"/img/library.jpg\" "
      "alt=\"The library\"></a></p><p>The Eastfield Public Library will close on May 1 for a 10-month renovation, "
      "city officials said on Wednesday.</p><p>Books can be borrowed from the branch libraries and the mobile "
      "library while the work goes on.</p></div></body></html>";
  const char *oleh =
      "<html><body><h1>Surabaya bangun 25 taman baru</h1><p>Oleh Budi Santoso</p>"
      "<p>Pemerintah Kota Surabaya akan membangun 25 ruang terbuka hijau baru sepanjang tahun ini, kata wali kota "
      "pada Selasa.</p><p>Taman-taman itu akan dibangun di lahan milik pemerintah kota yang selama ini tidak "
      "terpakai.</p></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "parkhaus.html", &error);
  g_autoptr (CdArticle) zh = NULL;
  g_autoptr (CdArticle) blog = NULL;
  g_autoptr (CdArticle) library = NULL;
  g_autoptr (CdArticle) id = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Stadtrat stoppt Parkhaus am Bahnhof");
  g_assert_cmpstr (cd_article_get_dek (article), ==, "Die Mehrheit will stattdessen ein Fahrradparkhaus");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Katrin Vogel");
  g_assert_cmpstr (cd_article_get_ednote (article), ==, "Verkehr — 04.03.2025, 14:37 Uhr — 3 Min. Lesezeit");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "Der Stadtrat hat den Bau eines Parkhauses am Bahnhof mit 28 zu 19 Stimmen gestoppt. Die "
                   "Verwaltung soll nun ein Fahrradparkhaus planen.\n\n"
                   "Die Kosten für das Parkhaus waren zuletzt auf 31 Millionen Euro gestiegen, fast doppelt so viel "
                   "wie geplant.\n");

  zh = cd_import_data (chinese, strlen (chinese), CD_IMPORT_FORMAT_HTML, "metro.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_byline (zh), ==, "张伟");
  g_assert_cmpstr (cd_article_get_source (zh), ==, "钱塘晚报");
  g_assert_true (g_str_has_prefix (cd_article_get_body (zh), "记者从杭州市地铁集团获悉"));

  blog = cd_import_data (live, strlen (live), CD_IMPORT_FORMAT_HTML, "live.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (blog), ==, "Storm Helga – live");
  g_assert_nonnull (strstr (cd_article_get_body (blog), "## Ferries cancelled"));
  g_assert_nonnull (strstr (cd_article_get_body (blog), "## Power cuts rise"));
  g_assert_nonnull (strstr (cd_article_get_body (blog), "until at least 7pm after trees fell onto the line.\n"));

  library = cd_import_data (listed, strlen (listed), CD_IMPORT_FORMAT_HTML, "library.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_byline (library), ==, "Kevin Marsh");
  g_assert_cmpstr (cd_article_get_dek (library), ==, "The building will reopen next spring with a teen room and a new roof");
  g_assert_true (g_str_has_prefix (cd_article_get_body (library),
                                   "![The library](/img/library.jpg)\n\nThe Eastfield Public "
                                   "Library will close"));

  id = cd_import_data (oleh, strlen (oleh), CD_IMPORT_FORMAT_HTML, "taman.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_byline (id), ==, "Budi Santoso");
}

/* A page with no heading (its title has it, after the site's name the
 * logo gives): the headline is the title without the site's name, which
 * is the source; what stands before the page's <main> goes; cards of
 * other stories, each an <article>, hold no story; a consent dialog after
 * the footer is no part of it. */
static void
test_html_page_without_heading (void)
{
  const char *page =
      "<html lang=\"en\"><head><title>Floods displace 40,000 people in Mozambique – ReliefBridge</title></head><body>"
      "<div class=\"top\"><a href=\"/appeal/\">Mozambique floods appeal: help families now</a></div>"
      "<div class=\"brand\"><a href=\"https://www.reliefbridge.example/\"><img src=\"logo.svg\" alt=\"ReliefBridge\"></a></div>"
      "<main><div class=\"post-meta\"><span class=\"post-date\">12 Feb 2025</span></div><div class=\"entry\">"
      "<p>MAPUTO, 12 February 2025 – Severe flooding in Cabo Delgado and Nampula provinces has forced more than "
      "40,000 people from their homes in the past week.</p>"
      "<p>Rivers burst their banks after five days of continuous rain, washing away roads and bridges across the "
      "north of the country.</p></div>"
      "<section><h2>Latest news</h2><article class=\"card\"><h3>Cholera cases fall in Malawi</h3><span>3 Feb</span></article>"
      "<article class=\"card\"><h3>Hunger report for the Sahel</h3><span>28 Jan</span></article></section></main>"
      "<footer><p>ReliefBridge is a registered charity in England and Wales, number 1098765, with its office in London.</p></footer>"
      "<div class=\"cmplz-cookiebanner\" role=\"dialog\"><p>To provide the best experiences, we use technologies like "
      "cookies to store and access device information.</p></div></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "floods.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Floods displace 40,000 people in Mozambique");
  g_assert_cmpstr (cd_article_get_source (article), ==, "ReliefBridge");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "MAPUTO");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "Severe flooding in Cabo Delgado and Nampula provinces has forced more than 40,000 people from "
                   "their homes in the past week.\n\n"
                   "Rivers burst their banks after five days of continuous rain, washing away roads and bridges "
                   "across the north of the country.\n");
}

/* A page whose headline stands in the story's block, over a standfirst
 * as long as the story's paragraphs: what stands before the block goes
 * (a consent banner known only by what it says, the logo, the menus),
 * and the parts under the headline are read (a "preamble", a box of
 * "labels", the "dates"); a picture linked to its own file at full size
 * is the picture alone; a dateline in bold with the site's name after
 * the place, under the picture, its caption and its credit. */
static void
test_html_headline_in_story (void)
{
  const char *page =
      "<html lang=\"sv\"><head><title>Rekordmånga vill bli poliser | Västerbottens Morgon</title>"
      "<meta property=\"og:site_name\" content=\"Västerbottens Morgon\"></head><body><div id=\"site\">"
      "<div class=\"cmp-overlay\"><div class=\"cmp-dialog\"><h2>Vi använder kakor</h2><p>Vi och våra partner "
      "använder kakor (cookies) för att ge dig en bättre upplevelse och analysera trafiken.</p>"
      "<button>Godkänn alla</button></div></div>"
      "<div class=\"topbar\"><a href=\"/\"><img src=\"logo.svg\" alt=\"Västerbottens Morgon\"></a> "
      "<a href=\"/prenumerera\">Prenumerera</a></div><div class=\"page\"><div class=\"story\"><div class=\"story-top\">"
      "<div class=\"story-labels\"><span>Umeå</span> <span>Utbildning</span></div>"
      "<h1>Rekordmånga vill bli poliser i Norrland</h1>"
      "<div class=\"story-preamble\"><p>Antalet sökande till polisutbildningen i Umeå har ökat med 40 procent på två "
      "år. Nu vill regionen att utbildningen byggs ut.</p></div>"
      "<div class=\"story-byline\"><span>Av Erik Lundqvist</span></div>"
      "<div class=\"story-dates\">Publicerad 4 mars 2025 kl. 08.12</div></div>"
      "<div class=\"story-body\"><p><a href=\"https://vbm.example/uploads/umea-full.jpg?w=2000\">"
      "<img src=\"umea-696.jpg\" alt=\"Umeå universitet\"></a></p><p>Studenter utanför universitetet.</p>"
      "<p>(Foto: Anna Berg)</p>"
      "<p><strong>UMEÅ, Vbm.se</strong> – Hela 1 850 personer sökte till polisutbildningen vid Umeå universitet "
      "inför vårterminen, visar nya siffror.</p>"
      "<p>Men bara 192 av dem kan antas. Platserna styrs av regeringens uppdrag till Polismyndigheten och "
      "universitetet.</p></div></div>"
      "<div class=\"sidebar\"><h3>Mest läst</h3><p><a href=\"/e12\">Snöoväder stängde E12</a></p></div></div>"
      "<div class=\"footer\"><p>Ansvarig utgivare: Lena Holm</p></div></div></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "poliser.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Rekordmånga vill bli poliser i Norrland");
  g_assert_cmpstr (cd_article_get_dek (article), ==,
                   "Antalet sökande till polisutbildningen i Umeå har ökat med 40 procent på två år. Nu vill regionen "
                   "att utbildningen byggs ut.");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Erik Lundqvist");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "UMEÅ");
  g_assert_cmpstr (cd_article_get_source (article), ==, "Vbm.se");
  g_assert_cmpstr (cd_article_get_ednote (article), ==, "Umeå Utbildning — Publicerad 4 mars 2025 kl. 08.12");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "![Umeå universitet](umea-696.jpg)\n\n"
                   "Studenter utanför universitetet.\n\n"
                   "(Foto: Anna Berg)\n\n"
                   "Hela 1 850 personer sökte till polisutbildningen vid Umeå universitet inför vårterminen, visar "
                   "nya siffror.\n\n"
                   "Men bara 192 av dem kan antas. Platserna styrs av regeringens uppdrag till Polismyndigheten och "
                   "universitetet.\n");
}

/* A page's details as a definition list under the headline ("From:",
 * "Published on:"; Joomla's heading "Details" over values with their own
 * labels): to the note, the office it is "From" the source, and the
 * page's description that only says them again is no standfirst; a rule
 * over the story sets nothing apart; the
 * writer's life in a box under an opinion piece and a call to follow the
 * site go with the frame. */
static void
test_html_page_details_list (void)
{
  const char *release =
      "<html lang=\"en\"><head><title>gov.ie - Minister announces broadband fund</title>"
      "<meta name=\"description\" content=\"From Department of Rural Connectivity. Published on 5 March 2025.\">"
      "</head><body><div class=\"cookie-banner\"><p>This site uses cookies.</p></div><main><div class=\"container\">"
      "<h1>Minister announces broadband fund</h1><dl class=\"page-meta\"><dt>From:</dt><dd><a href=\"/dept/\">Department "
      "of Rural Connectivity</a></dd><dt>Published on:</dt><dd><time datetime=\"2025-03-05\">5 March 2025</time></dd></dl><hr>"
      "<div class=\"reading-width\"><p>The Minister for Rural Connectivity has today announced an €85 million fund to "
      "connect every inhabited island to high-speed broadband.</p><p>The fund will finance subsea fibre links and "
      "upgraded radio masts for 21 islands off the west and south coasts.</p></div></div></main></body></html>";
  const char *results =
      "<html lang=\"it\"><head><title>Serie A, terza giornata</title></head><body><div class=\"item-page\">"
      "<div class=\"page-header\"><h1>Serie A, terza giornata</h1></div><dl class=\"article-info\"><dt>Dettagli</dt>"
      "<dd class=\"category-name\">Categoria: <a href=\"/serie-a\">Serie A</a></dd><dd class=\"hits\">Visite: 412</dd></dl>"
      "<div><p>Si è conclusa domenica a Ponte a Egola la terza giornata della Serie A maschile di canoa polo.</p>"
      "<p>La sorpresa di giornata è arrivata dalla sfida tra Ortona e i campioni d’Italia del Siracusa, superati 4-3.</p>"
      "<div class=\"cta-whatsapp\"><a href=\"https://whatsapp.com/channel/x\">Ricevi le notizie su WhatsApp</a></div>"
      "</div><div class=\"author-box\"><h3>About the author</h3><p>Marco Rossi writes about canoe polo for the "
      "federation's site and has covered the national league for more than ten years.</p></div></div></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) office = cd_import_data (release, strlen (release), CD_IMPORT_FORMAT_HTML, "fund.html", &error);
  g_autoptr (CdArticle) league = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (office), ==, "Minister announces broadband fund");
  g_assert_cmpstr (cd_article_get_source (office), ==, "Department of Rural Connectivity");
  g_assert_null (cd_article_get_dek (office));
  g_assert_cmpstr (cd_article_get_ednote (office), ==,
                   "From: Department of Rural Connectivity — Published on: 5 March 2025");
  g_assert_true (g_str_has_prefix (cd_article_get_body (office), "The Minister for Rural Connectivity has today"));

  league = cd_import_data (results, strlen (results), CD_IMPORT_FORMAT_HTML, "serie-a.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_ednote (league), ==, "Categoria: Serie A — Visite: 412");
  g_assert_cmpstr (cd_article_get_body (league), ==,
                   "Si è conclusa domenica a Ponte a Egola la terza giornata della Serie A maschile di canoa polo.\n\n"
                   "La sorpresa di giornata è arrivata dalla sfida tra Ortona e i campioni d’Italia del Siracusa, "
                   "superati 4-3.\n");
}

/* A live blog: its standfirst, as long as a post's paragraph, is no
 * paragraph of the story, so the badge and section over the headline go
 * with the frame; its key events, links to places on the page with a
 * heading and a notice to readers without JavaScript, go, and the posts
 * stay. */
static void
test_html_live_blog_frame (void)
{
  const char *page =
      "<html lang=\"en-GB\"><head><title>Storm Helga – live</title></head><body><main>"
      "<div class=\"liveblog-header\"><span class=\"live-badge\">LIVE</span> <span>Scotland</span>"
      "<h1>Storm Helga: power cuts as 92mph winds hit Scotland – live</h1>"
      "<div class=\"standfirst\"><p>Amber warning in place until 9pm; ScotRail suspends all services; 120,000 homes "
      "without power</p></div></div><div class=\"liveblog-body\"><aside class=\"key-events\"><h2>Key events</h2><ul>"
      "<li><a href=\"#block-1\">Power cuts rise to 120,000 homes</a></li><li><a href=\"#block-2\">ScotRail suspends all "
      "services</a></li></ul><p>Please turn on JavaScript to use this feature</p></aside><div class=\"live-feed\">"
      "<article id=\"block-1\"><h2>Power cuts rise to 120,000 homes</h2><p>Scottish and Southern Electricity Networks "
      "says 120,000 customers are now without power, most of them in Argyll.</p></article>"
      "<article id=\"block-2\"><h2>ScotRail suspends all services</h2><p>ScotRail has suspended all services across "
      "the country until further notice because of fallen trees.</p></article>"
      "<article id=\"block-3\"><h2>Amber warning in force</h2><p>The Met Office amber warning for wind is now in force "
      "across the west of Scotland until nine this evening.</p></article></div></div></main></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "live.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Storm Helga: power cuts as 92mph winds hit Scotland – live");
  g_assert_cmpstr (cd_article_get_dek (article), ==,
                   "Amber warning in place until 9pm; ScotRail suspends all services; 120,000 homes without power");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "## Power cuts rise to 120,000 homes\n\n"
                   "Scottish and Southern Electricity Networks says 120,000 customers are now without power, most of "
                   "them in Argyll.\n\n"
                   "## ScotRail suspends all services\n\n"
                   "ScotRail has suspended all services across the country until further notice because of fallen "
                   "trees.\n\n"
                   "## Amber warning in force\n\n"
                   "The Met Office amber warning for wind is now in force across the west of Scotland until nine this "
                   "evening.\n");
}

/* A site's page of short stories under "In brief": each story, under its
 * heading, is an article of its own, with its own dateline, the page's
 * source and a note of the page; a story with headings in it under a
 * headline that is no round-up's stays one article. */
static void
test_html_roundup_page (void)
{
  const char *briefs =
      "<html lang=\"en-GB\"><head><title>In brief | Dales Gazette</title>"
      "<meta property=\"og:site_name\" content=\"Dales Gazette\"></head><body><article><div class=\"article-header\">"
      "<h1>In brief</h1><p class=\"date\">Wednesday 5 March 2025</p></div><div class=\"article-body\">"
      "<section><h2>Library opening hours extended</h2><p>SKIPTON – The library will open until 7pm on Thursdays from "
      "next month after a successful trial last autumn.</p></section><hr>"
      "<section><h2>Appeal after bus shelter damaged</h2><p>Police are appealing for witnesses after a bus shelter on "
      "Keighley Road in Settle was badly damaged overnight on Saturday.</p><p>Anyone with information is asked to "
      "call 101.</p></section><hr></div></article></body></html>";
  const char *story =
      "<html lang=\"en-GB\"><head><title>Council sets budget</title></head><body><article><h1>Council sets budget</h1>"
      "<div><h2>Why it matters</h2><p>The council has set its budget for the coming year after a long debate on "
      "Tuesday evening in the town hall.</p><h2>What comes next</h2><p>The budget goes to the full council next month "
      "for a final vote, the leader of the council said.</p></div></article></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = cd_import_data_all (briefs, strlen (briefs), CD_IMPORT_FORMAT_HTML, "brief.html", &error);
  g_autoptr (GPtrArray) one = NULL;
  CdArticle *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  first = g_ptr_array_index (articles, 0);
  second = g_ptr_array_index (articles, 1);
  g_assert_cmpstr (cd_article_get_headline (first), ==, "Library opening hours extended");
  g_assert_cmpstr (cd_article_get_dateline (first), ==, "SKIPTON");
  g_assert_cmpstr (cd_article_get_body (first), ==,
                   "The library will open until 7pm on Thursdays from next month after a successful trial last autumn.\n");
  g_assert_cmpstr (cd_article_get_headline (second), ==, "Appeal after bus shelter damaged");
  g_assert_cmpstr (cd_article_get_source (second), ==, "Dales Gazette");
  g_assert_cmpstr (cd_article_get_body (second), ==,
                   "Police are appealing for witnesses after a bus shelter on Keighley Road in Settle was badly damaged "
                   "overnight on Saturday.\n\n"
                   "Anyone with information is asked to call 101.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (second), "One of the stories of the page “In brief”"));

  one = cd_import_data_all (story, strlen (story), CD_IMPORT_FORMAT_HTML, "budget.html", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (cd_article_get_headline (g_ptr_array_index (one, 0)), ==, "Council sets budget");
}

/* A site's print view: its header and footer by their ids ("printheader",
 * "printfooter", whose lines are long) go; the paragraph of the class
 * "lead" is the standfirst (but not a figure of that class), the
 * "autor" the byline with the time after it to the note, the "ressort"
 * a label; the site's name is the title's after the headline (not the
 * view's word, "Druckversion"). */
static void
test_html_print_view (void)
{
  const char *page =
      "<html lang=\"de-AT\"><head><title>Kartenverkauf bricht alle Rekorde - Salzach Kurier - Druckversion</title></head>"
      "<body><div id=\"printheader\"><img src=\"logo.gif\" alt=\"Salzach Kurier\"><span>Druckversion</span></div><hr>"
      "<div class=\"ressort\">Kultur » Salzburg</div><h1>Kartenverkauf bricht alle Rekorde</h1>"
      "<p class=\"autor\">Autor: Anna Huber | 05.03.2025 um 06:00</p>"
      "<p class=\"lead\"><b>Schon vier Monate vor Beginn sind 92 Prozent der Karten vergeben. Die Festspiele planen "
      "Zusatzvorstellungen.</b></p><figure class=\"lead\"><img src=\"dom.jpg\" alt=\"\"><figcaption>Der Domplatz im "
      "Sommer.</figcaption></figure><div class=\"text\"><p>Die Salzburger Festspiele steuern auf ein Rekordjahr zu. Bis "
      "Ende Februar wurden rund 210.000 Karten verkauft.</p><p>Um der Nachfrage gerecht zu werden, sind drei "
      "Zusatzvorstellungen geplant, sagte die Präsidentin.</p></div><hr><div id=\"printfooter\"><p>Quelle: "
      "https://www.salzachkurier.example/kultur/festspiele-kartenverkauf-rekord-article-7734512</p><p>© Salzach "
      "Kurier 2025 – Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung des Verlags.</p></div></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "druck.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Kartenverkauf bricht alle Rekorde");
  g_assert_cmpstr (cd_article_get_dek (article), ==,
                   "Schon vier Monate vor Beginn sind 92 Prozent der Karten vergeben. Die Festspiele planen "
                   "Zusatzvorstellungen.");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Anna Huber");
  g_assert_cmpstr (cd_article_get_source (article), ==, "Salzach Kurier");
  g_assert_cmpstr (cd_article_get_ednote (article), ==, "Kultur » Salzburg — 05.03.2025 um 06:00");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "![](dom.jpg)\n\nDer Domplatz im Sommer.\n\n"
                   "Die Salzburger Festspiele steuern auf ein Rekordjahr zu. Bis Ende Februar wurden rund 210.000 "
                   "Karten verkauft.\n\n"
                   "Um der Nachfrage gerecht zu werden, sind drei Zusatzvorstellungen geplant, sagte die Präsidentin.\n");
}

/* A writer's byline set in italic over the dateline, as a document has
 * it ("*By Fiona Gallagher*"): the article's byline, and the dateline
 * under it the article's. */
static void
test_html_italic_byline (void)
{
  const char *page = "<html><head><meta name=\"generator\" content=\"LibreOffice\"></head><body>"
                     "<h1>The last ferryman of Wexmouth</h1><p><i>By Fiona Gallagher</i></p>"
                     "<p>WEXMOUTH — At a quarter to seven every morning, whatever the tide, Walter Pryce unchains a blue "
                     "boat from the slipway.</p><p>He has done it for forty-one years.</p></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "ferry.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Fiona Gallagher");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "WEXMOUTH");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "At a quarter to seven every morning, whatever the tide, Walter Pryce unchains a blue boat from the "
                   "slipway.\n\nHe has done it for forty-one years.\n");
}

/* Pages whose templates name their parts in the site's own language or
 * not at all: a consent notice answered by a short link ("Tamam") and
 * about "çerezler", the comments ("yorumlar") and a related story's label
 * ("İlgili Haber:") go; a story set as text parted by line breaks, with
 * no paragraph, is the story's block, and the site's counter and its call
 * to follow a channel go; a box among the paragraphs that asks the
 * reader to become a member, with its link, goes. An Arabic page's byline
 * after its label ("كتب:") and its place before a dash are the article's. */
static void
test_html_site_page_languages (void)
{
  const char *turkish =
      "<html lang=\"tr\"><head><title>Tarihi çarşı yenileniyor</title></head><body>"
      "<div class=\"kvkk-uyari\"><p>Sitemizde çerezler kullanılmaktadır. Detaylı bilgi için KVKK Aydınlatma Metni'ni "
      "inceleyebilirsiniz.</p><a href=\"#\">Tamam</a></div><main><h1>Tarihi çarşı yenileniyor</h1><div class=\"haber-metni\">"
      "<p>İzmir'in Karşıyaka ilçesindeki tarihi kapalı çarşıda kapsamlı yenileme çalışması başlıyor, belediye açıkladı.</p>"
      "<div class=\"ilgili-haber-kutu\"><strong>İlgili Haber:</strong> <a href=\"/yerel/proje\">Çarşı için proje "
      "hazırlandı</a></div><p>Belediyeden yapılan açıklamada, çarşının özgün ahşap kepenklerinin korunacağı "
      "belirtildi.</p></div><section class=\"yorumlar\"><h3>Yorumlar (0)</h3><p>Bu habere henüz yorum yapılmamış. "
      "İlk yorumu siz yapın, düşüncelerinizi bizimle paylaşın!</p></section></main></body></html>";
  const char *loose =
      "<html lang=\"ru\"><head><title>Школа искусств открылась</title></head><body><div class=\"header\">"
      "<a href=\"/\">Главная</a> <a href=\"/news/\">Новости</a></div><div class=\"news-detail\"><h1>Школа искусств "
      "открылась</h1><div class=\"news-detail-counter\">Просмотров: 1254</div><div>Детская школа искусств № 2 снова "
      "приняла учеников после капитального ремонта здания на улице Ленинградской.<br><br>Ремонт обошёлся городу в 86 "
      "миллионов рублей, рассказали в управлении культуры администрации.<br></div>"
      "<div class=\"news-detail-telegram\"><a href=\"https://t.me/zvesti\">Подписывайтесь на наш канал</a></div>"
      "<div class=\"kg-callout-card\">The paper is free and reader-funded. <a href=\"#/portal/signup\">Become a "
      "member</a> to support local journalism.</div></div></body></html>";
  const char *arabic =
      "<html lang=\"ar\" dir=\"rtl\"><head><title>صلالة تفتتح سوقا للأسماك | جريدة الساحل</title></head><body><main>"
      "<h1>صلالة تفتتح سوقا للأسماك</h1><div class=\"article-meta\"><span class=\"author\">كتب: خالد البلوشي</span></div>"
      "<div class=\"article-body\"><p>صلالة – افتتحت بلدية ظفار صباح الثلاثاء سوق صلالة المركزي للأسماك، وهو أول سوق في "
      "المحافظة يعتمد نظام المزاد الإلكتروني.</p><p>ويضم السوق الجديد، المقام على مساحة 6 آلاف متر مربع بالقرب من ميناء "
      "الصيد، 120 منصة للصيادين.</p></div></main></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) first = cd_import_data (turkish, strlen (turkish), CD_IMPORT_FORMAT_HTML, "carsi.html", &error);
  g_autoptr (CdArticle) second = NULL;
  g_autoptr (CdArticle) third = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (first), ==, "Tarihi çarşı yenileniyor");
  g_assert_cmpstr (cd_article_get_body (first), ==,
                   "İzmir'in Karşıyaka ilçesindeki tarihi kapalı çarşıda kapsamlı yenileme çalışması başlıyor, "
                   "belediye açıkladı.\n\n"
                   "Belediyeden yapılan açıklamada, çarşının özgün ahşap kepenklerinin korunacağı belirtildi.\n");

  second = cd_import_data (loose, strlen (loose), CD_IMPORT_FORMAT_HTML, "shkola.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (second), ==, "Школа искусств открылась");
  g_assert_cmpstr (cd_article_get_body (second), ==,
                   "Детская школа искусств № 2 снова приняла учеников после капитального ремонта здания на улице "
                   "Ленинградской.\n\n"
                   "Ремонт обошёлся городу в 86 миллионов рублей, рассказали в управлении культуры администрации.\n");

  third = cd_import_data (arabic, strlen (arabic), CD_IMPORT_FORMAT_HTML, "samak.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_byline (third), ==, "خالد البلوشي");
  g_assert_cmpstr (cd_article_get_dateline (third), ==, "صلالة");
  g_assert_true (g_str_has_prefix (cd_article_get_body (third), "افتتحت بلدية ظفار"));
}

/* A release's press contact at its foot, a paragraph of lines parted by
 * line breaks as a document sets it ("Pressekontakt:", a name, a post, a
 * phone, an address): to the note, not the story. */
static void
test_html_contact_block_lines (void)
{
  const char *page = "<html lang=\"de\"><head><meta name=\"generator\" content=\"LibreOffice\"></head><body>"
                     "<h1>Stadtwerke verlegen Fernwärme in der Altstadt</h1>"
                     "<p>Die Stadtwerke Lindenau beginnen im April mit dem Ausbau des Fernwärmenetzes in der Altstadt.</p>"
                     "<p>Eigentümer können sich ab sofort im Kundenzentrum am Markt beraten lassen.</p>"
                     "<p><b>Pressekontakt:</b><br>Jana Köhler<br>Unternehmenskommunikation<br>Tel. 0341 555 2710<br>"
                     "presse@stadtwerke-lindenau.example</p></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "pm.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "Die Stadtwerke Lindenau beginnen im April mit dem Ausbau des Fernwärmenetzes in der Altstadt.\n\n"
                   "Eigentümer können sich ab sofort im Kundenzentrum am Markt beraten lassen.\n");
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "Jana Köhler"));
  g_assert_nonnull (strstr (cd_article_get_ednote (article), "Tel. 0341 555 2710"));
}

/* A release saved as text from its PDF (pdftotext's layout): the
 * letterhead's parts set apart by wide spaces, pages ending in form
 * feeds with their numbers, the second page under a running head, the
 * paragraphs with no blank line between them. */
static void
test_text_pdf_pages (void)
{
  const char *text = "Lowland Water                                                    NEWS RELEASE\n"
                     "                                                    Issued: 21 January 2027\n\n"
                     "£48 million upgrade for Dumfries waste water works\n\n"
                     "Work on a £48 million upgrade to the waste water treatment works serving Dumfries\n"
                     "will begin next month, Lowland Water has announced.\n"
                     "The project will increase the capacity of the Troqueer works by 40 per cent and is\n"
                     "designed to reduce the risk of spills into the River Nith.\n\n"
                     "                                                              Page 1 of 2\n"
                     "\fLowland Water News Release – 21 January 2027\n\n"
                     "Construction is expected to take three years, the company said, and access would\n"
                     "be maintained at all times.\n"
                     "ENDS\n"
                     "                                                              Page 2 of 2\n\f";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (text, strlen (text), CD_IMPORT_FORMAT_WIRE, "release.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "£48 million upgrade for Dumfries waste water works");
  g_assert_cmpstr (cd_article_get_ednote (article), ==, "Lowland Water — NEWS RELEASE — Issued: 21 January 2027");
  g_assert_cmpstr (cd_article_get_body (article), ==,
                   "Work on a £48 million upgrade to the waste water treatment works serving Dumfries will begin "
                   "next month, Lowland Water has announced.\n\n"
                   "The project will increase the capacity of the Troqueer works by 40 per cent and is designed to "
                   "reduce the risk of spills into the River Nith.\n\n"
                   "Construction is expected to take three years, the company said, and access would be maintained "
                   "at all times.\n");
}

/* A page Word saved in its default character set, windows-1252, as its
 * <meta> says: read in it (it was refused as not UTF-8). */
static void
test_html_declared_charset (void)
{
  const char *page = "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">"
                     "</head><body><h1>Caf\xe9 owner\x92s appeal</h1><p>The caf\xe9 \x96 on Kirkgate \x96 "
                     "reopens on Monday.</p></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_import_data (page, strlen (page), CD_IMPORT_FORMAT_HTML, "cafe.htm", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Café owner’s appeal");
  g_assert_cmpstr (cd_article_get_body (article), ==, "The café – on Kirkgate – reopens on Monday.\n");
}

static void
test_html_gutenberg (void)
{
  g_autofree char *path = sample_path ("gutenberg.html");
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  gsize            length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  markdown = cd_html_to_markdown (text, length);
  g_assert_cmpstr (markdown, ==,
                   "The council voted **31 to 12** on Monday night.\n"
                   "\n"
                   "## What happens next\n"
                   "\n"
                   "- Consultation until May\n"
                   "- Work starts in *2027*\n"
                   "\n"
                   "> It is the right decision.\n"
                   ">\n"
                   "> *The mayor*\n"
                   "\n"
                   "![The harbour bridge](https://example.org/wp-content/uploads/bridge.jpg)\n"
                   "\n"
                   "The harbour bridge at dusk.\n");
  g_assert_null (strstr (markdown, "wp:"));
  g_assert_null (strstr (markdown, "copydesk:uuid"));
}

static void
test_html_fragments (void)
{
  /* clang-format off */
  static const struct {
    const char *html;
    const char *markdown;
  } cases[] = {
    { "", "" },
    { "<!-- wp:paragraph --><!-- /wp:paragraph -->", "" },
    { "<p>a<em> spaced </em>b</p>", "a *spaced* b\n" },
    { "<p><strong><em>both</em></strong></p>", "***both***\n" },
    { "<p><em>outer <em>inner</em></em></p>", "*outer inner*\n" },
    { "<p>Use <code>a`b</code> here</p>", "Use ``a`b`` here\n" },
    { "<pre><code class=\"language-c\">int x;\n```\n</code></pre>", "````c\nint x;\n```\n````\n" },
    { "<p><a href=\"https://e.org/a b(c)\">link</a></p>", "[link](https://e.org/a%20b\\(c\\))\n" },
    { "<p><a href=\"https://e.org/\"></a></p>", "[https://e.org/](https://e.org/)\n" },
    { "<table><tr><th>City</th><th>Rain</th></tr><tr><td>Passau</td><td>a|b</td></tr></table>",
      "| City | Rain |\n| --- | --- |\n| Passau | a\\|b |\n" },
    /* One break is a hard break; a second in a row parts paragraphs. */
    { "<p>line one<br>line two</p>", "line one\\\nline two\n" },
    { "<p>line one<br><br>line two</p>", "line one\n\nline two\n" },
    { "<h2>C#</h2>", "## C\\#\n" },
    { "<p>&amp;copy; &lt;b&gt;</p>", "\\&copy; \\<b\\>\n" },
    { "<p>x</p><hr><p>y</p>", "x\n\n---\n\ny\n" },
    { "<ul><li><p>one</p></li><li><p>two</p></li></ul>", "- one\n\n- two\n" },
    { "<p>~~not struck~~</p>", "\\~\\~not struck\\~\\~\n" },
    { "<p><del>struck</del></p>", "~~struck~~\n" },
    { "<div>loose <span>text</span><p>para</p>tail</div>", "loose text\n\npara\n\ntail\n" },
    { "Classic editor text\n\nwith <em>two</em>\nparagraphs",
      "Classic editor text\n\nwith *two* paragraphs\n" },
    { "<p>one\n \nblank line</p><p>in <em>a\n\nb</em></p>", "one\n\nblank line\n\nin *a b*\n" },
    /* Markup a program indented, a line break before the comma and full
     * stop after a link; a space typed before a comma stays. */
    { "<p>Not\n  <a href=\"https://e.org/\">the Bank</a>\n  , founded\n  <a href=\"https://f.org/\">here</a>\n  .</p>",
      "Not [the Bank](https://e.org/), founded [here](https://f.org/).\n" },
    { "<p>Typed <b>here</b> , kept.</p>", "Typed **here** , kept.\n" },
    /* An editor's spacer, a paragraph of a no-break space, is none. */
    { "<p>One</p><p>&nbsp;</p><p> \u2002</p><p>Two</p>", "One\n\nTwo\n" },
    /* Copied from a word processor: emphasis in the style, and (Google
     * Docs) the whole copy inside a <b> that is not bold. */
    { "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1a2b\">"
      "<h2 dir=\"ltr\"><span style=\"font-size:16pt;font-weight:400;font-style:normal\">Floods</span></h2>"
      "<p dir=\"ltr\"><span style=\"font-weight:400\">The river </span><span style=\"font-weight:700\">"
      "rose</span><span style=\"font-weight:400;font-style:italic\"> two metres</span><span> overnight."
      "</span></p><br><p><span style=\"text-decoration:line-through\">Old line.</span></p></b>"
      "<br class=\"Apple-interchange-newline\">",
      "## Floods\n\nThe river **rose** *two metres* overnight.\n\n~~Old line.~~\n" },
    { "<p class=MsoNormal><b><span lang=EN-GB style='font-size:12.0pt'>Bold</span></b> and "
      "<span style='FONT-STYLE: italic'>slanted</span><span style='mso-bidi-font-weight:normal'> "
      "text</span><o:p></o:p></p>",
      "**Bold** and *slanted* text\n" },
    { "<p><span style=\"font-weight: bold; font-style: oblique\">both</span></p>", "***both***\n" },
    { "<p><strong>Strong <span style=\"font-weight:600\">still</span></strong></p>", "**Strong still**\n" },
    { "<p><span style=\"text-decoration: underline line-through\">gone</span> "
      "<span style=\"font-weight:bolder;text-decoration-line:line-through\">both</span></p>",
      "~~gone~~ ~~**both**~~\n" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markdown = cd_html_to_markdown (cases[i].html, strlen (cases[i].html));

      g_test_message ("HTML: %s", cases[i].html);
      g_assert_cmpstr (markdown, ==, cases[i].markdown);
    }
}

/* Round trip of escaping: what the converter writes renders back to the
 * same text. */
static void
test_html_escape_renders_back (void)
{
  static const char *texts[] = {
    "1. not a list",
    "# not a heading",
    "- not an item",
    "+ nor this",
    "> nor a quote",
    "*not emphasis*",
    "__not strong__",
    "`not code`",
    "[not](a link)",
    "<b>not a tag</b>",
    "&amp; stays &amp;",
    "a | b | c",
    "back\\slash",
    "===",
    "~~not struck~~",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *markdown = cd_markdown_escape (texts[i]);
      g_autofree char *html = cd_render_markdown (markdown, -1, CD_RENDER_NONE);
      g_autofree char *escaped = cd_html_escape (texts[i]);
      g_autofree char *expected = NULL;

      /* cmark escapes only & < > and " in text. */
      g_autoptr (GString) want = g_string_new ("<p>");
      for (const char *p = texts[i]; *p; p++)
        {
          if (*p == '&')
            g_string_append (want, "&amp;");
          else if (*p == '<')
            g_string_append (want, "&lt;");
          else if (*p == '>')
            g_string_append (want, "&gt;");
          else if (*p == '"')
            g_string_append (want, "&quot;");
          else
            g_string_append_c (want, *p);
        }
      g_string_append (want, "</p>\n");
      expected = g_string_free (g_steal_pointer (&want), FALSE);
      g_test_message ("text: %s, markdown: %s", texts[i], markdown);
      g_assert_cmpstr (html, ==, expected);
      g_assert_nonnull (escaped);
    }
}

/* Bad input */

static char *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      length)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_file_error (const char *path,
                   int         code,
                   const char *rest)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_file (path, &error);
  g_autofree char *expected = g_strconcat (path, rest, NULL);

  g_assert_null (a);
  g_assert_error (error, CD_IMPORT_ERROR, code);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_bad_missing_and_directory (Fixture      *f,
                                gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.md", NULL);
  g_autofree char *dir = g_build_filename (f->dir, "folder.md", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "pipe.txt", NULL);

  assert_file_error (missing, CD_IMPORT_ERROR_NOT_FOUND, ": there is no such file.");
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  assert_file_error (dir, CD_IMPORT_ERROR_NOT_REGULAR, ": this is a directory, not a file.");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_file_error (fifo, CD_IMPORT_ERROR_NOT_REGULAR, ": this is not a regular file.");
}

static void
test_bad_empty (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *empty = write_file (f, "empty.md", "", 0);
  g_autofree char *blank = write_file (f, "blank.txt", " \n\n\t\n", -1);
  g_autofree char *bom = write_file (f, "bom.html", "\xef\xbb\xbf\n", -1);

  assert_file_error (empty, CD_IMPORT_ERROR_EMPTY, ": the file is empty.");
  assert_file_error (blank, CD_IMPORT_ERROR_EMPTY,
                     ": the file has no text in it, only blank space.");
  assert_file_error (bom, CD_IMPORT_ERROR_EMPTY, ": the file has no text in it, only blank space.");

  /* An HTML page with nothing to read is refused too; a title or a picture
   * is something. */
  {
    static const char *blank_pages[] = {
      "<html><body></body></html>",
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head>"
      "<body><div><p>&nbsp;</p>\n<br></div></body></html>",
    };

    for (guint i = 0; i < G_N_ELEMENTS (blank_pages); i++)
      {
        g_autofree char *page = write_file (f, "blank.html", blank_pages[i], -1);

        assert_file_error (page, CD_IMPORT_ERROR_EMPTY,
                           ": the file has no text in it, only HTML markup.");
      }
  }
  /* Nesting deeper than the HTML parser reads is said as such, not as a
   * page with no text; nesting it reads still imports. */
  {
    g_autoptr (GString) deep = g_string_new ("<html><body>");
    g_autoptr (GString) fine = g_string_new ("<html><body>");
    g_autofree char *deep_path = NULL;
    g_autofree char *fine_path = NULL;
    g_autoptr (CdArticle) a = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append (deep, "<div>");
    g_string_append (deep, "<p>Deep text</p></body></html>");
    for (guint i = 0; i < 200; i++)
      g_string_append (fine, "<div>");
    g_string_append (fine, "<p>Shallow text</p></body></html>");
    deep_path = write_file (f, "deep.html", deep->str, -1);
    fine_path = write_file (f, "fine.html", fine->str, -1);
    assert_file_error (deep_path, CD_IMPORT_ERROR_INVALID,
                       ": the HTML is nested more than 256 elements deep, deeper than Copydesk "
                       "reads; save the page without the extra nesting and import it again.");
    a = cd_import_file (fine_path, NULL);
    g_assert_nonnull (a);
    g_assert_nonnull (strstr (cd_article_get_body (a), "Shallow text"));
  }
  {
    g_autofree char *titled = write_file (f, "titled.html",
                                          "<html><head><title>Title</title></head></html>", -1);
    g_autofree char *picture = write_file (f, "picture.html", "<p><img src=\"a.jpg\"></p>", -1);
    g_autoptr (CdArticle) a = cd_import_file (titled, NULL);
    g_autoptr (CdArticle) b = cd_import_file (picture, NULL);

    g_assert_cmpstr (cd_article_get_headline (a), ==, "Title");
    g_assert_nonnull (strstr (cd_article_get_body (b), "a.jpg"));
  }
}

static void
test_bad_encoding (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *latin1 = sample_path ("wire-latin1.txt");
  g_autofree char *bad = write_file (f, "bad.md",
                                     "---\nheadline: ok\n---\nline three \xc3\x28 here\n", -1);
  g_autofree char *binary = write_file (f, "photo.md", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  /* UTF-16 that breaks off in a character. */
  g_autofree char *utf16 = write_file (f, "utf16.txt", "\xff\xfeH\0i\0!", 7);

  assert_file_error (latin1, CD_IMPORT_ERROR_INVALID_UTF8,
                     ": line 1 is not valid UTF-8 (byte offset 20); save the file as UTF-8 "
                     "and import it again.");
  assert_file_error (bad, CD_IMPORT_ERROR_INVALID_UTF8,
                     ": line 4 is not valid UTF-8 (byte offset 32); save the file as UTF-8 "
                     "and import it again.");
  assert_file_error (binary, CD_IMPORT_ERROR_BINARY,
                     ": the file holds binary data, not text (a NUL byte at byte offset 8).");
  assert_file_error (utf16, CD_IMPORT_ERROR_INVALID_UTF8,
                     ": the file starts as UTF-16LE text does, but byte offset 6 is not; save the file as "
                     "UTF-8 and import it again.");
}

/* Text in UTF-16 (Windows' Notepad's and Word's "Unicode" text) and
 * UTF-32, with a byte order mark or, for UTF-16, without: read as the
 * same text in UTF-8 is. */
static void
test_utf16 (Fixture      *f,
            gconstpointer data)
{
  static const char story[] = "Flood warning\r\n\r\nPASSAU (dpa) – Der Fluss stieg über die Ufer.\r\n";
  /* clang-format off */
  static const struct { const char *set; const char *mark; gsize mark_size; const char *name; } forms[] = {
    { "UTF-16LE", "\xff\xfe", 2, "le.txt" }, { "UTF-16BE", "\xfe\xff", 2, "be.txt" },
    { "UTF-16LE", "", 0, "unmarked-le.txt" }, { "UTF-16BE", "", 0, "unmarked-be.txt" },
    { "UTF-32LE", "\xff\xfe\0\0", 4, "le32.txt" },
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      gsize            size = 0;
      g_autofree char *encoded = g_convert (story, -1, forms[i].set, "UTF-8", NULL, &size, NULL);
      g_autofree char *bytes = g_malloc (forms[i].mark_size + size);
      g_autofree char *path = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) a = NULL;

      memcpy (bytes, forms[i].mark, forms[i].mark_size);
      memcpy (bytes + forms[i].mark_size, encoded, size);
      path = write_file (f, forms[i].name, bytes, forms[i].mark_size + size);
      a = cd_import_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (a), ==, "Flood warning");
      g_assert_cmpstr (cd_article_get_dateline (a), ==, "PASSAU");
      g_assert_cmpstr (cd_article_get_body (a), ==, "Der Fluss stieg über die Ufer.\n");
    }
}

static void
test_bad_too_large (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.md", NULL);
  g_autofree char *limit = g_build_filename (f->dir, "limit.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = NULL;
  int fd;

  /* A sparse file: the size check must refuse it before reading 21 MiB. */
  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 21 * 1024 * 1024), ==, 0);
  close (fd);
  assert_file_error (path, CD_IMPORT_ERROR_TOO_LARGE,
                     ": the file is 21.0\xc2\xa0MiB (22020096 bytes), "
                     "more than the 20.0\xc2\xa0MiB (20971520 bytes) an article may be.");

  /* One byte over says so, though both round to 20.0 MiB. */
  fd = g_open (path, O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (ftruncate (fd, CD_IMPORT_MAX_SIZE + 1), ==, 0);
  close (fd);
  assert_file_error (path, CD_IMPORT_ERROR_TOO_LARGE,
                     ": the file is 20.0\xc2\xa0MiB (20971521 bytes), "
                     "more than the 20.0\xc2\xa0MiB (20971520 bytes) an article may be.");

  /* Exactly at the limit is allowed in; it then fails only as binary. */
  fd = g_open (limit, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (ftruncate (fd, CD_IMPORT_MAX_SIZE), ==, 0);
  close (fd);
  a = cd_import_file (limit, &error);
  g_assert_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_BINARY);

  /* A Word document, an OpenDocument or an email carries its pictures: a
   * few photos are more than 20 MiB, and it may be up to 100 MiB. */
  {
    g_autofree char *docx = g_build_filename (f->dir, "photos.docx", NULL);
    g_autofree char *eml = g_build_filename (f->dir, "photos.eml", NULL);
    g_autoptr (GError) local = NULL;
    g_autoptr (CdArticle) b = NULL;

    fd = g_open (docx, O_WRONLY | O_CREAT, 0600);
    g_assert_cmpint (ftruncate (fd, 21 * 1024 * 1024), ==, 0);
    close (fd);
    b = cd_import_file (docx, &local);
    g_assert_error (local, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID);
    fd = g_open (eml, O_WRONLY | O_CREAT, 0600);
    g_assert_cmpint (ftruncate (fd, CD_IMPORT_MAX_PACKAGE_SIZE + 1), ==, 0);
    close (fd);
    assert_file_error (eml, CD_IMPORT_ERROR_TOO_LARGE,
                       ": the file is 100.0\xc2\xa0MiB (104857601 bytes), more than the 100.0\xc2\xa0MiB "
                       "(104857600 bytes) a file with its pictures may be.");
  }
}

static void
test_bad_type (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *pages = write_file (f, "story.pages", "text", -1);
  g_autofree char *none = write_file (f, "README", "text", -1);

  assert_file_error (pages, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                     ": “.pages” files cannot be imported; "
                     "use .md, .markdown, .txt, .html, .htm, .xml, .nitf, .rss, .atom, .json, .eml, .msg, .mbox, .docx, .doc, .odt or .rtf.");
  assert_file_error (none, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                     ": the name has no extension to tell its format; use .md, .markdown, .txt, "
                     ".html, .htm, .xml, .nitf, .rss, .atom, .json, .eml, .msg, .mbox, .docx, .doc, .odt or .rtf.");
}

/* Feeds as they are sent: AP's ANPA heading with its selector codes set
 * off by separators and device controls, its keyword line with spaces and
 * word count, and its picture numbers; dpa's IPTC 7901 in Windows-1252
 * with its labels above the headline and its notebook for editors under
 * the story. A message not in UTF-8 is read in
 * the Western set feeds send, and the note says so; plain text that is
 * not UTF-8 is still refused (/import/bad/encoding). */
static void
test_wire_feed_forms (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (CdArticle) ap = import_sample ("wire-anpa-selector.tst");
  g_autoptr (CdArticle) dpa = import_sample ("wire-iptc7901-latin1.nws");
  g_autofree char *latin1 = write_file (f, "0815", "\x01head\r\n\x02Kiel\x81\r\n\r\nKiel (dpa) - "
                                                   "Stra\xdf"
                                                   "en nass.\r\n\r\ndpa xy lno\r\n\x03\x04",
                                        -1);
  g_autoptr (CdArticle) kiel = cd_import_file (latin1, NULL);
  g_autofree char *stray = write_file (f, "0816", "\x01head\r\n\x02K\xc3\xb6ln\r\n\xa0\r\n\x03\x04", -1);

  g_assert_cmpstr (cd_article_get_headline (ap), ==, "Fire guts warehouses at Hamburg harbour");
  g_assert_cmpstr (cd_article_get_byline (ap), ==, "ANNA BERG, Associated Press");
  g_assert_cmpstr (cd_article_get_dateline (ap), ==, "HAMBURG, Germany");
  g_assert_cmpstr (cd_article_get_source (ap), ==, "AP");
  g_assert_null (cd_article_get_dek (ap));
  /* The editor's note is for the readers: it opens the story. */
  g_assert_cmpstr (cd_article_get_body (ap), ==,
                   "EDITOR'S NOTE \u2014 This story is part of an AP series on ports.\n\n"
                   "A fire tore through two warehouses at Hamburg's harbour overnight, lighting "
                   "up the sky over the Elbe.\n\n"
                   "\u201cIt was like daylight,\u201d said a neighbour.\n\n"
                   "Police said on Saturday that no one was hurt.\n");
  g_assert_cmpstr (cd_article_get_ednote (ap), ==,
                   "w1234 asian \u2014 r i  BC-EU--HarbourFire 1stLd-Writethru   12-05 0412 "
                   "\u2014 BC-EU--Harbour Fire, 1st Ld-Writethru,412 \u2014 AP Photo HAM101, "
                   "HAM102 \u2014 Eds: Updates with police statement. With AP Photos. \u2014 "
                   "AP-WF-12-05-26 0412GMT");

  g_assert_cmpstr (cd_article_get_headline (dpa), ==, "Floods close Passau's old town");
  g_assert_cmpstr (cd_article_get_byline (dpa), ==, "dpa correspondents");
  g_assert_cmpstr (cd_article_get_dateline (dpa), ==, "Passau");
  g_assert_cmpstr (cd_article_get_body (dpa), ==,
                   "The Danube rose to 12.8 metres on Saturday, and Mayor J\u00fcrgen Dupper "
                   "closed the old town.\n\n"
                   "\u201cWe are ready,\u201d Dupper said of the\u00a0army's help.\n");
  g_assert_cmpstr (cd_article_get_ednote (dpa), ==,
                   "eca0042 3 i 312  dpa 0042 \u2014 Germany/floods/ \u2014 REFILE \u2014 "
                   "1ST LEAD \u2014 Notebook \u2014 Note to editors \u2014 adds mayor's quote in "
                   "graf 2 \u2014 The following information is not intended for publication "
                   "\u2014 Editorial contacts \u2014 Reporting by: Anna Berg in Passau \u2014 "
                   "dpa ab cd \u2014 121530 GMT Dec 26 \u2014 The message is not in UTF-8; it "
                   "was read as Windows-1252 (Western European).");

  /* A byte Windows-1252 leaves undefined: the control character Latin-1
   * has there. dpa's sign-off under the story goes to the note. */
  g_assert_nonnull (kiel);
  g_assert_cmpstr (cd_article_get_headline (kiel), ==, "Kiel\xc2\x81");
  g_assert_cmpstr (cd_article_get_body (kiel), ==, "Stra\u00dfen nass.\n");
  g_assert_cmpstr (cd_article_get_ednote (kiel), ==,
                   "head \u2014 dpa xy lno \u2014 The message is not in UTF-8; it was read as "
                   "Windows-1252 (Western European).");
  /* UTF-8 with one stray byte is no 8-bit text: refused, not garbled. */
  assert_file_error (stray, CD_IMPORT_ERROR_INVALID_UTF8,
                     ": line 3 is not valid UTF-8 (byte offset 15); save the file as UTF-8 and "
                     "import it again.");
}

/* AP's agate as its ANPA messages carry it: each "^" head a line of
 * its own, the tables (rows after the tab line indicator, cells parted by
 * separators or by semicolons) GFM tables with AP's codes for a dash and
 * a half read, the rule ended with "=" a rule, results under their head a
 * line each, and "By The Associated Press" among the heads the byline.
 * A summary line above such a byline is the standfirst, and AP's numbered
 * heads over their paragraphs stay apart from them. */
static void
test_wire_agate (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (CdArticle) glance = import_sample ("wire-anpa-agate.tst");
  g_autofree char *things_path = write_file (
      f, "things.tst",
      "\x16\x16\x01w0042\x1f-----\r\nr a\x13\x11 BC-5Things     03-14 0120\r\n"
      "\x02^BC-5 Things-Today,120<\r\n"
      "^5 Things to Know for Today<\r\n"
      "^Among 5 Things to Know: Storm closes ports along the coast; council votes on the "
      "budget; trains run again after the strike<\r\n"
      "^By The Associated Press=\r\n"
      "\t   Your daily look at the news:\r\n \r\n"
      "\t   1. STORM CLOSES PORTS \r\n"
      "\t   Ports from Kiel to Rostock stayed shut on Saturday as the storm moved east along "
      "the coast and crews waited for the wind to drop before they went out again. \r\n"
      "\r\n\t   \x03"
      "AP-WF-03-14-26 0700GMT<\r\n\x04",
      -1);
  g_autoptr (CdArticle) things = cd_import_file (things_path, NULL);
  g_autofree char *plain_path = write_file (
      f, "weather.txt",
      "World weather\n\nNEW YORK (AP) _ Temperatures as of 0700 GMT:\n\n"
      "\t;MIN;MAX;COND\n\tOslo;28;35;sn\n\tRome;50;61;rn\n\n"
      "Wrapped text; with semicolons; in it; stays text.\n",
      -1);
  g_autoptr (CdArticle) weather = cd_import_file (plain_path, NULL);
  g_autofree char *heads_path = write_file (
      f, "heads.tst",
      "\x16\x16\x01V0042\x1f-----\r\nr e\x13\x11 AP-Top-Headlines     03-14 0120\r\n"
      "\x02^*9006< ^AP-Top-Headlines,0120<\r\n"
      "^AP Top News at 9:00 a.m. CET<\r\n"
      "^Storm closes ports along the coast\r\n"
      "^Council votes on the budget\r\n"
      "\r\n\t   \x03"
      "AP-WF-03-14-26 0800GMT<\r\n\x04",
      -1);
  g_autoptr (CdArticle) heads = cd_import_file (heads_path, NULL);
  g_autofree char *slug_path = write_file (
      f, "slug.tst",
      "\x16\x16\x01W0042\x1f-----\r\nu i\x13\x11 BC-WEA--NorthSeaWaves  03-14 0120\r\n"
      "\x02^BC-WEA--North Sea Waves,<\r\n"
      "\t   HAMBURG (AP) _ Wave heights in metres:\r\n"
      "\r\n\t   \x03"
      "AP-WF-03-14-26 0800GMT<\r\n\x04",
      -1);
  g_autoptr (CdArticle) slug = cd_import_file (slug_path, NULL);

  g_assert_cmpstr (cd_article_get_headline (glance), ==, "League Glance");
  g_assert_cmpstr (cd_article_get_byline (glance), ==, "The Associated Press");
  g_assert_cmpstr (cd_article_get_body (glance), ==,
                   "All Times CET\n\nNORTHERN CONFERENCE\n\n"
                   "|  | W | L | Pct | GB |\n| --- | ---: | ---: | ---: | ---: |\n"
                   "| Lake Placid | 41 | 12 | .774 | \u2014 |\n"
                   "| Oslo | 38 | 16 | .704 | 3\u00bd |\n"
                   "| Turku | 30 | 22 | .577 | 10\u00bd |\n\n"
                   "---\n\nSOUTHERN CONFERENCE\n\n"
                   "|  | W | L | Pct | GB |\n| --- | ---: | ---: | ---: | ---: |\n"
                   "| Graz | 35 | 18 | .660 | \u2014 |\n"
                   "| Bolzano City | 33 | 20 | .623 | 2 |\n\n"
                   "Saturday's Games\n\nOslo 4, Turku 2\n\nGraz 3, Lake Placid 2, OT\n");

  g_assert_nonnull (things);
  g_assert_cmpstr (cd_article_get_headline (things), ==, "5 Things to Know for Today");
  g_assert_cmpstr (cd_article_get_dek (things), ==,
                   "Among 5 Things to Know: Storm closes ports along the coast; council votes "
                   "on the budget; trains run again after the strike");
  g_assert_cmpstr (cd_article_get_byline (things), ==, "The Associated Press");
  g_assert_cmpstr (cd_article_get_body (things), ==,
                   "Your daily look at the news:\n\n1\\. STORM CLOSES PORTS\n\n"
                   "Ports from Kiel to Rostock stayed shut on Saturday as the storm moved east "
                   "along the coast and crews waited for the wind to drop before they went out "
                   "again.\n");

  /* Two heads on one line, the first a code; AP's list of headlines a
   * line each. */
  g_assert_nonnull (heads);
  g_assert_cmpstr (cd_article_get_headline (heads), ==, "AP Top News at 9:00 a.m. CET");
  g_assert_cmpstr (cd_article_get_body (heads), ==,
                   "Storm closes ports along the coast\n\nCouncil votes on the budget\n");
  g_assert_cmpstr (cd_article_get_ednote (heads), ==,
                   "V0042 ----- \u2014 r e  AP-Top-Headlines     03-14 0120 \u2014 *9006 "
                   "\u2014 AP-Top-Headlines,0120 \u2014 AP-WF-03-14-26 0800GMT");
  /* Only AP's keyword line above the dateline: its words are the
   * headline, the line stays in the note. */
  g_assert_nonnull (slug);
  g_assert_cmpstr (cd_article_get_headline (slug), ==, "North Sea Waves");
  g_assert_cmpstr (cd_article_get_dateline (slug), ==, "HAMBURG");
  g_assert_cmpstr (cd_article_get_ednote (slug), ==,
                   "W0042 ----- \u2014 u i  BC-WEA--NorthSeaWaves  03-14 0120 \u2014 "
                   "BC-WEA--North Sea Waves, \u2014 AP-WF-03-14-26 0800GMT");

  /* Rows a line each, as AP sends its weather tables; a line with fewer
   * semicolons is text. */
  g_assert_nonnull (weather);
  g_assert_cmpstr (cd_article_get_body (weather), ==,
                   "Temperatures as of 0700 GMT:\n\n"
                   "|  | MIN | MAX | COND |\n| --- | ---: | ---: | --- |\n"
                   "| Oslo | 28 | 35 | sn |\n| Rome | 50 | 61 | rn |\n\n"
                   "Wrapped text; with semicolons; in it; stays text.\n");
}

/* Agency XML in the character set its declaration names is read in it;
 * a set that cannot be read, or bytes that are not of it, are one
 * sentence each. XML that says it is UTF-8 and is not is refused as
 * before. */
static void
test_xml_declared_charset (Fixture      *f,
                           gconstpointer data)
{
  g_autofree char *latin1 = write_file (
      f, "pa.xml",
      "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<nitf><body><body.head>"
      "<hedline><hl1>Brexit to cost \xa3"
      "66bn</hl1></hedline></body.head><body.content>"
      "<p>LONDON (PA) - Treasury coffers will take a \xa3"
      "66 billion hit, caf\xe9"
      " owners "
      "heard.</p></body.content></body></nitf>\n",
      -1);
  g_autofree char *unknown = write_file (
      f, "odd.xml", "<?xml version='1.0' encoding='x-no-such-set'?><nitf>\xe9</nitf>", -1);
  g_autofree char *not_of_it = write_file (
      f, "cp.xml", "<?xml version='1.0' encoding='ISO-8859-3'?>\n<nitf>ok \xa5</nitf>", -1);
  g_autofree char *utf8 = write_file (
      f, "u.xml", "<?xml version='1.0' encoding='UTF-8'?>\n<nitf>\xe9</nitf>", -1);
  /* Latin-1 that is Windows-1252, as often: its quotation marks. */
  g_autofree char *marks = write_file (
      f, "m.xml",
      "<?xml version='1.0' encoding='ISO-8859-1'?><nitf><body><body.content><p>\x93Yes,\x94 "
      "she said \x96 for \x80"
      "5.</p></body.content></body></nitf>",
      -1);
  g_autoptr (CdArticle) m = cd_import_file (marks, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) a = cd_import_file (latin1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (a), ==, "Brexit to cost \u00a366bn");
  g_assert_cmpstr (cd_article_get_dateline (a), ==, "LONDON");
  g_assert_cmpstr (cd_article_get_body (a), ==,
                   "Treasury coffers will take a \u00a366 billion hit, caf\u00e9 owners heard.\n");
  g_assert_null (cd_article_get_ednote (a));
  g_assert_cmpstr (cd_article_get_body (m), ==, "\u201cYes,\u201d she said \u2013 for \u20ac5.\n");
  assert_file_error (unknown, CD_IMPORT_ERROR_INVALID_UTF8,
                     ": the file says its text is in \u201cx-no-such-set\u201d, a character set "
                     "Copydesk cannot read; save the file as UTF-8 and import it again.");
  assert_file_error (not_of_it, CD_IMPORT_ERROR_INVALID_UTF8,
                     ": the file says its text is in \u201cISO-8859-3\u201d, but byte offset 53 "
                     "is not; save the file as UTF-8 and import it again.");
  assert_file_error (utf8, CD_IMPORT_ERROR_INVALID_UTF8,
                     ": line 2 is not valid UTF-8 (byte offset 45); save the file as UTF-8 and "
                     "import it again.");
}

/* A file whose name tells no format (a feed's files are often named by
 * their item's id) is read by its first characters: markup is agency XML
 * or, opening as an HTML document does, HTML; an object is ninjs; other
 * text is still refused by its name (/import/bad/type). */
static void
test_format_by_content (Fixture      *f,
                        gconstpointer data)
{
  g_autofree char *g2 = write_file (
      f, "tag_example.com,2026_newsml_KBN1_2",
      "\xef\xbb\xbf\n  <newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><contentMeta>"
      "<headline>Talks resume</headline></contentMeta><contentSet><inlineXML><html "
      "xmlns='http://www.w3.org/1999/xhtml'><body><p>They met.</p></body></html></inlineXML>"
      "</contentSet></newsItem>",
      -1);
  g_autofree char *ninjs = write_file (
      f, "item.dat", "{\"uri\": \"urn:x\", \"headline\": \"Rain\", \"body_text\": \"It rained.\"}",
      -1);
  g_autofree char *page = write_file (
      f, "story.php", "<!DOCTYPE html><html><head><title>Sun</title></head>"
                      "<body><p>It shone.</p></body></html>",
      -1);
  g_autofree char *feed = write_file (
      f, "feed.atom", "<feed xmlns='http://www.w3.org/2005/Atom'><title>x</title></feed>", -1);
  g_autofree char *drawing = write_file (
      f, "drawing.xml", "<svg xmlns='http://www.w3.org/2000/svg'><title>x</title></svg>", -1);
  /* A page saved by a browser, or XHTML: HTML. */
  g_autofree char *saved = write_file (
      f, "saved", "<!-- saved from url=(0024)https://example.org/ -->\n<html><body><p>Saved.</p>"
                  "</body></html>",
      -1);
  g_autofree char *xhtml = write_file (
      f, "page", "<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><body><p>"
                 "Strict.</p></body></html>",
      -1);
  /* A brace that opens no JSON object: refused by the name. */
  g_autofree char *brace = write_file (f, "story.cfg", "{ not json }", -1);
  /* Rich Text Format by its first bytes, whatever the name. */
  g_autofree char *rtf = write_file (f, "story.wri", "{\\rtf1\\ansi Hello}", -1);
  g_autoptr (CdArticle) r = cd_import_file (rtf, NULL);
  g_autoptr (CdArticle) d = cd_import_file (saved, NULL);
  g_autoptr (CdArticle) e = cd_import_file (xhtml, NULL);
  g_autoptr (CdArticle) a = cd_import_file (g2, NULL);
  g_autoptr (CdArticle) b = cd_import_file (ninjs, NULL);
  g_autoptr (CdArticle) c = cd_import_file (page, NULL);

  g_assert_cmpstr (cd_article_get_headline (a), ==, "Talks resume");
  g_assert_cmpstr (cd_article_get_body (a), ==, "They met.\n");
  g_assert_cmpstr (cd_article_get_headline (b), ==, "Rain");
  g_assert_cmpstr (cd_article_get_body (b), ==, "It rained.\n");
  g_assert_cmpstr (cd_article_get_headline (c), ==, "Sun");
  g_assert_cmpstr (cd_article_get_body (c), ==, "It shone.\n");
  g_assert_cmpstr (cd_article_get_body (d), ==, "Saved.\n");
  g_assert_cmpstr (cd_article_get_body (e), ==, "Strict.\n");
  g_assert_cmpstr (cd_article_get_headline (r), ==, "Hello");
  assert_file_error (brace, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                     ": \u201c.cfg\u201d files cannot be imported; use .md, .markdown, .txt, "
                     ".html, .htm, .xml, .nitf, .rss, .atom, .json, .eml, .msg, .mbox, .docx, .doc, .odt or .rtf.");
  /* Markup of another kind: the agency XML reader's own sentence. */
  assert_file_error (drawing, CD_IMPORT_ERROR_INVALID,
                     ": the XML is neither NITF nor a NewsML news item (its root element is "
                     "<svg>).");
  /* A feed with no entries. */
  assert_file_error (feed, CD_IMPORT_ERROR_EMPTY, ": the feed holds no entries.");
}

static void
test_format_for_path (void)
{
  g_assert_cmpint (cd_import_format_for_path ("a/story.MD"), ==, CD_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpint (cd_import_format_for_path ("x.markdown"), ==, CD_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpint (cd_import_format_for_path ("wire.txt"), ==, CD_IMPORT_FORMAT_WIRE);
  g_assert_cmpint (cd_import_format_for_path ("page.htm"), ==, CD_IMPORT_FORMAT_HTML);
  g_assert_cmpint (cd_import_format_for_path ("page.html"), ==, CD_IMPORT_FORMAT_HTML);
  g_assert_cmpint (cd_import_format_for_path ("page.xhtml"), ==, CD_IMPORT_FORMAT_HTML);
  g_assert_cmpint (cd_import_format_for_path ("item.XML"), ==, CD_IMPORT_FORMAT_XML);
  g_assert_cmpint (cd_import_format_for_path ("story.nitf"), ==, CD_IMPORT_FORMAT_XML);
  g_assert_cmpint (cd_import_format_for_path ("item.json"), ==, CD_IMPORT_FORMAT_NINJS);
  g_assert_cmpint (cd_import_format_for_path (".md"), ==, CD_IMPORT_FORMAT_AUTO);
  g_assert_cmpint (cd_import_format_for_path ("notes.doc"), ==, CD_IMPORT_FORMAT_DOC);
  g_assert_cmpint (cd_import_format_for_path ("notes.pages"), ==, CD_IMPORT_FORMAT_AUTO);
  g_assert_cmpint (cd_import_format_for_path ("dir.md/file"), ==, CD_IMPORT_FORMAT_AUTO);
}

/* Inputs the fuzzers found problems with must import or fail cleanly. */
static void
test_fuzz_regressions (void)
{
  /* clang-format off */
  static const struct { const char *dir; CdImportFormat format; } targets[] = {
    { "markdown", CD_IMPORT_FORMAT_MARKDOWN },
    { "frontmatter", CD_IMPORT_FORMAT_MARKDOWN },
    { "wire", CD_IMPORT_FORMAT_WIRE },
    { "html", CD_IMPORT_FORMAT_HTML },
    { "ninjs", CD_IMPORT_FORMAT_NINJS },
    { "xml", CD_IMPORT_FORMAT_XML },
    { "email", CD_IMPORT_FORMAT_EMAIL },
    { "document", CD_IMPORT_FORMAT_AUTO },
    { "rtf", CD_IMPORT_FORMAT_RTF },
  };
  /* clang-format on */
  guint count = 0;

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions",
                                                     targets[t].dir, NULL);
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *data = NULL;
          g_autoptr (GError) error = NULL;
          g_autoptr (CdArticle) a = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (file, &data, &length, NULL));
          a = cd_import_data (data, length, targets[t].format, name, &error);
          g_assert_true ((a == NULL) != (error == NULL));
          if (error != NULL)
            {
              g_assert_true (g_str_has_prefix (error->message, name));
              g_assert_true (g_utf8_validate (error->message, -1, NULL));
            }
          else
            {
              /* What the fuzzers check: export and import give it back. */
              g_autofree char *markdown = cd_export_markdown (a);
              g_autoptr (CdArticle) again = cd_import_data (markdown, strlen (markdown),
                                                            CD_IMPORT_FORMAT_MARKDOWN,
                                                            "again.md", &error);
              g_assert_no_error (error);
              g_assert_true (cd_article_equal (a, again));
            }
          count++;
        }
    }
  g_test_message ("%u regression inputs replayed", count);
}

/* Wire copy as a feed sends it, in its envelope of control characters:
 * AP's ANPA 1312 with its heading codes, tab-indented paragraphs and
 * typewriter quotes, and dpa's IPTC 7901; read whatever the file is
 * called. */
static void
test_wire_envelope (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (CdArticle) ap = import_sample ("wire-anpa");
  g_autoptr (CdArticle) dpa = import_sample ("wire-iptc7901.nws");
  g_autofree char *two = NULL, *blank = NULL, *old = NULL;
  g_autoptr (CdArticle) typed = NULL;

  g_assert_cmpstr (cd_article_get_headline (ap), ==, "River rises in Passau");
  g_assert_cmpstr (cd_article_get_byline (ap), ==, "ANNA BERG, Associated Press");
  g_assert_cmpstr (cd_article_get_dateline (ap), ==, "PASSAU, Germany");
  g_assert_cmpstr (cd_article_get_source (ap), ==, "AP");
  g_assert_cmpstr (cd_article_get_body (ap), ==,
                   "The Danube rose to 9.4 meters on Saturday, flooding the old town for the "
                   "second time in a decade.\n\n"
                   "\u201cWe have never seen it this fast,\u201d said Mayor J\u00fcrgen Dupper \u2014 "
                   "and asked people to stay away.\n\n"
                   "Sandbags were stacked along the Inn.\n");
  g_assert_cmpstr (cd_article_get_ednote (ap), ==,
                   "a0456 4 u i BC-Germany-Flood 12-05 0312 \u2014 BC-Germany-Flood,0312 \u2014 "
                   "AP-NY-12-05-26 0312EST");

  g_assert_cmpstr (cd_article_get_headline (dpa), ==,
                   "Hochwasser in Passau: Donau erreicht Rekordstand");
  g_assert_cmpstr (cd_article_get_dateline (dpa), ==, "Passau");
  g_assert_cmpstr (cd_article_get_source (dpa), ==, "dpa");
  g_assert_cmpstr (cd_article_get_body (dpa), ==,
                   "Die Donau hat in Passau einen Rekordstand von 12,80 Metern erreicht. Mehr als "
                   "2000 Menschen mussten ihre Wohnungen verlassen.\n\n"
                   "Rund 300 Soldaten unterst\u00fctzen die Einsatzkr\u00e4fte.\n");
  g_assert_cmpstr (cd_article_get_ednote (dpa), ==,
                   "dpa 0345 4 vm 312 dpa 0345 \u2014 Unwetter/Bayern/ \u2014 051203 Dez 26");

  /* Two messages in one file, as a wire capture writes them: an article
   * each; a message with no text: one sentence, and no article. */
  two = write_file (f, "two-messages", "\x01h1\r\n\x02Rain in Kiel\r\n\r\nIt rained.\r\n\x03\x04"
                                       "\x01h2\r\n\x02Sun in Kiel\r\n\r\nThe sun shone.\r\n\x03\x04",
                    -1);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) both = cd_import_file_all (two, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (both->len, ==, 2);
    g_assert_cmpstr (cd_article_get_headline (g_ptr_array_index (both, 0)), ==, "Rain in Kiel");
    g_assert_cmpstr (cd_article_get_body (g_ptr_array_index (both, 0)), ==, "It rained.\n");
    g_assert_cmpstr (cd_article_get_headline (g_ptr_array_index (both, 1)), ==, "Sun in Kiel");
    g_assert_cmpstr (cd_article_get_body (g_ptr_array_index (both, 1)), ==, "The sun shone.\n");
  }
  /* A story in two takes, each in its envelope (PTI's: "MORE" after the
   * first take's last sentence, its sign-off and stamp; the second
   * opening with the desk's code and the slug with the take's number, and
   * signed off with the initials again on a line of their own): one
   * story; the message after it, which goes on from nothing, a story of
   * its own. */
  {
    g_autofree char *takes = write_file (
        f, "takes.txt",
        "\x01ZCZC\nPTI0317 3 NAT 412 NA\n\x02"
        "DEL45\nIMD-MONSOON\nIMD forecasts above normal monsoon\n"
        "     New Delhi, Apr 15 (PTI) The India Meteorological Department on Thursday forecast an above normal "
        "monsoon for 2027, at 105 per cent of the long-period average.\n"
        "     The monsoon is crucial for kharif crops. MORE\nPTI ABC RT\n04151245\n\x03NNNN\n"
        "\x01ZCZC\nPTI0321 3 NAT 236 NA\n\x02"
        "DEL47\nIMD-MONSOON 2 LAST\n"
        "     The IMD will issue an updated forecast in May.\n"
        "     The agriculture minister welcomed the forecast. PTI ABC RT\nRT\n04151301\n\x03NNNN\n"
        "\x01ZCZC\nPTI0322 3 NAT 120 NA\n\x02"
        "DEL48\nRAIL-FARES\nRailways hold fares\n"
        "     New Delhi, Apr 15 (PTI) The railways will not raise fares this year, the minister said on Thursday.\n"
        "     The decision covers all classes. PTI DEF GH\n04151310\n\x03NNNN\n\x04",
        -1);
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) stories = cd_import_file_all (takes, NULL, &error);
    CdArticle *monsoon;

    g_assert_no_error (error);
    g_assert_cmpuint (stories->len, ==, 2);
    monsoon = g_ptr_array_index (stories, 0);
    g_assert_cmpstr (cd_article_get_headline (monsoon), ==, "IMD forecasts above normal monsoon");
    g_assert_cmpstr (cd_article_get_dateline (monsoon), ==, "New Delhi");
    g_assert_cmpstr (cd_article_get_body (monsoon), ==,
                     "The India Meteorological Department on Thursday forecast an above normal monsoon for 2027, "
                     "at 105 per cent of the long-period average.\n\n"
                     "The monsoon is crucial for kharif crops.\n\n"
                     "The IMD will issue an updated forecast in May.\n\n"
                     "The agriculture minister welcomed the forecast.\n");
    g_assert_nonnull (cd_article_get_ednote (monsoon));
    g_assert_nonnull (strstr (cd_article_get_ednote (monsoon), "PTI0321 3 NAT 236 NA"));
    g_assert_nonnull (strstr (cd_article_get_ednote (monsoon), "PTI ABC RT"));
    /* EFE's: "(sigue)" under the first take, "(2 y último)" after the
     * slug in capitals over the second. */
    {
      g_autofree char *efe_path = write_file (
          f, "efe-takes.txt",
          "\x01ZCZC\nEFE0412 3 ecx 0398\n\x02\nARGENTINA ECONOMÍA\nArgentina cierra 2026 con un superávit récord\n"
          "Buenos Aires, 20 ene (EFE).- Argentina registró en 2026 un superávit comercial récord de 21.000 millones de dólares.\n"
          "(sigue)\n\x03\nNNNN\n\x01ZCZC\nEFE0413 3 ecx 0210\n\x02\nARGENTINA ECONOMÍA (2 y último)\n"
          "Brasil se mantuvo como el principal socio comercial de Argentina.\nEFE\nhd/mgs\n\x03\nNNNN\n\x04",
          -1);
      g_autoptr (GPtrArray) efe = cd_import_file_all (efe_path, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (efe->len, ==, 1);
      g_assert_cmpstr (cd_article_get_body (g_ptr_array_index (efe, 0)), ==,
                       "Argentina registró en 2026 un superávit comercial récord de 21.000 millones de dólares.\n\n"
                       "Brasil se mantuvo como el principal socio comercial de Argentina.\n");
    }
    g_assert_cmpstr (cd_article_get_headline (g_ptr_array_index (stories, 1)), ==, "Railways hold fares");
    g_assert_cmpstr (cd_article_get_body (g_ptr_array_index (stories, 1)), ==,
                     "The railways will not raise fares this year, the minister said on Thursday.\n\n"
                     "The decision covers all classes.\n");
  }
  blank = write_file (f, "blank.txt", "\x01h1\r\n\x02 \r\n\t\r\n\x03\x04", -1);
  assert_file_error (blank, CD_IMPORT_ERROR_EMPTY,
                     ": the wire message has no text between its start and end of text.");

  /* Lines ended by CR alone; the second message of a file whose first
   * has no EOT; a capture cut short before its ETX. */
  {
    g_autofree char *sample = sample_path ("wire-anpa");
    g_autofree char *anpa = NULL;
    g_autoptr (GString) cr = NULL;
    g_autofree char *cr_path = NULL, *no_eot = NULL, *cut = NULL;
    g_autoptr (CdArticle) from_cr = NULL;
    g_autoptr (CdArticle) from_cut = NULL;

    g_assert_true (g_file_get_contents (sample, &anpa, NULL, NULL));
    cr = g_string_new (anpa);
    g_string_replace (cr, "\r\n", "\r", 0);
    cr_path = write_file (f, "cr-only", cr->str, -1);
    from_cr = cd_import_file (cr_path, NULL);
    g_assert_cmpstr (cd_article_get_headline (from_cr), ==, "River rises in Passau");
    g_assert_cmpstr (cd_article_get_body (from_cr), ==, cd_article_get_body (ap));
    no_eot = write_file (f, "no-eot", "\x01h1\r\n\x02Rain in Kiel\r\n\r\nIt rained.\r\n\x03"
                                      "\x01h2\r\n\x02Sun in Kiel\r\n\x03\x04",
                         -1);
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) both = cd_import_file_all (no_eot, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (both->len, ==, 2);
      g_assert_cmpstr (cd_article_get_body (g_ptr_array_index (both, 0)), ==, "It rained.\n");
      g_assert_cmpstr (cd_article_get_headline (g_ptr_array_index (both, 1)), ==, "Sun in Kiel");
    }
    cut = write_file (f, "cut", "\x16\x01"
                                "a0456 4 u i BC-Rain\r\n\x02^Rain in Kiel<\r\n\tKIEL, Germany "
                                "(AP) _ It rained all d",
                      -1);
    from_cut = cd_import_file (cut, NULL);
    g_assert_cmpstr (cd_article_get_headline (from_cut), ==, "Rain in Kiel");
    g_assert_cmpstr (cd_article_get_body (from_cut), ==, "It rained all d\n");
  }
  /* Control characters that are no envelope: a file of another kind
   * keeps its refusal by name. */
  {
    g_autofree char *doc = write_file (f, "notes.wpd", "plain notes\x02 and \x03 ok\n", -1);
    g_autofree char *gz = write_file (f, "readme.gz", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03"
                                                      "x",
                                      11);

    assert_file_error (doc, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                       ": “.wpd” files cannot be imported; use .md, .markdown, .txt, .html, .htm, "
                       ".xml, .nitf, .rss, .atom, .json, .eml, .msg, .mbox, .docx, .doc, .odt or .rtf.");
    assert_file_error (gz, CD_IMPORT_ERROR_UNKNOWN_TYPE,
                       ": “.gz” files cannot be imported; use .md, .markdown, .txt, .html, .htm, "
                       ".xml, .nitf, .rss, .atom, .json, .eml, .msg, .mbox, .docx, .doc, .odt or .rtf.");
  }
  /* Control characters and nothing else. */
  {
    g_autofree char *controls = write_file (f, "controls.txt", "\x16\x16\x01\r\n\x04", -1);

    assert_file_error (controls, CD_IMPORT_ERROR_EMPTY,
                       ": the file has no text in it, only control characters.");
  }
  /* A headline and a sign-off, nothing else. */
  {
    g_autofree char *bare = write_file (f, "bare.txt", "Rain in Kiel\n\nab/xx\n", -1);
    g_autoptr (CdArticle) from_bare = cd_import_file (bare, NULL);

    g_assert_cmpstr (cd_article_get_headline (from_bare), ==, "Rain in Kiel");
    g_assert_cmpstr (cd_article_get_ednote (from_bare), ==, "ab/xx");
  }
  /* The typewriter forms of old agency copy outside an envelope too. */
  old = write_file (f, "old.txt", "Rain in Kiel\n\nKIEL, Germany (AP) _ ``It rained,'' he said _ "
                                  "all day.\n",
                    -1);
  typed = cd_import_file (old, NULL);
  g_assert_cmpstr (cd_article_get_body (typed), ==,
                   "\u201cIt rained,\u201d he said \u2014 all day.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/markdown/every-field", test_markdown_every_field);
  g_test_add_func ("/import/markdown/tags-string", test_markdown_tags_string);
  g_test_add_func ("/import/markdown/heading-headline", test_markdown_heading_headline);
  g_test_add_func ("/import/markdown/other-tools", test_markdown_other_tools);
  g_test_add_func ("/import/markdown/crlf-bom", test_markdown_crlf_and_bom);
  g_test_add_func ("/import/markdown/bad-front-matter", test_markdown_bad_front_matter);
  g_test_add_func ("/import/markdown/deep-nesting", test_markdown_deep_nesting);
  g_test_add_func ("/import/wire/ap", test_wire_ap);
  g_test_add_func ("/import/wire/reuters", test_wire_reuters);
  g_test_add_func ("/import/wire/dpa", test_wire_dpa);
  g_test_add ("/import/wire/envelope", Fixture, NULL, fixture_setup, test_wire_envelope,
              fixture_teardown);
  g_test_add_func ("/import/wire/plain", test_wire_plain);
  g_test_add_func ("/import/wire/foreign-bylines", test_wire_foreign_bylines);
  g_test_add_func ("/import/wire/labels", test_wire_labels);
  g_test_add_func ("/import/wire/dateline-forms", test_wire_dateline_forms);
  g_test_add_func ("/import/wire/paragraph-forms", test_wire_paragraph_forms);
  g_test_add_func ("/import/xml/nitf", test_xml_nitf);
  g_test_add_func ("/import/xml/wrapped-lines", test_xml_wrapped_lines);
  g_test_add_func ("/import/xml/byline-over-dateline", test_xml_byline_over_dateline);
  g_test_add_func ("/import/xml/given-dateline", test_xml_given_dateline);
  g_test_add_func ("/import/xml/escaped-twice", test_xml_escaped_twice);
  g_test_add_func ("/import/xml/dek-of-lede", test_xml_dek_of_lede);
  g_test_add_func ("/import/xml/headline-topic", test_xml_headline_topic);
  g_test_add_func ("/import/xml/indented-story", test_xml_indented_story);
  g_test_add_func ("/import/xml/newsml-g2", test_xml_newsml_g2);
  g_test_add_func ("/import/xml/newsml-1", test_xml_newsml_1);
  g_test_add_func ("/import/xml/bad", test_xml_bad);
  g_test_add_func ("/import/ninjs/agency", test_ninjs_agency);
  g_test_add_func ("/import/ninjs/linked-text", test_ninjs_linked_text);
  g_test_add_func ("/import/ninjs/located-byline", test_ninjs_located_byline);
  g_test_add_func ("/import/ninjs/own-export", test_ninjs_own_export);
  g_test_add_func ("/import/ninjs/bad", test_ninjs_bad);
  g_test_add_func ("/import/wire/transmission", test_wire_transmission);
  g_test_add_func ("/import/wire/transmission-lookalikes", test_wire_transmission_lookalikes);
  g_test_add_func ("/import/wire/preamble", test_wire_preamble);
  g_test_add_func ("/import/wire/byline-title", test_wire_byline_title);
  g_test_add_func ("/import/wire/agency-byline", test_wire_agency_byline);
  g_test_add_func ("/import/wire/service-heads", test_wire_service_heads);
  g_test_add_func ("/import/wire/contacts", test_wire_contacts);
  g_test_add_func ("/import/wire/end-marks", test_wire_end_marks);
  g_test_add_func ("/import/wire/agency-furniture", test_wire_agency_furniture);
  g_test_add_func ("/import/wire/japanese", test_wire_japanese);
  g_test_add_func ("/import/wire/columns", test_wire_columns);
  g_test_add_func ("/import/wire/agency-furniture-more", test_wire_agency_furniture_more);
  g_test_add_func ("/import/wire/agency-bylines", test_wire_agency_bylines);
  g_test_add_func ("/import/wire/agency-heads", test_wire_agency_heads);
  g_test_add_func ("/import/wire/agency-forms", test_wire_agency_forms);
  g_test_add_func ("/import/wire/agency-mastheads", test_wire_agency_mastheads);
  g_test_add_func ("/import/release-lines", test_release_lines);
  g_test_add_func ("/import/release-letterhead", test_release_letterhead);
  g_test_add_func ("/import/language/guess", test_language_guess);
  g_test_add_func ("/import/language/of-import", test_language_of_import);
  g_test_add_func ("/import/wire/caption", test_wire_caption);
  g_test_add_func ("/import/html/article", test_html_article);
  g_test_add_func ("/import/html/gutenberg", test_html_gutenberg);
  g_test_add_func ("/import/html/word-page", test_html_word_page);
  g_test_add_func ("/import/html/word-page-bold-head", test_html_word_page_bold_head);
  g_test_add_func ("/import/html/news-page", test_html_news_page);
  g_test_add_func ("/import/html/site-page", test_html_site_page);
  g_test_add_func ("/import/html/article-labels", test_html_article_labels);
  g_test_add_func ("/import/html/site-page-parts", test_html_site_page_parts);
  g_test_add_func ("/import/html/page-without-heading", test_html_page_without_heading);
  g_test_add_func ("/import/html/headline-in-story", test_html_headline_in_story);
  g_test_add_func ("/import/html/page-details-list", test_html_page_details_list);
  g_test_add_func ("/import/html/live-blog-frame", test_html_live_blog_frame);
  g_test_add_func ("/import/html/roundup-page", test_html_roundup_page);
  g_test_add_func ("/import/html/print-view", test_html_print_view);
  g_test_add_func ("/import/html/italic-byline", test_html_italic_byline);
  g_test_add_func ("/import/html/site-page-languages", test_html_site_page_languages);
  g_test_add_func ("/import/html/contact-block-lines", test_html_contact_block_lines);
  g_test_add_func ("/import/text/pdf-pages", test_text_pdf_pages);
  g_test_add_func ("/import/html/declared-charset", test_html_declared_charset);
  g_test_add_func ("/import/html/article-element", test_html_article_element);
  g_test_add_func ("/import/html/fragments", test_html_fragments);
  g_test_add_func ("/import/escape/renders-back", test_html_escape_renders_back);
  g_test_add ("/import/bad/missing-directory", Fixture, NULL,
              fixture_setup, test_bad_missing_and_directory, fixture_teardown);
  g_test_add ("/import/bad/empty", Fixture, NULL, fixture_setup, test_bad_empty, fixture_teardown);
  g_test_add ("/import/wire/feed-forms", Fixture, NULL, fixture_setup, test_wire_feed_forms,
              fixture_teardown);
  g_test_add ("/import/wire/agate", Fixture, NULL, fixture_setup, test_wire_agate,
              fixture_teardown);
  g_test_add ("/import/xml/declared-charset", Fixture, NULL, fixture_setup,
              test_xml_declared_charset, fixture_teardown);
  g_test_add ("/import/format-by-content", Fixture, NULL, fixture_setup, test_format_by_content,
              fixture_teardown);
  g_test_add ("/import/bad/encoding", Fixture, NULL,
              fixture_setup, test_bad_encoding, fixture_teardown);
  g_test_add ("/import/utf16", Fixture, NULL, fixture_setup, test_utf16, fixture_teardown);
  g_test_add ("/import/bad/too-large", Fixture, NULL,
              fixture_setup, test_bad_too_large, fixture_teardown);
  g_test_add ("/import/bad/type", Fixture, NULL, fixture_setup, test_bad_type, fixture_teardown);
  g_test_add_func ("/import/format-for-path", test_format_for_path);
  g_test_add_func ("/import/fuzz-regressions", test_fuzz_regressions);

  return g_test_run ();
}
