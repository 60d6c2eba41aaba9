/* terrind-error.c: the TERRIND_ERROR domain
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-error-private.h"
#include "terrind-quote-private.h"

/* The domain is an "extended" GError domain (GLib >= 2.68) so that a parse
 * error can carry its file, line and column as data, not only as text that
 * bindings would have to parse back. */
typedef struct {
  char      *file;
  int        line;
  int        column;
  /* An error that reports several problems (terrind_problems_propagate())
   * keeps each of them, as its own error, in the order they were found;
   * NULL for an error of one problem. */
  GPtrArray *problems;
} TerrindErrorPrivate;

static void
terrind_error_private_init (TerrindErrorPrivate *priv)
{
  priv->file = NULL;
  priv->line = 0;
  priv->column = 0;
  priv->problems = NULL;
}

static gpointer
copy_problem (gconstpointer problem,
              gpointer      user_data)
{
  return g_error_copy (problem);
}

static void
terrind_error_private_copy (const TerrindErrorPrivate *src,
                            TerrindErrorPrivate       *dest)
{
  dest->file = g_strdup (src->file);
  dest->line = src->line;
  dest->column = src->column;
  dest->problems = NULL;
  if (src->problems != NULL)
    dest->problems = g_ptr_array_copy (src->problems, copy_problem, NULL);
}

static void
terrind_error_private_clear (TerrindErrorPrivate *priv)
{
  g_clear_pointer (&priv->file, g_free);
  g_clear_pointer (&priv->problems, g_ptr_array_unref);
}

/**
 * terrind_error_quark:
 *
 * Gives the quark of the error domain of libterrind, for which #TERRIND_ERROR
 * stands.
 *
 * Returns: the quark of the #TERRIND_ERROR domain.
 *
 * Since: 1.0
 */
G_DEFINE_EXTENDED_ERROR (TerrindError, terrind_error)

/**
 * terrind_error_code_to_string:
 * @code: a #TerrindError
 *
 * The name of @code without its prefix, such as "DUPLICATE" for
 * %TERRIND_ERROR_DUPLICATE; bindings use it to name their exceptions.
 *
 * Returns: (transfer none): a static string, "UNKNOWN" for a code this
 *   version does not know.
 *
 * Since: 1.0
 */
const char *
terrind_error_code_to_string (TerrindError code)
{
  switch (code)
    {
    case TERRIND_ERROR_FAILED:              return "FAILED";
    case TERRIND_ERROR_INVALID_VALUE:       return "INVALID_VALUE";
    case TERRIND_ERROR_DUPLICATE:           return "DUPLICATE";
    case TERRIND_ERROR_UNKNOWN_REFERENCE:   return "UNKNOWN_REFERENCE";
    case TERRIND_ERROR_NOT_FOUND:           return "NOT_FOUND";
    case TERRIND_ERROR_IN_USE:              return "IN_USE";
    case TERRIND_ERROR_PARSE:               return "PARSE";
    case TERRIND_ERROR_SCHEMA:              return "SCHEMA";
    case TERRIND_ERROR_IO:                  return "IO";
    case TERRIND_ERROR_UNSUPPORTED_VERSION: return "UNSUPPORTED_VERSION";
    case TERRIND_ERROR_LIMIT_EXCEEDED:      return "LIMIT_EXCEEDED";
    default:                                return "UNKNOWN";
    }
}

static const TerrindErrorPrivate *
terrind_error_lookup_private (const GError *error)
{
  if (error == NULL || error->domain != TERRIND_ERROR)
    return NULL;
  return terrind_error_get_private (error);
}

/**
 * terrind_error_get_file:
 * @error: (nullable): a #GError
 *
 * The name of the file (or stream) an import error was found in, as UTF-8
 * (bytes of the name that are not valid UTF-8 are replaced).
 *
 * Returns: (transfer none) (nullable): the file name, or %NULL when @error
 *   carries no location or is not in the #TERRIND_ERROR domain.
 *
 * Since: 1.0
 */
const char *
terrind_error_get_file (const GError *error)
{
  const TerrindErrorPrivate *priv = terrind_error_lookup_private (error);

  return priv != NULL ? priv->file : NULL;
}

/**
 * terrind_error_get_line:
 * @error: (nullable): a #GError
 *
 * Reads the line of the input that @error points at, when it carries a
 * location.
 *
 * Returns: the 1-based line of the problem, or 0 when @error carries no
 *   location or is not in the #TERRIND_ERROR domain.
 *
 * Since: 1.0
 */
gint
terrind_error_get_line (const GError *error)
{
  const TerrindErrorPrivate *priv = terrind_error_lookup_private (error);

  return priv != NULL ? priv->line : 0;
}

/**
 * terrind_error_get_column:
 * @error: (nullable): a #GError
 *
 * Reads the column of the input that @error points at, when it carries a
 * location.
 *
 * Returns: the 1-based column of the problem, or 0 when it is unknown (the
 *   XML parser does not always know it) or @error carries no location.
 *
 * Since: 1.0
 */
gint
terrind_error_get_column (const GError *error)
{
  const TerrindErrorPrivate *priv = terrind_error_lookup_private (error);

  return priv != NULL ? priv->column : 0;
}

/**
 * terrind_error_get_n_problems:
 * @error: (nullable): a #GError
 *
 * How many problems @error reports. An import that goes on after a bad row
 * or element (see terrind_import_options_set_max_errors()) fails with one
 * error that reports them all: its message has one line per problem, and
 * terrind_error_get_problem() gives each as an error of its own, with its
 * code and location.
 *
 * Returns: the number of problems: 0 when @error is %NULL, otherwise at
 *   least 1.
 *
 * Since: 1.1
 */
guint
terrind_error_get_n_problems (const GError *error)
{
  const TerrindErrorPrivate *priv = terrind_error_lookup_private (error);

  if (error == NULL)
    return 0;
  if (priv == NULL || priv->problems == NULL)
    return 1;
  return priv->problems->len;
}

/**
 * terrind_error_get_problem:
 * @error: a #GError
 * @index: which problem, counting from 0, less than
 *   terrind_error_get_n_problems()
 *
 * The problem @index of the ones @error reports, in the order they were
 * found. For an error of one problem, problem 0 is @error itself.
 *
 * Returns: (transfer none) (nullable): the problem, owned by @error; %NULL
 *   when @index is out of range
 *
 * Since: 1.1
 */
const GError *
terrind_error_get_problem (const GError *error,
                           guint         index)
{
  const TerrindErrorPrivate *priv = terrind_error_lookup_private (error);

  if (error == NULL || index >= terrind_error_get_n_problems (error))
    return NULL;
  if (priv == NULL || priv->problems == NULL)
    return error;
  return g_ptr_array_index (priv->problems, index);
}

/*
 * terrind_error_new_from_problems:
 * @problems: (transfer full) (element-type GError): two problems or more
 * @truncated: whether more problems were left unreported
 *
 * One error that reports every one of @problems: the code and location are
 * those of the first, the message joins all of theirs, a line each.
 */
GError *
terrind_error_new_from_problems (GPtrArray *problems,
                                 gboolean   truncated)
{
  g_autoptr(GString) message = g_string_new (NULL);
  const GError *first;
  GError *error;
  TerrindErrorPrivate *priv;

  g_return_val_if_fail (problems != NULL && problems->len > 1, NULL);

  first = g_ptr_array_index (problems, 0);
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, problem->message);
    }
  if (truncated)
    g_string_append_printf (message, "\n(stopped after %u problems)", problems->len);

  error = g_error_new_literal (TERRIND_ERROR,
                               first->domain == TERRIND_ERROR ? first->code : TERRIND_ERROR_FAILED,
                               message->str);
  priv = terrind_error_get_private (error);
  priv->file = g_strdup (terrind_error_get_file (first));
  priv->line = terrind_error_get_line (first);
  priv->column = terrind_error_get_column (first);
  priv->problems = problems;
  return error;
}

/*
 * terrind_set_error_at:
 *
 * Sets @error to a #TERRIND_ERROR whose message starts with "FILE:LINE:COL: "
 * (the form compilers use, so editors can jump to it) and whose location is
 * also readable with terrind_error_get_file() and friends.
 */
void
terrind_set_error_at (GError     **error,
                      TerrindError code,
                      const char  *file,
                      int          line,
                      int          column,
                      const char  *format,
                      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *safe_file = NULL;
  g_autofree char *shown_file = NULL;
  GError *new_error;
  TerrindErrorPrivate *priv;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* GError messages are UTF-8 and one line; a file name need not be
   * either. The fields keep the name as it is (made valid UTF-8), the
   * message shows it escaped. A line of 0 means the problem has no place
   * in the file (it cannot be opened, say): no made-up location then. */
  safe_file = file != NULL ? g_utf8_make_valid (file, -1) : NULL;
  shown_file = terrind_escape_path (safe_file != NULL ? safe_file : "<input>");
  if (line > 0)
    new_error = g_error_new (TERRIND_ERROR, code, "%s:%d:%d: %s",
                             shown_file, line, MAX (column, 0), message);
  else
    new_error = g_error_new (TERRIND_ERROR, code, "%s: %s", shown_file, message);
  priv = terrind_error_get_private (new_error);
  priv->file = g_steal_pointer (&safe_file);
  priv->line = line;
  priv->column = column;
  g_propagate_error (error, new_error);
}
