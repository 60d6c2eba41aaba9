/* terrind-cli-validate.c: terrind validate FILE...
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Import is all-or-nothing and checks both the schema and the integrity
 * rules, so a file is valid exactly when it imports. Each problem is
 * reported as FILE:LINE:COL: message, the form editors jump to; the
 * import goes on after most, so one run lists them all, up to
 * --max-errors.
 */

#include "config.h"

#include <string.h>

#include "terrind-cli.h"

/* One line per problem, then one saying the list stops there if it may. */
static int
report_problems (TerrindCli                 *cli,
                 const char                 *path,
                 const GError               *error,
                 const TerrindImportOptions *options)
{
  guint n = terrind_error_get_n_problems (error);
  guint max = terrind_import_options_get_max_errors (options);
  int status = TERRIND_CLI_EXIT_OK;

  for (guint i = 0; i < n; i++)
    {
      /* Not inside MAX(), which would report it twice. */
      int result = terrind_cli_report_error (cli, path, terrind_error_get_problem (error, i));

      status = MAX (status, result);
    }
  if (max > 1 && n >= max)
    terrind_cli_warn (cli, "%s: stopped after %u problems (--max-errors sets how many)\n",
                      path, n);
  return status;
}

/* The line of @data where it first differs from @canonical, counting from 1. */
static guint
first_different_line (const char *data,
                      gsize       length,
                      const char *canonical,
                      gsize       canonical_length)
{
  guint line = 1;

  for (gsize i = 0; i < length && i < canonical_length; i++)
    {
      if (data[i] != canonical[i])
        return line;
      if (data[i] == '\n')
        line++;
    }
  return line;
}

static int
validate_canonical (TerrindCli                 *cli,
                    const char                 *path,
                    const TerrindImportOptions *options,
                    gboolean                    quiet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *data = NULL;
  g_autofree char *canonical = NULL;
  gsize length = 0;
  gsize canonical_length = 0;
  const char *file = g_str_equal (path, "-") ? "/dev/stdin" : path;

  /* Read once: standard input cannot be read a second time. */
  if (!g_file_get_contents (file, &data, &length, &error))
    return terrind_cli_report_error (cli, path, error);
  /* A stream, not a buffer, so that errors carry the file's name. */
  stream = g_memory_input_stream_new_from_data (data, length, NULL);
  registry = terrind_registry_new ();
  if (!terrind_registry_import_stream (registry, stream, path, options, NULL, &error))
    return report_problems (cli, path, error, options);
  canonical = terrind_registry_export_data (registry, &canonical_length, &error);
  if (canonical == NULL)
    return terrind_cli_report_error (cli, path, error);

  if (length != canonical_length || memcmp (data, canonical, length) != 0)
    {
      terrind_cli_warn (cli, "%s:%u:1: valid, but not in canonical form "
                        "('terrind export --file FILE' writes it)\n",
                        path, first_different_line (data, length, canonical, canonical_length));
      return TERRIND_CLI_EXIT_FAILED;
    }
  if (!quiet)
    terrind_cli_print (cli, "%s: valid and canonical\n", path);
  return TERRIND_CLI_EXIT_OK;
}

static int
validate_one (TerrindCli                 *cli,
              const char                 *path,
              const TerrindImportOptions *options,
              gboolean                    quiet)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GString) counts = NULL;
  g_autoptr(GError) error = NULL;
  const TerrindKind * const *kinds;
  guint n_kinds;

  /* "-" is the usual name for standard input. */
  if (!terrind_registry_import_file (registry, g_str_equal (path, "-") ? "/dev/stdin" : path,
                                     options, &error))
    return report_problems (cli, path, error, options);
  if (quiet)
    return TERRIND_CLI_EXIT_OK;
  /* Every kind of the model, in document order. */
  counts = g_string_new (NULL);
  kinds = terrind_model_get_kinds (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    g_string_append_printf (counts, "%s%u %s", i > 0 ? ", " : "",
                            terrind_registry_count (registry, kinds[i]),
                            terrind_kind_get_plural (kinds[i]));
  terrind_cli_print (cli, "%s: valid (%s)\n", path, counts->str);
  return TERRIND_CLI_EXIT_OK;
}

int
terrind_cli_validate (TerrindCli *cli,
                      int         argc,
                      char      **argv)
{
  gboolean quiet = FALSE;
  gboolean canonical = FALSE;
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  int max_errors = (int) terrind_import_options_get_max_errors (options);
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "Print nothing for valid files", NULL },
    { "canonical", 'c', 0, G_OPTION_ARG_NONE, &canonical,
      "Also require the canonical form, byte for byte", NULL },
    { "max-errors", 'm', 0, G_OPTION_ARG_INT, &max_errors,
      "Report at most N problems per file (default 100; 0: all)", "N" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  int status;

  status = terrind_cli_parse_options (cli, "validate", "FILE…",
                                      "Check each FILE (- for standard input) against the schema\n"
                                      "and the integrity rules. Every problem is reported on its\n"
                                      "own line as FILE:LINE:COL: message, up to --max-errors\n"
                                      "per file; a file that is not well-formed XML or exceeds a\n"
                                      "limit stops at that problem.\n"
                                      "\n"
                                      "Exit status: 0 all valid, 1 a file is invalid, 2 a file\n"
                                      "cannot be read.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) < 2)
    return terrind_cli_usage_error (cli, "validate", "no file given");
  if (max_errors < 0)
    return terrind_cli_usage_error (cli, "validate", "--max-errors must be 0 or more");
  terrind_import_options_set_max_errors (options, (guint) max_errors);

  /* Check every file even after a failure; the worst result wins. */
  for (guint i = 1; args[i] != NULL; i++)
    {
      int result = canonical ? validate_canonical (cli, args[i], options, quiet)
                             : validate_one (cli, args[i], options, quiet);
      status = MAX (status, result);
    }
  return MAX (status, TERRIND_CLI_EXIT_OK);
}
