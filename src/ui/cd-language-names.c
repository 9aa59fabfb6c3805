/* cd-language-names.c: a language tag's name, as a person reads it.
 *
 * "en-GB" reads "English (United Kingdom)", in the desktop's language: the
 * names come from the iso-codes tables (ISO 639 for languages, ISO 3166 for
 * countries) and their translations, as GNOME's own language choosers do.
 * Without those tables a tag is shown as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-language-names"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cd-language-names.h"

#define ISO_CODES_DIR "/usr/share/iso-codes/json"

typedef struct
{
  GHashTable *languages; /* alpha-2 or alpha-3 code → English name */
  GHashTable *countries; /* alpha-2 code → English name */
} Tables;

/* Reads one iso-codes table: @list names the array, each entry's @keys
 * become keys for its "name". */
static GHashTable *
load_table (const char        *file,
            const char        *list,
            const char *const *keys)
{
  GHashTable      *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = g_build_filename (ISO_CODES_DIR, file, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonNode  *root;
  JsonArray *entries;

  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      g_debug ("No language names from %s: %s", path, error->message);
      return table;
    }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (entries = json_object_get_array_member (json_node_get_object (root), list)) == NULL)
    return table;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *name;

      if (entry == NULL || (name = json_object_get_string_member_with_default (entry, "name", NULL)) == NULL)
        continue;
      for (guint k = 0; keys[k] != NULL; k++)
        {
          const char *code = json_object_get_string_member_with_default (entry, keys[k], NULL);

          if (code != NULL && !g_hash_table_contains (table, code))
            g_hash_table_insert (table, g_strdup (code), g_strdup (name));
        }
    }
  return table;
}

static Tables *
get_tables (void)
{
  static Tables *tables;

  if (g_once_init_enter (&tables))
    {
      static const char *const language_keys[] = { "alpha_2", "alpha_3", NULL };
      static const char *const country_keys[] = { "alpha_2", NULL };
      Tables                  *t = g_new0 (Tables, 1);

      t->languages = load_table ("iso_639-2.json", "639-2", language_keys);
      t->countries = load_table ("iso_3166-1.json", "3166-1", country_keys);
      g_once_init_leave (&tables, t);
    }
  return tables;
}

/**
 * cd_language_get_name:
 * @tag: a BCP 47 tag (en, en-GB, de-CH, sr-Latn-RS)
 *
 * Returns: (transfer full): "English (United Kingdom)" for "en-GB", in the
 * desktop's language; the tag itself when its language is not known
 */
char *
cd_language_get_name (const char *tag)
{
  Tables *tables = get_tables ();
  g_auto (GStrv) parts = NULL;
  g_autofree char *language = NULL;
  const char      *name, *country = NULL;

  g_return_val_if_fail (tag != NULL, NULL);

  parts = g_strsplit_set (tag, "-_", -1);
  language = g_ascii_strdown (parts[0], -1);
  if ((name = g_hash_table_lookup (tables->languages, language)) == NULL)
    return g_strdup (tag);
  name = g_dgettext ("iso_639-2", name);

  /* The region is the first two-letter part after the language (a script,
   * four letters, may come between). */
  for (guint i = 1; parts[i] != NULL && country == NULL; i++)
    if (strlen (parts[i]) == 2)
      {
        g_autofree char *code = g_ascii_strup (parts[i], -1);

        if ((country = g_hash_table_lookup (tables->countries, code)) != NULL)
          country = g_dgettext ("iso_3166-1", country);
      }
  if (country == NULL)
    return g_strdup (name);
  /* TRANSLATORS: a language and the country whose variant it is:
   * "English (United Kingdom)" */
  return g_strdup_printf (C_ ("language", "%s (%s)"), name, country);
}
