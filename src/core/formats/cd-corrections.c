/* cd-corrections.c: an article's corrections as readers see them.
 *
 * On a live WordPress post the corrections are one group block at the end
 * of the content, marked with the class CD_CORRECTIONS_CLASS: a paragraph
 * a correction, oldest first, each starting with its date. The block is
 * written whole on every update and the one the post had is taken out
 * first, so a post carries it exactly once however often it is updated.
 * The group block is a core block WordPress renders as it is written (its
 * save output is the wrapping div), so the site shows it without a plugin.
 * A classic post gets the same paragraphs in a div of that class instead:
 * one block would make WordPress stop turning its text into paragraphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-corrections"

#include "config.h"

#include <string.h>

#include "cd-corrections.h"
#include "cd-wp-blocks.h"

#define BLOCK_OPENER "<!-- wp:group {\"className\":\"" CD_CORRECTIONS_CLASS "\"} -->"
/* In a classic post, where one block would stop WordPress from making
 * paragraphs of the post's text, the same notes in a plain element. */
#define CLASSIC_OPENER "<div class=\"" CD_CORRECTIONS_CLASS "\">"
#define CLASSIC_CLOSER "</div>"

/**
 * cd_corrections_format_date:
 * @date: a correction's date
 *
 * Returns: (transfer full): the date as readers see it, in the zone it
 *   was written in, "3 December 2026"
 */
char *
cd_corrections_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_format (date, "%-d %B %Y");
}

/* Appends one paragraph per correction to @out, its note escaped for HTML
 * (g_markup_escape_text() escapes what HTML text needs), between @before
 * and @after. */
static void
append_notes (GString    *out,
              CdArticle  *article,
              const char *before,
              const char *after)
{
  g_assert (out != NULL);
  g_assert (CD_IS_ARTICLE (article));
  g_assert (before != NULL && after != NULL);

  for (guint i = 0; i < cd_article_get_n_corrections (article); i++)
    {
      const CdCorrection *correction = cd_article_get_correction (article, i);
      g_autofree char    *date = cd_corrections_format_date (correction->date);
      g_autofree char    *note = g_markup_escape_text (correction->note != NULL ? correction->note : "", -1);

      g_string_append_printf (out, "%s<strong>Correction, %s:</strong> %s%s", before, date, note,
                              after);
    }
}

/**
 * cd_corrections_to_block:
 * @article: an article
 * @classic: whether the post is a classic one (no blocks)
 *
 * Returns: (transfer full) (nullable): the block markup of the article's
 *   corrections for the end of its post, or for a classic post the same
 *   notes in a div; %NULL when it has none
 */
char *
cd_corrections_to_block (CdArticle *article,
                         gboolean   classic)
{
  GString *out;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  if (cd_article_get_n_corrections (article) == 0)
    return NULL;
  if (classic)
    {
      out = g_string_new (CLASSIC_OPENER "\n");
      append_notes (out, article, "<p>", "</p>\n");
      g_string_append (out, CLASSIC_CLOSER);
      return g_string_free (out, FALSE);
    }
  out = g_string_new (BLOCK_OPENER "\n<div class=\"wp-block-group " CD_CORRECTIONS_CLASS "\">");
  append_notes (out, article, "<!-- wp:paragraph -->\n<p>", "</p>\n<!-- /wp:paragraph -->");
  g_string_append (out, "</div>\n<!-- /wp:group -->");
  return g_string_free (out, FALSE);
}

/* Whether @block is a corrections block, by its class. */
static gboolean
is_corrections_block (const CdWpBlock *block)
{
  JsonNode   *member;
  const char *class_name;

  g_assert (block != NULL);

  if (g_strcmp0 (block->name, "core/group") != 0 || block->attrs == NULL ||
      !JSON_NODE_HOLDS_OBJECT (block->attrs))
    return FALSE;
  member = json_object_get_member (json_node_get_object (block->attrs), "className");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return FALSE;
  class_name = json_node_get_string (member);
  return class_name != NULL && strstr (class_name, CD_CORRECTIONS_CLASS) != NULL;
}

/**
 * cd_corrections_take_block:
 * @content: post content, changed in place
 *
 * Removes every corrections block from the top level of @content, and the
 * div that holds them in a classic post, with the white space before it,
 * so the body read from a post never holds it.
 *
 * Returns: (transfer full) (nullable): the last block removed, as it was,
 *   or %NULL when @content had none
 */
char *
cd_corrections_take_block (char *content)
{
  g_autoptr (GPtrArray) blocks = NULL;
  char *taken = NULL;

  g_return_val_if_fail (content != NULL, NULL);

  if (strstr (content, CD_CORRECTIONS_CLASS) == NULL)
    return NULL;
  for (char *at = strstr (content, CLASSIC_OPENER); at != NULL; at = strstr (at, CLASSIC_OPENER))
    {
      char *end = strstr (at, CLASSIC_CLOSER);
      char *start = at;

      if (end == NULL)
        break;
      end += strlen (CLASSIC_CLOSER);
      g_free (taken);
      taken = g_strndup (at, end - at);
      while (start > content && g_ascii_isspace (start[-1]))
        start--;
      memmove (start, end, strlen (end) + 1);
      at = start;
    }
  blocks = cd_wp_blocks_parse (content, strlen (content));
  /* From the last block back, so the spans of those before stay right. */
  for (guint i = blocks->len; i > 0; i--)
    {
      const CdWpBlock *block = g_ptr_array_index (blocks, i - 1);
      gsize            start = block->start;

      if (!is_corrections_block (block))
        continue;
      if (taken == NULL)
        taken = g_strndup (content + block->start, block->end - block->start);
      while (start > 0 && g_ascii_isspace (content[start - 1]))
        start--;
      memmove (content + start, content + block->end, strlen (content + block->end) + 1);
    }
  return taken;
}

/**
 * cd_corrections_to_html:
 * @article: an article
 *
 * Returns: (transfer full) (nullable): an aside with the corrections for
 *   the preview and the HTML export, or %NULL when there are none
 */
char *
cd_corrections_to_html (CdArticle *article)
{
  GString *out;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  if (cd_article_get_n_corrections (article) == 0)
    return NULL;
  out = g_string_new ("<aside class=\"cd-corrections " CD_CORRECTIONS_CLASS
                      "\" data-field=\"corrections\">\n");
  /* Each note carries its full date and its text apart, so that an
   * exported page imports back to the same corrections. */
  for (guint i = 0; i < cd_article_get_n_corrections (article); i++)
    {
      const CdCorrection *correction = cd_article_get_correction (article, i);
      g_autofree char    *date = cd_corrections_format_date (correction->date);
      g_autofree char    *stamp = cd_format_iso8601 (correction->date);
      g_autofree char    *note =
          g_markup_escape_text (correction->note != NULL ? correction->note : "", -1);

      g_string_append_printf (out,
                              "<p class=\"cd-correction\" data-date=\"%s\"><strong>Correction, "
                              "%s:</strong> <span class=\"cd-correction-note\">%s</span></p>\n",
                              stamp, date, note);
    }
  g_string_append (out, "</aside>\n");
  return g_string_free (out, FALSE);
}

/**
 * cd_corrections_to_markdown:
 * @article: an article
 *
 * Returns: (transfer full) (nullable): the corrections as Markdown
 *   paragraphs after a rule, for the Markdown export, or %NULL when there
 *   are none
 */
char *
cd_corrections_to_markdown (CdArticle *article)
{
  GString *out;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  if (cd_article_get_n_corrections (article) == 0)
    return NULL;
  out = g_string_new ("\n\n---\n");
  for (guint i = 0; i < cd_article_get_n_corrections (article); i++)
    {
      const CdCorrection *correction = cd_article_get_correction (article, i);
      g_autofree char    *date = cd_corrections_format_date (correction->date);

      g_string_append_printf (out, "\n**Correction, %s:** %s\n", date,
                              correction->note != NULL ? correction->note : "");
    }
  return g_string_free (out, FALSE);
}

static gboolean
add_correction (CdArticle *article,
                gpointer   user_data,
                GError   **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_assert (CD_IS_ARTICLE (article));
  g_assert (user_data != NULL);

  cd_article_add_correction (article, now, user_data);
  return TRUE;
}

/**
 * cd_corrections_add:
 * @store: the store
 * @uuid: the article
 * @note: what was corrected, as readers will read it
 * @error: return location for an error
 *
 * Appends a correction dated now (in this machine's zone) as a person's
 * edit: a revision and an outbox entry. A live post shows it after its
 * next Update.
 *
 * Returns: %TRUE once saved
 */
gboolean
cd_corrections_add (CdStore    *store,
                    const char *uuid,
                    const char *note,
                    GError    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  text = g_strstrip (g_strdup (note));
  if (cd_text_is_blank (text))
    {
      g_set_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE,
                   "The correction to article %s has no text.", uuid);
      return FALSE;
    }
  return cd_store_edit_article (store, uuid, add_correction, text, error);
}
