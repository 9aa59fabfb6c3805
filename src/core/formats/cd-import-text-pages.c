/* cd-import-text-pages.c: text saved from a laid-out document (a PDF
 * release through "Save as text" or pdftotext): its pages end in a form
 * feed, carry their numbers ("Page 1 of 2") and, from the second on, a
 * running head that says again what the first page's letterhead says;
 * the letterhead sets its parts apart with wide runs of spaces ("Lowland
 * Water          NEWS RELEASE"). None of that is the story's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-words.h"

/* The lines of the letterhead whose words a running head repeats. */
#define HEAD_LINES 4

static gboolean
is_page_number (const char *line)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^\\s*(?:(?:page|seite|página|pagina|p\\.)\\s*\\d+(?:\\s*(?:of|/|von|de|di|sur)"
                                            "\\s*\\d+)?|-\\s*\\d+\\s*-|\\d+\\s+of\\s+\\d+)\\s*$",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (regex, line, 0, NULL);
}

/* The words of @line, case-folded, each once. */
static GHashTable *
words_of (const char *line)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) parts = g_regex_split_simple ("[^\\p{L}\\p{N}]+", line, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_hash_table_add (words, g_utf8_casefold (parts[i], -1));
  return words;
}

/* Whether @line, the first of a page after the first, is a running head:
 * short, no sentence, and most of its words in the first page's head
 * (@head's). */
static gboolean
is_running_head (const char *line,
                 GHashTable *head)
{
  g_autoptr (GHashTable) words = words_of (line);
  GHashTableIter iter;
  gpointer       word;
  guint          shared = 0, n = g_hash_table_size (words);
  gsize          length = strlen (line);

  if (n < 2 || cd_count_words (line) > 14 || (length > 0 && strchr (".!?", line[length - 1]) != NULL))
    return FALSE;
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    shared += g_hash_table_contains (head, word);
  return shared * 3 >= n * 2;
}

static gboolean
ends_paragraph (const char *line,
                glong       measure)
{
  gsize length = strlen (line);

  return length > 0 && g_utf8_strlen (line, -1) * 100 < measure * 85 &&
         (strchr (".!?\"", line[length - 1]) != NULL || g_str_has_suffix (line, "”") || g_str_has_suffix (line, "»"));
}

/**
 * _cd_import_unpage_text:
 * @text: (transfer full): plain text
 *
 * When @text holds the pages of a laid-out document (form feeds between
 * them, and their numbers): without the pages' numbers and their running heads, and with
 * the parts of the first page's head set apart by wide spaces on lines
 * of their own.
 *
 * Returns: (transfer full): the text, or @text as it was
 */
char *
_cd_import_unpage_text (char *text)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (GHashTable) head = NULL;
  g_autoptr (GString) out = NULL;
  gboolean page_start = FALSE, first_page = TRUE, seen_blank = FALSE, numbered = FALSE;
  guint    head_lines = 0;
  glong    measure = 0; /* the longest line's characters */

  g_assert (text != NULL);

  if (strchr (text, '\f') == NULL)
    return text;
  lines = g_strsplit (text, "\n", -1);
  /* Pages with their numbers: a wire service's form feed alone ends a
   * message. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      numbered = numbered || is_page_number (lines[i] + strspn (lines[i], "\f"));
      measure = MAX (measure, g_utf8_strlen (lines[i], -1));
    }
  if (!numbered)
    return text;
  head = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      char *feed;

      while ((feed = strchr (line, '\f')) != NULL)
        {
          first_page = FALSE;
          page_start = TRUE;
          line = feed + 1;
        }
      g_strchomp (line);
      if (is_page_number (line))
        continue;
      if (line[strspn (line, " \t")] == '\0')
        {
          seen_blank = TRUE;
          g_string_append_c (out, '\n');
          continue;
        }
      if (page_start)
        {
          page_start = FALSE;
          if (is_running_head (line, head))
            continue;
        }
      if (first_page && head_lines < HEAD_LINES)
        {
          g_autoptr (GHashTable) words = words_of (line);
          /* "Lowland Water          NEWS RELEASE", over the first blank
           * line: a line a part. */
          g_auto (GStrv) parts = g_regex_split_simple (seen_blank ? "\\n" : "\\s{4,}", g_strstrip (line), 0, 0);
          GHashTableIter iter;
          gpointer       word;

          head_lines++;
          g_hash_table_iter_init (&iter, words);
          while (g_hash_table_iter_next (&iter, &word, NULL))
            g_hash_table_add (head, g_strdup (word));
          for (guint k = 0; parts[k] != NULL; k++)
            g_string_append_printf (out, "%s\n", parts[k]);
          continue;
        }
      g_string_append_printf (out, "%s\n", line);
      /* A line that ends a sentence well short of the measure ends its
       * paragraph, which the page sets with no blank line under it. */
      if (ends_paragraph (line, measure))
        g_string_append_c (out, '\n');
    }
  g_free (text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
