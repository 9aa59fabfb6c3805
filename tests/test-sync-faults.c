/* test-sync-faults.c: the sync engine against a server having a bad day.
 *
 * An in-process SoupServer on 127.0.0.1 (cd-test-fake-wp.c) answers just
 * enough of the WordPress REST API (users/me; posts: create, get, update,
 * list, search) for CdWordpress, and fails on request: 500, 503 and 429
 * with Retry-After, a reply lost after the post was created (connection
 * dropped, or the reply held past the client's timeout), a connection cut
 * mid-body, malformed JSON, and a server that is down. Each test checks what reached the server
 * and that nothing local was lost or changed wrongly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "cd-import.h"
#include "cd-merge.h"
#include "cd-store.h"
#include "cd-sync-db.h"
#include "cd-sync.h"
#include "cd-sync-state.h"
#include "cd-test-fake-wp.h"
#include "cd-test-sync.h"
#include "cd-wordpress.h"

#define ACCOUNT "desk"

/* ------------------------------------------------------------------------
 * A network monitor the test switches on and off
 * ------------------------------------------------------------------------ */

#define FAKE_TYPE_MONITOR (fake_monitor_get_type ())
G_DECLARE_FINAL_TYPE (FakeMonitor, fake_monitor, FAKE, MONITOR, GObject)

struct _FakeMonitor
{
  GObject  parent_instance;
  gboolean available;
};

enum
{
  MONITOR_PROP_0,
  MONITOR_PROP_AVAILABLE,
  MONITOR_PROP_METERED,
  MONITOR_PROP_CONNECTIVITY,
};

static gboolean
fake_monitor_initable_init (GInitable    *initable,
                            GCancellable *cancellable,
                            GError      **error)
{
  return TRUE;
}

static void
fake_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = fake_monitor_initable_init;
}

static void
fake_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FakeMonitor, fake_monitor, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, fake_monitor_initable_iface_init) G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, fake_monitor_iface_init))

static void
fake_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FakeMonitor *self = FAKE_MONITOR (object);

  switch (prop_id)
    {
    case MONITOR_PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case MONITOR_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case MONITOR_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fake_monitor_class_init (FakeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fake_monitor_get_property;
  g_object_class_override_property (object_class, MONITOR_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MONITOR_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MONITOR_PROP_CONNECTIVITY, "connectivity");
}

static void
fake_monitor_init (FakeMonitor *self)
{
}

static void
fake_monitor_set_available (FakeMonitor *self,
                            gboolean     available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

/* ------------------------------------------------------------------------
 * The client side
 * ------------------------------------------------------------------------ */

typedef struct
{
  char         *dir;
  CdStore      *store;
  CdSyncEngine *engine;
  FakeWp       *fake;
  GCancellable *cancellable;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWordpress) wp = NULL;
  gboolean listening = GPOINTER_TO_INT (data) == 0;

  fixture->dir = g_dir_make_tmp ("copydesk-sync-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = cd_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->engine = cd_sync_engine_new (fixture->store);
  fixture->fake = fake_new (listening);
  cd_test_add_account (fixture->store, ACCOUNT, fixture->fake->url, "tester");

  /* Short timeouts and retry delays keep the test quick; the logic is the
   * same as with the defaults. */
  wp = cd_wordpress_new (fixture->fake->url, "tester", "abcd efgh ijkl mnop");
  cd_wordpress_set_timeouts (wp, 1, 1);
  cd_wordpress_set_retry_policy (wp, 4, 10, 50, 2);
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (wp));
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->cancellable);
  fake_free (fixture->fake);
  cd_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static CdSyncResult *
sync_now (Fixture *fixture)
{
  return cd_test_sync_now (fixture->engine, NULL);
}

static CdArticle *
save_new_article (Fixture    *fixture,
                  const char *headline,
                  const char *body)
{
  return cd_test_save_new_article (fixture->store, headline, body);
}

static void
assert_local_unchanged (Fixture   *fixture,
                        CdArticle *before)
{
  cd_test_assert_article_unchanged (fixture->store, before);
}

static char *
sync_state (Fixture    *fixture,
            const char *uuid)
{
  return cd_test_sync_state (fixture->store, uuid, ACCOUNT, NULL);
}

static void
assert_state (Fixture    *fixture,
              const char *uuid,
              const char *want)
{
  g_autofree char *state = sync_state (fixture, uuid);

  g_assert_cmpstr (state, ==, want);
}

static gboolean
items_have (GPtrArray  *items,
            const char *uuid)
{
  return cd_test_find_item (items, uuid) != NULL;
}

/* ------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------ */

static void
on_progress (CdSyncEngine *engine,
             guint         done,
             guint         total,
             guint        *progress)
{
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpfloat (cd_sync_engine_get_fraction (engine), >, 0.0);
  progress[0] = done;
  progress[1] = total;
}

static void
test_retries (Fixture      *fixture,
              gconstpointer data)
{
  guint progress[2] = { 0, 0 };
  g_autoptr (CdArticle) article = save_new_article (fixture, "Council votes on budget",
                                                    "The council met at noon.");
  g_autoptr (CdSyncResult) result = NULL;
  JsonObject *post;

  /* A read fails with 500 once, the create is declined with 503 and then
   * 429, each asking to wait a second; the list fails with 503 once. */
  fake_add_fault (fixture->fake, "GET", "/wp/v2/users/me", FAULT_STATUS, 500, 0);
  fake_add_fault (fixture->fake, "POST", "/wp/v2/posts", FAULT_STATUS, 503, 1);
  fake_add_fault (fixture->fake, "POST", "/wp/v2/posts", FAULT_STATUS, 429, 1);
  fake_add_fault (fixture->fake, "GET", "/wp/v2/posts", FAULT_STATUS, 503, 0);

  g_signal_connect (fixture->engine, "progress", G_CALLBACK (on_progress), progress);
  result = sync_now (fixture);
  g_signal_handlers_disconnect_by_func (fixture->engine, on_progress, progress);
  g_assert_cmpuint (progress[0], >=, 1);
  g_assert_cmpuint (progress[0], ==, progress[1]);
  g_assert_true (cd_sync_result_is_clean (result));
  g_assert_true (items_have (cd_sync_result_get_pushed (result), cd_article_get_uuid (article)));
  g_assert_cmpuint (fake_count (fixture->fake, "GET /wp/v2/users/me"), ==, 2);
  g_assert_cmpuint (fake_count (fixture->fake, "POST /wp/v2/posts"), ==, 3);
  g_assert_cmpuint (fixture->fake->faults.length, ==, 0);

  post = fake_only_post (fixture->fake);
  g_assert_cmpstr (get_raw (post, "title"), ==, "Council votes on budget");
  g_assert_nonnull (strstr (get_raw (post, "content"), "The council met at noon."));
  g_assert_nonnull (strstr (get_raw (post, "content"), cd_article_get_uuid (article)));
  assert_local_unchanged (fixture, article);
  assert_state (fixture, cd_article_get_uuid (article), "synced");
}

/* The server made the post but the reply never came, and this sync's pull
 * failed too: the article stays queued, and the next sync finds the post by
 * its marker instead of making a second one. */
static void
check_lost_create (Fixture  *fixture,
                   FaultKind kind)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Fire at the depot",
                                                    "Crews were called at dawn.");
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdSyncResult) third = NULL;
  const char *uuid = cd_article_get_uuid (article);

  fake_add_fault (fixture->fake, "POST", "/wp/v2/posts", kind, 0, 0);
  for (guint i = 0; i < 4; i++)
    fake_add_fault (fixture->fake, "GET", "/wp/v2/posts", FAULT_STATUS, 500, 0);

  first = sync_now (fixture);
  g_assert_false (cd_sync_result_is_clean (first));
  g_assert_cmpuint (cd_sync_result_get_pushed (first)->len, ==, 0);
  g_assert_true (items_have (cd_sync_result_get_queued (first), uuid));
  g_assert_false (items_have (cd_sync_result_get_errors (first), uuid));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  assert_state (fixture, uuid, "pending");
  assert_local_unchanged (fixture, article);

  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_true (items_have (cd_sync_result_get_pushed (second), uuid));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  g_assert_cmpuint (fake_count (fixture->fake, "POST /wp/v2/posts"), ==, 1);
  g_assert_cmpstr (get_raw (fake_only_post (fixture->fake), "title"), ==, "Fire at the depot");
  assert_state (fixture, uuid, "synced");
  assert_local_unchanged (fixture, article);

  /* And a local change after that goes to the same post. */
  cd_article_set_body (article, "Crews were called at dawn. Nobody was hurt.");
  g_assert_true (cd_store_save_article (fixture->store, article, CD_REVISION_EDITED, NULL, NULL));
  third = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (third));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  g_assert_nonnull (strstr (get_raw (fake_only_post (fixture->fake), "content"),
                            "Nobody was hurt."));
}

/* When the pull of the same sync works, it finds the post right away. */
static void
test_lost_create_found_by_pull (Fixture      *fixture,
                                gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Fire at the depot",
                                                    "Crews were called at dawn.");
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  const char *uuid = cd_article_get_uuid (article);

  fake_add_fault (fixture->fake, "POST", "/wp/v2/posts", FAULT_DROP, 0, 0);
  first = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (first));
  g_assert_true (items_have (cd_sync_result_get_pushed (first), uuid));
  assert_state (fixture, uuid, "synced");

  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  g_assert_cmpuint (fake_count (fixture->fake, "POST /wp/v2/posts"), ==, 1);
  assert_local_unchanged (fixture, article);
}

static void
test_lost_create_dropped (Fixture      *fixture,
                          gconstpointer data)
{
  check_lost_create (fixture, FAULT_DROP);
}

static void
test_lost_create_held (Fixture      *fixture,
                       gconstpointer data)
{
  check_lost_create (fixture, FAULT_HOLD);
}

static void
test_cut_mid_body (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Bridge reopens",
                                                    "Traffic flows again.");
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdSyncResult) third = NULL;
  const char      *uuid = cd_article_get_uuid (article);
  g_autofree char *update_key = NULL;
  g_autofree char *update_post_key = NULL;
  guint            updates_before;
  JsonObject      *post;

  first = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (first));
  post = fake_only_post (fixture->fake);
  update_key = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT,
                                json_object_get_int_member (post, "id"));
  update_post_key = g_strconcat ("POST ", update_key, NULL);

  /* The update is saved on the server, but its reply breaks off. */
  cd_article_set_body (article, "Traffic flows again after three weeks.");
  g_assert_true (cd_store_save_article (fixture->store, article, CD_REVISION_EDITED, NULL, NULL));
  fake_add_fault (fixture->fake, "POST", update_key, FAULT_CUT, 0, 0);
  second = sync_now (fixture);
  g_assert_false (cd_sync_result_is_clean (second));
  g_assert_cmpuint (cd_sync_result_get_errors (second)->len, ==, 0);
  g_assert_true (items_have (cd_sync_result_get_queued (second), uuid));
  assert_state (fixture, uuid, "pending");
  assert_local_unchanged (fixture, article);

  /* A read cut off mid-body is tried again, and the lost update is found
   * to be on the server already: nothing is sent twice. */
  fake_add_fault (fixture->fake, "GET", update_key, FAULT_CUT, 0, 0);
  updates_before = fake_count (fixture->fake, update_post_key);
  third = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (third));
  g_assert_cmpuint (fixture->fake->faults.length, ==, 0);
  g_assert_cmpuint (fake_count (fixture->fake, update_post_key), ==, updates_before);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  g_assert_nonnull (strstr (get_raw (fake_only_post (fixture->fake), "content"),
                            "after three weeks"));
  assert_state (fixture, uuid, "synced");
  assert_local_unchanged (fixture, article);
}

static void
test_malformed_json (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "School roof leaks",
                                                    "Buckets in the gym.");
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdSyncResult) third = NULL;
  g_autoptr (CdSyncResult) fourth = NULL;
  const char      *uuid = cd_article_get_uuid (article);
  g_autofree char *get_key = NULL;
  g_autofree char *before_server = NULL;
  CdSyncItem      *item;

  first = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (first));
  get_key = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT,
                             json_object_get_int_member (fake_only_post (fixture->fake), "id"));
  before_server = g_strdup (get_raw (fake_only_post (fixture->fake), "content"));

  cd_article_set_body (article, "Buckets in the gym, and now in the library.");
  g_assert_true (cd_store_save_article (fixture->store, article, CD_REVISION_EDITED, NULL, NULL));

  fake_add_fault (fixture->fake, "GET", get_key, FAULT_MALFORMED, 0, 0);
  second = sync_now (fixture);
  g_assert_cmpuint (cd_sync_result_get_errors (second)->len, ==, 1);
  item = g_ptr_array_index (cd_sync_result_get_errors (second), 0);
  g_assert_cmpstr (item->uuid, ==, uuid);
  g_assert_nonnull (strstr (item->message, "not valid JSON"));
  g_assert_nonnull (strstr (item->message, get_key));
  assert_state (fixture, uuid, "error");
  assert_local_unchanged (fixture, article);
  g_assert_cmpstr (get_raw (fake_only_post (fixture->fake), "content"), ==, before_server);

  /* A web page where JSON should be is an error in words too. */
  fake_add_fault (fixture->fake, "GET", get_key, FAULT_WRONG_TYPE, 0, 0);
  third = sync_now (fixture);
  g_assert_cmpuint (cd_sync_result_get_errors (third)->len, ==, 1);
  item = g_ptr_array_index (cd_sync_result_get_errors (third), 0);
  g_assert_nonnull (strstr (item->message, "not JSON"));
  assert_local_unchanged (fixture, article);

  /* Once the server behaves, the change goes through. */
  fourth = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (fourth));
  g_assert_nonnull (strstr (get_raw (fake_only_post (fixture->fake), "content"),
                            "now in the library"));
  assert_state (fixture, uuid, "synced");
  assert_local_unchanged (fixture, article);
}

static void
test_server_down (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Storm warning",
                                                    "Gusts up to 100 km/h.");
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  const char *uuid = cd_article_get_uuid (article);

  first = sync_now (fixture);
  g_assert_false (cd_sync_result_is_clean (first));
  g_assert_cmpuint (cd_sync_result_get_errors (first)->len, ==, 0);
  g_assert_true (items_have (cd_sync_result_get_queued (first), uuid));
  assert_state (fixture, uuid, "pending");
  assert_local_unchanged (fixture, article);

  fake_listen (fixture->fake);
  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_true (items_have (cd_sync_result_get_pushed (second), uuid));
  g_assert_cmpstr (get_raw (fake_only_post (fixture->fake), "title"), ==, "Storm warning");
  assert_state (fixture, uuid, "synced");
  assert_local_unchanged (fixture, article);
}

static void
test_pull_merge (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Market day",
                                                    "Stalls open at eight.\n\n"
                                                    "Parking is free.");
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (GString) content = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *post;

  first = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (first));

  /* Someone edits the second paragraph on the server while the first is
   * edited here. */
  post = fake_only_post (fixture->fake);
  content = g_string_new (get_raw (post, "content"));
  g_string_replace (content, "Parking is free.", "Parking is free until noon.", 1);
  json_object_set_string_member (body, "content", content->str);
  apply_fields (fixture->fake, post, body);
  cd_article_set_body (article, "Stalls open at seven.\n\nParking is free.");
  g_assert_true (cd_store_save_article (fixture->store, article, CD_REVISION_EDITED, NULL, NULL));

  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  local = cd_store_get_article (fixture->store, cd_article_get_uuid (article), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (local), ==,
                   "Stalls open at seven.\n\nParking is free until noon.");
  g_assert_cmpstr (cd_article_get_byline (local), ==, "Anna Berger");
  g_assert_nonnull (strstr (get_raw (post, "content"), "Stalls open at seven."));
  g_assert_nonnull (strstr (get_raw (post, "content"), "Parking is free until noon."));
}

/* A pulled post larger than an article may be is refused in one sentence
 * naming it, the rest of the listing still comes in, and a title's control
 * characters (a colleague's paste, a hostile server) are not kept. */
static void
test_pull_bounds (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (JsonObject) huge = json_object_new ();
  g_autoptr (JsonObject) odd = json_object_new ();
  g_autoptr (CdSyncResult) result = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *big = g_strnfill (CD_IMPORT_MAX_SIZE + 10, 'a');
  CdStoreQuery     query = { NULL, -1, FALSE, 0 };
  JsonObject      *post;
  GPtrArray       *errors;
  CdSyncItem      *item;
  g_autofree char *huge_id = NULL;

  json_object_set_string_member (huge, "title", "Whole archive");
  json_object_set_string_member (huge, "content", big);
  post = fake_create_post (fixture->fake, huge);
  huge_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (post, "id"));
  json_object_set_string_member (odd, "title", "Tram\r\nstrike\x07 \x1b ends");
  json_object_set_string_member (odd, "content", "<p>Lines reopen.</p>");
  fake_create_post (fixture->fake, odd);

  result = sync_now (fixture);
  errors = cd_sync_result_get_errors (result);
  g_assert_cmpuint (errors->len, ==, 1);
  item = g_ptr_array_index (errors, 0);
  g_test_message ("%s", item->message);
  g_assert_nonnull (strstr (item->message, huge_id));
  g_assert_nonnull (strstr (item->message, "Whole archive"));
  g_assert_nonnull (strstr (item->message, "more than the 20.0"));
  g_assert_null (strchr (item->message, '\n'));

  articles = cd_store_list_articles (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpstr (cd_article_get_headline (g_ptr_array_index (articles, 0)), ==,
                   "Tram strike ends");
}

/* A sync ends by its deadline whatever the server does: what is not done
 * by then waits, queued, for the next sync, which finishes it. The
 * deadline here has passed before the first step ends, so exactly one
 * article goes out, however fast or slow the machine. */
static void
test_deadline (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (CdArticle) first = save_new_article (fixture, "Ferry strike", "Crews walked out.");
  g_autoptr (CdArticle) second = save_new_article (fixture, "Tram works", "Lines close.");
  g_autoptr (CdArticle) third = save_new_article (fixture, "Port reopens", "Ships dock.");
  g_autoptr (CdSyncResult) stopped = NULL;
  g_autoptr (CdSyncResult) finished = NULL;
  GPtrArray  *errors;
  CdSyncItem *item;

  cd_sync_engine_set_deadline (fixture->engine, 0);
  stopped = sync_now (fixture);
  errors = cd_sync_result_get_errors (stopped);
  g_assert_cmpuint (errors->len, ==, 1);
  item = g_ptr_array_index (errors, 0);
  g_test_message ("%s", item->message);
  g_assert_nonnull (strstr (item->message, "stopped after 0 seconds"));
  g_assert_nonnull (strstr (item->message, "next sync"));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);

  cd_sync_engine_set_deadline (fixture->engine, CD_SYNC_DEADLINE_SECONDS);
  finished = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (finished));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 3);
}

/* The sync-state model (cd-sync-state.h): one article in conflict, one
 * queued and never synced, as the library, the banner, the conflict window
 * and `show --json` read them. */
static void
test_state_model (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Market day",
                                                    "Stalls open at eight.\n\n"
                                                    "Parking is free.");
  g_autoptr (CdArticle) waiting = NULL;
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (GString) content = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSyncStatus) status = NULL;
  g_autoptr (CdSyncStatus) queued = NULL;
  g_autoptr (GPtrArray) statuses = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (CdSyncConflict) conflict = NULL;
  g_autoptr (CdSyncConflict) none = NULL;
  const char *uuid = cd_article_get_uuid (article);
  JsonObject *post;
  guint       n_accounts = 0;

  first = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (first));
  status = cd_sync_get_status (fixture->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_sync_status_get_state (status), ==, CD_SYNC_STATUS_SYNCED);
  g_clear_pointer (&status, cd_sync_status_unref);

  /* The same sentence changed on both sides. */
  post = fake_only_post (fixture->fake);
  content = g_string_new (get_raw (post, "content"));
  g_string_replace (content, "Stalls open at eight.", "Stalls open at nine.", 1);
  json_object_set_string_member (body, "content", content->str);
  apply_fields (fixture->fake, post, body);
  cd_article_set_body (article, "Stalls open at seven.\n\nParking is free.");
  g_assert_true (cd_store_save_article (fixture->store, article, CD_REVISION_EDITED, NULL, NULL));
  second = sync_now (fixture);
  g_assert_cmpuint (cd_sync_result_get_conflicts (second)->len, ==, 1);
  waiting = save_new_article (fixture, "Late bus", "The night bus is late.");

  status = cd_sync_get_status (fixture->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_sync_status_get_uuid (status), ==, uuid);
  g_assert_cmpint (cd_sync_status_get_state (status), ==, CD_SYNC_STATUS_CONFLICT);
  g_assert_cmpstr (cd_sync_status_get_account (status), ==, ACCOUNT);
  g_assert_null (cd_sync_status_get_message (status));
  g_assert_nonnull (cd_sync_status_get_remote_id (status));
  g_assert_cmpstr (cd_sync_status_state_to_string (CD_SYNC_STATUS_QUEUED), ==, "pending");

  statuses = cd_sync_list_statuses (fixture->store, &n_accounts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_accounts, ==, 1);
  g_assert_cmpuint (statuses->len, ==, 2);
  for (guint i = 0; i < statuses->len; i++)
    {
      CdSyncStatus *one = g_ptr_array_index (statuses, i);

      if (g_strcmp0 (cd_sync_status_get_uuid (one), uuid) == 0)
        g_assert_cmpint (cd_sync_status_get_state (one), ==, CD_SYNC_STATUS_CONFLICT);
      else
        g_assert_cmpstr (cd_sync_status_get_uuid (one), ==, cd_article_get_uuid (waiting));
    }
  queued = cd_sync_get_status (fixture->store, cd_article_get_uuid (waiting), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_sync_status_get_state (queued), ==, CD_SYNC_STATUS_QUEUED);
  g_assert_null (cd_sync_status_get_remote_id (queued));

  accounts = cd_sync_list_account_statuses (fixture->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpstr (cd_sync_status_get_account (g_ptr_array_index (accounts, 0)), ==, ACCOUNT);

  /* The conflict window's sides, found without naming the account. */
  conflict = cd_sync_get_conflict (fixture->store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_sync_conflict_get_account (conflict), ==, ACCOUNT);
  g_assert_cmpstr (cd_article_get_body (cd_sync_conflict_get_mine (conflict)), ==,
                   "Stalls open at seven.\n\nParking is free.");
  g_assert_nonnull (strstr (cd_article_get_body (cd_sync_conflict_get_theirs (conflict)),
                            "Stalls open at nine."));
  g_assert_nonnull (strstr (cd_article_get_body (cd_sync_conflict_get_base (conflict)),
                            "Stalls open at eight."));
  none = cd_sync_get_conflict (fixture->store, cd_article_get_uuid (waiting), NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_NOT_IN_CONFLICT);
}

static void
on_finished (CdSyncEngine *engine,
             CdSyncResult *result,
             const char   *message,
             GPtrArray    *results)
{
  g_assert_null (message);
  g_ptr_array_add (results, cd_sync_result_ref (result));
}

static CdSyncResult *
wait_for_auto_sync (GPtrArray *results,
                    guint      n)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (results->len < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  return g_ptr_array_index (results, n - 1);
}

/* Nothing syncs while the network is away; its return starts a sync, and
 * so does the timer. */
static void
test_auto_sync (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Power cut in the north",
                                                    "Thousands without power.");
  g_autoptr (FakeMonitor) monitor = g_object_new (FAKE_TYPE_MONITOR, NULL);
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                      cd_sync_result_unref);
  g_autoptr (CdWordpress) wp = NULL;
  const char   *uuid = cd_article_get_uuid (article);
  CdSyncResult *result;

  /* The client follows the same monitor: offline means queued at once. */
  wp = cd_wordpress_new (fixture->fake->url, "tester", "abcd efgh ijkl mnop");
  cd_wordpress_set_timeouts (wp, 1, 1);
  cd_wordpress_set_retry_policy (wp, 2, 10, 50, 2);
  cd_wordpress_set_network_monitor (wp, G_NETWORK_MONITOR (monitor));
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (wp));
  g_signal_connect (fixture->engine, "finished", G_CALLBACK (on_finished), results);

  cd_sync_engine_set_network_monitor (fixture->engine, G_NETWORK_MONITOR (monitor));
  cd_sync_engine_set_auto_sync (fixture->engine, 3600);
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (results->len, ==, 0);

  /* The network comes back, but the server is still down: queued. */
  fake_monitor_set_available (monitor, TRUE);
  result = wait_for_auto_sync (results, 1);
  g_assert_true (items_have (cd_sync_result_get_queued (result), uuid));
  g_assert_cmpuint (cd_sync_result_get_errors (result)->len, ==, 0);
  assert_state (fixture, uuid, "pending");
  assert_local_unchanged (fixture, article);

  /* It goes away and comes back with the server up: synced. */
  fake_listen (fixture->fake);
  fake_monitor_set_available (monitor, FALSE);
  fake_monitor_set_available (monitor, TRUE);
  result = wait_for_auto_sync (results, 2);
  g_assert_true (cd_sync_result_is_clean (result));
  g_assert_true (items_have (cd_sync_result_get_pushed (result), uuid));
  g_assert_cmpstr (get_raw (fake_only_post (fixture->fake), "title"), ==,
                   "Power cut in the north");
  assert_state (fixture, uuid, "synced");

  /* A change made later goes out on the timer. */
  cd_article_set_body (article, "Thousands without power until the evening.");
  g_assert_true (cd_store_save_article (fixture->store, article, CD_REVISION_EDITED, NULL, NULL));
  cd_sync_engine_set_auto_sync (fixture->engine, 1);
  result = wait_for_auto_sync (results, 3);
  g_assert_true (cd_sync_result_is_clean (result));
  g_assert_nonnull (strstr (get_raw (fake_only_post (fixture->fake), "content"),
                            "until the evening"));
  cd_sync_engine_set_auto_sync (fixture->engine, 0);
  g_signal_handlers_disconnect_by_func (fixture->engine, on_finished, results);
}

/* Changed only on the server: the local article follows, keeping what
 * the server does not carry, and nothing goes back. */
static void
test_fast_forward (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Zoo welcomes twins",
                                                    "Two red pandas were born.");
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdArticle) local = NULL;
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *update_key = NULL;
  const char      *uuid = cd_article_get_uuid (article);
  gboolean         pulled_revision = FALSE;
  g_autoptr (GString) content = NULL;
  JsonObject *post;

  first = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (first));
  post = fake_only_post (fixture->fake);
  update_key = g_strdup_printf ("POST /wp/v2/posts/%" G_GINT64_FORMAT,
                                json_object_get_int_member (post, "id"));

  content = g_string_new (get_raw (post, "content"));
  g_string_replace (content, "Two red pandas were born.", "Two red pandas were born on Monday.",
                    1);
  json_object_set_string_member (body, "title", "Zoo welcomes red panda twins");
  json_object_set_string_member (body, "content", content->str);
  apply_fields (fixture->fake, post, body);

  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_true (items_have (cd_sync_result_get_pulled (second), uuid));
  g_assert_cmpuint (cd_sync_result_get_pushed (second)->len, ==, 0);
  g_assert_cmpuint (fake_count (fixture->fake, update_key), ==, 0);

  local = cd_store_get_article (fixture->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (local), ==, "Zoo welcomes red panda twins");
  g_assert_nonnull (strstr (cd_article_get_body (local), "born on Monday."));
  g_assert_cmpstr (cd_article_get_byline (local), ==, "Anna Berger");
  assert_state (fixture, uuid, "synced");

  revisions = cd_store_list_revisions (fixture->store, uuid, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    if (cd_revision_get_reason (g_ptr_array_index (revisions, i)) == CD_REVISION_PULLED)
      pulled_revision = TRUE;
  g_assert_true (pulled_revision);
}

static const char *
state_of (JsonArray  *states,
          const char *account)
{
  for (guint i = 0; i < json_array_get_length (states); i++)
    {
      JsonObject *state = json_array_get_object_element (states, i);

      if (g_strcmp0 (json_object_get_string_member (state, "account"), account) == 0)
        return json_object_get_string_member (state, "state");
    }
  g_assert_not_reached ();
}

/* Every account gets every change; syncing one leaves the other pending. */
static void
test_two_accounts (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Harbour fire", "Smoke over the docks.");
  FakeWp *other = fake_new (TRUE);
  g_autoptr (CdWordpress) wp = cd_wordpress_new (other->url, "tester", "abcd efgh ijkl mnop");
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdSyncResult) third = NULL;
  g_autoptr (JsonArray) states = NULL;
  g_autoptr (GHashTable) library = NULL;
  const char *uuid = cd_article_get_uuid (article);

  cd_test_add_account (fixture->store, "archive", other->url, "tester");
  cd_sync_engine_set_cms (fixture->engine, "archive", CD_CMS (wp));

  first = cd_test_sync_now (fixture->engine, "archive");
  g_assert_true (cd_sync_result_is_clean (first));
  g_assert_cmpuint (g_hash_table_size (other->posts), ==, 1);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 0);
  states = cd_sync_describe_article (fixture->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (states), ==, 2);
  g_assert_cmpstr (state_of (states, "archive"), ==, "synced");
  g_assert_cmpstr (state_of (states, ACCOUNT), ==, "pending");

  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  g_assert_cmpuint (g_hash_table_size (other->posts), ==, 1);
  assert_local_unchanged (fixture, article);

  cd_article_set_body (article, "Smoke over the docks; the fire is out.");
  g_assert_true (cd_store_save_article (fixture->store, article, CD_REVISION_EDITED, NULL, NULL));
  third = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (third));
  g_assert_cmpuint (cd_sync_result_get_pushed (third)->len, ==, 2);
  g_assert_nonnull (strstr (get_raw (fake_only_post (fixture->fake), "content"), "fire is out"));
  g_assert_nonnull (strstr (get_raw (fake_only_post (other), "content"), "fire is out"));

  /* The library sees the state that needs the most attention. */
  cd_article_set_body (article, "Smoke over the docks; the fire is out at last.");
  g_assert_true (cd_store_save_article (fixture->store, article, CD_REVISION_EDITED, NULL, NULL));
  library = cd_sync_engine_list_states (fixture->engine, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (library, uuid), ==, "pending");
  g_clear_pointer (&library, g_hash_table_unref);
  g_clear_pointer (&third, cd_sync_result_unref);
  third = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (third));
  library = cd_sync_engine_list_states (fixture->engine, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (library, uuid), ==, "synced");
  g_assert_cmpuint (g_hash_table_size (library), ==, 1);

  cd_sync_engine_set_cms (fixture->engine, "archive", NULL);
  fake_free (other);
}

/* Another process syncing the same store holds the lock: this sync says
 * so and changes nothing; once the lock is free it runs. */
static void
test_locked (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Library reopens", "Doors open at nine.");
  g_autofree char *path = g_strconcat (cd_store_get_path (fixture->store), ".sync-lock", NULL);
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (GError) error = NULL;
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  first = cd_test_sync_wait (fixture->engine, NULL, NULL, &error);
  g_assert_error (error, CD_SYNC_ERROR, CD_SYNC_ERROR_BUSY);
  g_assert_null (first);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 0);
  assert_local_unchanged (fixture, article);

  close (fd);
  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
}

static gboolean
cancel_when_created (gpointer user_data)
{
  Fixture *fixture = user_data;

  if (g_hash_table_size (fixture->fake->posts) == 0)
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (fixture->cancellable);
  return G_SOURCE_REMOVE;
}

/* Cancelled while the server holds the reply to a create it made: the sync
 * ends at once, and the next one makes no second post. */
static void
test_cancel (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr (CdArticle) article = save_new_article (fixture, "Tram strike ends",
                                                    "Trams run again from six.");
  g_autoptr (CdSyncResult) first = NULL;
  g_autoptr (CdSyncResult) second = NULL;
  g_autoptr (CdWordpress) wp = NULL;
  g_autoptr (GError) error = NULL;

  /* A long timeout: only the cancellation can end the wait. */
  wp = cd_wordpress_new (fixture->fake->url, "tester", "abcd efgh ijkl mnop");
  cd_wordpress_set_timeouts (wp, 60, 60);
  cd_sync_engine_set_cms (fixture->engine, ACCOUNT, CD_CMS (wp));
  fake_add_fault (fixture->fake, "POST", "/wp/v2/posts", FAULT_HOLD, 0, 0);

  fixture->cancellable = g_cancellable_new ();
  g_timeout_add (20, cancel_when_created, fixture);
  first = cd_test_sync_wait (fixture->engine, NULL, fixture->cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (first);
  g_assert_false (cd_sync_engine_get_syncing (fixture->engine));
  assert_local_unchanged (fixture, article);
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);

  second = sync_now (fixture);
  g_assert_true (cd_sync_result_is_clean (second));
  g_assert_cmpuint (g_hash_table_size (fixture->fake->posts), ==, 1);
  g_assert_cmpuint (fake_count (fixture->fake, "POST /wp/v2/posts"), ==, 1);
  assert_state (fixture, cd_article_get_uuid (article), "synced");
  assert_local_unchanged (fixture, article);
}

static int
run_cli (const char *dir,
         char      **out,
         char      **err,
         ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list     ap;

  g_ptr_array_add (args, (char *) g_getenv ("COPYDESK_BIN"));
  g_ptr_array_add (args, "--data-dir");
  g_ptr_array_add (args, (char *) dir);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char *const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* `copydesk sync`: exit 2 when it cannot run, 1 when something did not
 * sync (here: no password to be had), and JSON arrays in words. */
static void
test_cli (Fixture      *fixture,
          gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char         *empty_dir = NULL;
  static const char *const arrays[] = { "pushed", "pulled", "conflicts", "errors", "queued" };
  JsonObject              *root;
  JsonArray               *errors;

  if (g_getenv ("COPYDESK_BIN") == NULL)
    {
      g_test_skip ("COPYDESK_BIN is not set; run through meson test");
      return;
    }

  g_assert_cmpint (run_cli (fixture->dir, &out, &err, "sync", "--account", "nosuch", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "nosuch"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture->dir, &out, &err, "sync", "--bogus", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  empty_dir = g_dir_make_tmp ("copydesk-sync-cli-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_cli (empty_dir, &out, &err, "sync", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "account"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  cd_test_remove_dir (empty_dir);

  g_assert_cmpint (run_cli (fixture->dir, &out, &err, "sync", "--json", NULL), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, arrays[i])));
  errors = json_object_get_array_member (root, "errors");
  g_assert_cmpuint (json_array_get_length (errors), >=, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (errors, 0),
                                                           "message"),
                            ACCOUNT));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data)                                                              \
  g_test_add ("/sync/faults/" path, Fixture, GINT_TO_POINTER (data), fixture_set_up, func, \
              fixture_tear_down)
  ADD ("retries", test_retries, 0);
  ADD ("lost-create/dropped", test_lost_create_dropped, 0);
  ADD ("lost-create/held", test_lost_create_held, 0);
  ADD ("lost-create/found-by-pull", test_lost_create_found_by_pull, 0);
  ADD ("cut-mid-body", test_cut_mid_body, 0);
  ADD ("malformed-json", test_malformed_json, 0);
  ADD ("server-down", test_server_down, 1);
  ADD ("auto-sync", test_auto_sync, 1);
  ADD ("cli", test_cli, 1);
  ADD ("cancel", test_cancel, 0);
  ADD ("two-accounts", test_two_accounts, 0);
  ADD ("locked", test_locked, 0);
  ADD ("merge", test_pull_merge, 0);
  ADD ("pull-bounds", test_pull_bounds, 0);
  ADD ("deadline", test_deadline, 0);
  ADD ("fast-forward", test_fast_forward, 0);
  ADD ("state-model", test_state_model, 0);
#undef ADD

  return g_test_run ();
}
