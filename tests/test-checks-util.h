/* test-checks-util.h: the fixture and helpers the checks tests share
 * (test-checks.c, test-checks-copy.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

#include "cd-check.h"
#include "cd-test-util.h"

typedef struct
{
  char      *dir;
  CdChecker *checker;
} Fixture;

static inline void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("copydesk-checks-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->checker = cd_checker_new ();
}

static inline void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->checker), (gpointer *) &fixture->checker);
  g_object_unref (fixture->checker);
  g_assert_null (fixture->checker);
  cd_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static inline CdArticle *
make_article (const char *headline,
              const char *body)
{
  CdArticle *article = cd_article_new ();

  cd_article_set_headline (article, headline);
  cd_article_set_body (article, body);
  cd_article_set_language (article, "en-US");
  return article;
}

/* The findings of one rule, as "field:start-end:text" lines, sorted. */
static inline char *
describe (GPtrArray  *findings,
          const char *rule)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (findings, i);

      if (rule == NULL || g_str_equal (f->rule, rule))
        g_string_append_printf (out, "%s%s:%u-%u:%s", out->len > 0 ? "\n" : "",
                                f->field, f->start, f->end, f->text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static inline const CdFinding *
find (GPtrArray  *findings,
      const char *rule,
      const char *text)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, rule) && (text == NULL || g_str_equal (f->text, text)))
        return f;
    }
  return NULL;
}

static inline char *
check_body (Fixture    *fixture,
            const char *body,
            const char *rule)
{
  g_autoptr (CdArticle) article = make_article ("Council meets", body);
  g_autoptr (GPtrArray) findings = cd_checker_run (fixture->checker, article);

  return describe (findings, rule);
}

/* Enchant reads a personal word list from the configuration folder; the
 * tests must not see the person's. Returns the folder that stands in. */
static inline char *
checks_test_isolate_config (void)
{
  char *config = g_dir_make_tmp ("copydesk-checks-config-XXXXXX", NULL);

  g_assert_nonnull (config);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  return config;
}

static inline int
checks_test_run (const char *config)
{
  int status = g_test_run ();

  cd_test_rm_rf (config);
  return status;
}

/* The quality corpus's expectations (tests/data/checks/expected.json): the
 * findings each story should give, by file name. *dir is set to the
 * corpus folder. */
static inline JsonObject *
checks_test_load_expected (JsonParser *parser,
                           char      **dir)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  *dir = g_test_build_filename (G_TEST_DIST, "data", "checks", NULL);
  path = g_build_filename (*dir, "expected.json", NULL);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}
