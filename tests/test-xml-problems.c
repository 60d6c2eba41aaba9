/* test-xml-problems.c: an import that goes on after a problem and reports
 * them all
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-xml-common.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"

/* The problems of tests/data/tool/several-problems.xml, in order. Its
 * referents ref-1, ref-2 and ref-4 name what was left out (a territory
 * whose region is unknown, a territory with an unknown element, a
 * duplicate operator) and must not be reported. */
static const struct {
  int          line;
  int          column;
  TerrindError code;
} several[] = {
  { 5, 5, TERRIND_ERROR_INVALID_VALUE },       /* a region with an empty name */
  { 11, 5, TERRIND_ERROR_DUPLICATE },          /* operator "ademe" again */
  { 17, 5, TERRIND_ERROR_UNKNOWN_REFERENCE },  /* territory in region 99 */
  { 22, 7, TERRIND_ERROR_SCHEMA },             /* <municipality> */
  { 29, 5, TERRIND_ERROR_INVALID_VALUE },      /* an e-mail address */
  { 31, 5, TERRIND_ERROR_UNKNOWN_REFERENCE },  /* operator "nobody" */
};

static GError *
import_several (TerrindRegistry *registry,
                guint            max_errors)
{
  g_autofree char *path = terrind_xml_test_path ("tool", "several-problems.xml", NULL);
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  GError *error = NULL;

  terrind_import_options_set_max_errors (options, max_errors);
  ck_assert (!terrind_registry_import_file (registry, path, options, &error));
  ck_assert_ptr_nonnull (error);
  return error;
}

static void
assert_problem (const GError *error,
                guint         index)
{
  const GError *problem = terrind_error_get_problem (error, index);

  ck_assert_ptr_nonnull (problem);
  ck_assert_msg (problem->code == (int) several[index].code, "problem %u: %s", index,
                 problem->message);
  ck_assert_int_eq (terrind_error_get_line (problem), several[index].line);
  ck_assert_int_eq (terrind_error_get_column (problem), several[index].column);
  ck_assert (g_str_has_suffix (terrind_error_get_file (problem), "several-problems.xml"));
}

/* Every independent problem, each where it is; none that only follows
 * from another; the registry as it was. */
START_TEST (test_every_problem)
{
  static const char held[] =
    HEAD "  <regions>\n    <region code=\"11\" name=\"Île-de-France\"/>\n  </regions>\n"
    "  <operators/>\n  <territories/>\n  <conventions/>\n  <referents/>\n</registry>\n";
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_from_data (held, strlen (held), NULL);
  g_autofree char *snapshot = terrind_test_dump_registry (registry);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  error = import_several (registry, 0);
  ck_assert_uint_eq (terrind_error_get_n_problems (error), G_N_ELEMENTS (several));
  for (guint i = 0; i < G_N_ELEMENTS (several); i++)
    assert_problem (error, i);
  ck_assert_ptr_null (terrind_error_get_problem (error, G_N_ELEMENTS (several)));
  /* The error is the first problem's, its message one line per problem. */
  ck_assert_int_eq (error->code, several[0].code);
  ck_assert_int_eq (terrind_error_get_line (error), several[0].line);
  lines = g_strsplit (error->message, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), G_N_ELEMENTS (several));
  ck_assert_ptr_null (strstr (error->message, "stopped"));
  terrind_assert_registry_unchanged (registry, snapshot);
}
END_TEST

/* An element whose entity is added at its end (a territory, once its
 * members are read) is located at its start tag: its "<", in characters
 * from the start of its line, whether the tag spans lines or not. */
START_TEST (test_start_tag_location)
{
  static const char doc[] =
    HEAD "  <regions>\n    <region code=\"11\" name=\"Île-de-France\"/>\n  </regions>\n"
    "  <operators/>\n  <territories>\n"
    "    <territory id=\"t1\" name=\"Un\" region=\"11\"><member siren=\"200000008\"/></territory>\n"
    /* line 9: the same id again, after a comment with a non-ASCII character */
    "    <!-- é --><territory id=\"t1\" name=\"Deux\" region=\"11\">\n"
    "      <member siren=\"200000016\"/>\n    </territory>\n"
    /* line 12: again, the tag over three lines */
    "    <!-- ô --> <territory\n        id=\"t1\" name=\"Trois\"\n        region=\"11\">\n"
    "      <member siren=\"200000024\"/>\n    </territory>\n"
    "  </territories>\n  <conventions/>\n  <referents/>\n</registry>\n";
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;
  const GError *problem;

  ck_assert (!terrind_registry_import_data (registry, doc, strlen (doc), NULL, &error));
  ck_assert_uint_eq (terrind_error_get_n_problems (error), 2);
  problem = terrind_error_get_problem (error, 0);
  ck_assert_int_eq (problem->code, TERRIND_ERROR_DUPLICATE);
  ck_assert_int_eq (terrind_error_get_line (problem), 9);
  ck_assert_int_eq (terrind_error_get_column (problem), 15);
  problem = terrind_error_get_problem (error, 1);
  ck_assert_int_eq (problem->code, TERRIND_ERROR_DUPLICATE);
  ck_assert_int_eq (terrind_error_get_line (problem), 12);
  ck_assert_int_eq (terrind_error_get_column (problem), 16);
}
END_TEST

/* max-errors 1 is the import of 1.0: the first problem, alone, as it was. */
START_TEST (test_stop_at_first)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = import_several (registry, 1);

  ck_assert_uint_eq (terrind_error_get_n_problems (error), 1);
  ck_assert_ptr_eq (terrind_error_get_problem (error, 0), error);
  assert_problem (error, 0);
  ck_assert (g_str_has_suffix (error->message, ":5:5: element <region code=\"93\">: "
                                               "invalid region name: it must not be empty"));
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
}
END_TEST

/* Fewer allowed than there are: the first ones, and a word that it stopped. */
START_TEST (test_stop_after_some)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = import_several (registry, 3);

  ck_assert_uint_eq (terrind_error_get_n_problems (error), 3);
  for (guint i = 0; i < 3; i++)
    assert_problem (error, i);
  ck_assert (g_str_has_suffix (error->message, "\n(stopped after 3 problems)"));
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
}
END_TEST

/* The default reports them all here (100 is more than 6). */
START_TEST (test_default_limit)
{
  g_autofree char *path = terrind_xml_test_path ("tool", "several-problems.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_from_file (path, &error);

  ck_assert_ptr_null (registry);
  ck_assert_uint_eq (terrind_error_get_n_problems (error), G_N_ELEMENTS (several));
}
END_TEST

static GError *
import_text (const char *doc,
             guint       max_errors)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  GError *error = NULL;

  terrind_import_options_set_max_errors (options, max_errors);
  ck_assert (!terrind_registry_import_data (registry, doc, strlen (doc), options, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
  return error;
}

/* What follows from a left-out entity is not reported: the territories of
 * a refused region, their referents, the designations of a refused
 * convention's commitments. */
START_TEST (test_no_cascade)
{
  static const char doc[] =
    HEAD
    "  <regions>\n"
    "    <region code=\"84\" name=\"\"/>\n"
    "  </regions>\n"
    "  <operators>\n"
    "    <operator id=\"bpifrance\" name=\"Bpifrance\" kind=\"public-bank\"/>\n"
    "  </operators>\n"
    "  <territories>\n"
    "    <territory id=\"ti-8401\" name=\"A\" region=\"84\" phase=\"1\">\n"
    "      <member siren=\"200016905\"/>\n"
    "    </territory>\n"
    "    <territory id=\"ti-8402\" name=\"B\" region=\"84\" phase=\"1\">\n"
    "      <member siren=\"200059392\"/>\n"
    "    </territory>\n"
    "  </territories>\n"
    "  <conventions>\n"
    "    <convention id=\"conv\" operator=\"bpifrance\" date=\"2019-02-30\">\n"
    "      <commitment id=\"c-1\" kind=\"tool\"><text>t</text></commitment>\n"
    "    </convention>\n"
    "  </conventions>\n"
    "  <referents>\n"
    "    <referent id=\"r-1\" operator=\"bpifrance\" territory=\"ti-8401\" person=\"A\"/>\n"
    "    <referent id=\"r-2\" operator=\"bpifrance\" territory=\"ti-8402\" person=\"B\"/>\n"
    "  </referents>\n"
    "</registry>\n";
  g_autoptr(GError) error = import_text (doc, 0);

  ck_assert_msg (terrind_error_get_n_problems (error) == 2, "%s", error->message);
  ck_assert_int_eq (terrind_error_get_line (terrind_error_get_problem (error, 0)), 4);
  ck_assert_int_eq (terrind_error_get_line (terrind_error_get_problem (error, 1)), 18);
}
END_TEST

/* A required section that never came is reported once: not again at
 * each later section, nor at each reference to what it would hold. */
START_TEST (test_missing_section_once)
{
  static const char doc[] =
    HEAD
    "  <regions>\n"
    "    <region code=\"84\" name=\"ARA\"/>\n"
    "  </regions>\n"
    "  <territories>\n"
    "    <territory id=\"ti-8401\" name=\"A\" region=\"84\" phase=\"1\"/>\n"
    "  </territories>\n"
    "  <conventions/>\n"
    "  <referents>\n"
    "    <referent id=\"r-1\" operator=\"bpifrance\" territory=\"ti-8401\" person=\"A\"/>\n"
    "    <referent id=\"r-2\" operator=\"bpifrance\" territory=\"ti-8401\" person=\"B\"/>\n"
    "  </referents>\n"
    "</registry>\n";
  g_autoptr(GError) error = import_text (doc, 0);

  ck_assert_msg (terrind_error_get_n_problems (error) == 1, "%s", error->message);
  ck_assert_int_eq (error->code, TERRIND_ERROR_SCHEMA);
  ck_assert_int_eq (terrind_error_get_line (error), 6);
}
END_TEST

/* Not well-formed is fatal, after the problems found before it. */
START_TEST (test_fatal_after_problems)
{
  static const char doc[] =
    HEAD
    "  <regions>\n"
    "    <region code=\"84\" name=\"\"/>\n"
    "    <region code=\"53\" name=\"\"/>\n"
    "    <region code=\"11\" name=\"IDF\">\n"
    "  </regions>\n"
    "    <region code=\"93\" name=\"\"/>\n";
  g_autoptr(GError) error = import_text (doc, 0);

  ck_assert_msg (terrind_error_get_n_problems (error) == 3, "%s", error->message);
  ck_assert_int_eq (terrind_error_get_problem (error, 2)->code, TERRIND_ERROR_PARSE);
  ck_assert_int_eq (terrind_error_get_line (terrind_error_get_problem (error, 2)), 7);
}
END_TEST

/* A limit is fatal too, wherever it is hit, inside a left-out element as
 * well. */
START_TEST (test_limit_inside_left_out)
{
  g_autoptr(GString) doc = g_string_new (HEAD "  <regions>\n    <province>");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append (doc, "<x>");
  error = import_text (doc->str, 0);
  ck_assert_uint_eq (terrind_error_get_n_problems (error), 2);
  ck_assert_int_eq (terrind_error_get_problem (error, 0)->code, TERRIND_ERROR_SCHEMA);
  ck_assert_int_eq (terrind_error_get_problem (error, 1)->code, TERRIND_ERROR_LIMIT_EXCEEDED);
}
END_TEST

/* 10^5 bad elements, no limit: each is collected and the message is
 * joined once, so this stays linear. No time is measured. */
START_TEST (test_many_problems)
{
  const guint n = 100000;
  g_autoptr(GString) doc = g_string_new (HEAD "  <regions>\n");
  g_autoptr(GError) error = NULL;
  guint newlines = 0;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc, "    <region code=\"r%u\" name=\"\"/>\n", i);
  g_string_append (doc, "  </regions>\n  <operators/>\n  <territories/>\n  <conventions/>\n"
                        "  <referents/>\n</registry>\n");
  error = import_text (doc->str, 0);
  ck_assert_uint_eq (terrind_error_get_n_problems (error), n);
  ck_assert_int_eq (terrind_error_get_line (terrind_error_get_problem (error, n - 1)), (int) n + 3);
  for (const char *p = error->message; *p != '\0'; p++)
    newlines += *p == '\n';
  ck_assert_uint_eq (newlines, n - 1);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("xml-problems");
  TCase *tc = tcase_create ("problems");

  tcase_add_test (tc, test_every_problem);
  tcase_add_test (tc, test_stop_at_first);
  tcase_add_test (tc, test_stop_after_some);
  tcase_add_test (tc, test_default_limit);
  tcase_add_test (tc, test_no_cascade);
  tcase_add_test (tc, test_missing_section_once);
  tcase_add_test (tc, test_fatal_after_problems);
  tcase_add_test (tc, test_limit_inside_left_out);
  tcase_add_test (tc, test_many_problems);
  tcase_add_test (tc, test_start_tag_location);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
