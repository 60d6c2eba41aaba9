/* fuzz-import.c: libFuzzer target for the XML importer
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every input goes through the importer from memory and from a stream.
 * Beyond "no crash, no leak, no hang", each run checks the importer's
 * promises, and aborts when one is broken:
 * - the two entry points agree;
 * - a failure reports at least one problem, no more than max-errors, each
 *   in the domain and with a message in valid UTF-8;
 * - a document that imports exports canonically, and that export imports
 *   to an equal registry and exports to the very same bytes;
 * - importing the document again into the registry it produced either
 *   fails and leaves that registry exactly as it was, or succeeds (an
 *   empty document adds nothing).
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <terrind.h>

#include "fuzz-checks.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static TerrindImportOptions *
fuzz_options (void)
{
  static TerrindImportOptions *options;

  /* Small limits keep each run fast; the limits themselves get exercised. */
  if (options == NULL)
    {
      options = terrind_import_options_new ();
      terrind_import_options_set_max_bytes (options, 1024 * 1024);
      terrind_import_options_set_max_elements (options, 100000);
      terrind_import_options_set_max_value_length (options, 4096);
    }
  return options;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegistry) from_stream = terrind_registry_new ();
  g_autoptr(TerrindRegistry) again = NULL;
  g_autoptr(TerrindRegistry) before = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) stream_error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;
  gsize length, length_again;
  gboolean ok, stream_ok;

  ok = terrind_registry_import_data (registry, (const char *) data, size, fuzz_options (),
                                     &error);

  stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  stream_ok = terrind_registry_import_stream (from_stream, stream, "fuzz", fuzz_options (),
                                              NULL, &stream_error);
  fuzz_check (ok == stream_ok, "import from memory and from a stream agree");
  if (!ok)
    {
      fuzz_check (error->domain == TERRIND_ERROR, "errors are in TERRIND_ERROR");
      fuzz_check (stream_error->code == error->code, "both entry points give the same code");
      fuzz_check_problems (error, terrind_import_options_get_max_errors (fuzz_options ()));
      fuzz_check_problems (stream_error, terrind_import_options_get_max_errors (fuzz_options ()));
      fuzz_check (terrind_registry_get_n_regions (registry) == 0 &&
             terrind_registry_get_n_referents (registry) == 0,
             "a failed import leaves the registry untouched");
      return 0;
    }
  fuzz_check (terrind_registry_equal (registry, from_stream), "both entry points build the same");

  exported = terrind_registry_export_data (registry, &length, NULL);
  again = terrind_registry_new_from_data (exported, length, &error);
  if (again == NULL)
    g_printerr ("%s\n", error->message);
  fuzz_check (again != NULL, "an export imports");
  fuzz_check (terrind_registry_equal (registry, again), "import(export(r)) equals r");
  exported_again = terrind_registry_export_data (again, &length_again, NULL);
  fuzz_check (length == length_again && memcmp (exported, exported_again, length) == 0,
         "export(import(canonical)) is byte-identical");

  /* The same document again: every id clashes unless it is empty. */
  before = terrind_registry_new_from_data (exported, length, NULL);
  if (!terrind_registry_import_data (registry, (const char *) data, size, fuzz_options (), NULL))
    fuzz_check (terrind_registry_equal (registry, before), "a failed merge changes nothing");
  return 0;
}
