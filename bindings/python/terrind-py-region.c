/* terrind-py-region.c: terrind.Region
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/* Fields, constructor and repr come from the description
 * (terrind-py-model.c). */

static const char * const region_repr_fields[] = { "code", "name", NULL };

const TerrindPyKindSpec terrind_py_region_kind = {
  .name = "region",
  .doc = "A French region, identified by its INSEE code (for instance '84').\n\n"
         "Regions compare equal when all their fields are equal.",
  .repr_fields = region_repr_fields,
};
