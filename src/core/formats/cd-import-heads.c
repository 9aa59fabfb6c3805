/* cd-import-heads.c: the head of an agency story: the transmission
 * label and the topic before its headline, and a standfirst that only
 * repeats the headline or the story's first words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-import.h"

/* Whether @topic, a word before the headline, is one of the words of the
 * item's slug line: "PRECIOUS" of "GLOBAL-PRECIOUS/ (UPDATE 1)", "Soccer"
 * of "SOCCER-ENGLAND/CHELSEA-BENITEZ". */
static gboolean
is_slug_word (const char *topic,
              const char *slug)
{
  g_autofree char *folded = g_utf8_casefold (topic, -1);
  g_autofree char *slug_folded = g_utf8_casefold (slug, -1);
  g_auto (GStrv) words = g_regex_split_simple ("[-/ ()]+", slug_folded, 0, 0);

  for (guint i = 0; words[i] != NULL; i++)
    if (strcmp (words[i], folded) == 0)
      return TRUE;
  return FALSE;
}

/* The length of the topic before @headline that leaves it for the note:
 * a word of the slug line and a hyphen, as Reuters writes it ("PRECIOUS-
 * Gold rises …"), or a code in capitals and a colon, as AAP does
 * ("RL:Ferguson returns", "ASIA:Samsung sells"), each right before the
 * headline's first capital; else 0. "US-China trade talks" keeps its
 * words unless the slug line names the topic "US" (and not "US-China"). */
static gsize
topic_length (const char *headline,
              const char *slug)
{
  gsize n = 0;

  while (g_ascii_isalpha (headline[n]) || (n > 0 && headline[n] == ' '))
    n++;
  if (n < 2 || n > 20 || (headline[n] != ':' && headline[n] != '-') ||
      !g_unichar_isupper (g_utf8_get_char (headline + n + 1)))
    return 0;
  if (headline[n] == ':' && n <= 12)
    {
      for (gsize i = 0; i < n; i++)
        if (!g_ascii_isupper (headline[i]))
          return 0;
      return n + 1;
    }
  if (headline[n] == '-' && slug != NULL)
    {
      g_autofree char *topic = g_strndup (headline, n);
      gsize            word = strcspn (headline + n + 1, " -,;:");
      g_autofree char *compound = g_utf8_casefold (headline, n + 1 + word);
      g_autofree char *slug_folded = g_utf8_casefold (slug, -1);

      /* "Coca-Cola profits rise" under "COCA-COLA-RESULTS/" is a name
       * the slug line spells too, not a topic. */
      if (is_slug_word (topic, slug) && strstr (slug_folded, compound) == NULL)
        return n + 1;
    }
  return 0;
}

/* A transmission label before the headline ("UPDATE 2-Primeira Liga
 * Results", "CORRECTED-S. Illinois battles flooding", as Reuters heads its
 * items), and the agency's topic after it (see topic_length(); @slug is
 * the item's slug line, if any), leave it for @notes. */
void
_cd_import_take_headline_label (CdArticle  *article,
                                const char *slug,
                                GString    *notes)
{
  g_autofree char *headline = g_strdup (cd_article_get_headline (article));
  g_autoptr (GMatchInfo) info = NULL;
  const char *rest;
  gsize       topic;

  g_assert (CD_IS_ARTICLE (article) && notes != NULL);

  if (headline == NULL)
    return;
  rest = headline;
  if (g_regex_match (_cd_import_wire_regex (RE_HEADLINE_LABEL), headline, 0, &info))
    {
      g_autofree char *label = g_match_info_fetch_named (info, "label");
      int              start = 0;

      g_match_info_fetch_named_pos (info, "rest", &start, NULL);
      _cd_import_add_note (notes, label);
      rest = headline + start;
    }
  if ((topic = topic_length (rest, slug)) > 0)
    {
      g_autofree char *named = g_strndup (rest, topic - 1);

      _cd_import_add_note (notes, named);
      rest += topic;
    }
  /* The label after the headline, in brackets: "… at 9 percent (UPDATE
   * 2)". */
  {
    g_autoptr (GMatchInfo) after = NULL;
    int at = -1;

    if (g_regex_match (_cd_import_wire_regex (RE_HEADLINE_LABEL_AFTER), rest, 0, &after) &&
        g_match_info_fetch_pos (after, 0, &at, NULL) && at > 0)
      {
        g_autofree char *label = g_match_info_fetch_named (after, "label");
        g_autofree char *before = g_strndup (rest, at);

        _cd_import_add_note (notes, label);
        cd_article_set_headline (article, g_strchomp (before));
        return;
      }
  }
  if (rest != headline)
    cd_article_set_headline (article, rest);
}

/* Whether @text opens with @start, whole words of it. */
static gboolean
opens_with_words (const char *text,
                  const char *start)
{
  gsize n = strlen (start);

  while (n > 0 && g_ascii_isspace (start[n - 1]))
    n--;
  return n > 0 && strncmp (text, start, n) == 0 &&
         !g_unichar_isalnum (g_utf8_get_char (text + n));
}

/* A standfirst that only repeats the headline, or repeats it after the
 * agency's slug ("SOCCER-ENGLAND/CHELSEA-BENITEZ:Soccer-Smiling Benitez
 * pleads …", as Reuters' caption of a story gives it), is none; nor is
 * one that repeats the opening words of @markdown, the story (a feed's
 * abstract that is its first paragraph, or cut from it: "The UK risks
 * breaking"). */
void
_cd_import_drop_repeated_dek (CdArticle  *article,
                              const char *markdown)
{
  const char      *headline = cd_article_get_headline (article);
  const char      *dek = cd_article_get_dek (article);
  g_autofree char *escaped = NULL;
  const char      *colon;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (markdown != NULL);

  if (cd_text_is_blank (dek))
    return;
  escaped = cd_markdown_escape (dek);
  if (opens_with_words (markdown + strspn (markdown, " \n"), g_strstrip (escaped)))
    {
      cd_article_set_dek (article, NULL);
      return;
    }
  if (cd_text_is_blank (headline))
    return;
  /* The slug is in capitals: "SOCCER-PORTUGAL/RESULTS (UPDATE 2):". */
  colon = strchr (dek, ':');
  if (colon != NULL && colon - dek >= 3)
    {
      g_autofree char *slug = g_strndup (dek, colon - dek);

      if (!cd_text_has_char (slug, g_unichar_islower))
        dek = colon + 1 + strspn (colon + 1, " ");
    }
  if (*dek != '\0' && g_str_has_prefix (headline, dek))
    cd_article_set_dek (article, NULL);
}
