/* cd-check-images.c: the rules over an article's images: alt text (an
 * image without one cannot be published: a reader who cannot see it is
 * told nothing), the featured image's credit, and images far larger than
 * a news page shows.
 *
 * Images are the body's `image` fences and the featured image when the
 * `image` field holds a stored image's id. Their sizes come from the
 * image source the caller set (cd_checker_set_image_source()); without
 * one, the size rule has nothing to read and finds nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"
#include "cd-image-ref.h"

void
_cd_checker_clear_image_source (CdChecker *self)
{
  g_assert (CD_IS_CHECKER (self));

  if (self->image_source_destroy != NULL && self->image_source.user_data != NULL)
    self->image_source_destroy (self->image_source.user_data);
  memset (&self->image_source, 0, sizeof self->image_source);
  self->image_source_destroy = NULL;
}

/**
 * cd_checker_set_image_source:
 * @source: (nullable): where stored images' sizes come from; copied
 * @destroy: (nullable): called on @source's user_data when the checker
 *   lets it go (another source, or the checker's end)
 *
 * Lets the image rules read stored images' dimensions and sizes. A run
 * calls @source's lookup from its own thread, so it must be thread-safe,
 * as the store's (cd_store_get_image_source()) is.
 */
void
cd_checker_set_image_source (CdChecker           *self,
                             const CdImageSource *source,
                             GDestroyNotify       destroy)
{
  g_return_if_fail (CD_IS_CHECKER (self));

  g_mutex_lock (&self->lock);
  _cd_checker_clear_image_source (self);
  if (source != NULL)
    {
      self->image_source = *source;
      self->image_source_destroy = destroy;
    }
  g_mutex_unlock (&self->lock);
}

/**
 * cd_checker_set_store_images:
 * @store: (nullable): the store the checked articles' images are in
 *
 * cd_checker_set_image_source() with @store's images; the checker keeps
 * a reference to @store. %NULL takes the source away.
 */
void
cd_checker_set_store_images (CdChecker *self,
                             CdStore   *store)
{
  CdImageSource source;

  g_return_if_fail (CD_IS_CHECKER (self));
  g_return_if_fail (store == NULL || CD_IS_STORE (store));

  if (store == NULL)
    {
      cd_checker_set_image_source (self, NULL, NULL);
      return;
    }
  cd_store_get_image_source (store, &source);
  source.user_data = g_object_ref (store);
  cd_checker_set_image_source (self, &source, g_object_unref);
}

/* Reports an image far larger than a page shows, at [start, end) of
 * @field, with its size and what to do. */
static void
check_size (CdCheckContext *ctx,
            guint           field,
            gsize           start,
            gsize           end,
            const char     *id,
            const char     *what)
{
  g_autoptr (CdImageInfo) info = NULL;
  g_autofree char *bytes = NULL;
  guint            width, height;
  guint64          size;

  g_assert (ctx != NULL);
  g_assert (what != NULL);

  if ((info = cd_image_source_lookup (ctx->images, id)) == NULL)
    return;
  width = cd_image_info_get_width (info);
  height = cd_image_info_get_height (info);
  size = cd_image_info_get_size (info);
  if (MAX (width, height) <= CD_CHECK_IMAGE_MAX_SIDE && size <= CD_CHECK_IMAGE_MAX_BYTES)
    return;
  bytes = g_format_size (size);
  _cd_check_add (ctx, field, CD_CHECK_RULE_IMAGE_SIZE, CD_CHECK_SEVERITY_WARNING, start, end, NULL,
                 "%s is %u × %u pixels and %s, far more than a page shows; save it at most "
                 "%u pixels on its longer side and under %u MB, and place that instead",
                 what, width, height, bytes, CD_CHECK_IMAGE_MAX_SIDE,
                 CD_CHECK_IMAGE_MAX_BYTES / (1024 * 1024));
}

static void
check_body_images (CdCheckContext *ctx)
{
  guint               body = _cd_check_find_field (ctx, "body");
  const CdCheckField *field = &ctx->fields[body];
  g_autoptr (GPtrArray) refs = cd_image_refs_in_body (field->text);

  g_assert (ctx != NULL);

  for (guint i = 0; i < refs->len; i++)
    {
      const CdImageRef *ref = g_ptr_array_index (refs, i);

      if (ref->end > field->length)
        continue;
      if (ref->alt == NULL || cd_text_is_blank (ref->alt))
        _cd_check_add (ctx, body, CD_CHECK_RULE_IMAGE_ALT, CD_CHECK_SEVERITY_ERROR, ref->start,
                       ref->end, NULL,
                       "An image in the body has no alt text; describe what it shows for "
                       "readers who cannot see it before publishing");
      check_size (ctx, body, ref->start, ref->end, ref->id, "An image in the body");
    }
}

static void
check_featured_image (CdCheckContext *ctx)
{
  guint               image = _cd_check_find_field (ctx, "image");
  guint               alt = _cd_check_find_field (ctx, "image_alt");
  guint               credit = _cd_check_find_field (ctx, "image_credit");
  const CdCheckField *id = &ctx->fields[image];

  g_assert (ctx != NULL);

  /* A path or URL brought by an import is not a stored image; these
   * rules are about the pictures Copydesk keeps. */
  if (!cd_image_id_is_valid (id->text))
    return;
  if (cd_text_is_blank (ctx->fields[alt].text))
    _cd_check_add (ctx, alt, CD_CHECK_RULE_IMAGE_ALT, CD_CHECK_SEVERITY_ERROR, 0,
                   ctx->fields[alt].length, NULL,
                   "The featured image has no alt text; describe what it shows for readers "
                   "who cannot see it before publishing");
  if (cd_text_is_blank (ctx->fields[credit].text))
    _cd_check_add (ctx, credit, CD_CHECK_RULE_IMAGE_CREDIT, CD_CHECK_SEVERITY_WARNING, 0,
                   ctx->fields[credit].length, NULL,
                   "The featured image has no credit; name the photographer or agency");
  check_size (ctx, image, 0, id->length, id->text, "The featured image");
}

void
_cd_check_images (CdCheckContext *ctx)
{
  g_assert (ctx != NULL);

  check_body_images (ctx);
  check_featured_image (ctx);
}
