/* cd-import-wire-service.c: the lines a wire service sets above a
 * story's headline (its codes, slug, priority, routing, its name, a
 * section's descriptor, a correction's note), which are the desk's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"

typedef CdWireBlock Block;

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* How many of @text's words have a letter. */
static guint
count_lettered (const char *text)
{
  g_auto (GStrv) tokens = g_regex_split_simple ("[\\s|]+", text, 0, 0);
  guint n = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    n += has_letter (tokens[i]);
  return n;
}

/* Whether @line is the time the agency sent the story: a date in figures
 * ("14.07.2027 kl. 11:32", "2027/07/14-17:35", "14-07-2027 17:46 IST")
 * or a year and a time ("2027. július 14., szerda 14:22", "Economy |
 * July 14, 2027, 13:08", Thai "19 มี.ค. 2570 15:20 น." in the Buddhist
 * era), with three words besides at the most; a
 * version's number ("Git 1.7.12.2 Release Notes") is none. */
static gboolean
is_stamp (const char *line)
{
  return g_utf8_strlen (line, -1) <= 60 && count_lettered (line) <= 3 &&
         (g_regex_match_simple ("(?<![\\w.])\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}(?!\\w|[.-]\\d)", line, 0, 0) ||
          (g_regex_match_simple ("(?<!\\d)(?:19|20|25)\\d\\d(?!\\d)", line, 0, 0) &&
           g_regex_match_simple ("(?<![\\d.])\\d{1,2}[:.]\\d\\d(?![\\d.])", line, 0, 0)));
}

/* The agency @line names alone ("Ritzau", "AGERPRES"), with its service
 * ("JIJI PRESS ENGLISH NEWS SERVICE"), its section ("Agência Brasil -
 * Economia") or the time it sent the story and the section ("EUROPA PRESS - 14/07/2027 13:05 - Nacional / Sociedad",
 * "ČTK 14.07.2027 13:42 dom"); %NULL where it is no such line. */
static char *
agency_of_line (const char *line)
{
  static const char *const service[] = { "english", "news", "service", "wire", "press", "agency", "international",
                                         "world", "newswire", "nyhetsbyrån", "nyhetsbyrå", "nyhedsbureau",
                                         "nachrichtenagentur", "agencia", "agence", "agenzia", "agência", NULL };
  g_auto (GStrv) tokens = g_strsplit (line, " ", -1);
  guint n = g_strv_length (tokens);

  for (guint k = MIN (n, 3); k > 0; k--)
    {
      g_autoptr (GString) name = g_string_new (NULL);
      g_autofree char *rest = NULL;
      gboolean         known = TRUE, sectioned;

      for (guint i = 0; i < k; i++)
        g_string_append_printf (name, "%s%s", i > 0 ? " " : "", tokens[i]);
      /* A service of the agency's: "EFE-AMÉRICA", "AFP-Sport". */
      if (k == 1 && n == 1 && strchr (name->str, '-') != NULL && cd_count_words (name->str) <= 2)
        {
          g_auto (GStrv) parts = g_strsplit (name->str, "-", 2);

          if (_cd_import_is_agency_name (parts[0]))
            return g_strdup (parts[0]);
        }
      if (!_cd_import_is_agency_name (name->str) || strchr (name->str, '/') != NULL)
        continue;
      rest = g_strjoinv (" ", tokens + k);
      /* Its section after a dash or a bar: "Agência Brasil - Economia". */
      sectioned = g_regex_match_simple ("^\\s*[-–|]\\s+\\p{Lu}\\p{L}+(?:\\s\\p{L}+){0,2}$", rest, 0, 0);
      g_strstrip (g_strdelimit (rest, "-|", ' '));
      for (guint i = k; i < n && known; i++)
        known = *tokens[i] == '\0' || _cd_import_word_in (tokens[i], service);
      return *rest == '\0' || known || sectioned || is_stamp (rest) ? g_string_free (g_steal_pointer (&name), FALSE) : NULL;
    }
  return NULL;
}

static gboolean
is_agency_line (const char *line)
{
  g_autofree char *agency = agency_of_line (line);

  return agency != NULL;
}

/* Whether @line lists a story's keywords: in small letters first, as no
 * headline opens ("vláda, rozpočet, ČR"); joined by dashes, two words
 * a keyword at the most ("Côte d'Ivoire-politique-élection,PREV"); or a
 * few words each with a capital and none of the small words a headline
 * in capitals has ("Alemania Economía Industria Estadística") over
 * @next, a headline in small letters (AP's "Coastal League Glance" over
 * its byline stays). */
static gboolean
is_keywords (const char *line,
             const char *next)
{
  static const char *const small[] = { "a", "an", "the", "to", "of", "in", "on", "at", "for", "by", "with", "and",
                                       "or", "as", "is", "are", "de", "la", "el", "en", "y", "del", "los", "las",
                                       "le", "les", "des", "et", "du", "der", "die", "das", "und", "im", "von", "zu",
                                       "il", "di", "e", "da", "do", "dos", "na", "no", "em", "het", "van", "op", NULL };
  g_auto (GStrv) pieces = g_strsplit (line, "-", -1);
  g_auto (GStrv) words = g_regex_split_simple ("\\s+", line, 0, 0);
  guint    n = g_strv_length (pieces), count = g_strv_length (words);
  gboolean titled = count >= 2 && count <= 5;

  if (g_unichar_islower (g_utf8_get_char (line)))
    return TRUE;
  if (n >= 3 && !strstr (line, " - "))
    {
      gboolean keywords = TRUE;

      for (guint i = 0; i < n && keywords; i++)
        keywords = *pieces[i] != '\0' && cd_count_words (pieces[i]) <= 2;
      if (keywords)
        return TRUE;
    }
  for (guint i = 0; i < count && titled; i++)
    titled = g_unichar_isupper (g_utf8_get_char (words[i])) && !_cd_import_word_in (words[i], small);
  return titled && next != NULL && g_regex_match_simple ("^\\S+(?:\\s+\\S+)*\\s+\\p{Ll}\\S*\\s+\\p{Ll}", next, 0, 0) &&
         !_cd_import_is_byline (next);
}

/* Whether @line is a section's or a subject's name over the headline:
 * one word ("Indland"), parts of three words at the most between dashes,
 * bars or slashes ("Politic | Social", "SOC - Incêndios", "Belföld -
 * Oktatás - Kormány"), or a slug in capitals with a space ("HEAVY
 * RAIN-MUMBAI"). */
static gboolean
is_section (const char *line,
            const char *next)
{
  g_auto (GStrv) parts = g_regex_split_simple ("\\s+[-–|/]\\s+|\\s*\\|\\s*", line, 0, 0);
  guint words = cd_count_words (line);
  gsize n = strlen (line);

  if (n == 0 || g_utf8_strlen (line, -1) > 60 || strchr (".!?:;,", line[n - 1]) != NULL || words > 6)
    return FALSE;
  if (g_strv_length (parts) >= 2)
    {
      for (guint i = 0; parts[i] != NULL; i++)
        if (cd_count_words (parts[i]) > 3 || !g_unichar_isalpha (g_utf8_get_char (parts[i])))
          return FALSE;
      return TRUE;
    }
  return (words == 1 && g_regex_match_simple ("^\\p{L}[\\p{L}-]*$", line, 0, 0)) ||
         (words <= 3 && !cd_text_has_char (line, g_unichar_islower) &&
          g_regex_match_simple ("^\\p{Lu}+(?:\\s+\\p{Lu}+)*-\\p{Lu}+$", line, 0, 0)) ||
         is_keywords (line, next);
}

/* Whether @line may stand under a section's name: a headline (a line
 * of no more than twenty-five words with no sentence's end), or the
 * agency's time stamp. */
static gboolean
heads_story (const char *line)
{
  gsize n = strlen (line);

  return n > 0 && ((cd_count_words (line) <= 25 && strchr (".;:,", line[n - 1]) == NULL) || is_stamp (line));
}

/* Whether @line is a feed's heading: a code or the agency's name first
 * ("AFP-DEU0378", "dpa-es", "EFE-EN", "ČTK"), then figures and short
 * words ("AFP-DEU0378 4 pl 0412 AFP /XGQ71", "dpa 0456 4 wi 421 dpa
 * 0312"): two numbers at the least, and no word of five small letters. */
gboolean
_cd_import_is_code_line (const char *line)
{
  g_auto (GStrv) tokens = g_regex_split_simple ("\\s+", line, 0, 0);
  g_auto (GStrv) parts = NULL;
  guint numbers = 0, n = g_strv_length (tokens);

  if (n < 3 || g_regex_match_simple ("\\p{Ll}{5}", line, 0, 0))
    return FALSE;
  /* The agency's name and the item's date and number: "ANP-20270318-0231
   * BIN POL". */
  if (g_regex_match_simple ("^\\p{Lu}{2,6}(?:-\\d{2,}){2,}$", tokens[0], 0, 0))
    return TRUE;
  for (guint i = 0; i < n; i++)
    numbers += *tokens[i] != '\0' && strspn (tokens[i], "0123456789") == strlen (tokens[i]);
  parts = g_strsplit (tokens[0], "-", 2);
  return numbers >= 2 && (strpbrk (tokens[0], "0123456789") != NULL || _cd_import_is_agency_name (tokens[0]) ||
                          (parts[1] != NULL && _cd_import_is_agency_name (parts[0])));
}

/* Whether @line, with @below the line right under it in its block (or
 * %NULL) and @next the next line of the text, is the agency's: a code
 * without letters ("*9006"), a slug, a priority, a note to editors
 * ("Eds: CORRECTS …", "ATTENTION - …") or the reporter's to the desk
 * ("LEGAL TO READ BEFORE PUBLICATION"), a feed's start of message and
 * heading with its control characters lost ("ZCZC6543/SXA", "FRA0412 3
 * EI 0398 AFP-WX61": selector and number, priority, category, words;
 * "bdt0123 4 vm 312 dpa 0456"; ANPA's "a0412  r  a  BC-US--…"; PTI's
 * desk and number, "DEL23"; UNI's, "UNI NPR 24"), its routing ("R CRO
 * S0A QBXB"; not a headline in short capitals that opens with a figure,
 * "5 DEAD IN FIRE"), the
 * service's name ("AAP General News (Australia)", "AP NewsAlert"), a
 * label or a section's descriptor above the headline
 * ("Cultura-Arqueología"), a correction's note ("Berichtigung: …"), a
 * version note ("(Zusammenfassung 1545 - neu: …)"), the
 * agency's name and time stamp ("Ritzau", "14.07.2027 kl. 11:32"), and
 * under such lines (@under_service) the section's name, PA's catchline
 * over a note to editors; or a press
 * release's line to the desk ("FOR IMMEDIATE RELEASE"). */
static gboolean
is_service_line (const char *line,
                 const char *below,
                 const char *next,
                 gboolean    under_service)
{
  return !has_letter (line) || _cd_import_is_release_line (line) || g_regex_match (_cd_import_wire_regex (RE_SLUG), line, 0, NULL) ||
         g_regex_match (_cd_import_wire_regex (RE_PRIORITY), line, 0, NULL) ||
         g_regex_match_simple ("^\\(?(?i:eds?|editors?['’]?\\s+notes?|note\\s+to\\s+editors)\\.?\\s*:\\s*\\S|^ATTENTION\\s*[-–—:]\\s*\\S",
                               line, 0, 0) ||
         g_regex_match (_cd_import_wire_regex (RE_DESK_NOTE), line, 0, NULL) ||
         g_regex_match_simple ("^(?:berichtigung|korrektur|correction|corrección|rectificación|correzione|rettifica|"
                               "rectificatif|(?:herhaling\\s+met\\s+)?correctie|rectificatie|rättelse|korrigering)\\s*:\\s*\\S",
                               line, G_REGEX_CASELESS, 0) ||
         _cd_import_is_code_line (line) || g_regex_match_simple ("^(?:ZCZC\\S*|[A-Za-z]{2,4}\\d{3,5}\\s+\\d\\s+[A-Za-z]{1,3}\\b.*|[A-Z]{3}\\d{1,4}|[a-z]\\d{4}\\s+[a-z\\d]\\s+[a-z]{1,3}\\s+\\S.*|[a-z]\\d{4}\\s.*\\bBC-\\S.*|"
                                                                 "(?=.*(?:[A-Z]\\d|\\d[A-Z])|[A-Z].*\\d)(?:[A-Z\\d]{1,4}\\s+){2,}[A-Z\\d]{1,4}|"
                                                                 "(?i:(?:the\\s+)?(?:AP|AAP|AFP|dpa|PA|Reuters|ANSA|EFE|Kyodo|Xinhua|UPI|CP|NTB|Lusa)\\s+"
                                                                 "(?:\\S+\\s+){0,2}(?:news|newsalert|service|wire|bulletin)(?:\\s*\\([^)]*\\))?))$",
                                                                 line, 0, 0) ||
         (below != NULL && g_regex_match (_cd_import_wire_regex (RE_LABEL), line, 0, NULL)) || is_stamp (line) ||
         (next != NULL && g_regex_match (_cd_import_wire_regex (RE_VERSION_NOTE), line, 0, NULL)) ||
         is_agency_line (line) || (under_service && next != NULL && heads_story (next) && is_section (line, next)) ||
         (next != NULL && g_regex_match (_cd_import_wire_regex (RE_EDS), next, 0, NULL) &&
          g_regex_match_simple (PA_CATCHLINE, line, 0, 0)) ||
         (next != NULL && g_regex_match_simple ("^\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+){1,2}$", line, 0, 0));
}

/* Takes the agency's @line above the headline: a release's embargo is
 * @article's, the rest goes to @notes; the agency it names alone is the
 * source where the article has none yet. */
static void
take_line (CdArticle  *article,
           const char *line,
           GString    *notes)
{
  g_autofree char *agency = agency_of_line (line);

  if (agency != NULL && cd_text_is_blank (cd_article_get_source (article)))
    cd_article_set_source (article, agency);
  if (!_cd_import_take_release_line (article, line, notes))
    _cd_import_add_note (notes, line);
}

/* Whether @line has the shape of an agency's name: "Philippine News
 * Agency", "Agencia Peruana de Noticias Andina", "MAP - Agence Marocaine de
 * Presse", "Nachrichtenagentur …". */
static gboolean
is_agency_shaped (const char *line)
{
  return g_regex_match_simple ("\\b(?:(?:news|press|information|telegraph)\\s+agency|agency\\s+of\\s+\\p{Lu}\\p{L}+|"
                               "news\\s+service|agen(?:ce|cia|zia|ția|cja|tur)\\s+(?:\\p{L}+\\s+){0,3}"
                               "(?:de\\s+)?(?:presse|prensa|noticias|notícias|stampa|informativa|informacyjna|prasowa|de\\s+presă)|"
                               "nachrichtenagentur|nieuwsagentschap|uutistoimisto|nyhetsbyrå\\S*|hírügynökség|"
                               "информационное\\s+агентство|інформаційне\\s+агентство)\\b",
                               line, G_REGEX_CASELESS, 0);
}

/* Whether @b, the first block of the text, is the agency's masthead over
 * the story, @next its block under it: the agency's name on its first
 * line, then its time stamp or section on a few short lines with no
 * sentence's end ("KNA-Basisdienst" / "12.03.2027 11:21" /
 * "Kirche/Vatikan"; "ИНТЕРФАКС" / "12.03.2027 13:47" / "ФИНАНСЫ"; "APP" /
 * "APP43-12" / "Business"; "時事通信" / "2027年03月12日10時45分"), over a
 * headline. The name is an acronym (or a word of a script without
 * capitals), a word or two over the time stamp, or has the shape of an
 * agency's. */
static gboolean
is_masthead (Block *b,
             Block *next)
{
  g_autoptr (GMatchInfo) dateline = NULL;
  const char *name;
  gboolean    stamped = FALSE;
  guint       words;

  if (b->lines->len < 2 || b->lines->len > 5 || next == NULL || next->lines->len == 0 ||
      !heads_story (g_ptr_array_index (next->lines, 0)) || is_stamp (g_ptr_array_index (next->lines, 0)) ||
      (dateline = _cd_import_match_dateline (g_ptr_array_index (next->lines, 0))) != NULL)
    return FALSE;
  for (guint i = 0; i < b->lines->len; i++)
    {
      const char *line = g_ptr_array_index (b->lines, i);
      gsize       n = strlen (line);

      /* A heading underlined ("TRIGGERS" over "========") is no masthead. */
      gboolean stamp = i > 0 && is_stamp (line);

      /* A stamp may end in a point: "15:20 น.". */
      if (n == 0 || g_utf8_strlen (line, -1) > 60 || cd_count_words (line) > 8 ||
          (!stamp && strchr (".!?;,", line[n - 1]) != NULL) || g_regex_match (_cd_import_wire_regex (RE_RULE), line, 0, NULL))
        return FALSE;
      stamped = stamped || stamp;
    }
  name = g_ptr_array_index (b->lines, 0);
  words = cd_count_words (name);
  return is_agency_shaped (name) ||
         (words == 1 && !cd_text_has_char (name, g_unichar_islower) && g_unichar_isalpha (g_utf8_get_char (name))) ||
         (stamped && words <= 2 && (g_unichar_isupper (g_utf8_get_char (name)) || !cd_text_has_char (name, g_unichar_islower)));
}

/* The agency's name in a masthead's first line (is_masthead()): the
 * acronym before its service ("KNA-Basisdienst", "IRNA English", "MAP -
 * Agence Marocaine de Presse"), or the line. */
static char *
masthead_agency (const char *line)
{
  g_autofree char *name = agency_of_line (line);
  g_auto (GStrv) parts = NULL;

  if (name != NULL)
    return g_steal_pointer (&name);
  parts = g_regex_split_simple ("\\s+[-–—]\\s+|\\s+|-", line, 0, 0);
  if (parts[0] != NULL && parts[1] != NULL && g_utf8_strlen (parts[0], -1) >= 2 &&
      !cd_text_has_char (parts[0], g_unichar_islower) && cd_text_has_char (parts[1], g_unichar_islower))
    return g_strdup (parts[0]);
  return g_strdup (line);
}

/* Takes the agency's slug and priority lines above the headline into
 * @notes, unless what would be left to be the headline is the story's
 * dateline paragraph (then the slug is all the headline there is); an
 * embargo a press release names there becomes @article's. */
void
_cd_import_take_wire_service_lines (CdArticle *article,
                                    GPtrArray *blocks,
                                    GString   *notes)
{
  g_autoptr (GMatchInfo) dateline = NULL;
  Block   *b = NULL;
  guint    first_block, first_line = 0;
  gboolean released = FALSE;

  g_assert (blocks != NULL);

  /* The agency's masthead, whole. */
  if (blocks->len >= 2 && is_masthead (g_ptr_array_index (blocks, 0), g_ptr_array_index (blocks, 1)))
    {
      Block      *masthead = g_ptr_array_index (blocks, 0);
      const char *name = g_ptr_array_index (masthead->lines, 0);

      for (guint j = 0; j < masthead->lines->len; j++)
        take_line (article, g_ptr_array_index (masthead->lines, j), notes);
      /* The name, where no line gave a known agency's and the first is
       * not the feed's own ("ZCZC", a heading). */
      if (cd_text_is_blank (cd_article_get_source (article)) &&
          !is_service_line (name, g_ptr_array_index (masthead->lines, 1), g_ptr_array_index (masthead->lines, 1), FALSE))
        {
          g_autofree char *agency = masthead_agency (name);

          cd_article_set_source (article, agency);
        }
      g_ptr_array_remove_index (blocks, 0);
    }

  /* The first line that is neither the agency's nor in a press release's
   * contact block. */
  for (first_block = 0; first_block < blocks->len; first_block++, first_line = 0)
    {
      b = g_ptr_array_index (blocks, first_block);
      for (; first_line < b->lines->len; first_line++)
        {
          g_autoptr (GPtrArray) lines = g_ptr_array_new ();
          guint contact;

          Block      *next_block = first_block + 1 < blocks->len ? g_ptr_array_index (blocks, first_block + 1) : NULL;
          const char *below = first_line + 1 < b->lines->len ? g_ptr_array_index (b->lines, first_line + 1) : NULL;
          const char *next = below != NULL                                      ? below
                             : next_block != NULL && next_block->lines->len > 0 ? g_ptr_array_index (next_block->lines, 0)
                                                                                : NULL;

          if (is_service_line (g_ptr_array_index (b->lines, first_line), below, next, first_block > 0 || first_line > 0))
            {
              released = released || _cd_import_is_release_line (g_ptr_array_index (b->lines, first_line));
              continue;
            }
          for (guint i = first_block, j = first_line; i < blocks->len && lines->len < 16; i++, j = 0)
            for (Block *c = g_ptr_array_index (blocks, i); j < c->lines->len; j++)
              g_ptr_array_add (lines, g_ptr_array_index (c->lines, j));
          if ((contact = _cd_import_sender_length ((const char *const *) lines->pdata, lines->len, released)) == 0)
            break;
          /* Past the block's lines, which may go on in the next blocks. */
          for (first_line += contact; first_block + 1 < blocks->len && first_line > b->lines->len;)
            {
              first_line -= b->lines->len;
              b = g_ptr_array_index (blocks, ++first_block);
            }
          first_line--;
        }
      if (first_line < b->lines->len)
        break;
    }
  if (first_block == blocks->len || (first_block == 0 && first_line == 0))
    return;
  dateline = _cd_import_match_dateline (g_ptr_array_index (b->lines, first_line));
  if (dateline != NULL)
    {
      /* The first line stays for the headline; the rest under it
       * ("URGENT", "AP NewsAlert") are the note's. */
      for (guint i = 0; i <= first_block; i++)
        {
          Block *taken = g_ptr_array_index (blocks, i);
          guint  from = i == 0 ? 1 : 0, to = i < first_block ? taken->lines->len : first_line;

          for (guint j = from; j < to; j++)
            take_line (article, g_ptr_array_index (taken->lines, j), notes);
          if (to > from)
            g_ptr_array_remove_range (taken->lines, from, to - from);
        }
      return;
    }

  for (guint i = 0; i <= first_block; i++)
    {
      Block *taken = g_ptr_array_index (blocks, i);
      guint  n = i < first_block ? taken->lines->len : first_line;

      for (guint j = 0; j < n; j++)
        take_line (article, g_ptr_array_index (taken->lines, j), notes);
    }
  g_ptr_array_remove_range (b->lines, 0, first_line);
  g_ptr_array_remove_range (blocks, 0, first_block);
}
