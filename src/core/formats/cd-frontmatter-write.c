/* cd-frontmatter-write.c: an article's fields written as the YAML front
 * matter of a Markdown file, which cd-frontmatter.c reads back. The
 * emitter picks the quoting, so any text survives a round trip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-frontmatter"

#include "config.h"

#include <string.h>
#include <yaml.h>

#include "cd-frontmatter-private.h"
#include "cd-frontmatter.h"

typedef struct
{
  yaml_emitter_t emitter;
  GString       *out;
  gboolean       failed;
} Writer;

static int
write_handler (void          *data,
               unsigned char *buffer,
               size_t         size)
{
  g_string_append_len (data, (const char *) buffer, size);
  return 1;
}

static void
emit (Writer       *w,
      yaml_event_t *event)
{
  if (w->failed)
    {
      yaml_event_delete (event);
      return;
    }
  if (!yaml_emitter_emit (&w->emitter, event))
    {
      g_warning ("Could not write front matter: %s", w->emitter.problem);
      w->failed = TRUE;
    }
}

static void
emit_plain (Writer     *w,
            const char *value)
{
  yaml_event_t event;

  yaml_scalar_event_initialize (&event, NULL, NULL, (yaml_char_t *) value, strlen (value),
                                TRUE, TRUE, YAML_PLAIN_SCALAR_STYLE);
  emit (w, &event);
}

static void
emit_string (Writer     *w,
             const char *value)
{
  g_autofree char    *valid = g_utf8_make_valid (value, -1);
  yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
  yaml_event_t        event;

  if (strchr (valid, '\r') != NULL)
    style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
  else if (strchr (valid, '\n') != NULL)
    style = YAML_LITERAL_SCALAR_STYLE;
  /* A plain scalar that would read back as a number, boolean or null is
   * not implicit, which makes the emitter quote it. */
  yaml_scalar_event_initialize (&event, NULL, NULL, (yaml_char_t *) valid, strlen (valid),
                                !_cd_front_matter_plain_reads_as_non_string (valid), TRUE, style);
  emit (w, &event);
}

static void
emit_sequence_start (Writer  *w,
                     gboolean flow)
{
  yaml_event_t event;

  yaml_sequence_start_event_initialize (&event, NULL, NULL, TRUE,
                                        flow ? YAML_FLOW_SEQUENCE_STYLE
                                             : YAML_BLOCK_SEQUENCE_STYLE);
  emit (w, &event);
}

static void
emit_sequence_end (Writer *w)
{
  yaml_event_t event;

  yaml_sequence_end_event_initialize (&event);
  emit (w, &event);
}

static void
emit_mapping_start (Writer *w)
{
  yaml_event_t event;

  yaml_mapping_start_event_initialize (&event, NULL, NULL, TRUE, YAML_BLOCK_MAPPING_STYLE);
  emit (w, &event);
}

static void
emit_mapping_end (Writer *w)
{
  yaml_event_t event;

  yaml_mapping_end_event_initialize (&event);
  emit (w, &event);
}

static void
emit_time (Writer    *w,
           GDateTime *dt)
{
  g_autofree char *text = NULL;

  if (dt == NULL)
    {
      emit_plain (w, "null");
      return;
    }
  text = cd_format_iso8601 (dt);
  emit_plain (w, text);
}

static void
emit_json (Writer   *w,
           JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr (GList) members = json_object_get_members (object);

        emit_mapping_start (w);
        for (GList *l = members; l != NULL; l = l->next)
          {
            emit_string (w, l->data);
            emit_json (w, json_object_get_member (object, l->data));
          }
        emit_mapping_end (w);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        emit_sequence_start (w, FALSE);
        for (guint i = 0; i < json_array_get_length (array); i++)
          emit_json (w, json_array_get_element (array, i));
        emit_sequence_end (w);
      }
      break;

    case JSON_NODE_NULL:
      emit_plain (w, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);
        char  buffer[G_ASCII_DTOSTR_BUF_SIZE + 2];

        if (type == G_TYPE_BOOLEAN)
          emit_plain (w, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_INT64)
          {
            g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, json_node_get_int (node));
            emit_plain (w, buffer);
          }
        else if (type == G_TYPE_DOUBLE)
          {
            double value = json_node_get_double (node);

            /* The shortest of 15 or 17 digits that reads back the same. */
            g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", value);
            if (g_ascii_strtod (buffer, NULL) != value)
              g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
            /* Keep it a floating-point number when read back. */
            if (strpbrk (buffer, ".eEn") == NULL)
              g_strlcat (buffer, ".0", sizeof buffer);
            if (_cd_front_matter_looks_like_float (buffer))
              emit_plain (w, buffer);
            else
              emit_plain (w, "null");
          }
        else
          emit_string (w, json_node_get_string (node));
      }
      break;
    }
}

static void
emit_text_field (Writer     *w,
                 CdArticle  *article,
                 const char *name)
{
  g_autofree char *value = cd_article_get_field (article, name);
  JsonObject      *extra = cd_article_get_extra (article);

  /* An empty field is left out, unless an unknown key kept beside it would
   * be read as the field without it (an empty headline beside a title). */
  if ((value == NULL || *value == '\0') && !_cd_front_matter_has_alias (extra, name))
    return;
  emit_plain (w, name);
  emit_string (w, value != NULL ? value : "");
}

/**
 * cd_front_matter_format:
 * @article: an article
 *
 * Writes every field but the body as YAML front matter, unknown keys kept
 * from an import included, such that cd_front_matter_parse() gives the
 * same fields back.
 *
 * Returns: (transfer full): the front matter, from the opening "---" line
 *   to the closing one and its newline
 */
char *
cd_front_matter_format (CdArticle *article)
{
  static const char *first_fields[] = {
    "headline",
    "dek",
    "byline",
    "dateline",
    "source",
    "slug",
    "section",
  };
  static const char *later_fields[] = {
    "ednote",
    "image",
    "image_caption",
    "image_credit",
    "image_alt",
  };
  const char *const *tags;
  JsonObject        *extra;
  Writer             w = { 0 };
  yaml_event_t       event;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  w.out = g_string_new ("---\n");
  if (!yaml_emitter_initialize (&w.emitter))
    g_error ("Out of memory while writing front matter");
  yaml_emitter_set_output (&w.emitter, write_handler, w.out);
  yaml_emitter_set_unicode (&w.emitter, TRUE);
  yaml_emitter_set_width (&w.emitter, -1);
  yaml_emitter_set_break (&w.emitter, YAML_LN_BREAK);

  yaml_stream_start_event_initialize (&event, YAML_UTF8_ENCODING);
  emit (&w, &event);
  yaml_document_start_event_initialize (&event, NULL, NULL, NULL, TRUE);
  emit (&w, &event);
  emit_mapping_start (&w);

  emit_plain (&w, "uuid");
  emit_string (&w, cd_article_get_uuid (article));
  for (guint i = 0; i < G_N_ELEMENTS (first_fields); i++)
    emit_text_field (&w, article, first_fields[i]);

  tags = cd_article_get_tags (article);
  if (tags != NULL && tags[0] != NULL)
    {
      emit_plain (&w, "tags");
      emit_sequence_start (&w, TRUE);
      for (guint i = 0; tags[i] != NULL; i++)
        emit_string (&w, tags[i]);
      emit_sequence_end (&w);
    }

  emit_plain (&w, "status");
  emit_plain (&w, cd_article_status_to_string (cd_article_get_status (article)));
  if (cd_article_get_embargo (article) != NULL)
    {
      emit_plain (&w, "embargo");
      emit_time (&w, cd_article_get_embargo (article));
    }
  if (cd_article_get_length_target (article) > 0)
    {
      char words[16];

      g_snprintf (words, sizeof words, "%u", cd_article_get_length_target (article));
      emit_plain (&w, "length_target");
      emit_plain (&w, words);
    }

  /* A new article has a language and times, so their absence is written
   * out as null for it to survive a round trip. */
  emit_plain (&w, "language");
  if (cd_article_get_language (article) && *cd_article_get_language (article))
    emit_string (&w, cd_article_get_language (article));
  else
    emit_plain (&w, "null");

  for (guint i = 0; i < G_N_ELEMENTS (later_fields); i++)
    emit_text_field (&w, article, later_fields[i]);

  emit_plain (&w, "created");
  emit_time (&w, cd_article_get_created (article));
  emit_plain (&w, "modified");
  emit_time (&w, cd_article_get_modified (article));

  if (cd_article_get_n_corrections (article) > 0)
    {
      emit_plain (&w, "corrections");
      emit_sequence_start (&w, FALSE);
      for (guint i = 0; i < cd_article_get_n_corrections (article); i++)
        {
          const CdCorrection *c = cd_article_get_correction (article, i);

          emit_mapping_start (&w);
          emit_plain (&w, "date");
          emit_time (&w, c->date);
          emit_plain (&w, "note");
          emit_string (&w, c->note);
          emit_mapping_end (&w);
        }
      emit_sequence_end (&w);
    }

  extra = cd_article_get_extra (article);
  if (extra != NULL)
    {
      g_autoptr (GList) members = json_object_get_members (extra);

      for (GList *l = members; l != NULL; l = l->next)
        {
          /* An extra key never shadows a real field. */
          if (cd_article_has_field (l->data) && !g_str_equal (l->data, "body"))
            continue;
          if (g_str_equal (l->data, "corrections"))
            continue;
          emit_string (&w, l->data);
          emit_json (&w, json_object_get_member (extra, l->data));
        }
    }

  emit_mapping_end (&w);
  yaml_document_end_event_initialize (&event, TRUE);
  emit (&w, &event);
  yaml_stream_end_event_initialize (&event);
  emit (&w, &event);
  yaml_emitter_flush (&w.emitter);
  yaml_emitter_delete (&w.emitter);

  if (w.out->len > 0 && w.out->str[w.out->len - 1] != '\n')
    g_string_append_c (w.out, '\n');
  g_string_append (w.out, "---\n");
  return g_string_free (w.out, FALSE);
}
