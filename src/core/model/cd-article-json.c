/* cd-article-json.c: an article as JSON.
 *
 * One place that knows how an article looks as JSON, shared by the store's
 * revision snapshots, the command line's --json output and the sync engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-article-json"

#include "config.h"

#include "cd-article-json.h"
#include "cd-json.h"

/* The text fields, in the order the public form lists them; "body" is
 * handled where the order puts it so that NO_BODY can leave it out. */
static const char *public_keys[] = {
  "uuid",
  "headline",
  "dek",
  "byline",
  "dateline",
  "source",
  "slug",
  "section",
  "tags",
  "status",
  "embargo",
  "language",
  "body",
  "ednote",
  "created",
  "modified",
};

/* What the snapshot form adds after the public keys. */
static const char *snapshot_text_keys[] = {
  "image",
  "image_caption",
  "image_credit",
  "image_alt",
};

/**
 * cd_datetime_to_json_string:
 * @datetime: (nullable): a time
 *
 * Formats @datetime losslessly: ISO 8601 with its own UTC offset ("Z" for
 * UTC) and a fraction of a second only when it has one.
 * cd_parse_iso8601() reads it back to an equal time with the same offset.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for %NULL
 */
char *
cd_datetime_to_json_string (GDateTime *datetime)
{
  return cd_format_iso8601 (datetime);
}

/**
 * cd_article_status_from_name:
 * @name: (nullable): a status name exactly as cd_article_status_to_string()
 *   gives it, the form JSON and the store keep
 * @status: (out) (optional): where to put the status
 *
 * The strict, allocation-free counterpart of
 * cd_article_status_from_string(), for reading what a program wrote.
 *
 * Returns: %TRUE when @name is a status name
 */
gboolean
cd_article_status_from_name (const char      *name,
                             CdArticleStatus *status)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < CD_ARTICLE_N_STATUSES; i++)
    {
      if (g_str_equal (name, cd_article_status_to_string (i)))
        {
          if (status != NULL)
            *status = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *key,
                    const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *key,
          GDateTime   *value,
          gboolean     utc)
{
  g_autofree char *text = utc ? cd_format_iso8601_utc (value)
                              : cd_datetime_to_json_string (value);

  add_string_or_null (builder, key, text);
}

static void
add_key (JsonBuilder *builder,
         CdArticle   *article,
         const char  *key,
         gboolean public)
{
  if (g_str_equal (key, "tags"))
    {
      const char *const *tags = cd_article_get_tags (article);

      json_builder_set_member_name (builder, key);
      json_builder_begin_array (builder);
      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        json_builder_add_string_value (builder, tags[i]);
      json_builder_end_array (builder);
    }
  else if (g_str_equal (key, "status"))
    add_string_or_null (builder, key,
                        cd_article_status_to_string (cd_article_get_status (article)));
  else if (g_str_equal (key, "embargo"))
    add_time (builder, key, cd_article_get_embargo (article), public);
  else if (g_str_equal (key, "created"))
    add_time (builder, key, cd_article_get_created (article), public);
  else if (g_str_equal (key, "modified"))
    add_time (builder, key, cd_article_get_modified (article), public);
  else
    {
      /* A plain text field: the generic accessor gives it as stored. */
      g_autofree char *value = cd_article_get_field (article, key);

      add_string_or_null (builder, key, value);
    }
}

/**
 * cd_article_to_json_node:
 * @article: an article
 * @flags: which form to write; see #CdArticleJsonFlags
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
cd_article_to_json_node (CdArticle         *article,
                         CdArticleJsonFlags flags)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  gboolean public = (flags & CD_ARTICLE_JSON_PUBLIC) != 0;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (public_keys); i++)
    {
      if ((flags & CD_ARTICLE_JSON_NO_BODY) && g_str_equal (public_keys[i], "body"))
        continue;
      add_key (builder, article, public_keys[i], public);
    }

  if (!public)
    {
      JsonObject *extra = cd_article_get_extra (article);

      for (guint i = 0; i < G_N_ELEMENTS (snapshot_text_keys); i++)
        add_key (builder, article, snapshot_text_keys[i], FALSE);

      json_builder_set_member_name (builder, "length_target");
      json_builder_add_int_value (builder, cd_article_get_length_target (article));

      json_builder_set_member_name (builder, "corrections");
      json_builder_begin_array (builder);
      for (guint i = 0; i < cd_article_get_n_corrections (article); i++)
        {
          const CdCorrection *c = cd_article_get_correction (article, i);

          json_builder_begin_object (builder);
          add_time (builder, "date", c->date, FALSE);
          add_string_or_null (builder, "note", c->note);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "extra");
      if (extra != NULL)
        {
          g_autoptr (JsonNode) node = json_node_alloc ();

          json_node_init_object (node, extra);
          json_builder_add_value (builder, json_node_copy (node));
        }
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * cd_article_to_json:
 * @article: an article
 * @flags: which form to write
 * @pretty: whether to indent
 *
 * Returns: (transfer full): @article as JSON text
 */
char *
cd_article_to_json (CdArticle         *article,
                    CdArticleJsonFlags flags,
                    gboolean           pretty)
{
  g_autoptr (JsonNode) node = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  node = cd_article_to_json_node (article, flags);
  return json_to_string (node, pretty);
}

static gboolean
invalid (GError    **error,
         const char *key,
         const char *what)
{
  g_set_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE,
               "The JSON key “%s” must be %s.", key, what);
  return FALSE;
}

/* Reads an optional string member: absent leaves *out NULL and returns
 * TRUE with *present FALSE. */
static gboolean
get_string (JsonObject  *object,
            const char  *key,
            const char **out,
            gboolean    *present,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  *present = node != NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, key, "text or null");
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_time (JsonObject *object,
          const char *key,
          GDateTime **out,
          gboolean   *present,
          GError    **error)
{
  const char *text;

  *out = NULL;
  if (!get_string (object, key, &text, present, error))
    return FALSE;
  if (text != NULL && (*out = cd_parse_iso8601 (text)) == NULL)
    return invalid (error, key, "an ISO 8601 date and time");
  return TRUE;
}

static gboolean
read_tags (CdArticle  *article,
           JsonObject *object,
           GError    **error)
{
  JsonNode *node = json_object_get_member (object, "tags");
  g_autoptr (GPtrArray) tags = g_ptr_array_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, "tags", "an array of text");
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING)
        return invalid (error, "tags", "an array of text");
      g_ptr_array_add (tags, (gpointer) json_node_get_string (element));
    }
  g_ptr_array_add (tags, NULL);
  cd_article_set_tags (article, (const char *const *) tags->pdata);
  return TRUE;
}

static gboolean
read_corrections (CdArticle  *article,
                  JsonObject *object,
                  GError    **error)
{
  JsonNode  *node = json_object_get_member (object, "corrections");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, "corrections", "an array of {date, note} objects");
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr (GDateTime) date = NULL;
      const char *note = NULL;
      gboolean    present;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, "corrections", "an array of {date, note} objects");
      if (!get_time (json_node_get_object (element), "date", &date, &present, error) ||
          !get_string (json_node_get_object (element), "note", &note, &present, error))
        return FALSE;
      if (date == NULL || note == NULL)
        return invalid (error, "corrections", "an array of {date, note} objects");
      cd_article_add_correction (article, date, note);
    }
  return TRUE;
}

static gboolean
read_typed_fields (CdArticle  *article,
                   JsonObject *object,
                   GError    **error)
{
  static const char *time_keys[] = { "embargo", "created", "modified" };
  JsonNode          *node;
  const char        *status_name;
  gboolean           present;

  if (!get_string (object, "status", &status_name, &present, error))
    return FALSE;
  if (status_name != NULL)
    {
      CdArticleStatus status;

      /* Written by a program, or typed by a person ("Ready for edit"). */
      if (!cd_article_status_from_name (status_name, &status) &&
          !cd_article_status_from_string (status_name, &status))
        return invalid (error, "status", "a status such as “draft”");
      cd_article_set_status (article, status);
    }

  for (guint i = 0; i < G_N_ELEMENTS (time_keys); i++)
    {
      g_autoptr (GDateTime) time = NULL;

      if (!get_time (object, time_keys[i], &time, &present, error))
        return FALSE;
      if (!present)
        continue;
      if (i == 0)
        cd_article_set_embargo (article, time);
      else if (i == 1)
        cd_article_set_created (article, time);
      else
        cd_article_set_modified (article, time);
    }

  node = json_object_get_member (object, "length_target");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      gint64 words;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return invalid (error, "length_target", "a number of words");
      words = json_node_get_int (node);
      if (words < 0 || words > G_MAXUINT)
        return invalid (error, "length_target", "a number of words");
      cd_article_set_length_target (article, words);
    }

  node = json_object_get_member (object, "extra");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autoptr (JsonNode) copy = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, "extra", "an object");
      copy = json_node_copy (node);
      cd_article_set_extra (article, json_node_get_object (copy));
    }

  return read_tags (article, object, error) && read_corrections (article, object, error);
}

/**
 * cd_article_from_json_node:
 * @node: a JSON object in either form cd_article_to_json_node() writes
 * @error: return location for an error
 *
 * Reads an article. "uuid" is required; absent keys keep the values a new
 * article has (cd_article_new_with_uuid()), null clears a field, unknown
 * keys are ignored so that older programs read newer snapshots.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with
 *   CD_ARTICLE_ERROR_INVALID_VALUE naming the key that is wrong
 */
CdArticle *
cd_article_from_json_node (JsonNode *node,
                           GError  **error)
{
  g_autoptr (CdArticle) article = NULL;
  JsonObject *object;
  const char *uuid;
  gboolean    present;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE,
                   "An article in JSON must be an object.");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!get_string (object, "uuid", &uuid, &present, error))
    return NULL;
  if (uuid == NULL || *uuid == '\0')
    {
      invalid (error, "uuid", "the article's uuid");
      return NULL;
    }

  article = cd_article_new_with_uuid (uuid);
  for (guint i = 0; i < G_N_ELEMENTS (public_keys) + G_N_ELEMENTS (snapshot_text_keys); i++)
    {
      const char *key = i < G_N_ELEMENTS (public_keys)
                            ? public_keys[i]
                            : snapshot_text_keys[i - G_N_ELEMENTS (public_keys)];
      const char *value;

      if (g_str_equal (key, "uuid") || g_str_equal (key, "tags") ||
          g_str_equal (key, "status") || g_str_equal (key, "embargo") ||
          g_str_equal (key, "created") || g_str_equal (key, "modified"))
        continue;
      if (!get_string (object, key, &value, &present, error))
        return NULL;
      if (present && !cd_article_set_field (article, key, value, error))
        return NULL;
    }

  if (!read_typed_fields (article, object, error))
    return NULL;

  return g_steal_pointer (&article);
}

/**
 * cd_article_from_json:
 * @json: JSON text holding one article object
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the article
 */
CdArticle *
cd_article_from_json (const char *json,
                      GError    **error)
{
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  /* Snapshots live in a file anyone could have altered: bounded too. */
  if ((root = cd_json_parse (json, strlen (json), error)) == NULL)
    return NULL;
  return cd_article_from_json_node (root, error);
}
