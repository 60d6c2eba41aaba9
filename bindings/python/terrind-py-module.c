/* terrind-py-module.c: the _terrind extension module
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/*
 * The module uses multi-phase initialisation (PEP 489) and heap types, and
 * keeps every type and exception class in its module state: nothing lives
 * in a C static, so the module is safe with sub-interpreters and its
 * objects are collected at interpreter shutdown like any other.
 */

TerrindPyState *
terrind_py_state_from_type (PyTypeObject *type)
{
  /* None of the binding's types can be subclassed, so the type of any of
   * its objects is one of the module's own and has the module state. */
  return PyType_GetModuleState (type);
}

TerrindPyState *
terrind_py_state_of (PyObject *object)
{
  return terrind_py_state_from_type (Py_TYPE (object));
}

static int
terrind_py_add_type (PyObject      *module,
                     PyType_Spec   *spec,
                     PyTypeObject **slot)
{
  PyObject *type = PyType_FromModuleAndSpec (module, spec, NULL);

  if (type == NULL)
    return -1;
  *slot = (PyTypeObject *) type;
  /* PyModule_AddType (3.9+) takes its own reference. */
  return PyModule_AddType (module, *slot);
}

static int
terrind_py_add_entity_type (PyObject       *module,
                            TerrindPyState *state,
                            TerrindPyKind   kind)
{
  PyTypeObject *type = terrind_py_entity_type_new (module, kind);

  if (type == NULL)
    return -1;
  state->types[kind] = type;
  return PyModule_AddType (module, type);
}

static int
terrind_py_module_exec (PyObject *module)
{
  TerrindPyState *state = PyModule_GetState (module);
  /* The types that are not entities; one line each. */
  const struct {
    PyType_Spec   *spec;
    PyTypeObject **slot;
  } others[] = {
    { &terrind_py_registry_spec,   &state->registry_type },
    { &terrind_py_collection_spec, &state->collection_type },
    { &terrind_py_iterator_spec,   &state->iterator_type },
    { &terrind_py_transaction_spec, &state->transaction_type },
  };
  gsize i;

  /* First: every check of a registry reads it. */
  state->busy = terrind_py_busy_table_new ();
  for (i = 0; i < TERRIND_PY_N_KINDS; i++)
    if (terrind_py_add_entity_type (module, state, (TerrindPyKind) i) < 0)
      return -1;
  for (i = 0; i < G_N_ELEMENTS (others); i++)
    if (terrind_py_add_type (module, others[i].spec, others[i].slot) < 0)
      return -1;

  if (terrind_py_finding_type_init (module, state) < 0 ||
      terrind_py_errors_init (module, state) < 0)
    return -1;

  /* The version of the C library actually loaded, not the one compiled
   * against: that is what a bug report needs. */
  if (PyModule_AddStringConstant (module, "__version__", terrind_version_string ()) < 0 ||
      PyModule_AddStringConstant (module, "XML_NAMESPACE", TERRIND_XML_NAMESPACE) < 0 ||
      PyModule_AddIntConstant (module, "XML_FORMAT_VERSION", TERRIND_XML_FORMAT_VERSION) < 0)
    return -1;

  return 0;
}

static int
terrind_py_module_traverse (PyObject  *module,
                            visitproc  visit,
                            void      *arg)
{
  TerrindPyState *state = PyModule_GetState (module);
  gsize i;

  if (state == NULL)
    return 0;
  for (i = 0; i < TERRIND_PY_N_KINDS; i++)
    Py_VISIT (state->types[i]);
  Py_VISIT (state->registry_type);
  Py_VISIT (state->collection_type);
  Py_VISIT (state->iterator_type);
  Py_VISIT (state->transaction_type);
  Py_VISIT (state->finding_type);
  Py_VISIT (state->error);
  Py_VISIT (state->closed_error);
  Py_VISIT (state->busy_error);
  Py_VISIT (state->error_code);
  Py_VISIT (state->io_missing_error);
  Py_VISIT (state->io_permission_error);
  for (i = 0; i < G_N_ELEMENTS (state->views); i++)
    Py_VISIT (state->views[i]);
  for (i = 0; i < TERRIND_PY_N_ERROR_CODES; i++)
    Py_VISIT (state->errors[i]);
  return 0;
}

static int
terrind_py_module_clear (PyObject *module)
{
  TerrindPyState *state = PyModule_GetState (module);
  gsize i;

  if (state == NULL)
    return 0;
  for (i = 0; i < TERRIND_PY_N_KINDS; i++)
    Py_CLEAR (state->types[i]);
  Py_CLEAR (state->registry_type);
  Py_CLEAR (state->collection_type);
  Py_CLEAR (state->iterator_type);
  Py_CLEAR (state->transaction_type);
  Py_CLEAR (state->finding_type);
  Py_CLEAR (state->error);
  Py_CLEAR (state->closed_error);
  Py_CLEAR (state->busy_error);
  Py_CLEAR (state->error_code);
  Py_CLEAR (state->io_missing_error);
  Py_CLEAR (state->io_permission_error);
  for (i = 0; i < G_N_ELEMENTS (state->views); i++)
    Py_CLEAR (state->views[i]);
  for (i = 0; i < TERRIND_PY_N_ERROR_CODES; i++)
    Py_CLEAR (state->errors[i]);
  return 0;
}

static void
terrind_py_module_free (void *module)
{
  TerrindPyState *state = PyModule_GetState (module);

  terrind_py_module_clear (module);
  /* Empty by now: a running export holds its Registry, hence the module. */
  if (state != NULL)
    g_clear_pointer (&state->busy, g_hash_table_unref);
}

static PyModuleDef_Slot terrind_py_module_slots[] = {
  { Py_mod_exec, terrind_py_module_exec },
  { 0, NULL },
};

static PyMethodDef terrind_py_module_methods[] = {
  { "kinds", terrind_py_kinds, METH_NOARGS,
    "kinds($module, /)\n--\n\n"
    "The model's kinds: a dict from each kind's name ('territory') to the\n"
    "names of its fields, in the order of the description and of the XML\n"
    "format. Each field is an attribute of the kind's class." },
  { "_set_views", terrind_py_set_views, METH_VARARGS,
    "_set_views($module, keys, values, items, /)\n--\n\n"
    "The classes of a Collection's keys(), values() and items() views,\n"
    "each called with the collection (terrind/__init__.py gives them)." },
  { NULL, NULL, 0, NULL },
};

static struct PyModuleDef terrind_py_module_def = {
  PyModuleDef_HEAD_INIT,
  .m_name = "terrind._terrind",
  .m_doc = "The C part of the terrind package: wrappers of the libterrind C API.\n\n"
           "Import terrind, not this module.",
  .m_size = sizeof (TerrindPyState),
  .m_methods = terrind_py_module_methods,
  .m_slots = terrind_py_module_slots,
  .m_traverse = terrind_py_module_traverse,
  .m_clear = terrind_py_module_clear,
  .m_free = terrind_py_module_free,
};

PyMODINIT_FUNC PyInit__terrind (void);

PyMODINIT_FUNC
PyInit__terrind (void)
{
  return PyModuleDef_Init (&terrind_py_module_def);
}
