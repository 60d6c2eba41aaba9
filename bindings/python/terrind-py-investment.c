/* terrind-py-investment.c: terrind.Investment
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/* Fields, constructor and repr come from the description
 * (terrind-py-model.c). */

const TerrindPyKindSpec terrind_py_investment_kind = {
  .name = "investment",
  .doc = "An amount in whole euros an operator invested in a territory in a year,\n"
         "counted against one of its commitments (operator, territory and\n"
         "commitment are ids); theme, when set, is one of the commitment's themes.",
};
