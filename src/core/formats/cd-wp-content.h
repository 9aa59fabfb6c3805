/* cd-wp-content.h: WordPress post content and the article body.
 *
 * The body is Markdown. A block post becomes a sequence of units: text
 * blocks WordPress core makes, as Markdown a person edits, and every other
 * block as a fence with the info string "wordpress" that holds its markup
 * byte for byte. Back on the way out, what nobody changed keeps its bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cd-wp-label.h"

G_BEGIN_DECLS

typedef enum
{
  CD_WP_UNIT_TEXT,  /* Markdown a person edits */
  CD_WP_UNIT_BLOCK, /* a fence holding block markup, kept exactly */
} CdWpUnitKind;

/**
 * CdWpUnit:
 * @kind: text or opaque block
 * @start: where the unit starts in the body (byte offset)
 * @end: where it ends: after its last character, before the line break
 * @markup_start: for a block, where its markup starts inside the fence
 * @markup_end: and where it ends; for text both equal @start and @end
 *
 * One top-level unit of a body, as cd_wp_body_split() finds it.
 */
typedef struct
{
  CdWpUnitKind kind;
  gsize        start;
  gsize        end;
  gsize        markup_start;
  gsize        markup_end;
} CdWpUnit;

GArray  *cd_wp_body_split (const char *body,
                           gssize      length);
char    *cd_wp_content_to_body (const char *content,
                                gssize      length);
char    *cd_wp_body_to_content (const char *body,
                                gssize      length,
                                const char *base,
                                gssize      base_length);
gboolean cd_wp_content_is_classic (const char *content,
                                   gssize      length);
char    *cd_wp_fence (const char *markup,
                      gssize      length);

G_END_DECLS
