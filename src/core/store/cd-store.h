/* cd-store.h: the offline article store (one SQLite file). It announces
 * each commit's changes with the "articles-changed" signal, on the main
 * context that was thread-default when it was opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"
#include "cd-revision.h"

G_BEGIN_DECLS

#define CD_STORE_ERROR (cd_store_error_quark ())

typedef enum
{
  CD_STORE_ERROR_FAILED,
  CD_STORE_ERROR_NOT_FOUND,
  CD_STORE_ERROR_CORRUPT,
  CD_STORE_ERROR_TOO_NEW,
  CD_STORE_ERROR_BUSY,
  CD_STORE_ERROR_READ_ONLY, /* opened for reading only: nothing can be saved */
} CdStoreError;

/* Why articles changed, as "articles-changed" announces it. */
typedef enum
{
  CD_STORE_CHANGE_EDIT,       /* saved from an edit: autosave, `set`, a named version, a merge result */
  CD_STORE_CHANGE_IMPORT,     /* a new article: import, New, Duplicate */
  CD_STORE_CHANGE_SYNC_PULL,  /* written from the CMS by the sync engine */
  CD_STORE_CHANGE_SYNC_STATE, /* the article's sync state changed (queued, synced, conflict, error) */
  CD_STORE_CHANGE_TRASH,      /* moved to the trash, or deleted for good by emptying it */
  CD_STORE_CHANGE_RESTORE,    /* back from the trash, or a revision restored */
  CD_STORE_CHANGE_EXTERNAL,   /* another process changed the file */
} CdStoreChangeReason;

#define CD_TYPE_STORE_CHANGE_REASON (cd_store_change_reason_get_type ())
GType cd_store_change_reason_get_type (void) G_GNUC_CONST;

/* The order of a listing without a search (a search lists the best
 * matches first). */
typedef enum
{
  CD_STORE_SORT_MODIFIED, /* last changed first */
  CD_STORE_SORT_CREATED,  /* last written first */
  CD_STORE_SORT_HEADLINE, /* A to Z, articles without one last */
  CD_STORE_SORT_EMBARGO,  /* the next embargo first, then those without */
  CD_STORE_N_SORTS,
} CdStoreSort;

const char *cd_store_sort_to_string (CdStoreSort sort);
gboolean    cd_store_sort_from_string (const char  *text,
                                       CdStoreSort *sort);

/* Which articles a listing returns. */
typedef struct
{
  const char *search;  /* FTS5 query over headline, dek, body; NULL for all */
  int         status;  /* a CdArticleStatus, or -1 for any */
  gboolean    trashed; /* TRUE lists the trash instead of the live articles */
  guint       limit;   /* 0 for no limit */
  CdStoreSort sort;
} CdStoreQuery;

/* Changes @article in place for cd_store_edit_article(); %FALSE with
 * @error set leaves the store as it was. */
typedef gboolean (*CdStoreEditFunc) (CdArticle *article,
                                     gpointer   user_data,
                                     GError   **error);

/* How cd_store_save_article_checked() stored an article. */
typedef enum
{
  CD_STORE_SAVE_WRITTEN,   /* nobody else had changed it: stored as given */
  CD_STORE_SAVE_MERGED,    /* changed elsewhere: both sides' changes merged */
  CD_STORE_SAVE_KEPT_BOTH, /* both changed the same text: ours stored, theirs kept as a revision */
} CdStoreSaveOutcome;

#define CD_TYPE_STORE (cd_store_get_type ())
G_DECLARE_FINAL_TYPE (CdStore, cd_store, CD, STORE, GObject)

GQuark cd_store_error_quark (void);
char  *cd_store_default_data_dir (void);

CdStore    *cd_store_open (const char *data_dir,
                           GError    **error);
const char *cd_store_get_path (CdStore *self);
int         cd_store_get_schema_version (CdStore *self);
void        cd_store_watch_external (CdStore *self);
gboolean    cd_store_is_read_only (CdStore *self);
char       *cd_store_describe_read_only (CdStore *self);
gboolean    cd_store_check_writable (CdStore *self,
                                     GError **error);

CdArticle *cd_store_get_article (CdStore    *self,
                                 const char *uuid,
                                 GError    **error);
gboolean   cd_store_has_article (CdStore    *self,
                                 const char *uuid);
gboolean   cd_store_save_article (CdStore         *self,
                                  CdArticle       *article,
                                  CdRevisionReason reason,
                                  const char      *name,
                                  GError         **error);
gboolean   cd_store_save_article_checked (CdStore            *self,
                                          CdArticle          *base,
                                          CdArticle          *article,
                                          CdRevisionReason    reason,
                                          const char         *name,
                                          CdArticle         **written,
                                          CdStoreSaveOutcome *outcome,
                                          GError            **error);
gboolean   cd_store_edit_article (CdStore        *self,
                                  const char     *uuid,
                                  CdStoreEditFunc edit,
                                  gpointer        user_data,
                                  GError        **error);
GPtrArray *cd_store_list_articles (CdStore            *self,
                                   const CdStoreQuery *query,
                                   GError            **error);
void       cd_store_list_articles_async (CdStore            *self,
                                         const CdStoreQuery *query,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
GPtrArray *cd_store_list_articles_finish (CdStore      *self,
                                          GAsyncResult *result,
                                          GError      **error);

gboolean cd_store_trash_article (CdStore    *self,
                                 const char *uuid,
                                 GError    **error);
gboolean cd_store_untrash_article (CdStore    *self,
                                   const char *uuid,
                                   GError    **error);
gboolean cd_store_is_trashed (CdStore    *self,
                              const char *uuid);
guint    cd_store_empty_trash (CdStore *self,
                               GError **error);

GPtrArray  *cd_store_list_revisions (CdStore    *self,
                                     const char *uuid,
                                     GError    **error);
CdRevision *cd_store_get_revision (CdStore *self,
                                   gint64   revision_id,
                                   GError **error);
CdArticle  *cd_store_restore_revision (CdStore *self,
                                       gint64   revision_id,
                                       GError **error);

/* A listing's articles have no body; this gives the word count the store
 * keeps for each one, without loading the body. */
guint cd_store_summary_get_word_count (CdArticle *article);

/* The outbox: articles with local changes the CMS has not had yet, one row
 * an article however often it changed. See cd_store_save_article(). */
GPtrArray *cd_store_list_outbox (CdStore *self,
                                 GError **error);
gint64     cd_store_outbox_get_queued_at (CdStore    *self,
                                          const char *uuid);
gboolean   cd_store_outbox_remove (CdStore    *self,
                                   const char *uuid,
                                   gint64      queued_at,
                                   GError    **error);

/* Images (cd-store-images.c): stored once by the SHA-256 of their bytes,
 * in <data dir>/images/<first two hex>/<id>, with a row naming their
 * type, dimensions and size. */
typedef struct _CdImageInfo CdImageInfo;

#define CD_TYPE_IMAGE_INFO (cd_image_info_get_type ())
GType cd_image_info_get_type (void) G_GNUC_CONST;

/* How long an image nothing refers to is kept after it was added. */
#define CD_IMAGE_KEEP_UNUSED G_TIME_SPAN_DAY
#define CD_IMAGE_MAX_SIZE (40 * 1024 * 1024)

CdImageInfo *cd_image_info_new (const char *id,
                                const char *mime_type,
                                guint       width,
                                guint       height,
                                guint64     size);
CdImageInfo *cd_image_info_ref (CdImageInfo *info);
void         cd_image_info_unref (CdImageInfo *info);
const char  *cd_image_info_get_id (const CdImageInfo *info);
const char  *cd_image_info_get_mime_type (const CdImageInfo *info);
guint        cd_image_info_get_width (const CdImageInfo *info);
guint        cd_image_info_get_height (const CdImageInfo *info);
guint64      cd_image_info_get_size (const CdImageInfo *info);
gboolean     cd_image_id_is_valid (const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdImageInfo, cd_image_info_unref)

CdImageInfo *cd_store_add_image (CdStore    *self,
                                 GBytes     *bytes,
                                 const char *display_name,
                                 GError    **error);
CdImageInfo *cd_store_add_image_file (CdStore *self,
                                      GFile   *file,
                                      GError **error);
CdImageInfo *cd_store_lookup_image (CdStore    *self,
                                    const char *id,
                                    GError    **error);
char        *cd_store_get_image_path (CdStore    *self,
                                      const char *id);
guint        cd_store_collect_images (CdStore *self,
                                      GError **error);
guint        cd_store_collect_images_older_than (CdStore  *self,
                                                 GTimeSpan age,
                                                 GError  **error);
GBytes      *cd_store_load_image (CdStore    *self,
                                  const char *id,
                                  GError    **error);

/* Where exports and checks learn about stored images without holding a
 * store, so that they stay pure and a test can give its own. Both
 * functions return a new reference, or %NULL for an image they do not
 * know; @load may be %NULL when only the info is needed. */
typedef struct
{
  CdImageInfo *(*lookup) (gpointer    user_data,
                          const char *id);
  GBytes *(*load) (gpointer    user_data,
                   const char *id);
  gpointer user_data;
} CdImageSource;

void         cd_store_get_image_source (CdStore       *self,
                                        CdImageSource *source);
CdImageInfo *cd_image_source_lookup (const CdImageSource *images,
                                     const char          *id);
GBytes      *cd_image_source_load (const CdImageSource *images,
                                   const char          *id);

G_END_DECLS
