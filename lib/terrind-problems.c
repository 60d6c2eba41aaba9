/* terrind-problems.c: collecting the problems of one import
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-error-private.h"
#include "terrind-problems-private.h"

/* Collects up to @max problems; 0 collects every one. */
void
terrind_problems_init (TerrindProblems *problems,
                       guint            max)
{
  problems->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  problems->max = max;
}

void
terrind_problems_clear (TerrindProblems *problems)
{
  g_clear_pointer (&problems->errors, g_ptr_array_unref);
}

/* Takes @error (transfer full). Returns TRUE while the caller may go on
 * looking for more, FALSE once the limit is reached. */
gboolean
terrind_problems_take (TerrindProblems *problems,
                       GError          *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (terrind_problems_is_full (problems))
    {
      g_error_free (error);
      return FALSE;
    }
  g_ptr_array_add (problems->errors, error);
  return !terrind_problems_is_full (problems);
}

guint
terrind_problems_get_n (const TerrindProblems *problems)
{
  return problems->errors->len;
}

gboolean
terrind_problems_is_full (const TerrindProblems *problems)
{
  return problems->max != 0 && problems->errors->len >= problems->max;
}

/* Returns TRUE when nothing was collected. Otherwise sets @error to one
 * error reporting every problem (the problem itself when there is one, so
 * that a single mistake reads exactly as it always did), empties
 * @problems and returns FALSE. */
gboolean
terrind_problems_propagate (TerrindProblems  *problems,
                            GError          **error)
{
  GPtrArray *errors = problems->errors;
  gboolean truncated = terrind_problems_is_full (problems);

  if (errors->len == 0)
    return TRUE;
  if (errors->len == 1)
    {
      g_propagate_error (error, g_ptr_array_steal_index (errors, 0));
      return FALSE;
    }
  problems->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_propagate_error (error, terrind_error_new_from_problems (errors, truncated));
  return FALSE;
}
