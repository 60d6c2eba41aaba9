/* terrind-version.c: run-time version information
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-version.h"

/**
 * terrind_version_string:
 *
 * The version of the library the program runs with, which may be newer than
 * the one it was compiled against (%TERRIND_VERSION_STRING).
 *
 * Returns: (transfer none): "MAJOR.MINOR.MICRO"
 *
 * Since: 1.0
 */
const char *
terrind_version_string (void)
{
  return TERRIND_VERSION_STRING;
}

/**
 * terrind_version_major:
 *
 * Gives the major version of the library loaded at run time, which may differ
 * from the %TERRIND_MAJOR_VERSION the program was compiled against.
 *
 * Returns: the major version of the library the program runs with.
 *
 * Since: 1.0
 */
guint
terrind_version_major (void)
{
  return TERRIND_MAJOR_VERSION;
}

/**
 * terrind_version_minor:
 *
 * Gives the minor version of the library loaded at run time, which may differ
 * from the %TERRIND_MINOR_VERSION the program was compiled against.
 *
 * Returns: the minor version of the library the program runs with.
 *
 * Since: 1.0
 */
guint
terrind_version_minor (void)
{
  return TERRIND_MINOR_VERSION;
}

/**
 * terrind_version_micro:
 *
 * Gives the micro version of the library loaded at run time, which may differ
 * from the %TERRIND_MICRO_VERSION the program was compiled against.
 *
 * Returns: the micro version of the library the program runs with.
 *
 * Since: 1.0
 */
guint
terrind_version_micro (void)
{
  return TERRIND_MICRO_VERSION;
}

/**
 * terrind_check_version:
 * @major: the required major version
 * @minor: the required minor version
 * @micro: the required micro version
 *
 * Checks at run time that the library is at least version
 * @major.@minor.@micro and has the same major version (a new major version
 * breaks the ABI).
 *
 * Returns: %TRUE when the running library is compatible.
 *
 * Since: 1.0
 */
gboolean
terrind_check_version (guint major,
                       guint minor,
                       guint micro)
{
  /* Packing minor and micro into one number keeps the comparison free of
   * "unsigned >= 0" warnings while the micro version is 0. */
  guint64 have = ((guint64) TERRIND_MINOR_VERSION << 32) | TERRIND_MICRO_VERSION;
  guint64 want = ((guint64) minor << 32) | micro;

  return major == TERRIND_MAJOR_VERSION && have >= want;
}
