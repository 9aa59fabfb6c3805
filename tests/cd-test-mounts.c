/* cd-test-mounts.c: real storage faults for tests.
 *
 * Root bypasses file permissions, so a chmod makes nothing read-only in CI.
 * A read-only bind mount does: the kernel refuses every write with EROFS,
 * root's included. A tmpfs of a few megabytes fills up like a real disk
 * (ENOSPC). Both live in a mount namespace of the test's own (a user
 * namespace too when the test is not privileged), entered before any thread
 * starts, and the programs the test runs inherit it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "cd-test-mounts.h"

static void
write_proc (const char *path,
            const char *text)
{
  int fd = open (path, O_WRONLY);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize) strlen (text));
  close (fd);
}

/**
 * cd_test_mounts_init:
 *
 * Call first in main(), before anything starts a thread: unshare() of a
 * user namespace refuses a process with threads.
 */
void
cd_test_mounts_init (void)
{
  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1\n", (guint) getuid ());
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1\n", (guint) getgid ());

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        g_error ("Could not make a mount namespace for the storage tests: %s",
                 g_strerror (errno));
      write_proc ("/proc/self/setgroups", "deny");
      write_proc ("/proc/self/uid_map", uid_map);
      write_proc ("/proc/self/gid_map", gid_map);
    }
  /* What the test mounts stays in its namespace. */
  g_assert_cmpint (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), ==, 0);
}

/* A remount must keep the flags the kernel locked on the mount underneath. */
static unsigned long
kept_flags (const char *dir)
{
  static const struct
  {
    unsigned long st;
    unsigned long ms;
  } flags[] = {
    {ST_NOSUID,      MS_NOSUID    },
    { ST_NODEV,      MS_NODEV     },
    { ST_NOEXEC,     MS_NOEXEC    },
    { ST_NOATIME,    MS_NOATIME   },
    { ST_NODIRATIME, MS_NODIRATIME},
    { ST_RELATIME,   MS_RELATIME  },
  };
  struct statvfs fs;
  unsigned long  kept = 0;

  g_assert_cmpint (statvfs (dir, &fs), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (fs.f_flag & flags[i].st)
      kept |= flags[i].ms;
  return kept;
}

/* Makes @dir read-only for everyone, root included, until
 * cd_test_unmount(). */
void
cd_test_mount_read_only (const char *dir)
{
  unsigned long kept = kept_flags (dir);

  g_assert_cmpint (mount (dir, dir, NULL, MS_BIND, NULL), ==, 0);
  if (mount (NULL, dir, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | kept, NULL) != 0)
    g_error ("Could not make %s read-only: %s", dir, g_strerror (errno));
  g_assert_cmpint (access (dir, W_OK), !=, 0);
}

/* Mounts an empty tmpfs of @bytes on @dir. */
void
cd_test_mount_tiny (const char *dir,
                    gsize       bytes)
{
  g_autofree char *options = g_strdup_printf ("size=%" G_GSIZE_FORMAT, bytes);

  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    g_error ("Could not mount a tmpfs on %s: %s", dir, g_strerror (errno));
}

void
cd_test_unmount (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

/* Fills the disk holding @dir to the last byte, with a file "filler" in
 * it, as a disk is full in real life. */
void
cd_test_fill_disk (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  char             block[4096] = { 0 };
  int              fd = open (path, O_WRONLY | O_CREAT | O_APPEND, 0600);
  struct statvfs   fs;

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  /* The last partial block. */
  while (write (fd, block, 1) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
  g_assert_cmpint (statvfs (dir, &fs), ==, 0);
  g_assert_cmpuint (fs.f_bavail, ==, 0);
}

/* A file's SHA-256, to show that a fault left it untouched. */
char *
cd_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize            length;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}
