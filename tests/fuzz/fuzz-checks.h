/* fuzz-checks.h: the promises both fuzz targets check
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <terrind.h>

/* Aborts, naming the promise, when @condition does not hold: libFuzzer
 * then keeps the input as a crash. */
void fuzz_check          (gboolean      condition,
                          const char   *what);

/* What any failed import promises of its error: its message in UTF-8, at least one problem and no more than @max_errors
 * (0: no limit), each a TERRIND_ERROR with a UTF-8 message. */
void fuzz_check_problems (const GError *error,
                          guint         max_errors);
