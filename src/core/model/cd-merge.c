/* cd-merge.c: three-way merge of an article's shared fields.
 *
 * The fields a CMS carries (headline, dek, slug, section, tags, body) are
 * merged against the base, the article as it was last synced. A field only
 * one side changed takes that side; a field both sides changed the same way
 * takes that value; a one-line field both sides changed differently is a
 * conflict. The body is merged line by line (a Markdown paragraph is one
 * line) with libgit2's git_merge_file, so edits to different paragraphs merge
 * cleanly. Tags merge as a set and never conflict. Every other field is
 * local to this machine and comes from our side unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-merge"

#include "config.h"

#include <string.h>

#include <git2.h>

#include "cd-merge.h"

G_DEFINE_QUARK (CdMergeError, cd_merge_error)

typedef const char *(*TextGetter) (CdArticle *self);
typedef void (*TextSetter) (CdArticle *self, const char *value);

static const struct
{
  const char *name;
  TextGetter  get;
  TextSetter  set;
} text_fields[] = {
  {"headline", cd_article_get_headline, cd_article_set_headline},
  { "dek",     cd_article_get_dek,      cd_article_set_dek     },
  { "slug",    cd_article_get_slug,     cd_article_set_slug    },
  { "section", cd_article_get_section,  cd_article_set_section },
};

/**
 * cd_merge_list_fields:
 *
 * Returns: (transfer none): the names of the fields a merge works on, the
 *   ones a CMS carries
 */
const char *const *
cd_merge_list_fields (void)
{
  static const char *const fields[] = {
    "headline", "dek", "slug", "section", "tags", "body", NULL
  };
  return fields;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static gboolean
tags_equal (const char *const *a,
            const char *const *b)
{
  guint na = a != NULL ? g_strv_length ((char **) a) : 0;
  guint nb = b != NULL ? g_strv_length ((char **) b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Markdown means the same with or without blank lines at its end, and a
 * CMS's HTML-to-Markdown conversion may add or drop them. */
static gboolean
bodies_equal (const char *a,
              const char *b)
{
  size_t la = strlen (or_empty (a));
  size_t lb = strlen (or_empty (b));

  a = or_empty (a);
  b = or_empty (b);
  while (la > 0 && (a[la - 1] == '\n' || a[la - 1] == '\r'))
    la--;
  while (lb > 0 && (b[lb - 1] == '\n' || b[lb - 1] == '\r'))
    lb--;
  return la == lb && memcmp (a, b, la) == 0;
}

/**
 * cd_merge_content_equal:
 * @a: an article
 * @b: another article
 *
 * Compares only the fields a CMS carries; a missing text equals an empty
 * one, and line breaks at the end of the body do not count.
 *
 * Returns: whether the shared fields of @a and @b are the same
 */
gboolean
cd_merge_content_equal (CdArticle *a,
                        CdArticle *b)
{
  g_return_val_if_fail (CD_IS_ARTICLE (a), FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (b), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (strcmp (or_empty (text_fields[i].get (a)), or_empty (text_fields[i].get (b))) != 0)
      return FALSE;
  return tags_equal (cd_article_get_tags (a), cd_article_get_tags (b)) &&
         bodies_equal (cd_article_get_body (a), cd_article_get_body (b));
}

/**
 * cd_merge_take_content:
 * @dest: the article to change
 * @src: the article to copy the shared fields from
 *
 * Copies the fields a CMS carries from @src into @dest and leaves the local
 * ones (byline, ednote, status, …) as they are.
 */
void
cd_merge_take_content (CdArticle *dest,
                       CdArticle *src)
{
  g_return_if_fail (CD_IS_ARTICLE (dest));
  g_return_if_fail (CD_IS_ARTICLE (src));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    text_fields[i].set (dest, text_fields[i].get (src));
  cd_article_set_tags (dest, cd_article_get_tags (src));
  cd_article_set_body (dest, cd_article_get_body (src));
}

static void
init_libgit2 (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      git_libgit2_init ();
      g_once_init_leave (&initialized, 1);
    }
}

/* git_merge_file treats a last line without a newline as a line of its own
 * kind, so every side gets one and the result loses it again when ours had
 * none. */
static char *
with_final_newline (const char *text)
{
  if (*text == '\0' || g_str_has_suffix (text, "\n"))
    return g_strdup (text);
  return g_strconcat (text, "\n", NULL);
}

static void
set_input (git_merge_file_input *input,
           const char           *text,
           const char           *path)
{
  git_merge_file_input_init (input, GIT_MERGE_FILE_INPUT_VERSION);
  input->ptr = text;
  input->size = strlen (text);
  input->path = path;
  input->mode = 0100644;
}

/**
 * cd_merge_text:
 * @base: (nullable): the common ancestor
 * @ours: (nullable): our side
 * @theirs: (nullable): their side
 * @clean: (out): whether the merge had no conflicting change
 * @error: return location for an error
 *
 * Merges three versions of a text line by line.
 *
 * Returns: (transfer full) (nullable): the merged text, with conflict markers
 *   when @clean is %FALSE; %NULL with @error set when the merge could not run
 */
char *
cd_merge_text (const char *base,
               const char *ours,
               const char *theirs,
               gboolean   *clean,
               GError    **error)
{
  g_autofree char       *base_nl = with_final_newline (or_empty (base));
  g_autofree char       *ours_nl = with_final_newline (or_empty (ours));
  g_autofree char       *theirs_nl = with_final_newline (or_empty (theirs));
  git_merge_file_input   in_base, in_ours, in_theirs;
  git_merge_file_options options;
  git_merge_file_result  result = { 0 };
  const char            *reference;
  char                  *merged;

  g_return_val_if_fail (clean != NULL, NULL);

  init_libgit2 ();
  set_input (&in_base, base_nl, "base");
  set_input (&in_ours, ours_nl, "mine");
  set_input (&in_theirs, theirs_nl, "theirs");
  git_merge_file_options_init (&options, GIT_MERGE_FILE_OPTIONS_VERSION);
  options.favor = GIT_MERGE_FILE_FAVOR_NORMAL;
  options.ancestor_label = "base";
  options.our_label = "mine";
  options.their_label = "theirs";

  if (git_merge_file (&result, &in_base, &in_ours, &in_theirs, &options) != 0)
    {
      const git_error *git_error = git_error_last ();

      g_set_error (error, CD_MERGE_ERROR, CD_MERGE_ERROR_FAILED,
                   "The texts could not be merged: %s",
                   git_error != NULL ? git_error->message : "libgit2 gave no reason");
      return NULL;
    }

  *clean = result.automergeable != 0;
  merged = g_strndup (result.ptr, result.len);
  git_merge_file_result_free (&result);

  /* The final newline follows our side, or theirs when ours is empty. */
  reference = (ours != NULL && *ours != '\0') ? ours : or_empty (theirs);
  if (*reference != '\0' && !g_str_has_suffix (reference, "\n") &&
      g_str_has_suffix (merged, "\n"))
    merged[strlen (merged) - 1] = '\0';
  return merged;
}

static gboolean
strv_has (const char *const *strv,
          const char        *value)
{
  return strv != NULL && g_strv_contains (strv, value);
}

/**
 * cd_merge_tags:
 * @base: (nullable): the tags as last synced
 * @ours: (nullable): our tags
 * @theirs: (nullable): their tags
 *
 * Merges tags as a set: a tag either side added is kept, a tag either side
 * removed is dropped. Our order comes first, then their new tags.
 *
 * Returns: (transfer full): the merged tags
 */
char **
cd_merge_tags (const char *const *base,
               const char *const *ours,
               const char *const *theirs)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *const *sides[] = { ours, theirs };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; sides[s] != NULL && sides[s][i] != NULL; i++)
      {
        const char *tag = sides[s][i];
        gboolean    keep;

        if (g_hash_table_contains (seen, tag))
          continue;
        g_hash_table_add (seen, (gpointer) tag);
        if (strv_has (base, tag))
          keep = strv_has (ours, tag) && strv_has (theirs, tag);
        else
          keep = TRUE;
        if (keep)
          g_strv_builder_add (builder, tag);
      }
  return g_strv_builder_end (builder);
}

/* The body merged line by line; a conflict is named "body". */
static char *
merge_body_text (const char *base,
                 const char *ours,
                 const char *theirs,
                 char     ***conflicts,
                 GError    **error)
{
  gboolean clean = FALSE;
  char    *body;

  g_assert (conflicts != NULL);

  *conflicts = NULL;
  body = cd_merge_text (base, ours, theirs, &clean, error);
  if (body == NULL || clean)
    return body;
  g_free (body);
  *conflicts = g_strdupv ((char *[]){ (char *) "body", NULL });
  return NULL;
}

/**
 * cd_merge_articles:
 * @base: the article as last synced
 * @ours: the local article
 * @theirs: the article as the CMS has it now
 * @conflicts: (out) (transfer full) (optional): the names of the fields
 *   both sides changed differently, or %NULL when the merge is clean
 * @error: return location for an error
 *
 * Merges the shared fields of @ours and @theirs against @base. Nothing is
 * changed in any of the three.
 *
 * Returns: (transfer full) (nullable): a copy of @ours with the merged
 *   fields, or %NULL on a conflict (with @conflicts set and no error) or on
 *   an error
 */
CdArticle *
cd_merge_articles (CdArticle *base,
                   CdArticle *ours,
                   CdArticle *theirs,
                   char    ***conflicts,
                   GError   **error)
{
  return cd_merge_articles_with (base, ours, theirs, merge_body_text, conflicts, error);
}

/**
 * cd_merge_articles_with:
 * @base: the article as last synced
 * @ours: the local article
 * @theirs: the article as the CMS has it now
 * @merge_body: how the body is merged
 * @conflicts: (out) (transfer full) (optional): what both sides changed
 *   differently: field names, and the names @merge_body gives for the
 *   body's parts
 * @error: return location for an error
 *
 * As cd_merge_articles(), with the body merged by @merge_body.
 *
 * Returns: (transfer full) (nullable): a copy of @ours with the merged
 *   fields, or %NULL on a conflict or an error
 */
CdArticle *
cd_merge_articles_with (CdArticle      *base,
                        CdArticle      *ours,
                        CdArticle      *theirs,
                        CdMergeBodyFunc merge_body,
                        char         ***conflicts,
                        GError        **error)
{
  g_autoptr (CdArticle) merged = NULL;
  g_autoptr (GStrvBuilder) conflicting = g_strv_builder_new ();
  g_auto (GStrv) tags = NULL;
  g_auto (GStrv) names = NULL;
  g_auto (GStrv) body_conflicts = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (merge_body != NULL, NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (base), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (ours), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (theirs), NULL);

  if (conflicts != NULL)
    *conflicts = NULL;

  merged = cd_article_copy (ours);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *b = or_empty (text_fields[i].get (base));
      const char *o = or_empty (text_fields[i].get (ours));
      const char *t = or_empty (text_fields[i].get (theirs));

      if (strcmp (o, t) == 0 || strcmp (t, b) == 0)
        continue;
      if (strcmp (o, b) == 0)
        text_fields[i].set (merged, text_fields[i].get (theirs));
      else
        g_strv_builder_add (conflicting, text_fields[i].name);
    }

  tags = cd_merge_tags (cd_article_get_tags (base), cd_article_get_tags (ours),
                        cd_article_get_tags (theirs));
  cd_article_set_tags (merged, (const char *const *) tags);

  body = merge_body (cd_article_get_body (base), cd_article_get_body (ours),
                     cd_article_get_body (theirs), &body_conflicts, error);
  if (body == NULL && body_conflicts == NULL)
    return NULL;
  if (body != NULL)
    cd_article_set_body (merged, body);
  else
    g_strv_builder_addv (conflicting, (const char **) body_conflicts);

  names = g_strv_builder_end (conflicting);
  if (names[0] != NULL)
    {
      if (conflicts != NULL)
        *conflicts = g_steal_pointer (&names);
      return NULL;
    }
  return g_steal_pointer (&merged);
}
