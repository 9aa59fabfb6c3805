/* cd-wp-classic-image.c: a classic post's pictures (see cd-wp-image.h).
 *
 * The classic editor inserts a picture as an <img> with the class
 * "wp-image-N" (get_image_tag()), in a link or not, inside a [caption]
 * shortcode when it has a caption (image_add_caption()). Such a picture
 * is an `image` fence in the body when reading its alt text and caption
 * and putting them back gives its bytes; an edit puts the fence's words
 * into the picture as the site has it, a caption added or taken out as
 * the classic editor does it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-wp-image"

#include "config.h"

#include <string.h>

#include "cd-wp-content-private.h"
#include "cd-wp-image-private.h"
#include "cd-wp-image.h"

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
  gboolean captioned = _cd_wp_image_is_set (caption) || _cd_wp_image_is_set (credit);
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

      _cd_wp_image_append_caption (text, caption, credit);
      g_string_replace (text, "[", "&#91;", 0);
      g_string_replace (text, "]", "&#93;", 0);
      g_string_append_printf (out, " %s[/caption]", text->str);
    }
  return g_string_free (out, FALSE);
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

/* Where the words of a classic post's picture stand: an <img>, in a link
 * or not, alone or in a [caption] shortcode with the caption after it, as
 * the classic editor inserts a picture. */
typedef struct
{
  gsize    image_start, image_end; /* the <img>, in its link or not */
  gsize    alt_start, alt_end;     /* as in ImageParts */
  gboolean has_alt;
  gsize    class_start, class_end; /* the value of the <img>'s class */
  gboolean has_class;
  gsize    width_start, width_end; /* the value of its width */
  gboolean has_width;
  gboolean captioned;
  gsize    align_start, align_end;     /* the value of the shortcode's align */
  gsize    caption_start, caption_end; /* the caption, after the picture */
} ClassicParts;

/* Finds the value of the attribute @name of the tag from @tag to @tag_end:
 * its start and end into @start and @end (offsets from @base). */
static gboolean
attribute_value (const char *base,
                 const char *tag,
                 const char *tag_end,
                 const char *name,
                 gsize      *start,
                 gsize      *end)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char      *at = g_strstr_len (tag, tag_end - tag, key);
  const char      *value_end;

  g_assert (base != NULL && tag != NULL && tag_end != NULL && name != NULL);

  if (at == NULL)
    return FALSE;
  at += strlen (key);
  value_end = memchr (at, '"', tag_end - at);
  if (value_end == NULL)
    return FALSE;
  *start = at - base;
  *end = value_end - base;
  return TRUE;
}

static gboolean
find_classic_parts (const char   *markup,
                    gsize         length,
                    ClassicParts *parts)
{
  const char *end = markup + length, *limit = end, *p = markup, *img, *img_end;
  gboolean    linked;
  gsize       src_start, src_end;

  g_assert (markup != NULL && parts != NULL);

  memset (parts, 0, sizeof *parts);
  if (length > strlen ("[caption ") && memcmp (markup, "[caption ", strlen ("[caption ")) == 0)
    {
      const char *open_end = memchr (markup, ']', length);

      if (open_end == NULL || length < 2 * strlen ("[/caption]") ||
          memcmp (end - strlen ("[/caption]"), "[/caption]", strlen ("[/caption]")) != 0 ||
          open_end >= end - strlen ("[/caption]"))
        return FALSE;
      parts->captioned = TRUE;
      if (!attribute_value (markup, markup, open_end, "align", &parts->align_start, &parts->align_end))
        parts->align_start = parts->align_end = 0;
      limit = end - strlen ("[/caption]");
      p = open_end + 1;
    }
  parts->image_start = p - markup;
  linked = limit - p > 3 && memcmp (p, "<a ", 3) == 0;
  if (linked && (p = _cd_wp_tag_end (p, limit)) == NULL)
    return FALSE;
  if (limit - p < 5 || memcmp (p, "<img ", 5) != 0 || (img_end = _cd_wp_tag_end (p, limit)) == NULL)
    return FALSE;
  img = p;
  p = img_end;
  if (linked && (limit - p < 4 || memcmp (p, "</a>", 4) != 0))
    return FALSE;
  p += linked ? 4 : 0;
  parts->image_end = p - markup;
  if (parts->captioned)
    {
      parts->caption_start = p - markup + (p < limit && *p == ' ');
      parts->caption_end = limit - markup;
    }
  else if (p != end)
    return FALSE;
  if (!attribute_value (markup, img, img_end, "src", &src_start, &src_end))
    return FALSE;
  parts->has_alt = attribute_value (markup, img, img_end, "alt", &parts->alt_start, &parts->alt_end);
  if (!parts->has_alt)
    parts->alt_start = parts->alt_end = src_end + 1;
  parts->has_class = attribute_value (markup, img, img_end, "class", &parts->class_start, &parts->class_end);
  parts->has_width = attribute_value (markup, img, img_end, "width", &parts->width_start, &parts->width_end);
  return _cd_wp_image_count_attributes (img, img_end, "alt") == (parts->has_alt ? 1u : 0u) &&
         _cd_wp_image_count_attributes (img, img_end, "src") == 1 &&
         _cd_wp_image_count_attributes (img, img_end, "class") == (parts->has_class ? 1u : 0u) &&
         _cd_wp_image_count_attributes (img, img_end, "width") == (parts->has_width ? 1u : 0u) &&
         _cd_wp_image_count_any_case (markup, length, "<img") == 1;
}

/* The alignment word of the class from @start to @end of @markup
 * ("alignleft"): the word into @word, and the stretch that takes it out
 * (with the space after it or, last, before it) into @cut_start and
 * @cut_end. */
static gboolean
find_align_word (const char *markup,
                 gsize       start,
                 gsize       end,
                 char      **word,
                 gsize      *cut_start,
                 gsize      *cut_end)
{
  g_assert (markup != NULL && word != NULL && cut_start != NULL && cut_end != NULL);

  for (gsize i = start; i < end;)
    {
      gsize j = i;

      while (j < end && markup[j] != ' ')
        j++;
      if (j - i > strlen ("align") && strncmp (markup + i, "align", strlen ("align")) == 0)
        {
          *word = g_strndup (markup + i, j - i);
          *cut_start = i > start && j == end ? i - 1 : i;
          *cut_end = j < end ? j + 1 : j;
          return TRUE;
        }
      i = j + 1;
    }
  return FALSE;
}

/* @markup, a classic post's picture, with @alt, @caption and @credit in
 * place of its own, the rest as it is. A caption added puts the picture
 * into a [caption] as the classic editor does (its alignment from the
 * <img>'s class to the shortcode, its width from the <img>'s); one taken
 * out leaves the picture alone, the shortcode's alignment back in its
 * class. %NULL when the picture is not written so that its parts are
 * found, or has no width to give a caption. */
char *
_cd_wp_image_substitute_classic (const char *markup,
                                 gsize       length,
                                 const char *alt,
                                 const char *caption,
                                 const char *credit)
{
  ClassicParts parts;
  gboolean     captioned = _cd_wp_image_is_set (caption) || _cd_wp_image_is_set (credit);
  g_autoptr (GString) image = g_string_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *media_id = NULL;
  g_autofree char *align = NULL;
  gsize            word_start = 0, word_end = 0;
  gboolean         unalign = FALSE;
  GString         *out;

  g_assert (markup != NULL);

  if (!find_classic_parts (markup, length, &parts))
    return NULL;
  if (captioned && !parts.captioned)
    {
      media_id = classic_media_id (markup);
      if (media_id == NULL || !parts.has_width)
        return NULL;
      unalign = parts.has_class && find_align_word (markup, parts.class_start, parts.class_end, &align,
                                                    &word_start, &word_end);
      if (!unalign)
        align = g_strdup ("alignnone");
    }

  /* The picture, its alt text and class changed. */
  _cd_wp_image_append_with_alt (image, markup, parts.image_start, parts.alt_start, parts.alt_end, parts.has_alt, alt);
  g_string_append_len (image, markup + parts.alt_end, parts.image_end - parts.alt_end);
  if (unalign || (!captioned && parts.captioned && parts.has_class && parts.align_end > parts.align_start))
    {
      /* The class's place in the new picture: the alt text changed before
       * or after it. */
      gssize shift = (gssize) image->len - (gssize) (parts.image_end - parts.image_start);
      gsize  class_start = parts.class_start - parts.image_start + (parts.class_start > parts.alt_start ? shift : 0);

      if (unalign)
        g_string_erase (image, class_start + (word_start - parts.class_start), word_end - word_start);
      else
        {
          g_string_insert_len (image, class_start, markup + parts.align_start, parts.align_end - parts.align_start);
          g_string_insert_c (image, class_start + (parts.align_end - parts.align_start), ' ');
        }
    }

  _cd_wp_image_append_caption (text, caption, credit);
  g_string_replace (text, "[", "&#91;", 0);
  g_string_replace (text, "]", "&#93;", 0);
  out = g_string_new (NULL);
  if (parts.captioned && captioned)
    {
      g_string_append_len (out, markup, parts.image_start);
      g_string_append_len (out, image->str, image->len);
      g_string_append_len (out, markup + parts.image_end, parts.caption_start - parts.image_end);
      g_string_append_len (out, text->str, text->len);
      g_string_append_len (out, markup + parts.caption_end, length - parts.caption_end);
    }
  else if (captioned)
    g_string_append_printf (out, "[caption id=\"attachment_%s\" align=\"%s\" width=\"%.*s\"]%s %s[/caption]",
                            media_id, align, (int) (parts.width_end - parts.width_start),
                            markup + parts.width_start, image->str, text->str);
  else
    g_string_append_len (out, image->str, image->len);
  return g_string_free (out, FALSE);
}

/* Reads the alt text, caption and credit of @markup, a classic post's
 * picture; whether its parts are found. */
gboolean
_cd_wp_image_classic_words (const char *markup,
                            gsize       length,
                            char      **alt,
                            char      **caption,
                            char      **credit)
{
  ClassicParts parts;

  g_assert (markup != NULL && alt != NULL && caption != NULL && credit != NULL);

  *alt = *caption = *credit = NULL;
  if (!find_classic_parts (markup, length, &parts))
    return FALSE;
  *alt = _cd_wp_image_unescape (markup + parts.alt_start, parts.alt_end - parts.alt_start);
  if (parts.captioned)
    {
      g_autoptr (GString) shortcode = g_string_new_len (markup + parts.caption_start,
                                                        parts.caption_end - parts.caption_start);

      /* The brackets a [caption] writes as references, back to text. */
      g_string_replace (shortcode, "&#91;", "[", 0);
      g_string_replace (shortcode, "&#93;", "]", 0);
      _cd_wp_image_split_caption (shortcode->str, caption, credit);
    }
  return TRUE;
}

/**
 * cd_wp_image_classic_source:
 * @markup: a piece of a classic post
 * @length: its length, or -1
 * @media_id: (out) (optional) (transfer full): the media id of the image
 * @url: (out) (optional) (transfer full): the address its img shows
 *
 * Returns: whether @markup is a picture of a media item as the classic
 *   editor inserts one: an <img> with the class "wp-image-N", in a link
 *   or a [caption] or not
 */
gboolean
cd_wp_image_classic_source (const char *markup,
                            gssize      length,
                            char      **media_id,
                            char      **url)
{
  ClassicParts     parts;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  const char      *img, *img_end;
  gsize            src_start, src_end;

  g_return_val_if_fail (markup != NULL, FALSE);

  if (length < 0)
    length = strlen (markup);
  if (!find_classic_parts (markup, length, &parts))
    return FALSE;
  text = g_strndup (markup + parts.image_start, parts.image_end - parts.image_start);
  if ((id = classic_media_id (text)) == NULL || (img = strstr (text, "<img ")) == NULL ||
      (img_end = _cd_wp_tag_end (img, text + strlen (text))) == NULL ||
      !attribute_value (text, img, img_end, "src", &src_start, &src_end))
    return FALSE;
  if (media_id != NULL)
    *media_id = g_steal_pointer (&id);
  if (url != NULL)
    *url = _cd_wp_image_unescape (text + src_start, src_end - src_start);
  return TRUE;
}
