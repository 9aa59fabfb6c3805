/* cd-check-runner.h: when the checks run on the open article, off the main
 * thread, and what they found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-check.h"
#include "cd-store.h"

G_BEGIN_DECLS

/* How long typing must pause before the checks run again. */
#define CD_CHECK_RUNNER_DELAY_MS 300

#define CD_TYPE_CHECK_RUNNER (cd_check_runner_get_type ())
G_DECLARE_FINAL_TYPE (CdCheckRunner, cd_check_runner, CD, CHECK_RUNNER, GObject)

/**
 * CdCheckRunnerFunc:
 * @field: the field's name ("body", "headline", …)
 * @object: the GtkTextBuffer or GtkEditable that edits it
 * @user_data: the data given with the function
 */
typedef void (*CdCheckRunnerFunc) (const char *field,
                                   GObject    *object,
                                   gpointer    user_data);

CdCheckRunner *cd_check_runner_new (void);
CdChecker     *cd_check_runner_get_checker (CdCheckRunner *self);
gboolean       cd_check_runner_set_store (CdCheckRunner *self,
                                          CdStore       *store,
                                          GError       **error);
void           cd_check_runner_set_article (CdCheckRunner *self,
                                            CdArticle     *article);
CdArticle     *cd_check_runner_get_article (CdCheckRunner *self);
void           cd_check_runner_attach (CdCheckRunner *self,
                                       const char    *field,
                                       GObject       *object);
GObject       *cd_check_runner_lookup (CdCheckRunner *self,
                                       const char    *field);
void           cd_check_runner_foreach_attachment (CdCheckRunner    *self,
                                                   CdCheckRunnerFunc func,
                                                   gpointer          user_data);
void           cd_check_runner_queue (CdCheckRunner *self);
GPtrArray     *cd_check_runner_get_findings (CdCheckRunner *self);
gboolean       cd_check_runner_apply (CdCheckRunner   *self,
                                      const CdFinding *finding);
gboolean       cd_check_runner_ignore (CdCheckRunner   *self,
                                       const CdFinding *finding,
                                       GError         **error);
gboolean       cd_check_runner_add_word (CdCheckRunner   *self,
                                         const CdFinding *finding,
                                         GError         **error);

G_END_DECLS
