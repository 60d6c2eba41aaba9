/* terrind-commitment.c: one commitment of a convention
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-commitment-private.h"
#include "terrind-error.h"
#include "terrind-owner-private.h"
#include "terrind-registry.h"
#include "terrind-validate-private.h"

/**
 * TerrindCommitment:
 *
 * One commitment (engagement) of a convention de mobilisation: its kind,
 * the sentence that states it, and the structured measures its kind needs
 * (an amount in whole euros, a period, themes, yearly target counts per
 * level). Amounts are 64-bit integers, never floating point. Reference
 * counted; a commitment belongs to at most one convention.
 *
 * Since: 1.0
 */

static const char * const kind_names[] = {
  [TERRIND_COMMITMENT_MONEY_ENVELOPE]         = "money-envelope",
  [TERRIND_COMMITMENT_REFERENT_PER_TERRITORY] = "referent-per-territory",
  [TERRIND_COMMITMENT_YEARLY_TARGET]          = "yearly-target",
  [TERRIND_COMMITMENT_TOOL]                   = "tool",
  [TERRIND_COMMITMENT_PROGRAMME_ACCESS]       = "programme-access",
  [TERRIND_COMMITMENT_EXPERIMENT]             = "experiment",
};

/* Themes and targets are few in practice, but a file may give thousands:
 * see terrind-keyed-list.c. */
static const TerrindKeyedListType theme_list = {
  terrind_keyed_list_string_key, FALSE, g_free
};

static const char *
target_level (gconstpointer item)
{
  return ((const TerrindTarget *) item)->level;
}

static void
target_free (gpointer data)
{
  TerrindTarget *target = data;

  g_free (target->level);
  g_free (target);
}

static const TerrindKeyedListType target_list = {
  target_level, FALSE, target_free
};

static const char * const period_names[] = {
  [TERRIND_AMOUNT_NONE]     = "none",
  [TERRIND_AMOUNT_TOTAL]    = "total",
  [TERRIND_AMOUNT_PER_YEAR] = "per-year",
};

/**
 * terrind_commitment_kind_to_string:
 * @kind: a #TerrindCommitmentKind
 *
 * Names a commitment kind as the XML format writes it.
 *
 * Returns: (transfer none) (nullable): the kind's name in the XML format
 *   ("money-envelope"...), or %NULL for a value outside the enumeration.
 *
 * Since: 1.0
 */
const char *
terrind_commitment_kind_to_string (TerrindCommitmentKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return NULL;
  return kind_names[kind];
}

/**
 * terrind_commitment_kind_from_string:
 * @str: a kind's name, such as "yearly-target"
 * @kind: (out): where to store the kind
 *
 * Parses the name of a commitment kind, as
 * terrind_commitment_kind_to_string() writes it. A %NULL @str names no kind.
 *
 * Returns: %TRUE when @str names a kind; @kind is left alone otherwise.
 *
 * Since: 1.0
 */
gboolean
terrind_commitment_kind_from_string (const char            *str,
                                     TerrindCommitmentKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (str, kind_names[i]))
      {
        *kind = (TerrindCommitmentKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * terrind_amount_period_to_string:
 * @period: a #TerrindAmountPeriod
 *
 * Names an amount period as the XML format writes it.
 *
 * Returns: (transfer none) (nullable): "none", "total" or "per-year", or
 *   %NULL for a value outside the enumeration.
 *
 * Since: 1.0
 */
const char *
terrind_amount_period_to_string (TerrindAmountPeriod period)
{
  if ((guint) period >= G_N_ELEMENTS (period_names))
    return NULL;
  return period_names[period];
}

/**
 * terrind_amount_period_from_string:
 * @str: "none", "total" or "per-year"
 * @period: (out): where to store the period
 *
 * Parses the name of an amount period, as terrind_amount_period_to_string()
 * writes it. A %NULL @str names no period.
 *
 * Returns: %TRUE when @str names a period; @period is left alone otherwise.
 *
 * Since: 1.0
 */
gboolean
terrind_amount_period_from_string (const char          *str,
                                   TerrindAmountPeriod *period)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (period_names); i++)
    if (g_str_equal (str, period_names[i]))
      {
        *period = (TerrindAmountPeriod) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * terrind_commitment_new:
 * @id: the commitment's id, unique across every convention of a registry
 * @kind: its #TerrindCommitmentKind
 * @text: the sentence that states it, non-empty UTF-8 (tabs and newlines
 *   allowed)
 * @error: return location for a #GError
 *
 * Creates a commitment that belongs to no convention. It fails when @id is
 * not a valid id, @kind is outside the enumeration or @text is not valid text
 * (empty, not UTF-8, too long, or with a control character).
 *
 * Returns: (transfer full) (nullable): a new commitment with no amount,
 *   period, theme or target, or %NULL with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
TerrindCommitment *
terrind_commitment_new (const char            *id,
                        TerrindCommitmentKind  kind,
                        const char            *text,
                        GError               **error)
{
  TerrindCommitment *commitment;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!terrind_validate_id (id, "commitment id", error))
    return NULL;
  if (terrind_commitment_kind_to_string (kind) == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "invalid commitment kind %d", (int) kind);
      return NULL;
    }
  if (!terrind_validate_text (text, "commitment text", error))
    return NULL;

  commitment = g_new0 (TerrindCommitment, 1);
  g_atomic_ref_count_init (&commitment->ref_count);
  commitment->id = g_strdup (id);
  commitment->kind = kind;
  commitment->text = g_strdup (text);
  return commitment;
}

/**
 * terrind_commitment_ref:
 * @commitment: a #TerrindCommitment
 *
 * Takes one more reference on @commitment.
 *
 * Returns: (transfer full): @commitment, with one more reference.
 *
 * Since: 1.0
 */
TerrindCommitment *
terrind_commitment_ref (TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, NULL);

  g_atomic_ref_count_inc (&commitment->ref_count);
  return commitment;
}

/**
 * terrind_commitment_unref:
 * @commitment: (transfer full): a #TerrindCommitment
 *
 * Drops one reference, freeing @commitment when it was the last.
 *
 * Since: 1.0
 */
void
terrind_commitment_unref (TerrindCommitment *commitment)
{
  g_return_if_fail (commitment != NULL);

  if (!g_atomic_ref_count_dec (&commitment->ref_count))
    return;
  g_free (commitment->id);
  g_free (commitment->text);
  terrind_keyed_list_clear (&commitment->themes, &theme_list);
  terrind_keyed_list_clear (&commitment->targets, &target_list);
  g_free (commitment);
}

/**
 * terrind_commitment_get_id:
 * @commitment: a #TerrindCommitment
 *
 * Gives the id of @commitment.
 *
 * Returns: (transfer none): the commitment's id.
 *
 * Since: 1.0
 */
const char *
terrind_commitment_get_id (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, NULL);
  return commitment->id;
}

/**
 * terrind_commitment_get_kind:
 * @commitment: a #TerrindCommitment
 *
 * Gives the kind of @commitment.
 *
 * Returns: the commitment's kind.
 *
 * Since: 1.0
 */
TerrindCommitmentKind
terrind_commitment_get_kind (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, TERRIND_COMMITMENT_MONEY_ENVELOPE);
  return commitment->kind;
}

/**
 * terrind_commitment_get_text:
 * @commitment: a #TerrindCommitment
 *
 * Gives the text of @commitment.
 *
 * Returns: (transfer none): the sentence that states the commitment.
 *
 * Since: 1.0
 */
const char *
terrind_commitment_get_text (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, NULL);
  return commitment->text;
}

/**
 * terrind_commitment_set_text:
 * @commitment: a #TerrindCommitment
 * @text: non-empty UTF-8; tabs and newlines allowed
 * @error: return location for a #GError
 *
 * Replaces the text of @commitment. A @text that is empty, not valid UTF-8,
 * too long or holds a control character leaves it unchanged.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE.
 *
 * Since: 1.0
 */
gboolean
terrind_commitment_set_text (TerrindCommitment  *commitment,
                             const char         *text,
                             GError            **error)
{
  g_return_val_if_fail (commitment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (terrind_commitment_get_registry (commitment), error))
    return FALSE;

  if (!terrind_validate_text (text, "commitment text", error))
    return FALSE;
  terrind_replace_string (&commitment->text, text);
  return TRUE;
}

/**
 * terrind_commitment_get_amount:
 * @commitment: a #TerrindCommitment
 *
 * Gives the amount that @commitment states.
 *
 * Returns: the amount in whole euros, 0 when the commitment states none
 *   (see terrind_commitment_get_amount_period()).
 *
 * Since: 1.0
 */
gint64
terrind_commitment_get_amount (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, 0);
  return commitment->amount;
}

/**
 * terrind_commitment_get_amount_period:
 * @commitment: a #TerrindCommitment
 *
 * Tells whether the amount of @commitment is a total or a yearly figure.
 *
 * Returns: how to read the amount; %TERRIND_AMOUNT_NONE when there is none.
 *
 * Since: 1.0
 */
TerrindAmountPeriod
terrind_commitment_get_amount_period (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, TERRIND_AMOUNT_NONE);
  return commitment->amount_period;
}

/**
 * terrind_commitment_set_amount:
 * @commitment: a #TerrindCommitment
 * @euros: the amount in whole euros, 0 to %G_MAXINT64
 * @period: how to read it; %TERRIND_AMOUNT_NONE (with @euros 0) clears the
 *   amount
 * @error: return location for a #GError
 *
 * Sets the amount of @commitment and how to read it. A negative amount, a
 * period outside the enumeration, or a non-zero amount with
 * %TERRIND_AMOUNT_NONE is refused.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE and
 *   the commitment unchanged.
 *
 * Since: 1.0
 */
gboolean
terrind_commitment_set_amount (TerrindCommitment  *commitment,
                               gint64              euros,
                               TerrindAmountPeriod period,
                               GError            **error)
{
  g_return_val_if_fail (commitment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (terrind_commitment_get_registry (commitment), error))
    return FALSE;

  if (euros < 0)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "invalid amount %" G_GINT64_FORMAT " for commitment “%s”: "
                   "amounts are whole euros, never negative", euros, commitment->id);
      return FALSE;
    }
  if (terrind_amount_period_to_string (period) == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "invalid amount period %d for commitment “%s”", (int) period, commitment->id);
      return FALSE;
    }
  if (period == TERRIND_AMOUNT_NONE && euros != 0)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "amount %" G_GINT64_FORMAT " for commitment “%s” needs a period "
                   "(total or per year)", euros, commitment->id);
      return FALSE;
    }
  commitment->amount = euros;
  commitment->amount_period = period;
  return TRUE;
}

/**
 * terrind_commitment_get_approximate:
 * @commitment: a #TerrindCommitment
 *
 * Tells whether the figures of @commitment are approximate.
 *
 * Returns: %TRUE when the figures were announced as approximate ("about
 *   100 M€", "around twenty territories").
 *
 * Since: 1.0
 */
gboolean
terrind_commitment_get_approximate (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, FALSE);
  return commitment->approximate;
}

/**
 * terrind_commitment_set_approximate:
 * @commitment: a #TerrindCommitment
 * @approximate: whether the figures are approximate
 *
 * Marks the commitment's amount and targets as approximate or exact.
 *
 * Since: 1.0
 */
void
terrind_commitment_set_approximate (TerrindCommitment *commitment,
                                    gboolean           approximate)
{
  g_return_if_fail (commitment != NULL);
  /* No error to report: like a NULL argument, a programmer error. */
  g_return_if_fail (terrind_owner_check_write (terrind_commitment_get_registry (commitment), NULL));
  commitment->approximate = approximate != FALSE;
}

/**
 * terrind_commitment_get_first_year:
 * @commitment: a #TerrindCommitment
 *
 * Gives the first year that @commitment covers.
 *
 * Returns: the first year the commitment covers, or 0 when unset.
 *
 * Since: 1.0
 */
guint
terrind_commitment_get_first_year (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, 0);
  return commitment->first_year;
}

/**
 * terrind_commitment_get_last_year:
 * @commitment: a #TerrindCommitment
 *
 * Gives the last year that @commitment covers.
 *
 * Returns: the last year the commitment covers, or 0 when unset.
 *
 * Since: 1.0
 */
guint
terrind_commitment_get_last_year (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, 0);
  return commitment->last_year;
}

/**
 * terrind_commitment_set_years:
 * @commitment: a #TerrindCommitment
 * @first_year: the first year covered, 1900 to 2200
 * @last_year: the last year covered, @first_year to 2200
 * @error: return location for a #GError
 *
 * Sets the period the commitment covers; (0, 0) clears it. In a registry,
 * the designations and investments that count against the commitment
 * must still lie in the period (since 1.1).
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE, the
 *   commitment unchanged.
 *
 * Since: 1.0
 */
gboolean
terrind_commitment_set_years (TerrindCommitment  *commitment,
                              guint               first_year,
                              guint               last_year,
                              GError            **error)
{
  g_return_val_if_fail (commitment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (terrind_commitment_get_registry (commitment), error))
    return FALSE;

  if (first_year != 0 || last_year != 0)
    {
      if (!terrind_validate_year (first_year, "first year", error) ||
          !terrind_validate_year (last_year, "last year", error))
        return FALSE;
      if (first_year > last_year)
        {
          g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                       "invalid period %u-%u for commitment “%s”: it ends before it starts",
                       first_year, last_year, commitment->id);
          return FALSE;
        }
    }
  {
    TerrindRegistry *owner = terrind_commitment_get_registry (commitment);
    guint old_first = commitment->first_year, old_last = commitment->last_year;

    commitment->first_year = first_year;
    commitment->last_year = last_year;
    if (owner != NULL && !terrind_owner_hooks (owner)->check_records (owner, error))
      {
        commitment->first_year = old_first;
        commitment->last_year = old_last;
        return FALSE;
      }
  }
  return TRUE;
}

/**
 * terrind_commitment_add_theme:
 * @commitment: a #TerrindCommitment
 * @theme: a theme the commitment covers, non-empty UTF-8
 * @error: return location for a #GError
 *
 * Themes keep the order in which they were added.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_DUPLICATE.
 *
 * Since: 1.0
 */
gboolean
terrind_commitment_add_theme (TerrindCommitment  *commitment,
                              const char         *theme,
                              GError            **error)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (commitment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (terrind_commitment_get_registry (commitment), error))
    return FALSE;

  if (!terrind_validate_name (theme, "theme", error))
    return FALSE;
  copy = g_strdup (theme);
  if (!terrind_keyed_list_add (&commitment->themes, &theme_list, copy))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "commitment “%s” already has the theme “%s”", commitment->id, theme);
      return FALSE;
    }
  g_steal_pointer (&copy);
  return TRUE;
}

/**
 * terrind_commitment_get_n_themes:
 * @commitment: a #TerrindCommitment
 *
 * Counts the themes of @commitment.
 *
 * Returns: the number of themes.
 *
 * Since: 1.0
 */
guint
terrind_commitment_get_n_themes (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, 0);
  return terrind_keyed_list_length ((TerrindKeyedList *) &commitment->themes);
}

/**
 * terrind_commitment_get_theme:
 * @commitment: a #TerrindCommitment
 * @index: from 0 to terrind_commitment_get_n_themes() - 1
 *
 * Gives the theme of @commitment at @index.
 *
 * Returns: (transfer none): the theme at @index.
 *
 * Since: 1.0
 */
const char *
terrind_commitment_get_theme (const TerrindCommitment *commitment,
                              guint                    index)
{
  g_return_val_if_fail (commitment != NULL, NULL);
  g_return_val_if_fail (index < terrind_commitment_get_n_themes (commitment), NULL);
  /* Readers may settle a list (terrind-keyed-list.c), under its lock: the
   * only reason to drop the const. */
  return terrind_keyed_list_get ((TerrindKeyedList *) &commitment->themes, &theme_list, index);
}

static const TerrindTarget *
get_target (const TerrindCommitment *commitment,
            guint                    index)
{
  return terrind_keyed_list_get ((TerrindKeyedList *) &commitment->targets, &target_list, index);
}

/**
 * terrind_commitment_add_target:
 * @commitment: a #TerrindCommitment
 * @level: the level the count applies to, an id-like token ("priority",
 *   "reinforced")
 * @count: how many territories each year
 * @error: return location for a #GError
 *
 * Adds a yearly target count. Targets keep the order in which they were
 * added.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_DUPLICATE when @level already has a target.
 *
 * Since: 1.0
 */
gboolean
terrind_commitment_add_target (TerrindCommitment  *commitment,
                               const char         *level,
                               guint               count,
                               GError            **error)
{
  TerrindTarget *target;

  g_return_val_if_fail (commitment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!terrind_owner_check_write (terrind_commitment_get_registry (commitment), error))
    return FALSE;

  if (!terrind_validate_id (level, "target level", error))
    return FALSE;
  target = g_new (TerrindTarget, 1);
  target->level = g_strdup (level);
  target->count = count;
  if (!terrind_keyed_list_add (&commitment->targets, &target_list, target))
    {
      target_free (target);
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "commitment “%s” already has a target for level “%s”",
                   commitment->id, level);
      return FALSE;
    }
  return TRUE;
}

/**
 * terrind_commitment_get_n_targets:
 * @commitment: a #TerrindCommitment
 *
 * Counts the target levels of @commitment.
 *
 * Returns: the number of target levels.
 *
 * Since: 1.0
 */
guint
terrind_commitment_get_n_targets (const TerrindCommitment *commitment)
{
  g_return_val_if_fail (commitment != NULL, 0);
  return terrind_keyed_list_length ((TerrindKeyedList *) &commitment->targets);
}

/**
 * terrind_commitment_get_target_level:
 * @commitment: a #TerrindCommitment
 * @index: from 0 to terrind_commitment_get_n_targets() - 1
 *
 * Gives the level of the target of @commitment at @index.
 *
 * Returns: (transfer none): the level of the target at @index.
 *
 * Since: 1.0
 */
const char *
terrind_commitment_get_target_level (const TerrindCommitment *commitment,
                                     guint                    index)
{
  g_return_val_if_fail (commitment != NULL, NULL);
  g_return_val_if_fail (index < terrind_commitment_get_n_targets (commitment), NULL);
  return get_target (commitment, index)->level;
}

/**
 * terrind_commitment_get_target_count:
 * @commitment: a #TerrindCommitment
 * @index: from 0 to terrind_commitment_get_n_targets() - 1
 *
 * Gives how many per year the target of @commitment at @index asks for.
 *
 * Returns: the yearly count of the target at @index.
 *
 * Since: 1.0
 */
guint
terrind_commitment_get_target_count (const TerrindCommitment *commitment,
                                     guint                    index)
{
  g_return_val_if_fail (commitment != NULL, 0);
  g_return_val_if_fail (index < terrind_commitment_get_n_targets (commitment), 0);
  return get_target (commitment, index)->count;
}

static gboolean
targets_equal (gconstpointer a,
               gconstpointer b)
{
  const TerrindTarget *ta = a, *tb = b;

  return g_str_equal (ta->level, tb->level) && ta->count == tb->count;
}

/**
 * terrind_commitment_equal:
 * @a: a #TerrindCommitment
 * @b: a #TerrindCommitment
 *
 * Compares two commitments field by field.
 *
 * Returns: %TRUE when @a and @b hold the same values.
 *
 * Since: 1.0
 */
gboolean
terrind_commitment_equal (const TerrindCommitment *a,
                          const TerrindCommitment *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return g_str_equal (a->id, b->id) && a->kind == b->kind && g_str_equal (a->text, b->text) &&
         a->amount == b->amount && a->amount_period == b->amount_period &&
         a->approximate == b->approximate && a->first_year == b->first_year &&
         a->last_year == b->last_year &&
         terrind_keyed_list_equal ((TerrindKeyedList *) &a->themes,
                                   (TerrindKeyedList *) &b->themes, &theme_list, g_str_equal) &&
         terrind_keyed_list_equal ((TerrindKeyedList *) &a->targets,
                                   (TerrindKeyedList *) &b->targets, &target_list, targets_equal);
}
