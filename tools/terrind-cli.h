/* terrind-cli.h: the terrind command-line tool as a library
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The tool is built on the public API only. main() is one line over
 * terrind_cli_main(); everything else writes into two GStrings, so the test
 * suites drive every command in-process and read what it printed.
 */

#pragma once

#include <terrind.h>

G_BEGIN_DECLS

/* Exit statuses, the same for every command. */
#define TERRIND_CLI_EXIT_OK      0  /* fine; for diff: no difference */
#define TERRIND_CLI_EXIT_FAILED  1  /* the data is invalid or a check failed */
#define TERRIND_CLI_EXIT_USAGE   2  /* bad arguments, or a file could not be read or written */

/* Where a command writes: @out for results, @err for diagnostics. */
typedef struct {
  GString *out;
  GString *err;
} TerrindCli;

int  terrind_cli_main (int argc, char **argv);
int  terrind_cli_run  (int argc, char **argv, GString *out, GString *err);

/* Output helpers */
void terrind_cli_print (TerrindCli *cli, const char *format, ...) G_GNUC_PRINTF (2, 3);
void terrind_cli_warn  (TerrindCli *cli, const char *format, ...) G_GNUC_PRINTF (2, 3);
int  terrind_cli_report_error (TerrindCli   *cli,
                               const char   *path,
                               const GError *error);

/* Option parsing shared by the commands. Adds --help; on return, *args holds
 * the operands (args[0] is the command name). Returns -1 when the command
 * should go on, or the exit status to return at once (after --help, or a
 * usage error already reported). */
int  terrind_cli_parse_options (TerrindCli    *cli,
                                const char    *command,
                                const char    *operands,
                                const char    *summary,
                                GOptionEntry  *entries,
                                int            argc,
                                char         **argv,
                                char        ***args);
int  terrind_cli_usage_error   (TerrindCli    *cli,
                                const char    *command,
                                const char    *format,
                                ...) G_GNUC_PRINTF (3, 4);

/* Opens @path, or the embedded default dataset when @path is NULL. On
 * failure reports the error and sets *status. */
TerrindRegistry *terrind_cli_open (TerrindCli *cli,
                                   const char *path,
                                   int        *status);

/* The commands: argv[0] is the command name. */
int terrind_cli_validate (TerrindCli *cli, int argc, char **argv);
int terrind_cli_list     (TerrindCli *cli, int argc, char **argv);
int terrind_cli_show     (TerrindCli *cli, int argc, char **argv);
int terrind_cli_coverage (TerrindCli *cli, int argc, char **argv);
int terrind_cli_export   (TerrindCli *cli, int argc, char **argv);
int terrind_cli_diff     (TerrindCli *cli, int argc, char **argv);
int terrind_cli_stats    (TerrindCli *cli, int argc, char **argv);

G_END_DECLS
