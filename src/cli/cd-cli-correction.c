/* cd-cli-correction.c: `copydesk correction add UUID TEXT`: a dated
 * correction note, saved as an edit (a revision and an outbox entry); a
 * live post shows it after the next Update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <stdio.h>

#include "cd-cli.h"
#include "cd-corrections.h"

int
cd_cli_correction (CdCli *cli,
                   int    argc,
                   char **argv)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *note = NULL;
  CdStore         *store;

  if (argc != 4 || !g_str_equal (argv[1], "add"))
    {
      cd_cli_usage_error ("correction", "correction takes add, an article's uuid and the text");
      return CD_EXIT_ERROR;
    }
  note = g_strstrip (g_strdup (argv[3]));
  if (cd_text_is_blank (note))
    {
      cd_cli_usage_error ("correction", "The correction's text is empty");
      return CD_EXIT_ERROR;
    }
  if ((store = cd_cli_get_store (cli)) == NULL ||
      (article = cd_cli_get_article (store, argv[2])) == NULL)
    return CD_EXIT_ERROR;
  if (!cd_corrections_add (store, cd_article_get_uuid (article), note, &error))
    {
      cd_cli_printerr ("The correction to article %s was not saved: %s",
                       cd_article_get_uuid (article), error->message);
      return CD_EXIT_ERROR;
    }
  printf ("Added a correction to “%s”.\n", cd_article_get_headline (article) != NULL
                                               ? cd_article_get_headline (article)
                                               : cd_article_get_uuid (article));
  return CD_EXIT_OK;
}
