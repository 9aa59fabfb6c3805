/* cd-import-release.c: what a press release says to the desk above its
 * headline: that it is one ("PRESS RELEASE", "Pressemitteilung"), when it
 * may be used ("FOR IMMEDIATE RELEASE"), and above all when it may not:
 * "Embargoed until 00:01 GMT, Thursday 4 December 2026", "Sperrfrist:
 * 4. Dezember 2026, 10 Uhr". Such a line is no headline and no part of
 * the story: it goes to the note, and an embargo it names becomes the
 * article's, read strictly (cd-import-release-time.c), or not at all, and
 * then the note says so. A headline that only begins with such a word
 * ("Embargo to stay in place, EU says") stays the headline. What stands
 * above such a line is the sender's letterhead (cd-import-letterhead.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cd-import-private.h"
#include "cd-text.h"

/* The labels, in the languages of the newsroom's copy; an embargo's
 * are followed by its time. A line a label begins says nothing else but
 * a date. */
static const char release_pattern[] =
    "^(?:(?<kill>(?:not\\s+for\\s+(?:publication|release|broadcast|use)|do\\s+not\\s+(?:use|publish|broadcast))\\s+after|"
    "kill\\s+date|nicht\\s+(?:mehr\\s+)?(?:verwenden|ver(?:ö|oe)ffentlichen)\\s+nach|"
    "ne\\s+pas\\s+(?:diffuser|publier|utiliser)\\s+apr(?:è|e)s|no\\s+(?:publicar|usar)\\s+despu(?:é|e)s\\s+de)|"
    "(?<embargo>(?:strictly\\s+)?embargo(?:ed|es)?(?:\\s+for(?:\\s+release)?|\\s+lifts)?|under\\s+embargo|"
    "not\\s+for\\s+(?:publication|release|broadcast|use)|hold\\s+for\\s+release|"
    "for\\s+release(?:\\s+on|\\s+at|\\s+after|\\s+from)?(?=\\s*:?\\s*(?:\\d|mon|tue|wed|thu|fri|sat|sun))|"
    "(?:achtung\\s+)?sperrfrist|(?:ver(?:ö|oe)ffentlichung\\s+)?frei\\s+(?:zur\\s+ver(?:ö|oe)ffentlichung\\s+)?ab|"
    "sous\\s+embargo|embargad[ao]s?|sotto\\s+embargo|onder\\s+embargo|niet\\s+voor\\s+publicatie|"
    "julkaisuvapaa|sperret\\s+til|sperrefrist|publiceras\\s+tidigast|embargo\\s+till)|"
    "(?<label>for\\s+immediate\\s+(?:release|distribution|publication)|immediate\\s+release|"
    "press\\s+release|news\\s+release|media\\s+release|media\\s+statement|press\\s+statement|"
    "media\\s+advisory|news\\s+advisory|press\\s+notice|press\\s+information|"
    "pressemitteilung|presseinformation|presse-information|pressemeldung|medienmitteilung|medieninformation|"
    "presseaussendung|presseinfo|zur\\s+sofortigen\\s+ver(?:ö|oe)ffentlichung|"
    "communiqu(?:é|e)(?:\\s+de\\s+presse)?|information\\s+presse|pour\\s+(?:diffusion|publication)\\s+imm(?:é|e)diate|"
    "comunicado\\s+de\\s+prensa|nota\\s+de\\s+prensa|para\\s+su\\s+difusi(?:ó|o)n\\s+inmediata|"
    "comunicato\\s+stampa|nota\\s+stampa|per\\s+la\\s+pubblicazione\\s+immediata|"
    "persbericht|persmededeling|voor\\s+onmiddellijke\\s+publicatie))\\b"
    "(?<separator>\\W*)(?<rest>.*)$";

static GRegex *
release_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new (release_pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* What shows a time, read or not: a clock's time, a date in figures, a
 * month's name. */
#define TIME_LIKE                                                                                                               \
  "\\d[:.]\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{4}-\\d\\d-\\d\\d|\\b\\d{1,2}\\.?\\s*(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|" \
  "sep|o[ck]t|nov|de[cz])|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d"

static gboolean
has_lower (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Whether @line is a press release's line to the desk; @embargo gets the
 * time it names as an embargo, or %NULL; @unread whether it names one
 * that could not be read; @label whether it only says what it is ("PRESS
 * RELEASE", "FOR IMMEDIATE RELEASE"). */
static gboolean
read_release_line (const char *line,
                   GDateTime **embargo,
                   gboolean   *unread,
                   gboolean   *label)
{
  g_autofree char *plain = g_strstrip (g_strdup (line));
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *kill = NULL;
  g_autofree char *separator = NULL;
  gsize            length;
  gboolean         is_date = FALSE;
  gboolean         is_kill;

  *embargo = NULL;
  *unread = FALSE;
  *label = FALSE;
  /* Markdown's bold round it, as a document sets it, or brackets, as dpa
   * does: "(Sperrfrist: Mittwoch, 3. März 2027, 17.00 Uhr MEZ)". */
  length = strlen (plain);
  if (length > 4 && g_str_has_prefix (plain, "**") && g_str_has_suffix (plain, "**"))
    {
      memmove (plain, plain + 2, length - 4);
      plain[length - 4] = '\0';
    }
  else if (length > 2 && plain[0] == '(' && plain[length - 1] == ')' && strchr (plain + 1, '(') == NULL)
    {
      memmove (plain, plain + 1, length - 2);
      plain[length - 2] = '\0';
    }
  if (strchr (plain, '\n') != NULL || g_utf8_strlen (plain, -1) > 120 ||
      !g_regex_match (release_regex (), plain, 0, &match))
    return FALSE;
  rest = g_strstrip (g_match_info_fetch_named (match, "rest"));
  kind = g_match_info_fetch_named (match, "embargo");
  kill = g_match_info_fetch_named (match, "kill");
  separator = g_match_info_fetch_named (match, "separator");
  is_kill = kill != NULL && *kill != '\0';
  *label = !is_kill && (kind == NULL || *kind == '\0');
  if (*rest == '\0')
    return !is_kill;
  *embargo = _cd_import_release_time (rest, &is_date);
  if ((kind != NULL && *kind != '\0') || is_kill)
    {
      gboolean is_line = is_date;

      /* A time, even one that names no zone; or, in capitals, a time in
       * words ("EMBARGOED UNTIL THE END OF THE MEETING"); not "Embargo to
       * stay in place, EU says". */
      if (!is_line)
        is_line = strchr (".?!", plain[strlen (plain) - 1]) == NULL &&
                  (strchr (separator, ':') != NULL || is_kill ||
                   g_regex_match_simple ("^(?:until|till|to|bis|jusqu|hasta|fino|tot)\\b", rest, G_REGEX_CASELESS, 0)) &&
                  (!has_lower (plain) || g_regex_match_simple (TIME_LIKE, rest, G_REGEX_CASELESS, 0));
      /* The time after which the story may no longer be used (a kill
       * date) is the note's, and no embargo. */
      if (is_kill)
        g_clear_pointer (embargo, g_date_time_unref);
      else
        *unread = is_line && *embargo == NULL;
      return is_line;
    }
  /* "PRESS RELEASE – 3 December 2026", "Pressemitteilung Nr. 45/2026";
   * not "Press release: council approves barrier". */
  g_clear_pointer (embargo, g_date_time_unref);
  return is_date || g_regex_match_simple ("^(?:no|nr|n°|n\\.°)\\.?\\s*[\\d/.-]+$", rest, G_REGEX_CASELESS, 0);
}

/**
 * _cd_import_take_release_line:
 * @article: the article, whose embargo a line may set
 * @line: a line (or a paragraph) at the top of the story
 * @notes: where it goes when it is one
 *
 * Takes a press release's line to the desk ("FOR IMMEDIATE RELEASE",
 * "Embargoed until …") to @notes; the time an embargo names, when it is
 * read plainly and ahead of now, becomes @article's unless it has one.
 *
 * Returns: whether @line was one
 */
gboolean
_cd_import_take_release_line (CdArticle  *article,
                              const char *line,
                              GString    *notes)
{
  g_autoptr (GDateTime) embargo = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *plain = NULL;
  gboolean         unread, label;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (line != NULL && notes != NULL);

  if (!read_release_line (line, &embargo, &unread, &label))
    return FALSE;
  plain = g_strstrip (g_strdup (line));
  _cd_import_add_note (notes, plain);
  if (embargo != NULL && g_date_time_compare (embargo, now) > 0 && cd_article_get_embargo (article) == NULL)
    cd_article_set_embargo (article, embargo);
  else if (unread && cd_article_get_embargo (article) == NULL)
    _cd_import_add_note (notes, "The embargo's time above was not set: it was not plain (a day, a month, a "
                                "time and a zone such as GMT or CET); set it in the details.");
  return TRUE;
}

/* Whether @line is a press release's line to the desk (see
 * _cd_import_take_release_line()). */
gboolean
_cd_import_is_release_line (const char *line)
{
  g_autoptr (GDateTime) embargo = NULL;
  gboolean unread, label;

  return read_release_line (line, &embargo, &unread, &label);
}

/* Whether @line is a press release's line to the desk that only says
 * what it is ("PRESS RELEASE", "Communiqué de presse"), no time. */
gboolean
_cd_import_is_release_label (const char *line)
{
  g_autoptr (GDateTime) embargo = NULL;
  gboolean unread, label;

  return read_release_line (line, &embargo, &unread, &label) && label;
}

/* Takes a press release's lines to the desk under its headline out of
 * wire copy's blocks (CdWireBlock) @first to @end, each a line of its own
 * (or one wrapped over a block's two lines): an embargo becomes
 * @article's. With @leading, only those right under the headline, at the
 * top of their blocks; else all before the story. Emptied blocks stay,
 * empty. */
void
_cd_import_take_wire_release_lines (CdArticle *article,
                                    GPtrArray *blocks,
                                    guint      first,
                                    guint      end,
                                    gboolean   leading,
                                    GString   *notes)
{
  for (guint i = first; i < end && i < blocks->len; i++)
    {
      CdWireBlock     *b = g_ptr_array_index (blocks, i);
      g_autofree char *joined = b->lines->len == 2 ? g_strjoin (" ", (const char *) g_ptr_array_index (b->lines, 0),
                                                                (const char *) g_ptr_array_index (b->lines, 1), NULL)
                                                   : NULL;
      gboolean         taken = FALSE;

      for (guint j = 0; j < b->lines->len;)
        if (_cd_import_take_release_line (article, g_ptr_array_index (b->lines, j), notes))
          {
            g_ptr_array_remove_index (b->lines, j);
            taken = TRUE;
          }
        else if (leading)
          break;
        else
          j++;
      if (!taken && joined != NULL && _cd_import_take_release_line (article, joined, notes))
        g_ptr_array_set_size (b->lines, 0);
      if (b->lines->len > 0 && leading)
        return;
    }
}
