/* cd-cli-check.c: copydesk check FILE|UUID [--json] [--headline-limit N]:
 * an article, or every story of a file, in the newsroom's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cd-check.h"
#include "cd-cli.h"
#include "cd-import.h"

static gboolean
looks_like_uuid (const char *text)
{
  g_assert (text != NULL);

  return g_uuid_string_is_valid (text);
}

/* The folder whose checks/ holds the word list, house style and ignores:
 * the store's folder. */
static char *
data_dir_for (CdCli *cli)
{
  g_assert (cli != NULL);

  if (cli->data_dir != NULL)
    return g_strdup (cli->data_dir);
  return cd_store_default_data_dir ();
}

static void
print_findings (GPtrArray *findings)
{
  g_assert (findings != NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const CdFinding *finding = g_ptr_array_index (findings, i);

      printf ("%s:%u-%u: %s: %s", finding->field, finding->start, finding->end,
              finding->rule, finding->message);
      if (finding->suggestion != NULL && *finding->suggestion != '\0')
        printf (" (%s)", finding->suggestion);
      else if (finding->suggestion != NULL)
        printf (" (remove it)");
      printf ("\n");
    }
}

/* The findings of each article of @articles, in @findings' arrays; a
 * file of several stories says whose they are. */
static void
print_human (GPtrArray *articles,
             GPtrArray *findings)
{
  g_assert (articles != NULL && findings != NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      GPtrArray *found = g_ptr_array_index (findings, i);

      if (articles->len > 1 && found->len > 0)
        {
          const char *headline = cd_article_get_headline (g_ptr_array_index (articles, i));

          printf ("Story %u of %u, “%s”:\n", i + 1, articles->len, headline != NULL ? headline : "");
        }
      print_findings (found);
    }
}

/* The findings of every article as one list; in a file of several
 * stories each names its story by number (from 1). */
static void
print_json (GPtrArray *articles,
            GPtrArray *findings)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  g_assert (articles != NULL && findings != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      GPtrArray *found = g_ptr_array_index (findings, i);

      for (guint j = 0; j < found->len; j++)
        {
          JsonObject *object = cd_finding_to_json (g_ptr_array_index (found, j));
          JsonNode   *node = json_node_new (JSON_NODE_OBJECT);

          if (articles->len > 1)
            json_object_set_int_member (object, "story", i + 1);
          json_node_take_object (node, object);
          json_builder_add_value (builder, node);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  cd_cli_print_json (root);
}

int
cd_cli_check (CdCli *cli,
              int    argc,
              char **argv)
{
  g_autoptr (CdChecker) checker = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = data_dir_for (cli);
  g_autofree char *language = NULL;
  guint            found = 0;
  const char      *target = NULL;
  gboolean         json = FALSE;
  gint64           limit = -1;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (g_str_equal (argv[i], "--headline-limit"))
        {
          char *end = NULL;

          if (i + 1 >= argc)
            {
              cd_cli_printerr ("--headline-limit needs a number of characters after it.");
              return CD_EXIT_ERROR;
            }
          limit = g_ascii_strtoll (argv[++i], &end, 10);
          if (end == argv[i] || *end != '\0' || limit < 0 || limit > G_MAXUINT)
            {
              cd_cli_printerr ("--headline-limit takes a number of characters, not “%s”.",
                               argv[i]);
              return CD_EXIT_ERROR;
            }
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          cd_cli_printerr ("check does not know the option “%s”.", argv[i]);
          return CD_EXIT_ERROR;
        }
      else if (target == NULL)
        target = argv[i];
      else
        {
          cd_cli_printerr ("check takes one FILE or UUID; “%s” is one too many.", argv[i]);
          return CD_EXIT_ERROR;
        }
    }
  if (target == NULL)
    {
      cd_cli_printerr ("check needs a FILE or an article UUID.");
      return CD_EXIT_ERROR;
    }

  if (looks_like_uuid (target) && !g_file_test (target, G_FILE_TEST_EXISTS))
    {
      CdStore *store = cd_cli_get_store (cli);

      if (store == NULL)
        return CD_EXIT_ERROR;
      CdArticle *article;

      if ((article = cd_cli_get_article (store, target)) == NULL)
        return CD_EXIT_ERROR;
      articles = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (articles, article);
    }
  else
    {
      /* Every story of the file, in the newsroom's language where it
       * names none, as an import would store them. */
      if (data_dir != NULL)
        language = cd_check_read_language (data_dir);
      articles = cd_import_file_all (target, language, &error);
      if (articles == NULL)
        {
          /* The importer's messages name the file already. */
          if (strstr (error->message, target) != NULL)
            cd_cli_printerr ("%s", error->message);
          else
            cd_cli_printerr ("Could not check %s: %s", target, error->message);
          return CD_EXIT_ERROR;
        }
    }

  checker = cd_checker_new ();
  if (data_dir != NULL && !cd_checker_load_data_dir (checker, data_dir, &error))
    {
      cd_cli_printerr ("%s", error->message);
      return CD_EXIT_ERROR;
    }
  if (limit >= 0)
    cd_checker_set_headline_limit (checker, (guint) limit);
  cd_checker_set_store_images (checker, cli->store);

  for (guint i = 0; i < articles->len; i++)
    {
      g_ptr_array_add (findings, cd_checker_run (checker, g_ptr_array_index (articles, i)));
      found += ((GPtrArray *) g_ptr_array_index (findings, i))->len;
    }
  if (json)
    print_json (articles, findings);
  else
    print_human (articles, findings);
  return found > 0 ? CD_EXIT_FINDINGS : CD_EXIT_OK;
}
