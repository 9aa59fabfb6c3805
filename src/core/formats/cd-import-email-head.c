/* cd-import-email-head.c: the head of an emailed story: its subject
 * ("PRESS RELEASE: …" names what it is), the subject written again over
 * the story, a release's head under its line to the desk that the
 * subject gives way to, and the short lines a message sets with line
 * breaks, read as a document's paragraphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-render.h"
#include "cd-words.h"

/* Whether @text holds an even count of "**" (strong emphasis that opens
 * and closes in it). */
static gboolean
balanced (const char *text)
{
  guint count = 0;

  for (const char *p = strstr (text, "**"); p != NULL; p = strstr (p + 2, "**"))
    count++;
  return count % 2 == 0;
}

/* @markdown (consumed) with the lines of its first paragraphs as
 * paragraphs of their own, where each is short: a letterhead, a line to
 * the desk, a byline that a message sets with line breaks ("<br>"), read
 * as a document's paragraphs. The story from its first long paragraph on
 * stays as it is. */
char *
_cd_import_split_head_lines (char *markdown)
{
  g_auto (GStrv) paras = g_strsplit (markdown, "\n\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean head = TRUE;

  for (guint i = 0; paras[i] != NULL; i++)
    {
      g_auto (GStrv) lines = g_strsplit (paras[i], "\\\n", -1);
      gboolean split = head && i < 8 && lines[1] != NULL;

      for (guint k = 0; lines[k] != NULL && split; k++)
        split = cd_count_words (lines[k]) <= 25 && balanced (lines[k]);
      head = head && i < 8 && (split || cd_count_words (paras[i]) <= 25);
      if (out->len > 0)
        g_string_append (out, "\n\n");
      if (split)
        {
          g_autofree char *joined = g_strjoinv ("\n\n", lines);

          g_string_append (out, joined);
        }
      else
        g_string_append (out, paras[i]);
    }
  g_free (markdown);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @subject (consumed) without a release's label before it ("PRESS
 * RELEASE: Council approves barrier"), which goes to @notes. */
char *
_cd_import_take_subject_label (char    *subject,
                               GString *notes)
{
  g_autoptr (GRegex) regex = g_regex_new ("^(?<label>(?:press|news|media)\\s+release|for\\s+immediate\\s+release|"
                                          "press\\s+statement|presse?mitteilung|medienmitteilung|"
                                          "communiqu[ée]\\s+de\\s+presse|comunicado\\s+de\\s+prensa|"
                                          "comunicato\\s+stampa|persbericht)\\s*[:|–—-]\\s*(?<rest>\\S.*)$",
                                          G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *label = NULL;
  char            *rest;

  if (!g_regex_match (regex, subject, 0, &info))
    return subject;
  label = g_match_info_fetch_named (info, "label");
  rest = g_match_info_fetch_named (info, "rest");
  _cd_import_add_note (notes, label);
  g_clear_pointer (&info, g_match_info_free);
  g_free (subject);
  return rest;
}

/* Whether @plain, a message's text, opens with a press release's line to
 * the desk, then a line that reads as a headline (short, not a sentence's
 * end, not the dateline's paragraph). */
gboolean
_cd_import_opens_release (const char *plain)
{
  g_auto (GStrv) lines = g_strsplit (plain, "\n", 12);
  gboolean released = FALSE;

  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      g_autoptr (GMatchInfo) dateline = NULL;
      gsize n = strlen (line);

      if (n == 0)
        continue;
      if (_cd_import_is_release_line (line))
        {
          released = TRUE;
          continue;
        }
      return released && cd_count_words (line) <= 25 && strchr (".,;:", line[n - 1]) == NULL &&
             (dateline = _cd_import_match_dateline (line)) == NULL;
    }
  return FALSE;
}

/* The letters and figures of @text, folded. */
static char *
folded_words (const char *text)
{
  g_autofree char *plain = cd_render_plain_text (text, -1);
  g_autofree char *down = g_utf8_casefold (plain, -1);
  GString         *words = g_string_new (NULL);

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (words, g_utf8_get_char (p));
  return g_string_free (words, FALSE);
}

/* @text (consumed) without its first paragraph where that repeats
 * @subject: the headline a sender wrote again over the story (then
 * @dropped is set, when given). */
char *
_cd_import_drop_repeated_subject (char       *text,
                                  const char *subject,
                                  gboolean   *dropped)
{
  const char      *start = text + strspn (text, " \t\r\n");
  const char      *end = strstr (start, "\n\n");
  g_autofree char *first = g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
  g_autofree char *a = folded_words (first);
  g_autofree char *b = folded_words (subject);
  char            *rest;

  if (end == NULL || *b == '\0' || strcmp (a, b) != 0)
    return text;
  rest = g_strdup (end + 2 + strspn (end + 2, "\n"));
  g_free (text);
  if (dropped != NULL)
    *dropped = TRUE;
  return rest;
}
