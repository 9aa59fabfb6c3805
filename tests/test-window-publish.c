/* test-window-publish.c: Publish, Schedule, Update and corrections from
 * the window under Xvfb, against a real WordPress 6.1: the publish bar
 * beside the desk's status, the AdwMessageDialog that names the site and
 * the time, driven through its responses, check errors that need a
 * reason, and a live story whose edits wait for Update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cd-article-site.h"
#include "cd-corrections.h"
#include "cd-metadata.h"
#include "cd-publish-bar.h"
#include "cd-sync-publish.h"
#include "cd-test-sync.h"
#include "cd-test-wordpress.h"
#include "cd-ui-test.h"

#define ACCOUNT "newsroom"
#define WAIT_MS 90000

typedef struct
{
  CdUiFixture      ui;
  CdTestWordpress *wp;
  CdSyncEngine    *engine;
  CdPublishBar    *bar;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  if (cd_test_wordpress_disabled ())
    return;
  fixture->wp = cd_test_wordpress_start (&error);
  g_assert_no_error (error);
  cd_ui_fixture_setup (&fixture->ui, data);
  cd_test_add_account (fixture->ui.store, ACCOUNT, fixture->wp->url, fixture->wp->user);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  if (fixture->wp == NULL)
    return;
  cd_ui_fixture_teardown (&fixture->ui, data);
  cd_test_wordpress_stop (fixture->wp);
}

static CdArticle *
add_ready (Fixture    *fixture,
           const char *headline,
           const char *slug,
           const char *dateline)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_article_new ();

  cd_article_set_headline (article, headline);
  cd_article_set_byline (article, "Anna Berger");
  cd_article_set_dateline (article, dateline);
  cd_article_set_slug (article, slug);
  cd_article_set_body (article, "The river rose overnight.");
  cd_article_set_status (article, CD_ARTICLE_STATUS_READY_TO_PUBLISH);
  g_assert_true (
      cd_store_save_article (fixture->ui.store, article, CD_REVISION_EDITED, NULL, &error));
  g_assert_no_error (error);
  return article;
}

static CdWindow *
start (Fixture    *fixture,
       const char *uuid)
{
  g_autoptr (CdWordpress) client = NULL;
  CdWindow *window = cd_ui_start (&fixture->ui, uuid);

  fixture->engine = cd_window_get_sync_engine (window);
  client = cd_test_wordpress_client (fixture->wp, fixture->wp->password);
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (client));
  fixture->bar = cd_metadata_get_publish_bar (cd_window_get_metadata (window));
  return window;
}

static gboolean
need_wordpress (Fixture *fixture)
{
  if (fixture->wp != NULL)
    return TRUE;
  g_test_skip ("COPYDESK_TEST_NO_WORDPRESS=1: WordPress tests skipped on request");
  return FALSE;
}

static gboolean
dialog_shown (gpointer data)
{
  AdwMessageDialog **out = data;
  GListModel        *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_mapped (GTK_WIDGET (item)))
        {
          *out = ADW_MESSAGE_DIALOG (item);
          return TRUE;
        }
    }
  return FALSE;
}

/* Activates @action and waits for its dialog. */
static AdwMessageDialog *
ask (CdWindow   *window,
     const char *action)
{
  AdwMessageDialog *dialog = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  g_assert_true (cd_ui_wait_for (dialog_shown, &dialog, WAIT_MS));
  return dialog;
}

static gboolean
dialog_gone (gpointer data)
{
  AdwMessageDialog *dialog = NULL;

  return !dialog_shown (&dialog);
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  /* As a click on the button does: the response, then the dialog closes
   * (which would give the close response to a handler still connected). */
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (cd_ui_wait_for (dialog_gone, NULL, WAIT_MS));
}

typedef struct
{
  Fixture    *fixture;
  const char *uuid;
  const char *member;
  const char *expected;
} ServerWait;

/* The article's post as WordPress has it now, through REST as another
 * user; %NULL while it has none. */
static JsonObject *
server_post_of (Fixture    *fixture,
                const char *uuid)
{
  g_autofree char *state = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *path = NULL;
  g_autoptr (JsonNode) node = NULL;

  state = cd_test_sync_state (fixture->ui.store, uuid, ACCOUNT, &remote_id);
  if (remote_id == NULL)
    return NULL;
  path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", remote_id);
  node = cd_test_wordpress_rest (fixture->wp, "GET", path, fixture->wp->other_user,
                                 fixture->wp->other_password, NULL, NULL);
  return json_object_ref (json_node_get_object (node));
}

static const char *
text_of (JsonObject *post,
         const char *member)
{
  JsonNode *node = json_object_get_member (post, member);

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_string_member (json_node_get_object (node), "raw");
  return json_node_get_string (node);
}

static gboolean
server_has (gpointer data)
{
  ServerWait *wait = data;
  g_autoptr (JsonObject) post = server_post_of (wait->fixture, wait->uuid);

  return post != NULL && strstr (text_of (post, wait->member), wait->expected) != NULL;
}

static void
wait_server (Fixture    *fixture,
             const char *uuid,
             const char *member,
             const char *expected)
{
  ServerWait wait = { fixture, uuid, member, expected };

  g_assert_true (cd_ui_wait_for (server_has, &wait, WAIT_MS));
}

typedef struct
{
  CdPublishBar *bar;
  const char   *label;
  const char   *note;
  const char   *site;
} BarWait;

static gboolean
bar_shows (gpointer data)
{
  BarWait *wait = data;

  return (wait->label == NULL ||
          g_strcmp0 (cd_publish_bar_get_button_label (wait->bar), wait->label) == 0) &&
         (wait->note == NULL ||
          g_strcmp0 (cd_publish_bar_get_note_text (wait->bar), wait->note) == 0) &&
         (wait->site == NULL || strstr (cd_publish_bar_get_site_text (wait->bar), wait->site));
}

static void
wait_bar (Fixture    *fixture,
          const char *label,
          const char *note,
          const char *site)
{
  BarWait wait = { fixture->bar, label, note, site };

  g_assert_true (cd_ui_wait_for (bar_shows, &wait, WAIT_MS));
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* The whole screen, dialogs included, for a person to look at: only when
 * COPYDESK_SHOT_DIR names a folder. A dialog on screen is painted first. */
static void
save_shot (CdWindow   *window,
           const char *name)
{
  const char       *dir = g_getenv ("COPYDESK_SHOT_DIR");
  g_autofree char  *path = NULL;
  AdwMessageDialog *dialog = NULL;

  if (dir == NULL)
    return;
  if (dialog_shown (&dialog))
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (dialog));
      gboolean       painted = FALSE;
      gulong         id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                            &painted);

      gtk_widget_queue_draw (GTK_WIDGET (dialog));
      g_assert_true (cd_ui_wait_for (is_true, &painted, WAIT_MS));
      g_signal_handler_disconnect (clock, id);
    }
  path = g_build_filename (dir, name, NULL);
  {
    const char *argv[] = { "import", "-window", "root", path, NULL };

    cd_ui_run (argv);
  }
}

typedef struct
{
  CdStore    *store;
  const char *uuid;
} CorrectionWait;

static gboolean
has_correction (gpointer data)
{
  CorrectionWait *wait = data;
  g_autoptr (CdArticle) article = cd_store_get_article (wait->store, wait->uuid, NULL);

  return article != NULL && cd_article_get_n_corrections (article) == 1;
}

typedef struct
{
  CdStore    *store;
  const char *uuid;
  const char *name; /* a part of the revision's name */
} RevisionWait;

static gboolean
has_revision (gpointer data)
{
  RevisionWait *wait = data;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;

  revisions = cd_store_list_revisions (wait->store, wait->uuid, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    {
      const char *name = cd_revision_get_name (g_ptr_array_index (revisions, i));

      if (name != NULL && strstr (name, wait->name) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Publish with its confirmation; an edit to the live story synced and
 * left staged; Update; a correction; each with what WordPress shows. */
static void
test_publish_update_correct (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) post = NULL;
  g_autoptr (CdSyncResult) result = NULL;
  g_autofree char  *date_gmt = NULL;
  AdwMessageDialog *dialog;
  CdWindow         *window;
  const char       *uuid;
  GtkEditable      *headline;

  if (!need_wordpress (fixture))
    return;
  article = add_ready (fixture, "Floods in Passau", "floods-in-passau", "PASSAU");
  uuid = cd_article_get_uuid (article);
  window = start (fixture, uuid);
  wait_bar (fixture, "Publish…", NULL, "On " ACCOUNT ": not published");
  save_shot (window, "publish-bar.png");

  dialog = ask (window, "win.publish");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Publish the Story?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ACCOUNT));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fixture->wp->url));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "UTC"));
  save_shot (window, "publish-dialog.png");
  respond (dialog, "publish");
  wait_server (fixture, uuid, "status", "publish");
  wait_bar (fixture, "Update…", NULL, "On " ACCOUNT ": live");
  post = server_post_of (fixture, uuid);
  date_gmt = g_strdup (text_of (post, "date_gmt"));
  g_clear_pointer (&post, json_object_unref);

  /* Typed into the live story and synced: staged, the site unchanged. */
  headline = cd_metadata_get_editable (cd_window_get_metadata (window), "headline");
  gtk_editable_set_text (headline, "Floods in Passau: town cut off");
  g_assert_true (cd_window_flush (window, &error));
  g_assert_no_error (error);
  result = cd_test_sync_wait (fixture->engine, ACCOUNT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cd_test_find_item (cd_sync_result_get_staged (result), uuid));
  wait_bar (fixture, "Update…", "Update staged", NULL);
  save_shot (window, "publish-staged.png");
  post = server_post_of (fixture, uuid);
  g_assert_cmpstr (text_of (post, "title"), ==, "Floods in Passau");
  g_clear_pointer (&post, json_object_unref);

  dialog = ask (window, "win.publish");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Update the Live Story?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ACCOUNT));
  /* Cancel first: nothing is sent. */
  respond (dialog, "cancel");
  post = server_post_of (fixture, uuid);
  g_assert_cmpstr (text_of (post, "title"), ==, "Floods in Passau");
  g_clear_pointer (&post, json_object_unref);
  dialog = ask (window, "win.publish");
  respond (dialog, "publish");
  wait_server (fixture, uuid, "title", "town cut off");
  /* The Update is in the history once it is done, as the toast says. */
  {
    RevisionWait wait = { fixture->ui.store, uuid, "Update sent to the live post on " ACCOUNT };

    g_assert_true (cd_ui_wait_for (has_revision, &wait, WAIT_MS));
  }
  /* The slug stayed: a live story's slug does not follow its headline. */
  g_assert_cmpstr (gtk_editable_get_text (
                       cd_metadata_get_editable (cd_window_get_metadata (window), "slug")),
                   ==, "floods-in-passau");

  /* A new slug typed on purpose: the Update asks again, saying links
   * break; kept, nothing is sent; confirmed, the address changes. */
  gtk_editable_set_text (cd_metadata_get_editable (cd_window_get_metadata (window), "slug"),
                         "passau-floods");
  g_assert_true (cd_window_flush (window, &error));
  dialog = ask (window, "win.publish");
  respond (dialog, "publish");
  g_assert_true (cd_ui_wait_for (dialog_shown, &dialog, WAIT_MS));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Change the Story’s Address?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "breaks every link"));
  respond (dialog, "cancel");
  wait_server (fixture, uuid, "slug", "floods-in-passau");
  dialog = ask (window, "win.publish");
  respond (dialog, "publish");
  g_assert_true (cd_ui_wait_for (dialog_shown, &dialog, WAIT_MS));
  respond (dialog, "change-slug");
  wait_server (fixture, uuid, "slug", "passau-floods");
  post = server_post_of (fixture, uuid);
  g_assert_cmpstr (text_of (post, "status"), ==, "publish");
  g_assert_cmpstr (text_of (post, "date_gmt"), ==, date_gmt);
  g_clear_pointer (&post, json_object_unref);

  /* A correction from the window, then Update. */
  dialog = ask (window, "win.add-correction");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "An earlier version misnamed the river.");
  {
    CorrectionWait wait = { fixture->ui.store, uuid };

    respond (dialog, "add");
    g_assert_true (cd_ui_wait_for (has_correction, &wait, WAIT_MS));
  }
  wait_bar (fixture, "Update…", "Update staged", NULL);
  dialog = ask (window, "win.publish");
  respond (dialog, "publish");
  wait_server (fixture, uuid, "content", CD_CORRECTIONS_CLASS);
  wait_server (fixture, uuid, "content", "misnamed the river");
}

/* An embargo at +09:00: the button schedules, the confirmation gives the
 * time in Tokyo and in UTC and says it cannot go out before; check errors
 * stop it until a reason is typed, which the history keeps. */
static void
test_schedule_and_checks (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr (GDateTime) embargo = g_date_time_new (tokyo, 2031, 5, 6, 9, 0, 0);
  AdwMessageDialog *dialog;
  CdWindow         *window;
  const char       *uuid;
  const char       *body;
  RevisionWait      reason = { fixture->ui.store, NULL, "The dateline is in the lead" };

  if (!need_wordpress (fixture))
    return;
  /* No dateline: a check error. */
  article = add_ready (fixture, "Bank of Japan decision", "boj-decision", NULL);
  cd_article_set_embargo (article, embargo);
  g_assert_true (
      cd_store_save_article (fixture->ui.store, article, CD_REVISION_EDITED, NULL, &error));
  uuid = cd_article_get_uuid (article);
  window = start (fixture, uuid);
  wait_bar (fixture, "Schedule…", NULL, NULL);

  dialog = ask (window, "win.publish");
  body = adw_message_dialog_get_body (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Schedule the Story?");
  g_assert_nonnull (strstr (body, "cannot be published before its embargo"));
  g_assert_nonnull (strstr (body, "6 May 2031, 09:00 "));
  g_assert_nonnull (strstr (body, "(6 May 2031, 00:00 UTC)"));
  g_assert_nonnull (strstr (body, "dateline"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "publish"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "The dateline is in the lead");
  save_shot (window, "schedule-dialog.png");
  respond (dialog, "publish");
  wait_server (fixture, uuid, "status", "future");
  wait_server (fixture, uuid, "date_gmt", "2031-05-06T00:00:00");
  wait_bar (fixture, NULL, NULL, "scheduled for 6 May 2031");

  /* The reason given is in the history. */
  reason.uuid = uuid;
  g_assert_true (cd_ui_wait_for (has_revision, &reason, WAIT_MS));
}

static gboolean
clock_passed (gpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_compare (now, data) > 0;
}

/* A schedule asked for while the site was out of reach, whose time passed:
 * the bar says so, and Publish asks before it goes out late. */
static void
test_late (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdWordpress) offline = NULL;
  g_autoptr (CdSyncEngine) engine = NULL;
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) at = g_date_time_add_seconds (now, CD_SYNC_SCHEDULE_MARGIN_SECONDS + 5);
  AdwMessageDialog *dialog;
  CdWindow         *window;
  const char       *uuid;

  if (!need_wordpress (fixture))
    return;
  article = add_ready (fixture, "Late news", "late-news", "PASSAU");
  uuid = cd_article_get_uuid (article);
  offline = cd_wordpress_new ("http://127.0.0.1:9", fixture->wp->user, "x");
  cd_wordpress_set_timeouts (offline, 5, 2);
  cd_wordpress_set_retry_policy (offline, 1, 20, 200, 5);
  engine = cd_sync_engine_new (fixture->ui.store);
  cd_sync_engine_set_cms (engine, ACCOUNT, CD_CMS (offline));
  post = cd_sync_engine_publish_full (engine, uuid, NULL, at, CD_PUBLISH_DEFAULT, NULL, NULL,
                                      &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_QUEUED);
  g_clear_error (&error);
  /* The time passes while the site is still out of reach. */
  g_assert_true (cd_ui_wait_for (clock_passed, at, 2 * WAIT_MS));

  window = start (fixture, uuid);
  wait_bar (fixture, "Publish…", "Publish time passed", NULL);
  dialog = ask (window, "win.publish");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Publish Late?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ACCOUNT));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "could not be reached"));
  respond (dialog, "cancel");
  g_assert_null (server_post_of (fixture, uuid));
  dialog = ask (window, "win.publish");
  respond (dialog, "publish");
  wait_server (fixture, uuid, "status", "publish");
  wait_bar (fixture, "Update…", NULL, "live since");
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-publish/publish-update-correct", Fixture, NULL, fixture_set_up,
              test_publish_update_correct, fixture_tear_down);
  g_test_add ("/window-publish/schedule-and-checks", Fixture, NULL, fixture_set_up,
              test_schedule_and_checks, fixture_tear_down);
  g_test_add ("/window-publish/late", Fixture, NULL, fixture_set_up, test_late,
              fixture_tear_down);
  return g_test_run ();
}
