/* cd-ui-test.h: helpers for the window tests and benchmarks under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-application.h"
#include "cd-window.h"

G_BEGIN_DECLS

typedef struct
{
  char          *dir;
  CdStore       *store;
  CdApplication *app; /* shared by every test of the program */
  CdWindow      *window;
} CdUiFixture;

typedef gboolean (*CdUiCondition) (gpointer data);

void       cd_ui_fixture_setup (CdUiFixture  *fixture,
                                gconstpointer data);
void       cd_ui_fixture_teardown (CdUiFixture  *fixture,
                                   gconstpointer data);
CdArticle *cd_ui_add_article (CdStore    *store,
                              const char *headline,
                              const char *body);
char      *cd_ui_make_long_body (guint words);
CdWindow  *cd_ui_start (CdUiFixture *fixture,
                        const char  *open_uuid);
void       cd_ui_close_window (CdUiFixture *fixture);
gboolean   cd_ui_wait_for (CdUiCondition condition,
                           gpointer      data,
                           guint         timeout_ms);
void       cd_ui_spin (guint ms);
void       cd_ui_wait_preview_loaded (CdWindow *window);
char      *cd_ui_eval_js (WebKitWebView *view,
                          const char    *script);
gulong     cd_ui_get_xid (GtkWidget *window);
void       cd_ui_run (const char *const *argv);
gboolean   cd_ui_remove_tree (const char *path);
CdArticle *cd_ui_read_article (const char *dir,
                               const char *uuid);
GtkWidget *cd_ui_find_named (GtkWidget  *widget,
                             const char *name);
void       cd_ui_press_keys (CdWindow   *window,
                             const char *keys);
void       cd_ui_type (CdWindow   *window,
                       const char *text);
void       cd_ui_move_pointer (GtkWidget *widget,
                               double     x,
                               double     y);
void       cd_ui_click (GtkWidget *widget,
                        double     x,
                        double     y,
                        guint      button);

G_END_DECLS
