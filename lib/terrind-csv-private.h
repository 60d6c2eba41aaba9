/* terrind-csv-private.h: the layers of the CSV reader and writer
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layers, each calling only the ones below it:
 *
 *   terrind-csv-import.c  records → changeset edits (one kind, by its
 *                         description), the public import functions
 *   terrind-csv-reader.c  bytes → records: dialects, encodings, limits
 *   terrind-csv-cell.c    a list field's items ⇄ one cell
 *
 * terrind-csv-export.c writes, with terrind-csv-cell.c for the lists and
 * terrind-save.c for files.
 */

#pragma once

#include "terrind-csv.h"
#include "terrind-model.h"

G_BEGIN_DECLS

/* The most columns a record may have: the widest kind has a dozen fields,
 * so this only stops a hostile file from making a record of millions of
 * empty cells. */
#define TERRIND_CSV_MAX_COLUMNS 1024

/* One record (a header or a row), valid during the callback only. */
typedef struct {
  guint               n_cells;
  const char * const *cells;   /* NUL-terminated, valid UTF-8 */
  int                 line;    /* of the record's first physical line */
  gboolean            is_header;
} TerrindCsvRecord;

/* Returns FALSE to stop reading: with @error set, that is the error of the
 * read; without, the consumer has seen enough (it collected the most
 * problems it reports). */
typedef gboolean (*TerrindCsvRecordFunc) (gpointer                 data,
                                          const TerrindCsvRecord  *record,
                                          GError                 **error);

typedef struct _TerrindCsvReader TerrindCsvReader;

/* @separator: ',' or ';', or 0 to detect it from the header line. */
TerrindCsvReader *terrind_csv_reader_new    (const char                 *name,
                                             char                        separator,
                                             const TerrindImportOptions *options,
                                             TerrindCsvRecordFunc        func,
                                             gpointer                    data);
void              terrind_csv_reader_free   (TerrindCsvReader           *reader);
/* Both return FALSE when the read stops: with @error set on an error. */
gboolean          terrind_csv_reader_feed   (TerrindCsvReader           *reader,
                                             const char                 *data,
                                             gsize                       length,
                                             GError                    **error);
gboolean          terrind_csv_reader_finish (TerrindCsvReader           *reader,
                                             GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindCsvReader, terrind_csv_reader_free)

/* terrind-csv-cell.c: a list field in one cell. Items are separated by
 * "|", an item's fields by ":", in the model's order; a backslash escapes
 * "|", ":" and itself; an empty item field is unset and trailing ones may
 * be left out. docs/format.md describes it. */
void     terrind_csv_cell_append_list (GString            *out,
                                       const TerrindField *field,
                                       gconstpointer       entity);
/* Adds the items @cell describes to @entity (through the field's own
 * checks); errors name the item ("item 2: …"). */
gboolean terrind_csv_cell_add_items   (const TerrindField *field,
                                       gpointer            entity,
                                       const char         *cell,
                                       GError            **error);

G_END_DECLS
