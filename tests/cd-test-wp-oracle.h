/* cd-test-wp-oracle.h: WordPress's own parse_blocks() and
 * serialize_blocks() (through tests/wp-blocks-oracle.php) as the judge of
 * Copydesk's block parser, serializer and content converter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cd-wp-blocks.h"

#define CD_TEST_WORDPRESS_DIR "/usr/share/wordpress"

/* Why the oracle cannot run here, or NULL when it can. */
static inline const char *
cd_test_oracle_missing (void)
{
  g_autofree char *php = g_find_program_in_path ("php");

  if (php == NULL)
    return "php is not installed (Debian package php-cli)";
  if (!g_file_test (CD_TEST_WORDPRESS_DIR "/wp-includes/class-wp-block-parser.php",
                    G_FILE_TEST_EXISTS))
    return "WordPress is not installed in " CD_TEST_WORDPRESS_DIR " (Debian package wordpress)";
  return NULL;
}

/* Runs the oracle in @mode ("parse" or "serialize") on @input. */
static inline char *
cd_test_oracle_run (const char *mode,
                    const char *input,
                    gsize       length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "wp-blocks-oracle.php", NULL);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int              fd, status = 0;

  fd = g_file_open_tmp ("cd-oracle-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, input, length, &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { "php", script, mode, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                  &status, &error);
  }
  g_unlink (path);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the oracle failed: %s", err);
  return g_steal_pointer (&out);
}

/* parse_blocks() of @content, as a JSON object with "blocks" and
 * "serialized" (serialize_blocks() of those blocks). */
static inline JsonNode *
cd_test_oracle_parse (const char *content,
                      gsize       length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = cd_test_oracle_run ("parse", content, length);
  JsonNode        *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static inline gboolean cd_test_json_equal (JsonNode *php, JsonNode *mine);

/* PHP's json_decode(…, true) makes an empty object, and one with keys "0",
 * "1", … in order, into a list. */
static inline gboolean
cd_test_object_is_php_list (JsonObject *object)
{
  g_autoptr (GList) members = json_object_get_members (object);
  guint i = 0;

  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      char expect[16];

      g_snprintf (expect, sizeof expect, "%u", i);
      if (strcmp (l->data, expect) != 0)
        return FALSE;
    }
  return TRUE;
}

static inline gboolean
cd_test_json_equal (JsonNode *php,
                    JsonNode *mine)
{
  if (mine == NULL || JSON_NODE_HOLDS_NULL (mine))
    return php == NULL || JSON_NODE_HOLDS_NULL (php);
  if (php == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (mine))
    {
      JsonObject *object = json_node_get_object (mine);
      g_autoptr (GList) members = json_object_get_members (object);

      if (cd_test_object_is_php_list (object))
        {
          JsonArray *array;
          guint      i = 0;

          if (JSON_NODE_HOLDS_OBJECT (php))
            return json_object_get_size (json_node_get_object (php)) == 0 && members == NULL;
          if (!JSON_NODE_HOLDS_ARRAY (php))
            return FALSE;
          array = json_node_get_array (php);
          if (json_array_get_length (array) != g_list_length (members))
            return FALSE;
          for (GList *l = members; l != NULL; l = l->next, i++)
            if (!cd_test_json_equal (json_array_get_element (array, i),
                                     json_object_get_member (object, l->data)))
              return FALSE;
          return TRUE;
        }
      if (!JSON_NODE_HOLDS_OBJECT (php))
        return FALSE;
      {
        JsonObject *other = json_node_get_object (php);
        g_autoptr (GList) other_members = json_object_get_members (other);
        GList *l, *k;

        for (l = members, k = other_members; l != NULL && k != NULL; l = l->next, k = k->next)
          if (strcmp (l->data, k->data) != 0 ||
              !cd_test_json_equal (json_object_get_member (other, k->data),
                                   json_object_get_member (object, l->data)))
            return FALSE;
        return l == NULL && k == NULL;
      }
    }
  if (JSON_NODE_HOLDS_ARRAY (mine))
    {
      JsonArray *a = json_node_get_array (mine), *b;

      if (!JSON_NODE_HOLDS_ARRAY (php))
        return FALSE;
      b = json_node_get_array (php);
      if (json_array_get_length (a) != json_array_get_length (b))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (a); i++)
        if (!cd_test_json_equal (json_array_get_element (b, i), json_array_get_element (a, i)))
          return FALSE;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (php))
    return FALSE;
  switch (json_node_get_value_type (mine) == G_TYPE_INT64 ? G_TYPE_DOUBLE
                                                          : json_node_get_value_type (mine))
    {
    case G_TYPE_DOUBLE:
      return (json_node_get_value_type (php) == G_TYPE_INT64 ||
              json_node_get_value_type (php) == G_TYPE_DOUBLE) &&
             json_node_get_double (php) == json_node_get_double (mine);
    case G_TYPE_BOOLEAN:
      return json_node_get_value_type (php) == G_TYPE_BOOLEAN &&
             json_node_get_boolean (php) == json_node_get_boolean (mine);
    case G_TYPE_STRING:
      return json_node_get_value_type (php) == G_TYPE_STRING &&
             g_strcmp0 (json_node_get_string (php), json_node_get_string (mine)) == 0;
    default:
      return FALSE;
    }
}

/* Fails the test with @where unless @mine is what WordPress parsed. */
static inline void
cd_test_assert_block (JsonObject      *php,
                      const CdWpBlock *mine,
                      const char      *where)
{
  JsonArray  *inner = json_object_get_array_member (php, "innerBlocks");
  JsonArray  *content = json_object_get_array_member (php, "innerContent");
  const char *name = json_object_get_null_member (php, "blockName")
                         ? NULL
                         : json_object_get_string_member (php, "blockName");

  if (g_strcmp0 (name, mine->name) != 0)
    g_error ("%s: name %s, WordPress says %s", where, mine->name, name);
  if (!cd_test_json_equal (json_object_get_member (php, "attrs"), mine->attrs))
    g_error ("%s (%s): attributes differ from WordPress's", where, name);
  g_assert_cmpstr (json_object_get_string_member (php, "innerHTML"), ==, mine->inner_html);
  g_assert_cmpuint (json_array_get_length (content), ==, mine->inner_content->len);
  for (guint i = 0; i < mine->inner_content->len; i++)
    {
      JsonNode *chunk = json_array_get_element (content, i);

      g_assert_cmpstr (JSON_NODE_HOLDS_NULL (chunk) ? NULL : json_node_get_string (chunk), ==,
                       g_ptr_array_index (mine->inner_content, i));
    }
  g_assert_cmpuint (json_array_get_length (inner), ==, mine->inner_blocks->len);
  for (guint i = 0; i < mine->inner_blocks->len; i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s > %u", where, i);

      cd_test_assert_block (json_array_get_object_element (inner, i),
                            g_ptr_array_index (mine->inner_blocks, i), sub);
    }
}

/* The names of WordPress's top-level blocks of @content, freeform HTML
 * that is only white space left out, joined by spaces. */
static inline char *
cd_test_oracle_block_names (const char *content)
{
  g_autoptr (JsonNode) parsed = cd_test_oracle_parse (content, strlen (content));
  JsonArray *blocks = json_object_get_array_member (json_node_get_object (parsed), "blocks");
  GString   *names = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);

      if (json_object_get_null_member (block, "blockName"))
        {
          g_autofree char *html = g_strdup (json_object_get_string_member (block, "innerHTML"));

          if (*g_strstrip (html) == '\0')
            continue;
        }
      if (names->len > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, json_object_get_null_member (block, "blockName")
                                  ? "(html)"
                                  : json_object_get_string_member (block, "blockName"));
    }
  return g_string_free (names, FALSE);
}

static inline int
cd_test_compare_names (gconstpointer a,
                       gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The fixtures in tests/data/blocks, sorted. */
static inline GPtrArray *
cd_test_block_fixtures (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "blocks", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray  *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".html"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, cd_test_compare_names);
  return names;
}

/* Whether every top-level block of @content ends with its own delimiter
 * and no HTML between blocks holds a delimiter: only then does WordPress
 * read each block the same wherever it is put. (A stray closer swallows
 * what follows it, wherever it goes; so does a block left open.) */
static inline gboolean
cd_test_markup_well_formed (const char *content,
                            gsize       length)
{
  g_autoptr (GPtrArray) blocks = cd_wp_blocks_parse (content, length);

  if (!cd_wp_blocks_cover (blocks, length))
    return FALSE;
  for (guint i = 0; i < blocks->len; i++)
    {
      CdWpBlock       *block = g_ptr_array_index (blocks, i);
      g_autofree char *bytes = g_strndup (content + block->start, block->end - block->start);

      if (block->name == NULL ? strstr (bytes, "wp:") != NULL : !g_str_has_suffix (bytes, "-->"))
        return FALSE;
    }
  return TRUE;
}

/* Adds the paths of the .html files in @dir_path to @paths. */
static inline void
cd_test_add_markup_files (GPtrArray  *paths,
                          const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".html"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
}

/* The block markup WordPress ships in the templates and parts of its
 * block themes (Debian package wordpress-theme-twentytwentythree), and
 * the .html files of the folder CD_TEST_WP_CORPUS names, if set (markup
 * from elsewhere, kept out of the repository), as absolute paths, sorted;
 * or NULL with the test skipped when the oracle cannot run, failed when no
 * block theme is installed. */
static inline GPtrArray *
cd_test_wordpress_theme_markup (void)
{
  static const char *const kinds[] = { "templates", "parts" };
  const char              *themes_path = CD_TEST_WORDPRESS_DIR "/wp-content/themes";
  const char              *missing = cd_test_oracle_missing ();
  g_autoptr (GDir) themes = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *theme;

  if (missing != NULL)
    {
      g_test_skip (missing);
      return NULL;
    }
  themes = g_dir_open (themes_path, 0, NULL);
  while (themes != NULL && (theme = g_dir_read_name (themes)) != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        g_autofree char *dir_path = g_build_filename (themes_path, theme, kinds[i], NULL);

        cd_test_add_markup_files (paths, dir_path);
      }
  if (paths->len == 0)
    {
      g_test_fail_printf ("No block theme in %s (Debian package "
                          "wordpress-theme-twentytwentythree).",
                          themes_path);
      return NULL;
    }
  if (g_getenv ("CD_TEST_WP_CORPUS") != NULL)
    cd_test_add_markup_files (paths, g_getenv ("CD_TEST_WP_CORPUS"));
  g_ptr_array_sort (paths, cd_test_compare_names);
  return g_steal_pointer (&paths);
}

/* A fixture of tests/data/blocks by its name, or any file by its absolute
 * path. */
static inline char *
cd_test_block_fixture (const char *name,
                       gsize      *length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_path_is_absolute (name)
                              ? g_strdup (name)
                              : g_test_build_filename (G_TEST_DIST, "data", "blocks", name, NULL);
  char            *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}
