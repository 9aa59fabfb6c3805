/* fuzz-html.c: libFuzzer target for cd_import_html().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;

  if (size > 1024 * 1024)
    return 0;
  article = cd_import_html ((const char *) data, size, "fuzz.html", &error);
  fuzz_check_import (article, error, "fuzz.html");
  return 0;
}
