/* test-xml-save.c: saving keeps what the path names, whatever fails underneath
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Faults are injected by interposition: this program defines write(),
 * fsync(), openat(), linkat(), fchown(), fchmod() and renameat() itself, so
 * the calls the library makes while saving land here first (an
 * executable's definitions come before the shared libraries'); each passes
 * through to the real function unless a fault is armed. No privileges,
 * mounts or LD_PRELOAD needed.
 *
 * The tests that need root (another owner, device nodes) make what they
 * need inside their own temporary directory, so that a save that wrongly
 * replaced it would harm nothing; without root they use what a user has.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "test-xml-common.h"

typedef enum {
  FAULT_NONE,
  FAULT_WRITE,          /* the first write fails: disk full */
  FAULT_SHORT_WRITE,    /* some bytes get through, then the disk is full */
  FAULT_FCHOWN,         /* the owner cannot be set, for a reason other than EPERM */
  FAULT_FCHMOD,         /* the mode cannot be set */
  FAULT_FSYNC,          /* the data never reaches the disk */
  FAULT_LINKAT,         /* the finished O_TMPFILE file cannot be given a name */
  FAULT_RENAME,         /* the final step fails */
  FAULT_FSYNC_DIR,      /* only the directory cannot be flushed, after the rename */
  FAULT_KILL,           /* the process is killed in the middle of a write */
} Fault;

static Fault armed_fault = FAULT_NONE;
static int tmpfile_errno = 0;          /* non-zero: openat() refuses O_TMPFILE so */
static gboolean fchown_refused = FALSE;  /* fchown() fails with EPERM, as for a user */
static guint n_injected = 0;
static guint n_writes = 0;
static guint n_tmpfile_opens = 0;
static guint n_links = 0;
static int kill_pipe = -1;             /* FAULT_KILL: where to say "kill me now" */

ssize_t
write (int         fd,
       const void *buffer,
       size_t      count)
{
  static ssize_t (*real_write) (int, const void *, size_t);

  if (real_write == NULL)
    real_write = (ssize_t (*) (int, const void *, size_t)) dlsym (RTLD_NEXT, "write");
  if (armed_fault == FAULT_KILL && fd > 2)
    {
      /* Half the document is in the file when the process is killed: it
       * tells the parent, which kills it. (Valgrind would turn a kill of
       * itself into an orderly exit, and report its memory as leaked.) */
      real_write (fd, buffer, count / 2);
      real_write (kill_pipe, "k", 1);
      for (;;)
        pause ();
    }
  if ((armed_fault == FAULT_WRITE || armed_fault == FAULT_SHORT_WRITE) && fd > 2)
    {
      if (armed_fault == FAULT_SHORT_WRITE && n_writes++ == 0)
        return real_write (fd, buffer, MIN (count, 100));
      n_injected++;
      errno = ENOSPC;
      return -1;
    }
  return real_write (fd, buffer, count);
}

int
fsync (int fd)
{
  static int (*real_fsync) (int);
  struct stat st;

  if (real_fsync == NULL)
    real_fsync = (int (*) (int)) dlsym (RTLD_NEXT, "fsync");
  if (armed_fault == FAULT_FSYNC ||
      (armed_fault == FAULT_FSYNC_DIR && fstat (fd, &st) == 0 && S_ISDIR (st.st_mode)))
    {
      n_injected++;
      errno = EIO;
      return -1;
    }
  return real_fsync (fd);
}

int
openat (int         dir_fd,
        const char *path,
        int         flags,
        ...)
{
  static int (*real_openat) (int, const char *, int, ...);
  mode_t mode = 0;

  if (real_openat == NULL)
    real_openat = (int (*) (int, const char *, int, ...)) dlsym (RTLD_NEXT, "openat");
  if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE)
    {
      va_list args;

      va_start (args, flags);
      mode = (mode_t) va_arg (args, int);
      va_end (args);
    }
  if ((flags & O_TMPFILE) == O_TMPFILE)
    {
      n_tmpfile_opens++;
      if (tmpfile_errno != 0)
        {
          errno = tmpfile_errno;
          return -1;
        }
    }
  return real_openat (dir_fd, path, flags, mode);
}

int
linkat (int         from_dir_fd,
        const char *from,
        int         to_dir_fd,
        const char *to,
        int         flags)
{
  static int (*real_linkat) (int, const char *, int, const char *, int);

  if (real_linkat == NULL)
    real_linkat = (int (*) (int, const char *, int, const char *, int)) dlsym (RTLD_NEXT, "linkat");
  n_links++;
  if (armed_fault == FAULT_LINKAT)
    {
      n_injected++;
      errno = EIO;
      return -1;
    }
  return real_linkat (from_dir_fd, from, to_dir_fd, to, flags);
}

int
fchown (int   fd,
        uid_t owner,
        gid_t group)
{
  static int (*real_fchown) (int, uid_t, gid_t);

  if (real_fchown == NULL)
    real_fchown = (int (*) (int, uid_t, gid_t)) dlsym (RTLD_NEXT, "fchown");
  if (armed_fault == FAULT_FCHOWN || fchown_refused)
    {
      n_injected++;
      errno = fchown_refused ? EPERM : EIO;
      return -1;
    }
  return real_fchown (fd, owner, group);
}

int
fchmod (int    fd,
        mode_t mode)
{
  static int (*real_fchmod) (int, mode_t);

  if (real_fchmod == NULL)
    real_fchmod = (int (*) (int, mode_t)) dlsym (RTLD_NEXT, "fchmod");
  if (armed_fault == FAULT_FCHMOD)
    {
      n_injected++;
      errno = EIO;
      return -1;
    }
  return real_fchmod (fd, mode);
}

int
renameat (int         from_dir_fd,
          const char *from,
          int         to_dir_fd,
          const char *to)
{
  static int (*real_renameat) (int, const char *, int, const char *);

  if (real_renameat == NULL)
    real_renameat = (int (*) (int, const char *, int, const char *)) dlsym (RTLD_NEXT, "renameat");
  if (armed_fault == FAULT_RENAME)
    {
      n_injected++;
      errno = EIO;
      return -1;
    }
  return real_renameat (from_dir_fd, from, to_dir_fd, to);
}

/* The names in @dir, sorted and joined with spaces. */
static char *
list_directory (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  ck_assert_ptr_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) terrind_xml_test_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

#define assert_listing(dir, expected)                                           \
  G_STMT_START {                                                                \
    g_autofree char *listing_ = list_directory (dir);                           \
    ck_assert_str_eq (listing_, (expected));                                    \
  } G_STMT_END

static TerrindRegistry *
load_full (void)
{
  g_autofree char *path = terrind_xml_test_path ("valid", "canonical-full.xml", NULL);
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry = terrind_registry_new_from_file (path, &error);

  terrind_assert_no_error (error);
  return registry;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, &error), "%s",
                 error != NULL ? error->message : "");
  return contents;
}

static void
assert_saved (TerrindRegistry *registry,
              const char      *path)
{
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_registry_export_file (registry, path, &error));
  terrind_assert_no_error (error);
}

static void
assert_holds_document (TerrindRegistry *registry,
                       const char      *path)
{
  g_autofree char *expected = terrind_registry_export_data (registry, NULL, NULL);
  g_autofree char *contents = read_file (path);

  ck_assert_str_eq (contents, expected);
}

static mode_t
file_type (const char *path)
{
  struct stat st;

  ck_assert_msg (lstat (path, &st) == 0, "%s: %s", path, g_strerror (errno));
  return st.st_mode & S_IFMT;
}

static mode_t
file_mode (const char *path)
{
  struct stat st;

  ck_assert_int_eq (lstat (path, &st), 0);
  return st.st_mode & 07777;
}

/* A file holding @contents with @mode. */
static char *
make_file (const char *dir,
           const char *name,
           const char *contents,
           mode_t      mode)
{
  char *path = g_build_filename (dir, name, NULL);

  ck_assert (g_file_set_contents (path, contents, -1, NULL));
  ck_assert_int_eq (g_chmod (path, mode), 0);
  return path;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  ck_assert_ptr_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (file_type (path) == S_IFDIR)
        remove_tree (path);
      else
        ck_assert_int_eq (g_remove (path), 0);
    }
  ck_assert_int_eq (g_rmdir (dir), 0);
}

static const char old[] = "the previous content\n";

typedef struct {
  Fault fault;
  int   tmpfile_errno;   /* 0: the file system has O_TMPFILE; else how it says it has not */
} FaultCase;

static const FaultCase fault_cases[] = {
  { FAULT_WRITE, 0 },
  { FAULT_SHORT_WRITE, 0 },
  { FAULT_FCHOWN, 0 },
  { FAULT_FCHMOD, 0 },
  { FAULT_FSYNC, 0 },
  { FAULT_LINKAT, 0 },
  { FAULT_RENAME, 0 },
  /* The named temporary file, for each way a system says it has no O_TMPFILE. */
  { FAULT_WRITE, EOPNOTSUPP },
  { FAULT_SHORT_WRITE, EISDIR },
  { FAULT_FCHOWN, EINVAL },
  { FAULT_FCHMOD, EOPNOTSUPP },
  { FAULT_FSYNC, EISDIR },
  { FAULT_RENAME, EINVAL },
};

/* Whatever fails, the old file is intact and no temporary file is left. */
START_TEST (test_fault_keeps_old_file)
{
  const FaultCase *fault = &fault_cases[_i];
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *path = make_file (dir, "registry.xml", old, 0640);
  g_autofree char *contents = NULL;
  gboolean saved;

  tmpfile_errno = fault->tmpfile_errno;
  n_injected = 0;
  n_writes = 0;
  armed_fault = fault->fault;
  saved = terrind_registry_export_file (registry, path, &error);
  armed_fault = FAULT_NONE;

  ck_assert_msg (n_injected > 0, "fault %d was never reached", fault->fault);
  ck_assert (!saved);
  ck_assert_str_eq (terrind_error_get_file (error), path);
  terrind_assert_error (error, TERRIND_ERROR_IO);
  contents = read_file (path);
  ck_assert_str_eq (contents, old);
  ck_assert_uint_eq (file_mode (path), 0640);
  assert_listing (dir, "registry.xml");

  /* Without the fault, the same call replaces the file, the same way. */
  n_tmpfile_opens = 0;
  n_links = 0;
  assert_saved (registry, path);
  tmpfile_errno = 0;
  assert_holds_document (registry, path);
  ck_assert_uint_eq (file_mode (path), 0640);
  assert_listing (dir, "registry.xml");
  ck_assert_uint_eq (n_tmpfile_opens, 1);
  if (fault->tmpfile_errno == 0)
    ck_assert_uint_ge (n_links, 1);
  else
    ck_assert_uint_eq (n_links, 0);

  remove_tree (dir);
}
END_TEST

/* The rename has happened when the directory cannot be flushed: the error
 * says the file is replaced, and it is, with nothing left beside it. */
START_TEST (test_directory_flush_fails)
{
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *path = make_file (dir, "registry.xml", old, 0600);

  n_injected = 0;
  armed_fault = FAULT_FSYNC_DIR;
  ck_assert (!terrind_registry_export_file (registry, path, &error));
  armed_fault = FAULT_NONE;
  ck_assert_uint_eq (n_injected, 1);
  ck_assert_msg (strstr (error->message, "replaced") != NULL, "%s", error->message);
  terrind_assert_error (error, TERRIND_ERROR_IO);
  assert_holds_document (registry, path);
  assert_listing (dir, "registry.xml");
  remove_tree (dir);
}
END_TEST

START_TEST (test_unwritable_paths)
{
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "registry.xml", NULL);

  ck_assert (!terrind_registry_export_file (registry, missing, &error));
  ck_assert_str_eq (terrind_error_get_file (error), missing);
  terrind_assert_error (error, TERRIND_ERROR_IO);
  assert_listing (dir, "");
  remove_tree (dir);
}
END_TEST

/* A 0600 file of people's e-mails and phones stays 0600; a new file gets
 * 0666 less the umask, like any file a program creates. */
START_TEST (test_mode_kept)
{
  static const mode_t modes[] = { 0600, 0640, 0444, 0755 };
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *created = g_build_filename (dir, "new.xml", NULL);
  mode_t saved_umask;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *path = make_file (dir, "registry.xml", old, modes[i]);

      assert_saved (registry, path);
      assert_holds_document (registry, path);
      ck_assert_uint_eq (file_mode (path), modes[i]);
    }

  saved_umask = umask (002);
  assert_saved (registry, created);
  umask (saved_umask);
  ck_assert_uint_eq (file_mode (created), 0664);
  assert_listing (dir, "new.xml registry.xml");
  remove_tree (dir);
}
END_TEST

/* Root saving someone's file leaves it theirs; a user who may not give a
 * file away (EPERM) still saves, and the file is then theirs. */
START_TEST (test_owner_kept)
{
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *path = make_file (dir, "registry.xml", old, 0640);
  uid_t uid = geteuid ();
  gid_t gid = getegid ();
  struct stat st;

  if (uid == 0)
    {
      uid = 4321;
      gid = 4322;
      ck_assert_int_eq (chown (path, uid, gid), 0);
    }
  assert_saved (registry, path);
  ck_assert_int_eq (lstat (path, &st), 0);
  ck_assert_uint_eq (st.st_uid, uid);
  ck_assert_uint_eq (st.st_gid, gid);
  ck_assert_uint_eq (st.st_mode & 07777, 0640);

  fchown_refused = TRUE;
  assert_saved (registry, path);
  fchown_refused = FALSE;
  ck_assert_int_eq (lstat (path, &st), 0);
  ck_assert_uint_eq (st.st_uid, geteuid ());
  ck_assert_uint_eq (st.st_mode & 07777, 0640);
  assert_holds_document (registry, path);
  assert_listing (dir, "registry.xml");
  remove_tree (dir);
}
END_TEST

static void
assert_link (const char *path,
             const char *target)
{
  g_autofree char *actual = g_file_read_link (path, NULL);

  ck_assert_str_eq (actual, target);
}

/* A link is followed, however many there are; the file it leads to is
 * replaced in its own directory; the links stay links. */
START_TEST (test_symlink_followed)
{
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *real = NULL;
  g_autofree char *link = g_build_filename (dir, "link.xml", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.xml", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.xml", NULL);
  g_autofree char *created = g_build_filename (data, "new.xml", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.xml", NULL);
  g_autofree char *back = g_build_filename (dir, "back.xml", NULL);

  ck_assert_int_eq (g_mkdir (data, 0700), 0);
  real = make_file (data, "real.xml", old, 0600);
  ck_assert_int_eq (symlink ("data/real.xml", link), 0);   /* relative */
  ck_assert_int_eq (symlink (link, chain), 0);             /* absolute, to a link */

  assert_saved (registry, chain);
  assert_holds_document (registry, real);
  ck_assert_uint_eq (file_mode (real), 0600);
  assert_link (chain, link);
  assert_link (link, "data/real.xml");
  assert_listing (dir, "chain.xml data link.xml");
  assert_listing (data, "real.xml");

  /* A link to nothing yet creates what it names. */
  ck_assert_int_eq (symlink ("data/new.xml", dangling), 0);
  assert_saved (registry, dangling);
  assert_holds_document (registry, created);
  assert_link (dangling, "data/new.xml");
  assert_listing (data, "new.xml real.xml");

  /* Links in a circle lead nowhere: refused, left as they are. */
  ck_assert_int_eq (symlink ("back.xml", loop), 0);
  ck_assert_int_eq (symlink ("loop.xml", back), 0);
  ck_assert (!terrind_registry_export_file (registry, loop, &error));
  ck_assert_str_eq (terrind_error_get_file (error), loop);
  terrind_assert_error (error, TERRIND_ERROR_IO);
  assert_link (loop, "back.xml");
  assert_link (back, "loop.xml");
  assert_listing (dir, "back.xml chain.xml dangling.xml data link.xml loop.xml");
  remove_tree (dir);
}
END_TEST

typedef struct {
  int      fd;
  GString *received;
} FifoReader;

static gpointer
read_fifo (gpointer data)
{
  FifoReader *reader = data;
  char buffer[16384];

  for (;;)
    {
      ssize_t n = read (reader->fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (reader->received, buffer, n);
    }
  return NULL;
}

/* A FIFO gets the whole document and stays a FIFO. */
START_TEST (test_fifo_streamed)
{
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fifo", NULL);
  g_autofree char *expected = terrind_registry_export_data (registry, NULL, NULL);
  g_autoptr(GString) received = g_string_new (NULL);
  FifoReader reader = { -1, received };
  GThread *thread;
  int keep_open;

  ck_assert_int_eq (mkfifo (path, 0600), 0);
  /* Opened read-write, the FIFO always has a writer and a reader: neither
   * the reader's open below nor the save's waits, and the reader sees the
   * end only once this is closed too, whatever the save did. */
  keep_open = open (path, O_RDWR | O_CLOEXEC);
  ck_assert_int_ge (keep_open, 0);
  reader.fd = open (path, O_RDONLY | O_CLOEXEC);
  ck_assert_int_ge (reader.fd, 0);
  thread = g_thread_new ("fifo-reader", read_fifo, &reader);

  assert_saved (registry, path);
  close (keep_open);
  g_thread_join (thread);
  close (reader.fd);

  ck_assert_str_eq (received->str, expected);
  ck_assert_uint_eq (file_type (path), S_IFIFO);
  assert_listing (dir, "fifo");
  remove_tree (dir);
}
END_TEST

/* A character device node: made in @dir where allowed (root), so that a
 * save that wrongly replaced it would harm nothing; else the system's own
 * @fallback, which a user cannot replace. */
static char *
make_char_device (const char   *dir,
                  const char   *name,
                  unsigned int  major,
                  unsigned int  minor,
                  const char   *fallback)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int fd;

  if (mknod (path, S_IFCHR | 0666, makedev (major, minor)) != 0)
    return g_strdup (fallback);
  /* A device controller may forbid opening what it let us make. */
  fd = open (path, O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    {
      ck_assert_int_eq (g_remove (path), 0);
      return g_strdup (fallback);
    }
  close (fd);
  return g_steal_pointer (&path);
}

/* A null device takes the document and stays a device; a full one makes
 * the save fail, and stays a device too. */
START_TEST (test_char_device_streamed)
{
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *null = make_char_device (dir, "null", 1, 3, "/dev/null");
  g_autofree char *full = make_char_device (dir, "full", 1, 7, "/dev/full");
  g_autofree char *listing = list_directory (dir);
  struct stat before, after;

  ck_assert_int_eq (lstat (null, &before), 0);
  assert_saved (registry, null);
  ck_assert_int_eq (lstat (null, &after), 0);
  ck_assert (S_ISCHR (after.st_mode));
  ck_assert_uint_eq (after.st_rdev, before.st_rdev);

  ck_assert (!terrind_registry_export_file (registry, full, &error));
  ck_assert_str_eq (terrind_error_get_file (error), full);
  terrind_assert_error (error, TERRIND_ERROR_IO);
  ck_assert_uint_eq (file_type (full), S_IFCHR);

  assert_listing (dir, listing);
  remove_tree (dir);
}
END_TEST

static void
assert_refused (TerrindRegistry *registry,
                const char      *path,
                const char      *kind,
                mode_t           type)
{
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_export_file (registry, path, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_str_eq (terrind_error_get_file (error), path);
  ck_assert_msg (strstr (error->message, path) != NULL && strstr (error->message, kind) != NULL,
                 "expected the path and \"%s\" in: %s", kind, error->message);
  terrind_assert_error (error, TERRIND_ERROR_IO);
  ck_assert_uint_eq (file_type (path), type);
}

/* What is neither a file nor a stream is refused with a message naming
 * it, and left as it is. */
START_TEST (test_others_refused)
{
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *subdir = g_build_filename (dir, "subdir", NULL);
  g_autofree char *to_subdir = g_build_filename (dir, "to-subdir", NULL);
  g_autofree char *socket_path = g_build_filename (dir, "socket", NULL);
  g_autofree char *block = g_build_filename (dir, "block", NULL);
  g_autofree char *listing = NULL;
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd;

  ck_assert_int_eq (g_mkdir (subdir, 0700), 0);
  ck_assert_int_eq (symlink ("subdir", to_subdir), 0);
  ck_assert_uint_lt (strlen (socket_path), sizeof address.sun_path);
  g_strlcpy (address.sun_path, socket_path, sizeof address.sun_path);
  fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (bind (fd, (struct sockaddr *) &address, sizeof address), 0);
  close (fd);

  assert_refused (registry, dir, "it is a directory", S_IFDIR);
  assert_refused (registry, subdir, "it is a directory", S_IFDIR);
  assert_refused (registry, to_subdir, "it is a directory", S_IFLNK);
  assert_refused (registry, socket_path, "it is a socket", S_IFSOCK);
  /* A block device can only be made by root: the loop device's numbers;
   * it is never opened. */
  if (mknod (block, S_IFBLK | 0600, makedev (7, 0)) == 0)
    assert_refused (registry, block, "it is a block device", S_IFBLK);

  listing = list_directory (subdir);
  ck_assert_str_eq (listing, "");
  remove_tree (dir);
}
END_TEST

/* A process killed in the middle of a save leaves the old file intact and,
 * with O_TMPFILE, nothing beside it. Without, the documented leftover:
 * the target's name, a dot and six random characters. */
START_TEST (test_crash_leaves_no_temporary)
{
  int tmpfile = _i == 0 ? 0 : EOPNOTSUPP;
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *path = make_file (dir, "registry.xml", old, 0600);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  int fds[2];
  int status;
  pid_t child;
  char signal_byte;

  ck_assert_int_eq (pipe (fds), 0);
  child = fork ();
  ck_assert_int_ge (child, 0);
  if (child == 0)
    {
      close (fds[0]);
      kill_pipe = fds[1];
      tmpfile_errno = tmpfile;
      armed_fault = FAULT_KILL;
      terrind_registry_export_file (registry, path, NULL);
      _exit (0);
    }
  close (fds[1]);
  ck_assert_msg (read (fds[0], &signal_byte, 1) == 1, "the save never wrote");
  close (fds[0]);
  ck_assert_int_eq (kill (child, SIGKILL), 0);
  ck_assert_int_eq (waitpid (child, &status, 0), child);
  ck_assert_msg (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL,
                 "the save was not killed (status %d)", status);

  contents = read_file (path);
  ck_assert_str_eq (contents, old);
  listing = list_directory (dir);
  if (tmpfile == 0)
    ck_assert_str_eq (listing, "registry.xml");
  else
    {
      g_auto(GStrv) names = g_strsplit (listing, " ", -1);

      ck_assert_uint_eq (g_strv_length (names), 2);
      ck_assert_str_eq (names[0], "registry.xml");
      ck_assert (g_str_has_prefix (names[1], "registry.xml."));
      ck_assert_uint_eq (strlen (names[1]), strlen ("registry.xml.") + 6);
    }
  remove_tree (dir);
}
END_TEST

static Suite *
xml_save_suite (void)
{
  Suite *suite = suite_create ("xml-save");
  TCase *faults = tcase_create ("faults");
  TCase *kinds = tcase_create ("kinds");

  tcase_add_loop_test (faults, test_fault_keeps_old_file, 0, G_N_ELEMENTS (fault_cases));
  tcase_add_test (faults, test_directory_flush_fails);
  tcase_add_test (faults, test_unwritable_paths);
  tcase_add_loop_test (faults, test_crash_leaves_no_temporary, 0, 2);
  suite_add_tcase (suite, faults);

  tcase_add_test (kinds, test_mode_kept);
  tcase_add_test (kinds, test_owner_kept);
  tcase_add_test (kinds, test_symlink_followed);
  tcase_add_test (kinds, test_fifo_streamed);
  tcase_add_test (kinds, test_char_device_streamed);
  tcase_add_test (kinds, test_others_refused);
  suite_add_tcase (suite, kinds);
  return suite;
}

int
main (void)
{
  return terrind_test_run (xml_save_suite ());
}
