/* fuzz-common.h: what every fuzz target checks about an imported article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cd-export.h"
#include "cd-import.h"
#include "cd-render.h"

/* An importer either gives an article or an error that starts with the
 * file name; an article renders, and its Markdown export imports back to
 * an equal article. Any other outcome aborts, which libFuzzer reports. */
static inline void
fuzz_check_import (CdArticle  *article,
                   GError     *error,
                   const char *origin)
{
  g_autofree char *html = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *ninjs = NULL;
  g_autoptr (GError) again_error = NULL;
  g_autoptr (CdArticle) again = NULL;

  if (article == NULL)
    {
      if (error == NULL || !g_str_has_prefix (error->message, origin) ||
          !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return;
    }
  if (error != NULL)
    abort ();

  html = cd_render_article (article, CD_RENDER_SOURCEPOS);
  if (!g_utf8_validate (html, -1, NULL))
    abort ();
  ninjs = cd_export_article (article, CD_EXPORT_FORMAT_NINJS);
  markdown = cd_export_markdown (article);
  again = cd_import_data (markdown, strlen (markdown), CD_IMPORT_FORMAT_MARKDOWN,
                          "again.md", &again_error);
  if (again == NULL || !cd_article_equal (article, again))
    {
      g_printerr ("Round trip failed (%s):\n%s\n", again_error ? again_error->message : "differs",
                  markdown);
      abort ();
    }
}

/* Defines the libFuzzer entry point for the importer of one format: every
 * story of the input (a feed's entries, a news message's items) is
 * checked. Inputs over 1 MiB are skipped: size limits are
 * cd_import_file()'s business, not the parser's. */
#define FUZZ_IMPORTER(format, origin)                                                  \
  int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);                       \
                                                                                       \
  int                                                                                  \
  LLVMFuzzerTestOneInput (const uint8_t *data,                                         \
                          size_t         size)                                         \
  {                                                                                    \
    g_autoptr (GError) error = NULL;                                                   \
    g_autoptr (GPtrArray) articles = NULL;                                             \
                                                                                       \
    if (size > 1024 * 1024)                                                            \
      return 0;                                                                        \
    articles = cd_import_data_all ((const char *) data, size, format, origin, &error); \
    if (articles != NULL && articles->len == 0)                                        \
      abort ();                                                                        \
    for (guint i = 0; articles != NULL && i < articles->len; i++)                      \
      fuzz_check_import (g_ptr_array_index (articles, i), error, origin);              \
    if (articles == NULL)                                                              \
      fuzz_check_import (NULL, error, origin);                                         \
    return 0;                                                                          \
  }
