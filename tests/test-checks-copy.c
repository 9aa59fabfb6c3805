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
  ADD ("/checks/names/tie", test_names_tie);
  ADD ("/checks/names/one-finding", test_names_one_finding);
  ADD ("/checks/names/case", test_names_case);
  ADD ("/checks/names/case-tie", test_names_case_tie);
  ADD ("/checks/quotes/nested", test_quotes_nested);
  ADD ("/checks/leftover-markup/dateline", test_placeholders_dateline);
  ADD ("/checks/leftover-markup/shortcodes", test_shortcodes);
  ADD ("/checks/leftover-boilerplate", test_boilerplate);
#undef ADD

  return checks_test_run (config);
}
