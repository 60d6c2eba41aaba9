/* terrind-convention.h: a convention de mobilisation with one operator
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include "terrind-macros.h"
#include "terrind-commitment.h"

G_BEGIN_DECLS

typedef struct _TerrindConvention TerrindConvention;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindConvention *terrind_convention_new                  (const char        *id,
                                                            const char        *operator_id,
                                                            const char        *date,
                                                            GError           **error);
TERRIND_EXPORT
TerrindConvention *terrind_convention_ref                  (TerrindConvention *convention);
TERRIND_EXPORT
void               terrind_convention_unref                (TerrindConvention *convention);

TERRIND_EXPORT
const char        *terrind_convention_get_id               (const TerrindConvention *convention);
TERRIND_EXPORT
const char        *terrind_convention_get_operator_id      (const TerrindConvention *convention);
TERRIND_EXPORT
const char        *terrind_convention_get_date             (const TerrindConvention *convention);
TERRIND_EXPORT
gboolean           terrind_convention_set_date             (TerrindConvention *convention,
                                                            const char        *date,
                                                            GError           **error);
TERRIND_EXPORT
const char        *terrind_convention_get_place            (const TerrindConvention *convention);
TERRIND_EXPORT
gboolean           terrind_convention_set_place            (TerrindConvention *convention,
                                                            const char        *place,
                                                            GError           **error);
TERRIND_EXPORT
const char        *terrind_convention_get_title            (const TerrindConvention *convention);
TERRIND_EXPORT
gboolean           terrind_convention_set_title            (TerrindConvention *convention,
                                                            const char        *title,
                                                            GError           **error);
TERRIND_EXPORT
guint              terrind_convention_get_phase            (const TerrindConvention *convention);
TERRIND_EXPORT
gboolean           terrind_convention_set_phase            (TerrindConvention *convention,
                                                            guint              phase,
                                                            GError           **error);

TERRIND_EXPORT
gboolean           terrind_convention_add_signatory        (TerrindConvention *convention,
                                                            const char        *name,
                                                            const char        *role,
                                                            GError           **error);
TERRIND_EXPORT
guint              terrind_convention_get_n_signatories    (const TerrindConvention *convention);
TERRIND_EXPORT
const char        *terrind_convention_get_signatory_name   (const TerrindConvention *convention,
                                                            guint              index);
TERRIND_EXPORT
const char        *terrind_convention_get_signatory_role   (const TerrindConvention *convention,
                                                            guint              index);

TERRIND_EXPORT
gboolean           terrind_convention_add_commitment       (TerrindConvention *convention,
                                                            TerrindCommitment *commitment,
                                                            GError           **error);
TERRIND_EXPORT
gboolean           terrind_convention_remove_commitment    (TerrindConvention *convention,
                                                            const char        *commitment_id,
                                                            GError           **error);
TERRIND_EXPORT
guint              terrind_convention_get_n_commitments    (const TerrindConvention *convention);
TERRIND_EXPORT
TerrindCommitment *terrind_convention_get_commitment       (const TerrindConvention *convention,
                                                            guint              index);
TERRIND_EXPORT
TerrindCommitment *terrind_convention_lookup_commitment    (const TerrindConvention *convention,
                                                            const char        *commitment_id);

TERRIND_EXPORT
gboolean           terrind_convention_equal                (const TerrindConvention *a,
                                                            const TerrindConvention *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindConvention, terrind_convention_unref)

G_END_DECLS
