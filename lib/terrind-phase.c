/* terrind-phase.c: a phase of the programme
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-error.h"
#include "terrind-owner-private.h"
#include "terrind-phase-private.h"
#include "terrind-validate-private.h"

/**
 * TerrindPhase:
 *
 * A phase of the Territoires d'industrie programme: phase 1 ran from 2018
 * to 2022, phase 2 runs from 2023 to 2027. A phase is identified by its
 * number; the territories and conventions of a registry that defines
 * phases each belong to one of them. Reference counted.
 *
 * Since: 1.1
 */

static gboolean
check_number (guint    number,
              GError **error)
{
  if (number == 0 || number > TERRIND_PHASE_MAX)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "invalid phase number %u: phases run from 1 to %u", number, TERRIND_PHASE_MAX);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_years (guint    number,
             guint    first_year,
             guint    last_year,
             GError **error)
{
  if (!terrind_validate_year (first_year, "first year of a phase", error) ||
      !terrind_validate_year (last_year, "last year of a phase", error))
    return FALSE;
  if (first_year > last_year)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "phase %u would end (%u) before it begins (%u)", number, last_year, first_year);
      return FALSE;
    }
  return TRUE;
}

/**
 * terrind_phase_new:
 * @number: the phase's number, from 1 to 99
 * @name: its name, non-empty UTF-8 ("Phase 2")
 * @first_year: the first year of the phase
 * @last_year: its last year, not before @first_year
 * @error: return location for a #GError
 *
 * Creates a phase, with no announcement date.
 *
 * Returns: (transfer full) (nullable): the new phase, or %NULL with
 *   %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.1
 */
TerrindPhase *
terrind_phase_new (guint        number,
                   const char  *name,
                   guint        first_year,
                   guint        last_year,
                   GError     **error)
{
  TerrindPhase *phase;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_number (number, error) ||
      !terrind_validate_name (name, "phase name", error) ||
      !check_years (number, first_year, last_year, error))
    return NULL;

  phase = g_new0 (TerrindPhase, 1);
  g_atomic_ref_count_init (&phase->ref_count);
  phase->number = number;
  phase->id = g_strdup_printf ("%u", number);
  phase->name = g_strdup (name);
  phase->first_year = first_year;
  phase->last_year = last_year;
  return phase;
}

/**
 * terrind_phase_ref:
 * @phase: a #TerrindPhase
 *
 * Takes one more reference on @phase.
 *
 * Returns: (transfer full): @phase
 *
 * Since: 1.1
 */
TerrindPhase *
terrind_phase_ref (TerrindPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);

  g_atomic_ref_count_inc (&phase->ref_count);
  return phase;
}

/**
 * terrind_phase_unref:
 * @phase: (transfer full): a #TerrindPhase
 *
 * Releases a reference; the last one frees the phase.
 *
 * Since: 1.1
 */
void
terrind_phase_unref (TerrindPhase *phase)
{
  g_return_if_fail (phase != NULL);

  if (!g_atomic_ref_count_dec (&phase->ref_count))
    return;
  g_free (phase->id);
  g_free (phase->name);
  g_free (phase->announced);
  g_free (phase);
}

/**
 * terrind_phase_get_number:
 * @phase: a #TerrindPhase
 *
 * Gives the number of @phase.
 *
 * Returns: the phase's number, which never changes.
 *
 * Since: 1.1
 */
guint
terrind_phase_get_number (const TerrindPhase *phase)
{
  g_return_val_if_fail (phase != NULL, 0);
  return phase->number;
}

/**
 * terrind_phase_get_name:
 * @phase: a #TerrindPhase
 *
 * Gives the name of @phase.
 *
 * Returns: (transfer none): the phase's name.
 *
 * Since: 1.1
 */
const char *
terrind_phase_get_name (const TerrindPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);
  return phase->name;
}

/**
 * terrind_phase_set_name:
 * @phase: a #TerrindPhase
 * @name: the new name, non-empty UTF-8
 * @error: return location for a #GError
 *
 * Renames @phase. A @name that is empty, not valid UTF-8, too long or holds a
 * control character is refused.
 *
 * Returns: %TRUE, or %FALSE with %TERRIND_ERROR_INVALID_VALUE (and the
 *   phase unchanged).
 *
 * Since: 1.1
 */
gboolean
terrind_phase_set_name (TerrindPhase  *phase,
                        const char    *name,
                        GError       **error)
{
  g_return_val_if_fail (phase != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (phase->owner, error))
    return FALSE;

  if (!terrind_validate_name (name, "phase name", error))
    return FALSE;
  terrind_replace_string (&phase->name, name);
  return TRUE;
}

/**
 * terrind_phase_get_first_year:
 * @phase: a #TerrindPhase
 *
 * Gives the year in which @phase begins.
 *
 * Returns: the first year of the phase.
 *
 * Since: 1.1
 */
guint
terrind_phase_get_first_year (const TerrindPhase *phase)
{
  g_return_val_if_fail (phase != NULL, 0);
  return phase->first_year;
}

/**
 * terrind_phase_get_last_year:
 * @phase: a #TerrindPhase
 *
 * Gives the year in which @phase ends.
 *
 * Returns: the last year of the phase.
 *
 * Since: 1.1
 */
guint
terrind_phase_get_last_year (const TerrindPhase *phase)
{
  g_return_val_if_fail (phase != NULL, 0);
  return phase->last_year;
}

/**
 * terrind_phase_set_years:
 * @phase: a #TerrindPhase
 * @first_year: the first year of the phase
 * @last_year: its last year, not before @first_year
 * @error: return location for a #GError
 *
 * Sets both years at once, so that no order of calls goes through a phase
 * that ends before it begins. In a registry, the designations and
 * investments of the phase's territories must still lie in its years.
 *
 * Returns: %TRUE, or %FALSE with %TERRIND_ERROR_INVALID_VALUE (and the
 *   phase unchanged).
 *
 * Since: 1.1
 */
gboolean
terrind_phase_set_years (TerrindPhase  *phase,
                         guint          first_year,
                         guint          last_year,
                         GError       **error)
{
  g_return_val_if_fail (phase != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (phase->owner, error))
    return FALSE;

  if (!check_years (phase->number, first_year, last_year, error))
    return FALSE;
  {
    guint old_first = phase->first_year, old_last = phase->last_year;

    phase->first_year = first_year;
    phase->last_year = last_year;
    if (phase->owner != NULL && !terrind_owner_hooks (phase->owner)->check_records (phase->owner, error))
      {
        phase->first_year = old_first;
        phase->last_year = old_last;
        return FALSE;
      }
  }
  return TRUE;
}

/**
 * terrind_phase_includes_year:
 * @phase: a #TerrindPhase
 * @year: a year
 *
 * Tells whether @year falls within @phase.
 *
 * Returns: %TRUE when @year is one of the phase's years, both ends
 *   included.
 *
 * Since: 1.1
 */
gboolean
terrind_phase_includes_year (const TerrindPhase *phase,
                             guint               year)
{
  g_return_val_if_fail (phase != NULL, FALSE);
  return phase->first_year <= year && year <= phase->last_year;
}

/**
 * terrind_phase_get_announced:
 * @phase: a #TerrindPhase
 *
 * Gives the day on which @phase was announced, if known.
 *
 * Returns: (transfer none) (nullable): the date the phase was announced,
 *   as YYYY-MM-DD, or %NULL when not known.
 *
 * Since: 1.1
 */
const char *
terrind_phase_get_announced (const TerrindPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);
  return phase->announced;
}

/**
 * terrind_phase_set_announced:
 * @phase: a #TerrindPhase
 * @date: (nullable): a date as YYYY-MM-DD, or %NULL to unset it
 * @error: return location for a #GError
 *
 * Sets or unsets the day on which @phase was announced. A date that is not
 * valid is refused.
 *
 * Returns: %TRUE, or %FALSE with %TERRIND_ERROR_INVALID_VALUE (and the
 *   phase unchanged).
 *
 * Since: 1.1
 */
gboolean
terrind_phase_set_announced (TerrindPhase  *phase,
                             const char    *date,
                             GError       **error)
{
  g_return_val_if_fail (phase != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (phase->owner, error))
    return FALSE;

  if (date != NULL && !terrind_validate_date (date, "announcement date of a phase", error))
    return FALSE;
  terrind_replace_string (&phase->announced, date);
  return TRUE;
}

/**
 * terrind_phase_equal:
 * @a: a #TerrindPhase
 * @b: another #TerrindPhase
 *
 * Compares two phases field by field; the registries they belong to do not
 * count.
 *
 * Returns: %TRUE when every field of @a equals that of @b.
 *
 * Since: 1.1
 */
gboolean
terrind_phase_equal (const TerrindPhase *a,
                     const TerrindPhase *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->number == b->number && g_str_equal (a->name, b->name) &&
         a->first_year == b->first_year && a->last_year == b->last_year &&
         g_strcmp0 (a->announced, b->announced) == 0;
}
