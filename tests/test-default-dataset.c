/* test-default-dataset.c: the embedded default dataset against its sources
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Reads the files under data/sources/ independently of the converter and
 * checks every fact the default dataset states: regions, the two phases,
 * the territories of each (149 and 183) with their member SIRENs (588 and
 * 641), the members' names and kinds and the territories' departements
 * from the Etalab reference, operators, conventions and every commitment.
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

/* The two phases of the programme, and what each phase's sources hold. */
static const struct {
  guint       number;
  const char *name;
  guint       first_year;
  guint       last_year;
  const char *announced;
  const char *territories_csv;
  const char *members_csv;
  guint       n_territories;
  guint       n_members;
  guint       n_epci;
  guint       n_communes;
  guint       n_ept;
  /* Territories over several departements, several regions. */
  guint       n_multi_departement;
  guint       n_multi_region;
  /* The ANCT ids whose name ends in a space (U+00A0) in the source. */
  const char *stripped;
} phases[] = {
  { 1, "Phase 1", 2018, 2022, "2018-11-22",
    "ti_phase1_2022_territoires.csv", "ti_phase1_2022_membres.csv",
    149, 588, 547, 38, 3, 59, 12, "" },
  { 2, "Phase 2", 2023, 2027, "2023-11-09",
    "ti_phase2_2024_territoires.csv", "ti_phase2_2024_membres.csv",
    183, 641, 626, 12, 3, 65, 15,
    "ti-2808 ti-4411 ti-4421 ti-5203 ti-8412 ti-8417 ti-9303 ti-9401" },
};

/* @s without its leading and trailing spaces, Unicode ones (U+00A0)
 * included. */
static char *
strip_spaces (const char *s)
{
  const char *end = s + strlen (s);

  ck_assert (g_utf8_validate (s, -1, NULL));
  while (*s != '\0' && g_unichar_isspace (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  while (end > s)
    {
      const char *prev = g_utf8_find_prev_char (s, end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (s, end - s);
}

/* The territory of phase @number with the ANCT id @anct_id, by the id rule
 * of the format: phase 1 keeps the ANCT id, phase N the id "pN-" + it. */
static TerrindTerritory *
territory_of_phase (guint number, const char *anct_id)
{
  g_autofree char *id = number == 1 ? g_strdup (anct_id) : g_strdup_printf ("p%u-%s", number, anct_id);
  TerrindTerritory *territory = terrind_registry_get_territory (registry, id);

  ck_assert_msg (territory != NULL, "territory %s missing", id);
  ck_assert_ptr_eq (terrind_registry_find_territory_by_anct_id (registry, anct_id, number), territory);
  return territory;
}

/* The Etalab reference as the test reads it: SIREN -> row (siren, kind,
 * name, departements). The rows belong to @rows. */
static GHashTable *
reference_by_siren (GPtrArray *rows)
{
  GHashTable *by_siren = g_hash_table_new (g_str_hash, g_str_equal);
  char **header = g_ptr_array_index (rows, 0);

  ck_assert_uint_eq (g_strv_length (header), 4);
  ck_assert_str_eq (header[0], "siren");
  ck_assert_str_eq (header[1], "kind");
  ck_assert_str_eq (header[2], "name");
  ck_assert_str_eq (header[3], "departements");
  for (guint i = 1; i < rows->len; i++)
    {
      char **f = g_ptr_array_index (rows, i);

      ck_assert_uint_eq (g_strv_length (f), 4);
      ck_assert_msg (g_hash_table_insert (by_siren, f[0], f), "SIREN %s twice in the reference", f[0]);
    }
  return by_siren;
}

/* Byte order, for g_ptr_array_sort() of strings. */
static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The departement of an INSEE commune code: 2 characters, 3 overseas. */
static char *
commune_departement (const char *insee)
{
  return g_strndup (insee, g_str_has_prefix (insee, "97") ? 3 : 2);
}

/* departements.json: departement code -> region code (both owned). */
static GHashTable *
read_departement_regions (void)
{
  g_autofree char *json = read_source ("departements.json");
  g_autoptr(GRegex) row = g_regex_new ("\\{\"code\":\"([0-9AB]+)\",\"region\":\"([0-9]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (g_regex_match (row, json, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    g_hash_table_insert (regions, g_match_info_fetch (match, 1), g_match_info_fetch (match, 2));
  ck_assert_uint_eq (g_hash_table_size (regions), 109);
  return regions;
}

START_TEST (test_phases)
{
  ck_assert_uint_eq (terrind_registry_get_n_phases (registry), G_N_ELEMENTS (phases));
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      TerrindPhase *phase = terrind_registry_get_phase (registry, phases[i].number);

      ck_assert_msg (phase != NULL, "phase %u missing", phases[i].number);
      ck_assert_uint_eq (terrind_phase_get_number (phase), phases[i].number);
      ck_assert_str_eq (terrind_phase_get_name (phase), phases[i].name);
      ck_assert_uint_eq (terrind_phase_get_first_year (phase), phases[i].first_year);
      ck_assert_uint_eq (terrind_phase_get_last_year (phase), phases[i].last_year);
      ck_assert_str_eq (terrind_phase_get_announced (phase), phases[i].announced);
    }
  ck_assert_ptr_null (terrind_registry_get_phase (registry, 3));
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 149 + 183);
}
END_TEST

/* Each phase's territories, run once per phase: names (normalised),
 * regions, member SIRENs. */
START_TEST (test_territories)
{
  guint number = phases[_i].number;
  g_autoptr(GPtrArray) rows = read_csv (phases[_i].territories_csv);
  g_autoptr(GPtrArray) listed = terrind_registry_list_territories_in_phase (registry, number);
  g_autoptr(GString) stripped = g_string_new (NULL);
  guint n_members = 0;

  ck_assert_str_eq (((char **) g_ptr_array_index (rows, 0))[0], "id_ti");
  ck_assert_str_eq (((char **) g_ptr_array_index (rows, 0))[3], "lib_ti");
  ck_assert_str_eq (((char **) g_ptr_array_index (rows, 0))[5], "siren_groupements");
  ck_assert_uint_eq (rows->len - 1, phases[_i].n_territories);
  ck_assert_uint_eq (listed->len, phases[_i].n_territories);

  for (guint i = 1; i < rows->len; i++)
    {
      char **f = g_ptr_array_index (rows, i);
      TerrindTerritory *territory = territory_of_phase (number, f[0]);
      g_auto(GStrv) sirens = g_strsplit (f[5], ";", -1);
      g_autofree char *name = strip_spaces (f[3]);

      ck_assert_str_eq (terrind_territory_get_anct_id (territory), f[0]);
      ck_assert_uint_eq (terrind_territory_get_phase (territory), number);
      ck_assert_str_eq (terrind_territory_get_region_code (territory), f[1]);
      ck_assert_str_eq (terrind_territory_get_name (territory), name);
      if (!g_str_equal (name, f[3]))
        g_string_append_printf (stripped, "%s%s", stripped->len ? " " : "", f[0]);
      ck_assert_uint_eq (terrind_territory_get_n_members (territory), g_strv_length (sirens));
      ck_assert_uint_eq (terrind_territory_get_n_members (territory), (guint) atoi (f[4]));
      for (guint j = 0; sirens[j] != NULL; j++)
        ck_assert_msg (terrind_territory_has_member (territory, sirens[j]),
                       "%s lacks member %s", f[0], sirens[j]);
      n_members += terrind_territory_get_n_members (territory);
    }
  ck_assert_uint_eq (n_members, phases[_i].n_members);
  ck_assert_str_eq (stripped->str, phases[_i].stripped);

  /* The phase's list holds its territories only, sorted by id. */
  for (guint i = 0; i < listed->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (listed, i);

      ck_assert_uint_eq (terrind_territory_get_phase (territory), number);
      if (i > 0)
        ck_assert_int_lt (strcmp (terrind_territory_get_id (g_ptr_array_index (listed, i - 1)),
                                  terrind_territory_get_id (territory)), 0);
    }
}
END_TEST

/* The (territory, SIREN) rows of each phase, each member's name and kind
 * from the Etalab reference, and the reference check: how many are EPCI,
 * communes and EPT, and that none has disappeared. */
START_TEST (test_member_sirens)
{
  guint number = phases[_i].number;
  g_autoptr(GPtrArray) members = read_csv (phases[_i].members_csv);
  g_autoptr(GPtrArray) rows = read_csv ("epci-sirens.csv");
  g_autoptr(GHashTable) reference = reference_by_siren (rows);
  char **header = g_ptr_array_index (members, 0);
  gboolean has_kind = g_strv_length (header) > 2 && g_str_equal (header[2], "kind");
  guint epci = 0;
  guint communes = 0;
  guint ept = 0;
  guint not_found = 0;

  ck_assert_str_eq (header[0], "id_ti");
  ck_assert_str_eq (header[1], "siren");
  ck_assert_uint_eq (members->len - 1, phases[_i].n_members);
  for (guint i = 1; i < members->len; i++)
    {
      char **f = g_ptr_array_index (members, i);
      TerrindTerritory *territory = territory_of_phase (number, f[0]);
      TerrindTerritory *any = terrind_registry_find_territory_by_member (registry, f[1]);
      char **ref = g_hash_table_lookup (reference, f[1]);
      guint n = terrind_territory_get_n_members (territory);
      guint j;

      /* A SIREN of both phases is in one territory of each. */
      ck_assert_msg (any != NULL, "SIREN %s is in no territory", f[1]);
      ck_assert (terrind_territory_has_member (any, f[1]));

      for (j = 0; j < n && !g_str_equal (terrind_territory_get_member (territory, j), f[1]); j++)
        ;
      ck_assert_msg (j < n, "%s lacks member %s", f[0], f[1]);
      if (ref == NULL)
        {
          not_found++;
          ck_assert_ptr_null (terrind_territory_get_member_name (territory, j));
          ck_assert_ptr_null (terrind_territory_get_member_kind (territory, j));
          continue;
        }
      ck_assert_str_eq (terrind_territory_get_member_name (territory, j), ref[2]);
      ck_assert_str_eq (terrind_territory_get_member_kind (territory, j), ref[1]);
      /* Phase 2's file states the kind too: it agrees. */
      if (has_kind)
        ck_assert_str_eq (f[2], ref[1]);
      if (g_str_equal (ref[1], "epci"))
        epci++;
      else if (g_str_equal (ref[1], "commune"))
        communes++;
      else if (g_str_equal (ref[1], "ept"))
        ept++;
      else
        ck_abort_msg ("%s: unknown kind %s", f[1], ref[1]);
    }
  ck_assert_uint_eq (epci, phases[_i].n_epci);
  ck_assert_uint_eq (communes, phases[_i].n_communes);
  ck_assert_uint_eq (ept, phases[_i].n_ept);
  ck_assert_uint_eq (not_found, 0);
}
END_TEST

/* 478 SIRENs are members in both phases: in the sources, and in the
 * registry. */
START_TEST (test_both_phases)
{
  GHashTable *sources[2];
  GHashTable *registered[2];
  guint both_sources = 0;
  guint both_registered = 0;
  GHashTableIter iter;
  gpointer siren;

  for (guint p = 0; p < 2; p++)
    {
      g_autoptr(GPtrArray) members = read_csv (phases[p].members_csv);
      g_autoptr(GPtrArray) listed = terrind_registry_list_territories_in_phase (registry, phases[p].number);

      sources[p] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 1; i < members->len; i++)
        g_hash_table_add (sources[p], g_strdup (((char **) g_ptr_array_index (members, i))[1]));
      registered[p] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < listed->len; i++)
        {
          TerrindTerritory *territory = g_ptr_array_index (listed, i);

          for (guint j = 0; j < terrind_territory_get_n_members (territory); j++)
            ck_assert (g_hash_table_add (registered[p], g_strdup (terrind_territory_get_member (territory, j))));
        }
      ck_assert_uint_eq (g_hash_table_size (sources[p]), phases[p].n_members);
      ck_assert_uint_eq (g_hash_table_size (registered[p]), phases[p].n_members);
    }

  g_hash_table_iter_init (&iter, sources[0]);
  while (g_hash_table_iter_next (&iter, &siren, NULL))
    both_sources += g_hash_table_contains (sources[1], siren);
  g_hash_table_iter_init (&iter, registered[0]);
  while (g_hash_table_iter_next (&iter, &siren, NULL))
    both_registered += g_hash_table_contains (registered[1], siren);
  ck_assert_uint_eq (both_sources, 478);
  ck_assert_uint_eq (both_registered, 478);
  for (guint p = 0; p < 2; p++)
    {
      g_hash_table_unref (sources[p]);
      g_hash_table_unref (registered[p]);
    }
}
END_TEST

/* Each phase's territories have the departements of their members'
 * communes, in byte order, and their region is the region of one of them. */
START_TEST (test_departments)
{
  guint number = phases[_i].number;
  g_autoptr(GPtrArray) members = read_csv (phases[_i].members_csv);
  g_autoptr(GPtrArray) rows = read_csv ("epci-sirens.csv");
  g_autoptr(GHashTable) reference = reference_by_siren (rows);
  g_autoptr(GHashTable) regions = read_departement_regions ();
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) listed = terrind_registry_list_territories_in_phase (registry, number);
  guint multi_departement = 0;
  guint multi_region = 0;

  /* The departements each territory should have, from the members. */
  for (guint i = 1; i < members->len; i++)
    {
      char **f = g_ptr_array_index (members, i);
      char **ref = g_hash_table_lookup (reference, f[1]);
      g_auto(GStrv) deps = NULL;
      GPtrArray *list = g_hash_table_lookup (expected, f[0]);

      ck_assert_msg (ref != NULL, "SIREN %s not in the reference", f[1]);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (expected, g_strdup (f[0]), list);
        }
      deps = g_strsplit (ref[3], ";", -1);
      for (guint j = 0; deps[j] != NULL; j++)
        {
          ck_assert_msg (g_hash_table_contains (regions, deps[j]), "%s: no departement %s", f[1], deps[j]);
          if (!g_ptr_array_find_with_equal_func (list, deps[j], g_str_equal, NULL))
            g_ptr_array_add (list, g_strdup (deps[j]));
        }
    }
  ck_assert_uint_eq (g_hash_table_size (expected), phases[_i].n_territories);

  for (guint i = 0; i < listed->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (listed, i);
      const char *anct_id = terrind_territory_get_anct_id (territory);
      GPtrArray *list = g_hash_table_lookup (expected, anct_id);
      g_autoptr(GHashTable) spanned = g_hash_table_new (g_str_hash, g_str_equal);
      guint n = terrind_territory_get_n_departments (territory);

      ck_assert_msg (list != NULL, "%s: not in %s", anct_id, phases[_i].members_csv);
      g_ptr_array_sort (list, compare_strings);
      ck_assert_uint_eq (n, list->len);
      for (guint j = 0; j < n; j++)
        {
          const char *code = terrind_territory_get_department (territory, j);
          const char *region = g_hash_table_lookup (regions, code);

          ck_assert_str_eq (code, g_ptr_array_index (list, j));
          ck_assert_msg (region != NULL, "%s: no departement %s", anct_id, code);
          g_hash_table_add (spanned, (gpointer) region);
        }
      ck_assert_msg (g_hash_table_contains (spanned, terrind_territory_get_region_code (territory)),
                     "%s: region %s is the region of none of its departements",
                     terrind_territory_get_id (territory), terrind_territory_get_region_code (territory));
      multi_departement += n > 1;
      multi_region += g_hash_table_size (spanned) > 1;
    }
  ck_assert_uint_eq (multi_departement, phases[_i].n_multi_departement);
  ck_assert_uint_eq (multi_region, phases[_i].n_multi_region);
}
END_TEST

/* The derivation of the reference's departements, checked where the test
 * can redo it from a shipped file: the EPT of ept.json, from the INSEE
 * codes of their communes. */
START_TEST (test_ept_departements)
{
  g_autofree char *json = read_source ("ept.json");
  g_auto(GStrv) lines = g_strsplit (json, "\n", -1);
  g_autoptr(GPtrArray) rows = read_csv ("epci-sirens.csv");
  g_autoptr(GHashTable) reference = reference_by_siren (rows);
  g_autoptr(GRegex) code = g_regex_new ("\"code\":\"([0-9AB]+)\"", 0, 0, NULL);
  guint n_ept = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GPtrArray) deps = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *siren = NULL;
      g_autofree char *joined = NULL;
      char **ref;

      if (!g_regex_match (code, lines[i], 0, &match))
        continue;
      siren = g_match_info_fetch (match, 1);
      for (g_match_info_next (match, NULL); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *insee = g_match_info_fetch (match, 1);
          g_autofree char *dep = commune_departement (insee);

          if (!g_ptr_array_find_with_equal_func (deps, dep, g_str_equal, NULL))
            g_ptr_array_add (deps, g_steal_pointer (&dep));
        }
      ck_assert_uint_gt (deps->len, 0);
      g_ptr_array_sort (deps, compare_strings);
      g_ptr_array_add (deps, NULL);
      joined = g_strjoinv (";", (char **) deps->pdata);

      ref = g_hash_table_lookup (reference, siren);
      ck_assert_msg (ref != NULL, "EPT %s not in the reference", siren);
      ck_assert_str_eq (ref[1], "ept");
      ck_assert_str_eq (ref[3], joined);
      n_ept++;
    }
  ck_assert_uint_eq (n_ept, 11);
}
END_TEST

/* ANCT ids were reused across phases for other territories. */
START_TEST (test_anct_ids)
{
  g_autoptr(GPtrArray) both = terrind_registry_list_territories_by_anct_id (registry, "ti-0101");
  g_autoptr(GHashTable) phases_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer anct_id;
  gpointer n;

  ck_assert_str_eq (terrind_territory_get_name (terrind_registry_find_territory_by_anct_id (registry, "ti-0101", 2)),
                    "Basse-Terre");
  ck_assert_str_eq (terrind_territory_get_name (terrind_registry_find_territory_by_anct_id (registry, "ti-0101", 1)),
                    "Communauté d'agglomération Cap Excellence");
  ck_assert_ptr_null (terrind_registry_find_territory_by_anct_id (registry, "ti-0101", 3));
  /* Mayotte has a territory in phase 2 only. */
  ck_assert_ptr_null (terrind_registry_find_territory_by_anct_id (registry, "ti-0601", 1));
  ck_assert_ptr_nonnull (terrind_registry_find_territory_by_anct_id (registry, "ti-0601", 2));

  ck_assert_uint_eq (both->len, 2);
  ck_assert_str_eq (terrind_territory_get_id (g_ptr_array_index (both, 0)), "ti-0101");
  ck_assert_uint_eq (terrind_territory_get_phase (g_ptr_array_index (both, 0)), 1);
  ck_assert_str_eq (terrind_territory_get_id (g_ptr_array_index (both, 1)), "p2-ti-0101");
  ck_assert_uint_eq (terrind_territory_get_phase (g_ptr_array_index (both, 1)), 2);

  /* Every ANCT id of the sources, with as many territories as phases that
   * use it: 145 ids are in both. */
  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    {
      g_autoptr(GPtrArray) rows = read_csv (phases[p].territories_csv);

      for (guint i = 1; i < rows->len; i++)
        {
          const char *id = ((char **) g_ptr_array_index (rows, i))[0];
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (phases_of, id));

          g_hash_table_insert (phases_of, g_strdup (id), GUINT_TO_POINTER (count + 1));
        }
    }
  ck_assert_uint_eq (g_hash_table_size (phases_of), 149 + 183 - 145);
  g_hash_table_iter_init (&iter, phases_of);
  while (g_hash_table_iter_next (&iter, &anct_id, &n))
    {
      g_autoptr(GPtrArray) listed = terrind_registry_list_territories_by_anct_id (registry, anct_id);

      ck_assert_uint_eq (listed->len, GPOINTER_TO_UINT (n));
      for (guint i = 1; i < listed->len; i++)
        ck_assert_uint_lt (terrind_territory_get_phase (g_ptr_array_index (listed, i - 1)),
                           terrind_territory_get_phase (g_ptr_array_index (listed, i)));
    }
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
      /* Phase 2's conventions were not published as data. */
      ck_assert_uint_eq (terrind_convention_get_phase (convention), 1);
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
      ck_assert_uint_eq (without->len, terrind_registry_get_n_territories (registry));
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
      ck_assert_msg (strstr (out, "phase 1: member SIRENs in the Etalab reference: "
                                  "547 EPCI, 38 communes, 3 EPT; 0 not found\n") != NULL, "%s", out);
      ck_assert_msg (strstr (out, "phase 2: member SIRENs in the Etalab reference: "
                                  "626 EPCI, 12 communes, 3 EPT; 0 not found\n") != NULL, "%s", out);
      ck_assert_msg (strstr (out, "member SIRENs in both phase 1 and phase 2: 478\n") != NULL, "%s", out);
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
  tcase_add_test (tc, test_phases);
  tcase_add_loop_test (tc, test_territories, 0, G_N_ELEMENTS (phases));
  tcase_add_loop_test (tc, test_member_sirens, 0, G_N_ELEMENTS (phases));
  tcase_add_test (tc, test_both_phases);
  tcase_add_loop_test (tc, test_departments, 0, G_N_ELEMENTS (phases));
  tcase_add_test (tc, test_ept_departements);
  tcase_add_test (tc, test_anct_ids);
  tcase_add_test (tc, test_operators);
  tcase_add_test (tc, test_conventions);
  tcase_add_loop_test (tc, test_commitment, 0, G_N_ELEMENTS (commitments));
  tcase_add_test (tc, test_commitment_measures);
  tcase_add_test (tc, test_no_referents);
  tcase_add_test (tc, test_installed_file);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
