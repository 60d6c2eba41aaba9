/* terrind-owner-private.h: how an entity reaches the registry that holds it
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Entities sit below the registry: a territory or a convention must not
 * call into terrind-registry.c, which calls them. Yet a change to an entity
 * that a registry holds has to reach the registry's indexes (a new member
 * SIREN, a new commitment id) and checks (a territory may only move to a
 * region of its registry). The registry hands its entities these hooks
 * instead: they call through the table, never by name, so the call graph
 * stays downward.
 *
 * A registry's struct begins with a pointer to its hooks, so that an
 * entity, which knows its owner only as a TerrindRegistry pointer, finds
 * them without seeing the registry's layout.
 */

#pragma once

#include "terrind-registry.h"

G_BEGIN_DECLS

typedef struct {
  gboolean (*has_region)         (TerrindRegistry   *owner,
                                  const char        *code);
  /* Claims @commitment's id across the registry: FALSE with
   * TERRIND_ERROR_DUPLICATE when another convention uses it. */
  gboolean (*index_commitment)   (TerrindRegistry   *owner,
                                  TerrindCommitment *commitment,
                                  GError           **error);
  void     (*unindex_commitment) (TerrindRegistry   *owner,
                                  TerrindCommitment *commitment);
  /* Sets @territory's phase and ANCT id (NULL: its id) if the registry
   * allows: the phase is one it defines (when it defines phases), and no
   * other territory of that phase has that ANCT id. FALSE, the territory
   * unchanged, with TERRIND_ERROR_UNKNOWN_REFERENCE or _DUPLICATE. */
  gboolean (*rekey_territory)    (TerrindRegistry   *owner,
                                  TerrindTerritory  *territory,
                                  guint              phase,
                                  const char        *anct_id,
                                  GError           **error);
  /* FALSE with TERRIND_ERROR_UNKNOWN_REFERENCE unless @phase may be the
   * phase of an entity of the registry (@what and @id name it). */
  gboolean (*check_phase)        (TerrindRegistry   *owner,
                                  guint              phase,
                                  const char        *what,
                                  const char        *id,
                                  GError           **error);
  /* Follows a territory's members as they change. */
  void     (*index_member)       (TerrindRegistry   *owner,
                                  TerrindTerritory  *territory,
                                  const char        *siren);
  void     (*unindex_member)     (TerrindRegistry   *owner,
                                  TerrindTerritory  *territory,
                                  const char        *siren);
  /* FALSE, with the registry's error, unless @proposed (a copy of
   * @record with the one field a setter changes) keeps the registry
   * consistent: references resolve, the year fits, no other designation
   * has its (operator, territory, year). */
  gboolean (*check_designation)  (TerrindRegistry          *owner,
                                  const TerrindDesignation *designation,
                                  const TerrindDesignation *proposed,
                                  GError                  **error);
  gboolean (*check_investment)   (TerrindRegistry          *owner,
                                  const TerrindInvestment  *investment,
                                  const TerrindInvestment  *proposed,
                                  GError                  **error);
  /* Takes a designation out of the (operator, territory, year) index
   * while its year changes, and puts it back. */
  void     (*unindex_designation) (TerrindRegistry         *owner,
                                   TerrindDesignation      *designation);
  void     (*index_designation)  (TerrindRegistry          *owner,
                                  TerrindDesignation       *designation);
  /* After a change that moves the years records must lie in (a
   * commitment's period, a territory's phase, a phase's years): FALSE,
   * with the first record that no longer fits, when one does not; the
   * caller then undoes its change. Free when the registry holds no
   * record. */
  gboolean (*check_records)      (TerrindRegistry          *owner,
                                  GError                  **error);
  /* FALSE with TERRIND_ERROR_IN_USE when records count against
   * @commitment, which may then not leave its convention. */
  gboolean (*release_commitment) (TerrindRegistry          *owner,
                                  TerrindCommitment        *commitment,
                                  GError                  **error);
  /* FALSE with TERRIND_ERROR_IN_USE while a changeset is open on @owner
   * and this change is not one of its edits. */
  gboolean (*check_write)        (TerrindRegistry          *owner,
                                  GError                  **error);
} TerrindOwnerHooks;

/* The hooks of @owner: the first member of its struct. */
static inline const TerrindOwnerHooks *
terrind_owner_hooks (TerrindRegistry *owner)
{
  return *(const TerrindOwnerHooks * const *) (gconstpointer) owner;
}

/* Every setter of an entity asks this first. While a changeset is open on
 * the registry that holds the entity, only the changeset's own edits may
 * change it: a change made beside it would escape its undo log, and a
 * rollback would no longer give back the registry it started from. An
 * entity no registry holds is free. */
static inline gboolean
terrind_owner_check_write (TerrindRegistry  *owner,
                           GError          **error)
{
  return owner == NULL || terrind_owner_hooks (owner)->check_write (owner, error);
}

G_END_DECLS
