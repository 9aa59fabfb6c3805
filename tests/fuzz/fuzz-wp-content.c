/* fuzz-wp-content.c: libFuzzer target for WordPress post content: the
 * body a post becomes, the post content a body goes back to (well-formed
 * after an edit when it was before), and the block merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../cd-test-wp-oracle.h"
#include "cd-wp-content.h"
#include "cd-wp-image.h"
#include "cd-wp-merge.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The units of @body, as text, one after another with a separator no
 * body holds. */
static char *
unit_texts (const char *body)
{
  g_autoptr (GArray) units = cd_wp_body_split (body, -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < units->len; i++)
    {
      CdWpUnit *unit = &g_array_index (units, CdWpUnit, i);

      g_string_append_len (out, body + unit->start, unit->end - unit->start);
      g_string_append_c (out, '\x1e');
    }
  return g_string_free (out, FALSE);
}

/* @body with its first two units swapped and the third left out; in
 * @texts, the units it was made of, as unit_texts() lists them. */
static char *
edit_body (const char *body,
           GArray     *units,
           char      **texts)
{
  static const guint order[] = { 1, 0 };
  GString           *out = g_string_new (NULL);
  GString           *list = g_string_new (NULL);

  for (guint k = 0; k < units->len + 1; k++)
    {
      guint     i = k < 2 ? order[k] : k;
      CdWpUnit *u;

      if (k == 2 || i >= units->len)
        continue;
      u = &g_array_index (units, CdWpUnit, i);
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append_len (out, body + u->start, u->end - u->start);
      g_string_append_len (list, body + u->start, u->end - u->start);
      g_string_append_c (list, '\x1e');
    }
  g_string_append_c (out, '\n');
  *texts = g_string_free (list, FALSE);
  return g_string_free (out, FALSE);
}

/* Whether @block, and each block inside it, ends with its own closing
 * delimiter (or is void): its bytes are one block wherever they go. Not
 * so in broken markup, where a closer closes whichever block is open. */
static gboolean
closed_as_named (const char      *content,
                 const CdWpBlock *block)
{
  const char *end = content + block->end;
  const char *name = block->name;

  if (name == NULL)
    return TRUE;
  if (g_str_has_prefix (name, "core/"))
    name += strlen ("core/");
  while (end > content + block->start && g_ascii_isspace (end[-1]))
    end--;
  if (end - (content + block->start) < 4 || strncmp (end - 4, "/-->", 4) != 0)
    {
      g_autofree char *closer = g_strdup_printf ("/wp:%s -->", name);
      g_autofree char *full = g_strdup_printf ("/wp:%s -->", block->name);
      gsize            span = end - (content + block->start);

      if (!(span >= strlen (closer) && strncmp (end - strlen (closer), closer, strlen (closer)) == 0) &&
          !(span >= strlen (full) && strncmp (end - strlen (full), full, strlen (full)) == 0))
        return FALSE;
    }
  for (guint i = 0; i < block->inner_blocks->len; i++)
    if (!closed_as_named (content, g_ptr_array_index (block->inner_blocks, i)))
      return FALSE;
  return TRUE;
}

/* The delimiters of @block and the blocks inside it: one for a void
 * block ("<!-- wp:more /-->"), two for any other. */
static guint
count_delimiters (const char      *content,
                  const CdWpBlock *block)
{
  gsize span = block->end - block->start;
  guint n = block->name == NULL ? 0 : span >= 4 && strncmp (content + block->end - 4, "/-->", 4) == 0 ? 1
                                                                                                      : 2;

  for (guint i = 0; i < block->inner_blocks->len; i++)
    n += count_delimiters (content, g_ptr_array_index (block->inner_blocks, i));
  return n;
}

/* Whether @content is well-formed, each of its blocks closed as it is
 * named (see closed_as_named()), and no "wp:" in it but its delimiters':
 * no block holds the start of a delimiter a neighbour might end. */
static gboolean
self_contained (const char *content,
                gsize       size)
{
  g_autoptr (GPtrArray) blocks = NULL;
  guint       delimiters = 0, written = 0;
  const char *end = content + size;

  if (!cd_test_markup_well_formed (content, size))
    return FALSE;
  blocks = cd_wp_blocks_parse (content, size);
  for (guint i = 0; i < blocks->len; i++)
    {
      if (!closed_as_named (content, g_ptr_array_index (blocks, i)))
        return FALSE;
      delimiters += count_delimiters (content, g_ptr_array_index (blocks, i));
    }
  for (const char *p = g_strstr_len (content, size, "wp:"); p != NULL; p = g_strstr_len (p + 3, end - p - 3, "wp:"))
    written++;
  return written == delimiters;
}

/* A site that has every media id the content names, each with an image
 * id of its own: found by either. */
typedef struct
{
  GHashTable *by_key;
  GPtrArray  *media;
} Site;

static void
media_free (gpointer data)
{
  CdWpMedia *media = data;

  g_free ((char *) media->media_id);
  g_free ((char *) media->image_id);
  g_free (media);
}

static const CdWpMedia *
any_media (const char *key,
           gpointer    user_data)
{
  Site      *site = user_data;
  CdWpMedia *media = g_hash_table_lookup (site->by_key, key);

  if (media == NULL && strlen (key) < 64)
    {
      media = g_new0 (CdWpMedia, 1);
      media->media_id = g_strdup (key);
      media->image_id = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
      media->url = "https://news.example/a.jpg";
      g_ptr_array_add (site->media, media);
      g_hash_table_insert (site->by_key, (char *) media->media_id, media);
      g_hash_table_insert (site->by_key, (char *) media->image_id, media);
    }
  return media;
}

/* @adopted, a body with its pictures adopted, edited: two units swapped,
 * one left out, a line typed after each opening end of a layout block (a
 * gallery's among them): the content it gives is UTF-8, and well-formed
 * where @content is. */
static void
check_pictures_moved (const char *content,
                      size_t      size,
                      const char *adopted,
                      gboolean    classic,
                      Site       *site)
{
  g_autoptr (GArray) units = cd_wp_body_split (adopted, -1);
  g_autofree char *made_of = NULL;
  g_autofree char *edited = NULL;
  g_autoptr (GString) typed = NULL;
  g_autofree char *text = g_strndup (content, size);

  if (units->len < 3)
    return;
  edited = edit_body (adopted, units, &made_of);
  typed = g_string_new (edited);
  g_string_replace (typed, "\n```\n\n```image", "\n```\n\nTyped among the pictures.\n\n```image", 0);
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *placed = cd_wp_body_place_images (k == 0 ? edited : typed->str, classic, text, any_media,
                                                         site);
      g_autofree char *out = cd_wp_body_to_content (placed, -1, content, size);

      if (!g_utf8_validate (out, -1, NULL))
        abort ();
      if (self_contained (content, size) && !cd_test_markup_well_formed (out, strlen (out)))
        {
          g_printerr ("Edited pictures are not well-formed:\n%s\n", out);
          abort ();
        }
    }
}

/* The pictures of @body adopted as `image` fences go back into the very
 * blocks they came from; with a caption changed, the content is still
 * UTF-8. */
static void
check_images (const char *content,
              size_t      size,
              const char *body)
{
  g_autoptr (GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) media = g_ptr_array_new_with_free_func (media_free);
  Site             site = { by_key, media };
  g_autofree char *adopted = cd_wp_body_adopt_images (body, any_media, &site);
  g_autofree char *placed = NULL;
  g_autofree char *back = NULL;
  g_autoptr (GString) recaptioned = g_string_new (adopted);
  g_autofree char *replaced = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = g_strndup (content, size);
  gboolean         classic;

  if (strcmp (adopted, body) == 0)
    return;
  classic = cd_wp_content_is_classic (text, -1);
  placed = cd_wp_body_place_images (adopted, classic, text, any_media, &site);
  back = cd_wp_body_to_content (placed, -1, content, size);
  if (strlen (back) != size || memcmp (back, content, size) != 0)
    {
      g_printerr ("Adopted pictures do not go back as they were:\n%s\n", back);
      abort ();
    }
  g_string_replace (recaptioned, "\ncaption: ", "\ncaption: A new <caption> & ", 0);
  replaced = cd_wp_body_place_images (recaptioned->str, classic, text, any_media, &site);
  out = cd_wp_body_to_content (replaced, -1, content, size);
  if (!g_utf8_validate (out, -1, NULL))
    abort ();
  check_pictures_moved (content, size, adopted, classic, &site);
}

/* Any post content, as UTF-8, becomes a body that goes back to the very
 * bytes when unedited; an edited body goes back to UTF-8 content; a merge
 * where only one side edited gives that side's units. Any other outcome
 * aborts, which libFuzzer reports. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char      *content = (const char *) data;
  g_autofree char *body = NULL;
  g_autofree char *back = NULL;
  g_autoptr (GArray) units = NULL;
  gboolean blank = TRUE;

  if (size > 256 * 1024 || !g_utf8_validate (content, size, NULL))
    return 0;
  for (size_t i = 0; i < size && blank; i++)
    blank = g_ascii_isspace (content[i]);

  body = cd_wp_content_to_body (content, size);
  if (!g_utf8_validate (body, -1, NULL))
    abort ();
  back = cd_wp_body_to_content (body, -1, content, size);
  if (!blank && (strlen (back) != size || memcmp (back, content, size) != 0))
    abort ();
  if (!blank)
    check_images (content, size, body);

  units = cd_wp_body_split (body, -1);
  if (units->len >= 3)
    {
      g_autofree char *made_of = NULL;
      g_autofree char *edited = edit_body (body, units, &made_of);
      g_autofree char *out = cd_wp_body_to_content (edited, -1, content, size);
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) conflicts = NULL;
      g_autofree char *merged = cd_wp_body_merge (body, edited, body, &conflicts, &error);

      if (!g_utf8_validate (out, -1, NULL))
        abort ();
      /* Whatever was moved or left out (an end of a layout block too), no
       * block is left open and none closed that was not open. */
      if (self_contained (content, size) && !cd_test_markup_well_formed (out, strlen (out)))
        {
          g_printerr ("Edited content is not well-formed:\n%s\n", out);
          abort ();
        }
      if (merged == NULL || conflicts != NULL || error != NULL)
        abort ();
      /* Where the units, set apart by blank lines, still read as the same
       * units (a list's lazy lines, say, may not), the merge keeps them. */
      {
        g_autofree char *want = unit_texts (edited);
        g_autofree char *got = unit_texts (merged);

        if (strcmp (want, made_of) == 0 && strcmp (want, got) != 0)
          {
            g_printerr ("Merge of one side's edit differs:\n%s\n---\n%s\n", edited, merged);
            abort ();
          }
      }
    }
  return 0;
}
