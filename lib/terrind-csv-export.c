/* terrind-csv-export.c: writing the entities of one kind as CSV
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Columns are the kind's fields in the model's order, named as the model
 * names them, so that the file reads back through
 * terrind_registry_import_csv_data() as it is. Rows are the entities in
 * the registry's order (by id). Quoting follows RFC 4180: a cell is
 * quoted when it holds the separator, a quote or a line break, and a
 * quote inside is doubled.
 */

#include "config.h"

#include <string.h>

#include "terrind-csv-private.h"
#include "terrind-model-private.h"
#include "terrind-save-private.h"

/* A stream export writes a chunk out when it has this much. */
#define CHUNK_SIZE (256 * 1024)

typedef struct {
  char        separator;
  const char *line_end;
  GString    *cell;      /* a list cell, built before it is quoted */
} CsvDialect;

static void
dialect_init (CsvDialect      *dialect,
              TerrindCsvFlags  flags)
{
  dialect->separator = (flags & TERRIND_CSV_EXCEL) ? ';' : ',';
  if (flags & TERRIND_CSV_COMMA)
    dialect->separator = ',';
  if (flags & TERRIND_CSV_SEMICOLON)
    dialect->separator = ';';
  /* RFC 4180 ends every line with CRLF, which every reader accepts. */
  dialect->line_end = "\r\n";
  dialect->cell = g_string_sized_new (256);
}

static void
append_cell (GString          *out,
             const CsvDialect *dialect,
             const char       *value)
{
  const char *p;
  gboolean quote = FALSE;

  if (value == NULL)
    return;
  for (p = value; *p != '\0' && !quote; p++)
    quote = *p == dialect->separator || *p == '"' || *p == '\n' || *p == '\r';
  if (!quote)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (p = value; *p != '\0'; p++)
    {
      const char *run = p;

      while (*p != '\0' && *p != '"')
        p++;
      g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;
      g_string_append (out, "\"\"");
    }
  g_string_append_c (out, '"');
}

static void
append_header (GString           *out,
               const CsvDialect  *dialect,
               const TerrindKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, dialect->separator);
      append_cell (out, dialect, kind->fields[i].name);
    }
  g_string_append (out, dialect->line_end);
}

static void
append_row (GString           *out,
            CsvDialect        *dialect,
            const TerrindKind *kind,
            gconstpointer      entity)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const TerrindField *field = &kind->fields[i];

      if (i > 0)
        g_string_append_c (out, dialect->separator);
      if (field->type == TERRIND_VALUE_LIST)
        {
          g_string_truncate (dialect->cell, 0);
          terrind_csv_cell_append_list (dialect->cell, field, entity);
          append_cell (out, dialect, dialect->cell->str);
        }
      else
        {
          char *to_free = NULL;

          append_cell (out, dialect, field->get (entity, &to_free));
          g_free (to_free);
        }
    }
  g_string_append (out, dialect->line_end);
}

/* Writes every entity of @kind to @out; with @stream, flushes @out into it
 * whenever a chunk is full. */
static gboolean
export_csv (TerrindRegistry    *registry,
            const TerrindKind  *kind,
            TerrindCsvFlags     flags,
            GString            *out,
            GOutputStream      *stream,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GPtrArray) entities = kind->list (registry);
  CsvDialect dialect;
  gboolean ok = TRUE;

  dialect_init (&dialect, flags);
  if (flags & TERRIND_CSV_EXCEL)
    g_string_append (out, "\xef\xbb\xbf");
  append_header (out, &dialect, kind);
  for (guint i = 0; ok && i <= entities->len; i++)
    {
      if (i < entities->len)
        append_row (out, &dialect, kind, g_ptr_array_index (entities, i));
      if (stream != NULL && (out->len >= CHUNK_SIZE || i == entities->len))
        {
          ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
               g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
          g_string_truncate (out, 0);
        }
    }
  g_string_free (dialect.cell, TRUE);
  return ok;
}

/**
 * terrind_registry_export_csv_data:
 * @registry: a #TerrindRegistry
 * @kind: the kind of entity to write
 * @flags: %TERRIND_CSV_EXCEL for what a spreadsheet set to French opens
 *   as is (a byte-order mark, ";", CRLF); %TERRIND_CSV_COMMA or
 *   %TERRIND_CSV_SEMICOLON to choose the separator
 * @length: (out) (optional): where to store the length of the text
 * @error: return location for a #GError
 *
 * Writes every entity of @kind in @registry as CSV: a header line naming
 * the kind's fields in the model's order, then a row per entity, by id;
 * unset fields are empty cells, lists are one cell each (items separated
 * by "|", see docs/format.md). The text reads back with
 * terrind_registry_import_csv_data() into the same entities.
 *
 * Returns: (transfer full) (nullable): the NUL-terminated CSV text, to
 *   free with g_free(); %NULL only with @error set.
 *
 * Since: 1.1
 */
char *
terrind_registry_export_csv_data (TerrindRegistry    *registry,
                                  const TerrindKind  *kind,
                                  TerrindCsvFlags     flags,
                                  gsize              *length,
                                  GError            **error)
{
  GString *out;

  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_string_sized_new (CHUNK_SIZE);
  export_csv (registry, kind, flags, out, NULL, NULL, error);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * terrind_registry_export_csv_stream:
 * @registry: a #TerrindRegistry
 * @kind: the kind of entity to write
 * @flags: as for terrind_registry_export_csv_data()
 * @stream: a #GOutputStream to write to
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the CSV text of terrind_registry_export_csv_data() to @stream in
 * chunks; the stream is not closed.
 *
 * Returns: %TRUE on success; %FALSE with the stream's error (or
 *   %G_IO_ERROR_CANCELLED), part of the text possibly written.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_export_csv_stream (TerrindRegistry    *registry,
                                    const TerrindKind  *kind,
                                    TerrindCsvFlags     flags,
                                    GOutputStream      *stream,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out = g_string_sized_new (CHUNK_SIZE + 4096);
  return export_csv (registry, kind, flags, out, stream, cancellable, error);
}

/**
 * terrind_registry_export_csv_file:
 * @registry: a #TerrindRegistry
 * @kind: the kind of entity to write
 * @flags: as for terrind_registry_export_csv_data()
 * @path: (type filename): where to write
 * @error: return location for a #GError
 *
 * Writes the CSV text of terrind_registry_export_csv_data() to @path as
 * terrind_registry_export_file() writes a document: built in memory
 * first, then replacing a regular file atomically (keeping its mode),
 * following symbolic links, writing into a FIFO or a character device.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_IO, @path
 *   untouched unless it is a FIFO or a device.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_export_csv_file (TerrindRegistry    *registry,
                                  const TerrindKind  *kind,
                                  TerrindCsvFlags     flags,
                                  const char         *path,
                                  GError            **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = terrind_registry_export_csv_data (registry, kind, flags, &length, error);
  if (data == NULL)
    return FALSE;
  return terrind_save_file (path, data, length, error);
}
