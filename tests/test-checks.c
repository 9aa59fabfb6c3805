/* test-checks.c: the editorial checks, rule by rule, over the quality corpus
 * in tests/data/checks/, and through `copydesk check`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cd-check.h"
#include "cd-import.h"
#include "cd-test-util.h"
#include "test-checks-util.h"

static void
test_spelling (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  const CdFinding *f;

  article = make_article ("Council meets",
                          "The goverment met. Code `teh` stays.\n\n```\nfenced wrnog\n```\n\n"
                          "NATO and the UN, 3rd, iPhone, https://example.com/speling and "
                          "[the report](https://example.com/raport) with a hyphen-wrod.");
  findings = cd_checker_run (fixture->checker, article);
  text = describe (findings, CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "body:4-13:goverment\nbody:177-181:wrod");

  f = find (findings, CD_CHECK_RULE_SPELLING, "goverment");
  g_assert_cmpstr (f->suggestion, ==, "government");
  g_assert_cmpint (f->severity, ==, CD_CHECK_SEVERITY_WARNING);

  /* A capitalised word in mid-sentence is a name, not a misspelling; the
   * same misspelling opening a sentence is one. */
  g_free (text);
  text = check_body (fixture, "Officials met Zelenskyy. Recieved letters stay.",
                     CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "body:25-33:Recieved");
}

/* A capitalised word standing alone one slip from a name the dictionary
 * knows is a misspelling, with that name as the fix; a name that is simply
 * unknown, a person's name beside another, and the ways real names differ
 * from the dictionary's (a vowel, i for y) are not. */
static void
test_spelling_names (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;

  text = check_body (fixture,
                     "Fighting in Gazza and Irak spread to Yemmen, then to Isreal on Monday.",
                     CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "body:12-17:Gazza\nbody:22-26:Irak\nbody:37-43:Yemmen\nbody:53-59:Isreal");
  article = make_article ("x", "Fighting in Gazza and Irak's south.");
  findings = cd_checker_run (fixture->checker, article);
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_SPELLING, "Gazza")->suggestion, ==, "Gaza");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_SPELLING, "Irak")->suggestion, ==, "Iraq");

  g_free (text);
  text = check_body (fixture,
                     "Officials in Baghouz met Mr Smyth and Mohamed Salah near Sirte, Pisco and the "
                     "Tyrol, and Kharkov.",
                     CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "");

  /* After a dateline's dash the story's first word is a name as often as
   * not: an unknown one is left alone there, as in mid-sentence, where it
   * opening a sentence is taken for a misspelling of a word one edit away. */
  g_free (text);
  text = check_body (fixture, "MELBOURNE (AAP) - Optus boss Kelly Bayer Rosmarin spoke.\n\n"
                              "SYDNEY · Optus sold more.",
                     CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  text = check_body (fixture, "Sales rose. Optus sold more.", CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "body:12-17:Optus");
}

static void
test_spelling_word_list (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdChecker) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (cd_checker_load_data_dir (fixture->checker, fixture->dir, &error));
  g_assert_no_error (error);
  text = check_body (fixture, "The blorft was seen.", CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "body:4-10:blorft");

  g_assert_true (cd_checker_add_word (fixture->checker, "blorft", &error));
  g_assert_no_error (error);
  g_free (text);
  text = check_body (fixture, "The blorft was seen.", CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "");

  /* The list is a file in the data dir, read by the next checker. */
  path = g_build_filename (fixture->dir, "checks", "words.txt", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "blorft\n");
  again = cd_checker_new ();
  g_assert_true (cd_checker_load_data_dir (again, fixture->dir, &error));
  {
    g_autoptr (CdArticle) article = make_article ("x", "The blorft was seen.");
    g_autoptr (GPtrArray) findings = cd_checker_run (again, article);

    g_assert_null (find (findings, CD_CHECK_RULE_SPELLING, NULL));
  }

  g_assert_false (cd_checker_add_word (fixture->checker, "two words", &error));
  g_assert_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED);
}

static void
test_spelling_language (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Rat tagt", "Das ist vieleicht gut. The colour.");
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;

  cd_article_set_language (article, "de-DE");
  findings = cd_checker_run (fixture->checker, article);
  g_assert_nonnull (find (findings, CD_CHECK_RULE_SPELLING, "vieleicht"));

  /* British English has its own dictionary. */
  cd_article_set_language (article, "en-GB");
  cd_article_set_headline (article, "Council meets");
  cd_article_set_body (article, "The colour of the neighbours' houses.");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, article);
  text = describe (findings, CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "");

  /* Regional tags, in any case, take their region's dictionary (installed
   * with Copydesk: en-AU, en-CA, de-CH, de-AT) or the variant their
   * spelling follows (New Zealand and Irish English: British). A
   * dateline's source in brackets is an agency's code, and a word after a
   * hyphen the end of a compound: neither is spelled (the same code
   * elsewhere is); agency names and the trade's Latin are words in any
   * language, and an English name's small words ("of", "for") are in
   * German copy, not a German typo between German words; a German
   * separable verb is a word in one piece, with "zu" or without. */
  {
    static const struct
    {
      const char *language, *body, *expect;
    } regions[] = {
      {"en-AU",  "The colour, the color.",                              "body:16-21:color"    },
      { "en-nz", "The colour, the color.",                              "body:16-21:color"    },
      { "en-IE", "The harbour, the harbor.",                            "body:17-23:harbor"   },
      { "en-US", "The color, the colour.",                              "body:15-21:colour"   },
      { "de-CH", "Die Strasse ist gross.",                              ""                    },
      { "de-LI", "Die Strasse ist gross.",                              ""                    },
      { "de-DE", "Die Straße ist groß, vieleicht.",                   "body:21-30:vieleicht"},
      { "de-DE", "Hannover (dpa/lni) – Die Vorsorge und -anpassung.", ""                    },
      { "de-DE", "Die Zahl (lni) stieg.",                               "body:10-13:lni"      },
      { "de-DE", "Das meldete dpa, de facto und de jure.",              ""                    },
      { "de-DE", "Die Bank of America und Fridays for Future.",         ""                    },
      { "de-DE", "Die Angst for Zukunft wächst.",                      "body:10-13:for"      },
      { "de-DE", "Es gilt, umzudenken und mitzudenken, vorallem.",      "body:37-45:vorallem" },
    };

    cd_article_set_headline (article, "Council");
    for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
      {
        cd_article_set_language (article, regions[i].language);
        cd_article_set_body (article, regions[i].body);
        g_clear_pointer (&findings, g_ptr_array_unref);
        findings = cd_checker_run (fixture->checker, article);
        g_free (text);
        text = describe (findings, CD_CHECK_RULE_SPELLING);
        if (g_strcmp0 (text, regions[i].expect) != 0)
          g_error ("%s: “%s” gave “%s”, not “%s”", regions[i].language, regions[i].body, text,
                   regions[i].expect);
      }
  }
}

/* No French dictionary is installed: the check says spelling was not
 * looked at, once, rather than report a clean article. */
static void
test_spelling_no_dictionary (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Le conseil se réunit",
                                                "Le maire a peut-étre raison. Ceci est faux.");
  g_autoptr (CdArticle) empty = make_article ("", "");
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) none = NULL;
  const CdFinding *notice;
  guint            spelling = 0;

  cd_article_set_language (article, "fr");
  findings = cd_checker_run (fixture->checker, article);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((const CdFinding *) g_ptr_array_index (findings, i))->rule,
                     CD_CHECK_RULE_SPELLING))
      spelling++;
  g_assert_cmpuint (spelling, ==, 1);
  notice = find (findings, CD_CHECK_RULE_SPELLING, NULL);
  g_assert_cmpint (notice->severity, ==, CD_CHECK_SEVERITY_INFO);
  g_assert_cmpstr (notice->field, ==, "body");
  g_assert_cmpstr (notice->message, ==,
                   "No French (fr) spelling dictionary is installed; spelling was not checked");

  /* Nothing to spell, nothing to say. */
  cd_article_set_language (empty, "fr");
  none = cd_checker_run (fixture->checker, empty);
  g_assert_null (find (none, CD_CHECK_RULE_SPELLING, NULL));
}

static void
test_names_variants (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  const CdFinding *f;

  article = make_article ("Al-Assad meets envoy",
                          "President Bashar al-Assad spoke. Aides of al-Assad said al Assad "
                          "would travel. Al-Assad left. Critics of Al-Assad disagreed.");
  findings = cd_checker_run (fixture->checker, article);
  text = describe (findings, CD_CHECK_RULE_NAME_VARIANT);
  /* The headline and the sentence opening "Al-Assad left" are capitalised
   * as headlines and sentences are; only the real variants are reported. */
  g_assert_cmpstr (text, ==, "body:56-64:al Assad\nbody:105-113:Al-Assad");

  f = find (findings, CD_CHECK_RULE_NAME_VARIANT, "al Assad");
  g_assert_cmpstr (f->suggestion, ==, "al-Assad");
  g_assert_nonnull (strstr (f->message, "“al-Assad” (4×)"));
  g_assert_nonnull (strstr (f->message, "“al Assad” (1×)"));
  g_assert_nonnull (strstr (f->message, "“Al-Assad” (1×)"));
  /* The name is not reported again as a misspelling. */
  g_assert_null (find (findings, CD_CHECK_RULE_SPELLING, "Assad"));
}

static void
test_names_across_fields (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Zelenskyy visits Kharkiv",
                                                "President Zelensky visited Kharkiv. "
                                                "Officials said Zelensky met soldiers.");
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;

  cd_article_set_dek (article, "The president was in kharkiv for a day");
  findings = cd_checker_run (fixture->checker, article);
  text = describe (findings, CD_CHECK_RULE_NAME_VARIANT);
  g_assert_cmpstr (text, ==, "headline:0-9:Zelenskyy\ndek:21-28:kharkiv");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_NAME_VARIANT, "Zelenskyy")->suggestion,
                   ==, "Zelensky");
}

static void
test_names_look_alikes (Fixture      *fixture,
                        gconstpointer data)
{
  g_autofree char *text = NULL;

  text = check_body (fixture,
                     "Iran and Iraq met. Iranian and Iraqi officials agreed. Austria played "
                     "Australia; Austrian and Australian fans sang. A Kurd said Kurds and "
                     "Kurdish parties agreed in Kurdistan. Slovakia and Slovenia signed; Slovak "
                     "and Slovenian ministers met. Niger and Nigeria, Nigerien and Nigerian "
                     "traders. Alison MacDonald met Robert McDonald. Sweden, Swedes, Swedish. "
                     "Colombia and Columbia. Gambia and Zambia. Mali and Malawi. "
                     "Johnson and Johnston.",
                     CD_CHECK_RULE_NAME_VARIANT);
  g_assert_cmpstr (text, ==, "");
}

static void
test_quotes (Fixture      *fixture,
             gconstpointer data)
{
  g_autofree char *text = NULL;

  text = check_body (fixture, "“Open, he said. Then (a bracket.\n\nShe closed” it.",
                     CD_CHECK_RULE_QUOTES);
  g_assert_cmpstr (text, ==, "body:0-1:“\nbody:21-22:(\nbody:44-45:”");
  g_free (text);

  /* A quote running on into the next paragraph opens it again. Links,
   * inch marks, nested single quotes and apostrophes are fine. */
  text = check_body (fixture,
                     "“We waited.\n\n“Then we left,” she said. The 6\" pipe. "
                     "See [the report](https://example.com/a_(b)). “Don’t say ‘never,’” "
                     "he said (twice).",
                     CD_CHECK_RULE_QUOTES);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  /* Results numbered in running text ("1) Hongisto 6,72, 2) …") close
   * no bracket; a bracket that holds a number still closes. An unclosed
   * bracket before a number and ")" is still reported. */
  text = check_body (fixture,
                     "Men, 60 m: 1) Hongisto 6,72, 2) Rantala 6,83, 3) Myllymäki 6,86.\n\n"
                     "Heats: 1) Åstrand 6,85 (kkk), 2) Heinä 6,98 (see figures 1 and 2) then.",
                     CD_CHECK_RULE_QUOTES);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  text = check_body (fixture, "He left (after 2) early.", CD_CHECK_RULE_QUOTES);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  text = check_body (fixture, "Scores: 1) Leeds, 2) Hull (late.", CD_CHECK_RULE_QUOTES);
  g_assert_cmpstr (text, ==, "body:26-27:(");
  g_free (text);

  /* German copy with guillemets pointing outward, as dpa and Swiss
   * German write them, and inward, as German books do: either way a pair,
   * taken from the first used; one left open is reported. */
  {
    static const struct
    {
      const char *body, *expect;
    } german[] = {
      {"Die «Blues» spielten. Sie bekamen «Schläge».",  ""               },
      { "Die »Blues« spielten. Sie bekamen »Schläge«.", ""               },
      { "Die «Blues spielten. Sie gingen.",                 "body:4-5:\u00ab"},
    };

    for (guint i = 0; i < G_N_ELEMENTS (german); i++)
      {
        g_autoptr (CdArticle) article = make_article ("Eintracht in London", german[i].body);
        g_autoptr (GPtrArray) findings = NULL;
        g_autofree char *found = NULL;

        cd_article_set_language (article, "de-DE");
        findings = cd_checker_run (fixture->checker, article);
        found = describe (findings, CD_CHECK_RULE_QUOTES);
        g_assert_cmpstr (found, ==, german[i].expect);
      }
  }

  /* A straight quote opened after a stop without its space opens it; one
   * after a stop while a quote is open closes it. */
  text = check_body (fixture, "He left.\"Then we went,\" she said. \"We won.\"He smiled.",
                     CD_CHECK_RULE_QUOTES);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  text = check_body (fixture, "It tastes “like a plaster.\"In 2021 it changed.", CD_CHECK_RULE_QUOTES);
  g_assert_cmpstr (text, ==, "body:26-27:\"");
  g_free (text);

  /* Straight and curly mixed: the less used kind is reported. */
  text = check_body (fixture, "“One,” she said. “Two,” he said. \"Three,\" they said.",
                     CD_CHECK_RULE_QUOTES);
  g_assert_cmpstr (text, ==, "body:33-34:\"\nbody:40-41:\"");
}

/* The findings of @rule on @body in an article written in @language. */
static char *
check_language (Fixture    *fixture,
                const char *language,
                const char *body,
                const char *rule)
{
  g_autoptr (CdArticle) article = make_article ("Council meets", body);
  g_autoptr (GPtrArray) findings = NULL;

  cd_article_set_language (article, language);
  findings = cd_checker_run (fixture->checker, article);
  return describe (findings, rule);
}

/* Spanish opens a question with ¿ and an exclamation with ¡: one left out
 * is reported over the sentence or clause it should open, the fix putting
 * it there; one never closed in its paragraph is reported too. Not an
 * address's ?, a (?) of doubt, a name's ! (Yahoo! anunció), an
 * abbreviation's stop (Sr. Pérez) nor copy in another language. */
static void
test_quotes_spanish (Fixture      *fixture,
                     gconstpointer data)
{
  static const struct
  {
    const char *body, *expect, *fix;
  } cases[] = {
    {"¿Qué dijo el Sr. Pérez? ¡Qué bien! ¡¿Cómo?! Tiene 30 años (?). Visite https://ejemplo.es/?id=3 hoy. Yahoo! anunció.", "",                                  NULL                      },
    { "Nadie lo sabe. Cuándo llega?",                                                                                                "body:15-28:Cuándo llega?",         "¿Cuándo llega?"        },
    { "Le preguntó: qué pasa?",                                                                                                     "body:13-22:qué pasa?",             "¿qué pasa?"            },
    { "«Vienes mañana?», preguntó.",                                                                                              "body:1-15:Vienes mañana?",         "¿Vienes mañana?"       },
    { "—Vienes? —preguntó ella.",                                                                                                "body:1-8:Vienes?",                  "¿Vienes?"               },
    { "¿Qué (si algo) pasa? Y qué (si algo) pasa?",                                                                                "body:21-42:Y qué (si algo) pasa?", "¿Y qué (si algo) pasa?"},
    { "Lo dijo la ONU. Qué alegría!",                                                                                               "body:16-28:Qué alegría!",         "¡Qué alegría!"        },
    { "Lo dijo en EE.UU. Quién sabe? Viajó a EE.UU. y qué pasó?",
     "body:18-29:Quién sabe?\nbody:30-56:Viajó a EE.UU. y qué pasó?",                                                                                                  "¿Quién sabe?"          },
    { "¿Cuándo llega el tren, dijo.\n\n¡Basta.",                                                                                   "body:0-1:¿\nbody:30-31:¡",        NULL                      },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CdArticle) article = make_article ("Council meets", cases[i].body);
      g_autoptr (GPtrArray) findings = NULL;
      g_autofree char *found = NULL;

      g_test_message ("%s", cases[i].body);
      cd_article_set_language (article, "es-ES");
      findings = cd_checker_run (fixture->checker, article);
      found = describe (findings, CD_CHECK_RULE_QUOTES);
      g_assert_cmpstr (found, ==, cases[i].expect);
      if (cases[i].fix != NULL)
        g_assert_cmpstr (find (findings, CD_CHECK_RULE_QUOTES, NULL)->suggestion, ==, cases[i].fix);
    }

  {
    g_autofree char *found = check_language (fixture, "en-GB", "What now? Wow!", CD_CHECK_RULE_QUOTES);

    g_assert_cmpstr (found, ==, "");
  }
  {
    g_autoptr (CdArticle) article = make_article ("Qué pasa en Madrid?", "Texto.");
    g_autoptr (GPtrArray) findings = NULL;
    g_autofree char *found = NULL;

    cd_article_set_language (article, "es");
    findings = cd_checker_run (fixture->checker, article);
    found = describe (findings, CD_CHECK_RULE_QUOTES);
    g_assert_cmpstr (found, ==, "headline:0-19:Qué pasa en Madrid?");
  }
  /* A placeholder's ?? is no question; a question's ?? is no placeholder. */
  {
    g_autoptr (CdArticle) article = make_article ("Council meets", "Cuesta ?? euros. ¿¿En qué mundo??");
    g_autoptr (GPtrArray) findings = NULL;
    g_autofree char *quotes = NULL;
    g_autofree char *leftovers = NULL;

    cd_article_set_language (article, "es");
    findings = cd_checker_run (fixture->checker, article);
    quotes = describe (findings, CD_CHECK_RULE_QUOTES);
    leftovers = describe (findings, CD_CHECK_RULE_LEFTOVER_MARKUP);
    g_assert_cmpstr (quotes, ==, "");
    g_assert_cmpstr (leftovers, ==, "body:7-9:??");
  }
}

/* Each language's own quotation marks pair, as its copy writes them
 * (Swedish and Finnish ”…”, Polish and Dutch „…”, guillemets either way
 * where the language has them, quotes within quotes), English “…” beside
 * them; a quote left open is still reported in each. A long quote runs on
 * after its attribution in the languages whose verbs of saying are known,
 * and one left open before its attribution is reported. */
static void
test_quotes_languages (Fixture      *fixture,
                       gconstpointer data)
{
  static const struct
  {
    const char *language, *body, *expect;
  } cases[] = {
    {"sv-SE",  "”Vi är nöjda”, sade ministern. ”Det är bra.”",                                                                                             ""                          },
    { "sv",    "”Vi är nöjda, sade ministern.",                                                                                                                   "body:0-1:”"              },
    { "fi-FI", "“Hyvä”, hän sanoi. ”Olemme tyytyväisiä”, sanoi ministeri.",                                                                               ""                          },
    { "fi",    "Ministeri sanoi ”olemme tyytyväisiä.",                                                                                                            "body:16-17:”"            },
    { "pl",    "„To jest dobre” – powiedział. Mówi o «Solidarności».",                                                                                     ""                          },
    { "nl",    "„Het is goed”, zei hij. “Wij zijn tevreden.”",                                                                                                ""                          },
    { "nb-NO", "«Det er bra», sier ministeren til NTB.",                                                                                                            ""                          },
    { "nb",    "«Det er bra, sier ministeren. «Vi er fornøyde.",                                                                                                   "body:0-1:«\nbody:30-31:«"},
    { "da",    "»Det er godt«, siger ministeren til Ritzau.",                                                                                                       ""                          },
    { "da-DK", "»Det er godt,« siger hun. »Vi er glade, siger han.",                                                                                               "body:26-27:»"             },
    { "sv",    "»Det är bra,» säger hon. »Vi är nöjda.»",                                                                                                     ""                          },
    { "sv",    "»Det är bra, säger hon.",                                                                                                                          "body:0-1:»"               },
    { "en",    "He called it «le bon sens» and left. Read more »",                                                                                                 ""                          },
    { "en",    "He called it «le bon sens and left.",                                                                                                                "body:13-14:«"             },
    { "sv",    "”Vi är nöjda”, säger ministern. ”Det var ett bra år.\n\n”Nästa år blir bättre.”",                                                    ""                          },
    { "sv",    "”Vi är nöjda, säger ministern.\n\n”Nästa år blir bättre.”",                                                                               "body:0-1:”"              },
    { "pl",    "„Jesteśmy zadowoleni” – powiedział. „To był dobry rok.\n\n„Następny będzie lepszy.”",                                                ""                          },
    { "ru",    "«Мы довольны», — сказал министр. «Это был хороший год.\n\n«Следующий будет лучше».", ""                          },
    { "es",    "«Hemos trabajado.\n\n»Ahora queremos más», dijo.",                                                                                                ""                          },
    { "es",    "«Uno.\n\n»Dos.\n\n»Tres», dijo.",                                                                                                                 ""                          },
    { "fr",    "« Nous avons travaillé.\n\n» Maintenant », a dit.",                                                                                               ""                          },
    { "es",    "«Uno.\n\n»Dos, dijo.",                                                                                                                              "body:7-8:»"               },
    { "da",    "Forside » Nyheder » Verden",                                                                                                                        ""                          },
    { "da",    "» Det er godt,« siger hun.\n\n» Læs også: Regeringen",                                                                                           ""                          },
    { "it",    "«È un buon risultato», ha detto. “Siamo soddisfatti”.",                                                                                        ""                          },
    { "it-IT", "«È un buon risultato, ha detto il ministro.",                                                                                                       "body:0-1:«"               },
    { "es",    "«Es un buen resultado», dijo. «Estamos “muy” contentos».",                                                                                    ""                          },
    { "ru",    "«Он сказал: „Да“», — сообщил министр.",                                                                               ""                          },
    { "ru",    "«Он сказал: „Да», — сообщил министр.",                                                                                  "body:12-13:„"            },
    { "fr",    "« C’est bien », a-t-il dit. « Nous sommes “très” contents »",                                                                              ""                          },
    { "en-GB", "“It is good,” he said. She called it ‘fine’.",                                                                                                ""                          },
    { "xx",    "“It is good,” he said. “Open.",                                                                                                                 "body:23-24:“"            },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = check_language (fixture, cases[i].language, cases[i].body,
                                               CD_CHECK_RULE_QUOTES);

      g_test_message ("%s: %s", cases[i].language, cases[i].body);
      g_assert_cmpstr (found, ==, cases[i].expect);
    }

  /* A straight mark among curly ones is given the language's own. */
  {
    g_autoptr (CdArticle) article = make_article ("Eintracht in London",
                                                  "„Eins“, sagte sie. „Zwei“, sagte er. "
                                                  "\"Drei\", sagten sie.");
    g_autoptr (GPtrArray) findings = NULL;
    const CdFinding *straight;

    cd_article_set_language (article, "de-DE");
    findings = cd_checker_run (fixture->checker, article);
    straight = find (findings, CD_CHECK_RULE_QUOTES, "\"");
    g_assert_nonnull (straight);
    g_assert_cmpstr (straight->suggestion, ==, "„");
  }
}

/* A word in lower case written with a hyphen and closed up in one
 * article: the form written more often is the fix, or the first on a tie.
 * Not after "re-" (re-sign, resign), not co-op and coop, not names, and
 * not a word the house style reports (e-mail, email). */
static void
test_hyphen_variants (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Cyber-attack hits council",
                                                "The cyberattack hit the council on Monday. The cyber-attack was the second "
                                                "this year; officials will co-operate with police, and the council will "
                                                "cooperate fully. The clean-up, a cleanup of old files and another clean-up, "
                                                "ends soon. They will re-sign the deal; the mayor did not resign. The co-op "
                                                "kept its coop. Bin-Laden, Binladen. They sent an e-mail and an email.");
  g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);
  g_autofree char *text = describe (findings, CD_CHECK_RULE_NAME_VARIANT);

  /* The headline's capital makes cyber-attack a name, which the names
   * rule reports; Binladen is the names rule's too. */
  g_assert_cmpstr (text, ==, "body:4-15:cyberattack\nbody:146-155:cooperate\nbody:179-186:cleanup\nbody:323-331:Binladen");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_NAME_VARIANT, "cleanup")->suggestion, ==, "clean-up");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_NAME_VARIANT, "cooperate")->suggestion, ==, "co-operate");
}

/* "a" and "an" as the next word's first sound wants them, where its
 * spelling tells it: not before u, h, a word in capitals or mixed case, an
 * abbreviation said letter by letter, a number said either way, a label
 * ("branch a or b"), nor in copy that is not English. */
static void
test_a_an (Fixture      *fixture,
           gconstpointer data)
{
  static const struct
  {
    const char *body, *expect, *fix;
  } cases[] = {
    {"They have a inside chance.",                                                                                       "body:10-11:a",                                                         "an"},
    { "Such an request was refused.",                                                                                    "body:5-7:an",                                                          "a" },
    { "A increase was seen.",                                                                                            "body:0-1:A",                                                           "An"},
    { "An rise too.",                                                                                                    "body:0-2:An",                                                          "A" },
    { "He is a 18-year-old. It was a 8-0 win. She is an 20-year-old.",
     "body:6-7:a\nbody:28-29:a\nbody:46-48:an",                                                                                                                                                  "an"},
    { "an 18-year-old, an 11-year-old, an 8% rise, an 1880s house, a 110-year-old tree, a 1,800-seat hall.",             "",                                                                     NULL},
    { "An honest man, an hour, an historic day, a union, an uncle, a one-off, a eulogy, a ouija board.",                 "",                                                                     NULL},
    { "An onerous task, a unilateral move, an unidentified man, an unusual day, a useful tool, an usher.",               "",                                                                     NULL},
    { "It is an unique chance at an university.",                                                                        "body:6-8:an\nbody:26-28:an",                                           "a" },
    { "They bought an one-off stamp for an euro.",                                                                       "body:12-14:an\nbody:33-35:an",                                         "a" },
    { "An MP, a NATO summit, an mRNA vaccine, an FBI agent, an mbox file, an lcd screen, an x-ray, an nth time.",        "",                                                                     NULL},
    { "A FBI agent met a NHS nurse, an BBC crew and an UN envoy at a EU summit.",                                        "body:0-1:A\nbody:16-17:a\nbody:29-31:an\nbody:45-47:an\nbody:60-61:a", NULL},
    { "an FBI's file, two MPs, an MP's seat, an HR team, an SMS, an LGBT group, an MBA, an NGO, an EU law.",             "",                                                                     NULL},
    { "a UN report, a UEFA match, a US-led force, a BBC film, a TV, a ONE-OFF, a EURO, a WHO report, a UNICEF team.",    "",                                                                     NULL},
    { "a SWAT team, a NASA probe, a HIV test, an HIV test, a SEC filing, a FTSE 100 firm, a AAA rating, an AA meeting.", "",                                                                     NULL},
    { "It was a MASSIVE win, an UNBELIEVABLE day, a HUGE crowd, an AMAZING goal, A FRESH START.",                        "",                                                                     NULL},
    { "It was a MP's seat.",                                                                                             "body:7-8:a",                                                           "an"},
    { "He carried a umbrella to a unlikely meeting, a ugly scene in a urban park.",                                      "body:11-12:a\nbody:25-26:a\nbody:45-46:a\nbody:61-62:a",               "an"},
    { "an unusual day, a unit, an upbeat mood, an utter mess, an usher, a unanimous vote.",                              "",                                                                     NULL},
    { "a priori, branch a or branch b, $a is set, 8 a.m. today, (a) the first, Plan A is fine.",                         "",                                                                     NULL},
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CdArticle) article = make_article ("Council meets", cases[i].body);
      g_autoptr (GPtrArray) findings = NULL;
      g_autofree char *found = NULL;

      g_test_message ("%s", cases[i].body);
      cd_article_set_language (article, "en-GB");
      findings = cd_checker_run (fixture->checker, article);
      found = describe (findings, CD_CHECK_RULE_A_AN);
      g_assert_cmpstr (found, ==, cases[i].expect);
      if (cases[i].fix != NULL)
        g_assert_cmpstr (find (findings, CD_CHECK_RULE_A_AN, NULL)->suggestion, ==, cases[i].fix);
    }

  {
    g_autofree char *found = check_language (fixture, "de-DE", "Er ging an die Grenze, an der ein Zaun steht.",
                                             CD_CHECK_RULE_A_AN);

    g_assert_cmpstr (found, ==, "");
  }
  {
    g_autofree char *found = check_language (fixture, "EN", "It was an big day.", CD_CHECK_RULE_A_AN);

    g_assert_cmpstr (found, ==, "body:7-9:an");
  }
}

static void
test_repeated_words (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autoptr (CdArticle) article = make_article ("x", "He saw the the car. It had had no brakes. "
                                                     "Go to\n\nto bed. 10 10 times.");
  g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);

  text = describe (findings, CD_CHECK_RULE_REPEATED_WORD);
  g_assert_cmpstr (text, ==, "body:7-14:the the");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_REPEATED_WORD, NULL)->suggestion, ==, "the");
  g_free (text);

  /* Words a language writes twice in good copy are left alone in that
   * language only; others doubled are still reported. */
  text = check_language (fixture, "de-DE",
                         "Die Frau, die die Zeitung liest, sagte, dass das das Beste sei. "
                         "Er kam kam spät.",
                         CD_CHECK_RULE_REPEATED_WORD);
  g_assert_cmpstr (text, ==, "body:67-74:kam kam");
  g_free (text);
  text = check_language (fixture, "fr-FR", "Nous nous sommes vus. Il faut que que je parte.",
                         CD_CHECK_RULE_REPEATED_WORD);
  g_assert_cmpstr (text, ==, "body:30-37:que que");
  g_free (text);
  text = check_language (fixture, "nl", "Hij zei dat dat goed was.", CD_CHECK_RULE_REPEATED_WORD);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  /* A full stop typed twice, not an ellipsis nor a range. */
  text = check_body (fixture, "No money.. Then 1..5, wait... and \"end..\" and end..\n\nNothing..", CD_CHECK_RULE_REPEATED_WORD);
  g_assert_cmpstr (text, ==, "body:8-10:..\nbody:38-40:..\nbody:49-51:..\nbody:60-62:..");
  g_free (text);
  text = check_language (fixture, "en-US", "The man who the the dog bit said that that was it. "
                                           "Nous nous.",
                         CD_CHECK_RULE_REPEATED_WORD);
  g_assert_cmpstr (text, ==, "body:12-19:the the\nbody:51-60:Nous nous");
}

static void
test_spacing (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *text = NULL;

  text = check_body (fixture,
                     "Two  spaces. A comma , here.And a stop .\n"
                     "A hard break  \nnext line.\n\n    indented code\n\n"
                     "| a  | b |\n|---|---|\n\nHe said ... and left,then came. `a  b`\n\n"
                     "-   a list item\n1.  another\n>  quoted",
                     CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "body:3-5:  \nbody:20-21: \nbody:38-39: \nbody:129-130:,");
  g_free (text);

  {
    g_autoptr (CdArticle) article = make_article (" Headline with spaces ", "Body.");
    g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);

    text = describe (findings, CD_CHECK_RULE_SPACING);
    g_assert_cmpstr (text, ==, "headline:0-1: \nheadline:21-22: ");
    g_free (text);
  }

  /* French sets a space before ; : ! and ?, not before a comma or a stop;
   * English sets none before any. */
  text = check_language (fixture, "fr-FR",
                         "« Pourquoi ? » Il a dit : « Bravo ! » ; puis , enfin .",
                         CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "body:44-45: \nbody:52-53: ");
  g_free (text);
  /* Where French copy sets that space more often than not, a place that
   * leaves it out is reported, the fix the space the article uses (here a
   * narrow no-break one before ?, a no-break one before the colon); the
   * colon is counted apart, and 14:30 and "?!" are no such place. Copy that
   * never sets it, as Canada's, is left alone. */
  text = check_language (fixture, "fr-FR",
                         "Pourquoi\u202f? Comment\u202f! Il a dit\u00a0: oui. Il précise\u00a0: non. "
                         "Vraiment? À 14:30, il dit: « Bon »?! Enfin\u202f;",
                         CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "body:63-64:?\nbody:80-81::\nbody:89-90:?");
  g_free (text);
  {
    g_autoptr (CdArticle) article = make_article ("Headline", "Il a dit\u00a0: oui. Il précise\u00a0: non. Il dit: « Bon ».");
    g_autoptr (GPtrArray) findings = NULL;

    cd_article_set_language (article, "fr-FR");
    findings = cd_checker_run (fixture->checker, article);
    g_assert_cmpstr (find (findings, CD_CHECK_RULE_SPACING, ":")->suggestion, ==, "\u00a0:");
  }
  {
    g_autoptr (CdArticle) article = make_article ("Headline", "«\u202fOui\u202f», dit-il. «\u202fNon\u202f». «Bon!»");
    g_autoptr (GPtrArray) findings = NULL;

    cd_article_set_language (article, "fr-FR");
    findings = cd_checker_run (fixture->checker, article);
    g_assert_cmpstr (find (findings, CD_CHECK_RULE_SPACING, "«")->suggestion, ==, "«\u202f");
    g_assert_cmpstr (find (findings, CD_CHECK_RULE_SPACING, "»")->suggestion, ==, "\u202f»");
  }
  text = check_language (fixture, "fr-CA", "Pourquoi? Comment! Il a dit : oui. Vraiment?", CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  /* Inside guillemets alike: Swiss copy sets no space there. */
  text = check_language (fixture, "fr-FR", "« Oui », dit-il. « Non », dit-elle. «Peut-être», dit-on. Il a dit «oui ».",
                         CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "body:36-37:«\nbody:46-47:»\nbody:66-67:«");
  g_free (text);
  text = check_language (fixture, "fr-CH", "«Oui», dit-il. «Non», dit-elle. « Peut-être », dit-on.", CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  text = check_language (fixture, "en-GB", "Why ? He said : yes !", CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "body:3-4: \nbody:13-14: \nbody:19-20: ");
  g_free (text);

  /* A space inside a quote's marks: none in English, German or Danish;
   * French sets one. A mark typed the wrong way round is left to the
   * quotes rule. */
  text = check_body (fixture, "He said “ we will win” and “we lost ”. “Yes, ” he said. \" Why\" she asked. \"Now \" it is. “Wrong,“ he said.",
                     CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "body:9-10: \nbody:35-36: \nbody:44-45: \nbody:57-58: \nbody:78-79: ");
  g_free (text);
  text = check_language (fixture, "de-DE", "Er sagte: „ Wir gewinnen “, und ging.", CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "body:11-12: \nbody:24-25: ");
  g_free (text);
  text = check_language (fixture, "da", "» Det er godt,« siger hun. »Nej «, siger han.", CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "body:1-2: \nbody:31-32: ");
  g_free (text);
  text = check_language (fixture, "fr-FR", "« Oui », a-t-il dit. “ Non ”.", CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  /* A dash typed as a spaced hyphen, where the article sets a dash
   * elsewhere: the article's dash is the fix. Not beside a number, after a
   * dateline or a legend's first word; nothing where no dash is set. */
  {
    g_autoptr (CdArticle) article = make_article ("Council meets",
                                                  "Perhaps he was lucky, too — but not by much. It scrapped a merger of two units - "
                                                  "Samsung Heavy and Samsung Engineering -- because of the cost. The score was 3 - 1, "
                                                  "open 10 am - 5 pm.\n\nclr - clear\n\nBERLIN (dpa) - Die Zahl");
    g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);

    text = describe (findings, CD_CHECK_RULE_SPACING);
    g_assert_cmpstr (text, ==, "body:79-80:-\nbody:119-121:--");
    g_assert_cmpstr (find (findings, CD_CHECK_RULE_SPACING, "--")->suggestion, ==, "—");
    g_free (text);
  }
  text = check_body (fixture, "It scrapped a merger of two units - Samsung Heavy and Samsung Engineering.", CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  text = check_body (fixture, "The first – and the second – of the three units - all of them - closed.", CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "body:48-49:-\nbody:62-63:-");
  g_free (text);

  /* A question or exclamation mark run into the next sentence. */
  text = check_body (fixture, "Why?Then he left. Ja!Nej. Så då?– Har du? OK?! Yahoo! Japan. ¿Qué?¡No! OK?Then.", CD_CHECK_RULE_SPACING);
  g_assert_cmpstr (text, ==, "body:3-4:?\nbody:20-21:!\nbody:31-32:?");
}

static void
test_leftover_markup (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;

  article = make_article ("Storm hits TK towns",
                          "[caption id=\"12\"]A photo[/caption] and [gallery] here. "
                          "<b>bold</b> &amp; <!-- note --> TKTK, XX and ??? and {{name}}. "
                          "Not these: [a link](https://example.com), [sic], [ref][1], "
                          "<https://example.com>, a < b, 3 > 2, `<i>code</i>`, TKO, XXL.\n\n"
                          "[1]: https://example.com/ref");
  findings = cd_checker_run (fixture->checker, article);
  text = describe (findings, CD_CHECK_RULE_LEFTOVER_MARKUP);
  g_assert_cmpstr (text, ==,
                   "headline:11-13:TK\n"
                   "body:0-17:[caption id=\"12\"]\n"
                   "body:24-34:[/caption]\n"
                   "body:39-48:[gallery]\n"
                   "body:55-58:<b>\n"
                   "body:62-66:</b>\n"
                   "body:67-72:&amp;\n"
                   "body:73-86:<!-- note -->\n"
                   "body:87-91:TKTK\n"
                   "body:93-95:XX\n"
                   "body:100-103:???\n"
                   "body:108-116:{{name}}");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_LEFTOVER_MARKUP, "&amp;")->suggestion, ==, "&");
  g_assert_cmpstr (find (findings, CD_CHECK_RULE_LEFTOVER_MARKUP, "<b>")->suggestion, ==, "");
  g_assert_null (find (findings, CD_CHECK_RULE_LEFTOVER_MARKUP, "TK")->suggestion);
}

static void
test_headline_length (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Zürich café reopens after fire", "Body.");
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;

  cd_checker_set_headline_limit (fixture->checker, 20);
  findings = cd_checker_run (fixture->checker, article);
  text = describe (findings, CD_CHECK_RULE_HEADLINE_LENGTH);
  g_assert_cmpstr (text, ==, "headline:20-30:after fire");

  cd_checker_set_headline_limit (fixture->checker, 30);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, article);
  g_assert_null (find (findings, CD_CHECK_RULE_HEADLINE_LENGTH, NULL));
}

static void
test_missing_fields (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("Bridge closes", "Body.");
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *text = NULL;

  findings = cd_checker_run (fixture->checker, article);
  g_assert_null (find (findings, CD_CHECK_RULE_MISSING_FIELD, NULL));

  cd_article_set_status (article, CD_ARTICLE_STATUS_READY_FOR_EDIT);
  cd_article_set_byline (article, "Jo Smith");
  cd_article_set_slug (article, "  ");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, article);
  text = describe (findings, CD_CHECK_RULE_MISSING_FIELD);
  g_assert_cmpstr (text, ==, "dateline:0-0:\nslug:0-2:  ");

  cd_article_set_status (article, CD_ARTICLE_STATUS_KILLED);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, article);
  g_assert_null (find (findings, CD_CHECK_RULE_MISSING_FIELD, NULL));
}

static void
test_house_style (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CdChecker) again = NULL;

  text = check_body (fixture, "In order to help, send an e-mail prior to Friday.",
                     CD_CHECK_RULE_HOUSE_STYLE);
  g_assert_cmpstr (text, ==, "body:0-11:In order to\nbody:26-32:e-mail\nbody:33-41:prior to");
  g_assert_nonnull (strstr (cd_check_get_default_house_style (), "e-mail → email"));

  g_assert_false (cd_checker_set_house_style (fixture->checker, "good\nno arrow here", &error));
  g_assert_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_HOUSE_STYLE);
  g_assert_nonnull (strstr (error->message, "Line 1"));
  g_clear_error (&error);

  /* A newsroom's own list, from checks/house-style.txt in the data dir. */
  path = g_build_filename (fixture->dir, "checks", NULL);
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  g_free (path);
  path = g_build_filename (fixture->dir, "checks", "house-style.txt", NULL);
  g_assert_true (g_file_set_contents (path, "# ours\nKiev -> Kyiv\nvery →\n", -1, NULL));
  again = cd_checker_new ();
  g_assert_true (cd_checker_load_data_dir (again, fixture->dir, &error));
  g_assert_no_error (error);
  {
    g_autoptr (CdArticle) article = make_article ("x", "Very good news from Kiev, in order to.");
    g_autoptr (GPtrArray) findings = cd_checker_run (again, article);

    g_free (text);
    text = describe (findings, CD_CHECK_RULE_HOUSE_STYLE);
    g_assert_cmpstr (text, ==, "body:0-4:Very\nbody:20-24:Kiev");
    g_assert_cmpstr (find (findings, CD_CHECK_RULE_HOUSE_STYLE, "Kiev")->suggestion, ==, "Kyiv");
    g_assert_null (find (findings, CD_CHECK_RULE_HOUSE_STYLE, "Very")->suggestion);
  }
}

/* The lists as Preferences edits them: a word taken out of the list is
 * flagged again (a dictionary word stays right), a list read again replaces
 * what was in memory, the house style can go back to Copydesk's, and the
 * newsroom language is a file the next checker reads. */
static void
test_lists_edit (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdChecker) again = NULL;
  g_auto (GStrv) words = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  const char      *kept[] = { "blorft", NULL };

  g_assert_true (cd_checker_load_data_dir (fixture->checker, fixture->dir, &error));
  g_assert_no_error (error);
  words = cd_check_parse_words ("  blorft \n\nLondon\nzarquon\nblorft\n", &error);
  g_assert_no_error (error);
  text = g_strjoinv (",", words);
  g_assert_cmpstr (text, ==, "blorft,London,zarquon");
  g_assert_true (cd_checker_save_words (fixture->checker, (const char *const *) words, &error));
  g_assert_no_error (error);
  g_free (text);
  text = check_body (fixture, "The blorft met zarquon in London.", CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "");

  /* Taken out: zarquon is wrong again, London (the dictionary's) is not. */
  g_assert_true (cd_checker_save_words (fixture->checker, kept, &error));
  g_free (text);
  text = check_body (fixture, "The blorft met zarquon in London.", CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "body:15-22:zarquon");
  path = g_build_filename (fixture->dir, "checks", "words.txt", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "blorft\n");

  /* Edited by hand, read again: the file is the list. */
  g_assert_true (g_file_set_contents (path, "zarquon\n", -1, NULL));
  g_assert_true (cd_checker_load_data_dir (fixture->checker, fixture->dir, &error));
  g_free (text);
  text = check_body (fixture, "The blorft met zarquon.", CD_CHECK_RULE_SPELLING);
  g_assert_cmpstr (text, ==, "body:4-10:blorft");

  g_clear_pointer (&words, g_strfreev);
  words = cd_check_parse_words ("Kyiv\nSan Marino\n", &error);
  g_assert_null (words);
  g_assert_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  /* House style: the newsroom's own list, then Copydesk's again. */
  g_assert_false (cd_checker_save_house_style (fixture->checker, "Kiev → Kyiv\nno arrow", &error));
  g_assert_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_HOUSE_STYLE);
  g_clear_error (&error);
  g_free (path);
  path = g_build_filename (fixture->dir, "checks", "house-style.txt", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (cd_checker_save_house_style (fixture->checker, "Kharkov → Kharkiv\n", &error));
  g_assert_no_error (error);
  g_free (text);
  text = check_body (fixture, "From Kharkov, in order to help.", CD_CHECK_RULE_HOUSE_STYLE);
  g_assert_cmpstr (text, ==, "body:5-12:Kharkov");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (cd_checker_save_house_style (fixture->checker, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_free (text);
  text = check_body (fixture, "From Kiev, in order to help.", CD_CHECK_RULE_HOUSE_STYLE);
  g_assert_cmpstr (text, ==, "body:5-9:Kiev\nbody:11-22:in order to");

  /* The newsroom language. */
  g_assert_null (cd_check_read_language (fixture->dir));
  g_assert_false (cd_checker_save_default_language (fixture->checker, "en_GB", &error));
  g_assert_error (error, CD_CHECK_ERROR, CD_CHECK_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (cd_checker_save_default_language (fixture->checker, "en-GB", &error));
  g_assert_no_error (error);
  g_free (text);
  text = cd_check_read_language (fixture->dir);
  g_assert_cmpstr (text, ==, "en-GB");
  again = cd_checker_new ();
  g_assert_true (cd_checker_load_data_dir (again, fixture->dir, &error));
  g_assert_cmpstr (cd_checker_get_default_language (again), ==, "en-GB");
  {
    g_autoptr (CdArticle) article = make_article ("x", "The colour of the harbour.");
    g_autoptr (GPtrArray) findings = NULL;

    cd_article_set_language (article, "");
    findings = cd_checker_run (again, article);
    g_assert_null (find (findings, CD_CHECK_RULE_SPELLING, NULL));
  }
  g_assert_true (cd_checker_save_default_language (again, NULL, &error));
  g_free (text);
  text = cd_check_read_language (fixture->dir);
  g_assert_null (text);

  /* Installed dictionaries, as tags. */
  {
    g_auto (GStrv) tags = cd_check_list_languages ();

    g_assert_true (g_strv_contains ((const char *const *) tags, "en-GB"));
    g_assert_true (g_strv_contains ((const char *const *) tags, "en-US"));
  }
}

/* Offsets count characters, not bytes, in the raw Markdown. */
static void
test_character_offsets (Fixture      *fixture,
                        gconstpointer data)
{
  const char *body = "## Zürich — café\n\n**Größe** „x“ and the the end.";
  g_autoptr (CdArticle) article = make_article ("x", body);
  g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);
  const CdFinding *f = find (findings, CD_CHECK_RULE_REPEATED_WORD, NULL);
  const char      *at = strstr (body, "the the");

  g_assert_nonnull (f);
  g_assert_cmpuint (f->start, ==, g_utf8_pointer_to_offset (body, at));
  g_assert_cmpuint (f->end, ==, f->start + 7);
}

/* Text that reads as another language than the article's is one finding
 * on the language, and spelling waits; the person who ignores it (the
 * article is in its language, whatever its words look like) gets the
 * spelling back. */
static void
test_language_ignored (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = make_article (
      "Haushalt", "Bundeskanzler Olaf Scholz sieht eine Einigung im Haushaltsstreit in greifbarer Nähe. "
                  "Die Koalition verhandelt seit Wochen über die Ausgaben des kommenden Jahres, sagte er.");
  g_autoptr (GPtrArray) findings = NULL;
  const CdFinding *language;

  cd_article_set_language (article, "en");
  g_assert_true (cd_checker_load_data_dir (fixture->checker, fixture->dir, &error));
  findings = cd_checker_run (fixture->checker, article);
  language = find (findings, CD_CHECK_RULE_LANGUAGE, "en");
  g_assert_nonnull (language);
  g_assert_cmpstr (language->field, ==, "language");
  g_assert_cmpstr (language->suggestion, ==, "de");
  g_assert_null (find (findings, CD_CHECK_RULE_SPELLING, "sieht"));

  g_assert_true (cd_checker_ignore (fixture->checker, cd_article_get_uuid (article), language, &error));
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, article);
  g_assert_null (find (findings, CD_CHECK_RULE_LANGUAGE, "en"));
  g_assert_nonnull (find (findings, CD_CHECK_RULE_SPELLING, "sieht"));

  /* In its own language, no finding. */
  cd_article_set_language (article, "de-DE");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, article);
  g_assert_null (find (findings, CD_CHECK_RULE_LANGUAGE, "de-DE"));
  g_assert_null (find (findings, CD_CHECK_RULE_SPELLING, "sieht"));
}

static void
test_ignore (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = make_article ("x", "The goverment and the the car.");
  g_autoptr (CdArticle) other = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (CdChecker) again = NULL;
  const char *uuid = cd_article_get_uuid (article);

  g_assert_true (cd_checker_load_data_dir (fixture->checker, fixture->dir, &error));
  findings = cd_checker_run (fixture->checker, article);
  g_assert_nonnull (find (findings, CD_CHECK_RULE_SPELLING, "goverment"));
  g_assert_true (cd_checker_ignore (fixture->checker, uuid,
                                    find (findings, CD_CHECK_RULE_SPELLING, "goverment"),
                                    &error));
  g_assert_no_error (error);

  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, article);
  g_assert_null (find (findings, CD_CHECK_RULE_SPELLING, "goverment"));
  g_assert_nonnull (find (findings, CD_CHECK_RULE_REPEATED_WORD, "the the"));

  /* Per article: another article still gets the finding. */
  other = make_article ("x", "The goverment.");
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, other);
  g_assert_nonnull (find (findings, CD_CHECK_RULE_SPELLING, "goverment"));

  /* Reading the lists again keeps it. */
  g_assert_true (cd_checker_load_data_dir (fixture->checker, fixture->dir, &error));
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (fixture->checker, article);
  g_assert_null (find (findings, CD_CHECK_RULE_SPELLING, "goverment"));

  /* And it persists. */
  again = cd_checker_new ();
  g_assert_true (cd_checker_load_data_dir (again, fixture->dir, &error));
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cd_checker_run (again, article);
  g_assert_null (find (findings, CD_CHECK_RULE_SPELLING, "goverment"));
}

typedef struct
{
  GPtrArray *findings;
  int        task_gone;
} AsyncRun;

static void
task_finalized (gpointer data,
                GObject *where_the_object_was)
{
  g_atomic_int_set (&((AsyncRun *) data)->task_gone, 1);
}

static void
run_async_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncRun *run = user_data;
  g_autoptr (GError) error = NULL;

  run->findings = cd_checker_run_finish (CD_CHECKER (source), result, &error);
  g_assert_no_error (error);
  g_object_weak_ref (G_OBJECT (result), task_finalized, run);
}

static void
test_async (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr (CdArticle) article = make_article ("x", "The goverment and the the car.");
  g_autoptr (GPtrArray) sync = cd_checker_run (fixture->checker, article);
  AsyncRun         run = { NULL, 0 };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gint64           deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  cd_checker_run_async (fixture->checker, article, NULL, run_async_cb, &run);
  /* The run works on a copy: editing now changes nothing in its result. */
  cd_article_set_body (article, "Clean.");
  while (run.findings == NULL)
    g_main_context_iteration (NULL, TRUE);
  a = describe (sync, NULL);
  b = describe (run.findings, NULL);
  g_assert_cmpstr (a, ==, b);
  g_ptr_array_unref (run.findings);

  /* The worker thread lets go of the task (and the checker) just after. */
  while (!g_atomic_int_get (&run.task_gone) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (g_atomic_int_get (&run.task_gone));
}

/* Texts pieced together from fragments that upset scanners: unbalanced
 * markup, quotes of every kind, URLs, combining marks, emoji, placeholders.
 * Whatever the text, every finding must point at exactly its text. */
static void
test_robustness (Fixture      *fixture,
                 gconstpointer data)
{
  static const char *pieces[] = {
    " ",
    "  ",
    "\n",
    "\n\n",
    "the",
    "The",
    "goverment",
    "al-",
    "Al-",
    "Assad",
    "’s",
    "'",
    "\"",
    "“",
    "”",
    "„",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "{{",
    "}}",
    "<",
    ">",
    "</",
    "<b>",
    "<!--",
    "-->",
    "&",
    "&amp;",
    "&#",
    ";",
    "`",
    "```",
    "~~~",
    "http://",
    "www.",
    "@",
    "#",
    "TK",
    "XX",
    "???",
    "-",
    "—",
    "…",
    ".",
    ",",
    "!",
    "?",
    ":",
    "e\xcc\x81",
    "\xf0\x9f\x98\x80",
    "Zürich",
    "Kurd",
    "Kurds",
    "|",
    "> ",
    "1)",
    "- ",
    "[caption id=1]",
    "[/caption]",
    "](",
    "lorem",
    "ipsum",
    "Mc",
    "Donald",
    "O’",
    "Brien",
    "ß",
    "\t",
    "=",
  };
  GRand *rand = g_rand_new_with_seed (20261124);

  /* Enchant's own suggestions would make this slow and test nothing more. */
  cd_checker_set_thorough_suggestions (fixture->checker, FALSE);

  for (guint n = 0; n < 1500; n++)
    {
      g_autoptr (GString) body = g_string_new (NULL);
      g_autoptr (GString) headline = g_string_new (NULL);
      g_autoptr (CdArticle) article = NULL;
      g_autoptr (GPtrArray) findings = NULL;
      guint length = g_rand_int_range (rand, 0, 80);

      for (guint i = 0; i < length; i++)
        g_string_append (body, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      for (guint i = 0; i < length / 8; i++)
        g_string_append (headline, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      article = make_article (headline->str, body->str);
      cd_article_set_dek (article, headline->str);
      cd_article_set_status (article, n % 3 == 0 ? CD_ARTICLE_STATUS_READY_FOR_EDIT
                                                 : CD_ARTICLE_STATUS_DRAFT);
      findings = cd_checker_run (fixture->checker, article);

      for (guint k = 0; k < findings->len; k++)
        {
          const CdFinding *f = g_ptr_array_index (findings, k);
          g_autofree char *field = cd_article_get_field (article, f->field);
          const char      *value = field != NULL ? field : "";
          glong            chars = g_utf8_strlen (value, -1);
          const char      *start, *end;

          g_assert_true (g_strv_contains (cd_check_list_rules (), f->rule));
          g_assert_cmpuint (f->start, <=, f->end);
          g_assert_cmpint (f->end, <=, chars);
          start = g_utf8_offset_to_pointer (value, f->start);
          end = g_utf8_offset_to_pointer (value, f->end);
          g_assert_cmpint (strlen (f->text), ==, end - start);
          g_assert_true (strncmp (start, f->text, end - start) == 0);
          g_assert_true (g_utf8_validate (f->message, -1, NULL));
          g_assert_true (f->suggestion == NULL || g_utf8_validate (f->suggestion, -1, NULL));
        }
    }
  g_rand_free (rand);
}

/* The corpus */

typedef struct
{
  guint tp, fp, fn;
} Score;

static gboolean
expected_matches (JsonObject      *expected,
                  const CdFinding *finding)
{
  if (!g_str_equal (json_object_get_string_member (expected, "rule"), finding->rule))
    return FALSE;
  if (json_object_has_member (expected, "field") &&
      !g_str_equal (json_object_get_string_member (expected, "field"), finding->field))
    return FALSE;
  if (json_object_has_member (expected, "text") &&
      !g_str_equal (json_object_get_string_member (expected, "text"), finding->text))
    return FALSE;
  return TRUE;
}

static Score *
score_for (GHashTable *scores,
           const char *rule)
{
  Score *score = g_hash_table_lookup (scores, rule);

  if (score == NULL)
    {
      score = g_new0 (Score, 1);
      g_hash_table_insert (scores, g_strdup (rule), score);
    }
  return score;
}

/* The corpus's stored images: their sizes, from data/checks/images.json,
 * stand in for the store's. */
static CdImageInfo *
corpus_image_lookup (gpointer    user_data,
                     const char *id)
{
  JsonObject *images = user_data;
  JsonObject *image;

  if (!json_object_has_member (images, id))
    return NULL;
  image = json_object_get_object_member (images, id);
  return cd_image_info_new (id, json_object_get_string_member (image, "mime_type"),
                            json_object_get_int_member (image, "width"),
                            json_object_get_int_member (image, "height"),
                            json_object_get_int_member (image, "size"));
}

static void
test_corpus (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *images_path = NULL;
  g_autoptr (JsonParser) images_parser = json_parser_new ();
  CdImageSource images = { corpus_image_lookup, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (CdChecker) checker = cd_checker_new ();
  g_autoptr (GList) names = NULL;
  const char *const *rules = cd_check_list_rules ();
  JsonObject        *expected;
  guint              n_articles = 0, n_clean = 0;
  gboolean           failed = FALSE;

  expected = checks_test_load_expected (parser, &dir);
  images_path = g_build_filename (dir, "images.json", NULL);
  json_parser_load_from_file (images_parser, images_path, &error);
  g_assert_no_error (error);
  images.user_data = json_node_get_object (json_parser_get_root (images_parser));
  cd_checker_set_image_source (checker, &images, NULL);
  names = json_object_get_members (expected);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char      *name = l->data;
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (CdArticle) article = cd_import_file (path, &error);
      g_autoptr (GPtrArray) findings = NULL;
      g_autofree gboolean *used = NULL;
      JsonArray           *wanted = json_object_get_array_member (expected, name);

      g_assert_no_error (error);
      findings = cd_checker_run (checker, article);
      used = g_new0 (gboolean, findings->len);
      n_articles++;
      if (json_array_get_length (wanted) == 0)
        n_clean++;

      for (guint i = 0; i < json_array_get_length (wanted); i++)
        {
          JsonObject *want = json_array_get_object_element (wanted, i);
          Score      *score = score_for (scores, json_object_get_string_member (want, "rule"));
          gboolean    found = FALSE;

          for (guint k = 0; k < findings->len && !found; k++)
            if (!used[k] && expected_matches (want, g_ptr_array_index (findings, k)))
              used[k] = found = TRUE;
          if (found)
            score->tp++;
          else
            {
              score->fn++;
              g_test_message ("%s: missed %s “%s”", name,
                              json_object_get_string_member (want, "rule"),
                              json_object_get_string_member_with_default (want, "text", ""));
            }
        }
      for (guint k = 0; k < findings->len; k++)
        if (!used[k])
          {
            const CdFinding *f = g_ptr_array_index (findings, k);

            score_for (scores, f->rule)->fp++;
            g_test_message ("%s: unexpected %s %s:%u-%u “%s”", name, f->rule, f->field,
                            f->start, f->end, f->text);
          }
    }

  g_assert_cmpuint (n_articles, >=, 30);
  g_assert_cmpuint (n_clean, >=, 10);

  g_printerr ("\n%-16s %4s %4s %4s %9s %7s\n", "rule", "tp", "fp", "fn", "precision", "recall");
  for (guint i = 0; rules[i] != NULL; i++)
    {
      Score *score = score_for (scores, rules[i]);
      double precision = score->tp + score->fp > 0 ? (double) score->tp / (score->tp + score->fp) : 1.0;
      double recall = score->tp + score->fn > 0 ? (double) score->tp / (score->tp + score->fn)
                                                : 0.0;

      g_printerr ("%-16s %4u %4u %4u %9.3f %7.3f\n", rules[i], score->tp, score->fp,
                  score->fn, precision, recall);
      /* Every rule has planted errors to find. */
      if (score->tp + score->fn == 0 || precision < 0.9 || recall < 0.8)
        failed = TRUE;
    }
  g_assert_false (failed);
}

/* The command line */

static int
run_cli (const char *const *args,
         char             **out,
         char             **err)
{
  const char *bin = g_getenv ("COPYDESK_BIN");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (Fixture      *fixture,
          gconstpointer data)
{
  g_autofree char *dirty = g_test_build_filename (G_TEST_DIST, "data", "checks",
                                                  "01-council-budget.md", NULL);
  g_autofree char *clean = g_test_build_filename (G_TEST_DIST, "data", "checks",
                                                  "c01-iran-iraq.md", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "nope.md", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray       *findings;
  JsonObject      *first;

  {
    const char *args[] = { "--data-dir", fixture->dir, "check", dirty, "--json", NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
  }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  findings = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 4);
  first = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "rule"), ==, "spelling");
  g_assert_cmpstr (json_object_get_string_member (first, "severity"), ==, "warning");
  g_assert_cmpstr (json_object_get_string_member (first, "field"), ==, "body");
  g_assert_cmpint (json_object_get_int_member (first, "start"), ==, 132);
  g_assert_cmpint (json_object_get_int_member (first, "end"), ==, 141);
  g_assert_cmpstr (json_object_get_string_member (first, "text"), ==, "goverment");
  g_assert_true (json_object_has_member (first, "message"));
  g_assert_cmpstr (json_object_get_string_member (first, "suggestion"), ==, "government");
  g_assert_cmpuint (json_object_get_size (first), ==, 8);

  /* Human lines: field:start-end: rule: message (suggestion). */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--data-dir", fixture->dir, "check", dirty, NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
  }
  g_assert_true (g_str_has_prefix (out, "body:132-141: spelling: "));
  g_assert_nonnull (strstr (out, "(government)\n"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--data-dir", fixture->dir, "check", clean, "--json", NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  findings = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 0);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--data-dir", fixture->dir, "check", missing, NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  }
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, missing));
  g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--data-dir", fixture->dir, "check",
                           "0b6f3a4e-9d1c-4a57-b2c4-1f0e2d3c4b5a", NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  }
  /* One sentence, naming the uuid once. */
  g_assert_cmpstr (err, ==,
                   "copydesk: No article has the uuid “0b6f3a4e-9d1c-4a57-b2c4-1f0e2d3c4b5a”.\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--data-dir", fixture->dir, "check", NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  }

  /* An article in the store, by uuid. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--data-dir", fixture->dir, "import", dirty, NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
  {
    g_autofree char *uuid = g_strdup (g_strstrip (out));
    const char      *args[] = { "--data-dir", fixture->dir, "check", uuid, "--json", NULL };

    g_assert_true (g_uuid_string_is_valid (uuid));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
  }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  findings = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 4);
  first = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "text"), ==, "goverment");

  /* The uuid in capitals finds the same article. */
  {
    g_autofree char *upper = NULL;
    const char      *args[] = { "--data-dir", fixture->dir, "check", NULL, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    {
      const char *list[] = { "--data-dir", fixture->dir, "list", NULL };

      g_assert_cmpint (run_cli (list, &out, &err), ==, 0);
    }
    upper = g_ascii_strup (out, 36);
    g_assert_true (g_uuid_string_is_valid (upper));
    args[3] = upper;
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_str_has_prefix (out, "body:132-141: spelling: "));
  }
}

/* A block kept byte for byte (a ```wordpress fence) is WordPress's markup,
 * not prose: no rule reads it (spelling, repeated words, spacing, quotes,
 * leftover markup, house style, names spelled two ways), whatever its
 * captions and alt text hold, and the findings around it keep their
 * character offsets. The fence here
 * is longer than three backticks, as cd_wp_fence() writes it when the
 * markup holds a run of three, and holds a shorter run of its own. */
static void
test_wordpress_blocks (Fixture      *fixture,
                       gconstpointer data)
{
  const char *body =
      "The the goverment met.\n\n"
      "````wordpress\n"
      "<!-- wp:image {\"id\":12} -->\n"
      "<figure class=\"wp-block-image\"><img src=\"a.jpg\" alt=\"the the goverment  said\"/>"
      "<figcaption>Teh council  met met, \"quoted ( TK [shortcode] alot, irregardless, "
      "Mayor Lena Ortis</figcaption></figure>\n"
      "<!-- /wp:image -->\n"
      "```\n"
      "the the goverment\n"
      "````\n\n"
      "It voted voted on the recieved plan. Mayor Lena Ortiz spoke.";
  g_autoptr (CdArticle) article = make_article ("Council meets", body);
  g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);
  g_autofree char *text = describe (findings, NULL);
  const char      *after = g_utf8_strrchr (body, -1, 'I');
  glong            voted = g_utf8_pointer_to_offset (body, after) + 3;
  g_autofree char *expected = g_strdup_printf ("body:0-7:The the\nbody:8-17:goverment\n"
                                               "body:%ld-%ld:voted voted\n"
                                               "body:%ld-%ld:recieved",
                                               voted, voted + 11, voted + 19, voted + 27);

  g_assert_cmpstr (text, ==, expected);
  for (guint i = 0; i < findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *at = g_utf8_substring (body, f->start, f->end);

      g_assert_cmpstr (at, ==, f->text);
    }
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
  ADD ("/checks/spelling/basic", test_spelling);
  ADD ("/checks/spelling/names", test_spelling_names);
  ADD ("/checks/spelling/word-list", test_spelling_word_list);
  ADD ("/checks/spelling/language", test_spelling_language);
  ADD ("/checks/spelling/no-dictionary", test_spelling_no_dictionary);
  ADD ("/checks/names/variants", test_names_variants);
  ADD ("/checks/names/across-fields", test_names_across_fields);
  ADD ("/checks/names/look-alikes", test_names_look_alikes);
  ADD ("/checks/names/hyphens", test_hyphen_variants);
  ADD ("/checks/quotes", test_quotes);
  ADD ("/checks/quotes/languages", test_quotes_languages);
  ADD ("/checks/quotes/spanish", test_quotes_spanish);
  ADD ("/checks/repeated-word", test_repeated_words);
  ADD ("/checks/a-an", test_a_an);
  ADD ("/checks/spacing", test_spacing);
  ADD ("/checks/leftover-markup", test_leftover_markup);
  ADD ("/checks/headline-length", test_headline_length);
  ADD ("/checks/missing-field", test_missing_fields);
  ADD ("/checks/house-style", test_house_style);
  ADD ("/checks/lists/edit", test_lists_edit);
  ADD ("/checks/offsets", test_character_offsets);
  ADD ("/checks/ignore", test_ignore);
  ADD ("/checks/language-ignored", test_language_ignored);
  ADD ("/checks/async", test_async);
  ADD ("/checks/robustness", test_robustness);
  ADD ("/checks/wordpress-blocks", test_wordpress_blocks);
  ADD ("/checks/cli", test_cli);
#undef ADD
  g_test_add_func ("/checks/corpus", test_corpus);

  return checks_test_run (config);
}
