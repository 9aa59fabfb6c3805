/* cd-frontmatter.c: the YAML front matter of a Markdown article, read.
 * Writing it is in cd-frontmatter-write.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-frontmatter"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <yaml.h>

#include "cd-frontmatter-private.h"
#include "cd-frontmatter.h"
#include "cd-import-error.h"

/* Aliases can make a small document expand into a huge or endless tree;
 * these bounds stop that long before memory runs out. */
#define MAX_DEPTH 64
#define MAX_NODES 100000

typedef struct
{
  yaml_document_t *doc;
  const char      *origin;
  guint            n_nodes;
} Loader;

static void set_error_at_line (GError    **error,
                               const char *origin,
                               gsize       line,
                               const char *format,
                               ...) G_GNUC_PRINTF (4, 5);

/* @line counts from 1 at the first line after the opening "---", which is
 * line 2 of the file. */
static void
set_error_at_line (GError    **error,
                   const char *origin,
                   gsize       line,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* It follows a colon: "The length target …" from the article reads
   * "the length target …" here, while "UUID …" keeps its capitals. */
  if (g_ascii_isupper (message[0]) && g_ascii_islower (message[1]))
    message[0] = g_ascii_tolower (message[0]);

  g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_FRONT_MATTER,
               "%s: line %" G_GSIZE_FORMAT " of the front matter (line %" G_GSIZE_FORMAT
               " of the file): %s",
               origin, line, line + 1, message);
}

#define node_line(node) ((node)->start_mark.line + 1)

static gboolean
delimiter_line (const char *line,
                gsize       length)
{
  if (length < 3 || memcmp (line, "---", 3) != 0)
    return FALSE;
  for (gsize i = 3; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
      return FALSE;
  return TRUE;
}

static gboolean
scalar_is_null (yaml_node_t *node)
{
  const char *v = (const char *) node->data.scalar.value;

  if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;
  return *v == '\0' || g_str_equal (v, "~") || g_str_equal (v, "null") ||
         g_str_equal (v, "Null") || g_str_equal (v, "NULL");
}

static const char *
skip_sign (const char *p)
{
  return *p == '-' || *p == '+' ? p + 1 : p;
}

/* Moves *p past a run of digits; %TRUE when there was at least one. */
static gboolean
skip_digits (const char **p)
{
  const char *start = *p;

  while (g_ascii_isdigit (**p))
    (*p)++;
  return *p != start;
}

static gboolean
looks_like_int (const char *v)
{
  const char *p = skip_sign (v);

  return skip_digits (&p) && *p == '\0';
}

gboolean
_cd_front_matter_looks_like_float (const char *v)
{
  const char *p = skip_sign (v);
  gboolean    digits = skip_digits (&p);

  if (*p == '.')
    {
      p++;
      digits = skip_digits (&p) || digits;
    }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p = skip_sign (p + 1);
      if (!skip_digits (&p))
        return FALSE;
    }
  return *p == '\0';
}

static gboolean
looks_like_bool (const char *v,
                 gboolean   *value)
{
  static const char *yes[] = { "true", "True", "TRUE" };
  static const char *no[] = { "false", "False", "FALSE" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_str_equal (v, yes[i]))
        return (*value = TRUE);
      if (g_str_equal (v, no[i]))
        return !(*value = FALSE);
    }
  return FALSE;
}

/* Whether a plain (unquoted) scalar with this text would be read back as
 * something other than a string. */
gboolean
_cd_front_matter_plain_reads_as_non_string (const char *v)
{
  gboolean b;

  return *v == '\0' || g_str_equal (v, "~") || g_ascii_strcasecmp (v, "null") == 0 ||
         looks_like_bool (v, &b) || looks_like_int (v) || _cd_front_matter_looks_like_float (v);
}

static const char *
node_kind (yaml_node_t *node)
{
  switch (node->type)
    {
    case YAML_SEQUENCE_NODE:
      return "a list";
    case YAML_MAPPING_NODE:
      return "a set of keys";
    case YAML_SCALAR_NODE:
    case YAML_NO_NODE:
    default:
      return "text";
    }
}

static JsonNode *
yaml_to_json (Loader      *loader,
              yaml_node_t *node,
              guint        depth,
              GError     **error)
{
  if (++loader->n_nodes > MAX_NODES || depth > MAX_DEPTH)
    {
      set_error_at_line (error, loader->origin, node_line (node),
                         "the value is nested too deeply or repeats itself through aliases.");
      return NULL;
    }

  if (node->type == YAML_SCALAR_NODE)
    {
      const char *v = (const char *) node->data.scalar.value;
      JsonNode   *json = json_node_alloc ();
      gboolean    b;

      if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        json_node_init_string (json, v);
      else if (scalar_is_null (node))
        json_node_init_null (json);
      else if (looks_like_bool (v, &b))
        json_node_init_boolean (json, b);
      else if (looks_like_int (v) && g_ascii_strtoll (v, NULL, 10) != G_MAXINT64 &&
               g_ascii_strtoll (v, NULL, 10) != G_MININT64)
        json_node_init_int (json, g_ascii_strtoll (v, NULL, 10));
      else if (_cd_front_matter_looks_like_float (v) && isfinite (g_ascii_strtod (v, NULL)))
        json_node_init_double (json, g_ascii_strtod (v, NULL));
      else
        json_node_init_string (json, v);
      return json;
    }
  else if (node->type == YAML_SEQUENCE_NODE)
    {
      g_autoptr (JsonArray) array = json_array_new ();
      JsonNode *json;

      for (yaml_node_item_t *item = node->data.sequence.items.start;
           item < node->data.sequence.items.top; item++)
        {
          yaml_node_t *child = yaml_document_get_node (loader->doc, *item);
          JsonNode    *value = yaml_to_json (loader, child, depth + 1, error);

          if (value == NULL)
            return NULL;
          json_array_add_element (array, value);
        }
      json = json_node_alloc ();
      json_node_init_array (json, array);
      return json;
    }
  else if (node->type == YAML_MAPPING_NODE)
    {
      g_autoptr (JsonObject) object = json_object_new ();
      JsonNode *json;

      for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
           pair < node->data.mapping.pairs.top; pair++)
        {
          yaml_node_t *key = yaml_document_get_node (loader->doc, pair->key);
          yaml_node_t *child = yaml_document_get_node (loader->doc, pair->value);
          const char  *name;
          JsonNode    *value;

          if (key->type != YAML_SCALAR_NODE)
            {
              set_error_at_line (error, loader->origin, node_line (key),
                                 "a key must be text, not %s.", node_kind (key));
              return NULL;
            }
          name = (const char *) key->data.scalar.value;
          if (json_object_has_member (object, name))
            {
              set_error_at_line (error, loader->origin, node_line (key),
                                 "the key “%s” appears twice.", name);
              return NULL;
            }
          value = yaml_to_json (loader, child, depth + 1, error);
          if (value == NULL)
            return NULL;
          json_object_set_member (object, name, value);
        }
      json = json_node_alloc ();
      json_node_init_object (json, object);
      return json;
    }

  return json_node_init_null (json_node_alloc ());
}

/* Dates in front matter are often written without a time. */
static GDateTime *
parse_time (const char *text)
{
  GDateTime *dt = cd_parse_iso8601 (text);
  int        y, m, d;
  char       rest;

  if (dt == NULL && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3 && strlen (text) == 10)
    dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  return dt;
}

/* Whether a time parse_time() reads names its zone ("Z", "+01:00",
 * "-05"): only a zone puts a sign or a Z after the date. */
static gboolean
names_zone (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char      *time = strlen (copy) > 10 ? copy + 10 : "";

  return strpbrk (time, "Z+-") != NULL;
}

/* Gives a scalar's text, NULL for a null value; fails for lists and maps. */
static gboolean
get_text (Loader      *loader,
          const char  *key,
          yaml_node_t *node,
          const char **text,
          GError     **error)
{
  if (node->type != YAML_SCALAR_NODE)
    {
      set_error_at_line (error, loader->origin, node_line (node),
                         "“%s” should be text, not %s.", key, node_kind (node));
      return FALSE;
    }
  *text = scalar_is_null (node) ? NULL : (const char *) node->data.scalar.value;
  return TRUE;
}

static gboolean
get_time (Loader      *loader,
          const char  *key,
          yaml_node_t *node,
          GDateTime  **time,
          GError     **error)
{
  const char *text;

  if (!get_text (loader, key, node, &text, error))
    return FALSE;
  *time = NULL;
  if (text == NULL)
    return TRUE;
  *time = parse_time (text);
  if (*time == NULL)
    {
      set_error_at_line (error, loader->origin, node_line (node),
                         "“%s” for “%s” is not a date and time such as "
                         "2026-03-01T09:00:00+01:00.",
                         text, key);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_tags (Loader      *loader,
            CdArticle   *article,
            yaml_node_t *node,
            GError     **error)
{
  g_autoptr (GPtrArray) tags = NULL;

  if (node->type != YAML_SEQUENCE_NODE)
    {
      const char *text;

      if (!get_text (loader, "tags", node, &text, error))
        return FALSE;
      return cd_article_set_field (article, "tags", text, NULL);
    }

  tags = g_ptr_array_new ();
  for (yaml_node_item_t *item = node->data.sequence.items.start;
       item < node->data.sequence.items.top; item++)
    {
      yaml_node_t *child = yaml_document_get_node (loader->doc, *item);
      const char  *tag;

      if (child->type != YAML_SCALAR_NODE)
        {
          set_error_at_line (error, loader->origin, node_line (child),
                             "each tag should be text, not %s.", node_kind (child));
          return FALSE;
        }
      tag = (const char *) child->data.scalar.value;
      if (!scalar_is_null (child) && *tag != '\0')
        g_ptr_array_add (tags, (gpointer) tag);
    }
  g_ptr_array_add (tags, NULL);
  cd_article_set_tags (article, (const char *const *) tags->pdata);
  return TRUE;
}

static gboolean
apply_corrections (Loader      *loader,
                   CdArticle   *article,
                   yaml_node_t *node,
                   GError     **error)
{
  cd_article_clear_corrections (article);
  if (node->type == YAML_SCALAR_NODE && scalar_is_null (node))
    return TRUE;
  if (node->type != YAML_SEQUENCE_NODE)
    {
      set_error_at_line (error, loader->origin, node_line (node),
                         "“corrections” should be a list of entries with a date and a note.");
      return FALSE;
    }

  for (yaml_node_item_t *item = node->data.sequence.items.start;
       item < node->data.sequence.items.top; item++)
    {
      yaml_node_t *entry = yaml_document_get_node (loader->doc, *item);
      g_autoptr (GDateTime) date = NULL;
      const char *note = NULL;
      gboolean    have_date = FALSE;

      if (entry->type != YAML_MAPPING_NODE)
        {
          set_error_at_line (error, loader->origin, node_line (entry),
                             "each correction should have a “date” and a “note”, not be %s.",
                             node_kind (entry));
          return FALSE;
        }
      for (yaml_node_pair_t *pair = entry->data.mapping.pairs.start;
           pair < entry->data.mapping.pairs.top; pair++)
        {
          yaml_node_t *key = yaml_document_get_node (loader->doc, pair->key);
          yaml_node_t *value = yaml_document_get_node (loader->doc, pair->value);
          const char  *name = "";

          if (key->type == YAML_SCALAR_NODE)
            name = (const char *) key->data.scalar.value;

          if (g_str_equal (name, "date"))
            {
              g_clear_pointer (&date, g_date_time_unref);
              if (!get_time (loader, "date", value, &date, error))
                return FALSE;
              have_date = date != NULL;
            }
          else if (g_str_equal (name, "note"))
            {
              if (!get_text (loader, "note", value, &note, error))
                return FALSE;
            }
          else
            {
              set_error_at_line (error, loader->origin, node_line (key),
                                 "a correction has only a “date” and a “note”, not “%s”.",
                                 name);
              return FALSE;
            }
        }
      if (!have_date || note == NULL)
        {
          set_error_at_line (error, loader->origin, node_line (entry),
                             "a correction needs both a “date” and a “note”.");
          return FALSE;
        }
      cd_article_add_correction (article, date, note);
    }
  return TRUE;
}

static gboolean
apply_field (Loader      *loader,
             CdArticle   *article,
             const char  *key,
             yaml_node_t *node,
             JsonObject  *extra,
             GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  const char *text = NULL;

  if (g_str_equal (key, "tags"))
    return apply_tags (loader, article, node, error);
  if (g_str_equal (key, "corrections"))
    return apply_corrections (loader, article, node, error);

  if (g_str_equal (key, "created") || g_str_equal (key, "modified") ||
      g_str_equal (key, "embargo"))
    {
      g_autoptr (GDateTime) time = NULL;

      if (!get_time (loader, key, node, &time, error))
        return FALSE;
      if (time != NULL && g_str_equal (key, "embargo") &&
          !names_zone ((const char *) node->data.scalar.value))
        {
          set_error_at_line (error, loader->origin, node_line (node),
                             "the embargo “%s” has no time zone; add one such as +01:00 "
                             "or Z so that it lifts when it should.",
                             (const char *) node->data.scalar.value);
          return FALSE;
        }
      if (g_str_equal (key, "created"))
        cd_article_set_created (article, time);
      else if (g_str_equal (key, "modified"))
        cd_article_set_modified (article, time);
      else
        cd_article_set_embargo (article, time);
      return TRUE;
    }

  /* The body is what follows the front matter; a "body" key is kept as an
   * unknown key rather than silently replacing it. */
  if (!cd_article_has_field (key) || g_str_equal (key, "body"))
    {
      JsonNode *value = yaml_to_json (loader, node, 1, error);

      if (value == NULL)
        return FALSE;
      json_object_set_member (extra, key, value);
      return TRUE;
    }

  if (!get_text (loader, key, node, &text, error))
    return FALSE;

  if (g_str_equal (key, "uuid"))
    {
      if (text == NULL || !g_uuid_string_is_valid (text))
        {
          set_error_at_line (error, loader->origin, node_line (node),
                             "“%s” is not a uuid such as 5f0c7a4e-2b1d-4c3a-9e8f-1a2b3c4d5e6f.",
                             text ? text : "");
          return FALSE;
        }
      cd_article_set_uuid (article, text);
      return TRUE;
    }

  if (!cd_article_set_field (article, key, text, &local_error))
    {
      set_error_at_line (error, loader->origin, node_line (node), "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Other Markdown tools' names for Copydesk's fields: Pandoc's, Hugo's and
 * Jekyll's title, subtitle and author. A file that names the field itself
 * keeps the other name as an unknown key. */
static const char *const aliases[][2] = {
  /* the other name, Copydesk's field */
  {"title",     "headline"},
  { "subtitle", "dek"     },
  { "author",   "byline"  },
};

/* Whether @extra, an article's unknown keys, holds another tool's name for
 * @field, which a file without @field would have read as it. */
gboolean
_cd_front_matter_has_alias (JsonObject *extra,
                            const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (aliases) && extra != NULL; i++)
    if (g_str_equal (aliases[i][1], field) && json_object_has_member (extra, aliases[i][0]))
      return TRUE;
  return FALSE;
}

/* The text of an alias's value: a string, or for a list of strings (the
 * authors of a Pandoc file) the strings joined with commas; NULL for
 * anything else. */
static char *
alias_text (JsonNode *node)
{
  g_autoptr (GString) joined = NULL;
  JsonArray *array;

  g_assert (node != NULL);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) == 0)
    return NULL;
  joined = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return NULL;
      g_string_append_printf (joined, "%s%s", i > 0 ? ", " : "", json_node_get_string (element));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static gboolean
apply_document (Loader    *loader,
                CdArticle *article,
                GError   **error)
{
  yaml_node_t *root = yaml_document_get_root_node (loader->doc);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (JsonObject) extra = json_object_new ();

  if (root == NULL)
    return TRUE;
  if (root->type == YAML_SCALAR_NODE && scalar_is_null (root))
    return TRUE;
  if (root->type != YAML_MAPPING_NODE)
    {
      set_error_at_line (error, loader->origin, node_line (root),
                         "the front matter should be “key: value” lines, not %s.",
                         node_kind (root));
      return FALSE;
    }

  for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
       pair < root->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *key = yaml_document_get_node (loader->doc, pair->key);
      yaml_node_t *value = yaml_document_get_node (loader->doc, pair->value);
      const char  *name;

      if (key->type != YAML_SCALAR_NODE)
        {
          set_error_at_line (error, loader->origin, node_line (key),
                             "a key must be text, not %s.", node_kind (key));
          return FALSE;
        }
      name = (const char *) key->data.scalar.value;
      if (!g_hash_table_add (seen, (gpointer) name))
        {
          set_error_at_line (error, loader->origin, node_line (key),
                             "the key “%s” appears twice.", name);
          return FALSE;
        }
      if (!apply_field (loader, article, name, value, extra, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      g_autofree char *text = NULL;

      if (g_hash_table_contains (seen, aliases[i][1]) || !json_object_has_member (extra, aliases[i][0]))
        continue;
      text = alias_text (json_object_get_member (extra, aliases[i][0]));
      if (text != NULL && cd_article_set_field (article, aliases[i][1], text, NULL))
        json_object_remove_member (extra, aliases[i][0]);
    }

  cd_article_set_extra (article, json_object_get_size (extra) > 0 ? extra : NULL);
  return TRUE;
}

static void
set_parser_error (GError       **error,
                  const char    *origin,
                  yaml_parser_t *parser,
                  const char    *yaml,
                  gsize          yaml_length)
{
  gsize line;

  if (parser->error == YAML_READER_ERROR)
    {
      gsize end = MIN (parser->problem_offset, yaml_length);

      line = 1;
      for (gsize i = 0; i < end; i++)
        if (yaml[i] == '\n')
          line++;
      set_error_at_line (error, origin, line, "%s.",
                         parser->problem ? parser->problem : "the text cannot be read");
      return;
    }

  /* For a key without its colon the context mark points at the key itself,
   * which is the line a person has to fix. */
  if (parser->context != NULL && strstr (parser->context, "simple key") != NULL)
    line = parser->context_mark.line + 1;
  else
    line = parser->problem_mark.line + 1;

  if (parser->context != NULL)
    set_error_at_line (error, origin, line, "%s (%s).",
                       parser->problem ? parser->problem : "malformed YAML", parser->context);
  else
    set_error_at_line (error, origin, line, "%s.",
                       parser->problem ? parser->problem : "malformed YAML");
}

/* Reads the events alone, before the document is built, and stops at the
 * first collection nested deeper than the loader accepts: the parser grows
 * slower with each open flow collection, so a deep one must be refused
 * while it is still shallow. The root mapping is one level more than the
 * loader counts. */
static gboolean
check_nesting (const char *yaml,
               gsize       yaml_length,
               const char *origin,
               GError    **error)
{
  yaml_parser_t parser;
  guint         open = 0;
  gboolean      done = FALSE;
  gboolean      ok = TRUE;

  if (!yaml_parser_initialize (&parser))
    g_error ("Out of memory while reading front matter");
  yaml_parser_set_input_string (&parser, (const unsigned char *) yaml, yaml_length);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);
  while (!done)
    {
      yaml_event_t event;

      if (!yaml_parser_parse (&parser, &event))
        {
          set_parser_error (error, origin, &parser, yaml, yaml_length);
          ok = FALSE;
          break;
        }
      switch (event.type)
        {
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          if (++open > MAX_DEPTH + 1)
            {
              set_error_at_line (error, origin, event.start_mark.line + 1,
                                 "the value is nested more than %d levels deep.", MAX_DEPTH);
              ok = FALSE;
              done = TRUE;
            }
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          open--;
          break;
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;
        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        case YAML_ALIAS_EVENT:
        case YAML_SCALAR_EVENT:
        default:
          break;
        }
      yaml_event_delete (&event);
    }
  yaml_parser_delete (&parser);
  return ok;
}

/**
 * cd_front_matter_parse:
 * @text: a Markdown file's text
 * @length: its length in bytes
 * @origin: the file name that messages start with
 * @article: the article that receives the fields
 * @body_offset: (out): where the body starts: just after the closing "---"
 *   line, or 0 when @text has no front matter
 * @error: return location for an error
 *
 * Reads the YAML front matter that opens @text, if any, into @article.
 * Other tools' title, subtitle and author stand for the headline, dek and
 * byline when the file does not name those; keys the article has no field
 * for are kept with cd_article_set_extra().
 *
 * Returns: %FALSE when the front matter is malformed; the message names
 *   the line
 */
gboolean
cd_front_matter_parse (const char *text,
                       gsize       length,
                       const char *origin,
                       CdArticle  *article,
                       gsize      *body_offset,
                       GError    **error)
{
  yaml_parser_t   parser;
  yaml_document_t doc;
  Loader          loader = { 0 };
  gsize           yaml_start = 0, yaml_length = 0, pos, first_eol;
  const char     *eol;
  gboolean        closed = FALSE;
  gboolean        ok;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (body_offset != NULL, FALSE);

  *body_offset = 0;
  eol = memchr (text, '\n', length);
  first_eol = eol ? (gsize) (eol - text) : length;
  if (eol == NULL || !delimiter_line (text, first_eol))
    return TRUE;

  yaml_start = pos = first_eol + 1;
  while (pos < length)
    {
      gsize line_end;

      eol = memchr (text + pos, '\n', length - pos);
      line_end = eol ? (gsize) (eol - text) : length;
      if (delimiter_line (text + pos, line_end - pos))
        {
          yaml_length = pos - yaml_start;
          *body_offset = eol ? line_end + 1 : length;
          closed = TRUE;
          break;
        }
      pos = line_end + 1;
    }
  if (!closed)
    {
      g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_FRONT_MATTER,
                   "%s: the front matter opened by “---” on line 1 has no closing “---” line.",
                   origin);
      return FALSE;
    }

  if (!check_nesting (text + yaml_start, yaml_length, origin, error))
    {
      *body_offset = 0;
      return FALSE;
    }
  if (!yaml_parser_initialize (&parser))
    g_error ("Out of memory while reading front matter");
  yaml_parser_set_input_string (&parser, (const unsigned char *) text + yaml_start, yaml_length);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);
  if (!yaml_parser_load (&parser, &doc))
    {
      set_parser_error (error, origin, &parser, text + yaml_start, yaml_length);
      yaml_parser_delete (&parser);
      *body_offset = 0;
      return FALSE;
    }

  loader.doc = &doc;
  loader.origin = origin;
  ok = apply_document (&loader, article, error);
  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);
  if (!ok)
    *body_offset = 0;
  return ok;
}
