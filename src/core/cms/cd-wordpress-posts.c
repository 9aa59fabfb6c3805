/* cd-wordpress-posts.c: WordPress posts: a post in context=edit to a
 * CdRemotePost and an article to a post's JSON (only the fields that
 * changed, for an update), and the blocking calls that read and write
 * posts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wordpress"

#include "config.h"

#include <string.h>

#include "cd-import.h"
#include "cd-article-site.h"
#include "cd-corrections.h"
#include "cd-wordpress-private.h"
#include "cd-wp-content.h"

/**
 * cd_wordpress_trim_site_url:
 * @url: a site's address, changed in place
 *
 * Drops trailing slashes and a trailing /wp-json (the address of the REST
 * API rather than of the site), so that requests do not go to
 * /wp-json/wp-json/….
 */
void
cd_wordpress_trim_site_url (char *url)
{
  gsize length;

  g_return_if_fail (url != NULL);

  length = strlen (url);
  while (length > 0 && url[length - 1] == '/')
    url[--length] = '\0';
  if (g_str_has_suffix (url, "/wp-json"))
    {
      length -= strlen ("/wp-json");
      url[length] = '\0';
      while (length > 0 && url[length - 1] == '/')
        url[--length] = '\0';
    }
}

static const char *
raw_member (JsonObject *post,
            const char *member)
{
  JsonNode   *node = json_object_get_member (post, member);
  JsonObject *object;

  g_assert (post != NULL);
  g_assert (member != NULL);

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_string (node);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  /* context=edit gives what was saved; "rendered" has filters applied. */
  if (_cd_wordpress_member_string (object, "raw") != NULL)
    return _cd_wordpress_member_string (object, "raw");
  return _cd_wordpress_member_string (object, "rendered");
}

/* The excerpt comes back as typed, but WordPress's editor may wrap it in
 * paragraphs. */
static char *
plain_excerpt (const char *excerpt)
{
  g_autoptr (GString) text = g_string_new (excerpt != NULL ? excerpt : "");

  g_string_replace (text, "<p>", "", 0);
  g_string_replace (text, "</p>", "", 0);
  return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
}

static GDateTime *
parse_gmt (const char *text)
{
  g_autofree char *with_zone = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  /* WordPress's *_gmt fields carry no zone; without one GLib would read
   * them as local time. */
  if (g_str_has_suffix (text, "Z") || g_str_has_suffix (text, "z"))
    with_zone = g_strdup (text);
  else
    with_zone = g_strconcat (text, "Z", NULL);
  return g_date_time_new_from_iso8601 (with_zone, NULL);
}

/* Converts a post in context=edit to a CdRemotePost. Its terms must be in
 * the cache already (_cd_wordpress_resolve_post_terms). */
static CdRemotePost *
remote_post_from_json (CdWordpress *self,
                       JsonNode    *node,
                       const char  *url,
                       GError     **error)
{
  g_autoptr (CdRemotePost) post = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autofree char *content = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *title = NULL;
  g_autofree char *dek = NULL;
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) created = NULL;
  JsonObject *object;
  const char *slug;
  JsonArray  *array;
  gint64      id;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (node != NULL);
  g_assert (url != NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "The reply from %s holds no post.", url);
      return NULL;
    }
  object = json_node_get_object (node);
  id = _cd_wordpress_member_int (object, "id");
  if (id <= 0)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "The reply from %s holds a post without an id.", url);
      return NULL;
    }

  post = cd_remote_post_new ();
  post->remote_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  post->modified = parse_gmt (_cd_wordpress_member_string (object, "modified_gmt"));
  post->status = g_strdup (_cd_wordpress_member_string (object, "status") ?: "");
  post->link = g_strdup (_cd_wordpress_member_string (object, "link"));
  if (_cd_wordpress_member_int (object, "featured_media") > 0)
    post->featured_media = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            _cd_wordpress_member_int (object, "featured_media"));

  content = g_strdup (raw_member (object, "content"));
  if (content == NULL)
    content = g_strdup ("");
  post->content = g_strdup (content);
  uuid = cd_wordpress_take_marker (content);
  /* The corrections block is the corrections field as the site shows it,
   * never part of the body (cd-corrections.c). */
  post->corrections = cd_corrections_take_block (content);
  article = uuid != NULL ? cd_article_new_with_uuid (uuid) : cd_article_new ();

  /* Blocks become Markdown and fences (cd-wp-content.h). A post larger
   * than an article may be is not converted: the sync refuses it, naming
   * it, and the other posts of the listing still come in. */
  if (strlen (content) > CD_IMPORT_MAX_SIZE)
    post->oversized = strlen (content);
  else
    {
      markdown = cd_wp_content_to_body (content, -1);
      cd_article_set_body (article, markdown);
    }
  /* A title is one line of text: control characters a server sends (an
   * escape sequence, a carriage return) are not kept. */
  title = cd_text_strip_controls (raw_member (object, "title"), TRUE);
  cd_article_set_headline (article, title);
  dek = plain_excerpt (raw_member (object, "excerpt"));
  cd_article_set_dek (article, dek);
  slug = _cd_wordpress_member_string (object, "slug");
  if (slug != NULL && *slug != '\0')
    cd_article_set_slug (article, slug);
  /* Status is a local field the content merge leaves alone, so this only
   * sets the status of an article new to the store (a post already live
   * must not arrive as a draft); the sync maps it onto an article it has
   * with cd_article_take_site_status(). */
  if (g_strcmp0 (post->status, "publish") == 0)
    cd_article_set_status (article, CD_ARTICLE_STATUS_PUBLISHED);
  else if (g_strcmp0 (post->status, "pending") == 0)
    cd_article_set_status (article, CD_ARTICLE_STATUS_READY_FOR_EDIT);
  else if (g_strcmp0 (post->status, "future") == 0)
    cd_article_set_status (article, CD_ARTICLE_STATUS_READY_TO_PUBLISH);

  g_mutex_lock (&self->lock);
  array = _cd_wordpress_member_array (object, "categories");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64      term = _cd_wordpress_node_int (json_array_get_element (array, i));
      const char *name = g_hash_table_lookup (self->categories.names_by_id, &term);

      if (name != NULL && term != self->categories.uncategorized_id)
        {
          cd_article_set_section (article, name);
          break;
        }
    }
  array = _cd_wordpress_member_array (object, "tags");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64      term = _cd_wordpress_node_int (json_array_get_element (array, i));
      const char *name = g_hash_table_lookup (self->tags.names_by_id, &term);

      if (name != NULL)
        g_ptr_array_add (tags, g_strdup (name));
    }
  g_mutex_unlock (&self->lock);
  g_ptr_array_add (tags, NULL);
  cd_article_set_tags (article, (const char *const *) tags->pdata);

  created = parse_gmt (_cd_wordpress_member_string (object, "date_gmt"));
  if (created != NULL)
    cd_article_set_created (article, created);
  if (post->modified != NULL)
    cd_article_set_modified (article, post->modified);

  post->article = g_steal_pointer (&article);
  return g_steal_pointer (&post);
}

static CdRemotePost *
remote_post_from_reply (CdWordpress  *self,
                        JsonNode     *node,
                        const char   *url,
                        GCancellable *cancellable,
                        GError      **error)
{
  g_autoptr (JsonArray) one = json_array_new ();

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (node != NULL);
  g_assert (url != NULL);

  json_array_add_element (one, json_node_copy (node));
  if (!_cd_wordpress_resolve_post_terms (self, one, cancellable, error))
    return NULL;
  return remote_post_from_json (self, node, url, error);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  g_assert (builder != NULL && member != NULL);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

/* Adds categories and tags, resolving the terms first: creating a missing
 * one is its own request. */
static gboolean
add_terms (CdWordpress  *self,
           JsonBuilder  *builder,
           CdArticle    *article,
           GCancellable *cancellable,
           GError      **error)
{
  const char        *section = cd_article_get_section (article);
  const char *const *tags = cd_article_get_tags (article);
  g_autoptr (GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 category = 0;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (builder != NULL);
  g_assert (CD_IS_ARTICLE (article));

  if (section != NULL && *section != '\0')
    {
      category = _cd_wordpress_term_id_for_name (self, &self->categories, section, cancellable,
                                                 error);
      if (category == 0)
        return FALSE;
    }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      gint64 id;

      if (*tags[i] == '\0')
        continue;
      id = _cd_wordpress_term_id_for_name (self, &self->tags, tags[i], cancellable, error);
      if (id == 0)
        return FALSE;
      g_array_append_val (tag_ids, id);
    }

  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  if (category > 0)
    json_builder_add_int_value (builder, category);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tag_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (tag_ids, gint64, i));
  json_builder_end_array (builder);
  return TRUE;
}

/* Whether an update may set the status of @current: only while the post
 * is a draft or pending. A live, scheduled or private post, or one in a
 * status the site added, keeps its status through a sync. */
static gboolean
site_status_follows (const CdRemotePost *current)
{
  return current != NULL &&
         (g_strcmp0 (current->status, "draft") == 0 || g_strcmp0 (current->status, "pending") == 0);
}

/* The JSON of a create (@current %NULL and @create), or of an update that
 * sends only what differs from @current, the post as the site has it now:
 * a headline edit sends the title alone, and a body nobody edited never
 * sends the content. The content keeps the bytes of every block of
 * @current's content the body did not change. */
static JsonNode *
post_body_for_article (CdWordpress        *self,
                       CdArticle          *article,
                       const CdRemotePost *current,
                       gboolean            create,
                       const char         *featured_media,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *content = NULL;
  CdArticle       *old = current != NULL ? current->article : NULL;
  const char      *slug = cd_article_get_slug (article);
  const char      *body = cd_article_get_body (article);

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (CD_IS_ARTICLE (article));

  if (create)
    content = cd_wordpress_content_for_article (article);
  else
    {
      g_autofree char *base = current != NULL ? g_strdup (current->content) : NULL;
      g_autofree char *marker = base != NULL ? cd_wordpress_take_marker (base) : NULL;
      g_autofree char *plain = cd_wp_body_to_content (body != NULL ? body : "", -1, base, -1);

      /* A live post shows the article's corrections as one block at its
       * end: the one it had goes and the current one is appended. */
      if (current != NULL && g_strcmp0 (current->status, "publish") == 0)
        {
          g_autofree char *old_block = cd_corrections_take_block (plain);
          g_autofree char *block =
              cd_corrections_to_block (article, cd_wp_content_is_classic (plain, -1));

          if (block != NULL)
            {
              g_autofree char *body_part = g_steal_pointer (&plain);

              plain = g_strconcat (body_part, *body_part != '\0' ? "\n\n" : "", block, NULL);
            }
        }
      /* The post keeps the marker it had (an update with nothing to
       * compare with gives it one), so that it stays this article's. */
      if (marker != NULL || current == NULL)
        content = cd_wordpress_add_marker (plain, marker != NULL ? marker
                                                                 : cd_article_get_uuid (article));
      else
        content = g_steal_pointer (&plain);
    }

  json_builder_begin_object (builder);
  if (old == NULL ||
      g_strcmp0 (cd_article_get_headline (article) ?: "", cd_article_get_headline (old) ?: "") != 0)
    add_string (builder, "title", cd_article_get_headline (article));
  if (old == NULL ||
      g_strcmp0 (cd_article_get_dek (article) ?: "", cd_article_get_dek (old) ?: "") != 0)
    add_string (builder, "excerpt", cd_article_get_dek (article));
  if (current == NULL || current->content == NULL || strcmp (content, current->content) != 0)
    add_string (builder, "content", content);
  if (slug != NULL && *slug != '\0' && (old == NULL || g_strcmp0 (slug, cd_article_get_slug (old)) != 0))
    add_string (builder, "slug", slug);
  if (create || site_status_follows (current))
    {
      /* A sync never publishes (cd_article_status_to_site): only
       * _cd_wordpress_publish() makes a post live. */
      const char *status = cd_article_status_to_site (cd_article_get_status (article));

      if (create || g_strcmp0 (status, current->status) != 0)
        add_string (builder, "status", status);
    }
  /* "0" is no featured image, as WordPress has it. */
  if (featured_media != NULL &&
      (current == NULL ? g_strcmp0 (featured_media, "0") != 0
                       : g_strcmp0 (featured_media, current->featured_media ?: "0") != 0))
    {
      json_builder_set_member_name (builder, "featured_media");
      json_builder_add_int_value (builder, g_ascii_strtoll (featured_media, NULL, 10));
    }
  if (old == NULL ||
      g_strcmp0 (cd_article_get_section (article) ?: "", cd_article_get_section (old) ?: "") != 0 ||
      !cd_strv_equal (cd_article_get_tags (article), cd_article_get_tags (old)))
    {
      if (!add_terms (self, builder, article, cancellable, error))
        return NULL;
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
post_path (const char *remote_id)
{
  g_autofree char *escaped = g_uri_escape_string (remote_id, NULL, FALSE);

  g_assert (remote_id != NULL);

  return g_strconcat ("/wp/v2/posts/", escaped, NULL);
}

/* Passes on the error of a request about post @remote_id (taking
 * @local_error), as GONE when @deleted says the post no longer exists. */
static void
propagate_post_error (CdWordpress *self,
                      const char  *remote_id,
                      gboolean     deleted,
                      GError      *local_error,
                      GError     **error)
{
  g_assert (CD_IS_WORDPRESS (self));
  g_assert (remote_id != NULL);
  g_assert (local_error != NULL);

  if (deleted)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE,
                   "Post %s was deleted on %s. %s", remote_id, self->url,
                   local_error->message);
      g_error_free (local_error);
    }
  else
    g_propagate_error (error, local_error);
}

CdRemotePost *
_cd_wordpress_get (CdCms        *cms,
                   const char   *remote_id,
                   GCancellable *cancellable,
                   GError      **error)
{
  CdWordpress     *self = CD_WORDPRESS (cms);
  g_autofree char *path = post_path (remote_id);
  g_autofree char *url = _cd_wordpress_build_url (self, path, NULL);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) error_body = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CdRemotePost) post = NULL;

  node = _cd_wordpress_request (self, "GET", path, CD_WORDPRESS_POST_QUERY, NULL, CD_HTTP_READ,
                                NULL, &error_body, cancellable, &local_error);
  if (node == NULL)
    {
      /* An unknown post id is a deleted post; a missing route stays
       * NOT_FOUND. */
      gboolean deleted = _cd_wordpress_read_found_nothing (local_error, error_body);

      propagate_post_error (self, remote_id, deleted, g_steal_pointer (&local_error), error);
      return NULL;
    }
  post = remote_post_from_reply (self, node, url, cancellable, error);
  if (post == NULL)
    return NULL;
  if (g_strcmp0 (post->status, "trash") == 0)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE,
                   "Post %s is in the trash on %s.", remote_id, self->url);
      return NULL;
    }
  return g_steal_pointer (&post);
}

/* Reads the posts of @query page after page, handing each converted post
 * to @add. Stops early when @add returns FALSE. */
typedef gboolean (*PageFunc) (CdRemotePost *post,
                              gpointer      user_data);

/* Page numbers are offsets: a post that joins or leaves the list while it
 * is read shifts the rest, and one could slip between two pages unseen. The
 * list's total then differs from page to page; read it again (a few times
 * at most: @add must cope with seeing a post twice). */
#define MAX_LIST_PASSES 3

static gboolean
for_each_post (CdWordpress  *self,
               const char   *query,
               guint         max_pages,
               PageFunc      add,
               gpointer      user_data,
               GCancellable *cancellable,
               GError      **error)
{
  g_assert (CD_IS_WORDPRESS (self));
  g_assert (query != NULL);
  g_assert (add != NULL);

  for (guint pass = 1;; pass++)
    {
      gboolean shifted = FALSE;
      guint    first_total = 0;

      for (guint page = 1; max_pages == 0 || page <= max_pages; page++)
        {
          g_autofree char *page_query = g_strdup_printf ("%s&per_page=%u&page=%u",
                                                         query, self->per_page, page);
          g_autofree char *url = _cd_wordpress_build_url (self, "/wp/v2/posts", page_query);
          g_autoptr (JsonNode) node = NULL;
          g_autoptr (GError) page_error = NULL;
          JsonArray          *posts;
          CdWordpressPageInfo info = { 1, 0 };

          node = _cd_wordpress_request (self, "GET", "/wp/v2/posts", page_query, NULL, CD_HTTP_READ,
                                        &info, NULL, cancellable, error);
          if (node == NULL)
            return FALSE;
          if (!JSON_NODE_HOLDS_ARRAY (node))
            {
              g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                           "The reply from %s is not a list of posts.", url);
              return FALSE;
            }
          if (page == 1)
            first_total = info.total;
          else if (info.total != first_total)
            shifted = TRUE;

          posts = json_node_get_array (node);
          if (!_cd_wordpress_resolve_post_terms (self, posts, cancellable, error))
            return FALSE;
          for (guint i = 0; i < json_array_get_length (posts); i++)
            {
              CdRemotePost *post = remote_post_from_json (self,
                                                          json_array_get_element (posts, i),
                                                          url, error);

              if (post == NULL)
                return FALSE;
              if (!add (post, user_data))
                return TRUE;
            }
          if (!_cd_wordpress_more_pages (self, url, page, self->per_page,
                                         json_array_get_length (posts), &info, &page_error))
            {
              if (page_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&page_error));
                  return FALSE;
                }
              break;
            }
        }
      if (!shifted || pass >= MAX_LIST_PASSES)
        return TRUE;
      g_debug ("The list of posts changed while it was read; reading it again");
    }
}

typedef struct
{
  GPtrArray  *posts;
  GHashTable *index; /* remote id → position in posts */
} ChangedList;

static gboolean
add_changed (CdRemotePost *post,
             gpointer      user_data)
{
  ChangedList *list = user_data;
  gpointer     position;

  g_assert (post != NULL);
  g_assert (user_data != NULL);

  /* A post may show up twice when the list is read again: keep its latest
   * state. */
  if (g_hash_table_lookup_extended (list->index, post->remote_id, NULL, &position))
    {
      guint i = GPOINTER_TO_UINT (position);

      cd_remote_post_free (g_ptr_array_index (list->posts, i));
      g_ptr_array_index (list->posts, i) = post;
      return TRUE;
    }
  g_hash_table_insert (list->index, g_strdup (post->remote_id),
                       GUINT_TO_POINTER (list->posts->len));
  g_ptr_array_add (list->posts, post);
  return TRUE;
}

GPtrArray *
_cd_wordpress_list_changed (CdCms        *cms,
                            GDateTime    *since,
                            GCancellable *cancellable,
                            GError      **error)
{
  CdWordpress *self = CD_WORDPRESS (cms);
  g_autoptr (GString) query = g_string_new (NULL);
  g_autoptr (GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                    cd_remote_post_free);
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ChangedList list = { posts, index };

  /* "any" leaves out the trash; listing it too lets a pull see the posts
   * deleted since (status "trash"), so the sync can report them. */
  _cd_wordpress_query_add (query, "status", "publish,future,draft,pending,private,trash");
  _cd_wordpress_query_add (query, "context", "edit");
  _cd_wordpress_query_add (query, "_fields", CD_WORDPRESS_POST_FIELDS);
  /* Ordered by id, which is unique: MySQL returns rows that tie on the
   * modified time (one-second resolution) in any order, page by page, so
   * ordering by it would repeat some posts and skip others. */
  _cd_wordpress_query_add (query, "orderby", "id");
  _cd_wordpress_query_add (query, "order", "asc");
  if (since != NULL)
    {
      /* WordPress compares modified_after with the site's local time
       * unless the value names its zone. */
      g_autofree char *after = cd_format_iso8601_utc (since);

      _cd_wordpress_query_add (query, "modified_after", after);
    }
  if (!for_each_post (self, query->str, 0, add_changed, &list, cancellable, error))
    return NULL;
  return g_steal_pointer (&posts);
}

typedef struct
{
  const char   *uuid;
  CdRemotePost *found;
} FindData;

static gboolean
match_uuid (CdRemotePost *post,
            gpointer      user_data)
{
  FindData *find = user_data;

  g_assert (post != NULL);
  g_assert (user_data != NULL);

  if (find->found == NULL && post->status != NULL && !g_str_equal (post->status, "trash") &&
      g_strcmp0 (cd_article_get_uuid (post->article), find->uuid) == 0)
    {
      find->found = post;
      return FALSE;
    }
  cd_remote_post_free (post);
  return TRUE;
}

/* How many pages of recently modified posts find_by_uuid reads when the
 * site's search does not find the marker. */
#define FIND_PAGES 2

CdRemotePost *
_cd_wordpress_find_by_uuid (CdCms        *cms,
                            const char   *uuid,
                            GCancellable *cancellable,
                            GError      **error)
{
  CdWordpress *self = CD_WORDPRESS (cms);
  g_autoptr (GString) search = g_string_new (NULL);
  g_autoptr (GString) recent = g_string_new (NULL);
  FindData find = { uuid, NULL };

  /* WordPress's search looks inside post_content, comments included, so
   * the uuid finds its marker in one request. */
  _cd_wordpress_query_add (search, "status", "draft,pending,private,publish,future");
  _cd_wordpress_query_add (search, "context", "edit");
  _cd_wordpress_query_add (search, "_fields", CD_WORDPRESS_POST_FIELDS);
  _cd_wordpress_query_add (search, "search", uuid);
  if (!for_each_post (self, search->str, 1, match_uuid, &find, cancellable, error))
    return NULL;
  if (find.found != NULL)
    return find.found;

  /* A search plugin may not index comments: look through the most recently
   * modified posts as well. */
  _cd_wordpress_query_add (recent, "status", "draft,pending,private,publish,future");
  _cd_wordpress_query_add (recent, "context", "edit");
  _cd_wordpress_query_add (recent, "_fields", CD_WORDPRESS_POST_FIELDS);
  _cd_wordpress_query_add (recent, "orderby", "modified");
  _cd_wordpress_query_add (recent, "order", "desc");
  if (!for_each_post (self, recent->str, FIND_PAGES, match_uuid, &find, cancellable, error))
    return NULL;
  return find.found;
}

/* The post a create or update answered with. The site has saved it by
 * now, so this is not cancelled, and a reply that cannot be read is an
 * unknown outcome: the caller must look for the post before writing again. */
static CdRemotePost *
written_post (CdWordpress *self,
              JsonNode    *reply,
              const char  *url,
              GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  CdRemotePost *post;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (reply != NULL);
  g_assert (url != NULL);

  post = remote_post_from_reply (self, reply, url, NULL, &local_error);
  if (post == NULL)
    g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME,
                 "The site saved the post but its reply could not be read: %s",
                 local_error->message);
  return post;
}

CdRemotePost *
_cd_wordpress_create (CdCms        *cms,
                      CdArticle    *article,
                      const char   *featured_media,
                      GCancellable *cancellable,
                      GError      **error)
{
  CdWordpress *self = CD_WORDPRESS (cms);
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autofree char *url = _cd_wordpress_build_url (self, "/wp/v2/posts", NULL);

  body = post_body_for_article (self, article, NULL, TRUE, featured_media, cancellable, error);
  if (body == NULL)
    return NULL;
  reply = _cd_wordpress_request (self, "POST", "/wp/v2/posts", CD_WORDPRESS_POST_QUERY, body,
                                 CD_HTTP_WRITE, NULL, NULL, cancellable, error);
  if (reply == NULL)
    return NULL;
  return written_post (self, reply, url, error);
}

/* Sends @body as an update of post @remote_id. */
static CdRemotePost *
send_update (CdWordpress  *self,
             const char   *remote_id,
             JsonNode     *body,
             GCancellable *cancellable,
             GError      **error)
{
  g_autofree char *path = post_path (remote_id);
  g_autofree char *url = _cd_wordpress_build_url (self, path, NULL);
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (JsonNode) error_body = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CdRemotePost) post = NULL;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (remote_id != NULL);
  g_assert (body != NULL);

  reply = _cd_wordpress_request (self, "POST", path, CD_WORDPRESS_POST_QUERY, body, CD_HTTP_WRITE,
                                 NULL, &error_body, cancellable, &local_error);
  if (reply == NULL)
    {
      gboolean deleted =
          g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_GONE) ||
          (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_NOT_FOUND) &&
           g_strcmp0 (_cd_wordpress_error_code (error_body), "rest_post_invalid_id") == 0);

      propagate_post_error (self, remote_id, deleted, g_steal_pointer (&local_error), error);
      return NULL;
    }
  post = written_post (self, reply, url, error);
  /* WordPress lets a trashed post be edited; for the sync it is gone. */
  if (post != NULL && g_strcmp0 (post->status, "trash") == 0)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_GONE,
                   "Post %s is in the trash on %s; the change reached only the trashed copy.",
                   remote_id, self->url);
      return NULL;
    }
  return g_steal_pointer (&post);
}

CdRemotePost *
_cd_wordpress_update (CdCms              *cms,
                      const char         *remote_id,
                      CdArticle          *article,
                      const CdRemotePost *current,
                      const char         *featured_media,
                      GCancellable       *cancellable,
                      GError            **error)
{
  CdWordpress *self = CD_WORDPRESS (cms);
  g_autoptr (JsonNode) body = NULL;

  body = post_body_for_article (self, article, current, FALSE, featured_media, cancellable,
                                error);
  if (body == NULL)
    return NULL;
  return send_update (self, remote_id, body, cancellable, error);
}

/**
 * _cd_wordpress_publish:
 * @remote_id: the post
 * @at: (nullable): when the site is to publish it, or %NULL for now
 *
 * Makes the post live now (status "publish") or schedules it (status
 * "future" with date_gmt in UTC). Only the status and the date are sent:
 * the content went out with the push before. Sending the same twice (a
 * reply that was lost) changes nothing on the site.
 *
 * Returns: (transfer full) (nullable): the post as the site has it now
 */
CdRemotePost *
_cd_wordpress_publish (CdCms        *cms,
                       const char   *remote_id,
                       GDateTime    *at,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;

  json_builder_begin_object (builder);
  if (at != NULL)
    {
      g_autoptr (GDateTime) utc = g_date_time_to_utc (at);
      g_autofree char *date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

      add_string (builder, "status", "future");
      add_string (builder, "date_gmt", date);
    }
  else
    add_string (builder, "status", "publish");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  return send_update (CD_WORDPRESS (cms), remote_id, body, cancellable, error);
}
