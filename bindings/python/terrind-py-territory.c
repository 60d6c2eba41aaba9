/* terrind-py-territory.c: terrind.Territory
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/* Fields, constructor and repr come from the description
 * (terrind-py-model.c); here are the methods. */

#define TERRITORY(self) TERRIND_PY_HANDLE (self, TerrindTerritory)

static PyObject *
territory_add_member (PyObject *self,
                      PyObject *args,
                      PyObject *kwargs)
{
  return terrind_py_entity_add_item (self, "members", "add_member", args, kwargs);
}

static PyObject *
territory_add_department (PyObject *self,
                          PyObject *args,
                          PyObject *kwargs)
{
  return terrind_py_entity_add_item (self, "departments", "add_department", args, kwargs);
}

static PyObject *
territory_remove_member (PyObject *self,
                         PyObject *args,
                         PyObject *kwargs)
{
  g_autoptr(GError) error = NULL;
  const char *siren;
  PyObject *arg;

  if (terrind_py_parse_one (args, kwargs, "remove_member", "siren", &arg) < 0)
    return NULL;
  if (terrind_py_to_utf8 (arg, FALSE, "siren", &siren) < 0 ||
      terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0)
    return NULL;
  if (!terrind_territory_remove_member (TERRITORY (self), siren, &error))
    return terrind_py_raise_gerror (terrind_py_state_of (self), error);
  Py_RETURN_NONE;
}

static PyObject *
territory_has_member (PyObject *self,
                      PyObject *args,
                      PyObject *kwargs)
{
  const char *siren;
  PyObject *arg;

  if (terrind_py_parse_one (args, kwargs, "has_member", "siren", &arg) < 0)
    return NULL;
  if (terrind_py_to_utf8 (arg, FALSE, "siren", &siren) < 0 ||
      terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return PyBool_FromLong (terrind_territory_has_member (TERRITORY (self), siren));
}

static PyMethodDef territory_methods[] = {
  { "add_member", (PyCFunction) (void (*) (void)) territory_add_member,
    METH_VARARGS | METH_KEYWORDS,
    "add_member($self, /, siren, name=None, kind=None)\n--\n\n"
    "Add a member EPCI by its SIREN (9 digits with a valid checksum), with\n"
    "its name and kind when known (members still read as SIRENs).\n"
    "Raises InvalidValueError for a malformed SIREN, DuplicateError if it is\n"
    "already a member." },
  { "remove_member", (PyCFunction) (void (*) (void)) territory_remove_member, METH_VARARGS | METH_KEYWORDS,
    "remove_member($self, /, siren)\n--\n\n"
    "Remove a member EPCI. Raises NotFoundError if it is not a member." },
  { "has_member", (PyCFunction) (void (*) (void)) territory_has_member, METH_VARARGS | METH_KEYWORDS,
    "has_member($self, /, siren)\n--\n\n"
    "Whether the EPCI with this SIREN is a member of the territory." },
  { "add_department", (PyCFunction) (void (*) (void)) territory_add_department,
    METH_VARARGS | METH_KEYWORDS,
    "add_department($self, /, code)\n--\n\n"
    "Add a department code (departments keep the order they are added in)." },
  { NULL, NULL, 0, NULL },
};

const TerrindPyKindSpec terrind_py_territory_kind = {
  .name = "territory",
  .doc = "A Territoire d'industrie: a group of EPCI in one region. members and\n"
         "departments are iterables of str.\n\n"
         "A new territory belongs to no registry; add it with Registry.add() or\n"
         "registry.territories.add(). Territories compare equal by value.",
  .methods = territory_methods,
};
