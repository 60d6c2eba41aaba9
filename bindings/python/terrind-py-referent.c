/* terrind-py-referent.c: terrind.Referent
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

#define REFERENT(self) TERRIND_PY_HANDLE (self, TerrindReferent)

static PyObject *
referent_new (PyTypeObject *type,
              PyObject     *args,
              PyObject     *kwargs)
{
  static const char *const keywords[] = {
    "id", "operator", "territory", "person", "role", "email", "phone", "start", NULL
  };
  TerrindPyState *state = terrind_py_state_from_type (type);
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindReferent) referent = NULL;
  const char *id;
  const char *operator_id;
  const char *territory_id;
  const char *person;
  const char *role = NULL;
  const char *email = NULL;
  const char *phone = NULL;
  const char *start = NULL;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "ssss|$zzzz:Referent", TERRIND_PY_KEYWORDS (keywords),
                                    &id, &operator_id, &territory_id, &person,
                                    &role, &email, &phone, &start))
    return NULL;
  referent = terrind_referent_new (id, operator_id, territory_id, person, &error);
  if (referent == NULL ||
      (role != NULL && !terrind_referent_set_role (referent, role, &error)) ||
      (email != NULL && !terrind_referent_set_email (referent, email, &error)) ||
      (phone != NULL && !terrind_referent_set_phone (referent, phone, &error)) ||
      (start != NULL && !terrind_referent_set_start_date (referent, start, &error)))
    return terrind_py_raise_gerror (state, error);
  return terrind_py_entity_new_owned (type, TERRIND_PY_REFERENT, g_steal_pointer (&referent));
}

TERRIND_PY_DEFINE_STRING_GETTER (referent_get_id, TerrindReferent, terrind_referent_get_id)
TERRIND_PY_DEFINE_STRING_GETTER (referent_get_operator, TerrindReferent, terrind_referent_get_operator_id)
TERRIND_PY_DEFINE_STRING_GETTER (referent_get_territory, TerrindReferent, terrind_referent_get_territory_id)
TERRIND_PY_DEFINE_STRING_GETTER (referent_get_person, TerrindReferent, terrind_referent_get_person)
TERRIND_PY_DEFINE_STRING_SETTER (referent_set_person, TerrindReferent, terrind_referent_set_person, "person", FALSE)
TERRIND_PY_DEFINE_STRING_GETTER (referent_get_role, TerrindReferent, terrind_referent_get_role)
TERRIND_PY_DEFINE_STRING_SETTER (referent_set_role, TerrindReferent, terrind_referent_set_role, "role", TRUE)
TERRIND_PY_DEFINE_STRING_GETTER (referent_get_email, TerrindReferent, terrind_referent_get_email)
TERRIND_PY_DEFINE_STRING_SETTER (referent_set_email, TerrindReferent, terrind_referent_set_email, "email", TRUE)
TERRIND_PY_DEFINE_STRING_GETTER (referent_get_phone, TerrindReferent, terrind_referent_get_phone)
TERRIND_PY_DEFINE_STRING_SETTER (referent_set_phone, TerrindReferent, terrind_referent_set_phone, "phone", TRUE)
TERRIND_PY_DEFINE_STRING_GETTER (referent_get_start, TerrindReferent, terrind_referent_get_start_date)
TERRIND_PY_DEFINE_STRING_SETTER (referent_set_start, TerrindReferent, terrind_referent_set_start_date, "start", TRUE)

static PyObject *
referent_repr (PyObject *self)
{
  TerrindReferent *referent = REFERENT (self);

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return terrind_py_entity_repr_unusable (self);
  return terrind_py_repr_fields (self,
                                 "id", terrind_referent_get_id (referent),
                                 "operator", terrind_referent_get_operator_id (referent),
                                 "territory", terrind_referent_get_territory_id (referent),
                                 "person", terrind_referent_get_person (referent),
                                 "role", terrind_referent_get_role (referent),
                                 NULL);
}

static PyGetSetDef referent_getset[] = {
  { "id", referent_get_id, NULL, "The referent's stable id (read-only).", NULL },
  { "operator", referent_get_operator, NULL, "The id of the operator (read-only).", NULL },
  { "territory", referent_get_territory, NULL, "The id of the territory (read-only).", NULL },
  { "person", referent_get_person, referent_set_person, "The person's name.", NULL },
  { "role", referent_get_role, referent_set_role,
    "The role or title, such as 'Coach international Team France Export', or None.", NULL },
  { "email", referent_get_email, referent_set_email, "The e-mail address, or None.", NULL },
  { "phone", referent_get_phone, referent_set_phone, "The phone number, or None.", NULL },
  { "start", referent_get_start, referent_set_start,
    "The start date (YYYY-MM-DD), or None.", NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot referent_slots[] = {
  { Py_tp_doc, (void *)
    "Referent(id, operator, territory, person, *, role=None, email=None,\n"
    "         phone=None, start=None)\n--\n\n"
    "The single referent an operator names for a territory. operator and\n"
    "territory are ids. A registry holds at most one referent per\n"
    "(operator, territory): use registry.referents.replace() to change it." },
  { Py_tp_new, referent_new },
  { Py_tp_dealloc, terrind_py_entity_dealloc },
  { Py_tp_traverse, terrind_py_entity_traverse },
  { Py_tp_clear, terrind_py_entity_clear },
  { Py_tp_richcompare, terrind_py_entity_richcompare },
  { Py_tp_repr, referent_repr },
  { Py_tp_getset, referent_getset },
  { 0, NULL },
};

PyType_Spec terrind_py_referent_spec = {
  .name = "terrind.Referent",
  .basicsize = sizeof (TerrindPyEntity),
  .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .slots = referent_slots,
};
