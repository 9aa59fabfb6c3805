/* cd-cli-articles.c: import, list, show, set and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cd-article-json.h"
#include "cd-article-site.h"
#include "cd-check.h"
#include "cd-cli.h"
#include "cd-export.h"
#include "cd-import.h"
#include "cd-store.h"
#include "cd-sync-db.h"
#include "cd-sync.h"

int
cd_cli_import (CdCli *cli,
               int    argc,
               char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *language = NULL;
  CdStore         *store;
  int              status = CD_EXIT_OK;

  if (argc < 2)
    {
      cd_cli_usage_error ("import", "import needs the files to read");
      return CD_EXIT_ERROR;
    }
  if ((store = cd_cli_get_store (cli)) == NULL)
    return CD_EXIT_ERROR;
  dir = g_path_get_dirname (cd_store_get_path (store));
  language = cd_check_read_language (dir);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) articles = cd_import_into_store (store, argv[i], language, &error);

      if (articles == NULL)
        {
          cd_cli_printerr ("%s", error->message);
          status = CD_EXIT_ERROR;
          continue;
        }
      for (guint k = 0; k < articles->len; k++)
        printf ("%s\n", cd_article_get_uuid (g_ptr_array_index (articles, k)));
      fflush (stdout);
    }
  return status;
}

/* Says so when @arg is an option that takes a value but came last, so that
 * "export UUID -o" is not answered with "export does not take -o". */
static gboolean
missing_value (const char        *arg,
               const char *const *options)
{
  if (!g_strv_contains (options, arg))
    return FALSE;
  cd_cli_printerr ("%s needs a value after it.", arg);
  return TRUE;
}

/* Gives @text on one line, each run of white space that holds a line break
 * or tab made one space, so that `list` prints one article per line. */
static char *
one_line (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        {
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          while (p[1] == '\n' || p[1] == '\r' || p[1] == '\t' || p[1] == ' ')
            p++;
          if (out->len > 0 && p[1] != '\0')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

int
cd_cli_list (CdCli *cli,
             int    argc,
             char **argv)
{
  CdStoreQuery query = { NULL, -1, FALSE, 0, CD_STORE_SORT_MODIFIED };
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;
  CdStore *store;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (g_str_equal (argv[i], "--trash"))
        query.trashed = TRUE;
      else if (g_str_equal (argv[i], "--search") && i + 1 < argc)
        query.search = argv[++i];
      else if (g_str_equal (argv[i], "--status") && i + 1 < argc)
        {
          CdArticleStatus s;

          if (!cd_article_status_from_string (argv[++i], &s))
            {
              cd_cli_printerr ("“%s” is not a status.", argv[i]);
              return CD_EXIT_ERROR;
            }
          query.status = s;
        }
      else if (g_str_equal (argv[i], "--sort") && i + 1 < argc)
        {
          if (!cd_store_sort_from_string (argv[++i], &query.sort))
            {
              cd_cli_printerr ("“%s” is not a sort; use modified, created, headline or embargo.",
                               argv[i]);
              return CD_EXIT_ERROR;
            }
        }
      else if (missing_value (argv[i], (const char *[]){ "--search", "--status", "--sort", NULL }))
        return CD_EXIT_ERROR;
      else
        {
          cd_cli_usage_error ("list", "list does not take “%s”", argv[i]);
          return CD_EXIT_ERROR;
        }
    }

  if ((store = cd_cli_get_store (cli)) == NULL)
    return CD_EXIT_ERROR;
  if ((articles = cd_store_list_articles (store, &query, &error)) == NULL)
    {
      cd_cli_printerr ("%s", error->message);
      return CD_EXIT_ERROR;
    }

  if (json)
    {
      g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_sized_new (articles->len);

      for (guint i = 0; i < articles->len; i++)
        json_array_add_element (array,
                                cd_article_to_json_node (articles->pdata[i],
                                                         CD_ARTICLE_JSON_PUBLIC |
                                                             CD_ARTICLE_JSON_NO_BODY));
      json_node_take_array (root, array);
      cd_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < articles->len; i++)
        {
          CdArticle       *a = articles->pdata[i];
          g_autofree char *modified = cd_format_iso8601_utc (cd_article_get_modified (a));
          g_autofree char *folded = one_line (cd_article_get_headline (a));
          g_autofree char *headline = cd_cli_escape_controls (folded, FALSE);

          printf ("%s  %-16s  %s  %s\n", cd_article_get_uuid (a),
                  cd_article_status_to_string (cd_article_get_status (a)),
                  modified ? modified : "", *headline ? headline : "(no headline)");
        }
    }
  return CD_EXIT_OK;
}

/* What the site last said of the article's post, beside the local
 * status, when it says more than a sync does: its own status name (one the
 * site added included) and the time it is scheduled for, in UTC. */
static void
add_site_fields (JsonObject *object,
                 CdArticle  *article)
{
  g_autoptr (GDateTime) scheduled = cd_article_dup_scheduled (article);
  const char *site_status = cd_article_get_site_status (article);

  g_assert (object != NULL);
  g_assert (CD_IS_ARTICLE (article));

  if (site_status != NULL)
    json_object_set_string_member (object, "site_status", site_status);
  if (scheduled != NULL)
    {
      g_autofree char *text = cd_format_iso8601_utc (scheduled);

      json_object_set_string_member (object, "scheduled", text);
    }
}

/* The featured image's caption and credit, when the article has them: the
 * text `check` reports findings on (fields image_caption, image_credit). */
static void
add_image_fields (JsonObject *object,
                  CdArticle  *article)
{
  static const char *fields[] = { "image_caption", "image_credit" };

  g_assert (object != NULL);
  g_assert (CD_IS_ARTICLE (article));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = cd_article_get_field (article, fields[i]);

      if (value != NULL && *value != '\0')
        json_object_set_string_member (object, fields[i], value);
    }
}

int
cd_cli_show (CdCli *cli,
             int    argc,
             char **argv)
{
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *body = NULL;
  const char      *uuid = NULL;
  gboolean         json = FALSE;
  CdStore         *store;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (uuid == NULL && argv[i][0] != '-')
        uuid = argv[i];
      else
        {
          cd_cli_usage_error ("show", "show does not take “%s”", argv[i]);
          return CD_EXIT_ERROR;
        }
    }
  if (uuid == NULL)
    {
      cd_cli_usage_error ("show", "show needs the article's uuid");
      return CD_EXIT_ERROR;
    }
  if ((store = cd_cli_get_store (cli)) == NULL)
    return CD_EXIT_ERROR;
  if ((article = cd_cli_get_article (store, uuid)) == NULL)
    return CD_EXIT_ERROR;

  if (json)
    {
      g_autoptr (JsonNode) root = NULL;
      g_autoptr (GError) error = NULL;
      JsonArray *sync = cd_sync_describe_article (store, cd_article_get_uuid (article), &error);

      /* Damaged sync records hide no article: it is shown without them
       * ("sync": null) and the reason goes to stderr. */
      if (sync == NULL && !g_error_matches (error, CD_SYNC_DB_ERROR, CD_SYNC_DB_ERROR_DAMAGED))
        {
          cd_cli_printerr ("%s", error->message);
          return CD_EXIT_ERROR;
        }
      if (sync == NULL)
        cd_cli_printerr ("%s", error->message);
      root = cd_article_to_json_node (article, CD_ARTICLE_JSON_PUBLIC);
      /* One object per account: account, remote_id, state, error. */
      if (sync != NULL)
        json_object_set_array_member (json_node_get_object (root), "sync", sync);
      else
        json_object_set_null_member (json_node_get_object (root), "sync");
      add_site_fields (json_node_get_object (root), article);
      add_image_fields (json_node_get_object (root), article);
      cd_cli_add_images (json_node_get_object (root), store, article);
      cd_cli_add_publish_fields (json_node_get_object (root), store, article);
      cd_cli_print_json (root);
      return CD_EXIT_OK;
    }

  for (const char *const *f = cd_article_list_fields (); *f != NULL; f++)
    {
      g_autofree char *value = NULL;

      if (g_str_equal (*f, "body"))
        continue;
      value = cd_article_get_field (article, *f);
      if (value != NULL)
        {
          g_autofree char *shown = cd_cli_escape_controls (value, FALSE);
          printf ("%s: %s\n", *f, shown);
        }
    }
  body = cd_cli_escape_controls (cd_article_get_body (article), TRUE);
  printf ("\n%s", body);
  if (*body != '\0' && !g_str_has_suffix (body, "\n"))
    printf ("\n");
  return CD_EXIT_OK;
}

/* Reads a value for `set --file`, with the same limits as an import. */
static char *
read_value_file (const char *path,
                 GError    **error)
{
  g_autofree char *contents = NULL;
  const char      *end;
  gsize            length;
  GStatBuf         st;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: there is no such file.", path);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "%s: this is not a regular file.", path);
      return NULL;
    }
  /* The size is checked before reading, so that a log of gigabytes given
   * by mistake is refused rather than read into memory. */
  if (g_stat (path, &st) == 0 && st.st_size > CD_IMPORT_MAX_SIZE)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: the file is larger than %d MB.", path, CD_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length > CD_IMPORT_MAX_SIZE)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: the file is larger than %d MB.", path, CD_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: the file is binary, not text.", path);
      return NULL;
    }
  if (!g_utf8_validate (contents, length, &end))
    {
      guint line = 1;

      for (const char *p = contents; p < end; p++)
        line += *p == '\n';
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: line %u is not valid UTF-8 text.", path, line);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

typedef struct
{
  const char *field;
  const char *value;
} FieldEdit;

static gboolean
set_one_field (CdArticle *article,
               gpointer   user_data,
               GError   **error)
{
  FieldEdit *edit = user_data;

  return cd_article_set_field (article, edit->field, edit->value, error);
}

int
cd_cli_set (CdCli *cli,
            int    argc,
            char **argv)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *file_value = NULL;
  const char      *uuid, *field, *value;
  FieldEdit        edit;
  CdStore         *store;

  if (argc == 5 && g_str_equal (argv[3], "--file"))
    {
      if ((file_value = read_value_file (argv[4], &error)) == NULL)
        {
          cd_cli_printerr ("%s", error->message);
          return CD_EXIT_ERROR;
        }
      value = file_value;
    }
  else if (argc == 4 && g_str_equal (argv[3], "--file"))
    {
      /* Without this, a script whose PATH variable came out empty would
       * replace the field with the text "--file". */
      cd_cli_printerr ("set … --file needs the PATH of a file after it.");
      return CD_EXIT_ERROR;
    }
  else if (argc == 4)
    value = argv[3];
  else
    {
      cd_cli_usage_error ("set", "set needs the article's uuid, a field and its value");
      return CD_EXIT_ERROR;
    }
  uuid = argv[1];
  field = argv[2];

  if ((store = cd_cli_get_store (cli)) == NULL)
    return CD_EXIT_ERROR;
  if ((article = cd_cli_get_article_to_change (store, uuid)) == NULL)
    return CD_EXIT_ERROR;
  if (g_str_equal (field, "language") && *value != '\0' && !cd_check_is_language_tag (value))
    {
      g_autofree char *hint = g_strdelimit (g_strdup (value), "_", '-');

      if (cd_check_is_language_tag (hint))
        cd_cli_printerr ("“%s” is not a language tag; write it with a hyphen: %s.", value, hint);
      else
        cd_cli_printerr ("“%s” is not a language tag such as en, en-GB or de-CH.", value);
      return CD_EXIT_ERROR;
    }
  /* The field is set on the article as it is inside one write transaction,
   * so that other commands changing other fields at the same moment keep
   * their change; a value the field already has writes nothing. */
  edit.field = field;
  edit.value = value;
  if (!cd_store_edit_article (store, cd_article_get_uuid (article), set_one_field, &edit, &error))
    {
      cd_cli_printerr ("%s", error->message);
      return CD_EXIT_ERROR;
    }
  return CD_EXIT_OK;
}

static gboolean
write_export_contents (const char *path,
                       const char *text,
                       GError    **error)
{
  g_autofree char *target = NULL;
  GStatBuf         st, link;
  FILE            *stream;
  gboolean         written;

  if (g_stat (path, &st) != 0 || S_ISREG (st.st_mode))
    {
      if (g_lstat (path, &link) == 0 && S_ISLNK (link.st_mode))
        target = realpath (path, NULL);
      return g_file_set_contents (target != NULL ? target : path, text, -1, error);
    }
  if ((stream = g_fopen (path, "w")) == NULL)
    {
      int saved = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                           g_strerror (saved));
      return FALSE;
    }
  written = fputs (text, stream) >= 0;
  if (fclose (stream) != 0)
    written = FALSE;
  if (!written)
    {
      int saved = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                           g_strerror (saved));
    }
  return written;
}

/* Writes an export to @path, or says in one sentence naming @path why it
 * cannot: g_file_set_contents() would name its temporary file instead. */
static gboolean
write_export (const char *path,
              const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      cd_cli_printerr ("Cannot export to “%s”: it is a folder; give a file name after -o.", path);
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      cd_cli_printerr ("Cannot export to “%s”: the folder “%s” does not exist.", path, folder);
      return FALSE;
    }
  /* g_file_set_contents writes a temporary file and renames it, so a
   * failure never leaves half a file behind. A device or a pipe (-o
   * /dev/stdout, a FIFO) is written through instead: renaming over it would
   * put a plain file where the device was. A link is followed, so the file
   * it names is replaced and the link stays. */
  if (!write_export_contents (path, text, &error))
    {
      const char *why;

      switch (error->code)
        {
        case G_FILE_ERROR_ACCES:
        case G_FILE_ERROR_PERM:
          why = "permission denied";
          break;
        case G_FILE_ERROR_NOENT:
          why = "a file cannot be created there";
          break;
        case G_FILE_ERROR_NOSPC:
          why = "the disk is full";
          break;
        case G_FILE_ERROR_ROFS:
          why = "the file system is read-only";
          break;
        default:
          why = error->message;
          break;
        }
      cd_cli_printerr ("Cannot export to “%s”: %s.", path, why);
      return FALSE;
    }
  return TRUE;
}

int
cd_cli_export (CdCli *cli,
               int    argc,
               char **argv)
{
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *text = NULL;
  const char      *uuid = NULL, *format_name = NULL, *output = NULL;
  CdExportFormat   format;
  CdStore         *store;
  CdImageSource    images;

  for (int i = 1; i < argc; i++)
    {
      if (cd_cli_option (argc, argv, &i, "--format", &format_name))
        continue;
      if ((g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output")) && i + 1 < argc)
        output = argv[++i];
      else if (uuid == NULL && argv[i][0] != '-')
        uuid = argv[i];
      else if (missing_value (argv[i], (const char *[]){ "--format", "-o", "--output", NULL }))
        return CD_EXIT_ERROR;
      else
        {
          cd_cli_usage_error ("export", "export does not take “%s”", argv[i]);
          return CD_EXIT_ERROR;
        }
    }
  if (uuid == NULL || format_name == NULL)
    {
      cd_cli_usage_error ("export", "export needs the article's uuid and a --format");
      return CD_EXIT_ERROR;
    }
  if (!cd_export_format_from_string (format_name, &format))
    {
      cd_cli_printerr ("“%s” is not an export format; use md, html or ninjs.", format_name);
      return CD_EXIT_ERROR;
    }
  if ((store = cd_cli_get_store (cli)) == NULL)
    return CD_EXIT_ERROR;
  if ((article = cd_cli_get_article (store, uuid)) == NULL)
    return CD_EXIT_ERROR;

  cd_store_get_image_source (store, &images);
  text = cd_export_article_with_images (article, format, &images);
  if (output == NULL || g_str_equal (output, "-"))
    {
      fputs (text, stdout);
      return CD_EXIT_OK;
    }
  if (!write_export (output, text))
    return CD_EXIT_ERROR;
  return CD_EXIT_OK;
}
