/* test-default-dataset.c: the embedded default dataset against its sources
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Reads the files under data/sources/ independently of the converter and
 * checks every fact the default dataset states: regions, territories and
 * their 588 member SIRENs, operators, conventions and every commitment.
 */

#include "config.h"

#include <string.h>

#include "terrind-test.h"

static TerrindRegistry *registry;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  registry = terrind_registry_new_default (&error);
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (registry);
}

static void
teardown (void)
{
  g_clear_pointer (&registry, terrind_registry_unref);
}

static char *
source_path (const char *name)
{
  const char *top = g_getenv ("TERRIND_TOP_SRCDIR");

  ck_assert_msg (top != NULL, "TERRIND_TOP_SRCDIR is not set");
  return g_build_filename (top, "data", "sources", name, NULL);
}

static char *
read_source (const char *name)
{
  g_autofree char *path = source_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, &error), "%s", error ? error->message : "");
  return contents;
}

/* A small RFC 4180 reader: one row of fields per line, quoted fields may
 * hold commas and doubled quotes (the sources hold no line break inside a
 * field). Returns an array of GStrv, header included. */
static GPtrArray *
read_csv (const char *name)
{
  g_autofree char *contents = read_source (name);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();
      g_autoptr(GString) field = g_string_new (NULL);
      const char *p = lines[i];
      gboolean quoted = FALSE;

      if (*p == '\0')
        continue;
      for (; *p != '\0' && *p != '\r'; p++)
        {
          if (quoted && *p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = !quoted;
          else if (*p == ',' && !quoted)
            {
              g_ptr_array_add (fields, g_strdup (field->str));
              g_string_truncate (field, 0);
            }
          else
            g_string_append_c (field, *p);
        }
      ck_assert_msg (!quoted, "%s: unterminated quote on line %u", name, i + 1);
      g_ptr_array_add (fields, g_strdup (field->str));
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&fields), FALSE));
    }
  return rows;
}

START_TEST (test_regions)
{
  g_autofree char *json = read_source ("regions.json");
  g_autoptr(GRegex) row = g_regex_new ("\\{\"code\":\"([^\"]+)\",[^\\n]*\"nom\":\"([^\"]+)\",[^\\n]*\"zone\":\"([a-z]+)\"\\}",
                                       0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint kept = 0;
  guint rows = 0;

  for (g_regex_match (row, json, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *code = g_match_info_fetch (match, 1);
      g_autofree char *name = g_match_info_fetch (match, 2);
      g_autofree char *zone = g_match_info_fetch (match, 3);
      TerrindRegion *region = terrind_registry_get_region (registry, code);

      rows++;
      if (g_str_equal (zone, "metro") || g_str_equal (zone, "drom"))
        {
          ck_assert_msg (region != NULL, "region %s missing", code);
          ck_assert_str_eq (terrind_region_get_name (region), name);
          kept++;
        }
      else
        ck_assert_msg (region == NULL, "overseas collectivity %s should not be a region", code);
    }
  ck_assert_uint_eq (rows, 26);
  ck_assert_uint_eq (kept, 18);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 18);
}
END_TEST

START_TEST (test_territories)
{
  g_autoptr(GPtrArray) rows = read_csv ("ti_phase1_2022_territoires.csv");
  guint n_members = 0;

  ck_assert_str_eq (((char **) g_ptr_array_index (rows, 0))[5], "siren_groupements");
  ck_assert_uint_eq (rows->len - 1, 149);
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 149);

  for (guint i = 1; i < rows->len; i++)
    {
      char **f = g_ptr_array_index (rows, i);
      TerrindTerritory *territory = terrind_registry_get_territory (registry, f[0]);
      g_auto(GStrv) sirens = g_strsplit (f[5], ";", -1);

      ck_assert_msg (territory != NULL, "territory %s missing", f[0]);
      ck_assert_str_eq (terrind_territory_get_region_code (territory), f[1]);
      ck_assert_str_eq (terrind_territory_get_name (territory), f[3]);
      ck_assert_uint_eq (terrind_territory_get_phase (territory), 1);
      ck_assert_uint_eq (terrind_territory_get_n_members (territory), g_strv_length (sirens));
      ck_assert_uint_eq (terrind_territory_get_n_members (territory), (guint) atoi (f[4]));
      for (guint j = 0; sirens[j] != NULL; j++)
        ck_assert_msg (terrind_territory_has_member (territory, sirens[j]),
                       "%s lacks member %s", f[0], sirens[j]);
      ck_assert_uint_eq (terrind_territory_get_n_departments (territory), 0);
      n_members += terrind_territory_get_n_members (territory);
    }
  ck_assert_uint_eq (n_members, 588);
}
END_TEST

/* The 588 (territory, SIREN) rows, and the Etalab reference check: 585 are
 * current EPCI or communes, 3 are EPT, none has disappeared. */
START_TEST (test_member_sirens)
{
  g_autoptr(GPtrArray) members = read_csv ("ti_phase1_2022_membres.csv");
  g_autoptr(GPtrArray) reference = read_csv ("epci-sirens.csv");
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  guint epci_or_commune = 0;
  guint ept = 0;
  guint not_found = 0;

  for (guint i = 1; i < reference->len; i++)
    {
      char **f = g_ptr_array_index (reference, i);
      g_hash_table_insert (kinds, f[0], f[1]);
    }

  ck_assert_uint_eq (members->len - 1, 588);
  for (guint i = 1; i < members->len; i++)
    {
      char **f = g_ptr_array_index (members, i);
      TerrindTerritory *territory = terrind_registry_find_territory_by_member (registry, f[1]);
      const char *kind = g_hash_table_lookup (kinds, f[1]);

      ck_assert_msg (territory != NULL, "SIREN %s is in no territory", f[1]);
      ck_assert_str_eq (terrind_territory_get_id (territory), f[0]);
      if (kind == NULL)
        not_found++;
      else if (g_str_equal (kind, "ept"))
        ept++;
      else if (g_str_equal (kind, "epci") || g_str_equal (kind, "commune"))
        epci_or_commune++;
    }
  ck_assert_uint_eq (epci_or_commune, 585);
  ck_assert_uint_eq (ept, 3);
  ck_assert_uint_eq (not_found, 0);
}
END_TEST

START_TEST (test_operators)
{
  static const char *const ids[] = {
    "banque-des-territoires", "bpifrance", "business-france", "pole-emploi",
  };
  TerrindOperator *pole_emploi;

  ck_assert_uint_eq (terrind_registry_get_n_operators (registry), 4);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ck_assert_ptr_nonnull (terrind_registry_get_operator (registry, ids[i]));
  ck_assert_str_eq (terrind_operator_get_name (terrind_registry_get_operator (registry, "business-france")),
                    "Business France");

  /* Renamed on 1 January 2024; the id stays. */
  pole_emploi = terrind_registry_get_operator (registry, "pole-emploi");
  ck_assert_str_eq (terrind_operator_get_name (pole_emploi), "France Travail");
  ck_assert_uint_eq (terrind_operator_get_n_former_names (pole_emploi), 1);
  ck_assert_str_eq (terrind_operator_get_former_name (pole_emploi, 0), "Pôle emploi");
  ck_assert_str_eq (terrind_operator_get_former_name_until (pole_emploi, 0), "2023-12-31");
}
END_TEST

START_TEST (test_conventions)
{
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);

  ck_assert_uint_eq (conventions->len, 4);
  for (guint i = 0; i < conventions->len; i++)
    {
      TerrindConvention *convention = g_ptr_array_index (conventions, i);
      const char *op = terrind_convention_get_operator_id (convention);
      g_autofree char *id = g_strdup_printf ("conv-2019-%s", op);

      ck_assert_str_eq (terrind_convention_get_id (convention), id);
      ck_assert_str_eq (terrind_convention_get_date (convention), "2019-03-05");
      ck_assert_str_eq (terrind_convention_get_place (convention), "Lyon");
      ck_assert_str_eq (terrind_convention_get_title (convention), "Convention de mobilisation");
      /* The release names the two members of the government, nobody else. */
      ck_assert_uint_eq (terrind_convention_get_n_signatories (convention), 2);
      ck_assert_str_eq (terrind_convention_get_signatory_name (convention, 0), "Jacqueline Gourault");
      ck_assert_str_eq (terrind_convention_get_signatory_name (convention, 1), "Agnès Pannier-Runacher");
      ck_assert (g_str_has_prefix (terrind_convention_get_signatory_role (convention, 0),
                                   "Ministre de la Cohésion des territoires"));
      ck_assert (g_str_has_prefix (terrind_convention_get_signatory_role (convention, 1),
                                   "Secrétaire d'État auprès du ministre de l'Économie"));
      ck_assert_uint_eq (terrind_convention_get_n_commitments (convention), 3);
    }
}
END_TEST

/* Every commitment of the release, with its kind, a phrase of its sentence
 * and the operator whose convention holds it. */
static const struct {
  const char           *id;
  const char           *operator_id;
  TerrindCommitmentKind kind;
  const char           *phrase;
} commitments[] = {
  { "bdt-equity-envelope", "banque-des-territoires", TERRIND_COMMITMENT_MONEY_ENVELOPE, "100 M€ par an d'ici à 2022" },
  { "bdt-engineering-envelope", "banque-des-territoires", TERRIND_COMMITMENT_MONEY_ENVELOPE, "enveloppe d'ingénierie" },
  { "bdt-single-referent", "banque-des-territoires", TERRIND_COMMITMENT_REFERENT_PER_TERRITORY, "1 référent unique" },
  { "bf-coach-international", "business-france", TERRIND_COMMITMENT_REFERENT_PER_TERRITORY, "« Coach international » Team France Export" },
  { "bf-priority-territories", "business-france", TERRIND_COMMITMENT_YEARLY_TARGET, "dont 5 de manière renforcée" },
  { "bf-single-referent", "business-france", TERRIND_COMMITMENT_REFERENT_PER_TERRITORY, "1 référent unique" },
  { "pe-formadiag", "pole-emploi", TERRIND_COMMITMENT_TOOL, "Formadiag" },
  { "pe-referent-advisor", "pole-emploi", TERRIND_COMMITMENT_REFERENT_PER_TERRITORY, "unique conseiller référent" },
  { "pe-single-referent", "pole-emploi", TERRIND_COMMITMENT_REFERENT_PER_TERRITORY, "1 référent unique" },
  { "bpi-accelerators", "bpifrance", TERRIND_COMMITMENT_PROGRAMME_ACCESS, "notamment aux accélérateurs" },
  { "bpi-vte-experiment", "bpifrance", TERRIND_COMMITMENT_EXPERIMENT, "volontariat territorial en entreprise (VTE)" },
  { "bpi-single-referent", "bpifrance", TERRIND_COMMITMENT_REFERENT_PER_TERRITORY, "1 référent unique" },
};

START_TEST (test_commitment)
{
  g_autofree char *release = read_source ("communique-2019-03-07.md");
  g_autoptr(GString) plain = g_string_new (release);
  g_autofree char *convention_id = g_strdup_printf ("conv-2019-%s", commitments[_i].operator_id);
  TerrindConvention *convention = terrind_registry_get_convention (registry, convention_id);
  TerrindCommitment *commitment = terrind_registry_get_commitment (registry, commitments[_i].id);
  const char *text;

  ck_assert_msg (commitment != NULL, "commitment %s missing", commitments[_i].id);
  ck_assert_ptr_eq (terrind_convention_lookup_commitment (convention, commitments[_i].id), commitment);
  ck_assert_int_eq (terrind_commitment_get_kind (commitment), commitments[_i].kind);

  /* The text is a whole sentence of the release, markdown aside. */
  g_string_replace (plain, "**", "", 0);
  text = terrind_commitment_get_text (commitment);
  ck_assert_ptr_nonnull (text);
  ck_assert_msg (strstr (plain->str, text) != NULL, "not in the release: %s", text);
  ck_assert_msg (strstr (text, commitments[_i].phrase) != NULL, "%s: no \"%s\"", text, commitments[_i].phrase);
  ck_assert_uint_gt (strlen (text), 40);
}
END_TEST

START_TEST (test_commitment_measures)
{
  TerrindCommitment *equity = terrind_registry_get_commitment (registry, "bdt-equity-envelope");
  TerrindCommitment *engineering = terrind_registry_get_commitment (registry, "bdt-engineering-envelope");
  TerrindCommitment *priority = terrind_registry_get_commitment (registry, "bf-priority-territories");
  static const char *const themes[] = {
    "foncier et immobilier industriel", "reconversion des friches", "numérique",
    "écologie industrielle", "transports et mobilité",
  };

  /* About 100 M€ per year until 2022, with its five themes. */
  ck_assert_int_eq (terrind_commitment_get_amount (equity), G_GINT64_CONSTANT (100000000));
  ck_assert_int_eq (terrind_commitment_get_amount_period (equity), TERRIND_AMOUNT_PER_YEAR);
  ck_assert (terrind_commitment_get_approximate (equity));
  ck_assert_uint_eq (terrind_commitment_get_first_year (equity), 2019);
  ck_assert_uint_eq (terrind_commitment_get_last_year (equity), 2022);
  ck_assert_uint_eq (terrind_commitment_get_n_themes (equity), G_N_ELEMENTS (themes));
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    ck_assert_str_eq (terrind_commitment_get_theme (equity, i), themes[i]);

  /* The engineering envelope states no amount: none is invented. */
  ck_assert_int_eq (terrind_commitment_get_amount_period (engineering), TERRIND_AMOUNT_NONE);

  /* About 20 priority territories a year, 5 of them reinforced. */
  ck_assert (terrind_commitment_get_approximate (priority));
  ck_assert_uint_eq (terrind_commitment_get_n_targets (priority), 2);
  ck_assert_str_eq (terrind_commitment_get_target_level (priority, 0), "priority");
  ck_assert_uint_eq (terrind_commitment_get_target_count (priority, 0), 20);
  ck_assert_str_eq (terrind_commitment_get_target_level (priority, 1), "reinforced");
  ck_assert_uint_eq (terrind_commitment_get_target_count (priority, 1), 5);
}
END_TEST

/* Referents are personal data and none were published. */
START_TEST (test_no_referents)
{
  g_autoptr(GPtrArray) operators = terrind_registry_list_operators (registry);

  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 0);
  for (guint i = 0; i < operators->len; i++)
    {
      g_autoptr(GPtrArray) without = terrind_registry_list_territories_without_referent (
        registry, terrind_operator_get_id (g_ptr_array_index (operators, i)));
      ck_assert_uint_eq (without->len, 149);
    }
}
END_TEST

/* The embedded dataset and the installed file are the same bytes, and the
 * file is what the converter makes of the sources. */
START_TEST (test_installed_file)
{
  const char *top = g_getenv ("TERRIND_TOP_SRCDIR");
  g_autofree char *path = g_build_filename (top, "data", "default.xml", NULL);
  g_autofree char *script = g_build_filename (top, "data", "make-default-dataset.py", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *shipped = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gsize exported_length = 0;

  ck_assert (g_file_get_contents (path, &shipped, &length, NULL));
  exported = terrind_registry_export_data (registry, &exported_length, &error);
  terrind_assert_no_error (error);
  ck_assert_uint_eq (exported_length, length);
  ck_assert (memcmp (exported, shipped, length) == 0);

  if (python != NULL)
    {
      const char *argv[] = { python, script, "--check", "--output", path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      gint wait_status = 0;

      ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
      terrind_assert_no_error (error);
      ck_assert_msg (g_spawn_check_wait_status (wait_status, NULL), "%s%s", out, err);
      ck_assert_msg (strstr (out, "547 EPCI, 38 communes, 3 EPT; 0 not found") != NULL, "%s", out);
    }
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("default-dataset");
  TCase *tc = tcase_create ("facts");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_regions);
  tcase_add_test (tc, test_territories);
  tcase_add_test (tc, test_member_sirens);
  tcase_add_test (tc, test_operators);
  tcase_add_test (tc, test_conventions);
  tcase_add_loop_test (tc, test_commitment, 0, G_N_ELEMENTS (commitments));
  tcase_add_test (tc, test_commitment_measures);
  tcase_add_test (tc, test_no_referents);
  tcase_add_test (tc, test_installed_file);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
