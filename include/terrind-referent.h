/* terrind-referent.h: the single referent an operator names for a territory
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include "terrind-macros.h"

G_BEGIN_DECLS

typedef struct _TerrindReferent TerrindReferent;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindReferent *terrind_referent_new              (const char       *id,
                                                    const char       *operator_id,
                                                    const char       *territory_id,
                                                    const char       *person,
                                                    GError          **error);
TERRIND_EXPORT
TerrindReferent *terrind_referent_ref              (TerrindReferent  *referent);
TERRIND_EXPORT
void             terrind_referent_unref            (TerrindReferent  *referent);

TERRIND_EXPORT
const char      *terrind_referent_get_id           (const TerrindReferent *referent);
TERRIND_EXPORT
const char      *terrind_referent_get_operator_id  (const TerrindReferent *referent);
TERRIND_EXPORT
const char      *terrind_referent_get_territory_id (const TerrindReferent *referent);
TERRIND_EXPORT
const char      *terrind_referent_get_person       (const TerrindReferent *referent);
TERRIND_EXPORT
gboolean         terrind_referent_set_person       (TerrindReferent  *referent,
                                                    const char       *person,
                                                    GError          **error);
TERRIND_EXPORT
const char      *terrind_referent_get_role         (const TerrindReferent *referent);
TERRIND_EXPORT
gboolean         terrind_referent_set_role         (TerrindReferent  *referent,
                                                    const char       *role,
                                                    GError          **error);
TERRIND_EXPORT
const char      *terrind_referent_get_email        (const TerrindReferent *referent);
TERRIND_EXPORT
gboolean         terrind_referent_set_email        (TerrindReferent  *referent,
                                                    const char       *email,
                                                    GError          **error);
TERRIND_EXPORT
const char      *terrind_referent_get_phone        (const TerrindReferent *referent);
TERRIND_EXPORT
gboolean         terrind_referent_set_phone        (TerrindReferent  *referent,
                                                    const char       *phone,
                                                    GError          **error);
TERRIND_EXPORT
const char      *terrind_referent_get_start_date   (const TerrindReferent *referent);
TERRIND_EXPORT
gboolean         terrind_referent_set_start_date   (TerrindReferent  *referent,
                                                    const char       *date,
                                                    GError          **error);
TERRIND_EXPORT
const char      *terrind_referent_get_end_date     (const TerrindReferent *referent);
TERRIND_EXPORT
gboolean         terrind_referent_set_end_date     (TerrindReferent  *referent,
                                                    const char       *date,
                                                    GError          **error);
TERRIND_EXPORT
gboolean         terrind_referent_is_current       (const TerrindReferent *referent,
                                                    const char            *date);

TERRIND_EXPORT
gboolean         terrind_referent_equal            (const TerrindReferent *a,
                                                    const TerrindReferent *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindReferent, terrind_referent_unref)

G_END_DECLS
