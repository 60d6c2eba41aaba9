/* terrind.h: the one header applications include
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __TERRIND_INSIDE__

#include "terrind-macros.h"
#include "terrind-version.h"
#include "terrind-error.h"
#include "terrind-phase.h"
#include "terrind-region.h"
#include "terrind-territory.h"
#include "terrind-operator.h"
#include "terrind-commitment.h"
#include "terrind-convention.h"
#include "terrind-referent.h"
#include "terrind-designation.h"
#include "terrind-investment.h"
#include "terrind-registry.h"
#include "terrind-model.h"
#include "terrind-changeset.h"
#include "terrind-evaluation.h"
#include "terrind-xml.h"
#include "terrind-csv.h"
#include "terrind-gtype.h"

#undef __TERRIND_INSIDE__
