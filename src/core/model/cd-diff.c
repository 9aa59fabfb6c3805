/* cd-diff.c: differences between two versions of an article.
 *
 * Line diffs come from libgit2 (git_diff_buffers, patience algorithm), so
 * history views, the command line and sync show the same hunks git would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-diff"

#include "config.h"

#include <git2.h>
#include <string.h>

#include "cd-article-json.h"
#include "cd-diff.h"

static void
ensure_libgit2 (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      git_libgit2_init ();
      g_once_init_leave (&initialized, 1);
    }
}

/* Diffs work on whole lines; a text whose last line has no newline gets
 * one, so that "a" and "a\n" are the same text and no "\ No newline at
 * end of file" markers appear. */
static char *
normalize (const char *text)
{
  gsize len;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  len = strlen (text);
  if (text[len - 1] == '\n')
    return g_strdup (text);
  return g_strconcat (text, "\n", NULL);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

typedef int (*LineFunc) (const git_diff_delta *delta,
                         const git_diff_hunk  *hunk,
                         const git_diff_line  *line,
                         void                 *payload);
typedef int (*HunkFunc) (const git_diff_delta *delta,
                         const git_diff_hunk  *hunk,
                         void                 *payload);

static gboolean
run_diff (const char *old_text,
          const char *new_text,
          guint       context_lines,
          HunkFunc    hunk_func,
          LineFunc    line_func,
          gpointer    payload)
{
  git_diff_options options;
  int              rc;

  ensure_libgit2 ();
  git_diff_options_init (&options, GIT_DIFF_OPTIONS_VERSION);
  options.flags = GIT_DIFF_FORCE_TEXT | GIT_DIFF_PATIENCE;
  options.context_lines = context_lines;
  options.interhunk_lines = 0;

  rc = git_diff_buffers (old_text, strlen (old_text), "before",
                         new_text, strlen (new_text), "after",
                         &options, NULL, NULL, hunk_func, line_func, payload);
  if (rc != 0)
    {
      const git_error *e = git_error_last ();

      g_warning ("Could not compare two texts: %s", e ? e->message : "unknown libgit2 error");
      return FALSE;
    }
  return TRUE;
}

static void
diff_line_clear (gpointer data)
{
  CdDiffLine *line = data;

  g_clear_pointer (&line->text, g_free);
}

static void
append_line (GArray     *lines,
             CdDiffKind  kind,
             const char *text,
             gsize       len)
{
  CdDiffLine line;

  if (len > 0 && text[len - 1] == '\n')
    len--;
  line.kind = kind;
  line.text = g_strndup (text, len);
  g_array_append_val (lines, line);
}

static int
collect_line (const git_diff_delta *delta,
              const git_diff_hunk  *hunk,
              const git_diff_line  *line,
              void                 *payload)
{
  GArray *lines = payload;

  switch (line->origin)
    {
    case GIT_DIFF_LINE_CONTEXT:
      append_line (lines, CD_DIFF_SAME, line->content, line->content_len);
      break;
    case GIT_DIFF_LINE_ADDITION:
      append_line (lines, CD_DIFF_ADDED, line->content, line->content_len);
      break;
    case GIT_DIFF_LINE_DELETION:
      append_line (lines, CD_DIFF_REMOVED, line->content, line->content_len);
      break;
    default:
      break;
    }
  return 0;
}

/**
 * cd_diff_lines:
 * @old_text: (nullable): the earlier text
 * @new_text: (nullable): the later text
 *
 * Compares two texts line by line, every line included, for a side-by-side
 * or interleaved view.
 *
 * Returns: (transfer full) (element-type CdDiffLine): the lines, each
 *   same, removed or added; the array frees their text
 */
GArray *
cd_diff_lines (const char *old_text,
               const char *new_text)
{
  g_autofree char *a = normalize (old_text);
  g_autofree char *b = normalize (new_text);
  GArray          *lines = g_array_new (FALSE, TRUE, sizeof (CdDiffLine));

  g_array_set_clear_func (lines, diff_line_clear);

  if (g_str_equal (a, b))
    {
      /* libgit2 reports no lines when nothing changed. */
      const char *p = a;

      while (*p != '\0')
        {
          const char *end = strchr (p, '\n');

          append_line (lines, CD_DIFF_SAME, p, end - p);
          p = end + 1;
        }
      return lines;
    }

  /* Enough context that the one hunk covers both texts whole. */
  run_diff (a, b, MAX (count_lines (a), count_lines (b)) + 1, NULL, collect_line, lines);
  return lines;
}

static int
unified_hunk (const git_diff_delta *delta,
              const git_diff_hunk  *hunk,
              void                 *payload)
{
  GString *out = payload;

  g_string_append_printf (out, "@@ -%d,%d +%d,%d @@\n",
                          hunk->old_start, hunk->old_lines,
                          hunk->new_start, hunk->new_lines);
  return 0;
}

static int
unified_line (const git_diff_delta *delta,
              const git_diff_hunk  *hunk,
              const git_diff_line  *line,
              void                 *payload)
{
  GString *out = payload;

  if (line->origin != GIT_DIFF_LINE_CONTEXT &&
      line->origin != GIT_DIFF_LINE_ADDITION &&
      line->origin != GIT_DIFF_LINE_DELETION)
    return 0;
  g_string_append_c (out, line->origin);
  g_string_append_len (out, line->content, line->content_len);
  if (line->content_len == 0 || line->content[line->content_len - 1] != '\n')
    g_string_append_c (out, '\n');
  return 0;
}

/* @line cut into words, runs of spaces and single other characters, one a
 * line, so that a line diff of two of them is a word diff. */
static char *
split_words (const char *line,
             GArray     *lengths)
{
  GString *out = g_string_new (NULL);

  for (const char *p = line; *p != '\0';)
    {
      gunichar    c = g_utf8_get_char (p);
      const char *start = p;
      guint       n = 0;

      if (g_unichar_isalnum (c) || g_unichar_isspace (c))
        {
          gboolean word = g_unichar_isalnum (c);

          while (*p != '\0')
            {
              gunichar d = g_utf8_get_char (p);

              /* "don't" and "al-Assad" stay one word. */
              if (word ? !(g_unichar_isalnum (d) ||
                           ((d == '\'' || d == 0x2019 || d == '-') && p != start &&
                            g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p)))))
                       : !g_unichar_isspace (d))
                break;
              p = g_utf8_next_char (p);
              n++;
            }
        }
      else
        {
          p = g_utf8_next_char (p);
          n = 1;
        }
      g_string_append_len (out, start, p - start);
      g_string_append_c (out, '\n');
      g_array_append_val (lengths, n);
    }
  return g_string_free (out, FALSE);
}

/**
 * cd_diff_words:
 * @old_line: a line as it was
 * @new_line: the same line as it is
 * @old_changed: (out) (element-type CdDiffRange): the characters of
 *   @old_line that are gone
 * @new_changed: (out) (element-type CdDiffRange): the characters of
 *   @new_line that are new
 *
 * Compares two versions of one line word by word, so that a changed
 * paragraph can show which words changed.
 */
void
cd_diff_words (const char *old_line,
               const char *new_line,
               GArray    **old_changed,
               GArray    **new_changed)
{
  g_autoptr (GArray) old_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) new_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr (GArray) tokens = NULL;
  guint old_at = 0, new_at = 0, old_token = 0, new_token = 0;

  g_return_if_fail (old_line != NULL && new_line != NULL);
  g_return_if_fail (old_changed != NULL && new_changed != NULL);

  *old_changed = g_array_new (FALSE, FALSE, sizeof (CdDiffRange));
  *new_changed = g_array_new (FALSE, FALSE, sizeof (CdDiffRange));
  a = split_words (old_line, old_lengths);
  b = split_words (new_line, new_lengths);
  tokens = cd_diff_lines (a, b);

  for (guint i = 0; i < tokens->len; i++)
    {
      CdDiffKind   kind = g_array_index (tokens, CdDiffLine, i).kind;
      GArray      *changed = kind == CD_DIFF_ADDED ? *new_changed : *old_changed;
      guint       *at = kind == CD_DIFF_ADDED ? &new_at : &old_at;
      guint        n;
      CdDiffRange *last;

      if (kind == CD_DIFF_SAME)
        {
          g_assert (old_token < old_lengths->len && new_token < new_lengths->len);
          old_at += g_array_index (old_lengths, guint, old_token++);
          new_at += g_array_index (new_lengths, guint, new_token++);
          continue;
        }
      if (kind == CD_DIFF_ADDED)
        {
          g_assert (new_token < new_lengths->len);
          n = g_array_index (new_lengths, guint, new_token++);
        }
      else
        {
          g_assert (old_token < old_lengths->len);
          n = g_array_index (old_lengths, guint, old_token++);
        }
      /* Neighbouring changed words make one run. */
      last = changed->len > 0 ? &g_array_index (changed, CdDiffRange, changed->len - 1) : NULL;
      if (last != NULL && last->end == *at)
        last->end += n;
      else
        g_array_append_val (changed, ((CdDiffRange){ *at, *at + n }));
      *at += n;
    }
}

/**
 * cd_diff_unified:
 * @old_text: (nullable): the earlier text
 * @new_text: (nullable): the later text
 * @old_label: (nullable): the name on the "---" line
 * @new_label: (nullable): the name on the "+++" line
 *
 * Returns: (transfer full): a unified diff with three lines of context,
 *   or "" when the texts have the same lines
 */
char *
cd_diff_unified (const char *old_text,
                 const char *new_text,
                 const char *old_label,
                 const char *new_label)
{
  g_autofree char *a = normalize (old_text);
  g_autofree char *b = normalize (new_text);
  GString         *out;

  if (g_str_equal (a, b))
    return g_strdup ("");

  out = g_string_new (NULL);
  g_string_append_printf (out, "--- %s\n+++ %s\n",
                          old_label ? old_label : "before",
                          new_label ? new_label : "after");
  run_diff (a, b, 3, unified_hunk, unified_line, out);
  return g_string_free (out, FALSE);
}

static void
append_field_change (GString    *out,
                     const char *field,
                     const char *old_value,
                     const char *new_value)
{
  if (g_strcmp0 (old_value ? old_value : "", new_value ? new_value : "") == 0)
    return;

  if ((old_value && strchr (old_value, '\n')) || (new_value && strchr (new_value, '\n')))
    {
      g_autofree char *diff = cd_diff_unified (old_value, new_value, "before", "after");

      g_string_append_printf (out, "%s:\n%s", field, diff);
      return;
    }
  g_string_append_printf (out, "%s: %s → %s\n", field,
                          old_value && *old_value ? old_value : "(none)",
                          new_value && *new_value ? new_value : "(none)");
}

/* Corrections and extra keys have no text form of their own; their JSON
 * from the snapshot form is exact and readable enough. */
static char *
json_member (CdArticle  *article,
             const char *member)
{
  g_autoptr (JsonNode) node = cd_article_to_json_node (article, CD_ARTICLE_JSON_DEFAULT);
  JsonNode *value = json_object_get_member (json_node_get_object (node), member);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  if (value == NULL || JSON_NODE_HOLDS_NULL (value) ||
      (JSON_NODE_HOLDS_ARRAY (value) && json_array_get_length (json_node_get_array (value)) == 0) ||
      (JSON_NODE_HOLDS_OBJECT (value) && json_object_get_size (json_node_get_object (value)) == 0))
    return NULL;
  json_generator_set_root (generator, value);
  return json_generator_to_data (generator, NULL);
}

/**
 * cd_diff_articles:
 * @old_article: the earlier version
 * @new_article: the later version
 *
 * Describes what changed, one field at a time: "field: old → new" for
 * one-line fields ("(none)" for an absent value), a unified diff for the
 * body and for any field that spans lines.
 *
 * Returns: (transfer full): the description, "" when nothing changed
 */
char *
cd_diff_articles (CdArticle *old_article,
                  CdArticle *new_article)
{
  static const char *json_members[] = { "corrections", "extra" };
  const char *const *fields = cd_article_list_fields ();
  GString           *out;

  g_return_val_if_fail (CD_IS_ARTICLE (old_article), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (new_article), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (g_str_equal (fields[i], "body"))
        continue;
      old_value = cd_article_get_field (old_article, fields[i]);
      new_value = cd_article_get_field (new_article, fields[i]);
      append_field_change (out, fields[i], old_value, new_value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (json_members); i++)
    {
      g_autofree char *old_value = json_member (old_article, json_members[i]);
      g_autofree char *new_value = json_member (new_article, json_members[i]);

      append_field_change (out, json_members[i], old_value, new_value);
    }

  {
    g_autofree char *body = cd_diff_unified (cd_article_get_body (old_article),
                                             cd_article_get_body (new_article),
                                             "before", "after");

    if (*body != '\0')
      g_string_append_printf (out, "body:\n%s", body);
  }
  return g_string_free (out, FALSE);
}
