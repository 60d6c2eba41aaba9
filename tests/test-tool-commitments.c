/* test-tool-commitments.c: terrind commitments
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The acceptance on examples/commitments-demo.xml (text, then JSON
 * with the same content), each option, each usage error, the CSV header
 * and a row, and the default dataset. The JSON is checked record by
 * record against the library's own evaluation and, when Python is there,
 * parsed by its json module (the tree has no JSON library to depend on).
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "test-tool-common.h"
#include "terrind-cli-table.h"

/* The demo's statuses are documented on this day (docs/evaluation.md). */
#define DEMO_DATE "2021-06-30"

static char *
demo_path (void)
{
  return tool_source_file ("examples", "commitments-demo.xml", NULL);
}

/* TRUE when a line of @out starts, once split at runs of blanks, with the
 * cells @first... (NULL-terminated): a row of the text tables, whatever
 * the widths of its columns. */
static gboolean
has_row (const GString *out,
         const char    *first,
         ...)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_auto(GStrv) lines = g_strsplit (out->str, "\n", -1);
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (wanted, (gpointer) cell);
  va_end (args);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) cells = g_strsplit (g_strstrip (lines[l]), "  ", -1);
      guint c = 0, w = 0;

      for (; cells[c] != NULL && w < wanted->len; c++)
        {
          const char *cell = g_strstrip (cells[c]);

          if (*cell == '\0')
            continue;
          if (!g_str_equal (cell, g_ptr_array_index (wanted, w)))
            break;
          w++;
        }
      if (w == wanted->len)
        return TRUE;
    }
  return FALSE;
}

#define assert_row(out, ...)                                                    \
  ck_assert_msg (has_row ((out), __VA_ARGS__, NULL),                           \
                 "expected the row \"%s\" in:\n%s", #__VA_ARGS__, (out)->str)

/* @record holds finding @i of @evaluation, field by field, with JSON
 * types: numbers, null for no target, an array of territories. */
static void
assert_record (JsonObject              *record,
               const TerrindEvaluation *evaluation,
               guint                    i)
{
  JsonArray *territories = json_object_get_array_member (record, "territories");
  g_autoptr(GList) keys = json_object_get_members (record);
  GString *names = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "", (const char *) l->data);
  ck_assert_str_eq (names->str, "convention,commitment,kind,year,measure,target,value,status,"
                                "territories");
  g_string_free (names, TRUE);
  ck_assert_str_eq (json_object_get_string_member (record, "convention"),
                    terrind_evaluation_get_convention_id (evaluation, i));
  ck_assert_str_eq (json_object_get_string_member (record, "commitment"),
                    terrind_evaluation_get_commitment_id (evaluation, i));
  ck_assert_str_eq (json_object_get_string_member (record, "kind"),
                    terrind_commitment_kind_to_string (terrind_evaluation_get_kind (evaluation, i)));
  ck_assert_int_eq (json_object_get_int_member (record, "year"),
                    terrind_evaluation_get_year (evaluation, i));
  ck_assert_str_eq (json_object_get_string_member (record, "measure"),
                    terrind_evaluation_get_measure (evaluation, i));
  if (terrind_evaluation_has_target (evaluation, i))
    ck_assert_int_eq (json_object_get_int_member (record, "target"),
                      terrind_evaluation_get_target (evaluation, i));
  else
    ck_assert (json_object_get_null_member (record, "target"));
  ck_assert_int_eq (json_object_get_int_member (record, "value"),
                    terrind_evaluation_get_value (evaluation, i));
  ck_assert_str_eq (json_object_get_string_member (record, "status"),
                    terrind_status_to_string (terrind_evaluation_get_status (evaluation, i)));
  ck_assert_uint_eq (json_array_get_length (territories),
                     terrind_evaluation_get_n_territories (evaluation, i));
  for (guint t = 0; t < json_array_get_length (territories); t++)
    ck_assert_str_eq (json_array_get_string_element (territories, t),
                      terrind_evaluation_get_territory (evaluation, i, t));
}

/* @json, read back with json-glib, is one record per finding of
 * @evaluation, in order, and nothing else: the same content as the text
 * output. */
static void
assert_json_records (const GString           *json,
                     const TerrindEvaluation *evaluation)
{
  guint n = terrind_evaluation_get_n_findings (evaluation);
  g_autoptr(JsonNode) root = tool_parse_json (json);

  ck_assert (JSON_NODE_HOLDS_ARRAY (root));
  ck_assert_uint_eq (json_array_get_length (json_node_get_array (root)), n);
  for (guint i = 0; i < n; i++)
    assert_record (tool_json_object_at (root, i), evaluation, i);
}

static TerrindEvaluation *
evaluate (const char *path,
          const char *date,
          guint       year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = path != NULL
    ? terrind_registry_new_from_file (path, &error)
    : terrind_registry_new_default (&error);
  g_autoptr(TerrindEvaluationOptions) options = terrind_evaluation_options_new ();
  TerrindEvaluation *evaluation;

  g_assert_no_error (error);
  terrind_evaluation_options_set_date (options, date);
  terrind_evaluation_options_set_year (options, year);
  evaluation = terrind_registry_evaluate (registry, options, &error);
  g_assert_no_error (error);
  return evaluation;
}

/* The acceptance: with no option, per convention and commitment,
 * the target, the value and the status of each year; exit 1, a commitment
 * being missed. Evaluated today, so every year of the demo is over. */
START_TEST (test_acceptance_text)
{
  g_autofree char *path = demo_path ();
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "commitments", "--file", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert_uint_eq (run.err->len, 0);
  ck_assert (g_str_has_prefix (run.out->str, "Commitments evaluated on "));
  assert_contains (run.out, ", every phase\n");

  /* A heading per convention, then per commitment. */
  assert_contains (run.out, "\nconv-2019-business-france\n"
                            "  bf-coach-international (referent-per-territory)\n");
  assert_contains (run.out, "\n  bf-priority-territories (yearly-target, approximate: "
                            "90 % of the target counts as met)\n"
                            "    YEAR  MEASURE  ");
  assert_contains (run.out, "\nconv-2019-banque-des-territoires\n"
                            "  bdt-engineering-envelope (money-envelope)\n");
  assert_contains (run.out, "\nconv-2019-bpifrance\n");
  assert_contains (run.out, "\nconv-2019-pole-emploi\n");

  /* Each year: target, value, status; euros with separators. */
  assert_row (run.out, "2019", "designations:priority", "20", "20", "met", "20 territories");
  assert_row (run.out, "2020", "designations:priority", "20", "18", "met", "18 territories");
  assert_row (run.out, "2021", "designations:priority", "20", "17", "partial");
  assert_row (run.out, "2022", "designations:priority", "20", "0", "missed", "-");
  assert_row (run.out, "2019", "designations:reinforced", "5", "5", "met",
              "tf-21, tf-22, tf-23, tf-24, tf-25");
  assert_row (run.out, "2020", "designations:reinforced", "5", "4", "partial");
  assert_row (run.out, "2021", "designations:reinforced", "5", "0", "missed");
  assert_row (run.out, "2019", "investment", "€100,000,000", "€95,000,000", "met");
  assert_row (run.out, "2020", "investment", "€100,000,000", "€40,000,000", "partial");
  assert_row (run.out, "2021", "investment", "€100,000,000", "€0", "missed", "-");
  assert_row (run.out, "2022", "investment", "€100,000,000", "€120,000,000", "met");
  assert_row (run.out, "2019", "investment:theme:numérique", "-", "€20,000,000", "info", "tf-02");
  assert_row (run.out, "period", "investment", "-", "€200,000", "info", "tf-02");
  assert_row (run.out, "period", "referents", "26", "26", "met", "-");
  assert_row (run.out, "period", "referents", "26", "13", "partial", "13 missing");
  assert_row (run.out, "period", "referents", "26", "0", "missed", "26 missing");
  assert_row (run.out, "period", "none", "-", "-", "not-measurable", "-");
  /* Today, the referents of Banque des Territoires who left in 2020 are
   * still missing. */
  assert_row (run.out, "period", "referents", "26", "23", "partial",
              "missing: tf-01, tf-02, tf-03");
  /* (The helper matches whole cells, in order.) */
  ck_assert (!has_row (run.out, "2019", "designations:priority", "20", "2", NULL));
  ck_assert (!has_row (run.out, "2019", "designations:priority", "met", NULL));
  /* The count of each status closes the report. */
  ck_assert (g_str_has_suffix (run.out->str,
                               "\n51 findings: 7 met, 6 partial, 5 missed, 3 not-measurable, "
                               "30 info\n"));
}
END_TEST

/* --format=json: valid JSON, one record per finding, the same findings. */
START_TEST (test_acceptance_json)
{
  g_autofree char *path = demo_path ();
  g_autoptr(TerrindEvaluation) evaluation = NULL;
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) text = { 0 };

  tool_run (&run, "commitments", "--file", path, "--format=json", NULL);
  tool_run (&text, "commitments", "--file", path, NULL);
  evaluation = evaluate (path, NULL, 0);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert_uint_eq (run.err->len, 0);
  assert_json_records (run.out, evaluation);
  ck_assert_uint_eq (terrind_evaluation_get_n_findings (evaluation), 51);
  assert_contains (text.out, "\n51 findings:");
  /* No euro signs for programs. */
  assert_not_contains (run.out, "€");
}
END_TEST

START_TEST (test_csv)
{
  g_autofree char *path = demo_path ();
  g_autoptr(TerrindEvaluation) evaluation = evaluate (path, DEMO_DATE, 0);
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "commitments", "-f", path, "--date", DEMO_DATE, "--format", "csv", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert (g_str_has_prefix (run.out->str, "convention,commitment,kind,year,measure,target,"
                                             "value,status,territories\r\n"));
  /* A header and one row per finding, every line ending in CRLF. */
  ck_assert_uint_eq (count_lines (run.out), 1 + terrind_evaluation_get_n_findings (evaluation));
  assert_contains (run.out, "\r\nconv-2019-business-france,bf-priority-territories,"
                            "yearly-target,2019,designations:reinforced,5,5,met,"
                            "tf-21;tf-22;tf-23;tf-24;tf-25\r\n");
  /* No target: an empty field; no territory: an empty last field. */
  assert_contains (run.out, "\r\nconv-2019-bpifrance,bpi-accelerators,programme-access,0,none,,"
                            "0,not-measurable,\r\n");
  assert_contains (run.out, "\r\nconv-2019-banque-des-territoires,bdt-equity-envelope,"
                            "money-envelope,2019,investment,100000000,95000000,met,"
                            "tf-02;tf-07;tf-12;tf-18;tf-23\r\n");
  assert_not_contains (run.out, "€");
}
END_TEST

/* --date: the day the demo documents, with Business France's 2022 pending
 * and the referents of Banque des Territoires who left in 2020 missing. */
START_TEST (test_date)
{
  g_autofree char *path = demo_path ();
  g_autoptr(TerrindEvaluation) evaluation = evaluate (path, DEMO_DATE, 0);
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) json = { 0 };
  g_auto(ToolRun) before = { 0 };

  tool_run (&run, "commitments", "-f", path, "--date", DEMO_DATE, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert (g_str_has_prefix (run.out->str,
                               "Commitments evaluated on " DEMO_DATE ", every phase\n"));
  assert_row (run.out, "2022", "designations:priority", "20", "0", "pending", "-");
  assert_row (run.out, "2022", "designations:reinforced", "5", "0", "pending", "-");
  assert_row (run.out, "2021", "designations:reinforced", "5", "0", "missed", "-");
  assert_row (run.out, "period", "referents", "26", "23", "partial",
              "missing: tf-01, tf-02, tf-03");
  ck_assert (g_str_has_suffix (run.out->str,
                               "\n51 findings: 7 met, 6 partial, 3 missed, 2 pending, "
                               "3 not-measurable, 30 info\n"));

  tool_run (&json, "commitments", "-f", path, "--date=" DEMO_DATE, "--format=json", NULL);
  assert_status (&json, TERRIND_CLI_EXIT_FAILED);
  assert_json_records (json.out, evaluation);

  /* Before anything was due, nothing is missed but Bpifrance's referents,
   * none of whom was ever named: exit 1 still. */
  tool_run (&before, "commitments", "-f", path, "--date", "2019-01-01", NULL);
  assert_status (&before, TERRIND_CLI_EXIT_FAILED);
  assert_row (before.out, "2019", "designations:priority", "20", "20", "met");
  assert_row (before.out, "2020", "designations:reinforced", "5", "4", "pending");
  assert_row (before.out, "period", "referents", "26", "0", "missed", "26 missing");
}
END_TEST

/* --year: the findings of that year and those of a whole period. */
START_TEST (test_year)
{
  g_autofree char *path = demo_path ();
  g_autoptr(TerrindEvaluation) evaluation = evaluate (path, DEMO_DATE, 2020);
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) json = { 0 };

  tool_run (&run, "commitments", "-f", path, "--date", DEMO_DATE, "--year", "2020", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert (g_str_has_prefix (run.out->str, "Commitments evaluated on " DEMO_DATE
                                             ", every phase, year 2020\n"));
  assert_row (run.out, "2020", "designations:priority", "20", "18", "met");
  assert_row (run.out, "2020", "investment", "€100,000,000", "€40,000,000", "partial");
  assert_row (run.out, "period", "referents", "26", "0", "missed");
  assert_not_contains (run.out, "\n    2019  ");
  assert_not_contains (run.out, "\n    2021  ");

  tool_run (&json, "commitments", "-f", path, "--date", DEMO_DATE, "-y", "2020",
            "--format", "json", NULL);
  assert_json_records (json.out, evaluation);
}
END_TEST

/* --phase: every phase by default; a phase by number; all. */
START_TEST (test_phase)
{
  g_autofree char *path = demo_path ();
  g_autofree char *labels = tool_fixture ("commitments-labels.xml");
  g_auto(ToolRun) all = { 0 };
  g_auto(ToolRun) one = { 0 };
  g_auto(ToolRun) by_default = { 0 };
  g_auto(ToolRun) second = { 0 };
  g_auto(ToolRun) first = { 0 };
  g_auto(ToolRun) nothing = { 0 };
  const char *body;

  tool_run (&by_default, "commitments", "-f", path, "--date", DEMO_DATE, NULL);
  tool_run (&all, "commitments", "-f", path, "--date", DEMO_DATE, "--phase", "all", NULL);
  tool_run (&one, "commitments", "-f", path, "--date", DEMO_DATE, "-p", "1", NULL);
  assert_status (&all, TERRIND_CLI_EXIT_FAILED);
  assert_status (&one, TERRIND_CLI_EXIT_FAILED);
  ck_assert_str_eq (all.out->str, by_default.out->str);
  ck_assert (g_str_has_prefix (one.out->str, "Commitments evaluated on " DEMO_DATE
                                             ", phase 1 (2018-2022)\n"));
  /* The demo is phase 1 alone: the same findings under another heading. */
  body = strchr (one.out->str, '\n');
  ck_assert_str_eq (body, strchr (all.out->str, '\n'));

  /* The default dataset's phase 2 has no convention yet. */
  tool_run (&nothing, "commitments", "--phase", "2", NULL);
  assert_status (&nothing, TERRIND_CLI_EXIT_OK);
  ck_assert (g_str_has_prefix (nothing.out->str, "Commitments evaluated on "));
  assert_contains (nothing.out, ", phase 2 (2023-2027)\n\nNo commitment to evaluate.\n");

  /* A registry that defines no phases: its labels are its phases, and the
   * exit status is that of the findings shown. */
  tool_run (&first, "commitments", "-f", labels, "--phase", "1", "--format", "csv", NULL);
  assert_status (&first, TERRIND_CLI_EXIT_FAILED);
  ck_assert_str_eq (first.out->str,
                    "convention,commitment,kind,year,measure,target,value,status,territories\r\n"
                    "conv-bpi,bpi-referent,referent-per-territory,0,referents,1,0,missed,"
                    "ti-8401\r\n");
  tool_run (&second, "commitments", "-f", labels, "--phase", "2", NULL);
  assert_status (&second, TERRIND_CLI_EXIT_OK);
  ck_assert (g_str_has_suffix (second.out->str,
                               ", phase 2\n\nconv-pe\n  pe-referent (referent-per-territory)\n"
                               "    YEAR    MEASURE    TARGET  VALUE  STATUS  TERRITORIES\n"
                               "    period  referents  1       1      met     -\n"
                               "\n1 finding: 1 met\n"));
}
END_TEST

/* --format: text is the default, and table is another name for it. */
START_TEST (test_format_names)
{
  g_autofree char *path = demo_path ();
  g_auto(ToolRun) plain = { 0 };
  g_auto(ToolRun) text = { 0 };
  g_auto(ToolRun) table = { 0 };

  tool_run (&plain, "commitments", "-f", path, "--date", DEMO_DATE, NULL);
  tool_run (&text, "commitments", "-f", path, "--date", DEMO_DATE, "--format", "text", NULL);
  tool_run (&table, "commitments", "-f", path, "--date", DEMO_DATE, "--format=table", NULL);
  ck_assert_str_eq (text.out->str, plain.out->str);
  ck_assert_str_eq (table.out->str, plain.out->str);
}
END_TEST

/* The default dataset records nothing: no referent, no designation, no
 * investment. Every referent commitment is missed, and so is every year of
 * the yearly targets and envelopes, phase 1 being over. */
START_TEST (test_default_dataset)
{
  g_autoptr(TerrindEvaluation) evaluation = evaluate (NULL, NULL, 0);
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) json = { 0 };

  tool_run (&run, "commitments", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert_uint_eq (run.err->len, 0);
  assert_contains (run.out, ", every phase\n\nconv-2019-banque-des-territoires\n");
  assert_contains (run.out, "\n  bdt-single-referent (referent-per-territory)\n");
  assert_row (run.out, "period", "referents", "149", "0", "missed", "149 missing");
  assert_row (run.out, "2019", "designations:priority", "20", "0", "missed", "-");
  assert_row (run.out, "2022", "investment", "€100,000,000", "€0", "missed", "-");
  assert_not_contains (run.out, " met ");

  tool_run (&json, "commitments", "--format", "json", NULL);
  assert_status (&json, TERRIND_CLI_EXIT_FAILED);
  assert_json_records (json.out, evaluation);
}
END_TEST

START_TEST (test_help)
{
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) usage = { 0 };

  tool_run (&run, "commitments", "--help", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert (g_str_has_prefix (run.out->str, "Usage:\n  terrind commitments [OPTION…]\n"));
  assert_contains (run.out, "--year=Y");
  assert_contains (run.out, "--phase=P");
  assert_contains (run.out, "--date=D");
  assert_contains (run.out, "--format=FORMAT");
  assert_contains (run.out, "--file=FILE");
  assert_contains (run.out, "the conventions of every phase are\nevaluated");
  assert_contains (run.out, "1 when a commitment is missed");

  tool_run (&usage, "--help", NULL);
  assert_contains (usage.out, "\n  commitments  Evaluate the commitments");
}
END_TEST

typedef struct {
  const char *args[6];
  const char *message;
} UsageCase;

static const UsageCase usage_cases[] = {
  { { "--year", "twenty", NULL }, "terrind commitments: --year takes a year, not 'twenty'\n" },
  { { "--year", "0", NULL }, "--year takes a year, not '0'" },
  { { "--year", "-2020", NULL }, "--year takes a year, not '-2020'" },
  { { "--year", "1800", NULL }, "1800" },
  { { "--date", "2021-13-01", NULL }, "2021-13-01" },
  { { "--date", "yesterday", NULL }, "yesterday" },
  { { "--date", "2021-02-29", NULL }, "2021-02-29" },
  { { "--phase", "3", NULL },
    "terrind commitments: no phase 3: the registry defines phases 1, 2\n" },
  { { "--phase", "first", NULL }, "--phase takes a phase number (1 to 99) or 'all', not 'first'" },
  { { "--format", "xml", NULL }, "unknown format 'xml' (text, csv or json)" },
  { { "--format", "yaml", NULL }, "unknown format 'yaml'" },
  { { "extra", NULL }, "unexpected argument 'extra'" },
  { { "--no-such-option", NULL }, "--no-such-option" },
};

START_TEST (test_usage_errors)
{
  const UsageCase *test = &usage_cases[_i];
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(ToolRun) run = { 0 };

  g_ptr_array_add (argv, (gpointer) "terrind");
  g_ptr_array_add (argv, (gpointer) "commitments");
  for (guint i = 0; test->args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) test->args[i]);
  g_ptr_array_add (argv, NULL);
  run.out = g_string_new (NULL);
  run.err = g_string_new (NULL);
  run.status = terrind_cli_run ((int) argv->len - 1, (char **) argv->pdata, run.out, run.err);

  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  assert_contains (run.err, test->message);
  assert_contains (run.err, "Try 'terrind commitments --help'.\n");
  ck_assert_uint_eq (run.out->len, 0);
}
END_TEST

/* A bad --date is a usage error even before the file is read; a file that
 * cannot be read is 2, an invalid one 1, as for every command. */
START_TEST (test_file_errors)
{
  g_autofree char *missing = tool_fixture ("no-such-file.xml");
  g_autofree char *broken = tool_fixture ("not-well-formed.xml");
  g_auto(ToolRun) unreadable = { 0 };
  g_auto(ToolRun) invalid = { 0 };
  g_auto(ToolRun) date_first = { 0 };

  tool_run (&unreadable, "commitments", "-f", missing, NULL);
  assert_status (&unreadable, TERRIND_CLI_EXIT_USAGE);
  ck_assert_uint_eq (unreadable.out->len, 0);
  assert_contains (unreadable.err, "no-such-file.xml");

  tool_run (&invalid, "commitments", "-f", broken, NULL);
  assert_status (&invalid, TERRIND_CLI_EXIT_FAILED);
  ck_assert_uint_eq (invalid.out->len, 0);

  tool_run (&date_first, "commitments", "-f", missing, "--date", "2021-06-31", NULL);
  assert_status (&date_first, TERRIND_CLI_EXIT_USAGE);
  assert_contains (date_first.err, "2021-06-31");
  assert_not_contains (date_first.err, "no-such-file.xml");
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-commitments");
  TCase *acceptance = tcase_create ("acceptance");
  TCase *options = tcase_create ("options");
  TCase *errors = tcase_create ("errors");

  tcase_add_test (acceptance, test_acceptance_text);
  tcase_add_test (acceptance, test_acceptance_json);
  tcase_add_test (acceptance, test_default_dataset);
  suite_add_tcase (suite, acceptance);

  tcase_add_test (options, test_csv);
  tcase_add_test (options, test_date);
  tcase_add_test (options, test_year);
  tcase_add_test (options, test_phase);
  tcase_add_test (options, test_format_names);
  tcase_add_test (options, test_help);
  suite_add_tcase (suite, options);

  tcase_add_loop_test (errors, test_usage_errors, 0, G_N_ELEMENTS (usage_cases));
  tcase_add_test (errors, test_file_errors);
  suite_add_tcase (suite, errors);
  return terrind_test_run (suite);
}
