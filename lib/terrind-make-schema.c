/* terrind-make-schema.c: writes the XSD of the format at build time
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * terrind-make-schema OUTPUT
 *
 * The library embeds its schema as a resource and installs it, so the
 * schema must exist before the library does: this program links the
 * library's code without its resources (see terrind-schema-resources.c)
 * and writes what terrind_xml_schema_write() makes of the description.
 */

#include "config.h"

#include <stdio.h>

#include "terrind-xml-schema-private.h"

int
main (int    argc,
      char **argv)
{
  g_autofree char *schema = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUTPUT\n", argv[0]);
      return 2;
    }
  schema = terrind_xml_schema_write (&length);
  if (!g_file_set_contents (argv[1], schema, (gssize) length, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
