/* cd-import-store.c: a file imported as a new article in the store, the one
 * way the command line, the window's Import…, files dropped on the library
 * and files opened from the desktop all take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include <string.h>

#include "cd-image-ref.h"
#include "cd-import-private.h"

/* Pictures smaller than this on both sides are a signature's logo or an
 * icon, not a news picture. */
#define PICTURE_MIN_SIDE 240

/* Adds the pictures that came with @article, the file's story @story,
 * to the store and to the end of its story, where the editor gives them
 * their description; what could not be added, and logos, are said in the
 * note. */
static void
add_pictures (CdStore   *store,
              CdArticle *article,
              GPtrArray *pictures,
              guint      story)
{
  g_autoptr (GString) body = NULL;
  g_autoptr (GString) notes = NULL;
  gboolean changed = FALSE;

  g_assert (CD_IS_STORE (store));
  g_assert (CD_IS_ARTICLE (article));
  g_assert (pictures != NULL);

  if (pictures->len == 0)
    return;
  body = g_string_new (cd_article_get_body (article));
  notes = g_string_new (cd_article_get_ednote (article));

  for (guint i = 0; i < pictures->len; i++)
    {
      const CdImportPicture *picture = g_ptr_array_index (pictures, i);
      g_autoptr (GError) local = NULL;
      g_autoptr (CdImageInfo) info = NULL;
      g_autofree char *note = NULL;
      g_autofree char *fence = NULL;

      if (picture->story != story)
        continue;
      info = cd_store_add_image (store, picture->bytes, picture->name, &local);

      if (info == NULL)
        note = g_strdup_printf ("The attachment was not imported: %s", local->message);
      else if (cd_image_info_get_width (info) < PICTURE_MIN_SIDE &&
               cd_image_info_get_height (info) < PICTURE_MIN_SIDE)
        note = g_strdup_printf ("%s (%u × %u pixels) was left out as a logo or an icon.", picture->name,
                                cd_image_info_get_width (info), cd_image_info_get_height (info));
      if (note != NULL)
        {
          if (picture->content_id != NULL)
            _cd_import_place_cid_image (body, picture->content_id, "");
          _cd_import_add_note (notes, note);
          changed = TRUE;
          continue;
        }
      fence = cd_image_ref_to_fence (cd_image_info_get_id (info), picture->alt, picture->caption,
                                     picture->credit);
      /* Where the message's HTML shows it, else at the end. */
      if (picture->content_id == NULL || !_cd_import_place_cid_image (body, picture->content_id, fence))
        {
          while (body->len > 0 && g_ascii_isspace (body->str[body->len - 1]))
            g_string_truncate (body, body->len - 1);
          g_string_append_printf (body, "%s%s\n", body->len > 0 ? "\n\n" : "", fence);
        }
      changed = TRUE;
    }
  if (changed)
    {
      while (body->len > 0 && g_ascii_isspace (body->str[body->len - 1]))
        g_string_truncate (body, body->len - 1);
      /* A logo left out above the story leaves no blank line. */
      g_string_erase (body, 0, strspn (body->str, "\n"));
      g_string_append_c (body, '\n');
      cd_article_set_body (article, body->str);
    }
  if (notes->len > 0)
    cd_article_set_ednote (article, notes->str);
}

/**
 * cd_import_into_store:
 * @store: the store to add the articles to
 * @path: the file (see #CdImportFormat)
 * @language: (nullable): the newsroom language, which the articles get
 *   when the file names none (%NULL: a new article's own default) and
 *   their text does not plainly read as another: a story of twenty words
 *   or more in German in an English newsroom is German (a Markdown
 *   article's front matter says its own)
 * @error: return location for a #GError naming @path
 *
 * Reads @path and saves its stories as new articles, each with an imported
 * revision: one for most files, one for each entry of a feed or item of a
 * news message (up to %CD_IMPORT_MAX_STORIES), saved from the last so that
 * the first is the newest. The pictures attached to an
 * email or in a document go to the store and to the story, each for the
 * editor to describe. A file that carries the uuid of an article already
 * here (an export imported again) becomes a new article rather than
 * overwriting that one. When a save fails, the articles saved before it
 * stay, and the error says how many there are.
 *
 * Returns: (transfer container) (element-type CdArticle) (nullable): the
 *   articles as saved, in the file's order
 */
GPtrArray *
cd_import_into_store (CdStore    *store,
                      const char *path,
                      const char *language,
                      GError    **error)
{
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GPtrArray) pictures = g_ptr_array_new_with_free_func (_cd_import_picture_free);

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((articles = _cd_import_file (path, language, TRUE, pictures, error)) == NULL)
    return NULL;
  /* Each story's own pictures (a mailbox's messages have theirs). */
  for (guint i = 0; i < articles->len; i++)
    add_pictures (store, g_ptr_array_index (articles, i), pictures, i);
  /* The last first, so that the library, newest on top, lists a feed's
   * stories in its order. */
  for (guint i = articles->len; i-- > 0;)
    {
      CdArticle *article = g_ptr_array_index (articles, i);
      guint      saved = articles->len - 1 - i;

      if (cd_article_get_uuid (article) == NULL ||
          cd_store_has_article (store, cd_article_get_uuid (article)))
        {
          g_autofree char *uuid = g_uuid_string_random ();

          cd_article_set_uuid (article, uuid);
        }
      if (!cd_store_save_article (store, article, CD_REVISION_IMPORTED, NULL, error))
        {
          if (saved > 0)
            g_prefix_error (error, "%s: %u of its %u stories were saved, the others not: ", path, saved,
                            articles->len);
          else
            g_prefix_error (error, "%s: ", path);
          return NULL;
        }
    }
  return g_steal_pointer (&articles);
}
