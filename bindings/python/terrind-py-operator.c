/* terrind-py-operator.c: terrind.Operator
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/* Fields, constructor and repr come from the description
 * (terrind-py-model.c); here are the methods. */

#define OPERATOR(self) TERRIND_PY_HANDLE (self, TerrindOperator)

static PyObject *
operator_rename (PyObject *self,
                 PyObject *args,
                 PyObject *kwargs)
{
  static const char *const keywords[] = { "new_name", "date", NULL };
  g_autoptr(GError) error = NULL;
  const char *new_name;
  const char *date = NULL;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "s|z:rename", TERRIND_PY_KEYWORDS (keywords),
                                    &new_name, &date) ||
      terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0)
    return NULL;
  if (!terrind_operator_rename (OPERATOR (self), new_name, date, &error))
    return terrind_py_raise_gerror (terrind_py_state_of (self), error);
  Py_RETURN_NONE;
}

static PyObject *
operator_add_former_name (PyObject *self,
                          PyObject *args,
                          PyObject *kwargs)
{
  return terrind_py_entity_add_item (self, "former_names", "add_former_name", args, kwargs);
}

static PyMethodDef operator_methods[] = {
  { "rename", (PyCFunction) (void (*) (void)) operator_rename, METH_VARARGS | METH_KEYWORDS,
    "rename($self, /, new_name, date=None)\n--\n\n"
    "Give the operator a new name; the current one becomes a former name\n"
    "used until date (YYYY-MM-DD), when given. The id does not change, so nothing that\n"
    "refers to the operator breaks." },
  { "add_former_name", (PyCFunction) (void (*) (void)) operator_add_former_name,
    METH_VARARGS | METH_KEYWORDS,
    "add_former_name($self, /, name, until=None)\n--\n\n"
    "Record a former name (oldest first), with the last day it was used." },
  { NULL, NULL, 0, NULL },
};

const TerrindPyKindSpec terrind_py_operator_kind = {
  .name = "operator",
  .doc = "A public operator (Bpifrance, Business France, France Travail...).\n\n"
         "Its id is stable; its name is data and can change (see rename()).\n"
         "former_names is an iterable of names or of (name, until) pairs.",
  .methods = operator_methods,
};
