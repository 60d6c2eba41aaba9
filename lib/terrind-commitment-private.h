/* terrind-commitment-private.h
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-commitment.h"
#include "terrind-convention.h"
#include "terrind-keyed-list-private.h"

G_BEGIN_DECLS

typedef struct {
  char *level;
  guint count;
} TerrindTarget;

struct _TerrindCommitment {
  gatomicrefcount        ref_count;
  TerrindConvention     *convention;   /* weak: the convention that holds it, if any */
  char                  *id;
  TerrindCommitmentKind  kind;
  char                  *text;
  gint64                 amount;
  TerrindAmountPeriod    amount_period;
  gboolean               approximate;
  guint                  first_year;
  guint                  last_year;
  TerrindKeyedList       themes;   /* strings, listed in insertion order */
  TerrindKeyedList       targets;  /* TerrindTarget, by level, listed in insertion order */
};

G_END_DECLS
