/* terrind-test-util.c: sample values and snapshots for the core suites
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-test-util.h"

const char *const terrind_test_bad_ids[] = {
  "",
  "a b",
  "a/b",
  "a:b",
  "a@b",
  "a,b",
  "ti+1",
  "a\tb",
  "a\nb",
  "caf\xc3\xa9",          /* non-ASCII letter */
  "\xff",                 /* not UTF-8 at all */
  "\xc3",                 /* truncated sequence */
  NULL
};

const char *const terrind_test_good_ids[] = {
  "a",
  "Z",
  "0",
  "ti-8401",
  "a.b_c-D",
  "_",
  "-",
  NULL
};

const char *const terrind_test_bad_names[] = {
  "",
  "\xff",
  "abc\xc3",              /* truncated sequence */
  "\xc0\xaf",             /* overlong encoding of '/' */
  "\xed\xa0\x80",         /* UTF-16 surrogate */
  "a\x01" "b",
  "a\nb",
  "a\tb",
  "\x1b[31mred",
  "a\x7f" "b",            /* DEL: refused by the schema, so here too */
  "a\rb",
  NULL
};

const char *const terrind_test_good_names[] = {
  "A",
  "Auvergne-Rh\xc3\xb4ne-Alpes",
  "Vall\xc3\xa9" "e de l'Arve",
  "<&\"'>",
  "\xe6\x97\xa5\xe6\x9c\xac",
  "\xf0\x9f\x98\x80",
  NULL
};

const char *const terrind_test_bad_dates[] = {
  "",
  "2019-02-30",
  "2019-02-29",           /* 2019 is not a leap year */
  "1900-02-29",           /* nor is 1900 */
  "2019-13-01",
  "2019-00-10",
  "2019-01-00",
  "2019-01-32",
  "2019-04-31",
  "2019-3-5",
  "2019-03-5",
  "19-03-05",
  "2019/03/05",
  "20190305",
  "2019-03-05T10:00",
  " 2019-03-05",
  "2019-03-05 ",
  "2019-03-05\n",
  "abcd-ef-gh",
  "+019-03-05",
  "2019-\xc3\xa9-05",
  NULL
};

const char *const terrind_test_good_dates[] = {
  "2019-03-05",
  "2020-02-29",
  "2000-02-29",
  "2023-12-31",
  "1999-01-01",
  NULL
};

const char *const terrind_test_bad_sirens[] = {
  "",
  "20000017",             /* 8 digits */
  "2000001720",           /* 10 digits */
  "20000017a",
  "2000 0172",
  "-20000017",
  "200000171",            /* bad Luhn checksum */
  "217400564",            /* bad Luhn checksum */
  "\xef\xbc\x92" "00000172", /* full-width digit */
  NULL
};

const char *const terrind_test_good_sirens[] = {
  "200000172",
  "217400563",
  "247400542",
  "200040731",
  "243800109",
  NULL
};

const char *const terrind_test_bad_emails[] = {
  "",
  "jeanne",
  "jeanne@",
  "@example.fr",
  "jeanne@example",
  "jeanne martin@example.fr",
  "jeanne@exa mple.fr",
  "jeanne.martin.example.fr",
  "\xff@example.fr",
  "jeanne@martin@example.fr",
  "jeanne@@example.fr",
  "jeanne@example..fr",
  "jeanne@.example.fr",
  "jeanne@example.fr.",
  "jeanne@.",
  "<jeanne>@example.fr",
  "jeanne\\martin@example.fr",
  "jeanne@exa\tmple.fr",
  "jeanne@example.fr\x7f",
  NULL
};

const char *const terrind_test_good_emails[] = {
  "jeanne.martin@francetravail.fr",
  "a@b.c",
  "first+tag@sub.example.org",
  "o'neil@example.fr",
  "jeanne..martin@example.fr",  /* the rule on dots is the domain's */
  "{a}|b~c#d$e%f&g*h/i=j?k^l_m`n!o@x-y.fr",
  NULL
};

const char *const terrind_test_bad_phones[] = {
  "",
  "+33 4 AB 00 00 00",
  "12a4567",
  "phone",
  "123",                  /* fewer than 4 digits */
  "+33/4 50 00 00 00",
  "04 50 00 00 00 #1",
  NULL
};

const char *const terrind_test_good_phones[] = {
  "+33 4 50 00 00 00",
  "04.50.00.00.00",
  "(0)450-000",
  "1234",
  NULL
};

const char *const terrind_test_bad_departments[] = {
  "",
  "2C",
  "2a",
  "9711",
  "7-",
  " 74",
  "\xc3\xa9",
  NULL
};

const char *const terrind_test_good_departments[] = {
  "74",
  "2A",
  "2B",
  "971",
  "1",
  NULL
};

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  if (value == NULL)
    g_string_append_printf (out, "%s=NULL\n", label);
  else
    g_string_append_printf (out, "%s=\"%s\"\n", label, value);
}

char *
terrind_test_dump_region (const TerrindRegion *region)
{
  GString *out = g_string_new ("region\n");

  append_field (out, " code", terrind_region_get_code (region));
  append_field (out, " name", terrind_region_get_name (region));
  return g_string_free (out, FALSE);
}

char *
terrind_test_dump_territory (const TerrindTerritory *territory)
{
  GString *out = g_string_new ("territory\n");
  guint i;

  append_field (out, " id", terrind_territory_get_id (territory));
  append_field (out, " name", terrind_territory_get_name (territory));
  append_field (out, " region", terrind_territory_get_region_code (territory));
  g_string_append_printf (out, " phase=%u\n", terrind_territory_get_phase (territory));
  g_string_append_printf (out, " n-members=%u\n", terrind_territory_get_n_members (territory));
  for (i = 0; i < terrind_territory_get_n_members (territory); i++)
    append_field (out, "  member", terrind_territory_get_member (territory, i));
  g_string_append_printf (out, " n-departments=%u\n",
                          terrind_territory_get_n_departments (territory));
  for (i = 0; i < terrind_territory_get_n_departments (territory); i++)
    append_field (out, "  department", terrind_territory_get_department (territory, i));
  return g_string_free (out, FALSE);
}

char *
terrind_test_dump_operator (const TerrindOperator *op)
{
  GString *out = g_string_new ("operator\n");
  guint i;

  append_field (out, " id", terrind_operator_get_id (op));
  append_field (out, " name", terrind_operator_get_name (op));
  append_field (out, " kind", terrind_operator_get_kind (op));
  g_string_append_printf (out, " n-former-names=%u\n", terrind_operator_get_n_former_names (op));
  for (i = 0; i < terrind_operator_get_n_former_names (op); i++)
    {
      append_field (out, "  former-name", terrind_operator_get_former_name (op, i));
      append_field (out, "  until", terrind_operator_get_former_name_until (op, i));
    }
  return g_string_free (out, FALSE);
}

char *
terrind_test_dump_commitment (const TerrindCommitment *commitment)
{
  GString *out = g_string_new ("commitment\n");
  guint i;

  append_field (out, " id", terrind_commitment_get_id (commitment));
  g_string_append_printf (out, " kind=%d\n", (int) terrind_commitment_get_kind (commitment));
  append_field (out, " text", terrind_commitment_get_text (commitment));
  g_string_append_printf (out, " amount=%" G_GINT64_FORMAT " period=%d approximate=%d\n",
                          terrind_commitment_get_amount (commitment),
                          (int) terrind_commitment_get_amount_period (commitment),
                          terrind_commitment_get_approximate (commitment) ? 1 : 0);
  g_string_append_printf (out, " years=%u..%u\n",
                          terrind_commitment_get_first_year (commitment),
                          terrind_commitment_get_last_year (commitment));
  g_string_append_printf (out, " n-themes=%u\n", terrind_commitment_get_n_themes (commitment));
  for (i = 0; i < terrind_commitment_get_n_themes (commitment); i++)
    append_field (out, "  theme", terrind_commitment_get_theme (commitment, i));
  g_string_append_printf (out, " n-targets=%u\n", terrind_commitment_get_n_targets (commitment));
  for (i = 0; i < terrind_commitment_get_n_targets (commitment); i++)
    {
      append_field (out, "  level", terrind_commitment_get_target_level (commitment, i));
      g_string_append_printf (out, "  count=%u\n",
                              terrind_commitment_get_target_count (commitment, i));
    }
  return g_string_free (out, FALSE);
}

char *
terrind_test_dump_convention (const TerrindConvention *convention)
{
  GString *out = g_string_new ("convention\n");
  guint i;

  append_field (out, " id", terrind_convention_get_id (convention));
  append_field (out, " operator", terrind_convention_get_operator_id (convention));
  append_field (out, " date", terrind_convention_get_date (convention));
  append_field (out, " place", terrind_convention_get_place (convention));
  append_field (out, " title", terrind_convention_get_title (convention));
  g_string_append_printf (out, " n-signatories=%u\n",
                          terrind_convention_get_n_signatories (convention));
  for (i = 0; i < terrind_convention_get_n_signatories (convention); i++)
    {
      append_field (out, "  signatory", terrind_convention_get_signatory_name (convention, i));
      append_field (out, "  role", terrind_convention_get_signatory_role (convention, i));
    }
  g_string_append_printf (out, " n-commitments=%u\n",
                          terrind_convention_get_n_commitments (convention));
  for (i = 0; i < terrind_convention_get_n_commitments (convention); i++)
    {
      TerrindCommitment *commitment = terrind_convention_get_commitment (convention, i);
      g_autofree char *dump = terrind_test_dump_commitment (commitment);

      g_string_append (out, dump);
      if (terrind_convention_lookup_commitment (convention,
                                                terrind_commitment_get_id (commitment))
          != commitment)
        g_string_append (out, "  lookup-commitment-mismatch\n");
    }
  return g_string_free (out, FALSE);
}

char *
terrind_test_dump_referent (const TerrindReferent *referent)
{
  GString *out = g_string_new ("referent\n");

  append_field (out, " id", terrind_referent_get_id (referent));
  append_field (out, " operator", terrind_referent_get_operator_id (referent));
  append_field (out, " territory", terrind_referent_get_territory_id (referent));
  append_field (out, " person", terrind_referent_get_person (referent));
  append_field (out, " role", terrind_referent_get_role (referent));
  append_field (out, " email", terrind_referent_get_email (referent));
  append_field (out, " phone", terrind_referent_get_phone (referent));
  append_field (out, " start", terrind_referent_get_start_date (referent));
  return g_string_free (out, FALSE);
}

typedef const char *(*IdGetter) (gconstpointer entity);

static const char *
region_code_of (gconstpointer entity)
{
  return terrind_region_get_code (entity);
}

static const char *
territory_id_of (gconstpointer entity)
{
  return terrind_territory_get_id (entity);
}

static const char *
operator_id_of (gconstpointer entity)
{
  return terrind_operator_get_id (entity);
}

static const char *
convention_id_of (gconstpointer entity)
{
  return terrind_convention_get_id (entity);
}

static const char *
referent_id_of (gconstpointer entity)
{
  return terrind_referent_get_id (entity);
}

static char *
join_ids (GPtrArray *array,
          IdGetter   get_id)
{
  GString *out;
  guint i;

  if (array == NULL)
    return g_strdup ("(null)");
  out = g_string_new (NULL);
  for (i = 0; i < array->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, get_id (g_ptr_array_index (array, i)));
    }
  g_ptr_array_unref (array);
  return g_string_free (out, FALSE);
}

char *
terrind_test_region_codes (GPtrArray *array)
{
  return join_ids (array, region_code_of);
}

char *
terrind_test_territory_ids (GPtrArray *array)
{
  return join_ids (array, territory_id_of);
}

char *
terrind_test_operator_ids (GPtrArray *array)
{
  return join_ids (array, operator_id_of);
}

char *
terrind_test_convention_ids (GPtrArray *array)
{
  return join_ids (array, convention_id_of);
}

char *
terrind_test_referent_ids (GPtrArray *array)
{
  return join_ids (array, referent_id_of);
}

static void
dump_regions (GString         *out,
              TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) regions = terrind_registry_list_regions (registry);
  guint i;

  g_string_append_printf (out, "n-regions=%u listed=%u\n",
                          terrind_registry_get_n_regions (registry), regions->len);
  for (i = 0; i < regions->len; i++)
    {
      TerrindRegion *region = g_ptr_array_index (regions, i);
      const char *code = terrind_region_get_code (region);
      g_autofree char *dump = terrind_test_dump_region (region);
      g_autofree char *in_region =
        terrind_test_territory_ids (terrind_registry_list_territories_in_region (registry, code));

      g_string_append (out, dump);
      g_string_append_printf (out, " territories-in-region=%s\n", in_region);
      if (terrind_registry_get_region (registry, code) != region)
        g_string_append (out, " get-region-mismatch\n");
    }
}

static void
dump_territories (GString         *out,
                  TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) territories = terrind_registry_list_territories (registry);
  guint i, j;

  g_string_append_printf (out, "n-territories=%u listed=%u\n",
                          terrind_registry_get_n_territories (registry), territories->len);
  for (i = 0; i < territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (territories, i);
      const char *id = terrind_territory_get_id (territory);
      g_autofree char *dump = terrind_test_dump_territory (territory);
      g_autofree char *referents =
        terrind_test_referent_ids (terrind_registry_list_referents_of_territory (registry, id));

      g_string_append (out, dump);
      g_string_append_printf (out, " referents-of-territory=%s\n", referents);
      if (terrind_registry_get_territory (registry, id) != territory)
        g_string_append (out, " get-territory-mismatch\n");
      for (j = 0; j < terrind_territory_get_n_members (territory); j++)
        {
          const char *siren = terrind_territory_get_member (territory, j);
          TerrindTerritory *found = terrind_registry_find_territory_by_member (registry, siren);

          g_string_append_printf (out, "  member %s found-in=%s\n", siren,
                                  found != NULL ? terrind_territory_get_id (found) : "(null)");
        }
    }
}

static void
dump_operators (GString         *out,
                TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) operators = terrind_registry_list_operators (registry);
  g_autoptr(GPtrArray) territories = terrind_registry_list_territories (registry);
  guint i, j;

  g_string_append_printf (out, "n-operators=%u listed=%u\n",
                          terrind_registry_get_n_operators (registry), operators->len);
  for (i = 0; i < operators->len; i++)
    {
      TerrindOperator *op = g_ptr_array_index (operators, i);
      const char *id = terrind_operator_get_id (op);
      g_autofree char *dump = terrind_test_dump_operator (op);
      g_autofree char *conventions =
        terrind_test_convention_ids (terrind_registry_list_conventions_of_operator (registry, id));
      g_autofree char *referents =
        terrind_test_referent_ids (terrind_registry_list_referents_of_operator (registry, id));
      g_autofree char *without =
        terrind_test_territory_ids (terrind_registry_list_territories_without_referent (registry, id));

      g_string_append (out, dump);
      g_string_append_printf (out, " conventions-of-operator=%s\n", conventions);
      g_string_append_printf (out, " referents-of-operator=%s\n", referents);
      g_string_append_printf (out, " territories-without-referent=%s\n", without);
      if (terrind_registry_get_operator (registry, id) != op)
        g_string_append (out, " get-operator-mismatch\n");
      for (j = 0; j < territories->len; j++)
        {
          const char *territory_id = terrind_territory_get_id (g_ptr_array_index (territories, j));
          TerrindReferent *referent =
            terrind_registry_get_referent_for (registry, id, territory_id);

          g_string_append_printf (out, "  referent-for %s=%s\n", territory_id,
                                  referent != NULL ? terrind_referent_get_id (referent) : "(null)");
        }
    }
}

static void
dump_conventions (GString         *out,
                  TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);
  guint i, j;

  g_string_append_printf (out, "n-conventions=%u listed=%u\n",
                          terrind_registry_get_n_conventions (registry), conventions->len);
  for (i = 0; i < conventions->len; i++)
    {
      TerrindConvention *convention = g_ptr_array_index (conventions, i);
      g_autofree char *dump = terrind_test_dump_convention (convention);

      g_string_append (out, dump);
      if (terrind_registry_get_convention (registry, terrind_convention_get_id (convention))
          != convention)
        g_string_append (out, " get-convention-mismatch\n");
      for (j = 0; j < terrind_convention_get_n_commitments (convention); j++)
        {
          TerrindCommitment *commitment = terrind_convention_get_commitment (convention, j);

          if (terrind_registry_get_commitment (registry, terrind_commitment_get_id (commitment))
              != commitment)
            g_string_append (out, " get-commitment-mismatch\n");
        }
    }
}

static void
dump_referents (GString         *out,
                TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents (registry);
  guint i;

  g_string_append_printf (out, "n-referents=%u listed=%u\n",
                          terrind_registry_get_n_referents (registry), referents->len);
  for (i = 0; i < referents->len; i++)
    {
      TerrindReferent *referent = g_ptr_array_index (referents, i);
      g_autofree char *dump = terrind_test_dump_referent (referent);

      g_string_append (out, dump);
      if (terrind_registry_get_referent (registry, terrind_referent_get_id (referent)) != referent)
        g_string_append (out, " get-referent-mismatch\n");
      if (terrind_registry_get_referent_for (registry,
                                             terrind_referent_get_operator_id (referent),
                                             terrind_referent_get_territory_id (referent))
          != referent)
        g_string_append (out, " get-referent-for-mismatch\n");
    }
}

static void
dump_records (GString         *out,
              TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) designations = terrind_registry_list_designations (registry);
  g_autoptr(GPtrArray) investments = terrind_registry_list_investments (registry);

  g_string_append_printf (out, "n-designations=%u listed=%u\n",
                          terrind_registry_get_n_designations (registry), designations->len);
  for (guint i = 0; i < designations->len; i++)
    {
      TerrindDesignation *d = g_ptr_array_index (designations, i);

      g_string_append_printf (out, "designation %s op=%s ti=%s year=%u level=%s commitment=%s%s\n",
                              terrind_designation_get_id (d), terrind_designation_get_operator_id (d),
                              terrind_designation_get_territory_id (d),
                              terrind_designation_get_year (d), terrind_designation_get_level (d),
                              terrind_designation_get_commitment_id (d),
                              terrind_designation_get_registry (d) == registry ? "" : " foreign");
    }
  g_string_append_printf (out, "n-investments=%u listed=%u\n",
                          terrind_registry_get_n_investments (registry), investments->len);
  for (guint i = 0; i < investments->len; i++)
    {
      TerrindInvestment *v = g_ptr_array_index (investments, i);

      g_string_append_printf (out, "investment %s op=%s ti=%s year=%u amount=%" G_GINT64_FORMAT
                              " commitment=%s theme=%s project=%s%s\n",
                              terrind_investment_get_id (v), terrind_investment_get_operator_id (v),
                              terrind_investment_get_territory_id (v),
                              terrind_investment_get_year (v), terrind_investment_get_amount (v),
                              terrind_investment_get_commitment_id (v),
                              terrind_investment_get_theme (v) ? terrind_investment_get_theme (v) : "(null)",
                              terrind_investment_get_project (v) ? terrind_investment_get_project (v) : "(null)",
                              terrind_investment_get_registry (v) == registry ? "" : " foreign");
    }
}

char *
terrind_test_dump_registry (TerrindRegistry *registry)
{
  GString *out = g_string_new (NULL);

  dump_regions (out, registry);
  dump_territories (out, registry);
  dump_operators (out, registry);
  dump_conventions (out, registry);
  dump_referents (out, registry);
  dump_records (out, registry);
  return g_string_free (out, FALSE);
}

static void
add_or_abort (gboolean     ok,
              GError      *error)
{
  if (!ok)
    ck_abort_msg ("fixture: %s", error != NULL ? error->message : "no error set");
}

TerrindRegistry *
terrind_test_fixture_registry (void)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) ara = NULL;
  g_autoptr(TerrindRegion) paca = NULL;
  g_autoptr(TerrindOperator) bpi = NULL;
  g_autoptr(TerrindOperator) bf = NULL;
  g_autoptr(TerrindTerritory) ti_a = NULL;
  g_autoptr(TerrindTerritory) ti_b = NULL;
  g_autoptr(TerrindConvention) conv = NULL;
  g_autoptr(TerrindCommitment) access = NULL;
  g_autoptr(TerrindReferent) ref = NULL;
  g_autoptr(GError) error = NULL;

  ara = terrind_region_new ("84", "Auvergne-Rh\xc3\xb4ne-Alpes", &error);
  add_or_abort (ara != NULL, error);
  add_or_abort (terrind_registry_add_region (registry, ara, &error), error);
  paca = terrind_region_new ("93", "Provence-Alpes-C\xc3\xb4te d'Azur", &error);
  add_or_abort (paca != NULL, error);
  add_or_abort (terrind_registry_add_region (registry, paca, &error), error);

  bpi = terrind_operator_new ("bpifrance", "Bpifrance", &error);
  add_or_abort (bpi != NULL, error);
  add_or_abort (terrind_registry_add_operator (registry, bpi, &error), error);
  bf = terrind_operator_new ("business-france", "Business France", &error);
  add_or_abort (bf != NULL, error);
  add_or_abort (terrind_registry_add_operator (registry, bf, &error), error);

  ti_a = terrind_territory_new ("ti-a", "Vall\xc3\xa9" "e de l'Arve", "84", &error);
  add_or_abort (ti_a != NULL, error);
  add_or_abort (terrind_territory_add_member (ti_a, "200000172", &error), error);
  add_or_abort (terrind_registry_add_territory (registry, ti_a, &error), error);
  ti_b = terrind_territory_new ("ti-b", "Grand Avignon", "93", &error);
  add_or_abort (ti_b != NULL, error);
  add_or_abort (terrind_territory_add_member (ti_b, "217400563", &error), error);
  add_or_abort (terrind_registry_add_territory (registry, ti_b, &error), error);

  conv = terrind_convention_new ("conv-bpi", "bpifrance", "2019-03-05", &error);
  add_or_abort (conv != NULL, error);
  access = terrind_commitment_new ("bpi-access", TERRIND_COMMITMENT_PROGRAMME_ACCESS,
                                   "Acc\xc3\xa8s aux financements", &error);
  add_or_abort (access != NULL, error);
  add_or_abort (terrind_convention_add_commitment (conv, access, &error), error);
  add_or_abort (terrind_registry_add_convention (registry, conv, &error), error);

  ref = terrind_referent_new ("ref-1", "bpifrance", "ti-a", "Jeanne Martin", &error);
  add_or_abort (ref != NULL, error);
  add_or_abort (terrind_registry_add_referent (registry, ref, &error), error);

  return g_steal_pointer (&registry);
}

TerrindRegion *
terrind_test_region (const char *code)
{
  g_autoptr(GError) error = NULL;
  TerrindRegion *region = terrind_region_new (code, "R\xc3\xa9gion", &error);

  add_or_abort (region != NULL, error);
  return region;
}

TerrindTerritory *
terrind_test_territory (const char *id,
                        const char *region_code)
{
  g_autoptr(GError) error = NULL;
  TerrindTerritory *territory = terrind_territory_new (id, "Territoire", region_code, &error);

  add_or_abort (territory != NULL, error);
  return territory;
}

TerrindOperator *
terrind_test_operator (const char *id)
{
  g_autoptr(GError) error = NULL;
  TerrindOperator *op = terrind_operator_new (id, "Op\xc3\xa9rateur", &error);

  add_or_abort (op != NULL, error);
  return op;
}

TerrindCommitment *
terrind_test_commitment (const char *id)
{
  g_autoptr(GError) error = NULL;
  TerrindCommitment *commitment =
    terrind_commitment_new (id, TERRIND_COMMITMENT_TOOL, "Engagement", &error);

  add_or_abort (commitment != NULL, error);
  return commitment;
}

TerrindConvention *
terrind_test_convention (const char *id,
                         const char *operator_id)
{
  g_autoptr(GError) error = NULL;
  TerrindConvention *convention = terrind_convention_new (id, operator_id, "2019-03-05", &error);

  add_or_abort (convention != NULL, error);
  return convention;
}

TerrindReferent *
terrind_test_referent (const char *id,
                       const char *operator_id,
                       const char *territory_id)
{
  g_autoptr(GError) error = NULL;
  TerrindReferent *referent =
    terrind_referent_new (id, operator_id, territory_id, "Jeanne Martin", &error);

  add_or_abort (referent != NULL, error);
  return referent;
}
