/* cd-wp-image-private.h: what image blocks (cd-wp-image.c) and a classic
 * post's pictures (cd-wp-classic-image.c) share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CREDIT_OPEN "<span class=\"credit\">"
#define CREDIT_CLOSE "</span>"
#define CAPTION_OPEN "<figcaption class=\"wp-element-caption\">"
#define CAPTION_CLOSE "</figcaption>"

gboolean _cd_wp_image_is_set (const char *text);
void     _cd_wp_image_append_caption (GString    *out,
                                      const char *caption,
                                      const char *credit);
char    *_cd_wp_image_unescape (const char *text,
                                gsize       length);
guint    _cd_wp_image_count_attributes (const char *tag,
                                        const char *tag_end,
                                        const char *name);
guint    _cd_wp_image_count_any_case (const char *haystack,
                                      gsize       length,
                                      const char *needle);
void     _cd_wp_image_split_caption (const char *figcaption,
                                     char      **caption,
                                     char      **credit);
void     _cd_wp_image_append_with_alt (GString    *out,
                                       const char *markup,
                                       gsize       from,
                                       gsize       alt_start,
                                       gsize       alt_end,
                                       gboolean    has_alt,
                                       const char *alt);

/* A classic post's pictures (cd-wp-classic-image.c). */
char    *_cd_wp_image_substitute_classic (const char *markup,
                                          gsize       length,
                                          const char *alt,
                                          const char *caption,
                                          const char *credit);
gboolean _cd_wp_image_classic_words (const char *markup,
                                     gsize       length,
                                     char      **alt,
                                     char      **caption,
                                     char      **credit);

G_END_DECLS
