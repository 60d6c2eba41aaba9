/* test-model.c: the model description, and access to entities through it
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>

#include "terrind-test-util.h"

static const TerrindKind *
kind (const char *name)
{
  const TerrindKind *k = terrind_model_lookup_kind (name);

  ck_assert_msg (k != NULL, "no kind %s", name);
  return k;
}

static const TerrindField *
field (const char *kind_name,
       const char *field_name)
{
  const TerrindField *f = terrind_kind_lookup_field (kind (kind_name), field_name);

  ck_assert_msg (f != NULL, "no field %s of %s", field_name, kind_name);
  return f;
}

/* Every kind has a key first, unique names, and references to kinds that
 * come before it (the XML format's order). */
START_TEST (test_kinds_are_well_formed)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);
  g_autoptr(GHashTable) seen_kinds = g_hash_table_new (g_direct_hash, g_direct_equal);

  ck_assert_uint_eq (n_kinds, 9);
  for (guint i = 0; i < n_kinds; i++)
    {
      const TerrindKind *k = kinds[i];
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
      guint n_fields = terrind_kind_get_n_fields (k);

      ck_assert_ptr_eq (terrind_model_lookup_kind (terrind_kind_get_name (k)), k);
      ck_assert_ptr_eq (terrind_model_lookup_kind (terrind_kind_get_plural (k)), k);
      ck_assert_ptr_nonnull (terrind_kind_get_description (k));
      ck_assert_ptr_eq (terrind_kind_get_key (k), terrind_kind_get_field (k, 0));
      ck_assert (terrind_field_get_flags (terrind_kind_get_key (k)) & TERRIND_FIELD_KEY);
      if (terrind_kind_get_parent (k) != NULL)
        ck_assert (g_hash_table_contains (seen_kinds, terrind_kind_get_parent (k)));
      /* The format nests one level: a parent kind has no parent. */
      if (terrind_kind_get_parent (k) != NULL)
        ck_assert_ptr_null (terrind_kind_get_parent (terrind_kind_get_parent (k)));
      for (guint j = 0; j < n_fields; j++)
        {
          const TerrindField *f = terrind_kind_get_field (k, j);
          const TerrindKind *target = terrind_field_get_target (f);
          TerrindValueType type = terrind_field_get_value_type (f);

          ck_assert_msg (g_hash_table_add (names, (gpointer) terrind_field_get_name (f)),
                         "%s.%s twice", terrind_kind_get_name (k), terrind_field_get_name (f));
          ck_assert_ptr_eq (terrind_field_get_kind (f), k);
          ck_assert_ptr_eq (terrind_kind_lookup_field (k, terrind_field_get_name (f)), f);
          ck_assert_ptr_nonnull (terrind_field_get_description (f));
          ck_assert_ptr_nonnull (terrind_value_type_to_string (type));
          ck_assert ((type == TERRIND_VALUE_REFERENCE) == (target != NULL));
          if (target != NULL)
            ck_assert (g_hash_table_contains (seen_kinds, target));
          ck_assert ((type == TERRIND_VALUE_ENUM) == (terrind_field_get_choices (f) != NULL));
          ck_assert ((type == TERRIND_VALUE_LIST) == (terrind_field_get_n_item_fields (f) > 0));
          for (guint k2 = 0; k2 < terrind_field_get_n_item_fields (f); k2++)
            ck_assert_ptr_null (terrind_field_get_kind (terrind_field_get_item_field (f, k2)));
        }
      g_hash_table_add (seen_kinds, (gpointer) k);
    }
  ck_assert_ptr_null (terrind_model_lookup_kind ("phase-9"));
  ck_assert_ptr_null (terrind_value_type_to_string ((TerrindValueType) 999));
}
END_TEST

/* The names of the XML format, and their snake_case spelling. */
START_TEST (test_field_names)
{
  ck_assert_ptr_eq (field ("commitment", "first-year"), field ("commitment", "first_year"));
  ck_assert_str_eq (terrind_field_get_name (field ("commitment", "first_year")), "first-year");
  ck_assert_ptr_null (terrind_kind_lookup_field (kind ("territory"), "region_code"));
  ck_assert_ptr_null (terrind_kind_lookup_field (kind ("territory"), "regio"));
  ck_assert_ptr_null (terrind_kind_lookup_field (kind ("territory"), "regions"));
  ck_assert_str_eq (terrind_field_get_name (terrind_kind_get_key (kind ("region"))), "code");
  ck_assert_ptr_eq (terrind_field_get_target (field ("referent", "territory")), kind ("territory"));
  ck_assert_ptr_eq (terrind_kind_get_parent (kind ("commitment")), kind ("convention"));
  ck_assert (terrind_field_get_flags (field ("commitment", "convention")) & TERRIND_FIELD_PARENT);
  ck_assert_int_eq (terrind_field_get_value_type (field ("referent", "end")), TERRIND_VALUE_DATE);
}
END_TEST

START_TEST (test_new_entity_and_values)
{
  const char *names[] = { "id", "operator", "territory", "person", "end", "start", NULL };
  const char *values[] = { "r-1", "bpifrance", "ti-8401", "Jeanne Martin", "2030-12-31",
                           "2024-01-01" };
  g_autoptr(GError) error = NULL;
  const TerrindKind *referents = kind ("referent");
  TerrindReferent *referent = terrind_kind_new_entity (referents, names, values, &error);
  g_autofree char *person = NULL;
  g_autofree char *role = NULL;

  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_referent_get_end_date (referent), "2030-12-31");
  ck_assert_str_eq (terrind_kind_get_entity_id (referents, referent), "r-1");
  ck_assert_ptr_null (terrind_kind_get_entity_registry (referents, referent));
  person = terrind_field_get_value (field ("referent", "person"), referent);
  ck_assert_str_eq (person, "Jeanne Martin");
  role = terrind_field_get_value (field ("referent", "role"), referent);
  ck_assert_ptr_null (role);

  ck_assert (terrind_field_set_value (field ("referent", "role"), referent, "Chargée", &error));
  ck_assert_str_eq (terrind_referent_get_role (referent), "Chargée");
  ck_assert (terrind_field_set_value (field ("referent", "role"), referent, NULL, &error));
  ck_assert_ptr_null (terrind_referent_get_role (referent));

  /* Checked as the typed setters check. */
  ck_assert (!terrind_field_set_value (field ("referent", "email"), referent, "nope", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert (!terrind_field_set_value (field ("referent", "end"), referent, "2020-01-01", &error));
  ck_assert_msg (strstr (error->message, "field “end”: ") == error->message, "%s", error->message);
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert (!terrind_field_set_value (field ("referent", "operator"), referent, "x", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert (!terrind_field_set_value (field ("referent", "person"), referent, NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_str_eq (terrind_referent_get_person (referent), "Jeanne Martin");

  ck_assert_ptr_eq (terrind_kind_ref_entity (referents, referent), referent);
  terrind_kind_unref_entity (referents, referent);
  terrind_kind_unref_entity (referents, referent);
}
END_TEST

START_TEST (test_new_entity_refuses)
{
  const char *unknown[] = { "code", "name", "colour", NULL };
  const char *twice[] = { "code", "name", "name", NULL };
  const char *missing[] = { "code", NULL };
  const char *list[] = { "id", "name", "region", "members", NULL };
  const char *values[] = { "84", "Auvergne-Rhône-Alpes", "x", "y" };
  const char *parent[] = { "id", "kind", "text", "convention", NULL };
  const char *commitment_values[] = { "c-1", "tool", "Un outil", "conv-1" };
  const char *bad_kind[] = { "id", "kind", "text", NULL };
  const char *bad_kind_values[] = { "c-1", "wish", "Un vœu" };
  const char *half_pair[] = { "id", "kind", "text", "amount", NULL };
  const char *half_pair_values[] = { "c-1", "tool", "Un outil", "100" };
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (terrind_kind_new_entity (kind ("region"), unknown, values, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_kind_new_entity (kind ("region"), twice, values, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_kind_new_entity (kind ("region"), missing, values, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_kind_new_entity (kind ("region"), NULL, NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_kind_new_entity (kind ("territory"), list, values, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_kind_new_entity (kind ("commitment"), parent, commitment_values,
                                               &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_kind_new_entity (kind ("commitment"), bad_kind, bad_kind_values,
                                               &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_kind_new_entity (kind ("commitment"), half_pair, half_pair_values,
                                               &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
}
END_TEST

/* Every scalar field of every entity of the default registry reads the
 * same through the description as through the XML format: a round trip
 * through terrind_kind_new_entity() gives an equal entity. */
START_TEST (test_round_trip_through_values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (&error);
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);
  guint checked = 0;

  terrind_assert_no_error (error);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(GPtrArray) entities = terrind_registry_list (registry, kinds[i]);

      ck_assert_uint_eq (entities->len, terrind_registry_count (registry, kinds[i]));
      for (guint j = 0; j < entities->len; j++)
        {
          gpointer entity = g_ptr_array_index (entities, j);
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
          gpointer copy;

          ck_assert_ptr_eq (terrind_registry_lookup (registry, kinds[i],
                                                     terrind_kind_get_entity_id (kinds[i], entity)),
                            entity);
          ck_assert_ptr_eq (terrind_kind_get_entity_registry (kinds[i], entity), registry);
          for (guint k = 0; k < terrind_kind_get_n_fields (kinds[i]); k++)
            {
              const TerrindField *f = terrind_kind_get_field (kinds[i], k);
              char *value;

              if (terrind_field_get_value_type (f) == TERRIND_VALUE_LIST ||
                  (terrind_field_get_flags (f) & TERRIND_FIELD_PARENT))
                continue;
              value = terrind_field_get_value (f, entity);
              if (value == NULL)
                continue;
              g_ptr_array_add (names, (gpointer) terrind_field_get_name (f));
              g_ptr_array_add (values, value);
            }
          g_ptr_array_add (names, NULL);
          copy = terrind_kind_new_entity (kinds[i], (const char * const *) names->pdata,
                                          (const char * const *) values->pdata, &error);
          terrind_assert_no_error (error);
          /* Lists are not copied: compare entities without them. */
          for (guint k = 0; k < terrind_kind_get_n_fields (kinds[i]); k++)
            {
              const TerrindField *f = terrind_kind_get_field (kinds[i], k);

              if (terrind_field_get_value_type (f) == TERRIND_VALUE_LIST)
                for (guint n = 0; n < terrind_field_get_n_items (f, entity); n++)
                  {
                    g_autoptr(GPtrArray) item = g_ptr_array_new_with_free_func (g_free);

                    for (guint m = 0; m < terrind_field_get_n_item_fields (f); m++)
                      g_ptr_array_add (item, terrind_field_get_item_value (
                                               f, entity, n, terrind_field_get_item_field (f, m)));
                    ck_assert (terrind_field_add_item (f, copy,
                                                       (const char * const *) item->pdata, &error));
                    terrind_assert_no_error (error);
                  }
            }
          /* A convention's equality counts its commitments, which are not
           * copied here; a commitment's counts its convention. */
          if (kinds[i] != kind ("convention") && kinds[i] != kind ("commitment"))
            ck_assert_msg (terrind_kind_entities_equal (kinds[i], entity, copy), "%s %s",
                           terrind_kind_get_name (kinds[i]),
                           terrind_kind_get_entity_id (kinds[i], entity));
          for (guint k = 0; k < terrind_kind_get_n_fields (kinds[i]); k++)
            {
              const TerrindField *f = terrind_kind_get_field (kinds[i], k);
              g_autofree char *a = terrind_field_get_value (f, entity);
              g_autofree char *b = terrind_field_get_value (f, copy);

              if (!(terrind_field_get_flags (f) & TERRIND_FIELD_PARENT))
                ck_assert_str_eq (a != NULL ? a : "(unset)", b != NULL ? b : "(unset)");
            }
          terrind_kind_unref_entity (kinds[i], copy);
          checked++;
        }
    }
  ck_assert_uint_gt (checked, 150);
}
END_TEST

START_TEST (test_registry_by_kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) region = terrind_region_new ("84", "Auvergne-Rhône-Alpes", &error);
  g_autoptr(TerrindOperator) op = terrind_operator_new ("bpifrance", "Bpifrance", &error);
  g_autoptr(TerrindConvention) convention = terrind_convention_new ("conv-1", "bpifrance",
                                                                    "2019-03-05", &error);
  const char *names[] = { "id", "kind", "text", "amount", "period", NULL };
  const char *values[] = { "c-1", "money-envelope", "Cent millions", "100000000", "per-year" };
  TerrindCommitment *commitment = terrind_kind_new_entity (kind ("commitment"), names, values,
                                                           &error);
  g_autofree char *parent = NULL;
  g_autofree char *period = NULL;

  terrind_assert_no_error (error);
  ck_assert (terrind_registry_add (registry, kind ("region"), region, NULL, &error));
  ck_assert (terrind_registry_add (registry, kind ("operator"), op, NULL, &error));
  ck_assert (terrind_registry_add (registry, kind ("convention"), convention, NULL, &error));
  ck_assert (!terrind_registry_add (registry, kind ("commitment"), commitment, "conv-9", &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  ck_assert (terrind_registry_add (registry, kind ("commitment"), commitment, "conv-1", &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_count (registry, kind ("commitment")), 1);
  ck_assert_ptr_eq (terrind_registry_lookup (registry, kind ("commitment"), "c-1"), commitment);
  parent = terrind_field_get_value (field ("commitment", "convention"), commitment);
  ck_assert_str_eq (parent, "conv-1");
  period = terrind_field_get_value (field ("commitment", "period"), commitment);
  ck_assert_str_eq (period, "per-year");
  ck_assert (!terrind_field_set_value (field ("commitment", "first-year"), commitment, "2019x",
                                       &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  terrind_kind_unref_entity (kind ("commitment"), commitment);

  ck_assert (!terrind_registry_remove (registry, kind ("operator"), "bpifrance",
                                       TERRIND_REMOVE_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (terrind_registry_remove (registry, kind ("commitment"), "c-1", TERRIND_REMOVE_NONE,
                                      &error));
  ck_assert (!terrind_registry_remove (registry, kind ("commitment"), "c-1", TERRIND_REMOVE_NONE,
                                       &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (terrind_registry_remove (registry, kind ("operator"), "bpifrance",
                                      TERRIND_REMOVE_CASCADE, &error));
  ck_assert_uint_eq (terrind_registry_count (registry, kind ("convention")), 0);
  ck_assert (terrind_registry_remove (registry, kind ("region"), "84", TERRIND_REMOVE_NONE,
                                      &error));
  terrind_assert_no_error (error);
}
END_TEST

START_TEST (test_lists)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindTerritory) territory = terrind_territory_new ("ti-1", "Un territoire", "84",
                                                                 &error);
  const TerrindField *members = field ("territory", "members");
  /* One value per item field: the SIREN, then the details left unset. */
  const char *good[] = { "200040715", NULL, NULL };
  const char *none[] = { NULL, NULL, NULL };
  g_autofree char *siren = NULL;

  ck_assert (terrind_field_add_item (members, territory, good, &error));
  ck_assert (!terrind_field_add_item (members, territory, good, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  ck_assert (!terrind_field_add_item (members, territory, none, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert (!terrind_field_add_item (field ("territory", "name"), territory, good, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_uint_eq (terrind_field_get_n_items (members, territory), 1);
  ck_assert_uint_eq (terrind_field_get_n_items (field ("territory", "name"), territory), 0);
  siren = terrind_field_get_item_value (members, territory, 0,
                                        terrind_field_get_item_field (members, 0));
  ck_assert_str_eq (siren, "200040715");
  ck_assert_ptr_null (terrind_field_get_value (members, territory));
}
END_TEST

/* A referent covers its territory from its start to its end date. */
START_TEST (test_end_date_and_coverage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) region = terrind_region_new ("84", "Auvergne-Rhône-Alpes", &error);
  g_autoptr(TerrindOperator) op = terrind_operator_new ("bpifrance", "Bpifrance", &error);
  g_autoptr(TerrindTerritory) territory = terrind_territory_new ("ti-1", "Un territoire", "84",
                                                                 &error);
  g_autoptr(TerrindReferent) referent = terrind_referent_new ("r-1", "bpifrance", "ti-1",
                                                              "Jeanne Martin", &error);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) ended = NULL;

  ck_assert (terrind_registry_add_region (registry, region, &error));
  ck_assert (terrind_registry_add_operator (registry, op, &error));
  ck_assert (terrind_registry_add_territory (registry, territory, &error));
  ck_assert (terrind_referent_set_start_date (referent, "2020-01-01", &error));
  ck_assert (terrind_referent_set_end_date (referent, "2022-12-31", &error));
  ck_assert (!terrind_referent_set_start_date (referent, "2023-01-01", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert (!terrind_referent_set_end_date (referent, "2022-13-01", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_str_eq (terrind_referent_get_end_date (referent), "2022-12-31");
  ck_assert (terrind_registry_add_referent (registry, referent, &error));

  ck_assert (terrind_referent_is_current (referent, "2020-01-01"));
  ck_assert (terrind_referent_is_current (referent, "2022-12-31"));
  ck_assert (!terrind_referent_is_current (referent, "2019-12-31"));
  ck_assert (!terrind_referent_is_current (referent, "2023-01-01"));
  before = terrind_registry_list_territories_without_referent_on (registry, "bpifrance",
                                                                  "2019-06-01");
  after = terrind_registry_list_territories_without_referent_on (registry, "bpifrance",
                                                                 "2021-06-01");
  ck_assert_uint_eq (before->len, 1);
  ck_assert_uint_eq (after->len, 0);
  /* Its end is past: today it no longer covers the territory. */
  today = terrind_registry_list_territories_without_referent (registry, "bpifrance");
  ck_assert_uint_eq (today->len, 1);
  ck_assert (terrind_referent_set_end_date (referent, NULL, &error));
  ended = terrind_registry_list_territories_without_referent (registry, "bpifrance");
  ck_assert_uint_eq (ended->len, 0);
  ck_assert_ptr_null (terrind_registry_list_territories_without_referent_on (registry, "nobody",
                                                                             "2021-06-01"));
}
END_TEST

START_TEST (test_null_kind_is_a_programmer_error)
{
  (void) terrind_kind_get_name (NULL);
}
END_TEST

START_TEST (test_wrong_item_field_is_a_programmer_error)
{
  g_autoptr(TerrindTerritory) territory = terrind_territory_new ("ti-1", "T", "84", NULL);
  g_autofree char *value = terrind_field_get_item_value (field ("territory", "members"),
                                                         territory, 0,
                                                         field ("territory", "name"));

  ck_assert_ptr_null (value);
}
END_TEST

static Suite *
model_suite (void)
{
  Suite *suite = suite_create ("model");
  TCase *tc = tcase_create ("model");

  tcase_add_test (tc, test_kinds_are_well_formed);
  tcase_add_test (tc, test_field_names);
  tcase_add_test (tc, test_new_entity_and_values);
  tcase_add_test (tc, test_new_entity_refuses);
  tcase_add_test (tc, test_round_trip_through_values);
  tcase_add_test (tc, test_registry_by_kind);
  tcase_add_test (tc, test_lists);
  tcase_add_test (tc, test_end_date_and_coverage);
  suite_add_tcase (suite, tc);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_kind_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_wrong_item_field_is_a_programmer_error,
                                   SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (model_suite ());
}
