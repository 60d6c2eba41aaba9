/* terrind-convention.c: a convention de mobilisation
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: an entity, with its commitments below it. It calls only down; the
 * registry that holds it is reached through its owner hooks
 * (terrind-owner-private.h), never by name.
 */

#include "config.h"

#include <string.h>

#include "terrind-commitment-private.h"
#include "terrind-convention-private.h"
#include "terrind-error.h"
#include "terrind-quote-private.h"
#include "terrind-owner-private.h"
#include "terrind-territory-private.h"
#include "terrind-validate-private.h"

/**
 * TerrindConvention:
 *
 * A convention de mobilisation the State signed with one operator: when,
 * where, by whom, and the commitments it carries. The convention owns its
 * commitments; their ids are unique across the whole registry. Reference
 * counted.
 *
 * Since: 1.0
 */

static const char *
commitment_id (gconstpointer item)
{
  return ((const TerrindCommitment *) item)->id;
}

/* A commitment outlives its convention when someone else holds it. */
static void
release_commitment (gpointer item)
{
  TerrindCommitment *commitment = item;

  commitment->convention = NULL;
  terrind_commitment_unref (commitment);
}

/* A file may give a convention any number of commitments, in any order:
 * see terrind-keyed-list.c. */
static const TerrindKeyedListType commitment_list = {
  commitment_id, TRUE, release_commitment
};

static void
signatory_clear (gpointer data)
{
  TerrindSignatory *signatory = data;

  g_free (signatory->name);
  g_free (signatory->role);
}

/**
 * terrind_convention_new:
 * @id: the convention's id (ASCII letters, digits, ".", "_", "-")
 * @operator_id: the id of the operator that signed it
 * @date: the signing date, YYYY-MM-DD
 * @error: return location for a #GError
 *
 * Creates a convention with no signatory and no commitment. The operator
 * is checked when the convention is added to a registry.
 *
 * Returns: (transfer full) (nullable): a new convention, or %NULL with
 *   %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
TerrindConvention *
terrind_convention_new (const char  *id,
                        const char  *operator_id,
                        const char  *date,
                        GError     **error)
{
  TerrindConvention *convention;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!terrind_validate_id (id, "convention id", error) ||
      !terrind_validate_id (operator_id, "operator id", error) ||
      !terrind_validate_date (date, "signing date", error))
    return NULL;

  convention = g_new0 (TerrindConvention, 1);
  g_atomic_ref_count_init (&convention->ref_count);
  convention->id = g_strdup (id);
  convention->operator_id = g_strdup (operator_id);
  convention->date = g_strdup (date);
  convention->signatories = g_array_new (FALSE, FALSE, sizeof (TerrindSignatory));
  g_array_set_clear_func (convention->signatories, signatory_clear);
  return convention;
}

/**
 * terrind_convention_ref:
 * @convention: a #TerrindConvention
 *
 * Takes one more reference on @convention.
 *
 * Returns: (transfer full): @convention, with one more reference.
 *
 * Since: 1.0
 */
TerrindConvention *
terrind_convention_ref (TerrindConvention *convention)
{
  g_return_val_if_fail (convention != NULL, NULL);

  g_atomic_ref_count_inc (&convention->ref_count);
  return convention;
}

/**
 * terrind_convention_unref:
 * @convention: (transfer full): a #TerrindConvention
 *
 * Drops one reference, freeing @convention when it was the last. Its
 * commitments are released; one the caller still holds lives on, detached.
 *
 * Since: 1.0
 */
void
terrind_convention_unref (TerrindConvention *convention)
{
  g_return_if_fail (convention != NULL);

  if (!g_atomic_ref_count_dec (&convention->ref_count))
    return;
  terrind_keyed_list_clear (&convention->commitments, &commitment_list);
  g_array_unref (convention->signatories);
  g_free (convention->id);
  g_free (convention->operator_id);
  g_free (convention->date);
  g_free (convention->place);
  g_free (convention->title);
  g_free (convention);
}

/**
 * terrind_convention_get_id:
 * @convention: a #TerrindConvention
 *
 * Gives the id of @convention.
 *
 * Returns: (transfer none): the convention's id.
 *
 * Since: 1.0
 */
const char *
terrind_convention_get_id (const TerrindConvention *convention)
{
  g_return_val_if_fail (convention != NULL, NULL);
  return convention->id;
}

/**
 * terrind_convention_get_operator_id:
 * @convention: a #TerrindConvention
 *
 * Gives the id of the operator that signed @convention.
 *
 * Returns: (transfer none): the id of the operator that signed it.
 *
 * Since: 1.0
 */
const char *
terrind_convention_get_operator_id (const TerrindConvention *convention)
{
  g_return_val_if_fail (convention != NULL, NULL);
  return convention->operator_id;
}

/**
 * terrind_convention_get_date:
 * @convention: a #TerrindConvention
 *
 * Gives the date on which @convention was signed.
 *
 * Returns: (transfer none): the signing date, YYYY-MM-DD.
 *
 * Since: 1.0
 */
const char *
terrind_convention_get_date (const TerrindConvention *convention)
{
  g_return_val_if_fail (convention != NULL, NULL);
  return convention->date;
}

/**
 * terrind_convention_set_date:
 * @convention: a #TerrindConvention
 * @date: the signing date, YYYY-MM-DD
 * @error: return location for a #GError
 *
 * Sets the signing date of @convention. A @date that is not a valid
 * YYYY-MM-DD date leaves it unchanged.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_convention_set_date (TerrindConvention  *convention,
                             const char         *date,
                             GError            **error)
{
  g_return_val_if_fail (convention != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (convention->owner, error))
    return FALSE;

  if (!terrind_validate_date (date, "signing date", error))
    return FALSE;
  terrind_replace_string (&convention->date, date);
  return TRUE;
}

/**
 * terrind_convention_get_place:
 * @convention: a #TerrindConvention
 *
 * Gives the place where @convention was signed, if known.
 *
 * Returns: (transfer none) (nullable): where it was signed, or %NULL.
 *
 * Since: 1.0
 */
const char *
terrind_convention_get_place (const TerrindConvention *convention)
{
  g_return_val_if_fail (convention != NULL, NULL);
  return convention->place;
}

/**
 * terrind_convention_set_place:
 * @convention: a #TerrindConvention
 * @place: (nullable): where it was signed, or %NULL to unset
 * @error: return location for a #GError
 *
 * Sets or unsets the signing place of @convention. A place that is not valid
 * UTF-8, is too long or holds a control character leaves it unchanged.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_convention_set_place (TerrindConvention  *convention,
                              const char         *place,
                              GError            **error)
{
  g_return_val_if_fail (convention != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (convention->owner, error))
    return FALSE;

  if (!terrind_validate_optional_name (place, "signing place", error))
    return FALSE;
  terrind_replace_string (&convention->place, place);
  return TRUE;
}

/**
 * terrind_convention_get_title:
 * @convention: a #TerrindConvention
 *
 * Gives the title of @convention, if it has one.
 *
 * Returns: (transfer none) (nullable): the convention's title, or %NULL.
 *
 * Since: 1.0
 */
const char *
terrind_convention_get_title (const TerrindConvention *convention)
{
  g_return_val_if_fail (convention != NULL, NULL);
  return convention->title;
}

/**
 * terrind_convention_set_title:
 * @convention: a #TerrindConvention
 * @title: (nullable): the title, or %NULL to unset
 * @error: return location for a #GError
 *
 * Sets or unsets the title of @convention. A title that is not valid UTF-8,
 * is too long or holds a control character leaves it unchanged.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_convention_set_title (TerrindConvention  *convention,
                              const char         *title,
                              GError            **error)
{
  g_return_val_if_fail (convention != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (convention->owner, error))
    return FALSE;

  if (!terrind_validate_optional_name (title, "convention title", error))
    return FALSE;
  terrind_replace_string (&convention->title, title);
  return TRUE;
}

/**
 * terrind_convention_get_phase:
 * @convention: a #TerrindConvention
 *
 * Gives the phase of the programme that @convention was signed for.
 *
 * Returns: the number of the phase of the programme the convention was
 *   signed for, or 0 when unset.
 *
 * Since: 1.1
 */
guint
terrind_convention_get_phase (const TerrindConvention *convention)
{
  g_return_val_if_fail (convention != NULL, 0);
  return convention->phase;
}

/**
 * terrind_convention_set_phase:
 * @convention: a #TerrindConvention
 * @phase: the phase, 1 to 99, or 0 to unset it
 * @error: return location for a #GError
 *
 * When the convention belongs to a registry that defines phases, @phase
 * must be one of them.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_UNKNOWN_REFERENCE, the convention unchanged.
 *
 * Since: 1.1
 */
gboolean
terrind_convention_set_phase (TerrindConvention  *convention,
                              guint               phase,
                              GError            **error)
{
  g_return_val_if_fail (convention != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (convention->owner, error))
    return FALSE;

  if (phase > TERRIND_TERRITORY_MAX_PHASE)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "invalid phase %u for convention “%s”: phases run from 1 to %u",
                   phase, convention->id, TERRIND_TERRITORY_MAX_PHASE);
      return FALSE;
    }
  if (convention->owner != NULL &&
      !terrind_owner_hooks (convention->owner)->check_phase (convention->owner, phase,
                                                             "convention", convention->id,
                                                             error))
    return FALSE;
  convention->phase = phase;
  return TRUE;
}

/**
 * terrind_convention_add_signatory:
 * @convention: a #TerrindConvention
 * @name: the signatory's name, non-empty UTF-8
 * @role: (nullable): the signatory's role or title
 * @error: return location for a #GError
 *
 * Adds a signatory after those already recorded.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_convention_add_signatory (TerrindConvention  *convention,
                                  const char         *name,
                                  const char         *role,
                                  GError            **error)
{
  TerrindSignatory signatory;

  g_return_val_if_fail (convention != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (convention->owner, error))
    return FALSE;

  if (!terrind_validate_name (name, "signatory name", error) ||
      !terrind_validate_optional_name (role, "signatory role", error))
    return FALSE;
  signatory.name = g_strdup (name);
  signatory.role = g_strdup (role);
  g_array_append_val (convention->signatories, signatory);
  return TRUE;
}

/**
 * terrind_convention_get_n_signatories:
 * @convention: a #TerrindConvention
 *
 * Counts the signatories of @convention.
 *
 * Returns: the number of signatories.
 *
 * Since: 1.0
 */
guint
terrind_convention_get_n_signatories (const TerrindConvention *convention)
{
  g_return_val_if_fail (convention != NULL, 0);
  return convention->signatories->len;
}

/**
 * terrind_convention_get_signatory_name:
 * @convention: a #TerrindConvention
 * @index: from 0 to terrind_convention_get_n_signatories() - 1
 *
 * Gives the name of the signatory of @convention at @index.
 *
 * Returns: (transfer none): the name of the signatory at @index.
 *
 * Since: 1.0
 */
const char *
terrind_convention_get_signatory_name (const TerrindConvention *convention,
                                       guint                    index)
{
  g_return_val_if_fail (convention != NULL, NULL);
  g_return_val_if_fail (index < convention->signatories->len, NULL);
  return g_array_index (convention->signatories, TerrindSignatory, index).name;
}

/**
 * terrind_convention_get_signatory_role:
 * @convention: a #TerrindConvention
 * @index: from 0 to terrind_convention_get_n_signatories() - 1
 *
 * Gives the role of the signatory of @convention at @index, if known.
 *
 * Returns: (transfer none) (nullable): the role of the signatory at @index.
 *
 * Since: 1.0
 */
const char *
terrind_convention_get_signatory_role (const TerrindConvention *convention,
                                       guint                    index)
{
  g_return_val_if_fail (convention != NULL, NULL);
  g_return_val_if_fail (index < convention->signatories->len, NULL);
  return g_array_index (convention->signatories, TerrindSignatory, index).role;
}

/**
 * terrind_convention_add_commitment:
 * @convention: a #TerrindConvention
 * @commitment: a commitment that belongs to no convention
 * @error: return location for a #GError
 *
 * Adds @commitment; the convention takes its own reference. When the
 * convention is in a registry, the commitment id must be free across the
 * whole registry.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_IN_USE (the
 *   commitment already belongs to a convention) or
 *   %TERRIND_ERROR_DUPLICATE, nothing changed.
 *
 * Since: 1.0
 */
gboolean
terrind_convention_add_commitment (TerrindConvention  *convention,
                                   TerrindCommitment  *commitment,
                                   GError            **error)
{
  g_return_val_if_fail (convention != NULL, FALSE);
  g_return_val_if_fail (commitment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (convention->owner, error))
    return FALSE;

  if (commitment->convention != NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_IN_USE,
                   "commitment “%s” already belongs to convention “%s”",
                   commitment->id, commitment->convention->id);
      return FALSE;
    }
  if (terrind_keyed_list_lookup (&convention->commitments, &commitment_list,
                                 commitment->id) != NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "convention “%s” already has a commitment “%s”",
                   convention->id, commitment->id);
      return FALSE;
    }
  if (convention->owner != NULL &&
      !terrind_owner_hooks (convention->owner)->index_commitment (convention->owner, commitment,
                                                                  error))
    return FALSE;

  /* Cannot fail: the id was free just above. */
  terrind_keyed_list_add (&convention->commitments, &commitment_list,
                          terrind_commitment_ref (commitment));
  commitment->convention = convention;
  return TRUE;
}

/**
 * terrind_convention_remove_commitment:
 * @convention: a #TerrindConvention
 * @commitment_id: the id of the commitment to remove
 * @error: return location for a #GError
 *
 * A commitment that designations or investments of the convention's
 * registry count against is not removed.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.0
 */
gboolean
terrind_convention_remove_commitment (TerrindConvention  *convention,
                                      const char         *commitment_id,
                                      GError            **error)
{
  TerrindCommitment *commitment;

  g_return_val_if_fail (convention != NULL, FALSE);
  g_return_val_if_fail (commitment_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (convention->owner, error))
    return FALSE;

  commitment = terrind_keyed_list_lookup (&convention->commitments, &commitment_list,
                                          commitment_id);
  if (commitment != NULL && convention->owner != NULL &&
      !terrind_owner_hooks (convention->owner)->release_commitment (convention->owner, commitment,
                                                                    error))
    return FALSE;
  commitment = terrind_keyed_list_steal (&convention->commitments, &commitment_list,
                                         commitment_id);
  if (commitment == NULL)
    {
      g_autofree char *quoted = terrind_quote (commitment_id);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND,
                   "convention “%s” has no commitment %s", convention->id, quoted);
      return FALSE;
    }
  if (convention->owner != NULL)
    terrind_owner_hooks (convention->owner)->unindex_commitment (convention->owner, commitment);
  release_commitment (commitment);
  return TRUE;
}

/**
 * terrind_convention_get_n_commitments:
 * @convention: a #TerrindConvention
 *
 * Counts the commitments of @convention.
 *
 * Returns: the number of commitments.
 *
 * Since: 1.0
 */
guint
terrind_convention_get_n_commitments (const TerrindConvention *convention)
{
  g_return_val_if_fail (convention != NULL, 0);
  /* Readers may settle a list (terrind-keyed-list.c), under its lock: the
   * only reason to drop the const. */
  return terrind_keyed_list_length ((TerrindKeyedList *) &convention->commitments);
}

/**
 * terrind_convention_get_commitment:
 * @convention: a #TerrindConvention
 * @index: from 0 to terrind_convention_get_n_commitments() - 1
 *
 * Gives the commitment of @convention at @index. The commitment is borrowed:
 * it stays valid while the convention holds it.
 *
 * Returns: (transfer none): the commitment at @index, in order of id.
 *
 * Since: 1.0
 */
TerrindCommitment *
terrind_convention_get_commitment (const TerrindConvention *convention,
                                   guint                    index)
{
  g_return_val_if_fail (convention != NULL, NULL);
  g_return_val_if_fail (index < terrind_convention_get_n_commitments (convention), NULL);
  return terrind_keyed_list_get ((TerrindKeyedList *) &convention->commitments,
                                 &commitment_list, index);
}

/**
 * terrind_convention_lookup_commitment:
 * @convention: a #TerrindConvention
 * @commitment_id: a commitment id
 *
 * Finds the commitment of @convention whose id is @commitment_id. The
 * commitment is borrowed: it stays valid while the convention holds it.
 *
 * Returns: (transfer none) (nullable): the commitment with that id, or
 *   %NULL.
 *
 * Since: 1.0
 */
TerrindCommitment *
terrind_convention_lookup_commitment (const TerrindConvention *convention,
                                      const char              *commitment_id)
{
  g_return_val_if_fail (convention != NULL, NULL);
  g_return_val_if_fail (commitment_id != NULL, NULL);

  return terrind_keyed_list_lookup ((TerrindKeyedList *) &convention->commitments,
                                    &commitment_list, commitment_id);
}

static gboolean
commitments_equal (gconstpointer a,
                   gconstpointer b)
{
  return terrind_commitment_equal (a, b);
}

/**
 * terrind_convention_equal:
 * @a: a #TerrindConvention
 * @b: a #TerrindConvention
 *
 * Compares two conventions field by field, signatories and commitments
 * included.
 *
 * Returns: %TRUE when @a and @b hold the same values.
 *
 * Since: 1.0
 */
gboolean
terrind_convention_equal (const TerrindConvention *a,
                          const TerrindConvention *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (!g_str_equal (a->id, b->id) || !g_str_equal (a->operator_id, b->operator_id) ||
      !g_str_equal (a->date, b->date) || g_strcmp0 (a->place, b->place) != 0 ||
      g_strcmp0 (a->title, b->title) != 0 || a->phase != b->phase ||
      a->signatories->len != b->signatories->len)
    return FALSE;
  for (guint i = 0; i < a->signatories->len; i++)
    {
      const TerrindSignatory *sa = &g_array_index (a->signatories, TerrindSignatory, i);
      const TerrindSignatory *sb = &g_array_index (b->signatories, TerrindSignatory, i);

      if (!g_str_equal (sa->name, sb->name) || g_strcmp0 (sa->role, sb->role) != 0)
        return FALSE;
    }
  return terrind_keyed_list_equal ((TerrindKeyedList *) &a->commitments,
                                   (TerrindKeyedList *) &b->commitments, &commitment_list,
                                   commitments_equal);
}
