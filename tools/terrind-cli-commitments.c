/* terrind-cli-commitments.c: terrind commitments [--year Y] [--phase P] [--date D] [--format F]
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Where each commitment stands, as terrind_registry_evaluate() measures it
 * (docs/evaluation.md): for people, under a heading per convention and per
 * commitment, a table of its findings (year, measure, target, value,
 * status, territories); for programs, one CSV or JSON record per finding
 * with every field, through the same table writer as `terrind list`.
 *
 * Unlike the commands that show territories, commitments are evaluated for
 * every phase by default: a commitment is judged once its years are over,
 * so the phase running today is the one with the least to say (the
 * default dataset's conventions are all of phase 1). --phase P keeps the
 * conventions of one phase, parsed and checked as everywhere else
 * (terrind-cli-phase.c).
 */

#include "config.h"

#include <string.h>

#include "terrind-cli.h"
#include "terrind-cli-output.h"

/* In the text output, up to this many territories are named; more are
 * counted. */
#define MAX_TERRITORIES_NAMED 5

/* The columns of the machine formats, one record per finding. */
static const TerrindCliColumn record_columns[] = {
  { "convention", TERRIND_CLI_COLUMN_SHOWN },
  { "commitment", TERRIND_CLI_COLUMN_SHOWN },
  { "kind", TERRIND_CLI_COLUMN_SHOWN },
  { "year", TERRIND_CLI_COLUMN_SHOWN },
  { "measure", TERRIND_CLI_COLUMN_SHOWN },
  { "target", TERRIND_CLI_COLUMN_SHOWN },
  { "value", TERRIND_CLI_COLUMN_SHOWN },
  { "status", TERRIND_CLI_COLUMN_SHOWN },
  { "territories", TERRIND_CLI_COLUMN_SHOWN },
};

/* The columns of the table under each commitment, for people. */
static const TerrindCliColumn text_columns[] = {
  { "year", TERRIND_CLI_COLUMN_SHOWN },
  { "measure", TERRIND_CLI_COLUMN_SHOWN },
  { "target", TERRIND_CLI_COLUMN_SHOWN },
  { "value", TERRIND_CLI_COLUMN_SHOWN },
  { "status", TERRIND_CLI_COLUMN_STATUS },
  { "territories", TERRIND_CLI_COLUMN_SHOWN },
};

static gboolean
is_money (const char *measure)
{
  return g_str_equal (measure, "investment") || g_str_has_prefix (measure, "investment:");
}

/* "€95,000,000": whole euros with thousands separators, for people only. */
static char *
format_euros (gint64 euros)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             euros < 0 ? (guint64) 0 - (guint64) euros
                                                       : (guint64) euros);
  GString *text = g_string_new (euros < 0 ? "-€" : "€");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

static char *
format_amount (const char *measure,
               gint64      value)
{
  if (is_money (measure))
    return format_euros (value);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* The territories concerned, as people read them: named when few, counted
 * otherwise; for referents they are the territories still missing one. */
static char *
format_territories (const TerrindEvaluation *evaluation,
                    guint                    index)
{
  guint n = terrind_evaluation_get_n_territories (evaluation, index);
  gboolean missing = g_str_equal (terrind_evaluation_get_measure (evaluation, index),
                                  "referents");
  GString *text;

  if (n == 0)
    return g_strdup ("-");
  if (n > MAX_TERRITORIES_NAMED)
    return g_strdup_printf ("%u %s", n, missing ? "missing" : "territories");

  text = g_string_new (missing ? "missing: " : NULL);
  for (guint t = 0; t < n; t++)
    {
      if (t > 0)
        g_string_append (text, ", ");
      g_string_append (text, terrind_evaluation_get_territory (evaluation, index, t));
    }
  return g_string_free (text, FALSE);
}

static GPtrArray *
list_territories (const TerrindEvaluation *evaluation,
                  guint                    index)
{
  guint n = terrind_evaluation_get_n_territories (evaluation, index);
  GPtrArray *territories = g_ptr_array_sized_new (n);

  for (guint t = 0; t < n; t++)
    g_ptr_array_add (territories,
                     (gpointer) terrind_evaluation_get_territory (evaluation, index, t));
  return territories;
}

static void
add_record (TerrindCliTable         *table,
            const TerrindEvaluation *evaluation,
            guint                    index)
{
  g_autoptr(GPtrArray) territories = list_territories (evaluation, index);

  terrind_cli_table_add_row (table);
  terrind_cli_table_add_string (table, terrind_evaluation_get_convention_id (evaluation, index));
  terrind_cli_table_add_string (table, terrind_evaluation_get_commitment_id (evaluation, index));
  terrind_cli_table_add_string (table, terrind_commitment_kind_to_string (
                                         terrind_evaluation_get_kind (evaluation, index)));
  terrind_cli_table_add_number (table, terrind_evaluation_get_year (evaluation, index));
  terrind_cli_table_add_string (table, terrind_evaluation_get_measure (evaluation, index));
  if (terrind_evaluation_has_target (evaluation, index))
    terrind_cli_table_add_number (table, terrind_evaluation_get_target (evaluation, index));
  else
    terrind_cli_table_add_null (table);
  terrind_cli_table_add_number (table, terrind_evaluation_get_value (evaluation, index));
  terrind_cli_table_add_string (table, terrind_status_to_string (
                                         terrind_evaluation_get_status (evaluation, index)));
  terrind_cli_table_add_list (table, territories);
}

static void
add_text_row (TerrindCliTable         *table,
              const TerrindEvaluation *evaluation,
              guint                    index)
{
  const char *measure = terrind_evaluation_get_measure (evaluation, index);
  guint year = terrind_evaluation_get_year (evaluation, index);
  TerrindStatus status = terrind_evaluation_get_status (evaluation, index);
  g_autofree char *territories = format_territories (evaluation, index);

  terrind_cli_table_add_row (table);
  if (year == 0)
    terrind_cli_table_add_string (table, "period");
  else
    terrind_cli_table_add_number (table, year);
  terrind_cli_table_add_string (table, measure);
  if (terrind_evaluation_has_target (evaluation, index))
    {
      g_autofree char *target = format_amount (measure,
                                               terrind_evaluation_get_target (evaluation, index));
      terrind_cli_table_add_string (table, target);
    }
  else
    terrind_cli_table_add_null (table);
  if (status == TERRIND_STATUS_NOT_MEASURABLE)
    terrind_cli_table_add_null (table);
  else
    {
      g_autofree char *value = format_amount (measure,
                                              terrind_evaluation_get_value (evaluation, index));
      terrind_cli_table_add_string (table, value);
    }
  terrind_cli_table_add_string (table, terrind_status_to_string (status));
  terrind_cli_table_add_string (table, territories);
}

/* Whether the commitment's target is "about" so much ("une vingtaine"),
 * which the library reaches at 90 %: a reader seeing 18 of 20 met should
 * know why. */
static gboolean
is_approximate (TerrindRegistry *registry,
                const char      *convention_id,
                const char      *commitment_id)
{
  TerrindConvention *convention = terrind_registry_get_convention (registry, convention_id);
  TerrindCommitment *commitment =
    convention != NULL ? terrind_convention_lookup_commitment (convention, commitment_id) : NULL;

  return commitment != NULL && terrind_commitment_get_approximate (commitment);
}

/* Writes @table indented by four spaces: it sits under a commitment. */
static void
write_indented (TerrindCli             *cli,
                const TerrindCliOutput *output,
                TerrindCliTable        *table)
{
  g_autoptr(GString) rendered = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  terrind_cli_table_write_output (table, output, rendered);
  lines = g_strsplit (rendered->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      terrind_cli_print (cli, "    %s\n", lines[i]);
}

/* The text output: a heading per convention, then per commitment, and the
 * table of its findings; last, the count of each status. */
static void
write_text (TerrindCli              *cli,
            const TerrindCliOutput  *output,
            TerrindRegistry         *registry,
            const TerrindEvaluation *evaluation,
            GArray                  *shown,
            const TerrindCliPhase   *choice,
            guint                    year)
{
  g_autoptr(TerrindCliTable) table = NULL;
  g_autofree char *heading = terrind_cli_phase_heading (registry, choice);
  guint counts[TERRIND_STATUS_INFO + 1] = { 0, };
  const char *convention = NULL;
  const char *commitment = NULL;
  gboolean first_count = TRUE;

  terrind_cli_print (cli, "Commitments evaluated on %s, %s", terrind_evaluation_get_date (evaluation),
                     heading != NULL ? heading : "every phase");
  if (year != 0)
    terrind_cli_print (cli, ", year %u", year);
  terrind_cli_print (cli, "\n");

  for (guint s = 0; s < shown->len; s++)
    {
      guint i = g_array_index (shown, guint, s);
      const char *convention_id = terrind_evaluation_get_convention_id (evaluation, i);
      const char *commitment_id = terrind_evaluation_get_commitment_id (evaluation, i);
      TerrindStatus status = terrind_evaluation_get_status (evaluation, i);

      if (convention == NULL || !g_str_equal (convention, convention_id)
          || !g_str_equal (commitment, commitment_id))
        {
          if (table != NULL)
            write_indented (cli, output, table);
          g_clear_pointer (&table, terrind_cli_table_free);
          if (convention == NULL || !g_str_equal (convention, convention_id))
            terrind_cli_print (cli, "\n%s\n", convention_id);
          terrind_cli_print (cli, "  %s (%s%s)\n", commitment_id,
                             terrind_commitment_kind_to_string (
                               terrind_evaluation_get_kind (evaluation, i)),
                             is_approximate (registry, convention_id, commitment_id)
                               ? ", approximate: 90 % of the target counts as met" : "");
          convention = convention_id;
          commitment = commitment_id;
          table = terrind_cli_table_new (text_columns, G_N_ELEMENTS (text_columns));
        }
      add_text_row (table, evaluation, i);
      if ((guint) status < G_N_ELEMENTS (counts))
        counts[status]++;
    }
  if (table != NULL)
    write_indented (cli, output, table);

  if (shown->len == 0)
    {
      terrind_cli_print (cli, "\nNo commitment to evaluate.\n");
      return;
    }
  terrind_cli_print (cli, "\n%u %s:", shown->len, shown->len == 1 ? "finding" : "findings");
  for (guint s = 0; s < G_N_ELEMENTS (counts); s++)
    if (counts[s] > 0)
      {
        terrind_cli_print (cli, "%s %u %s", first_count ? "" : ",", counts[s],
                           terrind_status_to_string ((TerrindStatus) s));
        first_count = FALSE;
      }
  terrind_cli_print (cli, "\n");
}

/* Checks @options on an empty registry, so that a bad --date or --year is a
 * usage error reported before any file is read: the library is the one
 * that knows what it accepts. */
static int
check_options (TerrindCli                     *cli,
               const TerrindEvaluationOptions *options)
{
  g_autoptr(TerrindRegistry) empty = terrind_registry_new ();
  g_autoptr(TerrindEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;

  evaluation = terrind_registry_evaluate (empty, options, &error);
  if (evaluation == NULL)
    return terrind_cli_usage_error (cli, "commitments", "%s", error->message);
  return -1;
}

int
terrind_cli_commitments (TerrindCli *cli,
                         int         argc,
                         char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *date = NULL;
  g_autofree char *format_name = NULL;
  gboolean excel = FALSE;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text,
      "Only the findings of year Y, and those of a whole period that includes it", "Y" },
    { "phase", 'p', 0, G_OPTION_ARG_STRING, &phase,
      "Only the conventions of phase P (a number), or all (the default)", "P" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      "Evaluate on the day D, YYYY-MM-DD (default: today)", "D" },
    TERRIND_CLI_FORMAT_OPTION (&format_name, "Output format: text (default), csv or json"),
    TERRIND_CLI_EXCEL_OPTION (&excel),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(TerrindEvaluationOptions) options = terrind_evaluation_options_new ();
  g_autoptr(TerrindEvaluation) evaluation = NULL;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  TerrindCliOutput output;
  TerrindCliPhase choice;
  gboolean filter_labels;
  gboolean missed = FALSE;
  guint64 year = 0;
  int status;

  status = terrind_cli_parse_options (cli, "commitments", NULL,
                                      "Evaluate every commitment against the registry's records\n"
                                      "(referents, designations, investments): for each convention\n"
                                      "and commitment, one finding per measure and year, with its\n"
                                      "target, the value measured and a status: met, partial,\n"
                                      "missed, pending (the year is not over), not-measurable or\n"
                                      "info (a figure with no target). Amounts are whole euros.\n"
                                      "See docs/evaluation.md.\n\n"
                                      "Without --phase, the conventions of every phase are\n"
                                      "evaluated; --phase P keeps those of phase P.\n\n"
                                      "The text output groups the findings under each convention\n"
                                      "and commitment; csv (RFC 4180, or --excel) and json write one record per\n"
                                      "finding with every field (year 0: the whole period; no\n"
                                      "target: empty, or null).\n\n"
                                      "Exit status: 1 when a commitment is missed, else 0;\n"
                                      "2 on a usage or I/O error.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 1)
    return terrind_cli_usage_error (cli, "commitments", "unexpected argument '%s'", args[1]);

  /* XML is a registry, not findings. */
  status = terrind_cli_output_choose (cli, "commitments", format_name, excel,
                                      TERRIND_CLI_FORMATS_REPORT, &output);
  if (status >= 0)
    return status;

  if (year_text != NULL)
    {
      if (!g_ascii_string_to_unsigned (year_text, 10, 1, G_MAXUINT, &year, NULL))
        return terrind_cli_usage_error (cli, "commitments", "--year takes a year, not '%s'",
                                        year_text);
      terrind_evaluation_options_set_year (options, (guint) year);
    }
  terrind_evaluation_options_set_date (options, date);
  status = check_options (cli, options);
  if (status >= 0)
    return status;

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;
  status = terrind_cli_phase_choose (cli, "commitments", registry, phase != NULL ? phase : "all",
                                     &choice);
  if (status >= 0)
    return status;

  /* A registry that defines no phases has phase labels only, which the
   * library does not filter on: the tool keeps the conventions so
   * labelled itself, as every command does. */
  filter_labels = choice.number != 0 && terrind_registry_get_n_phases (registry) == 0;
  if (!filter_labels)
    terrind_evaluation_options_set_phase (options, choice.number);

  evaluation = terrind_registry_evaluate (registry, options, &error);
  if (evaluation == NULL)
    return terrind_cli_report_error (cli, file != NULL ? file : "(default dataset)", error);

  for (guint i = 0; i < terrind_evaluation_get_n_findings (evaluation); i++)
    {
      if (filter_labels)
        {
          TerrindConvention *convention =
            terrind_registry_get_convention (registry,
                                             terrind_evaluation_get_convention_id (evaluation, i));

          if (convention == NULL || terrind_convention_get_phase (convention) != choice.number)
            continue;
          if (terrind_evaluation_get_status (evaluation, i) == TERRIND_STATUS_MISSED)
            missed = TRUE;
        }
      g_array_append_val (shown, i);
    }
  if (!filter_labels)
    missed = terrind_evaluation_has_missed (evaluation);

  if (output.format == TERRIND_CLI_FORMAT_TEXT)
    write_text (cli, &output, registry, evaluation, shown, &choice, (guint) year);
  else
    {
      g_autoptr(TerrindCliTable) table = terrind_cli_table_new (record_columns,
                                                                G_N_ELEMENTS (record_columns));

      for (guint s = 0; s < shown->len; s++)
        add_record (table, evaluation, g_array_index (shown, guint, s));
      terrind_cli_output_table (cli, &output, table);
    }
  return missed ? TERRIND_CLI_EXIT_FAILED : TERRIND_CLI_EXIT_OK;
}
