/* terrind-cli.c: command dispatch and what the commands share
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "terrind-cli.h"
#include "terrind-cli-colour.h"
#include "terrind-cli-progress.h"
#include "terrind-cli-suggest.h"

typedef struct {
  const char *name;
  int       (*run) (TerrindCli *cli, int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "validate",    terrind_cli_validate,    "Check files against the schema and the integrity rules" },
  { "list",        terrind_cli_list,        "List regions, operators, territories, conventions, commitments or referents" },
  { "show",        terrind_cli_show,        "Show one entity with everything attached to it" },
  { "coverage",    terrind_cli_coverage,    "Territories with and without a referent, per operator" },
  { "export",      terrind_cli_export,      "Write a registry as canonical XML, or as JSON or CSV" },
  { "import",      terrind_cli_import,      "Add the rows of CSV files to a registry" },
  { "diff",        terrind_cli_diff,        "Compare two registries, by id and field" },
  { "stats",       terrind_cli_stats,       "Count entities, per kind, per phase and per region" },
  { "commitments", terrind_cli_commitments, "Evaluate the commitments: target, value and status, per year" },
  { "map",         terrind_cli_map,         "Draw the territories on a map of France, as SVG" },
  { "report",      terrind_cli_report,      "Write a self-contained HTML report: map, coverage, commitments" },
};

/* What terrind_cli_main() adds to a TerrindCli: the streams the buffers
 * are flushed to, so output appears as it is produced. */
typedef struct {
  TerrindCli cli;
  FILE      *out_file;
  FILE      *err_file;
  gboolean   write_failed;
} StreamedCli;

static StreamedCli *streamed = NULL;

static void
flush_to (GString  *buffer,
          FILE     *file,
          gboolean *failed)
{
  if (file == NULL || buffer->len == 0)
    return;
  if (fwrite (buffer->str, 1, buffer->len, file) != buffer->len)
    *failed = TRUE;
  g_string_truncate (buffer, 0);
}

static void
terrind_cli_flush (TerrindCli *cli)
{
  if (streamed == NULL || cli != &streamed->cli)
    return;
  flush_to (cli->out, streamed->out_file, &streamed->write_failed);
  flush_to (cli->err, streamed->err_file, &streamed->write_failed);
}

void
terrind_cli_print (TerrindCli *cli,
                   const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (cli->out, format, args);
  va_end (args);
  /* Keep stdout ahead of stderr when both go to a terminal. */
  if (cli->out->len > 65536)
    terrind_cli_flush (cli);
}

void
terrind_cli_warn (TerrindCli *cli,
                  const char *format,
                  ...)
{
  va_list args;

  terrind_cli_flush (cli);
  va_start (args, format);
  g_string_append_vprintf (cli->err, format, args);
  va_end (args);
  terrind_cli_flush (cli);
}

/* The library starts the message of an error about a file with
 * "FILE:LINE:COL: " (or "FILE: " when no place in it is to blame), with the
 * name escaped so that the message stays one line; anything else gets the
 * name the tool was given, escaped likewise. */
int
terrind_cli_report_error (TerrindCli   *cli,
                          const char   *path,
                          const GError *error)
{
  if (terrind_error_get_file (error) != NULL)
    terrind_cli_warn (cli, "%s\n", error->message);
  else
    {
      g_autofree char *shown = g_strescape (path, NULL);

      terrind_cli_warn (cli, "%s: %s\n", shown, error->message);
    }

  /* An unreadable file is an I/O problem (2); anything else means the data
   * itself is wrong (1). */
  if ((error->domain == TERRIND_ERROR && error->code == TERRIND_ERROR_IO)
      || error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR)
    return TERRIND_CLI_EXIT_USAGE;
  return TERRIND_CLI_EXIT_FAILED;
}

int
terrind_cli_usage_error (TerrindCli *cli,
                         const char *command,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  terrind_cli_warn (cli, "terrind %s: %s\nTry 'terrind %s --help'.\n", command, message, command);
  return TERRIND_CLI_EXIT_USAGE;
}

/* GOption writes its usage line with the program name it was given; the
 * tool's usage is always "terrind COMMAND", whatever runs it (tests too). */
static char *
command_help (GOptionContext *context,
              const char     *command,
              const char     *operands)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
  const char *body = help;

  /* Skip "Usage:\n  PRGNAME [OPTION…] OPERANDS\n". */
  for (int newlines = 0; *body != '\0' && newlines < 2; body++)
    if (*body == '\n')
      newlines++;
  return g_strdup_printf ("Usage:\n  terrind %s [OPTION…]%s%s\n%s",
                          command, operands ? " " : "", operands ? operands : "", body);
}

int
terrind_cli_parse_options (TerrindCli    *cli,
                           const char    *command,
                           const char    *operands,
                           const char    *summary,
                           GOptionEntry  *entries,
                           int            argc,
                           char         **argv,
                           char        ***args)
{
  gboolean help = FALSE;
  gboolean version = FALSE;
  gboolean quiet = FALSE;
  GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, "Show this help and exit", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Show the version and exit", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress line while a large file loads", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  gboolean *own_quiet = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (operands);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) copy = NULL;

  g_return_val_if_fail (args != NULL, TERRIND_CLI_EXIT_USAGE);

  /* Built-in help would print and exit(): the tool must return instead. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  /* A command with a --quiet of its own (diff: print nothing) keeps it;
   * it silences the progress line too. */
  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    if (g_str_equal (entries[i].long_name, "quiet") && entries[i].arg == G_OPTION_ARG_NONE)
      own_quiet = entries[i].arg_data;
  if (own_quiet != NULL)
    help_entries[2] = help_entries[3];
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (context, help_entries, NULL);

  copy = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    copy[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &copy, &error))
    return terrind_cli_usage_error (cli, command, "%s", error->message);

  if (help)
    {
      g_autofree char *text = command_help (context, command, operands);
      terrind_cli_print (cli, "%s", text);
      return TERRIND_CLI_EXIT_OK;
    }
  if (version)
    {
      terrind_cli_print (cli, "terrind %s\n", terrind_version_string ());
      return TERRIND_CLI_EXIT_OK;
    }
  if (quiet || (own_quiet != NULL && *own_quiet))
    cli->progress = FALSE;

  *args = g_steal_pointer (&copy);
  return -1;
}

TerrindRegistry *
terrind_cli_open (TerrindCli *cli,
                  const char *path,
                  int        *status)
{
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry;

  if (path == NULL)
    {
      registry = terrind_registry_new_default (&error);
      if (registry == NULL)
        *status = terrind_cli_report_error (cli, "(default dataset)", error);
      return registry;
    }

  /* "-" is the usual name for standard input. */
  registry = terrind_cli_progress_load (cli->progress, path,
                                        g_str_equal (path, "-") ? "/dev/stdin" : path, &error);
  if (registry == NULL)
    *status = terrind_cli_report_error (cli, path, error);
  return registry;
}

int
terrind_cli_unknown_id (TerrindCli        *cli,
                        const char        *command,
                        TerrindRegistry   *registry,
                        const TerrindKind *kind,
                        const char        *id)
{
  g_autoptr(GPtrArray) entities = terrind_registry_list (registry, kind);
  g_autoptr(GPtrArray) ids = g_ptr_array_sized_new (entities->len);
  g_autofree char *hint = NULL;

  for (guint i = 0; i < entities->len; i++)
    g_ptr_array_add (ids, (gpointer) terrind_kind_get_entity_id (kind, g_ptr_array_index (entities, i)));
  hint = terrind_cli_suggest_hint (id, (const char * const *) ids->pdata, ids->len);
  return terrind_cli_usage_error (cli, command, "no %s '%s'%s", terrind_kind_get_name (kind), id,
                                  hint);
}

/* "terrind: unknown command 'covrage' (did you mean 'coverage'?)" */
static int
unknown_command (TerrindCli *cli,
                 const char *name)
{
  const char *names[G_N_ELEMENTS (commands)];
  g_autofree char *hint = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    names[i] = commands[i].name;
  hint = terrind_cli_suggest_hint (name, names, G_N_ELEMENTS (names));
  terrind_cli_warn (cli, "terrind: unknown command '%s'%s\nTry 'terrind --help'.\n", name, hint);
  return TERRIND_CLI_EXIT_USAGE;
}

static void
print_usage (TerrindCli *cli)
{
  terrind_cli_print (cli,
                     "Usage:\n"
                     "  terrind COMMAND [OPTION…] [ARGUMENT…]\n"
                     "\n"
                     "Keep, check and compare the data of the Territoires d'industrie programme.\n"
                     "Without --file, every command works on the embedded default dataset.\n"
                     "\n"
                     "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    terrind_cli_print (cli, "  %-13s%s\n", commands[i].name, commands[i].summary);
  terrind_cli_print (cli,
                     "\n"
                     "Options:\n"
                     "  -h, --help     Show this help and exit\n"
                     "  --version      Show the version and exit\n"
                     "\n"
                     "'terrind COMMAND --help' describes each command. Exit status: 0 fine,\n"
                     "1 invalid data or failed check (diff: the registries differ;\n"
                     "commitments: a commitment is missed),\n"
                     "2 usage or I/O error.\n");
}

static int
run (TerrindCli *cli,
     int         argc,
     char      **argv)
{
  const char *name;

  if (argc < 2)
    {
      print_usage (cli);
      terrind_cli_warn (cli, "terrind: no command given\n");
      return TERRIND_CLI_EXIT_USAGE;
    }

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    {
      print_usage (cli);
      return TERRIND_CLI_EXIT_OK;
    }
  if (g_str_equal (name, "--version"))
    {
      terrind_cli_print (cli, "terrind %s\n", terrind_version_string ());
      return TERRIND_CLI_EXIT_OK;
    }
  if (g_str_equal (name, "help"))
    {
      /* "terrind help CMD" is "terrind CMD --help". */
      if (argc > 2)
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
            if (g_str_equal (argv[2], commands[i].name))
              return commands[i].run (cli, 2, help_argv);
          return unknown_command (cli, argv[2]);
        }
      print_usage (cli);
      return TERRIND_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return commands[i].run (cli, argc - 1, argv + 1);

  return unknown_command (cli, name);
}

/**
 * terrind_cli_run:
 * @argc: the number of arguments
 * @argv: the arguments, as main() receives them
 * @out: where the results are appended
 * @err: where the diagnostics are appended
 *
 * Runs the tool in-process: what the command prints goes into @out and
 * @err instead of the standard streams.
 *
 * Returns: the exit status, 0, 1 or 2
 */
int
terrind_cli_run (int       argc,
                 char    **argv,
                 GString  *out,
                 GString  *err)
{
  return terrind_cli_run_full (argc, argv, out, err, 0);
}

/**
 * terrind_cli_run_full:
 * @argc: the number of arguments
 * @argv: the arguments, as main() receives them
 * @out: where the results are appended
 * @err: where the diagnostics are appended
 * @flags: what a terminal would turn on
 *
 * terrind_cli_run() with colour when @flags ask for it. Never a progress
 * line: in-process, nothing is a terminal.
 *
 * Returns: the exit status, 0, 1 or 2
 */
int
terrind_cli_run_full (int                 argc,
                      char              **argv,
                      GString            *out,
                      GString            *err,
                      TerrindCliRunFlags  flags)
{
  TerrindCli cli = { out, err, (flags & TERRIND_CLI_RUN_COLOUR) != 0, FALSE };

  g_return_val_if_fail (argc >= 0, TERRIND_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc == 0 || argv != NULL, TERRIND_CLI_EXIT_USAGE);
  g_return_val_if_fail (out != NULL && err != NULL, TERRIND_CLI_EXIT_USAGE);

  return run (&cli, argc, argv);
}

/**
 * terrind_cli_main:
 * @argc: the number of arguments
 * @argv: the arguments
 *
 * The whole `terrind` program: main() only calls this.
 *
 * Returns: the exit status
 */
int
terrind_cli_main (int    argc,
                  char **argv)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  StreamedCli state = { { out, err, FALSE, FALSE }, stdout, stderr, FALSE };
  int status;

  setlocale (LC_ALL, "");
  /* Decided here, about the real streams, and nowhere else. */
  state.cli.colour = terrind_cli_colour_wanted (isatty (fileno (stdout)), g_getenv ("NO_COLOR"),
                                                g_getenv ("TERM"));
  state.cli.progress = isatty (fileno (stderr));

  streamed = &state;
  status = run (&state.cli, argc, argv);
  terrind_cli_flush (&state.cli);
  streamed = NULL;

  if (fflush (stdout) != 0 || state.write_failed)
    {
      fprintf (stderr, "terrind: cannot write the output: %s\n", g_strerror (errno));
      return TERRIND_CLI_EXIT_USAGE;
    }
  return status;
}
