/* cd-import-error.c: the error domain of imports, front matter included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include "cd-import-error.h"

G_DEFINE_QUARK (CdImportError, cd_import_error)
/* clang-format on */
