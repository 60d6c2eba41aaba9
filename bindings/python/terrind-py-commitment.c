/* terrind-py-commitment.c: terrind.Commitment
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

#define COMMITMENT(self) TERRIND_PY_HANDLE (self, TerrindCommitment)

/* Fields, constructor and repr come from the description
 * (terrind-py-model.c); here are what 1.0 had beyond it: an amount
 * alone is a total, and set_amount() and set_years() change two fields
 * at once. */

/* amount and period go together: an amount alone is a total; None clears
 * both. The kind and period names are the C library's, so the binding
 * never keeps its own copy of the vocabulary. */
static int
commitment_apply_amount (TerrindPyState    *state,
                         TerrindCommitment *commitment,
                         PyObject          *amount,
                         const char        *period_name)
{
  g_autoptr(GError) error = NULL;
  TerrindAmountPeriod period = TERRIND_AMOUNT_TOTAL;
  long long euros = 0;

  if (amount == NULL || amount == Py_None)
    {
      if (period_name != NULL)
        {
          PyErr_SetString (PyExc_TypeError, "period needs an amount");
          return -1;
        }
      period = TERRIND_AMOUNT_NONE;
    }
  else
    {
      if (!PyLong_Check (amount) || PyBool_Check (amount))
        {
          PyErr_SetString (PyExc_TypeError, "amount must be an int (whole euros) or None");
          return -1;
        }
      euros = PyLong_AsLongLong (amount);
      if (euros == -1 && PyErr_Occurred ())
        return -1;
      if (period_name != NULL &&
          (!terrind_amount_period_from_string (period_name, &period) ||
           period == TERRIND_AMOUNT_NONE))
        {
          g_autofree char *message = g_strdup_printf ("unknown amount period '%s'", period_name);

          terrind_py_raise_code (state, TERRIND_ERROR_INVALID_VALUE, message);
          return -1;
        }
    }
  if (!terrind_commitment_set_amount (commitment, euros, period, &error))
    {
      terrind_py_raise_gerror (state, error);
      return -1;
    }
  return 0;
}

static int
commitment_apply_years (TerrindPyState    *state,
                        TerrindCommitment *commitment,
                        PyObject          *first_obj,
                        PyObject          *last_obj)
{
  g_autoptr(GError) error = NULL;
  guint first = 0;
  guint last = 0;

  if ((first_obj != NULL && first_obj != Py_None &&
       terrind_py_to_uint (first_obj, "first_year", &first) < 0) ||
      (last_obj != NULL && last_obj != Py_None &&
       terrind_py_to_uint (last_obj, "last_year", &last) < 0))
    return -1;
  if (!terrind_commitment_set_years (commitment, first, last, &error))
    {
      terrind_py_raise_gerror (state, error);
      return -1;
    }
  return 0;
}

static PyObject *
commitment_set_amount (PyObject *self,
                       PyObject *args,
                       PyObject *kwargs)
{
  static const char *const keywords[] = { "euros", "period", NULL };
  PyObject *euros;
  const char *period = NULL;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0 ||
      !PyArg_ParseTupleAndKeywords (args, kwargs, "O|z:set_amount", TERRIND_PY_KEYWORDS (keywords),
                                    &euros, &period))
    return NULL;
  if (commitment_apply_amount (terrind_py_state_of (self), COMMITMENT (self), euros, period) < 0)
    return NULL;
  Py_RETURN_NONE;
}

static PyObject *
commitment_set_years (PyObject *self,
                      PyObject *args,
                      PyObject *kwargs)
{
  static const char *const keywords[] = { "first_year", "last_year", NULL };
  PyObject *first;
  PyObject *last;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0 ||
      !PyArg_ParseTupleAndKeywords (args, kwargs, "OO:set_years", TERRIND_PY_KEYWORDS (keywords),
                                    &first, &last))
    return NULL;
  if (commitment_apply_years (terrind_py_state_of (self), COMMITMENT (self), first, last) < 0)
    return NULL;
  Py_RETURN_NONE;
}

static PyObject *
commitment_add_theme (PyObject *self,
                      PyObject *args,
                      PyObject *kwargs)
{
  return terrind_py_entity_add_item (self, "themes", "add_theme", args, kwargs);
}

static PyObject *
commitment_add_target (PyObject *self,
                       PyObject *args,
                       PyObject *kwargs)
{
  return terrind_py_entity_add_item (self, "targets", "add_target", args, kwargs);
}

/* The description wants amount and period together; the constructor
 * reads an amount alone as a total, as it always has. A period alone
 * means nothing. */
static int
commitment_prepare (const TerrindKind  *kind,
                    PyObject          **values)
{
  guint amount = terrind_py_field_index (terrind_kind_lookup_field (kind, "amount"));
  guint period = terrind_py_field_index (terrind_kind_lookup_field (kind, "period"));
  gboolean has_amount = values[amount] != NULL && values[amount] != Py_None;
  gboolean has_period = values[period] != NULL && values[period] != Py_None;

  if (has_period && !has_amount)
    {
      PyErr_SetString (PyExc_TypeError, "period needs an amount");
      return -1;
    }
  if (has_amount && !has_period)
    {
      PyObject *total = PyUnicode_FromString (terrind_amount_period_to_string (TERRIND_AMOUNT_TOTAL));

      if (total == NULL)
        return -1;
      Py_XSETREF (values[period], total);
    }
  return 0;
}

static PyMethodDef commitment_methods[] = {
  { "set_amount", (PyCFunction) (void (*) (void)) commitment_set_amount,
    METH_VARARGS | METH_KEYWORDS,
    "set_amount($self, /, euros, period='total')\n--\n\n"
    "Set the amount in whole euros (an int, never a float) and how to read\n"
    "it: 'total' or 'per-year'. set_amount(None) clears it." },
  { "set_years", (PyCFunction) (void (*) (void)) commitment_set_years,
    METH_VARARGS | METH_KEYWORDS,
    "set_years($self, /, first_year, last_year)\n--\n\n"
    "Set the period (years 1900..2200, first <= last); None unsets a bound." },
  { "add_theme", (PyCFunction) (void (*) (void)) commitment_add_theme,
    METH_VARARGS | METH_KEYWORDS,
    "add_theme($self, /, text)\n--\n\n"
    "Add a theme (themes keep the order they are added in)." },
  { "add_target", (PyCFunction) (void (*) (void)) commitment_add_target,
    METH_VARARGS | METH_KEYWORDS,
    "add_target($self, /, level, count)\n--\n\n"
    "Add a yearly target: count territories at this level (e.g. 'priority')." },
  { NULL, NULL, 0, NULL },
};

const TerrindPyKindSpec terrind_py_commitment_kind = {
  .name = "commitment",
  .doc = "One commitment (engagement) of a convention. kind is one of the names\n"
         "of the XML format; amount is in whole euros, a total unless period says\n"
         "'per-year'; targets is an iterable of (level, count) pairs or a dict.\n"
         "Add it to a convention with convention.commitments.add(); convention is\n"
         "then that convention's id.",
  .methods = commitment_methods,
  .prepare = commitment_prepare,
};
