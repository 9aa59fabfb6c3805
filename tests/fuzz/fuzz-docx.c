/* fuzz-docx.c: libFuzzer target for the Word document importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

FUZZ_IMPORTER (CD_IMPORT_FORMAT_DOCX, "fuzz.docx")
