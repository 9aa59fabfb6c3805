/* cd-cli.h: the headless command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cd-store.h"

G_BEGIN_DECLS

/* Exit statuses every command keeps to. */
#define CD_EXIT_OK 0
#define CD_EXIT_FINDINGS 1 /* check found something; sync did not finish cleanly */
#define CD_EXIT_ERROR 2

typedef struct
{
  char    *data_dir;
  CdStore *store;
} CdCli;

typedef int (*CdCliCommandFunc) (CdCli *cli,
                                 int    argc,
                                 char **argv);

CdStore   *cd_cli_get_store (CdCli *cli);
CdArticle *cd_cli_get_article (CdStore    *store,
                               const char *uuid);
CdArticle *cd_cli_get_article_to_change (CdStore    *store,
                                         const char *uuid);
gboolean   cd_cli_option (int          argc,
                          char       **argv,
                          int         *i,
                          const char  *name,
                          const char **value);
void       cd_cli_print_json (JsonNode *node);
void       cd_cli_printerr (const char *format,
                            ...) G_GNUC_PRINTF (1, 2);
void       cd_cli_usage_error (const char *command,
                               const char *format,
                               ...) G_GNUC_PRINTF (2, 3);
int        cd_cli_run (CdCli *cli,
                       int    argc,
                       char **argv);
gboolean   cd_cli_is_command (const char *name);
char      *cd_cli_escape_controls (const char *text,
                                   gboolean    keep_newlines);

/* One function a command, each in the file of its concern. argv[0] is the
 * command's name. */
int cd_cli_import (CdCli *cli, int argc, char **argv);
int cd_cli_list (CdCli *cli, int argc, char **argv);
int cd_cli_show (CdCli *cli, int argc, char **argv);
int cd_cli_set (CdCli *cli, int argc, char **argv);
int cd_cli_export (CdCli *cli, int argc, char **argv);
int cd_cli_sync (CdCli *cli, int argc, char **argv);
int cd_cli_publish (CdCli *cli, int argc, char **argv);
int cd_cli_check (CdCli *cli, int argc, char **argv);
int cd_cli_account (CdCli *cli, int argc, char **argv);
int cd_cli_repair (CdCli *cli, int argc, char **argv);
int cd_cli_image (CdCli *cli, int argc, char **argv);

/* cd-cli-image.c: the article's images as `show --json` lists them. */
JsonArray *cd_cli_describe_images (CdStore   *store,
                                   CdArticle *article);
void       cd_cli_add_images (JsonObject *object,
                              CdStore    *store,
                              CdArticle  *article);
int        cd_cli_correction (CdCli *cli, int argc, char **argv);

/* The publishing half of `show --json` (cd-cli-publish.c). */
void cd_cli_add_publish_fields (JsonObject *object,
                                CdStore    *store,
                                CdArticle  *article);

G_END_DECLS
