/* fuzz-xml.c: libFuzzer target for the agency XML importer (NITF,
 * NewsML-G2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

FUZZ_IMPORTER (CD_IMPORT_FORMAT_XML, "fuzz.xml")
