/* cd-wp-marker.c: the uuid marker a post Copydesk writes carries.
 *
 * The marker that lets a lost create
 * be found again sits in the attributes of the post's first block
 * ("copydeskUuid"): parse_blocks() keeps it, and the block editor of
 * WordPress 6.1 reads only the attributes a block type declares
 * (getBlockAttributes() in wp-includes/js/dist/blocks.js maps over
 * blockType.attributes) while validation compares only the block's HTML, so
 * the block opens as it is, with no warning. WordPress's search, which reads
 * post_content, finds the uuid there. An HTML comment between blocks would
 * be freeform content, which the editor turns into a Classic block
 * (normalizeRawBlock() there); post meta needs a key the site registered
 * for the REST API, which a stock site has not. The editor drops the
 * attribute when a person next saves the post from it, which is fine: the
 * marker matters only until the create's outcome is known, and the sync
 * tables link the post by its id from then on. A post without any block
 * (an empty body, a classic post) carries the older marker, an HTML comment
 * at its end, which is still read on the way in. The pull from a site and
 * the import of its export both take it out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wordpress"

#include "config.h"

#include <string.h>

#include "cd-wp-blocks.h"
#include "cd-wp-marker.h"

/* A block's opening delimiter as WordPress's serialize_block() writes it. */
static char *
opener (const CdWpBlock *block,
        JsonNode        *attrs,
        gboolean         is_void)
{
  GString    *out = g_string_new ("<!-- wp:");
  const char *name;

  g_assert (block != NULL && block->name != NULL);

  name = g_str_has_prefix (block->name, "core/") ? block->name + 5 : block->name;
  g_string_append (out, name);
  g_string_append_c (out, ' ');
  if (attrs != NULL && JSON_NODE_HOLDS_OBJECT (attrs) &&
      json_object_get_size (json_node_get_object (attrs)) > 0)
    {
      g_autofree char *json = cd_wp_block_attributes_serialize (attrs);

      g_string_append (out, json);
      g_string_append_c (out, ' ');
    }
  g_string_append (out, is_void ? "/-->" : "-->");
  return g_string_free (out, FALSE);
}

/* The first block of @blocks with a name, if its attributes are an
 * object and its opening delimiter in @content is the one WordPress
 * writes; sets @old to that delimiter and @is_void to its kind. */
static CdWpBlock *
first_block (GPtrArray  *blocks,
             const char *content,
             char      **old,
             gboolean   *is_void)
{
  g_assert (blocks != NULL && content != NULL && old != NULL && is_void != NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      CdWpBlock *block = g_ptr_array_index (blocks, i);

      if (block->name == NULL)
        continue;
      if (block->attrs == NULL || !JSON_NODE_HOLDS_OBJECT (block->attrs))
        return NULL;
      for (int v = 0; v < 2; v++)
        {
          g_autofree char *candidate = opener (block, block->attrs, v == 1);

          if (strncmp (content + block->start, candidate, strlen (candidate)) == 0)
            {
              *old = g_steal_pointer (&candidate);
              *is_void = v == 1;
              return block;
            }
        }
      return NULL;
    }
  return NULL;
}

/**
 * cd_wordpress_add_marker:
 * @content: post content
 * @uuid: the article's uuid
 *
 * Returns: (transfer full): @content with the marker carrying @uuid: in
 *   the first block's attributes, or as an HTML comment at the end when
 *   @content has no block to carry it
 */
char *
cd_wordpress_add_marker (const char *content,
                         const char *uuid)
{
  g_autoptr (GPtrArray) blocks = NULL;
  g_autofree char *old = NULL;
  gboolean         is_void = FALSE;
  CdWpBlock       *block;

  g_return_val_if_fail (content != NULL && uuid != NULL, NULL);

  blocks = cd_wp_blocks_parse (content, strlen (content));
  block = first_block (blocks, content, &old, &is_void);
  if (block != NULL)
    {
      g_autoptr (JsonNode) attrs = json_node_copy (block->attrs);
      g_autofree char *marked = NULL;
      GString         *out = g_string_new_len (content, block->start);

      json_object_set_string_member (json_node_get_object (attrs), CD_WORDPRESS_MARKER_ATTRIBUTE,
                                     uuid);
      marked = opener (block, attrs, is_void);
      g_string_append (out, marked);
      g_string_append (out, content + block->start + strlen (old));
      return g_string_free (out, FALSE);
    }
  return g_strdup_printf ("%s%s" CD_WORDPRESS_MARKER_PREFIX "%s -->", content,
                          *content != '\0' && !g_str_has_suffix (content, "\n") ? "\n" : "",
                          uuid);
}

/* Takes the marker from the first block's attributes. */
static char *
take_attribute_marker (char *content)
{
  g_autoptr (GPtrArray) blocks = cd_wp_blocks_parse (content, strlen (content));
  g_autoptr (JsonNode) attrs = NULL;
  g_autofree char *old = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *uuid = NULL;
  gboolean         is_void = FALSE;
  CdWpBlock       *block = first_block (blocks, content, &old, &is_void);
  JsonObject      *object;
  JsonNode        *member;
  gsize            old_length, plain_length;

  g_assert (content != NULL);

  if (block == NULL)
    return NULL;
  object = json_node_get_object (block->attrs);
  member = json_object_get_member (object, CD_WORDPRESS_MARKER_ATTRIBUTE);
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING ||
      !g_uuid_string_is_valid (json_node_get_string (member)))
    return NULL;
  uuid = g_strdup (json_node_get_string (member));
  attrs = json_node_copy (block->attrs);
  json_object_remove_member (json_node_get_object (attrs), CD_WORDPRESS_MARKER_ATTRIBUTE);
  plain = opener (block, attrs, is_void);
  old_length = strlen (old);
  plain_length = strlen (plain);
  g_assert (plain_length < old_length);
  memcpy (content + block->start, plain, plain_length);
  memmove (content + block->start + plain_length, content + block->start + old_length,
           strlen (content + block->start + old_length) + 1);
  return g_steal_pointer (&uuid);
}

/**
 * cd_wordpress_take_marker:
 * @html: post content, changed in place
 *
 * Finds the uuid marker in @html and removes it: from the first block's
 * attributes, or (as older Copydesk wrote it) an HTML comment, with the
 * white space before it.
 *
 * Returns: (transfer full) (nullable): the uuid, or %NULL when @html has no
 *   valid marker
 */
char *
cd_wordpress_take_marker (char *html)
{
  char *start;

  g_return_val_if_fail (html != NULL, NULL);

  if (strstr (html, "\"" CD_WORDPRESS_MARKER_ATTRIBUTE "\"") != NULL)
    {
      char *uuid = take_attribute_marker (html);

      if (uuid != NULL)
        return uuid;
    }

  for (start = strstr (html, CD_WORDPRESS_MARKER_PREFIX); start != NULL;
       start = strstr (start + 1, CD_WORDPRESS_MARKER_PREFIX))
    {
      const char      *uuid_start = start + strlen (CD_WORDPRESS_MARKER_PREFIX);
      const char      *close = strstr (uuid_start, "-->");
      g_autofree char *uuid = NULL;
      char            *cut;

      if (close == NULL)
        break;
      uuid = g_strstrip (g_strndup (uuid_start, close - uuid_start));
      if (!g_uuid_string_is_valid (uuid))
        continue;

      cut = start;
      close += strlen ("-->");
      /* WordPress's editors may have wrapped the marker in a paragraph of
       * its own: that goes too. */
      if (cut - html >= 3 && strncmp (cut - 3, "<p>", 3) == 0 &&
          strncmp (close, "</p>", 4) == 0)
        {
          cut -= 3;
          close += 4;
        }
      while (cut > html && g_ascii_isspace (cut[-1]))
        cut--;
      memmove (cut, close, strlen (close) + 1);
      return g_steal_pointer (&uuid);
    }
  return NULL;
}
