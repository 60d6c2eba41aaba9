/* test-tool-scaling.c: the tool's reports on registries an input can make large
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Files of a few megabytes with many regions, operators or territories,
 * or one territory with many members: each report must stay linear (or
 * n log n) in what it reads, not in the product of two counts. As in
 * test-scaling.c, nothing measures time: Check's per-test timeout fails a
 * quadratic report, and without fork (valgrind) the sizes are smaller.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "terrind-test-siren.h"
#include "test-tool-common.h"

/* Seconds per test case (times CK_TIMEOUT_MULTIPLIER under sanitizers). */
#define TIMEOUT 20

static guint
size (void)
{
  return terrind_test_forks () ? 100000 : 3000;
}

static char *dir;

static void
make_dir (void)
{
  dir = g_dir_make_tmp ("terrind-tool-scaling-XXXXXX", NULL);
  ck_assert_ptr_nonnull (dir);
}

static void
remove_dir (void)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
  g_clear_pointer (&dir, g_free);
}

/* Writes @xml, a <registry> document's sections, as NAME in the temporary
 * directory; returns the path. */
static char *
write_registry (const char *name,
                GString    *sections)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<registry xmlns=\"urn:libterrind:registry\" "
                                         "version=\"1\">\n");
  char *path = g_build_filename (dir, name, NULL);

  g_string_append_len (xml, sections->str, (gssize) sections->len);
  g_string_append (xml, "</registry>\n");
  ck_assert_msg (g_file_set_contents (path, xml->str, (gssize) xml->len, &error), "%s",
                 error != NULL ? error->message : path);
  return path;
}

/* One territory whose members are the SIRENs of serials [first, first + n). */
static char *
write_members (const char *name,
               guint       first,
               guint       n)
{
  g_autoptr(GString) sections = g_string_new ("  <regions>\n    <region code=\"84\" name=\"ARA\"/>\n"
                                              "  </regions>\n  <operators/>\n  <territories>\n"
                                              "    <territory id=\"ti-8401\" name=\"Big\" "
                                              "region=\"84\">\n");

  for (guint i = first; i < first + n; i++)
    {
      char siren[10];

      terrind_test_make_siren (i, siren);
      g_string_append_printf (sections, "      <member siren=\"%s\"/>\n", siren);
    }
  g_string_append (sections, "    </territory>\n  </territories>\n  <conventions/>\n"
                             "  <referents/>\n");
  return write_registry (name, sections);
}

/* A member list that changed at both ends: diff says which SIRENs, and
 * finds each in the other list without a scan. */
START_TEST (test_diff_long_member_lists)
{
  g_auto(ToolRun) run = { 0, };
  guint n = size () * 2;
  g_autofree char *a = write_members ("a.xml", 0, n);
  g_autofree char *b = write_members ("b.xml", 1, n);
  g_autofree char *expected = NULL;
  char gone[10], new[10];

  terrind_test_make_siren (0, gone);
  terrind_test_make_siren (n, new);
  expected = g_strdup_printf ("changed territory ti-8401\n  members: added %s; removed %s\n",
                              new, gone);
  tool_run (&run, "diff", a, b, NULL);
  ck_assert_int_eq (run.status, TERRIND_CLI_EXIT_FAILED);
  ck_assert_str_eq (run.out->str, expected);
}
END_TEST

/* n operators op000000..., each with a referent ref... for territory
 * ti... of the same number; @territories writes the territories between. */
static void
append_operators_and_referents (GString  *sections,
                                guint     n,
                                void    (*territories) (GString *sections, guint n))
{
  g_string_append (sections, "  <operators>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sections, "    <operator id=\"op%06u\" name=\"O\"/>\n", i);
  g_string_append (sections, "  </operators>\n  <territories>\n");
  territories (sections, n);
  g_string_append (sections, "  </territories>\n  <conventions/>\n  <referents>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sections, "    <referent id=\"ref%06u\" operator=\"op%06u\" "
                                      "territory=\"ti%06u\" person=\"P\"/>\n", i, i, i);
  g_string_append (sections, "  </referents>\n");
}

/* Territory ti... in region r... of the same number, with one member. */
static void
append_territories_one_per_region (GString *sections,
                                   guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      char siren[10];

      terrind_test_make_siren (i, siren);
      g_string_append_printf (sections, "    <territory id=\"ti%06u\" name=\"T\" region=\"r%06u\">\n"
                                        "      <member siren=\"%s\"/>\n    </territory>\n",
                              i, i, siren);
    }
}

static void
append_territories_in_84 (GString *sections,
                          guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sections, "    <territory id=\"ti%06u\" name=\"T\" region=\"84\"/>\n", i);
}

/* As many regions as territories, and as many operators: stats counts per
 * region in one pass. */
START_TEST (test_stats_many_regions)
{
  g_auto(ToolRun) run = { 0, };
  g_autoptr(GString) sections = g_string_new ("  <regions>\n");
  g_autofree char *path = NULL;
  g_autofree char *line = NULL;
  guint n = size ();

  for (guint i = 0; i < n; i++)
    g_string_append_printf (sections, "    <region code=\"r%06u\" name=\"R\"/>\n", i);
  g_string_append (sections, "  </regions>\n");
  append_operators_and_referents (sections, n, append_territories_one_per_region);
  path = write_registry ("regions.xml", sections);

  tool_run (&run, "stats", "--file", path, NULL);
  ck_assert_int_eq (run.status, TERRIND_CLI_EXIT_OK);
  /* Each region: one territory, one member, one referent. */
  line = g_strdup_printf ("\nr%06u  1", n - 1);
  ck_assert_ptr_nonnull (strstr (run.out->str, line));
  ck_assert_ptr_nonnull (strstr (run.out->str, "\nr000000  1"));
}
END_TEST

/* As many operators as territories, each with one referent: the summary
 * counts them in one pass, not one walk of the territories per operator. */
START_TEST (test_coverage_summary_many_operators)
{
  g_auto(ToolRun) run = { 0, };
  g_autoptr(GString) sections = g_string_new ("  <regions>\n    <region code=\"84\" name=\"ARA\"/>\n"
                                              "  </regions>\n");
  g_autofree char *path = NULL;
  g_autofree char *last = NULL;
  guint n = size () / 2;

  append_operators_and_referents (sections, n, append_territories_in_84);
  path = write_registry ("operators.xml", sections);

  tool_run (&run, "coverage", "--summary", "--check", "--file", path, NULL);
  ck_assert_int_eq (run.status, TERRIND_CLI_EXIT_FAILED);
  last = g_strdup_printf ("op%06u (O): 1 of %u territories with a referent, %u without\n",
                          n - 1, n, n - 1);
  ck_assert (g_str_has_suffix (run.out->str, last));
}
END_TEST

static Suite *
tool_scaling_suite (void)
{
  Suite *suite = suite_create ("tool-scaling");
  TCase *tc = tcase_create ("reports");

  tcase_add_unchecked_fixture (tc, make_dir, remove_dir);
  tcase_set_timeout (tc, TIMEOUT);
  tcase_add_test (tc, test_diff_long_member_lists);
  tcase_add_test (tc, test_stats_many_regions);
  tcase_add_test (tc, test_coverage_summary_many_operators);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return terrind_test_run (tool_scaling_suite ());
}
