/* test-tool-list.c: terrind list
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "test-tool-common.h"
#include "terrind-cli-table.h"
#include "terrind-cli-records.h"

/* The default dataset: rows per kind, plus the header line of the table. */
static const struct {
  const char *kind;
  guint       rows;
  const char *phase;  /* the option for the kinds that have phases: every phase */
} default_counts[] = {
  { "phases", 2, NULL },
  { "regions", 18, NULL },
  { "operators", 4, NULL },
  { "territories", 332, "--phase=all" },
  { "conventions", 4, "--phase=all" },
  { "commitments", 12, NULL },
  { "referents", 0, NULL },
};

START_TEST (test_default_counts)
{
  g_auto(ToolRun) table = { 0 };
  g_auto(ToolRun) csv = { 0 };

  /* Every phase: the default lists the current one's (test-tool-phase.c). */
  tool_run (&table, "list", default_counts[_i].kind, default_counts[_i].phase, NULL);
  assert_status (&table, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (count_lines (table.out), default_counts[_i].rows + 1);
  ck_assert_uint_eq (table.err->len, 0);

  tool_run (&csv, "list", default_counts[_i].kind, "--format=csv", default_counts[_i].phase, NULL);
  assert_status (&csv, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (count_lines (csv.out), default_counts[_i].rows + 1);
}
END_TEST

START_TEST (test_table_is_aligned)
{
  g_auto(ToolRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  tool_run (&run, "list", "operators", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  lines = g_strsplit (run.out->str, "\n", -1);
  ck_assert_str_eq (lines[0], "ID                      NAME                    KIND                FORMER-NAMES");
  /* A list is counted in the table. */
  ck_assert_str_eq (lines[4], "pole-emploi             France Travail          employment-service  1");
  /* No trailing blanks: the last column is not padded. */
  ck_assert_str_eq (lines[1], "banque-des-territoires  Banque des Territoires  public-investor     0");
}
END_TEST

START_TEST (test_region_filter)
{
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) region = { 0 };

  tool_run (&run, "list", "territories", "--region", "84", "--phase", "1", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (count_lines (run.out), 17 + 1);
  /* The columns are the fields in the order of the description, but for
   * the ANCT id that no territory of the default has; the longest name of
   * the region sets the width of the second. */
  ck_assert (g_str_has_prefix (run.out->str, "ID       NAME   "));
  assert_not_contains (run.out, "ANCT-ID");
  assert_contains (run.out, "\nti-8401  Ardèche Drome  ");
  assert_contains (run.out, "  84      1      8        2\n");
  assert_not_contains (run.out, "ti-9401");

  tool_run (&region, "list", "regions", "-r", "06", "--format", "csv", NULL);
  assert_status (&region, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (region.out->str, "code,name\r\n06,Mayotte\r\n");
}
END_TEST

START_TEST (test_operator_filter)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) referents = { 0 };

  tool_run (&run, "list", "commitments", "--operator", "pole-emploi", "--format=csv", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (count_lines (run.out), 3 + 1);
  assert_contains (run.out, "\r\npe-formadiag,conv-2019-pole-emploi,tool,,,,,false,\"Ainsi, dès");

  tool_run (&referents, "list", "referents", "--file", path, "--operator", "bpifrance",
            "--format=csv", NULL);
  assert_status (&referents, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (count_lines (referents.out), 1 + 1);
  assert_contains (referents.out, "ref-2,bpifrance");
}
END_TEST

START_TEST (test_referents_by_region)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "list", "referents", "-f", path, "--region", "84", "--format", "csv", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (count_lines (run.out), 2);
  assert_contains (run.out, "ref-1,pole-emploi,ti-8401");
}
END_TEST

/* RFC 4180: CRLF, a header, quoted fields with commas or quotes, quotes
 * doubled, unset fields empty. */
START_TEST (test_csv)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "list", "referents", "--file", path, "--format=csv", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str,
                    "id,operator,territory,person,role,email,phone,start,end\r\n"
                    "ref-1,pole-emploi,ti-8401,Jeanne Martin,Conseillère référente,"
                    "jeanne.martin@example.org,+33 4 50 00 00 00,2019-06-01,\r\n"
                    "ref-2,bpifrance,ti-5301,\"Paul, dit \"\"Le Breton\"\"\",,,,,\r\n");
}
END_TEST

START_TEST (test_json)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) commitments = { 0 };
  g_auto(ToolRun) empty = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) commitments_root = NULL;
  g_autoptr(JsonNode) empty_root = NULL;
  JsonObject *first, *second, *commitment;
  JsonArray *themes;

  tool_run (&run, "list", "referents", "--file", path, "--format=json", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  root = tool_parse_json (run.out);
  ck_assert_uint_eq (json_array_get_length (json_node_get_array (root)), 2);
  first = tool_json_object_at (root, 0);
  ck_assert_str_eq (json_object_get_string_member (first, "id"), "ref-1");
  ck_assert_str_eq (json_object_get_string_member (first, "role"), "Conseillère référente");
  ck_assert_str_eq (json_object_get_string_member (first, "start"), "2019-06-01");
  ck_assert (json_object_get_null_member (first, "end"));
  second = tool_json_object_at (root, 1);
  ck_assert_str_eq (json_object_get_string_member (second, "person"), "Paul, dit \"Le Breton\"");
  ck_assert (json_object_get_null_member (second, "role"));
  /* Every column is a key, in the model's order. */
  {
    g_autoptr(GList) members = json_object_get_members (first);
    ck_assert_str_eq (members->data, "id");
    ck_assert_uint_eq (g_list_length (members), 9);
  }

  /* Numbers, booleans and lists keep their JSON types. */
  tool_run (&commitments, "list", "commitments", "--file", path, "--format=json", NULL);
  assert_status (&commitments, TERRIND_CLI_EXIT_OK);
  commitments_root = tool_parse_json (commitments.out);
  commitment = tool_json_object_at (commitments_root, 0);
  ck_assert_int_eq (json_object_get_int_member (commitment, "amount"), 100000000);
  ck_assert_int_eq (json_object_get_int_member (commitment, "first-year"), 2019);
  ck_assert (json_object_get_boolean_member (commitment, "approximate"));
  ck_assert_str_eq (json_object_get_string_member (commitment, "text"),
                    "Une enveloppe \"test\" d'environ 100 M€ par an, <données>");
  themes = json_object_get_array_member (commitment, "themes");
  ck_assert_uint_eq (json_array_get_length (themes), 1);
  ck_assert_str_eq (json_array_get_string_element (themes, 0), "numérique");
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (commitment, "targets")), 0);

  tool_run (&empty, "list", "referents", "--format=json", NULL);
  assert_status (&empty, TERRIND_CLI_EXIT_OK);
  empty_root = tool_parse_json (empty.out);
  ck_assert_uint_eq (json_array_get_length (json_node_get_array (empty_root)), 0);
}
END_TEST

/* Whatever a string holds, the JSON reads back as the same string. */
START_TEST (test_json_escaping)
{
  static const TerrindCliColumn columns[] = { { "value", TERRIND_CLI_COLUMN_SHOWN } };
  const char *nasty = "a\"b\\c\nd\te\x01\x1f é/\u2028";
  g_autoptr(TerrindCliTable) table = terrind_cli_table_new (columns, 1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;

  terrind_cli_table_add_row (table);
  terrind_cli_table_add_string (table, nasty);
  terrind_cli_table_write (table, TERRIND_CLI_FORMAT_JSON, out);
  root = tool_parse_json (out);
  ck_assert_str_eq (json_object_get_string_member (tool_json_object_at (root, 0), "value"), nasty);
}
END_TEST

/* --format=xml is a registry document: what was listed, and what it refers
 * to so that it stands alone. */
START_TEST (test_xml)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) empty = { 0 };

  tool_run (&run, "list", "territories", "--file", path, "--format=xml", "--region", "53", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
                    "  <regions>\n"
                    "    <region code=\"53\" name=\"Bretagne\"/>\n"
                    "  </regions>\n"
                    "  <operators/>\n"
                    "  <territories>\n"
                    "    <territory id=\"ti-5301\" name=\"Lannion &amp; Trégor\" region=\"53\" phase=\"1\">\n"
                    "      <member siren=\"200065928\"/>\n"
                    "    </territory>\n"
                    "  </territories>\n"
                    "  <conventions/>\n"
                    "  <referents/>\n"
                    "</registry>\n");

  tool_run (&empty, "list", "referents", "--format=xml", NULL);
  assert_status (&empty, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (empty.out->str,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
                    "  <regions/>\n"
                    "  <operators/>\n"
                    "  <territories/>\n"
                    "  <conventions/>\n"
                    "  <referents/>\n"
                    "</registry>\n");
}
END_TEST

/* Every listing as XML, filtered or not, is a document `validate` accepts
 * and that holds exactly the entities listed. */
static const char *const xml_listings[][4] = {
  { "referents", "--operator", "pole-emploi", "1 operators, 1 territories, 0 conventions, 0 commitments, 1 referents" },
  { "referents", "--region", "53", "1 operators, 1 territories, 0 conventions, 0 commitments, 1 referents" },
  { "referents", NULL, NULL, "2 operators, 2 territories, 0 conventions, 0 commitments, 2 referents" },
  { "commitments", "--operator", "bpifrance", "1 operators, 0 territories, 1 conventions, 2 commitments, 0 referents" },
  { "conventions", NULL, NULL, "1 operators, 0 territories, 1 conventions, 0 commitments, 0 referents" },
  { "territories", "--region", "84", "0 operators, 2 territories, 0 conventions, 0 commitments, 0 referents" },
  { "operators", NULL, NULL, "2 operators, 0 territories, 0 conventions, 0 commitments, 0 referents" },
  { "region", NULL, NULL, "0 operators, 0 territories, 0 conventions, 0 commitments, 0 referents" },
};

START_TEST (test_xml_validates)
{
  const char *const *listing = xml_listings[_i];
  g_autofree char *path = tool_fixture ("valid.xml");
  g_autofree char *listed = NULL;
  g_auto(ToolRun) list = { 0 };
  g_auto(ToolRun) validate = { 0 };
  g_auto(ToolRun) again = { 0 };
  g_auto(ToolRun) original = { 0 };
  g_autoptr(GError) error = NULL;
  int fd;

  if (listing[1] != NULL)
    tool_run (&list, "list", listing[0], "-f", path, listing[1], listing[2], "--format=xml", NULL);
  else
    tool_run (&list, "list", listing[0], "-f", path, "--format=xml", NULL);
  assert_status (&list, TERRIND_CLI_EXIT_OK);

  fd = g_file_open_tmp ("terrind-list-XXXXXX.xml", &listed, &error);
  g_assert_no_error (error);
  close (fd);
  ck_assert (g_file_set_contents (listed, list.out->str, (gssize) list.out->len, &error));

  tool_run (&validate, "validate", listed, NULL);
  assert_status (&validate, TERRIND_CLI_EXIT_OK);
  assert_contains (validate.out, listing[3]);

  /* Read back, the document lists what the source did, field for field. */
  tool_run (&again, "list", listing[0], "-f", listed, "--format=csv", NULL);
  if (listing[1] != NULL)
    tool_run (&original, "list", listing[0], "-f", path, listing[1], listing[2], "--format=csv", NULL);
  else
    tool_run (&original, "list", listing[0], "-f", path, "--format=csv", NULL);
  assert_status (&again, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (again.out->str, original.out->str);
  g_unlink (listed);
}
END_TEST

/* Any kind, by its name or its plural; the columns are its fields. */
START_TEST (test_kind_names)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) singular = { 0 };
  g_auto(ToolRun) plural = { 0 };

  tool_run (&singular, "list", "commitment", "-f", path, "--format=csv", NULL);
  tool_run (&plural, "list", "commitments", "-f", path, "--format=csv", NULL);
  assert_status (&singular, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (singular.out->str, plural.out->str);
  ck_assert (g_str_has_prefix (plural.out->str, "id,convention,kind,amount,period,first-year,"
                               "last-year,approximate,text,themes,targets\r\n"));
}
END_TEST

/* Lists of records: every item field, the first one bare, the others named. */
START_TEST (test_list_items)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) operators = { 0 };
  g_auto(ToolRun) conventions = { 0 };

  tool_run (&operators, "list", "operators", "-f", path, "--format=json", NULL);
  assert_status (&operators, TERRIND_CLI_EXIT_OK);
  {
    g_autoptr(JsonNode) root = tool_parse_json (operators.out);
    JsonArray *former = json_object_get_array_member (tool_json_object_at (root, 1), "former-names");

    ck_assert_uint_eq (json_array_get_length (former), 1);
    ck_assert_str_eq (json_array_get_string_element (former, 0), "Pôle emploi (until 2023-12-31)");
  }

  tool_run (&conventions, "list", "conventions", "-f", path, "--format=csv", NULL);
  assert_status (&conventions, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (conventions.out->str,
                    "id,operator,date,place,title,phase,signatories\r\n"
                    "conv-test,bpifrance,2019-03-05,Lyon,Convention de mobilisation,,"
                    "Jacqueline Gourault (role Ministre)\r\n");
}
END_TEST

/* The records are the description: one column per field of each kind, in
 * its order, so a field the library gains (a referent's end date) is listed
 * without a change to the tool. */
START_TEST (test_records_follow_description)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(TerrindCliTable) table = terrind_cli_records_new (kinds[k]);

      ck_assert_uint_eq (terrind_cli_table_get_n_columns (table),
                         terrind_kind_get_n_fields (kinds[k]));
      for (guint i = 0; i < terrind_kind_get_n_fields (kinds[k]); i++)
        ck_assert_str_eq (terrind_cli_table_get_column (table, i),
                          terrind_field_get_name (terrind_kind_get_field (kinds[k], i)));
    }
}
END_TEST

START_TEST (test_referent_end_date)
{
  const TerrindKind *kind = terrind_model_lookup_kind ("referents");
  g_autoptr(TerrindReferent) referent = NULL;
  g_autoptr(TerrindCliTable) table = terrind_cli_records_new (kind);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  referent = terrind_referent_new ("ref-1", "bpifrance", "ti-8401", "Jeanne Martin", &error);
  g_assert_no_error (error);
  ck_assert (terrind_referent_set_start_date (referent, "2019-06-01", &error));
  ck_assert (terrind_referent_set_end_date (referent, "2024-12-31", &error));
  terrind_cli_records_add (table, kind, referent);
  terrind_cli_table_write (table, TERRIND_CLI_FORMAT_CSV, csv);
  ck_assert_str_eq (csv->str, "id,operator,territory,person,role,email,phone,start,end\r\n"
                    "ref-1,bpifrance,ti-8401,Jeanne Martin,,,,2019-06-01,2024-12-31\r\n");
}
END_TEST

/* Bad arguments: exit 2, a message on stderr, nothing on stdout. */
static const char *const bad_arguments[][6] = {
  { "list", NULL },
  { "list", "cities", NULL },
  { "list", "regions", "operators", NULL },
  { "list", "regions", "--format=yaml", NULL },
  { "list", "territories", "--operator", "bpifrance", NULL },
  { "list", "regions", "--operator", "bpifrance", NULL },
  { "list", "conventions", "--region", "84", NULL },
  { "list", "operators", "--region", "84", NULL },
  { "list", "territories", "--region", "99", NULL },
  { "list", "referents", "--operator", "nobody", NULL },
  { "list", "regions", "--file", NULL },
};

START_TEST (test_bad_arguments)
{
  g_auto(ToolRun) run = { 0 };
  const char *const *args = bad_arguments[_i];

  tool_run (&run, args[0], args[1], args[2], args[3], args[4], NULL);
  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  ck_assert_uint_gt (run.err->len, 0);
  ck_assert_uint_eq (run.out->len, 0);
}
END_TEST

START_TEST (test_bad_file)
{
  g_autofree char *bad = tool_fixture ("bad-siren.xml");
  g_autofree char *missing = tool_fixture ("no-such-file.xml");
  g_autofree char *prefix = g_strdup_printf ("%s:24:7: ", bad);
  g_auto(ToolRun) invalid = { 0 };
  g_auto(ToolRun) unreadable = { 0 };

  tool_run (&invalid, "list", "regions", "--file", bad, NULL);
  assert_status (&invalid, TERRIND_CLI_EXIT_FAILED);
  ck_assert (g_str_has_prefix (invalid.err->str, prefix));
  ck_assert_uint_eq (invalid.out->len, 0);

  tool_run (&unreadable, "list", "regions", "--file", missing, NULL);
  assert_status (&unreadable, TERRIND_CLI_EXIT_USAGE);
  ck_assert (g_str_has_prefix (unreadable.err->str, missing));
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-list");
  TCase *tc = tcase_create ("list");

  tcase_add_loop_test (tc, test_default_counts, 0, G_N_ELEMENTS (default_counts));
  tcase_add_test (tc, test_table_is_aligned);
  tcase_add_test (tc, test_region_filter);
  tcase_add_test (tc, test_operator_filter);
  tcase_add_test (tc, test_referents_by_region);
  tcase_add_test (tc, test_csv);
  tcase_add_test (tc, test_json);
  tcase_add_test (tc, test_json_escaping);
  tcase_add_test (tc, test_xml);
  tcase_add_loop_test (tc, test_xml_validates, 0, G_N_ELEMENTS (xml_listings));
  tcase_add_test (tc, test_kind_names);
  tcase_add_test (tc, test_list_items);
  tcase_add_test (tc, test_records_follow_description);
  tcase_add_test (tc, test_referent_end_date);
  tcase_add_loop_test (tc, test_bad_arguments, 0, G_N_ELEMENTS (bad_arguments));
  tcase_add_test (tc, test_bad_file);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
