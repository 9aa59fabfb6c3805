/* test-json.c: JSON from outside is read within bounds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cd-article-json.h"
#include "cd-json.h"

static char *
nested (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* 100,000 nested arrays (200 KB) once overflowed the stack in json-glib on
 * the sync thread; now they are refused in one sentence. */
static void
test_deep_refused (void)
{
  g_autofree char *deep = nested (100000);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = cd_json_parse (deep, strlen (deep), &error);

  g_assert_null (root);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "the JSON nests more than 512 arrays or objects inside each other");
}

static void
test_at_the_limit (void)
{
  g_autofree char *ok = nested (CD_JSON_MAX_DEPTH);
  g_autofree char *over = nested (CD_JSON_MAX_DEPTH + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = cd_json_parse (ok, strlen (ok), &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  g_assert_false (cd_json_check_depth (over, strlen (over), CD_JSON_MAX_DEPTH, NULL));
}

/* Brackets inside strings, escaped quotes included, are text. */
static void
test_strings_not_counted (void)
{
  const char *text = "{\"title\": \"[[[{{{ \\\" [[[ \", \"list\": [[1], {\"a\": \"}}}]]]\"}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;

  g_assert_true (cd_json_check_depth (text, strlen (text), 3, &error));
  g_assert_no_error (error);
  g_assert_false (cd_json_check_depth (text, strlen (text), 2, NULL));
  root = cd_json_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "title"), ==,
                   "[[[{{{ \" [[[ ");
}

static void
test_malformed_and_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = cd_json_parse ("{\"a\": ", 6, &error);

  g_assert_null (root);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (cd_json_parse ("", 0, &error));
  g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE);
}

/* A stored snapshot (a revision, a sync base) is read from a file that
 * anyone could have altered: the same bound holds there. */
static void
test_deep_snapshot (void)
{
  g_autofree char *deep = nested (100000);
  g_autofree char *json = g_strconcat ("{\"uuid\":\"0b6e0f1e-5d0c-4f4e-9c57-9d2f3c1a7e11\","
                                       "\"extra\":{\"x\":",
                                       deep, "}}", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_article_from_json (json, &error);

  g_assert_null (article);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/deep-refused", test_deep_refused);
  g_test_add_func ("/json/at-the-limit", test_at_the_limit);
  g_test_add_func ("/json/strings-not-counted", test_strings_not_counted);
  g_test_add_func ("/json/malformed-and-empty", test_malformed_and_empty);
  g_test_add_func ("/json/deep-snapshot", test_deep_snapshot);
  return g_test_run ();
}
