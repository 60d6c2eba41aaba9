/* terrind-cli-projection.c: from WGS84 to a map's plane, through PROJ
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each projection has its own PROJ context, so that nothing is shared
 * between runs of the tool in one process (the tests) and PROJ's own
 * logging, which would write to stderr behind the tool's back, is off: its
 * errors come back through the GError.
 */

#include "config.h"

#include <math.h>

#include <proj.h>
#include <terrind.h>

#include "terrind-cli-projection.h"

struct _TerrindCliProjection {
  PJ_CONTEXT *context;
  PJ         *transform;
};

void
terrind_cli_projection_free (TerrindCliProjection *projection)
{
  if (projection == NULL)
    return;
  if (projection->transform != NULL)
    proj_destroy (projection->transform);
  proj_context_destroy (projection->context);
  g_free (projection);
}

TerrindCliProjection *
terrind_cli_projection_new (const char  *crs,
                            GError     **error)
{
  g_autoptr(TerrindCliProjection) projection = g_new0 (TerrindCliProjection, 1);
  PJ *transform;

  g_return_val_if_fail (crs != NULL, NULL);

  projection->context = proj_context_create ();
  proj_log_level (projection->context, PJ_LOG_NONE);
  /* Grids fetched from the network would make the map depend on more
   * than its inputs. */
  proj_context_set_enable_network (projection->context, 0);

  transform = proj_create_crs_to_crs (projection->context, "EPSG:4326", crs, NULL);
  if (transform != NULL)
    {
      /* EPSG:4326 is latitude first; the shapes are longitude first. */
      projection->transform = proj_normalize_for_visualization (projection->context, transform);
      proj_destroy (transform);
    }
  if (projection->transform == NULL)
    {
      int code = proj_context_errno (projection->context);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_FAILED,
                   "cannot project to %s with PROJ: %s (is PROJ's proj.db installed?)", crs,
                   code != 0 ? proj_context_errno_string (projection->context, code)
                             : "unknown error");
      return NULL;
    }
  return g_steal_pointer (&projection);
}

gboolean
terrind_cli_projection_forward (TerrindCliProjection *projection,
                                double                longitude,
                                double                latitude,
                                double               *easting,
                                double               *northing)
{
  PJ_COORD in = proj_coord (longitude, latitude, 0.0, 0.0);
  PJ_COORD out;

  g_return_val_if_fail (projection != NULL, FALSE);

  out = proj_trans (projection->transform, PJ_FWD, in);
  if (!isfinite (out.xy.x) || !isfinite (out.xy.y) || out.xy.x == HUGE_VAL)
    return FALSE;
  *easting = out.xy.x;
  *northing = out.xy.y;
  return TRUE;
}
