/* test-cms-bounds.c: a hostile server against the WordPress client, the
 * sync engine and `copydesk sync`: every bound holds.
 *
 * An in-process SoupServer on 127.0.0.1 answers as the red-team probes of
 * issue 16 did: 100,000 nested arrays, a body trickled a byte at a time,
 * X-WP-TotalPages: 1000000, a post with a million tag ids, and a host name
 * that is not loopback (mapped to 127.0.0.1 by a resolver of the test's)
 * reached over plain http.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "cd-secrets.h"
#include "cd-store.h"
#include "cd-sync.h"
#include "cd-test-keyring.h"
#include "cd-test-sync.h"
#include "cd-test-wordpress.h"
#include "cd-wordpress.h"

#define ACCOUNT "desk"
#define PASSWORD "abcd efgh ijkl mnop"
/* Not loopback by its name; the test's resolver maps it to 127.0.0.1. */
#define FAR_HOST "news.example.test"

typedef enum
{
  MODE_DEEP,        /* every reply but users/me: 100,000 nested arrays */
  MODE_TRICKLE,     /* posts: a body of a byte every TRICKLE_MS */
  MODE_PAGES_FULL,  /* full pages of one post, a million pages claimed */
  MODE_PAGES_SHORT, /* pages of one post of 100 asked, a million pages claimed */
  MODE_TAGS,        /* one post using tags 1 to n_tags */
} Mode;

static gboolean keyring;

#define TRICKLE_MS 300
#define TRICKLE_BYTES 40

typedef struct
{
  SoupServer *server;
  guint16     port;
  char       *url;
  Mode        mode;
  guint       n_tags;
  GPtrArray  *seen; /* "METHOD /path?query" */
  guint       with_authorization;
  guint       post_lists;
} Server;

typedef struct
{
  SoupServerMessage *message;
  guint              left;
  gboolean           finished; /* sent, or the client hung up */
} Trickle;

static char *
nested (guint depth)
{
  GString *s = g_string_sized_new (depth * 2);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static char *
post_json (guint id,
           guint n_tags)
{
  g_autoptr (GString) tags = g_string_new (NULL);

  for (guint i = 1; i <= n_tags; i++)
    g_string_append_printf (tags, "%s%u", i > 1 ? "," : "", i);
  return g_strdup_printf ("{\"id\":%u,\"status\":\"draft\",\"title\":{\"raw\":\"Post %u\"},"
                          "\"modified_gmt\":\"2026-01-02T03:04:05\","
                          "\"content\":{\"raw\":\"<p>Body %u</p>\"},\"categories\":[],"
                          "\"tags\":[%s]}",
                          id, id, id, tags->str);
}

static void
on_trickle_finished (SoupServerMessage *message,
                     Trickle           *trickle)
{
  trickle->finished = TRUE;
}

static gboolean
on_trickle (gpointer data)
{
  Trickle         *trickle = data;
  SoupMessageBody *body = soup_server_message_get_response_body (trickle->message);

  if (!trickle->finished)
    {
      /* Spaces first: the JSON is whole only with its last byte. */
      if (--trickle->left > 1)
        soup_message_body_append (body, SOUP_MEMORY_STATIC, " ", 1);
      else
        {
          soup_message_body_append (body, SOUP_MEMORY_STATIC, "[]", 2);
          soup_message_body_complete (body);
        }
      soup_server_message_unpause (trickle->message);
      if (trickle->left > 1)
        return G_SOURCE_CONTINUE;
    }
  g_signal_handlers_disconnect_by_func (trickle->message, on_trickle_finished, trickle);
  g_object_unref (trickle->message);
  g_free (trickle);
  return G_SOURCE_REMOVE;
}

static void
reply_json (SoupServerMessage *message,
            const char        *body,
            const char        *total,
            const char        *total_pages)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  if (total != NULL)
    soup_message_headers_replace (headers, "X-WP-Total", total);
  if (total_pages != NULL)
    soup_message_headers_replace (headers, "X-WP-TotalPages", total_pages);
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

static void
handle (SoupServer        *soup,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Server          *server = user_data;
  const char      *method = soup_server_message_get_method (message);
  const char      *page = query != NULL ? g_hash_table_lookup (query, "page") : NULL;
  const char      *raw_query = g_uri_get_query (soup_server_message_get_uri (message));
  gboolean         posts = g_str_has_suffix (path, "/wp/v2/posts");
  g_autofree char *body = NULL;

  g_ptr_array_add (server->seen, g_strdup_printf ("%s %s?%s", method, path,
                                                  raw_query != NULL ? raw_query : ""));
  if (soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                    "Authorization") != NULL)
    server->with_authorization++;
  if (posts && g_str_equal (method, "GET"))
    server->post_lists++;

  if (g_str_has_suffix (path, "/wp/v2/users/me"))
    reply_json (message, "{\"id\":1,\"name\":\"Tester\"}", NULL, NULL);
  else if (server->mode == MODE_DEEP)
    {
      body = nested (100000);
      reply_json (message, body, NULL, NULL);
    }
  else if (server->mode == MODE_TRICKLE)
    {
      Trickle *trickle = g_new0 (Trickle, 1);

      trickle->message = g_object_ref (message);
      trickle->left = TRICKLE_BYTES;
      g_signal_connect (message, "finished", G_CALLBACK (on_trickle_finished), trickle);
      g_signal_connect (message, "disconnected", G_CALLBACK (on_trickle_finished), trickle);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (message),
                                         SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (message),
                                             "application/json", NULL);
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_pause (message);
      g_timeout_add (TRICKLE_MS, on_trickle, trickle);
    }
  else if (server->mode == MODE_PAGES_FULL && posts)
    {
      g_autofree char *post = post_json ((guint) g_ascii_strtoull (page ? page : "1", NULL, 10), 0);

      /* The old client read all million: end it a little past the bound. */
      body = server->post_lists > 1100 ? g_strdup ("[]") : g_strdup_printf ("[%s]", post);
      reply_json (message, body, "1000000", "1000000");
    }
  else if (server->mode == MODE_PAGES_SHORT && posts)
    {
      g_autofree char *post = post_json ((guint) g_ascii_strtoull (page ? page : "1", NULL, 10), 0);

      /* The old client read on while pages had posts: end it after 50. */
      body = server->post_lists > 50 ? g_strdup ("[]") : g_strdup_printf ("[%s]", post);
      reply_json (message, body, NULL, "1000000");
    }
  else if (server->mode == MODE_TAGS && posts)
    {
      g_autofree char *post = post_json (1, server->n_tags);

      body = g_strdup_printf ("[%s]", post);
      reply_json (message, body, "1", "1");
    }
  else
    reply_json (message, "[]", "0", "0");
}

static void
server_start (Server *server,
              Mode    mode)
{
  g_autoptr (GError) error = NULL;
  GSList *uris;

  server->mode = mode;
  server->seen = g_ptr_array_new_with_free_func (g_free);
  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, handle, server, NULL);
  g_assert_true (soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  server->port = (guint16) g_uri_get_port (uris->data);
  server->url = g_strdup_printf ("http://127.0.0.1:%u", server->port);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
server_stop (Server *server)
{
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_clear_pointer (&server->seen, g_ptr_array_unref);
  g_clear_pointer (&server->url, g_free);
}

static CdWordpress *
new_client (const char *url)
{
  CdWordpress *client = cd_wordpress_new (url, "tester", PASSWORD);

  cd_wordpress_set_timeouts (client, 5, 5);
  cd_wordpress_set_retry_policy (client, 3, 1, 5, 2);
  cd_wordpress_set_network_monitor (client, NULL);
  return client;
}

/* ------------------------------------------------------------------------
 * Deep JSON: the client, the engine, the command line
 * ------------------------------------------------------------------------ */

static void
assert_deep_message (const char *message,
                     const char *url)
{
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "nests more than 512 arrays or objects"));
  g_assert_nonnull (strstr (message, url));
  g_assert_nonnull (strstr (message, "/wp-json/wp/v2/posts"));
}

static void
test_deep_client (void)
{
  Server server = { 0 };
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GError) error = NULL;

  server_start (&server, MODE_DEEP);
  client = new_client (server.url);
  posts = cd_test_wordpress_list_changed (client, NULL, &error);
  g_assert_null (posts);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY);
  g_assert_true (g_str_has_prefix (error->message, "The reply to GET "));
  assert_deep_message (error->message, server.url);
  server_stop (&server);
}

/* The message of the first item in @items that says @text, or NULL. */
static const char *
items_mention (GPtrArray  *items,
               const char *text)
{
  for (guint i = 0; i < items->len; i++)
    {
      CdSyncItem *item = g_ptr_array_index (items, i);

      if (strstr (item->message, text) != NULL)
        return item->message;
    }
  return NULL;
}

/* One sync of a fresh store holding one new article against the account's
 * @site; the article comes out of it unchanged, whatever the server did. */
static CdSyncResult *
sync_once (const char *site)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-bounds-XXXXXX", &error);
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdSyncEngine) engine = NULL;
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdArticle) article = NULL;
  CdSyncResult *result;

  g_assert_no_error (error);
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  cd_test_add_account (store, ACCOUNT, site, "tester");
  article = cd_test_save_new_article (store, "Council votes on budget", "The council met.");
  engine = cd_sync_engine_new (store);
  client = new_client (site);
  cd_sync_engine_set_cms (engine, ACCOUNT, CD_CMS (client));

  result = cd_test_sync_now (engine, NULL);
  cd_test_assert_article_unchanged (store, article);
  g_clear_object (&engine);
  g_clear_object (&store);
  cd_test_remove_dir (dir);
  return result;
}

static void
test_deep_engine (void)
{
  Server server = { 0 };
  g_autoptr (CdSyncResult) result = NULL;
  const char *message;

  server_start (&server, MODE_DEEP);
  result = sync_once (server.url);
  g_assert_false (cd_sync_result_is_clean (result));
  message = items_mention (cd_sync_result_get_errors (result), "nests more than 512");
  if (message == NULL)
    message = items_mention (cd_sync_result_get_queued (result), "nests more than 512");
  assert_deep_message (message, server.url);
  server_stop (&server);
}

static void
on_cli_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* `copydesk sync` in another process, while this one's main context
 * serves the server. */
static int
run_cli_sync (const char *dir,
              char      **out,
              char      **err)
{
  const char *argv[] = { g_getenv ("COPYDESK_BIN"), "--data-dir", dir, "sync", "--json", NULL };
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_cli_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_communicate_utf8_finish (process, result, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_deep_cli (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdArticle) article = NULL;

  if (g_getenv ("COPYDESK_BIN") == NULL)
    {
      g_test_skip ("COPYDESK_BIN is not set; run through meson test");
      return;
    }
  if (!keyring)
    {
      g_test_fail_printf ("The command line reads the password from a keyring, and the test "
                          "keyring did not start.");
      return;
    }
  dir = g_dir_make_tmp ("copydesk-bounds-XXXXXX", &error);
  g_assert_no_error (error);
  server_start (&server, MODE_DEEP);
  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  cd_test_add_account (store, ACCOUNT, server.url, "tester");
  g_assert_true (cd_secrets_store (ACCOUNT, server.url, "tester", PASSWORD, NULL, &error));
  g_assert_no_error (error);
  article = cd_test_save_new_article (store, "Council votes on budget", "The council met.");
  g_clear_object (&store);

  /* A crash would be a signal, not exit status 1. */
  g_assert_cmpint (run_cli_sync (dir, &out, &err), ==, 1);
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (out, "nests more than 512 arrays or objects"));
  g_assert_nonnull (strstr (out, server.url));

  store = cd_store_open (dir, &error);
  g_assert_no_error (error);
  cd_test_assert_article_unchanged (store, article);
  g_clear_object (&store);
  g_assert_true (cd_secrets_clear (ACCOUNT, server.url, "tester", NULL, &error));
  cd_test_remove_dir (dir);
  server_stop (&server);
}

/* ------------------------------------------------------------------------
 * Plain http to a host that is not this machine
 * ------------------------------------------------------------------------ */

#define TEST_TYPE_RESOLVER (test_resolver_get_type ())
G_DECLARE_FINAL_TYPE (TestResolver, test_resolver, TEST, RESOLVER, GResolver)

struct _TestResolver
{
  GResolver parent_instance;
};

G_DEFINE_FINAL_TYPE (TestResolver, test_resolver, G_TYPE_RESOLVER)

static GList *
resolve (const char *hostname,
         GError    **error)
{
  if (g_ascii_strcasecmp (hostname, FAR_HOST) != 0)
    {
      g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "No test address for %s",
                   hostname);
      return NULL;
    }
  return g_list_prepend (NULL, g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4));
}

static GList *
test_resolver_lookup_by_name (GResolver    *resolver,
                              const char   *hostname,
                              GCancellable *cancellable,
                              GError      **error)
{
  return resolve (hostname, error);
}

static GList *
test_resolver_lookup_by_name_with_flags (GResolver               *resolver,
                                         const char              *hostname,
                                         GResolverNameLookupFlags flags,
                                         GCancellable            *cancellable,
                                         GError                 **error)
{
  return resolve (hostname, error);
}

static void
test_resolver_lookup_by_name_with_flags_async (GResolver               *resolver,
                                               const char              *hostname,
                                               GResolverNameLookupFlags flags,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  g_autoptr (GTask) task = g_task_new (resolver, cancellable, callback, user_data);
  GError *error = NULL;
  GList  *addresses = resolve (hostname, &error);

  if (addresses == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, addresses, (GDestroyNotify) g_resolver_free_addresses);
}

static void
test_resolver_lookup_by_name_async (GResolver          *resolver,
                                    const char         *hostname,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  test_resolver_lookup_by_name_with_flags_async (resolver, hostname, 0, cancellable, callback,
                                                 user_data);
}

static GList *
test_resolver_lookup_finish (GResolver    *resolver,
                             GAsyncResult *result,
                             GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_resolver_class_init (TestResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = test_resolver_lookup_by_name;
  resolver_class->lookup_by_name_async = test_resolver_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = test_resolver_lookup_finish;
  resolver_class->lookup_by_name_with_flags = test_resolver_lookup_by_name_with_flags;
  resolver_class->lookup_by_name_with_flags_async = test_resolver_lookup_by_name_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = test_resolver_lookup_finish;
}

static void
test_resolver_init (TestResolver *self)
{
}

typedef struct
{
  CdHttpClient *client;
  char         *url;
  JsonNode     *result;
  GError       *error;
  int           done;
} Call;

static gpointer
call_thread (gpointer data)
{
  Call *call = data;

  call->result = cd_http_client_request (call->client, "GET", call->url, NULL, CD_HTTP_READ,
                                         NULL, NULL, &call->error);
  g_atomic_int_set (&call->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* One blocking request in a thread while this thread serves the server. */
static JsonNode *
request (CdHttpClient *client,
         const char   *url,
         GError      **error)
{
  Call call = { client, (char *) url, NULL, NULL, 0 };

  g_thread_unref (g_thread_new ("request", call_thread, &call));
  while (!g_atomic_int_get (&call.done))
    g_main_context_iteration (NULL, TRUE);
  if (call.error != NULL)
    g_propagate_error (error, call.error);
  return call.result;
}

static void
test_insecure_client (void)
{
  Server server = { 0 };
  g_autoptr (GResolver) previous = g_resolver_get_default ();
  g_autoptr (GResolver) resolver = g_object_new (TEST_TYPE_RESOLVER, NULL);
  g_autoptr (CdHttpClient) anonymous = NULL;
  g_autoptr (CdHttpClient) client = NULL;
  g_autoptr (CdWordpress) wordpress = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *site = NULL;
  g_autofree char *url = NULL;

  server_start (&server, MODE_PAGES_SHORT);
  g_resolver_set_default (resolver);
  site = g_strdup_printf ("http://" FAR_HOST ":%u", server.port);
  url = g_strconcat (site, "/wp-json/wp/v2/posts", NULL);

  /* The name does reach the server: a request without credentials goes. */
  anonymous = cd_http_client_new (site, "a test site");
  cd_http_client_set_network_monitor (anonymous, NULL);
  reply = request (anonymous, url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_assert_cmpuint (server.seen->len, ==, 1);

  /* With credentials, nothing leaves. */
  client = cd_http_client_new (site, "a test site");
  cd_http_client_set_network_monitor (client, NULL);
  cd_http_client_set_authorization (client, "Basic dGVzdGVyOnNlY3JldA==");
  g_assert_null (request (client, url, &error));
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, FAR_HOST));
  g_assert_nonnull (strstr (error->message, "https://"));
  g_clear_error (&error);

  /* Nor through WordPress's client, for its check or a listing. */
  wordpress = new_client (site);
  g_assert_null (cd_cms_verify (CD_CMS (wordpress), NULL, &error));
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "plain http"));
  g_clear_error (&error);
  posts = cd_test_wordpress_list_changed (wordpress, NULL, &error);
  g_assert_null (posts);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH);

  g_assert_cmpuint (server.seen->len, ==, 1);
  g_assert_cmpuint (server.with_authorization, ==, 0);
  g_resolver_set_default (previous);
  server_stop (&server);
}

/* A sync of an account kept from before over plain http to a host off
 * this machine stops with the reason, and sends nothing. */
static void
test_insecure_engine (void)
{
  Server server = { 0 };
  g_autoptr (GResolver) previous = g_resolver_get_default ();
  g_autoptr (GResolver) resolver = g_object_new (TEST_TYPE_RESOLVER, NULL);
  g_autoptr (CdSyncResult) result = NULL;
  g_autofree char *site = NULL;

  server_start (&server, MODE_PAGES_SHORT);
  g_resolver_set_default (resolver);
  site = g_strdup_printf ("http://" FAR_HOST ":%u", server.port);
  result = sync_once (site);
  g_assert_false (cd_sync_result_is_clean (result));
  g_assert_nonnull (items_mention (cd_sync_result_get_errors (result), "over plain http"));
  g_assert_cmpuint (server.seen->len, ==, 0);
  g_resolver_set_default (previous);
  server_stop (&server);
}

/* ------------------------------------------------------------------------
 * Time, pages, terms
 * ------------------------------------------------------------------------ */

/* A body a byte every 300 ms never trips a 5 s timeout on each read; the
 * 2 s deadline on the whole reply ends it, and it is not tried again. */
static void
test_trickle (void)
{
  Server server = { 0 };
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  server_start (&server, MODE_TRICKLE);
  client = new_client (server.url);
  cd_http_client_set_deadline (cd_wordpress_get_http_client (client), 2);
  start = g_get_monotonic_time ();
  posts = cd_test_wordpress_list_changed (client, NULL, &error);
  g_assert_null (posts);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "did not finish within 2 seconds"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, (gint64) TRICKLE_MS * TRICKLE_BYTES * 1000);
  g_assert_cmpuint (server.post_lists, ==, 1);
  server_stop (&server);
}

/* A create whose reply trickles past the deadline may have been saved:
 * its outcome is unknown, and it is not sent again. */
static void
test_trickle_write (void)
{
  Server server = { 0 };
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autoptr (CdRemotePost) created = NULL;
  g_autoptr (GError) error = NULL;
  guint posts = 0;

  server_start (&server, MODE_TRICKLE);
  client = new_client (server.url);
  cd_http_client_set_deadline (cd_wordpress_get_http_client (client), 2);
  cd_article_set_headline (article, "Storm closes the ferry");
  cd_article_set_body (article, "The ferry stopped.\n");
  created = cd_test_wordpress_create (client, article, &error);
  g_assert_null (created);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME);
  g_assert_nonnull (strstr (error->message, "longer than 2 seconds in all"));
  for (guint i = 0; i < server.seen->len; i++)
    posts += g_str_has_prefix (g_ptr_array_index (server.seen, i), "POST /wp-json/wp/v2/posts");
  g_assert_cmpuint (posts, ==, 1);
  server_stop (&server);
}

/* A page with fewer posts than asked for is the last, whatever the headers
 * claim. */
static void
test_pages_short (void)
{
  Server server = { 0 };
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GError) error = NULL;

  server_start (&server, MODE_PAGES_SHORT);
  client = new_client (server.url);
  posts = cd_test_wordpress_list_changed (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpuint (server.post_lists, ==, 1);
  server_stop (&server);
}

/* Full pages for ever: the listing stops at 1,000 pages and says so. */
static void
test_pages_full (void)
{
  Server server = { 0 };
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GError) error = NULL;

  server_start (&server, MODE_PAGES_FULL);
  client = new_client (server.url);
  cd_wordpress_set_per_page (client, 1);
  posts = cd_test_wordpress_list_changed (client, NULL, &error);
  g_assert_null (posts);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY);
  g_assert_nonnull (strstr (error->message, "after 1000 pages"));
  g_assert_cmpuint (server.post_lists, ==, 1000);
  server_stop (&server);
}

static guint
count_term_requests (Server *server,
                     gsize  *longest)
{
  guint n = 0;

  *longest = 0;
  for (guint i = 0; i < server->seen->len; i++)
    {
      const char *seen = g_ptr_array_index (server->seen, i);

      if (strstr (seen, "/wp/v2/tags?") != NULL)
        {
          n++;
          *longest = MAX (*longest, strlen (seen));
        }
    }
  return n;
}

/* 250 tags are asked for 100 at a time; a million are refused unasked. */
static void
test_tags (void)
{
  Server server = { 0 };
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdWordpress) second = NULL;
  g_autoptr (GPtrArray) posts = NULL;
  g_autoptr (GError) error = NULL;
  gsize longest;

  server_start (&server, MODE_TAGS);
  server.n_tags = 250;
  client = new_client (server.url);
  posts = cd_test_wordpress_list_changed (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_term_requests (&server, &longest), ==, 3);
  g_assert_cmpuint (longest, <, 1200);

  server.n_tags = 1000000;
  g_ptr_array_set_size (server.seen, 0);
  second = new_client (server.url);
  g_clear_pointer (&posts, g_ptr_array_unref);
  posts = cd_test_wordpress_list_changed (second, NULL, &error);
  g_assert_null (posts);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY);
  g_assert_nonnull (strstr (error->message, "more than 2000 tags"));
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_assert_cmpuint (count_term_requests (&server, &longest), ==, 0);
  server_stop (&server);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  keyring = cd_test_keyring_start (&error);
  if (!keyring)
    g_printerr ("No test keyring: %s\n", error->message);

  g_test_add_func ("/cms-bounds/deep-json/client", test_deep_client);
  g_test_add_func ("/cms-bounds/deep-json/engine", test_deep_engine);
  g_test_add_func ("/cms-bounds/deep-json/cli", test_deep_cli);
  g_test_add_func ("/cms-bounds/insecure/client", test_insecure_client);
  g_test_add_func ("/cms-bounds/insecure/engine", test_insecure_engine);
  g_test_add_func ("/cms-bounds/trickle", test_trickle);
  g_test_add_func ("/cms-bounds/trickle-write", test_trickle_write);
  g_test_add_func ("/cms-bounds/pages/short", test_pages_short);
  g_test_add_func ("/cms-bounds/pages/full", test_pages_full);
  g_test_add_func ("/cms-bounds/tags", test_tags);

  status = g_test_run ();
  if (keyring)
    cd_test_keyring_stop ();
  return status;
}
