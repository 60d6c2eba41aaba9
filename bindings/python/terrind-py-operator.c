/* terrind-py-operator.c: terrind.Operator
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

#define OPERATOR(self) TERRIND_PY_HANDLE (self, TerrindOperator)

/* former_names=: an iterable of names, or of (name, until) pairs. */
static gboolean
add_former_name (gpointer     op,
                 const char  *name,
                 const char  *until,
                 GError     **error)
{
  return terrind_operator_add_former_name (op, name, until, error);
}

static PyObject *
operator_new (PyTypeObject *type,
              PyObject     *args,
              PyObject     *kwargs)
{
  static const char *const keywords[] = { "id", "name", "kind", "former_names", NULL };
  TerrindPyState *state = terrind_py_state_from_type (type);
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindOperator) op = NULL;
  const char *id;
  const char *name;
  const char *kind = NULL;
  PyObject *former_names = NULL;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "ss|$zO:Operator", TERRIND_PY_KEYWORDS (keywords),
                                    &id, &name, &kind, &former_names))
    return NULL;
  op = terrind_operator_new (id, name, &error);
  if (op == NULL)
    return terrind_py_raise_gerror (state, error);
  if (kind != NULL && !terrind_operator_set_kind (op, kind, &error))
    return terrind_py_raise_gerror (state, error);
  if (terrind_py_add_pairs (state, op, former_names, "former_names", "a former name",
                            "former name", "until", add_former_name) < 0)
    return NULL;
  return terrind_py_entity_new_owned (type, TERRIND_PY_OPERATOR, g_steal_pointer (&op));
}

TERRIND_PY_DEFINE_STRING_GETTER (operator_get_id, TerrindOperator, terrind_operator_get_id)
TERRIND_PY_DEFINE_STRING_GETTER (operator_get_name, TerrindOperator, terrind_operator_get_name)
TERRIND_PY_DEFINE_STRING_SETTER (operator_set_name, TerrindOperator, terrind_operator_set_name, "name", FALSE)
TERRIND_PY_DEFINE_STRING_GETTER (operator_get_kind, TerrindOperator, terrind_operator_get_kind)
TERRIND_PY_DEFINE_STRING_SETTER (operator_set_kind, TerrindOperator, terrind_operator_set_kind, "kind", TRUE)

static const char *
get_former_name (gconstpointer handle,
                 guint         index)
{
  return terrind_operator_get_former_name (handle, index);
}

static const char *
get_former_name_until (gconstpointer handle,
                       guint         index)
{
  return terrind_operator_get_former_name_until (handle, index);
}

static PyObject *
operator_get_former_names (PyObject *self,
                           void     *closure)
{
  TerrindOperator *op = OPERATOR (self);

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return terrind_py_strings_tuple (op, terrind_operator_get_n_former_names (op),
                                   get_former_name, get_former_name_until);
}

static PyObject *
operator_rename (PyObject *self,
                 PyObject *args,
                 PyObject *kwargs)
{
  static const char *const keywords[] = { "new_name", "date", NULL };
  g_autoptr(GError) error = NULL;
  const char *new_name;
  const char *date = NULL;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0 ||
      !PyArg_ParseTupleAndKeywords (args, kwargs, "s|z:rename", TERRIND_PY_KEYWORDS (keywords),
                                    &new_name, &date))
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
  static const char *const keywords[] = { "name", "until", NULL };
  g_autoptr(GError) error = NULL;
  const char *name;
  const char *until = NULL;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0 ||
      !PyArg_ParseTupleAndKeywords (args, kwargs, "s|z:add_former_name", TERRIND_PY_KEYWORDS (keywords),
                                    &name, &until))
    return NULL;
  if (!terrind_operator_add_former_name (OPERATOR (self), name, until, &error))
    return terrind_py_raise_gerror (terrind_py_state_of (self), error);
  Py_RETURN_NONE;
}

static PyObject *
operator_repr (PyObject *self)
{
  TerrindOperator *op = OPERATOR (self);

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return terrind_py_entity_repr_unusable (self);
  return terrind_py_repr_fields (self,
                                 "id", terrind_operator_get_id (op),
                                 "name", terrind_operator_get_name (op),
                                 "kind", terrind_operator_get_kind (op),
                                 NULL);
}

static PyMethodDef operator_methods[] = {
  { "rename", (PyCFunction) (void (*) (void)) operator_rename, METH_VARARGS | METH_KEYWORDS,
    "rename(new_name, date=None)\n--\n\n"
    "Give the operator a new name; the current one becomes a former name\n"
    "used until date (YYYY-MM-DD), when given. The id does not change, so nothing that\n"
    "refers to the operator breaks." },
  { "add_former_name", (PyCFunction) (void (*) (void)) operator_add_former_name,
    METH_VARARGS | METH_KEYWORDS,
    "add_former_name(name, until=None)\n--\n\n"
    "Record a former name (oldest first), with the last day it was used." },
  { NULL, NULL, 0, NULL },
};

static PyGetSetDef operator_getset[] = {
  { "id", operator_get_id, NULL, "The operator's stable id (read-only).", NULL },
  { "name", operator_get_name, operator_set_name, "The operator's current name.", NULL },
  { "kind", operator_get_kind, operator_set_kind,
    "The kind of operator (a token such as 'employment-service'), or None.", NULL },
  { "former_names", operator_get_former_names, NULL,
    "The former names, oldest first, as a tuple of (name, until) pairs; until\n"
    "is a date string or None.", NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot operator_slots[] = {
  { Py_tp_doc, (void *)
    "Operator(id, name, *, kind=None, former_names=())\n--\n\n"
    "A public operator (Bpifrance, Business France, France Travail...).\n\n"
    "Its id is stable; its name is data and can change (see rename()).\n"
    "former_names is an iterable of names or of (name, until) pairs." },
  { Py_tp_new, operator_new },
  { Py_tp_dealloc, terrind_py_entity_dealloc },
  { Py_tp_traverse, terrind_py_entity_traverse },
  { Py_tp_clear, terrind_py_entity_clear },
  { Py_tp_richcompare, terrind_py_entity_richcompare },
  { Py_tp_repr, operator_repr },
  { Py_tp_methods, operator_methods },
  { Py_tp_getset, operator_getset },
  { 0, NULL },
};

PyType_Spec terrind_py_operator_spec = {
  .name = "terrind.Operator",
  .basicsize = sizeof (TerrindPyEntity),
  .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .slots = operator_slots,
};
