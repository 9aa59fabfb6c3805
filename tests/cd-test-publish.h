/* cd-test-publish.h: what the publishing tests share (cd-test-publish.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cd-store.h"
#include "cd-sync.h"
#include "cd-test-wordpress.h"
#include "cd-wordpress.h"

G_BEGIN_DECLS

#define ACCOUNT "newsroom"

typedef struct
{
  CdTestWordpress *wp;
  char            *dir;
  CdStore         *store;
  CdSyncEngine    *engine;
} Fixture;

JsonNode   *rest (Fixture    *fixture,
                  const char *method,
                  const char *path,
                  const char *json);
JsonArray  *server_posts (Fixture *fixture);
JsonObject *server_post (Fixture    *fixture,
                         const char *remote_id);
void        fixture_set_up (Fixture      *fixture,
                            gconstpointer data);
void        fixture_tear_down (Fixture      *fixture,
                               gconstpointer data);
gboolean    need_wordpress (Fixture *fixture);
CdArticle  *save_with_status (Fixture        *fixture,
                              const char     *headline,
                              CdArticleStatus status);
CdArticle  *load (Fixture    *fixture,
                  const char *uuid);
char       *remote_id_of (Fixture   *fixture,
                          CdArticle *article);
void        sync_clean (Fixture *fixture);
void        assert_server_status (Fixture    *fixture,
                                  const char *remote_id,
                                  const char *status);
GDateTime  *utc_in (gint64 seconds);

/* One run of the built copydesk (COPYDESK_BIN) with --data-dir. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

void run_clear (Run *run);
void run_copydesk (Run        *run,
                   const char *data_dir,
                   const char *input,
                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
