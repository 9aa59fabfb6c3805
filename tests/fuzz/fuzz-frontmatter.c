/* fuzz-frontmatter.c: libFuzzer target for the YAML front-matter parser,
 * fed directly (without the importer's UTF-8 and NUL checks), with a
 * format-and-parse round trip on success.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cd-article.h"
#include "cd-frontmatter.h"
#include "cd-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdArticle) again = NULL;
  g_autofree char *front = NULL;
  gsize            body_offset = 0, again_offset = 0;

  if (size > 1024 * 1024)
    return 0;
  article = cd_article_new ();
  if (!cd_front_matter_parse ((const char *) data, size, "fuzz.md", article, &body_offset, &error))
    {
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz.md: ") || body_offset != 0)
        abort ();
      return 0;
    }
  if (error != NULL || body_offset > size)
    abort ();

  front = cd_front_matter_format (article);
  again = cd_article_new ();
  if (!cd_front_matter_parse (front, strlen (front), "again.md", again, &again_offset, &error))
    {
      g_printerr ("Formatted front matter does not parse: %s\n%s\n", error->message, front);
      abort ();
    }
  if (again_offset != strlen (front))
    abort ();
  /* The body is not part of the front matter; created and modified are
   * written from the first parse, so everything must match. */
  cd_article_set_body (article, NULL);
  if (!cd_article_equal (article, again))
    {
      g_autofree char *other = cd_front_matter_format (again);
      g_printerr ("Front matter changed in a round trip:\n%s\n--- became ---\n%s\n", front, other);
      abort ();
    }
  return 0;
}
