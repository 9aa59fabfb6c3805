/* cd-metadata-embargo.c: the embargo's date, time and time zone entries.
 *
 * A person types the embargo one key at a time, so most of what the
 * entries hold on the way is unfinished ("2026-12-1", "09:4",
 * "Europe/Lon"). Unfinished text is never saved, and the entries are
 * never rewritten from the article while they say the same moment as the
 * article: writing back "09:04" while someone is typing "09:45" is what
 * turned it into 09:54. The entries are loaded again only when another
 * article opens or someone else changes the embargo. Whatever is wrong is
 * said in one sentence under the entries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-metadata-embargo"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cd-metadata-private.h"
#include "cd-ui-util.h"

/* Whether @text follows @pattern ('9' a digit, anything else itself) as
 * far as it goes; *complete says whether it went all the way. */
static gboolean
follows_pattern (const char *text,
                 const char *pattern,
                 gboolean   *complete)
{
  gsize i;

  g_assert (text != NULL);
  g_assert (pattern != NULL);
  g_assert (complete != NULL);

  for (i = 0; text[i] != '\0'; i++)
    {
      if (pattern[i] == '\0')
        return FALSE;
      if (pattern[i] == '9' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
        return FALSE;
    }
  *complete = pattern[i] == '\0';
  return TRUE;
}

static gboolean
parse_date (const char *date,
            int        *year,
            int        *month,
            int        *day,
            gboolean   *unfinished,
            char      **message)
{
  gboolean complete = FALSE;

  g_assert (date != NULL);
  g_assert (message != NULL);

  if (*date == '\0')
    {
      *message = g_strdup (_ ("The embargo needs a date, written as YYYY-MM-DD."));
      *unfinished = TRUE;
      return FALSE;
    }
  if (!follows_pattern (date, "9999-99-99", &complete))
    {
      *message = g_strdup_printf (_ ("The embargo date “%s” is not written as YYYY-MM-DD, as in "
                                     "2026-12-16."),
                                  date);
      return FALSE;
    }
  if (!complete)
    {
      *message = g_strdup (_ ("The embargo date is not finished; write it as YYYY-MM-DD."));
      *unfinished = TRUE;
      return FALSE;
    }
  *year = g_ascii_strtoll (date, NULL, 10);
  *month = g_ascii_strtoll (date + 5, NULL, 10);
  *day = g_ascii_strtoll (date + 8, NULL, 10);
  if (!g_date_valid_dmy (*day, *month, *year))
    {
      *message = g_strdup_printf (_ ("The embargo date “%s” is not a day of the calendar."), date);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_time (const char *time,
            int        *hour,
            int        *minute,
            gboolean   *unfinished,
            char      **message)
{
  gboolean complete = FALSE;
  gboolean follows;

  g_assert (time != NULL);
  g_assert (message != NULL);

  /* No time is midnight, as the placeholder's absence always meant. */
  if (*time == '\0')
    return TRUE;
  /* One digit for the hour ("9:45") is finished too. */
  follows = follows_pattern (time, time[1] == ':' ? "9:99" : "99:99", &complete);
  if (!follows)
    {
      *message = g_strdup_printf (_ ("The embargo time “%s” is not written as HH:MM, as in 09:45."),
                                  time);
      return FALSE;
    }
  if (!complete)
    {
      *message = g_strdup (_ ("The embargo time is not finished; write it as HH:MM."));
      *unfinished = TRUE;
      return FALSE;
    }
  *hour = g_ascii_strtoll (time, NULL, 10);
  *minute = g_ascii_strtoll (strchr (time, ':') + 1, NULL, 10);
  if (*hour > 23 || *minute > 59)
    {
      *message = g_strdup_printf (_ ("The embargo time “%s” is not a time of day; hours go to 23 "
                                     "and minutes to 59."),
                                  time);
      return FALSE;
    }
  return TRUE;
}

/**
 * _cd_embargo_parse:
 * @date: what the date entry holds
 * @time: what the time entry holds
 * @zone: what the zone entry holds; empty for local time
 * @bad: (out): the entries with a problem
 * @unfinished: (out): whether the problem is only that typing has not
 *   finished
 * @message: (out) (transfer full): one sentence saying what is wrong, or
 *   %NULL
 *
 * Returns: (transfer full) (nullable): the embargo the entries say, or
 *   %NULL when they are all empty (no embargo, @message %NULL) or say no
 *   moment yet (@message set)
 */
GDateTime *
_cd_embargo_parse (const char     *date,
                   const char     *time,
                   const char     *zone,
                   CdEmbargoField *bad,
                   gboolean       *unfinished,
                   char          **message)
{
  g_autoptr (GTimeZone) tz = NULL;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;

  g_return_val_if_fail (date != NULL && time != NULL && zone != NULL, NULL);
  g_return_val_if_fail (bad != NULL && unfinished != NULL && message != NULL, NULL);

  *bad = CD_EMBARGO_OK;
  *unfinished = FALSE;
  *message = NULL;
  if (*date == '\0' && *time == '\0' && *zone == '\0')
    return NULL;

  if (!parse_date (date, &year, &month, &day, unfinished, message))
    {
      *bad = CD_EMBARGO_DATE;
      return NULL;
    }
  if (!parse_time (time, &hour, &minute, unfinished, message))
    {
      *bad = CD_EMBARGO_TIME;
      return NULL;
    }
  tz = *zone != '\0' ? g_time_zone_new_identifier (zone) : g_time_zone_new_local ();
  if (tz == NULL)
    {
      *bad = CD_EMBARGO_ZONE;
      *message = g_strdup_printf (_ ("The time zone “%s” is not known; use a name such as "
                                     "Europe/London or an offset such as +01:00."),
                                  zone);
      return NULL;
    }
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static void
show_problem (CdEmbargoEntries *entries,
              CdEmbargoField    bad,
              gboolean          unfinished,
              const char       *message)
{
  const struct
  {
    CdEmbargoField field;
    GtkWidget     *entry;
  } fields[] = {
    {CD_EMBARGO_DATE,  entries->date},
    { CD_EMBARGO_TIME, entries->time},
    { CD_EMBARGO_ZONE, entries->zone},
  };

  g_assert (entries != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      _cd_widget_set_css_class (fields[i].entry, "error",
                                (bad & fields[i].field) != 0 && !unfinished);
      if ((bad & fields[i].field) != 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (fields[i].entry),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (fields[i].entry),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_label_set_text (GTK_LABEL (entries->message), message ? message : "");
  gtk_widget_set_visible (entries->message, message != NULL);
  _cd_widget_set_css_class (entries->message, "error", !unfinished);
  _cd_widget_set_css_class (entries->message, "dim-label", unfinished);
}

/**
 * _cd_embargo_entries_load:
 * @article: (nullable): the article shown
 *
 * Shows @article's embargo, unless the entries already say it: then what
 * the person typed (a zone's name, an unfinished time) stays as it is.
 */
void
_cd_embargo_entries_load (CdEmbargoEntries *entries,
                          CdArticle        *article)
{
  GDateTime       *embargo = article != NULL ? cd_article_get_embargo (article) : NULL;
  const char      *uuid = article != NULL ? cd_article_get_uuid (article) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  const char      *zone = NULL;

  g_return_if_fail (entries != NULL);

  if (g_strcmp0 (uuid, entries->uuid) == 0 && cd_datetime_equal (embargo, entries->shown))
    return;

  g_free (entries->uuid);
  entries->uuid = g_strdup (uuid);
  g_clear_pointer (&entries->shown, g_date_time_unref);
  if (embargo != NULL)
    {
      entries->shown = g_date_time_ref (embargo);
      date = g_date_time_format (embargo, "%Y-%m-%d");
      time = g_date_time_format (embargo, "%H:%M");
      zone = g_time_zone_get_identifier (g_date_time_get_timezone (embargo));
    }
  entries->loading = TRUE;
  _cd_editable_load_text (entries->date, date);
  _cd_editable_load_text (entries->time, time);
  _cd_editable_load_text (entries->zone, zone);
  entries->loading = FALSE;
  show_problem (entries, CD_EMBARGO_OK, FALSE, NULL);
}

/**
 * _cd_embargo_entries_read:
 * @embargo: (out) (transfer full) (nullable): the embargo the entries say
 *
 * Reads what the person typed and says what is wrong with it.
 *
 * Returns: %TRUE when the entries say an embargo, or none when all three
 *   are empty, which the article should take; %FALSE while they say
 *   nothing yet, or are being loaded
 */
gboolean
_cd_embargo_entries_read (CdEmbargoEntries *entries,
                          GDateTime       **embargo)
{
  g_autofree char *message = NULL;
  CdEmbargoField   bad = CD_EMBARGO_OK;
  gboolean         unfinished = FALSE;
  GDateTime       *parsed;

  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (embargo != NULL, FALSE);

  *embargo = NULL;
  if (entries->loading)
    return FALSE;
  parsed = _cd_embargo_parse (gtk_editable_get_text (GTK_EDITABLE (entries->date)),
                              gtk_editable_get_text (GTK_EDITABLE (entries->time)),
                              gtk_editable_get_text (GTK_EDITABLE (entries->zone)), &bad,
                              &unfinished, &message);
  show_problem (entries, bad, unfinished, message);
  if (message != NULL)
    return FALSE;
  g_clear_pointer (&entries->shown, g_date_time_unref);
  entries->shown = parsed != NULL ? g_date_time_ref (parsed) : NULL;
  *embargo = parsed;
  return TRUE;
}

void
_cd_embargo_entries_clear (CdEmbargoEntries *entries)
{
  g_return_if_fail (entries != NULL);

  g_clear_pointer (&entries->uuid, g_free);
  g_clear_pointer (&entries->shown, g_date_time_unref);
}
