/* terrind-cli-export.c: terrind export [--file IN] [-o OUT]
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-cli.h"

/* "-" and /dev/stdout are the tool's own output, whatever it is: through
 * the library, /dev/stdout would be reopened (a pipe or a terminal) or
 * replaced (a file stdout was redirected to, even with ">>"), and run
 * in-process the tool's output is not file descriptor 1 at all. */
static gboolean
names_standard_output (const char *path)
{
  return g_str_equal (path, "-") || g_str_equal (path, "/dev/stdout");
}

int
terrind_cli_export (TerrindCli *cli,
                    int         argc,
                    char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write to OUT instead of standard output ('-': standard output)", "OUT" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = terrind_cli_parse_options (cli, "export", NULL,
                                      "Write the registry as canonical XML (format version 1): the\n"
                                      "embedded default dataset, or FILE converted to the canonical\n"
                                      "form. A regular file OUT is replaced only once it is completely\n"
                                      "written, keeping its mode and owner; a symbolic link is followed;\n"
                                      "a FIFO or a character device is written into; anything else is\n"
                                      "refused.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 1)
    return terrind_cli_usage_error (cli, "export", "unexpected argument '%s'", args[1]);

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;

  if (output != NULL && !names_standard_output (output))
    {
      if (!terrind_registry_export_file (registry, output, &error))
        {
          terrind_cli_report_error (cli, output, error);
          return TERRIND_CLI_EXIT_USAGE;
        }
      return TERRIND_CLI_EXIT_OK;
    }
  else
    {
      gsize length = 0;
      g_autofree char *data = terrind_registry_export_data (registry, &length, &error);

      if (data == NULL)
        {
          terrind_cli_report_error (cli, "(output)", error);
          return TERRIND_CLI_EXIT_USAGE;
        }
      g_string_append_len (cli->out, data, length);
      return TERRIND_CLI_EXIT_OK;
    }
}
