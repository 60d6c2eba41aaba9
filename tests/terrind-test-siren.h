/* terrind-test-siren.h: valid SIRENs from serial numbers, for the tests
 * and the benchmarks that need many
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

/* The SIREN of serial number @serial (below 80 000 000): 8 digits and the
 * Luhn check digit. Ascending serials give SIRENs in ascending order. */
static inline void
terrind_test_make_siren (guint serial,
                         char  out[10])
{
  guint sum = 0;

  g_snprintf (out, 10, "%08u", 20000000 + serial);
  for (int i = 7; i >= 0; i--)
    {
      guint digit = (guint) (out[i] - '0');

      /* From the right, the check digit being position 0: the 8th digit is
       * position 1 and is doubled. */
      if ((7 - i) % 2 == 0)
        {
          digit *= 2;
          if (digit > 9)
            digit -= 9;
        }
      sum += digit;
    }
  out[8] = (char) ('0' + (10 - sum % 10) % 10);
  out[9] = '\0';
}
