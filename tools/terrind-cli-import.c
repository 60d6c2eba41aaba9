/* terrind-cli-import.c: terrind import [--file REGISTRY] [-o OUT] FILE.csv...
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-cli.h"

/* The kind --kind names, by its name or plural ("referent", "referents"). */
static const TerrindKind *
lookup_kind (const char *name)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (name, terrind_kind_get_name (kinds[i])) ||
        g_str_equal (name, terrind_kind_get_plural (kinds[i])))
      return kinds[i];
  return NULL;
}

static char *
kind_names (void)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < n_kinds; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", terrind_kind_get_name (kinds[i]));
  return g_string_free (names, FALSE);
}

/* Prints, per kind, how many entities the imports added, into @summary. */
static void
print_totals (GString         *summary,
              TerrindRegistry *registry,
              const guint     *before)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      guint now = terrind_registry_count (registry, kinds[i]);

      if (now != before[i])
        g_string_append_printf (summary, "%s: %u added (%u in all)\n",
                                terrind_kind_get_plural (kinds[i]), now - before[i], now);
    }
}

int
terrind_cli_import (TerrindCli *cli,
                    int         argc,
                    char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *separator = NULL;
  gboolean replace = FALSE, dry_run = FALSE;
  int max_errors = -1;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Import into REGISTRY (default: the embedded default dataset, which needs -o)",
      "REGISTRY" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the result to OUT instead of back to REGISTRY", "OUT" },
    { "replace", 'r', 0, G_OPTION_ARG_NONE, &replace,
      "A row whose id the registry holds replaces that entity", NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      "Check and report, write nothing", NULL },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      "The files hold entities of kind K (default: the header says)", "K" },
    { "separator", 's', 0, G_OPTION_ARG_STRING, &separator,
      "Cells are separated by S, ',' or ';' (default: detected)", "S" },
    { "max-errors", 'm', 0, G_OPTION_ARG_INT, &max_errors,
      "Report at most N bad rows per file (default 100; 0: all)", "N" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  g_autofree guint *before = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  const TerrindKind *kind = NULL;
  TerrindCsvFlags flags = TERRIND_CSV_NONE;
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);
  int status;
  int result = TERRIND_CLI_EXIT_OK;

  status = terrind_cli_parse_options (cli, "import", "FILE.csv...",
                                      "Add the rows of CSV files to a registry, each file holding\n"
                                      "entities of one kind, a row each, under a header naming their\n"
                                      "fields (docs/format.md, \"CSV\"). Every file is checked, every\n"
                                      "bad row reported; if any is bad, nothing is written. Otherwise\n"
                                      "the registry is written back to REGISTRY, or to OUT, as\n"
                                      "\"terrind export\" writes it.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) < 2)
    return terrind_cli_usage_error (cli, "import", "no CSV file to import");
  if (file == NULL && output == NULL && !dry_run)
    return terrind_cli_usage_error (cli, "import",
                                    "importing into the default dataset needs -o OUT");
  if (kind_name != NULL && (kind = lookup_kind (kind_name)) == NULL)
    {
      g_autofree char *names = kind_names ();

      return terrind_cli_usage_error (cli, "import", "unknown kind '%s' (one of: %s)",
                                      kind_name, names);
    }
  if (separator != NULL && g_str_equal (separator, ","))
    flags |= TERRIND_CSV_COMMA;
  else if (separator != NULL && g_str_equal (separator, ";"))
    flags |= TERRIND_CSV_SEMICOLON;
  else if (separator != NULL)
    return terrind_cli_usage_error (cli, "import", "--separator is ',' or ';', not '%s'",
                                    separator);
  if (max_errors < -1)
    return terrind_cli_usage_error (cli, "import", "--max-errors needs a number, 0 or more");
  if (max_errors >= 0)
    terrind_import_options_set_max_errors (options, (guint) max_errors);
  if (replace)
    flags |= TERRIND_CSV_REPLACE;

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;
  before = g_new (guint, n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    before[i] = terrind_registry_count (registry, kinds[i]);

  /* Each file is imported whole or not at all. A bad one does not stop
   * the others from being checked (their rows may then miss what it would
   * have added), but nothing is written: all or nothing across files. */
  for (guint i = 1; args[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      guint64 n_rows = 0;

      if (terrind_registry_import_csv_file (registry, args[i], kind, flags, options, &n_rows,
                                            &error))
        {
          g_autofree char *shown = g_strescape (args[i], NULL);

          g_string_append_printf (summary, "%s: %" G_GUINT64_FORMAT " rows\n", shown, n_rows);
        }
      else
        {
          /* Not inside MAX(): a macro would report the error twice. */
          int file_status = terrind_cli_report_error (cli, args[i], error);

          result = MAX (result, file_status);
        }
    }
  if (result != TERRIND_CLI_EXIT_OK)
    {
      terrind_cli_print (cli, "%s", summary->str);
      terrind_cli_warn (cli, "nothing written: the registry is unchanged\n");
      return result;
    }
  print_totals (summary, registry, before);
  if (dry_run)
    {
      terrind_cli_print (cli, "%sdry run: nothing written\n", summary->str);
      return TERRIND_CLI_EXIT_OK;
    }
  {
    g_autoptr(GError) error = NULL;
    const char *target = output != NULL ? output : file;

    /* "-": the registry goes to standard output, so the summary goes to
     * standard error, out of its way. */
    if (g_str_equal (target, "-"))
      {
        gsize length = 0;
        g_autofree char *data = terrind_registry_export_data (registry, &length, &error);

        if (data == NULL)
          return terrind_cli_report_error (cli, "(output)", error);
        terrind_cli_warn (cli, "%s", summary->str);
        g_string_append_len (cli->out, data, (gssize) length);
        return TERRIND_CLI_EXIT_OK;
      }
    if (!terrind_registry_export_file (registry, target, &error))
      return terrind_cli_report_error (cli, target, error);
  }
  terrind_cli_print (cli, "%s", summary->str);
  return TERRIND_CLI_EXIT_OK;
}
