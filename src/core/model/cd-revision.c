/* cd-revision.c: an immutable snapshot of an article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-revision"

#include "config.h"

#include "cd-article-json.h"
#include "cd-revision-private.h"

struct _CdRevision
{
  GObject parent_instance;

  gint64     id;
  CdArticle *snapshot;
  /* Until the snapshot is first asked for (see _cd_revision_new_lazy()). */
  char            *snapshot_json;
  char            *uuid;
  GMutex           mutex;
  GDateTime       *created;
  CdRevisionReason reason;
  char            *name;
};

G_DEFINE_FINAL_TYPE (CdRevision, cd_revision, G_TYPE_OBJECT)

/* Indexed by CdRevisionReason; these names are stored in the database, so
 * they never change once released. */
static const char *reason_names[] = {
  "none",
  "checkpoint",
  "named",
  "before-sync",
  "pulled",
  "merged",
  "restored",
  "imported",
  "edited",
};

G_STATIC_ASSERT (G_N_ELEMENTS (reason_names) == CD_REVISION_EDITED + 1);

/**
 * cd_revision_reason_to_string:
 * @reason: a reason
 *
 * Returns: (transfer none): the reason's name, such as "checkpoint"
 */
const char *
cd_revision_reason_to_string (CdRevisionReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reason_names), NULL);
  return reason_names[reason];
}

/**
 * cd_revision_reason_from_string:
 * @text: a reason's name
 * @reason: (out) (optional): where to put the reason
 *
 * Returns: %TRUE when @text names a reason
 */
gboolean
cd_revision_reason_from_string (const char       *text,
                                CdRevisionReason *reason)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    {
      if (g_str_equal (text, reason_names[i]))
        {
          if (reason != NULL)
            *reason = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
cd_revision_finalize (GObject *object)
{
  CdRevision *self = CD_REVISION (object);

  g_clear_object (&self->snapshot);
  g_clear_pointer (&self->snapshot_json, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_mutex_clear (&self->mutex);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (cd_revision_parent_class)->finalize (object);
}

static void
cd_revision_class_init (CdRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_revision_finalize;
}

static void
cd_revision_init (CdRevision *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * cd_revision_new:
 * @id: the revision's id in the store
 * @snapshot: the article as it was; the revision keeps its own copy
 * @created: when the revision was taken
 * @reason: why it was taken
 * @name: (nullable): the name a person gave it
 *
 * Returns: (transfer full): a new revision
 */
CdRevision *
cd_revision_new (gint64           id,
                 CdArticle       *snapshot,
                 GDateTime       *created,
                 CdRevisionReason reason,
                 const char      *name)
{
  CdRevision *self;

  g_return_val_if_fail (CD_IS_ARTICLE (snapshot), NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reason_names), NULL);

  self = g_object_new (CD_TYPE_REVISION, NULL);
  self->id = id;
  /* A copy, so that nobody can change the snapshot through a reference
   * they kept: revisions are immutable. */
  self->snapshot = cd_article_copy (snapshot);
  self->created = g_date_time_ref (created);
  self->reason = reason;
  self->name = g_strdup (name);
  return self;
}

CdRevision *
_cd_revision_new_lazy (gint64           id,
                       const char      *uuid,
                       char            *snapshot_json,
                       GDateTime       *created,
                       CdRevisionReason reason,
                       const char      *name)
{
  CdRevision *self;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (snapshot_json != NULL, NULL);
  g_return_val_if_fail (created != NULL, NULL);

  self = g_object_new (CD_TYPE_REVISION, NULL);
  self->id = id;
  self->uuid = g_strdup (uuid);
  self->snapshot_json = snapshot_json;
  self->created = g_date_time_ref (created);
  self->reason = reason;
  self->name = g_strdup (name);
  return self;
}

gint64
cd_revision_get_id (CdRevision *self)
{
  g_return_val_if_fail (CD_IS_REVISION (self), 0);
  return self->id;
}

/**
 * cd_revision_get_snapshot:
 *
 * Returns: (transfer none): the article as it was; do not change it, copy
 *   it with cd_article_copy() instead
 */
CdArticle *
cd_revision_get_snapshot (CdRevision *self)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CD_IS_REVISION (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (self->snapshot == NULL)
    {
      g_autoptr (GError) error = NULL;

      self->snapshot = cd_article_from_json (self->snapshot_json, &error);
      if (self->snapshot == NULL)
        {
          /* The store wrote this JSON itself, so this is damage on disk;
           * an empty article shows it, where NULL would crash callers. */
          g_warning ("Revision %" G_GINT64_FORMAT " of article %s is damaged: %s",
                     self->id, self->uuid, error->message);
          self->snapshot = cd_article_new_with_uuid (self->uuid);
        }
      /* The row, not the snapshot, says which article a revision is of. */
      cd_article_set_uuid (self->snapshot, self->uuid);
      g_clear_pointer (&self->snapshot_json, g_free);
    }
  return self->snapshot;
}

/**
 * cd_revision_get_created:
 *
 * Returns: (transfer none): when the revision was taken
 */
GDateTime *
cd_revision_get_created (CdRevision *self)
{
  g_return_val_if_fail (CD_IS_REVISION (self), NULL);
  return self->created;
}

CdRevisionReason
cd_revision_get_reason (CdRevision *self)
{
  g_return_val_if_fail (CD_IS_REVISION (self), CD_REVISION_NONE);
  return self->reason;
}

/**
 * cd_revision_get_name:
 *
 * Returns: (transfer none) (nullable): the name a person gave the revision
 */
const char *
cd_revision_get_name (CdRevision *self)
{
  g_return_val_if_fail (CD_IS_REVISION (self), NULL);
  return self->name;
}
