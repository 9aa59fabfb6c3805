/* cd-export-images.c: the images of an export. The HTML page carries them
 * as data: URIs, so that it shows them anywhere; ninjs carries them as
 * associations with renditions. The bytes and sizes come from a
 * CdImageSource the caller gives, so that an export never opens a store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-export"

#include "config.h"

#include <string.h>

#include "cd-export-private.h"
#include "cd-image-ref.h"

#define SRC_PREFIX "src=\"" CD_IMAGE_URI_SCHEME ":"

/* The image as a data: URI, or %NULL when @images lacks it. */
static char *
data_uri (const CdImageSource *images,
          const char          *id)
{
  g_autoptr (CdImageInfo) info = cd_image_source_lookup (images, id);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *base64 = NULL;
  gsize            size;
  const guint8    *data;

  if (info == NULL || (bytes = cd_image_source_load (images, id)) == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  base64 = g_base64_encode (data, size);
  return g_strdup_printf ("data:%s;base64,%s", cd_image_info_get_mime_type (info), base64);
}

static char *
association_uri (const char *id)
{
  return g_strconcat ("urn:copydesk:image:", id, NULL);
}

char *
_cd_export_resolve_image_uris (const char          *html,
                               const CdImageSource *images,
                               gboolean             urn)
{
  GString    *out;
  const char *p, *found;

  g_assert (html != NULL);

  out = g_string_sized_new (strlen (html));
  for (p = html; (found = strstr (p, SRC_PREFIX)) != NULL;)
    {
      const char      *id_start = found + strlen (SRC_PREFIX);
      g_autofree char *id = g_strndup (id_start, 64);
      g_autofree char *uri = NULL;

      g_string_append_len (out, p, id_start - p);
      p = id_start;
      if (strlen (id) < 64 || id_start[64] != '"' || !cd_image_id_is_valid (id))
        continue;
      uri = urn ? association_uri (id) : data_uri (images, id);
      if (uri == NULL)
        continue;
      /* Take back the scheme already copied and write the new URI. */
      g_string_truncate (out, out->len - strlen (CD_IMAGE_URI_SCHEME ":"));
      g_string_append (out, uri);
      p = id_start + 64;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

/* One association: a ninjs picture item. ninjs has no alt text field;
 * like Superdesk, it goes into body_text, the caption into
 * description_text and the credit into byline. */
static void
add_association (JsonBuilder         *builder,
                 const char          *name,
                 const char          *id,
                 const char          *alt,
                 const char          *caption,
                 const char          *credit,
                 const CdImageSource *images)
{
  g_autoptr (CdImageInfo) info = cd_image_source_lookup (images, id);
  g_autofree char *uri = association_uri (id);
  g_autofree char *href = NULL;

  g_assert (JSON_IS_BUILDER (builder));
  g_assert (name != NULL && id != NULL);

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  _cd_export_add_string (builder, "uri", uri);
  _cd_export_add_string (builder, "type", "picture");
  _cd_export_add_string (builder, "body_text", alt);
  _cd_export_add_string (builder, "description_text", caption);
  _cd_export_add_string (builder, "byline", credit);
  if (info != NULL && (href = data_uri (images, id)) != NULL)
    {
      json_builder_set_member_name (builder, "renditions");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "original");
      json_builder_begin_object (builder);
      _cd_export_add_string (builder, "href", href);
      _cd_export_add_string (builder, "mimetype", cd_image_info_get_mime_type (info));
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, cd_image_info_get_width (info));
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, cd_image_info_get_height (info));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

void
_cd_export_add_associations (JsonBuilder         *builder,
                             CdArticle           *article,
                             const CdImageSource *images)
{
  g_autoptr (GPtrArray) refs = NULL;
  const char *featured;
  guint       n = 0;

  g_assert (JSON_IS_BUILDER (builder));
  g_assert (CD_IS_ARTICLE (article));

  featured = cd_article_get_image (article);
  refs = cd_image_refs_in_body (cd_article_get_body (article));
  for (guint i = 0; i < refs->len; i++)
    {
      CdImageRef *ref = g_ptr_array_index (refs, i);

      if (ref->id != NULL && cd_image_id_is_valid (ref->id))
        n++;
    }
  if (!cd_image_id_is_valid (featured) && n == 0)
    return;

  json_builder_set_member_name (builder, "associations");
  json_builder_begin_object (builder);
  /* Superdesk's name for the main picture. */
  if (cd_image_id_is_valid (featured))
    add_association (builder, "featuremedia", featured, cd_article_get_image_alt (article),
                     cd_article_get_image_caption (article),
                     cd_article_get_image_credit (article), images);
  n = 0;
  for (guint i = 0; i < refs->len; i++)
    {
      CdImageRef      *ref = g_ptr_array_index (refs, i);
      g_autofree char *name = NULL;

      if (ref->id == NULL || !cd_image_id_is_valid (ref->id))
        continue;
      name = g_strdup_printf ("editor_%u", n++);
      add_association (builder, name, ref->id, ref->alt, ref->caption, ref->credit, images);
    }
  json_builder_end_object (builder);
}
