/* terrind-region.c: a French region
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-owner-private.h"
#include "terrind-region-private.h"
#include "terrind-validate-private.h"

/**
 * TerrindRegion:
 *
 * A French region, identified by its INSEE code ("84" for
 * Auvergne-Rhône-Alpes). Its code is its id and never changes; its name is
 * data. Reference counted; the atomic counter makes it safe to share
 * between threads that only read it.
 *
 * Since: 1.0
 */

/**
 * terrind_region_new:
 * @code: the INSEE region code, an id (ASCII letters, digits, ".", "_", "-")
 * @name: the region's name, non-empty UTF-8
 * @error: return location for a #GError
 *
 * Creates a region that belongs to no registry yet.
 *
 * Returns: (transfer full) (nullable): a new region, or %NULL with
 *   %TERRIND_ERROR_INVALID_VALUE when @code or @name is malformed.
 *
 * Since: 1.0
 */
TerrindRegion *
terrind_region_new (const char  *code,
                    const char  *name,
                    GError     **error)
{
  TerrindRegion *region;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!terrind_validate_id (code, "region code", error) ||
      !terrind_validate_name (name, "region name", error))
    return NULL;

  region = g_new0 (TerrindRegion, 1);
  g_atomic_ref_count_init (&region->ref_count);
  region->code = g_strdup (code);
  region->name = g_strdup (name);
  return region;
}

/**
 * terrind_region_ref:
 * @region: a #TerrindRegion
 *
 * Takes one more reference on @region.
 *
 * Returns: (transfer full): @region, with one more reference.
 *
 * Since: 1.0
 */
TerrindRegion *
terrind_region_ref (TerrindRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);

  g_atomic_ref_count_inc (&region->ref_count);
  return region;
}

/**
 * terrind_region_unref:
 * @region: (transfer full): a #TerrindRegion
 *
 * Drops one reference, freeing @region when it was the last.
 *
 * Since: 1.0
 */
void
terrind_region_unref (TerrindRegion *region)
{
  g_return_if_fail (region != NULL);

  if (!g_atomic_ref_count_dec (&region->ref_count))
    return;
  g_free (region->code);
  g_free (region->name);
  g_free (region);
}

/**
 * terrind_region_get_code:
 * @region: a #TerrindRegion
 *
 * Gives the code of @region.
 *
 * Returns: (transfer none): the INSEE code, which is the region's id.
 *
 * Since: 1.0
 */
const char *
terrind_region_get_code (const TerrindRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);
  return region->code;
}

/**
 * terrind_region_get_name:
 * @region: a #TerrindRegion
 *
 * Gives the name of @region.
 *
 * Returns: (transfer none): the region's name.
 *
 * Since: 1.0
 */
const char *
terrind_region_get_name (const TerrindRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);
  return region->name;
}

/**
 * terrind_region_set_name:
 * @region: a #TerrindRegion
 * @name: the new name, non-empty UTF-8
 * @error: return location for a #GError
 *
 * Renames the region; @name is copied.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE and
 *   the region unchanged otherwise.
 *
 * Since: 1.0
 */
gboolean
terrind_region_set_name (TerrindRegion  *region,
                         const char     *name,
                         GError        **error)
{
  g_return_val_if_fail (region != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (region->owner, error))
    return FALSE;

  if (!terrind_validate_name (name, "region name", error))
    return FALSE;
  terrind_replace_string (&region->name, name);
  return TRUE;
}

/**
 * terrind_region_equal:
 * @a: a #TerrindRegion
 * @b: a #TerrindRegion
 *
 * Compares two regions field by field.
 *
 * Returns: %TRUE when @a and @b hold the same values.
 *
 * Since: 1.0
 */
gboolean
terrind_region_equal (const TerrindRegion *a,
                      const TerrindRegion *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return g_str_equal (a->code, b->code) && g_str_equal (a->name, b->name);
}
