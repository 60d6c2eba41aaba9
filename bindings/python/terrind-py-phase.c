/* terrind-py-phase.c: terrind.Phase
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/* Fields, constructor and repr come from the description
 * (terrind-py-model.c). */

const TerrindPyKindSpec terrind_py_phase_kind = {
  .name = "phase",
  .doc = "A phase of the programme, identified by its number (1 to 99), with\n"
         "its years. In a registry that defines phases, every territory and\n"
         "convention names one of them. reg.phases[2] looks a phase up by\n"
         "number.\n\n"
         "Phases compare equal when all their fields are equal.",
};
