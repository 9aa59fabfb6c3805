/* test-sync-ui.c: syncing from the window, under Xvfb, against the fake
 * WordPress of the sync tests (an in-process SoupServer).
 *
 * The sync button's action updates every row's sync state and says what
 * happened in a toast; a conflict opens the conflict window (from the
 * toast, the row or the banner) with the base, mine and theirs texts; Keep
 * Mine, Take Theirs and Use Merged each settle it, the server gets the
 * right text, and nothing local is lost. Screenshots of the conflict
 * window, light and dark, go to the build dir.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-conflict-window.h"
#include "cd-sync-badge.h"
#include "cd-sync-button.h"
#include "cd-test-fake-wp.h"
#include "cd-test-sync.h"
#include "cd-ui-test.h"
#include "cd-wordpress.h"

#define ACCOUNT "desk"

typedef struct
{
  CdUiFixture   ui;
  FakeWp       *fake;
  CdSyncEngine *engine;
  guint         finished;
  GtkWidget    *sync_button;
  guint         busy_shown; /* syncs the button showed as under way */
} Fixture;

static void
on_finished (CdSyncEngine *engine,
             CdSyncResult *result,
             const char   *message,
             Fixture      *fixture)
{
  fixture->finished++;
}

static void
on_syncing (CdSyncEngine *engine,
            GParamSpec   *pspec,
            Fixture      *fixture)
{
  const char *tooltip = gtk_widget_get_tooltip_text (fixture->sync_button);

  if (cd_sync_engine_get_syncing (engine) && g_str_has_prefix (tooltip, "Syncing…"))
    fixture->busy_shown++;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  /* 1 starts with the server down. */
  gboolean listening = GPOINTER_TO_INT (data) != 1;

  cd_ui_fixture_setup (&fixture->ui, data);
  fixture->fake = fake_new (listening);
  cd_test_add_account (fixture->ui.store, ACCOUNT, fixture->fake->url, "tester");
}

/* Starts the window and points its sync engine at the fake server. */
static CdWindow *
start (Fixture *fixture)
{
  g_autoptr (CdWordpress) wp = NULL;
  CdWindow *window = cd_ui_start (&fixture->ui, NULL);

  fixture->engine = cd_window_get_sync_engine (window);
  g_assert_nonnull (fixture->engine);
  /* Short timeouts and retry delays keep the test quick. */
  wp = cd_wordpress_new (fixture->fake->url, "tester", "abcd efgh ijkl mnop");
  cd_wordpress_set_timeouts (wp, 1, 1);
  cd_wordpress_set_retry_policy (wp, 2, 10, 50, 2);
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (wp));
  g_signal_connect (fixture->engine, "finished", G_CALLBACK (on_finished), fixture);
  g_signal_connect (fixture->engine, "notify::syncing", G_CALLBACK (on_syncing), fixture);
  return window;
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  if (fixture->engine != NULL)
    g_signal_handlers_disconnect_by_data (fixture->engine, fixture);
  cd_ui_fixture_teardown (&fixture->ui, data);
  fake_free (fixture->fake);
}

typedef struct
{
  Fixture *fixture;
  guint    finished;
} SyncWait;

static gboolean
sync_settled (gpointer data)
{
  SyncWait *wait = data;
  CdWindow *window = wait->fixture->ui.window;

  return wait->fixture->finished > wait->finished && !cd_sync_engine_get_syncing (wait->fixture->engine) && !cd_sync_states_get_loading (cd_window_get_sync_states (window)) && !cd_library_get_loading (cd_window_get_library (window));
}

/* Waits for the sync under way (or about to start) to end, and for the
 * window to have read the states and the list again. */
static void
wait_for_sync (Fixture *fixture,
               guint    finished_before)
{
  SyncWait wait = { fixture, finished_before };

  if (!cd_ui_wait_for (sync_settled, &wait, 30000))
    g_error ("The sync did not end in time.");
}

static void collect (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found);

static void
sync_from_button (Fixture *fixture)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  guint before = fixture->finished;
  guint busy_before = fixture->busy_shown;

  collect (GTK_WIDGET (fixture->ui.window), CD_TYPE_SYNC_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  fixture->sync_button = g_ptr_array_index (buttons, 0);
  g_assert_true (cd_sync_button_get_engine (CD_SYNC_BUTTON (fixture->sync_button)) == fixture->engine);
  g_assert_true (gtk_widget_activate (fixture->sync_button));
  wait_for_sync (fixture, before);
  g_assert_cmpuint (fixture->busy_shown, ==, busy_before + 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (fixture->sync_button), ==,
                   "Sync Now (Ctrl+Shift+S)");
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The number of library rows showing @state. */
static guint
count_badges (CdWindow   *window,
              CdSyncState state)
{
  g_autoptr (GPtrArray) badges = g_ptr_array_new ();
  guint n = 0;

  collect (GTK_WIDGET (window), CD_TYPE_SYNC_BADGE, badges);
  for (guint i = 0; i < badges->len; i++)
    if (cd_sync_badge_get_state (g_ptr_array_index (badges, i)) == state)
      n++;
  return n;
}

typedef struct
{
  CdWindow   *window;
  CdSyncState state;
  guint       n;
} Badges;

static gboolean
badges_shown (gpointer data)
{
  Badges *badges = data;

  return count_badges (badges->window, badges->state) == badges->n;
}

/* Rows follow the states' "changed" signal: waits until @n rows show
 * @state, then says how many do. */
static void
wait_badges (CdWindow   *window,
             CdSyncState state,
             guint       n)
{
  Badges badges = { window, state, n };

  cd_ui_wait_for (badges_shown, &badges, 10000);
  g_assert_cmpuint (count_badges (window, state), ==, n);
}

/* A visible label (a toast's title, a button's) whose text has @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return g_ptr_array_index (labels, i);
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_label (wait->root, wait->text) != NULL;
}

static gboolean
label_gone (gpointer data)
{
  return !label_shown (data);
}

static GtkWidget *
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelWait wait = { root, text };

  if (!cd_ui_wait_for (label_shown, &wait, 5000))
    g_error ("No label reads “%s”.", text);
  return find_label (root, text);
}

static CdSyncState
state_of (Fixture    *fixture,
          const char *uuid)
{
  return cd_sync_states_lookup (cd_window_get_sync_states (fixture->ui.window), uuid, NULL,
                                NULL);
}

static CdArticle *
read_article (Fixture    *fixture,
              const char *uuid)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_store_get_article (fixture->ui.store, uuid, &error);

  g_assert_no_error (error);
  return article;
}

static gboolean
one_pending (gpointer data)
{
  return count_badges (data, CD_SYNC_STATE_PENDING) == 1;
}

static gboolean
two_pending (gpointer data)
{
  return count_badges (data, CD_SYNC_STATE_PENDING) == 2;
}

static void
test_button (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr (CdArticle) first = cd_test_save_new_article (fixture->ui.store, "Budget passes",
                                                          "The council voted.");
  g_autoptr (CdArticle) second = cd_test_save_new_article (fixture->ui.store, "Roads close",
                                                           "Three roads close.");
  g_auto (GStrv) accels = NULL;
  CdWindow       *window = start (fixture);
  GdkModifierType mods;
  guint           key, before;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->ui.app), "win.sync");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
  g_assert_cmpuint (key, ==, GDK_KEY_s);
  g_assert_cmpuint (mods, ==, GDK_CONTROL_MASK | GDK_SHIFT_MASK);

  g_assert_true (cd_ui_wait_for (two_pending, window, 5000));
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (first)), ==, CD_SYNC_STATE_PENDING);
  wait_badges (window, CD_SYNC_STATE_PENDING, 2);

  sync_from_button (fixture);

  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 2);
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (first)), ==, CD_SYNC_STATE_SYNCED);
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (second)), ==, CD_SYNC_STATE_SYNCED);
  wait_badges (window, CD_SYNC_STATE_SYNCED, 2);
  wait_for_label (GTK_WIDGET (window), "2 articles synced");

  /* A save marks the article pending at once, without a sync. */
  cd_article_set_body (first, "The council voted again.");
  g_assert_true (cd_window_open_article (window, cd_article_get_uuid (first), NULL));
  cd_article_set_body (cd_document_get_article (cd_window_get_document (window)),
                       "The council voted again.");
  g_assert_true (cd_window_flush (window, NULL));
  g_assert_true (cd_ui_wait_for (one_pending, window, 10000));
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (first)), ==, CD_SYNC_STATE_PENDING);
  wait_badges (window, CD_SYNC_STATE_PENDING, 1);

  sync_from_button (fixture);
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (first)), ==, CD_SYNC_STATE_SYNCED);
  wait_for_label (GTK_WIDGET (window), "1 article synced");

  /* Asked for while one runs, a sync follows it instead of failing. */
  before = fixture->finished;
  g_action_group_activate_action (G_ACTION_GROUP (window), "sync", NULL);
  g_assert_true (cd_sync_engine_get_syncing (fixture->engine));
  g_action_group_activate_action (G_ACTION_GROUP (window), "sync", NULL);
  wait_for_sync (fixture, before + 1);
  g_assert_cmpuint (fixture->finished, ==, before + 2);
  wait_for_label (GTK_WIDGET (window), "Everything is up to date");
}

static void
test_offline (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_test_save_new_article (fixture->ui.store, "Storm warning",
                                                            "Winds of 100 km/h.");
  g_autoptr (CdArticle) after = NULL;
  CdWindow *window = start (fixture);

  sync_from_button (fixture);
  wait_for_label (GTK_WIDGET (window), "Offline: changes are queued");
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (article)), ==, CD_SYNC_STATE_PENDING);
  cd_test_assert_article_unchanged (fixture->ui.store, article);

  /* The server comes up where it was: the queued article goes out. */
  fake_listen (fixture->fake);
  sync_from_button (fixture);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (article)), ==, CD_SYNC_STATE_SYNCED);
  after = read_article (fixture, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_body (after), ==, "Winds of 100 km/h.");
}

/* A post the server refuses: the row says so in words, and so does a toast. */
static void
test_error (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_test_save_new_article (fixture->ui.store, "Court & council ruling",
                                                            "The judge ruled.");
  g_autoptr (GPtrArray) badges = g_ptr_array_new ();
  CdWindow   *window = start (fixture);
  const char *account = NULL, *message = NULL;
  const char *tooltip = NULL;

  fake_add_fault (fixture->fake, "POST", "/wp/v2/posts", FAULT_STATUS, 400, 0);
  sync_from_button (fixture);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 0);
  g_assert_cmpint (cd_sync_states_lookup (cd_window_get_sync_states (window),
                                          cd_article_get_uuid (article), &account, &message),
                   ==, CD_SYNC_STATE_ERROR);
  g_assert_cmpstr (account, ==, ACCOUNT);
  g_assert_nonnull (message);
  wait_for_label (GTK_WIDGET (window), "“Court & council ruling” not synced:");

  collect (GTK_WIDGET (window), CD_TYPE_SYNC_BADGE, badges);
  for (guint i = 0; i < badges->len; i++)
    if (cd_sync_badge_get_state (g_ptr_array_index (badges, i)) == CD_SYNC_STATE_ERROR)
      tooltip = gtk_widget_get_tooltip_text (g_ptr_array_index (badges, i));
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "Not synced with desk: "));
  g_assert_nonnull (strstr (tooltip, message));
  cd_test_assert_article_unchanged (fixture->ui.store, article);

  /* The next sync gets through. */
  sync_from_button (fixture);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (article)), ==, CD_SYNC_STATE_SYNCED);
}

#define BASE_BODY "Stalls open at eight.\n\nParking is free."
#define MINE_BODY "Stalls open at seven.\n\nParking is free."
#define THEIRS_BODY "Stalls open at nine.\n\nParking is free."

/* An article synced once, then changed in its first paragraph both here
 * and on the server; a sync from the button finds the conflict. */
static CdArticle *
make_conflict (Fixture *fixture)
{
  CdArticle *article = cd_test_save_new_article (fixture->ui.store, "Market day", BASE_BODY);
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (GString) content = NULL;
  JsonObject *post;

  cd_article_set_ednote (article, "Check the opening hours with the council.");
  cd_test_save_edit (fixture->ui.store, article);
  start (fixture);
  sync_from_button (fixture);
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (article)), ==, CD_SYNC_STATE_SYNCED);

  post = fake_only_post (fixture->fake);
  content = g_string_new (get_raw (post, "content"));
  g_assert_cmpuint (g_string_replace (content, "eight", "nine", 1), ==, 1);
  json_object_set_string_member (body, "content", content->str);
  apply_fields (fixture->fake, post, body);

  cd_article_set_body (article, MINE_BODY);
  cd_test_save_edit (fixture->ui.store, article);

  sync_from_button (fixture);
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (article)), ==,
                   CD_SYNC_STATE_CONFLICT);
  wait_badges (fixture->ui.window, CD_SYNC_STATE_CONFLICT, 1);
  /* The server keeps its side until the person decides. */
  g_assert_nonnull (strstr (get_raw (post, "content"), "nine"));
  cd_test_assert_article_unchanged (fixture->ui.store, article);
  return article;
}

static CdConflictWindow *
find_conflict_window (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CD_IS_CONFLICT_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
conflict_window_shown (gpointer data)
{
  return find_conflict_window () != NULL;
}

static gboolean
conflict_window_gone (gpointer data)
{
  return find_conflict_window () == NULL;
}

static CdConflictWindow *
wait_for_conflict_window (void)
{
  if (!cd_ui_wait_for (conflict_window_shown, NULL, 5000))
    g_error ("The conflict window did not open.");
  return find_conflict_window ();
}

static void
assert_sides (CdConflictWindow *window)
{
  g_autofree char *base = cd_conflict_window_get_text (window, CD_CONFLICT_BASE);
  g_autofree char *mine = cd_conflict_window_get_text (window, CD_CONFLICT_MINE);
  g_autofree char *theirs = cd_conflict_window_get_text (window, CD_CONFLICT_THEIRS);
  g_autofree char *merged = cd_conflict_window_get_text (window, CD_CONFLICT_MERGED);

  g_assert_true (g_str_has_prefix (base, "headline: Market day\n"));
  g_assert_nonnull (strstr (base, "Stalls open at eight."));
  g_assert_nonnull (strstr (mine, "Stalls open at seven."));
  g_assert_nonnull (strstr (theirs, "Stalls open at nine."));
  /* The merge marks the paragraph both sides changed and keeps the rest. */
  g_assert_nonnull (strstr (merged, "<<<<<<< mine\nStalls open at seven."));
  g_assert_nonnull (strstr (merged, "Stalls open at nine.\n>>>>>>> theirs"));
  g_assert_nonnull (strstr (merged, "Parking is free."));
}

/* Settles with @action, then waits for the push it starts. */
static void
settle (Fixture          *fixture,
        CdConflictWindow *window,
        const char       *action)
{
  guint before = fixture->finished;

  if (action != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  else
    {
      /* Ctrl+Enter from the merged text, typed as a person would. */
      g_autofree char *xid = g_strdup_printf ("%lu", cd_ui_get_xid (GTK_WIDGET (window)));
      const char      *focus_argv[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
      const char      *key_argv[] = { "xdotool", "key", "--clearmodifiers", "ctrl+Return", NULL };

      g_assert_true (cd_ui_wait_for ((CdUiCondition) gtk_widget_get_mapped, window, 5000));
      cd_ui_run (focus_argv);
      g_assert_true (cd_ui_wait_for ((CdUiCondition) gtk_window_is_active, window, 10000));
      cd_ui_run (key_argv);
    }
  if (!cd_ui_wait_for (conflict_window_gone, NULL, 5000))
    g_error ("The conflict window stayed open after %s: %s\n%s", action ? action : "Ctrl+Enter",
             cd_conflict_window_get_error (window),
             cd_conflict_window_get_text (window, CD_CONFLICT_MERGED));
  wait_for_sync (fixture, before);
}

static void
assert_resolved (Fixture    *fixture,
                 CdArticle  *article,
                 const char *body,
                 const char *server_has)
{
  g_autoptr (CdArticle) after = read_article (fixture, cd_article_get_uuid (article));
  g_autoptr (GPtrArray) revisions = NULL;
  JsonObject *post = fake_only_post (fixture->fake);
  gboolean    mine_kept = FALSE;

  g_autofree char *after_body = g_strdup (cd_article_get_body (after));

  /* Markdown pulled from the server's HTML may end in a line break. */
  g_assert_cmpstr (g_strchomp (after_body), ==, body);
  g_assert_nonnull (strstr (get_raw (post, "content"), server_has));
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (article)), ==, CD_SYNC_STATE_SYNCED);
  wait_badges (fixture->ui.window, CD_SYNC_STATE_CONFLICT, 0);
  /* Local fields the CMS does not carry stay as they were. */
  g_assert_cmpstr (cd_article_get_ednote (after), ==, "Check the opening hours with the council.");

  /* Whatever was chosen, this machine's text stays in the history. */
  revisions = cd_store_list_revisions (fixture->ui.store, cd_article_get_uuid (article), NULL);
  g_assert_nonnull (revisions);
  for (guint i = 0; i < revisions->len && !mine_kept; i++)
    {
      CdRevision *revision = g_ptr_array_index (revisions, i);

      mine_kept = g_strcmp0 (cd_article_get_body (cd_revision_get_snapshot (revision)),
                             MINE_BODY) == 0;
    }
  g_assert_true (mine_kept);
}

static void
test_keep_mine (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (CdArticle) article = make_conflict (fixture);
  GtkWidget        *label, *button;
  CdConflictWindow *window;

  /* From the toast's Resolve button. */
  wait_for_label (GTK_WIDGET (fixture->ui.window), "1 conflict: “Market day”");
  label = wait_for_label (GTK_WIDGET (fixture->ui.window), "Resolve");
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  window = wait_for_conflict_window ();
  assert_sides (window);

  settle (fixture, window, "conflict.keep-mine");
  assert_resolved (fixture, article, MINE_BODY, "Stalls open at seven.");
  g_assert_null (strstr (get_raw (fake_only_post (fixture->fake), "content"), "nine"));
}

static void
test_take_theirs (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = make_conflict (fixture);
  g_autoptr (GPtrArray) badges = g_ptr_array_new ();
  CdConflictWindow *window = NULL;

  /* From the conflict button in the article's row. */
  collect (GTK_WIDGET (fixture->ui.window), GTK_TYPE_BUTTON, badges);
  for (guint i = 0; i < badges->len && window == NULL; i++)
    {
      GtkWidget *button = g_ptr_array_index (badges, i);

      if (gtk_widget_get_ancestor (button, CD_TYPE_SYNC_BADGE) != NULL)
        {
          g_assert_true (gtk_widget_activate (button));
          window = wait_for_conflict_window ();
        }
    }
  g_assert_nonnull (window);
  assert_sides (window);

  /* The sync's toast about the conflict does not stay up (the banner and
   * the badge say it for as long as it lasts). */
  wait_for_label (GTK_WIDGET (fixture->ui.window), "1 conflict: “Market day”");
  settle (fixture, window, "conflict.take-theirs");
  assert_resolved (fixture, article, THEIRS_BODY, "Stalls open at nine.");
  {
    LabelWait gone = { GTK_WIDGET (fixture->ui.window), "1 conflict: “Market day”" };

    g_assert_true (cd_ui_wait_for (label_gone, &gone, 30000));
  }
}

static void
test_use_merged (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (CdArticle) article = make_conflict (fixture);
  g_autoptr (GString) merged = NULL;
  g_autofree char  *mine = NULL;
  CdConflictWindow *window;
  GtkWidget        *label;

  /* From the banner over the open article. */
  g_assert_true (cd_window_open_article (fixture->ui.window, cd_article_get_uuid (article),
                                         NULL));
  label = wait_for_label (GTK_WIDGET (fixture->ui.window), "Resolve…");
  /* The article menu has it too, only while the article is in conflict. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->ui.window),
                                                    "resolve-open-conflict"));
  g_assert_true (gtk_widget_activate (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON)));
  window = wait_for_conflict_window ();
  assert_sides (window);

  /* The marks left in are refused, and nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "conflict.use-merged", NULL));
  g_assert_nonnull (cd_conflict_window_get_error (window));
  g_assert_nonnull (strstr (cd_conflict_window_get_error (window), "conflict mark"));
  g_assert_true (find_conflict_window () == window);
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (article)), ==,
                   CD_SYNC_STATE_CONFLICT);

  /* An edit that settles it goes to the server. */
  mine = cd_conflict_window_get_text (window, CD_CONFLICT_MINE);
  merged = g_string_new (mine);
  g_assert_cmpuint (g_string_replace (merged, "at seven.", "at seven, or nine on Sundays.", 1),
                    ==, 1);
  cd_conflict_window_set_merged (window, merged->str);
  settle (fixture, window, NULL);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->ui.window),
                                                     "resolve-open-conflict"));
  assert_resolved (fixture, article, "Stalls open at seven, or nine on Sundays.\n\n"
                                     "Parking is free.",
                   "Stalls open at seven, or nine on Sundays.");
  /* The editor shows the settled text. */
  g_assert_cmpstr (cd_article_get_body (cd_document_get_article (
                       cd_window_get_document (fixture->ui.window))),
                   ==, "Stalls open at seven, or nine on Sundays.\n\nParking is free.");
}

/* The text view that shows @text under @widget. */
static GtkWidget *
find_view_showing (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer   *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter      start, end;
      g_autofree char *shown = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      return g_str_equal (shown, text) ? widget : NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_view_showing (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Each conflict settled from the bar over the merged text: theirs here
 * (one step to undo), both, and the text so settled is what goes out. */
static void
test_settle_each (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = make_conflict (fixture);
  CdConflictWindow *window;
  GtkTextBuffer    *buffer;
  char             *merged;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->ui.window),
                                             "win.resolve-conflict", "s",
                                             cd_article_get_uuid (article)));
  window = wait_for_conflict_window ();
  assert_sides (window);
  wait_for_label (GTK_WIDGET (window), "Conflict 1 of 1");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "conflict.hunk-theirs", NULL));
  merged = cd_conflict_window_get_text (window, CD_CONFLICT_MERGED);
  g_assert_null (strstr (merged, "<<<<<<<"));
  g_assert_nonnull (strstr (merged, "\n\nStalls open at nine.\n\nParking is free."));
  g_assert_null (strstr (merged, "seven"));
  g_free (merged);

  /* One undo brings the conflict back; Keep Both keeps yours, then theirs. */
  merged = cd_conflict_window_get_text (window, CD_CONFLICT_MERGED);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_view_showing (GTK_WIDGET (window), merged)));
  g_free (merged);
  gtk_text_buffer_undo (buffer);
  merged = cd_conflict_window_get_text (window, CD_CONFLICT_MERGED);
  g_assert_nonnull (strstr (merged, "<<<<<<< mine\nStalls open at seven."));
  g_free (merged);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "conflict.hunk-both", NULL));
  merged = cd_conflict_window_get_text (window, CD_CONFLICT_MERGED);
  g_assert_nonnull (strstr (merged, "\n\nStalls open at seven.\nStalls open at nine.\n\nParking"));
  g_free (merged);
  gtk_text_buffer_undo (buffer);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "conflict.hunk-theirs", NULL));
  settle (fixture, window, "conflict.use-merged");
  assert_resolved (fixture, article, "Stalls open at nine.\n\nParking is free.",
                   "Stalls open at nine.");
}

/* Types at the start of the body the moment the sync starts, as a person
 * who does not wait for it would. */
static void
type_when_syncing (CdSyncEngine *engine,
                   GParamSpec   *pspec,
                   Fixture      *fixture)
{
  GtkTextBuffer *buffer;
  GtkTextIter    start;

  if (!cd_sync_engine_get_syncing (engine))
    return;
  buffer = GTK_TEXT_BUFFER (cd_editor_get_buffer (cd_window_get_editor (fixture->ui.window)));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "Early: ", -1);
  g_signal_handlers_disconnect_by_func (engine, type_when_syncing, fixture);
}

/* The open article changes on the server: the editor shows the change, and
 * typing done during the sync is merged with it, not written over it. */
static void
test_open_article (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_test_save_new_article (fixture->ui.store, "Market day",
                                                            BASE_BODY);
  g_autoptr (CdArticle) after = NULL;
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (GString) content = NULL;
  CdWindow   *window = start (fixture);
  const char *uuid = cd_article_get_uuid (article);
  JsonObject *post;

  g_assert_true (cd_window_open_article (window, uuid, NULL));
  sync_from_button (fixture);
  post = fake_only_post (fixture->fake);

  /* Untouched here: the editor reads the pulled text. */
  content = g_string_new (get_raw (post, "content"));
  g_assert_cmpuint (g_string_replace (content, "Parking is free.", "Parking is free today.", 1),
                    ==, 1);
  json_object_set_string_member (body, "content", content->str);
  apply_fields (fixture->fake, post, body);
  sync_from_button (fixture);
  g_assert_cmpstr (g_strchomp (g_strdup (cd_article_get_body (
                       cd_document_get_article (cd_window_get_document (window))))),
                   ==, "Stalls open at eight.\n\nParking is free today.");

  /* Typed during the sync: both changes stay, here and on the server. */
  g_string_replace (content, "Parking is free today.", "Parking is free all day.", 1);
  json_object_set_string_member (body, "content", content->str);
  apply_fields (fixture->fake, post, body);
  g_signal_connect (fixture->engine, "notify::syncing", G_CALLBACK (type_when_syncing), fixture);
  sync_from_button (fixture);
  after = read_article (fixture, uuid);
  g_assert_nonnull (strstr (cd_article_get_body (after), "Early: Stalls open at eight."));
  g_assert_nonnull (strstr (cd_article_get_body (after), "Parking is free all day."));
  g_assert_cmpstr (cd_article_get_body (cd_document_get_article (cd_window_get_document (window))),
                   ==, cd_article_get_body (after));
  sync_from_button (fixture);
  g_assert_nonnull (strstr (get_raw (post, "content"), "Early: Stalls open at eight."));
  g_assert_nonnull (strstr (get_raw (post, "content"), "Parking is free all day."));
  g_assert_cmpint (state_of (fixture, uuid), ==, CD_SYNC_STATE_SYNCED);
}

/* What @widget draws now, or %NULL while it draws nothing yet (not laid
 * out or not mapped, which a busy machine can make last). */
static GskRenderNode *
widget_node (GtkWidget *widget)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

static gboolean
draws_something (gpointer widget)
{
  g_autoptr (GskRenderNode) node = widget_node (widget);

  return node != NULL;
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", name, NULL);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  g_assert_true (cd_ui_wait_for (draws_something, widget, 10000));
  node = widget_node (widget);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (
      gtk_native_get_renderer (GTK_NATIVE (widget)), node,
      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget)));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
test_screenshot (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (CdArticle) article = make_conflict (fixture);
  gboolean   dark = GPOINTER_TO_INT (data) == 2;
  GtkWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The library row and the banner over the open article. */
  g_assert_true (cd_window_open_article (fixture->ui.window, cd_article_get_uuid (article),
                                         NULL));
  wait_for_label (GTK_WIDGET (fixture->ui.window), "Resolve…");
  cd_ui_spin (500);
  save_png (GTK_WIDGET (fixture->ui.window), dark ? "sync-window-dark.png"
                                                  : "sync-window-light.png");

  window = cd_window_show_conflict (fixture->ui.window, cd_article_get_uuid (article));
  g_assert_nonnull (window);
  g_assert_true (cd_ui_wait_for ((CdUiCondition) gtk_widget_get_mapped, window, 5000));
  cd_ui_spin (500);
  save_png (GTK_WIDGET (window), dark ? "conflict-window-dark.png" : "conflict-window-light.png");
  gtk_window_destroy (window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  /* Closing the window leaves the conflict as it was. */
  g_assert_cmpint (state_of (fixture, cd_article_get_uuid (article)), ==,
                   CD_SYNC_STATE_CONFLICT);
  cd_test_assert_article_unchanged (fixture->ui.store, article);
}

/* The text format of the conflict window reads back what it wrote. */
static void
test_format (void)
{
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autoptr (CdArticle) back = cd_article_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const char      *tags[] = { "markets", "town", NULL };

  cd_article_set_headline (article, "Market: day");
  cd_article_set_dek (article, "Stalls and\nparking");
  cd_article_set_section (article, "Local");
  cd_article_set_tags (article, tags);
  cd_article_set_body (article, "headline: not a field\n\nSecond paragraph.");
  text = cd_conflict_format_article (article);
  g_assert_true (cd_conflict_parse_text (text, back, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (back), ==, "Market: day");
  g_assert_cmpstr (cd_article_get_dek (back), ==, "Stalls and parking");
  g_assert_cmpstr (cd_article_get_section (back), ==, "Local");
  g_assert_cmpstrv (cd_article_get_tags (back), tags);
  g_assert_cmpstr (cd_article_get_body (back), ==, "headline: not a field\n\nSecond paragraph.");

  g_assert_false (cd_conflict_parse_text ("title: x\n\nbody", back, &error));
  g_assert_error (error, CD_CONFLICT_ERROR, CD_CONFLICT_ERROR_FIELD);
  g_clear_error (&error);
  g_assert_false (cd_conflict_parse_text ("headline: x\n\n<<<<<<< mine\na\n=======\nb\n"
                                          ">>>>>>> theirs\n",
                                          back, &error));
  g_assert_error (error, CD_CONFLICT_ERROR, CD_CONFLICT_ERROR_MARKS);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/sync-ui/format", test_format);
#define ADD(path, data, func)                                                          \
  g_test_add ("/sync-ui/" path, Fixture, GINT_TO_POINTER (data), fixture_set_up, func, \
              fixture_tear_down)
  ADD ("button", 0, test_button);
  ADD ("offline", 1, test_offline);
  ADD ("error", 0, test_error);
  ADD ("keep-mine", 0, test_keep_mine);
  ADD ("take-theirs", 0, test_take_theirs);
  ADD ("use-merged", 0, test_use_merged);
  ADD ("settle-each", 0, test_settle_each);
  ADD ("open-article", 0, test_open_article);
  ADD ("screenshot/light", 0, test_screenshot);
  ADD ("screenshot/dark", 2, test_screenshot);
#undef ADD
  return g_test_run ();
}
