/* terrind-import-options-private.h: the limits an import enforces
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-xml.h"

G_BEGIN_DECLS

/* The defaults, also documented in terrind_import_options_new() and in
 * docs/format.md. The format itself nests 5 elements deep and its values
 * are names and short texts, so these leave room for any real document
 * while keeping a hostile one from costing more than its own size. */
#define TERRIND_IMPORT_DEFAULT_MAX_BYTES        (G_GUINT64_CONSTANT (1) << 30)  /* 1 GiB */
#define TERRIND_IMPORT_DEFAULT_MAX_DEPTH        16
#define TERRIND_IMPORT_DEFAULT_MAX_VALUE_LENGTH (64 * 1024)
#define TERRIND_IMPORT_DEFAULT_MAX_ELEMENTS     G_GUINT64_CONSTANT (50000000)
/* Enough to fix a file in one pass, few enough to read. */
#define TERRIND_IMPORT_DEFAULT_MAX_ERRORS       100

struct _TerrindImportOptions {
  gatomicrefcount ref_count;
  guint64         max_bytes;
  guint           max_depth;
  guint           max_value_length;
  guint64         max_elements;
  guint           max_errors;
};

/* The options an import runs with: @options, or the defaults when NULL. */
const TerrindImportOptions *terrind_import_options_or_defaults (const TerrindImportOptions *options);

G_END_DECLS
