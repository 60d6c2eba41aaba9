/* terrind-import-options.c: the limits an import enforces
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-import-options-private.h"

/**
 * TerrindImportOptions:
 *
 * Limits that bound what an import may cost, whatever the input: its size
 * in bytes, how deep its elements nest, how long one value may be, and how
 * many elements it may hold. Reaching a limit fails the import with
 * %TERRIND_ERROR_LIMIT_EXCEEDED and leaves the registry unchanged.
 *
 * Passing %NULL wherever options are expected means the defaults. Reference
 * counted; a set of options may be shared between imports, but must not be
 * changed while an import that uses it runs.
 *
 * Since: 1.0
 */

static const TerrindImportOptions default_options = {
  .ref_count = 1,
  .max_bytes = TERRIND_IMPORT_DEFAULT_MAX_BYTES,
  .max_depth = TERRIND_IMPORT_DEFAULT_MAX_DEPTH,
  .max_value_length = TERRIND_IMPORT_DEFAULT_MAX_VALUE_LENGTH,
  .max_elements = TERRIND_IMPORT_DEFAULT_MAX_ELEMENTS,
  .max_errors = TERRIND_IMPORT_DEFAULT_MAX_ERRORS,
};

const TerrindImportOptions *
terrind_import_options_or_defaults (const TerrindImportOptions *options)
{
  return options != NULL ? options : &default_options;
}

/**
 * terrind_import_options_new:
 *
 * Creates import options holding the defaults:
 *
 * - max-bytes: 1 GiB (1073741824 bytes) of input, counted as read, before
 *   any decoding;
 * - max-depth: 16 nested elements (the format needs 5);
 * - max-value-length: 65536 bytes for one attribute value or one element's
 *   text;
 * - max-elements: 50 000 000 elements in the document.
 *
 * A limit set to 0 means "no limit" for max-bytes and max-elements; depth
 * and value length always keep a limit (0 is treated as 1).
 *
 * Returns: (transfer full): new options; free with
 *   terrind_import_options_unref().
 *
 * Since: 1.0
 */
TerrindImportOptions *
terrind_import_options_new (void)
{
  TerrindImportOptions *options = g_new (TerrindImportOptions, 1);

  *options = default_options;
  g_atomic_ref_count_init (&options->ref_count);
  return options;
}

/**
 * terrind_import_options_ref:
 * @options: a #TerrindImportOptions
 *
 * Takes one more reference on @options.
 *
 * Returns: (transfer full): @options, with one more reference.
 *
 * Since: 1.0
 */
TerrindImportOptions *
terrind_import_options_ref (TerrindImportOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);

  g_atomic_ref_count_inc (&options->ref_count);
  return options;
}

/**
 * terrind_import_options_unref:
 * @options: (transfer full): a #TerrindImportOptions
 *
 * Drops one reference, freeing @options when it was the last.
 *
 * Since: 1.0
 */
void
terrind_import_options_unref (TerrindImportOptions *options)
{
  g_return_if_fail (options != NULL);

  if (g_atomic_ref_count_dec (&options->ref_count))
    g_free (options);
}

/**
 * terrind_import_options_get_max_bytes:
 * @options: a #TerrindImportOptions
 *
 * Gives the limit that @options set on the size of an input.
 *
 * Returns: the largest input, in bytes, an import reads; 0 for no limit.
 *
 * Since: 1.0
 */
guint64
terrind_import_options_get_max_bytes (const TerrindImportOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->max_bytes;
}

/**
 * terrind_import_options_set_max_bytes:
 * @options: a #TerrindImportOptions
 * @max_bytes: the largest input in bytes, or 0 for no limit
 *
 * Sets the largest input an import reads. The bytes are counted as they
 * are read, so a stream that never ends is stopped too.
 *
 * Since: 1.0
 */
void
terrind_import_options_set_max_bytes (TerrindImportOptions *options,
                                      guint64               max_bytes)
{
  g_return_if_fail (options != NULL);
  options->max_bytes = max_bytes;
}

/**
 * terrind_import_options_get_max_depth:
 * @options: a #TerrindImportOptions
 *
 * Gives the limit that @options set on how deep elements nest.
 *
 * Returns: how deep elements may nest, the root counting as 1.
 *
 * Since: 1.0
 */
guint
terrind_import_options_get_max_depth (const TerrindImportOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->max_depth;
}

/**
 * terrind_import_options_set_max_depth:
 * @options: a #TerrindImportOptions
 * @max_depth: how deep elements may nest, the root counting as 1
 *
 * Sets how deep an imported document's elements may nest; a deeper one
 * fails with %TERRIND_ERROR_LIMIT_EXCEEDED. Less than 1 counts as 1.
 *
 * Since: 1.0
 */
void
terrind_import_options_set_max_depth (TerrindImportOptions *options,
                                      guint                 max_depth)
{
  g_return_if_fail (options != NULL);
  options->max_depth = MAX (max_depth, 1);
}

/**
 * terrind_import_options_get_max_value_length:
 * @options: a #TerrindImportOptions
 *
 * Gives the limit that @options set on the length of a value.
 *
 * Returns: the longest attribute value or element text, in bytes.
 *
 * Since: 1.0
 */
guint
terrind_import_options_get_max_value_length (const TerrindImportOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->max_value_length;
}

/**
 * terrind_import_options_set_max_value_length:
 * @options: a #TerrindImportOptions
 * @max_length: the longest attribute value or element text, in bytes
 *
 * Lowers (or raises back) the limit on one value. Whatever this says, a
 * name or text longer than 65536 bytes is refused, by the importer as by
 * the setters: a registry that loads can always be saved and loaded again.
 *
 * Since: 1.0
 */
void
terrind_import_options_set_max_value_length (TerrindImportOptions *options,
                                             guint                 max_length)
{
  g_return_if_fail (options != NULL);
  options->max_value_length = MAX (max_length, 1);
}

/**
 * terrind_import_options_get_max_elements:
 * @options: a #TerrindImportOptions
 *
 * Gives the limit that @options set on the number of elements.
 *
 * Returns: the most elements a document may hold; 0 for no limit.
 *
 * Since: 1.0
 */
guint64
terrind_import_options_get_max_elements (const TerrindImportOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->max_elements;
}

/**
 * terrind_import_options_set_max_elements:
 * @options: a #TerrindImportOptions
 * @max_elements: the most elements a document may hold, or 0 for no limit
 *
 * Sets how many elements an imported document may hold; one with more
 * fails with %TERRIND_ERROR_LIMIT_EXCEEDED.
 *
 * Since: 1.0
 */
void
terrind_import_options_set_max_elements (TerrindImportOptions *options,
                                         guint64               max_elements)
{
  g_return_if_fail (options != NULL);
  options->max_elements = max_elements;
}

/**
 * terrind_import_options_get_max_errors:
 * @options: a #TerrindImportOptions
 *
 * Gives the limit that @options set on the number of problems an import
 * reports.
 *
 * Returns: the most problems an import reports before it stops looking
 *   for more; 0 for no limit.
 *
 * Since: 1.1
 */
guint
terrind_import_options_get_max_errors (const TerrindImportOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->max_errors;
}

/**
 * terrind_import_options_set_max_errors:
 * @options: a #TerrindImportOptions
 * @max_errors: the most problems to report, 1 to stop at the first, or 0
 *   for no limit
 *
 * An import is all or nothing, but it need not stop at the first bad row
 * or element: it goes on checking the rest of its input and fails with one
 * error that reports every problem it found, up to @max_errors (see
 * terrind_error_get_n_problems()). The default is 100. Problems after
 * which nothing more can be read (a file that is not well-formed, a limit
 * exceeded) always end the import.
 *
 * Since: 1.1
 */
void
terrind_import_options_set_max_errors (TerrindImportOptions *options,
                                       guint                 max_errors)
{
  g_return_if_fail (options != NULL);
  options->max_errors = max_errors;
}
