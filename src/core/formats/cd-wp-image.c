/* cd-wp-image.c: the body's `image` fences to WordPress image blocks and
 * back (see cd-wp-image.h).
 *
 * The block is written as the block editor of WordPress 6.1 saves
 * core/image (image_save_save() in wp-includes/js/dist/block-library.js):
 *
 *   <!-- wp:image {"id":N,"sizeSlug":"large","linkDestination":"none"} -->
 *   <figure class="wp-block-image size-large"><img src="URL" alt="ALT"
 *   class="wp-image-N"/><figcaption class="wp-element-caption">CAPTION
 *   <span class="credit">CREDIT</span></figcaption></figure>
 *   <!-- /wp:image -->
 *
 * (on one line inside the delimiters). The caption is rich text, so the
 * credit keeps a span of its own and is told apart on the way back. A
 * block the site's editors placed keeps its own form (an alignment,
 * another size, a link, the figure in a div as editors before 6.1 wrote
 * it): the fence's alt text, caption and credit are put into that block
 * as the site has it. So are a classic post's pictures
 * (cd-wp-classic-image.c). A pulled block becomes an `image` fence only when
 * putting its own words back into it gives its exact bytes, the rule
 * every text block follows too (cd-wp-content.c): a caption with
 * formatting in it keeps the block opaque, byte for byte, and nothing of
 * it is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-image"

#include "config.h"

#include <string.h>

#include "cd-image-ref.h"
#include "cd-wp-blocks.h"
#include "cd-wp-content-private.h"
#include "cd-wp-content.h"
#include "cd-wp-image-private.h"
#include "cd-wp-image.h"

#define IMAGE_CLOSE "<!-- /wp:image -->"

gboolean
_cd_wp_image_is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Writes the caption and the credit after it, the credit in its span. */
void
_cd_wp_image_append_caption (GString    *out,
                             const char *caption,
                             const char *credit)
{
  g_assert (out != NULL);

  _cd_wp_markup_append_text (out, caption);
  if (_cd_wp_image_is_set (caption) && _cd_wp_image_is_set (credit))
    g_string_append_c (out, ' ');
  if (_cd_wp_image_is_set (credit))
    {
      g_string_append (out, CREDIT_OPEN);
      _cd_wp_markup_append_text (out, credit);
      g_string_append (out, CREDIT_CLOSE);
    }
}

/**
 * cd_wp_image_block:
 * @media_id: the site's id of the image
 * @url: where the site serves it
 * @alt: (nullable): the alternative text
 * @caption: (nullable): the caption
 * @credit: (nullable): the credit, after the caption
 *
 * Returns: (transfer full): the core/image block, as the block editor
 *   writes it
 */
char *
cd_wp_image_block (const char *media_id,
                   const char *url,
                   const char *alt,
                   const char *caption,
                   const char *credit)
{
  GString *out;

  g_return_val_if_fail (media_id != NULL && url != NULL, NULL);

  out = g_string_new ("<!-- wp:image {\"id\":");
  g_string_append (out, media_id);
  g_string_append (out, ",\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n"
                        "<figure class=\"wp-block-image size-large\"><img src=\"");
  _cd_wp_markup_append_attribute (out, url);
  g_string_append (out, "\" alt=\"");
  _cd_wp_markup_append_attribute (out, alt != NULL ? alt : "");
  g_string_append_printf (out, "\" class=\"wp-image-%s\"/>", media_id);
  if (_cd_wp_image_is_set (caption) || _cd_wp_image_is_set (credit))
    {
      g_string_append (out, CAPTION_OPEN);
      _cd_wp_image_append_caption (out, caption, credit);
      g_string_append (out, CAPTION_CLOSE);
    }
  g_string_append (out, "</figure>\n<!-- /wp:image -->");
  return g_string_free (out, FALSE);
}

/* HTML's entities as the block editor writes them, back to text. */
char *
_cd_wp_image_unescape (const char *text,
                       gsize       length)
{
  static const struct
  {
    const char *entity;
    char        c;
  } entities[] = {
    {"&amp;",   '&'},
    { "&lt;",   '<'},
    { "&gt;",   '>'},
    { "&quot;", '"'},
  };
  GString *out = g_string_sized_new (length);

  g_assert (text != NULL);

  for (gsize i = 0; i < length;)
    {
      gboolean matched = FALSE;

      for (guint e = 0; e < G_N_ELEMENTS (entities) && text[i] == '&'; e++)
        {
          gsize n = strlen (entities[e].entity);

          if (i + n <= length && strncmp (text + i, entities[e].entity, n) == 0)
            {
              g_string_append_c (out, entities[e].c);
              i += n;
              matched = TRUE;
              break;
            }
        }
      if (!matched)
        g_string_append_c (out, text[i++]);
    }
  return g_string_free (out, FALSE);
}

/* The text between @open and the next @close after it in @markup. */
static char *
between (const char *markup,
         const char *open,
         const char *close)
{
  const char *start = strstr (markup, open);
  const char *end;

  g_assert (markup != NULL && open != NULL && close != NULL);

  if (start == NULL)
    return NULL;
  start += strlen (open);
  end = strstr (start, close);
  return end != NULL ? g_strndup (start, end - start) : NULL;
}

/* Where the words of an image block stand in its markup: the value of its
 * <img>'s alt attribute (or where one would go, after its address), and
 * the inside of its figcaption (or where one would go, before the end of
 * its figure). */
typedef struct
{
  gsize    alt_start, alt_end;
  gboolean has_alt;
  gsize    caption_start, caption_end;       /* the inside */
  gsize    figcaption_start, figcaption_end; /* the whole element */
  gboolean has_caption;
  gsize    figure_end; /* where "</figure>" starts */
} ImageParts;

/* How many attributes named @name the tag from @tag to @tag_end has, in
 * any case, quoted or not (an attribute's value that reads so counts too,
 * which only makes a picture stay whole). */
guint
_cd_wp_image_count_attributes (const char *tag,
                               const char *tag_end,
                               const char *name)
{
  gsize n = strlen (name);
  guint count = 0;

  g_assert (tag != NULL && tag_end != NULL && name != NULL);

  for (const char *p = tag; p + 1 + n < tag_end; p++)
    if (g_ascii_isspace (*p) && g_ascii_strncasecmp (p + 1, name, n) == 0)
      {
        const char *q = p + 1 + n;

        while (q < tag_end && g_ascii_isspace (*q))
          q++;
        count += q < tag_end && *q == '=';
      }
  return count;
}

/* How many times @needle, in lower case, stands in the @length bytes of
 * @haystack, in any case. */
guint
_cd_wp_image_count_any_case (const char *haystack,
                             gsize       length,
                             const char *needle)
{
  g_autofree char *lower = g_ascii_strdown (haystack, length);
  guint            count = 0;

  g_assert (haystack != NULL && needle != NULL);

  for (const char *p = strstr (lower, needle); p != NULL; p = strstr (p + 1, needle))
    count++;
  return count;
}

/* Finds the parts of @markup, a core/image block: one <img> with its
 * address in double quotes, at most one figcaption after it, a figure
 * closed after both, and no other alt attribute or figcaption in any
 * case or form. */
static gboolean
find_parts (const char *markup,
            gsize       length,
            ImageParts *parts)
{
  const char *end = markup + length;
  const char *img = g_strstr_len (markup, length, "<img ");
  const char *img_end, *src, *alt, *figure, *caption;

  g_assert (markup != NULL && parts != NULL);

  memset (parts, 0, sizeof *parts);
  if (img == NULL || g_strstr_len (img + 1, end - img - 1, "<img") != NULL ||
      (img_end = _cd_wp_tag_end (img, end)) == NULL)
    return FALSE;
  src = g_strstr_len (img, img_end - img, " src=\"");
  src = src != NULL ? memchr (src + strlen (" src=\""), '"', img_end - src - strlen (" src=\"")) : NULL;
  if (src == NULL)
    return FALSE;
  alt = g_strstr_len (img, img_end - img, " alt=\"");
  parts->has_alt = alt != NULL;
  if (alt != NULL)
    {
      const char *value_end = memchr (alt + strlen (" alt=\""), '"', img_end - alt - strlen (" alt=\""));

      if (value_end == NULL)
        return FALSE;
      parts->alt_start = alt + strlen (" alt=\"") - markup;
      parts->alt_end = value_end - markup;
    }
  else
    parts->alt_start = parts->alt_end = src + 1 - markup;

  figure = g_strrstr_len (markup, length, "</figure>");
  if (figure == NULL || figure < img_end)
    return FALSE;
  parts->figure_end = figure - markup;
  caption = g_strstr_len (img_end, figure - img_end, "<figcaption");
  parts->has_caption = caption != NULL;
  if (caption != NULL)
    {
      const char *inside = _cd_wp_tag_end (caption, figure);
      const char *close = inside != NULL ? g_strstr_len (inside, figure - inside, CAPTION_CLOSE) : NULL;

      if (close == NULL || (caption[11] != '>' && caption[11] != ' ') ||
          g_strstr_len (inside, close - inside, "<figcaption") != NULL ||
          g_strstr_len (close, figure - close, "<figcaption") != NULL)
        return FALSE;
      parts->figcaption_start = caption - markup;
      parts->caption_start = inside - markup;
      parts->caption_end = close - markup;
      parts->figcaption_end = close + strlen (CAPTION_CLOSE) - markup;
    }
  /* Alt text or a caption written so that they are not found would stay
   * beside the ones written. */
  return _cd_wp_image_count_attributes (img, img_end, "alt") == (parts->has_alt ? 1u : 0u) &&
         _cd_wp_image_count_attributes (img, img_end, "src") == 1 &&
         _cd_wp_image_count_any_case (markup, length, "<figcaption") == (parts->has_caption ? 1u : 0u) &&
         _cd_wp_image_count_any_case (markup, length, "<img") == 1;
}

/* Appends @markup from @from to @alt_start, where the value of an <img>'s
 * alt attribute starts (or, when it has none, where one goes), then @alt
 * as that value; the value's old text ends at @alt_end. */
void
_cd_wp_image_append_with_alt (GString    *out,
                              const char *markup,
                              gsize       from,
                              gsize       alt_start,
                              gsize       alt_end,
                              gboolean    has_alt,
                              const char *alt)
{
  g_assert (out != NULL && markup != NULL && from <= alt_start && alt_start <= alt_end);

  g_string_append_len (out, markup + from, alt_start - from);
  if (!has_alt && _cd_wp_image_is_set (alt))
    g_string_append (out, " alt=\"");
  _cd_wp_markup_append_attribute (out, alt != NULL ? alt : "");
  if (!has_alt && _cd_wp_image_is_set (alt))
    g_string_append_c (out, '"');
}

/* @markup, a core/image block, with @alt, @caption and @credit in place of
 * its own: the block's other attributes, its alignment, size, link and
 * classes, stay as they are. A caption added goes in a figcaption as the
 * block editor writes it; one taken out takes its figcaption with it.
 * %NULL when the block is not written so that its parts are found. */
static char *
substitute (const char *markup,
            gsize       length,
            const char *alt,
            const char *caption,
            const char *credit)
{
  ImageParts parts;
  GString   *out;
  gboolean   captioned = _cd_wp_image_is_set (caption) || _cd_wp_image_is_set (credit);

  g_assert (markup != NULL);

  if (!find_parts (markup, length, &parts))
    return NULL;
  out = g_string_new (NULL);
  _cd_wp_image_append_with_alt (out, markup, 0, parts.alt_start, parts.alt_end, parts.has_alt, alt);
  if (parts.has_caption && captioned)
    {
      g_string_append_len (out, markup + parts.alt_end, parts.caption_start - parts.alt_end);
      _cd_wp_image_append_caption (out, caption, credit);
      g_string_append_len (out, markup + parts.caption_end, length - parts.caption_end);
    }
  else if (parts.has_caption)
    {
      g_string_append_len (out, markup + parts.alt_end, parts.figcaption_start - parts.alt_end);
      g_string_append_len (out, markup + parts.figcaption_end, length - parts.figcaption_end);
    }
  else
    {
      g_string_append_len (out, markup + parts.alt_end, parts.figure_end - parts.alt_end);
      if (captioned)
        {
          /* Editors before 6.1, which put the figure in a div, write the
           * caption without a class. */
          g_string_append (out, g_strstr_len (markup, length, "<div class=\"wp-block-image") != NULL
                                    ? "<figcaption>"
                                    : CAPTION_OPEN);
          _cd_wp_image_append_caption (out, caption, credit);
          g_string_append (out, CAPTION_CLOSE);
        }
      g_string_append_len (out, markup + parts.figure_end, length - parts.figure_end);
    }
  return g_string_free (out, FALSE);
}

/* @figcaption, a caption's HTML, as the caption's text and the credit
 * after it in its span. */
void
_cd_wp_image_split_caption (const char *figcaption,
                            char      **caption,
                            char      **credit)
{
  const char *span = strstr (figcaption, CREDIT_OPEN);
  gsize       caption_end = strlen (figcaption);

  g_assert (figcaption != NULL && caption != NULL && credit != NULL);

  if (span != NULL && g_str_has_suffix (span, CREDIT_CLOSE))
    {
      const char *credit_start = span + strlen (CREDIT_OPEN);

      *credit = _cd_wp_image_unescape (credit_start, strlen (credit_start) - strlen (CREDIT_CLOSE));
      caption_end = span - figcaption;
      if (caption_end > 0 && figcaption[caption_end - 1] == ' ')
        caption_end--;
    }
  *caption = _cd_wp_image_unescape (figcaption, caption_end);
}

/* Reads the alt text, caption and credit of @markup, a core/image block
 * closed by its own name; whether its parts are found. */
static gboolean
block_words (const char *markup,
             gsize       length,
             char      **alt,
             char      **caption,
             char      **credit)
{
  ImageParts parts;

  g_assert (markup != NULL && alt != NULL && caption != NULL && credit != NULL);

  *alt = *caption = *credit = NULL;
  /* A block closed by its own name: one a stray closer ends is not. */
  if (length < strlen (IMAGE_CLOSE) || memcmp (markup + length - strlen (IMAGE_CLOSE), IMAGE_CLOSE, strlen (IMAGE_CLOSE)) != 0 ||
      !find_parts (markup, length, &parts))
    return FALSE;
  *alt = _cd_wp_image_unescape (markup + parts.alt_start, parts.alt_end - parts.alt_start);
  if (parts.has_caption)
    {
      g_autofree char *figcaption = g_strndup (markup + parts.caption_start,
                                               parts.caption_end - parts.caption_start);

      _cd_wp_image_split_caption (figcaption, caption, credit);
    }
  return TRUE;
}

static char *
substitute_picture (const char *markup,
                    gsize       length,
                    const char *alt,
                    const char *caption,
                    const char *credit)
{
  g_assert (markup != NULL);

  if (length >= 4 && memcmp (markup, "<!--", 4) == 0)
    return substitute (markup, length, alt, caption, credit);
  return _cd_wp_image_substitute_classic (markup, length, alt, caption, credit);
}

/* Whether an image fence's line holds @value as it is: one line, no white
 * space at its ends (see cd_image_ref_to_fence()). */
static gboolean
fence_holds (const char *value)
{
  gsize n = value != NULL ? strlen (value) : 0;

  return n == 0 || (strpbrk (value, "\r\n") == NULL && !g_ascii_isspace (value[0]) &&
                    !g_ascii_isspace (value[n - 1]));
}

/* An image block's or a classic picture's words (see block_words() and
 * _cd_wp_image_classic_words()), when putting them back into it gives its bytes, so
 * that it is those words in a form it keeps, and an image fence holds
 * them as they are. */
static gboolean
picture_words (const char *markup,
               gsize       length,
               char      **alt,
               char      **caption,
               char      **credit)
{
  gboolean read;

  g_assert (markup != NULL);

  if (length >= 4 && memcmp (markup, "<!--", 4) == 0)
    read = block_words (markup, length, alt, caption, credit);
  else
    read = _cd_wp_image_classic_words (markup, length, alt, caption, credit);
  if (read && fence_holds (*alt) && fence_holds (*caption) && fence_holds (*credit))
    {
      g_autofree char *again = substitute_picture (markup, length, *alt, *caption, *credit);

      if (again != NULL && strlen (again) == length && memcmp (again, markup, length) == 0)
        return TRUE;
    }
  g_clear_pointer (alt, g_free);
  g_clear_pointer (caption, g_free);
  g_clear_pointer (credit, g_free);
  return FALSE;
}

/* An image block of a post's content, or a classic post's picture, that
 * reads as an image fence. */
typedef struct
{
  char *markup;
  char *key; /* its media id and words, see picture_key() */
} SiteBlock;

static void
site_block_clear (gpointer data)
{
  g_free (((SiteBlock *) data)->markup);
  g_free (((SiteBlock *) data)->key);
}

/* What makes two pictures the same: the media item and the words. */
static char *
picture_key (const char *media_id,
             const char *alt,
             const char *caption,
             const char *credit)
{
  return g_strjoin ("\x1f", media_id, alt != NULL ? alt : "", caption != NULL ? caption : "",
                    credit != NULL ? credit : "", NULL);
}

/* Whether @key is a picture of the media item @media_id. */
static gboolean
key_is_of (const char *key,
           const char *media_id)
{
  gsize n = strlen (media_id);

  return strncmp (key, media_id, n) == 0 && key[n] == '\x1f';
}

/* The pictures of @content that read as image fences (see
 * picture_words()), in order: its top-level image blocks and those of the
 * galleries the body @like has opened up, or in a classic post its
 * pictures. */
static GArray *
site_blocks (const char *content,
             const char *like)
{
  g_autofree char *body = _cd_wp_content_to_body_like (content, -1, like);
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SiteBlock));

  g_assert (content != NULL);

  g_array_set_clear_func (out, site_block_clear);
  for (guint i = 0; i < units->len; i++)
    {
      CdWpUnit        *unit = &g_array_index (units, CdWpUnit, i);
      const char      *markup = body + unit->markup_start;
      gsize            length = unit->markup_end - unit->markup_start;
      g_autofree char *media_id = NULL;
      g_autofree char *alt = NULL, *caption = NULL, *credit = NULL;

      if (unit->kind != CD_WP_UNIT_BLOCK)
        continue;
      if ((cd_wp_image_block_source (markup, length, &media_id, NULL) ||
           cd_wp_image_classic_source (markup, length, &media_id, NULL)) &&
          picture_words (markup, length, &alt, &caption, &credit))
        {
          SiteBlock site = { g_strndup (markup, length), picture_key (media_id, alt, caption, credit) };

          g_array_append_val (out, site);
        }
    }
  return out;
}

/* Pairs the pictures @fences of one media item (indices into @refs) with
 * its pictures @sites (indices into @blocks), into @placed. Each goes
 * with one of the same words, in order, where every picture finds one or
 * the two lists are not as long (a picture moved, copied or deleted);
 * else, as many on both sides and some edited, the k-th with the k-th,
 * so that an edit keeps each picture's own block even where the post
 * shows it twice in two forms. A picture left over goes with one of its
 * blocks left, in order, or with the block of the nearest picture before
 * it (a copy goes in as the picture it copies). */
static void
pair_media (GPtrArray *refs,
            GArray    *fences,
            GArray    *blocks,
            GArray    *sites,
            GPtrArray *placed,
            GPtrArray *keys)
{
  guint                n = fences->len, m = sites->len, found = 0;
  g_autofree gint     *match = g_new (gint, n + 1);
  g_autofree gboolean *used = g_new0 (gboolean, m + 1);

  g_assert (refs != NULL && fences != NULL && blocks != NULL && sites != NULL && placed != NULL);

  if (m == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      const char *key = g_ptr_array_index (keys, g_array_index (fences, guint, i));

      match[i] = -1;
      for (guint j = 0; j < m && match[i] < 0; j++)
        if (!used[j] && strcmp (key, g_array_index (blocks, SiteBlock, g_array_index (sites, guint, j)).key) == 0)
          {
            match[i] = j;
            used[j] = TRUE;
            found++;
          }
    }
  if (n == m && found < n)
    for (guint i = 0; i < n; i++)
      {
        match[i] = -1;
        used[i] = FALSE;
      }
  for (guint i = 0; i < n; i++)
    {
      CdImageRef *ref = g_ptr_array_index (refs, g_array_index (fences, guint, i));
      gint        chosen = match[i];
      SiteBlock  *site;

      if (chosen < 0 && n == m && found < n)
        chosen = i;
      for (guint j = 0; j < m && chosen < 0; j++)
        if (!used[j])
          chosen = j;
      for (guint k = i; k > 0 && chosen < 0; k--)
        chosen = match[k - 1];
      chosen = MAX (chosen, 0);
      match[i] = chosen;
      used[chosen] = TRUE;
      site = &g_array_index (blocks, SiteBlock, g_array_index (sites, guint, chosen));
      g_ptr_array_index (placed, g_array_index (fences, guint, i)) =
          substitute_picture (site->markup, strlen (site->markup), ref->alt, ref->caption, ref->credit);
    }
}

/* Pairs each picture of @refs (with its media item in @media, %NULL for
 * none) with a picture of @blocks, the post's, media item by media item
 * (see pair_media()). Returns, for each of @refs, its block with its
 * words in it, or %NULL. */
static GPtrArray *
pair_with_site (GPtrArray        *refs,
                const CdWpMedia **media,
                GArray           *blocks)
{
  GPtrArray *placed = g_ptr_array_new_full (refs->len, g_free);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_full (refs->len, g_free);
  g_autoptr (GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert (refs != NULL && media != NULL && blocks != NULL);

  g_ptr_array_set_size (placed, refs->len);
  for (guint i = 0; i < refs->len; i++)
    {
      CdImageRef *ref = g_ptr_array_index (refs, i);

      g_ptr_array_add (keys, media[i] != NULL ? picture_key (media[i]->media_id, ref->alt, ref->caption, ref->credit)
                                              : NULL);
    }
  for (guint i = 0; i < refs->len; i++)
    {
      g_autoptr (GArray) fences = NULL;
      g_autoptr (GArray) sites = NULL;

      if (media[i] == NULL || g_hash_table_contains (done, media[i]->media_id))
        continue;
      g_hash_table_add (done, (char *) media[i]->media_id);
      fences = g_array_new (FALSE, FALSE, sizeof (guint));
      sites = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint k = i; k < refs->len; k++)
        if (media[k] != NULL && strcmp (media[k]->media_id, media[i]->media_id) == 0)
          g_array_append_val (fences, k);
      for (guint j = 0; j < blocks->len; j++)
        if (key_is_of (g_array_index (blocks, SiteBlock, j).key, media[i]->media_id))
          g_array_append_val (sites, j);
      pair_media (refs, fences, blocks, sites, placed, keys);
    }
  return placed;
}

/**
 * cd_wp_body_place_images:
 * @body: an article body
 * @classic: whether the body goes into a classic post
 * @content: (nullable): the post's content on the site, for an update
 * @lookup: finds an image on the site by its image id
 * @user_data: for @lookup
 *
 * Turns each `image` fence whose image @lookup finds into a `wordpress`
 * fence holding its image block, or in a classic post the image as the
 * classic editor inserts it; a fence it does not find stays. An image
 * whose block @content has keeps that block, its alignment, size, link
 * and classes, with the fence's alt text, caption and credit in it.
 *
 * Returns: (transfer full): the body to send
 */
char *
cd_wp_body_place_images (const char     *body,
                         gboolean        classic,
                         const char     *content,
                         CdWpMediaLookup lookup,
                         gpointer        user_data)
{
  g_autoptr (GPtrArray) refs = NULL;
  g_autoptr (GArray) blocks = NULL;
  g_autoptr (GPtrArray) placed = NULL;
  g_autofree const CdWpMedia **media = NULL;
  GString                     *out;
  gsize                        done = 0;

  g_return_val_if_fail (body != NULL && lookup != NULL, NULL);

  refs = cd_image_refs_in_body (body);
  media = g_new0 (const CdWpMedia *, refs->len + 1);
  for (guint i = 0; i < refs->len; i++)
    {
      CdImageRef *ref = g_ptr_array_index (refs, i);

      media[i] = ref->id != NULL ? lookup (ref->id, user_data) : NULL;
    }
  if (content != NULL)
    {
      blocks = site_blocks (content, body);
      placed = pair_with_site (refs, media, blocks);
    }
  out = g_string_sized_new (strlen (body) + 256);
  for (guint i = 0; i < refs->len; i++)
    {
      CdImageRef      *ref = g_ptr_array_index (refs, i);
      g_autofree char *block = placed != NULL ? g_steal_pointer (&g_ptr_array_index (placed, i)) : NULL;
      g_autofree char *fence = NULL;

      if (media[i] == NULL)
        continue;
      if (block != NULL)
        ;
      else if (classic)
        block = cd_wp_image_classic (media[i], ref->alt, ref->caption, ref->credit);
      else
        block = cd_wp_image_block (media[i]->media_id, media[i]->url, ref->alt, ref->caption, ref->credit);
      fence = cd_wp_fence (block, -1);
      g_string_append_len (out, body + done, ref->start - done);
      g_string_append (out, fence);
      done = ref->end;
    }
  g_string_append (out, body + done);
  return g_string_free (out, FALSE);
}

/**
 * cd_wp_image_block_source:
 * @markup: block markup
 * @length: its length, or -1
 * @media_id: (out) (optional) (transfer full): the media id of the image
 * @url: (out) (optional) (transfer full): the address its img shows
 *
 * Returns: whether @markup is one core/image block of a media item
 */
gboolean
cd_wp_image_block_source (const char *markup,
                          gssize      length,
                          char      **media_id,
                          char      **url)
{
  g_autoptr (GPtrArray) blocks = NULL;
  g_autofree char *text = NULL;
  g_autofree char *src = NULL;
  CdWpBlock       *block;
  JsonNode        *id;

  g_return_val_if_fail (markup != NULL, FALSE);

  if (length < 0)
    length = strlen (markup);
  blocks = cd_wp_blocks_parse (markup, length);
  if (blocks->len != 1)
    return FALSE;
  block = g_ptr_array_index (blocks, 0);
  if (g_strcmp0 (block->name, "core/image") != 0 || block->attrs == NULL ||
      !JSON_NODE_HOLDS_OBJECT (block->attrs))
    return FALSE;
  id = json_object_get_member (json_node_get_object (block->attrs), "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64 ||
      json_node_get_int (id) <= 0)
    return FALSE;
  text = g_strndup (markup, length);
  src = between (text, "<img src=\"", "\"");
  if (media_id != NULL)
    *media_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
  if (url != NULL)
    *url = src != NULL ? _cd_wp_image_unescape (src, strlen (src)) : NULL;
  return TRUE;
}

/* The image fence of @markup, a core/image block or a classic post's image
 * of a media item @lookup knows, when that fence writes back to exactly
 * @markup. */
static char *
fence_for_block (const char     *markup,
                 gsize           length,
                 CdWpMediaLookup lookup,
                 gpointer        user_data)
{
  g_autofree char *text = g_strndup (markup, length);
  g_autofree char *media_id = NULL;
  g_autofree char *alt = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *credit = NULL;
  const CdWpMedia *media;
  gboolean         classic;

  g_assert (markup != NULL && lookup != NULL);

  classic = !g_str_has_prefix (text, "<!--");
  if (!(classic ? cd_wp_image_classic_source (markup, length, &media_id, NULL)
                : cd_wp_image_block_source (markup, length, &media_id, NULL)))
    return NULL;
  media = lookup (media_id, user_data);
  if (media == NULL || media->image_id == NULL || media->url == NULL ||
      !picture_words (markup, length, &alt, &caption, &credit))
    return NULL;
  return cd_image_ref_to_fence (media->image_id, alt, caption, credit);
}

/* @markup parsed, when it is one gallery of image blocks
 * (_cd_wp_is_picture_gallery()), else %NULL. */
static GPtrArray *
parse_gallery (const char *markup,
               gsize       length)
{
  g_autoptr (GPtrArray) blocks = NULL;
  const CdWpBlock *gallery;

  g_assert (markup != NULL);

  if (g_strstr_len (markup, length, "wp:gallery") == NULL)
    return NULL;
  blocks = cd_wp_blocks_parse (markup, length);
  if (blocks->len != 1)
    return NULL;
  gallery = g_ptr_array_index (blocks, 0);
  if (gallery->start != 0 || gallery->end != length || !_cd_wp_is_picture_gallery (gallery, markup))
    return NULL;
  return g_steal_pointer (&blocks);
}

/**
 * cd_wp_gallery_images:
 * @markup: block markup, as a `wordpress` fence holds it
 * @length: its length, or -1
 *
 * Returns: (transfer full) (nullable) (element-type utf8): the markup of
 *   each image block of @markup when it is one gallery whose pictures are
 *   image blocks (as the block editor writes galleries since WordPress
 *   5.9), else %NULL
 */
GPtrArray *
cd_wp_gallery_images (const char *markup,
                      gssize      length)
{
  g_autoptr (GPtrArray) blocks = NULL;
  GPtrArray       *images;
  const CdWpBlock *gallery;

  g_return_val_if_fail (markup != NULL, NULL);

  if (length < 0)
    length = strlen (markup);
  if ((blocks = parse_gallery (markup, length)) == NULL)
    return NULL;
  gallery = g_ptr_array_index (blocks, 0);
  images = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < gallery->inner_blocks->len; i++)
    {
      const CdWpBlock *image = g_ptr_array_index (gallery->inner_blocks, i);

      g_ptr_array_add (images, g_strndup (markup + image->start, image->end - image->start));
    }
  return images;
}

/* Appends the span of @markup from @start to @end, without the white
 * space around it, as a `wordpress` fence and a blank line. */
static void
append_trimmed_fence (GString    *out,
                      const char *markup,
                      gsize       start,
                      gsize       end)
{
  g_autofree char *fence = NULL;

  g_assert (out != NULL && markup != NULL);

  while (start < end && g_ascii_isspace (markup[start]))
    start++;
  while (end > start && g_ascii_isspace (markup[end - 1]))
    end--;
  fence = cd_wp_fence (markup + start, end - start);
  g_string_append (out, fence);
  g_string_append (out, "\n\n");
}

/* @markup, a gallery of image blocks, opened up as the body has a layout
 * block (cd_wp_content_to_body()): its opening markup, an `image` fence
 * for each of its pictures, its closing markup; when @lookup knows every
 * picture and each writes back exactly (see fence_for_block()), else
 * %NULL. */
static char *
open_gallery (const char     *markup,
              gsize           length,
              CdWpMediaLookup lookup,
              gpointer        user_data)
{
  g_autoptr (GPtrArray) blocks = NULL;
  g_autoptr (GString) out = NULL;
  const CdWpBlock *gallery, *first, *last;

  g_assert (markup != NULL && lookup != NULL);

  if ((blocks = parse_gallery (markup, length)) == NULL)
    return NULL;
  gallery = g_ptr_array_index (blocks, 0);
  first = g_ptr_array_index (gallery->inner_blocks, 0);
  last = g_ptr_array_index (gallery->inner_blocks, gallery->inner_blocks->len - 1);
  out = g_string_sized_new (length + 256);
  append_trimmed_fence (out, markup, 0, first->start);
  for (guint i = 0; i < gallery->inner_blocks->len; i++)
    {
      const CdWpBlock *image = g_ptr_array_index (gallery->inner_blocks, i);
      g_autofree char *fence = fence_for_block (markup + image->start, image->end - image->start,
                                                lookup, user_data);

      if (fence == NULL)
        return NULL;
      g_string_append (out, fence);
      g_string_append (out, "\n\n");
    }
  append_trimmed_fence (out, markup, last->end, length);
  g_string_truncate (out, out->len - 2);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cd_wp_body_adopt_images:
 * @body: a body made from post content (cd_wp_content_to_body())
 * @lookup: finds an image by the site's media id
 * @user_data: for @lookup
 *
 * Turns each `wordpress` fence holding an image block of a media item
 * @lookup knows, exactly as cd_wp_body_place_images() writes it, back
 * into the `image` fence, and opens up each gallery whose pictures it
 * knows every one of (cd_wp_gallery_images()): its two ends as fences,
 * the `image` fence of each picture between them, so that the desk
 * edits their captions; every other fence stays as it is.
 *
 * Returns: (transfer full): the body
 */
char *
cd_wp_body_adopt_images (const char     *body,
                         CdWpMediaLookup lookup,
                         gpointer        user_data)
{
  g_autoptr (GArray) units = NULL;
  GString *out;
  gsize    done = 0;

  g_return_val_if_fail (body != NULL && lookup != NULL, NULL);

  units = cd_wp_body_split (body, -1);
  out = g_string_sized_new (strlen (body));
  for (guint i = 0; i < units->len; i++)
    {
      CdWpUnit        *unit = &g_array_index (units, CdWpUnit, i);
      g_autofree char *fence = NULL;

      if (unit->kind != CD_WP_UNIT_BLOCK)
        continue;
      fence = fence_for_block (body + unit->markup_start, unit->markup_end - unit->markup_start,
                               lookup, user_data);
      if (fence == NULL)
        fence = open_gallery (body + unit->markup_start, unit->markup_end - unit->markup_start,
                              lookup, user_data);
      if (fence == NULL)
        continue;
      g_string_append_len (out, body + done, unit->start - done);
      g_string_append (out, fence);
      done = unit->end;
    }
  g_string_append (out, body + done);
  return g_string_free (out, FALSE);
}
