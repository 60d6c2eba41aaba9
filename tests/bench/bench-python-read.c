/* bench-python-read.c: the C side of the Python binding benchmark
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Loads a registry and reads three fields of every referent, the same work
 * python-bench.py does through the binding, and prints the time of each
 * phase ("load SECONDS", "read SECONDS") and the peak RSS ("maxrss KIB").
 */

#include <stdio.h>
#include <sys/resource.h>

#include <terrind.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GPtrArray) referents = NULL;
  gint64 start;
  gint64 loaded;
  struct rusage usage;
  gsize total = 0;
  guint i;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }

  start = g_get_monotonic_time ();
  registry = terrind_registry_new_from_file (argv[1], &error);
  if (registry == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  loaded = g_get_monotonic_time ();

  referents = terrind_registry_list_referents (registry);
  for (i = 0; i < referents->len; i++)
    {
      const TerrindReferent *referent = g_ptr_array_index (referents, i);
      const char *email = terrind_referent_get_email (referent);

      /* Count characters, as len() does in the Python scripts: every byte
       * is touched, as building a Python string does, and the three
       * methods can check they read the same data. */
      total += g_utf8_strlen (terrind_referent_get_id (referent), -1);
      total += g_utf8_strlen (terrind_referent_get_person (referent), -1);
      total += email != NULL ? g_utf8_strlen (email, -1) : 0;
    }

  printf ("load %.6f\n", (loaded - start) / 1e6);
  printf ("read %.6f\n", (g_get_monotonic_time () - loaded) / 1e6);
  getrusage (RUSAGE_SELF, &usage);
  printf ("maxrss %ld\n", usage.ru_maxrss);
  printf ("referents %u\n", referents->len);
  printf ("bytes %" G_GSIZE_FORMAT "\n", total);
  return 0;
}
