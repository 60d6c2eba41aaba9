/* terrind-territory.c: a Territoire d'industrie
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: an entity. It calls only down (validation, keyed lists); the
 * registry that holds it is reached through its owner hooks
 * (terrind-owner-private.h), never by name.
 */

#include "config.h"

#include <string.h>

#include "terrind-error.h"
#include "terrind-quote-private.h"
#include "terrind-owner-private.h"
#include "terrind-territory-private.h"
#include "terrind-validate-private.h"

/* A file may list a million members, in any order: see
 * terrind-keyed-list.c for how that stays O(1) per member. */
G_STATIC_ASSERT (sizeof (TerrindMember) <= 24);
G_STATIC_ASSERT (G_STRUCT_OFFSET (TerrindMember, siren) == 0);

static const char *
member_key (gconstpointer item)
{
  return ((const TerrindMember *) item)->siren;
}

static void
member_free (gpointer item)
{
  TerrindMember *member = item;

  g_free (member->name);
  g_free (member);
}

static const TerrindKeyedListType member_list = {
  member_key, TRUE, member_free
};

const char * const terrind_member_kinds[] = { "epci", "ept", "commune", NULL };
static const TerrindKeyedListType department_list = {
  terrind_keyed_list_string_key, FALSE, g_free
};

/* The name a territory was made with is in its own block; one set later
 * is not. */
static void
free_name (TerrindTerritory *territory)
{
  if (territory->name != territory->id + strlen (territory->id) + 1)
    g_free (territory->name);
  territory->name = NULL;
}

/**
 * TerrindTerritory:
 *
 * A Territoire d'industrie: a group of intercommunalities (EPCI), named by
 * their SIREN, inside one region. Its id (the ANCT's "ti-8401" for the
 * default dataset) never changes; everything else is data. Reference
 * counted.
 *
 * Since: 1.0
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
 *
 * Since: 1.0
 */
TerrindTerritory *
terrind_territory_new (const char  *id,
                       const char  *name,
                       const char  *region_code,
                       GError     **error)
{
  TerrindTerritory *territory;
  gsize id_size, name_size;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!terrind_validate_id (id, "territory id", error) ||
      !terrind_validate_name (name, "territory name", error) ||
      !terrind_validate_id (region_code, "region code", error))
    return NULL;

  id_size = strlen (id) + 1;
  name_size = strlen (name) + 1;
  territory = g_malloc0 (sizeof (TerrindTerritory) + id_size + name_size);
  g_atomic_ref_count_init (&territory->ref_count);
  territory->id = memcpy (territory->inline_data, id, id_size);
  territory->name = memcpy (territory->inline_data + id_size, name, name_size);
  territory->region_code = g_ref_string_new_intern (region_code);
  return territory;
}

/**
 * terrind_territory_ref:
 * @territory: a #TerrindTerritory
 *
 * Takes one more reference on @territory.
 *
 * Returns: (transfer full): @territory, with one more reference.
 *
 * Since: 1.0
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
 *
 * Since: 1.0
 */
void
terrind_territory_unref (TerrindTerritory *territory)
{
  g_return_if_fail (territory != NULL);

  if (!g_atomic_ref_count_dec (&territory->ref_count))
    return;
  free_name (territory);
  g_ref_string_release (territory->region_code);
  g_free (territory->anct_id);
  terrind_keyed_list_clear (&territory->members, &member_list);
  terrind_keyed_list_clear (&territory->departments, &department_list);
  terrind_referent_slots_clear (&territory->referents);
  g_free (territory);
}

/**
 * terrind_territory_get_id:
 * @territory: a #TerrindTerritory
 *
 * Gives the id of @territory.
 *
 * Returns: (transfer none): the territory's id.
 *
 * Since: 1.0
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
 * Gives the name of @territory.
 *
 * Returns: (transfer none): the territory's name.
 *
 * Since: 1.0
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
 * Renames @territory. A @name that is empty, not valid UTF-8, too long or
 * holds a control character is refused.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE and
 *   the territory unchanged otherwise.
 *
 * Since: 1.0
 */
gboolean
terrind_territory_set_name (TerrindTerritory  *territory,
                            const char        *name,
                            GError           **error)
{
  char *copy;

  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (territory->owner, error))
    return FALSE;

  if (!terrind_validate_name (name, "territory name", error))
    return FALSE;
  copy = g_strdup (name);
  free_name (territory);
  territory->name = copy;
  return TRUE;
}

/**
 * terrind_territory_get_region_code:
 * @territory: a #TerrindTerritory
 *
 * Gives the code of the region that @territory lies in.
 *
 * Returns: (transfer none): the code of the territory's region.
 *
 * Since: 1.0
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
 *
 * Since: 1.0
 */
gboolean
terrind_territory_set_region_code (TerrindTerritory  *territory,
                                   const char        *region_code,
                                   GError           **error)
{
  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (territory->owner, error))
    return FALSE;

  if (!terrind_validate_id (region_code, "region code", error))
    return FALSE;
  if (territory->owner != NULL &&
      !terrind_owner_hooks (territory->owner)->has_region (territory->owner, region_code))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "territory “%s” cannot move to region “%s”: no such region",
                   territory->id, region_code);
      return FALSE;
    }
  g_ref_string_release (territory->region_code);
  territory->region_code = g_ref_string_new_intern (region_code);
  return TRUE;
}

/**
 * terrind_territory_get_phase:
 * @territory: a #TerrindTerritory
 *
 * Gives the phase of the programme that @territory belongs to.
 *
 * Returns: the number of the phase of the programme the territory belongs
 *   to (1 for 2018-2022, 2 for 2023-2027), or 0 when unset.
 *
 * Since: 1.0
 */
guint
terrind_territory_get_phase (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, 0);
  return territory->phase;
}

/* Changes the phase and the ANCT id together, through the registry when
 * one holds the territory: it checks the phase and that no other territory
 * of that phase has that ANCT id, and follows the change in its index. */
static gboolean
rekey (TerrindTerritory  *territory,
       guint              phase,
       const char        *anct_id,
       GError           **error)
{
  if (anct_id != NULL && g_str_equal (anct_id, territory->id))
    anct_id = NULL;
  if (territory->owner != NULL)
    return terrind_owner_hooks (territory->owner)->rekey_territory (territory->owner, territory,
                                                                     phase, anct_id, error);
  territory->phase = phase;
  terrind_replace_string (&territory->anct_id, anct_id);
  return TRUE;
}

/**
 * terrind_territory_set_phase:
 * @territory: a #TerrindTerritory
 * @phase: the phase, 1 to 99, or 0 to unset it
 * @error: return location for a #GError
 *
 * When the territory belongs to a registry that defines phases (since
 * 1.1), @phase must be one of them, and no other territory of that phase
 * may have the same ANCT id.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE,
 *   %TERRIND_ERROR_UNKNOWN_REFERENCE or %TERRIND_ERROR_DUPLICATE, the
 *   territory unchanged.
 *
 * Since: 1.0
 */
gboolean
terrind_territory_set_phase (TerrindTerritory  *territory,
                             guint              phase,
                             GError           **error)
{
  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (territory->owner, error))
    return FALSE;

  if (phase > TERRIND_TERRITORY_MAX_PHASE)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "invalid phase %u for territory “%s”: phases run from 1 to %u",
                   phase, territory->id, TERRIND_TERRITORY_MAX_PHASE);
      return FALSE;
    }
  return rekey (territory, phase, territory->anct_id, error);
}

/**
 * terrind_territory_get_anct_id:
 * @territory: a #TerrindTerritory
 *
 * The id the ANCT gives the territory ("ti-0101"). The ANCT numbers the
 * territories of each phase afresh, so one ANCT id may name different
 * territories in different phases; the territory's own id is unique in a
 * registry. A territory whose ANCT id was never set, as every territory of
 * a 1.0 file, has its id as ANCT id.
 *
 * Returns: (transfer none): the territory's ANCT id.
 *
 * Since: 1.1
 */
const char *
terrind_territory_get_anct_id (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, NULL);
  return territory->anct_id != NULL ? territory->anct_id : territory->id;
}

/**
 * terrind_territory_set_anct_id:
 * @territory: a #TerrindTerritory
 * @anct_id: (nullable): the ANCT's id, or %NULL for the territory's id
 * @error: return location for a #GError
 *
 * When the territory belongs to a registry, no other territory of its
 * phase may have the same ANCT id.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_DUPLICATE, the territory unchanged.
 *
 * Since: 1.1
 */
gboolean
terrind_territory_set_anct_id (TerrindTerritory  *territory,
                               const char        *anct_id,
                               GError           **error)
{
  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (territory->owner, error))
    return FALSE;

  if (anct_id != NULL && !terrind_validate_id (anct_id, "ANCT id", error))
    return FALSE;
  return rekey (territory, territory->phase, anct_id, error);
}

/* The ANCT id the territory was given, NULL when it is the id. */
const char *
terrind_territory_get_explicit_anct_id (const TerrindTerritory *territory)
{
  return territory->anct_id;
}

/**
 * terrind_territory_add_member:
 * @territory: a #TerrindTerritory
 * @siren: the SIREN of a member EPCI (or commune): 9 digits with a valid
 *   check digit
 * @error: return location for a #GError
 *
 * Adds a member, with no name or kind: see
 * terrind_territory_add_member_full().
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_DUPLICATE when @siren is already a member.
 *
 * Since: 1.0
 */
gboolean
terrind_territory_add_member (TerrindTerritory  *territory,
                              const char        *siren,
                              GError           **error)
{
  return terrind_territory_add_member_full (territory, siren, NULL, NULL, error);
}

/* 1 + the index of @kind in terrind_member_kinds, or 0 when it is none. */
static guint8
lookup_member_kind (const char *kind)
{
  for (guint i = 0; terrind_member_kinds[i] != NULL; i++)
    if (g_str_equal (kind, terrind_member_kinds[i]))
      return (guint8) (i + 1);
  return 0;
}

/**
 * terrind_territory_add_member_full:
 * @territory: a #TerrindTerritory
 * @siren: the SIREN of the member: 9 digits with a valid check digit
 * @name: (nullable): the member's name, or %NULL
 * @kind: (nullable): what the member is: "epci" (an intercommunality),
 *   "ept" (an établissement public territorial of the Paris metropolis)
 *   or "commune"; or %NULL when not known
 * @error: return location for a #GError
 *
 * Adds a member. terrind_territory_get_member() lists the members in
 * ascending order of SIREN, whatever the order they were added in.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_DUPLICATE when @siren is already a member.
 *
 * Since: 1.1
 */
gboolean
terrind_territory_add_member_full (TerrindTerritory  *territory,
                                   const char        *siren,
                                   const char        *name,
                                   const char        *kind,
                                   GError           **error)
{
  TerrindMember *member;
  guint8 known_kind = 0;

  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (territory->owner, error))
    return FALSE;

  if (!terrind_validate_siren (siren, error) ||
      (name != NULL && !terrind_validate_name (name, "member name", error)))
    return FALSE;
  if (kind != NULL && (known_kind = lookup_member_kind (kind)) == 0)
    {
      g_autofree char *quoted = terrind_quote (kind);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "invalid member kind %s: a member is an epci, an ept or a commune", quoted);
      return FALSE;
    }
  member = g_new0 (TerrindMember, 1);
  memcpy (member->siren, siren, sizeof member->siren - 1);
  member->name = g_strdup (name);
  member->kind = known_kind;
  if (!terrind_keyed_list_add (&territory->members, &member_list, member))
    {
      member_free (member);
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "SIREN %s is already a member of territory “%s”",
                   siren, territory->id);
      return FALSE;
    }
  if (territory->owner != NULL)
    terrind_owner_hooks (territory->owner)->index_member (territory->owner, territory,
                                                          member->siren);
  return TRUE;
}

/**
 * terrind_territory_remove_member:
 * @territory: a #TerrindTerritory
 * @siren: the SIREN to remove
 * @error: return location for a #GError
 *
 * Removes the member whose SIREN is @siren from @territory. When @territory
 * is in a registry, the registry's index of members follows.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND when
 *   @siren is not a member.
 *
 * Since: 1.0
 */
gboolean
terrind_territory_remove_member (TerrindTerritory  *territory,
                                 const char        *siren,
                                 GError           **error)
{
  TerrindMember *member;

  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (siren != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (territory->owner, error))
    return FALSE;

  member = terrind_keyed_list_steal (&territory->members, &member_list, siren);
  if (member == NULL)
    {
      g_autofree char *quoted = terrind_quote (siren);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND,
                   "%s is not a member of territory “%s”", quoted, territory->id);
      return FALSE;
    }
  if (territory->owner != NULL)
    terrind_owner_hooks (territory->owner)->unindex_member (territory->owner, territory,
                                                            member->siren);
  member_free (member);
  return TRUE;
}

/**
 * terrind_territory_has_member:
 * @territory: a #TerrindTerritory
 * @siren: a SIREN
 *
 * Tells whether @siren is among the members of @territory.
 *
 * Returns: %TRUE when @siren is a member of @territory.
 *
 * Since: 1.0
 */
gboolean
terrind_territory_has_member (const TerrindTerritory *territory,
                              const char             *siren)
{
  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (siren != NULL, FALSE);

  /* Readers may settle a list (terrind-keyed-list.c), under its lock: the
   * only reason to drop the const. */
  return terrind_keyed_list_lookup ((TerrindKeyedList *) &territory->members, &member_list,
                                    siren) != NULL;
}

static const TerrindMember *
get_member (const TerrindTerritory *territory,
            guint                   index)
{
  /* Readers may settle a list (terrind-keyed-list.c): see has_member. */
  return terrind_keyed_list_get ((TerrindKeyedList *) &territory->members, &member_list, index);
}

/**
 * terrind_territory_get_n_members:
 * @territory: a #TerrindTerritory
 *
 * Counts the members of @territory.
 *
 * Returns: the number of members.
 *
 * Since: 1.0
 */
guint
terrind_territory_get_n_members (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, 0);
  return terrind_keyed_list_length ((TerrindKeyedList *) &territory->members);
}

/**
 * terrind_territory_get_member:
 * @territory: a #TerrindTerritory
 * @index: from 0 to terrind_territory_get_n_members() - 1
 *
 * Gives the SIREN of the member of @territory at @index.
 *
 * Returns: (transfer none): the SIREN of the member at @index, in ascending
 *   order of SIREN.
 *
 * Since: 1.0
 */
const char *
terrind_territory_get_member (const TerrindTerritory *territory,
                              guint                   index)
{
  g_return_val_if_fail (territory != NULL, NULL);
  g_return_val_if_fail (index < terrind_territory_get_n_members (territory), NULL);
  return get_member (territory, index)->siren;
}

/**
 * terrind_territory_get_member_name:
 * @territory: a #TerrindTerritory
 * @index: from 0 to terrind_territory_get_n_members() - 1
 *
 * Gives the name of the member of @territory at @index, if known.
 *
 * Returns: (transfer none) (nullable): the name of the member at @index,
 *   in the order of terrind_territory_get_member(), or %NULL.
 *
 * Since: 1.1
 */
const char *
terrind_territory_get_member_name (const TerrindTerritory *territory,
                                   guint                   index)
{
  g_return_val_if_fail (territory != NULL, NULL);
  g_return_val_if_fail (index < terrind_territory_get_n_members (territory), NULL);
  return get_member (territory, index)->name;
}

/**
 * terrind_territory_get_member_kind:
 * @territory: a #TerrindTerritory
 * @index: from 0 to terrind_territory_get_n_members() - 1
 *
 * Gives the kind of the member of @territory at @index, if known.
 *
 * Returns: (transfer none) (nullable): what the member at @index is
 *   ("epci", "ept" or "commune"), or %NULL when not known.
 *
 * Since: 1.1
 */
const char *
terrind_territory_get_member_kind (const TerrindTerritory *territory,
                                   guint                   index)
{
  guint8 kind;

  g_return_val_if_fail (territory != NULL, NULL);
  g_return_val_if_fail (index < terrind_territory_get_n_members (territory), NULL);
  kind = get_member (territory, index)->kind;
  return kind != 0 ? terrind_member_kinds[kind - 1] : NULL;
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
 *
 * Since: 1.0
 */
gboolean
terrind_territory_add_department (TerrindTerritory  *territory,
                                  const char        *code,
                                  GError           **error)
{
  g_autofree char *department = NULL;

  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (territory->owner, error))
    return FALSE;

  if (!terrind_validate_department_code (code, error))
    return FALSE;
  department = g_strdup (code);
  if (!terrind_keyed_list_add (&territory->departments, &department_list, department))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "department %s is already listed for territory “%s”",
                   code, territory->id);
      return FALSE;
    }
  g_steal_pointer (&department);
  return TRUE;
}

/**
 * terrind_territory_get_n_departments:
 * @territory: a #TerrindTerritory
 *
 * Counts the departments recorded for @territory.
 *
 * Returns: the number of departments recorded.
 *
 * Since: 1.0
 */
guint
terrind_territory_get_n_departments (const TerrindTerritory *territory)
{
  g_return_val_if_fail (territory != NULL, 0);
  return terrind_keyed_list_length ((TerrindKeyedList *) &territory->departments);
}

/**
 * terrind_territory_get_department:
 * @territory: a #TerrindTerritory
 * @index: from 0 to terrind_territory_get_n_departments() - 1
 *
 * Gives the department code of @territory at @index.
 *
 * Returns: (transfer none): the department code at @index.
 *
 * Since: 1.0
 */
const char *
terrind_territory_get_department (const TerrindTerritory *territory,
                                  guint                   index)
{
  g_return_val_if_fail (territory != NULL, NULL);
  g_return_val_if_fail (index < terrind_territory_get_n_departments (territory), NULL);
  return terrind_keyed_list_get ((TerrindKeyedList *) &territory->departments, &department_list,
                                 index);
}

static gboolean
members_equal (gconstpointer a,
               gconstpointer b)
{
  const TerrindMember *ma = a, *mb = b;

  return g_str_equal (ma->siren, mb->siren) && g_strcmp0 (ma->name, mb->name) == 0 &&
         ma->kind == mb->kind;
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
 *
 * Since: 1.0
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
         g_strcmp0 (a->anct_id, b->anct_id) == 0 &&
         terrind_keyed_list_equal ((TerrindKeyedList *) &a->members,
                                   (TerrindKeyedList *) &b->members, &member_list, members_equal) &&
         terrind_keyed_list_equal ((TerrindKeyedList *) &a->departments,
                                   (TerrindKeyedList *) &b->departments, &department_list,
                                   g_str_equal);
}
