/* test-wordpress.c: CdWordpress against a real WordPress 6.1 on loopback,
 * started by this program and stopped at its end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cd-import.h"
#include "cd-render.h"
#include "cd-test-wordpress.h"
#include "cd-wp-content.h"
#include "cd-wordpress.h"

static CdTestWordpress *wp;
static char            *wp_start_error;

static const char *body_markdown =
    "The council met on *Tuesday* and voted **7 to 2** for the plan.\n"
    "\n"
    "## What changes\n"
    "\n"
    "- Buses every ten minutes\n"
    "- A new bridge at [the harbour](https://example.org/harbour)\n"
    "- Lower fares\n"
    "\n"
    "Work starts in spring, the mayor said.\n";

/* Every test needs the site; says why when it is not there. */
static gboolean
need_wordpress (void)
{
  if (wp != NULL)
    return TRUE;
  if (cd_test_wordpress_disabled ())
    g_test_skip ("COPYDESK_TEST_NO_WORDPRESS=1: WordPress tests skipped on request");
  else
    g_test_fail_printf ("WordPress could not start: %s", wp_start_error);
  return FALSE;
}

static const char *
raw_of (JsonObject *post,
        const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (post, member), "raw");
}

static CdArticle *
make_article (const char *headline)
{
  CdArticle  *article = cd_article_new ();
  const char *tags[] = { "transport", "city council", NULL };

  cd_article_set_headline (article, headline);
  cd_article_set_dek (article, "Buses every ten minutes and a new bridge");
  cd_article_set_body (article, body_markdown);
  cd_article_set_section (article, "Local & Regional");
  cd_article_set_tags (article, tags);
  return article;
}

/* The same Markdown may be written more than one way; what must survive is
 * what it renders to. */
static void
assert_same_rendering (const char *a,
                       const char *b)
{
  g_autofree char *html_a = cd_render_markdown (a, -1, CD_RENDER_NONE);
  g_autofree char *html_b = cd_render_markdown (b, -1, CD_RENDER_NONE);

  g_assert_cmpstr (html_a, ==, html_b);
}

static void
test_verify (void)
{
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdWordpress) wrong = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *nobody = NULL;
  g_autoptr (GPtrArray) denied_list = NULL;
  g_autoptr (CdRemotePost) denied_post = NULL;
  g_autoptr (CdArticle) draft = cd_article_new ();

  if (!need_wordpress ())
    return;

  client = cd_test_wordpress_client (wp, wp->password);
  g_object_add_weak_pointer (G_OBJECT (client), (gpointer *) &client);
  name = cd_test_wordpress_verify (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "admin");

  /* WordPress treats a wrong application password as an anonymous visitor;
   * verify must still call it what it is. */
  wrong = cd_wordpress_new (wp->url, wp->user, "Wrong0Password0Guess0123");
  nobody = cd_test_wordpress_verify (wrong, &error);
  g_assert_null (nobody);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH);
  g_assert_null (strstr (error->message, "Wrong0Password0Guess0123"));
  g_assert_nonnull (strstr (error->message, wp->url));
  g_clear_error (&error);

  /* The same anonymous treatment elsewhere still reads as a credentials
   * problem, never as a bad request or a missing post. */
  denied_list = cd_test_wordpress_list_changed (wrong, NULL, &error);
  g_assert_null (denied_list);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH);
  g_clear_error (&error);
  cd_article_set_headline (draft, "Not allowed");
  denied_post = cd_test_wordpress_create (wrong, draft, &error);
  g_assert_null (denied_post);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH);
  g_assert_null (strstr (error->message, "Wrong0Password0Guess0123"));

  g_object_unref (client);
  g_assert_null (client);
}

static void
test_create_get_update (void)
{
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdArticle) article = make_article ("Council & port: “yes” to the <harbour> plan");
  g_autoptr (CdRemotePost) created = NULL;
  g_autoptr (CdRemotePost) fetched = NULL;
  g_autoptr (CdRemotePost) updated = NULL;
  g_autoptr (CdRemotePost) refetched = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) raw = NULL;
  g_autoptr (JsonNode) category = NULL;
  g_autofree char   *path = NULL;
  g_autofree char   *marker = NULL;
  g_autofree char   *category_path = NULL;
  JsonObject        *post;
  const char *const *tags;
  guint              status;

  if (!need_wordpress ())
    return;

  client = cd_test_wordpress_client (wp, wp->password);
  cd_article_set_slug (article, "council-harbour-plan");
  created = cd_test_wordpress_create (client, article, &error);
  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_cmpstr (created->status, ==, "draft");
  g_assert_nonnull (created->modified);
  g_assert_cmpstr (cd_article_get_uuid (created->article), ==, cd_article_get_uuid (article));

  /* What arrived, as WordPress itself has it. */
  path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", created->remote_id);
  raw = cd_test_wordpress_rest (wp, "GET", path, wp->user, wp->password, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  post = json_node_get_object (raw);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "draft");
  g_assert_cmpstr (raw_of (post, "title"), ==, "Council & port: “yes” to the <harbour> plan");
  g_assert_cmpstr (raw_of (post, "excerpt"), ==, "Buses every ten minutes and a new bridge");
  g_assert_cmpstr (json_object_get_string_member (post, "slug"), ==, "council-harbour-plan");
  g_assert_nonnull (strstr (raw_of (post, "content"), "<em>Tuesday</em>"));
  g_assert_nonnull (strstr (raw_of (post, "content"), "<h2>What changes</h2>"));
  /* Written as blocks, the marker in the first block's attributes, where
   * the block editor does not show it as a block of its own. */
  marker = g_strdup_printf ("<!-- wp:paragraph {\"copydeskUuid\":\"%s\"} -->\n<p>The council",
                            cd_article_get_uuid (article));
  g_assert_true (g_str_has_prefix (raw_of (post, "content"), marker));
  g_assert_nonnull (strstr (raw_of (post, "content"),
                            "<!-- wp:heading -->\n<h2>What changes</h2>\n<!-- /wp:heading -->"));
  g_assert_null (strstr (raw_of (post, "content"), "copydesk:uuid"));
  g_assert_false (cd_wp_content_is_classic (raw_of (post, "content"), -1));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (post, "categories")),
                    ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (post, "tags")), ==, 2);
  category_path = g_strdup_printf ("/wp/v2/categories/%" G_GINT64_FORMAT,
                                   json_array_get_int_element (
                                       json_object_get_array_member (post, "categories"), 0));
  category = cd_test_wordpress_rest (wp, "GET", category_path, wp->user, wp->password, NULL,
                                     &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (category), "name"), ==,
                   "Local &amp; Regional");

  /* Back again: the same article. */
  fetched = cd_test_wordpress_get (client, created->remote_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fetched->remote_id, ==, created->remote_id);
  g_assert_cmpstr (cd_article_get_uuid (fetched->article), ==, cd_article_get_uuid (article));
  g_assert_cmpstr (cd_article_get_headline (fetched->article), ==,
                   "Council & port: “yes” to the <harbour> plan");
  g_assert_cmpstr (cd_article_get_dek (fetched->article), ==,
                   "Buses every ten minutes and a new bridge");
  g_assert_cmpstr (cd_article_get_slug (fetched->article), ==, "council-harbour-plan");
  g_assert_cmpstr (cd_article_get_section (fetched->article), ==, "Local & Regional");
  tags = cd_article_get_tags (fetched->article);
  g_assert_nonnull (tags);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_true (g_strv_contains (tags, "transport"));
  g_assert_true (g_strv_contains (tags, "city council"));
  g_assert_null (strstr (cd_article_get_body (fetched->article), "copydesk:uuid"));
  assert_same_rendering (cd_article_get_body (fetched->article), body_markdown);
  g_assert_true (g_date_time_equal (fetched->modified, created->modified));

  /* An update changes the post in place. modified_gmt has a one-second
   * resolution: wait so the new time differs. */
  g_usleep (1100 * 1000);
  cd_article_set_headline (article, "Council backs the harbour plan, 7 to 2");
  cd_article_set_body (article, "A shorter story.\n\nWith *two* paragraphs.\n");
  cd_article_set_section (article, NULL);
  cd_article_set_tags (article, NULL);
  updated = cd_test_wordpress_update (client, created->remote_id, article, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (updated->remote_id, ==, created->remote_id);
  g_assert_cmpstr (updated->status, ==, "draft");
  g_assert_true (g_date_time_compare (updated->modified, created->modified) > 0);

  refetched = cd_test_wordpress_get (client, created->remote_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_headline (refetched->article), ==,
                   "Council backs the harbour plan, 7 to 2");
  assert_same_rendering (cd_article_get_body (refetched->article),
                         "A shorter story.\n\nWith *two* paragraphs.\n");
  g_assert_null (cd_article_get_section (refetched->article));
  tags = cd_article_get_tags (refetched->article);
  g_assert_true (tags == NULL || tags[0] == NULL);
  g_assert_cmpstr (cd_article_get_uuid (refetched->article), ==, cd_article_get_uuid (article));
}

static void
test_list_changed_paging (void)
{
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) later = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) middle = NULL;
  g_autoptr (GPtrArray) first_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) second_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  guint requests_before;

  if (!need_wordpress ())
    return;

  client = cd_test_wordpress_client (wp, wp->password);
  cd_wordpress_set_per_page (client, 2);

  /* modified_after is strictly after, at one-second resolution. */
  start = g_date_time_new_now_utc ();
  g_usleep (1100 * 1000);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *headline = g_strdup_printf ("First batch %u", i);
      g_autoptr (CdArticle) article = make_article (headline);
      g_autoptr (CdRemotePost) post = cd_test_wordpress_create (client, article, &error);

      g_assert_no_error (error);
      g_ptr_array_add (first_ids, g_strdup (post->remote_id));
    }
  g_usleep (1100 * 1000);
  middle = g_date_time_new_now_utc ();
  g_usleep (1100 * 1000);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Second batch %u", i);
      g_autoptr (CdArticle) article = make_article (headline);
      g_autoptr (CdRemotePost) post = cd_test_wordpress_create (client, article, &error);

      g_assert_no_error (error);
      g_ptr_array_add (second_ids, g_strdup (post->remote_id));
    }

  requests_before = cd_wordpress_get_request_count (client);
  all = cd_test_wordpress_list_changed (client, start, &error);
  g_assert_no_error (error);
  /* Five posts at two a page: three pages. */
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpuint (cd_wordpress_get_request_count (client) - requests_before, >=, 3);
  for (guint i = 0; i < all->len; i++)
    {
      CdRemotePost *post = g_ptr_array_index (all, i);

      g_assert_true (g_ptr_array_find_with_equal_func (first_ids, post->remote_id, g_str_equal,
                                                       NULL) ||
                     g_ptr_array_find_with_equal_func (second_ids, post->remote_id,
                                                       g_str_equal, NULL));
      g_assert_cmpstr (cd_article_get_section (post->article), ==, "Local & Regional");
    }

  later = cd_test_wordpress_list_changed (client, middle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 2);
  for (guint i = 0; i < later->len; i++)
    {
      CdRemotePost *post = g_ptr_array_index (later, i);

      g_assert_true (g_ptr_array_find_with_equal_func (second_ids, post->remote_id,
                                                       g_str_equal, NULL));
    }
}

static void
test_find_by_uuid (void)
{
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdArticle) article = make_article ("A draft whose reply was lost");
  g_autoptr (CdRemotePost) created = NULL;
  g_autoptr (CdRemotePost) found = NULL;
  g_autoptr (CdRemotePost) none = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *unknown = g_uuid_string_random ();

  if (!need_wordpress ())
    return;

  client = cd_test_wordpress_client (wp, wp->password);
  created = cd_test_wordpress_create (client, article, &error);
  g_assert_no_error (error);

  found = cd_test_wordpress_find_by_uuid (client, cd_article_get_uuid (article), &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->remote_id, ==, created->remote_id);

  none = cd_test_wordpress_find_by_uuid (client, unknown, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

static void
test_foreign_post (void)
{
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (JsonNode) made = NULL;
  g_autoptr (CdRemotePost) pulled = NULL;
  g_autoptr (CdRemotePost) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  const char      *body;
  guint            status;

  if (!need_wordpress ())
    return;

  /* Another person writes in the block editor: Gutenberg comments and all. */
  made = cd_test_wordpress_rest (
      wp, "POST", "/wp/v2/posts", wp->other_user, wp->other_password,
      "{\"title\":\"Written in WordPress\",\"status\":\"draft\","
      "\"excerpt\":\"<p>A colleague's dek</p>\","
      "\"content\":\"<!-- wp:paragraph -->\\n<p>First from the <strong>web</strong>."
      "</p>\\n<!-- /wp:paragraph -->\\n\\n<!-- wp:paragraph -->\\n<p>Second.</p>\\n"
      "<!-- /wp:paragraph -->\"}",
      &status);
  g_assert_cmpuint (status, ==, 201);
  id = g_strdup_printf ("%" G_GINT64_FORMAT,
                        json_object_get_int_member (json_node_get_object (made), "id"));

  client = cd_test_wordpress_client (wp, wp->password);
  pulled = cd_test_wordpress_get (client, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (cd_article_get_uuid (pulled->article)));
  g_assert_cmpstr (cd_article_get_headline (pulled->article), ==, "Written in WordPress");
  g_assert_cmpstr (cd_article_get_dek (pulled->article), ==, "A colleague's dek");
  body = cd_article_get_body (pulled->article);
  g_assert_null (strstr (body, "wp:paragraph"));
  assert_same_rendering (body, "First from the **web**.\n\nSecond.\n");
  g_assert_null (cd_article_get_section (pulled->article));

  /* No marker: each pull makes a new uuid; the engine keeps the first. */
  again = cd_test_wordpress_get (client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_uuid (again->article), !=,
                   cd_article_get_uuid (pulled->article));
}

static void
test_trashed_is_gone (void)
{
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdArticle) article = make_article ("Spiked story");
  g_autoptr (CdRemotePost) created = NULL;
  g_autoptr (CdRemotePost) trashed = NULL;
  g_autoptr (CdRemotePost) deleted = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (JsonNode) reply2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *force = NULL;
  g_autoptr (GDateTime) before = NULL;
  g_autoptr (GPtrArray) changed = NULL;
  g_autoptr (CdRemotePost) revised = NULL;
  gboolean listed = FALSE;
  guint    status;

  if (!need_wordpress ())
    return;

  client = cd_test_wordpress_client (wp, wp->password);
  created = cd_test_wordpress_create (client, article, &error);
  g_assert_no_error (error);

  path = g_strdup_printf ("/wp/v2/posts/%s", created->remote_id);
  before = g_date_time_add_seconds (created->modified, -1);
  reply = cd_test_wordpress_rest (wp, "DELETE", path, wp->user, wp->password, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  trashed = cd_test_wordpress_get (client, created->remote_id, &error);
  g_assert_null (trashed);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE);
  g_clear_error (&error);

  /* A pull sees it too, as a trashed post carrying its uuid. */
  changed = cd_test_wordpress_list_changed (client, before, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changed->len; i++)
    {
      CdRemotePost *post = g_ptr_array_index (changed, i);

      if (g_str_equal (post->remote_id, created->remote_id))
        {
          g_assert_cmpstr (post->status, ==, "trash");
          g_assert_cmpstr (cd_article_get_uuid (post->article), ==,
                           cd_article_get_uuid (article));
          listed = TRUE;
        }
    }
  g_assert_true (listed);

  /* WordPress would take an update to the trashed post; the client says
   * it is gone. */
  cd_article_set_headline (article, "Spiked story, revised");
  revised = cd_test_wordpress_update (client, created->remote_id, article, &error);
  g_assert_null (revised);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE);
  g_clear_error (&error);

  force = g_strdup_printf ("/wp/v2/posts/%s?force=true", created->remote_id);
  reply2 = cd_test_wordpress_rest (wp, "DELETE", force, wp->user, wp->password, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  deleted = cd_test_wordpress_get (client, created->remote_id, &error);
  g_assert_null (deleted);
  g_assert_error (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE);
}

/* A post published in WordPress arrives as published, and an update from
 * Copydesk leaves it published. The client is given the REST API's address
 * (…/wp-json/), as people copy it, and still reaches /wp-json/wp/v2/…. */
static void
test_published_via_rest_url (void)
{
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (CdArticle) article = cd_article_new ();
  g_autoptr (CdRemotePost) created = NULL;
  g_autoptr (CdRemotePost) draft = NULL;
  g_autoptr (CdRemotePost) published = NULL;
  g_autoptr (CdRemotePost) updated = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (JsonNode) raw = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *rest_url = NULL;
  g_autofree char *path = NULL;
  guint            status;

  if (!need_wordpress ())
    return;

  rest_url = g_strconcat (wp->url, "/wp-json/", NULL);
  client = cd_wordpress_new (rest_url, wp->user, wp->password);
  g_assert_cmpstr (cd_wordpress_get_url (client), ==, wp->url);
  cd_wordpress_set_timeouts (client, 20, 5);

  cd_article_set_headline (article, "Ferry timetable changes");
  cd_article_set_body (article, "Boats leave on the hour.\n");
  created = cd_test_wordpress_create (client, article, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (created->status, ==, "draft");
  draft = cd_test_wordpress_get (client, created->remote_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cd_article_get_status (draft->article), ==, CD_ARTICLE_STATUS_DRAFT);

  path = g_strdup_printf ("/wp/v2/posts/%s", created->remote_id);
  reply = cd_test_wordpress_rest (wp, "POST", path, wp->user, wp->password,
                                  "{\"status\": \"publish\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  published = cd_test_wordpress_get (client, created->remote_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (published->status, ==, "publish");
  g_assert_cmpint (cd_article_get_status (published->article), ==,
                   CD_ARTICLE_STATUS_PUBLISHED);

  /* A local edit pushed afterwards (the local article still says draft)
   * must not take the post down. */
  cd_article_set_headline (article, "Ferry timetable changes from Monday");
  updated = cd_test_wordpress_update (client, created->remote_id, article, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (updated->status, ==, "publish");
  g_free (path);
  path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", created->remote_id);
  raw = cd_test_wordpress_rest (wp, "GET", path, wp->user, wp->password, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (raw), "status"), ==,
                   "publish");
}

/* The article of @articles with @headline. */
static CdArticle *
find_headline (GPtrArray  *articles,
               const char *headline)
{
  for (guint i = 0; i < articles->len; i++)
    if (g_strcmp0 (cd_article_get_headline (g_ptr_array_index (articles, i)), headline) == 0)
      return g_ptr_array_index (articles, i);
  g_test_message ("no article “%s” among %u", headline, articles->len);
  return NULL;
}

static char *
post_id (JsonNode *post)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (json_node_get_object (post), "id"));
}

/* The site's own export (export_wp(), as Tools > Export downloads it)
 * imports as the pull reads the same posts: every field, the block
 * content, the author's display name; Copydesk's marker taken out and the
 * articles new; a scheduled post's time as the embargo; pages left out. */
static void
test_export_imports (void)
{
  g_autoptr (CdWordpress) client = NULL;
  g_autoptr (JsonNode) category = NULL;
  g_autoptr (JsonNode) tag = NULL;
  g_autoptr (JsonNode) made = NULL;
  g_autoptr (JsonNode) scheduled = NULL;
  g_autoptr (JsonNode) me = NULL;
  g_autoptr (JsonNode) raw = NULL;
  g_autoptr (JsonNode) exported = NULL;
  g_autoptr (CdArticle) ours = cd_article_new ();
  g_autoptr (CdRemotePost) created = NULL;
  g_autoptr (CdRemotePost) pulled = NULL;
  g_autoptr (CdRemotePost) pulled_ours = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) embargo = g_date_time_new_utc (2099, 6, 1, 6, 0, 0);
  g_autofree char *json = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *back = NULL;
  const char      *wxr, *content;
  CdArticle       *a, *b, *c;
  guint            status;

  if (!need_wordpress ())
    return;

  client = cd_test_wordpress_client (wp, wp->password);
  category = cd_test_wordpress_rest (wp, "POST", "/wp/v2/categories", wp->user, wp->password,
                                     "{\"name\":\"Harbour desk\"}", &status);
  g_assert_cmpuint (status, ==, 201);
  tag = cd_test_wordpress_rest (wp, "POST", "/wp/v2/tags", wp->user, wp->password, "{\"name\":\"Ferries\"}",
                                &status);
  g_assert_cmpuint (status, ==, 201);
  /* A colleague's post from the block editor, with blocks Copydesk keeps
   * as they are, and "]]>", which the export must split. */
  json = g_strdup_printf (
      "{\"title\":\"Ferries return & fares fall\",\"status\":\"draft\",\"slug\":\"ferries-return\","
      "\"excerpt\":\"<p>Two routes reopen</p>\",\"categories\":[%" G_GINT64_FORMAT "],"
      "\"tags\":[%" G_GINT64_FORMAT "],"
      "\"content\":\"<!-- wp:paragraph -->\\n<p>The ferries are <strong>back</strong> on Monday.</p>\\n"
      "<!-- /wp:paragraph -->\\n\\n<!-- wp:heading -->\\n<h2>Fares</h2>\\n<!-- /wp:heading -->\\n\\n"
      "<!-- wp:list -->\\n<ul><li>Adults: four euros</li><li>Children: free</li></ul>\\n<!-- /wp:list -->\\n\\n"
      "<!-- wp:html -->\\n<div class=\\\"tide\\\" data-end=\\\"]]>\\\">Hochwasser um 6 Uhr</div>\\n"
      "<!-- /wp:html -->\\n\\n<!-- wp:separator -->\\n<hr class=\\\"wp-block-separator has-alpha-channel-opacity\\\"/>"
      "\\n<!-- /wp:separator -->\"}",
      json_object_get_int_member (json_node_get_object (category), "id"),
      json_object_get_int_member (json_node_get_object (tag), "id"));
  made = cd_test_wordpress_rest (wp, "POST", "/wp/v2/posts", wp->other_user, wp->other_password, json, &status);
  g_assert_cmpuint (status, ==, 201);
  id = post_id (made);
  scheduled = cd_test_wordpress_rest (wp, "POST", "/wp/v2/posts", wp->other_user, wp->other_password,
                                      "{\"title\":\"Tall ships arrive\",\"status\":\"future\","
                                      "\"date_gmt\":\"2099-06-01T06:00:00\",\"content\":\"<p>Sails at dawn.</p>\"}",
                                      &status);
  g_assert_cmpuint (status, ==, 201);
  /* A post Copydesk wrote carries its marker. */
  cd_article_set_headline (ours, "Lighthouse relit");
  cd_article_set_body (ours, "The lamp shines again.\n");
  created = cd_test_wordpress_create (client, ours, &error);
  g_assert_no_error (error);
  me = cd_test_wordpress_rest (wp, "GET", "/wp/v2/users/me", wp->other_user, wp->other_password, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  exported = cd_test_wordpress_rest (wp, "GET", "/copydesk-test/v1/export", wp->user, wp->password, NULL,
                                     &status);
  g_assert_cmpuint (status, ==, 200);
  wxr = json_object_get_string_member (json_node_get_object (exported), "wxr");
  g_assert_nonnull (strstr (wxr, "<wp:wxr_version>"));
  g_assert_nonnull (strstr (wxr, "]]]]><![CDATA[>"));
  if (g_getenv ("CD_TEST_KEEP_EXPORT") != NULL)
    g_file_set_contents (g_getenv ("CD_TEST_KEEP_EXPORT"), wxr, -1, NULL);
  articles = cd_import_data_all (wxr, strlen (wxr), CD_IMPORT_FORMAT_AUTO, "site.wordpress.xml", &error);
  g_assert_no_error (error);

  a = find_headline (articles, "Ferries return & fares fall");
  g_assert_nonnull (a);
  pulled = cd_test_wordpress_get (client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (a), ==, cd_article_get_body (pulled->article));
  g_assert_cmpstr (cd_article_get_dek (a), ==, cd_article_get_dek (pulled->article));
  g_assert_cmpstr (cd_article_get_dek (a), ==, "Two routes reopen");
  g_assert_cmpstr (cd_article_get_slug (a), ==, cd_article_get_slug (pulled->article));
  g_assert_cmpstr (cd_article_get_section (a), ==, "Harbour desk");
  g_assert_cmpstr (cd_article_get_section (a), ==, cd_article_get_section (pulled->article));
  g_assert_cmpstrv (cd_article_get_tags (a), cd_article_get_tags (pulled->article));
  g_assert_cmpstr (cd_article_get_byline (a), ==, json_object_get_string_member (json_node_get_object (me), "name"));
  /* Back to the site's very markup. */
  path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", id);
  raw = cd_test_wordpress_rest (wp, "GET", path, wp->user, wp->password, NULL, &status);
  content = raw_of (json_node_get_object (raw), "content");
  back = cd_wp_body_to_content (cd_article_get_body (a), -1, content, -1);
  g_assert_cmpstr (back, ==, content);

  b = find_headline (articles, "Tall ships arrive");
  g_assert_nonnull (b);
  g_assert_nonnull (cd_article_get_embargo (b));
  g_assert_true (g_date_time_equal (cd_article_get_embargo (b), embargo));
  g_assert_cmpstr (cd_article_get_body (b), ==, "Sails at dawn.\n");

  c = find_headline (articles, "Lighthouse relit");
  g_assert_nonnull (c);
  pulled_ours = cd_test_wordpress_get (client, created->remote_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cd_article_get_body (c), ==, cd_article_get_body (pulled_ours->article));
  g_assert_null (strstr (cd_article_get_body (c), "copydesk"));
  g_assert_cmpstr (cd_article_get_uuid (c), !=, cd_article_get_uuid (ours));

  /* Pages are no stories. */
  if (strstr (wxr, "<wp:post_type><![CDATA[page]]></wp:post_type>") != NULL)
    g_assert_null (find_headline (articles, "Sample Page"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!cd_test_wordpress_disabled ())
    {
      wp = cd_test_wordpress_start (&error);
      if (wp == NULL)
        wp_start_error = g_strdup (error->message);
    }

  g_test_add_func ("/wordpress/verify", test_verify);
  g_test_add_func ("/wordpress/create-get-update", test_create_get_update);
  g_test_add_func ("/wordpress/list-changed-paging", test_list_changed_paging);
  g_test_add_func ("/wordpress/find-by-uuid", test_find_by_uuid);
  g_test_add_func ("/wordpress/foreign-post", test_foreign_post);
  g_test_add_func ("/wordpress/trashed-is-gone", test_trashed_is_gone);
  g_test_add_func ("/wordpress/published-via-rest-url", test_published_via_rest_url);
  g_test_add_func ("/wordpress/export-imports", test_export_imports);

  status = g_test_run ();
  cd_test_wordpress_stop (wp);
  g_free (wp_start_error);
  return status;
}
