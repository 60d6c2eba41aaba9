/* terrind-cli-map.h: what terrind map and terrind report draw
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-cli.h"
#include "terrind-cli-geometry.h"

G_BEGIN_DECLS

/* One colour of the map, and how many territories have it. */
typedef struct {
  char       *label;
  const char *colour;  /* "#rrggbb" */
  guint       count;
} TerrindCliMapClass;

/* A map: the territories to draw, each in one class, with its title. A
 * pure function of the registry and the options (terrind-cli-map-colours.c);
 * drawing it needs a geometry (terrind-cli-map-svg.c). */
typedef struct {
  char      *title;
  char      *subtitle;
  char      *region;       /* NULL: the whole of France, with the overseas insets */
  GPtrArray *classes;      /* TerrindCliMapClass */
  GPtrArray *territories;  /* TerrindTerritory, sorted by id (borrowed from the registry) */
  GArray    *class_of;     /* guint: the class of each territory */
} TerrindCliMap;

/* What chooses the colours; every member may be NULL. */
typedef struct {
  const char *phase;
  const char *operator_id;
  const char *commitment_id;
  const char *region;
  const char *date;        /* YYYY-MM-DD, checked by the caller */
} TerrindCliMapOptions;

/* Builds the map of @registry. Returns -1 when the command should go on
 * (with *map set), or the exit status of a usage error already reported
 * (an unknown operator, commitment, region or phase). */
int       terrind_cli_map_build         (TerrindCli                 *cli,
                                         const char                 *command,
                                         TerrindRegistry            *registry,
                                         const TerrindCliMapOptions *options,
                                         TerrindCliMap             **map);
void      terrind_cli_map_free          (TerrindCliMap              *map);

/* Today, YYYY-MM-DD, when @date is NULL; else a copy of @date, or NULL
 * (with a usage error reported) when it is not a valid day. */
char     *terrind_cli_map_date          (TerrindCli                 *cli,
                                         const char                 *command,
                                         const char                 *date);

/* The territory's key in the geometry: its phase (1 when it has none: 1.0
 * registries predate phase 2) and its ANCT id (its own id when it has none,
 * as in phase 1 of the default dataset). */
const char *terrind_cli_map_anct_id     (TerrindTerritory           *territory);
guint     terrind_cli_map_shape_phase   (TerrindTerritory           *territory);

/* Territory id → set of the ids of the operators whose referent there is
 * in office on @date (strings borrowed from the registry). */
GHashTable *terrind_cli_map_referents_in_office (TerrindRegistry     *registry,
                                                 const char          *date);

/* Appends @map as SVG to @out: standalone, an XML document; else an <svg>
 * element to put inline in HTML. *n_drawn counts the territories drawn;
 * those without a shape in @geometry are listed in @missing (ids, borrowed)
 * and named in the map's notes. FALSE when a projection cannot be set up. */
gboolean  terrind_cli_map_write_svg     (TerrindCliMap              *map,
                                         TerrindCliGeometry         *geometry,
                                         gboolean                    standalone,
                                         GString                    *out,
                                         guint                      *n_drawn,
                                         GPtrArray                  *missing,
                                         GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindCliMap, terrind_cli_map_free)

G_END_DECLS
