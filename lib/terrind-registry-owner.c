/* terrind-registry-owner.c: which registry holds an entity
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * An entity belongs to at most one registry, and may move from one to
 * another (removed from the first, added to the second). Code that guards a
 * registry against concurrent writers (a binding's busy flag, a host's
 * read-only view) has to follow the entity to where it is now, not to where
 * it was first reached: these accessors say where that is.
 */

#include "config.h"

#include "terrind-registry.h"
#include "terrind-phase-private.h"
#include "terrind-region-private.h"
#include "terrind-territory-private.h"
#include "terrind-operator-private.h"
#include "terrind-convention-private.h"
#include "terrind-commitment-private.h"
#include "terrind-referent-private.h"

/**
 * terrind_phase_get_registry:
 * @phase: a #TerrindPhase
 *
 * Finds the registry that holds @phase, if any. A phase belongs to at most
 * one registry.
 *
 * Returns: (transfer none) (nullable): the registry that holds @phase, or
 *   %NULL if it belongs to none.
 *
 * Since: 1.1
 */
TerrindRegistry *
terrind_phase_get_registry (const TerrindPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);
  return phase->owner;
}

/**
 * terrind_region_get_registry:
 * @region: a #TerrindRegion
 *
 * Finds the registry that holds @region, if any. A region belongs to at most
 * one registry.
 *
 * Returns: (transfer none) (nullable): the registry that holds @region, or
 *   %NULL if it belongs to none.
 *
 * Since: 1.0.1
 */
TerrindRegistry *
terrind_region_get_registry (const TerrindRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);
  return region->owner;
}

/**
 * terrind_territory_get_registry:
 * @territory: a #TerrindTerritory
 *
 * Finds the registry that holds @territory, if any. A territory belongs to at
 * most one registry.
 *
 * Returns: (transfer none) (nullable): the registry that holds @territory,
 *   or %NULL if it belongs to none.
 *
 * Since: 1.0.1
 */
TerrindRegistry *
terrind_territory_get_registry (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, NULL);
  return territory->owner;
}

/**
 * terrind_operator_get_registry:
 * @op: a #TerrindOperator
 *
 * Finds the registry that holds @op, if any. An operator belongs to at most
 * one registry.
 *
 * Returns: (transfer none) (nullable): the registry that holds @op, or
 *   %NULL if it belongs to none.
 *
 * Since: 1.0.1
 */
TerrindRegistry *
terrind_operator_get_registry (const TerrindOperator *op)
{
  g_return_val_if_fail (op != NULL, NULL);
  return op->owner;
}

/**
 * terrind_convention_get_registry:
 * @convention: a #TerrindConvention
 *
 * Finds the registry that holds @convention, if any. A convention belongs to
 * at most one registry.
 *
 * Returns: (transfer none) (nullable): the registry that holds @convention,
 *   or %NULL if it belongs to none.
 *
 * Since: 1.0.1
 */
TerrindRegistry *
terrind_convention_get_registry (const TerrindConvention *convention)
{
  g_return_val_if_fail (convention != NULL, NULL);
  return convention->owner;
}

/**
 * terrind_commitment_get_registry:
 * @commitment: a #TerrindCommitment
 *
 * A commitment belongs to a registry through its convention.
 *
 * Returns: (transfer none) (nullable): the registry that holds the
 *   convention of @commitment, or %NULL if the commitment belongs to no
 *   convention or its convention to no registry.
 *
 * Since: 1.0.1
 */
TerrindRegistry *
terrind_commitment_get_registry (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, NULL);
  if (commitment->convention == NULL)
    return NULL;
  return commitment->convention->owner;
}

/**
 * terrind_referent_get_registry:
 * @referent: a #TerrindReferent
 *
 * Finds the registry that holds @referent, if any. A referent belongs to at
 * most one registry.
 *
 * Returns: (transfer none) (nullable): the registry that holds @referent,
 *   or %NULL if it belongs to none.
 *
 * Since: 1.0.1
 */
TerrindRegistry *
terrind_referent_get_registry (const TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);
  return referent->owner;
}
