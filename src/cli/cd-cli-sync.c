/* cd-cli-sync.c: `copydesk sync`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "cd-cli.h"
#include "cd-sync.h"

typedef struct
{
  GMainLoop    *loop;
  CdSyncResult *result;
  GError       *error;
} SyncWait;

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->result = cd_sync_engine_sync_finish (CD_SYNC_ENGINE (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
print_items (const char *title,
             GPtrArray  *items)
{
  if (items->len == 0)
    return;
  printf ("%s (%u):\n", title, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      CdSyncItem *item = g_ptr_array_index (items, i);

      if (item->uuid != NULL)
        printf ("  %s  %s\n", item->uuid, item->message);
      else
        printf ("  %s\n", item->message);
    }
}

static void
print_summary (CdSyncResult *result)
{
  GPtrArray *pushed = cd_sync_result_get_pushed (result);
  GPtrArray *pulled = cd_sync_result_get_pulled (result);
  GPtrArray *conflicts = cd_sync_result_get_conflicts (result);
  GPtrArray *errors = cd_sync_result_get_errors (result);
  GPtrArray *queued = cd_sync_result_get_queued (result);

  print_items ("Pushed", pushed);
  print_items ("Pulled", pulled);
  print_items ("Conflicts", conflicts);
  print_items ("Errors", errors);
  print_items ("Queued", queued);
  printf ("%u pushed, %u pulled, %u conflicts, %u errors, %u queued%s\n",
          pushed->len, pulled->len, conflicts->len, errors->len, queued->len,
          cd_sync_result_is_clean (result) ? "; everything is in sync." : ".");
}

int
cd_cli_sync (CdCli *cli,
             int    argc,
             char **argv)
{
  g_autoptr (CdSyncEngine) engine = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  const char *account = NULL;
  gboolean    json = FALSE;
  gboolean    fetch_images = FALSE;
  SyncWait    wait = { 0 };
  CdStore    *store;
  int         status;

  for (int i = 1; i < argc; i++)
    {
      if (cd_cli_option (argc, argv, &i, "--account", &account))
        continue;
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (g_str_equal (argv[i], "--fetch-images"))
        fetch_images = TRUE;
      else
        {
          cd_cli_usage_error ("sync", "sync does not take “%s”", argv[i]);
          return CD_EXIT_ERROR;
        }
    }
  if (account != NULL && *account == '\0')
    {
      cd_cli_usage_error ("sync", "--account needs a name");
      return CD_EXIT_ERROR;
    }
  if ((store = cd_cli_get_store (cli)) == NULL)
    return CD_EXIT_ERROR;

  engine = cd_sync_engine_new (store);
  /* Reading pulled posts' pictures is a remote load: only when asked. */
  cd_sync_engine_set_fetch_images (engine, fetch_images);
  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  cd_sync_engine_sync_async (engine, account, NULL, on_synced, &wait);
  g_main_loop_run (loop);

  if (wait.result == NULL)
    {
      cd_cli_printerr ("%s", wait.error->message);
      g_clear_error (&wait.error);
      return CD_EXIT_ERROR;
    }

  if (json)
    {
      g_autoptr (JsonNode) root = cd_sync_result_to_json (wait.result);

      cd_cli_print_json (root);
    }
  else
    print_summary (wait.result);

  status = cd_sync_result_is_clean (wait.result) ? CD_EXIT_OK : CD_EXIT_FINDINGS;
  cd_sync_result_unref (wait.result);
  return status;
}
