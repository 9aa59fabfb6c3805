/* cd-store-checked.c: saving an article over another writer's change.
 *
 * The window's autosave, the command line and a sync may write one article
 * at the same time. A writer that read the article, let a person change it
 * and writes it back would undo whatever another writer stored in between;
 * cd_store_save_article_checked() compares the stored article with the one
 * the writer started from, inside the write transaction, and merges instead
 * of overwriting when they differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-store"

#include "config.h"

#include "cd-merge.h"
#include "cd-store.h"
#include "cd-store-private.h"

/* Whether @stored is still @base: every field the same, the modified time
 * aside (a writer's clock is not a change of content). */
static gboolean
same_article (CdArticle *stored,
              CdArticle *base)
{
  g_autoptr (CdArticle) aligned = cd_article_copy (stored);

  g_assert (CD_IS_ARTICLE (stored));
  g_assert (CD_IS_ARTICLE (base));

  cd_article_set_modified (aligned, cd_article_get_modified (base));
  return cd_article_equal (aligned, base);
}

/* The write inside cd_store_save_article_checked()'s transaction. */
static gboolean
save_checked_locked (CdStore            *self,
                     CdArticle          *base,
                     CdArticle          *article,
                     CdRevisionReason    reason,
                     const char         *name,
                     CdArticle         **written,
                     CdStoreSaveOutcome *outcome,
                     GError            **error)
{
  const char *uuid = cd_article_get_uuid (article);
  g_autoptr (CdArticle) stored = NULL;
  g_autoptr (CdArticle) merged = NULL;
  g_auto (GStrv) conflicts = NULL;

  g_assert (CD_IS_STORE (self));
  g_assert (base == NULL || CD_IS_ARTICLE (base));
  g_assert (CD_IS_ARTICLE (article));

  *outcome = CD_STORE_SAVE_WRITTEN;
  if (_cd_store_article_exists_locked (self, uuid) &&
      (stored = _cd_store_get_article_locked (self, uuid, error)) == NULL)
    return FALSE;

  if (stored == NULL || base == NULL || same_article (stored, base))
    {
      if (!_cd_store_save_article_locked (self, article, reason, name, error))
        return FALSE;
    }
  else
    {
      merged = cd_merge_articles_keeping_ours (base, article, stored, &conflicts, error);
      if (merged == NULL)
        return FALSE;
      *outcome = conflicts != NULL ? CD_STORE_SAVE_KEPT_BOTH : CD_STORE_SAVE_MERGED;
      /* Their version, of which the article keeps only what did not clash
       * with ours, stays whole in the history. */
      if (conflicts != NULL &&
          !_cd_store_insert_revision (self, stored, CD_REVISION_EDITED,
                                      "Changed elsewhere at the same time", NULL, error))
        return FALSE;
      if (!_cd_store_save_article_locked (self, merged, reason, name, error))
        return FALSE;
    }
  if (written != NULL)
    *written = merged != NULL ? g_steal_pointer (&merged) : cd_article_copy (article);
  return TRUE;
}

/**
 * cd_store_save_article_checked:
 * @base: (nullable): the article as this writer last read or wrote it;
 *   %NULL writes @article whatever the store holds
 * @article: the article to store (see cd_store_save_article())
 * @reason: as for cd_store_save_article()
 * @name: (nullable): as for cd_store_save_article()
 * @written: (out) (transfer full) (optional): what was stored: @article,
 *   or the merge
 * @outcome: (out) (optional): whether @article was stored as given or
 *   merged with a change made elsewhere
 * @error: return location for an error
 *
 * Saves @article like cd_store_save_article(), unless another writer
 * changed the article since @base: then @article is merged with the
 * stored one field by field and the body line by line
 * (cd_merge_articles_keeping_ours()), and where both changed the same
 * text ours is stored and theirs is kept whole as a revision. Reading,
 * comparing and writing are one transaction, so no change made elsewhere
 * is overwritten unseen.
 *
 * Returns: %TRUE once the change is committed
 */
gboolean
cd_store_save_article_checked (CdStore            *self,
                               CdArticle          *base,
                               CdArticle          *article,
                               CdRevisionReason    reason,
                               const char         *name,
                               CdArticle         **written,
                               CdStoreSaveOutcome *outcome,
                               GError            **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  CdStoreSaveOutcome found = CD_STORE_SAVE_WRITTEN;

  g_return_val_if_fail (CD_IS_STORE (self), FALSE);
  g_return_val_if_fail (base == NULL || CD_IS_ARTICLE (base), FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (cd_article_get_uuid (article) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (written != NULL)
    *written = NULL;
  if (outcome != NULL)
    *outcome = CD_STORE_SAVE_WRITTEN;
  locker = g_mutex_locker_new (&self->mutex);
  if (!_cd_store_begin (self, error))
    return FALSE;
  if (!save_checked_locked (self, base, article, reason, name, written, &found, error))
    {
      _cd_store_rollback (self);
      if (written != NULL)
        g_clear_object (written);
      return FALSE;
    }
  if (!_cd_store_commit (self, error))
    {
      if (written != NULL)
        g_clear_object (written);
      return FALSE;
    }
  if (outcome != NULL)
    *outcome = found;
  return TRUE;
}
