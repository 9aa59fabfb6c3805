/* cd-wordpress.c: CdCms for the WordPress REST API: the object, its
 * requests (WordPress's own reading of errors on top of CdHttpClient's
 * policy) and the credentials check. Posts are in cd-wordpress-posts.c,
 * categories and tags in cd-wordpress-terms.c.
 *
 * The calls block; the sync engine runs them in its worker, and CdCms's
 * _async wrappers in a thread of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wordpress"

#include "config.h"

#include <string.h>

#include "cd-wordpress-private.h"

#define DEFAULT_PER_PAGE 100

static void cd_wordpress_cms_init (CdCmsInterface *iface);

/* clang-format off */
G_DEFINE_FINAL_TYPE_WITH_CODE (CdWordpress, cd_wordpress, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_CMS, cd_wordpress_cms_init))
/* clang-format on */

enum
{
  PROP_0,
  PROP_URL,
  PROP_USER,
  PROP_PASSWORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* JSON access that tolerates any reply: a member of the wrong type reads as
 * missing instead of tripping json-glib's argument checks. */
const char *
_cd_wordpress_member_string (JsonObject *object,
                             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
_cd_wordpress_node_int (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

gint64
_cd_wordpress_member_int (JsonObject *object,
                          const char *name)
{
  return object != NULL ? _cd_wordpress_node_int (json_object_get_member (object, name)) : 0;
}

JsonArray *
_cd_wordpress_member_array (JsonObject *object,
                            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
_cd_wordpress_member_object (JsonObject *object,
                             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* WordPress's error code ("rest_no_route") in an error reply. */
const char *
_cd_wordpress_error_code (JsonNode *body)
{
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  return _cd_wordpress_member_string (json_node_get_object (body), "code");
}

/* Whether a failed read of one item (a post, a media item) says there is
 * no such item: WordPress answers an unknown id with 404 (or 410 Gone),
 * while a 404 for a missing route is a misconfigured site. */
gboolean
_cd_wordpress_read_found_nothing (const GError *error,
                                  JsonNode     *error_body)
{
  return g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE) ||
         (g_error_matches (error, CD_CMS_ERROR, CD_CMS_ERROR_NOT_FOUND) &&
          g_strcmp0 (_cd_wordpress_error_code (error_body), "rest_no_route") != 0);
}

/* WordPress takes a wrong application password for a visitor who is not
 * signed in, and answers a listing of drafts with 400 "Invalid
 * parameter(s): status" whose details say 401 "rest_forbidden_status".
 * That is a credentials problem, not a bad request. */
static gboolean
is_anonymous_refusal (JsonNode *body)
{
  JsonObject *object = body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body)
                                                                     : NULL;
  JsonObject *details = _cd_wordpress_member_object (_cd_wordpress_member_object (object, "data"),
                                                     "details");
  g_autoptr (GList) members = NULL;

  if (g_strcmp0 (_cd_wordpress_member_string (object, "code"), "rest_invalid_param") != 0 ||
      details == NULL)
    return FALSE;
  members = json_object_get_members (details);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *detail = _cd_wordpress_member_object (details, l->data);
      gint64      detail_status = _cd_wordpress_member_int (_cd_wordpress_member_object (detail,
                                                                                         "data"),
                                                            "status");

      if (detail_status == SOUP_STATUS_UNAUTHORIZED || detail_status == SOUP_STATUS_FORBIDDEN)
        return TRUE;
    }
  return FALSE;
}

/* Requests --------------------------------------------------------------- */

char *
_cd_wordpress_build_url (CdWordpress *self,
                         const char  *path,
                         const char  *query)
{
  g_assert (CD_IS_WORDPRESS (self));
  g_assert (path != NULL);

  if (query != NULL && *query != '\0')
    return g_strconcat (self->url, "/wp-json", path, "?", query, NULL);
  return g_strconcat (self->url, "/wp-json", path, NULL);
}

void
_cd_wordpress_query_add (GString    *query,
                         const char *name,
                         const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_assert (query != NULL);
  g_assert (name != NULL);

  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_printf (query, "%s=%s", name, escaped);
}

/* Sends @method @path?@query (with @body as JSON) through the HTTP client.
 * On success returns the reply's JSON and the list headers in @page_info;
 * on an HTTP error the reply's JSON goes to @error_body when it was JSON. */
JsonNode *
_cd_wordpress_request (CdWordpress         *self,
                       const char          *method,
                       const char          *path,
                       const char          *query,
                       JsonNode            *body,
                       CdHttpRequestKind    kind,
                       CdWordpressPageInfo *page_info,
                       JsonNode           **error_body,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autofree char *url = _cd_wordpress_build_url (self, path, query);
  g_auto (CdHttpReply) reply = { 0 };
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (method != NULL);

  root = cd_http_client_request (self->http, method, url, body, kind, &reply, cancellable,
                                 &local_error);
  if (root == NULL)
    {
      if (is_anonymous_refusal (reply.error_body))
        {
          g_autofree char *message = cd_http_error_message (reply.error_body);

          g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH,
                       "%s %s answered HTTP %u (%s) as to a visitor who is not signed in, so "
                       "the application password is wrong or was revoked.",
                       method, url, reply.status,
                       message != NULL ? message : soup_status_get_phrase (reply.status));
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      if (error_body != NULL)
        *error_body = g_steal_pointer (&reply.error_body);
      return NULL;
    }
  if (page_info != NULL)
    {
      const char *pages = soup_message_headers_get_one (reply.headers, "X-WP-TotalPages");
      const char *total = soup_message_headers_get_one (reply.headers, "X-WP-Total");

      page_info->total_pages = pages != NULL ? (guint) g_ascii_strtoull (pages, NULL, 10) : 1;
      page_info->total = total != NULL ? (guint) g_ascii_strtoull (total, NULL, 10) : 0;
    }
  return root;
}

/**
 * _cd_wordpress_more_pages:
 * @url: the page's address, for the message
 * @page: the page just read, from 1
 * @per_page: the page size asked for
 * @delivered: how many items the page held
 * @info: what the reply said about the whole list
 * @error: set when the list claims more than CD_WORDPRESS_MAX_PAGES pages
 *
 * The headers are the server's word, not the list: a listing ends at the
 * last page they state, but also at a page that came back short and at the
 * total they state, whatever they claim about more pages; and a list that
 * goes on past CD_WORDPRESS_MAX_PAGES full pages is refused.
 *
 * Returns: %TRUE to read page @page + 1
 */
gboolean
_cd_wordpress_more_pages (CdWordpress               *self,
                          const char                *url,
                          guint                      page,
                          guint                      per_page,
                          guint                      delivered,
                          const CdWordpressPageInfo *info,
                          GError                   **error)
{
  g_assert (CD_IS_WORDPRESS (self));
  g_assert (url != NULL && info != NULL);

  if (page >= info->total_pages || delivered < per_page ||
      (info->total > 0 && (guint64) page * per_page >= info->total))
    return FALSE;
  if (page >= CD_WORDPRESS_MAX_PAGES)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "%s still had more after %u pages of %u (%s), more than Copydesk reads in "
                   "one go.",
                   self->url, page, per_page, url);
      return FALSE;
    }
  return TRUE;
}

/* The credentials check --------------------------------------------------- */

static char *
cd_wordpress_verify (CdCms        *cms,
                     GCancellable *cancellable,
                     GError      **error)
{
  CdWordpress *self = CD_WORDPRESS (cms);
  g_autoptr (JsonNode) me = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonObject *object;
  const char *name;

  g_assert (CD_IS_WORDPRESS (cms));

  /* Said before the request, in the client's words, so that it does not
   * read as a password the site refused. */
  if (!cd_http_check_secure_url (self->url, error))
    return NULL;
  me = _cd_wordpress_request (self, "GET", "/wp/v2/users/me", "context=edit", NULL, CD_HTTP_READ,
                              NULL, NULL, cancellable, &local_error);
  if (me == NULL)
    {
      /* WordPress takes a wrong application password for an anonymous
       * visitor, so /users/me answers 401 "not logged in". */
      if (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH))
        g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH,
                     "%s did not accept the application password for “%s” (%s); check "
                     "the user name, or create a new application password in WordPress "
                     "under Users → Profile.",
                     self->url, self->user, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  object = JSON_NODE_HOLDS_OBJECT (me) ? json_node_get_object (me) : NULL;
  if (object == NULL || _cd_wordpress_member_int (object, "id") <= 0)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH,
                   "%s did not recognise “%s” as a signed-in user.", self->url, self->user);
      return NULL;
    }
  name = _cd_wordpress_member_string (object, "name");
  return g_strdup (name != NULL && *name != '\0' ? name : self->user);
}

static void
cd_wordpress_cms_init (CdCmsInterface *iface)
{
  iface->verify = cd_wordpress_verify;
  iface->list_changed = _cd_wordpress_list_changed;
  iface->get = _cd_wordpress_get;
  iface->find_by_uuid = _cd_wordpress_find_by_uuid;
  iface->create = _cd_wordpress_create;
  iface->update = _cd_wordpress_update;
  iface->publish = _cd_wordpress_publish;
  iface->find_media = _cd_wordpress_find_media;
  iface->get_media = _cd_wordpress_get_media;
  iface->upload_media = _cd_wordpress_upload_media;
  iface->download = _cd_wordpress_download;
}

/* GObject ---------------------------------------------------------------- */

static void
cd_wordpress_constructed (GObject *object)
{
  CdWordpress *self = CD_WORDPRESS (object);

  G_OBJECT_CLASS (cd_wordpress_parent_class)->constructed (object);

  /* The client follows the network only for a site off this machine: a
   * machine with no route out would otherwise never reach a local test
   * site. */
  self->http = cd_http_client_new (self->url != NULL ? self->url : "", "a WordPress site");
  cd_http_client_set_authorization (self->http, self->authorization);
  cd_http_clear_secret (&self->authorization);
}

static void
cd_wordpress_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CdWordpress *self = CD_WORDPRESS (object);

  switch (prop_id)
    {
    case PROP_URL:
      {
        g_autoptr (GUri) uri = g_uri_parse (g_value_get_string (value), G_URI_FLAGS_NONE, NULL);
        g_autofree char *text = NULL;

        /* Credentials in the address would end up in messages: drop them. */
        if (uri != NULL)
          {
            g_autoptr (GUri) bare = g_uri_build (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL,
                                                 g_uri_get_host (uri), g_uri_get_port (uri),
                                                 g_uri_get_path (uri), NULL, NULL);

            text = g_uri_to_string (bare);
          }
        else
          text = g_value_dup_string (value);
        if (text != NULL)
          cd_wordpress_trim_site_url (text);
        g_free (self->url);
        self->url = g_steal_pointer (&text);
      }
      break;

    case PROP_USER:
      g_free (self->user);
      self->user = g_value_dup_string (value);
      break;

    case PROP_PASSWORD:
      {
        const char      *password = g_value_get_string (value);
        g_autofree char *pair = g_strconcat (self->user ? self->user : "", ":",
                                             password ? password : "", NULL);
        g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

        explicit_bzero (pair, strlen (pair));
        self->authorization = g_strconcat ("Basic ", encoded, NULL);
        explicit_bzero (encoded, strlen (encoded));
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_wordpress_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CdWordpress *self = CD_WORDPRESS (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_USER:
      g_value_set_string (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_wordpress_dispose (GObject *object)
{
  CdWordpress *self = CD_WORDPRESS (object);

  g_clear_object (&self->http);

  G_OBJECT_CLASS (cd_wordpress_parent_class)->dispose (object);
}

static void
cd_wordpress_finalize (GObject *object)
{
  CdWordpress *self = CD_WORDPRESS (object);

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->user, g_free);
  _cd_wordpress_terms_clear (&self->categories);
  _cd_wordpress_terms_clear (&self->tags);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cd_wordpress_parent_class)->finalize (object);
}

static void
cd_wordpress_class_init (CdWordpressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cd_wordpress_constructed;
  object_class->set_property = cd_wordpress_set_property;
  object_class->get_property = cd_wordpress_get_property;
  object_class->dispose = cd_wordpress_dispose;
  object_class->finalize = cd_wordpress_finalize;

  properties[PROP_URL] =
      g_param_spec_string ("url", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
      g_param_spec_string ("user", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Write-only: nothing can read the password back out of the object. */
  properties[PROP_PASSWORD] =
      g_param_spec_string ("password", NULL, NULL, NULL,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_wordpress_init (CdWordpress *self)
{
  self->per_page = DEFAULT_PER_PAGE;
  g_mutex_init (&self->lock);
  _cd_wordpress_terms_init (&self->categories, "categories");
  _cd_wordpress_terms_init (&self->tags, "tags");
}

/* Public API ------------------------------------------------------------- */

/**
 * cd_wordpress_new:
 * @url: the site's address, e.g. "https://news.example.org"
 * @user: the WordPress user name
 * @password: an application password of that user
 *
 * Returns: (transfer full): a client for the site
 */
CdWordpress *
cd_wordpress_new (const char *url,
                  const char *user,
                  const char *password)
{
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  /* The user comes first: the password property reads it. */
  return g_object_new (CD_TYPE_WORDPRESS, "url", url, "user", user, "password", password,
                       NULL);
}

/**
 * cd_wordpress_get_url:
 * @self: a #CdWordpress
 *
 * Returns: (transfer none): the site's address without a trailing slash
 */
const char *
cd_wordpress_get_url (CdWordpress *self)
{
  g_return_val_if_fail (CD_IS_WORDPRESS (self), NULL);

  return self->url;
}

/**
 * cd_wordpress_set_timeouts:
 * @self: a #CdWordpress
 * @timeout_seconds: how long a request may wait for the server
 * @idle_timeout_seconds: how long an unused connection stays open
 *
 * Call before the first request.
 */
void
cd_wordpress_set_timeouts (CdWordpress *self,
                           guint        timeout_seconds,
                           guint        idle_timeout_seconds)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));

  cd_http_client_set_timeouts (self->http, timeout_seconds, idle_timeout_seconds);
}

/**
 * cd_wordpress_set_retry_policy:
 * @self: a #CdWordpress
 * @max_attempts: attempts per request, at least 1
 * @base_delay_ms: the backoff's first ceiling
 * @max_delay_ms: the backoff's largest ceiling
 * @max_retry_after_seconds: the longest Retry-After waited for; a server
 *   asking for more gets a %CD_CMS_ERROR_SERVER at once
 */
void
cd_wordpress_set_retry_policy (CdWordpress *self,
                               guint        max_attempts,
                               guint        base_delay_ms,
                               guint        max_delay_ms,
                               guint        max_retry_after_seconds)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));

  cd_http_client_set_retry_policy (self->http, max_attempts, base_delay_ms, max_delay_ms,
                                   max_retry_after_seconds);
}

/**
 * cd_wordpress_set_per_page:
 * @self: a #CdWordpress
 * @per_page: posts per listed page, 1 to 100
 */
void
cd_wordpress_set_per_page (CdWordpress *self,
                           guint        per_page)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));
  g_return_if_fail (per_page >= 1 && per_page <= 100);

  self->per_page = per_page;
}

/**
 * cd_wordpress_set_max_reply_size:
 * @self: a #CdWordpress
 * @bytes: the largest reply read; a larger one is %CD_CMS_ERROR_INVALID_REPLY
 */
void
cd_wordpress_set_max_reply_size (CdWordpress *self,
                                 gsize        bytes)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));

  cd_http_client_set_max_reply_size (self->http, bytes);
}

/**
 * cd_wordpress_set_network_monitor:
 * @self: a #CdWordpress
 * @monitor: (nullable): the monitor to ask before each request; %NULL to
 *   never ask
 */
void
cd_wordpress_set_network_monitor (CdWordpress     *self,
                                  GNetworkMonitor *monitor)
{
  g_return_if_fail (CD_IS_WORDPRESS (self));

  cd_http_client_set_network_monitor (self->http, monitor);
}

/**
 * cd_wordpress_get_request_count:
 * @self: a #CdWordpress
 *
 * Returns: the number of HTTP requests sent so far, retries included
 */
guint
cd_wordpress_get_request_count (CdWordpress *self)
{
  g_return_val_if_fail (CD_IS_WORDPRESS (self), 0);

  return cd_http_client_get_request_count (self->http);
}

/**
 * cd_wordpress_get_http_client:
 * @self: a #CdWordpress
 *
 * Returns: (transfer none): the client that sends the requests, holding the
 *   HTTP policy (timeouts, retries, the reply's size)
 */
CdHttpClient *
cd_wordpress_get_http_client (CdWordpress *self)
{
  g_return_val_if_fail (CD_IS_WORDPRESS (self), NULL);

  return self->http;
}
