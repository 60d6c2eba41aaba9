/* terrind-cli-map.c: terrind map [--operator ID | --commitment ID] [--phase P] [--region CODE] -o FILE
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * An SVG map of the territories of one phase, coloured by what an operator
 * or a commitment says of them (terrind-cli-map-colours.c), over the
 * regions, with the overseas regions as insets (terrind-cli-map-svg.c).
 * The map depends on the registry, the geometry file and the options only:
 * the one date in it is --date, today by default.
 */

#include "config.h"

#include "terrind-cli-map.h"
#include "terrind-cli-write.h"

int
terrind_cli_map (TerrindCli *cli,
                 int         argc,
                 char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *operator_id = NULL;
  g_autofree char *commitment_id = NULL;
  g_autofree char *region = NULL;
  g_autofree char *date_option = NULL;
  g_autofree char *geometry_path = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    TERRIND_CLI_PHASE_OPTION (&phase),
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_id,
      "Colour by whether the referent of the operator ID is in office", "ID" },
    { "commitment", 0, 0, G_OPTION_ARG_STRING, &commitment_id,
      "Colour by the evaluation of the commitment ID", "ID" },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region,
      "Only the region CODE, filling the map", "CODE" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_option,
      "As of the day D, YYYY-MM-DD (default: today)", "D" },
    { "geometry", 0, 0, G_OPTION_ARG_FILENAME, &geometry_path,
      "Read the shapes from FILE instead of the installed geometry.json", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the SVG to FILE ('-': the standard output)", "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(TerrindCliGeometry) geometry = NULL;
  g_autoptr(TerrindCliMap) map = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  TerrindCliMapOptions options = { NULL, };
  const char *shapes;
  guint drawn = 0;
  int status;

  status = terrind_cli_parse_options (cli, "map", NULL,
                                      "Draw the territories as an SVG map: metropolitan France in\n"
                                      "Lambert-93, the overseas regions in insets, over the region\n"
                                      "outlines, with a title, a legend and the date.\n\n"
                                      "Colours: with --operator, whether that operator's referent is\n"
                                      "in office on the date; with --commitment, the commitment's\n"
                                      "evaluation on the date (see 'terrind commitments'): met or\n"
                                      "missed per territory for a referent commitment, else the\n"
                                      "status of the latest finding naming the territory; without\n"
                                      "either, how many operators have a referent in office.\n\n"
                                      "Without --phase, the phase running on the date (--date) is\n"
                                      "shown, or every phase when none runs then; --phase all shows\n"
                                      "every phase.\n"
                                      "With --commitment, the default is the "
                                      "phase of its convention.\n\n"
                                      "Shapes come from --geometry FILE, else $TERRIND_GEOMETRY,\n"
                                      "else the installed geometry.json; a territory is found by its\n"
                                      "phase and ANCT id (anct-id, else its id).",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 1)
    return terrind_cli_usage_error (cli, "map", "unexpected argument '%s'", args[1]);
  if (output == NULL)
    return terrind_cli_usage_error (cli, "map", "no output: give -o FILE (or -o - for the "
                                                "standard output)");
  date = terrind_cli_map_date (cli, "map", date_option);
  if (date == NULL)
    return TERRIND_CLI_EXIT_USAGE;

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;

  options.phase = phase;
  options.operator_id = operator_id;
  options.commitment_id = commitment_id;
  options.region = region;
  options.date = date;
  status = terrind_cli_map_build (cli, "map", registry, &options, &map);
  if (status >= 0)
    return status;

  shapes = geometry_path != NULL ? geometry_path : terrind_cli_geometry_default_path ();
  geometry = terrind_cli_geometry_load (shapes, &error);
  if (geometry == NULL)
    return terrind_cli_report_error (cli, shapes, error);

  if (!terrind_cli_map_write_svg (map, geometry, TRUE, svg, &drawn, missing, &error))
    return terrind_cli_report_error (cli, shapes, error);
  if (missing->len > 0)
    {
      terrind_cli_warn (cli, "terrind map: %u territor%s without a shape in %s, not drawn:",
                        missing->len, missing->len == 1 ? "y" : "ies", shapes);
      for (guint i = 0; i < missing->len; i++)
        {
          g_autofree char *shown = g_strescape (g_ptr_array_index (missing, i), NULL);

          terrind_cli_warn (cli, " %s", shown);
        }
      terrind_cli_warn (cli, "\n");
    }
  return terrind_cli_write_output (cli, "map", output, svg) >= 0 ? TERRIND_CLI_EXIT_USAGE
                                                                : TERRIND_CLI_EXIT_OK;
}
