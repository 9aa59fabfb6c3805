/* cd-words.c: counting the words of an article as a reader reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-fence.h"
#include "cd-words.h"

/* Whether the ASCII punctuation at @p, after a letter or digit, keeps a
 * word together: an apostrophe, hyphen or full stop before a letter or
 * digit of any script ("don't", "l'Élysée", "well-known", "U.S.", "p.m.",
 * "т.е.", "9.40"), a comma or colon
 * between two digits ("1,204", "3:15"), as a reader and the newsroom's
 * other tools count them. */
static gboolean
joins_word (const char *p,
            const char *text)
{
  g_assert (p != NULL && text != NULL);

  if (!g_unichar_isalnum (g_utf8_get_char (p + 1)))
    return FALSE;
  if (*p == '\'' || *p == '-' || *p == '.')
    return TRUE;
  return (*p == ',' || *p == ':') && p > text && g_ascii_isdigit (p[-1]) &&
         g_ascii_isdigit (p[1]);
}

/* Letters and digits make words; some punctuation between two of them
 * keeps the word together (joins_word()). */
guint
cd_count_words (const char *text)
{
  guint    count = 0;
  gboolean in_word = FALSE;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isalnum (*p))
            {
              if (!in_word)
                count++;
              in_word = TRUE;
            }
          else if (in_word && joins_word (p, text))
            continue;
          else
            in_word = FALSE;
        }
      else if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (!in_word)
            count++;
          in_word = TRUE;
        }
      else if (in_word && c == 0x2019)
        continue;
      else
        in_word = FALSE;
    }
  return count;
}

/* What a reader reads of a block kept as WordPress wrote it: its markup
 * without block comments, tags, and the content of scripts and styles; a
 * character reference for a letter stays in its word, one for anything
 * else ("&amp;", "&nbsp;", "&#8211;") parts words as a space does. */
static void
append_markup_text (GString    *out,
                    const char *markup,
                    gsize       length)
{
  const char *p = markup, *end = markup + length;

  g_assert (out != NULL && markup != NULL);

  while (p < end)
    {
      const char *stop;

      if (*p == '&')
        {
          static const char *const spacing[] = { "amp", "lt", "gt", "quot", "apos", "nbsp", NULL };
          const char              *q = p + 1;
          gboolean                 letter;

          if (q < end && *q == '#')
            {
              q++;
              while (q < end && (g_ascii_isxdigit (*q) || *q == 'x' || *q == 'X'))
                q++;
            }
          else
            while (q < end && g_ascii_isalnum (*q))
              q++;
          if (q >= end || *q != ';' || q == p + 1)
            {
              /* A bare ampersand. */
              g_string_append_c (out, *p++);
              continue;
            }
          letter = p[1] != '#';
          for (guint i = 0; letter && spacing[i] != NULL; i++)
            if (strlen (spacing[i]) == (gsize) (q - p - 1) && strncmp (p + 1, spacing[i], q - p - 1) == 0)
              letter = FALSE;
          /* A letter stays in its word, whatever letter it is. */
          g_string_append_c (out, letter ? 'x' : ' ');
          p = q + 1;
          continue;
        }
      if (*p != '<')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (end - p >= 4 && strncmp (p, "<!--", 4) == 0)
        stop = g_strstr_len (p + 4, end - p - 4, "-->");
      else if (g_ascii_strncasecmp (p, "<script", MIN ((gsize) (end - p), 7)) == 0)
        stop = g_strstr_len (p, end - p, "</script>");
      else if (g_ascii_strncasecmp (p, "<style", MIN ((gsize) (end - p), 6)) == 0)
        stop = g_strstr_len (p, end - p, "</style>");
      else
        stop = memchr (p, '>', end - p);
      if (stop == NULL)
        break;
      g_string_append_c (out, ' ');
      p = (const char *) memchr (stop, '>', end - stop) + 1;
    }
}

/**
 * cd_count_body_words:
 * @body: (nullable): an article's body, Markdown
 *
 * cd_count_words() over the words a reader reads: an `image` fence (a
 * picture, its alt text, caption and credit) counts no words, so that
 * placing a photo does not change the story's length; a `wordpress` fence
 * (a block kept as WordPress wrote it) counts the words of its text, not
 * of its markup.
 *
 * Returns: the number of words
 */
guint
cd_count_body_words (const char *body)
{
  g_autoptr (GString) text = NULL;
  gsize   pos = 0, copied = 0;
  CdFence fence;

  if (body == NULL)
    return 0;
  while (cd_fence_next (body, &pos, &fence))
    {
      gboolean image = cd_fence_has_info (body, &fence, "image");

      if (!image && !cd_fence_has_info (body, &fence, "wordpress"))
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      g_string_append_len (text, body + copied, fence.start - copied);
      g_string_append_c (text, '\n');
      if (!image)
        append_markup_text (text, body + fence.inner_start, fence.inner_end - fence.inner_start);
      g_string_append_c (text, '\n');
      copied = fence.end;
    }
  if (text == NULL)
    return cd_count_words (body);
  g_string_append (text, body + copied);
  return cd_count_words (text->str);
}
