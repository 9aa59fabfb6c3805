/* cd-wp-migrate.c: text blocks in the forms block editors before
 * WordPress 6.1 saved them.
 *
 * Earlier block editors saved a list's items as bare `<li>` elements and a
 * quote's paragraphs as bare `<p>`; the block editor of 6.1 makes each a
 * block of its own (core/list-item, core/paragraph) when it opens such a
 * post, and saves that form. Posts written before then are most of a newsroom's archive,
 * and a correction to one of their lists must not need the block editor.
 *
 * Such a block is read in the form 6.1 gives it, which is made here: the
 * Markdown of that form, when the Markdown writes that form back (by
 * itself or in the block's shape). Untouched, the block keeps its old bytes
 * (the body's units are matched to the post's by their Markdown); edited,
 * it is written in the new form, as the block editor would write it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-migrate"

#include "config.h"

#include <string.h>

#include "cd-wp-content-private.h"

typedef struct
{
  const char *name;  /* the block */
  const char *child; /* its children's element */
  const char *block; /* and the block each becomes */
  gboolean    nests; /* whether lists inside become list blocks */
} OldForm;

static const OldForm old_forms[] = {
  {"core/list",   "li", "list-item", TRUE },
  { "core/quote", "p",  "paragraph", FALSE},
};

static gboolean
tag_is (const char *tag,
        gsize       length,
        const char *expected)
{
  g_assert (tag != NULL && expected != NULL);

  return strlen (expected) == length && memcmp (tag, expected, length) == 0;
}

/* Appends the text of an old-form block (@p to @end) with each bare child
 * element as the block it became, and each list inside as a list block.
 * %FALSE when the text holds block markup already or does not close what
 * it opens. */
static gboolean
append_children_as_blocks (GString       *out,
                           const char    *p,
                           const char    *end,
                           const OldForm *form)
{
  g_autofree char *open = g_strdup_printf ("<%s>", form->child);
  g_autofree char *close = g_strdup_printf ("</%s>", form->child);
  gboolean         after_child = FALSE;
  guint            lists = 0;

  g_assert (out != NULL && p != NULL && end != NULL && form != NULL);

  while (p < end)
    {
      const char *tag_close;
      gsize       n;

      if (*p != '<')
        {
          g_string_append_c (out, *p++);
          after_child = FALSE;
          continue;
        }
      if ((tag_close = _cd_wp_tag_end (p, end)) == NULL || (end - p >= 4 && memcmp (p, "<!--", 4) == 0))
        return FALSE;
      n = tag_close - p;
      if (tag_is (p, n, open))
        g_string_append_printf (out, "%s<!-- wp:%s -->\n", after_child ? "\n\n" : "", form->block);
      else if (form->nests && (tag_is (p, n, "<ul>") || tag_is (p, n, "<ol>")))
        {
          g_string_append (out, p[1] == 'o' ? "<!-- wp:list {\"ordered\":true} -->\n"
                                            : "<!-- wp:list -->\n");
          lists++;
        }
      g_string_append_len (out, p, n);
      after_child = tag_is (p, n, close);
      if (after_child)
        g_string_append_printf (out, "\n<!-- /wp:%s -->", form->block);
      else if (lists > 0 && (tag_is (p, n, "</ul>") || tag_is (p, n, "</ol>")))
        {
          g_string_append (out, "\n<!-- /wp:list -->");
          lists--;
        }
      p = tag_close;
    }
  return lists == 0;
}

/**
 * _cd_wp_migrated_markup:
 * @block: a top-level block of @content
 * @content: the post content
 *
 * Returns: (transfer full) (nullable): @block's markup in the form the
 *   block editor of 6.1 gives it, or %NULL when it is not one of the old
 *   forms
 */
char *
_cd_wp_migrated_markup (const CdWpBlock *block,
                        const char      *content)
{
  const char    *markup = content + block->start;
  gsize          length = block->end - block->start;
  const OldForm *form = NULL;
  JsonObject    *attrs = cd_wp_block_get_attrs (block);
  const char    *tag;
  gsize          start, end;
  GString       *out;

  g_assert (block != NULL && content != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (old_forms) && block->name != NULL; i++)
    if (strcmp (block->name, old_forms[i].name) == 0)
      form = &old_forms[i];
  if (form == NULL || attrs == NULL || block->inner_blocks->len > 0)
    return NULL;
  if (form->nests)
    tag = json_object_get_boolean_member_with_default (attrs, "ordered", FALSE) ? "ol" : "ul";
  else
    tag = "blockquote";
  if (!_cd_wp_find_text (markup, length, block->name, tag, &start, &end))
    return NULL;
  out = g_string_sized_new (length + 128);
  g_string_append_len (out, markup, start);
  if (!append_children_as_blocks (out, markup + start, markup + end, form) ||
      out->len == start + (end - start))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_append_len (out, markup + end, length - end);
  return g_string_free (out, FALSE);
}
