/* cd-check-underliner.h: the findings of the checks underlined where the
 * person types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-check-runner.h"

G_BEGIN_DECLS

/* The text tags in an attached buffer, for findings that are warnings and
 * for those that are only information. */
#define CD_CHECK_UNDERLINER_TAG_WARNING "cd-check-warning"
#define CD_CHECK_UNDERLINER_TAG_INFO "cd-check-info"

#define CD_TYPE_CHECK_UNDERLINER (cd_check_underliner_get_type ())
G_DECLARE_FINAL_TYPE (CdCheckUnderliner, cd_check_underliner, CD, CHECK_UNDERLINER, GObject)

CdCheckUnderliner *cd_check_underliner_new (CdCheckRunner *runner);
void               cd_check_underliner_ensure_tags (GtkTextBuffer *buffer);

G_END_DECLS
