/* main.c: copydesk opens the window (copydesk FILE… imports and opens the
 * files there); copydesk COMMAND runs headless.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "copydesk"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cd-cli.h"
#ifdef CD_HAVE_UI
#include "cd-application.h"
#endif

/* Takes --data-dir DIR (or --data-dir=DIR) out of argv wherever it stands,
 * so that it works before or after the command. */
static gboolean
take_data_dir (int   *argc,
               char **argv,
               char **data_dir)
{
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--data-dir"))
        {
          if (i + 1 >= *argc)
            {
              cd_cli_printerr ("--data-dir needs a folder after it.");
              return FALSE;
            }
          g_free (*data_dir);
          *data_dir = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--data-dir="))
        {
          g_free (*data_dir);
          *data_dir = g_strdup (argv[i] + strlen ("--data-dir="));
        }
      else
        argv[out++] = argv[i];
    }
  *argc = out;
  argv[out] = NULL;
  return TRUE;
}

/* `copydesk FILE…` (as the desktop file's %F runs it) opens the files in
 * the window: the first argument is no command and names a file that
 * exists, or a file URI. Anything else goes to the command line, which
 * names an unknown command. */
static gboolean
opens_files (int    argc,
             char **argv)
{
  g_assert (argv != NULL);

  if (argc < 2 || cd_cli_is_command (argv[1]) || argv[1][0] == '-')
    return FALSE;
  return g_str_has_prefix (argv[1], "file://") || g_file_test (argv[1], G_FILE_TEST_EXISTS);
}

#ifdef CD_HAVE_UI
/* Without a GPU render node GTK's GL renderer runs on llvmpipe: every frame
 * is drawn twice in software and its shaders cost about 100 MB to compile.
 * There the cairo renderer draws the same pixels for a fraction of the CPU.
 * GSK_RENDERER set by the person wins. */
static void
choose_renderer (void)
{
  g_autoptr (GDir) dri = NULL;
  const char *name;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  if ((dri = g_dir_open ("/dev/dri", 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dri)) != NULL)
      if (g_str_has_prefix (name, "renderD"))
        {
          g_autofree char *path = g_build_filename ("/dev/dri", name, NULL);

          if (g_access (path, R_OK | W_OK) == 0)
            return;
        }
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
}
#endif

int
main (int    argc,
      char **argv)
{
  CdCli cli = { NULL, NULL };
  int   status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!take_data_dir (&argc, argv, &cli.data_dir))
    return CD_EXIT_ERROR;
  /* An empty COPYDESK_DATA_DIR counts as unset, as the store reads it. */
  if (cli.data_dir == NULL && g_strcmp0 (g_getenv ("COPYDESK_DATA_DIR"), "") != 0)
    cli.data_dir = g_strdup (g_getenv ("COPYDESK_DATA_DIR"));

  if (argc > 1 && g_str_equal (argv[1], "--version"))
    {
      printf ("copydesk %s\n", PACKAGE_VERSION);
      return CD_EXIT_OK;
    }

  if (argc > 1 && !g_str_equal (argv[1], "open") && !opens_files (argc, argv))
    {
      status = cd_cli_run (&cli, argc - 1, argv + 1);
    }
  else
    {
#ifdef CD_HAVE_UI
      g_autoptr (CdApplication) app = NULL;
      const char *open_uuid = NULL;

      int n_args = 1;

      if (argc > 1 && g_str_equal (argv[1], "open"))
        {
          if (argc != 3)
            {
              cd_cli_printerr ("Usage: copydesk open UUID");
              return CD_EXIT_ERROR;
            }
          open_uuid = argv[2];
        }
      else
        n_args = argc; /* files, which GApplication hands to "open" */
      choose_renderer ();
      app = cd_application_new (cli.data_dir, open_uuid);
      status = g_application_run (G_APPLICATION (app), n_args, argv);
#else
      cd_cli_printerr ("This build has no window; run “copydesk --help” for the commands.");
      status = CD_EXIT_ERROR;
#endif
    }

  g_clear_object (&cli.store);
  g_free (cli.data_dir);
  return status;
}
