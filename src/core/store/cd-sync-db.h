/* cd-sync-db.h: the sync layer's tables (accounts, per-article sync state,
 * where each account's pull left off) in the store's SQLite file, through a
 * connection of their own, and typed calls for what the sync engine keeps
 * in them. No SQL crosses this header: the connection and raw statements
 * are in cd-sync-db-private.h, for the store's own files.
 *
 * A CdSyncDb is for one thread at a time; a sync worker opens its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-store.h"

G_BEGIN_DECLS

#define CD_SYNC_DB_ERROR (cd_sync_db_error_quark ())

typedef enum
{
  CD_SYNC_DB_ERROR_FAILED,
  CD_SYNC_DB_ERROR_TOO_NEW, /* written by a newer Copydesk */
  CD_SYNC_DB_ERROR_DAMAGED, /* the sync records are damaged: `copydesk repair` rebuilds them */
} CdSyncDbError;

/* An article's state with one account, as recorded. */
typedef enum
{
  CD_SYNC_ROW_PENDING,  /* waiting for a push, or never synced */
  CD_SYNC_ROW_SYNCED,   /* both sides agreed at the last sync */
  CD_SYNC_ROW_ERROR,    /* the last push failed; the error says why */
  CD_SYNC_ROW_CONFLICT, /* changed on both sides; theirs_json keeps the server's side */
} CdSyncRowState;

/* One article's row for one account. Text fields are %NULL when unset. */
typedef struct
{
  char          *uuid;
  char          *account;
  char          *remote_id;
  char          *remote_modified; /* ISO 8601, UTC */
  char          *base_json;       /* the article as both sides last agreed */
  CdSyncRowState state;
  char          *error; /* in words */
  char          *theirs_json;
  char          *theirs_modified;
  gboolean       dirty;          /* local changes wait to be pushed */
  gboolean       create_unknown; /* a create's reply was lost */
} CdSyncRow;

/* A post pulled as a new article, for cd_sync_db_save_pulled(). */
typedef struct
{
  CdArticle  *article;         /* saved with a CD_REVISION_PULLED revision */
  const char *snapshot;        /* the revision's JSON, or %NULL to make it */
  const char *remote_id;       /* the post's id */
  const char *remote_modified; /* ISO 8601, UTC */
  const char *base_json;       /* the post as an article, the new base */
} CdSyncPulled;

/* What cd_sync_db_repair() did. */
typedef struct
{
  gboolean repaired;      /* the sync records were damaged and are rebuilt */
  guint    rows_kept;     /* sync rows that could still be read and are back */
  guint    accounts_kept; /* accounts that could still be read and are back */
  guint    relinked;      /* articles whose next push looks for their post by its marker first */
  guint    unlinked;      /* articles pulled from a site that lost their link to the post */
  char    *backup;        /* the file as it was before the repair */
} CdSyncDbRepaired;

#define CD_TYPE_SYNC_DB (cd_sync_db_get_type ())
G_DECLARE_FINAL_TYPE (CdSyncDb, cd_sync_db, CD, SYNC_DB, GObject)

GQuark cd_sync_db_error_quark (void);

CdSyncDb   *cd_sync_db_open (CdStore *store,
                             GError **error);
CdSyncDb   *cd_sync_db_open_path (const char *path,
                                  GError    **error);
const char *cd_sync_db_get_path (CdSyncDb *self);
gboolean    cd_sync_db_repair (CdStore          *store,
                               CdSyncDbRepaired *report,
                               GError          **error);
void        cd_sync_db_repaired_clear (CdSyncDbRepaired *report);
int         cd_sync_db_get_schema_version (CdSyncDb *self);

CdSyncRow *cd_sync_row_new (const char *uuid,
                            const char *account);
void       cd_sync_row_free (CdSyncRow *row);
void       cd_sync_row_set_text (char      **field,
                                 const char *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdSyncRow, cd_sync_row_free)

/* Accounts (names only; the accounts module keeps the rest). */
GPtrArray *cd_sync_db_list_accounts (CdSyncDb *self,
                                     GError  **error);

/* Rows of the sync_state table. */
CdSyncRow *cd_sync_db_load_row (CdSyncDb   *self,
                                const char *uuid,
                                const char *account,
                                GError    **error);
gboolean   cd_sync_db_save_row (CdSyncDb  *self,
                                CdSyncRow *row,
                                GError   **error);
gboolean   cd_sync_db_delete_row (CdSyncDb   *self,
                                  const char *uuid,
                                  const char *account,
                                  GError    **error);
GPtrArray *cd_sync_db_list_rows (CdSyncDb   *self,
                                 const char *uuid,
                                 GError    **error);
char      *cd_sync_db_find_uuid (CdSyncDb   *self,
                                 const char *account,
                                 const char *remote_id,
                                 GError    **error);
GPtrArray *cd_sync_db_list_dirty (CdSyncDb   *self,
                                  const char *account,
                                  GError    **error);
GPtrArray *cd_sync_db_list_conflicts (CdSyncDb   *self,
                                      const char *account,
                                      GError    **error);
gboolean   cd_sync_db_mark_dirty (CdSyncDb          *self,
                                  const char *const *uuids,
                                  GError           **error);
gboolean   cd_sync_db_fail_dirty (CdSyncDb   *self,
                                  const char *account,
                                  const char *message,
                                  GError    **error);
gboolean   cd_sync_db_requeue_others (CdSyncDb   *self,
                                      const char *uuid,
                                      const char *account,
                                      GError    **error);

/* Where each account's pull left off (sync_pulls). */
char    *cd_sync_db_get_pull_mark (CdSyncDb   *self,
                                   const char *account,
                                   GError    **error);
gboolean cd_sync_db_raise_pull_mark (CdSyncDb   *self,
                                     const char *account,
                                     const char *modified,
                                     GError    **error);

gboolean cd_sync_db_save_pulled (CdStore            *store,
                                 const char         *account,
                                 const CdSyncPulled *pulled,
                                 guint               n_pulled,
                                 GError            **error);

/* An image as one account's site has it (sync_media): recorded the moment
 * the site's reply to its upload arrives, or when it is found there. */
typedef struct
{
  char *account;
  char *image_id;   /* the image's content hash, 64 hex digits */
  char *media_id;   /* the site's id for it, as text */
  char *source_url; /* where the site serves the file; %NULL when unknown */
} CdSyncMedia;

void cd_sync_media_free (CdSyncMedia *media);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdSyncMedia, cd_sync_media_free)

CdSyncMedia *cd_sync_db_load_media (CdSyncDb   *self,
                                    const char *account,
                                    const char *image_id,
                                    GError    **error);
CdSyncMedia *cd_sync_db_find_media (CdSyncDb   *self,
                                    const char *account,
                                    const char *media_id,
                                    GError    **error);
GPtrArray   *cd_sync_db_list_media (CdSyncDb   *self,
                                    const char *image_id,
                                    GError    **error);
gboolean     cd_sync_db_save_media (CdSyncDb          *self,
                                    const CdSyncMedia *media,
                                    GError           **error);
gboolean     cd_sync_db_delete_media (CdSyncDb   *self,
                                      const char *account,
                                      const char *image_id,
                                      GError    **error);

/* Everything the sync-state model reads, in one read transaction. */
gboolean cd_sync_db_read_states (CdSyncDb   *self,
                                 GPtrArray **accounts,
                                 GPtrArray **rows,
                                 GPtrArray **outbox,
                                 GError    **error);

G_END_DECLS
