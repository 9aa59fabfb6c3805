/* cd-test-mounts.h: real storage faults for tests, as root in CI: a
 * read-only bind mount and a tiny tmpfs, in a mount namespace of the test's
 * own so that nothing outside it sees them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  cd_test_mounts_init (void);
void  cd_test_mount_read_only (const char *dir);
void  cd_test_mount_tiny (const char *dir,
                          gsize       bytes);
void  cd_test_unmount (const char *dir);
void  cd_test_fill_disk (const char *dir);
char *cd_test_file_checksum (const char *path);

G_END_DECLS
