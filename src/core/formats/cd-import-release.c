/* cd-import-release.c: what a press release says to the desk above its
 * headline: that it is one ("PRESS RELEASE", "Pressemitteilung"), when it
 * may be used ("FOR IMMEDIATE RELEASE"), and above all when it may not:
 * "Embargoed until 00:01 GMT, Thursday 4 December 2026", "Sperrfrist:
 * 4. Dezember 2026, 10 Uhr". Such a line is no headline and no part of
 * the story: it goes to the note, and an embargo it names becomes the
 * article's, read strictly (a day, a month, a year, a time and a zone
 * that are plain; no zone is the newsroom's own time), or not at all.
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
    "^(?:(?<embargo>(?:strictly\\s+)?embargo(?:ed)?|under\\s+embargo|not\\s+for\\s+(?:publication|release|"
    "broadcast|use)|hold\\s+for\\s+release|for\\s+release(?=\\s*(?:at|on|:)?\\s*\\d)|sperrfrist|"
    "embargo\\s+(?:jusqu|jusqu'au|hasta)|sous\\s+embargo)|(?<label>for\\s+immediate\\s+release|immediate\\s+release|"
    "press\\s+release|news\\s+release|media\\s+release|media\\s+statement|press\\s+statement|"
    "pressemitteilung|presseinformation|presse-information|pressemeldung|medienmitteilung|"
    "zur\\s+sofortigen\\s+ver(?:ö|oe)ffentlichung|communiqu(?:é|e)\\s+de\\s+presse|"
    "comunicado\\s+de\\s+prensa|nota\\s+de\\s+prensa|comunicato\\s+stampa|persbericht))\\b"
    "(?<separator>\\W*)(?<rest>.*)$";

static GRegex *
release_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new (release_pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

typedef struct
{
  const char *name;
  int         value;
} Word;

static const Word months[] = {
  {"january",    1 },
  { "jan",       1 },
  { "januar",    1 },
  { "janvier",   1 },
  { "jänner",   1 },
  { "february",  2 },
  { "feb",       2 },
  { "februar",   2 },
  { "février",  2 },
  { "fevrier",   2 },
  { "march",     3 },
  { "mar",       3 },
  { "märz",     3 },
  { "maerz",     3 },
  { "mars",      3 },
  { "april",     4 },
  { "apr",       4 },
  { "avril",     4 },
  { "may",       5 },
  { "mai",       5 },
  { "june",      6 },
  { "jun",       6 },
  { "juni",      6 },
  { "juin",      6 },
  { "july",      7 },
  { "jul",       7 },
  { "juli",      7 },
  { "juillet",   7 },
  { "august",    8 },
  { "aug",       8 },
  { "août",     8 },
  { "aout",      8 },
  { "september", 9 },
  { "sep",       9 },
  { "sept",      9 },
  { "septembre", 9 },
  { "october",   10},
  { "oct",       10},
  { "oktober",   10},
  { "okt",       10},
  { "octobre",   10},
  { "november",  11},
  { "nov",       11},
  { "novembre",  11},
  { "december",  12},
  { "dec",       12},
  { "dezember",  12},
  { "dez",       12},
  { "décembre", 12},
  { "decembre",  12},
};

/* Zones by their abbreviation, in minutes east of UTC; America's by
 * the city whose clock they name, as summer time depends on the day. */
static const struct
{
  const char *name;
  int         minutes;
  const char *identifier;
} zones[] = {
  {"gmt",   0,    NULL                 },
  { "utc",  0,    NULL                 },
  { "ut",   0,    NULL                 },
  { "z",    0,    NULL                 },
  { "bst",  60,   NULL                 },
  { "cet",  60,   NULL                 },
  { "mez",  60,   NULL                 },
  { "cest", 120,  NULL                 },
  { "mesz", 120,  NULL                 },
  { "eet",  120,  NULL                 },
  { "eest", 180,  NULL                 },
  { "wet",  0,    NULL                 },
  { "west", 60,   NULL                 },
  { "est",  -300, NULL                 },
  { "edt",  -240, NULL                 },
  { "cst",  -360, NULL                 },
  { "cdt",  -300, NULL                 },
  { "mst",  -420, NULL                 },
  { "mdt",  -360, NULL                 },
  { "pst",  -480, NULL                 },
  { "pdt",  -420, NULL                 },
  { "et",   0,    "America/New_York"   },
  { "ct",   0,    "America/Chicago"    },
  { "mt",   0,    "America/Denver"     },
  { "pt",   0,    "America/Los_Angeles"},
  { "aest", 600,  NULL                 },
  { "aedt", 660,  NULL                 },
  { "jst",  540,  NULL                 },
  { "sgt",  480,  NULL                 },
  { "hkt",  480,  NULL                 },
};

/* Words that may stand in a time and say nothing more. */
static const char *const fillers[] = { "until", "till", "to", "at", "on", "the", "of", "before", "after",
                                       "hrs", "hours", "h", "uhr", "um", "bis", "am", "le", "à", "a",
                                       "jusqu'au", "jusqu", "au", "hasta", "el", "de", "local", "time",
                                       "and", "und" };

/* The days of the week, from Monday (1): a day named must be the date's. */
static const Word weekdays[] = {
  {"monday",      1},
  { "mon",        1},
  { "montag",     1},
  { "lundi",      1},
  { "tuesday",    2},
  { "tue",        2},
  { "tues",       2},
  { "dienstag",   2},
  { "mardi",      2},
  { "wednesday",  3},
  { "wed",        3},
  { "mittwoch",   3},
  { "mercredi",   3},
  { "thursday",   4},
  { "thu",        4},
  { "thur",       4},
  { "thurs",      4},
  { "donnerstag", 4},
  { "jeudi",      4},
  { "friday",     5},
  { "fri",        5},
  { "freitag",    5},
  { "vendredi",   5},
  { "saturday",   6},
  { "sat",        6},
  { "samstag",    6},
  { "samedi",     6},
  { "sunday",     7},
  { "sun",        7},
  { "sonntag",    7},
  { "dimanche",   7},
};

typedef struct
{
  int         year, month, day, hour, minute;
  int         weekday; /* the day of the week named, from Monday (1), or 0 */
  int         offset;  /* minutes east of UTC */
  const char *zone;    /* a zone's identifier, else NULL */
  gboolean    has_zone, pm, am;
} When;

static gboolean
read_time (const char *token,
           When       *when)
{
  char *end;
  long  hour = strtol (token, &end, 10), minute = 0;

  if (end == token || hour > 24)
    return FALSE;
  if (*end == ':' || *end == '.' || *end == 'h')
    {
      const char *start = end + 1;

      minute = strtol (start, &end, 10);
      if (end - start != 2 || minute > 59)
        return FALSE;
    }
  else
    return FALSE;
  when->hour = (int) hour;
  when->minute = (int) minute;
  if (g_str_equal (end, "am") || g_str_equal (end, "a.m."))
    when->am = TRUE;
  else if (g_str_equal (end, "pm") || g_str_equal (end, "p.m."))
    when->pm = TRUE;
  else if (*end != '\0')
    return FALSE;
  return TRUE;
}

/* Whether @token is a zone: a name, or an offset ("+01:00", "+0100",
 * "gmt+1"). */
static gboolean
read_zone (const char *token,
           When       *when)
{
  const char *offset = token;

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (g_str_equal (token, zones[i].name))
      {
        when->offset = zones[i].minutes;
        when->zone = zones[i].identifier;
        when->has_zone = TRUE;
        return TRUE;
      }
  if (g_str_has_prefix (offset, "gmt") || g_str_has_prefix (offset, "utc"))
    offset += 3;
  if ((*offset == '+' || *offset == '-') && g_ascii_isdigit (offset[1]))
    {
      char *end;
      long  value = strtol (offset + 1, &end, 10);
      long  minutes;

      if (*end == ':')
        minutes = value * 60 + strtol (end + 1, &end, 10);
      else
        minutes = end - offset - 1 > 2 ? value / 100 * 60 + value % 100 : value * 60;
      if (*end != '\0' || minutes > 14 * 60)
        return FALSE;
      when->offset = (int) (*offset == '-' ? -minutes : minutes);
      when->has_zone = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* Reads one word of a time: a day ("4", "4.", "4th"), a month, a year,
 * a time ("00:01", "10.00", "10h00"), "am" or "pm", a zone, or a word
 * that says nothing. */
static gboolean
read_token (const char *token,
            When       *when)
{
  char *end;
  long  number;

  if (*token == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    if (g_str_equal (token, fillers[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    if (g_str_equal (token, weekdays[i].name) ||
        (g_str_has_prefix (token, weekdays[i].name) && g_str_equal (token + strlen (weekdays[i].name), ".")))
      {
        when->weekday = weekdays[i].value;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_equal (token, months[i].name) ||
        (g_str_has_prefix (token, months[i].name) && g_str_equal (token + strlen (months[i].name), ".")))
      {
        if (when->month != 0)
          return FALSE;
        when->month = months[i].value;
        return TRUE;
      }
  if (g_str_equal (token, "pm") || g_str_equal (token, "p.m.") || g_str_equal (token, "am.") ||
      g_str_equal (token, "a.m.") || g_str_equal (token, "p.m"))
    {
      when->pm = token[0] == 'p';
      when->am = token[0] == 'a';
      return TRUE;
    }
  if (read_zone (token, when))
    return TRUE;
  if (strchr (token, ':') != NULL || (strchr (token, '.') != NULL && strlen (token) > 3) ||
      (g_ascii_isdigit (token[0]) && strchr (token, 'h') != NULL && g_ascii_isdigit (strchr (token, 'h')[1])))
    return when->hour < 0 && read_time (token, when);
  number = strtol (token, &end, 10);
  if (end == token)
    return FALSE;
  if (*end == '\0' && number >= 2000 && number <= 2100 && when->year == 0)
    {
      when->year = (int) number;
      return TRUE;
    }
  if (number >= 1 && number <= 31 && when->day == 0 &&
      (*end == '\0' || g_str_equal (end, ".") || g_str_equal (end, "st") || g_str_equal (end, "nd") ||
       g_str_equal (end, "rd") || g_str_equal (end, "th") || g_str_equal (end, "er")))
    {
      when->day = (int) number;
      return TRUE;
    }
  return FALSE;
}

/* The time @text names, or %NULL where any of it is not plain: a day and
 * a month at the least; no year is the next such day; no time is the
 * day's start; no zone is the newsroom's. */
static GDateTime *
read_embargo (const char *text)
{
  g_autofree char *folded = g_utf8_strdown (text, -1);
  g_auto (GStrv) tokens = NULL;
  g_autoptr (GTimeZone) zone = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  When       when = { 0, 0, 0, -1, 0, 0, 0, NULL, FALSE, FALSE, FALSE };
  GDateTime *result;

  g_strdelimit (folded, ",;()/", ' ');
  tokens = g_strsplit_set (folded, " \t", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      /* "4.12.2026" and "2026-12-04": the day, month and year in one. */
      int  a, b, c;
      char tail;

      /* "0001 GMT": four figures before a zone are a time. */
      if (strlen (tokens[i]) == 4 && strspn (tokens[i], "0123456789") == 4 && tokens[i + 1] != NULL &&
          read_zone (tokens[i + 1], &(When){ 0 }) && when.hour < 0 && atoi (tokens[i]) % 100 < 60 &&
          atoi (tokens[i]) / 100 < 24)
        when.hour = atoi (tokens[i]) / 100, when.minute = atoi (tokens[i]) % 100;
      else if (sscanf (tokens[i], "%4d-%2d-%2d%c", &a, &b, &c, &tail) == 3 && a >= 2000 && when.year == 0)
        when.year = a, when.month = b, when.day = c;
      else if (sscanf (tokens[i], "%2d.%2d.%4d%c", &a, &b, &c, &tail) == 3 && c >= 2000 && when.year == 0)
        when.day = a, when.month = b, when.year = c;
      else if (!read_token (tokens[i], &when))
        return NULL;
    }
  if (when.day == 0 || when.month < 1 || when.month > 12)
    return NULL;
  if (when.hour < 0)
    when.hour = 0;
  if ((when.am || when.pm) && (when.hour < 1 || when.hour > 12))
    return NULL;
  if (when.pm && when.hour < 12)
    when.hour += 12;
  if (when.am && when.hour == 12)
    when.hour = 0;
  if (when.hour == 24)
    return NULL;
  if (when.zone != NULL)
    zone = g_time_zone_new_identifier (when.zone);
  else if (when.has_zone)
    zone = g_time_zone_new_offset (when.offset * 60);
  else
    zone = g_time_zone_new_local ();
  if (zone == NULL)
    return NULL;
  if (when.year == 0)
    {
      /* The next such day: this year's, unless it is a month gone. */
      when.year = g_date_time_get_year (now);
      result = g_date_time_new (zone, when.year, when.month, when.day, when.hour, when.minute, 0);
      if (result != NULL && g_date_time_difference (now, result) > 30 * G_TIME_SPAN_DAY)
        g_clear_pointer (&result, g_date_time_unref);
      when.year += result == NULL;
    }
  else
    result = NULL;
  if (result == NULL)
    result = g_date_time_new (zone, when.year, when.month, when.day, when.hour, when.minute, 0);
  /* "Thursday 5 February": one of them is wrong; the desk is to say which. */
  if (result != NULL && when.weekday != 0 && g_date_time_get_day_of_week (result) != when.weekday)
    g_clear_pointer (&result, g_date_time_unref);
  return result;
}

/* Whether @line is a press release's line to the desk; @embargo gets the
 * time it names as an embargo, or %NULL. */
static gboolean
read_release_line (const char *line,
                   GDateTime **embargo)
{
  g_autofree char *plain = g_strstrip (g_strdup (line));
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *separator = NULL;
  gsize            length;

  *embargo = NULL;
  /* Markdown's bold round it, as a document sets it. */
  length = strlen (plain);
  if (length > 4 && g_str_has_prefix (plain, "**") && g_str_has_suffix (plain, "**"))
    {
      memmove (plain, plain + 2, length - 4);
      plain[length - 4] = '\0';
    }
  if (strchr (plain, '\n') != NULL || g_utf8_strlen (plain, -1) > 120 ||
      !g_regex_match (release_regex (), plain, 0, &match))
    return FALSE;
  rest = g_strstrip (g_match_info_fetch_named (match, "rest"));
  kind = g_match_info_fetch_named (match, "embargo");
  separator = g_match_info_fetch_named (match, "separator");
  if (kind != NULL && *kind != '\0')
    {
      /* "Embargoed until …", "EMBARGO: …", a time; not "Embargo on
       * Russian oil extended". */
      *embargo = *rest != '\0' ? read_embargo (rest) : NULL;
      return *rest == '\0' || *embargo != NULL || strchr (separator, ':') != NULL ||
             g_regex_match_simple ("^(?:until|till|to|before|bis|jusqu|hasta)\\b", rest, G_REGEX_CASELESS, 0);
    }
  /* "PRESS RELEASE – 3 December 2026", not "Press release: council
   * approves barrier". */
  if (*rest == '\0')
    return TRUE;
  {
    g_autoptr (GDateTime) date = read_embargo (rest);

    return date != NULL;
  }
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

  g_assert (CD_IS_ARTICLE (article));
  g_assert (line != NULL && notes != NULL);

  if (!read_release_line (line, &embargo))
    return FALSE;
  plain = g_strstrip (g_strdup (line));
  _cd_import_add_note (notes, plain);
  if (embargo != NULL && g_date_time_compare (embargo, now) > 0 && cd_article_get_embargo (article) == NULL)
    cd_article_set_embargo (article, embargo);
  return TRUE;
}

/* Whether @line is a press release's line to the desk (see
 * _cd_import_take_release_line()). */
gboolean
_cd_import_is_release_line (const char *line)
{
  g_autoptr (GDateTime) embargo = NULL;

  return read_release_line (line, &embargo);
}
