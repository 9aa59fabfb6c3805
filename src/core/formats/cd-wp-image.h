/* cd-wp-image.h: the body's `image` fences and WordPress image blocks.
 *
 * On the way out each `image` fence whose image the site has becomes a
 * core/image block with the media id and address, the alt text, and the
 * caption and credit in the figcaption, held in a `wordpress` fence so
 * that cd_wp_body_to_content() sends it as it is. In a classic post it
 * becomes the image as the classic editor inserts one instead (an <img>,
 * in a [caption] when it has a caption or credit): one block would turn
 * the whole post into blocks, and WordPress would stop making paragraphs
 * of its text. An image whose block the post already has keeps that
 * block, with the fence's words in it. On the way in a `wordpress` fence
 * holding such a block (whatever its alignment, size or link, when its
 * words read out and put back give its bytes) or such a classic image,
 * for a media item the caller knows, becomes the same `image` fence
 * again; any other stays as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An image on one site. */
typedef struct
{
  const char *image_id; /* the content hash */
  const char *media_id; /* the site's id for it */
  const char *url;      /* where the site serves it */
  guint       width;    /* its size in pixels; 0 when not known */
  guint       height;
} CdWpMedia;

/* Finds an image by @key (an image id on the way out, a media id on the
 * way in); %NULL when the site has none. The result belongs to the
 * caller's table and lives at least as long as the conversion. */
typedef const CdWpMedia *(*CdWpMediaLookup) (const char *key,
                                             gpointer    user_data);

char      *cd_wp_image_block (const char *media_id,
                              const char *url,
                              const char *alt,
                              const char *caption,
                              const char *credit);
char      *cd_wp_image_classic (const CdWpMedia *media,
                                const char      *alt,
                                const char      *caption,
                                const char      *credit);
char      *cd_wp_body_place_images (const char     *body,
                                    gboolean        classic,
                                    const char     *content,
                                    CdWpMediaLookup lookup,
                                    gpointer        user_data);
gboolean   cd_wp_image_block_source (const char *markup,
                                     gssize      length,
                                     char      **media_id,
                                     char      **url);
gboolean   cd_wp_image_classic_source (const char *markup,
                                       gssize      length,
                                       char      **media_id,
                                       char      **url);
char      *cd_wp_body_adopt_images (const char     *body,
                                    CdWpMediaLookup lookup,
                                    gpointer        user_data);
GPtrArray *cd_wp_gallery_images (const char *markup,
                                 gssize      length);

G_END_DECLS
