/* cd-fence.h: finding the fenced code blocks of a Markdown body, as
 * CommonMark draws them at the top level of the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One closed fence, by byte offsets into the text. */
typedef struct
{
  gsize start;       /* where the opening fence line starts */
  gsize end;         /* where the closing fence line ends, before its line
                      * break (a CR before the newline is not included) */
  gsize info_start;  /* the info string, untrimmed: the rest of the */
  gsize info_end;    /*   opening line after the fence characters */
  gsize inner_start; /* the lines between the fences: from the line after */
  gsize inner_end;   /*   the opening one to the start of the closing one */
} CdFence;

gboolean cd_fence_next (const char *text,
                        gsize      *pos,
                        CdFence    *fence);
gboolean cd_fence_has_info (const char    *text,
                            const CdFence *fence,
                            const char    *info);

G_END_DECLS
