/* cd-import-store.c: a file imported as a new article in the store, the one
 * way the command line, the window's Import…, files dropped on the library
 * and files opened from the desktop all take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include "cd-import-private.h"

/**
 * cd_import_into_store:
 * @store: the store to add the article to
 * @path: the file (Markdown, wire copy or HTML)
 * @language: (nullable): the newsroom language, which the article gets when
 *   the file names none (%NULL: a new article's own default)
 * @error: return location for a #GError naming @path
 *
 * Reads @path and saves it as a new article with an imported revision. A
 * file that carries the uuid of an article already here (an export imported
 * again) becomes a new article rather than overwriting that one.
 *
 * Returns: (transfer full) (nullable): the article as saved
 */
CdArticle *
cd_import_into_store (CdStore    *store,
                      const char *path,
                      const char *language,
                      GError    **error)
{
  g_autoptr (CdArticle) article = NULL;

  g_return_val_if_fail (CD_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((article = _cd_import_file (path, language, error)) == NULL)
    return NULL;
  if (cd_article_get_uuid (article) == NULL ||
      cd_store_has_article (store, cd_article_get_uuid (article)))
    {
      g_autofree char *uuid = g_uuid_string_random ();

      cd_article_set_uuid (article, uuid);
    }
  if (!cd_store_save_article (store, article, CD_REVISION_IMPORTED, NULL, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&article);
}
