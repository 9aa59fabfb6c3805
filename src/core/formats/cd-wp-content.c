/* cd-wp-content.c: WordPress post content to the article body and back.
 *
 * A block post's top-level blocks become units of the body, separated by a
 * blank line. A text block becomes Markdown only when writing that Markdown
 * back gives the block's exact bytes, by itself or inside the block's own
 * wrapper (its shape, cd-wp-shape.c); every other block, and any HTML
 * between blocks, becomes a fence with the info string "wordpress" holding
 * its markup. On the way back each unit whose Markdown (or markup) is that
 * of a unit of the base content takes the base's bytes, and the base's
 * separators where two such units were neighbours; what is new or edited is
 * written as the block editor writes it, edited text inside the wrapper of
 * the shaped block it stands in for. A layout block whose inner blocks
 * hold text (a box of key facts, columns, a cover) becomes its opening and
 * its closing markup, two fences, with its inner blocks as units between
 * them; on the way back an end whose other end the body lost is left out,
 * so that no block is left open. A classic post (no block delimiters) is
 * cut into pieces at its blank lines and stays classic HTML, piece by
 * piece the same way (cd-wp-classic.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-content"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cd-wp-content-private.h"
#include "cd-wp-content.h"
#include "cd-wp-label.h"

typedef struct
{
  gboolean     opaque;
  gsize        start; /* in the content */
  gsize        end;
  char        *key;        /* the unit's Markdown, or its markup for an opaque one */
  GStrv        shape;      /* for Markdown of a block with its own wrapper, or NULL */
  CdWpFenceEnd layout_end; /* which end of a layout block opened up it is */
  gboolean     gallery;    /* and that block a gallery of pictures */
} BaseUnit;

typedef struct
{
  GArray  *units; /* BaseUnit */
  gboolean classic;
  gboolean wrapped; /* a classic post's paragraphs are in <p> elements */
  GString *body;
  /* The markup of each gallery of pictures the body keeps whole; every
   * other opens up. %NULL: none opens up. */
  GHashTable *kept;
} Analysis;

static void
base_unit_clear (gpointer data)
{
  BaseUnit *unit = data;

  g_free (unit->key);
  g_strfreev (unit->shape);
}

static void
analysis_clear (Analysis *analysis)
{
  g_assert (analysis != NULL);

  g_clear_pointer (&analysis->units, g_array_unref);
  g_clear_pointer (&analysis->kept, g_hash_table_unref);
  if (analysis->body != NULL)
    g_string_free (g_steal_pointer (&analysis->body), TRUE);
}

static gboolean
is_blank (const char *text,
          gsize       n)
{
  g_assert (text != NULL);

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
has_named_block (GPtrArray *blocks)
{
  g_assert (blocks != NULL);

  for (guint i = 0; i < blocks->len; i++)
    if (((CdWpBlock *) g_ptr_array_index (blocks, i))->name != NULL)
      return TRUE;
  return FALSE;
}

/**
 * cd_wp_fence:
 * @markup: block markup
 * @length: its length, or -1
 *
 * Returns: (transfer full): a Markdown fence with the info string
 *   `wordpress` holding @markup exactly; the fence is longer than any run
 *   of backticks in @markup, so nothing in it can close it
 */
char *
cd_wp_fence (const char *markup,
             gssize      length)
{
  guint    run = 0, longest = 0;
  GString *out;

  g_return_val_if_fail (markup != NULL, NULL);

  if (length < 0)
    length = strlen (markup);
  for (gssize i = 0; i < length; i++)
    {
      run = markup[i] == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  longest = MAX (longest + 1, 3);
  out = g_string_sized_new (length + 2 * longest + 16);
  for (guint i = 0; i < longest; i++)
    g_string_append_c (out, '`');
  g_string_append (out, CD_WP_FENCE_INFO "\n");
  g_string_append_len (out, markup, length);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < longest; i++)
    g_string_append_c (out, '`');
  return g_string_free (out, FALSE);
}

static void
add_unit (Analysis   *analysis,
          const char *content,
          gsize       start,
          gsize       end,
          char       *markdown,
          GStrv       shape)
{
  BaseUnit unit = { markdown == NULL, start, end, NULL, shape, CD_WP_FENCE_WHOLE, FALSE };

  g_assert (analysis != NULL && content != NULL);

  /* A paragraph of the post that starts as a table's caption does in the
   * body is no caption: its colon escaped, it reads the same. */
  if (markdown != NULL && g_str_has_prefix (markdown, CD_WP_TABLE_CAPTION))
    {
      char *escaped = g_strconcat ("Table\\:", markdown + strlen ("Table:"), NULL);

      g_free (markdown);
      markdown = escaped;
    }
  unit.key = markdown != NULL ? markdown : g_strndup (content + start, end - start);
  if (analysis->body->len > 0)
    g_string_append (analysis->body, "\n\n");
  if (markdown != NULL)
    g_string_append (analysis->body, markdown);
  else
    {
      g_autofree char *fence = cd_wp_fence (content + start, end - start);

      g_string_append (analysis->body, fence);
    }
  g_array_append_val (analysis->units, unit);
}

/* The Markdown of a text block when it writes back to the block's exact
 * bytes, by itself or inside the block's own wrapper (@shape), or to the
 * form the block editor of 6.1 gives a block of an older form; else %NULL. */
static char *
text_block_markdown (const CdWpBlock *block,
                     const char      *content,
                     char             bullet,
                     GStrv           *shape)
{
  g_autofree char *markdown = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *migrated = NULL;
  g_autoptr (GPtrArray) parsed = NULL;

  g_assert (block != NULL && content != NULL && shape != NULL);

  *shape = NULL;
  if (!_cd_wp_is_text_block (block))
    return NULL;
  markdown = _cd_wp_block_to_markdown (block, bullet);
  if (markdown != NULL)
    markup = _cd_wp_markdown_to_markup (markdown, strlen (markdown));
  if (markup != NULL && strlen (markup) == block->end - block->start &&
      memcmp (markup, content + block->start, block->end - block->start) == 0)
    return g_steal_pointer (&markdown);
  g_clear_pointer (&markdown, g_free);
  if ((markdown = _cd_wp_shaped_markdown (block, content, bullet, shape)) != NULL)
    return g_steal_pointer (&markdown);
  /* A block of an older form, as the block editor of 6.1 reads it. */
  if ((migrated = _cd_wp_migrated_markup (block, content)) == NULL)
    return NULL;
  parsed = cd_wp_blocks_parse (migrated, strlen (migrated));
  if (parsed->len != 1)
    return NULL;
  return text_block_markdown (g_ptr_array_index (parsed, 0), migrated, bullet, shape);
}

/* Adds the span of @content from @start to @end, without the white space
 * around it (it separates units), as a unit. */
static void
add_trimmed_unit (Analysis   *analysis,
                  const char *content,
                  gsize       start,
                  gsize       end,
                  char       *markdown,
                  GStrv       shape)
{
  g_assert (analysis != NULL && content != NULL);

  while (start < end && g_ascii_isspace (content[start]))
    start++;
  while (end > start && g_ascii_isspace (content[end - 1]))
    end--;
  add_unit (analysis, content, start, end, markdown, shape);
}

/* Removes the units from @n_units on and the body from @body_length on. */
static void
drop_units (Analysis *analysis,
            guint     n_units,
            gsize     body_length)
{
  g_assert (analysis != NULL);

  g_array_remove_range (analysis->units, n_units, analysis->units->len - n_units);
  g_string_truncate (analysis->body, body_length);
}

/* Whether @block is a gallery of pictures (_cd_wp_is_picture_gallery())
 * that opens up in @analysis: the body does not keep it whole. */
static gboolean
opens_gallery (const Analysis  *analysis,
               const char      *content,
               const CdWpBlock *block)
{
  g_autofree char *markup = NULL;

  g_assert (analysis != NULL && content != NULL && block != NULL);

  if (analysis->kept == NULL || !_cd_wp_is_picture_gallery (block, content))
    return FALSE;
  markup = g_strndup (content + block->start, block->end - block->start);
  return !g_hash_table_contains (analysis->kept, g_strstrip (markup));
}

/* Adds @block as units of the body: a text block as its Markdown when that
 * writes back to its exact bytes (see text_block_markdown()); a layout
 * block (_cd_wp_opens_up()) as its opening and its closing markup, two fences,
 * with its inner blocks between them, when text is among them, so that
 * the words in a box of key facts or a column are the body's like any
 * other, or when it is a gallery @analysis opens up (the desk has its
 * pictures, cd_wp_body_adopt_images()); else a fence. @last_bullet: the
 * bullet of a list just added, or 0. Whether text was added (pictures
 * are not: a box that holds only a gallery stays whole, as in the body). */
static gboolean
add_block (Analysis        *analysis,
           const char      *content,
           const CdWpBlock *block,
           char            *last_bullet)
{
  GStrv shape = NULL;
  char *markdown;
  /* A list right after a list would run into it in Markdown; the other
   * bullet keeps them apart. */
  char     bullet = *last_bullet == '-' ? '*' : '-';
  guint    n_units = analysis->units->len;
  gsize    body_length = analysis->body->len;
  gboolean text = FALSE;

  g_assert (analysis != NULL && content != NULL && block != NULL && last_bullet != NULL);

  if (_cd_wp_opens_up (block, content))
    {
      const CdWpBlock *first = g_ptr_array_index (block->inner_blocks, 0);
      const CdWpBlock *last = g_ptr_array_index (block->inner_blocks, block->inner_blocks->len - 1);
      guint            head = n_units;

      gboolean pictures;

      add_trimmed_unit (analysis, content, block->start, first->start, NULL, NULL);
      pictures = opens_gallery (analysis, content, block);
      *last_bullet = 0;
      for (guint i = 0; i < block->inner_blocks->len; i++)
        text |= add_block (analysis, content, g_ptr_array_index (block->inner_blocks, i), last_bullet);
      if (text || pictures)
        {
          add_trimmed_unit (analysis, content, last->end, block->end, NULL, NULL);
          g_array_index (analysis->units, BaseUnit, head).layout_end = CD_WP_FENCE_OPENING;
          g_array_index (analysis->units, BaseUnit, analysis->units->len - 1).layout_end = CD_WP_FENCE_CLOSING;
          g_array_index (analysis->units, BaseUnit, head).gallery = pictures;
          g_array_index (analysis->units, BaseUnit, analysis->units->len - 1).gallery = pictures;
          *last_bullet = 0;
          return text;
        }
      drop_units (analysis, n_units, body_length);
    }
  markdown = text_block_markdown (block, content, bullet, &shape);
  *last_bullet = markdown != NULL && strcmp (block->name, "core/list") == 0 ? bullet : 0;
  /* The white space around HTML between blocks (or at the end of a block
   * left open) separates units. */
  add_trimmed_unit (analysis, content, block->start, block->end, markdown, shape);
  return markdown != NULL;
}

static void
analyse (const char *content,
         gsize       length,
         Analysis   *analysis)
{
  g_autoptr (GPtrArray) blocks = cd_wp_blocks_parse (content, length);
  char last_bullet = 0;

  g_assert (content != NULL && analysis != NULL);

  analysis->units = g_array_new (FALSE, TRUE, sizeof (BaseUnit));
  g_array_set_clear_func (analysis->units, base_unit_clear);
  analysis->body = g_string_sized_new (length + 64);
  analysis->classic = !has_named_block (blocks);

  if (analysis->classic)
    {
      g_autoptr (GArray) pieces = _cd_wp_classic_pieces (content, length);

      for (guint i = 0; i < pieces->len; i += 2)
        {
          gsize    start = g_array_index (pieces, gsize, i);
          gsize    end = g_array_index (pieces, gsize, i + 1);
          gsize    before = i > 0 ? g_array_index (pieces, gsize, i - 1) : 0;
          gboolean scratch = analysis->wrapped;
          GStrv    shape;
          /* Paragraphs written new follow the post's: in <p> elements
           * when its own are (not the text after a picture in its
           * paragraph, which has none). */
          gboolean after_picture = i > 0 && memchr (content + before, '\n', start - before) == NULL;
          char    *markdown = _cd_wp_classic_markdown (content + start, end - start,
                                                    after_picture ? &scratch : &analysis->wrapped,
                                                       &shape);

          add_unit (analysis, content, start, end, markdown, shape);
        }
      if (analysis->body->len > 0)
        g_string_append_c (analysis->body, '\n');
      return;
    }
  if (!cd_wp_blocks_cover (blocks, length))
    {
      /* Broken markup WordPress reads with overlaps is kept whole. */
      gsize start = 0, end = length;

      while (start < end && g_ascii_isspace (content[start]))
        start++;
      while (end > start && g_ascii_isspace (content[end - 1]))
        end--;
      add_unit (analysis, content, start, end, NULL, NULL);
      g_string_append_c (analysis->body, '\n');
      return;
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      CdWpBlock *block = g_ptr_array_index (blocks, i);

      if (block->name == NULL && is_blank (content + block->start, block->end - block->start))
        continue;
      add_block (analysis, content, block, &last_bullet);
    }
  if (analysis->body->len > 0)
    g_string_append_c (analysis->body, '\n');
}

/**
 * cd_wp_content_is_classic:
 * @content: post content
 * @length: its length, or -1
 *
 * Returns: whether @content has no block delimiters WordPress reads (a
 *   post of the classic editor); empty content is not classic
 */
gboolean
cd_wp_content_is_classic (const char *content,
                          gssize      length)
{
  g_autoptr (GPtrArray) blocks = NULL;

  g_return_val_if_fail (content != NULL, FALSE);

  if (length < 0)
    length = strlen (content);
  if (is_blank (content, length))
    return FALSE;
  blocks = cd_wp_blocks_parse (content, length);
  return !has_named_block (blocks);
}

/* The body of @content; galleries of pictures opened up but those in
 * @kept (taken), none when it is %NULL. */
static char *
body_of (const char *content,
         gssize      length,
         GHashTable *kept)
{
  Analysis analysis = { .kept = kept };
  char    *body;

  g_assert (content != NULL);

  if (length < 0)
    length = strlen (content);
  analyse (content, length, &analysis);
  body = g_strdup (analysis.body->str);
  analysis_clear (&analysis);
  return body;
}

/**
 * cd_wp_content_to_body:
 * @content: post content as WordPress stores it (`content.raw`)
 * @length: its length, or -1
 *
 * Converts post content to the article body. A block post becomes its
 * top-level blocks, one unit each, separated by a blank line: text blocks
 * that map exactly to Markdown as Markdown, every other block (and HTML
 * between blocks) as a `wordpress` fence (see cd_wp_fence()), except that
 * a layout block with text inside (group, columns and column, cover, media
 * and text, details) is its opening markup and its closing markup, a fence
 * each, with its inner blocks between them the same way. A classic
 * post becomes its pieces the same way: those that map exactly to Markdown
 * as Markdown, the others (embeds, shortcodes, styled text) as fences.
 *
 * Returns: (transfer full): the body Markdown, ending with a line break
 *   unless empty
 */
char *
cd_wp_content_to_body (const char *content,
                       gssize      length)
{
  g_return_val_if_fail (content != NULL, NULL);

  return body_of (content, length, NULL);
}

static GHashTable *kept_galleries (const char *body,
                                   gsize       length);

/**
 * _cd_wp_content_to_body_like:
 * @content: post content
 * @length: its length, or -1
 * @body: a body made from @content, edited or not
 *
 * Returns: (transfer full): the body of @content as
 *   cd_wp_content_to_body() makes it, but with each gallery of pictures
 *   opened up (cd_wp_body_adopt_images()) that @body does not keep whole
 */
char *
_cd_wp_content_to_body_like (const char *content,
                             gssize      length,
                             const char *body)
{
  g_assert (content != NULL && body != NULL);

  return body_of (content, length, kept_galleries (body, strlen (body)));
}

/* The markup of each gallery @body keeps whole, one `wordpress` fence;
 * the galleries of pictures it does not keep whole, it has opened up, or
 * taken apart, or left out. */
static GHashTable *
kept_galleries (const char *body,
                gsize       length)
{
  g_autoptr (GArray) units = NULL;
  GHashTable *kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert (body != NULL);

  if (g_strstr_len (body, length, "wp:gallery") == NULL)
    return kept;
  units = cd_wp_body_split (body, length);
  for (guint i = 0; i < units->len; i++)
    {
      const CdWpUnit *unit = &g_array_index (units, CdWpUnit, i);
      const char     *markup = body + unit->markup_start;
      gsize           n = unit->markup_end - unit->markup_start;

      if (unit->kind == CD_WP_UNIT_BLOCK && g_strstr_len (markup, n, "wp:gallery") != NULL &&
          cd_wp_fence_end (markup, n, NULL) == CD_WP_FENCE_WHOLE)
        g_hash_table_add (kept, g_strndup (markup, n));
    }
  return kept;
}

static char *
unit_key (const Split    *split,
          const CdWpUnit *unit)
{
  g_assert (split != NULL && unit != NULL);

  if (unit->kind == CD_WP_UNIT_BLOCK)
    return g_strndup (split->body + unit->markup_start, unit->markup_end - unit->markup_start);
  return g_strndup (split->body + unit->start, unit->end - unit->start);
}

/* How alike two texts are: the share of their distinct words they have
 * in common, from 0 to 1. */
static double
likeness (const char *a,
          const char *b)
{
  g_auto (GStrv) words_a = g_str_tokenize_and_fold (a, NULL, NULL);
  g_auto (GStrv) words_b = g_str_tokenize_and_fold (b, NULL, NULL);
  g_autoptr (GHashTable) set_a = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) set_b = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer       word;
  guint          common = 0;

  g_assert (a != NULL && b != NULL);

  for (guint i = 0; words_a[i] != NULL; i++)
    g_hash_table_add (set_a, words_a[i]);
  for (guint i = 0; words_b[i] != NULL; i++)
    g_hash_table_add (set_b, words_b[i]);
  if (g_hash_table_size (set_a) == 0 || g_hash_table_size (set_b) == 0)
    return 0;
  g_hash_table_iter_init (&iter, set_a);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    common += g_hash_table_contains (set_b, word);
  return (double) common / MAX (g_hash_table_size (set_a), g_hash_table_size (set_b));
}

/* Pairs the edited text of one stretch of the body (units @first to @last,
 * none of them a unit of the base) with the base's text units between
 * @after and @before (the base units the body kept on either side), so
 * that edited text takes the wrapper of the block it replaces: one for one
 * when the stretch has as many text units as the base had there, else each
 * shaped base unit goes to the edited text most like it. */
static void
pair_stretch (const Split    *split,
              const Analysis *analysis,
              const gboolean *kept,
              guint           first,
              guint           last,
              gssize          after,
              gssize          before,
              gssize         *shape_of)
{
  g_autoptr (GArray) texts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) bases = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert (split != NULL && analysis != NULL && kept != NULL && shape_of != NULL);

  for (guint i = first; i < last; i++)
    if (g_array_index (split->units, CdWpUnit, i).kind == CD_WP_UNIT_TEXT)
      g_array_append_val (texts, i);
  for (gssize j = after + 1; j < before; j++)
    if (!kept[j] && !g_array_index (analysis->units, BaseUnit, j).opaque)
      {
        guint index = j;

        g_array_append_val (bases, index);
      }

  if (texts->len == bases->len)
    {
      for (guint k = 0; k < texts->len; k++)
        shape_of[g_array_index (texts, guint, k)] = g_array_index (bases, guint, k);
      return;
    }
  for (guint k = 0; k < bases->len; k++)
    {
      guint     j = g_array_index (bases, guint, k);
      BaseUnit *unit = &g_array_index (analysis->units, BaseUnit, j);
      gssize    best = -1;
      double    best_likeness = 0.5;

      if (unit->shape == NULL)
        continue;
      for (guint t = 0; t < texts->len; t++)
        {
          guint            i = g_array_index (texts, guint, t);
          g_autofree char *text = NULL;
          double           like;

          if (shape_of[i] >= 0)
            continue;
          text = unit_key (split, &g_array_index (split->units, CdWpUnit, i));
          like = likeness (unit->key, text);
          if (like >= best_likeness)
            best = i, best_likeness = like;
        }
      if (best >= 0)
        shape_of[best] = j;
    }
}

/* For each unit of the body, the base unit whose wrapper it takes if it is
 * edited text (see pair_stretch()), else -1. */
static gssize *
pair_edited_text (const Split    *split,
                  const Analysis *analysis,
                  const gssize   *matches)
{
  guint                n = split->units->len;
  gssize              *shape_of = g_new (gssize, n + 1);
  g_autofree gboolean *kept = NULL;

  g_assert (split != NULL && analysis != NULL && matches != NULL);

  for (guint i = 0; i < n; i++)
    shape_of[i] = -1;
  if (analysis->units == NULL)
    return shape_of;
  kept = g_new0 (gboolean, analysis->units->len);
  for (guint i = 0; i < n; i++)
    if (matches[i] >= 0)
      kept[matches[i]] = TRUE;
  for (guint i = 0; i < n;)
    {
      guint  last = i;
      gssize after, before;

      if (matches[i] >= 0)
        {
          i++;
          continue;
        }
      while (last < n && matches[last] < 0)
        last++;
      after = i > 0 ? matches[i - 1] : -1;
      before = last < n ? matches[last] : (gssize) analysis->units->len;
      if (before > after)
        pair_stretch (split, analysis, kept, i, last, after, before, shape_of);
      i = last;
    }
  return shape_of;
}

static int
compare_index (gconstpointer a,
               gconstpointer b)
{
  gssize x = *(const gssize *) a, y = *(const gssize *) b;

  return (x > y) - (x < y);
}

/* Units of the same text that were kept pair in their order: which of them
 * stayed is the pairing's answer, which is which follows the body. (Move a
 * photo below the first of three "## Heading" subheads and the three keep
 * their alignments top to bottom.) */
static void
keep_order_of_alike (gssize      *matches,
                     guint        n,
                     const guint *body_ids)
{
  g_autoptr (GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer       value;

  g_assert (matches != NULL && body_ids != NULL);

  for (guint k = 0; k < n; k++)
    if (matches[k] >= 0)
      {
        GArray *places = g_hash_table_lookup (groups, GUINT_TO_POINTER (body_ids[k]));

        if (places == NULL)
          g_hash_table_insert (groups, GUINT_TO_POINTER (body_ids[k]),
                               (places = g_array_new (FALSE, FALSE, sizeof (guint))));
        g_array_append_val (places, k);
      }
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray            *places = value;
      g_autofree gssize *bases = g_new (gssize, places->len + 1);

      for (guint t = 0; t < places->len; t++)
        bases[t] = matches[g_array_index (places, guint, t)];
      qsort (bases, places->len, sizeof *bases, compare_index);
      for (guint t = 0; t < places->len; t++)
        matches[g_array_index (places, guint, t)] = bases[t];
    }
}

/* For each unit of the body that is a unit of the base, the base's index,
 * else -1. Units left in the same order pair first, on the longest common
 * subsequence of the two lists (see cd-wp-align.c), so that of two units
 * of the same text the one that stayed in its place is the one kept: delete
 * the first of two "## Update" subheads and the second keeps its own
 * colour. A unit moved elsewhere then takes the first base unit of its
 * text still unpaired, and units of the same text keep their order (see
 * keep_order_of_alike()). */
static gssize *
match_units (const Split    *split,
             const Analysis *analysis)
{
  guint   n = split->units->len;
  guint   m = analysis->units != NULL ? analysis->units->len : 0;
  gssize *matches = g_new (gssize, n + 1);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) unpaired = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_queue_free);
  g_autofree guint    *base_ids = g_new (guint, m + 1);
  g_autofree guint    *body_ids = g_new (guint, n + 1);
  g_autofree gboolean *taken = g_new0 (gboolean, m + 1);

  g_assert (split != NULL && analysis != NULL);

  for (guint k = 0; k < m; k++)
    {
      BaseUnit *unit = &g_array_index (analysis->units, BaseUnit, k);

      base_ids[k] = _cd_wp_unit_id (ids, unit->opaque, unit->key, strlen (unit->key));
    }
  for (guint k = 0; k < n; k++)
    {
      CdWpUnit        *unit = &g_array_index (split->units, CdWpUnit, k);
      g_autofree char *key = unit_key (split, unit);

      body_ids[k] = _cd_wp_unit_id (ids, unit->kind == CD_WP_UNIT_BLOCK, key, strlen (key));
      matches[k] = -1;
    }
  if (_cd_wp_can_align (n, m))
    {
      g_autofree gint *aligned = _cd_wp_align (body_ids, n, base_ids, m);

      for (guint k = 0; k < n; k++)
        if (aligned[k] >= 0)
          {
            matches[k] = aligned[k];
            taken[aligned[k]] = TRUE;
          }
    }

  for (guint k = 0; k < m; k++)
    if (!taken[k])
      {
        GQueue *queue = g_hash_table_lookup (unpaired, GUINT_TO_POINTER (base_ids[k]));

        if (queue == NULL)
          g_hash_table_insert (unpaired, GUINT_TO_POINTER (base_ids[k]), (queue = g_queue_new ()));
        g_queue_push_tail (queue, GUINT_TO_POINTER (k));
      }
  for (guint k = 0; k < n; k++)
    if (matches[k] < 0)
      {
        GQueue *queue = g_hash_table_lookup (unpaired, GUINT_TO_POINTER (body_ids[k]));

        if (queue != NULL && !g_queue_is_empty (queue))
          matches[k] = GPOINTER_TO_UINT (g_queue_pop_head (queue));
      }
  keep_order_of_alike (matches, n, body_ids);
  return matches;
}

/* Edited text as block markup; inside the wrapper of the shaped block it
 * replaces when it is the same kind of block (an aligned paragraph, edited,
 * stays aligned). */
static void
append_edited_text (GString        *out,
                    cmark_node     *node,
                    const BaseUnit *replaced)
{
  g_autoptr (GString) markup = g_string_new (NULL);

  g_assert (out != NULL && node != NULL);

  _cd_wp_markup_append_node (markup, node);
  if (replaced == NULL || replaced->shape == NULL ||
      !_cd_wp_shape_apply (replaced->shape, markup->str, out))
    g_string_append_len (out, markup->str, markup->len);
}

/* Edited text of a classic post as the classic editor writes it, with the
 * character references of the piece it replaces. */
static void
append_edited_classic (GString        *out,
                       const Split    *split,
                       guint           i,
                       const Analysis *analysis,
                       const char     *base,
                       const BaseUnit *replaced)
{
  g_autoptr (GString) html = g_string_new (NULL);
  gboolean wrap = _cd_wp_classic_wraps (replaced != NULL ? base + replaced->start : NULL,
                                        replaced != NULL ? replaced->end - replaced->start : 0,
                                        analysis->wrapped);

  g_assert (out != NULL && split != NULL && analysis != NULL && base != NULL);

  _cd_wp_classic_append_node (html, g_ptr_array_index (split->nodes, i), split->parser, wrap);
  if (replaced == NULL || replaced->shape == NULL ||
      !_cd_wp_classic_same_kind (g_ptr_array_index (split->nodes, i), replaced->key) ||
      !_cd_wp_shape_apply (replaced->shape, html->str, out))
    g_string_append_len (out, html->str, html->len);
}

/* Whether base units @j and @j + 1 of a classic post are the two pieces of
 * one paragraph: a picture the text flows around, then the text, nothing
 * but spaces between them; or the text, then a picture at its end, on its
 * line or the next. */
static gboolean
joins_next (const Analysis *analysis,
            const char     *base,
            gssize          j)
{
  const BaseUnit *first, *second;
  const char     *gap, *line_break;

  g_assert (analysis != NULL);

  if (!analysis->classic || j < 0 || (gsize) j + 1 >= analysis->units->len)
    return FALSE;
  first = &g_array_index (analysis->units, BaseUnit, j);
  second = &g_array_index (analysis->units, BaseUnit, j + 1);
  gap = base + first->end;
  line_break = memchr (gap, '\n', second->start - first->end);
  if (first->opaque && !second->opaque)
    return line_break == NULL;
  return !first->opaque && second->opaque &&
         (line_break == NULL || memchr (line_break + 1, '\n', base + second->start - line_break - 1) == NULL);
}

/* For unit @i of the body, edited (no base unit of its own, @prev the base
 * unit the unit before it has): the piece of a paragraph of two pieces it
 * stands in for when the other piece stands beside it (an edited picture
 * before or after its text, edited text after or before its picture), so
 * that the two stay one paragraph, or the fence it replaces between two
 * units that stand as in the base; else -1. @taken: the base units the
 * body has. */
static gssize
joined_place (const Analysis *analysis,
              const char     *base,
              const Split    *split,
              const gboolean *taken,
              guint           i,
              gssize          prev,
              gssize          next)
{
  const CdWpUnit *unit = &g_array_index (split->units, CdWpUnit, i);

  g_assert (analysis != NULL && split != NULL && taken != NULL);

  /* The piece after the one the unit before has, or before the one the
   * unit after has, of the unit's kind. */
  for (guint side = 0; side < 2; side++)
    {
      gssize place = side == 0 ? (joins_next (analysis, base, prev) ? prev + 1 : -1)
                               : (next > 0 && joins_next (analysis, base, next - 1) ? next - 1 : -1);

      if (place >= 0 && !taken[place] &&
          g_array_index (analysis->units, BaseUnit, place).opaque == (unit->kind == CD_WP_UNIT_BLOCK))
        return place;
    }
  /* An edited fence (a picture with a new caption) between two units that
   * are neighbours but one in the base: the fence the base has between
   * them, so that the base's white space stays around it (inside a
   * gallery, none). */
  if (unit->kind == CD_WP_UNIT_BLOCK && prev >= 0 && next == prev + 2 && !taken[prev + 1] &&
      g_array_index (analysis->units, BaseUnit, prev + 1).opaque)
    return prev + 1;
  return -1;
}

/* Appends what goes between the unit written last, base unit @prev (or
 * -1), and one that is base unit @place (or -1): the base's own bytes
 * between them where they were neighbours; inside a gallery opened up,
 * what the base has after its opening end or before its closing end (as
 * a rule, nothing); else a blank line. */
static void
append_separator (GString        *out,
                  const Analysis *analysis,
                  const char     *base,
                  gssize          prev,
                  gssize          place)
{
  const BaseUnit *before = prev >= 0 ? &g_array_index (analysis->units, BaseUnit, prev) : NULL;
  const BaseUnit *after = place >= 0 ? &g_array_index (analysis->units, BaseUnit, place) : NULL;

  g_assert (out != NULL && analysis != NULL);

  if (before != NULL && after != NULL && place == prev + 1)
    g_string_append_len (out, base + before->end, after->start - before->end);
  else if (before != NULL && before->layout_end == CD_WP_FENCE_OPENING && before->gallery)
    {
      after = &g_array_index (analysis->units, BaseUnit, prev + 1);
      g_string_append_len (out, base + before->end, after->start - before->end);
    }
  else if (after != NULL && after->layout_end == CD_WP_FENCE_CLOSING && after->gallery)
    {
      before = &g_array_index (analysis->units, BaseUnit, place - 1);
      g_string_append_len (out, base + before->end, after->start - before->end);
    }
  else
    g_string_append (out, "\n\n");
}

/* For unit @i of the body, which no base unit is (a copy): the end of a
 * gallery opened up in the base that it copies, so that the copy's white
 * space is the gallery's; else -1. */
static gssize
copied_gallery_end (const Analysis *analysis,
                    const Split    *split,
                    guint           i)
{
  const CdWpUnit  *unit = &g_array_index (split->units, CdWpUnit, i);
  g_autofree char *key = NULL;

  g_assert (analysis != NULL && split != NULL);

  if (unit->kind != CD_WP_UNIT_BLOCK || analysis->units == NULL)
    return -1;
  key = unit_key (split, unit);
  for (guint j = 0; j < analysis->units->len; j++)
    {
      const BaseUnit *end = &g_array_index (analysis->units, BaseUnit, j);

      if (end->gallery && strcmp (end->key, key) == 0)
        return j;
    }
  return -1;
}

/**
 * cd_wp_body_to_content:
 * @body: an article body
 * @length: its length, or -1
 * @base: (nullable): the post content the body was made from (as
 *   WordPress last gave it), or %NULL for a new post
 * @base_length: its length, or -1
 *
 * Converts a body back to post content. With no edit the result is @base
 * itself. Otherwise every unit whose Markdown is that of a unit of @base
 * gets the base's exact bytes, and two units that were neighbours in @base
 * keep the base's separator; each `wordpress` fence gives its markup
 * exactly; new or edited text is written as the block editor of WordPress
 * 6.1 writes it, separated by a blank line, except that edited text which
 * stands where a shaped block stood (see pair_stretch()) and is the same
 * kind of block keeps that block's wrapper. Moved, deleted and inserted
 * units follow the body; an end of a layout block whose other end is gone
 * from around the text after it is left out (see _cd_wp_orphan_ends()).
 * When @base is a classic post the result is classic HTML.
 *
 * Returns: (transfer full): post content
 */
char *
cd_wp_body_to_content (const char *body,
                       gssize      length,
                       const char *base,
                       gssize      base_length)
{
  Analysis analysis = { 0 };
  Split    split = { 0 };
  g_autoptr (GString) out = NULL;
  g_autofree gssize   *matches = NULL;
  g_autofree gssize   *shape_of = NULL;
  g_autofree gboolean *taken = NULL;
  g_autofree gboolean *orphan = NULL;
  g_autofree guint    *order = NULL;
  gssize               prev = -1;
  /* The base unit the unit written last is, or copies the end of. */
  gssize prev_like = -1, like;
  guint  written = 0;

  g_return_val_if_fail (body != NULL, NULL);

  if (length < 0)
    length = strlen (body);
  if (base != NULL && base_length < 0)
    base_length = strlen (base);
  /* A post of white space alone, untouched, keeps its bytes. */
  if (base != NULL && is_blank (base, base_length) && is_blank (body, length))
    return g_strndup (base, base_length);
  if (base != NULL && is_blank (base, base_length))
    base = NULL;

  if (base != NULL)
    {
      analysis.kept = kept_galleries (body, length);
      analyse (base, base_length, &analysis);
      if (analysis.body->len == (gsize) length && memcmp (analysis.body->str, body, length) == 0)
        {
          analysis_clear (&analysis);
          return g_strndup (base, base_length);
        }
    }

  _cd_wp_split_body (body, length, !analysis.classic, &split);

  matches = match_units (&split, &analysis);
  shape_of = pair_edited_text (&split, &analysis, matches);
  {
    /* A fence that stands for a whole unit of the base is the base's own. */
    g_autofree gboolean *whole = g_new0 (gboolean, split.units->len + 1);

    for (guint i = 0; i < split.units->len; i++)
      whole[i] = matches[i] >= 0 &&
                 g_array_index (analysis.units, BaseUnit, matches[i]).layout_end == CD_WP_FENCE_WHOLE;
    orphan = _cd_wp_orphan_ends (body, split.units, whole);
  }
  taken = g_new0 (gboolean, (analysis.units != NULL ? analysis.units->len : 0) + 1);
  for (guint i = 0; i < split.units->len; i++)
    if (matches[i] >= 0 || shape_of[i] >= 0)
      taken[matches[i] >= 0 ? matches[i] : shape_of[i]] = TRUE;

  order = _cd_wp_gallery_order (body, split.units, orphan);
  out = g_string_sized_new (length * 2 + 64);
  for (guint k = 0; k < split.units->len; k++)
    {
      guint     i = order[k];
      CdWpUnit *unit = &g_array_index (split.units, CdWpUnit, i);
      gssize    match = matches[i];
      /* The base unit of the unit written next. */
      gssize next = k + 1 < split.units->len ? matches[order[k + 1]] : -1;
      /* The base unit this one is, or stands in for as its edit. */
      gssize place = match >= 0 ? match : shape_of[i];

      if (orphan[i])
        continue;
      if (place < 0 && (place = joined_place (&analysis, base, &split, taken, i, prev, next)) >= 0)
        {
          taken[place] = TRUE;
          shape_of[i] = unit->kind == CD_WP_UNIT_TEXT ? place : -1;
        }

      like = place >= 0 ? place : copied_gallery_end (&analysis, &split, i);
      if (written++ > 0)
        append_separator (out, &analysis, base, prev_like, like);

      if (match >= 0)
        {
          BaseUnit *from = &g_array_index (analysis.units, BaseUnit, match);

          g_string_append_len (out, base + from->start, from->end - from->start);
        }
      else if (unit->kind == CD_WP_UNIT_BLOCK)
        g_string_append_len (out, body + unit->markup_start, unit->markup_end - unit->markup_start);
      else if (analysis.classic)
        append_edited_classic (out, &split, i, &analysis, base,
                               shape_of[i] >= 0
                                   ? &g_array_index (analysis.units, BaseUnit, shape_of[i])
                                   : NULL);
      else
        append_edited_text (out, g_ptr_array_index (split.nodes, i),
                            shape_of[i] >= 0
                                ? &g_array_index (analysis.units, BaseUnit, shape_of[i])
                                : NULL);
      prev = place;
      prev_like = like;
    }

  /* The base's leading and trailing bytes (white space, as a rule) frame
   * the content whatever its units became. */
  if (analysis.units != NULL && analysis.units->len > 0)
    {
      BaseUnit *first = &g_array_index (analysis.units, BaseUnit, 0);
      BaseUnit *last = &g_array_index (analysis.units, BaseUnit, analysis.units->len - 1);

      if (out->len > 0)
        {
          g_string_prepend_len (out, base, first->start);
          g_string_append_len (out, base + last->end, base_length - last->end);
        }
    }
  _cd_wp_split_clear (&split);
  analysis_clear (&analysis);
  return g_strdup (out->str);
}
