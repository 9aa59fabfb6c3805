/* test-checks-mutate.c: the editorial checks measured on planted faults.
 *
 * The clean stories of the checks corpus (tests/data/checks, the ones
 * expected.json expects nothing of) are checked as they are, which counts
 * false alarms; then, again and again, one fault of one kind is planted at a
 * seeded random position (checks-mutate.h) and the story is checked again. A
 * planted fault is found when a finding of the right rule covers it (or, for
 * a quote or bracket, points into the pair it broke; for a name written
 * once each way, flags the other form and suggests nothing). A finding the
 * clean story did not have, that does not explain the fault and that does
 * not point at the planted text (another rule may rightly see it too) is a
 * false alarm; a name finding that suggests the planted form is one too.
 *
 * The test prints recall per kind of fault, precision per rule, false alarms
 * per 1,000 words of clean copy and the time the checks take, and holds each
 * rule to recall and precision of at least 0.9, each kind of fault to a
 * recall of at least 0.8, and clean copy to no name, quote or leftover alarm.
 *
 * COPYDESK_MUTATE_CORPUS=DIR runs the same measurement over every .md and
 * .txt file in DIR (real published copy kept outside the repository) and
 * prints it without holding it to the floors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cd-check.h"
#include "cd-import.h"
#include "checks-mutate.h"
#include "test-checks-util.h"

/* Faults planted per story and kind. */
#define TRIALS 4

typedef struct
{
  guint planted;
  guint hit;
} KindScore;

typedef struct
{
  guint tp;
  guint fp;
  guint clean_fp;
  guint planted;
  guint hit;
} RuleScore;

typedef struct
{
  KindScore   kinds[N_KINDS];
  GHashTable *rules; /* rule → RuleScore */
  guint       words;
  guint       clean_words;
  gint64      check_us;
  guint       runs;
} Scores;

static RuleScore *
rule_score (Scores     *scores,
            const char *rule)
{
  RuleScore *score = g_hash_table_lookup (scores->rules, rule);

  if (score == NULL)
    {
      score = g_new0 (RuleScore, 1);
      g_hash_table_insert (scores->rules, g_strdup (rule), score);
    }
  return score;
}

static char *
finding_key (const CdFinding *f)
{
  return g_strdup_printf ("%s\t%s\t%s", f->rule, f->field, f->text);
}

static EnchantDict *
request_dict (EnchantBroker *broker,
              const char    *language)
{
  g_autofree char *tag = g_strdup (language != NULL && *language ? language : "en-US");

  g_strdelimit (tag, "-", '_');
  if (g_str_equal (tag, "en"))
    return enchant_broker_request_dict (broker, "en_US");
  if (enchant_broker_dict_exists (broker, tag))
    return enchant_broker_request_dict (broker, tag);
  if (strchr (tag, '_') != NULL)
    *strchr (tag, '_') = '\0';
  return enchant_broker_dict_exists (broker, tag) ? enchant_broker_request_dict (broker, tag)
                                                  : NULL;
}

static gboolean
is_name_kind (MutateKind kind)
{
  return kind == KIND_NAME_RESPELLED || kind == KIND_NAME_TRANSLITERATED ||
         kind == KIND_NAME_CASE;
}

/* Whether a finding of the kind's rule explains the planted fault. */
static gboolean
explains (const CdFinding   *f,
          const MutatePlant *plant,
          MutateKind         kind)
{
  gboolean covers, inside;

  if (!g_str_equal (f->rule, mutate_kinds[kind].rule) || !g_str_equal (f->field, plant->field))
    return FALSE;
  covers = f->start <= plant->start && f->end >= plant->end;
  inside = (glong) f->start >= plant->region_start && (glong) f->end <= plant->region_end + 1;
  if (!is_name_kind (kind))
    return covers || inside;
  if (covers)
    return f->suggestion == NULL || strstr (f->suggestion, plant->original) != NULL;
  return FALSE;
}

/* A name written once each way: a finding on the right form that says the
 * forms differ and suggests nothing is as good as one on the planted form. */
static gboolean
explains_tie (const CdFinding   *f,
              const MutatePlant *plant,
              MutateKind         kind)
{
  return is_name_kind (kind) && g_str_equal (f->rule, mutate_kinds[kind].rule) &&
         f->suggestion == NULL && strstr (f->text, plant->original) != NULL;
}

static guint
count_words (CdArticle *article)
{
  static const char *fields[] = { "headline", "dek", "body", "image_caption" };
  guint              n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = cd_article_get_field (article, fields[i]);

      n += value != NULL ? cd_count_words (value) : 0;
    }
  return n;
}

static GPtrArray *
timed_run (Scores    *scores,
           CdChecker *checker,
           CdArticle *article)
{
  gint64     start = g_get_monotonic_time ();
  GPtrArray *findings = cd_checker_run (checker, article);

  scores->check_us += g_get_monotonic_time () - start;
  scores->words += count_words (article);
  scores->runs++;
  return findings;
}

static void
measure_story (Scores        *scores,
               CdChecker     *checker,
               EnchantBroker *broker,
               const char    *path,
               guint          story)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) clean = cd_import_file (path, &error);
  g_autoptr (GPtrArray) baseline = NULL;
  g_autoptr (GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EnchantDict *dict;

  g_assert_no_error (error);
  if (cd_article_get_language (clean) == NULL)
    cd_article_set_language (clean, "en");
  dict = request_dict (broker, cd_article_get_language (clean));

  baseline = timed_run (scores, checker, clean);
  scores->clean_words += count_words (clean);
  for (guint k = 0; k < baseline->len; k++)
    {
      const CdFinding *f = g_ptr_array_index (baseline, k);

      rule_score (scores, f->rule)->clean_fp++;
      g_hash_table_add (known, finding_key (f));
      g_test_message ("%s: clean copy: %s %s:%u-%u “%s”", path, f->rule, f->field, f->start,
                      f->end, f->text);
    }

  for (guint kind = 0; kind < N_KINDS; kind++)
    for (guint trial = 0; trial < TRIALS; trial++)
      {
        g_autoptr (CdArticle) article = cd_article_copy (clean);
        g_autoptr (GPtrArray) findings = NULL;
        Mutation   m = { NULL, dict, article, { 0 } };
        RuleScore *score = rule_score (scores, mutate_kinds[kind].rule);
        gboolean   hit = FALSE;

        m.rand = g_rand_new_with_seed (1400 + story * 1009 + kind * 31 + trial);
        if (!mutate (&m, kind, cd_checker_get_headline_limit (checker)))
          {
            g_rand_free (m.rand);
            mutate_plant_clear (&m.plant);
            continue;
          }
        g_rand_free (m.rand);
        findings = timed_run (scores, checker, article);
        scores->kinds[kind].planted++;
        score->planted++;

        for (guint k = 0; k < findings->len; k++)
          {
            const CdFinding *f = g_ptr_array_index (findings, k);
            g_autofree char *key = finding_key (f);

            if (explains (f, &m.plant, kind) || explains_tie (f, &m.plant, kind))
              {
                rule_score (scores, f->rule)->tp++;
                hit = TRUE;
              }
            else if (!g_hash_table_contains (known, key) &&
                     !(g_str_equal (f->field, m.plant.field) &&
                       (glong) f->start < m.plant.end && (glong) f->end > m.plant.start))
              {
                rule_score (scores, f->rule)->fp++;
                g_test_message ("%s: %s planted at %s:%ld-%ld: false alarm %s %s:%u-%u “%s”%s%s",
                                path, mutate_kinds[kind].name, m.plant.field, m.plant.start,
                                m.plant.end, f->rule, f->field, f->start, f->end, f->text,
                                f->suggestion ? " → " : "", f->suggestion ? f->suggestion : "");
              }
          }
        if (hit)
          {
            scores->kinds[kind].hit++;
            score->hit++;
          }
        else
          {
            g_autofree char *value = cd_article_get_field (article, m.plant.field);
            const char      *text = value != NULL ? value : "";
            const char      *s = g_utf8_offset_to_pointer (text, m.plant.start);

            g_test_message ("%s: missed %s at %s:%ld-%ld “%.*s”%s%s", path,
                            mutate_kinds[kind].name, m.plant.field, m.plant.start, m.plant.end,
                            (int) (g_utf8_offset_to_pointer (text, m.plant.end) - s), s,
                            m.plant.original ? " for " : "",
                            m.plant.original ? m.plant.original : "");
          }
        mutate_plant_clear (&m.plant);
      }
  if (dict != NULL)
    enchant_broker_free_dict (broker, dict);
}

/* Prints the tables; returns whether every floor holds. */
static gboolean
report (Scores *scores)
{
  const char *const *rules = cd_check_list_rules ();
  gboolean           ok = TRUE;

  g_printerr ("\n%-22s %7s %5s %7s\n", "fault", "planted", "hit", "recall");
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      const KindScore *k = &scores->kinds[kind];
      double           recall = k->planted > 0 ? (double) k->hit / k->planted : 0.0;

      g_printerr ("%-22s %7u %5u %7.3f\n", mutate_kinds[kind].name, k->planted, k->hit, recall);
      if (k->planted == 0 || recall < 0.8)
        ok = FALSE;
    }

  g_printerr ("\n%-20s %5s %5s %9s %7s %14s\n", "rule", "tp", "fp", "precision", "recall",
              "clean fp/1000w");
  for (guint i = 0; rules[i] != NULL; i++)
    {
      RuleScore *r = rule_score (scores, rules[i]);
      guint      fp = r->fp + r->clean_fp;
      double     precision = r->tp + fp > 0 ? (double) r->tp / (r->tp + fp) : 1.0;
      double     recall = r->planted > 0 ? (double) r->hit / r->planted : 1.0;
      double     per_1000 = scores->clean_words > 0 ? 1000.0 * r->clean_fp / scores->clean_words
                                                    : 0.0;

      g_printerr ("%-20s %5u %5u %9.3f %7.3f %14.2f\n", rules[i], r->tp, fp, precision, recall,
                  per_1000);
      if (precision < 0.9 || recall < 0.9)
        ok = FALSE;
      /* Clean professional copy raises no name, quote or leftover alarm. */
      if (r->clean_fp > 0 && !g_str_equal (rules[i], CD_CHECK_RULE_SPELLING) &&
          !g_str_equal (rules[i], CD_CHECK_RULE_HOUSE_STYLE))
        ok = FALSE;
    }
  g_printerr ("\n%u checks of %u words in all (%u words of clean copy): %.2f ms per 1,000 words\n",
              scores->runs, scores->words, scores->clean_words,
              scores->words > 0 ? scores->check_us / 1000.0 / (scores->words / 1000.0) : 0.0);
  return ok;
}

static void
measure (GPtrArray *paths,
         gboolean   floors)
{
  g_autoptr (CdChecker) checker = cd_checker_new ();
  EnchantBroker *broker = enchant_broker_init ();
  Scores         scores = { 0 };
  gboolean       ok;

  /* The window's setting while a person types: no slow Enchant suggestions. */
  cd_checker_set_thorough_suggestions (checker, FALSE);
  scores.rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < paths->len; i++)
    measure_story (&scores, checker, broker, g_ptr_array_index (paths, i), i);
  ok = report (&scores);
  g_hash_table_unref (scores.rules);
  enchant_broker_free (broker);
  if (floors)
    g_assert_true (ok);
}

static void
test_corpus (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GList) names = NULL;
  JsonObject *expected = checks_test_load_expected (parser, &dir);

  names = json_object_get_members (expected);
  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    if (json_array_get_length (json_object_get_array_member (expected, l->data)) == 0)
      g_ptr_array_add (paths, g_build_filename (dir, l->data, NULL));
  g_assert_cmpuint (paths->len, >=, 20);
  measure (paths, TRUE);
}

static void
test_outside (gconstpointer data)
{
  const char *dir = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) folder = g_dir_open (dir, 0, &error);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (paths->len, >, 0);
  measure (paths, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  const char      *outside = g_getenv ("COPYDESK_MUTATE_CORPUS");

  g_test_init (&argc, &argv, NULL);
  config = checks_test_isolate_config ();

  g_test_add_func ("/checks/mutate/corpus", test_corpus);
  if (outside != NULL && *outside != '\0')
    g_test_add_data_func ("/checks/mutate/outside", outside, test_outside);

  return checks_test_run (config);
}
