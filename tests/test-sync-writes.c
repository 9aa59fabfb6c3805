/* test-sync-writes.c: what a sync writes into an article it read earlier
 * never undoes what another writer saved in between.
 *
 * A sync (or a publish) reads an article, changes what is its own (the
 * site's status, a queued publish, a checkpoint revision, the pulled text)
 * and writes it back from its worker thread while the window goes on
 * saving the person's typing. Here the "window" saves between the sync's
 * read and its write, on the real store file, and the article must come
 * out with both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cd-store.h"
#include "cd-sync-private.h"
#include "cd-sync-publish.h"
#include "cd-test-util.h"

#define ACCOUNT "newsroom"

typedef struct
{
  char    *dir;
  CdStore *store;
  char    *uuid;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("copydesk-sync-writes-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = cd_store_open (f->dir, &error);
  g_assert_no_error (error);
  cd_article_set_headline (article, "Floods in Passau");
  cd_article_set_slug (article, "floods-in-passau");
  cd_article_set_body (article, "The river rose overnight.");
  g_assert_true (cd_store_save_article (f->store, article, CD_REVISION_EDITED, NULL, &error));
  g_assert_no_error (error);
  f->uuid = g_strdup (cd_article_get_uuid (article));
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->store);
  cd_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->uuid);
}

static CdArticle *
read_article (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  CdArticle *article = cd_store_get_article (f->store, f->uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

/* The window's autosave: a new slug and a sentence more, typed by the
 * person, saved as an edit (which queues the article for a push). */
static void
person_saves (Fixture *f)
{
  g_autoptr (CdArticle) article = read_article (f);
  g_autoptr (GError) error = NULL;

  cd_article_set_slug (article, "passau-floods");
  cd_article_set_body (article, "The river rose overnight. Schools are closed.");
  cd_article_touch (article);
  g_assert_true (cd_store_save_article (f->store, article, CD_REVISION_EDITED, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_typing_kept (Fixture *f)
{
  g_autoptr (CdArticle) stored = read_article (f);

  g_assert_cmpstr (cd_article_get_slug (stored), ==, "passau-floods");
  g_assert_cmpstr (cd_article_get_body (stored), ==,
                   "The river rose overnight. Schools are closed.");
  /* Still to be sent: the sync's own write did not take it off the queue. */
  g_assert_cmpint (cd_store_outbox_get_queued_at (f->store, f->uuid), !=, 0);
}

/* A publish records itself (no publish left waiting) in the article it
 * read; the person saved a new slug in between. */
static void
test_revision (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (CdArticle) base = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *account = NULL;

  /* The publish had been queued while the site was out of reach. */
  article = read_article (f);
  _cd_sync_set_queued_publish (article, ACCOUNT, NULL);
  g_assert_true (cd_store_save_article (f->store, article, CD_REVISION_NAMED, "Queued", &error));
  g_assert_no_error (error);
  g_clear_object (&article);

  base = read_article (f);
  article = cd_article_copy (base);
  _cd_sync_set_queued_publish (article, NULL, NULL);
  person_saves (f);
  g_assert_true (_cd_sync_save_revision (f->store, base, article, CD_REVISION_NAMED,
                                         "Published on " ACCOUNT, &error));
  g_assert_no_error (error);

  assert_typing_kept (f);
  stored = read_article (f);
  g_assert_false (cd_sync_article_get_queued_publish (stored, &account, NULL));
}

/* A checkpoint before the sync, of the article as the sync read it: the
 * person's save since stays. */
static void
test_checkpoint (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (CdArticle) local = read_article (f);
  g_autoptr (GError) error = NULL;

  person_saves (f);
  g_assert_true (_cd_sync_save_checkpoint (f->store, local, &error));
  g_assert_no_error (error);
  assert_typing_kept (f);
}

/* Nobody wrote in between: the sync's revision is stored as given and,
 * not being a change of the person's, leaves nothing to send. */
static void
test_alone (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (CdArticle) base = read_article (f);
  g_autoptr (CdArticle) article = cd_article_copy (base);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *account = NULL;

  g_assert_true (cd_store_outbox_remove (f->store, f->uuid,
                                         cd_store_outbox_get_queued_at (f->store, f->uuid),
                                         &error));
  g_assert_no_error (error);
  _cd_sync_set_queued_publish (article, ACCOUNT, NULL);
  g_assert_true (_cd_sync_save_revision (f->store, base, article, CD_REVISION_NAMED,
                                         "Publish queued for " ACCOUNT, &error));
  g_assert_no_error (error);
  stored = read_article (f);
  g_assert_true (cd_sync_article_get_queued_publish (stored, &account, NULL));
  g_assert_cmpstr (account, ==, ACCOUNT);
  g_assert_cmpstr (cd_article_get_slug (stored), ==, "floods-in-passau");
  g_assert_cmpint (cd_store_outbox_get_queued_at (f->store, f->uuid), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync-writes/revision", Fixture, NULL, fixture_setup, test_revision,
              fixture_teardown);
  g_test_add ("/sync-writes/checkpoint", Fixture, NULL, fixture_setup, test_checkpoint,
              fixture_teardown);
  g_test_add ("/sync-writes/alone", Fixture, NULL, fixture_setup, test_alone, fixture_teardown);

  return g_test_run ();
}
