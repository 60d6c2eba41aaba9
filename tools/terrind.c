/* terrind.c: the terrind command-line tool
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * All of the tool is in libterrind-cli, so the tests drive it in-process.
 */

#include "config.h"

#include "terrind-cli.h"

int
main (int argc, char **argv)
{
  return terrind_cli_main (argc, argv);
}
