/* test-xml-strace-helper.c: imports one file, for test-xml-strace.sh
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: test-xml-strace-helper [FILE...]
 * Imports each FILE (by default the canonical-full.xml fixture) into a new
 * registry and prints the outcome. Exits 0 whatever the outcome: the
 * caller looks at which files were opened, not at the verdict.
 */

#include <stdio.h>

#include <terrind.h>

static void
import (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_from_file (path, &error);

  if (registry != NULL)
    printf ("%s: %u referents\n", path, terrind_registry_get_n_referents (registry));
  else
    printf ("%s: %s\n", path, error->message);
}

int
main (int    argc,
      char **argv)
{
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      import (argv[i]);
  else
    {
      g_autofree char *path = g_build_filename (g_getenv ("TERRIND_TEST_DATA"), "valid",
                                                "canonical-full.xml", NULL);
      import (path);
    }
  return 0;
}
