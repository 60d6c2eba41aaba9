/* terrind-territory.c: a Territoire d'industrie
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-error.h"
#include "terrind-territory-private.h"
#include "terrind-validate-private.h"

/* Phases are numbered from 1; the programme has had two so far. */
#define MAX_PHASE 99

/**
 * TerrindTerritory:
 *
 * A Territoire d'industrie: a group of intercommunalities (EPCI), named by
 * their SIREN, inside one region. Its id (the ANCT's "ti-8401" for the
 * default dataset) never changes; everything else is data. Reference
 * counted.
 */

/**
 * terrind_territory_new:
 * @id: the territory's id (ASCII letters, digits, ".", "_", "-")
 * @name: its name, non-empty UTF-8
 * @region_code: the code of the region that pilots it
 * @error: return location for a #GError
 *
 * Creates a territory with no members. The region is checked when the
 * territory is added to a registry.
 *
 * Returns: (transfer full) (nullable): a new territory, or %NULL with
 *   %TERRIND_ERROR_INVALID_VALUE.
 */
TerrindTerritory *
terrind_territory_new (const char  *id,
                       const char  *name,
                       const char  *region_code,
                       GError     **error)
{
  TerrindTerritory *territory;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!terrind_validate_id (id, "territory id", error) ||
      !terrind_validate_name (name, "territory name", error) ||
      !terrind_validate_id (region_code, "region code", error))
    return NULL;

  territory = g_new0 (TerrindTerritory, 1);
  g_atomic_ref_count_init (&territory->ref_count);
  territory->id = g_strdup (id);
  territory->name = g_strdup (name);
  territory->region_code = g_strdup (region_code);
  return territory;
}

/**
 * terrind_territory_ref:
 * @territory: a #TerrindTerritory
 *
 * Returns: (transfer full): @territory, with one more reference.
 */
TerrindTerritory *
terrind_territory_ref (TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, NULL);

  g_atomic_ref_count_inc (&territory->ref_count);
  return territory;
}

/**
 * terrind_territory_unref:
 * @territory: (transfer full): a #TerrindTerritory
 *
 * Drops one reference, freeing @territory when it was the last.
 */
void
terrind_territory_unref (TerrindTerritory *territory)
{
  g_return_if_fail (territory != NULL);

  if (!g_atomic_ref_count_dec (&territory->ref_count))
    return;
  g_free (territory->id);
  g_free (territory->name);
  g_free (territory->region_code);
  g_clear_pointer (&territory->members, g_ptr_array_unref);
  g_clear_pointer (&territory->departments, g_ptr_array_unref);
  g_free (territory);
}

/**
 * terrind_territory_get_id:
 * @territory: a #TerrindTerritory
 *
 * Returns: (transfer none): the territory's id.
 */
const char *
terrind_territory_get_id (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, NULL);
  return territory->id;
}

/**
 * terrind_territory_get_name:
 * @territory: a #TerrindTerritory
 *
 * Returns: (transfer none): the territory's name.
 */
const char *
terrind_territory_get_name (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, NULL);
  return territory->name;
}

/**
 * terrind_territory_set_name:
 * @territory: a #TerrindTerritory
 * @name: the new name, non-empty UTF-8
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE and
 *   the territory unchanged otherwise.
 */
gboolean
terrind_territory_set_name (TerrindTerritory  *territory,
                            const char        *name,
                            GError           **error)
{
  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_validate_name (name, "territory name", error))
    return FALSE;
  terrind_replace_string (&territory->name, name);
  return TRUE;
}

/**
 * terrind_territory_get_region_code:
 * @territory: a #TerrindTerritory
 *
 * Returns: (transfer none): the code of the territory's region.
 */
const char *
terrind_territory_get_region_code (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, NULL);
  return territory->region_code;
}

/**
 * terrind_territory_set_region_code:
 * @territory: a #TerrindTerritory
 * @region_code: the code of the new region
 * @error: return location for a #GError
 *
 * Moves the territory to another region. When the territory belongs to a
 * registry, the region must exist in it.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_UNKNOWN_REFERENCE, the territory unchanged.
 */
gboolean
terrind_territory_set_region_code (TerrindTerritory  *territory,
                                   const char        *region_code,
                                   GError           **error)
{
  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_validate_id (region_code, "region code", error))
    return FALSE;
  if (territory->owner != NULL &&
      terrind_registry_get_region (territory->owner, region_code) == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "territory “%s” cannot move to region “%s”: no such region",
                   territory->id, region_code);
      return FALSE;
    }
  terrind_replace_string (&territory->region_code, region_code);
  return TRUE;
}

/**
 * terrind_territory_get_phase:
 * @territory: a #TerrindTerritory
 *
 * Returns: the phase of the programme the territory belongs to (1 for
 *   2018-2022, 2 for 2023-2027), or 0 when unset.
 */
guint
terrind_territory_get_phase (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, 0);
  return territory->phase;
}

/**
 * terrind_territory_set_phase:
 * @territory: a #TerrindTerritory
 * @phase: the phase, 1 to 99, or 0 to unset it
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 */
gboolean
terrind_territory_set_phase (TerrindTerritory  *territory,
                             guint              phase,
                             GError           **error)
{
  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (phase > MAX_PHASE)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "invalid phase %u for territory “%s”: phases run from 1 to %u",
                   phase, territory->id, MAX_PHASE);
      return FALSE;
    }
  territory->phase = phase;
  return TRUE;
}

/* Binary search in the sorted member list: where @siren is, or would go. */
static guint
member_position (GPtrArray  *members,
                 const char *siren,
                 gboolean   *found)
{
  guint low = 0, high = members != NULL ? members->len : 0;

  *found = FALSE;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      int cmp = strcmp (g_ptr_array_index (members, mid), siren);

      if (cmp == 0)
        {
          *found = TRUE;
          return mid;
        }
      if (cmp < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/**
 * terrind_territory_add_member:
 * @territory: a #TerrindTerritory
 * @siren: the SIREN of a member EPCI (or commune): 9 digits with a valid
 *   check digit
 * @error: return location for a #GError
 *
 * Adds a member. Members are kept sorted by SIREN.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_DUPLICATE when @siren is already a member.
 */
gboolean
terrind_territory_add_member (TerrindTerritory  *territory,
                              const char        *siren,
                              GError           **error)
{
  gboolean found;
  guint position;

  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_validate_siren (siren, error))
    return FALSE;
  position = member_position (territory->members, siren, &found);
  if (found)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "SIREN %s is already a member of territory “%s”",
                   siren, territory->id);
      return FALSE;
    }
  if (territory->members == NULL)
    territory->members = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_insert (territory->members, (gint) position, g_strdup (siren));
  return TRUE;
}

/**
 * terrind_territory_remove_member:
 * @territory: a #TerrindTerritory
 * @siren: the SIREN to remove
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND when
 *   @siren is not a member.
 */
gboolean
terrind_territory_remove_member (TerrindTerritory  *territory,
                                 const char        *siren,
                                 GError           **error)
{
  gboolean found;
  guint position;

  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (siren != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  position = member_position (territory->members, siren, &found);
  if (!found)
    {
      g_autofree char *safe = g_utf8_make_valid (siren, -1);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND,
                   "“%s” is not a member of territory “%s”", safe, territory->id);
      return FALSE;
    }
  g_ptr_array_remove_index (territory->members, position);
  return TRUE;
}

/**
 * terrind_territory_has_member:
 * @territory: a #TerrindTerritory
 * @siren: a SIREN
 *
 * Returns: %TRUE when @siren is a member of @territory.
 */
gboolean
terrind_territory_has_member (const TerrindTerritory *territory,
                              const char             *siren)
{
  gboolean found;

  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (siren != NULL, FALSE);

  member_position (territory->members, siren, &found);
  return found;
}

/**
 * terrind_territory_get_n_members:
 * @territory: a #TerrindTerritory
 *
 * Returns: the number of members.
 */
guint
terrind_territory_get_n_members (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, 0);
  return territory->members != NULL ? territory->members->len : 0;
}

/**
 * terrind_territory_get_member:
 * @territory: a #TerrindTerritory
 * @index: from 0 to terrind_territory_get_n_members() - 1
 *
 * Returns: (transfer none): the SIREN of the member at @index, in ascending
 *   order of SIREN.
 */
const char *
terrind_territory_get_member (const TerrindTerritory *territory,
                              guint                   index)
{
  g_return_val_if_fail (territory != NULL, NULL);
  g_return_val_if_fail (index < terrind_territory_get_n_members (territory), NULL);
  return g_ptr_array_index (territory->members, index);
}

/**
 * terrind_territory_add_department:
 * @territory: a #TerrindTerritory
 * @code: a department code ("74", "2A", "971")
 * @error: return location for a #GError
 *
 * Records a department the territory spans. Departments keep the order in
 * which they were added.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_DUPLICATE.
 */
gboolean
terrind_territory_add_department (TerrindTerritory  *territory,
                                  const char        *code,
                                  GError           **error)
{
  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_validate_department_code (code, error))
    return FALSE;
  if (terrind_string_array_find (territory->departments, code) >= 0)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "department %s is already listed for territory “%s”",
                   code, territory->id);
      return FALSE;
    }
  if (territory->departments == NULL)
    territory->departments = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (territory->departments, g_strdup (code));
  return TRUE;
}

/**
 * terrind_territory_get_n_departments:
 * @territory: a #TerrindTerritory
 *
 * Returns: the number of departments recorded.
 */
guint
terrind_territory_get_n_departments (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, 0);
  return territory->departments != NULL ? territory->departments->len : 0;
}

/**
 * terrind_territory_get_department:
 * @territory: a #TerrindTerritory
 * @index: from 0 to terrind_territory_get_n_departments() - 1
 *
 * Returns: (transfer none): the department code at @index.
 */
const char *
terrind_territory_get_department (const TerrindTerritory *territory,
                                  guint                   index)
{
  g_return_val_if_fail (territory != NULL, NULL);
  g_return_val_if_fail (index < terrind_territory_get_n_departments (territory), NULL);
  return g_ptr_array_index (territory->departments, index);
}

/**
 * terrind_territory_equal:
 * @a: a #TerrindTerritory
 * @b: a #TerrindTerritory
 *
 * Compares two territories field by field, members and departments
 * included.
 *
 * Returns: %TRUE when @a and @b hold the same values.
 */
gboolean
terrind_territory_equal (const TerrindTerritory *a,
                         const TerrindTerritory *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return g_str_equal (a->id, b->id) &&
         g_str_equal (a->name, b->name) &&
         g_str_equal (a->region_code, b->region_code) &&
         a->phase == b->phase &&
         terrind_string_arrays_equal (a->members, b->members) &&
         terrind_string_arrays_equal (a->departments, b->departments);
}
