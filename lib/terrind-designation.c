/* terrind-designation.c: a territory designated for support by an operator, for a year
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-error.h"
#include "terrind-owner-private.h"
#include "terrind-record-private.h"
#include "terrind-validate-private.h"

/**
 * TerrindDesignation:
 *
 * A record of support: an operator designated a territory for a year at
 * one level of a yearly-target commitment ("priority", "reinforced"), the
 * facts that commitment is measured against. Its operator and territory
 * are fixed at creation; its year, level and commitment may change. A
 * registry holds at most one designation per (operator, territory, year),
 * and checks, when it is added and at every change while it holds it, that
 * the commitment is one of the operator's, that the year lies in the
 * commitment's period and in the territory's phase, and that the level is
 * one of the commitment's targets. Reference counted.
 *
 * Since: 1.1
 */

static void
release_ref_string (char **field)
{
  g_clear_pointer (field, g_ref_string_release);
}

/**
 * terrind_designation_new:
 * @id: the designation's id (ASCII letters, digits, ".", "_", "-")
 * @operator_id: the id of the operator that designated the territory
 * @territory_id: the id of the territory designated
 * @year: the year of the designation, 1900 to 2200
 * @level: the level, an id ("priority", "reinforced"): one of the
 *   commitment's target levels when it has targets
 * @commitment_id: the id of the commitment of that operator the
 *   designation counts against
 * @error: return location for a #GError
 *
 * The references are checked when the designation is added to a registry.
 *
 * Returns: (transfer full) (nullable): a new designation, or %NULL with
 *   %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.1
 */
TerrindDesignation *
terrind_designation_new (const char  *id,
                         const char  *operator_id,
                         const char  *territory_id,
                         guint        year,
                         const char  *level,
                         const char  *commitment_id,
                         GError     **error)
{
  TerrindDesignation *designation;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!terrind_validate_id (id, "designation id", error) ||
      !terrind_validate_id (operator_id, "operator id", error) ||
      !terrind_validate_id (territory_id, "territory id", error) ||
      !terrind_validate_year (year, "designation year", error) ||
      !terrind_validate_id (level, "designation level", error) ||
      !terrind_validate_id (commitment_id, "commitment id", error))
    return NULL;

  designation = g_new0 (TerrindDesignation, 1);
  g_atomic_ref_count_init (&designation->ref_count);
  designation->id = g_strdup (id);
  designation->operator_id = g_ref_string_new_intern (operator_id);
  designation->territory_id = g_ref_string_new_intern (territory_id);
  designation->year = year;
  designation->level = g_ref_string_new_intern (level);
  designation->commitment_id = g_ref_string_new_intern (commitment_id);
  return designation;
}

/**
 * terrind_designation_ref:
 * @designation: a #TerrindDesignation
 *
 * Takes one more reference on @designation.
 *
 * Returns: (transfer full): @designation, with one more reference.
 *
 * Since: 1.1
 */
TerrindDesignation *
terrind_designation_ref (TerrindDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);

  g_atomic_ref_count_inc (&designation->ref_count);
  return designation;
}

/**
 * terrind_designation_unref:
 * @designation: (transfer full): a #TerrindDesignation
 *
 * Drops one reference, freeing @designation when it was the last.
 *
 * Since: 1.1
 */
void
terrind_designation_unref (TerrindDesignation *designation)
{
  g_return_if_fail (designation != NULL);

  if (!g_atomic_ref_count_dec (&designation->ref_count))
    return;
  g_free (designation->id);
  release_ref_string (&designation->operator_id);
  release_ref_string (&designation->territory_id);
  release_ref_string (&designation->level);
  release_ref_string (&designation->commitment_id);
  g_free (designation);
}

/**
 * terrind_designation_get_id:
 * @designation: a #TerrindDesignation
 *
 * Gives the id of @designation.
 *
 * Returns: (transfer none): the designation's id.
 *
 * Since: 1.1
 */
const char *
terrind_designation_get_id (const TerrindDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);
  return designation->id;
}

/**
 * terrind_designation_get_operator_id:
 * @designation: a #TerrindDesignation
 *
 * Gives the id of the operator that made @designation.
 *
 * Returns: (transfer none): the id of the operator that designated the
 *   territory.
 *
 * Since: 1.1
 */
const char *
terrind_designation_get_operator_id (const TerrindDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);
  return designation->operator_id;
}

/**
 * terrind_designation_get_territory_id:
 * @designation: a #TerrindDesignation
 *
 * Gives the id of the territory that @designation names.
 *
 * Returns: (transfer none): the id of the territory designated.
 *
 * Since: 1.1
 */
const char *
terrind_designation_get_territory_id (const TerrindDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);
  return designation->territory_id;
}

/**
 * terrind_designation_get_year:
 * @designation: a #TerrindDesignation
 *
 * Gives the year for which @designation was made.
 *
 * Returns: the year of the designation.
 *
 * Since: 1.1
 */
guint
terrind_designation_get_year (const TerrindDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, 0);
  return designation->year;
}

/* Asks the registry that holds @designation, if any, whether @proposed
 * may take its place. */
static gboolean
check_change (TerrindDesignation        *designation,
              const TerrindDesignation  *proposed,
              GError                   **error)
{
  if (designation->owner == NULL)
    return TRUE;
  return terrind_owner_hooks (designation->owner)->check_designation (designation->owner,
                                                                      designation, proposed,
                                                                      error);
}

/**
 * terrind_designation_set_year:
 * @designation: a #TerrindDesignation
 * @year: the year, 1900 to 2200
 * @error: return location for a #GError
 *
 * In a registry, the year must lie in the commitment's period and the
 * territory's phase, and no other designation of the territory by the
 * operator may have it.
 *
 * Returns: %TRUE on success; %FALSE, @designation unchanged, with
 *   %TERRIND_ERROR_INVALID_VALUE or %TERRIND_ERROR_DUPLICATE.
 *
 * Since: 1.1
 */
gboolean
terrind_designation_set_year (TerrindDesignation  *designation,
                              guint                year,
                              GError             **error)
{
  TerrindDesignation proposed;

  g_return_val_if_fail (designation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (designation->owner, error))
    return FALSE;

  if (!terrind_validate_year (year, "designation year", error))
    return FALSE;
  proposed = *designation;
  proposed.year = year;
  if (!check_change (designation, &proposed, error))
    return FALSE;
  if (designation->owner != NULL)
    terrind_owner_hooks (designation->owner)->unindex_designation (designation->owner, designation);
  designation->year = year;
  if (designation->owner != NULL)
    terrind_owner_hooks (designation->owner)->index_designation (designation->owner, designation);
  return TRUE;
}

/**
 * terrind_designation_get_level:
 * @designation: a #TerrindDesignation
 *
 * Gives the level at which @designation names its territory.
 *
 * Returns: (transfer none): the level of the designation ("priority").
 *
 * Since: 1.1
 */
const char *
terrind_designation_get_level (const TerrindDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);
  return designation->level;
}

/**
 * terrind_designation_set_level:
 * @designation: a #TerrindDesignation
 * @level: the level, an id
 * @error: return location for a #GError
 *
 * In a registry, the level must be one of the commitment's target levels
 * when the commitment has targets.
 *
 * Returns: %TRUE on success; %FALSE, @designation unchanged, with
 *   %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.1
 */
gboolean
terrind_designation_set_level (TerrindDesignation  *designation,
                               const char          *level,
                               GError             **error)
{
  TerrindDesignation proposed;

  g_return_val_if_fail (designation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (designation->owner, error))
    return FALSE;

  if (!terrind_validate_id (level, "designation level", error))
    return FALSE;
  proposed = *designation;
  proposed.level = (char *) level;
  if (!check_change (designation, &proposed, error))
    return FALSE;
  release_ref_string (&designation->level);
  designation->level = g_ref_string_new_intern (level);
  return TRUE;
}

/**
 * terrind_designation_get_commitment_id:
 * @designation: a #TerrindDesignation
 *
 * Gives the id of the commitment that @designation counts against.
 *
 * Returns: (transfer none): the id of the commitment the designation
 *   counts against.
 *
 * Since: 1.1
 */
const char *
terrind_designation_get_commitment_id (const TerrindDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);
  return designation->commitment_id;
}

/**
 * terrind_designation_set_commitment_id:
 * @designation: a #TerrindDesignation
 * @commitment_id: the id of a commitment
 * @error: return location for a #GError
 *
 * In a registry, the commitment must be in a convention of the
 * designation's operator, and the year and level must fit it.
 *
 * Returns: %TRUE on success; %FALSE, @designation unchanged, with
 *   %TERRIND_ERROR_INVALID_VALUE or %TERRIND_ERROR_UNKNOWN_REFERENCE.
 *
 * Since: 1.1
 */
gboolean
terrind_designation_set_commitment_id (TerrindDesignation  *designation,
                                       const char          *commitment_id,
                                       GError             **error)
{
  TerrindDesignation proposed;

  g_return_val_if_fail (designation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (designation->owner, error))
    return FALSE;

  if (!terrind_validate_id (commitment_id, "commitment id", error))
    return FALSE;
  proposed = *designation;
  proposed.commitment_id = (char *) commitment_id;
  if (!check_change (designation, &proposed, error))
    return FALSE;
  release_ref_string (&designation->commitment_id);
  designation->commitment_id = g_ref_string_new_intern (commitment_id);
  return TRUE;
}

/**
 * terrind_designation_equal:
 * @a: a #TerrindDesignation
 * @b: a #TerrindDesignation
 *
 * Compares two designations field by field; the registries they belong to do
 * not count.
 *
 * Returns: %TRUE when @a and @b have the same values in every field.
 *
 * Since: 1.1
 */
gboolean
terrind_designation_equal (const TerrindDesignation *a,
                           const TerrindDesignation *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return g_str_equal (a->id, b->id) &&
         g_str_equal (a->operator_id, b->operator_id) &&
         g_str_equal (a->territory_id, b->territory_id) &&
         a->year == b->year &&
         g_str_equal (a->level, b->level) &&
         g_str_equal (a->commitment_id, b->commitment_id);
}
