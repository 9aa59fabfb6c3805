/* cd-cli-publish.c: `copydesk publish`: the one command that makes a post
 * live, now or at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cd-cli.h"
#include "cd-article-site.h"
#include "cd-sync-publish.h"

#define TIME_EXAMPLE "2026-12-05T09:00+09:00 or “2026-12-05T09:00 Asia/Tokyo”"

/* @text with a zone of its own: an ISO 8601 offset (Z, +09:00), or a zone
 * name after a space or in brackets. A time without one is refused rather
 * than read in this machine's zone, which the person may not have meant. */
static GDateTime *
parse_time (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  g_autoptr (GTimeZone) zone = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GTimeZone) other = g_time_zone_new_offset (3600);
  g_autoptr (GDateTime) as_utc = NULL;
  g_autoptr (GDateTime) as_other = NULL;
  char *split;

  g_assert (text != NULL);

  g_strstrip (copy);
  split = strpbrk (copy, " [");
  if (split != NULL)
    {
      char *name = split + 1;

      *split = '\0';
      g_strstrip (name);
      if (g_str_has_suffix (name, "]"))
        name[strlen (name) - 1] = '\0';
      zone = g_time_zone_new_identifier (name);
      if (zone == NULL || *name == '\0')
        {
          cd_cli_printerr ("--at names the time zone “%s”, which this system does not know; "
                           "give a zone like Asia/Tokyo or an offset like +09:00.",
                           name);
          return NULL;
        }
      as_utc = g_date_time_new_from_iso8601 (copy, zone);
      if (as_utc != NULL)
        return g_steal_pointer (&as_utc);
    }
  else
    {
      /* Read once as if in UTC and once an hour east: a time that carries
       * its own zone reads the same both ways. */
      as_utc = g_date_time_new_from_iso8601 (copy, utc);
      as_other = g_date_time_new_from_iso8601 (copy, other);
      if (as_utc != NULL && as_other != NULL && g_date_time_equal (as_utc, as_other))
        return g_steal_pointer (&as_utc);
      if (as_utc != NULL)
        {
          cd_cli_printerr ("--at “%s” has no time zone; give one, as in " TIME_EXAMPLE ".", text);
          return NULL;
        }
    }
  cd_cli_printerr ("--at “%s” is not a time; give one as in " TIME_EXAMPLE ".", text);
  return NULL;
}

int
cd_cli_publish (CdCli *cli,
                int    argc,
                char **argv)
{
  g_autoptr (CdSyncEngine) engine = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GDateTime) at = NULL;
  g_autoptr (GError) error = NULL;
  const char    *uuid = NULL;
  const char    *account = NULL;
  const char    *at_text = NULL;
  const char    *reason = NULL;
  const char    *headline;
  CdPublishFlags flags = CD_PUBLISH_DEFAULT;
  gboolean       was_live;
  CdStore       *store;

  for (int i = 1; i < argc; i++)
    {
      if (cd_cli_option (argc, argv, &i, "--account", &account) ||
          cd_cli_option (argc, argv, &i, "--at", &at_text) ||
          cd_cli_option (argc, argv, &i, "--override", &reason))
        continue;
      if (g_str_equal (argv[i], "--late"))
        flags |= CD_PUBLISH_LATE;
      else if (g_str_equal (argv[i], "--force-slug"))
        flags |= CD_PUBLISH_FORCE_SLUG;
      else if (uuid == NULL && !g_str_has_prefix (argv[i], "--"))
        uuid = argv[i];
      else
        {
          cd_cli_usage_error ("publish", "publish does not take “%s”", argv[i]);
          return CD_EXIT_ERROR;
        }
    }
  if (uuid == NULL)
    {
      cd_cli_usage_error ("publish", "publish needs the article's uuid");
      return CD_EXIT_ERROR;
    }
  if (account != NULL && *account == '\0')
    {
      cd_cli_usage_error ("publish", "--account needs a name");
      return CD_EXIT_ERROR;
    }
  if (at_text != NULL && (at = parse_time (at_text)) == NULL)
    return CD_EXIT_ERROR;
  if ((store = cd_cli_get_store (cli)) == NULL ||
      (article = cd_cli_get_article (store, uuid)) == NULL)
    return CD_EXIT_ERROR;

  if (reason != NULL && cd_text_is_blank (reason))
    {
      cd_cli_usage_error ("publish", "--override needs the reason for publishing over the check errors");
      return CD_EXIT_ERROR;
    }

  was_live = cd_sync_article_is_live (article);
  engine = cd_sync_engine_new (store);
  post = cd_sync_engine_publish_full (engine, cd_article_get_uuid (article), account, at, flags,
                                      reason, NULL, &error);
  if (post == NULL)
    {
      cd_cli_printerr ("%s", error->message);
      return CD_EXIT_ERROR;
    }

  headline = cd_article_get_headline (article);
  if (headline == NULL || *headline == '\0')
    headline = cd_article_get_uuid (article);
  if (was_live)
    printf ("Updated the live post “%s”: %s\n", headline, post->link != NULL ? post->link : "");
  else if (at != NULL)
    {
      g_autofree char *utc = cd_format_iso8601_utc (at);

      printf ("Scheduled “%s” for %s (%s): %s\n", headline, at_text, utc,
              post->link != NULL ? post->link : "");
    }
  else
    printf ("Published “%s”: %s\n", headline, post->link != NULL ? post->link : "");
  return CD_EXIT_OK;
}

/* The publishing half of `show --json`: whether the live post has local
 * edits waiting for Update, the corrections, when it went live, and a
 * publish waiting for the site. */
void
cd_cli_add_publish_fields (JsonObject *object,
                           CdStore    *store,
                           CdArticle  *article)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) at = NULL;
  g_autofree char *account = NULL;
  gboolean         staged;

  g_return_if_fail (object != NULL);
  g_return_if_fail (CD_IS_STORE (store));
  g_return_if_fail (CD_IS_ARTICLE (article));

  /* Like site_status, only what the site made true is given: a staged
   * update only for a live post. */
  if (cd_sync_article_is_live (article))
    {
      staged = cd_sync_has_staged_update (store, cd_article_get_uuid (article), &error);
      if (error != NULL)
        g_warning ("%s", error->message);
      json_object_set_boolean_member (object, "staged_update", staged);
    }
  if (cd_article_get_n_corrections (article) > 0)
    {
      JsonArray *corrections = json_array_new ();

      for (guint i = 0; i < cd_article_get_n_corrections (article); i++)
        {
          const CdCorrection *correction = cd_article_get_correction (article, i);
          JsonObject         *one = json_object_new ();
          g_autofree char    *date = cd_format_iso8601 (correction->date);

          json_object_set_string_member (one, "date", date);
          json_object_set_string_member (one, "note", correction->note);
          json_array_add_object_element (corrections, one);
        }
      json_object_set_array_member (object, "corrections", corrections);
    }
  {
    g_autoptr (GDateTime) published = cd_article_dup_published (article);

    if (published != NULL)
      {
        g_autofree char *text = cd_format_iso8601_utc (published);

        json_object_set_string_member (object, "published", text);
      }
  }
  if (cd_sync_article_get_queued_publish (article, &account, &at))
    {
      JsonObject *queued = json_object_new ();
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

      json_object_set_string_member (queued, "account", account);
      if (at != NULL)
        {
          g_autofree char *text = cd_format_iso8601_utc (at);

          json_object_set_string_member (queued, "at", text);
        }
      json_object_set_boolean_member (queued, "late", cd_sync_article_publish_is_late (article, now));
      json_object_set_object_member (object, "publish_queued", queued);
    }
}
