/* terrind-gtype.c: boxed GTypes over the ref-counted types
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind.h"

/* A boxed copy is a new reference: the object is shared, never duplicated,
 * so a binding sees the changes C makes and the registry's checks still
 * apply to what it holds. */
/**
 * terrind_registry_get_type:
 *
 * Registers #TerrindRegistry as a boxed type the first time it is called: a
 * copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindRegistry
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindRegistry, terrind_registry, terrind_registry_ref, terrind_registry_unref)
/**
 * terrind_phase_get_type:
 *
 * Registers #TerrindPhase as a boxed type the first time it is called: a
 * copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindPhase
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindPhase, terrind_phase, terrind_phase_ref, terrind_phase_unref)
/**
 * terrind_region_get_type:
 *
 * Registers #TerrindRegion as a boxed type the first time it is called: a
 * copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindRegion
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindRegion, terrind_region, terrind_region_ref, terrind_region_unref)
/**
 * terrind_territory_get_type:
 *
 * Registers #TerrindTerritory as a boxed type the first time it is called: a
 * copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindTerritory
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindTerritory, terrind_territory, terrind_territory_ref, terrind_territory_unref)
/**
 * terrind_operator_get_type:
 *
 * Registers #TerrindOperator as a boxed type the first time it is called: a
 * copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindOperator
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindOperator, terrind_operator, terrind_operator_ref, terrind_operator_unref)
/**
 * terrind_convention_get_type:
 *
 * Registers #TerrindConvention as a boxed type the first time it is called:
 * a copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindConvention
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindConvention, terrind_convention, terrind_convention_ref, terrind_convention_unref)
/**
 * terrind_commitment_get_type:
 *
 * Registers #TerrindCommitment as a boxed type the first time it is called:
 * a copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindCommitment
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindCommitment, terrind_commitment, terrind_commitment_ref, terrind_commitment_unref)
/**
 * terrind_referent_get_type:
 *
 * Registers #TerrindReferent as a boxed type the first time it is called: a
 * copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindReferent
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindReferent, terrind_referent, terrind_referent_ref, terrind_referent_unref)
/**
 * terrind_designation_get_type:
 *
 * Registers #TerrindDesignation as a boxed type the first time it is called:
 * a copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindDesignation
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindDesignation, terrind_designation, terrind_designation_ref, terrind_designation_unref)
/**
 * terrind_investment_get_type:
 *
 * Registers #TerrindInvestment as a boxed type the first time it is called:
 * a copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindInvestment
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindInvestment, terrind_investment, terrind_investment_ref, terrind_investment_unref)
/**
 * terrind_changeset_get_type:
 *
 * Registers #TerrindChangeset as a boxed type the first time it is called: a
 * copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindChangeset
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindChangeset, terrind_changeset, terrind_changeset_ref, terrind_changeset_unref)
/**
 * terrind_import_options_get_type:
 *
 * Registers #TerrindImportOptions as a boxed type the first time it is
 * called: a copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindImportOptions
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindImportOptions, terrind_import_options, terrind_import_options_ref, terrind_import_options_unref)
/**
 * terrind_evaluation_options_get_type:
 *
 * Registers #TerrindEvaluationOptions as a boxed type the first time it is
 * called: a copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindEvaluationOptions
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindEvaluationOptions, terrind_evaluation_options, terrind_evaluation_options_ref, terrind_evaluation_options_unref)
/**
 * terrind_evaluation_get_type:
 *
 * Registers #TerrindEvaluation as a boxed type the first time it is called:
 * a copy takes a reference, a free drops one.
 *
 * Returns: the #GType of #TerrindEvaluation
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindEvaluation, terrind_evaluation, terrind_evaluation_ref, terrind_evaluation_unref)

/* The model's kinds and fields are static tables that live as long as the
 * library: copying one is handing out the same pointer, freeing it is
 * nothing. */
static gpointer
static_copy (gpointer description)
{
  return description;
}

static void
static_free (gpointer description)
{
}

/**
 * terrind_kind_get_type:
 *
 * Registers #TerrindKind as a boxed type the first time it is called: a copy
 * is the same pointer, since #TerrindKind is a static description of the
 * model.
 *
 * Returns: the #GType of #TerrindKind
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindKind, terrind_kind, static_copy, static_free)
/**
 * terrind_field_get_type:
 *
 * Registers #TerrindField as a boxed type the first time it is called: a
 * copy is the same pointer, since #TerrindField is a static description of
 * the model.
 *
 * Returns: the #GType of #TerrindField
 *
 * Since: 1.1
 */
G_DEFINE_BOXED_TYPE (TerrindField, terrind_field, static_copy, static_free)
