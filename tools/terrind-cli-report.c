/* terrind-cli-report.c: terrind report [--phase P] [--date D] -o FILE
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One HTML page that needs nothing else: the map (inline SVG, as terrind
 * map draws it by default), the coverage of each region by each operator's
 * referents, and the evaluation of every commitment. Its styles are inline,
 * it has no script, and its Content-Security-Policy forbids loading
 * anything, so a page that tried would say so in the browser's console.
 * Every text from the registry is escaped: names are data, not markup.
 */

#include "config.h"

#include "terrind-cli-map.h"
#include "terrind-cli-write.h"

static const char page_style[] =
  "body{font-family:sans-serif;margin:2em auto;max-width:1040px;color:#222}\n"
  "h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em}\n"
  "table{border-collapse:collapse;margin:.5em 0;font-size:.9em}\n"
  "th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}\n"
  "th{background:#eee}td.n{text-align:right}\n"
  "tr.total td{font-weight:bold}\n"
  ".status-met{background:#d1e5f0}.status-partial{background:#eef5fa}\n"
  ".status-missed{background:#f4a582}.status-pending{background:#fddbc7}\n"
  ".status-not-measurable,.status-info{background:#f0f0f0}\n"
  "figure{margin:0}\n";

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static void
append_cell (GString    *out,
             const char *text)
{
  g_string_append (out, "<td>");
  append_escaped (out, text);
  g_string_append (out, "</td>");
}

/* One row per region that has territories shown, one column per operator:
 * how many of the region's territories have that operator's referent in
 * office on the date. */
static void
write_coverage (GString         *out,
                TerrindRegistry *registry,
                TerrindCliMap   *map,
                const char      *date)
{
  g_autoptr(GPtrArray) operators = terrind_registry_list_operators (registry);
  g_autoptr(GPtrArray) regions = terrind_registry_list_regions (registry);
  g_autoptr(GHashTable) in_office = terrind_cli_map_referents_in_office (registry, date);
  /* Region code → row index; counts[row * n_operators + op]. */
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *totals = g_new0 (guint, regions->len + 1);
  g_autofree guint *counts = g_new0 (guint, (regions->len + 1) * (operators->len + 1));
  guint n_ops = operators->len;

  for (guint r = 0; r < regions->len; r++)
    g_hash_table_insert (rows, (gpointer) terrind_region_get_code (g_ptr_array_index (regions, r)),
                         GUINT_TO_POINTER (r));

  for (guint t = 0; t < map->territories->len; t++)
    {
      TerrindTerritory *territory = g_ptr_array_index (map->territories, t);
      GHashTable *present = g_hash_table_lookup (in_office, terrind_territory_get_id (territory));
      gpointer value;
      guint row = regions->len; /* a region the registry lacks: the last row */

      if (g_hash_table_lookup_extended (rows, terrind_territory_get_region_code (territory),
                                        NULL, &value))
        row = GPOINTER_TO_UINT (value);
      totals[row]++;
      for (guint o = 0; o < n_ops; o++)
        if (present != NULL
            && g_hash_table_contains (present,
                                      terrind_operator_get_id (g_ptr_array_index (operators, o))))
          counts[row * n_ops + o]++;
    }

  g_string_append (out, "<h2 id=\"coverage\">Coverage by the operators' referents</h2>\n"
                        "<p>Territories with the operator's referent in office on ");
  append_escaped (out, date);
  g_string_append (out, ", of the territories of each region.</p>\n<table class=\"coverage\">\n"
                        "<thead><tr><th>Region</th><th>Territories</th>");
  for (guint o = 0; o < n_ops; o++)
    {
      g_string_append (out, "<th>");
      append_escaped (out, terrind_operator_get_name (g_ptr_array_index (operators, o)));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r <= regions->len; r++)
    {
      if (totals[r] == 0)
        continue;
      g_string_append (out, "<tr>");
      if (r < regions->len)
        {
          TerrindRegion *region = g_ptr_array_index (regions, r);
          g_autofree char *label = g_strdup_printf ("%s %s", terrind_region_get_code (region),
                                                    terrind_region_get_name (region));
          append_cell (out, label);
        }
      else
        append_cell (out, "(no region)");
      g_string_append_printf (out, "<td class=\"n\">%u</td>", totals[r]);
      for (guint o = 0; o < n_ops; o++)
        g_string_append_printf (out, "<td class=\"n\">%u</td>", counts[r * n_ops + o]);
      g_string_append (out, "</tr>\n");
    }
  g_string_append_printf (out, "<tr class=\"total\"><td>All regions</td><td class=\"n\">%u</td>",
                          map->territories->len);
  for (guint o = 0; o < n_ops; o++)
    {
      guint sum = 0;

      for (guint r = 0; r <= regions->len; r++)
        sum += counts[r * n_ops + o];
      g_string_append_printf (out, "<td class=\"n\">%u</td>", sum);
    }
  g_string_append (out, "</tr>\n</tbody>\n</table>\n");
}

static void
write_commitments (GString                 *out,
                   const TerrindEvaluation *evaluation)
{
  guint n = terrind_evaluation_get_n_findings (evaluation);

  g_string_append (out, "<h2 id=\"commitments\">Commitments</h2>\n<p>Evaluated on ");
  append_escaped (out, terrind_evaluation_get_date (evaluation));
  g_string_append_printf (out, ": %u finding%s (see <code>terrind commitments</code>).</p>\n",
                          n, n == 1 ? "" : "s");
  if (n == 0)
    return;
  g_string_append (out, "<table class=\"commitments\">\n<thead><tr><th>Convention</th>"
                        "<th>Commitment</th><th>Kind</th><th>Year</th><th>Measure</th>"
                        "<th>Target</th><th>Value</th><th>Status</th><th>Territories</th>"
                        "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < n; i++)
    {
      TerrindStatus status = terrind_evaluation_get_status (evaluation, i);
      guint year = terrind_evaluation_get_year (evaluation, i);
      const char *status_name = terrind_status_to_string (status);

      g_string_append (out, "<tr>");
      append_cell (out, terrind_evaluation_get_convention_id (evaluation, i));
      append_cell (out, terrind_evaluation_get_commitment_id (evaluation, i));
      append_cell (out, terrind_commitment_kind_to_string (terrind_evaluation_get_kind (evaluation, i)));
      if (year == 0)
        append_cell (out, "period");
      else
        g_string_append_printf (out, "<td class=\"n\">%u</td>", year);
      append_cell (out, terrind_evaluation_get_measure (evaluation, i));
      if (terrind_evaluation_has_target (evaluation, i))
        g_string_append_printf (out, "<td class=\"n\">%" G_GINT64_FORMAT "</td>",
                                terrind_evaluation_get_target (evaluation, i));
      else
        g_string_append (out, "<td></td>");
      if (status == TERRIND_STATUS_NOT_MEASURABLE)
        g_string_append (out, "<td></td>");
      else
        g_string_append_printf (out, "<td class=\"n\">%" G_GINT64_FORMAT "</td>",
                                terrind_evaluation_get_value (evaluation, i));
      /* The status names are the library's own words, safe as a class. */
      g_string_append_printf (out, "<td class=\"status-%s\">%s</td>", status_name, status_name);
      g_string_append_printf (out, "<td class=\"n\">%u</td>",
                              terrind_evaluation_get_n_territories (evaluation, i));
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

int
terrind_cli_report (TerrindCli *cli,
                    int         argc,
                    char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *date_option = NULL;
  g_autofree char *geometry_path = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    TERRIND_CLI_PHASE_OPTION (&phase),
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_option,
      "As of the day D, YYYY-MM-DD (default: today)", "D" },
    { "geometry", 0, 0, G_OPTION_ARG_FILENAME, &geometry_path,
      "Read the map's shapes from FILE instead of the installed geometry.json", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the HTML page to FILE ('-': the standard output)", "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(TerrindCliGeometry) geometry = NULL;
  g_autoptr(TerrindCliMap) map = NULL;
  g_autoptr(TerrindEvaluationOptions) evaluation_options = terrind_evaluation_options_new ();
  g_autoptr(TerrindEvaluation) evaluation = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GString) page = g_string_new (NULL);
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  TerrindCliMapOptions options = { NULL, };
  const char *shapes;
  guint drawn = 0;
  int status;

  status = terrind_cli_parse_options (cli, "report", NULL,
                                      "Write one self-contained HTML page (inline SVG and CSS, no\n"
                                      "script, nothing loaded from elsewhere): the map of 'terrind\n"
                                      "map' coloured by the number of referents in office, the\n"
                                      "coverage of each region by each operator's referents on the\n"
                                      "date, and every commitment's evaluation (as 'terrind\n"
                                      "commitments').\n\n"
                                      "Without --phase, the phase running on the date (--date) is\n"
                                      "shown, or every phase when none runs then; --phase all shows\n"
                                      "every phase.\n"
                                      "The commitments are those of every "
                                      "phase unless --phase is given.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 1)
    return terrind_cli_usage_error (cli, "report", "unexpected argument '%s'", args[1]);
  if (output == NULL)
    return terrind_cli_usage_error (cli, "report", "no output: give -o FILE (or -o - for the "
                                                   "standard output)");
  date = terrind_cli_map_date (cli, "report", date_option);
  if (date == NULL)
    return TERRIND_CLI_EXIT_USAGE;

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;
  options.phase = phase;
  options.date = date;
  status = terrind_cli_map_build (cli, "report", registry, &options, &map);
  if (status >= 0)
    return status;

  /* Commitments are judged once their years are over: every phase has
   * something to say, not only the one running (as terrind commitments). */
  terrind_evaluation_options_set_date (evaluation_options, date);
  if (phase != NULL && !g_str_equal (phase, "all") && terrind_registry_get_n_phases (registry) > 0)
    terrind_evaluation_options_set_phase (evaluation_options, (guint) g_ascii_strtoull (phase, NULL, 10));
  evaluation = terrind_registry_evaluate (registry, evaluation_options, &error);
  if (evaluation == NULL)
    return terrind_cli_report_error (cli, file != NULL ? file : "(default dataset)", error);

  shapes = geometry_path != NULL ? geometry_path : terrind_cli_geometry_default_path ();
  geometry = terrind_cli_geometry_load (shapes, &error);
  if (geometry == NULL)
    return terrind_cli_report_error (cli, shapes, error);
  if (!terrind_cli_map_write_svg (map, geometry, FALSE, svg, &drawn, missing, &error))
    return terrind_cli_report_error (cli, shapes, error);

  g_string_append (page, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                         "style-src 'unsafe-inline'\">\n<title>Territoires d'industrie: ");
  append_escaped (page, map->subtitle);
  g_string_append_printf (page, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", page_style);
  g_string_append (page, "<h1>Territoires d'industrie</h1>\n<p class=\"subtitle\">");
  append_escaped (page, map->subtitle);
  g_string_append_printf (page, ": %u territor%s.</p>\n", map->territories->len,
                          map->territories->len == 1 ? "y" : "ies");
  g_string_append (page, "<h2 id=\"map\">Map</h2>\n<figure>\n");
  g_string_append_len (page, svg->str, (gssize) svg->len);
  g_string_append (page, "</figure>\n");
  if (missing->len > 0)
    {
      g_string_append_printf (page, "<p class=\"missing\">%u territor%s without a shape, not drawn:",
                              missing->len, missing->len == 1 ? "y" : "ies");
      for (guint i = 0; i < missing->len; i++)
        {
          g_string_append (page, i == 0 ? " " : ", ");
          append_escaped (page, g_ptr_array_index (missing, i));
        }
      g_string_append (page, ".</p>\n");
    }
  write_coverage (page, registry, map, date);
  write_commitments (page, evaluation);
  g_string_append (page, "</body>\n</html>\n");

  return terrind_cli_write_output (cli, "report", output, page) >= 0 ? TERRIND_CLI_EXIT_USAGE
                                                                    : TERRIND_CLI_EXIT_OK;
}
