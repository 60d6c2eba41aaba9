/* replay.c: runs the fuzz target over every seed, without libFuzzer
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built as a check program so the harness compiles and passes on every
 * "make check", fuzzing build or not. Reads the directories named on the
 * command line, or in SEEDS_VARIABLE (separated by ":"), recursively: one
 * driver for every target, each built with its own variable.
 */

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

#ifndef SEEDS_VARIABLE
#define SEEDS_VARIABLE "TERRIND_FUZZ_SEEDS"
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
replay_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint count = 0;

  if (dir == NULL)
    {
      g_printerr ("cannot read seed directory %s\n", path);
      return 0;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          count += replay_directory (child);
          continue;
        }
      if (!g_file_get_contents (child, &contents, &length, NULL))
        continue;
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      count++;
    }
  return count;
}

int
main (int    argc,
      char **argv)
{
  g_auto(GStrv) from_env = NULL;
  guint count = 0;

  if (argc > 1)
    for (int i = 1; i < argc; i++)
      count += replay_directory (argv[i]);
  else if (g_getenv (SEEDS_VARIABLE) != NULL)
    {
      from_env = g_strsplit (g_getenv (SEEDS_VARIABLE), ":", -1);
      for (guint i = 0; from_env[i] != NULL; i++)
        count += replay_directory (from_env[i]);
    }
  printf ("replayed %u inputs\n", count);
  /* No seed at all means the harness tested nothing: a failure. */
  return count > 0 ? 0 : 1;
}
