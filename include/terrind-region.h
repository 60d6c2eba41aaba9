/* terrind-region.h: a French region, identified by its INSEE code
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

typedef struct _TerrindRegion TerrindRegion;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindRegion *terrind_region_new      (const char     *code,
                                        const char     *name,
                                        GError        **error);
TERRIND_EXPORT
TerrindRegion *terrind_region_ref      (TerrindRegion  *region);
TERRIND_EXPORT
void           terrind_region_unref    (TerrindRegion  *region);

TERRIND_EXPORT
const char    *terrind_region_get_code (const TerrindRegion *region);
TERRIND_EXPORT
const char    *terrind_region_get_name (const TerrindRegion *region);
TERRIND_EXPORT
gboolean       terrind_region_set_name (TerrindRegion  *region,
                                        const char     *name,
                                        GError        **error);
TERRIND_EXPORT
gboolean       terrind_region_equal    (const TerrindRegion *a,
                                        const TerrindRegion *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindRegion, terrind_region_unref)

G_END_DECLS
