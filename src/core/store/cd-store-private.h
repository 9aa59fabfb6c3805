/* cd-store-private.h: the store's connection, for core modules that keep
 * their own tables in the same database (the sync engine).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cd-store.h"

G_BEGIN_DECLS

/* Locks the store for the calling thread and returns its connection. Every
 * statement on the connection runs between _cd_store_lock() and
 * _cd_store_unlock(); the lock is not recursive, so no public cd_store_*()
 * function may be called while it is held. Reset or finalize statements
 * before unlocking, or they keep a read transaction open. */
sqlite3 *_cd_store_lock (CdStore *self);
void     _cd_store_unlock (CdStore *self);

/* Transactions under the lock. _cd_store_begin() takes the write lock at
 * once (BEGIN IMMEDIATE), waiting up to the busy timeout for another
 * process. */
gboolean _cd_store_begin (CdStore *self,
                          GError **error);
gboolean _cd_store_commit (CdStore *self,
                           GError **error);
void     _cd_store_rollback (CdStore *self);

/* cd_store_save_article() without locking or its own transaction, so that a
 * caller can save an article and its own rows in one transaction. */
gboolean _cd_store_save_article_locked (CdStore         *self,
                                        CdArticle       *article,
                                        CdRevisionReason reason,
                                        const char      *name,
                                        GError         **error);

/* _cd_store_save_article_locked() with the revision's snapshot given: it
 * must be cd_article_to_json (@article, CD_ARTICLE_JSON_DEFAULT, FALSE),
 * which a caller that needs that text too makes only once. %NULL makes it. */
gboolean _cd_store_save_article_with_snapshot (CdStore         *self,
                                               CdArticle       *article,
                                               CdRevisionReason reason,
                                               const char      *name,
                                               const char      *snapshot,
                                               GError         **error);

/* Turns an SQLite result code into a CD_STORE_ERROR that names the file;
 * @doing says what failed ("save the article"). */
void _cd_store_set_error (CdStore    *self,
                          GError    **error,
                          int         rc,
                          const char *doing);

G_END_DECLS
