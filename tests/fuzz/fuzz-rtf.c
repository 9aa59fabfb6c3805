/* fuzz-rtf.c: libFuzzer target for the Rich Text Format importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

FUZZ_IMPORTER (CD_IMPORT_FORMAT_RTF, "fuzz.rtf")
