/* terrind-py-referent.c: terrind.Referent
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/* Fields, constructor and repr come from the description
 * (terrind-py-model.c). */

const TerrindPyKindSpec terrind_py_referent_kind = {
  .name = "referent",
  .doc = "The single referent an operator names for a territory. operator and\n"
         "territory are ids; start and end are dates (YYYY-MM-DD): past its end\n"
         "a referent no longer covers the territory. A registry holds at most one\n"
         "referent per (operator, territory): use registry.referents.replace()\n"
         "to change it.",
};
