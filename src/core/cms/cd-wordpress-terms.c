/* cd-wordpress-terms.c: WordPress's categories and tags: names for the
 * ids a post carries, and ids (created when missing) for an article's
 * section and tags, kept in a cache shared by the client's threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wordpress"

#include "config.h"

#include <string.h>

#include "cd-wordpress-private.h"

/* WordPress stores term names HTML-escaped ("Arts &amp; Culture"). */
static char *
decode_entities (const char *text)
{
  static const struct
  {
    const char *entity;
    const char *text;
  } entities[] = {
    {"&amp;",   "&"       },
    { "&lt;",   "<"       },
    { "&gt;",   ">"       },
    { "&quot;", "\""      },
    { "&#039;", "'"       },
    { "&#39;",  "'"       },
    { "&nbsp;", "\xc2\xa0"},
  };
  GString *out = g_string_new (NULL);

  g_assert (text != NULL);

  while (*text != '\0')
    {
      gboolean replaced = FALSE;

      if (*text == '&')
        for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
          if (g_str_has_prefix (text, entities[i].entity))
            {
              g_string_append (out, entities[i].text);
              text += strlen (entities[i].entity);
              replaced = TRUE;
              break;
            }
      if (!replaced)
        g_string_append_c (out, *text++);
    }
  return g_string_free (out, FALSE);
}

static char *
term_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  g_assert (name != NULL);

  return g_utf8_casefold (stripped, -1);
}

void
_cd_wordpress_terms_init (CdWordpressTerms *cache,
                          const char       *rest_base)
{
  cache->rest_base = rest_base;
  cache->ids_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cache->names_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

void
_cd_wordpress_terms_clear (CdWordpressTerms *cache)
{
  g_clear_pointer (&cache->ids_by_key, g_hash_table_unref);
  g_clear_pointer (&cache->names_by_id, g_hash_table_unref);
}

/* Remembers one term from a JSON object with id, name and slug. Call with
 * the lock held. */
static gint64
term_cache_add (CdWordpressTerms *cache,
                JsonObject       *term)
{
  gint64           id = _cd_wordpress_member_int (term, "id");
  const char      *name = _cd_wordpress_member_string (term, "name");
  const char      *slug = _cd_wordpress_member_string (term, "slug");
  g_autofree char *decoded = NULL;

  g_assert (cache != NULL);
  g_assert (term != NULL);

  if (id <= 0 || name == NULL)
    return 0;
  decoded = decode_entities (name);
  g_hash_table_replace (cache->ids_by_key, term_key (decoded), g_memdup2 (&id, sizeof id));
  g_hash_table_replace (cache->names_by_id, g_memdup2 (&id, sizeof id), g_strdup (decoded));
  if (g_strcmp0 (slug, "uncategorized") == 0)
    cache->uncategorized_id = id;
  return id;
}

/* Remembers every term of a reply, an array of objects with id, name and
 * slug; a reply of another shape adds nothing. */
static void
term_cache_add_reply (CdWordpress      *self,
                      CdWordpressTerms *cache,
                      JsonNode         *reply)
{
  JsonArray *terms;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (cache != NULL);
  g_assert (reply != NULL);

  if (!JSON_NODE_HOLDS_ARRAY (reply))
    return;
  terms = json_node_get_array (reply);
  g_mutex_lock (&self->lock);
  for (guint i = 0; i < json_array_get_length (terms); i++)
    {
      JsonNode *node = json_array_get_element (terms, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        term_cache_add (cache, json_node_get_object (node));
    }
  g_mutex_unlock (&self->lock);
}

static gint64
term_cache_lookup_id (CdWordpress      *self,
                      CdWordpressTerms *cache,
                      const char       *key)
{
  gint64 *found;
  gint64  id;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (cache != NULL);
  g_assert (key != NULL);

  g_mutex_lock (&self->lock);
  found = g_hash_table_lookup (cache->ids_by_key, key);
  id = found != NULL ? *found : 0;
  g_mutex_unlock (&self->lock);
  return id;
}

/* The id of the term called @name, created when the site has none. */
gint64
_cd_wordpress_term_id_for_name (CdWordpress      *self,
                                CdWordpressTerms *cache,
                                const char       *name,
                                GCancellable     *cancellable,
                                GError          **error)
{
  g_autofree char *key = term_key (name);
  g_autofree char *path = g_strconcat ("/wp/v2/", cache->rest_base, NULL);
  g_autoptr (GString) query = g_string_new (NULL);
  g_autoptr (JsonNode) found = NULL;
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) error_body = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 id;

  id = term_cache_lookup_id (self, cache, key);
  if (id > 0)
    return id;

  _cd_wordpress_query_add (query, "search", name);
  _cd_wordpress_query_add (query, "per_page", "100");
  _cd_wordpress_query_add (query, "_fields", "id,name,slug");
  found = _cd_wordpress_request (self, "GET", path, query->str, NULL, CD_HTTP_READ, NULL, NULL,
                                 cancellable, error);
  if (found == NULL)
    return 0;
  term_cache_add_reply (self, cache, found);
  id = term_cache_lookup_id (self, cache, key);
  if (id > 0)
    return id;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  created = _cd_wordpress_request (self, "POST", path, "_fields=id,name,slug", body,
                                   CD_HTTP_WRITE, NULL, &error_body, cancellable, &local_error);
  if (created == NULL)
    {
      /* Search misses names with entities; the site then says which term
       * already has the name. */
      if (g_strcmp0 (_cd_wordpress_error_code (error_body), "term_exists") == 0)
        {
          JsonObject *data = _cd_wordpress_member_object (json_node_get_object (error_body),
                                                          "data");

          id = data != NULL ? _cd_wordpress_member_int (data, "term_id") : 0;
          if (id > 0)
            {
              g_mutex_lock (&self->lock);
              g_hash_table_replace (cache->ids_by_key, g_strdup (key),
                                    g_memdup2 (&id, sizeof id));
              g_hash_table_replace (cache->names_by_id, g_memdup2 (&id, sizeof id),
                                    g_strstrip (g_strdup (name)));
              g_mutex_unlock (&self->lock);
              return id;
            }
        }
      /* The post itself was not sent: say what stopped it, in terms that
       * do not read as a wrong password or a lost post. */
      if (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_AUTH))
        g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_BAD_REQUEST,
                     "“%s” is not among the %s of %s, and this user may not add it (%s); "
                     "ask an editor to add it or choose an existing one.",
                     name, cache->rest_base, self->url, local_error->message);
      else if (g_error_matches (local_error, CD_CMS_ERROR, CD_CMS_ERROR_UNKNOWN_OUTCOME))
        g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_TIMEOUT,
                     "Adding “%s” to the %s of %s got no clear answer (%s); the post was "
                     "not sent.",
                     name, cache->rest_base, self->url, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (!JSON_NODE_HOLDS_OBJECT (created))
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "The site answered the creation of %s “%s” without the new term.",
                   cache->rest_base, name);
      return 0;
    }
  g_mutex_lock (&self->lock);
  id = term_cache_add (cache, json_node_get_object (created));
  g_mutex_unlock (&self->lock);
  return id;
}

/* A term lookup names at most this many ids, WordPress's largest page:
 * the address stays a few hundred bytes, and one page answers it. */
#define TERMS_PER_REQUEST 100
/* More distinct unknown terms than this in one page of posts is not a
 * newsroom's tagging but a server to stop listening to. */
#define MAX_TERMS_PER_FILL 2000

/* Reads the names of the ids in @batch (at most TERMS_PER_REQUEST). */
static gboolean
term_cache_fetch (CdWordpress      *self,
                  CdWordpressTerms *cache,
                  const char       *path,
                  const char       *batch,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr (GString) query = g_string_new (NULL);
  g_autoptr (JsonNode) terms = NULL;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (cache != NULL && path != NULL && batch != NULL);

  _cd_wordpress_query_add (query, "include", batch);
  _cd_wordpress_query_add (query, "per_page", G_STRINGIFY (TERMS_PER_REQUEST));
  _cd_wordpress_query_add (query, "_fields", "id,name,slug");
  terms = _cd_wordpress_request (self, "GET", path, query->str, NULL, CD_HTTP_READ, NULL, NULL,
                                 cancellable, error);
  if (terms == NULL)
    return FALSE;
  term_cache_add_reply (self, cache, terms);
  return TRUE;
}

/* Makes sure every id in @ids has its name in the cache, asking for the
 * missing ones TERMS_PER_REQUEST at a time. */
static gboolean
term_cache_fill (CdWordpress      *self,
                 CdWordpressTerms *cache,
                 GArray           *ids,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autofree char *path = g_strconcat ("/wp/v2/", cache->rest_base, NULL);
  g_autoptr (GPtrArray) batches = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) batch = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_missing = 0;
  guint n_batch = 0;

  g_assert (CD_IS_WORDPRESS (self));
  g_assert (cache != NULL);
  g_assert (ids != NULL);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, i);

      if (g_hash_table_contains (cache->names_by_id, id) || !g_hash_table_add (seen, id))
        continue;
      if (++n_missing > MAX_TERMS_PER_FILL)
        break;
      g_string_append_printf (batch, "%s%" G_GINT64_FORMAT, n_batch > 0 ? "," : "", *id);
      if (++n_batch == TERMS_PER_REQUEST)
        {
          g_ptr_array_add (batches, g_strdup (batch->str));
          g_string_truncate (batch, 0);
          n_batch = 0;
        }
    }
  g_mutex_unlock (&self->lock);
  if (n_missing > MAX_TERMS_PER_FILL)
    {
      g_set_error (error, CD_CMS_ERROR, CD_CMS_ERROR_INVALID_REPLY,
                   "The posts listed by %s use more than %u %s Copydesk does not know yet, far "
                   "more than any newsroom's; they were not read.",
                   self->url, MAX_TERMS_PER_FILL, cache->rest_base);
      return FALSE;
    }
  if (n_batch > 0)
    g_ptr_array_add (batches, g_strdup (batch->str));

  for (guint i = 0; i < batches->len; i++)
    if (!term_cache_fetch (self, cache, path, g_ptr_array_index (batches, i), cancellable, error))
      return FALSE;
  return TRUE;
}

static void
collect_ids (JsonObject *post,
             const char *member,
             GArray     *ids)
{
  JsonArray *array;

  g_assert (post != NULL);
  g_assert (member != NULL);
  g_assert (ids != NULL);

  array = _cd_wordpress_member_array (post, member);
  if (array == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 id = _cd_wordpress_node_int (json_array_get_element (array, i));

      if (id > 0)
        g_array_append_val (ids, id);
    }
}

/* Resolves the names of every category and tag that @posts use. */
gboolean
_cd_wordpress_resolve_post_terms (CdWordpress  *self,
                                  JsonArray    *posts,
                                  GCancellable *cancellable,
                                  GError      **error)
{
  g_autoptr (GArray) categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      JsonNode *node = json_array_get_element (posts, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      collect_ids (json_node_get_object (node), "categories", categories);
      collect_ids (json_node_get_object (node), "tags", tags);
    }
  return term_cache_fill (self, &self->categories, categories, cancellable, error) &&
         term_cache_fill (self, &self->tags, tags, cancellable, error);
}
