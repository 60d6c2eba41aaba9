/* test-tool-list.c: terrind list
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "test-tool-common.h"
#include "terrind-cli-table.h"

/* The default dataset: rows per kind, plus the header line of the table. */
static const struct {
  const char *kind;
  guint       rows;
} default_counts[] = {
  { "regions", 18 },
  { "operators", 4 },
  { "territories", 149 },
  { "conventions", 4 },
  { "commitments", 12 },
  { "referents", 0 },
};

START_TEST (test_default_counts)
{
  g_auto(ToolRun) table = { 0 };
  g_auto(ToolRun) csv = { 0 };

  tool_run (&table, "list", default_counts[_i].kind, NULL);
  assert_status (&table, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (count_lines (table.out), default_counts[_i].rows + 1);
  ck_assert_uint_eq (table.err->len, 0);

  tool_run (&csv, "list", default_counts[_i].kind, "--format=csv", NULL);
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
  ck_assert_str_eq (lines[4], "pole-emploi             France Travail          employment-service  Pôle emploi (until 2023-12-31)");
  /* No trailing blanks: the last column is not padded. */
  ck_assert_str_eq (lines[1], "banque-des-territoires  Banque des Territoires  public-investor     -");
}
END_TEST

START_TEST (test_region_filter)
{
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) region = { 0 };

  tool_run (&run, "list", "territories", "--region", "84", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (count_lines (run.out), 17 + 1);
  assert_contains (run.out, "ti-8401  84      1      8        Ardèche Drome\n");
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
  assert_contains (run.out, "\r\npe-formadiag,conv-2019-pole-emploi,tool,,,,,false,,,");

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
                    "id,operator,territory,person,role,email,phone,start\r\n"
                    "ref-1,pole-emploi,ti-8401,Jeanne Martin,Conseillère référente,"
                    "jeanne.martin@example.org,+33 4 50 00 00 00,2019-06-01\r\n"
                    "ref-2,bpifrance,ti-5301,\"Paul, dit \"\"Le Breton\"\"\",,,,\r\n");
}
END_TEST

START_TEST (test_json)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) commitments = { 0 };
  g_auto(ToolRun) empty = { 0 };

  tool_run (&run, "list", "referents", "--file", path, "--format=json", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str,
                    "[\n"
                    "  {\"id\": \"ref-1\", \"operator\": \"pole-emploi\", \"territory\": \"ti-8401\", "
                    "\"person\": \"Jeanne Martin\", \"role\": \"Conseillère référente\", "
                    "\"email\": \"jeanne.martin@example.org\", \"phone\": \"+33 4 50 00 00 00\", "
                    "\"start\": \"2019-06-01\"},\n"
                    "  {\"id\": \"ref-2\", \"operator\": \"bpifrance\", \"territory\": \"ti-5301\", "
                    "\"person\": \"Paul, dit \\\"Le Breton\\\"\", \"role\": null, \"email\": null, "
                    "\"phone\": null, \"start\": null}\n"
                    "]\n");

  /* Numbers, booleans and lists keep their JSON types. */
  tool_run (&commitments, "list", "commitments", "--file", path, "--format=json", NULL);
  assert_status (&commitments, TERRIND_CLI_EXIT_OK);
  assert_contains (commitments.out, "\"amount\": 100000000, \"period\": \"per-year\", "
                   "\"first-year\": 2019, \"last-year\": 2022, \"approximate\": true, "
                   "\"themes\": [\"numérique\"], \"targets\": [], "
                   "\"text\": \"Une enveloppe \\\"test\\\" d'environ 100 M€ par an, <données>\"}");

  tool_run (&empty, "list", "referents", "--format=json", NULL);
  assert_status (&empty, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (empty.out->str, "[]\n");
}
END_TEST

START_TEST (test_json_escaping)
{
  g_autoptr(GString) out = g_string_new (NULL);

  terrind_cli_append_json_string (out, "a\"b\\c\nd\te\x01\x1f é/");
  ck_assert_str_eq (out->str, "\"a\\\"b\\\\c\\nd\\te\\u0001\\u001f é/\"");
}
END_TEST

START_TEST (test_xml)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) empty = { 0 };

  tool_run (&run, "list", "territories", "--file", path, "--format=xml", "--region", "53", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<territories>\n"
                    "  <territory id=\"ti-5301\" region=\"53\" phase=\"1\" name=\"Lannion &amp; Trégor\">\n"
                    "    <member>200065928</member>\n"
                    "  </territory>\n"
                    "</territories>\n");

  tool_run (&empty, "list", "referents", "--format=xml", NULL);
  assert_status (&empty, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (empty.out->str, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<referents/>\n");
}
END_TEST

/* Bad arguments: exit 2, a message on stderr, nothing on stdout. */
static const char *const bad_arguments[][6] = {
  { "list", NULL },
  { "list", "cities", NULL },
  { "list", "regions", "operators", NULL },
  { "list", "regions", "--format=yaml", NULL },
  { "list", "territories", "--operator", "bpifrance", NULL },
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
  tcase_add_loop_test (tc, test_bad_arguments, 0, G_N_ELEMENTS (bad_arguments));
  tcase_add_test (tc, test_bad_file);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
