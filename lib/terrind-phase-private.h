/* terrind-phase-private.h
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-phase.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

/* Phases are numbered from 1; the programme has had two so far. */
#define TERRIND_PHASE_MAX 99

struct _TerrindPhase {
  gatomicrefcount  ref_count;
  TerrindRegistry *owner;       /* weak: the registry that holds it, if any */
  char            *id;          /* the number as text: the key of the entity lists */
  guint            number;
  char            *name;
  guint            first_year;
  guint            last_year;
  char            *announced;   /* YYYY-MM-DD, or NULL */
};

G_END_DECLS
