/* cd-test-util.h: small helpers the store's tests and benchmarks share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Removes a temporary folder and everything in it. */
static inline void
cd_test_rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          cd_test_rm_rf (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}
