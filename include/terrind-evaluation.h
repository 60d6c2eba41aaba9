/* terrind-evaluation.h: where each commitment stands, measured against the records
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include "terrind-macros.h"
#include "terrind-commitment.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

/**
 * TerrindStatus:
 * @TERRIND_STATUS_MET: the target is reached ("met")
 * @TERRIND_STATUS_PARTIAL: some of the target is reached, not all
 *   ("partial")
 * @TERRIND_STATUS_MISSED: nothing of the target is reached ("missed")
 * @TERRIND_STATUS_PENDING: the period measured is not over on the
 *   evaluation date and the target is not reached yet ("pending")
 * @TERRIND_STATUS_NOT_MEASURABLE: the commitment's kind states nothing the
 *   records can measure (a tool, an experiment, access to schemes); the
 *   finding only says so ("not-measurable")
 * @TERRIND_STATUS_INFO: a figure, not a test: a breakdown of a measured
 *   commitment (per theme, per region) that has no target of its own
 *   ("info")
 *
 * Where one finding of an evaluation stands. The string in brackets is what
 * terrind_status_to_string() returns. Later versions may add values at the
 * end.
 *
 * Since: 1.1
 */
typedef enum {
  TERRIND_STATUS_MET,
  TERRIND_STATUS_PARTIAL,
  TERRIND_STATUS_MISSED,
  TERRIND_STATUS_PENDING,
  TERRIND_STATUS_NOT_MEASURABLE,
  TERRIND_STATUS_INFO,
} TerrindStatus;

typedef struct _TerrindEvaluationOptions TerrindEvaluationOptions;
typedef struct _TerrindEvaluation TerrindEvaluation;

TERRIND_EXPORT
const char               *terrind_status_to_string                  (TerrindStatus status);
TERRIND_EXPORT
gboolean                  terrind_status_from_string                (const char    *str,
                                                                     TerrindStatus *status);

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindEvaluationOptions *terrind_evaluation_options_new            (void);
TERRIND_EXPORT
TerrindEvaluationOptions *terrind_evaluation_options_ref            (TerrindEvaluationOptions *options);
TERRIND_EXPORT
void                      terrind_evaluation_options_unref          (TerrindEvaluationOptions *options);
TERRIND_EXPORT
const char               *terrind_evaluation_options_get_date       (const TerrindEvaluationOptions *options);
TERRIND_EXPORT
void                      terrind_evaluation_options_set_date       (TerrindEvaluationOptions *options,
                                                                     const char               *date);
TERRIND_EXPORT
guint                     terrind_evaluation_options_get_year       (const TerrindEvaluationOptions *options);
TERRIND_EXPORT
void                      terrind_evaluation_options_set_year       (TerrindEvaluationOptions *options,
                                                                     guint                     year);
TERRIND_EXPORT
guint                     terrind_evaluation_options_get_phase      (const TerrindEvaluationOptions *options);
TERRIND_EXPORT
void                      terrind_evaluation_options_set_phase      (TerrindEvaluationOptions *options,
                                                                     guint                     phase);

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindEvaluation        *terrind_registry_evaluate                 (TerrindRegistry          *registry,
                                                                     const TerrindEvaluationOptions *options,
                                                                     GError                  **error);

TERRIND_EXPORT
TerrindEvaluation        *terrind_evaluation_ref                    (TerrindEvaluation *evaluation);
TERRIND_EXPORT
void                      terrind_evaluation_unref                  (TerrindEvaluation *evaluation);
TERRIND_EXPORT
const char               *terrind_evaluation_get_date               (const TerrindEvaluation *evaluation);
TERRIND_EXPORT
guint                     terrind_evaluation_get_n_findings         (const TerrindEvaluation *evaluation);
TERRIND_EXPORT
gboolean                  terrind_evaluation_has_missed             (const TerrindEvaluation *evaluation);

TERRIND_EXPORT
const char               *terrind_evaluation_get_convention_id      (const TerrindEvaluation *evaluation,
                                                                     guint                    index);
TERRIND_EXPORT
const char               *terrind_evaluation_get_commitment_id      (const TerrindEvaluation *evaluation,
                                                                     guint                    index);
TERRIND_EXPORT
TerrindCommitmentKind     terrind_evaluation_get_kind               (const TerrindEvaluation *evaluation,
                                                                     guint                    index);
TERRIND_EXPORT
guint                     terrind_evaluation_get_year               (const TerrindEvaluation *evaluation,
                                                                     guint                    index);
TERRIND_EXPORT
const char               *terrind_evaluation_get_measure            (const TerrindEvaluation *evaluation,
                                                                     guint                    index);
TERRIND_EXPORT
gboolean                  terrind_evaluation_has_target             (const TerrindEvaluation *evaluation,
                                                                     guint                    index);
TERRIND_EXPORT
gint64                    terrind_evaluation_get_target             (const TerrindEvaluation *evaluation,
                                                                     guint                    index);
TERRIND_EXPORT
gint64                    terrind_evaluation_get_value              (const TerrindEvaluation *evaluation,
                                                                     guint                    index);
TERRIND_EXPORT
TerrindStatus             terrind_evaluation_get_status             (const TerrindEvaluation *evaluation,
                                                                     guint                    index);
TERRIND_EXPORT
guint                     terrind_evaluation_get_n_territories      (const TerrindEvaluation *evaluation,
                                                                     guint                    index);
TERRIND_EXPORT
const char               *terrind_evaluation_get_territory          (const TerrindEvaluation *evaluation,
                                                                     guint                    index,
                                                                     guint                    territory);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindEvaluationOptions, terrind_evaluation_options_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindEvaluation, terrind_evaluation_unref)

G_END_DECLS
