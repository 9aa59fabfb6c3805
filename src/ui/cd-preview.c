/* cd-preview.c: the live article preview, a WebKit view of the newsroom
 * template.
 *
 * The template page (preview.html, preview.css and the user script
 * preview.js, all GResources) is served by a private copydesk-preview: URI
 * scheme (cd-preview-scheme.c) and loads once. Every later update patches
 * the article element in place, at most one a frame (cd-preview-update.c).
 * Printing and PDF are in cd-preview-print.c. This file keeps the widget:
 * the web view's settings, what it may navigate to, and the page's life.
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

#include "cd-preview-private.h"
#include "cd-ui-resources.h"
#include "cd-ui-util.h"

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

/* The page. */

static void
cd_preview_load_template (CdPreview *self)
{
  g_assert (CD_IS_PREVIEW (self));

  g_free (self->template_uri);
  self->template_uri = _cd_preview_template_uri (self->allow_remote_images);
  webkit_web_view_load_uri (self->web_view, self->template_uri);
}

static void
apply_dark (CdPreview *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  gboolean         dark = adw_style_manager_get_dark (style_manager);
  g_autofree char *script = NULL;
  GdkRGBA          background;

  g_assert (CD_IS_PREVIEW (self));

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
  g_assert (CD_IS_PREVIEW (self));

  if (self->loaded == !!loaded)
    return;

  self->loaded = !!loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

void
_cd_preview_emit_updated (CdPreview *self)
{
  g_assert (CD_IS_PREVIEW (self));

  g_signal_emit (self, signals[UPDATED], 0);
}

/* Web view signals. */

static void
on_load_changed (WebKitWebView  *web_view,
                 WebKitLoadEvent event,
                 CdPreview      *self)
{
  g_assert (CD_IS_PREVIEW (self));

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
      _cd_preview_schedule (self);
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
  g_assert (WEBKIT_IS_WEB_VIEW (web_view));
  g_assert (uri != NULL);
  g_assert (error != NULL);
  g_assert (CD_IS_PREVIEW (self));

  /* A load we cancelled ourselves (a new template URI) is not a failure. */
  if (!g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED))
    g_warning ("The preview page %s failed to load: %s", uri, error->message);
  return TRUE;
}

static gboolean
is_external_link (const char *uri)
{
  const char *scheme = g_uri_peek_scheme (uri);

  g_assert (uri != NULL);

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

  g_assert (WEBKIT_IS_WEB_VIEW (web_view));
  g_assert (WEBKIT_IS_POLICY_DECISION (decision));
  g_assert (CD_IS_PREVIEW (self));

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

  g_assert (WEBKIT_IS_WEB_VIEW (web_view));
  g_assert (WEBKIT_IS_HIT_TEST_RESULT (hit_test));
  g_assert (CD_IS_PREVIEW (self));

  if (webkit_hit_test_result_context_is_link (hit_test))
    uri = webkit_hit_test_result_get_link_uri (hit_test);
  gtk_widget_set_tooltip_text (GTK_WIDGET (web_view), uri);
}

/* The preview does not look for its window: a window that wants the
 * browser to open over it handles #CdPreview::activate-link itself. */
static gboolean
cd_preview_real_activate_link (CdPreview  *self,
                               const char *uri)
{
  g_assert (CD_IS_PREVIEW (self));
  g_assert (uri != NULL);

  gtk_show_uri (NULL, uri, GDK_CURRENT_TIME);
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

  g_assert (WEBKIT_IS_WEB_VIEW (web_view));
  g_assert (WEBKIT_IS_CONTEXT_MENU (menu));
  g_assert (WEBKIT_IS_HIT_TEST_RESULT (hit_test));
  g_assert (CD_IS_PREVIEW (self));

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
  g_assert (WEBKIT_IS_WEB_VIEW (web_view));
  g_assert (CD_IS_PREVIEW (self));

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
  g_assert (CD_IS_PREVIEW (self));
  g_assert (pspec != NULL);
  g_assert (CD_IS_ARTICLE (article));

  self->update_pending = TRUE;
  _cd_preview_schedule (self);
}

static void
on_dark_changed (CdPreview *self)
{
  g_assert (CD_IS_PREVIEW (self));

  apply_dark (self);
}

/* GObject. */

static void
cd_preview_dispose (GObject *object)
{
  CdPreview *self = CD_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  _cd_preview_render_dispose (self);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_signal_handler (&self->article_notify_id, self->article);
  g_clear_object (&self->article);
  g_clear_object (&self->store);
  if (self->web_view != NULL)
    g_object_set_data (G_OBJECT (self->web_view), "cd-preview", NULL);
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
   * neither applies to the user script or to evaluate_javascript().
   *
   * The page is a still article: no WebGL, video or animation, nothing that
   * compositing on the GPU speeds up. Composited, the web process sets up
   * OpenGL, which on a machine without a GPU (llvmpipe) means compiling its
   * shaders on the CPU at every start and keeping the compiler's memory:
   * the web process took about 70 MB more (PSS, 10,000-word article).
   * Painted by the CPU, the page scrolls and updates as fast. */
  settings = webkit_settings_new_with_settings ("enable-javascript-markup", FALSE,
                                                "hardware-acceleration-policy",
                                                WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER,
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

  source = g_resources_lookup_data (CD_PREVIEW_RESOURCE_DIR "preview.js",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (source != NULL);
  script = webkit_user_script_new (g_bytes_get_data (source, NULL),
                                   WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                   WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                   (const char *const[]){ CD_PREVIEW_ORIGIN "/*", NULL },
                                   NULL);
  content_manager = webkit_user_content_manager_new ();
  webkit_user_content_manager_add_script (content_manager, script);

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "web-context", _cd_preview_get_web_context (),
                                 "network-session", _cd_preview_get_network_session (),
                                 "settings", settings,
                                 "user-content-manager", content_manager,
                                 NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  /* The URI scheme, shared by every preview, finds the article to serve
   * from the web view that asks. */
  g_object_set_data (G_OBJECT (self->web_view), "cd-preview", self);
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

  if (!_cd_follow_object ((gpointer *) &self->article, &self->article_notify_id, article, "notify",
                          G_CALLBACK (on_article_notify), self))
    return;

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
  _cd_preview_schedule (self);
}

/**
 * cd_preview_scroll_to_source_line:
 * @self: a #CdPreview
 * @line: a 1-based line of the article's body, or 0 for the top of the
 *   page (the headline and all above the body)
 *
 * Scrolls the preview to the element rendered from @line of the body
 * Markdown (the innermost one whose source range covers it, or else the
 * last one before it). Requests made before the page has taken the last
 * one give way to it: only the newest is carried out.
 */
void
cd_preview_scroll_to_source_line (CdPreview *self,
                                  guint      line)
{
  g_return_if_fail (CD_IS_PREVIEW (self));

  self->pending_line = line;
  self->scroll_pending = TRUE;
  _cd_preview_schedule (self);
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
