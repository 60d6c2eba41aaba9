/* terrind-macros.h: export and inclusion guard macros
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include <glib.h>

/**
 * TERRIND_EXPORT:
 *
 * Marks a symbol as part of the public ABI. The library is built with
 * `-fvisibility=hidden`, so anything without this macro stays private.
 *
 * Since: 1.0
 */
#if defined(TERRIND_COMPILATION) && defined(__GNUC__)
#define TERRIND_EXPORT __attribute__((visibility ("default"))) extern
#else
#define TERRIND_EXPORT extern
#endif
