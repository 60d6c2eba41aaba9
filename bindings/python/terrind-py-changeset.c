/* terrind-py-changeset.c: Registry.transaction(), edits that land together
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A Transaction wraps one TerrindChangeset, opened when
 * registry.transaction() is called:
 *
 *     with reg.transaction() as tx:
 *         tx.add(territory)
 *         tx.add(referent)
 *
 * commits on a normal exit and rolls back when the block raises. A failed
 * edit raises terrind.Error (its subclass for the code) and has already
 * rolled everything back; leaving the block by that exception is then a
 * no-op. While it is open, the registry's own mutations (reg.add(),
 * reg.territories.remove()…) raise InUseError: every change goes through
 * the transaction. A transaction dropped while open rolls back.
 *
 * Each edit holds the writer mark of its registry (see
 * terrind-py-registry.c) while it runs, so that it never overlaps an
 * export in another thread; the registry is looked up after the arguments
 * are converted, and no Python allocation comes between the lookup and the
 * C call.
 */

#include "config.h"

#include "terrind-py-private.h"

typedef struct {
  PyObject_HEAD
  PyObject         *registry;   /* the Registry object, a strong reference */
  TerrindChangeset *changeset;  /* NULL once committed or rolled back */
} TerrindPyTransaction;

#define TRANSACTION(self) ((TerrindPyTransaction *) (self))

/* Transactions only come from Registry.transaction(); Python 3.9 has no
 * Py_TPFLAGS_DISALLOW_INSTANTIATION, so refuse in tp_new. */
static PyObject *
refuse_new (PyTypeObject *type,
            PyObject     *args,
            PyObject     *kwargs)
{
  PyErr_Format (PyExc_TypeError, "cannot create '%s' instances: use Registry.transaction()",
                type->tp_name);
  return NULL;
}

static const char *const kind_names[TERRIND_PY_N_KINDS] = {
  [TERRIND_PY_PHASE] = "phase",
  [TERRIND_PY_REGION] = "region",
  [TERRIND_PY_TERRITORY] = "territory",
  [TERRIND_PY_OPERATOR] = "operator",
  [TERRIND_PY_CONVENTION] = "convention",
  [TERRIND_PY_COMMITMENT] = "commitment",
  [TERRIND_PY_REFERENT] = "referent",
  [TERRIND_PY_DESIGNATION] = "designation",
  [TERRIND_PY_INVESTMENT] = "investment",
};

/* The transaction's changeset and registry, usable for an edit now; NULL
 * with an exception set. */
static TerrindChangeset *
usable (PyObject         *self,
        TerrindRegistry **registry)
{
  TerrindPyTransaction *tx = TRANSACTION (self);

  if (tx->changeset == NULL)
    {
      PyErr_SetString (terrind_py_state_of (self)->closed_error,
                       "the transaction is over: it was committed or rolled back");
      return NULL;
    }
  *registry = terrind_py_registry_get (tx->registry, TERRIND_PY_WRITE);
  if (*registry == NULL)
    return NULL;
  return tx->changeset;
}

/* Ends an edit's call: None, or the exception of @error. */
static PyObject *
edit_result (PyObject        *self,
             TerrindRegistry *registry,
             gboolean         ok,
             GError          *error)
{
  TerrindPyState *state = terrind_py_state_of (self);

  terrind_py_busy_end (state, registry, TERRIND_PY_WRITE);
  if (!ok)
    {
      terrind_py_raise_gerror (state, error);
      g_error_free (error);
      return NULL;
    }
  Py_RETURN_NONE;
}

static int
entity_kind (TerrindPyState *state,
             PyObject       *object,
             TerrindPyKind  *kind)
{
  for (int k = 0; k < TERRIND_PY_N_KINDS; k++)
    if (PyObject_TypeCheck (object, state->types[k]))
      {
        *kind = (TerrindPyKind) k;
        return 0;
      }
  PyErr_SetString (PyExc_TypeError, "expected a Phase, Region, Territory, Operator, Convention, "
                                    "Commitment or Referent");
  return -1;
}

static const TerrindKind *
kind_by_name (const char *name)
{
  const TerrindKind *kind = terrind_model_lookup_kind (name);

  if (kind == NULL)
    PyErr_Format (PyExc_ValueError, "there is no kind of entity called '%s'", name);
  return kind;
}

/* tx.add(entity, convention=None) */
static PyObject *
transaction_add (PyObject *self,
                 PyObject *args,
                 PyObject *kwargs)
{
  static const char *const keywords[] = { "entity", "convention", NULL };
  TerrindPyState *state = terrind_py_state_of (self);
  PyObject *entity;
  const char *parent_id = NULL;
  TerrindChangeset *changeset;
  TerrindRegistry *registry;
  TerrindPyKind kind;
  GError *error = NULL;
  gboolean ok;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O|z:add", TERRIND_PY_KEYWORDS (keywords),
                                    &entity, &parent_id) ||
      entity_kind (state, entity, &kind) < 0)
    return NULL;
  if ((kind == TERRIND_PY_COMMITMENT) != (parent_id != NULL))
    {
      PyErr_SetString (PyExc_TypeError, kind == TERRIND_PY_COMMITMENT
                       ? "a commitment is added to a convention: give convention=ID"
                       : "only a commitment takes convention=");
      return NULL;
    }
  changeset = usable (self, &registry);
  if (changeset == NULL || terrind_py_busy_begin (state, registry, TERRIND_PY_WRITE) < 0)
    return NULL;
  ok = terrind_changeset_add (changeset, terrind_model_lookup_kind (kind_names[kind]),
                              ((TerrindPyEntity *) entity)->handle, parent_id, &error);
  return edit_result (self, registry, ok, error);
}

/* tx.replace(referent) */
static PyObject *
transaction_replace (PyObject *self,
                     PyObject *args,
                     PyObject *kwargs)
{
  TerrindPyState *state = terrind_py_state_of (self);
  TerrindChangeset *changeset;
  TerrindRegistry *registry;
  TerrindPyKind kind;
  GError *error = NULL;
  gboolean ok;
  PyObject *entity;

  if (terrind_py_parse_one (args, kwargs, "replace", "referent", &entity) < 0)
    return NULL;
  if (entity_kind (state, entity, &kind) < 0)
    return NULL;
  changeset = usable (self, &registry);
  if (changeset == NULL || terrind_py_busy_begin (state, registry, TERRIND_PY_WRITE) < 0)
    return NULL;
  ok = terrind_changeset_replace (changeset, terrind_model_lookup_kind (kind_names[kind]),
                                  ((TerrindPyEntity *) entity)->handle, &error);
  return edit_result (self, registry, ok, error);
}

/* tx.remove(kind, id, cascade=False) */
static PyObject *
transaction_remove (PyObject *self,
                    PyObject *args,
                    PyObject *kwargs)
{
  static const char *const keywords[] = { "kind", "id", "cascade", NULL };
  TerrindPyState *state = terrind_py_state_of (self);
  const char *kind_name, *id;
  int cascade = 0;
  const TerrindKind *kind;
  TerrindChangeset *changeset;
  TerrindRegistry *registry;
  GError *error = NULL;
  gboolean ok;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "ss|p:remove", TERRIND_PY_KEYWORDS (keywords),
                                    &kind_name, &id, &cascade) ||
      (kind = kind_by_name (kind_name)) == NULL)
    return NULL;
  changeset = usable (self, &registry);
  if (changeset == NULL || terrind_py_busy_begin (state, registry, TERRIND_PY_WRITE) < 0)
    return NULL;
  ok = terrind_changeset_remove (changeset, kind, id,
                                 cascade ? TERRIND_REMOVE_CASCADE : TERRIND_REMOVE_NONE, &error);
  return edit_result (self, registry, ok, error);
}

/* tx.set(kind, id, field, value) */
static PyObject *
transaction_set (PyObject *self,
                 PyObject *args,
                 PyObject *kwargs)
{
  static const char *const keywords[] = { "kind", "id", "field", "value", NULL };
  TerrindPyState *state = terrind_py_state_of (self);
  const char *kind_name, *id, *field_name, *value;
  const TerrindKind *kind;
  const TerrindField *field;
  TerrindChangeset *changeset;
  TerrindRegistry *registry;
  GError *error = NULL;
  gboolean ok;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "sssz:set", TERRIND_PY_KEYWORDS (keywords),
                                    &kind_name, &id, &field_name, &value) ||
      (kind = kind_by_name (kind_name)) == NULL)
    return NULL;
  field = terrind_kind_lookup_field (kind, field_name);
  if (field == NULL)
    {
      PyErr_Format (PyExc_ValueError, "a %s has no field '%s'", kind_name, field_name);
      return NULL;
    }
  changeset = usable (self, &registry);
  if (changeset == NULL || terrind_py_busy_begin (state, registry, TERRIND_PY_WRITE) < 0)
    return NULL;
  ok = terrind_changeset_set_value (changeset, field, id, value, &error);
  return edit_result (self, registry, ok, error);
}

static PyObject *
transaction_commit (PyObject *self,
                    PyObject *unused)
{
  TerrindPyTransaction *tx = TRANSACTION (self);
  g_autoptr(TerrindChangeset) changeset = g_steal_pointer (&tx->changeset);
  GError *error = NULL;

  if (changeset == NULL)
    {
      PyErr_SetString (terrind_py_state_of (self)->closed_error,
                       "the transaction is over: it was committed or rolled back");
      return NULL;
    }
  if (!terrind_changeset_commit (changeset, &error))
    {
      terrind_py_raise_gerror (terrind_py_state_of (self), error);
      g_error_free (error);
      return NULL;
    }
  Py_RETURN_NONE;
}

/* Rolling back writes the registry: not while another thread exports it.
 * Idempotent. */
static PyObject *
transaction_rollback (PyObject *self,
                      PyObject *unused)
{
  TerrindPyTransaction *tx = TRANSACTION (self);

  if (tx->changeset == NULL)
    Py_RETURN_NONE;
  if (terrind_py_busy_check (terrind_py_state_of (self),
                             terrind_changeset_get_registry (tx->changeset),
                             TERRIND_PY_WRITE) < 0)
    return NULL;
  g_clear_pointer (&tx->changeset, terrind_changeset_unref);
  Py_RETURN_NONE;
}

static PyObject *
transaction_enter (PyObject *self,
                   PyObject *unused)
{
  return terrind_py_new_ref (self);
}

/* Commits when the block ended normally, rolls back when it raised; never
 * swallows the exception. */
static PyObject *
transaction_exit (PyObject *self,
                  PyObject *args)
{
  PyObject *type = NULL, *value = NULL, *traceback = NULL;
  PyObject *result;

  if (!PyArg_UnpackTuple (args, "__exit__", 3, 3, &type, &value, &traceback))
    return NULL;
  if (TRANSACTION (self)->changeset == NULL)
    Py_RETURN_FALSE;
  result = type == Py_None ? transaction_commit (self, NULL) : transaction_rollback (self, NULL);
  if (result == NULL)
    return NULL;
  Py_DECREF (result);
  Py_RETURN_FALSE;
}

static PyObject *
transaction_get_open (PyObject *self,
                      void     *closure)
{
  return PyBool_FromLong (TRANSACTION (self)->changeset != NULL);
}

static PyObject *
transaction_get_n_edits (PyObject *self,
                         void     *closure)
{
  TerrindPyTransaction *tx = TRANSACTION (self);

  return PyLong_FromUnsignedLong (tx->changeset != NULL
                                  ? terrind_changeset_get_n_edits (tx->changeset) : 0);
}

static int
transaction_traverse (PyObject *self,
                      visitproc visit,
                      void     *arg)
{
  Py_VISIT (Py_TYPE (self));
  Py_VISIT (TRANSACTION (self)->registry);
  return 0;
}

static int
transaction_clear (PyObject *self)
{
  Py_CLEAR (TRANSACTION (self)->registry);
  return 0;
}

static void
transaction_dealloc (PyObject *self)
{
  PyTypeObject *type = Py_TYPE (self);

  PyObject_GC_UnTrack (self);
  /* Dropped while open: the last reference rolls the edits back. */
  g_clear_pointer (&TRANSACTION (self)->changeset, terrind_changeset_unref);
  transaction_clear (self);
  type->tp_free (self);
  Py_DECREF (type);
}

/*
 * terrind_py_registry_transaction:
 *
 * Registry.transaction(): opens a changeset on the registry.
 */
PyObject *
terrind_py_registry_transaction (PyObject *self,
                                 PyObject *unused)
{
  TerrindPyState *state = terrind_py_state_of (self);
  TerrindPyTransaction *tx;
  TerrindRegistry *registry;
  TerrindChangeset *changeset;
  GError *error = NULL;

  tx = PyObject_GC_New (TerrindPyTransaction, state->transaction_type);
  if (tx == NULL)
    return NULL;
  tx->registry = terrind_py_new_ref (self);
  tx->changeset = NULL;
  PyObject_GC_Track ((PyObject *) tx);
  /* Looked up after the allocation, which may have run a finalizer. */
  registry = terrind_py_registry_get (self, TERRIND_PY_WRITE);
  if (registry == NULL)
    {
      Py_DECREF (tx);
      return NULL;
    }
  changeset = terrind_changeset_new (registry, &error);
  if (changeset == NULL)
    {
      terrind_py_raise_gerror (state, error);
      g_error_free (error);
      Py_DECREF (tx);
      return NULL;
    }
  tx->changeset = changeset;
  return (PyObject *) tx;
}

static PyMethodDef transaction_methods[] = {
  { "add", (PyCFunction) (void (*) (void)) transaction_add, METH_VARARGS | METH_KEYWORDS,
    "add($self, /, entity, convention=None)\n--\n\n"
    "Add an entity that belongs to no registry; a Commitment names the id\n"
    "of its convention. Checked against the registry as the earlier edits\n"
    "left it. On failure, raises terrind.Error and rolls everything back." },
  { "replace", (PyCFunction) (void (*) (void)) transaction_replace, METH_VARARGS | METH_KEYWORDS,
    "replace($self, /, referent)\n--\n\n"
    "Replace the referent its operator has for its territory." },
  { "remove", (PyCFunction) (void (*) (void)) transaction_remove, METH_VARARGS | METH_KEYWORDS,
    "remove($self, /, kind, id, cascade=False)\n--\n\n"
    "Remove the entity of this kind ('territory', 'referent'…) and id;\n"
    "with cascade, what refers to it too." },
  { "set", (PyCFunction) (void (*) (void)) transaction_set, METH_VARARGS | METH_KEYWORDS,
    "set($self, /, kind, id, field, value)\n--\n\n"
    "Change one field of an entity, in its text form (None unsets it)." },
  { "commit", transaction_commit, METH_NOARGS,
    "commit($self, /)\n--\n\nKeep every edit and end the transaction." },
  { "rollback", transaction_rollback, METH_NOARGS,
    "rollback($self, /)\n--\n\nUndo every edit and end the transaction. Harmless when over." },
  { "__enter__", transaction_enter, METH_NOARGS,
    "__enter__($self, /)\n--\n\nReturn the transaction itself." },
  { "__exit__", transaction_exit, METH_VARARGS,
    "__exit__($self, exc_type, exc, tb, /)\n--\n\n"
    "Commit on a normal exit, roll back on an exception." },
  { NULL, NULL, 0, NULL },
};

static PyGetSetDef transaction_getset[] = {
  { "open", transaction_get_open, NULL, "Whether edits can still be made.", NULL },
  { "n_edits", transaction_get_n_edits, NULL, "How many edits are pending.", NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot transaction_slots[] = {
  { Py_tp_doc, (void *)
    "Edits to a registry that land together or not at all; made by\n"
    "Registry.transaction(), used as a context manager." },
  { Py_tp_new, refuse_new },
  { Py_tp_dealloc, transaction_dealloc },
  { Py_tp_traverse, transaction_traverse },
  { Py_tp_clear, transaction_clear },
  { Py_tp_methods, transaction_methods },
  { Py_tp_getset, transaction_getset },
  { 0, NULL },
};

PyType_Spec terrind_py_transaction_spec = {
  .name = "terrind.Transaction",
  .basicsize = sizeof (TerrindPyTransaction),
  .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .slots = transaction_slots,
};
