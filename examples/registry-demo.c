/* registry-demo.c: build a small registry with the C API and print it
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Build it against an installed libterrind with:
 *   cc registry-demo.c $(pkg-config --cflags --libs libterrind)
 */

#include <locale.h>
#include <stdlib.h>

#include <terrind.h>

static gboolean
build_registry (TerrindRegistry *registry,
                GError         **error)
{
  g_autoptr(TerrindRegion) region = NULL;
  g_autoptr(TerrindTerritory) territory = NULL;
  g_autoptr(TerrindOperator) op = NULL;
  g_autoptr(TerrindReferent) referent = NULL;

  region = terrind_region_new ("84", "Auvergne-Rhône-Alpes", error);
  if (region == NULL || !terrind_registry_add_region (registry, region, error))
    return FALSE;

  territory = terrind_territory_new ("ti-8401", "Vallée de l'Arve", "84", error);
  if (territory == NULL ||
      !terrind_territory_add_member (territory, "200000172", error) ||
      !terrind_registry_add_territory (registry, territory, error))
    return FALSE;

  op = terrind_operator_new ("pole-emploi", "Pôle emploi", error);
  if (op == NULL ||
      !terrind_operator_rename (op, "France Travail", "2023-12-31", error) ||
      !terrind_registry_add_operator (registry, op, error))
    return FALSE;

  referent = terrind_referent_new ("ref-ft-8401", "pole-emploi", "ti-8401",
                                   "Camille Exemple", error);
  if (referent == NULL ||
      !terrind_referent_set_role (referent, "Conseiller référent", error) ||
      !terrind_registry_add_referent (registry, referent, error))
    return FALSE;
  return TRUE;
}

/* The rule the programme set: one referent per operator and territory. */
static gboolean
second_referent_is_refused (TerrindRegistry *registry)
{
  g_autoptr(TerrindReferent) second = NULL;
  g_autoptr(GError) error = NULL;

  second = terrind_referent_new ("ref-ft-8401-bis", "pole-emploi", "ti-8401",
                                 "Dominique Autre", NULL);
  if (terrind_registry_add_referent (registry, second, &error))
    return FALSE;
  g_print ("second referent refused (%s): %s\n",
           terrind_error_code_to_string (error->code), error->message);
  return g_error_matches (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE);
}

static void
print_registry (TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) territories = terrind_registry_list_territories (registry);
  g_autoptr(GPtrArray) operators = terrind_registry_list_operators (registry);

  for (guint i = 0; i < territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (territories, i);
      TerrindRegion *region =
        terrind_registry_get_region (registry, terrind_territory_get_region_code (territory));

      g_print ("territory %s “%s” in %s, %u member(s)\n",
               terrind_territory_get_id (territory), terrind_territory_get_name (territory),
               terrind_region_get_name (region), terrind_territory_get_n_members (territory));
      for (guint j = 0; j < operators->len; j++)
        {
          TerrindOperator *op = g_ptr_array_index (operators, j);
          TerrindReferent *referent =
            terrind_registry_get_referent_for (registry, terrind_operator_get_id (op),
                                               terrind_territory_get_id (territory));

          g_print ("  %s (formerly %s): %s\n", terrind_operator_get_name (op),
                   terrind_operator_get_n_former_names (op) > 0
                     ? terrind_operator_get_former_name (op, 0) : "-",
                   referent != NULL ? terrind_referent_get_person (referent) : "missing");
        }
    }
}

int
main (void)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_print ("libterrind %s\n", terrind_version_string ());
  if (!build_registry (registry, &error))
    {
      g_printerr ("registry-demo: %s\n", error->message);
      return EXIT_FAILURE;
    }
  print_registry (registry);
  if (!second_referent_is_refused (registry))
    {
      g_printerr ("registry-demo: a second referent was accepted\n");
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
