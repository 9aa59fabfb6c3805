/* cd-checks-panel.h: the Checks panel: the findings of a CdCheckRunner
 * listed by rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-check-runner.h"

G_BEGIN_DECLS

/* How long typing must pause before the checks run again. */
#define CD_CHECKS_PANEL_DELAY_MS CD_CHECK_RUNNER_DELAY_MS

#define CD_TYPE_CHECKS_PANEL (cd_checks_panel_get_type ())
G_DECLARE_FINAL_TYPE (CdChecksPanel, cd_checks_panel, CD, CHECKS_PANEL, GtkWidget)

GtkWidget     *cd_checks_panel_new (void);
CdCheckRunner *cd_checks_panel_get_runner (CdChecksPanel *self);
void           cd_checks_panel_set_article (CdChecksPanel *self,
                                            CdStore       *store,
                                            CdArticle     *article);
CdArticle     *cd_checks_panel_get_article (CdChecksPanel *self);
CdChecker     *cd_checks_panel_get_checker (CdChecksPanel *self);
void           cd_checks_panel_attach (CdChecksPanel *self,
                                       const char    *field,
                                       GObject       *object);
GPtrArray     *cd_checks_panel_get_findings (CdChecksPanel *self);

G_END_DECLS
