/* cd-import-stories.c: the stories of one file, each a new article: what
 * the importers of files that may hold several (feeds, news messages, an
 * API's lists) share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-language.h"
#include "cd-render.h"

/* A new article that starts with @language (%NULL or empty: a new
 * article's own default). */
CdArticle *
_cd_import_new_article (const char *language)
{
  CdArticle *article = cd_article_new ();

  if (language != NULL && *language != '\0')
    cd_article_set_language (article, language);
  return article;
}

/* Gives @article the language @language (a tag: "de", "en-US", "fr_FR")
 * where it is another than the one @article has (the newsroom's): a
 * writer's or a feed's en-US in an en-GB newsroom stays en-GB. */
void
_cd_import_set_other_language (CdArticle  *article,
                               const char *language)
{
  const char *current = cd_article_get_language (article);
  gsize       n;

  if (language == NULL || *language == '\0')
    return;
  n = strcspn (language, "-_");
  if (current == NULL || strcspn (current, "-_") != n || g_ascii_strncasecmp (language, current, n) != 0)
    cd_article_set_language (article, language);
}

/* Gives @article the language its text reads as where that is plainly
 * another than the one it has (the newsroom's, as a file that names none
 * leaves it): a German agency story in an English newsroom is German. A
 * text that could pass for its language, or is too short to tell, keeps
 * it. */
void
_cd_import_guess_language (CdArticle *article)
{
  g_autofree char *plain = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_auto (GStrv) guess = NULL;
  const char *heads[2];

  g_assert (CD_IS_ARTICLE (article));

  heads[0] = cd_article_get_headline (article);
  heads[1] = cd_article_get_dek (article);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    if (!cd_text_is_blank (heads[i]))
      g_string_append_printf (text, "%s\n", heads[i]);
  plain = cd_render_plain_text (cd_article_get_body (article) ? cd_article_get_body (article) : "", -1);
  g_string_append (text, plain);
  guess = cd_language_guess (text->str);
  if (guess != NULL && !cd_language_reads_as ((const char *const *) guess, cd_article_get_language (article)))
    cd_article_set_language (article, guess[0]);
}

/* Adds @note to @article's internal note. */
static void
add_article_note (CdArticle  *article,
                  const char *note)
{
  g_autoptr (GString) notes = g_string_new (cd_article_get_ednote (article));

  _cd_import_add_note (notes, note);
  cd_article_set_ednote (article, notes->str);
}

/* Reads each of @items, the stories of one file, with @read into a new
 * article that starts with @language, added to @articles: every one when
 * @all, else the first that reads, whose note says how many more the file
 * holds. Items that read to nothing are left out and counted in the first
 * article's note; when none reads, the first one's error is returned. */
gboolean
_cd_import_stories (GPtrArray    *items,
                    CdStoryReader read,
                    gpointer      data,
                    const char   *language,
                    const char   *origin,
                    gboolean      all,
                    GPtrArray    *articles,
                    GError      **error)
{
  g_autoptr (GError) first_error = NULL;
  guint start = articles->len, skipped = 0, i;

  g_assert (items != NULL && items->len > 0);

  if (all && items->len > CD_IMPORT_MAX_STORIES)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_TOO_LARGE,
                   "%s: the file holds %u stories, more than the %u one import takes; "
                   "import it in parts.",
                   origin, items->len, CD_IMPORT_MAX_STORIES);
      return FALSE;
    }
  for (i = 0; i < items->len && (all || articles->len == start); i++)
    {
      g_autoptr (CdArticle) article = _cd_import_new_article (language);
      g_autoptr (GError) local = NULL;

      if (read (article, g_ptr_array_index (items, i), data, origin, &local))
        g_ptr_array_add (articles, g_steal_pointer (&article));
      else
        {
          if (first_error == NULL)
            first_error = g_steal_pointer (&local);
          skipped++;
        }
    }
  if (articles->len == start)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  if (i < items->len)
    {
      g_autofree char *note = g_strdup_printf (
          g_dngettext (NULL, "The file holds %u more news item with text, not imported.",
                       "The file holds %u more news items with text, not imported.", items->len - i),
          items->len - i);

      add_article_note (g_ptr_array_index (articles, start), note);
    }
  if (all && skipped > 0)
    {
      g_autofree char *note = g_strdup_printf (
          g_dngettext (NULL, "%u more item of the file has no headline and no text; it was not imported.",
                       "%u more items of the file have no headline and no text; they were not imported.",
                       skipped),
          skipped);

      add_article_note (g_ptr_array_index (articles, start), note);
    }
  return TRUE;
}

/* A page's headline (or standfirst) that says it gathers short stories:
 * "In brief", "News in brief", "Local news round-up", "Kurz gemeldet". */
#define ROUNDUP                                                                                                                    \
  "^(?:(?:the\\s+)?(?:(?:local|world|business|sport|news)\\s+)*(?:news\\s+)?in\\s+brief|(?:news\\s+)?briefs?|"                     \
  "(?:local\\s+|weekly\\s+|daily\\s+)?(?:news\\s+)?round-?up|kurz\\s+(?:gemeldet|notiert)|in\\s+kürze|meldungen\\s+in\\s+kürze|" \
  "en\\s+bref|brèves|breves|en\\s+breve|notizie\\s+in\\s+breve|in\\s+breve|kort\\s+nieuws|in\\s+het\\s+kort|i\\s+korthet|"        \
  "kortnytt|kort\\s+nyt|w\\s+skrócie|коротко|简讯|短讯)[.:!]?$"

/* The longest a short story of a round-up is, in words. */
#define ROUNDUP_STORY_WORDS 300

/**
 * _cd_import_split_roundup:
 * @articles: the articles a file was read into
 * @index: the one to look at
 *
 * A page of short stories under one headline that says so ("In brief",
 * "Local news round-up"), each under a heading of its own with nothing
 * over the first: each story becomes an article of its own, with its
 * heading for headline and the page's source, language and note, in
 * @index's place. Not a story with headings in it: the page's headline
 * has to say it is a round-up, and each story be short.
 */
void
_cd_import_split_roundup (GPtrArray *articles,
                          guint      index)
{
  CdArticle  *page = g_ptr_array_index (articles, index);
  const char *dek = cd_article_get_dek (page);
  g_auto (GStrv) paragraphs = NULL;
  g_autoptr (GPtrArray) headings = g_ptr_array_new ();
  g_autoptr (GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) note = NULL;
  g_autoptr (GString) body = NULL;

  g_assert (index < articles->len);

  if (cd_text_is_blank (cd_article_get_body (page)) ||
      !(g_regex_match_simple (ROUNDUP, cd_article_get_headline (page), G_REGEX_CASELESS, 0) ||
        (dek != NULL && g_regex_match_simple (ROUNDUP, dek, G_REGEX_CASELESS, 0))))
    return;
  paragraphs = g_strsplit (cd_article_get_body (page), "\n\n", -1);
  if (paragraphs[0] == NULL || !g_str_has_prefix (paragraphs[0], "## "))
    return;
  /* Each story: its heading, then its paragraphs up to the next. */
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      const char *paragraph = g_strstrip (paragraphs[i]);

      if (*paragraph == '\0' || _cd_import_is_rule_paragraph (paragraph))
        continue;
      if (g_str_has_prefix (paragraph, "## "))
        {
          if (body != NULL)
            g_ptr_array_add (bodies, g_string_free (g_steal_pointer (&body), FALSE));
          g_ptr_array_add (headings, (gpointer) (paragraph + 3));
          body = g_string_new (NULL);
          continue;
        }
      g_string_append_printf (body, "%s\n\n", paragraph);
    }
  g_ptr_array_add (bodies, g_string_free (g_steal_pointer (&body), FALSE));
  if (headings->len < 2)
    return;
  for (guint i = 0; i < bodies->len; i++)
    if (cd_text_is_blank (g_ptr_array_index (bodies, i)) ||
        cd_count_words (g_ptr_array_index (bodies, i)) > ROUNDUP_STORY_WORDS)
      return;
  note = g_string_new (cd_article_get_ednote (page));
  {
    g_autofree char *from = g_strdup_printf ("One of the stories of the page “%s”%s%s.", cd_article_get_headline (page),
                                             dek != NULL ? ", " : "", dek != NULL ? dek : "");

    _cd_import_add_note (note, from);
  }
  g_object_ref (page);
  g_ptr_array_remove_index (articles, index);
  for (guint i = 0; i < headings->len; i++)
    {
      CdArticle *story = _cd_import_new_article (cd_article_get_language (page));
      g_autoptr (GString) notes = g_string_new (note->str);
      g_autofree char *text = g_strdup (g_ptr_array_index (bodies, i));

      /* One newline at its end, as every article's body. */
      text[strlen (text) - 1] = '\0';
      cd_article_set_headline (story, g_ptr_array_index (headings, i));
      /* Its own dateline and byline, as a story opens. */
      text = _cd_import_take_body_opening (story, g_steal_pointer (&text), notes);
      cd_article_set_body (story, text);
      if (cd_text_is_blank (cd_article_get_source (story)))
        cd_article_set_source (story, cd_article_get_source (page));
      cd_article_set_ednote (story, notes->str);
      g_ptr_array_insert (articles, index + i, story);
    }
  g_object_unref (page);
}
