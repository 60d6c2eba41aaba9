/* test-tool-map.c: terrind map
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The SVG is read back with libxml2: it must be well-formed, and its
 * territories are the <path data-territory="ID"> elements.
 */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "test-tool-common.h"
#include "test-tool-map-common.h"

START_TEST (test_operator_phase2)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *svg = g_build_filename (dir->path, "map.svg", NULL);
  g_autoptr(GHashTable) classes = NULL;
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "map", "--operator", "business-france", "--date", "2026-03-01", "-o", svg, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str, "");
  ck_assert_str_eq (run.err->str, "");

  classes = map_read_territories (svg);
  ck_assert_uint_eq (g_hash_table_size (classes), 183);
  ck_assert (g_hash_table_contains (classes, "p2-ti-0101"));
  ck_assert (g_hash_table_contains (classes, "p2-ti-0601"));   /* Mayotte, in its inset */
  ck_assert (!g_hash_table_contains (classes, "ti-0101"));
  /* The default dataset names no referent: all without, class 1. */
  ck_assert_str_eq (g_hash_table_lookup (classes, "p2-ti-8401"), "1");
  ck_assert_uint_eq (map_count (svg, "//*[local-name()='g'][@data-frame]"), 6);
  ck_assert_uint_eq (map_count (svg, "//*[local-name()='rect'][@class='inset']"), 5);
  map_assert_text (svg, "Referents of Business France (business-france)");
  map_assert_text (svg, "As of 2026-03-01, phase 2 (2023-2027)");
  map_assert_text (svg, "no referent (183)");
  map_assert_text (svg, "Mayotte");
}
END_TEST

START_TEST (test_phase1)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *svg = g_build_filename (dir->path, "map.svg", NULL);
  g_autoptr(GHashTable) classes = NULL;
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "map", "--phase", "1", "--date", "2026-03-01", "--output", svg, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  classes = map_read_territories (svg);
  ck_assert_uint_eq (g_hash_table_size (classes), 149);
  /* ti-0101 is Cap Excellence in phase 1: its own shape, not phase 2's. */
  ck_assert (g_hash_table_contains (classes, "ti-0101"));
  /* The default colouring: 0 of 4 operators everywhere. */
  ck_assert_str_eq (g_hash_table_lookup (classes, "ti-0101"), "0");
  map_assert_text (svg, "none (149)");
  map_assert_text (svg, "As of 2026-03-01, phase 1 (2018-2022)");
}
END_TEST

START_TEST (test_region)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *svg = g_build_filename (dir->path, "map.svg", NULL);
  g_autoptr(GHashTable) classes = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (NULL);
  g_autoptr(GPtrArray) in_region = NULL;
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) overseas = { 0 };
  guint expected = 0;

  in_region = terrind_registry_list_territories_in_region (registry, "84");
  for (guint i = 0; i < in_region->len; i++)
    if (terrind_territory_get_phase (g_ptr_array_index (in_region, i)) == 2)
      expected++;
  ck_assert_uint_gt (expected, 0);

  tool_run (&run, "map", "--region", "84", "--date", "2026-03-01", "-o", svg, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  classes = map_read_territories (svg);
  ck_assert_uint_eq (g_hash_table_size (classes), expected);
  ck_assert_uint_eq (map_count (svg, "//*[local-name()='g'][@data-frame]"), 1);
  ck_assert_uint_eq (map_count (svg, "//*[local-name()='path'][@class='region']"), 1);
  map_assert_text (svg, "Auvergne-Rhône-Alpes");

  /* An overseas region fills the map in its own projection. */
  tool_run (&overseas, "map", "--region", "04", "--date", "2026-03-01", "-o", svg, NULL);
  assert_status (&overseas, TERRIND_CLI_EXIT_OK);
  g_clear_pointer (&classes, g_hash_table_unref);
  classes = map_read_territories (svg);
  ck_assert_uint_eq (g_hash_table_size (classes), 2);
  ck_assert_uint_eq (map_count (svg, "//*[local-name()='g'][@data-frame='04']"), 1);
  map_assert_text (svg, "EPSG:2975");
}
END_TEST

START_TEST (test_commitment)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *svg = g_build_filename (dir->path, "map.svg", NULL);
  g_autofree char *fixture = tool_fixture ("valid.xml");
  g_autoptr(GHashTable) classes = NULL;
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) mine = { 0 };

  /* Its convention is of phase 1: so is the map, without --phase. */
  tool_run (&run, "map", "--commitment", "bpi-single-referent", "--date", "2026-03-01",
            "-o", svg, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  classes = map_read_territories (svg);
  ck_assert_uint_eq (g_hash_table_size (classes), 149);
  ck_assert_str_eq (g_hash_table_lookup (classes, "ti-8401"), "2");   /* missed */
  map_assert_text (svg, "missed: no referent (149)");
  map_assert_text (svg, ": missed");

  /* One referent in office of three territories. */
  tool_run (&mine, "map", "--file", fixture, "--commitment", "c-referent", "--date", "2026-03-01",
            "-o", svg, NULL);
  assert_status (&mine, TERRIND_CLI_EXIT_OK);
  g_clear_pointer (&classes, g_hash_table_unref);
  classes = map_read_territories (svg);
  ck_assert_uint_eq (g_hash_table_size (classes), 3);
}
END_TEST

START_TEST (test_referents)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *svg = g_build_filename (dir->path, "map.svg", NULL);
  g_autofree char *fixture = tool_fixture ("valid.xml");
  g_autoptr(GHashTable) classes = NULL;
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) before = { 0 };
  g_auto(ToolRun) counts = { 0 };

  tool_run (&run, "map", "--file", fixture, "--operator", "pole-emploi", "--date", "2026-03-01",
            "-o", svg, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  classes = map_read_territories (svg);
  ck_assert_uint_eq (g_hash_table_size (classes), 3);
  ck_assert_str_eq (g_hash_table_lookup (classes, "ti-8401"), "0");
  ck_assert_str_eq (g_hash_table_lookup (classes, "ti-8402"), "1");
  ck_assert_str_eq (g_hash_table_lookup (classes, "ti-5301"), "1");

  /* The referent took office on 2019-06-01: not yet on 2019-01-01. */
  tool_run (&before, "map", "--file", fixture, "--operator", "pole-emploi", "--date", "2019-01-01",
            "-o", svg, NULL);
  assert_status (&before, TERRIND_CLI_EXIT_OK);
  g_clear_pointer (&classes, g_hash_table_unref);
  classes = map_read_territories (svg);
  ck_assert_str_eq (g_hash_table_lookup (classes, "ti-8401"), "1");

  /* By default, how many operators: one each in ti-8401 and ti-5301. */
  tool_run (&counts, "map", "--file", fixture, "--date", "2026-03-01", "-o", svg, NULL);
  assert_status (&counts, TERRIND_CLI_EXIT_OK);
  g_clear_pointer (&classes, g_hash_table_unref);
  classes = map_read_territories (svg);
  ck_assert_str_eq (g_hash_table_lookup (classes, "ti-8401"), "1");
  ck_assert_str_eq (g_hash_table_lookup (classes, "ti-5301"), "1");
  ck_assert_str_eq (g_hash_table_lookup (classes, "ti-8402"), "0");
}
END_TEST

/* The map is a function of its inputs: the same twice, and the same to
 * standard output as to a file. */
START_TEST (test_stdout_and_reproducible)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *svg = g_build_filename (dir->path, "map.svg", NULL);
  g_autofree char *contents = NULL;
  g_auto(ToolRun) to_file = { 0 };
  g_auto(ToolRun) first = { 0 };
  g_auto(ToolRun) second = { 0 };

  tool_run (&to_file, "map", "--date", "2026-03-01", "-o", svg, NULL);
  assert_status (&to_file, TERRIND_CLI_EXIT_OK);
  tool_run (&first, "map", "--date", "2026-03-01", "-o", "-", NULL);
  assert_status (&first, TERRIND_CLI_EXIT_OK);
  tool_run (&second, "map", "--date", "2026-03-01", "-o", "-", NULL);
  assert_status (&second, TERRIND_CLI_EXIT_OK);
  ck_assert (g_file_get_contents (svg, &contents, NULL, NULL));
  ck_assert_str_eq (first.out->str, contents);
  ck_assert_str_eq (first.out->str, second.out->str);
  ck_assert (g_str_has_prefix (first.out->str, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
}
END_TEST

/* Names are text in the SVG, never markup. */
START_TEST (test_hostile_names)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *svg = g_build_filename (dir->path, "map.svg", NULL);
  g_autofree char *registry_path = g_build_filename (dir->path, "hostile.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) classes = NULL;
  g_auto(ToolRun) run = { 0 };
  const char *hostile = "<script>alert(1)</script> & \"quoted\" ]]> 'x'";

  {
    g_autoptr(TerrindRegion) region = terrind_region_new ("84", hostile, &error);
    g_autoptr(TerrindOperator) op = terrind_operator_new ("bpifrance", hostile, &error);
    g_autoptr(TerrindTerritory) territory = terrind_territory_new ("ti-8401", hostile, "84", &error);
    g_autoptr(TerrindTerritory) shapeless = terrind_territory_new ("ti-8499", "Nowhere", "84", &error);

    terrind_assert_no_error (error);
    ck_assert (terrind_registry_add_region (registry, region, &error));
    ck_assert (terrind_registry_add_operator (registry, op, &error));
    ck_assert (terrind_registry_add_territory (registry, territory, &error));
    ck_assert (terrind_registry_add_territory (registry, shapeless, &error));
    ck_assert (terrind_registry_export_file (registry, registry_path, &error));
  }

  tool_run (&run, "map", "--file", registry_path, "--operator", "bpifrance", "--region", "84",
            "--date", "2026-03-01", "-o", svg, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  /* ti-8499 has no shape: said on stderr and in the legend, not drawn. */
  assert_contains (run.err, "1 territory without a shape");
  assert_contains (run.err, "ti-8499");
  classes = map_read_territories (svg);
  ck_assert_uint_eq (g_hash_table_size (classes), 1);
  map_assert_text (svg, "1 without a shape, not drawn");
  map_assert_text (svg, hostile);
  ck_assert (g_file_get_contents (svg, &contents, NULL, NULL));
  ck_assert (strstr (contents, "<script") == NULL);
}
END_TEST

static void
assert_geometry_refused (const char *name,
                         const char *text,
                         const char *message)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *path = g_build_filename (dir->path, name, NULL);
  g_autofree char *svg = g_build_filename (dir->path, "map.svg", NULL);
  g_auto(ToolRun) run = { 0 };

  ck_assert (g_file_set_contents (path, text, -1, NULL));
  tool_run (&run, "map", "--geometry", path, "--date", "2026-03-01", "-o", svg, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert (g_str_has_prefix (run.err->str, path));
  assert_contains (run.err, message);
  ck_assert (!g_file_test (svg, G_FILE_TEST_EXISTS));
}

#define RING "[[0,45],[1,45],[1,46],[0,45]]"
#define FEATURE(props, coordinates)                                             \
  "{\"type\":\"FeatureCollection\",\"terrind-geometry\":1,\"features\":["      \
  "{\"type\":\"Feature\",\"properties\":" props ",\"geometry\":"               \
  "{\"type\":\"Polygon\",\"coordinates\":" coordinates "}}]}"
#define TERRITORY "{\"layer\":\"territory\",\"phase\":2,\"id\":\"ti-8401\",\"region\":\"84\"}"

START_TEST (test_hostile_geometry)
{
  g_autoptr(GString) deep = g_string_new ("{\"type\":\"FeatureCollection\",\"terrind-geometry\":1,\"features\":");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');

  assert_geometry_refused ("empty.json", "", "empty");
  assert_geometry_refused ("garbage.json", "not json at all {", "not a terrind geometry file");
  assert_geometry_refused ("array.json", "[1, 2, 3]", "not a GeoJSON FeatureCollection");
  assert_geometry_refused ("unversioned.json", "{\"type\":\"FeatureCollection\",\"features\":[]}",
                           "no \"terrind-geometry\" version");
  assert_geometry_refused ("future.json",
                           "{\"type\":\"FeatureCollection\",\"terrind-geometry\":2,\"features\":[]}",
                           "geometry format 2 is not supported");
  assert_geometry_refused ("deep.json", deep->str, "nested deeper than");
  assert_geometry_refused ("strings.json", FEATURE (TERRITORY, "[[[\"0\",\"45\"],[1,45],[1,46],[0,45]]]"),
                           "feature 1: point 1 of a ring is not [longitude, latitude]");
  assert_geometry_refused ("off-globe.json", FEATURE (TERRITORY, "[[[0,95],[1,45],[1,46],[0,95]]]"),
                           "off the globe");
  assert_geometry_refused ("open.json", FEATURE (TERRITORY, "[[[0,45],[1,45],[1,46],[0,46]]]"),
                           "not closed");
  assert_geometry_refused ("short.json", FEATURE (TERRITORY, "[[[0,45],[1,45],[0,45]]]"),
                           "a ring of 3 points");
  assert_geometry_refused ("no-ring.json", FEATURE (TERRITORY, "[]"), "a polygon with no ring");
  assert_geometry_refused ("ring-not-array.json", FEATURE (TERRITORY, "[7]"), "not an array");
  assert_geometry_refused ("no-phase.json",
                           FEATURE ("{\"layer\":\"territory\",\"id\":\"ti-8401\",\"region\":\"84\"}",
                                    "[" RING "]"), "no phase");
  assert_geometry_refused ("bad-id.json",
                           FEATURE ("{\"layer\":\"territory\",\"phase\":2,\"id\":\"<x>\",\"region\":\"84\"}",
                                    "[" RING "]"), "without a plain id");
  assert_geometry_refused ("layer.json", FEATURE ("{\"layer\":\"river\"}", "[" RING "]"),
                           "unknown layer");
  assert_geometry_refused ("twice.json",
                           "{\"type\":\"FeatureCollection\",\"terrind-geometry\":1,\"features\":["
                           "{\"properties\":" TERRITORY ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" RING "]}},"
                           "{\"properties\":" TERRITORY ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" RING "]}}]}",
                           "feature 2: territory ti-8401 of phase 2 twice");
  assert_geometry_refused ("point.json",
                           "{\"type\":\"FeatureCollection\",\"terrind-geometry\":1,\"features\":["
                           "{\"properties\":" TERRITORY ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[0,45]}}]}",
                           "a geometry of type 'Point'");
}
END_TEST

/* A file of no region and one territory is enough to draw it. */
START_TEST (test_small_geometry)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *path = g_build_filename (dir->path, "small.json", NULL);
  g_autofree char *svg = g_build_filename (dir->path, "map.svg", NULL);
  g_autoptr(GHashTable) classes = NULL;
  g_auto(ToolRun) run = { 0 };

  ck_assert (g_file_set_contents (path, FEATURE (TERRITORY, "[" RING "]"), -1, NULL));
  tool_run (&run, "map", "--geometry", path, "--date", "2026-03-01", "-o", svg, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  assert_contains (run.err, "182 territories without a shape");
  classes = map_read_territories (svg);
  ck_assert_uint_eq (g_hash_table_size (classes), 1);
  ck_assert (g_hash_table_contains (classes, "p2-ti-8401"));
}
END_TEST

START_TEST (test_output_kinds)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *target = g_build_filename (dir->path, "target.svg", NULL);
  g_autofree char *link = g_build_filename (dir->path, "link.svg", NULL);
  g_autofree char *contents = NULL;
  g_auto(ToolRun) run = { 0 };
  GStatBuf info;

  mode_t old_umask;

  ck_assert (g_file_set_contents (target, "old", -1, NULL));
  /* Group-writable under a umask that would take that bit from a new file. */
  ck_assert_int_eq (g_chmod (target, 0664), 0);
  ck_assert_int_eq (symlink ("target.svg", link), 0);
  old_umask = umask (022);
  tool_run (&run, "map", "--date", "2026-03-01", "-o", link, NULL);
  umask (old_umask);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  /* The link stays a link; the file it leads to is the map, mode kept. */
  ck_assert_int_eq (g_lstat (link, &info), 0);
  ck_assert (S_ISLNK (info.st_mode));
  ck_assert (g_file_get_contents (target, &contents, NULL, NULL));
  ck_assert (g_str_has_prefix (contents, "<?xml"));
  ck_assert_int_eq (g_stat (target, &info), 0);
  ck_assert_uint_eq (info.st_mode & 0777, 0664);
}
END_TEST

START_TEST (test_failures)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *svg = g_build_filename (dir->path, "map.svg", NULL);
  g_autofree char *nowhere = g_build_filename (dir->path, "no-such-dir", "map.svg", NULL);
  g_autofree char *absent = g_build_filename (dir->path, "absent.json", NULL);
  struct {
    const char *args[8];
    int         status;
    const char *message;
  } cases[] = {
    { { "--operator", "nobody" }, TERRIND_CLI_EXIT_USAGE, "no operator with id 'nobody'" },
    { { "--commitment", "nothing" }, TERRIND_CLI_EXIT_USAGE, "no commitment with id 'nothing'" },
    { { "--operator", "bpifrance", "--commitment", "bpi-single-referent" }, TERRIND_CLI_EXIT_USAGE,
      "--operator and --commitment exclude each other" },
    { { "--phase", "x" }, TERRIND_CLI_EXIT_USAGE, "--phase takes a phase number" },
    { { "--phase", "7" }, TERRIND_CLI_EXIT_USAGE, "no phase 7" },
    { { "--region", "99" }, TERRIND_CLI_EXIT_USAGE, "no region with code '99'" },
    { { "--date", "2026-02-30" }, TERRIND_CLI_EXIT_USAGE, "--date takes a day" },
    { { "--date", "tomorrow" }, TERRIND_CLI_EXIT_USAGE, "--date takes a day" },
    { { "extra" }, TERRIND_CLI_EXIT_USAGE, "unexpected argument 'extra'" },
    { { "--geometry", absent }, TERRIND_CLI_EXIT_USAGE, "absent.json" },
    { { "--geometry", dir->path }, TERRIND_CLI_EXIT_USAGE, dir->path },
  };
  g_auto(ToolRun) no_output = { 0 };
  g_auto(ToolRun) unwritable = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(ToolRun) run = { 0 };
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();

      g_ptr_array_add (argv, (gpointer) "terrind");
      g_ptr_array_add (argv, (gpointer) "map");
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (argv, (gpointer) cases[i].args[a]);
      g_ptr_array_add (argv, (gpointer) "-o");
      g_ptr_array_add (argv, svg);
      g_ptr_array_add (argv, NULL);
      run.out = g_string_new (NULL);
      run.err = g_string_new (NULL);
      run.status = terrind_cli_run ((int) argv->len - 1, (char **) argv->pdata, run.out, run.err);
      assert_status (&run, cases[i].status);
      assert_contains (run.err, cases[i].message);
      ck_assert_msg (!g_file_test (svg, G_FILE_TEST_EXISTS), "case %u wrote a map", i);
    }

  tool_run (&no_output, "map", NULL);
  assert_status (&no_output, TERRIND_CLI_EXIT_USAGE);
  assert_contains (no_output.err, "no output: give -o FILE");

  tool_run (&unwritable, "map", "--date", "2026-03-01", "-o", nowhere, NULL);
  assert_status (&unwritable, TERRIND_CLI_EXIT_USAGE);
  assert_contains (unwritable.err, "terrind map: cannot write '");
  assert_contains (unwritable.err, "no-such-dir");
}
END_TEST

START_TEST (test_help)
{
  g_auto(ToolRun) run = { 0 };
  const char *options[] = { "--file", "--phase", "--operator", "--commitment", "--region",
                            "--date", "--geometry", "--output", "--help" };

  tool_run (&run, "map", "--help", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert (g_str_has_prefix (run.out->str, "Usage:\n  terrind map [OPTION…]\n"));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    assert_contains (run.out, options[i]);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-map");
  TCase *tc = tcase_create ("map");

  map_test_setup ();
  tcase_add_test (tc, test_operator_phase2);
  tcase_add_test (tc, test_phase1);
  tcase_add_test (tc, test_region);
  tcase_add_test (tc, test_commitment);
  tcase_add_test (tc, test_referents);
  tcase_add_test (tc, test_stdout_and_reproducible);
  tcase_add_test (tc, test_hostile_names);
  tcase_add_test (tc, test_hostile_geometry);
  tcase_add_test (tc, test_small_geometry);
  tcase_add_test (tc, test_output_kinds);
  tcase_add_test (tc, test_failures);
  tcase_add_test (tc, test_help);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
