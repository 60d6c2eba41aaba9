/* terrind-py-convention.c: terrind.Convention
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

#define CONVENTION(self) TERRIND_PY_HANDLE (self, TerrindConvention)

/* signatories=: an iterable of names, or of (name, role) pairs. */
static gboolean
add_signatory (gpointer     convention,
               const char  *name,
               const char  *role,
               GError     **error)
{
  return terrind_convention_add_signatory (convention, name, role, error);
}

/*
 * convention_add_commitments:
 *
 * Adds every Commitment of @iterable to the new convention @self, all or
 * nothing: on failure the ones already added are taken out again, so the
 * caller's commitments stay free to be added elsewhere.
 */
static int
convention_add_commitments (TerrindPyState *state,
                            PyObject       *self,
                            PyObject       *iterable)
{
  TerrindConvention *convention = CONVENTION (self);
  PyObject *fast;
  PyObject *items;
  Py_ssize_t n;
  Py_ssize_t i;
  Py_ssize_t added = 0;

  if (iterable == NULL || iterable == Py_None)
    return 0;
  /* A list of our own, not the caller's: raising an error allocates, and a
   * finalizer could then change the caller's list before the rollback
   * reads it. */
  fast = PySequence_Fast (iterable, "commitments must be an iterable of Commitment");
  if (fast == NULL)
    return -1;
  items = PySequence_List (fast);
  Py_DECREF (fast);
  if (items == NULL)
    return -1;
  n = PyList_GET_SIZE (items);
  for (i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      PyObject *item = PyList_GET_ITEM (items, i);
      TerrindCommitment *commitment = terrind_py_entity_handle (state, TERRIND_PY_COMMITMENT,
                                                                item, "commitment",
                                                                TERRIND_PY_WRITE);

      if (commitment == NULL)
        goto rollback;
      if (!terrind_convention_add_commitment (convention, commitment, &error))
        {
          terrind_py_raise_gerror (state, error);
          goto rollback;
        }
      added++;
    }
  for (i = 0; i < n; i++)
    terrind_py_entity_set_owner ((TerrindPyEntity *) PyList_GET_ITEM (items, i), self);
  Py_DECREF (items);
  return 0;

rollback:
  for (i = 0; i < added; i++)
    {
      TerrindPyEntity *item = (TerrindPyEntity *) PyList_GET_ITEM (items, i);

      terrind_convention_remove_commitment (convention,
                                            terrind_commitment_get_id (item->handle), NULL);
    }
  Py_DECREF (items);
  return -1;
}

static PyObject *
convention_new (PyTypeObject *type,
                PyObject     *args,
                PyObject     *kwargs)
{
  static const char *const keywords[] = {
    "id", "operator", "date", "place", "title", "signatories", "commitments", NULL
  };
  TerrindPyState *state = terrind_py_state_from_type (type);
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindConvention) convention = NULL;
  const char *id;
  const char *operator_id;
  const char *date;
  const char *place = NULL;
  const char *title = NULL;
  PyObject *signatories = NULL;
  PyObject *commitments = NULL;
  PyObject *self;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "sss|$zzOO:Convention", TERRIND_PY_KEYWORDS (keywords),
                                    &id, &operator_id, &date, &place, &title,
                                    &signatories, &commitments))
    return NULL;
  convention = terrind_convention_new (id, operator_id, date, &error);
  if (convention == NULL ||
      (place != NULL && !terrind_convention_set_place (convention, place, &error)) ||
      (title != NULL && !terrind_convention_set_title (convention, title, &error)))
    return terrind_py_raise_gerror (state, error);
  if (terrind_py_add_pairs (state, convention, signatories, "signatories", "a signatory",
                            "signatory name", "signatory role", add_signatory) < 0)
    return NULL;
  self = terrind_py_entity_new_owned (type, TERRIND_PY_CONVENTION, g_steal_pointer (&convention));
  if (self == NULL)
    return NULL;
  if (convention_add_commitments (state, self, commitments) < 0)
    {
      Py_DECREF (self);
      return NULL;
    }
  return self;
}

TERRIND_PY_DEFINE_STRING_GETTER (convention_get_id, TerrindConvention, terrind_convention_get_id)
TERRIND_PY_DEFINE_STRING_GETTER (convention_get_operator, TerrindConvention, terrind_convention_get_operator_id)
TERRIND_PY_DEFINE_STRING_GETTER (convention_get_date, TerrindConvention, terrind_convention_get_date)
TERRIND_PY_DEFINE_STRING_SETTER (convention_set_date, TerrindConvention, terrind_convention_set_date, "date", FALSE)
TERRIND_PY_DEFINE_STRING_GETTER (convention_get_place, TerrindConvention, terrind_convention_get_place)
TERRIND_PY_DEFINE_STRING_SETTER (convention_set_place, TerrindConvention, terrind_convention_set_place, "place", TRUE)
TERRIND_PY_DEFINE_STRING_GETTER (convention_get_title, TerrindConvention, terrind_convention_get_title)
TERRIND_PY_DEFINE_STRING_SETTER (convention_set_title, TerrindConvention, terrind_convention_set_title, "title", TRUE)

static const char *
get_signatory_name (gconstpointer handle,
                    guint         index)
{
  return terrind_convention_get_signatory_name (handle, index);
}

static const char *
get_signatory_role (gconstpointer handle,
                    guint         index)
{
  return terrind_convention_get_signatory_role (handle, index);
}

static PyObject *
convention_get_signatories (PyObject *self,
                            void     *closure)
{
  TerrindConvention *convention = CONVENTION (self);

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return terrind_py_strings_tuple (convention, terrind_convention_get_n_signatories (convention),
                                   get_signatory_name, get_signatory_role);
}

static PyObject *
convention_get_commitments (PyObject *self,
                            void     *closure)
{
  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return NULL;
  return terrind_py_collection_new (terrind_py_state_of (self), self, TERRIND_PY_VIEW_COMMITMENTS);
}

static PyObject *
convention_add_signatory (PyObject *self,
                          PyObject *args,
                          PyObject *kwargs)
{
  static const char *const keywords[] = { "name", "role", NULL };
  g_autoptr(GError) error = NULL;
  const char *name;
  const char *role = NULL;

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_WRITE) < 0 ||
      !PyArg_ParseTupleAndKeywords (args, kwargs, "s|z:add_signatory", TERRIND_PY_KEYWORDS (keywords),
                                    &name, &role))
    return NULL;
  if (!terrind_convention_add_signatory (CONVENTION (self), name, role, &error))
    return terrind_py_raise_gerror (terrind_py_state_of (self), error);
  Py_RETURN_NONE;
}

static PyObject *
convention_repr (PyObject *self)
{
  TerrindConvention *convention = CONVENTION (self);

  if (terrind_py_entity_check ((TerrindPyEntity *) self, TERRIND_PY_READ) < 0)
    return terrind_py_entity_repr_unusable (self);
  return terrind_py_repr_fields (self,
                                 "id", terrind_convention_get_id (convention),
                                 "operator", terrind_convention_get_operator_id (convention),
                                 "date", terrind_convention_get_date (convention),
                                 "place", terrind_convention_get_place (convention),
                                 NULL);
}

static PyMethodDef convention_methods[] = {
  { "add_signatory", (PyCFunction) (void (*) (void)) convention_add_signatory,
    METH_VARARGS | METH_KEYWORDS,
    "add_signatory(name, role=None)\n--\n\n"
    "Add a signatory (signatories keep the order they are added in)." },
  { NULL, NULL, 0, NULL },
};

static PyGetSetDef convention_getset[] = {
  { "id", convention_get_id, NULL, "The convention's stable id (read-only).", NULL },
  { "operator", convention_get_operator, NULL, "The id of the operator (read-only).", NULL },
  { "date", convention_get_date, convention_set_date, "The signing date (YYYY-MM-DD).", NULL },
  { "place", convention_get_place, convention_set_place, "Where it was signed, or None.", NULL },
  { "title", convention_get_title, convention_set_title, "The title, or None.", NULL },
  { "signatories", convention_get_signatories, NULL,
    "The signatories, in order, as a tuple of (name, role) pairs; role may be None.", NULL },
  { "commitments", convention_get_commitments, NULL,
    "A live view of the convention's commitments: len(), iteration, 'in',\n"
    "[id], add() and remove().", NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot convention_slots[] = {
  { Py_tp_doc, (void *)
    "Convention(id, operator, date, *, place=None, title=None, signatories=(),\n"
    "           commitments=())\n--\n\n"
    "A convention de mobilisation signed with one operator (operator is an\n"
    "id; date is YYYY-MM-DD). signatories is an iterable of names or of\n"
    "(name, role) pairs; commitments an iterable of Commitment." },
  { Py_tp_new, convention_new },
  { Py_tp_dealloc, terrind_py_entity_dealloc },
  { Py_tp_traverse, terrind_py_entity_traverse },
  { Py_tp_clear, terrind_py_entity_clear },
  { Py_tp_richcompare, terrind_py_entity_richcompare },
  { Py_tp_repr, convention_repr },
  { Py_tp_methods, convention_methods },
  { Py_tp_getset, convention_getset },
  { 0, NULL },
};

PyType_Spec terrind_py_convention_spec = {
  .name = "terrind.Convention",
  .basicsize = sizeof (TerrindPyEntity),
  .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .slots = convention_slots,
};
