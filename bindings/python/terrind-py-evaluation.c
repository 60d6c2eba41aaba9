/* terrind-py-evaluation.c: Registry.evaluate() and terrind.Finding
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/*
 * A Finding is a struct sequence, like os.stat_result: a read-only tuple
 * whose items are also attributes, which compares and hashes by value and
 * whose repr names the fields. It is made from one finding of a
 * TerrindEvaluation.
 *
 * The rule of the binding holds trivially here: the evaluation is
 * immutable, owned by this call (one reference, taken from
 * terrind_registry_evaluate()) and independent of the registry once made
 * (docs/evaluation.md), so its strings stay valid whatever a finalizer
 * run by a Python allocation does to the registry. The registry is only
 * looked up after every argument is converted, and no C call on it
 * follows the first Python allocation.
 */

enum {
  FINDING_CONVENTION,
  FINDING_COMMITMENT,
  FINDING_KIND,
  FINDING_YEAR,
  FINDING_MEASURE,
  FINDING_TARGET,
  FINDING_VALUE,
  FINDING_STATUS,
  FINDING_TERRITORIES,
  FINDING_N_FIELDS
};

static PyStructSequence_Field finding_fields[] = {
  [FINDING_CONVENTION] = { "convention", "the id of the commitment's convention (str)" },
  [FINDING_COMMITMENT] = { "commitment", "the id of the commitment (str)" },
  [FINDING_KIND] = { "kind", "the commitment's kind, as in the XML format: 'yearly-target'..." },
  [FINDING_YEAR] = { "year", "the year measured (int), or None for the whole period" },
  [FINDING_MEASURE] = { "measure",
                        "what is measured: 'referents', 'designations:LEVEL', 'investment',\n"
                        "'investment:theme:THEME', 'investment:region:CODE' or 'none'" },
  [FINDING_TARGET] = { "target", "the target (int: a count or whole euros), or None when none" },
  [FINDING_VALUE] = { "value", "the value measured (int: a count or whole euros)" },
  [FINDING_STATUS] = { "status",
                       "'met', 'partial', 'missed', 'pending', 'not-measurable' or 'info'" },
  [FINDING_TERRITORIES] = { "territories",
                            "the ids of the territories concerned (a tuple of str, sorted)" },
  [FINDING_N_FIELDS] = { NULL, NULL },
};

static PyStructSequence_Desc finding_desc = {
  "terrind.Finding",
  "Finding(convention, commitment, kind, year, measure, target, value, status,\n"
  "        territories)\n\n"
  "One finding of Registry.evaluate(): where a commitment stands for one\n"
  "measure and year. A read-only named tuple. See docs/evaluation.md for\n"
  "each kind's measures and the meaning of each status.",
  finding_fields,
  FINDING_N_FIELDS,
};

int
terrind_py_finding_type_init (PyObject       *module,
                              TerrindPyState *state)
{
  state->finding_type = PyStructSequence_NewType (&finding_desc);
  if (state->finding_type == NULL)
    return -1;
  /* PyModule_AddType (3.9+) takes its own reference. */
  return PyModule_AddType (module, state->finding_type);
}

/* A str from a static or evaluation-owned string; None for NULL (a status
 * or kind newer than this binding). */
static PyObject *
finding_text (const char *text)
{
  return terrind_py_str_or_none (text);
}

static PyObject *
finding_territories (const TerrindEvaluation *evaluation,
                     guint                    index)
{
  guint n = terrind_evaluation_get_n_territories (evaluation, index);
  PyObject *tuple = PyTuple_New (n);
  guint i;

  if (tuple == NULL)
    return NULL;
  for (i = 0; i < n; i++)
    {
      PyObject *id = finding_text (terrind_evaluation_get_territory (evaluation, index, i));

      if (id == NULL)
        {
          Py_DECREF (tuple);
          return NULL;
        }
      PyTuple_SET_ITEM (tuple, i, id);
    }
  return tuple;
}

static PyObject *
finding_new (TerrindPyState          *state,
             const TerrindEvaluation *evaluation,
             guint                    index)
{
  PyObject *finding = PyStructSequence_New (state->finding_type);
  PyObject *items[FINDING_N_FIELDS];
  guint year;
  int i;

  if (finding == NULL)
    return NULL;
  year = terrind_evaluation_get_year (evaluation, index);
  items[FINDING_CONVENTION] = finding_text (terrind_evaluation_get_convention_id (evaluation, index));
  items[FINDING_COMMITMENT] = finding_text (terrind_evaluation_get_commitment_id (evaluation, index));
  items[FINDING_KIND] = finding_text (terrind_commitment_kind_to_string (
      terrind_evaluation_get_kind (evaluation, index)));
  items[FINDING_YEAR] = terrind_py_uint_or_none (year);
  items[FINDING_MEASURE] = finding_text (terrind_evaluation_get_measure (evaluation, index));
  items[FINDING_TARGET] = terrind_evaluation_has_target (evaluation, index)
    ? PyLong_FromLongLong (terrind_evaluation_get_target (evaluation, index))
    : terrind_py_new_ref (Py_None);
  items[FINDING_VALUE] = PyLong_FromLongLong (terrind_evaluation_get_value (evaluation, index));
  items[FINDING_STATUS] = finding_text (terrind_status_to_string (
      terrind_evaluation_get_status (evaluation, index)));
  items[FINDING_TERRITORIES] = finding_territories (evaluation, index);

  /* The struct sequence owns what was made, so one pass frees it all. */
  for (i = 0; i < FINDING_N_FIELDS; i++)
    if (items[i] != NULL)
      PyStructSequence_SetItem (finding, i, items[i]);
  for (i = 0; i < FINDING_N_FIELDS; i++)
    if (items[i] == NULL)
      {
        Py_DECREF (finding);
        return NULL;
      }
  return finding;
}

/* @year or @phase as a guint, 0 when None; 0 given is refused as the
 * library refuses it elsewhere (a year outside 1900-2200, phases numbered
 * from 1), rather than read as "every". */
static int
evaluate_number (TerrindPyState *state,
                 PyObject       *value,
                 const char     *what,
                 guint          *out)
{
  *out = 0;
  if (value == Py_None)
    return 0;
  if (terrind_py_to_uint (value, what, out) < 0)
    return -1;
  if (*out == 0)
    {
      terrind_py_raise_code (state, TERRIND_ERROR_INVALID_VALUE,
                             g_str_equal (what, "year")
                               ? "invalid evaluation year 0: years run from 1900 to 2200 (None: every year)"
                               : "phases are numbered from 1 (None: every phase)");
      return -1;
    }
  return 0;
}

/*
 * registry.evaluate(date=None, year=None, phase=None): the findings of
 * terrind_registry_evaluate(), a list of Finding.
 */
PyObject *
terrind_py_registry_evaluate (PyObject *self,
                              PyObject *args,
                              PyObject *kwargs)
{
  static const char *const keywords[] = { "date", "year", "phase", NULL };
  TerrindPyState *state = terrind_py_state_of (self);
  g_autoptr(TerrindEvaluationOptions) options = NULL;
  g_autoptr(TerrindEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  PyObject *date_arg = Py_None;
  PyObject *year_arg = Py_None;
  PyObject *phase_arg = Py_None;
  TerrindRegistry *registry;
  const char *date;
  guint year, phase, n, i;
  PyObject *result;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "|OOO:evaluate", TERRIND_PY_KEYWORDS (keywords),
                                    &date_arg, &year_arg, &phase_arg) ||
      terrind_py_to_utf8 (date_arg, TRUE, "date", &date) < 0 ||
      evaluate_number (state, year_arg, "year", &year) < 0 ||
      evaluate_number (state, phase_arg, "phase", &phase) < 0 ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;

  /* From here to the evaluation in our hands: C only. */
  options = terrind_evaluation_options_new ();
  terrind_evaluation_options_set_date (options, date);
  terrind_evaluation_options_set_year (options, year);
  terrind_evaluation_options_set_phase (options, phase);
  evaluation = terrind_registry_evaluate (registry, options, &error);
  if (evaluation == NULL)
    return terrind_py_raise_gerror (state, error);

  /* The registry is not used again: a finalizer may close it now. */
  n = terrind_evaluation_get_n_findings (evaluation);
  result = PyList_New (n);
  if (result == NULL)
    return NULL;
  for (i = 0; i < n; i++)
    {
      PyObject *finding = finding_new (state, evaluation, i);

      if (finding == NULL)
        {
          Py_DECREF (result);
          return NULL;
        }
      PyList_SET_ITEM (result, i, finding);
    }
  return result;
}
