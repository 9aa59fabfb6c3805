/* fuzz-email.c: libFuzzer target for the email importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

FUZZ_IMPORTER (CD_IMPORT_FORMAT_EMAIL, "fuzz.eml")
