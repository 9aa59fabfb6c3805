/* cd-image-ref.h: the body's reference to a stored image, an `image`
 * fence of `key: value` lines:
 *
 *   ```image
 *   id: <64 hex digits, the SHA-256 of the image's bytes>
 *   alt: <alt text>
 *   caption: <caption, optional>
 *   credit: <credit, optional>
 *   ```
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *id;      /* as the fence has it; check it with cd_image_id_is_valid() */
  char *alt;     /* NULL when the fence has no alt line */
  char *caption; /* NULL when absent */
  char *credit;  /* NULL when absent */
  gsize start;   /* byte offset where the opening fence line starts */
  gsize end;     /* byte offset where the closing fence line ends, before
                  * its newline: body[start, end) is the whole fence */
} CdImageRef;

void       cd_image_ref_free (CdImageRef *ref);
GPtrArray *cd_image_refs_in_body (const char *body);
char      *cd_image_ref_to_fence (const char *id,
                                  const char *alt,
                                  const char *caption,
                                  const char *credit);

/* The URI scheme the preview serves stored images under:
 * copydesk-image:<id>. */
#define CD_IMAGE_URI_SCHEME "copydesk-image"

char *cd_image_figure_html (const char *id,
                            const char *alt,
                            const char *caption,
                            const char *credit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdImageRef, cd_image_ref_free)

G_END_DECLS
