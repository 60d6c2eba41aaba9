/* terrind-commitment.h: one commitment (engagement) of a convention
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

/**
 * TerrindCommitmentKind:
 * @TERRIND_COMMITMENT_MONEY_ENVELOPE: an amount of money, per year or in
 *   total, possibly over a period and with themes ("money-envelope")
 * @TERRIND_COMMITMENT_REFERENT_PER_TERRITORY: one named referent for each
 *   territory ("referent-per-territory")
 * @TERRIND_COMMITMENT_YEARLY_TARGET: a number of territories to support
 *   each year, per level ("yearly-target")
 * @TERRIND_COMMITMENT_TOOL: a tool or deliverable ("tool")
 * @TERRIND_COMMITMENT_PROGRAMME_ACCESS: access to existing schemes
 *   ("programme-access")
 * @TERRIND_COMMITMENT_EXPERIMENT: taking part in an experiment
 *   ("experiment")
 *
 * The shape of a commitment. The string in brackets is the kind's name in
 * the XML format. Later versions may add kinds at the end.
 *
 * Since: 1.0
 */
typedef enum {
  TERRIND_COMMITMENT_MONEY_ENVELOPE,
  TERRIND_COMMITMENT_REFERENT_PER_TERRITORY,
  TERRIND_COMMITMENT_YEARLY_TARGET,
  TERRIND_COMMITMENT_TOOL,
  TERRIND_COMMITMENT_PROGRAMME_ACCESS,
  TERRIND_COMMITMENT_EXPERIMENT,
} TerrindCommitmentKind;

/**
 * TerrindAmountPeriod:
 * @TERRIND_AMOUNT_NONE: the commitment states no amount
 * @TERRIND_AMOUNT_TOTAL: the amount is for the whole period ("total")
 * @TERRIND_AMOUNT_PER_YEAR: the amount is for each year ("per-year")
 *
 * How a commitment's amount is to be read.
 *
 * Since: 1.0
 */
typedef enum {
  TERRIND_AMOUNT_NONE,
  TERRIND_AMOUNT_TOTAL,
  TERRIND_AMOUNT_PER_YEAR,
} TerrindAmountPeriod;

typedef struct _TerrindCommitment TerrindCommitment;

TERRIND_EXPORT
const char *terrind_commitment_kind_to_string   (TerrindCommitmentKind kind);
TERRIND_EXPORT
gboolean    terrind_commitment_kind_from_string (const char            *str,
                                                 TerrindCommitmentKind *kind);
TERRIND_EXPORT
const char *terrind_amount_period_to_string     (TerrindAmountPeriod    period);
TERRIND_EXPORT
gboolean    terrind_amount_period_from_string   (const char            *str,
                                                 TerrindAmountPeriod   *period);

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindCommitment    *terrind_commitment_new               (const char            *id,
                                                            TerrindCommitmentKind  kind,
                                                            const char            *text,
                                                            GError               **error);
TERRIND_EXPORT
TerrindCommitment    *terrind_commitment_ref               (TerrindCommitment     *commitment);
TERRIND_EXPORT
void                  terrind_commitment_unref             (TerrindCommitment     *commitment);

TERRIND_EXPORT
const char           *terrind_commitment_get_id            (const TerrindCommitment *commitment);
TERRIND_EXPORT
TerrindCommitmentKind terrind_commitment_get_kind          (const TerrindCommitment *commitment);
TERRIND_EXPORT
const char           *terrind_commitment_get_text          (const TerrindCommitment *commitment);
TERRIND_EXPORT
gboolean              terrind_commitment_set_text          (TerrindCommitment     *commitment,
                                                            const char            *text,
                                                            GError               **error);

TERRIND_EXPORT
gint64                terrind_commitment_get_amount        (const TerrindCommitment *commitment);
TERRIND_EXPORT
TerrindAmountPeriod   terrind_commitment_get_amount_period (const TerrindCommitment *commitment);
TERRIND_EXPORT
gboolean              terrind_commitment_set_amount        (TerrindCommitment     *commitment,
                                                            gint64                 euros,
                                                            TerrindAmountPeriod    period,
                                                            GError               **error);
TERRIND_EXPORT
gboolean              terrind_commitment_get_approximate   (const TerrindCommitment *commitment);
TERRIND_EXPORT
void                  terrind_commitment_set_approximate   (TerrindCommitment     *commitment,
                                                            gboolean               approximate);

TERRIND_EXPORT
guint                 terrind_commitment_get_first_year    (const TerrindCommitment *commitment);
TERRIND_EXPORT
guint                 terrind_commitment_get_last_year     (const TerrindCommitment *commitment);
TERRIND_EXPORT
gboolean              terrind_commitment_set_years         (TerrindCommitment     *commitment,
                                                            guint                  first_year,
                                                            guint                  last_year,
                                                            GError               **error);

TERRIND_EXPORT
gboolean              terrind_commitment_add_theme         (TerrindCommitment     *commitment,
                                                            const char            *theme,
                                                            GError               **error);
TERRIND_EXPORT
guint                 terrind_commitment_get_n_themes      (const TerrindCommitment *commitment);
TERRIND_EXPORT
const char           *terrind_commitment_get_theme         (const TerrindCommitment *commitment,
                                                            guint                  index);

TERRIND_EXPORT
gboolean              terrind_commitment_add_target        (TerrindCommitment     *commitment,
                                                            const char            *level,
                                                            guint                  count,
                                                            GError               **error);
TERRIND_EXPORT
guint                 terrind_commitment_get_n_targets     (const TerrindCommitment *commitment);
TERRIND_EXPORT
const char           *terrind_commitment_get_target_level  (const TerrindCommitment *commitment,
                                                            guint                  index);
TERRIND_EXPORT
guint                 terrind_commitment_get_target_count  (const TerrindCommitment *commitment,
                                                            guint                  index);

TERRIND_EXPORT
gboolean              terrind_commitment_equal             (const TerrindCommitment *a,
                                                            const TerrindCommitment *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindCommitment, terrind_commitment_unref)

G_END_DECLS
