/* cd-store-articles.c: the articles table, their bodies and the full-text
 * index over them: reading, saving and listing articles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-store"

#include "config.h"

#include <string.h>

#include "cd-article-json.h"
#include "cd-json.h"
#include "cd-store.h"
#include "cd-store-private.h"

/* The columns a listing reads, everything but the body, in the order
 * row_to_article() expects them. */
#define SUMMARY_COLUMNS                                                            \
  "a.uuid, a.headline, a.dek, a.byline, a.dateline, a.source, a.slug, a.section, " \
  "a.tags, a.status, a.embargo, a.length_target, a.language, a.image, "            \
  "a.image_caption, a.image_credit, a.created, a.modified, a.word_count, "         \
  "a.corrections, a.extra, a.ednote, a.image_alt"
#define ARTICLE_COLUMNS SUMMARY_COLUMNS ", b.body"

enum
{
  COL_UUID,
  COL_HEADLINE,
  COL_DEK,
  COL_BYLINE,
  COL_DATELINE,
  COL_SOURCE,
  COL_SLUG,
  COL_SECTION,
  COL_TAGS,
  COL_STATUS,
  COL_EMBARGO,
  COL_LENGTH_TARGET,
  COL_LANGUAGE,
  COL_IMAGE,
  COL_IMAGE_CAPTION,
  COL_IMAGE_CREDIT,
  COL_CREATED,
  COL_MODIFIED,
  COL_WORD_COUNT,
  COL_CORRECTIONS,
  COL_EXTRA,
  COL_EDNOTE,
  COL_IMAGE_ALT,
  COL_BODY,
};

static GQuark
word_count_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cd-store-word-count");
  return quark;
}

/* JSON columns: NULL when there is nothing to keep. */

static char *
tags_to_json (CdArticle *article)
{
  const char *const *tags = cd_article_get_tags (article);
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) root = NULL;

  g_assert (CD_IS_ARTICLE (article));

  if (tags == NULL || tags[0] == NULL)
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
corrections_to_json (CdArticle *article)
{
  g_autoptr (JsonNode) node = NULL;
  JsonNode *corrections;

  g_assert (CD_IS_ARTICLE (article));

  if (cd_article_get_n_corrections (article) == 0)
    return NULL;
  /* The snapshot form writes corrections the way from_json reads them. */
  node = cd_article_to_json_node (article, CD_ARTICLE_JSON_DEFAULT);
  corrections = json_object_get_member (json_node_get_object (node), "corrections");
  return json_to_string (corrections, FALSE);
}

static char *
extra_to_json (CdArticle *article)
{
  JsonObject *extra = cd_article_get_extra (article);
  g_autoptr (JsonNode) node = NULL;

  g_assert (CD_IS_ARTICLE (article));

  if (extra == NULL || json_object_get_size (extra) == 0)
    return NULL;
  node = json_node_alloc ();
  json_node_init_object (node, extra);
  return json_to_string (node, FALSE);
}

/* Tags are read for every row of a listing, and a JSON parser costs more
 * than the rest of the row. The column always holds an array of strings
 * as json-glib writes it, ["a","b"]; when it has no backslash, no string
 * in it has an escape, so the strings are exactly the text between the
 * quotes. Anything else goes through the parser. */
static gboolean
read_plain_tags (CdArticle  *article,
                 const char *text)
{
  g_autoptr (GPtrArray) tags = NULL;
  const char *p = text;

  g_assert (CD_IS_ARTICLE (article));
  g_assert (text != NULL);

  if (strchr (text, '\\') != NULL || *p++ != '[')
    return FALSE;
  tags = g_ptr_array_new_with_free_func (g_free);
  while (*p == '"')
    {
      const char *end = strchr (p + 1, '"');

      if (end == NULL)
        return FALSE;
      g_ptr_array_add (tags, g_strndup (p + 1, end - p - 1));
      p = end + 1;
      if (*p == ',')
        p++;
    }
  if (p[0] != ']' || p[1] != '\0')
    return FALSE;
  g_ptr_array_add (tags, NULL);
  cd_article_set_tags (article, (const char *const *) tags->pdata);
  return TRUE;
}

/* Reads the JSON columns back through the article JSON reader, so that a
 * damaged column is caught by the same checks as a damaged snapshot: each
 * column's value goes into an object {"uuid", KEY: value} that the reader
 * turns into an article, whose field is then taken over. One parser is
 * reused for a whole listing. */
static void
read_json_columns (JsonParser   *parser,
                   CdArticle    *article,
                   sqlite3_stmt *stmt)
{
  static const struct
  {
    int         column;
    const char *key;
  } json_columns[] = {
    {COL_TAGS,         "tags"       },
    { COL_CORRECTIONS, "corrections"},
    { COL_EXTRA,       "extra"      },
  };

  g_assert (JSON_IS_PARSER (parser));
  g_assert (CD_IS_ARTICLE (article));
  g_assert (stmt != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (json_columns); i++)
    {
      const char *text = _cd_store_column_text (stmt, json_columns[i].column);
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonObject) wrapper = NULL;
      g_autoptr (JsonNode) node = NULL;
      g_autoptr (CdArticle) parsed = NULL;

      if (text == NULL)
        continue;
      if (json_columns[i].column == COL_TAGS && read_plain_tags (article, text))
        continue;
      if (cd_json_check_depth (text, strlen (text), CD_JSON_MAX_DEPTH, &error) &&
          json_parser_load_from_data (parser, text, -1, &error))
        {
          wrapper = json_object_new ();
          json_object_set_string_member (wrapper, "uuid", cd_article_get_uuid (article));
          json_object_set_member (wrapper, json_columns[i].key,
                                  json_node_copy (json_parser_get_root (parser)));
          node = json_node_init_object (json_node_alloc (), wrapper);
          parsed = cd_article_from_json_node (node, &error);
        }
      if (parsed == NULL)
        {
          g_warning ("Article %s has a damaged %s column in the store: %s",
                     cd_article_get_uuid (article), json_columns[i].key, error->message);
          continue;
        }

      switch (json_columns[i].column)
        {
        case COL_TAGS:
          cd_article_set_tags (article, cd_article_get_tags (parsed));
          break;
        case COL_EXTRA:
          cd_article_set_extra (article, cd_article_get_extra (parsed));
          break;
        case COL_CORRECTIONS:
          for (guint c = 0; c < cd_article_get_n_corrections (parsed); c++)
            {
              const CdCorrection *correction = cd_article_get_correction (parsed, c);
              cd_article_add_correction (article, correction->date, correction->note);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static GDateTime *
column_datetime (sqlite3_stmt *stmt,
                 int           column)
{
  g_assert (stmt != NULL);

  return cd_parse_iso8601 (_cd_store_column_text (stmt, column));
}

/* Builds an article from a row of SUMMARY_COLUMNS or ARTICLE_COLUMNS. */
static CdArticle *
row_to_article (sqlite3_stmt *stmt,
                JsonParser   *parser,
                gboolean      with_body)
{
  static const struct
  {
    int column;
    void (*set) (CdArticle  *article,
                 const char *value);
  } text_columns[] = {
    {COL_UUID,           cd_article_set_uuid         },
    { COL_HEADLINE,      cd_article_set_headline     },
    { COL_DEK,           cd_article_set_dek          },
    { COL_BYLINE,        cd_article_set_byline       },
    { COL_DATELINE,      cd_article_set_dateline     },
    { COL_SOURCE,        cd_article_set_source       },
    { COL_SLUG,          cd_article_set_slug         },
    { COL_SECTION,       cd_article_set_section      },
    { COL_LANGUAGE,      cd_article_set_language     },
    { COL_IMAGE,         cd_article_set_image        },
    { COL_IMAGE_CAPTION, cd_article_set_image_caption},
    { COL_IMAGE_CREDIT,  cd_article_set_image_credit },
    { COL_EDNOTE,        cd_article_set_ednote       },
    { COL_IMAGE_ALT,     cd_article_set_image_alt    },
  };
  CdArticle *article = g_object_new (CD_TYPE_ARTICLE, NULL);
  g_autoptr (GDateTime) embargo = column_datetime (stmt, COL_EMBARGO);
  g_autoptr (GDateTime) created = column_datetime (stmt, COL_CREATED);
  g_autoptr (GDateTime) modified = column_datetime (stmt, COL_MODIFIED);
  CdArticleStatus status = CD_ARTICLE_STATUS_DRAFT;

  g_assert (stmt != NULL);
  g_assert (JSON_IS_PARSER (parser));

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    text_columns[i].set (article, _cd_store_column_text (stmt, text_columns[i].column));
  if (cd_article_status_from_name (_cd_store_column_text (stmt, COL_STATUS), &status))
    cd_article_set_status (article, status);
  cd_article_set_embargo (article, embargo);
  cd_article_set_created (article, created);
  cd_article_set_modified (article, modified);
  cd_article_set_length_target (article, sqlite3_column_int64 (stmt, COL_LENGTH_TARGET));
  read_json_columns (parser, article, stmt);

  if (with_body)
    cd_article_set_body (article, _cd_store_column_text (stmt, COL_BODY));
  else
    g_object_set_qdata (G_OBJECT (article), word_count_quark (),
                        GUINT_TO_POINTER (sqlite3_column_int (stmt, COL_WORD_COUNT)));
  return article;
}

/**
 * cd_store_summary_get_word_count:
 * @article: an article from a listing, or any article
 *
 * Articles from cd_store_list_articles() have no body, to keep listings
 * fast; the store keeps each article's word count in its row and hands it
 * over with the summary. For an article that has a body, this counts it.
 *
 * Returns: the number of words in the article's body
 */
guint
cd_store_summary_get_word_count (CdArticle *article)
{
  g_return_val_if_fail (CD_IS_ARTICLE (article), 0);

  if (cd_article_get_body (article) != NULL)
    return cd_article_get_word_count (article);
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (article), word_count_quark ()));
}

CdArticle *
_cd_store_get_article_locked (CdStore    *self,
                              const char *uuid,
                              GError    **error)
{
  static const char sql[] =
      "SELECT " ARTICLE_COLUMNS " FROM articles a"
      " LEFT JOIN article_bodies b ON b.article_id = a.id WHERE a.uuid = ?";
  g_autoptr (CdStoreCachedStmt) stmt = NULL;
  g_autoptr (JsonParser) parser = NULL;
  int rc;

  g_assert (CD_IS_STORE (self));
  g_assert (uuid != NULL);

  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_ARTICLE_GET, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CD_STORE_ERROR, CD_STORE_ERROR_NOT_FOUND,
                   "There is no article with the uuid “%s”.", uuid);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _cd_store_set_error (self, error, rc, "read the article");
      return NULL;
    }
  parser = json_parser_new ();
  return row_to_article (stmt, parser, TRUE);
}

/**
 * cd_store_get_article:
 * @uuid: the article's uuid
 * @error: return location for an error; %CD_STORE_ERROR_NOT_FOUND when no
 *   article has @uuid
 *
 * Gets an article with every field, from the trash too.
 *
 * Returns: (transfer full) (nullable): the article
 */
CdArticle *
cd_store_get_article (CdStore    *self,
                      const char *uuid,
                      GError    **error)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  return _cd_store_get_article_locked (self, uuid, error);
}

gboolean
_cd_store_article_exists_locked (CdStore    *self,
                                 const char *uuid)
{
  static const char sql[] = "SELECT 1 FROM articles WHERE uuid = ?";
  g_autoptr (CdStoreCachedStmt) stmt = NULL;

  g_assert (CD_IS_STORE (self));
  g_assert (uuid != NULL);

  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_ARTICLE_EXISTS, sql, NULL)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * cd_store_has_article:
 *
 * Returns: %TRUE when an article with @uuid is in the store or its trash
 */
gboolean
cd_store_has_article (CdStore    *self,
                      const char *uuid)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  return _cd_store_article_exists_locked (self, uuid);
}

static gint64
datetime_to_unix_usec (GDateTime *datetime)
{
  if (datetime == NULL)
    return 0;
  return g_date_time_to_unix (datetime) * G_USEC_PER_SEC + g_date_time_get_microsecond (datetime);
}

static gboolean
upsert_article (CdStore   *self,
                CdArticle *article,
                GError   **error)
{
  static const char sql[] =
      "INSERT INTO articles (uuid, headline, dek, byline, dateline, source, slug, section,"
      "  tags, status, embargo, length_target, language, image, image_caption, image_credit,"
      "  created, modified, modified_us, word_count, corrections, extra, ednote, image_alt)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
      "  ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)"
      " ON CONFLICT (uuid) DO UPDATE SET headline = ?2, dek = ?3, byline = ?4,"
      "  dateline = ?5, source = ?6, slug = ?7, section = ?8, tags = ?9, status = ?10,"
      "  embargo = ?11, length_target = ?12, language = ?13, image = ?14,"
      "  image_caption = ?15, image_credit = ?16, created = ?17, modified = ?18,"
      "  modified_us = ?19, word_count = ?20, corrections = ?21, extra = ?22,"
      "  ednote = ?23, image_alt = ?24";
  /* The text columns as they are, by their parameter in sql. */
  static const struct
  {
    int index;
    const char *(*get) (CdArticle *article);
  } text_fields[] = {
    {1,   cd_article_get_uuid         },
    { 2,  cd_article_get_headline     },
    { 3,  cd_article_get_dek          },
    { 4,  cd_article_get_byline       },
    { 5,  cd_article_get_dateline     },
    { 6,  cd_article_get_source       },
    { 7,  cd_article_get_slug         },
    { 8,  cd_article_get_section      },
    { 13, cd_article_get_language     },
    { 14, cd_article_get_image        },
    { 15, cd_article_get_image_caption},
    { 16, cd_article_get_image_credit },
    { 23, cd_article_get_ednote       },
    { 24, cd_article_get_image_alt    },
  };
  /* An unchanged body is not written again, nor indexed again. */
  static const char body_sql[] =
      "INSERT INTO article_bodies (article_id, body)"
      " VALUES ((SELECT id FROM articles WHERE uuid = ?1), ?2)"
      " ON CONFLICT (article_id) DO UPDATE SET body = excluded.body"
      "  WHERE article_bodies.body IS NOT excluded.body";
  g_autoptr (CdStoreCachedStmt) stmt = NULL;
  g_autoptr (CdStoreCachedStmt) body_stmt = NULL;
  g_autofree char *tags = tags_to_json (article);
  g_autofree char *corrections = corrections_to_json (article);
  g_autofree char *extra = extra_to_json (article);
  g_autofree char *embargo = cd_datetime_to_json_string (cd_article_get_embargo (article));
  g_autofree char *created = cd_datetime_to_json_string (cd_article_get_created (article));
  g_autofree char *modified = cd_datetime_to_json_string (cd_article_get_modified (article));

  g_assert (CD_IS_STORE (self));
  g_assert (CD_IS_ARTICLE (article));

  if ((stmt = _cd_store_statement (self, CD_STORE_STMT_ARTICLE_UPSERT, sql, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    _cd_store_bind_text (stmt, text_fields[i].index, text_fields[i].get (article));
  _cd_store_bind_text (stmt, 9, tags);
  _cd_store_bind_text (stmt, 10, cd_article_status_to_string (cd_article_get_status (article)));
  _cd_store_bind_text (stmt, 11, embargo);
  sqlite3_bind_int64 (stmt, 12, cd_article_get_length_target (article));
  _cd_store_bind_text (stmt, 17, created);
  _cd_store_bind_text (stmt, 18, modified);
  sqlite3_bind_int64 (stmt, 19, datetime_to_unix_usec (cd_article_get_modified (article)));
  sqlite3_bind_int64 (stmt, 20, cd_article_get_word_count (article));
  _cd_store_bind_text (stmt, 21, corrections);
  _cd_store_bind_text (stmt, 22, extra);
  if (!_cd_store_step_done (self, stmt, "save the article", error))
    return FALSE;

  if ((body_stmt = _cd_store_statement (self, CD_STORE_STMT_BODY_UPSERT, body_sql, error)) ==
      NULL)
    return FALSE;
  _cd_store_bind_text (body_stmt, 1, cd_article_get_uuid (article));
  _cd_store_bind_text (body_stmt, 2, cd_article_get_body (article));
  return _cd_store_step_done (self, body_stmt, "save the article's body", error);
}

gboolean
_cd_store_save_article_locked (CdStore         *self,
                               CdArticle       *article,
                               CdRevisionReason reason,
                               const char      *name,
                               GError         **error)
{
  return _cd_store_save_article_with_snapshot (self, article, reason, name, NULL, error);
}

gboolean
_cd_store_save_article_with_snapshot (CdStore         *self,
                                      CdArticle       *article,
                                      CdRevisionReason reason,
                                      const char      *name,
                                      const char      *snapshot,
                                      GError         **error)
{
  const char *uuid;
  gboolean    is_new;

  g_assert (CD_IS_STORE (self));
  g_assert (CD_IS_ARTICLE (article));
  g_assert (cd_article_get_uuid (article) != NULL);

  /* A first save is a new article, announced as one (import, New,
   * Duplicate) unless it came from the CMS. */
  uuid = cd_article_get_uuid (article);
  is_new = !_cd_store_article_exists_locked (self, uuid);
  if (!upsert_article (self, article, error))
    return FALSE;
  if (reason != CD_REVISION_NONE &&
      !_cd_store_insert_revision (self, article, reason, name, snapshot, error))
    return FALSE;
  if (reason != CD_REVISION_PULLED && reason != CD_REVISION_MERGED &&
      !_cd_store_queue_article (self, uuid, error))
    return FALSE;
  _cd_store_announce_one (self, _cd_store_change_reason_for_save (reason, is_new), uuid);
  return TRUE;
}

/**
 * cd_store_save_article:
 * @article: the article, stored exactly as given (its modified time too:
 *   call cd_article_touch() when a person changed it)
 * @reason: why; anything but %CD_REVISION_NONE also records a revision
 * @name: (nullable): the revision's name, for %CD_REVISION_NAMED
 * @error: return location for an error
 *
 * Inserts the article or updates the one with its uuid, in one
 * transaction with its revision and, unless the change came from the CMS
 * (%CD_REVISION_PULLED, %CD_REVISION_MERGED), an outbox entry. An article
 * in the trash stays there.
 *
 * Returns: %TRUE once the change is committed
 */
gboolean
cd_store_save_article (CdStore         *self,
                       CdArticle       *article,
                       CdRevisionReason reason,
                       const char      *name,
                       GError         **error)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (cd_article_get_uuid (article) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return FALSE;
  if (!_cd_store_save_article_locked (self, article, reason, name, error))
    {
      _cd_store_rollback (self);
      return FALSE;
    }
  return _cd_store_commit (self, error);
}

/**
 * cd_store_edit_article:
 * @uuid: the article to change
 * @edit: (scope call): changes the article it is given
 * @user_data: for @edit
 * @error: return location for an error
 *
 * Reads the article, lets @edit change it and saves it as a person's edit
 * (a new modified time, a revision, an outbox entry), all in one write
 * transaction, so that two processes changing different fields of one
 * article at once both keep their change. When @edit changes nothing,
 * nothing is written.
 *
 * Returns: %TRUE when the change is committed or there was none
 */
gboolean
cd_store_edit_article (CdStore        *self,
                       const char     *uuid,
                       CdStoreEditFunc edit,
                       gpointer        user_data,
                       GError        **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdArticle) before = NULL;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return FALSE;
  if ((article = _cd_store_get_article_locked (self, uuid, error)) == NULL)
    {
      _cd_store_rollback (self);
      return FALSE;
    }
  before = cd_article_copy (article);
  if (!edit (article, user_data, error))
    {
      _cd_store_rollback (self);
      return FALSE;
    }
  if (cd_article_equal (article, before))
    {
      _cd_store_rollback (self);
      return TRUE;
    }
  cd_article_touch (article);
  if (!_cd_store_save_article_locked (self, article, CD_REVISION_EDITED, NULL, error))
    {
      _cd_store_rollback (self);
      return FALSE;
    }
  return _cd_store_commit (self, error);
}

/* Makes an FTS5 query from whatever a person typed: each run of text
 * between spaces becomes a quoted prefix phrase of its words, all of which
 * must match, so that quotes, brackets and operators in the input are plain
 * text and never a syntax error, and "S&P", "U.S." or "Emilia-Romagna"
 * find those words side by side rather than any two words anywhere.
 * Returns NULL when the text has no word. */
static char *
make_fts_query (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString         *query = g_string_new (NULL);
  const char      *p = valid;

  g_assert (text != NULL);

  while (*p != '\0')
    {
      gboolean in_phrase = FALSE;

      /* One run of text between spaces. */
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          const char *start;
          gunichar    c = g_utf8_get_char (p);

          if (!g_unichar_isalnum (c) && !g_unichar_ismark (c))
            {
              p = g_utf8_next_char (p);
              continue;
            }
          start = p;
          while (*p != '\0' &&
                 (g_unichar_isalnum (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p))))
            p = g_utf8_next_char (p);
          if (!in_phrase)
            g_string_append (query, query->len > 0 ? " \"" : "\"");
          else
            g_string_append_c (query, ' ');
          g_string_append_len (query, start, p - start);
          in_phrase = TRUE;
        }
      if (in_phrase)
        g_string_append (query, "\"*");
      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

static const char *const sort_names[] = {
  [CD_STORE_SORT_MODIFIED] = "modified",
  [CD_STORE_SORT_CREATED] = "created",
  [CD_STORE_SORT_HEADLINE] = "headline",
  [CD_STORE_SORT_EMBARGO] = "embargo",
};

/**
 * cd_store_sort_to_string:
 *
 * Returns: the name of @sort as settings and the command line write it
 * ("modified", "created", "headline", "embargo")
 */
const char *
cd_store_sort_to_string (CdStoreSort sort)
{
  g_return_val_if_fail (sort < CD_STORE_N_SORTS, NULL);
  return sort_names[sort];
}

/**
 * cd_store_sort_from_string:
 *
 * Returns: whether @text names a sort
 */
gboolean
cd_store_sort_from_string (const char  *text,
                           CdStoreSort *sort)
{
  g_return_val_if_fail (sort != NULL, FALSE);

  for (guint i = 0; i < CD_STORE_N_SORTS; i++)
    if (g_strcmp0 (text, sort_names[i]) == 0)
      {
        *sort = i;
        return TRUE;
      }
  return FALSE;
}

static GPtrArray *
list_articles (CdStore            *self,
               const CdStoreQuery *query,
               GCancellable       *cancellable,
               GError            **error)
{
  static const CdStoreQuery all = { NULL, -1, FALSE, 0, CD_STORE_SORT_MODIFIED };
  static const char *const  orders[] = {
     [CD_STORE_SORT_MODIFIED] = "a.modified_us DESC",
     /* Times are ISO 8601 with their own offsets: compared as instants. */
     [CD_STORE_SORT_CREATED] = "julianday (a.created) IS NULL, julianday (a.created) DESC, "
                                "a.modified_us DESC",
     [CD_STORE_SORT_HEADLINE] = "coalesce (a.headline, '') = '', a.headline COLLATE NOCASE, "
                                 "a.modified_us DESC",
     [CD_STORE_SORT_EMBARGO] = "julianday (a.embargo) IS NULL, julianday (a.embargo), "
                                "a.modified_us DESC",
  };
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GString) sql = g_string_new ("SELECT " SUMMARY_COLUMNS);
  g_autoptr (CdStoreOwnedStmt) stmt = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *fts_query = NULL;
  int              rc;

  g_assert (CD_IS_STORE (self));

  if (query == NULL)
    query = &all;
  g_assert (query->status < (int) CD_ARTICLE_N_STATUSES);
  g_assert (query->sort < CD_STORE_N_SORTS);

  articles = g_ptr_array_new_with_free_func (g_object_unref);
  if (query->search != NULL && *query->search != '\0')
    {
      fts_query = make_fts_query (query->search);
      if (fts_query == NULL)
        return g_steal_pointer (&articles);
      /* Rank and cut in the index first, then read the few rows shown.
       * The trash and status filters are sets of ids from their indexes
       * (the trash is small), so ranking never visits the articles. */
      g_string_append (sql, " FROM (SELECT rowid AS id,"
                            "  bm25 (articles_fts, 10.0, 4.0, 1.0) AS score"
                            "  FROM articles_fts WHERE articles_fts MATCH ?1");
      g_string_append (sql, query->trashed ? " AND rowid IN" : " AND rowid NOT IN");
      g_string_append (sql, " (SELECT id FROM articles WHERE trashed_at IS NOT NULL)");
      if (query->status >= 0)
        g_string_append (sql, " AND rowid IN (SELECT id FROM articles WHERE status = ?2)");
      g_string_append (sql, " ORDER BY score");
      if (query->limit > 0)
        g_string_append_printf (sql, " LIMIT %u", query->limit);
      g_string_append (sql, ") hits JOIN articles a ON a.id = hits.id"
                            " ORDER BY hits.score, a.modified_us DESC");
    }
  else
    {
      g_string_append (sql, " FROM articles a WHERE");
      g_string_append (sql, query->trashed ? " a.trashed_at IS NOT NULL"
                                           : " a.trashed_at IS NULL");
      if (query->status >= 0)
        g_string_append (sql, " AND a.status = ?2");
      if (query->trashed && query->sort == CD_STORE_SORT_MODIFIED)
        g_string_append (sql, " ORDER BY a.trashed_at DESC, a.modified_us DESC");
      else
        g_string_append_printf (sql, " ORDER BY %s", orders[query->sort]);
      if (query->limit > 0)
        g_string_append_printf (sql, " LIMIT %u", query->limit);
    }

  locker = g_mutex_locker_new (&self->mutex);
  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cd_store_set_error (self, error, rc, "list the articles");
      return NULL;
    }
  if (fts_query != NULL)
    sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_TRANSIENT);
  if (query->status >= 0)
    sqlite3_bind_text (stmt, 2, cd_article_status_to_string (query->status), -1,
                       SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (articles, row_to_article (stmt, parser, FALSE));
      /* A search typed on is cancelled: let go of the store soon. */
      if (articles->len % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      _cd_store_set_error (self, error, rc, "list the articles");
      return NULL;
    }
  return g_steal_pointer (&articles);
}

/**
 * cd_store_list_articles:
 * @query: (nullable): which articles; %NULL lists every live article
 * @error: return location for an error
 *
 * Lists article summaries: every field but the body (see
 * cd_store_summary_get_word_count()). Without a search they come newest
 * modified first (the trash: most recently trashed first); with one, best
 * match first (bm25, a headline match weighing most). A search with no
 * words in it matches nothing.
 *
 * Returns: (transfer container) (element-type CdArticle): the summaries
 */
GPtrArray *
cd_store_list_articles (CdStore            *self,
                        const CdStoreQuery *query,
                        GError            **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (query == NULL || query->status < (int) CD_ARTICLE_N_STATUSES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_articles (self, query, NULL, error);
}

typedef struct
{
  CdStoreQuery query;
  char        *search;
} ListData;

static void
list_data_free (ListData *data)
{
  g_assert (data != NULL);

  g_free (data->search);
  g_free (data);
}

static void
list_articles_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  ListData  *data = task_data;
  GError    *error = NULL;
  GPtrArray *articles;

  g_assert (G_IS_TASK (task));
  g_assert (CD_IS_STORE (source_object));
  g_assert (task_data != NULL);

  articles = list_articles (source_object, &data->query, cancellable, &error);
  if (articles == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, articles, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * cd_store_list_articles_async:
 * @query: (nullable): which articles; copied, so it need not outlive the call
 * @cancellable: (nullable): cancelling it ends a long listing early with
 *   %G_IO_ERROR_CANCELLED, as when a search is typed on
 *
 * Lists articles in a worker thread; see cd_store_list_articles().
 */
void
cd_store_list_articles_async (CdStore            *self,
                              const CdStoreQuery *query,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  ListData *data;

  g_return_if_fail (CD_IS_STORE (self));
  g_return_if_fail (query == NULL || query->status < (int) CD_ARTICLE_N_STATUSES);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ListData, 1);
  if (query != NULL)
    {
      data->query = *query;
      data->search = g_strdup (query->search);
    }
  else
    data->query.status = -1;
  data->query.search = data->search;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_store_list_articles_async);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  g_task_run_in_thread (task, list_articles_thread);
}

/**
 * cd_store_list_articles_finish:
 *
 * Returns: (transfer container) (element-type CdArticle): the summaries
 */
GPtrArray *
cd_store_list_articles_finish (CdStore      *self,
                               GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (CD_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cd_store_list_articles_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
