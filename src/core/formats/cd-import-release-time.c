/* cd-import-release-time.c: the time a press release's embargo names
 * ("00:01 GMT, Thursday 4 February 2027", "4. Februar 2027, 10:00 Uhr
 * MEZ", "February 4, 2027 at 12:01 a.m. ET"). An embargo read too early
 * lets a story out before its time, so the time is read strictly or not
 * at all: every word must be a day, a month, a year, a weekday (the
 * date's), a time or a zone, or a word that says nothing more ("until",
 * "at", "Uhr"); a zone must be named, once, and be in force on that day
 * (CEST in February is not); a time the clocks skip, "12:00 am" (German
 * "am" or English?), two zones, and a date in figures that could be
 * read day first or month first ("04/02") are refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cd-import-private.h"

typedef struct
{
  const char *name;
  int         value;
} Word;

static const Word months[] = {
  {"january",     1 },
  { "jan",        1 },
  { "januar",     1 },
  { "janvier",    1 },
  { "jänner",    1 },
  { "enero",      1 },
  { "gennaio",    1 },
  { "januari",    1 },
  { "february",   2 },
  { "feb",        2 },
  { "februar",    2 },
  { "février",   2 },
  { "fevrier",    2 },
  { "febrero",    2 },
  { "febbraio",   2 },
  { "februari",   2 },
  { "march",      3 },
  { "mar",        3 },
  { "märz",      3 },
  { "maerz",      3 },
  { "mars",       3 },
  { "marzo",      3 },
  { "maart",      3 },
  { "april",      4 },
  { "apr",        4 },
  { "avril",      4 },
  { "abril",      4 },
  { "aprile",     4 },
  { "may",        5 },
  { "mai",        5 },
  { "mayo",       5 },
  { "maggio",     5 },
  { "mei",        5 },
  { "june",       6 },
  { "jun",        6 },
  { "juni",       6 },
  { "juin",       6 },
  { "junio",      6 },
  { "giugno",     6 },
  { "july",       7 },
  { "jul",        7 },
  { "juli",       7 },
  { "juillet",    7 },
  { "julio",      7 },
  { "luglio",     7 },
  { "august",     8 },
  { "aug",        8 },
  { "août",      8 },
  { "aout",       8 },
  { "agosto",     8 },
  { "augustus",   8 },
  { "september",  9 },
  { "sep",        9 },
  { "sept",       9 },
  { "septembre",  9 },
  { "septiembre", 9 },
  { "settembre",  9 },
  { "october",    10},
  { "oct",        10},
  { "oktober",    10},
  { "okt",        10},
  { "octobre",    10},
  { "octubre",    10},
  { "ottobre",    10},
  { "november",   11},
  { "nov",        11},
  { "novembre",   11},
  { "noviembre",  11},
  { "december",   12},
  { "dec",        12},
  { "dezember",   12},
  { "dez",        12},
  { "décembre",  12},
  { "decembre",   12},
  { "diciembre",  12},
  { "dicembre",   12},
};

/* The days of the week, from Monday (1): a day named must be the date's. */
static const Word weekdays[] = {
  {"monday",         1},
  { "mon",           1},
  { "montag",        1},
  { "mo",            1},
  { "lundi",         1},
  { "lunes",         1},
  { "lunedì",       1},
  { "maandag",       1},
  { "maanantai",     1},
  { "maanantaina",   1},
  { "måndag",       1},
  { "mandag",        1},
  { "tuesday",       2},
  { "tue",           2},
  { "tues",          2},
  { "dienstag",      2},
  { "di",            2},
  { "mardi",         2},
  { "martes",        2},
  { "martedì",      2},
  { "dinsdag",       2},
  { "tiistai",       2},
  { "tiistaina",     2},
  { "tisdag",        2},
  { "tirsdag",       2},
  { "wednesday",     3},
  { "wed",           3},
  { "mittwoch",      3},
  { "mi",            3},
  { "mercredi",      3},
  { "miércoles",    3},
  { "mercoledì",    3},
  { "woensdag",      3},
  { "keskiviikko",   3},
  { "keskiviikkona", 3},
  { "onsdag",        3},
  { "thursday",      4},
  { "thu",           4},
  { "thur",          4},
  { "thurs",         4},
  { "donnerstag",    4},
  { "do",            4},
  { "jeudi",         4},
  { "jueves",        4},
  { "giovedì",      4},
  { "donderdag",     4},
  { "torstai",       4},
  { "torstaina",     4},
  { "torsdag",       4},
  { "friday",        5},
  { "fri",           5},
  { "freitag",       5},
  { "fr",            5},
  { "vendredi",      5},
  { "viernes",       5},
  { "venerdì",      5},
  { "vrijdag",       5},
  { "perjantai",     5},
  { "perjantaina",   5},
  { "fredag",        5},
  { "saturday",      6},
  { "sat",           6},
  { "samstag",       6},
  { "sa",            6},
  { "samedi",        6},
  { "sábado",       6},
  { "sabato",        6},
  { "zaterdag",      6},
  { "lauantai",      6},
  { "lauantaina",    6},
  { "lördag",       6},
  { "lørdag",       6},
  { "sunday",        7},
  { "sun",           7},
  { "sonntag",       7},
  { "so",            7},
  { "dimanche",      7},
  { "domingo",       7},
  { "domenica",      7},
  { "zondag",        7},
  { "sunnuntai",     7},
  { "sunnuntaina",   7},
  { "söndag",       7},
  { "søndag",       7},
};

/* Zones by their abbreviation, in minutes east of UTC, with the region
 * whose clock must show that offset on the day (a summer time named in
 * winter is a mistake, and refused); "ET" and its like are the region's
 * clock itself. */
#define REGION_CLOCK G_MININT

static const struct
{
  const char *name;
  int         minutes;
  const char *region;
} zones[] = {
  {"gmt",         0,            NULL                 },
  { "utc",        0,            NULL                 },
  { "ut",         0,            NULL                 },
  { "z",          0,            NULL                 },
  { "bst",        60,           "Europe/London"      },
  { "cet",        60,           "Europe/Berlin"      },
  { "mez",        60,           "Europe/Berlin"      },
  { "cest",       120,          "Europe/Berlin"      },
  { "mesz",       120,          "Europe/Berlin"      },
  { "eet",        120,          "Europe/Athens"      },
  { "eest",       180,          "Europe/Athens"      },
  { "wet",        0,            "Europe/Lisbon"      },
  { "west",       60,           "Europe/Lisbon"      },
  { "est",        -300,         "America/New_York"   },
  { "edt",        -240,         "America/New_York"   },
  { "cst",        -360,         "America/Chicago"    },
  { "cdt",        -300,         "America/Chicago"    },
  { "mst",        -420,         "America/Denver"     },
  { "mdt",        -360,         "America/Denver"     },
  { "pst",        -480,         "America/Los_Angeles"},
  { "pdt",        -420,         "America/Los_Angeles"},
  { "aest",       600,          "Australia/Sydney"   },
  { "aedt",       660,          "Australia/Sydney"   },
  { "jst",        540,          NULL                 },
  { "kst",        540,          NULL                 },
  { "sast",       120,          NULL                 },
  { "msk",        180,          NULL                 },
  { "gst",        240,          NULL                 },
  { "pkt",        300,          NULL                 },
  { "wib",        420,          NULL                 },
  { "ict",        420,          NULL                 },
  { "pht",        480,          NULL                 },
  { "awst",       480,          NULL                 },
  { "wat",        60,           NULL                 },
  { "cat",        120,          NULL                 },
  { "eat",        180,          NULL                 },
  { "sgt",        480,          NULL                 },
  { "hkt",        480,          NULL                 },
  { "et",         REGION_CLOCK, "America/New_York"   },
  { "ct",         REGION_CLOCK, "America/Chicago"    },
  { "mt",         REGION_CLOCK, "America/Denver"     },
  { "pt",         REGION_CLOCK, "America/Los_Angeles"},
 /* Spain's mainland time, as EFE names it: "hora peninsular"; Finland's,
  * as STT names it: "Suomen aikaa"; central
  * European time in French, as Keystone-ATS names it: "HEC", and in
  * summer "HAEC". */
  { "peninsular", REGION_CLOCK, "Europe/Madrid"      },
  { "suomen",     REGION_CLOCK, "Europe/Helsinki"    },
  { "hec",        REGION_CLOCK, "Europe/Paris"       },
  { "haec",       REGION_CLOCK, "Europe/Paris"       },
 /* A city's clock, as French releases name it: "(heure de Paris)",
  * "heure de Bruxelles"; "heure française". */
  { "paris",      REGION_CLOCK, "Europe/Paris"       },
  { "française", REGION_CLOCK, "Europe/Paris"       },
  { "bruxelles",  REGION_CLOCK, "Europe/Brussels"    },
 /* Canada's in French, as La Presse Canadienne names them: "HAE" (heure
  * avancée de l'Est), "HNE" (normale), the Centre's, the Rockies', the
  * Pacific's and the Atlantic's. */
  { "hae",        -240,         "America/Toronto"    },
  { "hne",        -300,         "America/Toronto"    },
  { "hac",        -300,         "America/Winnipeg"   },
  { "hnc",        -360,         "America/Winnipeg"   },
  { "har",        -360,         "America/Edmonton"   },
  { "hnr",        -420,         "America/Edmonton"   },
  { "hap",        -420,         "America/Vancouver"  },
  { "hnp",        -480,         "America/Vancouver"  },
  { "haa",        -180,         "America/Halifax"    },
  { "hna",        -240,         "America/Halifax"    },
};

/* Words that may stand in a time and say nothing more. */
static const char *const fillers[] = { "until", "till", "to", "at", "on", "the", "of", "before", "hrs",
                                       "hours", "h", "uhr", "um", "bis", "le", "à", "a", "jusqu'au",
                                       "jusqu'à", "jusqu", "au", "hasta", "el", "de", "del", "vom", "du",
                                       "ab", "fino", "alle", "al", "ore", "tot", "uur", "horas", "hora", "las", "and", "klo", "aikaa", "heure",
                                       "und", "-", "–", "—", "|", ":", "," };

typedef struct
{
  int         year, month, day, hour, minute;
  int         weekday; /* the day of the week named, from Monday (1), or 0 */
  int         offset;  /* minutes east of UTC, or REGION_CLOCK */
  const char *region;  /* whose clock shows @offset that day, or NULL */
  gboolean    has_zone;
  gboolean    am, pm;
  gboolean    midnight;  /* the end of the day named */
  gboolean    ambiguous; /* read, but it could mean two times */
} When;

static gboolean
is_word (const char        *token,
         const char *const *words,
         gsize              n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (token, words[i]))
      return TRUE;
  return FALSE;
}

/* The value of @token in @table (a full stop after it too: "Feb.",
 * "Do."), or 0. */
static int
lookup (const char *token,
        const Word *table,
        gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (token, table[i].name) ||
        (g_str_has_prefix (token, table[i].name) && g_str_equal (token + strlen (table[i].name), ".")))
      return table[i].value;
  return 0;
}

/* Reads "00:01", "10.00", "10h00", "00:01hrs", "10am", "12:01a.m." into
 * @when. */
static gboolean
read_time (const char *token,
           When       *when)
{
  const char *p = token;
  int         hour = 0, minute = 0, digits = 0;

  while (g_ascii_isdigit (*p) && digits < 3)
    hour = hour * 10 + (*p++ - '0'), digits++;
  if (digits == 0 || digits > 2 || when->hour >= 0)
    return FALSE;
  if (*p == ':' || *p == '.' || (*p == 'h' && g_ascii_isdigit (p[1])))
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return FALSE;
      minute = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
    }
  else if (*p == '\0' || g_str_equal (p, "h") || g_str_equal (p, "hrs") || g_str_equal (p, "uhr"))
    return FALSE; /* a bare figure is a day; "10 Uhr" is read with its next word */
  if (hour > 23 || minute > 59)
    return FALSE;
  if (g_str_equal (p, "am") || g_str_equal (p, "a.m."))
    when->am = TRUE;
  else if (g_str_equal (p, "pm") || g_str_equal (p, "p.m."))
    when->pm = TRUE;
  else if (*p != '\0' && !g_str_equal (p, "h") && !g_str_equal (p, "hrs") && !g_str_equal (p, "uhr"))
    return FALSE;
  when->hour = hour;
  when->minute = minute;
  return TRUE;
}

/* Sets @when's zone to @minutes (and @region): a second zone that says
 * otherwise ("10:00 CET/CEST") makes it ambiguous. */
static gboolean
set_zone (When       *when,
          int         minutes,
          const char *region)
{
  if (when->has_zone)
    {
      when->ambiguous |= when->offset != minutes || g_strcmp0 (when->region, region) != 0;
      return TRUE;
    }
  when->has_zone = TRUE;
  when->offset = minutes;
  when->region = region;
  return TRUE;
}

/* Reads a zone: a name, or an offset ("+01:00", "+0100", "gmt+1"). */
static gboolean
read_zone (const char *token,
           When       *when,
           gboolean   *ok)
{
  const char *p = token;
  int         sign, hours = 0, minutes = 0, digits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (g_str_equal (token, zones[i].name))
      {
        *ok = set_zone (when, zones[i].minutes, zones[i].region);
        return TRUE;
      }
  if (g_str_has_prefix (p, "gmt") || g_str_has_prefix (p, "utc"))
    p += 3;
  if ((*p != '+' && *p != '-') || !g_ascii_isdigit (p[1]))
    return FALSE;
  sign = *p++ == '-' ? -1 : 1;
  while (g_ascii_isdigit (*p) && digits < 5)
    hours = hours * 10 + (*p++ - '0'), digits++;
  if (*p == ':' && digits <= 2 && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && p[3] == '\0')
    minutes = (p[1] - '0') * 10 + (p[2] - '0');
  else if (*p == '\0' && digits == 4)
    minutes = hours % 100, hours /= 100;
  else if (*p != '\0' || digits > 2)
    return FALSE;
  *ok = hours <= 14 && minutes <= 59 && set_zone (when, sign * (hours * 60 + minutes), NULL);
  return TRUE;
}

/* Noon and midnight in the languages of the months above. */
static const char *const noons[] = { "noon", "midday", "mittag", "mittags", "midi", "mediodía",
                                     "mezzogiorno", "middag" };
static const char *const midnights[] = { "midnight", "mitternacht", "minuit", "medianoche", "mezzanotte",
                                         "middernacht" };

/* Reads noon or midnight into @when, into @ok whether it agrees with a
 * time already read ("12:00 noon"). Midnight "on 4 February" is the night
 * before it to some and after it to others: it is read as the end of the
 * day, the later of the two, so that no story goes out early. */
static gboolean
read_noon (const char *token,
           When       *when,
           gboolean   *ok)
{
  gboolean is_noon = is_word (token, noons, G_N_ELEMENTS (noons));

  if (!is_noon && !is_word (token, midnights, G_N_ELEMENTS (midnights)))
    return FALSE;
  if (when->hour >= 0)
    {
      *ok = is_noon && when->hour == 12 && when->minute == 0;
      return TRUE;
    }
  when->hour = is_noon ? 12 : 0;
  when->minute = 0;
  when->midnight = !is_noon;
  return TRUE;
}

/* Reads one word of a time into @when. */
static gboolean
read_token (const char *token,
            When       *when)
{
  char    *end;
  long     number;
  int      value;
  gboolean ok = TRUE;

  if (*token == '\0' || is_word (token, fillers, G_N_ELEMENTS (fillers)))
    return TRUE;
  /* German "am 4. Februar", or English "12:00 am"? Either way it
   * changes nothing but at twelve, where it is refused. */
  if (g_str_equal (token, "am"))
    {
      when->ambiguous |= when->hour == 12;
      return TRUE;
    }
  if (read_noon (token, when, &ok))
    return ok;
  if ((value = lookup (token, weekdays, G_N_ELEMENTS (weekdays))) != 0)
    {
      when->weekday = value;
      return TRUE;
    }
  if ((value = lookup (token, months, G_N_ELEMENTS (months))) != 0)
    {
      if (when->month != 0)
        return FALSE;
      when->month = value;
      return TRUE;
    }
  if (g_str_equal (token, "pm") || g_str_equal (token, "p.m.") || g_str_equal (token, "p.m") ||
      g_str_equal (token, "a.m.") || g_str_equal (token, "a.m"))
    {
      when->pm = token[0] == 'p';
      when->am = token[0] == 'a';
      return TRUE;
    }
  if (read_zone (token, when, &ok))
    return ok;
  if (read_time (token, when))
    return TRUE;
  if (!g_ascii_isdigit (token[0]))
    return FALSE;
  number = strtol (token, &end, 10);
  if (*end == '\0' && end - token == 4 && number >= 2000 && number <= 2100 && when->year == 0)
    {
      when->year = (int) number;
      return TRUE;
    }
  if (end - token <= 2 && number >= 1 && number <= 31 && when->day == 0 &&
      (*end == '\0' || g_str_equal (end, ".") || g_str_equal (end, "st") || g_str_equal (end, "nd") ||
       g_str_equal (end, "rd") || g_str_equal (end, "th") || g_str_equal (end, "er")))
    {
      when->day = (int) number;
      return TRUE;
    }
  return FALSE;
}

static gboolean
has_digit (const char *token)
{
  return strpbrk (token, "0123456789") != NULL;
}

/* Reads @text into @when: whether every word was understood, or with
 * @lenient, whether those understood agree (a word not known is passed
 * over). */
static gboolean
read_words (const char *text,
            When       *when,
            gboolean    lenient)
{
  g_autoptr (GString) folded = g_string_new (NULL);
  g_auto (GStrv) tokens = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      g_string_append_unichar (folded, c == 0x2019 ? '\'' : strchr (",;()/", (int) MIN (c, 0x7F)) ? ' '
                                                                                                  : c);
    }
  tokens = g_strsplit_set (folded->str, " \t", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      char *token = tokens[i];
      gsize length = strlen (token);
      int   a, b, c;
      char  tail;

      /* "until:" */
      if (length > 1 && token[length - 1] == ':' && g_ascii_isalpha (token[0]))
        token[length - 1] = '\0';
      /* "0001 GMT": four figures before a zone (or "hrs") are a time,
       * unless they could be a year ("2028 GMT"). */
      if (length == 4 && strspn (token, "0123456789") == 4 && tokens[i + 1] != NULL && when->hour < 0 &&
          atoi (token) / 100 < 24 && atoi (token) % 100 < 60 && (atoi (token) < 2000 || atoi (token) > 2100))
        {
          When     probe = *when;
          gboolean ok = TRUE;

          probe.has_zone = FALSE;
          /* "1600 hrs" */
          if (read_zone (tokens[i + 1], &probe, &ok) || g_str_equal (tokens[i + 1], "hrs") ||
              g_str_equal (tokens[i + 1], "hours"))
            {
              when->hour = atoi (token) / 100;
              when->minute = atoi (token) % 100;
              continue;
            }
        }
      /* "12 noon", "12 midnight" */
      if (g_str_equal (token, "12") && tokens[i + 1] != NULL && when->hour < 0 &&
          (is_word (tokens[i + 1], noons, G_N_ELEMENTS (noons)) ||
           is_word (tokens[i + 1], midnights, G_N_ELEMENTS (midnights))))
        continue;
      /* "11 a.m.", "7 p.m.", "7 pm" (a bare "am" may be German's) */
      if (length <= 2 && strspn (token, "0123456789") == length && tokens[i + 1] != NULL &&
          (g_str_equal (tokens[i + 1], "a.m.") || g_str_equal (tokens[i + 1], "p.m.") ||
           g_str_equal (tokens[i + 1], "pm")))
        {
          g_autofree char *joined = g_strconcat (token, tokens[i + 1], NULL);

          if (!read_time (joined, when))
            return FALSE;
          i++;
          continue;
        }
      /* "10 h 30", as French Canada writes it */
      if (length <= 2 && strspn (token, "0123456789") == length && tokens[i + 1] != NULL &&
          g_str_equal (tokens[i + 1], "h") && tokens[i + 2] != NULL && strlen (tokens[i + 2]) == 2 &&
          strspn (tokens[i + 2], "0123456789") == 2)
        {
          if (when->hour >= 0 || atoi (token) > 23 || atoi (tokens[i + 2]) > 59)
            return FALSE;
          when->hour = atoi (token);
          when->minute = atoi (tokens[i + 2]);
          i += 2;
          continue;
        }
      /* "10 Uhr", "10 h", "10 uur" */
      if (length <= 2 && strspn (token, "0123456789") == length && tokens[i + 1] != NULL &&
          (g_str_equal (tokens[i + 1], "uhr") || g_str_equal (tokens[i + 1], "h") ||
           g_str_equal (tokens[i + 1], "uur") || g_str_equal (tokens[i + 1], "horas")))
        {
          if (when->hour >= 0 || atoi (token) > 23)
            return FALSE;
          when->hour = atoi (token);
          when->minute = 0;
          continue;
        }
      /* "2027-02-04" and "4.2.2027": the day, month and year in one. */
      if (sscanf (token, "%4d-%2d-%2d%c", &a, &b, &c, &tail) == 3 && a >= 2000)
        {
          if (when->year != 0 || when->month != 0 || when->day != 0)
            return FALSE;
          when->year = a, when->month = b, when->day = c;
          continue;
        }
      if (sscanf (token, "%2d.%2d.%4d%c", &a, &b, &c, &tail) == 3 && c >= 2000)
        {
          if (when->year != 0 || when->month != 0 || when->day != 0)
            return FALSE;
          when->day = a, when->month = b, when->year = c;
          continue;
        }
      if (!read_token (token, when) && !(lenient && !has_digit (token)))
        return FALSE;
    }
  return TRUE;
}

/* Reads @text into @when: whether every word was understood, with a day
 * and a month at the least. */
static gboolean
read_when (const char *text,
           When       *when)
{
  return read_words (text, when, FALSE) && when->day > 0 && when->month >= 1 && when->month <= 12;
}

/* The time @when says in its zone, or %NULL where the zone is not in
 * force that day or the clocks skip that time. */
static GDateTime *
make_time (const When *when,
           int         year)
{
  g_autoptr (GTimeZone) region = when->region != NULL ? g_time_zone_new_identifier (when->region) : NULL;
  g_autoptr (GTimeZone) fixed = NULL;
  g_autoptr (GDateTime) on_clock = NULL;
  GDateTime *result;

  if (when->region != NULL && region == NULL)
    return NULL;
  if (when->offset == REGION_CLOCK)
    {
      result = g_date_time_new (region, year, when->month, when->day, when->hour, when->minute, 0);
      /* A time the clocks skip comes out as another. */
      if (result != NULL && (g_date_time_get_hour (result) != when->hour ||
                             g_date_time_get_minute (result) != when->minute))
        g_clear_pointer (&result, g_date_time_unref);
      return result;
    }
  fixed = g_time_zone_new_offset (when->offset * 60);
  result = g_date_time_new (fixed, year, when->month, when->day, when->hour, when->minute, 0);
  if (result == NULL || region == NULL)
    return result;
  on_clock = g_date_time_to_timezone (result, region);
  if (g_date_time_get_utc_offset (on_clock) != (GTimeSpan) when->offset * 60 * G_TIME_SPAN_SECOND)
    g_clear_pointer (&result, g_date_time_unref);
  return result;
}

/* The ISO 8601 time with its zone that @text ends with, after words
 * that say nothing more ("until"), or %NULL. */
static GDateTime *
read_iso8601 (const char *text)
{
  g_auto (GStrv) tokens = g_strsplit_set (text, " \t", -1);
  guint n = g_strv_length (tokens);

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *folded = g_utf8_strdown (tokens[i], -1);

      if (!is_word (folded, fillers, G_N_ELEMENTS (fillers)))
        return NULL;
    }
  return n > 0 ? g_date_time_new_from_iso8601 (tokens[n - 1], NULL) : NULL;
}

/**
 * _cd_import_release_time:
 * @text: what follows an embargo's label, or a release's
 * @is_date: (out) (optional): whether @text reads as a date and time,
 *   every word of it, whether or not a time could be made of it
 *
 * Returns: (nullable): the time @text names, read strictly: %NULL where
 *   it names no zone, a zone not in force on the day, a time the clocks
 *   skip, a weekday that is not the date's, or any word not understood
 */
static GRegex *
gmt_aside (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\([^()]*\\b(?:gmt|utc)\\b[^()]*\\)", G_REGEX_CASELESS, 0, NULL));
  return regex;
}

/* The zone of @local, a time read with none, from the same time in GMT
 * in brackets in @text ("00.01 HORAS DEL 14 DE MAYO (22.01 GMT DEL 13)"):
 * what lies between the two clocks, in minutes east of UTC, as zones lie
 * (twelve hours west to fourteen east). FALSE where there is no such
 * time. */
static gboolean
offset_of_aside (const char *text,
                 const When *local,
                 int        *offset)
{
  g_autoptr (GMatchInfo) info = NULL;
  g_autofree char *aside = NULL;
  When             gmt = { 0, 0, 0, -1, 0, 0, 0, NULL, FALSE, FALSE, FALSE, FALSE, FALSE };
  int              minutes;

  if (local->hour < 0 || local->am || local->pm || !g_regex_match (gmt_aside (), text, 0, &info))
    return FALSE;
  aside = g_match_info_fetch (info, 0);
  aside[0] = aside[strlen (aside) - 1] = ' ';
  if (!read_words (aside, &gmt, TRUE) || !gmt.has_zone || gmt.region != NULL || gmt.hour < 0 || gmt.am || gmt.pm ||
      gmt.ambiguous)
    return FALSE;
  minutes = (local->hour - gmt.hour) * 60 + (local->minute - gmt.minute) + gmt.offset;
  while (minutes <= -12 * 60)
    minutes += 24 * 60;
  while (minutes > 14 * 60)
    minutes -= 24 * 60;
  *offset = minutes;
  return TRUE;
}

GDateTime *
_cd_import_release_time (const char *text,
                         gboolean   *is_date)
{
  When when = { 0, 0, 0, -1, 0, 0, 0, NULL, FALSE, FALSE, FALSE, FALSE, FALSE };
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *result;
  gboolean   read;

  /* "until 2027-02-04T10:00:00Z", with its zone. */
  if ((result = read_iso8601 (text)) != NULL)
    {
      if (is_date != NULL)
        *is_date = TRUE;
      return result;
    }
  read = read_when (text, &when);
  /* The time again in GMT in brackets, as Swiss and Spanish agencies
   * add it ("10h30 HEC (08h30 GMT)"): the time without it; where that
   * names no zone ("00.01 HORAS DEL 14 DE MAYO (22.01 GMT DEL 13)"),
   * the zone lies between the two clocks. */
  if ((!read || when.ambiguous || !when.has_zone) && g_regex_match (gmt_aside (), text, 0, NULL))
    {
      g_autofree char *plain = g_regex_replace_literal (gmt_aside (), text, -1, 0, " ", 0, NULL);
      When             again = { 0, 0, 0, -1, 0, 0, 0, NULL, FALSE, FALSE, FALSE, FALSE, FALSE };

      /* With the time in GMT to hold to, a word of the local one not
       * known ("08H00 hora de Santiago", "klo 9.00 Suomen aikaa") is
       * passed over. */
      if (plain != NULL &&
          (read_when (plain, &again) ||
           (again = (When){ 0, 0, 0, -1, 0, 0, 0, NULL, FALSE, FALSE, FALSE, FALSE, FALSE },
            read_words (plain, &again, TRUE) && again.day > 0 && again.month >= 1 && again.month <= 12 &&
                !again.has_zone)) &&
          (again.has_zone || (!again.ambiguous && offset_of_aside (text, &again, &again.offset))))
        {
          again.has_zone = TRUE;
          when = again;
          read = TRUE;
        }
    }
  /* The local time with its offset from GMT in brackets, the words of
   * its zone not known: "1600 hrs UAE time (GMT+4)". */
  if ((!read || when.ambiguous || !when.has_zone) && g_regex_match (_cd_import_wire_regex (RE_OFFSET_ASIDE), text, 0, NULL))
    {
      g_autoptr (GMatchInfo) info = NULL;
      g_autofree char *plain = g_regex_replace_literal (_cd_import_wire_regex (RE_OFFSET_ASIDE), text, -1, 0, " ", 0, NULL);
      When             again = { 0, 0, 0, -1, 0, 0, 0, NULL, FALSE, FALSE, FALSE, FALSE, FALSE };

      g_regex_match (_cd_import_wire_regex (RE_OFFSET_ASIDE), text, 0, &info);
      if (plain != NULL && read_words (plain, &again, TRUE) && again.day > 0 && again.month >= 1 && again.month <= 12 &&
          again.hour >= 0 && !again.has_zone && !again.ambiguous)
        {
          g_autofree char *sign = g_match_info_fetch_named (info, "sign");
          g_autofree char *hours = g_match_info_fetch_named (info, "hours");
          g_autofree char *minutes = g_match_info_fetch_named (info, "minutes");
          int              offset = atoi (hours) * 60 + (minutes != NULL ? atoi (minutes) : 0);

          again.offset = *sign != '+' ? -offset : offset;
          again.has_zone = TRUE;
          when = again;
          read = TRUE;
        }
    }
  /* The time named in a zone, and again in brackets in the local one:
   * "0900 GMT (1100 CEST) THURSDAY MAY 13". */
  if ((!read || when.ambiguous || !when.has_zone) && g_regex_match_simple ("\\([^()]*\\d[^()]*\\)", text, 0, 0))
    {
      g_autoptr (GRegex) aside = g_regex_new ("\\([^()]*\\d[^()]*\\)", 0, 0, NULL);
      g_autofree char *plain = g_regex_replace_literal (aside, text, -1, 0, " ", 0, NULL);
      When             again = { 0, 0, 0, -1, 0, 0, 0, NULL, FALSE, FALSE, FALSE, FALSE, FALSE };

      if (plain != NULL && read_when (plain, &again) && again.has_zone && !again.ambiguous)
        {
          when = again;
          read = TRUE;
        }
    }
  if (is_date != NULL)
    *is_date = read;
  if (!read || !when.has_zone || when.ambiguous)
    return NULL;
  if (when.hour < 0)
    when.hour = 0;
  if ((when.am || when.pm) && (when.hour < 1 || when.hour > 12))
    return NULL;
  if (when.pm && when.hour < 12)
    when.hour += 12;
  if (when.am && when.hour == 12)
    when.hour = 0;
  /* No year: the next such day, this year's unless it is a month gone. */
  result = make_time (&when, when.year != 0 ? when.year : g_date_time_get_year (now));
  if (when.year == 0 && result != NULL && g_date_time_difference (now, result) > 30 * G_TIME_SPAN_DAY)
    {
      g_clear_pointer (&result, g_date_time_unref);
      result = make_time (&when, g_date_time_get_year (now) + 1);
    }
  /* "Thursday 5 February": one of them is wrong; the desk is to say which. */
  if (result != NULL && when.weekday != 0 && g_date_time_get_day_of_week (result) != when.weekday)
    g_clear_pointer (&result, g_date_time_unref);
  if (result != NULL && when.midnight)
    {
      GDateTime *end = g_date_time_add_days (result, 1);

      g_date_time_unref (result);
      result = end;
    }
  return result;
}
