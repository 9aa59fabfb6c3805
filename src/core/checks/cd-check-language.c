/* cd-check-language.c: the article's language against its text's. An
 * article marked English whose text reads as German (copy pasted in, a
 * story typed in a newsroom of another language) is spelled in the wrong
 * dictionary: every word would read as a misspelling. The rule says so
 * once and offers the language the text reads as.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"
#include "cd-language.h"
#include "cd-render.h"

/* The start of a long body tells its language as well as all of it. */
#define BODY_SAMPLE 8192

/* Whether the person ignored the finding on the language @language for
 * this article (it is written in it, whatever its words look like): then
 * the other rules check it in that language. */
static gboolean
is_ignored (CdCheckContext *ctx,
            const char     *language)
{
  const char      *uuid = cd_article_get_uuid (ctx->article);
  GHashTable      *ignores;
  g_autofree char *key = NULL;

  if (uuid == NULL || *uuid == '\0' || (ignores = _cd_checker_get_ignores_locked (ctx->checker, uuid)) == NULL)
    return FALSE;
  /* The key the finding would have. */
  {
    CdFinding probe = { .rule = (char *) CD_CHECK_RULE_LANGUAGE, .field = (char *) "language", .text = (char *) language };

    key = cd_finding_get_ignore_key (&probe);
  }
  return g_hash_table_contains (ignores, key);
}

/* Returns whether the text plainly reads as another language than the
 * article's, which it then reports: spelling in the article's would
 * only call every word a misspelling. */
gboolean
_cd_check_language (CdCheckContext *ctx)
{
  const CdCheckField *body = &ctx->fields[_cd_check_find_field (ctx, "body")];
  guint               field = _cd_check_find_field (ctx, "language");
  const char         *sample_end = body->text + MIN (body->length, BODY_SAMPLE);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *plain = NULL;
  g_auto (GStrv) guess = NULL;
  const char *reads_as, *written_in;

  g_assert (ctx != NULL);

  for (guint f = 0; f < ctx->n_fields; f++)
    if (ctx->fields[f].prose && &ctx->fields[f] != body && ctx->fields[f].length > 0)
      g_string_append_printf (text, "%s\n", ctx->fields[f].text);
  if (sample_end < body->text + body->length)
    sample_end = g_utf8_find_prev_char (body->text, sample_end + 1);
  plain = cd_render_plain_text (body->text, sample_end - body->text);
  g_string_append (text, plain);

  guess = cd_language_guess (text->str);
  if (guess == NULL || cd_language_reads_as ((const char *const *) guess, ctx->language) ||
      is_ignored (ctx, ctx->fields[field].text))
    return FALSE;
  reads_as = _cd_check_language_name (guess[0]);
  written_in = _cd_check_language_name (ctx->language);
  _cd_check_add (ctx, field, CD_CHECK_RULE_LANGUAGE, CD_CHECK_SEVERITY_WARNING, 0,
                 ctx->fields[field].length, guess[0],
                 "The text reads as %s (%s), not %s (%s); spelling was not checked",
                 reads_as != NULL ? reads_as : guess[0], guess[0],
                 written_in != NULL ? written_in : ctx->language, ctx->language);
  return TRUE;
}
