/* terrind-referent.c: the single referent of an operator for a territory
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-owner-private.h"
#include "terrind-error.h"
#include "terrind-referent-private.h"
#include "terrind-validate-private.h"

/**
 * TerrindReferent:
 *
 * The person an operator names as its single referent for one territory.
 * Its operator and territory are fixed at creation: to name someone else,
 * build a new referent and call terrind_registry_replace_referent(). A
 * registry holds at most one referent per (operator, territory). Reference
 * counted.
 *
 * Since: 1.0
 */

static void
release_ref_string (char **field)
{
  g_clear_pointer (field, g_ref_string_release);
}

/**
 * terrind_referent_new:
 * @id: the referent's id (ASCII letters, digits, ".", "_", "-")
 * @operator_id: the id of the operator that names the referent
 * @territory_id: the id of the territory the referent is for
 * @person: the person's name, non-empty UTF-8
 * @error: return location for a #GError
 *
 * The operator and the territory are checked when the referent is added to
 * a registry.
 *
 * Returns: (transfer full) (nullable): a new referent, or %NULL with
 *   %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
TerrindReferent *
terrind_referent_new (const char  *id,
                      const char  *operator_id,
                      const char  *territory_id,
                      const char  *person,
                      GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return terrind_referent_new_full (id, operator_id, territory_id, person,
                                    NULL, NULL, NULL, NULL, error);
}

/* Copies @value into the inline block at *@cursor and returns the copy. */
static char *
place_inline (char      **cursor,
              const char *value)
{
  char *copy;
  gsize size;

  if (value == NULL)
    return NULL;
  size = strlen (value) + 1;
  copy = memcpy (*cursor, value, size);
  *cursor += size;
  return copy;
}

gboolean
terrind_referent_validate_required (const char  *id,
                                    const char  *operator_id,
                                    const char  *territory_id,
                                    const char  *person,
                                    GError     **error)
{
  return terrind_validate_id (id, "referent id", error) &&
         terrind_validate_id (operator_id, "operator id", error) &&
         terrind_validate_id (territory_id, "territory id", error) &&
         terrind_validate_name (person, "referent name", error);
}

static gboolean
validate_details (const char  *role,
                  const char  *email,
                  const char  *phone,
                  const char  *start_date,
                  GError     **error)
{
  return terrind_validate_optional_name (role, "referent role", error) &&
         (email == NULL || terrind_validate_email (email, error)) &&
         (phone == NULL || terrind_validate_phone (phone, error)) &&
         (start_date == NULL || terrind_validate_date (start_date, "start date", error));
}

TerrindReferent *
terrind_referent_build (const char *id,
                        char       *operator_id,
                        const char *territory_id,
                        const char *person,
                        char       *role,
                        const char *email,
                        const char *phone,
                        const char *start_date)
{
  const char *inline_fields[] = { id, territory_id, person, email, phone, start_date };
  TerrindReferent *referent;
  gsize inline_size = 0;
  char *cursor;

  for (guint i = 0; i < G_N_ELEMENTS (inline_fields); i++)
    if (inline_fields[i] != NULL)
      inline_size += strlen (inline_fields[i]) + 1;

  /* Every field is set below: the block is not cleared first. */
  referent = g_malloc (sizeof (TerrindReferent) + inline_size);
  g_atomic_ref_count_init (&referent->ref_count);
  referent->owner = NULL;
  /* Each field is at most 64 KiB (terrind-validate.c). */
  referent->inline_size = (guint32) inline_size;
  cursor = referent->inline_data;
  referent->id = place_inline (&cursor, id);
  referent->territory_id = place_inline (&cursor, territory_id);
  referent->person = place_inline (&cursor, person);
  referent->email = place_inline (&cursor, email);
  referent->phone = place_inline (&cursor, phone);
  referent->start_date = place_inline (&cursor, start_date);
  referent->operator_id = operator_id;
  referent->role = role;
  referent->end_date = NULL;
  return referent;
}

TerrindReferent *
terrind_referent_new_full (const char  *id,
                           const char  *operator_id,
                           const char  *territory_id,
                           const char  *person,
                           const char  *role,
                           const char  *email,
                           const char  *phone,
                           const char  *start_date,
                           GError     **error)
{
  if (!terrind_referent_validate_required (id, operator_id, territory_id, person, error) ||
      !validate_details (role, email, phone, start_date, error))
    return NULL;

  return terrind_referent_build (id, g_ref_string_new_intern (operator_id),
                                 territory_id, person,
                                 role != NULL ? g_ref_string_new_intern (role) : NULL,
                                 email, phone, start_date);
}

static gboolean
is_inline (const TerrindReferent *referent,
           const char            *field)
{
  return field >= referent->inline_data &&
         field < referent->inline_data + referent->inline_size;
}

/* Frees a field unless it lives in the inline block. */
static void
free_field (TerrindReferent  *referent,
            char            **field)
{
  if (*field != NULL && !is_inline (referent, *field))
    g_free (*field);
  *field = NULL;
}

/* Replaces a field with its own copy of @value (which may be NULL). */
static void
replace_field (TerrindReferent  *referent,
               char            **field,
               const char       *value)
{
  char *copy = g_strdup (value);

  free_field (referent, field);
  *field = copy;
}

/* Dates are YYYY-MM-DD, so their order is the order of their bytes. */
static gboolean
check_period (const char  *start,
              const char  *end,
              GError     **error)
{
  if (start == NULL || end == NULL || strcmp (start, end) <= 0)
    return TRUE;
  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
               "the end date %s is before the start date %s", end, start);
  return FALSE;
}

/**
 * terrind_referent_ref:
 * @referent: a #TerrindReferent
 *
 * Takes one more reference on @referent.
 *
 * Returns: (transfer full): @referent, with one more reference.
 *
 * Since: 1.0
 */
TerrindReferent *
terrind_referent_ref (TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);

  g_atomic_ref_count_inc (&referent->ref_count);
  return referent;
}

/**
 * terrind_referent_unref:
 * @referent: (transfer full): a #TerrindReferent
 *
 * Drops one reference, freeing @referent when it was the last.
 *
 * Since: 1.0
 */
void
terrind_referent_unref (TerrindReferent *referent)
{
  g_return_if_fail (referent != NULL);

  if (!g_atomic_ref_count_dec (&referent->ref_count))
    return;
  free_field (referent, &referent->id);
  release_ref_string (&referent->operator_id);
  free_field (referent, &referent->territory_id);
  free_field (referent, &referent->person);
  release_ref_string (&referent->role);
  free_field (referent, &referent->email);
  free_field (referent, &referent->phone);
  free_field (referent, &referent->start_date);
  free_field (referent, &referent->end_date);
  g_free (referent);
}

/**
 * terrind_referent_get_id:
 * @referent: a #TerrindReferent
 *
 * Gives the id of @referent.
 *
 * Returns: (transfer none): the referent's id.
 *
 * Since: 1.0
 */
const char *
terrind_referent_get_id (const TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);
  return referent->id;
}

/**
 * terrind_referent_get_operator_id:
 * @referent: a #TerrindReferent
 *
 * Gives the id of the operator that named @referent.
 *
 * Returns: (transfer none): the id of the operator that names the referent.
 *
 * Since: 1.0
 */
const char *
terrind_referent_get_operator_id (const TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);
  return referent->operator_id;
}

/**
 * terrind_referent_get_territory_id:
 * @referent: a #TerrindReferent
 *
 * Gives the id of the territory that @referent looks after.
 *
 * Returns: (transfer none): the id of the territory the referent is for.
 *
 * Since: 1.0
 */
const char *
terrind_referent_get_territory_id (const TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);
  return referent->territory_id;
}

/**
 * terrind_referent_get_person:
 * @referent: a #TerrindReferent
 *
 * Gives the name of the person who is @referent.
 *
 * Returns: (transfer none): the referent's name.
 *
 * Since: 1.0
 */
const char *
terrind_referent_get_person (const TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);
  return referent->person;
}

/**
 * terrind_referent_set_person:
 * @referent: a #TerrindReferent
 * @person: the person's name, non-empty UTF-8
 * @error: return location for a #GError
 *
 * Corrects the name of the person. Naming another person is a replacement:
 * see terrind_registry_replace_referent().
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_referent_set_person (TerrindReferent  *referent,
                             const char       *person,
                             GError          **error)
{
  g_return_val_if_fail (referent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (referent->owner, error))
    return FALSE;

  if (!terrind_validate_name (person, "referent name", error))
    return FALSE;
  replace_field (referent, &referent->person, person);
  return TRUE;
}

/**
 * terrind_referent_get_role:
 * @referent: a #TerrindReferent
 *
 * Gives the role of @referent, if known.
 *
 * Returns: (transfer none) (nullable): the referent's role or title
 *   ("Coach international Team France Export"), or %NULL.
 *
 * Since: 1.0
 */
const char *
terrind_referent_get_role (const TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);
  return referent->role;
}

/**
 * terrind_referent_set_role:
 * @referent: a #TerrindReferent
 * @role: (nullable): the role, UTF-8 without control characters (may be
 *   empty), or %NULL to unset
 * @error: return location for a #GError
 *
 * Sets or unsets the role of @referent. A role that is not valid UTF-8, is
 * too long or holds a control character is refused.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_referent_set_role (TerrindReferent  *referent,
                           const char       *role,
                           GError          **error)
{
  g_return_val_if_fail (referent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (referent->owner, error))
    return FALSE;

  if (!terrind_validate_optional_name (role, "referent role", error))
    return FALSE;
  release_ref_string (&referent->role);
  if (role != NULL)
    referent->role = g_ref_string_new_intern (role);
  return TRUE;
}

/**
 * terrind_referent_get_email:
 * @referent: a #TerrindReferent
 *
 * Gives the e-mail address of @referent, if known.
 *
 * Returns: (transfer none) (nullable): the e-mail address, or %NULL.
 *
 * Since: 1.0
 */
const char *
terrind_referent_get_email (const TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);
  return referent->email;
}

/**
 * terrind_referent_set_email:
 * @referent: a #TerrindReferent
 * @email: (nullable): an address shaped local-part@domain.tld, or %NULL to
 *   unset
 * @error: return location for a #GError
 *
 * Sets or unsets the e-mail address of @referent. An address of the wrong
 * shape is refused, and @referent is left unchanged.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_referent_set_email (TerrindReferent  *referent,
                            const char       *email,
                            GError          **error)
{
  g_return_val_if_fail (referent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (referent->owner, error))
    return FALSE;

  if (email != NULL && !terrind_validate_email (email, error))
    return FALSE;
  replace_field (referent, &referent->email, email);
  return TRUE;
}

/**
 * terrind_referent_get_phone:
 * @referent: a #TerrindReferent
 *
 * Gives the phone number of @referent, if known.
 *
 * Returns: (transfer none) (nullable): the phone number, or %NULL.
 *
 * Since: 1.0
 */
const char *
terrind_referent_get_phone (const TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);
  return referent->phone;
}

/**
 * terrind_referent_set_phone:
 * @referent: a #TerrindReferent
 * @phone: (nullable): digits, spaces and + . - ( ), at least 4 digits; or
 *   %NULL to unset
 * @error: return location for a #GError
 *
 * Sets or unsets the phone number of @referent. A number of the wrong shape
 * is refused, and @referent is left unchanged.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_referent_set_phone (TerrindReferent  *referent,
                            const char       *phone,
                            GError          **error)
{
  g_return_val_if_fail (referent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (referent->owner, error))
    return FALSE;

  if (phone != NULL && !terrind_validate_phone (phone, error))
    return FALSE;
  replace_field (referent, &referent->phone, phone);
  return TRUE;
}

/**
 * terrind_referent_get_start_date:
 * @referent: a #TerrindReferent
 *
 * Gives the day on which @referent took office, if known.
 *
 * Returns: (transfer none) (nullable): the day the referent took office,
 *   YYYY-MM-DD, or %NULL.
 *
 * Since: 1.0
 */
const char *
terrind_referent_get_start_date (const TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);
  return referent->start_date;
}

/**
 * terrind_referent_set_start_date:
 * @referent: a #TerrindReferent
 * @date: (nullable): YYYY-MM-DD, or %NULL to unset
 * @error: return location for a #GError
 *
 * Sets or unsets the day on which @referent took office. A date that is not
 * valid, or that comes after the end date, is refused.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_referent_set_start_date (TerrindReferent  *referent,
                                 const char       *date,
                                 GError          **error)
{
  g_return_val_if_fail (referent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (referent->owner, error))
    return FALSE;

  if (date != NULL && !terrind_validate_date (date, "start date", error))
    return FALSE;
  if (!check_period (date, referent->end_date, error))
    return FALSE;
  replace_field (referent, &referent->start_date, date);
  return TRUE;
}

/**
 * terrind_referent_get_end_date:
 * @referent: a #TerrindReferent
 *
 * Gives the last day of @referent in office, if known.
 *
 * Returns: (transfer none) (nullable): the last day the referent is in
 *   office, YYYY-MM-DD, or %NULL when no end is known.
 *
 * Since: 1.1
 */
const char *
terrind_referent_get_end_date (const TerrindReferent *referent)
{
  g_return_val_if_fail (referent != NULL, NULL);
  return referent->end_date;
}

/**
 * terrind_referent_set_end_date:
 * @referent: a #TerrindReferent
 * @date: (nullable): YYYY-MM-DD, not before the start date; or %NULL to
 *   unset
 * @error: return location for a #GError
 *
 * A referent whose end date is past no longer covers its territory: see
 * terrind_registry_list_territories_without_referent().
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.1
 */
gboolean
terrind_referent_set_end_date (TerrindReferent  *referent,
                               const char       *date,
                               GError          **error)
{
  g_return_val_if_fail (referent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (referent->owner, error))
    return FALSE;

  if (date != NULL && !terrind_validate_date (date, "end date", error))
    return FALSE;
  if (!check_period (referent->start_date, date, error))
    return FALSE;
  replace_field (referent, &referent->end_date, date);
  return TRUE;
}

/**
 * terrind_referent_is_current:
 * @referent: a #TerrindReferent
 * @date: a day, YYYY-MM-DD
 *
 * Whether the referent is in office on @date: it has not ended before it.
 * A referent whose start is after @date is also not yet in office.
 *
 * Returns: %TRUE when the referent is in office on @date.
 *
 * Since: 1.1
 */
gboolean
terrind_referent_is_current (const TerrindReferent *referent,
                             const char            *date)
{
  g_return_val_if_fail (referent != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  return (referent->end_date == NULL || strcmp (referent->end_date, date) >= 0) &&
         (referent->start_date == NULL || strcmp (referent->start_date, date) <= 0);
}

/**
 * terrind_referent_equal:
 * @a: a #TerrindReferent
 * @b: a #TerrindReferent
 *
 * Compares two referents field by field.
 *
 * Returns: %TRUE when @a and @b hold the same values.
 *
 * Since: 1.0
 */
gboolean
terrind_referent_equal (const TerrindReferent *a,
                        const TerrindReferent *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return g_str_equal (a->id, b->id) &&
         g_str_equal (a->operator_id, b->operator_id) &&
         g_str_equal (a->territory_id, b->territory_id) &&
         g_str_equal (a->person, b->person) &&
         g_strcmp0 (a->role, b->role) == 0 &&
         g_strcmp0 (a->email, b->email) == 0 &&
         g_strcmp0 (a->phone, b->phone) == 0 &&
         g_strcmp0 (a->start_date, b->start_date) == 0 &&
         g_strcmp0 (a->end_date, b->end_date) == 0;
}
