/* test-tool-formats.c: --format, --excel, filters, suggestions, --version
 * and colour, across the tool's reports
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * JSON is read back with json-glib's parser and compared with what the
 * library says through its public API; CSV is split and compared
 * likewise, so that counts follow the data rather than being written here.
 */

#include "config.h"

#include "test-tool-common.h"
#include "terrind-cli-colour.h"
#include "terrind-cli-suggest.h"

static TerrindRegistry *
open_default (void)
{
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry = terrind_registry_new_default (&error);

  g_assert_no_error (error);
  return registry;
}

/* ------------------------------------------------------------ every report */

/* Each report, run in each machine format: the JSON parses, the CSV has a
 * header and CRLF lines. */
static const char *const reports[][6] = {
  { "coverage", "--phase", "1", NULL },
  { "coverage", "--summary", NULL },
  { "show", "ti-8401", "--phase", "1", NULL },
  { "show", "84", NULL },
  { "show", "bpifrance", NULL },
  { "stats", NULL },
  { "commitments", "--date", "2030-01-01", NULL },
  { "list", "territories", NULL },
};

START_TEST (test_report_formats)
{
  const char *const *report = reports[_i];
  static const char *const formats[] = { "--format=json", "--format=csv", "--excel" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      int status;

      g_ptr_array_add (argv, (gpointer) "terrind");
      for (guint i = 0; report[i] != NULL; i++)
        g_ptr_array_add (argv, (gpointer) report[i]);
      g_ptr_array_add (argv, (gpointer) formats[f]);
      g_ptr_array_add (argv, NULL);
      status = terrind_cli_run ((int) argv->len - 1, (char **) argv->pdata, out, err);
      ck_assert_msg (status == TERRIND_CLI_EXIT_OK || status == TERRIND_CLI_EXIT_FAILED,
                     "%s %s: status %d\n%s", report[0], formats[f], status, err->str);
      ck_assert_uint_eq (err->len, 0);
      if (f == 0)
        {
          g_autoptr(JsonNode) root = tool_parse_json (out);
          ck_assert (root != NULL);
        }
      else
        {
          const char *text = out->str;

          if (f == 2)
            {
              ck_assert (g_str_has_prefix (text, "\xEF\xBB\xBF"));
              text += 3;
            }
          ck_assert (g_str_has_suffix (text, "\r\n"));
          ck_assert (strchr (text, ',') != NULL || strchr (text, ';') != NULL);
        }
    }
}
END_TEST

/* "text" is the default everywhere; "table" stays list's name for it. */
START_TEST (test_text_aliases)
{
  g_auto(ToolRun) plain = { 0 };
  g_auto(ToolRun) text = { 0 };
  g_auto(ToolRun) table = { 0 };
  g_auto(ToolRun) xml = { 0 };

  tool_run (&plain, "list", "regions", NULL);
  tool_run (&text, "list", "regions", "--format=text", NULL);
  tool_run (&table, "list", "regions", "--format", "table", NULL);
  ck_assert_str_eq (plain.out->str, text.out->str);
  ck_assert_str_eq (plain.out->str, table.out->str);
  tool_run (&xml, "stats", "--format=xml", NULL);
  assert_status (&xml, TERRIND_CLI_EXIT_USAGE);
  assert_contains (xml.err, "unknown format 'xml' (text, csv or json)");
}
END_TEST

/* ------------------------------------------------------------ --excel */

START_TEST (test_excel_bytes)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) rfc = { 0 };
  g_auto(ToolRun) json = { 0 };

  tool_run (&run, "list", "regions", "--file", path, "--excel", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (run.out->len, strlen ("\xEF\xBB\xBF" "code;name\r\n53;Bretagne\r\n"
                                           "84;Auvergne-Rh\xC3\xB4ne-Alpes\r\n"));
  ck_assert_int_eq (memcmp (run.out->str,
                            "\xEF\xBB\xBF" "code;name\r\n"
                            "53;Bretagne\r\n"
                            "84;Auvergne-Rh\xC3\xB4ne-Alpes\r\n", run.out->len), 0);

  /* A ';' in a field is quoted there, as ',' is in RFC 4180. */
  tool_run (&rfc, "list", "referents", "--file", path, "--format=csv", "--excel", NULL);
  assert_status (&rfc, TERRIND_CLI_EXIT_OK);
  assert_contains (rfc.out, "ref-2;bpifrance;ti-5301;\"Paul, dit \"\"Le Breton\"\"\";;;;;\r\n");

  tool_run (&json, "list", "regions", "--excel", "--format=json", NULL);
  assert_status (&json, TERRIND_CLI_EXIT_USAGE);
  assert_contains (json.err, "--excel writes CSV, not json");
}
END_TEST

/* ------------------------------------------------------------ coverage */

/* The Grand Est case: the phase-2 territories of region 44, each once,
 * with Business France's referent or "missing", as the registry says. */
START_TEST (test_coverage_region_operator)
{
  g_autoptr(TerrindRegistry) registry = open_default ();
  g_autoptr(GPtrArray) in_region = terrind_registry_list_territories_in_region (registry, "44");
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(ToolRun) run = { 0 };

  for (guint i = 0; i < in_region->len; i++)
    if (terrind_territory_get_phase (g_ptr_array_index (in_region, i)) == 2)
      g_hash_table_add (expected, (gpointer) terrind_territory_get_id (g_ptr_array_index (in_region, i)));
  ck_assert_uint_gt (g_hash_table_size (expected), 0);

  tool_run (&run, "coverage", "--region", "44", "--operator", "business-france", "--phase", "2",
            "--format=csv", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  rows = tool_csv_rows (run.out->str, ",");
  ck_assert_str_eq (((char **) g_ptr_array_index (rows, 0))[0], "operator");
  ck_assert_uint_eq (rows->len, 1 + g_hash_table_size (expected));
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      gboolean has = terrind_registry_get_referent_for (registry, "business-france", row[1]) != NULL;

      ck_assert_str_eq (row[0], "business-france");
      ck_assert (g_hash_table_remove (expected, row[1]));
      ck_assert_str_eq (row[3], "44");
      ck_assert_str_eq (row[4], "2");
      ck_assert_str_eq (row[5], has ? "present" : "missing");
    }
  ck_assert_uint_eq (g_hash_table_size (expected), 0);
}
END_TEST

/* With referents: present rows carry the referent, --missing drops them. */
START_TEST (test_coverage_missing)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) json = { 0 };
  g_auto(ToolRun) missing = { 0 };
  g_auto(ToolRun) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) missing_root = NULL;
  JsonObject *present;

  tool_run (&json, "coverage", "-f", path, "--region", "84", "--operator", "pole-emploi",
            "--format=json", NULL);
  assert_status (&json, TERRIND_CLI_EXIT_OK);
  root = tool_parse_json (json.out);
  ck_assert_uint_eq (json_array_get_length (json_node_get_array (root)), 2);
  present = tool_json_object_at (root, 0);
  ck_assert_str_eq (json_object_get_string_member (present, "territory"), "ti-8401");
  ck_assert_str_eq (json_object_get_string_member (present, "status"), "present");
  ck_assert_str_eq (json_object_get_string_member (present, "person"), "Jeanne Martin");
  ck_assert_int_eq (json_object_get_int_member (present, "phase"), 1);
  ck_assert_str_eq (json_object_get_string_member (tool_json_object_at (root, 1), "status"),
                    "missing");
  ck_assert (json_object_get_null_member (tool_json_object_at (root, 1), "person"));

  tool_run (&missing, "coverage", "-f", path, "--region", "84", "--operator", "pole-emploi",
            "--missing", "--format=json", NULL);
  missing_root = tool_parse_json (missing.out);
  ck_assert_uint_eq (json_array_get_length (json_node_get_array (missing_root)), 1);
  ck_assert_str_eq (json_object_get_string_member (tool_json_object_at (missing_root, 0),
                                                   "territory"), "ti-8402");

  tool_run (&text, "coverage", "-f", path, "--operator", "pole-emploi", "--missing", NULL);
  ck_assert_str_eq (text.out->str,
                    "pole-emploi (France Travail): 1 of 3 territories with a referent, 2 without\n"
                    "  without a referent:\n"
                    "    ti-5301  Lannion & Trégor\n"
                    "    ti-8402  Bièvre Isère\n");
}
END_TEST

START_TEST (test_coverage_summary_csv)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "coverage", "-f", path, "--summary", "--region", "84", "--format=csv", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str,
                    "operator,name,territories,present,missing\r\n"
                    "bpifrance,Bpifrance,2,0,2\r\n"
                    "pole-emploi,France Travail,2,1,1\r\n");
}
END_TEST

/* ------------------------------------------------------------ show, stats, diff */

START_TEST (test_show_json)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) csv = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *territory;
  JsonArray *referents;

  tool_run (&run, "show", "-f", path, "ti-8401", "--format=json", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  root = tool_parse_json (run.out);
  territory = tool_json_object_at (root, 0);
  ck_assert_str_eq (json_object_get_string_member (territory, "kind"), "territory");
  ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (territory, "fields"),
                                                   "name"), "Ardèche Drome");
  referents = json_object_get_array_member (territory, "referents");
  ck_assert_uint_eq (json_array_get_length (referents), 2);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (referents, 1),
                                                   "status"), "present");

  tool_run (&csv, "show", "-f", path, "ti-8401", "--format=csv", NULL);
  assert_status (&csv, TERRIND_CLI_EXIT_OK);
  ck_assert (g_str_has_prefix (csv.out->str, "key,value\r\nkind,territory\r\nid,ti-8401\r\n"));
  assert_contains (csv.out, "\r\nfields.members.2.siren,200040491\r\n");
  assert_contains (csv.out, "\r\nreferents.2.referent.person,Jeanne Martin\r\n");
}
END_TEST

START_TEST (test_stats_json)
{
  g_autoptr(TerrindRegistry) registry = open_default ();
  g_auto(ToolRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *stats, *kinds;

  tool_run (&run, "stats", "--format=json", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  root = tool_parse_json (run.out);
  stats = json_node_get_object (root);
  kinds = json_object_get_object_member (stats, "kinds");
  ck_assert_int_eq (json_object_get_int_member (kinds, "territories"),
                    terrind_registry_get_n_territories (registry));
  ck_assert_int_eq (json_object_get_int_member (kinds, "regions"),
                    terrind_registry_get_n_regions (registry));
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (stats, "regions")),
                     terrind_registry_get_n_regions (registry));
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (stats, "phases")),
                     terrind_registry_get_n_phases (registry));
}
END_TEST

START_TEST (test_diff_formats)
{
  g_autofree char *a = tool_fixture ("valid.xml");
  g_autofree char *b = tool_fixture ("changed.xml");
  g_auto(ToolRun) json = { 0 };
  g_auto(ToolRun) csv = { 0 };
  g_auto(ToolRun) same = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *name, *members;

  tool_run (&json, "diff", a, b, "--format=json", NULL);
  assert_status (&json, TERRIND_CLI_EXIT_FAILED);
  root = tool_parse_json (json.out);
  /* One row per field changed and per entity added or removed. */
  ck_assert_uint_eq (json_array_get_length (json_node_get_array (root)), 6);
  name = tool_json_object_at (root, 0);
  ck_assert_str_eq (json_object_get_string_member (name, "field"), "name");
  ck_assert_str_eq (json_object_get_string_member (name, "before"), "Ardèche Drome");
  ck_assert_str_eq (json_object_get_string_member (name, "after"), "Ardèche Drôme");
  members = tool_json_object_at (root, 1);
  ck_assert (json_object_get_null_member (members, "before"));
  ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (members, "added"), 0),
                    "200041366");
  ck_assert_str_eq (json_object_get_string_member (tool_json_object_at (root, 2), "change"), "added");

  tool_run (&csv, "diff", a, b, "--format=csv", NULL);
  assert_status (&csv, TERRIND_CLI_EXIT_FAILED);
  ck_assert (g_str_has_prefix (csv.out->str,
                               "kind,id,change,field,before,after,added,removed\r\n"
                               "territory,ti-8401,changed,name,Ardèche Drome,Ardèche Drôme,,\r\n"
                               "territory,ti-8401,changed,members,,,200041366,200040491\r\n"
                               "territory,ti-8403,added,,,,,\r\n"));

  tool_run (&same, "diff", a, a, "--format=json", NULL);
  assert_status (&same, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (same.out->str, "[]\n");
}
END_TEST

/* ------------------------------------------------------------ export */

START_TEST (test_export_json)
{
  g_autoptr(TerrindRegistry) registry = open_default ();
  g_auto(ToolRun) all = { 0 };
  g_auto(ToolRun) one = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) one_root = NULL;
  const TerrindKind * const *kinds;
  guint n_kinds;
  JsonObject *territory;

  tool_run (&all, "export", "--format=json", NULL);
  assert_status (&all, TERRIND_CLI_EXIT_OK);
  root = tool_parse_json (all.out);
  kinds = terrind_model_get_kinds (&n_kinds);
  ck_assert_uint_eq (json_object_get_size (json_node_get_object (root)), n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (
                         json_node_get_object (root), terrind_kind_get_plural (kinds[k]))),
                       terrind_registry_count (registry, kinds[k]));

  tool_run (&one, "export", "--format=json", "--kind", "territory", NULL);
  assert_status (&one, TERRIND_CLI_EXIT_OK);
  one_root = tool_parse_json (one.out);
  ck_assert_uint_eq (json_object_get_size (json_node_get_object (one_root)), 1);
  territory = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (one_root), "territories"), 0);
  /* The model's names, typed. */
  ck_assert (json_object_has_member (territory, "id"));
  ck_assert (json_object_has_member (territory, "region"));
  ck_assert_uint_eq (json_node_get_value_type (json_object_get_member (territory, "phase")),
                     G_TYPE_INT64);
  ck_assert (JSON_NODE_HOLDS_ARRAY (json_object_get_member (territory, "members")));
}
END_TEST

START_TEST (test_export_csv)
{
  const TerrindKind *kind = terrind_model_lookup_kind ("region");
  g_autoptr(TerrindRegistry) registry = open_default ();
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) members = { 0 };
  g_auto(ToolRun) no_kind = { 0 };
  g_auto(ToolRun) xml_kind = { 0 };

  for (guint i = 0; i < terrind_kind_get_n_fields (kind); i++)
    g_string_append_printf (header, "%s%s", i > 0 ? "," : "",
                            terrind_field_get_name (terrind_kind_get_field (kind, i)));
  tool_run (&run, "export", "--format=csv", "--kind", "regions", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  rows = tool_csv_rows (run.out->str, ",");
  ck_assert_uint_eq (rows->len, 1 + terrind_registry_get_n_regions (registry));
  {
    g_autofree char *first = g_strjoinv (",", g_ptr_array_index (rows, 0));
    ck_assert_str_eq (first, header->str);
  }

  /* List fields: one cell, items separated by "|", as the library writes
   * them (its own tests read them back). */
  {
    g_autofree char *path = tool_fixture ("valid.xml");

    tool_run (&members, "export", "-f", path, "--format=csv", "--kind", "territory", NULL);
    assert_status (&members, TERRIND_CLI_EXIT_OK);
    assert_contains (members.out, "|");
  }

  tool_run (&no_kind, "export", "--format=csv", NULL);
  assert_status (&no_kind, TERRIND_CLI_EXIT_USAGE);
  assert_contains (no_kind.err, "give --kind");
  tool_run (&xml_kind, "export", "--kind", "region", NULL);
  assert_status (&xml_kind, TERRIND_CLI_EXIT_USAGE);
}
END_TEST

/* ------------------------------------------------------------ suggestions */

START_TEST (test_suggest_distance)
{
  static const char *const words[] = { "coverage", "commitments", "show", NULL };

  ck_assert_uint_eq (terrind_cli_suggest_distance ("covrage", "coverage"), 1);
  ck_assert_uint_eq (terrind_cli_suggest_distance ("cvoerage", "coverage"), 1);
  ck_assert_uint_eq (terrind_cli_suggest_distance ("", "abc"), 3);
  ck_assert_uint_eq (terrind_cli_suggest_distance ("Rhône", "Rhone"), 1);
  ck_assert_str_eq (terrind_cli_suggest ("covrage", words, -1), "coverage");
  ck_assert_str_eq (terrind_cli_suggest ("SHOW", words, -1), "show");
  ck_assert_ptr_null (terrind_cli_suggest ("frobnicate", words, -1));
}
END_TEST

static const struct {
  const char *argv[8];
  const char *message;
} suggestions[] = {
  { { "covrage", NULL }, "unknown command 'covrage' (did you mean 'coverage'?)" },
  { { "help", "comitments", NULL }, "unknown command 'comitments' (did you mean 'commitments'?)" },
  { { "coverage", "--operator", "busines-france", NULL },
    "no operator 'busines-france' (did you mean 'business-france'?)" },
  { { "list", "referents", "--operator", "bpifrnace", NULL },
    "no operator 'bpifrnace' (did you mean 'bpifrance'?)" },
  { { "coverage", "--region", "4A", "--phase", "2", NULL }, "no region '4A' (did you mean '44'?)" },
  { { "list", "teritories", NULL }, "unknown kind 'teritories' (did you mean 'territories'?)" },
  { { "stats", "--format=jsno", NULL }, "unknown format 'jsno' (text, csv or json) (did you mean 'json'?)" },
  { { "coverage", "--region", "zz", NULL }, "no region 'zz'\n" },
};

START_TEST (test_suggestions)
{
  const char *const *args = suggestions[_i].argv;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_ptr_array_add (argv, (gpointer) "terrind");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  ck_assert_int_eq (terrind_cli_run ((int) argv->len - 1, (char **) argv->pdata, out, err),
                    TERRIND_CLI_EXIT_USAGE);
  assert_contains (err, suggestions[_i].message);
}
END_TEST

/* ------------------------------------------------------------ --version, colour */

static const char *const commands[] = {
  "validate", "list", "show", "coverage", "export", "diff", "stats", "commitments",
};

START_TEST (test_command_version)
{
  g_auto(ToolRun) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("terrind %s\n", terrind_version_string ());

  tool_run (&run, commands[_i], "--version", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str, expected);
  ck_assert_str_eq (terrind_version_string (), TERRIND_VERSION_STRING);
}
END_TEST

START_TEST (test_colour_decision)
{
  ck_assert (terrind_cli_colour_wanted (TRUE, NULL, "xterm-256color"));
  ck_assert (terrind_cli_colour_wanted (TRUE, NULL, NULL));
  /* NO_COLOR set to anything but "" turns colour off (no-color.org). */
  ck_assert (!terrind_cli_colour_wanted (TRUE, "1", "xterm"));
  ck_assert (!terrind_cli_colour_wanted (TRUE, "0", "xterm"));
  ck_assert (terrind_cli_colour_wanted (TRUE, "", "xterm"));
  ck_assert (!terrind_cli_colour_wanted (FALSE, NULL, "xterm"));
  ck_assert (!terrind_cli_colour_wanted (TRUE, NULL, "dumb"));
}
END_TEST

/* In-process, no colour unless asked for; asked for, only in text. */
START_TEST (test_colour_output)
{
  char *argv[] = { (char *) "terrind", (char *) "commitments", (char *) "--date",
                   (char *) "2030-01-01", NULL };
  char *csv_argv[] = { (char *) "terrind", (char *) "commitments", (char *) "--date",
                       (char *) "2030-01-01", (char *) "--format=csv", NULL };
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) coloured = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  terrind_cli_run (4, argv, plain, err);
  terrind_cli_run_full (4, argv, coloured, err, TERRIND_CLI_RUN_COLOUR);
  terrind_cli_run_full (5, csv_argv, csv, err, TERRIND_CLI_RUN_COLOUR);
  ck_assert (strchr (plain->str, '\033') == NULL);
  ck_assert (strchr (csv->str, '\033') == NULL);
  ck_assert (strstr (coloured->str, "\033[") != NULL);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-formats");
  TCase *formats = tcase_create ("formats");
  TCase *filters = tcase_create ("filters");
  TCase *niceties = tcase_create ("niceties");

  tcase_add_loop_test (formats, test_report_formats, 0, G_N_ELEMENTS (reports));
  tcase_add_test (formats, test_text_aliases);
  tcase_add_test (formats, test_excel_bytes);
  tcase_add_test (formats, test_show_json);
  tcase_add_test (formats, test_stats_json);
  tcase_add_test (formats, test_diff_formats);
  tcase_add_test (formats, test_export_json);
  tcase_add_test (formats, test_export_csv);
  suite_add_tcase (suite, formats);

  tcase_add_test (filters, test_coverage_region_operator);
  tcase_add_test (filters, test_coverage_missing);
  tcase_add_test (filters, test_coverage_summary_csv);
  suite_add_tcase (suite, filters);

  tcase_add_test (niceties, test_suggest_distance);
  tcase_add_loop_test (niceties, test_suggestions, 0, G_N_ELEMENTS (suggestions));
  tcase_add_loop_test (niceties, test_command_version, 0, G_N_ELEMENTS (commands));
  tcase_add_test (niceties, test_colour_decision);
  tcase_add_test (niceties, test_colour_output);
  suite_add_tcase (suite, niceties);
  return terrind_test_run (suite);
}
