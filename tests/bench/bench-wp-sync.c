/* bench-wp-sync.c: pull 1,000 block posts from a local WordPress into an
 * empty store, then edit one paragraph of each and push them back.
 *
 * The posts (WordPress's block test content: text, formatting, media,
 * design blocks, about 10 KB each) are written straight into the site with
 * wp_insert_post(), so only the sync is measured. Prints, for each phase,
 * the wall time, the client's CPU time (getrusage, every thread of this
 * process), CPU as a share of wall time and the requests made, beside the
 * DESIGN.md budget (client CPU under 10% of wall time). WordPress runs in
 * other processes, so its CPU is not counted. Never fails on a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cd-bench-sync.h"
#include "cd-store.h"
#include "cd-sync.h"
#include "cd-test-wordpress.h"
#include "cd-wordpress.h"
#include "cd-wp-content.h"

#define N_POSTS 1000
#define ACCOUNT "bench"

static const char *const fixtures[] = {
  "text.html",
  "text-formatted.html",
  "media.html",
  "design.html",
};

static const char insert_php[] =
    "<?php\n"
    "$_SERVER['HTTP_HOST'] = '127.0.0.1';\n"
    "require $argv[1] . '/wp-load.php';\n"
    "wp_set_current_user( 1 );\n"
    "kses_remove_filters();\n"
    "foreach ( get_posts( array( 'post_status' => 'any', 'numberposts' => -1 ) ) as $p ) {\n"
    "  wp_delete_post( $p->ID, true );\n"
    "}\n"
    "$content = file_get_contents( $argv[2] );\n"
    "for ( $i = 1; $i <= (int) $argv[3]; $i++ ) {\n"
    "  $id = wp_insert_post( wp_slash( array( 'post_title' => \"Block post $i\",\n"
    "    'post_content' => $content, 'post_status' => 'draft', 'post_author' => 1 ) ) );\n"
    "  if ( is_wp_error( $id ) || 0 === $id ) { exit( 1 ); }\n"
    "}\n";

typedef struct
{
  double wall_s;
  double cpu_s;
  guint  requests;
  guint  items;
} Phase;

static char *
block_post (void)
{
  GString *content = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR") ?: "tests", "data",
                                                "blocks", fixtures[i], NULL);
      g_autofree char *text = NULL;

      if (!g_file_get_contents (path, &text, NULL, &error))
        g_error ("bench-wp-sync: %s", error->message);
      if (content->len > 0)
        g_string_append (content, "\n\n");
      g_string_append (content, g_strstrip (text));
    }
  return g_string_free (content, FALSE);
}

/* Writes @n copies of @content into the site as drafts. */
static void
insert_posts (CdTestWordpress *wp,
              const char      *content,
              guint            n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *script = g_build_filename (wp->dir, "bench-insert.php", NULL);
  g_autofree char *data = g_build_filename (wp->dir, "bench-content.html", NULL);
  g_autofree char *www = g_build_filename (wp->dir, "www", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n);
  const char      *argv[] = { "php", script, www, data, count, NULL };
  int              status = 0;

  if (!g_file_set_contents (script, insert_php, -1, &error) ||
      !g_file_set_contents (data, content, -1, &error) ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("bench-wp-sync: the posts could not be written: %s", error->message);
}

static Phase
measure_sync (CdSyncEngine *engine,
              CdWordpress  *client,
              gboolean      push)
{
  g_autoptr (CdSyncResult) result = NULL;
  Phase  phase = { 0 };
  guint  requests = cd_wordpress_get_request_count (client);
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cd_bench_cpu_seconds ();

  result = cd_bench_sync (engine);
  phase.cpu_s = cd_bench_cpu_seconds () - cpu_start;
  phase.wall_s = (g_get_monotonic_time () - start) / 1e6;
  phase.requests = cd_wordpress_get_request_count (client) - requests;
  phase.items = push ? cd_sync_result_get_pushed (result)->len
                     : cd_sync_result_get_pulled (result)->len;
  if (!cd_sync_result_is_clean (result))
    g_printerr ("bench-wp-sync: the sync did not finish cleanly (%u errors)\n",
                cd_sync_result_get_errors (result)->len);
  return phase;
}

/* Edits the first paragraph of every article, as a person would. */
static void
edit_all (CdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) uuids = NULL;
  g_autoptr (CdSyncDb) db = cd_sync_db_open (store, &error);

  g_assert_no_error (error);
  for (guint id = 1; id < 100000; id++)
    {
      g_autofree char *remote_id = g_strdup_printf ("%u", id);
      g_autofree char *uuid = cd_sync_db_find_uuid (db, ACCOUNT, remote_id, NULL);
      g_autoptr (CdArticle) article = NULL;
      g_autoptr (GArray) units = NULL;
      g_autoptr (GString) body = NULL;

      if (uuid == NULL)
        continue;
      article = cd_store_get_article (store, uuid, &error);
      g_assert_no_error (error);
      body = g_string_new (cd_article_get_body (article));
      units = cd_wp_body_split (body->str, body->len);
      for (guint i = 0; i < units->len; i++)
        if (g_array_index (units, CdWpUnit, i).kind == CD_WP_UNIT_TEXT &&
            g_ascii_isalpha (body->str[g_array_index (units, CdWpUnit, i).start]))
          {
            g_string_insert (body, g_array_index (units, CdWpUnit, i).end, " Edited.");
            break;
          }
      cd_article_set_body (article, body->str);
      cd_article_touch (article);
      g_assert_true (cd_store_save_article (store, article, CD_REVISION_EDITED, NULL, &error));
    }
}

static void
print_phase (const char *name,
             Phase      *phase)
{
  printf ("%s: %u posts, wall %.2f s, client CPU %.3f s, CPU/wall %.1f%% (budget: under 10%%), "
          "%u requests (%.2f a post)\n",
          name, phase->items, phase->wall_s, phase->cpu_s, 100 * phase->cpu_s / phase->wall_s,
          phase->requests, phase->items > 0 ? (double) phase->requests / phase->items : 0.0);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdStore) store = NULL;
  g_autoptr (CdSyncEngine) engine = NULL;
  g_autoptr (CdWordpress) client = NULL;
  g_autofree char *content = block_post ();
  g_autofree char *dir = NULL;
  guint            n = N_POSTS;
  CdTestWordpress *wp;
  Phase            pull, push;

  if (argc > 1)
    n = MAX (1, (guint) g_ascii_strtoull (argv[1], NULL, 10));
  wp = cd_test_wordpress_start (&error);
  if (wp == NULL)
    {
      g_printerr ("bench-wp-sync: WordPress could not start: %s\n", error->message);
      return 1;
    }
  printf ("Sync of %u block posts (%zu bytes of block markup each) with a local WordPress\n", n,
          strlen (content));
  insert_posts (wp, content, n);

  dir = g_dir_make_tmp ("copydesk-bench-wp-XXXXXX", &error);
  g_assert_no_error (error);
  store = cd_bench_open_store (dir, ACCOUNT, wp->url, wp->user);
  engine = cd_sync_engine_new (store);
  client = cd_wordpress_new (wp->url, wp->user, wp->password);
  cd_sync_engine_set_cms (engine, ACCOUNT, CD_CMS (client));

  pull = measure_sync (engine, client, FALSE);
  print_phase ("pull", &pull);
  edit_all (store);
  push = measure_sync (engine, client, TRUE);
  print_phase ("push (one paragraph edited in each)", &push);

  g_clear_object (&engine);
  g_clear_object (&store);
  cd_test_remove_tree (dir);
  cd_test_wordpress_stop (wp);
  return 0;
}
