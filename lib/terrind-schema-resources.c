/* terrind-schema-resources.c: no resources, for terrind-make-schema
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The real resources hold the schema that terrind-make-schema writes, so
 * that program is linked with this stand-in instead. Writing the schema
 * reads the description only: nothing it calls opens a resource.
 */

#include "config.h"

#include "terrind-resources.h"

GResource *
terrind_get_resource (void)
{
  g_return_val_if_reached (NULL);
}
