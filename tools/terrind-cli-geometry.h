/* terrind-cli-geometry.h: the shapes terrind map draws
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One ring: @n_points (longitude, latitude) pairs in WGS84 degrees, closed
 * (the last point is the first). */
typedef struct {
  guint   n_points;
  double *points;
} TerrindCliRing;

/* A shape: rings drawn with the even-odd rule, so that holes need no
 * orientation. */
typedef struct {
  char           *region;   /* the region whose frame shows it */
  char           *name;     /* regions only, else NULL */
  gboolean        approximate;
  guint           n_rings;
  TerrindCliRing *rings;
} TerrindCliShape;

typedef struct _TerrindCliGeometry TerrindCliGeometry;

/* The file terrind map reads when given no --geometry: $TERRIND_GEOMETRY
 * when set (the build tree and the tests use it), else the installed one. */
const char         *terrind_cli_geometry_default_path (void);

/* Loads a geometry file (data/make-geometry.py writes it). A file that is
 * not one is a TERRIND_ERROR_PARSE error naming what is wrong, never a
 * crash; an unreadable one, a G_FILE_ERROR. */
TerrindCliGeometry *terrind_cli_geometry_load         (const char          *path,
                                                       GError             **error);
void                terrind_cli_geometry_free         (TerrindCliGeometry  *geometry);

/* The outlines of the regions, sorted by code (borrowed). */
const GPtrArray    *terrind_cli_geometry_get_regions  (TerrindCliGeometry  *geometry);
const TerrindCliShape *terrind_cli_geometry_get_region (TerrindCliGeometry *geometry,
                                                       const char          *code);
/* The shape of the territory the ANCT calls @anct_id in phase @phase, or
 * NULL (borrowed). */
const TerrindCliShape *terrind_cli_geometry_get_territory (TerrindCliGeometry *geometry,
                                                           guint               phase,
                                                           const char         *anct_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindCliGeometry, terrind_cli_geometry_free)

G_END_DECLS
