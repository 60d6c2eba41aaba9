/* terrind-operator.c: a public operator
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-owner-private.h"
#include "terrind-error.h"
#include "terrind-operator-private.h"
#include "terrind-validate-private.h"

/**
 * TerrindOperator:
 *
 * A public operator that signed a convention de mobilisation: Banque des
 * Territoires, Bpifrance, Business France, Pôle emploi. Operators get
 * renamed (Pôle emploi became France Travail on 1 January 2024), so the id
 * is what references use and the name is data with a history of former
 * names. Reference counted.
 *
 * Since: 1.0
 */

/**
 * terrind_operator_new:
 * @id: the operator's id (ASCII letters, digits, ".", "_", "-")
 * @name: its current name, non-empty UTF-8
 * @error: return location for a #GError
 *
 * Creates an operator that belongs to no registry, with no kind and no former
 * names. It fails when @id is not a valid id or @name is not a valid name.
 *
 * Returns: (transfer full) (nullable): a new operator, or %NULL with
 *   %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
TerrindOperator *
terrind_operator_new (const char  *id,
                      const char  *name,
                      GError     **error)
{
  TerrindOperator *op;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!terrind_validate_id (id, "operator id", error) ||
      !terrind_validate_name (name, "operator name", error))
    return NULL;

  op = g_new0 (TerrindOperator, 1);
  g_atomic_ref_count_init (&op->ref_count);
  op->id = g_strdup (id);
  op->name = g_strdup (name);
  return op;
}

/**
 * terrind_operator_ref:
 * @op: a #TerrindOperator
 *
 * Takes one more reference on @op.
 *
 * Returns: (transfer full): @op, with one more reference.
 *
 * Since: 1.0
 */
TerrindOperator *
terrind_operator_ref (TerrindOperator *op)
{
  g_return_val_if_fail (op != NULL, NULL);

  g_atomic_ref_count_inc (&op->ref_count);
  return op;
}

static void
former_name_clear (gpointer data)
{
  TerrindFormerName *former = data;

  g_free (former->name);
  g_free (former->until);
}

/**
 * terrind_operator_unref:
 * @op: (transfer full): a #TerrindOperator
 *
 * Drops one reference, freeing @op when it was the last.
 *
 * Since: 1.0
 */
void
terrind_operator_unref (TerrindOperator *op)
{
  g_return_if_fail (op != NULL);

  if (!g_atomic_ref_count_dec (&op->ref_count))
    return;
  g_free (op->id);
  g_free (op->name);
  g_free (op->kind);
  g_clear_pointer (&op->former_names, g_array_unref);
  g_free (op);
}

/**
 * terrind_operator_get_id:
 * @op: a #TerrindOperator
 *
 * Gives the id of @op.
 *
 * Returns: (transfer none): the operator's id.
 *
 * Since: 1.0
 */
const char *
terrind_operator_get_id (const TerrindOperator *op)
{
  g_return_val_if_fail (op != NULL, NULL);
  return op->id;
}

/**
 * terrind_operator_get_name:
 * @op: a #TerrindOperator
 *
 * Gives the name that @op goes by now.
 *
 * Returns: (transfer none): the operator's current name.
 *
 * Since: 1.0
 */
const char *
terrind_operator_get_name (const TerrindOperator *op)
{
  g_return_val_if_fail (op != NULL, NULL);
  return op->name;
}

/**
 * terrind_operator_set_name:
 * @op: a #TerrindOperator
 * @name: the corrected name, non-empty UTF-8
 * @error: return location for a #GError
 *
 * Corrects the current name without keeping the old one. To record a real
 * renaming, use terrind_operator_rename().
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_operator_set_name (TerrindOperator  *op,
                           const char       *name,
                           GError          **error)
{
  g_return_val_if_fail (op != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (op->owner, error))
    return FALSE;

  if (!terrind_validate_name (name, "operator name", error))
    return FALSE;
  terrind_replace_string (&op->name, name);
  return TRUE;
}

static void
append_former_name (TerrindOperator *op,
                    const char      *name,
                    const char      *until)
{
  TerrindFormerName former = { g_strdup (name), g_strdup (until) };

  if (op->former_names == NULL)
    {
      op->former_names = g_array_new (FALSE, FALSE, sizeof (TerrindFormerName));
      g_array_set_clear_func (op->former_names, former_name_clear);
    }
  g_array_append_val (op->former_names, former);
}

/**
 * terrind_operator_rename:
 * @op: a #TerrindOperator
 * @new_name: the new name, non-empty UTF-8
 * @date: (nullable): the last day the current name was used (YYYY-MM-DD)
 * @error: return location for a #GError
 *
 * Renames the operator and keeps the current name as its newest former
 * name. The id does not change, so every reference still resolves.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE and
 *   the operator unchanged.
 *
 * Since: 1.0
 */
gboolean
terrind_operator_rename (TerrindOperator  *op,
                         const char       *new_name,
                         const char       *date,
                         GError          **error)
{
  g_return_val_if_fail (op != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_validate_name (new_name, "operator name", error))
    return FALSE;
  if (date != NULL && !terrind_validate_date (date, "renaming date", error))
    return FALSE;

  append_former_name (op, op->name, date);
  terrind_replace_string (&op->name, new_name);
  return TRUE;
}

/**
 * terrind_operator_get_kind:
 * @op: a #TerrindOperator
 *
 * Gives the kind of body that @op is, if known.
 *
 * Returns: (transfer none) (nullable): what kind of body the operator is
 *   ("public-bank", "employment-service"...), or %NULL when unset.
 *
 * Since: 1.0
 */
const char *
terrind_operator_get_kind (const TerrindOperator *op)
{
  g_return_val_if_fail (op != NULL, NULL);
  return op->kind;
}

/**
 * terrind_operator_set_kind:
 * @op: a #TerrindOperator
 * @kind: (nullable): the kind, UTF-8 without control characters, or %NULL
 *   to unset it
 * @error: return location for a #GError
 *
 * Sets or unsets the kind of @op. A kind that is not valid UTF-8, is too long
 * or holds a control character is refused.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_operator_set_kind (TerrindOperator  *op,
                           const char       *kind,
                           GError          **error)
{
  g_return_val_if_fail (op != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (op->owner, error))
    return FALSE;

  if (!terrind_validate_optional_name (kind, "operator kind", error))
    return FALSE;
  terrind_replace_string (&op->kind, kind);
  return TRUE;
}

/**
 * terrind_operator_add_former_name:
 * @op: a #TerrindOperator
 * @name: a name the operator used to have, non-empty UTF-8
 * @until: (nullable): the last day it was used (YYYY-MM-DD)
 * @error: return location for a #GError
 *
 * Records a former name, after the ones already recorded (oldest first).
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_operator_add_former_name (TerrindOperator  *op,
                                  const char       *name,
                                  const char       *until,
                                  GError          **error)
{
  g_return_val_if_fail (op != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (op->owner, error))
    return FALSE;

  if (!terrind_validate_name (name, "former name", error))
    return FALSE;
  if (until != NULL && !terrind_validate_date (until, "former name end date", error))
    return FALSE;
  append_former_name (op, name, until);
  return TRUE;
}

/**
 * terrind_operator_get_n_former_names:
 * @op: a #TerrindOperator
 *
 * Counts the names that @op went by before.
 *
 * Returns: how many former names are recorded.
 *
 * Since: 1.0
 */
guint
terrind_operator_get_n_former_names (const TerrindOperator *op)
{
  g_return_val_if_fail (op != NULL, 0);
  return op->former_names != NULL ? op->former_names->len : 0;
}

/**
 * terrind_operator_get_former_name:
 * @op: a #TerrindOperator
 * @index: from 0 (the oldest) to terrind_operator_get_n_former_names() - 1
 *
 * Gives a name that @op went by before.
 *
 * Returns: (transfer none): the former name at @index.
 *
 * Since: 1.0
 */
const char *
terrind_operator_get_former_name (const TerrindOperator *op,
                                  guint                  index)
{
  g_return_val_if_fail (op != NULL, NULL);
  g_return_val_if_fail (index < terrind_operator_get_n_former_names (op), NULL);
  return g_array_index (op->former_names, TerrindFormerName, index).name;
}

/**
 * terrind_operator_get_former_name_until:
 * @op: a #TerrindOperator
 * @index: from 0 to terrind_operator_get_n_former_names() - 1
 *
 * Gives the last day on which @op went by the former name at @index.
 *
 * Returns: (transfer none) (nullable): the last day the former name at
 *   @index was used, or %NULL when unknown.
 *
 * Since: 1.0
 */
const char *
terrind_operator_get_former_name_until (const TerrindOperator *op,
                                        guint                  index)
{
  g_return_val_if_fail (op != NULL, NULL);
  g_return_val_if_fail (index < terrind_operator_get_n_former_names (op), NULL);
  return g_array_index (op->former_names, TerrindFormerName, index).until;
}

/**
 * terrind_operator_equal:
 * @a: a #TerrindOperator
 * @b: a #TerrindOperator
 *
 * Compares two operators field by field, former names included.
 *
 * Returns: %TRUE when @a and @b hold the same values.
 *
 * Since: 1.0
 */
gboolean
terrind_operator_equal (const TerrindOperator *a,
                        const TerrindOperator *b)
{
  guint n;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  n = terrind_operator_get_n_former_names (a);
  if (!g_str_equal (a->id, b->id) || !g_str_equal (a->name, b->name) ||
      g_strcmp0 (a->kind, b->kind) != 0 || n != terrind_operator_get_n_former_names (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const TerrindFormerName *fa = &g_array_index (a->former_names, TerrindFormerName, i);
      const TerrindFormerName *fb = &g_array_index (b->former_names, TerrindFormerName, i);

      if (!g_str_equal (fa->name, fb->name) || g_strcmp0 (fa->until, fb->until) != 0)
        return FALSE;
    }
  return TRUE;
}
