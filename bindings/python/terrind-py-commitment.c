/* terrind-py-commitment.c: terrind.Commitment
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

#define COMMITMENT(self) TERRIND_PY_HANDLE (self, TerrindCommitment)

static gboolean
add_theme (gpointer     handle,
           const char  *theme,
           GError     **error)
{
  return terrind_commitment_add_theme (handle, theme, error);
}

static const char *
get_theme (gconstpointer handle,
           guint         index)
{
  return terrind_commitment_get_theme (handle, index);
}

static const char *
get_target_level (gconstpointer handle,
                  guint         index)
{
  return terrind_commitment_get_target_level (handle, index);
}

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

static int
commitment_apply_target (TerrindPyState    *state,
                         TerrindCommitment *commitment,
                         PyObject          *level_obj,
                         PyObject          *count_obj)
{
  g_autoptr(GError) error = NULL;
  const char *level;
  guint count;

  if (terrind_py_to_utf8 (level_obj, FALSE, "level", &level) < 0 ||
      terrind_py_to_uint (count_obj, "count", &count) < 0)
    return -1;
  if (!terrind_commitment_add_target (commitment, level, count, &error))
    {
      terrind_py_raise_gerror (state, error);
      return -1;
    }
  return 0;
}

/* targets=: an iterable of (level, count) pairs, or a mapping level -> count. */
static int
commitment_add_targets (TerrindPyState    *state,
                        TerrindCommitment *commitment,
                        PyObject          *targets)
{
  PyObject *items;
  Py_ssize_t i;
  int ret = 0;

  if (targets == NULL || targets == Py_None)
    return 0;
  if (PyDict_Check (targets))
    items = PyDict_Items (targets);
  else
    items = PySequence_List (targets);
  if (items == NULL)
    return -1;
  for (i = 0; ret == 0 && i < PyList_GET_SIZE (items); i++)
    {
      PyObject *pair = PyList_GET_ITEM (items, i);

      if (!PyTuple_Check (pair) || PyTuple_GET_SIZE (pair) != 2)
        {
          PyErr_SetString (PyExc_TypeError, "a target is a (level, count) pair");
          ret = -1;
          break;
        }
      ret = commitment_apply_target (state, commitment,
                                     PyTuple_GET_ITEM (pair, 0), PyTuple_GET_ITEM (pair, 1));
    }
  Py_DECREF (items);
  return ret;
}

static PyObject *
commitment_new (PyTypeObject *type,
                PyObject     *args,
                PyObject     *kwargs)
{
  static const char *const keywords[] = {
    "id", "kind", "text", "amount", "period", "approximate",
    "first_year", "last_year", "themes", "targets", NULL
  };
  TerrindPyState *state = terrind_py_state_from_type (type);
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindCommitment) commitment = NULL;
  TerrindCommitmentKind kind;
  const char *id;
  const char *kind_name;
  const char *text;
  PyObject *amount = NULL;
  const char *period = NULL;
  int approximate = FALSE;
  PyObject *first_year = NULL;
  PyObject *last_year = NULL;
  PyObject *themes = NULL;
  PyObject *targets = NULL;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "sss|$OzpOOOO:Commitment", TERRIND_PY_KEYWORDS (keywords),
                                    &id, &kind_name, &text, &amount, &period, &approximate,
                                    &first_year, &last_year, &themes, &targets))
    return NULL;
  if (!terrind_commitment_kind_from_string (kind_name, &kind))
    {
      g_autofree char *message = g_strdup_printf ("unknown commitment kind '%s'", kind_name);

      return terrind_py_raise_code (state, TERRIND_ERROR_INVALID_VALUE, message);
    }
  commitment = terrind_commitment_new (id, kind, text, &error);
  if (commitment == NULL)
    return terrind_py_raise_gerror (state, error);
  terrind_commitment_set_approximate (commitment, approximate);
  if ((amount != NULL || period != NULL) &&
      commitment_apply_amount (state, commitment, amount, period) < 0)
    return NULL;
  if ((first_year != NULL || last_year != NULL) &&
      commitment_apply_years (state, commitment, first_year, last_year) < 0)
    return NULL;
  if (terrind_py_add_strings (state, commitment, themes, "themes", add_theme) < 0 ||
      commitment_add_targets (state, commitment, targets) < 0)
    return NULL;
  return terrind_py_entity_new_owned (type, TERRIND_PY_COMMITMENT, g_steal_pointer (&commitment));
}

TERRIND_PY_DEFINE_STRING_GETTER (commitment_get_id, TerrindCommitment, terrind_commitment_get_id)
TERRIND_PY_DEFINE_STRING_GETTER (commitment_get_text, TerrindCommitment, terrind_commitment_get_text)
TERRIND_PY_DEFINE_STRING_SETTER (commitment_set_text, TerrindCommitment, terrind_commitment_set_text, "text", FALSE)

static PyObject *
commitment_get_kind (PyObject *self,
                     void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return terrind_py_str_or_none (
      terrind_commitment_kind_to_string (terrind_commitment_get_kind (COMMITMENT (self))));
}

static PyObject *
commitment_get_amount (PyObject *self,
                       void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  if (terrind_commitment_get_amount_period (COMMITMENT (self)) == TERRIND_AMOUNT_NONE)
    Py_RETURN_NONE;
  return PyLong_FromLongLong (terrind_commitment_get_amount (COMMITMENT (self)));
}

static PyObject *
commitment_get_period (PyObject *self,
                       void     *closure)
{
  TerrindAmountPeriod period;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  period = terrind_commitment_get_amount_period (COMMITMENT (self));
  if (period == TERRIND_AMOUNT_NONE)
    Py_RETURN_NONE;
  return terrind_py_str_or_none (terrind_amount_period_to_string (period));
}

static PyObject *
commitment_get_approximate (PyObject *self,
                            void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return PyBool_FromLong (terrind_commitment_get_approximate (COMMITMENT (self)));
}

static int
commitment_set_approximate (PyObject *self,
                            PyObject *value,
                            void     *closure)
{
  int truth;

  if (terrind_py_deny_delete (value, "approximate") < 0)
    return -1;
  /* __bool__ may run any code: the check comes after it. */
  truth = PyObject_IsTrue (value);
  if (truth < 0 || terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0)
    return -1;
  terrind_commitment_set_approximate (COMMITMENT (self), truth);
  return 0;
}

static PyObject *
commitment_get_first_year (PyObject *self,
                           void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return terrind_py_uint_or_none (terrind_commitment_get_first_year (COMMITMENT (self)));
}

static PyObject *
commitment_get_last_year (PyObject *self,
                          void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return terrind_py_uint_or_none (terrind_commitment_get_last_year (COMMITMENT (self)));
}

static PyObject *
commitment_get_themes (PyObject *self,
                       void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return terrind_py_strings_tuple (COMMITMENT (self),
                                   terrind_commitment_get_n_themes (COMMITMENT (self)),
                                   get_theme, NULL);
}

static PyObject *
commitment_get_targets (PyObject *self,
                        void     *closure)
{
  TerrindCommitment *commitment = COMMITMENT (self);
  g_autoptr(GPtrArray) levels = NULL;
  g_autofree guint *counts = NULL;
  PyObject *tuple;
  guint n;
  guint i;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  /* A copy first: see terrind_py_strings_copy(). */
  n = terrind_commitment_get_n_targets (commitment);
  levels = terrind_py_strings_copy (commitment, n, get_target_level);
  counts = g_new (guint, n);
  for (i = 0; i < n; i++)
    counts[i] = terrind_commitment_get_target_count (commitment, i);
  tuple = PyTuple_New (n);
  if (tuple == NULL)
    return NULL;
  for (i = 0; i < n; i++)
    {
      PyObject *level = terrind_py_str_or_none (g_ptr_array_index (levels, i));
      PyObject *pair = NULL;

      if (level != NULL)
        pair = Py_BuildValue ("(OI)", level, counts[i]);
      Py_XDECREF (level);
      if (pair == NULL)
        {
          Py_DECREF (tuple);
          return NULL;
        }
      PyTuple_SET_ITEM (tuple, i, pair);
    }
  return tuple;
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
                      PyObject *arg)
{
  g_autoptr(GError) error = NULL;
  const char *theme;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0 ||
      terrind_py_to_utf8 (arg, FALSE, "theme", &theme) < 0)
    return NULL;
  if (!terrind_commitment_add_theme (COMMITMENT (self), theme, &error))
    return terrind_py_raise_gerror (terrind_py_state_of (self), error);
  Py_RETURN_NONE;
}

static PyObject *
commitment_add_target (PyObject *self,
                       PyObject *args,
                       PyObject *kwargs)
{
  static const char *const keywords[] = { "level", "count", NULL };
  PyObject *level;
  PyObject *count;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0 ||
      !PyArg_ParseTupleAndKeywords (args, kwargs, "OO:add_target", TERRIND_PY_KEYWORDS (keywords),
                                    &level, &count))
    return NULL;
  if (commitment_apply_target (terrind_py_state_of (self), COMMITMENT (self), level, count) < 0)
    return NULL;
  Py_RETURN_NONE;
}

static PyObject *
commitment_repr (PyObject *self)
{
  TerrindCommitment *commitment = COMMITMENT (self);
  g_autofree char *amount = NULL;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return terrind_py_entity_repr_unusable (self);
  if (terrind_commitment_get_amount_period (commitment) != TERRIND_AMOUNT_NONE)
    amount = g_strdup_printf ("%" G_GINT64_FORMAT, terrind_commitment_get_amount (commitment));
  return terrind_py_repr_fields (self,
                                 "id", terrind_commitment_get_id (commitment),
                                 "kind", terrind_commitment_kind_to_string (terrind_commitment_get_kind (commitment)),
                                 "#amount", amount,
                                 "period", amount != NULL ? terrind_amount_period_to_string (terrind_commitment_get_amount_period (commitment)) : NULL,
                                 NULL);
}

static PyMethodDef commitment_methods[] = {
  { "set_amount", (PyCFunction) (void (*) (void)) commitment_set_amount,
    METH_VARARGS | METH_KEYWORDS,
    "set_amount(euros, period='total')\n--\n\n"
    "Set the amount in whole euros (an int, never a float) and how to read\n"
    "it: 'total' or 'per-year'. set_amount(None) clears it." },
  { "set_years", (PyCFunction) (void (*) (void)) commitment_set_years,
    METH_VARARGS | METH_KEYWORDS,
    "set_years(first_year, last_year)\n--\n\n"
    "Set the period (years 1900..2200, first <= last); None unsets a bound." },
  { "add_theme", commitment_add_theme, METH_O,
    "add_theme(theme)\n--\n\n"
    "Add a theme (themes keep the order they are added in)." },
  { "add_target", (PyCFunction) (void (*) (void)) commitment_add_target,
    METH_VARARGS | METH_KEYWORDS,
    "add_target(level, count)\n--\n\n"
    "Add a yearly target: count territories at this level (e.g. 'priority')." },
  { NULL, NULL, 0, NULL },
};

static PyGetSetDef commitment_getset[] = {
  { "id", commitment_get_id, NULL, "The commitment's stable id (read-only).", NULL },
  { "kind", commitment_get_kind, NULL,
    "The kind, as in the XML format: 'money-envelope', 'referent-per-territory',\n"
    "'yearly-target', 'tool', 'programme-access' or 'experiment' (read-only).", NULL },
  { "text", commitment_get_text, commitment_set_text, "The commitment as announced (a non-empty str).", NULL },
  { "amount", commitment_get_amount, NULL,
    "The amount in whole euros (an int), or None; see set_amount().", NULL },
  { "period", commitment_get_period, NULL,
    "How to read the amount: 'total', 'per-year', or None without an amount.", NULL },
  { "approximate", commitment_get_approximate, commitment_set_approximate,
    "Whether the amount was announced as approximate ('about').", NULL },
  { "first_year", commitment_get_first_year, NULL, "The first year, or None; see set_years().", NULL },
  { "last_year", commitment_get_last_year, NULL, "The last year, or None; see set_years().", NULL },
  { "themes", commitment_get_themes, NULL, "The themes, in order, as a tuple (a snapshot).", NULL },
  { "targets", commitment_get_targets, NULL,
    "The yearly targets, in order, as a tuple of (level, count) pairs.", NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot commitment_slots[] = {
  { Py_tp_doc, (void *)
    "Commitment(id, kind, text, *, amount=None, period=None,\n"
    "           approximate=False, first_year=None, last_year=None,\n"
    "           themes=(), targets=())\n--\n\n"
    "One commitment (engagement) of a convention. kind is one of the names\n"
    "of the XML format; amount is in whole euros; targets is an iterable of\n"
    "(level, count) pairs or a dict. Add it to a convention with\n"
    "convention.commitments.add()." },
  { Py_tp_new, commitment_new },
  { Py_tp_dealloc, terrind_py_entity_dealloc },
  { Py_tp_traverse, terrind_py_entity_traverse },
  { Py_tp_clear, terrind_py_entity_clear },
  { Py_tp_richcompare, terrind_py_entity_richcompare },
  { Py_tp_repr, commitment_repr },
  { Py_tp_methods, commitment_methods },
  { Py_tp_getset, commitment_getset },
  { 0, NULL },
};

PyType_Spec terrind_py_commitment_spec = {
  .name = "terrind.Commitment",
  .basicsize = sizeof (TerrindPyEntity),
  .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .slots = commitment_slots,
};
