/* cd-test-fake-media.c: the fake WordPress's media items: a raw upload to
 * /wp/v2/media (Content-Disposition and Content-Type as WordPress wants
 * them, title, slug, alt_text and caption from the query), a listing by
 * slug or search, reading one item, and deleting one for good, as
 * WordPress does without a media trash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-test-fake-wp.h"

static const char *
query_value (GHashTable *query,
             const char *name)
{
  return query != NULL ? g_hash_table_lookup (query, name) : NULL;
}

static void
set_rendered (JsonObject *item,
              const char *member,
              const char *value)
{
  JsonObject *field = json_object_new ();

  json_object_set_string_member (field, "raw", value != NULL ? value : "");
  json_object_set_string_member (field, "rendered", value != NULL ? value : "");
  json_object_set_object_member (item, member, field);
}

static void
fake_upload (FakeWp            *fake,
             SoupServerMessage *msg,
             GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char         *disposition = soup_message_headers_get_one (headers, "Content-Disposition");
  const char         *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr (GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  JsonObject      *item;
  gint64           id;
  g_autofree char *url = NULL;
  g_autofree char *key = NULL;
  const char      *filename;

  if (disposition == NULL || (filename = strstr (disposition, "filename=")) == NULL)
    {
      fake_reply_error (msg, 400, "rest_upload_no_content_disposition",
                        "No Content-Disposition supplied.");
      return;
    }
  if (type == NULL || !g_str_has_prefix (type, "image/") || g_bytes_get_size (body) == 0)
    {
      fake_reply_error (msg, 400, "rest_upload_no_data", "No data supplied.");
      return;
    }
  id = fake_new_id (fake);
  item = json_object_new ();
  json_object_set_int_member (item, "id", id);
  json_object_set_string_member (item, "slug", query_value (query, "slug") ?: "");
  set_rendered (item, "title", query_value (query, "title"));
  set_rendered (item, "caption", query_value (query, "caption"));
  json_object_set_string_member (item, "alt_text", query_value (query, "alt_text") ?: "");
  json_object_set_string_member (item, "mime_type", type);
  json_object_set_int_member (item, "size", (gint64) g_bytes_get_size (body));
  url = g_strdup_printf ("%s/wp-content/uploads/%" G_GINT64_FORMAT "-%s", fake->url, id,
                         filename + strlen ("filename=\""));
  if (g_str_has_suffix (url, "\""))
    url[strlen (url) - 1] = '\0';
  json_object_set_string_member (item, "source_url", url);
  if (fake->media_credit)
    json_object_set_string_member (item, "credit", "");
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_hash_table_insert (fake->media, g_steal_pointer (&key), item);
  fake_reply_object (msg, SOUP_STATUS_CREATED, item);
}

static void
fake_list_media (FakeWp            *fake,
                 SoupServerMessage *msg,
                 GHashTable        *query)
{
  const char *slug = query_value (query, "slug");
  const char *search = query_value (query, "search");
  g_autoptr (JsonArray) array = json_array_new ();
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  GHashTableIter iter;
  gpointer       value;

  g_hash_table_iter_init (&iter, fake->media);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JsonObject *item = value;
      const char *title = json_object_get_string_member (
          json_object_get_object_member (item, "title"), "raw");

      if (slug != NULL && g_strcmp0 (json_object_get_string_member (item, "slug"), slug) != 0)
        continue;
      if (search != NULL && strstr (title, search) == NULL)
        continue;
      json_array_add_object_element (array, json_object_ref (item));
    }
  json_node_set_array (node, array);
  fake_reply_json (msg, SOUP_STATUS_OK, node);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "X-WP-TotalPages", "1");
}

/**
 * fake_serve_media:
 *
 * Returns: %TRUE when @path was a media request, answered
 */
gboolean
fake_serve_media (FakeWp            *fake,
                  SoupServerMessage *msg,
                  const char        *method,
                  const char        *path,
                  GHashTable        *query)
{
  JsonObject *item;

  if (g_str_equal (path, "/wp/v2/media"))
    {
      if (g_str_equal (method, "POST"))
        fake_upload (fake, msg, query);
      else
        fake_list_media (fake, msg, query);
      return TRUE;
    }
  if (!g_str_has_prefix (path, "/wp/v2/media/"))
    return FALSE;
  item = g_hash_table_lookup (fake->media, path + strlen ("/wp/v2/media/"));
  if (item == NULL)
    fake_reply_error (msg, 404, "rest_post_invalid_id", "Invalid post ID.");
  else if (g_str_equal (method, "POST"))
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GBytes) bytes =
          soup_message_body_flatten (soup_server_message_get_request_body (msg));
      JsonObject *body;

      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          fake_reply_error (msg, 400, "rest_invalid_json", "Invalid JSON body passed.");
          return TRUE;
        }
      body = json_node_get_object (json_parser_get_root (parser));
      if (json_object_has_member (body, "caption"))
        set_rendered (item, "caption", json_object_get_string_member (body, "caption"));
      if (json_object_has_member (body, "credit") && json_object_has_member (item, "credit"))
        json_object_set_string_member (item, "credit",
                                       json_object_get_string_member (body, "credit"));
      fake_reply_object (msg, SOUP_STATUS_OK, item);
    }
  else if (g_str_equal (method, "DELETE"))
    {
      fake_reply_object (msg, SOUP_STATUS_OK, item);
      g_hash_table_remove (fake->media, path + strlen ("/wp/v2/media/"));
    }
  else
    fake_reply_object (msg, SOUP_STATUS_OK, item);
  return TRUE;
}

/* Serves the files in fake->files, as a site serves its uploads. */
void
fake_serve_file (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  FakeWp          *fake = user_data;
  GBytes          *bytes = g_hash_table_lookup (fake->files, path);
  g_autofree char *key = g_strdup_printf ("GET %s", path);

  fake_count_request (fake, key);
  if (bytes == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "image/gif", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}
