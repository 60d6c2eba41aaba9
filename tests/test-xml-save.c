/* test-xml-save.c: saving is atomic, whatever fails underneath
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Faults are injected by interposition: this program defines write(),
 * fsync() and rename() itself, so the calls GLib makes while saving land
 * here first (an executable's definitions come before the shared
 * libraries'); each passes through to the real function unless a fault is
 * armed. No privileges, mounts or LD_PRELOAD needed.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "test-xml-common.h"

typedef enum {
  FAULT_NONE,
  FAULT_WRITE,          /* the first write fails: disk full */
  FAULT_SHORT_WRITE,    /* some bytes get through, then the disk is full */
  FAULT_FSYNC,          /* the data never reaches the disk */
  FAULT_RENAME,         /* the final step fails */
} Fault;

static Fault armed_fault = FAULT_NONE;
static guint n_injected = 0;
static guint n_writes = 0;

ssize_t
write (int         fd,
       const void *buffer,
       size_t      count)
{
  static ssize_t (*real_write) (int, const void *, size_t);

  if (real_write == NULL)
    real_write = (ssize_t (*) (int, const void *, size_t)) dlsym (RTLD_NEXT, "write");
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

  if (real_fsync == NULL)
    real_fsync = (int (*) (int)) dlsym (RTLD_NEXT, "fsync");
  if (armed_fault == FAULT_FSYNC)
    {
      n_injected++;
      errno = EIO;
      return -1;
    }
  return real_fsync (fd);
}

int
rename (const char *from,
        const char *to)
{
  static int (*real_rename) (const char *, const char *);

  if (real_rename == NULL)
    real_rename = (int (*) (const char *, const char *)) dlsym (RTLD_NEXT, "rename");
  if (armed_fault == FAULT_RENAME)
    {
      n_injected++;
      errno = EIO;
      return -1;
    }
  return real_rename (from, to);
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

static TerrindRegistry *
load_full (void)
{
  g_autofree char *path = terrind_xml_test_path ("valid", "canonical-full.xml", NULL);
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry = terrind_registry_new_from_file (path, &error);

  terrind_assert_no_error (error);
  return registry;
}

static const Fault faults[] = { FAULT_WRITE, FAULT_SHORT_WRITE, FAULT_FSYNC, FAULT_RENAME };

/* Whatever fails, the old file is intact and no temporary file is left. */
START_TEST (test_fault_keeps_old_file)
{
  Fault fault = faults[_i];
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "registry.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  static const char old[] = "the previous content\n";
  gboolean saved;

  ck_assert (g_file_set_contents (path, old, -1, NULL));

  n_injected = 0;
  n_writes = 0;
  armed_fault = fault;
  saved = terrind_registry_export_file (registry, path, &error);
  armed_fault = FAULT_NONE;

  ck_assert_msg (n_injected > 0, "fault %d was never reached", fault);
  ck_assert (!saved);
  ck_assert_str_eq (terrind_error_get_file (error), path);
  terrind_assert_error (error, TERRIND_ERROR_IO);
  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  ck_assert_str_eq (contents, old);
  listing = list_directory (dir);
  ck_assert_str_eq (listing, "registry.xml");

  /* Without the fault, the same call replaces the file. */
  ck_assert (terrind_registry_export_file (registry, path, &error));
  terrind_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  ck_assert (g_str_has_prefix (contents, "<?xml"));
  g_clear_pointer (&listing, g_free);
  listing = list_directory (dir);
  ck_assert_str_eq (listing, "registry.xml");

  ck_assert_int_eq (g_remove (path), 0);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

START_TEST (test_unwritable_paths)
{
  g_autoptr(TerrindRegistry) registry = load_full ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("terrind-save-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "registry.xml", NULL);
  g_autofree char *listing = NULL;

  ck_assert (!terrind_registry_export_file (registry, missing, &error));
  terrind_assert_error (error, TERRIND_ERROR_IO);

  /* A directory is not replaced by a file. */
  ck_assert (!terrind_registry_export_file (registry, dir, &error));
  terrind_assert_error (error, TERRIND_ERROR_IO);
  ck_assert (g_file_test (dir, G_FILE_TEST_IS_DIR));
  listing = list_directory (dir);
  ck_assert_str_eq (listing, "");
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

static Suite *
xml_save_suite (void)
{
  Suite *suite = suite_create ("xml-save");
  TCase *tcase = tcase_create ("save");

  tcase_add_loop_test (tcase, test_fault_keeps_old_file, 0, G_N_ELEMENTS (faults));
  tcase_add_test (tcase, test_unwritable_paths);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return terrind_test_run (xml_save_suite ());
}
