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
 * pulled block becomes an `image` fence only when writing that fence back
 * gives the block's exact bytes, the rule every text block follows too
 * (cd-wp-content.c): an image block someone changed on the site stays an
 * opaque block, byte for byte, and nothing of it is lost.
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
#include "cd-wp-image.h"

#define CREDIT_OPEN "<span class=\"credit\">"
#define CREDIT_CLOSE "</span>"
#define CAPTION_OPEN "<figcaption class=\"wp-element-caption\">"
#define CAPTION_CLOSE "</figcaption>"

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Writes the caption and the credit after it, the credit in its span. */
static void
append_caption (GString    *out,
                const char *caption,
                const char *credit)
{
  g_assert (out != NULL);

  _cd_wp_markup_append_text (out, caption);
  if (is_set (caption) && is_set (credit))
    g_string_append_c (out, ' ');
  if (is_set (credit))
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
  if (is_set (caption) || is_set (credit))
    {
      g_string_append (out, CAPTION_OPEN);
      append_caption (out, caption, credit);
      g_string_append (out, CAPTION_CLOSE);
    }
  g_string_append (out, "</figure>\n<!-- /wp:image -->");
  return g_string_free (out, FALSE);
}

/**
 * cd_wp_image_classic:
 * @media: the image on the site
 * @alt: (nullable): the alternative text
 * @caption: (nullable): the caption
 * @credit: (nullable): the credit, after the caption
 *
 * Returns: (transfer full): the image as the classic editor's Add Media
 *   inserts it into a classic post (get_image_tag() and
 *   image_add_caption() in WordPress): its <img> at full size, inside a
 *   [caption] shortcode when it has a caption or a credit (brackets in
 *   them written as references, so that they do not end the shortcode).
 *   WordPress shows a [caption] only with its width: the store knows the
 *   size of every picture it holds, and a picture it does not hold is
 *   not uploaded.
 */
char *
cd_wp_image_classic (const CdWpMedia *media,
                     const char      *alt,
                     const char      *caption,
                     const char      *credit)
{
  gboolean captioned = is_set (caption) || is_set (credit);
  GString *out;

  g_return_val_if_fail (media != NULL && media->media_id != NULL && media->url != NULL, NULL);

  out = g_string_new (NULL);
  if (captioned)
    g_string_append_printf (out, "[caption id=\"attachment_%s\" align=\"alignnone\" width=\"%u\"]",
                            media->media_id, media->width);
  g_string_append (out, "<img src=\"");
  _cd_wp_markup_append_attribute (out, media->url);
  g_string_append (out, "\" alt=\"");
  _cd_wp_markup_append_attribute (out, alt != NULL ? alt : "");
  g_string_append (out, "\" ");
  if (media->width > 0)
    g_string_append_printf (out, "width=\"%u\" ", media->width);
  if (media->height > 0)
    g_string_append_printf (out, "height=\"%u\" ", media->height);
  g_string_append_printf (out, "class=\"%ssize-full wp-image-%s\" />", captioned ? "" : "alignnone ",
                          media->media_id);
  if (captioned)
    {
      g_autoptr (GString) text = g_string_new (NULL);

      append_caption (text, caption, credit);
      g_string_replace (text, "[", "&#91;", 0);
      g_string_replace (text, "]", "&#93;", 0);
      g_string_append_printf (out, " %s[/caption]", text->str);
    }
  return g_string_free (out, FALSE);
}

/**
 * cd_wp_body_place_images:
 * @body: an article body
 * @classic: whether the body goes into a classic post
 * @lookup: finds an image on the site by its image id
 * @user_data: for @lookup
 *
 * Turns each `image` fence whose image @lookup finds into a `wordpress`
 * fence holding its image block, or in a classic post the image as the
 * classic editor inserts it; a fence it does not find stays.
 *
 * Returns: (transfer full): the body to send
 */
char *
cd_wp_body_place_images (const char     *body,
                         gboolean        classic,
                         CdWpMediaLookup lookup,
                         gpointer        user_data)
{
  g_autoptr (GPtrArray) refs = NULL;
  GString *out;
  gsize    done = 0;

  g_return_val_if_fail (body != NULL && lookup != NULL, NULL);

  refs = cd_image_refs_in_body (body);
  out = g_string_sized_new (strlen (body) + 256);
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      CdImageRef      *ref = g_ptr_array_index (refs, i);
      const CdWpMedia *media = lookup (ref->id, user_data);
      g_autofree char *block = NULL;
      g_autofree char *fence = NULL;

      if (media == NULL)
        continue;
      if (classic)
        block = cd_wp_image_classic (media, ref->alt, ref->caption, ref->credit);
      else
        block = cd_wp_image_block (media->media_id, media->url, ref->alt, ref->caption,
                                   ref->credit);
      fence = cd_wp_fence (block, -1);
      g_string_append_len (out, body + done, ref->start - done);
      g_string_append (out, fence);
      done = ref->end;
    }
  g_string_append (out, body + done);
  return g_string_free (out, FALSE);
}

/* HTML's entities as the block editor writes them, back to text. */
static char *
unescape (const char *text,
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
    *url = src != NULL ? unescape (src, strlen (src)) : NULL;
  return TRUE;
}

/* The media id of a classic post's image, from the class WordPress gives
 * it ("wp-image-12"), or %NULL. */
static char *
classic_media_id (const char *markup)
{
  const char *id = strstr (markup, " wp-image-");
  gsize       n = 0;

  g_assert (markup != NULL);

  if (id == NULL)
    return NULL;
  id += strlen (" wp-image-");
  while (g_ascii_isdigit (id[n]))
    n++;
  return n > 0 && id[0] != '0' ? g_strndup (id, n) : NULL;
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
  g_autofree char *figcaption = NULL;
  g_autofree char *again = NULL;
  const CdWpMedia *media;
  gboolean         classic;

  g_assert (markup != NULL && lookup != NULL);

  classic = g_str_has_prefix (text, "<img ") || g_str_has_prefix (text, "[caption ");
  if (classic)
    media_id = classic_media_id (text);
  else if (!cd_wp_image_block_source (markup, length, &media_id, NULL))
    return NULL;
  media = media_id != NULL ? lookup (media_id, user_data) : NULL;
  if (media == NULL || media->image_id == NULL || media->url == NULL)
    return NULL;

  {
    g_autofree char *raw_alt = between (text, " alt=\"", "\"");

    alt = raw_alt != NULL ? unescape (raw_alt, strlen (raw_alt)) : g_strdup ("");
  }
  if (classic && g_str_has_prefix (text, "[caption "))
    {
      g_autofree char *inner = between (text, "\" /> ", "[/caption]");
      GString         *shortcode = g_string_new (inner);

      /* The brackets a [caption] writes as references, back to text. */
      g_string_replace (shortcode, "&#91;", "[", 0);
      g_string_replace (shortcode, "&#93;", "]", 0);
      figcaption = g_string_free (shortcode, FALSE);
    }
  else if (!classic)
    figcaption = between (text, CAPTION_OPEN, CAPTION_CLOSE);
  if (figcaption != NULL)
    {
      char *span = strstr (figcaption, CREDIT_OPEN);
      gsize caption_end = span != NULL ? (gsize) (span - figcaption) : strlen (figcaption);

      if (span != NULL && g_str_has_suffix (span, CREDIT_CLOSE))
        {
          const char *credit_start = span + strlen (CREDIT_OPEN);

          credit = unescape (credit_start,
                             strlen (credit_start) - strlen (CREDIT_CLOSE));
          if (caption_end > 0 && figcaption[caption_end - 1] == ' ')
            caption_end--;
        }
      else
        caption_end = strlen (figcaption);
      caption = unescape (figcaption, caption_end);
    }

  /* Only what writes back to the same bytes is the image it was. */
  if (classic)
    again = cd_wp_image_classic (media, alt, caption, credit);
  else
    again = cd_wp_image_block (media_id, media->url, alt, caption, credit);
  if (strlen (again) != length || memcmp (again, markup, length) != 0)
    return NULL;
  return cd_image_ref_to_fence (media->image_id, alt, caption, credit);
}

/**
 * cd_wp_body_adopt_images:
 * @body: a body made from post content (cd_wp_content_to_body())
 * @lookup: finds an image by the site's media id
 * @user_data: for @lookup
 *
 * Turns each `wordpress` fence holding an image block of a media item
 * @lookup knows, exactly as cd_wp_body_place_images() writes it, back
 * into the `image` fence; every other fence stays as it is.
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
        continue;
      g_string_append_len (out, body + done, unit->start - done);
      g_string_append (out, fence);
      done = unit->end;
    }
  g_string_append (out, body + done);
  return g_string_free (out, FALSE);
}
