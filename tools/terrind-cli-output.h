/* terrind-cli-output.h: --format and --excel, the same on every report
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-cli.h"
#include "terrind-cli-table.h"
#include "terrind-cli-json.h"

G_BEGIN_DECLS

/* The formats a command offers, for terrind_cli_output_choose(). */
#define TERRIND_CLI_FORMATS_REPORT ((1u << TERRIND_CLI_FORMAT_TEXT) |          \
                                    (1u << TERRIND_CLI_FORMAT_CSV) |           \
                                    (1u << TERRIND_CLI_FORMAT_JSON))

/* The option entries, with @arg a char ** and a gboolean *. */
#define TERRIND_CLI_FORMAT_OPTION(arg, help)                                    \
  { "format", 0, 0, G_OPTION_ARG_STRING, (arg), (help), "FORMAT" }
#define TERRIND_CLI_EXCEL_OPTION(arg)                                           \
  { "excel", 0, 0, G_OPTION_ARG_NONE, (arg),                                    \
    "CSV for a spreadsheet set up for French: UTF-8 with a BOM, ';' and CRLF "  \
    "(implies --format=csv)", NULL }

/* What --format @format_name (NULL: text) and --excel choose, among the
 * formats in the bit set @allowed. Returns -1 when the command should go
 * on, or the status of a usage error already reported: an unknown format
 * (with the nearest one offered), or --excel with another format than
 * csv. Colour follows the tool's decision (terrind_cli_main()). */
int  terrind_cli_output_choose (TerrindCli       *cli,
                                const char       *command,
                                const char       *format_name,
                                gboolean          excel,
                                guint             allowed,
                                TerrindCliOutput *output);

/* Writes @table as @output says. */
void terrind_cli_output_table  (TerrindCli             *cli,
                                const TerrindCliOutput *output,
                                const TerrindCliTable  *table);

/* Writes the tree @root as JSON, or as CSV of two columns, key and value:
 * the leaves of the tree, each under its path, object keys and array
 * positions (from 1) joined with '.' ("referents.2.person"). A root array
 * is a sequence of records: each is flattened from an empty path. */
void terrind_cli_output_tree   (TerrindCli             *cli,
                                const TerrindCliOutput *output,
                                JsonNode               *root);

G_END_DECLS
