/* cd-check-fields.c: rules over whole fields: headline length and the
 * fields an article needs once it goes to the desk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include <string.h>

#include "cd-check-private.h"

static const char *required_fields[] = { "byline", "dateline", "slug" };

guint
_cd_check_find_field (CdCheckContext *ctx,
                      const char     *name)
{
  g_assert (ctx != NULL);
  g_assert (name != NULL);

  for (guint f = 0; f < ctx->n_fields; f++)
    if (g_str_equal (ctx->fields[f].name, name))
      return f;
  g_assert_not_reached ();
}

static void
check_headline_length (CdCheckContext *ctx)
{
  const CdCheckField *headline = &ctx->fields[_cd_check_find_field (ctx, "headline")];
  glong               length = g_utf8_strlen (headline->text, headline->length);
  const char         *over;

  g_assert (ctx != NULL);

  if (ctx->headline_limit == 0 || length <= (glong) ctx->headline_limit)
    return;
  over = g_utf8_offset_to_pointer (headline->text, ctx->headline_limit);
  _cd_check_add (ctx, _cd_check_find_field (ctx, "headline"), CD_CHECK_RULE_HEADLINE_LENGTH,
                 CD_CHECK_SEVERITY_WARNING, over - headline->text, headline->length, NULL,
                 "The headline has %ld characters; the limit is %u",
                 length, ctx->headline_limit);
}

/* Byline, dateline and slug are needed from "ready for edit" on; a killed
 * story needs nothing. */
static void
check_missing_fields (CdCheckContext *ctx)
{
  CdArticleStatus status = cd_article_get_status (ctx->article);

  g_assert (ctx != NULL);

  if (status == CD_ARTICLE_STATUS_DRAFT || status == CD_ARTICLE_STATUS_KILLED)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (required_fields); i++)
    {
      guint               f = _cd_check_find_field (ctx, required_fields[i]);
      const CdCheckField *field = &ctx->fields[f];

      if (cd_text_is_blank (field->text))
        _cd_check_add (ctx, f, CD_CHECK_RULE_MISSING_FIELD, CD_CHECK_SEVERITY_ERROR,
                       0, field->length, NULL,
                       "The %s is missing; an article marked “%s” needs one",
                       field->name, cd_article_status_to_label (status));
    }
}

void
_cd_check_fields (CdCheckContext *ctx)
{
  check_headline_length (ctx);
  check_missing_fields (ctx);
}
