/* terrind-investment.c: an amount an operator invested in a territory, for a year
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
 * TerrindInvestment:
 *
 * A record of money: an amount in whole euros an operator invested in a
 * territory (in one of its projects) in a year, counted against one of the
 * operator's commitments, optionally under one of that commitment's
 * themes. Its operator and territory are fixed at creation. A registry
 * checks, when it is added and at every change while it holds it, that the
 * commitment is one of the operator's, that the year lies in the
 * commitment's period and in the territory's phase, and that the theme is
 * one of the commitment's. Reference counted.
 *
 * Since: 1.1
 */

static void
release_ref_string (char **field)
{
  g_clear_pointer (field, g_ref_string_release);
}

static gboolean
validate_amount (gint64    amount,
                 GError  **error)
{
  if (amount >= 0)
    return TRUE;
  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
               "invalid investment amount %" G_GINT64_FORMAT ": amounts are whole euros, "
               "not negative", amount);
  return FALSE;
}

/**
 * terrind_investment_new:
 * @id: the investment's id (ASCII letters, digits, ".", "_", "-")
 * @operator_id: the id of the operator that invested
 * @territory_id: the id of the territory invested in
 * @year: the year of the investment, 1900 to 2200
 * @amount: the amount in whole euros, not negative
 * @commitment_id: the id of the commitment of that operator the
 *   investment counts against
 * @error: return location for a #GError
 *
 * The references are checked when the investment is added to a registry.
 *
 * Returns: (transfer full) (nullable): a new investment without theme or
 *   project, or %NULL with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.1
 */
TerrindInvestment *
terrind_investment_new (const char  *id,
                        const char  *operator_id,
                        const char  *territory_id,
                        guint        year,
                        gint64       amount,
                        const char  *commitment_id,
                        GError     **error)
{
  TerrindInvestment *investment;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!terrind_validate_id (id, "investment id", error) ||
      !terrind_validate_id (operator_id, "operator id", error) ||
      !terrind_validate_id (territory_id, "territory id", error) ||
      !terrind_validate_year (year, "investment year", error) ||
      !validate_amount (amount, error) ||
      !terrind_validate_id (commitment_id, "commitment id", error))
    return NULL;

  investment = g_new0 (TerrindInvestment, 1);
  g_atomic_ref_count_init (&investment->ref_count);
  investment->id = g_strdup (id);
  investment->operator_id = g_ref_string_new_intern (operator_id);
  investment->territory_id = g_ref_string_new_intern (territory_id);
  investment->year = year;
  investment->amount = amount;
  investment->commitment_id = g_ref_string_new_intern (commitment_id);
  return investment;
}

/**
 * terrind_investment_ref:
 * @investment: a #TerrindInvestment
 *
 * Takes one more reference on @investment.
 *
 * Returns: (transfer full): @investment, with one more reference.
 *
 * Since: 1.1
 */
TerrindInvestment *
terrind_investment_ref (TerrindInvestment *investment)
{
  g_return_val_if_fail (investment != NULL, NULL);

  g_atomic_ref_count_inc (&investment->ref_count);
  return investment;
}

/**
 * terrind_investment_unref:
 * @investment: (transfer full): a #TerrindInvestment
 *
 * Drops one reference, freeing @investment when it was the last.
 *
 * Since: 1.1
 */
void
terrind_investment_unref (TerrindInvestment *investment)
{
  g_return_if_fail (investment != NULL);

  if (!g_atomic_ref_count_dec (&investment->ref_count))
    return;
  g_free (investment->id);
  release_ref_string (&investment->operator_id);
  release_ref_string (&investment->territory_id);
  release_ref_string (&investment->commitment_id);
  release_ref_string (&investment->theme);
  g_free (investment->project);
  g_free (investment);
}

/**
 * terrind_investment_get_id:
 * @investment: a #TerrindInvestment
 *
 * Gives the id of @investment.
 *
 * Returns: (transfer none): the investment's id.
 *
 * Since: 1.1
 */
const char *
terrind_investment_get_id (const TerrindInvestment *investment)
{
  g_return_val_if_fail (investment != NULL, NULL);
  return investment->id;
}

/**
 * terrind_investment_get_operator_id:
 * @investment: a #TerrindInvestment
 *
 * Gives the id of the operator that made @investment.
 *
 * Returns: (transfer none): the id of the operator that invested.
 *
 * Since: 1.1
 */
const char *
terrind_investment_get_operator_id (const TerrindInvestment *investment)
{
  g_return_val_if_fail (investment != NULL, NULL);
  return investment->operator_id;
}

/**
 * terrind_investment_get_territory_id:
 * @investment: a #TerrindInvestment
 *
 * Gives the id of the territory that @investment went to.
 *
 * Returns: (transfer none): the id of the territory invested in.
 *
 * Since: 1.1
 */
const char *
terrind_investment_get_territory_id (const TerrindInvestment *investment)
{
  g_return_val_if_fail (investment != NULL, NULL);
  return investment->territory_id;
}

/* Asks the registry that holds @investment, if any, whether @proposed
 * may take its place. */
static gboolean
check_change (TerrindInvestment        *investment,
              const TerrindInvestment  *proposed,
              GError                  **error)
{
  if (investment->owner == NULL)
    return TRUE;
  return terrind_owner_hooks (investment->owner)->check_investment (investment->owner,
                                                                    investment, proposed, error);
}

/**
 * terrind_investment_get_year:
 * @investment: a #TerrindInvestment
 *
 * Gives the year in which @investment was made.
 *
 * Returns: the year of the investment.
 *
 * Since: 1.1
 */
guint
terrind_investment_get_year (const TerrindInvestment *investment)
{
  g_return_val_if_fail (investment != NULL, 0);
  return investment->year;
}

/**
 * terrind_investment_set_year:
 * @investment: a #TerrindInvestment
 * @year: the year, 1900 to 2200
 * @error: return location for a #GError
 *
 * In a registry, the year must lie in the commitment's period and the
 * territory's phase.
 *
 * Returns: %TRUE on success; %FALSE, @investment unchanged, with
 *   %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.1
 */
gboolean
terrind_investment_set_year (TerrindInvestment  *investment,
                             guint               year,
                             GError            **error)
{
  TerrindInvestment proposed;

  g_return_val_if_fail (investment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (investment->owner, error))
    return FALSE;

  if (!terrind_validate_year (year, "investment year", error))
    return FALSE;
  proposed = *investment;
  proposed.year = year;
  if (!check_change (investment, &proposed, error))
    return FALSE;
  investment->year = year;
  return TRUE;
}

/**
 * terrind_investment_get_amount:
 * @investment: a #TerrindInvestment
 *
 * Gives the amount of @investment.
 *
 * Returns: the amount invested, in whole euros.
 *
 * Since: 1.1
 */
gint64
terrind_investment_get_amount (const TerrindInvestment *investment)
{
  g_return_val_if_fail (investment != NULL, 0);
  return investment->amount;
}

/**
 * terrind_investment_set_amount:
 * @investment: a #TerrindInvestment
 * @amount: the amount in whole euros, not negative
 * @error: return location for a #GError
 *
 * Sets the amount of @investment. A negative amount is refused; when
 * @investment is in a registry, the registry checks the change first and may
 * refuse it too.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.1
 */
gboolean
terrind_investment_set_amount (TerrindInvestment  *investment,
                               gint64              amount,
                               GError            **error)
{
  TerrindInvestment proposed;

  g_return_val_if_fail (investment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (investment->owner, error))
    return FALSE;

  if (!validate_amount (amount, error))
    return FALSE;
  proposed = *investment;
  proposed.amount = amount;
  if (!check_change (investment, &proposed, error))
    return FALSE;
  investment->amount = amount;
  return TRUE;
}

/**
 * terrind_investment_get_commitment_id:
 * @investment: a #TerrindInvestment
 *
 * Gives the id of the commitment that @investment counts against.
 *
 * Returns: (transfer none): the id of the commitment the investment
 *   counts against.
 *
 * Since: 1.1
 */
const char *
terrind_investment_get_commitment_id (const TerrindInvestment *investment)
{
  g_return_val_if_fail (investment != NULL, NULL);
  return investment->commitment_id;
}

/**
 * terrind_investment_set_commitment_id:
 * @investment: a #TerrindInvestment
 * @commitment_id: the id of a commitment
 * @error: return location for a #GError
 *
 * In a registry, the commitment must be in a convention of the
 * investment's operator, and the year and theme must fit it.
 *
 * Returns: %TRUE on success; %FALSE, @investment unchanged, with
 *   %TERRIND_ERROR_INVALID_VALUE or %TERRIND_ERROR_UNKNOWN_REFERENCE.
 *
 * Since: 1.1
 */
gboolean
terrind_investment_set_commitment_id (TerrindInvestment  *investment,
                                      const char         *commitment_id,
                                      GError            **error)
{
  TerrindInvestment proposed;

  g_return_val_if_fail (investment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (investment->owner, error))
    return FALSE;

  if (!terrind_validate_id (commitment_id, "commitment id", error))
    return FALSE;
  proposed = *investment;
  proposed.commitment_id = (char *) commitment_id;
  if (!check_change (investment, &proposed, error))
    return FALSE;
  release_ref_string (&investment->commitment_id);
  investment->commitment_id = g_ref_string_new_intern (commitment_id);
  return TRUE;
}

/**
 * terrind_investment_get_theme:
 * @investment: a #TerrindInvestment
 *
 * Gives the theme that @investment falls under, if any.
 *
 * Returns: (transfer none) (nullable): the theme of the commitment the
 *   investment falls under, or %NULL.
 *
 * Since: 1.1
 */
const char *
terrind_investment_get_theme (const TerrindInvestment *investment)
{
  g_return_val_if_fail (investment != NULL, NULL);
  return investment->theme;
}

/**
 * terrind_investment_set_theme:
 * @investment: a #TerrindInvestment
 * @theme: (nullable): one of the commitment's themes, or %NULL to unset
 * @error: return location for a #GError
 *
 * Sets or unsets the theme of @investment. When @investment is in a registry,
 * the theme must be one of its commitment's themes.
 *
 * Returns: %TRUE on success; %FALSE, @investment unchanged, with
 *   %TERRIND_ERROR_INVALID_VALUE (malformed, or in a registry not one of
 *   the commitment's themes).
 *
 * Since: 1.1
 */
gboolean
terrind_investment_set_theme (TerrindInvestment  *investment,
                              const char         *theme,
                              GError            **error)
{
  TerrindInvestment proposed;

  g_return_val_if_fail (investment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (investment->owner, error))
    return FALSE;

  if (theme != NULL && !terrind_validate_text (theme, "investment theme", error))
    return FALSE;
  proposed = *investment;
  proposed.theme = (char *) theme;
  if (!check_change (investment, &proposed, error))
    return FALSE;
  release_ref_string (&investment->theme);
  if (theme != NULL)
    investment->theme = g_ref_string_new_intern (theme);
  return TRUE;
}

/**
 * terrind_investment_get_project:
 * @investment: a #TerrindInvestment
 *
 * Gives the project that @investment funds, if known.
 *
 * Returns: (transfer none) (nullable): the name of the project invested
 *   in, or %NULL.
 *
 * Since: 1.1
 */
const char *
terrind_investment_get_project (const TerrindInvestment *investment)
{
  g_return_val_if_fail (investment != NULL, NULL);
  return investment->project;
}

/**
 * terrind_investment_set_project:
 * @investment: a #TerrindInvestment
 * @project: (nullable): the project's name, UTF-8 without control
 *   characters (may be empty), or %NULL to unset
 * @error: return location for a #GError
 *
 * Sets or unsets the project of @investment. A name that is not valid UTF-8,
 * is too long or holds a control character is refused.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.1
 */
gboolean
terrind_investment_set_project (TerrindInvestment  *investment,
                                const char         *project,
                                GError            **error)
{
  g_return_val_if_fail (investment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (investment->owner, error))
    return FALSE;

  if (!terrind_validate_optional_name (project, "investment project", error))
    return FALSE;
  terrind_replace_string (&investment->project, project);
  return TRUE;
}

/**
 * terrind_investment_equal:
 * @a: a #TerrindInvestment
 * @b: a #TerrindInvestment
 *
 * Compares two investments field by field; the registries they belong to do
 * not count.
 *
 * Returns: %TRUE when @a and @b have the same values in every field.
 *
 * Since: 1.1
 */
gboolean
terrind_investment_equal (const TerrindInvestment *a,
                          const TerrindInvestment *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return g_str_equal (a->id, b->id) &&
         g_str_equal (a->operator_id, b->operator_id) &&
         g_str_equal (a->territory_id, b->territory_id) &&
         a->year == b->year &&
         a->amount == b->amount &&
         g_str_equal (a->commitment_id, b->commitment_id) &&
         g_strcmp0 (a->theme, b->theme) == 0 &&
         g_strcmp0 (a->project, b->project) == 0;
}
