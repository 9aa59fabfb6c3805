/* cd-import-page-head.c: a document's running heads (Word's and
 * OpenDocument's page heads, RTF's \\header): what a release's template
 * puts on every page, its sender and often its embargo; a reporter's
 * template, the slug. Not the story: they are read for the desk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-document-private.h"
#include "cd-import-private.h"

/* Adds @text, a paragraph of a page head, to @document's page heads: each
 * part between tabs (a head set left, centre and right) a line, once. */
void
_cd_document_add_page_head (CdDocument *document,
                            const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, "\t", -1);

  g_assert (document != NULL && text != NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0' &&
          !g_ptr_array_find_with_equal_func (document->page_heads, parts[i], g_str_equal, NULL))
        g_ptr_array_add (document->page_heads, g_strdup (parts[i]));
    }
}

/**
 * _cd_import_take_page_heads:
 * @article: the article an embargo there goes to
 * @lines: the paragraphs of a document's running heads, their text
 * @notes: where they go
 *
 * What a document's running head says is the desk's, not the readers':
 * a line to the desk there ("Embargoed until 00:01 GMT 10 March 2027",
 * as a release's template puts it on every page) is read as one and
 * sets the embargo; a template's label ("SLUG: TRAMS-EXTENSION") gives
 * its field; the rest (the sender's name, a reporter's) goes to @notes;
 * a page's number (or the word "Page" its field stands by) adds nothing.
 */
void
_cd_import_take_page_heads (CdArticle *article,
                            GPtrArray *lines,
                            GString   *notes)
{
  g_autoptr (GString) rest = g_string_new (NULL);
  g_auto (CdImportLabels) labels = { { NULL } };

  g_assert (CD_IS_ARTICLE (article));
  g_assert (lines != NULL && notes != NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (_cd_import_take_release_line (article, line, notes) ||
          _cd_import_read_label (line, strlen (line), &labels) ||
          g_regex_match_simple ("^(?:page|seite|p\\.|s\\.|página|pagina)?\\s*\\d*\\s*(?:(?:of|/|von|sur|de|di)\\s*\\d*)?$",
                                line, G_REGEX_CASELESS, 0))
        continue;
      g_string_append_printf (rest, "%s%s", rest->len > 0 ? " | " : "", line);
    }
  if (rest->len > 0)
    {
      g_autofree char *note = g_strdup_printf ("The page head: “%s”", rest->str);

      _cd_import_add_note (notes, note);
    }
  _cd_import_apply_labels (article, &labels, notes);
}
