/* cd-test-sync.h: what the sync tests share: running a sync to its end,
 * accounts, articles and checks that nothing local changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-store.h"
#include "cd-sync.h"

G_BEGIN_DECLS

CdSyncResult *cd_test_sync_wait (CdSyncEngine *engine,
                                 const char   *account,
                                 GCancellable *cancellable,
                                 GError      **error);
CdSyncResult *cd_test_sync_now (CdSyncEngine *engine,
                                const char   *account);
void          cd_test_add_account (CdStore    *store,
                                   const char *name,
                                   const char *url,
                                   const char *user);
CdArticle    *cd_test_save_new_article (CdStore    *store,
                                        const char *headline,
                                        const char *body);
void          cd_test_save_edit (CdStore   *store,
                                 CdArticle *article);
void          cd_test_assert_article_unchanged (CdStore   *store,
                                                CdArticle *before);
CdSyncItem   *cd_test_find_item (GPtrArray  *items,
                                 const char *uuid);
char         *cd_test_sync_state (CdStore    *store,
                                  const char *uuid,
                                  const char *account,
                                  char      **remote_id);
void          cd_test_remove_dir (const char *path);
GSubprocess  *cd_test_start_cli_sync (const char *dir);

G_END_DECLS
