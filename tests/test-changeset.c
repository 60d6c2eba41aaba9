/* test-changeset.c: edits that land together or not at all
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <signal.h>
#include <string.h>

#include "terrind-test-util.h"

static const TerrindKind *
kind (const char *name)
{
  const TerrindKind *found = terrind_model_lookup_kind (name);

  ck_assert_ptr_nonnull (found);
  return found;
}

static const TerrindField *
field (const char *kind_name,
       const char *field_name)
{
  const TerrindField *found = terrind_kind_lookup_field (kind (kind_name), field_name);

  ck_assert_ptr_nonnull (found);
  return found;
}

static TerrindChangeset *
open_or_abort (TerrindRegistry *registry)
{
  g_autoptr(GError) error = NULL;
  TerrindChangeset *changeset = terrind_changeset_new (registry, &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (changeset);
  return changeset;
}

/* Every entity of @registry, by kind and id, so that a test can check that
 * a rollback put back the very same objects, not equal copies. */
static GHashTable *
objects_of (TerrindRegistry *registry)
{
  GHashTable *objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) entities = terrind_registry_list (registry, kinds[k]);

      for (guint i = 0; i < entities->len; i++)
        g_hash_table_insert (objects,
                             g_strdup_printf ("%s/%s", terrind_kind_get_name (kinds[k]),
                                              terrind_kind_get_entity_id (kinds[k],
                                                                          entities->pdata[i])),
                             entities->pdata[i]);
    }
  return objects;
}

static void
assert_same_objects (TerrindRegistry *registry,
                     GHashTable      *before)
{
  g_autoptr(GHashTable) now = objects_of (registry);
  GHashTableIter iter;
  gpointer key, value;

  ck_assert_uint_eq (g_hash_table_size (now), g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ck_assert_msg (g_hash_table_lookup (now, key) == value, "%s is another object",
                   (const char *) key);
}

/* The registry is exactly as before: equal to an untouched twin, the same
 * dump (listings and indexes), the same objects. */
#define assert_as_before(registry, twin, snapshot, objects)                    \
  G_STMT_START {                                                               \
    ck_assert (terrind_registry_equal ((registry), (twin)));                  \
    terrind_assert_registry_unchanged ((registry), (snapshot));               \
    assert_same_objects ((registry), (objects));                              \
  } G_STMT_END

START_TEST (test_add_and_commit)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);
  g_autoptr(TerrindTerritory) territory = terrind_test_territory ("ti-c", "93");
  g_autoptr(TerrindReferent) referent = terrind_test_referent ("ref-c", "bpifrance", "ti-c");
  g_autoptr(TerrindCommitment) commitment = terrind_test_commitment ("bpi-vte");
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_eq (terrind_changeset_get_registry (changeset), registry);
  /* Checked against the earlier edits: the referent names the territory
   * the changeset has just added. */
  ck_assert (terrind_changeset_add (changeset, kind ("territory"), territory, NULL, &error));
  ck_assert (terrind_changeset_add (changeset, kind ("referent"), referent, NULL, &error));
  ck_assert (terrind_changeset_add (changeset, kind ("commitment"), commitment, "conv-bpi",
                                    &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_changeset_get_n_edits (changeset), 3);
  /* Edits apply at once. */
  ck_assert_ptr_eq (terrind_registry_get_referent (registry, "ref-c"), referent);

  ck_assert (terrind_changeset_commit (changeset, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_changeset_get_n_edits (changeset), 0);
  ck_assert_ptr_eq (terrind_registry_get_territory (registry, "ti-c"), territory);
  ck_assert_ptr_eq (terrind_registry_get_commitment (registry, "bpi-vte"), commitment);

  /* Closed: the registry takes typed mutations and changesets again. */
  ck_assert (!terrind_changeset_add (changeset, kind ("referent"), referent, NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_FAILED);
  ck_assert (!terrind_changeset_commit (changeset, &error));
  terrind_assert_error (error, TERRIND_ERROR_FAILED);
  terrind_changeset_rollback (changeset);
  ck_assert_ptr_eq (terrind_registry_get_referent (registry, "ref-c"), referent);
  ck_assert (terrind_registry_remove_referent (registry, "ref-c", &error));
  {
    g_autoptr(TerrindChangeset) next = open_or_abort (registry);
  }
}
END_TEST

/* Each kind of edit, then a rollback: everything as it was. */
START_TEST (test_every_edit_rolled_back)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindRegistry) twin = terrind_test_fixture_registry ();
  g_autofree char *snapshot = terrind_test_dump_registry (registry);
  g_autoptr(GHashTable) objects = objects_of (registry);
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);
  g_autoptr(TerrindRegion) region = terrind_test_region ("11");
  g_autoptr(TerrindReferent) replacement = terrind_test_referent ("ref-2", "bpifrance", "ti-a");
  TerrindReferent *old = terrind_registry_get_referent (registry, "ref-1");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_changeset_add (changeset, kind ("region"), region, NULL, &error));
  ck_assert (terrind_changeset_replace (changeset, kind ("referent"), replacement, &error));
  ck_assert (terrind_changeset_set_value (changeset, field ("territory", "region"), "ti-b",
                                          "11", &error));
  ck_assert (terrind_changeset_set_value (changeset, field ("territory", "name"), "ti-a",
                                          "Arve", &error));
  ck_assert (terrind_changeset_remove (changeset, kind ("commitment"), "bpi-access",
                                       TERRIND_REMOVE_NONE, &error));
  ck_assert (terrind_changeset_remove (changeset, kind ("convention"), "conv-bpi",
                                       TERRIND_REMOVE_NONE, &error));
  ck_assert (terrind_changeset_remove (changeset, kind ("region"), "93", TERRIND_REMOVE_NONE,
                                       &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_changeset_get_n_edits (changeset), 7);
  ck_assert_ptr_eq (terrind_registry_get_referent_for (registry, "bpifrance", "ti-a"),
                    replacement);
  ck_assert_str_eq (terrind_territory_get_region_code (terrind_registry_get_territory (registry,
                                                                                      "ti-b")),
                    "11");
  ck_assert_ptr_null (terrind_registry_get_convention (registry, "conv-bpi"));
  ck_assert_ptr_null (terrind_registry_get_region (registry, "93"));

  terrind_changeset_rollback (changeset);
  assert_as_before (registry, twin, snapshot, objects);
  ck_assert_ptr_eq (terrind_registry_get_referent (registry, "ref-1"), old);
  ck_assert_ptr_eq (terrind_referent_get_registry (old), registry);
  ck_assert_ptr_null (terrind_referent_get_registry (replacement));
  ck_assert_ptr_null (terrind_region_get_registry (region));
  ck_assert_uint_eq (terrind_changeset_get_n_edits (changeset), 0);
  /* Rolled back is closed. */
  ck_assert (!terrind_changeset_commit (changeset, &error));
  terrind_assert_error (error, TERRIND_ERROR_FAILED);
}
END_TEST

/* A cascade is undone in full: the territory and its referents, the
 * operator and its conventions and referents. */
START_TEST (test_cascade_undone)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindRegistry) twin = terrind_test_fixture_registry ();
  g_autofree char *snapshot = terrind_test_dump_registry (registry);
  g_autoptr(GHashTable) objects = objects_of (registry);
  g_autoptr(GError) error = NULL;
  TerrindChangeset *changeset = open_or_abort (registry);

  ck_assert (!terrind_changeset_remove (changeset, kind ("territory"), "ti-a",
                                        TERRIND_REMOVE_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  terrind_changeset_unref (changeset);
  assert_as_before (registry, twin, snapshot, objects);

  changeset = open_or_abort (registry);
  ck_assert (terrind_changeset_remove (changeset, kind ("territory"), "ti-a",
                                       TERRIND_REMOVE_CASCADE, &error));
  ck_assert_ptr_null (terrind_registry_get_referent (registry, "ref-1"));
  ck_assert (terrind_changeset_remove (changeset, kind ("operator"), "bpifrance",
                                       TERRIND_REMOVE_CASCADE, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_conventions (registry), 0);
  ck_assert_ptr_null (terrind_registry_get_commitment (registry, "bpi-access"));
  /* The last reference to an open changeset rolls it back. */
  terrind_changeset_unref (changeset);
  assert_as_before (registry, twin, snapshot, objects);
  ck_assert_ptr_nonnull (terrind_registry_find_territory_by_member (registry, "200000172"));
}
END_TEST

/* The first failing edit rolls back everything at once; the changeset
 * stays failed. */
START_TEST (test_failure_rolls_back)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindRegistry) twin = terrind_test_fixture_registry ();
  g_autofree char *snapshot = terrind_test_dump_registry (registry);
  g_autoptr(GHashTable) objects = objects_of (registry);
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);
  g_autoptr(TerrindTerritory) territory = terrind_test_territory ("ti-c", "93");
  g_autoptr(TerrindReferent) second = terrind_test_referent ("ref-9", "bpifrance", "ti-a");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_changeset_add (changeset, kind ("territory"), territory, NULL, &error));
  ck_assert (terrind_changeset_remove (changeset, kind ("territory"), "ti-b",
                                       TERRIND_REMOVE_NONE, &error));
  ck_assert (terrind_changeset_set_value (changeset, field ("operator", "name"), "bpifrance",
                                          "BPI", &error));
  terrind_assert_no_error (error);

  /* One referent per operator and territory. */
  ck_assert (!terrind_changeset_add (changeset, kind ("referent"), second, NULL, &error));
  ck_assert_msg (g_str_has_prefix (error->message, "edit 4 (add referent “ref-9”): operator "),
                 "%s", error->message);
  ck_assert_int_eq (terrind_error_get_line (error), 0);
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  assert_as_before (registry, twin, snapshot, objects);
  ck_assert_ptr_null (terrind_territory_get_registry (territory));
  ck_assert_uint_eq (terrind_changeset_get_n_edits (changeset), 0);

  ck_assert (!terrind_changeset_remove (changeset, kind ("region"), "84", TERRIND_REMOVE_NONE,
                                        &error));
  ck_assert_msg (g_str_has_prefix (error->message, "the changeset has already failed: edit 4 "),
                 "%s", error->message);
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  ck_assert (!terrind_changeset_commit (changeset, &error));
  ck_assert_msg (g_str_has_prefix (error->message, "edit 4 (add referent “ref-9”): "), "%s",
                 error->message);
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_changeset_rollback (changeset);
  assert_as_before (registry, twin, snapshot, objects);

  /* A failed changeset lets go of its registry. */
  ck_assert (terrind_registry_remove_referent (registry, "ref-1", &error));
  terrind_assert_no_error (error);
}
END_TEST

/* Errors name the edit: its location when one is set, else its number and
 * what it did. */
/* From an empty registry, a changeset keeps no undo log: a rollback
 * empties the registry again, whatever the edits did, and lets go of the
 * entities it took. */
START_TEST (test_rollback_from_empty)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegistry) empty = terrind_registry_new ();
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);
  g_autoptr(TerrindRegion) region = terrind_test_region ("84");
  g_autoptr(TerrindTerritory) first = terrind_test_territory ("ti-a", "84");
  g_autoptr(TerrindTerritory) second = terrind_test_territory ("ti-b", "84");
  g_autoptr(TerrindReferent) orphan = terrind_test_referent ("ref-9", "nobody", "ti-b");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_changeset_add (changeset, kind ("region"), region, NULL, &error));
  ck_assert (terrind_changeset_add (changeset, kind ("territory"), first, NULL, &error));
  ck_assert (terrind_changeset_set_value (changeset, field ("territory", "name"), "ti-a",
                                          "Renamed", &error));
  ck_assert (terrind_changeset_remove (changeset, kind ("territory"), "ti-a",
                                       TERRIND_REMOVE_NONE, &error));
  ck_assert (terrind_changeset_add (changeset, kind ("territory"), second, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert (!terrind_changeset_add (changeset, kind ("referent"), orphan, NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);

  ck_assert (terrind_registry_equal (registry, empty));
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 0);
  ck_assert_ptr_null (terrind_region_get_registry (region));
  ck_assert_ptr_null (terrind_territory_get_registry (first));
  ck_assert_ptr_null (terrind_territory_get_registry (second));
  /* And the registry takes edits again. */
  ck_assert (terrind_registry_add_region (registry, region, &error));
  terrind_assert_no_error (error);
}
END_TEST

START_TEST (test_error_locations)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindRegion) region = terrind_test_region ("84");
  g_autoptr(GError) error = NULL;
  TerrindChangeset *changeset;

  changeset = open_or_abort (registry);
  terrind_changeset_set_location (changeset, "more.xml", 12, 5);
  ck_assert (!terrind_changeset_add (changeset, kind ("region"), region, NULL, &error));
  ck_assert_str_eq (error->message, "more.xml:12:5: the registry already has the region “84”");
  ck_assert_str_eq (terrind_error_get_file (error), "more.xml");
  ck_assert_int_eq (terrind_error_get_line (error), 12);
  ck_assert_int_eq (terrind_error_get_column (error), 5);
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_changeset_unref (changeset);

  /* A file without a line is never "file:0:0". */
  changeset = open_or_abort (registry);
  terrind_changeset_set_location (changeset, "more.xml", 0, 0);
  ck_assert (!terrind_changeset_remove (changeset, kind ("region"), "00", TERRIND_REMOVE_NONE,
                                        &error));
  ck_assert_str_eq (error->message, "more.xml: there is no region with id “00”");
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  terrind_changeset_unref (changeset);

  changeset = open_or_abort (registry);
  terrind_changeset_set_location (changeset, "more.xml", 3, 1);
  terrind_changeset_set_location (changeset, NULL, 0, 0);
  ck_assert (!terrind_changeset_set_value (changeset, field ("territory", "region"), "ti-a",
                                           "11", &error));
  ck_assert_msg (g_str_has_prefix (error->message, "edit 1 (set territory “ti-a” region): "),
                 "%s", error->message);
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  terrind_changeset_unref (changeset);

  changeset = open_or_abort (registry);
  ck_assert (!terrind_changeset_replace (changeset, kind ("region"), region, &error));
  ck_assert_msg (g_str_has_prefix (error->message, "edit 1 (replace region “84”): "),
                 "%s", error->message);
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert (!terrind_changeset_set_value (changeset, field ("territory", "name"), "nowhere",
                                           "X", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  terrind_changeset_unref (changeset);

  changeset = open_or_abort (registry);
  ck_assert (!terrind_changeset_set_value (changeset, field ("territory", "name"), "nowhere",
                                           "X", &error));
  ck_assert_str_eq (error->message,
                    "edit 1 (set territory “nowhere” name): there is no territory with id "
                    "“nowhere”");
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  terrind_changeset_unref (changeset);
}
END_TEST

/* One changeset at a time, and no change beside it. */
START_TEST (test_exclusive)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);
  g_autoptr(TerrindRegion) region = terrind_test_region ("11");
  g_autoptr(TerrindReferent) referent = terrind_test_referent ("ref-2", "bpifrance", "ti-a");
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (terrind_changeset_new (registry, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);

  ck_assert (!terrind_registry_add_region (registry, region, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_registry_add (registry, kind ("region"), region, NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_registry_remove_referent (registry, "ref-1", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "open changeset"));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_registry_remove_territory (registry, "ti-a", TERRIND_REMOVE_CASCADE,
                                                 &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_registry_replace_referent (registry, referent, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_registry_import_data (registry, "<x/>", 4, NULL, &error));
  ck_assert_str_eq (terrind_error_get_file (error), "<data>");
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);

  /* The changeset itself still works, and commits. */
  ck_assert (terrind_changeset_add (changeset, kind ("region"), region, NULL, &error));
  ck_assert (terrind_changeset_commit (changeset, &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_registry_remove_region (registry, "11", &error));
  terrind_assert_no_error (error);
}
END_TEST

/* While a changeset is open, the entities the registry holds refuse their
 * own setters as the registry refuses its mutations: a change beside the
 * changeset would escape its undo log. Entities no registry holds, and the
 * changeset's own edits, are free. */
START_TEST (test_entity_setters_refused)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindRegistry) twin = terrind_test_fixture_registry ();
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);
  g_autoptr(TerrindReferent) loose = terrind_test_referent ("ref-9", "bpifrance", "ti-b");
  TerrindReferent *held = terrind_registry_get_referent (registry, "ref-1");
  TerrindTerritory *territory = terrind_registry_get_territory (registry, "ti-a");
  TerrindRegion *region = terrind_registry_get_region (registry, "84");
  TerrindOperator *op = terrind_registry_get_operator (registry, "bpifrance");
  TerrindConvention *convention = terrind_registry_get_convention (registry, "conv-bpi");
  TerrindCommitment *commitment = terrind_registry_get_commitment (registry, "bpi-access");
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_referent_set_email (held, "j.martin@example.fr", &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_territory_add_member (territory, "200000180", &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_territory_set_name (territory, "Autre", &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_region_set_name (region, "Autre", &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_operator_add_former_name (op, "Oseo", NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_convention_set_place (convention, "Lyon", &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_commitment_set_text (commitment, "Autre", &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);

  /* A loose entity is free; the changeset's own edit goes through. */
  ck_assert (terrind_referent_set_email (loose, "x@example.fr", &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_changeset_set_value (changeset, field ("referent", "email"), "ref-1",
                                          "j.martin@example.fr", &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_referent_get_email (held), "j.martin@example.fr");

  /* Rolled back, the registry is its twin again: nothing slipped past. */
  terrind_changeset_rollback (changeset);
  ck_assert (terrind_registry_equal (registry, twin));
  ck_assert (terrind_territory_set_name (territory, "Autre", &error));
  terrind_assert_no_error (error);
}
END_TEST

/* Entities a changeset removed stay alive until it is done with them. */
START_TEST (test_removed_kept_alive)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);
  TerrindTerritory *territory = terrind_registry_get_territory (registry, "ti-b");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_changeset_remove (changeset, kind ("territory"), "ti-b",
                                       TERRIND_REMOVE_NONE, &error));
  terrind_assert_no_error (error);
  /* Borrowed pointer, still valid: the undo log holds it. */
  ck_assert_str_eq (terrind_territory_get_id (territory), "ti-b");
  ck_assert_ptr_null (terrind_territory_get_registry (territory));
  terrind_changeset_rollback (changeset);
  ck_assert_ptr_eq (terrind_registry_get_territory (registry, "ti-b"), territory);
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, "217400563"),
                    territory);
}
END_TEST

/* XML: a file of referents for the territories of the default registry. */
static const char referents_only[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
  "  <regions/>\n"
  "  <operators/>\n"
  "  <territories/>\n"
  "  <conventions/>\n"
  "  <referents>\n"
  "    <referent id=\"bpi-0101\" operator=\"bpifrance\" territory=\"ti-0101\" person=\"A\"/>\n"
  "    <referent id=\"bf-0201\" operator=\"business-france\" territory=\"ti-0201\"\n"
  "              person=\"B\"/>\n"
  "  </referents>\n"
  "</registry>\n";

START_TEST (test_import_referents_into_default)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (&error);
  guint n_territories;

  terrind_assert_no_error (error);
  n_territories = terrind_registry_get_n_territories (registry);
  ck_assert (terrind_registry_import_data (registry, referents_only, strlen (referents_only),
                                           NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), n_territories);
  ck_assert_ptr_nonnull (terrind_registry_get_referent_for (registry, "bpifrance", "ti-0101"));
  ck_assert_ptr_nonnull (terrind_registry_get_referent_for (registry, "business-france",
                                                            "ti-0201"));
  /* The import's changeset is closed: the registry takes changes again. */
  ck_assert (terrind_registry_remove_referent (registry, "bpi-0101", &error));
  terrind_assert_no_error (error);

  /* Alone, the same file names territories nobody has, at its line. */
  ck_assert_ptr_null (terrind_registry_new_from_data (referents_only, strlen (referents_only),
                                                      &error));
  ck_assert_int_eq (terrind_error_get_line (error), 8);
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
}
END_TEST

/* A clash with what the registry holds names the clashing element, and
 * the registry is left as it was. */
START_TEST (test_import_clash_located)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (&error);
  g_autoptr(TerrindRegistry) twin = terrind_registry_new_default (&error);
  g_autofree char *snapshot = NULL;
  g_autoptr(GHashTable) objects = NULL;
  static const char clash[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
    "  <regions/>\n"
    "  <operators/>\n"
    "  <territories>\n"
    "    <territory id=\"ti-9999\" name=\"New\" region=\"84\" phase=\"1\"/>\n"
    "    <territory id=\"ti-0101\" name=\"Again\" region=\"84\" phase=\"1\"/>\n"
    "  </territories>\n"
    "  <conventions/>\n"
    "  <referents/>\n"
    "</registry>\n";

  terrind_assert_no_error (error);
  ck_assert (terrind_registry_import_data (registry, referents_only, strlen (referents_only),
                                           NULL, &error));
  ck_assert (terrind_registry_import_data (twin, referents_only, strlen (referents_only),
                                           NULL, &error));
  terrind_assert_no_error (error);
  snapshot = terrind_test_dump_registry (registry);
  objects = objects_of (registry);

  /* Again: the first referent's id is taken. */
  ck_assert (!terrind_registry_import_data (registry, referents_only, strlen (referents_only),
                                            NULL, &error));
  ck_assert_msg (g_str_has_prefix (error->message, "<data>:8:5: "), "%s", error->message);
  ck_assert_str_eq (terrind_error_get_file (error), "<data>");
  ck_assert_int_eq (terrind_error_get_line (error), 8);
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  assert_as_before (registry, twin, snapshot, objects);

  /* A territory id the registry has, after one it does not: the new one
   * is undone too. */
  ck_assert (!terrind_registry_import_data (registry, clash, strlen (clash), NULL, &error));
  ck_assert_msg (g_str_has_prefix (error->message, "<data>:7:5: "), "%s", error->message);
  ck_assert_ptr_nonnull (strstr (error->message, "“ti-0101”"));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  assert_as_before (registry, twin, snapshot, objects);
  ck_assert_ptr_null (terrind_registry_get_territory (registry, "ti-9999"));
}
END_TEST

/* An error of any sort in the middle of a file undoes what the file added
 * before it. */
START_TEST (test_import_error_midway)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindRegistry) twin = terrind_test_fixture_registry ();
  g_autofree char *snapshot = terrind_test_dump_registry (registry);
  g_autoptr(GHashTable) objects = objects_of (registry);
  g_autoptr(GError) error = NULL;
  static const char *const endings[] = {
    /* a model error: a commitment id the registry holds */
    "  <conventions>\n"
    "    <convention id=\"c\" operator=\"op\" date=\"2019-03-05\">\n"
    "      <commitment id=\"bpi-access\" kind=\"tool\"><text>t</text></commitment>\n"
    "    </convention>\n"
    "  </conventions>\n  <referents/>\n</registry>\n",
    /* a schema error */
    "  <conventions/>\n  <bogus/>\n",
    /* not well-formed, or cut short */
    "  <conventions/>\n  <referents>\n",
  };
  static const int lines[] = { 12, 11, 11 };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      g_autofree char *document =
        g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
                     "  <regions><region code=\"11\" name=\"IDF\"/></regions>\n"
                     "  <operators><operator id=\"op\" name=\"Op\"/></operators>\n"
                     "  <territories>\n"
                     "    <territory id=\"ti-c\" name=\"C\" region=\"11\">\n"
                     "      <member siren=\"200000172\"/>\n"
                     "    </territory>\n"
                     "  </territories>\n",
                     endings[i], NULL);

      ck_assert (!terrind_registry_import_data (registry, document, strlen (document), NULL,
                                                &error));
      ck_assert_msg (terrind_error_get_line (error) == lines[i], "%u: %s", i, error->message);
      g_clear_error (&error);
      assert_as_before (registry, twin, snapshot, objects);
      ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, "200000172"),
                        terrind_registry_get_territory (registry, "ti-a"));
    }
}
END_TEST

START_TEST (test_null_registry_is_a_programmer_error)
{
  TerrindChangeset *changeset = terrind_changeset_new (NULL, NULL);

  ck_assert_ptr_null (changeset);
}
END_TEST

START_TEST (test_null_entity_is_a_programmer_error)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);

  terrind_changeset_add (changeset, kind ("region"), NULL, NULL, NULL);
}
END_TEST

START_TEST (test_missing_parent_is_a_programmer_error)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);
  g_autoptr(TerrindCommitment) commitment = terrind_test_commitment ("bpi-vte");

  terrind_changeset_add (changeset, kind ("commitment"), commitment, NULL, NULL);
}
END_TEST

START_TEST (test_null_id_is_a_programmer_error)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);

  terrind_changeset_remove (changeset, kind ("region"), NULL, TERRIND_REMOVE_NONE, NULL);
}
END_TEST

START_TEST (test_null_field_is_a_programmer_error)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindChangeset) changeset = open_or_abort (registry);

  terrind_changeset_set_value (changeset, NULL, "84", "x", NULL);
}
END_TEST

START_TEST (test_null_changeset_is_a_programmer_error)
{
  terrind_changeset_commit (NULL, NULL);
}
END_TEST

static Suite *
changeset_suite (void)
{
  Suite *suite = suite_create ("changeset");
  TCase *tc = tcase_create ("changeset");
  TCase *xml = tcase_create ("import");

  tcase_add_test (tc, test_add_and_commit);
  tcase_add_test (tc, test_every_edit_rolled_back);
  tcase_add_test (tc, test_cascade_undone);
  tcase_add_test (tc, test_failure_rolls_back);
  tcase_add_test (tc, test_rollback_from_empty);
  tcase_add_test (tc, test_error_locations);
  tcase_add_test (tc, test_exclusive);
  tcase_add_test (tc, test_entity_setters_refused);
  tcase_add_test (tc, test_removed_kept_alive);
  suite_add_tcase (suite, tc);

  tcase_add_test (xml, test_import_referents_into_default);
  tcase_add_test (xml, test_import_clash_located);
  tcase_add_test (xml, test_import_error_midway);
  suite_add_tcase (suite, xml);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_registry_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_null_entity_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_missing_parent_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_null_id_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_null_field_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_null_changeset_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (changeset_suite ());
}
