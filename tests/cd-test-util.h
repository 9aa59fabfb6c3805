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
  GDir       *dir;
  const char *name;

  /* A link is removed, never followed: what it points at is not ours. */
  dir = g_file_test (path, G_FILE_TEST_IS_SYMLINK) ? NULL : g_dir_open (path, 0, NULL);
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
