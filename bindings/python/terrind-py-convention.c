/* terrind-py-convention.c: terrind.Convention
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

#define CONVENTION(self) TERRIND_PY_HANDLE (self, TerrindConvention)

/* Fields, constructor and repr come from the description
 * (terrind-py-model.c); here are the commitments, which the description
 * has as a kind of their own, and the methods. */

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

/* commitments=, the constructor's keyword after the fields. */
static int
convention_finish (PyObject        *self,
                   PyObject * const *extras)
{
  return convention_add_commitments (terrind_py_state_of (self), self, extras[0]);
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
  return terrind_py_entity_add_item (self, "signatories", "add_signatory", args, kwargs);
}

static PyMethodDef convention_methods[] = {
  { "add_signatory", (PyCFunction) (void (*) (void)) convention_add_signatory,
    METH_VARARGS | METH_KEYWORDS,
    "add_signatory($self, /, name, role=None)\n--\n\n"
    "Add a signatory (signatories keep the order they are added in)." },
  { NULL, NULL, 0, NULL },
};

static PyGetSetDef convention_getset[] = {
  { "commitments", convention_get_commitments, NULL,
    "A live view of the convention's commitments: len(), iteration, 'in',\n"
    "[id], add() and remove().", NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

static const char * const convention_extra_keywords[] = { "commitments", NULL };

const TerrindPyKindSpec terrind_py_convention_kind = {
  .name = "convention",
  .doc = "A convention de mobilisation signed with one operator (operator is an\n"
         "id; date is YYYY-MM-DD). signatories is an iterable of names or of\n"
         "(name, role) pairs; commitments an iterable of Commitment.",
  .methods = convention_methods,
  .getset = convention_getset,
  .extra_keywords = convention_extra_keywords,
  .finish = convention_finish,
};
