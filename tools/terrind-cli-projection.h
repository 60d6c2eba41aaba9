/* terrind-cli-projection.h: from WGS84 to a map's plane, through PROJ
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TerrindCliProjection TerrindCliProjection;

/* A transformation from EPSG:4326 (longitude, latitude in degrees) to @crs
 * ("EPSG:2154"), easting and northing in metres whatever the axis order the
 * CRS defines. Needs PROJ's database (proj.db); an error says when it is
 * missing. */
TerrindCliProjection *terrind_cli_projection_new     (const char           *crs,
                                                      GError              **error);
void                  terrind_cli_projection_free    (TerrindCliProjection *projection);
/* FALSE for a point the CRS cannot show. */
gboolean              terrind_cli_projection_forward (TerrindCliProjection *projection,
                                                      double                longitude,
                                                      double                latitude,
                                                      double               *easting,
                                                      double               *northing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindCliProjection, terrind_cli_projection_free)

G_END_DECLS
