/* cd-bench-sync.h: what the sync benchmarks share: the client's CPU time
 * and one sync run to its end on the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/resource.h>

#include "cd-store.h"
#include "cd-sync-db-private.h"
#include "cd-sync.h"

/* CPU time of this process so far, every thread, user and system. */
static inline double
cd_bench_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (double) usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         (double) usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static inline void
cd_bench_on_synced (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CdSyncResult **slot = user_data;
  g_autoptr (GError) error = NULL;

  *slot = cd_sync_engine_sync_finish (CD_SYNC_ENGINE (source), result, &error);
  if (*slot == NULL)
    g_error ("The sync could not run: %s", error->message);
}

/* Runs one sync of every account, iterating the main loop (and whatever
 * sources the caller added to it) until it is done. */
static inline CdSyncResult *
cd_bench_sync (CdSyncEngine *engine)
{
  CdSyncResult *result = NULL;

  cd_sync_engine_sync_async (engine, NULL, NULL, cd_bench_on_synced, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return result;
}

/* Opens the store in @dir with one WordPress account, @name, for @url and
 * @user (the password is handed to the engine's client, not stored). */
static inline CdStore *
cd_bench_open_store (const char *dir,
                     const char *name,
                     const char *url,
                     const char *user)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CdSyncDb) db = NULL;
  g_autofree char *sql = NULL;
  CdStore         *store = cd_store_open (dir, &error);

  g_assert_no_error (error);
  db = cd_sync_db_open (store, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO accounts (name, kind, url, user, created)"
                         " VALUES ('%s', 'wordpress', '%s', '%s', 0)",
                         name, url, user);
  g_assert_true (cd_sync_db_exec (db, sql, &error));
  g_assert_no_error (error);
  return store;
}
