/* cd-pane-bin.h: a pane beside the editor that asks for its width without
 * insisting on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CD_TYPE_PANE_BIN (cd_pane_bin_get_type ())
G_DECLARE_FINAL_TYPE (CdPaneBin, cd_pane_bin, CD, PANE_BIN, AdwBin)

int cd_pane_bin_get_width (CdPaneBin *self);

G_END_DECLS
