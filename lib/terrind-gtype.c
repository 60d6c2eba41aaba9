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
G_DEFINE_BOXED_TYPE (TerrindRegistry, terrind_registry, terrind_registry_ref, terrind_registry_unref)
G_DEFINE_BOXED_TYPE (TerrindPhase, terrind_phase, terrind_phase_ref, terrind_phase_unref)
G_DEFINE_BOXED_TYPE (TerrindRegion, terrind_region, terrind_region_ref, terrind_region_unref)
G_DEFINE_BOXED_TYPE (TerrindTerritory, terrind_territory, terrind_territory_ref, terrind_territory_unref)
G_DEFINE_BOXED_TYPE (TerrindOperator, terrind_operator, terrind_operator_ref, terrind_operator_unref)
G_DEFINE_BOXED_TYPE (TerrindConvention, terrind_convention, terrind_convention_ref, terrind_convention_unref)
G_DEFINE_BOXED_TYPE (TerrindCommitment, terrind_commitment, terrind_commitment_ref, terrind_commitment_unref)
G_DEFINE_BOXED_TYPE (TerrindReferent, terrind_referent, terrind_referent_ref, terrind_referent_unref)
G_DEFINE_BOXED_TYPE (TerrindDesignation, terrind_designation, terrind_designation_ref, terrind_designation_unref)
G_DEFINE_BOXED_TYPE (TerrindInvestment, terrind_investment, terrind_investment_ref, terrind_investment_unref)
G_DEFINE_BOXED_TYPE (TerrindChangeset, terrind_changeset, terrind_changeset_ref, terrind_changeset_unref)
G_DEFINE_BOXED_TYPE (TerrindImportOptions, terrind_import_options, terrind_import_options_ref, terrind_import_options_unref)
G_DEFINE_BOXED_TYPE (TerrindEvaluationOptions, terrind_evaluation_options, terrind_evaluation_options_ref, terrind_evaluation_options_unref)
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

G_DEFINE_BOXED_TYPE (TerrindKind, terrind_kind, static_copy, static_free)
G_DEFINE_BOXED_TYPE (TerrindField, terrind_field, static_copy, static_free)
