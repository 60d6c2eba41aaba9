/* terrind-operator.h: a public operator (Bpifrance, Business France...)
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

typedef struct _TerrindOperator TerrindOperator;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindOperator *terrind_operator_new                    (const char       *id,
                                                          const char       *name,
                                                          GError          **error);
TERRIND_EXPORT
TerrindOperator *terrind_operator_ref                    (TerrindOperator  *op);
TERRIND_EXPORT
void             terrind_operator_unref                  (TerrindOperator  *op);

TERRIND_EXPORT
const char      *terrind_operator_get_id                 (const TerrindOperator *op);
TERRIND_EXPORT
const char      *terrind_operator_get_name               (const TerrindOperator *op);
TERRIND_EXPORT
gboolean         terrind_operator_set_name               (TerrindOperator  *op,
                                                          const char       *name,
                                                          GError          **error);
TERRIND_EXPORT
gboolean         terrind_operator_rename                 (TerrindOperator  *op,
                                                          const char       *new_name,
                                                          const char       *date,
                                                          GError          **error);
TERRIND_EXPORT
const char      *terrind_operator_get_kind               (const TerrindOperator *op);
TERRIND_EXPORT
gboolean         terrind_operator_set_kind               (TerrindOperator  *op,
                                                          const char       *kind,
                                                          GError          **error);

TERRIND_EXPORT
gboolean         terrind_operator_add_former_name        (TerrindOperator  *op,
                                                          const char       *name,
                                                          const char       *until,
                                                          GError          **error);
TERRIND_EXPORT
guint            terrind_operator_get_n_former_names     (const TerrindOperator *op);
TERRIND_EXPORT
const char      *terrind_operator_get_former_name        (const TerrindOperator *op,
                                                          guint             index);
TERRIND_EXPORT
const char      *terrind_operator_get_former_name_until  (const TerrindOperator *op,
                                                          guint             index);

TERRIND_EXPORT
gboolean         terrind_operator_equal                  (const TerrindOperator *a,
                                                          const TerrindOperator *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindOperator, terrind_operator_unref)

G_END_DECLS
