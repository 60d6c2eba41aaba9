/* terrind-investment.h: an amount an operator invested in a territory, for a year
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

typedef struct _TerrindInvestment TerrindInvestment;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindInvestment *terrind_investment_new               (const char              *id,
                                                         const char              *operator_id,
                                                         const char              *territory_id,
                                                         guint                    year,
                                                         gint64                   amount,
                                                         const char              *commitment_id,
                                                         GError                 **error);
TERRIND_EXPORT
TerrindInvestment *terrind_investment_ref               (TerrindInvestment       *investment);
TERRIND_EXPORT
void               terrind_investment_unref             (TerrindInvestment       *investment);

TERRIND_EXPORT
const char        *terrind_investment_get_id            (const TerrindInvestment *investment);
TERRIND_EXPORT
const char        *terrind_investment_get_operator_id   (const TerrindInvestment *investment);
TERRIND_EXPORT
const char        *terrind_investment_get_territory_id  (const TerrindInvestment *investment);
TERRIND_EXPORT
guint              terrind_investment_get_year          (const TerrindInvestment *investment);
TERRIND_EXPORT
gboolean           terrind_investment_set_year          (TerrindInvestment       *investment,
                                                         guint                    year,
                                                         GError                 **error);
TERRIND_EXPORT
gint64             terrind_investment_get_amount        (const TerrindInvestment *investment);
TERRIND_EXPORT
gboolean           terrind_investment_set_amount        (TerrindInvestment       *investment,
                                                         gint64                   amount,
                                                         GError                 **error);
TERRIND_EXPORT
const char        *terrind_investment_get_commitment_id (const TerrindInvestment *investment);
TERRIND_EXPORT
gboolean           terrind_investment_set_commitment_id (TerrindInvestment       *investment,
                                                         const char              *commitment_id,
                                                         GError                 **error);
TERRIND_EXPORT
const char        *terrind_investment_get_theme         (const TerrindInvestment *investment);
TERRIND_EXPORT
gboolean           terrind_investment_set_theme         (TerrindInvestment       *investment,
                                                         const char              *theme,
                                                         GError                 **error);
TERRIND_EXPORT
const char        *terrind_investment_get_project       (const TerrindInvestment *investment);
TERRIND_EXPORT
gboolean           terrind_investment_set_project       (TerrindInvestment       *investment,
                                                         const char              *project,
                                                         GError                 **error);

TERRIND_EXPORT
gboolean           terrind_investment_equal             (const TerrindInvestment *a,
                                                         const TerrindInvestment *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindInvestment, terrind_investment_unref)

G_END_DECLS
