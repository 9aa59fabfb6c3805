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

#include "cd-json.h"
#include "cd-merge.h"

G_DEFINE_QUARK (CdMergeError, cd_merge_error)

/* A text field of an article, by its name and accessors. */
typedef struct
{
  const char *name;
  const char *(*get) (CdArticle *self);
  void (*set) (CdArticle *self, const char *value);
} TextFieldAccessors;

/* The text fields a CMS carries. */
static const TextFieldAccessors text_fields[] = {
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
  return cd_strv_equal (cd_article_get_tags (a), cd_article_get_tags (b)) &&
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

static char *
merge_text_favoring (const char            *base,
                     const char            *ours,
                     const char            *theirs,
                     git_merge_file_favor_t favor,
                     gboolean              *clean,
                     GError               **error)
{
  g_autofree char       *base_nl = with_final_newline (or_empty (base));
  g_autofree char       *ours_nl = with_final_newline (or_empty (ours));
  g_autofree char       *theirs_nl = with_final_newline (or_empty (theirs));
  git_merge_file_input   in_base, in_ours, in_theirs;
  git_merge_file_options options;
  git_merge_file_result  result = { 0 };
  const char            *reference;
  char                  *merged;

  g_assert (clean != NULL);

  init_libgit2 ();
  set_input (&in_base, base_nl, "base");
  set_input (&in_ours, ours_nl, "mine");
  set_input (&in_theirs, theirs_nl, "theirs");
  git_merge_file_options_init (&options, GIT_MERGE_FILE_OPTIONS_VERSION);
  options.favor = favor;
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
  g_return_val_if_fail (clean != NULL, NULL);

  return merge_text_favoring (base, ours, theirs, GIT_MERGE_FILE_FAVOR_NORMAL, clean, error);
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

/* One text field: their value when only they changed it; when both
 * changed it differently ours stays and the field is named in
 * @conflicting. */
static void
merge_text_field (CdArticle                *merged,
                  const TextFieldAccessors *field,
                  CdArticle                *base,
                  CdArticle                *ours,
                  CdArticle                *theirs,
                  GStrvBuilder             *conflicting)
{
  const char *b = or_empty (field->get (base));
  const char *o = or_empty (field->get (ours));
  const char *t = or_empty (field->get (theirs));

  g_assert (CD_IS_ARTICLE (merged));
  g_assert (conflicting != NULL);

  if (strcmp (o, t) == 0 || strcmp (t, b) == 0)
    return;
  if (strcmp (o, b) == 0)
    field->set (merged, field->get (theirs));
  else
    g_strv_builder_add (conflicting, field->name);
}

/* A copy of @ours with the fields a CMS carries merged, all but the body:
 * the text fields one by one (one both sides changed differently is named
 * in @conflicting) and the tags as a set. */
static CdArticle *
merge_shared_fields (CdArticle    *base,
                     CdArticle    *ours,
                     CdArticle    *theirs,
                     GStrvBuilder *conflicting)
{
  CdArticle *merged = cd_article_copy (ours);
  g_auto (GStrv) tags = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    merge_text_field (merged, &text_fields[i], base, ours, theirs, conflicting);
  tags = cd_merge_tags (cd_article_get_tags (base), cd_article_get_tags (ours),
                        cd_article_get_tags (theirs));
  cd_article_set_tags (merged, (const char *const *) tags);
  return merged;
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
  g_auto (GStrv) names = NULL;
  g_auto (GStrv) body_conflicts = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (merge_body != NULL, NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (base), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (ours), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (theirs), NULL);

  if (conflicts != NULL)
    *conflicts = NULL;

  merged = merge_shared_fields (base, ours, theirs, conflicting);
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

/* The fields only this machine keeps: a merge of two local writers (the
 * window and the command line, say) merges them too. */
static const TextFieldAccessors local_text_fields[] = {
  {"byline",         cd_article_get_byline,        cd_article_set_byline       },
  { "dateline",      cd_article_get_dateline,      cd_article_set_dateline     },
  { "source",        cd_article_get_source,        cd_article_set_source       },
  { "language",      cd_article_get_language,      cd_article_set_language     },
  { "ednote",        cd_article_get_ednote,        cd_article_set_ednote       },
  { "image",         cd_article_get_image,         cd_article_set_image        },
  { "image_caption", cd_article_get_image_caption, cd_article_set_image_caption},
  { "image_credit",  cd_article_get_image_credit,  cd_article_set_image_credit },
  { "image_alt",     cd_article_get_image_alt,     cd_article_set_image_alt    },
};

static gboolean
corrections_equal (CdArticle *a,
                   CdArticle *b)
{
  guint n = cd_article_get_n_corrections (a);

  g_assert (CD_IS_ARTICLE (a));
  g_assert (CD_IS_ARTICLE (b));

  if (n != cd_article_get_n_corrections (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const CdCorrection *ca = cd_article_get_correction (a, i);
      const CdCorrection *cb = cd_article_get_correction (b, i);

      if (!cd_datetime_equal (ca->date, cb->date) || g_strcmp0 (ca->note, cb->note) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
take_corrections (CdArticle *dest,
                  CdArticle *src)
{
  g_assert (CD_IS_ARTICLE (dest));
  g_assert (CD_IS_ARTICLE (src));

  cd_article_clear_corrections (dest);
  for (guint i = 0; i < cd_article_get_n_corrections (src); i++)
    {
      const CdCorrection *c = cd_article_get_correction (src, i);

      cd_article_add_correction (dest, c->date, c->note);
    }
}

static gboolean
same_status (CdArticle *a,
             CdArticle *b)
{
  return cd_article_get_status (a) == cd_article_get_status (b);
}

static void
take_status (CdArticle *dest,
             CdArticle *src)
{
  cd_article_set_status (dest, cd_article_get_status (src));
}

static gboolean
same_length_target (CdArticle *a,
                    CdArticle *b)
{
  return cd_article_get_length_target (a) == cd_article_get_length_target (b);
}

static void
take_length_target (CdArticle *dest,
                    CdArticle *src)
{
  cd_article_set_length_target (dest, cd_article_get_length_target (src));
}

static gboolean
same_embargo (CdArticle *a,
              CdArticle *b)
{
  return cd_datetime_equal (cd_article_get_embargo (a), cd_article_get_embargo (b));
}

static void
take_embargo (CdArticle *dest,
              CdArticle *src)
{
  cd_article_set_embargo (dest, cd_article_get_embargo (src));
}

static gboolean
same_extra (CdArticle *a,
            CdArticle *b)
{
  return cd_json_object_equal (cd_article_get_extra (a), cd_article_get_extra (b));
}

static void
take_extra (CdArticle *dest,
            CdArticle *src)
{
  cd_article_set_extra (dest, cd_article_get_extra (src));
}

/* The local fields that are not plain text. */
static const struct
{
  const char *name;
  gboolean (*same) (CdArticle *a, CdArticle *b);
  void (*take) (CdArticle *dest, CdArticle *src);
} local_values[] = {
  {"status",         same_status,        take_status       },
  { "length_target", same_length_target, take_length_target},
  { "embargo",       same_embargo,       take_embargo      },
  { "corrections",   corrections_equal,  take_corrections  },
  { "extra",         same_extra,         take_extra        },
};

/* Each local field takes their value when only they changed it; when
 * both changed it differently ours is kept and the field is named in
 * @conflicting. */
static void
merge_local_fields (CdArticle    *merged,
                    CdArticle    *base,
                    CdArticle    *ours,
                    CdArticle    *theirs,
                    GStrvBuilder *conflicting)
{
  g_assert (CD_IS_ARTICLE (merged));
  g_assert (conflicting != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (local_text_fields); i++)
    merge_text_field (merged, &local_text_fields[i], base, ours, theirs, conflicting);

  for (guint i = 0; i < G_N_ELEMENTS (local_values); i++)
    {
      if (local_values[i].same (ours, theirs) || local_values[i].same (theirs, base))
        continue;
      if (local_values[i].same (ours, base))
        local_values[i].take (merged, theirs);
      else
        g_strv_builder_add (conflicting, local_values[i].name);
    }
}

/**
 * cd_merge_articles_keeping_ours:
 * @base: the article both sides started from
 * @ours: our side
 * @theirs: the other side
 * @conflicts: (out) (transfer full) (optional): the names of the fields
 *   both sides changed differently, where ours was kept; %NULL when there
 *   were none
 * @error: return location for an error
 *
 * Merges every field of two local writers of one article, not only the
 * ones a CMS carries: a field only one side changed takes that side, the
 * body is merged line by line, and where both sides changed the same
 * field or the same lines differently our side is kept. The caller keeps
 * @theirs elsewhere (a revision) when @conflicts is set.
 *
 * Returns: (transfer full) (nullable): a copy of @ours with the merged
 *   fields, or %NULL on an error
 */
CdArticle *
cd_merge_articles_keeping_ours (CdArticle *base,
                                CdArticle *ours,
                                CdArticle *theirs,
                                char    ***conflicts,
                                GError   **error)
{
  g_autoptr (CdArticle) merged = NULL;
  g_autoptr (GStrvBuilder) conflicting = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  g_autofree char *body = NULL;
  gboolean         clean = FALSE;

  g_return_val_if_fail (CD_IS_ARTICLE (base), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (ours), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (theirs), NULL);

  if (conflicts != NULL)
    *conflicts = NULL;

  merged = merge_shared_fields (base, ours, theirs, conflicting);
  merge_local_fields (merged, base, ours, theirs, conflicting);

  body = merge_text_favoring (cd_article_get_body (base), cd_article_get_body (ours),
                              cd_article_get_body (theirs), GIT_MERGE_FILE_FAVOR_NORMAL, &clean,
                              error);
  if (body == NULL)
    return NULL;
  if (!clean)
    {
      /* Where both changed the same lines ours stays; what only they
       * changed elsewhere in the body still comes in. */
      g_strv_builder_add (conflicting, "body");
      g_clear_pointer (&body, g_free);
      body = merge_text_favoring (cd_article_get_body (base), cd_article_get_body (ours),
                                  cd_article_get_body (theirs), GIT_MERGE_FILE_FAVOR_OURS,
                                  &clean, error);
      if (body == NULL)
        return NULL;
    }
  cd_article_set_body (merged, body);

  names = g_strv_builder_end (conflicting);
  if (names[0] != NULL && conflicts != NULL)
    *conflicts = g_steal_pointer (&names);
  return g_steal_pointer (&merged);
}

/**
 * cd_merge_take_all:
 * @dest: the article to change
 * @src: the article to copy from
 *
 * Copies every field a person can change from @src into @dest, setting
 * only the ones that differ, so that views following @dest see just what
 * changed. The uuid and the creation and modification times stay.
 */
void
cd_merge_take_all (CdArticle *dest,
                   CdArticle *src)
{
  g_return_if_fail (CD_IS_ARTICLE (dest));
  g_return_if_fail (CD_IS_ARTICLE (src));

  /* The setters of text fields do nothing when the value is the same. */
  cd_merge_take_content (dest, src);
  for (guint i = 0; i < G_N_ELEMENTS (local_text_fields); i++)
    local_text_fields[i].set (dest, local_text_fields[i].get (src));
  for (guint i = 0; i < G_N_ELEMENTS (local_values); i++)
    if (!local_values[i].same (dest, src))
      local_values[i].take (dest, src);
}
