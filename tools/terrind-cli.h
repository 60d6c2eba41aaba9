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

/* Where a command writes: @out for results, @err for diagnostics; whether
 * its text output may use colour, and whether a slow load may show its
 * progress on the standard error (both decided by terrind_cli_main() from
 * the terminal, off in-process). */
typedef struct {
  GString *out;
  GString *err;
  gboolean colour;
  gboolean progress;
} TerrindCli;

/* What terrind_cli_run_full() turns on, which terrind_cli_main() decides
 * from the terminal: tests ask for colour to see it. */
typedef enum {
  TERRIND_CLI_RUN_COLOUR = 1 << 0,
} TerrindCliRunFlags;

int  terrind_cli_main     (int argc, char **argv);
int  terrind_cli_run      (int argc, char **argv, GString *out, GString *err);
int  terrind_cli_run_full (int                 argc,
                           char              **argv,
                           GString            *out,
                           GString            *err,
                           TerrindCliRunFlags  flags);

/* Output helpers */
void terrind_cli_print (TerrindCli *cli, const char *format, ...) G_GNUC_PRINTF (2, 3);
void terrind_cli_warn  (TerrindCli *cli, const char *format, ...) G_GNUC_PRINTF (2, 3);
int  terrind_cli_report_error (TerrindCli   *cli,
                               const char   *path,
                               const GError *error);

/* Option parsing shared by the commands. Adds --help and --version (and
 * --quiet, unless the command has its own: both silence the progress
 * line); on return, *args holds
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
 * failure reports the error and sets *status. A load that takes long
 * shows a progress line when cli->progress (terrind-cli-progress.c). */
TerrindRegistry *terrind_cli_open (TerrindCli *cli,
                                   const char *path,
                                   int        *status);

/* Phases (terrind-cli-phase.c). Every command that shows territories takes
 * --phase P and shows the territories of one phase, or of all. */

/* The highest phase number the library accepts (terrind_territory_set_phase). */
#define TERRIND_CLI_MAX_PHASE 99

/* Which phase a command shows: @number 0 for every phase; @phase is the
 * registry's description of @number (borrowed), NULL when it defines none. */
typedef struct {
  guint         number;
  TerrindPhase *phase;
} TerrindCliPhase;

/* The option entry, with @arg a char ** (free it with g_free). */
#define TERRIND_CLI_PHASE_OPTION(arg)                                           \
  { "phase", 'p', 0, G_OPTION_ARG_STRING, (arg),                                \
    "Only the phase P (a number), or all; default: the current phase", "P" }

/* For each command's --help, after its summary. */
#define TERRIND_CLI_PHASE_HELP                                                  \
  "Without --phase, only the current phase is shown (the one running\n"          \
  "today) when the registry defines phases; when it defines none, or none\n"     \
  "runs today, everything is. --phase all shows every phase."

/* What --phase @option (NULL when not given) chooses in @registry. Returns
 * -1 when the command should go on, or the exit status of a usage error
 * already reported: @option is not a number or 'all', or @registry has no
 * such phase (the error names those it has). In a registry that defines
 * no phases, the numbers its entities carry are its phases. */
int        terrind_cli_phase_choose           (TerrindCli            *cli,
                                               const char            *command,
                                               TerrindRegistry       *registry,
                                               const char            *option,
                                               TerrindCliPhase       *choice);
/* TRUE when what belongs to phase @number is shown. */
gboolean   terrind_cli_phase_includes         (const TerrindCliPhase *choice,
                                               guint                  number);
/* The territories shown, sorted by id (transfer container). */
GPtrArray *terrind_cli_phase_list_territories (TerrindRegistry       *registry,
                                               const TerrindCliPhase *choice);
/* "2 (2023-2027)" when @registry defines phase @number, else "2". */
char      *terrind_cli_phase_describe         (TerrindRegistry       *registry,
                                               guint                  number);
/* "phase 2 (2023-2027)" when one phase is chosen; NULL for every phase. */
char      *terrind_cli_phase_heading          (TerrindRegistry       *registry,
                                               const TerrindCliPhase *choice);

/* The commands: argv[0] is the command name. */
int terrind_cli_validate (TerrindCli *cli, int argc, char **argv);
int terrind_cli_list     (TerrindCli *cli, int argc, char **argv);
int terrind_cli_show     (TerrindCli *cli, int argc, char **argv);
int terrind_cli_coverage (TerrindCli *cli, int argc, char **argv);
int terrind_cli_export   (TerrindCli *cli, int argc, char **argv);
int terrind_cli_import   (TerrindCli *cli, int argc, char **argv);
int terrind_cli_diff     (TerrindCli *cli, int argc, char **argv);
int terrind_cli_stats    (TerrindCli *cli, int argc, char **argv);
int terrind_cli_commitments (TerrindCli *cli, int argc, char **argv);
int terrind_cli_map      (TerrindCli *cli, int argc, char **argv);
int terrind_cli_report   (TerrindCli *cli, int argc, char **argv);

/* "no region 'X' (did you mean 'Y'?)": the usage error for an id of @kind
 * that @registry lacks, with the nearest id it has. */
int terrind_cli_unknown_id (TerrindCli        *cli,
                            const char        *command,
                            TerrindRegistry   *registry,
                            const TerrindKind *kind,
                            const char        *id);

G_END_DECLS
