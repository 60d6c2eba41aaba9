/* fuzz-checks.c: the promises both fuzz targets check
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdlib.h>

#include "fuzz-checks.h"

void
fuzz_check (gboolean    condition,
            const char *what)
{
  if (!condition)
    {
      g_printerr ("broken promise: %s\n", what);
      abort ();
    }
}

void
fuzz_check_problems (const GError *error,
                     guint         max_errors)
{
  guint n_problems = terrind_error_get_n_problems (error);

  fuzz_check (g_utf8_validate (error->message, -1, NULL), "the message is UTF-8");
  fuzz_check (n_problems >= 1, "a failure reports a problem");
  fuzz_check (max_errors == 0 || n_problems <= max_errors, "no more problems than max-errors");
  for (guint i = 0; i < n_problems; i++)
    {
      const GError *problem = terrind_error_get_problem (error, i);

      fuzz_check (problem != NULL && problem->domain == TERRIND_ERROR,
                  "every problem is a TERRIND_ERROR");
      fuzz_check (g_utf8_validate (problem->message, -1, NULL),
                  "every problem's message is UTF-8");
    }
}
