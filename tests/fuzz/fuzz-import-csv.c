/* fuzz-import-csv.c: libFuzzer target for the CSV importer
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every input is imported as CSV into an empty registry and into one
 * holding the default dataset, from memory and from a stream that hands it
 * out in small chunks. A hash of the input picks, deterministically, the
 * kind (inferred from the header, or one of the model's), the flags
 * (REPLACE or not; separator detected, "," or ";") and the limits, so that
 * each input exercises one combination and a corpus covers them all.
 * Beyond "no crash, no leak, no hang", each run checks the importer's
 * promises, and aborts when one is broken:
 * - the two entry points agree, down to the error message;
 * - a failed import reports at least one problem, all in valid UTF-8,
 *   within the max-errors limit, and leaves the registry exactly as it was;
 * - a successful one counts its rows consistently with what it added, and
 *   leaves a registry that exports to XML that imports again, equal;
 * - the kind exported as CSV imports again, with REPLACE, into an equal
 *   registry, and changes nothing there.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <terrind.h>

#include "fuzz-checks.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* FNV-1a: stable across runs and platforms, unlike g_str_hash's seeds. */
static guint32
hash_input (const uint8_t *data,
            size_t         size)
{
  guint32 h = 2166136261u;

  for (size_t i = 0; i < size; i++)
    h = (h ^ data[i]) * 16777619u;
  return h;
}

/* The default dataset, parsed once: copies come from its export. */
static const char *
default_xml (gsize *length)
{
  static char *xml;
  static gsize xml_length;

  if (xml == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (&error);

      if (registry == NULL)
        g_error ("no default dataset: %s", error->message);
      xml = terrind_registry_export_data (registry, &xml_length, NULL);
    }
  *length = xml_length;
  return xml;
}

/* The memory import's, the stream's, and one never imported into. */
static TerrindRegistry *default_copies[3];

static TerrindRegistry *
copy_of (const char *xml,
         gsize       length)
{
  g_autoptr(GError) error = NULL;
  TerrindRegistry *copy = terrind_registry_new_from_data (xml, length, &error);

  if (copy == NULL)
    g_printerr ("%s\n", error->message);
  fuzz_check (copy != NULL, "an export imports");
  return copy;
}

/* Limits: the defaults, or small ones that the input can reach. */
static const TerrindImportOptions *
pick_options (guint choice)
{
  static TerrindImportOptions *options[6];

  if (options[0] == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (options); i++)
        options[i] = terrind_import_options_new ();
      terrind_import_options_set_max_errors (options[1], 1);
      terrind_import_options_set_max_errors (options[2], 0);
      terrind_import_options_set_max_value_length (options[3], 12);
      terrind_import_options_set_max_errors (options[3], 2);
      terrind_import_options_set_max_elements (options[4], 3);
      terrind_import_options_set_max_bytes (options[5], 200);
      terrind_import_options_set_max_errors (options[5], 0);
    }
  return options[choice % G_N_ELEMENTS (options)];
}

static TerrindCsvFlags
pick_flags (guint choice)
{
  static const TerrindCsvFlags separators[] = {
    TERRIND_CSV_NONE, TERRIND_CSV_COMMA, TERRIND_CSV_SEMICOLON,
  };

  return ((choice & 1) ? TERRIND_CSV_REPLACE : TERRIND_CSV_NONE) |
         separators[(choice >> 1) % G_N_ELEMENTS (separators)];
}

/* NULL (inferred) half of the time, else one of the model's kinds. */
static const TerrindKind *
pick_kind (guint choice)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  if (choice % 2 == 0)
    return NULL;
  return kinds[(choice / 2) % n_kinds];
}

static gboolean
import_stream (TerrindRegistry            *registry,
               const uint8_t              *data,
               size_t                      size,
               gsize                       chunk,
               const TerrindKind          *kind,
               TerrindCsvFlags             flags,
               const TerrindImportOptions *options,
               guint64                    *n_rows,
               GError                    **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new ();

  /* Chunks end anywhere: inside a BOM, a CRLF, a quoted cell. */
  for (gsize i = 0; i < size; i += chunk)
    g_memory_input_stream_add_data (G_MEMORY_INPUT_STREAM (stream), data + i,
                                    (gssize) MIN (chunk, size - i), NULL);
  return terrind_registry_import_csv_stream (registry, stream, "<data>", kind, flags, options,
                                             n_rows, NULL, error);
}

static guint
total_count (TerrindRegistry *registry,
             guint           *counts)
{
  guint n_kinds, total = 0;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      counts[i] = terrind_registry_count (registry, kinds[i]);
      total += counts[i];
    }
  return total;
}

static void
check_failure (const GError               *error,
               const TerrindImportOptions *options,
               gsize                       n_lines)
{
  fuzz_check (error != NULL && error->domain == TERRIND_ERROR, "errors are in TERRIND_ERROR");
  fuzz_check_problems (error, terrind_import_options_get_max_errors (options));
  for (guint i = 0; i < terrind_error_get_n_problems (error); i++)
    {
      const GError *problem = terrind_error_get_problem (error, i);

      fuzz_check (terrind_error_get_line (problem) >= 0 &&
                  (gsize) terrind_error_get_line (problem) <= n_lines,
                  "every problem is on a line of the input");
    }
}

/* Exports @kind of @registry as CSV and imports it back, with REPLACE,
 * into @copy, equal to @registry: every row is what @copy holds. */
static void
check_csv_round_trip (TerrindRegistry   *registry,
                      TerrindRegistry   *copy,
                      const TerrindKind *kind,
                      TerrindCsvFlags    export_flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;
  guint64 n_rows = 0;

  csv = terrind_registry_export_csv_data (registry, kind, export_flags, &length, &error);
  if (csv == NULL)
    g_printerr ("%s\n", error->message);
  fuzz_check (csv != NULL, "a kind exports as CSV");
  if (!terrind_registry_import_csv_data (copy, csv, length, kind, TERRIND_CSV_REPLACE, NULL,
                                         &n_rows, &error))
    g_printerr ("%s: %s\n---\n%s---\n", terrind_kind_get_name (kind), error->message, csv);
  fuzz_check (error == NULL, "a CSV export imports again");
  fuzz_check (n_rows == terrind_registry_count (registry, kind), "a CSV export has a row an entity");
  fuzz_check (terrind_registry_equal (registry, copy), "re-importing a CSV export changes nothing");
}

static gboolean
same_bytes (const char *a,
            gsize       a_length,
            const char *b,
            gsize       b_length)
{
  return a_length == b_length && memcmp (a, b, a_length) == 0;
}

static void
run (const uint8_t *data,
     size_t         size,
     guint32        h,
     gboolean       with_default)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);
  const TerrindKind *kind = pick_kind (h & 0xff);
  TerrindCsvFlags flags = pick_flags ((h >> 8) & 0xf);
  const TerrindImportOptions *options = pick_options ((h >> 12) & 0xff);
  gsize chunk = 1 + ((h >> 20) & 0x7);
  /* Exports of the default dataset are slow (milliseconds): an unchanged
   * one is told by terrind_registry_equal(), and by its export for one
   * input in eight. */
  gboolean compare_exports = !with_default || ((h >> 25) & 0x7) == 0;
  TerrindRegistry *pristine = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(TerrindRegistry) from_stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) stream_error = NULL;
  g_autofree char *before = NULL;
  g_autofree guint *counts_before = g_new0 (guint, n_kinds);
  g_autofree guint *counts_after = g_new0 (guint, n_kinds);
  gsize before_length, n_lines = 1;
  guint64 n_rows = G_MAXUINT64, stream_n_rows = G_MAXUINT64;
  guint total_before, total_after;
  gboolean ok, stream_ok, unchanged;

  if (with_default)
    {
      gsize length;
      const char *xml = default_xml (&length);

      /* Copies of the default dataset cost more than most imports: an
       * import that leaves its registries as they were (which is
       * checked) hands them on to the next input. */
      if (default_copies[0] == NULL)
        default_copies[0] = copy_of (xml, length);
      if (default_copies[1] == NULL)
        default_copies[1] = copy_of (xml, length);
      if (default_copies[2] == NULL)
        default_copies[2] = copy_of (xml, length);
      pristine = default_copies[2];
      registry = g_steal_pointer (&default_copies[0]);
      from_stream = g_steal_pointer (&default_copies[1]);
      before = g_memdup2 (xml, length);
      before_length = length;
    }
  else
    {
      registry = terrind_registry_new ();
      from_stream = terrind_registry_new ();
      before = terrind_registry_export_data (registry, &before_length, NULL);
    }
  total_before = total_count (registry, counts_before);
  for (size_t i = 0; i < size; i++)
    n_lines += data[i] == '\n' || data[i] == '\r';

  ok = terrind_registry_import_csv_data (registry, (const char *) data, size, kind, flags,
                                         options, &n_rows, &error);
  stream_ok = import_stream (from_stream, data, size, chunk, kind, flags, options,
                             &stream_n_rows, &stream_error);
  if (ok != stream_ok)
    g_printerr ("memory: %s\nstream: %s\n", error != NULL ? error->message : "ok",
                stream_error != NULL ? stream_error->message : "ok");
  fuzz_check (ok == stream_ok, "import from memory and from a stream agree");

  if (!ok)
    {
      check_failure (error, options, n_lines);
      check_failure (stream_error, options, n_lines);
      if (strcmp (error->message, stream_error->message) != 0)
        g_printerr ("memory: %s\nstream: %s\n", error->message, stream_error->message);
      fuzz_check (stream_error->code == error->code &&
             strcmp (error->message, stream_error->message) == 0,
             "both entry points report the same");
      if (compare_exports)
        {
          gsize after_length;
          g_autofree char *after = terrind_registry_export_data (registry, &after_length, NULL);

          fuzz_check (same_bytes (before, before_length, after, after_length),
                 "a failed import leaves the registry's export as it was");
        }
      if (pristine != NULL)
        fuzz_check (terrind_registry_equal (registry, pristine),
               "a failed import leaves the registry as it was");
      fuzz_check (terrind_registry_equal (registry, from_stream),
             "a failed stream import leaves the registry as it was");
      if (with_default)
        {
          default_copies[0] = g_steal_pointer (&registry);
          default_copies[1] = g_steal_pointer (&from_stream);
        }
      return;
    }

  fuzz_check (n_rows == stream_n_rows, "both entry points count the same rows");
  fuzz_check (terrind_registry_equal (registry, from_stream), "both entry points build the same");
  fuzz_check (n_rows < n_lines, "no more rows than lines after the header");
  total_after = total_count (registry, counts_after);
  if (flags & TERRIND_CSV_REPLACE)
    fuzz_check (total_after >= total_before && total_after - total_before <= n_rows,
           "a replacing import adds at most a row's entity");
  else
    fuzz_check (total_after - total_before == n_rows, "an import adds one entity a row");

  unchanged = pristine != NULL ? terrind_registry_equal (registry, pristine)
                               : total_after == 0;
  if (!unchanged || compare_exports)
    {
      gsize after_length;
      g_autofree char *after = terrind_registry_export_data (registry, &after_length, NULL);
      g_autoptr(TerrindRegistry) again = copy_of (after, after_length);

      fuzz_check (terrind_registry_equal (registry, again), "import(export(r)) equals r");
      fuzz_check (!unchanged || same_bytes (before, before_length, after, after_length),
             "an equal registry exports the same");
    }

  /* The CSV round trip of what the rows went to: the kind given, or the
   * ones whose count changed, or, for a replacing import that changed
   * what a count cannot see, every kind. The stream's registry, equal,
   * takes the rows back. */
  for (guint i = 0; i < n_kinds; i++)
    {
      gboolean changed = counts_before[i] != counts_after[i];

      if (kind != NULL ? kinds[i] == kind
                       : changed || ((flags & TERRIND_CSV_REPLACE) && total_after == total_before &&
                                     !unchanged))
        check_csv_round_trip (registry, from_stream, kinds[i],
                              (h & (1u << 24)) ? TERRIND_CSV_EXCEL : TERRIND_CSV_NONE);
    }
  if (with_default && unchanged)
    {
      default_copies[0] = g_steal_pointer (&registry);
      default_copies[1] = g_steal_pointer (&from_stream);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  guint32 h = hash_input (data, size);

  run (data, size, h, FALSE);
  run (data, size, h, TRUE);
  return 0;
}
