/* terrind-csv.h: CSV import and export of one kind of entity
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include <gio/gio.h>

#include "terrind-macros.h"
#include "terrind-model.h"
#include "terrind-xml.h"

G_BEGIN_DECLS

/**
 * TerrindCsvFlags:
 * @TERRIND_CSV_NONE: no flag: rows are added, the separator is detected
 *   (import) or is "," (export)
 * @TERRIND_CSV_REPLACE: import: a row whose id the registry already holds
 *   replaces that entity instead of failing with %TERRIND_ERROR_DUPLICATE
 * @TERRIND_CSV_EXCEL: export: what a spreadsheet set to French opens as
 *   is: a UTF-8 byte-order mark, ";" between cells, CRLF line ends
 * @TERRIND_CSV_COMMA: the separator is ",": import: not detected
 * @TERRIND_CSV_SEMICOLON: the separator is ";"
 *
 * How a CSV import or export behaves. %TERRIND_CSV_COMMA and
 * %TERRIND_CSV_SEMICOLON exclude each other.
 *
 * Since: 1.1
 */
typedef enum {
  TERRIND_CSV_NONE      = 0,
  TERRIND_CSV_REPLACE   = 1 << 0,
  TERRIND_CSV_EXCEL     = 1 << 1,
  TERRIND_CSV_COMMA     = 1 << 2,
  TERRIND_CSV_SEMICOLON = 1 << 3,
} TerrindCsvFlags;

TERRIND_EXPORT
gboolean  terrind_registry_import_csv_file   (TerrindRegistry            *registry,
                                              const char                 *path,
                                              const TerrindKind          *kind,
                                              TerrindCsvFlags             flags,
                                              const TerrindImportOptions *options,
                                              guint64                    *n_rows,
                                              GError                    **error);
TERRIND_EXPORT
gboolean  terrind_registry_import_csv_data   (TerrindRegistry            *registry,
                                              const char                 *data,
                                              gsize                       length,
                                              const TerrindKind          *kind,
                                              TerrindCsvFlags             flags,
                                              const TerrindImportOptions *options,
                                              guint64                    *n_rows,
                                              GError                    **error);
TERRIND_EXPORT
gboolean  terrind_registry_import_csv_stream (TerrindRegistry            *registry,
                                              GInputStream               *stream,
                                              const char                 *name,
                                              const TerrindKind          *kind,
                                              TerrindCsvFlags             flags,
                                              const TerrindImportOptions *options,
                                              guint64                    *n_rows,
                                              GCancellable               *cancellable,
                                              GError                    **error);

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
char     *terrind_registry_export_csv_data   (TerrindRegistry            *registry,
                                              const TerrindKind          *kind,
                                              TerrindCsvFlags             flags,
                                              gsize                      *length,
                                              GError                    **error);
TERRIND_EXPORT
gboolean  terrind_registry_export_csv_stream (TerrindRegistry            *registry,
                                              const TerrindKind          *kind,
                                              TerrindCsvFlags             flags,
                                              GOutputStream              *stream,
                                              GCancellable               *cancellable,
                                              GError                    **error);
TERRIND_EXPORT
gboolean  terrind_registry_export_csv_file   (TerrindRegistry            *registry,
                                              const TerrindKind          *kind,
                                              TerrindCsvFlags             flags,
                                              const char                 *path,
                                              GError                    **error);

G_END_DECLS
