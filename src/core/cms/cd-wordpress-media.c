/* cd-wordpress-media.c: WordPress media items: an image uploaded once per
 * site, found again by its content hash, and read back by its id.
 *
 * An upload is a write whose reply may be lost after the site stored the
 * file, and WordPress has no idempotency key. So every item Copydesk
 * uploads is named after the image's content hash: the file
 * "cd-<first 16 hex>.<ext>", the slug and title "cd-<64 hex>". Before
 * uploading, the caller asks find_media, which looks the slug up and
 * then searches for the hash (the search reads titles, so it also finds
 * an item whose slug someone changed), and only uploads when neither
 * finds the item.
 *
 * The alt text, caption and title go with the upload itself as query
 * parameters, which WordPress's attachments controller reads for a raw
 * upload as for any other, so the item is never seen without them. A site
 * whose media items have a "credit" field (a plugin's REST field) gets
 * the credit there; any other gets it after the caption.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wordpress"

#include "config.h"

#include <string.h>

#include "cd-wordpress-private.h"

#define MEDIA_FIELDS "id,slug,title,source_url,credit"
#define MEDIA_PREFIX "cd-"

static const struct
{
  const char *mime_type;
  const char *extension;
} extensions[] = {
  {"image/jpeg",  "jpg" },
  { "image/png",  "png" },
  { "image/webp", "webp"},
  { "image/gif",  "gif" },
};

static gboolean
is_image_id (const char *id)
{
  if (id == NULL || strlen (id) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (id[i]) || g_ascii_isupper (id[i]))
      return FALSE;
  return TRUE;
}

/* The item's title as text, raw when the reply has it. */
static const char *
media_title (JsonObject *object)
{
  JsonObject *title = _cd_wordpress_member_object (object, "title");

  g_assert (object != NULL);

  if (title != NULL)
    return _cd_wordpress_member_string (title, "raw") ?: _cd_wordpress_member_string (title, "rendered");
  return _cd_wordpress_member_string (object, "title");
}

/* The content hash an item is named after: its slug, or its title when
 * someone renamed the slug. */
static char *
named_image_id (JsonObject *object)
{
  const char *names[2] = { _cd_wordpress_member_string (object, "slug"), media_title (object) };

  g_assert (object != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = NULL;

      if (names[i] == NULL || !g_str_has_prefix (names[i], MEDIA_PREFIX))
        continue;
      id = g_strndup (names[i] + strlen (MEDIA_PREFIX), 64);
      if (is_image_id (id))
        return g_steal_pointer (&id);
    }
  return NULL;
}

static CdRemoteMedia *
media_from_json (CdWordpress *self,
                 JsonNode    *node,
                 const char  *what,
                 GError     **error)
{
  g_autoptr (CdRemoteMedia) media = NULL;
  JsonObject *object;
  gint64      id;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (node != NULL);
  g_assert (what != NULL);

  object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  id = _cd_wordpress_member_int (object, "id");
  if (id <= 0)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "The reply of %s to %s holds no media item.", self->url, what);
      return NULL;
    }
  media = cd_remote_media_new ();
  media->media_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  media->source_url = g_strdup (_cd_wordpress_member_string (object, "source_url"));
  media->image_id = named_image_id (object);
  return g_steal_pointer (&media);
}

/* The first item of a listing that is @image_id's. */
static CdRemoteMedia *
find_in_listing (CdWordpress  *self,
                 const char   *image_id,
                 const char   *name,
                 const char   *value,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr (GString) query = g_string_new (NULL);
  g_autoptr (JsonNode) node = NULL;
  JsonArray *items;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (image_id != NULL && name != NULL && value != NULL);

  _cd_wordpress_query_add (query, name, value);
  _cd_wordpress_query_add (query, "context", "edit");
  _cd_wordpress_query_add (query, "_fields", MEDIA_FIELDS);
  _cd_wordpress_query_add (query, "per_page", "20");
  node = _cd_wordpress_request (self, "GET", "/wp/v2/media", query->str, NULL, CD_HTTP_READ, NULL,
                                NULL, cancellable, error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "The reply of %s to a search of its media is not a list.", self->url);
      return NULL;
    }
  items = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      g_autoptr (CdRemoteMedia) media = media_from_json (self, item, "a search", NULL);

      if (media != NULL && g_strcmp0 (media->image_id, image_id) == 0)
        return g_steal_pointer (&media);
    }
  return NULL;
}

CdRemoteMedia *
_cd_wordpress_find_media (CdCms        *cms,
                          const char   *image_id,
                          GCancellable *cancellable,
                          GError      **error)
{
  CdWordpress     *self = CD_WORDPRESS (cms);
  g_autofree char *slug = g_strconcat (MEDIA_PREFIX, image_id, NULL);
  g_autoptr (GError) local_error = NULL;
  CdRemoteMedia *media;

  g_assert (CD_IS_WORDPRESS (cms));
  g_assert (image_id != NULL);

  media = find_in_listing (self, image_id, "slug", slug, cancellable, &local_error);
  if (media == NULL && local_error == NULL)
    media = find_in_listing (self, image_id, "search", image_id, cancellable, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return media;
}

static char *
media_path (const char *media_id)
{
  g_autofree char *escaped = g_uri_escape_string (media_id, NULL, FALSE);

  g_assert (media_id != NULL);

  return g_strconcat ("/wp/v2/media/", escaped, NULL);
}

CdRemoteMedia *
_cd_wordpress_get_media (CdCms        *cms,
                         const char   *media_id,
                         GCancellable *cancellable,
                         GError      **error)
{
  CdWordpress     *self = CD_WORDPRESS (cms);
  g_autofree char *path = media_path (media_id);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) error_body = NULL;
  g_autoptr (GError) local_error = NULL;

  g_assert (CD_IS_WORDPRESS (cms));

  node = _cd_wordpress_request (self, "GET", path, "context=edit&_fields=" MEDIA_FIELDS, NULL,
                                CD_HTTP_READ, NULL, &error_body, cancellable, &local_error);
  if (node == NULL)
    {
      /* An unknown id is a deleted item: WordPress deletes media for good
       * unless the site keeps a media trash. */
      if (_cd_wordpress_read_found_nothing (local_error, error_body))
        g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE,
                     "Media item %s was deleted on %s.", media_id, self->url);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return media_from_json (self, node, path, error);
}

static const char *
extension_for (const char *mime_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_strcmp0 (extensions[i].mime_type, mime_type) == 0)
      return extensions[i].extension;
  return "bin";
}

/* The caption with the credit after it, for a site without a credit
 * field. */
static char *
caption_with_credit (const char *caption,
                     const char *credit)
{
  gboolean has_caption = caption != NULL && *caption != '\0';
  gboolean has_credit = credit != NULL && *credit != '\0';

  if (has_caption && has_credit)
    return g_strdup_printf ("%s (%s)", caption, credit);
  return g_strdup (has_caption ? caption : has_credit ? credit
                                                      : "");
}

/* A site whose items carry a "credit" field gets the credit there, and
 * the caption without it. The item is stored by now: a failure here is
 * the site's caption showing the credit too, not a lost upload. */
static void
set_credit (CdWordpress         *self,
            const char          *media_id,
            const CdMediaUpload *upload,
            GCancellable        *cancellable)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *path = media_path (media_id);

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (upload != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "caption");
  json_builder_add_string_value (builder, upload->caption != NULL ? upload->caption : "");
  json_builder_set_member_name (builder, "credit");
  json_builder_add_string_value (builder, upload->credit);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  reply = _cd_wordpress_request (self, "POST", path, "_fields=id", body, CD_HTTP_WRITE, NULL, NULL,
                                 cancellable, &local_error);
  if (reply == NULL)
    g_debug ("The credit of media item %s on %s stays in its caption: %s", media_id, self->url,
             local_error->message);
}

CdRemoteMedia *
_cd_wordpress_upload_media (CdCms               *cms,
                            GBytes              *bytes,
                            const CdMediaUpload *upload,
                            GCancellable        *cancellable,
                            GError             **error)
{
  CdWordpress *self = CD_WORDPRESS (cms);
  g_autoptr (GString) query = g_string_new (NULL);
  g_autofree char *name = g_strconcat (MEDIA_PREFIX, upload->image_id, NULL);
  g_autofree char *short_id = g_strndup (upload->image_id, 16);
  g_autofree char *disposition = NULL;
  g_autofree char *caption = caption_with_credit (upload->caption, upload->credit);
  g_autofree char *url = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (CdRemoteMedia) media = NULL;
  g_auto (CdHttpReply) http_reply = { 0 };
  g_autoptr (GError) local_error = NULL;
  g_autofree char *size = g_format_size (g_bytes_get_size (bytes));
  JsonObject      *object;
  const char      *headers[3] = { "Content-Disposition", NULL, NULL };

  g_assert (CD_IS_WORDPRESS (cms));
  g_assert (bytes != NULL && upload != NULL);

  if (!is_image_id (upload->image_id))
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED,
                   "“%s” is not an image id (64 lowercase hex digits).", upload->image_id);
      return NULL;
    }
  disposition = g_strdup_printf ("attachment; filename=\"" MEDIA_PREFIX "%s.%s\"", short_id,
                                 extension_for (upload->mime_type));
  headers[1] = disposition;
  _cd_wordpress_query_add (query, "title", name);
  _cd_wordpress_query_add (query, "slug", name);
  _cd_wordpress_query_add (query, "alt_text", upload->alt != NULL ? upload->alt : "");
  _cd_wordpress_query_add (query, "caption", caption);
  _cd_wordpress_query_add (query, "context", "edit");
  _cd_wordpress_query_add (query, "_fields", MEDIA_FIELDS);
  url = _cd_wordpress_build_url (self, "/wp/v2/media", query->str);

  reply = cd_http_client_request_bytes (self->http, "POST", url, bytes, upload->mime_type,
                                        headers, CD_HTTP_WRITE, &http_reply, cancellable,
                                        &local_error);
  if (reply == NULL)
    {
      /* The address carries the alt text and caption: a refusal is said
       * in the site's words, without it. */
      if (http_reply.status >= 400 && local_error->domain == CD_CMS_ERROR)
        {
          g_autofree char *message = cd_http_error_message (http_reply.error_body);

          g_set_error (error, CD_CMS_ERROR, local_error->code,
                       "%s refused the upload of " MEDIA_PREFIX "%s.%s (%s, %s) with HTTP %u (%s)%s%s",
                       self->url, short_id, extension_for (upload->mime_type), upload->mime_type,
                       size, http_reply.status, soup_status_get_phrase (http_reply.status),
                       message != NULL ? ": " : ".", message != NULL ? message : "");
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* The site has stored the file by now: a reply that cannot be read
   * leaves the item's id unknown, to be found by its name. */
  media = media_from_json (self, reply, "an upload", NULL);
  if (media == NULL)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME,
                   "%s stored the image %s but its reply holds no media item.", self->url,
                   short_id);
      return NULL;
    }
  object = json_node_get_object (reply);
  if (json_object_has_member (object, "credit") && upload->credit != NULL &&
      *upload->credit != '\0')
    set_credit (self, media->media_id, upload, cancellable);
  return g_steal_pointer (&media);
}

GBytes *
_cd_wordpress_download (CdCms        *cms,
                        const char   *url,
                        GCancellable *cancellable,
                        GError      **error)
{
  g_assert (CD_IS_WORDPRESS (cms));
  g_assert (url != NULL);

  if (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_FAILED,
                   "“%s” is not a web address a picture can be read from.", url);
      return NULL;
    }
  return cd_http_client_download (CD_WORDPRESS (cms)->http, url, NULL, cancellable, error);
}
