/* cd-text.c: small judgements and clean-ups on plain UTF-8 text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-text"

#include "config.h"

#include <string.h>

#include "cd-text.h"

/**
 * cd_text_is_blank:
 * @text: (nullable): UTF-8 text
 *
 * Tells whether @text is %NULL, empty or only white space (no-break spaces
 * included) and invisible format characters such as U+200B.
 *
 * Returns: %TRUE when there is nothing but white space
 */
gboolean
cd_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Invisible format characters (zero-width space and joiners, the
       * byte-order mark, a soft hyphen) show nothing either. */
      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        return FALSE;
    }
  return TRUE;
}

/**
 * cd_text_has_char:
 * @text: UTF-8 text
 * @test: a question about one character, such as g_unichar_isupper()
 *
 * Returns: %TRUE when @test holds for some character of @text
 */
gboolean
cd_text_has_char (const char *text,
                  gboolean (*test) (gunichar c))
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (test != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (test (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * cd_text_strip_controls:
 * @text: (nullable): UTF-8 text, as a server sent it
 * @one_line: %TRUE for a field of one line (a headline): each run of line
 *   breaks, tabs and spaces becomes one space, and the ends are trimmed
 *
 * Removes control characters (C0 but tab and newline, DEL, C1), which
 * nobody types into a story and which could drive a terminal or forge a
 * line of output. A carriage return before a newline goes; a lone one
 * becomes a newline.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for %NULL
 */
char *
cd_text_strip_controls (const char *text,
                        gboolean    one_line)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        c = p[1] == '\n' ? 0 : '\n';
      if (c == 0 || (c != '\t' && c != '\n' && (c < 0x20 || (c >= 0x7f && c < 0xa0))))
        continue;
      if (one_line && (c == '\n' || c == '\t' || c == ' '))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_unichar (out, c);
    }
  if (one_line)
    g_strstrip (out->str);
  return g_string_free (out, FALSE);
}

/**
 * cd_strv_equal:
 * @a: (nullable): a list of strings
 * @b: (nullable): another
 *
 * Returns: whether both hold the same strings in the same order; %NULL and
 *   an empty list are equal
 */
gboolean
cd_strv_equal (const char *const *a,
               const char *const *b)
{
  gboolean empty_a = a == NULL || a[0] == NULL;
  gboolean empty_b = b == NULL || b[0] == NULL;

  if (empty_a || empty_b)
    return empty_a == empty_b;
  return g_strv_equal (a, b);
}
