/* terrind-py-designation.c: terrind.Designation
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/* Fields, constructor and repr come from the description
 * (terrind-py-model.c). */

const TerrindPyKindSpec terrind_py_designation_kind = {
  .name = "designation",
  .doc = "A territory an operator designated for support in a year, at one of the\n"
         "target levels of the commitment it counts against (operator, territory\n"
         "and commitment are ids). A registry holds at most one designation per\n"
         "(operator, territory, year).",
};
