/* terrind-phase.h: a phase of the programme, with its years
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

typedef struct _TerrindPhase TerrindPhase;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindPhase    *terrind_phase_new            (guint                number,
                                               const char          *name,
                                               guint                first_year,
                                               guint                last_year,
                                               GError             **error);
TERRIND_EXPORT
TerrindPhase    *terrind_phase_ref            (TerrindPhase        *phase);
TERRIND_EXPORT
void             terrind_phase_unref          (TerrindPhase        *phase);

TERRIND_EXPORT
guint            terrind_phase_get_number     (const TerrindPhase  *phase);
TERRIND_EXPORT
const char      *terrind_phase_get_name       (const TerrindPhase  *phase);
TERRIND_EXPORT
gboolean         terrind_phase_set_name       (TerrindPhase        *phase,
                                               const char          *name,
                                               GError             **error);
TERRIND_EXPORT
guint            terrind_phase_get_first_year (const TerrindPhase  *phase);
TERRIND_EXPORT
guint            terrind_phase_get_last_year  (const TerrindPhase  *phase);
TERRIND_EXPORT
gboolean         terrind_phase_set_years      (TerrindPhase        *phase,
                                               guint                first_year,
                                               guint                last_year,
                                               GError             **error);
TERRIND_EXPORT
gboolean         terrind_phase_includes_year  (const TerrindPhase  *phase,
                                               guint                year);
TERRIND_EXPORT
const char      *terrind_phase_get_announced  (const TerrindPhase  *phase);
TERRIND_EXPORT
gboolean         terrind_phase_set_announced  (TerrindPhase        *phase,
                                               const char          *date,
                                               GError             **error);
TERRIND_EXPORT
gboolean         terrind_phase_equal          (const TerrindPhase  *a,
                                               const TerrindPhase  *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindPhase, terrind_phase_unref)

G_END_DECLS
