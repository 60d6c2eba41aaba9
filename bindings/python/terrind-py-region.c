/* terrind-py-region.c: terrind.Region
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

static PyObject *
region_new (PyTypeObject *type,
            PyObject     *args,
            PyObject     *kwargs)
{
  static const char *const keywords[] = { "code", "name", NULL };
  g_autoptr(GError) error = NULL;
  const char *code;
  const char *name;
  TerrindRegion *region;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "ss:Region", TERRIND_PY_KEYWORDS (keywords), &code, &name))
    return NULL;
  region = terrind_region_new (code, name, &error);
  if (region == NULL)
    return terrind_py_raise_gerror (terrind_py_state_from_type (type), error);
  return terrind_py_entity_new_owned (type, TERRIND_PY_REGION, region);
}

TERRIND_PY_DEFINE_STRING_GETTER (region_get_code, TerrindRegion, terrind_region_get_code)
TERRIND_PY_DEFINE_STRING_GETTER (region_get_name, TerrindRegion, terrind_region_get_name)
TERRIND_PY_DEFINE_STRING_SETTER (region_set_name, TerrindRegion, terrind_region_set_name, "name", FALSE)

static PyObject *
region_repr (PyObject *self)
{
  TerrindRegion *region = TERRIND_PY_HANDLE (self, TerrindRegion);

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return terrind_py_entity_repr_unusable (self);
  return terrind_py_repr_fields (self,
                                 "code", terrind_region_get_code (region),
                                 "name", terrind_region_get_name (region),
                                 NULL);
}

static PyGetSetDef region_getset[] = {
  { "code", region_get_code, NULL,
    "The INSEE region code, which is the region's id (read-only).", NULL },
  { "name", region_get_name, region_set_name,
    "The region's name (a non-empty str).", NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot region_slots[] = {
  { Py_tp_doc, (void *)
    "Region(code, name)\n--\n\n"
    "A French region, identified by its INSEE code (for instance '84').\n\n"
    "Regions compare equal when all their fields are equal." },
  { Py_tp_new, region_new },
  { Py_tp_dealloc, terrind_py_entity_dealloc },
  { Py_tp_traverse, terrind_py_entity_traverse },
  { Py_tp_clear, terrind_py_entity_clear },
  { Py_tp_richcompare, terrind_py_entity_richcompare },
  { Py_tp_repr, region_repr },
  { Py_tp_getset, region_getset },
  { 0, NULL },
};

PyType_Spec terrind_py_region_spec = {
  .name = "terrind.Region",
  .basicsize = sizeof (TerrindPyEntity),
  .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .slots = region_slots,
};
