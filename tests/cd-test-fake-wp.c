/* cd-test-fake-wp.c: an in-process SoupServer that answers just enough of
 * the WordPress REST API (users/me; posts: create, get, update, list,
 * search) for CdWordpress, and fails on request: 500, 503 and 429 with
 * Retry-After, a reply lost after the post was created (connection
 * dropped, or the reply held past the client's timeout), a connection cut
 * mid-body, malformed JSON. The sync tests and the window's sync tests
 * share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-test-fake-wp.h"

static void
fault_free (Fault *fault)
{
  g_free (fault->method);
  g_free (fault->path_prefix);
  g_free (fault);
}

void
fake_add_fault (FakeWp     *fake,
                const char *method,
                const char *path_prefix,
                FaultKind   kind,
                guint       status,
                guint       retry_after)
{
  Fault *fault = g_new0 (Fault, 1);

  fault->method = g_strdup (method);
  fault->path_prefix = g_strdup (path_prefix);
  fault->kind = kind;
  fault->status = status;
  fault->retry_after = retry_after;
  g_queue_push_tail (&fake->faults, fault);
}

static Fault *
fake_take_fault (FakeWp     *fake,
                 const char *method,
                 const char *path,
                 gboolean    early)
{
  for (GList *l = fake->faults.head; l != NULL; l = l->next)
    {
      Fault *fault = l->data;

      if (g_str_equal (fault->method, method) && g_str_has_prefix (path, fault->path_prefix) &&
          (fault->kind == FAULT_CUT_REQUEST) == early)
        {
          g_queue_delete_link (&fake->faults, l);
          return fault;
        }
    }
  return NULL;
}

static char *
fake_now (FakeWp *fake)
{
  g_autoptr (GDateTime) start = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr (GDateTime) now = g_date_time_add_seconds (start, (double) fake->clock++);

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

void
set_raw (JsonObject *post,
         const char *member,
         const char *value)
{
  JsonObject *field = json_object_new ();

  json_object_set_string_member (field, "raw", value);
  json_object_set_string_member (field, "rendered", value);
  json_object_set_object_member (post, member, field);
}

const char *
get_raw (JsonObject *post,
         const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (post, member), "raw");
}

void
apply_fields (FakeWp     *fake,
              JsonObject *post,
              JsonObject *body)
{
  g_autofree char         *now = fake_now (fake);
  static const char *const raw_members[] = { "title", "excerpt", "content" };

  for (guint i = 0; i < G_N_ELEMENTS (raw_members); i++)
    if (json_object_has_member (body, raw_members[i]))
      set_raw (post, raw_members[i], json_object_get_string_member (body, raw_members[i]));
  if (json_object_has_member (body, "status"))
    json_object_set_string_member (post, "status",
                                   json_object_get_string_member (body, "status"));
  if (json_object_has_member (body, "slug"))
    json_object_set_string_member (post, "slug", json_object_get_string_member (body, "slug"));
  if (json_object_has_member (body, "featured_media"))
    json_object_set_int_member (post, "featured_media",
                                json_object_get_int_member (body, "featured_media"));
  json_object_set_string_member (post, "modified_gmt", now);
}

JsonObject *
fake_create_post (FakeWp     *fake,
                  JsonObject *body)
{
  JsonObject      *post = json_object_new ();
  g_autofree char *now = fake_now (fake);
  gint64           id = fake_new_id (fake);

  json_object_set_int_member (post, "id", id);
  json_object_set_string_member (post, "date_gmt", now);
  json_object_set_string_member (post, "status", "draft");
  json_object_set_string_member (post, "slug", "");
  json_object_set_array_member (post, "categories", json_array_new ());
  json_object_set_array_member (post, "tags", json_array_new ());
  set_raw (post, "title", "");
  set_raw (post, "excerpt", "");
  set_raw (post, "content", "");
  apply_fields (fake, post, body);
  g_hash_table_insert (fake->posts, g_strdup_printf ("%" G_GINT64_FORMAT, id), post);
  return post;
}

/* Posts and media items share their ids, as in WordPress. */
gint64
fake_new_id (FakeWp *fake)
{
  return fake->next_id++;
}

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            JsonNode          *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text,
                                    strlen (text));
}

static void
reply_object (SoupServerMessage *msg,
              guint              status,
              JsonObject        *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  reply_json (msg, status, node);
}

static void
reply_error (SoupServerMessage *msg,
             guint              status,
             const char        *code,
             const char        *message)
{
  g_autofree char *text = g_strdup_printf ("{\"code\":\"%s\",\"message\":\"%s\","
                                           "\"data\":{\"status\":%u}}",
                                           code, message, status);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text,
                                    strlen (text));
}

void
fake_reply_object (SoupServerMessage *msg,
                   guint              status,
                   JsonObject        *object)
{
  reply_object (msg, status, object);
}

void
fake_reply_json (SoupServerMessage *msg,
                 guint              status,
                 JsonNode          *node)
{
  reply_json (msg, status, node);
}

void
fake_reply_error (SoupServerMessage *msg,
                  guint              status,
                  const char        *code,
                  const char        *message)
{
  reply_error (msg, status, code, message);
}

static JsonObject *
request_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr (GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *type = soup_message_headers_get_content_type (
      soup_server_message_get_request_headers (msg), NULL);
  gsize       size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  /* WordPress ignores a JSON body sent without its content type. */
  if (g_strcmp0 (type, "application/json") != 0 ||
      !json_parser_load_from_data (parser, data != NULL ? data : "", size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_node_dup_object (json_parser_get_root (parser));
}

static int
compare_modified (gconstpointer a,
                  gconstpointer b)
{
  JsonObject *pa = *(JsonObject **) a;
  JsonObject *pb = *(JsonObject **) b;

  return strcmp (json_object_get_string_member (pa, "modified_gmt"),
                 json_object_get_string_member (pb, "modified_gmt"));
}

static int
compare_modified_desc (gconstpointer a,
                       gconstpointer b)
{
  return compare_modified (b, a);
}

static void
fake_list (FakeWp            *fake,
           SoupServerMessage *msg,
           GHashTable        *query)
{
  const char      *search = query != NULL ? g_hash_table_lookup (query, "search") : NULL;
  const char      *after = query != NULL ? g_hash_table_lookup (query, "modified_after") : NULL;
  const char      *order = query != NULL ? g_hash_table_lookup (query, "order") : NULL;
  g_autofree char *after_plain = after != NULL ? g_strndup (after, 19) : NULL;
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (JsonArray) array = json_array_new ();
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *total = NULL;
  GHashTableIter   iter;
  gpointer         value;

  g_hash_table_iter_init (&iter, fake->posts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JsonObject *post = value;

      if (g_str_equal (json_object_get_string_member (post, "status"), "trash"))
        continue;
      if (search != NULL && strstr (get_raw (post, "content"), search) == NULL &&
          strstr (get_raw (post, "title"), search) == NULL)
        continue;
      if (after_plain != NULL &&
          strcmp (json_object_get_string_member (post, "modified_gmt"), after_plain) <= 0)
        continue;
      g_ptr_array_add (found, post);
    }
  g_ptr_array_sort (found, g_strcmp0 (order, "desc") == 0 ? compare_modified_desc
                                                          : compare_modified);
  for (guint i = 0; i < found->len; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (found, i)));

  json_node_set_array (node, array);
  reply_json (msg, SOUP_STATUS_OK, node);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "X-WP-TotalPages", "1");
  total = g_strdup_printf ("%u", found->len);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "X-WP-Total", total);
}

/* Serves one request as WordPress would; returns the post it touched. */
static void
fake_serve (FakeWp            *fake,
            SoupServerMessage *msg,
            const char        *method,
            const char        *path,
            GHashTable        *query)
{
  if (g_str_equal (path, "/wp/v2/users/me") && g_str_equal (method, "GET"))
    {
      g_autoptr (JsonObject) me = json_object_new ();

      json_object_set_int_member (me, "id", 1);
      json_object_set_string_member (me, "name", "Desk Tester");
      reply_object (msg, SOUP_STATUS_OK, me);
    }
  else if (fake_serve_media (fake, msg, method, path, query))
    ;
  else if (g_str_equal (path, "/wp/v2/posts") && g_str_equal (method, "GET"))
    fake_list (fake, msg, query);
  else if (g_str_equal (path, "/wp/v2/posts") && g_str_equal (method, "POST"))
    {
      g_autoptr (JsonObject) body = request_body (msg);

      if (body == NULL)
        reply_error (msg, 400, "empty_content", "No content");
      else
        reply_object (msg, SOUP_STATUS_CREATED, fake_create_post (fake, body));
    }
  else if (g_str_has_prefix (path, "/wp/v2/posts/"))
    {
      JsonObject *post = g_hash_table_lookup (fake->posts, path + strlen ("/wp/v2/posts/"));

      if (post == NULL)
        reply_error (msg, 404, "rest_post_invalid_id", "Invalid post ID.");
      else if (g_str_equal (method, "GET"))
        reply_object (msg, SOUP_STATUS_OK, post);
      else if (g_str_equal (method, "POST"))
        {
          g_autoptr (JsonObject) body = request_body (msg);

          if (body == NULL)
            reply_error (msg, 400, "rest_invalid_json", "Invalid JSON body passed.");
          else
            {
              apply_fields (fake, post, body);
              reply_object (msg, SOUP_STATUS_OK, post);
            }
        }
      else
        reply_error (msg, 405, "rest_no_route", "No route.");
    }
  else
    reply_error (msg, 404, "rest_no_route", "No route was found.");
}

static void
write_and_close (GIOStream  *stream,
                 const char *text)
{
  GOutputStream *out = g_io_stream_get_output_stream (stream);

  if (text != NULL)
    g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
fake_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *full_path,
              GHashTable        *query,
              gpointer           user_data)
{
  FakeWp          *fake = user_data;
  const char      *method = soup_server_message_get_method (msg);
  const char      *path = full_path + strlen ("/wp-json");
  g_autofree char *key = g_strdup_printf ("%s %s", method, path);
  g_autoptr (GIOStream) stream = NULL;
  Fault *fault;

  fake_count_request (fake, key);

  fault = fake_take_fault (fake, method, path, FALSE);
  if (fault == NULL)
    {
      fake_serve (fake, msg, method, path, query);
      return;
    }

  switch (fault->kind)
    {
    case FAULT_STATUS:
      reply_error (msg, fault->status, "fault", "Injected failure");
      if (fault->retry_after > 0)
        {
          g_autofree char *seconds = g_strdup_printf ("%u", fault->retry_after);

          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Retry-After", seconds);
        }
      break;
    case FAULT_DROP:
      fake_serve (fake, msg, method, path, query);
      stream = soup_server_message_steal_connection (msg);
      write_and_close (stream, NULL);
      break;
    case FAULT_HOLD:
      fake_serve (fake, msg, method, path, query);
      soup_server_message_pause (msg);
      g_ptr_array_add (fake->held, g_object_ref (msg));
      break;
    case FAULT_CUT:
      fake_serve (fake, msg, method, path, query);
      stream = soup_server_message_steal_connection (msg);
      write_and_close (stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                               "Content-Length: 400\r\nConnection: close\r\n\r\n"
                               "{\"id\": 1, \"title\": {\"raw\": \"Half");
      break;
    case FAULT_MALFORMED:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"id\": 1, \"title\": ", 19);
      break;
    case FAULT_WRONG_TYPE:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<html>Maintenance</html>", 24);
      break;
    case FAULT_CUT_REQUEST:
      g_assert_not_reached ();
    }
  fault_free (fault);
}

/* Runs when a request's headers are in, before its body: a connection
 * closed here cuts the body off on its way. */
static void
fake_early_handler (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *full_path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  FakeWp          *fake = user_data;
  const char      *method = soup_server_message_get_method (msg);
  g_autofree char *key = g_strdup_printf ("%s %s (cut)", method, full_path + strlen ("/wp-json"));
  Fault           *fault = fake_take_fault (fake, method, full_path + strlen ("/wp-json"), TRUE);
  g_autoptr (GIOStream) stream = NULL;

  if (fault == NULL)
    return;
  fake_count_request (fake, key);
  stream = soup_server_message_steal_connection (msg);
  write_and_close (stream, NULL);
  fault_free (fault);
}

void
fake_listen (FakeWp *fake)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, fake->port);
  GSList *uris;

  soup_server_listen (fake->server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake->server);
  g_assert_nonnull (uris);
  fake->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

FakeWp *
fake_new (gboolean listening)
{
  FakeWp *fake = g_new0 (FakeWp, 1);

  fake->server = soup_server_new ("server-header", "fake-wordpress", NULL);
  fake->posts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) json_object_unref);
  fake->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fake->held = g_ptr_array_new_with_free_func (g_object_unref);
  fake->media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) json_object_unref);
  fake->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_bytes_unref);
  fake->next_id = 100;
  g_queue_init (&fake->faults);
  soup_server_add_handler (fake->server, "/wp-json", fake_handler, fake, NULL);
  soup_server_add_early_handler (fake->server, "/wp-json", fake_early_handler, fake, NULL);
  soup_server_add_handler (fake->server, "/wp-content", fake_serve_file, fake, NULL);
  fake_listen (fake);
  fake->url = g_strdup_printf ("http://127.0.0.1:%u", fake->port);
  if (!listening)
    soup_server_disconnect (fake->server);
  return fake;
}

void
fake_free (FakeWp *fake)
{
  for (guint i = 0; i < fake->held->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fake->held, i));
  g_ptr_array_unref (fake->held);
  soup_server_disconnect (fake->server);
  g_object_unref (fake->server);
  g_hash_table_unref (fake->posts);
  g_hash_table_unref (fake->media);
  g_hash_table_unref (fake->files);
  g_hash_table_unref (fake->counts);
  g_queue_clear_full (&fake->faults, (GDestroyNotify) fault_free);
  g_free (fake->url);
  g_free (fake);
}

void
fake_count_request (FakeWp     *fake,
                    const char *key)
{
  g_hash_table_insert (fake->counts, g_strdup (key),
                       GUINT_TO_POINTER (fake_count (fake, key) + 1));
}

guint
fake_count (FakeWp     *fake,
            const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fake->counts, key));
}

JsonObject *
fake_only_post (FakeWp *fake)
{
  GHashTableIter iter;
  gpointer       value;

  g_assert_cmpuint (g_hash_table_size (fake->posts), ==, 1);
  g_hash_table_iter_init (&iter, fake->posts);
  g_assert_true (g_hash_table_iter_next (&iter, NULL, &value));
  return value;
}
