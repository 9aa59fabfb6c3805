/* cd-preview-update.c: keeping the page in step with the article.
 *
 * Every update sends the article as JSON to the page's copydesk.update()
 * function, which patches the article element in place, so the scroll
 * position survives. Updates are coalesced to one a frame with a tick
 * callback, only one is in flight at a time, and one that would send what
 * the page already shows is skipped. A scroll to a source line follows the
 * update it may depend on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cd-preview-private.h"

static char *
format_date (GDateTime *datetime)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (datetime);

  g_assert (datetime != NULL);

  /* TRANSLATORS: the article's date in the preview, see g_date_time_format() */
  return g_date_time_format (local, C_ ("preview date", "%-d %B %Y"));
}

static char *
format_embargo (GDateTime *embargo)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = NULL;

  g_assert (embargo != NULL);

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
  g_assert (JSON_IS_BUILDER (builder));
  g_assert (name != NULL);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

/* The article as the page's copydesk.update() takes it. Every field but the
 * body is plain text that the page sets with textContent; the body comes as
 * the HTML of each of its blocks, cmark-gfm's, which passes no raw HTML
 * through. The page parses only the blocks that differ from what it shows:
 * typing in one paragraph of a long article changes one. */
/* Runs on the render thread too (cd-preview-render.c): it reads only
 * @article, a copy nobody else changes. */
char *
_cd_preview_build_update (CdArticle         *article,
                          const char *const *blocks,
                          gboolean           allow_remote_images)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char   *embargo = NULL;
  g_autofree char   *image = NULL;
  const char *const *tags;
  GDateTime         *date;
  const char        *path;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (blocks != NULL);

  json_builder_begin_object (builder);
  add_string (builder, "headline", cd_article_get_headline (article));
  add_string (builder, "dek", cd_article_get_dek (article));
  add_string (builder, "byline", cd_article_get_byline (article));
  add_string (builder, "dateline", cd_article_get_dateline (article));
  add_string (builder, "source", cd_article_get_source (article));
  add_string (builder, "section", cd_article_get_section (article));
  add_string (builder, "language", cd_article_get_language (article));
  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint i = 0; blocks[i] != NULL; i++)
    json_builder_add_string_value (builder, blocks[i]);
  json_builder_end_array (builder);

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
  if (cd_image_id_is_valid (path))
    image = g_strconcat (CD_PREVIEW_IMAGE_SCHEME ":", path, NULL);
  else if (path != NULL && *path != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (path, NULL, FALSE);

      /* The path in the query makes a new image a new URI, so the web view
       * does not show a cached old one. */
      image = g_strdup_printf (CD_PREVIEW_ORIGIN CD_PREVIEW_FEATURED_IMAGE_PATH "?path=%s", escaped);
    }
  add_string (builder, "image", image);
  add_string (builder, "imageAlt", cd_article_get_image_alt (article));
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
  json_builder_add_boolean_value (builder, allow_remote_images);
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

  g_assert (G_IS_OBJECT (object));
  g_assert (G_IS_ASYNC_RESULT (result));

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
      _cd_preview_emit_updated (self);
    }

  if (self->update_pending || self->scroll_pending)
    _cd_preview_schedule (self);
}

/**
 * _cd_preview_send_json:
 * @json: (transfer full): the update, as _cd_preview_build_update() makes it
 *
 * Sends a rendered update to the page, unless the page shows it already.
 */
void
_cd_preview_send_json (CdPreview *self,
                       char      *json)
{
  g_autofree char *owned = json;
  g_autofree char *script = NULL;
  UpdateData      *data;

  g_assert (CD_IS_PREVIEW (self));
  g_assert (json != NULL);

  self->update_in_flight = FALSE;
  if (g_strcmp0 (json, self->last_sent) == 0)
    {
      if (self->update_pending || self->scroll_pending)
        _cd_preview_schedule (self);
      return;
    }

  g_debug ("Sending an update of %zu bytes to the preview", strlen (json));
  script = g_strdup_printf ("copydesk.update(%s)", json);
  g_free (self->last_sent);
  self->last_sent = g_steal_pointer (&owned);
  data = g_new0 (UpdateData, 1);
  data->self = g_object_ref (self);
  data->page_serial = self->page_serial;
  self->update_in_flight = TRUE;
  webkit_web_view_evaluate_javascript (self->web_view, script, -1, NULL, NULL,
                                       self->cancellable, update_done_cb, data);
}

/* The body renders on a thread (cd-preview-render.c), which sends the
 * update when it is done; the update stays in flight until then. */
static void
cd_preview_send_update (CdPreview *self)
{
  g_assert (CD_IS_PREVIEW (self));

  self->update_pending = FALSE;
  /* Without an article the page is emptied. */
  if (self->article == NULL)
    _cd_preview_send_json (self, g_strdup ("{}"));
  else
    _cd_preview_render_start (self);
}

static void
cd_preview_send_scroll (CdPreview *self)
{
  g_autofree char *script = NULL;

  g_assert (CD_IS_PREVIEW (self));

  self->scroll_pending = FALSE;
  g_debug ("Scrolling the preview to body line %u", self->pending_line);
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

  g_assert (GTK_IS_WIDGET (widget));
  g_assert (GDK_IS_FRAME_CLOCK (frame_clock));

  self->tick_id = 0;
  if (!self->loaded || self->update_in_flight)
    return G_SOURCE_REMOVE;

  if (self->update_pending)
    cd_preview_send_update (self);
  /* Scrolling follows the update it may depend on; the page runs both in
   * order. An update still rendering sends the scroll when it is done. */
  if (self->scroll_pending && !self->update_in_flight)
    cd_preview_send_scroll (self);

  return G_SOURCE_REMOVE;
}

/**
 * _cd_preview_schedule:
 *
 * Sends what is pending (an update, a scroll) on the next frame, unless
 * the page is not loaded or still applying the last update; then it goes
 * when the page is ready.
 */
void
_cd_preview_schedule (CdPreview *self)
{
  g_assert (CD_IS_PREVIEW (self));

  if (self->tick_id != 0 || !self->loaded || self->update_in_flight)
    return;

  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), cd_preview_tick_cb,
                                                NULL, NULL);
}
