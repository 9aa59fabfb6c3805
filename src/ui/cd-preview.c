/* cd-preview.c: the live article preview, a WebKit view of the newsroom
 * template.
 *
 * The template page (preview.html, preview.css and the user script
 * preview.js, all GResources) is served by a private copydesk-preview: URI
 * scheme and loads once. Every later update sends the article as JSON to
 * the page's copydesk.update() function, which patches the article element
 * in place, so the scroll position survives. Updates are coalesced to one a
 * frame with a tick callback, and only one is in flight at a time.
 *
 * The preview shows untrusted text: scripts from page markup are off, the
 * page may never navigate (links go to the system browser), and the page's
 * Content-Security-Policy lets it load remote images only when the user has
 * allowed them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cd-render.h"
#include "cd-preview.h"
#include "cd-ui-resources.h"

#define PREVIEW_SCHEME "copydesk-preview"
#define PREVIEW_ORIGIN PREVIEW_SCHEME "://preview"
#define PREVIEW_RESOURCE_DIR RESOURCE_PREFIX "/preview/"
#define FEATURED_IMAGE_PATH "/featured-image"

struct _CdPreview
{
  GtkWidget parent_instance;

  WebKitWebView *web_view;
  CdArticle     *article;
  GCancellable  *cancellable;

  /* The URI of the template page as this preview loads it. */
  char *template_uri;
  /* The last JSON sent to the page, to skip updates that change nothing. */
  char *last_sent;

  guint tick_id;
  guint pending_line;
  /* Counts page loads, so that an answer from a page since replaced is
   * told apart from one from the current page. */
  guint page_serial;

  guint loaded : 1;
  guint allow_remote_images : 1;
  guint update_pending : 1;
  guint update_in_flight : 1;
  guint scroll_pending : 1;
};

G_DEFINE_FINAL_TYPE (CdPreview, cd_preview, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ARTICLE,
  PROP_ALLOW_REMOTE_IMAGES,
  PROP_LOADED,
  N_PROPS
};

enum
{
  UPDATED,
  ACTIVATE_LINK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* The quark's name is stringified as written. */
/* clang-format off */
G_DEFINE_QUARK (CdPreviewError, cd_preview_error)
/* clang-format on */

static void cd_preview_schedule (CdPreview *self);

/* The URI scheme. */

static void
finish_with_bytes (WebKitURISchemeRequest *request,
                   GBytes                 *bytes,
                   const char             *content_type)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr (WebKitURISchemeResponse) response = NULL;

  response = webkit_uri_scheme_response_new (stream, g_bytes_get_size (bytes));
  webkit_uri_scheme_response_set_content_type (response, content_type);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
finish_not_found (WebKitURISchemeRequest *request)
{
  g_autoptr (GError) error = NULL;

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

  bytes = g_resources_lookup_data (PREVIEW_RESOURCE_DIR "preview.html",
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
  finish_with_bytes (request, bytes, "text/html; charset=utf-8");
}

static void
featured_image_read_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (WebKitURISchemeRequest) request = user_data;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (WebKitURISchemeResponse) response = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *content_type = NULL;

  stream = g_file_read_finish (G_FILE (object), result, &error);
  if (stream == NULL)
    {
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  content_type = g_content_type_guess (g_file_peek_path (G_FILE (object)), NULL, 0, NULL);
  response = webkit_uri_scheme_response_new (G_INPUT_STREAM (stream), -1);
  webkit_uri_scheme_response_set_content_type (response, content_type);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

/* The featured image is a local file the page may not read itself; only the
 * article's own image is served, and only if it is an image. */
static void
serve_featured_image (WebKitURISchemeRequest *request)
{
  WebKitWebView   *web_view = webkit_uri_scheme_request_get_web_view (request);
  GtkWidget       *parent = gtk_widget_get_parent (GTK_WIDGET (web_view));
  g_autofree char *content_type = NULL;
  g_autoptr (GFile) file = NULL;
  const char *path;

  if (!CD_IS_PREVIEW (parent) || CD_PREVIEW (parent)->article == NULL)
    {
      finish_not_found (request);
      return;
    }

  path = cd_article_get_image (CD_PREVIEW (parent)->article);
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

  if (g_strcmp0 (path, "/preview.html") == 0)
    {
      serve_template (request);
    }
  else if (g_strcmp0 (path, "/preview.css") == 0)
    {
      g_autoptr (GBytes) bytes = NULL;

      bytes = g_resources_lookup_data (PREVIEW_RESOURCE_DIR "preview.css",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      finish_with_bytes (request, bytes, "text/css; charset=utf-8");
    }
  else if (g_strcmp0 (path, FEATURED_IMAGE_PATH) == 0)
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
static WebKitWebContext *
get_web_context (void)
{
  static WebKitWebContext *context;

  if (context == NULL)
    {
      context = webkit_web_context_new ();
      webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
      webkit_web_context_register_uri_scheme (context, PREVIEW_SCHEME,
                                              handle_scheme_request, NULL, NULL);
    }

  return context;
}

static WebKitNetworkSession *
get_network_session (void)
{
  static WebKitNetworkSession *session;

  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();

  return session;
}

/* The page. */

static void
cd_preview_load_template (CdPreview *self)
{
  g_free (self->template_uri);
  self->template_uri = g_strdup_printf (PREVIEW_ORIGIN "/preview.html?remote-images=%d",
                                        self->allow_remote_images ? 1 : 0);
  webkit_web_view_load_uri (self->web_view, self->template_uri);
}

static void
apply_dark (CdPreview *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  gboolean         dark = adw_style_manager_get_dark (style_manager);
  g_autofree char *script = NULL;
  GdkRGBA          background;

  /* Matches the page's own background so that no white shows before it
   * has painted. */
  gdk_rgba_parse (&background, dark ? "#1e1e1e" : "#ffffff");
  webkit_web_view_set_background_color (self->web_view, &background);

  if (!self->loaded)
    return;

  script = g_strdup_printf ("copydesk.setDark(%s)", dark ? "true" : "false");
  webkit_web_view_evaluate_javascript (self->web_view, script, -1, NULL, NULL,
                                       self->cancellable, NULL, NULL);
}

static void
set_loaded (CdPreview *self,
            gboolean   loaded)
{
  if (self->loaded == !!loaded)
    return;

  self->loaded = !!loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static char *
format_date (GDateTime *datetime)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (datetime);

  /* TRANSLATORS: the article's date in the preview, see g_date_time_format() */
  return g_date_time_format (local, C_ ("preview date", "%-d %B %Y"));
}

static char *
format_embargo (GDateTime *embargo)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = NULL;

  if (g_date_time_compare (embargo, now) <= 0)
    return NULL;

  /* The embargo is shown in its own time zone, the one the desk agreed on.
   * TRANSLATORS: see g_date_time_format() */
  when = g_date_time_format (embargo, C_ ("embargo date", "%-d %B %Y, %H:%M %Z"));
  /* TRANSLATORS: the banner over an embargoed article in the preview */
  return g_strdup_printf (_ ("Embargoed until %s"), when);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

/* The article as the page's copydesk.update() takes it. Every field but the
 * body is plain text that the page sets with textContent; the body is
 * cmark-gfm's HTML, which passes no raw HTML through. */
static char *
cd_preview_build_update (CdPreview *self)
{
  CdArticle *article = self->article;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char   *body = NULL;
  g_autofree char   *embargo = NULL;
  g_autofree char   *image = NULL;
  const char *const *tags;
  GDateTime         *date;
  const char        *path;

  body = cd_render_markdown (cd_article_get_body (article), -1, CD_RENDER_SOURCEPOS);

  json_builder_begin_object (builder);
  add_string (builder, "headline", cd_article_get_headline (article));
  add_string (builder, "dek", cd_article_get_dek (article));
  add_string (builder, "byline", cd_article_get_byline (article));
  add_string (builder, "dateline", cd_article_get_dateline (article));
  add_string (builder, "source", cd_article_get_source (article));
  add_string (builder, "section", cd_article_get_section (article));
  add_string (builder, "language", cd_article_get_language (article));
  add_string (builder, "body", body);

  date = cd_article_get_created (article);
  if (date != NULL)
    {
      g_autofree char *formatted = format_date (date);
      g_autofree char *iso = cd_format_iso8601_utc (date);

      add_string (builder, "date", formatted);
      add_string (builder, "dateIso", iso);
    }

  if (cd_article_get_embargo (article) != NULL)
    embargo = format_embargo (cd_article_get_embargo (article));
  add_string (builder, "embargo", embargo);

  path = cd_article_get_image (article);
  if (path != NULL && *path != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (path, NULL, FALSE);

      /* The path in the query makes a new image a new URI, so the web view
       * does not show a cached old one. */
      image = g_strdup_printf (PREVIEW_ORIGIN FEATURED_IMAGE_PATH "?path=%s", escaped);
    }
  add_string (builder, "image", image);
  add_string (builder, "caption", cd_article_get_image_caption (article));
  add_string (builder, "credit", cd_article_get_image_credit (article));

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  tags = cd_article_get_tags (article);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "corrections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cd_article_get_n_corrections (article); i++)
    {
      const CdCorrection *correction = cd_article_get_correction (article, i);
      g_autofree char    *formatted = format_date (correction->date);

      json_builder_begin_object (builder);
      add_string (builder, "date", formatted);
      add_string (builder, "note", correction->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "remoteImages");
  json_builder_add_boolean_value (builder, self->allow_remote_images);
  add_string (builder, "untitled", _ ("Untitled article"));
  add_string (builder, "blockedImage", _ ("Remote image not loaded"));
  add_string (builder, "correctionsTitle", _ ("Corrections"));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

typedef struct
{
  CdPreview *self;
  guint      page_serial;
} UpdateData;

static void
update_data_free (UpdateData *data)
{
  g_object_unref (data->self);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpdateData, update_data_free)

static void
update_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (UpdateData) data = user_data;
  CdPreview *self = data->self;
  g_autoptr (JSCValue) value = NULL;
  g_autoptr (GError) error = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* The page it went to is gone; the new one gets its own update. */
  if (data->page_serial != self->page_serial)
    return;

  self->update_in_flight = FALSE;
  if (value == NULL)
    {
      g_warning ("The preview page failed to apply an update: %s", error->message);
      g_clear_pointer (&self->last_sent, g_free);
    }
  else
    {
      g_signal_emit (self, signals[UPDATED], 0);
    }

  if (self->update_pending || self->scroll_pending)
    cd_preview_schedule (self);
}

static void
cd_preview_send_update (CdPreview *self)
{
  g_autofree char *json = NULL;
  g_autofree char *script = NULL;
  UpdateData      *data;

  self->update_pending = FALSE;
  /* Without an article the page is emptied. */
  json = self->article != NULL ? cd_preview_build_update (self) : g_strdup ("{}");
  if (g_strcmp0 (json, self->last_sent) == 0)
    return;

  script = g_strdup_printf ("copydesk.update(%s)", json);
  g_free (self->last_sent);
  self->last_sent = g_steal_pointer (&json);
  data = g_new0 (UpdateData, 1);
  data->self = g_object_ref (self);
  data->page_serial = self->page_serial;
  self->update_in_flight = TRUE;
  webkit_web_view_evaluate_javascript (self->web_view, script, -1, NULL, NULL,
                                       self->cancellable, update_done_cb, data);
}

static void
cd_preview_send_scroll (CdPreview *self)
{
  g_autofree char *script = NULL;

  self->scroll_pending = FALSE;
  script = g_strdup_printf ("copydesk.scrollToLine(%u)", self->pending_line);
  webkit_web_view_evaluate_javascript (self->web_view, script, -1, NULL, NULL,
                                       self->cancellable, NULL, NULL);
}

static gboolean
cd_preview_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  CdPreview *self = CD_PREVIEW (widget);

  self->tick_id = 0;
  if (!self->loaded || self->update_in_flight)
    return G_SOURCE_REMOVE;

  if (self->update_pending)
    cd_preview_send_update (self);
  /* Scrolling follows the update it may depend on; the page runs both in
   * order. */
  if (self->scroll_pending)
    cd_preview_send_scroll (self);

  return G_SOURCE_REMOVE;
}

static void
cd_preview_schedule (CdPreview *self)
{
  if (self->tick_id != 0 || !self->loaded || self->update_in_flight)
    return;

  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), cd_preview_tick_cb,
                                                NULL, NULL);
}

/* Web view signals. */

static void
on_load_changed (WebKitWebView  *web_view,
                 WebKitLoadEvent event,
                 CdPreview      *self)
{
  switch (event)
    {
    case WEBKIT_LOAD_STARTED:
      self->page_serial++;
      self->update_in_flight = FALSE;
      set_loaded (self, FALSE);
      g_clear_pointer (&self->last_sent, g_free);
      break;

    case WEBKIT_LOAD_FINISHED:
      set_loaded (self, TRUE);
      apply_dark (self);
      self->update_pending = TRUE;
      cd_preview_schedule (self);
      break;

    case WEBKIT_LOAD_REDIRECTED:
    case WEBKIT_LOAD_COMMITTED:
    default:
      break;
    }
}

static gboolean
on_load_failed (WebKitWebView  *web_view,
                WebKitLoadEvent event,
                const char     *uri,
                GError         *error,
                CdPreview      *self)
{
  /* A load we cancelled ourselves (a new template URI) is not a failure. */
  if (!g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED))
    g_warning ("The preview page %s failed to load: %s", uri, error->message);
  return TRUE;
}

static gboolean
is_external_link (const char *uri)
{
  const char *scheme = g_uri_peek_scheme (uri);

  return g_strcmp0 (scheme, "http") == 0 ||
         g_strcmp0 (scheme, "https") == 0 ||
         g_strcmp0 (scheme, "mailto") == 0;
}

/* The page never navigates: the only navigation allowed is this preview
 * loading its own template. A click on a link to the web asks for the link
 * to be opened elsewhere. */
static gboolean
on_decide_policy (WebKitWebView           *web_view,
                  WebKitPolicyDecision    *decision,
                  WebKitPolicyDecisionType type,
                  CdPreview               *self)
{
  WebKitNavigationAction *action;
  WebKitNavigationType    navigation_type;
  const char             *uri;

  if (type != WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      type != WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (
      WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  navigation_type = webkit_navigation_action_get_navigation_type (action);

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      navigation_type != WEBKIT_NAVIGATION_TYPE_LINK_CLICKED &&
      g_strcmp0 (uri, self->template_uri) == 0)
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  webkit_policy_decision_ignore (decision);

  if (navigation_type == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED && is_external_link (uri))
    {
      gboolean handled = FALSE;

      g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
    }
  else
    {
      g_debug ("Refused a navigation of the preview to %s", uri);
    }

  return TRUE;
}

/* The page has no status bar: a link shows where it goes in a tooltip. */
static void
on_mouse_target_changed (WebKitWebView       *web_view,
                         WebKitHitTestResult *hit_test,
                         guint                modifiers,
                         CdPreview           *self)
{
  const char *uri = NULL;

  if (webkit_hit_test_result_context_is_link (hit_test))
    uri = webkit_hit_test_result_get_link_uri (hit_test);
  gtk_widget_set_tooltip_text (GTK_WIDGET (web_view), uri);
}

static gboolean
cd_preview_real_activate_link (CdPreview  *self,
                               const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

/* The menu keeps what makes sense on a page that cannot navigate: copying. */
static gboolean
on_context_menu (WebKitWebView       *web_view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit_test,
                 CdPreview           *self)
{
  g_autoptr (GList) items = g_list_copy (webkit_context_menu_get_items (menu));

  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;

      switch (webkit_context_menu_item_get_stock_action (item))
        {
        case WEBKIT_CONTEXT_MENU_ACTION_COPY:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
          break;

        default:
          webkit_context_menu_remove (menu, item);
          break;
        }
    }

  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
on_web_process_terminated (WebKitWebView                    *web_view,
                           WebKitWebProcessTerminationReason reason,
                           CdPreview                        *self)
{
  /* A crash or running out of memory is worth a line in the log; either
   * way the page comes back with the article on it. */
  if (reason != WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    g_warning ("The preview's web process ended (reason %d); loading the preview again", reason);
  self->page_serial++;
  set_loaded (self, FALSE);
  self->update_in_flight = FALSE;
  cd_preview_load_template (self);
}

static void
on_article_notify (CdPreview  *self,
                   GParamSpec *pspec,
                   CdArticle  *article)
{
  self->update_pending = TRUE;
  cd_preview_schedule (self);
}

static void
on_dark_changed (CdPreview *self)
{
  apply_dark (self);
}

/* GObject. */

static void
cd_preview_dispose (GObject *object)
{
  CdPreview *self = CD_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, on_article_notify, self);
  g_clear_object (&self->article);
  g_clear_pointer ((GtkWidget **) &self->web_view, gtk_widget_unparent);

  G_OBJECT_CLASS (cd_preview_parent_class)->dispose (object);
}

static void
cd_preview_finalize (GObject *object)
{
  CdPreview *self = CD_PREVIEW (object);

  g_clear_object (&self->cancellable);
  g_free (self->template_uri);
  g_free (self->last_sent);

  G_OBJECT_CLASS (cd_preview_parent_class)->finalize (object);
}

static void
cd_preview_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CdPreview *self = CD_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_ALLOW_REMOTE_IMAGES:
      g_value_set_boolean (value, self->allow_remote_images);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preview_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CdPreview *self = CD_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cd_preview_set_article (self, g_value_get_object (value));
      break;

    case PROP_ALLOW_REMOTE_IMAGES:
      cd_preview_set_allow_remote_images (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preview_class_init (CdPreviewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_preview_dispose;
  object_class->finalize = cd_preview_finalize;
  object_class->get_property = cd_preview_get_property;
  object_class->set_property = cd_preview_set_property;

  /**
   * CdPreview:article:
   *
   * The article shown, re-rendered whenever one of its properties changes.
   */
  properties[PROP_ARTICLE] =
      g_param_spec_object ("article", NULL, NULL,
                           CD_TYPE_ARTICLE,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * CdPreview:allow-remote-images:
   *
   * Whether images from http and https URLs load. Off, the page's
   * Content-Security-Policy refuses them and a placeholder stands in.
   */
  properties[PROP_ALLOW_REMOTE_IMAGES] =
      g_param_spec_boolean ("allow-remote-images", NULL, NULL,
                            FALSE,
                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * CdPreview:loaded:
   *
   * Whether the template page has finished loading.
   */
  properties[PROP_LOADED] =
      g_param_spec_boolean ("loaded", NULL, NULL,
                            FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdPreview::updated:
   *
   * Emitted when the page has applied an update of the article.
   */
  signals[UPDATED] =
      g_signal_new ("updated",
                    G_TYPE_FROM_CLASS (klass),
                    G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL,
                    G_TYPE_NONE, 0);

  /**
   * CdPreview::activate-link:
   * @uri: the http, https or mailto URI of the link
   *
   * Emitted when a link in the preview is clicked. The default handler opens
   * it with the desktop's default application; a handler returning %TRUE
   * stops that.
   *
   * Returns: %TRUE if the link was handled
   */
  signals[ACTIVATE_LINK] =
      g_signal_new_class_handler ("activate-link",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  G_CALLBACK (cd_preview_real_activate_link),
                                  g_signal_accumulator_true_handled, NULL, NULL,
                                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "preview");

  /* The resource bundle registers itself from a constructor, but only when
   * the linker keeps it out of the static library: referring to it does. */
  g_assert (cd_ui_get_resource () != NULL);
}

static void
cd_preview_init (CdPreview *self)
{
  g_autoptr (WebKitUserContentManager) content_manager = NULL;
  g_autoptr (WebKitUserScript) script = NULL;
  g_autoptr (WebKitSettings) settings = NULL;
  g_autoptr (GBytes) source = NULL;

  self->cancellable = g_cancellable_new ();

  /* enable-javascript-markup stops only what the HTML parser inserts. The
   * body reaches the page through DOM calls, and a handler attribute or
   * script element inserted that way would still run, so the page's
   * Content-Security-Policy (script-src 'none') is what keeps it inert;
   * neither applies to the user script or to evaluate_javascript(). */
  settings = webkit_settings_new_with_settings ("enable-javascript-markup", FALSE,
                                                "enable-html5-local-storage", FALSE,
                                                "enable-page-cache", FALSE,
                                                "enable-back-forward-navigation-gestures", FALSE,
                                                "enable-webgl", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-media", FALSE,
                                                "enable-fullscreen", FALSE,
                                                "enable-developer-extras", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                NULL);

  source = g_resources_lookup_data (PREVIEW_RESOURCE_DIR "preview.js",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (source != NULL);
  script = webkit_user_script_new (g_bytes_get_data (source, NULL),
                                   WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                   WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                   (const char *const[]){ PREVIEW_ORIGIN "/*", NULL },
                                   NULL);
  content_manager = webkit_user_content_manager_new ();
  webkit_user_content_manager_add_script (content_manager, script);

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "web-context", get_web_context (),
                                 "network-session", get_network_session (),
                                 "settings", settings,
                                 "user-content-manager", content_manager,
                                 NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Article preview"), -1);

  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (on_load_changed), self, 0);
  g_signal_connect_object (self->web_view, "load-failed",
                           G_CALLBACK (on_load_failed), self, 0);
  g_signal_connect_object (self->web_view, "decide-policy",
                           G_CALLBACK (on_decide_policy), self, 0);
  g_signal_connect_object (self->web_view, "mouse-target-changed",
                           G_CALLBACK (on_mouse_target_changed), self, 0);
  g_signal_connect_object (self->web_view, "context-menu",
                           G_CALLBACK (on_context_menu), self, 0);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (on_web_process_terminated), self, 0);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);

  apply_dark (self);
  cd_preview_load_template (self);
}

/* Public API. */

/**
 * cd_preview_new:
 *
 * Creates a preview. It starts loading its template page at once.
 *
 * Returns: (transfer full): a new #CdPreview
 */
CdPreview *
cd_preview_new (void)
{
  return g_object_new (CD_TYPE_PREVIEW, NULL);
}

/**
 * cd_preview_get_article:
 * @self: a #CdPreview
 *
 * Returns: (transfer none) (nullable): the article shown
 */
CdArticle *
cd_preview_get_article (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), NULL);

  return self->article;
}

/**
 * cd_preview_set_article:
 * @self: a #CdPreview
 * @article: (nullable): the article to show
 *
 * Shows @article and follows its changes.
 */
void
cd_preview_set_article (CdPreview *self,
                        CdArticle *article)
{
  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, on_article_notify, self);
  g_set_object (&self->article, article);
  if (article != NULL)
    g_signal_connect_object (article, "notify", G_CALLBACK (on_article_notify), self,
                             G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
  cd_preview_update (self);
}

/**
 * cd_preview_update:
 * @self: a #CdPreview
 *
 * Schedules an update of the page for the next frame. #CdPreview::updated
 * is emitted once the page has applied it.
 */
void
cd_preview_update (CdPreview *self)
{
  g_return_if_fail (CD_IS_PREVIEW (self));

  g_clear_pointer (&self->last_sent, g_free);
  self->update_pending = TRUE;
  cd_preview_schedule (self);
}

/**
 * cd_preview_scroll_to_source_line:
 * @self: a #CdPreview
 * @line: a 1-based line of the article's body
 *
 * Scrolls the preview to the element rendered from @line of the body
 * Markdown (the innermost one whose source range covers it, or else the
 * last one before it).
 */
void
cd_preview_scroll_to_source_line (CdPreview *self,
                                  guint      line)
{
  g_return_if_fail (CD_IS_PREVIEW (self));

  self->pending_line = MAX (line, 1);
  self->scroll_pending = TRUE;
  cd_preview_schedule (self);
}

/**
 * cd_preview_get_allow_remote_images:
 * @self: a #CdPreview
 *
 * Returns: whether images from the network load
 */
gboolean
cd_preview_get_allow_remote_images (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), FALSE);

  return self->allow_remote_images;
}

/**
 * cd_preview_set_allow_remote_images:
 * @self: a #CdPreview
 * @allow: whether images from the network may load
 *
 * Changes whether remote images load. The page's security policy cannot
 * change once loaded, so this loads the template again.
 */
void
cd_preview_set_allow_remote_images (CdPreview *self,
                                    gboolean   allow)
{
  g_return_if_fail (CD_IS_PREVIEW (self));

  if (self->allow_remote_images == !!allow)
    return;

  self->allow_remote_images = !!allow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_REMOTE_IMAGES]);
  cd_preview_load_template (self);
}

/**
 * cd_preview_get_loaded:
 * @self: a #CdPreview
 *
 * Returns: whether the template page has finished loading
 */
gboolean
cd_preview_get_loaded (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), FALSE);

  return self->loaded;
}

/**
 * cd_preview_get_web_view:
 * @self: a #CdPreview
 *
 * Returns: (transfer none): the web view, for tests
 */
WebKitWebView *
cd_preview_get_web_view (CdPreview *self)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), NULL);

  return self->web_view;
}

/* Printing. */

static void
print_finished_cb (WebKitPrintOperation *operation,
                   gpointer              user_data)
{
  g_object_unref (operation);
}

static void
print_failed_cb (WebKitPrintOperation *operation,
                 GError               *error,
                 gpointer              user_data)
{
  g_warning ("Printing the preview failed: %s", error->message);
}

/**
 * cd_preview_print:
 * @self: a #CdPreview
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Shows the print dialog and prints the preview as the user chooses.
 */
void
cd_preview_print (CdPreview *self,
                  GtkWindow *parent)
{
  WebKitPrintOperation *operation;

  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  operation = webkit_print_operation_new (self->web_view);
  g_signal_connect (operation, "failed", G_CALLBACK (print_failed_cb), NULL);
  if (webkit_print_operation_run_dialog (operation, parent) == WEBKIT_PRINT_OPERATION_RESPONSE_PRINT)
    g_signal_connect (operation, "finished", G_CALLBACK (print_finished_cb), NULL);
  else
    g_object_unref (operation);
}

typedef struct
{
  WebKitPrintOperation *operation;
  GError               *error;
} ExportPdfData;

static void
export_pdf_data_free (ExportPdfData *data)
{
  g_clear_object (&data->operation);
  g_clear_error (&data->error);
  g_free (data);
}

static void
export_pdf_failed_cb (WebKitPrintOperation *operation,
                      GError               *error,
                      GTask                *task)
{
  ExportPdfData *data = g_task_get_task_data (task);

  if (data->error == NULL)
    data->error = g_error_new (CD_PREVIEW_ERROR, CD_PREVIEW_ERROR_PRINT_FAILED,
                               _ ("The PDF could not be written: %s"), error->message);
}

static void
export_pdf_finished_cb (WebKitPrintOperation *operation,
                        GTask                *task)
{
  ExportPdfData *data = g_task_get_task_data (task);

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* The print backend's file printer, by the name GTK gives it in the current
 * language. */
static const char *
get_file_printer_name (void)
{
  return g_dgettext ("gtk40", "Print to File");
}

/**
 * cd_preview_export_pdf_async:
 * @self: a #CdPreview
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the PDF is written
 * @user_data: data for @callback
 *
 * Prints the preview to a PDF file through WebKit's print operation,
 * without a dialog, on paper of the locale's default size.
 */
void
cd_preview_export_pdf_async (CdPreview          *self,
                             GFile              *file,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GtkPrintSettings) settings = NULL;
  g_autoptr (GtkPageSetup) page_setup = NULL;
  g_autoptr (GtkPaperSize) paper = NULL;
  g_autofree char *uri = NULL;
  ExportPdfData   *data;

  g_return_if_fail (CD_IS_PREVIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_preview_export_pdf_async);
  g_task_set_check_cancellable (task, TRUE);

  if (!self->loaded)
    {
      g_task_return_new_error (task, CD_PREVIEW_ERROR, CD_PREVIEW_ERROR_NOT_LOADED,
                               _ ("The preview has not finished loading; try again in a moment."));
      return;
    }

  uri = g_file_get_uri (file);
  settings = gtk_print_settings_new ();
  gtk_print_settings_set_printer (settings, get_file_printer_name ());
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);

  paper = gtk_paper_size_new (NULL);
  page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);

  data = g_new0 (ExportPdfData, 1);
  data->operation = webkit_print_operation_new (self->web_view);
  g_task_set_task_data (task, data, (GDestroyNotify) export_pdf_data_free);

  webkit_print_operation_set_print_settings (data->operation, settings);
  webkit_print_operation_set_page_setup (data->operation, page_setup);
  g_signal_connect (data->operation, "failed", G_CALLBACK (export_pdf_failed_cb), task);
  g_signal_connect (data->operation, "finished", G_CALLBACK (export_pdf_finished_cb),
                    g_object_ref (task));
  webkit_print_operation_print (data->operation);
}

/**
 * cd_preview_export_pdf_finish:
 * @self: a #CdPreview
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
cd_preview_export_pdf_finish (CdPreview    *self,
                              GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (CD_IS_PREVIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_preview_export_pdf_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
