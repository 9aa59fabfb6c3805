/* cd-test-wordpress.h: a throwaway WordPress on loopback for tests, started
 * with build-aux/wordpress-test-server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cd-wordpress.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;            /* the instance's files; removed by stop */
  char *url;            /* http://127.0.0.1:PORT */
  char *user;           /* an administrator */
  char *password;       /* its application password */
  char *other_user;     /* an editor, standing in for another person or app */
  char *other_password; /* its application password */
} CdTestWordpress;

gboolean         cd_test_wordpress_disabled (void);
CdTestWordpress *cd_test_wordpress_start (GError **error);
void             cd_test_wordpress_stop (CdTestWordpress *wp);
CdWordpress     *cd_test_wordpress_client (CdTestWordpress *wp,
                                           const char      *password);
JsonNode        *cd_test_wordpress_rest (CdTestWordpress *wp,
                                         const char      *method,
                                         const char      *path,
                                         const char      *user,
                                         const char      *password,
                                         const char      *json,
                                         guint           *status);

void cd_test_remove_tree (const char *path);

/* Waiting for an _async call: pass cd_test_store_result with the address
 * of a NULL GAsyncResult pointer, then cd_test_await() it. */
void          cd_test_store_result (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data);
GAsyncResult *cd_test_await (GAsyncResult **slot);

/* A blocking call on a thread while the default main context goes on:
 * what an in-process SoupServer needs to answer it. @data must live until
 * the call is finished. */
typedef gpointer (*CdTestBlockingFunc) (gpointer      data,
                                        GCancellable *cancellable,
                                        GError      **error);
void     cd_test_run_in_thread (CdTestBlockingFunc  func,
                                gpointer            data,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data);
gpointer cd_test_run_in_thread_finish (GAsyncResult *result,
                                       GError      **error);

char         *cd_test_wordpress_verify (CdWordpress *client,
                                        GError     **error);
CdRemotePost *cd_test_wordpress_create (CdWordpress *client,
                                        CdArticle   *article,
                                        GError     **error);
CdRemotePost *cd_test_wordpress_get (CdWordpress *client,
                                     const char  *remote_id,
                                     GError     **error);
CdRemotePost *cd_test_wordpress_find_by_uuid (CdWordpress *client,
                                              const char  *uuid,
                                              GError     **error);
GPtrArray    *cd_test_wordpress_list_changed (CdWordpress *client,
                                              GDateTime   *since,
                                              GError     **error);
CdRemotePost *cd_test_wordpress_update (CdWordpress *client,
                                        const char  *remote_id,
                                        CdArticle   *article,
                                        GError     **error);

G_END_DECLS
