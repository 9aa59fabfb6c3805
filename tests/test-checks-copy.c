/* test-checks-copy.c: the editorial checks on what real copy brings:
 * shortcodes as the wire escapes them, site boilerplate, two-word names with
 * a changed capital, names written twice two ways, British spelling in copy
 * tagged only "en", nested quotes, placeholders in every field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-check.h"
#include "test-checks-util.h"

/* An article tagged only "en" whose spelling is British is checked with the
 * British dictionary; one tagged en-US keeps the American one, and an
 * American story with one British slip still has it reported. */
static void
test_spelling_british (Fixture      *fixture,
                       gconstpointer data)
{
  const char *british = "The defence ministry said offences by the organisation were "
                        "rising, and officials travelling abroad had been warned.";
  g_autoptr (CdArticle) article = make_article ("Ministry warns", british);
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *american = NULL;

  cd_article_set_language (article, "en");
  findings = cd_checker_run (fixture->checker, article);
  text = describe (findings, CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "");

  cd_article_set_language (article, "en-US");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, article);
  g_assert_nonnull (find (findings, CD_CHECK_RULE_SPELLING, "organisation"));

  cd_article_set_language (article, "en");
  cd_article_set_body (article, "The defense ministry said crimes by the organization were "
                                "rising, and officials traveling abroad had been warned "
                                "about the colour of the flags.");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, article);
  american = describe (findings, CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (american, ==, "body:123-129:colour");
}

/* A name written twice, two ways: the first form is suggested only when the
 * dictionary backs it; otherwise the finding says the forms differ and
 * suggests nothing, so applying it cannot spread a typo. */
static void
test_names_tie (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (CdArticle) typo_first = make_article ("Talks end",
                                                   "Officials in Bagdad said the talks ended. "
                                                   "Residents of Baghdad were told to wait.");
  g_autoptr (CdArticle) typo_second = make_article ("Talks end",
                                                    "Officials in Baghdad said the talks ended. "
                                                    "Residents of Bagdad were told to wait.");
  g_autoptr (GPtrArray) first = cd_checker_run (fixture->checker, typo_first);
  g_autoptr (GPtrArray) second = cd_checker_run (fixture->checker, typo_second);
  const CdFinding *f;

  f = find (first, CD_CHECK_RULE_NAME_VARIANT, NULL);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "Baghdad");
  g_assert_null (f->suggestion);
  g_assert_nonnull (strstr (f->message, "check which is right"));

  f = find (second, CD_CHECK_RULE_NAME_VARIANT, NULL);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "Bagdad");
  g_assert_cmpstr (f->suggestion, ==, "Baghdad");

  /* A name whose apostrophe is straight once and curly once is said to be
   * just that, the curly one its fix, whichever comes first; where one
   * kind is more used, it is the fix. */
  {
    static const char *const bodies[] = {
      "Mayor Sean O'Brien spoke. Later O’Brien left.",
      "Mayor Sean O’Brien spoke. Later O'Brien left.",
      "Mayor O'Brien spoke. O’Brien left. O'Brien came back.",
    };
    static const char *const expect[] = { "O'Brien", "O'Brien", "O’Brien" };

    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autoptr (CdArticle) article = make_article ("Mayor speaks", bodies[i]);
        g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);
        g_autofree char *names = describe (findings, CD_CHECK_RULE_NAME_VARIANT);

        f = find (findings, CD_CHECK_RULE_NAME_VARIANT, NULL);
        g_assert_nonnull (f);
        g_assert_cmpstr (f->text, ==, expect[i]);
        g_assert_cmpstr (f->suggestion, ==, i < 2 ? "O’Brien" : "O'Brien");
        g_assert_nonnull (strstr (f->message, "apostrophe"));
        g_assert_null (strchr (names, '\n'));
      }
  }
}

/* One finding per inconsistency: "Deir Al-Zour" is not reported again as
 * "Al-Zour". Newsroom English (governorate, dpa, de facto, flashpoint) is
 * not a misspelling. */
static void
test_names_one_finding (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *names = NULL;
  g_autofree char *spelling = NULL;

  article = make_article ("Fighting in Deir al-Zour",
                          "The governorate of Deir al-Zour is a flashpoint, dpa reported, and "
                          "the de facto authorities in Deir Al-Zour agreed. Officials in Deir "
                          "al-Zour said the frontline had moved.");
  findings = cd_checker_run (fixture->checker, article);
  names = describe (findings, CD_CHECK_RULE_NAME_VARIANT);
  g_assert_cmpstr (names, ==, "body:95-107:Deir Al-Zour");
  spelling = describe (findings, CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (spelling, ==, "");
}

/* A two-word name with one word's case changed, the headline included; not
 * a sentence-start capital, a title before a name, a longer name, or a
 * phrase that is never written as a name. */
static void
test_names_case (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;
  const CdFinding *f;

  article = make_article ("Islamic state fighters leave",
                          "Islamic State fighters left. The Islamic State group held the town, "
                          "and Islamic State's flag flew. Officials in Gaza City spoke; "
                          "Gaza City and Gaza city were quiet. The Health Ministry and the "
                          "health ministry, and the Health Ministry again. Health ministry staff "
                          "stayed.");
  findings = cd_checker_run (fixture->checker, article);
  text = describe (findings, CD_CHECK_RULE_NAME_VARIANT);
  g_assert_cmpstr (text, ==,
                   "headline:0-13:Islamic state\n"
                   "body:143-152:Gaza city\n"
                   "body:193-208:health ministry\n"
                   "body:241-256:Health ministry");
  f = find (findings, CD_CHECK_RULE_NAME_VARIANT, "Islamic state");
  g_assert_cmpstr (f->suggestion, ==, "Islamic State");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_NAME_VARIANT, "health ministry")->suggestion, ==,
                   "Health Ministry");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_NAME_VARIANT, "Health ministry")->suggestion, ==,
                   "Health Ministry");

  clean = check_body (fixture,
                      "Prime Minister Keir Starmer spoke. The prime minister said little. "
                      "The European Central Bank met; the central bank held rates. The White "
                      "House spoke. A white house stood on the hill. Interest rates rose. The "
                      "interest rates fell.",
                      CD_CHECK_RULE_NAME_VARIANT);
  g_assert_cmpstr (clean, ==, "");
  g_free (clean);

  /* The story's first word after its dateline starts a sentence, however
   * the dateline ends; a dash further on does not. */
  clean = check_body (fixture,
                      "Berlin · Gaza City was calm. Officials in Gaza city spoke.\n\n"
                      "GAZA (Reuters) – Gaza City was calm; Gaza city slept.",
                      CD_CHECK_RULE_NAME_VARIANT);
  g_assert_cmpstr (clean, ==, "");
  g_free (clean);
  clean = check_body (fixture,
                      "Officials in Gaza city spoke to the team for an hour. The talks – Gaza "
                      "City said – went on, and on – Gaza City again.",
                      CD_CHECK_RULE_NAME_VARIANT);
  g_assert_cmpstr (clean, ==, "body:13-22:Gaza city");
  g_free (clean);

  /* A paragraph's first word is part of the name it opens when the article
   * never writes it in lower case ("Treasury Budget Office", beside "budget
   * office affairs"), not when it does: "The Health Ministry" is still
   * compared. */
  clean = check_body (fixture,
                      "Treasury Budget Office staff left. The minister of budget office affairs spoke.\n\n"
                      "The Health Ministry met. Later the health ministry spoke.",
                      CD_CHECK_RULE_NAME_VARIANT);
  g_assert_cmpstr (clean, ==, "body:116-131:health ministry");
}

/* One of each form: which is right is not known, so the finding suggests
 * nothing rather than spread a mistake. */
static void
test_names_case_tie (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Talks end",
                                                "Officials in Gaza City said the talks ended. "
                                                "Residents of Gaza city were told to wait.");
  g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);
  g_autofree char *text = describe (findings, CD_CHECK_RULE_NAME_VARIANT);

  g_assert_cmpstr (text, ==, "body:58-67:Gaza city");
  g_assert_null (find (findings, CD_CHECK_RULE_NAME_VARIANT, "Gaza city")->suggestion);
}

/* Straight quotes nested in a curly quote open and close a quote of their
 * own (reported only as a mix of styles); an apostrophe typed as an opening
 * single quote is reported with the apostrophe as the fix. */
static void
test_quotes_nested (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Envoy speaks",
                                                "“He said \"no\" to me,” she said. Russia‘s "
                                                "envoy said ‘maybe’ twice.");
  g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);
  const CdFinding *f;

  for (guint i = 0; i < findings->len; i++)
    {
      f = g_ptr_array_index (findings, i);
      g_assert_null (strstr (f->message, "never"));
    }
  f = find (findings, CD_CHECK_RULE_QUOTES, "‘");
  g_assert_nonnull (f);
  g_assert_cmpuint (f->start, ==, 38);
  g_assert_cmpstr (f->suggestion, ==, "’");
}

/* Placeholders in every field the person fills in, the dateline included. */
static void
test_placeholders_dateline (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Storm hits coast", "The storm hit the coast.");
  g_autoptr (GPtrArray) findings = NULL;
  const CdFinding *f;

  cd_article_set_dateline (article, "TK, Portugal");
  cd_article_set_byline (article, "XXX");
  cd_article_set_slug (article, "storm-xx");
  findings = cd_checker_run (fixture->checker, article);
  f = find (findings, CD_CHECK_RULE_LEFTOVER_MARKUP, "TK");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->field, ==, "dateline");
  g_assert_cmpuint (f->start, ==, 0);
  f = find (findings, CD_CHECK_RULE_LEFTOVER_MARKUP, "XXX");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->field, ==, "byline");
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (((const CdFinding *) g_ptr_array_index (findings, i))->field, !=, "slug");
}

/* Shortcodes in every quoting style, and as the wire importer escapes them:
 * the rule reads the text as rendered, and the range covers the raw
 * backslashes so that deleting it leaves nothing behind. */
static void
test_shortcodes (Fixture      *fixture,
                 gconstpointer data)
{
  g_autofree char *text = NULL;

  text = check_body (fixture,
                     "A [give_form id=\"42307\"] b [give_form id=”42307″] c "
                     "\\[give\\_form id=”42307″\\] d [ninja_forms] e "
                     "[embed]https://example.com/v[/embed] f\n\n"
                     "Not these: [the report](https://example.com/r), [the annex][1], "
                     "\\[sic\\], [sic], \\[1\\] and [Reuters].\n\n"
                     "[1]: https://example.com/annex",
                     CD_CHECK_RULE_LEFTOVER_MARKUP);
  g_assert_cmpstr (text, ==,
                   "body:2-24:[give_form id=\"42307\"]\n"
                   "body:27-49:[give_form id=”42307″]\n"
                   "body:52-77:\\[give\\_form id=”42307″\\]\n"
                   "body:80-93:[ninja_forms]\n"
                   "body:96-103:[embed]\n"
                   "body:124-132:[/embed]");
}

/* Site boilerplate under a story is one finding to delete; the same words
 * inside the story, or a story ending on its own last paragraph, are not. */
static void
test_boilerplate (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;
  const CdFinding *f;

  article = make_article ("Port reopens",
                          "The port reopened on Monday after a week of strikes, the operator "
                          "said, and the first ships were unloaded overnight.\n\n"
                          "Please donate to keep our reporting free: every gift of $5 counts.\n\n"
                          "Email us:\n\n"
                          "tips@example.com\n\n"
                          "Like us on Facebook and follow us on X.\n\n"
                          "Cookie Policy | Terms of Service");
  findings = cd_checker_run (fixture->checker, article);
  text = describe (findings, CD_CHECK_RULE_LEFTOVER_BOILERPLATE);
  g_assert_cmpstr (text, ==,
                   "body:118-288:Please donate to keep our reporting free: every gift of $5 "
                   "counts.\n\nEmail us:\n\ntips@example.com\n\nLike us on Facebook and follow "
                   "us on X.\n\nCookie Policy | Terms of Service");
  f = find (findings, CD_CHECK_RULE_LEFTOVER_BOILERPLATE, NULL);
  g_assert_cmpstr (f->suggestion, ==, "");

  clean = check_body (fixture,
                      "Readers were asked to donate to the appeal today, and the charity said "
                      "its newsletter would list the winners.\n\n"
                      "Contact us, the mayor told residents, if the water stays brown.\n\n"
                      "The appeal closes on Friday, and the charity said it had raised more "
                      "than it expected from people who follow it on social media.",
                      CD_CHECK_RULE_LEFTOVER_BOILERPLATE);
  g_assert_cmpstr (clean, ==, "");
}

/* Transliterations of one name are joined without a list of names (the
 * shape of gh/g, dh/d, q/k, ou/u, y/i, doubled letters, a silent final h,
 * diacritics); the minority form is reported with the majority's. */
static void
test_names_transliteration (Fixture      *fixture,
                            gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article (
      "Fighters regroup near Baghouz",
      "Fighters regrouped near Baghouz on Monday. Residents of Baghouz said the village was "
      "quiet, and the road to Baguz was closed while Baghouz waited.\n\n"
      "Muammar Gaddafi ruled for decades. Supporters of Gaddafi rallied, and Qadhafi loyalists "
      "fled.\n\n"
      "Activists said Uighur families were held. Two Uighur men and a Uygur woman spoke.\n\n"
      "Fighting spread to Hassakah and Hassakah province, officials in Hasakeh said.\n\n"
      "Mohammed bin Salman met Mohammed Ali, and Muhammad bin Salman later left.\n\n"
      "The orchestra played Tchaikovsky, then more Tchaikovsky, then Chaikovsky.\n\n"
      "The mayor, Ekrem İmamoğlu, was detained; İmamoğlu denied it and Imamoglu's lawyers "
      "agreed.");
  g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);
  g_autofree char *text = describe (findings, CD_CHECK_RULE_NAME_VARIANT);
  g_auto (GStrv) lines = NULL;
  static const char *expected[][2] = {
    {"Baguz",       "Baghouz"    },
    { "Qadhafi",    "Gaddafi"    },
    { "Uygur",      "Uighur"     },
    { "Hasakeh",    "Hassakah"   },
    { "Muhammad",   "Mohammed"   },
    { "Chaikovsky", "Tchaikovsky"},
    { "Imamoglu",   "İmamoğlu" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CdFinding *f = find (findings, CD_CHECK_RULE_NAME_VARIANT, expected[i][0]);

      g_assert_nonnull (f);
      g_assert_cmpstr (f->suggestion, ==, expected[i][1]);
    }
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
}

/* What only looks alike stays apart: gendered endings, the Nordic and the
 * English patronymic, short names with another vowel, a name with and
 * without its article, names the dictionary knows, inflections. A slip
 * between two different names joins the nearer one only. */
static void
test_names_distinct (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *clean = check_body (fixture,
                                       "Carla Rossi met Carlo Bianchi. Rossi said Carla and "
                                       "Carlo agreed.\n\n"
                                       "Anna Larsen and Tom Larson spoke. Larsen and Larson "
                                       "later left.\n\n"
                                       "Chen Wei met Jackie Chan. Chen and Chan smiled.\n\n"
                                       "Bashar al-Assad spoke on Monday. Assad said al-Assad's "
                                       "forces would stay, and Assad left.\n\n"
                                       "Iran and Iraq signed a deal. Iraq and Iran will meet.\n\n"
                                       "Hamas said Sheikh Hamad would attend. Hamas and Hamad "
                                       "agreed.\n\n"
                                       "Kurds and Kurdish officials met a Kurd.\n\n"
                                       /* A word after a list's mark starts a sentence: no
                                        * name, so no variant of Grose. */
                                       "1D) Crews on high alert as the fire nears the Grose "
                                       "Valley.",
                                       CD_CHECK_RULE_NAME_VARIANT);
  g_autoptr (CdArticle) article = make_article ("Talks", "Boris Johnson and Ed Johnston met. "
                                                         "Johnson spoke, Johnston listened and "
                                                         "Johnstn left.");
  g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);
  g_autofree char *text = describe (findings, CD_CHECK_RULE_NAME_VARIANT);

  g_assert_cmpstr (clean, ==, "");
  g_assert_cmpstr (text, ==, "body:72-79:Johnstn");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_NAME_VARIANT, "Johnstn")->suggestion, ==,
                   "Johnston");
}

/* A changed capital in a two-word name is one finding, not one more for
 * the word it changed; a headline that capitalises every word (Deir
 * Al-Zour) changes none. */
static void
test_names_case_one_finding (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Talks end",
                                                "Investigators from Abu Dhabi met. A lawyer in "
                                                "Abu Dhabi spoke, and officials in Abu dhabi "
                                                "agreed.");
  g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);
  g_autofree char *text = describe (findings, CD_CHECK_RULE_NAME_VARIANT);

  g_assert_cmpstr (text, ==, "body:80-89:Abu dhabi");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_NAME_VARIANT, NULL)->suggestion, ==,
                   "Abu Dhabi");

  g_object_unref (article);
  g_ptr_array_unref (findings);
  article = make_article ("Fighting in Deir Al-Zour", "Officials in Deir al-Zour said the road "
                                                      "to Deir al-Zour was closed.");
  findings = cd_checker_run (fixture->checker, article);
  g_assert_null (find (findings, CD_CHECK_RULE_NAME_VARIANT, NULL));
}

/* A quote runs on into the next paragraph only when it opens its paragraph
 * or a sentence or is introduced, and no attribution follows it: a quote opened
 * mid-sentence, or one that lost its closing mark before ", he said", is
 * reported even when the next paragraph opens with a quotation mark. */
static void
test_quotes_running (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *mid = check_body (fixture,
                                     "The judges praised its “careful prose. The author spoke.\n\n"
                                     "“My editor told me,” she said.",
                                     CD_CHECK_RULE_QUOTES);
  g_autofree char *attributed = check_body (fixture,
                                            "\"The people we evacuated did not want to leave, "
                                            "Bali said at the oil field.\n\n"
                                            "\"If we find civilians we will isolate them,\" he "
                                            "said.",
                                            CD_CHECK_RULE_QUOTES);
  g_autofree char *running = check_body (fixture,
                                         "“We had no orders. People were coming by the "
                                         "hundreds.\n\n"
                                         "“At some point he just said, open it.”",
                                         CD_CHECK_RULE_QUOTES);

  /* A quote opening the sentence after its attribution runs on too (as
   * dpa's and Reuters' English copy writes a long quote). */
  g_autofree char *after_attribution = check_body (
      fixture,
      "\"Gerd is an idol for me,\" he told Bild. \"When I joined the club I got to know him.\n\n"
      "\"He gave me tips on how to move in the penalty area.\"",
      CD_CHECK_RULE_QUOTES);

  g_assert_cmpstr (mid, ==, "body:23-24:“");
  g_assert_cmpstr (attributed, ==, "body:0-1:\"");
  g_assert_cmpstr (running, ==, "");
  /* A quote opening a sentence that is no attribution's follower, and
   * that lost its closing mark, is reported. */
  g_autofree char *after_sentence = check_body (
      fixture,
      "Police arrived at noon. “Nobody leave the building until we have checked every floor\n\n"
      "“It was chaos,” a witness said.",
      CD_CHECK_RULE_QUOTES);

  g_assert_cmpstr (after_attribution, ==, "");
  g_assert_cmpstr (after_sentence, ==, "body:24-25:“");

  /* German copy alike, with its own verbs of saying: the long quote after
   * „…“, sagte Müller der Bild. runs on; one followed by its attribution
   * in its paragraph lost its closing mark. */
  {
    g_autoptr (CdArticle) german = make_article (
        "Rat tagt",
        "„Gerd ist ein Idol für mich“, erklärte Müller der Bild. „Als ich kam, lernte ich "
        "ihn kennen.\n\n„Er gab mir Tipps.“\n\n"
        "„Wir gehen jetzt, sagte die Polizei am Abend.\n\n„Es war still“, sagte sie.");
    g_autoptr (GPtrArray) findings = NULL;
    g_autofree char *text = NULL;

    cd_article_set_language (german, "de");
    findings = cd_checker_run (fixture->checker, german);
    text = describe (findings, CD_CHECK_RULE_QUOTES);
    g_assert_cmpstr (text, ==, "body:115-116:„");
  }
}

/* Pleas to get the site's app, to send tips and to contribute are
 * boilerplate at the end of a story too. */
static void
test_boilerplate_pleas (Fixture      *fixture,
                        gconstpointer data)
{
  const char        *story = "The council approved the budget on Monday after a long debate about "
                             "road repairs, school buses and the new library in the town centre.\n\n";
  static const char *tails[] = {
    "Download our app for breaking news alerts on your phone.",
    "Got a news tip? Email us at tips@example.org",
    "If you value our reporting, please consider making a contribution.",
    "Join our WhatsApp channel to get the news first.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    {
      g_autofree char *body = g_strconcat (story, tails[i], NULL);
      g_autofree char *text = check_body (fixture, body, CD_CHECK_RULE_LEFTOVER_BOILERPLATE);
      g_autofree char *expected = g_strdup_printf ("body:%ld-%ld:%s",
                                                   g_utf8_strlen (story, -1),
                                                   g_utf8_strlen (body, -1), tails[i]);

      g_assert_cmpstr (text, ==, expected);
    }
}

/* What real copy has that is not a mistake: an accented spelling the
 * dictionary knows without its accent, newsroom words, one British spelling
 * in copy with no American ones; and "TK TK" is a placeholder, not a word
 * typed twice. */
static void
test_real_copy_words (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Forces close in",
                                                "The building's façade was hit. A few hundred "
                                                "diehard fighters held an area of half a square "
                                                "kilometre, the spokesman said.");
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *spelling = NULL;
  g_autofree char *repeated = check_body (fixture, "The quake struck at a depth of TK TK miles.",
                                          CD_CHECK_RULE_REPEATED_WORD);

  cd_article_set_language (article, "en");
  findings = cd_checker_run (fixture->checker, article);
  spelling = describe (findings, CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (spelling, ==, "");
  g_assert_cmpstr (repeated, ==, "");
}

/* An agency's table keys its cells with codes ("rn" for rain, "clr"
 * for clear): a cell of one short word in small letters is no
 * misspelling; the same word in the text, or a longer one in a cell, is
 * still checked. */
static void
test_spelling_table_codes (Fixture      *fixture,
                           gconstpointer data)
{
  g_autofree char *text = check_body (fixture,
                                      "Weather as of noon.\n\n"
                                      "|  | MIN | MAX | COND |\n| --- | --- | --- | --- |\n"
                                      "| Oslo | 28 | 35 | clr |\n| Rome | 50 | 61 | rn |\n"
                                      "| Bern | 40 | 48 | goverment |\n\n"
                                      "It was clr all day.\n",
                                      CD_CHECK_RULE_SPELLING);

  g_assert_cmpstr (text, ==, "body:139-148:goverment\nbody:159-162:clr");
}

/* Words in another script than the copy's (a Greek copyright line
 * under English copy, a name given in Cyrillic) are not the English
 * dictionary's to judge; English around them still is. */
static void
test_spelling_other_script (Fixture      *fixture,
                            gconstpointer data)
{
  g_autofree char *text = check_body (fixture,
                                      "The ministry said wage employment grew in March, and the "
                                      "goverment welcomed it. The minister, Кириенко, spoke.\n\n"
                                      "© ΑΠΕ-ΜΠΕ ΑΕ. Τα πνευματικά δικαιώματα ανήκουν στο ΑΠΕ.",
                                      CD_CHECK_RULE_SPELLING);

  g_assert_cmpstr (text, ==, "body:57-66:goverment");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;

  g_test_init (&argc, &argv, NULL);
  config = checks_test_isolate_config ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/checks/spelling/british", test_spelling_british);
  ADD ("/checks/spelling/table-codes", test_spelling_table_codes);
  ADD ("/checks/spelling/other-script", test_spelling_other_script);
  ADD ("/checks/names/tie", test_names_tie);
  ADD ("/checks/names/one-finding", test_names_one_finding);
  ADD ("/checks/names/case", test_names_case);
  ADD ("/checks/names/case-tie", test_names_case_tie);
  ADD ("/checks/quotes/nested", test_quotes_nested);
  ADD ("/checks/leftover-markup/dateline", test_placeholders_dateline);
  ADD ("/checks/leftover-markup/shortcodes", test_shortcodes);
  ADD ("/checks/leftover-boilerplate", test_boilerplate);
  ADD ("/checks/names/transliteration", test_names_transliteration);
  ADD ("/checks/names/distinct", test_names_distinct);
  ADD ("/checks/names/case-one-finding", test_names_case_one_finding);
  ADD ("/checks/quotes/running", test_quotes_running);
  ADD ("/checks/leftover-boilerplate/pleas", test_boilerplate_pleas);
  ADD ("/checks/real-copy-words", test_real_copy_words);
#undef ADD

  return checks_test_run (config);
}
