/* cd-cli-account.c: `copydesk account add|list|remove`.
 *
 * The application password is read from standard input, never from the
 * command line (other users can read a process's arguments), verified
 * against the site, and kept only in the Secret Service.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cd-account.h"
#include "cd-cli.h"
#include "cd-secrets.h"
#include "cd-sync-db.h"

/* Application passwords are 24 characters (29 with spaces); anything much
 * longer is not one. */
#define MAX_PASSWORD 256

/* Reads one line into @buffer; with a terminal, asks for it without echo. */
static gboolean
read_password (char *buffer,
               gsize size)
{
  struct termios saved;
  gboolean       terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  gboolean       ok;
  gsize          length;

  g_assert (buffer != NULL);

  if (terminal)
    {
      struct termios quiet = saved;

      quiet.c_lflag &= ~(tcflag_t) ECHO;
      fprintf (stderr, "Application password: ");
      fflush (stderr);
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  ok = fgets (buffer, (int) size, stdin) != NULL;
  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fprintf (stderr, "\n");
    }
  if (!ok)
    return FALSE;
  length = strlen (buffer);
  while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r'))
    buffer[--length] = '\0';
  return length > 0;
}

static CdSyncDb *
open_sync_db (CdCli *cli)
{
  g_autoptr (GError) error = NULL;
  CdStore  *store;
  CdSyncDb *db;

  g_assert (cli != NULL);

  if ((store = cd_cli_get_store (cli)) == NULL)
    return NULL;
  db = cd_sync_db_open (store, &error);
  if (db == NULL)
    cd_cli_printerr ("%s", error->message);
  return db;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert (G_IS_ASYNC_RESULT (result));
  g_assert (slot != NULL);

  *slot = g_object_ref (result);
}

/* The command line has no main loop of its own: it spins the default
 * context until the operation it started has finished. */
static GAsyncResult *
await_result (GAsyncResult **slot)
{
  g_assert (slot != NULL);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static int
account_add (CdCli *cli,
             int    argc,
             char **argv)
{
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (CdAccount) account = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *display_name = NULL;
  const char      *name = NULL;
  const char      *url = NULL;
  const char      *user = NULL;
  char             password[MAX_PASSWORD + 2];
  gboolean         replaced = FALSE;
  int              status = CD_EXIT_ERROR;

  g_assert (cli != NULL);
  g_assert (argv != NULL);

  for (int i = 2; i < argc; i++)
    {
      if (cd_cli_option (argc, argv, &i, "--url", &url) ||
          cd_cli_option (argc, argv, &i, "--user", &user))
        continue;
      if (g_str_has_prefix (argv[i], "--password"))
        {
          cd_cli_printerr ("The password is read from standard input, never from the "
                           "command line, where other users could see it.");
          return CD_EXIT_ERROR;
        }
      else if (name == NULL && argv[i][0] != '-')
        name = argv[i];
      else
        {
          cd_cli_usage_error ("account", "account add does not take “%s”", argv[i]);
          return CD_EXIT_ERROR;
        }
    }
  if (name == NULL || url == NULL || user == NULL)
    {
      cd_cli_usage_error ("account", "account add needs a name, --url and --user");
      return CD_EXIT_ERROR;
    }

  account = cd_account_new (name, CD_ACCOUNT_KIND_WORDPRESS, url, user, &error);
  if (account == NULL)
    {
      cd_cli_printerr ("%s", error->message);
      return CD_EXIT_ERROR;
    }
  if ((db = open_sync_db (cli)) == NULL)
    return CD_EXIT_ERROR;
  /* Before asking for the password: cd_account_add_async() would refuse
   * plain http elsewhere and a second account for the same login anyway,
   * but only after it. */
  if (!cd_account_check_secure (account, &error) || !cd_account_check_unique (account, db, &error))
    {
      cd_cli_printerr ("%s", error->message);
      return CD_EXIT_ERROR;
    }

  if (!read_password (password, sizeof password))
    {
      cd_cli_printerr ("No application password came on standard input; create one in "
                       "WordPress (Users → Profile → Application Passwords) and pipe it in.");
      return CD_EXIT_ERROR;
    }
  if (strlen (password) > MAX_PASSWORD)
    {
      cd_cli_printerr ("The application password on standard input is longer than %d "
                       "characters, so it is not one.",
                       MAX_PASSWORD);
      goto out;
    }

  cd_account_add_async (account, db, password, NULL, store_result, &result);
  explicit_bzero (password, sizeof password);
  display_name = cd_account_add_finish (account, await_result (&result), &replaced, &error);
  if (display_name == NULL)
    {
      cd_cli_printerr ("%s", error->message);
      goto out;
    }

  if (*display_name == '\0')
    printf ("Account “%s” %s: %s on %s, not checked yet: the site could not be reached. The "
            "password is in the keyring; the next sync that reaches the site checks it.\n",
            name, replaced ? "updated" : "added", user, cd_account_get_url (account));
  else
    printf ("Account “%s” %s: %s (%s) on %s; the password is in the keyring.\n", name,
            replaced ? "updated" : "added", user, display_name, cd_account_get_url (account));
  status = CD_EXIT_OK;

out:
  explicit_bzero (password, sizeof password);
  return status;
}

/* "yes", "no", or "unknown" when no keyring answers. */
static const char *
password_state (CdAccount *account)
{
  g_autoptr (GError) error = NULL;
  char *password;

  g_assert (CD_IS_ACCOUNT (account));

  password = cd_account_lookup_password (account, NULL, &error);
  if (error != NULL)
    return "unknown";
  cd_secrets_free (password);
  return password != NULL ? "yes" : "no";
}

static int
account_list (CdCli *cli,
              int    argc,
              char **argv)
{
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;

  g_assert (cli != NULL);
  g_assert (argv != NULL);

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else
        {
          cd_cli_usage_error ("account", "account list does not take “%s”", argv[i]);
          return CD_EXIT_ERROR;
        }
    }
  if ((db = open_sync_db (cli)) == NULL)
    return CD_EXIT_ERROR;
  if ((accounts = cd_account_list (db, &error)) == NULL)
    {
      cd_cli_printerr ("%s", error->message);
      return CD_EXIT_ERROR;
    }

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < accounts->len; i++)
        {
          CdAccount  *account = accounts->pdata[i];
          const char *state = password_state (account);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, cd_account_get_name (account));
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, cd_account_get_kind (account));
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, cd_account_get_url (account));
          json_builder_set_member_name (builder, "user");
          json_builder_add_string_value (builder, cd_account_get_user (account));
          /* true, false, or null when no keyring answered. */
          json_builder_set_member_name (builder, "password_stored");
          if (g_str_equal (state, "unknown"))
            json_builder_add_null_value (builder);
          else
            json_builder_add_boolean_value (builder, g_str_equal (state, "yes"));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cd_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < accounts->len; i++)
        {
          CdAccount *account = accounts->pdata[i];

          printf ("%s\t%s\t%s\tpassword in keyring: %s\n", cd_account_get_name (account),
                  cd_account_get_url (account), cd_account_get_user (account),
                  password_state (account));
        }
    }
  return CD_EXIT_OK;
}

static int
account_remove (CdCli *cli,
                int    argc,
                char **argv)
{
  g_autoptr (CdSyncDb) db = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  g_assert (cli != NULL);
  g_assert (argv != NULL);

  if (argc != 3)
    {
      cd_cli_usage_error ("account", "account remove takes one account name");
      return CD_EXIT_ERROR;
    }
  if ((db = open_sync_db (cli)) == NULL)
    return CD_EXIT_ERROR;
  cd_account_remove_async (db, argv[2], NULL, store_result, &result);
  if (!cd_account_remove_finish (db, await_result (&result), &error))
    {
      cd_cli_printerr ("%s", error->message);
      return CD_EXIT_ERROR;
    }
  printf ("Account “%s” removed, with its password.\n", argv[2]);
  return CD_EXIT_OK;
}

int
cd_cli_account (CdCli *cli,
                int    argc,
                char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return account_add (cli, argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return account_list (cli, argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "remove"))
    return account_remove (cli, argc, argv);
  cd_cli_usage_error ("account", "account needs add, list or remove");
  return CD_EXIT_ERROR;
}
