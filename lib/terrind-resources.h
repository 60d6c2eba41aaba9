/* terrind-resources.h: the resources compiled into the library
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * glib-compile-resources writes the bundle (terrind-resources.c, see
 * Makefile.am); this declaration is written by hand because generating it
 * needs every file of the bundle, the schema included, and the schema is
 * written by a program that needs this header to be built.
 */

#pragma once

#include <gio/gio.h>

G_GNUC_INTERNAL GResource *terrind_get_resource (void);
