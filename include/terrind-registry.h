/* terrind-registry.h: the registry that holds and checks every entity
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include "terrind-macros.h"
#include "terrind-region.h"
#include "terrind-phase.h"
#include "terrind-territory.h"
#include "terrind-operator.h"
#include "terrind-convention.h"
#include "terrind-referent.h"
#include "terrind-designation.h"
#include "terrind-investment.h"

G_BEGIN_DECLS

/**
 * TerrindRemoveFlags:
 * @TERRIND_REMOVE_NONE: refuse to remove an entity that is still referenced
 * @TERRIND_REMOVE_CASCADE: also remove what references the entity (the
 *   referents and records of a territory; the conventions, referents and
 *   records of an operator; the records of a convention's commitments)
 *
 * How the `terrind_registry_remove_*()` functions treat references.
 *
 * Since: 1.0
 */
typedef enum {
  TERRIND_REMOVE_NONE    = 0,
  TERRIND_REMOVE_CASCADE = 1 << 0,
} TerrindRemoveFlags;

typedef struct _TerrindRegistry TerrindRegistry;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindRegistry   *terrind_registry_new                          (void);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindRegistry   *terrind_registry_new_default                  (GError            **error);
TERRIND_EXPORT
TerrindRegistry   *terrind_registry_ref                          (TerrindRegistry    *registry);
TERRIND_EXPORT
void               terrind_registry_unref                        (TerrindRegistry    *registry);

/* Adding: the registry takes its own reference; the entity must not belong
 * to another registry. */
TERRIND_EXPORT
gboolean           terrind_registry_add_region                   (TerrindRegistry    *registry,
                                                                  TerrindRegion      *region,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_add_territory                (TerrindRegistry    *registry,
                                                                  TerrindTerritory   *territory,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_add_operator                 (TerrindRegistry    *registry,
                                                                  TerrindOperator    *op,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_add_convention               (TerrindRegistry    *registry,
                                                                  TerrindConvention  *convention,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_add_referent                 (TerrindRegistry    *registry,
                                                                  TerrindReferent    *referent,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_replace_referent             (TerrindRegistry    *registry,
                                                                  TerrindReferent    *referent,
                                                                  GError            **error);

/* Removing */
TERRIND_EXPORT
gboolean           terrind_registry_remove_region                (TerrindRegistry    *registry,
                                                                  const char         *code,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_remove_territory             (TerrindRegistry    *registry,
                                                                  const char         *id,
                                                                  TerrindRemoveFlags  flags,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_remove_operator              (TerrindRegistry    *registry,
                                                                  const char         *id,
                                                                  TerrindRemoveFlags  flags,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_remove_convention            (TerrindRegistry    *registry,
                                                                  const char         *id,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_remove_referent              (TerrindRegistry    *registry,
                                                                  const char         *id,
                                                                  GError            **error);

/* Lookups by id, O(1) */
TERRIND_EXPORT
TerrindRegion     *terrind_registry_get_region                   (TerrindRegistry    *registry,
                                                                  const char         *code);
TERRIND_EXPORT
TerrindTerritory  *terrind_registry_get_territory                (TerrindRegistry    *registry,
                                                                  const char         *id);
TERRIND_EXPORT
TerrindOperator   *terrind_registry_get_operator                 (TerrindRegistry    *registry,
                                                                  const char         *id);
TERRIND_EXPORT
TerrindConvention *terrind_registry_get_convention               (TerrindRegistry    *registry,
                                                                  const char         *id);
TERRIND_EXPORT
TerrindCommitment *terrind_registry_get_commitment               (TerrindRegistry    *registry,
                                                                  const char         *id);
TERRIND_EXPORT
TerrindReferent   *terrind_registry_get_referent                 (TerrindRegistry    *registry,
                                                                  const char         *id);

/* Counts */
TERRIND_EXPORT
guint              terrind_registry_get_n_regions                (TerrindRegistry    *registry);
TERRIND_EXPORT
guint              terrind_registry_get_n_territories            (TerrindRegistry    *registry);
TERRIND_EXPORT
guint              terrind_registry_get_n_operators              (TerrindRegistry    *registry);
TERRIND_EXPORT
guint              terrind_registry_get_n_conventions            (TerrindRegistry    *registry);
TERRIND_EXPORT
guint              terrind_registry_get_n_referents              (TerrindRegistry    *registry);

/* Listings, sorted by id (regions by code) */
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_regions                 (TerrindRegistry    *registry);
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_territories             (TerrindRegistry    *registry);
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_operators               (TerrindRegistry    *registry);
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_conventions             (TerrindRegistry    *registry);
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_referents               (TerrindRegistry    *registry);

/* Queries */
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_territories_in_region   (TerrindRegistry    *registry,
                                                                  const char         *region_code);
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_conventions_of_operator (TerrindRegistry    *registry,
                                                                  const char         *operator_id);
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_referents_of_territory  (TerrindRegistry    *registry,
                                                                  const char         *territory_id);
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_referents_of_operator   (TerrindRegistry    *registry,
                                                                  const char         *operator_id);
TERRIND_EXPORT
TerrindReferent   *terrind_registry_get_referent_for             (TerrindRegistry    *registry,
                                                                  const char         *operator_id,
                                                                  const char         *territory_id);
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_territories_without_referent
                                                                 (TerrindRegistry    *registry,
                                                                  const char         *operator_id);
TERRIND_EXPORT
GPtrArray         *terrind_registry_list_territories_without_referent_on
                                                                 (TerrindRegistry    *registry,
                                                                  const char         *operator_id,
                                                                  const char         *date);
/* O(1): an index of every member SIREN, built by the first call (linear in
 * the number of members) and kept up to date as territories and their
 * members change. */
TERRIND_EXPORT
TerrindTerritory  *terrind_registry_find_territory_by_member     (TerrindRegistry    *registry,
                                                                  const char         *siren);

/* The registry an entity belongs to (since 1.0.1): borrowed, NULL when it
 * belongs to none. An entity can move between registries; these follow it. */
TERRIND_EXPORT
TerrindRegistry   *terrind_region_get_registry                   (const TerrindRegion     *region);
TERRIND_EXPORT
TerrindRegistry   *terrind_territory_get_registry                (const TerrindTerritory  *territory);
TERRIND_EXPORT
TerrindRegistry   *terrind_operator_get_registry                 (const TerrindOperator   *op);
TERRIND_EXPORT
TerrindRegistry   *terrind_convention_get_registry               (const TerrindConvention *convention);
TERRIND_EXPORT
TerrindRegistry   *terrind_commitment_get_registry               (const TerrindCommitment *commitment);
TERRIND_EXPORT
TerrindRegistry   *terrind_referent_get_registry                 (const TerrindReferent   *referent);

/* Phases (since 1.1). A registry either defines no phase, as every 1.0
 * registry, and a territory's phase number is then a free label; or it
 * defines phases, and then every territory and every convention names one
 * of them. See terrind_registry_add_phase(). */
TERRIND_EXPORT
gboolean           terrind_registry_add_phase                    (TerrindRegistry    *registry,
                                                                  TerrindPhase       *phase,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_remove_phase                 (TerrindRegistry    *registry,
                                                                  guint               number,
                                                                  GError            **error);
TERRIND_EXPORT
TerrindPhase      *terrind_registry_get_phase                    (TerrindRegistry    *registry,
                                                                  guint               number);
TERRIND_EXPORT
guint              terrind_registry_get_n_phases                 (TerrindRegistry    *registry);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_phases                  (TerrindRegistry    *registry);
TERRIND_EXPORT
TerrindPhase      *terrind_registry_get_phase_on                 (TerrindRegistry    *registry,
                                                                  const char         *date);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_territories_in_phase    (TerrindRegistry    *registry,
                                                                  guint               phase);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_conventions_in_phase    (TerrindRegistry    *registry,
                                                                  guint               phase);
TERRIND_EXPORT
TerrindTerritory  *terrind_registry_find_territory_by_anct_id    (TerrindRegistry    *registry,
                                                                  const char         *anct_id,
                                                                  guint               phase);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_territories_by_anct_id  (TerrindRegistry    *registry,
                                                                  const char         *anct_id);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_related_territories     (TerrindRegistry    *registry,
                                                                  TerrindTerritory   *territory);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_territories_without_referent_in_phase
                                                                 (TerrindRegistry    *registry,
                                                                  const char         *operator_id,
                                                                  guint               phase,
                                                                  const char         *date);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_territories_by_member   (TerrindRegistry    *registry,
                                                                  const char         *siren);
TERRIND_EXPORT
TerrindRegistry   *terrind_phase_get_registry                    (const TerrindPhase      *phase);

/* Records of what was done (since 1.1) */
TERRIND_EXPORT
gboolean           terrind_registry_add_designation              (TerrindRegistry    *registry,
                                                                  TerrindDesignation *designation,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_remove_designation           (TerrindRegistry    *registry,
                                                                  const char         *id,
                                                                  GError            **error);
TERRIND_EXPORT
TerrindDesignation *terrind_registry_get_designation             (TerrindRegistry    *registry,
                                                                  const char         *id);
TERRIND_EXPORT
guint              terrind_registry_get_n_designations           (TerrindRegistry    *registry);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_designations            (TerrindRegistry    *registry);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_designations_of_commitment
                                                                 (TerrindRegistry    *registry,
                                                                  const char         *commitment_id);
TERRIND_EXPORT
gboolean           terrind_registry_add_investment               (TerrindRegistry    *registry,
                                                                  TerrindInvestment  *investment,
                                                                  GError            **error);
TERRIND_EXPORT
gboolean           terrind_registry_remove_investment            (TerrindRegistry    *registry,
                                                                  const char         *id,
                                                                  GError            **error);
TERRIND_EXPORT
TerrindInvestment *terrind_registry_get_investment               (TerrindRegistry    *registry,
                                                                  const char         *id);
TERRIND_EXPORT
guint              terrind_registry_get_n_investments            (TerrindRegistry    *registry);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_investments             (TerrindRegistry    *registry);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *terrind_registry_list_investments_of_commitment
                                                                 (TerrindRegistry    *registry,
                                                                  const char         *commitment_id);
TERRIND_EXPORT
gboolean           terrind_registry_remove_convention_full       (TerrindRegistry    *registry,
                                                                  const char         *id,
                                                                  TerrindRemoveFlags  flags,
                                                                  GError            **error);
TERRIND_EXPORT
TerrindRegistry   *terrind_designation_get_registry              (const TerrindDesignation *designation);
TERRIND_EXPORT
TerrindRegistry   *terrind_investment_get_registry               (const TerrindInvestment  *investment);

TERRIND_EXPORT
gboolean           terrind_registry_equal                        (TerrindRegistry    *a,
                                                                  TerrindRegistry    *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindRegistry, terrind_registry_unref)

G_END_DECLS
