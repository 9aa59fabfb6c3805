/* fuzz-wire.c: libFuzzer target for cd_import_wire().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

FUZZ_IMPORTER (cd_import_wire, "fuzz.txt")
