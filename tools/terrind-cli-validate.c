/* terrind-cli-validate.c: terrind validate FILE...
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Import is all-or-nothing and checks both the schema and the integrity
 * rules, so a file is valid exactly when it imports. Each problem is
 * reported as FILE:LINE:COL: message, the form editors jump to.
 */

#include "config.h"

#include <string.h>

#include "terrind-cli.h"

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
validate_canonical (TerrindCli *cli,
                    const char *path,
                    gboolean    quiet)
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
  if (!terrind_registry_import_stream (registry, stream, path, NULL, NULL, &error))
    return terrind_cli_report_error (cli, path, error);
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
validate_one (TerrindCli *cli,
              const char *path,
              gboolean    quiet)
{
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GString) counts = NULL;
  const TerrindKind * const *kinds;
  guint n_kinds;
  int status = TERRIND_CLI_EXIT_OK;

  registry = terrind_cli_open (cli, path, &status);
  if (registry == NULL || quiet)
    return status;
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
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "Print nothing for valid files", NULL },
    { "canonical", 'c', 0, G_OPTION_ARG_NONE, &canonical,
      "Also require the canonical form, byte for byte", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  int status;

  status = terrind_cli_parse_options (cli, "validate", "FILE…",
                                      "Check each FILE (- for standard input) against the schema\n"
                                      "and the integrity rules. Every problem is reported on its\n"
                                      "own line as FILE:LINE:COL: message.\n"
                                      "\n"
                                      "Exit status: 0 all valid, 1 a file is invalid, 2 a file\n"
                                      "cannot be read.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) < 2)
    return terrind_cli_usage_error (cli, "validate", "no file given");

  /* Check every file even after a failure; the worst result wins. */
  for (guint i = 1; args[i] != NULL; i++)
    {
      int result = canonical ? validate_canonical (cli, args[i], quiet)
                             : validate_one (cli, args[i], quiet);
      status = MAX (status, result);
    }
  return MAX (status, TERRIND_CLI_EXIT_OK);
}
