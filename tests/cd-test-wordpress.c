/* cd-test-wordpress.c: a throwaway WordPress on loopback for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-test-wordpress"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "cd-test-wordpress.h"

/**
 * cd_test_wordpress_disabled:
 *
 * Developers may set COPYDESK_TEST_NO_WORDPRESS=1 for quick loops; tests
 * then skip (saying so) instead of starting WordPress. CI never sets it.
 *
 * Returns: %TRUE when tests must not start WordPress
 */
gboolean
cd_test_wordpress_disabled (void)
{
  return g_strcmp0 (g_getenv ("COPYDESK_TEST_NO_WORDPRESS"), "1") == 0;
}

/* A port nobody listens on right now: bind to port 0, read, let go. */
static guint16
pick_free_port (GError **error)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = NULL;
  g_autoptr (GSocketAddress) any = NULL;
  g_autoptr (GSocketAddress) bound = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return 0;
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  any = g_inet_socket_address_new (loopback, 0);
  if (!g_socket_bind (socket, any, FALSE, error))
    return 0;
  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static char *
script_path (void)
{
  const char *env = g_getenv ("COPYDESK_WORDPRESS_TEST_SERVER");

  if (env != NULL)
    return g_strdup (env);
  return g_test_build_filename (G_TEST_DIST, "..", "build-aux", "wordpress-test-server", NULL);
}

static void
cd_test_wordpress_free (CdTestWordpress *wp)
{
  g_free (wp->dir);
  g_free (wp->url);
  g_free (wp->user);
  g_free (wp->password);
  g_free (wp->other_user);
  g_free (wp->other_password);
  g_free (wp);
}

static gboolean
run_script (const char *command,
            const char *dir,
            const char *port,
            char      **out,
            GError    **error)
{
  g_autofree char *script = script_path ();
  g_autofree char *err = NULL;
  const char      *argv[] = { script, command, dir, port, NULL };
  int              status = 0;

  g_auto (GStrv) envp = g_get_environ ();
  g_autofree char *owner = g_strdup_printf ("%d", (int) getpid ());

  /* Should this test crash, the script's watchdog stops WordPress. */
  envp = g_environ_setenv (envp, "WORDPRESS_TEST_SERVER_OWNER", owner, TRUE);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     out, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "%s %s failed: %s", script, command, err != NULL ? g_strchomp (err) : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_test_remove_tree:
 * @path: a directory
 *
 * Removes @path and everything below it; links are removed, not followed.
 */
void
cd_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cd_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * cd_test_wordpress_start:
 * @error: return location for a #GError
 *
 * Starts WordPress with its own database in a new temporary directory on a
 * free loopback port, and waits until it accepts the application password.
 *
 * Returns: (transfer full) (nullable): the instance, to be given to
 *   cd_test_wordpress_stop(); %NULL when it could not start
 */
CdTestWordpress *
cd_test_wordpress_start (GError **error)
{
  g_autoptr (GError) last_error = NULL;

  /* A port picked free may be taken before WordPress binds it; try again. */
  for (int attempt = 0; attempt < 3; attempt++)
    {
      CdTestWordpress *wp;
      g_autofree char *dir = NULL;
      g_autofree char *out = NULL;
      g_autofree char *port = NULL;
      g_auto (GStrv) lines = NULL;
      guint16 port_number;

      g_clear_error (&last_error);
      dir = g_dir_make_tmp ("copydesk-wordpress-XXXXXX", error);
      if (dir == NULL)
        return NULL;
      port_number = pick_free_port (error);
      if (port_number == 0)
        return NULL;
      port = g_strdup_printf ("%u", port_number);

      if (!run_script ("start", dir, port, &out, &last_error))
        {
          g_test_message ("WordPress did not start: %s", last_error->message);
          run_script ("stop", dir, NULL, NULL, NULL);
          cd_test_remove_tree (dir);
          continue;
        }

      wp = g_new0 (CdTestWordpress, 1);
      wp->dir = g_steal_pointer (&dir);
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char  *eq = strchr (lines[i], '=');
          char **slot = NULL;

          if (eq == NULL)
            continue;
          *eq = '\0';
          if (g_str_equal (lines[i], "WP_URL"))
            slot = &wp->url;
          else if (g_str_equal (lines[i], "WP_USER"))
            slot = &wp->user;
          else if (g_str_equal (lines[i], "WP_PASSWORD"))
            slot = &wp->password;
          else if (g_str_equal (lines[i], "WP_OTHER_USER"))
            slot = &wp->other_user;
          else if (g_str_equal (lines[i], "WP_OTHER_PASSWORD"))
            slot = &wp->other_password;
          if (slot != NULL)
            {
              g_free (*slot);
              *slot = g_strdup (eq + 1);
            }
        }
      if (wp->url == NULL || wp->user == NULL || wp->password == NULL)
        {
          g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                       "wordpress-test-server printed no address or credentials");
          cd_test_wordpress_stop (wp);
          return NULL;
        }
      return wp;
    }

  g_propagate_error (error, g_steal_pointer (&last_error));
  return NULL;
}

/**
 * cd_test_wordpress_stop:
 * @wp: (transfer full) (nullable): an instance from cd_test_wordpress_start()
 *
 * Stops the web server and the database, removes their files and frees @wp.
 */
void
cd_test_wordpress_stop (CdTestWordpress *wp)
{
  g_autoptr (GError) error = NULL;

  if (wp == NULL)
    return;

  if (!run_script ("stop", wp->dir, NULL, NULL, &error))
    g_test_message ("Stopping WordPress: %s", error->message);
  cd_test_remove_tree (wp->dir);
  cd_test_wordpress_free (wp);
}

/**
 * cd_test_store_result:
 * @source: the source object
 * @result: the result
 * @user_data: (out): a `GAsyncResult **` that was %NULL
 *
 * A #GAsyncReadyCallback that keeps the result for cd_test_await().
 */
void
cd_test_store_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/**
 * cd_test_await:
 * @slot: where cd_test_store_result() puts the result
 *
 * Spins the default main context until the result is there.
 *
 * Returns: (transfer none): the result, owned by @slot
 */
GAsyncResult *
cd_test_await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/**
 * cd_test_wordpress_client:
 * @wp: a running instance
 * @password: the application password of @wp's administrator
 *
 * A client for @wp with timeouts and retries that suit a loaded machine.
 *
 * Returns: (transfer full): the client
 */
CdWordpress *
cd_test_wordpress_client (CdTestWordpress *wp,
                          const char      *password)
{
  CdWordpress *client = cd_wordpress_new (wp->url, wp->user, password);

  cd_wordpress_set_timeouts (client, 20, 5);
  cd_wordpress_set_retry_policy (client, 3, 20, 200, 5);
  return client;
}

/**
 * cd_test_wordpress_rest:
 * @wp: a running instance
 * @method: the HTTP method
 * @path: the path after /wp-json, with its query
 * @user: who signs in
 * @password: @user's application password
 * @json: (nullable): the request body
 * @status: (out) (optional): the HTTP status; when %NULL, the request must
 *   succeed
 *
 * Plain REST, the way another person or program uses WordPress. A reply
 * that is not JSON ends the test.
 *
 * Returns: (transfer full): the reply
 */
JsonNode *
cd_test_wordpress_rest (CdTestWordpress *wp,
                        const char      *method,
                        const char      *path,
                        const char      *user,
                        const char      *password,
                        const char      *json,
                        guint           *status)
{
  g_autoptr (SoupSession) session = soup_session_new_with_options ("timeout", 20, NULL);
  g_autofree char *url = g_strconcat (wp->url, "/wp-json", path, NULL);
  g_autoptr (SoupMessage) message = soup_message_new (method, url);
  g_autofree char *pair = g_strconcat (user, ":", password, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *authorization = g_strconcat ("Basic ", encoded, NULL);
  g_autoptr (GBytes) reply = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  gsize       length;
  const char *data;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                authorization);
  if (json != NULL)
    {
      g_autoptr (GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (message, "application/json", body);
    }
  reply = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = soup_message_get_status (message);
  else
    g_assert_true (SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)));
  data = g_bytes_get_data (reply, &length);
  if (!json_parser_load_from_data (parser, data, length, &error))
    g_error ("%s %s answered %u with %" G_GSIZE_FORMAT " bytes that are not JSON (%s): %.*s",
             method, url, soup_message_get_status (message), length, error->message,
             (int) MIN (length, 300), length > 0 ? data : "");
  return json_node_copy (json_parser_get_root (parser));
}

/* A blocking function and its data, run by cd_test_run_in_thread(). */
typedef struct
{
  CdTestBlockingFunc func;
  gpointer           data;
} Blocking;

static void
blocking_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Blocking *blocking = task_data;
  GError   *error = NULL;
  gpointer  result;

  result = blocking->func (blocking->data, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, NULL);
}

/**
 * cd_test_run_in_thread:
 * @func: a blocking call
 * @data: its data, which must live until the call is finished
 * @cancellable: (nullable): passed to @func
 * @callback: called when @func has returned
 * @user_data: data for @callback
 *
 * Runs @func on a thread, so that the default main context can go on (an
 * in-process SoupServer answers there) while the blocking CdCms call waits
 * for it.
 */
void
cd_test_run_in_thread (CdTestBlockingFunc  func,
                       gpointer            data,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Blocking *blocking = g_new0 (Blocking, 1);

  blocking->func = func;
  blocking->data = data;
  g_task_set_task_data (task, blocking, g_free);
  g_task_run_in_thread (task, blocking_thread);
}

/**
 * cd_test_run_in_thread_finish:
 *
 * Returns: (transfer full) (nullable): what the call returned
 */
gpointer
cd_test_run_in_thread_finish (GAsyncResult *result,
                              GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* cd_test_run_in_thread() run to its end. */
static gpointer
run_to_end (CdTestBlockingFunc func,
            gpointer           data,
            GError           **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  cd_test_run_in_thread (func, data, NULL, cd_test_store_result, &result);
  return cd_test_run_in_thread_finish (cd_test_await (&result), error);
}

/* The arguments of one CdCms call made by the helpers below. */
typedef struct
{
  CdCms      *cms;
  const char *id; /* the remote id or the uuid */
  CdArticle  *article;
  GDateTime  *since;
} CmsCall;

static gpointer
verify_thread (gpointer      data,
               GCancellable *cancellable,
               GError      **error)
{
  CmsCall *call = data;

  return cd_cms_verify (call->cms, cancellable, error);
}

static gpointer
create_thread (gpointer      data,
               GCancellable *cancellable,
               GError      **error)
{
  CmsCall *call = data;

  return cd_cms_create (call->cms, call->article, NULL, cancellable, error);
}

static gpointer
get_thread (gpointer      data,
            GCancellable *cancellable,
            GError      **error)
{
  CmsCall *call = data;

  return cd_cms_get (call->cms, call->id, cancellable, error);
}

static gpointer
find_by_uuid_thread (gpointer      data,
                     GCancellable *cancellable,
                     GError      **error)
{
  CmsCall *call = data;

  return cd_cms_find_by_uuid (call->cms, call->id, cancellable, error);
}

static gpointer
list_changed_thread (gpointer      data,
                     GCancellable *cancellable,
                     GError      **error)
{
  CmsCall *call = data;

  return cd_cms_list_changed (call->cms, call->since, cancellable, error);
}

static gpointer
update_thread (gpointer      data,
               GCancellable *cancellable,
               GError      **error)
{
  CmsCall *call = data;

  return cd_cms_update_from (call->cms, call->id, call->article, NULL, NULL, cancellable,
                             error);
}

/**
 * cd_test_wordpress_verify:
 *
 * cd_cms_verify() on a thread, run to its end.
 *
 * Returns: (transfer full) (nullable): the user's display name
 */
char *
cd_test_wordpress_verify (CdWordpress *client,
                          GError     **error)
{
  CmsCall call = { .cms = CD_CMS (client) };

  return run_to_end (verify_thread, &call, error);
}

/**
 * cd_test_wordpress_create:
 *
 * cd_cms_create() on a thread, run to its end.
 *
 * Returns: (transfer full) (nullable): the new post
 */
CdRemotePost *
cd_test_wordpress_create (CdWordpress *client,
                          CdArticle   *article,
                          GError     **error)
{
  CmsCall call = { .cms = CD_CMS (client), .article = article };

  return run_to_end (create_thread, &call, error);
}

/**
 * cd_test_wordpress_get:
 *
 * cd_cms_get() on a thread, run to its end.
 *
 * Returns: (transfer full) (nullable): the post
 */
CdRemotePost *
cd_test_wordpress_get (CdWordpress *client,
                       const char  *remote_id,
                       GError     **error)
{
  CmsCall call = { .cms = CD_CMS (client), .id = remote_id };

  return run_to_end (get_thread, &call, error);
}

/**
 * cd_test_wordpress_find_by_uuid:
 *
 * cd_cms_find_by_uuid() on a thread, run to its end.
 *
 * Returns: (transfer full) (nullable): the post carrying @uuid, or %NULL
 *   (with @error unset) when there is none
 */
CdRemotePost *
cd_test_wordpress_find_by_uuid (CdWordpress *client,
                                const char  *uuid,
                                GError     **error)
{
  CmsCall call = { .cms = CD_CMS (client), .id = uuid };

  return run_to_end (find_by_uuid_thread, &call, error);
}

/**
 * cd_test_wordpress_list_changed:
 *
 * cd_cms_list_changed() on a thread, run to its end.
 *
 * Returns: (transfer full) (nullable): the posts
 */
GPtrArray *
cd_test_wordpress_list_changed (CdWordpress *client,
                                GDateTime   *since,
                                GError     **error)
{
  CmsCall call = { .cms = CD_CMS (client), .since = since };

  return run_to_end (list_changed_thread, &call, error);
}

/**
 * cd_test_wordpress_update:
 *
 * cd_cms_update_from() with no current post (every field sent) on a
 * thread, run to its end.
 *
 * Returns: (transfer full) (nullable): the post as updated
 */
CdRemotePost *
cd_test_wordpress_update (CdWordpress *client,
                          const char  *remote_id,
                          CdArticle   *article,
                          GError     **error)
{
  CmsCall call = { .cms = CD_CMS (client), .id = remote_id, .article = article };

  return run_to_end (update_thread, &call, error);
}
