/* cd-import-ninjs.c: articles from IPTC ninjs, the JSON news agencies'
 * APIs deliver (1.x and 2.x names), and Copydesk's own ninjs export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cd-import-private.h"
#include "cd-import.h"
#include "cd-text.h"

/* The string member @name of @object, or NULL. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The first element of @array that is an object, with the member @role
 * equal to @role when @role is not NULL; NULL when there is none. */
static JsonObject *
first_object (JsonArray  *array,
              const char *role)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          (role == NULL || g_strcmp0 (string_member (json_node_get_object (node), "role"), role) == 0))
        return json_node_get_object (node);
    }
  return NULL;
}

/* A text field in ninjs 1.x ("headline": "…") or 2.x ("headlines": [{
 * "value": "…", "role": "main" }]): the plain member, else the value of
 * the list's item with @role, else its first item's. */
static const char *
text_of (JsonObject *ninjs,
         const char *name,
         const char *list,
         const char *role)
{
  const char *value = string_member (ninjs, name);
  JsonArray  *items = array_member (ninjs, list);
  JsonObject *item;

  if (value != NULL && *value != '\0')
    return value;
  item = first_object (items, role);
  if (item == NULL)
    item = first_object (items, NULL);
  return string_member (item, "value");
}

static void
set_field (CdArticle  *article,
           const char *field,
           const char *value)
{
  g_autofree char *stripped = value ? g_strstrip (g_strdup (value)) : NULL;

  if (stripped != NULL && *stripped != '\0')
    cd_article_set_field (article, field, stripped, NULL);
}

/* Says in @notes that the story's text is only linked from the text item
 * (an agency API's text rendition, such as AP's "NITF Story Download"),
 * when it is. */
static void
note_linked_text (JsonObject *ninjs,
                  GString    *notes)
{
  JsonNode   *node = json_object_get_member (ninjs, "renditions");
  const char *item_type = string_member (ninjs, "type");
  g_autoptr (GList) renditions = NULL;

  /* A picture's caption download is no story. */
  if (item_type != NULL && !g_str_equal (item_type, "text"))
    return;
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    renditions = json_object_get_values (json_node_get_object (node));
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    renditions = json_array_get_elements (json_node_get_array (node));
  for (GList *l = renditions; l != NULL; l = l->next)
    {
      JsonObject      *rendition = JSON_NODE_HOLDS_OBJECT (l->data) ? json_node_get_object (l->data) : NULL;
      const char      *type = string_member (rendition, "type");
      const char      *mime_type = string_member (rendition, "mimetype");
      const char      *title = string_member (rendition, "title");
      g_autofree char *what = NULL;
      g_autofree char *note = NULL;
      gint64           words;

      if (rendition == NULL || string_member (rendition, "href") == NULL ||
          !(g_strcmp0 (type, "text") == 0 || (mime_type != NULL && g_str_has_prefix (mime_type, "text/"))))
        continue;
      words = json_object_get_int_member_with_default (rendition, "words", 0);
      what = title != NULL ? g_strdup_printf ("“%s”", title) : g_strdup ("its text rendition");
      note = words > 0 ? g_strdup_printf ("The story's text is not in the file, only a link to it (%s, "
                                          "%" G_GINT64_FORMAT " words); download it and import that file.",
                                          what, words)
                       : g_strdup_printf ("The story's text is not in the file, only a link to it (%s); "
                                          "download it and import that file.",
                                          what);
      _cd_import_add_note (notes, note);
      return;
    }
}

/* The story: HTML converted as an HTML import is, or plain text with a
 * paragraph at each blank line. */
static char *
body_of (JsonObject *ninjs,
         GString    *notes)
{
  const char *html = string_member (ninjs, "body_html");
  const char *text = string_member (ninjs, "body_text");
  JsonArray  *bodies = array_member (ninjs, "bodies");
  g_autoptr (GString) body = NULL;
  g_auto (GStrv) paragraphs = NULL;

  for (guint i = 0; html == NULL && text == NULL && bodies != NULL &&
                    i < json_array_get_length (bodies);
       i++)
    {
      JsonNode   *node = json_array_get_element (bodies, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = string_member (item, "contenttype");

      if (g_strcmp0 (type, "text/html") == 0 || g_strcmp0 (type, "application/xhtml+xml") == 0)
        html = string_member (item, "value");
      else if (type == NULL || g_strcmp0 (type, "text/plain") == 0)
        text = string_member (item, "value");
    }
  if (html != NULL)
    return _cd_import_html_to_markdown (html, strlen (html), notes);
  if (text == NULL)
    {
      note_linked_text (ninjs, notes);
      return g_strdup ("");
    }

  body = g_string_new (NULL);
  paragraphs = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      g_strdelimit (paragraphs[i], "\n", ' ');
      escaped = cd_markdown_escape (paragraphs[i]);
      g_string_append_printf (body, "%s%s\n", body->len > 0 ? "\n" : "", escaped);
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* Keywords and subjects' names, each once. */
static void
read_tags (CdArticle  *article,
           JsonObject *ninjs)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new ();
  JsonArray *keywords = array_member (ninjs, "keywords");
  JsonArray *subjects = array_member (ninjs, "subject");

  for (guint i = 0; keywords != NULL && i < json_array_get_length (keywords); i++)
    {
      JsonNode *node = json_array_get_element (keywords, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (tags, (gpointer) json_node_get_string (node));
    }
  for (guint i = 0; subjects != NULL && i < json_array_get_length (subjects); i++)
    {
      JsonNode   *node = json_array_get_element (subjects, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (node)
                             ? string_member (json_node_get_object (node), "name")
                             : NULL;

      if (name != NULL)
        g_ptr_array_add (tags, (gpointer) name);
    }
  for (guint i = tags->len; i > 0; i--)
    {
      const char *tag = g_ptr_array_index (tags, i - 1);
      guint       first;

      if (cd_text_is_blank (tag) ||
          (g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, &first) && first < i - 1))
        g_ptr_array_remove_index (tags, i - 1);
    }
  if (tags->len == 0)
    return;
  g_ptr_array_add (tags, NULL);
  cd_article_set_tags (article, (const char *const *) tags->pdata);
}

/* ninjs 1.x "byline", 2.x "by" or "bylines" ([{ "byline": …, "title": …
 * }] or [{ "name": … }]), without its "By". */
static char *
byline_of (JsonObject *ninjs)
{
  JsonObject      *first = first_object (array_member (ninjs, "bylines"), NULL);
  const char      *title = string_member (first, "title");
  g_autofree char *byline = g_strdup (string_member (ninjs, "byline"));

  if (byline == NULL)
    byline = g_strdup (string_member (ninjs, "by"));
  if (byline == NULL)
    byline = g_strdup (string_member (first, "byline"));
  if (byline == NULL)
    byline = g_strdup (string_member (first, "name"));
  if (byline == NULL)
    return NULL;
  _cd_import_without_by (byline);
  if (title != NULL && *title != '\0')
    return g_strdup_printf ("%s, %s", byline, title);
  return _cd_import_part_byline_post (byline);
}

static void
read_featured (CdArticle  *article,
               JsonObject *ninjs)
{
  JsonObject *picture = object_member (object_member (ninjs, "associations"), "featuremedia");

  set_field (article, "image_caption", string_member (picture, "description_text"));
  set_field (article, "image_credit", string_member (picture, "byline"));
  set_field (article, "image_alt", string_member (picture, "body_text"));
}

static void
read_corrections (CdArticle  *article,
                  JsonObject *ninjs)
{
  JsonArray *corrections = array_member (ninjs, "corrections");

  for (guint i = 0; corrections != NULL && i < json_array_get_length (corrections); i++)
    {
      JsonNode   *node = json_array_get_element (corrections, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autoptr (GDateTime) date = cd_parse_iso8601 (string_member (item, "date"));
      const char *text = string_member (item, "text");

      if (date != NULL && text != NULL)
        cd_article_add_correction (article, date, text);
    }
}

/* Whether every string under @node is UTF-8. json-glib 1.6 also reads
 * escapes JSON does not have ("\\202"), which can give other bytes. */
static gboolean
strings_valid (JsonNode *node,
               guint     depth)
{
  if (depth > 256)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) != G_TYPE_STRING ||
           g_utf8_validate (json_node_get_string (node), -1, NULL);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!strings_valid (json_array_get_element (array, i), depth + 1))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char    *name;
      JsonNode      *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (!g_utf8_validate (name, -1, NULL) || !strings_valid (member, depth + 1))
          return FALSE;
    }
  return TRUE;
}

static gboolean
is_news_item (JsonObject *object)
{
  return json_object_has_member (object, "uri") || json_object_has_member (object, "headline") ||
         json_object_has_member (object, "headlines");
}

/* The news items in @object, added to @items: itself, or the items an
 * agency's API response carries ({"data": {"item": {…}}}, {"item":
 * [{…}]}, {"items": […]}), a few levels down. */
static void
find_news_items (JsonObject *object,
                 guint       depth,
                 GPtrArray  *items)
{
  static const char *const envelopes[] = { "data", "item", "items" };

  if (is_news_item (object))
    {
      g_ptr_array_add (items, object);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (envelopes) && depth < 3; i++)
    {
      JsonNode *member = json_object_get_member (object, envelopes[i]);

      if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
        {
          find_news_items (json_node_get_object (member), depth + 1, items);
          return;
        }
      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);

          for (guint k = 0; k < json_array_get_length (array); k++)
            {
              JsonNode *element = json_array_get_element (array, k);

              if (JSON_NODE_HOLDS_OBJECT (element))
                find_news_items (json_node_get_object (element), depth + 1, items);
            }
          return;
        }
    }
}

/* Whether @text is one JSON object and nothing after it but white space,
 * by its brackets outside strings. json-glib 1.6 reads on after the first
 * value, keeps the last and loses the others. */
static gboolean
one_object (const char *text,
            gsize       length,
            const char *origin,
            GError    **error)
{
  const char *p = text, *end = text + length;
  guint       depth = 0, line = 1;
  gboolean    in_string = FALSE;

  while (p < end && g_ascii_isspace (*p))
    line += *p++ == '\n';
  if (p == end || *p != '{')
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the JSON is not a ninjs news item (an object with a uri or a headline).",
                   origin);
      return FALSE;
    }
  for (; p < end; p++)
    {
      line += *p == '\n';
      if (in_string)
        {
          if (*p == '\\' && p + 1 < end)
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && depth > 0 && --depth == 0)
        break;
    }
  if (p == end)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: line %u: the JSON ends before its news item is closed.", origin, line);
      return FALSE;
    }
  for (p++; p < end; p++)
    {
      line += *p == '\n';
      if (!g_ascii_isspace (*p))
        {
          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                       "%s: line %u: the JSON goes on after its news item; a file holds one.",
                       origin, line);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads the news item @item (a JsonObject) into @article. */
static gboolean
read_item (CdArticle  *article,
           gpointer    item,
           gpointer    data,
           const char *origin,
           GError    **error)
{
  g_autoptr (GDateTime) embargo = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *body = NULL;
  g_autofree char *byline = NULL;
  JsonObject      *ninjs = item;
  const char      *slugline;

  g_assert (CD_IS_ARTICLE (article));

  byline = byline_of (ninjs);
  set_field (article, "language", string_member (ninjs, "language"));
  set_field (article, "headline", text_of (ninjs, "headline", "headlines", "main"));
  set_field (article, "dek", text_of (ninjs, "description_text", "descriptions", "summary"));
  set_field (article, "byline", byline);
  _cd_import_set_given_dateline (article, string_member (ninjs, "located"));
  /* The agency whose item it is, where the dateline names none. */
  if (cd_text_is_blank (cd_article_get_source (article)))
    set_field (article, "source", string_member (ninjs, "copyrightholder"));
  set_field (article, "ednote", string_member (ninjs, "ednote"));
  /* ninjs's slugline is the story's short name ("EU-Germany-Floods"): the
   * web address made of it. */
  if ((slugline = string_member (ninjs, "slugline")) != NULL)
    {
      g_autofree char *slug = cd_make_slug (slugline);

      set_field (article, "slug", slug);
    }
  read_tags (article, ninjs);
  read_featured (article, ninjs);
  read_corrections (article, ninjs);
  embargo = cd_parse_iso8601 (string_member (ninjs, "embargoed"));
  if (embargo != NULL && g_date_time_compare (embargo, now) > 0)
    cd_article_set_embargo (article, embargo);

  {
    const char *ednote = cd_article_get_ednote (article);
    g_autoptr (GString) notes = g_string_new (ednote != NULL ? ednote : "");

    body = _cd_import_take_body_dateline (article, body_of (ninjs, notes), notes);
    body = _cd_import_take_body_sign_off (body, notes);
    _cd_import_drop_repeated_dek (article, body);
    if (notes->len > 0)
      cd_article_set_ednote (article, notes->str);
  }
  if (cd_text_is_blank (body) && cd_text_is_blank (cd_article_get_headline (article)))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_EMPTY,
                   "%s: the news item has no headline and no text.", origin);
      return FALSE;
    }
  cd_article_set_body (article, body);
  return TRUE;
}

/* The importer of ninjs (see %CD_IMPORT_FORMAT_NINJS): the news items of
 * the checked @text as new articles that start with @language. */
gboolean
_cd_import_ninjs (const char *language,
                  const char *text,
                  gsize       length,
                  const char *origin,
                  gboolean    all,
                  GPtrArray  *articles,
                  GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  JsonNode *root;

  if (!one_object (text, length, origin, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, text, (gssize) length, &parse_error))
    {
      /* json-glib quotes the text it stopped at, cut anywhere. */
      g_autofree char *why = g_utf8_make_valid (parse_error->message, -1);

      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the JSON cannot be read (%s).", origin, why);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && !strings_valid (root, 0))
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the JSON has a string that is not UTF-8 (an escape such as \"\\202\" "
                   "that JSON does not allow).",
                   origin);
      return FALSE;
    }
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    find_news_items (json_node_get_object (root), 0, items);
  /* A list of stories and their pictures: the stories. */
  for (guint i = items->len; i-- > 0 && items->len > 1;)
    {
      const char *type = string_member (g_ptr_array_index (items, i), "type");

      if (type != NULL && !g_str_equal (type, "text"))
        g_ptr_array_remove_index (items, i);
    }
  if (items->len == 0)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_INVALID,
                   "%s: the JSON is not a ninjs news item (an object with a uri or a headline).",
                   origin);
      return FALSE;
    }
  return _cd_import_stories (items, read_item, NULL, language, origin, all, articles, error);
}
