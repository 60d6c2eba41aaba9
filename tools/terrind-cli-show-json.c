/* terrind-cli-show-json.c: terrind show --format=json|csv
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The same content as the text output, as a tree: an entity's fields come
 * from the model's description (the names of the XML), and what is
 * attached to it is spelled here, once, for both machine formats: CSV is
 * this tree flattened to key,value rows (terrind-cli-output.c).
 */

#include "config.h"

#include "terrind-cli-show.h"

/* {"id", "name", "phase"} of a territory. */
static void
add_territory (JsonBuilder      *builder,
               TerrindTerritory *territory)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, terrind_territory_get_id (territory));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, terrind_territory_get_name (territory));
  json_builder_set_member_name (builder, "phase");
  json_builder_add_int_value (builder, terrind_territory_get_phase (territory));
  json_builder_end_object (builder);
}

static void
add_children (JsonBuilder       *builder,
              TerrindRegistry   *registry,
              const TerrindKind *kind,
              gconstpointer      entity)
{
  const TerrindKind * const *kinds;
  guint n_kinds;

  kinds = terrind_model_get_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) children = NULL;

      if (terrind_kind_get_parent (kinds[k]) != kind)
        continue;
      children = terrind_cli_show_list_children (registry, kind, entity, kinds[k]);
      json_builder_set_member_name (builder, terrind_kind_get_plural (kinds[k]));
      json_builder_begin_array (builder);
      for (guint i = 0; i < children->len; i++)
        {
          json_builder_begin_object (builder);
          terrind_cli_json_add_fields (builder, kinds[k], g_ptr_array_index (children, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
}

static void
add_region (JsonBuilder           *builder,
            TerrindRegistry       *registry,
            const TerrindCliPhase *choice,
            gconstpointer          entity)
{
  g_autoptr(GPtrArray) all =
    terrind_registry_list_territories_in_region (registry, terrind_region_get_code (entity));

  json_builder_set_member_name (builder, "territories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < all->len; i++)
    if (terrind_cli_phase_includes (choice, terrind_territory_get_phase (g_ptr_array_index (all, i))))
      add_territory (builder, g_ptr_array_index (all, i));
  json_builder_end_array (builder);
}

static void
add_operator (JsonBuilder           *builder,
              TerrindRegistry       *registry,
              const TerrindCliPhase *choice,
              gconstpointer          entity)
{
  const char *id = terrind_operator_get_id (entity);
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions_of_operator (registry, id);
  g_autoptr(GPtrArray) territories = terrind_cli_phase_list_territories (registry, choice);
  guint with = 0;

  for (guint i = 0; i < territories->len; i++)
    if (terrind_registry_get_referent_for (registry, id,
                                           terrind_territory_get_id (g_ptr_array_index (territories, i)))
        != NULL)
      with++;

  json_builder_set_member_name (builder, "conventions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < conventions->len; i++)
    json_builder_add_string_value (builder,
                                   terrind_convention_get_id (g_ptr_array_index (conventions, i)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "coverage");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "territories");
  json_builder_add_int_value (builder, territories->len);
  json_builder_set_member_name (builder, "present");
  json_builder_add_int_value (builder, with);
  json_builder_set_member_name (builder, "missing");
  json_builder_add_int_value (builder, territories->len - with);
  json_builder_end_object (builder);
}

static void
add_territory_attached (JsonBuilder           *builder,
                        TerrindRegistry       *registry,
                        const TerrindCliPhase *choice,
                        gconstpointer          entity)
{
  TerrindTerritory *territory = (TerrindTerritory *) entity;
  const char *id = terrind_territory_get_id (territory);
  g_autoptr(GPtrArray) operators = terrind_registry_list_operators (registry);
  g_autoptr(GPtrArray) same =
    terrind_registry_list_territories_by_anct_id (registry, terrind_territory_get_anct_id (territory));
  g_autoptr(GPtrArray) related = terrind_registry_list_related_territories (registry, territory);
  const TerrindKind *referent_kind = terrind_model_lookup_kind ("referent");

  (void) choice;
  json_builder_set_member_name (builder, "same_anct_id");
  json_builder_begin_array (builder);
  for (guint i = 0; i < same->len; i++)
    if (g_ptr_array_index (same, i) != territory)
      add_territory (builder, g_ptr_array_index (same, i));
  json_builder_end_array (builder);

  /* Territories of other phases sharing members: "continues" the earlier
   * ones, "continued-by" the later. */
  json_builder_set_member_name (builder, "related");
  json_builder_begin_array (builder);
  for (guint i = 0; i < related->len; i++)
    {
      TerrindTerritory *other = g_ptr_array_index (related, i);
      guint shared = 0;

      for (guint j = 0; j < terrind_territory_get_n_members (other); j++)
        if (terrind_territory_has_member (territory, terrind_territory_get_member (other, j)))
          shared++;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "relation");
      json_builder_add_string_value (builder,
                                     terrind_territory_get_phase (other) <
                                     terrind_territory_get_phase (territory)
                                     ? "continues" : "continued-by");
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, terrind_territory_get_id (other));
      json_builder_set_member_name (builder, "phase");
      json_builder_add_int_value (builder, terrind_territory_get_phase (other));
      json_builder_set_member_name (builder, "shared_members");
      json_builder_add_int_value (builder, shared);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* One item per operator, so that a missing referent is as visible as a
   * present one. */
  json_builder_set_member_name (builder, "referents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < operators->len; i++)
    {
      const char *op_id = terrind_operator_get_id (g_ptr_array_index (operators, i));
      TerrindReferent *referent = terrind_registry_get_referent_for (registry, op_id, id);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "operator");
      json_builder_add_string_value (builder, op_id);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, referent != NULL ? "present" : "missing");
      json_builder_set_member_name (builder, "referent");
      if (referent != NULL)
        {
          json_builder_begin_object (builder);
          terrind_cli_json_add_fields (builder, referent_kind, referent);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

typedef void (*AddAttachedFunc) (JsonBuilder           *builder,
                                 TerrindRegistry       *registry,
                                 const TerrindCliPhase *choice,
                                 gconstpointer          entity);

static const struct {
  const char     *kind;
  AddAttachedFunc add;
} attached[] = {
  { "region", add_region },
  { "operator", add_operator },
  { "territory", add_territory_attached },
};

void
terrind_cli_show_json_entity (JsonBuilder           *builder,
                              TerrindRegistry       *registry,
                              const TerrindCliPhase *choice,
                              const TerrindKind     *kind,
                              gconstpointer          entity)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, terrind_kind_get_name (kind));
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, terrind_kind_get_entity_id (kind, entity));
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  terrind_cli_json_add_fields (builder, kind, entity);
  json_builder_end_object (builder);
  add_children (builder, registry, kind, entity);
  for (guint i = 0; i < G_N_ELEMENTS (attached); i++)
    if (terrind_model_lookup_kind (attached[i].kind) == kind)
      attached[i].add (builder, registry, choice, entity);
  json_builder_end_object (builder);
}

void
terrind_cli_show_json_member (JsonBuilder *builder,
                              GPtrArray   *territories,
                              const char  *siren,
                              const char  *name,
                              const char  *member_kind)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "member");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, siren);
  if (name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
    }
  if (member_kind != NULL)
    {
      json_builder_set_member_name (builder, "member_kind");
      json_builder_add_string_value (builder, member_kind);
    }
  json_builder_set_member_name (builder, "territories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < territories->len; i++)
    add_territory (builder, g_ptr_array_index (territories, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}
