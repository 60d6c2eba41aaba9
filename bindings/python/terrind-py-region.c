/* terrind-py-region.c: terrind.Region
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/* Fields, constructor and repr come from the description
 * (terrind-py-model.c). */

const TerrindPyKindSpec terrind_py_region_kind = {
  .name = "region",
  .doc = "A French region, identified by its INSEE code (for instance '84').\n\n"
         "Regions compare equal when all their fields are equal.",
};
