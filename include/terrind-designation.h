/* terrind-designation.h: a territory designated for support by an operator, for a year
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

typedef struct _TerrindDesignation TerrindDesignation;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindDesignation *terrind_designation_new               (const char               *id,
                                                           const char               *operator_id,
                                                           const char               *territory_id,
                                                           guint                     year,
                                                           const char               *level,
                                                           const char               *commitment_id,
                                                           GError                  **error);
TERRIND_EXPORT
TerrindDesignation *terrind_designation_ref               (TerrindDesignation       *designation);
TERRIND_EXPORT
void                terrind_designation_unref             (TerrindDesignation       *designation);

TERRIND_EXPORT
const char         *terrind_designation_get_id            (const TerrindDesignation *designation);
TERRIND_EXPORT
const char         *terrind_designation_get_operator_id   (const TerrindDesignation *designation);
TERRIND_EXPORT
const char         *terrind_designation_get_territory_id  (const TerrindDesignation *designation);
TERRIND_EXPORT
guint               terrind_designation_get_year          (const TerrindDesignation *designation);
TERRIND_EXPORT
gboolean            terrind_designation_set_year          (TerrindDesignation       *designation,
                                                           guint                     year,
                                                           GError                  **error);
TERRIND_EXPORT
const char         *terrind_designation_get_level         (const TerrindDesignation *designation);
TERRIND_EXPORT
gboolean            terrind_designation_set_level         (TerrindDesignation       *designation,
                                                           const char               *level,
                                                           GError                  **error);
TERRIND_EXPORT
const char         *terrind_designation_get_commitment_id (const TerrindDesignation *designation);
TERRIND_EXPORT
gboolean            terrind_designation_set_commitment_id (TerrindDesignation       *designation,
                                                           const char               *commitment_id,
                                                           GError                  **error);

TERRIND_EXPORT
gboolean            terrind_designation_equal             (const TerrindDesignation *a,
                                                           const TerrindDesignation *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindDesignation, terrind_designation_unref)

G_END_DECLS
