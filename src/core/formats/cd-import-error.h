/* cd-import-error.h: the error domain of imports, front matter included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CD_IMPORT_ERROR (cd_import_error_quark ())

typedef enum
{
  CD_IMPORT_ERROR_NOT_FOUND,
  CD_IMPORT_ERROR_NOT_REGULAR,
  CD_IMPORT_ERROR_TOO_LARGE,
  CD_IMPORT_ERROR_EMPTY,
  CD_IMPORT_ERROR_BINARY,
  CD_IMPORT_ERROR_INVALID_UTF8,
  CD_IMPORT_ERROR_UNKNOWN_TYPE,
  CD_IMPORT_ERROR_FRONT_MATTER,
  CD_IMPORT_ERROR_INVALID,
  CD_IMPORT_ERROR_READ,
} CdImportError;

GQuark cd_import_error_quark (void);

G_END_DECLS
