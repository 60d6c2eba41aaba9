/* terrind-evaluation.c: where each commitment stands, measured against the records
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-evaluation.h"
#include "terrind-error.h"
#include "terrind-validate-private.h"

/**
 * SECTION:terrind-evaluation
 * @title: Evaluation
 * @short_description: where each commitment stands
 *
 * terrind_registry_evaluate() measures every commitment of every
 * convention against the registry's records (referents, designations,
 * investments) and returns a #TerrindEvaluation: an immutable list of
 * findings, in order of convention id, then commitment id, then year, then
 * measure. Each finding names its commitment, a year (0: the whole period,
 * or no year), a measure, a target when there is one, the value measured,
 * a #TerrindStatus and the territories concerned.
 *
 * The rules, by kind of commitment:
 *
 * - referent-per-territory (measure "referents", year 0): the territories
 *   of the convention's phase (when the registry defines phases and the
 *   convention names one; else every territory) covered by a referent of
 *   the convention's operator in office on the evaluation date. Target: the
 *   number of those territories; value: how many are covered; met when all
 *   are, partial when some are, missed when none is; not-measurable when
 *   there is no territory to cover. Territories concerned: the missing
 *   ones.
 * - yearly-target (measure "designations:LEVEL", one per target level and
 *   year of the commitment's years, or of its convention's phase when it
 *   has none): the number of designations of that commitment, level and
 *   year against the target count. Territories concerned: those
 *   designated.
 * - money-envelope with a per-year amount (measure "investment", one per
 *   year, as above): the sum of the commitment's investments of that year
 *   against the amount; with a total amount, one finding for the whole
 *   period (year 0) that sums the investments of the period's years (every
 *   investment when the period is unknown); with no amount, the same sums
 *   with no target (status info). Each such finding is followed by
 *   breakdowns with no target (status info): "investment:theme:THEME" for
 *   each of the commitment's themes (0 when nothing was invested in it),
 *   then for each other theme investments name, in order; then
 *   "investment:region:CODE" for each region invested in, in order of
 *   code. Territories concerned: those invested in.
 * - tool, experiment, programme-access: one finding, measure "none", status
 *   not-measurable: the records cannot tell whether they are kept.
 *
 * The status of a finding with a target: met when the value reaches the
 * threshold, which is the target itself, or, when the commitment is
 * approximate ("about 20"), 90 % of it rounded up (about 20 is met by 18,
 * not by 17; about 5 by 5; about 100 000 000 € by 90 000 000 €); else
 * pending when the year measured (the last year of the period, for the
 * whole period) is after the year of the evaluation date; else partial
 * when the value is above 0, missed when it is 0. A yearly-target or
 * per-year money-envelope with no years to measure (no period and no known
 * phase) gives one not-measurable finding per measure.
 *
 * The work is linear in the number of records: one pass over the
 * designations and one over the investments put them in hash tables by
 * commitment, year and level (or theme, region), and each commitment then
 * reads only its own buckets. Referent coverage costs one look-up per
 * territory and referent-per-territory commitment.
 */

struct _TerrindEvaluationOptions
{
  gatomicrefcount ref_count;
  char *date;
  guint year;
  guint phase;
};

typedef struct
{
  char *convention_id;
  char *commitment_id;
  TerrindCommitmentKind kind;
  guint year;
  guint first_year;    /* the period the finding covers, for the year filter */
  guint last_year;     /* 0, 0: unknown, kept whatever the year */
  char *measure;
  gboolean has_target;
  gint64 target;
  gint64 value;
  TerrindStatus status;
  GPtrArray *territories;   /* (element-type utf8) sorted */
} Finding;

struct _TerrindEvaluation
{
  gatomicrefcount ref_count;
  char *date;
  GPtrArray *findings;      /* (element-type Finding) */
  gboolean has_missed;
};

static const char *const status_names[] = {
  [TERRIND_STATUS_MET] = "met",
  [TERRIND_STATUS_PARTIAL] = "partial",
  [TERRIND_STATUS_MISSED] = "missed",
  [TERRIND_STATUS_PENDING] = "pending",
  [TERRIND_STATUS_NOT_MEASURABLE] = "not-measurable",
  [TERRIND_STATUS_INFO] = "info",
};

/**
 * terrind_status_to_string:
 * @status: a #TerrindStatus
 *
 * Names a finding's status as the tool and the bindings write it.
 *
 * Returns: (transfer none) (nullable): the status's name ("met",
 *   "partial", "missed", "pending", "not-measurable", "info"), or %NULL for
 *   a value that is not a #TerrindStatus.
 *
 * Since: 1.1
 */
const char *
terrind_status_to_string (TerrindStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (status_names))
    return NULL;
  return status_names[status];
}

/**
 * terrind_status_from_string:
 * @str: (nullable): a status's name
 * @status: (out): where to store the status
 *
 * The reverse of terrind_status_to_string().
 *
 * Returns: %TRUE when @str names a status; else %FALSE, and @status is
 *   left alone.
 *
 * Since: 1.1
 */
gboolean
terrind_status_from_string (const char    *str,
                            TerrindStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (strcmp (str, status_names[i]) == 0)
      {
        *status = (TerrindStatus) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * TerrindEvaluationOptions:
 *
 * What terrind_registry_evaluate() measures: on which date, which year,
 * which phase. Reference counted; %NULL wherever options are expected
 * means the defaults (today, every year, every phase).
 *
 * Since: 1.1
 */

/**
 * terrind_evaluation_options_new:
 *
 * Creates options for terrind_registry_evaluate() that change nothing from
 * the defaults.
 *
 * Returns: (transfer full): options holding the defaults: today, every
 *   year, every phase. Free with terrind_evaluation_options_unref().
 *
 * Since: 1.1
 */
TerrindEvaluationOptions *
terrind_evaluation_options_new (void)
{
  TerrindEvaluationOptions *options = g_new0 (TerrindEvaluationOptions, 1);

  g_atomic_ref_count_init (&options->ref_count);
  return options;
}

/**
 * terrind_evaluation_options_ref:
 * @options: a #TerrindEvaluationOptions
 *
 * Takes one more reference on @options.
 *
 * Returns: (transfer full): @options, with one more reference.
 *
 * Since: 1.1
 */
TerrindEvaluationOptions *
terrind_evaluation_options_ref (TerrindEvaluationOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);
  g_atomic_ref_count_inc (&options->ref_count);
  return options;
}

/**
 * terrind_evaluation_options_unref:
 * @options: (transfer full) (nullable): a #TerrindEvaluationOptions
 *
 * Drops one reference; frees @options when it was the last.
 *
 * Since: 1.1
 */
void
terrind_evaluation_options_unref (TerrindEvaluationOptions *options)
{
  if (options == NULL || !g_atomic_ref_count_dec (&options->ref_count))
    return;
  g_free (options->date);
  g_free (options);
}

/**
 * terrind_evaluation_options_get_date:
 * @options: a #TerrindEvaluationOptions
 *
 * Gives the date that @options evaluate on.
 *
 * Returns: (transfer none) (nullable): the date set, or %NULL for today.
 *
 * Since: 1.1
 */
const char *
terrind_evaluation_options_get_date (const TerrindEvaluationOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);
  return options->date;
}

/**
 * terrind_evaluation_options_set_date:
 * @options: a #TerrindEvaluationOptions
 * @date: (nullable): the day to evaluate on, YYYY-MM-DD, or %NULL for
 *   today
 *
 * The day whose referents in office count, and whose year separates the
 * years that are over from those that are pending. The date is checked by
 * terrind_registry_evaluate(), which fails with
 * %TERRIND_ERROR_INVALID_VALUE when it is not a valid date.
 *
 * Since: 1.1
 */
void
terrind_evaluation_options_set_date (TerrindEvaluationOptions *options,
                                     const char               *date)
{
  char *copy;

  g_return_if_fail (options != NULL);
  copy = g_strdup (date);
  g_free (options->date);
  options->date = copy;
}

/**
 * terrind_evaluation_options_get_year:
 * @options: a #TerrindEvaluationOptions
 *
 * Gives the year that @options restrict the evaluation to.
 *
 * Returns: the year set, or 0 for every year.
 *
 * Since: 1.1
 */
guint
terrind_evaluation_options_get_year (const TerrindEvaluationOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->year;
}

/**
 * terrind_evaluation_options_set_year:
 * @options: a #TerrindEvaluationOptions
 * @year: a year, or 0 for every year
 *
 * Keeps only the findings of @year, and the findings for a whole period
 * (year 0) whose period includes @year or is unknown (referents, for
 * instance, are always kept). terrind_registry_evaluate() fails with
 * %TERRIND_ERROR_INVALID_VALUE when @year is not 0 and outside 1900-2200.
 *
 * Since: 1.1
 */
void
terrind_evaluation_options_set_year (TerrindEvaluationOptions *options,
                                     guint                     year)
{
  g_return_if_fail (options != NULL);
  options->year = year;
}

/**
 * terrind_evaluation_options_get_phase:
 * @options: a #TerrindEvaluationOptions
 *
 * Gives the phase of the programme that @options restrict the evaluation to.
 *
 * Returns: the phase set, or 0 for every phase.
 *
 * Since: 1.1
 */
guint
terrind_evaluation_options_get_phase (const TerrindEvaluationOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->phase;
}

/**
 * terrind_evaluation_options_set_phase:
 * @options: a #TerrindEvaluationOptions
 * @phase: a phase number, or 0 for every phase
 *
 * Keeps only the conventions of @phase (terrind_convention_get_phase()).
 * terrind_registry_evaluate() fails with %TERRIND_ERROR_NOT_FOUND when the
 * registry defines no phase @phase.
 *
 * Since: 1.1
 */
void
terrind_evaluation_options_set_phase (TerrindEvaluationOptions *options,
                                      guint                     phase)
{
  g_return_if_fail (options != NULL);
  options->phase = phase;
}

/* ---- the evaluation ---------------------------------------------------- */

static void
finding_free (gpointer data)
{
  Finding *finding = data;

  g_free (finding->convention_id);
  g_free (finding->commitment_id);
  g_free (finding->measure);
  g_ptr_array_unref (finding->territories);
  g_free (finding);
}

/**
 * TerrindEvaluation:
 *
 * The findings of one evaluation (terrind_registry_evaluate()). Immutable;
 * reference counted; independent of the registry it was made from.
 *
 * Since: 1.1
 */

/**
 * terrind_evaluation_ref:
 * @evaluation: a #TerrindEvaluation
 *
 * Takes one more reference on @evaluation.
 *
 * Returns: (transfer full): @evaluation, with one more reference.
 *
 * Since: 1.1
 */
TerrindEvaluation *
terrind_evaluation_ref (TerrindEvaluation *evaluation)
{
  g_return_val_if_fail (evaluation != NULL, NULL);
  g_atomic_ref_count_inc (&evaluation->ref_count);
  return evaluation;
}

/**
 * terrind_evaluation_unref:
 * @evaluation: (transfer full) (nullable): a #TerrindEvaluation
 *
 * Drops one reference; frees @evaluation when it was the last.
 *
 * Since: 1.1
 */
void
terrind_evaluation_unref (TerrindEvaluation *evaluation)
{
  if (evaluation == NULL || !g_atomic_ref_count_dec (&evaluation->ref_count))
    return;
  g_free (evaluation->date);
  g_ptr_array_unref (evaluation->findings);
  g_free (evaluation);
}

/**
 * terrind_evaluation_get_date:
 * @evaluation: a #TerrindEvaluation
 *
 * Gives the day that @evaluation was made for.
 *
 * Returns: (transfer none): the day evaluated on, YYYY-MM-DD (today's date
 *   when the options named none).
 *
 * Since: 1.1
 */
const char *
terrind_evaluation_get_date (const TerrindEvaluation *evaluation)
{
  g_return_val_if_fail (evaluation != NULL, NULL);
  return evaluation->date;
}

/**
 * terrind_evaluation_get_n_findings:
 * @evaluation: a #TerrindEvaluation
 *
 * Counts the findings of @evaluation.
 *
 * Returns: the number of findings.
 *
 * Since: 1.1
 */
guint
terrind_evaluation_get_n_findings (const TerrindEvaluation *evaluation)
{
  g_return_val_if_fail (evaluation != NULL, 0);
  return evaluation->findings->len;
}

/**
 * terrind_evaluation_has_missed:
 * @evaluation: a #TerrindEvaluation
 *
 * Tells whether any finding of @evaluation missed its target.
 *
 * Returns: %TRUE when at least one finding is %TERRIND_STATUS_MISSED (what
 *   the tool's exit status reports).
 *
 * Since: 1.1
 */
gboolean
terrind_evaluation_has_missed (const TerrindEvaluation *evaluation)
{
  g_return_val_if_fail (evaluation != NULL, FALSE);
  return evaluation->has_missed;
}

static const Finding *
get_finding (const TerrindEvaluation *evaluation,
             guint                    index)
{
  if (evaluation == NULL || index >= evaluation->findings->len)
    return NULL;
  return g_ptr_array_index (evaluation->findings, index);
}

#define FINDING_OR_RETURN(val)                                                \
  const Finding *finding = get_finding (evaluation, index);                   \
  g_return_val_if_fail (finding != NULL, val)

/**
 * terrind_evaluation_get_convention_id:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 *
 * Gives the convention that finding @index of @evaluation is about.
 *
 * Returns: (transfer none): the id of the convention of finding @index.
 *
 * Since: 1.1
 */
const char *
terrind_evaluation_get_convention_id (const TerrindEvaluation *evaluation,
                                      guint                    index)
{
  FINDING_OR_RETURN (NULL);
  return finding->convention_id;
}

/**
 * terrind_evaluation_get_commitment_id:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 *
 * Gives the commitment that finding @index of @evaluation measures.
 *
 * Returns: (transfer none): the id of the commitment of finding @index.
 *
 * Since: 1.1
 */
const char *
terrind_evaluation_get_commitment_id (const TerrindEvaluation *evaluation,
                                      guint                    index)
{
  FINDING_OR_RETURN (NULL);
  return finding->commitment_id;
}

/**
 * terrind_evaluation_get_kind:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 *
 * Gives the kind of the commitment that finding @index of @evaluation
 * measures.
 *
 * Returns: the kind of the commitment of finding @index.
 *
 * Since: 1.1
 */
TerrindCommitmentKind
terrind_evaluation_get_kind (const TerrindEvaluation *evaluation,
                             guint                    index)
{
  FINDING_OR_RETURN (TERRIND_COMMITMENT_TOOL);
  return finding->kind;
}

/**
 * terrind_evaluation_get_year:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 *
 * Gives the year that finding @index of @evaluation measures.
 *
 * Returns: the year finding @index measures, or 0 for the whole period
 *   (a total envelope), the evaluation date (referents) or no year.
 *
 * Since: 1.1
 */
guint
terrind_evaluation_get_year (const TerrindEvaluation *evaluation,
                             guint                    index)
{
  FINDING_OR_RETURN (0);
  return finding->year;
}

/**
 * terrind_evaluation_get_measure:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 *
 * What finding @index measures: "referents" (territories covered by a
 * referent; the territories concerned are the missing ones),
 * "designations:LEVEL" (designations at LEVEL; the territories designated),
 * "investment" (euros invested; the territories invested in),
 * "investment:theme:THEME" and "investment:region:CODE" (the part of it in
 * one theme or region; the territories invested in there), or "none"
 * (a commitment with nothing to measure).
 *
 * Returns: (transfer none): the measure.
 *
 * Since: 1.1
 */
const char *
terrind_evaluation_get_measure (const TerrindEvaluation *evaluation,
                                guint                    index)
{
  FINDING_OR_RETURN (NULL);
  return finding->measure;
}

/**
 * terrind_evaluation_has_target:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 *
 * Tells whether finding @index of @evaluation has a target to measure
 * against.
 *
 * Returns: %TRUE when finding @index has a target to measure against
 *   (its status is then met, partial, missed or pending).
 *
 * Since: 1.1
 */
gboolean
terrind_evaluation_has_target (const TerrindEvaluation *evaluation,
                               guint                    index)
{
  FINDING_OR_RETURN (FALSE);
  return finding->has_target;
}

/**
 * terrind_evaluation_get_target:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 *
 * Gives the target of finding @index of @evaluation.
 *
 * Returns: the target as the commitment states it (a count, or whole
 *   euros), before any tolerance; 0 when there is none.
 *
 * Since: 1.1
 */
gint64
terrind_evaluation_get_target (const TerrindEvaluation *evaluation,
                               guint                    index)
{
  FINDING_OR_RETURN (0);
  return finding->target;
}

/**
 * terrind_evaluation_get_value:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 *
 * Gives the value measured for finding @index of @evaluation.
 *
 * Returns: the value measured (a count, or whole euros); 0 for a
 *   not-measurable finding.
 *
 * Since: 1.1
 */
gint64
terrind_evaluation_get_value (const TerrindEvaluation *evaluation,
                              guint                    index)
{
  FINDING_OR_RETURN (0);
  return finding->value;
}

/**
 * terrind_evaluation_get_status:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 *
 * Gives the status of finding @index of @evaluation: how the value measured
 * compares with the target.
 *
 * Returns: where finding @index stands.
 *
 * Since: 1.1
 */
TerrindStatus
terrind_evaluation_get_status (const TerrindEvaluation *evaluation,
                               guint                    index)
{
  FINDING_OR_RETURN (TERRIND_STATUS_NOT_MEASURABLE);
  return finding->status;
}

/**
 * terrind_evaluation_get_n_territories:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 *
 * Counts the territories that finding @index of @evaluation concerns.
 *
 * Returns: the number of territories finding @index concerns (see
 *   terrind_evaluation_get_measure() for which ones).
 *
 * Since: 1.1
 */
guint
terrind_evaluation_get_n_territories (const TerrindEvaluation *evaluation,
                                      guint                    index)
{
  FINDING_OR_RETURN (0);
  return finding->territories->len;
}

/**
 * terrind_evaluation_get_territory:
 * @evaluation: a #TerrindEvaluation
 * @index: from 0 to terrind_evaluation_get_n_findings() - 1
 * @territory: from 0 to terrind_evaluation_get_n_territories() - 1
 *
 * Gives one of the territories that finding @index of @evaluation concerns.
 *
 * Returns: (transfer none): the id of a territory finding @index concerns;
 *   they come in order of id, each once.
 *
 * Since: 1.1
 */
const char *
terrind_evaluation_get_territory (const TerrindEvaluation *evaluation,
                                  guint                    index,
                                  guint                    territory)
{
  FINDING_OR_RETURN (NULL);
  g_return_val_if_fail (territory < finding->territories->len, NULL);
  return g_ptr_array_index (finding->territories, territory);
}

/* ---- measuring --------------------------------------------------------- */

/* A bucket: a count or sum, and the set of territories (ids borrowed from
 * the records, which outlive the evaluation's making). */
typedef struct
{
  gint64 value;
  GHashTable *territories;
} Cell;

/* The investments of one commitment and year (0: the whole period). */
typedef struct
{
  Cell total;
  GHashTable *themes;    /* theme → Cell */
  GHashTable *regions;   /* region code → Cell */
} MoneyCell;

static Cell *
cell_new (void)
{
  Cell *cell = g_new0 (Cell, 1);

  cell->territories = g_hash_table_new (g_str_hash, g_str_equal);
  return cell;
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_hash_table_unref (cell->territories);
  g_free (cell);
}

static void
cell_add (Cell       *cell,
          gint64      value,
          const char *territory_id)
{
  cell->value += value;
  g_hash_table_add (cell->territories, (gpointer) territory_id);
}

static Cell *
cell_table_get (GHashTable *table,
                const char *key)
{
  Cell *cell = g_hash_table_lookup (table, key);

  if (cell == NULL)
    {
      cell = cell_new ();
      g_hash_table_insert (table, g_strdup (key), cell);
    }
  return cell;
}

static MoneyCell *
money_cell_new (void)
{
  MoneyCell *cell = g_new0 (MoneyCell, 1);

  cell->total.territories = g_hash_table_new (g_str_hash, g_str_equal);
  cell->themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  cell->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  return cell;
}

static void
money_cell_free (gpointer data)
{
  MoneyCell *cell = data;

  g_hash_table_unref (cell->total.territories);
  g_hash_table_unref (cell->themes);
  g_hash_table_unref (cell->regions);
  g_free (cell);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The keys of @set, copied, sorted. */
static GPtrArray *
sorted_copy (GHashTable *set)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  if (set != NULL)
    {
      g_hash_table_iter_init (&iter, set);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (ids, g_strdup (key));
    }
  g_ptr_array_sort (ids, compare_strings);
  return ids;
}

/* Threshold of an approximate target: 90 % rounded up, without overflow. */
static gint64
threshold (gint64   target,
           gboolean approximate)
{
  if (!approximate || target <= 0)
    return target;
  return target / 10 * 9 + (target % 10 * 9 + 9) / 10;
}

static TerrindStatus
status_of (gint64   value,
           gint64   target,
           gboolean approximate,
           guint    end_year,
           guint    date_year)
{
  if (value >= threshold (target, approximate))
    return TERRIND_STATUS_MET;
  if (end_year > date_year)
    return TERRIND_STATUS_PENDING;
  return value > 0 ? TERRIND_STATUS_PARTIAL : TERRIND_STATUS_MISSED;
}

typedef struct
{
  TerrindRegistry *registry;
  guint date_year;
  const char *date;
  guint year_filter;
  GPtrArray *findings;
  GHashTable *designations;   /* "commitment\037year\037level" → Cell */
  GHashTable *investments;    /* "commitment\037year" → MoneyCell */
  GHashTable *money_periods;  /* commitment id → the Period it sums over */
} Evaluator;

typedef struct
{
  guint first_year;
  guint last_year;
  gboolean per_year;
} Period;

static Finding *
add_finding (Evaluator               *ev,
             const TerrindConvention *convention,
             const TerrindCommitment *commitment,
             guint                    year,
             guint                    first_year,
             guint                    last_year,
             char                    *measure,
             GPtrArray               *territories)
{
  Finding *finding = g_new0 (Finding, 1);

  finding->convention_id = g_strdup (terrind_convention_get_id (convention));
  finding->commitment_id = g_strdup (terrind_commitment_get_id (commitment));
  finding->kind = terrind_commitment_get_kind (commitment);
  finding->year = year;
  finding->first_year = first_year;
  finding->last_year = last_year;
  finding->measure = measure;
  finding->territories = territories != NULL
    ? territories : g_ptr_array_new_with_free_func (g_free);
  finding->status = TERRIND_STATUS_NOT_MEASURABLE;
  g_ptr_array_add (ev->findings, finding);
  return finding;
}

/* The years a commitment measures: its own, else its convention's phase's;
 * FALSE when neither is known. */
static gboolean
commitment_years (Evaluator               *ev,
                  const TerrindConvention *convention,
                  const TerrindCommitment *commitment,
                  guint                   *first_year,
                  guint                   *last_year)
{
  TerrindPhase *phase;

  *first_year = terrind_commitment_get_first_year (commitment);
  *last_year = terrind_commitment_get_last_year (commitment);
  if (*first_year != 0 && *last_year != 0)
    return TRUE;
  if (terrind_convention_get_phase (convention) != 0
      && (phase = terrind_registry_get_phase (ev->registry,
                                              terrind_convention_get_phase (convention))) != NULL)
    {
      *first_year = terrind_phase_get_first_year (phase);
      *last_year = terrind_phase_get_last_year (phase);
      return TRUE;
    }
  *first_year = *last_year = 0;
  return FALSE;
}

static void
evaluate_referents (Evaluator               *ev,
                    const TerrindConvention *convention,
                    const TerrindCommitment *commitment)
{
  const char *operator_id = terrind_convention_get_operator_id (convention);
  guint phase = terrind_convention_get_phase (convention);
  gboolean by_phase = phase != 0 && terrind_registry_get_n_phases (ev->registry) > 0;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  Finding *finding;

  all = by_phase
    ? terrind_registry_list_territories_in_phase (ev->registry, phase)
    : terrind_registry_list_territories (ev->registry);
  missing = by_phase
    ? terrind_registry_list_territories_without_referent_in_phase (ev->registry, operator_id,
                                                                   phase, ev->date)
    : terrind_registry_list_territories_without_referent_on (ev->registry, operator_id,
                                                             ev->date);
  if (missing != NULL)
    for (guint i = 0; i < missing->len; i++)
      g_ptr_array_add (ids, g_strdup (terrind_territory_get_id (g_ptr_array_index (missing, i))));

  finding = add_finding (ev, convention, commitment, 0, 0, 0, g_strdup ("referents"), ids);
  if (all == NULL || all->len == 0)
    return;
  finding->has_target = TRUE;
  finding->target = all->len;
  finding->value = (gint64) all->len - ids->len;
  finding->status = ids->len == 0 ? TERRIND_STATUS_MET
    : ids->len < all->len ? TERRIND_STATUS_PARTIAL : TERRIND_STATUS_MISSED;
}

static void
evaluate_yearly_target (Evaluator               *ev,
                        const TerrindConvention *convention,
                        const TerrindCommitment *commitment)
{
  const char *id = terrind_commitment_get_id (commitment);
  guint n_targets = terrind_commitment_get_n_targets (commitment);
  gboolean approximate = terrind_commitment_get_approximate (commitment);
  guint first_year, last_year;

  if (!commitment_years (ev, convention, commitment, &first_year, &last_year))
    {
      for (guint t = 0; t < n_targets; t++)
        add_finding (ev, convention, commitment, 0, 0, 0,
                     g_strdup_printf ("designations:%s",
                                      terrind_commitment_get_target_level (commitment, t)),
                     NULL);
      if (n_targets == 0)
        add_finding (ev, convention, commitment, 0, 0, 0, g_strdup ("none"), NULL);
      return;
    }
  if (n_targets == 0)
    {
      add_finding (ev, convention, commitment, 0, first_year, last_year, g_strdup ("none"), NULL);
      return;
    }

  for (guint year = first_year; year <= last_year; year++)
    for (guint t = 0; t < n_targets; t++)
      {
        const char *level = terrind_commitment_get_target_level (commitment, t);
        g_autofree char *key = g_strdup_printf ("%s\037%u\037%s", id, year, level);
        Cell *cell = g_hash_table_lookup (ev->designations, key);
        Finding *finding;

        finding = add_finding (ev, convention, commitment, year, year, year,
                               g_strdup_printf ("designations:%s", level),
                               sorted_copy (cell != NULL ? cell->territories : NULL));
        finding->has_target = TRUE;
        finding->target = terrind_commitment_get_target_count (commitment, t);
        finding->value = cell != NULL ? cell->value : 0;
        finding->status = status_of (finding->value, finding->target, approximate,
                                     year, ev->date_year);
      }
}

static void
add_breakdown (Evaluator               *ev,
               const TerrindConvention *convention,
               const TerrindCommitment *commitment,
               const Finding           *parent,
               const char              *prefix,
               const char              *key,
               const Cell              *cell)
{
  Finding *finding;

  finding = add_finding (ev, convention, commitment, parent->year,
                         parent->first_year, parent->last_year,
                         g_strdup_printf ("investment:%s:%s", prefix, key),
                         sorted_copy (cell != NULL ? cell->territories : NULL));
  finding->value = cell != NULL ? cell->value : 0;
  finding->status = TERRIND_STATUS_INFO;
}

static void
add_money_findings (Evaluator               *ev,
                    const TerrindConvention *convention,
                    const TerrindCommitment *commitment,
                    guint                    year,
                    guint                    first_year,
                    guint                    last_year)
{
  const char *id = terrind_commitment_get_id (commitment);
  g_autofree char *key = g_strdup_printf ("%s\037%u", id, year);
  MoneyCell *cell = g_hash_table_lookup (ev->investments, key);
  TerrindAmountPeriod period = terrind_commitment_get_amount_period (commitment);
  g_autoptr(GHashTable) declared = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  Finding *finding;

  finding = add_finding (ev, convention, commitment, year, first_year, last_year,
                         g_strdup ("investment"),
                         sorted_copy (cell != NULL ? cell->total.territories : NULL));
  finding->value = cell != NULL ? cell->total.value : 0;
  if (period == TERRIND_AMOUNT_NONE)
    finding->status = TERRIND_STATUS_INFO;
  else
    {
      finding->has_target = TRUE;
      finding->target = terrind_commitment_get_amount (commitment);
      finding->status = status_of (finding->value, finding->target,
                                   terrind_commitment_get_approximate (commitment),
                                   last_year, ev->date_year);
    }

  for (guint t = 0; t < terrind_commitment_get_n_themes (commitment); t++)
    {
      const char *theme = terrind_commitment_get_theme (commitment, t);

      g_hash_table_add (declared, (gpointer) theme);
      add_breakdown (ev, convention, commitment, finding, "theme", theme,
                     cell != NULL ? g_hash_table_lookup (cell->themes, theme) : NULL);
    }
  if (cell == NULL)
    return;
  others = sorted_copy (cell->themes);
  for (guint i = 0; i < others->len; i++)
    if (!g_hash_table_contains (declared, g_ptr_array_index (others, i)))
      add_breakdown (ev, convention, commitment, finding, "theme", g_ptr_array_index (others, i),
                     g_hash_table_lookup (cell->themes, g_ptr_array_index (others, i)));
  regions = sorted_copy (cell->regions);
  for (guint i = 0; i < regions->len; i++)
    add_breakdown (ev, convention, commitment, finding, "region", g_ptr_array_index (regions, i),
                   g_hash_table_lookup (cell->regions, g_ptr_array_index (regions, i)));
}

static void
evaluate_money (Evaluator               *ev,
                const TerrindConvention *convention,
                const TerrindCommitment *commitment)
{
  const Period *period = g_hash_table_lookup (ev->money_periods,
                                              terrind_commitment_get_id (commitment));

  if (!period->per_year)
    {
      add_money_findings (ev, convention, commitment, 0, period->first_year, period->last_year);
      return;
    }
  if (period->first_year == 0)
    {
      add_finding (ev, convention, commitment, 0, 0, 0, g_strdup ("investment"), NULL);
      return;
    }
  for (guint year = period->first_year; year <= period->last_year; year++)
    add_money_findings (ev, convention, commitment, year, year, year);
}

static void
evaluate_commitment (Evaluator               *ev,
                     const TerrindConvention *convention,
                     const TerrindCommitment *commitment)
{
  switch (terrind_commitment_get_kind (commitment))
    {
    case TERRIND_COMMITMENT_REFERENT_PER_TERRITORY:
      evaluate_referents (ev, convention, commitment);
      break;
    case TERRIND_COMMITMENT_YEARLY_TARGET:
      evaluate_yearly_target (ev, convention, commitment);
      break;
    case TERRIND_COMMITMENT_MONEY_ENVELOPE:
      evaluate_money (ev, convention, commitment);
      break;
    case TERRIND_COMMITMENT_TOOL:
    case TERRIND_COMMITMENT_PROGRAMME_ACCESS:
    case TERRIND_COMMITMENT_EXPERIMENT:
    default:
      {
        guint first_year = terrind_commitment_get_first_year (commitment);
        guint last_year = terrind_commitment_get_last_year (commitment);

        add_finding (ev, convention, commitment, 0, first_year, last_year,
                     g_strdup ("none"), NULL);
      }
      break;
    }
}

/* One pass over the designations. */
static void
bucket_designations (Evaluator *ev)
{
  g_autoptr(GPtrArray) designations = terrind_registry_list_designations (ev->registry);

  for (guint i = 0; i < designations->len; i++)
    {
      const TerrindDesignation *designation = g_ptr_array_index (designations, i);
      g_autofree char *key = NULL;

      key = g_strdup_printf ("%s\037%u\037%s",
                             terrind_designation_get_commitment_id (designation),
                             terrind_designation_get_year (designation),
                             terrind_designation_get_level (designation));
      cell_add (cell_table_get (ev->designations, key), 1,
                terrind_designation_get_territory_id (designation));
    }
}

/* One pass over the investments, into the years of the money envelopes
 * evaluated (ev->money_periods). */
static void
bucket_investments (Evaluator *ev)
{
  g_autoptr(GPtrArray) investments = terrind_registry_list_investments (ev->registry);

  for (guint i = 0; i < investments->len; i++)
    {
      const TerrindInvestment *investment = g_ptr_array_index (investments, i);
      const char *commitment_id = terrind_investment_get_commitment_id (investment);
      const Period *period = g_hash_table_lookup (ev->money_periods, commitment_id);
      guint year = terrind_investment_get_year (investment);
      const char *territory_id = terrind_investment_get_territory_id (investment);
      gint64 amount = terrind_investment_get_amount (investment);
      const char *theme = terrind_investment_get_theme (investment);
      TerrindTerritory *territory;
      g_autofree char *key = NULL;
      MoneyCell *cell;

      if (period == NULL)
        continue;
      if (period->first_year != 0
          && (year < period->first_year || year > period->last_year))
        continue;
      key = g_strdup_printf ("%s\037%u", commitment_id, period->per_year ? year : 0);
      cell = g_hash_table_lookup (ev->investments, key);
      if (cell == NULL)
        {
          cell = money_cell_new ();
          g_hash_table_insert (ev->investments, g_steal_pointer (&key), cell);
        }
      cell_add (&cell->total, amount, territory_id);
      if (theme != NULL)
        cell_add (cell_table_get (cell->themes, theme), amount, territory_id);
      territory = terrind_registry_get_territory (ev->registry, territory_id);
      if (territory != NULL)
        cell_add (cell_table_get (cell->regions, terrind_territory_get_region_code (territory)),
                  amount, territory_id);
    }
}

static gboolean
keep_finding (const Finding *finding,
              guint          year)
{
  if (year == 0)
    return TRUE;
  if (finding->year != 0)
    return finding->year == year;
  if (finding->first_year == 0 || finding->last_year == 0)
    return TRUE;
  return year >= finding->first_year && year <= finding->last_year;
}

/**
 * terrind_registry_evaluate:
 * @registry: a #TerrindRegistry
 * @options: (nullable): what to evaluate, or %NULL for the defaults
 *   (today, every year, every phase)
 *
 * Measures every commitment of every convention (of the options' phase)
 * against the registry's records, by the rules of the
 * [Evaluation][terrind-evaluation] section and docs/evaluation.md, and
 * keeps the findings of the options' year. The registry is not changed,
 * and the evaluation does not depend on it afterwards.
 *
 * Returns: (transfer full) (nullable): the evaluation, or %NULL with
 *   @error set: %TERRIND_ERROR_INVALID_VALUE when the options' date or year
 *   is not valid, %TERRIND_ERROR_NOT_FOUND when the registry defines no
 *   phase of the options' phase number.
 *
 * Since: 1.1
 */
TerrindEvaluation *
terrind_registry_evaluate (TerrindRegistry                *registry,
                           const TerrindEvaluationOptions *options,
                           GError                        **error)
{
  g_autoptr(GPtrArray) conventions = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) designations = NULL;
  g_autoptr(GHashTable) investments = NULL;
  g_autoptr(GHashTable) money_periods = NULL;
  g_autofree char *date = NULL;
  g_autofree Period *periods = NULL;
  TerrindEvaluation *evaluation;
  guint year = options != NULL ? options->year : 0;
  guint phase = options != NULL ? options->phase : 0;
  guint n_money = 0, p = 0;
  Evaluator ev = { 0 };

  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options != NULL && options->date != NULL)
    {
      if (!terrind_validate_date (options->date, "evaluation date", error))
        return NULL;
      date = g_strdup (options->date);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = g_date_time_format (now, "%Y-%m-%d");
    }
  if (year != 0 && !terrind_validate_year (year, "evaluation year", error))
    return NULL;
  if (phase != 0 && terrind_registry_get_phase (registry, phase) == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND,
                   "no phase %u in the registry", phase);
      return NULL;
    }

  conventions = phase != 0
    ? terrind_registry_list_conventions_in_phase (registry, phase)
    : terrind_registry_list_conventions (registry);
  findings = g_ptr_array_new_with_free_func (finding_free);
  designations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  investments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, money_cell_free);
  money_periods = g_hash_table_new (g_str_hash, g_str_equal);

  ev.registry = registry;
  ev.date = date;
  ev.date_year = (guint) g_ascii_strtoull (date, NULL, 10);
  ev.year_filter = year;
  ev.findings = findings;
  ev.designations = designations;
  ev.investments = investments;
  ev.money_periods = money_periods;

  /* The money envelopes evaluated, and the years each one sums. */
  for (guint c = 0; c < conventions->len; c++)
    {
      const TerrindConvention *convention = g_ptr_array_index (conventions, c);

      for (guint k = 0; k < terrind_convention_get_n_commitments (convention); k++)
        if (terrind_commitment_get_kind (terrind_convention_get_commitment (convention, k))
            == TERRIND_COMMITMENT_MONEY_ENVELOPE)
          n_money++;
    }
  periods = g_new0 (Period, MAX (n_money, 1));
  for (guint c = 0; c < conventions->len; c++)
    {
      const TerrindConvention *convention = g_ptr_array_index (conventions, c);

      for (guint k = 0; k < terrind_convention_get_n_commitments (convention); k++)
        {
          const TerrindCommitment *commitment = terrind_convention_get_commitment (convention, k);

          if (terrind_commitment_get_kind (commitment) != TERRIND_COMMITMENT_MONEY_ENVELOPE)
            continue;
          commitment_years (&ev, convention, commitment,
                            &periods[p].first_year, &periods[p].last_year);
          periods[p].per_year =
            terrind_commitment_get_amount_period (commitment) == TERRIND_AMOUNT_PER_YEAR;
          g_hash_table_insert (money_periods,
                               (gpointer) terrind_commitment_get_id (commitment), &periods[p]);
          p++;
        }
    }

  bucket_designations (&ev);
  bucket_investments (&ev);

  for (guint c = 0; c < conventions->len; c++)
    {
      const TerrindConvention *convention = g_ptr_array_index (conventions, c);

      for (guint k = 0; k < terrind_convention_get_n_commitments (convention); k++)
        evaluate_commitment (&ev, convention, terrind_convention_get_commitment (convention, k));
    }

  evaluation = g_new0 (TerrindEvaluation, 1);
  g_atomic_ref_count_init (&evaluation->ref_count);
  evaluation->date = g_steal_pointer (&date);
  evaluation->findings = g_ptr_array_new_with_free_func (finding_free);
  for (guint i = 0; i < findings->len; i++)
    {
      Finding *finding = g_ptr_array_index (findings, i);

      if (!keep_finding (finding, year))
        continue;
      findings->pdata[i] = NULL;
      if (finding->status == TERRIND_STATUS_MISSED)
        evaluation->has_missed = TRUE;
      g_ptr_array_add (evaluation->findings, finding);
    }
  g_ptr_array_set_free_func (findings, NULL);
  for (guint i = 0; i < findings->len; i++)
    if (findings->pdata[i] != NULL)
      finding_free (findings->pdata[i]);
  return evaluation;
}
