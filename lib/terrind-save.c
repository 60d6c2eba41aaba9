/* terrind-save.c: writing a document where a path points
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Replace-by-rename is right for a regular file and wrong for everything
 * else: renamed over, a FIFO or a device node becomes a regular file (as
 * root, for /dev/null, the whole system's), and a symbolic link becomes a
 * copy while the file it led to goes stale. So what @path names is looked
 * at first, and each kind gets what a careful editor would do to it; see
 * terrind_registry_export_file() for the rules as a caller sees them.
 *
 * The replacement is written with plain system calls rather than
 * g_file_set_contents_full(), which cannot keep an owner or follow a link,
 * and always leaves a named temporary file behind when killed. The test
 * suite interposes write(), fsync(), openat(), linkat(), fchown(),
 * fchmod() and renameat() to fail each step, so each is called directly.
 */

/* O_TMPFILE, AT_EMPTY_PATH */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "terrind-error-private.h"
#include "terrind-save-private.h"

/* The kernel's own bound on the links one lookup may follow (MAXSYMLINKS). */
#define MAX_LINKS 40

/* How much of the target's name a temporary name keeps: with ".XXXXXX"
 * after it, it must still fit in a file name (NAME_MAX, 255 bytes). */
#define TEMP_PREFIX_MAX 200

/* Names to try before giving up; each is one of 62^6. */
#define TEMP_ATTEMPTS 100

static gboolean
fail_errno (GError     **error,
            const char  *path,
            int          saved_errno,
            const char  *what)
{
  terrind_set_error_at (error, TERRIND_ERROR_IO, path, 0, 0, "could not save: %s: %s",
                        what, g_strerror (saved_errno));
  return FALSE;
}

static const char *
describe_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return "a directory";
  if (S_ISSOCK (mode))
    return "a socket";
  if (S_ISBLK (mode))
    return "a block device";
  if (S_ISREG (mode))
    return "a regular file";
  return "not a kind of file that can be written";
}

static gboolean
refuse (GError     **error,
        const char  *path,
        mode_t       mode)
{
  terrind_set_error_at (error, TERRIND_ERROR_IO, path, 0, 0,
                        "could not save: it is %s; a registry is saved to a regular file, "
                        "a FIFO or a character device", describe_kind (mode));
  return FALSE;
}

/* write() until all is written: a pipe or a nearly full disk may take less
 * than asked. FALSE with errno set. */
static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        {
          /* Neither progress nor an error: nothing more will fit. */
          errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* A FIFO or a character device: written into, as a shell redirection
 * would. Nothing is created, truncated or renamed. */
static gboolean
stream_into (const char  *path,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  struct stat st;
  int fd;

  /* O_NOCTTY: a terminal must not become the process's controlling one.
   * A FIFO blocks here until it has a reader. */
  fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return fail_errno (error, path, errno, "cannot open it for writing");
  /* If something else has taken its place since it was looked at, never
   * write into that in place: a regular file would be half overwritten. */
  if (fstat (fd, &st) != 0 || !(S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode)))
    {
      g_close (fd, NULL);
      terrind_set_error_at (error, TERRIND_ERROR_IO, path, 0, 0,
                            "could not save: it was replaced while being saved");
      return FALSE;
    }
  if (!write_all (fd, data, length))
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      return fail_errno (error, path, saved_errno, "cannot write to it");
    }
  if (!g_close (fd, &local_error))
    {
      terrind_set_error_at (error, TERRIND_ERROR_IO, path, 0, 0, "could not save: %s",
                            local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Follows the symbolic links at the end of @path, one readlink() at a time
 * as the kernel does: a relative target is read from the link's own
 * directory. realpath() would need the end of the chain to exist, and a
 * link that leads nowhere yet names the file to create; lexical clean-ups
 * (g_canonicalize_filename()) get ".." after a link wrong. Directories on
 * the way are left to the kernel: only the last name is replaced.
 *
 * Returns: (transfer full): where the links end, with @st filled and
 *   *@exists TRUE when something is there; NULL on error. */
static char *
resolve_links (const char   *path,
               struct stat  *st,
               gboolean     *exists,
               GError      **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint n_links = 0; n_links <= MAX_LINKS; n_links++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *target = NULL;

      if (lstat (current, st) != 0)
        {
          if (errno != ENOENT)
            {
              fail_errno (error, path, errno, "cannot follow its symbolic links");
              return NULL;
            }
          *exists = FALSE;
          return g_steal_pointer (&current);
        }
      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          return g_steal_pointer (&current);
        }
      target = g_file_read_link (current, &local_error);
      if (target == NULL)
        {
          terrind_set_error_at (error, TERRIND_ERROR_IO, path, 0, 0, "could not save: %s",
                                local_error->message);
          return NULL;
        }
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
    }
  fail_errno (error, path, ELOOP, "cannot follow its symbolic links");
  return NULL;
}

/* Gives the temporary a name beside the target: claims "@target.XXXXXX"
 * names until one was free. A claim returns a descriptor or 0, or -1 with
 * errno set (EEXIST: try another). */
typedef int (*ClaimFunc) (int         dir_fd,
                          const char *name,
                          int         fd);

static char *
claim_temp_name (int         dir_fd,
                 const char *target,
                 ClaimFunc   claim,
                 int         fd,
                 int        *result)
{
  static const char letters[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  gsize prefix = MIN (strlen (target), TEMP_PREFIX_MAX);

  for (guint attempt = 0; attempt < TEMP_ATTEMPTS; attempt++)
    {
      GString *name = g_string_new_len (target, (gssize) prefix);
      int saved_errno;

      g_string_append_c (name, '.');
      for (guint i = 0; i < 6; i++)
        g_string_append_c (name, letters[g_random_int_range (0, (gint32) sizeof letters - 1)]);
      *result = claim (dir_fd, name->str, fd);
      if (*result >= 0)
        return g_string_free (name, FALSE);
      saved_errno = errno;
      g_string_free (name, TRUE);
      if (saved_errno != EEXIST)
        {
          errno = saved_errno;
          return NULL;
        }
    }
  errno = EEXIST;
  return NULL;
}

/* Without O_TMPFILE: an ordinary new file, mode 0666 less the umask like
 * any other. A crash leaves it behind. */
static int
claim_by_creating (int         dir_fd,
                   const char *name,
                   int         fd)
{
  return openat (dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
}

#ifdef O_TMPFILE
/* Links the nameless O_TMPFILE @fd into the directory. Through /proc it
 * needs no privilege; AT_EMPTY_PATH, for a system without /proc, needs
 * CAP_DAC_READ_SEARCH. */
static int
claim_by_linking (int         dir_fd,
                  const char *name,
                  int         fd)
{
  char proc_path[32];

  g_snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
  if (linkat (AT_FDCWD, proc_path, dir_fd, name, AT_SYMLINK_FOLLOW) == 0)
    return 0;
  if (errno != ENOENT)
    return -1;
  return linkat (fd, "", dir_fd, name, AT_EMPTY_PATH);
}
#endif

/* chown() says "not allowed": EPERM, or EINVAL for an owner that has no
 * name in this user namespace (a file of "nobody" seen from a container). */
static gboolean
owner_refused (int saved_errno)
{
  return saved_errno == EPERM || saved_errno == EINVAL;
}

/* The old file's owner and group where the system allows it (root; or,
 * for the group, a member of it: chown(2)), and its mode bits. A file that
 * could not keep its owner is ours, and gets no set-ID bit from a file
 * that was someone else's. FALSE with errno set. */
static gboolean
copy_owner_and_mode (int                fd,
                     const struct stat *old)
{
  mode_t mode = old->st_mode & 07777;

  if (fchown (fd, old->st_uid, old->st_gid) != 0)
    {
      if (!owner_refused (errno))
        return FALSE;
      if (fchown (fd, (uid_t) -1, old->st_gid) != 0 && !owner_refused (errno))
        return FALSE;
      mode &= ~(mode_t) (S_ISUID | S_ISGID);
    }
  /* After fchown(), which clears the set-ID bits. */
  return fchmod (fd, mode) == 0;
}

/* What replace_file() holds; whatever is left when it returns is undone. */
typedef struct {
  int   dir_fd;
  int   fd;
  char *name;      /* the temporary's name, from when it has one until the rename */
} TempFile;

static void
temp_file_clear (TempFile *temp)
{
  if (temp->fd >= 0)
    g_close (temp->fd, NULL);
  if (temp->name != NULL)
    unlinkat (temp->dir_fd, temp->name, 0);
  if (temp->dir_fd >= 0)
    g_close (temp->dir_fd, NULL);
  g_free (temp->name);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TempFile, temp_file_clear)

/* Replaces (or creates) the regular file at @real_path; @old is what is
 * there now, NULL if nothing. @path is the caller's, for messages. */
static gboolean
replace_file (const char        *path,
              const char        *real_path,
              const struct stat *old,
              const char        *data,
              gsize              length,
              GError           **error)
{
  g_autofree char *dir = g_path_get_dirname (real_path);
  g_autofree char *name = g_path_get_basename (real_path);
  g_auto(TempFile) temp = { -1, -1, NULL };
  g_autoptr(GError) local_error = NULL;
  gboolean anonymous = FALSE;

  /* Every step is relative to the directory opened here, so the temporary
   * lands beside the target even if the directory is renamed meanwhile.
   * O_RDONLY, not O_PATH: it is fsync()ed at the end. */
  temp.dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (temp.dir_fd < 0)
    return fail_errno (error, path, errno, "cannot open its directory");

#ifdef O_TMPFILE
  /* A file with no name until linkat(): a crash before then leaves
   * nothing. Its mode is 0666 less the umask, as for any new file. */
  temp.fd = openat (temp.dir_fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  anonymous = temp.fd >= 0;
  /* EOPNOTSUPP: the file system has no O_TMPFILE; EISDIR or EINVAL: the
   * kernel has none. Any other error (EACCES, ENOSPC…) a named temporary
   * file would meet as well. */
  if (!anonymous && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
    return fail_errno (error, path, errno, "cannot create a temporary file");
#endif
  if (!anonymous)
    {
      temp.name = claim_temp_name (temp.dir_fd, name, claim_by_creating, -1, &temp.fd);
      if (temp.name == NULL)
        return fail_errno (error, path, errno, "cannot create a temporary file");
    }

  if (old != NULL && !copy_owner_and_mode (temp.fd, old))
    return fail_errno (error, path, errno, "cannot give the new file the old one's owner and mode");
  if (!write_all (temp.fd, data, length))
    return fail_errno (error, path, errno, "cannot write the temporary file");
  if (fsync (temp.fd) != 0)
    return fail_errno (error, path, errno, "cannot flush the temporary file to disk");

#ifdef O_TMPFILE
  if (anonymous)
    {
      int linked;

      /* linkat() cannot replace a name: link under a free one, then rename
       * that over the target. Only in between is a temporary visible. */
      temp.name = claim_temp_name (temp.dir_fd, name, claim_by_linking, temp.fd, &linked);
      if (temp.name == NULL)
        return fail_errno (error, path, errno, "cannot link the temporary file");
    }
#endif

  if (!g_close (g_steal_fd (&temp.fd), &local_error))
    {
      terrind_set_error_at (error, TERRIND_ERROR_IO, path, 0, 0, "could not save: %s",
                            local_error->message);
      return FALSE;
    }
  if (renameat (temp.dir_fd, temp.name, temp.dir_fd, name) != 0)
    return fail_errno (error, path, errno, "cannot rename the temporary file over it");
  g_clear_pointer (&temp.name, g_free);

  /* The rename lasts through a crash only once the directory is on disk.
   * The file is replaced already: the message says so. */
  if (fsync (temp.dir_fd) != 0)
    return fail_errno (error, path, errno,
                       "it is replaced, but its directory cannot be flushed to disk");
  return TRUE;
}

gboolean
terrind_save_file (const char  *path,
                   const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autofree char *real_path = NULL;
  struct stat st, end;
  gboolean found, exists = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* stat() follows every link, /proc's too: /dev/stdout leads through
   * /proc/self/fd/1 to a pipe or a terminal that has no name to resolve.
   * Opened by @path, the kernel finds it again. */
  found = stat (path, &st) == 0;
  if (!found && errno != ENOENT)
    return fail_errno (error, path, errno, "cannot examine it");
  if (found && (S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode)))
    return stream_into (path, data, length, error);
  if (found && !S_ISREG (st.st_mode))
    return refuse (error, path, st.st_mode);

  /* A regular file, or nothing yet (maybe at the end of a dangling link):
   * replaced or created where it really is. */
  real_path = resolve_links (path, &end, &exists, error);
  if (real_path == NULL)
    return FALSE;
  if (exists && !S_ISREG (end.st_mode))
    return refuse (error, path, end.st_mode);
  /* The links must lead where stat() went. They do not when the path
   * changed in between, or for a /proc link to a deleted file, which
   * reads "NAME (deleted)". */
  if (found != exists || (found && (st.st_dev != end.st_dev || st.st_ino != end.st_ino)))
    {
      terrind_set_error_at (error, TERRIND_ERROR_IO, path, 0, 0,
                            "could not save: its symbolic links do not lead to the file it "
                            "names (was it moved or deleted?)");
      return FALSE;
    }
  return replace_file (path, real_path, exists ? &end : NULL, data, length, error);
}
