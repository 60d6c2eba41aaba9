/* terrind-cli-table.h: rows of typed cells, written as a table, CSV or JSON
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* XML is not a table: a command that offers it writes a registry document
 * with the library's exporter (see terrind-cli-list.c). TEXT is the form
 * for people: an aligned table, or a command's own layout. */
typedef enum {
  TERRIND_CLI_FORMAT_TEXT,
  TERRIND_CLI_FORMAT_CSV,
  TERRIND_CLI_FORMAT_JSON,
  TERRIND_CLI_FORMAT_XML,
} TerrindCliFormat;

/* How a table is written beyond its format. */
typedef struct {
  TerrindCliFormat format;
  gboolean         excel;   /* CSV for a French spreadsheet: BOM, ';', CRLF */
  gboolean         colour;  /* text: status words in colour (terminal escapes) */
} TerrindCliOutput;

/* How a column appears in the aligned table for people; the machine
 * formats always carry every column in full. */
typedef enum {
  TERRIND_CLI_COLUMN_SHOWN,
  TERRIND_CLI_COLUMN_HIDDEN,  /* too long for a table (free text, details) */
  TERRIND_CLI_COLUMN_COUNT,   /* a list, shown as its number of items */
  TERRIND_CLI_COLUMN_IF_SET,  /* shown when a row sets it (an optional field) */
  TERRIND_CLI_COLUMN_STATUS,  /* shown; its words coloured when colour is on */
} TerrindCliColumnMode;

typedef struct {
  const char          *name;       /* header and JSON key */
  TerrindCliColumnMode mode;
} TerrindCliColumn;

typedef enum {
  TERRIND_CLI_CELL_NULL,
  TERRIND_CLI_CELL_STRING,
  TERRIND_CLI_CELL_NUMBER,
  TERRIND_CLI_CELL_BOOLEAN,
  TERRIND_CLI_CELL_LIST,
} TerrindCliCellType;

typedef struct _TerrindCliTable TerrindCliTable;

/* "text" (or "table", list's first name for it), "csv", "json", "xml". */
gboolean          terrind_cli_format_from_string (const char             *str,
                                                  TerrindCliFormat       *format);
const char       *terrind_cli_format_to_string   (TerrindCliFormat        format);

TerrindCliTable  *terrind_cli_table_new          (const TerrindCliColumn *columns,
                                                  guint                   n_columns);
void              terrind_cli_table_free         (TerrindCliTable        *table);

/* Rows are filled left to right: add a row, then one cell per column. */
void              terrind_cli_table_add_row      (TerrindCliTable        *table);
void              terrind_cli_table_add_string   (TerrindCliTable        *table,
                                                  const char             *value);
void              terrind_cli_table_add_number   (TerrindCliTable        *table,
                                                  gint64                  value);
void              terrind_cli_table_add_boolean  (TerrindCliTable        *table,
                                                  gboolean                value);
void              terrind_cli_table_add_null     (TerrindCliTable        *table);
void              terrind_cli_table_add_list     (TerrindCliTable        *table,
                                                  GPtrArray              *items);

guint             terrind_cli_table_get_n_rows    (const TerrindCliTable *table);
guint             terrind_cli_table_get_n_columns (const TerrindCliTable *table);
const char       *terrind_cli_table_get_column    (const TerrindCliTable *table,
                                                   guint                  column);
TerrindCliCellType terrind_cli_table_get_type     (const TerrindCliTable *table,
                                                   guint                  row,
                                                   guint                  column);
/* A cell as text (NULL for a null cell; lists joined with "; "). */
char             *terrind_cli_table_dup_text      (const TerrindCliTable *table,
                                                   guint                  row,
                                                   guint                  column);
/* The items of a list cell (borrowed), NULL for other cells. */
GPtrArray        *terrind_cli_table_get_list      (const TerrindCliTable *table,
                                                   guint                  row,
                                                   guint                  column);

/* @format is not TERRIND_CLI_FORMAT_XML. CSV is RFC 4180 (',' and CRLF);
 * JSON an array of one object per row, keyed by the column names. */
void              terrind_cli_table_write         (const TerrindCliTable *table,
                                                   TerrindCliFormat       format,
                                                   GString               *out);
/* The same, with the choices of @output (Excel CSV, colour). */
void              terrind_cli_table_write_output  (const TerrindCliTable  *table,
                                                   const TerrindCliOutput *output,
                                                   GString                *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindCliTable, terrind_cli_table_free)

G_END_DECLS
