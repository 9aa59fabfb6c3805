/* cd-a11y.h: names for the accessibility tree that GTK 4.8 gets wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cd_a11y_fix_names (GtkWidget *root);

G_END_DECLS
