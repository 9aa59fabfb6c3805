/* cd-preview-scheme.c: what the preview page may load.
 *
 * The template page, its style sheet and the article's featured image are
 * served by a private copydesk-preview: URI scheme, registered once on a
 * web context that every preview shares. The page's Content-Security-Policy
 * (filled in when the template is served) refuses remote images unless the
 * template's URI allows them; that policy is fixed for the life of a page,
 * so allowing remote images loads the template again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-preview"

#include "config.h"

#include "cd-preview-private.h"

/* The URI scheme. */

/* Answers @request with @length bytes (-1 when not known) of @stream. */
static void
finish_with_stream (WebKitURISchemeRequest *request,
                    GInputStream           *stream,
                    gint64                  length,
                    const char             *content_type)
{
  g_autoptr (WebKitURISchemeResponse) response = NULL;

  g_assert (WEBKIT_IS_URI_SCHEME_REQUEST (request));
  g_assert (G_IS_INPUT_STREAM (stream));
  g_assert (content_type != NULL);

  response = webkit_uri_scheme_response_new (stream, length);
  webkit_uri_scheme_response_set_content_type (response, content_type);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

void
_cd_preview_finish_with_bytes (WebKitURISchemeRequest *request,
                               GBytes                 *bytes,
                               const char             *content_type)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  finish_with_stream (request, stream, g_bytes_get_size (bytes), content_type);
}

static void
finish_not_found (WebKitURISchemeRequest *request)
{
  g_autoptr (GError) error = NULL;

  g_assert (WEBKIT_IS_URI_SCHEME_REQUEST (request));

  error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "The preview has no resource %s",
                       webkit_uri_scheme_request_get_path (request));
  webkit_uri_scheme_request_finish_error (request, error);
}

static gboolean
uri_allows_remote_images (const char *uri)
{
  g_autoptr (GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autoptr (GHashTable) params = NULL;
  const char *query;

  g_assert (uri != NULL);

  if (parsed == NULL || (query = g_uri_get_query (parsed)) == NULL)
    return FALSE;
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  return params != NULL && g_strcmp0 (g_hash_table_lookup (params, "remote-images"), "1") == 0;
}

static void
serve_template (WebKitURISchemeRequest *request)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GString) html = NULL;
  const char *remote;

  g_assert (WEBKIT_IS_URI_SCHEME_REQUEST (request));

  bytes = g_resources_lookup_data (CD_PREVIEW_RESOURCE_DIR "preview.html",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);

  /* The policy is fixed for the life of the page, so allowing remote images
   * loads the template again with a different policy. */
  remote = uri_allows_remote_images (webkit_uri_scheme_request_get_uri (request))
               ? " http: https:"
               : "";
  html = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_string_replace (html, "@REMOTE_IMAGES@", remote, 1);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_string_free_to_bytes (g_steal_pointer (&html));
  _cd_preview_finish_with_bytes (request, bytes, "text/html; charset=utf-8");
}

static void
featured_image_read_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (WebKitURISchemeRequest) request = user_data;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *content_type = NULL;

  g_assert (G_IS_OBJECT (object));
  g_assert (G_IS_ASYNC_RESULT (result));

  stream = g_file_read_finish (G_FILE (object), result, &error);
  if (stream == NULL)
    {
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  content_type = g_content_type_guess (g_file_peek_path (G_FILE (object)), NULL, 0, NULL);
  finish_with_stream (request, G_INPUT_STREAM (stream), -1, content_type);
}

/* The featured image is a local file the page may not read itself; only the
 * article's own image is served, and only if it is an image. */
static void
serve_featured_image (WebKitURISchemeRequest *request)
{
  WebKitWebView   *web_view = webkit_uri_scheme_request_get_web_view (request);
  CdPreview       *preview = g_object_get_data (G_OBJECT (web_view), "cd-preview");
  g_autofree char *content_type = NULL;
  g_autoptr (GFile) file = NULL;
  const char *path;

  g_assert (WEBKIT_IS_URI_SCHEME_REQUEST (request));

  if (preview == NULL || preview->article == NULL)
    {
      finish_not_found (request);
      return;
    }

  path = cd_article_get_image (preview->article);
  if (path == NULL || *path == '\0' || !g_path_is_absolute (path))
    {
      finish_not_found (request);
      return;
    }

  content_type = g_content_type_guess (path, NULL, 0, NULL);
  if (!g_str_has_prefix (content_type, "image/"))
    {
      finish_not_found (request);
      return;
    }

  file = g_file_new_for_path (path);
  g_file_read_async (file, G_PRIORITY_DEFAULT, NULL, featured_image_read_cb,
                     g_object_ref (request));
}

static void
handle_scheme_request (WebKitURISchemeRequest *request,
                       gpointer                user_data)
{
  const char *path = webkit_uri_scheme_request_get_path (request);

  g_assert (WEBKIT_IS_URI_SCHEME_REQUEST (request));

  if (g_strcmp0 (path, "/preview.html") == 0)
    {
      serve_template (request);
    }
  else if (g_strcmp0 (path, "/preview.css") == 0)
    {
      g_autoptr (GBytes) bytes = NULL;

      bytes = g_resources_lookup_data (CD_PREVIEW_RESOURCE_DIR "preview.css",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      _cd_preview_finish_with_bytes (request, bytes, "text/css; charset=utf-8");
    }
  else if (g_strcmp0 (path, CD_PREVIEW_FEATURED_IMAGE_PATH) == 0)
    {
      serve_featured_image (request);
    }
  else
    {
      finish_not_found (request);
    }
}

/* All previews share one web context (one web process pool, the scheme
 * registered once) and one ephemeral network session: nothing the preview
 * loads is kept on disk. */
WebKitWebContext *
_cd_preview_get_web_context (void)
{
  static WebKitWebContext *context;

  if (context == NULL)
    {
      context = webkit_web_context_new ();
      webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
      webkit_web_context_register_uri_scheme (context, CD_PREVIEW_SCHEME,
                                              handle_scheme_request, NULL, NULL);
      _cd_preview_images_register (context);
    }

  return context;
}

WebKitNetworkSession *
_cd_preview_get_network_session (void)
{
  static WebKitNetworkSession *session;

  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();

  return session;
}

/**
 * _cd_preview_template_uri:
 * @allow_remote_images: whether the page may load images from the network
 *
 * Returns: (transfer full): the URI of the template page with that policy
 */
char *
_cd_preview_template_uri (gboolean allow_remote_images)
{
  return g_strdup_printf (CD_PREVIEW_ORIGIN "/preview.html?remote-images=%d",
                          allow_remote_images ? 1 : 0);
}
