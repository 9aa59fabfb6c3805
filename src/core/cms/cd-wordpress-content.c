/* cd-wordpress-content.c: the post content Copydesk sends.
 *
 * A post is written as block markup (cd_wp_body_to_content()), so that it
 * opens in the block editor as blocks, with the uuid marker
 * (cd-wp-marker.c) in its first block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wordpress"

#include "config.h"

#include "cd-wordpress-private.h"
#include "cd-wp-content.h"

/**
 * cd_wordpress_content_for_article:
 * @article: a #CdArticle
 *
 * The content Copydesk creates a post with: the body as block markup, the
 * marker with the article's uuid in its first block.
 *
 * Returns: (transfer full): the post content
 */
char *
cd_wordpress_content_for_article (CdArticle *article)
{
  const char      *body;
  g_autofree char *content = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  body = cd_article_get_body (article);
  content = cd_wp_body_to_content (body != NULL ? body : "", -1, NULL, 0);
  return cd_wordpress_add_marker (content, cd_article_get_uuid (article));
}
