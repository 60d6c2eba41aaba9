/* test-xml-roundtrip.c: import(export(r)) == r, and export is canonical
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>

#include "test-xml-common.h"

#define OK(call) ck_assert_msg ((call), "%s failed", #call)

/* Every field set, some to the empty string (which differs from unset),
 * and values full of what needs escaping: non-ASCII, quotes, "&", "<",
 * ">", tabs and newlines in texts, the largest amount. Entities are added
 * out of id order. */
static TerrindRegistry *
build_everything (void)
{
  TerrindRegistry *registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) r1 = terrind_region_new ("93", "Provence-Alpes-Côte d'Azur", NULL);
  g_autoptr(TerrindRegion) r2 = terrind_region_new ("84", "A \"quoted\" <name> & more", NULL);
  g_autoptr(TerrindOperator) o1 = terrind_operator_new ("pole-emploi", "France Travail", NULL);
  g_autoptr(TerrindOperator) o2 = terrind_operator_new ("bdt", "Banque des Territoires", NULL);
  g_autoptr(TerrindTerritory) t1 = terrind_territory_new ("ti-z", "Zône ✓", "93", NULL);
  g_autoptr(TerrindTerritory) t2 = terrind_territory_new ("ti-a", "Ärve > Mont-Blanc", "84", NULL);
  g_autoptr(TerrindConvention) c1 = terrind_convention_new ("conv-pe", "pole-emploi", "2019-03-05", NULL);
  g_autoptr(TerrindConvention) c2 = terrind_convention_new ("conv-bdt", "bdt", "2019-03-05", NULL);
  g_autoptr(TerrindCommitment) k1 = terrind_commitment_new ("pe-tool", TERRIND_COMMITMENT_TOOL,
                                                            "Formadiag:\n\tligne 2 & <fin>", NULL);
  g_autoptr(TerrindCommitment) k2 = terrind_commitment_new ("bdt-equity",
                                                            TERRIND_COMMITMENT_MONEY_ENVELOPE,
                                                            "100 M€ par an", NULL);
  g_autoptr(TerrindCommitment) k3 = terrind_commitment_new ("bdt-max",
                                                            TERRIND_COMMITMENT_MONEY_ENVELOPE,
                                                            "max", NULL);
  g_autoptr(TerrindReferent) ref1 = terrind_referent_new ("ref-2", "pole-emploi", "ti-a",
                                                          "Zoë \"Z\" O'Brien", NULL);
  g_autoptr(TerrindReferent) ref2 = terrind_referent_new ("ref-1", "bdt", "ti-a", "Ana", NULL);

  OK (terrind_operator_set_kind (o1, "", NULL));
  OK (terrind_operator_add_former_name (o1, "ANPE", NULL, NULL));
  OK (terrind_operator_add_former_name (o1, "Pôle emploi", "2023-12-31", NULL));
  OK (terrind_territory_set_phase (t2, 2, NULL));
  OK (terrind_territory_add_member (t2, "217400563", NULL));
  OK (terrind_territory_add_member (t2, "200000172", NULL));
  OK (terrind_territory_add_department (t2, "74", NULL));
  OK (terrind_territory_add_department (t2, "2A", NULL));
  OK (terrind_convention_set_place (c1, "", NULL));
  OK (terrind_convention_set_title (c1, "Convention « Territoires d'industrie »", NULL));
  OK (terrind_convention_add_signatory (c1, "Agnès Pannier-Runacher", "", NULL));
  OK (terrind_convention_add_signatory (c1, "Jacqueline Gourault", NULL, NULL));
  OK (terrind_commitment_add_target (k1, "priority", 20, NULL));
  OK (terrind_commitment_add_target (k1, "reinforced", 0, NULL));
  OK (terrind_commitment_set_amount (k2, 100000000, TERRIND_AMOUNT_PER_YEAR, NULL));
  OK (terrind_commitment_set_years (k2, 2019, 2022, NULL));
  terrind_commitment_set_approximate (k2, TRUE);
  OK (terrind_commitment_add_theme (k2, "friches & foncier", NULL));
  OK (terrind_commitment_add_theme (k2, "mobilité", NULL));
  OK (terrind_commitment_set_amount (k3, G_MAXINT64, TERRIND_AMOUNT_TOTAL, NULL));
  OK (terrind_convention_add_commitment (c1, k1, NULL));
  OK (terrind_convention_add_commitment (c2, k3, NULL));
  OK (terrind_convention_add_commitment (c2, k2, NULL));
  OK (terrind_referent_set_role (ref1, "", NULL));
  OK (terrind_referent_set_email (ref1, "zoe.obrien+ti@example.fr", NULL));
  OK (terrind_referent_set_phone (ref1, "+33 (0)4 50.00-00-00", NULL));
  OK (terrind_referent_set_start_date (ref1, "2020-02-29", NULL));

  OK (terrind_registry_add_region (registry, r1, NULL));
  OK (terrind_registry_add_region (registry, r2, NULL));
  OK (terrind_registry_add_operator (registry, o1, NULL));
  OK (terrind_registry_add_operator (registry, o2, NULL));
  OK (terrind_registry_add_territory (registry, t1, NULL));
  OK (terrind_registry_add_territory (registry, t2, NULL));
  OK (terrind_registry_add_convention (registry, c1, NULL));
  OK (terrind_registry_add_convention (registry, c2, NULL));
  OK (terrind_registry_add_referent (registry, ref1, NULL));
  OK (terrind_registry_add_referent (registry, ref2, NULL));
  return registry;
}

START_TEST (test_roundtrip_everything)
{
  g_autoptr(TerrindRegistry) registry = build_everything ();
  g_autoptr(TerrindRegistry) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *dump_again = NULL;
  gsize length;

  exported = terrind_registry_export_data (registry, &length, &error);
  terrind_assert_no_error (error);
  again = terrind_registry_new_from_data (exported, length, &error);
  ck_assert_msg (again != NULL, "%s\n%s", error != NULL ? error->message : "", exported);
  ck_assert (terrind_registry_equal (registry, again));
  /* Equal by every getter, too: empty strings stay empty, unset stays unset. */
  dump = terrind_test_dump_registry (registry);
  dump_again = terrind_test_dump_registry (again);
  ck_assert_str_eq (dump, dump_again);
  exported_again = terrind_registry_export_data (again, NULL, &error);
  ck_assert_str_eq (exported, exported_again);
}
END_TEST

/* The exact canonical text of a small registry: sorted sections, sorted
 * entities, attribute order, escapes, omitted unset attributes. */
START_TEST (test_canonical_text)
{
  g_autoptr(TerrindRegistry) registry = build_everything ();
  g_autofree char *exported = terrind_registry_export_data (registry, NULL, NULL);
  static const char expected[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
    "  <regions>\n"
    "    <region code=\"84\" name=\"A &quot;quoted&quot; &lt;name&gt; &amp; more\"/>\n"
    "    <region code=\"93\" name=\"Provence-Alpes-Côte d'Azur\"/>\n"
    "  </regions>\n"
    "  <operators>\n"
    "    <operator id=\"bdt\" name=\"Banque des Territoires\"/>\n"
    "    <operator id=\"pole-emploi\" name=\"France Travail\" kind=\"\">\n"
    "      <former-name name=\"ANPE\"/>\n"
    "      <former-name name=\"Pôle emploi\" until=\"2023-12-31\"/>\n"
    "    </operator>\n"
    "  </operators>\n"
    "  <territories>\n"
    "    <territory id=\"ti-a\" name=\"Ärve &gt; Mont-Blanc\" region=\"84\" phase=\"2\">\n"
    "      <member siren=\"200000172\"/>\n"
    "      <member siren=\"217400563\"/>\n"
    "      <department code=\"74\"/>\n"
    "      <department code=\"2A\"/>\n"
    "    </territory>\n"
    "    <territory id=\"ti-z\" name=\"Zône ✓\" region=\"93\"/>\n"
    "  </territories>\n"
    "  <conventions>\n"
    "    <convention id=\"conv-bdt\" operator=\"bdt\" date=\"2019-03-05\">\n"
    "      <commitment id=\"bdt-equity\" kind=\"money-envelope\" amount=\"100000000\" "
    "period=\"per-year\" first-year=\"2019\" last-year=\"2022\" approximate=\"true\">\n"
    "        <text>100 M€ par an</text>\n"
    "        <theme>friches &amp; foncier</theme>\n"
    "        <theme>mobilité</theme>\n"
    "      </commitment>\n"
    "      <commitment id=\"bdt-max\" kind=\"money-envelope\" amount=\"9223372036854775807\" "
    "period=\"total\">\n"
    "        <text>max</text>\n"
    "      </commitment>\n"
    "    </convention>\n"
    "    <convention id=\"conv-pe\" operator=\"pole-emploi\" date=\"2019-03-05\" place=\"\" "
    "title=\"Convention « Territoires d'industrie »\">\n"
    "      <signatory name=\"Agnès Pannier-Runacher\" role=\"\"/>\n"
    "      <signatory name=\"Jacqueline Gourault\"/>\n"
    "      <commitment id=\"pe-tool\" kind=\"tool\">\n"
    "        <text>Formadiag:\n\tligne 2 &amp; &lt;fin&gt;</text>\n"
    "        <target level=\"priority\" count=\"20\"/>\n"
    "        <target level=\"reinforced\" count=\"0\"/>\n"
    "      </commitment>\n"
    "    </convention>\n"
    "  </conventions>\n"
    "  <referents>\n"
    "    <referent id=\"ref-1\" operator=\"bdt\" territory=\"ti-a\" person=\"Ana\"/>\n"
    "    <referent id=\"ref-2\" operator=\"pole-emploi\" territory=\"ti-a\" "
    "person=\"Zoë &quot;Z&quot; O'Brien\" role=\"\" email=\"zoe.obrien+ti@example.fr\" "
    "phone=\"+33 (0)4 50.00-00-00\" start=\"2020-02-29\"/>\n"
    "  </referents>\n"
    "</registry>\n";

  ck_assert_str_eq (exported, expected);
}
END_TEST

START_TEST (test_empty_registry)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegistry) again = NULL;
  g_autofree char *exported = NULL;
  gsize length = 0;

  exported = terrind_registry_export_data (registry, &length, NULL);
  ck_assert_str_eq (exported,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
                    "  <regions/>\n  <operators/>\n  <territories/>\n  <conventions/>\n"
                    "  <referents/>\n</registry>\n");
  ck_assert_uint_eq (length, strlen (exported));
  again = terrind_registry_new_from_data (exported, length, NULL);
  ck_assert_ptr_nonnull (again);
  ck_assert (terrind_registry_equal (registry, again));
}
END_TEST

/* The stream export writes the same bytes, in chunks, and a big registry
 * takes several. */
START_TEST (test_export_stream)
{
  g_autoptr(TerrindRegistry) registry = build_everything ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gsize length;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%05u", i);
      g_autoptr(TerrindRegion) region = terrind_region_new (id, "Une région assez longue", NULL);

      OK (terrind_registry_add_region (registry, region, NULL));
    }
  expected = terrind_registry_export_data (registry, &length, NULL);
  ck_assert_uint_gt (length, 256 * 1024);

  ck_assert (terrind_registry_export_stream (registry, stream, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert (g_output_stream_close (stream, NULL, NULL));
  ck_assert_uint_eq (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                     length);
  ck_assert (memcmp (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                     expected, length) == 0);
}
END_TEST

START_TEST (test_export_stream_failure)
{
  g_autoptr(TerrindRegistry) registry = build_everything ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) closed = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ck_assert (!terrind_registry_export_stream (registry, stream, cancellable, &error));
  terrind_assert_error (error, TERRIND_ERROR_IO);

  ck_assert (g_output_stream_close (closed, NULL, NULL));
  ck_assert (!terrind_registry_export_stream (registry, closed, NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_IO);
}
END_TEST

START_TEST (test_export_file)
{
  g_autoptr(TerrindRegistry) registry = build_everything ();
  g_autoptr(TerrindRegistry) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("terrind-roundtrip-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "registry.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = terrind_registry_export_data (registry, NULL, NULL);

  ck_assert (terrind_registry_export_file (registry, path, &error));
  terrind_assert_no_error (error);
  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  ck_assert_str_eq (contents, expected);
  again = terrind_registry_new_from_file (path, &error);
  terrind_assert_no_error (error);
  ck_assert (terrind_registry_equal (registry, again));
  ck_assert_int_eq (g_remove (path), 0);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

/* The schema the build wrote from the description, which is installed, is
 * the one compiled in. */
START_TEST (test_schema_is_compiled_in)
{
  const char *top = g_getenv ("TERRIND_TOP_BUILDDIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length, schema_length = 0;
  const char *schema;

  ck_assert_msg (top != NULL, "TERRIND_TOP_BUILDDIR is not set");
  path = g_build_filename (top, "lib", "terrind-1.xsd", NULL);
  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  schema = terrind_xml_get_schema (&schema_length);
  ck_assert_uint_eq (schema_length, length);
  ck_assert_str_eq (schema, contents);
  ck_assert_ptr_eq (terrind_xml_get_schema (NULL), schema);
}
END_TEST

static Suite *
xml_roundtrip_suite (void)
{
  Suite *suite = suite_create ("xml-roundtrip");
  TCase *tcase = tcase_create ("roundtrip");

  tcase_add_test (tcase, test_roundtrip_everything);
  tcase_add_test (tcase, test_canonical_text);
  tcase_add_test (tcase, test_empty_registry);
  tcase_add_test (tcase, test_export_stream);
  tcase_add_test (tcase, test_export_stream_failure);
  tcase_add_test (tcase, test_export_file);
  tcase_add_test (tcase, test_schema_is_compiled_in);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return terrind_test_run (xml_roundtrip_suite ());
}
