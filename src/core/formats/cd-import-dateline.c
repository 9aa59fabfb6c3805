/* cd-import-dateline.c: the dateline that opens agency copy ("PASSAU,
 * Germany (AP) — …", "SEOUL, Nov 26 AFP - …"), its place and source, and
 * the names of the agencies that write them; the dateline a story's
 * metadata gives; and the sign-off and end mark that close the copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-import-private.h"
#include "cd-render.h"
#include "cd-import.h"
#include "cd-text.h"
#include "cd-words.h"

/* The source in brackets is an agency: a name with a capital, or one of
 * the agencies that write theirs in lower case. That keeps "He said
 * (again) - no" from reading as a dateline. */
static gboolean
plausible_source (const char *source)
{
  static const char *lower_case_agencies[] = {
    "dpa",
    "epd",
    "kna",
    "sid",
    "apa",
    "sda",
    "ansa",
    "efe",
    "dpa-afx",
    "awp",
    "ritzau",
    "ots", /* news aktuell's releases: "Berlin (ots) - " */
  };

  g_auto (GStrv) parts = NULL;

  if (cd_text_has_char (source, g_unichar_isupper) ||
      g_regex_match_simple ("^\\p{Lo}+(?:\\s\\p{Lo}+){0,3}$", source, 0, 0))
    return TRUE;
  /* With a regional service or the agency it passes on: "dpa/lhe",
   * "awp/sda", "tca/dpa". */
  parts = g_strsplit (source, "/", 4);
  for (guint p = 0; parts[p] != NULL; p++)
    for (guint i = 0; i < G_N_ELEMENTS (lower_case_agencies); i++)
      if (g_ascii_strcasecmp (g_strstrip (parts[p]), lower_case_agencies[i]) == 0)
        return TRUE;
  return FALSE;
}

gboolean
_cd_import_word_in (const char        *word,
                    const char *const *words)
{
  g_assert (word != NULL);
  g_assert (words != NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (word, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @source, in brackets with no place before it ("(Bloomberg) --"),
 * is an agency that opens its stories so. Only known names: a story's own
 * first paragraph may open with a bracket too ("(Exclusive) - …"). */
gboolean
_cd_import_is_agency_name (const char *source)
{
  static const char *const agencies[] = {
    "AP", "Reuters", "AFP", "Bloomberg", "CNN", "UPI", "dpa", "EFE", "ANSA", "Xinhua",
    "Kyodo", "Yonhap", "PTI", "ANI", "IANS", "AAP", "CP", "PA", "PA Media", "Anadolu",
    "TASS", "Belga", "ANP", "NTB", "Ritzau", "TT", "PAP", "APA", "SDA", "KNA", "epd",
    "Lusa", "Europa Press", "Dow Jones", "Bernama", "Antara", "Kyodo News", "awp", "ots", "dpa-AFX",
    "STT", "FNB", "STT-FNB", "BNS", "Télam", "TASR", "La Presse Canadienne", "Presse Canadienne", "The Canadian Press",
    "Canadian Press", "NZN", "NZ Newswire", "NZPA", "新华社", "共同", "時事", "연합뉴스", "ČTK", "CTK", "MTI", "HINA", "BTA", "STA", "Tanjug", "Agerpres", "ATS", "Keystone-SDA", "Keystone-ATS",
    "AGI", "Adnkronos", "LaPresse", "Servimedia", "ANA-MPA", "AMNA", "LETA", "BNS", "ELTA", "Ukrinform",
    "Interfax", "Jiji", "Jiji Press", "JIJI PRESS", "CNA", "Bernama", "VNA", "PNA", "Notimex", "Télam",
    "Prensa Latina", "Agência Brasil", "Agencia Brasil", "IRNA", "WAFA", "MENA", "KUNA", "QNA", "WAM", "Kazinform", "BelTA", "Trend", "AKIpress", "BSS", "ENA", "MAP", "TAP", "APS", "SPA", "SANA", "ONA", "BNA", "NNA", "KPL", "AKP", "Armenpress", "AzerTAc", NULL
  };

  g_autofree char *agency = NULL;

  g_assert (source != NULL);

  agency = g_strndup (source, strcspn (source, "/"));
  return _cd_import_word_in (agency, agencies);
}

/* The agency a byline names as the reporter's ("Jane Halloway, PA Health
 * Correspondent", "Mia Calder, THE CANADIAN PRESS", "Marion Keogh
 * (Australian Associated Press)", or the agency alone: "The Associated
 * Press"), by its short name; %NULL for none (a staff reporter's). */
char *
_cd_import_agency_of_byline (const char *byline)
{
  static const char *const names[][2] = {
    {"associated press",             "AP" },
    { "the associated press",        "AP" },
    { "canadian press",              "CP" },
    { "the canadian press",          "CP" },
    { "australian associated press", "AAP"},
    { "press association",           "PA" },
    { "pa media",                    "PA" },
    { "agence france-presse",        "AFP"},
    { "deutsche presse-agentur",     "dpa"},
  };
  g_autofree char *affiliation = NULL;
  g_autofree char *down = NULL;
  g_auto (GStrv) words = NULL;
  const char *comma, *bracket;

  if (cd_text_is_blank (byline))
    return NULL;
  /* After the last comma, or in brackets at the end. */
  comma = strrchr (byline, ',');
  bracket = g_str_has_suffix (byline, ")") ? strrchr (byline, '(') : NULL;
  if (bracket != NULL)
    affiliation = g_strndup (bracket + 1, strlen (bracket + 1) - 1);
  else if (comma != NULL)
    affiliation = g_strdup (comma + 1);
  else
    /* The agency alone ("By The Associated Press", over its tables). */
    affiliation = g_strdup (byline);
  g_strstrip (affiliation);
  down = g_utf8_strdown (affiliation, -1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (down, names[i][0]))
      return g_strdup (names[i][1]);
  if (_cd_import_is_agency_name (affiliation))
    return g_steal_pointer (&affiliation);
  if (comma == NULL && bracket == NULL)
    return NULL;
  /* A short name before the post: "PA Political Correspondent", "AP
   * Economics Writer", "dpa correspondent". */
  words = g_strsplit (affiliation, " ", 2);
  if (words[0] != NULL && words[1] != NULL && _cd_import_is_agency_name (words[0]) &&
      g_regex_match_simple ("\\b(?:correspondent|editor|writer|reporter|staff|journalist|photographer)\\b",
                            words[1], G_REGEX_CASELESS, 0))
    return g_strdup (words[0]);
  /* The post before where the writer is: "Mark Hollis, PA Cricket
   * Correspondent, at Lord's". */
  if (comma != NULL && bracket == NULL && memchr (byline, ',', comma - byline) != NULL)
    {
      g_autofree char *before = g_strndup (byline, comma - byline);

      return _cd_import_agency_of_byline (before);
    }
  return NULL;
}

/* The source a dateline match names, in brackets or between slashes
 * ("/ritzau/"); "" when none. */
static char *
fetch_source (GMatchInfo *info)
{
  char *source = g_match_info_fetch_named (info, "source");

  if (source == NULL || *source == '\0')
    {
      g_free (source);
      source = g_match_info_fetch_named (info, "slashed");
    }
  return source != NULL ? source : g_strdup ("");
}

/* Whether @text reads as dates and times alone, as a site sets them
 * under the headline or a newsletter over its story ("03.05.2027 - Update : 03.05.2027", "Rabu, 21
 * April 2027 14:35 WIB", "May 3, 2027 10:24 AM"). */
gboolean
_cd_import_is_time_line (const char *text)
{
  return cd_count_words (text) <= 12 && strpbrk (text, "!?;") == NULL &&
         g_regex_match_simple ("\\b\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})\\b|\\b\\d{1,2}[:.]\\d{2}\\b|"
                               "\\b\\d{1,2}\\.?\\s+\\p{L}+\\.?,?\\s+(?:19|20)\\d{2}\\b|\\b\\p{L}+\\.?\\s+\\d{1,2},?\\s+(?:19|20)\\d{2}\\b",
                               text, 0, 0);
}

/* Whether @text is a date alone ("Jan 30", "Jan. 12", "4/4/2018"): a
 * dateline that names no place. */
gboolean
_cd_import_is_date (const char *text)
{
  g_assert (text != NULL);

  return g_regex_match (_cd_import_wire_regex (RE_DATE_ALONE), text, 0, NULL);
}

/* Whether @place, as a feed's metadata gives it, is the writer the
 * byline names: the same name before a comma ("Aaron J. Staples,
 * Michigan" under the byline "Aaron J. Staples, Michigan State
 * University", as a ninjs feed sent it). "Rome, Italy" under "Rome
 * Bureau" is a place. */
static gboolean
names_byline (CdArticle  *article,
              const char *place)
{
  const char *byline = cd_article_get_byline (article);
  const char *comma = strchr (place, ',');
  gsize       length;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (place != NULL);

  if (byline == NULL || comma == NULL || comma == place)
    return FALSE;
  if (g_ascii_strncasecmp (byline, "by ", 3) == 0)
    byline += 3;
  length = comma - place;
  return strncmp (byline, place, length) == 0 && byline[length] == ',';
}

/* A dateline as a story's metadata gives it ("SYDNEY March 22 AAP -",
 * "PASSAU, Germany, Dec 5, 2026 (AFP)", "4/4/2018"): its place is
 * @article's dateline and its source the article's source, where the
 * article has none. A date alone names neither; a word after the place
 * is a source only after a date or when it is an agency's name (not
 * "GROSSETO, Italy"). */
void
_cd_import_set_given_dateline (CdArticle  *article,
                               const char *dateline)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *place = NULL, *date = NULL, *bracketed = NULL, *named = NULL;
  int              named_end = -1;

  g_assert (CD_IS_ARTICLE (article));

  if (dateline == NULL || cd_text_is_blank (dateline))
    return;
  /* Longer is no dateline but text in its place: kept as it is. */
  if (strlen (dateline) > 200 ||
      !g_regex_match (_cd_import_wire_regex (RE_DATELINE_GIVEN), dateline, 0, &info))
    {
      g_autofree char *text = g_strstrip (g_strdup (dateline));

      if (cd_text_is_blank (cd_article_get_dateline (article)))
        cd_article_set_dateline (article, text);
      return;
    }
  place = g_match_info_fetch_named (info, "place");
  date = g_match_info_fetch_named (info, "date");
  bracketed = g_match_info_fetch_named (info, "bracketed");
  named = g_match_info_fetch_named (info, "named");
  if (*named != '\0' && *date == '\0' && !_cd_import_is_agency_name (named))
    {
      g_match_info_fetch_named_pos (info, "named", NULL, &named_end);
      g_free (place);
      place = g_strndup (dateline, named_end);
      g_clear_pointer (&named, g_free);
    }
  if (cd_text_is_blank (cd_article_get_source (article)))
    {
      if (*bracketed != '\0')
        cd_article_set_source (article, g_strstrip (bracketed));
      else if (named != NULL && *named != '\0')
        cd_article_set_source (article, named);
    }
  g_strstrip (place);
  while (*place != '\0' && place[strlen (place) - 1] == ',')
    place[strlen (place) - 1] = '\0';
  if (*place != '\0' && !_cd_import_is_date (place) && !names_byline (article, place) &&
      cd_text_is_blank (cd_article_get_dateline (article)))
    cd_article_set_dateline (article, g_strchomp (place));
}

static gboolean
is_byline_place (const char *place)
{
  g_autofree char *name = _cd_import_byline_of_line (place);

  return name != NULL;
}

/* Whether a dateline with no dash after its bracket is one by its source
 * and what follows: an agency's name in capitals (not a country's or a
 * body's that stories name so: "London (UK) Police …"), not the initials of the
 * place before it ("Vatikanstadt (KNA) Der Papst …", "KARACHI, Mar 12
 * (APP): The …", "Lima, mar. 12 (ANDINA). Las …"; not "The World Health
 * Organization (WHO) said …", nor "Ministry of Finance (MOF) Director …"),
 * then a sentence. */
static gboolean
is_acronym_dateline (const char *place,
                     const char *source,
                     const char *rest)
{
  g_auto (GStrv) words = g_regex_split_simple ("[\\s-]+", place, 0, 0);
  g_autoptr (GString) initials = g_string_new (NULL);

  static const char *const not_agencies[] = { "USA", "UAE", "NHS", "CEO", "GDP", "WHO", "NATO", "OPEC", "IMF", "ECB",
                                              "FBI", "CIA", "MPS", "MEPS", "BBC", "CNN", "NASA", "FIFA", "UEFA", NULL };

  if (!g_regex_match_simple ("^\\p{Lu}{3,8}$", source, 0, 0) || !g_unichar_isupper (g_utf8_get_char (rest)) ||
      g_strv_contains (not_agencies, source))
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if (g_unichar_isupper (g_utf8_get_char (words[i])))
      g_string_append_unichar (initials, g_utf8_get_char (words[i]));
  return g_utf8_strlen (initials->str, -1) < 2 ||
         (strstr (initials->str, source) == NULL && strstr (source, initials->str) == NULL);
}

GMatchInfo *
_cd_import_match_dateline (const char *paragraph)
{
  GMatchInfo *info = NULL;

  if (g_regex_match (_cd_import_wire_regex (RE_DATELINE), paragraph, 0, &info))
    {
      g_autofree char *source = fetch_source (info);
      g_autofree char *slashed = g_match_info_fetch_named (info, "slashed");
      g_autofree char *place = g_match_info_fetch_named (info, "place");
      g_autofree char *dash = g_match_info_fetch_named (info, "dash");
      g_autofree char *date = g_match_info_fetch_named (info, "date");
      g_auto (GStrv) words = g_strsplit (g_strstrip (place), " ", -1);
      /* A colon after the source between slashes is Ritzau's dash. */
      gboolean dashed = *dash != '\0' && (strcmp (dash, ":") != 0 || *slashed != '\0');

      /* With no place only a known agency's name, or any source after a
       * date alone ("Jan 30 (Gracenote) - …"); with a colon or nothing
       * after the bracket, a place, a date and a known agency ("Mumbai,
       * Dec 5 (PTI) The …"): a story's own first paragraph may hold a
       * bracket so ("The Associated Press (AP) said …"). */
      /* Kyodo's "【札幌共同】" is the whole dateline, Xinhua's
       * "新华社北京6月3日电" and Yonhap's "(서울=연합뉴스)". */
      if ((g_str_has_prefix (paragraph, "【") || g_str_has_prefix (paragraph, "新华社") ||
           g_str_has_prefix (paragraph, "（中央社") || g_str_has_prefix (paragraph, "(中央社") ||
           g_regex_match_simple ("^\\(\\p{Hangul}+=", paragraph, 0, 0)) &&
          *place != '\0')
        return info;
      /* A byline with its agency is none: "Por Jonas Brehm (dpa)". */
      g_autofree char *rest = g_match_info_fetch_named (info, "rest");

      /* An agency's short name in small letters, known or not, between a
       * place and a dash before a sentence: "Hamburg (hpa) - Der …". */
      if ((plausible_source (g_strstrip (source)) ||
           (dashed && *place != '\0' && g_regex_match_simple ("^\\p{Ll}{2,4}$", source, 0, 0) &&
            g_unichar_isupper (g_utf8_get_char (rest)))) &&
          g_strv_length (words) <= 5 && !is_byline_place (place) &&
          (*place != '\0' && !_cd_import_is_date (place)
               ? dashed || (*date != '\0' && _cd_import_is_agency_name (source)) ||
                     is_acronym_dateline (place, source, rest)
               : dashed && (*place != '\0' || _cd_import_is_agency_name (source))))
        return info;
    }
  g_clear_pointer (&info, g_match_info_free);
  if (g_regex_match (_cd_import_wire_regex (RE_DATELINE_NO_SOURCE), paragraph, 0, &info))
    {
      g_autofree char *source = g_match_info_fetch_named (info, "source");
      g_autofree char *date = g_match_info_fetch_named (info, "date");

      /* An agency's name without brackets only after the date: a known
       * one, or one in capitals after a comma ("RĪGA, 12. martā, LETA. …"). */
      if (source == NULL || *source == '\0' ||
          (*date != '\0' && (_cd_import_is_agency_name (source) || g_regex_match_simple ("^\\p{Lu}{2,9}$", source, 0, 0))))
        return info;
    }
  g_clear_pointer (&info, g_match_info_free);
  if (g_regex_match (_cd_import_wire_regex (RE_DATELINE_DATED), paragraph, 0, &info))
    return info;
  g_clear_pointer (&info, g_match_info_free);
  return NULL;
}

/* @text without the dashes and spaces it ends in ("SAN FRANCISCO--",
 * "LEEDS –"), whole characters only: "CITTÀ" keeps its last letter,
 * whose last byte is one of a dash's. */
static void
strip_dashes (char *text)
{
  gsize n = strlen (text);

  while (n > 0)
    {
      if (strchr ("-_ ", text[n - 1]) != NULL)
        n--;
      else if (n >= strlen ("–") && (g_str_has_prefix (text + n - strlen ("–"), "–") ||
                                     g_str_has_prefix (text + n - strlen ("—"), "—")))
        n -= strlen ("–");
      else
        break;
      text[n] = '\0';
    }
}

/* Adds the dateline @info matched at the head of @paragraph to @notes
 * (where given) as it stood, where it names a date ("BRUSSELS, Feb 10
 * (Reuters)", "LEEDS, 3 March 2026"): the article's dateline is the
 * place, and the date may be the story's only record of its day. */
static void
note_dated (GMatchInfo *info,
            const char *paragraph,
            GString    *notes)
{
  g_autofree char *date = g_match_info_fetch_named (info, "date");
  g_autofree char *filed = NULL;
  int              start = -1, end = -1;

  if (notes == NULL || date == NULL || *g_strstrip (date) == '\0' ||
      !g_match_info_fetch_named_pos (info, "rest", &start, &end) || start <= 0)
    return;
  filed = g_strndup (paragraph, start);
  strip_dashes (filed);
  for (gsize n = strlen (filed); n > 0 && strchr (":.", filed[n - 1]) != NULL; n--)
    filed[n - 1] = '\0';
  strip_dashes (filed);
  if (*filed != '\0')
    _cd_import_add_note (notes, filed);
}

/* When @paragraph is a dateline alone, the story under it ("MADRID, 14
 * (EUROPA PRESS)", as Europa Press sets it, "ROMA, 3 luglio 2027 (ANSA)"):
 * gives @article its place and agency where it has none, notes it where
 * it names a day, and returns TRUE. */
gboolean
_cd_import_take_dateline_alone (CdArticle  *article,
                                const char *paragraph,
                                GString    *notes)
{
  g_autoptr (GRegex) alone = g_regex_new ("^(?<place>\\p{Lu}[\\p{L} .'’-]{1,40}?)(?<date>,\\s*\\d{1,2}(?:\\s+\\p{L}{3,12}\\.?)?(?:\\s+\\d{4})?)?"
                                          "\\s*\\((?<source>[^()]{2,40})\\)\\.?$",
                                          0, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *place = NULL, *date = NULL, *source = NULL;

  g_assert (CD_IS_ARTICLE (article));

  if (!g_regex_match (alone, paragraph, 0, &info))
    return FALSE;
  source = g_match_info_fetch_named (info, "source");
  place = g_match_info_fetch_named (info, "place");
  date = g_match_info_fetch_named (info, "date");
  /* The place in capitals, or with a day after it: "Islamic State flag
   * (AFP/File)" is a photo's caption and credit. */
  if (!_cd_import_is_agency_name (g_strstrip (source)) || strchr (source, '/') != NULL || is_byline_place (place) ||
      (cd_text_has_char (place, g_unichar_islower) && *date == '\0'))
    return FALSE;
  if (cd_text_is_blank (cd_article_get_dateline (article)))
    cd_article_set_dateline (article, g_strstrip (place));
  if (cd_text_is_blank (cd_article_get_source (article)))
    cd_article_set_source (article, source);
  if (notes != NULL && *date != '\0')
    _cd_import_add_note (notes, paragraph);
  return TRUE;
}

/* When @paragraph opens with a dateline ("PLACE (SOURCE) — text", "PLACE,
 * DATE (SOURCE) - text", "PLACE — text"), gives @article that dateline and
 * source where it has none, and returns the text after it; else NULL. */
char *
_cd_import_take_dateline (CdArticle  *article,
                          const char *paragraph,
                          GString    *notes)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *place = NULL, *source = NULL;
  char            *rest;
  int              place_end = -1;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (paragraph != NULL);

  /* The match refers to the paragraph, which outlives it. */
  if ((info = _cd_import_match_dateline (paragraph)) == NULL)
    return NULL;
  note_dated (info, paragraph, notes);
  place = g_match_info_fetch_named (info, "place");
  source = fetch_source (info);
  /* Business Wire's "SAN FRANCISCO--(BUSINESS WIRE)--": the dashes are
   * no part of the place. */
  strip_dashes (place);
  /* "SEVILLA.–": the point is the dash's, not an abbreviation's. */
  if (g_str_has_suffix (place, ".") && g_match_info_fetch_named_pos (info, "place", NULL, &place_end) &&
      place_end > 0 && (g_str_has_prefix (paragraph + place_end, "–") || g_str_has_prefix (paragraph + place_end, "—")))
    place[strlen (place) - 1] = '\0';
  /* The date after the place, in figures or the month's name in small
   * letters: Belga's "BRUSSEL 14/10 (BELGA)", ČTK's "Praha 14. července
   * (ČTK)", MTI's "Budapest, 2027. július 14., szerda (MTI)". */
  {
    g_autofree char *bare = g_regex_replace_literal (_cd_import_wire_regex (RE_DATE_AFTER_PLACE), g_strstrip (place), -1, 0,
                                                     "", 0, NULL);

    if (bare != NULL && *bare != '\0')
      {
        g_free (place);
        place = g_steal_pointer (&bare);
      }
  }
  /* The agency's name after a point, where the sentence has no source:
   * "АСТАНА. KAZINFORM – …" (a name known, or in Latin capitals after a
   * place in another script). */
  {
    char *point = strrchr (place, '.');

    if ((source == NULL || *source == '\0') && point != NULL && point > place && point[1] == ' ')
      {
        g_autofree char *before = g_strndup (place, point - place);

        if (_cd_import_is_agency_name (point + 2) ||
            (g_regex_match_simple ("^[A-Z]{3,}$", point + 2, 0, 0) &&
             !g_regex_match_simple ("\\p{Latin}", before, 0, 0)))
          {
            g_free (source);
            source = g_strdup (point + 2);
            *point = '\0';
          }
      }
  }
  /* The site's name after the place, as a web paper writes it: "JAKARTA,
   * KOMPAS.com –", "SURABAYA, Kabarnusa.id –". */
  {
    char *comma = strrchr (place, ',');

    if ((source == NULL || *source == '\0') && comma != NULL &&
        g_regex_match_simple ("^\\s*\\p{L}[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*\\.[a-z]{2,4}$", comma + 1, G_REGEX_CASELESS, 0))
      {
        g_free (source);
        source = g_strstrip (g_strdup (comma + 1));
        *comma = '\0';
      }
  }
  if (cd_text_is_blank (cd_article_get_dateline (article)) && *g_strstrip (place) != '\0' &&
      !_cd_import_is_date (place))
    cd_article_set_dateline (article, place);
  if (source != NULL && *g_strstrip (source) != '\0' &&
      cd_text_is_blank (cd_article_get_source (article)))
    cd_article_set_source (article, source);
  /* Xinhua's reporters after its dateline: "（记者王晓明、李静）". */
  {
    g_autofree char *writers = g_match_info_fetch_named (info, "writers");

    if (writers != NULL && *writers != '\0' && cd_text_is_blank (cd_article_get_byline (article)))
      cd_article_set_byline (article, writers);
  }
  rest = g_match_info_fetch_named (info, "rest");
  /* The source first, then the place: "(ANSA) - ROMA, 1 LUG - …". */
  if (*place == '\0' || _cd_import_is_date (place))
    {
      g_autoptr (GMatchInfo) second = _cd_import_match_dateline (rest);
      g_autofree char *second_place = second ? g_match_info_fetch_named (second, "place") : NULL;

      if (second_place != NULL && *g_strstrip (second_place) != '\0' &&
          !_cd_import_is_date (second_place))
        {
          /* The match refers to @rest: fetched from before it is freed. */
          char *after = g_match_info_fetch_named (second, "rest");

          note_dated (second, rest, notes);
          if (cd_text_is_blank (cd_article_get_dateline (article)))
            cd_article_set_dateline (article, second_place);
          g_free (rest);
          rest = after;
        }
    }
  return rest;
}

/* When @paragraph opens with the place @given names, in capitals, before
 * a hyphen ("OTTAWA - A Manitoba man …" under the metadata's "Ottawa
 * Ontario Canada", as The Canadian Press writes it), gives @article that
 * dateline and returns the text after it; else NULL. Only the place the
 * metadata names: "UK - the figures" would be no dateline. */
static char *
take_given_place (CdArticle  *article,
                  const char *paragraph,
                  const char *given)
{
  const char      *dash = strstr (paragraph, " - ");
  g_autofree char *place = NULL;
  g_autofree char *folded_place = NULL;
  g_autofree char *folded_given = NULL;
  gsize            n;

  if (dash == NULL || dash - paragraph > 80 || cd_text_is_blank (given))
    return NULL;
  place = g_strndup (paragraph, dash - paragraph);
  if (cd_text_has_char (place, g_unichar_islower) || !cd_text_has_char (place, g_unichar_isupper))
    return NULL;
  folded_place = g_utf8_casefold (place, -1);
  folded_given = g_utf8_casefold (given, -1);
  n = strlen (folded_place);
  if (!g_str_has_prefix (folded_given, folded_place) ||
      g_unichar_isalnum (g_utf8_get_char (folded_given + n)))
    return NULL;
  cd_article_set_dateline (article, place);
  return g_strdup (dash + 3);
}

/* When the first paragraph of @markdown (consumed) opens with its
 * dateline, as wire copy does, the dateline leaves the text for the
 * article's. */
char *
_cd_import_take_body_dateline (CdArticle *article,
                               char      *markdown,
                               GString   *notes)
{
  const char      *end = strstr (markdown, "\n\n");
  g_autofree char *first = end ? g_strndup (markdown, end - markdown) : g_strdup (markdown);
  g_autofree char *given = g_strdup (cd_article_get_dateline (article));
  g_autofree char *rest = NULL;
  char            *body;

  /* The place the story prints is its dateline, over the one its
   * metadata names (where the desk filed it). */
  cd_article_set_dateline (article, NULL);
  /* The dateline in bold: "**SURABAYA, Kabarnusa.id** – Pemerintah …",
   * "**MOTRIL (Granada), 10 de marzo de 2026.–** El Hospital …". */
  if (g_regex_match_simple ("^(\\*\\*|__)[^*_\n]{2,80}\\1(?:\\s*[-–—]|\\s+\\p{Lu})", first, 0, 0))
    {
      const char      *close = strstr (first + 2, first[0] == '*' ? "**" : "__");
      g_autofree char *bare = g_strdup_printf ("%.*s%s", (int) (close - first - 2), first + 2, close + 2);

      rest = _cd_import_take_dateline (article, bare, notes);
    }
  if (rest == NULL)
    rest = _cd_import_take_dateline (article, g_strchomp (first), notes);
  if (rest == NULL)
    rest = take_given_place (article, first, given);
  if (cd_text_is_blank (cd_article_get_dateline (article)))
    cd_article_set_dateline (article, given);
  if (rest == NULL)
    return markdown;
  if (*rest == '\0')
    body = g_strdup (end != NULL ? end + 2 : "");
  else
    body = g_strconcat (rest, end != NULL ? end : "\n", NULL);
  g_free (markdown);
  return body;
}

/* Whether @paragraph is a list alone: each line an item ("- Spot gold
 * may edge up"), or a bullet the agency typed ("* Q1 EBITDA $512 mln",
 * escaped in Markdown; "• …"). */
static gboolean
is_list (const char *paragraph)
{
  g_auto (GStrv) lines = g_strsplit (paragraph, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "- ") && !g_str_has_prefix (lines[i], "\\* ") && !g_str_has_prefix (lines[i], "• "))
      return FALSE;
  return lines[0] != NULL;
}

/* Whether the paragraph @text is a picture alone: Markdown's image, or
 * Copydesk's image fence. */
static gboolean
is_picture (const char *text)
{
  return (g_str_has_prefix (text, "![") && g_str_has_suffix (text, ")") && strchr (text, '\n') == NULL) ||
         (g_str_has_prefix (text, "```image\n") && g_str_has_suffix (text, "\n```"));
}

/* A standfirst has at most this many words. */
#define STANDFIRST_MAX_WORDS 40

/* The plain text of @paragraph (Markdown) on one line. */
static char *
plain_line (const char *paragraph)
{
  char *plain = cd_render_plain_text (paragraph, -1);

  return g_strstrip (g_strdelimit (plain, "\n", ' '));
}

/* Whether @paragraph (Markdown) is in italic or in bold throughout, and
 * opens with no dateline (a lead in bold is the story's). */
static gboolean
is_emphasised (const char *paragraph)
{
  g_autofree char *text = g_strstrip (g_strdup (paragraph));
  g_autofree char *plain = plain_line (text);
  g_autoptr (GMatchInfo) dateline = NULL;
  gsize n = strlen (text);

  if (n < 3 || strchr (text, '\n') != NULL || (dateline = _cd_import_match_dateline (plain)) != NULL)
    return FALSE;
  for (const char *const *mark = (const char *const[]){ "**", "__", "*", "_", NULL }; *mark != NULL; mark++)
    if (g_str_has_prefix (text, *mark) && g_str_has_suffix (text, *mark) && n > 2 * strlen (*mark) &&
        strstr (text + strlen (*mark), *mark) == text + n - strlen (*mark))
      return TRUE;
  return FALSE;
}

/**
 * _cd_import_take_standfirst:
 * @article: the article, whose standfirst is still blank
 * @markdown: (transfer full): the story under its headline
 * @emphasis: whether the story stands right under its headline, so that
 *   a paragraph there in italic or in bold is its standfirst
 *
 * A document's or a message's standfirst: a short paragraph right under
 * the headline, over the paragraph that opens with the dateline (with a
 * "By" line or a line to the desk between them, or not), as a press
 * release has its subhead, or over a "By" line, as a feature or a
 * comment has it; or, with @emphasis, one in italic or in bold
 * throughout.
 *
 * Returns: (transfer full): the story without it
 */
char *
_cd_import_take_standfirst (CdArticle *article,
                            char      *markdown,
                            gboolean   emphasis)
{
  g_auto (GStrv) paras = g_strsplit (markdown, "\n\n", 8);
  g_autofree char *first = NULL;
  g_autofree char *opening = NULL;
  g_autoptr (GMatchInfo) dateline = NULL;
  guint    n = g_strv_length (paras), at = 0, next;
  gboolean bylined = FALSE;
  char    *body;

  g_assert (CD_IS_ARTICLE (article));

  if (!cd_text_is_blank (cd_article_get_dek (article)))
    return markdown;
  /* Under the lines to the desk and the "By" line that the opening takes. */
  for (; at + 1 < n && at < 4; at++)
    {
      g_autofree char *line = plain_line (paras[at]);

      if (!_cd_import_is_release_line (line) && !_cd_import_is_byline (line))
        break;
    }
  /* Not a heading, a quotation, a list, a table or a picture. */
  if (at + 1 >= n || strchr ("#>|!`", *paras[at]) != NULL ||
      g_regex_match_simple ("^(?:[-*+] |\\d+[.)] )", paras[at], 0, 0))
    return markdown;
  first = plain_line (paras[at]);
  /* A line with no letter (a review's stars, "★★★★☆") is no standfirst. */
  if (!g_regex_match_simple ("\\p{L}", first, 0, 0) || cd_count_words (first) > STANDFIRST_MAX_WORDS ||
      _cd_import_is_byline (first) ||
      _cd_import_is_date (first))
    return markdown;
  /* The opening under it, past a "By" line and lines to the desk. */
  for (next = at + 1; next + 1 < n && next < at + 4; next++)
    {
      g_autofree char *line = plain_line (paras[next]);

      if (_cd_import_is_byline (line))
        bylined = TRUE;
      else if (!_cd_import_is_release_line (line))
        break;
    }
  opening = plain_line (paras[next]);
  if ((dateline = _cd_import_match_dateline (opening)) == NULL && !bylined && !(emphasis && is_emphasised (paras[at])))
    return markdown;
  cd_article_set_dek (article, first);
  g_free (paras[at]);
  memmove (paras + at, paras + at + 1, (n - at) * sizeof (char *));
  body = g_strjoinv ("\n\n", paras);
  g_free (markdown);
  return body;
}

/* The place alone in bold capitals over the story (@markdown, consumed),
 * as Anadolu's web copy sets its dateline ("**ANKARA**"): @article's
 * dateline where it has none, when it would read as one before the
 * story's first words ("ANKARA - Türkiye's annual inflation …"; not a
 * label, "**BREAKING**"). */
static char *
take_bold_place (CdArticle *article,
                 char      *markdown)
{
  const char      *end = strstr (markdown, "\n\n");
  g_autofree char *first = g_strndup (markdown, end != NULL ? (gsize) (end - markdown) : 0);
  g_autofree char *place = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *joined = NULL;
  g_autoptr (GMatchInfo) info = NULL;
  char *rest;

  if (end == NULL || !cd_text_is_blank (cd_article_get_dateline (article)) ||
      (place = _cd_import_match_group (_cd_import_wire_regex (RE_BOLD_PLACE), first, "place")) == NULL)
    return markdown;
  opening = plain_line (end + 2 + strspn (end + 2, "\n"));
  joined = g_strdup_printf ("%s - %s", place, opening);
  if (!g_regex_match (_cd_import_wire_regex (RE_DATELINE_NO_SOURCE), joined, 0, &info))
    return markdown;
  cd_article_set_dateline (article, place);
  rest = g_strdup (end + 2 + strspn (end + 2, "\n"));
  g_free (markdown);
  return rest;
}

/* The opening of an agency story in XML (@markdown, consumed): the
 * version note over it ("(Adds comments, detail)") and a press release's
 * lines to the desk ("FOR IMMEDIATE RELEASE", an embargo, which becomes
 * @article's) to @notes; past the
 * list that sums it up, as Reuters heads a story, its byline and its
 * dateline, to @article's; the list stays on top. */
char *
_cd_import_take_body_opening (CdArticle *article,
                              char      *markdown,
                              GString   *notes)
{
  const char      *end = strstr (markdown, "\n\n");
  g_autofree char *first = g_strndup (markdown, end != NULL ? (gsize) (end - markdown) : strlen (markdown));
  g_autofree char *summary = NULL;
  char            *body;

  g_assert (CD_IS_ARTICLE (article) && notes != NULL);

  if (end != NULL && (g_regex_match (_cd_import_wire_regex (RE_VERSION_NOTE), g_strchomp (first), 0, NULL) ||
                      _cd_import_is_release_line (first)))
    {
      g_autofree char *plain = plain_line (first);

      if (!_cd_import_take_release_line (article, plain, notes))
        _cd_import_add_note (notes, first);
      body = g_strdup (end + 2 + strspn (end + 2, "\n"));
      g_free (markdown);
      return _cd_import_take_body_opening (article, body, notes);
    }
  /* A picture above the story's first words (a logo), or a review's
   * stars ("★★★★☆", a line with no letter): the opening is read under
   * it. */
  if (end != NULL && (is_picture (first) || !g_regex_match_simple ("\\p{L}", first, 0, 0)))
    {
      const char      *from = end + 2 + strspn (end + 2, "\n");
      const char      *under = strstr (from, "\n\n");
      g_autofree char *rest = NULL;
      g_autofree char *opened = NULL;

      /* And the picture's caption under it, where the story opens
       * under that with its dateline or "By" line. */
      if (is_picture (first) && under != NULL)
        {
          g_autofree char *caption = g_strndup (from, under - from);
          const char      *after = under + 2 + strspn (under + 2, "\n");
          const char      *next = strstr (after, "\n\n");
          g_autofree char *opening = NULL;
          g_autoptr (GMatchInfo) dateline = NULL;
          gboolean one_line = cd_count_words (caption) <= 30 && strchr (caption, '\n') == NULL;

          /* The credit under the caption, a paragraph of its own: "(KRVT)". */
          if (one_line && next != NULL)
            {
              g_autofree char *credit = g_strndup (after, next - after);
              g_autofree char *plain = plain_line (credit);

              if (cd_count_words (plain) <= 8 && strchr (credit, '\n') == NULL &&
                  (g_regex_match (_cd_import_wire_regex (RE_CREDIT), plain, 0, NULL) ||
                   g_regex_match_simple ("^\\([^()]{1,40}\\)$", plain, 0, 0)))
                {
                  g_autofree char *both = g_strconcat (caption, "\n\n", credit, NULL);

                  g_free (caption);
                  caption = g_steal_pointer (&both);
                  after = next + 2 + strspn (next + 2, "\n");
                }
            }
          {
            /* The paragraph under them. */
            const char      *below = strstr (after, "\n\n");
            g_autofree char *paragraph = g_strndup (after, below != NULL ? (gsize) (below - after) : strlen (after));

            opening = plain_line (paragraph);
          }
          if (one_line && ((dateline = _cd_import_match_dateline (opening)) != NULL || _cd_import_is_byline (opening)))
            {
              g_autofree char *both = g_strconcat (first, "\n\n", caption, NULL);

              g_free (first);
              first = g_steal_pointer (&both);
              from = after;
            }
        }
      rest = g_strdup (from);
      opened = _cd_import_take_body_opening (article, g_steal_pointer (&rest), notes);
      body = g_strconcat (first, "\n\n", opened, NULL);
      g_free (markdown);
      return body;
    }
  if (end != NULL && is_list (first))
    {
      summary = g_steal_pointer (&first);
      body = g_strdup (end + 2 + strspn (end + 2, "\n"));
      g_free (markdown);
      markdown = body;
      /* Typed bullets, a paragraph each. */
      while ((end = strstr (markdown, "\n\n")) != NULL)
        {
          g_autofree char *next = g_strndup (markdown, end - markdown);
          char            *both;

          if (!is_list (next))
            break;
          both = g_strconcat (summary, "\n\n", next, NULL);
          g_free (summary);
          summary = both;
          body = g_strdup (end + 2 + strspn (end + 2, "\n"));
          g_free (markdown);
          markdown = body;
        }
    }
  markdown = _cd_import_take_body_byline (article, markdown, notes);
  markdown = take_bold_place (article, markdown);
  /* The lines to the desk under the byline: a release's, a note to
   * editors ("(ATTN: ADDS ministry comments in paras 5-6)"), a version
   * note ("(Adds quote from mayor)"). */
  for (;;)
    {
      const char      *next = strstr (markdown, "\n\n");
      g_autofree char *para = g_strndup (markdown, next != NULL ? (gsize) (next - markdown) : strlen (markdown));
      g_autofree char *plain = plain_line (para);

      if (next != NULL && (g_regex_match (_cd_import_wire_regex (RE_EDS), plain, 0, NULL) ||
                           g_regex_match (_cd_import_wire_regex (RE_VERSION_NOTE), plain, 0, NULL)))
        _cd_import_add_note (notes, plain);
      else if (next == NULL || !_cd_import_take_release_line (article, plain, notes))
        break;
      body = g_strdup (next + 2 + strspn (next + 2, "\n"));
      g_free (markdown);
      markdown = body;
    }
  markdown = _cd_import_take_body_dateline (article, markdown, notes);
  if (summary == NULL)
    return markdown;
  body = g_strconcat (summary, "\n\n", markdown, NULL);
  g_free (markdown);
  return body;
}

/* Whether @paragraph (Markdown) is a rule across the page ("---"), which
 * reads as nothing in plain text: over the furniture under a story, it
 * goes with it. */
gboolean
_cd_import_is_rule_paragraph (const char *paragraph)
{
  g_autofree char *bare = g_strstrip (g_strdup (paragraph));

  return g_regex_match (_cd_import_wire_regex (RE_RULE), bare, 0, NULL);
}

/* Whether @paragraph (Markdown) is what stands under a story for the
 * desk, not the readers (_cd_import_take_body_sign_off()). */
static gboolean
is_furniture (const char *paragraph)
{
  g_autofree char *plain = plain_line (paragraph);

  /* An address alone ends a signature or a contact block, which stays
   * whole. */
  if (g_regex_match_simple ("^[^\\s@]+@[^\\s@]+\\.[a-z]{2,}$", plain, G_REGEX_CASELESS, 0))
    return FALSE;

  for (guint which = 0; which < 5; which++)
    if (g_regex_match (_cd_import_wire_regex ((guint[]){ RE_SIGN_OFF, RE_END, RE_TRAILER, RE_DESK_NOTE,
                                                         RE_CAPTION_PREFIX }[which]),
                       plain, 0, NULL))
      return TRUE;
  /* The credits, a line each ("Pewarta: …", "Editor: …", a copyright). */
  {
    g_autofree char *text = cd_render_plain_text (paragraph, -1);
    g_auto (GStrv) lines = g_strsplit (g_strstrip (text), "\n", -1);

    gboolean named = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_autofree char *writer = NULL;

        if (!_cd_import_is_credit_line (g_strstrip (lines[i]), &writer))
          return FALSE;
        named |= writer != NULL;
      }
    /* One alone where it names the writer: "AGERPRES/(A - autor: …,
     * editor: …)". */
    return lines[0] != NULL && (lines[1] != NULL || named);
  }
}

#define ANSA_SIGN_OFF " (ANSA)."

/* When the last paragraphs of @markdown (consumed) are the desk's
 * sign-off ("ab/xx", "AFP sn"), the mark that ends the copy ("ends"), a
 * trailer, a note to the desk or a picture's caption (is_furniture()), as
 * agencies and reporters end their copy in any format, they leave the
 * text for @notes, in their order; so does what follows an end mark (a
 * press release's notes to editors and contacts under its "ENDS"). */
char *
_cd_import_take_body_sign_off (char    *markdown,
                               GString *notes)
{
  g_autofree char *trimmed = g_strchomp (g_strdup (markdown));
  g_auto (GStrv) paragraphs = g_strsplit (trimmed, "\n\n", -1);
  guint    count = g_strv_length (paragraphs);
  guint    end = count;
  guint    keep;
  gboolean cut = FALSE;
  GString *body;

  g_assert (markdown != NULL && notes != NULL);

  for (guint i = 1; i + 1 < count && end == count; i++)
    {
      /* "**ENDS**" in bold too. */
      g_autofree char *plain = plain_line (paragraphs[i]);

      if (g_regex_match (_cd_import_wire_regex (RE_END), plain, 0, NULL))
        end = i + 1;
    }
  /* Four at the most: a sign-off, an end mark, a trailer ("More to
   * follow", the reporter's number), a note to the desk, a picture's
   * caption; the story keeps its first paragraph. */
  keep = end;
  while (keep > 1 && end - keep < 4 && (is_furniture (paragraphs[keep - 1]) || (keep < end && _cd_import_is_rule_paragraph (paragraphs[keep - 1]))))
    keep--;
  /* A contact block over them ("Kontakt:", a name, a phone, an address),
   * a paragraph a line. */
  for (guint start = keep > 9 ? keep - 9 : 1; start + 1 < keep; start++)
    {
      g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

      for (guint i = start; i < keep; i++)
        g_ptr_array_add (lines, plain_line (paragraphs[i]));
      if (_cd_import_sender_length ((const char *const *) lines->pdata, lines->len, FALSE) == keep - start)
        {
          keep = start;
          break;
        }
    }
  /* Or a paragraph of such lines parted by line breaks, as a document
   * sets it ("**Pressekontakt:**", a name, a post, a phone, an address). */
  if (keep > 1)
    {
      g_autofree char *text = cd_render_plain_text (paragraphs[keep - 1], -1);
      g_auto (GStrv) lines = g_strsplit (g_strstrip (text), "\n", -1);
      guint n = g_strv_length (lines);

      if (n >= 2 && n <= 9 && _cd_import_sender_length ((const char *const *) lines, n, FALSE) == n)
        keep--;
    }
  /* A copyright line run on after the last sentence: "… are working\".
   * ALL RIGHTS RESERVED © Copyright ANSA". */
  if (keep > 0)
    {
      g_autoptr (GMatchInfo) info = NULL;
      int at = -1;

      if (g_regex_match_simple ("(?i:©|\\(c\\)|\\bcopyright\\b|\\brights\\s+reserved\\b)", paragraphs[keep - 1], 0, 0) &&
          g_regex_match (_cd_import_wire_regex (RE_COPYRIGHT_AFTER_SENTENCE), paragraphs[keep - 1], 0, &info) &&
          g_match_info_fetch_named_pos (info, "tail", &at, NULL) && at > 0)
        {
          g_autofree char *tail = g_strdup (paragraphs[keep - 1] + at);
          g_autofree char *plain = plain_line (tail);

          if (g_regex_match (_cd_import_wire_regex (RE_TRAILER), plain, 0, NULL))
            {
              _cd_import_add_note (notes, plain);
              paragraphs[keep - 1][at] = '\0';
              g_strchomp (paragraphs[keep - 1]);
              cut = TRUE;
            }
        }
    }
  /* ANSA signs the last sentence itself: "… il ministro (ANSA)." */
  if (keep > 0 && g_str_has_suffix (paragraphs[keep - 1], ANSA_SIGN_OFF) &&
      strlen (paragraphs[keep - 1]) > strlen (ANSA_SIGN_OFF))
    {
      char *last = paragraphs[keep - 1];

      char *mark = last + strlen (last) - strlen (ANSA_SIGN_OFF);

      /* "… coperture. (ANSA).": the sentence has its stop. */
      strcpy (mark, mark > last && g_utf8_strchr (".!?\"”»", -1, g_utf8_get_char (g_utf8_prev_char (mark))) != NULL ? "" : ".");
      _cd_import_add_note (notes, "(ANSA)");
    }
  else if (keep == count && !cut)
    {
      return markdown;
    }
  body = g_string_new (NULL);
  for (guint i = 0; i < count; i++)
    if (i >= keep)
      {
        /* The note is plain text: "\\###" and "**Media contact**" as they read. */
        g_autofree char *plain = cd_render_plain_text (paragraphs[i], -1);

        /* A rule across the page says nothing. */
        if (!g_regex_match (_cd_import_wire_regex (RE_RULE), g_strstrip (plain), 0, NULL))
          _cd_import_add_note (notes, plain);
      }
    else
      g_string_append_printf (body, "%s%s", i > 0 ? "\n\n" : "", paragraphs[i]);
  g_string_append_c (body, '\n');
  g_free (markdown);
  return g_string_free (body, FALSE);
}
