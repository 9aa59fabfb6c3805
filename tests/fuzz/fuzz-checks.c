/* fuzz-checks.c: libFuzzer target for the checks, which run on every pause
 * in typing over whatever the person has typed or imported.
 *
 * The first byte of the input picks the article's language; the rest is
 * the headline, the dek, the body and the caption, parted by 0x1F bytes,
 * made valid UTF-8. Every finding must name a field the article has, lie
 * within it on character offsets, quote the text it covers, and be
 * readable; a suggestion applied must leave valid UTF-8. Any other outcome
 * aborts, which libFuzzer reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cd-article.h"
#include "cd-check.h"

/* Languages whose rules differ: their quotation marks, typography,
 * dictionaries (English and German are installed with Copydesk), words a
 * language repeats; "xx" has none of its own. */
static const char *const languages[] = {
  "en-US",
  "en-GB",
  "en",
  "de-DE",
  "de-CH",
  "fr-FR",
  "es",
  "it",
  "pt-BR",
  "nl",
  "sv",
  "fi",
  "da",
  "nb",
  "pl",
  "cs",
  "ru",
  "hu",
  "xx",
};

static const char *
field_text (CdArticle  *article,
            const char *field)
{
  if (g_str_equal (field, "headline"))
    return cd_article_get_headline (article);
  if (g_str_equal (field, "dek"))
    return cd_article_get_dek (article);
  if (g_str_equal (field, "body"))
    return cd_article_get_body (article);
  if (g_str_equal (field, "image_caption"))
    return cd_article_get_image_caption (article);
  if (g_str_equal (field, "byline"))
    return cd_article_get_byline (article);
  if (g_str_equal (field, "dateline"))
    return cd_article_get_dateline (article);
  if (g_str_equal (field, "language"))
    return cd_article_get_language (article);
  return NULL;
}

static void
check_finding (CdArticle       *article,
               const CdFinding *finding)
{
  const char      *text = field_text (article, finding->field);
  glong            length;
  const char      *start, *end;
  g_autofree char *covered = NULL;
  g_autoptr (GString) applied = NULL;

  if (!g_utf8_validate (finding->message, -1, NULL) || finding->rule == NULL ||
      (finding->suggestion != NULL && !g_utf8_validate (finding->suggestion, -1, NULL)))
    abort ();
  /* A notice about the whole article (no dictionary, a field left empty)
   * covers nothing. */
  if (finding->start == finding->end && (text == NULL || *finding->text == '\0'))
    return;
  if (text == NULL)
    {
      /* The fields this target does not fill are empty: nothing in them
       * can be found but their absence. */
      if (finding->start != 0 || finding->end != 0)
        abort ();
      return;
    }
  length = g_utf8_strlen (text, -1);
  if (finding->start > finding->end || (glong) finding->end > length)
    abort ();
  start = g_utf8_offset_to_pointer (text, finding->start);
  end = g_utf8_offset_to_pointer (text, finding->end);
  covered = g_strndup (start, end - start);
  if (!g_str_equal (covered, finding->text))
    abort ();
  if (finding->suggestion != NULL)
    {
      applied = g_string_new_len (text, start - text);
      g_string_append (applied, finding->suggestion);
      g_string_append (applied, end);
      if (!g_utf8_validate (applied->str, applied->len, NULL))
        abort ();
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static CdChecker *checker;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *valid = NULL;
  g_auto (GStrv) parts = NULL;

  /* The rules read text a few kilobytes at a time as well as they read a
   * whole article; every misspelt word costs a dictionary's suggestion,
   * so longer inputs would only slow the fuzzer. */
  if (size < 1 || size > 4096)
    return 0;
  if (checker == NULL)
    checker = cd_checker_new ();

  valid = g_utf8_make_valid ((const char *) data + 1, size - 1);
  parts = g_strsplit (valid, "\x1f", 4);
  article = cd_article_new ();
  cd_article_set_language (article, languages[data[0] % G_N_ELEMENTS (languages)]);
  cd_article_set_headline (article, parts[0] != NULL ? parts[0] : "");
  if (parts[0] != NULL && parts[1] != NULL)
    {
      cd_article_set_dek (article, parts[1]);
      if (parts[2] != NULL)
        {
          cd_article_set_body (article, parts[2]);
          if (parts[3] != NULL)
            cd_article_set_image_caption (article, parts[3]);
        }
    }

  findings = cd_checker_run (checker, article);
  for (guint i = 0; i < findings->len; i++)
    check_finding (article, g_ptr_array_index (findings, i));
  return 0;
}
