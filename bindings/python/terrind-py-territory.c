/* terrind-py-territory.c: terrind.Territory
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

#define TERRITORY(self) TERRIND_PY_HANDLE (self, TerrindTerritory)

static gboolean
add_member (gpointer     handle,
            const char  *siren,
            GError     **error)
{
  return terrind_territory_add_member (handle, siren, error);
}

static gboolean
add_department (gpointer     handle,
                const char  *code,
                GError     **error)
{
  return terrind_territory_add_department (handle, code, error);
}

static const char *
get_member (gconstpointer handle,
            guint         index)
{
  return terrind_territory_get_member (handle, index);
}

static const char *
get_department (gconstpointer handle,
                guint         index)
{
  return terrind_territory_get_department (handle, index);
}

/* phase: None or 0 leave it unset. */
static int
territory_apply_phase (TerrindPyState   *state,
                       TerrindTerritory *territory,
                       PyObject         *value)
{
  g_autoptr(GError) error = NULL;
  guint phase = 0;

  if (value != NULL && value != Py_None &&
      terrind_py_to_uint (value, "phase", &phase) < 0)
    return -1;
  if (!terrind_territory_set_phase (territory, phase, &error))
    {
      terrind_py_raise_gerror (state, error);
      return -1;
    }
  return 0;
}

static PyObject *
territory_new (PyTypeObject *type,
               PyObject     *args,
               PyObject     *kwargs)
{
  static const char *const keywords[] = { "id", "name", "region", "phase", "members", "departments", NULL };
  TerrindPyState *state = terrind_py_state_from_type (type);
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindTerritory) territory = NULL;
  const char *id;
  const char *name;
  const char *region;
  PyObject *phase = NULL;
  PyObject *members = NULL;
  PyObject *departments = NULL;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "sss|$OOO:Territory", TERRIND_PY_KEYWORDS (keywords),
                                    &id, &name, &region, &phase, &members, &departments))
    return NULL;
  territory = terrind_territory_new (id, name, region, &error);
  if (territory == NULL)
    return terrind_py_raise_gerror (state, error);
  if (territory_apply_phase (state, territory, phase) < 0 ||
      terrind_py_add_strings (state, territory, members, "members", add_member) < 0 ||
      terrind_py_add_strings (state, territory, departments, "departments", add_department) < 0)
    return NULL;
  return terrind_py_entity_new_owned (type, TERRIND_PY_TERRITORY, g_steal_pointer (&territory));
}

TERRIND_PY_DEFINE_STRING_GETTER (territory_get_id, TerrindTerritory, terrind_territory_get_id)
TERRIND_PY_DEFINE_STRING_GETTER (territory_get_name, TerrindTerritory, terrind_territory_get_name)
TERRIND_PY_DEFINE_STRING_SETTER (territory_set_name, TerrindTerritory, terrind_territory_set_name, "name", FALSE)
TERRIND_PY_DEFINE_STRING_GETTER (territory_get_region, TerrindTerritory, terrind_territory_get_region_code)
TERRIND_PY_DEFINE_STRING_SETTER (territory_set_region, TerrindTerritory, terrind_territory_set_region_code, "region", FALSE)

static PyObject *
territory_get_phase (PyObject *self,
                     void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return terrind_py_uint_or_none (terrind_territory_get_phase (TERRITORY (self)));
}

static int
territory_set_phase (PyObject *self,
                     PyObject *value,
                     void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0)
    return -1;
  return territory_apply_phase (terrind_py_state_of (self), TERRITORY (self), value);
}

static PyObject *
territory_get_members (PyObject *self,
                       void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return terrind_py_strings_tuple (TERRITORY (self),
                                   terrind_territory_get_n_members (TERRITORY (self)),
                                   get_member, NULL);
}

static PyObject *
territory_get_departments (PyObject *self,
                           void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return terrind_py_strings_tuple (TERRITORY (self),
                                   terrind_territory_get_n_departments (TERRITORY (self)),
                                   get_department, NULL);
}

/* The three methods that take one string and may fail look alike. */
static PyObject *
territory_call_string (PyObject   *self,
                       PyObject   *arg,
                       const char *what,
                       gboolean  (*call) (TerrindTerritory *, const char *, GError **))
{
  g_autoptr(GError) error = NULL;
  const char *value;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0 ||
      terrind_py_to_utf8 (arg, FALSE, what, &value) < 0)
    return NULL;
  if (!call (TERRITORY (self), value, &error))
    return terrind_py_raise_gerror (terrind_py_state_of (self), error);
  Py_RETURN_NONE;
}

static PyObject *
territory_add_member (PyObject *self,
                      PyObject *siren)
{
  return territory_call_string (self, siren, "siren", terrind_territory_add_member);
}

static PyObject *
territory_remove_member (PyObject *self,
                         PyObject *siren)
{
  return territory_call_string (self, siren, "siren", terrind_territory_remove_member);
}

static PyObject *
territory_add_department (PyObject *self,
                          PyObject *code)
{
  return territory_call_string (self, code, "code", terrind_territory_add_department);
}

static PyObject *
territory_has_member (PyObject *self,
                      PyObject *arg)
{
  const char *siren;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0 ||
      terrind_py_to_utf8 (arg, FALSE, "siren", &siren) < 0)
    return NULL;
  return PyBool_FromLong (terrind_territory_has_member (TERRITORY (self), siren));
}

static PyObject *
territory_repr (PyObject *self)
{
  TerrindTerritory *territory = TERRITORY (self);
  g_autofree char *phase = NULL;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return terrind_py_entity_repr_unusable (self);
  if (terrind_territory_get_phase (territory) != 0)
    phase = g_strdup_printf ("%u", terrind_territory_get_phase (territory));
  return terrind_py_repr_fields (self,
                                 "id", terrind_territory_get_id (territory),
                                 "name", terrind_territory_get_name (territory),
                                 "region", terrind_territory_get_region_code (territory),
                                 "#phase", phase,
                                 NULL);
}

static PyMethodDef territory_methods[] = {
  { "add_member", territory_add_member, METH_O,
    "add_member(siren)\n--\n\n"
    "Add a member EPCI by its SIREN (9 digits with a valid checksum).\n"
    "Raises InvalidValueError for a malformed SIREN, DuplicateError if it is\n"
    "already a member." },
  { "remove_member", territory_remove_member, METH_O,
    "remove_member(siren)\n--\n\n"
    "Remove a member EPCI. Raises NotFoundError if it is not a member." },
  { "has_member", territory_has_member, METH_O,
    "has_member(siren)\n--\n\n"
    "Whether the EPCI with this SIREN is a member of the territory." },
  { "add_department", territory_add_department, METH_O,
    "add_department(code)\n--\n\n"
    "Add a department code (departments keep the order they are added in)." },
  { NULL, NULL, 0, NULL },
};

static PyGetSetDef territory_getset[] = {
  { "id", territory_get_id, NULL, "The territory's stable id (read-only).", NULL },
  { "name", territory_get_name, territory_set_name, "The territory's name.", NULL },
  { "region", territory_get_region, territory_set_region,
    "The code of the region that pilots the territory.", NULL },
  { "phase", territory_get_phase, territory_set_phase,
    "The phase of the programme (an int >= 1), or None when unset.", NULL },
  { "members", territory_get_members, NULL,
    "The SIREN codes of the member EPCI, ascending, as a tuple (a snapshot).", NULL },
  { "departments", territory_get_departments, NULL,
    "The department codes, in the order given, as a tuple (a snapshot).", NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot territory_slots[] = {
  { Py_tp_doc, (void *)
    "Territory(id, name, region, *, phase=None, members=(), departments=())\n--\n\n"
    "A Territoire d'industrie: a group of EPCI in one region.\n\n"
    "A new territory belongs to no registry; add it with Registry.add() or\n"
    "registry.territories.add(). Territories compare equal by value." },
  { Py_tp_new, territory_new },
  { Py_tp_dealloc, terrind_py_entity_dealloc },
  { Py_tp_traverse, terrind_py_entity_traverse },
  { Py_tp_clear, terrind_py_entity_clear },
  { Py_tp_richcompare, terrind_py_entity_richcompare },
  { Py_tp_repr, territory_repr },
  { Py_tp_methods, territory_methods },
  { Py_tp_getset, territory_getset },
  { 0, NULL },
};

PyType_Spec terrind_py_territory_spec = {
  .name = "terrind.Territory",
  .basicsize = sizeof (TerrindPyEntity),
  .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .slots = territory_slots,
};
