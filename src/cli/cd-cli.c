/* cd-cli.c: the headless command line's dispatcher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cd-cli.h"

static const struct
{
  const char      *name;
  CdCliCommandFunc func;
  const char      *usage;
} commands[] = {
  {"import",      cd_cli_import,     "import FILE…"                                                                                                   },
  { "list",       cd_cli_list,       "list [--json] [--trash] [--status STATUS] [--search QUERY] [--sort ORDER]"                                        },
  { "show",       cd_cli_show,       "show UUID [--json]"                                                                                               },
  { "set",        cd_cli_set,        "set UUID FIELD VALUE | set UUID FIELD --file PATH"                                                                },
  { "export",     cd_cli_export,     "export UUID --format md|html|ninjs [-o FILE]"                                                                     },
  { "sync",       cd_cli_sync,       "sync [--account NAME] [--fetch-images] [--json]"                                                                  },
  { "publish",    cd_cli_publish,    "publish UUID [--at TIME] [--account NAME] [--late] [--force-slug] [--override REASON]"                            },
  { "correction", cd_cli_correction, "correction add UUID TEXT"                                                                                         },
  { "check",      cd_cli_check,      "check FILE|UUID [--json] [--headline-limit N]"                                                                    },
  { "account",    cd_cli_account,    "account add NAME --url URL --user USER (password on standard input) | account list [--json] | account remove NAME"},
  { "repair",     cd_cli_repair,     "repair"                                                                                                           },
  { "image",      cd_cli_image,      "image add UUID FILE --alt TEXT [--caption TEXT] [--credit TEXT] [--featured]"                                     },
};

/* One error line on standard error, with @usage after it when given. */
static void
print_error (const char *usage,
             const char *format,
             va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (usage != NULL)
    fprintf (stderr, "copydesk: %s; usage: copydesk %s\n", message, usage);
  else
    fprintf (stderr, "copydesk: %s\n", message);
}

void
cd_cli_printerr (const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  print_error (NULL, format, args);
  va_end (args);
}

/**
 * cd_cli_usage_error:
 * @command: the command's name, as the table lists it
 * @format: what is wrong with the words it was given
 *
 * Says what is wrong, then the command's usage as `copydesk COMMAND --help`
 * prints it, so that the two cannot drift apart.
 */
void
cd_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  const char *usage = NULL;
  va_list     args;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, command))
      usage = commands[i].usage;
  g_return_if_fail (usage != NULL);

  va_start (args, format);
  print_error (usage, format, args);
  va_end (args);
}

/**
 * cd_cli_escape_controls:
 * @text: (nullable): UTF-8 text from the store, possibly from a server
 * @keep_newlines: %TRUE to print line breaks as they are (a body)
 *
 * Text printed to a terminal must not drive it: an escape sequence in a
 * headline could repaint the screen, and a carriage return could forge a
 * line of `show`'s output. Control characters (C0 but tab, DEL, C1) become
 * visible escapes: `\n`, `\r`, or `\xHH` / `\u00HH`.
 *
 * Returns: (transfer full): the text to print
 */
char *
cd_cli_escape_controls (const char *text,
                        gboolean    keep_newlines)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || (c == '\n' && keep_newlines))
        g_string_append_unichar (out, c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02X", c);
      else if (c >= 0x80 && c < 0xa0)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/**
 * cd_cli_get_store:
 *
 * Opens the store on first use. On failure it prints why.
 *
 * Returns: (transfer none) (nullable): the store
 */
CdStore *
cd_cli_get_store (CdCli *cli)
{
  g_autoptr (GError) error = NULL;

  if (cli->store == NULL)
    {
      cli->store = cd_store_open (cli->data_dir, &error);
      if (cli->store == NULL)
        cd_cli_printerr ("%s", error->message);
    }
  return cli->store;
}

/**
 * cd_cli_get_article:
 * @uuid: an article's uuid, in any case
 *
 * Reads an article; when there is none, prints one sentence saying so.
 *
 * Returns: (transfer full) (nullable): the article
 */
CdArticle *
cd_cli_get_article (CdStore    *store,
                    const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *lower = g_ascii_strdown (uuid, -1); /* uuids are stored so */
  CdArticle       *article = cd_store_get_article (store, lower, &error);

  if (article == NULL)
    {
      if (g_error_matches (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND))
        cd_cli_printerr ("No article has the uuid “%s”.", uuid);
      else
        cd_cli_printerr ("%s", error->message);
    }
  return article;
}

/**
 * cd_cli_option:
 * @argc: the number of @argv
 * @argv: a command's arguments
 * @i: (inout): the index of the argument to read; moved onto a value that
 *   follows as the next argument
 * @name: an option that takes a value, such as `--account`
 * @value: (out): where the value goes
 *
 * Reads `NAME VALUE` or `NAME=VALUE` at @argv[@i]. @name as the last
 * argument, with no value after it, is not read.
 *
 * Returns: %TRUE when @argv[@i] was @name with its value
 */
gboolean
cd_cli_option (int          argc,
               char       **argv,
               int         *i,
               const char  *name,
               const char **value)
{
  const char *arg = argv[*i];
  size_t      length = strlen (name);

  if (g_str_equal (arg, name) && *i + 1 < argc)
    {
      *i += 1;
      *value = argv[*i];
      return TRUE;
    }
  if (strncmp (arg, name, length) == 0 && arg[length] == '=')
    {
      *value = arg + length + 1;
      return TRUE;
    }
  return FALSE;
}

/**
 * cd_cli_print_json:
 * @node: what a `--json` command prints
 *
 * Prints @node as indented JSON, one newline after it.
 */
void
cd_cli_print_json (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  printf ("%s\n", text);
}

/**
 * cd_cli_get_article_to_change:
 * @uuid: an article's uuid, in any case
 *
 * cd_cli_get_article() for a command that changes the article: one in the
 * trash is refused with a sentence saying to restore it first.
 *
 * Returns: (transfer full) (nullable): the article
 */
CdArticle *
cd_cli_get_article_to_change (CdStore    *store,
                              const char *uuid)
{
  g_autoptr (CdArticle) article = cd_cli_get_article (store, uuid);

  if (article != NULL && cd_store_is_trashed (store, cd_article_get_uuid (article)))
    {
      cd_cli_printerr ("The article “%s” is in the trash; restore it before changing it.", uuid);
      return NULL;
    }
  return g_steal_pointer (&article);
}

gboolean
cd_cli_is_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return TRUE;
  return FALSE;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage: copydesk [--data-dir DIR] [COMMAND …]\n\n"
                "Without a command, opens the window; “open UUID” opens it on one article.\n\n"
                "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  copydesk %s\n", commands[i].usage);
}

/* A script that sends the output to a file on a full disk must not be told
 * that all went well: what could not be written is an error. */
static int
finish_output (int status)
{
  int saved_errno = 0;

  if (fflush (stdout) != 0)
    saved_errno = errno;
  if (saved_errno != 0 || ferror (stdout))
    {
      if (saved_errno != 0)
        cd_cli_printerr ("Could not write the output: %s.", g_strerror (saved_errno));
      else
        cd_cli_printerr ("Could not write all of the output.");
      return CD_EXIT_ERROR;
    }
  return status;
}

int
cd_cli_run (CdCli *cli,
            int    argc,
            char **argv)
{
  g_return_val_if_fail (argc > 0, CD_EXIT_ERROR);

  if (g_str_equal (argv[0], "help") || g_str_equal (argv[0], "--help") ||
      g_str_equal (argv[0], "-h"))
    {
      print_usage (stdout);
      return CD_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, argv[0]))
      {
        /* "copydesk import --help" asks for help; it is not a file name. */
        if (argc == 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
          {
            printf ("Usage: copydesk %s\n", commands[i].usage);
            return CD_EXIT_OK;
          }
        return finish_output (commands[i].func (cli, argc, argv));
      }

  cd_cli_printerr ("“%s” is not a command; run “copydesk --help” for the list.", argv[0]);
  return CD_EXIT_ERROR;
}
