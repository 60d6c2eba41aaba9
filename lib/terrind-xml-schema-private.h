/* terrind-xml-schema-private.h: the XSD of the format, written from the model's description
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The XML Schema of the format version the library writes, as a new
 * NUL-terminated string of *@length bytes. The build writes it once, for
 * the resource terrind_xml_get_schema() returns and for installation. */
char *terrind_xml_schema_write (gsize *length);

G_END_DECLS
