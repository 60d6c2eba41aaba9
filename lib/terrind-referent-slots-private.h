/* terrind-referent-slots-private.h: a territory's referents, by operator
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-referent.h"

G_BEGIN_DECLS

/* How many referents a territory holds without allocating: the
 * programme has four operators. */
#define TERRIND_REFERENT_SLOTS_INLINE 4

/* The one-referent rule's index, kept in each territory of a registry:
 * the referent each operator named for it, at most one per operator. The
 * first few sit in the territory itself, so that checking a new
 * referent's pair reads the territory it was already looked up by instead
 * of a registry-wide table; any more go to a hash table by operator id, so
 * that a file naming a referent for one territory from each of a million
 * operators still costs O(1) per referent. Zero-filled, it is empty. The
 * referents are borrowed: the registry holds them. */
typedef struct {
  TerrindReferent *inline_slots[TERRIND_REFERENT_SLOTS_INLINE];
  GHashTable      *more;   /* operator id → referent; NULL until needed */
} TerrindReferentSlots;

TerrindReferent *terrind_referent_slots_find    (const TerrindReferentSlots *slots,
                                                 const char                 *operator_id);
void             terrind_referent_slots_add     (TerrindReferentSlots       *slots,
                                                 TerrindReferent            *referent);
void             terrind_referent_slots_remove  (TerrindReferentSlots       *slots,
                                                 TerrindReferent            *referent);
void             terrind_referent_slots_collect (const TerrindReferentSlots *slots,
                                                 GPtrArray                  *into);
void             terrind_referent_slots_clear   (TerrindReferentSlots       *slots);

G_END_DECLS
