/* fuzz-document.c: libFuzzer target for the importers of word processors' documents
 * (.docx, .odt), told apart by their first bytes as a file with no
 * extension is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

FUZZ_IMPORTER (CD_IMPORT_FORMAT_AUTO, "fuzz")
