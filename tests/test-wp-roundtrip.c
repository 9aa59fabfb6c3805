/* test-wp-roundtrip.c: block posts through the sync engine and back,
 * against a real WordPress 6.1 on loopback, judged by the bytes WordPress
 * stores and by WordPress's own parse_blocks() (tests/wp-blocks-oracle.php).
 *
 * Every fixture of tests/data/blocks is posted six times by a colleague
 * (plain REST, as the block editor would save it), pulled, edited here in
 * one way each (no edit, the headline, one paragraph, a paragraph added, a
 * block moved, a block deleted), pushed, and read back with context=edit.
 * The content must be exactly what the edit implies: every block nobody
 * touched keeps its bytes, new text is a block as the editor writes it. A
 * must-use plugin of the test server records which fields each write sent,
 * so the test also sees that a headline edit sent the title alone and an
 * unedited body no content. The round-trip table goes to the test log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cd-store.h"
#include "cd-sync-db.h"
#include "cd-sync.h"
#include "cd-test-sync.h"
#include "cd-test-wordpress.h"
#include "cd-test-wp-oracle.h"
#include "cd-wp-blocks.h"
#include "cd-wp-content.h"
#include "cd-wordpress.h"

#define ACCOUNT "newsroom"
/* The name of the span of an end of a layout block opened up. */
#define LAYOUT_END "(layout end)"
#define EDITED " Edited here."
#define ADDED "Added by Copydesk."

typedef enum
{
  CASE_NO_EDIT,
  CASE_HEADLINE,
  CASE_PARAGRAPH,
  CASE_ADDED,
  CASE_MOVED,
  CASE_DELETED,
  N_CASES
} Case;

static const char *const case_names[N_CASES] = {
  "no edit",
  "headline edit",
  "paragraph edited",
  "paragraph added",
  "block moved",
  "block deleted",
};

static CdTestWordpress *wp;
static char            *wp_start_error;

/* One top-level unit of post content, as the body shows it. */
typedef struct
{
  gsize       start;
  gsize       end;
  const char *name; /* the block's name; NULL for HTML between blocks */
  CdWpBlock  *block;
} Span;

/* One post of the round trip. */
typedef struct
{
  char *fixture;
  Case  kase;
  char *remote_id;
  char *stored;       /* what WordPress stored when the colleague saved it */
  char *headline;     /* the title expected back */
  char *expected;     /* the content expected back; NULL: no exact form (a classic
                       * post's edited text that is not plain in the post) */
  char    *names;     /* top-level block names WordPress must parse back, or NULL */
  char    *must_have; /* text the content must hold, or NULL */
  gboolean applicable;
  gboolean classic;
} Post;

static void
post_free (Post *post)
{
  g_free (post->fixture);
  g_free (post->remote_id);
  g_free (post->stored);
  g_free (post->headline);
  g_free (post->expected);
  g_free (post->names);
  g_free (post->must_have);
  g_free (post);
}

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

static gboolean
need_oracle (void)
{
  const char *missing = cd_test_oracle_missing ();

  if (missing == NULL)
    return TRUE;
  g_test_skip (missing);
  return FALSE;
}

/* REST as the colleague. */
static JsonNode *
rest (const char *method,
      const char *path,
      const char *json)
{
  return cd_test_wordpress_rest (wp, method, path, wp->other_user, wp->other_password, json,
                                 NULL);
}

static JsonNode *
rest_admin (const char *method,
            const char *path)
{
  return cd_test_wordpress_rest (wp, method, path, wp->user, wp->password, NULL, NULL);
}

/* A new site has a sample post; the round trip starts from an empty one. */
static void
remove_sample_posts (void)
{
  g_autoptr (JsonNode) posts = rest ("GET", "/wp/v2/posts?status=any&context=edit&per_page=100",
                                     NULL);
  JsonArray *array = json_node_get_array (posts);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64           id = json_object_get_int_member (json_array_get_object_element (array, i), "id");
      g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT "?force=true", id);
      g_autoptr (JsonNode) deleted = rest ("DELETE", path, NULL);
    }
}

static char *
raw_member (JsonNode   *post,
            const char *member)
{
  JsonObject *object = json_object_get_object_member (json_node_get_object (post), member);

  return g_strdup (json_object_get_string_member (object, "raw"));
}

static char *
create_post (const char *title,
             const char *content,
             char      **stored)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) request = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "draft");
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  json = json_to_string (request, FALSE);
  reply = rest ("POST", "/wp/v2/posts?context=edit", json);
  *stored = raw_member (reply, "content");
  return g_strdup_printf ("%" G_GINT64_FORMAT,
                          json_object_get_int_member (json_node_get_object (reply), "id"));
}

static gboolean
is_blank (const char *text,
          gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* Adds the span from @start to @end, trimmed of white space, named @name,
 * for @block; nothing for white space alone. */
static void
add_span (GArray     *spans,
          const char *content,
          gsize       start,
          gsize       end,
          const char *name,
          CdWpBlock  *block)
{
  Span span = { start, end, name, block };

  while (span.start < span.end && g_ascii_isspace (content[span.start]))
    span.start++;
  while (span.end > span.start && g_ascii_isspace (content[span.end - 1]))
    span.end--;
  if (span.start < span.end)
    g_array_append_val (spans, span);
}

/* Adds @block's span; a layout block the body opened up (its next unit,
 * of @units of @body, is the block's opening markup alone) as its two
 * ends, named LAYOUT_END, with its inner blocks' spans between them. */
static void
add_block_spans (GArray     *spans,
                 const char *content,
                 CdWpBlock  *block,
                 const char *body,
                 GArray     *units)
{
  if (block->inner_blocks->len > 0 && spans->len < units->len &&
      g_array_index (units, CdWpUnit, spans->len).kind == CD_WP_UNIT_BLOCK)
    {
      const CdWpUnit  *head = &g_array_index (units, CdWpUnit, spans->len);
      CdWpBlock       *first = g_ptr_array_index (block->inner_blocks, 0);
      CdWpBlock       *last = g_ptr_array_index (block->inner_blocks, block->inner_blocks->len - 1);
      g_autofree char *opening = g_strchomp (g_strndup (content + block->start, first->start - block->start));

      if (head->markup_end - head->markup_start == strlen (opening) &&
          memcmp (body + head->markup_start, opening, strlen (opening)) == 0)
        {
          add_span (spans, content, block->start, first->start, LAYOUT_END, NULL);
          for (guint i = 0; i < block->inner_blocks->len; i++)
            add_block_spans (spans, content, g_ptr_array_index (block->inner_blocks, i), body, units);
          add_span (spans, content, last->end, block->end, LAYOUT_END, NULL);
          return;
        }
    }
  add_span (spans, content, block->start, block->end, block->name, block);
}

/* The content's units, as cd-wp-content.h makes @body of them: each
 * top-level block that is not white space between blocks, trimmed, a
 * layout block opened up as its ends and its inner blocks; the whole
 * content as one when WordPress's parse overlaps. */
static GArray *
content_spans (const char *content,
               GPtrArray  *blocks,
               const char *body,
               GArray     *units)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (Span));
  gsize   length = strlen (content);

  if (!cd_wp_blocks_cover (blocks, length))
    {
      add_span (spans, content, 0, length, NULL, NULL);
      return spans;
    }
  for (guint i = 0; i < blocks->len; i++)
    {
      CdWpBlock *block = g_ptr_array_index (blocks, i);

      if (block->name != NULL || !is_blank (content + block->start, block->end - block->start))
        add_block_spans (spans, content, block, body, units);
    }
  return spans;
}

/* One unit of the new content: the base's unit @from, or new @bytes; an
 * edit stands in @place of the base unit it replaces (the separators
 * beside it stay the base's), new text in none (-1). */
typedef struct
{
  int         from;
  const char *bytes;
  const char *name;
  int         place;
} Piece;

/* The content cd_wp_body_to_content() must give: units that were
 * neighbours in the base keep the base's separator, others are a blank
 * line apart, and the base's leading and trailing white space frame it. */
static char *
expected_content (const char *base,
                  GArray     *spans,
                  GArray     *pieces)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);

      if (i > 0)
        {
          Piece *before = &g_array_index (pieces, Piece, i - 1);

          if (before->place >= 0 && piece->place == before->place + 1)
            {
              Span *a = &g_array_index (spans, Span, before->place);
              Span *b = &g_array_index (spans, Span, piece->place);

              g_string_append_len (out, base + a->end, b->start - a->end);
            }
          else
            g_string_append (out, "\n\n");
        }
      if (piece->from >= 0)
        {
          Span *span = &g_array_index (spans, Span, piece->from);

          g_string_append_len (out, base + span->start, span->end - span->start);
        }
      else
        g_string_append (out, piece->bytes);
    }
  if (out->len > 0 && spans->len > 0)
    {
      Span *first = &g_array_index (spans, Span, 0);
      Span *last = &g_array_index (spans, Span, spans->len - 1);

      g_string_prepend_len (out, base, first->start);
      g_string_append (out, base + last->end);
    }
  return g_string_free (out, FALSE);
}

static char *
piece_names (GArray *pieces)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, piece->name != NULL ? piece->name : "(html)");
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_layout_end (GArray *pieces,
               guint   k)
{
  return g_strcmp0 (g_array_index (pieces, Piece, k).name, LAYOUT_END) == 0;
}

static gboolean
has_layout_end (GArray *pieces)
{
  for (guint k = 0; k < pieces->len; k++)
    if (is_layout_end (pieces, k))
      return TRUE;
  return FALSE;
}

/* A body made of @texts, as the editor would leave it. */
static char *
join_body (GPtrArray *texts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < texts->len; i++)
    {
      if (i > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, g_ptr_array_index (texts, i));
    }
  if (out->len > 0)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static guint
count_units (const char *body)
{
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);

  return units->len;
}

/* The HTML of a paragraph block WordPress's editor wrote, between its <p>
 * (with whatever attributes) and </p>, or NULL when it is another kind of
 * block; @wrap gets the block's bytes before and after that HTML. */
static char *
paragraph_text (const Span *span,
                const char *content,
                char      **wrap)
{
  const char *start = content + span->start;
  gsize       n = span->end - span->start;
  const char *open, *close;

  if (g_strcmp0 (span->name, "core/paragraph") != 0 || span->block->inner_blocks->len > 0)
    return NULL;
  open = g_strstr_len (start, n, "<p");
  close = g_strrstr_len (start, n, "</p>");
  if (open == NULL || close == NULL || (open = strchr (open, '>')) == NULL || open > close)
    return NULL;
  open++;
  wrap[0] = g_strndup (start, open - start);
  wrap[1] = g_strndup (close, start + n - close);
  return g_strndup (open, close - open);
}

/* Edits @body for @post->kase and records what must come back. Returns the
 * new body, or NULL when the case does not apply to the fixture. */
static char *
edit_body (Post       *post,
           const char *body)
{
  g_autoptr (GPtrArray) blocks = cd_wp_blocks_parse (post->stored, strlen (post->stored));
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);
  g_autoptr (GArray) spans = content_spans (post->stored, blocks, body, units);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_autofree char *added = NULL;
  g_autofree char *edited = NULL;

  for (guint i = 0; i < units->len; i++)
    {
      CdWpUnit *unit = &g_array_index (units, CdWpUnit, i);

      g_ptr_array_add (texts, g_strndup (body + unit->start, unit->end - unit->start));
    }
  for (guint i = 0; i < spans->len; i++)
    {
      Piece piece = { (int) i, NULL, g_array_index (spans, Span, i).name, (int) i };

      g_array_append_val (pieces, piece);
    }

  if (post->classic)
    {
      /* A classic post stays classic: the edit shows, no block delimiter
       * appears, and where the edited text is plain text in the post (no
       * markup, no reference), the post comes back with that change alone:
       * the other pieces keep their bytes. */
      gsize end = strlen (post->stored);

      while (end > 0 && g_ascii_isspace (post->stored[end - 1]))
        end--;
      switch (post->kase)
        {
        case CASE_PARAGRAPH:
          for (guint i = 0; i < units->len; i++)
            if (g_ascii_isalpha (((char *) g_ptr_array_index (texts, i))[0]))
              {
                char            *text = g_ptr_array_index (texts, i);
                g_autofree char *line = g_strchomp (g_strdup (text));
                const char      *at = strstr (post->stored, line);

                if (at != NULL && g_ascii_isspace (at[strlen (line)]) != 0)
                  post->expected = g_strdup_printf ("%.*s%s%s%s", (int) (at - post->stored),
                                                    post->stored, line, EDITED, at + strlen (line));
                g_ptr_array_index (texts, i) = g_strconcat (text, EDITED, NULL);
                g_free (text);
                post->must_have = g_strdup (EDITED + 1);
                return join_body (texts);
              }
          return NULL;
        case CASE_ADDED:
          g_ptr_array_add (texts, g_strdup (ADDED));
          post->must_have = g_strdup (ADDED);
          post->expected = g_strdup_printf ("%.*s\n\n%s%s", (int) end, post->stored, ADDED,
                                            post->stored + end);
          return join_body (texts);
        default:
          return NULL;
        }
    }

  if (units->len != spans->len)
    return NULL;
  switch (post->kase)
    {
    case CASE_PARAGRAPH:
      for (guint i = 0; i < spans->len; i++)
        {
          g_autofree char *inner = NULL;
          char            *wrap[2] = { NULL, NULL };
          char            *text;

          /* A paragraph with attributes of its own keeps them. */
          if (g_array_index (units, CdWpUnit, i).kind != CD_WP_UNIT_TEXT ||
              (inner = paragraph_text (&g_array_index (spans, Span, i), post->stored, wrap)) ==
                  NULL)
            continue;
          text = g_ptr_array_index (texts, i);
          g_ptr_array_index (texts, i) = g_strconcat (text, EDITED, NULL);
          g_free (text);
          edited = g_strconcat (wrap[0], inner, EDITED, wrap[1], NULL);
          g_free (wrap[0]);
          g_free (wrap[1]);
          g_array_index (pieces, Piece, i).from = -1;
          g_array_index (pieces, Piece, i).bytes = edited;
          break;
        }
      if (edited == NULL)
        return NULL;
      break;
    case CASE_ADDED:
      {
        Piece piece = { -1, NULL, "core/paragraph", -1 };

        added = g_strdup ("<!-- wp:paragraph -->\n<p>" ADDED "</p>\n<!-- /wp:paragraph -->");
        piece.bytes = added;
        g_ptr_array_add (texts, g_strdup (ADDED));
        g_array_append_val (pieces, piece);
        break;
      }
    case CASE_MOVED:
      {
        /* The first unit goes after the second (or a later pair, when two
         * lists would otherwise run together in Markdown). */
        gboolean done = FALSE;

        for (guint k = 0; !done && k + 1 < texts->len; k++)
          {
            g_autoptr (GPtrArray) moved = g_ptr_array_copy (texts, (GCopyFunc) g_strdup, NULL);
            g_autofree char *candidate = NULL;
            gpointer         tmp;

            /* Two units of the same text swapped leave the body as it was;
             * the ends of a layout block pair as blocks nest. */
            if (strcmp (texts->pdata[k], texts->pdata[k + 1]) == 0 || is_layout_end (pieces, k) ||
                is_layout_end (pieces, k + 1))
              continue;
            g_ptr_array_set_free_func (moved, g_free);
            tmp = moved->pdata[k];
            moved->pdata[k] = moved->pdata[k + 1];
            moved->pdata[k + 1] = tmp;
            candidate = join_body (moved);
            if (count_units (candidate) != texts->len)
              continue;
            {
              Piece swap = g_array_index (pieces, Piece, k);

              g_array_index (pieces, Piece, k) = g_array_index (pieces, Piece, k + 1);
              g_array_index (pieces, Piece, k + 1) = swap;
            }
            g_ptr_array_unref (g_steal_pointer (&texts));
            texts = g_steal_pointer (&moved);
            done = TRUE;
          }
        if (!done)
          return NULL;
        break;
      }
    case CASE_DELETED:
      {
        gboolean done = FALSE;

        for (guint k = 1; !done && k < texts->len; k++)
          {
            g_autoptr (GPtrArray) fewer = g_ptr_array_copy (texts, (GCopyFunc) g_strdup, NULL);
            g_autofree char *candidate = NULL;

            /* Of two units of the same text side by side, the body cannot
             * say which one went. */
            if (strcmp (texts->pdata[k], texts->pdata[k - 1]) == 0 ||
                (k + 1 < texts->len && strcmp (texts->pdata[k], texts->pdata[k + 1]) == 0) ||
                is_layout_end (pieces, k))
              continue;
            g_ptr_array_set_free_func (fewer, g_free);
            g_ptr_array_remove_index (fewer, k);
            candidate = join_body (fewer);
            if (count_units (candidate) != fewer->len)
              continue;
            g_array_remove_index (pieces, k);
            g_ptr_array_unref (g_steal_pointer (&texts));
            texts = g_steal_pointer (&fewer);
            done = TRUE;
          }
        if (!done)
          return NULL;
        break;
      }
    default:
      g_assert_not_reached ();
    }
  post->expected = expected_content (post->stored, spans, pieces);
  /* A layout block opened up is one block for WordPress, the exact bytes
   * and WordPress's own reading of them (assert_oracle_agrees()) say the
   * rest. */
  if (cd_wp_blocks_cover (blocks, strlen (post->stored)) && !has_layout_end (pieces))
    post->names = piece_names (pieces);
  return join_body (texts);
}

/* WordPress's parse of @content agrees with Copydesk's, block by block. */
static void
assert_oracle_agrees (const char *content,
                      const char *where)
{
  g_autoptr (JsonNode) oracle = cd_test_oracle_parse (content, strlen (content));
  g_autoptr (GPtrArray) mine = cd_wp_blocks_parse (content, strlen (content));
  JsonArray *php = json_object_get_array_member (json_node_get_object (oracle), "blocks");

  g_assert_cmpuint (json_array_get_length (php), ==, mine->len);
  for (guint i = 0; i < mine->len; i++)
    cd_test_assert_block (json_array_get_object_element (php, i), g_ptr_array_index (mine, i),
                          where);
}

/* The fields each write to post @remote_id sent, joined by commas, one
 * write after the other separated by semicolons. */
static char *
fields_sent (JsonArray  *writes,
             const char *remote_id)
{
  g_autofree char *route = g_strdup_printf ("/wp/v2/posts/%s", remote_id);
  GString         *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (writes); i++)
    {
      JsonObject *write = json_array_get_object_element (writes, i);
      JsonArray  *fields = json_object_get_array_member (write, "fields");

      if (g_strcmp0 (json_object_get_string_member (write, "route"), route) != 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ';');
      for (guint j = 0; j < json_array_get_length (fields); j++)
        g_string_append_printf (out, "%s%s", j > 0 ? "," : "",
                                json_array_get_string_element (fields, j));
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  char         *dir;
  CdStore      *store;
  CdSyncEngine *engine;
} Desk;

static void
desk_open (Desk *desk)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdWordpress) client = NULL;

  desk->dir = g_dir_make_tmp ("copydesk-roundtrip-XXXXXX", &error);
  g_assert_no_error (error);
  desk->store = cd_store_open (desk->dir, &error);
  g_assert_no_error (error);
  desk->engine = cd_sync_engine_new (desk->store);
  cd_test_add_account (desk->store, ACCOUNT, wp->url, wp->user);
  client = cd_test_wordpress_client (wp, wp->password);
  cd_sync_engine_set_cms (desk->engine, ACCOUNT, CD_CMS (client));
}

static void
desk_close (Desk *desk)
{
  g_clear_object (&desk->engine);
  g_clear_object (&desk->store);
  cd_test_remove_dir (desk->dir);
  g_free (desk->dir);
}

static void
assert_clean (CdSyncResult *result)
{
  GPtrArray *errors = cd_sync_result_get_errors (result);
  GPtrArray *conflicts = cd_sync_result_get_conflicts (result);

  for (guint i = 0; i < errors->len; i++)
    g_test_message ("sync error: %s", ((CdSyncItem *) g_ptr_array_index (errors, i))->message);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static char *
uuid_of (CdStore    *store,
         const char *remote_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSyncDb) db = cd_sync_db_open (store, &error);
  char *uuid;

  g_assert_no_error (error);
  uuid = cd_sync_db_find_uuid (db, ACCOUNT, remote_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static void
test_fixtures (void)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify) post_free);
  g_autoptr (CdSyncResult) pulled = NULL;
  g_autoptr (CdSyncResult) pushed = NULL;
  g_autoptr (JsonNode) writes = NULL;
  guint    exact[N_CASES] = { 0 }, tried[N_CASES] = { 0 }, classic_ok[N_CASES] = { 0 };
  GString *skipped[N_CASES] = { NULL };
  Desk     desk = { 0 };

  if (!need_wordpress () || !need_oracle ())
    return;

  /* The colleague saves every fixture six times over. */
  remove_sample_posts ();
  names = cd_test_block_fixtures ();
  g_assert_cmpuint (names->len, >=, 13);
  for (guint f = 0; f < names->len; f++)
    {
      g_autofree char *fixture = cd_test_block_fixture (g_ptr_array_index (names, f), NULL);

      for (Case c = 0; c < N_CASES; c++)
        {
          Post            *post = g_new0 (Post, 1);
          g_autofree char *title = g_strdup_printf ("%s, %s", (char *) g_ptr_array_index (names, f),
                                                    case_names[c]);

          post->fixture = g_strdup (g_ptr_array_index (names, f));
          post->kase = c;
          post->remote_id = create_post (title, fixture, &post->stored);
          post->headline = g_steal_pointer (&title);
          post->classic = cd_wp_content_is_classic (post->stored, -1);
          g_ptr_array_add (posts, post);
        }
    }

  desk_open (&desk);
  pulled = cd_test_sync_now (desk.engine, ACCOUNT);
  assert_clean (pulled);
  g_assert_cmpuint (cd_sync_result_get_pulled (pulled)->len, ==, posts->len);

  /* Each article is edited here in its own way. */
  for (guint i = 0; i < posts->len; i++)
    {
      Post            *post = g_ptr_array_index (posts, i);
      g_autofree char *uuid = uuid_of (desk.store, post->remote_id);
      g_autoptr (GError) error = NULL;
      g_autoptr (CdArticle) article = cd_store_get_article (desk.store, uuid, &error);
      g_autofree char *body = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (cd_article_get_headline (article), ==, post->headline);
      post->applicable = TRUE;
      switch (post->kase)
        {
        case CASE_NO_EDIT:
          post->expected = g_strdup (post->stored);
          break;
        case CASE_HEADLINE:
          post->expected = g_strdup (post->stored);
          g_free (post->headline);
          post->headline = g_strconcat (cd_article_get_headline (article), " (new headline)", NULL);
          cd_article_set_headline (article, post->headline);
          break;
        default:
          body = edit_body (post, cd_article_get_body (article));
          if (body == NULL)
            post->applicable = FALSE;
          else
            cd_article_set_body (article, body);
        }
      if (post->applicable)
        cd_test_save_edit (desk.store, article);
    }

  g_clear_pointer (&writes, json_node_unref);
  writes = rest_admin ("DELETE", "/copydesk-test/v1/writes");
  pushed = cd_test_sync_now (desk.engine, ACCOUNT);
  assert_clean (pushed);
  g_clear_pointer (&writes, json_node_unref);
  writes = rest_admin ("GET", "/copydesk-test/v1/writes");

  /* What WordPress stores now, and what it sees in it. */
  for (guint i = 0; i < posts->len; i++)
    {
      Post            *post = g_ptr_array_index (posts, i);
      g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", post->remote_id);
      g_autoptr (JsonNode) node = rest ("GET", path, NULL);
      g_autofree char *content = raw_member (node, "content");
      g_autofree char *title = raw_member (node, "title");
      g_autofree char *sent = fields_sent (json_node_get_array (writes), post->remote_id);
      g_autofree char *where = g_strdup_printf ("%s, %s", post->fixture, case_names[post->kase]);
      const char      *want;

      if (!post->applicable)
        {
          if (skipped[post->kase] == NULL)
            skipped[post->kase] = g_string_new (NULL);
          g_string_append_printf (skipped[post->kase], " %s", post->fixture);
          g_assert_cmpstr (content, ==, post->stored);
          continue;
        }
      tried[post->kase]++;
      g_assert_cmpstr (title, ==, post->headline);
      assert_oracle_agrees (content, where);

      /* Only what changed went out. */
      want = post->kase == CASE_NO_EDIT    ? ""
             : post->kase == CASE_HEADLINE ? "title"
                                           : "content";
      if (g_strcmp0 (sent, want) != 0)
        g_test_message ("%s: sent \"%s\"", where, sent);
      g_assert_cmpstr (sent, ==, want);

      if (post->classic && post->kase != CASE_NO_EDIT && post->kase != CASE_HEADLINE)
        {
          g_assert_true (cd_wp_content_is_classic (content, -1));
          g_assert_nonnull (strstr (content, post->must_have));
          if (post->expected == NULL)
            {
              classic_ok[post->kase]++;
              continue;
            }
        }
      if (g_strcmp0 (content, post->expected) != 0)
        g_test_message ("%s: expected\n%s\n--- stored\n%s", where, post->expected, content);
      g_assert_cmpstr (content, ==, post->expected);
      exact[post->kase]++;
      if (post->names != NULL)
        {
          g_autofree char *parsed = cd_test_oracle_block_names (content);

          /* After a block left open at the end of broken markup, WordPress
           * reads what follows as its inner blocks: that is the markup's
           * own doing, reported rather than asserted. */
          if (!cd_test_markup_well_formed (post->stored, strlen (post->stored)) &&
              g_strcmp0 (parsed, post->names) != 0)
            g_test_message ("%s: WordPress reads the top-level blocks as %s, not %s", where,
                            parsed, post->names);
          else
            g_assert_cmpstr (parsed, ==, post->names);
        }
    }

  g_test_message ("Round trip through WordPress 6.1 (%u fixtures): posts kept exact / edited",
                  names->len);
  for (Case c = 0; c < N_CASES; c++)
    {
      g_autofree char *classic = classic_ok[c] > 0 ? g_strdup_printf (" (and %u classic post(s) "
                                                                      "kept classic)",
                                                                      classic_ok[c])
                                                   : g_strdup ("");

      g_test_message ("  %-17s %2u / %2u%s", case_names[c], exact[c], tried[c] - classic_ok[c],
                      classic);
      /* A case needs what it edits: a paragraph the body shows as text, or
       * two units to move or delete one of. */
      if (skipped[c] != NULL)
        {
          g_autofree char *list = g_string_free (skipped[c], FALSE);

          g_test_message ("    not applicable:%s", list);
        }
    }
  desk_close (&desk);
}

#define MERGE_POST                                                                      \
  "<!-- wp:paragraph -->\n<p>First paragraph.</p>\n<!-- /wp:paragraph -->\n\n"          \
  "<!-- wp:image {\"id\":5,\"sizeSlug\":\"large\"} -->\n"                               \
  "<figure class=\"wp-block-image size-large\"><img src=\"https://example.org/x.jpg\" " \
  "alt=\"The old bridge\" class=\"wp-image-5\"/></figure>\n<!-- /wp:image -->\n\n"      \
  "<!-- wp:paragraph -->\n<p>Second paragraph.</p>\n<!-- /wp:paragraph -->\n\n"         \
  "<!-- wp:paragraph -->\n<p>Third paragraph.</p>\n<!-- /wp:paragraph -->\n"

static void
colleague_replaces (const char *remote_id,
                    const char *from,
                    const char *to)
{
  g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", remote_id);
  g_autoptr (JsonNode) node = rest ("GET", path, NULL);
  g_autoptr (GString) content = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) request = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autofree char *json = NULL;
  g_autofree char *raw = raw_member (node, "content");

  content = g_string_new (raw);
  g_assert_cmpuint (g_string_replace (content, from, to, 1), ==, 1);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content->str);
  json_builder_end_object (builder);
  request = json_builder_get_root (builder);
  json = json_to_string (request, FALSE);
  reply = rest ("POST", path, json);
}

static char *
server_content (const char *remote_id)
{
  g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%s?context=edit", remote_id);
  g_autoptr (JsonNode) node = rest ("GET", path, NULL);

  return raw_member (node, "content");
}

static void
edit_here (CdStore    *store,
           const char *uuid,
           const char *from,
           const char *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdArticle) article = cd_store_get_article (store, uuid, &error);
  g_autoptr (GString) body = NULL;

  g_assert_no_error (error);
  body = g_string_new (cd_article_get_body (article));
  g_assert_cmpuint (g_string_replace (body, from, to, 1), ==, 1);
  cd_article_set_body (article, body->str);
  cd_test_save_edit (store, article);
}

/* A colleague changes the image and the second paragraph, we change the
 * third: the push merges block by block, and WordPress ends up with both
 * sides' changes and every other byte as it was. Both sides changing one
 * paragraph is a conflict that names it, and nothing is pushed. */
static void
test_merge (void)
{
  g_autoptr (CdSyncResult) pulled = NULL;
  g_autoptr (CdSyncResult) merged = NULL;
  g_autoptr (CdSyncResult) conflicted = NULL;
  g_autoptr (GString) expected = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *content = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  CdSyncItem      *item;
  Desk             desk = { 0 };

  if (!need_wordpress ())
    return;

  remove_sample_posts ();
  remote_id = create_post ("Bridge", MERGE_POST, &stored);
  g_assert_cmpstr (stored, ==, MERGE_POST);
  desk_open (&desk);
  pulled = cd_test_sync_now (desk.engine, ACCOUNT);
  assert_clean (pulled);
  uuid = uuid_of (desk.store, remote_id);

  colleague_replaces (remote_id, "alt=\"The old bridge\"", "alt=\"The new bridge\"");
  colleague_replaces (remote_id, "<p>Second paragraph.</p>", "<p>Second paragraph, theirs.</p>");
  theirs = server_content (remote_id);
  edit_here (desk.store, uuid, "Third paragraph.", "Third paragraph, *ours*.");
  merged = cd_test_sync_now (desk.engine, ACCOUNT);
  assert_clean (merged);
  item = cd_test_find_item (cd_sync_result_get_pulled (merged), uuid);
  g_assert_nonnull (item);
  g_assert_nonnull (strstr (item->message, "Merged"));

  content = server_content (remote_id);
  expected = g_string_new (theirs);
  g_string_replace (expected, "<p>Third paragraph.</p>", "<p>Third paragraph, <em>ours</em>.</p>",
                    1);
  g_assert_cmpstr (content, ==, expected->str);

  /* Both sides change the first paragraph. */
  colleague_replaces (remote_id, "<p>First paragraph.</p>", "<p>First paragraph, theirs.</p>");
  after = server_content (remote_id);
  edit_here (desk.store, uuid, "First paragraph.", "First paragraph, ours.");
  conflicted = cd_test_sync_now (desk.engine, ACCOUNT);
  g_assert_cmpuint (cd_sync_result_get_conflicts (conflicted)->len, ==, 1);
  item = g_ptr_array_index (cd_sync_result_get_conflicts (conflicted), 0);
  g_assert_nonnull (strstr (item->message, "body block 1 “First paragraph.”"));
  g_clear_pointer (&content, g_free);
  content = server_content (remote_id);
  g_assert_cmpstr (content, ==, after);
  desk_close (&desk);
}

/* An article written here reaches WordPress as blocks the editor opens as
 * they are: no HTML between blocks, the marker in the first block's
 * attributes, and each text block reads back as the Markdown it came from. */
static void
test_new_article (void)
{
  static const char *body = "The council met on *Tuesday* and voted **7 to 2**.\n"
                            "\n"
                            "## What changes\n"
                            "\n"
                            "- Buses every ten minutes\n"
                            "- A new bridge at [the harbour](https://example.org/harbour)\n"
                            "\n"
                            "> We waited long enough.\n"
                            "\n"
                            "```\n"
                            "fares = 2\n"
                            "```\n"
                            "\n"
                            "---\n"
                            "\n"
                            "Work starts in spring.\n";
  g_autoptr (CdArticle) article = NULL;
  g_autoptr (CdSyncResult) pushed = NULL;
  g_autoptr (JsonNode) parsed = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *content = NULL;
  g_autofree char *names = NULL;
  g_autofree char *state = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *back = NULL;
  JsonObject      *first;
  Desk             desk = { 0 };

  if (!need_wordpress () || !need_oracle ())
    return;

  remove_sample_posts ();
  desk_open (&desk);
  article = cd_test_save_new_article (desk.store, "Harbour plan", body);
  pushed = cd_test_sync_now (desk.engine, ACCOUNT);
  assert_clean (pushed);
  state = cd_test_sync_state (desk.store, cd_article_get_uuid (article), ACCOUNT, &remote_id);
  g_assert_cmpstr (state, ==, "synced");
  content = server_content (remote_id);

  names = cd_test_oracle_block_names (content);
  g_assert_cmpstr (names, ==,
                   "core/paragraph core/heading core/list core/quote core/code core/separator "
                   "core/paragraph");
  assert_oracle_agrees (content, "new article");
  parsed = cd_test_oracle_parse (content, strlen (content));
  first = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (parsed), "blocks"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "attrs"),
                                                  CD_WORDPRESS_MARKER_ATTRIBUTE),
                   ==, cd_article_get_uuid (article));

  uuid = cd_wordpress_take_marker (content);
  g_assert_cmpstr (uuid, ==, cd_article_get_uuid (article));
  back = cd_wp_content_to_body (content, -1);
  g_assert_cmpstr (back, ==, body);
  desk_close (&desk);
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

  g_test_add_func ("/wp-roundtrip/fixtures", test_fixtures);
  g_test_add_func ("/wp-roundtrip/merge", test_merge);
  g_test_add_func ("/wp-roundtrip/new-article", test_new_article);

  status = g_test_run ();
  cd_test_wordpress_stop (wp);
  g_free (wp_start_error);
  return status;
}
