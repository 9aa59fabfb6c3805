/* cd-cli-repair.c: `copydesk repair` rebuilds damaged sync records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <stdio.h>

#include "cd-cli.h"
#include "cd-sync-db.h"

/* Rebuilds the sync records when they are damaged (cd_sync_db_repair());
 * never touches an article, and keeps the file as it was beside it. */
int
cd_cli_repair (CdCli *cli,
               int    argc,
               char **argv)
{
  g_autoptr (GError) error = NULL;
  CdSyncDbRepaired report;
  CdStore         *store;

  if (argc > 1)
    {
      cd_cli_usage_error ("repair", "repair takes no arguments");
      return CD_EXIT_ERROR;
    }
  if ((store = cd_cli_get_store (cli)) == NULL)
    return CD_EXIT_ERROR;
  if (!cd_sync_db_repair (store, &report, &error))
    {
      cd_cli_printerr ("%s", error->message);
      return CD_EXIT_ERROR;
    }
  if (!report.repaired)
    printf ("The sync records in “%s” are whole; nothing was changed.\n",
            cd_store_get_path (store));
  else
    printf ("Rebuilt the sync records in “%s”: %u sync records and %u accounts could be read "
            "and are kept, %u articles will be looked for on the site by their marker before "
            "anything is created, %u articles that came from a site lost their link and will "
            "come in again as new articles at the next sync, and the file as it was is kept "
            "as “%s”.\n",
            cd_store_get_path (store), report.rows_kept, report.accounts_kept, report.relinked,
            report.unlinked, report.backup);
  cd_sync_db_repaired_clear (&report);
  return CD_EXIT_OK;
}
